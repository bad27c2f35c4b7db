"""Read a Word ``.docx`` file with the standard library alone (zipfile and ElementTree).

The body is rendered one paragraph per line (table cells too), with a blank line between
paragraphs, in the notation :mod:`footcheck.extract` reads:

* a real endnote reference (``w:endnoteReference``) becomes ``^{iv}``, numbered as Word
  numbers it: in order of reference, from ``w:numStart``, in the format of ``w:endnotePr``
  (``lowerRoman`` by default; ``upperRoman`` and ``decimal`` too; other formats as decimal);
  the endnotes follow the body under a ``Notes`` heading as ``^{iv} text`` lines;
* a real footnote reference becomes ``[^4]`` and its note a ``[^4]: text`` line under a
  ``Footnotes`` heading: Markdown notation, so footnotes always form their own series even
  when both series are numbered alike;
* a run of superscript numerals typed by hand (``w:vertAlign="superscript"``, directly or
  through a character style) becomes ``^{xiv}``, so hand-made notes work too;
* italic text becomes ``*…*`` (the reference parser reads titles from it), a hyperlink
  (``w:hyperlink`` or a ``HYPERLINK`` field) ``[text](url)`` or ``<url>``, and a paragraph of
  an automatically numbered list starts with its visible number (``12. ``) or ``- ``.

Deleted text in tracked changes, field instructions, drawings and text boxes are left out.
Word's recorded page breaks (``w:lastRenderedPageBreak``), when present, give the pages.
"""

from __future__ import annotations

import re
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
from .ooxml import (
    FALSE,
    REL,
    Lists,
    Package,
    Style,
    W,
    folder,
    num_pr,
    number,
    on,
    rels_of,
    styles,
)

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

DEFAULT_FORMAT = {"endnote": "lowerRoman", "footnote": "decimal"}
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?!\\l)"?([^"\s]+)"?', re.IGNORECASE)
_SKIPPED = frozenset({W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "sectPr",
                      W + "drawing", W + "pict", W + "object"})


def read(data: bytes, path: str) -> Document:
    """Read the ``.docx`` file whose bytes are ``data`` into a :class:`Document`."""
    package = Package(data)
    main = package.main_part()
    body = package.xml(main).find(f"{W}body")
    if body is None:
        raise Unreadable(f"is a damaged Word file ({main} has no body)")
    word = _Word(package, main)
    section = body.find(f"{W}sectPr")  # the last section's note settings apply throughout
    if section is not None:
        for kind, series in word.notes.items():
            series.configure(section.find(f"{W}{kind}Pr"))
    word.blocks(body)
    text, page_starts, notes, markers, cells = word.output()
    if not text.strip():
        raise Unreadable("is empty (the Word document has no text)")
    document = Document.from_text(text, path=path, encoding="docx", format="docx",
                                  units="paragraph", page_starts=page_starts)
    return replace(document, native_notes=notes, native_markers=markers,
                   blocks=cell_blocks(document, cells))


# --- rendering ------------------------------------------------------------------------------


@dataclass
class _Field:
    """A complex field (``w:fldChar``) being read: its instruction, then its shown result."""

    instruction: str = ""
    showing: bool = False
    link_start: int | None = None


