"""Entity resolution: keys, the resolver's rules (pairs that must merge and pairs that must not),
the merged graph and the ``merges.csv`` audit. Sentences are from the seeds and ntrex_dev."""

from __future__ import annotations

import csv

import pytest

from policykg.extractors.records import DocumentRecord, Evidence, Mention, Relation, Sentence
from policykg.graph.build import build_graph
from policykg.graph.resolve import entity_key, matching_form, resolve
from policykg.graph.resolve_audit import MERGE_COLUMNS, write_merges


def record(doc_id, sentences, mentions, relations=()):
    """sentences: [(text, lang)]; mentions: [(text, label, sentence index)] or with a concept 4th."""
    sents, pos = [], 0
    for text, lang in sentences:
        sents.append(Sentence(pos, pos + len(text), text, lang))
        pos += len(text) + 1
    ms = []
    for text, label, idx, *concept in mentions:
        s = sents[idx]
        start = s.start + s.text.index(text)
        ms.append(Mention(text, label, start, start + len(text), s.lang, idx, concept[0] if concept else ""))
    return DocumentRecord(doc_id, doc_id, "\n".join(t for t, _ in sentences), languages=(sentences[0][1],),
                          sentences=sents, mentions=ms, relations=list(relations))


def resolved(records, **kwargs):
    g, merges = resolve(build_graph(records), records=records, **kwargs)
    return g, merges


def together(g, a, b):
    """Whether one node holds both names."""
    return any(a in attrs["aliases"] and b in attrs["aliases"] for _, attrs in g.nodes(data=True))


# --- sentences ----------------------------------------------------------------------------
SEED_004_ZH = "宋大伟 中国科学院科技战略咨询研究院特聘研究员、高级经济师，国务院研究室和中国科学院共建的中国创新战略和政策研究中心共同主任。"
SEED_004_EN = ("SONG Dawei Senior Economist, Distinguished Researcher at Institutes of Science and Development, "
               "Chinese Academy of Sciences (CAS).")
SEED_002 = "翟繼光:中國政法大學民商經濟法學院副教授,北京大學法學博士,研究領域為經濟法、財政法、稅法等"
SEED_000_BAUER = "1923年,米塞斯的《社会主义》受到了另一位天才的奥地利马克思主义者H.鲍尔(Helene Bauer)的尖锐批评。"
SEED_000_BAUER_SHORT = "对于缪斯尔和鲍尔来说,米塞斯提出的新自由主义与古典自由主义相去甚远。"
SEED_000_POLANYI = "1944年,在公开出版的《大转型》中,K.波兰尼(Karl Polanyi)已经开始批评自我调节市场的神话。"
SEED_000_POLANYI_BROTHER = "著名的化学家、科学哲学家和疯狂的冷战鼓吹者——K.波兰尼的弟弟M.波兰尼(Michael Polanyi)也是成立大会的重要参与者。"
SEED_000_POLANYI_SHORT = "然而,波兰尼对新自由主义者的更深层次的担忧,在一定程度上是有道理的。"
SEED_000_OTTO = "当时他在很大程度上认同阿德勒和O.鲍威尔(Otto Bauer)等奥地利马克思主义者,强烈反对米塞斯、哈耶克和其他右翼人士的观点。"
SEED_000_MARX = "德国马克思主义者A.缪斯尔为《社会》杂志撰写了一篇文章,他继承了马克思的批判。"

