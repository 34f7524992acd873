"""Work forked to a second process while writing outputs: same results as without, failures surface here."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import networkx as nx
import pytest

import policykg.graph.forked as forked
import policykg.graph.layout as layout
from policykg.graph.forked import Forked, can_fork
from policykg.graph.run import OUTPUT_FILES, write_outputs

needs_two_cores = pytest.mark.skipif(not can_fork(), reason="one core or no fork: nothing is forked")


@needs_two_cores
def test_the_value_is_computed_in_a_child_process() -> None:
    job = Forked(os.getpid)
    assert job.forked
    assert job.result() != os.getpid()


def test_a_child_that_dies_is_replaced_by_this_process() -> None:
    parent = os.getpid()

    def dies_in_the_child() -> int:
        if os.getpid() != parent:
            os._exit(1)  # as the out-of-memory killer would
        return os.getpid()

    assert Forked(dies_in_the_child).result() == parent


def test_an_exception_raised_in_the_child_is_raised_here_with_its_message() -> None:
    def fails() -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left on device"):
        Forked(fails).result()


@needs_two_cores
def test_a_cancelled_job_leaves_no_process_behind() -> None:
    job = Forked(lambda: __import__("time").sleep(30))
    assert job.forked
    job.cancel()
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


def _big_graph(n: int = 400) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    base = nx.barabasi_albert_graph(n, 2, seed=5)
    for i in base:
        g.add_node(f"n{i}", label=f"名字{i} <&>", type=("PERSON", "ORG", "TERM")[i % 3], mentions=1 + i % 7,
                   documents=[f"d{i % 5}.txt"])
    for u, v in base.edges():
        g.add_edge(f"n{u}", f"n{v}", key="CO_OCCURS", type="CO_OCCURS", weight=1, documents=[f"d{u % 5}.txt"],
                   evidence=[{"doc": f"d{u % 5}.txt", "start": 0, "end": 3, "sentence": "甲和乙 & <b>"}])
    return g


_REPORT = {"timings_seconds": {}, "merges": []}


@pytest.mark.parametrize("case", ["layout computed", "layout remembered", "layout done early"])
def test_outputs_written_with_a_second_process_equal_outputs_written_in_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    """The Gephi files are written by a forked child (while the page is rendered here) from the start
    when the layout is remembered, as soon as it is done (a rebuild's), or once the page needs it;
    byte for byte what one process writes."""
    import time

    import policykg.graph.run as run

    g = _big_graph()
    monkeypatch.setattr(layout, "_last", [None, {}])
    if case == "layout remembered":
        write_outputs(g, _REPORT, tmp_path / "before")
    if case == "layout done early":  # the other files take longer than the layout
        real_merges = run.write_merges
        monkeypatch.setattr(run, "write_merges", lambda *a: time.sleep(2) or real_merges(*a))
    if case == "layout computed":  # the layout takes longer than the other files: the page waits for it
        real_layout = layout.compute_layout
        monkeypatch.setattr(layout, "compute_layout", lambda *a, **k: time.sleep(2) or real_layout(*a, **k))
    two = write_outputs(g, _REPORT, tmp_path / "two")
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    one = write_outputs(g, _REPORT, tmp_path / "one")
    for name in OUTPUT_FILES:
        if name != "build-report.json":  # holds the write time
            assert two[name].read_bytes() == one[name].read_bytes(), name
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


def test_a_gephi_file_that_cannot_be_written_fails_the_build_and_keeps_the_previous_outputs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import policykg.graph.run as run

    g = _big_graph()
    previous = write_outputs(g, _REPORT, tmp_path)
    before = {name: previous[name].read_bytes() for name in OUTPUT_FILES}

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(run, "write_gexf", disk_full)
    g.add_node("new", label="new", type="ORG", mentions=1)
    with pytest.raises(OSError, match="No space left"):
        write_outputs(g, _REPORT, tmp_path)
    assert {name: previous[name].read_bytes() for name in OUTPUT_FILES} == before
    assert not list(tmp_path.glob(".kg-staging-*"))
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]
