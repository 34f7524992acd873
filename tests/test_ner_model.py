"""The CRF models shipped in ``extractors/models/`` (:mod:`policykg.extractors.ner_model`) and their training.

Sentences come from the seed documents as installed with the package (``policykg.seeds``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

pytest.importorskip("pycrfsuite")

from policykg.extractors.ner_model import (MODEL_FILES, load_ner, model_dir, spans_to_tags,  # noqa: E402
                                           tags_to_spans)
from policykg.extractors.script import to_simplified  # noqa: E402
from policykg.extractors.training import read_uner, train_model  # noqa: E402


def seed_line(name: str, prefix: str) -> str:
    """The first sentence of the first line of seed ``name`` (as installed) that starts with ``prefix``."""
    # policykg.seeds has no __init__.py; importlib.resources cannot read an editable namespace package.
    folder = next(Path(p) for p in find_spec("policykg.seeds").submodule_search_locations if Path(p).is_dir())
    text = (folder / name).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith(prefix))
    return re.match(r".*?(?:。|\. |$)", line).group().rstrip()


def found(lang: str, text: str) -> list[tuple[str, str]]:
    return [(text[s:e], label) for s, e, label in load_ner(lang).predict(text)]


ZH = "004_663e1c1f56c65ac5.txt"
ZH_HANT = "002_bbc09443dadd129c.txt"
CASES = [
    # (lang, seed, start of the line, every span the shipped model finds in its first sentence)
    ("zh", ZH, "宋大伟", [("宋大伟", "PERSON")]),
    ("zh", ZH, "中国科学院科技战略咨询研究院 北京",
     [("中国科学院科技战略咨询研究院", "ORG"), ("北京", "PLACE")]),
    # the ORG stops before the job title 特聘研究员 (the model before possible states ran on into it)
    ("zh", ZH, "宋大伟 中国科学院", [("宋大伟", "PERSON"), ("中国科学院科技战略咨询研究院", "ORG"),
                              ("国务院", "ORG"), ("中国科学院", "ORG"), ("中国", "PLACE")]),
    ("zh", ZH_HANT, "翟繼光:中國政法大學",
     [("翟繼光", "PERSON"), ("中國政法大學民商經濟法學院", "ORG"), ("北京大學", "ORG")]),
    ("zh", ZH_HANT, "鄒祥利:", [("鄒祥利", "PERSON"), ("湖南省衡陽市財政局監督檢查局", "ORG")]),
    ("en", ZH, "SONG Dawei", [("SONG Dawei", "PERSON")]),
    # the model trained with word clusters reads 'Institutes of Science and Development' whole (it stopped
    # after 'Science' before)
    ("en", ZH, "SONG Dawei Senior", [("SONG Dawei", "PERSON"), ("Institutes of Science and Development", "ORG"),
                                    ("Chinese Academy of Sciences", "ORG"),
                                    ("China Innovation Strategy and Policy Research Center", "ORG")]),
]


@pytest.mark.parametrize("lang,seed,prefix,expected", CASES)
def test_ner_model_seed_sentences(lang, seed, prefix, expected):
    assert found(lang, seed_line(seed, prefix)) == expected


def test_ner_model_traditional_equals_simplified():
    text = seed_line(ZH_HANT, "王叢虎:")
    assert load_ner("zh").predict(text) == load_ner("zh").predict(to_simplified(text))


def test_ner_model_offsets_in_multiline_text():
    text = "标题\n\n宋大伟\n中国科学院科技战略咨询研究院 北京 100190"
    assert found("zh", text) == [("宋大伟", "PERSON"), ("中国科学院科技战略咨询研究院", "ORG"), ("北京", "PLACE")]
    assert load_ner("zh").predict("") == [] and load_ner("en").predict(" \n ") == []


def test_ner_model_files_shipped_in_package():
    total = 0
    for lang in ("zh", "en"):
        folder = model_dir(lang)
        for name in (*MODEL_FILES, "README.md", "LICENSE"):
            assert (folder / name).is_file(), folder / name
            total += (folder / name).stat().st_size
        assert "CC BY-SA 4.0" in (folder / "LICENSE").read_text(encoding="utf-8")
        assert json.loads((folder / "config.json").read_text(encoding="utf-8"))["lang"] == lang
    assert total < 30_000_000


SUBPROCESS = r"""
import json, socket, sys
def no_network(*args, **kwargs):
    raise OSError("network used")
