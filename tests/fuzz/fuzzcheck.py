"""Audit one input the way the command line does, and check every output footcheck writes.

:func:`check` reads bytes as a file of the given name (the readers, then decoding and the
structure of Markdown and reST), extracts and audits them offline, sets aside suppressed
findings as the CLI does, renders every report format and every bibliography format, and
validates each output with a parser of its own kind:

* ``json`` parsed and validated against footcheck's published schema (``audit.schema.json``),
  ``jsonl`` one line per report by :meth:`str.splitlines` too, ``sarif`` against the SARIF
  2.1.0 schema, ``gitlab`` against the Code Quality fields, ``junit`` parsed as XML,
  ``github`` one workflow command per line;
* ``html`` parsed element by element: every tag closed in order, only the report's own
  elements, no event handler or script but the report's own, links http(s) or in-page only,
  no bidirectional control left raw;
* ``text`` and ``markdown`` with no control character but the line end, no bidirectional
  override (with colour: no escape sequence but the report's own);
* ``bibtex`` (both styles) parsed by bibtexparser with no failed block and one entry per work
  under its key, ``csl-json`` against the CSL-JSON schema with unique ids, ``ris`` read by
  rispy, one record per work, every line a tag.

The only exception allowed is footcheck's own :class:`~footcheck.errors.FootcheckError`, with
a one-line message (the CLI prints it and exits 3); a warning a library issues counts as a
problem too, since the CLI would print it next to its one error line.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import logging
import re
import time
import traceback
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

REPORTS = ("text", "markdown", "json", "jsonl", "html", "sarif", "github", "gitlab", "junit")
BIBLIOGRAPHIES = ("bibtex", "biblatex", "csl-json", "ris")
BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
BIDI_MARKS = BIDI | {"\u200e", "\u200f", "\u061c"}


@dataclass
class Problem:
    kind: str  # crash, invalid, warning, slow
    where: str  # read, audit, a format's name
    detail: str

    def __str__(self) -> str:
        return f"{self.kind} in {self.where}: {self.detail}"


@dataclass
class Outcome:
    problems: list[Problem]
    refused: str | None = None  # footcheck's one-line error, when it refused the input
    seconds: float = 0.0  # reading and auditing
    render_seconds: float = 0.0  # writing every output (not validating it)

    @property
    def footcheck_seconds(self) -> float:
        """The time footcheck took: reading, auditing and writing, not the validation."""
        return self.seconds + self.render_seconds
    notes: int = 0
    works: int = 0
    keys: list[str] | None = None  # of the works cited


class Failed(Exception):
    """An output failed its validation."""


# --- reading and auditing --------------------------------------------------------------------

def read_document(data: bytes, name: str):
    """What :func:`footcheck.document.read` makes of a file called ``name`` holding ``data``."""
    from footcheck.document import decode
    from footcheck.readers import convert, structure

    document = convert(data, name)
    if document is None:
        document = structure(decode(data, path=name))
    return document


def _crash(where: str, exc: BaseException) -> Problem:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    frames = [line for line in lines if line.startswith("  File ")][-3:]
    return Problem("crash", where, f"{type(exc).__name__}: {str(exc)[:300]}\n"
                   + "".join(frames).rstrip())


def check(data: bytes, name: str, *, reports: tuple[str, ...] = REPORTS,
          bibliographies: tuple[str, ...] = BIBLIOGRAPHIES, many: bool = False,
          links: Callable[[str], dict] | None = None) -> Outcome:
    """Audit ``data`` as a file named ``name`` and validate every output; see the module.

    ``links`` makes up what checking each cited URL found (the fields of a ``LinkResult``),
    as if the audit had gone online; ``many`` also writes two reports in one output."""
    problems: list[Problem] = []
    outcome = Outcome(problems)
    start = time.perf_counter()
    printed = io.StringIO()
    records = _Records()
    logging.getLogger().addHandler(records)
    try:
        with warnings.catch_warnings(record=True) as caught, \
                contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            warnings.simplefilter("always")
            _check(data, name, outcome, reports, bibliographies, many, links)
    finally:
        logging.getLogger().removeHandler(records)
    outcome.seconds = outcome.seconds or time.perf_counter() - start
    for warning in caught[:1]:
        problems.append(Problem("warning", "stderr", f"{warning.category.__name__}: "
                                f"{str(warning.message)[:200]}"))
    for record in records.records[:1]:
        problems.append(Problem("warning", "stderr", f"logged by {record.name}: "
                                f"{record.getMessage()[:200]}"))
    if printed.getvalue():
        problems.append(Problem("warning", "stderr", f"printed {printed.getvalue()[:200]!r}"))
    return outcome


class _Records(logging.Handler):
    """The log records a library emits at warning level or above: Python prints them on
    stderr when the application (footcheck's CLI) configures no logging."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _check(data: bytes, name: str, outcome: Outcome, reports: tuple[str, ...],
           bibliographies: tuple[str, ...], many: bool,
           links: Callable[[str], dict] | None) -> None:
    from footcheck.errors import FootcheckError

    problems = outcome.problems
    start = time.perf_counter()
    try:
        document = read_document(data, name)
    except FootcheckError as error:
        message = str(error)
        outcome.refused = message
        if not message or "\n" in message or "\r" in message:
            problems.append(Problem("invalid", "read", f"error not on one line: {message!r}"))
        return
    except RecursionError as exc:  # a deep traceback: name it without formatting it
        problems.append(Problem("crash", "read", f"RecursionError: {exc}"))
        return
    except Exception as exc:
        problems.append(_crash("read", exc))
        return
    try:
        report, _ = audit(document, data, links)
    except Exception as exc:
        problems.append(_crash("audit", exc))
        return
    outcome.seconds = time.perf_counter() - start
    outcome.notes = len(report.notes)
    for name_ in reports:
        _render_one(outcome, name_, report, many)
    for name_ in bibliographies:
        _bibliography(outcome, name_, report)


