"""Read the sources cited in a note into :class:`~footcheck.model.Reference` fields.

The trained labeller (:mod:`footcheck.citations`, a CRF as in AnyStyle, GROBID and ParsCit)
labels the tokens of the note and cuts it into sources at the ``;`` between citations; each
source is labelled again on its own, so that it reads the same in every note that cites it.
Its fields (names, ISO dates, containers, volume/issue/pages, URLs, DOI, access date, place
and publisher) become a :class:`Source`; rules then add what the order of the parts and the
curated tables tell:

* a document an organisation issued, cited by its issuer, its kind and its date rather than
  a title (``Central Bank press release, 15 January 2024``; see
  :func:`cited_without_title`), and an act cited by its kind and number (``Government Decree
  No. 45 (2023). On temporary rent controls.``), which needs no author;
* the type: from the genre (a personal communication, a manuscript, a report, a video), the
  URLs (a PDF is a report), the outlet the table knows (a newspaper, a magazine; a think
  tank's page is a web page), else the labeller's guess;
* a report without another date takes the year that ends its title (``Remote Work Survey
  2023``);
* an explanatory note that cites nothing (:func:`is_explanatory`: sentences of prose with
  no quote, emphasis, colon, bracketed number or address, or an editor's formula such as
  ``Emphasis added.``; :func:`is_commentary`: a long first sentence, no link, no author
  opening it; or a short sentence of prose the labeller read nothing in) has no sources;
  a shorter note with nothing to read (``get source here``) is one source with only a
  ``note``, so that the checks say so.

The outlets section holds the curated table of news outlets, wires, think tanks,
international organisations, government domains and publishers (:data:`OUTLETS`, read from
``outlets.tsv``); outlet names are compared as :func:`footcheck.translit.fold_letters` folds
them.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from .dates import MONTH_NUMBERS, YEAR
from .model import Reference
from .translit import fold_letters
from .urls import find_urls

__all__ = ["OUTLETS", "Outlet", "Source", "cited_without_title", "extra_outlets", "fold_letters",
           "is_commentary", "is_explanatory", "listed", "name_years", "names_only", "outlet_named",
           "outlet_of_host", "parse", "parse_sources"]

# --- types ------------------------------------------------------------------------------------

ARTICLE_NEWSPAPER = "article-newspaper"
ARTICLE_MAGAZINE = "article-magazine"
ARTICLE_JOURNAL = "article-journal"
REPORT = "report"
BOOK = "book"
CHAPTER = "chapter"
PAPER_CONFERENCE = "paper-conference"
VIDEO = "motion_picture"
LEGISLATION = "legislation"
LEGAL_CASE = "legal_case"
BROADCAST = "broadcast"
PERSONAL_COMMUNICATION = "personal_communication"
MANUSCRIPT = "manuscript"
WEBPAGE = "webpage"
MISC = "misc"

#: The types :func:`parse` assigns; all but ``misc`` are types of the CSL 1.0.2 schema.
TYPES = (ARTICLE_NEWSPAPER, ARTICLE_MAGAZINE, ARTICLE_JOURNAL, REPORT, BOOK, CHAPTER,
         PAPER_CONFERENCE, VIDEO, BROADCAST, LEGISLATION, LEGAL_CASE, PERSONAL_COMMUNICATION,
         MANUSCRIPT, WEBPAGE, MISC)


@dataclass(frozen=True)
class Source:
    """One source of a note: its reference and what did not fit a reference field.

    ``start`` and ``end`` are character offsets of the source in the note's text; ``note``
    holds text that fits no field (a comment, figures, an explanation before the citation);
    ``genre`` is a description such as ``draft manuscript`` or ``Personal Communication``
    (also the reference's ``genre`` when it names the kind of document an organisation
    issued, cited without a title: ``press release``); ``place`` is the place of publication
    of an imprint (``Bishkek`` of ``Bishkek: Institute of Labour Studies``).
    """

    reference: Reference
    start: int = 0
    end: int = 0
    note: str | None = None
    genre: str | None = None
    place: str | None = None

    @property
    def missing(self) -> tuple[str, ...]:
        """Names of the main fields that could not be identified: author, title, date."""
        ref = self.reference
        out = []
        if not ref.authors and ref.type not in (LEGISLATION, LEGAL_CASE) and not (
                ref.type == PERSONAL_COMMUNICATION and _INTERVIEW.search(ref.raw)):
            out.append("author")  # a law or a judgment is cited by its name and number,
            # the author's interview by whom it was with, who may not be named
        if not ref.title:
            out.append("title")
        if not ref.date and ref.year is None:
            out.append("date")
        return tuple(out)

    @property
    def only_url(self) -> bool:
        """Whether the source is nothing but one or more URLs."""
        ref = self.reference
        return bool(ref.urls) and not (ref.authors or ref.title or ref.container or ref.date
                                       or ref.year or self.note)


# --- character classes ------------------------------------------------------------------------

QUOTES = "'\"‘’“”‚„«»"


_YEAR_PAREN = re.compile(r"\(\s*(?P<y>(?:1[6-9]|20)\d\d)[a-z]?\s*\)|\(n\.\s?d\.\)")
# Words that introduce a URL: "Available at:", "Accessed via", "Online:", "URL:", "See".
_LABEL_VERBS = ("available", "accessed", "retrieved", "archived")
_LABEL_LINKS = ("at", "from", "on", "via")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s<>\"]+)")
_GENRES = (
    (re.compile(r"personal\s+communications?", re.I), PERSONAL_COMMUNICATION),
    (re.compile(r"(?:e-?mail|interview)\s+(?:with|to)\s+(?:the\s+)?author", re.I),
     PERSONAL_COMMUNICATION),
    (re.compile(r"(?:unpublished\s+|draft\s+)*(?:manuscript|draft\s+paper|unpublished\s+"
                r"(?:paper|draft))", re.I), MANUSCRIPT),
    (re.compile(r"(?:working|discussion|policy)\s+paper|policy\s+brief|report", re.I), REPORT),
    (re.compile(r"video|documentary|film", re.I), VIDEO),
    (re.compile(r"podcast|broadcast", re.I), BROADCAST),
)
# ``*text*``: no white space inside either asterisk. (The text runs to the first asterisk, so
# its last character is matched directly rather than by a lookbehind after each character.)
_ITALIC = re.compile(r"\*(?=\S)[^*]*[^*\s]\*")


# --- splitting a note into sources -------------------------------------------------------------


def _italic_spans(text: str) -> list[tuple[int, int]]:
    if "*" not in text:
        return []
    return [m.span() for m in _ITALIC.finditer(text)]


def _inside(spans: Iterable[tuple[int, int]], i: int) -> bool:
    return any(s <= i < e for s, e in spans)


# --- authors ----------------------------------------------------------------------------------

_WORD_DOTS = re.compile(r"[\w.\-]+")
_SEMI_AMP = re.compile(r";|&")


def _squeeze(text: str) -> str:
    """``_SPACES.sub(" ", text)``: every run of white space made one space."""
    # Every white space character but the space is unprintable: text that is printable and
    # has no two spaces together is already squeezed.
    if "  " not in text and text.isprintable():
        return text
    words = text.split()
    if not words:
        return " " if text else ""
    out = " ".join(words)
    if text[0].isspace():
        out = " " + out
    if text[-1].isspace():
        out += " "
    return out


@functools.lru_cache(maxsize=4096)
def _is_author_lead(lead: str) -> bool:
    """Whether text before the first full stop can be an author lead, not a sentence."""
    text = _strip_italics(lead).strip()
    if not text or text[-1] == "?":
        return False
    words = len(text.split())
    if ";" in text or "&" in text:
        names_fit = words <= 12 and all(len(p.split()) <= 6 for p in _SEMI_AMP.split(text)
                                        if p.strip())
    else:
        names_fit = words <= 6  # one name: the whole text
    # The dearest test last: text with a date is no lead, unless it is a single word.
    if not names_fit or _WORD_DOTS.fullmatch(text) is not None:
        return names_fit
    from .citations.normalise import parse_date

    return parse_date(text) == (None, None, None)


# --- titles and the rest ----------------------------------------------------------------------

_FULL_STOP = re.compile(r"\.(?=\s|$)")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z]|[A-Z][a-z]?\.[A-Z]|No|Vol|pp?|St|Dr|Mr|Ms|Mrs|vs|ed"
                           r"|eds|cf|al|Jr|Inc|Ltd|Co|U\.S|U\.K)$")
_JOURNAL = re.compile(r"\bjournal\b|\breview\b|\bquarterly\b")
_VIDEO_URL = re.compile(r"youtube\.com|youtu\.be|vimeo\.com|/videos?/", re.I)
#: The edition ending a report's title: ``Survey 2023``, ``Outlook, October 2023``.
_TITLE_DATE = re.compile(r"(?:(?<=[\s,])(?P<month>[^\W\d_]+)\.?\s+|\s)"
                         r"(?P<year>(?:1[6-9]|20)\d\d)$")
#: The kinds of document an organisation issues and is cited by, with a date, without a
#: title (as the whole genre: ``press release``, ``Press Statement``, ``annual report``).
_ISSUED = (r"(?:(?:press|news|media)\s+releases?|(?:(?:press|public|official|joint)\s+)?"
           r"statements?|(?:annual\s+)?reports?|communiqu[eé]s?|announcements?)")
_ISSUED_GENRE = re.compile(_ISSUED, re.IGNORECASE)
_ORG_WORD = r"[A-Z][\w'’&\-]*"
_GENRE_QUALIFIERS = frozenset(["press", "news", "media", "public", "official", "joint",
                               "annual"])
_NOT_ORG = frozenset(["the", "a", "an", "this", "that", "these", "our", "its", "their", "see",
                      "cf"])


def _strip_italics(text: str) -> str:
    if "*" not in text:
        return text
    return _ITALIC.sub(lambda m: m.group()[1:-1], text)


def _sentence_end(text: str, start: int = 0) -> int:
    """Index of the first full stop ending a sentence (not an initial, not in italics)."""
    if text.find(".", start) == -1:
        return -1  # (the cheap test: no full stop at all)
    italics = _italic_spans(text)
    for m in _FULL_STOP.finditer(text, start):
        i = m.start()
        if italics and _inside(italics, i):
            continue
        # (the end of text[:i] only: an abbreviation match spans at most seven characters)
        if _ABBREVIATION.search(text, max(0, i - 8), i):
            continue
        return i
    return -1


def _url_type(url: str) -> str | None:
    """The type a URL tells: ``video`` on a video site or a video page, ``report`` for a
    PDF file (its path, before any query, ends with ``.pdf``), else None."""
    low = url.lower()
    if url.isascii():
        video = "youtube.com" in low or "youtu.be" in low or "vimeo.com" in low or \
            "/video/" in low or "/videos/" in low
    else:  # (case folding beyond ASCII: let the pattern decide)
        video = _VIDEO_URL.search(url) is not None
    if video:
        return VIDEO
    return REPORT if ".pdf" in low and low.split("?")[0].endswith(".pdf") else None


def _issuer(org: str, genre: str) -> tuple[str | None, str]:
    """The organisation and the genre of an ``_ORG_GENRE`` lead, or (None, genre) when the
    words before the genre name no organisation (``The annual report``, a date)."""
    words = org.split()
    # "Ministry of Foreign Affairs Press Statement": a capitalised genre takes its qualifier.
    if len(words) > 1 and genre[:1].isupper() and words[-1].lower() in _GENRE_QUALIFIERS:
        genre = f"{words.pop()} {genre}"
    if all(w.lower() in _NOT_ORG for w in words):
        return None, genre
    org = " ".join(words)
    return (org if _is_author_lead(org) else None), _squeeze(genre)


def cited_without_title(reference: Reference) -> bool:
    """Whether a reference is of a kind cited without a title, so that none is missing.

    That is a personal communication, or a document an organisation issued named by its
    kind (``Central Bank press release, 15 January 2024``): one organisation as author and a
    ``genre`` that is a press release, statement, report, communiqué or announcement; or an
    act cited by its kind and number (``Law of Georgia No. 2873-XVIth, 30 May 2023``).
    """
    if reference.type == PERSONAL_COMMUNICATION or (
            reference.type == LEGISLATION and reference.genre):
        return True
    return bool(reference.genre) and len(reference.authors) == 1 and \
        "," not in reference.authors[0] and _ISSUED_GENRE.fullmatch(reference.genre) is not None


def names_only(reference: Reference) -> bool:
    """Whether a reference is an author (a person or an organisation) and a year and nothing
    to find the work by (``World Bank (2021).``, ``Smith (2023), p. 4.``), pointing back to no
    citation in full: read so by the labeller (no title, outlet, publisher, kind of document,
    address or identifier) and written so (:data:`_NAME_YEAR`), so that a title the labeller
    took for a second author (``World Bank, World Development Report, 2021``) is no case."""
    ref = reference
    return bool(ref.authors) and ref.year is not None and not (
        ref.title or ref.container or ref.publisher or ref.genre or ref.urls or ref.doi
        or ref.refers_back or ref.type in (PERSONAL_COMMUNICATION, LEGISLATION, LEGAL_CASE)
    ) and _NAME_YEAR.fullmatch(ref.raw) is not None


def name_years(text: str, skip: Sequence[tuple[int, int]] = ()) -> frozenset[tuple[str, int]]:
    """Each (word, year) of ``text`` (the document's) where the word stands on the year's line
    at most 120 characters before it, outside the sorted spans ``skip`` (its notes): what a
    reference list names (``King, Michael (2003). The Penguin History of New Zealand``), for
    :func:`listed`. One pass over the text."""
    out: set[tuple[str, int]] = set()
    starts = [s for s, _ in skip]
    for m in YEAR.finditer(text):
        at = m.start()
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and at < skip[i][1]:
            continue
        line = text.rfind("\n", max(0, at - 120), at) + 1
        year = int(m.group())
        out.update((word, year) for word in _WORD_RE.findall(text, max(line, at - 120), at))
    return frozenset(out)


def listed(reference: Reference, names: frozenset[tuple[str, int]]) -> bool:
    """Whether the first author of a name-and-year ``reference`` (``King 2003, p. 41``) stands
    before its year somewhere in the document's ``names`` (:func:`name_years`): the entry of a
    reference list that the short citation points to."""
    if not reference.authors or reference.year is None:
        return False
    family = reference.authors[0].split(",")[0].split()
    return bool(family) and (family[0], reference.year) in names


_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_CAPITALISED = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*"
#: A name and a year, and pages at most: ``World Bank (2021).``, ``OECD, 2019.``, ``See Smith
#: and Jones 2019a: 12``, ``Smith, J. (2020), p. 4``, ``Smith et al. 2021``.
_NAME_YEAR = re.compile(
    rf"\s*(?:(?i:see(?:\s+also)?|cf\.)\s+)?{_CAPITALISED}"
    rf"(?:\s+(?:of|the|for|and|&|on|de|du|des|la|le|van|von|der|{_CAPITALISED})){{0,7}}"
    r"(?:,\s+(?:[A-Z]\.\s?)+)?(?:\s+et\s+al\.?)?,?\s+\(?(?:1[5-9]|20)\d\d[a-z]?\)?"
    r"(?:\s*[,:]\s*(?:pp?\.\s*)?\d[\d\s,–-]*)?[\s.]*")


def is_commentary(text: str) -> bool:
    """Whether a note is discursive prose that cites nothing (an explanatory footnote).

    Such a note has no URL, DOI or parenthesised year and opens with a long sentence
    (twelve words or more), where a citation opens with an author, an outlet or a title.
    """
    text = text.strip()
    # The cheapest tests first: a citation usually fails one of them.
    if not text or text[0] in QUOTES or _YEAR_PAREN.search(text) or _DOI.search(text) or \
            len(text.split()) < 12:
        return False
    end = _sentence_end(text)
    first = text if end == -1 else text[:end]
    return len(first.split()) >= 12 and not find_urls(text)


#: The editors' formulas a note may be made of: ``Emphasis added.``, ``Translation mine.``
_EDITORIAL = re.compile(
    r"(?:(?:my|author[’']s|our)\s+)?(?:emphasis|italics|translation|transliteration)"
    r"(?:\s+(?:added|mine|ours|in\s+(?:the\s+)?original|by\s+the\s+authors?|supplied))?"
    r"|(?:emphasis|italics)\s+(?:added|mine|in\s+(?:the\s+)?original)",
    re.IGNORECASE)
#: Words that make a sentence a clause (a verb, a pronoun): titles seldom hold them in a
#: citation that has no quotes, emphasis, colon or year in brackets.
_CLAUSE_WORDS = frozenset(re.findall(r"\S+", """
is are was were be been being has have had does did do not will would can could may might
must should he she they we it his her their our its this these those who which
est sont était étaient ist sind war waren wurde wurden es son fue fueron está
является являются был была было были это не он она они мы
"""))
_PROSE_BREAKS = re.compile(r"https?://|www\.|\([^()]*\d[^()]*\)|[:*_\[\]<>\"‘“”‚„«»]"
                           r"|(?:^|\s)['’]")  # (an apostrophe is no quote: ``Georgia's``)
_WORD_SPLIT = re.compile(r"[\s,;]+")
#: A word or two quoted in a sentence, after a word in small letters: ``here "migrants"
#: means …`` (a title in quotes opens the note, or closes on its punctuation: ``"Title,"``).
_SCARE_QUOTES = re.compile(r"(?:(?<=[a-z] )|(?<=[a-z], ))[\"“‘'][^\W\d_][\w’' -]{0,30}"
                           r"(?<![ ,.])[\"”’'](?=[\s;])")
_POINTS_TO = re.compile(r"(?:see|cf\.|compare|for\s+(?:more|details|a\s))\b", re.IGNORECASE)


def reads_as_prose(title: str) -> bool:
    """Whether a title the labeller read is a sentence of prose, not a work's title: twelve
    words or more, most after the first in small letters, one a clause word (``These users
    include employees, contractors, and enterprise users, as described in …``)."""
    words = [w for w in _WORD_SPLIT.split(title) if w]
    rest = [w for w in words[1:] if w[0].isalpha()]
    return len(words) >= 12 and sum(w[0].islower() for w in rest) * 2 > len(rest) and any(
        w.lower() in _CLAUSE_WORDS for w in words)


def is_explanatory(text: str) -> bool:
    """Whether a note is an explanation that cites nothing, written as sentences: an
    author's biography, thanks, a word on method (``All figures are in current US dollars.
    Conversions use the annual average rate.``), or an editor's formula (``Emphasis
    added.``, ``Translation by the author.``).

    Every sentence has three words or more, a third of them after the first in small letters and
    half in the whole note (numbers aside), and one sentence is a clause (``is``, ``were``,
    ``they``…); the note has no address, no quote (but a word or two quoted mid-sentence),
    emphasis, colon or bracket, no bracketed number, and does not open by pointing to a work
    (``See``, ``Cf.``); a single sentence also has at most one comma and no month after one. A
    citation fails one of these: it opens with names, quotes or italicises its title, dates
    itself.
    """
    text = text.strip()
    if _EDITORIAL.fullmatch(text.rstrip(".")):
        return True
    if not text or text[-1] not in ".!?" or _PROSE_BREAKS.search(_SCARE_QUOTES.sub("", text)) \
            or _DOI.search(text) or _POINTS_TO.match(text):
        return False
    sentences = []
    start = 0
    while start < len(text):
        end = _sentence_end(text, start)
        end = len(text) if end == -1 else end + 1
        if (sentence := text[start:end].strip(" .!?")):
            sentences.append(sentence)
        start = end
    clause = False
    small = others = 0
    for sentence in sentences:
        words = [w for w in _WORD_SPLIT.split(sentence) if w]
        rest = [w for w in words[1:] if not w[0].isdigit()]
        lower = sum(w[0].islower() for w in rest)
        if len(words) < 3 or lower < 0.3 * len(rest):
            return False
        small += lower
        others += len(rest)
        clause = clause or any(w.lower() in _CLAUSE_WORDS for w in words)
    if small < 0.5 * others:
        return False
    if len(sentences) == 1 and (sentences[0].count(",") > 1 or _dated(sentences[0])):
        return False
    return clause


def _dated(sentence: str) -> bool:
    """Whether a sentence is dated as a citation is, a month after a comma (``…, 15 March
    2023``, ``…, March 15``), not as prose dates (``the elections of October 2024``)."""
    words = sentence.split()
    for i, word in enumerate(words):
        if i and word.lower().rstrip(".,") in MONTH_NUMBERS:
            before = words[i - 1]
            if before.isdigit() and i > 1:
                before = words[i - 2]
            if before.endswith(","):
                return True
    return False


def _remark(text: str) -> bool:
    """Whether a short note that the labeller read nothing in is one sentence of prose
    (``The 2014 census counted dwellings but not their use.``): six to eleven words, most of
    them after the first in small letters, closed by a full stop, with nothing a citation
    has (a quote, emphasis, a link, a parenthesised year, a colon). A shorter note (``get
    source here``) stays a source with nothing read, for the checks to report."""
    words = text.split()
    if not 6 <= len(words) < 12 or not text[0].isupper() or text[-1] not in ".!?" or \
            any(c in text for c in QUOTES + "*_:[]<>") or _YEAR_PAREN.search(text) or \
            find_urls(text) or _sentence_end(text) not in (-1, len(text) - 1):
        return False
    small = sum(word[0].islower() for word in words[1:])
    return small >= 0.6 * (len(words) - 1)


# --- outlets ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Outlet:
    """A publication known by name and by the domains its URLs use.

    ``kind`` is ``newspaper``, ``magazine``, ``agency`` (a wire service whose stories other
    sites republish), ``broadcaster``, ``site``, ``institute``, ``university``, ``government``,
    ``international`` (an intergovernmental organisation) or ``publisher`` (academic
    publishers and journal platforms). Outlets of one ``family`` (editions of one brand,
    services of one broadcaster) may publish each other's work.
    """

    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    kind: str = "newspaper"
    family: str | None = None


#: The data file of the table (tab-separated; its header says how to edit it).
OUTLETS_FILE = "outlets.tsv"

#: The curated table of outlets (unknown outlets are never judged), read from
#: :data:`OUTLETS_FILE` on first use (by the module's ``__getattr__``): importing this module
#: reads no file. (Declared here, never assigned.)
OUTLETS: tuple[Outlet, ...]


def __getattr__(name: str) -> tuple[Outlet, ...]:
    if name == "OUTLETS":
        return _outlets()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Outlets a house style adds to the table (``[outlets]`` of a configuration file), first.
_extra: tuple[Outlet, ...] = ()


@functools.cache
def _outlets() -> tuple[Outlet, ...]:
    """The table: the outlets of :func:`extra_outlets`, then those of :data:`OUTLETS_FILE`."""
    return (*_extra, *_file_outlets()) if _extra else _file_outlets()


@functools.cache
def _file_outlets() -> tuple[Outlet, ...]:
    """The outlets of :data:`OUTLETS_FILE`, read once: the same objects before, during and
    after a block of :func:`extra_outlets`."""
    from importlib.resources import files

    return read_outlets(files(__package__).joinpath(OUTLETS_FILE).read_text(encoding="utf-8"))


@contextmanager
def extra_outlets(pairs: Iterable[tuple[str, Iterable[str]]]) -> Iterator[None]:
    """Within the block, the outlet table also knows ``pairs`` (name, its sites), before its
    own entries: a house style's outlets for publisher-mismatch (FC403)."""
    global _extra
    added = tuple(Outlet(name, tuple(d.lower() for d in domains), kind="site")
                  for name, domains in pairs)
    if not added:
        yield
        return
    previous, _extra = _extra, added
    _clear_outlet_caches()
    try:
        yield
    finally:
        _extra = previous
        _clear_outlet_caches()


