"""Structure rules: do markers and notes match, once each, in order, in one style?"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from .. import extract as ex
from ..model import (
    NATIVE,
    TABLE_CELL,
    Document,
    Extraction,
    Finding,
    Marker,
    Note,
    Unread,
    within,
)
from ..numerals import ROMAN, desuperscript, format_number, is_roman
from .rules import emits, rule


@dataclass
class _Series:
    """Everything one series holds, with how it writes its numbers."""

    name: str
    notes: list[Note]
    markers: list[Marker]
    roman: bool
    case: str | None
    at: Callable[[int], str]  # "line 12", or "paragraph 12" in a converted Word file
    #: a list of works under a Bibliography heading, cited by no marker: no notes to cite
    bibliography: bool = False
    #: a list under a heading of the works cited (References): numbers cited as a citation
    #: style cites them, again and in any order after the first citation
    works: bool = False
    #: the offsets of the markers set in a table's cells
    tabled: frozenset[int] = frozenset()

    @property
    def named(self) -> bool:
        """Markdown footnotes only: their labels are names ([^1], [^source]), not numbers."""
        return all(it.notation in ex.NAMED for it in (*self.notes, *self.markers))

    def fmt(self, number: int | None) -> str:
        """Write ``number`` the way this series does (``XCIV``, ``xciv`` or ``94``)."""
        if number is None:
            return "?"
        return format_number(number, ROMAN if self.roman else "arabic", self.case)

    @property
    def singular(self) -> str:
        return self.name[:-1]


def check(extraction: Extraction) -> Iterator[Finding]:
    """Yield every structure finding for the document."""
    yield from _no_notes(extraction)
    yield from _unread(extraction)
    yield from _unclosed(extraction)
    yield from _author_date(extraction)
    for series in _series(extraction):
        yield from _malformed(series)
        for part in _parts(series, extraction.document):  # each article of a compilation
            yield from _notes_vs_markers(part)
            yield from _style(part)  # has its own house style


#: How many different addresses a text links to to cite its sources by link (one link is a
#: brief's home page or a contact, as an export that lost its notes keeps).
_LINKED_LEAST = 2


@emits("no-notes")
def _no_notes(extraction: Extraction) -> Iterator[Finding]:
    """One finding when the document has no note at all, saying how many markers it has;
    none when it has no marker either and cites its sources otherwise: a list of the works
    it cites (author and year), or links to them in its text."""
    if extraction.notes or (not extraction.markers and (
            len({url.url for url in extraction.linked}) >= _LINKED_LEAST
            or ex.reference_list(extraction.document)
            or any(u.elsewhere or u.flattened for u in extraction.unread))):
        return  # (markers of notes in another file, or of notes lost: FC109 says so)
    yield rule("no-notes").finding(
        "the document contains no notes"
        + (f"; its {len(extraction.markers)} markers point nowhere"
           if len(extraction.markers) > 1 else
           "; its one marker points nowhere" if extraction.markers else
           " and no note markers"), 1)


#: How many citations and entries make an author-date text, and the share of its citations
#: that must name an entry before the others are reported.
_AUTHOR_DATE_LEAST = 3
_AUTHOR_DATE_SHARE = 0.6


class _AuthorDate(NamedTuple):
    """An author-date text as read: its citations, the works its list gives, the years
    listed for each name, and the citations that name a listed work."""

    document: Document
    cited: list[ex.NameYear]
    works: list[ex.ListedWork]
    keys: dict[str, set[str]]
    listed: set[ex.NameYear]


def _author_date(extraction: Extraction) -> Iterator[Finding]:
    """Citations naming no listed work, and listed works no citation names, when the text
    cites by author and date: it lists three works or more and most of its citations
    name one of them (so that both are known to be read)."""
    document, notes = extraction.document, extraction.notes
    if not ex.reference_list(document):
        return
    cited, works = ex.author_date(document, notes)
    keys = ex.work_keys(works)
    if len(keys) < _AUTHOR_DATE_LEAST:
        return
    listed = {c for c in cited if c.year in keys.get(c.name, ())
              or c.year in keys.get(c.other or "", ())}  # (a set: looked up for each one)
    if len(cited) < _AUTHOR_DATE_LEAST or len(listed) < _AUTHOR_DATE_SHARE * len(cited):
        return
    reading = _AuthorDate(document, cited, works, keys, listed)
    yield from _unlisted(reading)
    yield from _uncited_works(reading)


@emits("unlisted-citation")
def _unlisted(reading: _AuthorDate) -> Iterator[Finding]:
    """One finding per author-date citation of the text whose first author and year no
    entry of the list of works gives. A citation written without a comma, ``&`` or ``et
    al.`` (``(Census 2021)``) is reported only when its name is in the list."""
    for c in reading.cited:
        years = reading.keys.get(c.name)
        if c in reading.listed or (c.plain and not years):
            continue
        if years:
            shown = ", ".join(sorted(years))
            yield rule("unlisted-citation").finding(
                f"'{c.text}' names no entry of the list of works, which gives that author "
                f"for {shown}", c.line, c.column,
                suggestion=f"check the year: the list has {shown}")
        else:
            yield rule("unlisted-citation").finding(
                f"'{c.text}' names no entry of the list of works", c.line, c.column)


#: A word of prose before an entry's year (``Cities grew (Gogua, 2021…``): a paragraph of text
#: after the list, or a style that puts the title first, is not taken for an entry's authors.
_PROSE_WORD = re.compile(r"(?<![\w'’-])[a-zß-ÿа-яё][^\W\d_]{3,}")


@emits("uncited-work")
def _uncited_works(reading: _AuthorDate) -> Iterator[Finding]:
    """One finding per work of the list whose author the text names nowhere: no citation
    names it, and no word of the text or its notes is its author's (``Smith’s (2020)
    study`` or a citation in a form not read counts as citing it). Only under a heading
    of works cited (References, Works cited): a Bibliography may list works consulted; and
    only an entry that opens with its authors, not one guessed inside another entry."""
    names = {c.name for c in reading.cited} | {c.other for c in reading.cited if c.other}
    works = [w for w in reading.works if not _PROSE_WORD.search(w.authors)]
    candidates = [w for w in works if w.cited_list and not w.ran_in and not w.names & names]
    if not candidates:
        return
    entries = {n for w in works for n in range(w.line, w.last + 1)}
    written = ex.words("\n".join(line for n, line in enumerate(
        reading.document.text.split("\n"), start=1) if n not in entries))  # notes included
    for work in candidates:
        if not work.names & written:
            yield rule("uncited-work").finding(
                f"'{work.authors} ({work.year})' in the list of works is cited nowhere in "
                "the text", work.line, 1)


@emits("unread-notes")
def _unread(extraction: Extraction) -> Iterator[Finding]:
    """One finding per syntax or notes section that extraction could not read."""
    for unread in extraction.unread:
        if not unread.unclosed:
            yield rule("unread-notes").finding(_unread_message(unread, extraction.markers),
                                               unread.line, unread.column)


@emits("unclosed-code")
def _unclosed(extraction: Extraction) -> Iterator[Finding]:
    """A code block never closed, which would print the notes after it as code."""
    for unread in extraction.unread:
        if unread.unclosed:
            notes = f"{unread.count} footnote definition{'s' * (unread.count != 1)}"
            yield rule("unclosed-code").finding(
                f"this {unread.what} is never closed: the rest of the document, {notes} "
                "included, would print as code (footcheck read them as notes)",
                unread.line, unread.column, suggestion="close the code block where it ends")


def _unread_message(unread: Unread, markers: Sequence[Marker]) -> str:
    """What footcheck could not read, and what follows."""
    if unread.flattened:
        return (f"numbers set after sentences, counting up from 1 to {unread.count}, look "
                "like note markers flattened into the text, and no note was found: the notes "
                "were probably lost in an export to plain text")
    if unread.elsewhere:
        count = "one note marker points" if unread.count == 1 else \
            f"{unread.count} note markers point"
        return (f"{count} at notes in another file ({unread.elsewhere}), which this audit "
                "does not read: their sources are not checked here")
    if unread.section and not markers:
        return (f"the section '{unread.what}' lists {unread.count} numbered notes but no "
                "marker footcheck reads points at them in the text (superscripts lost in a "
                "conversion, or numbers in brackets); only their URLs are checked")
    if unread.section:
        return (f"the section '{unread.what}' holds {unread.count} paragraphs but no note "
                "with a number footcheck could read; only their URLs are checked")
    if unread.count == 1:
        return (f"a {unread.what}: footcheck does not read this syntax, so its source is "
                "not checked")
    return (f"{unread.what} ({unread.count} in the text): footcheck does not read this "
            "syntax, so their sources are not checked")


def _series(extraction: Extraction) -> list[_Series]:
    """Split notes and markers by series."""
    from ..readers import locator  # names a line as the editor finds it: "paragraph 12"

    at = locator(extraction.document)
    cells = tuple(sorted((b.start, b.end) for b in extraction.document.blocks
                         if b.kind == TABLE_CELL))
    notes: dict[str, list[Note]] = defaultdict(list)
    markers: dict[str, list[Marker]] = defaultdict(list)
    for n in extraction.notes:
        notes[n.series].append(n)
    for m in extraction.markers:
        markers[m.series].append(m)
    out = []
    for name in sorted(set(notes) | set(markers)):
        tokens = [n.token for n in notes[name]] or [m.token for m in markers[name]]
        plain = [t for t in tokens if t.isascii()]
        roman = sum(map(is_roman, plain)) > len(plain) / 2 if plain else False
        cases = Counter("lower" if t.islower() else "upper" for t in plain if t.isalpha())
        case = cases.most_common(1)[0][0] if cases else "upper"
        listed = bool(notes[name]) and not markers[name] and \
            ex.bibliography_heading(extraction.document, notes[name][0].line)
        works = bool(notes[name]) and ex.cited_works_heading(extraction.document,
                                                              notes[name][0].line)
        tabled = frozenset(m.offset for m in markers[name] if cells and within(cells, m.offset))
        out.append(_Series(name, notes[name], markers[name], roman, case, at, listed, works,
                           tabled))
    return out


#: The most places a message lists; the rest are counted (``and 2,036 more``).
_MOST_PLACES = 10


def _places(at: Callable[[int], str], lines: Iterable[int]) -> str:
    """``lines 66, 68`` (or ``paragraph 40, paragraph 41``) for several places; past
    :data:`_MOST_PLACES`, the first of them and how many more."""
    lines = list(lines)
    more = len(lines) - _MOST_PLACES
    places = [at(line).rsplit(" ", 1) for line in lines[:_MOST_PLACES]]
    rest = f" and {more:,} more" if more > 0 else ""
    units = {unit for unit, _ in places}
    if len(units) == 1 and " " not in units.copy().pop():  # "line 66" or "paragraph 30"
        return f"{units.pop()}s " + ", ".join(number for _, number in places) + rest
    return "; ".join(" ".join(place) for place in places) + rest


# --- parts: numbering that restarts in a new notes block -----------------------------------


_PAGE_NUMBER = re.compile(
    r"(?i)(?:page|p\.)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:of|/)\s*\d{1,4})?")


def _parts(s: _Series, document: Document) -> list[_Series]:
    """The parts of a series whose numbering restarts at 1 in a new notes block.

    A compilation of articles, or a book with endnotes per chapter, numbers each block of
    notes from 1: references 1–78 under one article and [1]–[10] under the next are not ten
    duplicates. A part starts at a note numbered 1 that is separated from the note before it
    by text (body text, its own heading) and whose run does not continue the numbering before
    it (see :func:`_restarts`). Each marker belongs to the part whose notes follow or contain
    it: the markers between notes block k-1 and block k are part k's; those after the last
    block, the last part's. Duplicates, order and missing or uncited notes are then checked
    within each part. Markdown and reStructuredText labels are names, never split.
    """
    notes = s.notes
    if s.named or len(notes) < 2 or not any(n.number == 1 for n in notes[1:]):
        return [s]
    if any(b.line < a.line for a, b in itertools.pairwise(notes)):
        return [s]  # not in document order: blocks cannot be told apart
    starts = [i for i in range(1, len(notes)) if _restarts(s, document, i)]
    if not starts:
        return [s]
    bounds = [0, *starts, len(notes)]
    groups = [notes[a:b] for a, b in itertools.pairwise(bounds)]
    ends = [max(n.end_line for n in group) for group in groups]
    markers: list[list[Marker]] = [[] for _ in groups]
    for m in s.markers:
        markers[min(bisect.bisect_left(ends, m.line), len(groups) - 1)].append(m)
    return [replace(s, notes=list(group), markers=part_markers)
            for group, part_markers in zip(groups, markers, strict=True)]


_GOES_ON = 3  # how far past the note before it the note after a 1 goes on its numbering


def _restarts(s: _Series, document: Document, i: int) -> bool:
    """Whether note ``i``, numbered 1, starts a new run of notes rather than repeating a
    number of the run before it.

    It must stand apart from the note before it, with text between them that is not a page
    number; the next note must not continue the earlier numbering (1–17, then 1, 19: the 1 is
    18 misnumbered); and the markers between the two blocks, if any, must count from 1 again
    (markers 18, 19 there: the 1 is 18).
    """
    notes = s.notes
    note = notes[i]
    if note.number != 1:
        return False
    before = next((n.number for n in reversed(notes[:i]) if n.number is not None), None)
    if before is None:
        return False
    after = next((n.number for n in notes[i + 1:] if n.number is not None), None)
    if after is not None and after != 2 and before < after <= before + _GOES_ON:
        return False  # the earlier numbering goes on past this note (an editor's 101 does not)
    gap = (notes[i - 1].end_line, note.line)
    if not _text_between(document, gap[0] + 1, gap[1] - 1):
        return False
    between = [m.number for m in s.markers
               if gap[0] < m.line < gap[1] and m.number is not None]
    return not between or min(between) == 1


def _text_between(document: Document, first: int, last: int) -> bool:
    """Whether lines ``first`` to ``last`` hold text other than blank lines and page
    numbers."""
    for n in range(max(first, 1), min(last, document.line_count) + 1):
        line = document.line(n).strip()
        if line and not _PAGE_NUMBER.fullmatch(line):
            return True
    return False


# --- malformed numbers ----------------------------------------------------------------------


@emits("malformed-number")
def _malformed(s: _Series) -> Iterator[Finding]:
    """Numbers that are not valid numerals, with the one most likely meant."""
    for items in (s.notes, s.markers):
        for i, item in enumerate(items):
            if not item.malformed:
                continue
            intended = _expected(items, i) if item.number is None else item.number
            what = "note label" if isinstance(item, Note) else "marker"
            suggestion = None
            if intended is not None:
                written = format_number(intended, ROMAN if s.roman else "arabic",
                                        _case_of(item.token, s.case))
                suggestion = f"did you mean {written}?"
            yield rule("malformed-number").finding(
                f"{s.singular} {what} {item.label!r} is not a valid "
                f"{'roman' if s.roman else 'arabic'} numeral", item.line, item.column,
                series=s.name, number=intended, suggestion=suggestion)


def _case_of(token: str, default: str | None) -> str | None:
    letters = [c for c in token if c.isalpha()]
    if letters and all(c.islower() for c in letters):
        return "lower"
    if letters and all(c.isupper() for c in letters):
        return "upper"
    return default


def _expected(items: Sequence[Note | Marker], i: int) -> int | None:
    """The number that position ``i`` should hold, judging by its neighbours."""
    before = items[i - 1].number if i > 0 else None
    after = items[i + 1].number if i + 1 < len(items) else None
    if before is not None and after is not None and after - before == 2:
        return before + 1
    if before is not None:
        return before + 1
    return after - 1 if after is not None and after > 1 else None


# --- notes against markers ------------------------------------------------------------------


class _Duplicate(NamedTuple):
    """A note number carried by several notes: where, and which copy is probably wrong."""

    number: int
    count: int
    copies: list[int]  # indexes of the notes carrying it
    wrong: int  # index of the copy that carries the wrong number
    intended: int | None  # the number that copy probably should have


@dataclass
class _Tally:
    """What the checks of one part's notes against its markers share, counted once."""

    defined: Counter  # note number -> how many notes carry it
    cited: Counter  # marker number -> how many markers carry it
    citation_style: bool  # every marker cites a number that may be cited again
    order_items: list[Marker]  # the markers whose order counts
    in_sequence: set[int]  # indexes in ``order_items`` of a longest increasing run
    uncited: list[int]  # note numbers no marker carries, sorted
    bounds: list[tuple[int, int | None]]  # each marker's readable neighbours (:func:`_bounds`)
    duplicates: list[_Duplicate]  # the duplicated note numbers, in ascending order

    @property
    def renumbered(self) -> dict[int, int]:
        """Intended number -> index of the duplicated note that probably is it."""
        return {d.intended: d.wrong for d in self.duplicates if d.intended is not None}


