"""ALIAS_OF on real sentences of the seeds: glosses, abbreviations, ``以下简称``, and pinyin spellings of names."""

from __future__ import annotations

import pytest
from policykg.extractors.pipeline import process_document
from policykg.extractors.structure_alias import abbreviates, romanizations, spells


def aliases(rec):
    return [(rec.mentions[r.source].text, rec.mentions[r.source].label, rec.mentions[r.target].text,
             rec.mentions[r.target].label) for r in rec.relations if r.type == "ALIAS_OF"]


ALIAS_CASES = [
    # 000: names glossed in brackets, with initials or without
    ("新自由主义首先出现在奥地利经济学家和社会学家L.米塞斯(Ludwig von Mises)的三部著作中",
     [("L.米塞斯", "PERSON", "Ludwig von Mises", "PERSON")]),
    ("中下阶层包括C.W.米尔斯(Charles W. Mills)所谓的资本主义制度的“中层”。",
     [("C.W.米尔斯", "PERSON", "Charles W. Mills", "PERSON")]),
    # a quoted term and a book title take the label of the Chinese side
    ("对竞争原则绝对地位的任何挑战都被米塞斯描述为“破坏主义”(Destructionism),并被等同于社会主义。",
     [("破坏主义", "TERM", "Destructionism", "TERM")]),
    ("1924年,德国马克思主义者A.缪斯尔(Alfred Meusel)为R.希法亭(Rudolf Hilferding)主编的《社会》(Die Gesellschaft)杂志撰写了一篇文章",
     [("A.缪斯尔", "PERSON", "Alfred Meusel", "PERSON"), ("R.希法亭", "PERSON", "Rudolf Hilferding", "PERSON"),
      ("社会", "WORK", "Die Gesellschaft", "WORK")]),
    # 004: acronyms after a full name, after the clause that names it, or before their expansion
    ("我们要在世界贸易组织（WTO）框架下研究数字贸易测度问题、标准问题、产权问题。",
     [("世界贸易组织", "ORG", "WTO", "ORG")]),
    ("第五代移动通信技术（5G）、人工智能（AI）、物联网、云计算、区块链、数字孪生等智能技术群可以提供高科学性的技术服务。",
     [("第五代移动通信技术", "TERM", "5G", "TERM"), ("人工智能", "TERM", "AI", "TERM")]),
    ("德国史太白技术转移中心（STC）、英国技术集团（BTG）的作法可资借鉴。",
     [("德国史太白技术转移中心", "ORG", "STC", "ORG"), ("英国技术集团", "ORG", "BTG", "ORG")]),
    ("会有越来越多的企业应用 ERP（企业资源计划）、SCM（供应链管理系统）等数字化管理方法。",
     [("企业资源计划", "TERM", "ERP", "TERM"), ("供应链管理系统", "TERM", "SCM", "TERM")]),
    # 002: "(以下簡稱《意見》)"
    ("近日,中共中央辦公廳、國務院辦公廳印發了《關于推行地方各級政府工作部門權力清單制度的指導意見》(以下簡稱《意見》),明確推行權力清單的工作目標。",
     [("關于推行地方各級政府工作部門權力清單制度的指導意見", "WORK", "意見", "WORK")]),
    # the same in simplified characters with quotes: "（以下简称“…”）"
    ("近日，中共中央办公厅、国务院办公厅印发了《关于推行地方各级政府工作部门权力清单制度的指导意见》（以下简称“意见”），明确推行权力清单的工作目标。",
     [("关于推行地方各级政府工作部门权力清单制度的指导意见", "WORK", "意见", "WORK")]),
    # English: an acronym must abbreviate the name before it
    ("Head of Discipline Inspection Group of China Ocean Shipping (Group) Company (COSCO).",
     [("China Ocean Shipping (Group) Company", "ORG", "COSCO", "ORG")]),
    ("Distinguished Researcher at Institutes of Science and Development, Chinese Academy of Sciences (CAS).",
     [("Chinese Academy of Sciences", "ORG", "CAS", "ORG")]),
]


