"""A self-contained HTML report an editor can keep open beside the brief.

One file, no external resources: inline CSS, and a few lines of inline script that add the
filters (severity, kind, search). Without script the page is complete and readable, with
everything shown; printed, it drops the controls and keeps notes whole.

Layout: a summary (findings by severity and by kind, notes and markers per series, works
cited, links by verdict), the findings in the body text (markers without notes first), each
shown in the sentence it sits in, then every note in document order with its text, the
fields parsed from it, its links with their verdicts and, beside it, its findings.

Safety: every piece of text taken from the document or a web page goes through
:func:`html.escape`; a URL becomes a link only when its scheme is http or https, with
``rel="noopener noreferrer"``; and a Content-Security-Policy allows no script but the
report's own (by hash), so even a mistake in escaping could not run a brief's ``<script>``.
Bidirectional controls (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C) never reach the
page: each is shown as a visible ``⟨U+202E⟩``, so a brief cannot make a reversed address
read as another one.
"""

from __future__ import annotations

import base64
import bisect
import functools
import hashlib
import html
import re
from collections import Counter
from collections.abc import Callable
from importlib import resources
from urllib.parse import urlsplit

from ..model import Finding, LinkResult, Marker, Note, Reference, Report
from ..readers import locator
from . import BIDI_OVERRIDES, cited_by, describe_document, note_name
from .view import (
    NO_PROBLEMS,
    SEVERITIES,
    TITLES,
    ReportView,
    link_status,
    per_series,
    verdict_overview,
)

_TEXT_KINDS = ("missing-note",)  # shown first, as "Markers without notes"
_SENTENCE_ENDS = ".?!"
_SENTENCE_BREAK = re.compile(
    r"[.?!][\"'”’)]*(?:\^\{[^{}\s]*\}|\^\w+|[⁰¹²³⁴⁵⁶⁷⁸⁹ⁱᵛˣˡᶜᵈᵐ]+|\[\^?\d+\])?\s+")
_CONTEXT = 240  # characters of a sentence shown on each side of a marker, at most
_FIELDS = (("authors", "Authors"), ("year", "Year"), ("title", "Title"),
           ("container", "In"), ("publisher", "Publisher"), ("place", "Place"), ("date", "Date"),
           ("volume", "Volume"), ("issue", "Issue"), ("pages", "Pages"), ("doi", "DOI"),
           ("urls", "URLs"), ("accessed", "Accessed"), ("genre", "Kind"), ("note", "Note"))


#: Bidirectional controls that can visually reorder text: the overrides every report shows,
#: and the marks LRM, RLM, ALM.
BIDI_CONTROLS = frozenset((*BIDI_OVERRIDES, 0x200E, 0x200F, 0x061C))
_BIDI_TEXT = {c: f"⟨U+{c:04X}⟩" for c in BIDI_CONTROLS}
_BIDI_HTML = {c: f'<span class="bidi">{shown}</span>' for c, shown in _BIDI_TEXT.items()}


def escape(text: str) -> str:
    """``text`` escaped for the content of an element, bidi controls made visible."""
    return html.escape(text).translate(_BIDI_HTML)


def _attr(text: str) -> str:
    """``text`` escaped for an attribute value or ``<title>`` (no markup in it)."""
    return html.escape(text, quote=True).translate(_BIDI_TEXT)


