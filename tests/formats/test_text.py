"""The default terminal report."""

from __future__ import annotations

from footcheck.formats import render
from footcheck.formats.text import render as render_text
from footcheck.model import (
    ENDNOTES,
    FOOTNOTES,
    Document,
    Finding,
    LinkResult,
    Marker,
    Note,
    Report,
    Severity,
    Url,
)

ESC = "\x1b"


def note(token: str, number: int | None, series: str, line: int, urls: tuple[str, ...] = ()
         ) -> Note:
    return Note(token, token, number, series, "x", line, 1, line, "text",
                urls=tuple(Url(u, u, line, 5) for u in urls))


def sample(links: tuple[LinkResult, ...] = ()) -> Report:
    doc = Document.from_text("Body^{LIV}^{LV}^{2}\n\nLIV a\nLV b\nL1 c\n1 d\n2 e\n",
                             path="brief.md", encoding="windows-1252")
    a = "https://example.org/a"
    notes = (
        note("LIV", 54, ENDNOTES, 3, (a,)),
        note("LV", 55, ENDNOTES, 4, (a,)),
        note("L1", 51, ENDNOTES, 5),  # malformed, but the series is still roman
        note("1", 1, FOOTNOTES, 6),
        note("2", 2, FOOTNOTES, 7, ("http://example.org/b",)),
    )
    markers = (
        Marker("^{LIV}", "LIV", 54, ENDNOTES, "x", 1, 5, 4),
        Marker("^{LV}", "LV", 55, ENDNOTES, "x", 1, 11, 10),
        Marker("^{2}", "2", 2, FOOTNOTES, "x", 1, 16, 15),
    )
    findings = (
        Finding("FC305", "insecure-url", Severity.INFO, "Plain http URL", 7, 3, FOOTNOTES, 2),
        Finding("FC103", "uncited-note", Severity.WARNING, "Note 1 is never cited", 6, 1,
                FOOTNOTES, 1),
        Finding("FC106", "malformed-number", Severity.ERROR, "L1 is not a roman numeral", 5, 1,
                ENDNOTES, 51, suggestion="Write LI"),
        Finding("FC108", "no-notes", Severity.WARNING, "Early warning", 1, 1),
        Finding("FC101", "duplicate-note", Severity.ERROR, "Two notes LIV", 3, 1, ENDNOTES, 54),
    )
    return Report(doc, notes, markers, findings, links)


def test_no_escape_codes_without_color_even_from_document_text() -> None:
    report = sample((LinkResult("https://example.org/a", "dead", 404),))
    hostile = Finding("FC202", "editorial-comment", Severity.WARNING,
                      f"bad {ESC}[31mred{ESC}[0m\u202eevil\nsecond line", 2, 1)
    report = Report(report.document, report.notes, report.markers,
                    (*report.findings, hostile), report.links)
    out = render_text(report)
    assert ESC not in out
    assert "\u202e" not in out
    assert "bad \\x1b[31mred\\x1b[0m\\u202eevil second line" in out


def test_color_uses_ansi_codes() -> None:
    out = render_text(sample(), color=True)
    assert f"{ESC}[31m" in out  # red errors
    assert f"{ESC}[33m" in out  # yellow warnings
    assert f"{ESC}[2m" in out  # dim info
    assert f"{ESC}[1m" in out  # bold headers
    assert out.count(f"{ESC}[0m") >= 4
    assert render("text", sample(), color=True) == out
    assert ESC not in render("text", sample())


def test_header_names_document_and_counts() -> None:
    lines = render_text(sample()).splitlines()
    assert lines[0] == "brief.md  (text · 7 lines · encoding windows-1252)"
    assert lines[1] == "Notes: 3 endnotes, 2 footnotes  ·  Markers: 2 endnotes, 1 footnote"


def test_findings_grouped_by_severity_errors_first() -> None:
    out = render_text(sample())
    assert out.index("Errors (2)") < out.index("Warnings (2)") < out.index("Info (1)")
    codes = [line.split()[1] for line in out.splitlines() if line.startswith("  brief.md:")]
    # Errors first even though a warning comes earlier in the document; then by line.
    assert codes == ["FC101", "FC106", "FC108", "FC103", "FC305"]


