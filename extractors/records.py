"""Plain records that leave ``extractors/``: what a document holds, found mentions, evidence.

Every offset here is a character offset into the document text as it was read
(``DocumentRecord.text``), so evidence can always be shown as the document has it,
even after normalization removed pinyin, markdown or page furniture.

Examples
--------
>>> ev = Evidence(doc_id="a.txt", start=0, end=3, sentence="国务院发布")
>>> m = Mention(text="国务院", label="ORG", start=0, end=3, lang="zh-Hans", sentence=0)
>>> (m.label, ev.doc_id)
('ORG', 'a.txt')
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["LABELS", "Evidence", "Mention", "Relation", "Sentence", "DocumentRecord"]

#: Entity labels written by every extractor.
LABELS = ("PERSON", "ORG", "PLACE", "WORK", "TERM")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that supports a node or an edge.

    ``start``/``end`` point into the original document text; ``sentence`` is the
    normalized sentence (pinyin, markdown and page furniture removed).
    """

    doc_id: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document: original offsets, normalized text and language."""

    start: int
    end: int
    text: str
    lang: str


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention.

    ``text`` is the normalized surface form; ``start``/``end`` are offsets into the
    original document text; ``sentence`` indexes ``DocumentRecord.sentences``;
    ``concept`` is the policy-lexicon id when the mention is a lexicon form.
    """

    text: str
    label: str
    start: int
    end: int
    lang: str
    sentence: int
    concept: str = ""


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed relation between two mentions of one document (indexes into ``mentions``)."""

    type: str
    source: int
    target: int
    evidence: Evidence
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class DocumentRecord:
    """Everything extraction learned from one document."""

    doc_id: str
    title: str
    text: str
    languages: tuple[str, ...] = ()
    date: str | None = None
    size: int = 0
    format: str = "txt"
    encoding: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    #: Where each line holding some text starts in ``text`` (which a build drops once extracted): a
    #: translation that keeps its original's lines can be read beside it line by line.
    line_starts: tuple[int, ...] = ()
