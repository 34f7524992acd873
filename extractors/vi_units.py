"""A Vietnamese doc as syllable units, and what the words around a unit say.

pyvi's words (``Việt Nam``) are cut at their spaces into :class:`Unit` syllables, so that a name
may start or end inside a word. :class:`UnitReader` answers questions about the units around an
index: the text between two units, a phrase or known place starting at one, the cue word before
it, whether it starts a sentence, and the runs of capitalised words. :class:`Name` is a name found
in unit indices, with its type.

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": True}}})
>>> reader = UnitReader(nlp("Ông Joe Biden thăm Việt Nam."))
>>> [u.text for u in reader.units]
['Ông', 'Joe', 'Biden', 'thăm', 'Việt', 'Nam', '.']
>>> [reader.span_text(i, j) for i, j in reader.runs()]
['Ông Joe Biden', 'Việt Nam']
>>> reader.cue_before(1), reader.place_length(4, 7)
('PERSON', 2)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from .vi_gazetteers import known_places, pyvi_dictionary
from .vi_syllables import fold_tones, is_capitalised, is_foreign
from .vi_words import (
    ADMIN_PHRASES,
    CONNECTORS,
    CUE_PHRASES,
    OPENERS,
    ORG_LOWER_PHRASES,
    SENTENCE_END,
)

__all__ = ["Name", "Unit", "UnitReader", "syllable_units"]


@dataclass(frozen=True, slots=True)
class Unit:
    """One syllable (or punctuation mark) of the doc: pyvi's words are cut at their spaces."""

    start: int
    end: int
    text: str
    token: int  # index of the spaCy token it comes from
    first: bool  # the token's first syllable


@dataclass(frozen=True, slots=True)
class Name:
    """A name found in units ``start:end``, with its type."""

    start: int  # unit indices
    end: int
    label: str
    firm: bool  # False for guesses that the names listed beside it may overrule
    default: bool = False  # a guess on no evidence at all (an unknown foreign word is a person)


def syllable_units(doc: Doc) -> list[Unit]:
    """The doc's syllables; a final full stop is cut off an all-capital word (pyvi keeps ``CNN.`` whole)."""
    units = []
    for t in doc:
        if t.is_space:
            continue
        first = True
        for m in re.finditer(r"\S+", t.text):
            start, word = t.idx + m.start(), m.group()
            if len(word) > 2 and word.endswith(".") and word[:-1].isupper() and "." not in word[:-1]:
                units += [Unit(start, start + len(word) - 1, word[:-1], t.i, first),
                          Unit(start + len(word) - 1, start + len(word), ".", t.i, False)]
            else:
                units.append(Unit(start, start + len(word), word, t.i, first))
            first = False
    return units


