"""Titles and dates of the seed documents and of hand-made lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.extractors.metadata import TITLE_MAX, extract_date, extract_title
from policykg.extractors.normalize import normalize_document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


SEED_METADATA = [
    ("000", "J.B.福斯特:作为意识形态的新自由主义:起源、实质与影响", None),
    (
        "001",
        "重大突發事件中的社會組織參與對我國應急管理制度變遷有著重要影響。社會組織已成為國家治理結構體系不可或缺的重要力量,"
        "應急管理作為國家公共治理體系的重要組成,[1]必須回應治理變遷趨勢以及新時期我國社會發展特征。"
        "有效整合社會資源和社會力量參與應急管理工作的體制機制設計已成為我國應急管理制度建設的緊迫任務。",
        None,
    ),
    ("002", "聚焦地方權力清單制度全面推開", None),
    ("003", "Nhận diện, đấu tranh hiệu quả các quan điểm sai trái, thù địch trong tình hình mới", "2024-11-08"),
    ("004", "新阶段我国战略性新兴产业发展思考", "2021-02-21"),
]


@pytest.mark.parametrize("prefix,title,date", SEED_METADATA)
def test_metadata_seed_title_and_date(prefix, title, date):
    text = seed(prefix)
    assert extract_title(text) == title
    assert extract_date(text) == date
    assert extract_title(normalize_document(text).text) == title


def test_metadata_date_needs_the_raw_text_when_furniture_holds_it():
    # normalization drops the page furniture 修改稿收到日期 of seed 004; the references remain
    assert extract_date(normalize_document(seed("004")).text) == "2020-11-04"


TITLE_CASES = [
    ("\n\n# 新阶段我国战略性新兴产业发展思考\n\n宋大伟", "新阶段我国战略性新兴产业发展思考"),
    ("当前位置：首页 > 新闻\n分享到：微信\n** 标题 **\n正文。", "** 标题 **"),
    ("Thứ Sáu, 08/11/2024\nNhận diện các quan điểm sai trái", "Nhận diện các quan điểm sai trái"),
    ("2021-02-21\n* * *\n國務(wù)院通知", "國務院通知"),
    ("  **重要**  通知  ", "重要通知"),
    ("  **Tin** nổi bật  ", "Tin nổi bật"),
    ("", ""),
    ("\n \n12345\n", ""),
]


@pytest.mark.parametrize("text,expected", TITLE_CASES)
def test_metadata_extract_title(text, expected):
    assert extract_title(text) == expected


def test_metadata_long_title_is_cut():
    # longer than TITLE_MAX: the first sentence, then cut at a space near the limit
    assert extract_title("短句。" + "国" * 300) == "短句。"
    assert extract_title("国" * 250 + "。后面") == "国" * TITLE_MAX
    long_sentence = "Câu thứ nhất rất dài " * 12 + "kết thúc. Câu thứ hai."
    assert extract_title(long_sentence) == "Câu thứ nhất rất dài " * 9 + "Câu thứ"


DATE_CASES = [
    ("Thứ Sáu, 08/11/2024", "2024-11-08"),
    ("Hà Nội, ngày 8 tháng 11 năm 2024", "2024-11-08"),
    ("修改稿收到日期：2021年2月21日；预出版日期：2021年3月2日", "2021-02-21"),
    ("２０２１年２月２１日", "2021-02-21"),
    ("二〇二一年二月二十一日", "2021-02-21"),
    ("人民日报, 2020-11-04(01).", "2020-11-04"),
    ("(2019-11-12)[2021-01-30]", "2019-11-12"),
    ("2021/2/21 and 2021.02.22", "2021-02-21"),
    ("Published March 2, 2021 and revised 2 March 2022.", "2021-03-02"),
    ("On 2nd of Sept. 2021 it began.", "2021-09-02"),
    ("The meeting on 08/11/2024 was short.", "2024-08-11"),  # English: month first
    ("Ngày 25/12/2023 và 01/02/2024", "2023-12-25"),
    ("Posted 25/12/2023 in English.", "2023-12-25"),  # 25 cannot be a month
    # not dates
    ("《国外社会科学前沿》2019年第10期", None),
    ("2013年12月湖北省编制完成", None),
    ("DOI 10.16418/j.issn.1000-3045.20210218001", None),
    ("新安晚报, 201-09-22(04).", None),
    ("2021-02-30 and 31/02/2021", None),
    ("行政管理改革,2010(8):22-24.", None),
    ("in 1864 and 1920", None),
    ("", None),
]


@pytest.mark.parametrize("text,expected", DATE_CASES)
def test_metadata_extract_date(text, expected):
    assert extract_date(text) == expected


def test_metadata_dayfirst_option():
    assert extract_date("08/11/2024", dayfirst=True) == "2024-11-08"
    assert extract_date("08/11/2024", dayfirst=False) == "2024-08-11"
    assert extract_date("13/11/2024", dayfirst=False) == "2024-11-13"
