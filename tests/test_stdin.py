"""``footcheck audit -`` and ``footcheck bib -``: the document on standard input, named by
``--stdin-filename`` for its format, the report and the configuration."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = [sys.executable, "-m", "footcheck"]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = Path(__file__).resolve().parent.parent / "references" / "relokanty-brief.txt"

MARKDOWN = "A claim.[^1] Another.[^2]\n\n[^1]: TODO\n\n[^2]: Smith, J. *A report*. 2023.\n"


def footcheck(*args: str, data: bytes, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    if args and args[0] == "audit":
        args = (*args, "--offline")
    return subprocess.run([*EXE, *args], input=data, capture_output=True, cwd=cwd, env=env,
                          timeout=120)


def test_audit_reads_standard_input_named_by_stdin_filename(tmp_path):
    result = footcheck("audit", "-", "--stdin-filename", "briefs/brief.md", "-f", "json",
                       data=MARKDOWN.encode(), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["document"]["path"] == "briefs/brief.md"
    assert data["document"]["format"] == "markdown"  # told from the suffix
    assert data["summary"]["notes"]["footnotes"] == 2
    assert [f["code"] for f in data["findings"] if f["severity"] == "error"] == ["FC201"]
    text = footcheck("audit", "-", "--stdin-filename", "briefs/brief.md", data=MARKDOWN.encode(),
                     cwd=tmp_path)
    assert b"briefs/brief.md:3:7" in text.stdout


def test_the_same_report_as_from_the_file(tmp_path):
    (tmp_path / "brief.txt").write_bytes(SAMPLE.read_bytes())
    from_file = footcheck("audit", "brief.txt", "-f", "json", data=b"", cwd=tmp_path)
    from_stdin = footcheck("audit", "-", "--stdin-filename", "brief.txt", "-f", "json",
                           data=SAMPLE.read_bytes(), cwd=tmp_path)
    assert from_stdin.returncode == from_file.returncode == 1
    assert from_stdin.stdout == from_file.stdout


def test_without_a_name_the_kind_is_told_from_the_content(tmp_path):
    result = footcheck("audit", "-", "-f", "json", data=SAMPLE.read_bytes(), cwd=tmp_path)
    data = json.loads(result.stdout)
    assert data["document"]["path"] == "<stdin>"
    assert data["summary"]["notes"]["endnotes"] == 97


def test_html_on_standard_input(tmp_path):
    page = (b'<html><body><p>A claim.<sup><a href="#fn1">1</a></sup></p><ol>'
            b'<!-- footcheck: ignore FC201 --><li id="fn1">TODO</li></ol></body></html>')
    result = footcheck("audit", "-", "--stdin-filename", "page.html", "-f", "json", data=page,
                       cwd=tmp_path)
    data = json.loads(result.stdout)
    assert data["document"]["format"] == "html"
    assert [s["code"] for s in data["suppressed"]] == ["FC201"]  # the comment, from the bytes


def test_the_configuration_is_found_from_the_stdin_filename(tmp_path):
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "footcheck.toml").write_text('ignore = ["FC201"]\n')
    inside = footcheck("audit", "-", "--stdin-filename", "briefs/brief.md", "-f", "json",
                       data=MARKDOWN.encode(), cwd=tmp_path)
    assert "FC201" not in {f["code"] for f in json.loads(inside.stdout)["findings"]}
    outside = footcheck("audit", "-", "--stdin-filename", "brief.md", "-f", "json",
                        data=MARKDOWN.encode(), cwd=tmp_path)
    assert "FC201" in {f["code"] for f in json.loads(outside.stdout)["findings"]}
    shown = footcheck("audit", "-", "--stdin-filename", "briefs/brief.md", "--show-settings",
                      data=b"", cwd=tmp_path)
    assert "# configuration file: briefs/footcheck.toml" in shown.stdout.decode()


@pytest.mark.parametrize("data, name, message", [
    (b"", None, "<stdin>: is empty"),
    (b"", "brief.md", "brief.md: is empty"),
    (b"%PDF-1.4 not really", "brief.docx", "brief.docx: "),
    (b"\x89PNG\r\n\x1a\n" + bytes(64), None, "<stdin>: "),
])
def test_bad_input_on_standard_input_is_one_line_and_exit_3(tmp_path, data, name, message):
    args = ("--stdin-filename", name) if name else ()
    result = footcheck("audit", "-", *args, data=data, cwd=tmp_path)
    assert result.returncode == 3 and result.stdout == b""
    err = result.stderr.decode()
    assert err.startswith(f"footcheck: error: {message}") and err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("args, message", [
    (("audit", "-", "brief.md"), "'-' (standard input) must be the only document"),
    (("audit", "brief.md", "--stdin-filename", "x.md"), "give '-' as the document"),
    (("bib", "brief.md", "--stdin-filename", "x.md"), "give '-' as the document"),
])
def test_misused_standard_input_is_a_usage_error(tmp_path, args, message):
    (tmp_path / "brief.md").write_text(MARKDOWN)
    result = footcheck(*args, data=b"", cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr.decode()


def test_bib_reads_standard_input(tmp_path):
    result = footcheck("bib", "-", "--stdin-filename", "brief.txt", "-f", "csl-json",
                       data=SAMPLE.read_bytes(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 72
    written = footcheck("bib", "-", "-o", "refs.ris", "-f", "ris", data=SAMPLE.read_bytes(),
                        cwd=tmp_path)
    assert written.returncode == 0
    assert (tmp_path / "refs.ris").read_text(encoding="utf-8").count("ER  - ") == 72
