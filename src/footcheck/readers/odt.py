"""Read an OpenDocument text file (.odt, .ott, or flat .fodt) with the standard library alone.

The body (``office:text`` in ``content.xml``) is rendered like a Word file (see
:mod:`footcheck.readers.docx`): one paragraph or heading per line (table cells, sections and
list items too), with a blank line between paragraphs, in the notation
:mod:`footcheck.extract` reads:

* a real note (``text:note``) is cited where it stands, ``^{iv}`` for an endnote and ``[^4]``
  for a footnote, and its body (``text:note-body``: paragraphs, lists, tables) follows the
  body under a ``Notes`` or ``Footnotes`` heading. Its label is the citation LibreOffice
  wrote (``text:note-citation``); its number counts the notes of its class in order, from
  the ``text:notes-configuration`` of ``styles.xml`` (LibreOffice writes the start less
  one). A note with a custom mark (``text:label``, such as ``*``) takes no number;
* a run of superscript numerals typed by hand (``style:text-position="super …"``, through an
  automatic or named style) becomes ``^{xiv}``; italic text ``*…*``; a hyperlink
  (``text:a``) ``[text](url)`` or ``<url>``;
* a list item starts with its visible label (``3.``, ``ii.``, ``1.2)``, or ``-`` for a bullet),
  computed from the list style as LibreOffice numbers it; a numbered heading likewise.

Deleted text of tracked changes (kept apart in ``text:tracked-changes``), comments, frames,
drawings, text boxes and hidden sections are left out. LibreOffice's recorded page breaks
(``text:soft-page-break``) and the page breaks of paragraph styles give the pages. Footnote
numbering that starts again on each page or chapter is not followed: the labels are those
written, the numbers count through the document.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, replace
from xml.etree import ElementTree

from ..model import ENDNOTES, FOOTNOTES, Document, Marker, Note
from . import Unreadable
from .markup import (
    LINE_BREAK,
    NativeNote,
    Paragraph,
    Piece,
    assemble,
    cell_blocks,
    cell_lines,
    format_number,
    link,
    reference,
    render,
)
from .ooxml import Budget, read_member, refuse_doctype

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"
MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"

MAX_PART = 64 * 1024 * 1024  # bytes of one uncompressed XML part (zip-bomb guard)
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError,
               EOFError, zlib.error)
_XML_ERRORS = (ElementTree.ParseError, LookupError, ValueError)  # LookupError: encoding

#: LibreOffice's note numbering when ``styles.xml`` says nothing: 1, 2, 3 and i, ii, iii.
DEFAULT_FORMAT = {"footnote": "1", "endnote": "i"}
_FORMATS = {"1": "decimal", "i": "lowerRoman", "I": "upperRoman", "a": "lowerLetter",
            "A": "upperLetter"}
_SPACE = re.compile(r"[\t\r\n]+")  # white space in OpenDocument text is a space
# Block-level text:* elements without shown text (declarations, index sources, the deleted
# text of tracked changes) or whose text is generated from the document: a table of
# contents and the indexes, whose numbered lines are headings and page numbers, not notes.
_SKIPPED_BLOCKS = re.compile(r"(?:tracked-changes|.*-decls|.*-source|table-of-content|.*-index)")
# Inline text:* elements whose content is not shown (a list label written out, ruby
# annotations, hidden text); everything else of the text namespace shows its content.
_SKIPPED_INLINE = frozenset({TEXT + "number", TEXT + "ruby-text", TEXT + "hidden-text",
                             TEXT + "note-citation", TEXT + "note-body"})
_CHANGE_MARKS = frozenset({TEXT + "change-start", TEXT + "change-end"})


def read(data: bytes, path: str) -> Document:
    """Read the OpenDocument text file whose bytes are ``data`` into a :class:`Document`."""
    content, styles = _parts(data)
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise Unreadable("is an OpenDocument file without a text body (not a text document)")
    reader = _Odt(_Styles(content, styles), _deletions(body))
    reader.recorded_pages = body.get(f"{TEXT}use-soft-page-breaks") == "true"
    try:
        reader.blocks(body)
    except RecursionError:
        raise Unreadable("is nested too deeply to read (a damaged OpenDocument file)") from None
    text, page_starts, notes, markers, cells = reader.output()
    if not text.strip():
        raise Unreadable("is empty (the OpenDocument file has no text)")
    document = Document.from_text(text, path=path, encoding="odt", format="odt",
                                  units="paragraph", page_starts=page_starts)
    return replace(document, native_notes=notes, native_markers=markers,
                   blocks=cell_blocks(document, cells))


# --- the package -----------------------------------------------------------------------------


def _parts(data: bytes) -> tuple[ElementTree.Element, ElementTree.Element]:
    """``content.xml`` and ``styles.xml`` parsed (for a flat .fodt file, its root twice)."""
    budget = Budget()
    if not data.startswith(b"PK"):
        budget.spend(data)
        root = _parse(data, "the file")
        return root, root
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except _ZIP_ERRORS:
        raise Unreadable("is not a valid OpenDocument file (damaged zip archive)") from None
    if _encrypted(archive, names):
        raise Unreadable("is password-protected (an encrypted OpenDocument file); remove the "
                         "password in LibreOffice and save it again")
    if "content.xml" not in names:
        raise Unreadable("is a zip archive but not an OpenDocument file (no content.xml in it)")
    content = _parse(_unpack(archive, "content.xml", budget), "content.xml")
    styles = ElementTree.Element("missing")
    if "styles.xml" in names:
        styles = _parse(_unpack(archive, "styles.xml", budget), "styles.xml")
    return content, styles


def _encrypted(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether the manifest says the parts are encrypted (a password-protected document)."""
    if "encrypted-package" in names:  # ODF 1.3 encryption of the whole package
        return True
    if "META-INF/manifest.xml" not in names:
        return False
    try:
        manifest = ElementTree.fromstring(_unpack(archive, "META-INF/manifest.xml"))
    except (Unreadable, *_XML_ERRORS):
        return False  # a damaged manifest does not stop the reading; content.xml decides
    return manifest.find(f".//{MANIFEST}encryption-data") is not None


