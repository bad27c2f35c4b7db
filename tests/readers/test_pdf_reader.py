"""PDFs written by LibreOffice (a real PDF writer) from documents made in the test."""

from __future__ import annotations

import pytest
from office import convert
from wordml import docx

from footcheck.extract import extract
from footcheck.pipeline import audit
from footcheck.readers import Unreadable, location
from footcheck.readers import pdf as reader

LONG = ("This sentence is long enough to fill a good part of a line of text on the page. " * 3)
URL = "https://www.example.org/reports/2023/09/13/a-long-address-that-will-not-fit-on-one-line-of-the-page-a82434"


@pytest.fixture(scope="module")
def brief_pdf(tmp_path_factory) -> bytes:
    """Three pages: markers, a running header and footer, a URL broken over lines, notes."""
    body = []
    for i in range(1, 13):
        body.append(f"{LONG}Claim number {i}.{{sup:{i}}}")
    notes = [f"{{sup:{i}}} Author {i}, {{i:Title of work {i}}}, 2023. Available at: <{URL}{i}>"
             for i in range(1, 13)]
    data = docx([*body, "Notes", *notes], header="Policy Brief · Prague Process",
                footer="Page #")
    return convert({"brief.docx": data}, tmp_path_factory.mktemp("pdf"))["brief.pdf"]


def test_superscript_markers_and_notes(brief_pdf):
    document = reader.read(brief_pdf, "brief.pdf")
    assert (document.format, document.units, document.encoding) == ("pdf", "paragraph", "pdf")
    found = extract(document)
    assert [m.number for m in found.markers] == list(range(1, 13))
    assert [n.number for n in found.notes] == list(range(1, 13))
    assert found.notes[0].text == (f"Author 1, *Title of work 1*, 2023. Available at: <{URL}1>")
    assert all(n.urls[0].url == f"{URL}{n.number}" for n in found.notes)


def test_running_header_footer_and_page_numbers_are_removed(brief_pdf):
    document = reader.read(brief_pdf, "brief.pdf")
    assert "Prague Process" not in document.text
    assert "Page " not in document.text
    assert len(document.page_starts) >= 3


def test_positions_are_page_and_paragraph(brief_pdf):
    document = reader.read(brief_pdf, "brief.pdf")
    assert location(document, 1) == "page 1, paragraph 1"
    last = extract(document).notes[-1]
    page = document.page(last.line)
    assert page == len(document.page_starts)
    assert location(document, last.line).startswith(f"page {page}, paragraph ")


def test_a_clean_pdf_brief_has_no_structural_findings(brief_pdf):
    report = audit(reader.read(brief_pdf, "brief.pdf"))
    assert not [f for f in report.findings if f.code.startswith(("FC1", "FC3"))]


def test_link_annotations_become_links(tmp_path):
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>'
            '<p>Read <a href="https://example.org/report">the full report</a> '
            'or <a href="https://example.org/x">https://example.org/x</a>.'
            '<sup>1</sup></p><p><sup>1</sup> A source.</p></body></html>')
    pdf = convert({"page.html": page.encode()}, tmp_path, infilter="HTML (StarWriter)")[
        "page.pdf"]
    text = reader.read(pdf, "page.pdf").text
    assert "Read [the full report](https://example.org/report) or https://example.org/x." in text


def test_password_protected(tmp_path):
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
    pdf = convert({"locked.docx": docx(["Secret.{sup:1}"])}, tmp_path, options)["locked.pdf"]
    with pytest.raises(Unreadable, match=r"^is password-protected"):
        reader.read(pdf, "locked.pdf")


def minimal_pdf(content: bytes) -> bytes:
    """A valid one-page PDF whose page draws ``content`` (written here, offsets computed)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def test_scanned_pdf_without_text_layer():
    scan = minimal_pdf(b"0.5 g 72 72 468 648 re f")  # a grey page, as an image would be
    with pytest.raises(Unreadable, match=r"^has no text layer \(scanned\?\)"):
        reader.read(scan, "scan.pdf")


def test_a_minimal_pdf_with_text_is_read():
    text = minimal_pdf(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET")
    # No font resource: pdfminer still reads the characters.
    assert "Hello" in reader.read(text, "hello.pdf").text


@pytest.mark.parametrize("data", [b"%PDF-1.7\n" + bytes(range(256)) * 4, b"%PDF-1.4\n%%EOF"])
def test_damaged_pdf(data):
    with pytest.raises(Unreadable, match=r"^is a damaged PDF|^has no text layer"):
        reader.read(data, "broken.pdf")


def test_a_superscript_run_going_on_from_the_markers_before_stays_whole():
    """Notes 3 and 1 exist, note 31's label was not read: "31" after marker 30 is 31."""
    labels = {"1", "2", "3"}
    assert reader._split("31", labels, {"arabic": 30}) == ["31"]
    assert reader._split("31", labels, {"arabic": 2}) == ["3", "1"]
    assert reader._split("31", labels) == ["3", "1"]


def _line(text: str, page: int, top: float, room: float = 0.0) -> reader._Line:
    words = [reader._Word(w, 72.0 + 30 * k, 100.0 + 30 * k, top, top + 10, 10.0, False)
             for k, w in enumerate(text.split())]
    return reader._Line(words=words, page=page, top=top, bottom=top + 10, size=10.0,
                        full=room == 0.0, room=room, text=text)


def test_a_listed_work_opening_a_page_after_a_full_stop_starts_a_paragraph():
    """A reference list going on over a page: the page's last entry ends with a full stop on
    a full line, the next page opens "[26] STRANDBURG…": two works, not one paragraph."""
    before = _line("white paper on data protection in india 18122017 final v2.1.pdf.", 15, 700)
    assert reader._breaks(before, _line("[26] STRANDBURG, K. J. Monitoring, Datafication.",
                                        16, 72))
    assert not reader._breaks(_line("as the survey of the ministry and of the", 15, 700),
                              _line("[26] shows, the rents rose.", 16, 72))


@pytest.mark.parametrize("last, first, joined", [
    ("https://CRAN.", "R-project.org/package=vtable.", True),  # no address ends at "CRAN."
    ("https://cran.r-project.", "org/package=rvest.", True),
    ("https://example.org/report.", "The next sentence", False),  # a sentence ends there
    ("https://example.org.", "Read it", False),
    # code quoting an address broken after "/-": the quote closing it follows the path
    ('Web.Contents("https://gitlab.com/wireshark/wireshark/-', '/raw/master/manuf"),[D="#",',
     True),
    ('"https://example.org/a-', '"quoted"', False),
])
def test_an_address_broken_by_the_line_goes_on(last, first, joined):
    """After its host's first label ("https://CRAN." | "R-project.org"), or after "/-" in
    code that quotes it; not past a sentence's end."""
    assert reader._continues_url(last, first) is joined
