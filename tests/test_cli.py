"""`kg build` end to end: the seeds, a mixed corpus with bad files, exit codes and option errors."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from policykg.graph.cli import default_seed_dir, main

SEEDS = sorted(p.name for p in default_seed_dir().glob("*.txt"))


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def test_cli_build_seeds_writes_every_output(seeds_build):
    for name in ("graph.graphml", "graph.gexf", "graph.json", "graph.html", "merges.csv", "build-report.json"):
        assert (seeds_build / name).stat().st_size > 0, name


def test_cli_build_seeds_graphml_has_nodes_from_every_seed(seeds_build):
    g = nx.read_graphml(seeds_build / "graph.graphml")
    docs_per_node = [set(a["documents"].split(" | ")) for _, a in g.nodes(data=True)]
    for seed in SEEDS:
        assert sum(seed in docs for docs in docs_per_node) >= 5, seed
    assert {a["type"] for _, a in g.nodes(data=True)} == {"PERSON", "ORG", "PLACE", "WORK", "TERM"}


@pytest.mark.parametrize("label,type_,seed_prefix", [
    ("米塞斯", "PERSON", "000"),      # glossed name in 000
    ("社會組織", "TERM", "001"),      # pinyin stripped: 社會組(zǔ)織 would break this term
    ("翟繼光", "PERSON", "002"),      # roundtable speaker
    ("Việt Nam", "PLACE", "003"),
    ("中国科学院科技战略咨询研究院", "ORG", "004"),
    ("波兰尼", "PERSON", "000"),      # a surname after K. and M.: a person, merged with neither
])
def test_cli_build_seeds_known_entities(seeds_build, label, type_, seed_prefix):
    g = nx.read_graphml(seeds_build / "graph.graphml")
    hits = [a for _, a in g.nodes(data=True) if label in a["aliases"].split(" | ") and a["type"] == type_]
    assert len(hits) == 1
    assert any(d.startswith(seed_prefix) for d in hits[0]["documents"].split(" | "))


def test_cli_build_seeds_report(seeds_build):
    report = json.loads((seeds_build / "build-report.json").read_text(encoding="utf-8"))
    assert report["documents"]["built"] == 5 and report["documents"]["failed"] == []
    assert set(report["languages"]) >= {"zh-Hans", "zh-Hant", "vi", "en"}
    by_id = {d["id"]: d for d in report["per_document"]}
    assert by_id[SEEDS[3]]["date"] == "2024-11-08"
    assert by_id[SEEDS[4]]["languages"][:2] == ["zh-Hans", "en"]
    assert set(report["timings_seconds"]) >= {"discover", "read", "extract", "assemble", "write"}


def _bad_files(folder: Path) -> dict[str, bytes]:
    import docx
    from pypdf import PdfWriter

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("国务院发布了新的意见。" * 50)
    d.save(buf)
    truncated_docx = buf.getvalue()[: len(buf.getvalue()) // 2]

    def pdf(encrypt: bool) -> bytes:
        w = PdfWriter()
        w.add_blank_page(width=200, height=200)
        if encrypt:
            w.encrypt(user_password="secret", owner_password="secret")
        out = io.BytesIO()
        w.write(out)
        return out.getvalue()

    return {
        "binary.txt": bytes(range(256)) * 40,
        "empty.txt": b"",
        "truncated.docx": truncated_docx,
        "encrypted.pdf": pdf(encrypt=True),
        "image-only.pdf": pdf(encrypt=False),
        "undecodable.txt": b"\x81\xff\xfe\x80\x00\x9f" * 500,
        "huge-line.txt": b"a" * (50 * 1024 * 1024),
    }


def test_cli_build_mixed_corpus_names_each_bad_file(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(default_seed_dir() / SEEDS[3], corpus / "good.txt")
    bad = _bad_files(corpus)
    for name, data in bad.items():
        (corpus / name).write_bytes(data)
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    failed = {f["path"]: f["reason"] for f in report["documents"]["failed"]}
    assert sorted(failed) == sorted(bad)
    assert all(reason for reason in failed.values())
    for name in bad:
        assert f"kg: failed {name}: " in result.stderr
    assert report["documents"]["skipped"] == [{"path": "photo.jpg", "reason": "unsupported file type .jpg"}]
    assert report["documents"]["built"] == 1
    g = nx.read_graphml(out / "graph.graphml")
    assert any("Việt Nam" in a["aliases"].split(" | ") for _, a in g.nodes(data=True))


def test_cli_build_strict_fails_on_any_bad_file(tmp_path):
    shutil.copy(default_seed_dir() / SEEDS[3], tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out"), "--strict", "-q"])
    assert result.exit_code == 1
    assert (tmp_path / "out" / "graph.graphml").exists()


def test_cli_build_twice_into_a_folder_inside_the_corpus_reads_no_output(tmp_path):
    shutil.copy(default_seed_dir() / SEEDS[3], tmp_path / "good.txt")
    args = ["build", str(tmp_path), "-o", str(tmp_path / "output"), "-q"]
    first = CliRunner().invoke(main, args)
    graph = (tmp_path / "output" / "graph.json").read_bytes()
    second = CliRunner().invoke(main, args)
    assert first.exit_code == second.exit_code == 0
    report = json.loads((tmp_path / "output" / "build-report.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in report["per_document"]] == ["good.txt"]  # not output/graph.html, output/README.md
    assert {"path": "output/", "reason": "a policy-kg output folder (it holds build-report.json and graph.json), "
            "not read"} in report["documents"]["skipped"]
    assert (tmp_path / "output" / "graph.json").read_bytes() == graph


def test_cli_build_nothing_built_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no document could be built" in result.stderr
    assert not (tmp_path / "out" / "graph.graphml").exists()


BAD_OPTIONS = [  # (arguments, words the one-line error must contain); {tmp} is a scratch folder
    (["build", "/no/such/folder"], "/no/such/folder: no such file or folder"),
    (["build", "-o", "{tmp}/a-file"], "is a file; give a folder"),
    (["build", "--aliases", "{tmp}/one-name.csv"], "merge needs two names. Write `merge,NAME_A,NAME_B"),
    (["build", "--aliases", "{tmp}/missing.csv"], "missing.csv"),
    (["build", "--aliases", "{tmp}/broken.yaml"], "broken.yaml"),
    (["build", "--lexicon", "{tmp}/bad-lexicon.csv"], "missing column(s) zh_hans, zh_hant, vi, en. The header must be"),
    (["build", "--lexicon", "/no/such.csv"], "does not exist"),
    (["build", "--script", "klingon"], "'klingon' is not one of"),
    (["build", "--jobs", "0"], "0 is not in the range x>=1"),
    (["build", "--max-bytes", "0"], "--max-bytes"),
    (["build", "--evidence-cap", "0"], "--evidence-cap"),
    (["build", "--max-seconds", "-1"], "--max-seconds"),
    (["build", "{tmp}/docs", "-o", "{tmp}/out", "--scheduler", "no-port"], "no Dask scheduler answers at no-port"),
    (["build", "--colour"], "No such option '--colour'"),
    (["buld"], "No such command 'buld'"),
    (["export", "--format", "xyz", "-o", "{tmp}/kg.xyz"], "'xyz' is not one of 'graphml', 'gexf'"),
    (["query", "neighbors"], "Missing argument 'NAME'"),
]


@pytest.mark.parametrize("args,message", BAD_OPTIONS)
def test_cli_bad_options_exit_2_with_one_line_and_no_traceback(tmp_path, args, message):
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "one-name.csv").write_text("merge,宋大伟\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("merge: [a, b\n", encoding="utf-8")
    (tmp_path / "bad-lexicon.csv").write_text("id,type\nx,TERM\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("国务院发布报告。", encoding="utf-8")
    result = CliRunner().invoke(main, [a.format(tmp=tmp_path) for a in args])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2, result.output
    assert len(lines) == 1 and message.format(tmp=tmp_path) in lines[0], result.stderr
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def test_cli_output_folder_that_is_a_file_exits_2(tmp_path):
    f = tmp_path / "out"
    f.write_text("x")
    result = CliRunner().invoke(main, ["build", "-o", str(f)])
    assert result.exit_code == 2
    assert "is a file" in result.output
