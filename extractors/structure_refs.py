"""Reference lists: authors are PERSON or ORG, titles are WORK, authors are ``AUTHOR_OF`` titles.

A list is the run of numbered lines (``[1]``, ``1``, ``1.``, ``- 1``, ``(1)``) after a heading
such as ``[参考文献]``, ``參考文獻``, ``References`` or ``Tài liệu tham khảo`` (not ``注释``: notes are
no references), or, without a
heading, a run of at least two ``[n]`` lines with a document-type mark (``[J]``, ``[M]``,
``[EB/OL]``). Each entry reads as ``AUTHORS. TITLE[TYPE]. SOURCE…``:

- authors come before the first ``.``/``．`` (dots of initials such as ``E.L.Quarantelli`` or
  ``P.'t Hart`` do not count) and are separated by ``、``, ``,``, ``;``, ``&`` or ``and``; a Han
  name (``薛瀾``) or a Latin name is a PERSON, a body (``国务院``, ``中国工程院项目组``) an ORG.
  When the first segment is anything else, the entry has no author and starts with its title,
  if a type mark or a year follows it;
- the title runs to the type mark, the next ``.``, a year after a comma or a comma before a
  publisher or institution; a volume or edition in brackets at its end is left out
  (``中國非營利評論(第三卷)``).

Sources, years, pages, DOIs and URLs are never entities; per-language PERSON guesses inside
an entry (capitalised title words such as ``Lost Dimension``) are dropped by
:mod:`.structure`, which drops anything overlapping a URL, DOI or e-mail address as well.

Examples
--------
>>> text = "[参考文献]\\n[1]薛瀾.中國應急管理系統的演變[J].行政管理改革,2010(8):22-24.\\n[2]陶鵬、童星.我國自然災害管理中的“應急失靈”及其矯正[J].江蘇社會科學,2011(2):22-28."
>>> ctx, found = Context.from_text(text), Found()
>>> find_references(ctx, found)
>>> [(text[l.source.start:l.source.end], l.source.label, text[l.target.start:l.target.end]) for l in found.links]
[('薛瀾', 'PERSON', '中國應急管理系統的演變'), ('陶鵬', 'PERSON', '我國自然災害管理中的“應急失靈”及其矯正'), ('童星', 'PERSON', '我國自然災害管理中的“應急失靈”及其矯正')]
"""

from __future__ import annotations

import re

from .script import to_simplified
from .structure_base import HAN, Context, Found, is_person_name
from .structure_roles import is_org

__all__ = ["find_references", "PRIORITY", "CORPORATE_SUFFIXES"]

PRIORITY = 9
#: Endings of corporate authors besides organization heads: project groups, think tanks, firms.
CORPORATE_SUFFIXES = ("组", "课题组", "项目组", "编写组", "编委会", "智库", "证券", "编辑部")
_HEADING = re.compile(
    r"[\[【［(（]?\s*(?:参考文献|參考文獻|参考资料|參考資料|References|REFERENCES|Bibliography|Works Cited"
    r"|Tài liệu tham khảo|TÀI LIỆU THAM KHẢO)\s*[\]】］)）]?\s*[:：]?"
)
_MARKER = re.compile(r"(?:[\[［]\d{1,3}[\]］]|(?:-\s*)?\d{1,3}(?:[.．、)]\s?|\s)|[(（]\d{1,3}[)）])\s*")
_TYPE = re.compile(r"\[(?:J|M|C|D|N|R|S|P|Z|A|G|K|CP|EB/OL|DB/OL|M/OL|J/OL|N/OL|C/OL)\]")
#: ``E.L.Quarantelli``, ``P.'t Hart``, ``Smith, J.``, ``John Smith``
_LATIN_AUTHOR = (
    r"(?:(?:[A-Z]\.\s?){1,3}(?:'?[a-z]+\s)?[A-Z][\w'’\-]+|[A-Z][\w'’\-]+,\s(?:[A-Z]\.\s?){1,3}|[A-Z][a-z]+\s[A-Z][a-z]+)"
)
_LATIN_AUTHORS = re.compile(
    rf"({_LATIN_AUTHOR}(?:\s?(?:,|;|&|,\s?&|and)\s?{_LATIN_AUTHOR})*)(?:\s?\((?:ed|eds)\.?\))?(?:,?\s?et al\.?)?"
    r"(?:\s?\(\d{4}[a-z]?\))?\s?[.．]\s?"
)
_LATIN_SPLIT = re.compile(rf"{_LATIN_AUTHOR}")
_HAN_AUTHORS = re.compile(r"([^.．。\[\]\n]{1,80}?)\s?[.．。]\s?")
_HAN_SPLIT = re.compile(r"\s?[、,，;；]\s?")
_TITLE_END = re.compile(
    r"\[[A-Z/]{1,6}\]|[.．](?=\s|[A-Z" + HAN + r"]|$)|,\s?(?=\d{4})"
    r"|,\s?(?=[^,]{0,40}\b(?:University|Institute|Center|Centre|Press|Publishers?)\b)"
)
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)")
_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]{1,12}[)）]\s*$")


