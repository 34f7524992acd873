"""Graph assembly, queries, views and exports of policy-kg.

``KnowledgeGraph`` is imported on first use, so ``import policykg.graph`` stays cheap.

Examples
--------
>>> from policykg.graph import KnowledgeGraph
>>> KnowledgeGraph.__module__
'policykg.graph.knowledge'
"""

from __future__ import annotations

__all__ = ["KnowledgeGraph"]


def __getattr__(name: str):
    if name == "KnowledgeGraph":
        from .knowledge import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
