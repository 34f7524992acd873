"""A whole build: discover files, read, extract, assemble the graph, write every output.

One bad document never sinks a build: it is named on stderr and in ``build-report.json``
with its reason, and every other document still lands in the graph.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("国务院和中国科学院发布报告。", encoding="utf-8")
>>> _ = (d / "empty.txt").write_bytes(b"")
>>> g, report = build_corpus([d], progress=False, log=lambda msg: None)
>>> report["documents"]["built"], [f["path"] for f in report["documents"]["failed"]]
(1, ['empty.txt'])
>>> sorted(a["label"] for _, a in g.nodes(data=True))
['中国科学院', '国务院']
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from tqdm import tqdm

from policykg.extractors.pipeline import process_document
from policykg.extractors.readers import DocumentError, read_document
from policykg.extractors.records import DocumentRecord

from .aliases import AliasTable
from .atomic import write_atomic
from .build import DEFAULT_EVIDENCE_CAP, build_graph
from .corpus import discover
from .export import write_gexf, write_graphml, write_json
from .html import render_html
from .layout import compute_layout, rank_nodes
from .resolve import entity_key, resolve
from .resolve_audit import summarize_merges, write_merges
from .schema import PAGE_MAX_NODES

__all__ = ["BuildLimits", "build_corpus", "write_outputs", "OUTPUT_FILES"]

OUTPUT_FILES = ("graph.graphml", "graph.gexf", "graph.json", "graph.html", "build-report.json", "merges.csv")


@dataclass(frozen=True, slots=True)
class BuildLimits:
    """Per-file limits: larger files are reported as failed, not read."""

    max_bytes: int = 20_000_000
    max_line_chars: int = 1_000_000


def _stderr(msg: str) -> None:
    tqdm.write(msg, file=sys.stderr)


def build_corpus(
    paths: Sequence[Path | str],
    *,
    lexicon_paths: Sequence[str] = (),
    limits: BuildLimits = BuildLimits(),
    evidence_cap: int = DEFAULT_EVIDENCE_CAP,
    progress: bool | None = None,
    log: Callable[[str], None] = _stderr,
    aliases: AliasTable | None = None,
) -> tuple[nx.MultiDiGraph, dict]:
    """Read and extract every document under ``paths``; return the graph and the build report.

    ``progress=None`` shows a progress bar only on a terminal. ``aliases`` is the user's alias
    file (:func:`~policykg.graph.aliases.read_aliases`), which wins over every merge rule. The
    report's ``merges`` holds the :class:`~policykg.graph.resolve.Merge` rows that
    :func:`write_outputs` writes to ``merges.csv``.
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    found = discover(paths)
    timings["discover"] = time.perf_counter() - t0
    for s in found.skipped:
        log(f"kg: skipped {s.path}: {s.reason}")

    records: list[DocumentRecord] = []
    failed: list[dict] = []
    t_read = t_extract = 0.0
    bar = tqdm(found.files, desc="extracting", unit="doc", disable=(not progress) if progress is not None else None,
               file=sys.stderr, dynamic_ncols=True)
    for f in bar:
        t1 = time.perf_counter()
        try:
            raw = read_document(f.path, max_bytes=limits.max_bytes, max_line_chars=limits.max_line_chars)
        except DocumentError as exc:
            failed.append({"path": f.doc_id, "reason": exc.reason})
            log(f"kg: failed {f.doc_id}: {exc.reason}")
            continue
        finally:
            t_read += time.perf_counter() - t1
        t2 = time.perf_counter()
        try:
            records.append(process_document(raw.text, f.doc_id, fmt=raw.format, encoding=raw.encoding,
                                            lexicon_paths=lexicon_paths))
        except Exception as exc:  # noqa: BLE001 - one document's bug must not sink the build
            reason = f"extraction failed ({type(exc).__name__}: {exc}); please report this file"
            failed.append({"path": f.doc_id, "reason": reason})
            log(f"kg: failed {f.doc_id}: {reason}")
        finally:
            t_extract += time.perf_counter() - t2
    timings["read"], timings["extract"] = t_read, t_extract

    t3 = time.perf_counter()
    g = build_graph(records, evidence_cap=evidence_cap, key=aliases.entity_key if aliases is not None else entity_key)
    timings["assemble"] = time.perf_counter() - t3
    t4 = time.perf_counter()
    g, merges = resolve(g, aliases=aliases, records=records, lexicon_paths=tuple(lexicon_paths), evidence_cap=evidence_cap)
    timings["resolve"] = time.perf_counter() - t4
    report = _report(records, found, failed, g, timings)
    report["resolution"] = summarize_merges(merges, refused=merges.refused)
    report["merges"] = merges
    return g, report


def _report(records: Iterable[DocumentRecord], found, failed: list[dict], g: nx.MultiDiGraph, timings: dict) -> dict:
    records = list(records)
    lang_docs: Counter[str] = Counter()
    lang_sentences: Counter[str] = Counter()
    for rec in records:
        lang_docs.update(rec.languages)
        lang_sentences.update(s.lang for s in rec.sentences)
    return {
        "documents": {
            "found": len(found.files) + len(found.skipped),
            "read": len(found.files) - len(failed),
            "built": len(records),
            "skipped": [{"path": s.path, "reason": s.reason} for s in found.skipped],
            "failed": failed,
        },
        "languages": {
            lang: {"documents": lang_docs[lang], "sentences": lang_sentences[lang]} for lang in sorted(lang_docs)
        },
        "entities": {"total": g.number_of_nodes(), **dict(sorted(Counter(t for _, t in g.nodes(data="type")).items()))},
        "edges": {"total": g.number_of_edges(), **dict(sorted(Counter(k for _, _, k in g.edges(keys=True)).items()))},
        "per_document": [
            {"id": r.doc_id, "title": r.title, "languages": list(r.languages), "date": r.date, "size": r.size,
             "format": r.format, "encoding": r.encoding, "mentions": len(r.mentions)}
            for r in records
        ],
        "timings_seconds": {k: round(v, 3) for k, v in timings.items()},
    }


def write_outputs(g: nx.MultiDiGraph, report: dict, out_dir: Path | str, *, title: str = "policy-kg",
                  max_nodes: int = PAGE_MAX_NODES, script: str = "original") -> dict[str, Path]:
    """Write the four graph files, the report and ``merges.csv`` into ``out_dir``, each atomically."""
    import json

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in OUTPUT_FILES}
    t0 = time.perf_counter()
    report = dict(report)
    write_merges(paths["merges.csv"], report.pop("merges", []))
    write_graphml(g, paths["graph.graphml"])
    # one layout for Gephi and the page: the same picture, computed once
    positions = compute_layout(g, rank_nodes(g), first=min(len(g), max_nodes))
    write_gexf(g, paths["graph.gexf"], positions=positions)
    write_json(g, paths["graph.json"])
    page = render_html(g, paths["graph.html"], title=title, max_nodes=max_nodes, script=script, positions=positions)
    report = dict(report, page=page)
    report["timings_seconds"] = dict(report["timings_seconds"], write=round(time.perf_counter() - t0, 3))
    write_atomic(paths["build-report.json"], json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return paths
