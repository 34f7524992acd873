"""Tests for ``extractors/encodings.py``: real bytes from Python's codecs (and our VISCII table)
on sentences from ``seeds/``, decoded back exactly."""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from policykg.extractors.encodings import (
    decode_bytes,
    decode_viscii,
    encode_cp1258,
    encode_viscii,
    text_badness,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "extractors" / "data"


def seed_text(number: str) -> str:
    return next((ROOT / "seeds").glob(f"{number}_*.txt")).read_text(encoding="utf-8")


ENCODERS = {  # name -> (encode, codec name decode_bytes must report)
    "gbk": (lambda s: s.encode("gbk"), "gb18030"),
    "gb18030": (lambda s: s.encode("gb18030"), "gb18030"),
    "cp950": (lambda s: s.encode("cp950"), "cp950"),
    "cp1258": (encode_cp1258, "cp1258"),
    "viscii": (encode_viscii, "viscii"),
    "utf-8": (lambda s: s.encode("utf-8"), "utf-8"),
    "utf-8-sig": (lambda s: s.encode("utf-8-sig"), "utf-8-sig"),
    "utf-16-le-bom": (lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be-bom": (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16-be"),
    "utf-16-le": (lambda s: s.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be": (lambda s: s.encode("utf-16-be"), "utf-16-be"),
}
UNICODE = ["utf-8", "utf-8-sig", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be"]
SEED_CODECS = (  # 000/004 simplified Chinese, 001/002 traditional, 003 Vietnamese
    [(seed, codec) for seed in ("000", "004") for codec in ["gbk", "gb18030", *UNICODE]]
    + [(seed, codec) for seed in ("001", "002") for codec in ["cp950", *UNICODE]]
    + [("003", codec) for codec in ["cp1258", "viscii", *UNICODE]]
)
SIZES = ("one sentence", "three sentences", "whole document")


def encodable(text: str, codec: str) -> bool:
    try:
        ENCODERS[codec][0](text)
    except UnicodeEncodeError:
        return False
    return True


def sample(seed: str, codec: str, size: str) -> str:
    """Sentences of a seed that ``codec`` can spell: the first one, the first three, or every such line."""
    text = seed_text(seed)
    if size == "whole document":
        return "\n".join(line for line in text.splitlines() if encodable(line, codec))
    sentences = [s.strip() for s in re.split(r"(?<=[。！？])|(?<=[.!?])\s+", text) if len(s.strip()) >= 12]
    spelled = [s for s in sentences if not s.isascii() and encodable(s, codec)]
    return (" " if seed == "003" else "").join(spelled[:1 if size == "one sentence" else 3])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("seed,codec", SEED_CODECS)
def test_encodings_decode_seed_text_exactly(seed: str, codec: str, size: str) -> None:
    text = sample(seed, codec, size)
    encode, name = ENCODERS[codec]
    data = encode(text)
    # Windows-1258 spells most toned letters as base letter + combining tone mark; that is what decodes
    expected = data.decode("cp1258") if codec == "cp1258" else text
    assert decode_bytes(data) == (expected, name)
    assert unicodedata.normalize("NFC", expected) == text


# Short Chinese whose bytes also decode without error in the rival codec: the classic GBK/Big5 mix-up.
AMBIGUOUS_HAN = [
    ("参考文献", "gbk", "cp950"),
    ("四、毁灭还是革命", "gbk", "cp950"),
    ("宋大伟", "gbk", "cp950"),
    ("中国", "gbk", "cp950"),
    ("政府", "gbk", "cp950"),
    ("话题嘉宾", "gbk", "cp950"),
    ("國家", "cp950", "gb18030"),
    ("政府", "cp950", "gb18030"),
    ("話題嘉賓", "cp950", "gb18030"),
    ("主持人", "cp950", "gb18030"),
    ("背景材料:", "cp950", "gb18030"),
    ("[參考文獻]", "cp950", "gb18030"),
]


@pytest.mark.parametrize("text,codec,rival", AMBIGUOUS_HAN)
def test_encodings_short_chinese_gbk_vs_big5(text: str, codec: str, rival: str) -> None:
    data = ENCODERS[codec][0](text)
    assert data.decode(rival) != text  # the rival reads the same bytes as other characters
    assert decode_bytes(data) == (text, ENCODERS[codec][1])


AMBIGUOUS_VIETNAMESE = [
    ("Việt Nam", "cp1258"), ("Việt Nam", "viscii"), ("Hà Nội", "cp1258"), ("Hà Nội", "viscii"),
    ("Đảng và Nhà nước", "cp1258"), ("Đảng và Nhà nước", "viscii"),
    ("Nhận diện, đấu tranh hiệu quả các quan điểm sai trái", "cp1258"),
    ("Nhận diện, đấu tranh hiệu quả các quan điểm sai trái", "viscii"),
]


@pytest.mark.parametrize("text,codec", AMBIGUOUS_VIETNAMESE)
def test_encodings_short_vietnamese_cp1258_vs_viscii(text: str, codec: str) -> None:
    data = ENCODERS[codec][0](text)
    other = decode_viscii(data) if codec == "cp1258" else data.decode("cp1252")
    assert unicodedata.normalize("NFC", other) != text  # VISCII reads anything; cp1252 reads VISCII letters
    decoded, name = decode_bytes(data)
    assert (unicodedata.normalize("NFC", decoded), name) == (text, codec)


OTHER_TEXT = [
    (b"State Council notice No. 12", ("State Council notice No. 12", "ascii")),
    ("The \u201cState Council\u201d plan \u2013 it\u2019s final\u2026".encode("cp1252"),
     ("The \u201cState Council\u201d plan \u2013 it\u2019s final\u2026", "cp1252")),
    ("国务院关于加强数字政府建设的指导意见".encode("utf-16-le"), ("国务院关于加强数字政府建设的指导意见", "utf-16-le")),
    ("行政院公布施政方針".encode("utf-16-be"), ("行政院公布施政方針", "utf-16-be")),
    (codecs.BOM_UTF32_LE + "Hà Nội".encode("utf-32-le"), ("Hà Nội", "utf-32-le")),
    (codecs.BOM_UTF8, ("", "utf-8-sig")),
    ("中".encode(), ("中", "utf-8")),
]


@pytest.mark.parametrize("data,expected", OTHER_TEXT)
def test_encodings_other_text(data: bytes, expected: tuple[str, str]) -> None:
    assert decode_bytes(data) == expected


GB_PAGE = "<meta charset=gb2312><p>国务院关于加强数字政府建设的指导意见</p>"
VI_PAGE = "<meta charset=windows-1252><p>Nhận diện, đấu tranh hiệu quả các quan điểm sai trái</p>"
DECLARED = [  # (bytes, declared label, expected codec): the label is used only when detection agrees
    (GB_PAGE.encode("gbk"), "gb2312", "gb18030"),
    (GB_PAGE.encode("gbk"), "utf-8", "gb18030"),  # mislabelled: detection wins
    ("<p>行政院公布施政方針</p>".encode("cp950"), "big5", "cp950"),
    (encode_cp1258(VI_PAGE), "windows-1252", "cp1258"),  # decodes as cp1252, but reads as nonsense
    (encode_viscii(VI_PAGE), "x-viet-viscii", "viscii"),
    ("<p>Phạm vi điều chỉnh</p>".encode(), "gb2312", "utf-8"),  # valid UTF-8 outranks the label
    ("<p>Café</p>".encode("cp1252"), "iso-8859-1", "cp1252"),  # WHATWG: latin-1 means windows-1252
    (b"<p>Plain ASCII page</p>", "no-such-charset", "ascii"),
    ('<meta charset="gbk"><p>崩溃</p>'.encode("gbk"), "gbk", "gb18030"),  # alone these bytes read as cp950 推壓
]


@pytest.mark.parametrize("data,declared,name", DECLARED)
def test_encodings_declared_charset_is_verified(data: bytes, declared: str, name: str) -> None:
    if "崩溃".encode("gbk") in data:
        assert decode_bytes(data)[1] == "cp950"
    text, codec = decode_bytes(data, declared=declared)
    assert codec == name
    assert text == (decode_viscii(data) if name == "viscii" else data.decode(name))


GB_TEXT = "国务院关于加强数字政府建设的指导意见。" * 3
BIG5_TEXT = "行政院公布施政方針，推動數位發展。" * 3
BINARY = "contains NUL bytes (first at byte 8): this is binary data, not text; export the document as UTF-8 text"
BAD_BYTES = [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(1, 256)), BINARY),
    (bytes(range(1, 9)) * 40, "is mostly control characters (100% of 320 characters): this is binary data, not text; "
                               "export the document as UTF-8 text"),
    ("Hà Nội là thủ đô của Việt Nam. ".encode() * 3 + b"\xff" + "Hà Nội".encode(),
     "is UTF-8 except for 1 invalid byte sequence (first at byte 129): the file is damaged or mixes encodings; "
     "fix those bytes or re-save it as UTF-8"),
    ("Hà Nội là thủ đô của Việt Nam".encode()[:-2] + "ộ".encode()[:2],
     "ends in the middle of a UTF-8 character (byte 39): the file was cut short; copy or download it again"),
    (codecs.BOM_UTF16_LE + "Hà Nội".encode("utf-16-le") + b"\x41",
     "starts with a UTF-16-LE byte-order mark but is not valid UTF-16-LE (error at byte 14): it is truncated or "
     "damaged; re-save it as UTF-8"),
    (bytes(range(0x80, 0x100)) * 3, "could not be decoded: it does not read as text in UTF-8, UTF-16, GB18030/GBK, "
                                    "Big5, Windows-1258, VISCII and Windows-1252; re-save it as UTF-8"),
    # undefined in Windows-1252/1258; as UTF-16 it reads as rare Chinese (趁邏膝辍鶐), as noise does
    (b"\x81\x8d\x8f\x90\x9d" * 100, "could not be decoded: it does not read as text in UTF-8, UTF-16, GB18030/GBK, "
                                  "Big5, Windows-1258, VISCII and Windows-1252; re-save it as UTF-8"),
    (GB_TEXT.encode("gbk")[:20] + b"\x81\x20" + GB_TEXT.encode("gbk")[20:],
     "is GB18030/GBK except for 1 invalid byte sequence (first at byte 20): the file is damaged or mixes encodings; "
     "fix those bytes or re-save it as UTF-8"),
    (GB_TEXT.encode("gbk")[:-1], "ends in the middle of a GB18030/GBK character (byte 112): the file was cut short; "
                                 "copy or download it again"),
    (BIG5_TEXT.encode("cp950")[:20] + b"\xa1\x20" + BIG5_TEXT.encode("cp950")[20:40] + b"\xa1\x20"
     + BIG5_TEXT.encode("cp950")[40:],
     "is Big5 except for 2 invalid byte sequences (first at byte 20): the file is damaged or mixes encodings; "
     "fix those bytes or re-save it as UTF-8"),
    (BIG5_TEXT.encode("cp950")[:-1], "ends in the middle of a Big5 character (byte 100): the file was cut short; "
                                     "copy or download it again"),
]


@pytest.mark.parametrize("data,reason", BAD_BYTES)
def test_encodings_bad_bytes_raise_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ValueError) as raised:
        decode_bytes(data)
    assert str(raised.value) == reason


