"""Extraction speed per language over the seeds repeated to a few megabytes, next to bare ``jieba.lcut``.

The seeds' paragraphs are grouped by detected language; each group is repeated until the whole
text reaches ``--mb`` megabytes (UTF-8), then run through the language's ``kg_entities`` pipeline
paragraph by paragraph, as a build does. ``jieba.lcut`` runs over the same Chinese text. Last,
the whole per-document extraction (:func:`~policykg.extractors.pipeline.process_document`) over
the five seeds, the fastest of five passes: a figure that moves less than the others when the
machine is shared.

    python benchmarks/speed.py            # ~5 MB
    python benchmarks/speed.py --mb 1
"""

from __future__ import annotations

import argparse
import sys
import time

import jieba

from policykg.extractors.langid import detect_paragraph_languages
from policykg.extractors.normalize import normalize_document
from policykg.extractors.pipeline import EXTRACTED_LANGS, get_nlp, process_document
from policykg.graph.cli import default_seed_dir


def seed_paragraphs() -> dict[str, list[str]]:
    """Normalized seed paragraphs by language."""
    out: dict[str, list[str]] = {lang: [] for lang in EXTRACTED_LANGS}
    for path in sorted(default_seed_dir().glob("*.txt")):
        text = normalize_document(path.read_text(encoding="utf-8")).text
        for start, end, lang in detect_paragraph_languages(text):
            if lang in out:
                out[lang].append(text[start:end])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="total size of the repeated text, in MB of UTF-8")
    args = ap.parse_args(argv)
    paragraphs = seed_paragraphs()
    seed_bytes = sum(len(p.encode("utf-8")) for ps in paragraphs.values() for p in ps)
    repeat = max(1, round(args.mb * 1e6 / seed_bytes))
    jieba.setLogLevel(60)
    jieba.initialize()
    print(f"seeds repeated {repeat}x (~{seed_bytes * repeat / 1e6:.1f} MB)")
    print(f"{'language':10} {'chars':>10} {'seconds':>8} {'chars/s':>9}  jieba.lcut chars/s  ratio")
    for lang, paras in paragraphs.items():
        if not paras:
            continue
        texts = paras * repeat
        chars = sum(map(len, texts))
        nlp = get_nlp(lang)
        nlp(texts[0])  # load models outside the timing
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        seconds = time.perf_counter() - t0
        line = f"{lang:10} {chars:>10,} {seconds:>8.2f} {chars / seconds:>9,.0f}"
        if lang.startswith("zh"):
            t1 = time.perf_counter()
            for t in texts:
                jieba.lcut(t)
            lcut = chars / (time.perf_counter() - t1)
            line += f"  {lcut:>18,.0f}  {lcut / (chars / seconds):.1f}x"
        print(line)
    print(f"whole documents (process_document: structure rules, surnames, keywords too), best of 5: "
          f"{whole_seeds_seconds():.2f} s for the {len(list(default_seed_dir().glob('*.txt')))} seeds")
    return 0


def whole_seeds_seconds(rounds: int = 5) -> float:
    """The fastest of ``rounds`` passes of :func:`process_document` over every seed, models loaded."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(default_seed_dir().glob("*.txt"))]
    for text in texts:
        process_document(text, "warm-up.txt")
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for text in texts:
            process_document(text, "seed.txt")
        best = min(best, time.perf_counter() - t0)
    return best


if __name__ == "__main__":
    sys.exit(main())
