"""Text normalizers: pure ``str -> str`` functions that also keep an offset map.

Each public normalizer is defined on :class:`~policykg.extractors.mapped.MappedText`
(private ``_step(mt) -> MappedText`` functions), so the string view and the
mapped view always agree. :func:`normalize_document` chains them and returns the
:class:`MappedText`, whose :meth:`~MappedText.origin` maps any span back to the
document as it was read.

The displayed text is NFC only: NFKC would rewrite the full-width punctuation
Chinese readers expect (``（`` -> ``(``), so only :func:`matching_key` uses it.

Examples
--------
>>> mt = normalize_document("國務(wù)院發(fā)布**通知**。\\n\\n\\n\\n您的位置: 首页 > 新闻")
>>> mt.text
'國務院發布通知。'
>>> mt.original[slice(*mt.origin(0, 3))]
'國務(wù)院'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from .mapped import MappedText
from .segment import CJK, HAN, breadcrumb, is_boilerplate, is_page_furniture, line_spans, starts_with_marker

__all__ = ["MappedText", "to_nfc", "normalize_whitespace", "strip_markdown", "strip_pinyin_annotations"]
__all__ += ["join_broken_lines", "drop_boilerplate", "normalize_document", "matching_key"]

_Step = Callable[[MappedText], MappedText]


def _on_str(step: _Step, text: str) -> str:
    return step(MappedText.from_text(text)).text


def _apply_rules(rules: list[tuple[re.Pattern[str], str]]) -> _Step:
    return lambda mt: functools.reduce(lambda acc, rule: acc.sub(*rule), rules, mt)


# --- Unicode and whitespace -----------------------------------------------------------


def to_nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (composed) form.

    Examples
    --------
    >>> to_nfc("Vie\\u0323\\u0302t Nam") == "Việt Nam"
    True
    """
    return _on_str(_nfc, text)


_SURROGATE = re.compile("[\ud800-\udfff]")
#: Unicode's Stream-Safe Text Format (UAX #15) allows at most 30 combining marks in a row.
MAX_COMBINING_RUN = 30
# Marks that NFC reorders (non-zero combining class): the combining blocks, Hebrew and Arabic points.
# Reordering a run is quadratic, so a hostile "Zalgo" run of 50,000 marks would take minutes.
_LONG_MARK_RUN = re.compile(
    f"(?<=[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff"
    f"\u20d0-\u20ff\ufe20-\ufe2f]{{{MAX_COMBINING_RUN}}})"
    "[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u20d0-\u20ff\ufe20-\ufe2f]+"
)


def _nfc(mt: MappedText) -> MappedText:
    """NFC, after dropping the marks of a run beyond :data:`MAX_COMBINING_RUN` (no text needs them).

    >>> len(to_nfc("e" + "\u0301\u0323" * 50_000)) <= 1 + MAX_COMBINING_RUN
    True
    """
    # a lone surrogate (from surrogateescape decoding) cannot be encoded, so it would break
    # every later UTF-8 step; U+FFFD keeps the length and so the offsets
    mt = mt.sub(_SURROGATE, "\ufffd").sub(_LONG_MARK_RUN, "")
    text = mt.text
    if unicodedata.is_normalized("NFC", text):
        return mt
    edits, pos = [], 0
    for line in text.split("\n"):  # composition never crosses a line break
        if not unicodedata.is_normalized("NFC", line):
            edits.extend(_nfc_line(line, pos))
        pos += len(line) + 1
    return mt.edit(edits)


def _nfc_line(line: str, offset: int) -> list[tuple[int, int, str]]:
    """Edits that compose each base character with the marks (or Hangul jamo) after it."""
    edits, out, start = [], [], 0
    for i in range(1, len(line) + 1):
        if i < len(line) and (unicodedata.category(line[i])[0] == "M" or "\u1160" <= line[i] <= "\u11ff"):
            continue
        piece = line[start:i]
        new = unicodedata.normalize("NFC", piece)
        out.append(new)
        if new != piece:
            edits.append((offset + start, offset + i, new))
        start = i
    target = unicodedata.normalize("NFC", line)
    if "".join(out) != target:  # a composition crossed our clusters: rewrite the line as one block
        return [(offset, offset + len(line), target)]
    return edits


_HSPACE = "\t\x1f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_WHITESPACE_RULES = [
    (re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x1c-\x1e\x85]"), "\n"),  # what str.splitlines() splits on
    (re.compile(r"[\u200b\ufeff]+"), ""),
    (re.compile(f"[{_HSPACE}][ {_HSPACE}]*| [ {_HSPACE}]+"), " "),
    (re.compile(r"^ +| +$", re.MULTILINE), ""),
    # the space comes first so the scan can jump from space to space
    (re.compile(f" (?:(?<=[{CJK}] )(?=[{CJK}])|(?<=[{HAN}] )(?=[‘“][{HAN}])|(?<=[{HAN}][’”] )(?=[{HAN}]))"), ""),
    (re.compile(r"\n{3,}"), "\n\n"),
]


