"""Tests for ``extractors/readers.py``: real files of every format in ``tmp_path``, good and bad."""

from __future__ import annotations

import importlib.util
import io
import os
import pickle
import re
import struct
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from policykg.extractors.encodings import encode_cp1258, encode_viscii
from policykg.extractors.readers import (
    SUPPORTED_SUFFIXES,
    DocumentError,
    RawDocument,
    html_visible_text,
    read_document,
)

needs_cryptography = pytest.mark.skipif(importlib.util.find_spec("cryptography") is None,
                                        reason="AES in pypdf needs cryptography")
VI = "Nhận diện, đấu tranh hiệu quả các quan điểm sai trái, thù địch trong tình hình mới."
ZH_HANS = "新自由主义是21世纪资本主义的核心意识形态。"
ZH_HANT = "重大突發事件中的社會組織參與對我國應急管理制度變遷有著重要影響。"


# ---------------------------------------------------------------- builders of real files


def make_pdf(pages: list[list[str]], *, image: bool = False, helvetica: bool = False) -> bytes:
    """Return a PDF whose pages show the given lines.

    Text is drawn in a Type0 font (Identity-H) whose ToUnicode map gives each character its
    code point, as PDF writers do for CJK and Vietnamese; no glyphs are embedded. With
    ``helvetica`` the lines are drawn in the standard Type1 font instead (Latin-1 text only).
    ``image`` paints a 1x1 grey image over each page, as a scanner would.
    """
    chars = sorted({c for page in pages for line in page for c in line})
    cid = {c: i + 1 for i, c in enumerate(chars)}
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(chars)} beginbfchar\n" + "".join(f"<{cid[c]:04X}> <{c.encode('utf-16-be').hex()}>\n" for c in chars)
            + "endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n").encode()
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: bytes = b"") -> bytes:
        return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data)

    catalog, tree = add(b""), add(b"")
    if helvetica:
        font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    else:
        descriptor = add(b"<< /Type /FontDescriptor /FontName /KGTest /Flags 4 /FontBBox [0 -200 1000 900] "
                         b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>")
        cidfont = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /KGTest /CIDToGIDMap /Identity "
                      b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                      b"/FontDescriptor %d 0 R /DW 1000 >>" % descriptor)
        font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /KGTest /Encoding /Identity-H "
                   b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cidfont, add(stream(cmap))))
    picture = add(stream(b"\x80", b" /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                                  b"/BitsPerComponent 8")) if image else 0
    kids = []
    for page in pages:
        ops = [b"q 612 0 0 792 0 0 cm /Im1 Do Q"] if image else []
        for n, line in enumerate(page):
            hexed = "".join(f"{cid[c]:04X}" for c in line).encode()
            shown = b"(%s)" % line.encode("cp1252") if helvetica else b"<%s>" % hexed
            ops.append(b"BT /F1 12 Tf 72 %d Td %s Tj ET" % (720 - 20 * n, shown))
        resources = b"/Font << /F1 %d 0 R >>" % font + (b" /XObject << /Im1 %d 0 R >>" % picture if image else b"")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << %s >> /Contents %d 0 R >>"
                        % (tree, resources, add(stream(b"\n".join(ops))))))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = io.BytesIO(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (n, body))
    xref = out.tell()
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"xref\n0 %d\n0000000000 65535 f \n%s" % (len(objects) + 1, table))
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


