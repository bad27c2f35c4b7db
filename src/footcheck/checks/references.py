"""Checks on the sources notes cite: consistency across notes, dates, outlets, parse gaps.

* ``variant-citation``: one work (same normalised URL) cited with another author spelling,
  title or date in another note; the majority form is suggested.
* ``date-mismatch``: a note's publication date (day precision) against the date its URL gives
  (``/2022/12/04/``, ``-2023-05-17``, ``/20221018/``, ``/2023/dec/05/``, ``?date=…``; a month
  only, ``/2023/12/``, is compared by month; see :func:`url_dates`); access dates are not
  compared. The date on the page itself, when the links were checked, is compared by
  :func:`page_date_mismatch`, which the links family calls.
* ``publisher-mismatch``: the outlet a note names against the site its URL is on, judged only
  when both are known outlets of :data:`footcheck.references.OUTLETS` and the pairing is not
  syndication (wire copy, one outlet's services) nor a match of name and domain.
* ``repeated-note``: a note identical to the previous note of its series.
* ``unparsed-reference``: a source whose author, title or date could not be identified; a
  personal communication or an organisation's press release needs no title
  (:func:`footcheck.references.cited_without_title`), a work with a publisher no author.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple
from urllib.parse import urlsplit

from ..dates import ENGLISH_MONTH_NUMBERS, calendar_day, long_date
from ..model import Extraction, Finding, Note, Reference, Url
from ..references import (
    Outlet,
    Source,
    cited_without_title,
    is_ibid,
    names_only,
    outlet_named,
    outlet_of_host,
    parse_sources,
    reads_as_prose,
)
from ..translit import fold_letters
from ..urls import anchor, normalise_url, site_labels
from .rules import emits, rule

__all__ = ["check"]

#: Hosts that carry other people's work: search engines, archives, shorteners, file hosts,
#: and the indexes and repositories of scholarly work (ADS, PubMed, Europe PMC, Semantic
#: Scholar, arXiv, Zenodo, HathiTrust, WorldCat…: a paper in PNAS is cited by its record there).
NEUTRAL_HOSTS = re.compile(
    r"(?:^|\.)(?:google\.[a-z.]+|bing\.com|yandex\.[a-z]+|duckduckgo\.com|archive\.org|"
    r"archive\.(?:ph|today|is|li)|doi\.org|bit\.ly|t\.co|tinyurl\.com|ow\.ly|youtube\.com|"
    r"youtu\.be|vimeo\.com|msn\.com|yahoo\.com|flipboard\.com|pressreader\.com|"
    r"newsbreak\.com|scribd\.com|academia\.edu|researchgate\.net|jstor\.org|dropbox\.com|"
    r"ssrn\.com|facebook\.com|twitter\.com|x\.com|t\.me|telegram\.org|linkedin\.com|"
    r"medium\.com|substack\.com|adsabs\.harvard\.edu|ncbi\.nlm\.nih\.gov|europepmc\.org|"
    r"semanticscholar\.org|arxiv\.org|zenodo\.org|osf\.io|hathitrust\.org|worldcat\.org|"
    r"handle\.net|citeseerx\.ist\.psu\.edu|core\.ac\.uk|openalex\.org|crossref\.org|"
    r"philpapers\.org|biorxiv\.org|medrxiv\.org|hal\.science)$")

_MONTH_WORD = (r"(?ai:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
               r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
#: The end of a path segment, or of a date at the start of a slug (``/2023/12/05-title``).
_SEGMENT_END = r"(?=/|$|[-_.])"
#: Dates in a URL's path that give the day, most telling first: a match of an earlier pattern
#: wins over one of a later pattern, then the leftmost match.
_URL_DAYS = (
    # /2023/12/05/, /2023/4/13/ (as folders: the shape of most news sites)
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)" + _SEGMENT_END),
    # /2023/dec/05/ (The Guardian), /05/dec/2023/
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<mon>" + _MONTH_WORD + r")/(?P<d>[0-3]?\d)"
               + _SEGMENT_END),
    re.compile(r"/(?P<d>[0-3]?\d)/(?P<mon>" + _MONTH_WORD + r")/(?P<y>(?:19|20)\d\d)"
               + _SEGMENT_END),
    # 2023-12-05 or 2023_12_05 anywhere in a segment (one separator throughout)
    re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<sep>[-_])(?P<m>[01]\d)(?P=sep)"
               r"(?P<d>[0-3]\d)(?!\d|\.\d)"),
)
#: /20231205/, -20231205-, _20231205.pdf: eight digits alone between separators, read as a
#: date only from :data:`_FIRST_PACKED_YEAR` on (before it, such runs are more often numbers).
_URL_PACKED_DAY = re.compile(
    r"(?<=[/_-])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?=$|[/_-]|\.[A-Za-z])")
#: /2023/12/ (a year and a month as folders; not a year alone, not a third number folder).
_URL_MONTH = re.compile(
    r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)(?=/(?![0-3]?\d(?:[/_.-]|$))|$)")
#: Query parameters that name a publication date: ?date=2023-12-05.
_DATE_PARAMETERS = frozenset({"date", "pubdate", "pub_date", "published", "publishdate",
                              "publish_date", "publication_date", "publicationdate",
                              "article_date", "dt"})
_QUERY_DAY = re.compile(
    r"(?P<y>(?:19|20)\d\d)(?P<sep>[-/._]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?:[T ].*)?")
_FOUR_DIGITS = re.compile(r"\d{4}")
_FIRST_PACKED_YEAR = 1990
#: Folders whose /2023/12/ is the month a file was uploaded (wp-content/uploads/2023/12/),
#: which may come before the month the work was published.
_UPLOAD_FOLDERS = ("/uploads", "/files", "/media", "/images", "/assets")


class UrlDate(NamedTuple):
    """A date a URL gives: its year, month and day (``None`` for a month only), and the text
    it was read from (``2023/12/05``, ``2023-12-05``, ``2023/12``)."""

    year: int
    month: int
    day: int | None
    text: str

    @property
    def date(self) -> _dt.date:
        """The day (the first of the month for a month only)."""
        return _dt.date(self.year, self.month, self.day or 1)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: An http(s) URL with a plain host and no query, fragment or white space: its host and path
#: are read without urllib (with the same result).
_SIMPLE_URL = re.compile(r"(?i:https?)://([A-Za-z0-9.\-]+)(/[^?#\s]*)?")


def _path_and_query(url: str) -> tuple[str, str]:
    """A URL's path and query (empty when urllib cannot read the URL)."""
    simple = _SIMPLE_URL.fullmatch(url)
    if simple:
        return simple.group(2) or "", ""
    try:
        parts = urlsplit(url)
    except ValueError:  # a broken [IPv6] host, a host that NFKC makes invalid
        return "", ""
    return parts.path, parts.query


