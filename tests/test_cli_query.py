"""``kg query …`` and ``kg export``: exact output on the sample graph, a few checks on the seeds, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import make_sample_graph

from policykg.graph.cli import main
from policykg.graph.cli_query import export, query
from policykg.graph.export import read_json, write_json
from policykg.graph.knowledge import seeds_graph


@pytest.fixture(scope="module")
def sample_json(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "graph.json"
    write_json(make_sample_graph(), path)
    return path


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory):
    path = tmp_path_factory.mktemp("seeds") / "graph.json"
    seeds_graph().export(path)
    return path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


# (arguments, exit code, stdout) on the sample graph; --graph is appended
SAMPLE_CASES = [
    (["find", "國務院"], 0,
     "1.00  国务院 (ORG, n000000000001)  3 mentions in 1 document  aliases: 国务院 | 國務院\n"),
    (["find", "VIETNAM"], 0,
     "1.00  Việt Nam (PLACE, n000000000004)  1 mention in 1 document  aliases: Việt Nam | 越南 | Vietnam\n"),
    (["find", "Ho Chi Mihn"], 1,
     "no node named 'Ho Chi Mihn'; closest matches:\n"
     "0.89  Hồ Chí Minh (PERSON, n000000000003)  2 mentions in 1 document  aliases: Hồ Chí Minh\n"),
    (["neighbors", "Ho Chi Minh"], 0,
     "Hồ Chí Minh (PERSON, n000000000003): 2 neighbours\n"
     "  1  马克思主义 (TERM, n000000000002)  CO_OCCURS\n"
     "  1  Việt Nam (PLACE, n000000000004)  CO_OCCURS, AFFILIATED_WITH->\n"),
    (["neighbors", "Việt Nam", "--type", "person"], 0,
     "Việt Nam (PLACE, n000000000004): 1 neighbour\n"
     "  1  Hồ Chí Minh (PERSON, n000000000003)  CO_OCCURS, <-AFFILIATED_WITH\n"),
    (["neighbors", "国务院", "--min-weight", "2", "-n", "1"], 0,
     "国务院 (ORG, n000000000001): 1 neighbour\n"
     "  2  马克思主义 (TERM, n000000000002)  CO_OCCURS\n"),
    (["neighbors", "Hồ Chí Minh", "--type", "ORG"], 0,
     "Hồ Chí Minh (PERSON, n000000000003): 0 neighbours\n"),
    (["path", "国务院", "Viet Nam"], 0,
     "国务院 (ORG, n000000000001) to Việt Nam (PLACE, n000000000004): 3 hops\n"
     "国务院 (ORG, n000000000001) -[CO_OCCURS]- 马克思主义 (TERM, n000000000002)\n"
     "    [a.zh-Hans.txt 0:12] 国务院和马克思主义。\n"
     "马克思主义 (TERM, n000000000002) -[CO_OCCURS]- Hồ Chí Minh (PERSON, n000000000003)\n"
     "    [b.vi.txt 5:40] Hồ Chí Minh và chủ nghĩa Mác - Lênin.\n"
     "Hồ Chí Minh (PERSON, n000000000003) -[CO_OCCURS, AFFILIATED_WITH->]- Việt Nam (PLACE, n000000000004)\n"
     "    [b.vi.txt 5:40] Hồ Chí Minh và chủ nghĩa Mác - Lênin.\n"),
    (["path", "Việt Nam", "Hồ Chí Minh", "-s", "0"], 0,
     "Việt Nam (PLACE, n000000000004) to Hồ Chí Minh (PERSON, n000000000003): 1 hop\n"
     "Việt Nam (PLACE, n000000000004) -[CO_OCCURS, <-AFFILIATED_WITH]- Hồ Chí Minh (PERSON, n000000000003)\n"),
    (["path", "国务院", "Hồ Chí Minh", "--min-weight", "2"], 1,
     "no path between 国务院 (ORG, n000000000001) and Hồ Chí Minh (PERSON, n000000000003) through relations "
     "of weight >= 2; they are in different components.\n"),
    (["evidence", "Việt Nam", "Hồ Chí Minh"], 0,
     "CO_OCCURS  Việt Nam (PLACE, n000000000004) -- Hồ Chí Minh (PERSON, n000000000003): 1 sentence, 1 kept\n"
     "    [b.vi.txt 5:40] Hồ Chí Minh và chủ nghĩa Mác - Lênin.\n"
     "AFFILIATED_WITH  Hồ Chí Minh (PERSON, n000000000003) -> Việt Nam (PLACE, n000000000004): 1 sentence, 1 kept\n"
     "    [b.vi.txt 5:40] Hồ Chí Minh và chủ nghĩa Mác - Lênin.\n"),
    (["evidence", "国务院", "马克思主义"], 0,
     "CO_OCCURS  国务院 (ORG, n000000000001) -- 马克思主义 (TERM, n000000000002): 2 sentences, 1 kept\n"
     "    [a.zh-Hans.txt 0:12] 国务院和马克思主义。\n"),
    (["evidence", "国务院", "Việt Nam"], 1,
     "国务院 (ORG, n000000000001) and Việt Nam (PLACE, n000000000004) are not related; "
     "see `kg query path` for how they connect.\n"),
    (["central", "-k", "3"], 0,
     "  1  0.2530  国务院 (ORG, n000000000001)\n"
     "  2  0.2411  马克思主义 (TERM, n000000000002)\n"
     "  3  0.2388  Hồ Chí Minh (PERSON, n000000000003)\n"),
    (["central", "--by", "mentions", "-k", "2"], 0,
     "  1  5  马克思主义 (TERM, n000000000002)\n"
     "  2  3  国务院 (ORG, n000000000001)\n"),
    (["central", "--by", "degree", "-k", "1"], 0,
     "  1  2  马克思主义 (TERM, n000000000002)\n"),
    (["stats"], 0,
     "nodes       5\n"
     "edges       5\n"
     "documents   3\n"
     "density     0.4\n"
     "components  1 (largest 5 nodes, 0 isolated)\n"
     "node types  ORG 1, PERSON 1, PLACE 1, TERM 1, WORK 1\n"
     "relations   AFFILIATED_WITH 1, CO_OCCURS 4\n"
     "languages   en 1, vi 3, zh-Hans 2, zh-Hant 1\n"),
]


@pytest.mark.parametrize("args,code,expected", SAMPLE_CASES, ids=[" ".join(c[0]) for c in SAMPLE_CASES])
def test_cli_query_sample_output(sample_json, args, code, expected):
    result = run("query", *args, "--graph", str(sample_json))
    assert (result.exit_code, result.stdout, result.stderr) == (code, expected, "")


def test_cli_query_hostile_text_is_printed_without_controls(sample_json):
    result = run("query", "evidence", "国务院", "n000000000005", "--graph", str(sample_json))
    assert result.exit_code == 0
    assert "\x0c" not in result.stdout and "\x01" not in result.stdout
    assert result.stdout.splitlines()[-1].endswith("javascript:alert(4)  form feed")


def test_cli_query_graph_option_accepts_the_folder(sample_json):
    result = run("query", "stats", "--graph", str(sample_json.parent))
    assert result.exit_code == 0 and result.stdout.startswith("nodes       5\n")


def test_cli_query_default_graph_is_output_graph_json(sample_json, monkeypatch, tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "graph.json").write_bytes(sample_json.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert run("query", "find", "国务院").stdout.startswith("1.00  国务院 (ORG, n000000000001)")


# (arguments, stderr): every error is one line, exit 2, no traceback
ERROR_CASES = [
    (["query", "stats", "--graph", "{missing}"],
     "Error: {missing} not found; run `kg build` first or pass --graph PATH.\n"),
    (["query", "neighbors", "Lenin", "--graph", "{sample}"],
     "Error: no node named 'Lenin' in {sample}. List matches with `kg query find Lenin`.\n"),
    (["query", "path", "国务院", "Ho Chi Mihn", "--graph", "{sample}"],
     "Error: no node named 'Ho Chi Mihn' in {sample}; closest: Hồ Chí Minh (PERSON). "
     "List matches with `kg query find 'Ho Chi Mihn'`.\n"),
    (["query", "find", "qqq", "--graph", "{sample}"],
     "Error: no node named 'qqq' and nothing close in {sample}; check the spelling or list nodes with "
     "`kg query central --by mentions`.\n"),
    (["query", "stats", "--graph", "{bad}"],
     "Error: {bad} is not a graph.json ([E214] {bad} is not node-link JSON with 'nodes' and 'edges'. "
     "Write it with policykg.graph.export.write_json.); rebuild it with `kg build` or pass --graph PATH.\n"),
    (["export", "-o", "{out}/kg.txt", "--graph", "{sample}"],
     "Error: cannot tell the format of {out}/kg.txt; pass --format graphml, gexf, json, csv or cypher.\n"),
    (["export", "--format", "json", "-o", "{out}/kg.json", "--graph", "{missing}"],
     "Error: {missing} not found; run `kg build` first or pass --graph PATH.\n"),
]


def test_cli_query_folder_without_graph(tmp_path):
    result = run("query", "stats", "--graph", str(tmp_path))
    assert (result.exit_code, result.stderr) == (
        2, f"Error: {tmp_path / 'graph.json'} not found; run `kg build` first or pass --graph PATH.\n")


@pytest.mark.parametrize("content", [
    '{"nodes": [{"id": "a"}], "edges": [{"source": "a"}]}',   # an edge without its target
    '{"nodes": 3, "edges": []}',
    "[1, 2]",
    "{",
    "\udcff",                                                   # not UTF-8
])
def test_cli_query_broken_graph_json(tmp_path, content):
    (tmp_path / "graph.json").write_bytes(content.encode("utf-8", "surrogateescape"))
    result = run("query", "stats", "--graph", str(tmp_path))
    assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"Error: {tmp_path / 'graph.json'} is not a graph.json (")
    assert result.stderr.endswith("; rebuild it with `kg build` or pass --graph PATH.\n")


@pytest.mark.parametrize("args,expected", ERROR_CASES)
def test_cli_query_errors_are_one_line_exit_2(sample_json, tmp_path, args, expected):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"nodes": []}), encoding="utf-8")
    names = {"missing": str(tmp_path / "nope" / "graph.json"), "sample": str(sample_json), "bad": str(bad),
             "out": str(tmp_path)}
    result = run(*(a.format(**names) for a in args))
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected.format(**names))


@pytest.mark.parametrize("fmt,out,names", [
    ("graphml", "kg.graphml", ["kg.graphml"]),
    ("gexf", "kg.gexf", ["kg.gexf"]),
    ("json", "kg.json", ["kg.json"]),
    ("cypher", "kg.cypher", ["kg.cypher"]),
    ("csv", "tables/", ["tables/nodes.csv", "tables/edges.csv"]),
    (None, "kg.graphml", ["kg.graphml"]),
])
def test_cli_export_formats(sample_json, tmp_path, fmt, out, names):
    args = ["export", "-o", str(tmp_path / out) + ("/" if out.endswith("/") else ""), "--graph", str(sample_json)]
    result = run(*args, *(["--format", fmt] if fmt else []))
    assert result.exit_code == 0, result.output
    assert result.stdout == "".join(f"wrote {tmp_path / n}\n" for n in names)
    assert all((tmp_path / n).stat().st_size > 0 for n in names)


def test_cli_export_graphml_reads_back(sample_json, tmp_path):
    result = run("export", "--format", "graphml", "-o", str(tmp_path / "g.graphml"), "--graph", str(sample_json))
    assert result.exit_code == 0
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert sorted(back) == sorted(read_json(sample_json))


def test_cli_query_seeds_find_both_scripts(seeds_json):
    for name in ("马克思", "馬克思"):
        result = run("query", "find", name, "--graph", str(seeds_json))
        assert result.exit_code == 0
        assert result.stdout.startswith("1.00  马克思 (PERSON, n1d55c09aadaf)  ")


def test_cli_query_seeds_neighbors_type(seeds_json):
    result = run("query", "neighbors", "马克思", "--type", "PERSON", "--graph", str(seeds_json))
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and lines[0].startswith("马克思 (PERSON, n1d55c09aadaf): ")
    assert any("  恩格斯 (PERSON, n05cbac81bef4)  CO_OCCURS" in line for line in lines[1:])
    assert all("(PERSON, " in line for line in lines[1:])


def test_cli_query_seeds_central_and_stats(seeds_json):
    central = run("query", "central", "-k", "10", "--graph", str(seeds_json))
    assert central.exit_code == 0 and len(central.stdout.splitlines()) == 10
    stats = run("query", "stats", "--graph", str(seeds_json))
    assert stats.stdout.splitlines()[2] == "documents   5"


@pytest.mark.parametrize("name", sorted(query.commands))
def test_cli_query_every_command_has_help(name):
    command = query.commands[name]
    assert command.help and command.short_help != ""
    result = CliRunner().invoke(main, ["query", name, "--help"])
    assert result.exit_code == 0 and "--graph" in result.stdout


def test_cli_query_and_export_registered_on_main():
    assert isinstance(main.commands["query"], click.Group) and main.commands["export"] is export


def test_cli_query_centrality_choices_match_the_library():
    from policykg.graph import cli_query
    from policykg.graph.query import CENTRALITY

    assert cli_query.CENTRALITY == CENTRALITY


def test_cli_query_import_needs_no_networkx():
    code = "import sys, policykg.graph.cli; print('networkx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "False\n"