def encrypt_pdf(data: bytes, *, user_password: str, algorithm: str = "RC4-128") -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_cfb(streams: dict[str, bytes]) -> bytes:
    """Return a Compound File Binary (MS-CFB v3, 512-byte sectors) holding up to three streams.

    This is the container of Word 97-2003 files and of password-protected .docx files.
    Streams are padded to the 4096-byte cutoff so none needs the mini stream.
    """
    free, end, none = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFF
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # CFB's sibling order
    fat, starts, body = [0xFFFFFFFD, end], [], b""  # sector 0: the FAT, sector 1: the directory
    for name in names:
        data = streams[name].ljust(4096, b"\0")
        count = -(-len(data) // 512)
        starts.append(len(fat))
        fat += [len(fat) + k + 1 for k in range(count - 1)] + [end]
        body += data.ljust(count * 512, b"\0")

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, none, right, child) + bytes(36) \
            + struct.pack("<IQ", start, size)

    entries = [entry("Root Entry", 5, 1, none, end, 0)] + [
        entry(name, 2, none, i + 2 if i + 1 < len(names) else none, starts[i], max(4096, len(streams[name])))
        for i, name in enumerate(names)]
    entries += [bytes(68) + struct.pack("<III", none, none, none) + bytes(48)] * (4 - len(entries))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<10I", 0, 1, 1, 0, 4096, end, 0, end, 0, 0) + struct.pack("<I", free) * 108)
    return header + struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff") + b"".join(entries) + body


NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape", "v": "urn:schemas-microsoft-com:vml"}


def add_text_box(paragraph, text: str) -> None:
    """Anchor a text box to ``paragraph`` with the nesting Word writes (attributes left out): DrawingML, plus
    a VML copy as fallback."""

    def nest(parent, *tags: str):
        for tag in tags:
            prefix, name = tag.split(":")
            parent = etree.SubElement(parent, f"{{{NS[prefix]}}}{name}")
        return parent

    alternate = nest(paragraph._p, "w:r", "mc:AlternateContent")
    drawn = nest(alternate, "mc:Choice")
    drawn.set("Requires", "wps")
    for box in (nest(drawn, "w:drawing", "wp:anchor", "a:graphic", "a:graphicData", "wps:wsp", "wps:txbx"),
                nest(alternate, "mc:Fallback", "w:pict", "v:shape", "v:textbox")):
        nest(box, "w:txbxContent", "w:p", "w:r", "w:t").text = text


def make_docx() -> bytes:
    """A Word document with headings, paragraphs, a table (merged and nested cells) and tracked changes."""
    document = docx.Document()
    document.add_heading("Điều 1. Phạm vi điều chỉnh", level=1)
    document.add_paragraph(VI)
    add_text_box(document.add_paragraph("Xem khung:"), "Khung văn bản 文本框")
    document.add_paragraph("")  # spacing paragraph: no line
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "国务院"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "國務院（合併）"
    table.cell(1, 0).text = "Hà Nội"
    table.cell(1, 1).text = "第一段"
    table.cell(1, 1).add_paragraph("第二段")
    table.cell(1, 2).add_table(rows=1, cols=1).cell(0, 0).text = "嵌套表格"
    paragraph = document.add_paragraph("Tracked: ")
    for tag, word in (("w:ins", "inserted"), ("w:del", "deleted")):
        change = OxmlElement(tag, attrs={qn("w:id"): "1", qn("w:author"): "kg"})
        run, text = OxmlElement("w:r"), OxmlElement("w:delText" if tag == "w:del" else "w:t")
        text.text = word
        run.append(text)
        change.append(run)
        paragraph._p.append(change)
    document.add_paragraph(ZH_HANS).add_run("\tTab và\u00a0NBSP")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


DOCX_LINES = ["Điều 1. Phạm vi điều chỉnh", VI, "Xem khung:", "Khung văn bản 文本框", "国务院", "國務院（合併）",
              "Hà Nội", "第一段", "第二段", "", "嵌套表格", "Tracked: inserted", ZH_HANS + "\tTab và\u00a0NBSP"]


def make_zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out.getvalue()


# ---------------------------------------------------------------- reading each format


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_readers_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == frozenset({".txt", ".md", ".html", ".htm", ".docx", ".pdf"})


