"""graph/query.py: exact answers on the hand-made sample graph of conftest.py.

Sample: n1 国务院 (ORG) -2- n2 马克思主义 (TERM) -1- n3 Hồ Chí Minh (PERSON) -1- n4 Việt Nam (PLACE),
n3 -AFFILIATED_WITH-> n4, and n5 (WORK, hostile label) -1- n1. Every relation is CO_OCCURS unless named.
"""

from __future__ import annotations

import networkx as nx
import pytest
from conftest import HOSTILE, make_sample_graph

from policykg.graph.query import (
    Document,
    Evidence,
    Node,
    NodeNotFoundError,
    NoPathError,
    Relation,
    central,
    communities,
    documents,
    evidence,
    neighbors,
    node_view,
    plain_text,
    shortest_path,
    stats,
    subgraph,
    to_weighted_graph,
)

N1, N2, N3, N4, N5 = (f"n00000000000{i}" for i in range(1, 6))
EV_A = ("a.zh-Hans.txt", 0, 12, "国务院和马克思主义。")
EV_B = ("b.vi.txt", 5, 40, "Hồ Chí Minh và chủ nghĩa Mác - Lênin.")
CO = Relation("CO_OCCURS", "--", 1)


@pytest.fixture()
def g():
    return make_sample_graph()


def test_query_node_view_values(g):
    assert node_view(g, N1) == Node(N1, "国务院", "ORG", ("国务院", "國務院"), ("zh-Hans", "zh-Hant"),
                                    ("a.zh-Hans.txt",), 3)


def test_query_node_view_unknown_id_is_lookup_error(g):
    with pytest.raises(NodeNotFoundError, match="no node with id 'n9'") as info:
        node_view(g, "n9")
    assert isinstance(info.value, LookupError) and info.value.name == "n9"


def test_query_node_view_tolerates_missing_attributes():
    g = nx.MultiDiGraph()
    g.add_node("x")
    assert node_view(g, "x") == Node("x", "x", "", (), (), (), 0)


@pytest.mark.parametrize("text,expected", [
    ("国务院", "国务院"),
    ("a\nb\tc", "a b c"),
    ("\x1b[31mred\x1b[0m", " [31mred [0m"),
    ("x\u202ey\u2066z\u2028w", "x y z w"),
    ("Hồ\x0c\x01Chí", "Hồ Chí"),
])
def test_query_plain_text_one_line_no_controls(text, expected):
    assert plain_text(text) == expected


def test_query_neighbors_both_directions_and_relations(g):
    found = neighbors(g, N3)
    assert [(nb.node.id, nb.weight, nb.relations) for nb in found] == [
        (N2, 1, (CO,)),                                                   # 5 mentions before 1
        (N4, 1, (CO, Relation("AFFILIATED_WITH", "->", 1))),
    ]
    back = neighbors(g, N4)
    assert [(nb.node.id, nb.relations) for nb in back] == [(N3, (CO, Relation("AFFILIATED_WITH", "<-", 1)))]


def test_query_neighbors_sorted_by_weight_and_edge_stored_from_larger_id(g):
    assert [(nb.node.id, nb.weight) for nb in neighbors(g, N1)] == [(N2, 2), (N5, 1)]


@pytest.mark.parametrize("types,expected", [
    ("PLACE", [N4]),
    (["PLACE", "TERM"], [N2, N4]),
    ("ORG", []),
    (None, [N2, N4]),
])
def test_query_neighbors_type_filter(g, types, expected):
    assert [nb.node.id for nb in neighbors(g, N3, types=types)] == expected


def test_query_neighbors_min_weight(g):
    assert [nb.node.id for nb in neighbors(g, N1, min_weight=2)] == [N2]
    assert neighbors(g, N3, min_weight=2) == []


def test_query_neighbors_unknown_type(g):
    with pytest.raises(ValueError, match=r"unknown node type 'PERSN'; use one of ORG, PERSON, PLACE, TERM, WORK\."):
        neighbors(g, N3, types="PERSN")


def test_query_neighbors_str(g):
    assert [str(nb) for nb in neighbors(g, N3)] == [
        "1  马克思主义 (TERM, n000000000002)  CO_OCCURS",
        "1  Việt Nam (PLACE, n000000000004)  CO_OCCURS, AFFILIATED_WITH->",
    ]
    assert str(neighbors(g, N4)[0]) == "1  Hồ Chí Minh (PERSON, n000000000003)  CO_OCCURS, <-AFFILIATED_WITH"