MERGE_CASES = [
    # (id, records, name_a, name_b, rule)
    ("pinyin-bio", [record("004.txt", [(SEED_004_ZH, "zh-Hans"), (SEED_004_EN, "en")],
                           [("宋大伟", "PERSON", 0), ("SONG Dawei", "PERSON", 1)])], "宋大伟", "SONG Dawei", "pinyin"),
    ("pinyin-surname-reading", [record("002.txt", [(SEED_002, "zh-Hant"), ("ZHAI Jiguang, China University of Political Science and Law.", "en")],
                                       [("翟繼光", "PERSON", 0), ("ZHAI Jiguang", "PERSON", 1)])], "翟繼光", "ZHAI Jiguang", "pinyin"),
    ("short-form", [record("000.txt", [(SEED_000_BAUER, "zh-Hans"), (SEED_000_BAUER_SHORT, "zh-Hans")],
                           [("H.鲍尔", "PERSON", 0), ("鲍尔", "PERSON", 1)])], "H.鲍尔", "鲍尔", "short-form"),
    ("initials-gloss", [record("000.txt", [(SEED_000_POLANYI, "zh-Hans")],
                               [("K.波兰尼", "PERSON", 0), ("Karl Polanyi", "PERSON", 0)])], "K.波兰尼", "Karl Polanyi",
     "transliteration"),
    ("alias-of-abbreviation", [record("004.txt", [("我国加入世界贸易组织（WTO）以来，制造业规模跃居世界第一。", "zh-Hans")],
                                      [("世界贸易组织", "ORG", 0), ("WTO", "ORG", 0)],
                                      [Relation("ALIAS_OF", 1, 0, Evidence("004.txt", 0, 30, "我国加入世界贸易组织（WTO）以来，制造业规模跃居世界第一。"),
                                                (("kind", "abbreviation"),))])], "世界贸易组织", "WTO", "alias-of"),
    ("latin-marks", [record("a.vi.txt", [("Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn Độc lập.", "vi")], [("Hồ Chí Minh", "PERSON", 0)]),
                     record("a.en.txt", [("Ho Chi Minh read the Declaration of Independence.", "en")], [("Ho Chi Minh", "PERSON", 0)])],
     "Hồ Chí Minh", "Ho Chi Minh", "latin"),
    ("latin-possessive", [record("euronews-en.153800.en.txt", [("Erdogan's visit to Germany drew protests.", "en"), ("Erdogan arrived in Berlin.", "en")],
                                 [("Erdogan's", "PERSON", 0), ("Erdogan", "PERSON", 1)])], "Erdogan's", "Erdogan", "latin"),
    ("han-viet-place", [record("bbc.381669.zh-Hans.txt", [("中国政府在云南推广普通话。", "zh-Hans")], [("云南", "PLACE", 0)]),
                        record("bbc.381669.vi.txt", [("Chính phủ Trung Quốc phổ biến tiếng phổ thông ở Vân Nam.", "vi")], [("Vân Nam", "PLACE", 0)])],
     "云南", "Vân Nam", "han-viet"),
    ("han-viet-head-first", [record("000.txt", [("新自由主义的实质是把工人阶级的成果夺回来。", "zh-Hans")], [("工人阶级", "TERM", 0)]),
                             record("003.txt", [("Đảng là đội tiên phong của giai cấp công nhân.", "vi")], [("giai cấp công nhân", "TERM", 0)])],
     "工人阶级", "giai cấp công nhân", "han-viet"),
    ("regional-phrase", [record("a.zh-Hant.txt", [("歐巴馬政府時期的政策。", "zh-Hant")], [("歐巴馬", "PERSON", 0)]),
                         record("b.zh-Hans.txt", [("奥巴马政府时期的政策。", "zh-Hans")], [("奥巴马", "PERSON", 0)])],
     "歐巴馬", "奥巴马", "regional"),
]

