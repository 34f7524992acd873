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

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import networkx as nx
from tqdm import tqdm

from policykg.extractors.atomic import write_atomic
from policykg.extractors.lexicon import load_lexicon
from policykg.extractors.readers import DocumentError, displayable, read_bytes
from policykg.extractors.records import DocumentRecord

from .aliases import AliasTable
from .build import DEFAULT_EVIDENCE_CAP, build_graph
from .cache import ExtractionCache, RecordMemo, clear_cache, document_key, file_stamp, options_fingerprint, with_doc_id
from .corpus import discover
from .export import write_gexf, write_graphml, write_json
from .export_flat import to_flat_graph
from .forked import FORK_MIN_NODES, Forked
from .html import render_html
from .layout import start_layout
from .resolve import entity_key, resolve
from .resolve_audit import summarize_merges, write_merges
from .resolve_projection import project_names
from .resolve_types import agree_types
from .schema import PAGE_MAX_NODES
from .workers import Settings, Task, extract_all

__all__ = ["BuildLimits", "build_corpus", "write_outputs", "OUTPUT_FILES"]

_STAGING_PREFIX = ".kg-staging-"
OUTPUT_FILES = ("graph.graphml", "graph.gexf", "graph.json", "graph.html", "build-report.json", "merges.csv")


