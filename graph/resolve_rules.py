"""The resolution rules: each proposes pairs of nodes that are one entity, with its evidence.

Every rule is a function ``(state) -> Iterable[Candidate]``; :func:`~policykg.graph.resolve.resolve`
runs them in :data:`RULE_ORDER` and merges what the guards of
:class:`~policykg.graph.resolve_state.ResolveState` allow. Rules that look only at names are
kept to names that cannot mean two things; the others need *structural support* (a shared
document, aligned documents in two languages, or a shared neighbour).

==================  =========================================================  ===============
rule                 what makes two names one                                    needs support
==================  =========================================================  ===============
``alias-file``       a ``merge`` row of the user's alias file                    no
``alias-of``         an ``ALIAS_OF`` edge: gloss, abbreviation, bilingual bio     no (it is one)
``regional``         OpenCC's Taiwan/Hong Kong phrase variants (歐巴馬 / 奥巴马)   no
``latin``            Latin names equal without case and marks (Ho Chi Minh)      no
``city``             a city's Chinese and English names by GeoNames (洛杉矶 /     no
                     Los Angeles: :mod:`~policykg.graph.resolve_cities`)
``han-viet``         Sino-Vietnamese reading, head first (资本主义 / chủ nghĩa tư bản)  persons only
``short-form``       a surname or short name (or the given name of a two-part    one document
                     foreign name: 皮特 / 皮特·琼斯) and the one full name there
``bare-head``        a Vietnamese organization's head alone and the one full      every document
                     name opening with it in each of its documents (Đảng /
                     Đảng Cộng sản Việt Nam: :mod:`~policykg.graph.resolve_heads`)
``pinyin``           a pinyin reading (宋大伟 / SONG Dawei, 云南 / Yunnan)          yes
``institution``      a body's generic names in a table (Supreme Court / 最高法院 /  aligned documents
                     Tòa án Tối cao: :mod:`~policykg.graph.resolve_institutions`)  or one document
``transliteration``  similar consonants (拜登 / Biden), best match both ways       aligned documents
``homophone``        two Chinese spellings with one pinyin (伯明翰 / 伯明罕)         aligned documents
``place-parts``      transliterated cores, translated parts agree (亚利桑那州 /     aligned documents
                     Arizona, 西弗吉尼亚 / West Virginia); ``org-parts`` the same
                     for organizations (卡内基梅隆大学 / Carnegie Mellon University)
``vi-parts``         Vietnamese generic word first, same core (Thành phố Kansas /  aligned documents
                     Kansas City)
``same-parts``       same core and generic words (the Cromwell Society /          one document
                     Cromwell Society)
``gloss``            an English name translating a Chinese one word for word by   one document or
                     CC-CEDICT (中国科学院 / Chinese Academy of Sciences:          aligned documents
                     :mod:`~policykg.graph.resolve_glosses`)
``parallel-lines``   the one unmatched name on a line of a translation and on     aligned documents
                     the same line of the other version, written alike enough     with as many lines
                     (地方法院 / Belfast Magistrates' Court:
                     :mod:`~policykg.graph.resolve_lines`)
==================  =========================================================  ===============

Aligned documents are translations by file name (:mod:`~policykg.graph.resolve_translations`)
or documents that name the same merged entities.

Examples
--------
>>> RULE_ORDER[:3]
('alias-file', 'alias-of', 'regional')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache

from .resolve_cities import city
from .resolve_glosses import gloss
from .resolve_heads import bare_head
from .resolve_institutions import institution
from .resolve_lines import parallel_lines
from .resolve_names import HAN_RE, compact_latin, fold_latin, fold_vietnamese, has_diacritics, parse_person, script_of
from .resolve_readings import (han_viet_forms, letter_similarity, looks_transliterated, romanizations, sound_key,
                               sound_similarity, spoken_variants)
from .resolve_sound import best_matches, homophone, org_parts_rule, place_parts_rule, same_parts, vi_parts_rule
from .resolve_state import Candidate, ResolveState

__all__ = ["RULE_ORDER", "RULES", "SOUND_THRESHOLD", "regional_form", "transliteration_score"]

#: Smallest :func:`~policykg.graph.resolve_readings.sound_similarity` for a transliteration merge.
SOUND_THRESHOLD = 0.8
_NAMED = ("PERSON", "ORG", "PLACE")


def _pair(state: ResolveState, a: str, sa: str, b: str, sb: str, rule: str, detail: str = "",
          doc: str = "", sentence: str = "") -> Candidate:
    if not doc:
        doc, sentence = state.nodes[b].evidence_for(sb)
    return Candidate(a, b, rule, doc, sentence, detail, sa, sb)


def alias_file(state: ResolveState) -> Iterable[Candidate]:
    """``merge`` rows of the alias file: every pair of nodes holding the two names, of one type."""
    if state.aliases is None:
        return
    from .resolve import matching_form

    holders: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for n, info in sorted(state.nodes.items()):
        for alias in info.aliases:
            holders[matching_form(alias)].append((n, alias))
    for row in state.aliases.merges:
        for a, sa in holders.get(matching_form(row.a), []):
            for b, sb in holders.get(matching_form(row.b), []):
                ta, tb = state.nodes[a].type, state.nodes[b].type
                if ta == tb and (not row.type or ta == row.type):
                    yield Candidate(a, b, "alias-file", row.where, f"{row.action},{row.a},{row.b},{row.type}".rstrip(","),
                                    "user alias file", sa, sb)


def alias_of(state: ResolveState, edges: list[tuple[str, str, dict]]) -> Iterable[Candidate]:
    """``ALIAS_OF`` edges of the extractors, each with its first evidence sentence."""
    for u, v, data in edges:
        ev = (data.get("evidence") or [{}])[0]
        detail = data.get("kind") or data.get("source") or "extracted alias"
        yield Candidate(u, v, "alias-of", ev.get("doc", ""), ev.get("sentence", ""), str(detail),
                        state.nodes[u].label, state.nodes[v].label)


@lru_cache(maxsize=50_000)
def regional_form(name: str) -> str:
    """The mainland simplified form of a Taiwan phrase (OpenCC ``tw2sp``), in :func:`matching_form`.

    Examples
    --------
    >>> regional_form("歐巴馬"), regional_form("紐西蘭"), regional_form("國務院")
    ('奥巴马', '新西兰', '国务院')
    """
    from .resolve import matching_form

    # Taiwan phrases are written in traditional characters: 紐西蘭 → 新西兰
    return matching_form(_converter("tw2sp").convert(_converter("s2t").convert(name)))


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def regional(state: ResolveState) -> Iterable[Candidate]:
    """Chinese names that are one name in another region's vocabulary (歐巴馬 / 奥巴马)."""
    from .resolve import matching_form

    by_form: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    han = [(n, a) for n, info in sorted(state.nodes.items()) for a in info.aliases if HAN_RE.search(a)]
    for n, alias in han:
        by_form[(state.nodes[n].type, matching_form(alias))].append((n, alias))
    for n, alias in han:
        form = regional_form(alias)
        if form == matching_form(alias):
            continue
        for m, other in by_form.get((state.nodes[n].type, form), []):
            if m != n:
                yield _pair(state, m, other, n, alias, "regional", f"OpenCC regional phrase: {alias} → {form}")


