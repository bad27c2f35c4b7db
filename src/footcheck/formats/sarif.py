"""SARIF 2.1.0, the static-analysis log that code-scanning services and editors read.

One run for all the documents audited: ``tool.driver`` describes footcheck and every active
rule (its page in ``docs/rules`` as ``helpUri``), ``artifacts`` lists the documents, and each
finding is a result pointing at its document, line and column; a finding set aside by a
comment in the document or by the baseline is a result with its ``suppressions``. Columns
count Unicode code points (``columnKind``), as footcheck does. A Word, OpenDocument or PDF
document has no lines an editor could go to: the result still carries the line of the text
footcheck read (SARIF wants a region), and its message starts with the place the editor
looks for (``page 3, paragraph 2``).

The helpers :func:`document_uri`, :func:`relative_path`, :func:`describe` and
:func:`fingerprints` are shared with the other formats for CI services (GitHub, GitLab,
JUnit), so that they name documents and findings the same way.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from ..checks.rules import RULES, Rule
from ..model import Finding, Report, Severity
from . import note_name, numbering

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")
#: The project's home page: a placeholder until footcheck has its public repository.
INFORMATION_URI = "https://github.com/footcheck/footcheck"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: How a finding set aside is described: by a comment in the document (in source) or by
#: the baseline file (external), as code-scanning services show suppressed results.
_SUPPRESSIONS = {
    "comment": {"kind": "inSource", "status": "accepted",
                "justification": "a 'footcheck: ignore' comment in the document"},
    "baseline": {"kind": "external", "status": "accepted",
                 "justification": "recorded in the baseline"},
}

_MIME_TYPES = {
    "text": "text/plain",
    "markdown": "text/markdown",
    "rst": "text/x-rst",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "pdf": "application/pdf",
}


def render(report: Report, *, color: bool = False) -> str:
    """Render one report as a SARIF log (``color`` is ignored)."""
    return render_many([report])


def render_many(reports: Sequence[Report]) -> str:
    """Render several reports as one SARIF log with one run, ending with a newline."""
    from .json import dump

    return dump(to_dict(reports))


def to_dict(reports: Sequence[Report]) -> dict[str, Any]:
    """The SARIF log of ``reports`` as JSON-ready values."""
    from .. import __version__
    from .ruledocs import family, fix

    rules = [rule for rule in RULES if not rule.removed]
    index = {rule.code: i for i, rule in enumerate(rules)}
    artifacts = []
    results = []
    for number, report in enumerate(reports):
        doc = report.document
        uri = document_uri(doc.path)
        artifact: dict[str, Any] = {"location": {"uri": uri},
                                    "mimeType": _MIME_TYPES.get(doc.format, "text/plain")}
        if doc.plain_lines:
            artifact["encoding"] = doc.encoding
        artifacts.append(artifact)
        texts = describe(report)
        hidden = {id(s.finding): s.reason for s in report.suppressed or ()}
        findings = ordered([*report.findings, *(s.finding for s in report.suppressed or ())])
        for finding, fingerprint in zip(findings, fingerprints(findings, doc.path), strict=True):
            result: dict[str, Any] = {"ruleId": finding.code}
            if finding.code in index:
                result["ruleIndex"] = index[finding.code]
            result.update({
                "level": LEVELS[finding.severity],
                "message": {"text": texts(finding)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri, "index": number},
                    "region": {"startLine": max(1, finding.line),
                               "startColumn": max(1, finding.column)},
                }}],
                "partialFingerprints": {"footcheckFinding/v1": fingerprint},
            })
            if id(finding) in hidden:
                result["suppressions"] = [_SUPPRESSIONS[hidden[id(finding)]]]
            results.append(result)
    driver = {
        "name": "footcheck",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_rule(rule, family(rule.code), fix(rule)) for rule in rules],
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }],
    }


def _rule(rule: Rule, family: str, fix: str) -> dict[str, Any]:
    from .ruledocs import doc_url

    suppress = f"To leave it out: --ignore {rule.code}"
    return {
        "id": rule.code,
        "name": rule.kind,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {
            "text": f"Example: {rule.example}\nHow to fix: {fix}\n{suppress}",
            "markdown": f"**Example:** `{rule.example.replace('`', '')}`\n\n"
                        f"**How to fix:** {fix}\n\nTo leave it out: `--ignore {rule.code}`",
        },
        "helpUri": doc_url(rule.code),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [family] if family else []},
    }


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in document order (line, column, code), as every CI format lists them."""
    return sorted(findings, key=lambda f: (f.line, f.column, f.code))


def relative_path(path: str) -> str:
    """``path`` as CI services name files: relative to the working directory (which should
    be the repository's root) with forward slashes; absolute when the document is outside
    it; a pseudo-path such as ``<text>`` as it is."""
    if path.startswith("<"):
        return path
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # on another drive (Windows)
        return PurePath(absolute).as_posix()
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return PurePath(absolute).as_posix()
    return PurePath(relative).as_posix()


def document_uri(path: str) -> str:
    """The URI of a document in a SARIF log: its :func:`relative_path`, percent-encoded,
    or a ``file://`` URI when the document is outside the working directory."""
    shown = relative_path(path)
    if os.path.isabs(shown) or PurePath(shown).is_absolute():
        return Path(shown).as_uri()
    return quote(shown, safe="/")


def place(report: Report) -> Callable[[int], str] | None:
    """Where a line is as the editor of a converted document looks for it (``page 3,
    paragraph 2``); ``None`` for text, whose lines are the editor's lines."""
    doc = report.document
    if doc.plain_lines:
        return None
    from ..readers import locator

    return locator(doc)


def describe(report: Report) -> Callable[[Finding], str]:
    """A function writing a finding's message for CI services, which show the rule apart:
    the note concerned, the editor's place in a converted document, the message, the fix.

    ``endnote LV (page 3, paragraph 2): no endnote LV for marker ^{LV} (fix: renumber …)``
    """
    styles = numbering(report)
    where = place(report)

    def text(finding: Finding) -> str:
        head = note_name(finding.series, finding.number, styles)
        if where is not None:
            spot = where(finding.line)
            head = f"{head} ({spot})" if head else spot
        out = f"{head}: {finding.message}" if head else finding.message
        if finding.suggestion:
            out += f" (fix: {finding.suggestion})"
        return out

    return text


def fingerprints(findings: Sequence[Finding], path: str) -> list[str]:
    """A stable identity for each of ``findings`` (of the document at ``path``), in order:
    a hash of the rule code, the document's :func:`relative_path`, the note concerned and
    the message, so that it survives lines moving elsewhere in the document. Findings
    alike in all of these are told apart by their order (give them in :func:`ordered`
    order)."""
    path = relative_path(path)
    seen: dict[str, int] = {}
    out: list[str] = []
    for finding in findings:
        key = "\0".join((finding.code, path, finding.series or "",
                         "" if finding.number is None else str(finding.number),
                         finding.message))
        seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8", "surrogatepass"))
        out.append(digest.hexdigest()[:32])
    return out
