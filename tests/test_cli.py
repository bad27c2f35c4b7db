"""The command line, run as a real process: exit codes, formats, output files, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = [sys.executable, "-m", "footcheck"]


def footcheck(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([*EXE, *args], capture_output=True, text=True, cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, timeout=60)


def test_sample_has_errors_exit_1(sample_path):
    result = footcheck("audit", str(sample_path))
    assert result.returncode == 1, result.stderr
    assert "duplicate-note" in result.stdout and "FC101" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not a terminal
    assert result.stderr == ""


def test_clean_document_exit_0(fixture_path):
    result = footcheck("audit", str(fixture_path("clean-brief.txt")))
    assert result.returncode == 0, result.stdout
    assert "No problems found" in result.stdout


def test_fail_on_threshold(sample_path, fixture_path):
    assert footcheck("audit", str(sample_path), "--fail-on", "never").returncode == 0
    assert footcheck("audit", str(sample_path), "--select", "FC3,FC2",
                     "--ignore", "FC201,FC205,FC302", "--fail-on", "error").returncode == 0
    assert footcheck("audit", str(sample_path), "--select", "formatting",
                     "--fail-on", "info").returncode == 1


def test_select_and_ignore(sample_path):
    result = footcheck("audit", str(sample_path), "-f", "json", "--select", "FC1",
                       "--ignore", "inconsistent-style")
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert codes and all(c.startswith("FC1") for c in codes) and "FC107" not in codes


def test_json_contract(sample_path):
    result = footcheck("audit", str(sample_path), "--format", "json")
    data = json.loads(result.stdout)
    assert data["schema"] == "footcheck-audit/1"
    assert data["summary"]["notes"] == {"endnotes": 97, "footnotes": 3}
    assert {"code", "kind", "severity", "series", "number", "line", "column", "message",
            "suggestion"} <= set(data["findings"][0])
    note = data["notes"][3]
    assert {"label", "number", "series", "line", "text", "urls"} <= set(note)


@pytest.mark.parametrize("fmt, needle", [("markdown", "| Line |"), ("text", "errors")])
def test_other_formats(sample_path, fmt, needle):
    result = footcheck("audit", str(sample_path), "--format", fmt)
    assert needle in result.stdout


def test_output_file_is_written_atomically(sample_path, tmp_path):
    target = tmp_path / "audit.json"
    target.write_text("old")
    result = footcheck("audit", str(sample_path), "-f", "json", "-o", str(target))
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads(target.read_text())["schema"] == "footcheck-audit/1"
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]


def test_output_refuses_to_overwrite_input(tmp_path, sample_path):
    brief = tmp_path / "brief.txt"
    brief.write_bytes(sample_path.read_bytes())
    result = footcheck("audit", str(brief), "-o", str(brief))
    assert result.returncode == 3
    assert brief.read_bytes() == sample_path.read_bytes()
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_output_into_missing_directory(sample_path, tmp_path):
    result = footcheck("audit", str(sample_path), "-o", str(tmp_path / "no" / "such.json"))
    assert result.returncode == 3 and result.stderr.startswith("footcheck: error:")


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a directory"),
    (lambda d: _write(d / "empty.txt", b""), "is empty"),
    (lambda d: _write(d / "blank.txt", b"  \n\n"), "is empty"),
    (lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n" + bytes(200)), "binary"),
    (lambda d: _write(d / "brief.docx", b"PK\x03\x04" + bytes(100)), "zip"),
    (lambda d: _write(d / "junk.bin", bytes(range(256)) * 4), "binary"),
])
def test_bad_input_exit_3_one_line(tmp_path, make, message):
    result = footcheck("audit", str(make(tmp_path)))
    assert result.returncode == 3
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_document_without_notes_is_a_finding(fixture_path):
    result = footcheck("audit", str(fixture_path("prose-roman-words.txt")), "-f", "json")
    data = json.loads(result.stdout)
    assert [f["kind"] for f in data["findings"]] == ["no-notes"]
    assert result.returncode == 0  # a warning: not an error by default


@pytest.mark.parametrize("args", [
    ("audit",),
    ("audit", "x.txt", "--format", "pdf"),
    ("audit", "x.txt", "--select", "FC999"),
    ("audit", "x.txt", "--fail-on", "sometimes"),
    ("frobnicate",),
])
def test_usage_errors_exit_2(args):
    result = footcheck(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_rules_command():
    result = footcheck("rules")
    assert result.returncode == 0
    assert "FC101  duplicate-note  [error]" in result.stdout
    data = json.loads(footcheck("rules", "--format", "json").stdout)
    assert len({r["code"] for r in data}) == len(data)
    assert footcheck("rules", "placeholder").stdout.startswith("FC201")
    assert footcheck("rules", "nothing-like-this").returncode == 2


def test_version():
    result = footcheck("--version")
    assert result.returncode == 0 and "footcheck" in result.stdout
