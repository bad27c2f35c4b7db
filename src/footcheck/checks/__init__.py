"""Checks: each family module yields findings; ``run`` chains them and applies selection.

Families: ``structure`` (markers against notes), ``content`` (what a note says), ``urls``
(how its URLs are written), ``references`` (one work cited consistently). Each module exposes
``check(extraction) -> Iterator[Finding]``; ``links`` (what checking the URLs online found)
also takes the link verdicts, when the audit has them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping

from ..model import Extraction, Finding, LinkResult
from .rules import BY_CODE, selected

FAMILIES = ("structure", "content", "urls", "references")


def run(extraction: Extraction, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
        families: Iterable[str] = FAMILIES,
        links: Mapping[str, LinkResult] | None = None) -> list[Finding]:
    """Run the check families over an extraction; return the kept findings in order.

    ``links`` (URL -> verdict) adds the ``links`` family's findings.
    """
    select, ignore = tuple(select), tuple(ignore)
    found: list[Finding] = []
    for family in families:
        module = importlib.import_module(f"{__name__}.{family}")
        found.extend(module.check(extraction))
    if links:
        from . import links as link_checks

        found.extend(link_checks.check(extraction, links))
    return sort(f for f in found if selected(BY_CODE[f.code], select, ignore))


def sort(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in document order, then by code."""
    return sorted(findings, key=lambda f: (f.line, f.column, f.code, f.message))
