"""Turn the bytes of a text file into ``str``, working out the encoding on the way.

Policy documents reach us as UTF-8, UTF-16, GB18030/GBK, Big5 (cp950), Windows-1258,
VISCII or Windows-1252. A byte-order mark decides at once, and so does valid UTF-8 with
enough non-ASCII in it. Otherwise every codec that decodes the bytes without error is a
candidate (ours, UTF-16 without a mark, and charset-normalizer's guesses), and the one whose
text reads most like Chinese, Vietnamese or English wins (``text_badness``): a wrong codec
turns common Han characters into rare ones, makes "words" that are no Vietnamese syllable
or mix scripts, and produces kana, Hangul, controls and Latin-1 symbols. That is what tells
GBK from Big5 on a one-line title, and Windows-1258 from VISCII.

Python has no VISCII codec: ``data/viscii.txt`` (RFC 1456, made from glibc ``iconv`` by
``data/make_viscii_table.py``) is its table. ``data/han_frequency.txt`` (jieba's word counts,
made by ``data/make_han_frequency.py``) ranks Han characters.

Examples
--------
>>> decode_bytes("国务院关于加强数字政府建设的指导意见".encode("gbk"))
('国务院关于加强数字政府建设的指导意见', 'gb18030')
>>> decode_bytes("行政院公布施政方針".encode("cp950"))
('行政院公布施政方針', 'cp950')
>>> decode_bytes(encode_viscii("Chính phủ Việt Nam"))
('Chính phủ Việt Nam', 'viscii')
"""

from __future__ import annotations

import codecs
import collections
import functools
import re
import unicodedata
from importlib import resources

import charset_normalizer

__all__ = ["decode_bytes", "decode_viscii", "encode_viscii", "encode_cp1258", "text_badness"]

# Legacy codecs tried in this order; on equal scores the earlier one is reported.
# cp950 rather than Python's "big5": Windows and browsers (WHATWG) both decode Big5 as cp950.
LEGACY_CANDIDATES = ("gb18030", "cp950", "big5hkscs", "cp1252", "cp1258", "viscii")
SUPPORTED_NAMES = "UTF-8, UTF-16, GB18030/GBK, Big5, Windows-1258, VISCII and Windows-1252"
MAX_BADNESS = 0.5  # above this share of implausible units the bytes are not text we can read ...
MIN_UNITS_TO_JUDGE = 8  # ... once there are this many units; a two-word file gets its best reading
MAX_CONTROL_SHARE = 0.1
DECLARED_TOLERANCE = 0.25  # a declared charset may read this much worse than the best guess and still win
DAMAGED_UTF8_RATIO = 3  # this many good UTF-8 sequences per bad one: damaged UTF-8, not another codec
HAN_TIER_COSTS = (0.0, 0.1, 0.3, 0.6)  # per Han character of frequency tier 0..3; rarer ones cost 1
UNLIKELY_CODEC_COST = 0.1  # added to the badness of codecs we do not expect (see _score_candidates)
# Any even number of bytes decodes as UTF-16, and Han characters fill a third of its range, so
# noise often reads as rare Chinese: without a byte-order mark, UTF-16 must read this much better.
UTF16_MAX_BADNESS = MAX_BADNESS - UNLIKELY_CODEC_COST
TRUST_UTF8_AFTER = 24  # valid UTF-8 with this many continuation bytes is UTF-8; shorter is scored
SCORE_CHARS = 60_000  # score at most this many characters of each candidate (three windows)

_BOMS = (  # (mark, codec for the rest, name reported); UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
# Codecs browsers (WHATWG Encoding) use for these labels; we read <meta charset> the same way.
# A page that really is UTF-16 cannot declare it in ASCII, so a UTF-16 label means UTF-8.
_DECLARED_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "cp950", "iso8859-1": "cp1252",
                     "ascii": "cp1252", "utf-16": "utf-8", "utf-16-le": "utf-8", "utf-16-be": "utf-8"}
