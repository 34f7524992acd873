"""Cut the runs of capitalised Vietnamese words into typed names: :class:`NameReader`.

Left to right, a run gives an organization from its head (``Đảng``, ``Bộ``) with its lower-case
parts, a bare organization (``Quốc hội``), a place from its head or a known place name; what is left
is cut where a name must stop and typed by :mod:`.vi_name_types`. Titles, function words and a
compass word before a place belong to no name, and a sentence's first word starts one only if it
looks like a name.

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": True}}})
>>> reader = NameReader(nlp("Bộ Ngoại giao Mỹ cho biết ông Joe Biden sẽ thăm Quảng Ninh."))
>>> [(reader.span_text(n.start, n.end), n.label) for n in reader.names()]
[('Bộ Ngoại giao Mỹ', 'ORG'), ('Joe Biden', 'PERSON'), ('Quảng Ninh', 'PLACE')]
"""

from __future__ import annotations

from .vi_gazetteers import english_gazetteer
from .vi_name_types import NameTyper
from .vi_syllables import is_acronym, is_capitalised, is_foreign, letter_runs
from .vi_units import Name
from .vi_words import (
    ADMIN_PHRASES,
    BARE_PHRASES,
    COMPASS_PHRASES,
    CONNECTORS,
    FUNCTION_PHRASES,
    HEAD_PHRASES,
    NOT_ACRONYMS,
    ORG_LOWER_PHRASES,
    TITLE_PHRASES,
)

__all__ = ["NameReader"]


