"""Checkers for the export tests: the GraphML XSD and a small Cypher reader.

Neo4j is not available here, so Cypher scripts are checked by a reader of our own: it
splits statements the way cypher-shell does (a ``;`` outside strings, quoted names and
comments), rejects unclosed literals and invalid escapes, parses the ``UNWIND`` row
literals back into Python values and matches the rest of each statement against the
exact shape ``write_cypher`` promises.
"""

from __future__ import annotations

import functools
import re

from export_cases import SCHEMA_DIR
from lxml import etree


@functools.cache
def graphml_schema() -> etree.XMLSchema:
    # no_network: the three XSD files refer to each other by relative path
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "graphml.xsd"), parser))


def assert_valid(path) -> etree._ElementTree:
    doc = etree.parse(str(path))
    schema = graphml_schema()
    assert schema.validate(doc), schema.error_log.filter_from_errors()
    return doc


ESCAPES = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


class CypherSyntaxError(AssertionError):
    pass


def split_statements(script: str) -> list[str]:
    """Split on ``;`` outside literals and comments; drop comments; check brackets."""
    statements, current, stack, i = [], [], [], 0
    pairs = {"(": ")", "[": "]", "{": "}"}
    while i < len(script):
        c = script[i]
        if script.startswith("//", i):
            end = script.find("\n", i)
            i = len(script) if end == -1 else end
            continue
        if c in "'\"`":
            end = _literal_end(script, i)
            current.append(script[i:end])
            i = end
            continue
        if c in pairs:
            stack.append(pairs[c])
        elif c in ")]}":
            if not stack or stack.pop() != c:
                raise CypherSyntaxError(f"unbalanced {c!r} at {i}")
        elif c == ";":
            if stack:
                raise CypherSyntaxError(f"';' inside brackets at {i}")
            statements.append("".join(current).strip())
            current, i = [], i + 1
            continue
        current.append(c)
        i += 1
    if "".join(current).strip():
        raise CypherSyntaxError("last statement has no ';'")
    return statements


def _literal_end(text: str, start: int) -> int:
    """Return the index after the string or back-quoted name starting at ``start``."""
    quote, i = text[start], start + 1
    while i < len(text):
        c = text[i]
        if quote == "`":
            if c == "`":
                if text.startswith("``", i):
                    i += 2
                    continue
                return i + 1
        elif c == "\\":
            _escape(text, i)
            i += 6 if text[i + 1] == "u" else 10 if text[i + 1] == "U" else 2
            continue
        elif c == quote:
            return i + 1
        elif c in "\n\r":
            raise CypherSyntaxError(f"raw line break in string at {i}")  # the writer escapes them
        i += 1
    raise CypherSyntaxError(f"unclosed {quote} literal from {start}")


def _escape(text: str, i: int) -> str:
    kind = text[i + 1 : i + 2]
    if kind in ESCAPES:
        return ESCAPES[kind]
    if kind == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 2 : i + 6]):
        return chr(int(text[i + 2 : i + 6], 16))
    if kind == "U" and re.fullmatch(r"[0-9a-fA-F]{8}", text[i + 2 : i + 10]):
        return chr(int(text[i + 2 : i + 10], 16))
    raise CypherSyntaxError(f"invalid escape {text[i : i + 6]!r}")


