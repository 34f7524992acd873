"""One type for a name in a document, and across documents that are translations of one another.

First, in every document, a name whose mentions an extractor typed two ways takes the type most of
them have, when that type has at least two mentions and twice as many as the others together
(*one sense per discourse*: 朝鲜, eight times a place and once, as the subject of a verb, an
organization); a country or a large city, or a smaller place no first name that one mention calls a
place and another a person, is a place however few mentions say so.

Translations filed side by side (``story.en.txt``, ``story.vi.txt``: see
:mod:`~policykg.graph.resolve_translations`) name the same people, organizations and places.
Extractors judging each language alone may still type one name two ways (``Reuters`` an
organization in English and a person in Vietnamese, ``白宫`` a place in one Chinese version and a
person in the other), and names of different types never merge. Before the graph is built,
a name written alike (:func:`~policykg.graph.resolve.matching_form`) in two documents or more of
one translation group, with more than one of the types PERSON, ORG and PLACE, is given one type
by vote: each document votes the type most of its mentions of the name have (the simplified and
traditional versions vote once together for a Latin name, which one extractor reads alike in
both), and the type with at least half of the votes wins. The English version (whose extractor
types Latin names from their own language) breaks a tie; against versions that agree it is
outvoted; a Chinese name English does not write has its tie broken by its English counterpart's
type (the city table's English name for it, or the one English name that sounds like it); with no
English vote at all a tie goes by :func:`_tie_prior`; without a winner the name is left alone. A
country or a large city stays a place, and so does a smaller place that is no first name when one
version calls it a place and another a person; a Chinese name of the city table that the Chinese
versions agree is a person is a place when the English version names that city as a place
(伯明翰 for *Birmingham*). A Chinese transliteration that one version alone writes and types takes
the other of PERSON and PLACE from its English counterpart when English has more than one reading to
go on (库里巴利 / *Lassana Coulibaly*, 帕盧 / *Palu*: :func:`_type_of_counterpart`). Lexicon concepts
and one-character names keep their types. Nothing crosses from one group to another: a name is
typed by its own story. The ``type`` rows of the user's alias file (``type,CNN,ORG``) win over
the vote, in every document.

Examples
--------
>>> from policykg.extractors.records import DocumentRecord, Mention, Sentence
>>> def doc(name, lang, label):
...     return DocumentRecord(name, "", "Reuters said.", languages=(lang,), sentences=[Sentence(0, 13, "Reuters said.", lang)],
...                           mentions=[Mention("Reuters", label, 0, 7, lang, 0)])
>>> records, retyped = agree_types([doc("s.en.txt", "en", "ORG"), doc("s.vi.txt", "vi", "PERSON")])
>>> [m.label for r in records for m in r.mentions], [(r.doc, r.surface, r.old, r.new) for r in retyped]
(['ORG', 'ORG'], [('s.vi.txt', 'Reuters', 'PERSON', 'ORG')])
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from policykg.extractors.place_words import PLACE_ENDINGS, PLACE_WORDS, ZH_COMPASS
from policykg.extractors.records import DocumentRecord
from policykg.extractors.script import to_simplified
from policykg.extractors.surnames import is_known_place, is_major_place, is_place_not_first_name, looks_like_full_name

from .resolve import matching_form
from .resolve_cities import city_names
from .resolve_names import HAN_RE, fold_latin
from .resolve_rules import transliteration_score
from .resolve_translations import group_indexes

__all__ = ["Retype", "agree_types", "voter_of"]

_TYPES = frozenset({"PERSON", "ORG", "PLACE"})


@dataclass(frozen=True, slots=True)
class Retype:
    """A mention given another type: document, name, old and new type, sentence, and why
    (``translations``, or the alias-file row ``file:line``)."""

    doc: str
    surface: str
    old: str
    new: str
    sentence: str
    by: str = "translations"

    def as_dict(self) -> dict[str, str]:
        return {"document": self.doc, "name": self.surface, "from": self.old, "to": self.new,
                "sentence": self.sentence, "by": self.by}


def _relabel(records: list[DocumentRecord], i: int, new_types: Mapping[str, tuple[str, str]],
             labels: frozenset[str] | None, retyped: list[Retype]) -> None:
    """Give the mentions of ``records[i]`` whose name is in ``new_types`` (matching form → (type,
    why)) that type, those with a label in ``labels`` only (``None``: every label)."""
    rec = records[i]
    mentions = []
    for m in rec.mentions:
        new, why = new_types.get(matching_form(m.text), (None, ""))
        if new and new != m.label and (labels is None or m.label in labels and not m.concept):
            sentence = rec.sentences[m.sentence].text if 0 <= m.sentence < len(rec.sentences) else ""
            retyped.append(Retype(rec.doc_id, m.text, m.label, new, sentence, why))
            m = replace(m, label=new)
        mentions.append(m)
    records[i] = replace(rec, mentions=mentions)


def voter_of(language: str, form: str) -> str:
    """Who votes a name's type in a document of ``language``: the language, except that both
    Chinese scripts are one voter for a Latin name (one extractor reads it the same way in both)."""
    if language.startswith("zh") and not HAN_RE.search(form):
        return "zh"
    return language


def _winner(votes: Counter[str], english: str | None, form: str,
            english_names: Mapping[str, str] | None = None) -> str | None:
    """The type of a name from its documents' votes (one each), ``english`` the English version's
    type if it has the name, ``form`` the name as written, ``english_names`` the English version's
    names and types (:func:`_english_names`): see the module docstring."""
    if _place_whatever_said(votes, form):
        return "PLACE"
    (first, n), *rest = votes.most_common()
    if 2 * n < sum(votes.values()):
        return None  # no type has half of the documents
    if rest and rest[0][1] == n:
        tied = {label for label, k in votes.items() if k == n}
        if english is None:
            english = _counterpart_type(form, english_names or {})
        if english is None:
            return _tie_prior(tied, form)
        return english if english in tied else None
    # English against versions that agree is outvoted ("from Rihanna to Emily Ratajkowski" read
    # as places, where the other versions name a person)
    return first


def _place_whatever_said(types: Counter[str], form: str) -> bool:
    """Whether a name some mentions or versions call a place (``types``) is one, whatever the
    others say: a country or a large city, or a smaller place (Athens, Ayr) that others call a
    person and that is no first name."""
    return "PLACE" in types and (is_major_place(form) or "PERSON" in types and is_place_not_first_name(form))


def _tie_prior(tied: set[str], form: str) -> str | None:
    """The type of a name the versions tie over when no English type breaks the tie: an
    organization over a person or a place (brands, clubs and media named after people and places:
    *Twitter*, *Hearts*, *EU*); between a person and a place, a place for a known place or a name
    ending in a place word (*John Street*, 西弗吉尼亚州), a person for a full name (*Justin Thomas*,
    克里斯汀·福特); otherwise no type (*Tiger Woods*, *Kante*: the tie stays).

    >>> _tie_prior({"ORG", "PERSON"}, "Twitter"), _tie_prior({"PERSON", "PLACE"}, "John Street")
    ('ORG', 'PLACE')
    >>> _tie_prior({"PERSON", "PLACE"}, "Justin Thomas"), _tie_prior({"PERSON", "PLACE"}, "Kante")
    ('PERSON', None)
    >>> _tie_prior({"PERSON", "PLACE"}, "東貝爾法斯特"), _tie_prior({"PERSON", "PLACE"}, "西蒙")
    ('PLACE', None)
    """
    if "ORG" in tied:
        return "ORG"
    if tied == {"PERSON", "PLACE"}:
        if _looks_like_place(form):
            return "PLACE"
        return "PERSON" if looks_like_full_name(form) else None
    return None


def _looks_like_place(form: str) -> bool:
    """A place of the gazetteers (CLDR, the city and state tables of :mod:`.resolve_cities`, the
    English gazetteer), a name whose last word is a place word (``Beach``, ``州``), or a Chinese
    compass word before a known place (``東貝爾法斯特``, East Belfast)."""
    if is_known_place(form) or matching_form(form) in city_names():
        return True
    if HAN_RE.search(form):
        simple = to_simplified(form)
        rest = simple.lstrip(ZH_COMPASS)  # 东贝尔法斯特, East Belfast: a part of a known place
        return len(form) > 2 and simple.endswith(PLACE_ENDINGS) or len(rest) >= 2 and rest != simple and (
            is_major_place(rest) or matching_form(rest) in city_names())
    return form.split()[-1:] != [form] and form.split()[-1] in PLACE_WORDS


def _english_names(records: list[DocumentRecord], group: Iterable[int]) -> dict[str, str]:
    """The PERSON, ORG and PLACE names of a group's English version and the type most of their
    mentions have; a person's last name too (*Molinari* of *Francesco Molinari*)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for i in group:
        if (records[i].languages or ("",))[0] != "en":
            continue
        for m in records[i].mentions:
            if m.label in _TYPES and not m.concept:
                counts[m.text][m.label] += 1
                if m.label == "PERSON" and " " in m.text.strip():
                    counts[m.text.split()[-1]][m.label] += 1
    return {name: c.most_common(1)[0][0] for name, c in counts.items()}


