"""Which files a build reads: folders recurse, hidden files and unsupported suffixes are skipped.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("a.txt", "sub/b.md", ".hidden.txt", "c.jpg"):
...     (d / name).parent.mkdir(parents=True, exist_ok=True)
...     _ = (d / name).write_text("x")
>>> found = discover([d])
>>> [f.doc_id for f in found.files], sorted(s.reason for s in found.skipped)
(['a.txt', 'sub/b.md'], ['hidden file', 'unsupported file type .jpg'])
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from policykg.extractors.readers import SUPPORTED_SUFFIXES

__all__ = ["InputFile", "Skipped", "Discovery", "discover", "InputPathError"]


class InputPathError(ValueError):
    """An input path that does not exist."""


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read and the document id it gets (its path relative to the input root)."""

    path: Path
    doc_id: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that is not read, and why."""

    path: str
    reason: str


@dataclass(slots=True)
class Discovery:
    """What :func:`discover` found."""

    files: list[InputFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _doc_id(path: Path, root: Path) -> str:
    # surrogateescape keeps file names with invalid UTF-8 bytes representable; make them visible.
    rel = path.relative_to(root).as_posix()
    return rel.encode("utf-8", "backslashreplace").decode("utf-8")


def discover(paths: Iterable[Path | str]) -> Discovery:
    """List the documents under ``paths`` (files or folders), sorted by document id.

    Raises
    ------
    InputPathError
        If a path does not exist.
    """
    found = Discovery()
    seen: set[str] = set()
    for raw in paths:
        root = Path(raw)
        if not root.exists() and not root.is_symlink():
            raise InputPathError(f"{root}: no such file or folder. Check the path, or run `kg build` with no path for the seeds.")
        if root.is_file():
            candidates = [(root, root.name)]
        else:
            candidates = []
            for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    p = Path(dirpath) / name
                    candidates.append((p, _doc_id(p, root)))
        for path, doc_id in candidates:
            suffix = path.suffix.lower()
            if path.name.startswith("."):
                found.skipped.append(Skipped(doc_id, "hidden file"))
            elif suffix not in SUPPORTED_SUFFIXES:
                found.skipped.append(Skipped(doc_id, f"unsupported file type {suffix or '(none)'}"))
            elif doc_id not in seen:
                seen.add(doc_id)
                found.files.append(InputFile(path, doc_id))
    found.files.sort(key=lambda f: f.doc_id)
    return found
