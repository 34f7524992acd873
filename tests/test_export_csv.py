"""Tests for ``graph/export_csv.py``: headers, values, BOM, paths, formula escaping."""

from __future__ import annotations

import csv

import networkx as nx
import pytest
from conftest import HOSTILE
from export_cases import make_hostile_graph
from policykg.graph.export import to_flat_graph, write_csv
from policykg.graph.export_csv import csv_paths

NODE_HEADER = ["id", "label", "type", "aliases", "languages", "documents", "mentions", "evidence"]
EDGE_HEADER = ["id", "source", "target", "type", "weight", "documents", "evidence", "role"]


def _read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_export_csv_headers_and_rows(sample_graph, tmp_path):
    nodes, edges = write_csv(sample_graph, tmp_path)
    assert (nodes, edges) == (tmp_path / "nodes.csv", tmp_path / "edges.csv")
    node_rows, edge_rows = _read_csv(nodes), _read_csv(edges)
    assert node_rows[0] == NODE_HEADER
    assert edge_rows[0] == EDGE_HEADER
    assert node_rows[5] == [
        "n000000000005",
        HOSTILE,
        "WORK",
        f"{HOSTILE} | x y",
        "en",
        "c/evil.txt",
        "1",
        f"[c/evil.txt] {HOSTILE} form feed",
    ]
    assert [row[:5] for row in edge_rows[1:]] == [
        ["e0", "n000000000001", "n000000000002", "CO_OCCURS", "2"],
        ["e1", "n000000000002", "n000000000003", "CO_OCCURS", "1"],
        ["e2", "n000000000003", "n000000000004", "CO_OCCURS", "1"],
        ["e3", "n000000000003", "n000000000004", "AFFILIATED_WITH", "1"],
        ["e4", "n000000000005", "n000000000001", "CO_OCCURS", "1"],
    ]
    assert [row[7] for row in edge_rows[1:]] == ["", "", "", "Chủ tịch", ""]


def test_export_csv_values_equal_flat_graph(tmp_path):
    g = make_hostile_graph()
    flat = to_flat_graph(g)
    nodes, edges = write_csv(g, tmp_path / "out/")
    rows = _read_csv(nodes)
    header = rows[0]
    for row, (n, attrs) in zip(rows[1:], flat.nodes(data=True), strict=True):
        record = dict(zip(header, row, strict=True))
        assert record["id"] == n
        assert record["label"] == attrs["label"]
        assert record["mentions"] == str(attrs["mentions"])
    assert len(_read_csv(edges)) == flat.number_of_edges() + 1


def test_export_csv_bom_choice(sample_graph, tmp_path):
    nodes, _ = write_csv(sample_graph, tmp_path / "bom")
    assert nodes.read_bytes().startswith(b"\xef\xbb\xbfid,label,")
    plain, _ = write_csv(sample_graph, tmp_path / "plain", bom=False)
    assert plain.read_bytes().startswith(b"id,label,")
    assert plain.read_bytes()[3:] == nodes.read_bytes()[6:]


def test_export_csv_rows_end_with_crlf_and_quote_newlines(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", label='two\nlines, "quoted"')
    nodes, _ = write_csv(g, tmp_path, bom=False)
    assert nodes.read_bytes() == (
        b"id,label,type,aliases,languages,documents,mentions\r\n"
        b'a,"two\nlines, ""quoted""",,,,,0\r\n'
    )


@pytest.mark.parametrize(
    "dest,expected",
    [
        ("out/", ("out/nodes.csv", "out/edges.csv")),
        ("out/kg", ("out/kg_nodes.csv", "out/kg_edges.csv")),
        ("out/kg-", ("out/kg-nodes.csv", "out/kg-edges.csv")),
        ("out/kg.", ("out/kg.nodes.csv", "out/kg.edges.csv")),
    ],
)
def test_export_csv_paths(dest, expected):
    assert tuple(p.as_posix() for p in csv_paths(dest)) == expected


def test_export_csv_escape_formulas(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("-n1", label='=HYPERLINK("http://x")', type="+TERM", aliases=["@a"])
    nodes, _ = write_csv(g, tmp_path, escape_formulas=True)
    assert _read_csv(nodes)[1] == ["-n1", '\'=HYPERLINK("http://x")', "'+TERM", "'@a", "", "", "0"]
    plain, _ = write_csv(g, tmp_path / "plain/")
    assert _read_csv(plain)[1][1] == '=HYPERLINK("http://x")'


def test_export_csv_refuses_id_attribute(tmp_path):
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", source="x")
    with pytest.raises(ValueError, match=r"^\[E220\] .*'source'"):
        write_csv(g, tmp_path)
