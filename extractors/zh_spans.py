"""Repairs of the Chinese CRF model's spans: brackets, Latin names glued to Chinese, function words.

The model (:mod:`.ner_model`) reads characters, so its spans sometimes run over what bounds a
name. :func:`clean_span` gives the pieces of one span worth keeping:

- a bracket ends a name: ``丹尼尔·斯图里奇( Daniel Sturridge`` gives ``丹尼尔·斯图里奇`` and
  ``Daniel Sturridge``: the pieces between brackets are read alone;
- a piece in Latin letters other than one name (``Ayr 38 - 17 Melrose``) is dropped, and so is
  one holding a capitalised Latin word, or a spaced one, beside Chinese (``掉 Kenny Miler``,
  ``連 SNL 團隊``), all but the Chinese names before its Latin (``墨西哥 Punta Eugenia``):
  :mod:`.zh_latin` finds and types Latin names from the Chinese around them, which a model
  trained on Chinese cannot;
- a one-character function word or verb that opens or closes a name is left out (``叫坎耶·韦斯特``,
  ``卡瓦诺则``, ``特雷莎·梅于``), when jieba reads it as a word of its own;
- a title after a person's name, or a rank or kinship word before it, is no part of it
  (``布雷特·卡瓦诺法官``, ``米勒先生``, ``中校威廉·陆斯佛得``);
- a conjunction ends a name and a role opens one (``莫利纳利和汤米``, ``马其顿总统奥尔盖``), and
  a time word (``周六``) is none;
- a person's name ending in an administrative division (``伍斯特郡``) is a place, and so is one
  before a head-of-state role and a person's name (``马其顿总统奥尔盖·伊万诺夫``) and a world city
  (``多伦多``); an organization takes its founder before it (``国立清华大学``), a place a direction
  jieba reads alone before it (``参加|西|维吉尼亚``); a place ending in
  a party, a newspaper, a team or another body (``西弗吉尼亚州共和党``) is that organization;
- a role between an organization and a name in one organization span gives the person after it
  (``白宫新闻秘书佛莱谢`` → ``佛莱谢``);
- a number with its measure word (``6 场``, ``东南 45 英里``) is no name, and one before a name is
  no part of it (``2017 年 9 月墨西哥`` → ``墨西哥``);
- a place after a first-level division is a place of its own (``爱荷华州得梅因`` → ``爱荷华州``,
  ``得梅因``), and a country before a common noun is a place alone (``英国美容市场`` → ``英国``), a run
  of countries each country (``美国朝鲜``), a country before a person's name the two (``美国特朗普``);
- two dotted full names joined by a conjunction are two people (``迈克·李和奥林·哈奇``);
- a set phrase, an idiom, a pronoun or a particle ends a name (``朝鲜绝不会`` → ``朝鲜``), and so does a
  number in Chinese with its measure word (``东贝尔法斯特一家餐厅`` → ``东贝尔法斯特``); a verb that
  opens no name splits two names (``斯特林让曼城队`` → ``斯特林``, ``曼城队``), and so does a common word
  of CC-CEDICT between two names, which jieba may tag a noun (``台州市替代黄岩区``);
- a place's government is the place (``加拿大政府`` → ``加拿大``, :func:`government_place`);
- an organization of common words only is a kind of business and is dropped (``跨境电商``), and a
  Party organ written with a state body is the two (``党中央国务院`` → ``党中央``, ``国务院``);
- a person or place that is one word of CC-CEDICT naming nothing is dropped (``地球`` "the earth",
  ``大海`` "sea", ``旁门左道`` "heretical sect"; :func:`~policykg.extractors.cedict.common_words`), and
  so is such an organization (``警察局`` "police station"), unless a country has one body of its kind:
  in a story of British politics, 工党 ("labor party") is the Labour Party (:func:`is_generic_body`).

Offsets are into the simplified analysis text, which every function here reads (:func:`unglue_names`,
run on a document's own text, converts the characters it compares).

Examples
--------
>>> s = "观赛:利物浦队的丹尼尔·斯图里奇( Daniel Sturridge) 一脚远射"
>>> [s[a:b] for a, b, _ in clean_span(s, 8, s.index(")"), "PERSON")]
['丹尼尔·斯图里奇', 'Daniel Sturridge']
>>> s = "此前卡瓦诺则表示"
>>> [s[a:b] for a, b, _ in clean_span(s, 2, 6, "PERSON")]
['卡瓦诺']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cedict import common_words, words_with_common_senses
from .place_words import ZH_COMPASS
from .places import chinese_city_names, territory_names
from .script import to_simplified
from .segment import HAN, HAN_RE
from .structure_roles import ORG_HEADS, ROLE_WORDS, is_org
from .zh_latin import PERSON_TITLES, PLACE_ENDINGS, has_latin_name, in_title, latin_runs, title_spans
from .zh_segment import default_segmenter

__all__ = ["CLOSERS", "OPENERS", "clean_span", "government_place", "split_country", "split_divisions",
           "trim_function_words", "trim_title", "unglue_names", "with_direction", "with_founder"]

_BRACKETS = re.compile(r"[（）()《》「」【】\[\]“”\"]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]{2}")
#: jieba tags of one-character words that do not open a name: verbs, prepositions, conjunctions,
#: adverbs, pronouns, particles, morphemes.
_NOT_OPENING = frozenset("v p c d r u uj ul uz ug ud y e zg".split())
#: ... and that do not close one.
_NOT_CLOSING = frozenset("v p c d u uj ul uz ug ud y e zg".split())
_DIVISION_ENDS = ("州", "省")
#: Last words of bodies that no place name ends with: a place span ending in one is an organization.
_BODY_ENDS = ("党", "报", "队", "公司", "集团", "银行", "政府", "委员会", "协会", "大学", "学院", "电视台", "俱乐部",
              "议会", "法院", "警察局")
_ADMIN = "省州市县区镇乡村郡"
#: Who founded a school, a hospital or a museum, before its name: the nation, a province, a city, a county, private.
_FOUNDERS = ("国立", "省立", "市立", "县立", "私立")
_DIGIT = re.compile("[0-9０-９]")
_NUMBER_UNIT = re.compile(f"[0-9０-９][0-9０-９.,]*\\s?[{HAN}]?\\s?")
_URLISH = re.compile(r"[.@/:_\-]\w")
#: One-character words that open no name, and that close none (simplified).
OPENERS = frozenset("叫被把将让给向对和与跟同在从掉由中是称及或并")
CLOSERS = frozenset("则说后也都就还却又和的与等称曾在于将会被及并")
_TIME_CHARS = re.compile("[周星期礼拜日天月年今昨明早晚午夜]")
_CONJUNCTIONS = frozenset("和 与 及 同 跟".split())
#: Roles that stand between a place and a person's name (``美国总统特朗普``).
_ROLES = frozenset("总统 副总统 总理 首相 国王 女王 主席 外长 总督 州长 市长 部长 国务卿 大使".split())
#: Roles held in an organization, which stand between it and a person's name in a span the model
#: reads as one organization (``白宫新闻秘书佛莱谢``, ``联合国秘书长古特雷斯``).
_OFFICE_ROLES = frozenset(ROLE_WORDS) | {"发言人", "主教练", "教练", "新闻秘书", "首席执行官", "议长"}
_PERSON_TAGS = frozenset("nr nrt nrfg".split())
#: Roles held for a state, longest first: what stands before one is a state.
_STATE_ROLES = ("副总统", "国务卿", "总统", "总理", "首相", "国王", "女王", "总督", "外长")
_SPACED_SCRIPTS = re.compile(f"[A-Za-z]\\s+[{HAN}]|[{HAN}]\\s+[A-Za-z]")
_NAME_TAGS = frozenset("ns nr nrt nrfg nt nz".split())
#: Common nouns that name a part of a country (``中国大陆``).
_REGION_WORDS = frozenset("大陆 内地 本土 境内 全境 沿海 内陆 北部 南部 东部 西部 中部 边境 领土 领海 海域".split())
#: Ranks and titles of nobility.
_RANKS = frozenset("上将 中将 少将 上校 中校 少校 上尉 中尉 少尉 元帅 王子 公主 亲王 伯爵 公爵 侯爵 男爵 子爵".split())
#: Words that follow a person's name without being part of it: roles, ranks, forms of address, kin.
_TITLES = frozenset(ROLE_WORDS) | frozenset(PERSON_TITLES) | _ROLES | _RANKS | {
    "参议员", "众议员", "警长", "教练", "主教练", "兄弟", "姐妹", "夫妇"}
#: ... and before it: ranks, roles of state and kin (``中校威廉·陆斯佛得``, ``哥哥洛马纳·卢阿卢阿``).
_TITLES_BEFORE = _RANKS | _ROLES | frozenset("哥哥 弟弟 姐姐 妹妹 妻子 丈夫 儿子 女儿 父亲 母亲 祖父 祖母".split())


def trim_function_words(text: str, start: int, end: int, label: str = "PERSON") -> tuple[int, int]:
    """``(start, end)`` without a function word or verb of one character at either end: one of
    :data:`OPENERS` or :data:`CLOSERS` that jieba reads as a word of its own there (names begin
    with ``向`` and end with ``站`` often enough for a wider rule to cost more than it gains).

    >>> s = "他叫坎耶·韦斯特的人"
    >>> a, b = trim_function_words(s, 1, 8); s[a:b]
    '坎耶·韦斯特'
    >>> s = "周成建"
    >>> a, b = trim_function_words(s, 0, 3); s[a:b]
    '周成建'
    """
    words = default_segmenter().tagged(text[start:end])
    opening = _NOT_OPENING | {"f"} if label == "PERSON" else _NOT_OPENING
    first = words[0] if words else ("", "")
    if len(words) >= 2 and first[0] in OPENERS and first[1] in opening and end - start - 1 >= 2:
        start, words = start + 1, words[1:]
    closing = _NOT_CLOSING | {"f"} if label == "PERSON" else _NOT_CLOSING
    last = words[-1] if words else ("", "")
    if len(words) >= 2 and last[0] in CLOSERS and last[1] in closing and end - start - 1 >= 2:
        end -= 1
    return start, _trim_after_dot(text, start, end, closing)


def _trim_after_dot(text: str, start: int, end: int, closing: frozenset[str]) -> int:
    """The end of a transliterated name (``特雷莎·梅于周二``) before a function word inside its last
    part, when jieba reads that word as one of its own in the text that follows it (``于 / 周二``);
    jieba's words inside the span join it to the name (``梅于``).

    >>> s = "特雷莎·梅于周二表示"
    >>> s[: _trim_after_dot(s, 0, 7, _NOT_CLOSING)]
    '特雷莎·梅'
    """
    dot = text.rfind("·", start, end)
    if dot < 0:
        return end
    for i in range(dot + 2, end):
        if text[i] in CLOSERS:
            word, tag = default_segmenter().tagged(text[i : i + 6])[0]
            if word == text[i] and tag in closing:
                return i
    return end


#: One-character words that jieba may read into a name (中坎耶, 蓬佩奥正, 为川普, 某工党, 哈灵顿因), simplified.
_GLUED_OPENERS = OPENERS | frozenset("为但比而对某")
_GLUED_CLOSERS = CLOSERS | frozenset("正家因")


def unglue_names(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` of one document, each without a function character at its start or end when the
    document names it without that character elsewhere (``中坎耶·韦斯特`` where ``坎耶·韦斯特`` is a
    mention too): the model read the character into the name in one sentence only.

    >>> s = "在《周六夜现场》中坎耶·韦斯特完成表演。坎耶·韦斯特说，他为川普投票。川普说。"
    >>> [s[a:b] for a, b in unglue_names(s, [(8, 15), (20, 26), (29, 32), (35, 37)])]
    ['坎耶·韦斯特', '坎耶·韦斯特', '川普', '川普']
    """
    names = {text[a:b] for a, b in spans}
    out = []
    for a, b in spans:
        name = text[a:b]
        if len(name) >= 3 and HAN_RE.match(name) and to_simplified(name[0]) in _GLUED_OPENERS and name[1:] in names:
            a += 1
        elif len(name) >= 3 and HAN_RE.match(name[-1]) and to_simplified(name[-1]) in _GLUED_CLOSERS and name[:-1] in names:
            b -= 1
        out.append((a, b))
    return out


