"""Start-up: how long a new process takes to load what extraction needs, with and without the tables cache.

Each figure is a fresh Python process timing :func:`~policykg.extractors.pipeline.warm_up` (every
language's pipeline, the NER models, jieba's dictionary, the language identifier and the pinyin
dictionaries) after importing the pipeline module; the import is timed apart (spaCy is most of
it). The tables cache (:mod:`policykg.extractors.tables`) is pointed at a new folder, so the first
process parses every table ("parsed") and the next ones read them back ("cached"); "off" runs
with the cache turned off. The median of ``--runs`` processes is printed for each.

    python benchmarks/startup.py
    python benchmarks/startup.py --runs 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

_PROBE = """
import json, time
t0 = time.perf_counter()
from policykg.extractors.pipeline import warm_up
t1 = time.perf_counter()
warm_up()
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1}))
"""


def probe(tables: str) -> dict[str, float]:
    """Seconds to import the pipeline and to load everything, in a new process with ``POLICYKG_TABLES=tables``."""
    env = dict(os.environ, POLICYKG_TABLES=tables)
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="processes per figure (the median is printed)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        parsed = probe(folder)  # the first process with an empty folder parses and stores every table
        cached = [probe(folder) for _ in range(args.runs)]
        off = [probe("") for _ in range(args.runs)]
    print(f"{'tables':8s} {'import s':>9s} {'load s':>8s} {'total s':>8s}")
    for name, runs in (("parsed", [parsed]), ("cached", cached), ("off", off)):
        imp = statistics.median(r["import"] for r in runs)
        load = statistics.median(r["load"] for r in runs)
        print(f"{name:8s} {imp:9.2f} {load:8.2f} {imp + load:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
