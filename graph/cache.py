"""A content-hash cache of per-document extraction results, in one SQLite file.

A document's key hashes its bytes, its format, the extractor code and models
(:func:`extractor_fingerprint`) and the options that change extraction (extra lexicons, line
limit). A rebuild extracts only documents whose key is not stored; :meth:`ExtractionCache.prune`
drops the entries a build no longer uses (deleted or changed files). Every write is a
transaction, so a build killed at any point leaves the cache usable.

Examples
--------
>>> import tempfile, pathlib
>>> from policykg.extractors.records import DocumentRecord
>>> path = pathlib.Path(tempfile.mkdtemp()) / "cache.sqlite"
>>> key = document_key(b"some bytes", "a.txt", options="")
>>> with ExtractionCache(path) as cache:
...     cache.put(key, DocumentRecord("a.txt", "title", ""))
...     cache.get(key).title, cache.get("no such key"), len(cache)
('title', None, 1)
>>> with ExtractionCache(path) as cache:
...     cache.prune(keep=set()), len(cache)
(1, 0)
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from policykg import extractors
from policykg.extractors.records import DocumentRecord

__all__ = ["CACHE_FILE", "ExtractionCache", "RecordMemo", "clear_cache", "document_key", "extractor_fingerprint",
           "file_stamp", "options_fingerprint", "with_doc_id"]

#: The cache's file name inside the output folder.
CACHE_FILE = ".kg-cache.sqlite"
_SCHEMA = "CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, record BLOB NOT NULL)"


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of the extractor package (code, models, data) and the policy-kg version.

    Any change to what extraction could produce changes it, so stale results are never reused.

    >>> len(extractor_fingerprint())
    64
    """
    digest = hashlib.sha256()
    try:
        digest.update(version("policy-kg").encode())
    except PackageNotFoundError:  # running from a source tree that was never installed
        pass
    for location in extractors.__path__:
        root = Path(location)
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def options_fingerprint(lexicon_paths: Iterable[str | Path] = (), max_line_chars: int = 0) -> str:
    """A hash of the build options that change extraction: the extra lexicons' contents and limits.

    >>> options_fingerprint() == options_fingerprint(max_line_chars=0)
    True
    """
    digest = hashlib.sha256(f"max_line_chars={max_line_chars}".encode())
    for path in lexicon_paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def document_key(data: bytes, name: str, *, options: str) -> str:
    """The cache key of one document: its bytes, format (suffix of ``name``), extractor and options.

    >>> document_key(b"x", "a.txt", options="") == document_key(b"x", "b/c.TXT", options="")
    True
    >>> document_key(b"x", "a.txt", options="") == document_key(b"x", "a.md", options="")
    False
    """
    digest = hashlib.sha256(extractor_fingerprint().encode())
    digest.update(options.encode())
    digest.update(Path(name).suffix.lower().encode())
    digest.update(data)
    return digest.hexdigest()


def with_doc_id(record: DocumentRecord, doc_id: str) -> DocumentRecord:
    """``record`` as if extracted from a file called ``doc_id`` (a cached copy of a renamed file).

    >>> with_doc_id(DocumentRecord("old.txt", "t", ""), "new.txt").doc_id
    'new.txt'
    """
    if record.doc_id == doc_id:
        return record
    relations = [replace(r, evidence=replace(r.evidence, doc_id=doc_id)) for r in record.relations]
    return replace(record, doc_id=doc_id, relations=relations)


def file_stamp(path: Path) -> tuple[int, int, int]:
    """``(modification time in ns, size, inode)`` of ``path``: what changes when a file is edited,
    replaced or rewritten."""
    st = path.stat()
    return st.st_mtime_ns, st.st_size, st.st_ino


