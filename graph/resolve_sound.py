"""Rules that pair names by sound across a text and its translation: each name's single best match.

:func:`best_matches` is the machinery the sound rules share: for every pair of documents that
are translations or aligned (:meth:`~policykg.graph.resolve_state.ResolveState.document_pairs`),
it scores each Chinese name of one against each name of the other, and keeps a pair only when
each is the other's single best there. The rules differ in their scorer:

================  =====================================================================
rule              what sounds alike
================  =====================================================================
``place-parts``   the transliterated cores of two place names whose translated parts agree
                  (亚利桑那州 / Arizona, 西弗吉尼亚 / West Virginia, 伍斯特郡 / Worcestershire)
``org-parts``     the same for organizations (卡内基梅隆大学 / Carnegie Mellon University)
``vi-parts``      a Vietnamese name, generic word first, and the foreign name it keeps
                  (Thành phố Kansas / Kansas City, Đại học Southern / Southern University)
``same-parts``    in one document, two names of one place or organization with the same core
                  and generic words (the Cromwell Society / Cromwell Society); not by sound
``homophone``     two Chinese spellings of one foreign name with the same pinyin
                  (伯明翰 / 伯明罕; 國務院 / 国务院 is one key already, not this)
================  =====================================================================

Parts are split by :func:`~policykg.graph.resolve_parts.name_parts`.

Countries and lexicon concepts (anchored nodes) are left to their keys.

Examples
--------
>>> place_score("亚利桑那州", "Arizona") > 0.8, place_score("西弗吉尼亚", "West Virginia") > 0.8
(True, True)
>>> place_score("西弗吉尼亚", "Virginia"), place_score("密苏里", "Missouri")
(0.0, 0.0)
>>> org_score("卡内基梅隆大学", "Carnegie Mellon University") > 0.8, org_score("卡内基梅隆大学", "Carnegie Mellon Hospital")
(True, 0.0)
>>> vi_parts_score("Thành phố Kansas", "Kansas City"), vi_parts_score("Thành phố Kansas", "Kansas")
(1.0, 0.0)
>>> homophone_score("伯明翰", "伯明罕"), homophone_score("伯明翰", "Birmingham"), homophone_score("李英浩", "李容浩")
(1.0, 0.0, 0.0)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from .resolve_names import HAN_RE, has_diacritics
from .resolve_state import Candidate, ResolveState

__all__ = ["best_matches", "place_score", "org_score", "vi_parts_score", "homophone_score", "place_parts_rule",
           "org_parts_rule", "vi_parts_rule", "homophone", "same_parts"]

Scorer = Callable[[str, str], float]


def best_matches(state: ResolveState, rule: str, types: tuple[str, ...], scorer: Scorer,
                 label: str = "sound", left: Callable[[str], bool] = HAN_RE.search, *,
                 within: bool = False) -> Iterable[Candidate]:
    """Pairs of nodes, a name that passes ``left`` (a Chinese name by default) against any name,
    each the other's single best match in a pair of translated or aligned documents (and, with
    ``within``, in one document); ``scorer(name, other)`` is 0.0 for no match."""
    from .resolve import matching_form

    for d1, d2 in state.document_pairs():
        if d1 == d2 and not within:
            continue
        where = f"same document {d1}" if d1 == d2 else \
            f"{'translations' if d2 in state.translations.get(d1, ()) else 'aligned documents'} {d1} ~ {d2}"
        for left_doc, right_doc in ((d1, d2),) if d1 == d2 else ((d1, d2), (d2, d1)):
            for type_ in types:
                lefts = _named(state, left_doc, type_, left)
                rights = _named(state, right_doc, type_, None)
                scores: dict[tuple[str, str], tuple[float, str, str]] = {}
                lefts = {a: [x for x in names if len(x) >= 2] for a, names in lefts.items() if not state.anchored(a)}
                rights = {b: names for b, names in rights.items() if not state.anchored(b)}
                for a, names_a in lefts.items():
                    for b, names_b in rights.items():
                        if a == b:
                            continue
                        pairs = [(x, y) for x in names_a for y in names_b
                                 if _plain_latin(y) or matching_form(x) != matching_form(y)]
                        best = max(((scorer(x, y), x, y) for x, y in pairs), default=(0.0, "", ""))
                        if best[0] > 0.0:
                            scores[(a, b)] = best
                for (a, b), (s, x, y) in sorted(scores.items()):
                    # a rival as good as this pair or better beats it, unless it pairs the very same name
                    # again (丹尼尔·斯图里奇 and a mention glued to its gloss, 丹尼尔·斯图里奇( Daniel Sturridge),
                    # or the same name spelt twice in one version, which the scorer itself matches
                    # (雅各布斯 and 雅克布斯 for Jacobs)
                    rivals = [t for (a2, b2), (t, x2, y2) in scores.items() if (a2, b2) != (a, b)
                              and ((a2 == a and not _same_name(y2, y))
                                   or (b2 == b and not _same_name(x2, x) and not _spelt_twice(scorer, x, x2)))]
                    if all(t < s for t in rivals):
                        doc, sentence = state.nodes[b].evidence_for(y) if y in state.nodes[b].aliases else ("", "")
                        yield Candidate(a, b, rule, doc, sentence, f"{label} {s:.2f}; {where}", x, y)


def _spelt_twice(scorer: Scorer, a: str, b: str) -> bool:
    """Whether two Chinese names of one version are one name spelt two ways, by ``scorer``'s own measure."""
    return HAN_RE.search(a) is not None and HAN_RE.search(b) is not None and scorer(a, b) > 0.0


