"""What the Vietnamese rules look names up in, each read once, on first use.

* :func:`known_places`: CLDR country, region and city names in Vietnamese, and :data:`~.vi_words.PLACES`;
* :func:`english_gazetteer`: the English model's gazetteer, which types foreign names;
* :func:`pyvi_dictionary`: pyvi's words of two and three syllables, which tell a word from a name.

Examples
--------
>>> "Hà Nội" in known_places(), "Bình Nhưỡng" in known_places()
(True, True)
>>> english_gazetteer().heads["channel"], english_key("Fox News, Inc.")
('org', 'fox news , inc .')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .places import territory_names
from .vi_pyvi import load_pyvi
from .vi_syllables import fold_tones
from .vi_words import EN_ORG_HEADS, EN_PLACE_HEADS, PLACES

__all__ = ["Gazetteer", "english_gazetteer", "english_key", "known_places", "pyvi_dictionary"]


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """CLDR country and region names (with ``Châu Á`` also as ``châu Á``), CLDR city names, :data:`PLACES`."""
    from babel import Locale

    names = set(territory_names("vi")) | PLACES
    names |= {zone["city"] for zone in Locale.parse("vi").time_zones.values() if zone.get("city")}
    names |= {"châu" + n[4:] for n in names if n.startswith("Châu ")}
    return frozenset(fold_tones(n) for n in names)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The English model's word lists that type a foreign name, lower-cased."""

    places: dict[str, str]  # lower-case English place name -> cityA, cityB, state, cty or cont
    people: frozenset[str]  # census first names and the commoner last names
    first: frozenset[str]
    common: frozenset[str]  # English words at least as common as Zipf 4
    heads: dict[str, str]  # English head word -> org or loc


@lru_cache(maxsize=1)
def english_gazetteer() -> Gazetteer:
    """The English model's gazetteer (GeoNames, US census, wordfreq), read once.

    Raises
    ------
    FileNotFoundError
        If the English model's ``lexicon.tsv.gz`` is missing; the message names it and the fix.
    """
    from .ner_model import model_dir, read_lexicon

    path = model_dir("en") / "lexicon.tsv.gz"
    if not path.is_file():
        raise FileNotFoundError(
            f"[E102] {path} is missing; vi.kg_entities types foreign names with the English model's gazetteer. "
            "Reinstall policy-kg, or rebuild the model with `python -m policykg.extractors.training --lang en "
            "--data /work/shared/eval --out extractors/models/en_ner`."
        )
    lex = read_lexicon(path)
    first = frozenset(w for w, v in lex["first"].items() if v in "ab")
    last = frozenset(w for w, v in lex["last"].items() if v in "ab")
    heads = dict(lex["head"]) | dict.fromkeys(EN_ORG_HEADS, "org") | dict.fromkeys(EN_PLACE_HEADS, "loc")
    common = frozenset(w for w, v in lex["zipf"].items() if int(v) >= 4)
    return Gazetteer(dict(lex["phrase"]), first | last, first, common, heads)


@lru_cache(maxsize=1)
def pyvi_dictionary() -> frozenset[str]:
    """The words of two and three syllables in pyvi's dictionary, lower-cased."""
    tokenizer, _ = load_pyvi()
    return frozenset(w.lower() for w in tokenizer.ViTokenizer.bi_grams | tokenizer.ViTokenizer.tri_grams)


def english_key(text: str) -> str:
    """``text`` as the gazetteer's keys are written: lower-case words and punctuation, one space apart."""
    return " ".join(t.lower() for t in re.findall(r"\w+|[^\w\s]", text))
