"""Helpers for the page's browser tests and benchmark: Debian chromium via Playwright.

Playwright drives the system browser at :data:`CHROMIUM` (``apt-get install chromium``);
never run ``playwright install``. Also here: :func:`make_random_graph`, a random graph in
the schema of ``graph/schema.py`` for size tests and ``benchmarks/page_load.py``, and
:func:`screenshot_html`, which saves a PNG of any page (``python tests/browser.py
page.html out.png``).

Examples
--------
>>> g = make_random_graph(50, seed=1)
>>> g.number_of_nodes(), g.nodes["n000000000000"]["type"] in TYPES
(50, True)
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "TYPES", "launch_browser", "open_page", "screenshot_html", "make_random_graph"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
TYPES = ("PERSON", "ORG", "PLACE", "WORK", "TERM")
_EDGE_TYPES = ("CO_OCCURS", "CO_OCCURS", "CO_OCCURS", "AFFILIATED_WITH", "AUTHOR_OF", "SPEAKER_IN", "ALIAS_OF")
_SYLLABLES = {
    "zh-Hans": list("国务院发展改革委员会人民政府中央经济社会文化教育科学技术部门"),
    "zh-Hant": list("國務院發展改革委員會人民政府中央經濟社會文化教育科學技術部門"),
    "vi": ["Hà", "Nội", "Việt", "Nam", "Đảng", "Chính", "phủ", "Bộ", "Kế", "hoạch", "Đầu", "tư", "Hồ", "Chí", "Minh"],
    "en": ["State", "Council", "Ministry", "Planning", "Reform", "Policy", "Economic", "Zone", "Office", "Trade"],
}


@contextmanager
def launch_browser() -> Iterator[object]:
    """Yield a headless Playwright ``Browser`` running :data:`CHROMIUM`; close it afterwards.

    Raises
    ------
    FileNotFoundError
        If :data:`CHROMIUM` is missing (``apt-get install chromium``).
    """
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} not found. Install it with `apt-get install chromium`.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser, html_path: Path | str, *, width: int = 1400, height: int = 900, timeout_ms: int = 60000):
    """Open ``html_path`` from ``file://`` in a new page and wait for vis-network's first draw.

    Returns the Playwright ``Page``; ``window.kgFirstDraw`` holds the time of the first
    draw in milliseconds since navigation start.
    """
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(Path(html_path).resolve().as_uri())
    page.wait_for_function("window.kgFirstDraw !== undefined", timeout=timeout_ms)
    return page


def screenshot_html(
    html_path: Path | str, png_path: Path | str, *, width: int = 1400, height: int = 900, browser=None
) -> Path:
    """Open ``html_path`` in headless chromium and save a PNG of the window to ``png_path``.

    Pass ``browser`` (from :func:`launch_browser`) to reuse a running browser; otherwise
    one is started and closed for this shot.

    Examples
    --------
    >>> import tempfile, pathlib, pytest
    >>> if not CHROMIUM.exists(): pytest.skip("needs /usr/bin/chromium")
    >>> from policykg.graph.html import render_html
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = render_html(make_random_graph(30, seed=2), d / "g.html")
    >>> screenshot_html(d / "g.html", d / "g.png").read_bytes()[:4]
    b'\\x89PNG'
    """
    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    if browser is None:
        with launch_browser() as own:
            return screenshot_html(html_path, png_path, width=width, height=height, browser=own)
    page = open_page(browser, html_path, width=width, height=height)
    try:
        page.wait_for_timeout(300)  # let the fitted view settle before the shot
        page.screenshot(path=str(png_path))
    finally:
        page.close()
    return png_path


def make_random_graph(n: int, *, seed: int = 0, edges_per_node: float = 2.5) -> nx.MultiDiGraph:
    """Return a random typed graph with ``n`` nodes and about ``edges_per_node * n`` edges.

    Preferential attachment gives hubs like a real corpus; labels mix simplified and
    traditional Chinese, Vietnamese and English; every node and edge has evidence.
    """
    rng = random.Random(seed)
    languages = list(_SYLLABLES)
    docs = {f"doc{d:04d}.txt": {"title": f"Document {d}", "languages": [rng.choice(languages)], "date": None, "size": 1000}
            for d in range(max(1, n // 50))}
    doc_ids = list(docs)
    g = nx.MultiDiGraph(documents=docs)
    for i in range(n):
        lang = rng.choice(languages)
        words = _SYLLABLES[lang]
        sep = "" if lang.startswith("zh") else " "
        label = sep.join(rng.choice(words) for _ in range(rng.randint(2, 4))) + f" {i}"
        doc_list = sorted(rng.sample(doc_ids, min(len(doc_ids), rng.randint(1, 3))))
        evidence = [{"doc": d, "start": 0, "end": 40, "sentence": f"{label} appears in {docs[d]['title']} ({k})."}
                    for k, d in enumerate(doc_list)]
        g.add_node(f"n{i:012d}", label=label, type=rng.choice(TYPES), aliases=[label, label.upper()],
                   languages=[lang], documents=doc_list, mentions=1, evidence=evidence)
    nodes = list(g.nodes)
    targets: list[str] = []  # each node once per edge end: preferential attachment
    for i, u in enumerate(nodes):
        for _ in range(int(edges_per_node) + (rng.random() < edges_per_node % 1)):
            if i == 0:
                break
            v = rng.choice(targets) if targets and rng.random() < 0.7 else nodes[rng.randrange(i)]
            kind = rng.choice(_EDGE_TYPES)
            a, b = (min(u, v), max(u, v)) if kind == "CO_OCCURS" else (u, v)
            if a == b or g.has_edge(a, b, key=kind):
                continue
            d = rng.choice(doc_ids)
            g.add_edge(a, b, key=kind, type=kind, weight=rng.randint(1, 6), documents=[d],
                       evidence=[{"doc": d, "start": 0, "end": 10, "sentence": f"{g.nodes[a]['label']} · {g.nodes[b]['label']}"}])
            targets += [u, v]
    for node, degree in g.degree():  # well-connected entities are mentioned more
        g.nodes[node]["mentions"] = degree + int(rng.paretovariate(1.5))
    return g


if __name__ == "__main__":  # python tests/browser.py page.html out.png
    print(screenshot_html(sys.argv[1], sys.argv[2]))