def check_cli(data: bytes, name: str, folder: str) -> list[Problem]:
    """The command line on ``data``: ``footcheck audit`` (offline, JSON, with ``--bib``) on
    the file written into ``folder`` and on standard input, and ``footcheck bib``; each
    must end with 0 or 1 and valid output, or 3 and one line on stderr."""
    import os

    from click.testing import CliRunner

    from footcheck.cli import cli

    path = os.path.join(folder, name)
    with open(path, "wb") as out:
        out.write(data)
    bib = os.path.join(folder, "refs.bib")
    runs = {
        "audit": (["audit", path, "--offline", "-f", "json", "--bib", bib, "--isolated"], None),
        "audit -": (["audit", "-", "--stdin-filename", name, "--offline", "-f", "jsonl",
                     "--isolated"], data),
        "bib": (["bib", path, "-f", "csl-json"], None),
    }
    problems = []
    for what, (args, stdin) in runs.items():
        result = CliRunner().invoke(cli, args, input=stdin)
        where = f"cli {what}"
        if result.exit_code == 3:
            lines = result.stderr.splitlines()
            if len(lines) != 1 or not lines[0].startswith("footcheck: error: "):
                problems.append(Problem("invalid", where, f"exit 3 with {result.stderr!r}"))
            continue
        if result.exit_code not in (0, 1) or (what == "bib" and result.exit_code != 0):
            detail = result.stderr.strip().splitlines()[-1:] or [repr(result.exception)]
            problems.append(Problem("crash", where, f"exit {result.exit_code}: {detail[0]}"))
            continue
        try:
            if what == "audit":
                validate_json(result.stdout, 1)
                with open(bib, encoding="utf-8") as written:
                    validate_bibtex(written.read(), None)
            elif what == "audit -":
                validate_jsonl(result.stdout, 1)
            else:
                _loads(result.stdout, "csl-json")
        except Failed as failure:
            problems.append(Problem("invalid", where, str(failure)[:300]))
    return problems


def audit(document, data: bytes | None = None, links: Callable[[str], dict] | None = None):
    """The report of ``document`` (read from ``data``) audited offline, or with the link
    verdicts ``links`` makes up, less the findings the CLI would set aside (suppression
    comments, kept as its ``suppressed``), and those findings."""
    from dataclasses import replace

    from footcheck import checks
    from footcheck.baseline import COMMENT, directives, suppress
    from footcheck.model import LinkResult, Report, Suppressed
    from footcheck.pipeline import audit_many, load

    extraction = load(document)
    if links is None:
        report = audit_many([extraction])[0]
    else:  # as pipeline.audit_many does with the verdicts of the URLs checked
        cited = dict.fromkeys(u.url for note in extraction.notes for u in note.urls
                              if not u.problem)
        results = {url: LinkResult(**links(url)) for url in cited}
        findings = checks.run(extraction, links=results)
        report = Report(document=extraction.document, notes=extraction.notes,
                        markers=extraction.markers, findings=tuple(findings),
                        links=tuple(results.values()))
    found = directives(report.document, data)
    kept, hidden = suppress(report, found)
    aside = tuple(Suppressed(f, COMMENT) for f in hidden) if found else None
    return replace(report, findings=tuple(kept), suppressed=aside), hidden