def render(report: Report, *, color: bool = False) -> str:
    """Render ``report`` as one self-contained HTML page (``color`` is ignored)."""
    from .. import __version__

    doc = report.document
    where = locator(doc)
    view = ReportView.of(report)
    attached, loose = _attach(report)
    script, css = _asset("report.js"), _asset("report.css")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    style_digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    csp = (f"default-src 'none'; script-src 'sha256-{digest}'; "
           f"style-src 'sha256-{style_digest}'; img-src data:; base-uri 'none'; "
           "form-action 'none'")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>footcheck: {_attr(doc.path)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        '<header class="top">',
        f'<p class="tool">footcheck {escape(__version__)} · audit report</p>',
        f"<h1>{escape(doc.path)}</h1>",
        f'<p class="meta">{escape(describe_document(report.document))}</p>',
        "</header>",
        '<main id="report">',
        *_summary(view, loose),
        '<div id="controls" class="controls" hidden></div>',
        *_text_findings(report, loose, where, view.styles),
        *_notes(view, attached, where),
        *_text_links(view),
        "</main>",
        f"<script>{script}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


# --- summary ----------------------------------------------------------------------------------


def _summary(view: ReportView, loose: list[Finding]) -> list[str]:
    report = view.report
    out = ['<section class="summary" aria-label="Summary">', '<div class="cards">']
    out += [f'<div class="card sev-{severity}"><span class="num">{n}</span>'
            f'<span class="lbl">{TITLES[severity]}</span></div>' for severity, n in view.counts]
    out.append("</div>")
    out.append('<dl class="facts">')
    out.append(f"<dt>Notes</dt><dd>{escape(per_series(view.notes))}</dd>")
    out.append(f"<dt>Markers</dt><dd>{escape(per_series(view.markers))}</dd>")
    if any(note.references for note in report.notes):
        from ..works import group

        out.append(f"<dt>Works cited</dt><dd>{len(group(report.notes))}</dd>")
    if report.links:
        out.append(f"<dt>Links checked</dt><dd>{escape(verdict_overview(view.links))}</dd>")
    out.append("</dl>")
    if report.findings:
        out.append('<div class="kinds"><h2 class="sr">Findings by kind</h2>')
        kinds = Counter((f.severity, f.code, f.kind) for f in report.findings)
        for severity in SEVERITIES:
            chips = [(code, kind, n) for (sev, code, kind), n in sorted(kinds.items())
                     if sev == severity]
            if not chips:
                continue
            out.append(f'<p class="row"><span class="badge sev-{severity}">{severity}</span>')
            out += [f'<button type="button" class="chip" data-kind="{_attr(kind)}" disabled>'
                    f'<span class="code">{escape(code)}</span> {escape(kind)} '
                    f'<span class="n">{n}</span></button>' for code, kind, n in chips]
            out.append("</p>")
        out.append("</div>")
    else:
        out.append(f'<p class="clean">{NO_PROBLEMS}</p>')
    out.append(_contents(view, loose))
    out.append("</section>")
    return out


def _contents(view: ReportView, loose: list[Finding]) -> str:
    """Links to the report's sections (``loose``: the findings about the body text)."""
    parts = []
    loose_kinds = {f.kind for f in loose}
    if "missing-note" in loose_kinds:
        parts.append('<a href="#missing">Markers without notes</a>')
    if loose_kinds - {"missing-note"}:
        parts.append('<a href="#in-text">Findings in the text</a>')
    for series in view.notes:
        parts.append(f'<a href="#{_attr(series)}">{escape(series.title())}</a>')
    return f'<nav class="toc">Jump to: {" · ".join(parts)}</nav>' if parts else ""


# --- findings in the text ---------------------------------------------------------------------


def _attach(report: Report) -> tuple[dict[int, list[Finding]], list[Finding]]:
    """Findings by the index of the note they are about, and those about the body text.

    A finding belongs to a note when it lies within the note's lines, preferring the note
    of its series and number when two notes share those lines.
    """
    by_line: dict[int, list[int]] = {}
    for i, note in enumerate(report.notes):
        for line in range(note.line, note.end_line + 1):
            by_line.setdefault(line, []).append(i)
    attached: dict[int, list[Finding]] = {}
    loose: list[Finding] = []
    for finding in sorted(report.findings, key=lambda f: (f.line, f.column, f.code)):
        candidates = by_line.get(finding.line, [])
        if not candidates:
            loose.append(finding)
            continue
        best = next((i for i in candidates
                     if (report.notes[i].series, report.notes[i].number)
                     == (finding.series, finding.number)), candidates[0])
        attached.setdefault(best, []).append(finding)
    return attached, loose


def _text_findings(report: Report, loose: list[Finding], where: Callable[[int], str],
                   styles: dict[str, str]) -> list[str]:
    if not loose:
        return []
    markers = {(m.line, m.column): m for m in report.markers}
    lines = _Lines(report)
    out = []
    missing = [f for f in loose if f.kind in _TEXT_KINDS]
    other = [f for f in loose if f.kind not in _TEXT_KINDS]
    for title, ident, findings in (("Markers without notes", "missing", missing),
                                   ("Findings in the text", "in-text", other)):
        if not findings:
            continue
        out.append(f'<section class="block" id="{ident}"><h2>{title} '
                   f'<span class="count">{len(findings)}</span></h2><ol class="items">')
        for finding in findings:
            marker = markers.get((finding.line, finding.column))
            out.append(f'<li class="item" {_data(finding)}>'
                       f'<p class="where">{escape(where(finding.line))}</p>'
                       f"<blockquote>{_sentence(lines, finding, marker)}</blockquote>"
                       f'<ul class="findings">{_finding(finding, styles)}</ul></li>')
        out.append("</ol></section>")
    return out


class _Lines:
    """The document's lines and where their sentences break, each worked out once, so that
    thousands of markers on one line cost time in proportion to the line, not its square."""

    def __init__(self, report: Report) -> None:
        self.doc = report.document
        self._lines: dict[int, tuple[str, list[int], list[int]]] = {}

    def get(self, number: int) -> tuple[str, list[int], list[int]]:
        """Line ``number``, and the starts and ends of its sentence breaks."""
        if number not in self._lines:
            line = self.doc.line(number)
            found = [(m.start(), m.end()) for m in _SENTENCE_BREAK.finditer(line)]
            self._lines[number] = (line, [a for a, _ in found], [b for _, b in found])
        return self._lines[number]


def _sentence(lines: _Lines, finding: Finding, marker: Marker | None) -> str:
    """The sentence a finding's position sits in, escaped, with the marker highlighted.

    A marker right after a full stop closes the sentence before it; one inside a sentence
    is shown with the rest of that sentence. At most ``_CONTEXT`` characters either side.
    """
    if not 0 < finding.line <= lines.doc.line_count:
        return ""
    line, starts, ends = lines.get(finding.line)
    at = min(max(finding.column - 1, 0), len(line))
    stop = at + (len(marker.label) if marker is not None else 0)
    start = max(_sentence_start(line, starts, ends, at - 1), at - _CONTEXT)
    end = stop
    if not (at and line[at - 1] in _SENTENCE_ENDS + "”\"')"):
        end = _sentence_end(line, starts, ends, stop)
    end = min(end, stop + _CONTEXT)
    mark = line[at:stop]
    marked = f"<mark>{escape(mark)}</mark>" if mark else '<span class="here"></span>'
    return ("…" if start > 0 else "") + escape(line[start:at]) + marked + \
        escape(line[stop:end]) + ("…" if end < len(line) else "")


def _sentence_start(line: str, starts: list[int], ends: list[int], before: int) -> int:
    """Where the sentence holding ``line[before]`` starts (after a full stop and any marker
    or closing quote that follows it): the end of the last sentence break in
    ``line[:before]``. ``starts`` and ``ends`` are those of the breaks in the whole line."""
    before = max(before, 0)
    i = bisect.bisect_right(ends, before)
    start = ends[i - 1] if i else 0
    if i < len(starts) and starts[i] < before:  # a break cut short at ``before``
        for found in _SENTENCE_BREAK.finditer(line, starts[i], before):
            start = found.end()
    return start


def _sentence_end(line: str, starts: list[int], ends: list[int], after: int) -> int:
    """Just past the end of the sentence going on at ``line[after]`` (and its marker)."""
    i = bisect.bisect_left(starts, after)
    found_end = ends[i] if i < len(starts) else None
    if i and ends[i - 1] > after:  # ``after`` is inside a break: one may start within it
        for position in range(after, ends[i - 1]):
            match = _SENTENCE_BREAK.match(line, position)
            if match is not None:
                found_end = match.end()
                break
    if found_end is None:
        return len(line)
    while found_end and line[found_end - 1].isspace():
        found_end -= 1
    return found_end


# --- notes ------------------------------------------------------------------------------------


def _notes(view: ReportView, attached: dict[int, list[Finding]], where: Callable[[int], str]
           ) -> list[str]:
    report, styles = view.report, view.styles
    if not report.notes:
        return []
    links = {link.url: link for link in report.links}
    out = []
    for series in view.notes:
        members = [(i, n) for i, n in enumerate(report.notes) if n.series == series]
        out.append(f'<section class="block" id="{_attr(series)}"><h2>{escape(series.title())}'
                   f' <span class="count">{len(members)}</span></h2>')
        for i, note in members:
            findings = attached.get(i, [])
            worst = f" has-findings sev-{max(f.severity for f in findings)}" if findings else ""
            out.append(f'<article class="note{worst}" id="note-{i + 1}" {_data(*findings)}>')
            out.append('<div class="body">')
            name = note_name(note.series, note.number, styles)
            out.append(f'<h3><span class="label">{escape(note.label)}</span> '
                       f'<span class="name">{escape(name)}</span> '
                       f'<span class="where">{escape(where(note.line))}</span></h3>')
            out.append(f'<p class="text">{_note_text(report, note)}</p>')
            out += _references(note.references)
            out += _note_links(note, links, view)
            out.append("</div>")
            if findings:
                out.append('<ul class="findings">')
                out += [_finding(f, styles) for f in findings]
                out.append("</ul>")
            out.append("</article>")
        out.append("</section>")
    return out


def _note_text(report: Report, note: Note) -> str:
    """The note's text, escaped, with its well-formed http(s) URLs made into links."""
    text = report.document.text
    pieces = []
    for start, end in note.spans:
        urls = sorted((u for u in note.urls if start <= u.start < end), key=lambda u: u.start)
        position = start
        for url in urls:
            href = safe_href(url.url) if url.problem is None else None
            if href is None or url.start < position:
                continue
            shown = text[url.start:url.end]
            opened, closed = shown.startswith("<"), shown.endswith(">") and len(shown) > 1
            inner = shown[opened:len(shown) - closed]
            pieces.append(escape(text[position:url.start]) + ("&lt;" if opened else ""))
            pieces.append(_anchor(href, inner) + ("&gt;" if closed else ""))
            position = url.end
        pieces.append(escape(text[position:end]))
        pieces.append(" ")
    return "".join(pieces).strip() or escape(note.text)


def safe_href(url: str) -> str | None:
    """``url`` escaped for an ``href`` when it is a plain http(s) address, else ``None``.

    Anything else — ``javascript:``, ``data:``, a relative path, an address with spaces or
    control characters — is never made clickable.
    """
    if any(c.isspace() or not c.isprintable() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return _attr(url)


def _anchor(href: str, shown: str) -> str:
    return (f'<a href="{href}" rel="noopener noreferrer" target="_blank">'
            f"{escape(shown)}</a>")


def _references(references: tuple[Reference, ...]) -> list[str]:
    out = []
    for reference in references:
        rows = []
        for field, title in _FIELDS:
            value = getattr(reference, field, None)
            if not value:
                continue
            if isinstance(value, tuple):
                value = "; ".join(str(v) for v in value)
            rows.append(f"<dt>{title}</dt><dd>{escape(str(value))}</dd>")
        if rows:
            kind = escape(reference.type or "source")
            out.append(f'<details class="ref"><summary>Parsed: {kind}'
                       f"{_short(reference)}</summary><dl>{''.join(rows)}</dl></details>")
    return out


def _short(reference: Reference) -> str:
    bits = [reference.authors[0] if reference.authors else None,
            str(reference.year) if reference.year else None]
    shown = ", ".join(b for b in bits if b)
    return f" — {escape(shown)}" if shown else ""


def _note_links(note: Note, links: dict[str, LinkResult], view: ReportView) -> list[str]:
    """The verdicts of the URLs ``note`` cites, each with where else it is cited."""
    results = [links[url] for url in dict.fromkeys(u.url for u in note.urls) if url in links]

    def elsewhere(link: LinkResult) -> str:
        others = cited_by([n for n in view.citing.get(link.url, []) if n is not note],
                          view.styles, view.linked.get(link.url, ()))
        return f"also in {others}" if others else ""

    return _link_list(results, elsewhere)


def _text_links(view: ReportView) -> list[str]:
    """The verdicts of the URLs the text links to outside the notes, each with where."""
    links = {link.url: link for link in view.report.links}
    results = [links[url] for url in view.linked if url in links]
    if not results:
        return []
    return ['<section class="block" id="text-links"><h2>Links in the text '
            f'<span class="count">{len(results)}</span></h2>',
            *_link_list(results, lambda link: view.cited_by(link.url)), "</section>"]


def _link_list(results: list[LinkResult], places: Callable[[LinkResult], str]) -> list[str]:
    """A list of link verdicts, each with its status, title and detail, where ``places``
    says it is cited, and its archived copy."""
    if not results:
        return []
    out = ['<ul class="links">']
    for link in results:
        href = safe_href(link.url)
        shown = _anchor(href, link.url) if href else escape(link.url)
        details = link_status(link, escape)
        if link.title:
            details.append(f"“{escape(link.title)}”")
        if link.detail:
            details.append(escape(link.detail))
        if link.from_cache:
            details.append("cached")
        cited = places(link)
        if cited:
            details.append(escape(cited))
        archive = safe_href(link.archive_url or "")
        if archive:
            details.append(_anchor(archive, "archived copy"))
        out.append(f'<li><span class="verdict v-{escape(link.verdict)}">'
                   f"{escape(link.verdict)}</span> {shown} "
                   f'<span class="detail">{" · ".join(details)}</span></li>')
    out.append("</ul>")
    return out


def _finding(finding: Finding, styles: dict[str, str]) -> str:
    name = note_name(finding.series, finding.number, styles)
    fix = (f'<p class="fix">→ {escape(finding.suggestion)}</p>'
           if finding.suggestion else "")
    about = f' <span class="about">{escape(name)}</span>' if name else ""
    return (f'<li class="finding sev-{finding.severity}" {_data(finding)}>'
            f'<p><span class="badge sev-{finding.severity}">{finding.severity}</span> '
            f'<span class="code">{escape(finding.code)}</span> '
            f'<span class="kind">{escape(finding.kind)}</span>{about}</p>'
            f'<p class="msg">{escape(finding.message)}</p>{fix}</li>')


def _data(*findings: Finding) -> str:
    """``data-`` attributes naming the severities and kinds of ``findings``, for filtering."""
    severities = " ".join(sorted({str(f.severity) for f in findings}))
    kinds = " ".join(sorted({f.kind for f in findings}))
    return f'data-severity="{_attr(severities)}" data-kind="{_attr(kinds)}"'


# --- style and script -------------------------------------------------------------------------


@functools.cache
def _asset(name: str) -> str:
    """A file of the report kept beside this module (``report.css``, ``report.js``)."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
