"""Reference lists of the seeds: authors (PERSON or ORG), titles (WORK), AUTHOR_OF, and what is never an entity."""

from __future__ import annotations

import pytest
from policykg.extractors.pipeline import process_document

# 001, as the seed has it: traditional, with pinyin annotations that normalization removes
REFS_001 = (
    "推動具有地方文化特色的應(yīng)急管理合作。\n[參考文獻]\n"
    "[1]薛瀾.中國應(yīng)急管理系統(tǒng)的演變[J].行政管理改革,2010(8):22-24.\n"
    "[2]陶鵬、童星.我國自然災(zāi)害管理中的“應(yīng)急失靈”及其矯正[J].江蘇社會科學,2011(2):22-28.\n"
    "[3] E.L.Quarantelli(ed.).What is a disaster? Perspectives on the question[M]. London:Routledge,2005,p.118.\n"
    "[4]嚴新明、童星.市場失靈和政府失靈的兩種表現(xiàn)及民間組織應(yīng)對的研究[J].中國行政管理,2010(11):90-93.\n"
    "[5]王名.中國非營利評論(第三卷)[M].北京:社會科學文獻出版社,2008,第33頁.\n"
    "[6] R.S.Olson.Toward a politics of disaster:Losses,Values,Agendas,and Blame[J].International Journal of Mass "
    "Emergencies and Disasters,2000(2):265-288.\n"
    "[7] P.'t Hart.Symbols,Rituals and Power:The Lost Dimension in Crisis Management[J].Journal of Contingencies and "
    "Crisis Management,1993(1):36-50.\n"
    "[8] D.Mileti.Disasters by Design:A Reassessment of Natural Hazards in the United States[M].Washington DC:Joseph "
    "Henry Press,1999.\n"
    "[9]王光星、許堯、劉亞麗.社會力量在應(yīng)急管理中的作用與完善[J].中國行政管理,2010(7):67-69.\n"
    "[10] R.R.Dynes.The Importance of Social Capital in Disaster Response,University of Delaware,Disaster Research "
    "Center,Preliminary Paper,2002,No.327."
)
# 004: simplified, markdown list items, organizations as authors, URLs and dates
REFS_004 = (
    "参考文献\n\n"
    "- 1 中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议. 人民日报, 2020-11-04(01).\n"
    "- 2 国务院. 国务院关于印发《中国制造2025》的通知. 人民日报, 2015-05-20(01).\n\n"
    "- 3 中国工程科技发展战略研究院. 2021中国战略性新兴产业发展报告. 北京: 科学出版社, 2020.\n"
    "- 4 世界知识产权组织. 世界知识产权报告 (2019版) . (2019-11-12)[2021-01-30]. "
    "https://www.wipo.int/edocs/pubdocs/en/wipo_pub_944_2019.pdf.\n"
    "- 6 王换, 徐琪琪. 2019世界制造业大会发布《全球制造业创新指数白皮书》: 合肥制造业专利申请量位居全国第四. 新安晚报, 201-09-22(04).\n"
    "- 7 中国工程院项目组. 中国工程科技2035发展战略综合报告. 北京: 科学出版社, 2019.\n"
    "- 9 上海市经济和信息化委员会, 上海科技情报研究所. 2019世界制造业重点行业发展动态. 上海: 上海科学技术文献出版社, 2019.\n"
    "- 11 国海证券, 未来智库. 工业软件行业深度报告: 国产工业软件的机遇和挑战. (2021-01-16)[2021-01-27]. "
    "<https://new.qq.com/omn/20210116/20210116A00NRH00.html>.\n"
)