def test_query_evidence_every_relation_in_schema_order(g):
    expected = [Evidence("CO_OCCURS", N3, N4, *EV_B), Evidence("AFFILIATED_WITH", N3, N4, *EV_B)]
    assert evidence(g, N3, N4) == expected
    assert evidence(g, N4, N3) == expected  # the stored direction is reported, whichever way asked


def test_query_evidence_unrelated_is_empty(g):
    assert evidence(g, N1, N4) == []


def test_query_evidence_str_is_one_plain_line(g):
    (ev,) = evidence(g, N5, N1)
    assert str(ev) == "[c/evil.txt 0:10] " + HOSTILE + "  form feed"  # the run of controls is one space


def test_query_documents(g):
    assert documents(g, N2) == [
        Document("a.zh-Hans.txt", "国务院文件", ("zh-Hans",), "2021-02-21"),
        Document("b.vi.txt", "Tư tưởng Hồ Chí Minh", ("vi",), None),
    ]


def test_query_documents_missing_from_table(g):
    g.nodes[N3]["documents"] = ["b.vi.txt", "gone.txt"]
    assert documents(g, N3)[1] == Document("gone.txt", None, (), None)


def test_query_shortest_path_hops_and_evidence(g):
    hops = shortest_path(g, N1, N4)
    assert [(h.source.id, h.target.id, [str(r) for r in h.relations], [e.doc for e in h.evidence]) for h in hops] == [
        (N1, N2, ["CO_OCCURS"], ["a.zh-Hans.txt"]),
        (N2, N3, ["CO_OCCURS"], ["b.vi.txt"]),
        (N3, N4, ["CO_OCCURS", "AFFILIATED_WITH->"], ["b.vi.txt", "b.vi.txt"]),
    ]


def test_query_shortest_path_backwards_reverses_direction(g):
    hops = shortest_path(g, N4, N3)
    assert [str(r) for r in hops[0].relations] == ["CO_OCCURS", "<-AFFILIATED_WITH"]
    assert str(hops[0]) == ("Việt Nam (PLACE, n000000000004) -[CO_OCCURS, <-AFFILIATED_WITH]- "
                            "Hồ Chí Minh (PERSON, n000000000003)")


def test_query_shortest_path_same_node_is_empty(g):
    assert shortest_path(g, N2, N2) == []


def test_query_shortest_path_min_weight_cuts(g):
    with pytest.raises(NoPathError, match="through relations of weight >= 2") as info:
        shortest_path(g, N1, N3, min_weight=2)
    assert isinstance(info.value, nx.NetworkXNoPath)


def test_query_shortest_path_other_component(g):
    g.add_node("n000000000009", label="孤岛", type="PLACE")
    with pytest.raises(NoPathError) as info:
        shortest_path(g, N1, "n000000000009")
    assert str(info.value) == ("no path between 国务院 (ORG, n000000000001) and 孤岛 (PLACE, n000000000009); "
                               "they are in different components.")


def test_query_shortest_path_ties_go_to_smaller_ids():
    g = nx.MultiDiGraph()
    for u, v in [("a", "c"), ("c", "d"), ("a", "b"), ("b", "d")]:  # c inserted first
        g.add_edge(u, v, key="CO_OCCURS", type="CO_OCCURS", weight=1)
    assert [(h.source.id, h.target.id) for h in shortest_path(g, "a", "d")] == [("a", "b"), ("b", "d")]


def test_query_to_weighted_graph_sums_relations(g):
    h = to_weighted_graph(g)
    assert sorted((min(u, v), max(u, v), w) for u, v, w in h.edges(data="weight")) == [
        (N1, N2, 2), (N1, N5, 1), (N2, N3, 1), (N3, N4, 2),
    ]


@pytest.mark.parametrize("by,expected", [
    ("mentions", [(N2, 5), (N1, 3), (N3, 2), (N4, 1), (N5, 1)]),
    ("degree", [(N2, 2), (N1, 2), (N3, 2), (N4, 1), (N5, 1)]),
    ("betweenness", [(N2, 0.6667), (N1, 0.5), (N3, 0.5), (N4, 0.0), (N5, 0.0)]),
    ("pagerank", [(N1, 0.253), (N2, 0.2411), (N3, 0.2388), (N4, 0.1653), (N5, 0.1017)]),
])
def test_query_central(g, by, expected):
    assert [(n.id, round(s, 4)) for n, s in central(g, 5, by=by)] == expected


