"""The one place where footcheck's steps are chained: read → extract → check → report."""

from __future__ import annotations

import os
from collections.abc import Iterable

from . import checks
from .document import read
from .extract import extract
from .model import Document, Report


def audit(source: str | os.PathLike | Document, *, select: Iterable[str] = (),
          ignore: Iterable[str] = ()) -> Report:
    """Audit a document (a path, or a :class:`Document` already read) and return its report.

    ``select`` and ``ignore`` take rule code prefixes (``FC1``, ``FC201``) or kind names
    (``placeholder``). Raises :class:`footcheck.errors.InputError` when the file cannot be read.
    """
    document = source if isinstance(source, Document) else read(source)
    extraction = extract(document)
    findings = checks.run(extraction, select=select, ignore=ignore)
    return Report(document=document, notes=extraction.notes, markers=extraction.markers,
                  findings=tuple(findings))
