"""Tests for graph/html.py: the data escaping without a browser, the page in real chromium."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from browser import CHROMIUM, launch_browser, make_random_graph, screenshot_html
from conftest import HOSTILE, make_sample_graph
from policykg.graph.html import escape_json_for_html, page_html, render_html
from policykg.graph.html_search import normalize_key, search_key
from policykg.graph.layout import rank_nodes

DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)
HOSTILE_LABELS = [
    "<script>alert(5)</script>",
    '<img src=x onerror="alert(6)">',
    '"onmouseover=alert(7) x="',
    "javascript:alert(8)",
    "</script><script>alert(9)</script><!--",
]


def page_data(html: str) -> dict:
    return json.loads(DATA_BLOCK.search(html).group(1))


def make_hostile_graph() -> nx.MultiDiGraph:
    """The sample graph plus one node per hostile label, each tied to the 国务院 node."""
    g = make_sample_graph()
    g.graph["documents"]["d/<b>.txt"] = {"title": HOSTILE_LABELS[1], "languages": ["en"], "date": None, "size": 1}
    for k, label in enumerate(HOSTILE_LABELS):
        ev = {"doc": "d/<b>.txt", "start": 0, "end": 1, "sentence": label + " said " + HOSTILE}
        g.add_node(f"n10000000000{k}", label=label, type="PERSON", aliases=[label, "alias " + label],
                   languages=["en"], documents=["d/<b>.txt"], mentions=1, evidence=[ev])
        g.add_edge(f"n10000000000{k}", "n000000000001", key="AFFILIATED_WITH", type="AFFILIATED_WITH",
                   weight=1, documents=["d/<b>.txt"], evidence=[ev], role=label)
    return g


# ---- without a browser ----------------------------------------------------------------

@pytest.mark.parametrize("value", [HOSTILE, "</script>", "<!--", "a & b > c", "\u2028\u2029", "x\x0by\x0c\x01"])
def test_html_escape_json_round_trips_without_markup(value):
    text = escape_json_for_html({"s": value, "l": [value]})
    assert json.loads(text) == {"s": value, "l": [value]}
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}


def test_html_escape_json_replaces_lone_surrogates():
    assert json.loads(escape_json_for_html("a\udc80b")) == "a\ufffdb"


def test_html_page_has_no_hostile_markup():
    html = page_html(make_hostile_graph(), title=HOSTILE)
    assert html.count("</script>") == 3  # data block, vis-network, page script
    assert "<!--" not in html
    for label in HOSTILE_LABELS + [HOSTILE]:  # "javascript:alert(8)" is plain text in a JSON string
        assert (label in html) == (label == "javascript:alert(8)")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#34;onmouseover=alert(3) " \
           "javascript:alert(4)</title>" in html
    assert page_data(html)["nodes"][-1]["label"] in HOSTILE_LABELS


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_page_loads_nothing_from_outside():
    parser = _TagCollector()
    parser.feed(page_html(make_sample_graph()))
    assert [t for t, a in parser.tags if "src" in a or "href" in a or t in {"link", "iframe", "img"}] == []
    scripts = [a for t, a in parser.tags if t == "script"]
    assert scripts == [{"type": "application/json", "id": "kg-data"}, {}, {}]


def test_html_csp_allows_exactly_the_two_inline_scripts():
    html = page_html(make_sample_graph())
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1))
    bodies = re.findall(r"<script>(.*?)</script>", html, re.S)
    hashes = ["'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'" for b in bodies]
    assert len(bodies) == 2
    assert f"script-src {hashes[0]} {hashes[1]};" in csp
    assert csp.startswith("default-src 'none';")


def test_html_render_returns_counts_and_writes_utf8(tmp_path):
    stats = render_html(make_sample_graph(), tmp_path / "sub" / "g.html")
    assert stats == {"nodes_total": 5, "nodes_shown": 5, "edges_shown": 5}
    raw = (tmp_path / "sub" / "g.html").read_bytes()
    assert "国务院".encode("utf-8") in raw and "Hồ Chí Minh".encode("utf-8") in raw
    assert raw.decode("utf-8").startswith("<!DOCTYPE html>")


def test_html_max_nodes_keeps_the_most_mentioned():
    html = page_html(make_sample_graph(), max_nodes=2)
    data = page_data(html)
    assert (data["total"], data["shown"]) == (5, 2)
    assert [n["id"] for n in data["nodes"][:2]] == ["n000000000002", "n000000000001"]  # 5 and 3 mentions


def test_html_render_counts_edges_among_shown_nodes(tmp_path):
    assert render_html(make_sample_graph(), tmp_path / "g.html", max_nodes=2) == \
        {"nodes_total": 5, "nodes_shown": 2, "edges_shown": 1}


@pytest.mark.parametrize("script,label", [("original", "国务院"), ("simplified", "国务院"), ("traditional", "國務院")])
def test_html_script_converts_labels(script, label):
    data = page_data(page_html(make_sample_graph(), script=script))
    node = next(n for n in data["nodes"] if n["id"] == "n000000000001")
    vis = data["visNodes"][data["nodes"].index(node)]
    assert (node["label"], vis["label"], node["aliases"]) == (label, label, ["国务院", "國務院"])


@pytest.mark.parametrize("kwargs,message", [
    ({"script": "hant"}, "script='hant' is not one of"),
    ({"max_nodes": 0}, "max_nodes=0 must be a positive int"),
])
def test_html_rejects_bad_options(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        page_html(make_sample_graph(), **kwargs)


def test_html_is_deterministic_and_leaves_graph_alone():
    g = make_sample_graph()
    before = copy.deepcopy(g)
    assert page_html(g) == page_html(g)
    assert nx.utils.graphs_equal(g, before)
    assert list(g.nodes(data=True)) == list(before.nodes(data=True))


def test_html_tolerates_sparse_attributes():
    g = nx.MultiDiGraph()
    g.add_edge(1, 2, key="X", weight=float("nan"), evidence=[{"doc": "only-in-evidence.txt", "sentence": "s"}])
    g.add_node(3, mentions=float("inf"), label=None)
    data = page_data(page_html(g))
    assert [(n["id"], n["label"], n["type"], n["mentions"]) for n in data["nodes"]] == \
        [("1", "1", "", 0), ("2", "2", "", 0), ("3", "3", "", 0)]
    assert (data["edges"][0]["type"], data["edges"][0]["weight"], data["visEdges"][0]["width"]) == ("X", 1, 1.0)
    assert data["documents"] == [{"id": "only-in-evidence.txt", "title": "only-in-evidence.txt", "languages": [], "date": None}]
    assert data["edges"][0]["evidence"] == [[0, "s"]]


@pytest.mark.parametrize("text,key", [
    ("Hồ Chí Minh", "ho chi minh"),
    ("ĐẢNG  Cộng sản", "dang cong san"),
    ("Ｔｏｋｙｏ", "tokyo"),
    ("Müller", "muller"),
])
def test_html_normalize_key(text, key):
    assert normalize_key(text) == key


def test_html_search_key_holds_every_alias_in_simplified():
    assert search_key(["國務院", "State Council", "国务院"]) == "國務院\n国务院\nstate council"


def test_html_sample_search_keys():
    data = page_data(page_html(make_sample_graph()))
    keys = {n["id"]: n["key"] for n in data["nodes"]}
    assert keys["n000000000001"] == "国务院\n國務院"
    assert keys["n000000000003"] == "ho chi minh"
    assert keys["n000000000004"] == "viet nam\n越南\nvietnam"


# ---- in chromium ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent; install Debian's chromium (`apt-get install chromium`) for browser tests")
    with launch_browser() as b:
        yield b


class Watched:
    """A page plus every request, console error, page error and dialog it produced."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function("window.kgFirstDraw !== undefined", timeout=30000)

    def js(self, expression: str):
        return self.page.evaluate(expression)


