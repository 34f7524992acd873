"""Chinese entity extraction (simplified and traditional) as the spaCy component ``zh.kg_entities``.

Traditional text is converted to simplified with OpenCC for analysis (jieba tags it far better
and faster that way); spans are found on the converted text and, because the conversion is
kept character-for-character, they point at the same characters of the original.

Sources of candidates, strongest first: book/document titles in 《》 (WORK), names with an
initial or a foreign gloss (``L.米塞斯(Ludwig von Mises)``, PERSON), the policy lexicon (TERM),
organization chunks ending in an organization head (``…研究院``, ORG), names left in Latin
letters, typed from the Chinese around them (:mod:`.zh_latin`), and a CRF model trained on
UNER Chinese GSD (``extractors/models/zh_ner``, see :mod:`.ner_model`) for PERSON, ORG and
PLACE, whose spans are first cut back to what bounds a name (:mod:`.zh_spans`).

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("zh")
>>> _ = nlp.add_pipe("kg_entities")
>>> doc = nlp("奥地利经济学家L.米塞斯(Ludwig von Mises)批评了社会主义。")
>>> [(s.text, s.label_) for s in doc.spans["kg"]]
[('奥地利', 'PLACE'), ('L.米塞斯', 'PERSON'), ('Ludwig von Mises', 'PERSON'), ('社会主义', 'TERM')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from spacy.lang.zh import Chinese
from spacy.language import Language
from spacy.tokens import Doc

from .base import Candidate, EntityExtractor
from .cedict import organization_names
from .keywords import is_generic_zh_word
from .ner_model import load_ner
from .places import chinese_place_names
from .script import to_simplified
from .structure_roles import ORG_HEADS, is_org
from .zh_latin import gloss_label, head_kind, latin_candidates
from .zh_segment import Memo, default_segmenter, remember
from .zh_spans import clean_span, government_place, is_generic_body, split_party_and_state, with_founder

__all__ = ["ChineseEntityExtractor", "make_zh_entities"]

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TITLE = re.compile(r"《([^《》\n]{1,80})》")
_INITIALS = r"(?:[A-Z]\.\s?){1,3}"
#: Dots between the parts of a transliterated name.
NAME_DOTS = "·・•‧"
_GLOSS = re.compile(rf"({_INITIALS})?([{HAN}{NAME_DOTS}]{{2,24}})\s?[（(]\s?([A-Z][A-Za-z.'’\- ]{{1,60}}?)\s?[)）]")
_INITIAL_NAME = re.compile(rf"{_INITIALS}([{HAN}·]{{2,10}})")
_QUOTED = re.compile(rf"“([{HAN}]{{2,10}})”")
_HAN = re.compile(f"[{HAN}]")
_OTHER_DOTS = re.compile(f"(?<=[{HAN}])[・•‧](?=[{HAN}])")

_ORG_HEAD_RE = re.compile("(?:" + "|".join(ORG_HEADS) + ")$")
_ORG_HEAD_IN = re.compile("|".join(ORG_HEADS))
_CHUNK_TAGS = {"ns", "nt", "nz", "n", "vn", "nrt", "j"}
#: Chambers of legislatures, which jieba tags as common nouns: bodies that anchor the names of their
#: committees (参议院司法委员会, the Senate Judiciary Committee) as places and organizations do.
_CHAMBERS = frozenset("参议院 众议院 上议院 下议院 国会 议会 参院 众院 立法会 人大常委会".split())
#: The statistical model (extractors/models/zh_ner) ranks below structure, titles, glosses and the lexicon.
MODEL_PRIORITY = 2
#: A name of the place tables or CC-CEDICT's organizations only fills a gap: the model, the lexicon and
#: the patterns outrank it.
KNOWN_NAME_PRIORITY = 1
#: A known name is looked for as up to this many of jieba's words (布宜诺斯 | 艾利斯).
_KNOWN_NAME_WORDS = 3


#: jieba tags of the words of a body's name: nouns, names, abbreviations, verbal nouns (预防 in 灾害预防中心).
_BODY_WORD_TAGS = frozenset("n nt ns nz nr nrt j vn an ng".split())


#: How often jieba's dictionary counts a noun that, alone in quotes, is emphasis: 地位 11,660, 特性
#: 1,946, against 法治 529, 合法性 164, 后备军 90 (the quoted words of the seeds and ntrex_dev).
QUOTED_COMMON_COUNT = 1_000
#: What follows a word the text discusses as a word: 一词 ("the word"), or a gloss in brackets.
_DISCUSSED = re.compile(r"\s*(?:[(（]\s*[A-Za-z]|一词|一詞)")
#: Words of speech: personal pronouns and the particles that end a spoken sentence.
_SPEECH = frozenset("我 你 您 他 她 它 我们 你们 他们 她们 咱们 了 吗 呢 吧 啊 呀 嘛".split())


def is_formulation(text: str) -> bool:
    """Whether quoted Chinese ``text`` is a formulation worth a node (“权力清单”, “一放就乱”, “合法性”),
    not emphasis or speech: one word as common as the keyword stage's generic words (“管理”) or, a
    noun, counted :data:`QUOTED_COMMON_COUNT` times by jieba (“地位”), one verb, adjective or adverb
    (“联合”, “巨大”), or words of speech, a personal pronoun or a particle (“我也是”, “太可怕了”).
    (The extractor also keeps, in every quote of it, a word its text discusses as a word, one
    quote of which 一词 "the word" or a gloss in brackets follows: “灭绝”(Extermination)一词.)

    >>> [is_formulation(s) for s in ("权力清单", "一放就乱", "合法性", "管理", "地位", "联合", "巨大", "我也是", "太可怕了")]
    [True, True, True, False, False, False, False, False, False]
    """
    if is_generic_zh_word(text):
        return False
    segmenter = default_segmenter()
    words = segmenter.tagged(text)
    if len(words) == 1:
        tag = words[0][1]
        if tag[0] in "vad" and tag not in ("vn", "an"):
            return False
        return not (tag.startswith("n") and segmenter.freq.get(text, 0) >= QUOTED_COMMON_COUNT)
    return not any(word in _SPEECH for word, _ in words)


def _quoted_label(text: str) -> str:
    """TERM for a quoted formulation, ORG for a quoted body's name: nouns only, ending in an
    organization word (Chinese news quotes names: “参议院司法委员会”, “监狱办公室”). A centre is a
    body only as a research centre: “世界制造业中心” is a hub, a policy's aim.

    >>> _quoted_label("参议院司法委员会"), _quoted_label("监狱办公室"), _quoted_label("以服务为中心"), _quoted_label("世界制造业中心")
    ('ORG', 'ORG', 'TERM', 'TERM')
    """
    if not is_org(text) or text.endswith("中心") and not text.endswith("研究中心"):
        return "TERM"
    words = default_segmenter().tagged(text)
    return "ORG" if all(tag in _BODY_WORD_TAGS for _, tag in words) else "TERM"


def _quoted_candidates(s: str) -> list[Candidate]:
    """Quoted formulations and bodies' names (:func:`is_formulation`, :func:`_quoted_label`); a kind
    of body in quotes (“警察局”, :func:`~policykg.extractors.zh_spans.is_generic_body`) is none."""
    quoted = list(_QUOTED.finditer(s))
    # a word the text discusses as a word once is a formulation in every quote of it
    discussed = {m.group(1) for m in quoted if _DISCUSSED.match(s, m.end())}
    out = []
    for m in quoted:
        text = m.group(1)
        if text in discussed or is_formulation(text):
            label = _quoted_label(text)
            if label != "ORG" or not is_generic_body(text):
                out.append(Candidate(m.start(1), m.end(1), label, 1))
    return out


@lru_cache(maxsize=1)
def _transliteration_chars() -> frozenset[str]:
    """Characters used by many words that jieba's dictionary tags ``nrt`` (transliterated name)."""
    counts: Counter[str] = Counter()
    for word, tag in default_segmenter().word_tags.items():
        if tag == "nrt" and len(word) >= 2:
            counts.update(set(word))
    return frozenset(c for c, n in counts.items() if n >= 8)


