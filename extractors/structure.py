"""Document-structure rules: where a document has structure, read it, and type the relations.

Per-language components (:mod:`.zh`, :mod:`.en`, :mod:`.vi`) read sentences; this module reads
the document's layout in its normalized text and adds what layout says:

==========================  ===========================================================  ==================
rule                        shape                                                        relations
==========================  ===========================================================  ==================
:mod:`.structure_refs`      ``[参考文献]`` + ``[1]薛瀾.中國應急管理系統的演變[J]…``         ``AUTHOR_OF``
:mod:`.structure_bios`      ``NAME:ORG ROLE,…``, ``NAME ORG ROLE…``, bylines, ``【作者:…】``  ``AFFILIATED_WITH``, ``AUTHOR_OF``
:mod:`.structure_en`        ``SONG Dawei Senior Economist, … at ORG``, English bylines     ``AFFILIATED_WITH``, ``AUTHOR_OF``
:mod:`.structure_turns`     ``葉青:…`` speaker turns, ``主持人``                            ``SPEAKER_IN``
:mod:`.structure_alias`     ``L.米塞斯(Ludwig von Mises)``, ``(WTO)``, ``(以下简称…)``, pinyin  ``ALIAS_OF``
:mod:`.structure_latin`     ``Lassana Coulibaly`` … ``Coulibaly`` in Chinese text            (none)
==========================  ===========================================================  ==================

Rules find spans and links in normalized offsets (:func:`find_structure`);
:func:`merge_structure` then joins them with the per-language mentions. A structure span owns
its characters: a per-language mention with the same span is kept (with the structure label),
one that overlaps it is dropped, except inside a title (WORK), where what the per-language
components found other than PERSON stays (``权力清单制度`` in ``聚焦地方權力清單制度全面推開``).
Per-language PERSON guesses inside reference entries are dropped, and nothing overlapping a URL,
DOI or e-mail address, or looking like a date or a number, is kept as an entity.

Examples
--------
>>> text = "新阶段我国战略性新兴产业发展思考\\n\\n宋大伟\\n\\n中国科学院科技战略咨询研究院 北京 100190"
>>> found = find_structure(text)
>>> sorted((l.type, text[l.source.start:l.source.end], text[l.target.start:l.target.end]) for l in found.links)
[('AFFILIATED_WITH', '宋大伟', '中国科学院科技战略咨询研究院'), ('AUTHOR_OF', '宋大伟', '新阶段我国战略性新兴产业发展思考')]
>>> mentions, links = merge_structure(text, [(18, 21, "PERSON"), (23, 28, "ORG"), (38, 40, "PLACE")], found)
>>> [(text[m.start:m.end], m.label, m.base) for m in mentions]
[('新阶段我国战略性新兴产业发展思考', 'WORK', None), ('宋大伟', 'PERSON', 0), ('中国科学院科技战略咨询研究院', 'ORG', None), ('北京', 'PLACE', 2)]
>>> [(link.type, link.source, link.target) for link in links]
[('AFFILIATED_WITH', 1, 2), ('AUTHOR_OF', 1, 0)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .mapped import MappedText
from .structure_alias import find_aliases
from .structure_base import Context, Found
from .structure_bios import find_bios
from .structure_en import find_english_bios, find_english_bylines
from .structure_latin import find_latin_repeats
from .structure_refs import find_references
from .structure_turns import find_turns

__all__ = ["find_structure", "merge_structure", "MergedMention", "MergedLink", "NOISE", "is_noise_text"]

#: URLs, e-mail addresses and DOIs: never part of an entity.
NOISE = re.compile(
    r"(?:https?://|www\.)[^\s，。；、)）\]>]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\b(?:doi:\s?|DOI\s)?10\.\d{4,9}/[^\s，。；]+",
    re.IGNORECASE,
)
_DATE_OR_NUMBER = re.compile(
    r"[\d\W_]+|\d{2,4}\s?年(?:\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?[日号])?)?|\d{1,2}\s?月\s?\d{1,2}\s?[日号]"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\.?\s\d{1,2},?\s\d{4}",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class MergedMention:
    """A mention after merging: normalized span, label, and the index of the per-language mention it keeps."""

    start: int
    end: int
    label: str
    base: int | None = None


@dataclass(frozen=True, slots=True)
class MergedLink:
    """A relation between merged mentions (indexes into the merged list), with a normalized evidence span."""

    type: str
    source: int
    target: int
    evidence: tuple[int, int]
    attrs: tuple[tuple[str, str], ...] = ()


def is_noise_text(text: str) -> bool:
    """True for a surface that is never an entity: a URL, e-mail, DOI, date or number.

    Examples
    --------
    >>> [is_noise_text(t) for t in ["sdw1955@126.com", "2020-11-04", "2019年", "22-28", "5G", "国务院"]]
    [True, True, True, True, False, False]
    """
    return bool(NOISE.search(text)) or _DATE_OR_NUMBER.fullmatch(text.strip()) is not None


def find_structure(document: MappedText | str, existing: Sequence[tuple[int, int, str]] = ()) -> Found:
    """Run every structure rule over a normalized document.

    Parameters
    ----------
    document : MappedText or str
        The normalized document; a :class:`MappedText` lets bylines see spaces that
        normalization removed between Han characters.
    existing : sequence of (int, int, str)
        Per-language mentions as ``(start, end, label)`` in normalized offsets.

    Returns
    -------
    Found
        Spans, links and owned regions, in normalized offsets.

    Examples
    --------
    >>> text = "[参考文献]\\n[1]薛瀾.中國應急管理系統的演變[J].行政管理改革,2010(8):22-24."
    >>> [(text[l.source.start:l.source.end], l.type, text[l.target.start:l.target.end]) for l in find_structure(text).links]
    [('薛瀾', 'AUTHOR_OF', '中國應急管理系統的演變')]
    """
    mapped = document if isinstance(document, MappedText) else MappedText.from_text(document)
    ctx = Context(mapped, tuple(existing))
    found = Found()
    find_references(ctx, found)
    find_english_bylines(ctx, found)
    find_bios(ctx, found)
    find_english_bios(ctx, found)
    find_turns(ctx, found)
    find_aliases(ctx, found)
    find_latin_repeats(ctx, found)
    return found


def _overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def merge_structure(
    text: str, existing: Sequence[tuple[int, int, str]], found: Found
) -> tuple[list[MergedMention], list[MergedLink]]:
    """Join structure spans with per-language mentions; return mentions in text order and links.

    Structure spans are kept best first (priority, then length) without overlaps. A
    per-language mention with the same span as a kept structure span is reused (``base`` is its
    index in ``existing``). One is dropped when it overlaps a structure span (lying inside a
    WORK is fine, except for a PERSON), a URL, DOI or e-mail address, when it is a PERSON inside
    a reference entry, or when it reads as a date or number. Links whose ends were dropped go
    too; identical links are given once.

    Parameters
    ----------
    text : str
        The normalized document.
    existing : sequence of (int, int, str)
        Per-language mentions as ``(start, end, label)``.
    found : Found
        What :func:`find_structure` found.

    Returns
    -------
    tuple of (list of MergedMention, list of MergedLink)
        Mentions sorted by offsets; links index that list.

    Examples
    --------
    >>> text = "E-mail: sdw1955@126.com"
    >>> merge_structure(text, [(8, 15, "PERSON")], find_structure(text))
    ([], [])
    """
    noise = [m.span() for m in NOISE.finditer(text)]
    ranked = sorted(found.spans, key=lambda s: (-found.spans[s], -(s.end - s.start), s.start, s.label))
    kept: dict[tuple[int, int], str] = {}
    for span in ranked:
        key = (span.start, span.end)
        if key not in kept and not _overlaps(key, list(kept)) and not _overlaps(key, noise) \
                and not is_noise_text(text[span.start : span.end]):
            kept[key] = span.label
    same = {(s, e): i for i, (s, e, _) in enumerate(existing)}
    merged = [MergedMention(s, e, label, same.get((s, e))) for (s, e), label in kept.items()]
    works = [key for key, label in kept.items() if label == "WORK"]
    for i, (s, e, label) in enumerate(existing):
        if (s, e) in kept or _overlaps((s, e), noise) or is_noise_text(text[s:e]):
            continue
        crossing = [k for k in kept if s < k[1] and k[0] < e]
        if crossing and not (label != "PERSON" and all(k in works and k[0] <= s and e <= k[1] for k in crossing)):
            continue  # a title names things: what a per-language component found inside one stays
        if label == "PERSON" and _overlaps((s, e), found.owned):
            continue
        merged.append(MergedMention(s, e, label, i))
    merged.sort(key=lambda m: (m.start, m.end))
    index = {(m.start, m.end): i for i, m in enumerate(merged) if m.base is None or (m.start, m.end) in kept}
    links: dict[tuple, MergedLink] = {}
    for link in found.links:
        src, tgt = index.get((link.source.start, link.source.end)), index.get((link.target.start, link.target.end))
        if src is None or tgt is None or src == tgt:
            continue
        key = (link.type, src, tgt, link.evidence)
        links.setdefault(key, MergedLink(link.type, src, tgt, link.evidence, link.attrs))
    return merged, list(links.values())

