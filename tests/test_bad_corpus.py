"""A corpus of bad input mixed with good documents, built by the real pipeline and by `kg build`.

Every good document lands in the graph with its entities; every bad one is named in
``build-report.json`` (failed or skipped) and on stderr with a reason a person can act on,
and nothing crashes, hangs or eats the machine. The corpus is built once per module.
"""

from __future__ import annotations

import io
import json
import os
import struct
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from policykg.graph import run
from policykg.graph.cli import main
from test_readers import (
    LAUGHS,
    docx_with_document,
    encrypt_pdf,
    make_cfb,
    make_pdf,
    make_zip,
)

IS_ROOT = os.geteuid() == 0

# ---------------------------------------------------------------- good documents


@dataclass(frozen=True)
class Good:
    """A document that must be read: its bytes and names its graph must hold."""

    doc_id: str
    data: bytes
    names: tuple[str, ...]


ZH_HANS = "国务院总理李强在北京会见了世界贸易组织总干事。"
ZH_HANT = "行政院院長卓榮泰在臺北出席中央研究院的會議。"
VI = "Thủ tướng Phạm Minh Chính làm việc với Bộ Tài chính."
VI_2 = "Chủ tịch Hồ Chí Minh và Bộ Chính trị đã họp tại Hà Nội."
EN = "The State Council met the World Trade Organization in Geneva, said John Smith."


def docx_bytes(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def nested_html(depth: int, text: str) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + text.encode() + b"</div>" * depth + b"</body></html>")


def raw_pdf(objects: list[bytes], *, shift_offsets: int = 0) -> bytes:
    """A PDF of the given object bodies (object 1 the catalog); ``shift_offsets`` breaks the xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell() + shift_offsets)
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def helvetica_pdf(content: bytes, *, kids: bytes = b"3 0 R", filters: bytes = b"", shift_offsets: int = 0) -> bytes:
    """One page drawing ``content`` (a content stream, already encoded by ``filters``) in Helvetica."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count 1 >>" % kids,
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
         b"/Contents 4 0 R >>"),
        b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(content), filters, content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ], shift_offsets=shift_offsets)


def text_ops(text: str) -> bytes:
    return b"BT /F1 12 Tf 72 700 Td (%s) Tj ET" % text.encode("cp1252")


GOOD = [
    Good("zh-hans/guowuyuan.txt", ZH_HANS.encode(), ("李强", "世界贸易组织")),
    Good("zh-hant/big5.txt", ZH_HANT.encode("cp950"), ("卓榮泰", "中央研究院")),
    # UTF-16 without a byte-order mark is detected and read, not refused
    Good("vi/utf16-no-bom.txt", VI.encode("utf-16-le"), ("Phạm Minh Chính", "Bộ Tài chính")),
    Good("en/report.md", f"# Notes\n\n{EN}\n".encode(), ("John Smith", "World Trade Organization")),
    Good("good.docx", docx_bytes("中国科学院院长侯建国在上海发表讲话。"), ("侯建国", "中国科学院")),
    Good("good.pdf", make_pdf([[VI_2]]), ("Hồ Chí Minh", "Bộ Chính trị")),
    # a wrong xref table: pypdf repairs it, and says so only in its log, never on our stderr
    Good("repaired.pdf", helvetica_pdf(text_ops("The European Union met the World Bank in Brussels."),
                                       shift_offsets=7), ("World Bank", "Brussels")),
    # as deep as no page should be, but a browser shows its text and so do we
    Good("deep.html", nested_html(100_000, "世界卫生组织总干事谭德塞访问了日内瓦。"), ("谭德塞", "世界卫生组织")),
    # a name that is not UTF-8 gets a readable id
    Good("\\xffname.txt", "Tổng Bí thư Tô Lâm gặp đại biểu tại Hà Nội.".encode(), ("Tô Lâm",)),
]
GOOD_NAMES = {"\\xffname.txt": os.fsdecode(b"\xffname.txt")}  # doc id -> file name, where they differ

# ---------------------------------------------------------------- bad documents


def zip_lying_about_size() -> bytes:
    """A .docx whose document.xml claims 1,000 bytes but inflates to 5 MB (its CRC gives it away)."""
    data = bytearray(make_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * 5_000_000}))
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):  # local, central
        at = data.find(signature)
        while at != -1:
            if data[at + name_at:].startswith(b"word/document.xml"):
                data[at + size_at: at + size_at + 4] = struct.pack("<I", 1000)
            at = data.find(signature, at + 4)
    return bytes(data)