T2 = "我國自然災害管理中的“應急失靈”及其矯正"
T4 = "市場失靈和政府失靈的兩種表現及民間組織應對的研究"
T9 = "社會力量在應急管理中的作用與完善"
AUTHORS_001 = [
    ("薛瀾", "PERSON", "中國應急管理系統的演變"),
    ("陶鵬", "PERSON", T2), ("童星", "PERSON", T2),
    ("E.L.Quarantelli", "PERSON", "What is a disaster? Perspectives on the question"),
    ("嚴新明", "PERSON", T4), ("童星", "PERSON", T4),
    ("王名", "PERSON", "中國非營利評論"),  # the volume "(第三卷)" is not part of the title
    ("R.S.Olson", "PERSON", "Toward a politics of disaster:Losses,Values,Agendas,and Blame"),
    ("P.'t Hart", "PERSON", "Symbols,Rituals and Power:The Lost Dimension in Crisis Management"),
    ("D.Mileti", "PERSON", "Disasters by Design:A Reassessment of Natural Hazards in the United States"),
    ("王光星", "PERSON", T9), ("許堯", "PERSON", T9), ("劉亞麗", "PERSON", T9),
    ("R.R.Dynes", "PERSON", "The Importance of Social Capital in Disaster Response"),  # ends before the institution
]
T6 = "2019世界制造业大会发布《全球制造业创新指数白皮书》: 合肥制造业专利申请量位居全国第四"
AUTHORS_004 = [
    ("国务院", "ORG", "国务院关于印发《中国制造2025》的通知"),
    ("中国工程科技发展战略研究院", "ORG", "2021中国战略性新兴产业发展报告"),
    ("世界知识产权组织", "ORG", "世界知识产权报告"),
    ("王换", "PERSON", T6), ("徐琪琪", "PERSON", T6),
    ("中国工程院项目组", "ORG", "中国工程科技2035发展战略综合报告"),
    ("上海市经济和信息化委员会", "ORG", "2019世界制造业重点行业发展动态"),
    ("上海科技情报研究所", "ORG", "2019世界制造业重点行业发展动态"),
    ("国海证券", "ORG", "工业软件行业深度报告: 国产工业软件的机遇和挑战"),
    ("未来智库", "ORG", "工业软件行业深度报告: 国产工业软件的机遇和挑战"),
]


def authored(rec):
    return [(rec.mentions[r.source].text, rec.mentions[r.source].label, rec.mentions[r.target].text)
            for r in rec.relations if r.type == "AUTHOR_OF" and rec.mentions[r.target].label == "WORK"]


@pytest.mark.parametrize("text,expected", [(REFS_001, AUTHORS_001), (REFS_004, AUTHORS_004)])
def test_structure_references_authors_and_titles(text, expected):
    assert authored(process_document(text, "refs.txt")) == expected


def test_structure_reference_entry_without_author_is_a_work():
    rec = process_document(REFS_004, "refs.txt")
    works = [m.text for m in rec.mentions if m.label == "WORK"]
    assert works[0] == "中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议"


def test_structure_references_only_authors_are_persons():
    # per-language guesses such as "Lost Dimension" or "Preliminary" inside the entries are dropped
    rec = process_document(REFS_001, "refs.txt")
    assert [m.text for m in rec.mentions if m.label == "PERSON"] == [a for a, _, _ in AUTHORS_001]
    rec = process_document(REFS_004, "refs.txt")
    assert [m.text for m in rec.mentions if m.label == "PERSON"] == ["王换", "徐琪琪"]


def test_structure_references_no_urls_dates_or_pages():
    for text in (REFS_001, REFS_004):
        rec = process_document(text, "refs.txt")
        for m in rec.mentions:
            assert not any(mark in m.text for mark in ("http", "www.", "(01)", "2020-11-04", "22-24", "p.118")), m


def test_structure_reference_offsets_point_into_the_original():
    rec = process_document(REFS_001, "refs.txt")
    (work,) = [m for m in rec.mentions if m.text == "中國應急管理系統的演變"]
    assert REFS_001[work.start : work.end] == "中國應(yīng)急管理系統(tǒng)的演變"
    rel = next(r for r in rec.relations if rec.mentions[r.target] == work)
    assert rel.evidence.sentence == "[1]薛瀾.中國應急管理系統的演變[J].行政管理改革,2010(8):22-24."
    assert REFS_001[rel.evidence.start : rel.evidence.end] == (
        "[1]薛瀾.中國應(yīng)急管理系統(tǒng)的演變[J].行政管理改革,2010(8):22-24."
    )


def test_structure_numbered_lines_without_heading_are_no_references():
    text = "1 关于产业创新发展问题\n\n2 关于产业数字转型问题\n\n3 关于产业基础能力问题"
    assert process_document(text, "sections.txt").relations == []