def _clear_outlet_caches() -> None:
    """Forget what was worked out from the outlet table, readings of notes included (a
    source's type comes from the outlet it names)."""
    for cached in (_outlets, _outlet_names, _outlet_acronyms, _fuzzy_names, _outlet_domains,
                   outlet_named, _crf_sources):
        cached.cache_clear()


def read_outlets(text: str) -> tuple[Outlet, ...]:
    """The outlets of a table in the format of :data:`OUTLETS_FILE`: one a line, ``name``,
    ``kind``, ``family``, ``domains`` (space-separated) and ``aliases`` (``|``-separated)
    separated by tabs; ``#`` comments and blank lines are skipped, empty trailing cells may be
    left out."""
    outlets = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not 2 <= len(cells) <= 5 or not cells[0] or not cells[1]:
            raise ValueError(f"{OUTLETS_FILE}, line {number}: expected name, kind, family, "
                             f"domains and aliases separated by tabs: {line!r}")
        name, kind, family, domains, aliases = cells + [""] * (5 - len(cells))
        outlets.append(Outlet(name, tuple(domains.lower().split()),
                              tuple(a.strip() for a in aliases.split("|") if a.strip()),
                              kind, family or None))
    return tuple(outlets)


_NAME_PUNCTUATION = re.compile(r"[^\w./]+")
_LEADING_THE = re.compile(r"^the\s+")
_LEADING_THE_ANY_CASE = re.compile(r"^(?i:the)\s+")
_NOT_WORD = re.compile(r"[\W_]+")
#: Names shorter than this (after folding; for a name of one word, the second) are matched
#: exactly, never fuzzily: a typo is told from another word only in a longer name.
_FUZZY_LENGTH = (6, 8)


