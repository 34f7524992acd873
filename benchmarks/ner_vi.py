"""Score ``vi.kg_entities`` on the hand-annotated Vietnamese gold set with the shared ``ner_eval.py``.

Run from the repository root::

    nice -n 15 python benchmarks/ner_vi.py --eval-dir /work/shared/eval

The gold set (``benchmarks/data/vi_gold/dev.iob2``) is split by document into the part the rules
were tuned on and a held-aside part (:data:`HELD_ASIDE`, the last six NTREX documents by id) that
was annotated with the rest but left out of tuning (``--parts tuned`` scores without it; its first,
clean score is in ``benchmarks/data/vi_gold/README.md``). Each part is written to a temporary file
and scored by ``ner_eval.py`` in a subprocess (``--json``), so the numbers are the scorer's own.
Speed is measured separately, in this process, after the pipeline has loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "vi_gold" / "dev.iob2"
#: Documents kept out of tuning: the last quarter (6 of 24) of the NTREX documents in the gold set.
HELD_ASIDE = frozenset(
    ["cnbc.com.6790", "cnn.304404", "cnn.304447", "cnn.304489", "dailymail.co.uk.298595", "dailymail.co.uk.298630"]
)
#: The parts :func:`split_gold` returns, in the order they are printed.
PARTS = ("tuned", "held-aside", "seed", "all")


def split_gold(path: Path) -> dict[str, list[str]]:
    """The sentence blocks of ``path`` grouped into ``tuned``, ``held-aside``, ``seed`` and ``all``.

    ``tuned`` holds the NTREX documents not in :data:`HELD_ASIDE` plus the seed; ``seed`` is the
    seed document alone.
    """
    parts: dict[str, list[str]] = {name: [] for name in PARTS}
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        sent_id = block.split("\n", 1)[0].removeprefix("# sent_id = ")
        doc = sent_id.rsplit(":", 1)[0]
        parts["all"].append(block)
        parts["held-aside" if doc in HELD_ASIDE else "tuned"].append(block)
        if doc.startswith("seed."):
            parts["seed"].append(block)
    return parts


def run_scorer(eval_dir: Path, blocks: list[str]) -> dict:
    """Score ``blocks`` (CoNLL sentence blocks) with ``ner_eval.py`` and return its JSON results."""
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "dev.iob2", Path(tmp) / "res.json"
        data.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
        cmd = [sys.executable, str(eval_dir / "ner_eval.py"), "--data", str(data), "--format", "conll",
               "--module", f"{HERE / 'ner_vi_predict.py'}:vi", "--json", str(out)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "OMP_NUM_THREADS": "1"})
        return json.loads(out.read_text(encoding="utf-8"))


def chars_per_second(blocks: list[str]) -> float:
    """Characters of gold text tagged per second by the loaded pipeline, on one thread."""
    sys.path.insert(0, str(HERE))
    from ner_vi_predict import vi

    texts = [b.split("\n")[1].removeprefix("# text = ") for b in blocks]
    vi(texts[0])  # loads the pipeline and the gazetteers
    start = time.perf_counter()
    for text in texts:
        vi(text)
    return sum(map(len, texts)) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"), help="holds ner_eval.py")
    ap.add_argument("--gold", type=Path, default=GOLD, help="the gold CoNLL file")
    ap.add_argument("--parts", nargs="+", default=list(PARTS), choices=PARTS, help="which parts to score")
    ap.add_argument("--show-errors", metavar="PART", choices=PARTS, help="print one part's errors to stderr")
    a = ap.parse_args(argv)
    parts = split_gold(a.gold)
    print(f"{'part':<11} {'sents':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} {'ovl P':>6} {'ovl R':>6} "
          f"{'ovl F1':>6} {'PER':>6} {'ORG':>6} {'LOC':>6}")
    for name in a.parts:
        res = run_scorer(a.eval_dir, parts[name])
        ex, ov = res["exact"], res["overlap"]["micro"]
        m = ex["micro"]
        print(f"{name:<11} {res['n_docs']:>5} {m['gold']:>5} {100 * m['precision']:6.2f} {100 * m['recall']:6.2f} "
              f"{100 * m['f1']:6.2f} {100 * ov['precision']:6.2f} {100 * ov['recall']:6.2f} {100 * ov['f1']:6.2f} "
              f"{100 * ex['PER']['f1']:6.2f} {100 * ex['ORG']['f1']:6.2f} {100 * ex['LOC']['f1']:6.2f}")
        if name == a.show_errors:
            for err in res["errors"]:
                line = {k: err[k] for k in ("id", "missed", "spurious")}
                print(json.dumps(line, ensure_ascii=False), file=sys.stderr)
    print(f"speed: {chars_per_second(parts['all']):,.0f} characters/s (one thread, pipeline loaded)")
    print("P/R/F1 and per-type F1: exact span and label (micro over PER/ORG/LOC); ovl: same label, overlapping span.")
    print("tuned = NTREX documents the rules were tuned on + seed 003; held-aside = last 6 NTREX documents.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
