"""Tests for ``graph/export_graphml.py``: XSD validity and read-back by networkx and igraph."""

from __future__ import annotations

import re
from collections import Counter

import networkx as nx
import pytest
from conftest import HOSTILE
from export_cases import HOSTILE_CHARS, NAME_NFC, NAME_NFD, make_hostile_graph
from export_checks import assert_valid, graphml_schema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from policykg.graph.export import sanitize_text, to_flat_graph, write_graphml
from policykg.graph.export_graphml import GRAPHML_NS

igraph = pytest.importorskip("igraph")

NS = {"g": GRAPHML_NS}


@pytest.fixture(params=["sample", "hostile"])
def graph(request, sample_graph):
    return sample_graph if request.param == "sample" else make_hostile_graph()


@pytest.fixture()
def written(graph, tmp_path):
    path = tmp_path / "kg.graphml"
    write_graphml(graph, path)
    return path


def test_export_graphml_schema_is_local_and_rejects_bad_files():
    bad = etree.fromstring(
        f'<graphml xmlns="{GRAPHML_NS}"><graph edgedefault="directed">'
        '<node id="a b"/></graph></graphml>'.encode()
    )
    assert graphml_schema().validate(bad) is False


def test_export_graphml_validates_against_xsd(written):
    assert_valid(written)


def test_export_graphml_key_ids_are_named(sample_graph, tmp_path):
    path = tmp_path / "kg.graphml"
    write_graphml(sample_graph, path)
    keys = [
        (k.get("id"), k.get("for"), k.get("attr.name"), k.get("attr.type"))
        for k in etree.parse(str(path)).iterfind("g:key", NS)
    ]
    assert keys == [
        ("graph_documents", "graph", "documents", "string"),
        ("label", "node", "label", "string"),
        ("type", "node", "type", "string"),
        ("aliases", "node", "aliases", "string"),
        ("languages", "node", "languages", "string"),
        ("documents", "node", "documents", "string"),
        ("mentions", "node", "mentions", "long"),
        ("evidence", "node", "evidence", "string"),
        ("edge_type", "edge", "type", "string"),
        ("edge_weight", "edge", "weight", "long"),
        ("edge_documents", "edge", "documents", "string"),
        ("edge_evidence", "edge", "evidence", "string"),
        ("edge_role", "edge", "role", "string"),
    ]


def test_export_graphml_no_positional_key_ids(written):
    ids = [k.get("id") for k in etree.parse(str(written)).iterfind("g:key", NS)]
    assert not [i for i in ids if re.fullmatch(r"d\d+", i)]
    names = [
        (k.get("for"), k.get("attr.name")) for k in etree.parse(str(written)).iterfind("g:key", NS)
    ]
    assert len(names) == len(set(names))  # one key, so one type, per attribute name


def test_export_graphml_edge_ids_unique(written, graph):
    ids = [e.get("id") for e in etree.parse(str(written)).iterfind("g:graph/g:edge", NS)]
    assert ids == [f"e{i}" for i in range(graph.number_of_edges())]


def test_export_graphml_is_raw_utf8(sample_graph, tmp_path):
    path = tmp_path / "kg.graphml"
    write_graphml(sample_graph, path)
    raw = path.read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n")
    assert '<data key="label">国务院</data>'.encode() in raw
    assert '<data key="label">Hồ Chí Minh</data>'.encode() in raw
    assert b"&#" not in raw


def _flat_edges(flat):
    return Counter((u, v, d["type"], float(d["weight"])) for u, v, d in flat.edges(data=True))


def test_export_graphml_networkx_reads_it_back(written, graph):
    flat = to_flat_graph(graph)
    back = nx.read_graphml(written, force_multigraph=True)
    assert back.number_of_nodes() == flat.number_of_nodes()
    assert back.number_of_edges() == flat.number_of_edges()
    for n, attrs in flat.nodes(data=True):
        assert {k: v for k, v in back.nodes[n].items()} == {
            k: v for k, v in attrs.items() if v != ""
        }
    assert Counter(
        (u, v, d["type"], float(d["weight"])) for u, v, d in back.edges(data=True)
    ) == _flat_edges(flat)
    assert back.graph["documents"] == flat.graph["documents"]