def _is_transliterated(word: str) -> bool:
    translit = _transliteration_chars()
    return len(word) >= 2 and all(ch in translit or ch == "·" for ch in word)


def _name_before_gloss(han: str) -> int:
    """How many characters at the end of ``han`` name what a Latin gloss after it glosses: the
    last jieba word when it is a name or transliterated, with the transliterated words and
    name dots before it (``安德烈斯·曼努埃尔·洛佩斯·奥夫拉多尔``; before a dot, a name word or
    transliteration characters jieba cut apart, ``米夫|林·``); 0 when the last word is neither.

    >>> _name_before_gloss("该国当选总统安德烈斯·曼努埃尔·洛佩斯·奥夫拉多尔"), _name_before_gloss("周六在特拉特洛尔科")
    (19, 6)
    """
    words = default_segmenter().tagged(han)
    size = 0
    for i in range(len(words) - 1, -1, -1):
        word, tag = words[i]
        if word in NAME_DOTS and size and i > 0:
            size += 1
        elif _is_transliterated(word) or (
            (tag in ("nr", "nrt") or set(word) <= _transliteration_chars()) and (not size or han[len(han) - size] in NAME_DOTS)
        ):
            size += len(word)
        else:
            break
    while size and han[len(han) - size] in NAME_DOTS:
        size -= 1
    return size


