"""Classes of false findings measured on public test files of other projects.

Each class has a small file made here in the shape the public file had, and each test holds
the clean case (silent) next to a real defect of the same document (still reported):

* numbered table cells (``1 = Recalculate always``, a status table whose "Done" repeats)
  are not notes, in Word and OpenDocument files;
* a list of the body, pages of text below a "Literature" heading, is not a notes section;
* authors' names with their affiliation numbers (``Jane Smith,¹ John Doe²``) are not markers;
* a caret typed in a Word file's text (``elo^ah``) is not a marker;
* a paragraph of small raised numbers alone (a chart's axis in a PDF) is not a note;
* a PDF set in columns is read column by column, its notes at each column's foot;
* a repeated line of a PDF (``[Example:``) after a body list does not make it page-foot notes;
* a numbered list after typed notes that already answer its numbers is not notes;
* a bracketed number inside code (``/root[1]/customer[1]``, ``(0[1-9])``) is not a citation;
* a site's name written as its host (``www.vice.com``) beside a link to it is not a URL.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from test_pdf_notes import drawn_pdf, odt
from wordml import docx

from footcheck.extract import extract
from footcheck.model import ENDNOTES, FOOTNOTES, PAGE_FOOT, Block, Document
from footcheck.pipeline import audit
from footcheck.readers import docx as word
from footcheck.readers import html, pdf
from footcheck.readers import odt as opendocument


def structure(report) -> Counter:
    """(code, number) of the structure findings (FC1xx) but "no notes"."""
    return Counter((f.code, f.number) for f in report.findings
                   if f.code.startswith("FC1") and f.code != "FC108")


def errors(report) -> list[tuple[str, int | None]]:
    return [(f.code, f.number) for f in report.findings if f.severity.name == "ERROR"]


def notes_of(report) -> list[tuple[str, int | None]]:
    return [(n.series, n.number) for n in report.notes]


# --- tables -----------------------------------------------------------------------------------

TYPED_NOTES = ["Notes", "1. Smith, Jane. Relocation in Almaty. Almaty: Institute, 2020.",
               "2. Nowak, Anna. Housing prices in Bishkek. Bishkek: Press, 2021."]


def _cell(text: str) -> str:
    return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_numbered_table_cells_are_not_notes_in_a_word_file():
    # A status table (chapter, status) whose "Done" repeats, and a table of flag values.
    status = "".join(f"<w:tr>{_cell(f'{n} Chapter {n} of the format')}{_cell('Done')}</w:tr>"
                     for n in range(1, 6))
    flags = "".join(f"<w:tr>{_cell(f'{n} = Flag {n} is set for the cell')}</w:tr>"
                    for n in (0, 1, 2, 3))
    tables = f"<w:tbl>{status}</w:tbl><w:tbl>{flags}</w:tbl>"
    body = ["The records are described below.{fn:1}",
            "Relocation changed the region.{sup:1} Prices rose.{sup:2} Banks opened.{sup:3}"]
    data = docx(body + TYPED_NOTES, body_xml=tables,
                footnotes={1: "Microsoft, Excel file format, 2008. https://example.org/xls"})
    report = audit(word.read(data, "spec.docx"))
    assert notes_of(report) == [(ENDNOTES, 1), (ENDNOTES, 2), (FOOTNOTES, 1)]
    # the typed notes lack note 3: reported; the table and the [1] [2] citations are silent
    assert structure(report) == Counter({("FC102", 3): 1})


def test_numbered_table_cells_are_not_notes_in_an_opendocument_file():
    status = [[f"{n} Chapter {n} of the format", "Done"] for n in range(1, 6)]
    flags = [[f"{n} = Flag {n} is set for the cell"] for n in (0, 1, 2, 3)]
    body = ["The records are described below.{fn:Microsoft, 2008.}", status,
            flags, "Relocation changed the region.{sup:1} Prices rose.{sup:2} Banks opened."
            "{sup:3}", *TYPED_NOTES]
    report = audit(opendocument.read(odt(body), "spec.odt"))
    assert notes_of(report) == [(ENDNOTES, 1), (ENDNOTES, 2), (FOOTNOTES, 1)]
    assert structure(report) == Counter({("FC102", 3): 1})


# --- a list far below a notes heading ---------------------------------------------------------

PROSE = ("Relocation flows changed the labour markets of the region in ways that few observers "
         "had anticipated before the autumn of that year.")


def test_a_list_pages_below_a_literature_heading_is_not_notes():
    # A collection of articles: the first ends with its literature (unnumbered); pages of
    # another article later, a numbered list of the body, cited by nothing typed.
    first = ["Geld und Psyche", PROSE + "{fn:1}", "Literatur:", "Smith, Jane. Relocation. 2019.",
             "Nowak, Anna. Housing. 2020."]
    later = [PROSE] * 8 + ["Diese vier Themenkreise sind:", "1. die Überalterung",
                           "2. die Klimaveränderung", "3. die Informationsrevolution",
                           "4. die Währungsinstabilität",
                           "The soul, as Hillman would say,{sup:2} makes images.{sup:3}"]
    data = docx(first + later, footnotes={1: "Aries, Philippe. Geschichte des Todes, 1982."})
    report = audit(word.read(data, "collection.docx"))
    assert notes_of(report) == [(FOOTNOTES, 1)]
    assert structure(report) == Counter()
    # right below the heading the same list is the notes
    notes = audit(word.read(docx([*first[:2], "Literatur:", *later[-5:]]), "notes.docx"))
    assert [n.number for n in notes.notes if n.series == ENDNOTES] == [1, 2, 3, 4]


# --- authors and affiliations -----------------------------------------------------------------

REFERENCES = ["References", "1. Ping, R. Title of the journal article. Int. Lett. 1996.",
              "2. Sharma, B. K. Thesis Title. Cornell University, 1995.",
              "3. Hussain, R. Synthesis of ionic liquids. Wiley, 2010."]


def test_affiliation_numbers_of_a_byline_are_not_markers():
    # numbered affiliations listed elsewhere; the text cites references 1 to 3
    data = docx(["Title of the manuscript", "Author Name,{sup:1} Author Name,{sup:2} "
                 "Author Name{sup:3}", "Author Affiliation/Address",
                 "See examples for articles,{sup:1} theses{sup:2} and books.{sup:3}",
                 *REFERENCES])
    report = audit(word.read(data, "template.docx"))
    assert [m.number for m in report.markers] == [1, 2, 3]
    assert structure(report) == Counter()


def test_affiliations_listed_below_the_byline_are_neither_notes_nor_markers():
    data = docx(["{a:https://example.org/a|Michael D. Freeman}{sup:1} and "
                 "{a:https://example.org/b|Sean S. Kohles}{sup:2}",
                 "{sup:1}Department of Public Health, Oregon Health & Science University, "
                 "Portland, USA {sup:2}Regenerative Bioengineering Laboratory, Portland, USA",
                 "Received 21 June 2011", "PCBs are probable carcinogens.{sup:1} They persist."
                 "{sup:2} Their sales grew.{sup:3} Again.{sup:3}", *REFERENCES])
    report = audit(word.read(data, "article.docx"))
    assert notes_of(report) == [(ENDNOTES, 1), (ENDNOTES, 2), (ENDNOTES, 3)]
    # reference 3 cited twice: a list of References is cited as often as the text needs
    assert structure(report) == Counter()
    # endnotes, each cited once: a number typed twice is a defect
    notes = ["Notes", *REFERENCES[1:]]
    data = docx(["PCBs are probable carcinogens.{sup:1} They persist.{sup:2} Their sales grew."
                 "{sup:3} Again.{sup:3}", *notes])
    assert structure(audit(word.read(data, "article.docx"))) == Counter({("FC104", 3): 1})


def test_an_authors_footnote_on_the_byline_stays_a_note():
    data = docx(["Jane Smith{sup:1} and John Doe{sup:2}",
                 "Relocation changed the region.{sup:3} Prices rose.{sup:4}",
                 "Notes", "1. Professor of Law at the Institute.", "2. Lecturer at the Academy.",
                 "3. Smith, Jane. Relocation in Almaty. 2020.", "4. Nowak, Anna. Housing. 2021."])
    report = audit(word.read(data, "brief.docx"))
    assert [m.number for m in report.markers] == [1, 2, 3, 4]
    assert structure(report) == Counter()


# --- a caret typed in a Word file -------------------------------------------------------------

def test_a_caret_typed_in_a_word_files_text_is_not_a_marker():
    data = docx(["The poetic form *~elo^ah* recalls Sinai.{sup:1} It returns.{sup:2} Later."
                 "{sup:3}", "Notes", "{sup:1} Oppenheim, A. L. Dictionary, 1956.",
                 "{sup:2} Motyer, J. A. Prophecy, 1962."])
    report = audit(word.read(data, "column.docx"))
    assert [m.label for m in report.markers] == ["^{1}", "^{2}", "^{3}"]
    assert structure(report) == Counter({("FC102", 3): 1})  # the real defect: no note 3


# --- PDF: chart labels, columns, repeated lines -------------------------------------------------

def _text(x: float, y: float, text: str, size: float = 10.0, rise: float = 0.0) -> str:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"BT {x} {y} Td /F1 {size} Tf {rise} Ts ({escaped}) Tj ET\n"


def _cited(x: float, y: float, text: str, marker: str, size: float = 10.0) -> str:
    """A line of text ending in a raised, smaller marker."""
    small = round(size * 2 / 3, 1)
    escaped = text.replace("(", "\\(").replace(")", "\\)")
    return (f"BT {x} {y} Td /F1 {size} Tf 0 Ts ({escaped}) Tj /F1 {small} Tf "
            f"{round(size / 3, 1)} Ts ({marker}) Tj ET\n")


def _labelled(x: float, y: float, label: str, text: str, size: float = 8.0) -> str:
    """A note's line: a raised label glued to its text."""
    small = round(size * 2 / 3, 1)
    return (f"BT {x} {y} Td /F1 {small} Tf {round(size / 3, 1)} Ts ({label}) Tj /F1 {size} Tf "
            f"0 Ts ({text}) Tj ET\n")