TEXT_FILES = [  # (name, bytes, expected RawDocument)
    ("a.txt", ZH_HANS.encode("gbk"), RawDocument(ZH_HANS, "txt", "gb18030")),
    ("b.TXT", ZH_HANT.encode("cp950"), RawDocument(ZH_HANT, "txt", "cp950")),
    ("c.txt", encode_viscii(VI), RawDocument(VI, "txt", "viscii")),
    ("d.txt", encode_cp1258(VI), RawDocument(encode_cp1258(VI).decode("cp1258"), "txt", "cp1258")),
    ("e.txt", ("\ufeff" + VI + "\r\n").encode("utf-8"), RawDocument(VI + "\r\n", "txt", "utf-8-sig")),
    ("f.txt", ("\ufeff" + ZH_HANS).encode("utf-16"), RawDocument(ZH_HANS, "txt", "utf-16-le")),
    ("g.md", f"# Tiêu đề\n\n- {VI}\n- **{ZH_HANS}**\n".encode(),
     RawDocument(f"# Tiêu đề\n\n- {VI}\n- **{ZH_HANS}**\n", "md", "utf-8")),
]


@pytest.mark.parametrize("name,data,expected", TEXT_FILES)
def test_readers_text_files(tmp_path: Path, name: str, data: bytes, expected: RawDocument) -> None:
    assert read_document(write(tmp_path, name, data)) == expected


PAGE = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>标题不显示</title>
<style>p {{ color: red }}</style><script>var x = "不显示";</script></head>
<body>
  <!-- 注释不显示 -->
  <h1>  国务院   关于
      加强数字政府建设的指导意见 </h1>
  <div><p>{ZH_HANS}</p><p>第一行<br>第二行<br><br>第四行</p></div>
  <noscript>请启用脚本</noscript><template><p>模板</p></template><p hidden>隐藏</p>
  <ul><li>一、总体要求</li><li>二、主要任务 &amp; 措施&nbsp;。</li></ul>
  <pre>代码  保留
  缩进</pre>
  <table><tr><td>单元格一</td><td>单元格二</td></tr></table>文末<span>内联</span>文字
</body></html>"""
PAGE_TEXT = (f"国务院 关于 加强数字政府建设的指导意见\n{ZH_HANS}\n第一行\n第二行\n\n第四行\n一、总体要求\n"
             "二、主要任务 & 措施\u00a0。\n代码  保留\n  缩进\n单元格一\n单元格二\n文末内联文字")

HTML_FILES = [  # (name, bytes, expected RawDocument)
    ("page.html", PAGE.encode("gbk"), RawDocument(PAGE_TEXT, "html", "gb18030")),
    ("page.htm", PAGE.replace("gb2312", "utf-8").encode("gbk"), RawDocument(PAGE_TEXT, "html", "gb18030")),
    ("vi.html", encode_viscii(f'<?xml version="1.0" encoding="x-viet-viscii"?><html><body><p>{VI}</p></body></html>'),
     RawDocument(VI, "html", "viscii")),
    ("big5.htm", f"<meta charset=big5><p>{ZH_HANT}</p>".encode("cp950"), RawDocument(ZH_HANT, "html", "cp950")),
]


@pytest.mark.parametrize("name,data,expected", HTML_FILES)
def test_readers_html_visible_text(tmp_path: Path, name: str, data: bytes, expected: RawDocument) -> None:
    assert read_document(write(tmp_path, name, data)) == expected


MARKUP = [  # (markup, what a browser shows)
    ("a <b>bold</b>  c", "a bold c"),
    ("<p>a<br></p><p>b</p>", "a\nb"),  # a <br> that ends a block adds no line
    ("<br>a<br><br>b", "a\n\nb"),
    ("<div><div>  <p>x</p>  </div>\n\n<p>y</p></div>", "x\ny"),
    ("<p>中<ruby>国<rt>guó</rt></ruby></p>", "中国guó"),  # pinyin annotations show; normalize.py drops them
    ("<p>x\u00a0\u3000y</p><textarea>  keep\n  this</textarea>", "x\u00a0\u3000y\n  keep\n  this"),
    ("<p hidden>no</p><p><![CDATA[no]]>yes<!-- no --></p>", "yes"),
    ("<td>a</td><td>b</td>", "a\nb"),
]


@pytest.mark.parametrize("markup,text", MARKUP)
def test_readers_html_visible_text_rules(markup: str, text: str) -> None:
    assert html_visible_text(markup) == text


def browser_text_by_tree(markup: str) -> str:
    """The visible text by walking BeautifulSoup's tree: what ``html_visible_text`` did before it streamed."""
    from bs4 import BeautifulSoup
    from bs4.element import NavigableString, PreformattedString, Tag

    block, brk, kept = "\ufdd0", "\ufdd1", "\ufdd2"
    pieces: list[str] = []
    stack = [(iter(BeautifulSoup(markup, "lxml").contents), "", False)]
    while stack:
        children, name, verbatim = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            pieces += [block] if name in HTML_BLOCKS else []
        elif isinstance(child, Tag):
            if child.name in HTML_SKIP or child.has_attr("hidden"):
                continue
            if child.name == "br":
                pieces.append(brk)
                continue
            pieces += [block] if child.name in HTML_BLOCKS else []
            stack.append((iter(child.contents), child.name, verbatim or child.name in HTML_VERBATIM))
        elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
            pieces.append(child.replace(" ", kept) if verbatim else re.sub("[ \t\n\f\r]+", " ", child))
    text = re.sub(f" *{block}[ {block}]*", block, "".join(pieces))
    text = re.sub(f" *{brk} *", brk, text).replace(brk + block, block)
    return text.strip(f" {block}{brk}").replace(block, "\n").replace(brk, "\n").replace(kept, " ")


