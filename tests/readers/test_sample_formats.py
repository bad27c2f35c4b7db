"""The sample brief as text, as Word files and as PDFs gives the same notes and findings.

Four conversions of ``references/relokanty-brief.txt`` (see sample_docx.py):

* ``typed.docx``: typed by hand in Word, superscript runs for markers, the notes ordinary
  paragraphs. Everything the text has, a Word file can hold: the audit is identical.
* ``word.docx``: real Word endnotes and footnotes. Word numbers notes itself, in order of
  reference, and a note exists only through its reference, so the sample's numbering
  defects cannot be represented: the duplicated LIV and XCV, the missing LV and XCIV, the
  marker ``^{L1}``, the repeated ``^{xxvi}``, the uncited notes XIV, XXIV and LXIX and the
  uncited footnote ``ⁱ``, the mixed notations. Its notes are the 95 cited endnotes,
  numbered i–xcv, and the 2 cited footnotes; every structural finding (FC1xx) is gone; the
  content and URL findings (FC2xx, FC3xx) are the same, on the same note texts.
* ``typed.pdf`` and ``word.pdf``: those saved as PDF by LibreOffice, with a running header
  and a numbered footer on every page. They read like their .docx, except that LibreOffice
  writes no link annotations for a Word file's hyperlinks, so the four ``[…](#)`` links of
  the sample (FC303 empty-link) are plain text in the PDFs and the link of note LXXIII
  shows only its address; where a line ends in ``\\`` (before ``$300,000``) a space is
  left after the break, and where it ends in ``camps-`` the space of ``camps- duma`` is lost.

Word also writes a hyperlink showing its own address as ``<url>``, where the sample's note
LXXIII has ``[url](url)``; the findings are the same.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from footcheck.document import decode
from footcheck.model import Report
from footcheck.pipeline import audit
from footcheck.readers import docx, pdf

SAMPLE = "references/relokanty-brief.txt"
STRUCTURE = "FC1"
CONTENT = ("FC2", "FC3")
LINK_DIFFERENCES = Counter({"FC303": 4})  # links to '#': no annotations in the PDFs
# Notes no marker cites in the text, which a Word file cannot have. (XXIV stays: the second
# ^{xxvi}, which the audit says means XXIV, cites it.)
DROPPED = {("endnotes", 14), ("endnotes", 69), ("footnotes", 1)}


@pytest.fixture(scope="module")
def text_report(sample_path) -> Report:
    return audit(decode(sample_path.read_bytes(), path=SAMPLE))


@pytest.fixture(scope="module")
def reports(sample_files, sample_pdfs) -> dict[str, Report]:
    out = {name: audit(docx.read(data, name)) for name, data in sample_files.items()}
    out.update({name: audit(pdf.read(data, name)) for name, data in sample_pdfs.items()})
    return out


def notes(report: Report) -> list[tuple[str, int | None, str]]:
    return [(n.series, n.number, n.text) for n in report.notes]


def findings(report: Report, prefixes) -> Counter:
    """(code, series, number) of the findings whose code starts with one of ``prefixes``."""
    return Counter((f.code, f.series, f.number) for f in report.findings
                   if f.code.startswith(prefixes))


def by_text(report: Report, prefixes) -> Counter:
    """(code, text of the note it is in) of the findings, for reports numbered differently."""
    text_of = {}
    for note in report.notes:
        for line in range(note.line, note.end_line + 1):
            text_of.setdefault(line, note.text)
    return Counter((f.code, text_of.get(f.line)) for f in report.findings
                   if f.code.startswith(prefixes))


def same_notation(text: str) -> str:
    """``text`` with a Markdown link showing its own address written ``<url>``, as Word
    files give it (the sample's note LXXIII writes ``[https://…](https://…)``)."""
    def angle(m: re.Match[str]) -> str:
        shown = re.sub(r"\\(.)", r"\1", m.group(1))
        return f"<{m.group(2)}>" if shown == m.group(2) else m.group(0)

    return re.sub(r"\[((?:\\.|[^\]\\])*)\]\(((?:[^()\s]|\([^()\s]*\))+)\)", angle, text)


def as_printed(text: str) -> str:
    """``text`` as the PDF shows it: a link's ``<…>`` gone, line-break spacing lost."""
    text = re.sub(r"<(https://www\.reuters\.com/world/kazakhs-[^>\s]+)>", r"\1", text)
    return text.replace("\\ $", "\\$").replace("camps- duma", "camps-duma")


def test_hand_typed_word_file_audits_like_the_text(text_report, reports):
    report = reports["typed.docx"]
    assert notes(report) == [(s, n, same_notation(t)) for s, n, t in notes(text_report)]
    assert findings(report, "FC") == findings(text_report, "FC")
    assert [(m.series, m.number) for m in report.markers] == \
        [(m.series, m.number) for m in text_report.markers]


def test_real_word_notes_cannot_hold_the_numbering_defects(text_report, reports):
    report = reports["word.docx"]
    endnotes = [n for n in report.notes if n.series == "endnotes"]
    assert [n.number for n in endnotes] == list(range(1, 96))
    assert Counter(n.series for n in report.notes) == {"endnotes": 95, "footnotes": 2}
    cited_texts = Counter(same_notation(n.text) for n in text_report.notes
                          if (n.series, n.number) not in DROPPED)
    assert Counter(n.text for n in report.notes) == cited_texts
    assert findings(report, STRUCTURE) == Counter()
    assert findings(text_report, STRUCTURE)  # …which the text has plenty of
    assert by_text(report, CONTENT) == Counter(
        {(code, text and same_notation(text)): n
         for (code, text), n in by_text(text_report, CONTENT).items()})


@pytest.mark.parametrize("name", ["typed", "word"])
def test_pdf_reads_like_its_word_file(reports, name):
    word, printed = reports[f"{name}.docx"], reports[f"{name}.pdf"]
    assert [(s, n, as_printed(t)) for s, n, t in notes(printed)] == \
        [(s, n, as_printed(t)) for s, n, t in notes(word)]
    assert findings(printed, STRUCTURE) == findings(word, STRUCTURE)
    missing = findings(word, CONTENT) - findings(printed, CONTENT)
    assert Counter(code for code, _, _ in missing.elements()) == LINK_DIFFERENCES
    assert findings(printed, CONTENT) - findings(word, CONTENT) == Counter()
