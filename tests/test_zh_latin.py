"""Latin-script names in Chinese text and repaired model spans, on real sentences from ntrex_dev."""

from __future__ import annotations

import pytest
import spacy
from policykg.extractors.pipeline import process_document


@pytest.fixture(scope="module")
def nlp_zh():
    nlp = spacy.blank("zh")
    nlp.add_pipe("kg_entities")
    return nlp


def spans(doc):
    return [(s.text, s.label_) for s in doc.spans["kg"]]


LATIN_CASES = [
    # a Latin name typed by the role before it or the verb after it, not glued to either
    ("隨著國家接近對學生進行血腥鎮壓的 50 週年紀念，墨西哥總統候選人 Andres Manuel Lopez Obrador 承諾永遠不會對平民使用軍方武力。",
     [("墨西哥", "PLACE"), ("Andres Manuel Lopez Obrador", "PERSON")]),
    # a place word inside the run; the name before it read by the English model
    ("Lopez Obrador 禮拜六在 Tlatelolco Plaza 承諾「永遠不會動用軍方鎮壓墨西哥人民。」",
     [("Lopez Obrador", "PERSON"), ("Tlatelolco Plaza", "PLACE"), ("墨西哥", "PLACE")]),
    # names run together by the model are told apart; a verb between them is no part of either
    ("流浪只在上半場成功瞄準射門，但這名前任的 Ibrox 守門員 Liam Kelly 輕鬆擋下 Lassana Coulibaly 的頭槌和 Ovie Ejaria 微弱的射門。",
     [("上半場", "PLACE"), ("Liam Kelly", "PERSON"), ("Lassana Coulibaly", "PERSON"), ("Ovie Ejaria", "PERSON")]),
    ("同时，利文斯顿队在其分区中将不败纪录扩大到 6 场，主教练自上月更换掉 Kenny Miler以来还未尝到失败的滋味。",
     [("利文斯顿队", "ORG"), ("Kenny Miler", "PERSON")]),
    # a Chinese place beside a Latin one keeps its own span
    ("羅莎在禮拜天早上仍然保持颶風強度，其最高風速為每小時 85 英里。當時颶風位於墨西哥 Punta Eugenia 西南部 385 英里處。",
     [("羅莎", "PERSON"), ("墨西哥", "PLACE"), ("Punta Eugenia", "PLACE")]),
    # a street word after a Latin place names the street with it (bbc.381679; Childers Street in English)
    ("在事故发生的几个月前，距离此次事故大约一英里处的Childers街发生了另外一起交通事故，骑车人身亡。",
     [("Childers街", "PLACE")]),
    ("Sean Combs 本來名為 Puff Daddy、P. Diddy 或 Diddy，但卻在今年宣布改名為 Love 和 Brother Love。",
     [("Sean Combs", "PERSON"), ("Brother Love", "PERSON")]),
    # a web address is no name; a lone word with no cue around it is typed by the English model alone:
    # Shaq, a name to it, is a person, and Sturridge, no name to it on its own, is left out rather than guessed
    ("「關鍵是要齊集射門的條件，要拿到球而好像 Shaq 這樣的球員常常儘量在前方運球，所以我需要儘量給自己預留更多的時間，」Sturridge 向 LiverpoolFC.com 表示。",
     [("Shaq", "PERSON")]),
    # glosses with a space inside the bracket; the Chinese after the bracket types them
    ("洛佩斯·奥夫拉多尔周六在特拉特洛尔科（ Tlatelolco）广场承诺“绝不会再使用军事力量镇压墨西哥人。”",
     [("洛佩斯·奥夫拉多尔", "PERSON"), ("特拉特洛尔科", "PLACE"), ("Tlatelolco", "PLACE")]),
    ("随着墨西哥血腥报复学生 50 周年的临近，该国当选总统安德烈斯·曼努埃尔·洛佩斯·奥夫拉多尔（ Andres Manuel Lopez Obrador） 发誓绝不使用军事力量对付平民。",
     [("墨西哥", "PLACE"), ("安德烈斯·曼努埃尔·洛佩斯·奥夫拉多尔", "PERSON"), ("Andres Manuel Lopez Obrador", "PERSON")]),
    # a gloss of a transliteration with an organization head or place word takes its type
    ("本月霍顿·米夫林·哈考特出版社（Houghton Mifflin Harcourt）出版了李开复的新书。",
     [("霍顿·米夫林·哈考特出版社", "ORG"), ("Houghton Mifflin Harcourt", "ORG"), ("李开复", "PERSON")]),
    # the words of a title in 《》 name no one
    ("李的著作《人工智能超能力：中國、矽谷和新世界秩序 (AI Superpowers: China, Silicon Valley and the New World Order)》在這個月由 Houghton Mifflin Harcourt 出版。",
     [("人工智能", "TERM"), ("中國", "PLACE"), ("Houghton Mifflin Harcourt", "ORG")]),
    ("观赛:利物浦队的丹尼尔·斯图里奇( Daniel Sturridge) 一脚远射逼平切尔西队",
     [("利物浦队", "ORG"), ("丹尼尔·斯图里奇", "PERSON"), ("Daniel Sturridge", "PERSON"), ("切尔西队", "ORG")]),
]