_UTF16_NO_BOM = frozenset({"utf-16-le", "utf-16-be"})
# Double-byte codecs whose damaged files we recognise, with the names people know them by.
_DOUBLE_BYTE = {"gb18030": "GB18030/GBK", "cp950": "Big5"}
_VISCII_LABELS = frozenset({"viscii", "x-viet-viscii", "csviscii", "viscii1.1-1"})

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RE = re.compile(f"[{_HAN}]")
_WORD_RE = re.compile(rf"(?:[^\W\d_{_HAN}]|[\u0300-\u036f])+")  # letters of any script but Han
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")
# What Chinese, Vietnamese and English documents are written with; anything else (kana, Hangul,
# Yi, Armenian, controls, private use ...) is what a wrong codec produces.
_EXPECTED = (f"\t-\r -~\xa0-\u024f\u02b0-\u036f\u0370-\u04ff\u1e00-\u1eff\u2000-\u24ff\u25a0-\u26ff"
             f"\u2e80-\u2fdf\u3000-\u303f\u3100-\u312f\u3200-\u33ff{_HAN}\ufe30-\ufe6f\uff00-\uffef")
_UNEXPECTED_RE = re.compile(f"[^{_EXPECTED}]")
# a non-ASCII Latin letter glued to ASCII or Latin-1 symbols: Big5/GBK bytes read one at a time
_GLUED_RE = re.compile("[\xc0-\u024f\u1e00-\u1eff](?=[@\\[\\\\\\]^_`{|}~\xa1-\xbf\xd7\xf7])"
                       "|[@\\[\\\\\\]^_`{|}~\xa1-\xbf\xd7\xf7](?=[\xc0-\u024f\u1e00-\u1eff])")
_PUNCT_RE = re.compile("[^\\w\\s\x00-\x7f\u0300-\u036f]")  # non-ASCII punctuation and symbols: a quarter odd
_ASCII_SAMPLE = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_ASCII_CONTROLS = frozenset(map(chr, [*range(0x09), *range(0x0E, 0x20), 0x7F]))
_SYMBOL_RE = re.compile("[\xa1-\xbf\xd7\xf7\u2500-\u259f]")  # Latin-1 symbols, box drawing: half odd
_HAN_NEXT_TO_LETTER_RE = re.compile(rf"[{_HAN}](?=[^\W\d_{_HAN}])|[^\W\d_{_HAN}](?=[{_HAN}])")

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook above, dot below
_VI_SYLLABLE_RE = re.compile(
    "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    "(?:(?:uyê|oo|oa|oă|oe|uâ|uê|uy|iê|yê|uô|ươ|[aăâeêioôơuưy])(?:ch|ng|nh|[cmnpt])?"
    "|iêu|yêu|uôi|ươi|ươu|oai|oao|oay|oeo|uây|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|uơ)"
)


@functools.cache
def _viscii_table() -> str:
    rows = resources.files(__package__).joinpath("data/viscii.txt").read_text(encoding="utf-8").splitlines()
    table = "".join(chr(int(row.split("\t")[1], 16)) for row in rows if row and not row.startswith("#"))
    if len(table) != 256:
        raise RuntimeError(f"data/viscii.txt has {len(table)} rows, not 256; regenerate it with "
                           "`python extractors/data/make_viscii_table.py > extractors/data/viscii.txt`")
    return table


def decode_viscii(data: bytes) -> str:
    """Decode VISCII (RFC 1456) bytes; every byte maps to one character.

    Examples
    --------
    >>> decode_viscii(b"Vi\\xaet Nam")
    'Việt Nam'
    """
    return codecs.charmap_decode(data, "strict", _viscii_table())[0]


def encode_viscii(text: str) -> bytes:
    """Encode ``text`` (NFC) as VISCII; raises ``UnicodeEncodeError`` for characters it lacks.

    Examples
    --------
    >>> encode_viscii("Việt Nam")
    b'Vi\\xaet Nam'
    """
    return codecs.charmap_encode(text, "strict", codecs.charmap_build(_viscii_table()))[0]


def encode_cp1258(text: str) -> bytes:
    """Encode ``text`` as Windows-1258 the way Windows does.

    Windows-1258 has ``â ê ô ơ ư ă đ`` but no letters with tone marks beyond a few
    Latin-1 ones, so other toned letters are written as base letter + combining tone mark.
    Decoding the result gives that decomposed spelling back, e.g. ``ệ`` -> ``ê`` + U+0323.

    Raises
    ------
    UnicodeEncodeError
        For characters Windows-1258 cannot spell at all (Han, Cyrillic, ...).

    Examples
    --------
    >>> encode_cp1258("Việt")
    b'Vi\\xea\\xf2t'
    >>> encode_cp1258("Việt").decode("cp1258") == "Vie\\u0302\\u0323t".replace("e\\u0302", "ê")
    True
    """
    out = []
    for i, char in enumerate(text):
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        marks = unicodedata.normalize("NFD", char)
        tones = "".join(m for m in marks if m in _TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in _TONES))
        try:
            out.append((base + tones).encode("cp1258"))
        except UnicodeEncodeError:
            raise UnicodeEncodeError("cp1258", text, i, i + 1, "not a Windows-1258 character") from None
    return b"".join(out)


