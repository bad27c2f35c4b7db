"""Damaged and hostile files: one error line and exit 3, never a traceback or a library's
warning on stderr."""

from __future__ import annotations

import io
import zipfile

import pytest
from click.testing import CliRunner
from wordml import docx

from footcheck.cli import cli


def audit(path):
    return CliRunner().invoke(cli, ["audit", str(path), "--offline"])


def one_error_line(result, expected: str) -> None:
    assert result.exit_code == 3, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name, data, expected", [
    ("deep.html", ("<div>" * 3000 + "x<sup>1</sup>" + "</div>" * 3000).encode(),
     "nested too deeply"),
    # a web page saved with a Markdown name is read as the page it is, with the same limits
    ("deep.md", b"<p>\n" * 3000 + b"x<sup>1</sup>\n",
     "nested too deeply"),
    ("cdata.html", b"<html><body><p>x<![CDAT[x]]> y<sup>1</sup></p></body></html>",
     "HTML the parser rejects"),
])
def test_hostile_html_is_one_line(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    one_error_line(audit(path), expected)


def test_damaged_deflate_data_inside_a_docx_is_one_line(tmp_path):
    good = docx(["A claim.{en:1}"], endnotes={1: "Smith (2020). Title."})
    source = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
    data = bytearray(out.getvalue())
    at = data.find(b"word/document.xml") + len("word/document.xml")  # first local header
    data[at + 10: at + 40] = b"\xff" * 30  # garble the compressed stream
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    result = audit(path)
    assert result.exit_code == 3, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
