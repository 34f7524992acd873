"""Flatten the knowledge graph into plain, XML-safe attributes for the file exports.

GraphML, GEXF, CSV and Cypher can only hold scalars, and the tools that read them are
strict in ways networkx is not: Gephi and igraph split one attribute name written with
``int``, ``float`` and ``str`` values into three columns (igraph refuses the file), a
form feed copied from a PDF makes the XML malformed, and an NFD spelling of a
Vietnamese name shows as a second entity. :func:`to_flat_graph` fixes all of that once,
so every export writes the same values.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("n1", label="Hồ Chí Minh", type="PERSON", aliases=["Hồ Chí Minh", "Bác Hồ"],
...            mentions=2)
>>> flat = to_flat_graph(g)
>>> flat.nodes["n1"]["aliases"]
'Hồ Chí Minh | Bác Hồ'
"""

from __future__ import annotations

import json
import math
import numbers
import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping

import networkx as nx

from .schema import LIST_SEPARATOR

__all__ = [
    "EVIDENCE_SEPARATOR",
    "NODE_COLUMNS",
    "EDGE_COLUMNS",
    "sanitize_text",
    "to_nmtoken",
    "render_evidence",
    "to_flat_graph",
    "attribute_names",
    "iter_edges",
]

#: Joins the rendered evidence sentences of one node or edge.
EVIDENCE_SEPARATOR = " || "
#: Node attributes every flat node has, in column order.
NODE_COLUMNS = ("label", "type", "aliases", "languages", "documents", "mentions")
#: Edge attributes every flat edge has, in column order.
EDGE_COLUMNS = ("type", "weight", "documents", "evidence")

# Characters XML 1.0 forbids (C0 controls except tab/newline/CR, surrogates, U+FFFE/FFFF)
# plus DEL and the C1 controls, which XML allows but no viewer shows.
_INVALID_XML = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# Controls that separate words in PDFs (vertical tab, form feed, file/group/record/unit
# separators, NEL) become a space rather than gluing two words together.
_SPACE_LIKE = str.maketrans({c: " " for c in "\x0b\x0c\x1c\x1d\x1e\x1f\x85"})
# Anything sanitize_text would change apart from NFC: controls but tab and newline, CR,
# surrogates, U+FFFE/U+FFFF.
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# A subset of the NMTOKEN characters shared by XML 1.0 4th and 5th editions (libxml2
# validates with the 4th): ASCII name characters, Latin letters with the diacritics
# Vietnamese uses, and the CJK Unified Ideographs block.
_NOT_NMTOKEN = re.compile(
    "[^A-Za-z0-9._\\-"
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u0131\u0134-\u013e\u0141-\u0148\u014a-\u017e"
    "\u0180-\u01c3\u01cd-\u01f0\u01f4\u01f5\u01fa-\u0217"
    "\u1e00-\u1e9b\u1ea0-\u1ef9\u4e00-\u9fa5]"
)
_INT64 = (-(2**63), 2**63 - 1)


def sanitize_text(text: str) -> str:
    """Return ``text`` as NFC with XML-invalid and control characters removed.

    Vertical tab, form feed and the ASCII separators become a space; ``\\r\\n`` and
    ``\\r`` become ``\\n``; tab and newline are kept. The result is always valid in
    XML 1.0 and sanitizing twice changes nothing.

    Examples
    --------
    >>> sanitize_text("Ho\\u0302\\u0300 Chi\\u0301 Minh\\x0cpage\\x01 2\\r\\n")
    'Hồ Chí Minh page 2\\n'
    """
    if _SUSPECT.search(text) is None:  # the common case, ten times faster
        return unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACE_LIKE)
    # NFC last: removing a control character can bring a letter and its combining mark
    # together, and they must then compose.
    return unicodedata.normalize("NFC", _INVALID_XML.sub("", text))


def to_nmtoken(text: str) -> str:
    """Return ``text`` made into an XML NMTOKEN that every GraphML reader accepts.

    Characters outside a conservative NMTOKEN set become ``_``; an empty result is
    ``"_"``. Not injective: callers that need unique tokens must de-duplicate.

    Examples
    --------
    >>> to_nmtoken("Hồ Chí Minh"), to_nmtoken("国务院"), to_nmtoken("")
    ('Hồ_Chí_Minh', '国务院', '_')
    """
    return _NOT_NMTOKEN.sub("_", sanitize_text(text)) or "_"


def render_evidence(item: object) -> str:
    """Render one evidence record as ``"[doc] sentence"`` on a single line.

    ``item`` is an evidence dict (``{"doc", "start", "end", "sentence"}``) or an object
    with ``doc_id`` and ``sentence`` attributes (``extractors.records.Evidence``).

    Examples
    --------
    >>> render_evidence({"doc": "b.vi.txt", "start": 0, "end": 9, "sentence": "Hà Nội\\nlà thủ đô"})
    '[b.vi.txt] Hà Nội là thủ đô'
    """
    if isinstance(item, Mapping):
        doc, sentence = item.get("doc", item.get("doc_id")), item.get("sentence", "")
    else:
        doc, sentence = getattr(item, "doc_id", None), getattr(item, "sentence", "")
    line = " ".join(sanitize_text(str(sentence)).split())
    return f"[{sanitize_text(str(doc))}] {line}" if doc not in (None, "") else line