def normalize_whitespace(text: str) -> str:
    """Return ``text`` with its whitespace made regular.

    ``\\r\\n``, ``\\r`` and form feeds become ``\\n``; tabs, NBSP, the ideographic
    space and other spaces become one space per run; zero-width spaces and BOMs
    go; a space between two CJK characters (a PDF column artefact) is removed;
    lines lose leading and trailing spaces; three or more newlines become two, so
    paragraph breaks stay; the text is trimmed.

    Examples
    --------
    >>> normalize_whitespace("可以達到 約束政府機關以及政府官員的作 用。\\r\\n阮 靜")
    '可以達到約束政府機關以及政府官員的作用。\\n阮靜'
    >>> normalize_whitespace("摘\\u00a0 要\\n\\n\\n\\nHà  Nội\\u3000là thủ đô  ")
    '摘要\\n\\nHà Nội là thủ đô'
    """
    return _on_str(_whitespace, text)


def _whitespace(mt: MappedText) -> MappedText:
    mt = _apply_rules(_WHITESPACE_RULES)(mt)
    n = len(mt.text)
    head, end = n - len(mt.text.lstrip("\n")), len(mt.text.rstrip("\n"))
    return mt.edit([(0, head, ""), (max(end, head), n, "")]) if head or end < n else mt


def matching_key(text: str) -> str:
    """Return a key for comparing strings: NFKC, then case-folded.

    Not for display: NFKC turns full-width ``（５Ｇ）`` into ``(5G)``.

    Examples
    --------
    >>> matching_key("（５Ｇ）Việt NAM")
    '(5g)việt nam'
    """
    return unicodedata.normalize("NFKC", text).casefold()


# --- Markup and annotations -----------------------------------------------------------

