"""Read-only questions to the knowledge graph: who is linked to whom, where it is said, how far apart.

Every function takes the ``nx.MultiDiGraph`` of ``graph/schema.py`` and node ids (use
:mod:`policykg.graph.search` to turn a name into an id), never modifies the graph and returns
small frozen view objects that print as plain text. Relations are followed in both directions:
``A -AFFILIATED_WITH-> B`` makes B a neighbour of A and A a neighbour of B.

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

import html
import re
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from .schema import EDGE_TYPES, NODE_TYPES, UNDIRECTED_TYPES

__all__ = [
    "Node", "Document", "Evidence", "Relation", "Neighbor", "Hop",
    "NodeNotFoundError", "NoPathError",
    "CENTRALITY", "plain_text", "node_view", "check_types", "neighbors", "evidence", "documents", "shortest_path",
    "to_weighted_graph", "central", "communities", "subgraph", "stats",
]

# Control characters (C0, C1), line and paragraph separators and bidi overrides could move
# the cursor or reorder a terminal line; text from documents is shown without them.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")


def plain_text(text: str) -> str:
    """Return ``text`` on one line, control characters and bidi overrides replaced by a space.

    Examples
    --------
    >>> plain_text("国务院\\n和\\x1b[31m马克思\\u202e主义")
    '国务院 和 [31m马克思 主义'
    """
    return _UNPRINTABLE.sub(" ", text)


class NodeNotFoundError(LookupError):
    """No node has this id or name; ``suggestions`` holds the closest matches, best first."""

    def __init__(self, name: str, message: str, suggestions: Iterable = ()):
        super().__init__(message)
        self.name = name
        self.suggestions = list(suggestions)


class NoPathError(nx.NetworkXNoPath):
    """The two nodes are in different components (or no path has edges of the weight asked for)."""


@dataclass(frozen=True, slots=True)
class Node:
    """A node as plain values: what ``graph/schema.py`` stores, without the evidence."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...]
    languages: tuple[str, ...]
    documents: tuple[str, ...]
    mentions: int

    def __str__(self) -> str:
        return f"{plain_text(self.label)} ({self.type}, {self.id})"

    def __repr__(self) -> str:
        return f"<Node {self.id} {self.type} {self.label!r} mentions={self.mentions}>"

    def _repr_html_(self) -> str:
        rows = [("type", self.type), ("aliases", " | ".join(self.aliases)), ("languages", ", ".join(self.languages)),
                ("documents", ", ".join(self.documents)), ("mentions", str(self.mentions))]
        cells = "".join(f"<tr><th>{k}</th><td>{html.escape(plain_text(v))}</td></tr>" for k, v in rows)
        return (f"<div><b>{html.escape(plain_text(self.label))}</b> <code>{html.escape(self.id)}</code>"
                f"<table>{cells}</table></div>")


@dataclass(frozen=True, slots=True)
class Document:
    """One document of the graph's ``documents`` table (``title`` is None if the table lacks it)."""

    id: str
    title: str | None
    languages: tuple[str, ...]
    date: str | None

    def __str__(self) -> str:
        return f"{plain_text(self.id)}  {plain_text(self.title or '')}".rstrip()


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence supporting the relation ``source -relation-> target``; offsets are into the document."""

    relation: str
    source: str
    target: str
    doc: str
    start: int
    end: int
    sentence: str

    def __str__(self) -> str:
        return f"[{plain_text(self.doc)} {self.start}:{self.end}] {plain_text(self.sentence)}"


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation seen from a node: ``direction`` is ``"--"`` (undirected), ``"->"`` (out) or ``"<-"`` (in)."""

    type: str
    direction: str
    weight: int

    def __str__(self) -> str:
        return {"--": self.type, "->": f"{self.type}->", "<-": f"<-{self.type}"}[self.direction]


