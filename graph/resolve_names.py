"""How names are compared across scripts: folding Latin and Vietnamese spellings, parsing person names.

These are pure functions of a name; the rules in :mod:`policykg.graph.resolve_rules` decide
when two names are one entity.

Examples
--------
>>> fold_latin("Hồ Chí Minh") == fold_latin("Ho Chi Minh")
True
>>> fold_vietnamese("toàn cầu hoá") == fold_vietnamese("toàn cầu hóa")
True
>>> parse_person("K.波兰尼")
PersonName(script='han', initials=('k',), given=(), surname='波兰尼')
>>> persons_compatible(parse_person("K.波兰尼"), parse_person("M.波兰尼"))
False
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "HAN_RE",
    "script_of",
    "has_diacritics",
    "fold_latin",
    "compact_latin",
    "fold_vietnamese",
    "PersonName",
    "parse_person",
    "persons_compatible",
    "same_given_name",
]

HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w]+")
# Vietnamese tone marks; vowel-quality marks (circumflex, breve, horn) are part of the letter.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_PARTICLES = frozenset({"von", "van", "de", "der", "den", "la", "le", "del", "da", "di", "du", "dos", "bin", "al"})
_INITIALS_RE = re.compile(r"^((?:[A-Za-z]\.\s?)+)")


def script_of(text: str) -> str:
    """``"han"`` if ``text`` has a Chinese character, ``"latin"`` if it has a Latin letter, else ``"other"``.

    Examples
    --------
    >>> script_of("L.米塞斯"), script_of("Việt Nam"), script_of("2021")
    ('han', 'latin', 'other')
    """
    if HAN_RE.search(text):
        return "han"
    if _LATIN_RE.search(text):
        return "latin"
    return "other"


def has_diacritics(text: str) -> bool:
    """Whether ``text`` has a letter with a diacritic (``đ`` counts).

    Examples
    --------
    >>> has_diacritics("Hà Nội"), has_diacritics("Ha Noi")
    (True, False)
    """
    return "đ" in text.casefold() or any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text))


@lru_cache(maxsize=100_000)
def fold_latin(text: str) -> str:
    """Case, diacritics, possessive ``'s`` and punctuation removed; words separated by one space.

    Examples
    --------
    >>> fold_latin("Erdogan's"), fold_latin("SONG Da-wei"), fold_latin("Đảng Cộng sản")
    ('erdogan', 'song da wei', 'dang cong san')
    """
    text = _POSSESSIVE.sub("", unicodedata.normalize("NFKC", text))
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def compact_latin(text: str) -> str:
    """:func:`fold_latin` without spaces: the form a romanization is compared in.

    Examples
    --------
    >>> compact_latin("Song Da-wei") == compact_latin("SONG Dawei")
    True
    """
    return fold_latin(text).replace(" ", "")


_VOWELS = "aăâeêioôơuưy"
_MARKED = "ăâêôơư"


def _tone_position(base: str) -> int:
    """Where the tone mark goes in ``base`` (new-style placement, so hoá and hóa agree)."""
    start = 2 if base[:2] in ("qu", "gi") and len(base) > 2 and base[2] in _VOWELS else 0
    idx = [i for i in range(start, len(base)) if base[i] in _VOWELS]
    if not idx:
        return -1
    marked = [i for i in idx if base[i] in _MARKED]
    if marked:
        return marked[-1]
    if len(idx) == 1:
        return idx[0]
    cluster = base[idx[0]:idx[-1] + 1]
    if cluster in ("oa", "oe", "uy") or idx[-1] < len(base) - 1:
        return idx[-1]
    return idx[1] if len(idx) == 3 else idx[0]


def _vi_syllable(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = "".join(c for c in decomposed if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    # kỹ / kĩ, lý / lí: final y after a consonant is written either way
    if len(base) >= 2 and base.endswith("y") and base[-2] not in _VOWELS and not base.startswith("qu"):
        base = base[:-1] + "i"
    pos = _tone_position(base)
    if not tones or pos < 0:
        return base + tones
    return unicodedata.normalize("NFC", base[:pos + 1] + tones + base[pos + 1:])


@lru_cache(maxsize=100_000)
def fold_vietnamese(text: str) -> str:
    """Vietnamese spelling folded: case, old/new tone placement (hoá/hóa) and final y/i (kỹ/kĩ).

    Tone and vowel marks are kept, so *Hải* and *Hài* stay different names.

    Examples
    --------
    >>> fold_vietnamese("Chủ nghĩa Xã hội") == fold_vietnamese("chủ nghĩa xã hội")
    True
    >>> fold_vietnamese("Hải") == fold_vietnamese("Hài")
    False
    """
    words = unicodedata.normalize("NFC", text).casefold().replace("-", " ").split()
    return " ".join(_vi_syllable(w) for w in words)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split into initials, given names and surname, in one script.

    Latin names are folded (:func:`fold_latin`); Chinese transliterations are split on the
    middle dot, so ``安德烈斯·曼努埃尔·洛佩斯·奥夫拉多尔`` has three given names.
    """

    script: str
    initials: tuple[str, ...]
    given: tuple[str, ...]
    surname: str

    @property
    def first_letters(self) -> tuple[str, ...]:
        """The first letter of each initial or Latin given name (Chinese given names give none)."""
        letters = list(self.initials)
        if self.script == "latin":
            letters += [g[0] for g in self.given]
        return tuple(letters)


