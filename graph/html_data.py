"""The data the HTML page embeds: vis-network nodes, edges and options, plus panel details.

pyvis's :class:`~pyvis.network.Network` holds the vis-network node and edge dicts and the
options; this module fills ``net.nodes`` and ``net.edges`` directly (``from_nx`` is
quadratic and rewrites ``weight``). Every node of the graph is included, most important
first, so the page can show more without a rebuild; the page draws the first
``max_nodes`` of them at load.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("n1", label="國務院", type="ORG", aliases=["國務院"], mentions=2)
>>> data, stats = build_page_data(g, max_nodes=10, script="simplified")
>>> data["visNodes"][0]["label"], data["nodes"][0]["key"], stats
('国务院', '國務院\\n国务院', {'nodes_total': 1, 'nodes_shown': 1, 'edges_shown': 0})
"""

from __future__ import annotations

import bisect
import json
import math
from collections import Counter
from collections.abc import Callable, Hashable, Mapping
from typing import Any

import networkx as nx
from pyvis.network import Network

from .html_search import convert_script, search_key, t2s_char_map
from .layout import compute_layout, mentions_of, rank_nodes
from .schema import NODE_TYPES, TYPE_COLORS, UNDIRECTED_TYPES

#: A layout, ``{node: (x, y)}``, or a function that returns one when it is needed.
Positions = Mapping[Any, tuple[float, float]] | Callable[[], Mapping[Any, tuple[float, float]]]

__all__ = ["NODE_SHAPES", "EDGE_COLORS", "FONT_STACK", "MAX_NODE_EVIDENCE", "MAX_EDGE_EVIDENCE", "build_page_data"]

#: vis-network shape per node type; each has its label outside, so sizes stay comparable.
NODE_SHAPES = {"PERSON": "dot", "ORG": "square", "PLACE": "triangle", "WORK": "diamond", "TERM": "star"}
#: Colour per relation type; ``ALIAS_OF`` is also dashed.
EDGE_COLORS = {
    "CO_OCCURS": "#b9b4ae",
    "AFFILIATED_WITH": "#5d9bc2",
    "AUTHOR_OF": "#9c755f",
    "SPEAKER_IN": "#d4a72c",
    "ALIAS_OF": "#e07ba0",
}
_OTHER_NODE_COLOR, _OTHER_EDGE_COLOR = "#8c8c8c", "#999999"
#: Canvas and page font stack: Latin and Vietnamese first, then CJK faces per platform.
FONT_STACK = ('"Noto Sans", "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans CJK TC", '
              '"Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
              '"Microsoft JhengHei", "WenQuanYi Micro Hei", sans-serif')
#: Evidence sentences kept per node and per edge in the page (the panel says how many exist).
MAX_NODE_EVIDENCE, MAX_EDGE_EVIDENCE = 5, 10
_MAX_SENTENCE, _MAX_CANVAS_LABEL = 600, 40


