"""Vietnamese predictor for the shared scorer: ``ner_eval.py --module benchmarks/ner_vi_predict.py:vi``.

It runs the real pipeline, ``spacy.blank("vi")`` with pyvi's tokenizer and the ``vi.kg_entities``
component (:func:`policykg.extractors.pipeline.get_nlp`), keeps PERSON, ORG and PLACE spans and
renames them to the scorer's labels. The text is only put in NFC first (one NTREX sentence has a
decomposed letter); the rest of :func:`~policykg.extractors.normalize.normalize_document` is left
out because it drops caption lines such as ``... Nguồn: ITN`` whole, which would score the
normalizer rather than the extractor.

Examples
--------
>>> vi("Tổng Bí thư Nguyễn Phú Trọng đã đến thăm Hà Lan.")
[(12, 28, 'PER'), (41, 47, 'LOC')]
>>> vi("Đảng Cộng sản Việt Nam kiên định chủ nghĩa Mác - Lênin.")  # TERMs are not scored
[(0, 22, 'ORG')]
>>> vi("Ông Brett Kavanaugh\\u0323 nói.")  # offsets point into the text as given
[(4, 20, 'PER')]
"""

from __future__ import annotations

import unicodedata

from policykg.extractors.pipeline import get_nlp

__all__ = ["TO_EVAL", "to_nfc_with_offsets", "vi"]

#: policy-kg labels → ner_eval.py labels; other labels (TERM, WORK) are not scored.
TO_EVAL = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG"}


def to_nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` in NFC and, for each of its offsets (and the end), the offset in ``text``.

    Each base letter is normalized with the combining marks after it, so a mark always maps to its letter.

    >>> to_nfc_with_offsets("Vie\\u0302\\u0323t Nam")
    ('Việt Nam', [0, 1, 2, 5, 6, 7, 8, 9, 10])
    """
    out, origin, start = [], [], 0
    for end in range(1, len(text) + 1):
        if end == len(text) or not unicodedata.combining(text[end]):
            piece = unicodedata.normalize("NFC", text[start:end])
            out.append(piece)
            origin += [start] * len(piece)
            start = end
    return "".join(out), [*origin, len(text)]


def vi(text: str) -> list[tuple[int, int, str]]:
    """PER/ORG/LOC spans of one Vietnamese text, with offsets into ``text``."""
    norm, origin = to_nfc_with_offsets(text)
    doc = get_nlp("vi")(norm)
    spans = [s for s in doc.spans["kg"] if s.label_ in TO_EVAL]
    return [(origin[s.start_char], origin[s.end_char], TO_EVAL[s.label_]) for s in spans]
