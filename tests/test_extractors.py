"""The per-language ``kg_entities`` components on real sentences (from the seeds and ntrex_dev)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

pytest.importorskip("pyvi")


@pytest.fixture(scope="module")
def nlp_zh():
    nlp = spacy.blank("zh")
    nlp.add_pipe("kg_entities")
    return nlp


@pytest.fixture(scope="module")
def nlp_vi():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": True}}})
    nlp.add_pipe("kg_entities")
    return nlp


@pytest.fixture(scope="module")
def nlp_en():
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_entities")
    return nlp


def spans(doc):
    return [(s.text, s.label_) for s in doc.spans["kg"]]


ZH_CASES = [
    # glossed names with an initial: the initial stays, so K.波兰尼 and M.波兰尼 stay apart
    ("新自由主义首先出现在奥地利经济学家和社会学家L.米塞斯(Ludwig von Mises)的三部著作中",
     [("新自由主义", "TERM"), ("奥地利", "PLACE"), ("L.米塞斯", "PERSON"), ("Ludwig von Mises", "PERSON")]),
    ("K.波兰尼和M.波兰尼是兄弟。", [("K.波兰尼", "PERSON"), ("M.波兰尼", "PERSON")]),
    # titles in 《》 are WORKs; traditional text is read through simplified and keeps its own characters
    ("中共中央辦公廳、國務院辦公廳印發了《關于推行地方各級政府工作部門權力清單制度的指導意見》",
     [("中共中央辦公廳", "ORG"), ("國務院辦公廳", "ORG"), ("關于推行地方各級政府工作部門權力清單制度的指導意見", "WORK")]),
    # organization chunks end in an organization head
    ("宋大伟 中国科学院科技战略咨询研究院 北京 100190",
     [("宋大伟", "PERSON"), ("中国科学院科技战略咨询研究院", "ORG"), ("北京", "PLACE")]),
    ("翟繼光:中國政法大學民商經濟法學院副教授,北京大學法學博士",
     [("翟繼光", "PERSON"), ("中國政法大學民商經濟法學院", "ORG"), ("北京大學", "ORG")]),
    # lexicon terms; generic words are not terms
    ("权力清单制度是国家治理体系的重要问题和发展方向", [("权力清单制度", "TERM"), ("国家治理体系", "TERM")]),
]


@pytest.mark.parametrize("text,expected", ZH_CASES)
def test_zh_entities_found(nlp_zh, text, expected):
    assert spans(nlp_zh(text)) == expected


VI_CASES = [
    ("Đảng Cộng sản Việt Nam kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.",
     [("Đảng Cộng sản Việt Nam", "ORG"), ("chủ nghĩa Mác - Lênin", "TERM"), ("tư tưởng Hồ Chí Minh", "TERM")]),
    ("Tạo dựng các video clip có giao diện giống của Đài Truyền hình Việt Nam.", [("Đài Truyền hình Việt Nam", "ORG")]),
    ("Chúng vu cáo Đảng vi phạm tự do, dân chủ, nhân quyền và kích động “tự diễn biến”.",
     [("Đảng", "ORG"), ("dân chủ", "TERM"), ("nhân quyền", "TERM"), ("tự diễn biến", "TERM")]),
    ("Tổng Bí thư Nguyễn Phú Trọng đã đến thăm Hà Lan và Na Uy.",
     [("Nguyễn Phú Trọng", "PERSON"), ("Hà Lan", "PLACE"), ("Na Uy", "PLACE")]),
]


@pytest.mark.parametrize("text,expected", VI_CASES)
def test_vi_entities_found(nlp_vi, text, expected):
    assert spans(nlp_vi(text)) == expected


EN_CASES = [
    ("SONG Dawei Senior Economist, Distinguished Researcher at Institutes of Science and Development, "
     "Chinese Academy of Sciences (CAS).",
     [("SONG Dawei", "PERSON"), ("Institutes of Science and Development", "ORG"),
      ("Chinese Academy of Sciences", "ORG"), ("CAS", "ORG")]),
    ("Hence, it helps China to elevate overall industry competitiveness.", [("China", "PLACE")]),
    ("The talks were led by President Joe Biden in Vietnam.", [("Joe Biden", "PERSON"), ("Vietnam", "PLACE")]),
    ("Neoliberalism is the ideology of capitalism.", [("Neoliberalism", "TERM"), ("ideology", "TERM"), ("capitalism", "TERM")]),
]


@pytest.mark.parametrize("text,expected", EN_CASES)
def test_en_entities_found(nlp_en, text, expected):
    assert spans(nlp_en(text)) == expected


def test_zh_lexicon_spans_carry_concept_ids(nlp_zh):
    doc = nlp_zh("資本主義和社会主义")
    assert [(s.text, s.kb_id_) for s in doc.spans["kg"]] == [("資本主義", "capitalism"), ("社会主义", "socialism")]


@pytest.mark.parametrize("lang", ["zh", "vi", "en"])
def test_factories_resolve_from_blank_pipeline_without_import(lang):
    # A user's own pipeline finds the component through the entry point, with no policykg import.
    code = (
        "import spacy, sys; cfg = {'nlp': {'tokenizer': {'use_pyvi': True}}} if sys.argv[1] == 'vi' else {};"
        "nlp = spacy.blank(sys.argv[1], config=cfg); nlp.add_pipe('kg_entities');"
        "print(type(nlp.get_pipe('kg_entities')).__module__)"
    )
    out = subprocess.run([sys.executable, "-c", code, lang], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"policykg.extractors.{lang}"


def test_unsupported_language_fails_loudly():
    with pytest.raises(ValueError, match=r"\[E002\]"):
        spacy.blank("fr").add_pipe("kg_entities")