def _normal_name(name: str) -> str:
    """Fold an outlet name for comparison: case, italics, 'The', punctuation, diacritics,
    Cyrillic letters (written in Latin ones)."""
    name = fold_letters(_strip_italics(name)).replace("&", " and ")
    name = _NAME_PUNCTUATION.sub(" ", name).strip()
    return _LEADING_THE.sub("", name)


def _acronym(name: str) -> str | None:
    """``name`` as an acronym of two to four capitals (``AP``, ``U.N.``, ``the BBC``), which is
    matched only as written; None for other names."""
    letters = _NOT_WORD.sub("", _LEADING_THE_ANY_CASE.sub("", _strip_italics(name).strip()))
    if 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper():
        return letters
    return None


@functools.lru_cache(maxsize=4096)
def outlet_named(name: str) -> Outlet | None:
    """The known outlet called ``name``.

    An acronym of the table, two to four capitals (``AP``, ``FT``, ``DW``, ``ISW``), matches
    only as written (``Ap``, ``ft`` or ``isw`` match no acronym); a name matches exactly after
    folding (case, 'The', punctuation, accents, Cyrillic letters), else, when it is no acronym,
    by a close fuzzy match (at least 92 of 100) between names of six characters or more, or
    eight for one word (``Sciences`` is not ``Science``, ``Vedomostii`` is ``Vedomosti``), that
    differ as a typo does (:func:`_typo_of`).
    """
    acronym = _acronym(name)
    if acronym is not None and acronym in _outlet_acronyms():
        return _outlet_acronyms()[acronym]
    wanted = _normal_name(name)
    if not wanted:
        return None
    table = _outlet_names()
    if wanted in table:
        return table[wanted]
    if acronym is not None or not _fuzzy(wanted):
        return None
    from rapidfuzz import fuzz, process

    for found, _score, _index in process.extract(wanted, _fuzzy_names(), scorer=fuzz.ratio,
                                                 score_cutoff=92, limit=3):
        if _typo_of(wanted, found):
            return table[found]
    return None


