"""Why the cross-lingual cohesion of a parallel-corpus build misses: the biggest categories of misses.

The scorer (``xling_cohesion.py``) counts, for a PERSON/ORG/PLACE node seen in version X of a
story, whether the same node is seen in version Y. For each miss this script looks at what
version Y of the same story holds and files the miss under the first category that fits:

================================  ==============================================================
category                          the node of X, and what version Y has
================================  ==============================================================
``x-noise``                       the name is malformed (brackets, a Latin name glued to Chinese
                                  words, a long Chinese string): an extraction error in X
``same-name-other-type``          a node of another type with one of its names
``same-name-not-merged``          a node of the same type with one of its names (a guard refused)
``in-text-not-extracted``         one of its names is in Y's text, but no node there holds it
``sound-match``                   a node of the same type whose name sounds alike (拜登 / Biden)
``short-or-long-form``            a node of the same type whose name shortens it or is shortened
``word-overlap``                  a node of the same type sharing a word (Manuel Lopez / Lopez Obrador)
``other-type-match``              a node of another type that sounds alike or shares a word
``no-counterpart``                no node of Y resembles it (missed by Y's extractor, or noise)
================================  ==============================================================

The "ceiling by spelling" is the cohesion if every miss whose name (script folded) is written in
version Y's text were a hit: what better extraction and resolution of the names as written can
reach. Past it, a miss needs another spelling (拜登 / Biden, 甘迺迪 / 肯尼迪) or a translation matched,
or version Y does not name the entity at all (independent translations leave things out).

Usage (after ``python benchmarks/xling.py --out DIR``)::

    python benchmarks/xling_misses.py DIR/graph.graphml [CORPUS] [--pair en-zh] [--examples 8]

Examples
--------
>>> classify_name("特拉特洛尔科（ Tlatelolco"), classify_name("Andres Manuel Lopez Obrador 承諾"), classify_name("Lopez Obrador")
('x-noise', 'x-noise', '')
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from policykg.graph.resolve import matching_form
from policykg.graph.resolve_names import HAN_RE, fold_latin, script_of
from policykg.graph.resolve_rules import transliteration_score

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "ntrex_dev"
PAIRS = {"en-zh": ("en", "zh-Hans"), "hans-hant": ("zh-Hans", "zh-Hant"), "en-vi": ("en", "vi"),
         "en-hant": ("en", "zh-Hant")}
_DOC = re.compile(r"([\w.\-]+?)\.(en|zh-Hans|zh-Hant|vi)\.txt")
_NAMED = ("PERSON", "ORG", "PLACE")
_BRACKETS = re.compile(r"[（）()《》「」“”\"【】]")
#: Categories of a miss whose name, script folded, is in the other version's text.
_NAME_IN_TEXT = ("same-name-not-merged", "same-name-other-type", "in-text-not-extracted")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]{2,}")


@dataclass(frozen=True, slots=True)
class Node:
    """A named node of the graph: id, type, names."""

    id: str
    type: str
    names: tuple[str, ...]
    languages: tuple[str, ...] = ()


def classify_name(name: str) -> str:
    """``"x-noise"`` for a name no extractor should produce, else ``""``."""
    if _BRACKETS.search(name):
        return "x-noise"
    if HAN_RE.search(name) and _LATIN_WORD.search(name):
        return "x-noise"  # a Latin name glued to Chinese words
    if HAN_RE.search(name) and len(name) > 14 and "·" not in name:
        return "x-noise"
    return ""


def load(graphml: Path) -> dict[tuple[str, str], list[Node]]:
    """``{(story, lang): [Node]}`` of the PERSON/ORG/PLACE nodes of a graph."""
    g = nx.read_graphml(graphml)
    out: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for n, a in g.nodes(data=True):
        type_ = str(a.get("type", ""))
        names = tuple(x.strip() for x in str(a.get("aliases") or a.get("label", "")).split(" | ") if x.strip())
        langs = tuple(x.strip() for x in str(a.get("languages", "")).split(" | ") if x.strip())
        for m in {m.groups() for m in _DOC.finditer(str(a.get("documents", "")))}:
            out[m].append(Node(n, type_, names, langs))
    return out


def _words(name: str) -> set[str]:
    return {w for w in fold_latin(name).split() if len(w) >= 3} if script_of(name) == "latin" else set()


def _shortens(a: str, b: str) -> bool:
    if script_of(a) != script_of(b) or matching_form(a) == matching_form(b):
        return False
    if script_of(a) == "han":
        fa, fb = matching_form(a), matching_form(b)
        return len(fa) >= 2 and (fb.endswith(fa) or fb.startswith(fa) or fa in fb.split("·"))
    wa, wb = fold_latin(a).split(), fold_latin(b).split()
    return 0 < len(wa) < len(wb) and any(wb[i:i + len(wa)] == wa for i in range(len(wb)))


def _sounds(a: str, b: str) -> bool:
    if HAN_RE.search(a):
        return transliteration_score(a, b) > 0.0
    if HAN_RE.search(b):
        return transliteration_score(b, a) > 0.0
    return False


def _in_text(name: str, text: str, text_form: str) -> bool:
    if len(name) < 2 or classify_name(name):
        return False
    if script_of(name) == "latin":
        return len(name) >= 3 and re.search(r"(?<!\w)" + re.escape(fold_latin(name)) + r"(?!\w)", text) is not None
    return len(matching_form(name)) >= 2 and matching_form(name) in text_form


def classify(node: Node, others: list[Node], text: str) -> tuple[str, str]:
    """The category of a miss (see the module docstring) and the names in Y that explain it."""
    if all(classify_name(x) for x in node.names):
        return "x-noise", ""
    forms = {matching_form(x) for x in node.names} | {fold_latin(x) for x in node.names if script_of(x) == "latin"}
    for o in others:
        oforms = {matching_form(x) for x in o.names} | {fold_latin(x) for x in o.names if script_of(x) == "latin"}
        if forms & oforms:
            return ("same-name-not-merged" if o.type == node.type else "same-name-other-type"), f"{o.type} {' | '.join(o.names)}"
    folded, text_form = fold_latin(text), matching_form(text)
    for x in node.names:
        if _in_text(x, folded if script_of(x) == "latin" else text, text_form):
            return "in-text-not-extracted", x
    checks = (("sound-match", _sounds), ("short-or-long-form", lambda a, b: _shortens(a, b) or _shortens(b, a)),
              ("word-overlap", lambda a, b: bool(_words(a) & _words(b))))
    for category, test in checks:
        for o in others:
            if o.type == node.type and any(test(x, y) for x in node.names for y in o.names):
                return category, " | ".join(o.names)
    for _, test in checks:
        for o in others:
            if o.type != node.type and any(test(x, y) for x in node.names for y in o.names):
                return "other-type-match", f"{o.type} {' | '.join(o.names)}"
    return "no-counterpart", ""


def misses(by_doc: dict[tuple[str, str], list[Node]], corpus: Path, pair: str):
    """Yield ``(story, node, category, explanation)`` for every miss of ``pair``."""
    x, y = PAIRS[pair]
    stories = sorted({s for s, _ in by_doc})
    for story in stories:
        here = [n for n in by_doc.get((story, x), []) if n.type in _NAMED]
        there = by_doc.get((story, y), [])
        there_ids = {n.id for n in there}
        path = corpus / f"{story}.{y}.txt"
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        for node in here:
            if node.id not in there_ids:
                yield (story, node, *classify(node, there, text))


def malformed(by_doc: dict[tuple[str, str], list[Node]]) -> dict[str, list[str]]:
    """``{language: [names]}``: names that :func:`classify_name` calls extraction noise, of the
    PERSON/ORG/PLACE nodes seen in documents of that one language only, once per story."""
    out: dict[str, list[str]] = defaultdict(list)
    for (story, lang), nodes in sorted(by_doc.items()):
        for node in nodes:
            if node.type in _NAMED and node.languages == (lang,):
                out[lang] += [x for x in node.names if classify_name(x)]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graphml", type=Path)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pair", action="append", choices=sorted(PAIRS), help="default: en-zh, hans-hant, en-vi")
    parser.add_argument("--examples", type=int, default=6, help="examples printed per category")
    args = parser.parse_args(argv)
    by_doc = load(args.graphml)
    for pair in args.pair or ["en-zh", "hans-hant", "en-vi"]:
        x, _ = PAIRS[pair]
        total = sum(1 for (s, lang), ns in by_doc.items() if lang == x for n in ns if n.type in _NAMED)
        rows = list(misses(by_doc, args.corpus, pair))
        counts = Counter(c for *_, c, _ in rows)
        print(f"== {pair}: {len(rows)} misses of {total} ({100 * (total - len(rows)) / max(total, 1):.1f}% cohesion)")
        verbatim = sum(counts[c] for c in _NAME_IN_TEXT)
        print(f"   ceiling by spelling: {100 * (total - len(rows) + verbatim) / max(total, 1):.1f}% (hits, and misses"
              " whose name is in version Y's text; the others are spelled or translated otherwise there, or absent)")
        examples: dict[str, list[str]] = defaultdict(list)
        for story, node, cat, why in rows:
            examples[cat].append(f"{story}: {node.type} {' | '.join(node.names)}" + (f"  ~  {why}" if why else ""))
        for cat, k in counts.most_common():
            print(f"  {k:4d}  {cat}")
            for line in examples[cat][:args.examples]:
                print(f"          {line}")
    print("== malformed names by version (extraction side)")
    for lang, names in sorted(malformed(by_doc).items()):
        print(f"  {len(names):4d}  {lang}: " + ", ".join(names[:args.examples]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