def render(tmp_path: Path, g: nx.MultiDiGraph, **kwargs) -> Path:
    path = tmp_path / "page.html"
    render_html(g, path, **kwargs)
    return path


def test_html_browser_draws_all_nodes_without_network(browser, tmp_path):
    w = Watched(browser, render(tmp_path, make_sample_graph()))
    assert w.js("[network.body.data.nodes.length, network.body.data.edges.length]") == [5, 5]
    assert w.page.inner_text("#kg-count") == "5 nodes, 5 edges"
    assert w.requests == [w.url]
    assert (w.errors, w.dialogs) == ([], [])


@pytest.mark.parametrize("nodes,count", [(0, "0 nodes, 0 edges"), (1, "1 node, 0 edges")])
def test_html_browser_empty_and_single_node_graphs(browser, tmp_path, nodes, count):
    g = nx.MultiDiGraph()
    g.add_nodes_from((f"n{i}", {"label": "国务院", "type": "ORG"}) for i in range(nodes))
    w = Watched(browser, render(tmp_path, g))
    assert w.js("network.body.data.nodes.length") == nodes
    assert w.page.inner_text("#kg-count") == count
    assert (w.errors, w.requests) == ([], [w.url])


def test_html_browser_hostile_text_is_inert(browser, tmp_path):
    g = make_hostile_graph()
    w = Watched(browser, render(tmp_path, g, title=HOSTILE))
    ids = [f"n10000000000{k}" for k in range(len(HOSTILE_LABELS))]
    for node_id, label in zip(ids, HOSTILE_LABELS):
        assert w.js(f"policyKG.selectNode({json.dumps(node_id)})") is True
        assert w.page.inner_text("#kg-panel h2") == label
        assert w.page.locator("#kg-panel li.kg-alias").all_text_contents() == [label, "alias " + label]
        assert w.page.locator("#kg-panel blockquote").all_text_contents() == [label + " said " + HOSTILE]
        assert w.page.locator("#kg-panel cite").all_text_contents() == ["— " + HOSTILE_LABELS[1]]
    edge = w.js("policyKG.data.edges.findIndex(e => e.attributes.length && e.attributes[0][1] === 'javascript:alert(8)')")
    assert w.js(f"policyKG.selectEdge({edge})") is True
    assert w.page.locator("#kg-panel ul li").first.inner_text() == "role: javascript:alert(8)"
    assert w.page.inner_text("h1") == HOSTILE
    assert w.js("document.querySelectorAll('img, iframe, #kg-panel script, a[href]').length") == 0
    assert (w.errors, w.dialogs) == ([], [])
    assert w.requests == [w.url]