@pytest.mark.parametrize("text,expected", LATIN_CASES)
def test_latin_names_in_chinese(nlp_zh, text, expected):
    assert spans(nlp_zh(text)) == expected


TRIM_CASES = [
    # two full names joined by 和, which jieba reads into the first one (李和): two people (foxnews.94512)
    ("据报道，泄漏的信息涉及南卡罗来纳州参议院林赛·格雷厄姆、以及犹他州迈克·李和奥林·哈奇在美国的家庭住址。",
     [("南卡罗来纳州", "PLACE"), ("林赛·格雷厄姆", "PERSON"), ("犹他州", "PLACE"), ("迈克·李", "PERSON"),
      ("奥林·哈奇", "PERSON"), ("美国", "PLACE")]),
    # a headline run into the first sentence glues two countries: each is a place (cnbc.com.6769)
    ("朝鲜表示，核裁军的前提是它可以信任美国朝鲜外交部长李英浩表示，如果朝鲜无法信任美国，则绝不会进行核裁军。",
     [("朝鲜", "PLACE"), ("美国", "PLACE"), ("朝鲜", "PLACE"), ("李英浩", "PERSON"), ("朝鲜", "PLACE"), ("美国", "PLACE")]),
    # function words and verbs around a name are no part of it
    ("卡瓦诺则在其证言中满怀激动地表示其百分之百确定没有发生过这种事情。", [("卡瓦诺", "PERSON")]),
    ("这位温和的共和党议员的办公室发表申明，表示其将投票支持卡瓦诺后，CNN 和 CBS 电视台的摄像头捕捉到周五早晨其在试图乘坐通往“司法委员会”的电梯时被抗议者叫嚷。",
     [("共和党", "ORG"), ("卡瓦诺", "PERSON"), ("CNN", "ORG"), ("CBS", "ORG"), ("司法委员会", "ORG")]),
    # a name ending in an administrative division is a place; a date before a place is no part of it
    ("周日 09:30 BST 左右，伍斯特郡的HMP Long Lartin  爆发骚乱，并且仍在持续当中。", [("伍斯特郡", "PLACE")]),
    ("2017 年 9 月墨西哥发生强烈地震。", [("墨西哥", "PLACE")]),
    # a time word is no name; a Latin place name is not glued to the Chinese place word after it
    ("周六 04:00 BST左右， 在米德索莫诺顿 的Excelsior Terrace 地区发现一名十几岁受伤男孩。",
     [("米德索莫诺顿", "PLACE"), ("Excelsior Terrace", "PLACE")]),
    # a gloss after a name written with a bullet for its dot
    ("马其顿总统奥尔盖•伊万诺夫（ Gjorge Ivanov）反对进行国名变更全民公决，他表示会无视这项公决。",
     [("马其顿", "PLACE"), ("奥尔盖•伊万诺夫", "PERSON"), ("Gjorge Ivanov", "PERSON")]),
    # a role between an organization and a name the model read as one organization: the person after
    # it, whom the gloss then names too (foxnews.94512)
    ("沃特斯的聲明在網上迅速招來批評聲浪，其中包括前任白宮新聞秘書佛萊謝 (Ari Fleischer)。",
     [("沃特斯", "PERSON"), ("白宮", "ORG"), ("佛萊謝", "PERSON"), ("Ari Fleischer", "PERSON")]),
    # a place span ending in a party or a newspaper is that body (newsweek.51310)
    ("特朗普希望通过此举帮助西弗吉尼亚州共和党参议院候选人帕特里克·莫里西摆脱困境。",
     [("特朗普", "PERSON"), ("西弗吉尼亚州共和党", "ORG"), ("帕特里克·莫里西", "PERSON")]),
    ("根据西弗吉尼亚地铁新闻报报道，集会计划于今晚举行。", [("西弗吉尼亚地铁新闻报", "ORG")]),
    # a city after its state is a place of its own
    ("密蘇里州堪城與內布拉斯加州奧馬哈，還有聖路易斯和愛荷華州得梅因之間有著將近 20 度的溫差。",
     [("密蘇里州", "PLACE"), ("堪城", "PLACE"), ("內布拉斯加州", "PLACE"), ("奧馬哈", "PLACE"), ("聖路易斯", "PLACE"),
      ("愛荷華州", "PLACE"), ("得梅因", "PLACE")]),
]