class LiteralParser:
    """Parse a Cypher literal: list, map, string, number, boolean, null."""

    NUMBER = re.compile(r"-?(?:\d+\.\d+|\d+|\.\d+)(?:[eE]-?\d+)?")
    NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

    def __init__(self, text: str):
        self.text, self.i = text, 0

    def skip(self) -> None:
        while self.i < len(self.text) and self.text[self.i].isspace():
            self.i += 1

    def expect(self, token: str) -> None:
        self.skip()
        if not self.text.startswith(token, self.i):
            raise CypherSyntaxError(f"expected {token!r} at {self.text[self.i : self.i + 30]!r}")
        self.i += len(token)

    def value(self):
        self.skip()
        c = self.text[self.i]
        if c == "[":
            return self.sequence("[", "]", self.value)
        if c == "{":
            return dict(self.sequence("{", "}", self.entry))
        if c in "'\"":
            return self.string()
        for word, result in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.i):
                self.i += len(word)
                return result
        match = self.NUMBER.match(self.text, self.i)
        if not match:
            raise CypherSyntaxError(f"no literal at {self.text[self.i : self.i + 30]!r}")
        self.i = match.end()
        number = match.group()
        return float(number) if any(c in number for c in ".eE") else int(number)

    def sequence(self, open_: str, close: str, item):
        self.expect(open_)
        items = []
        self.skip()
        if self.text.startswith(close, self.i):
            self.i += 1
            return items
        while True:
            items.append(item())
            self.skip()
            if self.text.startswith(close, self.i):
                self.i += 1
                return items
            self.expect(",")

    def entry(self):
        self.skip()
        if self.text[self.i] == "`":
            end = _literal_end(self.text, self.i)
            key = self.text[self.i + 1 : end - 1].replace("``", "`")
            self.i = end
        else:
            match = self.NAME.match(self.text, self.i)
            if not match:
                raise CypherSyntaxError(f"bad map key at {self.text[self.i : self.i + 30]!r}")
            key, self.i = match.group(), match.end()
        self.expect(":")
        return key, self.value()

    def string(self) -> str:
        end = _literal_end(self.text, self.i)
        body, out, j = self.text[self.i + 1 : end - 1], [], 0
        while j < len(body):
            if body[j] == "\\":
                out.append(_escape(body, j))
                j += 6 if body[j + 1] == "u" else 10 if body[j + 1] == "U" else 2
            else:
                out.append(body[j])
                j += 1
        self.i = end
        return "".join(out)


NAME = r"`(?:[^`]|``)+`"
CONSTRAINT = (
    "CREATE CONSTRAINT policykg_entity_id IF NOT EXISTS FOR (n:`Entity`) REQUIRE n.id IS UNIQUE"
)
NODE_TAIL = re.compile(
    rf"AS row\nMERGE \(n:`Entity` \{{id: row\.id\}}\)\n"
    rf"SET (?:n:(?P<label>{NAME}), )?n \+= row\.props"
)
EDGE_TAIL = re.compile(
    r"AS row\nMATCH \(a:`Entity` \{id: row\.source\}\), \(b:`Entity` \{id: row\.target\}\)\n"
    rf"MERGE \(a\)-\[r:(?P<type>{NAME}) \{{id: row\.id\}}\]->\(b\)\nSET r \+= row\.props"
)


def load_script(script: str):
    """Check every statement; return (nodes, edges) as Neo4j would hold them."""
    statements = split_statements(script)
    assert statements[0] == CONSTRAINT
    nodes, edges = {}, {}
    for statement in statements[1:]:
        assert statement.startswith("UNWIND ")
        parser = LiteralParser(statement)
        parser.expect("UNWIND")
        rows = parser.value()
        tail = statement[parser.i :].strip()
        if node := NODE_TAIL.fullmatch(tail):
            labels = ["Entity"] + (
                [node["label"][1:-1].replace("``", "`")] if node["label"] else []
            )
            for row in rows:
                assert row.keys() == {"id", "props"} and row["id"] not in nodes
                nodes[row["id"]] = (labels, row["props"])
        elif edge := EDGE_TAIL.fullmatch(tail):
            rel_type = edge["type"][1:-1].replace("``", "`")
            for row in rows:
                assert row.keys() == {"id", "source", "target", "props"} and row["id"] not in edges
                assert row["source"] in nodes and row["target"] in nodes  # nodes come first
                edges[row["id"]] = (row["source"], row["target"], rel_type, row["props"])
        else:
            raise CypherSyntaxError(f"unexpected statement tail {tail!r}")
    return nodes, edges
