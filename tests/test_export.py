"""Tests for ``graph/export.py`` and ``graph/export_flat.py``: the format table and flattening.

Each format has its own test file (``test_export_graphml.py``, ``…_gexf``, ``…_json``,
``…_csv``, ``…_cypher``, ``…_layout``); ``export_cases.py`` holds the hostile graph.
"""

from __future__ import annotations

import json
import unicodedata

import networkx as nx
import pytest
from conftest import HOSTILE
from export_cases import NAME_NFC, NAME_NFD, QUOTED, make_hostile_graph
from policykg.graph.export import (
    EXPORT_FORMATS,
    sanitize_text,
    to_flat_graph,
    write_csv,
    write_cypher,
    write_gexf,
    write_graphml,
    write_json,
)
from policykg.graph.export_flat import to_nmtoken

# ----------------------------------------------------------------------------- format table


def test_export_formats_table():
    assert EXPORT_FORMATS == {
        "graphml": write_graphml,
        "gexf": write_gexf,
        "json": write_json,
        "csv": write_csv,
        "cypher": write_cypher,
    }


# ----------------------------------------------------------------------------- sanitize_text

SANITIZE_CASES = [
    ("国务院", "国务院"),
    (NAME_NFD, NAME_NFC),
    ("a\x0cb", "a b"),
    ("a\x0bb", "a b"),
    ("a\x00b\x01c\x1bd\x7fe\x9ff", "abcdef"),
    ("line\r\nnext\rlast", "line\nnext\nlast"),
    ("tab\tkept", "tab\tkept"),
    ("bad\ud800surrogate\udfff", "badsurrogate"),
    ("\ufffe\uffffok\ufeff", "ok\ufeff"),
    # removing the control character lets the combining mark compose
    ("e\x01\u0301", "é"),
    ("", ""),
]


@pytest.mark.parametrize("text,expected", SANITIZE_CASES)
def test_export_sanitize_text(text, expected):
    assert sanitize_text(text) == expected
    assert sanitize_text(expected) == expected


NMTOKEN_CASES = [
    ("n0123456789ab", "n0123456789ab"),
    ("Hồ Chí Minh", "Hồ_Chí_Minh"),
    ("国务院", "国务院"),
    ("a/b:c", "a_b_c"),
    ("€", "_"),
    ("", "_"),
]


@pytest.mark.parametrize("text,expected", NMTOKEN_CASES)
def test_export_to_nmtoken(text, expected):
    assert to_nmtoken(text) == expected


# ----------------------------------------------------------------------------- to_flat_graph


def test_export_flat_sample_node_contract(sample_graph):
    flat = to_flat_graph(sample_graph)
    assert flat.nodes["n000000000002"] == {
        "label": "马克思主义",
        "type": "TERM",
        "aliases": "马克思主义 | chủ nghĩa Mác",
        "languages": "zh-Hans | vi",
        "documents": "a.zh-Hans.txt | b.vi.txt",
        "mentions": 5,
        "evidence": "[a.zh-Hans.txt] 国务院和马克思主义。 || "
        "[b.vi.txt] Hồ Chí Minh và chủ nghĩa Mác - Lênin.",
    }


def test_export_flat_sample_edge_contract(sample_graph):
    flat = to_flat_graph(sample_graph)
    assert flat.edges["n000000000003", "n000000000004", "AFFILIATED_WITH"] == {
        "type": "AFFILIATED_WITH",
        "weight": 1,
        "documents": "b.vi.txt",
        "evidence": "[b.vi.txt] Hồ Chí Minh và chủ nghĩa Mác - Lênin.",
        "role": "Chủ tịch",
    }


def test_export_flat_hostile_strings(sample_graph):
    node = to_flat_graph(sample_graph).nodes["n000000000005"]
    assert node["label"] == HOSTILE
    assert node["aliases"] == f"{HOSTILE} | x y"
    assert node["evidence"] == f"[c/evil.txt] {HOSTILE} form feed"


def test_export_flat_graph_attributes(sample_graph):
    flat = to_flat_graph(sample_graph)
    assert list(flat.graph) == ["documents"]
    assert json.loads(flat.graph["documents"]) == json.loads(
        json.dumps(sample_graph.graph["documents"])
    )


def test_export_flat_every_value_scalar_one_type_per_key():
    flat = to_flat_graph(make_hostile_graph())
    for rows in (list(flat.nodes.values()), [d for *_, d in flat.edges(data=True)]):
        types: dict[str, set[type]] = {}
        for row in rows:
            for key, value in row.items():
                assert type(value) in (str, int, float, bool), (key, value)
                types.setdefault(key, set()).add(type(value))
        assert {k: len(v) for k, v in types.items()} == dict.fromkeys(types, 1)