HTML_SKIP = {"script", "style", "noscript", "template", "head", "title"}
HTML_BLOCKS = set("address article aside blockquote body caption dd details dialog dir div dl dt fieldset figcaption "
                  "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre "
                  "section summary table tbody td tfoot th thead tr ul".split())
HTML_VERBATIM = {"pre", "textarea", "listing", "plaintext"}
TAGS = sorted(HTML_SKIP | HTML_VERBATIM | {"p", "div", "span", "b", "br", "td", "tr", "table", "li", "img", "svg",
                                          "select", "option", "xmp", "iframe", "html", "body"})
MARKUP_PIECES = st.one_of(
    st.builds("<{}{}>".format, st.sampled_from(TAGS), st.sampled_from(["", " hidden", " class=a", ' x="<p>"'])),
    st.builds("</{}>".format, st.sampled_from(TAGS)),
    st.sampled_from(["x", "国务院", " ", "  ", "\n", "\t", "\r\n", "\xa0", "\u3000", "&amp;", "&nbsp;", "&#xFFFE;",
                     "<!-- c -->", "<![CDATA[cd]]>", "<?php x ?>", "<!DOCTYPE html>", "<", ">", "&", "\x0c"]),
)


@settings(max_examples=300, deadline=None)
@given(markup=st.lists(MARKUP_PIECES, max_size=40).map("".join))
def test_readers_html_visible_text_matches_the_tree_walk(markup: str) -> None:
    assert html_visible_text(markup) == browser_text_by_tree(markup)


@pytest.mark.parametrize("markup", [
    "<div>" * 200_000 + "国务院" + "</div>" * 200_000,  # closed
    "<span><b>" * 100_000 + "国务院",  # never closed
    "<div>x</div>" * 100_000 + "国务院",  # wide, not deep
])
def test_readers_html_deep_or_huge_markup_in_small_memory(markup: str) -> None:
    tracemalloc.start()
    try:
        text = html_visible_text(markup)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert text.endswith("国务院")
    assert peak < 8 * len(markup)  # a tree of Python objects took 50 to 130 times the markup


def test_readers_html_lone_surrogate_is_replaced() -> None:
    assert html_visible_text("<p>a\ud800b</p>") == "a\ufffdb"


def test_readers_docx_paragraphs_and_cells_in_order(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "quyet-dinh.docx", make_docx()))
    assert document == RawDocument("\n".join(line for line in DOCX_LINES if line), "docx", None)


PDFS = [  # (pages, pdf options, expected text): pages joined by a blank line
    ([["Điều 1. Phạm vi điều chỉnh", ZH_HANS], [ZH_HANT]], {}, f"Điều 1. Phạm vi điều chỉnh\n{ZH_HANS}\n\n{ZH_HANT}"),
    ([["State Council notice", "Second line"], ["Page two"]], {"helvetica": True},
     "State Council notice\nSecond line\n\nPage two"),
    ([[VI]], {"image": True}, VI),
]


