"""Names found in one version of a translated story, looked for in the other versions.

Translations filed side by side (``story.en.txt``, ``story.vi.txt``: see
:mod:`~policykg.graph.resolve_translations`) name the same people, organizations and places, and
often write a name the same way: a Latin name kept in the Chinese and Vietnamese versions
(``Reuters``, ``Kanye``), a Chinese name in both scripts (``西弗吉尼亚`` / ``西維吉尼亞``). An
extractor reading one version alone may still miss it there, and the story then holds the
entity in one version only. Before the graph is built, every PERSON, ORG or PLACE name of a
group's documents is looked for in the text of the group's other documents that do not have it;
where it is written, and no mention of that document covers those characters, it becomes a
mention there with the type the other versions gave it.

A name is looked for as written, with only the differences that never change a name folded
away: Chinese script (traditional and simplified), full-width forms and middle dots; a Latin
name also ignores case, but must start with a capital letter in the text and stand as whole
words there (``Long`` is not found in Vietnamese ``long``). Names of one Chinese character or of
fewer than three Latin letters, names the versions type differently as often, and lexicon
concepts are not projected. Nothing crosses from one group to another.

Examples
--------
>>> from policykg.extractors.records import DocumentRecord, Mention, Sentence
>>> en = DocumentRecord("s.en.txt", "", "Reuters said.", languages=("en",),
...                     sentences=[Sentence(0, 13, "Reuters said.", "en")],
...                     mentions=[Mention("Reuters", "ORG", 0, 7, "en", 0)])
>>> vi = DocumentRecord("s.vi.txt", "", "Theo Reuters.", languages=("vi",),
...                     sentences=[Sentence(0, 13, "Theo Reuters.", "vi")])
>>> records, projected = project_names([en, vi])
>>> records[1].mentions
[Mention(text='Reuters', label='ORG', start=5, end=12, lang='vi', sentence=0, concept='')]
>>> projected[0].as_dict()["from"]
's.en.txt'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from policykg.extractors.records import DocumentRecord, Mention
from policykg.extractors.script import to_simplified

from .resolve import matching_form
from .resolve_names import HAN_RE
from .resolve_translations import group_indexes
from .resolve_types import voter_of

__all__ = ["Projection", "project_names"]

_NAMED = frozenset({"PERSON", "ORG", "PLACE"})
_MIN_LATIN = 3
_DOTS = str.maketrans({"・": "·", "•": "·"})


@dataclass(frozen=True, slots=True)
class Projection:
    """A mention added to ``doc`` because the group's document ``source`` names ``surface``."""

    doc: str
    surface: str
    label: str
    source: str
    sentence: str

    def as_dict(self) -> dict[str, str]:
        return {"document": self.doc, "name": self.surface, "type": self.label, "from": self.source,
                "sentence": self.sentence}


def folded_text(text: str) -> str:
    """``text`` folded like :func:`~policykg.graph.resolve.matching_form` folds a name, one
    character for one character, so offsets into it are offsets into ``text``.

    >>> folded_text("西維吉尼亞州 ＣＮＮ Kanye")
    '西维吉尼亚州 cnn kanye'
    """
    text = to_simplified(text)
    nfkc = unicodedata.normalize("NFKC", text)
    if len(nfkc) != len(text):
        nfkc = "".join(c if len(n := unicodedata.normalize("NFKC", c)) != 1 else n for c in text)
    low = nfkc.casefold()
    if len(low) != len(nfkc):
        low = "".join(c if len(f := c.casefold()) != 1 else f for c in nfkc)
    return low.translate(_DOTS)


def _projectable(form: str) -> bool:
    if HAN_RE.search(form):
        return sum(1 for c in form if HAN_RE.match(c)) >= 2
    return sum(c.isalpha() for c in form) >= _MIN_LATIN


def _word_bounds(folded: str) -> set[int]:
    """Offsets where a word of jieba's segmentation of the (simplified) text starts or ends."""
    from policykg.extractors.zh_segment import default_segmenter  # loaded only for a Chinese name

    bounds, k = {0}, 0
    for word in default_segmenter().words(folded):
        k += len(word)
        bounds.add(k)
    return bounds


