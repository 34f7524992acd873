"""The user's alias file: parsing, errors that name file:line, and the round trip merge → forbid → rebuild."""

from __future__ import annotations

import pytest

from policykg.graph.aliases import AliasFileError, parse_aliases, read_aliases
from policykg.graph.build import build_graph
from policykg.graph.resolve import resolve

from test_resolve import SEED_000_BAUER, SEED_000_BAUER_SHORT, SEED_004_EN, SEED_004_ZH, record, together

MALFORMED = [
    ("merg,a,b\n", "[E101] aliases.csv:1: unknown action 'merg'."),
    ("# comment\nmerge,宋大伟\n", "[E102] aliases.csv:2: merge needs two names."),
    ("never,a,b,PERSON\n", "[E103] aliases.csv:1: too many fields for never."),
    ("merge,a,b,PEOPLE\n", "[E104] aliases.csv:1: unknown type 'PEOPLE'; use one of PERSON, ORG, PLACE, WORK, TERM or leave it out."),
    ("merge,國務院,國務院\n", "[E105] aliases.csv:1: both names are '國務院'; give two different names."),
    ("merge,a,b\n\nnever,b,a\n", "[E108] aliases.csv:3: 'b' and 'a' are both merged and kept apart (see line 1); delete one of the two rows."),
    ("type,CNN\n", "[E102] aliases.csv:1: type needs a name and a type."),
    ("type,CNN,ORG,PLACE\n", "[E103] aliases.csv:1: too many fields for type."),
    ("type,CNN,CHANNEL\n", "[E104] aliases.csv:1: unknown type 'CHANNEL'; use one of PERSON, ORG, PLACE, WORK, TERM."),
    ("type,CNN,ORG\ntype,cnn,PLACE\n", "[E109] aliases.csv:2: 'cnn' is given type PLACE here and ORG on line 1; delete one of the two rows."),
]


@pytest.mark.parametrize("text,message", MALFORMED)
def test_aliases_malformed_rows_name_file_and_line(text, message):
    with pytest.raises(AliasFileError) as info:
        parse_aliases(text, source="aliases.csv")
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_aliases_csv_header_comments_quotes():
    table = parse_aliases('action,a,b,type\n# people\nmerge,"Lee, Kai-Fu",李开复,person\n\nnever,K.波兰尼,M.波兰尼\n')
    assert [(r.action, r.a, r.b, r.type, r.line) for r in table.rows] == [
        ("merge", "Lee, Kai-Fu", "李开复", "PERSON", 3), ("never", "K.波兰尼", "M.波兰尼", "", 5)]


def test_aliases_type_rows():
    table = parse_aliases("type,CNN,org\nmerge,宋大伟,Song Dawei\ntype,國務院,ORG\n")
    assert {form: (r.type, r.line) for form, r in table.types.items()} == {"cnn": ("ORG", 1), "国务院": ("ORG", 3)}
    assert [r.action for r in table.merges] == ["merge"] and table.never == []


def test_aliases_yaml(tmp_path):
    pytest.importorskip("yaml")
    path = tmp_path / "aliases.yaml"
    path.write_text("- merge: [宋大伟, Song Dawei, PERSON]\n- never: [K.波兰尼, M.波兰尼]\n- type: [CNN, ORG]\n",
                    encoding="utf-8")
    table = read_aliases(path)
    assert [(r.action, r.a, r.b, r.type, r.line) for r in table.rows] == [
        ("merge", "宋大伟", "Song Dawei", "PERSON", 1), ("never", "K.波兰尼", "M.波兰尼", "", 2), ("type", "CNN", "", "ORG", 3)]
    path.write_text("- merge: [a, b]\n- never: {a: b}\n", encoding="utf-8")
    with pytest.raises(AliasFileError, match=r"aliases.yaml:2: expected `- merge: \[NAME_A, NAME_B, TYPE\]`"):
        read_aliases(path)


