"""The default terminal report, written for an editor scanning a long brief.

Layout: a header (document, encoding, notes and markers per series), the findings grouped by
severity with errors first, each on one line with its fix indented below it, a links section
grouped by verdict, and a one-line summary. ANSI colour is used only when asked for, and text
taken from the document is stripped of control characters so it can never colour the
terminal, move the cursor or reorder the line by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import LinkResult, LinkVerdict, Marker, Note, Report, Severity
from . import (
    BIDI_OVERRIDES,
    cited_by,
    citing_notes,
    describe_document,
    note_name,
    numbering,
    positions,
    series_noun,
)

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
RED = "\x1b[31m"
YELLOW = "\x1b[33m"

Paint = Callable[..., str]

_SEVERITY_STYLE = {Severity.ERROR: RED, Severity.WARNING: YELLOW, Severity.INFO: DIM}
_SEVERITY_TITLE = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}

# Control characters (C0, DEL, C1) and bidirectional overrides are shown escaped, so that a
# document cannot inject terminal escape sequences or visually reorder a report line.
_UNSAFE = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}
_UNSAFE.update({c: f"\\u{c:04x}" for c in BIDI_OVERRIDES})
_UNSAFE.update({ord("\n"): " ", ord("\t"): " ", ord("\r"): " "})


def render(report: Report, *, color: bool = False) -> str:
    """Render ``report`` for a terminal; ANSI colour only when ``color`` is true."""
    paint = _painter(color)
    styles = numbering(report)
    lines = _header(report, paint)
    lines.append("")
    if report.findings:
        lines.extend(_findings(report, styles, paint))
    else:
        lines.append(paint("No problems found.", BOLD))
    if report.links:
        lines.append("")
        lines.extend(_links(report, styles, paint))
    lines.append("")
    lines.append(_summary(report, paint))
    return "\n".join(lines) + "\n"


def clean(text: str) -> str:
    """Make document text safe for one terminal line: escape control and bidi characters."""
    return text.translate(_UNSAFE)


def _painter(color: bool) -> Paint:
    def paint(text: str, *styles: str) -> str:
        if not color or not styles:
            return text
        return "".join(styles) + text + RESET

    return paint


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _per_series(items: Iterable[Note | Marker]) -> str:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.series] = counts.get(item.series, 0) + 1
    if not counts:
        return "none"
    return ", ".join(_plural(n, series_noun(s)) for s, n in counts.items())


def _header(report: Report, paint: Paint) -> list[str]:
    doc = report.document
    title = f"{clean(doc.path)}  ({clean(describe_document(doc))})"
    counts = f"Notes: {_per_series(report.notes)}  ·  Markers: {_per_series(report.markers)}"
    return [paint(title, BOLD), counts]


def _findings(report: Report, styles: dict[str, str], paint: Paint) -> list[str]:
    path = clean(report.document.path)
    ordered = sorted(report.findings, key=lambda f: (-f.severity, f.line, f.column, f.code))
    where = positions(report)
    locs = [f"{path}:{where(f.line, f.column)}" for f in ordered]
    notes = [note_name(f.series, f.number, styles) for f in ordered]
    loc_width = max(map(len, locs))
    kind_width = max(len(f.kind) for f in ordered)
    note_width = max(map(len, notes))
    counts = report.counts()
    out: list[str] = []
    current: Severity | None = None
    for finding, loc, note in zip(ordered, locs, notes, strict=True):
        style = _SEVERITY_STYLE[finding.severity]
        if finding.severity != current:
            current = finding.severity
            count = counts[str(current)]
            if out:
                out.append("")
            out.append(paint(f"{_SEVERITY_TITLE[current]} ({count})", BOLD, style))
        tag = f"[{note}]" if note else ""
        parts = [loc.ljust(loc_width), paint(finding.code, style), finding.kind.ljust(kind_width)]
        if note_width:
            parts.append(tag.ljust(note_width + 2))
        parts.append(clean(finding.message))
        out.append("  " + "  ".join(parts).rstrip())
        if finding.suggestion:
            out.append("  " + " " * (loc_width + 2) + "→ " + clean(finding.suggestion))
    return out




def _links(report: Report, styles: dict[str, str], paint: Paint) -> list[str]:
    groups: dict[str, list[LinkResult]] = {}
    for link in report.links:
        groups.setdefault(link.verdict, []).append(link)
    verdicts = sorted(groups, key=lambda v: v.rank)
    citing = citing_notes(report)
    overview = ", ".join(f"{len(groups[v])} {clean(v)}" for v in verdicts)
    out = [paint(f"Links: {overview}", BOLD)]
    for verdict in verdicts:
        links = groups[verdict]
        if verdict is LinkVerdict.ALIVE:
            out.append(f"  {paint(f'alive ({len(links)})', BOLD)}  not listed")
            continue
        reasons = {(link.detail or "").split(":")[0] for link in links}
        if verdict is LinkVerdict.UNVERIFIED and len(reasons) == 1:  # e.g. all: no network
            out.append(f"  {paint(f'unverified ({len(links)})', BOLD)}  {clean(reasons.pop())}")
            continue
        out.append("  " + paint(f"{clean(verdict)} ({len(links)})", BOLD))
        for link in links:
            parts = [clean(link.url)]
            if link.http_status is not None:
                parts.append(str(link.http_status))
            if link.final_url and link.final_url != link.url:
                parts.append("→ " + clean(link.final_url))
            if link.detail:
                parts.append(f"({clean(link.detail)})")
            if link.from_cache:
                parts.append(paint("(cached)", DIM))
            notes = cited_by(citing.get(link.url, ()), styles)
            if notes:
                parts.append(f"[{notes}]")
            out.append("    " + "  ".join(parts))
            if link.archive_url:
                out.append("      archive: " + clean(link.archive_url))
    return out


def _summary(report: Report, paint: Paint) -> str:
    counts = report.counts()
    parts = []
    for severity in sorted(Severity, reverse=True):
        n = counts[str(severity)]
        noun = "info" if severity is Severity.INFO else str(severity)
        text = f"{n} {noun}" if severity is Severity.INFO else _plural(n, noun)
        parts.append(paint(text, BOLD, _SEVERITY_STYLE[severity]) if n else text)
    return ", ".join(parts)
