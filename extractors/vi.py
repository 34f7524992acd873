"""Vietnamese entity extraction as the spaCy component ``vi.kg_entities``.

Use it in a pipeline whose tokenizer is pyvi's word segmenter (``use_pyvi = true``), so that
multi-syllable words such as ``Việt Nam`` are single tokens and punctuation stands apart.

Runs of capitalised words are cut into names at syllable level and typed by what surrounds them:

* organization heads (``Đảng``, ``Bộ``, ``Ủy ban``, ``Đài``, ``Công an``) and their lower-case parts
  (``Quân đội nhân dân Việt Nam``, ``Công an tỉnh Kon Tum``); the bare ``Đảng``, ``Nhà nước``, ``Quốc hội``;
* place heads (``Thành phố``, ``Quảng trường``), CLDR country, region and city names, common exonyms
  and Viet Nam's provinces; compass words stay out (``Nam | California``);
* titles inside the run and cue words before it (``Tổng thống``, ``ông``, ``tỉnh``, ``tại``, ``đảng``);
* a Vietnamese family name at the start of 2-4 capitalised syllables;
* for foreign names (a syllable Vietnamese cannot spell: ``Biden``, ``West``, ``MSNBC``) the English
  model's gazetteer: GeoNames places, US census first and last names, common English words
  (``Google`` is a company, not a person) and English heads (``Fox News Channel``), read from
  ``extractors/models/en_ner/lexicon.tsv.gz``.

A sentence's first word starts a name only if it looks like one (all syllables capitalised, foreign,
an acronym, a head, or pyvi's ``Np`` tag). Guessed types give way to firm ones: names listed with
``và`` take the type of the firmly typed names in the list, a guess before ``, <place>`` becomes a
place, and a guess takes the type the same name has firmly elsewhere in the doc (``West`` after
``Kanye West``). The policy lexicon and quoted formulations give TERMs; a firm name and a lexicon
term compete on length.

Where a name starts or ends inside one of pyvi's words (``Đảng ta``, ``Tây Hoa Kỳ``, ``CNN.``), the
component returns the doc with that word cut in two; the text is unchanged.

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": True}}})
>>> _ = nlp.add_pipe("kg_entities")
>>> doc = nlp("Đảng Cộng sản Việt Nam kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.")
>>> [(s.text, s.label_) for s in doc.spans["kg"]]
[('Đảng Cộng sản Việt Nam', 'ORG'), ('chủ nghĩa Mác - Lênin', 'TERM'), ('tư tưởng Hồ Chí Minh', 'TERM')]
>>> doc = nlp("Ngoại trưởng Mỹ Mike Pompeo đã tới Bình Nhưỡng.")
>>> [(s.text, s.label_) for s in doc.spans["kg"]]
[('Mỹ', 'PLACE'), ('Mike Pompeo', 'PERSON'), ('Bình Nhưỡng', 'PLACE')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from spacy.lang.vi import Vietnamese
from spacy.language import Language
from spacy.tokens import Doc

from .base import Candidate, EntityExtractor, resolve_overlaps
from .places import territory_names

__all__ = [
    "ORG_HEADS",
    "PERSON_CUES",
    "PLACE_CUES",
    "VietnameseEntityExtractor",
    "is_vietnamese_syllable",
    "make_vi_entities",
]


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(",") if w.strip())


#: Capitalised first words of organization names; the name goes on with capitalised words.
ORG_HEADS = _words(
    "Đảng, Bộ, Ủy ban, Tổ chức, Đài, Công an, Viện, Học viện, Hội, Hội đồng, Trường, Đại học, Ngân hàng, Công ty,"
    "Tập đoàn, Quốc hội, Chính phủ, Mặt trận, Văn phòng, Ban, Sở, Tòa án, Tòa, Cục, Tổng cục, Liên hợp quốc, Liên minh,"
    "Báo, Tạp chí, Thông tấn xã, Trung ương, Bộ Chính trị, Ban Bí thư, Nhà xuất bản, Liên đoàn, Trung tâm, Quỹ,"
    "Cơ quan, Đại hội đồng, Nghị viện, Thượng viện, Hạ viện, Quốc vụ viện, Cảnh sát, Quân đội, Nhóm, Câu lạc bộ,"
    "Nhà Trắng, Hiệp hội, Lực lượng, Phòng, Bệnh viện, Chi cục, Tổng công ty, Nhà nước"
)
#: Organizations named by their head alone (``chống phá Đảng và Nhà nước``), except at a sentence's start.
BARE_ORGS = _words("Đảng, Nhà nước, Chính phủ, Quốc hội, Thượng viện, Hạ viện, Quân đội, Nhà Trắng, Liên hợp quốc,"
                   "Bộ Chính trị, Ban Bí thư, Trung ương, Dân chủ, Cộng hòa")
#: Lower-case words that go on an organization name (``Quân đội nhân dân Việt Nam``, ``Tòa án tối cao``).
ORG_LOWER = _words("nhân dân, tối cao, trung ương")
#: Lower-case words before a name that make it an organization (``đảng Dân chủ``, ``đài ABC``).
ORG_CUES = _words("đảng, công ty, tập đoàn, hãng, đài, kênh, báo, tờ, ngân hàng, thương hiệu, câu lạc bộ, đội bóng,"
                  "văn phòng, cơ quan")
#: Capitalised first words of place names (``Thành phố Mexico``, ``Quảng trường Tlatelolco``).
PLACE_HEADS = _words("Thành phố, TP, Tỉnh, Huyện, Quận, Thị xã, Bang, Tiểu bang, Quảng trường, Nhà tù, Đấu trường,"
                     "Sân vận động, Sân bay, Núi, Sông, Đảo, Quần đảo, Bán đảo, Vịnh, Biển, Cao nguyên, Hẻm núi")
#: Words that announce a person's name right after them (titles are dropped from the name).
PERSON_CUES = _words(
    "ông, bà, anh, chị, cô, ngài, đồng chí, Tổng Bí thư, Bí thư, Chủ tịch, Thủ tướng, Phó Thủ tướng, Bộ trưởng,"
    "Thứ trưởng, Tổng thống, Phó Tổng thống, Ngoại trưởng, Thượng nghị sĩ, Hạ nghị sĩ, Nghị sĩ, Đại biểu, Thẩm phán,"
    "Chánh án, giáo sư, tiến sĩ, bác sĩ, GS, TS, PGS, ThS, nhà văn, nhà báo, ca sĩ, ca sỹ, Đại tướng, Thượng tướng,"
    "Trung tướng, Thiếu tướng, Đại tá, Chủ nhiệm, Giám đốc, Tổng giám đốc, Đội trưởng, Thám tử, thủ môn, thủ thành,"
    "huấn luyện viên, tiền vệ, tiền đạo, hậu vệ, Lãnh đạo, Cố, Tổng thư ký, Thống đốc, Thị trưởng, Nữ hoàng, Vua,"
    "Hoàng tử, Công chúa, Giáo hoàng, phóng viên, phát thanh viên, người dẫn chương trình, vợ, chồng, tác giả"
)
#: Words that announce a place right after them.
PLACE_CUES = _words("tỉnh, thành phố, TP, huyện, quận, xã, phường, thị xã, thủ đô, miền, vùng, tại, ở, xứ, bang,"
                    "tiểu bang, đường, phố, núi, núi lửa, sông, bán đảo, đảo, quần đảo, nước, khu, khu vực,"
                    "sân, sân nhà, Bắc, Nam, Đông, Tây, Đông Bắc, Đông Nam, Tây Bắc, Tây Nam")
#: Words after which a capitalised word is no person, organization or place (storms are named).
NOT_NAME_CUES = _words("bão, cơn bão, siêu bão, áp thấp")
#: Capitalised words a run may start with that belong to no name (sentence starts, headline case).
FUNCTION_WORDS = frozenset(_words(
    "theo, tại, ở, trong, khi, sau, trước, các, những, một, và, với, cho, của, từ, về, nhưng, tuy nhiên, nếu, vì,"
    "do, để, còn, cả, đối với, trên, dưới, giữa, thưa, chỉ, đó, này, ấy, ta, cuộc, người, ngày, năm, tháng, thứ,"
    "chủ nhật"
))
#: Place names beside CLDR's: common Vietnamese exonyms, oceans, and Viet Nam's provinces.
PLACES = frozenset(_words(
    "Mỹ, Anh, Scotland, Wales, Xứ Wales, Bắc Ireland, Liên Xô, CHDCND Triều Tiên, Bắc Triều Tiên, Nam Triều Tiên,"
    "Bắc Cực, Nam Cực, Thái Bình Dương, Đại Tây Dương, Ấn Độ Dương, Bắc Băng Dương, Địa Trung Hải, Biển Đông,"
    "Bắc Kinh, Hồng Kông, Ma Cao, Tây Tạng, Tân Cương,"
    "Đông Nam Á, Trung Đông, Tây Nguyên, Nam Bộ, Bắc Bộ, Trung Bộ, Sài Gòn, Hà Nội, Hải Phòng, Đà Nẵng, Cần Thơ,"
    "An Giang, Bà Rịa - Vũng Tàu, Bạc Liêu, Bắc Giang, Bắc Kạn, Bắc Ninh, Bến Tre, Bình Dương, Bình Định, Bình Phước,"
    "Bình Thuận, Cà Mau, Cao Bằng, Đắk Lắk, Đắk Nông, Điện Biên, Đồng Nai, Đồng Tháp, Gia Lai, Hà Giang, Hà Nam,"
    "Hà Tĩnh, Hải Dương, Hậu Giang, Hòa Bình, Hưng Yên, Khánh Hòa, Kiên Giang, Kon Tum, Lai Châu, Lạng Sơn, Lào Cai,"
    "Lâm Đồng, Long An, Nam Định, Nghệ An, Ninh Bình, Ninh Thuận, Phú Thọ, Phú Yên, Quảng Bình, Quảng Nam,"
    "Quảng Ngãi, Quảng Ninh, Quảng Trị, Sóc Trăng, Sơn La, Tây Ninh, Thái Bình, Thái Nguyên, Thanh Hóa,"
    "Thừa Thiên Huế, Huế, Tiền Giang, Trà Vinh, Tuyên Quang, Vĩnh Long, Vĩnh Phúc, Yên Bái"
))
#: Compass words before a place (``Nam California``) stay out of the name, and alone make none.
COMPASS = frozenset(_words("Bắc, Nam, Đông, Tây, Đông Bắc, Đông Nam, Tây Bắc, Tây Nam"))
#: All-capital words that name no organization.
NOT_ACRONYMS = frozenset(_words(
    "AI, HIV, AIDS, LGBT, ATM, DNA, ADN, GDP, GNP, CEO, CFO, USD, VND, EUR, GMT, UTC, BST, EST, PST, IT, TV, PC, SMS,"
    "PDF, CPI, FDI, ODA, COVID, SARS, XHCN, CNXH, TP, GS, TS, PGS, THPT, THCS, KHCN, MC, DJ, VIP, OK, PR, IQ, SOS"
))
#: The commonest family names; a capitalised run of 2-4 syllables starting with one is a PERSON.
SURNAMES = frozenset(_words(
    "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý, Đinh, Trương, Lâm, Mai,"
    "Tô, Trịnh, Đoàn, Lương, Cao, Tạ, Chu, Quách, Thái, Kiều, Lưu, Vương, Hà, Triệu, Tôn, Nông, Thân"
))
_QUOTED = re.compile(r"[“\"]([^”\"\n,.;:!?…]{3,40})[”\"]")
#: English last words of organization and place names, besides the English model's heads (``Bank``, ``Street``).
_EN_ORG_HEADS = frozenset(_words("news, channel, ventures, research, studios, records, media, entertainment, partners,"
                                 "holdings, magazine, journal, herald, tribune, motors, capital, magistrates"))
_EN_PLACE_HEADS = frozenset(_words("terrace, crescent, plains, lane, drive, boulevard, heights, arena, stadium"))
_CONNECTORS = frozenset(_words("and, of, de, la, da, del, van, von"))
_SENTENCE_END = frozenset(".!?:;…\n")
_OPENERS = frozenset("“\"'‘([–-")
_ROMAN = re.compile(r"^[IVXLC]+$")

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


def _fold(text: str) -> str:
    """``text`` with old-style tone placement (``Hoà``, ``Uỷ``) moved as in new style, for look-ups.

    >>> _fold("Khánh Hoà") == _fold("Khánh Hòa") and _fold("Uỷ ban") == _fold("Ủy ban")
    True
    """

    def move(m: re.Match[str]) -> str:
        new = _OLD_TONES[m.group().lower()]
        return new[0].upper() + new[1:] if m.group()[0].isupper() else new

    return _OLD_TONE.sub(move, unicodedata.normalize("NFC", text))


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    """CLDR country and region names (with ``Châu Á`` also as ``châu Á``), CLDR city names, :data:`PLACES`."""
    from babel import Locale

    names = set(territory_names("vi")) | PLACES
    names |= {zone["city"] for zone in Locale.parse("vi").time_zones.values() if zone.get("city")}
    names |= {"châu" + n[4:] for n in names if n.startswith("Châu ")}
    return frozenset(_fold(n) for n in names)


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    places: dict[str, str]  # lower-case English place name -> cityA, cityB, state, cty or cont
    people: frozenset[str]  # census first names and the commoner last names
    first: frozenset[str]
    common: frozenset[str]  # English words at least as common as Zipf 4
    heads: dict[str, str]  # English head word -> org or loc


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
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
    heads = dict(lex["head"]) | dict.fromkeys(_EN_ORG_HEADS, "org") | dict.fromkeys(_EN_PLACE_HEADS, "loc")
    common = frozenset(w for w, v in lex["zipf"].items() if int(v) >= 4)
    return _Gazetteer(dict(lex["phrase"]), first | last, first, common, heads)


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """The words of two and three syllables in pyvi's dictionary, lower-cased."""
    from pyvi.ViTokenizer import ViTokenizer

    return frozenset(w.lower() for w in ViTokenizer.bi_grams | ViTokenizer.tri_grams)