def _parts(name: str) -> int:
    """How many parts a Chinese name's dots separate (``克里斯汀·布莱西·福特`` has 3)."""
    return len(re.split(f"[{NAME_DOTS}]", name))


def _head_before_gloss(han: str) -> int:
    """Like :func:`_name_before_gloss` for a transliterated name with an organization head or a
    place word after it (``霍顿·米夫林·哈考特出版社``, ``波波卡特佩特火山``).

    >>> _head_before_gloss("李开复的新书由霍顿·米夫林·哈考特出版社"), _head_before_gloss("国务院办公厅")
    (13, 0)
    """
    words = default_segmenter().tagged(han)
    if len(words) < 2 or head_kind(words[-1][0]) is None:
        return 0
    size = _name_before_gloss(han[: -len(words[-1][0])])
    return size + len(words[-1][0]) if size else 0


class ChineseEntityExtractor(EntityExtractor):
    """Finds PERSON, ORG, PLACE, WORK and TERM spans in simplified or traditional Chinese."""

    lang = "zh"

    def candidates(self, doc: Doc) -> list[Candidate]:
        plain = to_simplified(doc.text)
        # one middle dot for the model, which learnt names with "·" (亚当•斯密); offsets do not move
        simple = _OTHER_DOTS.sub("·", plain)
        memo: Memo = {}  # jieba's paths through simple's blocks, shared by every reader below
        cands: list[Candidate] = []
        ner = load_ner("zh").predict(simple, memo=memo)
        model = [Candidate(a, b, lab, MODEL_PRIORITY) for s, e, label in ner for a, b, lab in clean_span(simple, s, e, label)]
        cands += self._pattern_candidates(simple, {c.end: (c.start, c.label) for c in model})
        cands += self.lexicon_candidates(simple, "zh-Hans")
        cands += [piece for c in self._org_chunks(simple, memo) for piece in _two_bodies(simple, c)]
        cands += known_name_candidates(simple, memo)
        latin = latin_candidates(simple)
        ends = {c.end for c in [*cands, *model, *latin] if c.label != "TERM"}  # names a gloss may follow
        cands += [c for c in [*latin, *model] if not _glosses_no_name(simple, c.start, c.end, ends)]
        # for the document's statistical terms (keywords.py), which look the text up as ``plain``;
        # the memo holds the paths of Chinese blocks, which the dots only separate
        remember(plain, memo)
        return cands

    def _pattern_candidates(self, s: str, model_spans: dict[int, tuple[int, str]] | None = None) -> list[Candidate]:
        """Titles, glosses, names with initials and quoted terms; ``model_spans`` maps the end of
        each of the model's spans to its start and label, which type a gloss nothing else types
        and widen a glossed name jieba cut short.

        >>> s = "她诠释这个与特蕾莎·梅 (Theresa May) 相像的角色"
        >>> [s[c.start : c.end] for c in ChineseEntityExtractor._pattern_candidates(None, s, {11: (6, "PERSON")})]
        ['特蕾莎·梅', 'Theresa May']
        """
        out = [Candidate(m.start(1), m.end(1), "WORK", 5) for m in _TITLE.finditer(s)]
        for m in _GLOSS.finditer(s):
            initials, han = m.group(1), m.group(2)
            model_start, model_label = (model_spans or {}).get(m.end(2), (m.end(2), None))
            if initials:
                start = m.start(1)
            else:
                size = _name_before_gloss(han)
                if not size:
                    size = _head_before_gloss(han)
                if not size:
                    continue
                start = m.end(2) - size
                if m.start(2) <= model_start < start and _parts(s[model_start : m.end(2)]) <= len(m.group(3).split()):
                    start = model_start  # "与|特蕾|莎·梅": the model read the name whole, jieba did not
            label = "PERSON" if initials else gloss_label(m.group(3), s[m.end() : m.end() + 8], s[start : m.end(2)],
                                                          model_label)
            out.append(Candidate(start, m.end(2), label, 6))
            out.append(Candidate(m.start(3), m.end(3), label, 6))
        for m in _INITIAL_NAME.finditer(s):
            name, translit = m.group(1), _transliteration_chars()
            n = 0
            while n < len(name) and (name[n] in translit or name[n] == "·"):
                n += 1
            if n >= 2:
                out.append(Candidate(m.start(), m.start(1) + n, "PERSON", 5))
        return out + _quoted_candidates(s)

    def _org_chunks(self, s: str, memo: Memo | None = None) -> list[Candidate]:
        """Runs of nouns anchored on a place or organization and ending in an ORG head (jieba's tagged
        words); one word alone that names a kind of body (民间组织, :func:`.zh_spans.is_generic_body`) is none.

        >>> s = "湖南省衡阳市财政局监督检查局和北京大学"
        >>> [s[c.start : c.end] for c in ChineseEntityExtractor._org_chunks(None, s)]
        ['湖南省衡阳市财政局', '湖南省衡阳市财政局监督检查局', '北京大学']
        >>> s = "福特告诉参议院司法委员会"
        >>> [s[c.start : c.end] for c in ChineseEntityExtractor._org_chunks(None, s)]
        ['参议院司法委员会']
        """
        seg = default_segmenter()
        pieces = seg.pieces(s, memo)
        out: list[Candidate] = []
        pos = 0
        chunk_start: int | None = None
        for i, (piece, piece_tag) in enumerate(pieces):
            if piece_tag is None and not _needs_hmm(piece, pieces[i + 1][1] if i + 1 < len(pieces) else "x"):
                pos, chunk_start = pos + len(piece), None
                continue
            for word, tag in seg.detail(piece) if piece_tag is None else ((piece, piece_tag),):
                start, end = pos, pos + len(word)
                pos = end
                if (tag in ("ns", "nt") or word in _CHAMBERS) and chunk_start is None:
                    chunk_start = start
                elif tag not in _CHUNK_TAGS:
                    chunk_start = None
                    continue
                # a chunk of several words, or one word jieba already calls an organization
                if chunk_start is not None and (chunk_start < start or tag == "nt" and not is_generic_body(word)) \
                        and _ORG_HEAD_RE.search(word):
                    out.append(Candidate(with_founder(s, chunk_start), end, "ORG", 3))
        return out


