"""Country and region names in en, vi, zh-Hans and zh-Hant, and Chinese names of the world's main
cities, from Babel's copy of Unicode CLDR.

Examples
--------
>>> territory_names("vi")["Việt Nam"], territory_names("zh-Hant")["奧地利"], territory_names("en")["Vietnam"]
('VN', 'AT', 'VN')
>>> chinese_city_names()["平壤"], chinese_city_names()["洛杉矶"]
('Pyongyang', 'Los Angeles')
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["territory_names", "chinese_city_names"]

_BABEL_LOCALES = {"en": "en", "vi": "vi", "zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant"}


@lru_cache(maxsize=8)
def territory_names(lang: str) -> dict[str, str]:
    """Map each CLDR territory name in ``lang`` to its code (``VN``, ``150`` for Europe, ...).

    Names with a parenthesis or a comma (``Hong Kong SAR China``-style qualifiers aside) are
    kept as CLDR writes them; unknown languages give an empty map.
    """
    from babel import Locale

    locale = _BABEL_LOCALES.get(lang)
    if locale is None:
        return {}
    names = Locale.parse(locale).territories
    return {name: code for code, name in names.items() if "(" not in name and code not in ("001", "ZZ")}


@lru_cache(maxsize=1)
def chinese_city_names() -> dict[str, str]:
    """``{simplified Chinese name: English name}`` of CLDR's exemplar cities (the cities time zones are
    named after: 平壤, 洛杉矶, 开罗, about 400), in simplified and traditional script alike.

    Left out: Antarctic stations, names of one character, names that are countries or regions
    (新加坡), and cities whose English name is a person's name too (戴维斯 / Davis, 里贾纳 / Regina).
    """
    from babel import Locale

    from .script import to_simplified
    from .vi_gazetteers import english_gazetteer

    people = english_gazetteer().people
    countries = set(territory_names("zh-Hans")) | {to_simplified(n) for n in territory_names("zh-Hant")}
    out: dict[str, str] = {}
    for locale in ("zh_Hans", "zh_Hant"):
        for zone, names in Locale.parse(locale).time_zones.items():
            english = zone.rsplit("/", 1)[-1].replace("_", " ")
            city = to_simplified(names.get("city") or "")
            if zone.startswith(("Antarctica/", "Etc/")) or len(city) < 2 or city in countries \
                    or english.lower() in people:
                continue
            out.setdefault(city, english)
    return out
