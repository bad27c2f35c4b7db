"""The readers' limits, found by ``benchmarks/memory.py``: each counted on what a file holds
(its unpacked XML, its tags, lines and markup, the memory its reading takes), each hit one
error line and exit 3. The limits are lowered here so that small files reach them."""

from __future__ import annotations

import contextlib
import functools
import io
import sys
import threading
import time
import zipfile
import zlib

import pytest
from click.testing import CliRunner
from fuzzdocs import pdf_file

from footcheck.cli import cli
from footcheck.model import Document

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def one_error_line(tmp_path, name: str, data: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["audit", str(path), "--offline"])
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and expected in lines[0] and str(path) in lines[0], result.stderr
    assert result.stdout == ""


def docx(paragraphs: int, endnotes: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        body = "<w:p><w:r><w:t>Text.</w:t></w:r></w:p>" * paragraphs
        archive.writestr("word/document.xml",
                         f"<w:document {W_NS}><w:body>{body}</w:body></w:document>")
        if endnotes:
            notes = "".join(f'<w:endnote w:id="{i}"><w:p><w:r><w:t>Note.</w:t></w:r></w:p>'
                            "</w:endnote>" for i in range(1, endnotes + 1))
            archive.writestr("word/endnotes.xml", f"<w:endnotes {W_NS}>{notes}</w:endnotes>")
    return buffer.getvalue()


# --- XML: Word and OpenDocument ------------------------------------------------------------------

def test_xml_elements_are_counted_over_every_part(tmp_path, monkeypatch):
    """60 MB of ``<w:p/>`` (1 MB zipped) made a 1 GB tree: the tags of all the parts read
    are counted before each is parsed."""
    from footcheck.readers import ooxml

    monkeypatch.setattr(ooxml, "MAX_TAGS", 600)
    small = docx(40)
    assert CliRunner().invoke(cli, ["bib", str(_write(tmp_path, "ok.docx", small))]
                              ).exit_code == 0
    one_error_line(tmp_path, "big.docx", docx(110), "is too large to read (more than 600 XML "
                                                     "elements)")
    one_error_line(tmp_path, "notes.docx", docx(60, endnotes=60), "more than 600 XML elements")


def test_xml_bytes_are_counted_over_every_part(tmp_path, monkeypatch):
    from footcheck.readers import ooxml

    monkeypatch.setattr(ooxml, "MAX_UNPACKED", 3000)
    one_error_line(tmp_path, "big.docx", docx(40, endnotes=40),
                   "is too large to read (its XML unpacks to more than 0 MB)")


def _odt(paragraphs: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        body = "<text:p>Text.</text:p>" * paragraphs
        archive.writestr("content.xml", f"<office:document-content {ODF_NS}><office:body>"
                                        f"<office:text>{body}</office:text></office:body>"
                                        "</office:document-content>")
    return buffer.getvalue()


def test_opendocument_elements_are_counted(tmp_path, monkeypatch):
    from footcheck.readers import ooxml

    monkeypatch.setattr(ooxml, "MAX_TAGS", 300)
    assert CliRunner().invoke(cli, ["bib", str(_write(tmp_path, "ok.odt", _odt(100)))]
                              ).exit_code == 0
    one_error_line(tmp_path, "big.odt", _odt(200), "more than 300 XML elements")
    flat = (f'<office:document {ODF_NS} office:mimetype="application/vnd.oasis.opendocument.'
            f'text"><office:body><office:text>{"<text:p>x</text:p>" * 200}</office:text>'
            "</office:body></office:document>").encode()
    one_error_line(tmp_path, "big.fodt", flat, "more than 300 XML elements")


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- HTML ---------------------------------------------------------------------------------------

def test_html_tags_are_counted_before_parsing(tmp_path, monkeypatch):
    """9 MB of ``<p>`` made Beautiful Soup take 2.4 GB."""
    from footcheck.readers import html

    monkeypatch.setattr(html, "MAX_TAGS", 100)
    page = b"<p>Claim.<sup>1</sup></p>" * 20  # 80 tags
    assert CliRunner().invoke(cli, ["bib", str(_write(tmp_path, "ok.html", page))]
                              ).exit_code == 0
    one_error_line(tmp_path, "big.html", page * 2, "is too large to read (more than 100 HTML "
                                                   "tags)")


# --- Markdown, reStructuredText, text ------------------------------------------------------------

def test_markdown_markup_and_tokens_are_limited_before_they_take_memory(tmp_path, monkeypatch):
    """9 MB of ``[^1]`` made markdown-it's tokens take 2.3 GB: markup is counted before
    parsing, and tokens as the blocks and inlines are made."""
    from footcheck.readers import markdown

    monkeypatch.setattr(markdown, "MAX_MARKUP", 100)
    assert CliRunner().invoke(cli, ["bib", str(_write(tmp_path, "ok.md", b"x[^1] " * 90))]
                              ).exit_code == 0
    one_error_line(tmp_path, "refs.md", b"x[^1] " * 101, "is too large to read as Markdown "
                                                          "(more than 100 pieces of markup)")
    monkeypatch.setattr(markdown, "MAX_TOKENS", 100)
    assert CliRunner().invoke(cli, ["bib", str(_write(tmp_path, "ok.md", b"- x\n" * 19))]
                              ).exit_code == 0
    one_error_line(tmp_path, "lines.md", b"- x\n" * 21, "more than 100 pieces of structure")
    monkeypatch.setattr(markdown, "MAX_TOKENS", 40)  # inline tokens count too
    one_error_line(tmp_path, "inline.md", b"x[^1] " * 30 + b"\n\n[^1]: y\n",
                   "more than 40 pieces of structure")


def test_rst_lines_markup_and_indentation_are_limited(tmp_path, monkeypatch):
    from footcheck.readers import rst

    monkeypatch.setattr(rst, "MAX_PIECES", 100)
    one_error_line(tmp_path, "refs.rst", b"x [1]_ " * 101 + b"\n\n.. [1] y\n",
                   "is too large to read as reStructuredText (more than 100 lines")
    nested = b"".join(b" " * i + b"x\n\n" for i in range(0, 30))  # 60 lines, quotes 29 deep
    assert CliRunner().invoke(cli, ["bib", str(_write(tmp_path, "ok.rst", nested))]
                              ).exit_code == 0
    monkeypatch.setattr(rst, "MAX_INDENT", 28)
    one_error_line(tmp_path, "deep.rst", nested, "is nested too deeply to read as "
                                                 "reStructuredText (a line is indented by more "
                                                 "than 28 columns)")
    tabs = b"x\n\n\t\t\t\t\ty\n"  # 5 tabs: column 40
    one_error_line(tmp_path, "tabs.rst", tabs, "indented by more than 28 columns")


def test_rst_nested_four_thousand_deep_is_refused_before_docutils(monkeypatch):
    """4,000 levels of block quote took docutils 2.5 GB; now the indentation says no first."""
    import docutils.core

    from footcheck.readers import Unreadable, rst

    def never(*args, **kwargs):
        raise AssertionError("docutils was run")

    monkeypatch.setattr(docutils.core, "publish_doctree", never)
    text = "".join(" " * i + "x\n\n" for i in range(4000))
    with pytest.raises(Unreadable, match="indented by more than 200 columns"):
        rst.parse(Document.from_text(text, path="deep.rst"))


def test_native_notes_and_markers_are_limited(tmp_path, monkeypatch):
    """Each note costs the audit kilobytes: a file's format may define 40,000 at most."""
    from footcheck.readers import markup

    monkeypatch.setattr(markup, "MAX_NOTES", 10)
    notes = b"".join(b"Claim.[^%d]\n\n[^%d]: Note %d.\n\n" % (i, i, i) for i in range(1, 6))
    assert CliRunner().invoke(cli, ["bib", str(_write(tmp_path, "ok.md", notes))]
                              ).exit_code == 0
    more = notes + b"Claim.[^6]\n\n[^6]: Note 6.\n"
    one_error_line(tmp_path, "many.md", more, "has too many notes to audit (more than 10 "
                                              "notes and markers)")
    rst_notes = b"".join(b"Claim [%d]_.\n\n.. [%d] Note %d.\n\n" % (i, i, i) for i in range(1, 7))
    one_error_line(tmp_path, "many.rst", rst_notes, "has too many notes to audit")
    one_error_line(tmp_path, "many.docx", _docx_cited(6), "has too many notes to audit")
    page = b"<p>" + b"".join(b'x<a href="#fn%d" class="footnote-ref"><sup>%d</sup></a>' % (i, i)
                             for i in range(1, 7)) + b'</p><ol class="footnotes">' + b"".join(
        b'<li id="fn%d">Note %d.</li>' % (i, i) for i in range(1, 7)) + b"</ol>"
    one_error_line(tmp_path, "many.html", page, "has too many notes to audit")


def _docx_cited(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        body = "".join(f'<w:p><w:r><w:t>Claim.</w:t></w:r><w:r><w:endnoteReference w:id="{i}"/>'
                       "</w:r></w:p>" for i in range(1, count + 1))
        archive.writestr("word/document.xml",
                         f"<w:document {W_NS}><w:body>{body}</w:body></w:document>")
        notes = "".join(f'<w:endnote w:id="{i}"><w:p><w:r><w:t>Note.</w:t></w:r></w:p>'
                        "</w:endnote>" for i in range(1, count + 1))
        archive.writestr("word/endnotes.xml", f"<w:endnotes {W_NS}>{notes}</w:endnotes>")
    return buffer.getvalue()


def test_text_lines_are_limited_before_the_line_table(tmp_path, monkeypatch):
    """10 MB of line breaks: a table of 10 million line starts (400 MB)."""
    from footcheck import document

    monkeypatch.setattr(document, "MAX_LINES", 50)
    assert CliRunner().invoke(cli, ["bib", str(_write(tmp_path, "ok.txt", b"x\n" * 50))]
                              ).exit_code == 0
    one_error_line(tmp_path, "lines.txt", b"x\n" * 51, "is too large to read (more than 50 "
                                                       "lines)")
    one_error_line(tmp_path, "lines.md", b"x\r" * 51, "more than 50 lines")


# --- PDF -----------------------------------------------------------------------------------------

pdf_only_on_linux = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                       reason="the reading apart runs on Linux")


def _pdf(content: bytes, compress: bool = True) -> bytes:
    data = zlib.compress(content, 9) if compress else content
    flt = b" /Filter /FlateDecode" if compress else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
               b"<< /F1 4 0 R >> >> /Contents 5 0 R >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d%s >>\nstream\n" % (len(data), flt) + data + b"\nendstream"]
    return pdf_file(objects)


TEXT = b"BT /F1 12 Tf 72 700 Td (A claim in a brief.) Tj ET\n"


@pdf_only_on_linux
def test_a_pdf_stream_inflating_to_gigabytes_is_refused(tmp_path, monkeypatch):
    """A 1 MB PDF whose page stream inflates to 1 GB took 2 GB: PDFium now reads in a
    process of its own whose memory is limited."""
    pytest.importorskip("pypdfium2")
    from footcheck.readers import pdf

    monkeypatch.setattr(pdf, "MAX_MEMORY", 40 * 1024 * 1024)
    assert pdf.read(_pdf(TEXT), "ok.pdf").text.startswith("A claim")
    bomb = _pdf(TEXT + b" " * (200 * 1024 * 1024))
    assert len(bomb) < 300_000
    one_error_line(tmp_path, "bomb.pdf", bomb, "is too large to read (reading it needs more "
                                               "than 40 MB of memory)")


# Readers a child reading apart runs in the tests: module-level, so that a child started by
# multiprocessing's fork server (which the parent cannot hand a closure) can run them too.
def _slow_read(data: bytes, path: str):
    time.sleep(30)


def _raise(error: Exception, data: bytes, path: str):
    raise error


@contextlib.contextmanager
def _another_thread_running():
    """A thread of the host application runs beside the reading (forking would be unsafe)."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@pdf_only_on_linux
def test_a_threaded_application_gets_the_same_limits(tmp_path, monkeypatch):
    """The reading runs apart from a process with other threads too (started by the fork
    server): the document comes back, a bomb is refused and a slow reading stopped, under
    the limits the parent has."""
    pytest.importorskip("pypdfium2")
    from footcheck.readers import Unreadable, pdf

    monkeypatch.setattr(pdf, "MAX_MEMORY", 40 * 1024 * 1024)
    with _another_thread_running():
        assert pdf.read(_pdf(TEXT), "ok.pdf").text.startswith("A claim")
        with pytest.raises(Unreadable, match=r"needs more than 40 MB of memory"):
            pdf.read(_pdf(TEXT + b" " * (200 * 1024 * 1024)), "bomb.pdf")
        monkeypatch.setattr(pdf, "_read", _slow_read)
        monkeypatch.setattr(pdf, "MAX_SECONDS", 1)
        with pytest.raises(Unreadable, match=r"takes too long to read"):
            pdf.read(_pdf(TEXT), "slow.pdf")


def _read_in_worker(threaded: bool) -> str:
    from footcheck.readers import pdf

    if not threaded:
        return pdf.read(_pdf(TEXT), "ok.pdf").text
    with _another_thread_running():
        return pdf.read(_pdf(TEXT), "ok.pdf").text


@pdf_only_on_linux
@pytest.mark.parametrize("threaded", [False, True])
def test_a_pdf_is_read_in_a_pool_worker(threaded):
    """A multiprocessing pool's worker is daemonic: it may not start a process through
    multiprocessing (the fuzz campaign's 491 PDFs crashed so), only fork one when it runs
    no other thread; with other threads it reads in its own process."""
    pytest.importorskip("pypdfium2")
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_read_in_worker, (threaded,)).startswith("A claim")


@pdf_only_on_linux
def test_a_pdf_taking_too_long_is_stopped(tmp_path, monkeypatch):
    pytest.importorskip("pypdfium2")
    from footcheck.readers import pdf

    monkeypatch.setattr(pdf, "_read", _slow_read)
    monkeypatch.setattr(pdf, "MAX_SECONDS", 1)
    started = time.monotonic()
    one_error_line(tmp_path, "slow.pdf", _pdf(TEXT), "takes too long to read (more than 1 s)")
    assert time.monotonic() - started < 20


@pdf_only_on_linux
def test_what_the_pdf_reader_raises_apart_comes_back(monkeypatch):
    pytest.importorskip("pypdfium2")
    from footcheck.readers import Unreadable, pdf

    for error, expected in ((Unreadable("is odd"), Unreadable),
                            (RecursionError("deep"), RecursionError),
                            (ValueError("a bug"), RuntimeError)):
        monkeypatch.setattr(pdf, "_read", functools.partial(_raise, error))
        with pytest.raises(expected) as caught:
            pdf.read(_pdf(TEXT), "x.pdf")
        assert str(error) in str(caught.value)


def test_typed_notes_and_markers_are_limited(tmp_path, monkeypatch):
    """9 MB of ``^{1}`` on one line: 2.25 million candidate markers held 580 MB."""
    from footcheck import extract

    monkeypatch.setattr(extract, "MAX_NOTES", 50)
    assert CliRunner().invoke(cli, ["bib", str(_write(tmp_path, "ok.txt", b"^{1}" * 50))]
                              ).exit_code == 0
    one_error_line(tmp_path, "markers.txt", b"^{1}" * 51,
                   "has too many note markers to audit (more than 50)")
    notes = b"Claim.^{1}\n\nNotes\n\n" + b"".join(b"%d. Smith %d.\n" % (i, i) for i in range(1, 52))
    one_error_line(tmp_path, "notes.txt", notes, "has too many notes to audit (more than 50)")
