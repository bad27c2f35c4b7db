"""JUnit XML, the test report GitLab, Jenkins, Azure Pipelines and others display.

One ``testsuite`` per document and one ``testcase`` per finding, failed::

    <testsuite name="briefs/brief.txt" tests="69" failures="69" errors="0" skipped="0" …>
      <testcase name="FC102 missing-note, endnote LV, line 113, column 361"
                classname="briefs/brief_txt"
                file="briefs/brief.txt" line="113" time="0">
        <failure type="error" message="endnote LV: no endnote LV for marker ^{LV} …">…

One test case per finding rather than per rule: GitLab's test report and Jenkins show one row
per test case with its failure message, and read only the first ``failure`` of a case, so
grouping a rule's findings in one case would hide all but one. The case's name says where
the finding is, its failure's ``message`` is the finding, and the failure's text adds the
severity, the fix and the rule's documentation. ``type`` is the severity: every finding is
a ``failure`` (``error`` would mean that footcheck itself failed). A document without
findings has one passed test case, ``no findings``, so that its suite is not empty (Jenkins
takes a report with no test at all for a broken build). ``classname`` is the document's
path with its dots replaced, since Jenkins splits a class name at its last dot.

Document text can hold anything: characters XML 1.0 forbids (most C0 controls, lone
surrogates, U+FFFE/U+FFFF) are removed, and the rest is escaped by the serializer.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..model import Finding, Report
from . import note_name, numbering, positions
from .sarif import describe, ordered, place, relative_path

#: Characters XML 1.0 does not allow in a document, even escaped.
_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report, *, color: bool = False) -> str:
    """Render one report as a JUnit XML document (``color`` is ignored)."""
    return render_many([report])


def render_many(reports: Sequence[Report]) -> str:
    """Render several reports as one JUnit XML document, one test suite each."""
    root = ET.Element("testsuites", name="footcheck")
    totals = {"tests": 0, "failures": 0}
    for report in reports:
        suite = _suite(report)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    _set(root, tests=totals["tests"], failures=totals["failures"], errors=0, skipped=0,
         time="0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    return _FORBIDDEN.sub("", text)


def _suite(report: Report) -> ET.Element:
    from .ruledocs import doc_url

    path = relative_path(report.document.path)
    classname = clean(path.replace(".", "_"))
    findings = ordered(report.findings)
    suite = ET.Element("testsuite", name=clean(path))
    _set(suite, tests=max(1, len(findings)), failures=len(findings), errors=0, skipped=0,
         time="0")
    if not findings:
        ET.SubElement(suite, "testcase", name="no findings", classname=classname,
                      file=clean(path), time="0")
        return suite
    text = describe(report)
    where = positions(report)
    spot = place(report) or (lambda line: f"line {line}")
    styles = numbering(report)
    names: dict[str, int] = {}
    for finding in findings:
        spoken = spot(finding.line)
        if report.document.plain_lines:
            spoken += f", column {finding.column}"
        name = _name(finding, spoken, note_name(finding.series, finding.number, styles))
        names[name] = names.get(name, 0) + 1
        if names[name] > 1:  # two findings alike: keep test names distinct
            name = f"{name} (#{names[name]})"
        case = ET.SubElement(suite, "testcase", name=clean(name), classname=classname,
                             file=clean(path), line=str(max(1, finding.line)), time="0")
        message = text(finding)
        body = [f"{finding.severity} {finding.code} {finding.kind} at "
                f"{path}:{where(finding.line, finding.column)}",
                finding.message]
        if finding.suggestion:
            body.append(f"fix: {finding.suggestion}")
        body.append(f"docs: {doc_url(finding.code)}")
        failure = ET.SubElement(case, "failure", message=clean(message),
                                type=str(finding.severity))
        failure.text = clean("\n".join(body).replace("\r\n", "\n").replace("\r", "\n"))
    return suite


def _name(finding: Finding, where: str, note: str) -> str:
    """A test case's name: the rule, the note concerned and the position."""
    parts = [f"{finding.code} {finding.kind}"]
    if note:
        parts.append(note)
    parts.append(where)
    return ", ".join(parts)


def _set(element: ET.Element, **attributes: object) -> None:
    for key, value in attributes.items():
        element.set(key, str(value))
