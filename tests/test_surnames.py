"""A last name alone is the person named in full in the same document (extractors/surnames.py),
on sentences of ntrex_dev through the whole extraction pipeline."""

from __future__ import annotations

import pytest

from policykg.extractors.pipeline import process_document

pytest.importorskip("pyvi")


def named(text: str) -> list[tuple[str, str]]:
    record = process_document(text, "story.txt")
    return [(m.text, m.label) for m in record.mentions if m.label in ("PERSON", "ORG", "PLACE")]


@pytest.mark.parametrize("text,name", [
    ("Holly Willoughby has left Dragons\" Den star Peter Jones fuming by pulling out of their lucrative "
     "lifestyle brand business at the last minute.\nWilloughby has no time for their homewear and accessories "
     "brand Truly.", "Willoughby"),
    ("电视主持人霍莉·威洛比退出与皮特·琼斯的生活方式品牌企业达成的价值1100万英镑的协议。\n"
     "据消息人士说，电视金牌女将周二在琼斯位于白金汉郡Marlow的商业帝国举行的一次气氛紧张的会议上承认其新达成的交易。", "琼斯"),
])
def test_last_name_alone_is_the_person_named_in_the_document(text, name):
    assert (name, "PERSON") in named(text)
    assert all(label == "PERSON" for n, label in named(text) if n == name)


def test_a_large_place_stays_a_place_beside_a_namesake():
    found = named("George Washington was born in Virginia.\nThe treaty was signed in Washington.")
    assert ("George Washington", "PERSON") in found and ("Washington", "PLACE") in found


def test_without_the_full_name_a_last_name_is_judged_alone():
    from policykg.extractors.surnames import people_by_last_name

    text = "The treaty was signed in Washington.\nWilloughby is a town in Lincolnshire."
    spans = [(25, 35, "PLACE"), (37, 47, "PLACE"), (61, 73, "PLACE")]
    assert people_by_last_name(text, spans) == spans


@pytest.mark.parametrize("misread", ["Nottingham Momentum", "Los Angeles Lakers"])
def test_a_place_misread_as_a_person_retypes_nothing(misread):
    from policykg.extractors.surnames import people_by_last_name

    last = misread.split()[-1]
    text = f"{misread} met. {last} won."
    spans = [(0, len(misread), "PERSON"), (text.index(last, len(misread)), len(text) - 5, "ORG")]
    assert people_by_last_name(text, spans) == spans


def test_a_surname_after_an_initial_is_a_person_but_no_one_in_particular():
    from policykg.extractors.surnames import people_by_last_name

    text = "K.波兰尼和M.波兰尼是兄弟。波兰尼的著作影响很大。"
    spans = [(0, 5, "PERSON"), (6, 11, "PERSON"), (15, 18, "PLACE")]
    assert people_by_last_name(text, spans)[2] == (15, 18, "PERSON")
