"""The word lists the Vietnamese rules read: heads and cue words, known places, family names.

Each list is written as text with its entries between commas. The ``*_PHRASES`` sets at the end hold
the same entries lower-cased and with tones folded (:func:`~.vi_syllables.fold_tones`), which is how
:meth:`~.vi_units.UnitReader.match` looks them up.

Examples
--------
>>> ORG_HEADS[:4]
('Đảng', 'Bộ', 'Ủy ban', 'Tổ chức')
>>> "ủy ban" in HEAD_PHRASES["ORG"], "Hà Nội" in PLACES, "Nguyễn" in SURNAMES
(True, True, True)
"""

from __future__ import annotations

from collections.abc import Iterable

from .vi_syllables import fold_tones

__all__ = [
    "ADMIN_PHRASES",
    "BARE_ORGS",
    "BARE_PHRASES",
    "COMPASS",
    "COMPASS_PHRASES",
    "CONJUNCTIONS",
    "CONNECTORS",
    "CUE_PHRASES",
    "EN_ORG_HEADS",
    "EN_PLACE_HEADS",
    "FUNCTION_PHRASES",
    "FUNCTION_WORDS",
    "HEAD_PHRASES",
    "NOT_ACRONYMS",
    "NOT_NAME_CUES",
    "OPENERS",
    "ORG_CUES",
    "ORG_HEADS",
    "ORG_LOWER",
    "ORG_LOWER_PHRASES",
    "PERSON_CUES",
    "PLACES",
    "PLACE_CUES",
    "PLACE_HEADS",
    "SENTENCE_END",
    "SURNAMES",
    "TITLE_PHRASES",
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
    "Chánh án, giáo sư, tiến sĩ, bác sĩ, GS, TS, PGS, ThS, TT., TBT., TTg., nhà văn, nhà báo, ca sĩ, ca sỹ, Đại tướng, Thượng tướng,"
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
#: English last words of organization and place names, besides the English model's heads (``Bank``, ``Street``).
EN_ORG_HEADS = frozenset(_words("news, channel, ventures, research, studios, records, media, entertainment, partners,"
                                "holdings, magazine, journal, herald, tribune, motors, capital, magistrates"))
EN_PLACE_HEADS = frozenset(_words("terrace, crescent, plains, lane, drive, boulevard, heights, arena, stadium"))
#: Small words inside foreign names (``Marks and Spencer``, ``Ludwig von Mises``).
CONNECTORS = frozenset(_words("and, of, de, la, da, del, van, von"))
#: Characters that end a sentence, and those that may open one before its first word.
SENTENCE_END = frozenset(".!?:;…\n")
OPENERS = frozenset("“\"'‘([–-")


def _phrases(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold_tones(w).lower() for w in words)


TITLE_PHRASES = _phrases(w for w in PERSON_CUES if w != "anh")
HEAD_PHRASES = {"ORG": _phrases(ORG_HEADS), "PLACE": _phrases(PLACE_HEADS)}
BARE_PHRASES = _phrases(BARE_ORGS)
# "người Wales": a foreign name after "người" (people) is a place; "Người Máy" is no place.
CUE_PHRASES = {"PERSON": _phrases(PERSON_CUES), "PLACE": _phrases(PLACE_CUES), "ORG": _phrases(ORG_CUES),
               "": _phrases(NOT_NAME_CUES), "DEMONYM": _phrases(["người"])}
ADMIN_PHRASES = _phrases(["tỉnh", "thành phố", "huyện", "quận", "xã", "phường", "thị xã"])
FUNCTION_PHRASES = _phrases(FUNCTION_WORDS)
ORG_LOWER_PHRASES = _phrases(ORG_LOWER)
COMPASS_PHRASES = _phrases(COMPASS)
CONJUNCTIONS = frozenset(["và", "hay", "hoặc", ", và", ", hay", ", hoặc"])
