"""Tables that take a second to derive from installed files, kept between processes.

Every build process used to parse the same files again before it read a document: jieba's
dictionary (words, frequencies and part-of-speech tags, about 1.5 s) and the English model's
gazetteer (0.5 s). :func:`load_table` keeps what such a parse returns in one file of the
user's cache folder, written with :mod:`marshal`, which reads dicts and strings back several
times faster than they are parsed. The file's name holds the Python version and a hash of what
the table is derived from (the source files' paths, sizes and modification times, and a version
string), so a changed source, a new package version or another Python makes a new file and never
serves a stale table; this Python's older files of the same table from the same source files are
deleted when a new one is written, and they are written atomically (a reader sees a whole file or
none). Two installations (two virtual environments, whose packages sit at other paths) keep a
file each instead of deleting each other's and parsing again in turn; of installations that come
and go (a virtual environment per clone), the :data:`KEEP_PER_TABLE` most recently used keep theirs
and the others' files are deleted when a table is written, so the folder does not grow without end.

The folder is ``$POLICYKG_TABLES`` if set, else ``$XDG_CACHE_HOME/policykg/tables`` (by default
``~/.cache/policykg/tables``). Setting ``POLICYKG_TABLES`` to an empty string turns the cache off.
A folder that cannot be written, or a file that cannot be read, costs only the parse:
nothing fails because of this cache. ``kg cache clear --tables`` deletes the folder.

Examples
--------
>>> import os, tempfile
>>> os.environ["POLICYKG_TABLES"] = tempfile.mkdtemp()
>>> source = Path(os.environ["POLICYKG_TABLES"]) / "words.txt"
>>> _ = source.write_text("国务院 ORG\\n", encoding="utf-8")
>>> parse = lambda: dict(line.split() for line in source.read_text(encoding="utf-8").splitlines())
>>> load_table("words", [source], parse), load_table("words", [source], parse)  # parsed, then read back
({'国务院': 'ORG'}, {'国务院': 'ORG'})
>>> [p.name.split("-")[0] for p in cached_tables()]
['words']
>>> del os.environ["POLICYKG_TABLES"]
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from .atomic import write_atomic

__all__ = ["load_table", "tables_dir", "cached_tables", "clear_tables"]

T = TypeVar("T")
_SUFFIX = ".marshal"
#: Files kept per table and Python version: one per installation, for the installations that used
#: the table last (reading a table marks it used).
KEEP_PER_TABLE = 3


def tables_dir() -> Path | None:
    """The folder the tables are kept in, or ``None`` when ``POLICYKG_TABLES`` is set empty.

    >>> os.environ["POLICYKG_TABLES"] = ""
    >>> tables_dir() is None
    True
    >>> del os.environ["POLICYKG_TABLES"]
    """
    chosen = os.environ.get("POLICYKG_TABLES")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "policykg" / "tables"


def load_table(name: str, sources: Sequence[Path | str], parse: Callable[[], T], *, version: str = "") -> T:
    """What ``parse()`` returns, read from the cache when it holds it for these ``sources``.

    ``parse`` must return what :mod:`marshal` writes (dicts, lists, tuples, sets, strings and
    numbers); it runs, and its result is stored, when the cache has no file for ``name`` with
    the current ``sources`` (their stat) and ``version``. Raises only what ``parse`` raises.
    """
    folder = tables_dir()
    if folder is None:
        return parse()
    try:
        path = folder / f"{_prefix(name, sources)}{_fingerprint(sources, version)}{_SUFFIX}"
    except OSError:  # a source is missing: let ``parse`` say so
        return parse()
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # none yet, unreadable, or cut short
        pass
    else:
        try:
            os.utime(path)  # used now: kept before other installations' files (_store)
        except OSError:
            pass
        return table
    table = parse()
    _store(path, _prefix(name, sources), table)
    return table


def cached_tables() -> list[Path]:
    """The table files in the cache folder, sorted by name.

    >>> import tempfile
    >>> os.environ["POLICYKG_TABLES"] = tempfile.mkdtemp()
    >>> cached_tables()
    []
    >>> del os.environ["POLICYKG_TABLES"]
    """
    folder = tables_dir()
    return sorted(folder.glob(f"*{_SUFFIX}")) if folder is not None and folder.is_dir() else []


def clear_tables() -> int:
    """Delete every table file; return how many were deleted (the next build parses them again)."""
    deleted = 0
    for path in cached_tables():
        try:
            path.unlink()
            deleted += 1
        except OSError:
            pass
    return deleted


def _prefix(name: str, sources: Sequence[Path | str]) -> str:
    """The start of the file names of ``name``'s tables for this Python and these source paths
    (``jieba-py311-5f0c2a1e-``): two Pythons, or two installations, sharing the folder keep a file
    each instead of deleting each other's."""
    where = hashlib.sha256("\0".join(os.path.abspath(s) for s in sources).encode()).hexdigest()[:8]
    return f"{name}-py{sys.version_info[0]}{sys.version_info[1]}-{where}-"


def _fingerprint(sources: Sequence[Path | str], version: str) -> str:
    h = hashlib.sha256(f"{version}\0{marshal.version}".encode())
    for source in sources:
        info = os.stat(source)
        h.update(f"\0{os.path.abspath(source)}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def _store(path: Path, prefix: str, table: object) -> None:
    """Write ``table`` to ``path`` atomically and delete the older files whose names start with
    ``prefix`` (:func:`_prefix`), this table's files named before names held the source paths'
    hash (``jieba-py311-<fingerprint>.marshal``), and other installations' files of this table
    beyond the :data:`KEEP_PER_TABLE` used last; give up quietly."""
    try:
        write_atomic(path, marshal.dumps(table))  # readers see the old file or the whole new one, never a part
        unplaced = prefix.rsplit("-", 2)[0] + "-"  # name-pyXY-
        others = []  # other installations' files of this table
        for old in path.parent.glob(f"{unplaced}*{_SUFFIX}"):
            rest = old.name[len(unplaced) : -len(_SUFFIX)]
            if old == path:
                continue
            if old.name.startswith(prefix) or "-" not in rest:
                old.unlink(missing_ok=True)
            else:
                others.append(old)
        for old in sorted(others, key=_last_used, reverse=True)[KEEP_PER_TABLE - 1 :]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError):  # a read-only home, a full disk, or a table marshal cannot write
        pass


def _last_used(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # deleted meanwhile by another process
        return 0.0
