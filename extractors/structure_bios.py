"""Chinese bios, bylines and author notes: who the people are and where they work.

Four shapes, all giving a PERSON span for the name, ORG spans for the organizations and an
``AFFILIATED_WITH`` link person → organization with the role as attribute ``role``
(:mod:`.structure_roles` reads the clauses):

- bio lines ``NAME:ROLE,ORG…`` (``葉青:第十、十一屆全國人大代表,湖北省統計局副局長,…``): the
  first clause after the colon must state an affiliation, which tells a bio from a speaker turn;
- bios that open with the name (``宋大伟 中国科学院科技战略咨询研究院特聘研究员、…``): the name
  is one already met in a byline, or the original text has a space after it;
- bylines: a line of names followed by a line of organizations (``宋大伟`` /
  ``中国科学院科技战略咨询研究院 北京 100190``); the title line just above becomes a WORK
  and each name gets ``AUTHOR_OF`` it;
- author notes ``作者:NAME(GLOSS),ORG ROLE。译者:NAME,ORG ROLE。`` (in ``【】`` or not):
  ``AUTHOR_OF`` the document title with ``role`` ``作者``/``译者``, plus the affiliations. A title
  line that opens with a name (``J.B.福斯特:作为意识形态的新自由主义``) names its author too.

Examples
--------
>>> ctx = Context.from_text("葉青:第十、十一屆全國人大代表,湖北省統計局副局長")
>>> found = Found()
>>> find_bios(ctx, found)
>>> [(l.type, ctx.text[l.source.start:l.source.end], ctx.text[l.target.start:l.target.end], l.attrs) for l in found.links]
[('AFFILIATED_WITH', '葉青', '全國人大', (('role', '代表'),)), ('AFFILIATED_WITH', '葉青', '湖北省統計局', (('role', '副局長'),))]
"""

from __future__ import annotations

import re

from .script import to_simplified
from .structure_base import (
    HAN,
    NAME_PATTERN,
    Context,
    Found,
    Span,
    is_han_name,
    is_person_name,
)
from .structure_roles import Affiliation, is_org, parse_affiliations

__all__ = ["find_bios", "PRIORITY"]

#: Priority of the spans these rules add, over overlapping spans of later rules.
PRIORITY = 8
_BIO_LINE = re.compile(rf"({NAME_PATTERN})\s?[:：]\s?")
_CLAUSE_END = re.compile(r"[，,；;。]")
_NOTE = re.compile(rf"(?:^|(?<=[【\[（(。；;\s]))(作者|译者|譯者|翻译|翻譯|编译|編譯)\s?[:：]\s?({NAME_PATTERN})")
_GLOSS = re.compile(r"\s?[(（][A-Z][^()（）\n]{0,60}[)）]")
_NOTE_END = re.compile(r"[。】\]\n]")
_POSTCODE = re.compile(r"[\s,，]*\d{6}\s*$")
_PLACE_TAIL = re.compile(rf"[{HAN}]{{2,4}}[市省]?")
_TITLE_END = "。.!?！？;；:："
_NAMES_LINE = re.compile(rf"[{HAN}、，, ]{{2,40}}")


def _name_of(text: str) -> str:
    return to_simplified(text)


def _affiliate(ctx: Context, found: Found, person: Span, affs: list[Affiliation], evidence_start: int) -> None:
    for a in affs:
        org = found.add(*a.org, a.label, PRIORITY)
        role = ctx.text[slice(*a.role)]
        found.link("AFFILIATED_WITH", person, org, (evidence_start, a.org[1]), role=role)


def _first_clause_states(ctx: Context, affs: list[Affiliation], start: int) -> bool:
    """True when the first clause after ``start`` holds an affiliation (a bio, not a speech)."""
    m = _CLAUSE_END.search(ctx.text, start)
    stop = m.start() if m else len(ctx.text)
    return bool(affs) and affs[0].org[0] < stop


def _bio_lines(ctx: Context, found: Found) -> None:
    for start, end in ctx.nonblank_lines():
        m = _BIO_LINE.match(ctx.text, start, end)
        if m is None or not is_person_name(m.group(1)):
            continue
        affs = parse_affiliations(ctx.text, m.end(), end)
        if _first_clause_states(ctx, affs, m.end()):
            person = found.person(start, m.end(1), _name_of(m.group(1)), PRIORITY)
            _affiliate(ctx, found, person, affs, start)


