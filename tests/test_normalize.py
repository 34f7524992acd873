"""Normalizers and MappedText, on lines taken from the seed documents and on counter-examples."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.extractors.mapped import MappedText
from policykg.extractors.normalize import (
    drop_boilerplate,
    join_broken_lines,
    matching_key,
    normalize_document,
    normalize_whitespace,
    strip_markdown,
    strip_pinyin_annotations,
    to_nfc,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


# --- MappedText -------------------------------------------------------------------------


def test_mapped_identity():
    mt = MappedText.from_text("國務院 Hà Nội")
    assert (mt.text, mt.original, len(mt)) == ("國務院 Hà Nội", "國務院 Hà Nội", 10)
    assert [mt.origin(i, i + 1) for i in range(3)] == [(0, 1), (1, 2), (2, 3)]
    assert mt.origin(4, 4) == (4, 4)


MAPPED_SUB_CASES = [
    # text, pattern, repl, new text, span of new text, span of original
    ("國務(wù)院", r"\(wù\)", "", "國務院", (0, 3), (0, 7)),
    ("國務(wù)院", r"\(wù\)", "", "國務院", (0, 2), (0, 2)),  # deletion at the edge is left out
    ("國務(wù)院", r"\(wù\)", "", "國務院", (2, 3), (6, 7)),
    ("（2）**创新**。", r"\*\*(.+?)\*\*", r"\1", "（2）创新。", (3, 5), (5, 7)),
    ("（2）**创新**。", r"\*\*(.+?)\*\*", r"\1", "（2）创新。", (0, 6), (0, 10)),
    ("摘\u00a0 要", r"[\u00a0 ]+", "", "摘要", (0, 2), (0, 4)),
    ("a\u3000\u3000b", r"\u3000+", " ", "a b", (1, 2), (1, 3)),  # rewritten block maps whole
    ("a\u00a0b", "\u00a0", " ", "a b", (1, 2), (1, 2)),  # same length maps one to one
    ("ab", r"(?<=a)", "-", "a-b", (1, 2), (1, 1)),  # inserted only: empty span where it was put
    ("ab", r"(?<=a)", "-", "a-b", (0, 3), (0, 2)),
    ("x\r\ny", r"\r\n", "\n", "x\ny", (1, 2), (2, 3)),  # the kept "\\n" is found in the match
    ("[docs](https://x.org) now", r"\[([^\]]+)\]\([^)]+\)", r"\1", "docs now", (0, 4), (1, 5)),
]


@pytest.mark.parametrize("text,pattern,repl,new,span,expected", MAPPED_SUB_CASES)
def test_mapped_sub_maps_spans(text, pattern, repl, new, span, expected):
    mt = MappedText.from_text(text).sub(pattern, repl)
    assert mt.text == new
    assert mt.origin(*span) == expected


def test_mapped_sub_composes_and_keeps_original():
    mt = MappedText.from_text("突發(fā)事件\u3000\u3000**國務(wù)院**").sub(r"\((?:fā|wù)\)", "")
    mt = mt.sub(r"\u3000+", " ").sub(r"\*\*(.+?)\*\*", r"\1")
    assert mt.text == "突發事件 國務院"
    assert mt.original[slice(*mt.origin(5, 8))] == "國務(wù)院"
    assert mt.original[slice(*mt.origin(0, 4))] == "突發(fā)事件"


def test_mapped_sub_callable_and_count():
    mt = MappedText.from_text("a1b22c333").sub(r"\d+", lambda m: str(len(m.group())), count=2)
    assert mt.text == "a1b2c333"
    assert (mt.origin(3, 4), mt.origin(3, 5)) == ((3, 4), (3, 6))  # "2" is found in "22"


def test_mapped_edit_and_errors():
    mt = MappedText.from_text("ab\n\nPAGE 3\n\ncd").edit([(2, 12, "")])
    assert (mt.text, mt.origin(0, 4), mt.origin(1, 3)) == ("abcd", (0, 14), (1, 13))
    assert mt.edit([]) is mt
    with pytest.raises(ValueError, match=r"\[E102\]"):
        mt.origin(3, 2)
    with pytest.raises(ValueError, match=r"\[E102\]"):
        mt.origin(0, 5)
    with pytest.raises(ValueError, match=r"\[E103\]"):
        mt.edit([(2, 3, ""), (1, 2, "")])
    with pytest.raises(ValueError, match=r"\[E103\]"):
        mt.edit([(0, 9, "")])


def test_mapped_is_immutable_and_pickles():
    mt = MappedText.from_text("國務(wù)院").sub(r"\(wù\)", "")
    with pytest.raises(AttributeError):
        mt.text = "x"  # type: ignore[misc]
    copy = pickle.loads(pickle.dumps(mt))
    assert (copy.text, copy.original, copy.origin(0, 3)) == ("國務院", "國務(wù)院", (0, 7))


MIXED = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(list("國務院发布。，、“”（）() \u00a0\u3000\t\r\n*#-[]_>Hà Nội\u0323\u0302ăđ(fā)")),
    ),
    max_size=80,
)
PATTERNS = [
    (r"\s+", " "),
    (r"[\u00a0\u3000]", " "),
    (r"\(fā\)", ""),
    (r"\*\*(.+?)\*\*", r"\1"),
    (r"(?<=\w)", "|"),
    (r"[A-Za-z]+", lambda m: m.group().upper() * 2),
    (r"\n+", "\n"),
    (r".", ""),
]


def assert_sound(mt: MappedText) -> None:
    """Spans map inside the original, monotonically, the same way every time."""
    n, size = len(mt.text), len(mt.original)
    points = [mt.origin(p, p) for p in range(n + 1)]
    assert all(0 <= s == e <= size for s, e in points)
    assert points == sorted(points)
    starts = [mt.origin(a, n)[0] for a in range(n)]  # where a span starting at a begins
    ends = [mt.origin(0, b)[1] for b in range(1, n + 1)]  # where a span ending at b ends
    assert starts == sorted(starts) and ends == sorted(ends)
    for a in range(n):
        for b in range(a + 1, n + 1):
            assert mt.origin(a, b) == (min(starts[a], ends[b - 1]), ends[b - 1])
            assert 0 <= mt.origin(a, b)[0] <= mt.origin(a, b)[1] <= size


@settings(max_examples=300, deadline=None)
@given(MIXED, st.lists(st.sampled_from(PATTERNS), max_size=4))
def test_mapped_sub_chain_is_sound(text, steps):
    mt = MappedText.from_text(text)
    expected = text
    for pattern, repl in steps:
        mt = mt.sub(pattern, repl)
        expected = re.sub(pattern, repl, expected)
    assert mt.text == expected
    assert_sound(mt)


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_normalize_document_is_sound_and_deterministic(text):
    mt = normalize_document(text)
    assert_sound(mt)
    again = normalize_document(text)
    assert again.text == mt.text
    assert [again.origin(i, len(mt)) for i in range(len(mt))] == [mt.origin(i, len(mt)) for i in range(len(mt))]


@settings(max_examples=150, deadline=None)
@given(MIXED)
def test_normalizers_agree_with_pipeline_pieces(text):
    # each normalizer is total on arbitrary input and idempotent where it should be
    for fn in (to_nfc, normalize_whitespace, strip_markdown, strip_pinyin_annotations, join_broken_lines, drop_boilerplate):
        assert isinstance(fn(text), str)
    assert normalize_whitespace(normalize_whitespace(text)) == normalize_whitespace(text)
    assert to_nfc(to_nfc(text)) == to_nfc(text)


# --- to_nfc and matching_key ------------------------------------------------------------


def test_to_nfc_composes_and_maps():
    nfd = "Vie\u0323\u0302t Nam \u212b \uf900"
    assert to_nfc(nfd) == "Việt Nam \u00c5 \u8c48"
    mt = normalize_document("Vie\u0323\u0302t Nam")
    assert (mt.text, mt.origin(2, 3), mt.origin(0, 4)) == ("Việt Nam", (2, 5), (0, 6))


def test_to_nfc_keeps_composed_text():
    assert to_nfc("國務院（5G）Hà Nội") == "國務院（5G）Hà Nội"


def test_matching_key_is_nfkc_casefold():
    assert matching_key("（５Ｇ）ＡＢＣ Việt NAM Straße") == "(5g)abc việt nam strasse"


# --- normalize_whitespace ---------------------------------------------------------------

WHITESPACE_CASES = [
    ("可以達到 約束政府機關以及政府官員的作 用。徹底改變“有權就任性”的局 面。", "可以達到約束政府機關以及政府官員的作用。徹底改變“有權就任性”的局面。"),
    ("阮 靜:《財政監督》雜志編輯", "阮靜:《財政監督》雜志編輯"),
    ("摘\u00a0 要", "摘要"),
    ("您的位置: 首页\u00a0> 观点 / VIEW", "您的位置: 首页 > 观点 / VIEW"),
    ("李克強總理說:“改革會觸動利益、會動 ‘奶酪’,你放權", "李克強總理說:“改革會觸動利益、會動‘奶酪’,你放權"),
    ("湖北省編制完成規范化的 《湖北省級行政權力", "湖北省編制完成規范化的《湖北省級行政權力"),
    ("xã hội.\n\n\u00a0\n\nChúng triệt để", "xã hội.\n\nChúng triệt để"),
    ("\n\n新阶段\r\n\r\n\r\n宋大伟  \n", "新阶段\n\n宋大伟"),
    ("\u3000\u3000第一段。\t第二句 and\tmore", "第一段。第二句 and more"),
    ("a\u200bb\ufeff", "ab"),
    ("page\x0cnext", "page\nnext"),
    # untouched
    ("会有越来越多的企业应用 ERP（企业资源计划）", "会有越来越多的企业应用 ERP（企业资源计划）"),
    ("法国诗人C.波德莱尔(Charles Baudelaire)在1864年写道", "法国诗人C.波德莱尔(Charles Baudelaire)在1864年写道"),
    ("Thứ Sáu, 08/11/2024", "Thứ Sáu, 08/11/2024"),
    ("대한민국 정부", "대한민국 정부"),
    ("第一段。\n\n第二段。", "第一段。\n\n第二段。"),
]


@pytest.mark.parametrize("text,expected", WHITESPACE_CASES)
def test_normalize_whitespace(text, expected):
    assert normalize_whitespace(text) == expected


# --- strip_markdown ---------------------------------------------------------------------

MARKDOWN_CASES = [
    ("（2）**创新发展绿色制造**。这是资源节约", "（2）创新发展绿色制造。这是资源节约"),
    ("(2) **推进生产流程数字化**。应采用", "(2) 推进生产流程数字化。应采用"),
    ("抓好5件事：**一**要坚持不懈；**二**要围绕", "抓好5件事：一要坚持不懈；二要围绕"),
    ("- 1 中共中央关于制定国民经济", "1 中共中央关于制定国民经济"),
    (
        "(2021-01-16)[2021-01-27]. <https://new.qq.com/omn/20210116/20210116A00NRH00.html>.",
        "(2021-01-16)[2021-01-27]. https://new.qq.com/omn/20210116/20210116A00NRH00.html.",
    ),
    ("## 1 关于产业创新发展问题 ##", "1 关于产业创新发展问题"),
    ("see [the report](https://x.org/a.pdf \"title\") and ![chart](img/c.png)", "see the report and chart"),
    ("__重点__ and *emphasis* and 的*强调*是", "重点 and emphasis and 的强调是"),
    ("> quoted line\n* item\n+ item\n---", "quoted line\nitem\nitem\n"),
    # untouched
    ("智能生产线、3D/4D打印等重点领域", "智能生产线、3D/4D打印等重点领域"),
    ("a*b and 2*3*4 and 5 * 3 = 15", "a*b and 2*3*4 and 5 * 3 = 15"),
    ("[1]薛瀾.中國應急管理系統的演變[J].行政管理改革,2010(8):22-24.", "[1]薛瀾.中國應急管理系統的演變[J].行政管理改革,2010(8):22-24."),
    ("资料[1](见附录)和[參考文獻]", "资料[1](见附录)和[參考文獻]"),
    ("snake_case_name #hashtag 2018—2019", "snake_case_name #hashtag 2018—2019"),
    ("Mác - Lênin, internet - mạng xã hội", "Mác - Lênin, internet - mạng xã hội"),
]


@pytest.mark.parametrize("text,expected", MARKDOWN_CASES)
def test_strip_markdown(text, expected):
    assert strip_markdown(text) == expected


# --- strip_pinyin_annotations -----------------------------------------------------------

PINYIN_CASES = [
    ("重大突發(fā)事件中的社會組織參與對我國應(yīng)急管理制度", "重大突發事件中的社會組織參與對我國應急管理制度"),
    ("按照國務(wù)院關(guān)于", "按照國務院關于"),
    ("反應(yīng)、恢復(fù)所構(gòu)成的動態(tài)循環(huán)過程", "反應、恢復所構成的動態循環過程"),
    ("強調(diào)將風險", "強調將風險"),  # heteronym: 調 is diào or tiáo
    ("災(zāi)區(qū)社會秩序", "災區社會秩序"),
    ("政府（zhèng fǔ）和的(de)", "政府和的"),
    ("Vie\u0304t 發(fa\u0304)", "Vie\u0304t 發"),  # decomposed tone mark
    # untouched
    ("社會恢復力(social resilience)包括", "社會恢復力(social resilience)包括"),
    ("L.米塞斯(Ludwig von Mises)的三部著作", "L.米塞斯(Ludwig von Mises)的三部著作"),
    ("第五代移動通信技術（5G）、世界知識產權報告 (2019版)", "第五代移動通信技術（5G）、世界知識產權報告 (2019版)"),
    ("中國非營利評論(第三卷)[M].北京", "中國非營利評論(第三卷)[M].北京"),
    ("E.L.Quarantelli(ed.).What is a disaster?", "E.L.Quarantelli(ed.).What is a disaster?"),
    ("“反應引致需要”(response-generated demands)", "“反應引致需要”(response-generated demands)"),
    ("中國(China)、李(li)、米塞斯(Mises)、發(fa)、發(fà ng)", "中國(China)、李(li)、米塞斯(Mises)、發(fa)、發(fà ng)"),
    ("行政管理改革,2010(8):22-24.[1]", "行政管理改革,2010(8):22-24.[1]"),
]


@pytest.mark.parametrize("text,expected", PINYIN_CASES)
def test_strip_pinyin_annotations(text, expected):
    assert strip_pinyin_annotations(text) == expected


def test_strip_pinyin_leaves_no_annotation_in_seed_001():
    cleaned = strip_pinyin_annotations(seed("001"))
    assert re.findall(r"[\u4e00-\u9fff][(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]", cleaned) == []
    assert cleaned.count("(") == 21  # the real ones: headings (一)…(六), glosses, references
    assert "社會恢復力(social resilience)" in cleaned


# --- join_broken_lines ------------------------------------------------------------------

JOIN_CASES = [
    (
        "(1) 创新发展智能制造。这已被主要工业化国\n\n修改稿收到日期：2021年2月21日；预出版日期：2021年3月2日\n\n家视为未来制造业的主导方向。",
        "(1) 创新发展智能制造。这已被主要工业化国家视为未来制造业的主导方向。",
    ),
    ("从而全面提高我国产业竞争水平、综合经济实力\n\n和国际分工地位。深入研判", "从而全面提高我国产业竞争水平、综合经济实力和国际分工地位。深入研判"),
    ("促进企业相互提供生产性服务，实现“以生产为中心”\n\n向“以服务为中心”的转变。", "促进企业相互提供生产性服务，实现“以生产为中心”向“以服务为中心”的转变。"),
    ("要始终坚持按科学规律办事，\n\n深入践行经济周期规律。", "要始终坚持按科学规律办事，深入践行经济周期规律。"),
    ("15年前,中國實現了“逢進必\n考”,逐步實現有能力", "15年前,中國實現了“逢進必考”,逐步實現有能力"),
    ("这一点，在信贷中\n\n- 12 -\n\n表现得淋漓尽致。", "这一点，在信贷中表现得淋漓尽致。"),
    ("the development of the\nemerging industries.", "the development of the emerging industries."),
    # untouched: headings, titles, labels, speaker turns, lines that end a sentence
    ("1 关于产业创新发展问题\n\n“十四五”时期，战略性新兴产业。", "1 关于产业创新发展问题\n\n“十四五”时期，战略性新兴产业。"),
    ("一、新自由主义的起源\n\n新自由主义概念产生至今已有近一个世纪的历史,不过", "一、新自由主义的起源\n\n新自由主义概念产生至今已有近一个世纪的历史,不过"),
    ("新阶段我国战略性新兴产业发展思考\n\n宋大伟\n\n中国科学院科技战略咨询研究院", "新阶段我国战略性新兴产业发展思考\n\n宋大伟\n\n中国科学院科技战略咨询研究院"),
    (
        "关键词 “十四五”时期，战略性新兴产业，发展规律\n\nDOI 10.16418/j.issn.1000-3045.20210218001\n\n党的十九届五中全会对“加快发展现代产业体系，推动”作出部署。",
        "关键词 “十四五”时期，战略性新兴产业，发展规律\n\nDOI 10.16418/j.issn.1000-3045.20210218001\n\n党的十九届五中全会对“加快发展现代产业体系，推动”作出部署。",
    ),
    ("葉青:第十、十一屆全國人大代表,湖北省統計局副局長\n\n翟繼光:中國政法大學民商經濟法學院副教授", "葉青:第十、十一屆全國人大代表,湖北省統計局副局長\n\n翟繼光:中國政法大學民商經濟法學院副教授"),
    ("劉家用:中共武漢市委黨校主任、副教授、博士\n背景材料:", "劉家用:中共武漢市委黨校主任、副教授、博士\n背景材料:"),
    ("阮 靜:《財政監督》雜志編輯\n\n話題嘉賓", "阮 靜:《財政監督》雜志編輯\n\n話題嘉賓"),
    ("J.B.福斯特:作为意识形态的新自由主义:起源、实质与影响\n\n摘  要", "J.B.福斯特:作为意识形态的新自由主义:起源、实质与影响\n\n摘  要"),
    ("简言之,福柯宣称:\n\n\n【“新自由主义的问题在于……”】", "简言之,福柯宣称:\n\n\n【“新自由主义的问题在于……”】"),
    ("(一)社會組織參與難以貫穿應急管理全周期過程,呈現片段化\n應急管理被視為", "(一)社會組織參與難以貫穿應急管理全周期過程,呈現片段化\n應急管理被視為"),
    ("Ngày càng tinh vi, thâm độc, xảo quyệt\n\nCó thể thấy, nội dung", "Ngày càng tinh vi, thâm độc, xảo quyệt\n\nCó thể thấy, nội dung"),
    ("Thứ Sáu, 08/11/2024\nTriệt để lợi dụng", "Thứ Sáu, 08/11/2024\nTriệt để lợi dụng"),
    ("(4) 完善管理咨询服务。\n\n5 关于产业政策研究问题", "(4) 完善管理咨询服务。\n\n5 关于产业政策研究问题"),
]


@pytest.mark.parametrize("text,expected", JOIN_CASES)
def test_join_broken_lines(text, expected):
    assert join_broken_lines(text) == expected


def test_join_broken_lines_maps_over_dropped_furniture():
    text = "智能制造。这已被主要工业化国\n\n修改稿收到日期：2021年2月21日\n\n家视为方向。"
    mt = normalize_document(text)
    assert mt.text == "智能制造。这已被主要工业化国家视为方向。"
    assert mt.original[slice(*mt.origin(13, 15))] == "国\n\n修改稿收到日期：2021年2月21日\n\n家"
    assert mt.origin(0, 14) == (0, 14)
    assert mt.origin(14, 20) == (36, 42)


# --- drop_boilerplate -------------------------------------------------------------------

BOILERPLATE_CASES = [
    ("观点 / VIEW\n\n您的位置: 首页 > 观点 / VIEW\nJ.B.福斯特:作为意识形态的新自由主义", "\nJ.B.福斯特:作为意识形态的新自由主义"),
    ("当前位置：首页 > 新闻 > 正文\n正文。", "正文。"),
    ("当前位置：首页 > 新闻 > 国务院关于加强管理的通知\n新闻\n国务院关于加强管理的通知\n内容。", "国务院关于加强管理的通知\n内容。"),
    ("Trang chủ > Chính trị\nNội dung.", "Nội dung."),
    ("正文。\n■ 责任编辑：文彦杰", "正文。"),
    ("正文。\n责任编辑：张三\n分享到：微信 微博\n【打印】", "正文。\n【打印】"),
    (
        "Nội dung.\nCác thế lực thù địch lợi dụng sự bùng nổ của internet. Nguồn: ITN\nTiếp.",
        "Nội dung.\nTiếp.",
    ),
    ("Gắn kết chặt chẽ với đào tạo cán bộ, sinh viên . Ảnh: Tư liệu\nTiếp.", "Tiếp."),
    ("Ảnh minh họa: TTXVN\nChia sẻ\nIn bài viết\nNội dung.\nLiên kết website", "Nội dung."),
    ("Body.\nRelated articles:\nCopyright © 2024 Example Ltd.\nShare", "Body."),
    # untouched
    ("鄒祥利:湖南省衡陽市財政局監督檢查局局長,雜志編輯", "鄒祥利:湖南省衡陽市財政局監督檢查局局長,雜志編輯"),
    ("Nguồn lực xã hội được huy động.", "Nguồn lực xã hội được huy động."),
    ("Chia sẻ kinh nghiệm quản lý nhà nước.", "Chia sẻ kinh nghiệm quản lý nhà nước."),
    ("Links between policy and practice are weak.", "Links between policy and practice are weak."),
    ("观点是正确的。\n首页的设计", "观点是正确的。\n首页的设计"),
    ("Thứ Sáu, 08/11/2024", "Thứ Sáu, 08/11/2024"),
    ("Vị trí địa lý: quan trọng.\nYou are here to learn.", "Vị trí địa lý: quan trọng.\nYou are here to learn."),
    ("当前位置：首页\n正文。", "正文。"),
]


@pytest.mark.parametrize("text,expected", BOILERPLATE_CASES)
def test_drop_boilerplate(text, expected):
    assert drop_boilerplate(text) == expected


def test_drop_boilerplate_keeps_long_paragraph_with_a_source():
    paragraph = "Theo thống kê " + "rất nhiều số liệu, " * 25 + "tăng mạnh. Nguồn: Tổng cục Thống kê"
    assert drop_boilerplate(paragraph) == paragraph


# --- normalize_document on the seeds ----------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_normalize_document_maps_every_character_back(prefix):
    text = seed(prefix)
    mt = normalize_document(text)
    for i, char in enumerate(mt.text):
        s, e = mt.origin(i, i + 1)
        assert text[s:e] == char or (char == " " and text[s:e].isspace()) or (char == "\n" and "\n" in text[s:e])


SEED_EXPECTATIONS = [
    ("000", "J.B.福斯特:作为意识形态的新自由主义:起源、实质与影响\n\n摘要\n\n新自由主义是21世纪", ["观点 / VIEW", "您的位置"]),
    ("001", "重大突發事件中的社會組織參與對我國應急管理制度變遷", ["(fā)", "(yīng)"]),
    ("002", "聚焦地方權力清單制度全面推開\n主持人\n阮靜:《財政監督》雜志編輯\n\n話題嘉賓", ["達到 約束"]),
    ("003", "Nhận diện, đấu tranh hiệu quả các quan điểm sai trái, thù địch trong tình hình mới\n\nThứ Sáu, 08/11/2024\n", ["Liên kết website", "Ảnh: Tư liệu", "Nguồn: ITN", "\u00a0"]),
    ("004", "新阶段我国战略性新兴产业发展思考\n\n宋大伟\n\n", ["**", "修改稿收到日期", "■", "\n- 1"]),
]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_normalize_document_is_idempotent_on_seeds(prefix):
    once = normalize_document(seed(prefix)).text
    assert normalize_document(once).text == once


@pytest.mark.parametrize("prefix,start,absent", SEED_EXPECTATIONS)
def test_normalize_document_on_seeds(prefix, start, absent):
    text = normalize_document(seed(prefix)).text
    assert text.startswith(start)
    assert [a for a in absent if a in text] == []


def test_normalize_document_joins_seed_004_lines():
    text = normalize_document(seed("004")).text
    for joined in ["综合经济实力和国际分工地位。", "主要工业化国家视为未来", "“十四五”时期，会有越来越多的企业应用 ERP（企业资源计划）", "复杂多变的商业环境", "是我国国内生产总值（GDP）", "旅游服务贸易、信息技术服务贸易"]:
        assert joined in text
    assert "\n\n1 关于产业创新发展问题\n\n" in text
    assert "（2）创新发展绿色制造。" in text  # full-width brackets stay: no NFKC on display text


def test_normalize_document_keeps_seed_002_speakers_apart():
    text = normalize_document(seed("002")).text
    assert "中國實現了“逢進必考”,逐步實現" in text
    assert "博士生導師\n\n翟繼光:" in text
    assert "中國發展\n背景材料:" in text


def test_a_hostile_run_of_combining_marks_is_capped_and_offsets_still_map():
    from policykg.extractors.normalize import MAX_COMBINING_RUN, normalize_document

    text = "国务院发布报告。Ze" + "\u0301\u0323" * 50_000 + "lgo 中国科学院"
    mapped = normalize_document(text)
    assert mapped.text.startswith("国务院发布报告。") and mapped.text.endswith("lgo 中国科学院")
    assert len(mapped.text) <= len("国务院发布报告。Ze" + "lgo 中国科学院") + MAX_COMBINING_RUN
    start = mapped.text.index("中国科学院")
    assert text[slice(*mapped.origin(start, start + 5))] == "中国科学院"