def _node_screen_position(w: Watched, index: int) -> tuple[float, float]:
    return tuple(w.js(f"""(() => {{
        const p = network.canvasToDOM(network.getPosition({index}));
        const r = document.getElementById('kg-network').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }})()"""))


def test_html_browser_click_and_tooltip_show_plain_text(browser, tmp_path):
    w = Watched(browser, render(tmp_path, make_sample_graph()))
    index = w.js("policyKG.data.nodes.findIndex(n => n.id === 'n000000000005')")
    x, y = _node_screen_position(w, index)
    w.page.mouse.move(x, y)
    tooltip = w.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text() == HOSTILE + "\nWORK · 1 mentions"
    # innerText turns the newline into <br>; nothing else becomes an element
    assert w.js("[...document.querySelector('div.vis-tooltip').children].map(c => c.tagName)") == ["BR"]
    w.page.mouse.click(x, y)
    assert w.page.inner_text("#kg-panel h2") == HOSTILE
    assert w.js("network.getSelectedNodes()") == [index]
    assert (w.errors, w.dialogs) == ([], [])


def test_html_browser_selection_highlights_neighbourhood(browser, tmp_path):
    w = Watched(browser, render(tmp_path, make_sample_graph()))
    w.js("policyKG.selectNode('n000000000003')")
    ids = w.js("policyKG.data.nodes.map(n => n.id)")
    colours = dict(zip(ids, w.js("policyKG.data.nodes.map((n, i) => policyKG.nodes.get(i).color)")))
    dim = "rgba(200,204,208,0.45)"
    assert [colours[n] == dim for n in sorted(colours)] == [True, False, False, False, True]
    w.js("policyKG.unselect()")
    assert dim not in w.js("policyKG.nodes.get().map(n => n.color)")