@pytest.mark.parametrize("pages,options,expected", PDFS)
def test_readers_pdf_text_layer(tmp_path: Path, pages: list[list[str]], options: dict, expected: str) -> None:
    path = write(tmp_path, "van-ban.pdf", make_pdf(pages, **options))
    assert read_document(path) == RawDocument(expected, "pdf", None)


@pytest.mark.parametrize("algorithm", ["RC4-128", pytest.param("AES-256", marks=needs_cryptography)])
def test_readers_pdf_encrypted_with_empty_user_password_reads(tmp_path: Path, algorithm: str) -> None:
    data = encrypt_pdf(make_pdf([[ZH_HANS]]), user_password="", algorithm=algorithm)
    assert pypdf.PdfReader(io.BytesIO(data)).is_encrypted
    assert read_document(write(tmp_path, "open.pdf", data)) == RawDocument(ZH_HANS, "pdf", None)


@needs_cryptography
def test_readers_pdf_aes_with_password_is_refused(tmp_path: Path) -> None:
    data = encrypt_pdf(make_pdf([[ZH_HANS]]), user_password="secret", algorithm="AES-256")
    with pytest.raises(DocumentError) as raised:
        read_document(write(tmp_path, "locked.pdf", data))
    assert raised.value.reason == ("is encrypted with a password: remove it (e.g. `qpdf --decrypt --password=... "
                                   "in.pdf out.pdf`) and read the copy")


# ---------------------------------------------------------------- bad input


def bomb() -> bytes:
    return make_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:p/>" * 2_000_000})


def many_small_parts() -> bytes:
    return make_zip({f"word/media/part{i}.xml": b"\0" * 900_000 for i in range(15)})


def not_word() -> bytes:
    """The parts of a minimal .xlsx."""
    relations = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
                 b'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                 b'Target="xl/workbook.xml"/></Relationships>')
    return make_zip({"[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
                     "_rels/.rels": relations, "xl/workbook.xml": b"<workbook/>"})


def docx_with_document(xml: bytes) -> bytes:
    """The parts of ``make_docx()`` with another word/document.xml."""
    original = zipfile.ZipFile(io.BytesIO(make_docx()))
    return make_zip({**{name: original.read(name) for name in original.namelist()}, "word/document.xml": xml})


W_DOCUMENT = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e0 "ha">'
          + b"".join(b'<!ENTITY e%d "%s">' % (i + 1, b"&e%d;" % i * 10) for i in range(8)) + b"]>"
          + W_DOCUMENT + b"<w:t>&e8;</w:t></w:r></w:p></w:body></w:document>")
XXE = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       + W_DOCUMENT + b"<w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
DTD_REASON = ("declares a DTD or XML entities in word/document.xml, which Word never writes: refusing it as possibly "
              "malicious (an entity bomb or external entity); save it from Word again")


