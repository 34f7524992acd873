"""Which mentions are one entity: the key a mention is merged under, and the resolver that
merges the nodes those keys leave apart.

The builder merges what needs no judgement by key (:func:`entity_key`): script variants
(国务院 / 國務院, 台 / 臺, 裏 / 裡, Hong Kong variants such as 衞 / 衛), case and Unicode spelling
(NFC/NFD, full-width letters), lexicon concepts across languages (资本主义 / chủ nghĩa tư bản /
capitalism share a concept id) and countries across languages (越南 / Việt Nam / Vietnam share a
CLDR code). :func:`resolve` then merges what the rules of :mod:`policykg.graph.resolve_rules`
find (glosses, pinyin, Sino-Vietnamese readings, transliterations, …) and returns a new graph
and one :class:`Merge` per joined name, the audit written to ``merges.csv``. Mentions of
different types never merge.

Examples
--------
>>> from policykg.extractors.records import Mention
>>> entity_key(Mention("國務院", "ORG", 0, 3, "zh-Hant", 0)) == entity_key(Mention("国务院", "ORG", 5, 8, "zh-Hans", 1))
True
>>> entity_key(Mention("Việt Nam", "PLACE", 0, 8, "vi", 0))
('PLACE', 'territory:VN')
>>> entity_key(Mention("chủ nghĩa tư bản", "TERM", 0, 16, "vi", 0, concept="capitalism"))
('TERM', 'concept:capitalism')
>>> entity_key(Mention("臺灣", "PLACE", 0, 2, "zh-Hant", 0)) == entity_key(Mention("台湾", "PLACE", 0, 2, "zh-Hans", 0))
True
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from policykg.extractors.places import territory_names
from policykg.extractors.records import Mention
from policykg.extractors.script import matching_form, to_simplified

from .resolve_territories import short_territory_code

if TYPE_CHECKING:
    import networkx as nx

    from policykg.extractors.records import DocumentRecord

    from .aliases import AliasTable

__all__ = ["entity_key", "node_id", "matching_form", "territory_code", "Merge", "Merges", "resolve", "KEY_RULES"]

#: Rules of the merges the builder makes by key (rows of ``merges.csv`` with ``merged_id`` the built node);
#: ``cldr-short`` is a country's short name (US, 美, Mỹ: :mod:`~policykg.graph.resolve_territories`).
KEY_RULES = ("spelling", "script", "lexicon", "cldr", "cldr-short")


_TERRITORY_LOCALES = ("en", "vi", "zh_Hans", "zh_Hant", "zh_Hant_HK", "en_GB")


@lru_cache(maxsize=1)
def _territories_by_form() -> dict[str, str]:
    from babel import Locale

    out: dict[str, str] = {}
    for locale in _TERRITORY_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if "(" not in name and code not in ("001", "ZZ"):
                out.setdefault(matching_form(name), code)
    return out


def territory_code(text: str) -> str | None:
    """The CLDR code of a country or region name in en, vi, zh-Hans, zh-Hant (Taiwan or Hong Kong),
    or of a short name CLDR's names imply (:func:`~policykg.graph.resolve_territories.short_territory_code`).

    Examples
    --------
    >>> territory_code("Việt Nam"), territory_code("阿拉伯聯合酋長國"), territory_code("新西蘭"), territory_code("Hà Nội")
    ('VN', 'AE', 'NZ', None)
    >>> territory_code("U.S."), territory_code("Mỹ"), territory_code("美")
    ('US', 'US', 'US')
    """
    text = unicodedata.normalize("NFC", text)
    for lang in ("en", "vi", "zh-Hans", "zh-Hant"):
        code = territory_names(lang).get(text)
        if code:
            return code
    return _territories_by_form().get(matching_form(text)) or short_territory_code(text)


def entity_key(mention: Mention) -> tuple[str, str]:
    """The (type, key) under which ``mention`` is merged with others.

    A country is keyed by its code whether or not a lexicon row names it too, so the lexicon's
    forms (Britain) and CLDR's short ones (Anh) meet in one node.

    >>> from policykg.extractors.records import Mention
    >>> entity_key(Mention("Britain", "PLACE", 0, 7, "en", 0, concept="united_kingdom"))
    ('PLACE', 'territory:GB')
    """
    if mention.label == "PLACE":
        code = territory_code(mention.text) or (mention.concept and _concept_territory(mention.concept))
        if code:
            return mention.label, f"territory:{code}"
    if mention.concept:
        return mention.label, f"concept:{mention.concept}"
    return mention.label, matching_form(mention.text)


@lru_cache(maxsize=1024)
def _concept_territory(concept: str) -> str | None:
    """The one territory code the forms of a shipped lexicon PLACE concept name, if any."""
    from policykg.extractors.lexicon import load_lexicon

    found = load_lexicon().concepts.get(concept)
    codes = {territory_code(form) for _, forms in (found.forms if found else ()) for form in forms} - {None}
    return codes.pop() if len(codes) == 1 else None


def node_id(key: tuple[str, str]) -> str:
    """A stable, XML-safe node id for an entity key (``n`` + 12 hex digits).

    Examples
    --------
    >>> node_id(("ORG", "国务院"))
    'n1c4638a0eae8'
    """
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()
    return "n" + digest[:12]


@dataclass(frozen=True, slots=True)
class Merge:
    """One joined name: a row of ``merges.csv``.

    ``kept_id`` is the node that holds both names in the resolved graph; ``merged_id`` is the
    node that held ``surface_b`` before (for the builder's key rules, :data:`KEY_RULES`, the
    node the builder made). ``doc`` and ``sentence`` are the evidence (for ``alias-file`` the
    file and line, and the row).
    """

    kept_id: str
    merged_id: str
    type: str
    surface_a: str
    surface_b: str
    rule: str
    doc: str
    sentence: str
    detail: str = ""


class Merges(list):
    """The :class:`Merge` rows of one resolution, and ``refused``: merges the guards refused, by rule and reason."""

    def __init__(self, rows=(), refused: dict[str, int] | None = None):
        super().__init__(rows)
        self.refused = dict(refused or {})


def _known_keys(lexicon_paths: tuple[str, ...]) -> dict[str, str]:
    """``{node id: "concept X" | "CLDR XX"}`` for the ids the builder gives concepts and countries."""
    from policykg.extractors.lexicon import load_lexicon

    known = {node_id((c.type, f"concept:{c.id}")): f"concept {c.id}" for c in load_lexicon(*lexicon_paths).concepts.values()}
    for code in _territories_by_form().values():
        known[node_id(("PLACE", f"territory:{code}"))] = f"CLDR {code}"
    return known


def _surface_evidence(records, key) -> dict[str, dict[str, tuple[str, str]]]:
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for rec in records:
        for m in rec.mentions:
            per_node = out.setdefault(node_id(key(m)), {})
            if m.text not in per_node:
                sent = rec.sentences[m.sentence].text if m.sentence < len(rec.sentences) else ""
                per_node[m.text] = (rec.doc_id, sent)
    return out


def _key_rule(a: str, b: str, known: str) -> str:
    def plain(x: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", x).casefold().replace("・", "·").split())

    if plain(a) == plain(b):
        return "spelling"
    if matching_form(a) == matching_form(b):
        return "script"
    if known.startswith("CLDR"):
        return "cldr-short" if short_territory_code(a) or short_territory_code(b) else "cldr"
    return "lexicon" if known.startswith("concept") else "spelling"


def resolve(g: nx.MultiDiGraph, *, aliases: AliasTable | None = None, records: Iterable[DocumentRecord] | None = None,
            lexicon_paths: tuple[str, ...] = (), evidence_cap: int = 5) -> tuple[nx.MultiDiGraph, Merges]:
    """Merge the nodes of ``g`` that are one entity; return the new graph and its :class:`Merge` rows.

    Parameters
    ----------
    g : nx.MultiDiGraph
        A graph built by :func:`~policykg.graph.build.build_graph`; it is not modified.
    aliases : AliasTable, optional
        The user's alias file (:func:`~policykg.graph.aliases.read_aliases`); its ``merge`` rows
        merge and its ``never`` rows forbid, over every rule.
    records : iterable of DocumentRecord, optional
        The records ``g`` was built from: each row of the audit then cites the sentence of its
        very name (otherwise a sentence of the node's capped evidence that contains it).
    lexicon_paths : tuple of str
        Extra lexicons the graph was built with (their concept nodes keep their ids).
    evidence_cap : int
        Evidence kept per merged node and edge.

    Returns
    -------
    tuple of (nx.MultiDiGraph, Merges)
        The builder's key merges first (rules :data:`KEY_RULES`), then the resolver's, in the
        order they were made; ``Merges.refused`` counts what the guards refused.

    Examples
    --------
    >>> from policykg.extractors.records import DocumentRecord, Sentence
    >>> text = "宋大伟 中国科学院研究员。\\nSONG Dawei Researcher, Chinese Academy of Sciences."
    >>> rec = DocumentRecord("bio.txt", "t", text, sentences=[Sentence(0, 12, text[:12], "zh-Hans"), Sentence(13, len(text), text[13:], "en")],
    ...                      mentions=[Mention("宋大伟", "PERSON", 0, 3, "zh-Hans", 0), Mention("SONG Dawei", "PERSON", 13, 23, "en", 1)])
    >>> from policykg.graph.build import build_graph
    >>> h, merges = resolve(build_graph([rec]), records=[rec])
    >>> [(a["label"], a["aliases"]) for _, a in h.nodes(data=True)]
    [('SONG Dawei', ['SONG Dawei', '宋大伟'])]
    >>> [(m.surface_a, m.surface_b, m.rule, m.detail) for m in merges]
    [('宋大伟', 'SONG Dawei', 'pinyin', 'pinyin songdawei; same document bio.txt')]
    """
    from .merge import contract, kept_node
    from .resolve_lines import placements_of
    from .resolve_rules import RULE_ORDER, RULES, alias_of
    from .resolve_state import ResolveState

    key = aliases.entity_key if aliases is not None else entity_key
    records = list(records) if records is not None else None
    evidence = _surface_evidence(records, key) if records is not None else None
    known = _known_keys(tuple(lexicon_paths))
    state = ResolveState.from_graph(g, alias_table=aliases, surface_evidence=evidence, anchors=known)
    if records is not None:
        state.line_placements, state.line_lengths = placements_of(records, lambda m: node_id(key(m)))
    accepted = []
    alias_edges = [(u, v, d) for u, v, k, d in g.edges(keys=True, data=True) if k == "ALIAS_OF"]
    for rule in RULE_ORDER:
        found = alias_of(state, alias_edges) if rule == "alias-of" else RULES[rule](state)
        for cand in found:
            if state.union(cand.a, cand.b, cand.rule):
                accepted.append(cand)

    kept = {}
    for members in state.groups():
        k = kept_node(g, members, preferred=known)
        kept.update({n: k for n in members})
    h = contract(g, state.groups(), preferred=known, evidence_cap=evidence_cap)

    merges = []
    for n in sorted(state.nodes):
        info = state.nodes[n]
        for alias in info.aliases[1:]:
            doc, sentence = info.evidence_for(alias)
            rule = _key_rule(info.aliases[0], alias, known.get(n, ""))
            merges.append(Merge(kept.get(n, n), n, info.type, info.aliases[0], alias, rule, doc, sentence,
                                known.get(n, "same key")))
    for c in accepted:
        merges.append(Merge(kept.get(c.a, c.a), c.b, state.nodes[c.a].type, c.surface_a or state.nodes[c.a].label,
                            c.surface_b or state.nodes[c.b].label, c.rule, c.doc, c.sentence, c.detail))
    return h, Merges(merges, refused=state.refused)