def trim_title(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of a person's name ``text[start:end]`` without a title after it or before
    it (a role, a rank, a title of nobility, a form of address or a kinship word that jieba reads
    as a word of its own), when two characters or more stay.

    >>> s = "布雷特·卡瓦诺法官的提名"
    >>> s[slice(*trim_title(s, 0, 9))]
    '布雷特·卡瓦诺'
    >>> s = "由中校威廉·陆斯佛得指挥"
    >>> s[slice(*trim_title(s, 1, 10))]
    '威廉·陆斯佛得'
    >>> s = "王教授"
    >>> s[slice(*trim_title(s, 0, 3))]
    '王教授'
    """
    words = default_segmenter().tagged(text[start:end])
    if len(words) >= 2 and words[-1][0] in _TITLES and end - len(words[-1][0]) - start >= 2:
        end -= len(words[-1][0])
        words = words[:-1]
    if len(words) >= 2 and words[0][0] in _TITLES_BEFORE and end - start - len(words[0][0]) >= 2:
        start += len(words[0][0])
    return start, end


def split_country(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """A place span that opens with a country (CLDR) and ends in a common noun that is no part of
    a place name, or in a word CC-CEDICT gives a common meaning whatever jieba tags it (``法西斯``
    "fascism", ``ns``), cut to the country (``英国美容市场``, ``美国奥赛罗棋``, ``奥地利法西斯`` → ``英国``,
    ``美国``, ``奥地利``); other
    spans stay whole (``美国西海岸``, ``中国大陆``, ``日本东京``). A span of countries only is each of them
    (``美国朝鲜`` → ``美国``, ``朝鲜``), and a country before a person's name is the country and the
    person (``美国特朗普``: "America's Trump"). Returns ``(start, end, label)``.

    >>> [[s[a:b] for a, b, _ in split_country(s, 0, len(s))] for s in ("英国美容市场", "美国西海岸", "中国大陆", "美国朝鲜")]
    [['英国'], ['美国西海岸'], ['中国大陆'], ['美国', '朝鲜']]
    >>> [(s[a:b], lab) for s in ("美国特朗普", "日本东京", "德国辛斯海姆") for a, b, lab in split_country(s, 0, len(s))]
    [('美国', 'PLACE'), ('特朗普', 'PERSON'), ('日本东京', 'PLACE'), ('德国辛斯海姆', 'PLACE')]
    """
    words = default_segmenter().tagged(text[start:end])
    if len(words) < 2 or words[0][0] not in territory_names("zh-Hans"):
        return [(start, end, "PLACE")]
    if all(word in territory_names("zh-Hans") for word, _ in words):
        offsets = [start + sum(len(w) for w, _ in words[:i]) for i in range(len(words) + 1)]
        return [(a, b, "PLACE") for a, b in zip(offsets, offsets[1:])]
    country = start + len(words[0][0])
    if _person_name(text, country, end):
        return [(start, country, "PLACE"), (country, end, "PERSON")]
    last, tag = words[-1]
    if (tag in ("n", "vn") or last in words_with_common_senses()) and last not in _REGION_WORDS \
            and not last.endswith(PLACE_ENDINGS) and not last.endswith(ORG_HEADS):
        return [(start, country, "PLACE")]
    return [(start, end, "PLACE")]


def _person_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one word of jieba's dictionary that it tags a person's name
    (``nr``: ``特朗普``, ``金正恩``), and no city CLDR names. Transliterations (``nrt``) and unknown
    words are left alone: jieba reads as many cities so (``曼彻斯特``, ``辛斯海姆``).

    >>> [_person_name(s, 0, len(s)) for s in ("特朗普", "曼彻斯特", "辛斯海姆", "伦敦")]
    [True, False, False, False]
    """
    name = text[start:end]
    words = default_segmenter().tagged(name)
    return len(name) >= 2 and words == [(name, "nr")] and name not in chinese_city_names()


def split_divisions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A place span cut after a state or province word that a place of another kind follows: a
    transliterated name or one word jieba calls a place, without an administrative suffix
    (``愛荷華州得梅因``, ``密蘇里州堪城``, not ``亚利桑那州图森市``).

    >>> s = "在密苏里州堪城"
    >>> [s[a:b] for a, b in split_divisions(s, 1, 7)]
    ['密苏里州', '堪城']
    >>> [s[a:b] for s in ["亚利桑那州图森市", "广州"] for a, b in split_divisions(s, 0, len(s))]
    ['亚利桑那州图森市', '广州']
    """
    from .zh import _is_transliterated  # zh imports this module

    words = default_segmenter().tagged(text[start:end])
    pos = start
    for i, (word, tag) in enumerate(words[:-1]):
        pos += len(word)
        rest = words[i + 1 :]
        if tag == "ns" and len(word) >= 3 and word.endswith(_DIVISION_ENDS) and end - pos >= 2:
            if _is_transliterated(text[pos:end]) or (len(rest) == 1 and rest[0][1] == "ns" and not text[end - 1] in _ADMIN):
                return [(start, pos), (pos, end)]
            break
    return [(start, end)]


def clean_span(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """The pieces of the model's span ``text[start:end]`` worth keeping, as ``(start, end, label)``.

    >>> s = "它位于墨西哥 Punta Eugenia 西南"
    >>> [s[a:b] for a, b, _ in clean_span(s, 3, 20, "PLACE")]
    ['墨西哥']
    >>> s = "Kelly 英勇趕往阻攔"
    >>> clean_span(s, 0, 8, "PERSON")
    []
    >>> s = "2017 年 9 月墨西哥发生地震"
    >>> [s[a:b] for a, b, _ in clean_span(s, 0, 13, "PLACE")]
    ['墨西哥']
    """
    out: list[tuple[int, int, str]] = []
    pos = start
    for piece in [*_BRACKETS.finditer(text, start, end), None]:
        stop = piece.start() if piece is not None else end
        out += _clean_piece(text, pos, stop, label)
        pos = piece.end() if piece is not None else end
    return out


def _clean_piece(text: str, s: int, e: int, label: str) -> list[tuple[int, int, str]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e - s < 2:
        return []
    if HAN_RE.search(text, s, e) is None:
        # a whole Latin name stays, for when :mod:`.zh_latin` finds nothing to type it by
        whole = list(latin_runs(text[s:e])) == [(0, e - s)] and not _URLISH.match(text, e) \
            and not in_title(title_spans(text), s, e)
        return [(s, e, label)] if whole or not _LATIN.search(text, s, e) else []
    if _DIGIT.search(text, s, e):
        # a date or distance before a name (``2017 年 9 月墨西哥``): the name after it, if any
        count = list(_NUMBER_UNIT.finditer(text, s, e))[-1]
        return [(count.end(), e, label)] if _names_only(text[count.end() : e]) else []
    if has_latin_name(text[s:e]) or _SPACED_SCRIPTS.search(text, s, e):
        # a name in Chinese beside a Latin one (``墨西哥 Punta Eugenia``) stays; other words go
        return [(a, b, label) for a, b in _han_names(text, s, e)]
    s, e = trim_function_words(text, s, e, label)
    if label == "PERSON":
        s, e = trim_title(text, s, e)
    out: list[tuple[int, int, str]] = []
    for a, b, lab in (piece for p, q in _split_dotted_pair(text, s, e) for piece in _split_words(text, p, q, label)):
        if lab == "PLACE" and b - a >= 3 and text[a:b].endswith(_BODY_ENDS):
            lab = "ORG"  # a body named after its place (西弗吉尼亚州共和党, 西弗吉尼亚地铁新闻报)
        elif lab == "PERSON" and b - a >= 3 and text[b - 1] in _ADMIN:
            lab = "PLACE"  # no name of a person ends in an administrative division (伍斯特郡)
        elif lab == "PERSON" and _state_role_then_name(text, b):
            lab = "PLACE"  # 马其顿总统奥尔盖·伊万诺夫: the state of a head of state
        elif lab == "PERSON" and text[a:b] in chinese_city_names():
            lab = "PLACE"  # a world city read as a transliterated name (多伦多, 努克)
        if lab == "ORG":
            a = with_founder(text, a)
        elif lab == "PLACE":
            a = with_direction(text, a, b)
        if lab == "ORG" and (place_end := government_place(text, a, b)):
            out.append((a, place_end, "PLACE"))
            continue
        if lab == "ORG" and is_generic_body(text[a:b]) or lab != "ORG" and text[a:b] in common_words():
            continue  # a kind of business or body (跨境电商, 警察局), or a dictionary word that names nothing (地球)
        if lab == "ORG" and (cut := split_party_and_state(text, a, b)):
            out += [(a, cut, "ORG"), (cut, b, "ORG")]
            continue
        out += [piece for p, q in split_divisions(text, a, b) for piece in split_country(text, p, q)] \
            if lab == "PLACE" else [(a, b, lab)]
    return out


def with_direction(text: str, start: int, end: int) -> int:
    """Where a place's name starting at ``start`` starts with a direction before it that jieba
    reads as a word of its own (``参加|西|维吉尼亚`` → ``西维吉尼亚``, West Virginia; ``南|苏丹``).

    >>> s = "川普参加西维吉尼亚的集会"
    >>> s[with_direction(s, 5, 9) : 9]
    '西维吉尼亚'
    >>> s = "中国西部维吉尼亚"
    >>> s[with_direction(s, 4, 8) : 8]
    '维吉尼亚'
    """
    if start < 1 or text[start - 1] not in ZH_COMPASS:
        return start
    window = max(start - 4, 0)
    pos = window
    for word in default_segmenter().words(text[window:end]):
        if pos == start - 1:
            return start - 1 if len(word) == 1 else start
        pos += len(word)
    return start


def with_founder(text: str, start: int) -> int:
    """Where an organization's name starting at ``start`` starts with its founder before it: who
    founded a school, a hospital or a museum is part of its name (``国立清华大学``, ``私立辅仁大学``).

    >>> s = "毕业于国立清华大学"
    >>> s[with_founder(s, 5):], s[with_founder(s, 3):]
    ('国立清华大学', '国立清华大学')
    """
    return start - 2 if text[max(start - 2, 0) : start] in _FOUNDERS else start


def split_party_and_state(text: str, start: int, end: int) -> int | None:
    """Where an organization span that names a party committee and a state body together splits
    (``中共中央国务院``, ``党中央国务院``, ``湖北省委省政府``: "the Party Central Committee and the
    State Council", the usual pair of Chinese policy texts), or ``None``. The first part ends in
    中央 or 委, the second is 国务院 or a government (…政府); each has three characters or more,
    so ``党委政府`` stays whole and ``国务院办公厅`` (a body and its office) is no pair.

    >>> [(s, split_party_and_state(s, 0, len(s))) for s in ("中共中央国务院", "湖北省委省政府", "国务院办公厅", "党委政府")]
    [('中共中央国务院', 4), ('湖北省委省政府', 4), ('国务院办公厅', None), ('党委政府', None)]
    """
    span = text[start:end]
    for cut in range(3, len(span) - 2):
        left, right = span[:cut], span[cut:]
        if left.endswith(("中央", "委")) and (right == "国务院" or right.endswith("政府") and len(right) <= 5):
            return start + cut
    return None


def government_place(text: str, start: int, end: int) -> int | None:
    """Where the place ends in an organization span that is a place's government (``加拿大政府``,
    ``河北省政府``, ``南京政府``), or ``None``: a government named by its place stands for the place,
    as "the Canadian government" does in English and ``chính phủ Canada`` in Vietnamese, where
    the place is the name. Governments named otherwise stay (``南京国民政府``, ``工党政府``, ``省政府``).

    >>> [(s, government_place(s, 0, len(s))) for s in ("加拿大政府", "河北省政府", "南京国民政府", "工党政府", "省政府")]
    [('加拿大政府', 3), ('河北省政府', 3), ('南京国民政府', None), ('工党政府', None), ('省政府', None)]
    """
    place = text[start : end - 2]
    if not text.endswith("政府", start, end) or len(place) < 2:
        return None
    if place in territory_names("zh-Hans") or place in chinese_city_names() or _one_word_kind(place) == "PLACE":
        return end - 2
    return None


#: Last words of organizations beside :data:`ORG_HEADS`: parties, societies, agencies, troupes,
#: alliances, offices, armies and teams (工党, 世界展望会, 红军, 国家代表队).
_MORE_HEADS = ("党", "会", "社", "团", "盟", "室", "台", "军", "队")


#: Heads of a body a country has one of, so that its common name, in a text, names that one: the
#: party (工党 the Labour Party), the court (最高法院), the legislative chamber (参议院, 国会), the cabinet.
_ONE_PER_STATE = ("党", "法院", "议院", "议会", "国会", "内阁")


def is_generic_body(text: str) -> bool:
    """Whether an organization span names a kind of body, not one body: a phrase of common words
    (:func:`is_common_phrase`), or one word of CC-CEDICT none of whose entries names anything
    (``警察局`` "police station", ``利益集团`` "interest group", ``联合会`` "federation"); but not
    when a country has one body of its kind (``工党`` "labor party" is, in a story of British
    politics, the Labour Party; ``参议院`` "senate" in an American one the US Senate).

    >>> [is_generic_body(s) for s in ("警察局", "利益集团", "跨境电商", "工党", "最高法院", "参议院", "国务院")]
    [True, True, True, False, False, False, False]
    """
    if text.endswith(_ONE_PER_STATE):
        return False
    return text in common_words() or is_common_phrase(text)


def is_common_phrase(text: str) -> bool:
    """Whether an organization span is a phrase of common words: no name in it (no word jieba
    tags as a name or an abbreviation, no Latin letter or digit) and no organization word at its
    end (跨境电商, 移动电商: kinds of business, not bodies; 国务院, 外交部, 工党, 红军 end in one).

    >>> [is_common_phrase(s) for s in ("跨境电商", "移动电商", "国务院", "外交部", "工党", "红军", "中国科学院")]
    [True, True, False, False, False, False, False]
    """
    if _LATIN.search(text) or _DIGIT.search(text) or text.endswith(ORG_HEADS + _MORE_HEADS):
        return False
    return not any(tag in _NAME_TAGS or tag == "j" for _, tag in default_segmenter().tagged(text))


_TWO_DOTTED_NAMES = re.compile(f"[{HAN}]+·[{HAN}]+?([和与及])[{HAN}]{{2,}}·[{HAN}]+")


def _split_dotted_pair(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Two transliterated full names joined by a conjunction inside one span (``迈克·李和奥林·哈奇``,
    where jieba reads 李和 as a name), as two spans; any other span as it is.

    >>> s = "迈克·李和奥林·哈奇"
    >>> [s[a:b] for a, b in _split_dotted_pair(s, 0, len(s))]
    ['迈克·李', '奥林·哈奇']
    """
    m = _TWO_DOTTED_NAMES.fullmatch(text, start, end)
    return [(start, m.start(1)), (m.end(1), end)] if m else [(start, end)]


def _split_words(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A span cut at a conjunction (``莫利纳利和汤米``) and after a role (``马其顿总统奥尔盖``: the
    person after it, and a place before it when jieba reads that as one); a time word alone
    (``周六``) is no name.

    >>> s = "美国总统特朗普和弗兰西斯科在周六"
    >>> [(s[a:b], lab) for a, b, lab in _split_words(s, 0, 13, "PLACE")], _split_words(s, 14, 16, "PERSON")
    ([('美国', 'PLACE'), ('特朗普', 'PERSON'), ('弗兰西斯科', 'PLACE')], [])
    """
    words = default_segmenter().tagged(text[start:end])
    if all(tag == "t" for _, tag in words) and _TIME_CHARS.search(text, start, end):
        return []  # 周六, not the era 顺治
    out: list[tuple[int, int, str]] = []
    pos, part, lab = start, start, label
    body = label == "ORG" and text[start:end].endswith(ORG_HEADS + _MORE_HEADS + _BODY_ENDS)
    for i, (word, tag) in enumerate(words):
        if word in _CONJUNCTIONS and tag in ("c", "p") and 0 < i < len(words) - 1:
            out += [(part, pos, lab)] if pos - part >= 2 else []
            part, lab = pos + len(word), label
        elif 0 < i < len(words) - 1 and tag in ("v", "vn", "n") and len(word) >= 2 and word in common_words() \
                and _names_only(text[part:pos]) and _names_only(text[pos + len(word) : end]):
            # a common word between two names, a verb that jieba may tag a noun (台州市|替代|黄岩区): two names
            out += [(part, pos, _piece_label(text, part, pos, lab))]
            return out + [(pos + len(word), end, _piece_label(text, pos + len(word), end, label))]
        elif i > 0 and _breaks_name(word, tag, last=i == len(words) - 1):
            after = _after_break(text, pos + len(word), end, label)
            if len(word) == 1 and not (after and _names_only(text[part:pos])) or tag in ("m", "mq") and body:
                # a verb breaks a span of two names only (斯特林|让|曼城队, not 南调|是|台铁…), and a
                # number no body's name (国安二队, a team of its own)
                pos += len(word)
                continue
            return out + ([(part, pos, _piece_label(text, part, pos, lab))] if pos - part >= 2 else []) + after
        elif (word in _ROLES or label == "ORG" and word in _OFFICE_ROLES and _name_words(words[i + 1 :])) \
                and 0 < i < len(words) - 1:
            kind = _one_word_kind(text[part:pos]) or ("ORG" if is_org(text[part:pos]) else None)
            out += [(part, pos, kind)] if kind else []
            part, lab = pos + len(word), "PERSON"
        pos += len(word)
    out += [(part, end, lab)] if end - part >= 2 else []
    return out


#: jieba tags of words of two characters or more that no name holds: set phrases, pronouns,
#: prepositions, particles, modal words (``朝鲜绝不会``). Not adverbs: jieba tags 特别 so (特别行政区).
_PHRASE_TAGS = frozenset("l r p y u uj ul uz ug ud".split())
_NUMERALS = "一二三四五六七八九十两几数百千万"


def _breaks_name(word: str, tag: str, last: bool) -> bool:
    """Whether a word after the first of a span ends the name before it: a set phrase, an idiom,
    a pronoun or a particle (``朝鲜|绝不会``), a number in Chinese with its measure word
    (``东贝尔法斯特|一家|餐厅``), or a verb of one character that opens no name (``斯特林|让|曼城队``;
    :func:`_split_words` breaks there only between two names).

    >>> _breaks_name("绝不会", "l", True), _breaks_name("一家", "m", False), _breaks_name("让", "v", False)
    (True, True, True)
    >>> _breaks_name("筹备", "v", False), _breaks_name("让", "v", True), _breaks_name("部", "n", True)
    (False, False, False)
    """
    if len(word) < 2:
        # one character: names hold many (托马斯·比约恩, 哈克特); only a verb that opens no name breaks one
        return tag == "v" and word in OPENERS and not last
    if tag == "i":
        return len(word) == 4  # an idiom has four characters; jieba tags some names so (得梅因, 琪琪)
    if tag in ("m", "mq"):  # a number and its measure word (一家, 两名), not a number alone (九三五)
        return word[0] in _NUMERALS and word[-1] not in _NUMERALS and not word.endswith(("届", "号", "期"))
    return tag in _PHRASE_TAGS


def _after_break(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """What follows a word that breaks a name (:func:`_breaks_name`): a name again if jieba reads
    it as names only, or as a name with an organization word after it, else nothing (``餐厅``)."""
    rest = text[start:end]
    if len(rest) < 2:
        return []
    if _names_only(rest) or (rest.endswith(_BODY_ENDS) and _one_word_kind(rest) == "ORG"):
        return [(start, end, _piece_label(text, start, end, label))]
    return []


def _piece_label(text: str, start: int, end: int, label: str) -> str:
    """The type of one piece of a span a word broke: what jieba calls it when it is one word of a
    place, an organization or a person, else the span's."""
    kind = _one_word_kind(text[start:end])
    if kind:
        return kind
    words = default_segmenter().tagged(text[start:end])
    return "PERSON" if words and all(tag in _PERSON_TAGS for _, tag in words) and label != "PLACE" else label


def _name_words(words: Sequence[tuple[str, str]]) -> bool:
    """Whether jieba's ``words`` read as a person's name: the last a name (``nr``), the others names
    or single characters (``古|特雷斯``).

    >>> seg = default_segmenter().tagged
    >>> _name_words(seg("佛莱谢")), _name_words(seg("古特雷斯")), _name_words(seg("办公室"))
    (True, True, False)
    """
    return bool(words) and words[-1][1] in _PERSON_TAGS \
        and all(tag in _NAME_TAGS or len(word) == 1 for word, tag in words)


def _state_role_then_name(text: str, end: int) -> bool:
    """Whether a head-of-state or government role follows ``end``, and a person's name follows the
    role (``马其顿总统奥尔盖·伊万诺夫``): what stands before such a role is a state, not a person.
    ``特朗普总统表示`` is a person with his title after him.

    >>> s = "马其顿总统奥尔盖·伊万诺夫反对"
    >>> _state_role_then_name(s, 3), _state_role_then_name("特朗普总统表示", 3)
    (True, False)
    """
    role = next((r for r in _STATE_ROLES if text.startswith(r, end)), None)
    if role is None:
        return False
    after = end + len(role)
    words = default_segmenter().tagged(text[after : after + 12])
    return bool(words) and (words[0][1] in ("nr", "nrt", "nrfg") or "·" in text[after : after + 8])


def _han_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of Chinese before the first Latin letter of ``text[start:end]``, set apart by spaces,
    that jieba reads as names only."""
    out = []
    latin = _LATIN.search(text, start, end)
    for m in re.finditer(f"[{HAN}·]{{2,}}", text[start : latin.start() if latin else end]):
        if m.start() and not text[start + m.start() - 1].isspace() or m.end() < end - start and not text[start + m.end()].isspace():
            continue
        if _names_only(m.group()):
            out.append((start + m.start(), start + m.end()))
    return out


def _one_word_kind(text: str) -> str | None:
    """PLACE or ORG when ``text`` is one word jieba calls a place (``ns``) or an organization (``nt``).

    >>> _one_word_kind("美国"), _one_word_kind("共和党"), _one_word_kind("新书")
    ('PLACE', 'ORG', None)
    """
    words = default_segmenter().tagged(text) if len(text) >= 2 else []
    return {"ns": "PLACE", "nt": "ORG"}.get(words[0][1]) if len(words) == 1 else None


def _names_only(text: str) -> bool:
    """Whether ``text`` has two characters or more and every jieba word of it is a name."""
    return len(text) >= 2 and all(tag in _NAME_TAGS for _, tag in default_segmenter().tagged(text))
