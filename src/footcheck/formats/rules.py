"""Render the rule table for ``footcheck rules``: text, Markdown or JSON."""

from __future__ import annotations

from collections.abc import Sequence

from ..checks.rules import Rule
from .json import dump
from .ruledocs import doc_path


def render_rules(rules: Sequence[Rule], format_: str = "text") -> str:
    """Render ``rules`` with their docs in ``format_`` (``text``, ``markdown`` or ``json``)."""
    if format_ == "json":
        rows = [{"code": r.code, "kind": r.kind, "severity": str(r.severity),
                 "summary": r.summary, "why": r.why, "example": r.example,
                 "removed": r.removed, "doc": doc_path(r.code)} for r in rules]
        return dump(rows)
    if format_ == "markdown":
        out = ["| Code | Kind | Severity | What it finds |", "| --- | --- | --- | --- |"]
        out += [f"| [{r.code}]({doc_path(r.code)}) | `{r.kind}` | {r.severity} | {r.summary} |"
                for r in rules]
        return "\n".join(out) + "\n"
    out = []
    for r in rules:
        status = " (removed)" if r.removed else ""
        out.append(f"{r.code}  {r.kind}  [{r.severity}]{status}\n"
                   f"    {r.summary}\n    Why: {r.why}\n    Example: {r.example}\n"
                   f"    Docs: {doc_path(r.code)}\n")
    return "\n".join(out)