def _host(url: str) -> str:
    """``(urlsplit(url).hostname or "").lower()`` (empty when urllib cannot read the URL)."""
    simple = _SIMPLE_URL.fullmatch(url)
    if simple:
        return simple.group(1).lower()
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class _Cited(NamedTuple):
    """A source as cited in one note, with the position of the source in the document.

    (A named tuple, as it is quicker to build than a frozen dataclass.)
    """

    note: Note
    source: Source
    line: int
    column: int

    @property
    def reference(self) -> Reference:
        return self.source.reference


def check(extraction: Extraction) -> Iterator[Finding]:
    """Yield the reference findings of a document, sorted by position then code.

    Notes whose ``references`` are empty are parsed here; notes with references keep them
    (they are not parsed again). Sources are indexed once, by normalised URL, for
    variant-citation; :func:`footcheck.works.group` is not used, as its matching by fields and
    DOI would change which citations count as one work here. Time is linear in the number of
    sources.
    """
    cited = _cite(extraction)
    findings = [
        *_repeated_notes(extraction.notes),
        *_unparsed(cited),
        *_date_mismatches(cited),
        *_publisher_mismatches(cited),
        *_variants(cited),
    ]
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    yield from findings


# --- positions --------------------------------------------------------------------------------

def _cite(extraction: Extraction) -> list[_Cited]:
    """Every source the notes cite, in order, with its position in the document."""
    text, position = extraction.document.text, extraction.document.position
    cited = []
    for note in extraction.notes:
        if note.references:
            sources = []
            for ref in note.references:  # (most notes start with their first reference)
                raw = ref.raw
                start = 0 if note.text.startswith(raw) else max(note.text.find(raw), 0)
                sources.append(Source(reference=ref, start=start, end=start + len(raw)))
        else:
            sources = parse_sources(note.text)
        for source in sources:
            line, column = _position(text, position, note, source.start)
            cited.append(_Cited(note, source, line, column))
    return cited


