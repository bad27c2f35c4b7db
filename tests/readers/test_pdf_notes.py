"""Notes in PDFs as a word processor sets them: LibreOffice, the real producer, writes the PDFs
from OpenDocument files built here.

An ``.odt`` is a zip of ``mimetype`` (stored first), ``META-INF/manifest.xml``,
``styles.xml`` (page, paragraph and note styles; ``text:notes-configuration`` numbers the
endnotes in lower-case roman), ``settings.xml`` and ``content.xml``, whose paragraphs hold
real notes (``text:note text:note-class="endnote"``/``"footnote"``). LibreOffice prints
footnotes at the page feet, below a separator rule and smaller than the body text, and the
endnotes on pages of their own after the body, each note's label a superscript glued to its
text (``viiiLefèvre, Stéphane…``) as Word does. Variants: the labels as LibreOffice sets them
by default (in the notes' size, hanging out of an indent, glued when wider), and the
endnotes at the page feet (LibreOffice's setting for Word files), where body paragraphs go
on over page breaks past them.

The briefs are converted once per module, in one LibreOffice run; the tests skip without
LibreOffice, and fail under CI (see helpers.require). Layouts LibreOffice does not make
(Word's endnotes right after the body, endnotes as large as the body text, a turned page)
are drawn by hand as small PDFs.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

import pytest
from office import convert

from footcheck.extract import extract
from footcheck.model import ENDNOTES, FOOTNOTES, Severity
from footcheck.numerals import to_roman
from footcheck.pipeline import audit
from footcheck.readers import pdf as reader

# --- OpenDocument text built by hand ---------------------------------------------------------

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'office:version="1.3"')
MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.3">
<manifest:file-entry manifest:full-path="/"
 manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
# LibreOffice's compatibility setting for Word's endnotes, "continuous endnotes": LibreOffice
# 7.4 then prints the endnotes at the page feet, below the body, as they come. (It reads the
# settings only where the ``ooo`` namespace is declared.)
SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"
 xmlns:ooo="http://openoffice.org/2004/office" office:version="1.3"><office:settings>
<config:config-item-set config:name="ooo:configuration-settings">
<config:config-item config:name="ContinuousEndnotes"
 config:type="boolean">{continuous}</config:config-item>
</config:config-item-set></office:settings></office:document-settings>"""
SUPER = '<style:text-properties style:text-position="super 58%"/>'
_TAG = re.compile(r"\{(en|fn|i|sup):((?:[^{}]|\{[^{}]*\})*)\}")


def styles(endnote_format: str, footnote_format: str, header: str | None,
           footer: str | None, plain: bool = False) -> str:
    """``styles.xml``: A4 pages with a running header and footer (``#`` is the page
    number), justified 11pt body text, 9pt footnotes and 10pt endnotes, note labels set
    as glued superscripts in the notes and the text; with ``plain``, the notes' labels as
    LibreOffice sets them by default: in the notes' size, hanging out of a 0.6 cm indent
    (glued to the text when wider, ``viiiLefèvre``)."""
    furniture = ""
    if header:
        furniture += f"<style:header><text:p>{escape(header)}</text:p></style:header>"
    if footer:
        before, _, after = footer.partition("#")
        furniture += (f"<style:footer><text:p>{escape(before)}<text:page-number "
                      f'text:select-page="current">1</text:page-number>{escape(after)}'
                      "</text:p></style:footer>")
    indent = "0.6cm" if plain else "0cm"
    notes = (f'<style:paragraph-properties fo:margin-left="{indent}" '
             f'fo:text-indent="-{indent}" fo:margin-bottom="0.05cm"/>')
    label = "" if plain else SUPER
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}>
<office:styles>
<style:style style:name="Standard" style:family="paragraph">
<style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/>
<style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="Heading" style:family="paragraph">
<style:paragraph-properties fo:margin-bottom="0.3cm"/>
<style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Footnote" style:family="paragraph">{notes}
<style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Endnote" style:family="paragraph">{notes}
<style:text-properties fo:font-size="10pt"/></style:style>
<style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol"
 style:family="text">{label}</style:style>
<style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor"
 style:family="text">{SUPER}</style:style>
<style:style style:name="Endnote_20_Symbol" style:display-name="Endnote Symbol"
 style:family="text">{label}</style:style>
<style:style style:name="Endnote_20_anchor" style:display-name="Endnote anchor"
 style:family="text">{SUPER}</style:style>
<text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol"
 text:citation-body-style-name="Footnote_20_anchor" style:num-format="{footnote_format}"
 text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
<text:notes-configuration text:note-class="endnote" text:citation-style-name="Endnote_20_Symbol"
 text:citation-body-style-name="Endnote_20_anchor" style:num-format="{endnote_format}"
 text:start-value="0"/>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm"
 fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm"
 fo:margin-right="2.5cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0.6cm"
 fo:margin-bottom="0.5cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.6cm"
 fo:margin-top="0.5cm"/></style:footer-style>
