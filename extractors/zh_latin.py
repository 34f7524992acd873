"""Latin-script names inside Chinese text, typed from their own words and the Chinese around them.

Chinese news often leaves foreign names in Latin letters: ``墨西哥總統候選人 Andres Manuel
Lopez Obrador 承諾…``, ``在 Tlatelolco Plaza``. A run of capitalised words (joined by ``of``,
``de``, ``von`` …) becomes a candidate when something types it, strongest first:

1. its own words: an organization word (``University``, ``Party``, ``Inc``) → ORG, a CLDR
   territory name or a place word (``Plaza``, ``River``, ``Punta``) → PLACE;
2. the Chinese right after it: an organization head (``公司``, ``队``) → ORG, a place suffix
   (``州``, ``广场``) → PLACE, an honorific or a verb of saying (``先生``, ``说``, ``承诺``) → PERSON;
3. the Chinese right before it: a role (``总统``, ``守门员``, ``候选人``) → PERSON, a verb of
   place (``位于``, ``前往``) → PLACE;
4. the English CRF model (:func:`.ner_model.load_ner`) reading the run alone and in a frame
   (``in …``, ``the … said``), see :func:`_model_label`.

Context is read in simplified Chinese (the extractor's analysis text).

Examples
--------
>>> s = "墨西哥总统候选人 Andres Manuel Lopez Obrador 承诺永远不会对平民使用军方武力。"
>>> [(s[c.start:c.end], c.label) for c in latin_candidates(s)]
[('Andres Manuel Lopez Obrador', 'PERSON')]
>>> s = "Lopez Obrador 礼拜六在 Tlatelolco Plaza 承诺"
>>> [(s[c.start:c.end], c.label) for c in latin_candidates(s)]
[('Lopez Obrador', 'PERSON'), ('Tlatelolco Plaza', 'PLACE')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Candidate
from .en import DATE_WORDS, ORG_WORDS, RANK_WORDS, ROLE_WORDS, after_ranks
from .place_words import PLACE_ENDINGS, PLACE_WORDS
from .places import territory_names
from .segment import HAN_RE
from .structure_roles import ORG_HEADS
from .structure_roles import ROLE_WORDS as ZH_ROLE_WORDS
from .zh_segment import default_segmenter

__all__ = ["LATIN_PRIORITY", "PERSON_TITLES", "PLACE_ENDINGS", "gloss_label", "has_latin_name", "head_kind", "latin_candidates", "latin_label", "latin_runs", "name_kind"]

#: Above the Chinese CRF model, whose spans glue Latin names to the Chinese words around them.
LATIN_PRIORITY = 3
_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_WORD = rf"(?:[{_L}][{_L}'’\-]*|[A-Z]\.)"
#: Latin words separated by single spaces; what lies around is checked in :func:`latin_runs`.
_SEGMENT = re.compile(rf"{_WORD}(?: {_WORD})*")
_CONNECTORS = frozenset("of the and for on de del della da das do dos du la le les van von der den y bin al".split())
#: Words that do not open a name (``The Times`` is read from ``Times``).
_NOT_OPENING = frozenset(
    "The A An I In On At For Of And But Or If As By To From With This That These Those It He She We They Mr Mrs Ms Dr "
    .split()
) | DATE_WORDS
# simplified Chinese cues around a run
#: One-character heads such as ``部`` open other words too (``部分``); of those only a few stay.
_ORG_AFTER = tuple(h for h in ORG_HEADS if len(h) > 1) + ("队", "俱乐部", "乐队", "频道", "网站", "党", "新闻")
#: Forms of address and titles written after a person's name (simplified).
PERSON_TITLES = (
    "先生", "女士", "小姐", "夫人", "太太", "神父", "牧师", "主教", "教授", "博士", "医生", "法官", "议员", "将军",
    "爵士",
)
_PERSON_AFTER = PERSON_TITLES + (
    "本人", "自己", "说", "称", "表示", "指出", "告诉", "认为", "承诺", "宣誓", "宣布",
    "透露", "补充", "回应", "写道", "坦言", "强调", "解释", "曾经", "出生", "去世", "逝世",
)
_PERSON_BEFORE = tuple(ZH_ROLE_WORDS) + (
    "总统", "总理", "首相", "国务卿", "外长", "议员", "参议员", "候选人", "发言人", "主持人", "教练", "主教练", "球员",
    "门将", "守门员", "前锋", "后卫", "中场", "球星", "明星", "歌手", "演员", "导演", "艺人", "选手", "作者", "警长",
    "医生", "妻子", "丈夫", "儿子", "女儿", "父亲", "母亲", "兄弟", "姐妹", "名叫", "叫做", "人称",
)
#: Verbs of place; ``在``, ``于`` and ``到`` are not among them, as they open clauses too
#: (``在 Declan Gallagher 將球傳給了…``, ``在 Twitter 發表``).
_PLACE_BEFORE = ("抵达", "前往", "来自", "位于", "飞往", "途经", "返回", "访问", "降落")
#: After these, a run after a verb of place is a medium or a body, not a place (``来自 Twitter 上的``).
_NOT_PLACE_AFTER = ("上", "中", "里", "内", "的")


def latin_runs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of capitalised Latin words standing between non-Latin text.

    Lower-case words break a run unless they join two capitalised ones (``Newport on the
    Levee``); opening function words and roles (``Member of the Welsh Parliament``) and a
    trailing possessive are left out; runs touching an address or a number (``LiverpoolFC.com``,
    ``@user``, ``A4``) are skipped.

    >>> t = "在 The Times 和 LiverpoolFC.com 上，Sainsbury's 与 Newport on the Levee 的 tweet"
    >>> [t[s:e] for s, e in latin_runs(t)]
    ['Times', 'Sainsbury', 'Newport on the Levee']
    >>> [t[s:e] for t in ["威爾斯議會議員（Member of the Welsh Parliament）"] for s, e in latin_runs(t)]
    ['Welsh Parliament']
    """
    for seg in _SEGMENT.finditer(text):
        before = text[seg.start() - 1] if seg.start() else " "
        after = text[seg.end() : seg.end() + 2]
        if before in "./@#_:-&0123456789" or re.match(r"[.@_:/\-][A-Za-z0-9]|[0-9]", after):
            continue
        words = [(m.start() + seg.start(), m.end() + seg.start(), m.group()) for m in re.finditer(r"\S+", seg.group())]
        run: list[tuple[int, int, str]] = []
        for i, word in enumerate(words + [(0, 0, "")]):
            w = word[2]
            capital = w[:1].isupper()
            j = i
            while j < len(words) and words[j][2] in _CONNECTORS:
                j += 1
            joins = bool(run) and j > i and j < len(words) and words[j][2][:1].isupper()
            if capital or joins:
                run.append(word)
                continue
            yield from _trimmed(text, run)
            run = []


