"""The ``institution`` rule: a body's generic name in English, Chinese and Vietnamese (Supreme Court /
最高法院 / Tòa án Tối cao), joined where a text and its translation name it.

Such names are no transliterations and no Sino-Vietnamese readings of one another, so no reading
rule can join them, and they are no lexicon concepts either: *Supreme Court* names the court of
whichever country a text is about. The shipped table ``data/institutions.tsv`` lists them; two
ORG nodes holding names of one row, in two languages, are one body when the documents say so: a
document and its translation, aligned documents, or one document holding both (never a shared
neighbour alone). Names that a text uses as often for its own country's body as for a foreign one
(Congress / Quốc hội) are not in the table.

Examples
--------
>>> institution_of("the Supreme Court"), institution_of("最高法院"), institution_of("Tòa án tối cao")
('supreme_court', 'supreme_court', 'supreme_court')
>>> institution_of("Quốc hội") is None
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from .resolve_names import HAN_RE, has_diacritics
from .resolve_state import Candidate, ResolveState

__all__ = ["institution_of", "institution"]

_TABLE = Path(__file__).parent / "data" / "institutions.tsv"
#: What support the rule accepts: documents that are one text in two languages, or one document.
_SUPPORT = ("translations", "aligned documents", "same document")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """``{name key: concept}`` from the table."""
    out: dict[str, str] = {}
    with open(_TABLE, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            concept, *columns = line.rstrip("\n").split("\t")
            for column in columns:
                for name in column.split("|"):
                    out[_key(name)] = concept
    return out


def _key(name: str) -> str:
    """A name as the table is looked up: Chinese in its matching form (simplified), other names
    case-folded without a leading *the*."""
    from .resolve import matching_form

    if HAN_RE.search(name):
        return matching_form(name)
    name = " ".join(name.split()).casefold()
    return name[4:] if name.startswith("the ") else name


def institution_of(name: str) -> str | None:
    """The table's concept for ``name``, or ``None``."""
    return _names().get(_key(name))


def _language(name: str) -> str:
    """``zh``, ``vi`` (Latin letters with marks: every Vietnamese name of the table has them) or ``en``."""
    return "zh" if HAN_RE.search(name) else "vi" if has_diacritics(name) else "en"


def institution(state: ResolveState) -> Iterable[Candidate]:
    """ORG nodes holding one body's names in two languages, with a text and its translation as support."""
    members: dict[str, list[tuple[str, str]]] = defaultdict(list)  # concept -> (node, name)
    for n, info in sorted(state.nodes.items()):
        if info.type != "ORG":
            continue
        found = next(((c, alias) for alias in info.aliases if (c := institution_of(alias))), None)
        if found:
            members[found[0]].append((n, found[1]))
    for concept, nodes in sorted(members.items()):
        for (a, name_a), (b, name_b) in combinations(nodes, 2):
            if state.same(a, b) or _language(name_a) == _language(name_b):
                continue
            why = state.support(a, b)
            if why and why.startswith(_SUPPORT):
                doc, sentence = state.nodes[b].evidence_for(name_b)
                yield Candidate(a, b, "institution", doc, sentence, f"one body ({concept}): {name_a} = {name_b}; {why}",
                                name_a, name_b)
