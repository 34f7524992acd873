"""Tests for ``graph/export_json.py``: lossless node-link JSON round trip."""

from __future__ import annotations

import networkx as nx
import pytest
from export_cases import NAME_NFD, make_hostile_graph
from policykg.graph.export import read_json, write_json


def _assert_same_graph(back: nx.Graph, g: nx.Graph) -> None:
    assert type(back) is type(g)
    assert list(back.nodes(data=True)) == list(g.nodes(data=True))
    assert list(back.edges(keys=True, data=True)) == list(g.edges(keys=True, data=True))
    assert back.graph == g.graph


def test_export_json_round_trip_sample(sample_graph, tmp_path):
    path = tmp_path / "kg.json"
    write_json(sample_graph, path)
    _assert_same_graph(read_json(path), sample_graph)


def test_export_json_round_trip_hostile(tmp_path):
    g = make_hostile_graph()
    path = tmp_path / "kg.json"
    write_json(g, path)
    back = read_json(path)
    _assert_same_graph(back, g)
    assert back.nodes["node with spaces"]["label"] == NAME_NFD  # lossless: not normalized
    assert back.nodes["越南 国"]["label"] == "bad\ud800surrogate"


def test_export_json_is_utf8_not_ascii_escaped(sample_graph, tmp_path):
    path = tmp_path / "kg.json"
    write_json(sample_graph, path)
    text = path.read_text(encoding="utf-8")
    assert "国务院" in text and "Hồ Chí Minh" in text and "\\u56fd" not in text
    assert text.splitlines()[1] == ' "nodes": ['
    assert text.splitlines()[2].startswith(
        '{"id": "n000000000001", "label": "国务院", "type": "ORG", '
    )


def test_export_json_keeps_structured_attributes(sample_graph, tmp_path):
    path = tmp_path / "kg.json"
    write_json(sample_graph, path)
    back = read_json(path)
    assert back.nodes["n000000000001"]["aliases"] == ["国务院", "國務院"]
    assert back.edges["n000000000001", "n000000000002", "CO_OCCURS"]["evidence"] == [
        {"doc": "a.zh-Hans.txt", "start": 0, "end": 12, "sentence": "国务院和马克思主义。"}
    ]
    assert back.graph["documents"]["b.vi.txt"]["date"] is None


def test_export_json_empty_graph(tmp_path):
    path = tmp_path / "kg.json"
    write_json(nx.MultiDiGraph(), path)
    _assert_same_graph(read_json(path), nx.MultiDiGraph())


@pytest.mark.parametrize(
    "attrs,error,code",
    [
        ({"x": float("nan")}, ValueError, "[E212]"),
        ({"x": {1, 2}}, TypeError, "[E211]"),
        ({"id": "clash"}, ValueError, "[E210]"),
    ],
)
def test_export_json_refuses_values_it_cannot_round_trip(tmp_path, attrs, error, code):
    g = nx.MultiDiGraph()
    g.add_node("a", **attrs)
    with pytest.raises(error) as info:
        write_json(g, tmp_path / "kg.json")
    assert str(info.value).startswith(code)
    assert not (tmp_path / "kg.json").exists()


def test_export_json_refuses_edge_attribute_named_source(tmp_path):
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", source="x")
    with pytest.raises(ValueError, match=r"^\[E210\] .*'source'"):
        write_json(g, tmp_path / "kg.json")


def test_export_read_json_rejects_other_json(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"^\[E214\]"):
        read_json(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^\[E213\]"):
        read_json(path)
