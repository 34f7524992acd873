"""The structure of a text: lines, paragraphs, sentences, and what kind of line a line is.

:func:`split_paragraphs` and :func:`split_sentences` return ``(start, end)``
offsets into the text they were given (end exclusive, surrounding whitespace
left out), so spans of normalized text can be mapped back with
:meth:`policykg.extractors.mapped.MappedText.origin`. The line classifiers
(:func:`starts_with_marker`, :func:`is_page_furniture`, :func:`is_boilerplate`,
:func:`breadcrumb`) are what :mod:`.normalize` uses to drop and join lines.

The character classes ``HAN`` and ``CJK`` (bodies of a regex ``[...]`` class)
are shared with :mod:`.normalize` and :mod:`.langid`.

Examples
--------
>>> text = "他说：“好！”然后走了。\\nMr. Smith left. Then he came back."
>>> [text[s:e] for s, e in split_sentences(text, "zh-Hans")][:2]
['他说：“好！”', '然后走了。']
>>> [text[s:e] for s, e in split_sentences(text, "en")][2:]
['Mr. Smith left.', 'Then he came back.']
"""

from __future__ import annotations

import re

__all__ = [
    "HAN",
    "HAN_RE",
    "CJK",
    "ABBREVIATIONS",
    "is_abbreviation",
    "split_paragraphs",
    "split_sentences",
    "line_spans",
    "starts_with_marker",
    "is_page_furniture",
    "is_boilerplate",
    "breadcrumb",
]

