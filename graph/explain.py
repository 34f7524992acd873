"""Why a node holds the names it holds: its rows of ``merges.csv``, read beside ``graph.json``, and
the mentions of its names given another type (``build-report.json``).

Examples
--------
>>> import tempfile, pathlib
>>> from policykg.extractors.records import DocumentRecord, Mention, Sentence
>>> from policykg.graph.build import build_graph
>>> from policykg.graph.export import write_json
>>> from policykg.graph.resolve_audit import write_merges
>>> from policykg.graph.resolve import resolve
>>> text = "宋大伟 中国科学院研究员。SONG Dawei Researcher."
>>> rec = DocumentRecord("bio.txt", "t", text, sentences=[Sentence(0, 13, text[:13], "zh-Hans"), Sentence(13, len(text), text[13:], "en")],
...                      mentions=[Mention("宋大伟", "PERSON", 0, 3, "zh-Hans", 0), Mention("SONG Dawei", "PERSON", 13, 23, "en", 1)])
>>> g, merges = resolve(build_graph([rec]), records=[rec])
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> write_json(g, out / "graph.json"); write_merges(out / "merges.csv", merges)
>>> print(explain_name("song dawei", out))
SONG Dawei (PERSON, n45a262496113): 2 names, 1 document
  宋大伟 = SONG Dawei  [pinyin] pinyin songdawei; same document bio.txt
      bio.txt: SONG Dawei Researcher.
  to undo: add `never,宋大伟,SONG Dawei` to an alias file and rebuild with `kg build --aliases FILE`
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from .resolve import Merge, matching_form
from .resolve_audit import read_merges
from .resolve_names import fold_latin, parse_person, script_of
from .search import NameIndex

__all__ = ["NameNotFound", "Explanation", "explain", "explain_name"]


class NameNotFound(LookupError):
    """No node of the graph holds the name; the message says what to try."""


@dataclass(frozen=True, slots=True)
class Explanation:
    """One node that holds the name, and the rows of ``merges.csv`` that put its names together."""

    node: str
    label: str
    type: str
    aliases: tuple[str, ...]
    documents: int
    rows: tuple[Merge, ...]
    #: ``build-report.json``'s ``resolution.retyped`` entries for this node's names
    retyped: tuple[dict, ...] = ()
    #: ``resolution.projected`` entries for this node's names: found in a version by its translation
    projected: tuple[dict, ...] = ()

    def render(self) -> str:
        """The explanation as lines of text (see the module example)."""
        lines = [f"{self.label} ({self.type}, {self.node}): {len(self.aliases)} name{'s' * (len(self.aliases) != 1)}, "
                 f"{self.documents} document{'s' * (self.documents != 1)}"]
        explained = {self.label}
        for row in self.rows:
            lines.append(f"  {row.surface_a} = {row.surface_b}  [{row.rule}] {row.detail}".rstrip())
            if row.doc or row.sentence:
                lines.append(f"      {row.doc}: {_short(row.sentence)}".rstrip())
            explained |= {row.surface_a, row.surface_b}
        for alias in self.aliases:
            if alias not in explained:
                lines.append(f"  {alias}  [extracted] no merge recorded for this name")
        for r in self.retyped:
            lines.append(f"  {r['name']}: {r['from']} -> {r['to']} in {r['document']}  [{r['by']}]")
        for where, rows in _by_document(self.projected).items():
            sources = sorted({r["from"] for r in rows})
            lines.append(f"  {rows[0]['name']} in {where} ({len(rows)}x): named in its translation "
                         f"{', '.join(sources)}  [projected]")
        if self.rows:
            first = next((r for r in self.rows if r.rule not in ("spelling",)), self.rows[0])
            lines.append(f"  to undo: add `never,{first.surface_a},{first.surface_b}` to an alias file and rebuild "
                         "with `kg build --aliases FILE`")
        if self.projected:
            lines.append("  to leave translations' names unprojected: `kg build --no-projection`")
        if self.retyped:
            lines.append(f"  to fix the type: add `type,{self.retyped[0]['name']},TYPE` to an alias file and rebuild")
        return "\n".join(lines)


def _by_document(rows: tuple[dict, ...]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["document"], []).append(r)
    return out


def _short(sentence: str, limit: int = 160) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def _holds(aliases: list[str], name: str) -> bool:
    form = matching_form(name)
    latin = fold_latin(name) if script_of(name) == "latin" else None
    return any(matching_form(a) == form or (latin is not None and fold_latin(a) == latin) for a in aliases)


def _surname_of(aliases: list[str], name: str) -> bool:
    """Whether ``name`` is the surname of a longer name among ``aliases``: 鲍威尔 of O.鲍威尔, Bauer of Otto Bauer."""
    alone = parse_person(name)
    if alone is None or alone.given or alone.initials:
        return False
    surname = matching_form(alone.surname)
    return any((p := parse_person(a)) is not None and (p.given or p.initials) and matching_form(p.surname) == surname
               for a in aliases)


def _about(rows: Iterable[dict], type_key: str, attrs: dict, aliases: list[str]) -> tuple[dict, ...]:
    """The report ``rows`` giving a node's type (under ``type_key``) to one of its names."""
    return tuple(r for r in rows if r.get(type_key) == attrs.get("type") and _holds(aliases, r["name"]))


