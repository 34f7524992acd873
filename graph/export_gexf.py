"""Write the knowledge graph as GEXF 1.2 for Gephi, with colours, sizes and positions.

networkx's ``write_gexf`` reads a list value as time spells and types each attribute by
the first value it meets, and it takes an edge attribute ``type`` for the GEXF edge
direction, which must be ``directed``/``undirected``/``mutual``. We write the XML from
the flat graph instead: one declared type per attribute, the relation type as an
attribute (and as the edge label), viz colour from :data:`~policykg.graph.schema.TYPE_COLORS`,
viz size from ``mentions`` and viz position from a seeded layout.

Examples
--------
>>> import tempfile, pathlib, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("n1", label="国务院", type="ORG", mentions=3)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "kg.gexf"
>>> write_gexf(g, path, positions={"n1": (0.0, 0.0)})
>>> nx.read_gexf(path).nodes["n1"]["viz"]["color"]
{'r': 78, 'g': 121, 'b': 167, 'a': 1.0}
"""

from __future__ import annotations

import math
import os
from collections.abc import Hashable, Mapping

import networkx as nx
from lxml import etree

from policykg.extractors.atomic import atomic_open

from .export_flat import attribute_names, iter_edges, to_flat_graph
from .export_graphml import format_value
from .layout import PAGE_MAX_NODES, compute_layout, fit_positions, rank_nodes
from .schema import TYPE_COLORS

__all__ = ["GEXF_NS", "GEXF_VIZ_NS", "DEFAULT_COLOR", "write_gexf", "build_gexf", "node_size"]

GEXF_NS = "http://www.gexf.net/1.2draft"
GEXF_VIZ_NS = "http://www.gexf.net/1.2draft/viz"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_LOCATION = f"{GEXF_NS} http://www.gexf.net/1.2draft/gexf.xsd"
_TYPE_NAMES = {bool: "boolean", int: "long", float: "double", str: "string"}
#: Colour of nodes whose type has no entry in ``TYPE_COLORS``.
DEFAULT_COLOR = "#9d9d9d"
_MIN_SIZE, _MAX_SIZE = 4.0, 40.0


def node_size(mentions: int, max_mentions: int) -> float:
    """Return the viz size of a node: area proportional to mentions, from 4 to 40.

    Examples
    --------
    >>> node_size(0, 100), node_size(25, 100), node_size(100, 100)
    (4.0, 22.0, 40.0)
    """
    if max_mentions <= 0:
        return _MIN_SIZE
    share = math.sqrt(max(mentions, 0) / max_mentions)
    return round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * share, 3)


def _rgb(color: str) -> dict[str, str]:
    color = color.lstrip("#")
    return {c: str(int(color[i : i + 2], 16)) for c, i in zip("rgb", (0, 2, 4), strict=True)}


def _declare(graph: etree._Element, flat: nx.MultiDiGraph, domain: str, skip: str) -> list[str]:
    """Write ``<attributes class=domain>``; return the declared names in order."""
    rows = flat.nodes.values() if domain == "node" else [d for *_, d in flat.edges(data=True)]
    types: dict[str, type] = {}
    for row in rows:
        for name, value in row.items():
            types.setdefault(name, type(value))
    names = [name for name in attribute_names(flat, domain) if name != skip]
    block = etree.SubElement(
        graph, f"{{{GEXF_NS}}}attributes", attrib={"class": domain, "mode": "static"}
    )
    for name in names:
        etree.SubElement(
            block,
            f"{{{GEXF_NS}}}attribute",
            attrib={"id": name, "title": name, "type": _TYPE_NAMES[types[name]]},
        )
    return names


def _attvalues(parent: etree._Element, attrs: Mapping, names: list[str]) -> None:
    present = [name for name in names if attrs.get(name, "") != ""]
    if not present:
        return
    values = etree.SubElement(parent, f"{{{GEXF_NS}}}attvalues")
    for name in present:
        etree.SubElement(
            values,
            f"{{{GEXF_NS}}}attvalue",
            attrib={"for": name, "value": format_value(attrs[name])},
        )