def _unpack(archive: zipfile.ZipFile, name: str, budget: Budget | None = None) -> bytes:
    """The bytes of member ``name``, with clear errors for a damaged, oversized (by what it
    unpacks to, not what its header says, and with the other parts ``budget`` counts) or
    entity-declaring file."""
    try:
        data = read_member(archive, name, MAX_PART)
    except _ZIP_ERRORS as exc:
        if "encrypted" in str(exc):
            raise Unreadable("is password-protected (an encrypted zip archive)") from None
        raise Unreadable(f"is a damaged OpenDocument file ({name} cannot be unpacked)") from None
    if budget is not None:
        budget.spend(data)
    refuse_doctype(data, name)
    return data


def _parse(data: bytes, name: str) -> ElementTree.Element:
    """``data`` parsed as XML, or :class:`Unreadable` naming part ``name``."""
    try:
        return ElementTree.fromstring(data)
    except _XML_ERRORS:
        raise Unreadable(f"is a damaged OpenDocument file ({name} is not well-formed XML)"
                         ) from None


# --- styles ----------------------------------------------------------------------------------


@dataclass
class _Style:
    """What the reader needs of one paragraph or text style (None: not set, inherited)."""

    parent: str | None = None
    italic: bool | None = None
    superscript: bool | None = None
    break_before: bool | None = None
    break_after: bool | None = None


@dataclass
class _Level:
    """One level of a list style: a bullet, or a number with its format."""

    bullet: bool = False
    format: str = "decimal"  # a format of markup.format_number, or "" for no number
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    display: int = 1  # how many levels the label shows (1.2.3 shows three)
    pattern: str | None = None  # LibreOffice's own pattern: "%1%.%2%)"