@pytest.mark.parametrize("query,expected", [
    ("ho chi minh", ["n000000000003"]),
    ("HỒ CHÍ", ["n000000000003"]),
    ("國務院", ["n000000000001"]),
    ("国务院", ["n000000000001"]),
    ("國务", ["n000000000001"]),
    ("chu nghia mac", ["n000000000002"]),
    ("越南", ["n000000000004"]),
    ("nothing like this", []),
])
def test_html_browser_search(browser, tmp_path, query, expected):
    w = Watched(browser, render(tmp_path, make_sample_graph(), script="traditional"))
    w.page.fill("#kg-search", query)
    w.page.press("#kg-search", "Enter")
    found = w.js("[...document.querySelectorAll('#kg-results button')].map(b => b.dataset.node)")
    assert found == expected
    if expected:  # Enter selects the first hit
        assert w.js("network.getSelectedNodes().map(i => policyKG.data.nodes[i].id)") == expected


@pytest.mark.parametrize("action,count", [
    ("document.querySelector('#kg-node-types input').click()", 4),  # PERSON off
    ("(s => { s.value = 'vi'; s.dispatchEvent(new Event('change')); })(document.getElementById('kg-language'))", 3),
    ("(s => { s.value = '0'; s.dispatchEvent(new Event('change')); })(document.getElementById('kg-document'))", 2),
])
def test_html_browser_filters(browser, tmp_path, action, count):
    w = Watched(browser, render(tmp_path, make_sample_graph()))
    w.js(action)
    assert w.js("network.body.data.nodes.length") == count
    assert w.page.inner_text("#kg-count") == f"5 nodes, 5 edges · {count} match the filters"


def test_html_browser_edge_panel_lists_sentences(browser, tmp_path):
    w = Watched(browser, render(tmp_path, make_sample_graph()))
    edge = w.js("policyKG.data.edges.findIndex(e => e.type === 'AFFILIATED_WITH')")
    w.js(f"policyKG.selectEdge({edge})")
    assert w.page.inner_text("#kg-panel h2") == "Hồ Chí Minh → Việt Nam"
    assert w.page.inner_text("#kg-panel p.kg-muted") == "AFFILIATED_WITH · weight 1"
    assert w.page.locator("#kg-panel blockquote").all_text_contents() == ["Hồ Chí Minh và chủ nghĩa Mác - Lênin."]
    assert w.page.locator("#kg-panel cite").all_text_contents() == ["— Tư tưởng Hồ Chí Minh"]
    assert w.js("network.getSelectedEdges()") == [edge]


