"""Document records → the knowledge graph (``nx.MultiDiGraph``, see :mod:`policykg.graph.schema`).

Mentions merge into nodes by :func:`~policykg.graph.resolve.entity_key`; entities that share a
sentence are joined by a ``CO_OCCURS`` edge whose weight counts the sentences; typed relations
from the extractors become edges keyed by their type. Evidence is capped per node and edge so
the graph does not grow with every repeated sentence.

Examples
--------
>>> from policykg.extractors.records import DocumentRecord, Mention, Sentence
>>> rec = DocumentRecord("a.txt", "t", "国务院和中国科学院", sentences=[Sentence(0, 9, "国务院和中国科学院", "zh-Hans")],
...                      mentions=[Mention("国务院", "ORG", 0, 3, "zh-Hans", 0), Mention("中国科学院", "ORG", 4, 9, "zh-Hans", 0)])
>>> g = build_graph([rec])
>>> sorted(d["label"] for _, d in g.nodes(data=True)), g.number_of_edges()
(['中国科学院', '国务院'], 1)
>>> next(iter(g.edges(data=True)))[2]["evidence"][0]["sentence"]
'国务院和中国科学院'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations

import networkx as nx

from policykg.extractors.records import DocumentRecord, Mention

from .resolve import entity_key, node_id
from .schema import DEFAULT_EVIDENCE_CAP, UNDIRECTED_TYPES

__all__ = ["build_graph", "DEFAULT_EVIDENCE_CAP", "MAX_ENTITIES_PER_SENTENCE"]

#: Sentences naming more entities than this (reference lists, tables) add no co-occurrence edges.
MAX_ENTITIES_PER_SENTENCE = 30


class _NodeAcc:
    __slots__ = ("type", "surfaces", "languages", "documents", "mentions", "evidence")

    def __init__(self, type_: str):
        self.type = type_
        self.surfaces: Counter[str] = Counter()
        self.languages: dict[str, None] = {}
        self.documents: dict[str, None] = {}
        self.mentions = 0
        self.evidence: list[dict] = []


class _EdgeAcc:
    __slots__ = ("weight", "documents", "evidence", "attrs")

    def __init__(self):
        self.weight = 0
        self.documents: dict[str, None] = {}
        self.evidence: list[dict] = []
        self.attrs: dict[str, str] = {}


def _evidence(doc_id: str, start: int, end: int, sentence: str) -> dict:
    return {"doc": doc_id, "start": start, "end": end, "sentence": sentence}


def build_graph(records: Iterable[DocumentRecord], *, evidence_cap: int = DEFAULT_EVIDENCE_CAP,
                key: Callable[[Mention], tuple[str, str]] = entity_key) -> nx.MultiDiGraph:
    """Assemble the graph from document records (deterministic for the same records in any order).

    ``key`` gives the (type, key) a mention is merged under; the user's alias file passes
    :meth:`~policykg.graph.aliases.AliasTable.entity_key` so its ``never`` rows hold.
    """
    nodes: dict[str, _NodeAcc] = {}
    edges: dict[tuple[str, str, str], _EdgeAcc] = defaultdict(_EdgeAcc)
    documents: dict[str, dict] = {}
    for rec in sorted(records, key=lambda r: r.doc_id):
        documents[rec.doc_id] = {"title": rec.title, "languages": list(rec.languages), "date": rec.date, "size": rec.size}
        ids = []
        by_sentence: dict[int, dict[str, None]] = defaultdict(dict)
        for m in rec.mentions:
            mkey = key(m)
            nid = node_id(mkey)
            ids.append(nid)
            acc = nodes.get(nid) or nodes.setdefault(nid, _NodeAcc(mkey[0]))
            acc.surfaces[m.text] += 1
            acc.languages[m.lang] = None
            acc.documents[rec.doc_id] = None
            acc.mentions += 1
            sent = rec.sentences[m.sentence] if m.sentence < len(rec.sentences) else None
            if sent is not None and len(acc.evidence) < evidence_cap and all(e["sentence"] != sent.text for e in acc.evidence):
                acc.evidence.append(_evidence(rec.doc_id, sent.start, sent.end, sent.text))
            by_sentence[m.sentence][nid] = None
        for idx, members in sorted(by_sentence.items()):
            if not 2 <= len(members) <= MAX_ENTITIES_PER_SENTENCE or idx >= len(rec.sentences):
                continue
            sent = rec.sentences[idx]
            for u, v in combinations(sorted(members), 2):
                _add_support(edges[(u, v, "CO_OCCURS")], rec.doc_id, sent.start, sent.end, sent.text, evidence_cap)
        for rel in rec.relations:
            u, v = ids[rel.source], ids[rel.target]
            if u == v:
                continue
            if rel.type in UNDIRECTED_TYPES and v < u:
                u, v = v, u
            acc = edges[(u, v, rel.type)]
            ev = rel.evidence
            _add_support(acc, rec.doc_id, ev.start, ev.end, ev.sentence, evidence_cap)
            for k, val in rel.attrs:
                acc.attrs.setdefault(k, val)

    g = nx.MultiDiGraph(documents=documents)
    for nid in sorted(nodes):
        acc = nodes[nid]
        aliases = sorted(acc.surfaces, key=lambda s: (-acc.surfaces[s], s))
        g.add_node(
            nid,
            label=aliases[0],
            type=acc.type,
            aliases=aliases,
            languages=sorted(acc.languages),
            documents=sorted(acc.documents),
            mentions=acc.mentions,
            evidence=acc.evidence,
        )
    for (u, v, rtype) in sorted(edges):
        acc = edges[(u, v, rtype)]
        g.add_edge(u, v, key=rtype, type=rtype, weight=acc.weight, documents=sorted(acc.documents),
                   evidence=acc.evidence, **acc.attrs)
    return g


def _add_support(acc: _EdgeAcc, doc_id: str, start: int, end: int, sentence: str, cap: int) -> None:
    acc.weight += 1
    acc.documents[doc_id] = None
    if len(acc.evidence) < cap:
        acc.evidence.append(_evidence(doc_id, start, end, sentence))
