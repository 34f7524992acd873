"""The ``bare-head`` rule: a Vietnamese organization named by its head alone and the one it stands for.

Vietnamese texts name an organization in full once and by its head after that: *Đảng Cộng sản
Việt Nam* and then *Đảng* (the Party) a score of times; *Chính phủ Việt Nam* and then *Chính
phủ*. The bare head is one node across every document that writes it, so it joins a full name
only when each of its documents names exactly one organization opening with that head, and all
of them the same one. Where one document speaks of the Labour Party and another of the
Democratic Party, or one document of two parties, *Đảng* stays alone.

Examples
--------
>>> "đảng" in NAMED_HEADS, "chính phủ" in NAMED_HEADS, "nhà trắng" in NAMED_HEADS
(True, True, False)
"""

from __future__ import annotations

from collections.abc import Iterable

from policykg.extractors.vi_words import BARE_ORGS

from .resolve_state import Candidate, ResolveState

__all__ = ["bare_head", "NAMED_HEADS"]

#: Heads that open the full names of organizations (Đảng Cộng sản Việt Nam, Chính phủ Việt Nam);
#: the other bare organizations (Nhà Trắng, Liên hợp quốc) are whole names themselves.
NAMED_HEADS = frozenset(h.casefold() for h in ("Đảng", "Chính phủ", "Quốc hội", "Quân đội", "Nhà nước", "Thượng viện",
                                              "Hạ viện")
                        if h in BARE_ORGS)


def bare_head(state: ResolveState) -> Iterable[Candidate]:
    """ORG nodes named by a head of :data:`NAMED_HEADS` alone, each with the one full name opening
    with that head in every one of its documents (see the module docstring)."""
    orgs = {n: info for n, info in state.nodes.items() if info.type == "ORG"}
    for n, info in sorted(orgs.items()):
        bare = next((a for a in info.aliases if a.casefold() in NAMED_HEADS), None)
        if bare is None:
            continue
        opening = bare.casefold() + " "
        targets: set[tuple[str, str]] = set()
        for d in info.documents:
            names = {(a, m) for m in state.by_doc_type.get((d, "ORG"), ()) if not state.same(m, n)
                     for a in orgs[m].aliases if a.casefold().startswith(opening)}
            longest = _longest(names)
            if longest is None:
                targets = set()
                break  # a document that names none, or two different ones: the head may stand for another there
            targets.add(longest)
        if len({state.find(m) for _, m in targets}) != 1:
            continue
        long_name, full = min(targets)
        doc, sentence = info.evidence_for(bare)
        yield Candidate(full, n, "bare-head", doc, sentence,
                        f"{bare} stands for {long_name}, the only {bare} named in its documents", long_name, bare)


def _longest(names: set[tuple[str, str]]) -> tuple[str, str] | None:
    """The ``(name, node)`` whose name every other name opens (Đảng Cộng sản Việt Nam over Đảng Cộng
    sản), or ``None`` when there is none or two names part ways (Đảng Cộng sản Việt Nam and Đảng
    Cộng sản Trung Quốc).

    >>> _longest({("Đảng Cộng sản", "a"), ("Đảng Cộng sản Việt Nam", "b")})
    ('Đảng Cộng sản Việt Nam', 'b')
    >>> _longest({("Đảng Cộng sản Việt Nam", "b"), ("Đảng Cộng sản Trung Quốc", "c")}) is None
    True
    """
    if not names:
        return None
    best = max(names, key=lambda x: (len(x[0]), x))
    whole = best[0].casefold() + " "
    return best if all(whole.startswith(a.casefold() + " ") for a, _ in names) else None