def _same_name(a: str, b: str) -> bool:
    """Whether two names are one name written with other characters around it: the same Chinese
    characters, or (without Chinese) the same Latin letters."""
    from .resolve import matching_form
    from .resolve_names import fold_latin

    ha, hb = "".join(HAN_RE.findall(matching_form(a))), "".join(HAN_RE.findall(matching_form(b)))
    return ha == hb if ha or hb else fold_latin(a) == fold_latin(b)


@lru_cache(maxsize=100_000)
def _plain_latin(name: str) -> bool:
    return HAN_RE.search(name) is None and not has_diacritics(name)


def _named(state: ResolveState, doc: str, type_: str, keep: Callable[[str], object] | None) -> dict[str, list[str]]:
    """``{group: its names that pass keep}`` of the ``type_`` nodes of ``doc`` (callers must not change it)."""
    memo = state.memo("named")
    key = (doc, type_, keep)
    if (known := memo.get(key)) is not None:
        return known
    out: dict[str, list[str]] = {}
    memo[key] = out
    for n in state.by_doc_type.get((doc, type_), ()):
        info = state.nodes[n]
        names = [a for a in info.aliases if keep is None or keep(a)]
        if names:
            root = state.find(n)
            out.setdefault(root, [])
            out[root] += [a for a in names if a not in out[root]]
    return out


@lru_cache(maxsize=200_000)
def _parts_score(han: str, other: str, type_: str) -> float:
    from .resolve_parts import name_parts, parts_agree, vi_head
    from .resolve_rules import transliteration_score

    if vi_head(other, type_):
        return 0.0  # a Vietnamese core may hold Vietnamese words (Đại học Y Harvard: Y is medicine)
    pa, pb = name_parts(han, type_), name_parts(other, type_)
    if not (pa[1] or pa[2] or pb[1] or pb[2]) or not parts_agree(pa, pb):
        return 0.0
    if type_ == "ORG" and not (pa[2] and pb[2]):
        return 0.0  # an organization is named by what it is on both sides (威尔士议会 / Welsh Parliament)
    return transliteration_score(pa[0], pb[0])


def place_score(han: str, other: str) -> float:
    """:func:`~policykg.graph.resolve_rules.transliteration_score` of the cores of two place names
    whose translated parts agree; 0.0 when neither name has such a part (that is the plain
    transliteration rule's case)."""
    return _parts_score(han, other, "PLACE")


def org_score(han: str, other: str) -> float:
    """:func:`place_score` for organizations, whose generic words must be on both sides and agree."""
    return _parts_score(han, other, "ORG")


