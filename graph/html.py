"""Render the graph as one self-contained, offline HTML page drawn by vis-network.

pyvis supplies the vis-network build it bundles (read from its package folder and
inlined) and the node, edge and option dicts (see ``html_data.py``); the page itself comes
from ``templates/page.html``, ``assets/page.js`` and ``assets/page.css``. Nothing is loaded
from the network: the page opens from ``file://`` with the network off.

Everything that comes from documents travels in one ``<script type="application/json">``
block in which ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and
``\\u0026``, so no string can close the block. The page's JavaScript builds the DOM with
``textContent`` only. A Content-Security-Policy allows just the page's own two scripts
(by SHA-256 hash), so even injected markup could not run.

Examples
--------
>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph()
>>> g.add_node("n1", label="国务院", type="ORG", aliases=["国务院", "國務院"], mentions=3)
>>> out = pathlib.Path(tempfile.mkdtemp()) / "graph.html"
>>> render_html(g, out, title="Demo <1>")
{'nodes_total': 1, 'nodes_shown': 1, 'edges_shown': 0}
>>> text = out.read_text(encoding="utf-8")
>>> "<title>Demo &lt;1&gt;</title>" in text, "<script src" in text, "<link" in text
(True, False, False)
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis

from policykg.extractors.atomic import write_atomic

from .html_data import FONT_STACK, Positions, build_page_data
from .schema import PAGE_MAX_NODES

__all__ = ["render_html", "page_html", "escape_json_for_html", "VIS_NETWORK_DIR"]

_HERE = Path(__file__).parent
#: The vis-network build pyvis bundles (Apache-2.0 OR MIT); the page inlines it.
VIS_NETWORK_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
_SURROGATE = re.compile("[\ud800-\udfff]")
_SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S*\s*$")


def escape_json_for_html(value: Any) -> str:
    """Return ``value`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where ``\\u003c`` and friends
    mean the same characters to ``JSON.parse``; without them no ``</script>`` or
    ``<!--`` can appear. U+2028 and U+2029 are escaped too so the text is also valid
    JavaScript. Lone surrogates (undecodable input) become U+FFFD so the page stays UTF-8.

    Examples
    --------
    >>> escape_json_for_html({"s": "</script><!-- & \\u2028"})
    '{"s":"\\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u0026 \\\\u2028"}'
    >>> json.loads(escape_json_for_html(["</script>"])) == ["</script>"]
    True
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = _SURROGATE.sub("\ufffd", text)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def page_html(
    g: nx.MultiDiGraph, *, title: str = "policy-kg", max_nodes: int = PAGE_MAX_NODES, script: str = "original"
) -> str:
    """Return the page as an HTML string (for a file, or ``IFrame(srcdoc=...)`` in Jupyter).

    Parameters
    ----------
    g : nx.MultiDiGraph
        A graph in the schema of ``graph/schema.py``; it is not modified.
    title : str
        Page title and heading (escaped).
    max_nodes : int
        Nodes drawn when the page opens, most mentioned first. The others are embedded
        too; the page says "Showing k of N nodes" and has buttons to show more.
    script : str
        ``"original"``, ``"simplified"`` or ``"traditional"``: the script of Chinese
        labels (OpenCC). Search finds every alias in either script regardless.

    Returns
    -------
    str
        A complete HTML document with every script and style inline.

    Raises
    ------
    ValueError
        If ``max_nodes`` < 1 or ``script`` is unknown.

    Notes
    -----
    In Jupyter, show it in an iframe so its scripts and Content-Security-Policy apply:
    ``IPython.display.HTML('<iframe style="width:100%;height:700px" srcdoc="' +
    html.escape(page_html(g)) + '"></iframe>')``.

    Examples
    --------
    >>> import networkx as nx
    >>> html = page_html(nx.MultiDiGraph(), title="Empty")
    >>> html.startswith("<!DOCTYPE html>") and "<h1>Empty</h1>" in html
    True
    """
    html, _ = _render(g, title=title, max_nodes=max_nodes, script=script)
    return html


def render_html(
    g: nx.MultiDiGraph,
    path: Path | str,
    *,
    title: str = "policy-kg",
    max_nodes: int = PAGE_MAX_NODES,
    script: str = "original",
    positions: Positions | None = None,
) -> dict[str, int]:
    """Write the page to ``path`` atomically (UTF-8) and return what it shows.

    Parameters
    ----------
    g, title, max_nodes, script
        As for :func:`page_html`.
    positions : mapping or callable, optional
        A layout computed beforehand, or a function returning it, called when the rest of the
        page is ready (see :func:`~policykg.graph.html_data.build_page_data`).
    path : Path or str
        The ``.html`` file to write; parent folders are created.

    Returns
    -------
    dict
        ``{"nodes_total": N, "nodes_shown": k, "edges_shown": m}``, where ``k`` and ``m``
        count what is drawn when the page opens.

    See Also
    --------
    page_html : the same page as a string.
    """
    html, stats = _render(g, title=title, max_nodes=max_nodes, script=script, positions=positions)
    write_atomic(path, html)
    return stats


def _render(
    g: nx.MultiDiGraph, *, title: str, max_nodes: int, script: str, positions: Positions | None = None
) -> tuple[str, dict[str, int]]:
    data, stats = build_page_data(g, max_nodes=max_nodes, script=script, positions=positions)
    assets = _assets()
    html = _template().render(
        title=str(title),
        lang="en",
        csp=assets["csp"],
        font_stack=FONT_STACK,
        vis_css=assets["vis_css"],
        page_css=assets["page_css"],
        vis_js=assets["vis_js"],
        page_js=assets["page_js"],
        data_json=escape_json_for_html(data),
    )
    # a title with a lone surrogate would make the UTF-8 write fail; replace it instead
    return _SURROGATE.sub("\ufffd", html), stats


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template("page.html")


def _read(path: Path) -> str:
    # the HTML parser turns CR LF into LF before CSP hashes a script; do it first
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _inline(text: str, tag: str, source: Path) -> str:
    """Return ``text`` fit to sit inside ``<tag>``: no closing tag, no comment opener."""
    text = re.sub(f"</(?={tag})", r"<\\/", text, flags=re.IGNORECASE) if tag == "script" else text
    if re.search(f"</{tag}|<!--", text, flags=re.IGNORECASE):
        raise ValueError(f"[E302] {source} contains '</{tag}' or '<!--' and cannot be inlined; remove it from the asset.")
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """Read and check the inlined assets once per process; build the CSP from their hashes."""
    vis_js_path, vis_css_path = VIS_NETWORK_DIR / "vis-network.min.js", VIS_NETWORK_DIR / "vis-network.css"
    if not vis_js_path.is_file():
        raise FileNotFoundError(
            f"[E303] {vis_js_path} not found: this pyvis ({pyvis.__version__}) does not bundle vis-network 9.1.2. "
            "Install it with `pip install 'pyvis>=0.3.2'`."
        )
    # the source map is not shipped; drop its URL so no tool tries to fetch it
    vis_js = _inline(_SOURCE_MAP.sub("\n", _read(vis_js_path)), "script", vis_js_path)
    page_js = _inline(_read(_HERE / "assets" / "page.js"), "script", _HERE / "assets" / "page.js")
    vis_css = _inline(_read(vis_css_path), "style", vis_css_path)
    page_css = _inline(_read(_HERE / "assets" / "page.css"), "style", _HERE / "assets" / "page.css")
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_sha256(vis_js)} {_sha256(page_js)}",
        "style-src 'unsafe-inline'",  # vis-network styles elements at run time
        "img-src data:",  # vis-network.css icons
        "base-uri 'none'",
        "form-action 'none'",
    ])
    return {"vis_js": vis_js, "page_js": page_js, "vis_css": vis_css, "page_css": page_css, "csp": csp}
