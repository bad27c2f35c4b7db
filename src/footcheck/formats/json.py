"""The JSON audit report: a public, versioned contract (see ``docs/json-format.md``).

The shape is described by ``audit.schema.json`` next to this module. Additive changes keep
the schema name ``footcheck-audit/1``; any breaking change bumps it to ``footcheck-audit/2``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from typing import Any

from ..model import SERIES, Document, Finding, LinkResult, Marker, Note, Reference, Report, Url
from . import citing_notes, linking_places
from .view import series_counts

SCHEMA = "footcheck-audit/1"


def render(report: Report, *, color: bool = False) -> str:
    """Render one report as a JSON object (``color`` is ignored), ending with a newline."""
    return dump(to_dict(report))


def render_many(reports: Iterable[Report]) -> str:
    """Render several reports as a JSON list of audit objects, ending with a newline."""
    return dump([to_dict(report) for report in reports])


def to_dict(report: Report) -> dict[str, Any]:
    """Return the audit object of one report, with keys in contract order."""
    from .. import __version__

    doc = report.document
    citing, linked = citing_notes(report), linking_places(report)
    where = _location(doc)
    findings = sorted(report.findings, key=lambda f: (f.line, f.column, f.code))
    out = {
        "schema": SCHEMA,
        "footcheck": __version__,
        "document": {"path": doc.path, "encoding": doc.encoding, "lines": doc.line_count,
                     "format": doc.format, "units": doc.units},
        "summary": {
            **report.counts(),
            "notes": _per_series(report.notes),
            "markers": _per_series(report.markers),
            "findings": len(report.findings),
        },
        "notes": [_note(note) for note in report.notes],
        "markers": [_marker(marker) for marker in report.markers],
        "findings": [_finding(finding, where) for finding in findings],
        "links": [_link(link, citing.get(link.url, ()), linked.get(link.url, ()), where)
                  for link in report.links],
    }
    if report.suppressed is not None:  # a baseline or a comment in the document set some aside
        out["summary"]["suppressed"] = len(report.suppressed)
        out["suppressed"] = [
            {**_finding(s.finding, where), "reason": s.reason}
            for s in sorted(report.suppressed,
                            key=lambda s: (s.finding.line, s.finding.column, s.finding.code))]
    return out


#: Characters JSON leaves raw in strings that str.splitlines() or JavaScript take for a line
#: end (control characters are escaped already): escaped in JSON Lines, one report one line.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def line(report: Report) -> str:
    """``report`` as one line of JSON Lines: no character any reader takes for a line end."""
    return json.dumps(to_dict(report), ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


def dump(value: Any) -> str:
    """``value`` as JSON with a two-space indent and a final newline, UTF-8 unescaped.

    Written by orjson (C), byte for byte what ``json.dumps(ensure_ascii=False, indent=2)``
    writes but some 30 times faster (a large audit's report took 40 % of its time); the
    standard library serves what orjson refuses (a lone surrogate, an integer past 64 bits).
    """
    import orjson

    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
                            ).decode("utf-8")
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _per_series(items: Iterable[Note | Marker]) -> dict[str, int]:
    """Count items per series: the known series always, then others in order of appearance."""
    return dict.fromkeys(SERIES, 0) | series_counts(items)


def _note(note: Note) -> dict[str, Any]:
    return {
        "series": note.series,
        "label": note.label,
        "number": note.number,
        "line": note.line,
        "end_line": note.end_line,
        "text": note.text,
        "urls": [url.url for url in note.urls],
        "references": [_reference(ref) for ref in note.references],
    }


def _reference(ref: Reference) -> dict[str, Any]:
    """The fields of a reference in declaration order, leaving out None and empty values."""
    out: dict[str, Any] = {}
    for field in dataclasses.fields(ref):
        value = getattr(ref, field.name)
        if value is None or (isinstance(value, (str, tuple, list)) and not value):
            continue
        out[field.name] = list(value) if isinstance(value, tuple) else value
    return out


def _marker(marker: Marker) -> dict[str, Any]:
    return {
        "series": marker.series,
        "label": marker.label,
        "number": marker.number,
        "line": marker.line,
        "column": marker.column,
    }


def _location(doc: Document) -> Callable[[int, int], str]:
    """Where a finding is, in words: ``line 12, column 5``, ``paragraph 12``…"""
    from ..readers import locator

    where = locator(doc)
    if doc.plain_lines:
        return lambda line, column: f"{where(line)}, column {column}"
    return lambda line, column: where(line)


def _finding(finding: Finding, where: Callable[[int, int], str]) -> dict[str, Any]:
    return {
        "code": finding.code,
        "kind": finding.kind,
        "severity": str(finding.severity),
        "series": finding.series,
        "number": finding.number,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "location": where(finding.line, finding.column),
    }


def _link(link: LinkResult, notes: Iterable[Note], places: Iterable[Url],
          where: Callable[[int, int], str]) -> dict[str, Any]:
    return {
        "url": link.url,
        "verdict": link.verdict,
        "http_status": link.http_status,
        "final_url": link.final_url,
        "title": link.title,
        "published": link.published,
        "checked_at": link.checked_at,
        "from_cache": link.from_cache,
        "archive_url": link.archive_url,
        "detail": link.detail,
        "notes": [{"series": note.series, "number": note.number} for note in notes],
        "text": [{"line": url.line, "column": url.column, "location": where(url.line, url.column)}
                 for url in places],
    }
