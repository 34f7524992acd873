"""Which files a build reads: folders recurse, hidden files and unsupported suffixes are skipped.

Links to files are read (a broken or looping one fails when it is read, with its reason);
links to folders are not followed, and are reported as skipped, so a link to ``..`` cannot
make a build go round in circles. A folder that cannot be listed is reported too.

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

from policykg.extractors.readers import SUPPORTED_SUFFIXES, displayable

__all__ = ["InputFile", "Skipped", "Discovery", "discover", "is_output_folder", "InputPathError"]


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
    """The path relative to ``root``, printable: bytes that are not UTF-8 and controls show as ``\\xNN``.

    Examples
    --------
    >>> import os
    >>> _doc_id(Path("/d/sub") / os.fsdecode(b"r\\xe9sum\\xe9\\x1b.txt"), Path("/d"))
    'sub/r\\\\xe9sum\\\\xe9\\\\x1b.txt'
    """
    return displayable(path.relative_to(root).as_posix())


#: Files every build writes: a folder holding them is a build's output, not documents.
_OUTPUT_MARKERS = ("build-report.json", "graph.json")
_OUTPUT_REASON = "a policy-kg output folder (it holds build-report.json and graph.json), not read"


def is_output_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a build's outputs (its ``graph.html`` is no document of the corpus).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> before = is_output_folder(d)
    >>> for name in _OUTPUT_MARKERS:
    ...     _ = (d / name).write_text("{}")
    >>> before, is_output_folder(d)
    (False, True)
    """
    return all((folder / name).is_file() for name in _OUTPUT_MARKERS)


def _walk(root: Path, found: Discovery) -> list[tuple[Path, str]]:
    """The files under the folder ``root`` as ``(path, doc id)``; linked and unlistable folders go to ``found.skipped``."""

    def unlisted(error: OSError) -> None:
        folder = Path(error.filename or root)
        where = displayable(str(root)) if folder == root else _doc_id(folder, root)
        found.skipped.append(Skipped(where + "/", f"folder cannot be listed: {error.strerror or error}"))

    candidates = []
    if is_output_folder(root):
        found.skipped.append(Skipped(displayable(str(root)) + "/", _OUTPUT_REASON))
        return candidates
    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted, followlinks=False):
        here = Path(dirpath)
        for name in sorted(d for d in dirnames if (here / d).is_symlink() and not d.startswith(".")):
            found.skipped.append(Skipped(_doc_id(here / name, root) + "/",
                                         "link to a folder, not followed (give the folder itself to read it)"))
        outputs = {d for d in dirnames if not d.startswith(".") and is_output_folder(here / d)}
        for name in sorted(outputs):
            found.skipped.append(Skipped(_doc_id(here / name, root) + "/", _OUTPUT_REASON))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (here / d).is_symlink()
                             and d not in outputs)
        candidates += [(here / name, _doc_id(here / name, root)) for name in sorted(filenames)]
    return candidates


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
        # a file, or a link that is broken or loops (reading it says which), or a folder
        candidates = [(root, displayable(root.name))] if not root.is_dir() else _walk(root, found)
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