def _counterpart_type(surface: str, english_names: Mapping[str, str]) -> str | None:
    """The type the English version gives a Chinese name's counterpart (:func:`_counterpart`).

    >>> _counterpart_type("曼尼托巴", {"Manitoba": "PLACE", "Trump": "PERSON"})
    'PLACE'
    >>> _counterpart_type("白宫", {"White House": "ORG"}) is None
    True
    """
    name = _counterpart(surface, english_names)
    return None if name is None else english_names[name]


def _counterpart(surface: str, english_names: Mapping[str, str]) -> str | None:
    """The English name of a Chinese name in its story's English version: the English name the
    city table gives it, or the one English name that sounds like its transliteration best (白宫
    has none; 曼尼托巴 has *Manitoba*)."""
    if not english_names or not HAN_RE.search(surface):
        return None
    if (city := city_names().get(matching_form(surface))) is not None:
        by_folded = {fold_latin(name): name for name in english_names}
        if fold_latin(city[0]) in by_folded:
            return by_folded[fold_latin(city[0])]
    scored = sorted(((transliteration_score(surface, name), name) for name in english_names), reverse=True)
    if scored and scored[0][0] >= 0.8 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    return None


def _type_of_counterpart(surface: str, label: str, english_names: Mapping[str, str],
                         english_mentions: Counter[tuple[str, str]]) -> str | None:
    """The type a Chinese transliteration one voter typed ``label`` takes from its English
    counterpart (:func:`_counterpart`) of the other of PERSON and PLACE, or ``None``;
    ``english_mentions`` counts the English version's mentions by name and type.

    A transliteration carries no sign of its type and the English extractor reads capitals and
    gazetteers, so English is believed where it has more to go on than one reading: a place the
    gazetteers know or that it names as a place twice (帕盧 / *Palu*; not *Rihanna*, read as a place
    once), and a person's full name, or a last name it gives in full (库里巴利 / *Lassana Coulibaly*).
    A full name that the Chinese writes without a name dot and no first name opens is not enough
    (米德索莫诺顿 / *Midsomer Norton*, read as a person). A place the gazetteers know stays one (雅典),
    and organizations are left alone (利物浦, the club, is a place in English).

    >>> names = {"Palu": "PLACE", "Lassana Coulibaly": "PERSON", "Coulibaly": "PERSON", "Rihanna": "PLACE",
    ...          "Midsomer Norton": "PERSON"}
    >>> mentions = Counter({("Palu", "PLACE"): 4, ("Lassana Coulibaly", "PERSON"): 1, ("Rihanna", "PLACE"): 1,
    ...                     ("Midsomer Norton", "PERSON"): 2})
    >>> [_type_of_counterpart(n, t, names, mentions) for n, t in (("帕卢", "PERSON"), ("库里巴利", "PLACE"), ("蕾哈娜", "PERSON"))]
    ['PLACE', 'PERSON', None]
    >>> _type_of_counterpart("米德索莫诺顿", "PLACE", names, mentions) is None
    True
    """
    name = _counterpart(surface, english_names)
    if name is None or {label, english_names[name]} != {"PERSON", "PLACE"}:
        return None
    if english_names[name] == "PLACE":
        return "PLACE" if _looks_like_place(name) or english_mentions[(name, "PLACE")] >= 2 else None
    if " " in name:  # a full name: a first name of the gazetteer, or a Chinese full name too
        in_full = looks_like_full_name(name) or "·" in surface
    else:  # a last name: of a person the English version names in full
        in_full = any(other.endswith(" " + name) and kind == "PERSON" for other, kind in english_mentions)
    return "PERSON" if in_full and not _looks_like_place(surface) and not _looks_like_place(name) else None


