"""The Markdown report for issues and pull requests."""

from __future__ import annotations

import itertools
import re

from footcheck.formats import render
from footcheck.formats.markdown import escape
from footcheck.formats.markdown import render as render_md
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

HOSTILE = "a | b `code` <script>alert(1)</script> & [x](javascript:y)\nnext *em* ~~s~~"


def cells(row: str) -> list[str]:
    """Split a table row the way GFM does: on pipes that are not backslash-escaped."""
    unescaped = re.sub(r"\\.", "__", row)
    bounds = [i for i, c in enumerate(unescaped) if c == "|"]
    return [row[i + 1:j].strip() for i, j in itertools.pairwise(bounds)]


def note(token: str, number: int, series: str, line: int, url: str | None = None) -> Note:
    urls = (Url(url, url, line, 4),) if url else ()
    return Note(token, token, number, series, "x", line, 1, line, "text", urls=urls)


def sample(links: tuple[LinkResult, ...] = ()) -> Report:
    doc = Document.from_text("Body^{LIV}^{LV}^{3}\n\nLIV a\nLV b\n3 c\n", path="brief|x.md")
    notes = (
        note("LIV", 54, ENDNOTES, 3, "https://example.org/a"),
        note("LV", 55, ENDNOTES, 4),
        note("3", 3, FOOTNOTES, 5),
    )
    markers = (
        Marker("^{LIV}", "LIV", 54, ENDNOTES, "x", 1, 5, 4),
        Marker("^{LV}", "LV", 55, ENDNOTES, "x", 1, 11, 10),
    )
    findings = (
        Finding("FC202", "editorial-comment", Severity.WARNING, HOSTILE, 4, 6, ENDNOTES, 55,
                suggestion="Remove `TK` | done"),
        Finding("FC201", "placeholder", Severity.ERROR, "Placeholder TK", 5, 3, FOOTNOTES, 3),
    )
    return Report(doc, notes, markers, findings, links)


def test_hostile_text_cannot_break_the_table_or_pass_html() -> None:
    out = render_md(sample())
    assert "<script>" not in out and "</script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "\\`code\\`" in out
    assert "\\[x\\](javascript:y)" in out
    assert "&amp;" in out
    row = next(line for line in out.splitlines() if "FC202" in line)
    assert row.startswith("| 4:6 | endnote LV | `FC202` | editorial-comment |")
    parsed = cells(row)
    assert len(parsed) == 6, parsed
    assert parsed[4].startswith("a \\| b ") and "next \\*em\\* \\~\\~s\\~\\~" in parsed[4]
    assert parsed[5] == "Remove \\`TK\\` \\| done"


def test_escape_doubles_backslashes_before_pipes() -> None:
    assert escape("a\\|b") == "a\\\\\\|b"
    assert len(cells("| " + escape("x\\|y|z") + " |")) == 1
    assert escape("line\r\nbreak\u202e") == "line  break\\u202e"


def test_title_and_summary_table() -> None:
    lines = render_md(sample()).splitlines()
    assert lines[0] == "# footcheck report: brief\\|x.md"
    assert "| Errors | 1 |" in lines and "| Warnings | 1 |" in lines and "| Info | 0 |" in lines
    assert "text · 5 lines · encoding utf-8 · 3 notes, 2 markers." in lines


def test_findings_tables_errors_first() -> None:
    out = render_md(sample())
    assert out.index("### Errors (1)") < out.index("### Warnings (1)")
    assert "### Info" not in out
    assert out.count("| Line | Note | Code | Kind | Message | Suggestion |") == 2
    assert "| 5:3 | footnote 3 | `FC201` | placeholder | Placeholder TK |  |" in out


def test_notes_overview() -> None:
    out = render_md(sample())
    assert "| endnotes | 2 | LIV–LV | 2 |" in out
    assert "| footnotes | 1 | 3 | 0 |" in out


def test_links_grouped_by_verdict() -> None:
    links = (
        LinkResult("https://example.org/ok", "alive", 200),
        LinkResult("https://example.org/a", "dead", 404, archive_url="https://archive.org/a"),
        LinkResult("https://example.org/<b>", "redirected", 301,
                   final_url="https://example.org/c"),
    )
    out = render_md(sample(links))
    assert out.index("### dead (1)") < out.index("### redirected (1)") < out.index("### alive (1)")
    assert "- <https://example.org/a> 404 — endnote LIV (archived: <https://archive.org/a>)" in out
    assert "- https://example.org/&lt;b&gt; 301 → <https://example.org/c>" in out
    assert "- <https://example.org/ok> 200" in out
    assert "## Links" not in render_md(sample())


def test_empty_report_says_no_problems() -> None:
    out = render("markdown", Report(Document.from_text("Plain.\n"), (), (), ()))
    assert "No problems found." in out
    assert "| Line |" not in out
    assert "No notes and no markers found." in out
    assert out.endswith("\n") and not out.endswith("\n\n")
