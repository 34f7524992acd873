"""Exact micro F1 of the whole English, Chinese and Vietnamese components on dev sentences read as paragraphs.

The UNER dev sets hold one sentence per example, but documents hold paragraphs. This joins
consecutive sentences of one dev document into paragraphs of ``N`` sentences (English: a space
after a sentence that ends in ``.``, ``!``, ``?``, a quote or a bracket, else a line break, as a
signature or a list line would be written; Chinese: nothing between sentences) and scores the
components on them, next to the same sentences read one by one::

    python benchmarks/ner_paragraphs.py                    # N = 5 and 10: EWT, the two Chinese sets, our vi gold
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
from ner_vi_predict import vi  # noqa: E402

from policykg.extractors.training import read_uner  # noqa: E402

Span = tuple[int, int, str]
Sentence = tuple[str, set[Span]]


def read_documents(path: Path) -> list[list[Sentence]]:
    """The sentences of each document of an UNER-style ``.iob2`` file (``# newdoc`` opens one; our
    Vietnamese gold names it in ``# sent_id = DOC:N``): their text as the file writes it and their
    gold PER/ORG/LOC spans (:func:`~policykg.extractors.training.read_uner`)."""
    sentences = read_uner(path)
    owners: list[str] = []  # the document of each sentence
    doc, in_sentence = "", False
    for line in path.read_text(encoding="utf-8-sig").split("\n"):
        if line.startswith("# newdoc"):
            doc = line
        elif line.startswith("# sent_id") and ":" in line:
            doc = line.rsplit(":", 1)[0]
        if line.strip() and not line.startswith("#"):
            in_sentence = True
        elif not line.strip() and in_sentence:
            owners.append(doc)
            in_sentence = False
    if in_sentence:
        owners.append(doc)
    assert len(owners) == len(sentences), f"{path}: {len(owners)} sentences counted, {len(sentences)} read"
    docs: list[list[Sentence]] = []
    for i, (text, spans) in enumerate(sentences):
        if i == 0 or owners[i] != owners[i - 1]:
            docs.append([])
        docs[-1].append((text, set(spans)))
    return docs


def vi_by_line(text: str) -> list[Span]:
    """:func:`ner_vi_predict.vi` on each line, as :func:`policykg.extractors.extract` reads each
    paragraph apart."""
    out, pos = [], 0
    for line in text.split("\n"):
        out += [(a + pos, b + pos, label) for a, b, label in vi(line)]
        pos += len(line) + 1
    return out


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
    sets = (("uner_en_ewt", args.data / "uner_en_ewt", en_pipeline),
            ("uner_zh_gsdsimp", args.data / "uner_zh_gsdsimp", zh_pipeline),
            ("uner_zh_gsd", args.data / "uner_zh_gsd", zh_pipeline),
            ("vi_gold", Path(__file__).resolve().parent / "data" / "vi_gold", vi_by_line))
    for name, folder, predict in sets:
        path = folder / "dev.iob2"
        docs = read_documents(path)
        chinese = "_zh_" in name
        scores = [f"one by one {f1(paragraphs(docs, 1, chinese), predict):.2f}"]
        scores += [f"{n} a paragraph {f1(paragraphs(docs, n, chinese), predict):.2f}" for n in args.sizes]
        print(f"{name}: " + ", ".join(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
