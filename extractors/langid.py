"""Language of a paragraph: simplified or traditional Chinese, Vietnamese, English, or other.

Script counts decide between Han and Latin text. Han text is simplified or
traditional by how many characters OpenCC's ``t2s`` and ``s2t`` conversions
would change (plus the 「」『』 quotes of Taiwan and Hong Kong). Latin text is
Vietnamese when letters that only Vietnamese uses (ă, ơ, ư, đ, ạ, ả, ế …) mark
most syllables; otherwise py3langid, limited to Latin-script languages, decides,
and English wins when it is unsure (short titles, names).

Examples
--------
>>> [detect_language(t) for t in ["国务院发布通知。", "國務院發布通知。", "Hà Nội là thủ đô.", "The State Council."]]
['zh-Hans', 'zh-Hant', 'vi', 'en']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

import numpy as np

from .segment import HAN, HAN_RE, split_paragraphs

__all__ = ["LANGS", "detect_language", "detect_paragraph_languages"]

#: Every value :func:`detect_language` returns.
LANGS = ("zh-Hans", "zh-Hant", "vi", "en", "other")

#: Latin-script languages py3langid may choose between; anything but "en" and "vi" is "other".
LATIN_LANGUAGES = (
    "en vi fr de es pt it nl id ms tl sv da no pl cs sk sl hr ro hu fi et lt lv tr eu ca gl af sw sq cy ga is eo la"
).split()

#: What :func:`_detect` says of a Latin paragraph it leaves to the document's other paragraphs: one
#: too short to tell, or one without accents or Vietnamese marks and with few English function words.
_SHORT_LATIN = "latin?"
_SAMPLE = 2000  # characters looked at by OpenCC and py3langid; the evidence is clear long before
_SURE = 0.8  # py3langid probability needed to call Latin text anything but English

# the lookbehind starts an address only where a run of its characters starts: without it a long
# run of letters with no "@" is rescanned from every position (quadratic)
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff]")
_HANGUL = re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LATIN_WORD = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")
_LETTER = re.compile(r"[^\W\d_]")
_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
_VIETNAMESE_ONLY = re.compile("[ăắằẳẵặđơớờởỡợưứừửữựảạẻẽẹỉĩịỏọủũụỳỷỹỵấầẩẫậếềểễệốồổỗộ]", re.IGNORECASE)
_VIETNAMESE_SHARED = re.compile("[àáâãèéêìíòóôõùúý]", re.IGNORECASE)  # also French, Portuguese …
_HANT_QUOTES = re.compile("[「」『』]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CJK_RUN = re.compile(f"[{HAN}\u3040-\u30ff\uac00-\ud7af]+")
_CJK_PUNCT = re.compile("[\u3001-\u3003\u3008-\u3011\uff01-\uff1f]")
#: Words frequent in English and rare as words of other Latin-script languages.
_ENGLISH_MARKERS = frozenset("the of and to that is was were with for from this which have has are by".split())


def detect_language(text: str, *, han_default: str = "zh-Hans") -> str:
    """Return the language of ``text``, one of :data:`LANGS`.

    Parameters
    ----------
    text : str
        A paragraph (any length works; long text is sampled).
    han_default : {"zh-Hans", "zh-Hant"}, optional
        The answer for Chinese text whose characters are the same in both
        scripts (``主持人``). :func:`detect_paragraph_languages` passes the
        document's majority.

    Returns
    -------
    str
        ``"zh-Hans"``, ``"zh-Hant"``, ``"vi"``, ``"en"``, or ``"other"`` for other
        languages and for text without letters.

    Examples
    --------
    >>> detect_language("會動 ‘奶酪’")
    'zh-Hant'
    >>> detect_language("主持人"), detect_language("主持人", han_default="zh-Hant")
    ('zh-Hans', 'zh-Hant')
    >>> detect_language("SONG Dawei"), detect_language("Das ist ein deutscher Satz über die Politik.")
    ('en', 'other')
    >>> detect_language("[1] 2021-02-21")
    'other'
    """
    language = _detect(text)
    return han_default if language is None else language


def detect_paragraph_languages(text: str, *, by: str = "line") -> list[tuple[int, int, str]]:
    """Return ``(start, end, language)`` for every paragraph of ``text``.

    Chinese paragraphs that could be either script take the script most of the
    document's other Chinese paragraphs have (simplified if none decide).

    Parameters
    ----------
    text : str
        A document, normally normalized.
    by : {"line", "blank"}, optional
        How paragraphs are separated, as in :func:`.segment.split_paragraphs`.

    Returns
    -------
    list of tuple
        ``(start, end, language)`` in document order.

    Examples
    --------
    >>> detect_paragraph_languages("主持人\\n國務院發布通知。\\nAbstract This study.")
    [(0, 3, 'zh-Hant'), (4, 12, 'zh-Hant'), (13, 33, 'en')]
    """
    spans = split_paragraphs(text, by=by)
    found = [_detect(text[s:e], short_latin=_SHORT_LATIN) for s, e in spans]
    votes = Counter(lang for lang in found if lang in ("zh-Hans", "zh-Hant"))
    default = "zh-Hant" if votes["zh-Hant"] > votes["zh-Hans"] else "zh-Hans"
    # a headline or a name on its own line is in the language of the document's Latin paragraphs;
    # only a document without any asks the statistical model (whose loading costs a second)
    latin = Counter(lang for lang in found if lang in ("en", "vi", "other"))
    latin_default = latin.most_common(1)[0][0] if latin else None
    out = []
    for (s, e), lang in zip(spans, found):
        if lang == _SHORT_LATIN:
            lang = latin_default or _detect(text[s:e])
        out.append((s, e, default if lang is None else lang))
    return out


def _detect(text: str, short_latin: str | None = None) -> str | None:
    """The language, or None for Chinese that is the same in both scripts; with ``short_latin``,
    that value for Latin text too short to decide without the statistical model."""
    text = _URL_OR_EMAIL.sub(" ", unicodedata.normalize("NFC", text))
    letters = len(_LETTER.findall(text))
    if not letters:
        return "other"
    han, kana, hangul = len(HAN_RE.findall(text)), len(_KANA.findall(text)), len(_HANGUL.findall(text))
    cjk = han + kana + hangul
    latin = len(_LATIN.findall(text))
    words = _LATIN_WORD.findall(text)
    # One CJK character carries about what a short word does. Chinese that quotes
    # English names still has several CJK runs (的, 在) or CJK punctuation.
    if cjk and (
        4 * cjk >= latin
        or (2 * cjk >= len(words) and (len(_CJK_RUN.findall(text)) > 1 or _CJK_PUNCT.search(text)))
    ):
        if kana >= max(2, (han + kana) / 10) or hangul > han:
            return "other"
        return _han_script(text[:_SAMPLE])
    if 2 * latin >= letters:
        return _latin_language(text, words, short_latin)
    return "other"


def _han_script(text: str) -> str | None:
    # OpenCC encodes to UTF-8, which a lone surrogate (from surrogateescape decoding) breaks
    text = _SURROGATE.sub("\ufffd", text)
    traditional = _changed(text, "t2s") + len(_HANT_QUOTES.findall(text))
    simplified = _changed(text, "s2t")
    if traditional == simplified:
        return None
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def _changed(text: str, config: str) -> int:
    """How many characters of ``text`` the OpenCC conversion ``config`` changes."""
    converter = _converter(config)
    converted = converter.convert(text)  # whole text, so phrases (著名, 公里) convert in context
    if len(text) == len(converted):
        a = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        b = np.frombuffer(converted.encode("utf-32-le"), dtype=np.uint32)
        return int(np.count_nonzero(a != b))
    return sum(converter.convert(c) != c for c in HAN_RE.findall(text))  # a phrase changed length (rare)


def _latin_language(text: str, words: list[str], short_latin: str | None = None) -> str:
    own = len(_VIETNAMESE_ONLY.findall(text))
    if own and own + len(_VIETNAMESE_SHARED.findall(text)) / 2 >= 0.3 * len(words):
        return "vi"  # Vietnamese marks most syllables; a name in English text marks few
    if not own and len(words) >= 8 and sum(w.lower() in _ENGLISH_MARKERS for w in words) >= 0.15 * len(words):
        return "en"  # plainly English: skip the slower statistical model
    if short_latin and not own and (len(words) < 8 or not _ACCENTED.search(text)):
        return short_latin  # a headline, or unaccented prose with few function words: ask the document
    language, probability = latin_identifier().classify(text[:_SAMPLE])
    if language in ("en", "vi"):
        return language
    return "other" if probability >= _SURE else "en"


@functools.cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


@functools.cache
def latin_identifier():
    """py3langid's identifier over the Latin-script languages, loaded once per process (about a
    second and a half: it is read only when a paragraph's marks and words do not settle its language)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([lang for lang in LATIN_LANGUAGES if lang in identifier.nb_classes])
    return identifier
