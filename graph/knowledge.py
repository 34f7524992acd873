"""``KnowledgeGraph``: build or load a graph and ask it questions from Python or Jupyter.

The class is a thin facade. It holds the ``nx.MultiDiGraph`` (``.nx``) and a name index, turns
names into node ids (:mod:`policykg.graph.search`) and hands them to the read-only functions
of :mod:`policykg.graph.query`; exports and the page come from ``export.py`` and ``html.py``.
Wherever a node is expected you may pass its id, any of its names (any script, any case,
with or without diacritics) or a :class:`~policykg.graph.query.Node`.

Examples
--------
>>> kg = seeds_graph()                      # KnowledgeGraph.build([default_seed_dir()]), once
>>> kg.find("國務院") == kg.find("国务院")
True
>>> kg.find("Ho Chi Minh").label
'Hồ Chí Minh'
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from pathlib import Path

import networkx as nx

from . import query
from .query import Document, Evidence, Hop, Neighbor, Node, NodeNotFoundError
from .search import Match, NameIndex, known_names

__all__ = ["KnowledgeGraph", "GraphView", "seeds_graph"]

NodeLike = str | Node


class GraphView:
    """The interactive page of a graph, shown in Jupyter inside a sandboxed ``<iframe srcdoc>``.

    ``html`` is the complete page (every script inline, nothing fetched); ``height`` is
    the frame height in pixels.
    """

    def __init__(self, page: str, *, height: int = 600):
        self.html = page
        self.height = height

    def __repr__(self) -> str:
        return f"<GraphView: {len(self.html):,} characters of HTML; display it in Jupyter>"

    def _repr_html_(self) -> str:
        # no allow-same-origin: the page's scripts run in an opaque origin, away from the notebook
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
                f'style="width: 100%; height: {int(self.height)}px; border: 0" title="policy-kg graph"></iframe>')


class KnowledgeGraph:
    """A knowledge graph with lookups by name, neighbourhoods, evidence, paths and rankings.

    Parameters
    ----------
    graph : nx.MultiDiGraph
        A graph in the schema of ``graph/schema.py``; kept as is (not copied).
    report : dict, optional
        The build report, when the graph was just built.
    lexicon_paths : sequence of str
        Extra lexicons the graph was built with; their concepts' names become searchable.
    """

    def __init__(self, graph: nx.MultiDiGraph, *, report: dict | None = None, lexicon_paths: Sequence[str] = ()):
        self._g = graph
        self._report = report
        self._lexicon_paths = tuple(map(str, lexicon_paths))

    @classmethod
    def build(cls, paths: Sequence[str | os.PathLike] | str | os.PathLike, **options) -> KnowledgeGraph:
        """Build the graph of the documents under ``paths`` (files or folders).

        ``options`` go to :func:`~policykg.graph.run.build_corpus`: ``lexicon_paths``,
        ``limits``, ``evidence_cap``, ``progress``, ``log``.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.txt").write_text("国务院和中国科学院发布报告。", encoding="utf-8")
        >>> kg = KnowledgeGraph.build(d, progress=False, log=lambda msg: None)
        >>> kg.report["documents"]["built"], len(kg)
        (1, 2)
        """
        from .run import build_corpus

        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        g, report = build_corpus(list(paths), **options)
        return cls(g, report=report, lexicon_paths=options.get("lexicon_paths", ()))

    @classmethod
    def load(cls, path: str | os.PathLike = "output/graph.json", *,
             lexicon_paths: Sequence[str] = ()) -> KnowledgeGraph:
        """Load a ``graph.json`` written by ``kg build`` or :meth:`export`.

        Raises
        ------
        FileNotFoundError
            If ``path`` does not exist.
        ValueError
            If it is not node-link JSON.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
        >>> _ = seeds_graph().export(path)
        >>> KnowledgeGraph.load(path).find("國務院").id
        'n1c4638a0eae8'
        """
        if not Path(path).is_file():
            raise FileNotFoundError(
                f"{os.fspath(path)} not found; run `kg build` first or give the path of a graph.json.")
        from .export import read_json

        return cls(read_json(path), lexicon_paths=lexicon_paths)

    @property
    def nx(self) -> nx.MultiDiGraph:
        """The ``networkx`` graph itself (not a copy); rebuild the facade after changing it.

        Examples
        --------
        >>> g = seeds_graph().nx
        >>> type(g).__name__, g.nodes["n1c4638a0eae8"]["type"]
        ('MultiDiGraph', 'ORG')
        """
        return self._g

    @property
    def report(self) -> dict | None:
        """The build report of :meth:`build` (see ``build-report.json``); None for a loaded graph.

        Examples
        --------
        >>> seeds_graph().report["documents"]["failed"], KnowledgeGraph(seeds_graph().nx).report
        ([], None)
        """
        return self._report

    @cached_property
    def _index(self) -> NameIndex:
        return NameIndex(self._g, known=known_names(self._g, lexicon_paths=self._lexicon_paths))

    def _id(self, x: NodeLike) -> str:
        if isinstance(x, Node):
            if x.id in self._g:
                return x.id
            raise NodeNotFoundError(x.id, f"{x!r} is not in this graph; look it up by name with find().")
        if not isinstance(x, str):
            raise TypeError(f"expected a node id, a name or a Node, not {type(x).__name__}.")
        return self._index.resolve(x)

    def __len__(self) -> int:
        return self._g.number_of_nodes()

    def __contains__(self, x: object) -> bool:
        return isinstance(x, (str, Node)) and bool(self._index.exact(x if isinstance(x, str) else x.id))

    def __repr__(self) -> str:
        docs = len(self._g.graph.get("documents") or {})
        return f"<KnowledgeGraph: {len(self)} nodes, {self._g.number_of_edges()} edges, {docs} documents>"

    def find(self, name: str) -> Node:
        """Return the node named ``name``: its id or any alias, any script, any case, diacritics optional.

        Names from the lexicon and CLDR count too (``capitalism`` finds 资本主义). When
        several nodes share the name (a TERM and a WORK, say) the most mentioned wins;
        :meth:`search` lists them all.

        Raises
        ------
        NodeNotFoundError
            (a ``LookupError``) if nothing matches exactly; the message names the closest
            nodes and ``.suggestions`` holds them as ranked :class:`Match` objects.

        Examples
        --------
        >>> kg = seeds_graph()
        >>> kg.find("國務院").id, kg.find("CAPITALISM").label, kg.find("越南").label
        ('n1c4638a0eae8', '资本主义', 'Việt Nam')
        """
        return query.node_view(self._g, self._id(name))

    def search(self, name: str, *, limit: int = 10, cutoff: float = 0.6) -> list[Match]:
        """Return ranked matches for ``name``: exact ones (score 1.0) first, then fuzzy ones.

        Examples
        --------
        >>> [(m.node.label, m.score) for m in seeds_graph().search("Hô Chi Mihn", limit=1)]
        [('Hồ Chí Minh', 0.889)]
        """
        return self._index.search(name, limit=limit, cutoff=cutoff)

    def neighbors(self, x: NodeLike, *, type: str | Iterable[str] | None = None, min_weight: int = 1) -> list[Neighbor]:
        """Return the nodes related to ``x`` by any relation, either direction, strongest first.

        ``type`` keeps neighbours of that node type (or types); ``min_weight`` ignores
        relations with fewer supporting sentences.

        Examples
        --------
        >>> people = seeds_graph().neighbors("马克思", type="PERSON")
        >>> "恩格斯" in [nb.node.label for nb in people], {nb.node.type for nb in people}
        (True, {'PERSON'})
        """
        return query.neighbors(self._g, self._id(x), types=type, min_weight=min_weight)

    def evidence(self, x: NodeLike, y: NodeLike) -> list[Evidence]:
        """Return the sentences (document, offsets) of every relation between ``x`` and ``y``.

        Examples
        --------
        >>> ev = seeds_graph().evidence("马克思", "恩格斯")
        >>> ev[0].relation, ev[0].doc[:3], "马克思" in ev[0].sentence
        ('CO_OCCURS', '000', True)
        """
        return query.evidence(self._g, self._id(x), self._id(y))

    def documents(self, x: NodeLike) -> list[Document]:
        """Return the documents that mention ``x``, with title, languages and date.

        Examples
        --------
        >>> [(d.id[:3], d.date) for d in seeds_graph().documents("Việt Nam")]
        [('003', '2024-11-08')]
        """
        return query.documents(self._g, self._id(x))

    def path(self, x: NodeLike, y: NodeLike, *, min_weight: int = 1) -> list[Hop]:
        """Return the shortest path from ``x`` to ``y``, each hop with its relations and evidence.

        Raises
        ------
        NoPathError
            (a ``networkx.NetworkXNoPath``) if they are not connected.

        Examples
        --------
        >>> hops = seeds_graph().path("马克思", "恩格斯")
        >>> [(h.source.label, h.target.label) for h in hops]
        [('马克思', '恩格斯')]
        """
        return query.shortest_path(self._g, self._id(x), self._id(y), min_weight=min_weight)

    def central(self, k: int = 10, *, by: str = "pagerank") -> list[tuple[Node, float]]:
        """Return the ``k`` most central nodes and their scores; ``by`` is pagerank, degree, betweenness or mentions.

        Examples
        --------
        >>> [(n.label, score) for n, score in seeds_graph().central(2, by="mentions")]
        [('社會組織', 137), ('權力清單制度', 90)]
        """
        return query.central(self._g, k, by=by)

    def communities(self, *, resolution: float = 1.0, seed: int = 0) -> list[list[Node]]:
        """Return Louvain communities (fixed ``seed``: the same every run), largest first.

        Examples
        --------
        >>> parts = seeds_graph().communities()
        >>> parts == seeds_graph().communities(), sum(map(len, parts)) == len(seeds_graph())
        (True, True)
        """
        return query.communities(self._g, resolution=resolution, seed=seed)

    def subgraph(self, *, types: str | Iterable[str] | None = None, languages: str | Iterable[str] | None = None,
                 documents: str | Iterable[str] | None = None, min_weight: int = 1,
                 drop_isolates: bool = False) -> KnowledgeGraph:
        """Return a new KnowledgeGraph of the nodes and edges that pass every filter given.

        See :func:`policykg.graph.query.subgraph` for what each filter keeps.

        Examples
        --------
        >>> people = seeds_graph().subgraph(types="PERSON", languages="zh-Hant")
        >>> {n.type for n, _ in people.central(100, by="mentions")}
        {'PERSON'}
        """
        g = query.subgraph(self._g, types=types, languages=languages, documents=documents, min_weight=min_weight,
                           drop_isolates=drop_isolates)
        return KnowledgeGraph(g, lexicon_paths=self._lexicon_paths)

    def stats(self) -> dict:
        """Return counts by node type, relation and language, documents, density and components.

        Examples
        --------
        >>> s = seeds_graph().stats()
        >>> s["documents"], sorted(s["types"])
        (5, ['ORG', 'PERSON', 'PLACE', 'TERM', 'WORK'])
        """
        return query.stats(self._g)

    def export(self, path: str | os.PathLike, *, format: str | None = None) -> list[Path]:
        """Write the graph as graphml, gexf, json, csv or cypher; return the files written.

        ``format`` defaults to the suffix of ``path``; ``csv`` writes ``nodes.csv`` and
        ``edges.csv`` into the folder ``path`` (or with ``path`` as a file-name prefix).

        Raises
        ------
        ValueError
            If the format is unknown.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> out = pathlib.Path(tempfile.mkdtemp())
        >>> [p.name for p in seeds_graph().export(out / "kg.graphml")]
        ['kg.graphml']
        >>> sorted(p.name for p in seeds_graph().export(out, format="csv"))
        ['edges.csv', 'nodes.csv']
        """
        from .export import EXPORT_FORMATS

        fmt = format or Path(path).suffix.lstrip(".").lower()
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"cannot tell the export format of {os.fspath(path)!r}; "
                             f"pass format= one of {', '.join(EXPORT_FORMATS)}.")
        written = EXPORT_FORMATS[fmt](self._g, path)
        return [Path(p) for p in written] if written else [Path(path)]

    def show(self, *, title: str = "policy-kg", max_nodes: int = 300, script: str = "original",
             height: int = 600) -> GraphView:
        """Return the interactive page (graph/html.py) for Jupyter; nothing is loaded from the network.

        Examples
        --------
        >>> frame = seeds_graph().subgraph(types="PERSON").show(title="People")._repr_html_()
        >>> frame.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;'), "<script" in frame
        (True, False)
        """
        from .html import page_html

        return GraphView(page_html(self._g, title=title, max_nodes=max_nodes, script=script), height=height)

    def _repr_html_(self) -> str:
        return self.show()._repr_html_()


def seeds_graph() -> KnowledgeGraph:
    """Return the graph of the embedded seed corpus, built once per process (for examples and tests).

    The instance is shared: read it, don't change it.

    Examples
    --------
    >>> seeds_graph() is seeds_graph(), seeds_graph().report["documents"]["built"]
    (True, 5)
    """
    if __name__ != "policykg.graph.knowledge":
        # pytest --doctest-modules imports this file a second time as ``graph.knowledge``;
        # both copies share the build of the installed module
        from policykg.graph.knowledge import seeds_graph as installed

        return installed()
    return _build_seeds_graph()


@lru_cache(maxsize=1)
def _build_seeds_graph() -> KnowledgeGraph:
    from .cli import default_seed_dir

    return KnowledgeGraph.build([default_seed_dir()], progress=False, log=lambda msg: None)