APART_CASES = [
    # (id, records, name_a, name_b)
    ("initials-differ", [record("000.txt", [(SEED_000_POLANYI_BROTHER, "zh-Hans")],
                                [("K.波兰尼", "PERSON", 0), ("M.波兰尼", "PERSON", 0), ("Michael Polanyi", "PERSON", 0)])],
     "K.波兰尼", "M.波兰尼"),
    ("gloss-goes-to-its-initial", [record("000.txt", [(SEED_000_POLANYI_BROTHER, "zh-Hans")],
                                          [("K.波兰尼", "PERSON", 0), ("M.波兰尼", "PERSON", 0), ("Michael Polanyi", "PERSON", 0)])],
     "K.波兰尼", "Michael Polanyi"),
    ("ambiguous-short-form", [record("000.txt", [(SEED_000_POLANYI, "zh-Hans"), (SEED_000_POLANYI_BROTHER, "zh-Hans"),
                                                 (SEED_000_POLANYI_SHORT, "zh-Hans")],
                                     [("K.波兰尼", "PERSON", 0), ("M.波兰尼", "PERSON", 1), ("波兰尼", "PERSON", 2)])],
     "波兰尼", "K.波兰尼"),
    ("bauer-not-bauer", [record("000.txt", [(SEED_000_BAUER, "zh-Hans"), (SEED_000_OTTO, "zh-Hans")],
                                [("H.鲍尔", "PERSON", 0), ("Helene Bauer", "PERSON", 0), ("O.鲍威尔", "PERSON", 1),
                                 ("Otto Bauer", "PERSON", 1)])], "H.鲍尔", "O.鲍威尔"),
    ("bauer-latin", [record("000.txt", [(SEED_000_BAUER, "zh-Hans"), (SEED_000_OTTO, "zh-Hans")],
                            [("H.鲍尔", "PERSON", 0), ("Helene Bauer", "PERSON", 0), ("O.鲍威尔", "PERSON", 1),
                             ("Otto Bauer", "PERSON", 1)])], "Helene Bauer", "Otto Bauer"),
    ("person-vs-doctrine", [record("000.txt", [(SEED_000_MARX, "zh-Hans")],
                                   [("马克思主义", "TERM", 0, "marxism"), ("马克思", "PERSON", 0)])], "马克思", "马克思主义"),
    ("body-vs-office", [record("004.txt", [(SEED_004_ZH, "zh-Hans"), ("国务院印发了《中国制造2025》。", "zh-Hans")],
                               [("国务院研究室", "ORG", 0), ("国务院", "ORG", 1)])], "国务院", "国务院研究室"),
    ("pinyin-needs-support", [record("001.txt", [("王光星:湖北省委党校教授。", "zh-Hans")], [("王光星", "PERSON", 0)]),
                              record("x.en.txt", [("Wang Guangxing won the chess open in Manila.", "en")],
                                     [("Wang Guangxing", "PERSON", 0)])], "王光星", "Wang Guangxing"),
    ("pinyin-whole-name", [record("004.txt", [(SEED_004_ZH, "zh-Hans"), ("Song Wei, Chinese Academy of Sciences.", "en")],
                                  [("宋大伟", "PERSON", 0), ("Song Wei", "PERSON", 1)])], "宋大伟", "Song Wei"),
    ("false-friend", [record("002.txt", [("財政監督是權力清單制度的保障。", "zh-Hant")], [("監督", "TERM", 0)]),
                      record("003.txt", [("Ông được bổ nhiệm làm giám đốc công ty.", "vi")], [("giám đốc", "TERM", 0)])],
     "監督", "giám đốc"),
    ("vietnamese-marks-differ", [record("a.vi.txt", [("Ông Nguyễn Văn Hải phát biểu.", "vi")], [("Nguyễn Văn Hải", "PERSON", 0)]),
                                 record("b.vi.txt", [("Ông Nguyễn Văn Hài phát biểu.", "vi")], [("Nguyễn Văn Hài", "PERSON", 0)])],
     "Nguyễn Văn Hải", "Nguyễn Văn Hài"),
    ("different-types", [record("a.txt", [("Washington said Washington would not pay.", "en")],
                                [("Washington", "PERSON", 0), ("Washington", "PLACE", 0)])], None, None),
]


@pytest.mark.parametrize("case_id,records,a,b,rule", MERGE_CASES, ids=[c[0] for c in MERGE_CASES])
def test_resolve_merges_pair(case_id, records, a, b, rule):
    g, merges = resolved(records)
    assert together(g, a, b)
    assert {(m.surface_a, m.surface_b, m.rule) for m in merges} & {(a, b, rule), (b, a, rule)}


@pytest.mark.parametrize("case_id,records,a,b", APART_CASES, ids=[c[0] for c in APART_CASES])
def test_resolve_keeps_pair_apart(case_id, records, a, b):
    g, _ = resolved(records)
    if a is None:  # one name, two types: two nodes
        assert sorted(attrs["type"] for _, attrs in g.nodes(data=True)) == ["PERSON", "PLACE"]
    else:
        assert not together(g, a, b)


@pytest.mark.parametrize("a,b", [("臺灣", "台湾"), ("裏面", "裡面"), ("衞生部", "衛生部"), ("國務院", "国务院"), ("ＷＴＯ", "wto")])
def test_resolve_matching_form_folds_variants(a, b):
    assert matching_form(a) == matching_form(b)


