"""Extraction of many documents on every core, or on a Dask cluster.

A :class:`Task` carries a document's bytes, so it runs the same in this process, in a worker
process (:func:`extract_all` with ``jobs > 1``) or on a Dask worker on another machine
(``scheduler=``). Each worker loads the models once (:func:`~policykg.extractors.pipeline.get_nlp`
is cached per process) and keeps them for every task it gets. Outcomes arrive in completion
order; the caller sorts them, so the graph does not depend on the number of workers.

Examples
--------
>>> task = Task("a.txt", "a.txt", "国务院发布报告。".encode("utf-8"), key="k")
>>> [(o.doc_id, [m.text for m in o.record.mentions]) for o in extract_all([task], Settings(), jobs=1)]
[('a.txt', ['国务院'])]
>>> bad = Task("b.txt", "b.txt", b"   ", key="k2")
>>> [o.reason for o in extract_all([bad], Settings(), jobs=1)]
['has no text (only whitespace)']
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import chain, islice
from typing import Any

from policykg.extractors.readers import DocumentError, decode_document
from policykg.extractors.records import DocumentRecord

__all__ = ["Task", "Settings", "Outcome", "SchedulerError", "extract_task", "extract_all", "default_jobs"]

#: How long to wait for a Dask scheduler before giving up.
SCHEDULER_TIMEOUT = "15s"


class SchedulerError(RuntimeError):
    """The Dask scheduler cannot be used: the cluster extra is missing or nothing answers."""


@dataclass(frozen=True, slots=True)
class Task:
    """One document to extract: its id, file name (format and messages), bytes and cache key."""

    doc_id: str
    name: str
    data: bytes
    key: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    """Extraction options shared by every task (picklable, sent once per batch)."""

    lexicon_paths: tuple[str, ...] = ()
    max_bytes: int = 20_000_000
    max_line_chars: int = 1_000_000
    #: A document taking longer than this is reported as failed (``None``: no limit).
    max_seconds: float | None = None
    #: ``(("en", "en_core_web_sm"), …)``: installed spaCy pipelines whose entities join ours.
    spacy_models: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a task: a record, or the reason it failed."""

    doc_id: str
    key: str
    record: DocumentRecord | None = None
    reason: str | None = None


class _TimeLimit(Exception):
    pass


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    # SIGALRM interrupts pure-Python and C loops alike, but only in a process's main thread;
    # elsewhere (a Dask worker's thread pool) the limit is not enforced.
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def _expire(signum: int, frame: Any) -> None:
        raise _TimeLimit

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_task(task: Task, settings: Settings) -> Outcome:
    """Decode and extract one document; never raises for a bad document (see ``Outcome.reason``)."""
    # imported here: a rebuild served from the cache never needs spaCy and the models
    from policykg.extractors.pipeline import process_document

    try:
        with _time_limit(settings.max_seconds):
            raw = decode_document(task.name, task.data, max_bytes=settings.max_bytes,
                                  max_line_chars=settings.max_line_chars)
            record = process_document(raw.text, task.doc_id, fmt=raw.format, encoding=raw.encoding,
                                      lexicon_paths=settings.lexicon_paths, spacy_models=dict(settings.spacy_models))
    except DocumentError as exc:
        return Outcome(task.doc_id, task.key, reason=exc.reason)
    except _TimeLimit:
        return Outcome(task.doc_id, task.key, reason=f"took more than {settings.max_seconds:g} s to extract: "
                                                     "split it, or raise the limit (--max-seconds)")
    except Exception as exc:  # noqa: BLE001 - one document's bug must not sink the build
        return Outcome(task.doc_id, task.key,
                       reason=f"extraction failed ({type(exc).__name__}: {exc}); please report this file")
    # the graph keeps sentences as evidence, never whole texts: memory does not grow with documents
    return Outcome(task.doc_id, task.key, record=replace(record, text=""))


def _extract_batch(tasks: list[Task], settings: Settings) -> list[Outcome]:
    return [extract_task(t, settings) for t in tasks]