def _position(text: str, position: Callable[[int], tuple[int, int]], note: Note,
              offset: int) -> tuple[int, int]:
    """The document (line, column) of character ``offset`` of a note's text."""
    if not note.spans or offset == 0:
        return note.line, note.column
    pieces = [text[s:e] for s, e in note.spans]
    if " ".join(pieces) != note.text:
        return note.line, note.column
    seen = 0
    for (start, _end), piece in zip(note.spans, pieces, strict=True):
        if offset <= seen + len(piece):
            return position(start + offset - seen)
        seen += len(piece) + 1
    return note.line, note.column


def _name(note: Note) -> str:
    return note.token or note.label or (str(note.number) if note.number is not None else "?")


def _finding(kind: str, cited: _Cited, message: str, suggestion: str | None = None) -> Finding:
    return rule(kind).finding(message, cited.line, cited.column, series=cited.note.series,
                              number=cited.note.number, suggestion=suggestion)


# --- repeated-note ----------------------------------------------------------------------------

@emits("repeated-note")
def _repeated_notes(notes: Sequence[Note]) -> Iterator[Finding]:
    """A finding for each note whose words are those of the note before it in its series,
    unless both carry one number (a note copied whole, duplicate-note's finding, FC101) or
    are one entry ("11,12 Ibid.")."""
    previous: dict[str, Note] = {}  # the last note of each series
    for note in notes:
        before = previous.get(note.series)
        previous[note.series] = note
        if before is not None and (note.number is None or note.number != before.number) and \
                note.spans != before.spans and \
                _same_words(note.text, before.text) and \
                not is_ibid(note.text):  # "Ibid." after "Ibid." is how it is written
            yield rule("repeated-note").finding(
                f"note {_name(note)} repeats note {_name(before)} word for word",
                note.line, note.column, series=note.series, number=note.number,
                suggestion="Ibid.")


def _same_words(text: str, other: str) -> bool:
    """Whether two texts are the same words, and not none (white space does not count)."""
    # (the first words first: they tell most pairs of notes apart, without splitting all)
    first = text.split(None, 1)[:1]
    if not first or first != other.split(None, 1)[:1]:
        return False
    return text.split() == other.split()


# --- unparsed-reference -----------------------------------------------------------------------

