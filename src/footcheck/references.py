"""Read the sources cited in a note into :class:`~footcheck.model.Reference` fields.

A note may cite several sources separated by ``;``. Each source is read by rules that follow
the habits of hand-written citations rather than one citation style:

* a lead naming the authors, either people (``Last, First``; ``Last, F.``; ``F. Last`` after
  ``&``; lists joined by ``;``, ``,`` or ``&``) or an organisation, optionally followed by the
  year in parentheses: ``Troianovski, Anton (2023)``, ``Transparency International (2023).``;
  without a year, the lead ends at the first full stop that does not close an initial
  (``Meduza. 'Title.' 9 February 2023.``, ``Inozemstev, V. Title.``);
* a title, quoted (``'…'``, ``"…"``, ``‘…’``, ``“…”``, also opened with one kind and closed
  with the other, or never closed), italic (``*…*``), or plain up to the next full stop;
  apostrophes inside words (soft signs in transliterated Russian, ``nakazat'``, ``vnov'``)
  do not end a quoted title;
* a container (``*Outlet*``, or the plain segment after the title), with volume, issue and
  pages (``Anthropology Today 39 (3): 17``, ``No. 129``) and a publisher;
* a date (``23 August 2023``, ``March 13``, ``9 March``, ``Jan 17``, ``July 2023``, and in
  ISO 8601: ``2023-03-13``, ``2023-03``), written in ISO 8601 with the precision given
  (``2023-03-13``, ``2023-07``, ``2023``);
* URLs and DOIs, with an access date (``Accessed January 5th``; ``Accessed at:`` only
  introduces a URL), and whatever is left (a comment, figures) kept as a note;
* an imprint, ``Place: Publisher`` (``Bishkek: Institute of Labour Studies``); a report
  without another date takes the year that ends its title (``Remote Work Survey 2023``);
* a document an organisation issued, cited by its issuer, its kind and its date rather than
  a title: ``Central Bank press release, 15 January 2024``, ``Ministry of Foreign Affairs
  statement, 3 March 2023``, ``Human Rights Watch report, 2023`` (see
  :func:`cited_without_title`).

Dates are read leniently but never invented: a misspelt month (``Sepember``) is no month, a
year glued to letters (``Author1999``) is no year, and a day the month does not have
(``30 February``) is dropped, leaving the month.

The module imports nothing heavy and is called once per note. It is built for speed (about
10 MB of notes a second): patterns are compiled once, at import; each is tried only where it
can match (a cheap test or a literal first); a note's text is scanned for URLs once; and a
few pure helpers of short strings (dates, author leads, titles, outlet names) keep a bounded
cache, as documents repeat them. That is the only state, and it never changes a result.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .model import Reference

__all__ = ["OUTLETS", "Outlet", "Source", "cited_without_title", "is_commentary",
           "outlet_named", "outlet_of_host", "parse", "parse_source", "parse_sources", "split"]

# --- types ------------------------------------------------------------------------------------

ARTICLE_NEWSPAPER = "article-newspaper"
ARTICLE_MAGAZINE = "article-magazine"
ARTICLE_JOURNAL = "article-journal"
REPORT = "report"
BOOK = "book"
VIDEO = "motion_picture"
BROADCAST = "broadcast"
PERSONAL_COMMUNICATION = "personal_communication"
MANUSCRIPT = "manuscript"
WEBPAGE = "webpage"
MISC = "misc"

#: The types :func:`parse` assigns; all but ``misc`` are types of the CSL 1.0.2 schema.
TYPES = (ARTICLE_NEWSPAPER, ARTICLE_MAGAZINE, ARTICLE_JOURNAL, REPORT, BOOK, VIDEO, BROADCAST,
         PERSONAL_COMMUNICATION, MANUSCRIPT, WEBPAGE, MISC)


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
        if not ref.authors:
            out.append("author")
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
_OPENING = {"'": "'", '"': '"', "‘": "'", "’": "'", "“": '"', "”": '"', "‚": "'", "„": '"',
            "«": '"', "»": '"'}  # quote character -> its kind (single or double)

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
#: The last day of each month (February's in a leap year).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# Each alternative is a whole name or abbreviation (a misspelling such as "Sepember" is none).
_MONTH = (r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
          r"|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
# A year is not glued to a letter before it (``Author1999`` is a name); letters after it may
# be a suffix (``2023a``, ``1990s``) or words run together in a converted PDF.
_YEAR = r"(?<![^\W\d_])(?P<{g}>(?:1[6-9]|20)\d\d)(?!\d)"


def _p(template: str, **groups: str) -> str:
    """Fill the named-group placeholders of a date pattern."""
    return template.format(**{k: v.format(g=k) for k, v in groups.items()})


#: Date patterns, most precise first. Each yields groups y, m, d as available.
_DATES = tuple(re.compile(p) for p in (
    r"(?<![\w\-/])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)",
    _p(r"(?<![\w-]){d}\s+{m},?\s+{y}", d=_DAY, m=_MONTH, y=_YEAR),
    _p(r"\b{m}\s+{d},?\s+{y}", m=_MONTH, d=_DAY, y=_YEAR),
    _p(r"(?<![\w-]){d}\s+{m}", d=_DAY, m=_MONTH),
    _p(r"\b{m}\s+{d}(?![\d,]*\s*\d{{3}})(?!\d)", m=_MONTH, d=_DAY),
    # ISO year and month (2023-07); not a span of years such as 2010-11 (see _date_of)
    r"(?<![\w\-/])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)(?!\d)",
    _p(r"\b{m},?\s+{y}", m=_MONTH, y=_YEAR),
    _p(r"\b(?:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s+{y}", y=_YEAR),
    _p(r"\b(?P<m>January|February|March|April|June|July|August|September|October|November"
       r"|December)\b"),
    _p(r"(?<![\d.\-/]){y}", y=_YEAR),
))

#: What each date pattern needs to match: a month name (m), a year (y: four digits that
#: _YEAR_DIGITS finds), any digit (d) or a hyphen (-).
_DATES_PLAN = tuple(zip(_DATES, ("y-", "myd", "myd", "md", "md", "y-", "my", "y", "m", "y"),
                        strict=True))
_YEAR_DIGITS = re.compile(r"(?:1[6-9]|20)\d\d")
#: The date patterns worth trying, by whether a text has a month name, a year, a digit and
#: a hyphen.
_DATES_FOR = {
    (month, year, digit, hyphen): tuple(
        p for p, needs in _DATES_PLAN
        if not (("m" in needs and not month) or ("y" in needs and not year)
                or ("d" in needs and not digit) or ("-" in needs and not hyphen)))
    for month in (False, True) for year in (False, True) for digit in (False, True)
    for hyphen in (False, True)}
_DIGIT = re.compile(r"\d")
_MONTH_START = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")

_YEAR_PAREN = re.compile(r"\(\s*(?P<y>(?:1[6-9]|20)\d\d)[a-z]?\s*\)|\(n\.\s?d\.\)")
_URL = re.compile(r"(?:\b[a-z][a-z0-9+.\-]*://|\bwww\.)[^\s<>\"\[\]{}|\\^`]+", re.IGNORECASE)
# Words that introduce a URL: "Available at:", "Accessed via", "Online:", "URL:", "See".
_LABEL_VERBS = ("available", "accessed", "retrieved", "archived")
_LABEL_LINKS = ("at", "from", "on", "via")
_LABEL_WORDS = ("online", "url", "see", "source", "link", "via")
_URL_LABEL = re.compile(
    rf"(?:\b(?:{'|'.join(_LABEL_VERBS)})\s+(?:{'|'.join(_LABEL_LINKS)})"
    rf"|\b(?:{'|'.join(_LABEL_WORDS)}))\s*:?\s*$", re.IGNORECASE)
#: The last two letters of every label, in lower case: a text ending otherwise has none.
_LABEL_ENDINGS = frozenset(word[-2:] for word in _LABEL_LINKS + _LABEL_WORDS)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s<>\"]+)")
_DOI_URL = re.compile(r"https?://(?:dx\.)?doi\.org/(10\..+)", re.IGNORECASE)
_URL_HINT = re.compile(r"[:wW](?:(?<=:)//|(?<=[wW])[wW][wW]\.)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\(")
_ACCESSED = re.compile(
    r"[(\[]?\b(?:last\s+)?(?:accessed|retrieved|viewed|consulted)(?:\s+on)?[\s:]+(?!at\b|from\b"
    r"|via\b)", re.IGNORECASE)
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
_QUOTE_CHAR = re.compile("[" + QUOTES + "]")
_SPLIT_CHAR = re.compile("[();" + QUOTES + "]")
_NON_SPACE = re.compile(r"\S")
_GENRE_ENDINGS = ("communication", "communications", "author", "manuscript", "paper", "draft",
                  "brief", "report", "video", "documentary", "podcast", "broadcast")
# ``*text*``: no white space inside either asterisk. (The text runs to the first asterisk, so
# its last character is matched directly rather than by a lookbehind after each character.)
_ITALIC = re.compile(r"\*(?=\S)[^*]*[^*\s]\*")
_NUMBERING = re.compile(
    r"^(?:(?P<vk>vol(?:ume)?\.?)\s*(?P<vol>[\w\-–]+)|(?P<nk>no\.?|nr\.?|issue|number)\s*"
    r"(?P<no>[\w\-–/]+)|(?P<pk>pp?\.|pages?)\s*(?P<pp>[\d\-–]+(?:,\s*[\d\-–]+)*))$",
    re.IGNORECASE)
_TRAILER = re.compile(
    r"^(?P<c>.*?\D)\s*,?\s*(?P<v>\d{1,4})\s*,?\s*\((?P<i>[\w\-–/]{1,10})\)"
    r"(?:\s*[:,]\s*(?:pp?\.\s*)?(?P<p>\d[\d\-–]*))?$")


# --- URLs -------------------------------------------------------------------------------------

#: Punctuation :func:`_clean_url` strips from the end of a URL, and every character it may
#: strip (also a closing bracket that does not belong).
_URL_PUNCTUATION = ".,;:!?'\"’”*>"
_URL_TRAILING = _URL_PUNCTUATION + ")]"


def _clean_url(raw: str) -> str:
    """Strip trailing punctuation (and parentheses that do not belong) from a URL."""
    if raw and raw[-1] not in _URL_TRAILING:
        return raw  # (the common case: nothing to strip)
    url = raw
    while url:
        last = url[-1]
        if last in _URL_PUNCTUATION or (last == ")" and url.count("(") < url.count(")")) or (
                last == "]" and url.count("[") < url.count("]")):
            url = url[:-1]
        else:
            break
    return url


def _markdown_target(text: str, open_paren: int) -> int:
    """Return the index of the parenthesis closing the one at ``open_paren`` (or -1)."""
    depth = 0
    i = open_paren
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        elif ch.isspace():
            return -1
        i += 1
    return -1


def _find_urls(text: str) -> list[tuple[int, int, str]]:
    """Find URLs in ``text``: (start, end, cleaned URL), spans covering brackets and links.

    A Markdown link ``[text](target)`` yields its target once; ``<url>`` spans include the
    angle brackets. This small private finder is kept rather than ``footcheck.urls.find_urls``:
    both agree on well-formed URLs, but that one also reads malformed ones (spaces inside
    ``<…>``, an unclosed ``<``, ``https:/x``), which would change the fields read here.
    """
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _MD_LINK.finditer(text) if "](" in text else ():
        close = _markdown_target(text, m.end() - 1)
        if close == -1:
            continue
        target = text[m.end():close].replace("\\(", "(").replace("\\)", ")").strip("<> ")
        if _URL.match(target):
            found.append((m.start(), close + 1, target))
            taken.append((m.start(), close + 1))
    # The matches of _URL.finditer(text), with the pattern tried only where a URL can be:
    # every match holds '://' or 'www.' (a hint) and no white space, so none starts before
    # the space that precedes the next hint.
    pos = 0
    while (hint := _URL_HINT.search(text, pos)) is not None:
        m = _URL.search(text, max(pos, text.rfind(" ", pos, hint.start()) + 1))
        if m is None:
            break
        pos = m.end()
        if taken and any(s <= m.start() < e for s, e in taken):
            continue
        url = _clean_url(m.group())
        if "://" not in url and not url.lower().startswith("www."):
            continue
        start, end = m.start(), m.start() + len(url)
        if start > 0 and text[start - 1] == "<":
            start -= 1
            if text.startswith(">", end):
                end += 1
        found.append((start, end, url))
    if taken:
        found.sort()  # (the others are found in order)
    return found


def _doi(text: str, urls: Iterable[str]) -> str | None:
    """Return the DOI written in the text or in a doi.org URL, if any."""
    for url in urls:
        m = _DOI_URL.match(url) if "/10." in url else None  # (each match has "/10.")
        if m:
            return m.group(1)
    m = _DOI.search(text) if "10." in text else None
    return _clean_url(m.group(1)) if m else None


def _url_label(text: str) -> re.Match[str] | None:
    """``_URL_LABEL.search(text)``, looked for only near the end of ``text``.

    A label ends where nothing but white space and one colon follow, with two letters that
    end a label (``_LABEL_ENDINGS``; else there is none). Before that point it is one word
    of at most six letters, or two words of at most nine and four letters with white space
    between them; only when that white space could be long is all of ``text`` searched.
    """
    end = len(text.rstrip())
    if end and text[end - 1] == ":":
        end = len(text[:end - 1].rstrip())
    last = text[max(0, end - 2):end]  # the last two letters of a label
    if last.isascii() and last.lower() not in _LABEL_ENDINGS:
        return None  # (beyond ASCII, case folding is left to the pattern)
    if end <= 16 or text[end - 7:end - 4].isspace():
        return _URL_LABEL.search(text)
    return _URL_LABEL.search(text, end - 16)


# --- dates ------------------------------------------------------------------------------------

class _Date(NamedTuple):
    """A date found in a text: its span and the parts given."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None

    def iso(self, year: int | None) -> str | None:
        """The date in ISO 8601, to the precision given; ``year`` completes a date without
        one (and a 29 February that ``year`` does not have is given to the month only)."""
        y = self.year or year
        return None if y is None else _iso(y, self.month, self.day)


