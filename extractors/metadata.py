"""Document metadata read from the text itself: a title and a date.

Examples
--------
>>> text = "观点 / VIEW\\n\\n您的位置: 首页 > 观点 / VIEW\\nJ.B.福斯特:新自由主义\\n\\n修改稿收到日期：2021年2月21日"
>>> extract_title(text), extract_date(text)
('J.B.福斯特:新自由主义', '2021-02-21')
"""

from __future__ import annotations

import datetime
import re

from .langid import detect_language
from .normalize import drop_boilerplate, normalize_whitespace, strip_markdown, strip_pinyin_annotations, to_nfc
from .segment import split_sentences

__all__ = ["extract_title", "extract_date"]

TITLE_MAX = 200

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ZH_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_ZH_NUM = "[〇零一二三四五六七八九十]"
_DATE_PATTERNS = {
    "ymd": re.compile(r"(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])"),
    "zh": re.compile(rf"(\d{{4}}|{_ZH_NUM}{{4}})\s*年\s*(\d{{1,2}}|{_ZH_NUM}{{1,3}})\s*月\s*(\d{{1,2}}|{_ZH_NUM}{{1,3}})\s*[日号號]"),
    "vi": re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})", re.IGNORECASE),
    "dmy": re.compile(r"(?<![\d.])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d])"),
    "mdy_words": re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE),
    "dmy_words": re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE),
}
_HAS_LETTER = re.compile(r"[^\W\d_]")
# full-width digits, letters and punctuation to ASCII: one character for one, so spans stay valid
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def extract_title(text: str) -> str:
    """Return the document's title: its first meaningful line.

    Boilerplate (breadcrumbs, section labels they repeat, share links) and
    blank lines are skipped, as are lines without letters and lines that only
    state a date. The line is cleaned (pinyin annotations, Markdown,
    whitespace) and, when longer than 200 characters, cut to its first
    sentence and then to 200 characters.

    Parameters
    ----------
    text : str
        The document, raw or normalized.

    Returns
    -------
    str
        The title, or ``""`` when no line qualifies.

    Examples
    --------
    >>> extract_title("\\n\\n# 新阶段我国战略性新兴产业发展思考\\n\\n宋大伟")
    '新阶段我国战略性新兴产业发展思考'
    >>> extract_title("Thứ Sáu, 08/11/2024\\nNhận diện các quan điểm sai trái")
    'Nhận diện các quan điểm sai trái'
    """
    for line in drop_boilerplate(normalize_whitespace(text)).split("\n"):
        line = normalize_whitespace(strip_markdown(strip_pinyin_annotations(to_nfc(line))))
        if not _HAS_LETTER.search(line) or _is_date_line(line):
            continue
        if len(line) > TITLE_MAX:
            spans = split_sentences(line, detect_language(line))
            line = line[: spans[0][1]] if spans else line
        return _cut(line)
    return ""


def _cut(line: str) -> str:
    """``line`` cut to :data:`TITLE_MAX` characters, at a space when one is near."""
    if len(line) <= TITLE_MAX:
        return line
    cut = line[:TITLE_MAX]
    space = cut.rfind(" ", TITLE_MAX - 40)
    return (cut[:space] if space > 0 and line[TITLE_MAX].isalnum() else cut).rstrip()


def _is_date_line(line: str) -> bool:
    """A line that is a date with at most a weekday name around it (``Thứ Sáu, 08/11/2024``)."""
    found = _first_date(line, dayfirst=True)
    if found is None:
        return False
    rest = line[: found[1]] + line[found[2] :]
    return len(rest.split()) <= 3 and not re.search(r"[。.!?！？]", rest)


def extract_date(text: str, *, dayfirst: bool | None = None) -> str | None:
    """Return the first full date ``text`` states, as ISO ``yyyy-mm-dd``.

    Understands ``2021年2月21日`` (also with full-width or Chinese numerals),
    ``2021-02-21`` / ``2021/2/21`` / ``2021.02.21``, ``08/11/2024`` and
    ``8-11-2024``, ``ngày 8 tháng 11 năm 2024``, ``March 2, 2021`` and
    ``2 March 2021``. Impossible dates are skipped; years or months alone
    (``2019年第10期``, ``2013年12月``) are not dates.

    Parameters
    ----------
    text : str
        The document.
    dayfirst : bool, optional
        Read ``08/11/2024`` as day/month/year (True) or month/day/year
        (False). By default day first, unless the text is English. A part
        above 12 settles the order either way.

    Returns
    -------
    str or None

    Examples
    --------
    >>> extract_date("Thứ Sáu, 08/11/2024")
    '2024-11-08'
    >>> extract_date("Posted 08/11/2024. Revised March 2, 2021.")
    '2024-08-11'
    >>> extract_date("二〇二一年二月二十一日"), extract_date("《国外社会科学前沿》2019年第10期")
    ('2021-02-21', None)
    """
    if dayfirst is None:
        dayfirst = detect_language(text[:2000]) != "en"
    found = _first_date(text, dayfirst=dayfirst)
    return found[0].isoformat() if found else None


def _first_date(text: str, *, dayfirst: bool) -> tuple[datetime.date, int, int] | None:
    """The earliest valid date in ``text`` with its span."""
    key = text.translate(_HALF_WIDTH)
    best = None
    for kind, pattern in _DATE_PATTERNS.items():
        for match in pattern.finditer(key):
            if best is not None and match.start() >= best[1]:
                break
            date = _to_date(kind, match.groups(), dayfirst)
            if date is not None:
                best = (date, match.start(), match.end())
                break
    return best


def _to_date(kind: str, parts: tuple[str, ...], dayfirst: bool) -> datetime.date | None:
    if kind in ("ymd", "zh"):
        try:
            year, month, day = (_number(p) for p in parts)
        except KeyError:  # not a Chinese number after all (一九九十)
            return None
    elif kind == "vi":
        day, month, year = (int(p) for p in parts)
    elif kind == "dmy":
        first, second, year = (int(p) for p in parts)
        if first > 12 or (dayfirst and second <= 12):
            day, month = first, second
        else:
            month, day = first, second
    elif kind == "mdy_words":
        month, day, year = _MONTHS[parts[0].lower()], int(parts[1]), int(parts[2])
    else:
        day, month, year = int(parts[0]), _MONTHS[parts[1].lower()], int(parts[2])
    try:
        return datetime.date(year, month, day) if year >= 1000 else None
    except ValueError:
        return None


def _number(part: str) -> int:
    """An Arabic number, or a Chinese one: digit by digit (二〇二一) or with 十 (二十一)."""
    if part.isdigit():
        return int(part)
    if "十" not in part:
        return int("".join(str(_ZH_DIGITS[c]) for c in part))
    tens, _, ones = part.partition("十")
    return (_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[ones] if ones else 0)
