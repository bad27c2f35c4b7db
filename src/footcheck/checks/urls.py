"""URL rules: how the URLs in the notes are written (nothing here goes online).

For every URL of a note (found once, by extraction): ``malformed-url``,
``search-url`` (a search-results page or a search engine's redirect wrapper),
``tracking-url`` (text fragments, click ids, ``utm_*`` and search-session parameters) and
``insecure-url`` (plain ``http://``). A URL that is a search page gets no other finding: it
must be replaced whatever else is wrong with it. ``empty-link`` looks at the whole document,
body included, for Markdown links whose target is empty or ``#``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from urllib.parse import parse_qsl, unquote, urlsplit

from ..model import Extraction, Finding, Note, Url
from ..urls import ANGLE, find_empty_links
from .rules import rule

__all__ = ["check", "search_engine", "strip_tracking"]

# Parameters that only ever carry tracking data, wherever they appear.
_TRACKING = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "ysclid",
    "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "sxsrf",
    "twclid", "ttclid", "li_fat_id", "srsltid",
})
# Parameters that record a search session; removed only on a search engine's own pages.
_SEARCH_SESSION = frozenset({
    "rlz", "gs_lcrp", "gs_lp", "gs_ssp", "sourceid", "ved", "ei", "oq", "aqs", "uact",
    "sca_esv", "sca_upv", "sclient", "iflsig", "bih", "biw", "dpr", "client", "ie", "sa",
    "usg", "source", "cvid", "form", "pq", "sc", "qs", "sk", "ghc", "lq", "ghsh", "ghacc",
    "lr", "clid", "redircnt", "rsv_pq", "rsv_t", "rqlang", "rsv_enter", "rsv_sug",
})
_GOOGLE = re.compile(r"(?:^|\.)google\.(?:com?\.)?[a-z]{2,3}$")
_YANDEX = re.compile(r"(?:^|\.)(?:yandex\.(?:com?\.)?[a-z]{2,3}|ya\.ru)$")
# A cheap test before parsing a URL: only these hosts can be search engines (see below).
# Searched in the lower-cased URL: much faster than a case-insensitive pattern.
_ENGINE_HINT = re.compile(r"google\.|bing\.com|duckduckgo\.|yahoo\.|yandex\.|ya\.ru|baidu\.")
_LOCAL = re.compile(r"^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$|\.localhost$")


def check(extraction: Extraction) -> Iterator[Finding]:
    """Yield the URL findings of every note, then the empty links of the whole document."""
    for note in extraction.notes:
        for found in note.urls:
            yield from _url_findings(note, found)
    yield from _empty_links(extraction)


def search_engine(url: str) -> tuple[str, str | None] | None:
    """If ``url`` is a search-results page or a search redirect, say which.

    Returns ``(description, target)``: ``target`` is the address a redirect wrapper
    (``google.com/url?q=…``) leads to, else ``None``. Returns ``None`` for any other URL.
    """
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    path = parts.path.rstrip("/") or "/"
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    query = params.get("q") or params.get("query") or params.get("text") or params.get("wd") \
        or params.get("p") or params.get("word") or params.get("bsq") or ""
    about = f" for '{query}'" if query else ""
    if _GOOGLE.search(host):
        if host.startswith("books."):
            if path == "/books" and "q" in params and "id" not in params:
                return f"Google Books search{about}", None
            return None
        if host.startswith("scholar."):
            return (f"Google Scholar search{about}", None) if path == "/scholar" else None
        if path == "/url":
            target = params.get("q") or params.get("url")
            if target and target.lower().startswith(("http://", "https://")):
                return "Google redirect link", target
            return None
        if path in ("/search", "/webhp", "/") and ("q" in params or "tbm" in params):
            if params.get("tbm") == "bks":
                return f"Google Books search{about}", None
            return f"Google search results page{about}", None
        return None
    if host.endswith("bing.com") and path.endswith("/search"):
        return f"Bing search results page{about}", None
    if host.endswith("duckduckgo.com") and path in ("/", "/html", "/lite") and "q" in params:
        return f"DuckDuckGo search results page{about}", None
    if host.endswith("search.yahoo.com") and path.startswith("/search"):
        return f"Yahoo search results page{about}", None
    if _YANDEX.search(host) and path.startswith(("/search", "/images/search")):
        return f"Yandex search results page{about}", None
    if host.endswith("baidu.com") and path == "/s":
        return f"Baidu search results page{about}", None
    return None


def strip_tracking(url: str) -> tuple[str, list[str]]:
    """Return ``url`` without tracking parameters and text fragments, and what was removed.

    The rest of the URL is kept exactly as written (nothing is re-encoded). Search-session
    parameters such as ``rlz`` or ``ved`` count as tracking only on a search engine's host.
    """
    base, hash_, fragment = url.partition("#")
    removed: list[str] = []
    if hash_ and ":~:" in fragment:
        kept_fragment = fragment.split(":~:", 1)[0]
        directive = fragment[len(kept_fragment):]
        removed.append("text fragment '#" + _shorten(directive, 30) + "'")
        fragment = kept_fragment
        hash_ = "#" if fragment else ""
    path, question, query = base.partition("?")
    if question:
        on_search_engine = _on_search_engine(url)
        kept: list[str] = []
        for pair in query.split("&"):
            name = unquote(pair.partition("=")[0]).lower()
            if (name.startswith("utm_") or name in _TRACKING
                    or (on_search_engine and name in _SEARCH_SESSION)):
                removed.append(name)
            else:
                kept.append(pair)
        query = "&".join(p for p in kept if p)
        question = "?" if query else ""
    return f"{path}{question}{query}{hash_}{fragment}", removed


def _on_search_engine(url: str) -> bool:
    """Whether the URL's host belongs to a search engine."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    return bool(_GOOGLE.search(host) or _YANDEX.search(host)) or host.endswith(
        ("bing.com", "duckduckgo.com", "yahoo.com", "baidu.com"))