socket.socket = no_network
socket.create_connection = no_network
from policykg.extractors.ner_model import load_ner
print(json.dumps([load_ner(lang).predict(text) for lang, text in json.loads(sys.stdin.read())]))
"""


def test_ner_model_deterministic_without_network():
    """Two fresh interpreters with different hash seeds, sockets disabled, give the same spans as this one."""
    inputs = [(lang, seed_line(seed, prefix)) for lang, seed, prefix, _ in CASES]
    expected = [[list(span) for span in load_ner(lang).predict(text)] for lang, text in inputs]
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run([sys.executable, "-c", SUBPROCESS], input=json.dumps(inputs), env=env,
                             capture_output=True, text=True, check=True)
        assert json.loads(out.stdout) == expected


def test_ner_model_missing_file_names_it(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"model\.crfsuite is missing.*policykg\.extractors\.training"):
        load_ner("zh", str(tmp_path))


def test_ner_model_unknown_language():
    with pytest.raises(ValueError, match=r"\[E101\].*'fr'"):
        load_ner("fr")


@pytest.mark.parametrize("tags,spans", [
    (["O", "O"], []),
    (["S-PER"], [(0, 1, "PER")]),
    (["B-ORG", "I-ORG", "E-ORG", "S-LOC"], [(0, 3, "ORG"), (3, 4, "LOC")]),
    (["B-ORG", "E-ORG", "B-LOC", "E-LOC"], [(0, 2, "ORG"), (2, 4, "LOC")]),
])
def test_ner_model_tags_round_trip(tags, spans):
    assert tags_to_spans(tags) == spans
    assert spans_to_tags(len(tags), spans) == tags


IOB2 = """# sent_id = 1
# text = 宋大伟在北京。
1\t宋大伟\tB-PER\t-\t-
2\t在\tO\t-\t-
3\t北京\tB-LOC\t-\t-
4\t。\tO\t-\t-

# sent_id = 2
# text = 中国科学院位于北京。
1\t中国\tB-ORG\t-\t-
2\t科学院\tI-ORG\t-\t-
3\t位于\tO\t-\t-
4\t北京\tB-LOC\t-\t-
5\t。\tO\t-\t-
"""


def test_training_read_uner(tmp_path):
    path = tmp_path / "train.iob2"
    path.write_text(IOB2, encoding="utf-8")
    assert read_uner(path) == [("宋大伟在北京。", [(0, 3, "PER"), (4, 6, "LOC")]),
                               ("中国科学院位于北京。", [(0, 5, "ORG"), (7, 9, "LOC")])]


def test_training_is_deterministic(tmp_path):
    for name in ("uner_zh_gsdsimp", "uner_zh_gsd"):
        (tmp_path / "data" / name).mkdir(parents=True)
        (tmp_path / "data" / name / "train.iob2").write_text(IOB2, encoding="utf-8")
    models = []
    for run in ("a", "b"):
        train_model("zh", tmp_path / "data", tmp_path / run, max_iterations=20)
        models.append([(tmp_path / run / f).read_bytes() for f in MODEL_FILES])
    assert models[0] == models[1]
    assert json.loads((tmp_path / "a" / "config.json").read_text(encoding="utf-8"))["possible_states"] is True
    assert load_ner("zh", str(tmp_path / "a")).predict("宋大伟在北京。") == [(0, 3, "PERSON"), (4, 6, "PLACE")]


def test_training_possible_states_can_be_turned_off(tmp_path):
    for name in ("uner_zh_gsdsimp", "uner_zh_gsd"):
        (tmp_path / "data" / name).mkdir(parents=True)
        (tmp_path / "data" / name / "train.iob2").write_text(IOB2, encoding="utf-8")
    config = train_model("zh", tmp_path / "data", tmp_path / "m", max_iterations=20, possible_states=False)
    assert config["possible_states"] is False
    assert "all possible states" not in (tmp_path / "m" / "README.md").read_text(encoding="utf-8")
