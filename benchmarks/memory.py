"""Peak memory of an audit, for hostile inputs of at most 10 MB in every format.

Run by hand: ``.venv/bin/python benchmarks/memory.py [--only NAME…] [--limit MB]``.

Each case is a file of at most 10 MB built to make a reader or the audit hold as much as
possible: zip bombs (honest and lying headers, in every part a reader reads), XML nested
deep or made of millions of tiny elements, entity expansion, huge single lines, PDFs with
huge streams, many pages or pages full of text, HTML nested deep or of millions of tags,
Markdown and reStructuredText with hundreds of thousands of markers or paragraphs. Each is
audited by ``footcheck audit FILE --offline -f json`` in a process of its own; its peak
resident memory (``ru_maxrss`` from ``wait4``), time, exit code and first line of stderr are
printed as a table. Target (issue 16): no input of at most 10 MB makes footcheck use more
than 500 MB; what footcheck refuses, it refuses with one line and exit code 3.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent / "tests" / "fuzz")]
from fuzzdocs import pdf_file  # noqa: E402

MB = 1024 * 1024
MAX_INPUT = 10 * MB
LIMIT_MB = 500
TIMEOUT = 600  # seconds an audit may take before it is stopped (and reported)

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')
ODT_MIME = "application/vnd.oasis.opendocument.text"


# --- builders ------------------------------------------------------------------------------------

def _zip(members: dict[str, bytes | Callable[[zipfile.ZipFile, str], None]],
         stored: tuple[str, ...] = ()) -> bytes:
    """A zip of ``members``: bytes, or a function writing a member as a stream."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, body in members.items():
            if callable(body):
                body(archive, name)
            else:
                archive.writestr(name, body, zipfile.ZIP_STORED if name in stored
                                 else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _stream(head: bytes, unit: bytes, size: int, tail: bytes
            ) -> Callable[[zipfile.ZipFile, str], None]:
    """A member written as ``head`` + ``unit`` repeated to ``size`` bytes + ``tail``."""
    def write(archive: zipfile.ZipFile, name: str) -> None:
        with archive.open(name, "w", force_zip64=True) as member:
            member.write(head)
            block = unit * max(1, MB // len(unit))
            written = 0
            while written < size:
                member.write(block)
                written += len(block)
            member.write(tail)
    return write


def _lie(data: bytes, name: str, declared: int) -> bytes:
    """``data`` with the central directory claiming member ``name`` unpacks to ``declared``."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02" + b"", 0)
    while at >= 0:
        length = int.from_bytes(out[at + 28:at + 30], "little")
        if out[at + 46:at + 46 + length] == name.encode():
            out[at + 24:at + 28] = declared.to_bytes(4, "little")
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def _docx(document: bytes | Callable, **parts: bytes | Callable) -> bytes:
    members: dict = {"word/document.xml": document}
    members.update({f"word/{name}.xml": body for name, body in parts.items()})
    return _zip(members)


def _document(body: bytes) -> bytes:
    return b"<w:document " + W_NS.encode() + b"><w:body>" + body + b"</w:body></w:document>"


_DOC_HEAD = b"<w:document " + W_NS.encode() + b"><w:body>"
_DOC_TAIL = b"</w:body></w:document>"


def _odt(content: bytes | Callable, styles: bytes | Callable | None = None) -> bytes:
    members: dict = {"mimetype": ODT_MIME.encode(), "content.xml": content}
    if styles is not None:
        members["styles.xml"] = styles
    return _zip(members, stored=("mimetype",))


_ODT_HEAD = (f"<office:document-content {ODF_NS}><office:body><office:text>").encode()
_ODT_TAIL = b"</office:text></office:body></office:document-content>"


def _words(count: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    vocabulary = ["migration", "policy", "border", "housing", "report", "survey", "rent",
                  "ministry", "growth", "exile", "visa", "labour", "market", "capital"]
    return " ".join(rng.choice(vocabulary) for _ in range(count))


def _deflated(size: int) -> tuple[int, bytes]:
    """The length and bytes of ``size`` spaces, deflated (a stream's /Length and data)."""
    pack = zlib.compressobj(9)
    block = b" " * MB
    data = b"".join(pack.compress(block) for _ in range(size // MB)) + pack.flush()
    return len(data), data


def _pdf(pages: list[bytes], compress: bool = True, extra: list[bytes] | None = None,
         resources: bytes = b"") -> bytes:
    """A PDF of page content streams (Helvetica as F1), flate-compressed when asked;
    ``extra`` objects are numbered from 4 on."""
    objects: list[bytes] = [b"", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    objects += extra or []
    kids = []
    for content in pages:
        data = zlib.compress(content, 9) if compress else content
        flt = b" /Filter /FlateDecode" if compress else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(data), flt) + data
                       + b"\nendstream")
        stream = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources << /Font << /F1 3 0 R >> %s >> /Contents %d 0 R >>"
                       % (resources, stream))
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return pdf_file(objects)


def _text_page(lines: int, words: int, seed: int) -> bytes:
    rng = random.Random(seed)
    body = [b"BT /F1 9 Tf 36 770 Td 10 TL"]
    for _ in range(lines):
        text = _words(words, rng.randrange(1 << 30)).encode()
        body.append(b"(" + text + b") '")
    body.append(b"ET")
    return b"\n".join(body)


def _laughs(root: bytes) -> bytes:
    entities = [b'<!ENTITY l0 "lol">'] + [
        b"<!ENTITY l%d \"%s\">" % (i, b"".join(b"&l%d;" % (i - 1) for _ in range(10)))
        for i in range(1, 10)]
    return (b'<?xml version="1.0"?><!DOCTYPE r [' + b"".join(entities) + b"]>"
            + root.replace(b"LAUGH", b"&l9;"))


def _fill(unit: bytes, size: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    count = max(0, (size - len(head) - len(tail)) // len(unit))
    return head + unit * count + tail


def cases() -> dict[str, Callable[[], tuple[str, bytes]]]:
    """Every case: name -> builder of (file name, bytes)."""
    nine = 9 * MB
    out: dict[str, Callable[[], tuple[str, bytes]]] = {}

    def case(name: str, suffix: str):
        def register(build: Callable[[], bytes]):
            out[name] = lambda: (f"{name}{suffix}", build())
            return build
        return register

    # Word: zip bombs, honest and lying, in each part the reader reads.
    case("docx-bomb-document", ".docx")(lambda: _docx(_stream(_DOC_HEAD, b" ", 2000 * MB,
                                                              _DOC_TAIL)))
    case("docx-bomb-lying-header", ".docx")(lambda: _lie(
        _docx(_stream(_DOC_HEAD, b" ", 2000 * MB, _DOC_TAIL)), "word/document.xml", 1000))
    for part in ("styles", "numbering", "endnotes", "footnotes", "settings"):
        case(f"docx-bomb-{part}", ".docx")(lambda part=part: _docx(
            _document(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"),
            **{part: _stream(b"<w:x " + W_NS.encode() + b">", b" ", 2000 * MB, b"</w:x>")}))
    # Word: parts just under the size limit, made of tiny elements, in every part at once.
    case("docx-tiny-elements", ".docx")(lambda: _docx(
        _stream(_DOC_HEAD, b"<w:p/>", 60 * MB, _DOC_TAIL)))
    case("docx-tiny-elements-every-part", ".docx")(lambda: _docx(
        _stream(_DOC_HEAD, b"<w:p/>", 60 * MB, _DOC_TAIL),
        **{part: _stream(b"<w:x " + W_NS.encode() + b">", b"<w:y/>", 60 * MB, b"</w:x>")
           for part in ("styles", "numbering", "endnotes", "footnotes", "settings")}))
    case("docx-runs", ".docx")(lambda: _docx(_stream(
        _DOC_HEAD + b"<w:p>", b'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        b"<w:t>1</w:t></w:r>", 60 * MB, b"</w:p>" + _DOC_TAIL)))
    case("docx-note-references", ".docx")(lambda: _docx(
        _stream(_DOC_HEAD + b"<w:p>", b'<w:r><w:endnoteReference w:id="1"/></w:r>', 60 * MB,
                b"</w:p>" + _DOC_TAIL),
        endnotes=b"<w:endnotes " + W_NS.encode() + b'><w:endnote w:id="1"><w:p><w:r><w:t>'
        + b"Smith (2020). A title. https://example.org/x" + b"</w:t></w:r></w:p></w:endnote>"
        b"</w:endnotes>"))
    # Word: as much as the limits let through (1,000,000 tags): paragraphs of text, markers,
    # and note references each citing a note of its own.
    case("docx-paragraphs-at-limit", ".docx")(lambda: _docx(_document(b"".join(
        b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % _words(12, i).encode()
        for i in range(160_000)))))
    case("docx-markers-at-limit", ".docx")(lambda: _docx(_document(b"".join(
        b'<w:p><w:r><w:t>Claim.</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        b"</w:rPr><w:t>%d</w:t></w:r></w:p>" % i for i in range(1, 70_000)))))
    case("docx-notes-at-limit", ".docx")(lambda: _docx(
        _document(b"".join(b'<w:p><w:r><w:t>Claim.</w:t></w:r><w:r><w:endnoteReference '
                           b'w:id="%d"/></w:r></w:p>' % i for i in range(1, 39_900))),
        endnotes=b"<w:endnotes " + W_NS.encode() + b">" + b"".join(
            b'<w:endnote w:id="%d"><w:p><w:r><w:t>Smith, J. (2020). Title %d. '
            b"https://example.org/%d</w:t></w:r></w:p></w:endnote>" % (i, i, i)
            for i in range(1, 39_900)) + b"</w:endnotes>"))
    case("docx-deep-sdt", ".docx")(lambda: _docx(_document(
        b"<w:sdt><w:sdtContent>" * 200_000 + b"<w:p/>" + b"</w:sdtContent></w:sdt>" * 200_000)))
    case("docx-deep-tables", ".docx")(lambda: _docx(_document(
        b"<w:tbl><w:tr><w:tc>" * 100_000 + b"<w:p/>" + b"</w:tc></w:tr></w:tbl>" * 100_000)))
    case("docx-billion-laughs", ".docx")(lambda: _docx(_laughs(
        _document(b"<w:p><w:r><w:t>LAUGH</w:t></w:r></w:p>"))))
    case("docx-one-huge-run", ".docx")(lambda: _docx(_document(
        b"<w:p><w:r><w:t>" + _words(1_200_000).encode() + b"</w:t></w:r></w:p>")))
    case("docx-stored-10mb", ".docx")(lambda: _zip({"word/document.xml": _fill(
        b"<w:p><w:r><w:t>x^{1}</w:t></w:r></w:p>", nine, _DOC_HEAD, _DOC_TAIL)},
        stored=("word/document.xml",)))

    # OpenDocument.
    case("odt-bomb-content", ".odt")(lambda: _odt(_stream(_ODT_HEAD, b" ", 2000 * MB,
                                                          _ODT_TAIL)))
    case("odt-bomb-lying-header", ".odt")(lambda: _lie(
        _odt(_stream(_ODT_HEAD, b" ", 2000 * MB, _ODT_TAIL)), "content.xml", 1000))
    case("odt-bomb-styles", ".odt")(lambda: _odt(
        _ODT_HEAD + b"<text:p>x</text:p>" + _ODT_TAIL,
        _stream(b"<office:document-styles " + ODF_NS.encode() + b">", b" ", 2000 * MB,
                b"</office:document-styles>")))
    case("odt-tiny-elements", ".odt")(lambda: _odt(
        _stream(_ODT_HEAD, b"<text:p/>", 60 * MB, _ODT_TAIL),
        _stream(b"<office:document-styles " + ODF_NS.encode() + b">", b"<text:p/>",
                60 * MB, b"</office:document-styles>")))
    case("odt-notes", ".odt")(lambda: _odt(_stream(
        _ODT_HEAD + b"<text:p>", b'<text:note text:note-class="footnote"><text:note-citation>'
        b"1</text:note-citation><text:note-body><text:p>Smith 2020.</text:p></text:note-body>"
        b"</text:note>", 60 * MB, b"</text:p>" + _ODT_TAIL)))
    case("odt-deep-spans", ".odt")(lambda: _odt(
        _ODT_HEAD + b"<text:p>" + b"<text:span>" * 300_000 + b"x" + b"</text:span>" * 300_000
        + b"</text:p>" + _ODT_TAIL))
    case("fodt-tiny-elements", ".fodt")(lambda: _fill(
        b"<text:p/>", nine, b'<office:document ' + ODF_NS.encode()
        + b' office:mimetype="' + ODT_MIME.encode() + b'"><office:body><office:text>',
        b"</office:text></office:body></office:document>"))
    case("fodt-billion-laughs", ".fodt")(lambda: _laughs(
        b"<office:document " + ODF_NS.encode() + b"><office:body><office:text><text:p>LAUGH"
        b"</text:p></office:text></office:body></office:document>"))
    case("fodt-deep", ".fodt")(lambda: b"<office:document " + ODF_NS.encode()
                               + b"><office:body><office:text>" + b"<text:section>" * 300_000
                               + b"<text:p>x</text:p>" + b"</text:section>" * 300_000
                               + b"</office:text></office:body></office:document>")

    # PDF.
    case("pdf-flate-bomb-content", ".pdf")(lambda: _pdf([
        b"BT /F1 12 Tf 72 700 Td (bomb) Tj ET\n" + b" " * (1000 * MB)]))
    case("pdf-many-pages", ".pdf")(lambda: _pdf(
        [b"BT /F1 12 Tf 72 700 Td (Page text^{1}) Tj ET"] * 5000))
    case("pdf-too-many-pages", ".pdf")(lambda: _pdf([b"BT ET"] * 30_000))
    case("pdf-full-pages", ".pdf")(lambda: _pdf(
        [_text_page(75, 14, seed) for seed in range(5000)]))
    case("pdf-one-dense-page", ".pdf")(lambda: _pdf([_text_page(60_000, 8, 1)]))
    case("pdf-text-at-limit", ".pdf")(lambda: _pdf(
        [_text_page(75, 8, seed) for seed in range(1000)]))
    case("pdf-image-bomb", ".pdf")(lambda: _pdf(
        [b"q 612 0 0 792 0 0 cm /Im1 Do Q BT /F1 12 Tf 72 700 Td (x) Tj ET"],
        resources=b"/XObject << /Im1 4 0 R >>",
        extra=[b"<< /Type /XObject /Subtype /Image /Width 30000 /Height 30000 "
               b"/BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode /Length %d >>"
               b"\nstream\n%s\nendstream" % _deflated(900 * MB)]))
    case("pdf-form-bomb", ".pdf")(lambda: _pdf(
        [b"/Fm1 Do BT /F1 12 Tf 72 700 Td (x) Tj ET"],
        resources=b"/XObject << /Fm1 4 0 R >>",
        extra=[b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode "
               b"/Length %d >>\nstream\n%s\nendstream" % _deflated(900 * MB)]))
    case("pdf-huge-font-stream", ".pdf")(lambda: _pdf(
        [b"BT /F1 12 Tf 72 700 Td (x) Tj ET"],
        extra=[b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream"
               % _deflated(800 * MB)]))

    # HTML.
    case("html-deep-divs", ".html")(lambda: _fill(b"<div>", nine) + b"x<sup>1</sup>")
    case("html-tiny-tags", ".html")(lambda: _fill(b"<p>", nine))
    case("html-markers", ".html")(lambda: _fill(b"<sup>1</sup>", nine, b"<p>"))
    case("html-footnote-links", ".html")(lambda: _fill(
        b'<a href="#fn1" class="footnote-ref"><sup>1</sup></a>', nine, b"<p>",
        b'</p><ol><li id="fn1">Smith 2020.</li></ol>'))
    case("html-notes-at-limit", ".html")(lambda: b"<p>" + b"".join(
        b'Claim.<a href="#fn%d" class="footnote-ref"><sup>%d</sup></a> ' % (i, i)
        for i in range(1, 24_000)) + b'</p><section class="footnotes"><ol>' + b"".join(
        b'<li id="fn%d">Smith, J. (2020). <em>Title %d</em>. https://example.org/%d</li>'
        % (i, i, i) for i in range(1, 24_000)) + b"</ol></section>")
    case("html-one-line", ".html")(lambda: b"<p>" + _words(1_400_000).encode())

    # Text formats.
    case("text-one-line", ".txt")(lambda: _words(1_400_000).encode())
    case("text-markers-one-line", ".txt")(lambda: _fill(b"^{1}", nine))
    case("text-markers", ".txt")(lambda: _fill(b"Claim.^{1}\n", nine))
    case("text-notes", ".txt")(lambda: _fill(
        b"^{1} Smith, J. (2020). *Title*. https://example.org/a\n", nine, b"Notes\n\n"))
    case("text-line-breaks", ".txt")(lambda: b"x" + b"\n" * nine)
    case("text-lines-at-limit", ".txt")(lambda: b"x\n" * 999_000)
    case("text-markers-at-limit", ".txt")(lambda: b"Claim.^{1}\n" * 79_000)
    case("text-notes-at-limit", ".txt")(lambda: b"".join(
        b"Claim.^{%d}\n" % i for i in range(1, 39_900)) + b"\nNotes\n\n" + b"".join(
        b"^{%d} Smith, J. (2020). *Title %d*. https://example.org/%d\n" % (i, i, i)
        for i in range(1, 39_900)))
    case("text-urls", ".txt")(lambda: _fill(b"https://example.org/a ", nine))
    case("text-links-at-limit", ".txt")(lambda: b"".join(  # each checked, each a finding
        b"http://h%d.example.org/p/%d\n" % (i % 50, i) for i in range(79_000)))
    case("markdown-links-at-limit", ".md")(lambda: b"".join(
        b"[s](http://h%d.example.org/p/%d) " % (i % 50, i) for i in range(79_000)))
    case("markdown-markers", ".md")(lambda: _fill(b"[^1]", nine))
    case("markdown-footnotes", ".md")(lambda: b"".join(
        b"Claim.[^%d]\n\n[^%d]: Smith %d.\n\n" % (i, i, i) for i in range(230_000)))
    case("markdown-nested-quotes", ".md")(lambda: _fill(b">", nine) + b" x[^1]")
    case("markdown-nested-lists", ".md")(lambda: b"".join(
        b"  " * i + b"- x\n" for i in range(2500)))
    case("markdown-brackets", ".md")(lambda: _fill(b"[", nine))
    case("markdown-notes-at-limit", ".md")(lambda: b"".join(
        b"Claim.[^%d]\n\n[^%d]: Smith, J. (2020). *Title %d*. https://example.org/%d\n\n"
        % (i, i, i, i) for i in range(1, 39_900)))
    case("markdown-list-at-limit", ".md")(lambda: b"- x\n" * 159_000)
    case("markdown-table-at-limit", ".md")(lambda: b"| a | b |\n|---|---|\n"
                                           + b"| x [^1] | y |\n" * 68_000 + b"\n[^1]: z\n")
    case("markdown-refs-at-limit", ".md")(lambda: b"x[^1] " * 79_000 + b"\n\n[^1]: y\n")
    case("rst-notes-at-limit", ".rst")(lambda: b"".join(
        b"Claim [%d]_.\n\n.. [%d] Smith, J. (2020). *Title %d*. https://example.org/%d\n\n"
        % (i, i, i, i) for i in range(1, 12_000)))
    case("rst-paragraphs-at-limit", ".rst")(lambda: b"x\n\n" * 49_000)
    case("rst-list-at-limit", ".rst")(lambda: b"- x\n" * 99_000)
    case("rst-refs-at-limit", ".rst")(lambda: b"x [1]_ " * 79_000 + b"\n\n.. [1] y\n")
    case("rst-nested-at-limit", ".rst")(lambda: b"".join(b" " * i + b"x\n\n"
                                                         for i in range(0, 200)))
    case("rst-paragraphs", ".rst")(lambda: _fill(b"x\n\n", nine))
    case("rst-footnotes", ".rst")(lambda: b"".join(
        b"Claim [%d]_.\n\n.. [%d] Smith %d.\n\n" % (i, i, i) for i in range(200_000)))
    case("rst-references", ".rst")(lambda: _fill(b"[1]_ ", nine))
    case("rst-nested-quotes", ".rst")(lambda: b"".join(
        b" " * i + b"x\n\n" for i in range(0, 4000)))
    return out


# --- measuring -----------------------------------------------------------------------------------

def measure(path: Path, limit_mb: int) -> tuple[float, float, int, str]:
    """Peak resident MB, seconds, exit code and stderr's first line of one audit."""
    out = path.with_suffix(".stdout")
    err = path.with_suffix(".stderr")
    ceiling = 8 * 1024 * MB  # a runaway audit fails here rather than take the machine down

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))

    started = time.perf_counter()
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "footcheck", "audit", str(path), "--offline", "-f", "json",
             "--isolated"], stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL,
            preexec_fn=limited, env={**os.environ, "NO_COLOR": "1"})
        deadline = started + TIMEOUT
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.send_signal(signal.SIGKILL)
                _, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    lines = err.read_bytes().decode("utf-8", "replace").splitlines()
    first = lines[0] if lines else ""
    if len(lines) > 1:
        first += f"  [+{len(lines) - 1} more stderr lines]"
    if seconds > TIMEOUT:
        first = f"stopped after {TIMEOUT} s"
    return usage.ru_maxrss / 1024, seconds, code, first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=None, metavar="NAME",
                        help="cases whose name starts with one of these")
    parser.add_argument("--limit", type=int, default=LIMIT_MB, help="MB allowed (500)")
    args = parser.parse_args()
    chosen = {name: build for name, build in cases().items()
              if args.only is None or any(name.startswith(p) for p in args.only)}
    over = []
    print(f"{'case':<32}{'input':>9}{'peak':>9}{'time':>8}{'exit':>6}  result")
    with tempfile.TemporaryDirectory() as folder:
        for name, build in chosen.items():
            file_name, data = build()
            assert len(data) <= MAX_INPUT, f"{name}: {len(data)} bytes"
            path = Path(folder) / file_name
            path.write_bytes(data)
            peak, seconds, code, first = measure(path, args.limit)
            path.unlink()
            result = first[:110] if code == 3 else (
                f"audited ({'findings' if code == 1 else 'clean'})" if code in (0, 1)
                else first[:110])
            flag = ""
            if peak > args.limit or code not in (0, 1, 3):
                over.append(name)
                flag = "  <-"
            print(f"{name:<32}{len(data) / MB:>7.2f}MB{peak:>7.0f}MB{seconds:>7.1f}s"
                  f"{code:>6}  {result}{flag}", flush=True)
    print(f"\n{len(chosen)} cases; over {args.limit} MB or not ending with exit 0, 1 or 3: "
          f"{len(over)}" + (f" ({', '.join(over)})" if over else ""))
    if over:
        sys.exit(1)


if __name__ == "__main__":
    main()