def test_query_central_k_and_errors(g):
    assert [n.id for n, _ in central(g, 2, by="mentions")] == [N2, N1]
    assert central(g, 0) == []
    with pytest.raises(ValueError, match="by='rank' is not one of pagerank, degree, betweenness, mentions"):
        central(g, by="rank")
    with pytest.raises(ValueError, match="k=-1 must be >= 0"):
        central(g, -1)


def test_query_communities_exact_and_deterministic(g):
    parts = communities(g)
    assert [[n.id for n in part] for part in parts] == [[N2, N1, N5], [N3, N4]]
    assert communities(make_sample_graph()) == parts


def test_query_subgraph_types(g):
    sub = subgraph(g, types="PERSON")
    assert list(sub) == [N3] and sub.number_of_edges() == 0


def test_query_subgraph_languages_keeps_edges_between_kept_nodes(g):
    sub = subgraph(g, languages="vi")
    assert sorted(sub) == [N2, N3, N4]
    assert sorted(sub.edges(keys=True)) == [(N2, N3, "CO_OCCURS"), (N3, N4, "AFFILIATED_WITH"), (N3, N4, "CO_OCCURS")]


def test_query_subgraph_documents_filters_table_nodes_and_edges(g):
    sub = subgraph(g, documents=["b.vi.txt"])
    assert sorted(sub) == [N2, N3, N4]
    assert sub.graph["documents"] == {"b.vi.txt": g.graph["documents"]["b.vi.txt"]}
    assert sub.number_of_edges() == 3


def test_query_subgraph_min_weight_and_isolates(g):
    assert sorted(subgraph(g, min_weight=2).edges(keys=True)) == [(N1, N2, "CO_OCCURS")]
    assert sorted(subgraph(g, min_weight=2, drop_isolates=True)) == [N1, N2]


def test_query_subgraph_leaves_the_graph_alone(g):
    sub = subgraph(g, types=["ORG", "TERM"])
    sub.nodes[N1]["label"] = "changed"
    sub.remove_node(N2)
    assert g.nodes[N1]["label"] == "国务院" and g.number_of_nodes() == 5 and g.number_of_edges() == 5


def test_query_subgraph_errors(g):
    with pytest.raises(ValueError, match="unknown document 'z.txt'; the graph has 3 documents"):
        subgraph(g, documents="z.txt")
    with pytest.raises(ValueError, match="unknown node type 'person'"):
        subgraph(g, types="person")


def test_query_stats_exact(g):
    assert stats(g) == {
        "nodes": 5, "edges": 5, "documents": 3,
        "types": {"ORG": 1, "PERSON": 1, "PLACE": 1, "TERM": 1, "WORK": 1},
        "relations": {"AFFILIATED_WITH": 1, "CO_OCCURS": 4},
        "languages": {"en": 1, "vi": 3, "zh-Hans": 2, "zh-Hant": 1},
        "density": 0.4, "components": 1, "largest_component": 5, "isolates": 0,
    }


def test_query_stats_empty_graph():
    assert stats(nx.MultiDiGraph()) == {
        "nodes": 0, "edges": 0, "documents": 0, "types": {}, "relations": {}, "languages": {},
        "density": 0, "components": 0, "largest_component": 0, "isolates": 0,
    }


def test_query_node_text_views_escape(g):
    node = node_view(g, N5)
    assert repr(node) == f"<Node {N5} WORK {HOSTILE!r} mentions=1>"
    page = node._repr_html_()
    assert "<script" not in page and "<img" not in page and "\x0b" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;onmouseover" in page


def test_query_node_repr_html_exact(g):
    assert node_view(g, N3)._repr_html_() == (
        "<div><b>Hồ Chí Minh</b> <code>n000000000003</code><table>"
        "<tr><th>type</th><td>PERSON</td></tr><tr><th>aliases</th><td>Hồ Chí Minh</td></tr>"
        "<tr><th>languages</th><td>vi</td></tr><tr><th>documents</th><td>b.vi.txt</td></tr>"
        "<tr><th>mentions</th><td>2</td></tr></table></div>"
    )