@functools.lru_cache(maxsize=4096)
def _iso(year: int, month: int | None, day: int | None) -> str:
    """A date in ISO 8601, to the precision given (see :meth:`_Date.iso`); cached, as
    formatting numbers is slow and dates recur."""
    if month is None:
        return f"{year:04d}"
    if day is None or (day == 29 and month == 2 and not _leap(year)):
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _search_date(text: str) -> _Date | None:
    """Find the most precise date in ``text`` (the earliest among equally precise ones)."""
    # Patterns that cannot match are not tried: each needs a month name or a year.
    year = _YEAR_DIGITS.search(text) is not None
    month = _MONTH_START.search(text) is not None
    if not (year or month):
        return None
    has = (month, year, year or _DIGIT.search(text) is not None, year and "-" in text)
    for pattern in _DATES_FOR[has]:
        for m in pattern.finditer(text):
            date = _date_of(m)
            if date is not None:
                return date
    return None


#: :func:`_search_date`, cached: the dates of citations recur.
_find_date = functools.lru_cache(maxsize=4096)(_search_date)


def _date_of(m: re.Match[str]) -> _Date | None:
    """The date a match of a date pattern gives, or None when it is not one.

    A day the month never has (``30 February``, ``31 April``, ``2023-02-30``; ``29 February``
    of a year that is not a leap year) is dropped: the date is given to the month only.
    ``2010-11`` is read as a span of years, not as November 2010.
    """
    groups = m.groupdict()
    month = groups.get("m")
    day = int(groups["d"]) if groups.get("d") else None
    year = int(groups["y"]) if groups.get("y") else None
    mon = None
    if month is not None:
        if month[0].isdigit():  # ISO 8601: 2023-03-13, 2023-03
            mon = int(month)
            if day is None and year is not None and mon == (year + 1) % 100:
                return None  # 2010-11, 2011-12: a span of years
        elif not month[0].isupper():
            return None
        else:
            name = month.rstrip(".").lower()
            if name == "may" and day is None and year is None:
                return None
            mon = _MONTHS.get(name)
        if mon is None or not 1 <= mon <= 12:
            return None
    if day is not None:
        if not 1 <= day <= 31:
            return None
        if mon is not None and (day > _MONTH_DAYS[mon - 1] or (
                day == 29 and mon == 2 and year is not None and not _leap(year))):
            day = None  # an impossible day: the month is what can be trusted
    return _Date(m.start(), m.end(), year, mon, day)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# --- splitting a note into sources -------------------------------------------------------------

