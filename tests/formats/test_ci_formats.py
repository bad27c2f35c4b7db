"""Reports for CI services: SARIF, GitHub workflow commands, GitLab Code Quality, JUnit XML;
and the rule pages the SARIF report links to.

The SARIF schema is the published SARIF 2.1.0 (Errata 01) schema in tests/data, kept as OASIS
published it (origin and licence: tests/data/sarif-2.1.0.LICENSE); it is validated offline.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

import footcheck
from footcheck.formats import render, render_many, ruledocs
from footcheck.formats.github import escape_data, escape_property
from footcheck.formats.sarif import describe, ordered
from footcheck.model import ENDNOTES, Document, Finding, Note, Report, Severity

jsonschema = pytest.importorskip("jsonschema")
referencing = pytest.importorskip("referencing")

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "references" / "relokanty-brief.txt"
SCHEMA = ROOT / "tests" / "data" / "sarif-2.1.0.json"
CI = ("sarif", "github", "gitlab", "junit")

_READERS = str(ROOT / "tests" / "readers")
if _READERS not in sys.path:  # where the .docx builder lives
    sys.path.append(_READERS)

from sample_docx import word_docx  # noqa: E402

# A message with everything a format must carry safely: a percent sign, line breaks, markup,
# the end of a CDATA section, a control character XML forbids, and the separators of GitHub's
# command properties.
NASTY = 'odd 100% value,\nnext line\r\n<b>bold</b> & "quoted" ]]> bell\x07 end: done'


# --- documents -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A working directory holding ``briefs/relokanty-brief.txt`` and ``briefs/word.docx``
    (the sample with real Word notes)."""
    root = tmp_path_factory.mktemp("ci")
    (root / "briefs").mkdir()
    shutil.copy(SAMPLE, root / "briefs" / "relokanty-brief.txt")
    (root / "briefs" / "word.docx").write_bytes(word_docx())
    return root


@pytest.fixture(autouse=True)
def in_folder(folder, monkeypatch):
    """Every test runs in the folder, so documents have relative paths, as in a CI job."""
    monkeypatch.chdir(folder)


@pytest.fixture(scope="module")
def text_report(folder) -> Report:
    return footcheck.audit(folder / "briefs" / "relokanty-brief.txt")


@pytest.fixture(scope="module")
def docx_report(folder) -> Report:
    return footcheck.audit(folder / "briefs" / "word.docx")


def paged() -> Report:
    """A two-page PDF-like document (paragraphs, pages) with a finding carrying NASTY."""
    text = "Running head\n\nA claim.^{LV}\n\nLIV a source\n\nAnother page\n\nLV source\n"
    doc = Document.from_text(text, path="briefs/paged.pdf", format="pdf", units="paragraph",
                             page_starts=(1, 7))
    findings = (
        Finding("FC201", "placeholder", Severity.ERROR, NASTY, 9, 4, ENDNOTES, 55,
                suggestion=NASTY),
        Finding("FC204", "formatting", Severity.INFO, "stray colon", 5, 1, ENDNOTES, 54),
        Finding("FC108", "no-notes", Severity.WARNING, "nothing here", 1),
    )
    notes = (Note("LIV", "LIV", 54, ENDNOTES, "roman", 5, 1, 5, "a source"),
             Note("LV", "LV", 55, ENDNOTES, "roman", 9, 1, 9, "source"))
    return Report(doc, notes, (), findings)


def clean_report() -> Report:
    return Report(Document.from_text("Nothing to see.\n", path="briefs/clean.md"), (), (), ())


@pytest.fixture
def reports(text_report, docx_report) -> list[Report]:
    return [text_report, docx_report, paged(), clean_report()]


def total(reports: list[Report]) -> int:
    return sum(len(r.findings) for r in reports)


# --- SARIF -----------------------------------------------------------------------------------

def _refuse(uri: str):
    raise AssertionError(f"the schema tried to fetch {uri}: validation must stay offline")


