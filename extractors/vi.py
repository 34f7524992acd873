"""Vietnamese entity extraction as the spaCy component ``vi.kg_entities``.

Use it in a pipeline whose tokenizer is pyvi's word segmenter (``use_pyvi = true``), so that
multi-syllable words such as ``Việt Nam`` are single tokens and punctuation stands apart.

Runs of capitalised words are cut into names at syllable level and typed by what surrounds them:

* organization heads (``Đảng``, ``Bộ``, ``Ủy ban``, ``Đài``, ``Công an``) and their lower-case parts
  (``Quân đội nhân dân Việt Nam``, ``Công an tỉnh Kon Tum``); the bare ``Đảng``, ``Nhà nước``, ``Quốc hội``;
* place heads (``Thành phố``, ``Quảng trường``), CLDR country, region and city names, common exonyms
  and Viet Nam's provinces; compass words stay out (``Nam | California``);
* titles inside the run and cue words before it (``Tổng thống``, ``ông``, ``tỉnh``, ``tại``, ``đảng``);
* a Vietnamese family name at the start of 2-4 capitalised syllables;
* for foreign names (a syllable Vietnamese cannot spell: ``Biden``, ``West``, ``MSNBC``) the English
  model's gazetteer: GeoNames places, US census first and last names, common English words
  (``Google`` is a company, not a person) and English heads (``Fox News Channel``), read from
  ``extractors/models/en_ner/lexicon.tsv.gz``.

A sentence's first word starts a name only if it looks like one (all syllables capitalised, foreign,
an acronym, a head, or pyvi's ``Np`` tag). Guessed types give way to firm ones: names listed with
``và`` take the type of the firmly typed names in the list, a guess before ``, <place>`` becomes a
place, and a guess takes the type the same name has firmly elsewhere in the doc (``West`` after
``Kanye West``). The policy lexicon and quoted formulations give TERMs; a firm name and a lexicon
term compete on length.

Where a name starts or ends inside one of pyvi's words (``Đảng ta``, ``Tây Hoa Kỳ``, ``CNN.``), the
component returns the doc with that word cut in two; the text is unchanged.

The rules live in modules of their own: :mod:`.vi_words` (word lists), :mod:`.vi_syllables`
(spelling), :mod:`.vi_gazetteers` (look-ups), :mod:`.vi_units` (syllable units and their context),
:mod:`.vi_names` (cutting runs into names) and :mod:`.vi_name_types` (typing them).

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": True}}})
>>> _ = nlp.add_pipe("kg_entities")
>>> doc = nlp("Đảng Cộng sản Việt Nam kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.")
>>> [(s.text, s.label_) for s in doc.spans["kg"]]
[('Đảng Cộng sản Việt Nam', 'ORG'), ('chủ nghĩa Mác - Lênin', 'TERM'), ('tư tưởng Hồ Chí Minh', 'TERM')]
>>> doc = nlp("Ngoại trưởng Mỹ Mike Pompeo đã tới Bình Nhưỡng.")
>>> [(s.text, s.label_) for s in doc.spans["kg"]]
[('Mỹ', 'PLACE'), ('Mike Pompeo', 'PERSON'), ('Bình Nhưỡng', 'PLACE')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.vi import Vietnamese
from spacy.language import Language
from spacy.tokens import Doc

from .base import Candidate, EntityExtractor, resolve_overlaps
from .vi_names import NameReader
from .vi_syllables import fold_tones, is_vietnamese_syllable
from .vi_words import HEAD_PHRASES, ORG_HEADS, PERSON_CUES, PLACE_CUES

__all__ = [
    "ORG_HEADS",
    "PERSON_CUES",
    "PLACE_CUES",
    "VietnameseEntityExtractor",
    "is_vietnamese_syllable",
    "make_vi_entities",
]

_QUOTED = re.compile(r"[“\"]([^”\"\n,.;:!?…]{3,40})[”\"]")


def _split_tokens(doc: Doc, cuts: set[int]) -> Doc:
    """``doc`` with pyvi's words cut where a name begins or ends inside one (``Tây Hoa Kỳ``, ``CNN.``).

    The new doc's text is the old one, character for character: whitespace other than one space
    after a word (``\\r``, two spaces) becomes a token of its own, so offsets still hold.

    >>> import spacy
    >>> doc = spacy.blank("vi")("Minh\\r国务院Hồ")
    >>> [t.text for t in _split_tokens(doc, {4, 5})], _split_tokens(doc, {4, 5}).text == doc.text
    (['Minh', '\\r', '国务院Hồ'], True)
    """
    inside = [t for t in doc if any(t.idx < c < t.idx + len(t) for c in cuts)]
    if not inside:
        return doc
    words: list[str] = []
    spaces: list[bool] = []

    def add_space(ws: str) -> None:
        if ws == " " and words and not spaces[-1] and not words[-1].isspace():
            spaces[-1] = True
        elif ws:
            words.append(ws)
            spaces.append(False)

    for t in doc:
        bounds = [0, *sorted(c - t.idx for c in cuts if t.idx < c < t.idx + len(t)), len(t.text)]
        for a, b in zip(bounds, bounds[1:]):
            piece = t.text[a:b]
            core = piece.strip()
            add_space(piece[: len(piece) - len(piece.lstrip())])
            if core:
                words.append(core)
                spaces.append(False)
                add_space(piece[len(piece.rstrip()):])
        add_space(t.whitespace_)
    new = Doc(doc.vocab, words=words, spaces=spaces)
    return new if new.text == doc.text else doc


class VietnameseEntityExtractor(EntityExtractor):
    """Finds PERSON, ORG, PLACE and TERM spans in Vietnamese.

    Where a name begins or ends inside one of pyvi's words (``Đảng Cộng hòa`` in ``Đảng Cộng hòa John
    Kennedy``, ``Tây Hoa Kỳ``, ``CNN.``), the component returns the doc with that word cut in two.
    """

    lang = "vi"

    def candidates(self, doc: Doc) -> list[Candidate]:
        # Firm names rank with lexicon terms, so the longer span wins ("Trung Tâm Liên Hiệp Trí Tuệ Nhân Tạo"
        # over the term "trí tuệ nhân tạo", the term "tư tưởng Hồ Chí Minh" over "Hồ Chí Minh"); they come
        # first, so on a tie "đảng Dân chủ" gives the party rather than the term "dân chủ".
        reader = NameReader(doc)
        cands = [Candidate(reader.units[n.start].start, reader.units[n.end - 1].end, n.label, 3 if n.firm else 2)
                 for n in reader.names()]
        text = doc.text
        cands += self.lexicon_candidates(text, "vi")
        for m in _QUOTED.finditer(text):
            words = m.group(1).split()
            if m.group(1)[0].islower() and 2 <= len(words) <= 6:
                cands.append(Candidate(m.start(1), m.end(1), "TERM", 1))
            elif (len(words) >= 3 and fold_tones(words[0]).lower() in HEAD_PHRASES["ORG"]
                  and all(w.islower() for w in words[1:])):
                # a group named in quotes: “Nhóm công dân tự do”
                cands.append(Candidate(m.start(1), m.end(1), "ORG", 3))
        return cands

    def __call__(self, doc: Doc) -> Doc:
        chosen = resolve_overlaps(self.candidates(doc))
        doc = _split_tokens(doc, {c.start for c in chosen} | {c.end for c in chosen})
        spans = [doc.char_span(c.start, c.end, label=c.label, kb_id=c.concept) for c in chosen]
        doc.spans[self.spans_key] = [span for span in spans if span is not None]
        return doc


@Vietnamese.factory(
    "kg_entities",
    assigns=["doc.spans"],
    default_config={"spans_key": "kg", "lexicon_paths": []},
)
def make_vi_entities(
    nlp: Language, name: str, spans_key: str, lexicon_paths: Iterable[str]
) -> VietnameseEntityExtractor:
    """spaCy factory for ``spacy.blank("vi").add_pipe("kg_entities")``."""
    return VietnameseEntityExtractor(nlp.vocab, name, spans_key=spans_key, lexicon_paths=lexicon_paths)
