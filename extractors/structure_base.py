"""What the document-structure rules share: found spans and links, the context they read, name shapes.

The rules (:mod:`.structure_bios`, :mod:`.structure_turns`, :mod:`.structure_refs`,
:mod:`.structure_alias`) read a normalized document through a :class:`Context` and record
what they find in a :class:`Found`: entity spans (:class:`Span`) and typed links between
them (:class:`Link`), all in offsets of the normalized text. :mod:`.structure` runs them
and merges the result with the per-language mentions.

Examples
--------
>>> ctx = Context.from_text("宋大伟\\n\\n中国科学院科技战略咨询研究院")
>>> [ctx.text[s:e] for s, e in ctx.lines]
['宋大伟', '', '中国科学院科技战略咨询研究院']
>>> is_han_name("宋大伟"), is_han_name("翟繼光"), is_han_name("歐陽中石"), is_han_name("摘要")
(True, True, True, False)
>>> found = Found()
>>> a, b = found.add(0, 3, "PERSON", 5), found.add(5, 19, "ORG", 5)
>>> found.link("AFFILIATED_WITH", a, b, (0, 19))
>>> found.links[0].type, found.links[0].target.label
('AFFILIATED_WITH', 'ORG')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .mapped import MappedText
from .metadata import extract_title
from .script import to_simplified
from .segment import HAN, line_spans

__all__ = ["HAN", "NAME_PATTERN", "SURNAMES", "COMPOUND_SURNAMES", "Span", "Link", "Found", "Context"]
__all__ += ["is_han_name", "is_person_name"]

#: Common Chinese surnames (simplified), one character each.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
    "崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康"
    "施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗"
    "谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班"
    "储栗燕楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝区郜阚帅屠豆朴盖廉禹祖漆巴丰卿狄索晋鹿薄邸雍辜裘亓邰赫慕嵇戎尉洪"
)
#: Two-character surnames.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 司徒 端木 澹台 轩辕 南宫 西门 独孤 呼延 钟离 万俟".split()
)
_HAN_ONLY = re.compile(f"[{HAN}]+")
_INITIALS_NAME = re.compile(rf"(?:[A-Z]\.\s?){{1,3}}[{HAN}·・]{{2,10}}")
#: ``J.B.福斯特:作为意识形态的新自由主义`` — a title line that opens with its author's name.
_AUTHOR_PREFIX = re.compile(rf"((?:[A-Z]\.\s?){{1,3}}[{HAN}·・]{{2,10}}|[{HAN}]{{2,4}})\s?[:：]\s?(?=\S)")
TITLE_MAX = 120


def is_han_name(name: str) -> bool:
    """True when ``name`` has the shape of a Chinese personal name: a surname and one or two characters.

    Four characters are accepted after a two-character surname only.

    Examples
    --------
    >>> [is_han_name(n) for n in ("王名", "劉亞麗", "司马相如", "国务院", "背景材料")]
    [True, True, True, False, False]
    """
    simple = to_simplified(name)
    if not _HAN_ONLY.fullmatch(simple):
        return False
    if simple[:2] in COMPOUND_SURNAMES:
        return 3 <= len(simple) <= 4
    return 2 <= len(simple) <= 3 and simple[0] in SURNAMES


def is_person_name(name: str) -> bool:
    """True for a Han name (:func:`is_han_name`) or a transliteration with initials (``J.B.福斯特``).

    Examples
    --------
    >>> is_person_name("J.B.福斯特"), is_person_name("卢地生"), is_person_name("主持人")
    (True, True, False)
    """
    return is_han_name(name) or _INITIALS_NAME.fullmatch(name) is not None


#: A name as bylines and turns write it: Han (2-4 characters, checked by :func:`is_han_name`) or with initials.
NAME_PATTERN = rf"(?:(?:[A-Z]\.\s?){{1,3}}[{HAN}·・]{{2,10}}|[{HAN}]{{2,4}})"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """An entity span of the normalized text with its label."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Link:
    """A typed relation between two spans; ``evidence`` is a normalized span, widened to sentences later."""

    type: str
    source: Span
    target: Span
    evidence: tuple[int, int]
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class Found:
    """Spans (with a priority for overlaps between rules), links and regions the rules own."""

    spans: dict[Span, int] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    #: Reference entries: per-language PERSON guesses inside them are dropped.
    owned: list[tuple[int, int]] = field(default_factory=list)
    #: People introduced by a bio or byline, by name as written: later rules recognise them.
    people: dict[str, list[Span]] = field(default_factory=dict)

    def person(self, start: int, end: int, name: str, priority: int) -> Span:
        """Record a PERSON span introduced by a bio or byline and remember its name."""
        span = self.add(start, end, "PERSON", priority)
        self.people.setdefault(name, []).append(span)
        return span

    def add(self, start: int, end: int, label: str, priority: int) -> Span:
        """Record a span (the highest priority given to the same span is kept) and return it."""
        span = Span(start, end, label)
        self.spans[span] = max(priority, self.spans.get(span, priority))
        return span

    def link(self, type_: str, source: Span, target: Span, evidence: tuple[int, int], **attrs: str) -> None:
        """Record a relation between two recorded spans; empty attributes are left out."""
        if source != target:
            self.links.append(Link(type_, source, target, evidence, tuple((k, v) for k, v in attrs.items() if v)))


