"""Document-structure rules on real passages of the seeds: bios, bylines, author notes, turns, references, aliases.

Each case runs the whole pipeline (``process_document``) and compares the typed relations as
``(type, source, source label, target, target label, role)``, sorted.
"""

from __future__ import annotations

import pytest
from policykg.extractors.pipeline import process_document
from policykg.extractors.structure import find_structure, merge_structure

A, W, S, L = "AFFILIATED_WITH", "AUTHOR_OF", "SPEAKER_IN", "ALIAS_OF"


def relations(rec, *types):
    out = []
    for r in rec.relations:
        if not types or r.type in types:
            s, t = rec.mentions[r.source], rec.mentions[r.target]
            out.append((r.type, s.text, s.label, t.text, t.label, dict(r.attrs).get("role", "")))
    return sorted(out)


def persons(rec):
    return [m.text for m in rec.mentions if m.label == "PERSON"]


# --- bios: "NAME:ROLE,ORG…" lines (002, traditional) --------------------------------------------------

ZH_BIO_LINES = [
    ("翟繼光:中國政法大學民商經濟法學院副教授,北京大學法學博士,研究領域為經濟法、財政法、稅法等", [
        (A, "翟繼光", "PERSON", "中國政法大學民商經濟法學院", "ORG", "副教授"),
        (A, "翟繼光", "PERSON", "北京大學", "ORG", "法學博士"),
    ]),
    # an ordinal before the organization is skipped; every clause is an affiliation
    ("葉青:第十、十一屆全國人大代表,湖北省統計局副局長,湖北省政協常委,人口資源環境委員會副主任,中南財經政法大學博士生導師", [
        (A, "葉青", "PERSON", "中南財經政法大學", "ORG", "博士生導師"),
        (A, "葉青", "PERSON", "人口資源環境委員會", "ORG", "副主任"),
        (A, "葉青", "PERSON", "全國人大", "ORG", "代表"),
        (A, "葉青", "PERSON", "湖北省政協", "ORG", "常委"),
        (A, "葉青", "PERSON", "湖北省統計局", "ORG", "副局長"),
    ]),
    # two organizations share one role; a clause that is no affiliation adds nothing
    (("王叢虎:中國人民大學國家發展與戰略研究院、公共管理學院副教授,財政部中國政府采購網咨詢專家,"
      "研究領域為政府法治與應急管理、政府采購與公共資源交易、廉政建設與反腐敗等"), [
        (A, "王叢虎", "PERSON", "中國人民大學國家發展與戰略研究院", "ORG", "副教授"),
        (A, "王叢虎", "PERSON", "公共管理學院", "ORG", "副教授"),
    ]),
    # several roles at one organization
    (("劉家用:中共武漢市委黨校馬克思主義基礎理論教研部主任、副教授、博士,湖北省黨校教育研究會科社專業委員會副會長,"
      "主要研究領域為馬克思主義與當代中國發展"), [
        (A, "劉家用", "PERSON", "中共武漢市委黨校馬克思主義基礎理論教研部", "ORG", "主任、副教授、博士"),
        (A, "劉家用", "PERSON", "湖北省黨校教育研究會科社專業委員會", "ORG", "副會長"),
    ]),
    ("鄒祥利:湖南省衡陽市財政局監督檢查局局長", [(A, "鄒祥利", "PERSON", "湖南省衡陽市財政局監督檢查局", "ORG", "局長")]),
]


@pytest.mark.parametrize("text,expected", ZH_BIO_LINES)
def test_structure_zh_bio_lines(text, expected):
    assert relations(process_document(text, "bio.txt")) == expected


# --- bios that open with the name (004, simplified and English) ----------------------------------------

