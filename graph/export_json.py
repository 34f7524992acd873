"""Write and read the knowledge graph as node-link JSON, losslessly.

Unlike the other exports, JSON keeps the structured attributes as they are: lists stay
lists, evidence stays a list of ``{"doc", "start", "end", "sentence"}`` dicts, and the
graph's ``documents`` table is kept. Text is not sanitized either, so
``read_json(write_json(g))`` gives back ``g`` exactly; JSON can escape every character.
The layout is networkx's node-link format (``nx.node_link_data(g, edges="edges")``),
one node or edge per line; d3 examples that expect ``links`` need that key renamed.

Examples
--------
>>> import tempfile, pathlib, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_edge("n1", "n2", key="CO_OCCURS", evidence=[{"doc": "a", "sentence": "x\\x0cy"}])
'CO_OCCURS'
>>> path = pathlib.Path(tempfile.mkdtemp()) / "kg.json"
>>> write_json(g, path)
>>> read_json(path).edges["n1", "n2", "CO_OCCURS"]["evidence"]
[{'doc': 'a', 'sentence': 'x\\x0cy'}]
"""

from __future__ import annotations

import json
import os
import re

import networkx as nx

from policykg.extractors.atomic import atomic_open

__all__ = ["write_json", "read_json"]

_NODE_RESERVED = frozenset({"id"})
_EDGE_RESERVED = frozenset({"source", "target", "key"})
# json.dumps(ensure_ascii=False) leaves a lone surrogate raw, which UTF-8 cannot encode;
# outside string literals JSON has no such characters, so escaping them is safe.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _not_json(value: object) -> object:
    raise TypeError(
        f"[E211] write_json: {type(value).__name__} value {value!r} is not JSON. "
        "Store it as a str, number, bool, None, list or dict in the graph."
    )


def _check_names(g: nx.Graph, path: str | os.PathLike) -> None:
    """Refuse attribute names that node-link JSON would silently overwrite."""
    for n, attrs in g.nodes(data=True):
        for name in _NODE_RESERVED.intersection(attrs):
            raise ValueError(
                f"[E210] write_json({os.fspath(path)!r}): node {n!r} has an attribute "
                f"{name!r}, which node-link JSON uses for the node id. Rename the attribute."
            )
    for u, v, attrs in g.edges(data=True):
        for name in _EDGE_RESERVED.intersection(attrs):
            raise ValueError(
                f"[E210] write_json({os.fspath(path)!r}): edge {u!r}->{v!r} has an attribute "
                f"{name!r}, which node-link JSON uses for the edge ends. Rename the attribute."
            )


def write_json(g: nx.Graph, path: str | os.PathLike) -> None:
    """Write ``g`` as node-link JSON (UTF-8, ``ensure_ascii=False``) to ``path``.

    Nodes, edges, edge keys, graph attributes and every attribute value are kept as
    they are (no NFC, no sanitizing), so :func:`read_json` is an exact inverse for
    JSON values: str, int, float, bool, None, and lists and dicts of those with string
    dict keys. Tuples come back as lists.

    Parameters
    ----------
    g : nx.Graph
        The knowledge graph (``graph/schema.py``); not modified.
    path : str or os.PathLike
        Destination; written atomically.

    Raises
    ------
    TypeError
        If a value is not JSON (a set, a datetime, an object).
    ValueError
        If a value is NaN or infinite, or an attribute is named ``id`` (nodes) or
        ``source``/``target``/``key`` (edges), which the format reserves.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kg.json"
    >>> write_json(nx.MultiDiGraph([("Hà Nội", "越南", "CO_OCCURS")]), path)
    >>> '"Hà Nội"' in path.read_text(encoding="utf-8")
    True
    """
    _check_names(g, path)
    data = nx.node_link_data(g, edges="edges")
    options = dict(ensure_ascii=False, allow_nan=False, default=_not_json)
    try:
        # one node or edge per line: greppable, and a diff shows what changed
        head = {k: v for k, v in data.items() if k not in ("nodes", "edges")}
        lines = [json.dumps(head, **options)[:-1] + ","]
        for part, front in (("nodes", ("id",)), ("edges", ("source", "target", "key"))):
            items = [
                json.dumps({**{k: item[k] for k in front if k in item}, **item}, **options)
                for item in data[part]
            ]
            lines.append(f' "{part}": [')
            lines.append(",\n".join(items))
            lines.append(" ]," if part == "nodes" else " ]")
        lines.append("}")
    except ValueError as err:
        raise ValueError(
            f"[E212] write_json({os.fspath(path)!r}): {err}. JSON has no NaN or Infinity; "
            "replace those values with None or drop the attribute."
        ) from None
    text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", "\n".join(lines))
    with atomic_open(path) as fh:
        fh.write(text + "\n")


def read_json(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_json`.

    Parameters
    ----------
    path : str or os.PathLike
        A node-link JSON file.

    Returns
    -------
    nx.MultiDiGraph
        Or the graph class recorded in the file (``directed``, ``multigraph``).

    Raises
    ------
    ValueError
        If the file is not node-link JSON.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("n1", label="国务院", aliases=["国务院", "國務院"], mentions=3)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kg.json"
    >>> write_json(g, path)
    >>> dict(read_json(path).nodes(data=True)) == dict(g.nodes(data=True))
    True
    """
    with open(path, encoding="utf-8") as fh:
        try:
            data = json.load(fh)
        except json.JSONDecodeError as err:
            raise ValueError(
                f"[E213] {os.fspath(path)}:{err.lineno}: not JSON ({err.msg})."
            ) from None
    if not isinstance(data, dict) or not {"nodes", "edges"} <= data.keys():
        raise ValueError(
            f"[E214] {os.fspath(path)} is not node-link JSON with 'nodes' and 'edges'. "
            "Write it with policykg.graph.export.write_json."
        )
    return nx.node_link_graph(data, edges="edges")