def test_finding_line_and_suggestion() -> None:
    lines = render_text(sample()).splitlines()
    i = next(i for i, line in enumerate(lines) if "FC106" in line)
    assert lines[i].startswith("  brief.md:5:1  FC106  malformed-number  [endnote LI]")
    assert lines[i].endswith("L1 is not a roman numeral")
    assert lines[i + 1].strip() == "→ Write LI"
    assert lines[i + 1].index("→") == lines[i].index("FC106")  # aligned under the code
    assert "→" not in lines[i + 2]


def test_note_numbers_written_like_the_document() -> None:
    out = render_text(sample())
    assert "[endnote LIV]" in out
    assert "[footnote 2]" in out
    assert "[footnote I" not in out and "[endnote 54]" not in out


def test_series_without_notes_takes_style_from_markers() -> None:
    report = Report(
        Document.from_text("x^{xii}\n"), (),
        (Marker("^{xii}", "xii", 12, ENDNOTES, "x", 1, 2, 1),),
        (Finding("FC102", "missing-note", Severity.ERROR, "No note xii", 1, 2, ENDNOTES, 12),),
    )
    assert "[endnote XII]" in render_text(report)


def test_summary_line_and_no_links_section() -> None:
    lines = render_text(sample()).splitlines()
    assert lines[-1] == "2 errors, 2 warnings, 1 info"
    assert not any(line.startswith("Links") for line in lines)


def test_empty_report_says_no_problems() -> None:
    out = render_text(Report(Document.from_text("Plain.\n", path="a.txt"), (), (), ()))
    assert "No problems found." in out
    assert out.endswith("0 errors, 0 warnings, 0 info\n")
    assert "Errors (" not in out


def test_links_grouped_by_verdict_problems_first() -> None:
    links = (
        LinkResult("https://example.org/ok", "alive", 200),
        LinkResult("http://example.org/b", "redirected", 301, final_url="https://example.org/b"),
        LinkResult("https://example.org/a", "dead", 404, archive_url="https://archive.org/a",
                   from_cache=True),
    )
    out = render_text(sample(links))
    assert "Links: 1 dead, 1 redirected, 1 alive" in out
    assert out.index("  dead (1)") < out.index("  redirected (1)") < out.index("  alive (1)")
    assert "    https://example.org/a  404  (cached)  [endnotes LIV, LV]" in out
    assert "      archive: https://archive.org/a" in out
    assert "http://example.org/b  301  → https://example.org/b  [footnote 2]" in out
    assert "https://example.org/ok" not in out  # working links are only counted


def test_notes_decide_the_style_over_markers() -> None:
    report = Report(
        Document.from_text("x^{i}^{ii}\n1 a\n"),
        (note("1", 1, ENDNOTES, 2),),
        (Marker("^{i}", "i", 1, ENDNOTES, "x", 1, 2, 1),
         Marker("^{ii}", "ii", 2, ENDNOTES, "x", 1, 6, 5)),
        (Finding("FC102", "missing-note", Severity.ERROR, "No note 2", 1, 6, ENDNOTES, 2),),
    )
    assert "[endnote 2]" in render_text(report)


def test_superscript_roman_markers_count_as_roman() -> None:
    report = Report(
        Document.from_text("x\u2071\u1d5b\n"), (),
        (Marker("\u2071\u1d5b", "\u2071\u1d5b", 4, FOOTNOTES, "x", 1, 2, 1),),
        (Finding("FC102", "missing-note", Severity.ERROR, "No note iv", 1, 2, FOOTNOTES, 4),),
    )
    assert "[footnote IV]" in render_text(report)


def test_header_of_a_converted_document() -> None:
    import dataclasses

    report = sample()
    doc = dataclasses.replace(report.document, format="docx", units="paragraph",
                              encoding="docx")
    lines = render_text(dataclasses.replace(report, document=doc)).splitlines()
    assert lines[0].startswith("brief.md  (Word document · ") and "paragraph" in lines[0]
    assert "encoding" not in lines[0]
