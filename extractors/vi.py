"""Vietnamese entity extraction as the spaCy component ``vi.kg_entities``.

Use it in a pipeline whose tokenizer is pyvi's word segmenter (``use_pyvi = true``), so that
multi-syllable words such as ``Việt Nam`` are single tokens and punctuation stands apart.
Runs of capitalised words become entities, typed by their head (organization words such as
``Đảng``, ``Bộ``, ``Ủy ban``), by a surname or a title before them (PERSON), by CLDR country
names or a place word before them (PLACE); the policy lexicon and quoted formulations give TERMs.

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": True}}})
>>> _ = nlp.add_pipe("kg_entities")
>>> doc = nlp("Đảng Cộng sản Việt Nam kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.")
>>> [(s.text, s.label_) for s in doc.spans["kg"]]
[('Đảng Cộng sản Việt Nam', 'ORG'), ('chủ nghĩa Mác - Lênin', 'TERM'), ('tư tưởng Hồ Chí Minh', 'TERM')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.vi import Vietnamese
from spacy.language import Language
from spacy.tokens import Doc

from .base import Candidate, EntityExtractor
from .places import territory_names

__all__ = ["VietnameseEntityExtractor", "make_vi_entities", "ORG_HEADS", "PERSON_CUES", "PLACE_CUES"]

#: First words of organization names.
ORG_HEADS = (
    "Đảng", "Bộ", "Ủy ban", "Uỷ ban", "Quân đội", "Tổ chức", "Đài", "Công an", "Viện", "Học viện", "Hội",
    "Hội đồng", "Trường", "Đại học", "Ngân hàng", "Công ty", "Tập đoàn", "Quốc hội", "Chính phủ", "Mặt trận",
    "Văn phòng", "Ban", "Sở", "Tòa án", "Toà án", "Cục", "Tổng cục", "Liên hợp quốc", "Liên minh", "Báo",
    "Tạp chí", "Thông tấn xã", "Trung ương", "Bộ Chính trị", "Ban Bí thư", "Nhà xuất bản", "Liên đoàn",
)
#: Words that announce a person's name right after them.
PERSON_CUES = (
    "ông", "bà", "anh", "chị", "đồng chí", "Tổng Bí thư", "Chủ tịch", "Thủ tướng", "Bộ trưởng", "Tổng thống",
    "giáo sư", "tiến sĩ", "GS", "TS", "PGS", "nhà văn", "nhà báo", "Đại tướng", "Thượng tướng", "Chủ nhiệm",
)
#: Words that announce a place right after them.
PLACE_CUES = ("tỉnh", "thành phố", "TP", "huyện", "quận", "xã", "phường", "nước", "thủ đô", "miền", "vùng", "tại", "ở")
#: The commonest family names; a capitalised run of 2-4 syllables starting with one is a PERSON.
SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Lâm Mai Tô Trịnh "
    "Đoàn Lương Cao Tạ Chu Quách Thái Kiều Lưu Vương Hà Triệu Tôn Nông Thân".split()
)
_QUOTED = re.compile(r"[“\"]([^”\"\n,.;:!?…]{3,40})[”\"]")
def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _starts_with(words: list[str], heads: Iterable[str]) -> int:
    """Number of leading syllables of ``words`` that form one of ``heads`` (0 if none)."""
    syllables = " ".join(words).split()
    best = 0
    for head in heads:
        n = len(head.split())
        if n > best and n <= len(syllables) and " ".join(syllables[:n]) == head:
            best = n
    return best


class VietnameseEntityExtractor(EntityExtractor):
    """Finds PERSON, ORG, PLACE, WORK and TERM spans in Vietnamese."""

    lang = "vi"

    def candidates(self, doc: Doc) -> list[Candidate]:
        text = doc.text
        cands = self.lexicon_candidates(text, "vi")
        cands += [
            Candidate(m.start(1), m.end(1), "TERM", 1)
            for m in _QUOTED.finditer(text)
            if m.group(1)[0].islower() and 2 <= len(m.group(1).split()) <= 6
        ]
        cands += self._run_candidates(doc)
        return cands

    def _runs(self, doc: Doc) -> Iterable[tuple[int, int]]:
        """Token index ranges of capitalised runs (a dash may join two capitalised words)."""
        i, n = 0, len(doc)
        while i < n:
            if not _capitalised(doc[i].text):
                i += 1
                continue
            j = i + 1
            while j < n:
                if _capitalised(doc[j].text):
                    j += 1
                elif doc[j].text in ("-", "–") and j + 1 < n and _capitalised(doc[j + 1].text):
                    j += 2
                else:
                    break
            yield i, j
            i = j

    def _run_candidates(self, doc: Doc) -> list[Candidate]:
        places = territory_names("vi")
        out = []
        for i, j in self._runs(doc):
            # "Tổng Bí thư Nguyễn Phú Trọng": a capitalised title opens the run; the name follows it.
            while i < j and _starts_with([doc[i].text], PERSON_CUES) == len(doc[i].text.split()):
                i += 1
            if i == j:
                continue
            words = [t.text for t in doc[i:j]]
            span_text = doc[i:j].text
            start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
            before = doc[max(0, i - 3) : i].text
            sentence_start = i == 0 or doc[i - 1].text in (".", "!", "?", ":", "\n", "…") or doc[i - 1].is_space
            syllables = span_text.split()
            if _starts_with(words, ORG_HEADS) and len(syllables) > _starts_with(words, ORG_HEADS):
                out.append(Candidate(start, end, "ORG", 2))
            elif span_text in places:
                out.append(Candidate(start, end, "PLACE", 2))
            elif syllables[0] in SURNAMES and 2 <= len(syllables) <= 4:
                out.append(Candidate(start, end, "PERSON", 2))
            elif any(before.endswith(cue) for cue in PERSON_CUES) and len(syllables) <= 4:
                out.append(Candidate(start, end, "PERSON", 2))
            elif any(before.endswith(cue) for cue in PLACE_CUES) and not sentence_start:
                out.append(Candidate(start, end, "PLACE", 1))
        return out


@Vietnamese.factory(
    "kg_entities",
    assigns=["doc.spans"],
    default_config={"spans_key": "kg", "lexicon_paths": []},
)
def make_vi_entities(nlp: Language, name: str, spans_key: str, lexicon_paths: Iterable[str]) -> VietnameseEntityExtractor:
    """spaCy factory for ``spacy.blank("vi").add_pipe("kg_entities")``."""
    return VietnameseEntityExtractor(nlp.vocab, name, spans_key=spans_key, lexicon_paths=lexicon_paths)
