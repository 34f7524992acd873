"""What the resolution rules look at: nodes, the merges made so far, and which documents agree.

:class:`ResolveState` is a union-find over node ids that refuses a merge when

* the two nodes have different types (a person and the doctrine named after them),
* a ``never`` row of the user's alias file names one name of each side,
* two people's names are visibly different (K.波兰尼 / M.波兰尼, see
  :func:`~policykg.graph.resolve_names.persons_compatible`), or
* two Vietnamese spellings differ only in their marks (*Hải* / *Hài*).

It also answers the *structural support* questions of the rules that may not merge by name
alone: do two nodes share a document, an already-merged neighbour, or documents in two
languages that name the same already-merged entities (a text and its translation)?

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(documents={"a.txt": {"languages": ["zh-Hans"]}})
>>> g.add_node("n1", label="K.波兰尼", type="PERSON", aliases=["K.波兰尼"], documents=["a.txt"], mentions=1, evidence=[])
>>> g.add_node("n2", label="M.波兰尼", type="PERSON", aliases=["M.波兰尼"], documents=["a.txt"], mentions=1, evidence=[])
>>> state = ResolveState.from_graph(g)
>>> state.refusal("n1", "n2", "short-form")
'different people'
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from .resolve_names import (PersonName, fold_latin, fold_vietnamese, has_diacritics, parse_person, persons_compatible,
                            script_of)
from .resolve_translations import translations

__all__ = ["NodeInfo", "Candidate", "ResolveState", "MIN_AFFINITY"]

#: Documents in two languages are aligned when they share at least two already-merged entities
#: whose weights (``log(1 + documents / documents naming it)``) add up to this, and each
#: document is the other's best match in its language.
MIN_AFFINITY = 2.0


@dataclass(slots=True)
class NodeInfo:
    """One node of the built graph, with where each of its names was seen."""

    id: str
    type: str
    label: str
    aliases: list[str]
    documents: list[str]
    mentions: int
    evidence: list[dict]
    surface_evidence: dict[str, tuple[str, str]] = field(default_factory=dict)

    def evidence_for(self, surface: str) -> tuple[str, str]:
        """``(doc, sentence)`` where ``surface`` was seen (a sentence of the node's otherwise)."""
        if surface in self.surface_evidence:
            return self.surface_evidence[surface]
        for ev in self.evidence:
            if surface in ev.get("sentence", ""):
                return ev["doc"], ev["sentence"]
        if self.evidence:
            return self.evidence[0]["doc"], self.evidence[0]["sentence"]
        return (self.documents[0] if self.documents else ""), ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two nodes a rule says are one entity, with the rule's evidence."""

    a: str
    b: str
    rule: str
    doc: str = ""
    sentence: str = ""
    detail: str = ""
    surface_a: str = ""
    surface_b: str = ""


@dataclass(slots=True)
class _Comp:
    type: str
    names: list[str]
    members: list[str]
    anchored: bool = False  # holds an anchor


@dataclass(frozen=True, slots=True)
class _Incidence:
    """Documents and nodes, sorted; each node's index; every (document, node) pair as two index
    arrays; each document's language as an index."""

    docs: list[str]
    nodes: list[str]
    index: dict[str, int]
    doc_of: Any
    node_of: Any
    lang: Any


class ResolveState:
    """Union-find over the nodes of one graph, with guards and structural-support queries."""

    def __init__(self, nodes: dict[str, NodeInfo], doc_languages: dict[str, str],
                 neighbours: dict[str, set[str]], alias_table=None, anchors: Iterable[str] = ()):
        self.nodes = nodes
        self.anchors = set(anchors)
        self.doc_languages = doc_languages
        self.neighbours = neighbours
        self.aliases = alias_table
        self._parent = {n: n for n in nodes}
        self._comp = {n: _Comp(info.type, list(info.aliases), [n], n in self.anchors) for n, info in nodes.items()}
        self.by_doc: dict[str, list[str]] = defaultdict(list)
        #: the nodes of each document by type, in id order
        self.by_doc_type: dict[tuple[str, str], list[str]] = defaultdict(list)
        for n, info in sorted(nodes.items()):
            for d in info.documents:
                self.by_doc[d].append(n)
                self.by_doc_type[d, info.type].append(n)
        self.refused: dict[str, int] = defaultdict(int)
        self._alignment: dict[str, set[str]] | None = None
        self._pairs: list[tuple[str, str]] | None = None
        self._incidence_arrays: _Incidence | None = None
        self._memos: dict[str, dict] = {}
        #: ``{document: [(line, node)]}`` and ``{document: [line length]}``, when the records are known
        #: (:func:`~policykg.graph.resolve_lines.placements_of`)
        self.line_placements: dict[str, list[tuple[int, str]]] = {}
        self.line_lengths: dict[str, list[int]] = {}
        #: documents that are translations of each other by their file names (report.en.txt ~ report.vi.txt)
        self.translations = translations({d: doc_languages.get(d, "") for d in self.by_doc})
        self._docs = sorted(self.by_doc)

    @classmethod
    def from_graph(cls, g: nx.MultiDiGraph, *, alias_table=None, anchors: Iterable[str] = (),
                   surface_evidence: dict[str, dict[str, tuple[str, str]]] | None = None) -> "ResolveState":
        """Read the nodes, documents and co-occurrence neighbours of a built graph.

        ``anchors`` are the ids of nodes whose names come from a reference (a lexicon concept,
        a CLDR country): rules that guess from sound leave them alone.
        """
        nodes = {}
        for n, a in g.nodes(data=True):
            nodes[n] = NodeInfo(n, a.get("type", ""), a.get("label", ""), list(a.get("aliases") or [a.get("label", "")]),
                                list(a.get("documents") or []), int(a.get("mentions") or 0), list(a.get("evidence") or []),
                                dict((surface_evidence or {}).get(n, {})))
        docs = g.graph.get("documents") or {}
        doc_languages = {d: (meta.get("languages") or [""])[0] for d, meta in docs.items()}
        neighbours: dict[str, set[str]] = defaultdict(set)
        for u, v, k in g.edges(keys=True):
            if k != "ALIAS_OF" and u != v:
                neighbours[u].add(v)
                neighbours[v].add(u)
        return cls(nodes, doc_languages, neighbours, alias_table, anchors)

    # --- union-find -------------------------------------------------------------------
    def find(self, n: str) -> str:
        """The representative of ``n``'s current group."""
        root = n
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[n] != root:
            self._parent[n], n = root, self._parent[n]
        return root

    def same(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are already one entity."""
        return self.find(a) == self.find(b)

    def anchored(self, n: str) -> bool:
        """Whether ``n``'s group holds a lexicon concept or a CLDR country."""
        return self._comp[self.find(n)].anchored

    def names(self, n: str) -> list[str]:
        """Every name held by ``n``'s group."""
        return self._comp[self.find(n)].names

    def members(self, n: str) -> list[str]:
        """The node ids of ``n``'s group."""
        return self._comp[self.find(n)].members

    def refusal(self, a: str, b: str, rule: str) -> str | None:
        """Why ``a`` and ``b`` may not be merged by ``rule`` (``None`` if they may)."""
        ca, cb = self._comp[self.find(a)], self._comp[self.find(b)]
        if ca.type != cb.type:
            return "different types"
        if self.aliases is not None and self.aliases.forbidden(ca.names, cb.names) is not None:
            return "never (alias file)"
        if rule == "alias-file":
            return None
        if ca.type == "PERSON" and not _people_compatible(ca.names, cb.names):
            return "different people"
        if ca.type in ("PERSON", "ORG", "PLACE") and _marks_differ(ca.names, cb.names):
            return "different Vietnamese spellings"
        return None

    def union(self, a: str, b: str, rule: str) -> bool:
        """Merge the groups of ``a`` and ``b`` unless a guard refuses; ``True`` if merged now."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        reason = self.refusal(ra, rb, rule)
        if reason is not None:
            self.refused[f"{rule}: {reason}"] += 1
            return False
        ca, cb = self._comp[ra], self._comp[rb]
        if len(ca.members) < len(cb.members):
            ra, rb, ca, cb = rb, ra, cb, ca
        self._parent[rb] = ra
        ca.names += [x for x in cb.names if x not in ca.names]
        ca.members += cb.members
        ca.anchored = ca.anchored or cb.anchored
        del self._comp[rb]
        self._alignment = self._pairs = None
        self._memos.clear()
        return True

    def memo(self, name: str) -> dict:
        """A dict for a rule's look-ups that depend on the groups, emptied by every merge: rules
        ask the same of each document again for every pair of documents it is in, and most pairs
        merge nothing."""
        return self._memos.setdefault(name, {})

    def groups(self) -> list[list[str]]:
        """Every group of two or more nodes, each sorted, in id order."""
        return sorted(sorted(c.members) for c in self._comp.values() if len(c.members) > 1)

    # --- structural support -----------------------------------------------------------
    def aligned_documents(self) -> dict[str, set[str]]:
        """Documents in different languages that are each other's best match by shared entities.

        The score of two documents is the summed inverse document frequency of the groups they
        both mention; a pair is kept when each is the other's best in that language (the first
        by name among equals) and the score reaches :data:`MIN_AFFINITY`. A group named in more
        than 50 documents is everywhere and says nothing about which documents correspond.
        """
        if self._alignment is None:
            self._alignment = self._align()
        return self._alignment

    def _incidence(self) -> _Incidence:
        """What :meth:`_align` needs that merges do not change, computed once."""
        import numpy as np

        if self._incidence_arrays is None:
            docs, nodes = self._docs, sorted(self.nodes)
            index = {n: i for i, n in enumerate(nodes)}
            pairs = [(k, index[n]) for k, d in enumerate(docs) for n in self.by_doc[d]]
            lang_ids = {lang: k for k, lang in enumerate(sorted({self.doc_languages.get(d, "") for d in docs}))}
            self._incidence_arrays = _Incidence(
                docs, nodes, index, np.array([k for k, _ in pairs], dtype=np.int64),
                np.array([i for _, i in pairs], dtype=np.int64),
                np.array([lang_ids[self.doc_languages.get(d, "")] for d in docs], dtype=np.int64))
        return self._incidence_arrays

    def _align(self) -> dict[str, set[str]]:
        # Scores of every pair at once: B·diag(idf)·Bᵀ over the sparse document × group matrix B.
        # Merges change the groups, so this runs again after them; in pure Python it was the
        # largest part of resolution.
        import numpy as np
        from scipy.sparse import csr_matrix, diags

        inc = self._incidence()
        docs, nodes, index, lang = inc.docs, inc.nodes, inc.index, inc.lang
        # (document, group) pairs, each once, ordered by document then group; groups are numbered by
        # their root's id, so a document's columns come in the order of the names of the roots
        root_of = np.fromiter((index[self.find(n)] for n in nodes), dtype=np.int64, count=len(nodes))
        rows, roots = np.divmod(np.unique(inc.doc_of * len(nodes) + root_of[inc.node_of]), max(len(nodes), 1))
        df = np.bincount(roots, minlength=len(nodes))
        common = df[roots] <= 50
        rows, roots = rows[common], roots[common]
        used = np.unique(roots)  # one column per group named in 50 documents or fewer
        total = max(len(docs), 1)
        weights = [math.log(1 + total / k) for k in df[used].tolist()]
        b = csr_matrix((np.ones(len(rows)), (rows, np.searchsorted(used, roots))), shape=(len(docs), len(used)))
        # both in row order and, within a row, column order: the same entries, as every weight is above 0
        scores, counts = (b @ diags(weights) @ b.T).tocsr(), (b @ b.T).tocsr()
        scores.sort_indices()
        counts.sort_indices()
        i = np.repeat(np.arange(len(docs)), np.diff(scores.indptr))
        j, score, shared = scores.indices, scores.data, counts.data
        keep = (lang[i] != lang[j]) & (shared >= 2)
        i, j, score = i[keep], j[keep], score[keep]
        # per document and language of the other, the best score; of two as good, the first by name
        # (documents are sorted by name)
        order = np.lexsort((j, -score, lang[j], i))
        i, j, score = i[order], j[order], score[order]
        first = np.ones(len(i), dtype=bool)
        first[1:] = (i[1:] != i[:-1]) | (lang[j][1:] != lang[j][:-1])
        langs = lang.tolist()
        best = {(a, langs[b]): (s, b) for a, b, s in zip(i[first].tolist(), j[first].tolist(), score[first].tolist())}
        aligned: dict[str, set[str]] = defaultdict(set)
        for (a, _), (score_ab, b) in best.items():
            back = best.get((b, langs[a]))
            if score_ab >= MIN_AFFINITY and back and back[1] == a:
                aligned[docs[a]].add(docs[b])
        return aligned

    def support(self, a: str, b: str) -> str | None:
        """Why ``a`` and ``b`` may be compared by a rule that needs more than the name, or ``None``.

        Returns ``"same document D"``, ``"translations D1 ~ D2"`` (by file name), ``"aligned
        documents D1 ~ D2"`` or ``"shared neighbour NAME"``.
        """
        docs_a = {d for m in self.members(a) for d in self.nodes[m].documents}
        docs_b = {d for m in self.members(b) for d in self.nodes[m].documents}
        shared = sorted(docs_a & docs_b)
        if shared:
            return f"same document {shared[0]}"
        for d in sorted(docs_a):
            for other in sorted(self.translations.get(d, set()) & docs_b):
                return f"translations {d} ~ {other}"
        aligned = self.aligned_documents()
        for d in sorted(docs_a):
            for other in sorted(aligned.get(d, set()) & docs_b):
                return f"aligned documents {d} ~ {other}"
        ra, rb = self.find(a), self.find(b)
        near_a = {self.find(x) for m in self.members(a) for x in self.neighbours.get(m, ())} - {ra, rb}
        near_b = {self.find(x) for m in self.members(b) for x in self.neighbours.get(m, ())} - {ra, rb}
        common = [r for r in near_a & near_b if self._comp[r].type in ("PERSON", "ORG")]
        if common:
            return f"shared neighbour {min(self.nodes[r].label for r in common)}"
        return None

    def document_pairs(self) -> Iterable[tuple[str, str]]:
        """Every document with itself, and every pair of translations or aligned documents (each pair once)."""
        for d in self._docs:
            yield d, d
        if self._pairs is None:  # after the pairs of one document: a rule may have merged meanwhile
            pairs = {(d, o) for d, others in self.translations.items() for o in others if d < o}
            pairs |= {(d, o) for d, others in self.aligned_documents().items() for o in others if d < o}
            self._pairs = sorted(pairs)
        yield from self._pairs


def _people_compatible(names_a: list[str], names_b: list[str]) -> bool:
    pa = [(n, parse_person(n)) for n in names_a]
    pb = [(n, parse_person(n)) for n in names_b]
    latin = [n for n in (*names_a, *names_b) if script_of(n) == "latin" and " " in n.strip()]
    return all(persons_compatible(x, y) or _renderings_of_one_name(a, x, b, y, latin) for a, x in pa for b, y in pb)


def _renderings_of_one_name(a: str, pa: PersonName | None, b: str, pb: PersonName | None, latin: list[str]) -> bool:
    """Two Chinese renderings of one foreign name whose given names differ: each sounds like the
    same full Latin name held by one of the groups (黛安娜·范斯坦 and 黛安·范斯坦 of *Dianne
    Feinstein*, 本·米勒 and 班·米勒 of *Ben Miller*). Initials are never explained away.

    >>> ok = lambda a, b, latin: _renderings_of_one_name(a, parse_person(a), b, parse_person(b), latin)
    >>> ok("黛安娜·范斯坦", "黛安·范斯坦", ["Dianne Feinstein"]), ok("玛丽·史密斯", "玛丽安·史密斯", ["Marianne Smith"])
    (True, False)
    """
    if pa is None or pb is None or pa.script != "han" or pb.script != "han" or pa.initials or pb.initials:
        return False
    if pa.surname != pb.surname or not latin:
        return False
    from .resolve_rules import transliteration_score  # the rules build on this module

    return any(transliteration_score(a, name) > 0 and transliteration_score(b, name) > 0 for name in latin)


def _marks_differ(names_a: list[str], names_b: list[str]) -> bool:
    def marked(names: list[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for n in names:
            if script_of(n) == "latin" and has_diacritics(n):
                out[fold_latin(n)].add(fold_vietnamese(n))
        return out

    ma, mb = marked(names_a), marked(names_b)
    return any(ma[k] != mb[k] and not (ma[k] & mb[k]) for k in ma.keys() & mb.keys())