def _tally(s: _Series) -> _Tally:
    """Count the notes and markers of a part and find its duplicated note numbers."""
    defined = Counter(n.number for n in s.notes if n.number is not None)
    citation_style = bool(s.markers) and (s.works or all(m.notation in ex.CITATION_STYLE
                                                         for m in s.markers))
    cited = Counter(m.number for m in s.markers if m.number is not None)
    duplicates = sorted((number, count) for number, count in defined.items() if count > 1)
    note_copies = _positions(s.notes) if duplicates else {}  # a list per number: only if needed
    misnumbered = []
    for number, count in duplicates:
        copies = note_copies[number]
        wrong, intended = _misnumbered(s.notes, copies, defined)
        misnumbered.append(_Duplicate(number, count, copies, wrong, intended))
    order_items = _first_citations(s.markers) if citation_style else s.markers
    return _Tally(defined=defined, cited=cited, citation_style=citation_style,
                  order_items=order_items, in_sequence=_longest_increasing(order_items),
                  uncited=sorted(n for n in defined if n not in cited),
                  bounds=_bounds(s.markers), duplicates=misnumbered)


def _notes_vs_markers(s: _Series) -> Iterator[Finding]:
    """Duplicate and out-of-order notes and markers, missing and uncited notes."""
    tally = _tally(s)
    yield from _duplicate_notes(s, tally)
    yield from _duplicate_markers(s, tally)
    yield from _markers_out_of_order(s, tally)
    yield from _notes_out_of_order(s)
    yield from _missing_notes(s, tally)
    yield from _uncited_notes(s, tally)


