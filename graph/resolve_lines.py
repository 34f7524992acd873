"""The ``parallel-lines`` rule: in a text and its translation, line by line, the one name of a type
each line holds that the other version nowhere holds are one entity.

Independent translations spell one name differently (贝尔法斯特地方法院 / 貝爾法斯特裁判法院,
特朗普 / 川普) and no reading or sound rule joins them. When two versions of one text (translations
by file name, or documents aligned by the entities they share) have as many non-empty lines, line
*i* of one translates line *i* of the other; translations by file name with different numbers of
lines are aligned by the lines' lengths (:func:`align_lines`). In each line the PERSON, ORG and PLACE names already
matched (their entity is named anywhere in the other version) are set aside; when exactly one name
is left on each side, and both have one type, the two are proposed. A pair is kept only when every
line that proposes one of them proposes the same partner, when the two are written alike enough
(:func:`plausible`), and only for names seen in no document outside the two versions' translation
group: a generic name (警察局) named in other stories is one node for all of them, and a join made in
one story would hold in every other.

Examples
--------
>>> placements = {"s.en.txt": [(0, "a1"), (1, "a2")], "s.zh-Hant.txt": [(0, "b1"), (1, "b2")]}
>>> sorted(line_pairs(placements["s.en.txt"], placements["s.zh-Hant.txt"], {"a1": "PERSON", "a2": "ORG", "b1": "PERSON", "b2": "ORG"}.get, str))
[('a1', 'b1', 0), ('a2', 'b2', 1)]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from policykg.extractors.records import DocumentRecord, Mention
from policykg.extractors.vi_syllables import is_foreign

from .resolve_names import HAN_RE, fold_vietnamese, has_diacritics
from .resolve_state import Candidate, ResolveState

__all__ = ["LINE_SOUND_THRESHOLD", "MIN_ALIGNED", "align_lines", "line_pairs", "parallel_lines", "placements_of", "plausible"]

_TYPES = ("PERSON", "ORG", "PLACE")
#: A name in capitals alone, with at most one dot or ampersand between (DARPA, NSF, U.N.).
_ACRONYM = re.compile(r"[A-Z][A-Z.&]{0,7}")
#: How alike a Chinese name and a Latin one must sound when a line pair proposes them: 撒切尔 /
#: *Thatcher* 0.67, 约克郡 / *Yorkshire* 0.62; misread pairs (明星 / *This Morning*, 加泰罗尼亚 /
#: *Madrid*) are at 0.5 or below.
LINE_SOUND_THRESHOLD = 0.55
_HAN_ONLY = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]")
#: Where a document's PERSON/ORG/PLACE mentions stand: (line index, node id) of each; a line with no
#: counterpart in the other version is ``None``.
Placement = Sequence[tuple[int | None, str]]


def line_pairs(left: Placement, right: Placement, type_of: Callable[[str], str | None],
               root: Callable[[str], str]) -> Iterable[tuple[str, str, int]]:
    """``(node of left, node of right, line)`` for each line where one unmatched name of a type
    ``type_of`` gives is left on each side, both of one type, kept when neither node is proposed
    with another partner on another line. ``root`` gives a node's group (names already joined)."""
    roots_left, roots_right = {root(n) for _, n in left}, {root(n) for _, n in right}
    by_line: dict[int, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for line, n in left:
        if line is not None and type_of(n) in _TYPES and root(n) not in roots_right:
            by_line[line][0].add(n)
    for line, n in right:
        if line is not None and type_of(n) in _TYPES and root(n) not in roots_left:
            by_line[line][1].add(n)
    proposed: list[tuple[str, str, int]] = []
    partners: dict[str, set[str]] = defaultdict(set)
    for line, (a, b) in sorted(by_line.items()):
        if len(a) == 1 and len(b) == 1 and type_of(next(iter(a))) == type_of(next(iter(b))):
            (x,), (y,) = a, b
            proposed.append((x, y, line))
            partners[root(x)].add(root(y))
            partners[root(y)].add(root(x))
    for a, b, line in proposed:
        if partners[root(a)] == {root(b)} and partners[root(b)] == {root(a)}:
            yield a, b, line


def plausible(a: str, b: str, type_: str, *, chinese_pair: bool = False) -> bool:
    """Whether two names a line pair proposes can be one entity's: an extractor's misread names
    (*WhatsApp* / *Roa Roa*, *AI* / 科技公司) are set apart by how they are written.

    An acronym (*DARPA*, *AI*) is refused: one line of a translation rarely spells out what the
    other abbreviates, and a misread word in capitals is common. Two Chinese names share a
    character; two Chinese versions (``chinese_pair``) write a name in one script. A Chinese and a
    Vietnamese name of a person or place read alike in Sino-Vietnamese (青海 / *Thanh Hải*, not
    瑞士 / *Thụy Điển*); with another Latin name they sound alike, if less closely than the
    ``transliteration`` rule asks of names with no line to pair them (:data:`LINE_SOUND_THRESHOLD`,
    :func:`~policykg.graph.resolve_readings.sound_similarity`). An organization's name is
    translated, so Chinese against Latin is not compared. Between Latin names, the foreign words of a
    Vietnamese name (*Rady* in *Bệnh viện Nhi Rady*) are in the other name, and two names of a
    person or place, or two organizations' names in neither Vietnamese, share a word.

    >>> plausible("国际法庭", "國際法院", "ORG"), plausible("AI", "科技公司", "ORG"), plausible("Thanh Hải", "中国青海省", "PLACE")
    (True, False, True)
    >>> plausible("Thụy Điển", "瑞士", "PLACE"), plausible("Thatcher", "撒切尔", "PERSON"), plausible("WhatsApp", "Roa Roa", "PERSON")
    (False, True, False)
    >>> plausible("Rady Children's Hospital", "Bệnh viện Nhi Rady", "ORG"), plausible("U.N. General Assembly", "Bộ Ngoại giao Ri Yong Ho", "ORG")
    (True, False)
    """
    from .resolve import matching_form
    from .resolve_readings import han_viet_forms, sound_similarity

    if _ACRONYM.fullmatch(a) or _ACRONYM.fullmatch(b):
        return False
    han_a, han_b = HAN_RE.search(a) is not None, HAN_RE.search(b) is not None
    if han_a and han_b:
        return bool(set(_HAN_ONLY.sub("", matching_form(a))) & set(_HAN_ONLY.sub("", matching_form(b))))
    if han_a or han_b:
        if chinese_pair:
            return False
        if type_ == "ORG":
            return True
        han, latin = (a, b) if han_a else (b, a)
        if has_diacritics(latin):
            spoken = " ".join(fold_vietnamese(latin).split())
            return any(spoken in form for form in han_viet_forms(_HAN_ONLY.sub("", han)))
        return sound_similarity(han, latin) >= LINE_SOUND_THRESHOLD
    shared = bool(_words(a) & _words(b))
    if has_diacritics(a) != has_diacritics(b):
        vi, other = (a, b) if has_diacritics(a) else (b, a)
        if not {w for w in _words(vi, 1) if is_foreign(w)} <= _words(other, 1):
            return False
        return shared or type_ == "ORG"
    return shared


def _words(name: str, shortest: int = 3) -> set[str]:
    return {w for w in re.findall(r"[^\W_]+", fold_vietnamese(name)) if len(w) >= shortest}


def placements_of(records: Iterable[DocumentRecord], node_of: Callable[[Mention], str]
                  ) -> tuple[dict[str, list[tuple[int, str]]], dict[str, list[int]]]:
    """``({document: [(line, node)]}, {document: [line length]})``: where each mention stands, counting
    only lines that hold some text (a translation may space its paragraphs otherwise), and how long
    each line is (in characters, with the blank lines after it).

    >>> from policykg.extractors.records import DocumentRecord, Mention
    >>> rec = DocumentRecord("a.txt", "", "", size=20, mentions=[Mention("Biden", "PERSON", 8, 13, "en", 1)], line_starts=(0, 8))
    >>> placements_of([rec], lambda m: m.text)
    ({'a.txt': [(1, 'Biden')]}, {'a.txt': [8, 12]})
    """
    placements: dict[str, list[tuple[int, str]]] = {}
    lengths: dict[str, list[int]] = {}
    for rec in records:
        starts = rec.line_starts
        lengths[rec.doc_id] = [b - a for a, b in zip(starts, (*starts[1:], max(rec.size, starts[-1] if starts else 0)))]
        placements[rec.doc_id] = [(bisect_right(starts, m.start) - 1, node_of(m)) for m in rec.mentions
                                  if m.label in _TYPES]
    return placements, lengths


def align_lines(a: Sequence[int], b: Sequence[int]) -> tuple[dict[int, int], dict[int, int]] | None:
    """Which lines of two versions translate each other: ``(unit of each line of a, unit of each
    line of b)``, a unit being numbered by its first line in ``a``; a line left out of the other
    version has none. ``None`` when the two do not read as one text line for line: fewer than two
    lines, or fewer than :data:`MIN_ALIGNED` of either's lines in a unit, or (with different numbers
    of lines) too many lines to align.

    ``a`` and ``b`` are the lines' lengths. As many lines on both sides are taken in order; otherwise
    the lines are aligned by length as Gale and Church do (one line for one, a line left out, or two
    lines for one), with the lengths of ``b`` scaled by the ratio of the two texts' lengths, which
    differ between scripts.

    >>> align_lines([10, 50, 30], [12, 48, 33])
    ({0: 0, 1: 1, 2: 2}, {0: 0, 1: 1, 2: 2})
    >>> align_lines([30, 120, 200, 90, 150], [110, 190, 95, 140])  # a headline only the first has
    ({0: 0, 1: 0, 2: 2, 3: 3, 4: 4}, {0: 0, 1: 2, 2: 3, 3: 4})
    """
    n, m = len(a), len(b)
    if n < 2 or m < 2:
        return None
    if n == m:
        return {i: i for i in range(n)}, {i: i for i in range(n)}
    if n * m > _MAX_CELLS:
        return None
    ratio = sum(b) / max(sum(a), 1)
    scaled = [x / ratio for x in b]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for di, dj, prior in _BEADS:
                if i + di <= n and j + dj <= m:
                    c = cost[i][j] + prior + _length_cost(sum(a[i:i + di]), sum(scaled[j:j + dj]))
                    if c < cost[i + di][j + dj]:
                        cost[i + di][j + dj], back[i + di][j + dj] = c, (di, dj)
    units_a: dict[int, int] = {}
    units_b: dict[int, int] = {}
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj = back[i][j]
        i, j = i - di, j - dj
        if di and dj:
            units_a.update({i + k: i for k in range(di)})
            units_b.update({j + k: i for k in range(dj)})
    if len(units_a) < MIN_ALIGNED * n or len(units_b) < MIN_ALIGNED * m:
        return None
    return dict(sorted(units_a.items())), dict(sorted(units_b.items()))


#: Longer texts (about 450 lines each) are read line by line only when they have as many lines: the
#: alignment's table of every pair of lines would take seconds.
_MAX_CELLS = 200_000
#: Share of each version's lines that must have a counterpart for the two to be read line by line.
MIN_ALIGNED = 0.8
#: (lines of one, lines of the other, -log prior) of Gale and Church's alignments: one for one
#: most often, one line left out or two lines for one rarely.
_BEADS = ((1, 1, -math.log(0.89)), (1, 0, -math.log(0.005)), (0, 1, -math.log(0.005)),
          (2, 1, -math.log(0.0445)), (1, 2, -math.log(0.0445)))


def _length_cost(x: float, y: float) -> float:
    """-log of how likely lengths ``x`` and ``y`` (already scaled) translate each other (Gale and
    Church: a normal difference with variance 6.8 per character)."""
    if x == 0 and y == 0:
        return 0.0
    delta = (y - x) / math.sqrt(max((x + y) / 2, 1.0) * 6.8)
    p = 2 * (1 - 0.5 * (1 + math.erf(abs(delta) / math.sqrt(2))))
    return -math.log(max(p, 1e-300))


def parallel_lines(state: ResolveState) -> Iterable[Candidate]:
    """Names of one type that a text and its translation write on the same line, alone unmatched."""
    lines, lengths = state.line_placements, state.line_lengths
    if not lines:
        return
    group_of: dict[str, frozenset[str]] = {}
    for d, others in state.translations.items():
        group_of[d] = frozenset({d, *others})
    for a_doc, b_doc in state.document_pairs():
        lines_a, lines_b = lengths.get(a_doc, ()), lengths.get(b_doc, ())
        # documents found alike by their entities, not named as translations, must match line for line
        named = b_doc in state.translations.get(a_doc, ())
        aligned = align_lines(lines_a, lines_b) if a_doc != b_doc and (named or len(lines_a) == len(lines_b)) else None
        if aligned is None:
            continue
        units_a, units_b = aligned
        left = [(units_a.get(i), n) for i, n in lines.get(a_doc, ())]
        right = [(units_b.get(j), n) for j, n in lines.get(b_doc, ())]
        group = group_of.get(a_doc, frozenset()) | group_of.get(b_doc, frozenset()) | {a_doc, b_doc}
        types: dict[str, str | None] = {}

        def type_of(n: str, group: frozenset[str] = group, types: dict[str, str | None] = types) -> str | None:
            if n not in types:  # a name any other document holds is left alone
                local = all(d in group for m in state.members(n) for d in state.nodes[m].documents)
                types[n] = state.nodes[n].type if local else None
            return types[n]

        for a, b, line in line_pairs(left, right, type_of, state.find):
            name_a, name_b = state.nodes[a].label, state.nodes[b].label
            chinese = all(state.doc_languages.get(d, "").startswith("zh") for d in (a_doc, b_doc))
            if not plausible(name_a, name_b, state.nodes[a].type, chinese_pair=chinese):
                state.refused["parallel-lines: names unalike"] += 1
                continue
            doc, sentence = state.nodes[b].evidence_for(name_b)
            yield Candidate(a, b, "parallel-lines", doc, sentence,
                            f"line {line + 1} of {a_doc} ~ {b_doc}: {name_a} = {name_b}", name_a, name_b)