def validate_sarif(text: str) -> dict:
    """Parse ``text`` and validate it against the published schema, with the validator of the
    draft the schema declares and no network access."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    registry = referencing.Registry(retrieve=_refuse)
    log = json.loads(text)
    validator = validator_class(schema, registry=registry,
                                format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return log


def test_schema_is_the_published_one():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft4Validator


def test_sarif_one_document_is_valid(text_report):
    log = validate_sarif(render("sarif", text_report))
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "footcheck" and driver["version"] == footcheck.__version__
    assert driver["informationUri"].startswith("https://")
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["artifacts"] == [{"location": {"uri": "briefs/relokanty-brief.txt"},
                                 "mimeType": "text/plain", "encoding": "utf-8"}]
    assert len(run["results"]) == len(text_report.findings)
    rules = driver["rules"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, finding in zip(run["results"], ordered(text_report.findings), strict=True):
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"] == finding.code
        assert rule["name"] == finding.kind
        assert result["level"] == levels[str(finding.severity)]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "briefs/relokanty-brief.txt", "index": 0}
        assert location["region"] == {"startLine": finding.line, "startColumn": finding.column}
        assert finding.message in result["message"]["text"]
        if finding.suggestion:
            assert result["message"]["text"].endswith(f" (fix: {finding.suggestion})")


def test_sarif_rules_describe_every_rule_and_link_its_page(text_report):
    from footcheck.checks.rules import RULES

    rules = json.loads(render("sarif", text_report))["runs"][0]["tool"]["driver"]["rules"]
    table = {r.code: r for r in RULES if not r.removed}
    assert [r["id"] for r in rules] == list(table)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for entry in rules:
        rule = table[entry["id"]]
        assert entry["shortDescription"]["text"] == rule.summary
        assert entry["fullDescription"]["text"] == rule.why
        assert rule.example in entry["help"]["text"]
        assert entry["defaultConfiguration"]["level"] == levels[str(rule.severity)]
        assert entry["helpUri"] == ruledocs.DOCS_URL + f"{rule.code}.md"
        assert entry["helpUri"].endswith(f"/docs/rules/{rule.code}.md")
        assert (ROOT / ruledocs.doc_path(rule.code)).is_file()


def test_sarif_several_documents_one_run(reports):
    log = validate_sarif(render_many("sarif", reports))
    (run,) = log["runs"]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert uris == ["briefs/relokanty-brief.txt", "briefs/word.docx", "briefs/paged.pdf",
                    "briefs/clean.md"]
    assert len(run["results"]) == total(reports)
    for result in run["results"]:
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert uris[artifact["index"]] == artifact["uri"]
    prints = [r["partialFingerprints"]["footcheckFinding/v1"] for r in run["results"]]
    assert len(set(prints)) == len(prints)


def test_sarif_converted_documents_name_the_editors_place(docx_report):
    log = validate_sarif(render_many("sarif", [docx_report, paged()]))
    results = log["runs"][0]["results"]
    docx = [r for r in results
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 0]
    assert docx and all(re.search(r"\(paragraph \d+\)|^paragraph \d+", r["message"]["text"])
                        for r in docx)
    pdf = [r for r in results
           if r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 1]
    texts = [r["message"]["text"] for r in pdf]
    assert texts[0] == "page 1, paragraph 1: nothing here"
    assert texts[1] == "endnote LIV (page 1, paragraph 3): stray colon"
    assert texts[2].startswith("endnote LV (page 2, paragraph 2): odd 100% value")
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in pdf] \
        == [1, 5, 9]  # still the line of the text read, so the result is valid


def test_sarif_paths_outside_the_folder_are_file_uris(tmp_path):
    doc = Document.from_text("x\n", path=str(tmp_path / "élan brief.txt"))
    report = Report(doc, (), (), (Finding("FC108", "no-notes", Severity.WARNING, "none", 1),))
    log = validate_sarif(render("sarif", report))
    uri = log["runs"][0]["artifacts"][0]["location"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("/%C3%A9lan%20brief.txt")
    assert Path(unquote(uri.removeprefix("file://"))) == tmp_path / "élan brief.txt"


# --- GitHub ----------------------------------------------------------------------------------

_COMMAND = re.compile(r"::(?P<name>error|warning|notice)(?: (?P<props>[^:]*))?::(?P<msg>.*)")


def unescape(text: str) -> str:
    """Undo GitHub's escaping, as the runner does."""
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_github(output: str) -> list[tuple[str, dict[str, str], str]]:
    """Each workflow command as (name, properties, message), unescaped."""
    assert output.endswith("\n")
    out = []
    for line in output[:-1].split("\n"):
        match = _COMMAND.fullmatch(line)
        assert match, line
        props = {}
        for pair in (match["props"] or "").split(","):
            key, _, value = pair.partition("=")
            props[key] = unescape(value)
        out.append((match["name"], props, unescape(match["msg"])))
    return out


def test_github_one_line_per_finding_that_parses_back(text_report):
    commands = parse_github(render("github", text_report))
    findings = ordered(text_report.findings)
    assert len(commands) == len(findings)
    text = describe(text_report)
    names = {"error": "error", "warning": "warning", "info": "notice"}
    for (name, props, message), finding in zip(commands, findings, strict=True):
        assert name == names[str(finding.severity)]
        assert props == {"file": "briefs/relokanty-brief.txt", "line": str(finding.line),
                         "col": str(finding.column), "title": f"{finding.code} {finding.kind}"}
        assert message == text(finding)