def pdf_bomb() -> bytes:
    """A PDF whose 100 KB content stream inflates to 80 MB, past pypdf's limit."""
    packer = zlib.compressobj(9)
    stream = packer.compress(text_ops("State Council")) + b"".join(
        packer.compress(b" " * 8_000_000) for _ in range(10)) + packer.flush()
    return helvetica_pdf(stream, filters=b"/Filter /FlateDecode")


def broken_every_10_chars(text: str, codec: str, junk: bytes) -> bytes:
    data = text.encode(codec)
    return b"".join(data[i: i + 20] + junk for i in range(0, len(data), 20))


@dataclass(frozen=True)
class Bad:
    """A file the build must refuse, and words its reason must hold."""

    doc_id: str
    make: Callable[[Path], None]
    words: tuple[str, ...]
    root_reads_it: bool = False


def data(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def symlink(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def one_line_of_50_mb(path: Path) -> None:
    with path.open("wb") as stream:
        for _ in range(50):
            stream.write(b"a" * 1024 * 1024)


def unreadable(path: Path) -> None:
    path.write_text(ZH_HANS, encoding="utf-8")
    path.chmod(0)


BAD = [
    Bad("binary.txt", data(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8), ("NUL bytes", "binary data")),
    Bad("empty.txt", data(b""), ("empty", "0 bytes")),
    Bad("whitespace.md", data(" \n\t\r\n\u3000\n".encode()), ("no text", "only whitespace")),
    Bad("controls.txt", data(b"\x1b[0m\x01\x02\x03\x04\x05\x06\x07\x08" * 20 + b" ok"), ("control characters", "binary")),
    Bad("utf8-invalid.txt", data((ZH_HANS * 4).encode() + b"\xc3\x28" + (ZH_HANS * 4).encode()),
        ("UTF-8 except for 1 invalid byte sequence", "damaged")),
    Bad("utf8-cut.txt", data((ZH_HANS * 4).encode()[:-1]), ("middle of a UTF-8 character", "cut short")),
    Bad("gb18030-broken.txt", data(broken_every_10_chars(ZH_HANS * 4, "gb18030", b"\x81\x20")),
        ("GB18030/GBK except for", "invalid byte sequences", "damaged")),
    Bad("gb18030-cut.txt", data((ZH_HANS * 4).encode("gb18030")[:-1]), ("middle of a GB18030/GBK character", "cut short")),
    Bad("big5-broken.txt", data(broken_every_10_chars(ZH_HANT * 4, "cp950", b"\xa1\x20")),
        ("Big5 except for", "invalid byte sequences")),
    Bad("utf16-bom-broken.txt", data(b"\xff\xfe" + VI.encode("utf-16-le") + b"\x00\xd8A\x00"),
        ("UTF-16-LE byte-order mark", "not valid UTF-16-LE", "damaged")),
    # bytes undefined in Windows-1252/1258 that UTF-16 alone would read, as rare Chinese
    Bad("nonsense.txt", data(b"\x81\x8d\x8f\x90\x9d" * 100), ("could not be decoded", "re-save it as UTF-8")),
    Bad("huge-line.txt", one_line_of_50_mb, ("52428800 bytes", "over the limit", "max_bytes")),
    Bad("long-line.md", data(b"ab " * 700_000), ("one line of 2100000 characters", "not prose")),
    Bad("deep-empty.html", data(nested_html(100_000, "")), ("no text",)),
    Bad("truncated.docx", data(docx_bytes(ZH_HANS * 50)[:3000]), ("damaged or truncated", "not a readable zip")),
    Bad("password.docx", data(make_cfb({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00",
                                        "EncryptedPackage": b"\x9c" * 5000})), ("password-protected", "remove the password")),
    Bad("word97.docx", data(make_cfb({"WordDocument": b"\xec\xa5\xc1\x00", "1Table": b"\x00"})), ("Word 97-2003",)),
    Bad("zip-bomb.docx", data(make_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * 30_000_000})),
        ("unpacks", "times larger", "zip bomb")),
    Bad("zip-lies.docx", data(zip_lying_about_size()), ("damaged", "fails its checksum")),
    Bad("entity-bomb.docx", data(docx_with_document(LAUGHS)), ("XML entities", "possibly malicious")),
    Bad("spreadsheet.docx", data(make_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})),
        ("not a Word document",)),
    Bad("encrypted.pdf", data(encrypt_pdf(make_pdf([[VI_2]]), user_password="secret")), ("encrypted with a password",)),
    Bad("image-only.pdf", data(make_pdf([[]], image=True)), ("no text layer", "OCR")),
    Bad("corrupt.pdf", data(make_pdf([[VI_2]])[:400]), ("damaged or not a complete PDF",)),
    Bad("not-a-pdf.pdf", data(b"<html><body>moved</body></html>"), ("not a PDF", "no %PDF- header")),
    Bad("pdf-bomb.pdf", data(pdf_bomb()), ("safety limit", "decompression bomb")),
    Bad("pdf-cycle.pdf", data(helvetica_pdf(text_ops("State Council"), kids=b"2 0 R")), ("damaged", "cyclic")),
    Bad("loop-a.txt", symlink("loop-b.txt"), ("symbolic link that loops", "loop-a.txt -> loop-b.txt -> loop-a.txt")),
    Bad("loop-b.txt", symlink("loop-a.txt"), ("symbolic link that loops",)),
    Bad("dangling.txt", symlink("nowhere.txt"), ("symbolic link to nowhere.txt", "does not exist")),
    Bad("pipe.txt", lambda path: os.mkfifo(path), ("not a regular file", "pipe")),
    Bad("unreadable.txt", unreadable, ("permission denied", "chmod"), root_reads_it=True),
    Bad("vanishing.txt", data(ZH_HANS.encode()), ("does not exist", "moved or deleted")),
]
VANISHING = "vanishing.txt"
SKIPPED = {  # doc id -> reason
    ".hidden.txt": "hidden file",
    "photo.jpg": "unsupported file type .jpg",
    "linked-folder/": "link to a folder, not followed (give the folder itself to read it)",
    "zh-hans/up/": "link to a folder, not followed (give the folder itself to read it)",
}


