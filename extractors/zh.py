"""Chinese entity extraction (simplified and traditional) as the spaCy component ``zh.kg_entities``.

Traditional text is converted to simplified with OpenCC for analysis (jieba tags it far better
and faster that way); spans are found on the converted text and, because the conversion is
kept character-for-character, they point at the same characters of the original.

Sources of candidates, strongest first: book/document titles in 《》 (WORK), names with an
initial or a foreign gloss (``L.米塞斯(Ludwig von Mises)``, PERSON), the policy lexicon (TERM),
organization chunks ending in an organization head (``…研究院``, ORG), and jieba's
part-of-speech tags (nr/nrt PERSON, ns PLACE, nt ORG) filtered by what jieba's own dictionary
says surnames and transliterated names look like.

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
from functools import lru_cache
from pathlib import Path

from spacy.lang.zh import Chinese
from spacy.language import Language
from spacy.tokens import Doc

from .base import Candidate, EntityExtractor
from .script import to_simplified

__all__ = ["ChineseEntityExtractor", "make_zh_entities"]

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TITLE = re.compile(r"《([^《》\n]{1,80})》")
_INITIALS = r"(?:[A-Z]\.\s?){1,3}"
_GLOSS = re.compile(rf"({_INITIALS})?([{HAN}·・]{{2,12}})\s?[（(]([A-Z][A-Za-z.'’\- ]{{1,60}}?)[)）]")
_INITIAL_NAME = re.compile(rf"{_INITIALS}([{HAN}·]{{2,10}})")
_QUOTED = re.compile(rf"“([{HAN}]{{2,10}})”")

#: Last characters of organization names; a chunk of nouns ending in one of these is an ORG.
ORG_HEADS = (
    "委员会", "办公厅", "办公室", "研究院", "研究所", "研究中心", "研究室", "大学", "学院", "党校", "中心",
    "公司", "集团", "银行", "协会", "学会", "联合会", "基金会", "理事会", "出版社", "报社", "日报", "组织",
    "政府", "法院", "检察院", "科学院", "工程院", "国务院", "人大", "政协", "部", "局", "厅", "署", "委",
)
_ORG_HEAD_RE = re.compile("(?:" + "|".join(ORG_HEADS) + ")$")
_CHUNK_TAGS = {"ns", "nt", "nz", "n", "vn", "nrt", "j"}
_NOT_NAME_ENDINGS = ("主义", "性", "化", "者", "生", "书", "问", "于", "间", "序", "全", "论", "学", "制")


@lru_cache(maxsize=1)
def _jieba():
    try:
        import jieba
        import jieba.posseg
    except ImportError:  # pragma: no cover - jieba is a core dependency
        raise ImportError("jieba is required for Chinese: pip install 'jieba>=0.42.1'") from None
    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=1)
def _name_chars() -> tuple[frozenset[str], frozenset[str], dict[str, int]]:
    """Surname characters, transliteration characters and word frequencies from jieba's dictionary.

    Surnames are the first characters of three-character words tagged ``nr`` (personal name);
    transliteration characters are those used by many words tagged ``nrt`` (transliterated name).
    """
    jieba = _jieba()
    first: Counter[str] = Counter()
    translit: Counter[str] = Counter()
    freq: dict[str, int] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            word, count, tag = line.split()
            freq[word] = int(count)
            if tag == "nr" and len(word) == 3:
                first[word[0]] += 1
            elif tag == "nrt" and len(word) >= 2:
                translit.update(set(word))
    surnames = frozenset(c for c, n in first.items() if n >= 15)
    translit_chars = frozenset(c for c, n in translit.items() if n >= 8)
    return surnames, translit_chars, freq


def _is_transliterated(word: str) -> bool:
    _, translit, _ = _name_chars()
    return len(word) >= 2 and all(ch in translit or ch == "·" for ch in word)


def _looks_like_person(word: str, tag: str) -> bool:
    """Filter jieba's nr/nrt tags, which also fire on common words such as 文明 or 顾问."""
    surnames, _, freq = _name_chars()
    if not 2 <= len(word) <= 8 or word.endswith(_NOT_NAME_ENDINGS):
        return False
    if _is_transliterated(word):
        return True
    if tag == "nrt" and len(word) >= 3:
        return True
    if len(word) > 4 or word[0] not in surnames:
        return False
    # A two- or three-character word that jieba's dictionary knows is usually a common word;
    # names of living people are mostly found by jieba's HMM, outside the dictionary.
    return word not in freq or (len(word) == 3 and freq[word] >= 50)


