"""What the graph queries return: small frozen views that print as plain text, and their errors.

:func:`node_view` reads a node of the ``nx.MultiDiGraph`` of ``graph/schema.py`` into a :class:`Node`;
:class:`Neighbor`, :class:`Relation`, :class:`Evidence`, :class:`Hop` and :class:`Document` hold
the other answers of :mod:`.query`. Text from documents prints through :func:`plain_text`.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("n1", label="国务院", type="ORG", aliases=["国务院", "國務院"], mentions=3)
>>> print(node_view(g, "n1"))
国务院 (ORG, n1)
>>> str(Relation("AFFILIATED_WITH", "->", 2)), str(Relation("CO_OCCURS", "--", 1))
('AFFILIATED_WITH->', 'CO_OCCURS')
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from .schema import NODE_TYPES

__all__ = [
    "Document",
    "Evidence",
    "Hop",
    "Neighbor",
    "NoPathError",
    "Node",
    "NodeNotFoundError",
    "Relation",
    "check_types",
    "node_view",
    "plain_text",
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
    ['State Council', '国务院', '國務院']
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