ZH_NAME_FIRST = (
    "宋大伟 中国科学院科技战略咨询研究院特聘研究员、高级经济师，国务院研究室和中国科学院共建的中国创新战略和政策研究中心共同主任。"
    "曾任国务院研究室社会发展研究司司长、综合研究司司长；中国远洋运输（集团）总公司董事、党组成员、纪检组组长，"
    "中国远洋控股股份有限公司监事会主席。长期从事工业经济、产业经济、区域经济研究和实践。E-mail: sdw1955@126.com"
)
EN_BIO = (
    "SONG Dawei Senior Economist, Distinguished Researcher at Institutes of Science and Development, Chinese Academy of "
    "Sciences (CAS), and Co-Director of the China Innovation Strategy and Policy Research Center. He was formerly Director "
    "of the Social Development Research Department, and Director of the Comprehensive Research Department of the Research "
    "Office of the State Council; Board Member, Party Leadership Group Member, and Head of Discipline Inspection Group of "
    "China Ocean Shipping (Group) Company (COSCO); and in addition, Supervisory Board Chairman of China COSCO Holdings "
    "Company Limited. He has long been engaged in industrial and regional economy research and practice. "
    "E-mail: sdw1955@126.com"
)


def test_structure_zh_bio_opening_with_the_name():
    rec = process_document(ZH_NAME_FIRST, "bio.txt")
    assert relations(rec) == [
        (A, "宋大伟", "PERSON", "中国创新战略和政策研究中心", "ORG", "共同主任"),
        (A, "宋大伟", "PERSON", "中国科学院科技战略咨询研究院", "ORG", "特聘研究员、高级经济师"),
        (A, "宋大伟", "PERSON", "中国远洋控股股份有限公司", "ORG", "监事会主席"),
        (A, "宋大伟", "PERSON", "中国远洋运输（集团）总公司", "ORG", "董事、党组成员、纪检组组长"),
        (A, "宋大伟", "PERSON", "国务院研究室社会发展研究司", "ORG", "司长"),
        (A, "宋大伟", "PERSON", "综合研究司", "ORG", "司长"),
    ]
    # the name is found because the original has a space after it, which normalization removed
    assert rec.mentions[0].text == "宋大伟" and (rec.mentions[0].start, rec.mentions[0].end) == (0, 3)
    assert not [m for m in rec.mentions if "@" in m.text or "sdw1955" in m.text]


def test_structure_en_bio_roles_before_organizations():
    rec = process_document(EN_BIO, "bio.txt")
    assert relations(rec) == [
        (A, "SONG Dawei", "PERSON", "China COSCO Holdings Company Limited", "ORG", "Supervisory Board Chairman"),
        (A, "SONG Dawei", "PERSON", "China Innovation Strategy and Policy Research Center", "ORG", "Co-Director"),
        (A, "SONG Dawei", "PERSON", "China Ocean Shipping (Group) Company", "ORG",
         "Board Member, Party Leadership Group Member, and Head of Discipline Inspection Group"),
        (A, "SONG Dawei", "PERSON", "Chinese Academy of Sciences", "ORG", "Senior Economist, Distinguished Researcher"),
        (A, "SONG Dawei", "PERSON", "Institutes of Science and Development", "ORG", "Senior Economist, Distinguished Researcher"),
        (A, "SONG Dawei", "PERSON", "Social Development Research Department", "ORG", "Director"),
        (A, "SONG Dawei", "PERSON", "State Council", "ORG", "Director of the Comprehensive Research Department of the Research Office"),
        (L, "China Ocean Shipping (Group) Company", "ORG", "COSCO", "ORG", ""),
        (L, "Chinese Academy of Sciences", "ORG", "CAS", "ORG", ""),
    ]
    # "Co-Director of the China Innovation…" was one per-language span; the organization replaced it
    assert [m.text for m in rec.mentions if m.text.startswith("Co-Director")] == []


def test_structure_zh_and_en_bios_of_one_person_are_aliases():
    rec = process_document(ZH_NAME_FIRST + "\n\n" + EN_BIO, "bio.txt")
    assert relations(rec, L) == [
        (L, "China Ocean Shipping (Group) Company", "ORG", "COSCO", "ORG", ""),
        (L, "Chinese Academy of Sciences", "ORG", "CAS", "ORG", ""),
        (L, "宋大伟", "PERSON", "SONG Dawei", "PERSON", ""),
    ]


# --- bylines and author notes ------------------------------------------------------------------------------

