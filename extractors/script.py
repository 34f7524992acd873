"""Chinese script conversion that keeps offsets: traditional → simplified, one character per character.

Examples
--------
>>> to_simplified("國務院辦公廳印發《意見》")
'国务院办公厅印发《意见》'
>>> to_traditional("国务院")
'國務院'
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["to_simplified", "to_traditional"]


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
