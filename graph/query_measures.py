"""The graph as a whole: its most central nodes, its communities and its counts.

Each measure reads :func:`to_weighted_graph`, the graph with directions and relation types folded away.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([("a", {"mentions": 3}), ("b", {"mentions": 1}), ("c", {"mentions": 2})])
>>> _ = g.add_edge("a", "b", key="CO_OCCURS", weight=2); _ = g.add_edge("b", "c", key="CO_OCCURS", weight=1)
>>> [(n.id, score) for n, score in central(g, 2, by="degree")]
[('b', 2), ('a', 1)]
>>> stats(g)["components"], stats(g)["largest_component"]
(1, 3)
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from .query_views import Node, node_view

__all__ = ["BETWEENNESS_SAMPLE", "CENTRALITY", "central", "communities", "stats", "to_weighted_graph"]


#: The measures :func:`central` ranks by.
CENTRALITY = ("pagerank", "degree", "betweenness", "mentions")
#: Above this many nodes betweenness is estimated from this many sampled sources (seeded).
BETWEENNESS_SAMPLE = 1000


def to_weighted_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Collapse ``g`` to an undirected simple graph whose ``weight`` sums the weights of all relations of a pair.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="CO_OCCURS", weight=2); g.add_edge("b", "a", key="AUTHOR_OF", weight=1)
    'CO_OCCURS'
    'AUTHOR_OF'
    >>> to_weighted_graph(g).edges["a", "b"]["weight"]
    3
    """
    h = nx.Graph()
    h.add_nodes_from(g)
    for u, v, w in g.edges(data="weight", default=1):
        if u != v:
            h.add_edge(u, v, weight=h.get_edge_data(u, v, {"weight": 0})["weight"] + int(w))
    return h


def central(g: nx.MultiDiGraph, k: int = 10, *, by: str = "pagerank") -> list[tuple[Node, float]]:
    """Return the ``k`` most central nodes with their scores, highest first.

    ``pagerank`` is weighted PageRank of :func:`to_weighted_graph`; ``degree`` counts distinct
    neighbours; ``betweenness`` is unweighted betweenness centrality (estimated from
    :data:`BETWEENNESS_SAMPLE` seeded sources on larger graphs); ``mentions`` counts mentions.
    Ties go to more mentions, then the smaller id.

    Raises
    ------
    ValueError
        If ``by`` is not one of :data:`CENTRALITY` or ``k`` is negative.

    Examples
    --------
    >>> from policykg.graph.knowledge import seeds_graph
    >>> [(str(n.label), s) for n, s in central(seeds_graph().nx, 1, by="mentions")]
    [('社會組織', 137)]
    """
    if by not in CENTRALITY:
        raise ValueError(f"by={by!r} is not one of {', '.join(CENTRALITY)}.")
    if k < 0:
        raise ValueError(f"k={k} must be >= 0.")
    h = to_weighted_graph(g)
    if by == "pagerank":
        scores = nx.pagerank(h, weight="weight") if len(h) else {}
    elif by == "degree":
        scores = dict(h.degree())
    elif by == "betweenness":
        sample = BETWEENNESS_SAMPLE if len(h) > BETWEENNESS_SAMPLE else None
        scores = nx.betweenness_centrality(h, k=sample, seed=0)
    else:
        scores = {n: int(m or 0) for n, m in g.nodes(data="mentions")}
    views = [node_view(g, n) for n in g]
    views.sort(key=lambda n: (-scores[n.id], -n.mentions, n.id))
    return [(n, scores[n.id]) for n in views[:k]]


def communities(g: nx.MultiDiGraph, *, resolution: float = 1.0, seed: int = 0) -> list[list[Node]]:
    """Return Louvain communities of :func:`to_weighted_graph`, largest first, each sorted by mentions.

    The fixed ``seed`` makes the result the same on every run for the same graph.

    Examples
    --------
    >>> from policykg.graph.knowledge import seeds_graph
    >>> g = seeds_graph().nx
    >>> parts = communities(g)
    >>> sum(map(len, parts)) == len(g), len(parts[0]) >= len(parts[-1])
    (True, True)
    """
    h = to_weighted_graph(g)
    parts = nx.community.louvain_communities(h, weight="weight", resolution=resolution, seed=seed)
    out = [sorted((node_view(g, n) for n in part), key=lambda n: (-n.mentions, n.id)) for part in parts]
    return sorted(out, key=lambda part: (-len(part), min(n.id for n in part)))


def stats(g: nx.MultiDiGraph) -> dict:
    """Return counts by node type, relation and language, and the shape of the graph.

    ``density`` and ``components`` are those of :func:`to_weighted_graph` (pairs of related
    nodes, direction ignored); ``languages`` counts nodes seen in each language.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(documents={"a.txt": {}})
    >>> g.add_node("n1", type="ORG", languages=["zh-Hans"]); g.add_node("n2", type="ORG", languages=["vi"])
    >>> g.add_node("n3", type="TERM", languages=["vi"])
    >>> g.add_edge("n1", "n2", key="CO_OCCURS", weight=1)
    'CO_OCCURS'
    >>> stats(g)   # doctest: +NORMALIZE_WHITESPACE
    {'nodes': 3, 'edges': 1, 'documents': 1, 'types': {'ORG': 2, 'TERM': 1}, 'relations': {'CO_OCCURS': 1},
     'languages': {'vi': 2, 'zh-Hans': 1}, 'density': 0.3333, 'components': 2, 'largest_component': 2, 'isolates': 1}
    """
    h = to_weighted_graph(g)
    sizes = [len(c) for c in nx.connected_components(h)]
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "documents": len(g.graph.get("documents") or {}),
        "types": dict(sorted(Counter(t for _, t in g.nodes(data="type")).items())),
        "relations": dict(sorted(Counter(str(k) for _, _, k in g.edges(keys=True)).items())),
        "languages": dict(sorted(Counter(x for _, ls in g.nodes(data="languages") for x in ls or ()).items())),
        "density": round(nx.density(h), 4),
        "components": len(sizes),
        "largest_component": max(sizes, default=0),
        "isolates": nx.number_of_isolates(h),
    }
