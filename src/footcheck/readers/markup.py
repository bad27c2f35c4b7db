"""The notation readers write for what a file shows with formatting: markers, italics, links.

A superscript numeral is written ``^{xiv}``, italic text ``*…*`` and a link ``[text](url)``
or ``<url>``: what :mod:`footcheck.extract`, :mod:`footcheck.urls` and the reference parser
already read in plain-text briefs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import ENDNOTES, FOOTNOTES, NATIVE, TABLE_CELL, Block, Document, Marker, Note
from ..numerals import to_roman

#: Notes and markers a file's format may define (Word, OpenDocument, web-page, Markdown and
#: reST notes): each costs the audit a few kilobytes (its reference parsed, its checks, its
#: place in every report), so 80,000 take up to ~400 MB (benchmarks/memory.py); a long book
#: has a few thousand.
MAX_NOTES = 80_000
#: How a plain-text edition opens a note it sets in the text, before its number or symbol and
#: a colon: "[Footnote 3: …]", "[Note A: …]" (Project Gutenberg's books, and their web pages).
NOTE_TAG = r"\[(?i:foot-?note|note)[ \t]+"

_NUMERAL = re.compile(r"[0-9IVXLCDMivxlcdm]{1,10}")
_SPACES = re.compile(r"[ \t]+")
_LINK_SCHEMES = ("http://", "https://", "ftp://", "mailto:")


@dataclass
class Piece:
    """A stretch of text with the formatting that changes how it is written."""

    text: str
    italic: bool = False
    superscript: bool = False
    raw: bool = False  # already written in the notation (a note reference, a link)


@dataclass
class Paragraph:
    """The pieces of a paragraph being read (Word, OpenDocument), and what its runs say
    about pages."""

    pieces: list[Piece] = field(default_factory=list)
    break_before: bool = False
    break_after: bool = False


def render(pieces: list[Piece]) -> str:
    """Write a paragraph's pieces: superscript numerals ``^{…}``, italics ``*…*``.

    Neighbouring pieces with the same formatting are written together, so a numeral split
    over several runs is one marker; runs of spaces and tabs become one space.
    """
    out: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if piece.raw:
            out.append(piece.text)
            i += 1
            continue
        j = i
        while j < len(pieces) and not pieces[j].raw and \
                (pieces[j].italic, pieces[j].superscript) == (piece.italic, piece.superscript):
            j += 1
        text = "".join(p.text for p in pieces[i:j])
        if piece.superscript:
            out.append(superscript(text))
        elif piece.italic:
            out.append(italic(text))
        else:
            out.append(text)
        i = j
    text = _SPACES.sub(" ", "".join(out))
    return _LINE_BREAK.sub("\n", text).strip() if "\n" in text else text


#: A line break inside a paragraph (Word's Shift+Enter), with the spaces around it and any
#: breaks after it: one line ends there, and no blank line, which would end the paragraph.
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
LINE_BREAK = Piece("\n", raw=True)  # a reader's piece for it


def superscript(text: str) -> str:
    """Superscript text as a marker: ``^{xiv}`` (``^{3},^{4}`` for ``3,4``).

    Only numerals become markers; other superscript text (``st`` in 1st, ``TM``) is returned
    unchanged. Spaces around the numeral stay outside the braces.
    """
    core = text.strip()
    parts = [p.strip() for p in core.split(",")]
    if not core or not all(_NUMERAL.fullmatch(p) for p in parts):
        return text
    return _around(text, ",".join(f"^{{{p}}}" for p in parts))


def italic(text: str) -> str:
    """Italic text as ``*…*``, with surrounding spaces kept outside the asterisks."""
    core = text.strip()
    if not core or "*" in core:
        return text
    return _around(text, f"*{core}*")


def link(shown: str, target: str) -> str:
    """A link showing ``shown`` and going to ``target``.

    ``<url>`` when the text is the address itself, ``[text](url)`` otherwise, and just the
    text when the link goes nowhere a reader could follow (an empty target or an anchor in
    the same document, such as a note's back-link).
    """
    shown = " ".join(shown.split())
    target = target.strip()
    if not target:
        return shown
    if target.startswith("#") and target != "#":
        return shown  # a jump inside the document
    if shown in (target, target.split("://", 1)[-1], target.removeprefix("mailto:")):
        return f"<{target}>" if target.lower().startswith(_LINK_SCHEMES) else shown
    if not shown:
        return f"<{target}>" if target.lower().startswith(_LINK_SCHEMES) else ""
    if "[" in shown or "]" in shown:
        return f"{shown} <{target}>"
    return f"[{shown}]({target.replace(' ', '%20')})"


def _around(text: str, core: str) -> str:
    """``core`` with the leading and trailing white space of ``text`` around it."""
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{core}{trail}"


def format_number(number: int, fmt: str) -> str:
    """Write ``number`` as Word does in numbering format ``fmt`` (``lowerRoman``, …)."""
    if fmt in ("lowerRoman", "upperRoman") and 0 < number < 4000:
        roman = to_roman(number)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt in ("lowerLetter", "upperLetter") and number > 0:
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


# --- notes the file defines itself ------------------------------------------------------------

_REF_OPEN, _REF_CLOSE = "\ue000", "\ue001"  # private-use characters: never in a real document
_REFERENCE = re.compile(f"{_REF_OPEN}([^{_REF_CLOSE}]*){_REF_CLOSE}")
_HEADINGS = {FOOTNOTES: "Footnotes", ENDNOTES: "Notes"}


@dataclass
class NativeNote:
    """A footnote or endnote that the file itself defines (Word, OpenDocument, HTML).

    ``number`` is its number as the producer counts (``None`` for a custom mark such as
    ``*``), ``label`` what the producer shows (``iv``, ``4``, ``*``), ``paragraphs`` its
    rendered text.
    """

    series: str
    number: int | None
    label: str
    paragraphs: list[str]


def reference(series: str, number: int | None, label: str) -> str:
    """The text a reader puts in a paragraph where a native note is cited.

    :func:`assemble` turns it into a :class:`~footcheck.model.Marker` and writes it as the
    notation shows it (``^{iv}`` for an endnote, ``[^4]`` for a footnote).
    """
    return f"{_REF_OPEN}{series}|{'' if number is None else number}|{label}{_REF_CLOSE}"


def _written(series: str, label: str) -> str:
    return f"[^{label}]" if series == FOOTNOTES else f"^{{{label}}}"


def check_notes(notes: int, markers: int) -> None:
    """Raise :class:`~footcheck.readers.Unreadable` when a file defines more than
    :data:`MAX_NOTES` notes and markers."""
    if notes + markers > MAX_NOTES:
        from . import Unreadable

        raise Unreadable(f"has too many notes to audit (more than {MAX_NOTES:,} notes and "
                         "markers)")


def assemble(paragraphs: list[str], notes: list[NativeNote]
             ) -> tuple[str, list[int], tuple[Note, ...], tuple[Marker, ...]]:
    """The text of a converted document, one paragraph per line with blank lines between,
    its native notes after the body (footnotes under "Footnotes", endnotes under "Notes"),
    and those notes and the markers citing them with their places in the text.

    Returns (text, the 1-based line of each body paragraph, notes, markers).
    """
    check_notes(len(notes), 0)
    lines: list[str] = []
    markers: list[Marker] = []
    offset = 0

    def add(line: str) -> None:
        nonlocal offset
        if _REF_OPEN in line:
            line = _place_references(line, len(lines) + 1, offset, markers)
        lines.append(line)
        offset += len(line) + 1

    firsts = []
    for paragraph in paragraphs:
        firsts.append(len(lines) + 1)
        for line in paragraph.split("\n"):  # a line break inside it: two lines, no blank
            add(line)
        add("")
    out_notes: list[Note] = []
    for series in (FOOTNOTES, ENDNOTES):
        mine = [n for n in notes if n.series == series]
        if mine:
            add(_HEADINGS[series])
            add("")
        for note in mine:
            label = _written(series, note.label) + (":" if series == FOOTNOTES else "")
            first = len(lines) + 1
            spans, pieces = [], []
            for i, text in enumerate([line for paragraph in note.paragraphs or [""]
                                      for line in paragraph.split("\n")]):
                head = f"{label} " if i == 0 else ""
                start = offset + len(head)
                add(f"{head}{text}".rstrip())
                if len(lines[-1]) > len(head):
                    spans.append((start, offset - 1))  # offset is now past the newline
                    pieces.append(lines[-1][len(head):].strip())
            add("")
            body = " ".join(piece for piece in pieces if piece)
            out_notes.append(Note(label=label, token=note.label, number=note.number,
                                  series=series, notation=NATIVE, line=first, column=1,
                                  end_line=len(lines) - 1, text=body, spans=tuple(spans)))
    check_notes(len(out_notes), len(markers))
    return "\n".join(lines), firsts, tuple(out_notes), tuple(markers)


def cell_lines(paragraphs: list[str], firsts: list[int], cells: list[int]) -> tuple[int, ...]:
    """The 1-based lines of the paragraphs ``cells`` (indexes) of :func:`assemble`'s text,
    each of its lines where a line break parts it."""
    return tuple(line for i in cells
                 for line in range(firsts[i], firsts[i] + paragraphs[i].count("\n") + 1))


def cell_blocks(document: Document, lines: tuple[int, ...]) -> tuple[Block, ...]:
    """A :data:`~footcheck.model.TABLE_CELL` block for each of the (1-based) ``lines`` of
    ``document``, the paragraphs a reader found in table cells."""
    starts = document.line_starts
    text = document.text
    out = []
    for line in lines:
        start = starts[line - 1]
        end = text.find("\n", start)
        out.append(Block(TABLE_CELL, start, len(text) if end < 0 else end))
    return tuple(out)


def _place_references(line: str, number: int, offset: int, markers: list[Marker]) -> str:
    """``line`` with its note references written out; their markers appended to
    ``markers`` (``number`` is the line's number, ``offset`` where it starts in the text)."""
    out = []
    at = 0
    length = 0  # of what is in ``out``
    for m in _REFERENCE.finditer(line):
        before = line[at:m.start()]
        series, value, label = m.group(1).split("|", 2)
        written = _written(series, label)
        length += len(before)
        markers.append(Marker(label=written, token=label,
                              number=int(value) if value else None, series=series,
                              notation=NATIVE, line=number, column=length + 1,
                              offset=offset + length))
        out += (before, written)
        length += len(written)
        at = m.end()
    out.append(line[at:])
    return "".join(out)