_URL = f"[^()\\s{CJK}]*[./:#][^()\\s{CJK}]*"
_MARKDOWN_RULES = [
    (re.compile(r"^(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rule
    (re.compile(r"^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE), r"\1"),  # heading
    (re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE), ""),  # block quote
    (re.compile(r"^[ \t]*[-*+•][ \t]+", re.MULTILINE), ""),  # list bullet
    (re.compile(f"!?\\[([^\\]\\n]+)\\]\\({_URL}(?:[ \\t]+\"[^\"\\n]*\")?\\)"), r"\1"),  # link, image
    (re.compile(r"<((?:https?|ftp)://[^\s<>]+|mailto:[^\s<>]+)>"), r"\1"),  # autolink
    (re.compile(r"\*\*(?=\S)((?:[^\n*]|\*(?!\*))+?)(?<=\S)\*\*"), r"\1"),  # **bold**
    (re.compile(r"(?<![A-Za-z0-9_])__(?=\S)([^\n_]+?)(?<=\S)__(?![A-Za-z0-9_])"), r"\1"),  # __bold__
    (re.compile(r"(?<![A-Za-z0-9*\\])\*(?=[^\s*])([^\n*]+?)(?<=[^\s*])\*(?![A-Za-z0-9*])"), r"\1"),  # *em*
]


def strip_markdown(text: str) -> str:
    """Return ``text`` without Markdown markup, keeping the words it wraps.

    Removes ``**bold**``, ``__bold__``, ``*em*``, ``#`` headings, ``>`` quotes,
    list bullets (``-``, ``*``, ``+``, ``•``), horizontal rules, links and images
    (``[t](u)`` -> ``t``) and autolinks (``<https://…>``). Leaves ``a*b``,
    ``3D/4D``, ``snake_case``, footnote marks ``[1]`` and ``[J]`` alone.

    Examples
    --------
    >>> strip_markdown("（2）**创新发展绿色制造**。3D/4D打印, a*b [1]")
    '（2）创新发展绿色制造。3D/4D打印, a*b [1]'
    >>> strip_markdown("- 1 国务院. [通知](https://www.gov.cn/a.html)")
    '1 国务院. 通知'
    """
    return _on_str(_markdown, text)


_markdown = _apply_rules(_MARKDOWN_RULES)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê"
_PINYIN_NOTE = re.compile(
    f"(?<=[{HAN}])[(（] ?([a-zA-Z{_TONED}{_TONED.upper()}\u0300-\u036f' ]{{1,40}}?) ?[)）]"
)


def strip_pinyin_annotations(text: str) -> str:
    """Remove pinyin in brackets that spells the Han characters right before it.

    ``發(fā)`` -> ``發``. An annotation is removed only when it equals a reading
    (with tone marks, from pypinyin's heteronyms) of the one to four Han
    characters before it; everything else in brackets stays.

    Examples
    --------
    >>> strip_pinyin_annotations("突發(fā)事件與恢復(fù)、社會恢復力(social resilience)、（5G）、(2019版)[1]")
    '突發事件與恢復、社會恢復力(social resilience)、（5G）、(2019版)[1]'
    >>> strip_pinyin_annotations("政府(zhèng fǔ)和米塞斯(Mises)")
    '政府和米塞斯(Mises)'
    """
    return _on_str(_pinyin, text)


def _pinyin(mt: MappedText) -> MappedText:
    text = mt.text

    def repl(match: re.Match[str]) -> str:
        return "" if _spells(text, match.start(), match.group(1)) else match.group()

    return mt.sub(_PINYIN_NOTE, repl)


_HAN_TAIL = re.compile(f"[{HAN}]{{1,4}}$")


def _spells(text: str, pos: int, note: str) -> bool:
    """True when ``note`` is a reading of the last one to four Han characters before ``pos``."""
    tail = _HAN_TAIL.search(text, max(pos - 4, 0), pos)
    return tail is not None and _is_reading(tail.group(), note)


@functools.lru_cache(maxsize=65536)
def _is_reading(chars: str, note: str) -> bool:
    note = re.sub(r"[ ']", "", unicodedata.normalize("NFC", note).lower())
    return any(_segments(note, chars[-k:]) for k in range(1, len(chars) + 1))


def _segments(note: str, chars: str) -> bool:
    if not chars:
        return not note
    return any(note.startswith(r) and _segments(note[len(r) :], chars[1:]) for r in _readings(chars[0]))


@functools.cache
def _readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin  # deferred: loads its dictionaries on import

    return frozenset(unicodedata.normalize("NFC", r).lower() for r in pinyin(char, style=Style.TONE, heteronym=True)[0])


# --- Lines: boilerplate and broken lines ----------------------------------------------

def drop_boilerplate(text: str) -> str:
    """Remove whole lines of site furniture.

    Breadcrumbs (``您的位置: 首页 > …``, ``当前位置``, ``Trang chủ > …``) and any
    short line that repeats one of their crumbs (a section label such as
    ``观点 / VIEW``; the last crumb only above the trail, since below it the
    last crumb is usually the article's title); editor and source credits (``责任编辑：…``, ``Nguồn: …``);
    share, print, related-links and link-list lines (``分享到``, ``Chia sẻ``,
    ``Liên kết website``); copyright lines; photo captions, i.e. lines that end
    in a credit such as ``Ảnh: Tư liệu`` or ``Nguồn: ITN`` (the whole caption
    goes, not only the credit).

    Examples
    --------
    >>> drop_boilerplate("观点 / VIEW\\n您的位置: 首页 > 观点 / VIEW\\n标题\\n正文。\\n■ 责任编辑：文彦杰")
    '标题\\n正文。'
    >>> drop_boilerplate("Cán bộ tuyên truyền pháp luật. Ảnh: Tư liệu\\nNội dung.\\nLiên kết website")
    'Nội dung.'
    """
    return _on_str(_boilerplate, text)


def _boilerplate(mt: MappedText) -> MappedText:
    text = mt.text
    lines = line_spans(text)
    trails = [(s, trail) for s, e in lines if (trail := breadcrumb(text[s:e]))]

    def repeats_crumb(line: str, at: int) -> bool:
        # the last crumb is often the article's own title: keep it when it follows the trail
        return len(line) <= 40 and any(line in t[:-1] or (line == t[-1] and at < s) for s, t in trails)

    dropped = []
    for s, e in lines:
        line = text[s:e].strip()
        if line and (breadcrumb(line) or is_boilerplate(line) or repeats_crumb(line, s)):
            dropped.append((s, min(e + 1, len(text))))
    mt = mt.edit([(s, e, "") for s, e in dropped])
    if dropped and dropped[-1][1] == len(text) and mt.text.endswith("\n"):  # dropped through the end:
        mt = mt.edit([(len(mt.text) - 1, len(mt.text), "")])  # the line break before goes too
    return mt


_LABEL = re.compile(r"^(?:摘\s*要|关键词|關鍵詞|关键字|關鍵字|Abstract|Keywords?|Key words|DOI|E-?mail|Từ khóa)\b", re.I)
_SPEAKER = re.compile(r"^[^\s，。,.:：“”\"]{1,8}[:：]")
_ENDS_PARAGRAPH = set("。！？!?.…:：;；")
_CLOSERS = set("”’」』)）]】》\"'")
_MIDWAY = re.compile(r"[，。、；！？,;]")
_CJK_CHAR = re.compile(f"[{CJK}“”‘’]")


def join_broken_lines(text: str) -> str:
    """Undo PDF line and page breaks inside sentences.

    A line that stops mid-sentence is joined to the next text line, skipping
    blank lines and page furniture between them (page numbers, running
    headers, ``修改稿收到日期：…``, ``DOI …``, ``Received …``); that furniture is
    dropped, because moving it would break the offset map's order. Chinese
    lines join without a space, other scripts with one.

    A Chinese line is broken when it does not end with ``。！？：；…`` (closing
    quotes looked through), holds a comma or stop somewhere, is not a heading,
    label or speaker turn, and the next line starts with a CJK character and is
    not a heading, list item or speaker turn (``翟繼光:``). A line in a spaced
    script is broken when the next one starts with a lower-case letter.

    Examples
    --------
    >>> join_broken_lines("发挥作用。这已被主要工业化国\\n\\n修改稿收到日期：2021年2月21日\\n\\n家视为未来制造业的主导方向。")
    '发挥作用。这已被主要工业化国家视为未来制造业的主导方向。'
    >>> join_broken_lines("1 关于产业创新发展问题\\n\\n“十四五”时期，战略性新兴产业。\\nthe plan was\\nadopted.")
    '1 关于产业创新发展问题\\n\\n“十四五”时期，战略性新兴产业。\\nthe plan was adopted.'
    """
    return _on_str(_join_lines, text)


def _join_lines(mt: MappedText) -> MappedText:
    text = mt.text
    lines = line_spans(text)
    edits = []
    paragraph = ""  # the logical line built so far
    i = 0
    while i < len(lines):
        s, e = lines[i]
        paragraph = paragraph + text[s:e] if paragraph else text[s:e]
        j = i + 1
        furniture = 0
        while j < len(lines) and furniture <= 4:
            line = text[slice(*lines[j])].strip()
            if line and not is_page_furniture(line):
                break
            furniture += bool(line)
            j += 1
        nxt = text[slice(*lines[j])] if j < len(lines) and furniture <= 4 else ""
        joiner = _joiner(paragraph, nxt) if nxt else None
        if joiner is None:
            paragraph, i = "", i + 1
            continue
        edits.append((s + len(text[s:e].rstrip()), lines[j][0] + len(nxt) - len(nxt.lstrip()), joiner))
        i = j
    return mt.edit(edits)


def _joiner(paragraph: str, nxt: str) -> str | None:
    """What to put between ``paragraph`` and the line ``nxt``; None when they stay apart."""
    head, tail, nxt = paragraph.lstrip(), paragraph.rstrip(), nxt.strip()
    if not tail or not nxt or is_page_furniture(tail.strip()) or _LABEL.match(head):
        return None
    if starts_with_marker(head) and not re.search("[。！？!?]", head):
        return None
    if starts_with_marker(nxt) or _SPEAKER.match(nxt) or _LABEL.match(nxt):
        return None
    i = len(tail) - 1
    while i > 0 and tail[i] in _CLOSERS:
        i -= 1
    if tail[i] in _ENDS_PARAGRAPH:
        return None
    cjk_before = bool(_CJK_CHAR.match(tail[i]))
    if _CJK_CHAR.match(nxt[0]):
        running = _MIDWAY.search(head) and (_MIDWAY.search(nxt) or len(nxt) >= 20)
        return "" if running else None
    if nxt[0].islower():
        return "" if cjk_before or tail.endswith("-") else " "
    return None


# --- The pipeline ---------------------------------------------------------------------

_PIPELINE: tuple[_Step, ...] = (_pinyin, _nfc, _whitespace, _markdown, _boilerplate, _join_lines, _whitespace)


def normalize_document(text: str) -> MappedText:
    """Normalize a whole document and keep the map back to it.

    The order matters: pinyin annotations go first (they sit between the
    characters other steps look at), then NFC, whitespace, Markdown,
    boilerplate lines, broken lines, and whitespace again for the blank lines
    that removals leave behind.

    Parameters
    ----------
    text : str
        The document as it was read.

    Returns
    -------
    MappedText
        ``.text`` is the normalized text; ``.origin(start, end)`` maps a span of
        it to ``text``.

    Examples
    --------
    >>> mt = normalize_document("（2）**创新发展**。综合经济实力\\n\\n和国际分工地位。\\n\\nLiên kết website")
    >>> mt.text
    '（2）创新发展。综合经济实力和国际分工地位。'
    >>> mt.original[slice(*mt.origin(13, 16))]
    '力\\n\\n和国'
    """
    mt = MappedText.from_text(text)
    for step in _PIPELINE:
        mt = step(mt)
    return mt
