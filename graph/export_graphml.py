"""Write the knowledge graph as GraphML that Gephi, igraph, networkx and yEd all read.

networkx's own writer names its keys ``d0``, ``d1`` …, and Gephi takes whichever key
has id ``d3`` as the node label and ``d7`` as the edge label, so we write the XML
ourselves with named keys (``<key id="label" for="node" attr.name="label">``). Edge
keys are prefixed ``edge_`` because key ids are unique per document. Every edge gets
its own id (``e0``, ``e1`` …): Gephi drops edges whose id repeats, and a MultiGraph key
repeats for every node pair. All edges are directed (``edgedefault="directed"``);
symmetric relations such as ``CO_OCCURS`` are recognisable by their ``type``, because
neither networkx nor igraph reads mixed graphs.

Examples
--------
>>> import tempfile, pathlib, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_edge("n1", "n2", key="CO_OCCURS", type="CO_OCCURS", weight=2)
'CO_OCCURS'
>>> path = pathlib.Path(tempfile.mkdtemp()) / "kg.graphml"
>>> write_graphml(g, path)
>>> back = nx.read_graphml(path, force_multigraph=True)
>>> list(back.edges(keys=True, data="weight"))
[('n1', 'n2', 'e0', 2)]
"""

from __future__ import annotations

import os

import networkx as nx
from lxml import etree

from policykg.extractors.atomic import atomic_open

from .export_flat import attribute_names, iter_edges, to_flat_graph, to_nmtoken

__all__ = ["GRAPHML_NS", "write_graphml", "build_graphml", "graphml_key_ids", "format_value"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_LOCATION = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
_TYPE_NAMES = {bool: "boolean", int: "long", float: "double", str: "string"}
_PREFIX = {"graph": "graph_", "node": "", "edge": "edge_"}


def format_value(value: bool | int | float | str) -> str:
    """Return the text of a flat attribute value as XML readers parse it back.

    Examples
    --------
    >>> format_value(True), format_value(2), format_value(0.1), format_value("国务院")
    ('true', '2', '0.1', '国务院')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    # repr() of a float round-trips exactly; str() of an int is exact
    return repr(value) if isinstance(value, float) else str(value)


def graphml_key_ids(flat: nx.MultiDiGraph) -> dict[tuple[str, str], str]:
    """Map ``(domain, attribute name)`` to a unique ``<key>`` id.

    Node keys are named after their attribute, graph and edge keys get ``graph_`` and
    ``edge_`` prefixes; a clash (a node attribute named ``edge_type``) adds ``-2``.

    Examples
    --------
    >>> import networkx as nx
    >>> flat = to_flat_graph(nx.MultiDiGraph([("a", "b")]))
    >>> ids = graphml_key_ids(flat)
    >>> ids["node", "label"], ids["edge", "type"]
    ('label', 'edge_type')
    """
    ids: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for domain in ("node", "edge", "graph"):
        for name in attribute_names(flat, domain):
            key_id = candidate = to_nmtoken(_PREFIX[domain] + name)
            suffix = 1
            while candidate in taken:
                suffix += 1
                candidate = f"{key_id}-{suffix}"
            taken.add(candidate)
            ids[domain, name] = candidate
    return ids


def _key_types(flat: nx.MultiDiGraph, domain: str) -> dict[str, type]:
    if domain == "graph":
        rows = [flat.graph]
    elif domain == "node":
        rows = flat.nodes.values()
    else:
        rows = (d for *_, d in flat.edges(data=True))
    types: dict[str, type] = {}
    for row in rows:
        for name, value in row.items():
            types.setdefault(name, type(value))
    return types


def _add_data(parent: etree._Element, attrs: dict, key_ids: dict, domain: str) -> None:
    for name, value in attrs.items():
        if value == "":
            continue  # GraphML's "no data" already means empty; Gephi skips it anyway
        data = etree.SubElement(parent, f"{{{GRAPHML_NS}}}data", key=key_ids[domain, name])
        data.text = format_value(value)


def build_graphml(flat: nx.MultiDiGraph) -> etree._ElementTree:
    """Return the GraphML document of a graph already made flat by ``to_flat_graph``.

    Parameters
    ----------
    flat : nx.MultiDiGraph
        Output of :func:`~policykg.graph.export_flat.to_flat_graph`.

    Returns
    -------
    lxml.etree._ElementTree
        Empty-string values are left out: GraphML's "no data" already means empty.

    Examples
    --------
    >>> import networkx as nx
    >>> tree = build_graphml(to_flat_graph(nx.MultiDiGraph([("a", "b", "CO_OCCURS")])))
    >>> [e.get("id") for e in tree.iter(f"{{{GRAPHML_NS}}}edge")]
    ['e0']
    """
    key_ids = graphml_key_ids(flat)
    root = etree.Element(
        f"{{{GRAPHML_NS}}}graphml",
        nsmap={None: GRAPHML_NS, "xsi": _XSI},
        attrib={f"{{{_XSI}}}schemaLocation": _SCHEMA_LOCATION},
    )
    for domain in ("graph", "node", "edge"):
        types = _key_types(flat, domain)
        for name in attribute_names(flat, domain):
            etree.SubElement(
                root,
                f"{{{GRAPHML_NS}}}key",
                attrib={
                    "id": key_ids[domain, name],
                    "for": domain,
                    "attr.name": name,
                    "attr.type": _TYPE_NAMES[types[name]],
                },
            )
    graph = etree.SubElement(
        root,
        f"{{{GRAPHML_NS}}}graph",
        attrib={"id": "G", "edgedefault": "directed"},
    )
    _add_data(graph, flat.graph, key_ids, "graph")
    for n, attrs in flat.nodes(data=True):
        node = etree.SubElement(graph, f"{{{GRAPHML_NS}}}node", id=n)
        _add_data(node, attrs, key_ids, "node")
    for edge_id, u, v, _, attrs in iter_edges(flat):
        edge = etree.SubElement(
            graph, f"{{{GRAPHML_NS}}}edge", attrib={"id": edge_id, "source": u, "target": v}
        )
        _add_data(edge, attrs, key_ids, "edge")
    etree.indent(root, space="  ")
    return etree.ElementTree(root)


def write_graphml(g: nx.Graph, path: str | os.PathLike, *, flat: nx.MultiDiGraph | None = None) -> None:
    """Write ``g`` as GraphML (UTF-8, named keys, unique edge ids) to ``path``.

    Attributes are flattened by :func:`~policykg.graph.export_flat.to_flat_graph`:
    one ``attr.type`` per key (``string``, ``long``, ``double`` or ``boolean``), lists
    joined with ``" | "``, text in NFC without control characters. Chinese and
    Vietnamese text is written as UTF-8, never as numeric character references. The
    file validates against the GraphML 1.0 XSD.

    Parameters
    ----------
    g : nx.Graph
        The knowledge graph (``graph/schema.py``); not modified.
    path : str or os.PathLike
        Destination; written atomically.
    flat : nx.MultiDiGraph, keyword-only
        ``to_flat_graph(g)`` when the caller has it already (it writes several formats).

    See Also
    --------
    policykg.graph.export.write_gexf : for Gephi with colours, sizes and positions.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("n1", label="Việt Nam", type="PLACE", mentions=1)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kg.graphml"
    >>> write_graphml(g, path)
    >>> '<data key="label">Việt Nam</data>' in path.read_text(encoding="utf-8")
    True
    """
    tree = build_graphml(to_flat_graph(g) if flat is None else flat)
    with atomic_open(path, "wb") as fh:
        tree.write(fh, encoding="utf-8", xml_declaration=True)
        fh.write(b"\n")
