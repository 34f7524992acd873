"""Find a node by name: any alias, in any script or language, ignoring case and diacritics.

:class:`NameIndex` keys every name of every node two ways:

- its :func:`~policykg.graph.resolve.matching_form` (NFKC, simplified Chinese, case-folded),
  the form the graph builder merges mentions under, so ``國務院`` finds ``国务院``;
- its :func:`loose_name`, which also drops diacritics, spaces and punctuation, so
  ``Ho Chi Minh`` finds ``Hồ Chí Minh`` and ``Vietnam`` finds ``Việt Nam``.

A node's names are its ``aliases`` (surface forms seen in the documents) and, for nodes
the builder merged by concept, the *known names* no document may have used: every form of
its lexicon concept (``capitalism`` → 资本主义) and every CLDR name of its territory
(``越南`` → Việt Nam). When no name matches, :meth:`NameIndex.search` ranks fuzzy matches
(``difflib`` similarity of the loose forms; a name inside another scores at least 0.5).

Examples
--------
>>> from policykg.graph.knowledge import seeds_graph
>>> index = NameIndex(seeds_graph().nx)
>>> [(m.node.id, m.how) for m in index.exact("Ho Chi Minh")]
[('nf4d31477bcbf', 'folded')]
>>> index.resolve("國務院")
'n1c4638a0eae8'
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import networkx as nx

from .query import Node, NodeNotFoundError, node_view, plain_text
from .resolve import matching_form, node_id

__all__ = ["Match", "NameIndex", "loose_name", "known_names", "similarity", "HOW"]

#: How a name matched, best first: the node id itself, a seen alias, a known (lexicon or
#: CLDR) name, a name equal once diacritics, spaces and punctuation are dropped, a fuzzy match.
HOW = ("id", "alias", "known", "folded", "fuzzy")
#: Latin letters that NFKD leaves whole (Vietnamese đ among them), as typed on a plain keyboard.
_FOLD = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h",
                       "þ": "th"})


@lru_cache(maxsize=200_000)
def loose_name(text: str) -> str:
    """Return the :func:`matching_form` of ``text`` without diacritics, spaces or punctuation.

    Examples
    --------
    >>> loose_name("Hồ Chí Minh") == loose_name("HO CHI MINH") == loose_name("Ho-Chi-Minh")
    True
    >>> loose_name("Đảng Cộng sản"), loose_name("國務院"), loose_name("J.B.福斯特")
    ('dangcongsan', '国务院', 'jb福斯特')
    """
    text = unicodedata.normalize("NFKD", matching_form(text)).translate(_FOLD)
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


def similarity(query: str, name: str, *, cutoff: float = 0.0) -> float:
    """Return how alike two loose names are, from 0 to 1 (0.0 if surely below ``cutoff``).

    The larger of ``difflib``'s ratio and, when the shorter name (two characters or more)
    occurs inside the longer, ``0.5 + 0.5 * len(shorter) / len(longer)``; at the start or the
    end of the longer name (a given name or a surname) it is ``0.7 + 0.3 * len(shorter) / len(longer)``.

    Examples
    --------
    >>> similarity("国务院研究", "国务院研究室"), similarity("hochimihn", "hochiminh")
    (0.95, 0.889)
    >>> similarity("mises", "ludwigvonmises"), similarity("vonm", "ludwigvonmises")
    (0.807, 0.643)
    """
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(query)
    return _similarity(matcher, query, name, cutoff)


def _similarity(matcher: SequenceMatcher, query: str, name: str, cutoff: float) -> float:
    """:func:`similarity` with ``matcher.b`` already set to ``query`` (difflib caches what it learns of b)."""
    short, long_ = (query, name) if len(query) <= len(name) else (name, query)
    inside = 0.0
    if len(short) >= 2 and short in long_:
        edge = long_.startswith(short) or long_.endswith(short)
        inside = (0.7 + 0.3 * len(short) / len(long_)) if edge else (0.5 + 0.5 * len(short) / len(long_))
    matcher.set_seq1(name)
    if inside >= cutoff or matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
        return round(max(inside, matcher.ratio()), 3)
    return 0.0


@lru_cache(maxsize=16)
def _known_names_by_key(lexicon_paths: tuple[str, ...]) -> dict[tuple[str, str], tuple[str, ...]]:
    from policykg.extractors.lexicon import load_lexicon
    from policykg.extractors.places import territory_names

    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for concept in load_lexicon(*lexicon_paths).concepts.values():
        names[(concept.type, f"concept:{concept.id}")].extend(f for _, forms in concept.forms for f in forms)
    for lang in ("en", "vi", "zh-Hans", "zh-Hant"):
        for name, code in territory_names(lang).items():
            names[("PLACE", f"territory:{code}")].append(name)
    return {key: tuple(dict.fromkeys(v)) for key, v in names.items()}


def known_names(g: nx.MultiDiGraph, *, lexicon_paths: Iterable[str] = ()) -> dict[str, tuple[str, ...]]:
    """Return ``{node id: names}`` for the nodes of ``g`` that stand for a lexicon concept or a territory.

    The builder gives such a node the id of its concept or territory key (see
    :func:`~policykg.graph.resolve.entity_key`), so the names are found again from the id.
    Pass the ``lexicon_paths`` the graph was built with to include their concepts.

    Examples
    --------
    >>> from policykg.graph.knowledge import seeds_graph
    >>> names = known_names(seeds_graph().nx)
    >>> "capitalism" in names["nc815e802822f"], "越南" in names["ne1dc2d9f4ad7"]
    (True, True)
    """
    return {nid: names for key, names in _known_names_by_key(tuple(map(str, lexicon_paths))).items()
            if (nid := node_id(key)) in g}


@dataclass(frozen=True, slots=True)
class Match:
    """A node found for a query: its ``score`` (1.0 unless fuzzy), the ``name`` that matched and ``how``."""

    node: Node
    score: float
    name: str
    how: str

    def __str__(self) -> str:
        via = "" if self.name == self.node.label else f"  via {plain_text(self.name)!r}"
        return f"{self.score:.2f}  {self.node}  {self.how}{via}"


class NameIndex:
    """Every name of every node of ``g``, for exact, folded and fuzzy lookup.

    Parameters
    ----------
    g : nx.MultiDiGraph
        The knowledge graph; read when the index is built, so rebuild the index after
        changing the graph.
    known : mapping, optional
        Extra names per node id (default: :func:`known_names` of ``g``).
    """

    def __init__(self, g: nx.MultiDiGraph, *, known: Mapping[str, Iterable[str]] | None = None):
        self._g = g
        self._exact: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        self._loose: dict[str, list[tuple[str, str]]] = defaultdict(list)
        known = known_names(g) if known is None else known
        for n, aliases in g.nodes(data="aliases"):
            names = [(1, a) for a in dict.fromkeys([*(aliases or ()), g.nodes[n].get("label") or ""]) if a]
            names += [(2, k) for k in known.get(n, ())]
            for tier, name in names:
                self._exact[matching_form(name)].append((tier, n, name))
                if loose := loose_name(name):
                    self._loose[loose].append((n, name))

    def _ranked(self, found: dict[str, tuple[int, float, str]]) -> list[Match]:
        mentions = self._g.nodes(data="mentions", default=0)
        order = sorted(found, key=lambda n: (found[n][0], -found[n][1], -int(mentions[n] or 0), n))
        return [Match(node_view(self._g, n), found[n][1], found[n][2], HOW[found[n][0]]) for n in order]

    def exact(self, name: str) -> list[Match]:
        """Return the nodes one of whose names equals ``name`` up to script, case and diacritics.

        Best first: the node id itself, then seen aliases, known names and folded forms;
        within each, more mentions first. Every score is 1.0.

        Examples
        --------
        >>> from policykg.graph.knowledge import seeds_graph
        >>> [(m.node.type, m.how) for m in NameIndex(seeds_graph().nx).exact("社會主義")]
        [('TERM', 'alias'), ('WORK', 'alias')]
        """
        found: dict[str, tuple[int, float, str]] = {}
        if name in self._g:
            found[name] = (0, 1.0, name)
        for tier, n, alias in self._exact.get(matching_form(name), ()):
            found.setdefault(n, (tier, 1.0, alias))
        for n, alias in self._loose.get(loose_name(name), ()) if loose_name(name) else ():
            found.setdefault(n, (3, 1.0, alias))
        return self._ranked(found)

    def search(self, name: str, *, limit: int = 10, cutoff: float = 0.6) -> list[Match]:
        """Return up to ``limit`` matches: the exact ones, then fuzzy ones scoring at least ``cutoff``.

        Fuzzy matches are ranked by :func:`similarity` of loose names, then mentions.

        Examples
        --------
        >>> from policykg.graph.knowledge import seeds_graph
        >>> [(m.node.id, m.score, m.how) for m in NameIndex(seeds_graph().nx).search("国务院研究", limit=2)]
        [('ncb516a949193', 0.95, 'fuzzy'), ('n1c4638a0eae8', 0.88, 'fuzzy')]
        """
        matches = self.exact(name)
        query = loose_name(name)
        if len(matches) >= limit or not query:
            return matches[:limit]
        seen = {m.node.id for m in matches}
        fuzzy: dict[str, tuple[int, float, str]] = {}
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(query)
        for key, entries in self._loose.items():
            score = _similarity(matcher, query, key, cutoff)
            if score < cutoff or score == 0.0:
                continue
            for n, alias in entries:
                if n not in seen and score > fuzzy.get(n, (4, -1.0, ""))[1]:
                    fuzzy[n] = (4, score, alias)
        return (matches + self._ranked(fuzzy))[:limit]

    def resolve(self, name: str) -> str:
        """Return the id of the best exact match for ``name``.

        Raises
        ------
        NodeNotFoundError
            If nothing matches exactly; its ``suggestions`` are the best fuzzy matches.

        Examples
        --------
        >>> from policykg.graph.knowledge import seeds_graph
        >>> try:
        ...     NameIndex(seeds_graph().nx).resolve("Ho Chi Mihn")
        ... except LookupError as err:
        ...     print(err)
        no node named 'Ho Chi Mihn'; closest: 'Hồ Chí Minh' (PERSON, nf4d31477bcbf),
        'tư tưởng Hồ Chí Minh' (TERM, n500f3f64e4db). search() ranks more.
        """
        found = self.exact(name)
        if found:
            return found[0].node.id
        suggestions = self.search(name, limit=5)
        closest = ", ".join(f"{plain_text(m.node.label)!r} ({m.node.type}, {m.node.id})" for m in suggestions[:3])
        raise NodeNotFoundError(
            name,
            f"no node named {plain_text(name)!r}; "
            + (f"closest: {closest}. search() ranks more." if closest else
               "nothing is close either; check the spelling, or list nodes with central(by='mentions')."),
            suggestions,
        )
