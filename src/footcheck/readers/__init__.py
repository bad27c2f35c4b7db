"""Readers: turn a Word, OpenDocument, PDF or HTML file into a :class:`Document`.

Every reader renders its file as text in the notation :mod:`footcheck.extract` already reads
(``^{iv}`` markers, ``^{iv} …`` note lines, ``[^3]``/``[^3]: …`` for a separate footnote
series, ``[text](url)`` links, ``*italic*``), one paragraph or PDF text line per line with a
blank line wherever a paragraph ends. So there is one extractor for every input, and a
reader only has to know its file format.

:func:`convert` picks the reader from the file's suffix, checked against its leading bytes
(a ``.docx`` that is really a PDF is an error, not a guess), or from the leading bytes alone
when the suffix says nothing. It returns ``None`` for text: plain text and Markdown keep going
through :func:`footcheck.document.decode`. Readers raise :class:`Unreadable`, whose message
does not name the file: :func:`footcheck.document.read` puts the path in front.

Formats footcheck cannot read (LaTeX, RTF, AsciiDoc, Word .doc, Pages, EPUB, OpenDocument
drawings, spreadsheets and presentations) are refused with one line naming the format and
what to do (:data:`REFUSED`), recognised by their suffix or by their content, so that a
``.txt`` that is really RTF is not audited as text and passes with no notes.

:func:`location` says where a line of a converted document is, the way its editor counts:
``paragraph 12``, ``page 3, paragraph 2`` or ``line 7``.
"""

from __future__ import annotations

import bisect
import contextlib
import importlib
import io
import os
import re
import warnings
import zlib
from collections.abc import Callable, Iterator
from pathlib import PurePath

from ..errors import InputError
from ..model import Document

#: Suffix (lower case) -> reader module under ``footcheck.readers``.
READERS: dict[str, str] = {
    ".docx": "docx",
    ".docm": "docx",
    ".odt": "odt",
    ".ott": "odt",
    ".fodt": "odt",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

#: Suffixes always read as text, whatever their bytes (the text path names binary content).
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".rst"})

#: Text formats with a structure of their own: suffix -> module whose ``parse(document)``
#: returns the decoded document with its blocks, hidden spans and native notes.
STRUCTURED_TEXT: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".rst": "rst",
}

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OFFICE = "EncryptedPackage".encode("utf-16-le")
_RTF_MAGIC = b"{\\rtf"
_UTF8_BOM = b"\xef\xbb\xbf"

_HAVE = ("footcheck reads Word .docx, OpenDocument .odt, PDF, HTML, Markdown, "
         "reStructuredText and plain text")

#: Formats footcheck refuses, with the one line that says so: kind -> message (the CLI puts
#: the file's name in front). :func:`refused` tells the kind from the content or the suffix.
REFUSED: dict[str, str] = {
    "latex": "is a LaTeX source file, which footcheck cannot read; compile it to PDF, or "
             "convert it with pandoc to .docx or Markdown",
    "rtf": "is an RTF (Rich Text Format) file, which footcheck cannot read; open it in Word "
           "or LibreOffice and save it as .docx",
    "asciidoc": "is an AsciiDoc file, which footcheck cannot read; convert it to PDF with "
                "asciidoctor-pdf, or to .docx with asciidoctor and pandoc",
    "doc": "is a legacy Word .doc file, which footcheck cannot read; open it in Word or "
           "LibreOffice and save it as .docx",
    "pages": "is an Apple Pages document, which footcheck cannot read; in Pages, use File > "
             "Export To > Word (.docx) or PDF",
    "epub": "is an EPUB e-book, which footcheck cannot read; audit the document it was made "
            "from, or convert it to .docx with pandoc or Calibre",
    "odf": "is an OpenDocument file but not a text document, which footcheck cannot read; "
           "save the brief as .docx",
    "spreadsheet": f"is a spreadsheet, not a document; {_HAVE}",
    "presentation": f"is a presentation, not a document; {_HAVE}",
}

