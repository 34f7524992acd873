"""Cross-lingual cohesion of the ntrex_dev build, and what resolution costs.

Builds the parallel corpus with the real pipeline, scores it with the shared scorer
(``xling_cohesion.py``: for each PERSON/ORG/PLACE node seen in a story's English version, is it
also seen in the zh-Hans, zh-Hant, vi versions?) and prints the figures with the share of the
build's time spent in resolution, and the same graph unresolved for comparison::

    python benchmarks/xling.py                                  # ../shared/eval/ntrex_dev
    python benchmarks/xling.py --unresolved                     # also the graph before resolution
    python benchmarks/xling.py --misses                         # and the biggest categories of misses
    python benchmarks/xling.py CORPUS --scorer PATH --out DIR
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from policykg.graph.build import build_graph
from policykg.graph.export import write_graphml
from policykg.graph.run import build_corpus, write_outputs

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "ntrex_dev"
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "xling_cohesion.py"


def score(scorer: Path, graphml: Path) -> dict[str, float]:
    """Run the scorer on a GraphML file; return ``{"en-zh": pct, "hans-hant": pct, ...}``."""
    out = subprocess.run([sys.executable, str(scorer), str(graphml)], capture_output=True, text=True, check=False).stdout
    return {k: float(v) for k, v in re.findall(r"([\w-]+) ([\d.]+)% of", out)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--out", type=Path, default=None, help="keep the outputs here (default: a temporary folder)")
    parser.add_argument("--unresolved", action="store_true",
                        help="also score the graph before resolution (extracts the corpus a second time)")
    parser.add_argument("--misses", action="store_true",
                        help="also print the biggest categories of misses (benchmarks/xling_misses.py)")
    args = parser.parse_args(argv)

    out = args.out or Path(tempfile.mkdtemp(prefix="xling-"))
    t0 = time.perf_counter()
    g, report = build_corpus([args.corpus], progress=False, log=lambda msg: None)
    t1 = time.perf_counter()
    write_outputs(g, report, out)
    total, write = time.perf_counter() - t0, time.perf_counter() - t1
    timings = report["timings_seconds"]
    resolved = score(args.scorer, out / "graph.graphml")

    unresolved = None
    if args.unresolved:
        g0 = build_graph(_records(args.corpus))
        write_graphml(g0, out / "unresolved.graphml")
        unresolved = score(args.scorer, out / "unresolved.graphml")

    res = report["resolution"]
    print(f"corpus: {args.corpus} ({report['documents']['built']} documents), outputs in {out}")
    print("xling cohesion (resolved):   " + ", ".join(f"{k} {v:.1f}%" for k, v in resolved.items()))
    if unresolved:
        print("xling cohesion (unresolved): " + ", ".join(f"{k} {v:.1f}%" for k, v in unresolved.items()))
    print(f"merges: {res['merges']} by rule {res['by_rule']}; key merges {res['key_merges']}")
    share = timings["resolve"] / total if total else 0.0
    print(f"time: build {total:.1f}s, of which resolve {timings['resolve']:.2f}s = {100 * share:.1f}% "
          f"(extract {timings['extract']:.1f}s, assemble {timings['assemble']:.2f}s, write {write:.1f}s)")
    if args.misses:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from xling_misses import main as print_misses

        print_misses([str(out / "graph.graphml"), str(args.corpus), "--examples", "3"])
    return 0


def _records(corpus: Path):
    from policykg.extractors.pipeline import process_document
    from policykg.extractors.readers import DocumentError, read_document
    from policykg.graph.corpus import discover

    for f in discover([corpus]).files:
        try:
            raw = read_document(f.path)
        except DocumentError:
            continue
        yield process_document(raw.text, f.doc_id, fmt=raw.format, encoding=raw.encoding)


if __name__ == "__main__":
    sys.exit(main())