def _render_one(outcome: Outcome, name: str, report, many: bool) -> None:
    from footcheck.formats import render, render_many

    problems = outcome.problems
    started = time.perf_counter()
    try:
        if name == "jsonl":
            from footcheck.formats.json import line

            text = line(report)
        else:
            text = render(name, report)
        outcome.render_seconds += time.perf_counter() - started
    except Exception as exc:
        problems.append(_crash(name, exc))
        return
    try:
        VALIDATORS[name](text, 1)
        if name == "text":
            _colored(render("text", report, color=True))
    except Failed as failure:
        problems.append(Problem("invalid", name, str(failure)[:500]))
    except Exception as exc:
        problems.append(_crash(f"{name} (validation)", exc))
    if many and name not in ("html",):
        try:
            text = render_many(name, [report, _another(report)])
        except Exception as exc:
            problems.append(_crash(f"{name} (several)", exc))
            return
        try:
            VALIDATORS[name](text, 2)
        except Failed as failure:
            problems.append(Problem("invalid", f"{name} (several)", str(failure)[:500]))


def _another(report):
    """``report`` as if of another document, in another folder."""
    from dataclasses import replace

    path = "other/" + report.document.path.rsplit("/", 1)[-1]
    return replace(report, document=replace(report.document, path=path))


def _bibliography(outcome: Outcome, name: str, report) -> None:
    from footcheck.formats import render_bibliography
    from footcheck.works import group

    problems = outcome.problems
    started = time.perf_counter()
    try:
        if name in ("bibtex", "biblatex"):
            text = render_bibliography("bibtex", report.notes, style=name)
        else:
            text = render_bibliography(name, report.notes)
        outcome.render_seconds += time.perf_counter() - started
    except Exception as exc:
        problems.append(_crash(name, exc))
        return
    if outcome.keys is None:
        works = group(report.notes)
        outcome.works, outcome.keys = len(works), list(works.keys())
    try:
        BIB_VALIDATORS[name](text, outcome.keys)
    except Failed as failure:
        problems.append(Problem("invalid", name, str(failure)[:500]))
    except Exception as exc:
        problems.append(_crash(f"{name} (validation)", exc))


# --- validators of reports ---------------------------------------------------------------------