@emits("duplicate-note")
def _duplicate_notes(s: _Series, tally: _Tally) -> Iterator[Finding]:
    """One finding per duplicated note number, at the copy that carries the wrong number."""
    for number, count, copies, wrong, intended in tally.duplicates:
        lines = _places(s.at, (s.notes[i].line for i in copies))
        note = s.notes[wrong]
        suggestion = None
        if intended is not None:
            suggestion = f"renumber the note at {s.at(note.line)} as {s.fmt(intended)}"
        yield rule("duplicate-note").finding(
            f"{count} {s.name} are numbered {note.token} ({lines})"
            + (f"; the one at {s.at(note.line)} is probably {s.fmt(intended)}"
               if intended is not None else ""),
            note.line, note.column, series=s.name, number=number, suggestion=suggestion)


@emits("duplicate-marker")
def _duplicate_markers(s: _Series, tally: _Tally) -> Iterator[Finding]:
    """One finding per marker number used twice, unless the series cites numbers again, or
    the repeats stand in a table's cells (a table's note cited from each row it concerns)."""
    if tally.citation_style:
        return
    duplicates = sorted((number, count) for number, count in tally.cited.items() if count > 1)
    marker_copies = _positions(s.markers) if duplicates else {}
    for number, count in duplicates:
        copies = marker_copies[number]
        if all(s.markers[i].offset in s.tabled for i in copies[1:]):
            continue
        guesses = {i: _fitting_number(tally.bounds[i], tally.uncited) for i in copies}
        wrong = next((i for i in copies if guesses[i] is not None),
                     next((i for i in copies if i not in tally.in_sequence), copies[-1]))
        marker = s.markers[wrong]
        guess = guesses[wrong]
        yield rule("duplicate-marker").finding(
            f"{s.singular} marker {marker.label} appears {count} times "
            f"({_places(s.at, (s.markers[i].line for i in copies))})",
            marker.line, marker.column, series=s.name, number=number,
            suggestion=f"did you mean {s.fmt(guess)}?" if guess is not None else None)


