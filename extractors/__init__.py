"""Text → entities and relations with evidence, for zh-Hans, zh-Hant, vi and en.

The public entry points are :func:`extract` (spans of one text) and :func:`process_document`
(a whole document as a :class:`~policykg.extractors.records.DocumentRecord`). They are imported
lazily so that ``import policykg.extractors`` stays cheap.
"""

from __future__ import annotations

__all__ = ["extract", "process_document", "get_nlp", "EXTRACTED_LANGS"]


def __getattr__(name: str):
    if name in __all__:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'policykg.extractors' has no attribute {name!r}")
