"""Read one document file from disk into text: ``.txt``, ``.md``, ``.html``/``.htm``, ``.docx``, ``.pdf``.

``read_document`` returns the text exactly as decoded (Unicode and whitespace untouched,
apart from a leading byte-order mark); ``normalize.py`` cleans it later and keeps offsets.
HTML is the exception that proves the rule: its text is what a browser shows, so HTML
whitespace collapses and block elements and ``<br>`` become line breaks.

Every file we cannot read raises ``DocumentError``, whose message names the file, what is
wrong and what to do about it; no other exception escapes for a bad file.

Examples
--------
>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder, "notice.txt")
...     _ = path.write_bytes("国务院办公厅关于印发政府信息公开工作要点的通知".encode("gbk"))
...     read_document(path)
RawDocument(text='国务院办公厅关于印发政府信息公开工作要点的通知', format='txt', encoding='gb18030')
"""

from __future__ import annotations

import errno
import io
import logging
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx
import pypdf
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree
from pypdf.errors import DependencyError, LimitReachedError, PdfReadError

from .encodings import decode_bytes

__all__ = ["SUPPORTED_SUFFIXES", "DocumentError", "RawDocument", "decode_document", "displayable", "html_visible_text",
           "read_bytes", "read_document"]

_FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
SUPPORTED_SUFFIXES = frozenset(_FORMATS)

MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_RATIO = 100  # a member over ZIP_RATIO_FLOOR bytes may unpack to at most this times its packed size
ZIP_RATIO_FLOOR = 1_000_000
ZIP_UNPACKED_FACTOR = 10  # all members together may unpack to at most this times max_bytes

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File Binary: .doc, or an encrypted .docx
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # stream name in a password-protected OOXML file
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{_W_NS}}}"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# the runs of a paragraph, not those of text boxes inside it ($boxes: text boxes the paragraph itself is in)
_RUNS = etree.XPath(".//w:r[count(ancestor::w:txbxContent) = $boxes]", namespaces={"w": _W_NS})
# Word stores a text box twice, as DrawingML and as a VML fallback: read only the first
_TEXT_BOXES = etree.XPath(".//w:txbxContent[count(ancestor::w:txbxContent) = $boxes][not(ancestor::mc:Fallback)]",
                          namespaces={"w": _W_NS, "mc": _MC_NS})
_ROWS = etree.XPath("./w:tr | ./w:sdt/w:sdtContent/w:tr", namespaces={"w": _W_NS})
_CELLS = etree.XPath("./w:tc | ./w:sdt/w:sdtContent/w:tc", namespaces={"w": _W_NS})

_HTML_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title"})
_HTML_BLOCKS = frozenset(
    "address article aside blockquote body caption dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul".split())
_HTML_VERBATIM = frozenset({"pre", "textarea", "listing", "plaintext"})
_HTML_SPACE_RE = re.compile("[ \t\n\f\r]+")  # HTML's ASCII whitespace; U+00A0 and U+3000 stay
_META_CHARSET_RE = re.compile(  # <meta charset>, <meta http-equiv content="...; charset=">, <?xml encoding?>
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)|<\?xml[^>]*?encoding\s*=\s*["']([-\w.:]+)""", re.IGNORECASE)
_BLOCK, _BREAK, _KEPT = "\ufdd0", "\ufdd1", "\ufdd2"  # noncharacters: Unicode keeps them for internal marks
_DTD_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_UNDISPLAYABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

# pypdf logs what it repairs ("incorrect startxref pointer") as warnings; with no logging set up
# Python would print them on stderr without the file's name. Our reasons name the file; a program
# that configures logging still gets pypdf's records through its own handlers.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def displayable(text: str) -> str:
    """Return ``text`` safe to print on one line: controls and lone surrogates become ``\\xNN``/``\\uNNNN``.

    A file name can hold any byte but ``/`` and NUL; one that is not UTF-8 decodes to lone
    surrogates (one per byte, shown as the byte), and control characters in it would move the
    cursor or recolour a terminal.

    Examples
    --------
    >>> displayable("caf\\udce9.txt"), displayable("lone \\ud800"), displayable("a\\x1b[31m\\n.txt")
    ('caf\\\\xe9.txt', 'lone \\\\ud800', 'a\\\\x1b[31m\\\\x0a.txt')
    >>> displayable("国务院 «O'Brien» <b>&.txt")
    "国务院 «O'Brien» <b>&.txt"
    """
    return _UNDISPLAYABLE_RE.sub(_escape_char, text)