def test_a_charts_small_numbers_alone_are_not_notes():
    page = "".join([
        _cited(72, 780, "Acidosis lowers the blood pH within hours of onset.", "1"),
        _cited(72, 766, "The compensation follows the curve shown below.", "2"),
        _cited(72, 752, "Outside the band a second disorder is likely present.", "3"),
        _text(90, 700, "40", 7, 3), _text(90, 680, "30", 7, 3), _text(90, 660, "20", 7, 3),
        _text(90, 640, "10", 7, 3),
        _text(72, 610, "6,8 6,9 7,0 7,1 7,2 7,3"),
        _text(72, 590, "Figure 4. Confidence band of the compensation."),
        _labelled(72, 560, "1", "Lefevre, S. Acid and base. Paris: Masson, 2016.", 10),
        _labelled(72, 546, "2", "Nowak, A. Blood gases. Berlin: Springer, 2017.", 10),
    ])
    report = audit(pdf.read(drawn_pdf([page]), "chart.pdf"))
    assert notes_of(report) == [(ENDNOTES, 1), (ENDNOTES, 2)]
    assert structure(report) == Counter({("FC102", 3): 1})  # the real defect: no note 3


COLUMN_LINES = [
    "Relocation flows changed the labour market of",
    "the region in ways that few observers had seen",
    "before the autumn of that year, and officials",
    "responded unevenly to the many new arrivals.",
    "Rents in the capital rose sharply, which put a",
    "strain on students and on families with modest",
    "incomes, while banks opened thousands of new",
    "accounts and closed some of them again later.",
    "Employers in technology welcomed newcomers and",
    "hired many of them on short contracts at once.",
]