def build_page_data(
    g: nx.MultiDiGraph, *, max_nodes: int, script: str, positions: Positions | None = None
) -> tuple[dict[str, Any], dict[str, int]]:
    """Return ``(data, stats)``: the JSON-able page payload and the counts ``render_html`` reports.

    Parameters
    ----------
    g : nx.MultiDiGraph
        A graph in the schema of ``graph/schema.py``; it is not modified.
    max_nodes : int
        How many nodes (most mentioned first) the page draws when it opens.
    script : str
        ``"original"``, ``"simplified"`` or ``"traditional"``: the script of the labels.
    positions : mapping or callable, optional
        ``{node: (x, y)}`` already computed by :func:`~policykg.graph.layout.compute_layout`
        with ``first=min(len(g), max_nodes)`` (as ``write_outputs`` does for the GEXF too),
        or a function returning it, called once everything else is ready (``write_outputs``
        passes the layout a child process is computing); ``None`` computes it here.

    Returns
    -------
    tuple
        ``data`` with keys ``total``, ``shown``, ``nodeTypes``, ``edgeTypes``, ``languages``,
        ``documents``, ``visNodes``, ``visEdges``, ``options``, ``nodes``, ``edges``,
        ``t2s``; ``stats`` with ``nodes_total``, ``nodes_shown``, ``edges_shown``.

    Raises
    ------
    ValueError
        If ``max_nodes`` is below 1 or ``script`` is unknown.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="CO_OCCURS", type="CO_OCCURS", weight=3)
    'CO_OCCURS'
    >>> data, stats = build_page_data(g, max_nodes=1, script="original")
    >>> stats, data["visEdges"][0]["width"]
    ({'nodes_total': 2, 'nodes_shown': 1, 'edges_shown': 0}, 2.6)
    """
    if not isinstance(max_nodes, int) or max_nodes < 1:
        raise ValueError(f"max_nodes={max_nodes!r} must be a positive int, e.g. max_nodes=1500.")
    convert_script("", script)  # validates ``script`` before any work
    order = rank_nodes(g)
    index = {node: i for i, node in enumerate(order)}
    shown = min(len(order), max_nodes)
    documents, doc_index = _documents(g)

    prominence = _prominence([mentions_of(g.nodes[node]) for node in order])
    net = Network(directed=True)
    info_nodes, info_edges = [], []
    for i, node in enumerate(order):
        vis, info = _node(node, g.nodes[node], i, script, doc_index, prominence[i])
        net.nodes.append(vis)
        info_nodes.append(info)
    parallel: Counter = Counter()
    edges_shown = 0
    for j, (u, v, key, attrs) in enumerate(sorted(g.edges(keys=True, data=True), key=lambda e: _edge_order(e, index))):
        a, b = index[u], index[v]
        pair = (min(a, b), max(a, b))
        vis, info = _edge(j, a, b, key, attrs, parallel[pair], doc_index)
        parallel[pair] += 1
        net.edges.append(vis)
        info_edges.append(info)
        edges_shown += max(a, b) < shown

    if positions is None:
        positions = compute_layout(g, order, first=shown)
    elif callable(positions):
        positions = positions()
    for node, vis in zip(order, net.nodes):
        vis["x"], vis["y"] = positions[node]
    languages = sorted({lang for info in info_nodes for lang in info["languages"]})
    needed = set("".join(info["key"] for info in info_nodes))
    data = {
        "total": len(order),
        "shown": shown,
        "nodeTypes": _type_legend([info["type"] for info in info_nodes], nodes=True),
        "edgeTypes": _type_legend([info["type"] for info in info_edges], nodes=False),
        "languages": languages,
        "documents": documents,
        "visNodes": net.nodes,
        "visEdges": net.edges,
        "options": _options(net, n_edges=len(net.edges)),
        "nodes": info_nodes,
        "edges": info_edges,
        # only the traditional characters whose simplified form occurs in some key
        "t2s": {t: s for t, s in t2s_char_map().items() if s in needed},
    }
    return data, {"nodes_total": len(order), "nodes_shown": shown, "edges_shown": edges_shown}


def _edge_order(edge: tuple, index: dict[Hashable, int]) -> tuple:
    u, v, key, _ = edge
    # edges among the top nodes first; parallel edges stay together in key order
    return (max(index[u], index[v]), min(index[u], index[v]), index[u], str(key))


def _documents(g: nx.MultiDiGraph) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """List the graph's documents plus any only referenced by nodes or edges."""
    meta = dict(g.graph.get("documents") or {})
    referenced: set[str] = set()
    for attrs in [a for _, a in g.nodes(data=True)] + [a for *_, a in g.edges(data=True)]:
        referenced.update(str(d) for d in attrs.get("documents") or [])
        referenced.update(str(ev.get("doc")) for ev in attrs.get("evidence") or [] if ev.get("doc") is not None)
    ids = sorted({str(d) for d in meta} | referenced)
    documents = []
    for doc_id in ids:
        m = meta.get(doc_id) or {}
        documents.append({
            "id": doc_id,
            "title": str(m.get("title") or doc_id),
            "languages": [str(x) for x in m.get("languages") or []],
            "date": None if m.get("date") is None else str(m["date"]),
        })
    return documents, {doc_id: i for i, doc_id in enumerate(ids)}


def _evidence(items: list, limit: int, doc_index: dict[str, int]) -> list[list]:
    out = []
    for ev in (items or [])[:limit]:
        sentence = str(ev.get("sentence") or "")
        if len(sentence) > _MAX_SENTENCE:
            sentence = sentence[: _MAX_SENTENCE - 1] + "…"
        out.append([doc_index.get(str(ev.get("doc")), -1), sentence])
    return out


def _prominence(mentions: list[int]) -> list[float]:
    """Share of nodes with at most as many mentions as each node (1.0 for the top)."""
    ordered = sorted(mentions)
    return [bisect.bisect_right(ordered, m) / len(ordered) for m in mentions]