def _org_line(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """Organizations of an affiliation line (``中国科学院科技战略咨询研究院 北京 100190``), or []."""
    text = ctx.text[start:end]
    inner_start, inner_end = start, end
    if text[:1] in "(（" and text[-1:] in ")）":
        inner_start, inner_end = start + 1, end - 1
    post = _POSTCODE.search(ctx.text, inner_start, inner_end)
    if post:
        inner_end = post.start()
    orgs = []
    pos = inner_start
    for m in [*re.finditer(r"[；;，,]", ctx.text[inner_start:inner_end]), None]:
        stop = inner_start + m.start() if m else inner_end
        org_end = _org_end(ctx, pos, stop)
        if org_end:
            orgs.append((pos, org_end))
        elif ctx.text[pos:stop].strip() and not _PLACE_TAIL.fullmatch(ctx.text[pos:stop].strip()):
            return []  # something that is neither an organization nor a place: not an affiliation line
        pos = inner_start + m.end() if m else stop
    return orgs


def _org_end(ctx: Context, start: int, end: int) -> int:
    """End of the organization that fills ``[start, end)``, a city name after it allowed, or 0."""
    simple = ctx.simple[start:end].rstrip()
    for cut in range(len(simple), 2, -1):
        rest = simple[cut:].strip()
        if is_org(simple[:cut]) and (not rest or _PLACE_TAIL.fullmatch(rest)):
            return start + cut
    return 0


def _names_line(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """The names of a byline (``宋大伟``, ``张三、李四``), or [] when the line is anything else.

    Names may also be separated by a space that normalization removed between Han characters.
    """
    if not _NAMES_LINE.fullmatch(ctx.text, start, end):
        return []
    names, pos = [], start
    for i in range(start, end + 1):
        sep = i < end and ctx.text[i] in "、，, "
        if i == end or sep or ctx.had_space(i):
            if i > pos:
                names.append((pos, i))
            pos = i + 1 if sep else i
    if not names or len(names) > 8 or not all(is_han_name(ctx.text[s:e]) for s, e in names):
        return []
    return names


def _title_line(ctx: Context, start: int, end: int) -> bool:
    line = ctx.text[start:end]
    return 4 <= len(line) <= 120 and line[-1] not in _TITLE_END


def _bylines(ctx: Context, found: Found) -> None:
    lines = ctx.nonblank_lines()
    for i in range(len(lines) - 1):
        names = _names_line(ctx, *lines[i])
        orgs = _org_line(ctx, *lines[i + 1]) if names else []
        if not orgs:
            continue
        people = [found.person(s, e, _name_of(ctx.text[s:e]), PRIORITY) for s, e in names]
        evidence = (lines[i][0], lines[i + 1][1])
        for org in orgs:
            org_span = found.add(*org, "ORG", PRIORITY)
            for person in people:
                found.link("AFFILIATED_WITH", person, org_span, evidence)
        if i > 0 and _title_line(ctx, *lines[i - 1]):
            work = found.add(*lines[i - 1], "WORK", PRIORITY)
            for person in people:
                found.link("AUTHOR_OF", person, work, (lines[i - 1][0], lines[i][1]))


def _name_first_bios(ctx: Context, found: Found) -> None:
    known = set(found.people)
    for start, end in ctx.nonblank_lines():
        for size in (4, 3, 2):
            name = ctx.text[start : start + size]
            after = start + size
            if not is_han_name(name) or not (_name_of(name) in known or ctx.had_space(after)):
                continue
            while after < end and ctx.text[after].isspace():
                after += 1
            if after < end and ctx.text[after] in ":：":
                break  # a bio line or a speaker turn, read by _bio_lines
            affs = parse_affiliations(ctx.text, after, end)
            if affs and affs[0].org[0] == after:
                person = found.person(start, start + size, _name_of(name), PRIORITY)
                _affiliate(ctx, found, person, affs, start)
            break


def _author_notes(ctx: Context, found: Found) -> None:
    title = ctx.title
    if title and title[1]:
        s, e = title[1]
        author = found.person(s, e, _name_of(ctx.text[s:e]), PRIORITY)
        found.link("AUTHOR_OF", author, found.add(*title[0], "WORK", PRIORITY), (s, title[0][1]))
    for m in _NOTE.finditer(ctx.text):
        if not is_person_name(m.group(2)):
            continue
        person = found.person(m.start(2), m.end(2), _name_of(m.group(2)), PRIORITY)
        stop_m = _NOTE_END.search(ctx.text, m.end())
        stop = stop_m.start() if stop_m else len(ctx.text)
        gloss = _GLOSS.match(ctx.text, m.end(), stop)
        after = gloss.end() if gloss else m.end()
        if title is not None:
            work = found.add(*title[0], "WORK", PRIORITY)
            found.link("AUTHOR_OF", person, work, (m.start(), stop), role=m.group(1))
        _affiliate(ctx, found, person, parse_affiliations(ctx.text, after, stop), m.start())


def find_bios(ctx: Context, found: Found) -> None:
    """Add the people, organizations and links of bylines, author notes and bios to ``found``.

    Bylines and author notes run first, so a bio that opens with a name already met is found.

    Examples
    --------
    >>> text = "新阶段我国战略性新兴产业发展思考\\n\\n宋大伟\\n\\n中国科学院科技战略咨询研究院 北京 100190"
    >>> ctx, found = Context.from_text(text), Found()
    >>> find_bios(ctx, found)
    >>> [(l.type, text[l.target.start:l.target.end]) for l in found.links]
    [('AFFILIATED_WITH', '中国科学院科技战略咨询研究院'), ('AUTHOR_OF', '新阶段我国战略性新兴产业发展思考')]
    """
    _bylines(ctx, found)
    _author_notes(ctx, found)
    _bio_lines(ctx, found)
    _name_first_bios(ctx, found)