ZH_BYLINE = ("\n\n新阶段我国战略性新兴产业发展思考\n\n宋大伟\n\n中国科学院科技战略咨询研究院 北京 100190\n\n"
             "摘要 “十四五”时期，在新阶段、新征程、新起点上发展战略性新兴产业。")
EN_BYLINE = ("Thinking on Development of Emerging Industries of Strategic Importance in New Stage\n\nSONG Dawei\n\n"
             "(Institutes of Science and Development, Chinese Academy of Sciences, Beijing 100190, China)\n\n"
             "Abstract During the 14th Five-Year Plan period, the development of the emerging industries of strategic "
             "importance enters into a new stage.")
AUTHOR_NOTE = (
    "J.B.福斯特:作为意识形态的新自由主义:起源、实质与影响\n\n摘  要\n\n新自由主义是21世纪资本主义的核心意识形态。\n\n"
    "【作者:J.B.福斯特(John B.Foster),美国俄勒冈大学社会学教授。译者:卢地生,上海社会科学院国外社会主义研究中心硕士研究生。"
    "本文原载《国外社会科学前沿》2019年第10期,授权察网发布。】"
)
TITLE_000 = "作为意识形态的新自由主义:起源、实质与影响"
BYLINE_CASES = [
    (ZH_BYLINE, [
        (A, "宋大伟", "PERSON", "中国科学院科技战略咨询研究院", "ORG", ""),
        (W, "宋大伟", "PERSON", "新阶段我国战略性新兴产业发展思考", "WORK", ""),
    ]),
    (EN_BYLINE, [
        (A, "SONG Dawei", "PERSON", "Chinese Academy of Sciences", "ORG", ""),
        (A, "SONG Dawei", "PERSON", "Institutes of Science and Development", "ORG", ""),
        (W, "SONG Dawei", "PERSON", "Thinking on Development of Emerging Industries of Strategic Importance in New Stage", "WORK", ""),
    ]),
    (AUTHOR_NOTE, [
        (A, "J.B.福斯特", "PERSON", "美国俄勒冈大学", "ORG", "社会学教授"),
        (A, "卢地生", "PERSON", "上海社会科学院国外社会主义研究中心", "ORG", "硕士研究生"),
        (L, "J.B.福斯特", "PERSON", "John B.Foster", "PERSON", ""),
        (W, "J.B.福斯特", "PERSON", TITLE_000, "WORK", ""),  # the title line opens with its author
        (W, "J.B.福斯特", "PERSON", TITLE_000, "WORK", "作者"),
        (W, "卢地生", "PERSON", TITLE_000, "WORK", "译者"),
    ]),
]


@pytest.mark.parametrize("text,expected", BYLINE_CASES)
def test_structure_bylines_and_author_notes(text, expected):
    assert relations(process_document(text, "doc.txt")) == expected


def test_structure_byline_evidence_spans_name_and_affiliation_in_the_original():
    rec = process_document(ZH_BYLINE, "doc.txt")
    (rel,) = [r for r in rec.relations if r.type == A]
    ev = rel.evidence
    assert ZH_BYLINE[ev.start : ev.end] == "宋大伟\n\n中国科学院科技战略咨询研究院 北京 100190"
    assert ev.sentence == "宋大伟\n\n中国科学院科技战略咨询研究院北京 100190"  # normalized: no space between Han characters


def test_structure_merge_keeps_what_a_title_names_but_no_person_guess():
    title = EN_BYLINE.split("\n")[0]
    spans = [(EN_BYLINE.index(t), EN_BYLINE.index(t) + len(t), label)
             for t, label in (("Emerging Industries", "TERM"), ("New Stage", "PERSON"), ("Beijing", "PLACE"))]
    mentions, _ = merge_structure(EN_BYLINE, spans, find_structure(EN_BYLINE))
    assert [(EN_BYLINE[m.start : m.end], m.label, m.base) for m in mentions] == [
        (title, "WORK", None), ("Emerging Industries", "TERM", 0), ("SONG Dawei", "PERSON", None),
        ("Institutes of Science and Development", "ORG", None), ("Chinese Academy of Sciences", "ORG", None),
        ("Beijing", "PLACE", 2),
    ]


