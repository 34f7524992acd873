"""Paragraph and sentence spans, and the line classifiers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.extractors.normalize import normalize_document
from policykg.extractors.segment import (
    breadcrumb,
    is_boilerplate,
    is_page_furniture,
    line_spans,
    split_paragraphs,
    split_sentences,
    starts_with_marker,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def texts(text, spans):
    return [text[s:e] for s, e in spans]


PARAGRAPH_CASES = [
    ("标题\n\n第一段。\n 第二段。 \n", "line", ["标题", "第一段。", "第二段。"]),
    ("a\nb\n\n\u3000\nc\n", "blank", ["a\nb", "c"]),
    ("\n\n \n", "line", []),
    ("", "blank", []),
    ("只有一段", "line", ["只有一段"]),
]


@pytest.mark.parametrize("text,by,expected", PARAGRAPH_CASES)
def test_segment_split_paragraphs(text, by, expected):
    assert texts(text, split_paragraphs(text, by=by)) == expected


def test_segment_split_paragraphs_rejects_unknown_mode():
    with pytest.raises(ValueError, match=r"\[E201\]"):
        split_paragraphs("a", by="page")


ZH_CASES = [
    (
        "法国诗人C.波德莱尔(Charles Baudelaire)在1864年写道:“魔鬼最聪明的诡计就是让你相信他并不存在!” 我想说的是,这也适用于今天的新自由主义者。",
        ["法国诗人C.波德莱尔(Charles Baudelaire)在1864年写道:“魔鬼最聪明的诡计就是让你相信他并不存在!”", "我想说的是,这也适用于今天的新自由主义者。"],
    ),
    ("2005年,《纽约时报》甚至发表了一篇名为《新自由主义?它不存在》的文章。", ["2005年,《纽约时报》甚至发表了一篇名为《新自由主义?它不存在》的文章。"]),
    (
        "1923年,米塞斯受到了批评;1924年,德国马克思主义者A.缪斯尔撰写了文章。",
        ["1923年,米塞斯受到了批评;", "1924年,德国马克思主义者A.缪斯尔撰写了文章。"],
    ),
    (
        "他写道,“社会主义不是建设,而是破坏。破坏是它的本质。”在米塞斯看来",
        ["他写道,“社会主义不是建设,而是破坏。", "破坏是它的本质。”", "在米塞斯看来"],
    ),
    ("現階段這項改革有何意義？對于遏制權力任性將發揮怎樣的作用？", ["現階段這項改革有何意義？", "對于遏制權力任性將發揮怎樣的作用？"]),
    ("【“新自由主义的问题在于……如何全面行使政治权力。”】\n简言之", ["【“新自由主义的问题在于……如何全面行使政治权力。”】", "简言之"]),
    ("新自由主义首先出现在L.米塞斯(Ludwig von Mises)的三部著作中", ["新自由主义首先出现在L.米塞斯(Ludwig von Mises)的三部著作中"]),
    ("1 关于产业创新发展问题\n“十四五”时期", ["1 关于产业创新发展问题", "“十四五”时期"]),
]


@pytest.mark.parametrize("text,expected", ZH_CASES)
def test_segment_split_sentences_zh(text, expected):
    assert texts(text, split_sentences(text, "zh-Hans")) == expected


LATIN_CASES = [
    ("Mr. Smith met Dr. Jones in the U.S. He left.", ["Mr. Smith met Dr. Jones in the U.S. He left."]),
    ("E.P. Thompson wrote it. J.B. Foster agreed.", ["E.P. Thompson wrote it.", "J.B. Foster agreed."]),
    ("Ông sống ở TP. Hồ Chí Minh. Ông nói: “Đúng.” Sau đó về.", ["Ông sống ở TP. Hồ Chí Minh.", "Ông nói: “Đúng.”", "Sau đó về."]),
    ("Is it? Yes! “Quoted.” (Aside.)", ["Is it?", "Yes!", "“Quoted.”", "(Aside.)"]),
    ("It rose 5.5 percent. 2020 was worse.", ["It rose 5.5 percent. 2020 was worse."]),
    ("“nói nhiều rồi sẽ tin”... núp dưới những chiêu bài", ["“nói nhiều rồi sẽ tin”... núp dưới những chiêu bài"]),
    ("nhân dân”... Đây là chiêu bài.", ["nhân dân”...", "Đây là chiêu bài."]),
    ("nội bộ Việt Nam.Triệt để tán dương.", ["nội bộ Việt Nam.Triệt để tán dương."]),
    ("sinh viên . Ảnh: Tư liệu", ["sinh viên .", "Ảnh: Tư liệu"]),
    ("Line one without stop\nLine two.", ["Line one without stop", "Line two."]),
    ("the lower case. after a stop", ["the lower case. after a stop"]),
    ("L.米塞斯 and e.g. this", ["L.米塞斯 and e.g. this"]),
    ("中文。English follows.", ["中文。", "English follows."]),
]


@pytest.mark.parametrize("text,expected", LATIN_CASES)
def test_segment_split_sentences_latin(text, expected):
    assert texts(text, split_sentences(text, "vi")) == expected
    assert texts(text, split_sentences(text, "en")) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.sampled_from(["zh-Hans", "zh-Hant", "vi", "en", "other"]))
def test_segment_spans_are_ordered_and_trimmed(text, lang):
    for spans in (split_sentences(text, lang), split_paragraphs(text), split_paragraphs(text, by="blank")):
        ends = [0]
        for s, e in spans:
            assert ends[-1] <= s < e <= len(text)
            assert not text[s].isspace() and not text[e - 1].isspace()
            ends.append(e)
    spans = split_sentences(text, lang)
    gaps = [text[e:s] for (_, e), (s, _) in zip([(0, 0)] + spans, spans + [(len(text), len(text))])]
    assert all(gap.isspace() or not gap for gap in gaps)  # nothing but whitespace is left out


@pytest.mark.parametrize("prefix,lang,count", [("000", "zh-Hans", 186), ("003", "vi", 89)])
def test_segment_seed_sentences_stay_inside_paragraphs(prefix, lang, count):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    text = normalize_document(path.read_text(encoding="utf-8")).text
    total = 0
    for ps, pe in split_paragraphs(text):
        for s, e in split_sentences(text[ps:pe], lang):
            assert "\n" not in text[ps + s : ps + e]
            total += 1
    assert total == count


def test_segment_line_spans():
    assert line_spans("") == [(0, 0)]
    assert line_spans("a\n") == [(0, 1), (2, 2)]


MARKER_CASES = [
    ("一、新自由主义的起源", True),
    ("(一)社會組織參與難以貫穿", True),
    ("（2）**创新发展绿色制造**", True),
    ("(1) 创新发展智能制造。", True),
    ("第三章 总则", True),
    ("2.1 Scope", True),
    ("- 1 中共中央", True),
    ("[3] E.L.Quarantelli", True),
    ("【作者:J.B.福斯特】", True),
    ("1944年,在公开出版的《大转型》中", False),
    ("10亿吨", False),
    ("“十四五”时期", False),
    ("Triệt để lợi dụng", False),
]


@pytest.mark.parametrize("line,expected", MARKER_CASES)
def test_segment_starts_with_marker(line, expected):
    assert starts_with_marker(line) is expected


FURNITURE_CASES = [
    ("修改稿收到日期：2021年2月21日；预出版日期：2021年3月2日", True),
    ("DOI 10.16418/j.issn.1000-3045.20210218001", True),
    ("12", True),
    ("- 12 -", True),
    ("第3页 共9页", True),
    ("Page 3 of 9", True),
    ("中国科学院院刊 Vol.36 No.3 2021", True),
    ("基金项目：国家社会科学基金", True),
    ("Received: 2021-02-21", True),
    ("家视为未来制造业的主导方向。", False),
    ("2019年，我国芯片自给率仅30%", False),
    ("Receiving nations agreed.", False),
]


@pytest.mark.parametrize("line,expected", FURNITURE_CASES)
def test_segment_is_page_furniture(line, expected):
    assert is_page_furniture(line) is expected


BOILERPLATE_LINE_CASES = [
    ("■ 责任编辑：文彦杰", True),
    ("责任编辑：张三", True),
    ("Liên kết website", True),
    ("Chia sẻ", True),
    ("分享到：微信 微博 QQ空间", True),
    ("Các thế lực thù địch lợi dụng internet. Nguồn: ITN", True),
    ("Cán bộ chiến sĩ công an tuyên truyền pháp luật. Ảnh: Tư liệu", True),
    ("Ảnh minh họa", True),
    ("Copyright © 2024 Báo Nhân Dân", True),
    ("Nguồn lực xã hội được huy động.", False),
    ("主持人:對于《意見》的出臺您作何評價?", False),
    ("見下圖：", False),
    ("Source code is available.", False),
]


@pytest.mark.parametrize("line,expected", BOILERPLATE_LINE_CASES)
def test_segment_is_boilerplate(line, expected):
    assert is_boilerplate(line) is expected


BREADCRUMB_CASES = [
    ("您的位置: 首页\u00a0> 观点 / VIEW", ["首页", "观点 / VIEW"]),
    ("当前位置：首页 » 新闻 » 正文", ["首页", "新闻", "正文"]),
    ("Trang chủ > Chính trị > Xây dựng Đảng", ["Trang chủ", "Chính trị", "Xây dựng Đảng"]),
    ("You are here: Home › News", ["Home", "News"]),
    ("Vị trí địa lý của Việt Nam", []),
    ("首页的设计很好", []),
    ("观点 / VIEW", []),
]


@pytest.mark.parametrize("line,expected", BREADCRUMB_CASES)
def test_segment_breadcrumb(line, expected):
    assert breadcrumb(line) == expected