def test_a_pdf_in_two_columns_is_read_column_by_column():
    """Two columns of text whose lines stand at the same heights, each citing two notes set
    at the foot of its own column: read across, the lines and notes would be mixed."""
    parts = []
    for column, x in enumerate((56, 306)):
        for row, text in enumerate(COLUMN_LINES):
            y = 780 - 14 * row
            number = 2 * column + row // 4 + 1  # rows 3 and 7 end a sentence and cite
            parts.append(_cited(x, y, text, str(number)) if row in (3, 7) else _text(x, y, text))
        for k in range(2):
            number = 2 * column + k + 1
            parts.append(_labelled(x, 120 - 11 * k, str(number),
                                   f"Author {number}. Report on relocation, 202{number}."))
    report = audit(pdf.read(drawn_pdf(["".join(parts)]), "columns.pdf"))
    assert [(n.series, n.number) for n in report.notes] == [(FOOTNOTES, n) for n in (1, 2, 3, 4)]
    assert [m.number for m in report.markers] == [1, 2, 3, 4]
    assert structure(report) == Counter()
    flow = " ".join(report.document.text.split())
    assert "labour market of the region in ways" in flow  # a column's lines follow each other


def _pdf_document(paragraphs: list[str], foot: int | None = None) -> Document:
    """A PDF's text as its reader gives it: a paragraph a line; the paragraph at index
    ``foot`` (and those after it) in the page foot."""
    text = "\n\n".join(paragraphs) + "\n"
    document = Document.from_text(text, path="spec.pdf", encoding="pdf", format="pdf",
                                  units="paragraph", page_starts=(1,))
    if foot is None:
        return document
    start = text.index(paragraphs[foot])
    return replace(document, blocks=(Block(PAGE_FOOT, start, len(text) - 1),))