@emits("out-of-order")
def _markers_out_of_order(s: _Series, tally: _Tally) -> Iterator[Finding]:
    """Markers off the longest increasing run; a repeated number in its place is a duplicate,
    reported as one, not here."""
    order_items, in_sequence = tally.order_items, tally.in_sequence
    named = s.named  # Markdown footnote labels are names: their order means nothing
    if tally.citation_style and (_alphabetical(s.notes) or _unordered(s.markers)):
        return  # works numbered in the order of their authors, cited in any order (ACM)
    sequence = sorted(in_sequence)
    for i, marker in enumerate(order_items):
        if named or i in in_sequence or marker.number is None:
            continue
        k = bisect.bisect_left(sequence, i)
        prev = order_items[sequence[k - 1]] if k else None
        after = order_items[sequence[k]] if k < len(sequence) else None
        if (prev is None or prev.number <= marker.number) and \
                (after is None or marker.number <= after.number):
            continue
        yield rule("out-of-order").finding(
            f"{s.singular} marker {marker.label} is out of sequence"
            + (f" (it follows {prev.label} at {s.at(prev.line)})" if prev else ""),
            marker.line, marker.column, series=s.name, number=marker.number)


#: The first word of a work's entry it is sorted by: after initials ("V. Mayer-Schoenberger")
#: and emphasis.
_SORT_WORD = re.compile(r"[\W_]*(?:[A-Z]\.(?:-?[A-Z]\.)*\s*)*([^\W_][\w'’-]*)")
_ALPHABETICAL = 0.8  # the share of neighbouring entries in order that makes a list sorted