def _en_key(text: str) -> str:
    return " ".join(t.lower() for t in re.findall(r"\w+|[^\w\s]", text))


@dataclass(frozen=True, slots=True)
class _Unit:
    """One syllable (or punctuation mark) of the doc: pyvi's words are cut at their spaces."""

    start: int
    end: int
    text: str
    token: int  # index of the spaCy token it comes from
    first: bool  # the token's first syllable


@dataclass(frozen=True, slots=True)
class _Name:
    start: int  # unit indices
    end: int
    label: str
    firm: bool  # False for guesses that the names listed beside it may overrule
    default: bool = False  # a guess on no evidence at all (an unknown foreign word is a person)


def _phrases(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_fold(w).lower() for w in words)


_TITLES = _phrases(w for w in PERSON_CUES if w != "anh")
_HEADS = {"ORG": _phrases(ORG_HEADS), "PLACE": _phrases(PLACE_HEADS)}
_BARE = _phrases(BARE_ORGS)
# "người Wales": a foreign name after "người" (people) is a place; "Người Máy" is no place.
_CUES = {"PERSON": _phrases(PERSON_CUES), "PLACE": _phrases(PLACE_CUES), "ORG": _phrases(ORG_CUES),
         "": _phrases(NOT_NAME_CUES), "DEMONYM": _phrases(["người"])}
