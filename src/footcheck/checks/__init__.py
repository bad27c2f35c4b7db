"""Checks: each family module yields findings; ``run`` chains them and applies selection.

Families: ``structure`` (markers against notes), ``content`` (what a note says), ``urls``
(how its URLs are written). Each module exposes ``check(extraction) -> Iterator[Finding]``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from ..model import Extraction, Finding
from .rules import BY_CODE, selected

FAMILIES = ("structure", "content", "urls")


def run(extraction: Extraction, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
        families: Iterable[str] = FAMILIES) -> list[Finding]:
    """Run the check families over an extraction; return the kept findings in order."""
    select, ignore = tuple(select), tuple(ignore)
    findings: list[Finding] = []
    for family in families:
        module = importlib.import_module(f"{__name__}.{family}")
        findings.extend(f for f in module.check(extraction)
                        if selected(BY_CODE[f.code], select, ignore))
    return sort(findings)


def sort(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in document order, then by code."""
    return sorted(findings, key=lambda f: (f.line, f.column, f.code, f.message))