def test_github_example_line(text_report):
    lines = render("github", text_report).splitlines()
    assert ("::error file=briefs/relokanty-brief.txt,line=113,col=361,title=FC102 missing-note"
            "::endnote LV: no endnote LV for marker ^{LV}; the note at line 271, numbered LIV, "
            "is probably it (fix: renumber the note at line 271 as LV)") in lines


def test_github_converted_documents_name_the_file_and_the_place(docx_report):
    commands = parse_github(render_many("github", [docx_report, paged()]))
    assert len(commands) == len(docx_report.findings) + 3
    for _name, props, _message in commands:
        assert set(props) == {"file", "title"}  # no line GitHub could show in a binary file
    assert commands[-1][2].startswith("endnote LV (page 2, paragraph 2): ")


def test_github_escaping():
    assert escape_data("100%\r\n:,") == "100%25%0D%0A:,"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert unescape(escape_property(NASTY)) == NASTY


# --- GitLab ----------------------------------------------------------------------------------

def test_gitlab_code_quality(text_report):
    issues = json.loads(render("gitlab", text_report))
    findings = ordered(text_report.findings)
    assert len(issues) == len(findings)
    severities = {"error": "major", "warning": "minor", "info": "info"}
    text = describe(text_report)
    for issue, finding in zip(issues, findings, strict=True):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity",
                              "location"}
        assert issue["check_name"] == finding.code
        assert issue["severity"] == severities[str(finding.severity)]
        assert issue["location"] == {"path": "briefs/relokanty-brief.txt",
                                     "lines": {"begin": finding.line}}
        assert issue["description"] == f"{text(finding)} [{finding.code} {finding.kind}]"
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])


def test_gitlab_fingerprints_unique_and_stable(folder, reports):
    first = json.loads(render_many("gitlab", reports))
    again = [footcheck.audit(folder / "briefs" / "relokanty-brief.txt"),
             footcheck.audit(folder / "briefs" / "word.docx"), paged(), clean_report()]
    second = json.loads(render_many("gitlab", again))
    prints = [issue["fingerprint"] for issue in first]
    assert len(prints) == total(reports) and len(set(prints)) == len(prints)
    assert prints == [issue["fingerprint"] for issue in second]


def test_gitlab_fingerprints_ignore_lines_moving():
    def report(shift: int) -> Report:
        doc = Document.from_text("\n" * shift + "x\n" * 20, path="briefs/a.txt")
        return Report(doc, (), (), (
            Finding("FC303", "empty-link", Severity.WARNING, "Link 'x' points to '#'",
                    3 + shift, 5),
            Finding("FC303", "empty-link", Severity.WARNING, "Link 'x' points to '#'",
                    9 + shift, 2),
            Finding("FC201", "placeholder", Severity.ERROR, "TK", 12 + shift, 1, ENDNOTES, 4),
        ))

    def prints(shift: int) -> list[str]:
        return [i["fingerprint"] for i in json.loads(render("gitlab", report(shift)))]

    assert prints(0) == prints(7)
    assert len(set(prints(0))) == 3  # the two alike findings are told apart


# --- JUnit -----------------------------------------------------------------------------------

def test_junit_one_suite_per_document_one_case_per_finding(reports):
    root = ET.fromstring(render_many("junit", reports))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["briefs/relokanty-brief.txt", "briefs/word.docx",
                                               "briefs/paged.pdf", "briefs/clean.md"]
    for suite, report in zip(suites, reports, strict=True):
        cases = suite.findall("testcase")
        failures = [c.find("failure") for c in cases if c.find("failure") is not None]
        assert len(failures) == len(report.findings) == int(suite.get("failures"))
        assert int(suite.get("tests")) == len(cases) == max(1, len(report.findings))
        assert suite.get("errors") == suite.get("skipped") == "0"
        names = [c.get("name") for c in cases]
        assert len(set(names)) == len(names)
        text = describe(report)
        for failure, finding in zip(failures, ordered(report.findings), strict=True):
            assert failure.get("type") == str(finding.severity)
            assert failure.get("message") == text(finding).replace("\x07", "")
            assert finding.code in failure.text and "docs: https://" in failure.text
    assert int(root.get("tests")) == sum(max(1, len(r.findings)) for r in reports)
    assert int(root.get("failures")) == total(reports)
    (clean,) = suites[-1].findall("testcase")
    assert clean.get("name") == "no findings" and not list(clean)


def test_junit_case_names_say_where(text_report, docx_report):
    root = ET.fromstring(render_many("junit", [text_report, docx_report, paged()]))
    names = [c.get("name") for c in root.iter("testcase")]
    assert "FC102 missing-note, endnote LV, line 113, column 361" in names
    assert any(re.fullmatch(r"FC\d{3} [a-z-]+(, \w+ [IVXLC\d]+)?, paragraph \d+", n)
               for n in names)
    assert "FC201 placeholder, endnote LV, page 2, paragraph 2" in names
    case = next(root.iter("testcase"))
    assert case.get("classname") == "briefs/relokanty-brief_txt"
    assert case.get("file") == "briefs/relokanty-brief.txt"