@functools.cache
def _han_costs() -> dict[str, float]:
    """Cost of each Han character by frequency tier (``data/han_frequency.txt``); absent ones cost 1."""
    rows = resources.files(__package__).joinpath("data/han_frequency.txt").read_text(encoding="utf-8")
    costs = {}
    for row in rows.splitlines():
        if row and not row.startswith("#"):
            tier, chars = row.split("\t")
            costs.update(dict.fromkeys(chars, HAN_TIER_COSTS[int(tier)]))
    return costs


@functools.lru_cache(maxsize=1 << 16)
def _word_cost(word: str) -> tuple[float, int]:
    """Return (cost, units) of a word: units are its non-ASCII letters (at least 1), cost 0..units.

    A wrong codec makes words that mix scripts, flip case inside, or are no Vietnamese syllable.
    """
    if word.isascii():
        return 0.0, 1
    units = max(1, len(word) - len(word.encode("ascii", "ignore")))
    scripts = {_script(c) for c in word if not unicodedata.combining(c)}
    if len(scripts) > 1:
        return float(units), units
    if scripts != {"LATIN"}:  # a Greek or Cyrillic word: possible, but not what we expect
        return 0.5 * units, units
    rest = word[1:]
    if rest != rest.lower() and word != word.upper():  # "ViÊt": case flips inside a word
        return float(units), units
    return (0.0 if _is_vietnamese_syllable(word.lower()) else float(units)), units


def _script(char: str) -> str:
    if char.isascii() or "\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff":
        return "LATIN"
    return unicodedata.name(char, "UNKNOWN").split(" ")[0]


def _is_vietnamese_syllable(word: str) -> bool:
    marks = unicodedata.normalize("NFD", word)
    tones = [i for i, m in enumerate(marks) if m in _TONES]
    # one tone at most, and it sits on a vowel (possibly after the vowel's own circumflex/breve/horn)
    if len(tones) > 1 or any(marks[:i].rstrip("\u0302\u0306\u031b")[-1:] not in set("aeiouy") for i in tones):
        return False
    base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in _TONES))
    return _VI_SYLLABLE_RE.fullmatch(base) is not None


def text_badness(text: str) -> float:
    """Return how implausible ``text`` is as Chinese, Vietnamese or English, from 0 to 1.

    The cost of its units over their number. Units are Han characters (costing 0 to 1 by
    frequency tier), words (a non-ASCII word costs its non-ASCII letters if it is no
    Vietnamese syllable, mixes scripts or changes case inside), characters no such document
    uses (kana, Hangul, controls, private use: 1), Latin-1 symbols (0.5) and other non-ASCII
    punctuation (0.25). Han next to other letters adds 0.5; a Latin letter glued to a symbol, 1.
    Long texts are judged on ``SCORE_CHARS`` characters from start, middle and end.

    Examples
    --------
    >>> text_badness("Đảng và Nhà nước")
    0.0
    >>> text_badness("ÐaÒng vaÌ NhaÌ nýõìc")  # Windows-1258 bytes read as Windows-1252
    1.0
    """
    return _badness(text)[0]


