"""Picking a reader from the suffix and the bytes, and one clear error when they disagree."""

from __future__ import annotations

import io
import zipfile

import pytest
from wordml import docx

from footcheck.document import read
from footcheck.errors import InputError
from footcheck.model import Document
from footcheck.readers import location, reader_for, sniff


def zipped(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def error_reading(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path) + ": ")
    return message.removeprefix(str(path) + ": ")


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n", "pdf"), (b"junk\n%PDF-1.4\n", "pdf"), (b"PK\x03\x04rest", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole2"), (b"", "empty"), (b"plain text", None),
])
def test_sniff(data, kind):
    assert sniff(data) == kind


@pytest.mark.parametrize("name, data, reader", [
    ("brief.docx", docx(["x"]), "docx"),
    ("BRIEF.DOCX", docx(["x"]), "docx"),
    ("brief.pdf", b"%PDF-1.7\n", "pdf"),
    ("brief.html", b"<p>x</p>", "html"),
    ("brief.htm", b"<p>x</p>", "html"),
    ("brief.txt", b"plain", None),
    ("brief.md", b"# plain", None),
    ("brief.txt", b"%PDF-1.7\n", None),  # the text path names it (a lying .txt)
    ("brief", b"%PDF-1.7\n", "pdf"),  # no suffix: the bytes decide
    ("brief.dat", docx(["x"]), "docx"),
    ("brief.dat", zipped({"a.txt": "x"}), None),
])
def test_reader_for(name, data, reader):
    assert reader_for(data, name) == reader


@pytest.mark.parametrize("name, data, message", [
    ("brief.docx", b"%PDF-1.7\n%%EOF", "is named .docx but is a PDF document, not a Word document"),
    ("brief.docx", b"Just some text", "is named .docx but is text or an unknown format"),
    ("brief.docx", b"", "is named .docx but is empty"),
    ("brief.docx", b"PK\x03\x04" + bytes(100), "is not a valid .docx file (damaged zip archive)"),
    ("brief.docx", zipped({"content.xml": "<x/>", "mimetype":
                           "application/vnd.oasis.opendocument.text"}),
     "is a zip archive but not a Word document (it is an OpenDocument .odt file; save it as"),
    ("brief.docx", zipped({"xl/workbook.xml": "<x/>"}),
     "is a zip archive but not a Word document (it is an Excel workbook)"),
    ("brief.docx", zipped({"photo.jpg": "x"}),
     "is a zip archive but not a Word document (no word/document.xml in it)"),
    ("brief.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
     "is password-protected (an encrypted Word file)"),
    ("brief.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
     "is an old-style Word .doc file, not .docx"),
    ("brief.pdf", b"<html>not a pdf</html>", "is named .pdf but is text or an unknown format"),
    ("brief.pdf", docx(["x"]), "is named .pdf but is a zip archive, not a PDF"),
    ("brief.html", b"%PDF-1.7\n", "is named .html but is a PDF document, not a web page"),
    ("brief.html", b"", "is named .html but is empty"),
])
def test_one_clear_error_when_a_file_is_not_what_it_says(tmp_path, name, data, message):
    assert error_reading(tmp_path, name, data).startswith(message)


def test_damaged_word_xml(tmp_path):
    data = zipped({"word/document.xml": "<w:document><w:body><w:p>"})
    assert error_reading(tmp_path, "brief.docx", data) == (
        "is a damaged Word file (word/document.xml is not well-formed XML)")


def test_a_text_file_still_goes_through_the_text_path(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes("Claim.^{i}\n\n^{i} Source.\n".encode("cp1252"))
    document = read(path)
    assert (document.format, document.units, document.encoding) == ("text", "line", "utf-8")


def test_location_counts_only_the_lines_a_reader_wrote():
    text = "Para one.\n\nPara two.\n\nPara three.\n"
    assert location(Document.from_text(text), 5) == "line 5"
    words = Document.from_text(text, format="docx", units="paragraph")
    assert location(words, 5) == "paragraph 3"
    paged = Document.from_text(text, format="docx", units="paragraph", page_starts=(1, 3))
    assert location(paged, 5) == "paragraph 3, page 2"
    pdf = Document.from_text(text, format="pdf", units="paragraph", page_starts=(1, 3))
    assert location(pdf, 5) == "page 2, paragraph 2"


def test_markdown_is_text_marked_as_markdown(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text("Claim.[^1]\n\n[^1]: Source.\n", encoding="utf-8")
    assert (read(path).format, read(path).units) == ("markdown", "line")