# --- every format ----------------------------------------------------------------------------

def test_a_nasty_message_survives_every_format():
    report = paged()
    expected = describe(report)(ordered(report.findings)[-1])
    assert NASTY in expected

    log = validate_sarif(render("sarif", report))
    assert log["runs"][0]["results"][-1]["message"]["text"] == expected

    output = render("github", report)
    assert output.count("\n") == len(report.findings)  # one line each, whatever the message
    assert parse_github(output)[-1][2] == expected

    issues = json.loads(render("gitlab", report))
    assert issues[-1]["description"].startswith(expected)

    xml = render("junit", report)
    assert "\x07" not in xml and "]]>" not in xml
    failure = list(ET.fromstring(xml).iter("failure"))[-1]
    assert failure.get("message") == expected.replace("\x07", "")  # XML cannot hold U+0007
    assert NASTY.replace("\x07", "").replace("\r\n", "\n") in failure.text


@pytest.mark.parametrize("name", CI)
def test_cli_writes_every_ci_format_for_a_folder(folder, name):
    out = folder / f"report.{name}"
    result = subprocess.run(
        [sys.executable, "-m", "footcheck", "audit", "briefs", "-f", name, "-o", str(out),
         "--offline"], capture_output=True, text=True, cwd=folder, timeout=120,
        env={**os.environ, "NO_COLOR": "1"}, stdin=subprocess.DEVNULL)
    assert result.returncode == 1, result.stderr  # the sample has errors
    text = out.read_text(encoding="utf-8")
    assert "briefs/relokanty-brief.txt" in text and "briefs/word.docx" in text
    if name == "sarif":
        assert len(validate_sarif(text)["runs"][0]["artifacts"]) == 2
    elif name == "junit":
        assert len(ET.fromstring(text).findall("testsuite")) == 2
    elif name == "gitlab":
        assert isinstance(json.loads(text), list)
    else:
        assert all(line.startswith("::") for line in text.splitlines())


# --- rule pages ------------------------------------------------------------------------------

def test_rule_pages_are_current():
    """docs/rules is what the generator writes: run
    ``python -m footcheck.formats.ruledocs docs/rules`` after changing a rule."""
    assert ruledocs.stale(str(ROOT / ruledocs.DOCS_DIR)) == []


def test_every_rule_has_a_fix_and_a_page():
    from footcheck.checks.rules import RULES

    active = {r.code for r in RULES if not r.removed}
    assert set(ruledocs.FIXES) == active
    assert all(text.strip() and "\n" not in text for text in ruledocs.FIXES.values())
    pages = ruledocs.pages()
    for rule in RULES:
        page = pages[f"{rule.code}.md"]
        for part in ("## What it finds", "## Why it matters", "## Example", "## How to fix",
                     f"--ignore {rule.code}"):
            assert part in page, (rule.code, part)
        assert f"[{rule.code}]({rule.code}.md)" in pages["README.md"]


def test_ruledocs_check_mode(tmp_path):
    assert ruledocs.main(["--check", str(tmp_path)]) == 1
    assert ruledocs.main([str(tmp_path)]) == 0
    assert ruledocs.main(["--check", str(tmp_path)]) == 0
    (tmp_path / "FC999.md").write_text("old", encoding="utf-8")
    assert ruledocs.stale(str(tmp_path)) == ["FC999.md"]


def test_footcheck_rules_mentions_the_doc_page():
    result = subprocess.run([sys.executable, "-m", "footcheck", "rules", "FC102"],
                            capture_output=True, text=True, timeout=60)
    assert ruledocs.doc_path("FC102") in result.stdout


def test_sarif_suppressed_findings_are_results_with_their_suppressions(text_report):
    """A finding set aside by a comment in the document (in source) or by the baseline
    (external) stays a result, with its suppression, and keeps its fingerprint."""
    from dataclasses import replace

    from footcheck.model import Suppressed

    plain = validate_sarif(render("sarif", text_report))["runs"][0]["results"]
    first, second, *rest = ordered(text_report.findings)
    hidden = replace(text_report, findings=tuple(rest),
                     suppressed=(Suppressed(first, "comment"), Suppressed(second, "baseline")))
    results = validate_sarif(render("sarif", hidden))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in results] == [r["partialFingerprints"]
                                                         for r in plain]
    kinds = [[s["kind"] for s in r.get("suppressions", ())] for r in results]
    assert kinds[:2] == [["inSource"], ["external"]] and not any(kinds[2:])
    assert all(s["status"] == "accepted" for r in results for s in r.get("suppressions", ()))
