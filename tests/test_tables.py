"""The tables cache (``extractors/tables.py``): what it serves equals what is parsed, and it never breaks a build."""

from __future__ import annotations

import gzip
import os
import stat
import subprocess
import sys

import pytest

from policykg.extractors import tables
from policykg.extractors.tables import cached_tables, clear_tables, load_table


@pytest.fixture()
def table_dir(tmp_path, monkeypatch):
    folder = tmp_path / "tables"
    monkeypatch.setenv("POLICYKG_TABLES", str(folder))
    return folder


def _counting_parse(source, calls):
    def parse():
        calls.append(1)
        return {"rows": dict(line.split("\t") for line in source.read_text(encoding="utf-8").splitlines())}
    return parse


def test_a_table_is_parsed_once_then_read_back(table_dir, tmp_path):
    source = tmp_path / "words.tsv"
    source.write_text("国务院\tORG\nHà Nội\tPLACE\n", encoding="utf-8")
    calls: list[int] = []
    first = load_table("words", [source], _counting_parse(source, calls))
    second = load_table("words", [source], _counting_parse(source, calls))
    assert first == second == {"rows": {"国务院": "ORG", "Hà Nội": "PLACE"}}
    assert len(calls) == 1
    assert [p.name.split("-")[0] for p in cached_tables()] == ["words"]


def test_a_changed_source_or_version_is_parsed_again_and_the_old_file_goes(table_dir, tmp_path):
    source = tmp_path / "words.tsv"
    source.write_text("国务院\tORG\n", encoding="utf-8")
    calls: list[int] = []
    load_table("words", [source], _counting_parse(source, calls))
    source.write_text("国务院\tORG\n马克思\tPERSON\n", encoding="utf-8")
    assert load_table("words", [source], _counting_parse(source, calls)) == {"rows": {"国务院": "ORG", "马克思": "PERSON"}}
    assert len(calls) == 2 and len(cached_tables()) == 1
    load_table("words", [source], _counting_parse(source, calls), version="2")
    assert len(calls) == 3 and len(cached_tables()) == 1


def test_two_installations_keep_a_file_each(table_dir, tmp_path):
    # the same table from files at two paths (two virtual environments) is kept twice, and a new version of
    # one replaces only its own file, so two environments do not parse again in turn
    sources = []
    for env in ("venv-a", "venv-b"):
        (tmp_path / env).mkdir()
        sources.append(tmp_path / env / "words.tsv")
        sources[-1].write_text("国务院\tORG\n", encoding="utf-8")
    calls: list[int] = []
    for source in sources + sources:
        load_table("words", [source], _counting_parse(source, calls))
    assert len(calls) == 2 and len(cached_tables()) == 2
    sources[0].write_text("国务院\tORG\n马克思\tPERSON\n", encoding="utf-8")
    load_table("words", [sources[0]], _counting_parse(sources[0], calls))
    load_table("words", [sources[1]], _counting_parse(sources[1], calls))
    assert len(calls) == 3 and len(cached_tables()) == 2


def test_installations_that_come_and_go_leave_only_the_tables_used_last(table_dir, tmp_path):
    # a clone per CI run installs the sources at a new path each time: the folder keeps the files of the
    # KEEP_PER_TABLE installations that used the table last, whichever wrote first
    sources = []
    for i in range(tables.KEEP_PER_TABLE + 2):
        (tmp_path / f"clone-{i}").mkdir()
        sources.append(tmp_path / f"clone-{i}" / "words.tsv")
        sources[-1].write_text("国务院\tORG\n", encoding="utf-8")
    calls: list[int] = []
    load_table("words", [sources[0]], _counting_parse(sources[0], calls))
    for i, source in enumerate(sources[1:], 1):
        stamp = 1_000_000 + i
        for path in cached_tables():
            os.utime(path, (stamp - 10, stamp - 10))  # every older file used before the next clone came
        load_table("words", [sources[0]], _counting_parse(sources[0], calls))  # the first one still in use
        load_table("words", [source], _counting_parse(source, calls))
    assert len(calls) == len(sources) and len(cached_tables()) == tables.KEEP_PER_TABLE
    # the first installation, read all along, kept its file: no parse again
    load_table("words", [sources[0]], _counting_parse(sources[0], calls))
    assert len(calls) == len(sources)


def test_a_file_named_the_old_way_goes_when_its_table_is_written(table_dir, tmp_path):
    source = tmp_path / "words.tsv"
    source.write_text("国务院\tORG\n", encoding="utf-8")
    table_dir.mkdir()
    legacy = table_dir / f"words-py{sys.version_info[0]}{sys.version_info[1]}-0123456789abcdef.marshal"
    legacy.write_bytes(b"")
    other = table_dir / f"wordsmith-py{sys.version_info[0]}{sys.version_info[1]}-0123456789abcdef.marshal"
    other.write_bytes(b"")
    load_table("words", [source], _counting_parse(source, []))
    assert not legacy.exists() and other.exists() and len(cached_tables()) == 2


