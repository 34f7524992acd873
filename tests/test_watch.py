"""``kg build --watch``: a resident process that rebuilds on change and writes what a cold build writes.

The real ``kg`` runs in a subprocess; the test edits, adds and deletes documents and the alias
file under it, and compares the outputs with a cold build of the final corpus.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from policykg.graph.watch import Change, ChangeFilter

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGINT")

KG = str(Path(sys.executable).with_name("kg"))
COMPARED = ("graph.json", "graph.graphml", "graph.gexf", "graph.html", "merges.csv")


class _Watcher:
    """A running ``kg build --watch`` whose stderr lines arrive on a queue."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen([KG, "build", *args, "-q", "--jobs", "1", "--watch"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, prefix: str, timeout: float = 180) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.proc.poll() is None, f"kg exited with {self.proc.returncode}: {self.seen}"
                continue
            self.seen.append(line)
            if line.startswith(prefix):
                return line
        raise AssertionError(f"no line starting {prefix!r} within {timeout} s: {self.seen}")

    def quiet_for(self, seconds: float) -> list[str]:
        """The lines printed during the next ``seconds``."""
        got, deadline = [], time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                got.append(self.lines.get(timeout=0.1))
            except queue.Empty:
                pass
        self.seen += got
        return got


def _report_ids(out: Path) -> list[str]:
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    return sorted(d["id"] for d in report["per_document"])


def test_watch_rebuilds_on_change_and_writes_what_a_cold_build_writes(tmp_path: Path) -> None:
    corpus, aliases = tmp_path / "docs", tmp_path / "aliases.csv"
    corpus.mkdir()
    (corpus / "a.txt").write_text("国务院和中国科学院发布了关于数字经济的报告。\n", encoding="utf-8")
    (corpus / "b.txt").write_text("The World Trade Organization met in Geneva.\n", encoding="utf-8")
    (corpus / "c.txt").write_text("Đảng Cộng sản Việt Nam lãnh đạo cuộc đấu tranh chống tham nhũng.\n", encoding="utf-8")
    aliases.write_text("merge,国务院,中国科学院\n", encoding="utf-8")
    out = corpus / "out"  # inside the watched folder: its own writes must not set off rebuilds
    kg = _Watcher(str(corpus), "-o", str(out), "--aliases", str(aliases))
    try:
        kg.wait_for("watching")
        assert _report_ids(out) == ["a.txt", "b.txt", "c.txt"]
        assert not [line for line in kg.quiet_for(1.5) if line.startswith("rebuilt")], kg.seen

        (corpus / "a.txt").write_text("国务院办公厅印发了《意见》。米塞斯批评了计划经济。\n", encoding="utf-8")
        (corpus / "d.txt").write_text("宋大伟在中国科学院工作。\n", encoding="utf-8")
        (corpus / "c.txt").unlink()
        (corpus / "notes.exe").write_bytes(b"\x00")  # not a document: no rebuild of its own
        deadline = time.monotonic() + 180
        while _report_ids(out) != ["a.txt", "b.txt", "d.txt"] or "米塞斯" not in (out / "graph.json").read_text(
                encoding="utf-8"):
            kg.wait_for("rebuilt", timeout=max(1.0, deadline - time.monotonic()))
        kg.quiet_for(1.0)  # a batch of changes may take more than one rebuild; let them finish

        before = {name: (out / name).read_bytes() for name in COMPARED}
        aliases.write_text("frobnicate,国务院,中国科学院\n", encoding="utf-8")
        assert "failed" in kg.wait_for("kg: rebuild after"), kg.seen
        assert {name: (out / name).read_bytes() for name in COMPARED} == before, "a failed rebuild keeps the outputs"
        aliases.write_text("never,国务院,国务院办公厅\n", encoding="utf-8")
        kg.wait_for("rebuilt")
        kg.quiet_for(1.0)
    finally:
        kg.proc.send_signal(signal.SIGINT)
        status = kg.proc.wait(timeout=60)
    assert status == 0
    kg.quiet_for(0.5)
    assert kg.seen[-1] == "stopped watching", kg.seen

    clean = tmp_path / "clean"
    subprocess.run([KG, "build", str(corpus), "-o", str(clean), "-q", "--jobs", "1", "--no-cache",
                    "--aliases", str(aliases)], check=True, capture_output=True)
    for name in COMPARED:
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


