"""File exports of the knowledge graph: GraphML, GEXF, JSON, CSV and Cypher.

This module is the public façade; each format lives in its own ``export_*`` module.
Every export except JSON writes the attributes of :func:`to_flat_graph`, so the same
values appear in every tool:

- nodes: ``label``, ``type``, ``aliases`` (joined with ``" | "``), ``languages``,
  ``documents`` (doc ids joined with ``" | "``), ``mentions`` (int), plus any other
  attribute, e.g. ``evidence``;
- edges: ``type``, ``weight`` (≥ 1), ``documents``, ``evidence`` (up to three
  ``"[doc] sentence"`` lines joined with ``" || "``), plus any other attribute;
- no value is ``None`` or a list, each attribute has one type, text is NFC without
  control characters, node ids are XML NMTOKENs, edge ids are ``e0``, ``e1`` …

JSON (:func:`write_json` / :func:`read_json`) is the lossless archive: lists, evidence
dicts and the graph's ``documents`` table are kept as they are.

Examples
--------
>>> import tempfile, pathlib, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_edge("n1", "n2", key="CO_OCCURS", type="CO_OCCURS", weight=1)
'CO_OCCURS'
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> for name, write in EXPORT_FORMATS.items():
...     _ = write(g, out / f"kg.{name}" if name != "csv" else out)
>>> sorted(p.name for p in out.iterdir())
['edges.csv', 'kg.cypher', 'kg.gexf', 'kg.graphml', 'kg.json', 'nodes.csv']
"""

from __future__ import annotations

from .export_csv import write_csv
from .export_cypher import write_cypher
from .export_flat import EVIDENCE_SEPARATOR, sanitize_text, to_flat_graph
from .export_gexf import write_gexf
from .export_graphml import write_graphml
from .export_json import read_json, write_json

__all__ = [
    "EXPORT_FORMATS",
    "EVIDENCE_SEPARATOR",
    "read_json",
    "sanitize_text",
    "to_flat_graph",
    "write_csv",
    "write_cypher",
    "write_gexf",
    "write_graphml",
    "write_json",
]

#: Format name -> writer. Each writer takes ``(graph, path)``; ``csv`` takes a folder
#: or a file-name prefix and returns the two paths, the others return ``None``.
EXPORT_FORMATS = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "json": write_json,
    "csv": write_csv,
    "cypher": write_cypher,
}