BAD_FILES = [  # (name, bytes, read_document options, reason)
    ("empty.txt", b"", {}, "is empty (0 bytes): there is nothing to read"),
    ("blank.md", " \n\t\r\n\u3000".encode(), {}, "has no text (only whitespace)"),
    ("blank.html", b"<html><head><title>x</title></head><body> <script>1</script> </body></html>", {},
     "has no text (only whitespace)"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", {},
     "contains NUL bytes (first at byte 8): this is binary data, not text; export the document as UTF-8 text"),
    ("controls.txt", b"\x1b[0m\x01\x02\x03\x04\x05\x06\x07\x08 ok", {},
     "is mostly control characters (60% of 15 characters): this is binary data, not text; "
     "export the document as UTF-8 text"),
    ("noise.txt", bytes(range(0x80, 0x100)) * 4, {},
     "could not be decoded: it does not read as text in UTF-8, UTF-16, GB18030/GBK, Big5, Windows-1258, VISCII "
     "and Windows-1252; re-save it as UTF-8"),
    ("big.txt", b"x" * 101, {"max_bytes": 100}, "is 101 bytes, over the limit of 100: split it or raise max_bytes"),
    ("line.txt", b"short line\n" + b"a" * 50 + b"\nshort", {"max_line_chars": 40},
     "has one line of 50 characters: not prose (data or minified markup?); split it into lines or raise "
     "max_line_chars=40"),
    ("sheet.xlsx", b"PK\x03\x04", {}, "has unsupported type .xlsx: save it as .docx, .htm, .html, .md, .pdf or .txt"),
    ("README", b"text", {}, "has unsupported type (no suffix): save it as .docx, .htm, .html, .md, .pdf or .txt"),
    ("cut.docx", make_docx()[:5000], {},
     "is damaged or truncated (not a readable zip: File is not a zip file): save it from Word again"),
    ("noise.docx", bytes(range(256)) * 8, {},
     "is damaged or truncated (not a readable zip: File is not a zip file): save it from Word again"),
    ("locked.docx", make_cfb({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00",
                              "EncryptedPackage": b"\x9c" * 5000}),
     {}, "is password-protected (an encrypted Office file, not a zip): open it in Word, remove the password "
         "(File > Info > Protect Document) and save it again"),
    ("old.docx", make_cfb({"WordDocument": b"\xec\xa5\xc1\x00", "1Table": b"\x00"}), {},
     "is an old Word 97-2003 .doc file named .docx: open it in Word or LibreOffice and save it as .docx"),
    ("parts.docx", many_small_parts(), {"max_bytes": 1_000_000},
     "would unpack to 13500000 bytes (over 10 x max_bytes): refusing it as a possible zip bomb"),
    ("sheet.docx", not_word(), {}, "is a zip file without word/document.xml, so not a Word document (a renamed "
                                   "spreadsheet or presentation?): save it as .docx from Word"),
    ("laughs.docx", docx_with_document(LAUGHS), {}, DTD_REASON),
    ("xxe.docx", docx_with_document(XXE), {}, DTD_REASON),
    ("locked.pdf", encrypt_pdf(make_pdf([[VI]]), user_password="secret"), {},
     "is encrypted with a password: remove it (e.g. `qpdf --decrypt --password=... in.pdf out.pdf`) and read the copy"),
    ("scan.pdf", make_pdf([[], []], image=True), {}, "has no text layer; run OCR first"),
    ("cut.pdf", make_pdf([[VI]])[:400], {}, "is damaged or not a complete PDF (Stream has ended unexpectedly): "
                                            "export or download it again"),
    ("fake.pdf", b"<html>not a pdf</html>", {}, "is not a PDF (no %PDF- header): check the file or give it its "
                                                "real suffix"),
]


