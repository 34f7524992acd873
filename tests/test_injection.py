"""Hostile text from real documents through a real `kg build`: markup, quotes, controls and
characters XML cannot hold, in entity names, evidence sentences and file names.

GraphML and GEXF must parse back (expat, lxml, networkx, the GraphML XSD) with the text as
written, less only what XML cannot hold; graph.json keeps every character; the page and
the messages on stderr carry none of it as live markup or terminal escapes. The exporters
themselves are tested on hand-made graphs in ``test_export_*.py``; this is the whole path.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
from click.testing import CliRunner
from export_checks import assert_valid
from lxml import etree
from policykg.graph.cli import main

MARKUP_FILE = 'evil "q" \'s\' <script>&amp; ]]>\x1b[31m.txt'  # quotes, markup, a terminal escape
MARKUP_ID = 'evil "q" \'s\' <script>&amp; ]]>\\x1b[31m.txt'
PAGE_FILE = PAGE_ID = "page <&>.html"
NOT_UTF8_FILE = b"surrogate-\xed\xa0\x80.txt"  # U+D800 in UTF-8: no valid UTF-8 name, lone surrogates in Python
NOT_UTF8_ID = "surrogate-\\xed\\xa0\\x80.txt"
BAD_FILE = 'empty <img src=x onerror="alert(3)">\x1b[2J.txt'  # fails, so its name goes to stderr
BAD_ID = 'empty <img src=x onerror="alert(3)">\\x1b[2J.txt'

SCRIPT_SENTENCE = '国务院印发了《<script>alert("x")</script> & ]]> 意见》，李强出席。'
CONTROL_SENTENCE = "国务院发布了《关于\x01数字\x1b政府\ufffe建设\x7f的意见》，李强出席会议并讲话。"
TEXT = f"{SCRIPT_SENTENCE}\n{CONTROL_SENTENCE}\nThe State Council met John O'Brien & the World Bank in Geneva.\n"
PAGE = ("<html><head><title>t</title><script>alert(2)</script></head><body>"
        "<p>中国科学院发布了《&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; 报告》，侯建国出席。</p>"
        "<p>中国科学院发布了《数据&#xD800;安全&#xFFFE;&#1;&#xFFFF;报告》，侯建国出席会议。</p></body></html>")


@dataclass(frozen=True)
class Name:
    """An entity name as the document gives it (kept in graph.json) and as XML can hold it."""

    raw: str
    xml: str
    doc_id: str


NAMES = {
    "markup and ]]>": Name('<script>alert("x")</script> & ]]> 意见', '<script>alert("x")</script> & ]]> 意见', MARKUP_ID),
    "controls and U+FFFE": Name("关于\x01数字\x1b政府\ufffe建设\x7f的意见", "关于数字政府建设的意见", MARKUP_ID),
    "apostrophe": Name("John O'Brien", "John O'Brien", MARKUP_ID),
    "escaped markup in HTML": Name("<script>alert(1)</script> & ]]> 报告", "<script>alert(1)</script> & ]]> 报告", PAGE_ID),
    # a character reference to a surrogate is U+FFFD already when read; U+FFFE, U+FFFF and U+0001 go in XML
    "char refs in HTML": Name("数据\ufffd安全\ufffe\x01\uffff报告", "数据\ufffd安全报告", PAGE_ID),
    "name of a file that is not UTF-8": Name("Hồ Chí Minh", "Hồ Chí Minh", NOT_UTF8_ID),
}
EVIDENCE = [  # (doc id, sentence as read, as XML holds it)
    (MARKUP_ID, SCRIPT_SENTENCE, SCRIPT_SENTENCE),
    (MARKUP_ID, CONTROL_SENTENCE, "国务院发布了《关于数字政府建设的意见》，李强出席会议并讲话。"),
    (PAGE_ID, "中国科学院发布了《<script>alert(1)</script> & ]]> 报告》，侯建国出席。",
     "中国科学院发布了《<script>alert(1)</script> & ]]> 报告》，侯建国出席。"),
]
DOC_IDS = {MARKUP_ID, PAGE_ID, NOT_UTF8_ID}


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory):
    corpus = tmp_path_factory.mktemp("hostile")
    (corpus / MARKUP_FILE).write_text(TEXT, encoding="utf-8")
    (corpus / PAGE_FILE).write_text(PAGE, encoding="utf-8")
    (corpus / os.fsdecode(NOT_UTF8_FILE)).write_bytes("Chủ tịch Hồ Chí Minh và Bộ Chính trị đã họp tại Hà Nội.".encode())
    (corpus / BAD_FILE).write_bytes(b"")
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("kg: failed ") == 1, result.stderr  # only the empty file
    return result, out


def graphml(out: Path) -> nx.MultiDiGraph:
    return nx.read_graphml(out / "graph.graphml", force_multigraph=True)


def node_named(g: nx.Graph, label: str) -> dict:
    hits = [a for _, a in g.nodes(data=True) if a["label"] == label]
    assert len(hits) == 1, (label, sorted(a["label"] for _, a in g.nodes(data=True)))
    return hits[0]


@pytest.mark.parametrize("name", ["graph.graphml", "graph.gexf"])
def test_injection_xml_parses_strictly_and_markup_stays_text(build, name: str) -> None:
    _, out = build
    for tree in (ElementTree.parse(out / name), etree.parse(str(out / name), etree.XMLParser(recover=False))):
        tags = {element.tag.rsplit("}", 1)[-1] for element in tree.iter()}
        assert not tags & {"script", "b", "img"}, tags
    raw = (out / name).read_text(encoding="utf-8")
    assert "\x1b" not in raw and "\x01" not in raw and "\ufffe" not in raw


def test_injection_graphml_validates_against_xsd(build) -> None:
    assert_valid(build[1] / "graph.graphml")


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_injection_names_survive_graphml(build, name: Name) -> None:
    node = node_named(graphml(build[1]), name.xml)
    assert name.xml in node["aliases"].split(" | ")
    assert name.doc_id in node["documents"].split(" | ")


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_injection_names_survive_gexf(build, name: Name) -> None:
    node = node_named(nx.read_gexf(build[1] / "graph.gexf"), name.xml)
    assert name.xml in node["aliases"].split(" | ")
    assert name.doc_id in node["documents"].split(" | ")


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_injection_names_kept_whole_in_json(build, name: Name) -> None:
    data = json.loads((build[1] / "graph.json").read_text(encoding="utf-8"))
    node = node_named(nx.node_link_graph(data, edges="edges"), name.raw)
    assert name.raw in node["aliases"] and name.doc_id in node["documents"]


@pytest.mark.parametrize("doc_id,sentence,xml", EVIDENCE)
def test_injection_evidence_survives(build, doc_id: str, sentence: str, xml: str) -> None:
    _, out = build
    rendered = f"[{doc_id}] {xml}"
    for g in (graphml(out), nx.read_gexf(out / "graph.gexf")):
        assert any(rendered in a.get("evidence", "").split(" || ") for *_, a in g.edges(data=True))
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    records = [e for edge in data["edges"] for e in edge.get("evidence", [])]
    assert any(e["doc"] == doc_id and e["sentence"] == sentence for e in records)


def test_injection_document_ids_everywhere(build) -> None:
    _, out = build
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert set(data["graph"]["documents"]) == DOC_IDS
    assert data["graph"]["documents"][MARKUP_ID]["title"] == SCRIPT_SENTENCE
    in_graphml = {d for _, a in graphml(out).nodes(data=True) for d in a["documents"].split(" | ")}
    assert in_graphml == DOC_IDS
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert {d["id"] for d in report["per_document"]} == DOC_IDS
    assert report["documents"]["failed"] == [{"path": BAD_ID, "reason": "is empty (0 bytes): there is nothing to read"}]


def test_injection_json_is_strict_json(build) -> None:
    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    for name in ("graph.json", "build-report.json"):
        json.loads((build[1] / name).read_text(encoding="utf-8"), parse_constant=refuse)


def test_injection_messages_and_page_carry_no_live_markup(build) -> None:
    result, out = build
    assert f"kg: failed {BAD_ID}: is empty" in result.stderr
    assert "\x1b" not in result.stderr + result.stdout
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img" not in page
    assert "\x1b" not in page