#: Suffix (lower case) -> :data:`REFUSED` kind, for files whose content says nothing else.
REFUSED_SUFFIXES: dict[str, str] = {
    ".tex": "latex", ".ltx": "latex", ".latex": "latex",
    ".rtf": "rtf",
    ".adoc": "asciidoc", ".asciidoc": "asciidoc", ".asc": "asciidoc",  # .asc: by content
    ".doc": "doc", ".dot": "doc",
    ".pages": "pages",
    ".epub": "epub",
    ".ods": "spreadsheet", ".ots": "spreadsheet", ".xlsx": "spreadsheet",
    ".xlsm": "spreadsheet", ".xls": "spreadsheet", ".numbers": "spreadsheet",
    ".odp": "presentation", ".otp": "presentation", ".pptx": "presentation",
    ".pptm": "presentation", ".ppt": "presentation", ".key": "presentation",
    ".odg": "odf", ".odf": "odf",
}

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
_HEAD = 4096  # bytes of a text file looked at for the signs of a format footcheck refuses
# LaTeX: \documentclass or \begin{document} at the very start of a line (a column-0 line of
# a .txt or .rst; indented code blocks and prose do not count).
_LATEX = re.compile(rb"^(?:\\document(?:class|style)\s*[\[{]|\\begin\s*\{document\})", re.M)
_LATEX_START = re.compile(rb"\A\s*\\documentclass\s*[\[{]")  # the stricter test for Markdown
# AsciiDoc: a "= Title" first line, ":attribute:" entries or "== Section" titles.
_ASCIIDOC = re.compile(rb"\A(?:\s*//[^\n]*\n)*\s*= \S|^:!?[A-Za-z0-9_][\w-]*!?:(?:[ \t]|$)"
                       rb"|^={2,6} \S", re.M)


class Unreadable(InputError):
    """The file cannot be read as the kind of document it claims to be.

    The message says why, without the path: :func:`footcheck.document.read` adds it.
    """


def convert(data: bytes, path: str) -> Document | None:
    """Read ``data`` (the bytes of the file at ``path``) with the reader its kind needs.

    Returns ``None`` when the file is text (plain text, Markdown or of unknown kind), to be
    decoded by :func:`footcheck.document.decode`. Raises :class:`Unreadable` when the file's
    suffix and content disagree or the reader cannot read it.
    """
    name = reader_for(data, path)
    if name is None:
        return None
    module = importlib.import_module(f"{__name__}.{name}")
    with _reading():
        return module.read(data, path)