</style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="A4">{furniture}</style:master-page>
<style:master-page style:name="Endnote" style:page-layout-name="A4">{furniture}</style:master-page>
</office:master-styles>
</office:document-styles>"""


class _Notes:
    """The notes of one document, numbered as LibreOffice will number them."""

    def __init__(self, endnote_format: str, footnote_format: str) -> None:
        self.count = {"endnote": 0, "footnote": 0}
        self.roman = {"endnote": endnote_format == "i", "footnote": footnote_format == "i"}

    def note(self, kind: str, text: str) -> str:
        self.count[kind] += 1
        number = self.count[kind]
        label = to_roman(number).lower() if self.roman[kind] else str(number)
        style = "Endnote" if kind == "endnote" else "Footnote"
        return (f'<text:note text:id="{kind}{number}" text:note-class="{kind}">'
                f"<text:note-citation>{label}</text:note-citation><text:note-body>"
                f'<text:p text:style-name="{style}">{inline(text, self)}</text:p>'
                "</text:note-body></text:note>")


def inline(markup: str, notes: _Notes) -> str:
    """A paragraph's XML from text with tags: ``{en:…}`` and ``{fn:…}`` a real endnote and
    footnote holding that text, ``{i:…}`` italics, ``{sup:…}`` superscript typed by hand."""
    out = []
    at = 0
    for m in _TAG.finditer(markup):
        out.append(escape(markup[at:m.start()]))
        kind, value = m.groups()
        if kind in ("en", "fn"):
            out.append(notes.note("endnote" if kind == "en" else "footnote", value))
        else:
            out.append(f'<text:span text:style-name="{kind}">{escape(value)}</text:span>')
        at = m.end()
    out.append(escape(markup[at:]))
    return "".join(out)


def odt(body: list, *, endnotes: str = "i", footnotes: str = "1", header: str | None = None,
        footer: str | None = None, word: bool = False, plain: bool = False) -> bytes:
    """The bytes of an .odt whose body is ``body``: paragraphs written with the tags of
    :func:`inline`, ``"# …"`` a heading, a list of rows (lists of cells) a table.

    ``endnotes``/``footnotes`` are the numbering formats (``i`` roman, ``1`` arabic); with
    ``word``, LibreOffice places the endnotes as for a Word file (see SETTINGS), else on
    pages of their own after the body; ``plain`` sets the notes' labels as LibreOffice does
    by default (see :func:`styles`).
    """
    notes = _Notes(endnotes, footnotes)
    xml = []
    for item in body:
        if isinstance(item, list):
            rows = "".join(
                "<table:table-row>" + "".join(
                    '<table:table-cell office:value-type="string">'
                    f"<text:p>{inline(cell, notes)}</text:p></table:table-cell>"
                    for cell in row) + "</table:table-row>" for row in item)
            xml.append(f'<table:table table:name="Table{len(xml)}"><table:table-column '
                       f'table:number-columns-repeated="{len(item[0])}"/>{rows}</table:table>')
        elif item.startswith("# "):
            xml.append(f'<text:h text:style-name="Heading" text:outline-level="1">'
                       f"{escape(item[2:])}</text:h>")
        else:
            xml.append(f'<text:p text:style-name="Standard">{inline(item, notes)}</text:p>')
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS}>
<office:automatic-styles>
<style:style style:name="sup" style:family="text">{SUPER}</style:style>
<style:style style:name="i" style:family="text">
<style:text-properties fo:font-style="italic"/></style:style>
</office:automatic-styles>
<office:body><office:text>{"".join(xml)}</office:text></office:body>
</office:document-content>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
        archive.writestr("styles.xml", styles(endnotes, footnotes, header, footer, plain))
        archive.writestr("content.xml", content)
        archive.writestr("settings.xml", SETTINGS.format(continuous=str(word).lower()))
    return buffer.getvalue()


# --- the briefs -----------------------------------------------------------------------------

PLACES = ["Almaty", "Bishkek", "Tbilisi", "Yerevan", "Astana", "Tashkent", "Baku", "Osh",
          "Batumi", "Gyumri", "Shymkent"]
SURNAMES = ["Lefèvre", "Nowak", "Ivanova", "Smith", "García", "Kovács", "Brown", "Rossi",
            "Müller", "Petrov", "Dubois", "Horvat", "Novák", "Jansen", "Silva", "Berg",
            "Costa", "Popescu", "Fischer", "Moreau", "Santos", "Keller", "Lindqvist",
            "Marek", "Ortega", "Quinn", "Rahimov", "Sato", "Tamm", "Urban", "Varga",
            "Weber", "Yilmaz", "Zielinski", "Abbott", "Bauer", "Cruz", "Dahl", "Eriksen"]
GIVEN = ["Stéphane", "Anna", "Maria", "John", "Lucía", "Péter", "Emily", "Marco", "Karl",
         "Sergei", "Claire"]
TOPICS = ["labour mobility", "housing prices", "remittances", "visa regimes", "IT workers",
          "bank accounts", "school enrolment", "border crossings", "rental markets",
          "public opinion", "tax residency"]
SENTENCES = [
    "Relocation flows changed the labour markets of the region in ways that few observers "
    "had anticipated before the autumn of that year.",
    "Local officials responded unevenly, and the rules for registration changed several "
    "times within a few months.",
    "Rents in the capital rose sharply, which put pressure on students and on families "
    "with modest incomes.",
    "Banks opened thousands of new accounts, although some of them were closed again after "
    "new compliance checks.",
    "Employers in the technology sector welcomed the newcomers and hired many of them on "
    "short contracts.",
    "Surveys show that public opinion remained mostly favourable, even where prices rose.",
    "The government did not publish consistent figures, so estimates vary from one source "
    "to another.",
]


def citation(n: int, kind: str = "report") -> str:
    """A distinct, complete reference (author, title, place, year, address): notes 3, 11,
    19… are long enough to run over several lines, and every fourth ends in its address."""
    surname, given = SURNAMES[n % len(SURNAMES)], GIVEN[n % len(GIVEN)]
    topic, place = TOPICS[n % len(TOPICS)], PLACES[n % len(PLACES)]
    year = 2015 + n % 9
    text = (f"{surname}, {given}. {{i:Relocation and {topic} in {place}: {kind} {n}}}. "
            f"{place}: Institute for Migration Studies, {year}.")
    if n % 8 == 3:
        text += (f" The {kind} compares official statistics with interviews held in {place} "
                 f"and in two other cities, and discusses why the published figures on "
                 f"{topic} differ from the estimates of independent researchers.")
    address = f"https://www.example.org/{kind}s/{year}/{n}/relocation-and-{topic.replace(' ', '-')}"
    return text + (f" Available at: <{address}>" if n % 4 == 0 else f" Available at: <{address}>.")


def clean_brief() -> list:
    """Brief 1: a body list typed ``i. ii. iii.``, then 33 endnotes i–xxxiii over several
    pages; one marker right after a year (``in 2022``), others after quotes or brackets."""
    body = ["# Relocation in Central Asia and the South Caucasus",
            f"{SENTENCES[0]} {SENTENCES[1]} This brief makes three points:",
            "i. the flows were larger than official figures suggest;",
            "ii. the effects on housing were strongest in the capitals;",
            "iii. the policy response was uneven."]
    for n in range(1, 34):
        lead = " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(1 + n % 3))
        if n == 7:
            claim = f"Registration rules changed in 2022{{en:{citation(n)}}} and again later."
        elif n == 12:
            claim = f"One official called it \u201ca temporary wave\u201d.{{en:{citation(n)}}}"
        elif n == 20:
            claim = f"Arrivals doubled (by most estimates){{en:{citation(n)}}} within a year."
        else:
            claim = f"This is claim {n} of the brief.{{en:{citation(n)}}}"
        body.append(f"{lead} {claim}")
    return body


def two_series_brief() -> list:
    """Brief 2: roman endnotes and arabic footnotes at the page feet, over several pages;
    one sentence ends in an endnote and a footnote reference side by side."""
    body = ["# Two series of notes"]
    for n in range(1, 13):
        lead = " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(2 + n % 2))
        body.append(f"{lead} Claim {n} rests on a report.{{en:{citation(n)}}} "
                    f"A detail of it comes from a paper.{{fn:{citation(n + 40, 'paper')}}}")
        if n == 5:
            body.append(f"{SENTENCES[2]} This sentence cites both series at once."
                        f"{{en:{citation(60)}}}{{fn:{citation(61, 'paper')}}}")
    return body


def adjacent_brief() -> list:
    """Brief 3: arabic endnotes 1–12, notes 8 and 9 cited by adjacent markers ``⁸⁹``."""
    body = ["# Adjacent markers"]
    for n in range(1, 13):
        if n == 9:
            continue
        lead = SENTENCES[n % len(SENTENCES)]
        if n == 8:
            body.append(f"{lead} Two sources back this claim.{{en:{citation(8)}}}"
                        f"{{en:{citation(9)}}}")
        else:
            body.append(f"{lead} Claim {n}.{{en:{citation(n)}}}")
    return body


def table_brief() -> list:
    """Brief 4: arabic endnotes, one cited in a table cell right after the year ``2035``;
    exponents in the prose (``10⁶``, ``km²``, ``1,200⁷``) that are not markers."""
    return [
        "# A table",
        f"{SENTENCES[0]} Claim 1.{{en:{citation(1)}}}",
        f"{SENTENCES[1]} Claim 2.{{en:{citation(2)}}} Claim 3.{{en:{citation(3)}}}",
        [["Year", "Arrivals", "Share"], ["2030", "12 000", "3 %"],
         [f"2035{{en:{citation(4)}}}", "15 000", "4 %"]],
        f"{SENTENCES[2]} The city covers 10{{sup:6}} m{{sup:2}}, or about 1 km{{sup:2}}, and "
        f"counted 1,200{{sup:7}} newcomers. Claim 5.{{en:{citation(5)}}}",
    ]


def placeholder_brief() -> list:
    """Brief 5: endnote iii is a placeholder, ``get source here``."""
    notes = [citation(1), citation(2), "get source here", citation(4), citation(5)]
    return ["# A placeholder"] + [f"{SENTENCES[n]} Claim {n}.{{en:{note}}}"
                                  for n, note in enumerate(notes, start=1)]


HEADER = "Policy Brief · Relocation · 2024"
FOOTER = "Page #"
BRIEFS = {
    "clean.odt": lambda: odt(clean_brief(), header=HEADER, footer=FOOTER),
    "clean-word.odt": lambda: odt(clean_brief(), header=HEADER, footer=FOOTER, word=True),
    "clean-plain.odt": lambda: odt(clean_brief(), header=HEADER, footer=FOOTER, plain=True),
    "series-plain.odt": lambda: odt(two_series_brief(), header=HEADER, footer=FOOTER,
                                    plain=True),
    "series.odt": lambda: odt(two_series_brief(), header=HEADER, footer=FOOTER),
    "adjacent.odt": lambda: odt(adjacent_brief(), endnotes="1", footer=FOOTER),
    "table.odt": lambda: odt(table_brief(), endnotes="1", footer=FOOTER),
    "placeholder.odt": lambda: odt(placeholder_brief(), header=HEADER, footer=FOOTER),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, bytes]:
    """The briefs saved as PDF by LibreOffice, in one run."""
    sources = {name: make() for name, make in BRIEFS.items()}
    return convert(sources, tmp_path_factory.mktemp("pdf-notes"))


def read(pdfs, name: str):
    return reader.read(pdfs[name], name)


def serious(report) -> list[tuple[str, str]]:
    """(code, message) of the findings of severity WARNING or worse."""
    return [(f.code, f.message) for f in report.findings if f.severity >= Severity.WARNING]


def romans(last: int) -> list[str]:
    return [to_roman(n).lower() for n in range(1, last + 1)]


# --- the tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["clean.pdf", "clean-word.pdf", "clean-plain.pdf"])
def test_clean_brief_has_its_33_endnotes_and_no_findings(pdfs, name):
    document = read(pdfs, name)
    found = extract(document)
    first, last = (document.page(n.line) for n in (found.notes[0], found.notes[-1]))
    assert last > first  # over several pages
    assert [(n.series, n.token) for n in found.notes] == [(ENDNOTES, t) for t in romans(33)]
    assert [(m.series, m.token) for m in found.markers] == [(ENDNOTES, t) for t in romans(33)]
    assert not serious(audit(document))


@pytest.mark.parametrize("name", ["clean.pdf", "clean-word.pdf", "clean-plain.pdf"])
def test_endnotes_glued_labels_are_paragraph_starts_and_notes_are_whole(pdfs, name):
    document = read(pdfs, name)
    text = document.text
    for n in (1, 8, 33):
        assert f"\n^{{{to_roman(n).lower()}}} {SURNAMES[n % len(SURNAMES)]}, " in text
    notes = {n.token: n.text for n in extract(document).notes}
    for n in range(1, 34):  # each note whole, over line and page breaks, and nothing more
        expected = citation(n).replace("{i:", "*").replace("}", "*")
        assert notes[to_roman(n).lower()] == expected


def test_body_list_and_marker_after_a_year(pdfs):
    text = read(pdfs, "clean.pdf").text
    assert "\ni. the flows were larger" in text and "\niii. the policy response" in text
    assert "changed in 2022 ^{vii} and again later" in text


@pytest.mark.parametrize("name", ["series.pdf", "series-plain.pdf"])
def test_footnotes_and_endnotes_are_two_series(pdfs, name):
    document = read(pdfs, name)
    found = extract(document)
    endnotes = [n.token for n in found.notes if n.series == ENDNOTES]
    footnotes = [n.token for n in found.notes if n.series == FOOTNOTES]
    assert endnotes == romans(13)
    assert footnotes == [str(n) for n in range(1, 14)]
    assert [m.token for m in found.markers if m.series == ENDNOTES] == romans(13)
    assert [m.token for m in found.markers if m.series == FOOTNOTES] == \
        [str(n) for n in range(1, 14)]
    assert "cites both series at once.^{vi}^{6}" in document.text
    assert not serious(audit(document))


def test_adjacent_markers_are_split_by_the_notes_that_exist(pdfs):
    document = read(pdfs, "adjacent.pdf")
    assert "Two sources back this claim.^{8}^{9}" in document.text
    found = extract(document)
    assert [m.token for m in found.markers] == [str(n) for n in range(1, 13)]  # 12 whole
    assert [n.token for n in found.notes] == [str(n) for n in range(1, 13)]
    assert not serious(audit(document))


def test_marker_after_a_number_in_a_table_and_exponents(pdfs):
    document = read(pdfs, "table.pdf")
    text = document.text
    assert "2035 ^{4}" in text  # a note 4 exists: a marker, apart from the number
    assert "10⁶" in text and "1,200⁷" in text  # no note 7, and 10⁶ is a power: exponents
    found = extract(document)
    assert [m.token for m in found.markers] == ["1", "2", "3", "4", "5"]
    assert [n.token for n in found.notes] == ["1", "2", "3", "4", "5"]
    assert not serious(audit(document))


def test_a_placeholder_note_is_the_only_finding(pdfs):
    report = audit(read(pdfs, "placeholder.pdf"))
    assert [(n.token, n.text) for n in report.notes][2] == ("iii", "get source here")
    assert [(f.code, f.number) for f in report.findings
            if f.severity >= Severity.WARNING] == [("FC201", 3)]


def test_splitting_runs_by_the_labels_that_exist():
    labels = {"i", "ii", "iii", "1", "2", "8", "9", "12"}
    assert reader._markers("iii1", labels) == "^{iii}^{1}"
    assert reader._markers("89", labels) == "^{8}^{9}"
    assert reader._markers("12", labels) == "^{12}"  # note 12 exists: kept whole
    assert reader._markers("77", labels) == "^{77}"  # no way to cut it: left to the checks
    assert reader._markers("4", labels, base="2035") == "⁴"  # no note 4: an exponent
    assert reader._markers("8", labels, base="2035") == " ^{8}"
    assert reader._markers("2", labels, base="10") == "²"
    assert reader._markers("st", labels, base="1") == "st"


# --- PDFs drawn by hand: layouts LibreOffice does not make ------------------------------------


def drawn_pdf(pages: list[str], rotate: int = 0,
              sizes: dict[int, tuple[int, int]] | None = None) -> bytes:
    """A PDF whose pages draw the content streams ``pages`` (A4, or the width and height
    ``sizes`` gives by page index; Helvetica as ``/F1``, TeX's math italic CMMI10 as
    ``/F2``), turned by ``rotate`` degrees when shown."""
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    math = 4 + 2 * len(pages)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, content in enumerate(pages):
        width, height = (sizes or {}).get(i, (595, 842))
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
                       f"/Rotate {rotate} "
                       f"/Resources << /Font << /F1 3 0 R /F2 {math} 0 R >> >> "
                       f"/Contents {5 + 2 * i} 0 R >>")
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /CMMI10 >>")
    out = "%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def line(y: float, text: str, size: float = 11, label: str = "", marker: str = "",
         x: float = 72) -> str:
    """A line of ``text`` from (``x``, ``y``) in ``size``, after a glued superscript ``label``
    and before a superscript ``marker``, each two thirds as large and raised."""
    small, rise = round(size * 2 / 3, 1), round(size / 3, 1)
    runs = [(small, rise, label), (size, 0, text), (small, rise, marker)]
    drawn = " ".join(f"/F1 {s} Tf {r} Ts ({t}) Tj" for s, r, t in runs if t)
    return f"BT {x} {y} Td {drawn} ET\n"


def notes_of(document) -> list[tuple[str, str, str]]:
    return [(n.series, n.token, n.text) for n in extract(document).notes]


def test_a_mark_that_is_a_label_is_cut_where_the_cut_goes_on_from_the_marks_before():
    labels = {str(n) for n in range(1, 15)}
    assert reader._split("12", labels, {}) == ["1", "2"]  # the first marks: notes 1 and 2
    assert reader._split("12", labels, {"arabic": 11}) == ["12"]  # after 11: note 12
    assert reader._split("12", labels, {"arabic": 3}) == ["12"]  # no cut goes on from 3
    assert reader._split("12", labels, None) == ["12"]  # no order known (a notes area)
    assert reader._split("13", labels, {"arabic": 0}) == ["13"]  # 1 then 3 skips note 2


def test_endnotes_after_the_body_and_a_footnote_as_word_prints_them():
    """Endnotes right after the body, smaller, below a rule; a footnote at the page foot;
    endnote iii cut by the page break, going on over two lines at the top of the next page
    (after the footnote, in reading order)."""
    first = "".join([
        line(780, "The body cites the notes as Word prints them.", marker="i"),
        line(765, "This sentence cites an endnote and a footnote.", marker="ii1"),
        line(750, "The last sentence of the body cites one more.", marker="iii"),
        "0.5 w 72 738 m 216 738 l S\n",
        line(725, "Lefevre, Stephane. Relocation in Almaty. Almaty: Institute for", 9, "i"),
        line(714, "Migration Studies, 2016. Available at: https://www.example.org/reports/1", 9),
        line(703, "Nowak, Anna. Relocation and housing prices in Bishkek, 2017", 9, "ii"),
        line(692, "Ivanova, Maria. Relocation and remittances in Tbilisi. Tbilisi:", 9, "iii"),
        "0.5 w 72 120 m 216 120 l S\n",
        line(108, "Smith, John. Visa regimes in Yerevan. Yerevan: Institute, 2018.", 9, "1"),
    ])
    second = "".join([
        line(780, "Institute for Migration Studies, 2018. Available at:", 9),
        line(769, "https://example.org/3", 9),
        line(758, "Garcia, Lucia. Relocation and IT workers in Astana, 2019.", 9, "iv"),
    ])
    document = reader.read(drawn_pdf([first, second]), "word.pdf")
    assert "cites an endnote and a footnote.^{ii}^{1}" in document.text
    assert notes_of(document) == [
        (ENDNOTES, "i", "Lefevre, Stephane. Relocation in Almaty. Almaty: Institute for "
                        "Migration Studies, 2016. Available at: https://www.example.org/reports/1"),
        (ENDNOTES, "ii", "Nowak, Anna. Relocation and housing prices in Bishkek, 2017"),
        (ENDNOTES, "iii", "Ivanova, Maria. Relocation and remittances in Tbilisi. Tbilisi: "
                          "Institute for Migration Studies, 2018. Available at: "
                          "https://example.org/3"),
        (FOOTNOTES, "1", "Smith, John. Visa regimes in Yerevan. Yerevan: Institute, 2018."),
        (ENDNOTES, "iv", "Garcia, Lucia. Relocation and IT workers in Astana, 2019."),
    ]


def test_endnotes_as_large_as_the_body_start_after_its_last_marker():
    """Endnotes in the body's size, with no gap nor rule before them: from the first label
    after the body's last marker, each label starts a note, even after an unfinished and
    full line."""
    page = "".join([
        line(780, "The body of this brief cites two sources for its claims.", marker="i"),
        line(766, "A second sentence cites the other source of the brief.", marker="ii"),
        line(752, "Lefevre, Stephane. Relocation and labour mobility in Almaty", label="i"),
        line(738, "Institute for Migration Studies, 2016, https://example.org/reports/1"),
        line(724, "Nowak, Anna. Relocation and housing prices in Bishkek.", label="ii"),
    ])
    document = reader.read(drawn_pdf([page]), "same.pdf")
    assert [(series, token) for series, token, _ in notes_of(document)] == \
        [(ENDNOTES, "i"), (ENDNOTES, "ii")]
    assert "\n^{ii} Nowak, Anna." in document.text


def test_a_page_after_footnotes_may_open_with_a_list():
    """LaTeX's layout: the body goes on at the top of the next page and a numbered list
    follows, in reading order right after the page's footnotes; the list is body text, not
    more of the last footnote (a note at a page foot goes on only in the page feet)."""
    first = "".join([
        line(780, "Georgia imports most of its gas through a single pipeline.", marker="1"),
        line(766, "The government has options for reducing this dependency, the"),
        "0.5 w 72 120 m 216 120 l S\n",
        line(108, "Alexander Cooley, Great Games (Oxford: OUP, 2012), 45.", 9, "1"),
    ])
    second = "".join([
        line(780, "ministry says, and each of them has its costs:", marker="2"),
        line(766, "1. diversify suppliers through the gas corridor;"),
        line(752, "2. expand storage capacity near the capital."),
        line(738, "Storage is the cheapest of the options for the ministry.", marker="3"),
        "0.5 w 72 120 m 216 120 l S\n",
        line(108, "Ministry of Economy, Energy Strategy 2030 (Tbilisi, 2021).", 9, "2"),
        line(96, "Thomas de Waal, The Caucasus (Oxford: OUP, 2010), 12.", 9, "3"),
    ])
    document = reader.read(drawn_pdf([first, second]), "latex.pdf")
    assert notes_of(document) == [
        (FOOTNOTES, "1", "Alexander Cooley, Great Games (Oxford: OUP, 2012), 45."),
        (FOOTNOTES, "2", "Ministry of Economy, Energy Strategy 2030 (Tbilisi, 2021)."),
        (FOOTNOTES, "3", "Thomas de Waal, The Caucasus (Oxford: OUP, 2010), 12."),
    ]
    assert not audit(document).findings


def test_latex_footnotes_go_on_at_the_margin():
    """LaTeX indents a footnote's first line, its label raised, and sets the lines after it
    at the margin: one that opens with a number (``1 January 2018``, as wide as the indent)
    goes on with its note, and an address broken after its scheme is whole again."""
    page = "".join([
        line(780, "Prices in Kvemo Kartli rose faster than anywhere else.", marker="1"),
        line(766, "The OECD expects the gap to close by the end of the decade.", marker="2"),
        "0.5 w 72 120 m 216 120 l S\n",
        line(108, "World Bank, Kvemo Kartli Prices Tracker 2018, published on", 9, "1",
             x=79.5),
        line(97, "1 January 2018 by the office of the Bank, https:", 9),
        line(86, "//www.worldbank.org/publications/kvemo-kartli-2018.", 9),
        line(75, "OECD, Housing Outlook 2019, 8 February 2019.", 9, "2", x=79.5),
    ])
    document = reader.read(drawn_pdf([page]), "latex.pdf")
    assert notes_of(document) == [
        (FOOTNOTES, "1", "World Bank, Kvemo Kartli Prices Tracker 2018, published on 1 January "
                         "2018 by the office of the Bank, "
                         "https://www.worldbank.org/publications/kvemo-kartli-2018."),
        (FOOTNOTES, "2", "OECD, Housing Outlook 2019, 8 February 2019."),
    ]


@pytest.mark.parametrize("gap", [1.5, 2.5])
def test_a_tight_space_parts_words(gap):
    """A space narrower than a fifth of the type (a tightly justified 9 pt footnote, with no
    space character, as LaTeX sets it) still parts the words: PDFium judges it by the font."""
    kern = round(gap / 9 * 1000)
    content = f"BT 72 700 Td /F1 9 Tf [(accounts of) -{kern} (the events)] TJ ET\n"
    assert reader.read(drawn_pdf([content]), "tight.pdf").text.strip() == \
        "accounts of the events"


def test_a_rotated_page_reads_as_shown():
    page = ("BT /F1 11 Tf 0 1 -1 0 100 100 Tm (A landscape page cites a note.) Tj "
            "/F1 7 Tf 4 Ts (3) Tj ET\n")
    assert reader.read(drawn_pdf([page], rotate=90), "turned.pdf").text == \
        "A landscape page cites a note.^{3}\n"


def long_brief_pdf(folder) -> bytes:
    """A brief of 500 paragraphs, each citing an endnote and a footnote, made a PDF of over a
    hundred pages by LibreOffice (benchmarks/readers.py times reading it)."""
    body = []
    for n in range(1, 501):
        lead = " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(3))
        body.append(f"{lead} Claim {n}.{{en:{citation(n)}}} Detail.{{fn:{citation(n, 'paper')}}}")
    return convert({"long.odt": odt(body, header=HEADER, footer=FOOTER)}, folder)["long.pdf"]


def test_a_hundred_pages_give_their_thousand_notes(tmp_path):
    document = reader.read(long_brief_pdf(tmp_path), "long.pdf")
    assert len(document.page_starts) >= 100
    report = audit(document)
    assert (len(report.notes), len(report.markers)) == (1000, 1000)
    assert not serious(report)


def test_notes_typed_by_hand_in_two_columns_one_entry_for_two_notes():
    """A LibreOffice brief in two columns whose endnotes are typed in the notes' own size
    (``1<tab>Delbert…``), many of them short (``Ibid. Pg. 54.``), one entry for two notes
    (``9,10 Ibid.``): each column is read down to its foot, its notes in turn, and the
    joined entry gives notes 9 and 10 (one entry, so no repeated-note)."""
    body = ["Nuclear power in the United States is often said",
            "to be cheap once the plants are built, yet the",
            "record of the last decades tells another story:",
            "costs rose at nearly every plant under way and",
            "owners retired sound reactors early instead of",
            "paying for repairs that the market would not",
            "reward in any way they could foresee at all."]
    left = [("1", ["Delbert, Caroline. Nuclear Backers Already",
                   "Like Joe Biden. Popular Mechanics, 1 Feb. 2021,",
                   "https://www.popularmechanics.com/energy/a1/."]),
            ("2", ["Ibid. Pg. 59-60."]), ("3", ["Ibid. Pg. 54."]), ("4", ["Ibid. Pg. 5."]),
            ("5", ["Lovins, Amory B. US Nuclear Power: Status,",
                   "Prospects, and Climate Implications, 2022."]),
            ("6", ["Lovins, Pg. 4."]), ("7", ["Ibid. Pg. 6."]), ("8", ["Ibid. Pg. 2."])]
    right = [("9,10", ["Ibid. Pg. 2-3, 4-5."]),
             ("11", ["Sokolski, Henry. The High and Hidden Costs of",
                     "Nuclear Power. Policy Review, no. 162, 2010."]),
             ("12", ["Sokolski Pg. 56."]), ("13", ["Lovins Pg. 3."]), ("14", ["Ibid. Pg. 13."])]

    def column(x: float, first_marker: int, notes, heading: str = "") -> str:
        out, y = [], 780.0
        for i, text in enumerate(body):
            out.append(line(y, text, marker=str(first_marker + i), x=x))
            y -= 14
        y -= 10
        if heading:
            out.append(line(y, heading, x=x))
            y -= 16
        for label, texts in notes:
            out.append(line(y, label, 9, x=x))
            out.append(line(y, texts[0], 9, x=x + (22 if "," in label else 28)))
            y -= 12
            for text in texts[1:]:
                out.append(line(y, text, 9, x=x))
                y -= 12
        return "".join(out)

    pdf = drawn_pdf([column(72, 1, left, "Sources Consulted") + column(320, 8, right)])
    document = reader.read(pdf, "typed.pdf")
    assert [n.number for n in extract(document).notes] == list(range(1, 15))
    assert [f.code for f in audit(document).findings if f.severity >= Severity.WARNING] == []


def test_labels_set_to_the_right_and_a_lone_note_at_a_page_foot():
    """LaTeX's footnotes as some classes set them, in the notes' size: `` 9.`` over ``10.``,
    the numbers set to the right; on the next page one note alone at the foot, cited and
    numbered on from the page before."""
    first = "".join(line(780 - 14 * i, f"Sentence {i + 1} of the body of this brief cites one.",
                         marker=str(i + 1)) for i in range(10))
    first += "0.5 w 72 200 m 216 200 l S\n"
    first += "".join(line(188 - 11 * i, f"{i + 1}.", 9, x=77 if i < 9 else 72)
                     + line(188 - 11 * i, f"Author {i + 1}, Report on relocation (2016).", 9, x=90)
                     for i in range(10))
    second = line(780, "The last sentence of the body cites one more source.", marker="11")
    second += "0.5 w 72 200 m 216 200 l S\n"
    second += line(188, "11.", 9, x=72) + line(188, "Jones, Housing in Bishkek (2017).", 9, x=90)
    document = reader.read(drawn_pdf([first, second]), "latex.pdf")
    assert [n.number for n in extract(document).notes] == list(range(1, 12))
    assert [f.code for f in audit(document).findings if f.severity >= Severity.WARNING] == []


def test_labels_with_a_full_stop_and_the_text_a_space_after_each():
    """Labels in the notes' size ending in a full stop, each followed by a space (``8. …``
    over ``10. …``, as a class whose note text starts where its label ends sets them): the
    text of the one-digit notes starts left of that of the two-digit ones, the more of
    which set the indent."""
    first = "".join(line(780 - 14 * i, f"Sentence {i + 8} of the body of this brief cites one.",
                         marker=str(i + 8)) for i in range(7))
    first += "0.5 w 72 200 m 216 200 l S\n"
    first += "".join(line(188 - 11 * i, f"{i + 8}.", 9)
                     + line(188 - 11 * i, f"Author {i + 8}, Report on relocation (2016).", 9,
                            x=82.5 if i < 2 else 87.5)
                     for i in range(7))
    document = reader.read(drawn_pdf([first]), "classic.pdf")
    assert [n.number for n in extract(document).notes] == list(range(8, 15))


def test_a_lone_note_numbered_1_cited_on_its_page():
    """Notes numbered from 1 on each page: a page with one note (``1. …`` alone in the
    notes' size under the rule) cited by a marker 1 on that page, after a page whose notes
    went to 3; the second page's body is a paragraph of its own though its text goes on."""
    first = "".join(line(780 - 14 * i, f"Sentence {i + 1} of the body of this brief cites one.",
                         marker=str(i + 1)) for i in range(3))
    first += line(738, "The last line of this page reaches the margin and goes on to the")
    first += "0.5 w 72 200 m 216 200 l S\n"
    first += "".join(line(188 - 11 * i, f"{i + 1}.", 9) + line(188 - 11 * i, f"Author {i + 1}, "
                     "Report on relocation (2016).", 9, x=82.5) for i in range(3))
    second = line(780, "next page, where a sentence cites one more source.", marker="1")
    second += "0.5 w 72 200 m 216 200 l S\n"
    second += line(188, "1.", 9) + line(188, "Jones, Housing in Bishkek (2017).", 9, x=82.5)
    document = reader.read(drawn_pdf([first, second]), "perpage.pdf")
    assert [n.number for n in extract(document).notes] == [1, 2, 3, 1]
    assert [f.code for f in audit(document).findings if f.severity >= Severity.WARNING] == []


def test_a_running_footer_on_pages_of_another_size_is_no_text():
    """A Commission proposal's footer, ``EN 126 EN`` in 24 pt under the notes, stands at
    another height on its landscape pages (a table turned) than on its A4 pages: still a
    running line, not text closing the page under its notes (the notes there were lost)."""
    pages, sizes = [], {}
    for i in range(8):
        landscape = i in (5, 6)
        top, rule = (550, 50) if landscape else (780, 150)
        page = line(top, f"Sentence {i + 1} of the proposal cites a source.", marker=str(i + 1))
        page += f"0.5 w 72 {rule} m 216 {rule} l S\n"
        page += line(rule - 10, f"Council Decision {i + 1}/2020 of 5 May 2020.", 9,
                     label=str(i + 1))
        page += line(23 if landscape else 36, f"EN {i + 1} EN", 24, x=330 if landscape else 250)
        pages.append(page)
        if landscape:
            sizes[i] = (842, 595)
    document = reader.read(drawn_pdf(pages, sizes=sizes), "proposal.pdf")
    assert [n.number for n in extract(document).notes] == list(range(1, 9))
    assert "EN" not in document.text.split()
    assert [f.code for f in audit(document).findings if f.severity >= Severity.WARNING] == []


def _lines(page: int, rows: list[tuple[float, float, str, str]]) -> list:
    """The lines of a page as the reader makes them: (top, size, text, raised last word or
    label first word: "^" or "label" or "")."""
    out = []
    for top, size, text, mark in rows:
        words = [reader._Word(w, 72 + 40 * k, 72 + 40 * k + 35, top, top + size, size, False)
                 for k, w in enumerate(text.split())]
        line = reader._Line(words, page, top, top + size, x1=words[-1].x1, size=size)
        line.raised = [mark == "^" and k == len(words) - 1 for k in range(len(words))]
        if mark == "label":
            line.label = words[0].text
            del line.words[0], line.raised[0]
        out.append(line)
    return out


def test_a_caption_in_the_notes_size_opening_a_page_is_no_note_going_on():
    """A page after a page ending in its footnotes opens with a figure, framed, its caption
    set in the notes' size and citing (``Figura 7. … 1500⁵⁴``), then a transcription smaller
    than the body: no note going on from the page before (the caption's marker was inside
    note 53: its note 54 uncited), and the frame above it is no notes' separator."""
    first = _lines(1, [(100, 12, "The first edition is printed in Toledo 53", "^"),
                       (700, 10, "53 Mackenzie, A Manual (1997).", "label")])
    second = _lines(2, [(100, 10, "Figura 7. Inicio de la Comedia de Toledo 1500 54", "^"),
                        (130, 11, "[fol. 1r] Comedia de Calisto & Melibea: la", ""),
                        (150, 11, "qual contiene demas de su agradable estilo", ""),
                        (700, 10, "54 Véase: Portal Celestinesco (2024).", "label")])
    rules = [[(72, 200, 690)], [(72, 520, 90), (72, 200, 690)]]  # (x0, x1, top)
    reader._find_notes([first, second], rules, 12)
    assert [line.note for line in second] == [False, False, False, True]


def test_line_numbers_in_the_margin_are_no_text():
    """A manuscript under review (or a court's pleading paper) numbers its lines in the
    margin on every page: the numbers are no part of the text, and no notes. Ten footnotes
    of a line each, their labels raised in a column of their own, stay notes."""

    def page(first: int, notes: range) -> str:
        out = "".join(line(780 - 14 * i, f"Line {first + i} of the body says what the brief "
                                         "argues about relocation.",
                           marker=str(first + i) if first + i in notes else "")
                      + line(780 - 14 * i, str(first + i), 7, x=50 - 3.9 * len(str(first + i)))
                      for i in range(12))
        out += "0.5 w 72 260 m 216 260 l S\n"
        return out + "".join(line(248 - 11 * k, f"Smith, Relocation in Almaty ({2000 + n}).",
                                  9, label=str(n), x=72 - 3 * len(str(n)))
                             for k, n in enumerate(notes))

    document = reader.read(drawn_pdf([page(1, range(1, 11)), page(13, range(13, 23))]),
                           "review.pdf")
    assert document.text.startswith("Line 1 of the body says what the brief argues about "
                                    "relocation.^{1} Line 2 of the body")
    assert re.search(r"\d Line", document.text) is None  # no line's number before it
    assert [n.number for n in extract(document).notes] == [*range(1, 11), *range(13, 23)]
    assert [f.code for f in audit(document).findings if f.severity >= Severity.ERROR] == []


def test_a_formulas_exponents_and_bracketed_indexes_cite_nothing():
    """In a formula set in a math font, a raised number is an exponent (``σ²``, ``mc²``),
    though notes 1 and 2 exist; a marker after a formula's full stop is one. Where the
    notes are footnotes labelled as superscripts, ``coef_[1]`` and ``4.2(a)[1]`` are no
    markers of theirs."""
    def formula(y: float, before: str, variable: str, power: str, after: str) -> str:
        return (f"BT 72 {y} Td /F1 11 Tf 0 Ts ({before}) Tj /F2 11 Tf ({variable}) Tj "
                f"/F1 7 Tf 4 Ts ({power}) Tj /F1 11 Tf 0 Ts ({after}) Tj ET\n")
    page = "".join([
        formula(780, "The variance ", "s", "2", " rose by ten units in the second quarter."),
        formula(766, "As Einstein wrote, E = ", "mc", "1", " in the special theory of 1905."),
        line(752, "Clause 4.2(a)[1] of the contract applies, and weights = coef_[1] too."),
        line(738, "The sources are given in the notes at the foot of the page.", marker="1"),
        formula(724, "Summing over s = 1, ..., ", "k.", "2", " The end of the body text here."),
        "0.5 w 72 200 m 216 200 l S\n",
        line(188, "Smith, Energy and Prices (2021).", 9, label="1"),
        line(177, "Jones, Inflation Shocks (2022).", 9, label="2"),
    ])
    document = reader.read(drawn_pdf([page]), "formula.pdf")
    assert "s^(2) rose" in document.text and "mc^(1) in" in document.text
    report = audit(document)
    assert [(m.number, m.label) for m in report.markers] == [(1, "^{1}"), (2, "^{2}")]
    assert [f.code for f in report.findings if f.severity >= Severity.WARNING] == []


def test_a_references_list_of_addresses_set_in_two_columns():
    """A Word paper's References typed as a numbered list in two columns under the body,
    each entry an address broken over its lines (``1. https://www.gov.example/briefi`` |
    ``ngs/statement-…``): no row of prose, yet each column is read down to its foot; an
    entry whose address ends a line with ``/`` is followed by the next entry, not joined to
    it; the text cites reference 3 twice, as a list of References may be cited."""
    body = "".join(line(780 - 14 * i, f"Sentence {i + 1} of this paper cites one more source.",
                        marker=str(i + 1)) for i in range(10))
    body += line(640, "And again the third source, as the paper said.", marker="3")
    entries = [[f"{n}. https://www.gov-example.org/briefi", f"ngs/statement-{n}-on-trade-",
                "remedies/"] for n in range(1, 11)]
    entries[3] = ["4. https://www.cnn-example.com/2020/", "politics/cost-of-tariffs/"]
    page = line(800, "References", 14)
    for x, column in ((72, entries[:5]), (320, entries[5:])):
        y = 780.0
        for entry in column:
            for k, text in enumerate(entry):
                page += line(y, text, x=x if k == 0 else x + 14)
                y -= 14
    document = reader.read(drawn_pdf([body, page]), "paper.pdf")
    notes = extract(document).notes
    assert [n.number for n in notes] == list(range(1, 11))
    assert notes[0].text == "https://www.gov-example.org/briefings/statement-1-on-trade-remedies/"
    assert notes[3].text == "https://www.cnn-example.com/2020/politics/cost-of-tariffs/"
    assert [f.code for f in audit(document).findings if f.severity >= Severity.ERROR] == []


def test_a_note_number_alone_on_its_line_keeps_the_page_foot_whole():
    """A note's number alone on its line (a redacted note's) at a page foot with body text
    on the next page: the notes above it are still the page foot's, so note 12 is not read
    as notes 1 and 2."""
    first = "".join([
        line(780, "The body cites a first source here and a second one.", marker="1"),
        line(765, "It cites a second source on this line.", marker="2"),
        line(130, "Smith, John. Visa regimes in Yerevan. Yerevan: Institute, 2018.", 9, "1"),
        line(119, "Lefevre, Anna. Relocation in Almaty. Almaty: Institute, 2016.", 9, "2"),
    ])
    second = "".join([
        line(780, "The body goes on over the next page and cites a twelfth.", marker="12"),
        line(765, "Its thirteenth note was redacted, its number left alone.", marker="13"),
        line(119, "Nowak, Anna. Housing prices in Bishkek. Bishkek: Press, 2017.", 9, "12"),
        "BT 72 108 Td /F1 6 Tf 3 Ts (13) Tj ET\n",
    ])
    third = "".join([
        line(780, "The body goes on over a third page and cites a fourteenth.", marker="14"),
        line(765, "It ends on this line, with no more notes to cite at all."),
        line(119, "Garcia, Lucia. IT workers in Astana. Astana: Press, 2019.", 9, "14"),
    ])
    document = reader.read(drawn_pdf([first, second, third]), "x.pdf")
    assert [token for _, token, _ in notes_of(document)] == ["1", "2", "12", "14"]
    # a marker alone on a body line, above more body text, is still a marker
    page = "".join([
        line(780, "The body cites a source at the end of this long line of text."),
        "BT 72 765 Td /F1 7 Tf 4 Ts (1) Tj ET\n",
        line(750, "And goes on below it with more of the same body text here."),
        line(119, "Smith, John. Visa regimes in Yerevan. Yerevan: Institute, 2018.", 9, "1"),
    ])
    document = reader.read(drawn_pdf([page, third]), "x.pdf")
    assert "^{1}" in document.text.split("Smith")[0]


def test_a_stacked_fraction_is_written_whole_and_cites_no_note():
    """TeX's \\frac1{10} in a line of text: a small 1 raised over a small 10 set below the
    baseline, under it. It is the fraction 1/10, not a marker of note 1 after "10"."""
    page = "".join([
        line(780, "The sum is three and a tenth, written as a fraction here:"),
        "BT 72 765 Td /F1 11 Tf (3 +) Tj ET\n",
        "BT 94 761 Td /F1 7 Tf (10) Tj ET\n",
        "BT 96 770 Td /F1 7 Tf (1) Tj ET\n",
        "BT 108 765 Td /F1 11 Tf (and the body cites its one source.) Tj ET\n",
        "BT 278 769 Td /F1 7 Tf (1) Tj ET\n",
        line(119, "Smith, John. Decimal fractions. London: Press, 2018.", 9, "1"),
    ])
    document = reader.read(drawn_pdf([page]), "x.pdf")
    assert "3 + 1/10 and the body" in document.text
    assert document.text.count("^{1}") == 2  # the marker and the note's label


def test_footnotes_marked_with_symbols_are_said_to_be_unread():
    """A book's footnotes marked ∗ and † anew on each page are not read as notes; standing
    on two pages, they are reported as notes footcheck did not read (FC109). A title page's
    ∗ and † giving the authors' addresses are not."""
    def page(body: str, note: str) -> str:
        return "".join([line(780, body, marker="*"), line(765, "More of the body text here."),
                        line(119, note, 9, "*")])

    first = page("Maxwell showed that the poles attract each other.",
                 "Electricity and Magnetism, Clerk Maxwell, Vol. II., ch. iii.")
    second = page("Most of the historical facts come from one book.",
                  "A Short History of Mathematics, by W. W. R. Ball.")
    report = audit(reader.read(drawn_pdf([first, second]), "book.pdf"))
    assert [(f.code, f.line) for f in report.findings if f.code == "FC109"] == [("FC109", 3)]
    report = audit(reader.read(drawn_pdf([first, line(780, "The body goes on.")]), "paper.pdf"))
    assert not [f for f in report.findings if f.code == "FC109"]


def test_a_page_number_at_the_top_right_close_above_the_text_is_no_text():
    """ABNT sets the page number at the top right, as close above the text as a paragraph's
    lines: it is dropped, and a paragraph going on over the page break is read whole."""
    pages = [
        line(800, "1", x=520) + line(788, "The first page opens with a paragraph that goes") +
        line(774, "on over the page break, and women work more at home than the"),
        line(800, "2", x=520) + line(788, "men do, as the second page says before it ends."),
        line(800, "3", x=520) + line(788, "The third page has a paragraph of its own."),
    ]
    text = reader.read(drawn_pdf(pages), "x.pdf").text
    assert "at home than the men do, as the second" in text
    assert not re.search(r"(?m)^[123]$", text)
