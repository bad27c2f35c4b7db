"""Formats footcheck cannot read are refused with one line (exit 3), not audited as text.

Each is recognised by its suffix or by its content (a ``.txt`` that is really RTF), and
the line names the format and what to do. Text that only mentions these formats is read.
"""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest
from click.testing import CliRunner
from wordml import docx

from footcheck.cli import cli
from footcheck.readers import reader_for, refused

LATEX = ("is a LaTeX source file, which footcheck cannot read; compile it to PDF, or convert "
         "it with pandoc to .docx or Markdown")
RTF = ("is an RTF (Rich Text Format) file, which footcheck cannot read; open it in Word or "
       "LibreOffice and save it as .docx")
ASCIIDOC = ("is an AsciiDoc file, which footcheck cannot read; convert it to PDF with "
            "asciidoctor-pdf, or to .docx with asciidoctor and pandoc")
DOC = ("is a legacy Word .doc file, which footcheck cannot read; open it in Word or "
       "LibreOffice and save it as .docx")
PAGES = ("is an Apple Pages document, which footcheck cannot read; in Pages, use File > "
         "Export To > Word (.docx) or PDF")
EPUB = ("is an EPUB e-book, which footcheck cannot read; audit the document it was made "
        "from, or convert it to .docx with pandoc or Calibre")
ODF = ("is an OpenDocument file but not a text document, which footcheck cannot read; save "
       "the brief as .docx")
READS = ("footcheck reads Word .docx, OpenDocument .odt, PDF, HTML, Markdown, "
         "reStructuredText and plain text")
SHEET = f"is a spreadsheet, not a document; {READS}"
SLIDES = f"is a presentation, not a document; {READS}"

LATEX_DOC = (b"\\documentclass[a4paper]{article}\n\\begin{document}\n"
             b"A claim.\\footnote{A source.}\n\\end{document}\n")
RTF_DOC = b"{\\rtf1\\ansi Hello}"
ASCIIDOC_DOC = b"= Title\n:toc:\n\n== Section\n\nA claim.footnote:[A source.]\n"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def ole2(stream: str) -> bytes:
    """An OLE2 header and a directory entry naming ``stream``, as Office writes them."""
    return OLE2 + stream.encode("utf-16-le") + bytes(64)


