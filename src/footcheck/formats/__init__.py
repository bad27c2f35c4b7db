"""Output formats: each one a module exposing ``render(report, *, color=False) -> str``.

Modules are imported only when a format is used, so ``footcheck --help`` stays fast. To add a
format, write ``formats/<name>.py`` with a ``render`` function and add it to :data:`FORMATS`.

The helpers below are shared by the formats that name notes the way the document writes them
(``endnote LIV``, ``footnote 2``) and list which notes cite a URL.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ..model import Document, LinkResult, Note, Report, Url
    from ..works import Work, Works

#: Format name -> module path, for reports of an audit.
FORMATS: dict[str, str] = {
    "text": "footcheck.formats.text",
    "markdown": "footcheck.formats.markdown",
    "json": "footcheck.formats.json",
    "html": "footcheck.formats.html",
    "sarif": "footcheck.formats.sarif",
    "github": "footcheck.formats.github",
    "gitlab": "footcheck.formats.gitlab",
    "junit": "footcheck.formats.junit",
}

#: Formats for CI services: each module's ``render_many`` writes one output for all reports.
CI_FORMATS = ("sarif", "github", "gitlab", "junit")


ROMAN = "roman"  # the same values as footcheck.numerals.ROMAN / ARABIC
ARABIC = "arabic"


#: Bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069): characters
#: from a document that could visually reorder a report line, so every report shows them.
BIDI_OVERRIDES = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))


def render(name: str, report: Report, *, color: bool = False) -> str:
    """Render ``report`` in the format called ``name``; ``color`` is used by "text" only."""
    try:
        module_path = FORMATS[name]
    except KeyError:
        choices = ", ".join(sorted(FORMATS))
        raise ValueError(f"unknown format {name!r} (choose from {choices})") from None
    module = importlib.import_module(module_path)
    return module.render(report, color=color)


def describe_document(doc: Document) -> str:
    """What the document is, for a report's header: ``text · 376 lines · encoding utf-8``,
    ``Word document · 212 paragraphs``, ``PDF · 240 paragraphs · 3 pages``."""
    kind = {"docx": "Word document", "odt": "OpenDocument text", "pdf": "PDF",
            "html": "web page", "markdown": "Markdown",
            "rst": "reStructuredText"}.get(doc.format, "text")
    if doc.units == "paragraph":
        count = sum(1 for line in doc.text.split("\n") if line.strip())
        parts = [kind, f"{count} paragraph{'s' if count != 1 else ''}"]
    else:
        parts = [kind, f"{doc.line_count} line{'s' if doc.line_count != 1 else ''}"]
    if doc.page_starts:
        pages = len(doc.page_starts)
        parts.append(f"{pages} page{'s' if pages != 1 else ''}")
    if doc.format in ("text", "markdown", "rst"):
        parts.append(f"encoding {doc.encoding}")
    return " · ".join(parts)


def positions(report: Report) -> Callable[[int, int], str]:
    """A function writing a finding's position as an editor looks for it: ``12:5`` (line and
    column) for text, ``paragraph 12`` or ``page 3, paragraph 2`` for converted files."""
    doc = report.document
    if doc.plain_lines:
        return lambda line, column: f"{line}:{column}"
    from ..readers import locator

    where = locator(doc)
    return lambda line, column: where(line)


#: Formats that can hold several documents' reports in one output.
MULTI_FORMATS = ("text", "markdown", "json", "jsonl", *CI_FORMATS)


def render_many(name: str, reports: list[Report], *, color: bool = False) -> str:
    """Render several reports in one output: a JSON list, JSON Lines (one compact audit
    object per line), or the text/Markdown reports one after another and a summary table."""
    if name == "json":
        from .json import render_many as render_json

        return render_json(reports)
    if name == "jsonl":
        from .json import line

        return "".join(line(r) for r in reports)
    if name in CI_FORMATS:
        return importlib.import_module(FORMATS[name]).render_many(reports)
    if name not in ("text", "markdown"):
        raise ValueError(f"{name!r} cannot hold several documents; write one file each")
    from .summary import render as summary

    parts = [render(name, report, color=color) for report in reports]
    if name == "markdown":
        return "\n".join(parts) + "\n## Summary\n\n" + summary(reports, markdown=True)
    rule = "\n" + "─" * 72 + "\n\n"
    return rule.join(parts) + rule + summary(reports)


#: Bibliography formats: one entry per distinct work cited (``footcheck bib``).
BIBLIOGRAPHIES = ("bibtex", "csl-json", "ris")


def render_bibliography(name: str, notes: Iterable[Note], *, style: str = "biblatex",
                        links: Iterable[LinkResult] = ()) -> str:
    """Render the works cited in ``notes`` as ``bibtex`` (``style`` biblatex or bibtex),
    ``csl-json`` or ``ris``, one entry per distinct work, in order of first citation.

    ``links`` are the verdicts of an online audit: a work cited by its URL alone takes the
    title of the page its URL reached (a page that did not answer lends no title).
    """
    from ..works import group

    works = _page_titles(group(notes), links)
    if name == "csl-json":
        from .csl import render_works

        return render_works(works)
    if name == "ris":
        from .ris import render_works as render_ris

        return render_ris(works)
    if name != "bibtex":
        raise ValueError(f"unknown bibliography format {name!r}")
    from .bibtex import render_works

    return render_works(works, style=style)


def _page_titles(works: Works, links: Iterable[LinkResult]) -> Works:
    """``works`` where each work without a title takes the title of the page one of its URLs
    reached."""
    titles = {r.url: r.title for r in links if r.title and r.verdict.reached}
    if not titles:
        return works
    from dataclasses import replace

    def titled(work: Work) -> Work:
        ref = work.reference
        found = next((titles[u] for u in ref.urls if u in titles), None)
        if ref.title or found is None:
            return work
        title = " ".join(found.split())
        head, bar, _site = title.rpartition(" | ")  # "Title | Outlet": the site's name goes
        return replace(work, reference=replace(ref, title=head if bar and head else title))

    return replace(works, works=tuple(titled(w) for w in works))


def numbering(report: Report) -> dict[str, str]:
    """Return, for each series in the report, how its numbers are written: roman or arabic.

    Each note's token votes (``XIV``, ``xiv``, ``ⁱᵛ`` and malformed ``L1`` for roman; ``12``,
    ``²`` for arabic; a lone ``ⁱ`` abstains) and the majority wins, ties going to arabic.
    When a series has no notes, its markers vote instead.
    """
    from ..numerals import read

    votes: dict[str, list[int]] = {}
    for items in (report.notes, report.markers):
        counted = set(votes)
        for item in items:
            if item.series in counted:
                continue
            tally = votes.setdefault(item.series, [0, 0])
            system = read(item.token).system if item.token else None
            if system == ROMAN:
                tally[0] += 1
            elif system == ARABIC:
                tally[1] += 1
    return {series: ROMAN if r > a else ARABIC for series, (r, a) in votes.items()}


def series_noun(series: str) -> str:
    """Return the singular noun for a series: ``endnotes`` -> ``endnote``."""
    return series[:-1] if series.endswith("s") else series


def number_label(number: int | None, style: str = ARABIC) -> str:
    """Write a note number in a numbering style; ``?`` when the number is unknown."""
    if number is None:
        return "?"
    if style == ROMAN and 0 < number < 4000:
        from ..numerals import to_roman

        return to_roman(number)
    return str(number)


def note_name(series: str | None, number: int | None, styles: dict[str, str]) -> str:
    """Name a note as an editor would: ``endnote LIV``; empty when there is no series."""
    if series is None:
        return ""
    return f"{series_noun(series)} {number_label(number, styles.get(series, ARABIC))}"


def citing_notes(report: Report) -> dict[str, list[Note]]:
    """Map each cleaned URL to the notes citing it, in document order, each note once."""
    out: dict[str, list[Note]] = {}
    for note in report.notes:
        for url in dict.fromkeys(u.url for u in note.urls):
            out.setdefault(url, []).append(note)
    return out


def linking_places(report: Report) -> dict[str, list[Url]]:
    """Map each cleaned URL to the places outside the notes that link to it, in order."""
    out: dict[str, list[Url]] = {}
    for url in report.linked:
        out.setdefault(url.url, []).append(url)
    return out


def cited_by(notes: Iterable[Note], styles: dict[str, str], places: Iterable[str] = ()
             ) -> str:
    """Name the notes citing a URL and the ``places`` of the text linking to it compactly:
    ``endnotes IV, V; footnote 2; the text at 12:5``."""
    by_series: dict[str, list[str]] = {}
    for note in notes:
        label = number_label(note.number, styles.get(note.series, ARABIC))
        by_series.setdefault(note.series, []).append(label)
    named = [f"{series_noun(s) if len(labels) == 1 else s} {', '.join(labels)}"
             for s, labels in by_series.items()]
    places = list(dict.fromkeys(places))
    if places:
        named.append(f"the text at {', '.join(places)}")
    return "; ".join(named)