def latin(state: ResolveState) -> Iterable[Candidate]:
    """Latin-script names equal up to case and marks (Hồ Chí Minh / Ho Chi Minh, Erdogan's / Erdogan).

    Two spellings that both carry Vietnamese marks and differ in them are different names.
    """
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for n, info in sorted(state.nodes.items()):
        if info.type not in _NAMED:
            continue
        for alias in info.aliases:
            if script_of(alias) == "latin" and (key := fold_latin(alias)):
                groups[(info.type, key)].append((n, alias))
    for (_, key), members in sorted(groups.items()):
        nodes = list(dict.fromkeys(n for n, _ in members))
        if len(nodes) < 2:
            continue
        first = {n: next(a for m, a in members if m == n) for n in nodes}
        head = nodes[0]
        for other in nodes[1:]:
            sa, sb = first[head], first[other]
            if has_diacritics(sa) and has_diacritics(sb) and fold_vietnamese(sa) != fold_vietnamese(sb):
                continue
            yield _pair(state, head, sa, other, sb, "latin", f"same letters without case and marks: {key}")


def _vi_index(state: ResolveState) -> dict[tuple[str, str], list[tuple[str, str]]]:
    index: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for n, info in sorted(state.nodes.items()):
        for alias in info.aliases:
            if script_of(alias) == "latin" and has_diacritics(alias):
                index[(info.type, fold_vietnamese(alias))].append((n, alias))
    return index


