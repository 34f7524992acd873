"""A person's last name alone, typed as a place or an organization, is that person within the document.

News names a person in full once and by the last name after (``Holly Willoughby`` … ``Willoughby``,
``皮特·琼斯`` … ``琼斯``). Seen alone, a last name is often typed as a place or a club, because many
are (Willoughby is a town). Within one document, a mention whose whole text is the last part of a
PERSON name of two parts or more in the same document (parts split by spaces, ``·`` or the dot
after an initial: ``K.波兰尼``) becomes PERSON, unless it is a country, a region or a large city:
``Washington`` beside ``George Washington`` stays a place. A "person" that opens with a place
which is no first name is a misread place and organization (``Nottingham Momentum``) and retypes
nothing. The document decides, never the corpus: the same word elsewhere is judged there. Which
person a last name stands for is left to resolution (``short-form``), which keeps ``波兰尼`` apart
where ``K.波兰尼`` and ``M.波兰尼`` share the document.

Examples
--------
>>> text = "Holly Willoughby joined ITV. Willoughby said so in Phoenix, said Rosa Phoenix."
>>> found = [(0, 16, "PERSON"), (24, 27, "ORG"), (29, 39, "PLACE"), (51, 58, "PLACE"), (65, 77, "PERSON")]
>>> [(text[s:e], label) for s, e, label in people_by_last_name(text, found)]
[('Holly Willoughby', 'PERSON'), ('ITV', 'ORG'), ('Willoughby', 'PERSON'), ('Phoenix', 'PLACE'), ('Rosa Phoenix', 'PERSON')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .places import territory_names

__all__ = ["people_by_last_name", "is_known_place", "is_major_place", "is_place_not_first_name", "looks_like_full_name"]

_PARTS = re.compile(r"[\s·•.]+")
#: Kinds of the English gazetteer's places that a last name never stands for.
_MAJOR_KINDS = frozenset({"cty", "state", "cont", "cityA"})
_RETYPED = frozenset({"PLACE", "ORG"})
_LATIN = re.compile("[A-Za-z]")


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    return frozenset(name for lang in ("en", "zh-Hans", "zh-Hant", "vi") for name in territory_names(lang))


def _latin(name: str) -> bool:
    # the English gazetteer knows Latin names only: Chinese text need not read it
    return _LATIN.search(name) is not None


def _gazetteer():
    from .vi_gazetteers import english_gazetteer

    return english_gazetteer()


def is_major_place(name: str) -> bool:
    """Whether ``name`` is a country or region (CLDR, in en, zh or vi), or a state, continent or
    large city of the English gazetteer.

    >>> is_major_place("Phoenix"), is_major_place("美国"), is_major_place("Willoughby")
    (True, True, False)
    """
    if name in _territories():
        return True
    return _latin(name) and _gazetteer().places.get(name.lower()) in _MAJOR_KINDS


def is_place_not_first_name(name: str) -> bool:
    """Whether ``name`` is a place of the English gazetteer of any size, and no first name.

    >>> is_place_not_first_name("Athens"), is_place_not_first_name("Chelsea"), is_place_not_first_name("Kante")
    (True, False, False)
    """
    if not _latin(name):
        return False
    gazetteer = _gazetteer()
    return name.lower() in gazetteer.places and name.lower() not in gazetteer.first


def is_known_place(name: str) -> bool:
    """Whether ``name`` is a place the gazetteers know: :func:`is_major_place`, or
    :func:`is_place_not_first_name` (a smaller place that is no first name).

    >>> is_known_place("Athens"), is_known_place("美国"), is_known_place("Chelsea")
    (True, True, False)
    """
    return is_major_place(name) or is_place_not_first_name(name)


def looks_like_full_name(name: str) -> bool:
    """Whether ``name`` reads as a person's full name: Latin words opening with a first name of the
    English gazetteer, or Chinese parts joined by a name dot.

    >>> looks_like_full_name("Justin Thomas"), looks_like_full_name("克里斯汀·福特"), looks_like_full_name("Rapid Vienna")
    (True, True, False)
    """
    if "·" in name.strip("·"):
        return True
    words = name.split()
    return _latin(name) and len(words) >= 2 and words[0].lower() in _gazetteer().first


def _opens_with_place(parts: Sequence[str]) -> bool:
    """Whether a "person" of ``parts`` opens with a place of the English gazetteer that is no first
    name: a place and what follows it, misread (``Nottingham Momentum``, ``Los Angeles Lakers``)."""
    return any(is_place_not_first_name(" ".join(parts[:k])) for k in range(1, min(len(parts), 4)))


def people_by_last_name(text: str, spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``spans`` (``(start, end, label)`` into ``text``), with the PLACE and ORG mentions that are the
    last name of a PERSON of the same document typed PERSON (see the module docstring)."""
    last_names = set()
    for start, end, label in spans:
        parts = [p for p in _PARTS.split(text[start:end]) if p]
        if label == "PERSON" and len(parts) >= 2 and len(parts[-1]) >= 2 and not _opens_with_place(parts):
            last_names.add(parts[-1])
    if not last_names:
        return list(spans)
    out = []
    for start, end, label in spans:
        name = text[start:end]
        if label in _RETYPED and name in last_names and not is_major_place(name):
            label = "PERSON"
        out.append((start, end, label))
    return out