def _need(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


_SGR = re.compile(r"\x1b\[[0-9;]*m")


_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _terminal_safe(text: str, what: str) -> None:
    found = _UNSAFE.search(text)
    if found is not None:
        i, c = found.start(), found.group()
        kind = "bidirectional override" if c in BIDI else "control character"
        raise Failed(f"{what}: raw {kind} U+{ord(c):04X} at {i}: "
                     f"{text[max(0, i - 60):i + 20]!r}")


def validate_text(text: str, count: int) -> None:
    _need(isinstance(text, str), "not a str")
    _terminal_safe(text, "text")


def _colored(text: str) -> None:
    _terminal_safe(_SGR.sub("", text), "text with colour")


def validate_markdown(text: str, count: int) -> None:
    _need(isinstance(text, str), "not a str")
    _terminal_safe(text, "markdown")


@cache
def _validator(path: str, draft: str | None = None):
    import jsonschema
    import referencing

    if path == "audit":
        schema = json.loads(resources.files("footcheck.formats").joinpath(
            "audit.schema.json").read_text("utf-8"))
    else:
        schema = json.loads((DATA / path).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    if draft == "7":
        cls = jsonschema.Draft7Validator

    def refuse(uri: str):
        raise Failed(f"the schema tried to fetch {uri}")

    return cls(schema, registry=referencing.Registry(retrieve=refuse))


_SCHEMAS = [True]


@contextlib.contextmanager
def schemas_checked(on: bool):
    """Validate against the JSON schemas (the costliest check) only when ``on``."""
    saved = _SCHEMAS[0]
    _SCHEMAS[0] = on
    try:
        yield
    finally:
        _SCHEMAS[0] = saved


def _schema_errors(value: object, path: str, draft: str | None = None) -> None:
    if not _SCHEMAS[0]:
        return
    errors = sorted(_validator(path, draft).iter_errors(value), key=lambda e: list(e.path))
    if errors:
        raise Failed("; ".join(f"{list(e.path)}: {e.message[:200]}" for e in errors[:3]))


def _loads(text: str, what: str) -> object:
    try:
        return json.loads(text)
    except ValueError as error:
        raise Failed(f"{what} does not parse: {error}") from None


def validate_json(text: str, count: int) -> None:
    value = _loads(text, "json")
    items = value if count > 1 else [value]
    _need(isinstance(items, list) and len(items) == count, "json: wrong number of reports")
    for item in items:
        _schema_errors(item, "audit")


def validate_jsonl(text: str, count: int) -> None:
    _need(text.endswith("\n"), "jsonl: no final line end")
    lines = text.splitlines()
    _need(len(lines) == count, f"jsonl: {len(lines)} lines by str.splitlines, not {count}")
    _need(text.count("\n") == count, "jsonl: line ends inside a line")
    for line in lines:
        _schema_errors(_loads(line, "jsonl line"), "audit")


def validate_sarif(text: str, count: int) -> None:
    log = _loads(text, "sarif")
    _schema_errors(log, "sarif-2.1.0.json")
    _need(isinstance(log, dict) and len(log["runs"]) >= 1, "sarif: no run")


_COMMAND = re.compile(r"::(error|warning|notice) file=[^,:\r\n]*(?:,line=\d+,col=\d+)?"
                      r",title=FC\d+ [a-z0-9-]+::[^\r\n]*")


def validate_github(text: str, count: int) -> None:
    _need(text == "" or text.endswith("\n"), "github: no final line end")
    for line in text.split("\n")[:-1]:
        _need(_COMMAND.fullmatch(line) is not None, f"github: not one command: {line[:200]!r}")


def validate_gitlab(text: str, count: int) -> None:
    issues = _loads(text, "gitlab")
    _need(isinstance(issues, list), "gitlab: not a list")
    prints = set()
    for issue in issues:
        _need(isinstance(issue, dict) and isinstance(issue.get("description"), str)
              and isinstance(issue.get("check_name"), str)
              and issue.get("severity") in ("info", "minor", "major", "critical", "blocker")
              and isinstance(issue.get("location", {}).get("path"), str)
              and isinstance(issue["location"].get("lines", {}).get("begin"), int)
              and issue["location"]["lines"]["begin"] >= 1,
              f"gitlab: malformed issue {str(issue)[:200]}")
        prints.add(issue["fingerprint"])
    if count == 1:
        _need(len(prints) == len(issues), "gitlab: fingerprints repeat")


def validate_junit(text: str, count: int) -> None:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as error:
        raise Failed(f"junit does not parse: {error}") from None
    _need(root.tag == "testsuites" and len(root) == count, "junit: wrong suites")
    for suite in root:
        _need(int(suite.get("tests", -1)) == len(suite.findall("testcase")),
              "junit: tests count differs from its cases")


# HTML: the elements the report writes, the void ones, and its own scripts and styles.
_ELEMENTS = frozenset((
    "html", "head", "meta", "title", "style", "script", "body", "header", "main", "footer",
    "section", "nav", "div", "span", "p", "h1", "h2", "h3", "h4", "ul", "ol", "li", "dl", "dt",
    "dd", "table", "thead", "tbody", "tr", "th", "td", "a", "code", "mark", "blockquote", "em",
    "strong", "small", "details", "summary", "label", "input", "select", "option", "button",
    "abbr", "time", "br", "hr", "sup", "b", "i", "q", "cite", "var", "kbd", "pre", "article",
    "aside", "figure", "caption", "col", "colgroup", "output", "fieldset", "legend", "s", "del",
    "ins", "wbr", "data", "link"))
_VOID = frozenset(("meta", "br", "hr", "input", "col", "wbr", "link"))
# The report is written by one program, so it is read strictly: a tag is a name and
# double-quoted attributes; text holds no "<" and no "&" but an entity's.
_HTML_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*?)(/?)>|<!DOCTYPE html>|(<)"
                         r"|(&(?![a-zA-Z][a-zA-Z0-9]*;|#[0-9]+;|#x[0-9a-fA-F]+;))")
_ATTRIBUTES = re.compile(r'(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*\s*')
_ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?')
_RAW_TEXT = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)
_BIDI_MARK = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


@cache
def _assets() -> tuple[str, ...]:
    folder = resources.files("footcheck.formats")
    return tuple(folder.joinpath(name).read_text("utf-8") for name in
                 ("report.js", "report.css"))


