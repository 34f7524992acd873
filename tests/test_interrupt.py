"""Builds killed with SIGKILL lose nothing: previous outputs stay whole, the cache stays usable,
and the next build equals a clean build.

Each case runs the real ``kg build`` in a subprocess and kills it at a different moment: while
the models load, while documents are extracted and cached, and while outputs are written.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest

from policykg.graph.cache import CACHE_FILE, ExtractionCache
from policykg.graph.run import OUTPUT_FILES

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")

KG = str(Path(sys.executable).with_name("kg"))
SENTENCES = [
    "国务院和中国科学院发布了关于数字经济的报告。",
    "國務院辦公廳印發了《關於推行地方各級政府工作部門權力清單制度的指導意見》。",
    "Đảng Cộng sản Việt Nam lãnh đạo cuộc đấu tranh chống tham nhũng.",
    "The World Trade Organization met in Geneva with the Chinese Academy of Sciences.",
]


def _corpus(root: Path, n: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = "\n\n".join(SENTENCES[(i + k) % len(SENTENCES)] * (1 + k) for k in range(6))
        (root / f"doc{i:03d}.txt").write_text(f"第{i}号文件\n\n{text}\n", encoding="utf-8")
    return root


def _kg_build(corpus: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([KG, "build", str(corpus), "-o", str(out), "-q", "--jobs", "1", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _run(corpus: Path, out: Path, *extra: str) -> None:
    assert _kg_build(corpus, out, *extra).wait(timeout=600) == 0


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES}


def _assert_whole(out: Path) -> None:
    """Every output parses: none is truncated or half-written."""
    json.loads((out / "graph.json").read_text(encoding="utf-8"))
    json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    ElementTree.parse(out / "graph.graphml")
    ElementTree.parse(out / "graph.gexf")
    assert (out / "graph.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes]]:
    """A finished build of 12 documents; then the corpus grows to 40 for the killed builds."""
    root = tmp_path_factory.mktemp("interrupt")
    corpus, out = _corpus(root / "docs", 12), root / "out"
    _run(corpus, out)
    before = _outputs(out)
    _corpus(corpus, 40)
    return corpus, out, before


def _kill_when(proc: subprocess.Popen, ready, timeout: float = 300) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()`` holds; ``False`` if it finished first."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if ready():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.005)
    return False


def _cached(out: Path) -> int:
    try:
        with sqlite3.connect(f"file:{out / CACHE_FILE}?mode=ro", uri=True) as db:
            return db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except sqlite3.Error:
        return 0


MOMENTS = {
    "loading": lambda out, t0: time.monotonic() - t0 > 0.3,
    "extracting": lambda out, t0: _cached(out) >= 13,
    "writing the first outputs": lambda out, t0: any(out.glob(".kg-staging-*/merges.csv")),
    "writing the page": lambda out, t0: any(out.glob(".kg-staging-*/graph.json")),
}


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_sigkill_keeps_previous_outputs_and_a_usable_cache(previous, moment: str) -> None:
    corpus, out, _ = previous
    current = _outputs(out)
    proc = _kg_build(corpus, out)
    t0 = time.monotonic()
    killed = _kill_when(proc, lambda: MOMENTS[moment](out, t0))
    if not killed:
        pytest.skip(f"the build finished before the {moment} moment could be caught")
    _assert_whole(out)
    assert [name for name, data in _outputs(out).items() if data != current[name]] == []
    with ExtractionCache(out / CACHE_FILE) as store:
        store.get("no such key")
        assert len(store) >= 0
    with sqlite3.connect(out / CACHE_FILE) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_build_after_kills_equals_a_clean_build(previous, tmp_path: Path) -> None:
    corpus, out, _ = previous
    proc = _kg_build(corpus, out)
    t0 = time.monotonic()
    _kill_when(proc, lambda: time.monotonic() - t0 > 2.0)
    _run(corpus, out)
    assert not list(out.glob(".kg-staging-*")), "the staging folder of a killed build is cleaned up"
    clean = tmp_path / "clean"
    _run(corpus, clean, "--no-cache")
    for name in ("graph.json", "graph.graphml", "graph.gexf", "graph.html", "merges.csv"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert report["documents"]["built"] == 40
