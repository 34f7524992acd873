"""Names in parts: the transliterated (or kept) core, and the words translated by meaning around it.

Chinese writes a foreign place or organization as a transliteration with translated generic
words and compass points: 亚利桑那州 is *Arizona* + 州 (state), 西弗吉尼亚 is 西 (west) +
*Virginia*, 伍斯特郡 is *Worcester* + 郡 (-shire), 卡内基梅隆大学 is *Carnegie Mellon* + 大学
(university). Vietnamese puts the generic word first and keeps the foreign core: *Thành phố
Kansas* is *Kansas City*, *Đại học Carnegie Mellon* is *Carnegie Mellon University*.
:func:`name_parts` splits a name into its core and the meanings of the parts it removed, so
that cores can be compared by sound or spelling while the meanings must agree
(:func:`parts_agree`): a compass point or *saint* must be on both sides (West Virginia is not
Virginia); a generic word may be left out on one side (Missouri / 密苏里州) but not
contradicted (Kansas City / 堪萨斯州).

Examples
--------
>>> name_parts("亚利桑那州", "PLACE"), name_parts("West Virginia", "PLACE")
(('亚利桑那', frozenset(), frozenset({'state'})), ('Virginia', frozenset({'west'}), frozenset()))
>>> name_parts("Worcestershire", "PLACE"), name_parts("西弗吉尼亚州", "PLACE")
(('Worcester', frozenset(), frozenset({'county'})), ('弗吉尼亚', frozenset({'west'}), frozenset({'state'})))
>>> name_parts("Thành phố Kansas", "PLACE"), name_parts("Kansas City", "PLACE")
(('Kansas', frozenset(), frozenset({'city'})), ('Kansas', frozenset(), frozenset({'city'})))
>>> name_parts("卡内基梅隆大学", "ORG"), name_parts("Carnegie Mellon University", "ORG")
(('卡内基梅隆', frozenset(), frozenset({'university'})), ('Carnegie Mellon', frozenset(), frozenset({'university'})))
>>> parts_agree(name_parts("Kansas City", "PLACE"), name_parts("堪萨斯州", "PLACE"))
False
>>> parts_agree(name_parts("Missouri", "PLACE"), name_parts("密苏里州", "PLACE"))
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .resolve_names import HAN_RE

__all__ = ["name_parts", "parts_agree", "vi_head", "Parts"]

Parts = tuple[str, frozenset, frozenset]

#: Chinese generic words at the end of a name, and what they mean (longest match first).
_HAN_GENERIC = {
    "PLACE": {
        "群岛": "island", "半岛": "peninsula", "广场": "square", "公园": "park", "地区": "region", "州": "state",
        "省": "province", "市": "city", "城": "city", "县": "county", "郡": "county", "区": "district",
        "岛": "island", "街": "street", "大街": "street", "路": "street", "湖": "lake", "河": "river", "山": "mountain",
        "山脉": "mountain", "海": "sea", "洋": "ocean", "湾": "bay", "港": "port", "火山": "mountain",
        "体育场": "stadium", "球场": "stadium",
    },
    "ORG": {
        "大学": "university", "学院": "college", "医院": "hospital", "警察局": "police", "警局": "police",
        "警方": "police", "公司": "company", "集团": "company", "银行": "bank", "协会": "association",
        "学会": "association", "基金会": "foundation", "研究所": "institute", "研究院": "institute",
        "委员会": "committee", "议会": "parliament", "国会": "parliament", "法院": "court", "法庭": "court",
        "党": "party", "俱乐部": "club", "队": "team", "球队": "team", "中心": "center", "电视台": "broadcaster",
        "广播公司": "broadcaster", "通讯社": "agency", "社": "agency", "局": "agency", "部": "department",
        "教堂": "church", "报": "newspaper",
    },
}
#: English (and Latin-script) generic words at the end of a name.
_LATIN_GENERIC = {
    "PLACE": {
        "state": "state", "province": "province", "city": "city", "county": "county", "district": "district",
        "island": "island", "islands": "island", "isle": "island", "peninsula": "peninsula", "street": "street",
        "st": "street", "road": "street", "avenue": "street", "lake": "lake", "river": "river", "mount": "mountain",
        "mountain": "mountain", "mountains": "mountain", "volcano": "mountain", "sea": "sea", "ocean": "ocean",
        "bay": "bay", "port": "port", "square": "square", "plaza": "square", "park": "park", "region": "region",
        "stadium": "stadium", "arena": "stadium",
    },
    "ORG": {
        "university": "university", "college": "college", "school": "college", "hospital": "hospital",
        "police": "police", "department": "department", "company": "company", "inc": "company", "group": "company",
        "corporation": "company", "corp": "company", "bank": "bank", "association": "association",
        "society": "association", "foundation": "foundation", "institute": "institute", "committee": "committee",
        "commission": "committee", "council": "committee", "parliament": "parliament", "assembly": "parliament",
        "congress": "parliament", "court": "court", "party": "party", "club": "club", "fc": "club", "team": "team",
        "center": "center", "centre": "center", "agency": "agency", "office": "agency", "bureau": "agency",
        "ministry": "department", "church": "church", "news": "newspaper", "times": "newspaper", "post": "newspaper",
    },
}
#: Vietnamese generic words at the start of a name (Vietnamese puts the head first).
_VI_GENERIC = {
    "PLACE": {
        "thành phố": "city", "tp": "city", "quảng trường": "square", "sông": "river", "hồ": "lake", "núi": "mountain",
        "đảo": "island", "quần đảo": "island", "bán đảo": "peninsula", "tỉnh": "province", "bang": "state",
        "quận": "county", "hạt": "county", "vùng": "region", "phố": "street", "đường": "street", "vịnh": "bay",
        "biển": "sea", "đại dương": "ocean", "công viên": "park", "sân vận động": "stadium", "đấu trường": "stadium",
        "núi lửa": "mountain", "cảng": "port",
    },
    "ORG": {
        "đại học": "university", "trường đại học": "university", "trường": "college", "học viện": "college",
        "bệnh viện": "hospital", "sở cảnh sát": "police", "cảnh sát": "police", "công ty": "company",
        "tập đoàn": "company", "ngân hàng": "bank", "hiệp hội": "association", "hội": "association",
        "quỹ": "foundation", "viện": "institute", "ủy ban": "committee", "hội đồng": "committee",
        "quốc hội": "parliament", "nghị viện": "parliament", "tòa án": "court", "đảng": "party",
        "câu lạc bộ": "club", "clb": "club", "đội": "team", "trung tâm": "center", "cơ quan": "agency",
        "văn phòng": "agency", "bộ": "department", "nhà thờ": "church", "báo": "newspaper",
    },
}
#: Compass points and the like at the start of a name, translated by meaning.
_HAN_MARKERS = {"西": "west", "东": "east", "北": "north", "南": "south", "圣": "saint", "新": "new", "下": "lower",
                "上": "upper", "大": "great", "小": "little"}
_LATIN_MARKERS = {
    "west": "west", "western": "west", "east": "east", "eastern": "east", "north": "north", "northern": "north",
    "south": "south", "southern": "south", "saint": "saint", "st": "saint", "san": "saint", "santa": "saint",
    "new": "new", "lower": "lower", "baja": "lower", "upper": "upper", "alta": "upper", "great": "great",
    "greater": "great", "little": "little",
}


@lru_cache(maxsize=100_000)
def name_parts(name: str, type_: str) -> Parts:
    """``(core, markers, generics)`` of a PLACE or ORG name: the name without its translated parts,
    and their meanings. A part is removed only when two characters (Chinese) or one word remain."""
    if HAN_RE.search(name):
        return _han_parts(name, type_)
    return _latin_parts(name, type_)


def _han_parts(name: str, type_: str) -> Parts:
    from .resolve import matching_form

    core = matching_form(name).replace("·", "").replace(" ", "")
    generics: set[str] = set()
    table = _HAN_GENERIC.get(type_, {})
    for suffix in sorted(table, key=len, reverse=True):
        if core.endswith(suffix) and len(core) - len(suffix) >= 2:
            core = core[: -len(suffix)]
            generics.add(table[suffix])
            break
    markers: set[str] = set()
    if core[:1] in _HAN_MARKERS and len(core) >= 3:
        markers.add(_HAN_MARKERS[core[0]])
        core = core[1:]
    return core, frozenset(markers), frozenset(generics)


@lru_cache(maxsize=100_000)
def vi_head(name: str, type_: str) -> str:
    """The Vietnamese generic word a name starts with (``thành phố`` in *Thành phố Kansas*), or ``""``.

    Examples
    --------
    >>> vi_head("Đại học Carnegie Mellon", "ORG"), vi_head("Carnegie Mellon University", "ORG")
    ('đại học', '')
    """
    words = unicodedata.normalize("NFC", name).split()
    for head in sorted(_VI_GENERIC.get(type_, {}), key=len, reverse=True):
        n = len(head.split())
        if len(words) > n and " ".join(words[:n]).casefold() == head:
            return head
    return ""


def _latin_parts(name: str, type_: str) -> Parts:
    text = unicodedata.normalize("NFC", re.sub(r"['’]s\b", "", name)).replace(".", " ")
    words = text.split()
    generics: set[str] = set()
    head = vi_head(text, type_)
    if head:
        words = words[len(head.split()):]
        generics.add(_VI_GENERIC[type_][head])
    latin = _LATIN_GENERIC.get(type_, {})
    while len(words) > 1 and words[-1].casefold() in latin:
        generics.add(latin[words.pop().casefold()])
    while len(words) > 1 and words[0].casefold() in latin and words[0].casefold() != "st":
        generics.add(latin[words.pop(0).casefold()])
    while len(words) > 1 and words[0].casefold() in ("the", "of"):
        words.pop(0)
    markers: set[str] = set()
    while len(words) > 1 and words[0].casefold() in _LATIN_MARKERS:
        markers.add(_LATIN_MARKERS[words.pop(0).casefold()])
    if type_ == "PLACE" and len(words) == 1 and words[0].casefold().endswith("shire") and len(words[0]) > 7:
        words[0] = words[0][:-5]
        generics.add("county")
    return " ".join(words), frozenset(markers), frozenset(generics)


def parts_agree(a: Parts, b: Parts) -> bool:
    """Same compass points and the like; generic words absent on one side, or shared."""
    return a[1] == b[1] and (not a[2] or not b[2] or bool(a[2] & b[2]))
