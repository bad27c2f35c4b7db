"""The notes a file really holds, the same in every format: a cross-format corpus.

Each brief of tests/crossformat/briefs.py is written once, as data, and produced at test time
(into a temporary folder, never committed) in nine formats:

* ``odt``: OpenDocument written by the test (real ``text:note`` elements, endnotes numbered
  i, ii, iii and footnotes 1, 2, 3 by ``text:notes-configuration``, ``text:list`` lists,
  tables); ``md``: Markdown with ``[^n]`` footnotes;
* ``lo.docx``, ``lo.pdf``, ``lo.html``: that .odt saved by LibreOffice headless as Word, PDF
  and HTML;
* ``pandoc.docx``, ``pandoc.html``, ``pandoc.odt``, ``pandoc.pdf``: that .md converted by
  pandoc (the PDF through LaTeX).

For every brief and format, ``audit(path)`` (offline) must give exactly the brief's notes per
series (their tokens, in order), its markers, the URLs of each note, the content findings
planted in it (FC2xx/FC3xx, with the note they belong to) and no other finding of severity
warning or worse. The tests needing LibreOffice or pandoc skip when it is missing, and fail
under CI=true (tests/helpers.py).

Where footcheck is wrong today the case is marked ``xfail(strict=True)`` in ``KNOWN`` below,
with what the reader gets wrong: the truth is never weakened, and a fixed reader turns the
case into a failure until its mark is removed.
"""

from __future__ import annotations

import functools
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from crossformat import produce
from crossformat.briefs import BRIEFS, ENDNOTE, Brief, BulletList, Link, Note, Para
from crossformat.render import roman
from footcheck.checks.rules import BY_CODE
from footcheck.model import ENDNOTES, FOOTNOTES, Finding, Report, Severity
from footcheck.pipeline import audit
from helpers import need

# --- which series each format holds ----------------------------------------------------------
#
# footcheck has one vocabulary: "footnotes" are notes at the page foot, Markdown footnotes and
# Word/OpenDocument footnotes; "endnotes" are notes collected at the end.
#
# KEEPS_CLASSES: these formats keep each note's class from the .odt. LibreOffice writes Word
# endnotes and footnotes (w:endnoteReference, w:footnoteReference), PDF endnotes after the
# body and footnotes at the foot of their page, HTML endnotes and footnotes (sdendnote1,
# sdfootnote1). LibreOffice and Word number endnotes i, ii, iii… and footnotes 1, 2, 3…,
# each class on its own.
KEEPS_CLASSES = frozenset({"odt", "lo.docx", "lo.pdf", "lo.html"})
# Everything made from the Markdown: Markdown has no endnote class, only footnotes ([^n]), so
# the brief's endnotes and footnotes are all footnotes there, numbered 1, 2, 3… in order of
# citation; pandoc keeps them footnotes in Word (w:footnoteReference), OpenDocument
# (text:note-class="footnote") and HTML (<section role="doc-endnotes"> holding Markdown's
# footnotes: footcheck names them footnotes, as the Markdown they came from).
ONE_CLASS = frozenset({"md", "pandoc.docx", "pandoc.html", "pandoc.odt", "pandoc.pdf"})
assert set(produce.FORMATS) == KEEPS_CLASSES | ONE_CLASS

# What each test compares (one test function each): notes and markers per series, the URLs
# of each note, the content findings, and every finding of severity warning or worse.
ASPECTS = ("notes", "markers", "urls", "content", "serious")

# --- what footcheck gets wrong today: (brief or "*", format, aspect or "*") -> reason ---------
#
# Every case not listed passes: all the briefs in odt, md, lo.docx, lo.pdf, lo.html (LibreOffice's
# <a class="sdendnoteanc" href="#sdendnote1sym"><sup>i</sup></a> and <div id="sdendnote1">,
# sdfootnote… for footnotes, is read, the series taken from the ids), pandoc.docx,
# pandoc.html, pandoc.odt and pandoc.pdf (LaTeX's footnotes at the page feet).
KNOWN: dict[tuple[str, str, str], str] = {}  # every case passes today
assert all(b in {x.name for x in BRIEFS} | {"*"} and f in produce.FORMATS
           and a in (*ASPECTS, "*") for b, f, a in KNOWN), "KNOWN names an unknown case"


# --- the truth ------------------------------------------------------------------------------


def expected_tokens(brief: Brief, fmt: str) -> list[tuple[Note, str, str]]:
    """Each note of the brief with the series and token it has in format ``fmt``."""
    out, counts = [], {ENDNOTES: 0, FOOTNOTES: 0}
    for note in brief.notes():
        if fmt in ONE_CLASS:
            counts[FOOTNOTES] += 1
            out.append((note, FOOTNOTES, str(counts[FOOTNOTES])))
        elif note.kind == ENDNOTE:
            counts[ENDNOTES] += 1
            out.append((note, ENDNOTES, roman(counts[ENDNOTES])))
        else:
            counts[FOOTNOTES] += 1
            out.append((note, FOOTNOTES, str(counts[FOOTNOTES])))
    return out


def urls_of(note: Note) -> list[str]:
    runs = [inlines for block in note.body
            for inlines in (block.items if isinstance(block, BulletList) else
                            (block.inlines,) if isinstance(block, Para) else ())]
    return [x.url for run in runs for x in run if isinstance(x, Link)]


def truth(brief: Brief, fmt: str, aspect: str) -> object:
    notes = expected_tokens(brief, fmt)
    if aspect in ("notes", "markers"):  # every note is cited once, where it stands
        series: dict[str, list[str]] = {}
        for _, name, token in notes:
            series.setdefault(name, []).append(token)
        return series
    if aspect == "urls":
        return {(name, token): urls_of(note) for note, name, token in notes}
    planted = sorted((code, name, token) for note, name, token in notes
                     for code in note.planted)
    if aspect == "content":
        return planted
    return [x for x in planted if BY_CODE[x[0]].severity >= Severity.WARNING]