def known_name_candidates(s: str, memo: Memo | None = None) -> list[Candidate]:
    """PLACE for each country, city or state of the shipped tables (CLDR, GeoNames, ISO 3166-2:
    :func:`~policykg.extractors.places.chinese_place_names`) and ORG for each organization of CC-CEDICT
    (:func:`~policykg.extractors.cedict.organization_names`) that ``s`` names as whole jieba words, at
    :data:`KNOWN_NAME_PRIORITY`: the country, the capital, the town or the airline the model left out
    (只有日本宣布, 李容浩在平壤表示, 南接衡阳, 分予国泰经营), not the 东京 of 东京湾.

    >>> s = "外交部长在平壤表示，东京湾很美，航线分予国泰经营"
    >>> [(s[c.start : c.end], c.label) for c in known_name_candidates(s)]
    [('平壤', 'PLACE'), ('国泰', 'ORG')]
    """
    places, organizations = chinese_place_names(), organization_names()
    words = default_segmenter().words(s, memo)
    starts = [0]
    for w in words:
        starts.append(starts[-1] + len(w))
    out = []
    for i in range(len(words)):
        for j in range(min(len(words), i + _KNOWN_NAME_WORDS), i, -1):
            name = s[starts[i] : starts[j]]
            label = "PLACE" if name in places else "ORG" if name in organizations else None
            if label:
                if not _ends_date(s, starts[i]):
                    out.append(Candidate(starts[i], starts[j], label, KNOWN_NAME_PRIORITY))
                break
    return out


