"""Text that remembers where every character came from.

:class:`MappedText` holds the current (normalized) text and two offset tables
that point back into the original text, so a span found in normalized text can
be cited in the document as it was read.

How spans map back
------------------
Every edit replaces a span of the current text with new text. Characters that
an edit keeps (an unchanged stretch, or the replacement found inside the match,
as in ``**bold**`` -> ``bold``) map one to one. Characters an edit rewrites
without such an alignment (``"\\u3000\\u3000"`` -> ``" "``) map as a block: a
span that touches the block covers all of it in the original. Deleted text
(a pinyin annotation, a page-furniture line) belongs to a span only when the
span covers characters on both sides of it; at a span's edge it is left out, so
``國務院`` maps to ``國務(wù)院`` while ``恢復`` maps to ``恢復`` and not to
``恢復(fù)``. A span made only of inserted characters maps to an empty span.

Examples
--------
>>> mt = MappedText.from_text("國務(wù)院 發(fā)布").sub(r"\\((?:wù|fā)\\)", "")
>>> mt.text
'國務院 發布'
>>> mt.origin(0, 3)
(0, 7)
>>> mt.original[slice(*mt.origin(0, 3))]
'國務(wù)院'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

__all__ = ["MappedText"]

_Repl = str | Callable[[re.Match[str]], str]


class MappedText:
    """An immutable text with a map from its offsets to those of an original text.

    Build one with :meth:`from_text`, change it with :meth:`sub` or
    :meth:`edit` (each returns a new object), and map spans back with
    :meth:`origin`.

    Attributes
    ----------
    text : str
        The current text.
    original : str
        The text the first :class:`MappedText` of the chain was built from.

    Examples
    --------
    >>> mt = MappedText.from_text("a  b").sub(r" +", " ")
    >>> mt.text, mt.origin(2, 3), mt.original[3]
    ('a b', (3, 4), 'b')
    """

    __slots__ = ("_text", "_original", "_starts", "_ends")

    def __init__(self, text: str, original: str, starts: np.ndarray, ends: np.ndarray) -> None:
        # starts[p]: original offset when p is used as a span start (after any deletion at p);
        # ends[p]: original offset when p is used as a span end (before any deletion at p).
        if starts.shape != (len(text) + 1,) or ends.shape != (len(text) + 1,):
            raise ValueError(
                f"[E101] offset tables need {len(text) + 1} entries, got {starts.shape} and {ends.shape}. "
                "Build MappedText with MappedText.from_text() instead of calling the constructor."
            )
        starts.flags.writeable = False
        ends.flags.writeable = False
        self._text = text
        self._original = original
        self._starts = starts
        self._ends = ends

    @classmethod
    def from_text(cls, text: str) -> MappedText:
        """Return a :class:`MappedText` whose text is ``text`` itself (identity map).

        Parameters
        ----------
        text : str
            The original text.

        Returns
        -------
        MappedText

        Examples
        --------
        >>> MappedText.from_text("Hà Nội").origin(3, 6)
        (3, 6)
        """
        identity = np.arange(len(text) + 1, dtype=np.int64)
        return cls(text, text, identity, identity.copy())

    @property
    def text(self) -> str:
        """The current text."""
        return self._text

    @property
    def original(self) -> str:
        """The original text."""
        return self._original

    def __len__(self) -> int:
        return len(self._text)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        preview = self._text if len(self._text) <= 40 else self._text[:37] + "..."
        return f"MappedText({preview!r}, original_length={len(self._original)})"

    def origin(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the original text that ``text[start:end]`` came from.

        Parameters
        ----------
        start, end : int
            A span of :attr:`text`, ``0 <= start <= end <= len(text)``; ``end`` is
            exclusive. Empty spans are allowed.

        Returns
        -------
        tuple of int
            ``(orig_start, orig_end)`` with ``0 <= orig_start <= orig_end <= len(original)``.

        Raises
        ------
        ValueError
            If the span is reversed or outside the current text.

        Examples
        --------
        >>> mt = MappedText.from_text("**重点**内容").sub(r"\\*\\*(.+?)\\*\\*", r"\\1")
        >>> mt.text, mt.origin(0, 2), mt.origin(0, 4)
        ('重点内容', (2, 4), (2, 8))
        """
        n = len(self._text)
        if not (0 <= start <= end <= n):
            raise ValueError(
                f"[E102] span ({start}, {end}) is not inside the current text of length {n}. "
                "Pass offsets of MappedText.text with start <= end."
            )
        orig_end = int(self._ends[end])
        if start == end:
            return orig_end, orig_end
        orig_start = int(self._starts[start])
        if orig_start > orig_end:  # only inserted characters: an empty span where they were put
            return orig_end, orig_end
        return orig_start, orig_end

    def sub(self, pattern: str | re.Pattern[str], repl: _Repl, *, count: int = 0, flags: int = 0) -> MappedText:
        """Return a new :class:`MappedText` with ``pattern`` replaced as :func:`re.sub` would.

        Parameters
        ----------
        pattern : str or re.Pattern
            The regular expression (a compiled pattern keeps its own flags).
        repl : str or callable
            A template (``\\1``, ``\\g<name>``) or a function of the match.
        count : int, optional
            Replace at most this many matches; ``0`` replaces all.
        flags : int, optional
            :mod:`re` flags for a string ``pattern``.

        Returns
        -------
        MappedText

        Notes
        -----
        When the replacement occurs inside the matched text (``**x**`` -> ``x``,
        ``[t](u)`` -> ``t``), it keeps a character-exact map; otherwise the common
        prefix and suffix do, and the rest maps as a block.

        Examples
        --------
        >>> mt = MappedText.from_text("see [docs](https://x.org) now").sub(r"\\[([^\\]]+)\\]\\([^)]+\\)", r"\\1")
        >>> mt.text, mt.original[slice(*mt.origin(4, 8))]
        ('see docs now', 'docs')
        """
        compiled = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        edits = []
        for i, match in enumerate(compiled.finditer(self._text)):
            if count and i >= count:
                break
            new = repl(match) if callable(repl) else match.expand(repl)
            if new != match.group(0):
                edits.append((match.start(), match.end(), new))
        return self.edit(edits)

    def edit(self, edits: Iterable[tuple[int, int, str]]) -> MappedText:
        """Return a new :class:`MappedText` with spans of the current text replaced.

        Parameters
        ----------
        edits : iterable of (int, int, str)
            ``(start, end, replacement)`` spans of :attr:`text`, sorted and not
            overlapping (two insertions at one offset are kept in order).

        Returns
        -------
        MappedText

        Raises
        ------
        ValueError
            If a span is outside the text, reversed, unsorted or overlapping.

        Examples
        --------
        >>> mt = MappedText.from_text("ab\\n\\nPAGE 3\\n\\ncd").edit([(2, 12, "")])
        >>> mt.text, mt.origin(0, 4)
        ('abcd', (0, 14))
        """
        edits = list(edits)
        if not edits:
            return self
        pieces, lengths, t_starts, t_ends, copies = _plan(self._text, edits)
        new_text = "".join(pieces)
        starts, ends = _tables(len(self._text), lengths, t_starts, t_ends, copies)
        return MappedText(new_text, self._original, self._starts[starts], self._ends[ends])

    def __reduce__(self) -> tuple[Any, ...]:
        return (MappedText, (self._text, self._original, self._starts.copy(), self._ends.copy()))


