"""Contract groups of nodes into one node each: a new graph in the schema of :mod:`policykg.graph.schema`.

The kept node of a group keeps its id; names, languages, documents and mention counts are
combined, evidence is interleaved so every merged node keeps a sentence, and edges are moved
to the kept node (parallel edges of one type add up, edges inside a group disappear).

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(documents={})
>>> ev = lambda s: [{"doc": "a.txt", "start": 0, "end": 1, "sentence": s}]
>>> g.add_node("n1", label="米塞斯", type="PERSON", aliases=["米塞斯"], languages=["zh-Hans"], documents=["a.txt"], mentions=5, evidence=ev("米塞斯写道"))
>>> g.add_node("n2", label="L.米塞斯", type="PERSON", aliases=["L.米塞斯"], languages=["zh-Hans"], documents=["a.txt"], mentions=1, evidence=ev("L.米塞斯的著作"))
>>> g.add_node("n3", label="哈耶克", type="PERSON", aliases=["哈耶克"], languages=["zh-Hans"], documents=["a.txt"], mentions=2, evidence=ev("哈耶克"))
>>> _ = g.add_edge("n2", "n3", key="CO_OCCURS", type="CO_OCCURS", weight=1, documents=["a.txt"], evidence=ev("x"))
>>> _ = g.add_edge("n1", "n3", key="CO_OCCURS", type="CO_OCCURS", weight=2, documents=["a.txt"], evidence=ev("y"))
>>> h = contract(g, [["n1", "n2"]])
>>> h.nodes["n1"]["aliases"], h.nodes["n1"]["mentions"], h["n1"]["n3"]["CO_OCCURS"]["weight"]
(['米塞斯', 'L.米塞斯'], 6, 3)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest

import networkx as nx

from .schema import DEFAULT_EVIDENCE_CAP, UNDIRECTED_TYPES

__all__ = ["contract", "kept_node", "DEFAULT_EVIDENCE_CAP"]



def kept_node(g: nx.MultiDiGraph, members: Sequence[str], *, preferred: Iterable[str] = ()) -> str:
    """The id a group keeps: a ``preferred`` id (a lexicon concept's or a country's, which other
    views look up), else the most-mentioned node, ties to the smallest id."""
    preferred = set(preferred)
    return min(members, key=lambda n: (n not in preferred, -int(g.nodes[n].get("mentions") or 0), n))


def _merge_evidence(lists: list[list[dict]], cap: int) -> list[dict]:
    out: list[dict] = []
    seen: set[tuple] = set()
    for row in zip_longest(*lists):
        for ev in row:
            if ev is None:
                continue
            key = (ev.get("doc"), ev.get("sentence"))
            if key not in seen and len(out) < cap:
                seen.add(key)
                out.append(ev)
    return out


def contract(g: nx.MultiDiGraph, groups: Iterable[Sequence[str]], *, preferred: Iterable[str] = (),
             evidence_cap: int = DEFAULT_EVIDENCE_CAP) -> nx.MultiDiGraph:
    """Return a new graph with each group of node ids contracted into its :func:`kept_node`.

    Nodes in no group are copied unchanged; ``g`` is not modified.
    """
    preferred = set(preferred)
    target: dict[str, str] = {}
    for members in groups:
        keep = kept_node(g, members, preferred=preferred)
        for n in members:
            target[n] = keep
    h = nx.MultiDiGraph(**dict(g.graph))
    grouped: dict[str, list[str]] = {}
    for n in g.nodes:
        grouped.setdefault(target.get(n, n), []).append(n)
    for keep in sorted(grouped):
        members = sorted(grouped[keep], key=lambda n: (n != keep, -int(g.nodes[n].get("mentions") or 0), n))
        attrs = [g.nodes[n] for n in members]
        if len(members) == 1:
            h.add_node(keep, **dict(attrs[0]))
            continue
        aliases = list(dict.fromkeys(a for d in attrs for a in (d.get("aliases") or [d.get("label", "")])))
        merged = dict(attrs[0])
        merged.update(
            label=aliases[0],
            aliases=aliases,
            languages=sorted({x for d in attrs for x in d.get("languages") or []}),
            documents=sorted({x for d in attrs for x in d.get("documents") or []}),
            mentions=sum(int(d.get("mentions") or 0) for d in attrs),
            evidence=_merge_evidence([list(d.get("evidence") or []) for d in attrs], evidence_cap),
        )
        h.add_node(keep, **merged)

    edges: dict[tuple[str, str, str], dict] = {}
    for u, v, k, d in g.edges(keys=True, data=True):
        u2, v2 = target.get(u, u), target.get(v, v)
        if u2 == v2:
            continue
        if k in UNDIRECTED_TYPES and v2 < u2:
            u2, v2 = v2, u2
        acc = edges.get((u2, v2, k))
        if acc is None:
            edges[(u2, v2, k)] = dict(d, documents=list(d.get("documents") or []), evidence=list(d.get("evidence") or []))
            continue
        acc["weight"] = int(acc.get("weight") or 0) + int(d.get("weight") or 0)
        acc["documents"] = sorted(set(acc["documents"]) | set(d.get("documents") or []))
        acc["evidence"] = _merge_evidence([acc["evidence"], list(d.get("evidence") or [])], evidence_cap)
        for key, value in d.items():
            acc.setdefault(key, value)
    for (u, v, k) in sorted(edges):
        h.add_edge(u, v, key=k, **edges[(u, v, k)])
    return h
