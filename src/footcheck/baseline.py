"""Findings set aside: those a baseline file records, and those a comment in the document
suppresses.

**Baseline.** ``--write-baseline FILE`` records the findings of a run; ``--baseline FILE``
then reports only the findings that are not in it. A finding is matched by its document, its
rule and its *context*, never by its line: the context is the text of the note it lies in
(whitespace folded), or the text of its line when it lies in no note (a marker in the body).
So renumbering the notes, or adding a paragraph above, resurrects nothing, while a new
problem in an old note, or the same problem in a new note, is reported. When a note has two
findings of one rule and the baseline one, one of the two is reported. Documents are named by
their path relative to the baseline file's folder, so the file can be committed and used from
any working directory. The file is JSON (``footcheck-baseline/1``), sorted, and written
atomically.

**In-document suppression.** In Markdown, HTML, plain text and reStructuredText:

.. code-block:: markdown

    <!-- footcheck: ignore FC203 -->
    [^3]: Smith, *A report*, 2023.

    A claim.<!-- footcheck: ignore missing-note -->^{LV}

A comment on a line of its own suppresses the findings of the next line that is not blank; a
comment after text, those of its own line; either way, when that line is part of a note, the
findings of the whole note. ``ignore`` is followed by codes, code prefixes or kinds, separated
by commas or spaces; alone, it suppresses every rule. In reStructuredText the comment is
``.. footcheck: ignore FC203``. In an HTML file, where the text footcheck reads has lost the
comments, the comment applies to the paragraph holding the first text that follows it.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import InputError
from .model import Document, Finding, Report, Suppressed

__all__ = ["SCHEMA", "Baseline", "Directive", "Suppressed", "context", "directives", "render",
           "suppress"]

SCHEMA = "footcheck-baseline/1"

COMMENT = "comment"
BASELINE = "baseline"


# --- the baseline -----------------------------------------------------------------------------

def context(report: Report, finding: Finding) -> str:
    """What a finding is matched by besides its rule: the text of the note holding its line
    (the note it names first, when several notes share the line), else the text of the
    line; whitespace folded."""
    holding = [n for n in report.notes if n.line <= finding.line <= n.end_line]
    named = [n for n in holding if (n.series, n.number) == (finding.series, finding.number)]
    note = (named or holding or [None])[0]
    if note is not None:
        text = note.text
    elif 1 <= finding.line <= len(report.document.line_starts):
        text = report.document.line(finding.line)
    else:
        text = ""
    return " ".join(text.split())


def _document_key(path: str, folder: str) -> str:
    """A document's path relative to ``folder``, with ``/`` between folders (``-`` for
    standard input without a name)."""
    if path == "-":
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
    except ValueError:  # another drive (Windows)
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def _key(document: str, finding: Finding, text: str) -> tuple[str, str, str]:
    return document, finding.code, text


def render(reports: Iterable[Report], path: str) -> str:
    """The baseline file, to be written at ``path``, recording every finding of ``reports``
    (sorted, so that its diff shows what changed)."""
    from . import __version__

    folder = os.path.dirname(os.path.abspath(path))
    entries = []
    for report in reports:
        document = _document_key(report.document.path, folder)
        for finding in report.findings:
            entries.append({"document": document, "code": finding.code, "kind": finding.kind,
                            "context": context(report, finding),
                            "message": finding.message})
    entries.sort(key=lambda e: (e["document"], e["code"], e["context"], e["message"]))
    data = {"schema": SCHEMA, "footcheck": __version__, "findings": entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class Baseline:
    """The findings a baseline file records, as (document, rule, context) counts."""

    def __init__(self, counts: Counter[tuple[str, str, str]], folder: str) -> None:
        self.counts = counts
        self.folder = folder

    @classmethod
    def load(cls, path: str) -> Baseline:
        """Read the baseline at ``path``; :class:`InputError` (one line) when it cannot be
        read or is not a footcheck baseline."""
        shown = path if path.isprintable() else ascii(path)
        try:
            with open(path, "rb") as stream:
                raw = stream.read()
        except FileNotFoundError:
            raise InputError(f"{shown}: no such baseline (write one with --write-baseline "
                             f"{shown})") from None
        except OSError as exc:
            raise InputError(f"{shown}: cannot read the baseline "
                             f"({(exc.strerror or type(exc).__name__).lower()})") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise InputError(f"{shown}: not a footcheck baseline (not JSON)") from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise InputError(f"{shown}: not a footcheck baseline (no \"schema\": "
                             f"\"{SCHEMA}\")")
        counts: Counter[tuple[str, str, str]] = Counter()
        entries = data.get("findings")
        if not isinstance(entries, list):
            raise InputError(f"{shown}: not a footcheck baseline (no list of findings)")
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not all(
                    isinstance(entry.get(k), str) for k in ("document", "code", "context")):
                raise InputError(f"{shown}: finding {i + 1} lacks a document, code or "
                                 "context")
            counts[entry["document"], entry["code"], entry["context"]] += 1
        return cls(counts, os.path.dirname(os.path.abspath(path)))

    def split(self, report: Report) -> tuple[list[Finding], list[Finding]]:
        """The findings of ``report`` that are new, and those the baseline records (as many
        of each (rule, context) as it records, in document order)."""
        left = self.counts.copy()
        document = _document_key(report.document.path, self.folder)
        new, known = [], []
        for finding in report.findings:
            key = _key(document, finding, context(report, finding))
            if left[key] > 0:
                left[key] -= 1
                known.append(finding)
            else:
                new.append(finding)
        return new, known


# --- comments in the document -----------------------------------------------------------------

#: ``<!-- footcheck: ignore FC203, placeholder -->`` (the codes are optional).
_HTML_COMMENT = re.compile(r"<!--\s*footcheck\s*:\s*ignore\b(?P<codes>[^>]*?)\s*-->", re.I)
#: ``.. footcheck: ignore FC203`` (a reStructuredText comment).
_RST_COMMENT = re.compile(r"^[ \t]*\.\.[ \t]+footcheck\s*:\s*ignore\b(?P<codes>[^\n]*)$",
                          re.I | re.M)
_CODES = re.compile(r"[\s,]+")
_BODY = re.compile(r"\s*footcheck\s*:\s*ignore\b(?P<codes>.*)", re.I | re.S)


@dataclass(frozen=True)
class Directive:
    """A suppression comment: the lines (1-based, inclusive) whose findings it suppresses
    and the rules (empty: every rule); ``line`` is the comment's own line (0 when unknown,
    in HTML)."""

    first: int
    last: int
    codes: tuple[str, ...]
    line: int = 0


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c for c in _CODES.split(text.strip()) if c)


def directives(document: Document, source: bytes | None = None) -> list[Directive]:
    """The suppression comments of ``document``: in its text for text, Markdown and
    reStructuredText; in ``source`` (the file's bytes) for HTML; none for other formats.
    Each directive covers its target line; :func:`suppress` widens it to the note there."""
    if document.format == "html":
        found = _html_lines(document, source) if source is not None else []
    elif document.format in ("text", "markdown", "rst"):
        found = _text_lines(document)
    else:
        found = []
    return [Directive(target, target, codes, line) for target, codes, line in found]


def _text_lines(document: Document) -> list[tuple[int, tuple[str, ...], int]]:
    """(target line, codes, comment line) of each comment in a text document's text."""
    text = document.text
    if "footcheck" not in text:
        return []
    out = []
    matches = list(_HTML_COMMENT.finditer(text))
    if document.format == "rst":
        matches += list(_RST_COMMENT.finditer(text))
    for match in matches:
        line, _ = document.position(match.start())
        end_line, _ = document.position(match.end())
        own = document.line(line)[: match.start() - document.line_starts[line - 1]]
        line_end = text.find("\n", match.end())
        rest = text[match.end(): line_end if line_end != -1 else len(text)]
        alone = not own.strip() and not _HTML_COMMENT.sub("", rest).strip()
        target = line
        if alone:
            target = end_line + 1
            while target <= document.line_count and not document.line(target).strip():
                target += 1
            if target > document.line_count:
                continue
        out.append((target, _codes(match.group("codes")), line))
    return out


_SENTINEL = "FCSUPPRESS{}QZ"
_SENTINEL_FIND = re.compile(r"FCSUPPRESS(\d+)QZ")


def _html_lines(document: Document, source: bytes) -> list[tuple[int, tuple[str, ...], int]]:
    """(target line, codes, 0) of each comment in an HTML file: the comments are gone from
    the text the reader makes, so a marker is put at the start of the first text after each
    one, the file read again, and the line the marker lands on is the comment's target."""
    if b"footcheck" not in source:
        return []
    from bs4 import BeautifulSoup, Comment, NavigableString

    from .readers import convert

    soup = BeautifulSoup(source, "html.parser")
    wanted: list[tuple[str, ...]] = []
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        match = _BODY.fullmatch(str(comment))
        if match is None:
            continue
        following = next((s for s in comment.find_all_next(string=True)
                          if not isinstance(s, Comment) and type(s) is NavigableString
                          and s.strip()), None)
        if following is None:
            continue
        marker = _SENTINEL.format(len(wanted))
        following.replace_with(NavigableString(marker + " " + str(following)))
        wanted.append(_codes(match.group("codes")))
    if not wanted:
        return []
    try:
        marked = convert(str(soup).encode("utf-8"), document.path)
    except Exception:  # the file was read once: a failure here is no reason to stop the audit
        return []
    if marked is None or marked.line_count != document.line_count:
        return []  # the marks moved the paragraphs: no line can be trusted
    out = []
    for match in _SENTINEL_FIND.finditer(marked.text):
        index = int(match.group(1))
        if index < len(wanted):
            out.append((marked.position(match.start())[0], wanted[index], 0))
    return out


def suppress(report: Report, found: Iterable[Directive]) -> tuple[list[Finding],
                                                                   list[Finding]]:
    """The findings of ``report`` that no directive suppresses, and those it does."""
    from .checks.rules import BY_CODE, selected

    notes = [(n.line, n.end_line) for n in report.notes]
    scopes = []
    for d in found:
        first, last = d.first, d.last
        for start, end in notes:
            if start <= first <= end or start <= last <= end:
                first, last = min(first, start), max(last, end)
        scopes.append((first, last, d.codes))
    kept, suppressed = [], []
    for finding in report.findings:
        rule = BY_CODE.get(finding.code)
        if any(first <= finding.line <= last
               and (not codes or (rule is not None and selected(rule, codes)))
               for first, last, codes in scopes):
            suppressed.append(finding)
        else:
            kept.append(finding)
    return kept, suppressed


def unknown_codes(found: Iterable[Directive]) -> list[tuple[int, str]]:
    """(comment line, code) of each code in a directive that matches no rule."""
    from .checks.rules import RULES

    out = []
    for d in found:
        for code in d.codes:
            if not any(r.code.startswith(code.upper()) or r.kind == code.lower()
                       for r in RULES):
                out.append((d.line, code))
    return out