def _typo_of(name: str, other: str) -> bool:
    """Whether two folded names differ as a typo does: word by word, each word that differs
    being of five letters or more and one edit (a transposition included) from the other,
    or only in spaces (``Eurasia net``). ``… of Iraq`` is no typo of ``… of Iran``, nor
    ``Asian Development Bank`` of ``Eurasian Development Bank``."""
    from rapidfuzz.distance import DamerauLevenshtein

    words, others = name.split(), other.split()
    if len(words) != len(others):
        return name.replace(" ", "") == other.replace(" ", "")
    return all(a == b or (min(len(a), len(b)) >= 5 and DamerauLevenshtein.distance(a, b) <= 1)
               for a, b in zip(words, others, strict=True))


@functools.cache
def _outlet_names() -> dict[str, Outlet]:
    """Every folded name and alias of the table that is not an acronym, mapped to its outlet
    (the first outlet of the table that has it)."""
    names: dict[str, Outlet] = {}
    for outlet in _outlets():
        for alias in (outlet.name, *outlet.aliases):
            if _acronym(alias) is None:
                names.setdefault(_normal_name(alias), outlet)
    return names


@functools.cache
def _outlet_acronyms() -> dict[str, Outlet]:
    """Every acronym of the table (:func:`_acronym`), mapped to its outlet."""
    acronyms: dict[str, Outlet] = {}
    for outlet in _outlets():
        for alias in (outlet.name, *outlet.aliases):
            acronym = _acronym(alias)
            if acronym is not None:
                acronyms.setdefault(acronym, outlet)
    return acronyms


def _fuzzy(name: str) -> bool:
    """Whether a folded name is long enough to be matched fuzzily (:data:`_FUZZY_LENGTH`)."""
    return len(name) >= _FUZZY_LENGTH[" " not in name]


@functools.cache
def _fuzzy_names() -> tuple[str, ...]:
    """The folded names of the table a name may match fuzzily."""
    return tuple(n for n in _outlet_names() if _fuzzy(n))


def outlet_of_host(host: str) -> Outlet | None:
    """The known outlet whose site ``host`` (a URL's host name) belongs to.

    The longest domain of the table that is the host or ends it after a dot wins
    (``euaa.europa.eu`` before ``europa.eu``); a site listed with ``www.`` (``www.gov.uk``,
    under a shared public suffix) is also the host without it, but never covers the suffix's
    other sites (``ons.gov.uk``).
    """
    host = host.lower().rstrip(".")
    domains = _outlet_domains()
    found = domains.get(host)
    if found is None:
        found = domains.get("www." + host)
    dot = host.find(".")
    while found is None and dot != -1:
        found = domains.get(host[dot + 1:])
        dot = host.find(".", dot + 1)
    return None if found is None else _outlets()[found]


@functools.cache
def _outlet_domains() -> dict[str, int]:
    """Every domain of the table, mapped to the index of the first outlet that has it."""
    domains: dict[str, int] = {}
    for index, outlet in enumerate(_outlets()):
        for domain in outlet.domains:
            domains.setdefault(domain, index)
    return domains


# --- reading a note: the trained labeller, then what the order of its parts tells -----------

