"""Content rules: what a note says, read as text (nothing here goes online).

``placeholder``, ``editorial-comment``, ``incomplete-reference``, ``formatting`` and
``mixed-script``. Every rule reads the note's text with its URLs blanked out, so nothing
inside an address (``?``, ``(``, ``TODO`` in a path) can fire; only ``mixed-script`` also
reads the URLs, where a homoglyph breaks the link.

The rules aim at precision: a quoted or italic title may end with "?" or contain "verify",
a transliterated Russian soft sign (``vnov'``, ``skryt'sia``) is not a quote, and "n.d." is a
proper citation form. Each finding points at the exact column of the problem.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..dates import YEAR
from ..model import Document, Extraction, Finding, Note
from ..references import is_short, listed, name_years, names_only, outlet_named
from ..urls import find_urls, shorten
from .rules import emits, rule

__all__ = ["check"]

_MASK = "\x1a"  # stands in for every character of a URL
_CODE = "\x1b"  # stands in for every character of code, a comment or math in a note

# --- patterns ------------------------------------------------------------------------------


class _Guarded(NamedTuple):
    """A pattern, with words one of which the lower-cased text must contain for it to match.

    Which of these words a note contains is found once per note, in one scan
    (:func:`_needed_words`); a note with none of a pattern's words is spared the cost of the
    (case-insensitive, alternation-heavy) pattern itself. The words travel with the pattern
    because a dict keyed by compiled patterns is slow: hashing one hashes its whole program.
    """

    pattern: re.Pattern[str]
    needs: frozenset[str]


_NOUN = r"(?:source|ref|reference|citation|cite|link|url|quote|page|date)s?"
_PLACEHOLDER_CI = _Guarded(re.compile(
    rf"""
    \b(?:get|find|add|insert|need|needs|put|include|fill\s+in)\s+(?:an?\s+|the\s+)?{_NOUN}
        \s+here\b
    |(?:^|(?<=[.;:!?,(\[—–])|(?<=[.;:!?,(\[—–-]\s))(?:find|add|insert)\s+(?:an?\s+|the\s+)?
        (?:source|ref|reference|citation)s?\b  # an order, not "we could not find sources"
    |\b(?:need|needs)\s+(?:an?\s+|the\s+)?(?:source|ref|reference|citation)s?\b
    |\bcite\s+here\b
    |\[\s*(?:source|citation|cite|ref|reference|link|url)s?\s*\??\s*\](?![\[(])
    |\[\s*citation\s+needed\s*\]|\bcitation\s+needed\b
    |\blorem\s+ipsum\b
    |(?<![\w'’])(?:source|ref|reference|citation)\?(?!\w)
    |(?<!\?)\?{{2,}}(?!\?)
    """,
    re.IGNORECASE | re.VERBOSE,
), needs=frozenset(("here", "source", "ref", "citation", "[", "lorem", "??")))
_PLACEHOLDER_CS = _Guarded(re.compile(
    r"""
    (?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bstill\s)(?<!\bremains\s)
    \b(?:TODO|FIXME|(?:TBD|TBC)(?!\s+(?:[A-Z][a-z]|&)))\b
    |\bTK(?:TK)+\b|[\[(]\s*TK\s*[\])]|(?:^|(?<=[.;:,]\s))TK(?=[.;:,]|\s*$)
    |(?i:\b(?:pp?\.|pages?|date|year|url|link|vol\.|no\.|accessed)\s*)TK\b
    |\bSOURCE\s+HERE\b|[\[(]\s*(?i:source\s+here)\s*[\])]
    """,
    re.VERBOSE,
), needs=frozenset(("todo", "fixme", "tbd", "tbc", "tk", "source")))
_ALONE = re.compile(r"(?i)\W*(?:TK|X{3,}|source\s+here|source|ref|citation)\W*")
_EMPTY = re.compile(r"[\s\-–—.,;:*_]*")

_BOUNDARY = r"(?:^|(?<=[(\[])|(?<=\s)[-–—])\s*"
_REMARK_CI = _Guarded(re.compile(
    rf"""
    \bneed(?:s|ed)?\s+(?:more|further|additional|better)\s+
        (?:info|information|details?|data|sources?|context|research)\b
    |\b(?<!can\s)(?<!could\s)(?<!may\s)(?<!might\s)(?<!will\s)(?<!would\s)(?<!shall\s)
        (?:please\s+)?(?:check|verify|confirm|double[- ]check)\s+(?:this|that|these|again|
        (?:the\s+)?(?:date|dates|source|sources|link|url|figures?|numbers?|spelling|pages?|
        title|author|quote|citation|ref|reference|year))\b
    |\bto\s+be\s+(?:confirmed|checked|verified|added)\b
    |{_BOUNDARY}(?:check|verify|confirm|double[- ]check)\s*(?=[?!.)\]]|$)
    |(?:^|(?<=\s))[-–—]\s*no\s+date\b
    |\[\s*(?:author|au|ed|editor|query|comment|note\s+to\s+self|nts)\s*:[^\]\n]*\]?
    """,
    re.IGNORECASE | re.VERBOSE,
), needs=frozenset(("need", "check", "verif", "confirm", "added", "date", "[")))
#: What follows a social network account's handle in a citation: ``@handle, X (formerly
#: Twitter), 5 May 2023``, ``@handle on Telegram``. A name with an underscore or a year
#: (``@smith_2020``, ``@TN_libero_mab21``) is a pandoc citation key, not someone addressed.
_ACCOUNT = (r"\s*,?\s*(?:on\s+)?(?:X\b|Twitter|Telegram|Instagram|Facebook|Threads|Bluesky|"
            r"Mastodon|TikTok|YouTube|VK|LinkedIn|post\b|tweet)")
_REMARK_CS = _Guarded(re.compile(
    rf"""
    {_BOUNDARY}Not\s+sure\b|\bnot\s+sure\b
    |(?<!\d)\((?:\?|\s\?\s)\)|\[\s*\?\s*\]  # (not a date's doubt: "[1843(?)]")
    |(?<=\S\s)NB:|(?<=\S\s\s)NB:  # after a citation; opening a note, a remark to readers
    |(?<![\w@.\[/-])(?<!\bby\s)(?<!\bvia\s)(?<!\bas\s)(?<!\bfrom\s)(?<!\bof\s)
        @(?![\w.-]*(?:_|\d{{4}}))[A-Za-z][\w.-]*(?=\s*(?::(?!\S)|[,?])|\s+[a-z])(?!{_ACCOUNT})
    """,
    re.VERBOSE,
), needs=frozenset(("sure", "?", "nb:", "@")))
_PAREN = re.compile(r"\(([^()]*)\)")
_PAREN_REMARK = re.compile(
    r"(?:check|verify|confirm|double-check|todo|tbd|tk|needs?|find|add|fix|insert|unclear|unsure"
    r"|not\s+sure)\b"
)
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ]")
_HERE_AND_DIGITS = re.compile(r"\bhere\b.*\d|\d.*\bhere\b")
# A bare figure in brackets right after a source's URL, "<…> (300 000)": the author's note of
# a number found there, not part of the citation. A year there is a date, so not one of these.
_FIGURE_AFTER_URL = re.compile(_MASK + r"[.,;:]?[ \t]*(\([ \t]*\d[\d \t.,–-]*%?[ \t]*\))")
_YEAR_ONLY = re.compile(r"\(\s*(?:1[5-9]|20)\d\d\s*\)")
_SENTENCE_END = re.compile(r"[.?!;](?=\s|$)|" + _MASK)
# italics: Markdown's "*Title*", and plain text's "_Title_" (as Project Gutenberg writes them)
_ITALIC = re.compile(r"\*(?=[^\s*])[^*\n]*?[^\s*]\*|\*[^\s*]\*"
                     r"|(?<![\w_])_(?=[^\s_])[^_\n]*?[^\s_]_(?![\w_])")
_DOUBLED = _Guarded(re.compile(r"(?<!\.)\.\.(?!\.)|,,|;;|::"),
                    needs=frozenset(("..", ",,", ";;", "::")))


def _words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of ``words``: the longest of those that start at one place.

    The words are grouped by first character (``c(?:itation|heck)|s(?:ource|ure)|…``), so at
    each position the regex engine tries one group rather than every word.
    """
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda w: (-len(w), w)):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{re.escape(first)}(?:{'|'.join(rests)})"
                               for first, rests in by_first.items()))


_GUARDED = (_PLACEHOLDER_CS, _PLACEHOLDER_CI, _REMARK_CI, _REMARK_CS, _DOUBLED)
_NEEDED = frozenset().union(*(guarded.needs for guarded in _GUARDED))
_NEEDED_WORDS = _words_pattern(_NEEDED)
#: Each needed word, with the needed words it contains ("??" contains "?").
_CONTAINED = {word: frozenset(w for w in _NEEDED if w in word) for word in _NEEDED}
_LEADING = re.compile(r"[:;,.)\]}]+")
_DOI = re.compile(r"(?i)\bdoi\b|\b10\.\d{4,9}/")
#: An official document's symbol, which finds it in its body's repository: the United
#: Nations' ``A/HRC/RES/52/10``, ``E/CN.4/2005/L.10``, ``CCPR/C/GC/36``, ``S/2020/123``
#: (capital letters and numbers in three or more parts between slashes, one all digits).
_DOCUMENT_SYMBOL = re.compile(
    r"\b[A-Z]{1,6}(?:\.\d+)?(?=(?:/[A-Z0-9.-]+){2,})(?=\S*/\d+\b)(?:/[A-Z0-9.-]+)+")
#: A provision of a law or of the document under review, cited by its number: "Article
#: 52(1) of the Charter", "Proposal, Arts. 14 and 16", "§ 4", "Recital 12", "s. 31".
_PROVISION = re.compile(r"(?:\b(?i:art(?:icle)?s?|(?:sub)?sections?|ss?|rec(?:itals?)?|annex|"
                        r"paras?|paragraphs?|rules?|regulations?|chapters?|clauses?|"
                        r"schedules?|items?|parts?|pts?)\.?|§§?)"
                        r"\s*\d{1,4}(?:[-–.]\d{1,4}[A-Z]?)*(?:\(\w{1,4}\))*")
#: The author's own work, which a note credits rather than cites: "Eigene Darstellung",
#: "Own calculation", "Elaboración propia", "Élaboration propre", "Author's calculations".
_OWN_WORK = re.compile(
    r"(?i)\b(?:eigene[rn]?\s+(?:darstellung|berechnung|abbildung|erhebung|aufnahme|"
    r"grafik|tabelle|auswertung|übersetzung)(?:en)?|own\s+(?:illustration|calculation|"
    r"elaboration|figure|work|photo|translation|compilation|analysis)s?|"
    r"elaboraci[óo]n\s+propia|[ée]laboration\s+propre|r[ée]alisation\s+personnelle|"
    r"tradu(?:ction|cción|zione)\s+(?:propre|propia|personnelle|mia))\b")
#: A passage of scripture by book, chapter and verse ("Matthew 25:40", "Matthäus 25,40",
#: "1 Kor 13,4-7", "Sura 2:255").
_SCRIPTURE = re.compile(r"\b[^\W\d_][^\W\d_.]{0,15}\.?\s+\d{1,3}[:,]\d{1,3}(?:[-–]\d{1,3})?\b")
#: A collected edition's volume and page: "GW 8, 145", "MEW 23, S. 45", "Gesammelte Werke 8,
#: 145", "Collected Works 4, 212".
_EDITION_PAGE = re.compile(
    r"(?:\b[A-Z]{2,4}|(?i:gesammelte|sämtliche|collected|complete)\s+(?i:werke|schriften|"
    r"works|writings)|(?i:œuvres|oeuvres)\s+(?i:complètes|completes))"
    r"\s+[IVX\d]{1,4}(?:/\d{1,2})?,\s*(?:S\.|p\.|pp\.)?\s*\d{1,4}\b")
#: A note saying how the text names something from there on ("Hereafter ECJ.",
#: "Doravante TJ.", "Im Folgenden: BVerfG"): it cites nothing.
_HEREAFTER = re.compile(
    r"(?i)\b(?:here(?:in)?after|henceforth|doravante|daqui\s+em\s+diante|en\s+adelante|"
    r"en\s+lo\s+sucesivo|ci-après|dorénavant|im\s+folgenden|nachfolgend|di\s+seguito|"
    r"d'ora\s+in\s+poi)\b")
_CROSS_REFERENCE = re.compile(
    r"(?i)\b(?:ib[ií]d|ib[ií]dem|op\.?\s*cit|loc\.?\s*cit|[ií]dem|[ií]d\.|ivi\b|supra|infra|"
    r"ebd\.|ebda\b|ebenda\b|a\.\s?a\.\s?O\.|"
    r"see\s+(?:note|n\.|"
    r"above|below|chapter|section|table|figure|fig\.)|author'?s'?\s|authors')"
)
_ADDRESS_WORDS = re.compile(
    r"(?i)(?:available|accessed|retrieved|viewed|consulted|online|url|link|at|on|from|via|"
    r"in|see|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d+(?:st|nd|rd|th)?)"
)
_TOKEN = re.compile(r"\w+")
_FILE_NAME = re.compile(r"\.(?:pdf|docx?|odt|xlsx?|csv|pptx?|html?|zip)\b", re.IGNORECASE)
_LINK_LABEL = re.compile(r"\[([^\[\]\n]{1,300})\]\(")  # a link's text: "[Annual Report](…"
#: Words of a link's text that name no work: "[here](…)", "[full text (PDF)](…)".
_LINK_WORDS = frozenset(("here", "link", "links", "source", "sources", "website", "site",
                         "page", "webpage", "pdf", "this", "click", "url", "full", "text",
                         "read", "more", "document", "file", "the", "a"))
_QUOTE_RE = re.compile("['‘’‚\"“”„«»]")
_BRACKET_RE = re.compile(r"[()\[\]]")
_FLAT_BRACKETS = re.compile(r"[^()\[\]]*(?:(?:\([^()\[\]]*\)|\[[^()\[\]]*\])[^()\[\]]*)*")
_OPENER = {")": "(", "]": "["}
_FAMILY = {"'": "'", "‘": "'", "’": "'", "‚": "'", '"': '"', "“": '"', "”": '"', "„": '"',
           "«": "«", "»": "«"}
_FIXED_KIND = {"‘": "G", "‚": "O", "“": "G", "„": "O", "”": "C", "«": "O", "»": "C"}
_BEFORE_OPENING = frozenset("([{\"“‘«„‚-–—/" + _MASK)
_AFTER_CLOSING = frozenset(".,;:!?)]}\"”’»-–—'" + _MASK)
_ELIDED_YEAR = re.compile(r"\d\d(?:s|th)?\b")  # the ’90s, class of '22
_WORD = re.compile(r"[^\W\d_]+")
# A short note is trying to cite something when it names a kind of source or is a name
# ("Reuters.", "Ministry of Finance."): words of a name may be linked by these.
_SOURCE_KIND = re.compile(
    r"\b(?:interview|conversation|correspondence|communication|e-?mail|letter|report|survey|"
    r"data|dataset|statistics|statement|speech|press\s+release|website|article|document|"
    r"source|sources|memo|minutes|transcript|official|officials|ministry|agency)s?\b",
    re.IGNORECASE)
# A question to the author or editor, not a rhetorical aside ("Crazy, right?", "Can paradigm
# shifts even be personal?"): it asks about the source, or opens as a question does and
# points at the text or its writers ("Is this the 2022 figure?", "Do we have it?") or is
# as short as a query ("Which report?").
_ASKS = re.compile(
    r"(?i:is|are|was|were|should|shall|do|does|did|can|could|would|will|which|what|where|"
    r"when|who|whose|how|why|has|have|any)\b")
_POINTS_AT_TEXT = re.compile(r"\b(?i:this|that|these|those|it|we|you|i|us|our|your|here)\b")
_ABOUT_SOURCE = re.compile(
    r"\b(?i:source|date|year|figure|number|link|url|page|title|author|check|confirm|verify|"
    r"correct|citation|reference)s?\b")
_QUERY_WORDS = 4  # a question this short is a query ("Which report?", "What year, exactly?")
# A question pointing only at people ("Have you done your part?") closing a note of this many
# words of argument speaks to the reader; pointing at the text ("Is this right?") it is a query.
_READER = re.compile(r"\b(?i:we|you|us|our|your)\b")
_ARGUMENT_WORDS = 40


def _query(question: str, before: str = "") -> bool:
    """Whether ``question`` (ending before its '?') asks the author or editor something;
    ``before`` is the note's text before it."""
    if _ABOUT_SOURCE.search(question):
        return True
    if _ASKS.match(question) is None:
        return False
    pointers = {m.group().lower() for m in _POINTS_AT_TEXT.finditer(question)}
    if pointers and all(_READER.fullmatch(p) for p in pointers) \
            and len(before.split()) >= _ARGUMENT_WORDS:
        return False
    return len(question.split()) <= _QUERY_WORDS or bool(pointers)


_NAME_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "de", "la", "du", "der", "und",
                         "y", "et", "al"})
_LETTERS = re.compile(r"[^\W\d_]")

# Cyrillic and Greek letters that look like a Latin letter.
_HOMOGLYPHS = dict(zip(
    "аеорсухкіјѕһԁԛԝӏАВЕКМНОРСТУХІЈЅԚԜ" "οανριυκχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxkijshdqwlABEKMHOPCTYXIJSQW" "oavpiukxABEZHIKMNOPTYX", strict=True,
))
_TRANSLITERATION = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "'", "э": "e", "ю": "iu", "я": "ia", "і": "i",
    "ї": "i", "є": "ie", "ґ": "g", "ў": "u",
}


