"""Readers: turn a Word, PDF or HTML file into a :class:`Document` the extractor understands.

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

:func:`location` says where a line of a converted document is, the way its editor counts:
``paragraph 12``, ``page 3, paragraph 2`` or ``line 7``.
"""

from __future__ import annotations

import bisect
import importlib
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import PurePath

from ..errors import InputError
from ..model import Document

#: Suffix (lower case) -> reader module under ``footcheck.readers``.
READERS: dict[str, str] = {
    ".docx": "docx",
    ".docm": "docx",
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
}

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OFFICE = "EncryptedPackage".encode("utf-16-le")


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
    return module.read(data, path)


def structure(document: Document) -> Document:
    """Give a decoded text document the structure its format defines (Markdown, reST).

    Plain text comes back as it is: its notes are typed by hand, found by the extractor.
    """
    name = STRUCTURED_TEXT.get(PurePath(document.path).suffix.lower())
    if name is None:
        return document
    module = importlib.import_module(f"{__name__}.{name}")
    return module.parse(document)


def reader_for(data: bytes, path: str | os.PathLike[str]) -> str | None:
    """The name of the reader for this file (``docx``, ``pdf``, ``html``), or ``None`` for text.

    A known suffix decides, provided the bytes agree; with an unknown or no suffix, a PDF or
    Word file is still recognised by its content.
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
        if kind in ("pdf", "zip", "ole2", "empty"):
            raise Unreadable(f"is named {suffix} but is {describe(kind)}, not a web page")
        return wanted
    if suffix in TEXT_SUFFIXES:
        return None
    if kind == "pdf":
        return "pdf"
    if kind == "zip" and _is_word(data):
        return "docx"
    return None


def sniff(data: bytes) -> str | None:
    """What the leading bytes say the file is: ``pdf``, ``zip``, ``ole2``, ``empty`` or None."""
    if not data:
        return "empty"
    if data.startswith(_ZIP_MAGIC):
        return "zip"
    if data.startswith(_OLE2_MAGIC):
        return "ole2"
    if _PDF_MAGIC in data[:1024]:  # PDF readers accept junk before the header
        return "pdf"
    return None


def describe(kind: str | None) -> str:
    """A noun phrase for a :func:`sniff` result, for messages."""
    return {
        "pdf": "a PDF document",
        "zip": "a zip archive",
        "ole2": "an old-style Office file (OLE2)",
        "empty": "empty",
    }.get(kind or "", "text or an unknown format")


def _ole2_problem(data: bytes) -> str:
    """Why an OLE2 file named .docx cannot be read: encrypted, or a .doc in disguise."""
    if _ENCRYPTED_OFFICE in data:
        return ("is password-protected (an encrypted Word file); remove the password in "
                "Word and save it again")
    return "is an old-style Word .doc file, not .docx; open it in Word and save it as .docx"


def _is_word(data: bytes) -> bool:
    """Whether a zip archive holds a Word document (``word/document.xml``)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
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