def _alphabetical(notes: Sequence[Note]) -> bool:
    """Whether a list of works is sorted by its entries' first words (by author), as most
    neighbouring entries are: its numbers then follow no order of citation."""
    words = [m[1].casefold() for n in sorted(notes, key=lambda n: n.number or 0)
             if (m := _SORT_WORD.match(n.text))]
    pairs = len(words) - 1
    return pairs >= 3 and sum(a <= b for a, b in itertools.pairwise(words)) >= \
        _ALPHABETICAL * pairs


def _unordered(markers: Sequence[Marker]) -> bool:
    """Whether works cited by number (``[5]``, ``[6]``, ``[4]``…) are first cited in no
    order of their list: fewer than half of them in a rising run, the list sorted by some
    other key (title, year). A list in the order of citation with a slip has most."""
    first: dict[int, Marker] = {}
    for marker in markers:
        if marker.number is not None:
            first.setdefault(marker.number, marker)
    return len(first) >= 4 and len(_longest_increasing(list(first.values()))) * 2 < len(first)


@emits("out-of-order")
def _notes_out_of_order(s: _Series) -> Iterator[Finding]:
    """Notes off the longest non-decreasing run (duplicates are reported as such)."""
    named = s.named
    note_sequence = _longest_increasing(s.notes, strict=False)
    for i, note in enumerate(s.notes):
        if not named and i not in note_sequence and note.number is not None:
            yield rule("out-of-order").finding(
                f"{s.singular} {note.token} is out of sequence among the notes",
                note.line, note.column, series=s.name, number=note.number)


