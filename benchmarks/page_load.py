"""How fast the HTML page opens: render random graphs, load them in headless chromium.

For each size the page is rendered twice: with the default ``max_nodes`` (the page opens
on the most mentioned nodes) and with every node shown. "first draw" is the time from
navigation start to vis-network's first ``afterDrawing`` event (``window.kgFirstDraw``),
the median of ``--repeat`` loads in fresh pages.

Run::

    python benchmarks/page_load.py                    # 200, 1k, 5k, 20k nodes
    python benchmarks/page_load.py --sizes 1000 --repeat 5 --keep out/

Targets: first draw <= 2 s at 1k nodes and <= 5 s at 20k nodes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from browser import launch_browser, make_random_graph, open_page  # noqa: E402

from policykg.graph.html import render_html  # noqa: E402

__all__ = ["measure", "main"]

DEFAULT_MAX_NODES = 1500


def measure(browser, n: int, *, max_nodes: int, out_dir: Path, repeat: int, seed: int = 0) -> dict:
    """Render a random ``n``-node graph and time its first draw; return one table row."""
    g = make_random_graph(n, seed=seed)
    path = out_dir / f"page_{n}_{max_nodes}.html"
    t0 = time.perf_counter()
    stats = render_html(g, path, title=f"benchmark {n}", max_nodes=max_nodes)
    render_s = time.perf_counter() - t0
    draws = []
    for _ in range(repeat):
        page = open_page(browser, path, timeout_ms=120_000)
        draws.append(page.evaluate("window.kgFirstDraw") / 1000)
        drawn = page.evaluate("network.body.data.nodes.length")
        page.close()
        if drawn != stats["nodes_shown"]:
            raise RuntimeError(f"{path}: drew {drawn} nodes, expected {stats['nodes_shown']}")
    return {
        "nodes": n,
        "edges": g.number_of_edges(),
        "shown": stats["nodes_shown"],
        "edges_shown": stats["edges_shown"],
        "size_mb": path.stat().st_size / 1e6,
        "render_s": render_s,
        "first_draw_s": statistics.median(draws),
    }


def format_table(rows: list[dict]) -> str:
    """Return ``rows`` as a Markdown table."""
    lines = ["| nodes | edges | shown | edges shown | file MB | render s (Python) | first draw s |",
             "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['nodes']:,} | {r['edges']:,} | {r['shown']:,} | {r['edges_shown']:,} | "
                     f"{r['size_mb']:.1f} | {r['render_s']:.2f} | {r['first_draw_s']:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000, 20000])
    parser.add_argument("--repeat", type=int, default=3, help="page loads per page (median)")
    parser.add_argument("--keep", type=Path, default=None, help="folder to keep the pages in")
    args = parser.parse_args(argv)
    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    with launch_browser() as browser:
        for n in args.sizes:
            for max_nodes in sorted({min(n, DEFAULT_MAX_NODES), n}):
                row = measure(browser, n, max_nodes=max_nodes, out_dir=out_dir, repeat=args.repeat)
                rows.append(row)
                print(f"{n} nodes, {row['shown']} shown: render {row['render_s']:.2f} s, "
                      f"first draw {row['first_draw_s']:.2f} s", file=sys.stderr, flush=True)
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