class _Styles:
    """The paragraph, text and list styles of a document and its note numbering."""

    def __init__(self, content: ElementTree.Element, styles: ElementTree.Element) -> None:
        self.styles: dict[tuple[str, str], _Style] = {}
        self.lists: dict[str, dict[int, _Level]] = {}
        # Named styles first, then the automatic ones of the body, which may share names
        # with automatic styles of styles.xml (those serve headers and footers only).
        for holder in (styles.find(f"{OFFICE}styles"), content.find(f"{OFFICE}automatic-styles")):
            if holder is not None:
                self._add(holder)
        outline = styles.find(f"{OFFICE}styles/{TEXT}outline-style")
        self.outline = _levels(outline) if outline is not None else {}
        self.notes = {kind: (0, DEFAULT_FORMAT[kind]) for kind in DEFAULT_FORMAT}
        for config in styles.iter(f"{TEXT}notes-configuration"):
            kind = config.get(f"{TEXT}note-class", "footnote")
            if kind in self.notes:
                start = _integer(config.get(f"{TEXT}start-value"), 0)
                self.notes[kind] = (start, config.get(f"{STYLE}num-format", DEFAULT_FORMAT[kind]))

    def _add(self, holder: ElementTree.Element) -> None:
        for element in holder:
            if element.tag == f"{STYLE}style":
                family = element.get(f"{STYLE}family", "")
                self.styles[family, element.get(f"{STYLE}name", "")] = _style(element)
            elif element.tag == f"{TEXT}list-style":
                self.lists[element.get(f"{STYLE}name", "")] = _levels(element)

    def value(self, family: str, name: str | None, attribute: str) -> bool | None:
        """Property ``attribute`` of style ``name``, from it or the styles it is based on."""
        seen = set()
        while name and name not in seen:
            seen.add(name)
            style = self.styles.get((family, name))
            if style is None:
                return None
            found = getattr(style, attribute)
            if found is not None:
                return found
            name = style.parent
        return None

    def formatting(self, family: str, name: str | None,
                   outer: tuple[bool, bool]) -> tuple[bool, bool]:
        """(italic, superscript) inside an element of style ``name``, ``outer`` around it."""
        italic = self.value(family, name, "italic")
        superscript = self.value(family, name, "superscript")
        return (outer[0] if italic is None else italic,
                outer[1] if superscript is None else superscript)


def _style(element: ElementTree.Element) -> _Style:
    """The :class:`_Style` of a ``style:style`` element."""
    style = _Style(parent=element.get(f"{STYLE}parent-style-name"))
    text = element.find(f"{STYLE}text-properties")
    if text is not None:
        slant = text.get(f"{FO}font-style")
        if slant is not None:
            style.italic = slant in ("italic", "oblique")
        position = text.get(f"{STYLE}text-position")
        if position is not None:
            style.superscript = _raised(position)
    paragraph = element.find(f"{STYLE}paragraph-properties")
    if paragraph is not None:
        before = paragraph.get(f"{FO}break-before")
        after = paragraph.get(f"{FO}break-after")
        style.break_before = None if before is None else before == "page"
        style.break_after = None if after is None else after == "page"
    if element.get(f"{STYLE}master-page-name"):  # a new page style starts a new page
        style.break_before = True
    return style


def _raised(position: str) -> bool:
    """Whether ``style:text-position`` (``super 58%``, ``33% 58%``, ``sub``) raises text."""
    first = position.split()[0] if position.split() else ""
    if first == "super":
        return True
    try:
        return float(first.rstrip("%")) > 0
    except ValueError:
        return False


def _levels(element: ElementTree.Element) -> dict[int, _Level]:
    """The levels of a ``text:list-style`` or ``text:outline-style``, by level (1-based)."""
    out = {}
    for level in element:
        name = level.tag.rsplit("}", 1)[-1]
        number = _integer(level.get(f"{TEXT}level"), 0)
        if number < 1 or number > 10:
            continue
        if name in ("list-level-style-bullet", "list-level-style-image"):
            out[number] = _Level(bullet=True)
        elif name in ("list-level-style-number", "outline-level-style"):
            fmt = level.get(f"{STYLE}num-format", "")
            out[number] = _Level(
                format=_FORMATS.get(fmt, "decimal") if fmt else "",
                prefix=level.get(f"{STYLE}num-prefix", ""),
                suffix=level.get(f"{STYLE}num-suffix", ""),
                start=_integer(level.get(f"{TEXT}start-value"), 1),
                display=_integer(level.get(f"{TEXT}display-levels"), 1),
                pattern=level.get(f"{LOEXT}num-list-format"))
    return out