def check(extraction: Extraction, placeholder_words: Iterable[str] = ()
          ) -> Iterator[Finding]:
    """Yield the content findings of every note of the extraction; ``placeholder_words``
    are the house style's own words for a missing source (``XXX``), each matched as written
    (case included) and standing alone."""
    extra = _words_pattern(tuple(w for w in placeholder_words if w))
    listed_works = _Listed(extraction)
    for note in extraction.notes:
        yield from _check_note(extraction.document, note, extra, listed_works)


class _Listed:
    """The names and years the document gives outside its notes (a reference list), read
    once, on first use (:func:`footcheck.references.name_years`)."""

    def __init__(self, extraction: Extraction) -> None:
        self._extraction = extraction

    @functools.cached_property
    def names(self) -> frozenset[tuple[str, int]]:
        notes = sorted(span for note in self._extraction.notes for span in note.spans)
        return name_years(self._extraction.document.text, notes)


@functools.lru_cache(maxsize=8)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)"
                               for w in sorted(words, key=len, reverse=True)))


# --- the note as one string, mapped back to the document -------------------------------------


def _hidden_in(document: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``document.text[start:end]`` that are not prose (code spans, comments,
    math), clipped to it."""
    hidden = document.hidden
    if not hidden:
        return []
    i = bisect.bisect_left(hidden, (start,))
    if i:
        i -= 1  # one that starts before ``start`` may reach into it
    out = []
    while i < len(hidden) and hidden[i][0] < end:
        s, e = hidden[i]
        if e > start:
            out.append((max(s, start), min(e, end)))
        i += 1
    return out


@dataclass
class _View:
    """A note's text (its spans, stripped, joined by spaces), with URLs masked and a map back
    to document offsets."""

    document: Document
    note: Note
    text: str
    masked: str
    needed: set[str]  # the words of the guarded patterns ``masked`` contains, lower-cased
    starts: list[int]  # offset in ``text`` where each piece begins
    origins: list[int]  # document offset of each piece's first character
    url_count: int
    _quotes: tuple[list[tuple[int, int]], list[tuple[int, str]]] | None = None
    _titles: list[tuple[int, int]] | None = None

    @classmethod
    def of(cls, document: Document, note: Note) -> _View:
        """Build the view of ``note``, with the URLs extraction found in it masked."""
        pieces: list[str] = []
        starts: list[int] = []
        origins: list[int] = []
        masks: list[tuple[int, int]] = []
        codes: list[tuple[int, int]] = []  # code, comments, math: not words of the note
        at = 0
        for start, end in note.spans:
            raw = document.text[start:end]
            piece = raw.strip()
            if not piece:
                continue
            if pieces:
                at += 1
            origin = start + len(raw) - len(raw.lstrip())
            starts.append(at)
            origins.append(origin)
            pieces.append(piece)
            for url in note.urls:
                if start <= url.start < end:
                    masks.append((url.outer[0] - origin + at, url.outer[1] - origin + at))
            for h_start, h_end in _hidden_in(document, origin, origin + len(piece)):
                codes.append((h_start - origin + at, h_end - origin + at))
            at += len(piece)
        if not note.spans:
            text = note.text
            masks = [f.outer for f in find_urls(text)]
        else:
            text = " ".join(pieces)
        masked = text
        for start, end in codes:
            masked = masked[:start] + _CODE * (end - start) + masked[end:]
        for start, end in masks:  # each URL lies inside the text: the length is kept
            masked = masked[:start] + _MASK * (end - start) + masked[end:]
        # the addresses written elsewhere that a link of the note refers to count too
        referred = sum(not any(s <= url.start < e for s, e in note.spans)
                       for url in note.urls) if note.spans else 0
        return cls(document, note, text, masked, _needed_words(masked.lower()), starts, origins,
                   len(masks) + referred)

    def position(self, index: int) -> tuple[int, int]:
        """The document (line, column) of ``text[index]``."""
        if not self.starts:
            return self.note.line, self.note.column
        i = max(bisect.bisect_right(self.starts, index) - 1, 0)
        return self.document.position(self.origins[i] + index - self.starts[i])

    def finding(self, kind: str, message: str, index: int, suggestion: str | None = None
                ) -> Finding:
        """A finding of rule ``kind`` at ``text[index]``, for this note."""
        line, column = self.position(index)
        return rule(kind).finding(message, line, column, series=self.note.series,
                                  number=self.note.number, suggestion=suggestion)

    @property
    def quotes(self) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
        """The quoted spans and the unpaired quotes of the masked text (:func:`_quotes`),
        computed once."""
        if self._quotes is None:
            self._quotes = _quotes(self.masked)
        return self._quotes

    @property
    def titles(self) -> list[tuple[int, int]]:
        """Spans of quoted and italic text (titles), sorted, computed once."""
        if self._titles is None:
            self._titles = sorted([*self.quotes[0],
                                   *(m.span() for m in _ITALIC.finditer(self.masked))])
        return self._titles

    @property
    def quote_problems(self) -> list[tuple[int, str]]:
        """Unbalanced quotes: (index, message)."""
        return self.quotes[1]

    def finditer(self, guarded: _Guarded) -> Iterable[re.Match[str]]:
        """The pattern's matches in the masked text; none, without running it, when the note
        has none of the words it needs."""
        if self.needed.isdisjoint(guarded.needs):
            return ()
        return guarded.pattern.finditer(self.masked)

    def in_title(self, index: int) -> bool:
        """Whether ``text[index]`` lies inside a quoted or italic title."""
        return any(s <= index < e for s, e in self.titles)


# --- the rules -------------------------------------------------------------------------------


def _check_note(document: Document, note: Note, extra: re.Pattern[str] | None = None,
                listed_works: _Listed | None = None) -> Iterator[Finding]:
    """All content findings of one note (``extra``: the house style's placeholder words;
    ``listed_works``: what the document lists outside its notes)."""
    view = _View.of(document, note)
    if _EMPTY.fullmatch(view.text):
        yield _empty(view)
        return
    placeholders = _placeholders(view, extra)
    yield from _placeholder_findings(view, placeholders)
    yield from _remark_findings(view, placeholders)
    if not placeholders:
        yield from _incomplete(view, listed_works)
    yield from _formatting(view)
    yield from _mixed_script(view)


@emits("placeholder")
def _empty(view: _View) -> Finding:
    """The finding of a note with no text: its source is missing (no other rule runs)."""
    return view.finding("placeholder", "the note is empty: its source is missing", 0)


@emits("placeholder")
def _placeholder_findings(view: _View, placeholders: list[tuple[int, int]]
                          ) -> Iterator[Finding]:
    """One finding per placeholder span (:func:`_placeholders`)."""
    for start, end in placeholders:
        yield view.finding("placeholder",
                           f"placeholder {view.text[start:end]!r} left where a source should be",
                           start)


@emits("editorial-comment")
def _remark_findings(view: _View, placeholders: list[tuple[int, int]]) -> Iterator[Finding]:
    """One finding per editorial remark span (:func:`_remarks`)."""
    for start, end in _remarks(view, placeholders):
        remark = shorten(view.text[start:end])
        yield view.finding("editorial-comment",
                           f"editorial remark left in the note: {remark!r}", start)


def _placeholders(view: _View, extra: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Spans of placeholders, with those of the house style's words (``extra``).

    A note that is nothing but a placeholder word ("TK", "Source:", "[citation]") is one, but
    a note that carries a URL is not bare: "Source: <url>" names its source.
    """
    masked = view.masked
    if not view.url_count and _ALONE.fullmatch(masked) and _LETTERS.search(masked) \
            and _CODE not in masked:
        core = masked.strip(" .,;:!?[]()")
        start = masked.index(core)
        if core.isupper() or core.lower() != "tk":
            return [(start, start + len(core))]
    hits = [m.span() for m in view.finditer(_PLACEHOLDER_CS)]
    if extra is not None:
        hits.extend(m.span() for m in extra.finditer(view.masked))
    for m in view.finditer(_PLACEHOLDER_CI):
        if not m.group().startswith("[") and view.in_title(m.start()):
            continue
        hits.append(m.span())
    return _merge(hits, gap=0) if hits else hits


def _remarks(view: _View, placeholders: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of editorial remarks, each stretched to the end of its sentence and merged."""
    masked = view.masked
    spans: list[tuple[int, int]] = []
    for m in (*view.finditer(_REMARK_CI), *view.finditer(_REMARK_CS)):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        if view.in_title(start):
            continue
        end = m.end() if m.group().endswith(("]", ")", ":")) else _sentence_end(masked, m.end())
        if start and masked[start - 1] in "([":  # (verify), [check]: the brackets too
            start -= 1
            close = masked.find(")" if masked[start] == "(" else "]", m.end())
            end = close + 1 if close != -1 else end
        spans.append((start, end))
    first_url = masked.find(_MASK)
    if first_url != -1 and masked.find("(", first_url) != -1:  # else no figure after a URL
        for m in _FIGURE_AFTER_URL.finditer(masked, first_url):
            if not _YEAR_ONLY.fullmatch(m.group(1)):
                spans.append(m.span(1))
    for m in _PAREN.finditer(masked):
        inner = m.group(1).strip()
        if any(m.start() < s < m.end() for s, _ in view.titles):
            inner = _without(inner, m.start(1) + m.group(1).find(inner), view.titles)
        if inner[:1].islower() and not view.in_title(m.start()) and (
                _PAREN_REMARK.match(inner) or _HERE_AND_DIGITS.search(inner)
                or (inner.endswith("?") and ((len(inner.split()) <= _QUERY_WORDS
                                              and not _CAPITAL.search(inner, 1))
                                             # ("(pre-PEP?)" in a title is no query)
                                             or _query(inner[:-1])))):
            spans.append(m.span())
    i = masked.find("?")
    while i != -1:
        if _is_query(view, i):
            spans.append((_sentence_start(masked, i), i + 1))
        i = masked.find("?", i + 1)
    if not spans:
        return spans
    merged = _merge(spans, gap=2, text=masked)
    return [s for s in merged if not any(p < s[1] and s[0] < q for p, q in placeholders)]


def _without(text: str, at: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (found at offset ``at``) with the parts inside ``spans`` blanked: what an
    aside says in its own words, not in what it quotes ("(questions from the press
    included, "… officials here … 17 days …")")."""
    chars = list(text)
    for s, e in spans:
        for k in range(max(s - at, 0), min(e - at, len(chars))):
            chars[k] = " "
    return "".join(chars).strip()


def _title_cased(words: str) -> bool:
    """Whether ``words`` are set as a title's: of three or more words of four letters or
    more, two in three capitalised (``European Broadband Deployment: What Do the Data``)."""
    long = [w for w in _WORD.findall(words) if len(w) >= 4]
    return len(long) >= 3 and 3 * sum(w[0].isupper() for w in long) >= 2 * len(long)


#: A numbered question's label just before it: "Frage II.", "Question 3:", "Q4.".
_QUESTION_LABEL = re.compile(r"(?:^|\s)(?i:frage|question|q|pregunta|domanda|вопрос)"
                             r"\s*(?:[IVXLC]+|\d{1,3})[.:]\s*$")
_SENTENCE_GAP = re.compile("[\"”’»']? ")  # after a sentence's end: a closing quote, a space


def _is_query(view: _View, i: int) -> bool:
    """Whether the '?' at ``i`` ends a question to the author rather than a title."""
    masked = view.masked
    before = masked[i - 1] if i else " "
    after = masked[i + 1] if i + 1 < len(masked) else " "
    if before in "?([" or not after.isspace():
        return False
    if view.in_title(i):
        return False
    start = _sentence_start(masked, i)
    rest = masked[i + 1:].strip(" ()[]<>.,;:\n")
    if rest and not rest.strip(_MASK) and not masked[:start].strip() and \
            not _ABOUT_SOURCE.search(masked, start, i):
        return False  # "why not just attrs? (https://…/issues/19)": the title of the page
        # the note's address gives (an issue's, a thread's), the note's whole text; "Is
        # this the right link? <https://…>" still asks
    first = _LETTERS.search(masked, start, i)
    if first is None or _title_cased(masked[start:i]):
        return False  # "…: What Do the Data Say?", a title's words
    if _QUESTION_LABEL.search(masked, 0, start):
        return False  # "Frage II. wo er seine Wohnung hat?": a book's numbered question
    if masked[start] in "-–—":  # "Die heilige Veronika – heilig oder legendär?": a title's
        return _query(masked[first.start():i])  # part, unless it asks ("– is this right?")
    if first.group().islower():
        before = masked[:start]
        if len(before.split()) < _ARGUMENT_WORDS or before.rstrip()[-1:] not in "?!;":
            return True  # "need more info on this?"
        # a long argument's question going on from the one before: "…palais? qui s'en
        # inquiète?", "…dans le comté; l'ordre n'en serait-il pas…?"
        return _ABOUT_SOURCE.search(masked, first.start(), i) is not None
    at_end = not masked[i + 1:].strip(" " + _MASK)
    # "Is this the 2022 figure?"
    return at_end and _query(masked[first.start():i], masked[:start])


def _names_a_work(label: str) -> bool:
    """Whether a link's text names a work: words, not an address (``[https://…]``), a file's
    name (``[Ruling-on-the-role-PDF.pdf]``) or what names no work (``[here]``)."""
    words = label.split()
    if len(words) < 2 or "://" in label or "www." in label or _FILE_NAME.search(label):
        return False
    return any(_LETTERS.search(w) and not _ADDRESS_WORDS.fullmatch(w) and
               w.lower() not in _LINK_WORDS for w in _TOKEN.findall(label))


@emits("incomplete-reference")
def _incomplete(view: _View, listed_works: _Listed | None = None) -> Iterator[Finding]:
    """A note that is only an address, a source that is only an author and a year (as
    parsed, pointing back to no citation in full, in a note or in a reference list outside
    the notes: ``listed_works``), or too little to identify a source."""
    masked = view.masked
    if _CODE in masked:
        return  # "``fsencode()``: <url>": the code names what the address is
    if view.url_count:
        for m in _TOKEN.finditer(masked):  # (the mask is not a word character)
            word = m.group()
            if _LETTERS.search(word) and not _ADDRESS_WORDS.fullmatch(word):
                return  # a word that is not about the address
        if "](" in view.text and any(_names_a_work(label)
                                     for label in _LINK_LABEL.findall(view.text)):
            return  # a link's text names the work: "[Annual Report 2020](https://…)"
        yield view.finding("incomplete-reference",
                           "the note gives only an address: no author, title or date", 0)
        return
    bare = [r for r in view.note.references if names_only(r)]
    if bare:
        names = listed_works.names if listed_works is not None else \
            name_years(view.document.text)
        bare = [r for r in bare if not listed(r, names)]
    for ref in bare:
        yield view.finding("incomplete-reference",
                           f"{shorten(' '.join(ref.raw.split()), 60)!r} names only an author "
                           "and a date: nothing to find the work by", 0)
    if bare:
        return
    if view.note.references and all(r.refers_back for r in view.note.references):
        return  # "Lowi, Water and Power, 187.": a short form of a citation given in full
    words = _WORD.findall(masked)
    if (YEAR.search(masked) or _DOI.search(masked) or _CROSS_REFERENCE.search(masked)
            or _OWN_WORK.search(masked) or _SCRIPTURE.search(masked)
            or _EDITION_PAGE.search(masked) or _HEREAFTER.search(masked)
            or _DOCUMENT_SYMBOL.search(masked) or _PROVISION.search(masked) or view.titles
            or len(words) > 5):
        return
    if not words or not (_SOURCE_KIND.search(masked) or all(
            w[0].isupper() or w.lower() in _NAME_LINKS for w in words)):
        return  # "Modulo dynamic linking.", "Crazy, right?", code: a note that cites nothing
    if len(words) == 1 and not _SOURCE_KIND.search(masked) and outlet_named(words[0]) is None:
        return  # "Weekmarkt.": a word glossed, translated; "Reuters." names a source
    short = [r for r in view.note.references if is_short(r)]
    if short and len(short) == len(view.note.references):  # "Smith, Other Book, 187."
        yield view.finding("incomplete-reference",
                           f"{shorten(' '.join(short[0].raw.split()), 60)!r} is a short form, "
                           "but no earlier note or bibliography entry gives the work in full",
                           0)
        return
    yield view.finding("incomplete-reference",
                       f"the note {shorten(view.text, 60)!r} names no title, date or address",
                       0)


@emits("formatting")
def _formatting(view: _View) -> Iterator[Finding]:
    """Unbalanced quotes and brackets, stray leading punctuation, doubled punctuation."""
    masked = view.masked
    lead = _LEADING.match(masked)
    skip = 0
    if lead and not masked.startswith(("...", "…")):
        skip = lead.end()
        rest = masked[skip:].lstrip()
        yield view.finding("formatting",
                           f"the note starts with a stray {lead.group()!r}", 0,
                           suggestion=_opening(view.text[len(masked) - len(rest):]))
    for index, message in (*view.quote_problems, *_brackets(masked)):
        if index >= skip:
            yield view.finding("formatting", message, index)
    for m in view.finditer(_DOUBLED):
        yield view.finding("formatting", f"doubled punctuation {m.group()!r}", m.start(),
                           suggestion=m.group()[0])


@emits("mixed-script")
def _mixed_script(view: _View) -> Iterator[Finding]:
    """Words mixing Latin with Cyrillic or Greek letters."""
    text = view.text
    if text.isascii():
        return
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        latin = [c for c in word if c.isascii() or "\u00c0" <= c <= "\u024f"]
        foreign = [c for c in word if "\u0370" <= c <= "\u052f" or "\u1f00" <= c <= "\u1fff"]
        if not latin or not foreign or _unit(word, foreign):
            continue
        script = "Cyrillic" if any(c >= "\u0400" for c in foreign if c < "\u0530") else "Greek"
        letters = ", ".join(dict.fromkeys(foreign))
        verb = "is" if len(set(foreign)) == 1 else "are"
        if all(c in _HOMOGLYPHS for c in foreign):
            suggestion: str | None = "".join(_HOMOGLYPHS.get(c, c) for c in word)
        elif all(c.lower() in _TRANSLITERATION for c in foreign):
            suggestion = "".join(_transliterate(c) for c in word)
        else:
            suggestion = None
        yield view.finding("mixed-script",
                           f"{word!r} mixes Latin and {script} letters ({letters} {verb} "
                           f"{script})", m.start(), suggestion=suggestion)


# --- helpers ---------------------------------------------------------------------------------


def _needed_words(lower: str) -> set[str]:
    """The words of the guarded patterns (:data:`_NEEDED`) that ``lower`` contains, found in
    one scan.

    The scan goes on one character after the start of each match, so overlapping words are
    all found ("therefore": "here", "ref"); a word starting where a longer one matched is
    part of it ("?" of "??"), and is taken from :data:`_CONTAINED`.
    """
    found: set[str] = set()
    m = _NEEDED_WORDS.search(lower)
    while m:
        found |= _CONTAINED[m.group()]
        m = _NEEDED_WORDS.search(lower, m.start() + 1)
    return found


def _quotes(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """Pair the quotes of ``text``; return the quoted spans and the unpaired quotes.

    A ``'`` or ``’`` between two letters is an apostrophe (We're, posol'stvo); one after a
    letter and before a space or punctuation (vnov' popast', dodgers' house) closes an open
    quote only when no later quote could close it: otherwise it is a soft sign or a plural
    possessive. ``“`` closes a German ``„`` and ``‘`` a ``‚``; otherwise they open. A ``”``
    after a space and before a letter opens (a typesetter's ``”Stopped flow…”``).
    """
    tokens: dict[str, list[tuple[int, str]]] = {}  # by family, in order of first quote
    padded = f" {text} "  # the characters around text[i] are padded[i] and padded[i + 2]
    for m in _QUOTE_RE.finditer(text):
        i = m.start()
        ch, prev, nxt = text[i], padded[i], padded[i + 2]
        if ch in "'’‘" and (prev.isalnum() and nxt.isalnum()):
            continue  # an apostrophe
        opens = prev.isspace() or prev in _BEFORE_OPENING
        closes = nxt.isspace() or nxt in _AFTER_CLOSING
        if ch in "'’":
            if opens == closes or (nxt.isdecimal() and _ELIDED_YEAR.match(text, i + 1)):
                continue
            kind = "O" if opens else "A" if prev.isalnum() else "C"
        elif ch == '"':
            kind = "T" if opens == closes else "O" if opens else "C"
        elif ch == "”" and opens and not closes:
            kind = "O"  # a closing quote set to open (XeLaTeX's ”Stopped…”): it opens
        else:
            kind = _FIXED_KIND[ch]
        tokens.setdefault(_FAMILY[ch], []).append((i, kind))
    regions: list[tuple[int, int]] = []
    problems: list[tuple[int, str]] = []
    for toks in tokens.values():
        stack: list[int] = []
        after: list[str] | None = None  # _next_decisive(toks), needed only for an "A"
        for n, (i, kind) in enumerate(toks):
            if kind == "G":
                kind = "C" if stack and text[stack[-1]] in "„‚" else "O"
            if kind == "T":
                kind = "C" if stack else "O"
            if kind == "O":
                stack.append(i)
            elif kind == "C":
                if stack:
                    regions.append((stack.pop(), i + 1))
                else:
                    problems.append((i, f"closing quote {text[i]} has no opening quote"))
            elif stack:
                if after is None:
                    after = _next_decisive(toks)
                if len(stack) > 1 or after[n] != "C":  # an "A" that closes
                    regions.append((stack.pop(), i + 1))
        for i in stack:  # an unclosed title runs at most to the next URL or italic
            problems.append((i, f"quote {text[i]} is opened but never closed"))
            stops = [k for k in (text.find(_MASK, i), text.find("*", i)) if k != -1]
            regions.append((i, min(stops, default=len(text))))
    problems.sort()
    return regions, problems


def _next_decisive(tokens: list[tuple[int, str]]) -> list[str]:
    """For each quote token, the kind ('O' or 'C') of the next sure opening or closing quote
    after it, or '' when there is none."""
    out: list[str] = []
    upcoming = ""
    for _, kind in reversed(tokens):
        out.append(upcoming)
        if kind in ("O", "C"):
            upcoming = kind
    out.reverse()
    return out


def _brackets(text: str) -> list[tuple[int, str]]:
    """Unpaired round and square brackets: (index, message)."""
    if "\\" not in text and _FLAT_BRACKETS.fullmatch(text):
        return []  # only pairs with no bracket inside, none of them escaped
    open_count = {"(": 0, "[": 0}
    stack: list[int] = []
    problems: list[tuple[int, str]] = []
    for m in _BRACKET_RE.finditer(text):
        i, ch = m.start(), m.group()
        if i and text[i - 1] == "\\":
            continue
        if ch in "([":
            stack.append(i)
            open_count[ch] += 1
            continue
        opener = _OPENER[ch]
        if not open_count[opener]:
            if stack:  # (…] : one slip, reported at the opening bracket
                k = stack.pop()
                open_count[text[k]] -= 1
                problems.append((k, f"{text[k]!r} is closed by {ch!r}"))
            elif not _enumerator(text, i):
                problems.append((i, f"closing {ch!r} has no opening {opener!r}"))
            continue
        while True:
            k = stack.pop()
            open_count[text[k]] -= 1
            if text[k] == opener:
                break
            problems.append((k, f"{text[k]!r} is never closed"))
    for k in stack:
        problems.append((k, f"{text[k]!r} is never closed"))
    problems.sort()
    return problems


def _enumerator(text: str, i: int) -> bool:
    """Whether the ')' at ``i`` closes a list label such as '1)', 'a)' or 'iv)'."""
    m = re.search(r"(?:^|[\s;,])(?:[a-z]|\d{1,2}|[ivx]{1,4})$", text[max(0, i - 6):i])
    return m is not None


def _unit(word: str, foreign: list[str]) -> bool:
    """Whether ``word`` is a unit such as 'μg' or 'Ωm', or a formula's symbol such as 'δp'
    or 'Δx' (a short word whose Greek letters look like no Latin one), rather than a
    mixed-script slip."""
    if len(foreign) == 1 and word[0] in "μΩΔ" and len(word) <= 4:
        return True
    return len(word) <= 4 and all("\u0370" <= c <= "\u03ff" and c not in _HOMOGLYPHS
                                  for c in foreign)


def _transliterate(ch: str) -> str:
    """A Cyrillic letter in Latin script (simple BGN/PCGN-like table); others unchanged."""
    out = _TRANSLITERATION.get(ch.lower())
    if out is None:
        return ch
    return out.capitalize() if ch.isupper() else out


def _sentence_end(text: str, index: int) -> int:
    """The offset just past the sentence that contains ``index``."""
    m = _SENTENCE_END.search(text, index)
    if m is None:
        return len(text.rstrip())
    return m.end() if m.group() != _MASK else m.start()


# A short abbreviation before a number ends no sentence: "s. 2", "p. 14", "No. 3", "art. 5".
_ABBREVIATION = re.compile(r"(?<![\w.])(?i:s|ss|p|pp|para|paras|no|nos|art|arts|sec|ch|vol|"
                           r"§|n|fn|cf|v|vs)$")


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation such as "s." or "No."."""
    return _ABBREVIATION.search(text, max(0, dot - 5), dot) is not None


def _sentence_start(text: str, index: int) -> int:
    """The offset where the sentence ending at ``index`` starts: after a sentence's end
    (perhaps closed by a quote: ``enforceable." Participants``), an opening bracket, an
    address or a dash set apart; what a pair of brackets holds before ``index`` is part of
    the sentence (``[racing thoughts](https://…) be related?``, ``(section 706 …)?``)."""
    i = index - 1
    depth = 0
    while i >= 0:
        ch = text[i]
        if ch in ")]":
            depth += 1
        elif ch in "([":
            if not depth:
                break
            depth -= 1
        elif depth:
            pass
        elif ch == _MASK:
            run = i
            while run and text[run - 1] == _MASK:
                run -= 1
            before = run
            while before and text[before - 1].isspace():
                before -= 1
            if not (before and text[before - 1].isalpha()):
                break  # an address standing alone in a citation, not a link in a sentence
            i = run  # "Could [racing thoughts](https://…) be related?": one sentence
        elif ch in ".?!;" and _SENTENCE_GAP.match(text, i + 1) and not (
                ch == "." and _abbreviation(text, i)):
            break
        elif ch in "-–—" and i and text[i - 1] == " ":
            i -= 1
            break
        i -= 1
    j = i + 1
    while j < index and text[j] == " ":
        j += 1
    return j


def _merge(spans: list[tuple[int, int]], gap: int, text: str = "") -> list[tuple[int, int]]:
    """Merge overlapping spans, and spans separated by at most ``gap`` spaces/punctuation."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1] + gap and not text[out[-1][1]:start].strip(" .,;:"):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _opening(text: str, limit: int = 40) -> str:
    """The start of ``text``, cut at a word boundary near ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit] + " …"
