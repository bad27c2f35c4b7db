"""A Markdown report for pasting into an issue or a pull request (GitHub-flavoured tables).

Every piece of text that comes from the document or from a web page goes through
:func:`escape`, so it can neither break a table nor pass raw HTML, links or emphasis through.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Finding, Report
from . import (
    ARABIC,
    BIDI_OVERRIDES,
    describe_document,
    note_name,
    number_label,
    positions,
)
from .view import NO_PROBLEMS, TITLES, ReportView, SeverityGroup, link_status, plural

# HTML-significant characters become entities; Markdown punctuation that could start a code
# span, emphasis, a link, a table cell or strikethrough is backslash-escaped; line breaks and
# other control characters become spaces so a table row stays on one line; bidirectional
# overrides are shown as ``\u202e`` so they cannot reorder what a reviewer reads.
_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
_ESCAPES.update({ord(c): "\\" + c for c in "\\`*_[]|~!#"})
_ESCAPES.update({c: " " for c in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)})
_ESCAPES.update({c: f"\\u{c:04x}" for c in BIDI_OVERRIDES})


def escape(text: str) -> str:
    """Escape document text for Markdown, including inside a table cell; one line only."""
    return text.translate(_ESCAPES)


def link(url: str) -> str:
    """A clickable autolink ``<url>`` for a plain http(s) URL, else the escaped text."""
    if url.startswith(("http://", "https://")) and not any(
        c in "<>\\`" or c.isspace() or not c.isprintable() for c in url
    ):
        return f"<{url}>"
    return escape(url)


def render(report: Report, *, color: bool = False) -> str:
    """Render ``report`` as Markdown (``color`` is ignored)."""
    view = ReportView.of(report)
    doc = report.document
    out = [
        f"# footcheck report: {escape(doc.path)}",
        "",
        f"{escape(describe_document(doc))} · {plural(len(report.notes), 'note')}, "
        f"{plural(len(report.markers), 'marker')}.",
        "",
        "| Severity | Count |",
        "| --- | ---: |",
    ]
    out += [f"| {TITLES[severity]} | {count} |" for severity, count in view.counts]
    out += ["", "## Findings", ""]
    if report.findings:
        out.extend(_findings(view.findings, view.styles, positions(report)))
    else:
        out += [NO_PROBLEMS, ""]
    out.extend(_notes(view))
    if report.links:
        out.extend(_links(view))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _findings(groups: tuple[SeverityGroup, ...], styles: dict[str, str],
              where: Callable[[int, int], str]) -> list[str]:
    out: list[str] = []
    for group in groups:
        if out:
            out.append("")
        out += [
            f"### {group.title} ({len(group.findings)})",
            "",
            "| Line | Note | Code | Kind | Message | Suggestion |",
            "| ---: | --- | --- | --- | --- | --- |",
        ]
        out += [_finding(finding, styles, where) for finding in group.findings]
    out.append("")
    return out


def _finding(finding: Finding, styles: dict[str, str], where: Callable[[int, int], str]
             ) -> str:
    cells = (
        escape(where(finding.line, finding.column)),
        escape(note_name(finding.series, finding.number, styles)),
        f"`{finding.code}`" if finding.code.isalnum() else escape(finding.code),
        escape(finding.kind),
        escape(finding.message),
        escape(finding.suggestion or ""),
    )
    return "| " + " | ".join(cells) + " |"


def _notes(view: ReportView) -> list[str]:
    if not view.notes and not view.markers:
        return ["## Notes", "", "No notes and no markers found.", ""]
    out = ["## Notes", "", "| Series | Notes | Range | Markers |", "| --- | ---: | --- | ---: |"]
    for series in dict.fromkeys([*view.notes, *view.markers]):
        out.append(f"| {escape(series)} | {view.notes.get(series, 0)} "
                   f"| {_span(view, series)} | {view.markers.get(series, 0)} |")
    out.append("")
    return out


def _span(view: ReportView, series: str) -> str:
    """The lowest and highest number of the notes of ``series``: ``I–LIV``, ``—`` for none."""
    numbers = [n.number for n in view.report.notes
               if n.series == series and n.number is not None]
    if not numbers:
        return "—"
    style = view.styles.get(series, ARABIC)
    low, high = number_label(min(numbers), style), number_label(max(numbers), style)
    return low if low == high else f"{low}–{high}"


def _links(view: ReportView) -> list[str]:
    out = ["## Links", ""]
    for group in view.links:
        out += [f"### {escape(group.verdict)} ({len(group.links)})", ""]
        for result in group.links:
            parts = [link(result.url), *link_status(result, link)]
            if result.detail:
                parts.append(f"({escape(result.detail)})")
            cited = view.cited_by(result.url)
            if cited:
                parts.append(f"— {escape(cited)}")
            if result.archive_url:
                parts.append(f"(archived: {link(result.archive_url)})")
            out.append("- " + " ".join(parts))
        out.append("")
    return out