# --- what footcheck says --------------------------------------------------------------------


@functools.cache
def report_of(path: str) -> Report:
    return audit(path)


def token_of(report: Report, finding: Finding) -> str | None:
    """The token of the note a finding belongs to (``#n`` when no note has its number, as
    for a missing note; ``None`` for a finding about no note)."""
    if finding.number is None:
        return None
    for note in report.notes:
        if (note.series, note.number) == (finding.series, finding.number):
            return note.token
    return f"#{finding.number}"


def actual(report: Report, aspect: str) -> object:
    if aspect in ("notes", "markers"):
        series: dict[str, list[str]] = {}
        for item in report.notes if aspect == "notes" else report.markers:
            series.setdefault(item.series, []).append(item.token)
        return series
    if aspect == "urls":
        return {(n.series, n.token): [u.url for u in n.urls] for n in report.notes}
    if aspect == "content":
        chosen = [f for f in report.findings if f.code.startswith(("FC2", "FC3"))]
    else:
        chosen = [f for f in report.findings if f.severity >= Severity.WARNING]
    return sorted(((f.code, f.series, token_of(report, f)) for f in chosen),
                  key=lambda x: tuple(str(v) for v in x))


# --- producing the corpus, once per session --------------------------------------------------


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[str, object]:
    """The folder holding every format of every brief, and the tools that were missing.

    LibreOffice and pandoc run side by side; a tool that is not installed is recorded (its
    tests then skip, or fail under CI) rather than stopping the other's formats.
    """
    folder = tmp_path_factory.mktemp("crossformat")
    produce.write_sources(BRIEFS, folder)
    names = [brief.name for brief in BRIEFS]
    tools = {tool: shutil.which(tool) for tool in ("soffice", "pandoc", *produce.LATEX)}
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = []
        if tools["soffice"]:
            jobs.append(pool.submit(produce.libreoffice, tools["soffice"], names, folder))
        if tools["pandoc"]:
            formats = [f for f in produce.PANDOC
                       if f != "pandoc.pdf" or all(tools[t] for t in produce.LATEX)]
            jobs.append(pool.submit(produce.pandoc, tools["pandoc"], names, folder, formats))
        for job in jobs:
            job.result()
    return {"folder": folder, "missing": {tool for tool, path in tools.items() if not path}}


def path_for(corpus: dict[str, object], brief: Brief, fmt: str) -> Path:
    tools = (["soffice"] if fmt in produce.LIBREOFFICE else
             ["pandoc", *produce.LATEX] if fmt == "pandoc.pdf" else
             ["pandoc"] if fmt in produce.PANDOC else [])
    for tool in tools:
        if tool in corpus["missing"]:
            need(tool)  # skips, or fails under CI
    return produce.path_of(corpus["folder"], brief.name, fmt)


def cases(aspect: str) -> list[object]:
    """Every brief in every format, marked xfail where ``KNOWN`` says footcheck is wrong."""
    out = []
    for brief in BRIEFS:
        for fmt in produce.FORMATS:
            reason = next((KNOWN[key] for key in ((brief.name, fmt, aspect), ("*", fmt, aspect),
                                                  (brief.name, fmt, "*"), ("*", fmt, "*"))
                           if key in KNOWN), None)
            # raises: only a wrong answer is expected, not a crash or a missing tool under CI
            marks = ([pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)]
                     if reason else [])
            out.append(pytest.param(brief, fmt, marks=marks, id=f"{brief.name}-{fmt}"))
    return out


def check(corpus, brief: Brief, fmt: str, aspect: str) -> None:
    report = report_of(str(path_for(corpus, brief, fmt)))
    assert actual(report, aspect) == truth(brief, fmt, aspect)


@pytest.mark.parametrize("brief, fmt", cases("notes"))
def test_notes_per_series(corpus, brief, fmt):
    """Exactly the brief's notes, per series, their tokens in order."""
    check(corpus, brief, fmt, "notes")


@pytest.mark.parametrize("brief, fmt", cases("markers"))
def test_markers_per_series(corpus, brief, fmt):
    """Exactly one marker per note, per series, in the order of the text."""
    check(corpus, brief, fmt, "markers")


@pytest.mark.parametrize("brief, fmt", cases("urls"))
def test_the_urls_of_each_note(corpus, brief, fmt):
    """Each note holds all of its URLs (in lists and second paragraphs too), whole."""
    check(corpus, brief, fmt, "urls")


@pytest.mark.parametrize("brief, fmt", cases("content"))
def test_content_findings_are_the_planted_ones(corpus, brief, fmt):
    """FC2xx/FC3xx: the planted defects, on their notes, and nothing on the clean notes."""
    check(corpus, brief, fmt, "content")


@pytest.mark.parametrize("brief, fmt", cases("serious"))
def test_no_other_warning_or_error(corpus, brief, fmt):
    """No finding of severity warning or worse besides the planted ones."""
    check(corpus, brief, fmt, "serious")


def test_the_corpus():
    """At least ten briefs, the defects planted once each, in notes of both classes."""
    assert len(BRIEFS) >= 10
    assert len({b.name for b in BRIEFS}) == len(BRIEFS)
    planted = sorted(code for b in BRIEFS for n in b.notes() for code in n.planted)
    assert planted == ["FC201", "FC202", "FC301"]
    kinds = {n.kind for b in BRIEFS for n in b.notes()}
    assert kinds == {"endnote", "footnote"}
    assert max(len(b.notes()) for b in BRIEFS) > 100