def _escape_char(match: re.Match) -> str:
    code = ord(match[0])
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        code -= 0xDC00
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class DocumentError(Exception):
    """A document that cannot be read; ``str(error)`` is ``f"{path}: {reason}"``.

    Attributes
    ----------
    path : pathlib.Path
        The file.
    reason : str
        What is wrong with it and what to do, e.g. ``"is empty (0 bytes): there is nothing to read"``.

    Examples
    --------
    >>> str(DocumentError("a/b.pdf", "has no text layer; run OCR first"))
    'a/b.pdf: has no text layer; run OCR first'
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = displayable(reason)
        super().__init__(f"{displayable(str(self.path))}: {self.reason}")

    def __reduce__(self):  # keep (path, reason) across pickling, e.g. from worker processes
        return type(self), (self.path, self.reason)


@dataclass(frozen=True)
class RawDocument:
    """The text of a document as read, before any normalization.

    Attributes
    ----------
    text : str
        The text, exactly as decoded.
    format : str
        One of ``"txt"``, ``"md"``, ``"html"``, ``"docx"``, ``"pdf"``.
    encoding : str or None
        The codec the bytes were decoded with (text formats), else ``None``.
    """

    text: str
    format: str
    encoding: str | None


def read_document(path: Path | str, *, max_bytes: int = 20_000_000, max_line_chars: int = 1_000_000) -> RawDocument:
    """Read the document at ``path`` into text.

    Parameters
    ----------
    path : pathlib.Path or str
        A file whose suffix is in ``SUPPORTED_SUFFIXES`` (case does not matter).
    max_bytes : int
        Larger files are refused before they are read.
    max_line_chars : int
        A longer line means the file is data or minified markup, not prose.

    Returns
    -------
    RawDocument

    Raises
    ------
    DocumentError
        For anything that stops us reading the file: unsupported suffix, missing or
        unreadable file, too big, empty, binary, undecodable, damaged, password-protected,
        a zip bomb, a PDF without a text layer, no text, or an overlong line.

    Examples
    --------
    >>> try:
    ...     read_document("minutes.xlsx")
    ... except DocumentError as error:
    ...     print(error)
    minutes.xlsx: has unsupported type .xlsx: save it as .docx, .htm, .html, .md, .pdf or .txt
    """
    path = Path(path)
    _format_of(path)
    return decode_document(path, read_bytes(path, max_bytes=max_bytes), max_bytes=max_bytes,
                           max_line_chars=max_line_chars)


def _format_of(path: Path) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES - {".txt"}))
        raise DocumentError(path, f"has unsupported type {path.suffix or '(no suffix)'}: save it as {kinds} or .txt")
    return fmt


def decode_document(path: Path | str, data: bytes, *, max_bytes: int = 20_000_000,
                    max_line_chars: int = 1_000_000) -> RawDocument:
    """Turn the bytes of the file ``path`` into text (:func:`read_document` without the reading).

    The bytes can travel to another process or machine; ``path`` gives the format (its suffix)
    and names the file in errors.

    Examples
    --------
    >>> decode_document("a.md", "# 国务院".encode("utf-8")).text
    '# 国务院'
    >>> try:
    ...     decode_document("b.txt", b"   ")
    ... except DocumentError as error:
    ...     print(error)
    b.txt: has no text (only whitespace)
    """
    path = Path(path)
    fmt = _format_of(path)
    if not data:
        raise DocumentError(path, "is empty (0 bytes): there is nothing to read")
    try:
        text, encoding = _READERS[fmt](data, max_bytes=max_bytes)
    except _Unreadable as exc:
        raise DocumentError(path, str(exc)) from None
    except Exception as exc:  # a library choking on a bad file must not escape as its own type
        raise DocumentError(path, f"could not be read as {fmt} ({type(exc).__name__}: {exc}): the file may be "
                                  "damaged; save or export it again") from exc
    text = text.removeprefix("\ufeff")
    if not text.strip():
        reason = "has no text layer; run OCR first" if fmt == "pdf" else "has no text (only whitespace)"
        raise DocumentError(path, reason)
    longest = max(map(len, text.splitlines()), default=0)
    if longest > max_line_chars:
        raise DocumentError(path, f"has one line of {longest} characters: not prose (data or minified markup?); "
                                  f"split it into lines or raise max_line_chars={max_line_chars}")
    return RawDocument(text=text, format=fmt, encoding=encoding)


class _Unreadable(Exception):
    """Raised by the format readers with a reason for ``DocumentError``."""


def read_bytes(path: Path | str, *, max_bytes: int = 20_000_000) -> bytes:
    """The bytes of the regular file ``path``, refused with a :class:`DocumentError` over ``max_bytes``.

    Examples
    --------
    >>> try:
    ...     read_bytes("no/such/file.txt")
    ... except DocumentError as error:
    ...     print(error.reason)
    does not exist (moved or deleted?): check the path
    """
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(path, "is a folder, not a file: pass the files inside it")
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(path, "is not a regular file (a pipe or device?): copy the document to a file")
        if info.st_size > max_bytes:
            raise DocumentError(path, f"is {info.st_size} bytes, over the limit of {max_bytes}: "
                                      "split it or raise max_bytes")
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        if (target := _link_target(path)) is not None:
            raise DocumentError(path, f"is a symbolic link to {target}, which does not exist: point the "
                                      "link at the real file or remove it") from None
        raise DocumentError(path, "does not exist (moved or deleted?): check the path") from None
    except PermissionError:
        raise DocumentError(path, "cannot be read: permission denied; give this user read access "
                                  "(chmod a+r) or copy the file somewhere readable") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DocumentError(path, f"is a symbolic link that loops ({_link_chain(path)}): point the link at "
                                      "a real file or remove it") from None
        raise DocumentError(path, f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # it grew after stat()
        raise DocumentError(path, f"is over the limit of {max_bytes} bytes: split it or raise max_bytes")
    return data


def _link_target(path: Path) -> str | None:
    """Where the symbolic link ``path`` points, or ``None`` if it is none (or is gone already)."""
    try:
        return os.readlink(path)
    except OSError:
        return None


def _link_chain(path: Path, hops: int = 8) -> str:
    """``a.txt -> b.txt -> a.txt``: the targets of a chain of symbolic links, until one repeats."""
    names, seen, current = [path.name], set(), path
    while len(names) <= hops and (target := _link_target(current)) is not None:
        seen.add(os.path.normpath(current))
        names.append(target)
        current = current.parent / target
        if os.path.normpath(current) in seen:
            break
    return " -> ".join(names)


def _decode(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    try:
        return decode_bytes(data, declared=declared)
    except ValueError as exc:
        raise _Unreadable(str(exc)) from None


def _read_text(data: bytes, *, max_bytes: int) -> tuple[str, str]:
    return _decode(data)


def _read_html(data: bytes, *, max_bytes: int) -> tuple[str, str]:
    found = _META_CHARSET_RE.search(data[:4096])
    declared = (found.group(1) or found.group(2)).decode("ascii") if found else None
    markup, encoding = _decode(data, declared=declared)
    return html_visible_text(markup), encoding


def html_visible_text(markup: str) -> str:
    """Return the text a browser shows for ``markup``: one line per block, ``<br>`` as a line break.

    Drops ``script``, ``style``, ``noscript``, ``template``, ``head`` (with ``title``), comments
    and elements marked ``hidden``. Collapses HTML whitespace outside ``pre`` and ``textarea``.
    The markup is parsed as a stream of events (lxml's HTML parser, which also parses for
    BeautifulSoup), with no tree: memory stays small and time linear however deeply it nests.

    Examples
    --------
    >>> html_visible_text("<p>Điều 1.\\n  Phạm vi</p><script>x()</script><p>Dòng 1<br>Dòng 2</p>")
    'Điều 1. Phạm vi\\nDòng 1\\nDòng 2'
    """
    try:
        pieces = _html_pieces(markup)
    except (UnicodeError, LookupError, etree.ParserError):  # lxml refused the str: give it UTF-8 bytes
        pieces = _html_pieces(_SURROGATE_RE.sub("\ufffd", markup).encode("utf-8"), encoding="utf-8")
    text = re.sub(f" *{_BLOCK}[ {_BLOCK}]*", _BLOCK, "".join(pieces))  # spaces at a line's ends do not show
    text = re.sub(f" *{_BREAK} *", _BREAK, text).replace(_BREAK + _BLOCK, _BLOCK)  # <br> ending a block adds no line
    return text.strip(f" {_BLOCK}{_BREAK}").replace(_BLOCK, "\n").replace(_BREAK, "\n").replace(_KEPT, " ")


def _html_pieces(markup: str | bytes, encoding: str | None = None) -> list[str]:
    target = _VisibleText()
    parser = etree.HTMLParser(target=target, recover=True, encoding=encoding)
    parser.feed(markup)
    return parser.close()


class _VisibleText:
    """An lxml parser target that keeps the visible text of a page as pieces and marks.

    Text runs between two events are one string, as in a tree; a run of ASCII whitespace
    alone is one space (or line break) outside ``pre`` and ``textarea``.
    """

    _ASCII_SPACES = " \n\t\x0c\r"

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.run: list[str] = []
        self.blocks: list[bool] = []  # per open visible element: is it a block?
        self.hidden = 0  # depth inside a skipped element
        self.verbatim = 0  # open pre, textarea, listing, plaintext
        self.keep_space = 0  # open pre, textarea

    def _flush(self) -> None:
        if not self.run:
            return
        text = "".join(self.run)
        self.run.clear()
        if self.hidden:
            return
        if not self.keep_space and not text.strip(self._ASCII_SPACES):
            text = "\n" if "\n" in text else " "
        self.pieces.append(text.replace(" ", _KEPT) if self.verbatim else _HTML_SPACE_RE.sub(" ", text))

    def _block(self) -> None:
        if not self.pieces or self.pieces[-1] != _BLOCK:  # a run of marks is one line break anyway
            self.pieces.append(_BLOCK)

    def start(self, tag: str, attrib, nsmap=None) -> None:
        self._flush()
        if self.hidden or tag in _HTML_SKIP or "hidden" in attrib or tag == "br":  # br: no content, its end follows
            if not self.hidden and tag == "br" and "hidden" not in attrib:
                self.pieces.append(_BREAK)
            self.hidden += 1
            return
        block = tag in _HTML_BLOCKS
        if block:
            self._block()
        self.blocks.append(block)
        self.verbatim += tag in _HTML_VERBATIM
        self.keep_space += tag in ("pre", "textarea")

    def end(self, tag: str) -> None:
        self._flush()
        if self.hidden:
            self.hidden -= 1
            return
        if self.blocks.pop():
            self._block()
        self.verbatim -= tag in _HTML_VERBATIM
        self.keep_space -= tag in ("pre", "textarea")

    def data(self, text: str) -> None:
        self.run.append(text)

    def comment(self, text: str) -> None:
        self._flush()

    def pi(self, target: str, data: str | None = None) -> None:
        self._flush()

    def doctype(self, *args) -> None:
        self._flush()

    def close(self) -> list[str]:
        self._flush()
        return self.pieces


def _read_docx(data: bytes, *, max_bytes: int) -> tuple[str, None]:
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            raise _Unreadable("is password-protected (an encrypted Office file, not a zip): open it in Word, "
                              "remove the password (File > Info > Protect Document) and save it again")
        raise _Unreadable("is an old Word 97-2003 .doc file named .docx: open it in Word or LibreOffice and "
                          "save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            _check_zip(package, max_bytes=max_bytes)
            names = set(package.namelist())
            prolog = package.open("word/document.xml").read(4096) if "word/document.xml" in names else b""
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:  # what zipfile raises on bad data
        raise _Unreadable(f"is damaged or truncated (not a readable zip: {exc}): save it from Word again") from None
    if "word/document.xml" not in names:
        raise _Unreadable("is a zip file without word/document.xml, so not a Word document (a renamed spreadsheet "
                          "or presentation?): save it as .docx from Word")
    if _DTD_RE.search(prolog):  # an entity bomb or an external entity (XXE) needs a DTD
        raise _Unreadable("declares a DTD or XML entities in word/document.xml, which Word never writes: refusing it "
                          "as possibly malicious (an entity bomb or external entity); save it from Word again")
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except (KeyError, ValueError, PackageNotFoundError) as exc:
        detail = exc.args[0] if exc.args else type(exc).__name__
        raise _Unreadable(f"is not a valid Word document ({detail}): save it as .docx from Word again") from None
    return "\n".join(line for line in _docx_lines(body) if line), None


def _check_zip(package: zipfile.ZipFile, *, max_bytes: int) -> None:
    """Refuse zip bombs on the sizes the zip declares, then check every member's CRC.

    Python's zipfile never unpacks more than a member's declared size, and ``testzip`` reads
    in bounded chunks, so a zip that lies about its sizes fails the CRC check here instead.
    """
    members = package.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise _Unreadable(f"holds {len(members)} files, more than any real .docx: refusing it as a possible zip bomb")
    unpacked = sum(m.file_size for m in members)
    if unpacked > ZIP_UNPACKED_FACTOR * max_bytes:
        raise _Unreadable(f"would unpack to {unpacked} bytes (over {ZIP_UNPACKED_FACTOR} x max_bytes): "
                          "refusing it as a possible zip bomb")
    for member in members:
        ratio = member.file_size // max(member.compress_size, 1)
        if member.file_size > ZIP_RATIO_FLOOR and ratio >= MAX_ZIP_RATIO:
            raise _Unreadable(f"has a part {member.filename} that unpacks {ratio} times larger ({member.compress_size} "
                              f"-> {member.file_size} bytes): refusing it as a possible zip bomb")
    damaged = package.testzip()
    if damaged is not None:
        raise zipfile.BadZipFile(f"part {damaged} fails its checksum")


def _docx_lines(container, boxes: int = 0):
    """Yield the text of each paragraph under ``container`` (body, cell, content control, text box) in order.

    A paragraph's text is all its runs, also those inside hyperlinks, tracked insertions and
    fields (python-docx's ``Paragraph.text`` skips those); deleted text is ``w:delText`` and
    stays out. The paragraphs of a text box follow the paragraph that anchors it.
    """
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield "".join(run.text for run in _RUNS(child, boxes=boxes))
            for box in _TEXT_BOXES(child, boxes=boxes):
                yield from _docx_lines(box, boxes + 1)
        elif child.tag == f"{_W}tbl":
            for row in _ROWS(child):
                for cell in _CELLS(row):
                    yield from _docx_lines(cell, boxes)
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = child.find(f"{_W}sdtContent")
            yield from _docx_lines(child if content is None else content, boxes)


def _read_pdf(data: bytes, *, max_bytes: int) -> tuple[str, None]:
    if b"%PDF-" not in data[:1024]:
        raise _Unreadable("is not a PDF (no %PDF- header): check the file or give it its real suffix")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
            raise _Unreadable("is encrypted with a password: remove it (e.g. `qpdf --decrypt --password=... "
                              "in.pdf out.pdf`) and read the copy")
        pages = [page.extract_text() for page in reader.pages]
    except DependencyError as exc:
        raise _Unreadable(f"is encrypted in a way that needs the cryptography package ({exc}): "
                          "pip install cryptography") from None
    except PdfReadError as exc:
        raise _Unreadable(f"is damaged or not a complete PDF ({exc}): export or download it again") from None
    except LimitReachedError as exc:
        raise _Unreadable(f"goes over a safety limit of the PDF reader ({exc}): refusing it as damaged or as a "
                          "decompression bomb; export it again") from None
    if not pages:
        raise _Unreadable("has no pages (its page tree is damaged?): export or download it again")
    return "\n\n".join(pages), None


_READERS = {"txt": _read_text, "md": _read_text, "html": _read_html, "docx": _read_docx, "pdf": _read_pdf}