def _name(person: dict) -> str:
    if "literal" in person:
        return person["literal"]
    given = ", ".join(filter(None, (person.get("given"), person.get("suffix"))))
    return f"{person['family']}, {given}" if given else person["family"]


_ISSUER = re.compile(rf"^(?P<org>.+?)\s+(?P<genre>(?i:{_ISSUED}))$")
_ISSUER_LEAD = re.compile(rf"^\s*(?P<org>{_ORG_WORD}(?:\s+(?:{_ORG_WORD}|of|for|and|on|the|in"
                          rf"|de|des|du|&))*)\s+(?P<genre>(?i:{_ISSUED}))\s*(?:[,.:;]|$)")


#: The words that introduce a URL (``Available at:``), which the labeller leaves in the note.
_LABEL_IN_NOTE = re.compile(rf"\s*\b(?:(?:{'|'.join(_LABEL_VERBS)})\s+(?:{'|'.join(_LABEL_LINKS)})"
                            r"|online|url)\b\s*:?\s*", re.IGNORECASE)


#: The German and French words a title may end with before its address ("unter:", "abrufbar
#: unter", "disponible sur"), which the labeller leaves in the title.
_TITLE_URL_LEAD = re.compile(r"[\s,:;]+(?i:(?:abrufbar|verfügbar|online|disponible|"
                             r"consultable)\s+)?(?i:unter|sur)\s*:?\s*$")


#: An act opening a source by its kind and number: ``Government Decree No. 45``,
#: ``Federal Law No. 115-FZ``, ``Order No. 12``.
_LEGAL_LEAD = re.compile(
    r"\s*(?P<kind>(?:[A-Z][\w-]*\s+){0,4}(?:Decree|Law|Act|Order|Resolution|Regulation|"
    r"Directive|Ordinance|Instruction)\s+(?:of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,4})?"
    r"(?:No\.?|Nr\.?|№)\s*[\w/-]*\d[\w/-]*)")


#: A given name after an issuer lead: ``Yusupova press release, Guzel.`` is a person's name.
_GIVEN_NAME_AFTER = re.compile(r"\s*[A-Z][\w'’-]+\s*[.(]")


def _genre_type(genre: str | None) -> str | None:
    """The CSL type a genre names (``Personal communication``, ``draft manuscript``)."""
    if genre:
        for pattern, kind in _GENRES:
            if pattern.search(genre):
                return kind
    return None


_PAGE_RANGE = re.compile(r"\d\s*[-–]\s*\d")  # an article's pages, not a page cited in a report


def _kind(f: dict, authors: tuple[str, ...]) -> str:
    """The type of a source: what its genre, its URLs and the outlet it names tell first,
    then the type the labeller's fields suggest."""
    told = _genre_type(f["genre"]) or _genre_type(f["note"] if not f["title"] else None)
    if told:
        return told
    if not authors and (f["type"] == LEGAL_CASE or (
            f["type"] == LEGISLATION and any(c.isdigit() for c in f["title"] or ""))):
        # "United States v. Kogan, 52 F.4th 118", "50 U.S.C. § 4819": a volume, no article
        return f["type"]
    if f["genre"] and _ISSUED_GENRE.fullmatch(f["genre"]):
        return REPORT  # a press release, a statement, a communiqué
    if f["doi"] or f["volume"]:
        return ARTICLE_JOURNAL
    container = (f["container"] or "").lower()
    if _JOURNAL.search(container):
        return ARTICLE_JOURNAL
    kinds = {_url_type(url) for url in f["url"]}
    if VIDEO in kinds:
        return VIDEO
    if f["issue"] and f["container"] and _PAGE_RANGE.search(f["pages"] or ""):
        return ARTICLE_JOURNAL  # "// Вопросы экономики. — 2023. — № 5. — С. 22–41."
    if REPORT in kinds or f["issue"]:
        return REPORT  # a PDF, or a numbered paper of a series ("Visions, No. 129")
    name = f["container"] or (authors[0] if authors and "," not in authors[0] else None)
    outlet = outlet_named(name) if name and not f["publisher"] else None
    if outlet is not None and outlet.kind in ("newspaper", "agency", "broadcaster", "site"):
        return ARTICLE_NEWSPAPER
    if outlet is not None and outlet.kind == "magazine":
        return ARTICLE_MAGAZINE
    if outlet is not None and f["url"] and f["type"] == ARTICLE_NEWSPAPER:
        return WEBPAGE  # a think tank's, a university's or a ministry's page is no newspaper
    return f["type"] or MISC


#: A link in a note, ``[shown](target)``, the target's parentheses balanced
#: (``https://en.wikipedia.org/wiki/ISBN_(identifier)``).
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)")
#: What a link on an identifier shows: its scheme's name, or its value.
_IDENTIFIER = re.compile(r"(?i:isbn|issn|oclc|doi|pmid|pmc|s2cid|jstor|bibcode|arxiv|lccn|hdl)"
                         r"|[\dXx][\d\s-]{6,}[\dXx]")


def _about_urls(text: str, start: int, end: int, f: dict) -> set[str]:
    """The URLs of links that are about something the source names, not the source:
    a link on its outlet's or publisher's name to a page of that name (a page saved from a
    wiki writes ``*[The Guardian](…/wiki/The_Guardian)*``), or beside another link of the
    source; a link on an identifier (``[ISBN](…)``, ``[9780786478071](…)``)."""
    if "](" not in text[start:end]:
        return set()
    names = {name.strip(" .,*_").casefold() for name in (f["container"], f["publisher"])
             if name}
    about = set()
    for m in _LINK.finditer(text, start, end):
        shown, target = m.group(1).strip(" *_"), m.group(2)
        outlet = shown.casefold() in names and (len(f["url"]) > 1 or _names_page(target, shown))
        if outlet or _IDENTIFIER.fullmatch(shown):
            about.add(target)
    return about