def _integer(value: str | None, default: int) -> int:
    """``value`` as a small non-negative integer; ``default`` if absent or not one (a
    damaged file must not stop the reading)."""
    return int(value) if value and value.isdigit() and len(value) < 6 else default


# --- list numbering --------------------------------------------------------------------------


class _Counters:
    """The running numbers of one list (a list and the lists continuing it) per level."""

    def __init__(self) -> None:
        self.values = [0] * 11

    def label(self, levels: dict[int, _Level], level: int, start: int | None = None) -> str:
        """The next label at ``level`` (``3.``, ``1.2)``, ``-``, or empty when unnumbered)."""
        style = levels.get(level)
        if style is None or not 1 <= level <= 10:
            return ""
        current = self.values[level]
        self.values[level] = start if start is not None else current + 1 if current else style.start
        self.values[level + 1:] = [0] * (10 - level)
        if style.bullet:
            return "-"
        if not style.format:
            return (style.prefix + style.suffix).strip()

        def shown(k: int) -> str:
            above = levels.get(k, _Level())
            return format_number(self.values[k] or above.start, above.format or "decimal")

        if style.pattern:
            return re.sub(r"%(\d+)%", lambda m: shown(int(m.group(1))), style.pattern).strip()
        first = max(1, level - style.display + 1)
        numbers = ".".join(shown(k) for k in range(first, level + 1))
        return f"{style.prefix}{numbers}{style.suffix}".strip()


@dataclass
class _Item:
    """The list item being read: its list's numbering, style and level."""

    counters: _Counters
    style: str
    level: int
    start: int | None = None
    header: bool = False  # a text:list-header: its paragraphs have no label


# --- rendering -------------------------------------------------------------------------------


