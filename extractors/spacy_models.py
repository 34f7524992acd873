"""Official spaCy pipelines a user has installed (``en_core_web_sm``, ``zh_core_web_trf``, …), as an option.

The default install never needs them. When a user names one for a language, it runs beside the
language's ``kg_entities`` pipeline on the same paragraph, and its named entities join the
candidates at character level (its own tokenization does not matter): where they overlap, its
PERSON/ORG/place entities win over the shipped statistical model's, while lexicon terms and
titles in 《》 keep theirs (see :func:`merge_entities`).

Examples
--------
>>> import spacy, tempfile
>>> nlp = spacy.blank("en")
>>> ruler = nlp.add_pipe("entity_ruler")
>>> ruler.add_patterns([{"label": "ORG", "pattern": "zorblax"}, {"label": "GPE", "pattern": "Freedonia"}])
>>> path = tempfile.mkdtemp() + "/my_pipeline"
>>> nlp.to_disk(path)
>>> check_models({"en": path})
>>> doc = load_pipeline(path)("Staff of zorblax met in Freedonia.")
>>> entity_spans(doc)
[(9, 16, 'ORG', 'zorblax', ''), (24, 33, 'PLACE', 'Freedonia', '')]
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported when a pipeline is used: `kg build` without one never loads it here
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["ModelError", "ENTITY_LABELS", "MODEL_LANGS", "check_models", "load_pipeline", "entity_spans",
           "merge_entities", "models_fingerprint"]

#: spaCy language codes a user pipeline can be given for.
MODEL_LANGS = ("zh", "en", "vi")

#: spaCy entity labels (OntoNotes and WikiNER schemes) → ours; others (DATE, NORP, MONEY…) are dropped.
ENTITY_LABELS = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
    "WORK_OF_ART": "WORK", "LAW": "WORK",
}

# Overlaps: lexicon terms and titles (priority 3) > the user's pipeline (2) > other shipped spans (1).
_USER_PRIORITY = 2
_KEPT_LABELS = {"TERM", "WORK"}

Span = tuple[int, int, str, str, str]  # start, end, label, text, concept


class ModelError(ValueError):
    """A user pipeline that cannot be used: unknown language, not installed, or the wrong language."""


def _is_path(name: str) -> bool:
    return Path(name).expanduser().is_dir()


def check_models(models: Mapping[str, str]) -> None:
    """Raise :class:`ModelError` unless every ``{lang: package or folder}`` can be loaded.

    >>> try:
    ...     check_models({"fr": "fr_core_news_sm"})
    ... except ModelError as error:
    ...     print(error)
    no extractor for language 'fr' (--spacy-model fr=…); choose zh, en or vi
    """
    for lang, name in models.items():
        if lang not in MODEL_LANGS:
            raise ModelError(f"no extractor for language {lang!r} (--spacy-model {lang}=…); choose zh, en or vi")
        import spacy

        if not (_is_path(name) or spacy.util.is_package(name)):
            raise ModelError(f"the spaCy pipeline {name!r} is not installed: install its package (official "
                             "pipelines: https://spacy.io/models) or give the folder it was saved to")
        found = load_pipeline(name).lang
        if found != lang:
            raise ModelError(f"the spaCy pipeline {name!r} is for language {found!r}, not {lang!r}")


@lru_cache(maxsize=8)
def load_pipeline(name: str) -> Language:
    """The pipeline ``name`` (an installed package or a folder), loaded once per process."""
    import spacy

    return spacy.load(Path(name).expanduser() if _is_path(name) else name)


def entity_spans(doc: Doc) -> list[Span]:
    """The named entities of ``doc`` with our labels, as ``(start, end, label, text, "")``."""
    return [(e.start_char, e.end_char, ENTITY_LABELS[e.label_], e.text, "")
            for e in doc.ents if e.label_ in ENTITY_LABELS and e.text.strip()]


def merge_entities(ours: list[Span], theirs: list[Span], text: str) -> list[Span]:
    """Our spans and a user pipeline's, without overlaps, in text order.

    >>> merge_entities([(0, 2, "ORG", "ab", ""), (3, 5, "TERM", "de", "c1")],
    ...                [(0, 3, "PERSON", "abc", ""), (3, 6, "ORG", "def", "")], "abcdef")
    [(0, 3, 'PERSON', 'abc', ''), (3, 5, 'TERM', 'de', 'c1')]
    """
    from .base import Candidate, resolve_overlaps

    candidates = [Candidate(s, e, label, 3 if label in _KEPT_LABELS else 1, concept)
                  for s, e, label, _, concept in ours]
    candidates += [Candidate(s, e, label, _USER_PRIORITY) for s, e, label, _, _ in theirs]
    return [(c.start, c.end, c.label, text[c.start:c.end], c.concept) for c in resolve_overlaps(candidates)]


def models_fingerprint(models: Mapping[str, str]) -> str:
    """A hash of the chosen pipelines' names and versions, for caches of extraction results.

    >>> models_fingerprint({}) == models_fingerprint({})
    True
    """
    digest = hashlib.sha256()
    for lang, name in sorted(models.items()):
        meta = load_pipeline(name).meta
        digest.update(f"{lang}={name}:{meta.get('name')}:{meta.get('version')}".encode())
    return digest.hexdigest()
