"""Build a corpus the way `kg build` does and print what a closing note quotes.

Wall time per stage, peak resident memory, node and edge counts, output sizes, and the most
mentioned nodes of each document (or of the first N documents).

    python benchmarks/build_corpus.py                       # the embedded seeds
    python benchmarks/build_corpus.py ../shared/eval/ntrex_dev --per-doc 0
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from policykg.graph.cli import default_seed_dir
from policykg.graph.run import build_corpus, write_outputs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the seeds)")
    ap.add_argument("--per-doc", type=int, default=5, help="top nodes to print per document (0: none)")
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: a temporary one)")
    args = ap.parse_args(argv)
    paths = args.paths or [default_seed_dir()]
    out = args.out or Path(tempfile.mkdtemp(prefix="kg-bench-"))

    t0 = time.perf_counter()
    g, report = build_corpus(paths, progress=False, log=lambda msg: None)
    t1 = time.perf_counter()
    write_outputs(g, report, out)
    t2 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    docs = report["documents"]
    print(f"corpus: {', '.join(map(str, paths))}")
    print(f"documents: {docs['built']} built, {len(docs['failed'])} failed, {len(docs['skipped'])} skipped")
    print("languages: " + ", ".join(f"{k} {v['documents']} docs/{v['sentences']} sentences"
                                     for k, v in report["languages"].items()))
    print("entities: " + ", ".join(f"{k} {v}" for k, v in report["entities"].items()))
    print("edges: " + ", ".join(f"{k} {v}" for k, v in report["edges"].items()))
    print(f"time: build {t1 - t0:.2f} s + write {t2 - t1:.2f} s = {t2 - t0:.2f} s; stages "
          + ", ".join(f"{k} {v:.2f}" for k, v in report["timings_seconds"].items()))
    print(f"peak RSS: {peak_mb:.0f} MB")
    print("outputs: " + ", ".join(f"{p.name} {p.stat().st_size / 1e6:.2f} MB" for p in sorted(out.iterdir())))
    if args.per_doc:
        per_doc: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        for _, a in g.nodes(data=True):
            for d in a["documents"]:
                per_doc[d].append((a["mentions"], a["type"], a["label"]))
        for d in sorted(per_doc):
            top = sorted(per_doc[d], key=lambda t: (-t[0], t[2]))[: args.per_doc]
            print(f"  {d}: " + "; ".join(f"{label} ({type_}, {n})" for n, type_, label in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
