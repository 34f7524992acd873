"""Node order and coordinates for the HTML page, computed in Python so the page opens still.

The page draws with physics off, so every node needs a position before the browser sees
it. Nodes are ranked by importance (mentions, then degree); the first ``first`` of them
are laid out on their own, then the rest are laid out around them with those positions
fixed. Pressing "show more" on the page therefore adds nodes without moving any that are
already drawn.

Small graphs use networkx's Fruchterman-Reingold (``spring_layout``); larger ones use
igraph's grid-accelerated Fruchterman-Reingold, which is linear per iteration. Both are
seeded, so the same graph gives the same picture.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", mentions=5); g.add_node("b", mentions=1); g.add_node("c", mentions=1)
>>> g.add_edges_from([("a", "b", "CO_OCCURS"), ("c", "a", "CO_OCCURS")])
['CO_OCCURS', 'CO_OCCURS']
>>> rank_nodes(g)
['a', 'b', 'c']
>>> pos = compute_layout(g, rank_nodes(g), first=2)
>>> sorted(pos) == ["a", "b", "c"] and pos == compute_layout(g, rank_nodes(g), first=2)
True
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Hashable, Sequence

import networkx as nx
import numpy as np

from .forked import FORK_MIN_NODES, Forked
from .schema import PAGE_MAX_NODES

__all__ = ["mentions_of", "rank_nodes", "compute_layout", "start_layout", "PendingLayout", "fit_positions",
           "NODE_SPACING", "PAGE_MAX_NODES"]

#: Median distance from a node to its nearest neighbour in the finished layout, in
#: vis-network pixels. Scaling by crowding rather than edge length keeps hub-heavy
#: graphs from piling labels on top of each other.
NODE_SPACING = 100.0

# Up to this many nodes networkx's Fruchterman-Reingold is quick and looks good; from
# 500 nodes on networkx switches to a sparse solver that needs scipy.
_NX_MAX_NODES = 499
# Up to this many nodes igraph's exact Fruchterman-Reingold (all pairs repel) takes about
# a second; above it the grid variant, where only nearby nodes repel, keeps each
# iteration linear but packs leaves tightly around hubs (a 789-node story graph becomes one
# uniform blob where the exact layout shows each story's cluster).
_EXACT_MAX_NODES = 1500
# The exact layout's iterations: igraph's 500 up to this many nodes, half as many above. Each
# iteration costs n² and the temperature falls to zero over the iterations either way: on the
# 1,000-document scale corpus's 789-node component, 250 iterations (0.5 s instead of 1.0 s)
# gave clusters as distinct and as spread out.
_FULL_ITERATIONS_MAX_NODES = 500
# Nearest-neighbour distances are measured for at most this many nodes.
_SPACING_SAMPLE = 1000


def mentions_of(attrs: dict) -> int:
    """Return a node's ``mentions`` as an int; missing, negative or not a finite number gives 0.

    Examples
    --------
    >>> mentions_of({"mentions": 3}), mentions_of({}), mentions_of({"mentions": float("nan")})
    (3, 0, 0)
    """
    value = attrs.get("mentions")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return 0
    return max(int(value), 0)


def rank_nodes(g: nx.MultiDiGraph) -> list[Hashable]:
    """Return the node ids, most important first: by mentions, then degree, then id.

    Parameters
    ----------
    g : nx.MultiDiGraph
        A graph in the schema of ``graph/schema.py``; see :func:`mentions_of`.

    Returns
    -------
    list
        Every node exactly once; ties are broken by ``str(node)`` so the order is stable.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("x", {"mentions": 1}), ("y", {"mentions": 1}), ("z", {"mentions": 9})])
    >>> g.add_edge("y", "z")
    0
    >>> rank_nodes(g)
    ['z', 'y', 'x']
    """
    degree = dict(g.degree())
    return sorted(g.nodes, key=lambda n: (-mentions_of(g.nodes[n]), -degree[n], str(n)))


def compute_layout(
    g: nx.MultiDiGraph, order: Sequence[Hashable], *, first: int, seed: int = 7
) -> dict[Hashable, tuple[float, float]]:
    """Return ``{node: (x, y)}`` in pixels, laying out ``order[:first]`` before the rest.

    Parameters
    ----------
    g : nx.MultiDiGraph
        The graph; edge direction, keys and multiplicity are ignored.
    order : sequence
        All nodes of ``g``, most important first (see :func:`rank_nodes`).
    first : int
        How many leading nodes get a layout of their own; the others are placed around
        them without moving them.
    seed : int
        Seed for the starting positions and the layout's random choices.

    Returns
    -------
    dict
        Coordinates rounded to 0.1 px, centred on the first group, scaled so the median
        distance to the nearest other node is :data:`NODE_SPACING` pixels.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(nx.path_graph(3))
    >>> pos = compute_layout(g, [1, 0, 2], first=3)
    >>> [round(float(np.hypot(*np.subtract(pos[1], pos[k]))) / NODE_SPACING, 1) for k in (0, 2)]
    [1.0, 1.0]
    """
    n = len(order)
    if n == 0:
        return {}
    edges = np.array(_links(g, order), dtype=np.int64).reshape(-1, 2)
    first = max(1, min(first, n))
    use_nx = n <= _NX_MAX_NODES

    xy = _first_group(order[:first], edges[edges[:, 1] < first], use_nx=use_nx, seed=seed)
    if first < n:
        start = np.vstack([xy, np.zeros((n - first, 2))])
        _place_near_neighbours(start, first, edges)
        xy = _force_layout(n, edges, start, first, use_nx=use_nx, seed=seed)
    xy = xy - xy[:first].mean(axis=0)
    spacing = _median_nearest_distance(xy)
    xy *= NODE_SPACING / spacing if spacing > 0 else NODE_SPACING
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(order, xy)}


def start_layout(g: nx.MultiDiGraph, *, first: int, seed: int = 7) -> PendingLayout:
    """Start :func:`compute_layout` of ``g`` (nodes in :func:`rank_nodes` order); call the result for the positions.

    Where processes can be forked and there is more than one core, a large graph is laid out
    in a child process, so the caller can write the exports that need no positions meanwhile.
    The positions are those :func:`compute_layout` gives in this process; if the child fails,
    they are computed here. ``g`` must not change until the result is called or cancelled.
    The last layout is remembered with what it was computed from: a rebuild whose graph ranks
    and links its nodes as before (``kg build --watch`` after an edit that changed no entity)
    gets the same positions without computing them again.

    Examples
    --------
    >>> g = nx.MultiDiGraph(nx.path_graph(4))
    >>> start_layout(g, first=4)() == compute_layout(g, rank_nodes(g), first=4)
    True
    """
    order = rank_nodes(g)
    key = hashlib.sha1(repr((list(map(str, order)), _links(g, order), first, seed)).encode("utf-8")).hexdigest()
    if key == _last[0]:
        return PendingLayout(g, order, first, seed, background=False, known=dict(_last[1]))
    return PendingLayout(g, order, first, seed, background=len(g) >= FORK_MIN_NODES, key=key)


#: The last layout computed in this process: (a digest of what it was computed from, positions).
_last: list = [None, {}]


def _links(g: nx.MultiDiGraph, order: Sequence[Hashable]) -> list[tuple[int, int]]:
    """The pairs of linked nodes, as sorted ``(i, j)`` positions in ``order`` with ``i < j``; what
    :func:`compute_layout` reads of the edges (direction, keys, multiplicity and self-loops ignored)."""
    index = {node: i for i, node in enumerate(order)}
    return sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in g.edges() if u != v})


class PendingLayout:
    """A layout being computed (see :func:`start_layout`): call it for the positions, or cancel it."""

    def __init__(self, g: nx.MultiDiGraph, order: list[Hashable], first: int, seed: int, *, background: bool,
                 key: str | None = None, known: dict[Hashable, tuple[float, float]] | None = None) -> None:
        self._g, self._order, self._first, self._seed, self._key, self._known = g, order, first, seed, key, known
        self._job = None if known is not None else Forked(self._coordinates, background=background)

    @property
    def ready(self) -> bool:
        """Whether the positions are known already (remembered from the last build), so calling costs nothing."""
        return self._known is not None

    def done(self) -> bool:
        """Whether calling returns at once: the positions are known, or the child has computed them."""
        return self._known is not None or self._job.done()

    def _coordinates(self) -> tuple[list[tuple[float, float]], list]:
        xy = compute_layout(self._g, self._order, first=self._first, seed=self._seed)
        # node ids stay with the caller, which has the same order; the first group's layout goes
        # back too, to be remembered in the parent when this runs in a forked child
        return [xy[n] for n in self._order], list(_first_layout)

    def __call__(self) -> dict[Hashable, tuple[float, float]]:
        if self._known is None:
            coords, first = self._job.result()
            _first_layout[:] = first
            self._known = dict(zip(self._order, coords))
            if self._key is not None:
                _last[:] = [self._key, dict(self._known)]
        return self._known

    def cancel(self) -> None:
        """Stop the child process, if any (the caller failed before it needed the positions)."""
        if self._job is not None:
            self._job.cancel()


def fit_positions(
    pos: dict[Hashable, tuple[float, float]], *, half_width: float
) -> dict[Hashable, tuple[float, float]]:
    """Centre ``pos`` on the origin and scale it to fit ``[-half_width, half_width]²``.

    The aspect ratio is kept; a single point lands on the origin.

    Examples
    --------
    >>> fit_positions({"a": (0, 0), "b": (2, 1)}, half_width=10)
    {'a': (-10.0, -5.0), 'b': (10.0, 5.0)}
    """
    if not pos:
        return {}
    xs = [float(p[0]) for p in pos.values()]
    ys = [float(p[1]) for p in pos.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) / 2
    factor = half_width / extent if extent > 0 else 0.0
    return {n: ((float(p[0]) - cx) * factor, (float(p[1]) - cy) * factor) for n, p in pos.items()}


def _first_group(nodes: Sequence[Hashable], edges: np.ndarray, *, use_nx: bool, seed: int) -> np.ndarray:
    """:func:`_layout_group` of the first group, computed in the order of the nodes' ids, not their
    ranks: the picture depends only on which nodes are drawn first and how they are linked. An
    edit that changes mentions but no link (``kg build --watch``) reorders the ranks and finds the
    last layout of the same group in :data:`_first_layout`; a cold build computes the same one.

    >>> links = np.array([[0, 1], [1, 2]])  # x-y-z in one order, z-y-x in the other
    >>> a = _first_group(["x", "y", "z"], links, use_nx=True, seed=7)
    >>> b = _first_group(["z", "y", "x"], links, use_nx=True, seed=7)
    >>> bool(np.array_equal(a, b[::-1]))
    True
    """
    ids = [str(node) for node in nodes]
    canonical = sorted(range(len(ids)), key=ids.__getitem__)
    position = np.empty(len(ids), dtype=np.int64)
    position[canonical] = np.arange(len(ids))
    links = np.sort(position[edges], axis=1) if len(edges) else edges.reshape(-1, 2)
    links = links[np.lexsort((links[:, 1], links[:, 0]))] if len(links) else links
    key = hashlib.sha1(repr((sorted(ids), links.tolist(), use_nx, seed)).encode("utf-8")).hexdigest()
    if _first_layout[0] != key:
        xy = _layout_group(len(ids), links, np.random.default_rng(seed), use_nx=use_nx, seed=seed)
        _first_layout[:] = [key, xy]
    return _first_layout[1][position].copy()


#: The last first-group layout computed in this process: (a digest of the group and its links, coordinates
#: in the order of the nodes' ids).
_first_layout: list = [None, None]


def _layout_group(count: int, edges: np.ndarray, rng: np.random.Generator, *, use_nx: bool, seed: int) -> np.ndarray:
    """Lay out nodes ``0..count-1``: the largest component by force, the rest around it.

    In a force layout, small components and lone nodes drift to a wide circle and shrink
    the drawing; packing them in rows under the main component keeps the view tight, with
    each small component's nodes next to each other.
    """
    h = nx.Graph()
    h.add_nodes_from(range(count))
    h.add_edges_from(map(tuple, edges.tolist()))
    components = sorted((sorted(c) for c in nx.connected_components(h)), key=lambda c: (-len(c), c[0]))
    main = np.array(components[0]) if len(components[0]) > 2 else np.array([], dtype=int)
    xy = np.zeros((count, 2))
    spacing = 1.0
    if len(main):
        remap = np.full(count, -1)
        remap[main] = np.arange(len(main))
        inside = edges[(remap[edges] >= 0).all(axis=1)] if len(edges) else edges
        part = _force_layout(len(main), remap[inside], _random_start(len(main), rng), None, use_nx=use_nx, seed=seed)
        part -= part.mean(axis=0)
        xy[main] = part
        spacing = _median_nearest_distance(part) or 1.0
    rest = [i for c in components[1 if len(main) else 0:] for i in c]
    xy[rest] = _rows(len(rest), xy[main] if len(main) else np.zeros((1, 2)), spacing * 1.5)
    return xy


def _rows(k: int, above: np.ndarray, spacing: float) -> np.ndarray:
    """``k`` points in rows ``spacing`` apart, centred under the points ``above``.

    Rows are as wide as what is above them (at least ``sqrt(k)`` points), so leftovers form
    a compact block instead of a long arc.

    Examples
    --------
    >>> _rows(5, np.array([[0.0, 0.0], [2.0, 0.0]]), 1.0).tolist()
    [[0.0, 1.0], [1.0, 1.0], [2.0, 1.0], [0.0, 2.0], [1.0, 2.0]]
    """
    if k == 0:
        return np.zeros((0, 2))
    lo, hi = above.min(axis=0), above.max(axis=0)
    per_row = max(int((hi[0] - lo[0]) / spacing) + 1, math.ceil(math.sqrt(k)))
    i = np.arange(k)
    x = lo[0] + (hi[0] - lo[0]) / 2 + (i % per_row - (min(k, per_row) - 1) / 2) * spacing
    y = hi[1] + spacing * (1 + i // per_row)
    return np.column_stack([x, y])


def _spiral(k: int, radius: float, spacing: float) -> np.ndarray:
    """``k`` points ``spacing`` apart along an Archimedean spiral starting at ``radius``."""
    out = np.zeros((k, 2))
    theta = 0.0
    for i in range(k):
        r = radius + spacing * theta / (2 * np.pi)
        out[i] = (r * np.cos(theta), r * np.sin(theta))
        theta += spacing / max(r, spacing)
    return out


def _sunflower(k: int, spacing: float) -> np.ndarray:
    """Offsets of the ``k``-th point of a sunflower disc with ``spacing`` between points."""
    golden = np.pi * (3 - np.sqrt(5))
    r = spacing * np.sqrt(k + 1) * 0.6
    return np.array([r * np.cos(k * golden), r * np.sin(k * golden)])


def _median_nearest_distance(xy: np.ndarray) -> float:
    """Median over a sample of nodes of the distance to the nearest other node."""
    n = len(xy)
    if n < 2:
        return 0.0
    sample = xy[np.linspace(0, n - 1, min(n, _SPACING_SAMPLE)).astype(int)]
    nearest = []
    for chunk in np.array_split(sample, max(1, len(sample) // 100)):
        d = np.hypot(chunk[:, None, 0] - xy[None, :, 0], chunk[:, None, 1] - xy[None, :, 1])
        d[d == 0] = np.inf  # the node itself (and exact duplicates)
        nearest.append(d.min(axis=1))
    values = np.concatenate(nearest)
    values = values[np.isfinite(values)]
    return float(np.median(values)) if len(values) else 0.0


def _random_start(n: int, rng: np.random.Generator) -> np.ndarray:
    # igraph's grid variant puts cells of unit size; spreading the start over ~sqrt(n)
    # units keeps each cell sparse (a [-1, 1] start makes the grid quadratic).
    return rng.uniform(-1.0, 1.0, size=(n, 2)) * max(1.0, np.sqrt(n))


def _place_near_neighbours(xy: np.ndarray, first: int, edges: np.ndarray) -> None:
    """Start each unplaced node beside its most important placed neighbour, else outside.

    Nodes sharing a neighbour fill a sunflower disc around it, so a hub with thousands of
    leaves starts spread out rather than piled up (which also keeps igraph's grid fast).
    """
    n = len(xy)
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    spacing = 1.0  # igraph's natural edge length; the first group is fixed, so no rescaling
    radius = float(np.hypot(xy[:first, 0], xy[:first, 1]).max()) + spacing
    around: dict[int, int] = {}
    lonely = []
    for i in range(first, n):
        placed = [j for j in neighbours[i] if j < i]
        if placed:
            anchor = min(placed)
            xy[i] = xy[anchor] + _sunflower(around.get(anchor, 0), spacing)
            around[anchor] = around.get(anchor, 0) + 1
        else:
            lonely.append(i)
    if lonely:
        outside = float(np.hypot(xy[:, 0], xy[:, 1]).max()) + spacing
        xy[lonely] = _spiral(len(lonely), max(radius, outside), spacing)


def _force_layout(
    n: int, edges: np.ndarray, start: np.ndarray, fixed: int | None, *, use_nx: bool, seed: int
) -> np.ndarray:
    """Fruchterman-Reingold from ``start``; nodes ``0..fixed-1`` do not move."""
    if n == 1:
        return start.copy()
    if use_nx:
        h = nx.Graph()
        h.add_nodes_from(range(n))
        h.add_edges_from(map(tuple, edges.tolist()))
        pos = nx.spring_layout(
            h,
            pos={i: tuple(p) for i, p in enumerate(start)},
            fixed=list(range(fixed)) if fixed else None,
            seed=seed,
            k=1.0,  # the natural edge length, in the same units as ``start``
            scale=None,
            iterations=100,
        )
        return np.array([pos[i] for i in range(n)], dtype=float)
    import igraph as ig  # dev/optional dependency; only large graphs need it

    h = ig.Graph(n=n, edges=edges.tolist())
    bounds = {}
    if fixed:
        lo_x = [float(x) if i < fixed else -np.inf for i, x in enumerate(start[:, 0])]
        lo_y = [float(y) if i < fixed else -np.inf for i, y in enumerate(start[:, 1])]
        bounds = dict(minx=lo_x, maxx=[v if v > -np.inf else np.inf for v in lo_x],
                      miny=lo_y, maxy=[v if v > -np.inf else np.inf for v in lo_y])
    # Fewer iterations as graphs grow keeps a 20k-node layout to a few seconds.
    exact = n <= _EXACT_MAX_NODES
    niter = (500 if n <= _FULL_ITERATIONS_MAX_NODES else 250) if exact else int(max(50, min(250, 500 * 2000 / n)))
    previous = random.getstate()
    # python-igraph draws from Python's ``random`` module; seed it for a repeatable
    # picture and put the caller's state back afterwards.
    random.seed(seed)
    try:
        layout = h.layout_fruchterman_reingold(seed=start.tolist(), niter=niter, grid=not exact, **bounds)
    finally:
        random.setstate(previous)
    return np.array(layout.coords, dtype=float)