class _Word:
    """Walks a Word document, collecting its paragraphs and the notes they reference."""

    def __init__(self, package: Package, main: str) -> None:
        self.package = package
        parts = {}
        for rel_type, target, external in package.relationships(rels_of(main), folder(main)):
            if not external:
                parts[rel_type.rsplit("/", 1)[-1]] = target
        self.links = self._links(main)
        self.styles = styles(package.xml(parts.get("styles", "word/styles.xml")))
        self.lists = Lists(package.xml(parts.get("numbering", "word/numbering.xml")))
        settings = package.xml(parts.get("settings", "word/settings.xml"))
        self.notes = {}
        for kind in ("footnote", "endnote"):
            name = parts.get(f"{kind}s", f"word/{kind}s.xml")
            self.notes[kind] = _NoteSeries(kind, package.xml(name), self._links(name), settings)
        self.paragraphs: list[str] = []
        self.page_breaks: set[int] = set()  # indexes of paragraphs that start a page
        self.cells: list[int] = []  # indexes of paragraphs in table cells
        self.tables = 0  # how many tables the paragraph being read is inside
        self.recorded_pages = False
        self.current = Paragraph()
        self.fields: list[_Field] = []
        self.custom_mark: tuple[str, str] | None = None  # (kind, id) awaiting its mark text

    def _links(self, part: str) -> dict[str, str]:
        """Relationship id -> external target (hyperlinks) of part ``part``."""
        rels = self.package.xml(rels_of(part))
        return {rel.get("Id", ""): rel.get("Target", "") for rel in rels.iter(REL)
                if rel.get("TargetMode") == "External"}

    def note_paragraphs(self, element: ElementTree.Element, links: dict[str, str]) -> list[str]:
        """The rendered paragraphs of one note (its own part's hyperlinks apply)."""
        saved = self.paragraphs, self.page_breaks, self.links, self.cells
        self.paragraphs, self.page_breaks, self.links, self.cells = [], set(), links, []
        try:
            self.blocks(element)
            return self.paragraphs
        finally:
            self.paragraphs, self.page_breaks, self.links, self.cells = saved

    # block level

    def blocks(self, container: ElementTree.Element) -> None:
        """Render the paragraphs, tables and content controls of ``container`` in order."""
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                if not _is_contents(child, self.styles):
                    self.paragraph(child)
            elif tag == f"{W}sdt" and _is_contents(child, self.styles):
                continue
            elif tag == f"{W}tbl":
                self.tables += 1
                try:
                    self.blocks(child)
                finally:
                    self.tables -= 1
            elif tag not in _SKIPPED and tag.startswith(W):
                self.blocks(child)  # tr, tc, sdt, sdtContent, customXml, ins…

    def paragraph(self, p: ElementTree.Element) -> None:
        """Render one paragraph as one line (nothing for an empty paragraph)."""
        self.current = Paragraph()
        ppr = p.find(f"{W}pPr")
        if ppr is not None and on(ppr.find(f"{W}pageBreakBefore")):
            self.current.break_before = True
        label = self._list_label(ppr)
        self.inline(p)
        self.fields.clear()
        line = render(self.current.pieces).strip()
        if self.current.break_before and (self.paragraphs or line):
            self.page_breaks.add(len(self.paragraphs))
        if line:
            if self.tables:
                self.cells.append(len(self.paragraphs))
            self.paragraphs.append(f"{label} {line}" if label else line)
        if self.current.break_after:
            self.page_breaks.add(len(self.paragraphs))

    def _list_label(self, ppr: ElementTree.Element | None) -> str:
        num = num_pr(ppr)
        if num is None and ppr is not None:
            style = ppr.find(f"{W}pStyle")
            num = self._style_value(style.get(f"{W}val") if style is not None else None, "num")
        return self.lists.label(*num) if num else ""

    def _style_value(self, style_id: str | None, name: str):
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                return None
            value = getattr(style, name)
            if value is not None:
                return value
            style_id = style.based_on
        return None

    # inline level

    def inline(self, container: ElementTree.Element) -> None:
        """Render the runs, links and fields inside ``container`` into the paragraph."""
        for child in container:
            tag = child.tag
            if tag == f"{W}r":
                self.run(child)
            elif tag == f"{W}hyperlink":
                start = len(self.current.pieces)
                self.inline(child)
                target = self.links.get(child.get(_R_ID, ""))
                if target is not None:
                    self._link(start, target)
            elif tag == f"{W}fldSimple":
                start = len(self.current.pieces)
                self.inline(child)
                found = _HYPERLINK_FIELD.match(child.get(f"{W}instr", ""))
                if found:
                    self._link(start, found.group(1))
            elif tag not in _SKIPPED and tag.startswith(W):
                self.inline(child)  # ins, moveTo, smartTag, customXml, sdt, sdtContent…

    def run(self, r: ElementTree.Element) -> None:
        """Render one run: its text with its italic and superscript properties."""
        rpr = r.find(f"{W}rPr")
        italic, superscript = self._run_properties(rpr)
        for child in r:
            tag = child.tag[len(W):] if child.tag.startswith(W) else ""
            if tag == "fldChar":
                self._field_char(child.get(f"{W}fldCharType", ""))
            elif tag == "instrText":
                if self.fields:
                    self.fields[-1].instruction += child.text or ""
            elif any(not f.showing for f in self.fields):
                continue  # inside a field's instruction: not shown
            elif tag == "t":
                self._text(child.text or "", italic, superscript)
            elif tag in ("br", "cr") and child.get(f"{W}type") in (None, "textWrapping") \
                    and self.custom_mark is None:
                self.current.pieces.append(LINE_BREAK)  # Shift+Enter: a line ends here
            elif tag in ("tab", "ptab", "br", "cr"):
                if tag == "br" and child.get(f"{W}type") == "page":
                    self.current.break_after = True
                self._text(" ", italic, superscript)
            elif tag == "noBreakHyphen":
                self._text("-", italic, superscript)
            elif tag == "sym":
                self._text(_symbol(child.get(f"{W}char", "")), italic, superscript)
            elif tag == "lastRenderedPageBreak":
                self.recorded_pages = True
                if any(p.text.strip() for p in self.current.pieces):
                    self.current.break_after = True
                else:
                    self.current.break_before = True
            elif tag in ("endnoteReference", "footnoteReference"):
                self._reference(tag[: -len("Reference")], child)

    def _run_properties(self, rpr: ElementTree.Element | None) -> tuple[bool, bool]:
        if rpr is None:
            return False, False
        style = rpr.find(f"{W}rStyle")
        style_id = style.get(f"{W}val") if style is not None else None
        italic = on(rpr.find(f"{W}i"))
        if italic is None:
            italic = self._style_value(style_id, "italic")
        align = rpr.find(f"{W}vertAlign")
        if align is not None:
            superscript = align.get(f"{W}val") == "superscript"
        else:
            superscript = self._style_value(style_id, "superscript")
        return bool(italic), bool(superscript)

    def _text(self, text: str, italic: bool, superscript: bool) -> None:
        if self.custom_mark is not None:
            kind, note_id = self.custom_mark
            self.custom_mark = None
            self.current.pieces.append(Piece(self.notes[kind].cite(note_id, text), raw=True))
            return
        self.current.pieces.append(Piece(text, italic, superscript))

    def _reference(self, kind: str, element: ElementTree.Element) -> None:
        note_id = element.get(f"{W}id", "")
        if element.get(f"{W}customMarkFollows", "0").lower() not in FALSE:
            self.custom_mark = (kind, note_id)  # the next text is the mark
            return
        self.current.pieces.append(Piece(self.notes[kind].cite(note_id), raw=True))

    def _field_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            current = self.fields[-1]
            current.showing = True
            if _HYPERLINK_FIELD.match(current.instruction):
                current.link_start = len(self.current.pieces)
        elif kind == "end" and self.fields:
            current = self.fields.pop()
            found = _HYPERLINK_FIELD.match(current.instruction)
            if found and current.link_start is not None:
                self._link(current.link_start, found.group(1))

    def _link(self, start: int, target: str) -> None:
        """Replace the pieces from ``start`` on by a link to ``target`` showing their text."""
        shown = "".join(p.text for p in self.current.pieces[start:])
        del self.current.pieces[start:]
        self.current.pieces.append(Piece(link(shown, target), raw=True))

    # output

    def output(self) -> tuple[str, tuple[int, ...], tuple[Note, ...], tuple[Marker, ...],
                              tuple[int, ...]]:
        """The document's text (body, then footnotes, then endnotes), its page starts, its
        real notes and the markers citing them, and the lines of its table cells."""
        notes: list[NativeNote] = []
        done: dict[str, set[str]] = {kind: set() for kind in self.notes}
        while True:  # again while notes cite notes (not in Word, but a file can)
            found = [*self.notes["footnote"].cited(self, done["footnote"]),
                     *self.notes["endnote"].cited(self, done["endnote"])]
            if not found:
                break
            notes += found
        text, firsts, native_notes, markers = assemble(self.paragraphs, notes)
        pages: tuple[int, ...] = ()
        if self.recorded_pages:
            starts = sorted(i for i in self.page_breaks if 0 < i < len(firsts))
            pages = (1, *(firsts[i] for i in starts))
        return text, pages, native_notes, markers, cell_lines(self.paragraphs, firsts, self.cells)