class RecordMemo:
    """The records of the last build, in memory, by file and its :func:`file_stamp`: a resident
    ``kg build --watch`` finds an unchanged file's record here without reading, hashing or
    unpickling it (on 10,000 files that is seconds per rebuild). An entry holds only for the same
    stamp and the same extraction options; :meth:`forget` drops files the watcher reports changed.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.txt"; _ = f.write_text("x")
    >>> memo = RecordMemo()
    >>> memo.put(f, file_stamp(f), "opts", "key", DocumentRecord("a.txt", "t", ""))
    >>> memo.get(f, file_stamp(f), "opts")[0], memo.get(f, file_stamp(f), "other")
    ('key', None)
    >>> memo.forget([f]); memo.get(f, file_stamp(f), "opts") is None
    True
    """

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int, int], str, str, DocumentRecord]] = {}
        self._real: dict[Path, Path] = {}  # the real path of each entry's path, resolved once at put

    def get(self, path: Path, stamp: tuple[int, int, int], options: str) -> tuple[str, DocumentRecord] | None:
        """``(cache key, record)`` of ``path`` if it was built with this stamp and these options."""
        entry = self._entries.get(path)
        if entry is None or entry[0] != stamp or entry[1] != options:
            return None
        return entry[2], entry[3]

    def put(self, path: Path, stamp: tuple[int, int, int], options: str, key: str, record: DocumentRecord) -> None:
        self._entries[path] = (stamp, options, key, record)
        self._real[path] = _real(path)

    def forget(self, paths: Iterable[Path]) -> None:
        """Drop the entries of ``paths`` (files changed since, as the watcher names them: real paths)."""
        gone = {_real(p) for p in paths}
        for path in [p for p, real in self._real.items() if real in gone or p in gone]:
            self._entries.pop(path, None)
            self._real.pop(path, None)

    def keep_only(self, paths: Iterable[Path]) -> None:
        """Drop the entries of files not in ``paths`` (deleted, or no longer under the inputs)."""
        kept = set(paths)
        self._entries = {p: e for p, e in self._entries.items() if p in kept}
        self._real = {p: r for p, r in self._real.items() if p in kept}


def _real(path: Path | str) -> Path:
    # the watcher reports real paths; the inputs may be relative or pass through links. Entries are
    # kept by the path the build found them under (the same in every build of one process), so
    # that a rebuild resolves only the paths the watcher reports, not every file of the corpus
    return Path(path).resolve()


class ExtractionCache:
    """Document records by key in the SQLite file ``path`` (created with its folder if missing).

    Writes are batched: :meth:`put` queues a record, :meth:`commit` (also called every
    ``batch`` records and on close) writes the queue in one transaction.
    """

    def __init__(self, path: Path | str, *, batch: int = 200) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        self._pending: dict[str, bytes] = {}
        self._batch = batch

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        self.commit()
        return self._db.execute("SELECT COUNT(*) FROM records").fetchone()[0]

    def get(self, key: str) -> DocumentRecord | None:
        """The record stored under ``key``, or ``None`` (also for an entry that no longer loads)."""
        blob = self._pending.get(key)
        if blob is None:
            row = self._db.execute("SELECT record FROM records WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            blob = row[0]
        try:
            return pickle.loads(zlib.decompress(blob))
        except Exception:  # noqa: BLE001 - a damaged entry is a miss: extract again and overwrite it
            return None

    def put(self, key: str, record: DocumentRecord) -> None:
        """Queue ``record`` under ``key``."""
        self._pending[key] = zlib.compress(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL), 1)
        if len(self._pending) >= self._batch:
            self.commit()

    def commit(self) -> None:
        """Write the queued records in one transaction."""
        if not self._pending:
            return
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO records (key, record) VALUES (?, ?)", self._pending.items())
        self._pending.clear()

    def prune(self, keep: set[str]) -> int:
        """Delete every entry whose key is not in ``keep``; return how many were deleted."""
        self.commit()
        stale = [(k,) for (k,) in self._db.execute("SELECT key FROM records") if k not in keep]
        with self._transaction():
            self._db.executemany("DELETE FROM records WHERE key = ?", stale)
        return len(stale)

    def close(self) -> None:
        """Write what is queued and close the file."""
        try:
            self.commit()
        finally:
            self._db.close()

    def _transaction(self):
        return _Transaction(self._db)


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on error (the connection is in autocommit mode)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *exc: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def clear_cache(path: Path | str) -> bool:
    """Delete the cache file ``path`` (and SQLite's side files); ``True`` if there was one.

    >>> clear_cache("/nonexistent/cache.sqlite")
    False
    """
    path = Path(path)
    existed = path.exists()
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return existed