@dataclass(frozen=True, slots=True)
class Neighbor:
    """A neighbouring node, the relations that join it and the weight of the strongest."""

    node: Node
    weight: int
    relations: tuple[Relation, ...]

    def __str__(self) -> str:
        return f"{self.weight}  {self.node}  {', '.join(map(str, self.relations))}"


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a path: the relations between ``source`` and ``target`` and their evidence."""

    source: Node
    target: Node
    relations: tuple[Relation, ...]
    evidence: tuple[Evidence, ...]

    def __str__(self) -> str:
        return f"{self.source} -[{', '.join(map(str, self.relations))}]- {self.target}"


def node_view(g: nx.MultiDiGraph, n: str) -> Node:
    """Return the :class:`Node` view of node id ``n``.

    Raises
    ------
    NodeNotFoundError
        If ``n`` is not a node id of ``g``.

    Examples
    --------
    >>> from policykg.graph.knowledge import seeds_graph
    >>> node = node_view(seeds_graph().nx, "n1c4638a0eae8")
    >>> sorted(node.aliases)
    ['国务院', '國務院']
    """
    if n not in g:
        raise NodeNotFoundError(n, f"no node with id {n!r}; look the name up with KnowledgeGraph.find().")
    a = g.nodes[n]
    return Node(
        id=n, label=str(a.get("label", n)), type=str(a.get("type", "")), aliases=tuple(a.get("aliases") or ()),
        languages=tuple(a.get("languages") or ()), documents=tuple(a.get("documents") or ()),
        mentions=int(a.get("mentions") or 0),
    )


def check_types(g: nx.MultiDiGraph, types: str | Iterable[str] | None) -> frozenset[str] | None:
    """Return ``types`` as a set, refusing names that are neither schema types nor in ``g``.

    Examples
    --------
    >>> import networkx as nx
    >>> sorted(check_types(nx.MultiDiGraph(), "PERSON"))
    ['PERSON']
    >>> check_types(nx.MultiDiGraph(), ["PERSN"])
    Traceback (most recent call last):
    ...
    ValueError: unknown node type 'PERSN'; use one of ORG, PERSON, PLACE, TERM, WORK.
    """
    if types is None:
        return None
    wanted = frozenset([types] if isinstance(types, str) else types)
    known = set(NODE_TYPES).union(t for _, t in g.nodes(data="type") if t)
    for t in sorted(wanted - known):
        raise ValueError(f"unknown node type {t!r}; use one of {', '.join(sorted(known))}.")
    return wanted


def _relations_between(g: nx.MultiDiGraph, u: str, v: str, min_weight: int = 1) -> list[tuple[str, str, str, dict]]:
    """``(source, target, relation, attrs)`` for every edge between ``u`` and ``v``, in schema order."""
    found = [(u, v, k, a) for k, a in g.get_edge_data(u, v, default={}).items()]
    if u != v:
        found += [(v, u, k, a) for k, a in g.get_edge_data(v, u, default={}).items()]
    order = {t: i for i, t in enumerate(EDGE_TYPES)}
    found = [e for e in found if int(e[3].get("weight", 1)) >= min_weight]
    return sorted(found, key=lambda e: (order.get(e[2], len(order)), str(e[2]), e[0] != u))


def _relation(source: str, u: str, rtype: str, attrs: dict) -> Relation:
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
        rels = tuple(_relation(s, n, k, a) for s, _, k, a in _relations_between(g, n, m, min_weight))
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
    return _evidence_of(_relations_between(g, u, v))


def _evidence_of(relations: list[tuple[str, str, str, dict]]) -> list[Evidence]:
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
            if m not in parent and _relations_between(g, n, m, min_weight):
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
    for a, b in zip(nodes, nodes[1:], strict=False):
        rels = _relations_between(g, a, b, min_weight)
        hops.append(Hop(node_view(g, a), node_view(g, b), tuple(_relation(s, a, k, at) for s, _, k, at in rels),
                        tuple(_evidence_of(rels))))
    return hops


# ---- the graph as a whole -------------------------------------------------------------------

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
