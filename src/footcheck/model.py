"""The small, frozen data types that flow through footcheck.

Data flows one way: ``document`` reads a file into a :class:`Document`, ``extract`` finds
:class:`Marker` and :class:`Note` objects in it, ``checks`` turn those into :class:`Finding`
objects, and ``formats`` render a :class:`Report`. Nothing here does any work beyond small,
derived properties, so every other module may import it.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field

ENDNOTES = "endnotes"
FOOTNOTES = "footnotes"
SERIES = (ENDNOTES, FOOTNOTES)

# Notations of the notes a format defines itself (the extractor names the typed ones).
MARKDOWN = "markdown"  # [^12], [^source] and ^[inline] footnotes
RST = "rst"  # reStructuredText footnotes and citations: [1]_, [#]_, [*]_, [CIT2002]_
NATIVE = "native"  # footnotes and endnotes a word processor numbers (Word, OpenDocument)

# Kinds of :class:`Block`: what a part of the document is, as its format says.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
CODE = "code"  # fenced, indented or literal code: never scanned for notes or markers
TABLE_CELL = "table_cell"
QUOTE = "quote"
NOTE_BODY = "note_body"  # the body of a note the format itself defines
PAGE_FOOT = "page_foot"  # a paragraph of the notes at the foot of a page (PDF)
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, CODE, TABLE_CELL, QUOTE, NOTE_BODY, PAGE_FOOT)


class Severity(enum.IntEnum):
    """How much a finding matters; comparable, so ``--fail-on`` is a simple ``>=``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        """Return the severity called ``name`` (case-insensitive)."""
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r}") from None


@dataclass(frozen=True)
class Block:
    """A part of a document and what it is (``HEADING``, ``LIST_ITEM``, ``CODE``…).

    ``start``/``end`` are character offsets in ``Document.text``; ``level`` is a heading's
    level or a list item's depth (0 when it means nothing).
    """

    kind: str
    start: int
    end: int
    level: int = 0


@dataclass(frozen=True)
class Document:
    """A decoded text document with a map from character offsets to editor positions.

    ``text`` has its line endings normalised to ``\\n`` and any byte-order mark removed, so a
    line number in ``text`` is the line number an editor shows for the original file.

    Readers that understand a format's structure also fill in ``blocks`` (what each part
    is), ``hidden`` (the (start, end) spans that are not prose: code, comments, link
    destinations, math; never scanned for markers or labels) and, where the format itself
    defines notes (Markdown or reStructuredText footnotes), ``native_notes`` and
    ``native_markers``, which the extractor passes through instead of guessing them.
    ``links`` are the spans among ``hidden`` that are a hyperlink's destination (a Markdown
    link, autolink or reference definition): not prose, but an address a reader follows.
    ``unread`` is what the reader saw amiss in the format itself (a code block never closed
    that would print the notes after it as code); ``escapes`` the offsets of the backslashes
    by which Markdown writes a bracket as text (pandoc's ``\\[1\\]`` for "[1]").
    ``referred`` pairs the span of a link whose address is written elsewhere with the span
    holding that address (``[Tensorflow][tf]`` and ``[tf]: https://…``; reST's
    `` `Tensorflow`_ `` and ``.. _Tensorflow: https://…``): a note with such a link cites
    that address.
    """

    path: str
    text: str
    encoding: str
    line_starts: tuple[int, ...] = field(repr=False, default=())
    format: str = "text"  # text, markdown, html, docx, pdf: what the file was
    units: str = "line"  # what a "line" of ``text`` is in the file: line or paragraph
    page_starts: tuple[int, ...] = field(repr=False, default=())  # first line of each page
    blocks: tuple[Block, ...] = field(repr=False, default=())
    hidden: tuple[tuple[int, int], ...] = field(repr=False, default=())
    native_notes: tuple[Note, ...] = field(repr=False, default=())
    native_markers: tuple[Marker, ...] = field(repr=False, default=())
    links: tuple[tuple[int, int], ...] = field(repr=False, default=())
    unread: tuple[Unread, ...] = field(repr=False, default=())  # what the reader saw amiss
    escapes: tuple[int, ...] = field(repr=False, default=())  # Markdown's "\\[": a "["
    referred: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = field(repr=False,
                                                                           default=())

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", encoding: str = "utf-8",
                  **kinds: object) -> Document:
        """Build a document from already-decoded text (line endings are normalised).

        ``kinds`` sets ``format``, ``units`` and ``page_starts`` for converted documents.
        """
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        return cls(path=path, text=text, encoding=encoding, line_starts=tuple(starts),
                   **kinds)

    @property
    def line_count(self) -> int:
        """Number of lines, counting a final line without a newline."""
        n = len(self.line_starts)
        return n - 1 if self.text.endswith("\n") else n

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a character offset into ``text``."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    @property
    def plain_lines(self) -> bool:
        """Whether a line of ``text`` is a line of the file (text, not a converted document
        whose lines are paragraphs or whose pages are known)."""
        return self.units == "line" and not self.page_starts

    def page(self, line: int) -> int | None:
        """The 1-based page holding ``line``, when the document knows its pages."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, line) or None

    def line(self, number: int) -> str:
        """Return the text of 1-based line ``number`` without its newline."""
        start = self.line_starts[number - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]


def within(spans: tuple[tuple[int, int], ...], offset: int) -> bool:
    """Whether ``offset`` lies in one of the sorted ``spans`` (such as ``Document.hidden``)."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


