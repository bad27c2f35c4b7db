"""URL rules: how the URLs in the notes are written (nothing here goes online).

For every URL of a note and every URL the text links to outside the notes (found once, by
extraction; reported without a note): ``malformed-url``, or
``schemeless-url`` for ``www.…`` that only lacks its ``https://``; ``search-url`` (a
search-results page or a search engine's redirect wrapper), ``wrapped-url`` (an e-mail
filter's rewritten link or a social network's exit page), ``tracking-url`` (text fragments,
click ids, ``utm_*`` and search-session parameters) and ``insecure-url`` (plain
``http://``). A URL that is a search page or a wrapper gets no other finding: it must be
replaced whatever else is wrong with it. A search that looks up another URL of the same note
("View at Google Scholar" beside the DOI it searches for) is a convenience link next to the
source, not a search cited in its place: it is checked as an ordinary URL. ``empty-link``
looks at the whole document, body included, for Markdown links whose target is empty or
``#``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import parse_qsl, urlsplit

from ..extract import listed_lines
from ..model import Extraction, Finding, Note, Url, within
from ..urls import (
    ANGLE,
    ENGINE_HINT,
    MISSING_SCHEME,
    WRAPPER_HINT,
    find_empty_links,
    is_local,
    search_engine,
    shorten,
    strip_tracking,
    wrapper,
)
from .rules import emits, rule

__all__ = ["check"]

def check(extraction: Extraction) -> Iterator[Finding]:
    """Yield the URL findings of every note, then those of the URLs the text links to
    outside the notes, then the empty links of the whole document."""
    for note in extraction.notes:
        for found in note.urls:
            yield from _url_findings(note, found, note.urls)
    beside: dict[int, list[Url]] = {}  # a link's neighbours: those of its line (an entry's)
    for found in extraction.linked:
        beside.setdefault(found.line, []).append(found)
    listed = listed_lines(extraction.document, extraction.notes) if extraction.linked else ()
    for found in first_places(extraction.linked):
        # the prose may link to a search on purpose ("a search finds 300 papers"); a list
        # of works may not cite one
        yield from _url_findings(None, found, beside[found.line],
                                 searches=found.line in listed)
    yield from _empty_links(extraction)


def _url_findings(note: Note | None, found: Url, neighbours: Sequence[Url],
                  searches: bool = True) -> Iterator[Finding]:
    """The findings for one URL of a note (or of the text, ``note`` ``None``), whose
    ``neighbours`` are the URLs written beside it; a search page is reported only where
    ``searches`` says it cannot be meant.

    A URL that cannot work and cannot be repaired gets no other finding; one that is a search
    page gets none but that (its repaired form is judged, when it has one).
    """
    url = found.url
    if found.problem:
        if note is None and _LOCAL_NAME.fullmatch(found.problem):
            return  # the prose's "http://gateway:3128/", RFC 3986's "http://a/b/c/g": a
            # machine on a network, or an example, not a source cited (a note's still is)
        yield _malformed_url(note, found)
        if found.repaired is None:
            return
        url = found.repaired
    instead = (_search_url(note, found, url, neighbours) if searches else None) or \
        _wrapped_url(note, found, url)
    if instead is not None:  # cited instead of the source: nothing else about it matters
        yield instead
        return
    yield from _tracking_url(note, found, url)
    yield from _insecure_url(note, found, url)


#: The problem of an address whose host is one name, as a local network's (not ``www``).
_LOCAL_NAME = re.compile(r"invalid host '(?!(?i:www\d*|https?|ftp)')[^'.]+': no domain")


def first_places(linked: Iterable[Url]) -> list[Url]:
    """Each URL the text links to, at the first place it does: a page's running footer, or
    a site linked from several paragraphs, is one finding (the reports list every place)."""
    first: dict[str, Url] = {}
    for url in linked:
        first.setdefault(url.raw, url)
    return list(first.values())


def _where(note: Note | None) -> dict[str, str | int | None]:
    """The series and number a finding about a URL of ``note`` carries (none for the
    text's)."""
    return {"series": note.series, "number": note.number} if note else {}


@emits("malformed-url", "schemeless-url")
def _malformed_url(note: Note | None, found: Url) -> Finding:
    """The finding of a URL that cannot work as written, with its repair if there is one:
    ``schemeless-url`` when all it lacks is its scheme."""
    suggestion = found.repaired
    if suggestion is not None and found.form == ANGLE:
        suggestion = f"<{suggestion}>"
    if found.problem == MISSING_SCHEME:
        return rule("schemeless-url").finding(
            f"URL {shorten(found.raw)!r} is written without its scheme (https://)",
            found.line, found.column, suggestion=suggestion, **_where(note))
    return rule("malformed-url").finding(
        f"URL {shorten(found.raw)!r} cannot work as written: {found.problem}",
        found.line, found.column, suggestion=suggestion, **_where(note))


@emits("search-url")
def _search_url(note: Note | None, found: Url, url: str, neighbours: Sequence[Url]
                ) -> Finding | None:
    """The finding of ``url`` (``found`` or its repair) when it is a search page cited as a
    source, suggesting the page it leads to if it wraps one; else ``None``."""
    engine = search_engine(url) if ENGINE_HINT.search(url.lower()) else None
    if engine is not None and engine[1] is None and _looks_up_a_neighbour(found, url,
                                                                          neighbours):
        engine = None  # "View at Google Scholar" beside the source: an ordinary link
    if engine is None:
        return None
    what, target = engine
    if target is None:
        message = f"{what} cited as a source; cite the page that was found instead"
    else:
        target = strip_tracking(target)[0]
        message = f"{what} cited instead of the page it leads to"
    return rule("search-url").finding(message, found.line, found.column, suggestion=target,
                                      **_where(note))


@emits("wrapped-url")
def _wrapped_url(note: Note | None, found: Url, url: str) -> Finding | None:
    """The finding of ``url`` when it wraps the address it leads to (an e-mail filter's
    rewritten link, a social network's exit page), suggesting that address; else ``None``."""
    wrapped = wrapper(url) if WRAPPER_HINT.search(url.lower()) else None
    if wrapped is None:
        return None
    name, target = wrapped
    suggestion = strip_tracking(target)[0] if target else None
    where = "" if target else " (it does not say which: open it to find out)"
    return rule("wrapped-url").finding(
        f"{name} link cited instead of the page it leads to{where}", found.line, found.column,
        suggestion=suggestion, **_where(note))


@emits("tracking-url")
def _tracking_url(note: Note | None, found: Url, url: str) -> Iterator[Finding]:
    """A finding when ``url`` carries tracking or session data, suggesting it without."""
    cleaned, removed = strip_tracking(url) if "?" in url or "#" in url else (url, [])
    if removed:
        yield rule("tracking-url").finding(
            f"URL carries tracking or session data: {', '.join(removed)}",
            found.line, found.column, suggestion=cleaned, **_where(note))


@emits("insecure-url")
def _insecure_url(note: Note | None, found: Url, url: str) -> Iterator[Finding]:
    """A finding when ``url`` uses plain http:// to a host that is not local."""
    if url[:7].lower() == "http://" and not is_local(url):
        yield rule("insecure-url").finding(
            "URL uses plain http://; use https:// if the site serves it",
            found.line, found.column, suggestion="https://" + url[7:], **_where(note))


def _looks_up_a_neighbour(found: Url, url: str, neighbours: Sequence[Url]) -> bool:
    """Whether the search ``url`` looks up one of its ``neighbours`` (the other URLs of its
    note, or of its line in the text) or its DOI.

    "[View at Google Scholar](https://scholar.google.com/scholar?q=http://dx.doi.org/10.x/y)"
    beside "http://dx.doi.org/10.x/y" is a convenience link next to the cited source, not a
    search cited in place of one. A search for a URL that the note does not also give is
    still a search cited as the source.
    """
    if len(neighbours) < 2:
        return False
    try:
        query = parse_qsl(urlsplit(url).query, keep_blank_values=False)
    except ValueError:
        return False
    wanted = {_same_address(value) for _, value in query
              if value.lower().startswith(("http://", "https://", "www.", "doi:", "10."))}
    wanted.discard("")
    if not wanted:
        return False
    for other in neighbours:
        if other is found:
            continue
        address = _same_address(other.repaired or other.url)
        if address in wanted or any(w.startswith("10.") and address.endswith("/" + w)
                                    for w in wanted):
            return True
    return False


def _same_address(url: str) -> str:
    """``url`` reduced to what tells two writings of one address apart: no scheme, no
    ``www.``, no ``doi:`` prefix, no trailing slash, lower case."""
    url = url.strip().lower()
    for prefix in ("https://", "http://", "www.", "doi:"):
        if url.startswith(prefix):
            url = url[len(prefix):].lstrip()
    return url.rstrip("/")


@emits("empty-link")
def _empty_links(extraction: Extraction) -> Iterator[Finding]:
    """One finding per Markdown link with an empty or '#' target, anywhere in the text."""
    document = extraction.document
    if document.format == "rst":
        return  # "[x]()" is no link in reStructuredText
    hidden = document.hidden
    links = [link for link in find_empty_links(document.text)
             if not hidden or not within(hidden, link.start + 1)]  # its text
    if not links:
        return
    in_notes_only = document.format == "html"  # a page's "Share" and "Menu" links are chrome
    spans = sorted(((s, e, n) for n in extraction.notes for s, e in n.spans),
                   key=lambda item: item[0])
    starts = [s for s, _, _ in spans]
    for link in links:
        line, column = document.position(link.start)
        note = None
        i = bisect.bisect_right(starts, link.start) - 1
        if i >= 0 and spans[i][0] <= link.start < spans[i][1]:
            note = spans[i][2]
        if note is None and in_notes_only:
            continue
        target = f"'{link.target}'" if link.target else "nothing"
        yield rule("empty-link").finding(
            f"link '{shorten(link.text, 60)}' points to {target}; add the address or "
            "remove the link",
            line, column, series=note.series if note else None,
            number=note.number if note else None)
