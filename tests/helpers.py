"""Shared test helpers: notes built without ``extract``, and real tools the tests need.

``note_from(document, line_no)`` makes a :class:`Note` whose span is that line, after its label
(``- ^{XV}``, ``^V``, ``LXXX``, ``[^3]:``, ``12.``) when it has one; ``make_extraction`` makes
a whole :class:`Extraction` with one note per given line.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from typing import NoReturn

import pytest

from footcheck.extract import note_urls
from footcheck.model import ENDNOTES, Document, Extraction, Note

_LABEL = re.compile(
    r"[ \t]*(?:- )?(?:\^\{(?P<a>[^}]*)\}|\^(?P<b>[IVXLCDMivxlcdm\d]+)|\[\^(?P<c>\d+)\]:"
    r"|(?P<d>[IVXLCDM]+|\d+\.)(?= ))[ \t]*"
)


def note_from(document: Document, line_no: int, series: str = ENDNOTES, number: int = 1, *,
              continued: Iterable[int] = (), label: bool = True) -> Note:
    """A note whose first span is line ``line_no`` (after its label, when ``label``).

    ``continued`` lists further lines that continue the note (one more span each, as after a
    page break).
    """
    spans = []
    token = ""
    for i, n in enumerate((line_no, *continued)):
        start = document.line_starts[n - 1]
        line = document.line(n)
        skip = 0
        if label and i == 0:
            m = _LABEL.match(line)
            if m is not None:
                skip = m.end()
                token = next((g for g in m.group("a", "b", "c", "d") if g), "").rstrip(".")
        spans.append((start + skip, start + len(line)))
    text = " ".join(piece for s, e in spans if (piece := document.text[s:e].strip()))
    last = (line_no, *continued)[-1]
    return Note(label=token or str(number), token=token or str(number), number=number,
                series=series, notation="test", line=line_no, column=1, end_line=last,
                text=text, spans=tuple(spans), urls=note_urls(document, tuple(spans)))


def make_extraction(text: str, lines: Iterable[int] | None = None,
                    series: str = ENDNOTES) -> Extraction:
    """A document made from ``text`` with one note per line in ``lines`` (default: every
    non-blank line), numbered 1, 2, 3… in order."""
    document = Document.from_text(text)
    if lines is None:
        lines = [n for n in range(1, document.line_count + 1) if document.line(n).strip()]
    notes = tuple(note_from(document, n, series, i) for i, n in enumerate(lines, start=1))
    return Extraction(document=document, notes=notes, markers=())


IN_CI = os.environ.get("CI") == "true"


def require(what: str) -> NoReturn:
    """Skip the test for want of ``what`` (a tool or package); under CI=true, fail instead:
    CI installs every real consumer the tests use, so a missing one is a broken install."""
    if IN_CI:
        pytest.fail(f"{what} is required under CI but is not installed")
    pytest.skip(f"{what} is not installed")


def need(tool: str) -> str:
    """The path of the program ``tool``, or :func:`require` it."""
    path = shutil.which(tool)
    if path is None:
        require(tool)
    return path


def run_cli(*args: str, cwd=None, stdin: str | None = None):
    """``footcheck ARGS`` in this process, through click's CliRunner, from folder ``cwd``,
    with ``NO_COLOR`` set and ``FOOTCHECK_DEBUG`` unset: a ``CompletedProcess`` whose
    ``returncode``, ``stdout`` and ``stderr`` are what the real command gives (exceptions
    other than the exit are raised)."""
    import subprocess

    from click.testing import CliRunner

    from footcheck.cli import cli

    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = CliRunner().invoke(cli, list(args), input=stdin or "",
                                    env={"NO_COLOR": "1", "FOOTCHECK_DEBUG": None})
    finally:
        os.chdir(here)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout,
                                       result.stderr)
