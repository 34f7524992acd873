"""Tests for ``graph/export_cypher.py``, read back by the checker in ``export_checks.py``."""

from __future__ import annotations

import networkx as nx
import pytest
from export_cases import HOSTILE_CHARS, QUOTED, make_hostile_graph
from export_checks import (
    CONSTRAINT,
    CypherSyntaxError,
    LiteralParser,
    load_script,
    split_statements,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from policykg.graph.export import to_flat_graph, write_cypher
from policykg.graph.export_cypher import cypher_name, cypher_string, cypher_value


def test_export_cypher_checker_catches_errors():
    for bad in [
        "RETURN 'open;",
        "RETURN 'bad \\q escape';",
        "RETURN (1;",
        "RETURN 1",
        "RETURN 'a\nb';",
    ]:
        with pytest.raises(CypherSyntaxError):
            split_statements(bad)
    assert split_statements("RETURN 'a;b' // c;\n;") == ["RETURN 'a;b'"]


@pytest.fixture(params=["sample", "hostile"])
def graph(request, sample_graph):
    return sample_graph if request.param == "sample" else make_hostile_graph()


def test_export_cypher_loads_the_flat_graph(graph, tmp_path):
    path = tmp_path / "kg.cypher"
    write_cypher(graph, path)
    nodes, edges = load_script(path.read_text(encoding="utf-8"))
    flat = to_flat_graph(graph)
    assert nodes == {
        n: (["Entity", attrs["type"]] if attrs["type"] else ["Entity"], attrs)
        for n, attrs in flat.nodes(data=True)
    }
    assert edges == {
        f"e{i}": (u, v, attrs["type"], attrs)
        for i, (u, v, attrs) in enumerate(flat.edges(data=True))
    }


def test_export_cypher_escapes_quotes_backslashes_newlines(tmp_path):
    g = nx.MultiDiGraph()
    label = 'O\'Brien \\ "C:\\new"\nline two\r\tend `tick` ;'
    g.add_node("a", label=label, type="PER`SON", mentions=1)
    g.add_node("b", label="越南", type="PLACE")
    g.add_edge(
        "a", "b", key="SAID", evidence=[{"doc": "d'1", "sentence": QUOTED + "\nnext"}], note="x\ny"
    )
    path = tmp_path / "kg.cypher"
    write_cypher(g, path)
    script = path.read_text(encoding="utf-8")
    assert "'O\\'Brien \\\\ \"C:\\\\new\"\\nline two\\n\\tend `tick` ;'" in script
    assert ":`PER``SON`" in script and "'越南'" in script
    nodes, edges = load_script(script)
    assert nodes["a"] == (["Entity", "PER`SON"], to_flat_graph(g).nodes["a"])
    assert nodes["a"][1]["label"] == label.replace("\r", "\n")
    assert edges["e0"][3]["evidence"] == f"[d'1] {QUOTED} next"
    assert edges["e0"][3]["note"] == "x\ny"


def test_export_cypher_batches(sample_graph, tmp_path):
    g = sample_graph
    for i in range(5):
        g.add_node(f"extra{i}", label=f"extra {i}", type="ORG")
    path = tmp_path / "kg.cypher"
    write_cypher(g, path, batch_size=2)
    statements = split_statements(path.read_text(encoding="utf-8"))
    # ORG: 1 + 5 nodes -> 3 batches; TERM, PERSON, PLACE, WORK: 1 each;
    # CO_OCCURS: 4 edges -> 2 batches; AFFILIATED_WITH: 1
    assert len(statements) == 1 + 3 + 4 + 2 + 1
    assert load_script(path.read_text(encoding="utf-8"))[0].keys() == set(to_flat_graph(g))


def test_export_cypher_header_and_constraint(sample_graph, tmp_path):
    path = tmp_path / "kg.cypher"
    write_cypher(sample_graph, path)
    assert path.read_text(encoding="utf-8").splitlines()[:3] == [
        "// policy-kg graph: 5 nodes, 5 relationships.",
        "// Load it with: cypher-shell -f <this file>  (Neo4j 4.4 or later)",
        CONSTRAINT + ";",
    ]


def test_export_cypher_untyped_edge_gets_default_type(tmp_path):
    g = nx.DiGraph([("a", "b")])
    path = tmp_path / "kg.cypher"
    write_cypher(g, path)
    _, edges = load_script(path.read_text(encoding="utf-8"))
    assert edges == {
        "e0": ("a", "b", "RELATED_TO", {"type": "", "weight": 1, "documents": "", "evidence": ""})
    }


def test_export_cypher_refuses_id_attribute(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", id="x")
    with pytest.raises(ValueError, match=r"^\[E230\]"):
        write_cypher(g, tmp_path / "kg.cypher")


CYPHER_VALUE_CASES = [
    (True, "true"),
    (False, "false"),
    (-3, "-3"),
    (2.5, "2.5"),
    (1e20, "1e20"),
    (1e-7, "1e-07"),
    ("it's", "'it\\'s'"),
    ("a\\b", "'a\\\\b'"),
    ("\x00\u2028", "'\\u0000\\u2028'"),
    ("𠀀 emoji 😀", "'𠀀 emoji 😀'"),
]


def test_export_cypher_smallest_int64_does_not_overflow():
    assert cypher_value(-(2**63)) == "(-9223372036854775807 - 1)"


@pytest.mark.parametrize("value,expected", CYPHER_VALUE_CASES)
def test_export_cypher_value_literals(value, expected):
    assert cypher_value(value) == expected
    assert LiteralParser(expected).value() == value


def test_export_cypher_name_quoting():
    assert cypher_name("a`b") == "`a``b`"
    assert cypher_name("国务院 x") == "`国务院 x`"


chunks = st.one_of(st.characters(exclude_categories=()), st.sampled_from(HOSTILE_CHARS))
text = st.lists(chunks, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(value=text)
def test_export_cypher_string_round_trips_any_text(value):
    literal = cypher_string(value)
    literal.encode("utf-8")  # no lone surrogate left raw
    parser = LiteralParser(literal)
    assert parser.value() == value and parser.i == len(literal)


@settings(max_examples=60, deadline=None)
@given(labels=st.lists(text, min_size=1, max_size=4), sentence=text)
def test_export_cypher_random_graph_is_well_formed(labels, sentence, tmp_path_factory):
    g = nx.MultiDiGraph()
    for i, label in enumerate(labels):
        g.add_node(
            f"n{i}", label=label, type=label[:5], evidence=[{"doc": label, "sentence": sentence}]
        )
    g.add_edge(
        "n0", f"n{len(labels) - 1}", key=sentence[:8], evidence=[{"doc": "d", "sentence": sentence}]
    )
    path = tmp_path_factory.mktemp("cypher") / "kg.cypher"
    write_cypher(g, path)
    nodes, edges = load_script(path.read_text(encoding="utf-8"))
    flat = to_flat_graph(g)
    assert {n: props for n, (_, props) in nodes.items()} == dict(flat.nodes(data=True))
    assert [props for *_, props in edges.values()] == [d for *_, d in flat.edges(data=True)]
