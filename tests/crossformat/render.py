"""Write a brief (see briefs.py) as an OpenDocument text file and as Markdown.

The .odt is built with the project's own builder of test documents (``odt()`` and its
helpers in tests/readers/test_odt_reader.py): ``content.xml`` with real ``text:note``
elements (``text:note-class`` ``endnote`` or ``footnote``, ``text:note-citation``,
``text:note-body``), a ``styles.xml`` whose ``text:notes-configuration`` numbers endnotes
i, ii, iii and footnotes 1, 2, 3 (LibreOffice's defaults), ``text:list`` lists with a list
style, tables, a stored ``mimetype`` first and a manifest. As in a document written in
LibreOffice, note paragraphs have the styles ``Footnote`` and ``Endnote`` (10 pt, hanging
indent) and headings ``Heading 1``/``Heading 2`` (so LibreOffice writes Word and HTML
headings for them).

The Markdown has ``[^n]`` footnotes numbered in order of citation, endnotes and footnotes
alike: Markdown has one kind of note.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

from .briefs import (
    Block,
    Brief,
    BulletList,
    Heading,
    Inline,
    Italic,
    Link,
    Note,
    NumberedList,
    Para,
    Table,
)

_READERS = str(Path(__file__).resolve().parent.parent / "readers")
if _READERS not in sys.path:  # where the .odt builder and its helpers live
    sys.path.append(_READERS)

from test_odt_reader import (  # noqa: E402
    AUTOMATIC,
    NOTES_CONFIG,
    NS,
    a,
    italic,
    note,
    odt,
    p,
)

# An automatically numbered list 1. 2. 3. (the builder's L1 is i. ii., L2 bullets).
ARABIC_LIST = """
<text:list-style style:name="L3">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
</text:list-style>"""
# The paragraph styles of note bodies, as LibreOffice writes them (10 pt, hanging indent).
NOTE_STYLES = "".join(
    f'<style:style style:name="{name}" style:family="paragraph" '
    'style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties '
    'fo:margin-left="0.2362in" fo:margin-right="0in" fo:text-indent="-0.2362in" '
    'style:auto-text-indent="false"/><style:text-properties fo:font-size="10pt"/>'
    "</style:style>" for name in ("Footnote", "Endnote"))
HEADINGS = "".join(
    f'<style:style style:name="Heading_20_{n}" style:display-name="Heading {n}" '
    f'style:family="paragraph" style:parent-style-name="Standard" '
    f'style:default-outline-level="{n}"><style:text-properties fo:font-size="{18 - 2 * n}pt" '
    'fo:font-weight="bold"/></style:style>' for n in (1, 2))
# The page and the font are fixed (A4, 2 cm margins, for the text and for the endnote pages;
# DejaVu Serif, from fonts-dejavu-core, which CI installs) so that LibreOffice lays the PDF out
# the same on every machine, whatever its locale's paper size or its other fonts.
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}><office:styles>'
    '<style:default-style style:family="paragraph"><style:text-properties '
    "fo:font-family=\"'DejaVu Serif'\" fo:font-size=\"12pt\" fo:language=\"en\" "
    'fo:country="GB"/></style:default-style>'
    '<style:style style:name="Standard" style:family="paragraph"/>'
    f"{NOTE_STYLES}{HEADINGS}{NOTES_CONFIG}</office:styles>"
    '<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-'
    'properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" '
    'fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>'
    "</office:automatic-styles><office:master-styles>"
    '<style:master-page style:name="Standard" style:page-layout-name="pm1"/>'
    '<style:master-page style:name="Endnote" style:page-layout-name="pm1"/>'
    "</office:master-styles></office:document-styles>")
_ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90),
          ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def roman(n: int) -> str:
    out = ""
    for letters, value in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


# --- OpenDocument -------------------------------------------------------------------------------


class _OdtWriter:
    def __init__(self) -> None:
        self.counts = {"endnote": 0, "footnote": 0}
        self.tables = 0

    def inline(self, x: Inline) -> str:
        if isinstance(x, str):
            return escape(x)
        if isinstance(x, Italic):
            return italic(escape(x.text))
        if isinstance(x, Link):
            return a(escape(x.url, {'"': "&quot;"}), escape(x.url))
        self.counts[x.kind] += 1  # the citation LibreOffice shows: i, ii… or 1, 2…
        n = self.counts[x.kind]
        citation = roman(n) if x.kind == "endnote" else str(n)
        style = x.kind.title()  # a note's paragraphs have the style Footnote or Endnote
        return note(x.kind, citation, *(self.block(b, style) for b in x.body))

    def inlines(self, xs: tuple[Inline, ...]) -> str:
        return "".join(self.inline(x) for x in xs)

    def block(self, block: Block, style: str = "Standard") -> str:
        if isinstance(block, Heading):
            return (f'<text:h text:style-name="Heading_20_{block.level}" '
                    f'text:outline-level="{block.level}">{escape(block.text)}</text:h>')
        if isinstance(block, Para):
            return p(self.inlines(block.inlines), style=style)
        if isinstance(block, NumberedList | BulletList):
            numbering = "L3" if isinstance(block, NumberedList) else "L2"
            return (f'<text:list text:style-name="{numbering}">' + "".join(
                f"<text:list-item>{p(self.inlines(item), style=style)}</text:list-item>"
                for item in block.items) + "</text:list>")
        assert isinstance(block, Table)
        self.tables += 1
        width = len(block.rows[0])
        rows = "".join(
            "<table:table-row>" + "".join(
                f'<table:table-cell office:value-type="string">{p(self.inlines(cell))}'
                "</table:table-cell>" for cell in row) + "</table:table-row>"
            for row in block.rows)
        return (f'<table:table table:name="Table{self.tables}">'
                f'<table:table-column table:number-columns-repeated="{width}"/>'
                f"{rows}</table:table>")


def to_odt(brief: Brief) -> bytes:
    """The brief as an .odt file."""
    writer = _OdtWriter()
    body = writer.block(Heading(brief.title, 1)) + "".join(writer.block(b)
                                                           for b in brief.blocks)
    return odt(body, styles=STYLES, automatic=AUTOMATIC + ARABIC_LIST)


# --- Markdown -----------------------------------------------------------------------------------


class _MarkdownWriter:
    def __init__(self) -> None:
        self.notes: list[Note] = []

    def inline(self, x: Inline) -> str:
        if isinstance(x, str):
            # "[a translated title]" stays literal: no link is defined.
            assert not set(x) & set("*_`$<>\\|") and "[^" not in x and "](" not in x, (
                f"Markdown syntax in plain text: {x!r}")
            return x
        if isinstance(x, Italic):
            return f"*{x.text}*"
        if isinstance(x, Link):
            return f"<{x.url}>"
        self.notes.append(x)
        return f"[^{len(self.notes)}]"

    def inlines(self, xs: tuple[Inline, ...]) -> str:
        return "".join(self.inline(x) for x in xs)

    def block(self, block: Block | Note) -> str:
        if isinstance(block, Heading):
            return f"{'#' * block.level} {block.text}"
        if isinstance(block, Para):
            return self.inlines(block.inlines)
        if isinstance(block, NumberedList):
            return "\n".join(f"{i}. {self.inlines(x)}" for i, x in enumerate(block.items, 1))
        if isinstance(block, BulletList):
            return "\n".join(f"- {self.inlines(x)}" for x in block.items)
        assert isinstance(block, Table)
        rows = [[self.inlines(cell) for cell in row] for row in block.rows]
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        lines.insert(1, "|" + "|".join("---" for _ in rows[0]) + "|")
        return "\n".join(lines)


def to_markdown(brief: Brief) -> str:
    """The brief as Markdown: ``[^n]`` footnotes, their definitions at the end."""
    writer = _MarkdownWriter()
    parts = [f"# {brief.title}"] + [writer.block(b) for b in brief.blocks]
    for n, x in enumerate(writer.notes, start=1):
        # A note's further paragraphs and lists are indented under its first paragraph.
        first, *rest = [writer.block(b) for b in x.body]
        text = f"[^{n}]: {first}"
        for more in rest:
            text += "\n\n" + "\n".join("    " + line for line in more.split("\n"))
        parts.append(text)
    return "\n\n".join(parts) + "\n"
