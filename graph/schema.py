"""The shape of the in-memory knowledge graph that every view and export reads.

The graph is an ``nx.MultiDiGraph`` whose edge keys are relation types.

Graph attributes
    ``documents``: ``{doc_id: {"title": str, "languages": [str], "date": str | None, "size": int}}``

Node id
    A short opaque string (``"n"`` + 12 hex digits) that is a valid XML NMTOKEN.

Node attributes
    ``label`` (str, display name), ``type`` (one of :data:`NODE_TYPES`),
    ``aliases`` (list of str, every surface form seen, label first),
    ``languages`` (list of str), ``documents`` (list of doc ids), ``mentions`` (int),
    ``evidence`` (list of evidence dicts, capped).

Edge attributes
    ``type`` (same as the key, one of :data:`EDGE_TYPES`), ``weight`` (int, number of
    supporting sentences), ``documents`` (list of doc ids), ``evidence`` (list of
    evidence dicts ``{"doc": str, "start": int, "end": int, "sentence": str}``, capped).
    Undirected relations (``CO_OCCURS``) are stored once, from the smaller node id.

Exports flatten lists to strings joined with :data:`LIST_SEPARATOR`; see ``export.py``.

Examples
--------
>>> "PERSON" in NODE_TYPES and "CO_OCCURS" in EDGE_TYPES
True
"""

from __future__ import annotations

__all__ = ["NODE_TYPES", "EDGE_TYPES", "UNDIRECTED_TYPES", "LIST_SEPARATOR", "TYPE_COLORS", "PAGE_MAX_NODES", "DEFAULT_EVIDENCE_CAP"]

NODE_TYPES = ("PERSON", "ORG", "PLACE", "WORK", "TERM")
EDGE_TYPES = ("CO_OCCURS", "AFFILIATED_WITH", "AUTHOR_OF", "SPEAKER_IN", "ALIAS_OF")
UNDIRECTED_TYPES = frozenset({"CO_OCCURS"})
LIST_SEPARATOR = " | "

#: How many of the most important nodes the page draws first (and lays out on their own);
#: the GEXF layout uses the same number so Gephi and the page show one picture.
PAGE_MAX_NODES = 1500
#: Evidence sentences kept per node and per edge (weights still count every sentence).
DEFAULT_EVIDENCE_CAP = 5

#: One colour per node type, shared by the page and the GEXF export.
TYPE_COLORS = {
    "PERSON": "#e15759",
    "ORG": "#4e79a7",
    "PLACE": "#59a14f",
    "WORK": "#b07aa1",
    "TERM": "#f28e2b",
}