@emits("missing-note")
def _missing_notes(s: _Series, tally: _Tally) -> Iterator[Finding]:
    """Markers whose number no note carries, naming a duplicated note that is probably it."""
    renumbered, named = tally.renumbered, s.named
    for marker in s.markers:
        if marker.number is None or marker.number in tally.defined:
            continue
        if marker.number in renumbered:
            note = s.notes[renumbered[marker.number]]
            message = (f"no {s.singular} {s.fmt(marker.number)} for marker {marker.label}; "
                       f"the note at {s.at(note.line)}, numbered {note.token}, is probably it")
            suggestion = f"renumber the note at {s.at(note.line)} as {s.fmt(marker.number)}"
        else:
            message = (f"no {s.singular} {marker.label} is defined" if named else
                       f"no {s.singular} {s.fmt(marker.number)} for marker {marker.label}")
            suggestion = None
        yield rule("missing-note").finding(message, marker.line, marker.column,
                                           series=s.name, number=marker.number,
                                           suggestion=suggestion)


#: How many notes of a series with no marker at all are reported one by one; more are one
#: finding (a book's endnotes file, its markers in the chapters' files: 4,500 findings).
_UNCITED_ONE_BY_ONE = 5


@emits("uncited-note")
def _uncited_notes(s: _Series, tally: _Tally) -> Iterator[Finding]:
    """Notes no marker points at, naming an out-of-sequence marker that may be meant; none
    for a bibliography that no marker cites (a reading list, not notes); one for a series
    of many notes of which the text has no marker at all."""
    if s.bibliography:
        return
    if not s.markers and len(s.notes) > _UNCITED_ONE_BY_ONE:  # an EPUB's endnotes file
        first = s.notes[0]
        yield rule("uncited-note").finding(
            f"no marker in the text points at any of its {len(s.notes)} {s.name}: are their "
            "markers in another file, or were they lost?", first.line, first.column,
            series=s.name, number=first.number)
        return
    suspects = {} if tally.citation_style or s.named else \
        _suspect_markers(s, tally.uncited, tally.in_sequence, tally.bounds)
    for note in s.notes:
        if note.number is None or note.number in tally.cited or tally.defined[note.number] > 1:
            continue
        marker = suspects.get(note.number)
        suggestion = None if marker is None else (
            f"the marker {marker.label} at {s.at(marker.line)} may be meant as "
            f"{s.fmt(note.number)}")
        yield rule("uncited-note").finding(
            f"no marker in the text points at {s.singular} {note.token}",
            note.line, note.column, series=s.name, number=note.number, suggestion=suggestion)


