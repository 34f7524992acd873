"""Seeded node positions for the GEXF export, fast enough for large graphs.

Small graphs use networkx's ``spring_layout``. Its force and energy methods compute
every pairwise repulsion, O(n²) per iteration, so above :data:`SPRING_MAX_NODES` we run
Fruchterman–Reingold with far repulsion from an FFT over a density grid and near
repulsion from a k-d tree (a particle-mesh scheme): O(n log n + m) per iteration,
about 3 s for 20,000 nodes. A cut-off repulsion alone (the "grid" variant) lets big
graphs collapse into a dense ball. Both are seeded: same graph, same positions.

Examples
--------
>>> import networkx as nx
>>> pos = compute_layout(nx.path_graph(4), seed=1)
>>> pos == compute_layout(nx.path_graph(4), seed=1), sorted(pos)
(True, [0, 1, 2, 3])
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx

__all__ = ["SPRING_MAX_NODES", "compute_layout", "mesh_layout", "fit_positions"]

#: Largest graph laid out with ``nx.spring_layout``; bigger ones use :func:`mesh_layout`.
#: networkx switches to its O(n²)-per-step energy method at 500 nodes (~6 s for 1,000).
SPRING_MAX_NODES = 499
_MAX_GRID = 256  # density grid cells per side; the FFT stays a few milliseconds


def _add_pairwise(disp, i, j, force, n: int) -> None:
    """Add ``force`` to nodes ``i`` and subtract it from nodes ``j`` (vectorised)."""
    import numpy as np

    for axis in range(2):
        disp[:, axis] += np.bincount(i, force[:, axis], minlength=n)
        disp[:, axis] -= np.bincount(j, force[:, axis], minlength=n)


def _mesh_repulsion(pos):
    """Repulsion k²/d from every node on every node, through an FFT on a density grid."""
    import numpy as np
    from scipy.signal import fftconvolve

    low = pos.min(axis=0) - 1.0
    span = float((pos.max(axis=0) + 1.0 - low).max())
    size = int(min(_MAX_GRID, max(8, math.ceil(span))))
    cell = span / size
    idx = np.minimum(((pos - low) / cell).astype(np.int64), size - 1)
    flat_idx = idx[:, 0] * size + idx[:, 1]
    density = np.bincount(flat_idx, minlength=size * size).reshape(size, size).astype(float)
    offsets = np.arange(-size + 1, size) * cell
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = dx**2 + dy**2 + cell**2  # softened, so a node does not push itself
    field_x = fftconvolve(density, dx / r2, mode="same").ravel()
    field_y = fftconvolve(density, dy / r2, mode="same").ravel()
    return np.column_stack([field_x[flat_idx], field_y[flat_idx]])


def mesh_layout(
    n: int,
    edges: list[tuple[int, int]],
    *,
    seed: int = 0,
    iterations: int = 60,
) -> list[tuple[float, float]]:
    """Lay out nodes ``0 … n-1`` with Fruchterman–Reingold forces; ideal edge length 1.

    Far repulsion comes from a density grid convolved by FFT, near repulsion (closer
    than 1) from a k-d tree, attraction from the edges, so each iteration costs
    O(n log n + m) instead of O(n²). Displacements are capped by a linearly cooling
    temperature.

    Parameters
    ----------
    n : int
        Number of nodes.
    edges : list of (int, int)
        Node index pairs; direction and repeats are ignored, self-loops skipped.
    seed : int, keyword-only
        Seeds the initial positions.
    iterations : int, keyword-only
        Number of cooling steps.

    Returns
    -------
    list of (float, float)
        Position of node ``i`` at index ``i``.

    Examples
    --------
    >>> pos = mesh_layout(3, [(0, 1), (1, 2)], seed=0)
    >>> len(pos), pos == mesh_layout(3, [(0, 1), (1, 2)], seed=0)
    (3, True)
    """
    import numpy as np
    from scipy.spatial import cKDTree

    if n == 0:
        return []
    side = math.sqrt(n)  # area n for ideal distance k = 1
    pos = np.random.default_rng(seed).uniform(0.0, side, size=(n, 2))
    pairs = np.array([(u, v) for u, v in edges if u != v], dtype=np.int64).reshape(-1, 2)
    src, dst = pairs[:, 0], pairs[:, 1]
    temperature = side / 10.0
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = _mesh_repulsion(pos)
        tree = cKDTree(pos, balanced_tree=False, compact_nodes=False)
        close = tree.query_pairs(r=1.0, output_type="ndarray")
        if len(close):
            delta = pos[close[:, 0]] - pos[close[:, 1]]
            dist2 = np.maximum((delta**2).sum(axis=1), 1e-6)
            _add_pairwise(disp, close[:, 0], close[:, 1], delta / dist2[:, None], n)
        if len(src):
            delta = pos[src] - pos[dst]
            pull = delta * np.sqrt((delta**2).sum(axis=1))[:, None]  # magnitude d²/k
            _add_pairwise(disp, dst, src, pull, n)
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return [(float(x), float(y)) for x, y in pos]


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


def compute_layout(g: nx.Graph, *, seed: int = 0) -> dict[Hashable, tuple[float, float]]:
    """Return deterministic 2-D positions for every node of ``g``.

    Edge direction, keys and weights are ignored (a relation seen 500 times would
    otherwise pull its nodes into one point). Up to :data:`SPRING_MAX_NODES` nodes use
    ``nx.spring_layout(seed=seed)``, larger graphs :func:`mesh_layout`.

    Parameters
    ----------
    g : nx.Graph
        Any networkx graph.
    seed : int, keyword-only
        Same seed, same graph: same positions.

    Returns
    -------
    dict
        ``{node: (x, y)}``, in the units of the algorithm (roughly ``[-1, 1]`` for
        spring layout, about ``sqrt(n)`` wide for the mesh layout); see :func:`fit_positions`.

    Examples
    --------
    >>> import networkx as nx
    >>> pos = compute_layout(nx.MultiDiGraph([(0, 1), (1, 2), (1, 2)]), seed=3)
    >>> sorted(pos), all(len(p) == 2 for p in pos.values())
    ([0, 1, 2], True)
    """
    simple = nx.Graph()
    simple.add_nodes_from(g)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    if len(simple) <= SPRING_MAX_NODES:
        pos = nx.spring_layout(simple, seed=seed, weight=None)
        return {n: (float(p[0]), float(p[1])) for n, p in pos.items()}
    index = {n: i for i, n in enumerate(simple)}
    xy = mesh_layout(len(index), [(index[u], index[v]) for u, v in simple.edges()], seed=seed)
    return dict(zip(simple, xy, strict=True))