def han_viet(state: ResolveState, *, persons: bool = False) -> Iterable[Candidate]:
    """Chinese words and their Sino-Vietnamese reading (资本主义 / chủ nghĩa tư bản, 云南 / Vân Nam).

    Terms, organizations, places and works merge by the reading; people (``persons=True``,
    reading in Chinese order only) also need structural support, since many people share a name.
    """
    index = _vi_index(state)
    for n, info in sorted(state.nodes.items()):
        if (info.type == "PERSON") != persons:
            continue
        for alias in info.aliases:
            if not HAN_RE.search(alias) or not 2 <= len(alias) <= 12:
                continue
            forms = han_viet_forms(alias)
            if persons:  # names are read in their own order
                forms = frozenset(f for f in forms if len(f.split()) == len(alias))
            for form in sorted(forms):
                for m, vi in index.get((info.type, form), []):
                    if m == n or state.same(m, n):
                        continue
                    why = state.support(n, m) if persons else "reading"
                    if why:
                        yield _pair(state, n, alias, m, vi, "han-viet", f"Sino-Vietnamese reading: {alias} → {form}; {why}")


def short_form(state: ResolveState) -> Iterable[Candidate]:
    """A short name (米塞斯, Lopez Obrador) and the one full name it shortens in its documents, or,
    in a document that has none, in that document's translations (约翰逊 in one Chinese version,
    大卫·约翰逊 in the other).

    Every document of the short name that holds a matching full name must hold exactly one
    (K.波兰尼 and M.波兰尼 in one text leave 波兰尼 alone), and so must its translations together.
    """
    persons = {n: info for n, info in state.nodes.items() if info.type == "PERSON"}
    by_end: dict[str, dict[str, list[str]]] = {}  # per document: its persons by each character and word they hold

    def holding(d: str) -> dict[str, list[str]]:
        if (index := by_end.get(d)) is None:
            index = by_end[d] = defaultdict(list)
            for m in state.by_doc_type.get((d, "PERSON"), ()):
                for key in {k for f in persons[m].aliases for k in _name_keys(f)}:
                    index[key].append(m)
        return index

    def full_names(n: str, info, docs) -> set[str]:
        ends = {_name_end(s) for s in info.aliases} - {""}
        return {state.find(m) for d in docs for m in {m for e in ends for m in holding(d).get(e, ())}
                if not state.same(m, n) and any(_shortens(s, f) for s in info.aliases for f in persons[m].aliases)}

    for n, info in sorted(persons.items()):
        targets: set[str] = set()
        ambiguous = False
        evidence: tuple[str, str, str] | None = None
        for d in info.documents:
            found = full_names(n, info, (d,)) or full_names(n, info, sorted(state.translations.get(d, ())))
            if len(found) > 1:
                ambiguous = True
                break
            if found:
                targets |= found
                if evidence is None:
                    evidence = (d, *info.evidence_for(info.label))
        if ambiguous or len(targets) != 1:
            continue
        root = targets.pop()
        full = next(m for m in state.members(root) if m in persons
                    and any(_shortens(s, f) for s in info.aliases for f in persons[m].aliases))
        long_name = next(f for f in persons[full].aliases if any(_shortens(s, f) for s in info.aliases))
        short = next(s for s in info.aliases if _shortens(s, long_name))
        doc, sentence = info.evidence_for(short)
        yield Candidate(full, n, "short-form", doc, sentence, f"{short} shortens {long_name}, the only such name there",
                        long_name, short)


@lru_cache(maxsize=100_000)
def _name_end(name: str) -> str:
    """The last Chinese character of ``name``, else its last word folded (:func:`fold_latin`): a full
    name that ``name`` shortens holds it (:func:`_name_keys`), which spares testing every other pair.

    >>> _name_end("米塞斯"), _name_end("Lopez Obrador"), _name_end("L.米塞斯")
    ('斯', 'obrador', '斯')
    """
    han = HAN_RE.findall(name)
    if han:
        return han[-1][-1]
    words = fold_latin(name).split()
    return words[-1] if words else ""


