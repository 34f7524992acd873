"""Work handed to a forked child process while this one does something else.

Writing a build's outputs has parts that do not depend on each other (the layout, the Gephi
files, the page). On a machine with a spare core, :class:`Forked` runs one of them in a child
forked from this process, which sees the same objects without pickling them; only the result
travels back. If the child cannot be forked or dies (out of memory, killed), or the function
raises there, the function is run again in this process, so the caller gets the same value, or
the same exception with its traceback, as if nothing had been forked.

Examples
--------
>>> job = Forked(lambda: sum(range(10)), background=False)
>>> job.result()
45
>>> job = Forked(lambda: 6 * 7, background=True)  # forked where it can be; the same answer
>>> job.result()
42
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Forked", "can_fork", "FORK_MIN_NODES"]

T = TypeVar("T")

#: From this many nodes on, a graph's layout or files are worth a forked child: forking costs a few
#: ms, laying out or writing a graph this size a tenth of a second or more.
FORK_MIN_NODES = 300


def can_fork() -> bool:
    """Whether a child process may be forked here and has a core of its own to run on.

    Not in a daemonic process (a pool worker may not have children), not where processes cannot
    be forked (Windows, macOS's default), not on one core (the child would only take turns).

    Examples
    --------
    >>> isinstance(can_fork(), bool)
    True
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return (cores >= 2 and "fork" in multiprocessing.get_all_start_methods()
            and not multiprocessing.current_process().daemon)


class Forked(Generic[T]):
    """``fn()`` computed in a forked child when ``background`` and :func:`can_fork`, else on demand here.

    ``fn``'s result must pickle. Whatever ``fn`` reads must not change until :meth:`result` or
    :meth:`cancel` is called: the child sees this process as it was when forked.
    """

    def __init__(self, fn: Callable[[], T], *, background: bool = True) -> None:
        self._fn = fn
        self._proc = None
        if background and can_fork():
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            self._proc = context.Process(target=self._child, args=(send,), daemon=True)
            self._proc.start()
            send.close()

    @property
    def forked(self) -> bool:
        """Whether a child is (or was, until :meth:`result`) computing ``fn``."""
        return self._proc is not None

    def done(self) -> bool:
        """Whether :meth:`result` would not wait for the child: there is none, or it has finished."""
        return self._proc is None or self._receive.poll()

    def _child(self, send) -> None:
        try:
            value = self._fn()
        except BaseException:  # noqa: BLE001 - the parent runs fn again and raises it with its traceback
            return
        send.send(value)

    def result(self) -> T:
        """Wait for the child's value; compute it here if there is no child or it gave none."""
        if self._proc is None:
            return self._fn()
        try:
            value, received = self._receive.recv(), True
        except EOFError:
            value, received = None, False
        finally:
            self.cancel()
        return value if received else self._fn()

    def cancel(self) -> None:
        """Stop the child, if any (the caller failed before it needed the result)."""
        if self._proc is not None:
            self._receive.close()
            if self._proc.is_alive():
                self._proc.terminate()
            self._proc.join()
            self._proc = None