def _city_of_english_place(surface: str, english_names: Mapping[str, str]) -> bool:
    """Whether a Chinese name the city table knows has a counterpart the English version of its
    story types as a place (:func:`_counterpart_type`: the table's English name, 伯明翰 for
    *Birmingham*, else the one English name that sounds like it), so that no Chinese version makes
    a person of it.

    >>> _city_of_english_place("伯明翰", {"Birmingham": "PLACE"}), _city_of_english_place("伯明翰", {"Birmingham": "ORG"})
    (True, False)
    """
    return HAN_RE.search(surface) is not None and matching_form(surface) in city_names() \
        and _counterpart_type(surface, english_names) == "PLACE"


#: In one document, the type most mentions of a name have is given to the others when it has at
#: least this many mentions, and this many times as many as the other types together.
WITHIN_MIN_MENTIONS = 2
WITHIN_RATIO = 2


def _agree_within(records: list[DocumentRecord], i: int, fixed: Mapping[str, tuple[str, str]],
                  retyped: list[Retype]) -> None:
    """One type per name in ``records[i]``: a name most of whose mentions have one type of PERSON, ORG
    and PLACE, by far (:data:`WITHIN_MIN_MENTIONS`, :data:`WITHIN_RATIO`), has it in all of them.
    An extractor reading one sentence at a time types a name by its neighbours, and a country the
    subject of a verb of saying becomes an organization once among eight places (朝鲜会放弃…); two
    types would make two nodes of one entity."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for m in records[i].mentions:
        form = matching_form(m.text)
        if m.label in _TYPES and not m.concept and len(form) >= 2 and form not in fixed:
            counts[form][m.label] += 1
    chosen = {}
    for form, c in counts.items():
        if len(c) > 1:
            (label, n), *rest = c.most_common()
            if _place_whatever_said(c, form):
                chosen[form] = ("PLACE", "one document")
            elif n >= WITHIN_MIN_MENTIONS and n >= WITHIN_RATIO * sum(k for _, k in rest):
                chosen[form] = (label, "one document")
    if chosen:
        _relabel(records, i, chosen, _TYPES, retyped)


def agree_types(records: Iterable[DocumentRecord], fixed: Mapping[str, tuple[str, str]] | None = None,
                ) -> tuple[list[DocumentRecord], list[Retype]]:
    """``records`` with the names of each translation group typed alike (see the module
    docstring), and one :class:`Retype` per mention whose type changed.

    ``fixed`` maps names (:func:`~policykg.graph.resolve.matching_form`) to ``(type, why)``: the
    ``type`` rows of the user's alias file, given to every mention of those names in every
    document first; the vote leaves them alone.
    """
    records = list(records)
    retyped: list[Retype] = []
    fixed = dict(fixed or {})
    if fixed:
        for i in range(len(records)):
            _relabel(records, i, fixed, None, retyped)
    for i in range(len(records)):
        _agree_within(records, i, fixed, retyped)
    for group in group_indexes(records):
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        english: dict[str, str] = {}
        surface: dict[str, str] = {}
        seen: dict[str, set[str]] = defaultdict(set)  # every type each name has in the group
        labels: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # (name, voter) -> types
        for i in group:
            language = (records[i].languages or ("",))[0]
            for m in records[i].mentions:
                form = matching_form(m.text)
                if m.label in _TYPES and not m.concept and len(form) >= 2:
                    labels[(form, voter_of(language, form))][m.label] += 1
                    surface.setdefault(form, m.text)
        for (form, voter), counts in labels.items():
            seen[form].update(counts)
            (label, n), *rest = counts.most_common()
            if rest and rest[0][1] == n:
                continue  # the voter itself is undecided
            votes[form][label] += 1
            if voter == "en":
                english[form] = label
        english_names = _english_names(records, group)
        english_mentions = Counter((m.text, m.label) for i in group if (records[i].languages or ("",))[0] == "en"
                                   for m in records[i].mentions)
        chosen = {form: _winner(v, english.get(form), surface[form], english_names)
                  for form, v in votes.items() if len(seen[form]) > 1 and sum(v.values()) > 1}
        chosen |= {form: "PLACE" for form in votes if seen[form] == {"PERSON"} and _city_of_english_place(
            surface[form], english_names)}
        chosen |= {form: label for form in votes if len(seen[form]) == 1 and form not in chosen
                   and (label := _type_of_counterpart(surface[form], next(iter(seen[form])), english_names,
                                                          english_mentions))}
        chosen = {form: (label, "translations") for form, label in chosen.items() if label and form not in fixed}
        for i in group if chosen else ():
            _relabel(records, i, chosen, _TYPES, retyped)
    return records, retyped