class ChineseEntityExtractor(EntityExtractor):
    """Finds PERSON, ORG, PLACE, WORK and TERM spans in simplified or traditional Chinese."""

    lang = "zh"

    def candidates(self, doc: Doc) -> list[Candidate]:
        simple = to_simplified(doc.text)
        cands: list[Candidate] = []
        cands += self._pattern_candidates(simple)
        cands += self.lexicon_candidates(simple, "zh-Hans")
        cands += self._token_candidates(simple)
        return cands

    def _pattern_candidates(self, s: str) -> list[Candidate]:
        out = [Candidate(m.start(1), m.end(1), "WORK", 5) for m in _TITLE.finditer(s)]
        for m in _GLOSS.finditer(s):
            initials, han, latin = m.group(1), m.group(2), m.group(3)
            if initials:
                start = m.start(1)
            else:
                # Without an initial, the name is the last jieba word before the gloss.
                words = list(_jieba().posseg.cut(han))
                last = words[-1] if words else None
                if last is None or not (_is_transliterated(last.word) or last.flag in ("nr", "nrt")):
                    continue
                start = m.end(2) - len(last.word)
            out.append(Candidate(start, m.end(2), "PERSON", 6))
            out.append(Candidate(m.start(3), m.end(3), "PERSON", 6))
        for m in _INITIAL_NAME.finditer(s):
            name, translit = m.group(1), _name_chars()[1]
            n = 0
            while n < len(name) and (name[n] in translit or name[n] == "·"):
                n += 1
            if n >= 2:
                out.append(Candidate(m.start(), m.start(1) + n, "PERSON", 5))
        out += [Candidate(m.start(1), m.end(1), "TERM", 1) for m in _QUOTED.finditer(s)]
        return out

    def _token_candidates(self, s: str) -> list[Candidate]:
        out: list[Candidate] = []
        pos = 0
        chunk_start: int | None = None
        for pair in _jieba().posseg.cut(s):
            word, tag = pair.word, pair.flag
            start, end = pos, pos + len(word)
            pos = end
            if tag in ("nr", "nrt", "nrfg") and _looks_like_person(word, tag):
                out.append(Candidate(start, end, "PERSON", 2))
            elif tag == "ns" and len(word) >= 2:
                out.append(Candidate(start, end, "PLACE", 2))
            elif tag == "nt" and len(word) >= 2:
                out.append(Candidate(start, end, "ORG", 2))
            # Organization chunks: a run of nouns anchored on a place/organization ending in an ORG head.
            if tag in ("ns", "nt") and chunk_start is None:
                chunk_start = start
            elif tag not in _CHUNK_TAGS:
                chunk_start = None
                continue
            if chunk_start is not None and chunk_start < start and _ORG_HEAD_RE.search(word):
                out.append(Candidate(chunk_start, end, "ORG", 3))
        return out


@Chinese.factory(
    "kg_entities",
    assigns=["doc.spans"],
    default_config={"spans_key": "kg", "lexicon_paths": []},
)
def make_zh_entities(nlp: Language, name: str, spans_key: str, lexicon_paths: Iterable[str]) -> ChineseEntityExtractor:
    """spaCy factory for ``spacy.blank("zh").add_pipe("kg_entities")``."""
    return ChineseEntityExtractor(nlp.vocab, name, spans_key=spans_key, lexicon_paths=lexicon_paths)