def vietnamese_letters() -> set[str]:
    """The 134 precomposed Vietnamese letters RFC 1456 puts in VISCII, built from their parts."""
    vowels = "a ă â e ê i o ô ơ u ư y".split()
    tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    letters = {unicodedata.normalize("NFC", vowel + tone) for vowel in vowels for tone in tones}
    letters |= {letter.upper() for letter in letters} | {"đ", "Đ"}
    return {letter for letter in letters if not letter.isascii()}


def test_encodings_viscii_table_is_rfc1456() -> None:
    table = decode_viscii(bytes(range(256)))
    assert len(set(table)) == 256
    assert len(vietnamese_letters()) == 134
    assert set(table) - {chr(i) for i in range(128)} == vietnamese_letters()
    # ASCII except the six C0 slots RFC 1456 reuses for capital letters
    assert [i for i in range(128) if table[i] != chr(i)] == [0x02, 0x05, 0x06, 0x14, 0x19, 0x1E]
    assert (table[0x02], table[0x80], table[0xD5], table[0xFF]) == ("Ẳ", "Ạ", "ạ", "Ữ")
    assert encode_viscii(table) == bytes(range(256))


def iconv_knows(codec: str) -> bool:
    if shutil.which("iconv") is None:
        return False
    return codec in subprocess.run(["iconv", "-l"], capture_output=True, text=True, check=False).stdout.split()