@emits("unparsed-reference")
def _unparsed(cited: Iterable[_Cited]) -> Iterator[Finding]:
    """A finding for each source missing an author, title or date it should have; a bare
    URL is left to incomplete-reference."""
    for c in cited:
        source, ref = c.source, c.reference
        if ref.refers_back:
            continue  # what the cited one lacks is said where it is cited in full
        missing = list(source.missing)
        if not missing or source.only_url or names_only(ref):
            continue  # nothing missing, or a bare URL or a name and a year only:
            # incomplete-reference's business
        if "title" in missing and cited_without_title(ref):
            missing.remove("title")  # a personal communication, a press release, …
        if "author" in missing and (ref.publisher or (ref.container and ref.type in _UNSIGNED)):
            missing.remove("author")  # the publisher, or the outlet of an unsigned news item,
            # answers for a work without an author ("'Fuel prices rise,' Reuters, 5 May 2022")
        if "date" in missing and ref.accessed and ref.urls:
            missing.remove("date")  # an undated web page, cited with the day it was read
            # ("…," accessed March 3, 2024, https://…): as Chicago and MLA have it
        if not missing:
            continue
        if is_ibid(ref.raw):
            yield _finding("unparsed-reference", c, f"'{_short(' '.join(ref.raw.split()))}' "
                           "points back to no earlier citation in this series")
            continue
        if not (ref.authors or ref.title):
            text = " ".join(ref.raw.split())
            shown = text if len(text) <= 60 else text[:57] + "…"
            yield _finding("unparsed-reference", c,
                           f"no author or title could be identified in '{shown}'")
            continue
        what = " or ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1
                           else missing)
        found = ref.title or ref.authors[0]
        yield _finding("unparsed-reference", c,
                       f"no {what} could be identified for '{_short(found)}'")


#: Types of work an outlet publishes unsigned: news items, magazine pieces, web pages.
_UNSIGNED = frozenset({"article-newspaper", "article-magazine", "webpage"})


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"


# --- date-mismatch ----------------------------------------------------------------------------

def url_date(url: str) -> tuple[_dt.date, str] | None:
    """A publication day written in a URL, with the text it was read from (see
    :func:`url_dates`; a URL that gives only a month gives no day)."""
    found = url_dates(url)
    if found is None or found.day is None:
        return None
    return found.date, found.text


@functools.lru_cache(maxsize=4096)
def url_dates(url: str) -> UrlDate | None:
    """The publication date a URL gives, to the day or to the month.

    Read in the path: ``/2023/12/05/``, ``/2023/dec/05/`` and ``/05/dec/2023/`` (English
    month names, as The Guardian writes them), ``2023-12-05`` or ``2023_12_05`` in a slug,
    ``/20231205/`` or ``-20231205-`` (eight digits alone, a year from 1990), and a month only
    as ``/2023/12/`` (unless under an upload folder, ``/wp-content/uploads/2023/12/``); in
    the query, a date parameter (``?date=2023-12-05``). A day takes precedence over a month.
    Never a year alone (``/2023/``), a date the calendar does not have, a year after next
    year, a date inside a longer number (``/1234567890/``) or a dotted version
    (``1.2023.12.05``), nor a date in other query parameters (``?q=…``).
    """
    if _FOUR_DIGITS.search(url) is None:
        return None
    path, query = _path_and_query(url)
    latest = _dt.date.today().year + 1
    for pattern in (*_URL_DAYS, _URL_PACKED_DAY):
        first = _FIRST_PACKED_YEAR if pattern is _URL_PACKED_DAY else 0
        for m in pattern.finditer(path):
            found = _url_day(m, first, latest)
            if found is not None:
                return found
    if query:
        found = _query_day(query, latest)
        if found is not None:
            return found
    for m in _URL_MONTH.finditer(path):
        year, month = int(m["y"]), int(m["m"])
        if 1 <= month <= 12 and year <= latest and \
                not path[:m.start()].lower().endswith(_UPLOAD_FOLDERS):
            return UrlDate(year, month, None, m.group().strip("/"))
    return None


def _url_day(m: re.Match[str], first: int, latest: int) -> UrlDate | None:
    """The day a match of a day pattern gives, if the calendar has it and its year is from
    ``first`` to ``latest``."""
    groups = m.groupdict()
    year, day = int(groups["y"]), int(groups["d"])
    mon = groups.get("mon")
    month = ENGLISH_MONTH_NUMBERS[mon[:3].lower()] if mon else int(groups["m"])
    if not first <= year <= latest or calendar_day(year, month, day) is None:
        return None
    return UrlDate(year, month, day, m.group().strip("/"))