@pytest.mark.parametrize("name,data,options,reason", BAD_FILES)
def test_readers_bad_file_raises_document_error(tmp_path: Path, name: str, data: bytes, options: dict,
                                                reason: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(DocumentError) as raised:
        read_document(path, **options)
    assert (raised.value.path, raised.value.reason, str(raised.value)) == (path, reason, f"{path}: {reason}")


def test_readers_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    data = bomb()
    part = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    assert part.file_size == 12_000_000 and part.compress_size < 120_000  # over 100:1
    with pytest.raises(DocumentError) as raised:
        read_document(write(tmp_path, "bomb.docx", data))
    ratio = 12_000_000 // part.compress_size
    assert raised.value.reason == (f"has a part word/document.xml that unpacks {ratio} times larger "
                                   f"({part.compress_size} -> 12000000 bytes): refusing it as a possible zip bomb")


def test_readers_library_errors_become_document_errors(tmp_path: Path) -> None:
    broken = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
    original = zipfile.ZipFile(io.BytesIO(make_docx()))
    parts = {name: original.read(name) for name in original.namelist()}
    data = make_zip({**parts, "word/document.xml": broken})
    with pytest.raises(etree.XMLSyntaxError) as syntax:
        etree.fromstring(broken)
    with pytest.raises(DocumentError) as raised:
        read_document(write(tmp_path, "broken.docx", data))
    assert raised.value.reason == (f"could not be read as docx (XMLSyntaxError: {syntax.value}): the file may be "
                                   "damaged; save or export it again")
    assert isinstance(raised.value.__cause__, etree.XMLSyntaxError)


def test_readers_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    with pytest.raises(DocumentError) as raised:
        read_document(str(path))
    assert str(raised.value) == f"{path}: does not exist (moved or deleted?): check the path"


def test_readers_folder(tmp_path: Path) -> None:
    (tmp_path / "docs.txt").mkdir()
    with pytest.raises(DocumentError) as raised:
        read_document(tmp_path / "docs.txt")
    assert raised.value.reason == "is a folder, not a file: pass the files inside it"


def loop(folder: Path) -> None:
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")


NOT_FILES = [  # (make it in the folder, name read, reason)
    (loop, "a.txt", "is a symbolic link that loops (a.txt -> b.txt -> a.txt): point the link at a real file or remove it"),
    (lambda d: (d / "self.txt").symlink_to("self.txt"), "self.txt",
     "is a symbolic link that loops (self.txt -> self.txt): point the link at a real file or remove it"),
    (lambda d: (d / "link.txt").symlink_to("gone.txt"), "link.txt",
     "is a symbolic link to gone.txt, which does not exist: point the link at the real file or remove it"),
    (lambda d: os.mkfifo(d / "pipe.txt"), "pipe.txt",
     "is not a regular file (a pipe or device?): copy the document to a file"),  # and no read that would block
]


@pytest.mark.parametrize("make,name,reason", NOT_FILES)
def test_readers_links_and_pipes(tmp_path: Path, make, name: str, reason: str) -> None:
    make(tmp_path)
    with pytest.raises(DocumentError) as raised:
        read_document(tmp_path / name)
    assert raised.value.reason == reason


def test_readers_document_error_names_are_printable() -> None:
    error = DocumentError(os.fsdecode(b"bad\xff\x1b[2J.txt"), "is empty (0 bytes): there is nothing to read")
    assert str(error) == "bad\\xff\\x1b[2J.txt: is empty (0 bytes): there is nothing to read"


UNREADABLE = ("cannot be read: permission denied; give this user read access (chmod a+r) or copy the file "
              "somewhere readable")


def test_readers_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", VI.encode())
    path.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(DocumentError) as raised:
            read_document(path)
        assert str(raised.value) == f"{path}: {UNREADABLE}"
        return
    # root reads anything: a forked child that has become nobody (uid 65534) tries instead
    readable, writable = os.pipe()
    child = os.fork()
    if child == 0:
        try:
            os.setuid(65534)
            read_document(path)
        except DocumentError as error:
            os.write(writable, str(error).encode())
        finally:
            os._exit(0)
    os.close(writable)
    with os.fdopen(readable, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(child, 0)
    assert message == f"{path}: {UNREADABLE}"


def test_readers_document_error_pickles() -> None:
    error = pickle.loads(pickle.dumps(DocumentError("a/b.pdf", "has no text layer; run OCR first")))
    assert (error.path, error.reason, str(error)) == (Path("a/b.pdf"), "has no text layer; run OCR first",
                                                      "a/b.pdf: has no text layer; run OCR first")


GOOD = {".docx": make_docx(), ".pdf": make_pdf([[VI], [ZH_HANS]]), ".html": PAGE.encode("gbk"), ".txt": VI.encode()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=st.sampled_from(sorted(GOOD)), cut=st.floats(0, 1), flips=st.lists(st.integers(0, 10**6), max_size=4),
       noise=st.binary(max_size=64))
def test_readers_damaged_files_raise_only_document_error(tmp_path: Path, suffix: str, cut: float, flips: list[int],
                                                         noise: bytes) -> None:
    data = bytearray(GOOD[suffix][: int(len(GOOD[suffix]) * cut)] + noise)
    for flip in flips:
        if data:
            data[flip % len(data)] ^= 0xFF
    path = write(tmp_path, f"damaged{suffix}", bytes(data))
    try:
        document = read_document(path)
    except DocumentError as error:
        assert error.path == path and error.reason
    else:
        assert document.text.strip() and document.format == suffix[1:]