def _names_page(url: str, name: str) -> bool:
    """Whether the last segment of ``url``'s path is ``name`` (``The_Guardian``)."""
    from urllib.parse import unquote

    last = unquote(url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    return last.replace("_", " ").casefold() == name.casefold()


def _source(text: str, start: int, end: int, f: dict) -> Source:
    """A :class:`Source` of the labeller's fields ``f`` for ``text[start:end]``."""
    if about := _about_urls(text, start, end, f):
        f = {**f, "url": [u for u in f["url"] if u not in about]}
    authors = tuple(_name(a) for a in f["author"])
    if not f["title"] and f["container"] and authors and "," not in authors[0] and \
            not (f["volume"] or f["issue"] or f["pages"]) and outlet_named(f["container"]) is None:
        # "Asian Development Bank, *Imereti Housing Bulletin 2020*, 15 March 2020, <url>": an
        # organisation's own publication, its title read as a periodical's name (a person's
        # article in a periodical, or an outlet's item, without a title lacks one)
        f = {**f, "title": f["container"], "container": None}
    genre = f["genre"]
    title = f["title"]
    if title and f["url"]:  # '„Open Source“ unter: https://…': the words before the address
        title = _TITLE_URL_LEAD.sub("", title) or title
    # (an address's opening bracket left after its label: "Available at: [")
    note = f["note"] and (_LABEL_IN_NOTE.sub(" ", f["note"]).rstrip(" [(<").strip(" .,;:")
                          or None)
    m = _ISSUER_LEAD.match(text, start, end)
    org, issued = _issuer(m["org"], m["genre"]) if m else (None, None)
    if org and not _GIVEN_NAME_AFTER.match(text, m.end()) and (
            not authors or authors[0] in m["org"] or _ISSUER.match(authors[0])):
        # "Central Bank press release, 15 January 2024": a document an organisation issued,
        # cited by its issuer, its kind and its date; the lead is neither title nor note.
        lead = text[m.start():m.end()]
        authors, genre = (org,), issued
        title = None if title and title in lead else title
        note = None if note and note in lead else note
    elif len(authors) == 1 and (m := _ISSUER.match(authors[0])):
        org, issued = _issuer(m["org"], m["genre"])
        if org:
            authors, genre = (org,), genre or issued
    if len(authors) == 1 and not (title or f["container"] or f["url"] or f["date"]) and \
            " " not in authors[0].strip():
        authors = ()  # "TK": one word alone names no work
    if (m := _LEGAL_LEAD.match(text, start, end)) and (
            not authors or all(a.split(",")[0] in m["kind"] for a in authors)):
        # "Government Decree No. 45 (2023). On temporary rent controls.": an act cited by
        # its kind and number, then its name
        authors, genre = (), m["kind"]
        if note and (note in genre or note.startswith(genre)):
            note = note[len(genre):].strip(" .,;:") if note.startswith(genre) else None
        if title and title in genre:
            title = None
        if not title and note:
            title, note = note, None
        kind = LEGISLATION
    else:
        kind = _kind({**f, "genre": genre, "title": title, "note": note}, authors)
    publisher, place = f["publisher"], f["place"]
    if place and not publisher and outlet_named(place) is not None:
        publisher, place = place, None  # "No. 129, Ifri, July 2023": an institute, no city
    year, date = f["year"], f["date"]
    if year is None and title and (m := _TITLE_DATE.search(title)) and (
            kind == REPORT or (kind != BOOK and m["month"] and title[m.start() - 2] == ",")):
        # "Remote Work Survey 2023", "Policy Brief, February 2024": a report's title that
        # ends with a date names its edition, when the source gives no other date (and so
        # does a month and year after a comma ending any title but a book's).
        year = int(m["year"])
        month = MONTH_NUMBERS.get(m["month"].lower()) if m["month"] else None
        date = f"{year}-{month:02d}" if month else m["year"]
    ref = Reference(type=kind, authors=authors,
                    editors=tuple(_name(e) for e in f.get("editor", ())), year=year, title=title,
                    container=f["container"], date=date, volume=f["volume"],
                    issue=f["issue"], pages=f["pages"], urls=tuple(f["url"]), doi=f["doi"],
                    accessed=f["accessed"], publisher=publisher, place=place,
                    raw=text[start:end].strip(), note=note, genre=genre)
    return Source(reference=ref, start=start, end=end, note=note, genre=genre, place=place)


# --- citations that point back -----------------------------------------------------------

#: "The same source as the note before": Ibid., Ibidem, Id. (legal), Ebd./Ebda./Ebenda, Там же,
#: المصدر نفسه (Arabic), همان (Persian), 同上 (Chinese, Japanese), שם (Hebrew).
_IBID = re.compile(r"\s*(?i:(?:see|voir|siehe)\s+|(?:cf|vgl)\.\s*)?[*_]{0,2}"
                   r"(?i:ib[ií]d\b\.?|ib[ií]dem\b|[ií]d\.|[ií]dem\b|ivi\b|"
                   r"ebd\.|ebda\b\.?|ebenda\b|там\s+же\b|"
                   r"(?:المصدر|المرجع)\s+(?:نفسه|السابق)|نفس\s+المصدر|همان(?:\s+(?:منبع|جا))?|"
                   r"同上|שם)[*_]{0,2}[\s.,:;،，、]*"
                   r"(?i:(?:at|pp?\.|p[áa]?gs?\.|pages?|s\.|с\.|стр\.|arts?\.|paras?\.|§+|"
                   r"ch\.|chap\.|sec\.|sections?|صص?\.?|ص\s*|עמ['׳]|第)\s*)?"
                   r"(?P<pages>[\dIVXLCivxlc][\d\s,–-]*(?:\([\w.]+\))*(?:\s*ff?\.)?)?[页頁]?"
                   r"(?:[\s,]*\((?i:emphasis|italics|translation)[^()]*\))?[\s.。]*")


def is_ibid(text: str) -> bool:
    """Whether ``text`` says only "the same source as before" (``Ibid., 47.``, ``Id. at 5``,
    ``Там же, с. 12``)."""
    return _IBID.fullmatch(text) is not None
#: "The work of this author cited before": ``Smith, op. cit., p. 4``, ``Smith, loc. cit.``,
#: ``Smith, *supra* note 3, at 45`` (legal), ``Webb, page 324`` (an author and pages alone).
_OP_CIT = re.compile(r"\s*(?P<names>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}),?\s+(?:"
                     r"[*_]{0,2}(?i:op\.?\s*cit|loc\.?\s*cit|art\.?\s*cit|supra)\.?[*_]{0,2}"
                     r"(?i:\s+notes?\s+\d+)?,?\s*"
                     r"(?i:(?:pp?\.|pgs?\.|pages?|at)\s*)?(?P<pages>\d[\d\s,–-]*)?"
                     r"|(?i:pp?\.|pgs?\.|pages?)\s*(?P<only_pages>\d[\d\s,–-]*)"
                     r"|(?<=,\s)(?P<bare_pages>\d{1,4}(?:\s*[–-]\s*\d{1,4})?"
                     r"(?:,\s*\d{1,4}(?:\s*[–-]\s*\d{1,4})?)*))[\s.]*")
#: Fields a full citation has and a short one lacks.
_FULL_FIELDS = ("date", "urls", "doi", "publisher", "container", "place")


def refer_back(notes: Sequence[tuple[str, tuple[Reference, ...]]],
               listed: Iterable[Reference] = ()) -> list[tuple[Reference, ...]]:
    """The references of each note, with those that point back to another citation given
    its fields (and ``refers_back``): ``Ibid.`` the last source of the note before in the
    same series; a short form (``Schumpeter, Capitalism, 50.``: authors and a title, nothing
    that places it) the latest earlier full citation whose first author's family name is the
    same and whose title begins with the short title's words (or, with ``op. cit.`` or only
    pages, ``Webb, page 324``, ``Popkin, 71.``, the latest of that author); author-date
    citations without a title (``Smith (2020), p. 45``, ``See Smith 2020, 12; Jones 2021``)
    the one full citation anywhere in the document of that author and year. Each item is
    ``(series, references)``, in the order of the document; what finds no citation is kept.
    ``listed`` are the works of the document's bibliography: a short form names one of them
    when no earlier note cites the work in full (Chicago's notes and bibliography); they are
    read at the first short form, if any."""
    by_year = _by_author_year(refs for _, refs in notes)
    last: dict[str, Reference] = {}  # the last source of each series' latest note
    full = _FullCitations(listed)
    out = []
    for series, refs in notes:
        kept: list[Reference] = []
        for ref in refs:
            earlier = None
            if (m := _IBID.fullmatch(ref.raw)) and series in last:
                earlier, how = last[series], "ibid"
                pages = _pages(m["pages"])  # its own pages
            elif series in last and (m := _AUTHORS_ONLY.fullmatch(ref.raw)) and \
                    _names_first_author(m["names"], last[series]):
                # "Veen and Morales." after a citation of their work: the work again, as
                # biblatex's notes repeat a citation of the note before by its authors
                earlier, how, pages = last[series], "ibid", None
            elif (m := _AUTHORS_ONLY.fullmatch(ref.raw)) and (cited := _only_work(m, full)):
                # biblatex's terse notes name an author of one work alone: "Cherfas."
                earlier, how, pages = cited, "short", None
            elif (m := _OP_CIT.fullmatch(ref.raw)) and (cited := _cited_author(m, full)):
                earlier, how = cited, "short"
                pages = _pages(m["pages"] or m["only_pages"] or m["bare_pages"])
            elif is_short(ref):
                earlier, how, pages = _full_of(ref, full), "short", ref.pages
            elif not ref.title and (cited := _author_date(ref.raw, by_year)):
                kept += [_pointing(work, ref.raw, pages, "short") for work, pages in cited]
                continue
            if earlier is None and not _is_full(ref) and (named := _short_form(ref.raw, full)):
                (earlier, pages), how = named, "short"
            if earlier is not None:
                ref = _pointing(earlier, ref.raw, pages, how)
            elif _is_full(ref):
                full.setdefault(_family(ref.authors[0]), []).append(ref)
            kept.append(ref)
        if kept:
            last[series] = kept[-1]
        out.append(tuple(kept))
    return out


def _pages(written: str | None) -> str | None:
    """The pages a citation that points back gives (``47``, ``12–14``), or None."""
    return (written or "").strip(" ,") or None


class _FullCitations(dict):  # type: ignore[type-arg]
    """Full citations by folded first family name, in the order of the document: those of
    the bibliography (``listed``, an iterable read at the first lookup, and only then: an
    author-date paper's hundreds of entries cost a labelling each) before the notes'."""

    def __init__(self, listed: Iterable[Reference]) -> None:
        super().__init__()
        self._listed: Iterable[Reference] | None = listed

    def get(self, family: str, default: object = None):  # type: ignore[override]
        if self._listed is not None:
            listed, self._listed = self._listed, None
            works: dict[str, list[Reference]] = {}
            for ref in listed:
                if _is_full(ref):
                    works.setdefault(_family(ref.authors[0]), []).append(ref)
            for name, refs in works.items():
                self[name] = refs + super().get(name, [])
        return super().get(family, default)


#: A note that is only its authors' names: ``Veen and Morales.``, ``Cherfas.``
_AUTHORS_ONLY = re.compile(r"\s*(?P<names>[^\W\d_][\w'’-]*(?:(?:\s+(?:and|&|und|et)\s+|,\s*|"
                           r"\s+)[^\W\d_][\w'’-]*){0,5})[\s.]*")


def _names_first_author(names: str, ref: Reference) -> bool:
    """Whether ``names`` (a note's words) name the first author of ``ref``."""
    return bool(ref.authors) and _family(ref.authors[0]) in {
        _family(w) for w in _WORD_RE.findall(names)}


def _only_work(m: re.Match, full: dict[str, list[Reference]]) -> Reference | None:
    """The one work cited in full (in the notes or the bibliography) whose first author's
    family name is the first name of ``m``, if that author has only one."""
    first = _WORD_RE.match(m["names"])
    works = full.get(_family(first.group())) if first else None
    if not works or len({tuple(_title_words(w.title or "")) for w in works}) != 1:
        return None
    return works[-1]


def _cited_author(m: re.Match, full: dict[str, list[Reference]]) -> Reference | None:
    """The latest full citation of the author an ``op. cit.`` names (``Smith`` or ``Jane
    Smith``)."""
    words = m["names"].split()
    for name in (words[-1], words[0]):
        if found := full.get(_family(name)):
            return found[-1]
    return None


def _pointing(work: Reference, raw: str, pages: str | None, how: str) -> Reference:
    """``work``'s fields for a citation ``raw`` that points back to it."""
    return replace(work, raw=raw, pages=pages or None, note=None, key=None, refers_back=how)


def _is_full(ref: Reference) -> bool:
    return bool(ref.authors and ref.title) and any(getattr(ref, f) for f in _FULL_FIELDS)


#: One author-date citation: ``Smith 2020``, ``Smith (2020), p. 45``, ``Smith and Jones
#: 2019a: 12``, ``Smith et al. 2021``, ``Vgl. Müller 2019, S. 4``, after an optional ``See``
#: / ``See also`` / ``Cf.`` / ``Vgl.``.
_AUTHOR_DATE = re.compile(
    r"\s*(?i:(?:(?:see|siehe|voir)(?:\s+also)?|also)(?:,?\s+e\.\s?g\.)?,?\s+|(?:cf|vgl)\.\s*)?"
    r"(?P<family>[^\W\d_][\w'’-]*)"
    r"(?:\s+(?:and|&|und|et)\s+[^\W\d_][\w'’-]*|\s+et\s+al\.?)?,?\s+\(?(?P<year>(?:1[5-9]|20)\d\d)"
    r"[a-z]?\)?(?:\s*[,:]\s*(?:(?i:pp?|s)\.\s*)?(?P<pages>\d[\d\s,–-]*))?[\s.]*")


def _by_author_year(notes: Iterable[tuple[Reference, ...]]
                    ) -> dict[tuple[str, int], dict[tuple[str, ...], Reference]]:
    """The full citations of the document by first author's family name and year, each
    work once (by its title's words)."""
    out: dict[tuple[str, int], dict[tuple[str, ...], Reference]] = {}
    for refs in notes:
        for ref in refs:
            if _is_full(ref) and ref.year is not None:
                out.setdefault((_family(ref.authors[0]), ref.year), {}).setdefault(
                    tuple(_title_words(ref.title or "")), ref)
    return out


def _author_date(raw: str, by_year: dict[tuple[str, int], dict[tuple[str, ...], Reference]]
                 ) -> list[tuple[Reference, str | None]]:
    """The works each ``;``-separated author-date citation of ``raw`` names, with its
    pages; empty unless every part is one and names exactly one full citation."""
    found = []
    for part in raw.split(";"):
        m = _AUTHOR_DATE.fullmatch(part)
        works = by_year.get((_family(m["family"]), int(m["year"])), {}) if m else {}
        if len(works) != 1:
            return []
        found.append((next(iter(works.values())), _pages(m["pages"])))
    return found


def is_short(ref: Reference) -> bool:
    """Whether ``ref`` is a short form as parsed: authors and a title, nothing that places
    the work (``Lowi, Water and Power, 45.``)."""
    return bool(ref.authors and ref.title) and not any(getattr(ref, f) for f in _FULL_FIELDS)


def _family(author: str) -> str:
    return fold_letters(author.split(",")[0]).casefold().strip()


def _full_of(short: Reference, full: dict[str, list[Reference]]) -> Reference | None:
    """The latest full citation a short one names (see :func:`refer_back`)."""
    return _latest(full, short.authors[0], short.title or "")


def _latest(full: dict[str, list[Reference]], author: str, title: str) -> Reference | None:
    """The latest full citation whose first author has ``author``'s family name and whose
    title begins with the words of ``title`` (or, where the labeller cut the title wrong,
    whose text holds them in a row, for a short title of two words or more: ``Lowi, Miriam
    R. Water and Power: The Politics…``)."""
    words = _title_words(title)
    refs = full.get(_family(author), ()) if words else ()
    for ref in reversed(refs):
        if _title_words(ref.title or "")[:len(words)] == words:
            return ref
    for ref in reversed(refs if len(words) >= 2 else ()):  # one word alone proves little
        written = _title_words(ref.raw)
        if any(written[i:i + len(words)] == words for i in range(len(written))):
            return ref
    return None


#: A short form as written, whatever the labeller made of it: ``Lowi, Water and Power,
#: 187.``, ``Allan, "Virtual Water," 546.``: names, a short title, pages.
_SHORT_FORM = re.compile(r"\s*(?P<names>[^,\d()]{2,60}),\s+(?P<title>[^,\d()]+?),?[\"”’]?,?\s*"
                         r"(?:(?i:pp?\.)\s*)?(?P<pages>\d[\d\s,–-]*?)[\s.]*")

_SHORT_FORM_LENGTH = 200  # characters a short form has at most (bounding the match's work)


def _short_form(raw: str, full: dict[str, list[Reference]]
                ) -> tuple[Reference, str | None] | None:
    """The latest earlier full citation ``raw`` names as a short form (its first author's
    family name, the first words of its title, pages), and those pages; or None."""
    m = _SHORT_FORM.fullmatch(raw) if len(raw) <= _SHORT_FORM_LENGTH else None
    if m is None:
        return None
    first = m["names"].split(" and ")[0].split(" & ")[0].split()  # the first author's names
    found = _latest(full, first[-1], m["title"]) if first else None
    return (found, _pages(m["pages"])) if found is not None else None


def _title_words(title: str) -> list[str]:
    return re.findall(r"\w+", fold_letters(title).casefold())


def _opens_with_author(text: str, fields: dict) -> bool:
    """Whether ``text`` opens with the first author the labeller read (``Joseph A.
    Schumpeter, …``, ``World Bank, …``), as a citation does and prose seldom does."""
    if not fields["author"]:
        return False
    first = fields["author"][0]
    name = first.get("literal") or first.get("given") or first["family"]
    return text.lstrip().startswith(name) or text.lstrip().startswith(first.get("family", "\0"))


#: The author's own interviews and correspondence: ``interview with the author``,
#: ``Author's interviews with relocants``, ``conversation with the author``.
_INTERVIEW = re.compile(r"(?i)\b(?:(?:interviews?|conversations?|correspondence|e-?mails?)\s+"
                        r"(?:with|by|to)\s+(?:the\s+)?authors?\b|authors?[’']s?\s+(?:own\s+)?"
                        r"(?:interviews?|conversations?|correspondence))")
_MONTH_YEAR = re.compile(r"(?i)\b([^\W\d_]{3,})\.?\s+((?:1[5-9]|20)\d\d)\b")


def _interview(text: str, start: int) -> Source:
    """A personal communication the labeller read nothing in, dated by its last year (and
    the month before it): ``[Name withheld], interview with the author, Tbilisi, 2023.``"""
    years = list(YEAR.finditer(text))
    date = year = None
    if years:
        year = int(years[-1].group())
        date = str(year)
        if (m := _MONTH_YEAR.search(text, max(0, years[-1].start() - 15))) and \
                m.start(2) == years[-1].start() and (month := MONTH_NUMBERS.get(m[1].lower())):
            date = f"{year}-{month:02d}"
    ref = Reference(type=PERSONAL_COMMUNICATION, year=year, date=date, raw=text, note=text)
    return Source(ref, start, start + len(text), note=text)


#: A note that sends the reader to another note: ``See note 3.``, ``Cf. notes 4–6 above.``,
#: ``See n. 12.``, ``See above, note 3.``
_TO_NOTE = re.compile(r"\s*(?i:(?:see|cf\.?|compare)(?:\s+also)?,?\s+)?(?i:(?:above|below),?\s+)?"
                      r"(?i:notes?|nn?\.)\s*[\dIVXLCDMivxlcdm]+(?:\s*(?:[–,-]|and|&)\s*"
                      r"[\dIVXLCDMivxlcdm]+)*(?:,?\s+(?i:above|below|supra|infra))?[\s.]*")
#: What opens a note whose figures the author derived from a source, before the source:
#: ``Author's calculations based on Geostat, …``, ``Data from …``, ``Source: …``.
_DERIVED_FROM = re.compile(
    r"\s*(?i:(?:(?:the\s+)?authors?[’']s?\s+(?:own\s+)?(?:calculations?|estimates?|analysis|"
    r"elaboration|compilation)|figures?|data|estimates?)\s+(?:based\s+on|using|from)"
    r"|based\s+on|sources?\s*:|data\s*:)\s+")


@functools.lru_cache(maxsize=4096)
def _crf_sources(text: str) -> tuple[Source, ...]:
    """The sources of a note's text (see :func:`parse_sources`), cached by text: briefs cite
    the same source in the same words again and again, and a reading never changes."""
    from . import citations

    if cites := _author_date_sources(text):
        return cites
    if (m := _IBID_LEAD.match(text)) and text[m.end():].strip() and not is_ibid(text):
        return _crf_sources(text[:m.end()]) + _remark_sources(text, m.end())
    if is_explanatory(text) or _TO_NOTE.fullmatch(text):
        return ()  # sentences that explain, thank or introduce the author; "See note 3."
    if (m := _DERIVED_FROM.match(text)) and text[m.end():].strip():
        return tuple(replace(s, start=s.start + m.end(), end=s.end + m.end())
                     for s in _crf_sources(text[m.end():]))
    parts = citations.parts(text)
    if is_commentary(text) and not any(f["url"] or f["doi"] or _placed(f) for _, _, f in parts) \
            and not (parts and _opens_with_author(text, parts[0][2])):
        return ()  # an explanatory note: prose that cites nothing whole, opens with no author
    out = [_source(text, start, end, f) for start, end, f in parts]
    stripped = text.strip()
    if not out and stripped and not is_commentary(stripped) and not _remark(stripped):
        start = text.index(stripped[0])
        if _INTERVIEW.search(stripped):
            return (_interview(stripped, start),)
        if _ISSUER_LEAD.match(stripped):
            f = citations.fields(stripped)
            out.append(_source(text, start, start + len(stripped), f))
        else:
            out.append(Source(Reference(raw=stripped, note=stripped), start,
                              start + len(stripped), note=stripped))
    return tuple(out)


#: An ``Ibid.`` that ends a sentence before more of the note (``Ibid., 71. Emphasis added.``,
#: ``Ibid. See also …``): the sentence after it opens with a capital, a quote or a bracket.
_IBID_LEAD = re.compile(_IBID.pattern + r"(?<=\.\s)(?=[^\W\d_a-zа-яё]|[\"“‘'(\[*])")


def _remark_sources(text: str, start: int) -> tuple[Source, ...]:
    """The sources cited in the rest of a note after its ``Ibid.`` (from ``start``): only
    those with something that places a work (a date, an address, a publisher, a journal…)
    or an author and a title; a remark (``Emphasis added.``, a sentence of comment) cites
    nothing."""
    return tuple(replace(s, start=s.start + start, end=s.end + start)
                 for s in _crf_sources(text[start:])
                 if any(getattr(s.reference, name) for name in _FULL_FIELDS)
                 or (s.reference.authors and s.reference.title))


def _placed(f: dict) -> bool:
    """Whether fields make a whole citation by themselves: a title and an imprint with its
    date, after an author or not (``…, see Alexander Cooley, *Great Games* (Oxford: OUP,
    2012), 55.``; an agency's report, ``Agence internationale de l’énergie, Energy Policy
    Review: Georgia, Paris, AIE, 2024, p. 12.``; prose read as fields has no imprint)."""
    return bool(f["title"] and f["date"] and f["publisher"] and (f["author"] or f["place"]))


def _author_date_sources(text: str) -> tuple[Source, ...]:
    """A note made only of author-date citations (``See Smith 2020, 12; Jones et al.
    2021.``), one source each: the author's family name, the year and the pages; empty for
    any other note. (:func:`refer_back` gives them the fields of the work they name.)"""
    if not text or len(text) > 400 or not any(c.isdigit() for c in text):
        return ()
    out = []
    at = 0
    for part in text.split(";"):
        m = _AUTHOR_DATE.fullmatch(part)
        if m is None:
            return ()
        start = at + len(part) - len(part.lstrip())
        raw = part.strip()
        ref = Reference(authors=(m["family"],), year=int(m["year"]), date=m["year"],
                        pages=_pages(m["pages"]), raw=raw)
        out.append(Source(ref, start, start + len(raw)))
        at += len(part) + 1
    return tuple(out)


def parse_sources(text: str) -> tuple[Source, ...]:
    """The sources a note's text cites, in order, each with its offsets in the text; none
    for an explanatory note that cites nothing."""
    return _crf_sources(text)


def parse(text: str) -> tuple[Reference, ...]:
    """Read the references a note's text cites, in order; ``key`` is left ``None``."""
    return tuple([s.reference for s in _crf_sources(text)])