def _query_day(query: str, latest: int) -> UrlDate | None:
    """The day a date parameter of a query gives (``date=2023-12-05``, ``pubdate=20231205``)."""
    from urllib.parse import parse_qsl

    for key, value in parse_qsl(query, keep_blank_values=False):
        if key.casefold() not in _DATE_PARAMETERS:
            continue
        m = _QUERY_DAY.fullmatch(value.strip())
        if m is None:
            continue
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if year > latest or (not m["sep"] and year < _FIRST_PACKED_YEAR) or \
                calendar_day(year, month, day) is None:
            continue
        return UrlDate(year, month, day, f"{key}={value.strip()}")
    return None


@emits("date-mismatch")
def _date_mismatches(cited: Iterable[_Cited]) -> Iterator[Finding]:
    """A finding for each source whose day disagrees with the date its first dated URL
    gives (:func:`url_dates`)."""
    for c in cited:
        ref = c.reference
        if not (ref.urls and ref.date) or len(ref.date) != 10 or not _DAY.fullmatch(ref.date):
            continue  # no URL, or no day to compare
        try:
            given = _dt.date.fromisoformat(ref.date)
        except ValueError:  # a day the month does not have (2023-02-30): nothing to compare
            continue
        for url in ref.urls:
            found = url_dates(url)
            if found is None or (found.year, found.month, found.day or given.day) == (
                    given.year, given.month, given.day):
                continue  # no date in the URL, or the same day (or month, all it gives)
            cited_as = long_date(given.year, given.month, given.day)
            said = long_date(found.year, found.month, found.day)
            yield _finding(
                "date-mismatch", c,
                f"the note dates the source {cited_as}, but its URL says {said} ({found.text})",
                suggestion=f"check the date; the URL suggests {said}")
            break


@emits("date-mismatch")
def page_date_mismatch(note: Note, url: Url, ref: Reference, published: str | None
                       ) -> Iterator[Finding]:
    """A finding when the page at ``url`` says it was ``published`` on another date than the
    one ``ref`` (the reference of ``note`` citing it) gives.

    The links family calls this with what checking the URL online found, so that both dates a
    note is compared with, its URL's and its page's, are judged here.
    """
    if not (ref.date and published):
        return
    from ..links.match import dates_match  # only an audit that checks links needs it

    if not dates_match(ref.date, published):
        yield rule("date-mismatch").finding(
            f"the note dates the source {ref.date}, but the page says it was published "
            f"{published[:10]}", url.line, url.column,
            suggestion=f"check the date; the page says {published[:10]}",
            series=note.series, number=note.number)


# --- publisher-mismatch -----------------------------------------------------------------------

def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", text.casefold()))


def name_matches_host(name: str, host: str) -> bool:
    """Whether an outlet's name plausibly is the site ``host`` (``Novaya Gazeta`` and
    ``novayagazeta.eu``, ``ZOiS`` initials, ``EurAsia Daily`` and ``eadaily.com``)."""
    from rapidfuzz import fuzz

    labels = site_labels(host)
    words = [w for w in re.findall(r"[a-z0-9]+", name.casefold()) if w != "the"]
    if not labels or not words:
        return False
    whole = "".join(words)
    parts = [p.lower() for p in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)
             if p.lower() != "the"]  # camel case counts: "EurAsia" gives "e", "a"
    initials = "".join(p[0] for p in parts if p not in ("of", "for", "and", "und", "fur"))
    short = "".join(p[0] for p in parts[:-1]) + parts[-1] if parts else whole
    for label in labels:
        flat = label.replace("-", "")
        if len(flat) < 2:
            continue
        if flat in (whole, initials, short) or (len(flat) >= 4 and (flat in whole or
                                                                    whole in flat)):
            return True
        if len(initials) >= 2 and flat.startswith(initials):
            return True
        if fuzz.ratio(flat, whole) >= 85:
            return True
    return False


