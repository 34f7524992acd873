"""Exact micro F1 of the whole English and Chinese components on dev sentences read as paragraphs.

The UNER dev sets hold one sentence per example, but documents hold paragraphs. This joins
consecutive sentences of one dev document into paragraphs of ``N`` sentences (English: a space
after a sentence that ends in ``.``, ``!``, ``?``, a quote or a bracket, else a line break, as a
signature or a list line would be written; Chinese: nothing between sentences) and scores the
components on them, next to the same sentences read one by one::

    python benchmarks/ner_paragraphs.py                    # N = 5 and 10, EWT and the two Chinese sets
    python benchmarks/ner_paragraphs.py --sizes 3 --data ../shared/eval

Scores count PER/ORG/LOC spans with exact offsets and labels, as ``ner_eval.py`` does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ner_predict import en_pipeline, zh_pipeline  # noqa: E402

from policykg.extractors.training import read_uner  # noqa: E402

Span = tuple[int, int, str]
Sentence = tuple[str, set[Span]]


def read_documents(path: Path) -> list[list[Sentence]]:
    """The sentences of each ``# newdoc`` document of an UNER ``.iob2`` file: their text as the file
    writes it and their gold PER/ORG/LOC spans (:func:`~policykg.extractors.training.read_uner`)."""
    sentences = read_uner(path)
    sizes: list[int] = []
    in_sentence = False
    for line in path.read_text(encoding="utf-8-sig").split("\n"):
        if line.startswith("# newdoc") or not sizes:
            sizes.append(0)
        if line.strip() and not line.startswith("#"):
            in_sentence = True
        elif not line.strip() and in_sentence:
            sizes[-1] += 1
            in_sentence = False
    sizes[-1] += in_sentence
    docs, pos = [], 0
    for n in sizes:
        docs.append([(text, set(spans)) for text, spans in sentences[pos : pos + n]])
        pos += n
    assert pos == len(sentences), f"{path}: {pos} sentences in documents, {len(sentences)} read"
    return [d for d in docs if d]


def paragraphs(docs: list[list[Sentence]], size: int, chinese: bool) -> Iterator[Sentence]:
    """Runs of ``size`` consecutive sentences of one document, joined as in a document."""
    for sentences in docs:
        for i in range(0, len(sentences), size):
            text, gold = "", set()
            for sentence, spans in sentences[i : i + size]:
                if text and not chinese:
                    text += " " if text[-1] in ".!?\"')" else "\n"
                gold |= {(s + len(text), e + len(text), label) for s, e, label in spans}
                text += sentence
            yield text, gold


def f1(examples: Iterator[Sentence], predict: Callable[[str], list[Span]]) -> float:
    tp = n_gold = n_pred = 0
    for text, gold in examples:
        pred = set(predict(text))
        tp, n_gold, n_pred = tp + len(gold & pred), n_gold + len(gold), n_pred + len(pred)
    return 200 * tp / (n_gold + n_pred) if n_gold + n_pred else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval")
    ap.add_argument("--sizes", type=int, nargs="+", default=[5, 10], help="sentences per paragraph")
    args = ap.parse_args(argv)
    for name, predict in (("uner_en_ewt", en_pipeline), ("uner_zh_gsdsimp", zh_pipeline), ("uner_zh_gsd", zh_pipeline)):
        path = args.data / name / "dev.iob2"
        docs = read_documents(path)
        chinese = "_zh_" in name
        scores = [f"one by one {f1(paragraphs(docs, 1, chinese), predict):.2f}"]
        scores += [f"{n} a paragraph {f1(paragraphs(docs, n, chinese), predict):.2f}" for n in args.sizes]
        print(f"{name}: " + ", ".join(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
