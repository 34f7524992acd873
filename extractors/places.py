"""Country and region names in en, vi, zh-Hans and zh-Hant, and Chinese names of the world's main
cities, from Babel's copy of Unicode CLDR; Chinese names of cities and states from the shipped
tables ``data/city_names.tsv`` (GeoNames cities of 15,000 people or more, CC BY 4.0; made by
``data/make_city_names.py``) and ``data/subdivision_names.tsv`` (ISO 3166-2 names in Debian's
iso-codes translations, LGPL-2.1-or-later; made by ``data/make_subdivision_names.py``).

Examples
--------
>>> territory_names("vi")["Việt Nam"], territory_names("zh-Hant")["奧地利"], territory_names("en")["Vietnam"]
('VN', 'AT', 'VN')
>>> chinese_city_names()["平壤"], chinese_city_names()["洛杉矶"]
('Pyongyang', 'Los Angeles')
>>> place_table("city_names.tsv")[0][:4]
('一之江', '一之江', 'Ichinoe', 'JP')
>>> [name in chinese_place_names() for name in ("衡阳", "娄底", "平壤", "日本", "北方", "乔治", "西岸", "北部地区")]
[True, True, True, True, False, False, False, False]
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["territory_names", "chinese_city_names", "place_table", "chinese_place_names"]

_DATA = Path(__file__).parent / "data"
#: Last characters that say a name is a place's (广州, 云南省, 高淳区, 亚利桑那州).
_PLACE_ENDS = tuple("州省县区市道府邦郡")
#: A town smaller than this is a place name for the extractor only when its name ends in one of
#: :data:`_PLACE_ENDS`: small towns take the names of temples and titles (护国, 万古).
MIN_TOWN_POPULATION = 50_000

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
def _chinese_country_names() -> frozenset[str]:
    """CLDR's country and region names in Chinese, the traditional ones in simplified script."""
    from .script import to_simplified

    return frozenset(territory_names("zh-Hans")) | {to_simplified(n) for n in territory_names("zh-Hant")}


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
    countries = _chinese_country_names()
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


@lru_cache(maxsize=2)
def place_table(name: str) -> tuple[tuple[str, str, str, str, str], ...]:
    """The rows of a shipped table of Chinese place names, ``city_names.tsv`` or
    ``subdivision_names.tsv``: ``(Chinese name, its matching form, English name, country code,
    population or kind of subdivision)``."""
    with open(_DATA / name, encoding="utf-8") as lines:
        return tuple(tuple(line.rstrip("\n").split("\t")) for line in lines if not line.startswith("#"))


@lru_cache(maxsize=1)
def chinese_place_names() -> frozenset[str]:
    """Simplified Chinese names that name a city or a state and nothing else, for the Chinese extractor.

    CLDR's cities (:func:`chinese_city_names`) and countries (日本, 印尼: :func:`territory_names`),
    GeoNames' cities (衡阳, 娄底, 海牙) and ISO 3166-2's states (亚利桑那州), but no name that
    CC-CEDICT gives a common meaning too (北方 "north", 温泉 "hot spring", 新兴 "emerging";
    :func:`~policykg.extractors.cedict.words_with_common_senses`),
    no name whose English name is a person's first name (乔治 / George), and no subdivision or town
    of under :data:`MIN_TOWN_POPULATION` people unless its name ends in 市, 州, 县 and the like
    (西岸 is New Zealand's West Coast region, but mostly a west coast), nor a common word and 地区
    ("region": 北部地区, New Zealand's Northland).
    """
    from .cedict import words_with_common_senses
    from .vi_gazetteers import english_gazetteer

    common, people = words_with_common_senses(), english_gazetteer().people
    out = set(chinese_city_names()) | _chinese_country_names()
    for table in ("city_names.tsv", "subdivision_names.tsv"):
        for _han, form, english, _country, size_or_kind in place_table(table):
            small = not size_or_kind.isdigit() or int(size_or_kind) < MIN_TOWN_POPULATION
            if len(form) >= 2 and form not in common and english.lower() not in people \
                    and not (small and not form.endswith(_PLACE_ENDS)) \
                    and not (form.endswith("地区") and form[:-2] in common):  # 北部地区 "the northern region"
                out.add(form)
    return frozenset(out)