def _node(node: Hashable, attrs: dict, i: int, script: str, doc_index: dict[str, int], prominence: float) -> tuple[dict, dict]:
    label = str(attrs.get("label") or node)
    shown_label = convert_script(label, script)
    aliases = [str(a) for a in attrs.get("aliases") or [label]]
    kind = str(attrs.get("type") or "")
    mentions = mentions_of(attrs)
    color = TYPE_COLORS.get(kind, _OTHER_NODE_COLOR)
    canvas_label = shown_label if len(shown_label) <= _MAX_CANVAS_LABEL else shown_label[: _MAX_CANVAS_LABEL - 1] + "…"
    grow = math.log1p(max(mentions, 0))
    vis = {
        "id": i,
        "label": canvas_label,
        "shape": NODE_SHAPES.get(kind, "dot"),
        "color": color,
        "size": round(min(8 + 6 * grow, 60), 1),
        # vis-network skips labels smaller than drawThreshold on screen, so when zoomed
        # out only the most mentioned nodes keep theirs
        "font": {"size": round(13 + 13 * prominence**4, 1)},
    }  # "x" and "y" are added when the layout is ready
    info = {
        "id": str(node),
        "label": shown_label,
        "type": kind,
        "mentions": mentions,
        "aliases": aliases,
        "languages": [str(x) for x in attrs.get("languages") or []],
        "documents": sorted({doc_index[str(d)] for d in attrs.get("documents") or []}),
        "evidence": _evidence(attrs.get("evidence"), MAX_NODE_EVIDENCE, doc_index),
        "evidenceTotal": len(attrs.get("evidence") or []),
        "key": search_key([label, shown_label, *aliases]),
    }
    return vis, info


def _edge(j: int, a: int, b: int, key: Hashable, attrs: dict, nth: int,
          doc_index: dict[str, int]) -> tuple[dict, dict]:
    kind = str(attrs.get("type") or key)
    weight = attrs.get("weight")
    # a weight that is missing, not positive or not finite (JSON has no NaN) counts as 1
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight < math.inf:
        weight = 1
    vis: dict[str, Any] = {
        "id": j,
        "from": a,
        "to": b,
        "width": round(min(1 + 1.5 * math.log(weight), 10), 1),
        "color": EDGE_COLORS.get(kind, _OTHER_EDGE_COLOR),
    }
    if kind not in UNDIRECTED_TYPES:
        vis["arrows"] = "to"
    if kind == "ALIAS_OF":
        vis["dashes"] = True
    if nth:  # bend parallel edges apart, alternately left and right
        vis["smooth"] = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                         "roundness": round(0.2 * ((nth + 1) // 2), 2)}
    extra = {str(k): v for k, v in attrs.items()
             if k not in {"type", "weight", "documents", "evidence"} and isinstance(v, (str, int, float))}
    info = {
        "type": kind,
        "weight": weight,
        "documents": sorted({doc_index[str(d)] for d in attrs.get("documents") or []}),
        "evidence": _evidence(attrs.get("evidence"), MAX_EDGE_EVIDENCE, doc_index),
        "evidenceTotal": len(attrs.get("evidence") or []),
        "attributes": [[k, str(v)] for k, v in sorted(extra.items())],
    }
    return vis, info


def _type_legend(kinds: list[str], *, nodes: bool) -> list[dict[str, Any]]:
    counts = Counter(kinds)
    known = NODE_TYPES if nodes else tuple(EDGE_COLORS)
    ordered = [k for k in known if k in counts] + sorted(k for k in counts if k not in known)
    if nodes:
        return [{"type": k, "count": counts[k], "color": TYPE_COLORS.get(k, _OTHER_NODE_COLOR),
                 "shape": NODE_SHAPES.get(k, "dot")} for k in ordered]
    return [{"type": k, "count": counts[k], "color": EDGE_COLORS.get(k, _OTHER_EDGE_COLOR),
             "directed": k not in UNDIRECTED_TYPES} for k in ordered]


def _options(net: Network, *, n_edges: int) -> dict[str, Any]:
    """vis-network options: pyvis's, with physics off and straight edges, plus our own."""
    net.toggle_physics(False)
    net.options.edges.smooth.enabled = False  # curves cost a bezier per edge per frame
    net.inherit_edge_colors(False)
    net.toggle_hide_edges_on_drag(n_edges > 20000)
    options = json.loads(net.options.to_json())
    options["physics"] = {"enabled": False}  # pyvis adds solver parameters nobody uses
    options["layout"] = {"improvedLayout": False, "randomSeed": 7}
    options["interaction"].update({"hover": False, "tooltipDelay": 250, "multiselect": False})
    options["nodes"] = {
        "font": {"face": FONT_STACK, "color": "#1f2328", "strokeWidth": 3, "strokeColor": "#ffffff"},
        "borderWidth": 1,
        "scaling": {"label": {"drawThreshold": 9}},
    }
    # opacity 1: below it vis-network recomputes an rgba colour for every edge on every draw
    options["edges"].update({"selectionWidth": 2, "arrows": {"to": {"scaleFactor": 0.5}},
                             "color": {"inherit": False, "opacity": 1.0}})
    return options
