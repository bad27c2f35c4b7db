"""GitHub Actions workflow commands: one annotation per finding, for a job's log.

::

    ::error file=briefs/brief.txt,line=113,col=361,title=FC102 missing-note::endnote LV: …

``error``, ``warning`` or ``notice`` follows the finding's severity. The message is escaped
as GitHub's own toolkit escapes it (``%``, CR and LF), and property values also escape
``,`` and ``:``, so a document's text can neither end the command nor add a property. A
Word, OpenDocument or PDF document has no lines GitHub could show: its annotations name the
file only, and the message starts with the editor's place (``page 3, paragraph 2``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Report, Severity
from .sarif import describe, ordered, relative_path

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, *, color: bool = False) -> str:
    """Render one report as workflow commands, one line each (``color`` is ignored)."""
    return render_many([report])


def render_many(reports: Sequence[Report]) -> str:
    """Render several reports' findings as workflow commands, document after document."""
    lines = []
    for report in reports:
        doc = report.document
        path = relative_path(doc.path)
        text = describe(report)
        for finding in ordered(report.findings):
            properties = {"file": path}
            if doc.plain_lines:
                properties["line"] = str(max(1, finding.line))
                properties["col"] = str(max(1, finding.column))
            properties["title"] = f"{finding.code} {finding.kind}"
            lines.append(command(COMMANDS[finding.severity], properties, text(finding)))
    return "".join(line + "\n" for line in lines)


def command(name: str, properties: dict[str, str], message: str) -> str:
    """One workflow command: ``::name key=value,key=value::message``, escaped."""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    head = f"{name} {props}" if props else name
    return f"::{head}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a command's message as GitHub's toolkit does: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