def _trimmed(text: str, run: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
    while run and (run[0][2].rstrip(".") in _NOT_OPENING or run[0][2] in _CONNECTORS or run[0][2] in ROLE_WORDS
                   or (run[0][2] in RANK_WORDS and len(run) > 2)):
        run = run[1:]
    while run and run[-1][2] in _CONNECTORS:
        run = run[:-1]
    if not run:
        return
    start, end = run[0][0], run[-1][1]
    possessive = re.search(r"['’]s$", text[start:end])
    end -= 2 if possessive else 0
    if end - start >= 2:
        yield start, end


def _acronym(run: str) -> bool:
    return len(run) <= 6 and run.isupper() and " " not in run


def latin_label(run: str, before: str, after: str) -> str | None:
    """The type of the Latin ``run`` between the simplified Chinese ``before`` and ``after``, or None.

    >>> latin_label("Kenny Miler", "主教练自上月更换掉 ", "以来还未尝到失败的滋味")
    'PERSON'
    >>> latin_label("Punta Eugenia", "", "附近"), latin_label("Rangers", "", " 队"), latin_label("Gerrard", "", "")
    ('PLACE', 'ORG', None)
    """
    words = run.replace("’", "'").split()
    if len(words) >= 2 and any(w.strip(".") in ORG_WORDS for w in words):
        return "ORG"
    if run in territory_names("en") or any(w in PLACE_WORDS for w in words[:1] + words[-1:]):
        return "PLACE"
    after, before = after.lstrip(), before.rstrip()
    if after.startswith(_ORG_AFTER):
        return "ORG"
    if after.startswith(PLACE_ENDINGS):
        return "PLACE"
    if after.startswith(_PERSON_AFTER) and not _acronym(run):
        return "PERSON"
    if before.endswith(_PERSON_BEFORE) and not _acronym(run):
        return "PERSON"
    if _last_word(before) in _PLACE_BEFORE and not after.startswith(_NOT_PLACE_AFTER) and not _acronym(run):
        return "PLACE"
    return _model_label(run)


def _last_word(text: str) -> str:
    """jieba's last word of ``text`` (``看到`` and ``得到`` are verbs, not ``到``)."""
    words = default_segmenter().words(text) if text else []
    return words[-1] if words else ""


def head_kind(word: str) -> str | None:
    """ORG or PLACE when ``word`` is an organization head or a place word of Chinese, else None.

    >>> head_kind("出版社"), head_kind("火山"), head_kind("米塞斯")
    ('ORG', 'PLACE', None)
    """
    return "ORG" if word in _ORG_AFTER else "PLACE" if word in PLACE_ENDINGS else None


def name_kind(name: str) -> str | None:
    """ORG or PLACE when the Chinese ``name`` ends in an organization head or a place word, else None.

    >>> name_kind("霍顿·米夫林·哈考特出版社"), name_kind("波波卡特佩特火山"), name_kind("米塞斯")
    ('ORG', 'PLACE', None)
    """
    if name.endswith(_ORG_AFTER):
        return "ORG"
    return "PLACE" if name.endswith(PLACE_ENDINGS) and len(name) >= 3 else None


def gloss_label(latin: str, after: str, name: str = "", model: str | None = None) -> str:
    """The type of a name glossed in Latin letters (``特拉特洛尔科（ Tlatelolco）广场``): PERSON unless
    the gloss's words, the Chinese ``name`` glossed, the Chinese after the bracket or, last, the
    Chinese model's label of the name (``model``) say ORG or PLACE.

    >>> gloss_label("Tlatelolco", "广场承诺"), gloss_label("Daniel Sturridge", " 一脚远射"), gloss_label("Labour Party", "")
    ('PLACE', 'PERSON', 'ORG')
    >>> gloss_label("Sonora", "西北地区", "索诺拉", model="PLACE")
    'PLACE'
    """
    words = latin.split()
    after = after.lstrip()
    if any(w.strip(".") in ORG_WORDS for w in words):
        return "ORG"
    if latin in territory_names("en") or any(w in PLACE_WORDS for w in words):
        return "PLACE"
    if kind := name_kind(name):
        return kind
    if after.startswith(_ORG_AFTER):
        return "ORG"
    if after.startswith(PLACE_ENDINGS):
        return "PLACE"
    return model if model in ("ORG", "PLACE") else "PERSON"


def _model_label(run: str) -> str | None:
    """The English model's type for a run with no cue around it, read alone and in a frame.

    The model reads a capitalised word alone as a name (``Radstock``) and one after ``in`` as a
    place (``in Holt``): a single word it reads both ways is a place, and a surname alone
    becomes a person again through the document's full name (:mod:`.structure_latin`). An
    acronym is a place only when read alone (``UK``), an organization alone or after ``the``
    (``CBS``), and else nothing (``HIV``, ``GDP``).

    >>> _model_label("Croydon"), _model_label("Radstock"), _model_label("Kenny Miler"), _model_label("CBS"), _model_label("HIV")
    ('PLACE', 'PLACE', 'PERSON', 'ORG', None)
    """
    if _acronym(run):
        label = _read(run)
        return label if label in ("ORG", "PLACE") else "ORG" if _read(f"the {run} said", 4) == "ORG" else None
    bare = _read(run)
    if bare == "PLACE":
        return bare
    framed = _read(f"in {run}", 3)
    if bare == "PERSON":
        return "PLACE" if framed == "PLACE" and " " not in run else "PERSON"
    return framed if framed in ("PLACE", "ORG") else None


def _read(text: str, offset: int = 0) -> str | None:
    """The label of the English model's longest span from ``offset`` of ``text``, or None."""
    from .ner_model import load_ner

    spans = [sp for sp in load_ner("en").predict(text) if sp[0] >= offset]
    return max(spans, key=lambda sp: sp[1] - sp[0])[2] if spans else None


def latin_candidates(text: str, window: int = 8) -> list[Candidate]:
    """Typed Latin runs of a simplified Chinese ``text``, as candidates.

    Only text holding Chinese is read: a paragraph of English inside a Chinese document is left
    to the English extractor.

    >>> s = "尽管 Alfredo Morelos 有一次进攻迫使 Kelly 出击扑救"
    >>> [(s[c.start:c.end], c.label) for c in latin_candidates(s)]
    [('Alfredo Morelos', 'PERSON'), ('Kelly', 'PERSON')]
    >>> s = "距离此次事故大约一英里处的Childers街发生了另外一起交通事故"
    >>> [(s[c.start:c.end], c.label) for c in latin_candidates(s)]
    [('Childers街', 'PLACE')]
    """
    out: list[Candidate] = []
    if HAN_RE.search(text) is None:
        return out
    titles = title_spans(text)
    for start, end in latin_runs(text):
        if in_title(titles, start, end):
            continue
        label = latin_label(text[start:end], text[max(0, start - window) : start], text[end : end + window])
        if label == "PLACE" and (street := _STREET_AFTER.match(text, end)):
            end = street.end()  # "Childers街" is Childers Street, not the word Childers
        elif label == "PERSON":
            start = after_ranks(text, start, end)  # "Prof Czeisler补充道": Czeisler
        if label:
            out.append(Candidate(start, end, label, LATIN_PRIORITY))
    return out


#: A street word right after a Latin name, which names the street with it (simplified).
_STREET_AFTER = re.compile(" ?(?:大街|大道|街|路)(?![道口上边旁线段面])")


_TITLE = re.compile(r"《[^《》\n]*》")
def title_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has titles in 《》, for :func:`in_title`."""
    return [m.span() for m in _TITLE.finditer(text)]


def in_title(titles: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one of ``titles``: the words of a title
    (``《AI Superpowers: China, Silicon Valley …》``) name no one.

    >>> t = "《AI Superpowers: China》由 Houghton Mifflin Harcourt 出版"
    >>> in_title(title_spans(t), 1, 15), in_title(title_spans(t), 25, 50)
    (True, False)
    """
    return any(s < start and end < e for s, e in titles)


_TITLE_WORD = re.compile(rf"[A-Z][{_L}]*[a-z]")


def has_latin_name(text: str) -> bool:
    """Whether ``text`` holds a capitalised Latin word with a lower-case letter (a name, not an acronym).

    >>> has_latin_name("掉 Kenny Miler"), has_latin_name("G20峰会")
    (True, False)
    """
    return _TITLE_WORD.search(text) is not None