class NameReader(NameTyper):
    """Finds and types the names in one doc (see :mod:`.vi` for the rules)."""

    def names(self) -> list[Name]:
        names: list[Name] = []
        done = 0
        for i, j in self.runs():
            if i >= done:
                found = self.parse_run(i, j)
                names += found
                done = max([j, *(n.end for n in found)])
        return self.share_doc_types(self.share_list_types(names))

    def parse_run(self, i: int, j: int) -> list[Name]:
        """Cut the run of units ``i:j`` into typed names, left to right.

        A head's lower-case syllables may take the name past ``j`` (``Quốc vụ viện | Trung Quốc``).
        """
        units, out, k = self.units, [], i
        if i > 0 and units[i - 1].text.lower() == "châu" and self.place_length(i - 1, j) > 1:  # châu Á, châu Âu
            k = i - 1 + self.place_length(i - 1, j)
            out.append(Name(i - 1, k, "PLACE", True))
        initial = self.sentence_start(i)
        while k < j:
            skip = self.skip(k, j)
            if skip:
                k, j = k + skip, max(j, k + skip)
                continue
            org, place = self.head(k, HEAD_PHRASES["ORG"]), self.head(k, HEAD_PHRASES["PLACE"])
            org = org if org and self.continues(k + org) else 0
            place = place if place and self.capitalised(k + place) else 0
            if k == i and initial and not self.keeps_initial(k, j, org or place):
                k += 1  # a sentence's first word, capitalised for that alone
                while k < j and not units[k].first:
                    k += 1
                continue
            bare = self.match(k, j, BARE_PHRASES)
            if org or (self.cue_before(k) == "ORG" and not bare and not is_foreign(units[k].text)):
                j = max(j, self.stretch_end(k + org))
                end = self.org_end(k + org, j)
                end = self.org_tail(end) if end == j else end
                if end > k + org:
                    out.append(Name(k, end, "ORG", True))
                k, j = end, max(j, end)
            elif bare:
                if not (k == i and initial):  # "Quân đội đã nổ súng": an army, not the Army
                    out.append(Name(k, k + bare, "ORG", True))
                k += bare
            elif place:
                end = self.stretch_end(k + place)
                out.append(Name(k, end, "PLACE", True))
                k, j = end, max(j, end)
            elif self.place_length(k, j) and not self.first_name_of(k, j):
                end = k + self.place_length(k, j)
                out.append(Name(k, end, "PLACE", True))
                k = end
            else:
                end = k + 1
                while end < j and not self.breaks(k, end, j):
                    end += 1
                out += self.type_chunk(k, end)
                k = end
        return out

    def first_name_of(self, k: int, j: int) -> bool:
        """Whether unit ``k``, a place of one word, is a person's first name here: one of the English
        gazetteer's first names before a foreign last name in the same run (``Chad Hammel``, ``Jordan
        Henderson``; ``Victoria Falls`` stays a place)."""
        if self.place_length(k, j) != 1 or k + 1 >= j:
            return False
        g = english_gazetteer()
        first, last = self.units[k].text, self.units[k + 1].text
        return (first.lower() in g.first and is_foreign(last) and is_capitalised(last)
                and last.lower() in g.people and last.lower() not in g.first and not self.gap(k, k + 1).strip())

    def skip(self, k: int, j: int) -> int:
        """How many units from ``k`` belong to no name: a title, a function word, a compass word before a place,
        a lower-case syllable, an all-capital word such as ``HIV``."""
        n = self.head(k, TITLE_PHRASES) or self.match(k, j, FUNCTION_PHRASES)
        n = n or (self.match(k, j, COMPASS_PHRASES) if not self.place_length(k, j) else 0)  # but Bắc Cực, Nam Phi
        return n or int(not is_capitalised(self.units[k].text) or self.units[k].text.upper() in NOT_ACRONYMS)

    def keeps_initial(self, k: int, j: int, head: int) -> bool:
        """Whether a sentence's first word is (or starts) a name: all its syllables capitalised, a foreign
        word that is not a common English one, an acronym, a head before a name, or pyvi's ``Np``."""
        syllables = [u.text for u in self.units[k:j] if u.token == self.units[k].token]
        if head or is_acronym(syllables[0]):
            return True
        if len(syllables) > 1 and all(map(is_capitalised, syllables)):
            return True
        g = english_gazetteer()
        word = syllables[0].lower()
        if is_foreign(word) and (word not in g.common or word in g.people or word in g.places):
            return True
        return self.tag(k) == "Np"

    def breaks(self, k: int, end: int, j: int) -> bool:
        """Whether the name that starts at unit ``k`` must stop before unit ``end``."""
        units = self.units
        if not is_capitalised(units[end].text) and units[end].text not in ("-", "–", "&", ".") and not (
            units[end].text in CONNECTORS or (units[end - 1].text == "-" and not self.gap(end - 1, end))
        ):
            return True  # a lower-case syllable: "Ri | nói"; but "Ma-lay-xi-a", "Marks and Spencer"
        if self.place_length(end, j) and end == k + 1 and is_acronym(units[k].text):
            return False  # BBC Scotland
        if (self.head(end, TITLE_PHRASES) or self.match(end, j, FUNCTION_PHRASES)
                or self.head(end, HEAD_PHRASES["ORG"]) or self.match(end, j, BARE_PHRASES)
                or self.place_length(end, j) or units[end].text.upper() in NOT_ACRONYMS and not self.hyphened(end)):
            return True
        if units[end].first and is_foreign(units[end].text) != is_foreign(units[end - 1].text):
            # "Cơn bão | Rosa", but "Kim Jong Un" stays whole: pyvi tags its words Np
            native = end if not is_foreign(units[end].text) else end - 1
            return letter_runs(units[native].text) != [] and self.tag(native) != "Np"
        return False

    def hyphened(self, k: int) -> bool:
        """Whether unit ``k`` is joined to the one before by a hyphen with no space (the TV of ``KSWB-TV``)."""
        return k >= 2 and self.units[k - 1].text == "-" and not self.gap(k - 2, k - 1) and not self.gap(k - 1, k)

    def org_end(self, k: int, j: int) -> int:
        """Where an organization name that goes on at unit ``k`` ends: before a title, a pronoun such as ``ta``
        or a foreign first name (``Đảng Cộng hòa | John Kennedy``)."""
        first = english_gazetteer().first
        while k < j:
            u = self.units[k]
            if self.head(k, TITLE_PHRASES) or self.match(k, j, FUNCTION_PHRASES) or (
                u.first and u.text.lower() in first and is_foreign(u.text) and not is_foreign(self.units[k - 1].text)
            ):
                break
            k += 1
        return k

    def org_tail(self, k: int) -> int:
        """Lower-case words after unit ``k`` that still belong to an organization name (``nhân dân``, ``tỉnh X``)."""
        units, n_units = self.units, len(self.units)
        while k < n_units and "\n" not in self.gap(k - 1, k):
            lower, admin = self.match(k, n_units, ORG_LOWER_PHRASES), self.match(k, n_units, ADMIN_PHRASES)
            n = lower or admin
            if not n:
                break
            after = k + n
            if after < n_units and is_capitalised(units[after].text):
                k = after + 1
                while k < n_units and (is_capitalised(units[k].text) or not units[k].first):
                    k += 1
            elif lower:
                k = after
            else:
                break
        return k