@dataclass(frozen=True)
class Url:
    """A URL found in a note or the text: the cleaned address, what was written, and where.

    ``start``/``end`` are the offsets of ``raw`` in ``Document.text``; ``outer`` spans the
    whole construct (``<…>`` or ``[text](…)``). ``problem`` says why the URL cannot work as
    written, and ``repaired`` is the fixed URL when a fix is certain enough to offer.
    ``form`` is ``bare``, ``angle`` or ``markdown``.
    """

    url: str
    raw: str
    line: int
    column: int
    start: int = 0
    end: int = 0
    outer: tuple[int, int] = (0, 0)
    problem: str | None = None
    repaired: str | None = None
    form: str = "bare"


@dataclass(frozen=True)
class Marker:
    """A note marker in the text, such as ``^{XIV}``, ``²`` or ``[^12]``.

    ``token`` is the numeral as written (``XIV``, ``L1``); ``number`` is its value, or the
    likely intended value when the numeral is malformed, or ``None`` when it cannot be read.
    """

    label: str
    token: str
    number: int | None
    series: str
    notation: str
    line: int
    column: int
    offset: int
    malformed: bool = False


@dataclass(frozen=True)
class Note:
    """One note definition: its label as written, its number, its full text and its URLs.

    A note that continues after a page break is one note; ``end_line`` is its last line.
    ``spans`` are the (start, end) character offsets in ``Document.text`` of the note's text
    (label excluded), one per paragraph; ``text`` is those pieces joined by single spaces.
    """

    label: str
    token: str
    number: int | None
    series: str
    notation: str
    line: int
    column: int
    end_line: int
    text: str
    spans: tuple[tuple[int, int], ...] = ()
    urls: tuple[Url, ...] = ()
    malformed: bool = False
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class Reference:
    """The bibliographic fields of one source cited in a note (a note may cite several)."""

    type: str = "misc"
    authors: tuple[str, ...] = ()
    #: the editors of the book or proceedings a chapter or a paper is in (``Rahman, N.``)
    editors: tuple[str, ...] = ()
    year: int | None = None
    title: str | None = None
    container: str | None = None
    date: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    urls: tuple[str, ...] = ()
    doi: str | None = None
    accessed: str | None = None
    publisher: str | None = None
    place: str | None = None  # of publication, from an imprint ("London: Routledge")
    raw: str = ""
    key: str | None = None
    note: str | None = None  # text of the source that fits no field (a comment, figures)
    genre: str | None = None  # a description such as "draft manuscript"
    #: How the citation points back to an earlier one whose fields it then carries:
    #: ``"ibid"`` (``Ibid., 47.``) or ``"short"`` (``Schumpeter, Capitalism, 50.``).
    refers_back: str | None = None


@dataclass(frozen=True)
class Finding:
    """One problem found in a document.

    ``code`` and ``kind`` identify the rule (``FC101`` / ``duplicate-note``); ``series`` and
    ``number`` name the note or marker concerned, when there is one; positions are 1-based.
    """

    code: str
    kind: str
    severity: Severity
    message: str
    line: int
    column: int = 1
    series: str | None = None
    number: int | None = None
    suggestion: str | None = None