def test_html_browser_truncation_note_and_show_more(browser, tmp_path):
    g = make_random_graph(3000, seed=3)
    top = set(rank_nodes(g)[:500])
    inner = sum(1 for u, v in g.edges() if u in top and v in top)
    path = tmp_path / "big.html"
    assert render_html(g, path, max_nodes=500) == {"nodes_total": 3000, "nodes_shown": 500, "edges_shown": inner}
    w = Watched(browser, path)
    assert w.js("[network.body.data.nodes.length, network.body.data.edges.length]") == [500, inner]
    assert w.page.inner_text("#kg-count") == "Showing 500 of 3000 nodes (the most mentioned first)"
    assert w.page.is_visible("#kg-more") and w.page.inner_text("#kg-more") == "Show 500 more"
    w.page.click("#kg-more")
    assert w.js("network.body.data.nodes.length") == 1000
    assert w.page.inner_text("#kg-count") == "Showing 1000 of 3000 nodes (the most mentioned first)"
    w.page.click("#kg-all")
    assert w.js("[network.body.data.nodes.length, network.body.data.edges.length]") == [3000, g.number_of_edges()]
    assert w.page.inner_text("#kg-count") == f"3000 nodes, {g.number_of_edges()} edges"
    assert not w.page.is_visible("#kg-more")
    assert (w.errors, w.requests) == ([], [w.url])


def test_html_browser_search_finds_nodes_not_yet_shown(browser, tmp_path):
    g = make_random_graph(300, seed=4)
    last = rank_nodes(g)[-1]
    w = Watched(browser, render(tmp_path, g, max_nodes=50))
    label = g.nodes[last]["label"]
    assert w.js(f"policyKG.search({json.dumps(label.upper())})")[0] == last
    w.js(f"policyKG.selectNode({json.dumps(last)})")
    assert w.js("network.body.data.nodes.length") == 51
    assert w.page.inner_text("#kg-panel h2") == label


def test_html_browser_screenshot(browser, tmp_path):
    path = render(tmp_path, make_sample_graph())
    png = screenshot_html(path, tmp_path / "shot.png", width=900, height=600, browser=browser)
    assert png.read_bytes()[:24] == b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (900).to_bytes(4, "big") + (600).to_bytes(4, "big")


def test_layout_fit_positions_centres_and_scales():
    from policykg.graph.layout import fit_positions

    assert fit_positions({"a": (1, 1)}, half_width=5) == {"a": (0.0, 0.0)}
    assert fit_positions({"a": (0, 0), "b": (4, 2)}, half_width=10) == {"a": (-10.0, -5.0), "b": (10.0, 5.0)}
    assert fit_positions({}, half_width=1) == {}


def test_layout_gexf_positions_match_the_page(sample_graph, tmp_path):
    """Gephi opens on the same picture as the page: both use graph/layout.py."""
    import networkx as nx

    from policykg.graph.export import write_gexf
    from policykg.graph.layout import PAGE_MAX_NODES, compute_layout, fit_positions, rank_nodes

    write_gexf(sample_graph, tmp_path / "g.gexf")
    page = compute_layout(sample_graph, rank_nodes(sample_graph), first=PAGE_MAX_NODES, seed=7)
    expected = fit_positions(page, half_width=100.0)
    got = {n: (v["position"]["x"], v["position"]["y"]) for n, v in nx.read_gexf(tmp_path / "g.gexf").nodes(data="viz")}
    assert {n: (round(x, 3), round(y, 3)) for n, (x, y) in got.items()} == {
        n: (round(x, 3), round(y, 3)) for n, (x, y) in expected.items()}


def _ranked_graph(n: int) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(nx.barabasi_albert_graph(n, 2, seed=3))
    for i in g:
        g.nodes[i]["mentions"] = 1 + (i * 7) % 13
    return g


def test_layout_started_in_a_child_process_equals_the_layout_here(monkeypatch, tmp_path):
    """start_layout lays a large graph out in a forked process (while write_outputs writes the other
    files) and gives exactly the positions compute_layout gives in this process."""
    import os

    import policykg.graph.layout as layout

    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one core: the layout is computed in this process")
    monkeypatch.setattr(layout, "_last", [None, {}])  # no layout remembered from another test
    g = _ranked_graph(400)
    expected = layout.compute_layout(g, rank_nodes(g), first=300)
    calls, real = tmp_path / "pids", layout.compute_layout

    def noting_the_process(*args, **kwargs):
        with calls.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(layout, "compute_layout", noting_the_process)
    assert layout.start_layout(g, first=300)() == expected
    pids = calls.read_text().split()
    assert len(pids) == 1 and int(pids[0]) != os.getpid()