def test_export_graphml_igraph_reads_it_back(written, graph):
    flat = to_flat_graph(graph)
    ig = igraph.Graph.Read_GraphML(str(written))
    assert ig.vcount() == flat.number_of_nodes()
    assert ig.ecount() == flat.number_of_edges()
    assert ig.vs["id"] == list(flat.nodes)
    assert ig.vs["label"] == [d["label"] for d in flat.nodes.values()]
    assert ig.vs["type"] == [d["type"] for d in flat.nodes.values()]
    assert ig.vs["mentions"] == [float(d["mentions"]) for d in flat.nodes.values()]
    ends = [(ig.vs[e.source]["id"], ig.vs[e.target]["id"], e["type"], e["weight"]) for e in ig.es]
    assert Counter(ends) == _flat_edges(flat)
    # not checked: igraph 1.0 fills the edge "id" attribute with vertex ids, not e0, e1 …


def test_export_graphml_hostile_strings_survive(sample_graph, tmp_path):
    path = tmp_path / "kg.graphml"
    write_graphml(sample_graph, path)
    back = nx.read_graphml(path, force_multigraph=True)
    node = back.nodes["n000000000005"]
    assert node["label"] == sanitize_text(HOSTILE) == HOSTILE
    assert node["aliases"] == f"{HOSTILE} | x y"
    assert node["evidence"] == f"[c/evil.txt] {HOSTILE} form feed"
    assert (
        back.edges["n000000000005", "n000000000001", "e4"]["evidence"]
        == f"[c/evil.txt] {HOSTILE} form feed"
    )


def test_export_graphml_nfd_name_written_nfc(tmp_path):
    path = tmp_path / "kg.graphml"
    write_graphml(make_hostile_graph(), path)
    raw = path.read_bytes()
    assert NAME_NFC.encode() in raw and NAME_NFD.encode() not in raw
    assert nx.read_graphml(path).nodes["node_with_spaces-2"]["label"] == NAME_NFC


def test_export_graphml_mixed_types_become_one_key(tmp_path):
    path = tmp_path / "kg.graphml"
    write_graphml(make_hostile_graph(), path)
    keys = {
        (k.get("for"), k.get("attr.name")): k.get("attr.type")
        for k in etree.parse(str(path)).iterfind("g:key", NS)
    }
    assert keys["node", "score"] == "string"
    assert keys["node", "flag"] == "string"
    assert keys["node", "mentions"] == "long"
    assert keys["edge", "weight"] == "double"
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vs.attributes() == [
        "label",
        "type",
        "aliases",
        "languages",
        "documents",
        "mentions",
        "evidence",
        "flag",
        "score",
        "id",
    ]


def test_export_graphml_empty_graph(tmp_path):
    path = tmp_path / "kg.graphml"
    write_graphml(nx.MultiDiGraph(), path)
    assert_valid(path)
    assert nx.read_graphml(path).number_of_nodes() == 0


# ----------------------------------------------------------------------------- random text

# any code point, surrogates included, mixed with the strings that broke real exports
chunks = st.one_of(st.characters(exclude_categories=()), st.sampled_from(HOSTILE_CHARS))
text = st.lists(chunks, max_size=20).map("".join)
values = st.one_of(
    text,
    st.integers(-(2**80), 2**80),
    st.floats(),
    st.booleans(),
    st.none(),
    st.lists(text, max_size=3),
)


@st.composite
def random_graphs(draw):
    g = nx.MultiDiGraph()
    ids = draw(st.lists(text, min_size=1, max_size=5, unique=True))
    names = draw(st.lists(text, max_size=3))
    for n in ids:
        evidence = [{"doc": draw(text), "start": 0, "end": 1, "sentence": draw(text)}]
        extra = {name: draw(values) for name in names if name not in ("label", "type", "mentions")}
        g.add_node(
            n,
            label=draw(text),
            type=draw(text),
            aliases=draw(st.lists(text, max_size=3)),
            mentions=draw(values),
            evidence=evidence,
            **extra,
        )
    for _ in range(draw(st.integers(0, 6))):
        u, v = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        g.add_edge(
            u,
            v,
            key=draw(text),
            weight=draw(values),
            evidence=[{"doc": "d", "sentence": draw(text)}],
        )
    return g


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(g=random_graphs())
def test_export_graphml_random_unicode_always_valid(g, tmp_path_factory):
    path = tmp_path_factory.mktemp("random") / "kg.graphml"
    write_graphml(g, path)
    assert_valid(path)
    flat = to_flat_graph(g)
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    for original, n in zip(g.nodes, flat.nodes, strict=True):
        label = g.nodes[original]["label"]
        assert back.nodes[n].get("label", "") == (
            sanitize_text(label) or sanitize_text(str(original))
        )
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount()) == (g.number_of_nodes(), g.number_of_edges())
