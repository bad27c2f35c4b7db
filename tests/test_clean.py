"""Well-formed briefs in every notation produce no findings at all (false positives matter)."""

import pytest

from footcheck.pipeline import audit

CLEAN = ["clean-brief.txt", "notation-bare-roman.txt", "notation-bracketed.txt",
         "notation-html-sup.txt", "notation-markdown-footnotes.md", "notation-pandoc.md",
         "notation-roman-superscript.txt", "notation-superscript-digits.txt"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_document_has_no_findings(fixture_path, name):
    report = audit(fixture_path(name))
    assert report.notes
    assert [(f.line, f.kind, f.message) for f in report.findings] == []
