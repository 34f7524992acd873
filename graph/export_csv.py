"""Write the knowledge graph as two CSV tables, ``nodes.csv`` and ``edges.csv``.

The columns are the GraphML attributes (``id`` first; edges also ``source``,
``target``), with the same flat values, so a spreadsheet, pandas and Gephi's
spreadsheet importer see the same data as the GraphML readers.

Encoding: UTF-8 **with** a byte-order mark by default. Excel opens a BOM-less CSV in
the legacy code page, which garbles every Chinese and Vietnamese label; with the BOM it
detects UTF-8. pandas (``read_csv`` strips the BOM), LibreOffice and Gephi are fine
with it; Python's ``csv`` module should open the files with ``encoding="utf-8-sig"``,
which also reads BOM-less files. Pass ``bom=False`` for tools that keep the BOM as
part of the first column name.

Examples
--------
>>> import csv, tempfile, pathlib, networkx as nx
>>> g = nx.MultiDiGraph([("n1", "n2", "CO_OCCURS")])
>>> nodes, edges = write_csv(g, pathlib.Path(tempfile.mkdtemp()))
>>> with open(edges, encoding="utf-8-sig", newline="") as fh:
...     next(csv.reader(fh))
['id', 'source', 'target', 'type', 'weight', 'documents', 'evidence']
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import networkx as nx

from policykg.extractors.atomic import atomic_open

from .export_flat import attribute_names, iter_edges, to_flat_graph
from .export_graphml import format_value

__all__ = ["write_csv", "csv_paths"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ID_COLUMNS = frozenset({"id", "source", "target"})  # never escaped: they join the tables


def csv_paths(dest: str | os.PathLike) -> tuple[Path, Path]:
    """Return the ``(nodes, edges)`` CSV paths for a folder or a file-name prefix.

    An existing folder, or a path written with a trailing slash, gets ``nodes.csv`` and
    ``edges.csv``; anything else is a prefix joined with ``_`` (no ``_`` when the
    prefix already ends in ``_``, ``-`` or ``.``).

    Examples
    --------
    >>> [p.as_posix() for p in csv_paths("out/")]
    ['out/nodes.csv', 'out/edges.csv']
    >>> [p.as_posix() for p in csv_paths("out/kg")]
    ['out/kg_nodes.csv', 'out/kg_edges.csv']
    """
    text = os.fspath(dest)
    if Path(text).is_dir() or text.endswith(("/", os.sep)):
        return Path(text, "nodes.csv"), Path(text, "edges.csv")
    joint = "" if text.endswith(("_", "-", ".")) else "_"
    return Path(f"{text}{joint}nodes.csv"), Path(f"{text}{joint}edges.csv")


def _cell(value: object, escape_formulas: bool) -> str:
    text = format_value(value)
    if escape_formulas and isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _write_table(path: Path, header: list[str], rows, *, bom: bool, escape_formulas: bool) -> None:
    with atomic_open(path) as fh:
        if bom:
            fh.write("\ufeff")
        writer = csv.writer(fh)  # RFC 4180: CRLF row ends, quotes where needed
        writer.writerow(header)
        for row in rows:
            writer.writerow(
                [
                    _cell(row[name], escape_formulas and name not in _ID_COLUMNS)
                    if name in row
                    else ""
                    for name in header
                ]
            )


def write_csv(
    g: nx.Graph,
    dest: str | os.PathLike,
    *,
    bom: bool = True,
    escape_formulas: bool = False,
) -> tuple[Path, Path]:
    """Write ``g`` as ``nodes.csv`` and ``edges.csv``; return their paths.

    Parameters
    ----------
    g : nx.Graph
        The knowledge graph (``graph/schema.py``); not modified.
    dest : str or os.PathLike
        A folder (existing, or written with a trailing slash) or a file-name prefix;
        see :func:`csv_paths`. Folders are created.
    bom : bool, keyword-only
        Start each file with a UTF-8 byte-order mark, so Excel reads it as UTF-8.
    escape_formulas : bool, keyword-only
        Prefix ``'`` to text cells starting with ``= + - @``, which Excel would run as
        formulas. Off by default because it changes the values for every other tool.

    Returns
    -------
    (Path, Path)
        ``nodes.csv`` and ``edges.csv``. Edge ids are those of the GraphML file.

    Raises
    ------
    ValueError
        If a node attribute is named ``id``, or an edge attribute ``id``, ``source`` or
        ``target``, which would clash with the fixed columns.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("n1", label="Hồ Chí Minh", type="PERSON", mentions=2)
    >>> nodes, _ = write_csv(g, pathlib.Path(tempfile.mkdtemp()) / "kg")
    >>> nodes.name, nodes.read_text(encoding="utf-8-sig").splitlines()[1]
    ('kg_nodes.csv', 'n1,Hồ Chí Minh,PERSON,,,,2')
    """
    flat = to_flat_graph(g)
    node_cols, edge_cols = attribute_names(flat, "node"), attribute_names(flat, "edge")
    for kind, cols in (("node", node_cols), ("edge", edge_cols)):
        fixed = {"id"} if kind == "node" else _ID_COLUMNS
        clash = sorted(fixed.intersection(cols))
        if clash:
            raise ValueError(
                f"[E220] write_csv({os.fspath(dest)!r}): a {kind} attribute is named "
                f"{clash[0]!r}, which is a fixed column of {kind}s.csv. Rename the attribute."
            )
    nodes_path, edges_path = csv_paths(dest)
    options = dict(bom=bom, escape_formulas=escape_formulas)
    node_rows = ({"id": n, **attrs} for n, attrs in flat.nodes(data=True))
    _write_table(nodes_path, ["id", *node_cols], node_rows, **options)
    edge_rows = (
        {"id": e, "source": u, "target": v, **attrs} for e, u, v, _, attrs in iter_edges(flat)
    )
    _write_table(edges_path, ["id", "source", "target", *edge_cols], edge_rows, **options)
    return nodes_path, edges_path
