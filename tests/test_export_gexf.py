"""Tests for ``graph/export_gexf.py``: read back by networkx and lxml, viz colour/size/position."""

from __future__ import annotations

import networkx as nx
import pytest
from conftest import HOSTILE
from export_cases import NAME_NFC, make_hostile_graph
from lxml import etree
from policykg.graph.export import to_flat_graph, write_gexf
from policykg.graph.export_gexf import DEFAULT_COLOR, GEXF_NS, GEXF_VIZ_NS, node_size
from policykg.graph.schema import TYPE_COLORS

NS = {"g": GEXF_NS, "viz": GEXF_VIZ_NS}


def _rgb(color: str) -> dict[str, int]:
    return {"r": int(color[1:3], 16), "g": int(color[3:5], 16), "b": int(color[5:7], 16), "a": 1.0}


@pytest.fixture(params=["sample", "hostile"])
def graph(request, sample_graph):
    return sample_graph if request.param == "sample" else make_hostile_graph()


@pytest.fixture()
def written(graph, tmp_path):
    path = tmp_path / "kg.gexf"
    write_gexf(graph, path)
    return path


def test_export_gexf_networkx_reads_it_back(written, graph):
    flat = to_flat_graph(graph)
    back = nx.read_gexf(written)
    assert isinstance(back, nx.MultiDiGraph)
    assert list(back.nodes) == list(flat.nodes)
    assert back.number_of_edges() == flat.number_of_edges()
    for n, attrs in flat.nodes(data=True):
        got = {k: v for k, v in back.nodes[n].items() if k != "viz"}
        assert got == {k: v for k, v in attrs.items() if v != ""}
    edges = [(u, v, d["label"], d["type"], d["weight"]) for u, v, d in back.edges(data=True)]
    expected = [
        (u, v, d["type"], d["type"], float(d["weight"])) for u, v, d in flat.edges(data=True)
    ]
    assert sorted(edges) == sorted(expected)
    assert sorted(d["id"] for *_, d in back.edges(data=True)) == sorted(
        f"e{i}" for i in range(len(expected))
    )


def test_export_gexf_viz_colour_size_position(written, graph):
    flat = to_flat_graph(graph)
    back = nx.read_gexf(written)
    biggest = max(d["mentions"] for d in flat.nodes.values())
    half_width = max(100.0, 30.0 * len(flat) ** 0.5)
    for n, attrs in flat.nodes(data=True):
        viz = back.nodes[n]["viz"]
        assert viz["color"] == _rgb(TYPE_COLORS.get(attrs["type"], DEFAULT_COLOR))
        assert viz["size"] == node_size(attrs["mentions"], biggest)
        assert set(viz["position"]) == {"x", "y", "z"} and viz["position"]["z"] == 0.0
        assert abs(viz["position"]["x"]) <= half_width and abs(viz["position"]["y"]) <= half_width
    assert max(back.nodes[n]["viz"]["size"] for n in back) == 40.0


def test_export_gexf_lxml_structure(written, graph):
    doc = etree.parse(str(written))
    root = doc.getroot()
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.2"
    nodes = root.findall("g:graph/g:nodes/g:node", NS)
    assert len(nodes) == graph.number_of_nodes()
    for node in nodes:
        assert [child.tag for child in node if child.tag.startswith(f"{{{GEXF_VIZ_NS}}}")] == [
            f"{{{GEXF_VIZ_NS}}}color",
            f"{{{GEXF_VIZ_NS}}}size",
            f"{{{GEXF_VIZ_NS}}}position",
        ]
    # one declared type per attribute, never a list type (read back as time spells)
    for block in root.findall("g:graph/g:attributes", NS):
        declared = [(a.get("id"), a.get("type")) for a in block]
        assert len({i for i, _ in declared}) == len(declared)
        assert {t for _, t in declared} <= {"string", "long", "double", "boolean"}
    edge_ids = [e.get("id") for e in root.findall("g:graph/g:edges/g:edge", NS)]
    assert edge_ids == [f"e{i}" for i in range(graph.number_of_edges())]


def test_export_gexf_declared_attributes(sample_graph, tmp_path):
    path = tmp_path / "kg.gexf"
    write_gexf(sample_graph, path)
    root = etree.parse(str(path)).getroot()
    declared = {
        b.get("class"): [(a.get("title"), a.get("type")) for a in b]
        for b in root.findall("g:graph/g:attributes", NS)
    }
    assert declared == {
        "node": [
            ("type", "string"),
            ("aliases", "string"),
            ("languages", "string"),
            ("documents", "string"),
            ("mentions", "long"),
            ("evidence", "string"),
        ],
        "edge": [
            ("type", "string"),
            ("documents", "string"),
            ("evidence", "string"),
            ("role", "string"),
        ],
    }


def test_export_gexf_unicode_and_hostile_labels(tmp_path):
    path = tmp_path / "kg.gexf"
    write_gexf(make_hostile_graph(), path)
    raw = path.read_bytes()
    assert 'label="国务院"'.encode() in raw and f'label="{NAME_NFC}"'.encode() in raw
    assert b"&#22269;" not in raw and b"&#7877;" not in raw
    back = nx.read_gexf(path)
    assert back.nodes["n000000000005"]["label"] == HOSTILE
    assert back.nodes["越南_国"]["viz"]["color"] == _rgb(DEFAULT_COLOR)


def test_export_gexf_is_deterministic(tmp_path):
    write_gexf(make_hostile_graph(), tmp_path / "a.gexf")
    write_gexf(make_hostile_graph(), tmp_path / "b.gexf")
    assert (tmp_path / "a.gexf").read_bytes() == (tmp_path / "b.gexf").read_bytes()
    write_gexf(make_hostile_graph(), tmp_path / "c.gexf", seed=1)
    assert (tmp_path / "c.gexf").read_bytes() != (tmp_path / "a.gexf").read_bytes()


def test_export_gexf_given_positions_are_fitted(tmp_path):
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", key="CO_OCCURS")
    g.add_node("c", label="Việt Nam", type="PLACE", mentions=4)
    path = tmp_path / "kg.gexf"
    write_gexf(g, path, positions={"a": (0.0, 0.0), "b": (2.0, 1.0), "c": (1.0, 0.5)})
    back = nx.read_gexf(path)
    assert {n: back.nodes[n]["viz"]["position"] for n in back} == {
        "a": {"x": -100.0, "y": -50.0, "z": 0.0},
        "b": {"x": 100.0, "y": 50.0, "z": 0.0},
        "c": {"x": 0.0, "y": 0.0, "z": 0.0},
    }
    assert {n: back.nodes[n]["viz"]["size"] for n in back} == {"a": 4.0, "b": 4.0, "c": 40.0}


def test_export_gexf_positions_must_cover_every_node(tmp_path):
    g = nx.MultiDiGraph([("a", "b")])
    with pytest.raises(ValueError, match=r"^\[E201\] .* 1 node\(s\), e.g. 'b'"):
        write_gexf(g, tmp_path / "kg.gexf", positions={"a": (0, 0)})
    assert not (tmp_path / "kg.gexf").exists()


def test_export_gexf_empty_graph(tmp_path):
    path = tmp_path / "kg.gexf"
    write_gexf(nx.MultiDiGraph(), path)
    assert nx.read_gexf(path).number_of_nodes() == 0
