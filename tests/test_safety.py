"""Never crash, never hang, never leak: signals during a write, hostile text in the HTML
report, many markers on one line, and files that unpack to far more than they weigh."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

EXE = [sys.executable, "-m", "footcheck"]

# --- 1. SIGTERM during an atomic write --------------------------------------------------------

_BLOCKING_WRITER = textwrap.dedent("""
    import os, signal, sys, time
    from footcheck import output

    def stall(descriptor):  # the data is written; "syncing" takes forever
        print("ready", flush=True)
        time.sleep(60)

    output.os.fsync = stall
    if sys.argv[2] == "handler":
        def handler(signum, frame):
            print("previous handler", flush=True)
            sys.exit(7)
        signal.signal(signal.SIGTERM, handler)
    output.write_atomic(sys.argv[1], "new report\\n" * 100_000)
    print("finished", flush=True)
""")


def _write_then_terminate(target: Path, mode: str) -> subprocess.CompletedProcess:
    process = subprocess.Popen([sys.executable, "-c", _BLOCKING_WRITER, str(target), mode],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("existing", [True, False])
def test_sigterm_during_write_leaves_no_temporary_file(tmp_path, existing):
    target = tmp_path / "report.html"
    if existing:
        target.write_text("old report\n")
    result = _write_then_terminate(target, "default")
    assert result.returncode == -signal.SIGTERM, result.stderr  # ended by the signal
    assert "Traceback" not in result.stderr and "finished" not in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == (["report.html"] if existing else [])
    if existing:
        assert target.read_text() == "old report\n"


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_sigterm_during_write_calls_the_previous_handler(tmp_path):
    target = tmp_path / "report.html"
    result = _write_then_terminate(target, "handler")
    assert result.returncode == 7, result.stderr
    assert result.stdout == "previous handler\n"
    assert list(tmp_path.iterdir()) == []


def test_write_restores_the_sigterm_handler(tmp_path):
    from footcheck.output import write_atomic

    before = signal.getsignal(signal.SIGTERM)
    write_atomic(tmp_path / "out.txt", "text\n")
    assert signal.getsignal(signal.SIGTERM) == before
    assert (tmp_path / "out.txt").read_text() == "text\n"


# --- 2. Bidirectional controls in the HTML report ---------------------------------------------

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_html_report_shows_bidi_controls_instead_of_obeying_them():
    from dataclasses import replace

    from footcheck.formats import render
    from footcheck.model import Document, LinkResult
    from footcheck.pipeline import audit

    text = ("A claim.^{1} Another\u2067 one.^{2}\n\nNotes\n\n"
            "^{1} See \u202ehttps://evil.example/moc.elgoog/\u202c and <https://a.example/x>.\n")
    report = audit(Document.from_text(text, path=f"brief{_BIDI}.md"))
    links = (LinkResult(url="https://a.example/x", verdict="dead", title="Ti\u202etle",
                        detail="gone\u2066", final_url="https://a.example/\u202ey"),)
    page = render("html", replace(report, links=links))
    assert not any(c in page for c in _BIDI)
    assert '<span class="bidi">⟨U+202E⟩</span>https://evil.example/moc.elgoog/' in page
    assert "<title>footcheck: brief⟨U+202A⟩⟨U+202B⟩" in page  # no markup inside <title>
    assert "⟨U+2067⟩" in page and "⟨U+061C⟩" in page and "Ti<span" in page


def test_html_escape_helpers():
    from footcheck.formats.html import _attr, escape, safe_href

    assert escape('<a href="x">\u202e') == (
        '&lt;a href=&quot;x&quot;&gt;<span class="bidi">⟨U+202E⟩</span>')
    assert _attr('"\u200f') == "&quot;⟨U+200F⟩"
    assert safe_href("https://evil.example/\u202emoc.elgoog") is None


# --- 3. Many markers on one line in the HTML report -------------------------------------------


def _old_sentence_start(line: str, before: int) -> int:
    from footcheck.formats.html import _SENTENCE_BREAK

    start = 0
    for found in _SENTENCE_BREAK.finditer(line, 0, max(before, 0)):
        start = found.end()
    return start


def _old_sentence_end(line: str, after: int) -> int:
    from footcheck.formats.html import _SENTENCE_BREAK

    found = _SENTENCE_BREAK.search(line, after)
    return len(line) if found is None else len(line[:found.end()].rstrip())


def test_sentence_bounds_are_those_of_the_scan_from_the_line_start():
    """The linear lookup finds the same sentence bounds as the former rescan of the line."""
    import random

    from footcheck.formats.html import _SENTENCE_BREAK, _sentence_end, _sentence_start

    pieces = [*".?!\"'”’)^{}[]1 \tabxⁱ²", "^{12}", "[^3]", "[4]", "^iv", "  "]
    rng = random.Random(7)
    for _ in range(3000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        found = [(m.start(), m.end()) for m in _SENTENCE_BREAK.finditer(line)]
        starts, ends = [a for a, _ in found], [b for _, b in found]
        for k in range(-1, len(line) + 2):
            assert _sentence_start(line, starts, ends, k) == _old_sentence_start(line, k)
            if k >= 0:
                assert _sentence_end(line, starts, ends, k) == _old_sentence_end(line, k)


def test_many_markers_on_one_line_are_each_shown_in_their_sentence():
    from footcheck.formats import render
    from footcheck.model import Document
    from footcheck.pipeline import audit

    line = " ".join(f"Claim {i}.^{{{i}}}" for i in range(1, 41)) + " Open^{41} end"
    page = render("html", audit(Document.from_text(line + "\n\nNotes\n\n^{1} One.\n")))
    assert "<blockquote>…Claim 7.<mark>^{7}</mark>…</blockquote>" in page
    assert "<blockquote>…Open<mark>^{41}</mark> end</blockquote>" in page


# --- 4. Files that unpack to far more than they weigh -----------------------------------------

_MEASURED = textwrap.dedent("""
    import json, resource, subprocess, sys
    result = subprocess.run([sys.executable, "-m", "footcheck", "audit", sys.argv[1],
                             "--offline"], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(json.dumps({"code": result.returncode, "err": result.stderr, "out": result.stdout,
                      "peak_mb": peak / 1024}))
""")


def _audit_measured(path: Path) -> dict:
    import json

    done = subprocess.run([sys.executable, "-c", _MEASURED, str(path)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})
    return json.loads(done.stdout)


def _zip_of_zeros(path: Path, megabytes: int, declared: int | None = None) -> Path:
    """A .docx whose word/document.xml is ``megabytes`` MB of zeros, written as a stream; with
    ``declared``, the central directory claims that unpacked size instead."""
    import zipfile

    block = bytes(1024 * 1024)
    with (zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
          archive.open("word/document.xml", "w") as member):
        for _ in range(megabytes):
            member.write(block)
    if declared is not None:
        data = bytearray(path.read_bytes())
        entry = data.rindex(b"PK\x01\x02")  # the central directory entry of the one member
        data[entry + 24:entry + 28] = declared.to_bytes(4, "little")
        path.write_bytes(bytes(data))
    return path


def _one_error_line(result: dict, expected: str) -> None:
    assert result["code"] == 3, result
    assert result["err"].count("\n") == 1 and "Traceback" not in result["err"], result
    assert expected in result["err"], result
    assert result["out"] == ""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB")
def test_zip_bomb_docx_is_refused_in_small_memory(tmp_path):
    result = _audit_measured(_zip_of_zeros(tmp_path / "bomb.docx", 200))
    _one_error_line(result, "word/document.xml unpacks to more than 64 MB")
    assert result["peak_mb"] < 300, result


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB")
def test_zip_header_lying_about_the_size_is_refused_in_small_memory(tmp_path):
    bomb = _zip_of_zeros(tmp_path / "liar.docx", 400, declared=1000)
    result = _audit_measured(bomb)
    _one_error_line(result, "damaged Word file (word/document.xml cannot be unpacked)")
    assert result["peak_mb"] < 300, result


def test_declared_size_over_the_limit_is_not_trusted_either_way(tmp_path, monkeypatch):
    """A small part whose header claims gigabytes reads fine: what counts is what comes out."""
    import zipfile

    from footcheck.readers import ooxml

    path = tmp_path / "claims.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a>" + b"x" * 5000 + b"</a>")
    data = bytearray(path.read_bytes())
    entry = data.rindex(b"PK\x01\x02")
    data[entry + 24:entry + 28] = (3 * 1024**3).to_bytes(4, "little")
    package = ooxml.Package(bytes(data))
    assert len(package.raw("word/document.xml") or b"") == 5007
    monkeypatch.setattr(ooxml, "MAX_PART", 4096)
    with pytest.raises(ooxml.Unreadable, match="unpacks to more than"):
        package.raw("word/document.xml")


_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB")
def test_billion_laughs_docx_is_refused_in_small_memory(tmp_path):
    import zipfile

    path = tmp_path / "laughs.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", _LAUGHS)
    result = _audit_measured(path)
    _one_error_line(result, "word/document.xml declares a DOCTYPE or XML entities")
    assert result["peak_mb"] < 300, result


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_entity_declarations_are_refused_in_any_encoding(encoding):
    from footcheck.readers.ooxml import Unreadable, refuse_doctype

    text = '<?xml version="1.0" encoding="%s"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'
    with pytest.raises(Unreadable, match="declares a DOCTYPE"):
        refuse_doctype((text % encoding).encode(encoding), "word/document.xml")
    refuse_doctype('<?xml version="1.0"?><a>&amp;</a>'.encode(encoding), "x.xml")  # fine


def test_odt_parts_are_read_by_what_they_unpack_to(monkeypatch):
    import io
    import zipfile

    from footcheck.readers import odt
    from footcheck.readers.ooxml import Unreadable

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"<a>" + b" " * 5000 + b"</a>")
        archive.writestr("styles.xml", _LAUGHS)
    data = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        with pytest.raises(Unreadable, match=r"styles\.xml declares a DOCTYPE"):
            odt._unpack(archive, "styles.xml")
        monkeypatch.setattr(odt, "MAX_PART", 4096)
        with pytest.raises(Unreadable, match=r"content\.xml unpacks to more than"):
            odt._unpack(archive, "content.xml")


# --- PDF limits -------------------------------------------------------------------------------


def _blank_pdf(pages: int) -> bytes:
    import io

    pypdfium2 = pytest.importorskip("pypdfium2")
    pdf = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(612, 792)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def test_pdf_with_too_many_pages_is_refused(monkeypatch):
    from footcheck.readers import Unreadable, pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    with pytest.raises(Unreadable, match=r"^is too long to read \(4 pages; at most 3\)$"):
        pdf.read(_blank_pdf(4), "long.pdf")
    with pytest.raises(Unreadable, match="no text layer"):  # within the limit: read
        pdf.read(_blank_pdf(3), "short.pdf")


def _text_pdf(text: str) -> bytes:
    import ctypes
    import io

    pypdfium2 = pytest.importorskip("pypdfium2")
    import pypdfium2.raw as raw

    pdf = pypdfium2.PdfDocument.new()
    page = pdf.new_page(612, 792)
    obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 12.0)
    wide = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    raw.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(raw.FPDF_WCHAR)))
    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 50, 700)
    raw.FPDFPage_InsertObject(page.raw, obj)
    raw.FPDFPage_GenerateContent(page.raw)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def test_pdf_with_too_much_text_is_refused(monkeypatch):
    from footcheck.readers import Unreadable, pdf

    data = _text_pdf("Hello world " * 10)
    assert pdf.read(data, "fine.pdf").text.startswith("Hello world")
    monkeypatch.setattr(pdf, "MAX_CHARS", 50)
    with pytest.raises(Unreadable, match=r"^is too long to read \(more than 50 characters"):
        pdf.read(data, "long.pdf")
    monkeypatch.setattr(pdf, "MAX_CHARS", 10**6)
    monkeypatch.setattr(pdf, "MAX_PAGE_CHARS", 50)
    with pytest.raises(Unreadable, match=r"characters of text\) on one page$"):
        pdf.read(data, "dense.pdf")