def _named_outlet(ref: Reference) -> str | None:
    """The outlet a reference names: its container, or an organisation as author."""
    if ref.container:
        return ref.container
    if len(ref.authors) == 1 and "," not in ref.authors[0]:
        return ref.authors[0]
    return None


@emits("publisher-mismatch")
def _publisher_mismatches(cited: Iterable[_Cited]) -> Iterator[Finding]:
    """A finding for each source naming a known outlet whose URL is on another outlet's site."""
    for c in cited:
        ref = c.reference
        name = _named_outlet(ref)
        outlet = outlet_named(name) if name else None
        if outlet is None or outlet.kind == "agency":
            continue  # unknown outlet, or wire copy that any site may carry
        for url in ref.urls:
            host = _host(url)
            site = _site(host) if host else None
            if site is None or site is outlet:
                continue
            if outlet.family and outlet.family == site.family:
                if _folded(outlet.name) == outlet.family:
                    continue  # the brand ("Forbes") covers each of its editions
            elif any(not site_labels(d) and host.endswith("." + d.removeprefix("www."))
                     for d in outlet.domains):
                continue  # a government's portal (www.gov.uk) covers the sites under it
            elif any(d.removeprefix("www.").endswith("." + p.removeprefix("www."))
                     for d in outlet.domains for p in site.domains):
                continue  # the portal the outlet's own site is under (europa.eu holds
                # the Commission's press releases, ec.europa.eu its site)
            elif name_matches_host(name, host) or any(
                    name_matches_host(a, host) for a in (outlet.name, *outlet.aliases)):
                continue  # the table may be wrong; the name fits the site
            yield _finding("publisher-mismatch", c, _publisher_message(name, outlet, site, host),
                           suggestion=site.name)
            break


def _site(host: str) -> Outlet | None:
    """The known outlet whose site ``host`` is, unless the host carries other people's work
    (:data:`NEUTRAL_HOSTS`). Not cached: the outlet table changes with a configuration's
    outlets (:func:`footcheck.references.extra_outlets`)."""
    return None if NEUTRAL_HOSTS.search(host) else outlet_of_host(host)


def _folded(text: str) -> str:
    """``text`` as lower-case ASCII letters and digits, for telling whether two spellings are
    one name: case, spaces, punctuation and accents do not count (``Müller`` and ``Muller``,
    ``Lefèvre`` and ``Lefevre``, ``Łukasz`` and ``Lukasz``), and Cyrillic is written in Latin
    letters (``Шевченко`` and ``Shevchenko``): :func:`footcheck.translit.fold_letters`,
    the fold outlet names are matched with, without what is not a Latin letter or a digit."""
    return re.sub(r"[^a-z0-9]", "", fold_letters(text))


def _publisher_message(name: str, outlet: Outlet, site: Outlet, host: str) -> str:
    domain = host[4:] if host.startswith("www.") else host
    if outlet.family and outlet.family == site.family:
        return (f"the note names {name}, but the URL is on {domain}, the site of {site.name}, "
                "a separate edition; name the edition that published it")
    return f"the note names {name} as the outlet, but the URL is on {domain} ({site.name})"


# --- variant-citation -------------------------------------------------------------------------

def _form(field: str, ref: Reference) -> str | None:
    """A comparable form of one field: case, quotes, punctuation and how the text is encoded
    (``ü`` as one character or as ``u`` and a combining diaeresis, ligatures, full-width
    letters) do not count.

    A spelling does count: in citations of one work (one URL), a name written with and
    without its accents (``Müller`` and ``Muller``) or in another script (``Шевченко`` and
    ``Shevchenko``) is the author's name spelled two ways (:func:`_folded` gives both one
    form), which variant-citation reports, suggesting the majority spelling.
    """
    if field == "authors":
        value = " ; ".join(ref.authors)
    elif field == "title":
        value = ref.title or ""
        if reads_as_prose(value):
            return None  # a sentence read as a title gives the work no other title
    else:
        return ref.date
    return _plain(value) or None


