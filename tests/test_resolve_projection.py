"""A translation's names looked for in its other versions (graph/resolve_projection.py): tables of
ntrex_dev sentences that must or must not gain a mention, and real builds through jieba, spaCy and
the command line."""

from __future__ import annotations

import json

import pytest

from policykg.graph.resolve_projection import folded_text, project_names
from policykg.graph.run import build_corpus

from test_resolve import record
from test_resolve_types import write_story

SOMERSET_EN = "A 16-year-old boy was found with multiple stab wounds in Somerset."
SOMERSET_HANT = "一名 16 歲青年在 Somerset 被發現身中多次刀傷。"
REVLON_EN = "Sainsbury's said it will double its beauty range to 3,000 products, including first-time brands such as Revlon."
REVLON_VI = "Sainsbury's cho biết họ sẽ tăng gấp đôi dòng sản phẩm làm đẹp, bao gồm các thương hiệu như Revlon."
TORIES_HANS = "首相在伯明翰的保守党会议上发言。"
TORIES_HANT = "首相在伯明罕的保守黨會議上發言。"


def added(records, doc_id):
    """``(surface, label)`` of the mentions projection adds to ``doc_id``."""
    before = {(m.start, m.end) for r in records if r.doc_id == doc_id for m in r.mentions}
    out, _ = project_names(records)
    (rec,) = [r for r in out if r.doc_id == doc_id]
    return [(m.text, m.label) for m in rec.mentions if (m.start, m.end) not in before]


CASES = [
    # (id, records, the document looked at, the mentions it gains)
    ("latin-name-from-english-into-chinese",
     [record("s.en.txt", [(SOMERSET_EN, "en")], [("Somerset", "PLACE", 0)]),
      record("s.zh-Hant.txt", [(SOMERSET_HANT, "zh-Hant")], [])],
     "s.zh-Hant.txt", [("Somerset", "PLACE")]),
    ("latin-name-from-english-into-vietnamese",
     [record("s.en.txt", [(REVLON_EN, "en")], [("Revlon", "ORG", 0)]),
      record("s.vi.txt", [(REVLON_VI, "vi")], [])],
     "s.vi.txt", [("Revlon", "ORG")]),
    # written in the other script: found, and kept as that version writes it
    ("chinese-name-across-scripts",
     [record("s.zh-Hans.txt", [(TORIES_HANS, "zh-Hans")], [("保守党", "ORG", 0)]),
      record("s.zh-Hant.txt", [(TORIES_HANT, "zh-Hant")], [])],
     "s.zh-Hant.txt", [("保守黨", "ORG")]),
    # a Latin name must be whole words starting with a capital letter
    ("lower-case-word-is-no-name",
     [record("s.en.txt", [("Officers searched HMP Long Lartin.", "en")], [("Long", "PLACE", 0)]),
      record("s.vi.txt", [("Cảnh sát đã khám xét nhà tù suốt đêm long trọng.", "vi")], [])],
     "s.vi.txt", []),
    ("part-of-a-longer-word",
     [record("s.en.txt", [("Revlon said so.", "en")], [("Revlon", "ORG", 0)]),
      record("s.vi.txt", [("Revlonix cho biết.", "vi")], [])],
     "s.vi.txt", []),
    # a Chinese name must be whole words of jieba's segmentation
    ("chinese-name-inside-a-longer-word",
     [record("s.zh-Hans.txt", [("西班牙是一个国家。", "zh-Hans")], [("西班牙", "PLACE", 0)]),
      record("s.zh-Hant.txt", [("而選修西班牙文的則有百分之二十。", "zh-Hant")], [])],
     "s.zh-Hant.txt", []),
    # characters a mention already holds are the target extractor's own reading
    ("covered-by-a-longer-mention",
     [record("s.en.txt", [("The rally was in Wheeling.", "en")], [("Wheeling", "PLACE", 0)]),
      record("s.vi.txt", [("Cuộc mít tinh ở Wheeling Arena.", "vi")], [("Wheeling Arena", "PLACE", 0)])],
     "s.vi.txt", []),
    # a capitalized word found in Vietnamese alone is too often no name; with a Chinese version it is vouched for
    ("vietnamese-alone-does-not-vouch",
     [record("s.vi.txt", [("Rapper Kanye West đổi tên.", "vi")], [("Rapper", "PERSON", 0)]),
      record("s.en.txt", [("Kanye West: Rapper changes his name to Ye", "en")], [])],
     "s.en.txt", []),
    ("vietnamese-and-chinese-vouch-together",
     [record("s.vi.txt", [("Kanye West đổi tên.", "vi")], [("Kanye West", "PERSON", 0)]),
      record("s.zh-Hans.txt", [("Kanye West 改名了。", "zh-Hans")], [("Kanye West", "PERSON", 0)]),
      record("s.en.txt", [("Kanye West: Rapper changes his name to Ye", "en")], [])],
     "s.en.txt", [("Kanye West", "PERSON")]),
    ("types-tied-across-versions",
     [record("s.en.txt", [(SOMERSET_EN, "en")], [("Somerset", "PLACE", 0)]),
      record("s.vi.txt", [("Một thiếu niên bị đâm ở Somerset.", "vi")], [("Somerset", "ORG", 0)]),
      record("s.zh-Hant.txt", [(SOMERSET_HANT, "zh-Hant")], [])],
     "s.zh-Hant.txt", []),
    ("too-short",
     [record("s.en.txt", [("The UN met.", "en")], [("UN", "ORG", 0)]),
      record("s.vi.txt", [("UN đã họp.", "vi")], [])],
     "s.vi.txt", []),
    ("not-translations",
     [record("a.en.txt", [(SOMERSET_EN, "en")], [("Somerset", "PLACE", 0)]),
      record("b.zh-Hant.txt", [(SOMERSET_HANT, "zh-Hant")], [])],
     "b.zh-Hant.txt", []),
]


