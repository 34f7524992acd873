"""Two names for one entity in one document: ``ALIAS_OF`` links.

- Glosses: a Han mention followed by a Latin form in brackets, ``L.米塞斯(Ludwig von Mises)``,
  ``“破坏主义”(Destructionism)``, ``《社会》(Die Gesellschaft)``: the Latin form becomes a
  mention with the label of the Han one and the Han mention is ``ALIAS_OF`` it; a space may pad
  the bracket (``特拉特洛尔科（ Tlatelolco）``). Lower-case
  glosses count after a TERM only (``社會恢復力(social resilience)``).
- Abbreviations: a full name followed by an acronym, ``世界贸易组织（WTO）``,
  ``Chinese Academy of Sciences (CAS)`` (the letters must abbreviate a Latin full name), or an
  acronym followed by its expansion, ``ERP（企业资源计划）``; and ``（以下简称“…”）``,
  ``(以下簡稱《意見》)``. The full name is ``ALIAS_OF`` the short one; both share a label. A
  Han full name that is not a mention yet is the clause before the bracket when it is short and
  does not open with a verb, preposition, pronoun or the like (``第五代移动通信技术（5G）``): ORG when it ends in an
  organization head, TERM otherwise.
- Pinyin: a Han personal name and a romanized one that spell it, in either order
  (``宋大伟`` / ``SONG Dawei``, ``Dawei Song``, ``Song Da-wei``); surnames are read as surnames
  (翟 Zhai, 单 Shan, 曾 Zeng, 仇 Qiu, 解 Xie, 区 Ou, 朴 Piao, 查 Zha …).

Examples
--------
>>> romanizations("翟繼光")
('zhai', 'jiguang')
>>> spells("宋大伟", "SONG Dawei"), spells("宋大伟", "Dawei Song"), spells("宋大伟", "Song Da-wei"), spells("宋大伟", "Sun Dawei")
(True, True, True, False)
>>> abbreviates("COSCO", "China Ocean Shipping (Group) Company"), abbreviates("CAS", "Chinese Academy of Sciences")
(True, True)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .en import ORG_WORDS
from .script import to_simplified
from .structure_base import COMPOUND_SURNAMES, HAN, Context, Found, Span, is_han_name
from .structure_en import NAME
from .structure_roles import is_org
from .zh_segment import default_segmenter

__all__ = ["find_aliases", "romanizations", "spells", "abbreviates", "SURNAME_READINGS", "PRIORITY"]

PRIORITY = 5
#: Readings of surname characters whose commonest reading is another one.
SURNAME_READINGS = {
    "翟": "zhai", "单": "shan", "曾": "zeng", "仇": "qiu", "解": "xie", "区": "ou", "朴": "piao", "查": "zha",
    "乐": "yue", "盖": "ge", "缪": "miao", "覃": "qin", "尉": "yu", "秘": "bi", "种": "chong", "燕": "yan",
    "华": "hua", "薄": "bo", "柏": "bai", "折": "she", "句": "gou", "召": "shao", "繁": "po", "黑": "he",
    "员": "yun", "牟": "mu", "莘": "shen", "那": "na", "都": "du", "洗": "xian", "冼": "xian", "车": "che",
    "重": "chong", "谌": "chen", "逄": "pang", "郇": "xun", "眭": "sui", "长孙": "zhangsun", "尉迟": "yuchi",
    "万俟": "moqi", "单于": "chanyu", "阚": "kan", "藏": "zang", "贲": "ben", "宁": "ning",
}
_LATIN = r"[A-Za-z0-9][A-Za-z0-9 .,'’\-&À-ÿ]{0,80}?"
_GLOSS = re.compile(rf"[”》」\"]? ?[(（] ?({_LATIN}) ?[)）]")
_INITIALS_BEFORE = re.compile(rf"(?<![A-Za-z.])(?:[A-Z]\.\s?){{1,3}}[{HAN}·・]{{2,10}}$")
_LATIN_RUN_END = re.compile(
    r"(?:[A-Z][\w’'\-]*|\([A-Z][\w\-]*\))(?:\s(?:(?:of|the|and|for|&)\s)*(?:[A-Z][\w’'\-]*|\([A-Z][\w\-]*\)))*$"
)
_ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9&]{0,9}")
_ACRONYM_FIRST = re.compile(rf"\b([A-Z][A-Za-z0-9&]{{1,9}})\s?[（(]([{HAN}]{{2,15}})[)）]")
#: ``(以下簡稱《意見》)``, ``（以下简称“…”）``
_SHORT_FORM = re.compile(
    r"[”》」\"]? ?[(（](?:以下|下文|下)?(?:简称|簡稱|称|稱)[为為]?[:：]?\s?[“\"《「]?([^”\"》」)）]{1,30})[”\"》」]?[)）]"
)
_DELIMITERS = "，,。、；;：:“”\"（）()\n《》"
#: jieba tags of words a name does not open with: verbs, prepositions, conjunctions, adverbs, pronouns, particles.
_NOT_OPENING = frozenset("v p c d r u uj ul uz ug ud y e o".split())
CLAUSE_MAX = 12
_OPENER = {"”": "“", "》": "《", "」": "「", "\"": "\""}


@lru_cache(maxsize=4096)
def romanizations(name: str) -> tuple[str, str]:
    """``(surname, given name)`` of a Han personal name in toneless pinyin, surname read as a surname.

    Examples
    --------
    >>> romanizations("曾国藩"), romanizations("欧阳修")
    (('zeng', 'guofan'), ('ouyang', 'xiu'))
    """
    from pypinyin import Style, lazy_pinyin

    simple = to_simplified(name)
    size = 2 if simple[:2] in COMPOUND_SURNAMES or simple[:2] in SURNAME_READINGS else 1
    surname = SURNAME_READINGS.get(simple[:size]) or "".join(lazy_pinyin(simple[:size], style=Style.NORMAL))
    given = "".join(lazy_pinyin(simple[size:], style=Style.NORMAL))
    return surname.replace("v", "u"), given.replace("v", "u")


def _latin_tokens(name: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return [t for t in re.split(r"[\s]+", plain.replace("-", "").replace("'", "").replace("’", "")) if t]


def spells(han: str, latin: str) -> bool:
    """True when the romanized ``latin`` spells the Han name ``han``, surname first or last.

    Examples
    --------
    >>> spells("翟繼光", "Zhai Jiguang"), spells("翟繼光", "Di Jiguang")
    (True, False)
    """
    if not is_han_name(han):
        return False
    surname, given = romanizations(han)
    tokens = _latin_tokens(latin)
    if len(tokens) < 2:
        return False
    return (tokens[0] == surname and "".join(tokens[1:]) == given) or (tokens[-1] == surname and "".join(tokens[:-1]) == given)


def abbreviates(acronym: str, full: str) -> bool:
    """True when the letters of ``acronym`` start the words of ``full`` in order.

    Several letters may come from one word (``CO`` of ``Company``); lower-case words and words in
    brackets (``of``, ``(Group)``) may be passed over, other words may not.

    Examples
    --------
    >>> abbreviates("WTO", "World Trade Organization"), abbreviates("CAS", "Institutes of Science")
    (True, False)
    """
    words = [(w.strip("()"), w.startswith("(") or w[:1].islower()) for w in full.split() if w.strip("()")]

    def match(acr: str, i: int, inside: str) -> bool:
        if not acr:
            return all(skip for _, skip in words[i:])
        if inside and inside[0].lower() == acr[0].lower() and match(acr[1:], i, inside[1:]):
            return True
        for word, skip in words[i:]:
            i += 1
            if word[0].lower() == acr[0].lower() and match(acr[1:], i, word[1:]):
                return True
            if not skip:
                return False
        return False

    return bool(words) and match(acronym, 0, "")


def _spans_by_end(ctx: Context, found: Found) -> dict[int, Span]:
    by_end = {e: Span(s, e, label) for s, e, label in ctx.existing}
    by_end.update({s.end: s for s in sorted(found.spans, key=lambda s: found.spans[s])})
    return by_end


def _clause_before(ctx: Context, pos: int) -> Span | None:
    """The name that ends the short clause before ``pos`` (``第五代移动通信技术``), TERM or ORG, or None.

    A clause that opens with a verb, preposition, pronoun or the like keeps only the words after the
    last such word (``我们要在世界贸易组织`` gives ``世界贸易组织``), and then at least four characters.
    """
    start = pos
    while start > 0 and ctx.text[start - 1] not in _DELIMITERS and pos - start <= CLAUSE_MAX:
        start -= 1
    phrase = ctx.simple[start:pos]
    if not 2 <= len(phrase) <= CLAUSE_MAX or not re.fullmatch(f"[{HAN}0-9]+", phrase):
        return None
    words = default_segmenter().tagged(phrase)
    cut = 0
    if words[0][1] in _NOT_OPENING:
        cut = max(i + 1 for i, (_, tag) in enumerate(words) if tag in _NOT_OPENING)
    name = "".join(word for word, _ in words[cut:])
    if len(name) < (4 if cut else 2):
        return None
    return Span(pos - len(name), pos, "ORG" if is_org(name) else "TERM")


def _full_form(ctx: Context, by_end: dict[int, Span], pos: int, latin: str | None) -> Span | None:
    """The name that a bracket at ``pos`` (or a closing quote before it) glosses, or abbreviates when
    ``latin`` is an acronym."""
    acronym = latin is not None
    if pos in by_end:
        return by_end[pos]
    if named := _INITIALS_BEFORE.search(ctx.text, max(0, pos - 20), pos):
        return Span(named.start(), named.end(), "PERSON")  # "L.米塞斯(Ludwig von Mises)"
    closer = ctx.text[pos]
    if closer in _OPENER:
        opener = ctx.text.rfind(_OPENER[closer], max(0, pos - 60), pos)
        if opener >= 0 and opener + 2 <= pos and "\n" not in ctx.text[opener:pos]:
            label = "WORK" if closer == "》" else "TERM"
            return Span(opener + 1, pos, label) if label == "WORK" or pos - opener <= CLAUSE_MAX + 1 else None
    if acronym and closer in " (（":
        return _clause_before(ctx, pos) if closer != " " else _latin_name_before(ctx, pos, latin)
    return None


def _latin_name_before(ctx: Context, pos: int, acronym: str) -> Span | None:
    """The shortest run of capitalised words before ``pos`` that ``acronym`` abbreviates, ORG or TERM."""
    run = _LATIN_RUN_END.search(ctx.text, max(0, pos - 160), pos)
    if run is None:
        return None
    for word in reversed(list(re.finditer(r"(?<![\w(])[A-Z]", ctx.text[run.start() : run.end()]))):
        start = run.start() + word.start()
        if abbreviates(acronym, ctx.text[start : run.end()]):
            words = ctx.text[start : run.end()].replace("(", " ").replace(")", " ").split()
            return Span(start, run.end(), "ORG" if any(w in ORG_WORDS for w in words) else "TERM")
    return None


def _has_han(text: str) -> bool:
    return re.search(f"[{HAN}]", text) is not None


def _glosses(ctx: Context, found: Found, by_end: dict[int, Span]) -> None:
    for m in _GLOSS.finditer(ctx.text):
        latin = m.group(1).strip()
        acronym = _ACRONYM.fullmatch(latin) is not None and any(c.isupper() for c in latin)
        if not re.search("[A-Za-z]", latin) or (latin[0].isdigit() and not acronym):
            continue
        full = _full_form(ctx, by_end, m.start(), latin if acronym else None)
        if full is None:
            continue
        full_text = ctx.text[full.start : full.end]
        if not _has_han(full_text) and not (acronym and abbreviates(latin, full_text)):
            continue  # after a Latin name only an acronym of it is another name for it
        if not acronym and latin[0].islower() and full.label != "TERM":
            continue
        source = found.add(full.start, full.end, full.label, PRIORITY)
        start = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
        target = found.add(start, start + len(latin), full.label, PRIORITY)
        found.link("ALIAS_OF", source, target, (full.start, m.end()))


def _abbreviations(ctx: Context, found: Found, by_end: dict[int, Span]) -> None:
    for m in _SHORT_FORM.finditer(ctx.text):
        full = _full_form(ctx, by_end, m.start(), None)
        if full is not None:
            short = found.add(m.start(1), m.end(1), full.label, PRIORITY)
            found.link("ALIAS_OF", found.add(full.start, full.end, full.label, PRIORITY), short, (full.start, m.end()))
    for m in _ACRONYM_FIRST.finditer(ctx.text):
        label = "ORG" if is_org(ctx.simple[m.start(2) : m.end(2)]) else "TERM"
        full = found.add(m.start(2), m.end(2), label, PRIORITY)
        found.link("ALIAS_OF", full, found.add(m.start(1), m.end(1), label, PRIORITY), (m.start(), m.end()))


def _pinyin(ctx: Context, found: Found) -> None:
    people = {s for s in found.spans if s.label == "PERSON"} | {Span(*e) for e in ctx.existing if e[2] == "PERSON"}
    han = [s for s in people if is_han_name(ctx.text[s.start : s.end])]
    latin = [s for s in people if re.fullmatch(NAME, ctx.text[s.start : s.end])]
    pairs: dict[tuple[str, str], tuple[int, Span, Span]] = {}
    for h in han:
        for lat in latin:
            if spells(ctx.text[h.start : h.end], ctx.text[lat.start : lat.end]):
                key = (to_simplified(ctx.text[h.start : h.end]), ctx.text[lat.start : lat.end].casefold())
                distance = abs(lat.start - h.start)
                if key not in pairs or distance < pairs[key][0]:
                    pairs[key] = (distance, h, lat)
    for _, h, lat in sorted(pairs.values(), key=lambda p: (p[1].start, p[2].start)):
        evidence = (min(h.start, lat.start), max(h.end, lat.end)) if abs(lat.start - h.start) <= 1500 else (lat.start, lat.end)
        source, target = found.add(h.start, h.end, "PERSON", PRIORITY), found.add(lat.start, lat.end, "PERSON", PRIORITY)
        found.link("ALIAS_OF", source, target, evidence)


def find_aliases(ctx: Context, found: Found) -> None:
    """Add glosses, abbreviations and pinyin spellings as ``ALIAS_OF`` links to ``found``.

    Run it last: it reads the spans the other rules found as well as the per-language ones.

    Examples
    --------
    >>> text = "我们要在世界贸易组织（WTO）框架下研究数字贸易测度问题"
    >>> ctx, found = Context.from_text(text, ((4, 10, "ORG"),)), Found()
    >>> find_aliases(ctx, found)
    >>> [(text[l.source.start:l.source.end], text[l.target.start:l.target.end], l.target.label) for l in found.links]
    [('世界贸易组织', 'WTO', 'ORG')]
    """
    by_end = _spans_by_end(ctx, found)
    _glosses(ctx, found, by_end)
    _abbreviations(ctx, found, by_end)
    _pinyin(ctx, found)
