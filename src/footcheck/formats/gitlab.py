"""GitLab Code Quality: the JSON list a merge request's Code Quality widget reads.

::

    [{"description": "endnote LV: no endnote LV for marker ^{LV} … [FC102 missing-note]",
      "check_name": "FC102", "fingerprint": "3f1c…", "severity": "major",
      "location": {"path": "briefs/brief.txt", "lines": {"begin": 113}}}]

The description ends with the rule, which the widget does not show otherwise. Severities:
error → ``major``, warning → ``minor``, info → ``info`` (``critical`` and ``blocker`` are
left for problems that break a build, which a brief's notes do not).

The fingerprint identifies a finding from one pipeline to the next (GitLab compares them to
say what a merge request fixed or introduced): it hashes the rule, the document, the note
and the message but not the line, so a finding stays the same when text is added above it.
A converted document's line is the line of the text footcheck read; its description starts
with the editor's place (``page 3, paragraph 2``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Report, Severity
from .sarif import describe, fingerprints, ordered, relative_path

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report, *, color: bool = False) -> str:
    """Render one report as a Code Quality report (``color`` is ignored)."""
    return render_many([report])


def render_many(reports: Sequence[Report]) -> str:
    """Render several reports' findings as one Code Quality list, ending with a newline."""
    from .json import dump

    return dump(to_list(reports))


def to_list(reports: Sequence[Report]) -> list[dict[str, Any]]:
    """The Code Quality issues of ``reports`` as JSON-ready values."""
    issues = []
    for report in reports:
        path = relative_path(report.document.path)
        text = describe(report)
        findings = ordered(report.findings)
        for finding, fingerprint in zip(findings, fingerprints(findings, report.document.path),
                                        strict=True):
            issues.append({
                "description": f"{text(finding)} [{finding.code} {finding.kind}]",
                "check_name": finding.code,
                "fingerprint": fingerprint,
                "severity": SEVERITIES[finding.severity],
                "location": {"path": path, "lines": {"begin": max(1, finding.line)}},
            })
    return issues