class UnitReader:
    """The syllable units of one doc and what the words around each of them say."""

    def __init__(self, doc: Doc):
        self.doc, self.text = doc, doc.text
        self.units = syllable_units(doc)
        self._tags: list[str] = []

    def tag(self, k: int) -> str:
        """pyvi's part-of-speech tag of the word unit ``k`` belongs to."""
        if not self._tags:
            from pyvi import ViPosTagger

            words = ["." if t.is_space else t.text.replace(" ", "_") for t in self.doc]
            self._tags.extend(ViPosTagger.postagging_tokens(words)[1])
        return self._tags[self.units[k].token]

    def span_text(self, k: int, e: int) -> str:
        return self.text[self.units[k].start : self.units[e - 1].end]

    def gap(self, a: int, b: int) -> str:
        """The text between units ``a`` and ``b`` (``a`` < ``b``)."""
        return self.text[self.units[a].end : self.units[b].start]

    def match(self, k: int, j: int, phrases: frozenset[str]) -> int:
        """Number of units from ``k`` (before ``j``) that together form one of ``phrases`` (0 if none)."""
        best = 0
        for n in range(1, min(5, j - k) + 1):
            if fold_tones(self.span_text(k, k + n)).lower() in phrases:
                best = n
        return best

    def place_length(self, k: int, j: int) -> int:
        """Number of units from ``k`` that form a known place name (0 if none)."""
        places = known_places()
        lengths = range(1, min(6, j - k) + 1)
        return max((n for n in lengths if fold_tones(self.span_text(k, k + n)) in places), default=0)

    def cue_before(self, k: int) -> str | None:
        """PERSON, PLACE, ORG, or "" (no name) when the words right before unit ``k`` announce that."""
        for n in (4, 3, 2, 1):
            if k - n >= 0 and "\n" not in self.gap(k - n, k - 1) + self.gap(k - 1, k):
                words = fold_tones(self.span_text(k - n, k)).lower()
                for label, cues in CUE_PHRASES.items():
                    if words in cues:
                        return label
        return None

    def sentence_start(self, k: int) -> bool:
        k -= 1
        while k >= 0 and self.units[k].text in OPENERS:
            k -= 1
        return k < 0 or "\n" in self.gap(k, k + 1) or self.units[k].text[-1] in SENTENCE_END

    def joins(self, j: int) -> bool:
        """Whether unit ``j`` (punctuation or a small word) joins the names on either side into one."""
        units = self.units
        if j + 1 >= len(units) or j == 0 or "\n" in self.gap(j - 1, j) + self.gap(j, j + 1):
            return False
        word, prev, nxt = units[j].text, units[j - 1].text, units[j + 1].text
        attached = not self.gap(j - 1, j) and not self.gap(j, j + 1)
        if word in ("-", "–", "&") and is_capitalised(nxt):
            return True
        if word == "-" and attached and nxt.isalpha():  # transliterations: Ma-lay-xi-a
            return True
        if word == "." and not self.gap(j - 1, j) and prev.isascii() and len(prev) <= 2 and is_capitalised(nxt):
            return True  # P. Diddy, St. Louis
        return word in CONNECTORS and is_foreign(prev) and is_capitalised(nxt) and is_foreign(nxt)

    def runs(self) -> Iterable[tuple[int, int]]:
        """Unit ranges of capitalised words, with the lower-case rest of a capitalised pyvi word."""
        units, i = self.units, 0
        while i < len(units):
            if not is_capitalised(units[i].text):
                i += 1
                continue
            j = i + 1
            while j < len(units):
                if is_capitalised(units[j].text) or self.is_tail(j):
                    j += 1
                elif self.joins(j):
                    j += 2
                else:
                    break
            yield i, j
            i = j

    def is_tail(self, k: int) -> bool:
        """Whether unit ``k`` is a later syllable of the pyvi word before it (``hình`` in ``Truyền hình``)."""
        unit = self.units[k]
        return not unit.first and unit.text.isalpha() and unit.token == self.units[k - 1].token

    def head(self, k: int, phrases: frozenset[str]) -> int:
        """Like :meth:`match` from unit ``k``, for a head or title that may not end inside a word before a
        lower-case syllable (``Núi`` is no head in ``Núi lửa``, ``Đài`` is one in ``Đài Truyền hình``)."""
        n = self.match(k, len(self.units), phrases)
        if n and k + n < len(self.units) and self.is_tail(k + n) and not is_capitalised(self.units[k + n].text):
            return 0
        return n

    def in_dictionary(self, k: int) -> bool:
        """Whether the pyvi word unit ``k`` belongs to is a common word of pyvi's dictionary (``ngoại giao``)."""
        return self.doc[self.units[k].token].text.lower() in pyvi_dictionary()

    def capitalised(self, k: int) -> bool:
        return k < len(self.units) and is_capitalised(self.units[k].text)

    def continues(self, k: int) -> bool:
        """Whether an organization name goes on at unit ``k`` (a capitalised word, ``nhân dân``, ``tỉnh X``)."""
        n_units = len(self.units)
        admin = self.match(k, n_units, ADMIN_PHRASES)
        lower = self.match(k, n_units, ORG_LOWER_PHRASES)
        return self.capitalised(k) or bool(lower or (admin and self.capitalised(k + admin)))

    def stretch_end(self, k: int) -> int:
        """End of the capitalised words (with their lower-case syllables) from unit ``k``."""
        while k < len(self.units) and (self.capitalised(k) or (k and self.is_tail(k))):
            k += 1
        return k