def test_resolve_entity_key_regional_country_names():
    hk = Mention("阿拉伯聯合酋長國", "PLACE", 0, 8, "zh-Hant", 0)
    tw = Mention("阿拉伯聯合大公國", "PLACE", 0, 8, "zh-Hant", 0)
    assert entity_key(hk) == entity_key(tw) == ("PLACE", "territory:AE")


def test_resolve_merged_node_combines_attributes_and_edges():
    rec = record("004.txt", [(SEED_004_ZH, "zh-Hans"), (SEED_004_EN, "en")],
                 [("宋大伟", "PERSON", 0), ("中国科学院", "ORG", 0), ("SONG Dawei", "PERSON", 1), ("Chinese Academy of Sciences", "ORG", 1)])
    g, _ = resolved([rec])
    (song,) = [n for n, a in g.nodes(data=True) if "宋大伟" in a["aliases"]]
    attrs = g.nodes[song]
    assert (attrs["aliases"], attrs["languages"], attrs["mentions"]) == (["SONG Dawei", "宋大伟"], ["en", "zh-Hans"], 2)
    assert [e["sentence"] for e in attrs["evidence"]] == [SEED_004_EN, SEED_004_ZH]
    # the academy's two names are one node too (the gloss rule), so the two sentences' links are one edge
    edges = [(sorted(g.nodes[v]["aliases"]), k, d["weight"]) for _, v, k, d in g.out_edges(song, keys=True, data=True)]
    edges += [(sorted(g.nodes[u]["aliases"]), k, d["weight"]) for u, _, k, d in g.in_edges(song, keys=True, data=True)]
    assert edges == [(["Chinese Academy of Sciences", "中国科学院"], "CO_OCCURS", 2)]


def test_resolve_alias_of_edge_is_consumed_by_the_merge():
    (rec,) = MERGE_CASES[4][1]
    g, _ = resolved([rec])
    assert [k for _, _, k in g.edges(keys=True)] == []


def test_resolve_concept_node_keeps_its_id():
    zh = record("000.txt", [("新自由主义是资本主义的意识形态。", "zh-Hans")], [("资本主义", "TERM", 0, "capitalism")])
    vi = record("003.txt", [("chủ nghĩa tư bản", "vi")], [("chủ nghĩa tư bản", "TERM", 0)])
    g0 = build_graph([zh, vi])
    g, merges = resolve(g0, records=[zh, vi])
    from policykg.graph.resolve import node_id
    assert list(g.nodes) == [node_id(("TERM", "concept:capitalism"))]
    assert [(m.rule, m.surface_b) for m in merges] == [("han-viet", "chủ nghĩa tư bản")]


def test_resolve_merges_csv_rows_for_small_corpus(tmp_path):
    records = [
        record("a.zh-Hant.txt", [("黨中央和國務院應當對此有清醒的認識。", "zh-Hant")], [("國務院", "ORG", 0)]),
        record("b.zh-Hans.txt", [(SEED_004_ZH, "zh-Hans"), (SEED_004_EN, "en"), ("国务院印发了《中国制造2025》。", "zh-Hans")],
               [("宋大伟", "PERSON", 0), ("SONG Dawei", "PERSON", 1), ("国务院", "ORG", 2)]),
    ]
    g, merges = resolved(records)
    write_merges(tmp_path / "merges.csv", merges)
    with (tmp_path / "merges.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    org = next(n for n, a in g.nodes(data=True) if a["type"] == "ORG")
    person = next(n for n, a in g.nodes(data=True) if a["type"] == "PERSON")
    pre_person = next(m.merged_id for m in merges if m.rule == "pinyin")
    assert rows == [
        list(MERGE_COLUMNS),
        [org, org, "ORG", "国务院", "國務院", "script", "a.zh-Hant.txt", "黨中央和國務院應當對此有清醒的認識。", "same key"],
        [person, pre_person, "PERSON", "宋大伟", "SONG Dawei", "pinyin", "b.zh-Hans.txt", SEED_004_EN,
         "pinyin songdawei; same document b.zh-Hans.txt"],
    ]


def test_resolve_is_deterministic_in_record_order():
    (recs,) = [c[1] for c in MERGE_CASES if c[0] == "han-viet-place"]
    g1, m1 = resolved(recs)
    g2, m2 = resolved(list(reversed(recs)))
    assert list(g1.nodes(data="aliases")) == list(g2.nodes(data="aliases")) and list(m1) == list(m2)