def test_a_repeated_pdf_line_after_a_body_list_does_not_make_it_notes():
    steps = ["1. Parse the pack URI into its components.", "2. Replace all commas.",
             "3. Un-percent-encode the authority component."]
    text = ["The algorithm follows arcs [1], [2] and [3] of the figure.", "[Example:",
            "An example.", *steps, "[Example:", "Another example.", "[Example:",
            "With reference to arc [2] of the figure, a third."]
    assert extract(_pdf_document(text)).notes == ()
    # the same list in a page foot is the page's notes
    foot = extract(_pdf_document(text[:3] + steps, foot=3))
    assert [n.number for n in foot.notes] == [1, 2, 3]


FORMULAS = ["Exposure lowers postings,^{1} as the tables show.^{2}",
            "The fit is good (adjusted R^{2} of 0.48, and R^{2} (within) 0.01), the norm "
            "||Qs − Q¯s||^{2} is small, Px^{1} s = 1, and δ = w(l)dl (7)^{0} where",
            "log x = X st−=0 ^{1} i,j ∂ exp(λ) Qs",
            "^{1} The data are public.", "^{2} Authors' calculations."]


def test_a_papers_formulas_are_no_markers():
    """Working papers saved as PDF by LaTeX: R², a norm's square, a two-letter variable's
    exponent, an equation number's superscript and a sum's limit set apart are exponents
    when a marker beyond doubt cites that note."""
    found = extract(_pdf_document(FORMULAS, foot=3))
    assert [n.number for n in found.notes] == [1, 2]
    assert [m.number for m in found.markers] == [1, 2]


def test_a_doubtful_superscript_cites_a_note_no_other_marker_cites():
    """The same positions are markers when their note would be cited by nothing else: the
    plan in "Plan B³", the EU in "the EU²"."""
    text = ["Exposure lowers postings.^{1} It is Plan B^{3} of the EU^{2}.",
            "^{1} The data are public.", "^{2} Authors' calculations.", "^{3} A plan."]
    found = extract(_pdf_document(text, foot=1))
    assert [m.number for m in found.markers] == [1, 3, 2]


def test_a_marker_set_apart_in_a_typed_text_is_a_marker():
    text = "Some are anti-Putin, ^{1} others not.^{2}\n\nNotes\n\n^{1} One.\n^{2} Two.\n"
    found = extract(Document.from_text(text))
    assert [m.number for m in found.markers] == [1, 2]


# --- code and site names ------------------------------------------------------------------------

def test_bracketed_numbers_in_code_are_not_citations():
    page = ("<p>Bind it with <code>w:xpath=\"/root[1]/customer[1]\"</code> or as text: "
            "w:xpath=\"/root[1]/customer[1]\", the month (0[1-9])|(1[0-2]).</p>"
            "<p>Studies agree [1] and differ [2] elsewhere [3].</p><h2>References</h2>"
            "<p>[1] Smith, Jane. Relocation. 2020.</p><p>[2] Nowak, Anna. Housing. 2021.</p>")
    report = audit(html.read(page.encode(), "spec.html"))
    assert [m.number for m in report.markers] == [1, 2, 3]
    assert structure(report) == Counter({("FC102", 3): 1})