@lru_cache(maxsize=100_000)
def _name_keys(name: str) -> frozenset[str]:
    """The Chinese characters and the folded Latin words of ``name``.

    >>> sorted(_name_keys("Andrés Manuel López Obrador")), sorted(_name_keys("皮特·琼斯"))
    (['andres', 'lopez', 'manuel', 'obrador'], ['斯', '特', '琼', '皮'])
    """
    return frozenset(HAN_RE.findall(name)) | frozenset(w for w in fold_latin(name).split() if not HAN_RE.search(w))


@lru_cache(maxsize=200_000)
def _shortens(short: str, full: str) -> bool:
    ps, pf = parse_person(short), parse_person(full)
    if ps is None or pf is None or ps.script != pf.script or ps.initials:
        return False
    if ps.script == "han":
        tail, whole = (*ps.given, ps.surname), (*pf.given, pf.surname)
        if whole[-len(tail):] == tail and (len(tail) < len(whole) or bool(pf.initials)):
            return True
        # a given name alone, when a transliterated full name is just given name · surname (皮特·琼斯)
        if "·" in full and len(whole) == 2 and not pf.initials and tail == whole[:1]:
            return True
        # a foreign name written without its dot (奥利佛克伦威尔 for 奥利佛·克伦威尔): five characters or
        # more is no Chinese name, and a tail of three or more is its surname (克伦威尔)
        return not (pf.given or pf.initials or ps.given) and len(pf.surname) >= 5 and len(ps.surname) >= 3 \
            and len(pf.surname) - len(ps.surname) >= 2 and pf.surname.endswith(ps.surname)
    ws, wf = fold_latin(short).split(), fold_latin(full).split()
    if not ws or len(ws) >= len(wf) or len(ws[-1]) < 2 or _territory(short):
        return False
    marked = {has_diacritics(w) for w in full.split()}
    if len(marked) > 1:
        return False  # Vietnamese words around a foreign name: a title or a description, not a name
    # a surname (the end), or a given name when the full name is just given name + surname
    return wf[-len(ws):] == ws or (len(wf) == 2 and wf[:1] == ws)


def _territory(name: str) -> bool:
    from .resolve import territory_code

    return territory_code(name) is not None


def pinyin(state: ResolveState) -> Iterable[Candidate]:
    """Chinese names and their pinyin spelling (宋大伟 / SONG Dawei / Dawei Song), with support."""
    latin_by_form: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for n, info in sorted(state.nodes.items()):
        if info.type in ("PERSON", "PLACE"):
            for alias in info.aliases:
                if script_of(alias) == "latin":
                    latin_by_form[(info.type, compact_latin(alias))].append((n, alias))
    for n, info in sorted(state.nodes.items()):
        if info.type not in ("PERSON", "PLACE"):
            continue
        for alias in info.aliases:
            if not HAN_RE.fullmatch(alias[:1] or " ") or not HAN_RE.search(alias):
                continue
            for form in sorted(romanizations(alias)):
                for m, spelled in latin_by_form.get((info.type, form), []):
                    if state.same(m, n):
                        continue
                    why = state.support(n, m)
                    if why:
                        yield _pair(state, n, alias, m, spelled, "pinyin", f"pinyin {form}; {why}")


@lru_cache(maxsize=200_000)
def transliteration_score(han: str, other: str) -> float:
    """How well ``other`` (Latin, or another Chinese spelling) matches the Chinese transliteration
    ``han``: 0.0 below the thresholds or for a name not written like a transliteration
    (:func:`~policykg.graph.resolve_readings.looks_transliterated`), else 0.6 × consonant
    similarity + 0.4 × letter similarity.

    Two Chinese spellings (格雷厄姆 / 格萊厄姆) must agree more closely than Chinese and Latin.

    Examples
    --------
    >>> transliteration_score("拜登", "Biden") > 0.8, transliteration_score("布雷特", "Ford")
    (True, 0.0)
    >>> transliteration_score("格雷厄姆", "格萊厄姆") > 0.8, transliteration_score("乔恩", "吉姆")
    (True, 0.0)
    """
    if HAN_RE.search(other) is None:  # as written, and as spoken (Birmingham / 伯明翰)
        return max(_transliteration_score(han, v) for v in spoken_variants(other))
    return _transliteration_score(han, other)