def _misnumbered(notes: list[Note], copies: list[int],
                 defined: Counter) -> tuple[int, int | None]:
    """Which of the copies of a duplicated number is wrong, and what it should be."""
    for i in copies:
        for guess in (_neighbour_guess(notes, i, -1), _neighbour_guess(notes, i, +1)):
            if guess is not None and guess not in defined:
                return i, guess
    return copies[-1], None


def _neighbour_guess(notes: list[Note], i: int, direction: int) -> int | None:
    """The number note ``i`` would have if it followed (-1) or preceded (+1) its neighbour."""
    j = i + direction
    if 0 <= j < len(notes) and notes[j].number is not None:
        guess = notes[j].number - direction
        return guess if guess > 0 else None
    return None


def _positions(items: Sequence[Note | Marker]) -> dict[int | None, list[int]]:
    """Number -> indexes of the items carrying it, in order."""
    out: dict[int | None, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        out[item.number].append(i)
    return out


def _bounds(markers: Sequence[Marker]) -> list[tuple[int, int | None]]:
    """For each marker, the numbers of the nearest readable markers before and after it
    (0 and ``None`` at the ends), computed in two passes."""
    before, after = [0] * len(markers), [None] * len(markers)
    last: int | None = 0
    for i, m in enumerate(markers):
        before[i] = last
        if m.number is not None:
            last = m.number
    last = None
    for i in range(len(markers) - 1, -1, -1):
        after[i] = last
        if markers[i].number is not None:
            last = markers[i].number
    return list(zip(before, after, strict=True))


def _fitting_number(bound: tuple[int, int | None], candidates: list[int]) -> int | None:
    """The first of the (sorted) uncited ``candidates`` that fits between a marker's
    neighbours, ``bound`` being their numbers."""
    before, after = bound
    k = bisect.bisect_right(candidates, before)
    if k < len(candidates) and (after is None or candidates[k] < after):
        return candidates[k]
    return None


def _suspect_markers(s: _Series, uncited: list[int], in_sequence: set[int],
                     bounds: list[tuple[int, int | None]]) -> dict[int, Marker]:
    """For uncited notes, a marker out of sequence standing where each should be cited."""
    out: dict[int, Marker] = {}
    for i, marker in enumerate(s.markers):
        if i in in_sequence or marker.number is None:
            continue
        before, after = bounds[i]
        k = bisect.bisect_right(uncited, before)
        for number in uncited[k:k + 3]:  # the first few that fit are enough to point at
            if after is not None and number >= after:
                break
            out.setdefault(number, marker)
    return out


def _first_citations(markers: list[Marker]) -> list[Marker]:
    """Each number's first marker only (citation styles may cite a number again)."""
    seen: set[int | None] = set()
    out = []
    for m in markers:
        if m.number not in seen:
            seen.add(m.number)
            out.append(m)
    return out


def _longest_increasing(items: Sequence[Note | Marker], strict: bool = True) -> set[int]:
    """Indexes of a longest increasing subsequence of the items' numbers."""
    tails: list[int] = []  # numbers
    tail_index: list[int] = []
    parent = [-1] * len(items)
    for i, item in enumerate(items):
        n = item.number
        if n is None:
            continue
        k = bisect.bisect_left(tails, n) if strict else bisect.bisect_right(tails, n)
        if k == len(tails):
            tails.append(n)
            tail_index.append(i)
        else:
            tails[k] = n
            tail_index[k] = i
        parent[i] = tail_index[k - 1] if k else -1
    keep: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i != -1:
        keep.add(i)
        i = parent[i]
    return keep


# --- style ----------------------------------------------------------------------------------


def _style(s: _Series) -> Iterator[Finding]:
    """Runs of notes or markers whose notation or case differs from the rest of the series."""
    for items, what in ((s.notes, s.name), (s.markers, f"{s.singular} markers")):
        yield from _deviant_runs(s, items, what, "notation", lambda it: it.notation)
        if s.roman:
            yield from _deviant_runs(s, items, what, "case", _letter_case)
        elif not s.named:
            yield from _deviant_runs(s, items, what, "form", _digit_form)


def _letter_case(item: Note | Marker) -> str | None:
    if item.malformed:
        return None
    if item.notation == ex.SUPERSCRIPT:
        return None  # superscript letters exist in one case only
    return _letters_case(item.token)


@functools.lru_cache(maxsize=65536)  # called for every note and marker; tokens repeat
def _letters_case(token: str) -> str | None:
    letters = [c for c in desuperscript(token) if c.isalpha()]
    if not letters:
        return None
    return "lower case" if all(c.islower() for c in letters) else "upper case"


def _digit_form(item: Note | Marker) -> str | None:
    if item.malformed:
        return None
    return "a letter" if _has_letter(item.token) else "digits"


@functools.lru_cache(maxsize=65536)  # called for every note and marker; tokens repeat
def _has_letter(token: str) -> bool:
    return any(c.isalpha() for c in desuperscript(token))


_DESCRIBE = {ex.CARET: "^{…}", ex.PANDOC: "^…^", ex.SUPERSCRIPT: "Unicode superscripts",
             ex.MARKDOWN: "[^…]", ex.BRACKET: "[…]", ex.HTML: "<sup>…</sup>",
             ex.NUMBERED: "numbers followed by a full stop", ex.BARE: "bare numbers",
             ex.RST: "[…]_", NATIVE: "the word processor's own notes",
             ex.FLATTENED: "plain digits glued to the text",
             ex.PARENTHESISED: "numbers in parentheses", ex.SYMBOL: "symbols (*, †, ‡)"}


def _describe(value: str) -> str:
    if value.startswith(ex.BULLETED):
        return "'- ' followed by " + _describe(value[len(ex.BULLETED):])
    return _DESCRIBE.get(value, value)


@emits("inconsistent-style")
def _deviant_runs(s: _Series, items: Sequence[Note | Marker], what: str, attribute: str,
                  key) -> Iterator[Finding]:
    """One finding per run of consecutive items that differ from the series' usual style."""
    values = [key(it) for it in items]
    counts = Counter(v for v in values if v is not None)
    if len(counts) < 2:
        return
    usual, _ = counts.most_common(1)[0]
    i = 0
    while i < len(items):
        if values[i] is None or values[i] == usual:
            i += 1
            continue
        j = i
        while j + 1 < len(items) and values[j + 1] in (values[i], None):
            j += 1
        first, last = items[i], items[j]
        span = first.label if i == j else f"{first.label} to {last.label}"
        detail = values[i] if attribute != "notation" else _describe(values[i])
        expected = usual if attribute != "notation" else _describe(usual)
        suggestion = None
        if attribute == "case":
            suggestion = f"write them in {usual}"
        elif attribute == "form" and first.number is not None:
            suggestion = f"write {s.fmt(first.number)} with digits like the rest"
        else:
            suggestion = f"use {expected} throughout"
        yield rule("inconsistent-style").finding(
            f"{what} {span} ({j - i + 1}) use {detail}; "
            f"the rest of the series uses {expected}",
            first.line, first.column, series=s.name, number=first.number,
            suggestion=suggestion)
        i = j + 1
