"""English bylines and bios: ``SONG Dawei`` / ``(Institutes of …, Chinese Academy of Sciences, Beijing 100190, China)``.

- Bylines: a line of names (``SONG Dawei``, ``Dawei Song``, ``John B. Smith``, joined by ``,``
  or ``and``) followed by a line of organizations and places, in parentheses or not. Each
  name is ``AFFILIATED_WITH`` each organization; the title line just above is a WORK they are
  ``AUTHOR_OF``.
- Bios: a paragraph that opens with a name (``SONG Dawei``, or a name met in a byline)
  followed by a role. Each ``;``-clause or sentence is read as runs of capitalised words:
  role runs end in a role word (``Senior Economist``, ``Board Member``), organization runs
  hold an organization word (``Academy``, ``Center``, ``Company``). An organization takes the
  roles before it (``Senior Economist, Distinguished Researcher at Institutes of Science and
  Development``); one that follows another after a comma shares its role (``…, Chinese
  Academy of Sciences``). In ``Director of the Comprehensive Research Department of the
  Research Office of the State Council`` the last organization is the one affiliated with and
  the words before it are the role.

Examples
--------
>>> text = "SONG Dawei Senior Economist, Distinguished Researcher at Institutes of Science and Development, Chinese Academy of Sciences (CAS)."
>>> ctx, found = Context.from_text(text), Found()
>>> find_english_bios(ctx, found)
>>> [(text[l.target.start:l.target.end], dict(l.attrs)["role"]) for l in found.links]
[('Institutes of Science and Development', 'Senior Economist, Distinguished Researcher'), ('Chinese Academy of Sciences', 'Senior Economist, Distinguished Researcher')]
"""

from __future__ import annotations

import re

from .en import ORG_WORDS
from .structure_base import Context, Found, Span

__all__ = ["find_english_bylines", "find_english_bios", "ROLE_WORDS", "NAME", "PRIORITY"]

PRIORITY = 8
#: Words a role ends with.
ROLE_WORDS = frozenset(
    "Economist Researcher Director Co-Director Professor Lecturer Fellow Member Head Chair Chairman Chairwoman "
    "Chairperson President Vice-President Dean Editor Editor-in-Chief Secretary Secretary-General Manager Officer "
    "Adviser Advisor Consultant Representative Deputy Scientist Engineer Analyst Scholar Student Candidate "
    "Commissioner Ambassador Minister Governor Mayor Leader Founder Partner Correspondent Reporter Judge".split()
)
_ORG_WORDS = ORG_WORDS | {"Institutes", "Ministry", "Department", "Center", "Centre", "Laboratory", "Observatory"}
_ROMAN = r"[A-Z][a-z]+(?:-[a-z]+)?"
#: A romanized or English personal name as bylines and bios write it.
NAME = rf"(?:[A-Z]{{2,}}(?:-[A-Z]{{2,}})?\s{_ROMAN}|{_ROMAN}\s[A-Z]{{2,}}|{_ROMAN}(?:\s[A-Z]\.)?\s{_ROMAN})"
_NAMES_LINE = re.compile(rf"({NAME})\d*\*?(?:(?:,\s|\sand\s|;\s)({NAME})\d*\*?)*")
_NAME = re.compile(NAME)
_PLACE = re.compile(r"[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*)*(?:\s?\d{4,6})?|\d{4,6}")
_WORD = r"(?:[A-Z][\w’'\-]*|\([A-Z][\w\-]*\)(?=\s[A-Z]))"
_RUN = re.compile(rf"{_WORD}(?:\s(?:(?:of|the|and|for|&)\s)*{_WORD})*")
_OF = re.compile(r"\sof\s(?:the\s)?")
_SEGMENT_END = re.compile(r";|\.(?=\s|$)")
_BIO_OPENING = re.compile(rf"({NAME})(?=\s[A-Z]|,\s|\s(?:is|was)\s)")


def _words(text: str) -> list[str]:
    return [w.strip("(),") for w in text.split()]


def _is_org(text: str) -> bool:
    words = _words(text)
    return len(words) >= 2 and any(w in _ORG_WORDS for w in words) and words[-1] not in ROLE_WORDS


def _is_role(text: str) -> bool:
    words = _words(text)
    return bool(words) and words[-1] in ROLE_WORDS