def _plan(
    text: str, edits: list[tuple[int, int, str]]
) -> tuple[list[str], list[int], list[int], list[int], list[bool]]:
    """Cut the new text into segments: copied stretches and rewritten blocks."""
    pieces: list[str] = []
    lengths: list[int] = []
    t_starts: list[int] = []
    t_ends: list[int] = []
    copies: list[bool] = []

    def add(piece: str, t_start: int, t_end: int, copy: bool) -> None:
        if not piece and t_start == t_end:
            return
        pieces.append(piece)
        lengths.append(len(piece))
        t_starts.append(t_start)
        t_ends.append(t_end)
        copies.append(copy)

    pos = 0
    n = len(text)
    for start, end, new in edits:
        if not (pos <= start <= end <= n):
            raise ValueError(
                f"[E103] edit ({start}, {end}) is outside the text (length {n}), reversed, or overlaps "
                "the previous edit. Sort the edits and keep them apart."
            )
        add(text[pos:start], pos, start, True)
        old = text[start:end]
        if len(new) == len(old):
            add(new, start, end, True)
        elif new and (at := old.find(new)) >= 0:
            # the replacement is a piece of the match (unwrapped markup): keep it exact
            add("", start, start + at, False)
            add(new, start + at, start + at + len(new), True)
            add("", start + at + len(new), end, False)
        else:
            head = _common_prefix(old, new)
            tail = _common_prefix(old[head:][::-1], new[head:][::-1])
            add(new[:head], start, start + head, True)
            add(new[head : len(new) - tail], start + head, end - tail, False)
            add(new[len(new) - tail :], end - tail, end, True)
        pos = end
    add(text[pos:], pos, n, True)
    return pieces, lengths, t_starts, t_ends, copies


def _common_prefix(a: str, b: str) -> int:
    i = 0
    for x, y in zip(a, b):
        if x != y:
            break
        i += 1
    return i


def _tables(
    old_length: int, lengths: list[int], t_starts: list[int], t_ends: list[int], copies: list[bool]
) -> tuple[np.ndarray, np.ndarray]:
    """Offset tables from the new text to the previous one, built without a Python loop per character."""
    seg_len = np.asarray(lengths, dtype=np.int64)
    n_start = np.cumsum(seg_len) - seg_len
    total = int(seg_len.sum())
    # copied characters: new offset + (old start - new start) of their segment
    shift = np.repeat(np.asarray(t_starts, dtype=np.int64) - n_start, seg_len)
    starts = np.empty(total + 1, dtype=np.int64)
    ends = np.empty(total + 1, dtype=np.int64)
    np.add(np.arange(total, dtype=np.int64), shift, out=starts[:total])
    np.add(starts[:total], 1, out=ends[1:])
    starts[total] = old_length
    ends[0] = 0
    # rewritten blocks (few and short) map as a whole
    for k in np.flatnonzero(~np.asarray(copies, dtype=bool) & (seg_len > 0)):
        a, b = int(n_start[k]), int(n_start[k] + seg_len[k])
        starts[a:b] = t_starts[k]
        ends[a + 1 : b + 1] = t_ends[k]
    return starts, ends
