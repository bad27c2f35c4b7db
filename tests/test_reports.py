"""The sample reports in reports/ are what footcheck produces for the bundled sample.

Regenerate them with ``make sample-reports`` (FOOTCHECK_UPDATE_REPORTS=1) after a deliberate
change, and review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from footcheck.document import decode
from footcheck.formats import render, render_bibliography
from footcheck.pipeline import audit

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "references/relokanty-brief.txt"
OUTPUTS = {"text": "relokanty-brief.audit.txt", "markdown": "relokanty-brief.audit.md",
           "json": "relokanty-brief.audit.json"}


@pytest.fixture(scope="module")
def report():
    return audit(decode((ROOT / SAMPLE).read_bytes(), path=SAMPLE))


BIBLIOGRAPHIES = {("bibtex", "biblatex"): "relokanty-brief.bib",
                  ("bibtex", "bibtex"): "relokanty-brief.bibtex.bib",
                  ("csl-json", "biblatex"): "relokanty-brief.csl.json"}


def check_current(name: str, rendered: str) -> None:
    path = ROOT / "reports" / name
    if os.environ.get("FOOTCHECK_UPDATE_REPORTS"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == rendered, (
        f"{path.name} is stale: run 'make sample-reports' and review the diff")


@pytest.mark.parametrize("fmt", sorted(OUTPUTS))
def test_sample_report_is_current(report, fmt):
    check_current(OUTPUTS[fmt], render(fmt, report))


@pytest.mark.parametrize("fmt, style", sorted(BIBLIOGRAPHIES))
def test_sample_bibliography_is_current(report, fmt, style):
    check_current(BIBLIOGRAPHIES[fmt, style],
                  render_bibliography(fmt, report.notes, style=style))
