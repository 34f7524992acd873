"""``kg explain`` and ``kg build --aliases``: exact CLI output, exit codes, and the merges.csv of a real build."""

from __future__ import annotations

import csv

from click.testing import CliRunner

from policykg.graph.cli import main
from policykg.graph.explain import explain_name
from policykg.graph.export import write_json
from policykg.graph.resolve_audit import write_merges

from test_resolve import SEED_000_BAUER, SEED_000_BAUER_SHORT, SEED_004_EN, SEED_004_ZH, record, resolved


def write_output(tmp_path, records):
    g, merges = resolved(records)
    write_json(g, tmp_path / "graph.json")
    write_merges(tmp_path / "merges.csv", merges)
    return g


def test_explain_prints_each_merge_with_rule_and_sentence(tmp_path):
    g = write_output(tmp_path, [record("000.txt", [(SEED_000_BAUER, "zh-Hans"), (SEED_000_BAUER_SHORT, "zh-Hans")],
                                       [("H.鲍尔", "PERSON", 0), ("鲍尔", "PERSON", 1)])])
    (node,) = g.nodes
    result = CliRunner().invoke(main, ["explain", "鮑爾", "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert result.output == (
        f"鲍尔 (PERSON, {node}): 2 names, 1 document\n"
        "  H.鲍尔 = 鲍尔  [short-form] 鲍尔 shortens H.鲍尔, the only such name there\n"
        f"      000.txt: {SEED_000_BAUER_SHORT}\n"
        "  to undo: add `never,H.鲍尔,鲍尔` to an alias file and rebuild with `kg build --aliases FILE`\n"
    )


def test_explain_a_surname_alone_finds_the_people_it_ends_and_keeps_them_apart(tmp_path):
    write_output(tmp_path, [record("000.txt", [("奥地利学派的H.鲍尔和O.鲍威尔讨论了社会主义。", "zh-Hans")],
                                   [("H.鲍尔", "PERSON", 0), ("O.鲍威尔", "PERSON", 0)])])
    heads = [line for line in explain_name("鲍威尔", tmp_path).splitlines() if not line.startswith(" ")]
    assert len(heads) == 1 and heads[0].startswith("O.鲍威尔 (PERSON, ")
    assert len([line for line in explain_name("鮑爾", tmp_path).splitlines() if not line.startswith(" ")]) == 1


def test_explain_finds_latin_names_without_marks(tmp_path):
    write_output(tmp_path, [record("a.vi.txt", [("Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn Độc lập.", "vi")], [("Hồ Chí Minh", "PERSON", 0)]),
                            record("a.en.txt", [("Ho Chi Minh read the Declaration of Independence.", "en")], [("Ho Chi Minh", "PERSON", 0)])])
    text = explain_name("ho chi minh", tmp_path)
    assert text.splitlines()[1] == "  Ho Chi Minh = Hồ Chí Minh  [latin] same letters without case and marks: ho chi minh"


def test_explain_unknown_name_and_missing_output(tmp_path):
    write_output(tmp_path, [record("004.txt", [(SEED_004_ZH, "zh-Hans"), (SEED_004_EN, "en")],
                                   [("宋大伟", "PERSON", 0), ("SONG Dawei", "PERSON", 1)])])
    result = CliRunner().invoke(main, ["explain", "王名", "-o", str(tmp_path)])
    assert (result.exit_code, result.output) == (
        1, "kg: no node holds '王名'; check the spelling. List names with `kg query find NAME`.\n")
    result = CliRunner().invoke(main, ["explain", "宋大", "-o", str(tmp_path)])
    assert (result.exit_code, result.output) == (
        1, "kg: no node holds '宋大'; closest: 宋大伟. List names with `kg query find NAME`.\n")
    result = CliRunner().invoke(main, ["explain", "宋大伟", "-o", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.output == f"kg: {tmp_path / 'none' / 'graph.json'} does not exist. Build first: `kg build -o {tmp_path / 'none'}`.\n"


def test_explain_build_with_malformed_alias_file_exits_2(tmp_path):
    bad = tmp_path / "aliases.csv"
    bad.write_text("merge,宋大伟,SONG Dawei\nmerge,宋大伟\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "out"), "--aliases", str(bad), "-q"])
    assert result.exit_code == 2
    assert result.output == (f"kg: [E102] {bad}:2: merge needs two names. "
                             "Write `merge,NAME_A,NAME_B[,TYPE]`, `never,NAME_A,NAME_B` or `type,NAME,TYPE`.\n")


def test_explain_real_build_writes_merges_csv_and_honours_aliases(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("黨中央和國務院應當對此有清醒的認識。\n", encoding="utf-8")
    (corpus / "b.txt").write_text("国务院印发了关于数字经济的报告。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    with (out / "merges.csv").open(encoding="utf-8", newline="") as fh:
        rows = [(r["surface_a"], r["surface_b"], r["rule"], r["doc"]) for r in csv.DictReader(fh)]
    assert ("国务院", "國務院", "script", "a.txt") in rows or ("國務院", "国务院", "script", "b.txt") in rows
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("never,國務院,国务院\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "-q", "--aliases", str(aliases)])
    assert result.exit_code == 0, result.output
    with (out / "merges.csv").open(encoding="utf-8", newline="") as fh:
        assert [r for r in csv.DictReader(fh) if r["rule"] == "script"] == []
