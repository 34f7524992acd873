"""Country and region names in en, vi, zh-Hans and zh-Hant from Babel's copy of Unicode CLDR.

Examples
--------
>>> territory_names("vi")["Việt Nam"], territory_names("zh-Hant")["奧地利"], territory_names("en")["Vietnam"]
('VN', 'AT', 'VN')
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["territory_names"]

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