# --- speaker turns (002) ------------------------------------------------------------------------------------

ROUNDTABLE = (
    "聚焦地方權力清單制度全面推開\n主持人\n阮 靜:《財政監督》雜志編輯\n\n話題嘉賓\n\n"
    "葉青:第十、十一屆全國人大代表,湖北省統計局副局長,湖北省政協常委,人口資源環境委員會副主任,中南財經政法大學博士生導師\n\n"
    "翟繼光:中國政法大學民商經濟法學院副教授,北京大學法學博士,研究領域為經濟法、財政法、稅法等\n"
    "背景材料:\n近日,中共中央辦公廳、國務院辦公廳印發了《關于推行地方各級政府工作部門權力清單制度的指導意見》(以下簡稱《意見》),"
    "明確推行權力清單的工作目標、實施范圍。\n"
    "主持人:對于《意見》的出臺您作何評價?權力清單制度改革的全面推進意義何在?葉青:《意見》出臺,可以達到 約束政府機關以及政府官員的作 用。\n"
    "翟繼光:《意見》的出臺是推進法治中國建設的重要舉措。\n"
    "主持人:對于背景材料中提及的“權力任性”等問題您又作何評價?\n"
    "葉青:“權力任性”是腐敗之源。\n"
    "翟繼光:“權力任性”是行政權一權獨大的必然產物。"
)
TITLE_002 = "聚焦地方權力清單制度全面推開"


def test_structure_speaker_turns_and_the_named_host():
    rec = process_document(ROUNDTABLE, "roundtable.txt")
    assert relations(rec, S, L) == [
        (L, "關于推行地方各級政府工作部門權力清單制度的指導意見", "WORK", "意見", "WORK", ""),
        (S, "翟繼光", "PERSON", TITLE_002, "WORK", ""),
        (S, "葉青", "PERSON", TITLE_002, "WORK", ""),
        (S, "阮靜", "PERSON", TITLE_002, "WORK", ""),  # 主持人 is a role; the host line names 阮 靜
    ]
    # the host edits a periodical: the affiliation points at the periodical's title
    assert (A, "阮靜", "PERSON", "財政監督", "WORK", "雜志編輯") in relations(rec, A)
    # every turn names its speaker, also inside a line after a question; 主持人 itself is no mention
    assert persons(rec) == ["阮靜", "葉青", "翟繼光", "葉青", "翟繼光", "葉青", "翟繼光"]


def test_structure_speaker_evidence_is_the_first_turn_in_the_original():
    rec = process_document(ROUNDTABLE, "roundtable.txt")
    by_speaker = {rec.mentions[r.source].text: r.evidence for r in rec.relations if r.type == S}
    ev = by_speaker["葉青"]
    assert ev.sentence == "葉青:《意見》出臺,可以達到約束政府機關以及政府官員的作用。"
    assert ROUNDTABLE[ev.start : ev.end] == "葉青:《意見》出臺,可以達到 約束政府機關以及政府官員的作 用。"
    assert by_speaker["阮靜"].sentence == "主持人:對于《意見》的出臺您作何評價?"


NO_STRUCTURE = [
    "馬克思強調:“人們奮斗所爭取的一切,都同他們的利益有關。”建立健全權力清單制度,必然會觸及一些部門的既有利益。",
    "李克強總理說:“改革會觸動利益、會動 ‘奶酪’,你放權,有些人的權就少了。”",
    "背景材料:\n近日,中共中央辦公廳、國務院辦公廳印發了指導意見。",
    "鄒祥利:主要有兩個方面的原因:一是公開不到位,二是問責未落實。",  # one turn, no bio: not yet a speaker
    "Cuộc đấu tranh khó khăn, phức tạp này là trách nhiệm của toàn Đảng, toàn dân và toàn quân.",
    "It illustrates issues in the six major aspects of the emerging industries, namely, innovative development.",
]


@pytest.mark.parametrize("text", NO_STRUCTURE)
def test_structure_prose_gives_no_relations(text):
    assert process_document(text, "prose.txt").relations == []