@contextlib.contextmanager
def _reading() -> Iterator[None]:
    """Quiet the parsing libraries (:func:`_quiet`), and turn what a damaged or hostile file
    makes them raise into :class:`Unreadable`."""
    with _quiet():
        try:
            yield
        except RecursionError:
            raise Unreadable("is nested too deeply to read (thousands of elements inside "
                             "each other: a damaged or hostile file)") from None
        except (zlib.error, NotImplementedError, EOFError) as exc:
            raise Unreadable(f"is damaged: a part of it cannot be unpacked ({_first_line(exc)})"
                             ) from None
        except Exception as exc:
            if type(exc).__name__ == "ParserRejectedMarkup":  # bs4's, not imported here
                raise Unreadable("is HTML the parser rejects (malformed markup, such as an "
                                 "unknown <![…]> section)") from None
            raise


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Keep the warnings and log messages of the parsing libraries (bs4, pdfminer) off
    stderr: what footcheck has to say about a file is its one line. (Python prints a
    library's warning-level log record itself when the application configured no logging.)"""
    import logging  # (only converted formats need it: a text document starts faster)

    loggers = [logging.getLogger(name) for name in _LIBRARY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


#: The loggers of the libraries readers use (bs4's encoding detection warns through its own).
_LIBRARY_LOGGERS = ("bs4", "pdfminer", "docutils", "markdown_it")


def _first_line(exc: BaseException) -> str:
    """The exception's message, on one line and short."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"


def structure(document: Document) -> Document:
    """Give a decoded text document the structure its format defines (Markdown, reST).

    Plain text comes back as it is: its notes are typed by hand, found by the extractor.
    """
    name = STRUCTURED_TEXT.get(PurePath(document.path).suffix.lower())
    if name is None:
        return document
    module = importlib.import_module(f"{__name__}.{name}")
    with _reading():  # (a Markdown file may be a web page, read as one)
        return module.parse(document)


def reader_for(data: bytes, path: str | os.PathLike[str]) -> str | None:
    """The name of the reader for this file (``docx``, ``odt``, ``pdf``, ``html``), or
    ``None`` for text.

    A known suffix decides, provided the bytes agree; with an unknown or no suffix, a PDF or
    Word file is still recognised by its content. A format footcheck cannot read raises
    :class:`Unreadable` with the line :func:`refused` gives.
    """
    suffix = PurePath(os.fspath(path)).suffix.lower()
    kind = sniff(data)
    wanted = READERS.get(suffix)
    if wanted == "docx":
        if kind == "zip":
            return wanted
        if kind == "ole2":
            raise Unreadable(_ole2_problem(data))
        raise Unreadable(f"is named {suffix} but is {describe(kind)}, not a Word document")
    if wanted == "pdf":
        if kind == "pdf":
            return wanted
        raise Unreadable(f"is named {suffix} but is {describe(kind)}, not a PDF")
    if wanted == "html":
        if kind in ("pdf", "zip", "ole2", "rtf", "empty"):
            raise Unreadable(f"is named {suffix} but is {describe(kind)}, not a web page")
        return wanted
    problem = refused(data, path)
    if problem is not None:
        raise Unreadable(problem)
    if suffix in TEXT_SUFFIXES:
        return None
    if kind == "pdf":
        return "pdf"
    if kind == "zip" and _is_word(data):
        return "docx"
    if kind == "zip" and (wanted == "odt" or _zip_kind(data) == "odt"):
        return "odt"
    if wanted == "odt":
        if suffix == ".fodt" and kind is None:
            return wanted  # flat OpenDocument: one XML file
        raise Unreadable(f"is named {suffix} but is {describe(kind)}, not an OpenDocument "
                         "text file")
    return None


def sniff(data: bytes) -> str | None:
    """What the leading bytes say the file is: ``pdf``, ``zip``, ``ole2``, ``rtf``, ``empty``
    or None."""
    if not data:
        return "empty"
    if data.startswith(_ZIP_MAGIC):
        return "zip"
    if data.startswith(_OLE2_MAGIC):
        return "ole2"
    if data[:64].removeprefix(_UTF8_BOM).lstrip().startswith(_RTF_MAGIC):
        return "rtf"
    if _PDF_MAGIC in data[:1024]:  # PDF readers accept junk before the header
        return "pdf"
    return None


def describe(kind: str | None) -> str:
    """A noun phrase for a :func:`sniff` result, for messages."""
    return {
        "pdf": "a PDF document",
        "zip": "a zip archive",
        "ole2": "an old-style Office file (OLE2)",
        "rtf": "an RTF file",
        "empty": "empty",
    }.get(kind or "", "text or an unknown format")


def _ole2_problem(data: bytes) -> str:
    """Why an OLE2 file named .docx cannot be read: encrypted, or a .doc in disguise."""
    if _ENCRYPTED_OFFICE in data:
        return ("is password-protected (an encrypted Word file); remove the password in "
                "Word and save it again")
    return "is an old-style Word .doc file, not .docx; open it in Word and save it as .docx"


def refused(data: bytes, path: str | os.PathLike[str]) -> str | None:
    """Why footcheck refuses this file (a :data:`REFUSED` message), or None to read it.

    The content speaks first: Word .doc, RTF, EPUB, OpenDocument, Office and Pages files
    are recognised by their bytes whatever their name, and a PDF or Word .docx is read
    whatever its name (except a text suffix: the text path names it). Then the suffix. Then,
    for text, LaTeX by ``\\documentclass`` or ``\\begin{document}`` at a line start in the
    first 4 KB; a Markdown file only when it starts with ``\\documentclass``, as Markdown
    about LaTeX quotes it in prose and code blocks.
    """
    suffix = PurePath(os.fspath(path)).suffix.lower()
    kind = sniff(data)
    if kind == "ole2":
        return _ole2_refusal(data, suffix)
    if kind == "rtf":
        return REFUSED["rtf"]
    if kind == "zip":
        inside = _zip_kind(data)
        if inside == "iwork":  # Pages, Numbers and Keynote save the same kind of archive
            inside = REFUSED_SUFFIXES.get(suffix) if suffix in (".numbers", ".key") else "pages"
        if inside in REFUSED:
            return REFUSED[inside]
        if inside == "docx":
            return None
    if kind == "pdf":
        return None
    wanted = REFUSED_SUFFIXES.get(suffix)
    if wanted == "asciidoc" and suffix == ".asc" and not _ASCIIDOC.search(data[:_HEAD]):
        wanted = None  # .asc is also an ASCII-armoured PGP key or signature
    if wanted is not None:
        return REFUSED[wanted]
    if kind is not None:
        return None
    head = data[:_HEAD].removeprefix(_UTF8_BOM)
    latex = _LATEX_START if suffix in _MARKDOWN_SUFFIXES else _LATEX
    if latex.search(head):
        return REFUSED["latex"]
    return None


def _ole2_refusal(data: bytes, suffix: str) -> str:
    """Why an OLE2 file (legacy Office, or an encrypted new one) not named .docx is refused."""
    if _ENCRYPTED_OFFICE in data:
        if REFUSED_SUFFIXES.get(suffix) in ("spreadsheet", "presentation"):
            return REFUSED[REFUSED_SUFFIXES[suffix]]
        return _ole2_problem(data)
    if "WordDocument".encode("utf-16-le") in data:  # the names of the streams inside
        return REFUSED["doc"]
    if "PowerPoint Document".encode("utf-16-le") in data:
        return REFUSED["presentation"]
    if "Workbook".encode("utf-16-le") in data:
        return REFUSED["spreadsheet"]
    return REFUSED["doc"]


def _zip_kind(data: bytes) -> str | None:
    """What a zip archive holds: a :data:`REFUSED` kind, ``docx``, ``iwork`` or None."""
    import zipfile

    from .ooxml import read_member  # (ooxml imports this module)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            mimetype = b""
            if "mimetype" in names:  # read by what comes out, not what the header says
                mimetype = read_member(archive, "mimetype", 200, exact=False).strip()
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError,
            EOFError, zlib.error, Unreadable):  # a member cut short raises EOFError
        return None
    if "word/document.xml" in names:
        return "docx"
    if mimetype == b"application/epub+zip":
        return "epub"
    if mimetype.startswith(b"application/vnd.oasis.opendocument."):
        kind = mimetype.removeprefix(b"application/vnd.oasis.opendocument.")
        if kind.startswith(b"text"):
            return "odt"
        if kind.startswith(b"spreadsheet"):
            return "spreadsheet"
        if kind.startswith(b"presentation"):
            return "presentation"
        return "odf"
    if any(n.startswith("xl/") for n in names):
        return "spreadsheet"
    if any(n.startswith("ppt/") for n in names):
        return "presentation"
    if any(n.endswith(".iwa") for n in names) or (
            "index.xml" in names and any(n.startswith("QuickLook/") for n in names)):
        return "iwork"
    return None


def _is_word(data: bytes) -> bool:
    """Whether a zip archive holds a Word document (``word/document.xml``)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError,
            EOFError, zlib.error):  # an unsupported zip version raises NotImplementedError
        return False


def location(document: Document, line: int) -> str:
    """Where 1-based ``line`` of ``document`` is, as its editor would look for it.

    See :func:`locator`, which does the same for many lines of one document.
    """
    return locator(document)(line)


def locator(document: Document) -> Callable[[int], str]:
    """A function telling where a line of ``document`` is, as its editor would look for it.

    Readers separate paragraphs with blank lines that are not in the file, so only non-blank
    lines count: ``paragraph 12`` for Word and web pages (``paragraph 12, page 2`` when Word
    recorded its page breaks), ``page 3, paragraph 2`` for a PDF (counted from the top of
    the page, running headers left out) and ``line 7`` for text.
    """
    if document.plain_lines:
        return lambda line: f"line {line}"
    counted = _counted_lines(document)
    noun = "paragraph" if document.units == "paragraph" else "line"

    def where(line: int) -> str:
        number = bisect.bisect_right(counted, line)  # non-blank lines up to this one
        page = document.page(line)
        if page is None:
            return f"{noun} {number}"
        if document.format == "pdf":
            first = bisect.bisect_left(counted, document.page_starts[page - 1])
            return f"page {page}, {noun} {number - first}"
        return f"{noun} {number}, page {page}"

    return where


def _counted_lines(document: Document) -> list[int]:
    """The 1-based numbers of the non-blank lines of ``document``, in order."""
    return [n for n, piece in enumerate(document.text.split("\n"), start=1) if piece.strip()]
