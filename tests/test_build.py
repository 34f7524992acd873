"""Graph assembly from records: merging, co-occurrence weights, evidence, determinism."""

from __future__ import annotations

import random

from policykg.extractors.records import DocumentRecord, Evidence, Mention, Relation, Sentence
from policykg.graph.build import MAX_ENTITIES_PER_SENTENCE, build_graph

from conftest import build_story


def record(doc_id: str, sentences: list[tuple[str, str]], mentions: list[tuple[str, str, int, str]], relations=()):
    """sentences: (text, lang); mentions: (text, label, sentence index, concept)."""
    sents, pos = [], 0
    for text, lang in sentences:
        sents.append(Sentence(pos, pos + len(text), text, lang))
        pos += len(text) + 1
    ms = []
    for text, label, idx, concept in mentions:
        s = sents[idx]
        start = s.start + s.text.index(text)
        ms.append(Mention(text, label, start, start + len(text), s.lang, idx, concept))
    return DocumentRecord(doc_id, doc_id, "\n".join(t for t, _ in sentences), sentences=sents, mentions=ms,
                          relations=list(relations))


def labels(g):
    return sorted((a["type"], a["label"]) for _, a in g.nodes(data=True))


def test_build_merges_script_variants_concepts_and_countries():
    a = record("a.zh-Hant.txt", [("國務院和越南談資本主義。", "zh-Hant")],
               [("國務院", "ORG", 0, ""), ("越南", "PLACE", 0, ""), ("資本主義", "TERM", 0, "capitalism")])
    b = record("b.zh-Hans.txt", [("国务院在越南。", "zh-Hans")], [("国务院", "ORG", 0, ""), ("越南", "PLACE", 0, "")])
    c = record("c.vi.txt", [("Việt Nam và chủ nghĩa tư bản.", "vi")],
               [("Việt Nam", "PLACE", 0, ""), ("chủ nghĩa tư bản", "TERM", 0, "capitalism")])
    g = build_graph([a, b, c])
    # the label is the commonest surface form; ties go to the first in code-point order
    assert labels(g) == [("ORG", "国务院"), ("PLACE", "越南"), ("TERM", "chủ nghĩa tư bản")]
    org = next(a for _, a in g.nodes(data=True) if a["type"] == "ORG")
    assert org["aliases"] == ["国务院", "國務院"]
    assert org["documents"] == ["a.zh-Hant.txt", "b.zh-Hans.txt"]
    assert org["languages"] == ["zh-Hans", "zh-Hant"]
    place = next(a for _, a in g.nodes(data=True) if a["type"] == "PLACE")
    assert place["mentions"] == 3 and sorted(place["aliases"]) == ["Việt Nam", "越南"]


def test_build_keeps_apart_different_types_and_initials():
    a = record("a.txt", [("K.波兰尼和M.波兰尼讨论马克思和马克思主义。", "zh-Hans")],
               [("K.波兰尼", "PERSON", 0, ""), ("M.波兰尼", "PERSON", 0, ""), ("马克思", "PERSON", 0, ""),
                ("马克思主义", "TERM", 0, "marxism")])
    assert labels(build_graph([a])) == [("PERSON", "K.波兰尼"), ("PERSON", "M.波兰尼"), ("PERSON", "马克思"),
                                        ("TERM", "马克思主义")]


def test_build_cooccurrence_weight_counts_sentences_and_caps_evidence():
    sentences = [(f"甲方和乙方第{i}次会谈。", "zh-Hans") for i in range(8)]
    mentions = [(m, "ORG", i, "") for i in range(8) for m in ("甲方", "乙方")]
    g = build_graph([record("a.txt", sentences, mentions)], evidence_cap=3)
    (u, v, k, d), = g.edges(keys=True, data=True)
    assert (k, d["type"], d["weight"], d["documents"]) == ("CO_OCCURS", "CO_OCCURS", 8, ["a.txt"])
    assert [e["sentence"] for e in d["evidence"]] == ["甲方和乙方第0次会谈。", "甲方和乙方第1次会谈。", "甲方和乙方第2次会谈。"]
    assert u < v
    ev = d["evidence"][1]
    assert (ev["doc"], ev["start"], ev["end"]) == ("a.txt", 12, 23)


def test_build_skips_cooccurrence_in_crowded_sentences():
    names = [f"人名{i:02d}" for i in range(MAX_ENTITIES_PER_SENTENCE + 1)]
    g = build_graph([record("a.txt", [("、".join(names), "zh-Hans")], [(n, "PERSON", 0, "") for n in names])])
    assert g.number_of_nodes() == len(names) and g.number_of_edges() == 0