def zipped(parts: dict[str, str], mimetype: str | None = None) -> bytes:
    """A zip archive; ``mimetype`` first and stored, as OpenDocument and EPUB want it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


ODT_ZIP = zipped({"content.xml": "<office:document-content/>", "META-INF/manifest.xml": "<m/>"},
                 "application/vnd.oasis.opendocument.text")
EPUB_ZIP = zipped({"META-INF/container.xml": "<container/>", "OEBPS/ch1.xhtml": "<html/>"},
                  "application/epub+zip")
PAGES_ZIP = zipped({"Index/Document.iwa": "x", "Metadata/Properties.plist": "x",
                    "preview.jpg": "x"})


def audit(tmp_path, name: str, data: bytes):
    """Run ``footcheck audit --offline`` on a file ``name`` holding ``data``."""
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["audit", str(path), "--offline", "--no-color"])
    return path, result


@pytest.mark.parametrize("name, data, message", [
    # LaTeX: by suffix, or by \documentclass / \begin{document} at a line start
    ("brief.tex", LATEX_DOC, LATEX),
    ("brief.ltx", LATEX_DOC, LATEX),
    ("brief.tex", b"\\input macros\nPlain TeX, no \\documentclass.\n\\bye\n", LATEX),
    ("brief.txt", LATEX_DOC, LATEX),
    ("brief.txt", b"% !TEX program = xelatex\n% a comment\n" + LATEX_DOC, LATEX),
    ("brief", b"\\input{preamble}\n\\begin{document}\nText.\n\\end{document}\n", LATEX),
    ("brief.md", b"\\documentclass{article}\n\\begin{document}\nx\n\\end{document}\n", LATEX),
    ("brief.md", b"\xef\xbb\xbf\n\\documentclass[12pt]{article}\n", LATEX),
    # RTF: by suffix, or by {\rtf at the start, whatever the suffix
    ("brief.rtf", RTF_DOC, RTF),
    ("brief.rtf", b"Not really RTF", RTF),
    ("brief.txt", RTF_DOC, RTF),
    ("brief.md", RTF_DOC, RTF),
    ("brief", b"\xef\xbb\xbf" + RTF_DOC, RTF),
    ("brief.doc", RTF_DOC, RTF),  # Word's "save as RTF" kept the .doc name
    # AsciiDoc: by suffix; .asc only with AsciiDoc content
    ("brief.adoc", ASCIIDOC_DOC, ASCIIDOC),
    ("brief.asciidoc", ASCIIDOC_DOC, ASCIIDOC),
    ("brief.asc", ASCIIDOC_DOC, ASCIIDOC),
    ("brief.asc", b"// a comment\n= Title\n\nText.\n", ASCIIDOC),
    # legacy Word .doc (OLE2), whatever the suffix
    ("brief.doc", ole2("WordDocument"), DOC),
    ("brief.doc", OLE2, DOC),
    ("brief.doc", b"Some text typed into a file named .doc", DOC),
    ("brief.txt", ole2("WordDocument"), DOC),
    ("brief", ole2("WordDocument"), DOC),
    ("brief.dat", OLE2, DOC),
    # Apple Pages
    ("brief.pages", PAGES_ZIP, PAGES),
    ("brief.pages", b"not a zip", PAGES),
    ("brief", PAGES_ZIP, PAGES),
    # EPUB
    ("brief.epub", EPUB_ZIP, EPUB),
    ("brief.epub", zipped({"OEBPS/ch1.xhtml": "<html/>"}), EPUB),
    ("brief.zip", EPUB_ZIP, EPUB),
    ("brief.txt", EPUB_ZIP, EPUB),
    # OpenDocument files other than text, and Office files: not documents
    ("data.ods", zipped({"content.xml": "<x/>"},
                        "application/vnd.oasis.opendocument.spreadsheet"), SHEET),
    ("data.xlsx", zipped({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<x/>"}), SHEET),
    ("data.xls", ole2("Workbook"), SHEET),
    ("data", zipped({"xl/workbook.xml": "<x/>"}), SHEET),
    ("slides.odp", zipped({"content.xml": "<x/>"},
                          "application/vnd.oasis.opendocument.presentation"), SLIDES),
    ("slides.pptx", zipped({"ppt/presentation.xml": "<x/>"}), SLIDES),
    ("slides.ppt", ole2("PowerPoint Document"), SLIDES),
    ("slides.key", PAGES_ZIP, SLIDES),
    ("data.numbers", PAGES_ZIP, SHEET),
    ("drawing.odg", zipped({"content.xml": "<x/>"},
                           "application/vnd.oasis.opendocument.graphics"), ODF),
])
def test_refused_with_one_line_exit_3(tmp_path, name, data, message):
    path, result = audit(tmp_path, name, data)
    assert result.exit_code == 3, result.output
    assert result.stderr == f"footcheck: error: {path}: {message}\n"
    assert result.stdout == ""
    assert "Traceback" not in result.output and "Notes:" not in result.output


@pytest.mark.parametrize("name, data, kind", [
    ("figure.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "PNG image"),
    ("scan.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100), "JPEG image"),
    ("chart.gif", b"GIF89a\x01\x00\x01\x00" + bytes(100), "GIF image"),
    ("brief.txt.gz", gzip.compress(b"A claim.^{1}\n\n^{1} A source.\n", mtime=0), "gzip archive"),
    ("brief.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),  # the text path names it
    ("brief.md", ODT_ZIP, "zip archive, such as a .docx or .odt file"),
])
def test_binary_files_are_refused_with_one_line(tmp_path, name, data, kind):
    path, result = audit(tmp_path, name, data)
    assert result.exit_code == 3, result.output
    assert result.stderr == (f"footcheck: error: {path}: looks like a binary file ({kind}), "
                             "not a text document\n")
    assert result.stdout == ""


MARKDOWN_ABOUT_LATEX = b"""# Writing briefs in LaTeX

