"""Documents that are one text in several languages, told by their file names.

Translations are commonly filed under one name with a language tag before the extension
(``report.en.txt``, ``report.zh-Hans.txt``, ``report_vi.docx``). Two documents are taken as
translations of each other when their names differ only in that tag, each tag agrees with the
language the document was detected in, and the languages differ. Shared entities align
documents too (:meth:`~policykg.graph.resolve_state.ResolveState.aligned_documents`); a file
name says so before any entity has been merged.

Examples
--------
>>> langs = {"a/story.en.txt": "en", "a/story.zh-Hans.txt": "zh-Hans", "a/story.vi.txt": "vi",
...          "a/other.en.txt": "en", "notes.zh.txt": "en"}
>>> sorted(translations(langs)["a/story.en.txt"])
['a/story.vi.txt', 'a/story.zh-Hans.txt']
>>> translations(langs).get("notes.zh.txt", set())
set()
>>> language_tag("report_zh-TW.docx"), language_tag("report.txt")
(('report_', 'zh-TW', '.docx'), None)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from policykg.extractors.records import DocumentRecord

__all__ = ["group_indexes", "language_tag", "translation_groups", "translations"]

# a tag between a separator and the extension: .en. _vi. -zh-Hans. .zh_TW.
_TAGGED = re.compile(r"^(?P<stem>.*?[._\-])(?P<tag>[A-Za-z]{2,3}(?:[_\-][A-Za-z0-9]{2,4})?)(?P<ext>\.[A-Za-z0-9]{1,5})$")


def language_tag(doc_id: str) -> tuple[str, str, str] | None:
    """``(stem, tag, extension)`` of a file name with a language tag before its extension, else ``None``."""
    m = _TAGGED.match(doc_id)
    if m is None or m.group("stem") in ("", ".", "_", "-"):
        return None
    return m.group("stem"), m.group("tag"), m.group("ext")


def _agrees(tag: str, language: str) -> bool:
    """Whether a file-name tag names the detected language (``zh``/``zh-CN`` for ``zh-Hans`` too)."""
    tag, language = tag.replace("_", "-").casefold(), language.casefold()
    if not language:
        return False
    if tag == language:
        return True
    primary = tag.split("-")[0]
    return primary == language.split("-")[0] and (tag == primary or _script(tag) in ("", _script(language)))


def _script(tag: str) -> str:
    parts = tag.split("-")[1:]
    if any(p in ("hans", "cn", "sg", "my") for p in parts):
        return "hans"
    if any(p in ("hant", "tw", "hk", "mo") for p in parts):
        return "hant"
    return ""


def translations(doc_languages: dict[str, str]) -> dict[str, set[str]]:
    """``{document: {its translations}}`` by file name (see the module docstring)."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc, language in doc_languages.items():
        parts = language_tag(doc)
        if parts is not None and _agrees(parts[1], language):
            groups[(parts[0], parts[2])].append(doc)
    out: dict[str, set[str]] = {}
    for docs in groups.values():
        for d in docs:
            others = {o for o in docs if doc_languages[o] != doc_languages[d]}
            if others:
                out[d] = others
    return out


def translation_groups(doc_languages: dict[str, str]) -> list[list[str]]:
    """The documents of each translation group of two or more, sorted, groups in order.

    >>> translation_groups({"s.en.txt": "en", "s.vi.txt": "vi", "t.en.txt": "en"})
    [['s.en.txt', 's.vi.txt']]
    """
    pairs = translations(doc_languages)
    seen: set[str] = set()
    groups = []
    for doc in sorted(pairs):
        if doc not in seen:
            group = sorted({doc, *pairs[doc]})
            seen.update(group)
            groups.append(group)
    return groups


def group_indexes(records: Sequence[DocumentRecord]) -> list[list[int]]:
    """:func:`translation_groups` of ``records`` (each by its first language), as indexes into ``records``."""
    index = {r.doc_id: i for i, r in enumerate(records)}
    return [[index[d] for d in group] for group in translation_groups({r.doc_id: (r.languages or ("",))[0] for r in records})]
