"""The ``city`` rule: a city's or a state's Chinese name and its English name (洛杉矶 / Los Angeles,
俄亥俄州 / Ohio), from GeoNames and ISO 3166-2.

A city's Chinese name is a convention more often than a transliteration (洛杉矶 is not heard as
Los Angeles, 凤凰城 is a translation of Phoenix), so no reading rule joins the two. The shipped
table ``city_names.tsv`` of the extractors' data (GeoNames cities of 15,000 people or more, CC BY 4.0;
:func:`~policykg.extractors.places.place_table`) gives each Chinese name of a city its English name. Two PLACE nodes
whose names lead to one English city name are one place: a Chinese name and the English one, or
two Chinese spellings of it (伯明翰 / 伯明罕). Like a country's names, these need no support
from the documents; a Chinese name several cities share is not in the table. States and provinces
come from ``subdivision_names.tsv`` beside it (ISO 3166-2 names in Debian's iso-codes zh_CN and zh_TW
translations, LGPL-2.1-or-later) and join the same way,
under their short names too (云南 for 云南省).
An English name followed by a generic word in lower case (``Yunnan province``) is looked up without it.

Examples
--------
>>> city_names()["洛杉矶"], city_names()["俄亥俄州"]
(('Los Angeles', 'US'), ('Ohio', 'US'))
>>> city_names()["倫敦".translate(str.maketrans("倫", "伦"))]
('London', 'GB')
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from policykg.extractors.places import place_table

from .resolve_names import HAN_RE, fold_latin, script_of
from .resolve_state import Candidate, ResolveState

__all__ = ["city_names", "city"]


@lru_cache(maxsize=2)
def _table(name: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for _han, form, english, country, _size_or_kind in place_table(name):
        out.setdefault(form, (english, country))
    return out


@lru_cache(maxsize=1)
def city_names() -> dict[str, tuple[str, str]]:
    """``{Chinese name (matching form): (English name, country code)}`` from the shipped tables:
    cities first, then states and provinces (``subdivision_names.tsv``, ISO 3166-2 names in
    Debian's iso-codes translations, LGPL-2.1-or-later)."""
    subdivisions, cities = _table("subdivision_names.tsv"), _table("city_names.tsv")
    return subdivisions | cities | _short_forms(subdivisions, cities)


def _short_forms(subdivisions: dict[str, tuple[str, str]], cities: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """A province's or state's name without 省 or 州, as Chinese writes it as often (云南 for 云南省,
    俄亥俄 for 俄亥俄州): where no other province or state has it, no country (墨西哥州 is no 墨西哥) and no
    city (纽约 is New York City; 太原 is Taiyuan, not Vietnam's 太原省), except that a province of China
    comes before a city abroad (云南 is Yunnan, not Unnan in Japan).

    >>> city_names()["云南"], city_names()["纽约"], city_names()["太原"]
    (('Yunnan', 'CN'), ('New York City', 'US'), ('Taiyuan', 'CN'))
    """
    from .resolve import territory_code

    out: dict[str, tuple[str, str]] = {}
    for form, (english, country) in subdivisions.items():
        stem = form[:-1] if form.endswith(("省", "州")) else ""
        if len(stem) >= 2 and stem not in subdivisions and territory_code(stem) is None \
                and (stem not in cities or country == "CN" != cities[stem][1]):
            out.setdefault(stem, (english, country))
    return out


@lru_cache(maxsize=1)
def _english_names() -> frozenset[str]:
    return frozenset(fold_latin(english) for english, _ in city_names().values())


def _city_of(name: str) -> tuple[str, str] | None:
    """``(English name folded, how)`` when ``name`` is a city's Chinese or English name, else ``None``."""
    from .resolve import matching_form

    if HAN_RE.search(name):
        form = matching_form(name)
        hit = city_names().get(form)
        source = "GeoNames" if form in _table("city_names.tsv") else "ISO 3166-2"
        return (fold_latin(hit[0]), f"{source}: {name} = {hit[0]} ({hit[1]})") if hit else None
    if script_of(name) == "latin":
        folded = fold_latin(_GENERIC_TAIL.sub("", name.strip()))  # "Yunnan province" is Yunnan
        if folded in _english_names():
            return folded, ""
    return None


#: A generic word written in lower case after a place's name (``Yunnan province``); a capitalised one
#: belongs to the name (``Kansas City`` is no Kansas), so the match is case-sensitive.
_GENERIC_TAIL = re.compile(r" (?:province|state|city|county|prefecture|district|region)$")


def city(state: ResolveState) -> Iterable[Candidate]:
    """PLACE nodes whose names are one city's Chinese and English names (see the module docstring)."""
    members: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)  # city -> node -> (name, how)
    for n, info in sorted(state.nodes.items()):
        if info.type != "PLACE":
            continue
        for alias in info.aliases:
            found = _city_of(alias)
            if found and n not in members[found[0]]:
                members[found[0]][n] = (alias, found[1])
    for _, nodes in sorted(members.items()):
        if len(nodes) < 2 or not any(how for _, how in nodes.values()):
            continue  # Latin names alike are the ``latin`` rule's
        # the English name's node keeps the others, so the node is labelled as English readers expect
        head = next((n for n, (_, how) in nodes.items() if not how), next(iter(nodes)))
        name_a = nodes[head][0]
        for other, (name_b, how) in nodes.items():
            if other != head:
                doc, sentence = state.nodes[other].evidence_for(name_b)
                yield Candidate(head, other, "city", doc, sentence, how or nodes[head][1], name_a, name_b)