def _occurrences(form: str, text: str, folded: str, bounds: list[set[int]]) -> Iterator[tuple[int, int]]:
    """Where the name ``form`` (matching form) is written in ``text`` (``folded`` its folded text):
    a Latin name as whole words starting with a capital, a Chinese name as whole words of the
    text's segmentation (``bounds``: an empty list, filled with :func:`_word_bounds` on first use),
    so that ``西班牙`` is not found in ``西班牙文`` nor ``共和黨`` in ``共和黨員``."""
    latin = not HAN_RE.search(form)
    start = folded.find(form)
    while start >= 0:
        end = start + len(form)
        if latin:
            whole = (text[start].isupper() and not (start and text[start - 1].isalnum())
                     and not (end < len(text) and text[end].isalnum()))
        else:
            if not bounds:
                bounds.append(_word_bounds(folded))
            whole = start in bounds[0] and end in bounds[0]
        if whole:
            yield start, end
        start = folded.find(form, start + 1)


def _trusted(form: str, voters: set[str]) -> bool:
    """Whether the versions that found a name (their :func:`voter_of`) vouch for it elsewhere: a
    Chinese name found in Chinese, a Latin name found in English or by two voters (a capitalized
    word in Vietnamese or Chinese text alone is too often no name: ``Rapper``, ``Save``)."""
    return bool(HAN_RE.search(form)) or "en" in voters or len(voters) >= 2


def _names_elsewhere(records: list[DocumentRecord], group: list[int], target: int) -> dict[str, tuple[str, int]]:
    """``{matching form: (type, index of a document naming it)}`` of the group's other documents,
    for names ``records[target]`` does not have, that the others type one way and vouch for."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    voters: dict[str, set[str]] = defaultdict(set)
    source: dict[str, int] = {}
    for i in group:
        if i == target:
            continue
        language = (records[i].languages or ("",))[0]
        for m in records[i].mentions:
            form = matching_form(m.text)
            if m.label in _NAMED and not m.concept and _projectable(form):
                labels[form][m.label] += 1
                voters[form].add(voter_of(language, form))
                if form not in source or language == "en":
                    source[form] = i
    present = {matching_form(m.text) for m in records[target].mentions}
    out = {}
    for form, counts in labels.items():
        (label, n), *rest = counts.most_common()
        if form not in present and not (rest and rest[0][1] == n) and _trusted(form, voters[form]):
            out[form] = (label, source[form])
    return out


def _project_into(records: list[DocumentRecord], target: int, names: dict[str, tuple[str, int]]) -> list[Projection]:
    """Add to ``records[target]`` a mention wherever one of ``names`` is written and no mention is.

    Names are looked for in the document's sentences (records keep no whole text). A sentence
    whose normalized text is not as long as the original (pinyin or markdown removed) is skipped:
    its offsets no longer map one for one.
    """
    rec = records[target]
    if not names:
        return []
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in rec.mentions:
        by_sentence[m.sentence].append(m)
    added: list[Mention] = []
    projected: list[Projection] = []
    order = sorted(names, key=lambda f: (-len(f), f))  # a longer name first: "Kansas City" before "Kansas"
    for idx, sent in enumerate(rec.sentences):
        if len(sent.text) != sent.end - sent.start:
            continue
        folded = folded_text(sent.text)
        covered = bytearray(len(sent.text))  # characters some mention already holds
        bounds: list[set[int]] = []
        for m in by_sentence[idx]:
            i, j = max(m.start - sent.start, 0), min(max(m.end - sent.start, 0), len(covered))
            covered[i:j] = b"\1" * max(j - i, 0)
        for form in order:
            label, src = names[form]
            for i, j in _occurrences(form, sent.text, folded, bounds):
                start, end = sent.start + i, sent.start + j
                if any(covered[i:j]):
                    continue  # a mention holds some of it (a longer name, or the extractor's own reading)
                added.append(Mention(sent.text[i:j], label, start, end, sent.lang, idx))
                projected.append(Projection(rec.doc_id, sent.text[i:j], label, records[src].doc_id, sent.text))
                covered[i:j] = b"\1" * (j - i)
    if added:
        # appended, not sorted in: relations index the mentions already there
        records[target] = replace(rec, mentions=[*rec.mentions, *added])
    return projected


def project_names(records: Iterable[DocumentRecord]) -> tuple[list[DocumentRecord], list[Projection]]:
    """``records`` with each translation group's names found in all its versions that write them
    (see the module docstring), and one :class:`Projection` per mention added."""
    records = list(records)
    projected: list[Projection] = []
    for group in group_indexes(records):
        # every version's names are gathered before any is added: a name comes from extraction
        found = {target: _names_elsewhere(records, group, target) for target in group}
        for target in group:
            projected.extend(_project_into(records, target, found[target]))
    return records, projected
