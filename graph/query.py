"""Read-only questions to the knowledge graph: who is linked to whom, where it is said, how far apart.

Every function takes the ``nx.MultiDiGraph`` of ``graph/schema.py`` and node ids (use
:mod:`policykg.graph.search` to turn a name into an id), never modifies the graph and returns
small frozen view objects that print as plain text. Relations are followed in both directions:
``A -AFFILIATED_WITH-> B`` makes B a neighbour of A and A a neighbour of B.

The functions live in modules of their own, one job each, and are re-exported here: :mod:`.query_views` (the answers'
types, :func:`node_view`), :mod:`.query_neighbors` (neighbours, evidence, documents),
:mod:`.query_paths` (shortest paths), :mod:`.query_measures` (centrality, communities, counts)
and :mod:`.query_subgraph` (filtering).

Examples
--------
>>> from policykg.graph.knowledge import seeds_graph
>>> g = seeds_graph().nx
>>> node_view(g, "n1c4638a0eae8").type
'ORG'
>>> [str(nb.node) for nb in neighbors(g, "n1d55c09aadaf", types="PERSON") if nb.node.label == "恩格斯"]
['恩格斯 (PERSON, n05cbac81bef4)']
"""

from __future__ import annotations

from .query_measures import (
    BETWEENNESS_SAMPLE,
    CENTRALITY,
    central,
    communities,
    stats,
    to_weighted_graph,
)
from .query_neighbors import documents, evidence, neighbors
from .query_paths import shortest_path
from .query_subgraph import subgraph
from .query_views import (
    Document,
    Evidence,
    Hop,
    Neighbor,
    Node,
    NodeNotFoundError,
    NoPathError,
    Relation,
    check_types,
    node_view,
    plain_text,
)

__all__ = [
    "BETWEENNESS_SAMPLE",
    "CENTRALITY",
    "Document",
    "Evidence",
    "Hop",
    "Neighbor",
    "NoPathError",
    "Node",
    "NodeNotFoundError",
    "Relation",
    "central",
    "check_types",
    "communities",
    "documents",
    "evidence",
    "neighbors",
    "node_view",
    "plain_text",
    "shortest_path",
    "stats",
    "subgraph",
    "to_weighted_graph",
]