def present(bad: Bad) -> bool:
    return not (bad.root_reads_it and IS_ROOT)


def make_corpus(folder: Path) -> None:
    """Write every good and bad file (and the skipped ones) under ``folder``."""
    for good in GOOD:
        path = folder / GOOD_NAMES.get(good.doc_id, good.doc_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(good.data)
    for bad in filter(present, BAD):
        bad.make(folder / bad.doc_id)
    (folder / ".hidden.txt").write_text(ZH_HANS, encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / "linked-folder").symlink_to(folder / "zh-hant", target_is_directory=True)
    (folder / "zh-hans" / "up").symlink_to("..", target_is_directory=True)  # a loop, were it followed


@contextmanager
def file_vanishes_after_discovery(folder: Path) -> Iterator[None]:
    """Delete ``vanishing.txt`` right after the build has listed it, as a sync client might."""
    path = folder / VANISHING
    if not path.exists():
        path.write_text(ZH_HANS, encoding="utf-8")
    original = run.discover

    def discover_then_delete(paths):
        found = original(paths)
        assert VANISHING in [f.doc_id for f in found.files]
        path.unlink()
        return found

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(run, "discover", discover_then_delete)
        yield


@dataclass
class Built:
    graph: nx.MultiDiGraph
    report: dict
    messages: list[str]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad-corpus")
    make_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def built(corpus: Path) -> Built:
    messages: list[str] = []
    with file_vanishes_after_discovery(corpus):
        g, report = run.build_corpus([corpus], progress=False, log=messages.append, jobs=1)  # models load here, once
    return Built(g, report, messages)


def node_with(g: nx.MultiDiGraph, name: str) -> dict:
    hits = [a for _, a in g.nodes(data=True) if name in a["aliases"]]
    assert len(hits) == 1, (name, hits)
    return hits[0]


# ---------------------------------------------------------------- the pipeline


@pytest.mark.parametrize("good", GOOD, ids=[g.doc_id for g in GOOD])
def test_bad_corpus_good_document_is_in_the_graph(built: Built, good: Good) -> None:
    assert good.doc_id in built.graph.graph["documents"]
    for name in good.names:
        assert good.doc_id in node_with(built.graph, name)["documents"]


@pytest.mark.parametrize("bad", [pytest.param(b, id=b.doc_id, marks=[pytest.mark.skipif(
    not present(b), reason="root reads any file")]) for b in BAD])
def test_bad_corpus_bad_document_fails_with_its_reason(built: Built, bad: Bad) -> None:
    failed = {f["path"]: f["reason"] for f in built.report["documents"]["failed"]}
    reason = failed[bad.doc_id]
    for words in bad.words:
        assert words in reason, (bad.doc_id, reason)
    assert "Traceback" not in reason and "\n" not in reason
    assert f"kg: failed {bad.doc_id}: {reason}" in built.messages
    assert bad.doc_id not in built.graph.graph["documents"]


def test_bad_corpus_skipped_files_are_reported(built: Built) -> None:
    skipped = {s["path"]: s["reason"] for s in built.report["documents"]["skipped"]}
    assert skipped == SKIPPED
    for path, reason in SKIPPED.items():
        assert f"kg: skipped {path}: {reason}" in built.messages


def test_bad_corpus_report_accounts_for_every_file(built: Built) -> None:
    documents = built.report["documents"]
    bad = [b.doc_id for b in BAD if present(b)]
    assert sorted(f["path"] for f in documents["failed"]) == sorted(bad)
    assert documents["built"] == len(GOOD) == len(built.report["per_document"])
    assert documents["found"] == len(GOOD) + len(bad) + len(SKIPPED)
    assert sorted(built.graph.graph["documents"]) == sorted(g.doc_id for g in GOOD)
    assert len(built.messages) == len(bad) + len(SKIPPED)  # one line per file, nothing else
    per_document = {d["id"]: d for d in built.report["per_document"]}
    assert per_document["vi/utf16-no-bom.txt"]["encoding"] == "utf-16-le"
    assert per_document["zh-hant/big5.txt"]["encoding"] == "cp950"


def test_bad_corpus_paths_given_one_by_one(corpus: Path) -> None:
    """A looping link named on the command line fails like one found in a folder; a folder's links are skipped."""
    messages: list[str] = []
    _, report = run.build_corpus([corpus / "loop-a.txt", corpus / "zh-hans"], progress=False, log=messages.append,
                                 jobs=1)
    documents = report["documents"]
    assert [f["path"] for f in documents["failed"]] == ["loop-a.txt"]
    assert "symbolic link that loops" in documents["failed"][0]["reason"]
    assert documents["skipped"] == [{"path": "up/", "reason": SKIPPED["zh-hans/up/"]}]
    assert [d["id"] for d in report["per_document"]] == ["guowuyuan.txt"]
    assert len(messages) == 2


# ---------------------------------------------------------------- kg build


@pytest.fixture(scope="module")
def cli_build(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("out")
    with file_vanishes_after_discovery(corpus):
        result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out)])
    return result, out


