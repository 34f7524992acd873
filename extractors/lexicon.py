"""The multilingual policy lexicon: one concept per row, with its zh-Hans, zh-Hant, vi and en forms.

The shipped file is ``extractors/data/policy_lexicon.csv``; users add or replace rows with
their own CSV of the same columns (``id,type,zh_hans,zh_hant,vi,en``, variants separated by ``|``).

Examples
--------
>>> lex = load_lexicon()
>>> [(m.start, m.end, m.label, m.concept) for m in lex.find("新自由主义是资本主义的意识形态", "zh-Hans")]
[(0, 5, 'TERM', 'neoliberalism'), (6, 10, 'TERM', 'capitalism'), (11, 15, 'TERM', 'ideology')]
>>> [m.concept for m in lex.find("tăng cường niềm tin vào chủ nghĩa Mác - Lênin", "vi")]
['marxism_leninism']
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["Concept", "LexiconMatch", "Lexicon", "load_lexicon", "LexiconError"]

_COLUMNS = {"zh-Hans": "zh_hans", "zh-Hant": "zh_hant", "vi": "vi", "en": "en"}
_REQUIRED = ("id", "type", *_COLUMNS.values())


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file, the row and the fix."""


@dataclass(frozen=True, slots=True)
class Concept:
    """One concept: an id, an entity type and its surface forms per language."""

    id: str
    type: str
    forms: tuple[tuple[str, tuple[str, ...]], ...]

    def forms_in(self, lang: str) -> tuple[str, ...]:
        """Return the forms of this concept in ``lang`` (empty tuple if none)."""
        return dict(self.forms).get(lang, ())


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    """A lexicon hit: character span, label and concept id."""

    start: int
    end: int
    label: str
    concept: str


class Lexicon:
    """A set of concepts with one compiled matcher per language."""

    def __init__(self, concepts: Iterable[Concept]):
        self.concepts: dict[str, Concept] = {c.id: c for c in concepts}
        self._matchers: dict[str, tuple[re.Pattern[str] | None, dict[str, Concept]]] = {}

    def __len__(self) -> int:
        return len(self.concepts)

    def _matcher(self, lang: str) -> tuple[re.Pattern[str] | None, dict[str, Concept]]:
        if lang not in self._matchers:
            by_form: dict[str, Concept] = {}
            for concept in self.concepts.values():
                for form in concept.forms_in(lang):
                    by_form.setdefault(_fold(form, lang), concept)
            if not by_form:
                self._matchers[lang] = (None, by_form)
            else:
                alternation = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
                if lang.startswith("zh"):
                    pattern = re.compile(alternation)
                else:
                    # Latin scripts: whole words only, case-insensitive.
                    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
                self._matchers[lang] = (pattern, by_form)
        return self._matchers[lang]

    def find(self, text: str, lang: str) -> list[LexiconMatch]:
        """Return non-overlapping, leftmost-longest matches of concept forms in ``text``."""
        pattern, by_form = self._matcher(lang)
        if pattern is None:
            return []
        out = []
        for m in pattern.finditer(text):
            concept = by_form[_fold(m.group(), lang)]
            if not lang.startswith("zh") and not _case_ok(m.group(), concept, lang):
                continue
            out.append(LexiconMatch(m.start(), m.end(), concept.type, concept.id))
        return out


def _fold(form: str, lang: str) -> str:
    return form if lang.startswith("zh") else form.casefold()


def _case_ok(found: str, concept: Concept, lang: str) -> bool:
    """Acronyms such as ``AI`` only match in capitals, so the word 'ai' is never a concept; an English
    name (anything but a TERM) only with a capital, so 'arctic air' names no place."""
    if lang == "en" and concept.type != "TERM" and found == found.lower():
        return False  # no capital at all ("14th Five-Year Plan" opens with a digit)
    for form in concept.forms_in(lang):
        if form.casefold() == found.casefold():
            return not (form.isupper() and len(form) <= 4) or found == form
    return True


def _read_rows(path: Path | None) -> list[Concept]:
    if path is None:
        handle = resources.files("policykg.extractors").joinpath("data/policy_lexicon.csv").open(encoding="utf-8")
        name = "policy_lexicon.csv"
    else:
        try:
            handle = open(path, encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise LexiconError(f"{path}: cannot open the lexicon ({exc.strerror}). Check the path.") from None
        name = str(path)
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in _REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise LexiconError(
                f"{name}: missing column(s) {', '.join(missing)}. "
                f"The header must be: {','.join(_REQUIRED)}"
            )
        concepts = []
        for line_no, row in enumerate(reader, start=2):
            if not row["id"] or not row["type"]:
                raise LexiconError(f"{name}:{line_no}: 'id' and 'type' must not be empty.")
            forms = tuple(
                (lang, tuple(f.strip() for f in (row[col] or "").split("|") if f.strip()))
                for lang, col in _COLUMNS.items()
            )
            concepts.append(Concept(row["id"].strip(), row["type"].strip().upper(), forms))
    return concepts


@lru_cache(maxsize=16)
def load_lexicon(*extra: str | Path) -> Lexicon:
    """Load the shipped lexicon, then each ``extra`` CSV (rows with a known id replace it).

    Raises
    ------
    LexiconError
        If a file is missing, lacks a column or has an empty id/type.
    """
    concepts = {c.id: c for c in _read_rows(None)}
    for path in extra:
        concepts.update({c.id: c for c in _read_rows(Path(path))})
    return Lexicon(concepts.values())