def test_a_damaged_file_is_parsed_again(table_dir, tmp_path):
    source = tmp_path / "words.tsv"
    source.write_text("国务院\tORG\n", encoding="utf-8")
    calls: list[int] = []
    load_table("words", [source], _counting_parse(source, calls))
    (path,) = cached_tables()
    path.write_bytes(path.read_bytes()[:5])  # cut short, as by a full disk
    assert load_table("words", [source], _counting_parse(source, calls)) == {"rows": {"国务院": "ORG"}}
    assert len(calls) == 2


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_that_cannot_be_written_only_costs_the_parse(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("POLICYKG_TABLES", str(folder))
    source = tmp_path / "words.tsv"
    source.write_text("国务院\tORG\n", encoding="utf-8")
    assert load_table("words", [source], _counting_parse(source, [])) == {"rows": {"国务院": "ORG"}}
    assert cached_tables() == []


def test_a_folder_that_is_a_file_only_costs_the_parse(tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("POLICYKG_TABLES", str(blocker / "tables"))
    source = tmp_path / "words.tsv"
    source.write_text("国务院\tORG\n", encoding="utf-8")
    calls: list[int] = []
    for _ in range(2):
        assert load_table("words", [source], _counting_parse(source, calls)) == {"rows": {"国务院": "ORG"}}
    assert len(calls) == 2


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_TABLES", "")
    source = tmp_path / "words.tsv"
    source.write_text("国务院\tORG\n", encoding="utf-8")
    calls: list[int] = []
    for _ in range(2):
        load_table("words", [source], _counting_parse(source, calls))
    assert len(calls) == 2 and tables.tables_dir() is None


def test_a_missing_source_raises_what_the_parse_raises(table_dir, tmp_path):
    missing = tmp_path / "missing.tsv"
    with pytest.raises(FileNotFoundError):
        load_table("words", [missing], lambda: missing.read_text(encoding="utf-8"))


def test_jieba_tables_from_the_cache_equal_a_fresh_parse(table_dir):
    """The segmenter's tables as stored and read back are jieba's own, down to the HMM."""
    from policykg.extractors.zh_segment import _parse_jieba

    script = ("from policykg.extractors.zh_segment import jieba_tables, default_segmenter; import sys, json;"
              "t = jieba_tables(); s = default_segmenter();"
              "print(json.dumps([len(t['freq']), t['total'], len(t['tags']), sorted(t['hmm']), 'jieba.posseg' in sys.modules,"
              " s.tagged('翟继光在中国政法大学工作，宋大伟讲话')], ensure_ascii=False))")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert len(cached_tables()) == 1
    fresh = _parse_jieba()
    import json
    first, second = (json.loads(r) for r in runs)
    assert first[:4] == [len(fresh["freq"]), fresh["total"], len(fresh["tags"]), ["emit", "start", "states", "trans"]]
    assert second[:4] == first[:4] and second[5] == first[5]
    assert second[4] is False  # read back from the cache, posseg's dictionary is not parsed again
    assert ["翟继光", "nr"] in first[5] and ["中国政法大学", "nt"] in first[5]
    from marshal import loads
    (path,) = cached_tables()
    stored = loads(path.read_bytes())
    assert stored["freq"] == fresh["freq"] and stored["tags"] == fresh["tags"] and stored["hmm"] == fresh["hmm"]


def test_a_lexicon_read_through_the_cache_equals_its_file(table_dir, tmp_path):
    from policykg.extractors.ner_model import _parse_lexicon, read_lexicon

    folder = tmp_path / "xx_ner"
    folder.mkdir()
    path = folder / "lexicon.tsv.gz"
    path.write_bytes(gzip.compress("first\tmary\ta\nphrase\thà nội\tcityA\n".encode("utf-8")))
    expected = {"first": {"mary": "a"}, "phrase": {"hà nội": "cityA"}}
    assert read_lexicon(path) == expected == _parse_lexicon(str(path))
    assert [p.name.split("-py")[0] for p in cached_tables()] == ["lexicon-xx_ner"]


def test_kg_cache_clear_tables_deletes_them(table_dir, tmp_path):
    from click.testing import CliRunner

    from policykg.graph.cli import main

    source = tmp_path / "words.tsv"
    source.write_text("国务院\tORG\n", encoding="utf-8")
    load_table("words", [source], _counting_parse(source, []))
    result = CliRunner().invoke(main, ["cache", "clear", "--tables"])
    assert result.exit_code == 0 and f"deleted 1 table files in {table_dir}" in result.output
    assert cached_tables() == [] and clear_tables() == 0