def test_bad_corpus_cli_exit_0_and_names_each_bad_file_on_stderr(cli_build) -> None:
    result, out = cli_build
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    lines = result.stderr.splitlines()
    for failed in report["documents"]["failed"]:
        assert f"kg: failed {failed['path']}: {failed['reason']}" in lines
    for skipped in report["documents"]["skipped"]:
        assert f"kg: skipped {skipped['path']}: {skipped['reason']}" in lines
    # nothing else: no traceback, no library warning without a file name
    assert all(line.startswith(("kg: failed ", "kg: skipped ")) for line in lines), lines
    assert report["documents"]["built"] == len(GOOD)
    assert f"built {len(GOOD)} documents" in result.stdout


def test_bad_corpus_cli_outputs_hold_the_good_documents(cli_build) -> None:
    _, out = cli_build
    g = nx.read_graphml(out / "graph.graphml")
    documents = {d for _, a in g.nodes(data=True) for d in a["documents"].split(" | ")}
    assert documents == {good.doc_id for good in GOOD}
    back = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert sorted(back["graph"]["documents"]) == sorted(good.doc_id for good in GOOD)
    assert nx.read_gexf(out / "graph.gexf").number_of_nodes() == g.number_of_nodes()
    assert (out / "graph.html").stat().st_size > 0


def test_bad_corpus_cli_strict_exits_1_and_still_writes(corpus: Path, tmp_path: Path) -> None:
    with file_vanishes_after_discovery(corpus):
        result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path), "--strict", "-q"])
    assert result.exit_code == 1, result.output
    assert result.stderr == ""  # --quiet: no per-file messages
    report = json.loads((tmp_path / "build-report.json").read_text(encoding="utf-8"))
    assert report["documents"]["built"] == len(GOOD)
    assert (tmp_path / "graph.graphml").exists()


def test_bad_corpus_cli_nothing_good_exits_1(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for bad in BAD[:6]:
        bad.make(corpus / bad.doc_id)
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no document could be built" in result.stderr
    assert all(f"kg: failed {bad.doc_id}: " in result.stderr for bad in BAD[:6])
