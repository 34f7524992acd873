"""``merges.csv``: one row per joined name, with its rule and its evidence, written atomically.

Columns: ``kept_id, merged_id, type, surface_a, surface_b, rule, doc, sentence, detail``
(see :class:`~policykg.graph.resolve.Merge`). Any row can be undone with a ``never`` row in
the alias file: ``never,SURFACE_A,SURFACE_B``.

Examples
--------
>>> import tempfile, pathlib
>>> from policykg.graph.resolve import Merge
>>> path = pathlib.Path(tempfile.mkdtemp()) / "merges.csv"
>>> rows = [Merge("n1", "n2", "PERSON", "L.米塞斯", "Ludwig von Mises", "alias-of", "a.txt", "L.米塞斯(Ludwig von Mises)的著作", "gloss")]
>>> write_merges(path, rows)
>>> [(m.surface_b, m.rule, m.doc) for m in read_merges(path)]
[('Ludwig von Mises', 'alias-of', 'a.txt')]
>>> summarize_merges(rows)["by_rule"]
{'alias-of': 1}
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import astuple, fields
from pathlib import Path

from policykg.extractors.atomic import write_atomic

from .resolve import KEY_RULES, Merge

__all__ = ["MERGE_COLUMNS", "write_merges", "read_merges", "summarize_merges"]

MERGE_COLUMNS = tuple(f.name for f in fields(Merge))


def _clean(value: str) -> str:
    # one row per line: evidence sentences never carry line breaks into the CSV
    return " ".join(str(value).split())


def write_merges(path: str | Path, merges: Iterable[Merge]) -> None:
    """Write ``merges`` to ``path`` as UTF-8 CSV with a header, atomically."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(MERGE_COLUMNS)
    for m in merges:
        writer.writerow([_clean(v) for v in astuple(m)])
    write_atomic(path, buf.getvalue())


def read_merges(path: str | Path) -> list[Merge]:
    """Read a ``merges.csv`` written by :func:`write_merges` (a missing file has no rows)."""
    path = Path(path)
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [Merge(**{c: row.get(c) or "" for c in MERGE_COLUMNS}) for row in csv.DictReader(fh)]


def summarize_merges(merges: Iterable[Merge], *, refused: dict[str, int] | None = None) -> dict:
    """Counts for the build report: resolver merges by rule, key merges by rule, refusals by reason."""
    merges = list(merges)
    resolver = Counter(m.rule for m in merges if m.rule not in KEY_RULES)
    keyed = Counter(m.rule for m in merges if m.rule in KEY_RULES)
    out = {
        "merges": sum(resolver.values()),
        "by_rule": dict(sorted(resolver.items())),
        "key_merges": dict(sorted(keyed.items())),
    }
    if refused is not None:
        out["refused"] = dict(sorted(refused.items()))
    return out
