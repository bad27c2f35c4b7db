"""A Markdown report for pasting into an issue or a pull request (GitHub-flavoured tables).

Every piece of text that comes from the document or from a web page goes through
:func:`escape`, so it can neither break a table nor pass raw HTML, links or emphasis through.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Finding, LinkResult, Note, Report, Severity
from . import (
    ARABIC,
    BIDI_OVERRIDES,
    cited_by,
    citing_notes,
    describe_document,
    note_name,
    number_label,
    numbering,
    positions,
)

_SEVERITY_TITLE = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}

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


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def link(url: str) -> str:
    """A clickable autolink ``<url>`` for a plain http(s) URL, else the escaped text."""
    if url.startswith(("http://", "https://")) and not any(
        c in "<>\\`" or c.isspace() or not c.isprintable() for c in url
    ):
        return f"<{url}>"
    return escape(url)


def render(report: Report, *, color: bool = False) -> str:
    """Render ``report`` as Markdown (``color`` is ignored)."""
    styles = numbering(report)
    doc = report.document
    out = [
        f"# footcheck report: {escape(doc.path)}",
        "",
        f"{escape(describe_document(doc))} · {_plural(len(report.notes), 'note')}, "
        f"{_plural(len(report.markers), 'marker')}.",
        "",
        "| Severity | Count |",
        "| --- | ---: |",
    ]
    counts = report.counts()
    for severity in sorted(Severity, reverse=True):
        out.append(f"| {_SEVERITY_TITLE[severity]} | {counts[str(severity)]} |")
    out += ["", "## Findings", ""]
    if report.findings:
        out.extend(_findings(report.findings, styles, positions(report)))
    else:
        out += ["No problems found.", ""]
    out.extend(_notes(report, styles))
    if report.links:
        out.extend(_links(report, styles))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _findings(findings: tuple[Finding, ...], styles: dict[str, str],
              where: Callable[[int, int], str]) -> list[str]:
    out: list[str] = []
    ordered = sorted(findings, key=lambda f: (-f.severity, f.line, f.column, f.code))
    current: Severity | None = None
    for finding in ordered:
        if finding.severity != current:
            current = finding.severity
            count = sum(1 for f in findings if f.severity == current)
            if out:
                out.append("")
            out += [
                f"### {_SEVERITY_TITLE[current]} ({count})",
                "",
                "| Line | Note | Code | Kind | Message | Suggestion |",
                "| ---: | --- | --- | --- | --- | --- |",
            ]
        cells = (
            escape(where(finding.line, finding.column)),
            escape(note_name(finding.series, finding.number, styles)),
            f"`{finding.code}`" if finding.code.isalnum() else escape(finding.code),
            escape(finding.kind),
            escape(finding.message),
            escape(finding.suggestion or ""),
        )
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    return out


def _notes(report: Report, styles: dict[str, str]) -> list[str]:
    notes: dict[str, list[Note]] = {}
    for note in report.notes:
        notes.setdefault(note.series, []).append(note)
    markers: dict[str, int] = {}
    for marker in report.markers:
        markers[marker.series] = markers.get(marker.series, 0) + 1
    if not notes and not markers:
        return ["## Notes", "", "No notes and no markers found.", ""]
    out = ["## Notes", "", "| Series | Notes | Range | Markers |", "| --- | ---: | --- | ---: |"]
    for series in dict.fromkeys([*notes, *markers]):
        numbers = [n.number for n in notes.get(series, ()) if n.number is not None]
        style = styles.get(series, ARABIC)
        span = "—"
        if numbers:
            low, high = number_label(min(numbers), style), number_label(max(numbers), style)
            span = low if low == high else f"{low}–{high}"
        out.append(
            f"| {escape(series)} | {len(notes.get(series, ()))} | {span} "
            f"| {markers.get(series, 0)} |"
        )
    out.append("")
    return out




def _links(report: Report, styles: dict[str, str]) -> list[str]:
    groups: dict[str, list[LinkResult]] = {}
    for result in report.links:
        groups.setdefault(result.verdict, []).append(result)
    citing = citing_notes(report)
    out = ["## Links", ""]
    for verdict in sorted(groups, key=lambda v: v.rank):
        out += [f"### {escape(verdict)} ({len(groups[verdict])})", ""]
        for result in groups[verdict]:
            parts = [link(result.url)]
            if result.http_status is not None:
                parts.append(str(result.http_status))
            if result.final_url and result.final_url != result.url:
                parts.append("→ " + link(result.final_url))
            if result.detail:
                parts.append(f"({escape(result.detail)})")
            cited = cited_by(citing.get(result.url, []), styles)
            if cited:
                parts.append(f"— {escape(cited)}")
            if result.archive_url:
                parts.append(f"(archived: {link(result.archive_url)})")
            out.append("- " + " ".join(parts))
        out.append("")
    return out
