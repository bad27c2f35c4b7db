"""Findings set aside: a baseline file (``--write-baseline``/``--baseline``), matched by rule
and note text rather than line; and ``<!-- footcheck: ignore … -->`` comments in the
document, listed as suppressed in the JSON report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from footcheck.baseline import Baseline, context, directives, suppress
from footcheck.model import Document
from footcheck.pipeline import audit
from helpers import run_cli

EXE = [sys.executable, "-m", "footcheck"]

#: FC201 (placeholder, error) in note 1, FC103 (uncited note, warning) for note 4.
BRIEF = """# Brief

A claim.[^1] Another.[^2] A third.[^3]

[^1]: TODO

[^2]: Smith, J. *A report on things*. Example Press, 2023.

[^3]: Jones, K. *Another report*. Example Press, 2022.

[^4]: Lee, M. *Uncited work*. Example Press, 2021.
"""

#: The same brief revised: a paragraph and a note added at the top, every note renumbered.
REVISED = """# Brief

An introduction that was not there before.

A new claim.[^1] A claim.[^2] Another.[^3] A third.[^4]

[^1]: Brown, A. *A new source*. Example Press, 2020.

[^2]: TODO

[^3]: Smith, J. *A report on things*. Example Press, 2023.

[^4]: Jones, K. *Another report*. Example Press, 2022.