#: Han characters (CJK ideographs, radicals, 〇 and 々), as the body of a regex character class.
HAN = (
    "\u2e80-\u2eff\u2f00-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
#: One Han character.
HAN_RE = re.compile(f"[{HAN}]")
#: Scripts written without spaces between words, with their punctuation: Han, kana,
#: bopomofo, CJK symbols (、。《》「」【】…) and full-width forms (，：（）！？).
CJK = HAN + "\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6"

#: Words that end with a period without ending a sentence (compared case-insensitively,
#: without the final period). Single letters and initials such as ``J.B.`` and
#: ``U.S.`` are recognised by their shape.
ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof sr jr st mt rev hon gen col lt sgt capt cmdr adm gov sen rep pres
    no nos vol vols pp fig figs ed eds approx dept est inc ltd co corp bros vs etc al
    e.g i.e cf jan feb mar apr jun jul aug sep sept oct nov dec
    tp tt ts ths pgs gs bs ks ncs nxb ubnd hđnd q p tx""".split()
)

_ZH_END = "。！？；!?;"
_CLOSERS = "”’」』）)】》〉\"'»]"
_ZH_BOUNDARY = re.compile(f"[{re.escape(_ZH_END)}]+[{re.escape(_CLOSERS)}]*|\n")
_LATIN_BOUNDARY = re.compile(
    f"[。！？]+[{re.escape(_CLOSERS)}]*|[.!?…]+[{re.escape(_CLOSERS)}]*(?=\\s)|\n"
)
_OPENERS = "\"“‘'(«["
_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十百\d]+[章节節条條款部篇编編]"
    r"|\d+(?:\.\d+)*[\s、.．]|[-*+•·■●◆▪]\s|#|\[\d+\]|【)"
)
_FURNITURE = re.compile(
    r"^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|第\s*\d+\s*[页頁](?:\s*[/，,]?\s*共\s*\d+\s*[页頁])?|(?:Page|Trang)\s*\d+(?:\s*(?:of|/)\s*\d+)?"
    r"|\d+\s*/\s*\d+|.{0,40}(?:Vol\.?\s*\d+|第\s*\d+\s*卷).{0,40}"
    r"|(?:(?:修改稿)?收[稿到](?:日期|时间|時間)|修回日期|预出版日期|預出版日期|网络出版|網絡出版|出版日期|录用日期|錄用日期|接受日期"
    r"|基金项目|基金項目|作者简介|作者簡介|通讯作者|通訊作者|中图分类号|中圖分類號|文献标识码|文獻標識碼|文章编号|文章編號|引用格式"
    r"|DOI|Received|Revised|Accepted|Published online|Corresponding author|Citation)\b.{0,200})$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(
    r"^(?:(?:您的位置|你的位置|当前位置|當前位置|目前位置|所在位置|现在位置|Vị trí|Bạn đang ở|You are here|Current location)"
    r"\s*[:：]?\s*(?P<path>(?:首页|首頁|主页|主頁|Home|Trang chủ|Trang nhất).*|.*[>»›→].*)"
    r"|(?P<bare>(?:首页|首頁|主页|主頁|Home|Trang chủ|Trang nhất)\s*[>»›→].+))$",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^(?:[■□◆◇●○▲△▶►★☆※]\s*)?(?:"
    r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审核|審核|审校|来源|來源|稿源|出处|出處|Biên tập(?: viên)?"
    r"|Nguồn|Ảnh(?: minh họa)?|Editor|Edited by|Source|Photo)\s*[:：].{0,60}|Ảnh minh họa"
    r"|(?:分享到|分享|转发|轉發|收藏|打印|关闭窗口|關閉窗口|关闭|關閉|返回顶部|返回頂部|返回|上一篇|下一篇|相关阅读|相關閱讀"
    r"|相关链接|相關連結|相关文章|相關文章|友情链接|友情連結|扫一扫|掃一掃|Chia sẻ(?: bài viết)?|In bài(?: viết)?|Gửi bài"
    r"|Bình luận|Tin liên quan|Bài liên quan|Tin khác|Xem thêm|Đọc thêm|Từ khóa|Liên kết website|Liên kết|Tags?|Share"
    r"|Tweet|Print|Related(?: articles| links)?|Read more|Back to top|Về đầu trang|Links)\s*(?:[:：|/>»·].{0,60})?"
    r"|(?:Copyright|©|版权所有|版權所有|Bản quyền).{0,120}"
    r"|(?=.{0,360}$).+?[\s.。][(（]?(?:Ảnh|Nguồn|Photo|Source|图片来源|圖片來源|图片|圖片|摄影|攝影|图|圖)\s*[:：]\s*"
    r"[^.。!?！？:：]{1,60}?[)）]?"
    r")$",
    re.IGNORECASE,
)


_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
_TOKEN_EDGE = re.compile(r"^[\"“‘'(«\[]+")


def split_paragraphs(text: str, *, by: str = "line") -> list[tuple[int, int]]:
    """Return the non-empty paragraphs of ``text`` as ``(start, end)`` spans.

    Parameters
    ----------
    text : str
        Text, normally the output of :func:`.normalize.normalize_document`, where
        broken lines are already joined and every remaining line break is real.
    by : {"line", "blank"}, optional
        ``"line"``: every non-blank line is a paragraph (web text and normalized
        text). ``"blank"``: paragraphs are separated by blank lines, so hard-wrapped
        lines stay together.

    Returns
    -------
    list of tuple of int
        Spans without surrounding whitespace, in order.

    Raises
    ------
    ValueError
        If ``by`` is not ``"line"`` or ``"blank"``.

    Examples
    --------
    >>> text = "标题\\n\\n第一段。\\n 第二段。 \\n"
    >>> [text[s:e] for s, e in split_paragraphs(text)]
    ['标题', '第一段。', '第二段。']
    >>> text = "a\\nb\\n\\nc"
    >>> [text[s:e] for s, e in split_paragraphs(text, by="blank")]
    ['a\\nb', 'c']
    """
    if by == "line":
        separator = re.compile(r"\n")
    elif by == "blank":
        separator = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")
    else:
        raise ValueError(f"[E201] split_paragraphs(by={by!r}) is not supported. Use by='line' or by='blank'.")
    spans = []
    pos = 0
    for match in separator.finditer(text):
        spans.append(_strip(text, pos, match.start()))
        pos = match.end()
    spans.append(_strip(text, pos, len(text)))
    return [(s, e) for s, e in spans if s < e]


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Return the sentences of ``text`` as ``(start, end)`` spans.

    Parameters
    ----------
    text : str
        One paragraph or more; a line break always ends a sentence.
    lang : str
        ``"zh-Hans"``, ``"zh-Hant"`` or ``"zh"`` for Chinese rules; anything else
        (``"vi"``, ``"en"``, ``"other"``) gets the rules for spaced scripts.

    Returns
    -------
    list of tuple of int
        Non-empty spans without surrounding whitespace, in order.

    Notes
    -----
    Chinese: a sentence ends after ``。！？；!?;`` and any closing quotes or
    brackets that follow; never inside a book title ``《…》``.

    Vietnamese and English: a sentence ends after ``. ! ? …`` (and closing
    quotes) when whitespace and a capital letter, a digit-free opening quote or
    bracket follow, except after an abbreviation from :data:`ABBREVIATIONS`, a
    single letter or initials (``J.B.``, ``U.S.``). ``。！？`` also end sentences.

    Examples
    --------
    >>> t = "“魔鬼就是让你相信他并不存在!” 我想说的是,这也适用。《新自由主义?它不存在》"
    >>> [t[s:e] for s, e in split_sentences(t, "zh-Hans")]
    ['“魔鬼就是让你相信他并不存在!”', '我想说的是,这也适用。', '《新自由主义?它不存在》']
    >>> t = "TP. Hồ Chí Minh và E.P. Thompson. Ông nói: “Đúng.” Sau đó về."
    >>> [t[s:e] for s, e in split_sentences(t, "vi")]
    ['TP. Hồ Chí Minh và E.P. Thompson.', 'Ông nói: “Đúng.”', 'Sau đó về.']
    """
    chinese = lang.startswith("zh")
    boundary = _ZH_BOUNDARY if chinese else _LATIN_BOUNDARY
    spans = []
    pos = 0
    depth = 0  # open 《 in the text scanned so far
    scanned = 0
    for match in boundary.finditer(text):
        end = match.end()
        if match.group() != "\n":
            if chinese:
                depth += text.count("《", scanned, match.start()) - text.count("》", scanned, match.start())
                scanned = match.start()
                depth = max(depth, 0)
                if depth > 0:
                    continue
            elif match.group()[0] in ".!?…" and not _starts_sentence(text, end):
                continue
            elif match.group()[0] == "." and _is_abbreviation(text, pos, match.start()):
                continue
        spans.append(_strip(text, pos, end))
        pos = end
        if match.group() == "\n":
            depth, scanned = 0, end
    spans.append(_strip(text, pos, len(text)))
    return [(s, e) for s, e in spans if s < e]


def line_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every line of ``text``, blank ones included, without the ``\\n``.

    Examples
    --------
    >>> line_spans("ab\\n\\ncd")
    [(0, 2), (3, 3), (4, 6)]
    """
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def starts_with_marker(line: str) -> bool:
    """True when ``line`` opens with a section number, list bullet or note mark.

    ``一、``, ``（二）``, ``(3)``, ``第四章``, ``1 ``, ``2.1 ``, ``- ``, ``#``, ``[5]``, ``【``.

    Examples
    --------
    >>> [starts_with_marker(x) for x in ["1 关于产业创新发展问题", "(一)社會組織", "10亿吨", "2021年"]]
    [True, True, False, False]
    """
    return bool(_MARKER.match(line))


def is_page_furniture(line: str) -> bool:
    """True when ``line`` is page furniture a PDF puts between the lines of a sentence.

    Page numbers (``12``, ``- 12 -``, ``第3页``, ``Page 3 of 9``), running
    headers with a volume (``Vol. 36``, ``第36卷``) and article metadata
    (``修改稿收到日期：…``, ``基金项目：…``, ``DOI …``, ``Received …``).

    Examples
    --------
    >>> [is_page_furniture(x) for x in ["- 12 -", "修改稿收到日期：2021年2月21日", "DOI 10.16418/j", "和国际分工地位。"]]
    [True, True, True, False]
    """
    return bool(_FURNITURE.match(line.strip()))


def is_boilerplate(line: str) -> bool:
    """True when ``line`` is site furniture rather than text.

    Editor and source credits (``责任编辑：…``, ``Nguồn: …``); share, print,
    related-links and link-list lines (``分享到``, ``Chia sẻ``, ``Liên kết
    website``); copyright lines; photo captions, i.e. lines up to 360
    characters that end in a credit (``… Ảnh: Tư liệu``, ``… Nguồn: ITN``).
    Breadcrumbs are found by :func:`breadcrumb`.

    Examples
    --------
    >>> [is_boilerplate(x) for x in ["■ 责任编辑：文彦杰", "Cán bộ tuyên truyền. Ảnh: Tư liệu", "Chia sẻ kinh nghiệm."]]
    [True, True, False]
    """
    return bool(_BOILERPLATE.match(line.strip()))


def breadcrumb(line: str) -> list[str]:
    """Return the crumbs of a breadcrumb line, or ``[]`` when ``line`` is not one.

    Examples
    --------
    >>> breadcrumb("您的位置: 首页\u00a0> 观点 / VIEW"), breadcrumb("观点 / VIEW")
    (['首页', '观点 / VIEW'], [])
    """
    match = _BREADCRUMB.match(line.strip())
    if match is None:
        return []
    path = match.group("path") or match.group("bare")
    return [crumb.strip() for crumb in re.split(r"[>»›→]", path) if crumb.strip()]


def _starts_sentence(text: str, pos: int) -> bool:
    """True when the first character after the whitespace at ``pos`` can open a sentence."""
    while pos < len(text) and text[pos].isspace():
        if text[pos] == "\n":
            return True
        pos += 1
    return pos < len(text) and (text[pos].isupper() or text[pos] in _OPENERS)


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    """True when the word before the period at ``dot`` is an abbreviation or initials."""
    word_start = dot
    while word_start > sentence_start and not text[word_start - 1].isspace():
        word_start -= 1
    return is_abbreviation(text[word_start : dot + 1])


def is_abbreviation(word: str) -> bool:
    """Whether ``word``, ending in a full stop, is an abbreviation of :data:`ABBREVIATIONS` or
    initials, so that its full stop ends no sentence.

    >>> [is_abbreviation(w) for w in ("Capt.", "Inc.", "J.", "U.S.", "Limited.", "Center.")]
    [True, True, True, True, False, False]
    """
    word = _TOKEN_EDGE.sub("", word)
    return _INITIALS.fullmatch(word) is not None or word[:-1].casefold() in ABBREVIATIONS


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