class _NoteSeries:
    """The endnotes or footnotes of a document: their texts, numbering and references."""

    def __init__(self, kind: str, root: ElementTree.Element, links: dict[str, str],
                 settings: ElementTree.Element) -> None:
        self.kind = kind
        self.links = links
        self.format = DEFAULT_FORMAT[kind]
        self.start = 1
        self.configure(settings.find(f"{W}{kind}Pr"))
        self.elements = {n.get(f"{W}id", ""): n for n in root.iter(f"{W}{kind}")
                         if n.get(f"{W}type") in (None, "normal")}
        self.series = ENDNOTES if kind == "endnote" else FOOTNOTES
        self.labels: dict[str, tuple[int | None, str]] = {}  # note id -> number, label
        self.count = 0

    def configure(self, properties: ElementTree.Element | None) -> None:
        """Apply a ``w:endnotePr``/``w:footnotePr`` element (settings or a section)."""
        if properties is None:
            return
        fmt = properties.find(f"{W}numFmt")
        if fmt is not None:
            self.format = fmt.get(f"{W}val", self.format)
        self.start = number(properties.find(f"{W}numStart"), self.start)

    def cite(self, note_id: str, custom: str | None = None) -> str:
        """The reference to note ``note_id`` in a paragraph (numbered on first use, as Word
        numbers: a custom mark such as ``*`` takes no number)."""
        if note_id not in self.labels:
            if custom is not None:
                self.labels[note_id] = (None, custom.strip())
            else:
                value = self.start + self.count
                self.labels[note_id] = (value, format_number(value, self.format))
                self.count += 1
        return reference(self.series, *self.labels[note_id])

    def cited(self, word: _Word, done: set[str]) -> list[NativeNote]:
        """Each referenced note not in ``done``, in order of reference; ``done`` is updated.

        A note's text may reference notes in turn (Word never writes that, a damaged or
        hand-made file can): those not yet cited come after it."""
        out = []
        while pending := [item for item in self.labels.items() if item[0] not in done]:
            for note_id, (value, label) in pending:
                done.add(note_id)
                out += self._note(word, note_id, value, label)
        return out

    def _note(self, word: _Word, note_id: str, value: int | None, label: str
              ) -> list[NativeNote]:
        element = self.elements.get(note_id)
        if element is None:
            return []
        paragraphs = word.note_paragraphs(element, self.links)
        if value is None and paragraphs and paragraphs[0].startswith(label):
            # a custom mark is typed again at the start of its note's text
            paragraphs[0] = paragraphs[0][len(label):].lstrip()
        return [NativeNote(self.series, value, label, paragraphs)]


