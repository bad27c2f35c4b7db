"""What a report shows, worked out once from a :class:`Report` for the formats that render it.

The text, Markdown and HTML reports show the same sections in their own markup: the count of
findings per severity, the findings grouped by severity with the worst first, the notes and
markers per series, the links grouped by verdict and the notes citing each link. This module
computes those once; a renderer only writes them out. The JSON report and the summary table
of several documents take the counts from here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby

from ..model import Finding, LinkResult, LinkVerdict, Marker, Note, Report, Severity
from . import cited_by, citing_notes, linking_places, numbering, positions, series_noun

#: Every severity, the worst first: the order in which reports list them.
SEVERITIES = tuple(sorted(Severity, reverse=True))

#: The heading of each severity's section of findings.
TITLES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}

#: What a report says in place of its findings when there are none.
NO_PROBLEMS = "No problems found."


def plural(count: int, noun: str) -> str:
    """The count and the noun, in the plural unless the count is one: ``2 notes``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def series_counts(items: Iterable[Note | Marker]) -> dict[str, int]:
    """How many notes (or markers) each series has, the series in order of appearance."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.series] = counts.get(item.series, 0) + 1
    return counts


def per_series(counts: dict[str, int]) -> str:
    """Counts per series in words: ``54 endnotes, 1 footnote``, or ``none``."""
    if not counts:
        return "none"
    return ", ".join(plural(n, series_noun(series)) for series, n in counts.items())


def severity_counts(report: Report) -> tuple[tuple[Severity, int], ...]:
    """The number of findings of every severity, the worst first, none left out."""
    counts = report.counts()
    return tuple((severity, counts[str(severity)]) for severity in SEVERITIES)


@dataclass(frozen=True)
class SeverityGroup:
    """The findings of one severity, in the order of the document."""

    severity: Severity
    findings: tuple[Finding, ...]

    @property
    def title(self) -> str:
        """The heading of the group: ``Errors``, ``Warnings`` or ``Info``."""
        return TITLES[self.severity]


def severity_groups(findings: Iterable[Finding]) -> tuple[SeverityGroup, ...]:
    """The findings grouped by severity, the worst first; within a group by line, column and
    code. A severity without findings has no group."""
    ordered = sorted(findings, key=lambda f: (-f.severity, f.line, f.column, f.code))
    return tuple(SeverityGroup(severity, tuple(group))
                 for severity, group in groupby(ordered, key=lambda f: f.severity))


@dataclass(frozen=True)
class LinkGroup:
    """The links of one verdict, in the order they were checked."""

    verdict: LinkVerdict
    links: tuple[LinkResult, ...]


def link_groups(links: Iterable[LinkResult]) -> tuple[LinkGroup, ...]:
    """The links grouped by verdict, in the order of :attr:`LinkVerdict.rank` (problems
    first, ``alive`` last)."""
    groups: dict[LinkVerdict, list[LinkResult]] = {}
    for link in links:
        groups.setdefault(link.verdict, []).append(link)
    return tuple(LinkGroup(verdict, tuple(groups[verdict]))
                 for verdict in sorted(groups, key=lambda v: v.rank))


def verdict_overview(groups: Iterable[LinkGroup]) -> str:
    """How many links each verdict has, in one line: ``2 dead, 1 timeout, 40 alive``."""
    return ", ".join(f"{len(group.links)} {group.verdict}" for group in groups)


def link_status(link: LinkResult, show: Callable[[str], str]) -> list[str]:
    """The HTTP status a link answered with and, when it moved, ``→`` and where it went,
    written by ``show``; an empty list when neither is known."""
    out = []
    if link.http_status is not None:
        out.append(str(link.http_status))
    if link.final_url and link.final_url != link.url:
        out.append("→ " + show(link.final_url))
    return out


@dataclass(frozen=True)
class ReportView:
    """Everything the text, Markdown and HTML reports show of one report, computed once.

    ``styles`` says how each series writes its numbers (see :func:`numbering`); ``notes``
    and ``markers`` are counts per series; ``citing`` maps each URL to the notes citing it,
    ``linked`` to the places of the text outside the notes linking to it (as an editor finds
    them: ``12:5``, ``paragraph 12``).
    """

    report: Report
    styles: dict[str, str]
    counts: tuple[tuple[Severity, int], ...]
    findings: tuple[SeverityGroup, ...]
    notes: dict[str, int]
    markers: dict[str, int]
    links: tuple[LinkGroup, ...]
    citing: dict[str, list[Note]]
    linked: dict[str, list[str]]

    @classmethod
    def of(cls, report: Report) -> ReportView:
        """The view of ``report``."""
        return cls(report=report, styles=numbering(report), counts=severity_counts(report),
                   findings=severity_groups(report.findings),
                   notes=series_counts(report.notes), markers=series_counts(report.markers),
                   links=link_groups(report.links), citing=citing_notes(report),
                   linked=_places(report))

    def cited_by(self, url: str) -> str:
        """The notes citing ``url`` and the places of the text linking to it, in words."""
        return cited_by(self.citing.get(url, ()), self.styles, self.linked.get(url, ()))


def _places(report: Report) -> dict[str, list[str]]:
    """Each URL the text links to outside the notes, with where, as an editor finds it."""
    if not report.linked:
        return {}
    where = positions(report)
    return {url: [where(u.line, u.column) for u in found]
            for url, found in linking_places(report).items()}
