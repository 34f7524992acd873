"""Statistical policy terms of one document: frequent multi-word noun phrases scored by keyness.

A lexicon names the terms we know; this module finds the others. Per language, candidate
phrases are runs of nouns (jieba ``n``/``vn``/``nz`` words in Chinese, pyvi ``N``/``Np`` words
in Vietnamese, lowercase non-stopwords in English). Each candidate is scored by its C-value
(frequency, less the frequency it owes to longer candidates that contain it, times the log of
its length) and, in Chinese, by how rare its words are in jieba's dictionary counts (the
background). Generic words are never terms: a phrase headed by a very frequent word (问题, 发展,
工作, vấn đề, issue) or made only of frequent words is dropped.

Examples
--------
>>> text = "应急管理制度很重要。完善应急管理制度。应急管理制度的问题。"
>>> document_terms({"zh-Hans": [(0, text)]})
[(0, 6, '应急管理制度'), (12, 18, '应急管理制度'), (19, 25, '应急管理制度')]
>>> text = "Carbon border adjustment matters. The carbon border adjustment is an issue, and the issue is carbon border adjustment."
>>> [t for _, _, t in document_terms({"en": [(0, text)]})]
['Carbon border adjustment', 'carbon border adjustment', 'carbon border adjustment']
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from .script import to_simplified
from .vi_pyvi import load_pyvi
from .zh_segment import default_segmenter, recall

__all__ = ["ZH_GENERIC_COUNT", "ZH_HEAD_STOP_COUNT", "document_terms", "is_generic_zh_word", "language_terms"]

#: A jieba word counted this often in the background is generic: a phrase made only of such words is no term.
ZH_GENERIC_COUNT = 20_000
#: A jieba word counted this often never heads (ends) a term: 问题, 发展, 工作, 国家.
ZH_HEAD_STOP_COUNT = 50_000

_ZH_TAGS = frozenset({"n", "vn", "nz"})
_VI_TAGS = frozenset({"N", "Np"})
#: Vietnamese heads (first word) that make a phrase generic; pyvi joins multi-syllable words with "_".
_VI_HEAD_STOP = frozenset(
    "vấn_đề việc công_tác sự cái điều người nội_dung tình_hình hoạt_động lĩnh_vực phát_triển "
    "khả_năng quá_trình cách yếu_tố phần nơi lúc ngày năm tháng số loại mặt nhiều".split()
)
_EN_STOP = frozenset(
    """a an the and or but nor of to in on at by for with from as into onto over under about
    against between through during before after above below up down out off than then so such
    this that these those it its it's they them their there here we us our you your he him his
    she her i me my who whom whose which what when where why how all any both each few more most
    other some no not only own same too very can will just should would could may might must shall
    is are was were be been being am has have had having do does did doing also however thus
    one two three first second new many much well even still yet while within without upon per
    issue issues problem problems development work question questions way ways thing things
    said says say like make made use used become became part number lot""".split()
)
_EN_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*")


def document_terms(
    paragraphs_by_lang: Mapping[str, Sequence[tuple[int, str]]],
    *,
    top_k: int = 8,
) -> list[tuple[int, int, str]]:
    """Every occurrence of a document's statistical terms, as ``(start, end, text)``.

    Parameters
    ----------
    paragraphs_by_lang
        Per language (``zh-Hans``, ``zh-Hant``, ``vi``, ``en``), the document's paragraphs as
        ``(offset, text)``; the offsets returned add ``offset`` to the paragraph's own.
        Other languages are ignored.
    top_k
        How many terms to keep per language.

    Returns
    -------
    list of (int, int, str)
        Non-overlapping occurrences in offset order; ``text`` is the paragraph's own surface.

    Examples
    --------
    >>> document_terms({"vi": [(0, "Vấn đề rất khó.")]}, top_k=3)
    []
    """
    found: list[tuple[int, int, str]] = []
    for lang, paras in paragraphs_by_lang.items():
        for ps, s, e in language_terms(lang, paras, top_k=top_k):
            found.append((ps + s, ps + e, _paragraph_text(paras, ps)[s:e]))
    return _without_overlaps(found)


def language_terms(
    lang: str, paragraphs: Sequence[tuple[int, str]], *, top_k: int = 8
) -> list[tuple[int, int, int]]:
    """Occurrences ``(paragraph offset, start, end)`` of the ``top_k`` terms of one language.

    Examples
    --------
    >>> language_terms("en", [(5, "tax credit and tax credit")], top_k=1)
    [(5, 0, 10), (5, 15, 25)]
    >>> language_terms("fr", [(0, "crédit d'impôt")])
    []
    """
    if lang in ("zh-Hans", "zh-Hant"):
        runs, min_count = _zh_runs(paragraphs), 2
    elif lang == "vi":
        runs, min_count = _vi_runs(paragraphs), 3
    elif lang == "en":
        runs, min_count = _en_runs(paragraphs), 2
    else:
        return []
    occurrences: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
    for ps, words in runs:
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 4) + 1):
                key = tuple(_fold(lang, w) for w, _, _ in words[i:j])
                if _is_candidate(lang, key):
                    occurrences[key].append((ps, words[i][1], words[j - 1][2]))
    counts = {k: len(v) for k, v in occurrences.items() if len(v) >= min_count}
    scores = {k: s for k, s in _scores(lang, counts).items() if s > 0}
    best = sorted(scores, key=lambda k: (-scores[k], k))[:top_k]
    return sorted(o for k in best for o in occurrences[k])


def _fold(lang: str, word: str) -> str:
    return word.lower() if lang in ("vi", "en") else word


def _is_candidate(lang: str, key: tuple[str, ...]) -> bool:
    if lang in ("zh-Hans", "zh-Hant"):
        freq = _zh_background()
        if len(key) == 1 and len(key[0]) < 4:
            return False
        if freq.get(key[-1], 0) >= ZH_HEAD_STOP_COUNT:
            return False
        return not all(map(is_generic_zh_word, key))
    if lang == "vi":
        return len(key) >= 2 and key[0] not in _VI_HEAD_STOP
    return len(key) >= 2


def _scores(lang: str, counts: Mapping[tuple[str, ...], int]) -> dict[tuple[str, ...], float]:
    """C-value of each candidate, weighted in Chinese by the mean rarity of its words."""
    nested_in: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for longer, n in counts.items():
        for i in range(len(longer)):
            for j in range(i + 1, len(longer) + 1):
                if j - i < len(longer) and longer[i:j] in counts:
                    nested_in[longer[i:j]].append(n)
    out = {}
    for key, n in counts.items():
        containing = nested_in.get(key, [])
        owned = n - (sum(containing) / len(containing) if containing else 0)
        length = sum(len(w) for w in key) / 2 if lang.startswith("zh") else len(key)
        out[key] = math.log2(1 + length) * owned * _rarity(lang, key)
    return out


def _rarity(lang: str, key: tuple[str, ...]) -> float:
    if not lang.startswith("zh"):
        return 1.0
    freq, total = _zh_background(), _zh_total()
    return sum(math.log(total / (freq.get(w, 0) + 1)) for w in key) / (len(key) * math.log(total))


Run = tuple[int, list[tuple[str, int, int]]]  # paragraph offset, (word, start, end) in the paragraph


def _zh_runs(paragraphs: Sequence[tuple[int, str]]) -> Iterable[Run]:
    seg = default_segmenter()
    for ps, para in paragraphs:
        simple = to_simplified(para)
        pos, run = 0, []
        # the Chinese extractor has usually just read the same text: reuse its paths through jieba's words
        for word, tag in seg.tagged(simple, hmm=False, memo=recall(simple)):
            if tag in _ZH_TAGS:
                run.append((word, pos, pos + len(word)))
            elif run:
                yield ps, run
                run = []
            pos += len(word)
        if run:
            yield ps, run


def _vi_runs(paragraphs: Sequence[tuple[int, str]]) -> Iterable[Run]:
    ViTokenizer, ViPosTagger = load_pyvi()
    for ps, para in paragraphs:
        words, tags = ViPosTagger.postagging(ViTokenizer.tokenize(para))
        pos, run = 0, []
        for word, tag in zip(words, tags):
            surface = word.replace("_", " ")
            start = para.find(surface, pos)
            # pyvi may respell a token; a word not found where expected ends the run
            if start < 0 or para[pos:start].strip():
                if run:
                    yield ps, run
                run = []
                continue
            pos = start + len(surface)
            if tag in _VI_TAGS:
                run.append((word, start, pos))
            elif run:
                yield ps, run
                run = []
        if run:
            yield ps, run


def _en_runs(paragraphs: Sequence[tuple[int, str]]) -> Iterable[Run]:
    for ps, para in paragraphs:
        run: list[tuple[str, int, int]] = []
        for m in _EN_WORD.finditer(para):
            word = m.group()
            # a capital inside a phrase starts a name, not a term; only a phrase may open with one
            joins = bool(run) and word.islower() and para[run[-1][2] : m.start()] == " "
            if run and not joins:
                yield ps, run
                run = []
            if word.lower() not in _EN_STOP and word[1:].islower():
                run.append((word, m.start(), m.end()))
            elif run:
                yield ps, run
                run = []
        if run:
            yield ps, run


def _paragraph_text(paras: Sequence[tuple[int, str]], offset: int) -> str:
    return next(p for ps, p in paras if ps == offset)


def _without_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Longest first, then earliest; a span overlapping a kept one is dropped."""
    kept: list[tuple[int, int, str]] = []
    for s, e, t in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, t))
    return sorted(kept)


def is_generic_zh_word(word: str) -> bool:
    """Whether jieba's dictionary counts ``word`` at least :data:`ZH_GENERIC_COUNT` times: a word too
    common to be a term alone (管理, 发展), in a phrase of such words or in quotes.

    >>> is_generic_zh_word("管理"), is_generic_zh_word("权力清单"), is_generic_zh_word("法治")
    (True, False, False)
    """
    return _zh_background().get(word, 0) >= ZH_GENERIC_COUNT


def _zh_background() -> dict[str, int]:
    """jieba's dictionary counts (``jieba/dict.txt``), as its default tokenizer holds them."""
    return default_segmenter().freq


def _zh_total() -> int:
    return default_segmenter().total