def explain(g: nx.MultiDiGraph, merges: list[Merge], name: str, retyped: list[dict] = (),
            projected: list[dict] = ()) -> list[Explanation]:
    """Every node of ``g`` holding ``name`` (case, script and marks aside), with its merge rows,
    the mentions of its names given another type (``retyped``: the build report's
    ``resolution.retyped``) and those found by a translation (``projected``: its
    ``resolution.projected``).

    A surname alone (鲍威尔) finds the people it ends (O.鲍威尔, kept apart from H.鲍尔 by design)
    when no node holds it as a whole name.

    Raises
    ------
    NameNotFound
        If no node holds ``name``; the message names the closest names there are.
    """
    nodes = sorted(g.nodes(data=True), key=lambda x: -int(x[1].get("mentions") or 0))
    for test in (_holds, _surname_of):
        found = [Explanation(n, attrs.get("label", ""), attrs.get("type", ""), tuple(aliases),
                             len(attrs.get("documents") or []), tuple(m for m in merges if m.kept_id == n),
                             _about(retyped, "to", attrs, aliases), _about(projected, "type", attrs, aliases))
                 for n, attrs in nodes
                 if test(aliases := list(attrs.get("aliases") or [attrs.get("label", "")]), name)]
        if found:
            return found
    close = list(dict.fromkeys(m.name for m in NameIndex(g).search(name, limit=3)))
    hint = f"closest: {', '.join(close)}" if close else "check the spelling"
    raise NameNotFound(f"no node holds {name!r}; {hint}. List names with `kg query find NAME`.")


def explain_name(name: str, out_dir: str | Path = "output") -> str:
    """:func:`explain` for a built output folder (``graph.json`` and ``merges.csv``), as text.

    Raises
    ------
    FileNotFoundError
        If ``out_dir`` has no ``graph.json``; the message says how to build it.
    NameNotFound
        If no node holds ``name``.
    """
    from .export import read_json

    out = Path(out_dir)
    graph_path = out / "graph.json"
    if not graph_path.exists():
        raise FileNotFoundError(f"{graph_path} does not exist. Build first: `kg build -o {out}`.")
    g = read_json(graph_path)
    merges = read_merges(out / "merges.csv")
    report = out / "build-report.json"
    resolution = json.loads(report.read_text(encoding="utf-8")).get("resolution", {}) if report.exists() else {}
    return "\n\n".join(e.render() for e in explain(g, merges, name, resolution.get("retyped", []),
                                                     resolution.get("projected", [])))