class _Odt:
    """Walks an OpenDocument text body, collecting its paragraphs and its notes."""

    def __init__(self, styles: _Styles, deletions: frozenset[str] = frozenset()) -> None:
        self.styles = styles
        self.deletions = deletions  # ids of tracked deletions
        self.deleting = False  # inside deleted text kept in place (change-start … change-end)
        self.paragraphs: list[str] = []
        self.page_breaks: set[int] = set()  # indexes of paragraphs that start a page
        self.cells: list[int] = []  # indexes of paragraphs in table cells
        self.tables = 0  # how many tables the paragraph being read is inside
        self.recorded_pages = False
        self.current = Paragraph()
        self.notes: list[NativeNote] = []
        self.counted = {kind: 0 for kind in DEFAULT_FORMAT}  # numbered notes so far
        self.lists: dict[str, _Counters] = {}  # xml:id -> numbering, for text:continue-list
        self.last_list: dict[str, _Counters] = {}  # list style -> its latest numbering
        self.outline = _Counters()

    # block level

    def blocks(self, container: ElementTree.Element, item: _Item | None = None) -> None:
        """Render the paragraphs, headings, lists, tables and sections of ``container``.

        ``item`` is the list item ``container`` is, whose first paragraph gets the label.
        """
        first = True
        for child in container:
            tag = child.tag
            if tag in (f"{TEXT}p", f"{TEXT}h"):
                label = ""
                if item is not None and first and not item.header:
                    label = self._item_label(item, container)
                elif item is None and tag == f"{TEXT}h":
                    label = self._heading_label(child)
                self.paragraph(child, label)
            elif tag == f"{TEXT}list":
                self.list(child, item)
            elif tag == f"{TEXT}soft-page-break":
                self._page_break()
                continue
            elif tag == f"{TEXT}number":
                continue  # a list item's label written out: see _written_number
            elif tag in _CHANGE_MARKS:
                self._change(child)
                continue
            elif tag == f"{TABLE}table":
                self.tables += 1
                try:
                    self.blocks(child)
                finally:
                    self.tables -= 1
            elif tag.startswith((TEXT, TABLE)) and child.get(f"{TEXT}display") != "none" \
                    and not _SKIPPED_BLOCKS.fullmatch(tag.rsplit("}", 1)[-1]):
                self.blocks(child)  # section, rows, cells, index bodies…
            first = False

    def _item_label(self, item: _Item, element: ElementTree.Element) -> str:
        """The label of list item ``element``: as the producer wrote it, or computed."""
        levels = self.styles.lists.get(item.style, {})
        computed = item.counters.label(levels, item.level, item.start)
        return _written_number(element) or computed

    def _change(self, mark: ElementTree.Element) -> None:
        """Follow a ``text:change-start``/``-end``: deleted text between them is not shown.

        LibreOffice keeps deleted text in ``text:tracked-changes``, or in place between these
        marks, as in its flat .fodt files.
        """
        if mark.get(f"{TEXT}change-id") in self.deletions:
            self.deleting = mark.tag == f"{TEXT}change-start"

    def _page_break(self) -> None:
        """A page recorded by LibreOffice starts with the next paragraph."""
        self.recorded_pages = True
        self.page_breaks.add(len(self.paragraphs))

    def list(self, element: ElementTree.Element, outer: _Item | None) -> None:
        """Render a ``text:list`` (nested in the list item ``outer``, if any)."""
        style = element.get(f"{TEXT}style-name") or (outer.style if outer else "")
        if outer is not None:
            counters, level = outer.counters, outer.level + 1
        else:
            counters, level = self._numbering(element, style), 1
        for child in element:
            if child.tag in (f"{TEXT}list-item", f"{TEXT}list-header"):
                start = child.get(f"{TEXT}start-value")
                self.blocks(child, _Item(counters, style, level,
                                         _integer(start, 1) if start else None,
                                         header=child.tag == f"{TEXT}list-header"))
            elif child.tag == f"{TEXT}soft-page-break":
                self._page_break()

    def _numbering(self, element: ElementTree.Element, style: str) -> _Counters:
        """The numbering of a top-level list: new, or that of the list it continues."""
        continued = self.lists.get(element.get(f"{TEXT}continue-list", ""))
        if continued is None and element.get(f"{TEXT}continue-numbering") == "true":
            continued = self.last_list.get(style)
        counters = continued or _Counters()
        self.last_list[style] = counters
        list_id = element.get("{http://www.w3.org/XML/1998/namespace}id")
        if list_id:
            self.lists[list_id] = counters
        return counters

    def _heading_label(self, heading: ElementTree.Element) -> str:
        """The number of a heading outside lists, from the outline numbering."""
        if heading.get(f"{TEXT}is-list-header") == "true":
            return ""
        level = _integer(heading.get(f"{TEXT}outline-level"), 1)
        start = None
        if heading.get(f"{TEXT}restart-numbering") == "true":
            start = _integer(heading.get(f"{TEXT}start-value"), 1)
        computed = self.outline.label(self.styles.outline, level, start)
        return _written_number(heading) or computed

    def paragraph(self, p: ElementTree.Element, label: str = "") -> None:
        """Render one paragraph or heading as one line (nothing for an empty paragraph)."""
        self.current = Paragraph()
        style = p.get(f"{TEXT}style-name")
        self.current.break_before = bool(self.styles.value("paragraph", style, "break_before"))
        self.inline(p, self.styles.formatting("paragraph", style, (False, False)))
        line = render(self.current.pieces).strip()
        if self.current.break_before and (self.paragraphs or line):
            self.page_breaks.add(len(self.paragraphs))
        if line:
            if self.tables:
                self.cells.append(len(self.paragraphs))
            self.paragraphs.append(f"{label} {line}" if label else line)
        if self.current.break_after or self.styles.value("paragraph", style, "break_after"):
            self.page_breaks.add(len(self.paragraphs))

    # inline level

    def inline(self, element: ElementTree.Element, formatting: tuple[bool, bool]) -> None:
        """Render the text, spans, links and notes inside ``element`` into the paragraph."""
        self._text(element.text, formatting)
        for child in element:
            tag = child.tag
            if tag in _CHANGE_MARKS:
                self._change(child)
            elif self.deleting:  # look only for where the deletion ends
                if child.find(f".//{TEXT}change-end") is not None:
                    self.inline(child, self._formatting(child, formatting))
            elif tag == f"{TEXT}span":
                self.inline(child, self._formatting(child, formatting))
            elif tag == f"{TEXT}a":
                start = len(self.current.pieces)
                self.inline(child, self._formatting(child, formatting))
                self._link(start, child.get(f"{XLINK}href", ""))
            elif tag == f"{TEXT}note":
                self.current.pieces.append(Piece(self.cite(child), raw=True))
            elif tag == f"{TEXT}line-break":
                self.current.pieces.append(LINE_BREAK)  # Shift+Enter: a line ends here
            elif tag in (f"{TEXT}s", f"{TEXT}tab"):
                self._text(" ", formatting)
            elif tag == f"{TEXT}soft-page-break":
                self.recorded_pages = True
                if any(p.text.strip() for p in self.current.pieces):
                    self.current.break_after = True
                else:
                    self.current.break_before = True
            elif tag.startswith(TEXT) and tag not in _SKIPPED_INLINE:
                self.inline(child, formatting)  # fields, meta, ruby bases, changed text…
            self._text(child.tail, formatting)

    def _formatting(self, span: ElementTree.Element,
                    outer: tuple[bool, bool]) -> tuple[bool, bool]:
        """(italic, superscript) inside a span or link, ``outer`` around it."""
        return self.styles.formatting("text", span.get(f"{TEXT}style-name"), outer)

    def _text(self, text: str | None, formatting: tuple[bool, bool]) -> None:
        if text and not self.deleting:
            self.current.pieces.append(Piece(_SPACE.sub(" ", text), *formatting))

    def _link(self, start: int, target: str) -> None:
        """Replace the pieces from ``start`` on by a link to ``target`` showing their text."""
        shown = "".join(p.text for p in self.current.pieces[start:])
        del self.current.pieces[start:]
        self.current.pieces.append(Piece(link(shown, target), raw=True))

    # notes

    def cite(self, note: ElementTree.Element) -> str:
        """The reference to ``note`` where it stands; its body is kept for the notes."""
        kind = "endnote" if note.get(f"{TEXT}note-class") == "endnote" else "footnote"
        series = ENDNOTES if kind == "endnote" else FOOTNOTES
        citation = note.find(f"{TEXT}note-citation")
        shown = "".join(citation.itertext()).strip() if citation is not None else ""
        custom = citation.get(f"{TEXT}label") if citation is not None else None
        if custom and custom.strip():
            number, label = None, shown or custom.strip()
        else:
            start, fmt = self.styles.notes[kind]
            self.counted[kind] += 1
            number = start + self.counted[kind]
            label = shown or format_number(number, _FORMATS.get(fmt, "decimal"))
        body = note.find(f"{TEXT}note-body")
        paragraphs = self._note_paragraphs(body) if body is not None else []
        self.notes.append(NativeNote(series, number, label, paragraphs))
        return reference(series, number, label)

    def _note_paragraphs(self, body: ElementTree.Element) -> list[str]:
        """The rendered paragraphs of a note body, read apart from the paragraph citing it."""
        saved = self.paragraphs, self.page_breaks, self.current, self.cells
        self.paragraphs, self.page_breaks, self.cells = [], set(), []
        try:
            self.blocks(body)
            return self.paragraphs
        finally:
            self.paragraphs, self.page_breaks, self.current, self.cells = saved

    # output

    def output(self) -> tuple[str, tuple[int, ...], tuple[Note, ...], tuple[Marker, ...],
                              tuple[int, ...]]:
        """The document's text (body, then footnotes, then endnotes), its page starts, its
        real notes and the markers citing them, and the lines of its table cells."""
        text, firsts, notes, markers = assemble(self.paragraphs, self.notes)
        pages: tuple[int, ...] = ()
        if self.recorded_pages:
            starts = sorted(i for i in self.page_breaks if 0 < i < len(firsts))
            pages = (1, *(firsts[i] for i in starts))
        return text, pages, notes, markers, cell_lines(self.paragraphs, firsts, self.cells)


def _written_number(element: ElementTree.Element) -> str:
    """The label a producer wrote out in a ``text:number`` child of a list item or heading."""
    number = element.find(f"{TEXT}number")
    return "".join(number.itertext()).strip() if number is not None else ""


def _deletions(body: ElementTree.Element) -> frozenset[str]:
    """The ids of the tracked changes that are deletions."""
    regions = body.iterfind(f"{TEXT}tracked-changes/{TEXT}changed-region")
    return frozenset(region.get(f"{TEXT}id", "") for region in regions
                     if region.find(f"{TEXT}deletion") is not None)