Use \\section{} in LaTeX to start a section, and \\footnote{} for a note.

```latex
\\documentclass{article}
\\begin{document}
A claim.\\footnote{A source.}
\\end{document}
```
"""


@pytest.mark.parametrize("name, data", [
    ("about-latex.md", MARKDOWN_ABOUT_LATEX),
    ("about-latex.md", b"Intro.\n\n\\documentclass{article} starts every LaTeX file.\n"),
    ("about-rtf.txt", b"Send the brief as rtf, not {\\rtf1 pasted} into an email.\n"),
    ("about-latex.txt", b"Type this:\n\n    \\documentclass{article}\n    \\begin{document}\n"),
    ("about-latex.rst", b"Example::\n\n   \\documentclass{article}\n   \\begin{document}\n"),
    ("about-latex", b"A file starts with \\documentclass, then \\begin{document}.\n"),
    ("notes.text", b"= Title\n:toc:\n\n== Section\n"),  # AsciiDoc only by its suffix
])
def test_text_that_mentions_these_formats_is_read(tmp_path, name, data):
    assert refused(data, name) is None
    assert reader_for(data, name) is None
    _, result = audit(tmp_path, name, data)
    assert result.exit_code in (0, 1), result.output
    assert "cannot read" not in result.output and "not a document" not in result.output


def test_a_pgp_signature_named_asc_is_not_asciidoc():
    signature = (b"-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEE\n=XyZ1\n"
                 b"-----END PGP SIGNATURE-----\n")
    assert refused(signature, "brief.txt.asc") is None


@pytest.mark.parametrize("name, data", [
    ("brief.odt", ODT_ZIP),
    ("brief.ott", zipped({"content.xml": "<x/>"},
                         "application/vnd.oasis.opendocument.text-template")),
    ("brief", ODT_ZIP),
])
def test_opendocument_text_is_read_not_refused(name, data):
    assert refused(data, name) is None
    assert reader_for(data, name) == "odt"  # see test_odt_reader.py


@pytest.mark.parametrize("name, data, reader", [
    ("brief.doc", docx(["x"]), "docx"),  # a .docx renamed .doc: its bytes decide
    ("brief.odt", docx(["x"]), "docx"),
    ("brief.tex", b"%PDF-1.7\n", "pdf"),
    ("brief", docx(["x"]), "docx"),
])
def test_a_readable_file_under_a_refused_name_is_read_by_its_content(name, data, reader):
    assert reader_for(data, name) == reader


@pytest.mark.parametrize("name, data, message", [
    ("brief.docx", RTF_DOC, "is named .docx but is an RTF file, not a Word document"),
    ("brief.docx", ODT_ZIP, "is a zip archive but not a Word document (it is an OpenDocument"),
    ("brief.pdf", RTF_DOC, "is named .pdf but is an RTF file, not a PDF"),
    ("brief.html", RTF_DOC, "is named .html but is an RTF file, not a web page"),
])
def test_a_reader_suffix_with_refused_content_says_what_it_is(tmp_path, name, data, message):
    path, result = audit(tmp_path, name, data)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"footcheck: error: {path}: {message}")
    assert result.stderr.count("\n") == 1


def test_a_folder_walk_skips_refused_formats(tmp_path):
    (tmp_path / "brief.tex").write_bytes(LATEX_DOC)
    (tmp_path / "data.ods").write_bytes(zipped({"content.xml": "<x/>"},
                                               "application/vnd.oasis.opendocument.spreadsheet"))
    result = CliRunner().invoke(cli, ["audit", str(tmp_path), "--offline"])
    assert result.exit_code == 3
    assert "no documents to audit in this folder" in result.stderr