def validate_html(text: str, count: int) -> None:
    for asset in _assets():  # the report's own style and script
        text = text.replace(f">{asset}</", "></", 1)
    for raw in _RAW_TEXT.finditer(text):
        _need(not raw.group(2).strip(),
              f"html: a <{raw.group(1)}> not the report's own: {raw.group(2)[:80]!r}")
    bidi = _BIDI_MARK.search(text)
    _need(bidi is None, f"html: raw bidirectional control near "
                        f"{text[max(0, bidi.start() - 60):bidi.end() + 20]!r}" if bidi else "")
    stack: list[str] = []
    for token in _HTML_TOKEN.finditer(text):
        closing, tag, attributes, _, stray, ampersand = token.groups()
        where = text[max(0, token.start() - 60):token.end() + 20]
        _need(stray is None, f"html: a stray '<' near {where!r}")
        _need(ampersand is None, f"html: an unescaped '&' near {where!r}")
        if tag is None:
            continue
        _need(tag in _ELEMENTS, f"html: unexpected element <{tag}> near {where!r}")
        if closing:
            _need(not attributes.strip(), f"html: attributes on </{tag}>")
            if tag not in _VOID:
                _need(bool(stack) and stack[-1] == tag,
                      f"html: </{tag}> closes <{stack[-1] if stack else '-'}> near {where!r}")
                stack.pop()
            continue
        _need(_ATTRIBUTES.fullmatch(attributes) is not None,
              f"html: malformed attributes {attributes[:100]!r}")
        for name, value in _ATTRIBUTE.findall(attributes):
            _need(not name.lower().startswith("on"), f"html: event handler {name} on <{tag}>")
            if name in ("href", "src", "action", "formaction"):
                target = html.unescape(value)
                scheme = target.split(":", 1)[0].lower() if ":" in target else ""
                _need(target.startswith("#") or scheme in ("http", "https"),
                      f"html: {name}={target[:80]!r} on <{tag}>")
        if tag not in _VOID:
            stack.append(tag)
    _need(stack == [], f"html: unclosed {stack[-5:]}")


VALIDATORS = {
    "text": validate_text, "markdown": validate_markdown, "json": validate_json,
    "jsonl": validate_jsonl, "html": validate_html, "sarif": validate_sarif,
    "github": validate_github, "gitlab": validate_gitlab, "junit": validate_junit,
}


# --- validators of bibliographies --------------------------------------------------------------

def validate_bibtex(text: str, keys: list[str] | None) -> None:
    import bibtexparser

    library = bibtexparser.parse_string(text)
    _need(not library.failed_blocks,
          f"bibtex: failed block {str(library.failed_blocks[0].raw)[:300]!r}"
          if library.failed_blocks else "")
    found = [entry.key for entry in library.entries]
    _need(keys is None or found == keys,
          f"bibtex: keys {found[:5]} are not the works' {(keys or [])[:5]}")
    _need(len(set(found)) == len(found), "bibtex: repeated keys")
    _need(not library.duplicate_field_blocks if hasattr(library, "duplicate_field_blocks")
          else True, "bibtex: duplicate fields")


def validate_csl(text: str, keys: list[str]) -> None:
    items = _loads(text, "csl-json")
    _schema_errors(items, "csl-data.json", draft="7")
    ids = [item["id"] for item in items]  # type: ignore[union-attr]
    _need(ids == keys, f"csl-json: ids {ids[:5]} are not the works' keys {keys[:5]}")
    _need(len(set(ids)) == len(ids), "csl-json: repeated ids")


_RIS_LINE = re.compile(r"[A-Z][A-Z0-9]  - .*|ER  -\s*|")


def validate_ris(text: str, keys: list[str]) -> None:
    import rispy

    for line in text.split("\n"):
        line = line.rstrip("\r")
        _need(_RIS_LINE.fullmatch(line) is not None, f"ris: not a tagged line: {line[:200]!r}")
    _need(len(text.splitlines()) == len(text.rstrip("\n").split("\n")) or not text,
          "ris: a value holds a line break str.splitlines sees")
    records = rispy.loads(text)
    _need(len(records) == len(keys), f"ris: {len(records)} records for {len(keys)} works")
    ids = [r.get("id") for r in records]
    _need(ids == keys, f"ris: ids {ids[:5]} are not the works' keys {keys[:5]}")


BIB_VALIDATORS = {"bibtex": validate_bibtex, "biblatex": validate_bibtex,
                  "csl-json": validate_csl, "ris": validate_ris}
