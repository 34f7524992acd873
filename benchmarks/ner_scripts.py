"""Is traditional Chinese a second-class citizen? Compare the zh model on the two scripts of one dev set.

``uner_zh_gsd`` (traditional) and ``uner_zh_gsdsimp`` (simplified) hold the same 500 dev sentences,
but their entity annotations were not made the same way: some sentences carry different gold spans
in the two files. This script pairs the sentences and prints, for the shipped model and for the
whole Chinese pipeline:

* how many sentences have the same gold spans in both files, and on those, how many get the same
  predicted spans in both scripts and the exact F1 in each script;
* on the sentences whose gold differs, the F1 against each file's gold, and the F1 of one file's
  gold scored against the other's (how far apart the two annotations are).

    python benchmarks/ner_scripts.py --eval-dir ../shared/eval
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ner_predict import zh, zh_pipeline  # noqa: E402

from policykg.extractors.training import read_uner, score_exact  # noqa: E402

Span = tuple[int, int, str]


def paired_sentences(eval_dir: Path) -> list[tuple[str, list[Span], str, list[Span]]]:
    """``(simplified text, its gold, traditional text, its gold)`` per dev sentence, in file order."""
    simp = read_uner(eval_dir / "uner_zh_gsdsimp" / "dev.iob2")
    trad = read_uner(eval_dir / "uner_zh_gsd" / "dev.iob2")
    if len(simp) != len(trad) or any(len(s) != len(t) for (s, _), (t, _) in zip(simp, trad)):
        raise SystemExit("the two dev files do not hold the same sentences; nothing to pair")
    return [(s, sorted(gs), t, sorted(gt)) for (s, gs), (t, gt) in zip(simp, trad)]


def _f1(docs: list[tuple[str, list[Span]]], predict: Callable[[str], list[Span]]) -> float:
    return 100 * score_exact(docs, predict)["f1"]


def report(pairs: list[tuple[str, list[Span], str, list[Span]]], name: str,
           predict: Callable[[str], list[Span]]) -> None:
    same = [p for p in pairs if p[1] == p[3]]
    differ = [p for p in pairs if p[1] != p[3]]
    agree = sum(sorted(predict(s)) == sorted(predict(t)) for s, _, t, _ in same)
    print(f"{name}:")
    print(f"  whole dev set: simplified {_f1([(s, g) for s, g, _, _ in pairs], predict):.2f}, "
          f"traditional {_f1([(t, g) for _, _, t, g in pairs], predict):.2f}")
    print(f"  {len(same)} sentences with the same gold in both files: same predicted spans in both scripts for "
          f"{agree}; F1 simplified {_f1([(s, g) for s, g, _, _ in same], predict):.2f}, "
          f"traditional {_f1([(t, g) for _, _, t, g in same], predict):.2f}")
    print(f"  {len(differ)} sentences whose gold differs: F1 simplified {_f1([(s, g) for s, g, _, _ in differ], predict):.2f}, "
          f"traditional {_f1([(t, g) for _, _, t, g in differ], predict):.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=HERE.parents[1] / "shared" / "eval")
    args = ap.parse_args(argv)
    pairs = paired_sentences(args.eval_dir)
    differ = [p for p in pairs if p[1] != p[3]]
    gold_of = {s: gt for s, _, _, gt in differ}
    kinds = Counter(label for _, gs, _, gt in differ for _, _, label in Counter(gt) - Counter(gs))
    print(f"{len(pairs)} paired dev sentences; the gold spans differ in {len(differ)}. "
          f"Simplified gold scored against traditional gold on those: "
          f"F1 {_f1([(s, gs) for s, gs, _, _ in differ], lambda s: gold_of[s]):.2f}; spans only the traditional "
          f"file has, by label: {dict(sorted(kinds.items()))}")
    report(pairs, "shipped CRF model (ner_predict.py:zh)", zh)
    report(pairs, "whole zh pipeline (ner_predict.py:zh_pipeline)", zh_pipeline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
