"""The fewest-hops path between two nodes, each hop with its relations and their evidence.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([("a", {"label": "马克思", "type": "PERSON"}), ("b", {"label": "资本论", "type": "WORK"}),
...                   ("c", {"label": "恩格斯", "type": "PERSON"})])
>>> _ = g.add_edge("a", "b", key="AUTHOR_OF", weight=1); _ = g.add_edge("c", "b", key="CO_OCCURS", weight=2)
>>> for hop in shortest_path(g, "a", "c"):
...     print(hop)
马克思 (PERSON, a) -[AUTHOR_OF->]- 资本论 (WORK, b)
资本论 (WORK, b) -[CO_OCCURS]- 恩格斯 (PERSON, c)
"""

from __future__ import annotations

from collections import deque
from itertools import pairwise

import networkx as nx

from .query_neighbors import evidence_of, relation_view, relations_between
from .query_views import Hop, NoPathError, node_view

__all__ = ["shortest_path"]


def shortest_path(g: nx.MultiDiGraph, u: str, v: str, *, min_weight: int = 1) -> list[Hop]:
    """Return the fewest-hops path from ``u`` to ``v``, following relations in both directions.

    Ties go to the path through the smaller node ids (breadth-first search visiting
    neighbours in id order), so the answer does not depend on how the graph was loaded.

    Returns
    -------
    list of Hop
        One per edge of the path, each with its relations and their evidence; ``[]`` when
        ``u == v``.

    Raises
    ------
    NodeNotFoundError
        If ``u`` or ``v`` is not in ``g``.
    NoPathError
        If no path joins them (through relations of at least ``min_weight``).

    Examples
    --------
    >>> from policykg.graph.knowledge import seeds_graph
    >>> hops = shortest_path(seeds_graph().nx, "n1d55c09aadaf", "n05cbac81bef4")
    >>> len(hops), hops[0].relations[0].type
    (1, 'CO_OCCURS')
    """
    src, dst = node_view(g, u), node_view(g, v)
    parent: dict[str, str | None] = {u: None}
    queue = deque([u])
    while queue and v not in parent:
        n = queue.popleft()
        for m in sorted(set(g.succ[n]).union(g.pred[n])):
            if m not in parent and relations_between(g, n, m, min_weight):
                parent[m] = n
                queue.append(m)
    if v not in parent:
        raise NoPathError(f"no path between {src} and {dst}"
                          + (f" through relations of weight >= {min_weight}" if min_weight > 1 else "")
                          + "; they are in different components.")
    nodes = [v]
    while (p := parent[nodes[-1]]) is not None:
        nodes.append(p)
    nodes.reverse()
    hops = []
    for a, b in pairwise(nodes):
        rels = relations_between(g, a, b, min_weight)
        hops.append(Hop(node_view(g, a), node_view(g, b), tuple(relation_view(s, a, k, at) for s, _, k, at in rels),
                        tuple(evidence_of(rels))))
    return hops