def _is_contents(element: ElementTree.Element, styles: dict[str, Style]) -> bool:
    """Whether ``element`` is part of a table of contents, of figures or an index Word
    generated: a content control of the "Table of Contents" gallery, or a paragraph in one
    of Word's TOC/index styles (TOC1…TOC9, Index1…, Table of Figures), known by their id or,
    where Word named the id in the document's language (``Verzeichnis1``,
    ``Abbildungsverzeichnis``), by the English name it keeps. Its numbered lines and the
    citations copied from captions are headings and page numbers, not notes."""
    if element.tag == f"{W}sdt":
        gallery = element.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
        return gallery is not None and gallery.get(f"{W}val", "").startswith("Table of")
    style = element.find(f"{W}pPr/{W}pStyle")
    style_id = style.get(f"{W}val", "") if style is not None else ""
    if not style_id:
        return False
    known = styles.get(style_id)
    return bool(_CONTENTS_STYLE.fullmatch(style_id) or (
        known is not None and _CONTENTS_STYLE.fullmatch(known.name.replace(" ", ""))))


_CONTENTS_STYLE = re.compile(r"(?i:toc|index|tableoffigures)\s*\d*|TOCHeading")


def _symbol(code: str) -> str:
    """The character of a ``w:sym`` (symbol fonts' private-use codes are dropped)."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return "" if 0xF000 <= value <= 0xF0FF else chr(value)