class LinkVerdict(str, enum.Enum):
    """What checking a cited URL found; the value is how reports write it (``soft-404``).

    A ``str``, so a verdict compares equal to its name and JSON writes it as one; the
    predicates say what each verdict means for the rest of footcheck.
    """

    DEAD = "dead"
    SOFT_404 = "soft-404"
    SERVER_ERROR = "server-error"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    REDIRECTED = "redirected"
    BLOCKED = "blocked"
    UNVERIFIED = "unverified"
    ALIVE = "alive"  # (the order is the one reports list them in: problems first)

    __str__ = str.__str__
    __format__ = str.__format__

    @property
    def reached(self) -> bool:
        """Whether a page answered (alive, or moved to a working page): its title and date
        can be compared with the note."""
        return self in (LinkVerdict.ALIVE, LinkVerdict.REDIRECTED)

    @property
    def is_dead(self) -> bool:
        """Whether the page is gone (a dead link or a soft 404)."""
        return self in (LinkVerdict.DEAD, LinkVerdict.SOFT_404)

    @property
    def cached(self) -> bool:
        """Whether the verdict is kept in the link cache (successes only)."""
        return self.reached

    @property
    def wants_archive(self) -> bool:
        """Whether an archived snapshot is worth looking up."""
        return self in (LinkVerdict.DEAD, LinkVerdict.SOFT_404, LinkVerdict.UNREACHABLE)

    @property
    def rule_kind(self) -> str | None:
        """The kind of the rule this verdict is a finding of by itself, if any."""
        if self in (LinkVerdict.ALIVE, LinkVerdict.UNVERIFIED):
            return None
        return "dead-link" if self is LinkVerdict.DEAD else self.value

    @property
    def rank(self) -> int:
        """Place in reports: the order of the members, problems first, ``alive`` last."""
        return _VERDICT_RANK[self]


_VERDICT_RANK = {verdict: i for i, verdict in enumerate(LinkVerdict)}


@dataclass(frozen=True)
class LinkResult:
    """The verdict on one cited URL after (or instead of) checking it over HTTP."""

    url: str
    verdict: LinkVerdict
    http_status: int | None = None
    final_url: str | None = None
    title: str | None = None
    published: str | None = None
    checked_at: str | None = None
    from_cache: bool = False
    archive_url: str | None = None
    detail: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.verdict, LinkVerdict):  # "dead" given as a string
            object.__setattr__(self, "verdict", LinkVerdict(self.verdict))


@dataclass(frozen=True)
class Unread:
    """Something that looks like notes or citations but that footcheck could not read:
    another tool's syntax (``[@key]``, ``\\footnote{…}``) or a notes section with no note.

    ``what`` names the syntax ("pandoc citation [@key]") or, for a ``section``, its heading;
    ``count`` is how many there are (paragraphs, for a section), the first at
    ``line``/``column``.
    """

    what: str
    line: int
    column: int = 1
    count: int = 1
    section: bool = False
    unclosed: bool = False  # a code block never closed, read past: ``count`` notes after it
    elsewhere: str = ""  # markers of notes kept in these other files (an EPUB's chapter)
    flattened: bool = False  # markers 1…``count`` flattened into a text that lost its notes


@dataclass(frozen=True)
class Extraction:
    """What ``extract`` found in a document: notes and markers of every series, what looked
    like notes but could not be read, and the URLs ``linked`` outside the notes (a link in
    the prose, an address in a list of works), which are checked as a note's are."""

    document: Document
    notes: tuple[Note, ...]
    markers: tuple[Marker, ...]
    unread: tuple[Unread, ...] = ()
    linked: tuple[Url, ...] = ()


@dataclass(frozen=True)
class Suppressed:
    """A finding set aside, and why: ``comment`` (in the document) or ``baseline``."""

    finding: Finding
    reason: str


@dataclass(frozen=True)
class Report:
    """The result of auditing one document: everything a format needs to render.

    ``suppressed`` holds the findings set aside by a comment in the document or by a
    baseline; ``None`` when neither was in play (the JSON report then has no such key).
    """

    document: Document
    notes: tuple[Note, ...]
    markers: tuple[Marker, ...]
    findings: tuple[Finding, ...]
    links: tuple[LinkResult, ...] = ()
    suppressed: tuple[Suppressed, ...] | None = None
    linked: tuple[Url, ...] = ()  # the URLs outside the notes (``Extraction.linked``)

    def counts(self) -> dict[str, int]:
        """Number of findings per severity name, every severity present."""
        out = {str(s): 0 for s in sorted(Severity, reverse=True)}
        for f in self.findings:
            out[str(f.severity)] += 1
        return out

    def worst(self) -> Severity | None:
        """The highest severity among the findings, or ``None`` when there are none."""
        return max((f.severity for f in self.findings), default=None)

    def fails(self, fail_on: Severity | str | None = Severity.ERROR) -> bool:
        """Whether the report fails a gate set at ``fail_on`` (a severity or its name;
        ``None`` or ``"never"``: it never fails): a finding at that severity or above."""
        if fail_on is None or fail_on == "never":
            return False
        threshold = fail_on if isinstance(fail_on, Severity) else Severity.parse(fail_on)
        worst = self.worst()
        return worst is not None and worst >= threshold