def _is_opener(text: str, i: int) -> bool:
    """Whether the quote character at ``i`` can open a quotation."""
    if text[i] not in QUOTES:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([*:;,") and not after.isspace()


def _closing_quote(text: str) -> tuple[int, bool]:
    """Find where the quotation opened at ``text[0]`` closes.

    Returns the index of the closing quote and whether the opening quote is part of the title
    (an inner quotation at the start of a title closed by a different kind of quote), or
    (-1, False) when the quotation is never closed.
    """
    kind = _OPENING.get(text[0], "'")
    strong_same = strong_any = weak = -1
    inner_same = False
    n = len(text)
    for m in _QUOTE_CHAR.finditer(text, 1):
        i = m.start()
        ch = text[i]
        prev = text[i - 1]
        nxt = text[i + 1] if i + 1 < n else ""
        if prev.isspace():
            continue
        if nxt and (nxt.isalnum() or nxt in "'’"):
            continue  # an apostrophe inside a word: Russia's, posol'stvo
        if nxt in ",." and i + 2 < n and text[i + 2] == ch:
            continue  # a soft sign before the real closing quote: zhit',' …
        strong = prev in ",.?!" or nxt in ",." or nxt == ""
        if strong:
            if _OPENING.get(ch) == kind and strong_same == -1:
                strong_same = i
            if strong_any == -1:
                strong_any = i
        elif nxt in ":;" and _OPENING.get(ch) == kind:
            inner_same = True  # "We're All Hostages Here": … closes an inner quotation
        elif weak == -1 and nxt.isspace():
            word = _NON_SPACE.search(text, i + 1)  # the first character after the space
            first = word.group() if word else ""
            if first and (first.isupper() or first.isdigit() or first in "*<(["):
                weak = i
    if strong_same != -1 and not inner_same:
        return strong_same, False
    if strong_any != -1:
        return strong_any, inner_same and _OPENING.get(text[strong_any]) != kind
    if strong_same != -1:
        return strong_same, False
    return weak, False


def _italic_spans(text: str) -> list[tuple[int, int]]:
    if "*" not in text:
        return []
    return [m.span() for m in _ITALIC.finditer(text)]


def _inside(spans: Iterable[tuple[int, int]], i: int) -> bool:
    return any(s <= i < e for s, e in spans)


def _has_opener(text: str) -> bool:
    """Whether any quote character of ``text`` can open a quotation (see :func:`_is_opener`)."""
    first = _QUOTE_CHAR.search(text)
    if first is None:
        return False  # (the common case, settled without a generator)
    return any(_is_opener(text, m.start()) for m in _QUOTE_CHAR.finditer(text, first.start()))


def _looks_like_name_part(segment: str) -> bool:
    """Whether a segment before ``;`` is one name in an author list (``Ivorski, Ivalio``)."""
    seg = segment.strip()
    if not seg or any(ch.isdigit() for ch in seg) or "*" in seg or "\0" in seg:
        return False
    if _has_opener(seg):
        return False
    words = seg.replace(",", " ").split()
    return 1 <= len(words) <= 5 and seg[0].isalpha()


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans merged where they overlap or touch."""
    if len(spans) < 2:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def split(text: str) -> tuple[tuple[int, int], ...]:
    """Split a note's text into the (start, end) offsets of the sources it cites.

    Sources are separated by ``;`` outside URLs, parentheses, italics and quoted titles;
    a ``;`` between names of one author list (``Ivorski, Ivalio; Kasyanenko, Sergiy``) does
    not separate sources. Offsets exclude surrounding white space.
    """
    return _split(text, _find_urls(text))


def _split(text: str, found: list[tuple[int, int, str]]) -> tuple[tuple[int, int], ...]:
    """:func:`split` with the URLs of ``text`` already found by :func:`_find_urls`."""
    last_semicolon = text.rfind(";")  # characters after it cannot cut the text
    if last_semicolon == -1:
        return _bounds(text, [])
    urls = [(s, e) for s, e, _ in found]
    skip = _merged(urls)  # characters inside a URL are never looked at
    k = 0
    masked: str | None = None
    italics: list[tuple[int, int]] | None = None
    last_char = len(text.rstrip()) - 1  # a cut needs some text after it
    cuts: list[int] = []
    last = 0
    depth = 0
    title_end = -1
    # Only brackets, quotes and ';' matter; every other character is passed over.
    for m in _SPLIT_CHAR.finditer(text, 0, last_semicolon + 1):
        i = m.start()
        if skip:
            while k < len(skip) and skip[k][1] <= i:
                k += 1
            if k < len(skip) and skip[k][0] <= i:
                continue
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth:
                depth -= 1
        elif ch == ";":
            if depth or i <= title_end or i >= last_char:
                continue
            if italics is None:
                italics = _italic_spans(text)
            if _inside(italics, i):
                continue
            if masked is None:
                masked = text
                for s, e in urls:
                    masked = masked[:s] + "\0" * (e - s) + masked[e:]
            previous = masked.rfind(";", last, i)
            if _looks_like_name_part(masked[last if previous == -1 else previous + 1:i]):
                continue
            cuts.append(i)
            last = i + 1
        elif i > title_end and _is_opener(text, i):
            close, _ = _closing_quote(text[i:i + 400])
            if close > 0:
                title_end = i + close
    return _bounds(text, cuts)


def _bounds(text: str, cuts: list[int]) -> tuple[tuple[int, int], ...]:
    """The (start, end) of the non-blank pieces of ``text`` between the ``;`` at ``cuts``."""
    if not cuts:
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        return ((start, end),) if start < end else ()
    bounds = [-1, *cuts, len(text)]
    out = []
    for a, b in itertools.pairwise(bounds):
        start, end = a + 1, b
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return tuple(out)


# --- authors ----------------------------------------------------------------------------------

_INITIAL_END = re.compile(r"(?:^|[\s.\-])[A-Z]$")
_FINAL_INITIAL = re.compile(r"(?:^|[\s.,\-])[A-Z]$")
_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.\s*-?\s*)+")
_SPACES = re.compile(r"\s+")
_COMMA_AND = re.compile(r",\s*(?:&|and)\s+")
_AND = re.compile(r"\s+(?:&|and)\s+")
_STOP_QUOTE = re.compile(r"[.,]\s+[" + QUOTES + "]")
_STOP_TITLE = re.compile(r"[.,]\s*[" + QUOTES + "*]")
_LEAD_STOP = re.compile(r"[.,](?=\s)|[.,](?=[" + QUOTES + "])")
_COMMA_TITLE = re.compile(r",\s*[" + QUOTES + r"*]")
_NAME_SEPARATOR = re.compile(r";|&|\band\b")
_NAME_CONTINUES = re.compile(r"(?:&|and\b|;|,|[A-Z]\.)")
_WORD_DOTS = re.compile(r"[\w.\-]+")
_SEMI_AMP = re.compile(r";|&")
_SENTENCE_GAP = re.compile(r"[.!?][" + QUOTES + r"]?\s+")
_PARTICLES = {"van", "von", "de", "der", "den", "du", "da", "di", "del", "la", "le", "bin",
              "ibn", "al", "el", "uulu", "uluu", "kyzy"}


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


def _is_initials(s: str) -> bool:
    return "." in s and _INITIALS.fullmatch(s.strip()) is not None


def _person_first_last(name: str) -> str:
    """Turn ``L. Ukenye`` or ``Anna Smith`` into ``Ukenye, L.`` / ``Smith, Anna``."""
    words = name.split()
    if len(words) < 2:
        return name
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    return f"{' '.join(words[i:])}, {' '.join(words[:i])}"


@functools.lru_cache(maxsize=4096)
def _split_authors(lead: str) -> tuple[str, ...]:
    """Split an author lead into names: ``Last, First`` for people, organisations whole."""
    lead = _squeeze(_strip_italics(lead).strip(" .,:;"))
    if not lead:
        return ()
    # (a match ends the text, with a capital letter)
    if "A" <= lead[-1] <= "Z" and _FINAL_INITIAL.search(lead, max(0, len(lead) - 3)):
        lead += "."  # the full stop of a final initial: "Stanovaia, T."
    if ";" in lead:
        parts = [p.strip(" ,.") if not _is_initials(p.split(",")[-1]) else p.strip(" ,")
                 for p in lead.split(";")]
        return tuple(_tidy_name(p) for p in parts if p)
    joined = "&" in lead or "and" in lead  # (both patterns need one of them)
    if joined:
        lead = _COMMA_AND.sub(", ", lead)
    groups = _AND.split(lead) if joined and "," in lead else [lead]
    if len(groups) > 1 and not all("," in g or _is_initials(g.split()[0]) for g in groups):
        groups = [lead]  # "Bosnia and Herzegovina Foundation": one organisation
    names: list[str] = []
    for group in groups:
        pieces = list(filter(None, map(str.strip, group.split(","))))
        if len(pieces) == 1:
            piece = pieces[0]
            first = piece.split()[0]
            if names and (_is_initials(first) or len(piece.split()) in (2, 3)):
                names.append(_person_first_last(piece))
            else:
                names.append(piece)
        elif len(pieces) == 2:  # "Last, First" (which either rule below would make)
            names.append(", ".join(pieces))
        elif len(pieces) % 2 == 0 and all(
                _is_initials(p) or len(p.split()) <= 3 for p in pieces[1::2]):
            names.extend([f"{last}, {first}"
                          for last, first in zip(pieces[::2], pieces[1::2], strict=True)])
        elif len(pieces) >= 3 and all(len(p.split()) <= 3 for p in pieces) and \
                len(pieces[-1].split()) >= 2:
            # "Smith, John, Jane Doe": the first name inverted, the others not.
            names.append(f"{pieces[0]}, {pieces[1]}")
            names.extend(_person_first_last(p) for p in pieces[2:])
        else:
            names.append(", ".join(pieces))
    return tuple(map(_tidy_name, names))


def _tidy_name(name: str) -> str:
    """A name without the commas around it, nor a full stop that does not end an initial."""
    name = name.strip(" ,")
    if "." not in name:
        return name  # (nothing to strip)
    if not _is_initials(name[name.rfind(",") + 1:]):  # the part after the last comma
        name = name.rstrip(".")
    return name


def _lead_end(body: str) -> int:
    """Where an author lead without a year ends (index of the separator), or -1."""
    italics = _italic_spans(body)
    if italics and italics[0][0] == 0:
        end = italics[0][1]
        after = body[end:end + 3]
        return end if _STOP_QUOTE.match(after) else -1
    if body[:1] in QUOTES:
        return -1
    for m in _LEAD_STOP.finditer(body):
        i = m.start()
        if _inside(italics, i):
            continue
        if body[i] == ",":
            if _COMMA_TITLE.match(body, i) and " " in body[:i].strip() \
                    and body.find(",", 0, i) == -1:
                return i  # "Sputnik Armenia, 'Direktor …'"
            continue
        # (searching the end of body[:i] only: a match spans at most three characters)
        if _INITIAL_END.search(body, max(0, i - 3), i):
            following = body[i + 1:].lstrip()
            last_name = _NAME_SEPARATOR.split(body[:i])[-1]
            if "," not in last_name or _NAME_CONTINUES.match(following):
                continue
        return i
    return -1


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
    # The dearest test last: text with a date is no lead, unless it is a single word. (The
    # lead is cached already: caching it as a date too would crowd out the dates.)
    return names_fit and (_search_date(text) is None or _WORD_DOTS.fullmatch(text) is not None)


def _prose_lead(body: str) -> int:
    """Where a citation starts after an explanatory sentence (``In 2023, … 24.kg. 'T.'``)."""
    for m in _SENTENCE_GAP.finditer(body):
        rest = body[m.end():]
        lead = _lead_end(rest)
        if lead > 0 and len(rest[:lead].split()) <= 5 and \
                _STOP_TITLE.match(rest, lead):
            return m.end()
    return -1


# --- titles and the rest ----------------------------------------------------------------------

_FULL_STOP = re.compile(r"\.(?=\s|$)")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z]|[A-Z][a-z]?\.[A-Z]|No|Vol|pp?|St|Dr|Mr|Ms|Mrs|vs|ed"
                           r"|eds|cf|al|Jr|Inc|Ltd|Co|U\.S|U\.K)$")
_ITALIC_AHEAD = re.compile(r",?\s+\*\S")
_ITALIC_TRAILER = re.compile(r"[\s,]*(\d[\w\s(),:\-–]*?)(?=[.,]\s|[.,]?$)")
# (not before a year, nor inside the place of an imprint: "Cambridge, MA: MIT Press")
_PIECE_COMMA = re.compile(r",\s+(?!\d{4}\b)(?![A-Z][\w.]{0,20}:\s)")
_PAGES = re.compile(r"\d{1,4}(?:[-–]\d{1,4})?")
#: An imprint, "Place: Publisher"; the place may name its state or country after a comma.
_PLACE = re.compile(r"([A-Z][\w .'-]{1,40}(?:,\s*[A-Z][\w.]{0,20})?):\s*([A-Z].{1,80})")
_JOURNAL = re.compile(r"\bjournal\b|\breview\b|\bquarterly\b")
_VIDEO_URL = re.compile(r"youtube\.com|youtu\.be|vimeo\.com|/videos?/", re.I)
_REPORT_TITLE = re.compile(r"\b(?:report|update|working paper|brief|survey|trends)\b")
_LEAD_YEAR = re.compile(r"\s*((?:1[6-9]|20)\d\d)[a-z]?\.(?:\s|$)")
_LEAD_GENRE = re.compile(r"\s*[.,]?\s*([^.]+)\.")
_TITLE_DATE = re.compile(r"\s(?:1[6-9]|20)\d\d$")
#: The kinds of document an organisation issues and is cited by, with a date, without a
#: title (as the whole genre: ``press release``, ``Press Statement``, ``annual report``).
_ISSUED = (r"(?:(?:press|news|media)\s+releases?|(?:(?:press|public|official|joint)\s+)?"
           r"statements?|(?:annual\s+)?reports?|communiqu[eé]s?|announcements?)")
_ISSUED_GENRE = re.compile(_ISSUED, re.IGNORECASE)
_ORG_WORD = r"[A-Z][\w'’&\-]*"
#: "<Organisation> <kind of document>" opening a source, then a separator or the end:
#: ``Central Bank press release, …``. The organisation is capitalised words (and the small
#: words of a name: ``Ministry of Foreign Affairs``), as many as can be.
_ORG_GENRE = re.compile(
    rf"(?P<org>{_ORG_WORD}(?:\s+(?:{_ORG_WORD}|of|for|and|on|the|in|de|des|du|&))*)"
    rf"\s+(?P<genre>(?i:{_ISSUED}))\s*(?:[,.:;]|$)")
_NAME_WORD = re.compile(r"[A-Z0-9]")
_NAME_LINKS = frozenset(["of", "for", "and", "the", "&", "de", "in", "on", "und", "für"])
_GENRE_QUALIFIERS = frozenset(["press", "news", "media", "public", "official", "joint",
                               "annual"])
_NOT_ORG = frozenset(["the", "a", "an", "this", "that", "these", "our", "its", "their", "see",
                      "cf"])


def _strip_italics(text: str) -> str:
    if "*" not in text:
        return text
    return _ITALIC.sub(lambda m: m.group()[1:-1], text)


@functools.lru_cache(maxsize=4096)
def _clean_title(title: str) -> str:
    title = _strip_italics(title).strip()
    title = _squeeze(title).rstrip(",.;: ")
    if len(title) >= 2 and title[0] in QUOTES and title[-1] in QUOTES and \
            _OPENING.get(title[0]) == _OPENING.get(title[-1]) and \
            not any(_is_opener(title, m.start())
                    for m in _QUOTE_CHAR.finditer(title, 1, len(title) - 1)):
        title = title[1:-1].strip()
    return title


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


def _segments(text: str) -> list[str]:
    """Split the text after a title into sentence-like segments."""
    return list(_segments_of(text))


@functools.lru_cache(maxsize=4096)
def _segments_of(text: str) -> tuple[str, ...]:
    out = []
    while text.strip():
        text = text.strip(" ,.;:")
        end = _sentence_end(text)
        if end == -1:
            out.append(text.strip())
            break
        out.append(text[:end].strip(" ,"))
        text = text[end + 1:]
    return tuple(filter(None, out))  # (the non-empty segments)


def _sentence_like(segment: str) -> bool:
    """Whether a segment reads like a sentence (a title's continuation), not a name."""
    words = segment.split()
    if len(words) < 4:
        return False
    lower = sum(1 for w in words[1:] if w[:1].islower())
    return lower * 2 > len(words) - 1


def _genre(segment: str) -> tuple[str, str] | None:
    """The genre a whole segment names, e.g. ('draft manuscript', 'manuscript')."""
    seg = segment.strip(" .,")
    if seg.isascii() and not seg.lower().endswith(_GENRE_ENDINGS):
        return None  # every genre ends with one of these words
    for pattern, kind in _GENRES:
        if pattern.fullmatch(seg):
            return seg, kind
    return None


@dataclass
class _Fields:
    """Mutable scratch space while reading one source."""

    authors: tuple[str, ...] = ()
    year: int | None = None
    title: str | None = None
    title_italic: bool = False
    container_plain: bool = False
    place: str | None = None
    container: str | None = None
    date: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    accessed: str | None = None
    genre: str | None = None
    genre_type: str | None = None
    org_lead: bool = False
    issued: bool = False  # "<Organisation> press release": cited by issuer, genre and date
    notes: list[str] | None = None

    def note(self, text: str) -> None:
        text = text.strip(" ,.;:-–")
        if text:
            self.notes = [*(self.notes or []), text]


def _read_title(rest: str, f: _Fields) -> str:
    """Read the title at the start of ``rest`` into ``f``; return what follows it."""
    rest = rest.lstrip(" .,:;")
    if not rest:
        return ""
    if rest[0] in QUOTES and len(rest) > 1 and not rest[1].isspace():  # (_is_opener(rest, 0))
        close, keep_opener = _closing_quote(rest)
        if close == -1:
            end = _title_end(rest, 1)
            f.title = _clean_title(rest[1:end]) or None
            return rest[end:]
        # keep_opener: the title begins with an inner quotation ('"We're All …": …,')
        f.title = _clean_title(rest[0 if keep_opener else 1:close]) or None
        return rest[close + 1:]
    if rest.startswith("*"):
        italic = _ITALIC.match(rest)
        if italic:
            f.title = _clean_title(italic.group()[1:-1]) or None
            f.title_italic = True
            return rest[italic.end():]
    end = _title_end(rest, 0)
    candidate = rest[:end].strip()
    genre = _genre(candidate)
    if genre:
        f.genre, f.genre_type = genre
        return rest[end:]
    date = _find_date(candidate)
    if date is not None and (date.start, date.end) == (0, len(candidate.rstrip(" .,"))):
        return rest  # no title: the date follows the lead directly
    f.title = _clean_title(candidate) or None
    return rest[end:]


def _title_end(text: str, start: int) -> int:
    """Where an unquoted (or unclosed) title starting at ``start`` ends."""
    ends = [len(text)]
    italic = _ITALIC_AHEAD.search(text, start)
    if italic:
        ends.append(italic.start())
    stop = _sentence_end(text, start)
    if stop != -1:
        ends.append(stop)
    return min(ends)


def _read_numbering(piece: str, f: _Fields) -> bool:
    """Read ``No. 129``, ``Vol. 3``, ``pp. 17-20`` into ``f``; whether the piece was one."""
    piece = piece.strip(" .,")
    if piece.isascii() and piece[:1].lower() not in "vnip":  # vol, no, nr, issue, p., pages
        return False
    m = _NUMBERING.match(piece)
    if not m:
        return False
    if m.group("vol"):
        f.volume = m.group("vol")
    elif m.group("no"):
        f.issue = m.group("no")
    elif m.group("pp"):
        f.pages = m.group("pp").replace("–", "-")
    return True


def _read_container(text: str, f: _Fields) -> None:
    """Read a container name with its volume, issue and pages (``Journal 39 (3): 17``)."""
    text = text.strip(" ,.")
    m = _TRAILER.match(text)
    if m:
        text = m.group("c").strip(" ,")
        f.volume, f.issue = m.group("v"), m.group("i")
        if m.group("p"):
            f.pages = m.group("p").replace("–", "-")
    f.container = _strip_italics(text).strip() or None


def _read_rest(rest: str, f: _Fields) -> None:
    """Read container, date, numbering and publisher from the text after the title."""
    rest = rest.strip(" ,.;:")
    italic = _ITALIC.match(rest) if rest[:1] == "*" else None
    if italic:
        trailer = _ITALIC_TRAILER.match(rest, italic.end())
        if trailer and _TRAILER.match("x " + trailer.group(1).strip()):
            _read_container(italic.group() + " " + trailer.group(1), f)
            rest = rest[trailer.end():]
        else:
            f.container = _clean_title(italic.group()[1:-1]) or None
            rest = rest[italic.end():]
    segments = _segments_of(rest)
    if segments and not italic and _TRAILER.match(segments[0]):
        _read_container(segments[0], f)
        f.container_plain = True
        segments = segments[1:]
    for segment in segments:
        for piece in _pieces(segment):
            _read_piece(piece, f)


def _pieces(segment: str) -> list[str]:
    """Split a segment at commas, keeping a 'Month Day, Year' date whole."""
    if "," not in segment:  # (every split is at a comma)
        return [segment.strip() or segment]
    pieces = [p.strip() for p in _PIECE_COMMA.split(segment) if p.strip()]
    return pieces or [segment]


def _read_piece(piece: str, f: _Fields) -> None:
    """Assign one comma-separated piece after the title to the field it belongs to."""
    if _read_numbering(piece, f):
        return
    genre = _genre(piece)
    if genre and not f.genre:
        f.genre, f.genre_type = genre
        return
    date = _find_date(piece)
    if date is not None and f.date is None:
        # (a date that starts or ends the piece has nothing before or after it)
        before = piece[:date.start].strip(" ,") if date.start else ""
        after = piece[date.end:].strip(" ,.") if date.end < len(piece) else ""
        f.date = date.iso(f.year)
        if f.year is None:
            f.year = date.year
        if before:
            _read_piece(before, f)
        if after:
            f.note(after)
        return
    if _PAGES.fullmatch(piece) and f.pages is None:
        f.pages = piece.replace("–", "-")
        return
    place = _PLACE.fullmatch(piece)
    if place and f.publisher is None and f.container is None:
        f.publisher = place.group(2).strip()  # "London: Verso"
        f.place = place.group(1).strip()
        return
    if f.container is None and piece[:1].isupper() | piece[:1].isdigit() and \
            not (f.org_lead and _sentence_like(piece)):
        _read_container(piece, f)
        f.container_plain = True
        return
    if f.publisher is None and f.container is not None and piece[:1].isupper() and \
            len(piece.split()) <= 6:
        f.publisher = piece
        return
    f.note(piece)


def _read_accessed(text: str, year: int | None) -> tuple[str | None, tuple[int, int] | None]:
    """Find an access date ("Accessed January 5th"): (ISO date, span) or (None, None)."""
    if not _mentions_access(text):
        return None, None
    for m in _ACCESSED.finditer(text):
        date = _find_date(text[m.end():m.end() + 40])
        if date is not None and date.start == 0:
            end = m.end() + date.end
            if text[end:end + 1] in ")]":
                end += 1
            return date.iso(year), (m.start(), end)
    return None, None


def _mentions_access(text: str) -> bool:
    """Whether ``text`` has a word that introduces an access date (``_ACCESSED``), or is
    beyond ASCII, where case folding is left to the pattern."""
    if not text.isascii():
        return True
    low = text.lower()
    return "accessed" in low or "retrieved" in low or "viewed" in low or "consulted" in low


def _report_title(title: str) -> bool:
    """Whether a lower-case title names a report (``_REPORT_TITLE``)."""
    return ("report" in title or "update" in title or "working paper" in title or
            "brief" in title or "survey" in title or "trends" in title) and \
        _REPORT_TITLE.search(title) is not None


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


def _guess_type(f: _Fields, urls: tuple[str, ...], doi: str | None) -> str:
    """Choose a CSL type from the fields read."""
    if f.genre_type:
        return f.genre_type
    if doi or f.volume:
        return ARTICLE_JOURNAL
    if f.container:
        container = f.container.lower()
        if ("journal" in container or "review" in container or "quarterly" in container) \
                and _JOURNAL.search(container):
            return ARTICLE_JOURNAL
    pdf = False  # (a video anywhere comes before a PDF)
    for url in urls:
        told = _url_type(url)
        if told == VIDEO:
            return VIDEO
        pdf = pdf or told == REPORT
    if pdf or f.issue or (f.title and _report_title(f.title.lower())):
        return REPORT
    name = f.container or (f.authors[0] if f.org_lead and f.authors else None)
    outlet = outlet_named(name) if name else None
    kind = outlet.kind if outlet else None
    if kind == "newspaper":
        return ARTICLE_NEWSPAPER
    if kind == "magazine":
        return ARTICLE_MAGAZINE
    if f.title_italic and not f.container:
        return REPORT if f.authors and "," not in f.authors[0] else BOOK
    if f.place and f.publisher and not urls:
        return BOOK
    if kind in ("agency", "broadcaster", "site"):
        return ARTICLE_NEWSPAPER
    if urls:
        return WEBPAGE
    if f.title and f.publisher:
        return BOOK
    return MISC


def parse_source(text: str, start: int = 0) -> Source:
    """Read one source (no ``;``-separated list) into a :class:`Source`.

    ``start`` is the source's offset in its note, kept in the result for positions.
    """
    return _parse_source(text, start)


def _parse_source(text: str, start: int = 0,
                  found: list[tuple[int, int, str]] | None = None) -> Source:
    """:func:`parse_source`; ``found`` are the URLs of ``text`` when it needs no stripping."""
    ref, place = _read_source(text, found)
    return Source(reference=ref, start=start, end=start + len(text), note=ref.note,
                  genre=ref.genre, place=place)


def _read_source(text: str, found: list[tuple[int, int, str]] | None = None
                 ) -> tuple[Reference, str | None]:
    """Read one source: its reference and the place of its imprint (see :class:`Source`);
    ``found`` are the URLs of ``text`` when it needs no stripping."""
    raw = text.strip()
    f = _Fields()
    urls_found = _find_urls(raw) if found is None else found
    if len(urls_found) == 1:
        urls: tuple[str, ...] = (urls_found[0][2],)
    else:
        urls = tuple(dict.fromkeys([u for _, _, u in urls_found]))
    doi = _doi(raw, urls)
    # Cut the text into the citation proper (before the first URL) and what follows it.
    if urls_found:
        first = urls_found[0][0]
        body = raw[:first]
        label = _url_label(body)
        if label:
            body = body[:label.start()]
        prev = urls_found[0][1]
        if len(urls_found) == 1:
            tail = raw[prev:]
            if not tail.strip(" .,;:"):
                tail = ""
        else:
            pieces = []
            for s, e, _ in urls_found[1:]:
                pieces.append(raw[prev:s])
                prev = e
            pieces.append(raw[prev:])
            tail = " ".join([p for p in pieces if p.strip(" .,;:")])
        label = _url_label(tail) if tail else None  # (at most one: it ends the text)
        if label:
            tail = tail[:label.start()] + tail[label.end():]
    else:
        body, tail = raw, ""
    body = body.strip().lstrip(":;,.-–— ").rstrip()
    # The lead: authors with a year in parentheses, or authors/outlet up to a full stop.
    lead_end = -1
    year_paren = _YEAR_PAREN.search(body)
    if year_paren and year_paren.start() > 0:
        prefix = body[:year_paren.start()]
        if "*" not in prefix.strip("*") and not _has_opener(prefix) and \
                _is_author_lead(prefix):
            f.authors = _split_authors(prefix)
            digits = year_paren.group("y")  # (none for "n.d.")
            if digits:
                f.year = int(digits)
            lead_end = year_paren.end()
    if lead_end == -1 and body[:1].isupper():
        issued = _ORG_GENRE.match(body)
        if issued is not None and _issued_follows(body[issued.end():]):
            org, genre = _issuer(issued.group("org"), issued.group("genre"))
            if org:
                f.authors, f.org_lead = (org,), True
                f.genre, f.genre_type, f.issued = genre, REPORT, True
                lead_end = issued.end()
    if lead_end == -1:
        cut = _lead_end(body)
        if cut > 0 and not _is_author_lead(body[:cut]):
            # An explanatory sentence before the citation is kept as a note.
            prose = _prose_lead(body)
            if prose > 0:
                f.note(body[:prose])
                body = body[prose:]
                cut = _lead_end(body)
        if cut > 0 and _is_author_lead(body[:cut]) and body[cut + 1:].strip() and \
                not _title_of_imprint(body[:cut], body[cut + 1:]):
            lead = body[:cut]
            f.authors = _split_authors(lead)
            f.org_lead = not (len(f.authors) > 1 or "," in lead)
            lead_end = cut + 1
            year = _LEAD_YEAR.match(body[lead_end:])
            if year:  # "Human Rights Watch. 2022. Title." (author-date without parentheses)
                f.year = int(year.group(1))
                lead_end += year.end()
        else:
            lead_end = 0
    rest = body[lead_end:]
    # Access date: anywhere in the note outside the citation proper, or at its end.
    if _mentions_access(raw):  # (tail and rest are pieces of raw)
        f.accessed, span = _read_accessed(tail, f.year)
        if span:
            tail = tail[:span[0]] + tail[span[1]:]
        else:
            f.accessed, span = _read_accessed(rest, f.year)
            if span:
                rest = rest[:span[0]] + rest[span[1]:]
    # Personal communication and similar descriptions in title position.
    lead_genre = _LEAD_GENRE.match(rest)
    found = _genre(lead_genre.group(1)) if lead_genre else None
    if lead_genre and found and found[1] == PERSONAL_COMMUNICATION:
        f.genre, f.genre_type = found
        rest = rest[lead_genre.end():]
    else:
        before_title = rest
        rest = _read_title(rest, f)
        if f.org_lead and f.title and before_title.lstrip(" .,")[:1] in QUOTES:
            # "Outlet. 'Quoted part.' Rest of the title. Date." — the outlet has no container
            # after the title, so a sentence-like segment there continues the title.
            segs = _segments(rest)
            if segs and _find_date(segs[0]) is None and _sentence_like(segs[0]):
                opened = before_title.lstrip(" .,")
                head = opened[:len(opened) - len(rest)].strip()
                f.title = _clean_title(head + " " + segs[0])
                rest = rest[rest.find(segs[0]) + len(segs[0]):]
    _read_rest(rest, f)
    if f.date is None and f.year is not None:
        f.date = f"{f.year:04d}"
    if f.container and f.authors == (f.container,):
        f.container = None
    if tail:
        f.note(tail)
    if f.genre and f.genre_type not in (PERSONAL_COMMUNICATION,):
        f.note(f.genre)
    kind = _guess_type(f, urls, doi)
    if kind == REPORT and f.year is None and f.date is None and f.title and \
            _TITLE_DATE.search(f.title):
        # "Remote Work Survey 2023", "Policy Brief, February 2024": a report's title that
        # ends with a date names its edition, when the source gives no other date.
        edition = _find_date(f.title)
        if edition is not None and edition.year and edition.end == len(f.title):
            f.year = edition.year
            f.date = edition.iso(None)
    if kind == REPORT and f.container_plain and not f.volume:
        # "Title. Office of the Chief Economist, World Bank. Fall 2023." names the
        # institution that issued a report, not a container.
        f.publisher = ", ".join(p for p in (f.container, f.publisher) if p)
        f.container = None
    if not (f.authors or f.year or f.date or urls or f.container or doi or
            (f.place and f.publisher)):
        # Nothing but a phrase ("get source here"): no field can be trusted.
        f.title = None
        f.notes = [raw] if raw else None
    note = " ".join(f.notes) if f.notes else None
    if not (f.authors or f.title or urls or f.date or f.container):
        note = raw or None
    ref = Reference(
        type=kind,
        authors=f.authors,
        year=f.year,
        title=f.title,
        container=f.container,
        date=f.date,
        volume=f.volume,
        issue=f.issue,
        pages=f.pages,
        urls=urls,
        doi=doi,
        accessed=f.accessed,
        publisher=f.publisher,
        place=f.place,
        raw=raw,
        genre=f.genre,
        note=note,
    )
    return ref, f.place


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


def _title_of_imprint(lead: str, rest: str) -> bool:
    """Whether a lead that could name an organisation is the title of a work whose imprint
    follows it, and then at most a date: ``The Long Road Home. London: Verso.`` (a person's
    name has a comma; a place and a publisher are capitalised names, not a subtitle)."""
    if "," in lead or ":" not in rest:
        return False
    segments = _segments(rest)
    if not segments or len(segments) > 2:
        return False
    imprint = _PLACE.fullmatch(segments[0])
    if imprint is None or not all(_NAME_WORD.match(w) for w in
                                  imprint.group(1).replace(",", " ").split()):
        return False
    publisher = imprint.group(2).split()
    if len(publisher) > 6 or not all(_NAME_WORD.match(w) or w in _NAME_LINKS
                                     for w in publisher):
        return False
    return len(segments) == 1 or _find_date(segments[1]) is not None


def _issued_follows(rest: str) -> bool:
    """Whether ``rest`` can follow ``<Organisation> press release,``: nothing, a date, a
    quoted or italic title, or a URL (not the rest of a sentence or of a name)."""
    rest = rest.lstrip(" ,.;:")
    if not rest or rest[0] in QUOTES or rest[0] in "*<[" or _URL.match(rest):
        return True
    date = _find_date(rest[:40])
    return date is not None and date.start == 0


def cited_without_title(reference: Reference) -> bool:
    """Whether a reference is of a kind cited without a title, so that none is missing.

    That is a personal communication, or a document an organisation issued named by its
    kind (``Central Bank press release, 15 January 2024``): one organisation as author and a
    ``genre`` that is a press release, statement, report, communiqué or announcement.
    """
    if reference.type == PERSONAL_COMMUNICATION:
        return True
    return bool(reference.genre) and len(reference.authors) == 1 and \
        "," not in reference.authors[0] and _ISSUED_GENRE.fullmatch(reference.genre) is not None


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
    return len(first.split()) >= 12 and not _find_urls(text)


def _sources_of(text: str) -> tuple[tuple[str, int, list[tuple[int, int, str]] | None], ...]:
    """The sources of a note's text, to be read: (text, offset in the note, its URLs when
    known); none for an explanatory note that cites nothing (:func:`is_commentary`)."""
    if is_commentary(text):
        return ()
    found = _find_urls(text)
    spans = _split(text, found)
    if len(spans) == 1 and spans[0] == (0, len(text)):
        return ((text, 0, found),)  # the whole note: its URLs are known
    return tuple([(text[s:e], s, None) for s, e in spans])


def parse_sources(text: str) -> tuple[Source, ...]:
    """Split a note's text into sources and read each (see :func:`split`).

    An explanatory note that cites nothing (:func:`is_commentary`) has no sources.
    """
    return tuple([_parse_source(source, start, found)
                  for source, start, found in _sources_of(text)])


def parse(text: str) -> tuple[Reference, ...]:
    """Read the references a note's text cites, in order; ``key`` is left ``None``."""
    return tuple([_read_source(source, found)[0] for source, _, found in _sources_of(text)])


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


@functools.cache
def _outlets() -> tuple[Outlet, ...]:
    """The table of :data:`OUTLETS_FILE`, read once."""
    from importlib.resources import files

    text = files(__package__).joinpath(OUTLETS_FILE).read_text(encoding="utf-8")
    return read_outlets(text)


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


#: Letters that Unicode does not decompose into a base letter and an accent.
_BASE_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i",
                               "æ": "ae", "œ": "oe", "þ": "th"})


def fold_letters(text: str) -> str:
    """``text`` case-folded, however it is encoded (NFKC), its Cyrillic letters written in
    Latin ones (:func:`footcheck.translit.latinize`) and its accents dropped: ``Ведомости``
    -> ``vedomosti``, ``Süddeutsche`` -> ``suddeutsche``, ``Łukasz`` -> ``lukasz``. Other
    scripts, punctuation and spaces are kept. One spelling of a name for matching (outlet
    names, and the authors variant-citation compares)."""
    if text.isascii():
        return text.casefold()
    import unicodedata

    from .translit import latinize

    text = latinize(unicodedata.normalize("NFKC", text)).translate(_BASE_LETTERS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text)


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