@lru_cache(maxsize=100_000)
def parse_person(text: str) -> PersonName | None:
    """Split a person's name; ``None`` when it has no usable surname.

    Examples
    --------
    >>> parse_person("Ludwig von Mises")
    PersonName(script='latin', initials=(), given=('ludwig',), surname='mises')
    >>> parse_person("John B.Foster")
    PersonName(script='latin', initials=(), given=('john', 'b'), surname='foster')
    >>> parse_person("C.W.米尔斯")
    PersonName(script='han', initials=('c', 'w'), given=(), surname='米尔斯')
    """
    text = unicodedata.normalize("NFKC", text).strip()
    script = script_of(text)
    if script == "han":
        initials: tuple[str, ...] = ()
        m = _INITIALS_RE.match(text)
        if m:
            initials = tuple(c.casefold() for c in m.group(1) if c.isalpha())
            text = text[m.end():]
        parts = [p for p in re.split(r"[·・•\s]+", text) if p]
        if not parts:
            return None
        return PersonName("han", initials, tuple(parts[:-1]), parts[-1])
    if script == "latin":
        words = [w for w in fold_latin(text.replace(".", ". ")).split() if w not in _PARTICLES]
        if not words:
            return None
        return PersonName("latin", (), tuple(words[:-1]), words[-1])
    return None


def same_given_name(x: str, y: str) -> bool:
    """Whether two given names (or initials) can name one person: equal, an initial of the other,
    or one name spelt two ways: Latin spellings with the same letters once silent *h*, doubled
    letters and ph/f, v/f, c/k are folded (Theresa / Teresa, Stephen / Steven, not Mario / Maria);
    Chinese transliterations with the same pinyin (特雷莎 / 特蕾莎, 玛克辛 / 瑪克欣).

    Examples
    --------
    >>> same_given_name("theresa", "teresa"), same_given_name("mario", "maria"), same_given_name("j", "john")
    (True, False, True)
    >>> same_given_name("特雷莎", "特蕾莎"), same_given_name("玛克辛", "瑪克欣"), same_given_name("杰里米", "杰森")
    (True, True, False)
    """
    if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    from .resolve_readings import pinyin_syllables, same_pinyin, spelling_letters

    if HAN_RE.search(x) and HAN_RE.search(y):
        return len(x) == len(y) == len(pinyin_syllables(x)) and same_pinyin(x, y)
    if HAN_RE.search(x) or HAN_RE.search(y) or len(x) < 3 or len(y) < 3:
        return False
    return spelling_letters(x) == spelling_letters(y)


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree from the first on (John B. / John Bellamy), or the shorter list is the
    end of the longer one: a name without its first given names (Lopez Obrador / Andres Manuel
    Lopez Obrador)."""
    if all(same_given_name(x, y) for x, y in zip(a, b)):
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    tail = longer[len(longer) - len(shorter):]
    return bool(shorter) and all(same_given_name(x, y) for x, y in zip(shorter, tail))


def persons_compatible(a: PersonName | None, b: PersonName | None) -> bool:
    """False when two names of one script are visibly different people.

    Same surname with different initials or given names (K.波兰尼 / M.波兰尼, Helene Bauer /
    Otto Bauer) is incompatible; a name and its short form (米塞斯 / L.米塞斯, Lopez Obrador /
    Andres Manuel Lopez Obrador), one given name spelt two ways (Theresa May / Teresa May,
    特雷莎·梅 / 特蕾莎·梅, see :func:`same_given_name`) and names in different scripts are compatible.

    Examples
    --------
    >>> persons_compatible(parse_person("Helene Bauer"), parse_person("Otto Bauer"))
    False
    >>> persons_compatible(parse_person("John B.Foster"), parse_person("John Bellamy Foster"))
    True
    >>> persons_compatible(parse_person("Kai-Fu Lee"), parse_person("Lee Kai-Fu"))
    True
    >>> persons_compatible(parse_person("Lopez Obrador"), parse_person("Andres Manuel Lopez Obrador"))
    True
    >>> persons_compatible(parse_person("Manuel Lopez"), parse_person("Andres Manuel Lopez Obrador"))
    False
    """
    if a is None or b is None or a.script != b.script:
        return True
    if a.script == "latin" and sorted((*a.given, a.surname)) == sorted((*b.given, b.surname)):
        return True  # family name first or last: Lee Kai-Fu / Kai-Fu Lee
    if a.surname != b.surname:
        # two complete Latin names with different surnames are different people
        return not (a.script == "latin" and a.given and b.given)
    if a.initials and b.initials and a.initials != b.initials:
        return False
    if a.script == "latin":
        return _given_compatible(a.given, b.given)
    ga, gb = a.given, b.given
    # Chinese transliterations: the shorter list of given names is the end of the longer one
    shorter, longer = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    return all(same_given_name(x, y) for x, y in zip(shorter, longer[len(longer) - len(shorter):]))
