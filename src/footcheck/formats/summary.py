"""The per-document summary table printed after auditing several briefs."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Report
from .view import SEVERITIES, TITLES, severity_counts

_COLUMNS = ("Document", "Notes", "Markers", *(TITLES[s] for s in SEVERITIES), "Dead links")


def rows(reports: Sequence[Report]) -> list[tuple[str, ...]]:
    """One row of counts per report, then a total row."""
    out = []
    totals = [0] * (len(_COLUMNS) - 1)
    for report in reports:
        dead = sum(link.verdict.is_dead for link in report.links)
        values = [len(report.notes), len(report.markers),
                  *(n for _, n in severity_counts(report)), dead]
        totals = [t + v for t, v in zip(totals, values, strict=True)]
        out.append((report.document.path, *map(str, values)))
    out.append((f"{len(reports)} documents", *map(str, totals)))
    return out


def render(reports: Sequence[Report], *, markdown: bool = False) -> str:
    """The summary table as aligned text, or as a Markdown table."""
    table = [_COLUMNS, *rows(reports)]
    if markdown:
        def cell(value: str) -> str:
            return value.replace("|", "\\|")

        lines = ["| " + " | ".join(map(cell, _COLUMNS)) + " |",
                 "| --- |" + " ---: |" * (len(_COLUMNS) - 1)]
        lines += ["| " + " | ".join(map(cell, row)) + " |" for row in table[1:]]
        return "\n".join(lines) + "\n"
    widths = [max(len(row[i]) for row in table) for i in range(len(_COLUMNS))]
    lines = []
    for row in table:
        first = row[0].ljust(widths[0])
        rest = (value.rjust(width) for value, width in zip(row[1:], widths[1:], strict=True))
        lines.append("  ".join((first, *rest)).rstrip())
    return "\n".join(lines) + "\n"