def test_layout_falls_back_to_this_process_when_the_child_dies(monkeypatch):
    import os

    import policykg.graph.layout as layout

    g = _ranked_graph(400)
    expected = layout.compute_layout(g, rank_nodes(g), first=300)
    parent, real = os.getpid(), layout.compute_layout

    def dies_in_the_child(*args, **kwargs):
        if os.getpid() != parent:
            os._exit(1)  # as the out-of-memory killer would
        return real(*args, **kwargs)

    monkeypatch.setattr(layout, "compute_layout", dies_in_the_child)
    monkeypatch.setattr(layout, "_last", [None, {}])
    assert layout.start_layout(g, first=300)() == expected


def test_a_cancelled_layout_leaves_no_process_behind():
    import multiprocessing
    import os

    import policykg.graph.layout as layout

    layout._last[:] = [None, {}]  # no layout remembered: this one forks
    pending = layout.start_layout(_ranked_graph(2000), first=1500)
    assert pending._job.forked or len(os.sched_getaffinity(0)) < 2
    pending.cancel()
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]


def test_a_layout_is_reused_when_the_graph_ranks_and_links_its_nodes_alike(monkeypatch):
    """kg build --watch after an edit that changed no entity: the positions are not computed again."""
    import policykg.graph.layout as layout

    monkeypatch.setattr(layout, "_last", [None, {}])
    g = _ranked_graph(120)  # small: laid out in this process, where the calls can be counted
    calls, real = [], layout.compute_layout
    monkeypatch.setattr(layout, "compute_layout", lambda *a, **k: calls.append(1) or real(*a, **k))
    before = layout.start_layout(g, first=100)()
    same = g.copy()
    same.nodes[0]["label"] = "renamed"  # an attribute the layout does not read
    assert layout.start_layout(same, first=100)() == before and len(calls) == 1
    same.add_edge(5, 77)  # a new link: laid out again
    assert layout.start_layout(same, first=100)() == real(same, rank_nodes(same), first=100)
    assert len(calls) == 2


def test_the_first_group_is_laid_out_again_only_when_its_nodes_or_links_change(monkeypatch):
    """kg build --watch after an edit that changes mentions but no link: the ranks change, the first
    group's layout is the one already computed, and it is the one a cold build computes."""
    import policykg.graph.layout as layout

    g = _ranked_graph(120)
    calls, real = [], layout._layout_group
    monkeypatch.setattr(layout, "_layout_group", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.setattr(layout, "_first_layout", [None, None])
    before = layout.compute_layout(g, rank_nodes(g), first=120)
    edited = g.copy()
    edited.nodes[7]["mentions"] = 10_000  # now first in rank: the order changes, the nodes and links do not
    assert rank_nodes(edited) != rank_nodes(g)
    assert layout.compute_layout(edited, rank_nodes(edited), first=120) == before and len(calls) == 1
    monkeypatch.setattr(layout, "_first_layout", [None, None])  # a cold build of the edited graph
    assert layout.compute_layout(edited, rank_nodes(edited), first=120) == before and len(calls) == 2


def test_a_layout_given_as_a_function_is_asked_for_once_and_gives_the_same_page(tmp_path):
    """write_outputs hands the page the layout a child process is still computing: the page asks for
    it only when everything else is ready, and the file is the one a finished layout gives."""
    from policykg.graph.layout import compute_layout

    g = make_sample_graph()
    positions = compute_layout(g, rank_nodes(g), first=len(g))
    asked = []
    render_html(g, tmp_path / "given.html", positions=positions)
    render_html(g, tmp_path / "later.html", positions=lambda: asked.append(1) or positions)
    assert asked == [1]
    assert (tmp_path / "later.html").read_bytes() == (tmp_path / "given.html").read_bytes()