PANDOC_NOTES = """<p>A claim.<a href="#fn1" class="footnote-ref" id="fnref1"
role="doc-noteref"><sup>1</sup></a> Another.<a href="#fn2" class="footnote-ref" id="fnref2"
role="doc-noteref"><sup>2</sup></a></p>
<section id="footnotes" class="footnotes" role="doc-endnotes"><ol>
<li id="fn1"><p>"The pop culture legacy of Groundhog Day".
<a href="https://www.vice.com/en/article/ezaapa/groundhog-day">Vice</a>. <em>www.vice.com</em>.
2 February 2017.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>Ministry report, 2020. <em>www.mbie.govt.nz/broadband/programmes</em>.
<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol></section>"""


def test_a_sites_name_beside_a_link_to_it_is_not_a_malformed_url():
    report = audit(html.read(PANDOC_NOTES.encode(), "list.html"))
    assert [u.url for u in report.notes[0].urls] == \
        ["https://www.vice.com/en/article/ezaapa/groundhog-day"]
    # an address without a scheme and with no link beside it is still reported
    assert errors(report) == []
    assert [(f.code, f.number) for f in report.findings if f.code.startswith("FC30")] == \
        [("FC306", 2)]


def test_a_list_after_typed_notes_whose_markers_they_answer_is_not_notes():
    # A manual: footnotes typed with raised labels, then, last, a numbered list of the body.
    data = docx(["Docx4j supports JAXB.{sup:1} It works in Eclipse.{sup:2} Office 2007 "
                 "implements the first edition.{sup:3} Office 2010 supports strict.{sup:4}",
                 "{sup:1} IBM has its own JAXB implementation.",
                 "{sup:2} If you get an access restriction error, change the settings.",
                 "{sup:3} https://blogs.example.org/ecma-376-notes",
                 "The three approaches:", "1. export-fo: the content is converted to XSL FO.",
                 "2. documents4j: use Microsoft Word to do the conversion.",
                 "3. via Microsoft Graph: convert in the cloud."])
    report = audit(word.read(data, "manual.docx"))
    assert notes_of(report) == [(ENDNOTES, 1), (ENDNOTES, 2), (ENDNOTES, 3)]
    assert structure(report) == Counter({("FC102", 4): 1})  # the real defect: no note 4


def test_a_single_spaced_numbered_list_whose_item_fills_its_line_is_two_items():
    """A reference list set single-spaced (LibreOffice's list from a Word file): item 4 is one
    line reaching the right margin, item 5 starts below it at the same left edge. Joined as
    one paragraph wrapped, note 5 was lost and its marker pointed nowhere (FC102)."""
    items = ["1. World Bank. Migration and Development Brief 39. Washington, DC, 2023.",
             "2. Ivanov I.I. The rouble and remittances. Voprosy Ekonomiki, 2023, no. 5.",
             "3. Central Bank of Russia. Cross-border remittances of individuals, 2024.",
             "4. Ministry of Internal Affairs of Russia. Migration statistics, December 2023. "
             "Moscow, 2024.",
             "5. Migration Service of Kazakhstan. Annual report 2023."]
    page = "".join([
        _text(72, 780, "Remittances make up half of GDP [1]. The rouble fell [2; 3]. Migrants "
                       "rose [4, p. 7] and [5]."),
        _text(72, 750, "References"),
        *(_text(72, 730 - 14 * k, item) for k, item in enumerate(items)),
    ])
    report = audit(pdf.read(drawn_pdf([page]), "list.pdf"))
    assert [n.number for n in report.notes] == [1, 2, 3, 4, 5]
    assert report.notes[-1].text == "Migration Service of Kazakhstan. Annual report 2023."
    assert [m.number for m in report.markers] == [1, 2, 3, 4, 5]
    assert structure(report) == Counter()