def _entries(ctx: Context) -> list[tuple[int, int, int]]:
    """``(entry start, body start, entry end)`` of every reference entry."""
    lines = ctx.nonblank_lines()
    out = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        headed = _HEADING.fullmatch(ctx.text, start, end) is not None
        j = i + 1 if headed else i
        run = []
        while j < len(lines) and (m := _MARKER.match(ctx.text, *lines[j])) and m.end() < lines[j][1]:
            run.append((lines[j][0], m.end(), lines[j][1]))
            j += 1
        bracketed = [r for r in run if ctx.text[r[0]] in "[［"]
        if headed or (len(bracketed) >= 2 and len(bracketed) == len(run)
                      and sum(bool(_TYPE.search(ctx.text, s, e)) for s, _, e in run) >= 2):
            out += run
            i = max(j, i + 1)
        else:
            i += 1
    return out


def _authors(ctx: Context, start: int, end: int) -> tuple[list[tuple[int, int, str]], int]:
    """The authors at ``start`` as ``(start, end, label)`` and where the title starts."""
    text = ctx.text
    m = _LATIN_AUTHORS.match(text, start, end)
    if m:
        return [(a.start(), a.end(), "PERSON") for a in _LATIN_SPLIT.finditer(text, m.start(1), m.end(1))], m.end()
    m = _HAN_AUTHORS.match(text, start, end)
    if not m:
        return [], start
    authors, pos = [], m.start(1)
    for sep in [*_HAN_SPLIT.finditer(text, m.start(1), m.end(1)), None]:
        stop = sep.start() if sep else m.end(1)
        item = text[pos:stop].removesuffix("等").strip()
        simple = to_simplified(item)
        if is_org(simple) or (len(simple) >= 4 and simple.endswith(CORPORATE_SUFFIXES) and len(simple) <= 20):
            authors.append((pos, pos + len(item), "ORG"))
        elif is_person_name(item):
            authors.append((pos, pos + len(item), "PERSON"))
        else:
            return [], start  # not a list of authors: the entry opens with its title
        pos = sep.end() if sep else stop
    return authors, m.end()


def _title(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    m = _TITLE_END.search(ctx.text, start, end)
    stop = m.start() if m else end
    note = _TRAILING_NOTE.search(ctx.text, start, stop)
    if note and note.start() > start:
        stop = note.start()
    while stop > start and ctx.text[stop - 1] in " :：,，":
        stop -= 1
    title = ctx.text[start:stop]
    if len(title) < 2 or title.startswith(("(", "（", "http", "www.")) or not re.search(rf"[A-Za-z{HAN}]", title):
        return None
    return start, stop


def find_references(ctx: Context, found: Found) -> None:
    """Add the authors, titles and ``AUTHOR_OF`` links of reference entries to ``found``.

    Examples
    --------
    >>> text = "参考文献\\n\\n- 7 中国工程院项目组. 中国工程科技2035发展战略综合报告. 北京: 科学出版社, 2019."
    >>> ctx, found = Context.from_text(text), Found()
    >>> find_references(ctx, found)
    >>> sorted((s.label, text[s.start:s.end]) for s in found.spans)
    [('ORG', '中国工程院项目组'), ('WORK', '中国工程科技2035发展战略综合报告')]
    """
    for entry_start, body, entry_end in _entries(ctx):
        found.owned.append((entry_start, entry_end))
        authors, title_start = _authors(ctx, body, entry_end)
        title = _title(ctx, title_start, entry_end)
        spans = [found.add(s, e, label, PRIORITY) for s, e, label in authors]
        rest = ctx.text[title[1] : entry_end] if title else ""
        if title is None or not (authors or _TYPE.search(rest) or _YEAR.search(rest)):
            continue  # without an author, only an entry that goes on to a type mark or a year has a title
        work = found.add(*title, "WORK", PRIORITY)
        for author in spans:
            found.link("AUTHOR_OF", author, work, (entry_start, entry_end))