@pytest.mark.parametrize("text,expected", TRIM_CASES)
def test_model_spans_are_trimmed(nlp_zh, text, expected):
    assert spans(nlp_zh(text)) == expected


def test_gloss_with_space_in_bracket_is_alias():
    text = "洛佩斯·奥夫拉多尔周六在特拉特洛尔科（ Tlatelolco）广场承诺“绝不会再使用军事力量镇压墨西哥人。”"
    rec = process_document(text, "a.zh-Hans.txt")
    links = [(r.type, rec.mentions[r.source].text, rec.mentions[r.target].text, rec.mentions[r.target].label)
             for r in rec.relations]
    assert links == [("ALIAS_OF", "特拉特洛尔科", "Tlatelolco", "PLACE")]


def test_english_paragraph_is_left_to_the_english_extractor():
    from policykg.extractors.zh_latin import latin_candidates

    assert latin_candidates("Lopez Obrador said on Saturday in Tlatelolco Plaza") == []


def test_a_surname_alone_repeats_the_name_given_earlier():
    text = ("流浪只在上半場成功瞄準射門，但這名前任的 Ibrox 守門員 Liam Kelly 輕鬆擋下 Lassana Coulibaly 的頭槌和 Ovie Ejaria 微弱的射門。\n\n"
            "Gerrard 在以 Coulibaly 換入 Ryan Kent 後奠定了比賽大勢，這次換人在這名前峰 避開 Morelos 而 Kelly 英勇趕往阻攔射球後，幾乎可以說是立即見效。")
    rec = process_document(text, "a.zh-Hant.txt")
    assert [(m.text, m.label) for m in rec.mentions if m.sentence == 1] == [
        ("Coulibaly", "PERSON"), ("Ryan Kent", "PERSON"), ("Kelly", "PERSON")]


def test_a_conjunction_ends_a_name(nlp_zh):
    doc = nlp_zh("在过去的两天中唯一一组分数高于斯皮思和托马斯的是弗兰西斯科-莫利纳利和汤米，这是莱德杯无可争议的事实。")
    # the types are the model's; the spans are the point
    assert [s.text for s in doc.spans["kg"]] == ["斯皮思", "托马斯", "弗兰西斯科-莫利纳利", "汤米"]