class Context:
    """A normalized document as the rules read it.

    ``text`` is the normalized text, ``simple`` the same text in simplified characters (same
    length, so offsets are shared), ``existing`` the per-language mentions as
    ``(start, end, label)``; :meth:`had_space` looks at the original text through ``mapped``.
    """

    def __init__(self, mapped: MappedText, existing: tuple[tuple[int, int, str], ...] = ()):
        self.mapped = mapped
        self.text = mapped.text
        self.existing = tuple(sorted(existing))

    @classmethod
    def from_text(cls, text: str, existing: tuple[tuple[int, int, str], ...] = ()) -> Context:
        """A context for a text that is its own original."""
        return cls(MappedText.from_text(text), existing)

    @cached_property
    def simple(self) -> str:
        return to_simplified(self.text)

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        return line_spans(self.text)

    def had_space(self, pos: int) -> bool:
        """True when the original text had whitespace between ``text[pos - 1]`` and ``text[pos]``.

        Normalization removes spaces between Han characters (``宋大伟 中国科学院`` becomes
        ``宋大伟中国科学院``); a byline still needs that boundary.

        Examples
        --------
        >>> from policykg.extractors.normalize import normalize_document
        >>> ctx = Context(normalize_document("宋大伟 中国科学院"))
        >>> ctx.text, ctx.had_space(3), ctx.had_space(2)
        ('宋大伟中国科学院', True, False)
        """
        if not 0 < pos < len(self.text):
            return False
        before = self.mapped.origin(pos - 1, pos)[1]
        after = self.mapped.origin(pos, pos + 1)[0]
        gap = self.mapped.original[before:after]
        return bool(gap) and gap.isspace()

    def nonblank_lines(self) -> list[tuple[int, int]]:
        """Lines with text, as ``(start, end)``."""
        return [(s, e) for s, e in self.lines if self.text[s:e].strip()]

    @cached_property
    def title(self) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """The document title as ``(title span, author span or None)``, or None.

        The title is the first line with text when it is what :func:`.metadata.extract_title`
        picks, is at most :data:`TITLE_MAX` characters and does not end a sentence. A title
        that opens with a name and a colon (``J.B.福斯特:作为意识形态的新自由主义``) is split.

        Examples
        --------
        >>> ctx = Context.from_text("J.B.福斯特:作为意识形态的新自由主义\\n\\n摘要")
        >>> [ctx.text[s:e] for s, e in ctx.title]
        ['作为意识形态的新自由主义', 'J.B.福斯特']
        """
        lines = self.nonblank_lines()
        if len(lines) < 2:  # a title heads a document
            return None
        start, end = lines[0]
        line = self.text[start:end]
        if extract_title(self.text) != line or len(line) > TITLE_MAX or line[-1] in "。.!?！？;；":
            return None
        m = _AUTHOR_PREFIX.match(line)
        if m and is_person_name(m.group(1)):
            return (start + m.end(), end), (start, start + m.end(1))
        return (start, end), None