def _plain(text: str) -> str:
    """``text`` in the form :func:`_form` gives a field's value: NFKC, case folded, without
    quotes, its other punctuation a space."""
    if not text.isascii():
        import unicodedata

        text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\"“”«»'`*’‘]", "", text.casefold())
    return " ".join(re.sub(r"[^\w;]+", " ", text).split())


def _read_apart(field: str, form: str, other: str, note: Note, other_note: Note) -> bool:
    """Whether two citations of one work whose ``field`` reads ``form`` (in ``note``) and
    ``other`` (in ``other_note``), as :func:`_form` gives them, differ only in how they were
    read: each note names what the other's reading took for the title (a title read from an
    editor's line), or for the first author, when the first words differ (a review's
    "Review of" read as its author; ``Poghosyan, Benjamin`` and ``Poghosyan, Benyamin``
    differ in the notes themselves)."""
    if field == "authors":
        first, other_first = form.split(" ", 1)[0], other.split(" ", 1)[0]
        if first == other_first:
            return False
        form, other = first, other_first
        if len(form) < 3 or len(other) < 3:
            return False
    return f" {form} " in f" {_plain(_ADDRESS.sub(' ', other_note.text))} " or \
        f" {other} " in f" {_plain(_ADDRESS.sub(' ', note.text))} "


_ADDRESS = re.compile(r"\b[a-z][\w+.-]*://[^\s)>\]]*")  # (an address names nothing a note says)


def _shown(field: str, ref: Reference) -> str:
    if field == "authors":
        return "; ".join(ref.authors)
    if field == "title":
        return ref.title or ""
    return ref.date or ""


def _dates_agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _hub(titles: Counter[str]) -> bool:
    """Whether the URL the citations of these ``titles`` (their forms, counted) share is a
    page of links, not a work: three titles or more, none given by half of them (a book's
    "links" page, "lien nº 17", that every note cites; a publisher's home page)."""
    return len(titles) >= 3 and max(titles.values()) * 2 < sum(titles.values())


@emits("variant-citation")
def _variants(cited: Sequence[_Cited]) -> Iterator[Finding]:
    """A finding for each citation of a work (one URL) whose author, title or date differs
    from the form most citations of it give."""
    by_url: dict[str, list[_Cited]] = {}
    for c in cited:
        urls = c.reference.urls
        # Two anchors of one page (#os.fsencode, #os.fsdecode) are two parts cited apart.
        works = dict.fromkeys(normalise_url(u) + "#" + anchor(u) for u in urls)
        for url in works:
            by_url.setdefault(url, []).append(c)
    reported: set[tuple[int, str]] = set()
    for group in by_url.values():
        if len(group) < 2 or len({id(c.note) for c in group}) < 2:
            continue  # one work cited in one note
        fields = {field: [(c, f) for c in group if (f := _form(field, c.reference))]
                  for field in ("authors", "title", "date")}
        if _hub(Counter(f for _, f in fields["title"])):
            continue
        for field, label in (("authors", "author"), ("title", "title"), ("date", "date")):
            forms = fields[field]
            counts = Counter(f for _, f in forms)
            if len(counts) < 2:
                continue
            best = max(counts.values())
            majority = next(f for _, f in forms if counts[f] == best)
            model = next(c for c, f in forms if f == majority)
            for c, f in forms:
                if f == majority or c.note is model.note:
                    continue
                if field == "date" and _dates_agree(f, majority):
                    continue
                if field != "date" and _read_apart(field, f, majority, c.note, model.note):
                    continue  # the other note names it too: the parses differ, not the notes
                if (id(c.source), field) in reported:
                    continue
                reported.add((id(c.source), field))
                yield _finding(
                    "variant-citation", c,
                    f"note {_name(model.note)} cites the same work with another {label}: "
                    f"'{_shown(field, c.reference)}' here, '{_shown(field, model.reference)}' "
                    f"there",
                    suggestion=_shown(field, model.reference))
