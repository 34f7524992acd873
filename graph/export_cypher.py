"""Write the knowledge graph as a Cypher script that loads it into Neo4j.

Run it with ``cypher-shell -f kg.cypher`` (Neo4j 4.4 or 5). Every node gets the label
``Entity`` plus its type (``:Entity:PERSON``), every edge its relation type as the
relationship type, and both carry the flat attributes of the GraphML file as
properties plus a unique ``id`` (``e0``, ``e1`` … as in GraphML and CSV). Statements
``MERGE`` on those ids, so running the script twice changes nothing. Rows are sent in
``UNWIND`` batches, one statement per batch and type, which Neo4j loads far faster than
one ``CREATE`` per node.

Identifiers are always back-quoted (with ```` `` ```` for a back-quote inside), and
string literals are single-quoted with ``\\\\``, ``\\'``, ``\\n``, ``\\r``, ``\\t`` and
``\\uXXXX`` escapes; other characters, Chinese and Vietnamese included, stay UTF-8.

Examples
--------
>>> print(cypher_string("Hồ's \\\\ path\\nnext"))
'Hồ\\'s \\\\ path\\nnext'
>>> print(cypher_name("weird`name"))
`weird``name`
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

import networkx as nx

from policykg.extractors.atomic import atomic_open

from .export_flat import iter_edges, to_flat_graph

__all__ = [
    "NODE_LABEL",
    "DEFAULT_REL_TYPE",
    "write_cypher",
    "cypher_string",
    "cypher_name",
    "cypher_value",
]

#: Label shared by every node; the id constraint is declared on it.
NODE_LABEL = "Entity"
#: Relationship type of edges without a ``type``.
DEFAULT_REL_TYPE = "RELATED_TO"

_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
# control characters, line/paragraph separators and lone surrogates, which UTF-8 cannot hold
_NEEDS_ESCAPE = re.compile("[\\\\'\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def cypher_string(text: str) -> str:
    """Return ``text`` as a single-quoted Cypher string literal.

    Examples
    --------
    >>> print(cypher_string("国务院 'quoted' \\x01"))
    '国务院 \\'quoted\\' \\u0001'
    """
    escaped = _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text)
    return f"'{escaped}'"


def cypher_name(name: str) -> str:
    """Return ``name`` as a back-quoted Cypher identifier (label, type or property key).

    Examples
    --------
    >>> print(cypher_name("PERSON"))
    `PERSON`
    """
    return "`" + name.replace("`", "``") + "`"


def cypher_value(value: bool | int | float | str) -> str:
    """Return a flat attribute value as a Cypher literal.

    Examples
    --------
    >>> cypher_value(True), cypher_value(3), cypher_value(1e20), cypher_value("a")
    ('true', '3', '1e20', "'a'")
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        # -2**63 would be parsed as minus 2**63, which overflows Neo4j's integer
        return "(-9223372036854775807 - 1)" if value == -(2**63) else str(value)
    if isinstance(value, float):
        # Cypher's exponent has no '+' sign: 1e+20 must be written 1e20
        return repr(value).replace("e+", "e")
    return cypher_string(value)


def _map(items: Iterable[tuple[str, object]]) -> str:
    return "{" + ", ".join(f"{cypher_name(k)}: {cypher_value(v)}" for k, v in items) + "}"


def _batches(rows: list, size: int) -> Iterable[list]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _node_statements(flat: nx.MultiDiGraph, batch_size: int) -> Iterable[str]:
    by_type: dict[str, list[str]] = {}
    for n, attrs in flat.nodes(data=True):
        row = f"{{id: {cypher_string(n)}, props: {_map(attrs.items())}}}"
        by_type.setdefault(attrs["type"], []).append(row)
    for node_type, rows in by_type.items():
        labels = f"n:{cypher_name(node_type)}, " if node_type else ""
        for batch in _batches(rows, batch_size):
            yield (
                "UNWIND [\n  " + ",\n  ".join(batch) + "\n] AS row\n"
                f"MERGE (n:{cypher_name(NODE_LABEL)} {{id: row.id}})\n"
                f"SET {labels}n += row.props;"
            )


def _edge_statements(flat: nx.MultiDiGraph, batch_size: int) -> Iterable[str]:
    by_type: dict[str, list[str]] = {}
    for edge_id, u, v, _, attrs in iter_edges(flat):
        row = (
            f"{{id: {cypher_string(edge_id)}, source: {cypher_string(u)}, "
            f"target: {cypher_string(v)}, props: {_map(attrs.items())}}}"
        )
        by_type.setdefault(attrs["type"] or DEFAULT_REL_TYPE, []).append(row)
    label = cypher_name(NODE_LABEL)
    for rel_type, rows in by_type.items():
        for batch in _batches(rows, batch_size):
            yield (
                "UNWIND [\n  " + ",\n  ".join(batch) + "\n] AS row\n"
                f"MATCH (a:{label} {{id: row.source}}), (b:{label} {{id: row.target}})\n"
                f"MERGE (a)-[r:{cypher_name(rel_type)} {{id: row.id}}]->(b)\n"
                "SET r += row.props;"
            )


def write_cypher(g: nx.Graph, path: str | os.PathLike, *, batch_size: int = 500) -> None:
    """Write a Cypher script that creates ``g`` in Neo4j.

    Parameters
    ----------
    g : nx.Graph
        The knowledge graph (``graph/schema.py``); not modified.
    path : str or os.PathLike
        Destination; written atomically (UTF-8).
    batch_size : int, keyword-only
        Nodes or edges per ``UNWIND`` statement.

    Raises
    ------
    ValueError
        If a node or edge attribute is named ``id``, which the script uses as the key.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("n1", label="Việt Nam", type="PLACE", mentions=1)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kg.cypher"
    >>> write_cypher(g, path)
    >>> print(path.read_text(encoding="utf-8").splitlines()[-1])
    SET n:`PLACE`, n += row.props;
    """
    flat = to_flat_graph(g)
    rows = [("node", attrs) for attrs in flat.nodes.values()]
    rows += [("edge", attrs) for *_, attrs in flat.edges(data=True)]
    for kind, attrs in rows:
        if "id" in attrs:
            raise ValueError(
                f"[E230] write_cypher({os.fspath(path)!r}): a {kind} attribute is named 'id', "
                "which the script uses to MERGE on. Rename the attribute."
            )
    label = cypher_name(NODE_LABEL)
    header = [
        f"// policy-kg graph: {flat.number_of_nodes()} nodes, "
        f"{flat.number_of_edges()} relationships.",
        "// Load it with: cypher-shell -f <this file>  (Neo4j 4.4 or later)",
        f"CREATE CONSTRAINT policykg_entity_id IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.id IS UNIQUE;",
    ]
    statements = [*_node_statements(flat, batch_size), *_edge_statements(flat, batch_size)]
    with atomic_open(path) as fh:
        fh.write("\n".join(header + statements) + "\n")