def build_gexf(
    flat: nx.MultiDiGraph, positions: Mapping[str, tuple[float, float]]
) -> etree._ElementTree:
    """Return the GEXF document of a flat graph.

    Parameters
    ----------
    flat : nx.MultiDiGraph
        Output of :func:`~policykg.graph.export_flat.to_flat_graph`.
    positions : mapping
        ``{flat node id: (x, y)}``, written as given.

    Returns
    -------
    lxml.etree._ElementTree

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("n1", label="Hồ Chí Minh", type="PERSON", mentions=2)
    >>> tree = build_gexf(to_flat_graph(g), {"n1": (1.5, -2.0)})
    >>> tree.find(f".//{{{GEXF_VIZ_NS}}}position").attrib
    {'x': '1.5', 'y': '-2.0', 'z': '0.0'}
    """
    root = etree.Element(
        f"{{{GEXF_NS}}}gexf",
        nsmap={None: GEXF_NS, "viz": GEXF_VIZ_NS, "xsi": _XSI},
        attrib={f"{{{_XSI}}}schemaLocation": _SCHEMA_LOCATION, "version": "1.2"},
    )
    meta = etree.SubElement(root, f"{{{GEXF_NS}}}meta")
    etree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "policy-kg"
    graph = etree.SubElement(
        root, f"{{{GEXF_NS}}}graph", attrib={"defaultedgetype": "directed", "mode": "static"}
    )
    node_names = _declare(graph, flat, "node", skip="label")
    edge_names = _declare(graph, flat, "edge", skip="weight")
    max_mentions = max((d["mentions"] for d in flat.nodes.values()), default=0)

    nodes = etree.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for n, attrs in flat.nodes(data=True):
        node = etree.SubElement(
            nodes, f"{{{GEXF_NS}}}node", attrib={"id": n, "label": attrs["label"]}
        )
        _attvalues(node, attrs, node_names)
        color = TYPE_COLORS.get(attrs["type"], DEFAULT_COLOR)
        etree.SubElement(node, f"{{{GEXF_VIZ_NS}}}color", attrib=_rgb(color))
        size = node_size(attrs["mentions"], max_mentions)
        etree.SubElement(node, f"{{{GEXF_VIZ_NS}}}size", attrib={"value": repr(size)})
        x, y = positions[n]
        etree.SubElement(
            node,
            f"{{{GEXF_VIZ_NS}}}position",
            attrib={"x": repr(round(x, 3)), "y": repr(round(y, 3)), "z": "0.0"},
        )
    edges = etree.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for edge_id, u, v, _, attrs in iter_edges(flat):
        edge = etree.SubElement(
            edges,
            f"{{{GEXF_NS}}}edge",
            attrib={
                "id": edge_id,
                "source": u,
                "target": v,
                "label": attrs["type"],
                "weight": format_value(attrs["weight"]),
            },
        )
        _attvalues(edge, attrs, edge_names)
    etree.indent(root, space="  ")
    return etree.ElementTree(root)


def write_gexf(
    g: nx.Graph,
    path: str | os.PathLike,
    *,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    seed: int = 7,
    flat: nx.MultiDiGraph | None = None,
) -> None:
    """Write ``g`` as GEXF 1.2 (UTF-8) with viz colour, size and position per node.

    Colour comes from the node ``type`` (:data:`~policykg.graph.schema.TYPE_COLORS`,
    else :data:`DEFAULT_COLOR`), size from ``mentions`` (:func:`node_size`). Positions
    are centred and scaled to fit a square of half-width ``max(100, 30·√n)`` so that
    nodes of size 4–40 do not cover each other. Attributes are those of
    :func:`~policykg.graph.export_flat.to_flat_graph`; the node ``label`` and the edge
    ``weight`` are written as GEXF's own ``label``/``weight``, the relation type also
    as the edge ``label``. All edges are directed.

    Parameters
    ----------
    g : nx.Graph
        The knowledge graph (``graph/schema.py``); not modified.
    path : str or os.PathLike
        Destination; written atomically.
    positions : mapping, keyword-only
        ``{node: (x, y)}`` for every node of ``g``, e.g. from ``nx.spring_layout``.
        ``None`` computes the page's layout (:func:`~policykg.graph.layout.compute_layout`
        with the page's default of 1,500 nodes laid out first), so Gephi and the page agree.
    seed : int, keyword-only
        Seed of the computed layout; the same graph and seed give the same file.
    flat : nx.MultiDiGraph, keyword-only
        ``to_flat_graph(g)`` when the caller has it already (it writes several formats).

    Raises
    ------
    ValueError
        If ``positions`` lacks a node of ``g``.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> g = nx.MultiDiGraph([("a", "b", "CO_OCCURS")])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kg.gexf"
    >>> write_gexf(g, path, positions={"a": (0, 0), "b": (1, 0)})
    >>> sorted(nx.read_gexf(path).nodes(data="viz"))[1][1]["position"]
    {'x': 100.0, 'y': 0.0, 'z': 0.0}
    """
    if positions is None:
        positions = compute_layout(g, rank_nodes(g), first=min(len(g), PAGE_MAX_NODES), seed=seed)
    missing = [n for n in g if n not in positions]
    if missing:
        raise ValueError(
            f"[E201] write_gexf({os.fspath(path)!r}): positions has no entry for "
            f"{len(missing)} node(s), e.g. {missing[0]!r}. Pass a position for every node, "
            "or positions=None to compute a layout."
        )
    if flat is None:
        flat = to_flat_graph(g)
    fitted = fit_positions(
        {n: positions[n] for n in g}, half_width=max(100.0, 30.0 * math.sqrt(len(g)))
    )
    # to_flat_graph keeps node order, so the i-th flat node is the i-th node of g
    flat_positions = dict(zip(flat.nodes, (fitted[n] for n in g), strict=True))
    tree = build_gexf(flat, flat_positions)
    with atomic_open(path, "wb") as fh:
        tree.write(fh, encoding="utf-8", xml_declaration=True)
        fh.write(b"\n")