_ADMIN = _phrases(["tỉnh", "thành phố", "huyện", "quận", "xã", "phường", "thị xã"])
_FUNCTION = _phrases(FUNCTION_WORDS)
_ORG_LOWER = _phrases(ORG_LOWER)
_COMPASS = _phrases(COMPASS)
_CONJUNCTIONS = frozenset(["và", "hay", "hoặc", ", và", ", hay", ", hoặc"])


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _letters(word: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", word)


def _is_foreign(word: str) -> bool:
    """Whether a word has a syllable Vietnamese cannot spell (``Kanye``, ``MSNBC``)."""
    return any(not is_vietnamese_syllable(s) for s in _letters(word))


def _is_acronym(word: str) -> bool:
    letters = "".join(_letters(word))
    return len(letters) >= 2 and word.isupper() and _is_foreign(word) and not _ROMAN.match(letters)


def _units(doc: Doc) -> list[_Unit]:
    """The doc's syllables; a final full stop is cut off an all-capital word (pyvi keeps ``CNN.`` whole)."""
    units = []
    for t in doc:
        if t.is_space:
            continue
        first = True
        for m in re.finditer(r"\S+", t.text):
            start, word = t.idx + m.start(), m.group()
            if len(word) > 2 and word.endswith(".") and word[:-1].isupper() and "." not in word[:-1]:
                units += [_Unit(start, start + len(word) - 1, word[:-1], t.i, first),
                          _Unit(start + len(word) - 1, start + len(word), ".", t.i, False)]
            else:
                units.append(_Unit(start, start + len(word), word, t.i, first))
            first = False
    return units


class _Reader:
    """Finds and types the names in one doc (see the module docstring)."""

    def __init__(self, doc: Doc):
        self.doc, self.text = doc, doc.text
        self.units = _units(doc)
        self._tags: list[str] = []

    def tag(self, k: int) -> str:
        """pyvi's part-of-speech tag of the word unit ``k`` belongs to."""
        if not self._tags:
            from pyvi import ViPosTagger

            words = ["." if t.is_space else t.text.replace(" ", "_") for t in self.doc]
            self._tags.extend(ViPosTagger.postagging_tokens(words)[1])
        return self._tags[self.units[k].token]

    def span_text(self, k: int, e: int) -> str:
        return self.text[self.units[k].start : self.units[e - 1].end]

    def gap(self, a: int, b: int) -> str:
        """The text between units ``a`` and ``b`` (``a`` < ``b``)."""
        return self.text[self.units[a].end : self.units[b].start]

    def match(self, k: int, j: int, phrases: frozenset[str]) -> int:
        """Number of units from ``k`` (before ``j``) that together form one of ``phrases`` (0 if none)."""
        best = 0
        for n in range(1, min(5, j - k) + 1):
            if _fold(self.span_text(k, k + n)).lower() in phrases:
                best = n
        return best

    def place_length(self, k: int, j: int) -> int:
        """Number of units from ``k`` that form a known place name (0 if none)."""
        places = _known_places()
        return max((n for n in range(1, min(6, j - k) + 1) if _fold(self.span_text(k, k + n)) in places), default=0)

    def cue_before(self, k: int) -> str | None:
        """PERSON, PLACE, ORG, or "" (no name) when the words right before unit ``k`` announce that."""
        for n in (4, 3, 2, 1):
            if k - n >= 0 and "\n" not in self.gap(k - n, k - 1) + self.gap(k - 1, k):
                words = _fold(self.span_text(k - n, k)).lower()
                for label, cues in _CUES.items():
                    if words in cues:
                        return label
        return None

    def sentence_start(self, k: int) -> bool:
        k -= 1
        while k >= 0 and self.units[k].text in _OPENERS:
            k -= 1
        return k < 0 or "\n" in self.gap(k, k + 1) or self.units[k].text[-1] in _SENTENCE_END

    def joins(self, j: int) -> bool:
        """Whether unit ``j`` (punctuation or a small word) joins the names on either side into one."""
        units = self.units
        if j + 1 >= len(units) or j == 0 or "\n" in self.gap(j - 1, j) + self.gap(j, j + 1):
            return False
        word, prev, nxt = units[j].text, units[j - 1].text, units[j + 1].text
        attached = not self.gap(j - 1, j) and not self.gap(j, j + 1)
        if word in ("-", "–", "&") and _capitalised(nxt):
            return True
        if word == "-" and attached and nxt.isalpha():  # transliterations: Ma-lay-xi-a
            return True
        if word == "." and not self.gap(j - 1, j) and prev.isascii() and len(prev) <= 2 and _capitalised(nxt):
            return True  # P. Diddy, St. Louis
        return word in _CONNECTORS and _is_foreign(prev) and _capitalised(nxt) and _is_foreign(nxt)

    def runs(self) -> Iterable[tuple[int, int]]:
        """Unit ranges of capitalised words, with the lower-case rest of a capitalised pyvi word."""
        units, i = self.units, 0
        while i < len(units):
            if not _capitalised(units[i].text):
                i += 1
                continue
            j = i + 1
            while j < len(units):
                if _capitalised(units[j].text) or self.is_tail(j):
                    j += 1
                elif self.joins(j):
                    j += 2
                else:
                    break
            yield i, j
            i = j

    def is_tail(self, k: int) -> bool:
        """Whether unit ``k`` is a later syllable of the pyvi word before it (``hình`` in ``Truyền hình``)."""
        unit = self.units[k]
        return not unit.first and unit.text.isalpha() and unit.token == self.units[k - 1].token

    def head(self, k: int, phrases: frozenset[str]) -> int:
        """Like :meth:`match` from unit ``k``, for a head or title that may not end inside a word before a
        lower-case syllable (``Núi`` is no head in ``Núi lửa``, ``Đài`` is one in ``Đài Truyền hình``)."""
        n = self.match(k, len(self.units), phrases)
        if n and k + n < len(self.units) and self.is_tail(k + n) and not _capitalised(self.units[k + n].text):
            return 0
        return n

    def names(self) -> list[_Name]:
        names: list[_Name] = []
        done = 0
        for i, j in self.runs():
            if i >= done:
                found = self.parse_run(i, j)
                names += found
                done = max([j, *(n.end for n in found)])
        return self.share_doc_types(self.share_list_types(names))

    def parse_run(self, i: int, j: int) -> list[_Name]:
        """Cut the run of units ``i:j`` into typed names, left to right.

        A head's lower-case syllables may take the name past ``j`` (``Quốc vụ viện | Trung Quốc``).
        """
        units, out, k = self.units, [], i
        if i > 0 and units[i - 1].text.lower() == "châu" and self.place_length(i - 1, j) > 1:  # châu Á, châu Âu
            k = i - 1 + self.place_length(i - 1, j)
            out.append(_Name(i - 1, k, "PLACE", True))
        initial = self.sentence_start(i)
        while k < j:
            skip = self.skip(k, j)
            if skip:
                k, j = k + skip, max(j, k + skip)
                continue
            org, place = self.head(k, _HEADS["ORG"]), self.head(k, _HEADS["PLACE"])
            org = org if org and self.continues(k + org) else 0
            place = place if place and self.capitalised(k + place) else 0
            if k == i and initial and not self.keeps_initial(k, j, org or place):
                k += 1  # a sentence's first word, capitalised for that alone
                while k < j and not units[k].first:
                    k += 1
                continue
            bare = self.match(k, j, _BARE)
            if org or (self.cue_before(k) == "ORG" and not bare and not _is_foreign(units[k].text)):
                j = max(j, self.stretch_end(k + org))
                end = self.org_end(k + org, j)
                end = self.org_tail(end) if end == j else end
                if end > k + org:
                    out.append(_Name(k, end, "ORG", True))
                k, j = end, max(j, end)
            elif bare:
                if not (k == i and initial):  # "Quân đội đã nổ súng": an army, not the Army
                    out.append(_Name(k, k + bare, "ORG", True))
                k += bare
            elif place:
                end = self.stretch_end(k + place)
                out.append(_Name(k, end, "PLACE", True))
                k, j = end, max(j, end)
            elif self.place_length(k, j):
                end = k + self.place_length(k, j)
                out.append(_Name(k, end, "PLACE", True))
                k = end
            else:
                end = k + 1
                while end < j and not self.breaks(k, end, j):
                    end += 1
                out += self.type_chunk(k, end)
                k = end
        return out

    def skip(self, k: int, j: int) -> int:
        """How many units from ``k`` belong to no name: a title, a function word, a compass word before a place,
        a lower-case syllable, an all-capital word such as ``HIV``."""
        n = self.head(k, _TITLES) or self.match(k, j, _FUNCTION)
        n = n or (self.match(k, j, _COMPASS) if not self.place_length(k, j) else 0)  # but Bắc Cực, Nam Phi
        return n or int(not _capitalised(self.units[k].text) or self.units[k].text.upper() in NOT_ACRONYMS)

    def keeps_initial(self, k: int, j: int, head: int) -> bool:
        """Whether a sentence's first word is (or starts) a name: all its syllables capitalised, a foreign
        word that is not a common English one, an acronym, a head before a name, or pyvi's ``Np``."""
        syllables = [u.text for u in self.units[k:j] if u.token == self.units[k].token]
        if head or _is_acronym(syllables[0]):
            return True
        if len(syllables) > 1 and all(map(_capitalised, syllables)):
            return True
        g = _gazetteer()
        word = syllables[0].lower()
        if _is_foreign(word) and (word not in g.common or word in g.people or word in g.places):
            return True
        return self.tag(k) == "Np"

    def breaks(self, k: int, end: int, j: int) -> bool:
        """Whether the name that starts at unit ``k`` must stop before unit ``end``."""
        units = self.units
        if not _capitalised(units[end].text) and units[end].text not in ("-", "–", "&", ".") and not (
            units[end].text in _CONNECTORS or (units[end - 1].text == "-" and not self.gap(end - 1, end))
        ):
            return True  # a lower-case syllable: "Ri | nói"; but "Ma-lay-xi-a", "Marks and Spencer"
        if self.place_length(end, j) and end == k + 1 and _is_acronym(units[k].text):
            return False  # BBC Scotland
        if (self.head(end, _TITLES) or self.match(end, j, _FUNCTION) or self.head(end, _HEADS["ORG"])
                or self.match(end, j, _BARE) or self.place_length(end, j) or units[end].text.upper() in NOT_ACRONYMS):
            return True
        if units[end].first and _is_foreign(units[end].text) != _is_foreign(units[end - 1].text):
            # "Cơn bão | Rosa", but "Kim Jong Un" stays whole: pyvi tags its words Np
            native = end if not _is_foreign(units[end].text) else end - 1
            return _letters(units[native].text) != [] and self.tag(native) != "Np"
        return False

    def in_dictionary(self, k: int) -> bool:
        """Whether the pyvi word unit ``k`` belongs to is a common word of pyvi's dictionary (``ngoại giao``)."""
        return self.doc[self.units[k].token].text.lower() in _dictionary()

    def capitalised(self, k: int) -> bool:
        return k < len(self.units) and _capitalised(self.units[k].text)

    def continues(self, k: int) -> bool:
        """Whether an organization name goes on at unit ``k`` (a capitalised word, ``nhân dân``, ``tỉnh X``)."""
        n_units = len(self.units)
        admin = self.match(k, n_units, _ADMIN)
        lower = self.match(k, n_units, _ORG_LOWER)
        return self.capitalised(k) or bool(lower or (admin and self.capitalised(k + admin)))

    def stretch_end(self, k: int) -> int:
        """End of the capitalised words (with their lower-case syllables) from unit ``k``."""
        while k < len(self.units) and (self.capitalised(k) or (k and self.is_tail(k))):
            k += 1
        return k

    def org_end(self, k: int, j: int) -> int:
        """Where an organization name that goes on at unit ``k`` ends: before a title, a pronoun such as ``ta``
        or a foreign first name (``Đảng Cộng hòa | John Kennedy``)."""
        first = _gazetteer().first
        while k < j:
            u = self.units[k]
            if self.head(k, _TITLES) or self.match(k, j, _FUNCTION) or (
                u.first and u.text.lower() in first and _is_foreign(u.text) and not _is_foreign(self.units[k - 1].text)
            ):
                break
            k += 1
        return k

    def org_tail(self, k: int) -> int:
        """Lower-case words after unit ``k`` that still belong to an organization name (``nhân dân``, ``tỉnh X``)."""
        units, n_units = self.units, len(self.units)
        while k < n_units and "\n" not in self.gap(k - 1, k):
            lower, admin = self.match(k, n_units, _ORG_LOWER), self.match(k, n_units, _ADMIN)
            n = lower or admin
            if not n:
                break
            after = k + n
            if after < n_units and _capitalised(units[after].text):
                k = after + 1
                while k < n_units and (_capitalised(units[k].text) or not units[k].first):
                    k += 1
            elif lower:
                k = after
            else:
                break
        return k

    def type_chunk(self, k: int, e: int) -> list[_Name]:
        """Type the name in units ``k:e``, which no head or known place explains."""
        words = [u.text for u in self.units[k:e]]
        cue = self.cue_before(k)
        if cue == "" or not any(map(_letters, words)) or any(c.isdigit() for w in words for c in w):
            return []
        if all(w.upper() in NOT_ACRONYMS or _ROMAN.match(w) for w in words):
            return []
        transliterated = any(w == "-" and not self.gap(k + n - 1, k + n) for n, w in enumerate(words) if n)
        if any(map(_is_foreign, words)) or transliterated:
            return self.type_foreign(k, e, "PLACE" if cue == "DEMONYM" else cue)
        if not all(map(_capitalised, words)) or (e < len(self.units) and self.is_tail(e) and self.in_dictionary(e)):
            return []  # names capitalise every syllable: no "Xã" in "Xã hội" (but "Ri" in pyvi's "Ri nói")
        if (words[0] in SURNAMES and 2 <= len(words) <= 4) or (cue == "PERSON" and len(words) <= 4):
            return [_Name(k, e, "PERSON", True)]
        return [_Name(k, e, cue, True)] if cue in ("PLACE", "ORG") else []

    def type_foreign(self, k: int, e: int, cue: str | None) -> list[_Name]:
        """Type a foreign name by its words, the English gazetteer and the cue before it."""
        g = _gazetteer()
        if cue in (None, "PERSON"):
            for p in range(k + 1, e):
                joined = self.units[p - 1].text in ("&", "-", ".") or self.units[p - 1].text in _CONNECTORS
                if self.units[p].text.lower() in g.first and _capitalised(self.units[p].text) and not joined:
                    head = self.type_foreign(k, p, None)  # "Rangers Allan McGregor", "LSU Joe Alleva"
                    if len(head) == 1 and head[0].label != "PERSON":
                        return head + self.type_foreign(p, e, None)
        text = self.span_text(k, e)
        words, key = text.split(), _en_key(text)
        kind, head = g.places.get(key), g.heads.get(words[-1].lower())
        if cue == "ORG" or head == "org" or "&" in text or " and " in text:
            return [_Name(k, e, "ORG", True)]
        if head == "loc" and len(words) > 1:
            return [_Name(k, e, "PLACE", True)]
        if _is_acronym(words[0]):
            return [_Name(k, e, "PLACE" if cue == "PLACE" and len(words) > 1 else "ORG", True)]
        if cue in ("PERSON", "PLACE"):
            return [_Name(k, e, cue, True)]
        if kind in ("cityA", "state", "cty", "cont"):
            return [_Name(k, e, "PLACE", True)]
        if len(words) == 1:
            if key in g.people:
                return [_Name(k, e, "PERSON", False)]
            if kind == "cityB":
                return [_Name(k, e, "PLACE", False)]
            if key in g.common:
                return [_Name(k, e, "ORG", False)]
            return [_Name(k, e, "PERSON", False, default=True)]
        if words[0].lower() in g.first:
            return [_Name(k, e, "PERSON", True)]
        if kind == "cityB":
            return [_Name(k, e, "PLACE", False)]
        return [_Name(k, e, "PERSON", False, default=True)]

    def share_list_types(self, names: list[_Name]) -> list[_Name]:
        """Guesses take the type of the firmly typed names listed with them (``Google, Microsoft và Apple``).

        In a list with a conjunction the firm names must agree (or, with none firm, most guesses).
        Without one, a guess right before a place takes its type (``Bethesda, Maryland``), and so does a
        guess on no evidence right after one (``Hàn Quốc, Ma-lay-xi-a``; but ``Hoa Kỳ, Lee chia sẻ``).
        """
        chains: list[list[int]] = [[0]] if names else []
        for n in range(1, len(names)):
            gap = self.gap(names[n - 1].end - 1, names[n].start).strip()
            if gap == "," or gap in _CONJUNCTIONS:
                chains[-1].append(n)
            else:
                chains.append([n])
        out = list(names)
        for chain in chains:
            gaps = {self.gap(names[a].end - 1, names[b].start).strip() for a, b in pairwise(chain)}
            firm = [names[n].label for n in chain if names[n].firm]
            labels = firm or [names[n].label for n in chain]
            best = max(set(labels), key=labels.count) if labels else None
            if gaps & _CONJUNCTIONS and (len(set(firm)) == 1 or (not firm and labels.count(best) * 2 > len(chain))):
                for n in chain:
                    out[n] = names[n] if names[n].firm else replace(names[n], label=best)
            for a, b in pairwise(chain if not gaps & _CONJUNCTIONS else []):
                if not names[a].firm and names[b].firm and names[b].label == "PLACE":
                    out[a] = replace(names[a], label="PLACE")
                if names[b].default and names[a].firm and names[a].label == "PLACE":
                    out[b] = replace(names[b], label="PLACE")
        return out

    def share_doc_types(self, names: list[_Name]) -> list[_Name]:
        """Guesses take the type the same name has firmly elsewhere in the doc; ``West`` after ``Kanye West``."""
        firm = {self.span_text(n.start, n.end): n.label for n in names if n.firm}
        for n in names:
            words = self.span_text(n.start, n.end).split()
            if n.label == "PERSON" and len(words) > 1 and _is_foreign(words[-1]):
                firm.setdefault(words[0], "PERSON")
                firm.setdefault(words[-1], "PERSON")
        return [n if n.firm else replace(n, label=firm.get(self.span_text(n.start, n.end), n.label)) for n in names]


def _split_tokens(doc: Doc, cuts: set[int]) -> Doc:
    """``doc`` with pyvi's words cut where a name begins or ends inside one (``Tây Hoa Kỳ``, ``CNN.``)."""
    inside = [t for t in doc if any(t.idx < c < t.idx + len(t) for c in cuts)]
    if not inside:
        return doc
    words, spaces = [], []
    for t in doc:
        pieces, last = [], 0
        for c in sorted(c - t.idx for c in cuts if t.idx < c < t.idx + len(t)):
            pieces.append(t.text[last:c])
            last = c
        pieces.append(t.text[last:])
        for n, piece in enumerate(pieces):
            if piece[:1] == " " and spaces:
                spaces[-1] = True
            if piece.strip():
                words.append(piece.strip())
                spaces.append(piece.endswith(" ") or (n == len(pieces) - 1 and bool(t.whitespace_)))
    return Doc(doc.vocab, words=words, spaces=spaces)


class VietnameseEntityExtractor(EntityExtractor):
    """Finds PERSON, ORG, PLACE and TERM spans in Vietnamese.

    Where a name begins or ends inside one of pyvi's words (``Đảng Cộng hòa`` in ``Đảng Cộng hòa John
    Kennedy``, ``Tây Hoa Kỳ``, ``CNN.``), the component returns the doc with that word cut in two.
    """

    lang = "vi"

    def candidates(self, doc: Doc) -> list[Candidate]:
        # Firm names rank with lexicon terms, so the longer span wins ("Trung Tâm Liên Hiệp Trí Tuệ Nhân Tạo"
        # over the term "trí tuệ nhân tạo", the term "tư tưởng Hồ Chí Minh" over "Hồ Chí Minh"); they come
        # first, so on a tie "đảng Dân chủ" gives the party rather than the term "dân chủ".
        reader = _Reader(doc)
        cands = [Candidate(reader.units[n.start].start, reader.units[n.end - 1].end, n.label, 3 if n.firm else 2)
                 for n in reader.names()]
        text = doc.text
        cands += self.lexicon_candidates(text, "vi")
        for m in _QUOTED.finditer(text):
            words = m.group(1).split()
            if m.group(1)[0].islower() and 2 <= len(words) <= 6:
                cands.append(Candidate(m.start(1), m.end(1), "TERM", 1))
            elif len(words) >= 3 and _fold(words[0]).lower() in _HEADS["ORG"] and all(w.islower() for w in words[1:]):
                # a group named in quotes: “Nhóm công dân tự do”
                cands.append(Candidate(m.start(1), m.end(1), "ORG", 3))
        return cands

    def __call__(self, doc: Doc) -> Doc:
        chosen = resolve_overlaps(self.candidates(doc))
        doc = _split_tokens(doc, {c.start for c in chosen} | {c.end for c in chosen})
        spans = [doc.char_span(c.start, c.end, label=c.label, kb_id=c.concept) for c in chosen]
        doc.spans[self.spans_key] = [span for span in spans if span is not None]
        return doc


@Vietnamese.factory(
    "kg_entities",
    assigns=["doc.spans"],
    default_config={"spans_key": "kg", "lexicon_paths": []},
)
def make_vi_entities(
    nlp: Language, name: str, spans_key: str, lexicon_paths: Iterable[str]
) -> VietnameseEntityExtractor:
    """spaCy factory for ``spacy.blank("vi").add_pipe("kg_entities")``."""
    return VietnameseEntityExtractor(nlp.vocab, name, spans_key=spans_key, lexicon_paths=lexicon_paths)