def _url_findings(note: Note, found: Url) -> Iterator[Finding]:
    """The findings for one URL of a note."""
    line, column = found.line, found.column
    where = {"series": note.series, "number": note.number}
    url = found.url
    if found.problem:
        suggestion = found.repaired
        if suggestion is not None and found.form == ANGLE:
            suggestion = f"<{suggestion}>"
        yield rule("malformed-url").finding(
            f"URL {_shorten(found.raw)!r} cannot work as written: {found.problem}.",
            line, column, suggestion=suggestion, **where)
        if found.repaired is None:
            return
        url = found.repaired
    engine = search_engine(url) if _ENGINE_HINT.search(url.lower()) else None
    if engine is not None:
        what, target = engine
        if target is None:
            message = f"{what} cited as a source; cite the page that was found instead."
        else:
            target = strip_tracking(target)[0]
            message = f"{what} cited instead of the page it leads to."
        yield rule("search-url").finding(message, line, column, suggestion=target, **where)
        return
    cleaned, removed = strip_tracking(url) if "?" in url or "#" in url else (url, [])
    if removed:
        yield rule("tracking-url").finding(
            f"URL carries tracking or session data: {', '.join(removed)}.",
            line, column, suggestion=cleaned, **where)
    if url[:7].lower() == "http://" and not _is_local(url):
        yield rule("insecure-url").finding(
            "URL uses plain http://; use https:// if the site serves it.",
            line, column, suggestion="https://" + url[7:], **where)


def _is_local(url: str) -> bool:
    """Whether the URL points at this machine (localhost, 127.x.x.x)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    return bool(_LOCAL.search(host)) or host == "::1"


def _empty_links(extraction: Extraction) -> Iterator[Finding]:
    """One finding per Markdown link with an empty or '#' target, anywhere in the text."""
    document = extraction.document
    links = find_empty_links(document.text)
    if not links:
        return
    spans = sorted(((s, e, n) for n in extraction.notes for s, e in n.spans),
                   key=lambda item: item[0])
    starts = [s for s, _, _ in spans]
    for link in links:
        line, column = document.position(link.start)
        note = None
        i = bisect.bisect_right(starts, link.start) - 1
        if i >= 0 and spans[i][0] <= link.start < spans[i][1]:
            note = spans[i][2]
        target = f"'{link.target}'" if link.target else "nothing"
        yield rule("empty-link").finding(
            f"Link '{_shorten(link.text, 60)}' points to {target}; add the address or "
            "remove the link.",
            line, column, series=note.series if note else None,
            number=note.number if note else None)


def _shorten(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
