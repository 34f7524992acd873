"""Shared fixtures: a small hand-made graph in the schema of ``graph/schema.py``.

Its strings are hostile on purpose (markup, quotes, control characters, mixed scripts)
so every view and export is tested against them.
"""

from __future__ import annotations

import networkx as nx
import pytest

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"onmouseover=alert(3) javascript:alert(4)'


def make_sample_graph() -> nx.MultiDiGraph:
    """Return a five-node graph covering every node type and two edge types."""
    g = nx.MultiDiGraph()
    g.graph["documents"] = {
        "a.zh-Hans.txt": {"title": "国务院文件", "languages": ["zh-Hans"], "date": "2021-02-21", "size": 120},
        "b.vi.txt": {"title": "Tư tưởng Hồ Chí Minh", "languages": ["vi"], "date": None, "size": 80},
        "c/evil.txt": {"title": HOSTILE, "languages": ["en"], "date": None, "size": 10},
    }
    ev_a = {"doc": "a.zh-Hans.txt", "start": 0, "end": 12, "sentence": "国务院和马克思主义。"}
    ev_b = {"doc": "b.vi.txt", "start": 5, "end": 40, "sentence": "Hồ Chí Minh và chủ nghĩa Mác - Lênin."}
    ev_c = {"doc": "c/evil.txt", "start": 0, "end": 10, "sentence": HOSTILE + "\x0c\x01 form feed"}
    nodes = {
        "n000000000001": dict(label="国务院", type="ORG", aliases=["国务院", "國務院"], languages=["zh-Hans", "zh-Hant"],
                              documents=["a.zh-Hans.txt"], mentions=3, evidence=[ev_a]),
        "n000000000002": dict(label="马克思主义", type="TERM", aliases=["马克思主义", "chủ nghĩa Mác"], languages=["zh-Hans", "vi"],
                              documents=["a.zh-Hans.txt", "b.vi.txt"], mentions=5, evidence=[ev_a, ev_b]),
        "n000000000003": dict(label="Hồ Chí Minh", type="PERSON", aliases=["Hồ Chí Minh"], languages=["vi"],
                              documents=["b.vi.txt"], mentions=2, evidence=[ev_b]),
        "n000000000004": dict(label="Việt Nam", type="PLACE", aliases=["Việt Nam", "越南", "Vietnam"], languages=["vi"],
                              documents=["b.vi.txt"], mentions=1, evidence=[ev_b]),
        "n000000000005": dict(label=HOSTILE, type="WORK", aliases=[HOSTILE, "x\x0by"], languages=["en"],
                              documents=["c/evil.txt"], mentions=1, evidence=[ev_c]),
    }
    for n, attrs in nodes.items():
        g.add_node(n, **attrs)
    g.add_edge("n000000000001", "n000000000002", key="CO_OCCURS", type="CO_OCCURS", weight=2,
               documents=["a.zh-Hans.txt"], evidence=[ev_a])
    g.add_edge("n000000000002", "n000000000003", key="CO_OCCURS", type="CO_OCCURS", weight=1,
               documents=["b.vi.txt"], evidence=[ev_b])
    g.add_edge("n000000000003", "n000000000004", key="CO_OCCURS", type="CO_OCCURS", weight=1,
               documents=["b.vi.txt"], evidence=[ev_b])
    g.add_edge("n000000000003", "n000000000004", key="AFFILIATED_WITH", type="AFFILIATED_WITH", weight=1,
               documents=["b.vi.txt"], evidence=[ev_b], role="Chủ tịch")
    g.add_edge("n000000000005", "n000000000001", key="CO_OCCURS", type="CO_OCCURS", weight=1,
               documents=["c/evil.txt"], evidence=[ev_c])
    return g


@pytest.fixture()
def sample_graph() -> nx.MultiDiGraph:
    return make_sample_graph()


def write_story(folder, **texts):
    """``folder``/``story.LANG.txt`` for each ``LANG=text`` (``zh_Hant`` for ``zh-Hant``), made if missing:
    the versions of one translated story."""
    folder.mkdir(parents=True, exist_ok=True)
    for lang, text in texts.items():
        (folder / f"story.{lang.replace('_', '-')}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def build_story(folder, **texts):
    """The graph and report of a build of :func:`write_story`'s files (one process, the real pipeline)."""
    from policykg.graph.run import build_corpus

    return build_corpus([write_story(folder, **texts)], jobs=1)
