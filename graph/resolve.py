"""Which mentions are one entity: the key a mention is merged under.

This first version merges what needs no judgement: script variants (国务院 / 國務院 share
their simplified form), case and Unicode spelling (NFC/NFD, full-width letters), lexicon
concepts across languages (资本主义 / chủ nghĩa tư bản / capitalism share a concept id) and
countries across languages (越南 / Việt Nam / Vietnam share a CLDR code). Mentions of
different types never merge.

Examples
--------
>>> from policykg.extractors.records import Mention
>>> entity_key(Mention("國務院", "ORG", 0, 3, "zh-Hant", 0)) == entity_key(Mention("国务院", "ORG", 5, 8, "zh-Hans", 1))
True
>>> entity_key(Mention("Việt Nam", "PLACE", 0, 8, "vi", 0))
('PLACE', 'territory:VN')
>>> entity_key(Mention("chủ nghĩa tư bản", "TERM", 0, 16, "vi", 0, concept="capitalism"))
('TERM', 'concept:capitalism')
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

from policykg.extractors.places import territory_names
from policykg.extractors.records import Mention
from policykg.extractors.script import to_simplified

__all__ = ["entity_key", "node_id", "matching_form"]


@lru_cache(maxsize=200_000)
def matching_form(text: str) -> str:
    """The form two surface strings must share to be the same name.

    NFKC (full-width letters, compatibility forms), simplified Chinese, case-folded, inner
    whitespace collapsed and middle dots unified.

    Examples
    --------
    >>> matching_form("ＷＴＯ") == matching_form("wto")
    True
    >>> matching_form("馬克思") == matching_form("马克思")
    True
    """
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text).casefold()
    text = text.replace("・", "·").replace("•", "·")
    return " ".join(text.split())


def _territory_code(text: str) -> str | None:
    for lang in ("en", "vi", "zh-Hans", "zh-Hant"):
        code = territory_names(lang).get(text)
        if code:
            return code
    return None


def entity_key(mention: Mention) -> tuple[str, str]:
    """The (type, key) under which ``mention`` is merged with others."""
    if mention.concept:
        return mention.label, f"concept:{mention.concept}"
    if mention.label == "PLACE":
        code = _territory_code(unicodedata.normalize("NFC", mention.text))
        if code:
            return mention.label, f"territory:{code}"
    return mention.label, matching_form(mention.text)


def node_id(key: tuple[str, str]) -> str:
    """A stable, XML-safe node id for an entity key (``n`` + 12 hex digits).

    Examples
    --------
    >>> node_id(("ORG", "国务院"))
    'n1c4638a0eae8'
    """
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()
    return "n" + digest[:12]
