"""Search keys and Chinese script conversion for the HTML page.

The page finds a node by any alias in any script, ignoring case and diacritics. Python
precomputes one key per node; the page's JavaScript (``assets/page.js``, ``normKey`` and
``toSimplified``) folds the query the same way, so the two must stay in step:

1. lower-case, 2. NFKD, 3. drop combining marks (``\\p{M}``), 4. fold the few Latin
letters NFKD does not decompose (Vietnamese ``đ`` among them), 5. collapse whitespace.

Traditional characters are mapped to simplified ones with OpenCC (``t2s``), both for whole
aliases (phrase-aware) and character by character; the page receives the character map
for the characters it can possibly need.

Examples
--------
>>> normalize_key("  Hồ  Chí MINH ")
'ho chi minh'
>>> normalize_key("Đà Nẵng")
'da nang'
>>> to_simplified("國務院")
'国务院'
>>> search_key(["國務院"])
'國務院\\n国务院'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import opencc

__all__ = ["SCRIPTS", "FOLD", "normalize_key", "to_simplified", "convert_script", "search_key", "t2s_char_map"]

#: Values accepted by ``script=``: keep labels as written, or show them in one script.
SCRIPTS = ("original", "simplified", "traditional")

#: Latin letters that NFKD leaves whole, folded to what a user types on a plain keyboard.
FOLD = {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "þ": "th"}

_WHITESPACE = re.compile(r"\s+")
_FOLD_RE = re.compile("[" + "".join(FOLD) + "]")
_HAN = re.compile("[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Every CJK ideograph block OpenCC's character tables can touch (BMP, Ext. A-B, compat.).
_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2A6E0), (0x2F800, 0x2FA20))


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def normalize_key(text: str) -> str:
    """Return ``text`` lower-cased, without diacritics, with whitespace collapsed.

    Examples
    --------
    >>> normalize_key("İstanbul ǅ Ⅻ")
    'istanbul dz xii'
    """
    if text.isascii():  # the common case; NFKD and the folds change nothing
        return _WHITESPACE.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.category(c).startswith("M"))
    text = _FOLD_RE.sub(lambda m: FOLD[m.group()], text)
    return _WHITESPACE.sub(" ", text).strip()


def to_simplified(text: str) -> str:
    """Return ``text`` converted to simplified Chinese with OpenCC ``t2s``.

    Examples
    --------
    >>> to_simplified("臺灣 Việt Nam")
    '台湾 Việt Nam'
    """
    return _converter("t2s").convert(text)


def convert_script(text: str, script: str) -> str:
    """Return ``text`` in ``script`` (one of :data:`SCRIPTS`).

    Raises
    ------
    ValueError
        If ``script`` is not one of :data:`SCRIPTS`.

    Examples
    --------
    >>> convert_script("国务院", "traditional"), convert_script("国务院", "original")
    ('國務院', '国务院')
    """
    if script == "original":
        return text
    if script == "simplified":
        return to_simplified(text)
    if script == "traditional":
        return _converter("s2t").convert(text)
    raise ValueError(f"script={script!r} is not one of {SCRIPTS}. Pass script='original', 'simplified' or 'traditional'.")


def search_key(aliases: Iterable[str]) -> str:
    """Return the node's search key: each distinct folded form of each alias, one per line.

    Each alias contributes its folded form, its phrase-aware ``t2s`` form and its
    character-by-character ``t2s`` form (what the page does to a query). Lines keep a
    query from matching across two aliases.

    Examples
    --------
    >>> search_key(["Hồ Chí Minh", "HO CHI MINH", "胡志明"])
    'ho chi minh\\n胡志明'
    """
    table = t2s_char_map()
    seen: dict[str, None] = {}
    for alias in dict.fromkeys(aliases):
        folded = normalize_key(alias)
        forms = [folded]
        if _HAN.search(alias):  # OpenCC only changes Han characters
            forms += [normalize_key(to_simplified(alias)), "".join(table.get(c, c) for c in folded)]
        for form in forms:
            if form:
                seen.setdefault(form, None)
    return "\n".join(seen)


@lru_cache(maxsize=1)
def t2s_char_map() -> dict[str, str]:
    """Return ``{traditional character: simplified character}`` for every CJK ideograph OpenCC changes.

    Built once per process by converting each ideograph on its own line (~70,000
    characters, a few milliseconds), so phrase rules never apply.

    Examples
    --------
    >>> table = t2s_char_map()
    >>> table["國"], table["髮"], "国" in table
    ('国', '发', False)
    """
    chars = [chr(c) for lo, hi in _CJK_RANGES for c in range(lo, hi)]
    converted = to_simplified("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # OpenCC never merges lines; guard the zip anyway
        raise RuntimeError("[E301] OpenCC t2s changed the number of lines; upgrade opencc (pip install -U opencc).")
    return {t: s for t, s in zip(chars, converted) if t != s and len(s) == 1}
