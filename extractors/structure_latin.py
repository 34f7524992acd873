"""A Latin name in Chinese text named again later by part of it: ``Lassana Coulibaly`` … ``Coulibaly``.

The Chinese extractor types a Latin run from the words around it (:mod:`.zh_latin`); a surname
standing alone often has no such word (``Gerrard 在以 Coulibaly 換入 Ryan Kent 後``). Within one
document, a Latin run in Chinese text that is the last word of a Latin personal name mentioned
in the document is a PERSON, and an untyped one takes the type of a mention with the same name.

Examples
--------
>>> text = "流浪只在上半場成功，Liam Kelly 輕鬆擋下 Lassana Coulibaly 的頭槌。\\n\\nGerrard 在以 Coulibaly 換入 Ryan Kent 後"
>>> existing = tuple((text.index(n), text.index(n) + len(n), "PERSON") for n in ("Liam Kelly", "Lassana Coulibaly", "Ryan Kent"))
>>> found = Found()
>>> find_latin_repeats(Context.from_text(text, existing), found)
>>> [(text[s.start:s.end], s.label) for s in found.spans]
[('Coulibaly', 'PERSON')]
>>> text = "主教練 Gary Holt 表示滿意。Holt 自上個月取代 Kenny Miler"
>>> existing = ((4, 13, "PERSON"), (19, 23, "PLACE"))
>>> found = Found()
>>> find_latin_repeats(Context.from_text(text, existing), found)
>>> [(text[s.start:s.end], s.label) for s in found.spans]
[('Holt', 'PERSON')]
"""

from __future__ import annotations

import re

from .segment import HAN_RE
from .structure_base import Context, Found
from .zh_latin import latin_runs

__all__ = ["PRIORITY", "find_latin_repeats"]

#: Below every other structure rule: a repeat only fills a gap.
PRIORITY = 1
_NAMED = ("PERSON", "ORG", "PLACE")
_WINDOW = 12


def _known_names(ctx: Context) -> tuple[dict[str, str], set[str]]:
    """Latin names of the document's mentions with their types, and the surnames of its people."""
    known: dict[str, str] = {}
    surnames: set[str] = set()
    for s, e, label in ctx.existing:
        name = ctx.text[s:e]
        if label not in _NAMED or HAN_RE.search(name) or not re.search("[A-Za-z]", name):
            continue
        known.setdefault(name, label)
        words = name.split()
        if label == "PERSON" and len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) >= 3:
            surnames.add(words[-1])
    return known, surnames


def _in_chinese(ctx: Context, start: int, end: int) -> bool:
    return HAN_RE.search(ctx.text, max(0, start - _WINDOW), min(len(ctx.text), end + _WINDOW)) is not None


def find_latin_repeats(ctx: Context, found: Found) -> None:
    """Add the Latin runs of Chinese text that repeat a name of the document to ``found``.

    A surname of a person named in full is a person even where the Chinese extractor typed it
    otherwise (``Holt`` after ``Gary Holt``); any other run only fills a gap.
    """
    known, surnames = _known_names(ctx)
    if not known:
        return
    existing = {(s, e): label for s, e, label in ctx.existing}
    for start, end in latin_runs(ctx.text):
        name = ctx.text[start:end]
        label = "PERSON" if name in surnames else known.get(name)
        if label is None or not _in_chinese(ctx, start, end):
            continue  # English text is the English extractor's
        same = existing.get((start, end))
        if same == label or (same is None and any(s < end and start < e for s, e in existing)):
            continue
        found.add(start, end, label, PRIORITY)
