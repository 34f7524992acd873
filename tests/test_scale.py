"""Incremental builds (the extraction cache), worker processes, the Dask path and per-file limits.

Every build here is real: files in ``tmp_path``, real jieba, spaCy and models.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.graph.cache import CACHE_FILE, ExtractionCache, RecordMemo
from policykg.graph.cli import main
from policykg.graph.run import BuildLimits, build_corpus, write_outputs

DOCS = {
    "a.txt": "国务院和中国科学院发布了关于数字经济的报告。国务院研究室参与起草。",
    "b.txt": "國務院辦公廳印發了《關於推行地方各級政府工作部門權力清單制度的指導意見》。",
    "c.md": "# Báo cáo\n\nĐảng Cộng sản Việt Nam lãnh đạo cuộc đấu tranh chống tham nhũng.",
    "d.txt": "The World Trade Organization met in Geneva. Song Dawei of the Chinese Academy of Sciences spoke.",
    "sub/e.txt": "中国科学院科技战略咨询研究院的宋大伟谈战略性新兴产业。",
    "sub/f.txt": "世界贸易组织（WTO）和国务院讨论新自由主义。",
}


def _write_corpus(root: Path, docs: dict[str, str] = DOCS) -> Path:
    for name, text in docs.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _build(corpus: Path, out: Path, **kwargs) -> dict:
    kwargs.setdefault("jobs", 1)
    g, report = build_corpus([corpus], progress=False, log=lambda msg: None, **kwargs)
    write_outputs(g, report, out)
    return json.loads((out / "build-report.json").read_text(encoding="utf-8"))


def _graph(out: Path) -> str:
    return (out / "graph.json").read_text(encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return _write_corpus(tmp_path / "docs")


def test_rebuild_extracts_only_what_changed_and_equals_a_cold_build(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _build(corpus, out, cache=out / CACHE_FILE)
    assert first["cache"] == {"used": True, "hits": 0, "extracted": len(DOCS)}
    again = _build(corpus, out, cache=out / CACHE_FILE)
    assert again["cache"] == {"used": True, "hits": len(DOCS), "extracted": 0}

    (corpus / "a.txt").write_text("联合国和世界银行发布了报告。", encoding="utf-8")
    (corpus / "sub/f.txt").unlink()
    changed = _build(corpus, out, cache=out / CACHE_FILE)
    assert changed["cache"] == {"used": True, "hits": len(DOCS) - 2, "extracted": 1}
    with ExtractionCache(out / CACHE_FILE) as store:
        assert len(store) == len(DOCS) - 1  # the deleted file's entry is gone

    cold = tmp_path / "cold"
    _build(corpus, cold)
    assert _graph(out) == _graph(cold)
    labels = {n["label"] for n in json.loads(_graph(out))["nodes"]}
    assert {"联合国", "世界银行"} <= labels and "世界贸易组织" not in labels


def test_a_resident_build_reads_only_changed_files_and_equals_a_cold_build(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """kg build --watch keeps its records in memory: an unchanged file is neither read nor looked up."""
    import policykg.graph.run as run

    read: list[str] = []
    real = run.read_bytes
    monkeypatch.setattr(run, "read_bytes", lambda path, **kw: read.append(Path(path).name) or real(path, **kw))
    out, memo = tmp_path / "out", RecordMemo()
    _build(corpus, out, cache=out / CACHE_FILE, memo=memo)
    assert len(read) == len(DOCS)
    read.clear()
    (corpus / "a.txt").write_text("联合国和世界银行发布了报告。", encoding="utf-8")
    (corpus / "sub/f.txt").unlink()
    report = _build(corpus, out, cache=out / CACHE_FILE, memo=memo)
    assert read == ["a.txt"] and report["cache"] == {"used": True, "hits": len(DOCS) - 2, "extracted": 1}
    cold = tmp_path / "cold"
    _build(corpus, cold)
    assert _graph(out) == _graph(cold)
    (corpus / "sub/f.txt").write_text(DOCS["sub/f.txt"], encoding="utf-8")  # back: read again, not remembered
    read.clear()
    _build(corpus, out, cache=out / CACHE_FILE, memo=memo)
    assert read == ["f.txt"]


def test_the_memo_forgets_a_file_the_watcher_names_by_its_real_path(tmp_path: Path) -> None:
    """The build finds files under the path the user gave (here through a link); the watcher reports real paths."""
    from policykg.extractors.records import DocumentRecord
    from policykg.graph.cache import file_stamp

    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    given, other = tmp_path / "link" / "a.txt", tmp_path / "link" / "b.txt"
    for f in (given, other):
        f.write_text("x", encoding="utf-8")
    memo = RecordMemo()
    for f in (given, other):
        memo.put(f, file_stamp(f), "opts", f.name, DocumentRecord(f.name, "t", ""))
    memo.forget([tmp_path / "real" / "a.txt"])
    assert memo.get(given, file_stamp(given), "opts") is None
    assert memo.get(other, file_stamp(other), "opts")[0] == "b.txt"
    memo.keep_only([given])
    assert memo.get(other, file_stamp(other), "opts") is None


def test_a_build_served_from_the_cache_never_imports_spacy(tmp_path: Path) -> None:
    # translations whose versions tie over a name's type (bbc.381647): the type vote runs on cached records too
    corpus = _write_corpus(tmp_path / "docs", {
        **DOCS,
        "story.vi.txt": "Anh viết trong thông báo về sự thay đổi trên Twitter vào thứ Bảy.",
        "story.zh-Hant.txt": "他在禮拜六透過 Twitter 宣布改名，並寫道：「這個本來叫做肯伊·威斯特的人。」",
    })
    out = tmp_path / "out"
    _build(corpus, out, cache=out / CACHE_FILE)
    code = ("import json, sys; from policykg.graph.run import build_corpus; "
            f"g, r = build_corpus([{str(corpus)!r}], jobs=1, progress=False, log=lambda m: None, cache={str(out / CACHE_FILE)!r}); "
            "print(json.dumps([r['cache']['extracted'], 'spacy' in sys.modules]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [0, False]


def test_a_renamed_file_comes_from_the_cache_under_its_new_name(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(corpus, out, cache=out / CACHE_FILE)
    (corpus / "a.txt").rename(corpus / "renamed.txt")
    report = _build(corpus, out, cache=out / CACHE_FILE)
    assert report["cache"]["extracted"] == 0
    graph = json.loads(_graph(out))
    docs = {d for n in graph["nodes"] if n["label"] == "国务院研究室" for d in n["documents"]}
    assert docs == {"renamed.txt"}
    cold = tmp_path / "cold"
    _build(corpus, cold)
    assert _graph(out) == _graph(cold)


def test_changing_the_lexicon_invalidates_the_cache(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(corpus, out, cache=out / CACHE_FILE)
    lexicon = tmp_path / "extra.csv"
    lexicon.write_text("id,type,zh_hans,zh_hant,vi,en\nx1,TERM,数字经济,數字經濟,kinh tế số,digital economy\n",
                       encoding="utf-8")
    report = _build(corpus, out, cache=out / CACHE_FILE, lexicon_paths=(str(lexicon),))
    assert report["cache"]["extracted"] == len(DOCS)


def test_a_damaged_cache_file_is_replaced_and_the_build_goes_on(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    messages: list[str] = []
    g, report = build_corpus([corpus], jobs=1, progress=False, log=messages.append, cache=out / CACHE_FILE)
    assert report["documents"]["built"] == len(DOCS)
    assert any("could not be opened" in m for m in messages)
    g2, report2 = build_corpus([corpus], jobs=1, progress=False, log=messages.append, cache=out / CACHE_FILE)
    assert report2["cache"]["hits"] == len(DOCS)


def _enough_for_workers(corpus: Path) -> None:
    """Fewer documents than a few per worker are extracted in-process: add some."""
    for i in range(10):
        (corpus / f"more{i}.txt").write_text(f"联合国第{i}次会议在日内瓦召开，世界银行参加。", encoding="utf-8")


def test_worker_processes_give_the_same_graph(corpus: Path, tmp_path: Path) -> None:
    _enough_for_workers(corpus)
    _build(corpus, tmp_path / "one", jobs=1)
    _build(corpus, tmp_path / "two", jobs=2)
    assert _graph(tmp_path / "one") == _graph(tmp_path / "two")


def test_a_dask_local_cluster_gives_the_same_graph(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    _build(corpus, tmp_path / "local", jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = _build(corpus, tmp_path / "dask", scheduler=cluster.scheduler_address)
    assert report["documents"]["built"] == len(DOCS)
    assert _graph(tmp_path / "local") == _graph(tmp_path / "dask")


def test_a_document_over_the_time_limit_fails_alone(corpus: Path) -> None:
    (corpus / "long.txt").write_text("国务院发布了关于数字经济的报告。\n" * 20_000, encoding="utf-8")
    g, report = build_corpus([corpus], jobs=1, progress=False, log=lambda m: None,
                             limits=BuildLimits(max_seconds=0.05))
    failed = {f["path"]: f["reason"] for f in report["documents"]["failed"]}
    assert list(failed) == ["long.txt"] and "took more than 0.05 s" in failed["long.txt"]
    assert report["documents"]["built"] == len(DOCS)


def test_the_evidence_cap_bounds_evidence_but_not_weights(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "docs", {f"{i}.txt": "国务院和中国科学院发布报告。" * 3 for i in range(4)})
    g, _ = build_corpus([corpus], jobs=1, progress=False, log=lambda m: None, evidence_cap=1)
    (u, v, data), = [e for e in g.edges(data=True) if e[2]["type"] == "CO_OCCURS"]
    assert len(data["evidence"]) == 1 and data["weight"] == 12
    assert all(len(d["evidence"]) == 1 for _, d in g.nodes(data=True))


def test_cli_cache_clear_and_no_cache(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(corpus), "-o", str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert (out / CACHE_FILE).is_file()
    result = runner.invoke(main, ["cache", "clear", "-o", str(out)])
    assert result.exit_code == 0 and "deleted" in result.output and not (out / CACHE_FILE).exists()
    result = runner.invoke(main, ["build", str(corpus), "-o", str(out), "-q", "--no-cache", "--evidence-cap", "2"])
    assert result.exit_code == 0 and not (out / CACHE_FILE).exists()
    result = runner.invoke(main, ["cache", "clear", "-o", str(out)])
    assert "nothing to delete" in result.output


@pytest.mark.parametrize("option", [["--jobs", "0"], ["--evidence-cap", "0"], ["--max-seconds", "0"]])
def test_cli_refuses_bad_limits(corpus: Path, tmp_path: Path, option: list[str]) -> None:
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"), *option])
    assert result.exit_code == 2 and option[0] in result.output and "Traceback" not in result.output


@pytest.mark.skipif(os.name != "posix", reason="fork-based workers")
def test_progress_bar_shows_documents_per_second(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_corpus([corpus], jobs=1, progress=True, log=lambda m: None)
    err = capsys.readouterr().err
    assert f"{len(DOCS)}/{len(DOCS)}" in err and "doc/s" in err


@pytest.mark.skipif(os.name != "posix", reason="fork-based workers")
def test_a_document_that_kills_its_worker_fails_alone(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policykg.extractors import pipeline

    real = pipeline.process_document

    def crash_on_killer(text: str, doc_id: str, **kwargs):
        if doc_id == "killer.txt":
            os._exit(137)  # what the kernel's OOM killer does to a worker, seen from the pool
        return real(text, doc_id, **kwargs)

    # forked workers inherit the patched module
    monkeypatch.setattr(pipeline, "process_document", crash_on_killer)
    _enough_for_workers(corpus)
    (corpus / "killer.txt").write_text("国务院发布报告。", encoding="utf-8")
    g, report = build_corpus([corpus], jobs=2, progress=False, log=lambda m: None)
    failed = {f["path"]: f["reason"] for f in report["documents"]["failed"]}
    assert list(failed) == ["killer.txt"] and "worker process extracting it died" in failed["killer.txt"]
    assert report["documents"]["built"] == len(DOCS) + 10
    assert "killer.txt" not in g.graph["documents"] and set(DOCS) <= set(g.graph["documents"])


@pytest.fixture(scope="module")
def user_pipeline(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A spaCy pipeline saved to disk, as an official one would be installed: an entity ruler."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "zorblax"},
                                               {"label": "PERSON", "pattern": "mx quillon"}])
    path = tmp_path_factory.mktemp("pipelines") / "en_user_pipeline"
    nlp.to_disk(path)
    return str(path)


def test_a_user_spacy_pipeline_adds_its_entities(corpus: Path, tmp_path: Path, user_pipeline: str) -> None:
    (corpus / "g.txt").write_text("Staff of zorblax met mx quillon and the World Bank in Geneva.", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(main, ["build", str(corpus), "-o", str(tmp_path / "plain"), "-q", "-j", "1"])
    chosen = runner.invoke(main, ["build", str(corpus), "-o", str(tmp_path / "chosen"), "-q", "-j", "1",
                                  "--spacy-model", f"en={user_pipeline}"])
    assert plain.exit_code == 0 and chosen.exit_code == 0, chosen.output

    def labels(out: str) -> dict[str, str]:
        return {n["label"]: n["type"] for n in json.loads(_graph(tmp_path / out))["nodes"]}

    before, after = labels("plain"), labels("chosen")
    assert "zorblax" not in before and "mx quillon" not in before
    assert after["zorblax"] == "ORG" and after["mx quillon"] == "PERSON"
    assert "World Bank" in before and before.items() <= after.items()  # the shipped extractor still runs


@pytest.mark.parametrize("value,message", [
    ("en=no_such_pipeline_sm", "'no_such_pipeline_sm' is not installed"),
    ("fr=fr_core_news_sm", "no extractor for language 'fr'"),
    ("en_core_web_sm", "write LANG=PIPELINE"),
])
def test_cli_refuses_a_bad_spacy_model(corpus: Path, tmp_path: Path, value: str, message: str) -> None:
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"), "--spacy-model", value])
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_pipeline_for_another_language_is_refused(corpus: Path, tmp_path: Path, user_pipeline: str) -> None:
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"),
                                       "--spacy-model", f"zh={user_pipeline}"])
    assert result.exit_code == 2 and "is for language 'en', not 'zh'" in result.stderr