def default_jobs() -> int:
    """Worker processes used by default: the cores this process may run on.

    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_all(tasks: Iterable[Task], settings: Settings, *, jobs: int | None = None,
                scheduler: Any = None, batch: int = 4) -> Iterator[Outcome]:
    """Extract ``tasks``, yielding each :class:`Outcome` as it completes.

    ``jobs=1`` extracts in this process; ``jobs > 1`` (default: :func:`default_jobs`) uses that
    many worker processes; ``scheduler`` (a Dask scheduler address such as
    ``"tcp://host:8786"``, or a ``distributed.Client``) sends batches of ``batch`` documents to
    the cluster's workers. Tasks are read lazily and only a few batches per worker are in
    flight, so memory holds a bounded number of documents whatever the corpus size. Fewer
    than ``jobs * batch`` tasks in all (a rebuild that found the rest in its cache) are
    extracted in this process: starting workers would cost more than it saves.
    """
    if scheduler is not None:
        yield from _extract_on_dask(tasks, settings, scheduler, batch)
        return
    jobs = jobs or default_jobs()
    remaining = iter(tasks)
    first = list(islice(remaining, jobs * batch)) if jobs > 1 else []
    if jobs == 1 or len(first) < jobs * batch:
        for task in chain(first, remaining):
            yield extract_task(task, settings)
        return
    yield from _extract_in_processes(chain(first, remaining), settings, jobs, batch)


def _batches(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    it = iter(tasks)
    while chunk := list(islice(it, size)):
        yield chunk


def _mp_context() -> multiprocessing.context.BaseContext:
    # fork shares the parent's already-loaded modules (spaCy, jieba) with the workers for free;
    # where there is no fork, workers import them once each.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _warm_up(settings: Settings) -> None:
    """Load every language's models and tables in this process, so that forked workers share them."""
    from policykg.extractors.pipeline import warm_up

    warm_up(settings.lexicon_paths, dict(settings.spacy_models))


def _extract_in_processes(tasks: Iterable[Task], settings: Settings, jobs: int, batch: int) -> Iterator[Outcome]:
    if _mp_context().get_start_method() == "fork":
        # loaded once here, the models' memory is shared by every worker (copy-on-write)
        # instead of being loaded again, and held again, by each of them
        _warm_up(settings)
    # A worker that dies (out of memory, a crash inside a C library) breaks the whole pool; the
    # documents it was holding are retried one per task in a fresh pool, then each alone in its
    # own process, so only the document that kills its worker is reported failed.
    lost = yield from _run_pool(_batches(tasks, batch), settings, jobs)
    if lost:
        lost = yield from _run_pool(([t] for t in lost), settings, jobs)
    for task in lost:
        if (yield from _run_pool(iter([[task]]), settings, 1)):
            yield Outcome(task.doc_id, task.key, reason="the worker process extracting it died (out of memory, or a "
                                                        "crash in a library); try --jobs 1, or split the file")


def _run_pool(chunks: Iterator[list[Task]], settings: Settings, jobs: int):
    """Extract ``chunks`` in a pool of ``jobs`` processes, at most two chunks per worker in flight.

    Yields outcomes as chunks finish; returns the tasks lost when the pool broke.
    """
    lost: list[Task] = []
    pending: dict[Future, list[Task]] = {}

    def finished(done: set[Future]) -> Iterator[Outcome]:
        for future in done:
            chunk = pending.pop(future)
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                lost.extend(chunk)
            else:
                yield from outcomes

    with ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context()) as pool:
        for chunk in chunks:
            if lost:  # the pool is broken: keep the rest for the retry
                lost.extend(chunk)
                continue
            try:
                pending[pool.submit(_extract_batch, chunk, settings)] = chunk
            except BrokenProcessPool:
                lost.extend(chunk)
                continue
            if len(pending) >= 2 * jobs:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                yield from finished(done)
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            yield from finished(done)
    return lost


def _extract_on_dask(tasks: Iterable[Task], settings: Settings, scheduler: Any, batch: int) -> Iterator[Outcome]:
    try:
        from distributed import Client, as_completed
    except ImportError:  # pragma: no cover - depends on the installation
        raise SchedulerError("a Dask scheduler needs the cluster extra: pip install 'policy-kg[cluster]'") from None
    if isinstance(scheduler, Client):
        client = scheduler
    else:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, ValueError, TypeError) as exc:
            raise SchedulerError(f"no Dask scheduler answers at {scheduler} ({exc}); start one with "
                                 "`dask scheduler` and workers with `dask worker ADDRESS`, or check the "
                                 "address (tcp://host:8786)") from None
    try:
        in_flight = 2 * max(1, sum(client.nthreads().values()))
        chunks = _batches(tasks, batch)
        futures = as_completed([client.submit(_extract_batch, c, settings, pure=False)
                                for c in islice(chunks, in_flight)])
        for future in futures:
            for chunk in islice(chunks, 1):
                futures.add(client.submit(_extract_batch, chunk, settings, pure=False))
            yield from future.result()
            future.release()
    finally:
        if client is not scheduler:
            client.close()
