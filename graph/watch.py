"""Keep a build up to date: rebuild in one resident process whenever its documents change.

``kg build --watch`` builds once, then waits for files to change under the corpus (and in the
alias and lexicon files) and builds again. Each rebuild runs in the same process, so the
models, the libraries and every per-name cache of entity resolution stay loaded; with the
extraction cache only the changed documents are read again. The outputs of each rebuild are
those of a cold build of the corpus as it is then.

Changes are noticed by ``watchfiles`` (the operating system's file events, or polling where
there are none). Changes under the output folder, hidden files and files of types the build
does not read are ignored, so a build whose output folder sits inside its corpus does not
rebuild itself forever.

Examples
--------
>>> from pathlib import Path
>>> relevant = ChangeFilter(Path("output"), extra_files=[Path("aliases.csv")])
>>> relevant(Change.modified, "notes/a.txt"), relevant(Change.modified, "notes/a.exe")
(True, False)
>>> relevant(Change.modified, "output/graph.json"), relevant(Change.modified, "aliases.csv")
(False, True)
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from watchfiles import Change, DefaultFilter, watch

from policykg.extractors.readers import SUPPORTED_SUFFIXES

__all__ = ["Change", "ChangeFilter", "snapshot", "rebuild_on_change", "settle_memory"]

_READY_MS = 300


class ChangeFilter(DefaultFilter):
    """Which changed paths call for a rebuild: documents a build reads, and the ``extra_files``.

    watchfiles' default filter already leaves out version-control folders, editors' swap and
    backup files and caches.
    """

    def __init__(self, out_dir: Path, *, extra_files: Iterable[Path] = ()) -> None:
        super().__init__()
        self.out_dir = out_dir.resolve()
        self.extra_files = {p.resolve() for p in extra_files}

    def __call__(self, change: Change, path: str) -> bool:
        where = Path(path).resolve()
        if where in self.extra_files:
            return True
        if where == self.out_dir or self.out_dir in where.parents or where.name.startswith("."):
            return False
        return where.suffix.lower() in SUPPORTED_SUFFIXES and super().__call__(change, path)


def snapshot(paths: Sequence[Path], *, out_dir: Path, extra_files: Sequence[Path] = ()) -> dict[Path, tuple[int, int]]:
    """``{file: (modification time in ns, size)}`` of the files under ``paths`` and the
    ``extra_files`` that a change of would call for a rebuild (:class:`ChangeFilter`)."""
    relevant = ChangeFilter(out_dir, extra_files=extra_files)
    out: dict[Path, tuple[int, int]] = {}
    for root in [*paths, *extra_files]:
        files = [root] if root.is_file() else (Path(folder) / name for folder, _, names in os.walk(root) for name in names)
        for path in files:
            if relevant(Change.modified, str(path)):
                try:
                    info = path.stat()
                except OSError:  # deleted meanwhile
                    continue
                out[path] = (info.st_mtime_ns, info.st_size)
    return out


def rebuild_on_change(
    paths: Sequence[Path],
    rebuild: Callable[[set[Path]], None],
    *,
    out_dir: Path,
    extra_files: Sequence[Path] = (),
    since: Mapping[Path, tuple[int, int]] | None = None,
    log: Callable[[str], None] = print,
    stop_event: threading.Event | None = None,
    force_polling: bool | None = None,
    idle: Callable[[], None] | None = None,
) -> int:
    """Call ``rebuild(changed_paths)`` after each batch of relevant changes; return the number of rebuilds.

    Watches ``paths`` (files or folders) and ``extra_files`` until ``stop_event`` is set or
    the user presses Ctrl-C. ``since`` is a :func:`snapshot` taken before the last build: files
    that changed after it, before the watcher was ready, are rebuilt for at once. "watching" is
    logged once the watcher is ready. A rebuild that raises is reported through ``log`` and
    watching goes on: an alias file saved half-edited must not end the session. Changes that
    arrive within 50 ms of each other make one rebuild. ``idle`` is called once the watcher is
    ready and after each rebuild is logged: work that the user need not wait for.
    """
    watched = sorted({*(p.resolve() for p in paths), *(f.resolve().parent for f in extra_files)})
    relevant = ChangeFilter(out_dir, extra_files=extra_files)
    rebuilds, ready = 0, False
    # an empty batch every _READY_MS tells that the watcher is set up (watchfiles gives no other sign)
    for changes in watch(*watched, watch_filter=relevant, stop_event=stop_event, raise_interrupt=False,
                         force_polling=force_polling, yield_on_timeout=True, rust_timeout=_READY_MS):
        changed = {Path(p) for _, p in changes}
        if not ready:
            ready = True
            log(f"watching {', '.join(map(str, watched))} for changes (Ctrl-C stops)")
            if idle is not None:
                idle()
            if since is not None:
                now = snapshot(paths, out_dir=out_dir, extra_files=extra_files)
                changed |= {p for p in since.keys() | now.keys() if since.get(p) != now.get(p)}
        if not changed:
            continue
        t0 = time.perf_counter()
        try:
            rebuild(changed)
        except Exception as exc:  # noqa: BLE001 - any failure is reported and the next change retried
            log(f"kg: rebuild after {_count(changed)} failed: {exc}")
        else:
            rebuilds += 1
            log(f"rebuilt in {time.perf_counter() - t0:.1f} s after {_count(changed)}")
        if idle is not None:
            idle()
    return rebuilds


def settle_memory() -> None:
    """Collect garbage now, between rebuilds, and exempt what is left from later collections.

    A resident build keeps every document's record between rebuilds: hundreds of thousands of
    objects that Python's cycle collector would otherwise walk again each time it looks at its
    oldest generation, in the middle of a rebuild (a third of a second at 1,000 documents).
    Frozen objects are still freed as soon as nothing refers to them; cycles among them wait for
    the next call, which unfreezes them before collecting.

    >>> settle_memory(); gc.get_freeze_count() > 0
    True
    >>> gc.unfreeze()
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _count(changed: set[Path]) -> str:
    return f"{len(changed)} changed file{'s' if len(changed) != 1 else ''}"
