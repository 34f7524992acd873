"""Write files atomically: a temporary file in the same folder, fsync, then rename.

A build killed half-way leaves the previous output intact, never a truncated file. The graph's
outputs are written so (``graph/``), and so are the parsed tables kept between builds
(:mod:`.tables`), which is why this module sits with the extractors: ``extractors/`` never imports
``graph/``.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(d / "a.txt", "国务院\\n")
>>> (d / "a.txt").read_text(encoding="utf-8")
'国务院\\n'
>>> oct((d / "a.txt").stat().st_mode & 0o777) == oct(0o666 & ~_current_umask())
True
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

__all__ = ["write_atomic", "atomic_open"]


@contextmanager
def atomic_open(path: Path | str, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success it replaces ``path``.

    Text modes use UTF-8 and ``\\n`` line endings whatever the platform's locale.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "b.csv"
    >>> with atomic_open(p) as fh:
    ...     _ = fh.write("x,y\\n")
    >>> p.read_text()
    'x,y\\n'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if "b" in mode:
            fh = os.fdopen(fd, mode)
        else:
            fh = os.fdopen(fd, mode, encoding="utf-8", newline="\n")
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600 files; give the output the permissions a plain open() would.
        os.chmod(tmp, 0o666 & ~_current_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def write_atomic(path: Path | str, data: str | bytes) -> None:
    """Write ``data`` (UTF-8 for ``str``) to ``path`` atomically."""
    with atomic_open(path, "wb" if isinstance(data, bytes) else "w") as fh:
        fh.write(data)