@pytest.mark.parametrize("text,name,gloss", [
    # jieba reads 与特蕾 / 特蕾|莎 and 布|莱西; the model reads each name whole, and the gloss has as many words as parts
    ("艾瑪·湯普遜 (Emma Thompson) 已盡力詮釋這個與特蕾莎·梅 (Theresa May) 相像的角色。", "特蕾莎·梅", "Theresa May"),
    ("该名女子叫克里斯汀·布莱西·福特（Christine Blasey Ford），她指控卡瓦诺。", "克里斯汀·布莱西·福特", "Christine Blasey Ford"),
])
def test_a_glossed_name_jieba_cuts_is_read_whole(text, name, gloss):
    rec = process_document(text, "a.zh.txt")
    links = {(rec.mentions[r.source].text, rec.mentions[r.target].text) for r in rec.relations if r.type == "ALIAS_OF"}
    assert (name, gloss) in links
    assert not [m.text for m in rec.mentions if m.text != name and name.endswith(m.text)]


@pytest.mark.parametrize("text,name", [
    # bbc.381780 in English and in simplified Chinese: the abbreviated rank is no part of the name
    ("Det Insp Bob Blemmings said damage was caused to the gates and the building itself.", "Bob Blemmings"),
    ("Det Insp Bob Blemmings 表示，该建筑的大门以及建筑本体遭到损坏。", "Bob Blemmings"),
    # bbc.381746: a rank written out before a last name leaves the last name, as the story's other sentences write it
    ("Captain Halkett was immense, marshalling a superbly-organised defence.", "Halkett"),
    # dailymail.298759 in English and in simplified Chinese: a professor's last name after the title
    ("Prof Czeisler recommended that students should not pull all-nighters.", "Czeisler"),
    ("就像你有权知道吸烟对健康的影响一样” Prof Czeisler补充道。", "Czeisler"),
    ("Professor Czeisler designed the course after years of study.", "Czeisler"),
])
def test_a_rank_before_a_name_is_left_out(text, name):
    rec = process_document(text, "a.txt")
    assert [(m.text, m.label) for m in rec.mentions if m.label == "PERSON"] == [(name, "PERSON")]


def test_a_description_before_a_name_is_left_out():
    # dailymail.298595: a description written as one hyphenated word is no part of the name (the line
    # before names Peter Jones in full, so that Jones alone is him)
    text = ("Holly Willoughby has left Dragons\" Den star Peter Jones fuming by pulling out of their lucrative lifestyle "
            "brand business at the last minute.\nMother-of-three Willoughby and husband Dan Baldwin have been close to "
            "Jones and his wife Tara Capp for ten years.")
    rec = process_document(text, "a.en.txt")
    assert [(m.text, m.label) for m in rec.mentions] == [
        ("Holly Willoughby", "PERSON"), ("Peter Jones", "PERSON"),
        ("Willoughby", "PERSON"), ("Dan Baldwin", "PERSON"), ("Jones", "PERSON"), ("Tara Capp", "PERSON")]


def test_a_function_character_read_into_a_name_once_is_left_out():
    # newsweek.51329: the model reads 中 into the name after a title in one sentence; the headline writes it without
    text = ("在SNL亮相之后坎耶·韦斯特佩戴MAGA帽子回应拥护特朗普的指责。\n\n"
            "在《周六夜现场》中坎耶·韦斯特在演播室里完成散漫的表演之后赞扬美国总统唐纳德特朗普并声称将参与2020年竞选。")
    rec = process_document(text, "a.zh-Hans.txt")
    assert [m.text for m in rec.mentions if "韦斯特" in m.text] == ["坎耶·韦斯特", "坎耶·韦斯特"]
    assert all(text[m.start : m.end] == m.text for m in rec.mentions)
