"""Type the Vietnamese names that no head or known place explains, and let guesses follow firm types.

Capitalised Vietnamese syllables are a PERSON after a family name or a person cue, and a PLACE or
ORG after a cue word; a foreign name (``Biden``, ``Fox News``) is typed by its words and the English
gazetteer. Types that are only guesses (``Name.firm`` false) then follow the firmly typed names
listed with them, and the type the same name has firmly elsewhere in the doc.

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": True}}})
>>> typer = NameTyper(nlp("Ông Joe Biden thăm Fox News."))
>>> typer.type_chunk(1, 3)
[Name(start=1, end=3, label='PERSON', firm=True, default=False)]
>>> typer.type_foreign(4, 6, None)
[Name(start=4, end=6, label='ORG', firm=True, default=False)]
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from .en import RANK_WORDS
from .vi_gazetteers import english_gazetteer, english_key
from .vi_syllables import (
    ROMAN_NUMERAL,
    is_acronym,
    is_capitalised,
    is_foreign,
    letter_runs,
)
from .vi_units import Name, UnitReader
from .vi_words import CONJUNCTIONS, CONNECTORS, NOT_ACRONYMS, SURNAMES

__all__ = ["NameTyper"]


class NameTyper(UnitReader):
    """Types the names :class:`~.vi_names.NameReader` cuts from the runs of one doc."""

    def type_chunk(self, k: int, e: int) -> list[Name]:
        """Type the name in units ``k:e``, which no head or known place explains."""
        words = [u.text for u in self.units[k:e]]
        cue = self.cue_before(k)
        if cue == "" or not any(map(letter_runs, words)) or any(c.isdigit() for w in words for c in w):
            return []
        if all(w.upper() in NOT_ACRONYMS or ROMAN_NUMERAL.match(w) for w in words):
            return []
        transliterated = any(w == "-" and not self.gap(k + n - 1, k + n) for n, w in enumerate(words) if n)
        if any(map(is_foreign, words)) or transliterated:
            return self.type_foreign(k, e, "PLACE" if cue == "DEMONYM" else cue)
        if not all(map(is_capitalised, words)) or (e < len(self.units) and self.is_tail(e) and self.in_dictionary(e)):
            return []  # names capitalise every syllable: no "Xã" in "Xã hội" (but "Ri" in pyvi's "Ri nói")
        if (words[0] in SURNAMES and 2 <= len(words) <= 4) or (cue == "PERSON" and len(words) <= 4):
            return [Name(k, e, "PERSON", True)]
        return [Name(k, e, cue, True)] if cue in ("PLACE", "ORG") else []

    def type_foreign(self, k: int, e: int, cue: str | None) -> list[Name]:
        """Type a foreign name by its words, the English gazetteer and the cue before it."""
        g = english_gazetteer()
        if e - k > 1 and self.units[k].text in RANK_WORDS and cue in (None, "PERSON"):
            return self.type_foreign(k + 1, e, "PERSON")  # "Mr Bean", "Det Insp Bob Blemmings"
        if cue in (None, "PERSON") and english_key(self.span_text(k, e)) not in g.places:
            # a place of the gazetteer is whole: San Diego, Los Angeles (Diego and Angeles are first names)
            for p in range(k + 1, e):
                joined = self.units[p - 1].text in ("&", "-", ".") or self.units[p - 1].text in CONNECTORS
                if self.units[p].text.lower() in g.first and is_capitalised(self.units[p].text) and not joined:
                    head = self.type_foreign(k, p, None)  # "Rangers Allan McGregor", "LSU Joe Alleva"
                    if len(head) == 1 and head[0].label != "PERSON":
                        return head + self.type_foreign(p, e, None)
        text = self.span_text(k, e)
        words, key = text.split(), english_key(text)
        kind, head = g.places.get(key), g.heads.get(words[-1].lower())
        if cue == "ORG" or head == "org" or "&" in text or " and " in text:
            return [Name(k, e, "ORG", True)]
        if head == "loc" and len(words) > 1:
            return [Name(k, e, "PLACE", True)]
        if is_acronym(words[0]):
            return [Name(k, e, "PLACE" if cue == "PLACE" and len(words) > 1 else "ORG", True)]
        if cue in ("PERSON", "PLACE"):
            return [Name(k, e, cue, True)]
        if kind in ("cityA", "state", "cty", "cont"):
            return [Name(k, e, "PLACE", True)]
        if len(words) == 1:
            if key in g.people:
                return [Name(k, e, "PERSON", False)]
            if kind == "cityB":
                return [Name(k, e, "PLACE", False)]
            if key in g.common:
                return [Name(k, e, "ORG", False)]
            return [Name(k, e, "PERSON", False, default=True)]
        if words[0].lower() in g.first:
            return [Name(k, e, "PERSON", True)]
        if kind == "cityB":
            return [Name(k, e, "PLACE", False)]
        return [Name(k, e, "PERSON", False, default=True)]

    def share_list_types(self, names: list[Name]) -> list[Name]:
        """Guesses take the type of the firmly typed names listed with them (``Google, Microsoft và Apple``).

        In a list with a conjunction the firm names must agree (or, with none firm, most guesses).
        Without one, a guess right before a place takes its type (``Bethesda, Maryland``), and so does a
        guess on no evidence right after one (``Hàn Quốc, Ma-lay-xi-a``; but ``Hoa Kỳ, Lee chia sẻ``).
        """
        chains: list[list[int]] = [[0]] if names else []
        for n in range(1, len(names)):
            gap = self.gap(names[n - 1].end - 1, names[n].start).strip()
            if gap == "," or gap in CONJUNCTIONS:
                chains[-1].append(n)
            else:
                chains.append([n])
        out = list(names)
        for chain in chains:
            gaps = {self.gap(names[a].end - 1, names[b].start).strip() for a, b in pairwise(chain)}
            firm = [names[n].label for n in chain if names[n].firm]
            labels = firm or [names[n].label for n in chain]
            best = max(set(labels), key=labels.count) if labels else None
            if gaps & CONJUNCTIONS and (len(set(firm)) == 1 or (not firm and labels.count(best) * 2 > len(chain))):
                for n in chain:
                    out[n] = names[n] if names[n].firm else replace(names[n], label=best)
            for a, b in pairwise(chain if not gaps & CONJUNCTIONS else []):
                if not names[a].firm and names[b].firm and names[b].label == "PLACE":
                    out[a] = replace(names[a], label="PLACE")
                if names[b].default and names[a].firm and names[a].label == "PLACE":
                    out[b] = replace(names[b], label="PLACE")
        return out

    def share_doc_types(self, names: list[Name]) -> list[Name]:
        """Guesses take the type the same name has firmly elsewhere in the doc; ``West`` after ``Kanye West``."""
        firm = {self.span_text(n.start, n.end): n.label for n in names if n.firm}
        for n in names:
            words = self.span_text(n.start, n.end).split()
            if n.label == "PERSON" and len(words) > 1 and is_foreign(words[-1]):
                firm.setdefault(words[0], "PERSON")
                firm.setdefault(words[-1], "PERSON")
        return [n if n.firm else replace(n, label=firm.get(self.span_text(n.start, n.end), n.label)) for n in names]
