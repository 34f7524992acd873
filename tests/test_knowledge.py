"""The KnowledgeGraph facade and name search: lookups on the seeds graph, exact answers on the sample graph."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import unicodedata

import networkx as nx
import pytest
from conftest import HOSTILE, make_sample_graph

from policykg.graph import KnowledgeGraph
from policykg.graph.cli import default_seed_dir
from policykg.graph.export import read_json, write_json
from policykg.graph.knowledge import GraphView, seeds_graph
from policykg.graph.query import Node, NodeNotFoundError, NoPathError
from policykg.graph.search import Match, NameIndex, loose_name, similarity

STATE_COUNCIL, MARX, HO_CHI_MINH = "n1c4638a0eae8", "n1d55c09aadaf", "nf4d31477bcbf"
# Ludwig von Mises shares the 米塞斯 node: resolution merges the gloss L.米塞斯(Ludwig von Mises)
VIETNAM, CAPITALISM, CHINA, MISES = "ne1dc2d9f4ad7", "nc815e802822f", "nb949067f80bb", "n800af3d17004"
N1, N2, N3, N4, N5 = (f"n00000000000{i}" for i in range(1, 6))

# (query, node id, how it matched) on the seeds graph
SEED_LOOKUPS = [
    ("国务院", STATE_COUNCIL, "alias"),            # simplified, as in 004
    ("國務院", STATE_COUNCIL, "alias"),            # traditional, as in 001/002
    ("国務院", STATE_COUNCIL, "alias"),            # mixed scripts
    ("馬克思", MARX, "alias"),
    ("马克思", MARX, "alias"),
    ("Hồ Chí Minh", HO_CHI_MINH, "alias"),
    ("hồ chí minh", HO_CHI_MINH, "alias"),         # case
    ("HỒ CHÍ MINH", HO_CHI_MINH, "alias"),
    ("Ho Chi Minh", HO_CHI_MINH, "folded"),        # no diacritics
    ("ho chi minh", HO_CHI_MINH, "folded"),
    (unicodedata.normalize("NFD", "Hồ Chí Minh"), HO_CHI_MINH, "alias"),  # decomposed input
    ("viet nam", VIETNAM, "folded"),
    ("Vietnam", VIETNAM, "known"),                 # CLDR English name, never in the seeds
    ("越南", VIETNAM, "known"),                     # CLDR Chinese name
    ("中國", CHINA, "alias"),
    ("ＣＨＩＮＡ", CHINA, "alias"),                  # full-width letters
    ("capitalism", CAPITALISM, "known"),           # lexicon concept in English
    ("資本主義", CAPITALISM, "alias"),               # traditional form of the seen 资本主义
    ("chu nghia tu ban", CAPITALISM, "folded"),
    ("LUDWIG von mises", MISES, "alias"),
    (STATE_COUNCIL, STATE_COUNCIL, "id"),
]

# (query, best fuzzy node id): nothing matches exactly
SEED_FUZZY = [
    ("Ho Chi Mihn", HO_CHI_MINH),                   # typo
    ("Mises", MISES),                               # part of a name
    ("国务院研究", "ncb516a949193"),                 # 国务院研究室
    ("Chủ tịch Hồ Chí Minh", HO_CHI_MINH),          # a name inside the query
]


@pytest.fixture(scope="module")
def kg():
    return seeds_graph()


@pytest.fixture()
def sample():
    return KnowledgeGraph(make_sample_graph())


@pytest.mark.parametrize("name,node_id,how", SEED_LOOKUPS)
def test_knowledge_find_seeds(kg, name, node_id, how):
    assert kg.find(name).id == node_id
    assert (kg.search(name)[0].node.id, kg.search(name)[0].how) == (node_id, how)


@pytest.mark.parametrize("name,node_id", SEED_FUZZY)
def test_knowledge_search_fuzzy_seeds(kg, name, node_id):
    best = kg.search(name)[0]
    assert (best.node.id, best.how) == (node_id, "fuzzy") and 0.6 <= best.score < 1
    with pytest.raises(NodeNotFoundError):
        kg.find(name)


def test_knowledge_find_shared_name_prefers_most_mentioned(kg):
    matches = [m for m in kg.search("社會主義") if m.how != "fuzzy"]
    assert [(m.node.type, m.name) for m in matches] == [("TERM", "社会主义"), ("WORK", "社会主义")]
    assert kg.find("社會主義").type == "TERM"


def test_knowledge_find_unknown_names_the_name_and_suggests(kg):
    with pytest.raises(NodeNotFoundError) as info:
        kg.find("Ho Chi Mihn")
    err = info.value
    assert isinstance(err, LookupError) and err.name == "Ho Chi Mihn"
    assert str(err) == ("no node named 'Ho Chi Mihn'; closest: 'Hồ Chí Minh' (PERSON, nf4d31477bcbf), "
                        "'tư tưởng Hồ Chí Minh' (TERM, n500f3f64e4db). search() ranks more.")
    assert all(isinstance(m, Match) for m in err.suggestions)


def test_knowledge_find_nothing_close(kg):
    with pytest.raises(NodeNotFoundError, match=r"^no node named 'qqqzzz'; nothing is close either") as info:
        kg.find("qqqzzz")
    assert info.value.suggestions == []


@pytest.mark.parametrize("name,expected", [
    ("Hồ Chí Minh", "hochiminh"),
    ("Ho-Chi-Minh!", "hochiminh"),
    ("Đảng Cộng sản", "dangcongsan"),
    ("國務院", "国务院"),
    ("M.韦伯", "m韦伯"),
    ("Ｗ Ｔ Ｏ", "wto"),
    ("——", ""),
])
def test_search_loose_name(name, expected):
    assert loose_name(name) == expected


@pytest.mark.parametrize("a,b,score", [
    ("hochiminh", "hochiminh", 1.0),
    ("mises", "ludwigvonmises", 0.807),     # at the end (a surname): 0.7 + 0.3 * 5/14
    ("hochimihn", "hochiminh", 0.889),      # difflib ratio
    ("abc", "xyz", 0.0),
])
def test_search_similarity(a, b, score):
    assert similarity(a, b) == score


def test_search_index_sample_exact_and_fuzzy():
    index = NameIndex(make_sample_graph(), known={})
    assert [(m.node.id, m.how) for m in index.exact("vietnam")] == [(N4, "alias")]
    assert [(m.node.id, m.how) for m in index.exact("chu nghia mac")] == [(N2, "folded")]
    # "chunghiamac" at the start of "chunghiamaclenin": 0.7 + 0.3 * 11/16
    assert [(m.node.id, m.score, m.how) for m in index.search("chủ nghĩa Mác Lênin")] == [(N2, 0.906, "fuzzy")]


def test_search_index_known_names_are_searchable():
    index = NameIndex(make_sample_graph(), known={N3: ["胡志明"]})
    assert [(m.node.id, m.name, m.how) for m in index.exact("胡志明")] == [(N3, "胡志明", "known")]
    assert str(index.exact("胡志明")[0]) == "1.00  Hồ Chí Minh (PERSON, n000000000003)  known  via '胡志明'"


def test_knowledge_sample_names_in_any_script(sample):
    assert sample.find("國務院").id == N1
    assert sample.find("chu nghia Mac").id == N2
    assert sample.find("越南") == sample.find("VIETNAM") == sample.find(N4)


def test_knowledge_accepts_node_objects(sample):
    node = sample.find("Hồ Chí Minh")
    assert [nb.node.id for nb in sample.neighbors(node)] == [N2, N4]
    with pytest.raises(NodeNotFoundError, match="is not in this graph"):
        sample.neighbors(Node("n404", "x", "ORG", (), (), (), 0))
    with pytest.raises(TypeError, match="expected a node id, a name or a Node, not int"):
        sample.neighbors(3)


def test_knowledge_neighbors_evidence_path_by_name(sample):
    assert [nb.node.id for nb in sample.neighbors("Ho Chi Minh", type="PLACE")] == [N4]
    assert [e.sentence for e in sample.evidence("國務院", "马克思主义")] == ["国务院和马克思主义。"]
    assert [(h.source.id, h.target.id) for h in sample.path("国务院", "Viet Nam")] == [(N1, N2), (N2, N3), (N3, N4)]
    assert [d.id for d in sample.documents("chủ nghĩa Mác")] == ["a.zh-Hans.txt", "b.vi.txt"]


def test_knowledge_unknown_name_in_any_method(sample):
    for call in (lambda: sample.neighbors("Lenin"), lambda: sample.evidence("国务院", "Lenin"),
                 lambda: sample.path("Lenin", "国务院"), lambda: sample.documents("Lenin")):
        with pytest.raises(NodeNotFoundError, match="no node named 'Lenin'"):
            call()


def test_knowledge_path_no_path(sample):
    sample.nx.add_node("n000000000009", label="孤岛", type="PLACE", aliases=["孤岛"])
    kg = KnowledgeGraph(sample.nx)  # rebuilt facade: the index is built from the graph
    with pytest.raises(NoPathError):
        kg.path("孤岛", "国务院")


def test_knowledge_subgraph_returns_knowledge_graph(sample):
    sub = sample.subgraph(languages="vi", min_weight=1)
    assert isinstance(sub, KnowledgeGraph) and sorted(sub.nx) == [N2, N3, N4]
    assert sub.find("Vietnam").id == N4
    with pytest.raises(NodeNotFoundError):
        sub.find("国务院")
    assert len(sample) == 5


def test_knowledge_stats_central_communities_delegate(sample):
    assert sample.stats()["relations"] == {"AFFILIATED_WITH": 1, "CO_OCCURS": 4}
    assert [(n.id, s) for n, s in sample.central(2, by="mentions")] == [(N2, 5), (N1, 3)]
    assert [[n.id for n in part] for part in sample.communities()] == [[N2, N1, N5], [N3, N4]]


def test_knowledge_load_round_trip(tmp_path, sample):
    path = tmp_path / "graph.json"
    write_json(sample.nx, path)
    loaded = KnowledgeGraph.load(path)
    assert loaded.report is None
    assert dict(loaded.nx.nodes(data=True)) == dict(sample.nx.nodes(data=True))
    assert loaded.find("國務院").id == N1
    assert loaded.communities() == sample.communities()


def test_knowledge_load_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"graph\.json not found; run `kg build` first"):
        KnowledgeGraph.load(tmp_path / "graph.json")


def test_knowledge_build_and_report(tmp_path):
    (tmp_path / "a.txt").write_text("国务院和中国科学院发布报告。", encoding="utf-8")
    kg = KnowledgeGraph.build(tmp_path, progress=False, log=lambda msg: None)
    assert kg.report["documents"]["built"] == 1
    assert isinstance(kg.nx, nx.MultiDiGraph) and kg.find("國務院").label == "国务院"


def test_knowledge_seeds_report_and_nx(kg):
    assert kg.report["documents"]["built"] == 5
    assert kg.nx.graph["documents"].keys() == {p.name for p in default_seed_dir().glob("*.txt")}


def test_knowledge_seeds_evidence_points_into_the_document(kg):
    (ev, *_) = kg.evidence("马克思", "恩格斯")
    text = (default_seed_dir() / ev.doc).read_text(encoding="utf-8")
    assert text[ev.start:ev.end] == ev.sentence and "恩格斯" in ev.sentence


@pytest.mark.parametrize("suffix,fmt,names", [
    ("kg.graphml", None, ["kg.graphml"]),
    ("kg.gexf", None, ["kg.gexf"]),
    ("kg.json", None, ["kg.json"]),
    ("kg.cypher", None, ["kg.cypher"]),
    ("", "csv", ["nodes.csv", "edges.csv"]),               # an existing folder
    ("tables", "csv", ["tables_nodes.csv", "tables_edges.csv"]),  # a file-name prefix
    ("kg.xml", "graphml", ["kg.xml"]),
])
def test_knowledge_export(tmp_path, sample, suffix, fmt, names):
    written = sample.export(tmp_path / suffix, format=fmt)
    assert [p.name for p in written] == names and all(p.stat().st_size > 0 for p in written)


def test_knowledge_export_json_reads_back(tmp_path, sample):
    (path,) = sample.export(tmp_path / "kg.json")
    assert dict(read_json(path).nodes(data=True)) == dict(sample.nx.nodes(data=True))


def test_knowledge_export_unknown_format(tmp_path, sample):
    with pytest.raises(ValueError, match="cannot tell the export format of .*kg.txt.*graphml, gexf, json, csv, cypher"):
        sample.export(tmp_path / "kg.txt")


def test_knowledge_show_iframe_is_escaped(sample):
    frame = sample.show(title=HOSTILE, height=400)._repr_html_()
    # the only markup is the frame itself; the page travels escaped in srcdoc
    assert re.findall(r"<[^>]*", frame)[0].startswith("<iframe srcdoc=") and frame.count("<") == 2
    assert frame.endswith('sandbox="allow-scripts" style="width: 100%; height: 400px; border: 0" '
                          'title="policy-kg graph"></iframe>')
    srcdoc = re.match(r'<iframe srcdoc="([^"]*)"', frame).group(1)
    page = html.unescape(srcdoc)
    assert page.startswith("<!DOCTYPE html>") and "<script src" not in page
    assert HOSTILE not in page  # the hostile title is escaped inside the page as well


def test_knowledge_repr_html_is_the_page(sample):
    assert sample._repr_html_().startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert isinstance(sample.show(), GraphView)


def test_knowledge_dunder(sample):
    assert repr(sample) == "<KnowledgeGraph: 5 nodes, 5 edges, 3 documents>"
    assert len(sample) == 5
    assert "國務院" in sample and "Lenin" not in sample and 5 not in sample


def test_knowledge_package_import_is_lazy():
    code = ("import sys, policykg.graph as p; assert 'policykg.graph.knowledge' not in sys.modules; "
            "assert 'networkx' not in sys.modules; print(p.KnowledgeGraph.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "policykg.graph.knowledge\n"


def test_knowledge_empty_graph():
    kg = KnowledgeGraph(nx.MultiDiGraph())
    assert (kg.central(), kg.communities(), kg.search("国务院"), len(kg.subgraph(types="ORG"))) == ([], [], [], 0)
    with pytest.raises(NodeNotFoundError, match="nothing is close either"):
        kg.find("国务院")
