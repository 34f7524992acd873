"""The user's alias file: names that must be one entity, and names that must never be.

``kg build --aliases aliases.csv`` reads one rule per row; it wins over every automatic rule,
so any merge listed in ``merges.csv`` can be undone and the next build honours it::

    # action,NAME_A,NAME_B[,TYPE]
    merge,宋大伟,Song Dawei,PERSON
    never,K.波兰尼,M.波兰尼
    type,CNN,ORG

Names are compared in :func:`~policykg.graph.resolve.matching_form` (case, width and Chinese
script do not matter). A ``merge`` joins the nodes holding the two names when they have the
same type (``TYPE`` limits it to one type). A ``never`` keeps them apart, even when the
builder would have given them one key (国务院 / 國務院, 越南 / Việt Nam). A ``type`` row gives every
mention of a name that type, in every document, whatever the extractors and the translations'
vote (:mod:`~policykg.graph.resolve_types`) said. The same rules can be written in YAML
(``.yaml``/``.yml``) as a list of one-key mappings: ``- merge: [宋大伟, Song Dawei, PERSON]``,
``- type: [CNN, ORG]``.

Examples
--------
>>> table = parse_aliases("merge,宋大伟,Song Dawei,PERSON\\nnever,K.波兰尼,M.波兰尼\\n", source="aliases.csv")
>>> [(r.action, r.a, r.b, r.type, r.line) for r in table.rows]
[('merge', '宋大伟', 'Song Dawei', 'PERSON', 1), ('never', 'K.波兰尼', 'M.波兰尼', '', 2)]
>>> try:
...     parse_aliases("merg,a,b\\n", source="aliases.csv")
... except AliasFileError as exc:
...     print(exc)
[E101] aliases.csv:1: unknown action 'merg'. Write `merge,NAME_A,NAME_B[,TYPE]`, `never,NAME_A,NAME_B` or `type,NAME,TYPE`.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from policykg.extractors.records import Mention

from .resolve import entity_key, matching_form, territory_code
from .schema import NODE_TYPES

__all__ = ["AliasFileError", "AliasRow", "AliasTable", "parse_aliases", "read_aliases"]

_FIX = "Write `merge,NAME_A,NAME_B[,TYPE]`, `never,NAME_A,NAME_B` or `type,NAME,TYPE`."


class AliasFileError(ValueError):
    """An alias file that cannot be used; the message names ``file:line`` and the fix."""


@dataclass(frozen=True, slots=True)
class AliasRow:
    """One rule of the alias file: ``action`` is ``merge``, ``never`` or ``type``; ``type`` may be
    empty for a merge; a ``type`` row has one name, ``a``, and ``b`` empty."""

    action: str
    a: str
    b: str
    type: str
    line: int
    source: str = "aliases.csv"

    @property
    def where(self) -> str:
        """``file:line`` of the row, cited as the evidence of the merges it makes."""
        return f"{self.source}:{self.line}"

    def forms(self) -> tuple[str, str, bool]:
        """The two names as compared, and whether they are compared exactly (same matching form)."""
        fa, fb = matching_form(self.a), matching_form(self.b)
        if fa == fb:
            return _exact(self.a), _exact(self.b), True
        return fa, fb, False


def _exact(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip()


@lru_cache(maxsize=8)
def _concepts_by_form(lexicon_paths: tuple[str, ...]) -> dict[str, set[tuple[str, str]]]:
    from policykg.extractors.lexicon import load_lexicon

    out: dict[str, set[tuple[str, str]]] = {}
    for concept in load_lexicon(*lexicon_paths).concepts.values():
        for _, forms in concept.forms:
            for form in forms:
                out.setdefault(matching_form(form), set()).add((concept.type, f"concept:{concept.id}"))
    return out


@dataclass(slots=True)
class AliasTable:
    """The rows of an alias file, with the lookups the builder and the resolver need."""

    rows: list[AliasRow]
    lexicon_paths: tuple[str, ...] = ()
    _never_by_form: dict[str, list[AliasRow]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for row in self.never:
            self._never_by_form.setdefault(matching_form(row.a), []).append(row)
            self._never_by_form.setdefault(matching_form(row.b), []).append(row)

    @property
    def merges(self) -> list[AliasRow]:
        """The ``merge`` rows, in file order."""
        return [r for r in self.rows if r.action == "merge"]

    @property
    def never(self) -> list[AliasRow]:
        """The ``never`` rows, in file order."""
        return [r for r in self.rows if r.action == "never"]

    @property
    def types(self) -> dict[str, AliasRow]:
        """The ``type`` rows by the name's :func:`~policykg.graph.resolve.matching_form`.

        >>> parse_aliases("type,cnn,ORG\\n").types["cnn"].type
        'ORG'
        """
        return {matching_form(r.a): r for r in self.rows if r.action == "type"}

    def _possible_keys(self, name: str, label: str) -> set[tuple[str, str]]:
        keys = {(label, matching_form(name))}
        code = territory_code(name)
        if code and label == "PLACE":
            keys.add(("PLACE", f"territory:{code}"))
        keys |= {k for k in _concepts_by_form(self.lexicon_paths).get(matching_form(name), ()) if k[0] == label}
        return keys

    def entity_key(self, mention: Mention) -> tuple[str, str]:
        """:func:`~policykg.graph.resolve.entity_key`, except that names a ``never`` row keeps
        apart get keys of their own when they would have shared one.

        Examples
        --------
        >>> table = parse_aliases("never,國務院,国务院\\nnever,民主,dân chủ\\n")
        >>> table.entity_key(Mention("國務院", "ORG", 0, 3, "zh-Hant", 0)) != table.entity_key(Mention("国务院", "ORG", 0, 3, "zh-Hans", 0))
        True
        >>> table.entity_key(Mention("dân chủ", "TERM", 0, 7, "vi", 0, concept="democracy"))
        ('TERM', 'dân chủ')
        """
        key = entity_key(mention)
        rows = self._never_by_form.get(matching_form(mention.text))
        if not rows:
            return key
        form = matching_form(mention.text)
        for row in rows:
            partner = row.b if matching_form(row.a) == form else row.a
            if key not in self._possible_keys(partner, mention.label):
                continue
            if matching_form(partner) == form:
                return mention.label, "=" + _exact(mention.text)
            return mention.label, form
        return key

    def forbidden(self, names_a: Iterable[str], names_b: Iterable[str]) -> AliasRow | None:
        """The ``never`` row that forbids putting the two sets of names in one node, if any."""
        names_a, names_b = list(names_a), list(names_b)
        forms_a = {matching_form(n) for n in names_a} | {_exact(n) for n in names_a}
        forms_b = {matching_form(n) for n in names_b} | {_exact(n) for n in names_b}
        for row in self.never:
            fa, fb, _ = row.forms()
            if (fa in forms_a and fb in forms_b) or (fb in forms_a and fa in forms_b):
                return row
        return None


def _check_row(fields: list[str], line: int, source: str) -> AliasRow:
    fields = [f.strip() for f in fields]
    action = fields[0].casefold()
    if action not in ("merge", "never", "type"):
        raise AliasFileError(f"[E101] {source}:{line}: unknown action {fields[0]!r}. {_FIX}")
    if action == "type":
        return _check_type_row(fields, line, source)
    if len(fields) < 3 or not fields[1] or not fields[2]:
        raise AliasFileError(f"[E102] {source}:{line}: {action} needs two names. {_FIX}")
    if len(fields) > (4 if action == "merge" else 3) and any(fields[4 if action == "merge" else 3:]):
        raise AliasFileError(f"[E103] {source}:{line}: too many fields for {action}. {_FIX} "
                             "Quote names that contain a comma.")
    type_ = fields[3].upper() if action == "merge" and len(fields) > 3 else ""
    if type_ and type_ not in NODE_TYPES:
        raise AliasFileError(f"[E104] {source}:{line}: unknown type {fields[3]!r}; use one of {', '.join(NODE_TYPES)} "
                             "or leave it out.")
    if _exact(fields[1]) == _exact(fields[2]):
        raise AliasFileError(f"[E105] {source}:{line}: both names are {fields[1]!r}; give two different names.")
    return AliasRow(action, fields[1], fields[2], type_, line, source)


def _check_type_row(fields: list[str], line: int, source: str) -> AliasRow:
    if len(fields) < 3 or not fields[1] or not fields[2]:
        raise AliasFileError(f"[E102] {source}:{line}: type needs a name and a type. {_FIX}")
    if any(fields[3:]):
        raise AliasFileError(f"[E103] {source}:{line}: too many fields for type. {_FIX} "
                             "Quote names that contain a comma.")
    if fields[2].upper() not in NODE_TYPES:
        raise AliasFileError(f"[E104] {source}:{line}: unknown type {fields[2]!r}; use one of {', '.join(NODE_TYPES)}.")
    return AliasRow("type", fields[1], "", fields[2].upper(), line, source)


def _csv_rows(text: str, source: str) -> Iterable[tuple[int, list[str]]]:
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = next(csv.reader(io.StringIO(line)))
        if line_no == 1 and fields and fields[0].strip().casefold() == "action":
            continue  # a header row
        yield line_no, fields


def _yaml_rows(text: str, source: str) -> Iterable[tuple[int, list[str]]]:
    try:
        import yaml
    except ImportError:
        raise AliasFileError(f"[E106] {source}: reading a YAML alias file needs PyYAML: "
                             "`pip install pyyaml`, or write the rows as CSV.") from None
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise AliasFileError(f"[E107] {source}:{line}: not valid YAML ({getattr(exc, 'problem', exc)}). "
                             "Each item is `- merge: [NAME_A, NAME_B, TYPE]`, `- never: [NAME_A, NAME_B]` or `- type: [NAME, TYPE]`.") from None
    if root is None:
        return
    if not isinstance(root, yaml.SequenceNode):
        raise AliasFileError(f"[E107] {source}:{root.start_mark.line + 1}: the file must be a list. "
                             "Each item is `- merge: [NAME_A, NAME_B, TYPE]`, `- never: [NAME_A, NAME_B]` or "
                             "`- type: [NAME, TYPE]`.")
    for item in root.value:
        line = item.start_mark.line + 1
        ok = (isinstance(item, yaml.MappingNode) and len(item.value) == 1
              and isinstance(item.value[0][1], yaml.SequenceNode)
              and all(isinstance(v, yaml.ScalarNode) for v in item.value[0][1].value))
        if not ok:
            raise AliasFileError(f"[E107] {source}:{line}: expected `- merge: [NAME_A, NAME_B, TYPE]`, "
                                 "`- never: [NAME_A, NAME_B]` or `- type: [NAME, TYPE]`.")
        key, seq = item.value[0]
        yield line, [str(key.value), *(str(v.value) for v in seq.value)]


def parse_aliases(text: str, *, source: str = "aliases.csv", fmt: str | None = None,
                  lexicon_paths: tuple[str, ...] = ()) -> AliasTable:
    """Parse alias rules from ``text`` (CSV unless ``fmt="yaml"`` or ``source`` ends in .yaml/.yml).

    Raises
    ------
    AliasFileError
        For an unknown action, a missing name, an unknown type, a row naming one name twice,
        a pair that is both merged and kept apart, or a name given two types; the message
        names ``source:line``.
    """
    fmt = fmt or ("yaml" if source.lower().endswith((".yaml", ".yml")) else "csv")
    raw = _yaml_rows(text, source) if fmt == "yaml" else _csv_rows(text, source)
    rows = [_check_row(fields, line, source) for line, fields in raw]
    typed: dict[str, AliasRow] = {}
    for row in (r for r in rows if r.action == "type"):
        other = typed.setdefault(matching_form(row.a), row)
        if other.type != row.type:
            raise AliasFileError(f"[E109] {source}:{row.line}: {row.a!r} is given type {row.type} here and "
                                 f"{other.type} on line {other.line}; delete one of the two rows.")
    seen: dict[frozenset[str], AliasRow] = {}
    for row in (r for r in rows if r.action != "type"):
        pair = frozenset(row.forms()[:2])
        other = seen.get(pair)
        if other is not None and other.action != row.action:
            raise AliasFileError(f"[E108] {source}:{row.line}: {row.a!r} and {row.b!r} are both merged and kept apart "
                                 f"(see line {other.line}); delete one of the two rows.")
        seen.setdefault(pair, row)
    return AliasTable(rows, lexicon_paths=tuple(lexicon_paths))


def read_aliases(path: str | Path, *, lexicon_paths: tuple[str, ...] = ()) -> AliasTable:
    """Read an alias file (CSV, or YAML for ``.yaml``/``.yml``); see :func:`parse_aliases`.

    Raises
    ------
    AliasFileError
        If the file cannot be read or a row is malformed.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AliasFileError(f"[E100] {path}:0: no such alias file. Check the path given to --aliases.") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise AliasFileError(f"[E100] {path}:{line}: not UTF-8 text. Save the alias file as UTF-8.") from None
    except OSError as exc:
        raise AliasFileError(f"[E100] {path}:0: cannot read the alias file ({exc.strerror}). Check the path.") from None
    return parse_aliases(text, source=str(path), lexicon_paths=lexicon_paths)