@dataclass(frozen=True, slots=True)
class BuildLimits:
    """Per-file limits: a file over any of them is reported as failed, and the build goes on.

    ``max_seconds`` bounds one document's extraction (``None``: no limit; not enforced on Dask
    workers, which run tasks in threads).
    """

    max_bytes: int = 20_000_000
    max_line_chars: int = 1_000_000
    max_seconds: float | None = 300.0


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
    jobs: int | None = None,
    cache: Path | str | None = None,
    scheduler: Any = None,
    spacy_models: Mapping[str, str] | None = None,
    project: bool = True,
    memo: RecordMemo | None = None,
) -> tuple[nx.MultiDiGraph, dict]:
    """Read and extract every document under ``paths``; return the graph and the build report.

    Raises :class:`~policykg.extractors.lexicon.LexiconError` for a bad extra lexicon, before
    any document is read. ``progress=None`` shows a progress bar only on a terminal. ``aliases`` is the user's alias
    file (:func:`~policykg.graph.aliases.read_aliases`), which wins over every merge rule. The
    report's ``merges`` holds the :class:`~policykg.graph.resolve.Merge` rows that
    :func:`write_outputs` writes to ``merges.csv``.

    ``jobs`` worker processes extract (``None``: every core), or the Dask cluster at
    ``scheduler`` does (see :func:`~policykg.graph.workers.extract_all`); the graph is the same
    either way. With ``cache`` (a SQLite file, see :mod:`~policykg.graph.cache`) only new or
    changed documents are extracted, and entries of documents no longer present are dropped.
    ``spacy_models`` (``{"en": "en_core_web_sm"}``) adds installed spaCy pipelines' entities
    (:mod:`~policykg.extractors.spacy_models`; checked first, raising ``ModelError``).
    ``memo`` (with ``cache``) keeps every record in memory for the next build of the same process,
    which then reads no file whose :func:`~policykg.graph.cache.file_stamp` is unchanged
    (``kg build --watch``).
    ``project`` looks for the names of a translation's versions in each other
    (:mod:`~policykg.graph.resolve_projection`); every mention it adds is listed in the report's
    ``resolution.projected``.
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    found = discover(paths)
    timings["discover"] = time.perf_counter() - t0
    for s in found.skipped:
        log(f"kg: skipped {s.path}: {s.reason}")

    # a bad lexicon or pipeline is the user's option, not one document's failure
    load_lexicon(*lexicon_paths)
    spacy_models = dict(spacy_models or {})
    options = options_fingerprint(lexicon_paths, limits.max_line_chars)
    if spacy_models:  # imported only then: a build served from the cache never loads spaCy
        from policykg.extractors.spacy_models import check_models, models_fingerprint

        check_models(spacy_models)
        options += models_fingerprint(spacy_models)
    settings = Settings(tuple(lexicon_paths), limits.max_bytes, limits.max_line_chars, limits.max_seconds,
                        tuple(sorted(spacy_models.items())))
    store = _open_cache(cache, log) if cache is not None else None
    records: list[DocumentRecord] = []
    failed: list[dict] = []
    keys: set[str] = set()
    hits, t_read = 0, 0.0
    bar = tqdm(total=len(found.files), desc="extracting", unit="doc", file=sys.stderr, dynamic_ncols=True,
               disable=(not progress) if progress is not None else None)

    def fail(doc_id: str, reason: str) -> None:
        reason = displayable(reason)  # a worker's exception text may hold newlines or terminal controls
        failed.append({"path": doc_id, "reason": reason})
        log(f"kg: failed {doc_id}: {reason}")
        bar.update()

    memo = memo if store is not None else None
    stamps: dict[str, tuple[Path, tuple[int, int, int]]] = {}  # doc id -> file and stamp, for the memo

    def remember(doc_id: str, key: str, record: DocumentRecord) -> None:
        if memo is not None and doc_id in stamps:
            path, stamp = stamps[doc_id]
            memo.put(path, stamp, options, key, record)

    def served(doc_id: str, key: str, record: DocumentRecord) -> None:
        """A record found already extracted, in the memo or the cache."""
        nonlocal hits
        keys.add(key)
        hits += 1
        records.append(with_doc_id(record, doc_id))
        bar.update()

    def tasks() -> Iterator[Task]:
        nonlocal t_read
        for f in found.files:
            t = time.perf_counter()
            try:
                known = _from_memo(memo, f.path, options, f.doc_id, stamps)
                if known is not None:
                    served(f.doc_id, *known)
                    continue
                data = read_bytes(f.path, max_bytes=limits.max_bytes)
            except DocumentError as exc:
                fail(f.doc_id, exc.reason)
                continue
            finally:
                t_read += time.perf_counter() - t
            # hashing every file's bytes is only worth it with a cache to look them up in
            key = document_key(data, f.path.name, options=options) if store is not None else ""
            cached = store.get(key) if store is not None else None
            if cached is not None:
                served(f.doc_id, key, cached)
                remember(f.doc_id, key, cached)
            else:
                keys.add(key)
                yield Task(f.doc_id, str(f.path), data, key)

    t1 = time.perf_counter()
    try:
        for outcome in extract_all(tasks(), settings, jobs=jobs, scheduler=scheduler):
            if outcome.record is None:
                fail(outcome.doc_id, outcome.reason or "could not be extracted")
                continue
            records.append(outcome.record)
            if store is not None:
                store.put(outcome.key, outcome.record)
            remember(outcome.doc_id, outcome.key, outcome.record)
            bar.update()
        if store is not None:
            store.prune(keep=keys)
        if memo is not None:
            memo.keep_only(path for path, _ in stamps.values())
    finally:
        bar.close()
        if store is not None:
            store.close()
    # reading (bytes and cache look-ups) runs interleaved with extraction; report them apart
    timings["read"], timings["extract"] = t_read, time.perf_counter() - t1 - t_read
    records.sort(key=lambda r: r.doc_id)
    failed.sort(key=lambda f: f["path"])

    t2 = time.perf_counter()
    fixed = {form: (row.type, row.where) for form, row in aliases.types.items()} if aliases is not None else None
    records, retyped = agree_types(records, fixed)
    records, projected = project_names(records) if project else (records, [])
    t_types = time.perf_counter() - t2
    t3 = time.perf_counter()
    g = build_graph(records, evidence_cap=evidence_cap, key=aliases.entity_key if aliases is not None else entity_key)
    timings["assemble"] = time.perf_counter() - t3
    t4 = time.perf_counter()
    g, merges = resolve(g, aliases=aliases, records=records, lexicon_paths=tuple(lexicon_paths), evidence_cap=evidence_cap)
    timings["resolve"] = time.perf_counter() - t4 + t_types
    report = _report(records, found, failed, g, timings)
    report["cache"] = {"used": store is not None, "hits": hits, "extracted": len(records) + len(failed) - hits}
    report["resolution"] = summarize_merges(merges, refused=merges.refused)
    report["resolution"]["retyped"] = [r.as_dict() for r in retyped]
    report["resolution"]["projected"] = [p.as_dict() for p in projected]
    report["merges"] = merges
    return g, report


def _from_memo(memo: RecordMemo | None, path: Path, options: str, doc_id: str,
               stamps: dict[str, tuple[Path, tuple[int, int, int]]]) -> tuple[str, DocumentRecord] | None:
    """The memo's ``(key, record)`` for ``path`` if unchanged; notes its stamp in ``stamps`` either way.
    A file that cannot be stat'ed is left to :func:`read_bytes`, which says what is wrong with it."""
    if memo is None:
        return None
    try:
        stamp = file_stamp(path)  # before reading: an edit made meanwhile is seen by the next build
    except OSError:
        return None
    stamps[doc_id] = (path, stamp)
    return memo.get(path, stamp, options)


