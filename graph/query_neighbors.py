"""What joins one node to the others: its neighbours, the evidence of a pair, the documents naming it.

Relations are followed in both directions: ``A -AFFILIATED_WITH-> B`` makes B a neighbour of A
and A a neighbour of B. :func:`relations_between` reads them in schema order; :mod:`.query_paths`
builds its hops from it too.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([("p", {"label": "Hồ Chí Minh", "type": "PERSON"}), ("o", {"label": "Đảng", "type": "ORG"})])
>>> ev = {"doc": "a.txt", "start": 0, "end": 18, "sentence": "Hồ Chí Minh, Đảng."}
>>> g.add_edge("p", "o", key="AFFILIATED_WITH", weight=1, evidence=[ev])
'AFFILIATED_WITH'
>>> [str(nb) for nb in neighbors(g, "o")]
['1  Hồ Chí Minh (PERSON, p)  <-AFFILIATED_WITH']
>>> [str(e) for e in evidence(g, "o", "p")]
['[a.txt 0:18] Hồ Chí Minh, Đảng.']
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .query_views import Document, Evidence, Neighbor, Relation, check_types, node_view
from .schema import EDGE_TYPES, UNDIRECTED_TYPES

__all__ = ["documents", "evidence", "evidence_of", "neighbors", "relation_view", "relations_between"]


def relations_between(g: nx.MultiDiGraph, u: str, v: str, min_weight: int = 1) -> list[tuple[str, str, str, dict]]:
    """``(source, target, relation, attrs)`` for every edge between ``u`` and ``v``, in schema order."""
    found = [(u, v, k, a) for k, a in g.get_edge_data(u, v, default={}).items()]
    if u != v:
        found += [(v, u, k, a) for k, a in g.get_edge_data(v, u, default={}).items()]
    order = {t: i for i, t in enumerate(EDGE_TYPES)}
    found = [e for e in found if int(e[3].get("weight", 1)) >= min_weight]
    return sorted(found, key=lambda e: (order.get(e[2], len(order)), str(e[2]), e[0] != u))


def relation_view(source: str, u: str, rtype: str, attrs: dict) -> Relation:
    """The :class:`Relation` of an edge ``source -rtype->`` as seen from node ``u``."""
    direction = "--" if rtype in UNDIRECTED_TYPES else ("->" if source == u else "<-")
    return Relation(str(rtype), direction, int(attrs.get("weight", 1)))


def neighbors(g: nx.MultiDiGraph, n: str, *, types: str | Iterable[str] | None = None,
              min_weight: int = 1) -> list[Neighbor]:
    """Return the neighbours of ``n`` over every relation, strongest first.

    Parameters
    ----------
    g : nx.MultiDiGraph
        The knowledge graph.
    n : str
        A node id.
    types : str or iterable of str, optional
        Keep only neighbours of these node types.
    min_weight : int
        Ignore relations supported by fewer sentences than this.

    Returns
    -------
    list of Neighbor
        One per neighbouring node, sorted by weight (of its strongest relation), then
        mentions (descending), then label and id.

    Raises
    ------
    NodeNotFoundError
        If ``n`` is not in ``g``.
    ValueError
        If a type is unknown.

    Examples
    --------
    >>> from policykg.graph.knowledge import seeds_graph
    >>> g = seeds_graph().nx
    >>> all(nb.node.type == "PERSON" for nb in neighbors(g, "n1c4638a0eae8", types="PERSON"))
    True
    """
    node_view(g, n)
    wanted = check_types(g, types)
    out = []
    for m in dict.fromkeys([*g.succ[n], *g.pred[n]]):
        if m == n or (wanted is not None and g.nodes[m].get("type") not in wanted):
            continue
        rels = tuple(relation_view(s, n, k, a) for s, _, k, a in relations_between(g, n, m, min_weight))
        if rels:
            out.append(Neighbor(node_view(g, m), max(r.weight for r in rels), rels))
    return sorted(out, key=lambda nb: (-nb.weight, -nb.node.mentions, nb.node.label, nb.node.id))


def evidence(g: nx.MultiDiGraph, u: str, v: str) -> list[Evidence]:
    """Return the sentences of every relation between ``u`` and ``v``, in either direction.

    Relations come in schema order (``CO_OCCURS`` first), each with its sentences in stored
    order; an empty list means the two are not related. Only the capped evidence kept in the
    graph is returned; the edge ``weight`` counts all supporting sentences.

    Raises
    ------
    NodeNotFoundError
        If ``u`` or ``v`` is not in ``g``.

    Examples
    --------
    >>> from policykg.graph.knowledge import seeds_graph
    >>> g = seeds_graph().nx
    >>> ev = evidence(g, "n1d55c09aadaf", "n05cbac81bef4")   # 马克思, 恩格斯
    >>> ev[0].relation, "恩格斯" in ev[0].sentence
    ('CO_OCCURS', True)
    """
    node_view(g, u), node_view(g, v)
    return evidence_of(relations_between(g, u, v))


def evidence_of(relations: list[tuple[str, str, str, dict]]) -> list[Evidence]:
    """The :class:`Evidence` of every sentence stored on ``relations`` (from :func:`relations_between`)."""
    return [
        Evidence(str(k), s, t, str(e.get("doc", "")), int(e.get("start", 0)), int(e.get("end", 0)),
                 str(e.get("sentence", "")))
        for s, t, k, a in relations
        for e in a.get("evidence") or ()
    ]


def documents(g: nx.MultiDiGraph, n: str) -> list[Document]:
    """Return the documents that mention ``n``, in the node's order (sorted ids).

    Examples
    --------
    >>> from policykg.graph.knowledge import seeds_graph
    >>> [d.id[:3] for d in documents(seeds_graph().nx, "n1c4638a0eae8")]
    ['001', '002', '004']
    """
    table = g.graph.get("documents") or {}
    out = []
    for doc in node_view(g, n).documents:
        meta = table.get(doc) or {}
        out.append(Document(doc, meta.get("title"), tuple(meta.get("languages") or ()), meta.get("date")))
    return out