[^5]: Lee, M. *Uncited work*. Example Press, 2021.
"""


def footcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """footcheck run in this process from ``cwd`` (``audit`` offline and isolated)."""
    if args and args[0] == "audit":
        args = (*args, "--offline", "--isolated")
    return run_cli(*args, cwd=cwd)


def findings(result: subprocess.CompletedProcess) -> list[tuple[str, int]]:
    return [(f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "brief.md").write_text(BRIEF, encoding="utf-8")
    return tmp_path


# --- the baseline -----------------------------------------------------------------------------

def test_write_baseline_records_the_findings_and_does_not_fail(folder):
    result = footcheck("audit", "brief.md", "--write-baseline", "baseline.json", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "FC201" in result.stdout  # the report is still printed
    data = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))
    assert data["schema"] == "footcheck-baseline/1"
    entries = data["findings"]
    assert {(e["document"], e["code"], e["context"]) for e in entries} >= {
        ("brief.md", "FC201", "TODO"),
        ("brief.md", "FC103", "Lee, M. *Uncited work*. Example Press, 2021.")}
    assert entries == sorted(entries, key=lambda e: (e["document"], e["code"], e["context"],
                                                     e["message"]))
    assert not any("line" in e for e in entries)
    assert result.stderr == f"footcheck: recorded {len(entries)} findings in baseline.json\n"


def test_baseline_hides_recorded_findings(folder):
    footcheck("audit", "brief.md", "--write-baseline", "baseline.json", cwd=folder)
    result = footcheck("audit", "brief.md", "--baseline", "baseline.json", "-f", "json",
                       cwd=folder)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["findings"] == []
    assert data["summary"]["suppressed"] == len(data["suppressed"]) > 0
    assert {s["reason"] for s in data["suppressed"]} == {"baseline"}
    assert "recorded in the baseline not reported" in result.stderr


def test_renumbering_and_new_paragraphs_resurrect_nothing(folder):
    footcheck("audit", "brief.md", "--write-baseline", "baseline.json", cwd=folder)
    (folder / "brief.md").write_text(REVISED, encoding="utf-8")
    result = footcheck("audit", "brief.md", "--baseline", "baseline.json", "-f", "json",
                       cwd=folder)
    assert result.returncode == 0, result.stdout
    assert findings(result) == []
    without = footcheck("audit", "brief.md", "-f", "json", cwd=folder)
    assert ("FC201", 9) in findings(without) and without.returncode == 1


def test_the_same_problem_in_a_new_note_is_reported(folder):
    footcheck("audit", "brief.md", "--write-baseline", "baseline.json", cwd=folder)
    (folder / "brief.md").write_text(REVISED.replace("A new source", "TBD"), encoding="utf-8")
    result = footcheck("audit", "brief.md", "--baseline", "baseline.json", "-f", "json",
                       cwd=folder)
    assert result.returncode == 1
    assert [code for code, line in findings(result) if line == 7] == ["FC201"]
    assert not any(line == 9 for _, line in findings(result))  # the old one stays hidden


def test_a_second_copy_of_a_recorded_finding_is_reported(folder):
    footcheck("audit", "brief.md", "--write-baseline", "baseline.json", cwd=folder)
    doubled = BRIEF.replace("[^2]: Smith, J. *A report on things*. Example Press, 2023.",
                            "[^2]: TODO")
    (folder / "brief.md").write_text(doubled, encoding="utf-8")
    result = footcheck("audit", "brief.md", "--baseline", "baseline.json", "-f", "json",
                       cwd=folder)
    assert [f for f in findings(result) if f[0] == "FC201"] == [("FC201", 7)]


def test_baseline_paths_are_relative_to_the_baseline_file(folder):
    (folder / "briefs").mkdir()
    (folder / "brief.md").rename(folder / "briefs" / "brief.md")
    footcheck("audit", "briefs/brief.md", "--write-baseline", "baseline.json", cwd=folder)
    data = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))
    assert {e["document"] for e in data["findings"]} == {"briefs/brief.md"}
    result = footcheck("audit", "brief.md", "--baseline", "../baseline.json", "-f", "json",
                       cwd=folder / "briefs")
    assert findings(result) == [] and result.returncode == 0


def test_baseline_with_several_documents(folder, fixture_path):
    (folder / "other.md").write_text(BRIEF.replace("TODO", "TK"), encoding="utf-8")
    footcheck("audit", ".", "--write-baseline", "baseline.json", cwd=folder)
    (folder / "other.md").write_text(BRIEF, encoding="utf-8")  # TK -> TODO: a new finding
    result = footcheck("audit", ".", "--baseline", "baseline.json", "-f", "json", cwd=folder)
    reports = {Path(d["document"]["path"]).name: d for d in json.loads(result.stdout)}
    assert reports["brief.md"]["findings"] == []
    assert {(f["code"], f["line"]) for f in reports["other.md"]["findings"]} == {("FC201", 5)}


@pytest.mark.parametrize("content, message", [
    (None, "missing.json: no such baseline (write one with --write-baseline missing.json)"),
    (b"{nope", "missing.json: not a footcheck baseline (not JSON)"),
    (b'{"schema": "other/1"}', 'missing.json: not a footcheck baseline (no "schema": '
                               '"footcheck-baseline/1")'),
    (b'{"schema": "footcheck-baseline/1", "findings": [{"code": 1}]}',
     "missing.json: finding 1 lacks a document, code or context"),
    (b"\xff\xfe", "missing.json: not a footcheck baseline (not JSON)"),
])
def test_a_bad_baseline_is_one_line_and_exit_3(folder, content, message):
    if content is not None:
        (folder / "missing.json").write_bytes(content)
    result = footcheck("audit", "brief.md", "--baseline", "missing.json", cwd=folder)
    assert result.returncode == 3 and result.stdout == ""
    assert result.stderr == f"footcheck: error: {message}\n"


def test_write_baseline_is_atomic_and_never_over_the_document(folder):
    missing = footcheck("audit", "brief.md", "--write-baseline", "nowhere/b.json", cwd=folder)
    assert missing.returncode == 3 and "does not exist" in missing.stderr
    assert not (folder / "nowhere").exists()
    over = footcheck("audit", "brief.md", "--write-baseline", "brief.md", cwd=folder)
    assert over.returncode == 3 and "refusing to overwrite the input" in over.stderr
    assert (folder / "brief.md").read_text(encoding="utf-8") == BRIEF
    assert sorted(p.name for p in folder.iterdir()) == ["brief.md"]  # no temporary file


def test_context_is_the_note_text_or_the_line():
    report = audit(Document.from_text(BRIEF.replace("A third.[^3]", "A third.[^3][^9]"),
                                      path="x.md", format="markdown"))
    by_code = {f.code: f for f in report.findings}
    assert context(report, by_code["FC201"]) == "TODO"
    assert context(report, by_code["FC102"]).startswith("A claim.[^1]")


def test_baseline_split_counts(tmp_path):
    report = audit(Document.from_text(BRIEF, path=str(tmp_path / "x.md"), format="markdown"))
    from footcheck.baseline import render

    path = tmp_path / "b.json"
    path.write_text(render([report], str(path)), encoding="utf-8")
    new, known = Baseline.load(str(path)).split(report)
    assert new == [] and len(known) == len(report.findings)


# --- comments in the document -----------------------------------------------------------------

def suppressed_codes(result: subprocess.CompletedProcess) -> list[tuple[str, int, str]]:
    return [(s["code"], s["line"], s["reason"]) for s in json.loads(result.stdout)["suppressed"]]


def test_a_comment_before_a_note_suppresses_its_finding(folder):
    (folder / "brief.md").write_text(BRIEF.replace("[^1]: TODO", "<!-- footcheck: ignore "
                                                   "FC201 -->\n[^1]: TODO"), encoding="utf-8")
    result = footcheck("audit", "brief.md", "-f", "json", cwd=folder)
    assert result.returncode == 0, result.stdout  # the only error is suppressed
    assert suppressed_codes(result) == [("FC201", 6, "comment")]
    assert ("FC103", 12) in findings(result)  # another note's finding: still reported
    data = json.loads(result.stdout)
    assert data["summary"]["suppressed"] == 1
    text = footcheck("audit", "brief.md", cwd=folder)
    assert "FC201" not in text.stdout and text.returncode == 0
    lines = footcheck("audit", "brief.md", "-f", "jsonl", cwd=folder)
    assert json.loads(lines.stdout)["suppressed"] == data["suppressed"]
    assert data["suppressed"][0]["location"] == "line 6, column 7"
    sarif = json.loads(footcheck("audit", "brief.md", "-f", "sarif", cwd=folder).stdout)
    hidden = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert [(r["ruleId"], r["suppressions"][0]["kind"]) for r in hidden] == [("FC201",
                                                                              "inSource")]


def test_a_comment_on_the_same_line_and_a_bare_ignore(folder):
    brief = BRIEF.replace("A third.[^3]", "A third.[^3] More.[^9]<!-- footcheck: ignore -->")
    brief = brief.replace("[^1]: TODO", "[^1]: TODO <!-- footcheck: ignore -->")
    (folder / "brief.md").write_text(brief, encoding="utf-8")
    result = footcheck("audit", "brief.md", "-f", "json", cwd=folder)
    assert {(code, line) for code, line, _ in suppressed_codes(result)} == {
        ("FC102", 3), ("FC201", 5)}
    assert not any(line in (3, 5) for _, line in findings(result))


def test_comments_by_kind_and_prefix_and_their_reach(folder):
    brief = BRIEF.replace("[^1]: TODO", "<!-- footcheck: ignore placeholder, FC40 -->\n\n"
                                        "[^1]: Smith, J. *A report*. TODO")  # + FC405: no date
    brief = brief.replace("[^4]:", "<!-- footcheck: ignore FC2 -->\n[^4]:")  # not FC103
    (folder / "brief.md").write_text(brief, encoding="utf-8")
    result = footcheck("audit", "brief.md", "-f", "json", cwd=folder)
    assert sorted((c, r) for c, _, r in suppressed_codes(result)) == [("FC201", "comment"),
                                                                       ("FC405", "comment")]
    assert ("FC103", 14) in findings(result)


def test_a_comment_covers_a_whole_note_of_several_lines(tmp_path):
    text = ("A claim.[^1]\n\n[^1]: Smith, J. *A report*. 2023.\n    TODO more here\n")
    plain = audit(Document.from_text(text, path="x.md", format="markdown"))
    assert [(f.code, f.line) for f in plain.findings if f.code == "FC201"] == [("FC201", 4)]
    commented = Document.from_text(text.replace("[^1]:", "<!-- footcheck: ignore FC201 -->"
                                                "\n[^1]:"), path="x.md", format="markdown")
    report = audit(commented)
    kept, hidden = suppress(report, directives(report.document))
    assert [f.code for f in hidden] == ["FC201"] and "FC201" not in [f.code for f in kept]


def test_an_unknown_code_in_a_comment_is_a_warning(folder):
    (folder / "brief.md").write_text(BRIEF.replace("[^1]: TODO", "<!-- footcheck: ignore "
                                                   "FC999 -->\n[^1]: TODO"), encoding="utf-8")
    result = footcheck("audit", "brief.md", "-f", "json", cwd=folder)
    assert result.stderr == ("footcheck: warning: brief.md:5: 'FC999' in a 'footcheck: "
                             "ignore' comment matches no rule\n")
    assert ("FC201", 6) in findings(result) and result.returncode == 1


def test_a_comment_in_html_covers_the_paragraph_after_it(tmp_path):
    page = ('<html><body><p>A claim.<sup><a href="#fn1">1</a></sup> Another.'
            '<sup><a href="#fn2">2</a></sup> Third.{marker}<sup><a href="#fn9">9</a></sup></p>'
            '<h2>Notes</h2><ol>\n{note}<li id="fn1">TODO</li>\n<li id="fn2">TODO again</li>'
            "</ol></body></html>")
    clean = page.format(marker="", note="")
    (tmp_path / "clean.html").write_text(clean, encoding="utf-8")
    before = footcheck("audit", "clean.html", "-f", "json", cwd=tmp_path)
    assert {"FC102", "FC201"} <= {code for code, _ in findings(before)}
    assert "suppressed" not in json.loads(before.stdout)
    (tmp_path / "brief.html").write_text(page.format(
        marker="<!-- footcheck: ignore missing-note -->",
        note="<!-- footcheck: ignore FC201 -->"), encoding="utf-8")
    result = footcheck("audit", "brief.html", "-f", "json", cwd=tmp_path)
    hidden = suppressed_codes(result)
    assert ("FC102", 1, "comment") in hidden
    assert [line for code, line, _ in hidden if code == "FC201"] == [7]
    assert ("FC201", 9) in findings(result)  # the second note has no comment


def test_a_comment_in_restructuredtext(tmp_path):
    text = ("A claim [1]_.\n\n.. footcheck: ignore FC201\n\n.. [1] TODO\n")
    document = Document.from_text(text, path="x.rst", format="rst")
    found = directives(document)
    assert [(d.first, d.codes) for d in found] == [(5, ("FC201",))]


def test_a_comment_inside_a_code_block_of_text_is_still_text(tmp_path):
    """Plain text has no comments: the comment text is honoured where it is written."""
    text = "A claim.^{I}\n\n<!-- footcheck: ignore FC201 -->\nI. TODO\n"
    found = directives(Document.from_text(text, path="x.txt"))
    assert [(d.first, d.last) for d in found] == [(4, 4)]


def test_no_comment_no_directive():
    assert directives(Document.from_text(BRIEF, path="x.md", format="markdown")) == []
    pdf_like = Document.from_text("<!-- footcheck: ignore -->\nx", path="x.pdf", format="pdf")
    assert directives(pdf_like) == []
