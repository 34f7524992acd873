"""Chinese script conversion that keeps offsets: traditional → simplified, one character per character.

Examples
--------
>>> to_simplified("國務院辦公廳印發《意見》")
'国务院办公厅印发《意见》'
>>> to_traditional("国务院")
'國務院'
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["to_simplified", "to_traditional", "matching_form"]


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _convert_keeping_length(text: str, config: str) -> str:
    """OpenCC may rewrite a phrase to another length; such lines are converted character by character."""
    cc = _converter(config)
    out = cc.convert(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.split("\n"):
        conv = cc.convert(line)
        if len(conv) != len(line):
            conv = "".join(c if len(c := cc.convert(ch)) == 1 else ch for ch in line)
        lines.append(conv)
    return "\n".join(lines)


def to_simplified(text: str) -> str:
    """Simplified Chinese, same length as ``text`` (non-Chinese characters unchanged)."""
    return _convert_keeping_length(text, "t2s")


def to_traditional(text: str) -> str:
    """Traditional Chinese, same length as ``text`` (non-Chinese characters unchanged)."""
    return _convert_keeping_length(text, "s2t")


@lru_cache(maxsize=200_000)
def matching_form(text: str) -> str:
    """The form two surface strings must share to be the same name.

    NFKC (full-width letters, compatibility forms), simplified Chinese, case-folded, inner
    whitespace collapsed and middle dots unified.

    Examples
    --------
    >>> matching_form("ＷＴＯ") == matching_form("wto")
    True
    >>> matching_form("馬克思") == matching_form("马克思")
    True
    >>> matching_form("衞生") == matching_form("衛生") == matching_form("卫生")
    True
    """
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text)
    if any("\u3400" <= c <= "\u9fff" for c in text):
        # Hong Kong variant characters (衞 → 卫) where that keeps the length
        variant = _converter("hk2s").convert(text)
        text = variant if len(variant) == len(text) else text
    text = text.casefold()
    text = text.replace("・", "·").replace("•", "·")
    return " ".join(text.split())
