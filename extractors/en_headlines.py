"""Headlines written in title case, where a capital letter no longer marks a name.

News and reports title their pieces in title case (``Indonesia Tsunami Toll Soars Above 800``,
``Hurricane Rosa Threatening Phoenix, Las Vegas, Salt Lake City With Flash Flooding``). There every
word is capitalised, so a run of capitalised words, and the model that learnt from sentence case,
glue names to the words around them (``Indonesia Tsunami Toll Soars Above`` as an organization,
``Rosa Threatening Phoenix`` as a person). In such a line a name of several words is kept only
when something besides its capitals vouches for it: a place of the gazetteers, a person's full
name opening with a known first name, an organization word or an acronym; otherwise the longest
known place inside it is kept (``Indonesia``, ``West Virginia``), or nothing.

Examples
--------
>>> s = "Indonesia Tsunami Toll Soars Above 800.\\nIt rose on Monday."
>>> title_case_lines(s)
[(0, 39)]
>>> [s[a:b] for a, b, _ in headline_pieces(s, 0, 34, "ORG", org_words=frozenset())]
['Indonesia']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .surnames import is_major_place, looks_like_full_name
from .vi_gazetteers import english_gazetteer

__all__ = ["title_case_lines", "headline_pieces", "in_lines", "MIN_HEADLINE_WORDS", "MAX_ORG_WORDS"]

#: A line needs this many words, capitalised but for :data:`_SMALL_WORDS`, to be a title-case headline.
MIN_HEADLINE_WORDS = 4
#: An organization named in a headline has at most this many words besides the small ones
#: (``Defense Advanced Research Projects Agency``).
MAX_ORG_WORDS = 7
#: Words title case leaves in lower case.
_SMALL_WORDS = frozenset("a an the and but or nor for of on in at to by as vs vs. via with from into his her its their "
                         "is are was be".split())
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_ACRONYM = re.compile(r"[A-Z][A-Z.&]+")
_INITIAL = re.compile(r"[A-Z]\.")
_MAX_PLACE_WORDS = 4  # the longest place looked up inside a headline's span
_TRAILING = re.compile(r"(?:['’]s?)?[.,:;]*$")  # a possessive, then punctuation


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text`` written in title case: at least
    :data:`MIN_HEADLINE_WORDS` words, every one capitalised but the small words title case leaves
    alone (``of``, ``the``, ``vs.``) and at most one other.

    >>> title_case_lines("Trump Rallies in West Virginia Tonight\\nTrump rallies in West Virginia tonight")
    [(0, 38)]
    """
    out, pos = [], 0
    for line in text.split("\n"):
        words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL_WORDS]
        lower = sum(1 for w in words if not w[0].isupper())
        if len(words) - lower >= MIN_HEADLINE_WORDS and lower <= 1 and lower * 10 <= len(words):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _vouched(name: str, label: str, org_words: frozenset[str]) -> bool:
    """Whether something besides capitals makes ``name`` a name of type ``label``."""
    words = name.split()
    if _is_place(name):
        return True
    named = [w for w in words if w.lower() not in _SMALL_WORDS]
    if label == "ORG":  # an organization word in a name of a few words (not a whole headline glued)
        return (any(w.strip(".,") in org_words for w in words) and len(named) <= MAX_ORG_WORDS) \
            or all(_ACRONYM.fullmatch(w) for w in named)
    # a person or a place: no word a common English word that is no name ("Rosa Threatening Phoenix",
    # "AP Photo"), where a list of names ("Sheetal Patel, Webb Jennings") keeps every one
    return not any(_common(w if _INITIAL.fullmatch(w) else _TRAILING.sub("", w)) for w in named)


def headline_pieces(text: str, start: int, end: int, label: str, *,
                    org_words: frozenset[str]) -> list[tuple[int, int, str]]:
    """What of the span ``text[start:end]`` (type ``label``), found in a title-case line, is a name:
    the span when it is one word or vouched for; else the places in it, and the runs of its words
    that are no common English words when they make a person's full name.

    >>> s = "Trump's West Virginia Rally Time, YouTube Channel"
    >>> [(s[a:b], lab) for a, b, lab in headline_pieces(s, 8, 32, "ORG", org_words=frozenset())]
    [('West Virginia', 'PLACE')]
    >>> s = "Lindsey Graham And John Kennedy Tell FBI To Move Fast"
    >>> [(s[a:b], lab) for a, b, lab in headline_pieces(s, 0, len(s), "ORG", org_words=frozenset())]
    [('Lindsey Graham', 'PERSON'), ('John Kennedy', 'PERSON')]
    """
    name = text[start:end]
    if len(name.split()) < 2 or _vouched(name, label, org_words):
        return [(start, end, label)]
    words = [(start + m.start(), start + m.start() + len(_TRAILING.sub("", m.group())), m.group())
             for m in re.finditer(r"\S+", name)]
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int]] = []

    def close() -> None:
        if run and (kind := _kind(text[run[0][0] : run[-1][1]])):
            out.append((run[0][0], run[-1][1], kind))
        run.clear()

    i = 0
    while i < len(words):  # left to right: the longest place from each word, else a word of a run
        place = next((j for j in range(min(len(words), i + _MAX_PLACE_WORDS), i, -1)
                      if _is_place(text[words[i][0] : words[j - 1][1]])), None)
        if place is not None:
            close()
            out.append((words[i][0], words[place - 1][1], "PLACE"))
            i = place
            continue
        a, b, raw = words[i]
        if b > a and not _common(text[a:b]):
            run.append((a, b))
            if b - a < len(raw):  # a comma or a possessive ends a name
                close()
        else:
            close()
        i += 1
    close()
    return out


def _kind(name: str) -> str | None:
    """PERSON for a full name, else None (a run of words no common English words; acronyms are left
    to the model and the acronym rule, which find them on their own)."""
    return "PERSON" if len(name.split()) >= 2 and looks_like_full_name(name) else None


def _common(word: str) -> bool:
    """Whether ``word`` is a common English word and no name (``Tell``, ``Toll``; not ``Kennedy``)."""
    if _ACRONYM.fullmatch(word) or _INITIAL.fullmatch(word):
        return False  # FBI, GOP, the A. of Kevin A. Boone: parts of names
    low = word.lower()
    gazetteer = english_gazetteer()
    return low in _SMALL_WORDS or low in gazetteer.common and low not in gazetteer.people


def _is_place(name: str) -> bool:
    """A country or a large city, or a place of the gazetteer that is no person's name, not written in
    capitals and no common word (``MAGA`` is an acronym, ``Kennedy`` a name, ``Time`` a word, whatever
    towns bear them)."""
    low = name.lower()
    gazetteer = english_gazetteer()
    return is_major_place(name) or not name.isupper() and low in gazetteer.places and low not in gazetteer.people \
        and not (" " not in name and _common(name))  # Time, Reading: towns, and words first


def in_lines(start: int, end: int, lines: Iterable[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` lies within one of ``lines``."""
    return any(a <= start and end <= b for a, b in lines)