@pytest.mark.parametrize(("path", "relevant"), [
    ("docs/a.txt", True), ("docs/sub/b.PDF", True), ("docs/c.docx", True), ("docs/d.exe", False),
    ("docs/.e.txt", False), ("docs/.git/f.txt", False), ("out/graph.json", False), ("out/x/y.txt", False),
    ("aliases.csv", True), ("other.csv", False),
])
def test_change_filter_keeps_documents_and_the_given_files(tmp_path: Path, path: str, relevant: bool) -> None:
    keep = ChangeFilter(tmp_path / "out", extra_files=[tmp_path / "aliases.csv"])
    assert keep(Change.modified, str(tmp_path / path)) is relevant


def test_watch_starts_on_an_empty_folder_and_builds_when_a_document_arrives(tmp_path: Path) -> None:
    corpus, out = tmp_path / "docs", tmp_path / "out"
    corpus.mkdir()
    kg = _Watcher(str(corpus), "-o", str(out))
    try:
        assert "no document could be built" in kg.wait_for("kg: no document")
        kg.wait_for("watching")
        (corpus / "a.txt").write_text("国务院和中国科学院发布了关于数字经济的报告。\n", encoding="utf-8")
        kg.wait_for("rebuilt")
        assert _report_ids(out) == ["a.txt"]
    finally:
        kg.proc.send_signal(signal.SIGINT)
        assert kg.proc.wait(timeout=60) == 0


def test_changes_made_before_the_watcher_is_ready_are_not_lost(tmp_path: Path) -> None:
    """A file changed during the first build (after the snapshot, before the watcher starts) is rebuilt for."""
    from policykg.graph.watch import rebuild_on_change, snapshot

    corpus, out = tmp_path / "docs", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.txt").write_text("one\n", encoding="utf-8")
    (corpus / "b.txt").write_text("two\n", encoding="utf-8")
    before = snapshot([corpus], out_dir=out)
    (corpus / "a.txt").write_text("one, edited during the first build\n", encoding="utf-8")
    (corpus / "c.txt").write_text("three, new\n", encoding="utf-8")
    stop, calls = threading.Event(), []

    def rebuild(changed: set[Path]) -> None:
        calls.append(changed)
        stop.set()

    watcher = threading.Thread(target=rebuild_on_change, args=([corpus], rebuild),
                               kwargs={"out_dir": out, "since": before, "stop_event": stop, "log": lambda msg: None})
    watcher.start()
    watcher.join(timeout=30)
    assert not watcher.is_alive()
    assert calls == [{corpus / "a.txt", corpus / "c.txt"}]


def test_idle_work_runs_once_ready_and_after_every_rebuild_even_a_failed_one(tmp_path: Path) -> None:
    from policykg.graph.watch import rebuild_on_change

    corpus, out = tmp_path / "docs", tmp_path / "out"
    corpus.mkdir()
    stop, events = threading.Event(), []

    def rebuild(changed: set[Path]) -> None:
        events.append("rebuild")
        if len(events) == 2:  # the first rebuild fails, as a bad alias file makes it
            raise ValueError("half-edited")
        stop.set()

    def idle() -> None:
        events.append("idle")
        if events == ["idle"]:  # ready: the first change may now be made
            (corpus / "a.txt").write_text("one\n", encoding="utf-8")
        elif len(events) == 3:
            (corpus / "a.txt").write_text("one, again\n", encoding="utf-8")

    watcher = threading.Thread(target=rebuild_on_change, args=([corpus], rebuild),
                               kwargs={"out_dir": out, "stop_event": stop, "log": lambda msg: None, "idle": idle})
    watcher.start()
    watcher.join(timeout=30)
    assert not watcher.is_alive()
    assert events == ["idle", "rebuild", "idle", "rebuild", "idle"]


def test_settled_memory_is_still_freed_when_nothing_refers_to_it() -> None:
    import gc
    import weakref

    from policykg.graph.watch import settle_memory

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: only the cycle collector frees it
    gone = weakref.ref(a)
    try:
        settle_memory()
        del a, b
        settle_memory()
        assert gone() is None
    finally:
        gc.unfreeze()