@lru_cache(maxsize=200_000)
def vi_parts_score(vi: str, other: str) -> float:
    """1.0 when a Vietnamese name with a generic word first keeps the other name's core letter for
    letter (:func:`~policykg.graph.resolve_names.fold_latin`) and their parts agree, else 0.0."""
    from .resolve_names import fold_latin
    from .resolve_parts import name_parts, parts_agree, vi_head

    if HAN_RE.search(other):
        return 0.0
    best = 0.0
    for type_ in ("PLACE", "ORG"):
        pa, pb = name_parts(vi, type_), name_parts(other, type_)
        if vi_head(vi, type_) and parts_agree(pa, pb) and pb[2] and fold_latin(pa[0]) == fold_latin(pb[0]):
            best = 1.0
    return best


@lru_cache(maxsize=200_000)
def homophone_score(a: str, b: str) -> float:
    """1.0 for two Chinese names of two or more characters read with the same pinyin, else 0.0."""
    from .resolve import matching_form
    from .resolve_readings import pinyin_syllables, same_pinyin

    if not (HAN_RE.search(a) and HAN_RE.search(b)) or matching_form(a) == matching_form(b):
        return 0.0
    return 1.0 if len(pinyin_syllables(a)) >= 2 and same_pinyin(a, b) else 0.0


def place_parts_rule(state: ResolveState) -> Iterable[Candidate]:
    """``place-parts``: a Chinese place name and its foreign or Chinese counterpart, by their cores."""
    return best_matches(state, "place-parts", ("PLACE",), place_score, "core sound")


def org_parts_rule(state: ResolveState) -> Iterable[Candidate]:
    """``org-parts``: a Chinese organization name and its foreign counterpart, by their cores."""
    return best_matches(state, "org-parts", ("ORG",), org_score, "core sound")


def vi_parts_rule(state: ResolveState) -> Iterable[Candidate]:
    """``vi-parts``: a Vietnamese name with its generic word first and the name it translates."""
    return best_matches(state, "vi-parts", ("PLACE", "ORG"), vi_parts_score, "same core", left=_vi_generic_first)


@lru_cache(maxsize=100_000)
def _vi_generic_first(name: str) -> bool:
    from .resolve_parts import vi_head

    return HAN_RE.search(name) is None and any(vi_head(name, t) for t in ("PLACE", "ORG"))


def same_parts(state: ResolveState) -> Iterable[Candidate]:
    """``same-parts``: in one document, PLACE or ORG names whose cores are spelt alike
    (:func:`~policykg.graph.resolve_names.fold_latin`, or one Chinese form) and whose generic
    words and compass points are the same and present (Sở Cảnh Sát Newport / Cảnh Sát Newport)."""
    from .resolve import matching_form
    from .resolve_names import fold_latin, script_of
    from .resolve_parts import name_parts

    for doc in sorted(state.by_doc):
        for type_ in ("PLACE", "ORG"):
            by_parts: dict[tuple, list[tuple[str, str]]] = {}
            for n in state.by_doc_type.get((doc, type_), ()):
                if state.anchored(n):
                    continue
                for alias in state.nodes[n].aliases:
                    core, markers, generics = name_parts(alias, type_)
                    if not generics or core == alias:
                        continue
                    form = fold_latin(core) if script_of(core) == "latin" else matching_form(core)
                    if form:
                        by_parts.setdefault((form, markers, generics), []).append((n, alias))
            for (form, _, _), members in sorted(by_parts.items(), key=lambda kv: kv[0][0]):
                (head, sa), rest = members[0], members[1:]
                for other, sb in rest:
                    if not state.same(head, other):
                        doc_, sentence = state.nodes[other].evidence_for(sb)
                        yield Candidate(head, other, "same-parts", doc_, sentence,
                                        f"same core {form!r} and generic words; same document {doc}", sa, sb)


def homophone(state: ResolveState) -> Iterable[Candidate]:
    """``homophone``: two Chinese spellings of one name with the same pinyin (伯明翰 / 伯明罕)."""
    return best_matches(state, "homophone", ("PERSON", "PLACE"), homophone_score, "same pinyin")
