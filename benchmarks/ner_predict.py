"""Predictors for the shared scorer: ``ner_eval.py --module benchmarks/ner_predict.py:zh``.

They run the CRF models shipped in the installed package (:func:`policykg.extractors.ner_model.load_ner`)
and rename the labels to the scorer's: PERSON → PER, PLACE → LOC, ORG → ORG.

Examples
--------
>>> zh("宋大伟在中国科学院工作。")
[(0, 3, 'PER'), (4, 9, 'ORG')]
>>> en("SONG Dawei is a researcher at the Chinese Academy of Sciences (CAS) in Beijing.")
[(0, 10, 'PER'), (34, 61, 'ORG'), (71, 78, 'LOC')]
"""

from __future__ import annotations

from policykg.extractors.ner_model import load_ner

__all__ = ["zh", "en", "zh_pipeline", "en_pipeline", "TO_EVAL"]

#: policy-kg labels → ner_eval.py labels.
TO_EVAL = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG"}


def _predict(lang: str, text: str) -> list[tuple[int, int, str]]:
    return [(s, e, TO_EVAL[label]) for s, e, label in load_ner(lang).predict(text)]


def zh(text: str) -> list[tuple[int, int, str]]:
    """Chinese (simplified or traditional) spans with scorer labels."""
    return _predict("zh", text)


def en(text: str) -> list[tuple[int, int, str]]:
    """English spans with scorer labels."""
    return _predict("en", text)


def _pipeline(lang: str, text: str) -> list[tuple[int, int, str]]:
    from policykg.extractors import extract

    return [(s.start, s.end, TO_EVAL[s.label]) for s in extract(text, lang) if s.label in TO_EVAL]


def zh_pipeline(text: str) -> list[tuple[int, int, str]]:
    """The whole zh ``kg_entities`` component (rules, lexicon, model), scorer labels."""
    return _pipeline("zh-Hans", text)


def en_pipeline(text: str) -> list[tuple[int, int, str]]:
    """The whole en ``kg_entities`` component, scorer labels."""
    return _pipeline("en", text)
