"""Speaker turns of interviews and roundtables: ``葉青:《意見》出臺,可以達到…``.

A turn is ``NAME:`` or ``NAME：`` opening a line (``NAME`` a Han name of two to four
characters or a name with initials) and followed by speech. A name is a speaker when it opens
at least two turns, or one turn and a bio line (:mod:`.structure_bios`); once known, its turns
are also found inside a line, after a sentence end (``…何在?葉青:《意見》出臺``).

``主持人`` (the host) is a role, not a name: its turns count for the person the document
names as host, either on a line of its own followed by a bio line (``主持人`` /
``阮靜:《財政監督》雜志編輯``) or as ``主持人:阮靜``.

Every turn gives a PERSON span for the name. Each speaker is ``SPEAKER_IN`` the document,
represented by a WORK span for its title line (see :attr:`.Context.title`); the evidence is the
speaker's first turn. Without a title line, speakers get no ``SPEAKER_IN``.

Examples
--------
>>> text = "权力清单圆桌\\n主持人\\n阮靜:《財政監督》雜志編輯\\n主持人:如何评价?葉青:这是好事。\\n葉青:还要监督。"
>>> from policykg.extractors.structure_bios import find_bios
>>> ctx, found = Context.from_text(text), Found()
>>> find_bios(ctx, found); find_turns(ctx, found)
>>> [(l.type, text[l.source.start:l.source.end], text[l.target.start:l.target.end]) for l in found.links[1:]]
[('SPEAKER_IN', '阮靜', '权力清单圆桌'), ('SPEAKER_IN', '葉青', '权力清单圆桌')]
"""

from __future__ import annotations

import re
from collections import defaultdict

from .script import to_simplified
from .structure_base import (
    NAME_PATTERN,
    Context,
    Found,
    Span,
    is_han_name,
    is_person_name,
)

__all__ = ["find_turns", "HOST_WORDS", "PRIORITY"]

PRIORITY = 7
#: Words for the host of a roundtable or interview.
HOST_WORDS = ("主持人", "主持")
_TURN = re.compile(rf"({'|'.join(HOST_WORDS)}|{NAME_PATTERN})\s?[:：]\s?")
_AFTER_SENTENCE = "。？！?!…」”）)"


def _host(ctx: Context, found: Found, lines: list[tuple[int, int]]) -> Span | None:
    """The person named as host: ``主持人`` then a bio line, or ``主持人:NAME`` alone on a line."""
    starts = {s.start: s for spans in found.people.values() for s in spans}
    for i, (start, end) in enumerate(lines):
        line = ctx.text[start:end].rstrip(":： ")
        if line in HOST_WORDS and i + 1 < len(lines) and lines[i + 1][0] in starts:
            return starts[lines[i + 1][0]]
        m = _TURN.match(ctx.text, start, end)
        if m and m.group(1) in HOST_WORDS and is_han_name(ctx.text[m.end() : end].strip()):
            name_start = m.end()
            return found.person(name_start, end, to_simplified(ctx.text[name_start:end]), PRIORITY)
    return None


def find_turns(ctx: Context, found: Found) -> None:
    """Add the speakers of ``NAME:`` turns and their ``SPEAKER_IN`` links to ``found``.

    Run it after :func:`.structure_bios.find_bios`, whose bio lines make a one-turn speaker.
    """
    lines = ctx.nonblank_lines()
    bio_starts = {s.start for spans in found.people.values() for s in spans}
    turns: dict[str, list[tuple[int, int]]] = defaultdict(list)  # name -> (name start, name end) per turn
    for start, end in lines:
        m = _TURN.match(ctx.text, start, end)
        if m is None or m.end() >= end or start in bio_starts:
            continue
        name = m.group(1)
        if name in HOST_WORDS or is_person_name(name):
            turns[to_simplified(name)].append((start, m.end(1)))
    candidates = {n for n in turns if n not in HOST_WORDS}
    if not candidates:
        return
    names = "|".join(re.escape(n) for n in sorted(candidates | set(HOST_WORDS), key=len, reverse=True))
    inner = re.compile(rf"(?<=[{re.escape(_AFTER_SENTENCE)}])\s?({names})[:：]")
    for m in inner.finditer(ctx.simple):
        turns[m.group(1)].append((m.start(1), m.end(1)))
    speakers = {n for n in candidates if len(turns[n]) >= 2 or n in found.people}
    title = ctx.title
    work = None
    host = _host(ctx, found, lines)
    for name in sorted(turns, key=lambda n: min(turns[n])):
        spots = sorted(turns[name])
        if name in HOST_WORDS:
            person = host
        elif name in speakers:
            person = None
            for s, e in spots:
                span = found.person(s, e, name, PRIORITY)
                person = person or span
        else:
            continue
        if person is None or title is None:
            continue
        work = work or found.add(*title[0], "WORK", PRIORITY)
        first = spots[0][0]
        found.link("SPEAKER_IN", person, work, (first, first + 1))
