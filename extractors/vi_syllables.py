"""How Vietnamese is spelled: its syllables, its tone marks, and the words it cannot spell.

The Vietnamese rules tell a foreign name (``Biden``, ``MSNBC``) from a Vietnamese one by spelling
alone, and look words up with old-style tone placement (``Hoà``, ``Uỷ``) folded to the new style.

Examples
--------
>>> is_vietnamese_syllable("Nguyễn"), is_foreign("Kanye"), is_acronym("MSNBC"), is_acronym("XIV")
(True, True, True, False)
>>> fold_tones("Uỷ ban Khánh Hoà")
'Ủy ban Khánh Hòa'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ROMAN_NUMERAL",
    "fold_tones",
    "is_acronym",
    "is_capitalised",
    "is_foreign",
    "is_vietnamese_syllable",
    "letter_runs",
]

#: Roman numerals in capitals (``XIV``): neither acronyms nor names.
ROMAN_NUMERAL = re.compile(r"^[IVXLC]+$")

# Vietnamese syllables: an initial consonant, a vowel cluster and a final consonant, tone marks removed.
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
    r"(?:uyê|uya|uyu|ươu|ươi|uôi|oai|oay|oao|oeo|uây|iêu|yêu|ươ|uô|uơ|iê|yê|uâ|uê|ua|ưa|ưu|ưi|ui|uy|oa|oă|oe|oi|ôi|ơi|"
    r"ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oo|[aăâeêioôơuưy])(?:ch|ng|nh|[cmnpt])?$"
)
_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))


def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` is a syllable Vietnamese spelling allows (``Biden`` and ``West`` are not).

    Examples
    --------
    >>> [is_vietnamese_syllable(w) for w in ("Nguyễn", "quốc", "Kim", "Biden", "West", "Lee", "Obrador")]
    [True, True, True, False, False, False, False]
    """
    base = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONES))
    return bool(_SYLLABLE.match(base))


_OLD_TONES = {f"{v}{t}": f"{tv}{w}" for v, w, pairs in (("o", "a", "àòáóảỏãõạọ"), ("o", "e", "èòéóẻỏẽõẹọ"),
                                                          ("u", "y", "ỳùýúỷủỹũỵụ"))
              for t, tv in zip(pairs[::2], pairs[1::2])}
_OLD_TONE = re.compile("|".join(_OLD_TONES), re.IGNORECASE)


def fold_tones(text: str) -> str:
    """``text`` with old-style tone placement (``Hoà``, ``Uỷ``) moved as in new style, for look-ups.

    >>> fold_tones("Khánh Hoà") == fold_tones("Khánh Hòa") and fold_tones("Uỷ ban") == fold_tones("Ủy ban")
    True
    """

    def move(m: re.Match[str]) -> str:
        new = _OLD_TONES[m.group().lower()]
        return new[0].upper() + new[1:] if m.group()[0].isupper() else new

    return _OLD_TONE.sub(move, unicodedata.normalize("NFC", text))


def is_capitalised(word: str) -> bool:
    """Whether ``word`` starts with a capital letter."""
    return word[:1].isupper()


def letter_runs(word: str) -> list[str]:
    """The runs of letters in ``word`` (digits, marks and ``_`` cut them)."""
    return re.findall(r"[^\W\d_]+", word)


def is_foreign(word: str) -> bool:
    """Whether a word has a syllable Vietnamese cannot spell (``Kanye``, ``MSNBC``)."""
    return any(not is_vietnamese_syllable(s) for s in letter_runs(word))


def is_acronym(word: str) -> bool:
    """Whether ``word`` is an all-capital acronym (``MSNBC``), not a Roman numeral or a Vietnamese syllable."""
    letters = "".join(letter_runs(word))
    return len(letters) >= 2 and word.isupper() and is_foreign(word) and not ROMAN_NUMERAL.match(letters)