def _transliteration_score(han: str, other: str) -> float:
    ka, kb = sound_key(han), sound_key(other)
    if not ka or not kb or 0.4 * abs(len(ka) - len(kb)) > (1 - SOUND_THRESHOLD) * max(len(ka), len(kb)):
        return 0.0  # every consonant class one has and the other lacks costs at least 0.4
    sound = sound_similarity(han, other)
    if sound < SOUND_THRESHOLD or len(ka) < 2:
        return 0.0
    letters = letter_similarity(han, other)
    score = 0.6 * sound + 0.4 * letters
    if HAN_RE.search(other):  # two Chinese names: both must be written as transliterations
        ok = looks_transliterated(han) and looks_transliterated(other) and letters >= 0.6 and score >= 0.8
    else:  # a name not written as a transliteration (李勇浩 / Ri Yong Ho) must match closely
        ok = score >= (0.7 if looks_transliterated(han) else 0.85)
    return score if ok else 0.0


def transliteration(state: ResolveState) -> Iterable[Candidate]:
    """A Chinese transliteration and the foreign name (拜登 / Biden), or two Chinese spellings of one
    foreign name (格雷厄姆 / 格萊厄姆), in translated or aligned documents of two languages; each
    must be the other's single best match there (:func:`~policykg.graph.resolve_sound.best_matches`).
    Countries and lexicon concepts are left to their keys."""
    for d in sorted(state.by_doc):
        yield from _initialled(state, d)
    yield from best_matches(state, "transliteration", ("PERSON", "PLACE"), transliteration_score)


def _initialled(state: ResolveState, doc: str) -> Iterable[Candidate]:
    """In one document: a Chinese name with initials and the Latin name with those initials and
    the same-sounding surname (K.波兰尼 / Karl Polanyi, not M.波兰尼 / Karl Polanyi)."""
    people = state.by_doc_type.get((doc, "PERSON"), [])
    han, lat = [], []
    for n in people:
        for alias in state.nodes[n].aliases:
            p = parse_person(alias)
            if p is not None and p.script == "han" and p.initials:
                han.append((n, alias, p))
            elif p is not None and p.script == "latin" and p.given and not has_diacritics(alias):
                lat.append((n, alias, p))
    matches: dict[str, list[tuple[str, str, str, float]]] = defaultdict(list)
    for n, alias, p in han:
        for m, other, q in lat:
            if p.initials[:1] != q.first_letters[:1] or len(p.initials) > len(q.first_letters):
                continue
            score = transliteration_score(p.surname, q.surname) if len(p.surname) >= 2 else 0.0
            if score > 0.0:
                matches[n].append((m, alias, other, score))
    taken: dict[str, int] = defaultdict(int)
    for found in matches.values():
        for m, *_ in found:
            taken[m] += 1
    for n, found in sorted(matches.items()):
        if len(found) == 1 and taken[found[0][0]] == 1:
            m, alias, other, score = found[0]
            yield _pair(state, n, alias, m, other, "transliteration",
                        f"initials and surname sound {score:.2f}; same document {doc}")


def han_viet_people(state: ResolveState) -> Iterable[Candidate]:
    """:func:`han_viet` for people (胡志明 / Hồ Chí Minh), with structural support."""
    return han_viet(state, persons=True)


#: The order the rules run in: strongest evidence first, rules that need support last.
RULE_ORDER = ("alias-file", "alias-of", "regional", "latin", "city", "han-viet", "short-form", "bare-head", "same-parts",
              "pinyin", "han-viet-people", "institution", "homophone", "transliteration", "place-parts", "org-parts", "vi-parts",
              "gloss", "parallel-lines", "short-form", "transliteration", "place-parts")
RULES: dict[str, Callable[[ResolveState], Iterable[Candidate]]] = {
    "alias-file": alias_file, "regional": regional, "latin": latin, "city": city, "han-viet": han_viet,
    "short-form": short_form, "pinyin": pinyin, "han-viet-people": han_viet_people,
    "transliteration": transliteration, "place-parts": place_parts_rule, "homophone": homophone,
    "org-parts": org_parts_rule, "vi-parts": vi_parts_rule, "same-parts": same_parts, "bare-head": bare_head,
    "institution": institution, "gloss": gloss, "parallel-lines": parallel_lines,
}
