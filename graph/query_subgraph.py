"""A smaller graph cut out of the knowledge graph by node type, language, document and weight.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(documents={"a.txt": {}, "b.txt": {}})
>>> g.add_nodes_from([("p", {"type": "PERSON", "languages": ["vi"], "documents": ["a.txt"]}),
...                   ("o", {"type": "ORG", "languages": ["vi"], "documents": ["a.txt", "b.txt"]})])
>>> _ = g.add_edge("p", "o", key="CO_OCCURS", weight=1, documents=["a.txt"])
>>> sorted(subgraph(g, documents="b.txt")), sorted(subgraph(g, documents="b.txt").graph["documents"])
(['o'], ['b.txt'])
>>> subgraph(g, types="PERSON", drop_isolates=True).number_of_nodes()
0
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .query_views import check_types

__all__ = ["subgraph"]


def subgraph(g: nx.MultiDiGraph, *, types: str | Iterable[str] | None = None,
             languages: str | Iterable[str] | None = None, documents: str | Iterable[str] | None = None,
             min_weight: int = 1, drop_isolates: bool = False) -> nx.MultiDiGraph:
    """Return a new graph of the nodes and edges that pass every filter given.

    A node passes if its type is in ``types``, one of its languages is in ``languages`` and
    one of its documents is in ``documents``; an edge passes if both ends pass, its weight
    is at least ``min_weight`` and (with ``documents``) one of its documents is listed.
    Attributes are shared with ``g`` as in ``g.subgraph(...).copy()``: weights and
    evidence still count the whole corpus. The ``documents`` table keeps the listed ones.

    Raises
    ------
    ValueError
        If a type or a document id is unknown.

    Examples
    --------
    >>> from policykg.graph.knowledge import seeds_graph
    >>> sub = subgraph(seeds_graph().nx, types="PERSON", languages="vi")
    >>> sorted(a["label"] for _, a in sub.nodes(data=True))
    ['Hồ Chí Minh', 'Nguyễn Phú Trọng']
    """
    wanted_types = check_types(g, types)
    langs = None if languages is None else frozenset([languages] if isinstance(languages, str) else languages)
    docs = None if documents is None else frozenset([documents] if isinstance(documents, str) else documents)
    table = g.graph.get("documents") or {}
    if docs is not None:
        known = set(table).union(d for _, ds in g.nodes(data="documents") for d in ds or ())
        for d in sorted(docs - known):
            raise ValueError(f"unknown document {d!r}; the graph has {len(known)} documents, e.g. {sorted(known)[:3]}.")

    def keep(a: dict) -> bool:
        return ((wanted_types is None or a.get("type") in wanted_types)
                and (langs is None or not langs.isdisjoint(a.get("languages") or ()))
                and (docs is None or not docs.isdisjoint(a.get("documents") or ())))

    h = nx.MultiDiGraph()
    h.graph.update(g.graph)
    if docs is not None:
        h.graph["documents"] = {d: m for d, m in table.items() if d in docs}
    h.add_nodes_from((n, dict(a)) for n, a in g.nodes(data=True) if keep(a))
    h.add_edges_from(
        (u, v, k, dict(a)) for u, v, k, a in g.edges(keys=True, data=True)
        if u in h and v in h and int(a.get("weight", 1)) >= min_weight
        and (docs is None or not docs.isdisjoint(a.get("documents") or ()))
    )
    if drop_isolates:
        h.remove_nodes_from(list(nx.isolates(h)))
    return h