@pytest.mark.parametrize("case_id,records,doc_id,expected", CASES, ids=[c[0] for c in CASES])
def test_names_projected_into_other_versions(case_id, records, doc_id, expected):
    assert added(records, doc_id) == expected


def test_every_occurrence_gains_a_mention_with_its_own_sentence():
    en = record("s.en.txt", [(SOMERSET_EN, "en")], [("Somerset", "PLACE", 0)])
    hant = record("s.zh-Hant.txt", [("開頭。", "zh-Hant"), (SOMERSET_HANT, "zh-Hant"), ("Avon 和 Somerset 警方表示。", "zh-Hant")], [])
    records, projected = project_names([en, hant])
    mentions = records[1].mentions
    assert [(m.text, m.sentence) for m in mentions] == [("Somerset", 1), ("Somerset", 2)]
    # offsets point into the document, as every extractor's do
    assert all(hant.text[m.start:m.end] == "Somerset" for m in mentions)
    assert [(p.doc, p.source, p.sentence) for p in projected] == [
        ("s.zh-Hant.txt", "s.en.txt", SOMERSET_HANT), ("s.zh-Hant.txt", "s.en.txt", "Avon 和 Somerset 警方表示。")]


def test_a_sentence_whose_normalized_text_moved_is_skipped():
    en = record("s.en.txt", [(SOMERSET_EN, "en")], [("Somerset", "PLACE", 0)])
    hant = record("s.zh-Hant.txt", [(SOMERSET_HANT, "zh-Hant")], [])
    sent = hant.sentences[0]
    # pinyin removed by normalization: the sentence is shorter than its span in the document
    hant.sentences[0] = type(sent)(sent.start, sent.end + 6, sent.text, sent.lang)
    assert project_names([en, hant])[1] == []


def test_folded_text_keeps_every_offset():
    text = "西維吉尼亞州 ＣＮＮ İstanbul 亞當•斯密"
    folded = folded_text(text)
    assert len(folded) == len(text) and folded.startswith("西维吉尼亚州 cnn ") and "亚当·斯密" in folded


def test_a_build_finds_a_latin_name_the_chinese_extractor_missed(tmp_path):
    write_story(tmp_path, en=SOMERSET_EN, zh_Hant=SOMERSET_HANT)
    g0, report0 = build_corpus([tmp_path], jobs=1, project=False)
    (node0,) = [a for _, a in g0.nodes(data=True) if "Somerset" in a["aliases"]]
    # the premise: the Chinese extractor alone does not take the Latin word for a name
    assert node0["documents"] == ["story.en.txt"] and report0["resolution"]["projected"] == []
    g, report = build_corpus([tmp_path], jobs=1)
    (node,) = [a for _, a in g.nodes(data=True) if "Somerset" in a["aliases"]]
    assert node["documents"] == ["story.en.txt", "story.zh-Hant.txt"] and node["type"] == "PLACE"
    assert report["resolution"]["projected"] == [{"document": "story.zh-Hant.txt", "name": "Somerset", "type": "PLACE",
                                                  "from": "story.en.txt", "sentence": SOMERSET_HANT}]


def test_kg_build_no_projection_and_kg_explain(tmp_path):
    from click.testing import CliRunner

    from policykg.graph.cli import main

    corpus = write_story(tmp_path / "corpus", en=SOMERSET_EN, zh_Hant=SOMERSET_HANT)
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    result = CliRunner().invoke(main, ["explain", "Somerset", "-o", str(out)])
    assert result.exit_code == 0
    assert "Somerset in story.zh-Hant.txt (1x): named in its translation story.en.txt  [projected]" in result.output
    assert "kg build --no-projection" in result.output
    bare = tmp_path / "bare"
    assert CliRunner().invoke(main, ["build", str(corpus), "-o", str(bare), "-q", "--no-projection"]).exit_code == 0
    report = json.loads((bare / "build-report.json").read_text(encoding="utf-8"))
    assert report["resolution"]["projected"] == []
    assert "[projected]" not in CliRunner().invoke(main, ["explain", "Somerset", "-o", str(bare)]).output