@pytest.mark.parametrize("text,expected", ALIAS_CASES)
def test_structure_aliases_in_sentences(text, expected):
    assert aliases(process_document(text, "a.txt")) == expected


def test_structure_acronym_after_an_english_organization():
    text = "SONG Dawei Senior Economist, Distinguished Researcher at Chinese Academy of Sciences (CAS)."
    assert aliases(process_document(text, "a.txt")) == [("Chinese Academy of Sciences", "ORG", "CAS", "ORG")]


def test_structure_clause_opening_with_a_verb_is_no_full_name():
    # "是我国国内生产总值": the verb and the pronoun are left out
    text = "中小企业是战略性新兴产业的生力军，是我国国内生产总值（GDP）的主要创造者。"
    assert aliases(process_document(text, "a.txt")) == [("国内生产总值", "TERM", "GDP", "TERM")]


def test_structure_lower_case_gloss_only_after_a_term():
    text = "马克思在1867年所说,爱尔兰农民面临着“毁灭还是革命”(ruin or revolution)的抉择。"
    assert aliases(process_document(text, "a.txt")) == [("毁灭还是革命", "TERM", "ruin or revolution", "TERM")]
    assert aliases(process_document("这一年(see below)他去了维也纳。", "a.txt")) == []


# --- pinyin ----------------------------------------------------------------------------------------------------

SPELLINGS = [
    ("宋大伟", "SONG Dawei", True), ("宋大伟", "Dawei Song", True), ("宋大伟", "Song Da-wei", True),
    ("宋大伟", "DAWEI SONG", True), ("宋大伟", "Sun Dawei", False), ("宋大伟", "Song Dawen", False),
    # surnames read as surnames, in traditional characters too
    ("翟繼光", "Zhai Jiguang", True), ("翟志刚", "Zhai Zhigang", True), ("曾国藩", "Zeng Guofan", True),
    ("单田芳", "Shan Tianfang", True), ("解缙", "Xie Jin", True), ("仇英", "Qiu Ying", True),
    ("查良镛", "Zha Liangyong", True), ("区梦觉", "Ou Mengjue", True), ("朴永", "Piao Yong", True),
    ("欧阳修", "Ouyang Xiu", True), ("米塞斯", "Ludwig von Mises", False),
]


@pytest.mark.parametrize("han,latin,expected", SPELLINGS)
def test_structure_pinyin_spells(han, latin, expected):
    assert spells(han, latin) is expected


def test_structure_pinyin_readings():
    assert [romanizations(n) for n in ("翟繼光", "欧阳修", "吕梁")] == [("zhai", "jiguang"), ("ouyang", "xiu"), ("lu", "liang")]


@pytest.mark.parametrize("acronym,full,expected", [
    ("CAS", "Chinese Academy of Sciences", True),
    ("COSCO", "China Ocean Shipping (Group) Company", True),
    ("WTO", "World Trade Organization", True),
    ("CAS", "Institutes of Science and Development", False),
    ("CA", "Chinese Academy of Sciences", False),
])
def test_structure_abbreviates(acronym, full, expected):
    assert abbreviates(acronym, full) is expected


def test_structure_bylines_in_two_languages_are_aliases():
    text = ("新阶段我国战略性新兴产业发展思考\n\n宋大伟\n\n中国科学院科技战略咨询研究院 北京 100190\n\n摘要 文章深入研判了战略性新兴产业发展规律。\n\n"
            "Thinking on Development of Emerging Industries of Strategic Importance in New Stage\n\nSONG Dawei\n\n"
            "(Institutes of Science and Development, Chinese Academy of Sciences, Beijing 100190, China)")
    rec = process_document(text, "a.txt")
    assert aliases(rec) == [("宋大伟", "PERSON", "SONG Dawei", "PERSON")]
    (rel,) = [r for r in rec.relations if r.type == "ALIAS_OF"]
    assert text[rel.evidence.start : rel.evidence.end].startswith("宋大伟") and rel.evidence.sentence.endswith("SONG Dawei")
