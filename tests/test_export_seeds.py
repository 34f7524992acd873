"""End to end: ``seeds/`` -> graph -> every export in ``tmp_path`` -> read back.

The same nodes and evidence must come back from GraphML (networkx and igraph), GEXF
and JSON, and the Cypher script must load the same nodes.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from export_checks import graphml_schema, load_script
from lxml import etree
from policykg.graph.export import (
    EVIDENCE_SEPARATOR,
    read_json,
    sanitize_text,
    to_flat_graph,
    write_csv,
    write_cypher,
    write_gexf,
    write_graphml,
    write_json,
)
from policykg.graph.export_flat import render_evidence

igraph = pytest.importorskip("igraph")

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seeds_graph() -> nx.MultiDiGraph:
    run = pytest.importorskip("policykg.graph.run")
    g, report = run.build_corpus([SEEDS], progress=False, log=lambda msg: None)
    assert report["documents"]["failed"] == []
    assert g.number_of_nodes() > 0 and g.number_of_edges() > 0
    return g


def _evidence_text(items: list[dict]) -> str:
    return EVIDENCE_SEPARATOR.join(render_evidence(e) for e in items[:3])


def test_export_seeds_graphml_same_nodes_and_evidence(seeds_graph, tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(seeds_graph, path)
    assert graphml_schema().validate(etree.parse(str(path)))
    back = nx.read_graphml(path, force_multigraph=True)
    assert list(back.nodes) == list(seeds_graph.nodes)  # schema ids are kept
    for n, attrs in seeds_graph.nodes(data=True):
        assert back.nodes[n]["label"] == sanitize_text(attrs["label"])
        assert back.nodes[n]["type"] == attrs["type"]
        assert back.nodes[n]["mentions"] == attrs["mentions"]
        assert back.nodes[n].get("evidence", "") == _evidence_text(attrs.get("evidence", []))
    written = sorted(
        (u, v, d["type"], d["weight"], d.get("evidence", "")) for u, v, d in back.edges(data=True)
    )
    expected = sorted(
        (u, v, d["type"], d["weight"], _evidence_text(d["evidence"]))
        for u, v, d in seeds_graph.edges(data=True)
    )
    assert written == expected
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vs["id"] == list(seeds_graph.nodes)
    assert ig.vs["label"] == [sanitize_text(d["label"]) for d in seeds_graph.nodes.values()]
    assert ig.ecount() == seeds_graph.number_of_edges()


def test_export_seeds_gexf_same_nodes(seeds_graph, tmp_path):
    path = tmp_path / "graph.gexf"
    write_gexf(seeds_graph, path)
    back = nx.read_gexf(path)
    assert list(back.nodes) == list(seeds_graph.nodes)
    labels = [sanitize_text(d["label"]) for d in seeds_graph.nodes.values()]
    assert [back.nodes[n]["label"] for n in back] == labels
    assert back.number_of_edges() == seeds_graph.number_of_edges()


def test_export_seeds_json_round_trip(seeds_graph, tmp_path):
    path = tmp_path / "graph.json"
    write_json(seeds_graph, path)
    back = read_json(path)
    assert list(back.nodes(data=True)) == list(seeds_graph.nodes(data=True))
    assert list(back.edges(keys=True, data=True)) == list(seeds_graph.edges(keys=True, data=True))
    assert back.graph == seeds_graph.graph


def test_export_seeds_csv_and_cypher(seeds_graph, tmp_path):
    nodes, edges = write_csv(seeds_graph, tmp_path)
    for path, count in (
        (nodes, seeds_graph.number_of_nodes()),
        (edges, seeds_graph.number_of_edges()),
    ):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            assert sum(1 for _ in csv.reader(fh)) == count + 1
    path = tmp_path / "graph.cypher"
    write_cypher(seeds_graph, path)
    loaded_nodes, loaded_edges = load_script(path.read_text(encoding="utf-8"))
    flat = to_flat_graph(seeds_graph)
    assert {n: props for n, (_, props) in loaded_nodes.items()} == dict(flat.nodes(data=True))
    assert len(loaded_edges) == flat.number_of_edges()
