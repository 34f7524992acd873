"""Storms are named like people (Hurricane Rosa, 飓风“罗莎”, bão Rosa) and are no entity of the graph.

A name that a storm word opens somewhere in a document (``Hurricane Rosa``, ``飓风罗莎``,
``cơn bão Rosa``; quotation marks between them allowed) is the storm's name in that whole
document, so its other mentions (``Rosa will bring rain``, ``“罗莎”风速达到``) are left out too.

Examples
--------
>>> text = "Hurricane Rosa is weakening. Rosa will bring rain to Arizona."
>>> storm_names(text, [(10, 14), (29, 33), (53, 60)])
{'rosa'}
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .script import to_simplified
from .vi_words import NOT_NAME_CUES

__all__ = ["STORM_WORDS", "after_storm_word", "storm_names"]

#: Words that open a storm's name, in English, Chinese (simplified) and Vietnamese.
STORM_WORDS = (
    "hurricane", "tropical storm", "typhoon", "super typhoon", "cyclone", "tropical depression",
    "飓风", "台风", "超强台风", "热带风暴", "强热带风暴", "热带气旋",
    *(w.casefold() for w in NOT_NAME_CUES),
)
# a Latin storm word starts a word ("brainstorm" is none); "storm" alone is left out: Storm is a given name too
_CUES = re.compile("(?<![a-z])(?:" + "|".join(sorted(map(re.escape, STORM_WORDS), key=len, reverse=True))
                   + r")[\s\"'“”‘’「」『』]*")
_LETTER = re.compile("[a-z0-9]")


def storm_names(text: str, spans: Iterable[tuple[int, int]]) -> set[str]:
    """The names (folded: simplified and case-folded) of ``spans`` that a storm word opens somewhere in ``text``."""
    folded = fold_name(text)
    opened = [m.end() for m in _CUES.finditer(folded)]  # where a name after a storm word would start
    if not opened:
        return set()  # most documents: no storm word, nothing more to look at
    names = {fold_name(text[start:end]) for start, end in spans}
    return {name for name in names
            if name and any(folded.startswith(name, i) and not _LETTER.match(folded, i + len(name)) for i in opened)}


def after_storm_word(text: str, start: int) -> bool:
    """Whether a storm word ends right before ``start`` in ``text`` (``Hurricane Rosa``, ``台风“山竹”``).

    >>> after_storm_word("Hurricane Rosa Threatening Phoenix", 10), after_storm_word("Senator Rosa Lee", 8)
    (True, False)
    """
    before = fold_name(text[max(0, start - 30) : start])
    return any(m.end() == len(before) for m in _CUES.finditer(before))


def fold_name(name: str) -> str:
    """A name as :func:`storm_names` compares it: simplified and case-folded."""
    return to_simplified(name).casefold()
