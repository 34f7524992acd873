"""Long fuzz run: the properties of ``tests/test_fuzz.py`` with many more examples.

Each property runs on the same Hypothesis strategy as the tests; failures are counted, not
raised, so one run reports every property. The cheap ones (normalizers, segmentation,
language id, metadata) get ``--cases`` examples; ``extract`` and ``process_document`` run
spaCy/jieba on every example, so they get ``--slow-cases`` examples or ``--slow-seconds``,
whichever ends first.

    python benchmarks/fuzz.py --cases 10000
    python benchmarks/fuzz.py --cases 10000 --slow-cases 2000 --slow-seconds 300
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import test_fuzz


class _OutOfTime(Exception):
    pass


def run_property(name: str, check, strategy, *, cases: int, seconds: float | None, seed: int) -> tuple[int, list]:
    """Run ``check`` on up to ``cases`` examples; return (cases run, [(text, error)])."""
    ran, failures = 0, []
    stop_at = None if seconds is None else time.monotonic() + seconds

    @settings(max_examples=cases, deadline=None, database=None, derandomize=False,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(strategy)
    def prop(text):
        nonlocal ran
        if stop_at is not None and time.monotonic() > stop_at:
            raise _OutOfTime
        ran += 1
        try:
            check(text)
        except Exception as exc:  # noqa: BLE001  (count it and go on: one run reports every property)
            failures.append((text, exc))

    try:
        hypothesis_seed(seed)(prop)()
    except _OutOfTime:
        pass
    return ran, failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=10000, help="examples per cheap property")
    ap.add_argument("--slow-cases", type=int, default=2000, help="at most this many examples for extract/process_document")
    ap.add_argument("--slow-seconds", type=float, default=120.0, help="time budget for each of extract/process_document")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--only", nargs="*", help="run only these properties")
    ap.add_argument("-v", "--verbose", action="store_true", help="print a traceback for each distinct failure")
    args = ap.parse_args(argv)

    print(f"{'property':20} {'cases':>7} {'failures':>8} {'seconds':>8}")
    total_failures = 0
    for name, (check, cheap) in test_fuzz.PROPERTIES.items():
        if args.only and name not in args.only:
            continue
        strategy = test_fuzz.TEXTS if cheap else test_fuzz.DOCUMENTS
        cases, seconds = (args.cases, None) if cheap else (args.slow_cases, args.slow_seconds)
        t0 = time.perf_counter()
        ran, failures = run_property(name, check, strategy, cases=cases, seconds=seconds, seed=args.seed)
        print(f"{name:20} {ran:>7} {len(failures):>8} {time.perf_counter() - t0:>8.1f}", flush=True)
        total_failures += len(failures)
        kinds = Counter(f"{type(exc).__name__}: {str(exc)[:100]}" for _, exc in failures)
        for kind, n in kinds.most_common(5):
            example = next(text for text, exc in failures if f"{type(exc).__name__}: {str(exc)[:100]}" == kind)
            print(f"    {n} x {kind}\n      e.g. {example[:120]!r}")
            if args.verbose:
                exc = next(exc for text, exc in failures if f"{type(exc).__name__}: {str(exc)[:100]}" == kind)
                traceback.print_exception(exc)
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
