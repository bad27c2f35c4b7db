"""Link rules: what checking the cited URLs online found, reported on every note citing them
and every place the text links to them.

Unlike the other families this one needs the verdicts of :func:`footcheck.links.verify`; the
audit passes them in. Links that could not be verified at all (no network, refused private
address, time budget spent) are summed up in one ``links-unverified`` finding instead of one
per link, so an offline run never looks like 66 dead links. A page whose date disagrees with
the note's is judged by :func:`footcheck.checks.references.page_date_mismatch`, where the
note's other dates are compared too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from ..links.config import NETWORK_DOWN
from ..links.match import titles_match
from ..model import Extraction, Finding, LinkResult, LinkVerdict, Note, Reference, Url
from .references import page_date_mismatch
from .rules import emits, rule
from .urls import first_places


def check(extraction: Extraction, links: Mapping[str, LinkResult]) -> Iterator[Finding]:
    """Yield link findings for every note citing a checked URL and every place the text links
    to one outside the notes, then one for unverified ones."""
    for note in extraction.notes:
        for url in note.urls:
            result = links.get(url.url)
            if result is None or result.verdict is LinkVerdict.UNVERIFIED:
                continue
            yield from _verdict(note, url, result)
            if result.verdict.reached:
                yield from _page_matches(note, url, result)
    for url in first_places(extraction.linked):  # no note names a title or date to compare
        result = links.get(url.url)
        if result is not None and result.verdict is not LinkVerdict.UNVERIFIED:
            yield from _verdict(None, url, result)
    yield from _unverified(links)


@emits("links-unverified")
def _unverified(links: Mapping[str, LinkResult]) -> Iterator[Finding]:
    """One finding summing up the links that could not be verified, by reason, if any."""
    unverified = Counter(_reason(r) for r in links.values()
                         if r.verdict is LinkVerdict.UNVERIFIED)
    if unverified:
        total = sum(unverified.values())
        reasons = "; ".join(f"{reason} ({n})" for reason, n in unverified.most_common())
        yield rule("links-unverified").finding(
            f"{total} cited URL{'s' if total != 1 else ''} could not be verified: {reasons}",
            1, suggestion="run the audit again with network access"
            if NETWORK_DOWN in unverified else None)


def _reason(result: LinkResult) -> str:
    """Why a link was not verified: "network unavailable", or the first part of its detail."""
    detail = result.detail or "not checked"
    return NETWORK_DOWN if detail.startswith(NETWORK_DOWN) else detail.split(":")[0]


@emits("dead-link", "redirected", "soft-404", "blocked", "timeout", "unreachable",
       "server-error")
def _verdict(note: Note | None, url: Url, result: LinkResult) -> Iterator[Finding]:
    """The finding a verdict makes by itself, if any (its rule is the verdict's
    :attr:`~footcheck.model.LinkVerdict.rule_kind`)."""
    kind = result.verdict.rule_kind
    if kind is None:
        return
    status = f" ({result.http_status})" if result.http_status else ""
    detail = f": {result.detail}" if result.detail else ""
    suggestion = None
    if result.verdict is LinkVerdict.REDIRECTED:
        if not result.final_url or _same_page(url.url, result.final_url):
            return  # http -> https on the same host, or a trailing slash: not worth a finding
        message = f"{url.url} moved permanently{status} to {result.final_url}"
        suggestion = f"cite {result.final_url}"
    else:
        message = f"{url.url} is {result.verdict.replace('-', ' ')}{status}{detail}"
        if result.archive_url:
            suggestion = f"cite the archived copy {result.archive_url}"
    yield rule(kind).finding(message, url.line, url.column, series=note and note.series,
                             number=note and note.number, suggestion=suggestion)


def _same_page(a: str, b: str) -> bool:
    """Whether two URLs differ only in scheme, a leading ``www.`` or a trailing slash."""
    def plain(u: str) -> str:
        return u.split("://", 1)[-1].removeprefix("www.").rstrip("/")

    return plain(a) == plain(b)


def _cited(note: Note, url: str) -> Reference | None:
    """The reference of ``note`` that gives ``url``, or its only reference."""
    for ref in note.references:
        if url in ref.urls:
            return ref
    return note.references[0] if len(note.references) == 1 else None


def _page_matches(note: Note, url: Url, result: LinkResult) -> Iterator[Finding]:
    """Does the page carry the title and date the note cites?"""
    ref = _cited(note, url.url)
    if ref is None:
        return
    yield from _title_mismatch(note, url, ref, result)
    yield from page_date_mismatch(note, url, ref, result.published)


@emits("title-mismatch")
def _title_mismatch(note: Note, url: Url, ref: Reference, result: LinkResult
                    ) -> Iterator[Finding]:
    """A finding when the page's title does not match the title ``ref`` cites."""
    if ref.title and result.title and not titles_match(ref.title, result.title):
        yield rule("title-mismatch").finding(
            f"the page at {url.url} is titled {result.title!r}, not {ref.title!r}",
            url.line, url.column, suggestion="check that the URL is the work the note names",
            series=note.series, number=note.number)
