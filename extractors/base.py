"""What every language's ``kg_entities`` component shares: candidates, overlap resolution, spans.

A language module only proposes :class:`Candidate` spans over ``doc.text``; this base class
keeps the best non-overlapping ones and writes them to ``doc.spans[spans_key]`` with the
label and, for lexicon hits, the concept id as ``kb_id``.

Examples
--------
>>> cands = [Candidate(0, 3, "ORG", 1), Candidate(0, 5, "ORG", 2), Candidate(4, 6, "TERM", 1)]
>>> [(c.start, c.end) for c in resolve_overlaps(cands)]
[(0, 5)]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc
from spacy.vocab import Vocab

from .lexicon import Lexicon, load_lexicon

__all__ = ["Candidate", "resolve_overlaps", "EntityExtractor"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed entity span; higher ``priority`` wins an overlap, then the longer span."""

    start: int
    end: int
    label: str
    priority: int
    concept: str = ""


#: Labels of names, and the least priority of a longer name a lexicon name gives way to (a model's).
_NAMES = frozenset({"ORG", "PLACE"})
_NAME_PRIORITY = 2


def resolve_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep a set of non-overlapping candidates, best first, returned in text order. A kept
    candidate with the very span and label of a lexicon hit takes its concept, whichever rule won.
    A lexicon ORG or PLACE inside a longer ORG or PLACE of a model or rule (priority 2 or more)
    gives way to it.

    >>> won = resolve_overlaps([Candidate(0, 9, "ORG", 5), Candidate(0, 9, "ORG", 3, "white_house")])
    >>> [(c.start, c.end, c.concept) for c in won]
    [(0, 9, 'white_house')]
    >>> [(c.start, c.end, c.label) for c in resolve_overlaps([Candidate(0, 3, "PLACE", 3, "macedonia"),
    ...                                                       Candidate(0, 8, "ORG", 2)])]
    [(0, 8, 'ORG')]
    """
    candidates = [c for c in candidates if c.end > c.start]
    # bodies and places are named after places and bodies (马其顿政策研究所, Republic of North
    # Macedonia, BBC Scotland): a lexicon name inside such a longer name found by a model or a
    # rule gives way to it; lexicon terms (TERM) keep their precedence
    names = [c for c in candidates if c.label in _NAMES and c.priority >= _NAME_PRIORITY]
    candidates = [c for c in candidates if not (c.concept and c.label in _NAMES and any(
        n.start <= c.start and c.end <= n.end and n.end - n.start > c.end - c.start for n in names))]
    concepts = {(c.start, c.end, c.label): c.concept for c in candidates if c.concept}
    ranked = sorted(
        (replace(c, concept=k) if not c.concept and (k := concepts.get((c.start, c.end, c.label))) else c
         for c in candidates),
        key=lambda c: (-c.priority, -(c.end - c.start), c.start),
    )
    taken: list[Candidate] = []
    # the spans taken never overlap, so sorted by start they are sorted by end too: a candidate
    # overlaps one of them only if it overlaps its neighbour on either side
    starts: list[int] = []
    ends: list[int] = []
    for cand in ranked:
        i = bisect_right(starts, cand.start)
        if (i and ends[i - 1] > cand.start) or (i < len(starts) and starts[i] < cand.end):
            continue
        taken.append(cand)
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
    return sorted(taken, key=lambda c: c.start)


class EntityExtractor:
    """Base spaCy component: subclasses implement :meth:`candidates`."""

    lang = ""

    def __init__(self, vocab: Vocab, name: str, *, spans_key: str = "kg", lexicon_paths: Iterable[str] = ()):
        self.vocab = vocab
        self.name = name
        self.spans_key = spans_key
        self.lexicon: Lexicon = load_lexicon(*tuple(lexicon_paths))

    def candidates(self, doc: Doc) -> list[Candidate]:  # pragma: no cover - abstract
        """Propose spans over ``doc.text``; overlaps are resolved by :func:`resolve_overlaps`."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for cand in resolve_overlaps(self.candidates(doc)):
            span = doc.char_span(cand.start, cand.end, label=cand.label, kb_id=cand.concept, alignment_mode="contract")
            if span is not None and len(span) > 0 and cand.concept and (span.start_char, span.end_char) != (cand.start, cand.end):
                # cut to fit the tokens, the span is no longer the lexicon form: keep it without the concept
                span = doc.char_span(span.start_char, span.end_char, label=cand.label)
            if span is not None and len(span) > 0:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def lexicon_candidates(self, text: str, lang: str, priority: int = 3) -> list[Candidate]:
        """Lexicon hits in ``text`` as candidates."""
        return [Candidate(m.start, m.end, m.label, priority, m.concept) for m in self.lexicon.find(text, lang)]