def _open_cache(path: Path | str, log: Callable[[str], None]) -> ExtractionCache:
    try:
        return ExtractionCache(path)
    except sqlite3.DatabaseError as exc:  # damaged or not a cache: start a new one, extraction redoes the rest
        log(f"kg: the cache {path} could not be opened ({exc}); starting a new one")
        clear_cache(path)
        return ExtractionCache(path)


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


def _write_gephi(g: nx.MultiDiGraph, staged: Mapping[str, Path], positions: dict,
                 flat: nx.MultiDiGraph | None = None) -> None:
    flat = flat if flat is not None else to_flat_graph(g)
    write_graphml(g, staged["graph.graphml"], flat=flat)
    write_gexf(g, staged["graph.gexf"], positions=positions, flat=flat)


def write_outputs(g: nx.MultiDiGraph, report: dict, out_dir: Path | str, *, title: str = "policy-kg",
                  max_nodes: int = PAGE_MAX_NODES, script: str = "original") -> dict[str, Path]:
    """Write the four graph files, the report and ``merges.csv`` into ``out_dir``, all or none.

    Every file is first written into a staging folder inside ``out_dir``; only when all of them
    are complete do they replace the previous outputs, one rename each. A build killed before
    that leaves the previous outputs as they were; its staging folder is removed by the next build.
    """
    import json

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(f"{_STAGING_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=out))
    try:
        staged = {name: staging / name for name in OUTPUT_FILES}
        t0 = time.perf_counter()
        report = dict(report)
        # one layout for Gephi and the page: the same picture, computed once. What needs no positions
        # is written while it is computed; the Gephi files still to write are handed to a second
        # process as soon as it is ready, while this one renders the page (if it is not ready by
        # then, the page's data is built first, all but the positions)
        layout = start_layout(g, first=min(len(g), max_nodes))
        background = len(g) >= FORK_MIN_NODES
        gephi: Forked | None = None

        def positions_then_gexf() -> dict:
            nonlocal gephi
            positions = layout()
            gephi = Forked(partial(write_gexf, g, staged["graph.gexf"], positions=positions, flat=flat),
                           background=background)
            return positions

        try:
            flat = None
            if layout.ready:  # remembered: both Gephi files go to the second process at once
                gephi = Forked(partial(_write_gephi, g, staged, layout()), background=background)
            else:
                flat = to_flat_graph(g)
            write_merges(staged["merges.csv"], report.pop("merges", []))
            write_json(g, staged["graph.json"])
            if gephi is None and layout.done():  # a rebuild whose first nodes' layout is remembered
                gephi = Forked(partial(_write_gephi, g, staged, layout(), flat=flat), background=background)
            if gephi is None:
                write_graphml(g, staged["graph.graphml"], flat=flat)
                if layout.done():
                    positions_then_gexf()
            page = render_html(g, staged["graph.html"], title=title, max_nodes=max_nodes, script=script,
                               positions=layout() if gephi is not None else positions_then_gexf)
            gephi.result()
        except BaseException:
            for job in (layout, gephi):  # no child left writing for a build that failed (a disk full, Ctrl-C)
                if job is not None:
                    job.cancel()
            raise
        report = dict(report, page=page)
        report["timings_seconds"] = dict(report["timings_seconds"], write=round(time.perf_counter() - t0, 3))
        write_atomic(staged["build-report.json"], json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        paths = {name: out / name for name in OUTPUT_FILES}
        for name in OUTPUT_FILES:
            os.replace(staged[name], paths[name])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return paths