def _org_line(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """Organizations of ``(Institutes of …, Chinese Academy of Sciences, Beijing 100190, China)``, or []."""
    if ctx.text[start] == "(" and ctx.text[end - 1] == ")":
        start, end = start + 1, end - 1
    orgs, pos = [], start
    for m in [*re.finditer(r",\s|;\s", ctx.text[start:end]), None]:
        stop = start + m.start() if m else end
        item = ctx.text[pos:stop]
        if _is_org(item):
            orgs.append((pos, stop))
        elif not _PLACE.fullmatch(item):
            return []
        pos = start + m.end() if m else stop
    return orgs


def find_english_bylines(ctx: Context, found: Found) -> None:
    """Add the people, organizations, titles and links of English bylines to ``found``.

    Examples
    --------
    >>> text = "Thinking on Emerging Industries\\n\\nSONG Dawei\\n\\n(Chinese Academy of Sciences, Beijing 100190, China)"
    >>> ctx, found = Context.from_text(text), Found()
    >>> find_english_bylines(ctx, found)
    >>> [(l.type, text[l.source.start:l.source.end], text[l.target.start:l.target.end]) for l in found.links]
    [('AFFILIATED_WITH', 'SONG Dawei', 'Chinese Academy of Sciences'), ('AUTHOR_OF', 'SONG Dawei', 'Thinking on Emerging Industries')]
    """
    lines = ctx.nonblank_lines()
    for i in range(len(lines) - 1):
        start, end = lines[i]
        if end - start > 200 or not _NAMES_LINE.fullmatch(ctx.text, start, end):
            continue
        orgs = _org_line(ctx, *lines[i + 1])
        if not orgs:
            continue
        people = [found.person(m.start(), m.end(), m.group(), PRIORITY) for m in _NAME.finditer(ctx.text, start, end)]
        for org in orgs:
            org_span = found.add(*org, "ORG", PRIORITY)
            for person in people:
                found.link("AFFILIATED_WITH", person, org_span, (start, lines[i + 1][1]))
        if i > 0:
            ts, te = lines[i - 1]
            title = ctx.text[ts:te]
            if 4 <= len(title) <= 200 and title[0].isupper() and title[-1] not in ".:;!?":
                work = found.add(ts, te, "WORK", PRIORITY)
                for person in people:
                    found.link("AUTHOR_OF", person, work, (ts, end))


def _chain(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a run at ``of`` where the rest is itself an organization."""
    for m in _OF.finditer(text, start, end):
        if _is_org(text[m.end() : end]):
            return [(start, m.start()), *_chain(text, m.end(), end)]
    return [(start, end)]


def _segment(ctx: Context, found: Found, person: Span, start: int, end: int, evidence_start: int) -> None:
    text = ctx.text
    role: tuple[int, int] | None = None  # roles waiting for their organization
    last: tuple[int, int, tuple[int, int]] | None = None  # (org start, org end, its role)
    for m in _RUN.finditer(text, start, end):
        rs, re_ = m.start(), m.end()
        parts = _chain(text, rs, re_)
        org_parts = [p for p in parts if _is_org(text[slice(*p)])]
        if not org_parts:
            if _is_role(text[rs:re_]):
                role = (role[0] if role else rs, re_)
            continue
        org = org_parts[-1]
        if org[0] > rs:  # "Director of the …": the words before the organization are a role
            prefix_end = parts[parts.index(org) - 1][1]
            if role or _is_role(text[rs:parts[0][1]]):
                role = (role[0] if role else rs, prefix_end)
        elif role is None and last and text[last[1] : rs].strip(" ()A-Z") == ",":
            role = last[2]  # "…, Chinese Academy of Sciences": shares the role of the one before
        if role is not None:
            found.link("AFFILIATED_WITH", person, found.add(*org, "ORG", PRIORITY), (evidence_start, org[1]),
                       role=text[slice(*role)])
            last = (org[0], org[1], role)
        role = None


def find_english_bios(ctx: Context, found: Found) -> None:
    """Add the affiliations of English bio paragraphs that open with a name and a role to ``found``.

    Examples
    --------
    >>> text = "SONG Dawei Supervisory Board Chairman of China COSCO Holdings Company Limited."
    >>> ctx, found = Context.from_text(text), Found()
    >>> find_english_bios(ctx, found)
    >>> [(text[l.target.start:l.target.end], l.attrs) for l in found.links]
    [('China COSCO Holdings Company Limited', (('role', 'Supervisory Board Chairman'),))]
    """
    for start, end in ctx.nonblank_lines():
        m = _BIO_OPENING.match(ctx.text, start, end)
        first = _RUN.match(ctx.text, m.end() + 1, end) if m else None
        if first is None or not _is_role(ctx.text[slice(*_chain(ctx.text, *first.span())[0])]):
            continue
        person = found.person(m.start(1), m.end(1), m.group(1), PRIORITY)
        pos = m.end()
        for seg in [*_SEGMENT_END.finditer(ctx.text, pos, end), None]:
            stop = seg.start() if seg else end
            _segment(ctx, found, person, pos, stop, start)
            pos = seg.end() if seg else stop
