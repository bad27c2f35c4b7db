"""The one place where footcheck's steps are chained: read → extract → parse → (verify) → check."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from . import checks
from .collector import collector_paused
from .document import read
from .errors import FootcheckError
from .extract import extract
from .model import Document, Extraction, LinkResult, Note, Report, Url

if TYPE_CHECKING:
    from .links import LinkConfig, Progress


def audit(source: str | os.PathLike | Document, *, select: Iterable[str] = (),
          ignore: Iterable[str] = (), links: LinkConfig | None = None,
          progress: Callable[[Progress], None] | None = None,
          placeholder_words: Iterable[str] = ()) -> Report:
    """Audit a document (a path, or a :class:`Document` already read) and return its report.

    ``select`` and ``ignore`` take rule code prefixes (``FC1``, ``FC201``) or kind names
    (``placeholder``). With ``links`` (a :class:`footcheck.links.LinkConfig`) every cited URL
    is verified over HTTP, ``progress`` being given a :class:`footcheck.links.Progress` once
    per URL and while it waits; without it the audit never touches the network.
    ``placeholder_words`` are the house style's own words that mark a missing source
    (``XXX``), found as written, besides the built-in ones. Raises
    :class:`footcheck.errors.InputError` when the file cannot be read.
    """
    return audit_many([load(source)], select=select, ignore=ignore, links=links,
                      progress=progress, placeholder_words=placeholder_words)[0]


def audit_many(extractions: Iterable[Extraction], *, select: Iterable[str] = (),
               ignore: Iterable[str] = (), links: LinkConfig | None = None,
               progress: Callable[[Progress], None] | None = None,
               placeholder_words: Iterable[str] = ()) -> list[Report]:
    """Audit several loaded documents (see :func:`load`), verifying their links together.

    Every URL cited anywhere is checked once, in one pool and against one cache, and each
    report gets the verdicts of the URLs it cites.
    """
    extractions = list(extractions)
    placeholder_words = tuple(placeholder_words)
    results: dict[str, LinkResult] = {}
    if links is not None:
        results = verify_links(extractions, links, progress)
    reports = []
    for extraction in extractions:
        cited = {u.url for u in _checked_urls(extraction)}
        mine = {url: result for url, result in results.items() if url in cited}
        with collector_paused():
            findings = checks.run(extraction, select=select, ignore=ignore, links=mine,
                                  placeholder_words=placeholder_words)
        reports.append(Report(document=extraction.document, notes=extraction.notes,
                              markers=extraction.markers, findings=tuple(findings),
                              links=tuple(mine.values()), linked=extraction.linked))
    return reports


def load_many(paths: Iterable[str], on_document: Callable[[int, str], None] | None = None
              ) -> tuple[list[Extraction], list[FootcheckError]]:
    """Load every document of ``paths``; one that cannot be read is returned as its error
    instead of stopping the others. ``on_document(i, path)`` is called before each."""
    extractions, errors = [], []
    for i, path in enumerate(paths, start=1):
        if on_document is not None:
            on_document(i, path)
        try:
            extractions.append(load(path))
        except FootcheckError as error:
            errors.append(error)
    return extractions, errors


def load(source: str | os.PathLike | Document) -> Extraction:
    """Read a document (unless given one), extract its notes and markers, parse references."""
    document = source if isinstance(source, Document) else read(source)
    # Extraction, parsing and checking make a few small objects per note, none in cycles (a
    # collection after an audit frees nothing): scans of the growing set of notes were
    # ~12 % of a large brief's audit.
    with collector_paused():
        return parse_references(extract(document))


def verify_links(extractions: Iterable[Extraction], config: LinkConfig,
                 progress: Callable[[Progress], None] | None = None) -> dict[str, LinkResult]:
    """Verify every URL the notes cite and the text links to (each once), with the date the
    note gives for it."""
    from .links import LinkRequest, verify

    requests = []
    for extraction in extractions:
        for note in extraction.notes:
            for url in note.urls:
                if url.problem:
                    continue  # a URL that cannot work as written is reported, not fetched
                date = next((r.date for r in note.references if url.url in r.urls and r.date),
                            None)
                requests.append(LinkRequest(url.url, date))
        requests += [LinkRequest(url.url, None) for url in extraction.linked
                     if not url.problem]
    return verify(requests, config, progress) if requests else {}


def _checked_urls(extraction: Extraction) -> Iterator[Url]:
    """Every URL of ``extraction`` that is checked: the notes' and the text's."""
    for note in extraction.notes:
        yield from note.urls
    yield from extraction.linked


def parse_references(extraction: Extraction) -> Extraction:
    """Fill every note's ``references`` with the sources its text cites (an ``Ibid.`` or a
    short form with the fields of the citation it points back to)."""
    from .extract import listed_works
    from .references import parse, refer_back

    listed = (ref for entry in listed_works(extraction.document, extraction.notes)
              for ref in parse(entry))  # read only if a short form looks for its work
    found = refer_back([(note.series, parse(note.text)) for note in extraction.notes], listed)
    # Note(**fields) rather than dataclasses.replace, which re-reads the fields every call.
    notes = tuple([Note(**{**vars(note), "references": refs})
                   for note, refs in zip(extraction.notes, found, strict=True)])
    return replace(extraction, notes=notes)