def _is_evidence(value: object) -> bool:
    if type(value) is str:  # most list items (names, documents): no need for the ABC check below
        return False
    if isinstance(value, Mapping):
        return "sentence" in value
    return hasattr(value, "sentence") and hasattr(value, "doc_id")


def _text(value: object) -> str:
    """Render any value as sanitized text (bools as ``true``/``false``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return sanitize_text(value)
    if _is_evidence(value):
        return render_evidence(value)
    if isinstance(value, Mapping):
        return sanitize_text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))
    return sanitize_text(str(value))


def _scalar(value: object, *, max_evidence: int) -> bool | int | float | str | None:
    """Flatten one attribute value; ``None`` means: drop the attribute."""
    kind = type(value)
    if kind is str:
        return sanitize_text(value)
    if value is None:
        return None
    if kind is bool or kind is int:
        return value
    if isinstance(value, str):
        return sanitize_text(str(value))
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        if abs(number) < sys.float_info.min:  # subnormal: igraph's reader calls it underflow
            return math.copysign(0.0, number)
        return number if math.isfinite(number) else None
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        items = [v for v in items if v is not None]
        if items and all(_is_evidence(v) for v in items):
            return EVIDENCE_SEPARATOR.join(render_evidence(v) for v in items[:max_evidence])
        return LIST_SEPARATOR.join(_text(v) for v in items)
    return _text(value)


def _number(value: object) -> float | None:
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = float(value)
    else:
        try:
            number = float(str(value))
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def _unique_tokens(names: list[str]) -> list[str]:
    """Return one distinct NMTOKEN per name, aligned with ``names``.

    Names that already are tokens keep their spelling; the others get
    :func:`to_nmtoken` with ``-2``, ``-3`` … appended on a clash.
    """
    tokens = [name if to_nmtoken(name) == name else None for name in names]
    taken = {t for t in tokens if t is not None}
    if len(taken) != sum(t is not None for t in tokens):  # "1" and 1: same string twice
        tokens, taken = [None] * len(names), set()
    for i, name in enumerate(names):
        if tokens[i] is None:
            token = candidate = to_nmtoken(name)
            suffix = 1
            while candidate in taken:
                suffix += 1
                candidate = f"{token}-{suffix}"
            taken.add(candidate)
            tokens[i] = candidate
    return tokens


def _flatten_attrs(
    items: list[dict], *, max_evidence: int, required: Mapping[str, object] = {}
) -> list[dict]:
    """Flatten every dict in ``items``, give each key one Python type, fill ``required``."""
    raw = list(dict.fromkeys(k for attrs in items for k in attrs))
    names = dict(zip(raw, _unique_tokens([str(k) for k in raw]), strict=True))
    flat = []
    for attrs in items:
        row = {}
        for key, value in attrs.items():
            value = _scalar(value, max_evidence=max_evidence)
            if value is not None:
                row[names[key]] = value
        flat.append(row)
    kinds: dict[str, set[type]] = {key: {type(value)} for key, value in required.items()}
    for row in flat:
        for key, value in row.items():
            big = isinstance(value, int) and not _INT64[0] <= value <= _INT64[1]
            kinds.setdefault(key, set()).add(str if big else type(value))
    for key, seen in kinds.items():
        target = seen.pop() if len(seen) == 1 else float if seen == {int, float} else str
        default = required.get(key)
        for row in flat:
            if key not in row and key in required:
                row[key] = default
            if key in row and type(row[key]) is not target:
                row[key] = float(row[key]) if target is float else _text(row[key])
    return [{**{key: row[key] for key in required}, **row} for row in flat]


def to_flat_graph(g: nx.Graph, *, max_evidence: int = 3) -> nx.MultiDiGraph:
    """Return a copy of ``g`` whose attributes are all ``str``, ``int``, ``float`` or ``bool``.

    - Lists become text joined with :data:`~policykg.graph.schema.LIST_SEPARATOR`;
      evidence lists become ``"[doc] sentence"`` lines joined with
      :data:`EVIDENCE_SEPARATOR` (at most ``max_evidence``); other dicts become JSON.
    - ``None`` and non-finite floats are dropped, subnormal floats become 0.0 (igraph
      cannot parse them); text goes through
      :func:`sanitize_text` (NFC, no control characters).
    - Each attribute name has one type across all nodes (resp. edges, graph): mixed
      ``int``/``float`` become ``float``, any other mix becomes ``str``.
    - Every node has :data:`NODE_COLUMNS` (an empty ``label`` becomes the node id,
      ``mentions`` is an ``int``); every edge has :data:`EDGE_COLUMNS` (``type``
      defaults to the edge key, ``weight`` is a number ≥ 1, as Gephi drops weight 0).
    - Node ids and attribute names become unique NMTOKENs (:func:`to_nmtoken`);
      schema ids (``"n"`` + hex digits) are kept as they are.

    Parameters
    ----------
    g : nx.Graph
        A graph in the shape of ``graph/schema.py``; it is not modified.
    max_evidence : int, keyword-only
        How many evidence sentences to keep per node or edge.

    Returns
    -------
    nx.MultiDiGraph
        Edge keys are kept; edge order is that of ``g.edges``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="CO_OCCURS", weight=0,
    ...            evidence=[{"doc": "d1", "start": 0, "end": 4, "sentence": "a\\x0cb"}])
    'CO_OCCURS'
    >>> flat = to_flat_graph(g)
    >>> flat.edges["a", "b", "CO_OCCURS"]
    {'type': 'CO_OCCURS', 'weight': 1, 'documents': '', 'evidence': '[d1] a b'}
    >>> flat.nodes["a"]
    {'label': 'a', 'type': '', 'aliases': '', 'languages': '', 'documents': '', 'mentions': 0}
    """
    ids = dict(zip(g.nodes, _unique_tokens([str(n) for n in g.nodes]), strict=True))
    node_rows = []
    for attrs in g.nodes.values():
        row = dict(attrs)
        mentions = _number(row.get("mentions", 0))
        row["mentions"] = int(mentions) if mentions is not None else 0
        node_rows.append(row)
    if g.is_multigraph():
        edges = list(g.edges(keys=True, data=True))
    else:
        edges = [(u, v, None, d) for u, v, d in g.edges(data=True)]
    edge_rows = []
    for _, _, key, attrs in edges:
        row = dict(attrs)
        if row.get("type") in (None, "") and key is not None:
            row["type"] = str(key)
        weight = _number(row.get("weight", 1))
        weight = 1.0 if weight is None or weight < 1 else weight
        row["weight"] = int(weight) if weight.is_integer() else weight
        edge_rows.append(row)

    flat = nx.MultiDiGraph()
    (graph_attrs,) = _flatten_attrs([dict(g.graph)], max_evidence=max_evidence)
    flat.graph.update(graph_attrs)
    node_defaults = {**dict.fromkeys(NODE_COLUMNS, ""), "mentions": 0}
    node_rows = _flatten_attrs(node_rows, max_evidence=max_evidence, required=node_defaults)
    for n, row in zip(g.nodes, node_rows, strict=True):
        if row["label"] == "":  # also when sanitizing emptied it
            row["label"] = sanitize_text(str(n))
        flat.add_node(ids[n], **row)
    edge_defaults = {**dict.fromkeys(EDGE_COLUMNS, ""), "weight": 1}
    edge_rows = _flatten_attrs(edge_rows, max_evidence=max_evidence, required=edge_defaults)
    for (u, v, key, _), row in zip(edges, edge_rows, strict=True):
        flat.add_edge(ids[u], ids[v], key=key, **row)
    return flat


def attribute_names(flat: nx.MultiDiGraph, kind: str) -> list[str]:
    """Return the attribute names of ``"node"``, ``"edge"`` or ``"graph"`` in column order.

    The contract columns come first (:data:`NODE_COLUMNS` / :data:`EDGE_COLUMNS`),
    then the others sorted by name.

    Examples
    --------
    >>> import networkx as nx
    >>> flat = to_flat_graph(nx.MultiDiGraph([("a", "b", {"role": "chair"})]))
    >>> attribute_names(flat, "edge")
    ['type', 'weight', 'documents', 'evidence', 'role']
    """
    if kind == "graph":
        return sorted(flat.graph)
    rows = flat.nodes.values() if kind == "node" else (d for *_, d in flat.edges(data=True))
    first = NODE_COLUMNS if kind == "node" else EDGE_COLUMNS
    seen = set().union(*(row.keys() for row in rows))
    return [c for c in first if c in seen] + sorted(seen.difference(first))


def iter_edges(flat: nx.MultiDiGraph) -> Iterator[tuple[str, str, str, object, dict]]:
    """Yield ``(edge_id, source, target, key, attrs)``; ids are ``e0``, ``e1`` … in edge order.

    Every export numbers edges this way, so ``e3`` in the GraphML file is ``e3`` in
    ``edges.csv`` and in Neo4j.

    Examples
    --------
    >>> import networkx as nx
    >>> flat = to_flat_graph(nx.MultiDiGraph([("a", "b", "X"), ("a", "b", "Y")]))
    >>> [(e, k) for e, _, _, k, _ in iter_edges(flat)]
    [('e0', 'X'), ('e1', 'Y')]
    """
    for i, (u, v, key, attrs) in enumerate(flat.edges(keys=True, data=True)):
        yield f"e{i}", u, v, key, attrs