def test_build_typed_relations_keep_attributes():
    rec = record("a.txt", [("葉青:湖北省統計局副局長", "zh-Hant")], [("葉青", "PERSON", 0, ""), ("湖北省統計局", "ORG", 0, "")],
                 relations=[Relation("AFFILIATED_WITH", 0, 1, Evidence("a.txt", 0, 13, "葉青:湖北省統計局副局長"),
                                     (("role", "副局長"),))])
    g = build_graph([rec])
    typed = [(k, d["role"], d["weight"]) for _, _, k, d in g.edges(keys=True, data=True) if k != "CO_OCCURS"]
    assert typed == [("AFFILIATED_WITH", "副局長", 1)]


def test_build_is_deterministic_whatever_the_record_order():
    recs = [record(f"d{i}.txt", [(f"甲方与乙{i}合作。", "zh-Hans")], [("甲方", "ORG", 0, ""), (f"乙{i}", "ORG", 0, "")])
            for i in range(6)]
    shuffled = recs[:]
    random.Random(3).shuffle(shuffled)
    g1, g2 = build_graph(recs), build_graph(shuffled)
    assert list(g1.nodes(data=True)) == list(g2.nodes(data=True))
    assert list(g1.edges(keys=True, data=True)) == list(g2.edges(keys=True, data=True))
    assert g1.graph == g2.graph


def test_build_joins_a_state_cldr_no_longer_names_across_four_languages(tmp_path):
    """马其顿 / 馬其頓 / Macedonia (CLDR now lists North Macedonia) are one place through the lexicon, with the real
    extractors; the CRF alone reads 马其顿 as a person (马 is a surname). Sentences from reuters.218932 (ntrex_dev)."""
    g, _ = build_story(tmp_path, zh_Hans="马其顿是南斯拉夫解体后独立出来的国家之一。",
                       zh_Hant="馬其頓是南斯拉夫解體後獨立出來的國家之一。",
                       en="Macedonia is one of the countries to emerge from the collapse of Yugoslavia.",
                       vi="Macedonia là một trong những quốc gia nổi lên từ sự sụp đổ của Nam Tư.")
    places = {frozenset(a["aliases"]) for _, a in g.nodes(data=True) if a["type"] == "PLACE"}
    assert frozenset({"马其顿", "馬其頓", "Macedonia"}) in places
    assert frozenset({"南斯拉夫", "Yugoslavia", "Nam Tư"}) in places
    assert not [a for _, a in g.nodes(data=True) if a["type"] == "PERSON"]


def test_build_joins_a_country_named_by_the_lexicon_and_by_cldr(tmp_path):
    """Britain (a lexicon form of the United Kingdom), 英国 (CLDR and the lexicon) and Anh (CLDR's Vietnamese short
    form) are one country: a country is keyed by its code, lexicon row or not. After reuters.218882 (ntrex_dev)."""
    g, _ = build_story(tmp_path, en="Britain's Prime Minister Theresa May arrives in Birmingham.",
                       vi="Thủ tướng Anh Theresa May đến Birmingham.", zh_Hans="英国首相特雷莎·梅抵达伯明翰。")
    places = [set(a["aliases"]) for _, a in g.nodes(data=True) if a["type"] == "PLACE"]
    assert any({"Britain", "Anh", "英国"} <= names for names in places), places


CPV = ("Đảng Cộng sản Việt Nam lãnh đạo cuộc đấu tranh chống tham nhũng. Đây là chiêu bài nhằm làm giảm lòng tin "
       "của nhân dân đối với Đảng.")  # after seed 003
LABOUR = ("Một người phát ngôn Đảng Lao động cho biết: chính sách làm việc bốn ngày/tuần không phải là chính sách "
          "của Đảng.")  # dailymail.co.uk.298686 (ntrex_dev)


def test_build_joins_a_bare_vietnamese_head_to_the_one_party_its_documents_name(tmp_path):
    from policykg.graph.run import build_corpus

    (tmp_path / "a.txt").write_text(CPV + "\n", encoding="utf-8")
    g, report = build_corpus([tmp_path], jobs=1, progress=False)
    orgs = [set(a["aliases"]) for _, a in g.nodes(data=True) if a["type"] == "ORG"]
    assert {"Đảng Cộng sản Việt Nam", "Đảng"} in orgs
    assert [m.rule for m in report["merges"]] == ["bare-head"]


def test_build_keeps_a_bare_head_alone_when_its_documents_name_different_parties(tmp_path):
    from policykg.graph.run import build_corpus

    (tmp_path / "a.txt").write_text(CPV + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(LABOUR + "\n", encoding="utf-8")
    g, _ = build_corpus([tmp_path], jobs=1, progress=False)
    orgs = sorted(sorted(a["aliases"]) for _, a in g.nodes(data=True) if a["type"] == "ORG")
    assert orgs == [["Đảng"], ["Đảng Cộng sản Việt Nam"], ["Đảng Lao động"]]