def _badness(text: str) -> tuple[float, int]:
    """Return ``text_badness(text)`` and the number of units it was judged on."""
    if len(text) > SCORE_CHARS:  # start, middle and end are enough to judge
        third, mid = SCORE_CHARS // 3, len(text) // 2
        text = "\n".join((text[:third], text[mid - third // 2: mid + third // 2], text[-third:]))
    char_cost = char_units = 0.0
    for char, count in collections.Counter(text).items():
        if char > "\x7f" or char in _ASCII_CONTROLS:
            cost, unit = _char_cost(char)
            char_cost += cost * count
            char_units += unit * count
    word_costs = [_word_cost(word) for word in _WORD_RE.findall(text)]
    mixed = len(_HAN_NEXT_TO_LETTER_RE.findall(text)) + 2 * len(_GLUED_RE.findall(text))
    units = char_units + sum(n for _, n in word_costs)
    bad = char_cost + sum(cost for cost, _ in word_costs) + 0.5 * mixed
    return (min(1.0, bad / units) if units else 0.0), int(units)


@functools.lru_cache(maxsize=1 << 14)
def _char_cost(char: str) -> tuple[float, int]:
    """Return (cost, units) of one character; letters other than Han are judged as words."""
    if _HAN_RE.match(char):
        return _han_costs().get(char, 1.0), 1
    if _UNEXPECTED_RE.match(char):
        return 1.0, 1
    if _SYMBOL_RE.match(char):
        return 0.5, 1
    if _PUNCT_RE.match(char):
        return 0.25, 1
    return 0.0, 0


def _control_share(text: str) -> float:
    return len(_CONTROL_RE.findall(text)) / len(text) if text else 0.0


def _decode(data: bytes, name: str) -> str | None:
    try:
        return decode_viscii(data) if name == "viscii" else data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _codec_name(label: str, *, declared: bool = False) -> str | None:
    """Map an encoding label (``GB2312``, ``x-viet-viscii``) to the codec we decode it with."""
    label = label.strip().lower()
    if label in _VISCII_LABELS:
        return "viscii"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _DECLARED_ALIASES.get(name, name) if declared else name


def _check_text(text: str, name: str) -> tuple[str, str]:
    share = _control_share(text)
    if share > MAX_CONTROL_SHARE:
        raise ValueError(f"is mostly control characters ({share:.0%} of {len(text)} characters): this is "
                         "binary data, not text; export the document as UTF-8 text")
    return text, name


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``, without a leading byte-order mark.

    Parameters
    ----------
    data : bytes
        The whole file.
    declared : str, optional
        An encoding the file claims (an HTML ``<meta charset>``), read as browsers do
        (``gb2312`` -> GB18030, ``big5`` -> cp950). It wins when it decodes ``data`` cleanly and
        reads at most ``DECLARED_TOLERANCE`` worse than the best detected candidate; valid
        UTF-8 and byte-order marks outrank it.

    Returns
    -------
    tuple of (str, str)
        The text exactly as decoded, and the Python codec name (``"viscii"`` for VISCII,
        ``"ascii"`` for pure ASCII).

    Raises
    ------
    ValueError
        With a reason a person can act on: binary data, damaged UTF-8/UTF-16, or bytes
        that read as text in none of the supported encodings.

    Examples
    --------
    >>> decode_bytes(b"\\xef\\xbb\\xbfHello")
    ('Hello', 'utf-8-sig')
    >>> decode_bytes("Hà Nội".encode("utf-16-le"))
    ('Hà Nội', 'utf-16-le')
    >>> decode_bytes(b"PK\\x03\\x04\\x00\\x00")
    Traceback (most recent call last):
    ValueError: contains NUL bytes (first at byte 4): this is binary data, not text; export the document as UTF-8 text
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise ValueError(f"starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} "
                                 f"(error at byte {exc.start + len(bom)}): it is truncated or damaged; "
                                 "re-save it as UTF-8") from None
            return _check_text(text, name)
    utf8 = _decode(data, "utf-8") if b"\x00" not in data else None
    if utf8 is not None and (utf8.isascii() or len(data) - len(utf8) >= TRUST_UTF8_AFTER):
        return _check_text(utf8, "ascii" if utf8.isascii() else "utf-8")
    if utf8 is None and b"\x00" not in data:
        _raise_if_damaged_utf8(data)
    scored = _score_candidates(data, utf8=utf8)
    if declared and (name := _codec_name(declared, declared=True)) and (text := _decode(data, name)) is not None:
        badness = text_badness(text)
        if badness <= MAX_BADNESS and (not scored or badness <= scored[0][0] + DECLARED_TOLERANCE):
            return _check_text(text, name)
    limit = UTF16_MAX_BADNESS if scored and scored[0][2] in _UTF16_NO_BOM else MAX_BADNESS
    if not scored or "\x00" in scored[0][3] or (scored[0][0] > limit and scored[0][1] >= MIN_UNITS_TO_JUDGE):
        if b"\x00" in data:
            raise ValueError(f"contains NUL bytes (first at byte {data.index(0)}): this is binary data, not text; "
                             "export the document as UTF-8 text")
        _check_text(scored[0][3] if scored else "", "")
        _raise_if_damaged_legacy(data)
        raise ValueError(f"could not be decoded: it does not read as text in {SUPPORTED_NAMES}; "
                         "re-save it as UTF-8")
    _, _, name, text = scored[0]
    return _check_text(text, name)


def _score_candidates(data: bytes, *, utf8: str | None = None) -> list[tuple[float, int, str, str]]:
    """Return ``(badness, units, codec, text)`` for each codec that decodes ``data``, best first.

    Codecs outside ``LEGACY_CANDIDATES`` (UTF-16 without a byte-order mark, charset-normalizer's
    other guesses) rank as if ``UNLIKELY_CODEC_COST`` worse: on short text they read well by chance.
    """
    names = ["utf-8"] if utf8 is not None else []
    names += LEGACY_CANDIDATES
    if len(data) % 2 == 0:
        names += ["utf-16-le", "utf-16-be"]
    guesses = [match.encoding for match in charset_normalizer.from_bytes(data)]
    names += [name for name in guesses[:3] if _ascii_compatible(name)]  # no EBCDIC, no UTF-7
    ranked = {}
    for rank, label in enumerate(names):
        name = _codec_name(label) or label
        text = utf8 if name == "utf-8" else None if name in ranked else _decode(data, name)
        if text is not None and name not in ranked:
            badness, units = _badness(text)
            prior = 0.0 if name == "utf-8" or name in LEGACY_CANDIDATES else UNLIKELY_CODEC_COST
            ranked[name] = ((badness + prior, rank), (badness, units, name, text))
    return [scored for _, scored in sorted(ranked.values(), key=lambda item: item[0])]


def _ascii_compatible(name: str) -> bool:
    return _decode(_ASCII_SAMPLE, name) == _ASCII_SAMPLE.decode("ascii")


def _raise_if_damaged_utf8(data: bytes) -> None:
    """Raise when ``data`` is UTF-8 but for a few bytes: reading it as another codec would garble it."""
    try:
        data.decode("utf-8")
        return
    except UnicodeDecodeError as exc:
        first = exc
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if len(text) - len(text.encode("ascii", "ignore")) - bad < DAMAGED_UTF8_RATIO * bad:
        return
    raise _damage("UTF-8", bad, first, len(data))


def _damage(label: str, bad: int, first: UnicodeDecodeError, size: int) -> ValueError:
    """The error for a file in encoding ``label`` but for ``bad`` byte sequences, the first ``first``.

    >>> str(_damage("Big5", 1, UnicodeDecodeError("big5", bytes([97, 98, 164]), 2, 3, "x"), 3))
    'ends in the middle of a Big5 character (byte 2): the file was cut short; copy or download it again'
    """
    if bad == 1 and first.end == size:
        return ValueError(f"ends in the middle of a {label} character (byte {first.start}): the file was cut short; "
                          "copy or download it again")
    return ValueError(f"is {label} except for {bad} invalid byte sequence{'s' * (bad > 1)} (first at byte "
                      f"{first.start}): the file is damaged or mixes encodings; fix those bytes or re-save it as UTF-8")


def _raise_if_damaged_legacy(data: bytes) -> None:
    """Raise when ``data`` reads as GB18030/GBK or Big5 but for a few bytes (cut short, or damaged).

    Called only once no codec reads ``data`` cleanly: the reason then says which encoding the
    file is in and where it breaks, rather than that it is in none.
    """
    best = None
    for codec, label in _DOUBLE_BYTE.items():
        try:
            data.decode(codec)
            continue
        except UnicodeDecodeError as exc:
            first = exc
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        han = len(_HAN_RE.findall(text))
        if han < DAMAGED_UTF8_RATIO * bad:  # as for UTF-8: a few bad sequences among many good characters
            continue
        badness, _ = _badness(text.replace("\ufffd", ""))
        if badness <= MAX_BADNESS and (best is None or badness < best[0]):
            best = (badness, label, bad, first)
    if best is None:
        return
    _, label, bad, first = best
    raise _damage(label, bad, first, len(data))
