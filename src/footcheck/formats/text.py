"""The default terminal report, written for an editor scanning a long brief.

Layout: a header (document, encoding, notes and markers per series), the findings grouped by
severity with errors first, each on one line with its fix indented below it, a links section
grouped by verdict, and a one-line summary. ANSI colour is used only when asked for, and text
taken from the document is stripped of control characters so it can never colour the
terminal, move the cursor or reorder the line by itself.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import LinkVerdict, Report, Severity
from . import BIDI_OVERRIDES, describe_document, note_name, positions
from .view import NO_PROBLEMS, ReportView, link_status, per_series, plural, verdict_overview

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
RED = "\x1b[31m"
YELLOW = "\x1b[33m"

Paint = Callable[..., str]

_SEVERITY_STYLE = {Severity.ERROR: RED, Severity.WARNING: YELLOW, Severity.INFO: DIM}

# Control characters (C0, DEL, C1) and bidirectional overrides are shown escaped, so that a
# document cannot inject terminal escape sequences or visually reorder a report line.
_UNSAFE = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}
_UNSAFE.update({c: f"\\u{c:04x}" for c in BIDI_OVERRIDES})
_UNSAFE.update({ord("\n"): " ", ord("\t"): " ", ord("\r"): " "})


def render(report: Report, *, color: bool = False) -> str:
    """Render ``report`` for a terminal; ANSI colour only when ``color`` is true."""
    paint = _painter(color)
    view = ReportView.of(report)
    lines = _header(view, paint)
    lines.append("")
    if report.findings:
        lines.extend(_findings(view, paint))
    else:
        lines.append(paint(NO_PROBLEMS, BOLD))
    if report.links:
        lines.append("")
        lines.extend(_links(view, paint))
    lines.append("")
    lines.append(_summary(view, paint))
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


def _header(view: ReportView, paint: Paint) -> list[str]:
    doc = view.report.document
    title = f"{clean(doc.path)}  ({clean(describe_document(doc))})"
    counts = f"Notes: {per_series(view.notes)}  ·  Markers: {per_series(view.markers)}"
    return [paint(title, BOLD), counts]


def _findings(view: ReportView, paint: Paint) -> list[str]:
    path = clean(view.report.document.path)
    ordered = [finding for group in view.findings for finding in group.findings]
    where = positions(view.report)
    locs = [f"{path}:{where(f.line, f.column)}" for f in ordered]
    notes = [note_name(f.series, f.number, view.styles) for f in ordered]
    loc_width = max(map(len, locs))
    kind_width = max(len(f.kind) for f in ordered)
    note_width = max(map(len, notes))
    rows = iter(zip(locs, notes, strict=True))
    out: list[str] = []
    for group in view.findings:
        style = _SEVERITY_STYLE[group.severity]
        if out:
            out.append("")
        out.append(paint(f"{group.title} ({len(group.findings)})", BOLD, style))
        for finding in group.findings:
            loc, note = next(rows)
            tag = f"[{note}]" if note else ""
            parts = [loc.ljust(loc_width), paint(finding.code, style),
                     finding.kind.ljust(kind_width)]
            if note_width:
                parts.append(tag.ljust(note_width + 2))
            parts.append(clean(finding.message))
            out.append("  " + "  ".join(parts).rstrip())
            if finding.suggestion:
                out.append("  " + " " * (loc_width + 2) + "→ " + clean(finding.suggestion))
    return out


def _links(view: ReportView, paint: Paint) -> list[str]:
    out = [paint(f"Links: {verdict_overview(view.links)}", BOLD)]
    for group in view.links:
        verdict, links = group.verdict, group.links
        if verdict is LinkVerdict.ALIVE:
            out.append(f"  {paint(f'alive ({len(links)})', BOLD)}  not listed")
            continue
        reasons = {(link.detail or "").split(":")[0] for link in links}
        if verdict is LinkVerdict.UNVERIFIED and len(reasons) == 1:  # e.g. all: no network
            out.append(f"  {paint(f'unverified ({len(links)})', BOLD)}  {clean(reasons.pop())}")
            continue
        out.append("  " + paint(f"{clean(verdict)} ({len(links)})", BOLD))
        for link in links:
            parts = [clean(link.url), *link_status(link, clean)]
            if link.detail:
                parts.append(f"({clean(link.detail)})")
            if link.from_cache:
                parts.append(paint("(cached)", DIM))
            notes = view.cited_by(link.url)
            if notes:
                parts.append(f"[{notes}]")
            out.append("    " + "  ".join(parts))
            if link.archive_url:
                out.append("      archive: " + clean(link.archive_url))
    return out


def _summary(view: ReportView, paint: Paint) -> str:
    parts = []
    for severity, n in view.counts:
        noun = "info" if severity is Severity.INFO else str(severity)
        text = f"{n} {noun}" if severity is Severity.INFO else plural(n, noun)
        parts.append(paint(text, BOLD, _SEVERITY_STYLE[severity]) if n else text)
    return ", ".join(parts)
