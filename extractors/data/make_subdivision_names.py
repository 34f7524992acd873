"""Regenerate ``subdivision_names.tsv``: the Chinese names of states and provinces and their English names.

CLDR (Babel) names countries only; news names states and provinces as often (俄亥俄州 / Ohio,
白金汉郡 / Buckinghamshire, 湖北省 / Hubei). ISO 3166-2 subdivisions and their translations come
from Debian's iso-codes (LGPL-2.1-or-later) as the ``pycountry`` package ships them: the
``zh_CN`` and ``zh_TW`` names of every subdivision. A name written wholly in Chinese characters,
of two characters or more, is kept with its matching form, its English name, country code and
type. Chinese provinces' English names drop the pinyin of their type (``Hubei Sheng`` →
``Hubei``), as English texts write them. A Chinese name that names several subdivisions with
different English names is left out (圣乔治 is a parish in five countries), and so is a
subdivision whose English name is a country's (Georgia), a city's of ``city_names.tsv``, or
begins a large city's (New York the state and New York City: "New York" alone cannot tell them
apart; Oregon stays beside Oregon City). Run with pycountry
installed (``pip install -e ".[train]"``)::

    python extractors/data/make_subdivision_names.py > extractors/data/subdivision_names.tsv

Examples
--------
>>> subs = [("湖北省", "Hubei Sheng", "CN", "Province"), ("俄亥俄州", "Ohio", "US", "State"),
...         ("纽约州", "New York", "US", "State"), ("圣乔治", "Saint George", "BB", "Parish"),
...         ("圣乔治", "Saint George", "GD", "Parish"), ("佐治亚州", "Georgia", "US", "State")]
>>> table(subs, cities={("New York City", 8_000_000), ("Ohio City", 5_000)}, countries=frozenset({"Georgia"}))
[('俄亥俄州', 'Ohio', 'US', 'State'), ('湖北省', 'Hubei', 'CN', 'Province')]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

__all__ = ["table", "main"]

#: A city this large takes its name from a subdivision it begins with (New York City: "New York").
_BIG_CITY = 600_000
#: The pinyin of Chinese subdivision types that ISO writes after the name (``Hubei Sheng``).
_CHINESE_TYPES = (" Sheng", " Shi", " Zizhiqu", " Tebie Xingzhengqu", " Huizu Zizhiqu", " Zhuangzu Zizhiqu",
                  " Weiwu'er Zizhiqu", " Zangzu Zizhiqu")


def _han(name: str) -> bool:
    return len(name) >= 2 and all("\u3400" <= c <= "\u9fff" or c == "·" for c in name)


def _english(name: str, country: str) -> str:
    if country == "CN":
        for suffix in sorted(_CHINESE_TYPES, key=len, reverse=True):
            if name.endswith(suffix):
                return name[: -len(suffix)]
    return name


def table(subdivisions: Iterable[tuple[str, str, str, str]], *, cities: set[tuple[str, int]],
          countries: frozenset[str] = frozenset()) -> list[tuple[str, str, str, str]]:
    """``(Chinese name, English name, country code, type)`` rows, sorted by Chinese name, from
    ``(Chinese name, ISO English name, country code, type)``, the ``(English name, population)``
    pairs of the city table and the English names of countries."""
    by_name: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for han, name, country, kind in subdivisions:
        if _han(han):
            by_name[han].add((_english(name, country), country, kind))
    rows = []
    for han, found in sorted(by_name.items()):
        if len({(english, country) for english, country, _ in found}) != 1:
            continue  # several subdivisions answer to this name
        english, country, kind = sorted(found)[0]
        if english in countries or any(city == english or population >= _BIG_CITY
                                       and city.startswith((english + " ", english + ",")) for city, population in cities):
            continue  # a country or a city of that name too (Georgia; New York City, Washington, D.C.)
        rows.append((han, english, country, kind))
    return rows


def main() -> int:
    import gettext

    import pycountry

    from policykg.extractors.script import matching_form

    subdivisions = []
    for lang in ("zh_CN", "zh_TW"):
        names = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        subdivisions += [(names.gettext(s.name), s.name, s.country_code, s.type) for s in pycountry.subdivisions]
    cities = set()
    with open(Path(__file__).with_name("city_names.tsv"), encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                _han, _form, english, _country, population = line.rstrip("\n").split("\t")
                cities.add((english, int(population)))
    from babel import Locale

    countries = frozenset(Locale.parse("en").territories.values())
    out = sys.stdout
    out.write("# Chinese names of states and provinces and their English names, from ISO 3166-2 and Debian's\n"
              "# iso-codes translations (LGPL-2.1-or-later) via pycountry; made by\n"
              "# extractors/data/make_subdivision_names.py\n")
    out.write("# Chinese name, its matching form, English name, country, type\n")
    for han, english, country, kind in table(subdivisions, cities=cities, countries=countries):
        out.write(f"{han}\t{matching_form(han)}\t{english}\t{country}\t{kind}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
