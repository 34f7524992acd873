"""Graphs and strings shared by the export tests (``tests/test_export*.py``).

``make_hostile_graph`` extends the conftest sample with what broke exports on this
machine: an NFD Vietnamese name, node ids with spaces, form feeds, NUL and lone
surrogates, one attribute name with int/float/str/bool values, weight 0 and a float
weight, ``None`` values, parallel edges and a node type without a colour.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import networkx as nx
from conftest import HOSTILE, make_sample_graph

SCHEMA_DIR = Path(__file__).parent / "schemas" / "graphml"
NAME_NFC = "Nguyễn Phú Trọng"
NAME_NFD = unicodedata.normalize("NFD", NAME_NFC)
QUOTED = 'Ông "O\'Brien" nói: C:\\path\\new \\u0041 // not a comment; DROP'
#: Characters every random-text strategy mixes in, because they broke real exports.
HOSTILE_CHARS = list(
    "\x00\x01\x08\x0b\x0c\x1b\x7f\x85\x9f\r\n\t\ufeff\ufffe\uffff\u2028\ud800\udfff"
)
HOSTILE_CHARS += ["&", "<", ">", '"', "'", "\\", "`", ";", " | ", " || ", "&#22269;", "]]>"]


def make_hostile_graph() -> nx.MultiDiGraph:
    """Return the sample graph plus three nodes and four edges that break naive exports."""
    g = make_sample_graph()
    g.add_node(
        "node with spaces",
        label=NAME_NFD,
        type="PERSON",
        aliases=[NAME_NFD, NAME_NFC, "x\x0cy\x00z"],
        languages=["vi"],
        documents=["b.vi.txt"],
        mentions=2.0,
        evidence=[
            {"doc": "b.vi.txt", "start": 0, "end": 9, "sentence": QUOTED + "\r\nnext\x0cpage"}
        ],
        score=1,
        flag=True,
    )
    g.add_node(
        "越南 国",
        label="bad\ud800surrogate",
        type="COUNTRY",
        aliases=[],
        languages=None,
        documents=["b.vi.txt"],
        mentions=None,
        score="high",
        flag=None,
    )
    g.add_node("node_with_spaces", label="", type="TERM", mentions=7, score=2.5, flag="yes")
    g.nodes["n000000000001"]["score"] = 2.5
    g.nodes["n000000000002"]["flag"] = False
    g.add_edge(
        "node with spaces",
        "n000000000003",
        key="CO_OCCURS",
        type="CO_OCCURS",
        weight=0,
        documents=["b.vi.txt"],
        evidence=[{"doc": "b.vi.txt", "start": 0, "end": 9, "sentence": QUOTED}] * 5,
    )
    g.add_edge(
        "n000000000003",
        "node with spaces",
        key="ALIAS_OF",
        type="ALIAS_OF",
        weight=2.5,
        documents=["b.vi.txt"],
        evidence=[],
        role=None,
    )
    g.add_edge("n000000000003", "node with spaces", key="SPEAKER_IN", weight=None, role=3)
    g.add_edge(
        "越南 国",
        "node_with_spaces",
        key="CO_OCCURS",
        type="CO_OCCURS",
        weight=1,
        documents=[],
        evidence=[{"doc": "c/evil.txt", "start": 1, "end": 2, "sentence": HOSTILE + "\n\x0c"}],
    )
    return g