def test_export_flat_hostile_graph_values():
    flat = to_flat_graph(make_hostile_graph())
    assert list(flat.nodes)[5:] == ["node_with_spaces-2", "越南_国", "node_with_spaces"]
    assert flat.nodes["node_with_spaces-2"] == {
        "label": NAME_NFC,
        "type": "PERSON",
        "aliases": f"{NAME_NFC} | {NAME_NFC} | x yz",
        "languages": "vi",
        "documents": "b.vi.txt",
        "mentions": 2,
        "evidence": f"[b.vi.txt] {QUOTED} next page",
        "score": "1",
        "flag": "true",
    }
    assert flat.nodes["越南_国"] == {
        "label": "badsurrogate",
        "type": "COUNTRY",
        "aliases": "",
        "languages": "",
        "documents": "b.vi.txt",
        "mentions": 0,
        "score": "high",
    }
    assert flat.nodes["node_with_spaces"]["label"] == "node_with_spaces"
    assert [flat.nodes[n]["score"] for n in ("n000000000001", "node_with_spaces")] == ["2.5", "2.5"]
    assert [flat.nodes[n]["flag"] for n in ("n000000000002", "node_with_spaces")] == [
        "false",
        "yes",
    ]


def test_export_flat_weights_at_least_one():
    flat = to_flat_graph(make_hostile_graph())
    weights = {(u, v, k): w for u, v, k, w in flat.edges(keys=True, data="weight")}
    assert weights == {
        ("n000000000001", "n000000000002", "CO_OCCURS"): 2.0,
        ("n000000000002", "n000000000003", "CO_OCCURS"): 1.0,
        ("n000000000003", "n000000000004", "CO_OCCURS"): 1.0,
        ("n000000000003", "n000000000004", "AFFILIATED_WITH"): 1.0,
        ("n000000000003", "node_with_spaces-2", "ALIAS_OF"): 2.5,  # float: every weight is float
        ("n000000000003", "node_with_spaces-2", "SPEAKER_IN"): 1.0,  # None
        ("n000000000005", "n000000000001", "CO_OCCURS"): 1.0,
        ("node_with_spaces-2", "n000000000003", "CO_OCCURS"): 1.0,  # 0: Gephi drops it
        ("越南_国", "node_with_spaces", "CO_OCCURS"): 1.0,
    }


def test_export_flat_weight_stays_int_when_all_int(sample_graph):
    flat = to_flat_graph(sample_graph)
    assert [w for *_, w in flat.edges(data="weight")] == [2, 1, 1, 1, 1]
    assert {type(w) for *_, w in flat.edges(data="weight")} == {int}


def test_export_flat_evidence_capped():
    flat = to_flat_graph(make_hostile_graph())
    evidence = flat.edges["node_with_spaces-2", "n000000000003", "CO_OCCURS"]["evidence"]
    assert evidence == " || ".join([f"[b.vi.txt] {QUOTED}"] * 3)
    one = to_flat_graph(make_hostile_graph(), max_evidence=1)
    assert (
        one.edges["node_with_spaces-2", "n000000000003", "CO_OCCURS"]["evidence"]
        == f"[b.vi.txt] {QUOTED}"
    )


def test_export_flat_edge_type_defaults_to_key():
    flat = to_flat_graph(make_hostile_graph())
    assert flat.edges["n000000000003", "node_with_spaces-2", "SPEAKER_IN"] == {
        "type": "SPEAKER_IN",
        "weight": 1.0,
        "documents": "",
        "evidence": "",
        "role": "3",
    }


def test_export_flat_nfc_and_nfd_names_are_equal():
    g = nx.MultiDiGraph()
    g.add_node("a", label=NAME_NFC)
    g.add_node("b", label=NAME_NFD)
    flat = to_flat_graph(g)
    assert flat.nodes["a"]["label"] == flat.nodes["b"]["label"] == NAME_NFC
    assert unicodedata.is_normalized("NFC", flat.nodes["b"]["label"])


def test_export_flat_does_not_mutate_input():
    g = make_hostile_graph()
    before = json.dumps(nx.node_link_data(g, edges="edges"), sort_keys=True, default=repr)
    to_flat_graph(g)
    assert json.dumps(nx.node_link_data(g, edges="edges"), sort_keys=True, default=repr) == before


def test_export_flat_is_idempotent():
    once = to_flat_graph(make_hostile_graph())
    twice = to_flat_graph(once)
    assert list(twice.nodes(data=True)) == list(once.nodes(data=True))
    assert list(twice.edges(keys=True, data=True)) == list(once.edges(keys=True, data=True))
    assert twice.graph == once.graph


def test_export_flat_colliding_string_ids():
    g = nx.MultiDiGraph()
    g.add_nodes_from([1, "1", "a b"])
    assert list(to_flat_graph(g).nodes) == ["1", "1-2", "a_b"]


def test_export_flat_big_int_and_nan():
    g = nx.MultiDiGraph()
    g.add_node("a", big=2**70, ratio=float("nan"), small=3)
    g.add_node("b", big=1, ratio=0.5, small=4)
    flat = to_flat_graph(g)
    assert flat.nodes["a"]["big"] == str(2**70) and flat.nodes["b"]["big"] == "1"
    assert "ratio" not in flat.nodes["a"] and flat.nodes["b"]["ratio"] == 0.5
    assert flat.nodes["a"]["small"] == 3


def test_export_flat_accepts_simple_graph():
    flat = to_flat_graph(nx.path_graph(3))
    assert list(flat.edges(keys=True, data="type")) == [("0", "1", 0, ""), ("1", "2", 0, "")]