def _ends_date(s: str, start: int) -> bool:
    """Whether the character at ``start`` is the 日, 月 or 年 of a date (``8月26日本赛季``: 26日 | 本赛季).

    >>> _ends_date("8月26日本赛季", 4), _ends_date("只有日本宣布", 2)
    (True, False)
    """
    return s[start] in "日月年" and start > 0 and (s[start - 1].isdigit() or s[start - 1] in "〇一二三四五六七八九十")


def _two_bodies(s: str, cand: Candidate) -> list[Candidate]:
    """An organization chunk that names a Party organ and a state body together, as the two
    (:func:`~policykg.extractors.zh_spans.split_party_and_state`); a place's government as the place
    (:func:`~policykg.extractors.zh_spans.government_place`); any other as it is.

    >>> [("党中央国务院"[c.start : c.end]) for c in _two_bodies("党中央国务院", Candidate(0, 6, "ORG", 3))]
    ['党中央', '国务院']
    """
    cut = split_party_and_state(s, cand.start, cand.end)
    if cut:
        return [replace(cand, end=cut), replace(cand, start=cut)]
    place_end = government_place(s, cand.start, cand.end)
    return [replace(cand, end=place_end, label="PLACE")] if place_end else [cand]


def _glosses_no_name(s: str, start: int, end: int, ends: set[int]) -> bool:
    """Whether ``s[start:end]`` is one Latin word in mixed case alone in brackets after Chinese that
    no other candidate ends on: the abbreviation of a phrase (``业务流程即服务（BPaaS）``), no name.

    >>> s = "发展业务流程即服务（BPaaS）和国际审判法院（ICJ）"
    >>> _glosses_no_name(s, 10, 15, set()), _glosses_no_name(s, 24, 27, set())
    (True, False)
    """
    before = s[:start].rstrip()
    if not before.endswith(("（", "(")) or not s[end:].lstrip().startswith(("）", ")")):
        return False
    word = s[start:end]
    if _HAN.search(word) is not None or " " in word or word.isupper():
        # a name of several words (Marks and Spencer) is a name whatever it glosses, and an
        # acronym (ICJ) may stand for a body the Chinese model missed; BPaaS, IoT stand for phrases
        return False
    bracket = len(before) - 1
    return bool(_HAN.match(s, bracket - 1)) and bracket not in ends


def _needs_hmm(run: str, next_tag: str | None) -> bool:
    """Whether jieba's HMM words for ``run`` (characters it does not know) can change the ORG chunks.

    They cannot when no ORG head lies inside ``run`` (no chunk ends there) and the next word is no
    noun (any chunk breaks there); then the HMM, the slowest part of tagging, is skipped.

    >>> _needs_hmm("碳边", "v"), _needs_hmm("碳边", "n"), _needs_hmm("某某局", "v")
    (False, True, True)
    """
    return next_tag is None or next_tag in _CHUNK_TAGS or _ORG_HEAD_IN.search(run) is not None


@Chinese.factory(
    "kg_entities",
    assigns=["doc.spans"],
    default_config={"spans_key": "kg", "lexicon_paths": []},
)
def make_zh_entities(nlp: Language, name: str, spans_key: str, lexicon_paths: Iterable[str]) -> ChineseEntityExtractor:
    """spaCy factory for ``spacy.blank("zh").add_pipe("kg_entities")``."""
    return ChineseEntityExtractor(nlp.vocab, name, spans_key=spans_key, lexicon_paths=lexicon_paths)
