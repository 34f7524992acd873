"""Score the shipped NER models on the four dev sets with the shared ``ner_eval.py``; print one table.

Run from the repository root (scoring only reads ``dev`` files)::

    nice -n 15 python benchmarks/ner.py --eval-dir /work/shared/eval

Each dev set is scored by ``ner_eval.py`` in a subprocess (``--split dev --json``), so the numbers
are the scorer's own. Speed is measured separately, in this process, after the model has been
loaded: characters of dev text tagged per second on one thread.
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
#: (dev folder, predictor function in ner_predict.py)
DEV_SETS = [("uner_zh_gsdsimp", "zh"), ("uner_zh_gsd", "zh"), ("uner_en_ewt", "en"), ("wnut17", "en")]


def run_scorer(eval_dir: Path, name: str, func: str) -> dict:
    """Run ``ner_eval.py`` on one dev set and return its JSON results."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "res.json"
        cmd = [sys.executable, str(eval_dir / "ner_eval.py"), "--data", str(eval_dir / name), "--split", "dev",
               "--module", f"{HERE / 'ner_predict.py'}:{func}", "--json", str(out)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "OMP_NUM_THREADS": "1"})
        return json.loads(out.read_text(encoding="utf-8"))


def chars_per_second(eval_dir: Path, name: str, func: str) -> float:
    """Dev-set characters tagged per second by the loaded model."""
    sys.path.insert(0, str(eval_dir))
    sys.path.insert(0, str(HERE))
    from ner_eval import find_split_files, load_docs

    import ner_predict

    predict = getattr(ner_predict, func)
    texts = [d["text"] for p in find_split_files(str(eval_dir / name), "dev") for d in load_docs(p)]
    predict(texts[0])  # loads the model
    start = time.perf_counter()
    for text in texts:
        predict(text)
    return sum(map(len, texts)) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"), help="holds ner_eval.py and the data")
    a = ap.parse_args(argv)
    print(f"{'dev set':<17} {'model':<6} {'P':>6} {'R':>6} {'F1':>6} {'ovl F1':>7} {'PER':>6} {'ORG':>6} {'LOC':>6} "
          f"{'chars/s':>8}")
    for name, func in DEV_SETS:
        res = run_scorer(a.eval_dir, name, func)
        ex, ov = res["exact"], res["overlap"]["micro"]
        speed = chars_per_second(a.eval_dir, name, func)
        print(f"{name:<17} {func + '_ner':<6} {100 * ex['micro']['precision']:6.2f} {100 * ex['micro']['recall']:6.2f} "
              f"{100 * ex['micro']['f1']:6.2f} {100 * ov['f1']:7.2f} {100 * ex['PER']['f1']:6.2f} "
              f"{100 * ex['ORG']['f1']:6.2f} {100 * ex['LOC']['f1']:6.2f} {speed:8.0f}")
    print("P/R/F1 and per-type F1: exact span and label; ovl F1: same label, overlapping span (ner_eval.py).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