def test_aliases_missing_and_undecodable_files(tmp_path):
    with pytest.raises(AliasFileError, match=r"nope.csv:0: no such alias file"):
        read_aliases(tmp_path / "nope.csv")
    bad = tmp_path / "gbk.csv"
    bad.write_bytes("merge,宋大伟,Song Dawei\n".encode("gbk"))
    with pytest.raises(AliasFileError, match=r"gbk.csv:1: not UTF-8 text"):
        read_aliases(bad)


def build(records, table=None):
    key = table.entity_key if table is not None else None
    g = build_graph(records, key=key) if key else build_graph(records)
    return resolve(g, aliases=table, records=records)


BAUER = record("000.txt", [(SEED_000_BAUER, "zh-Hans"), (SEED_000_BAUER_SHORT, "zh-Hans")],
               [("H.鲍尔", "PERSON", 0), ("鲍尔", "PERSON", 1)])
SONG = record("004.txt", [(SEED_004_ZH, "zh-Hans"), (SEED_004_EN, "en")], [("宋大伟", "PERSON", 0), ("SONG Dawei", "PERSON", 1)])
STATE_COUNCIL = [record("a.zh-Hant.txt", [("黨中央和國務院應當對此有清醒的認識。", "zh-Hant")], [("國務院", "ORG", 0)]),
                 record("b.zh-Hans.txt", [("国务院印发了《中国制造2025》。", "zh-Hans")], [("国务院", "ORG", 0)])]


def test_aliases_round_trip_merge_forbid_rebuild(tmp_path):
    g, merges = build([BAUER])
    assert together(g, "H.鲍尔", "鲍尔")
    row = next(m for m in merges if m.rule == "short-form")
    # undo the merge from its merges.csv row, then merge another pair by hand
    path = tmp_path / "aliases.csv"
    path.write_text(f"never,{row.surface_a},{row.surface_b}\nmerge,鲍尔,Bauer,PERSON\n", encoding="utf-8")
    table = read_aliases(path)
    bauer = record("x.en.txt", [("Bauer criticised Mises in 1923.", "en")], [("Bauer", "PERSON", 0)])
    g, merges = build([BAUER, bauer], table)
    assert not together(g, "H.鲍尔", "鲍尔")
    assert together(g, "鲍尔", "Bauer")
    assert [(m.rule, m.doc, m.sentence) for m in merges if m.rule == "alias-file"] == [
        ("alias-file", f"{path}:2", "merge,鲍尔,Bauer,PERSON")]
    # rebuilding with the same file gives the same graph
    g2, _ = build([BAUER, bauer], read_aliases(path))
    assert sorted(g.nodes(data="aliases")) == sorted(g2.nodes(data="aliases"))


def test_aliases_never_splits_names_the_builder_keys_together():
    g, _ = build(STATE_COUNCIL)
    assert together(g, "國務院", "国务院")
    g, _ = build(STATE_COUNCIL, parse_aliases("never,國務院,国务院\n"))
    assert sorted(a for _, a in g.nodes(data="label")) == ["国务院", "國務院"]


def test_aliases_never_beats_every_rule():
    g, merges = build([SONG], parse_aliases("never,SONG Dawei,宋大伟\n"))
    assert not together(g, "宋大伟", "SONG Dawei") and [m for m in merges if m.rule == "pinyin"] == []


def test_aliases_merge_respects_type():
    rec = record("a.txt", [("Washington said Washington would not pay.", "en"), ("华盛顿说", "zh-Hans")],
                 [("Washington", "PERSON", 0), ("Washington", "PLACE", 0), ("华盛顿", "PLACE", 1)])
    g, _ = build([rec], parse_aliases("merge,华盛顿,Washington,PLACE\n"))
    assert sorted((a["type"], a["aliases"]) for _, a in g.nodes(data=True)) == [
        ("PERSON", ["Washington"]), ("PLACE", ["华盛顿", "Washington"])]