@pytest.mark.skipif(not iconv_knows("VISCII//"), reason="needs glibc iconv with VISCII")
def test_encodings_viscii_table_matches_glibc() -> None:
    made = subprocess.run([sys.executable, str(DATA / "make_viscii_table.py")], capture_output=True, check=True)
    assert made.stdout.decode("utf-8") == (DATA / "viscii.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(not iconv_knows("CP1258//"), reason="needs glibc iconv with CP1258")
def test_encodings_encode_cp1258_matches_glibc() -> None:
    lines = [line for line in seed_text("003").splitlines() if line.strip()]
    made = subprocess.run(["iconv", "-f", "UTF-8", "-t", "CP1258"], input="\n".join(lines).encode(),
                          capture_output=True, check=True)
    assert encode_cp1258("\n".join(lines)) == made.stdout


def test_encodings_han_frequency_table_matches_generator() -> None:
    pytest.importorskip("jieba")
    made = subprocess.run([sys.executable, str(DATA / "make_han_frequency.py")], capture_output=True, check=True)
    assert made.stdout.decode("utf-8") == (DATA / "han_frequency.txt").read_text(encoding="utf-8")


def test_encodings_badness_prefers_the_right_reading() -> None:
    right = encode_cp1258("Đảng và Nhà nước").decode("cp1258")
    wrong = encode_cp1258("Đảng và Nhà nước").decode("cp1252")
    assert wrong == "ÐaÒng và Nhà nýõìc"
    # 5 of its 7 non-ASCII letters sit in words that are no Vietnamese syllable
    assert (text_badness(right), text_badness(wrong)) == (0.0, 5 / 7)


@pytest.mark.parametrize("codec", ["cp950", "gbk", "cp1258", "viscii", "utf-16-le"])
def test_encodings_one_megabyte_decodes_fast(codec: str) -> None:
    seed = {"cp950": "002", "gbk": "000", "cp1258": "003", "viscii": "003", "utf-16-le": "001"}[codec]
    text = sample(seed, codec, "whole document")
    data = ENCODERS[codec][0](text) * (1_000_000 // len(ENCODERS[codec][0](text)) + 1)
    start = time.perf_counter()
    decode_bytes(data)
    assert time.perf_counter() - start < 0.8
