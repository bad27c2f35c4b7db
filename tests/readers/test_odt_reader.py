"""OpenDocument text files, built in the test from hand-written content.xml and styles.xml.

``odt(body)`` zips a body (raw ``office:text`` XML) with the automatic styles below (``T1``
italic, ``T2`` superscript, ``P2`` a paragraph starting a page, ``L1`` a list numbered ``i.``
and ``1)`` below it, ``L2`` bullets), a styles.xml numbering footnotes 1, 2, 3 and endnotes
i, ii, iii as LibreOffice's defaults do, and a manifest: the package LibreOffice writes,
without its settings and thumbnails.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner
from office import convert

from footcheck.cli import cli
from footcheck.model import ENDNOTES, FOOTNOTES, Report, Severity
from footcheck.pipeline import audit
from footcheck.readers import Unreadable, location, reader_for
from footcheck.readers import docx as docx_reader
from footcheck.readers import odt as reader

MIMETYPE = "application/vnd.oasis.opendocument.text"
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"')

AUTOMATIC = """
<style:style style:name="T1" style:family="text">
  <style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="T2" style:family="text">
  <style:text-properties style:text-position="super 58%"/></style:style>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:break-before="page"/></style:style>
<text:list-style style:name="L1">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="i"/>
  <text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="1"
    text:display-levels="2"/>
</text:list-style>
<text:list-style style:name="L2">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
</text:list-style>"""

NOTES_CONFIG = (
    '<text:notes-configuration text:note-class="footnote" style:num-format="1" '
    'text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>'
    '<text:notes-configuration text:note-class="endnote" style:num-format="i" '
    'text:start-value="0"/>')


def styles_xml(notes_config: str = NOTES_CONFIG, extra: str = "") -> str:
    """A styles.xml with the Standard paragraph style, ``extra`` styles and the note
    numbering ``notes_config``."""
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}>'
            '<office:styles><style:style style:name="Standard" style:family="paragraph"/>'
            f'{extra}{notes_config}</office:styles></office:document-styles>')


def odt(body: str, *, styles: str | None = None, automatic: str = AUTOMATIC,
        manifest_extra: str = "", mimetype: str = MIMETYPE) -> bytes:
    """The bytes of an .odt whose ``office:text`` holds ``body`` (raw XML)."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
               f'<office:automatic-styles>{automatic}</office:automatic-styles>'
               f'<office:body><office:text>{body}</office:text></office:body>'
               '</office:document-content>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
        'names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        f'{manifest_extra}</manifest:file-entry>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles if styles is not None else styles_xml())
    return buffer.getvalue()


def p(*content: str, style: str = "Standard") -> str:
    """A paragraph of raw XML pieces."""
    return f'<text:p text:style-name="{style}">{"".join(content)}</text:p>'


def note(kind: str, citation: str, *paragraphs: str, label: str | None = None) -> str:
    """A ``text:note`` of class ``kind`` showing ``citation``, its body ``paragraphs`` (raw
    XML: plain strings become paragraphs)."""
    mark = f' text:label="{label}"' if label is not None else ""
    body = "".join(x if x.startswith("<") else p(escape(x)) for x in paragraphs)
    return (f'<text:note text:note-class="{kind}"><text:note-citation{mark}>{citation}'
            f'</text:note-citation><text:note-body>{body}</text:note-body></text:note>')


def en(citation: str, *paragraphs: str) -> str:
    """An endnote."""
    return note("endnote", citation, *paragraphs)


def fn(citation: str, *paragraphs: str, label: str | None = None) -> str:
    """A footnote."""
    return note("footnote", citation, *paragraphs, label=label)


def items(style: str, *texts: str) -> str:
    """A ``text:list`` of style ``style`` with one paragraph per item (raw XML)."""
    return (f'<text:list text:style-name="{style}">'
            + "".join(f"<text:list-item>{p(t)}</text:list-item>" for t in texts)
            + "</text:list>")


def italic(text: str) -> str:
    return f'<text:span text:style-name="T1">{text}</text:span>'


def a(url: str, text: str) -> str:
    return f'<text:a xlink:type="simple" xlink:href="{url}">{text}</text:a>'


SOURCE_ONE = ("Ministry of Energy, " + italic("Energy Prices Review 2023") + ", 12 March 2023, "
              + a("https://example.org/prices", "https://example.org/prices") + ".")
SOURCE_TWO = "World Bank, " + italic("Commodity Markets Outlook") + ", April 2023, p. 14."

# A clean brief: endnotes i-iv and footnotes 1, 2 and *, a list typed by hand and an
# automatic one, a table, a note of several paragraphs with a list, a tracked deletion.
BRIEF = "".join([
    '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
    '<office:change-info><dc:creator>Editor</dc:creator>'
    '<dc:date>2024-01-01T10:00:00</dc:date></office:change-info>'
    "<text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>",
    '<text:h text:style-name="Standard" text:outline-level="1">Energy prices in 2023</text:h>',
    p("Prices rose by a third in 2023.", en("i", p(SOURCE_ONE)),
      ' Imports fell<text:change text:change-id="ct1"/> sharply.', fn("1", p(SOURCE_TWO))),
    p("The ministry proposed three measures:"),
    p("i. a price cap;"), p("ii. a windfall tax;"), p("iii. support for households."),
    p("The agency lists its own priorities:"),
    items("L1", "Storage first.", "Efficiency next." + en("ii", p(
        "International Energy Agency, " + italic("Gas Market Report") + ", Q1 2024."))),
    p("See the " + a("https://example.org/data", "data portal") + " for the figures."),
    '<table:table table:name="Table1"><table:table-column/><table:table-column/>'
    "<table:table-row><table:table-cell>" + p("Gas") + "</table:table-cell>"
    "<table:table-cell>" + p("+35%" + en("iii", p("Eurostat, " + italic("Energy Statistics")
                                               + ", 2024."))) + "</table:table-cell>"
    "</table:table-row></table:table>",
    p("Household demand changed little.", en(
        "iv", p("Several surveys agree:"),
        items("L2", "Jones, A. (2020). " + italic("Household Energy Use") + ". Oxford.",
              "Lee, B. (2021). " + italic("Heating at Home") + ". Leeds."))),
    p("The report ", italic("Energy Futures"), " was cited twice.",
      fn("2", p("OECD, " + italic("Energy Futures") + ", Paris, 2022.")),
      fn("*", p("The authors' own estimate."), label="*")),
])


def audit_file(tmp_path, name: str, data: bytes) -> Report:
    path = tmp_path / name
    path.write_bytes(data)
    return audit(path)


def serious(report: Report) -> list:
    return [f for f in report.findings if f.severity >= Severity.WARNING]


def notes_of(report: Report) -> list[tuple[str, str, int | None, str]]:
    return [(n.series, n.token, n.number, n.text) for n in report.notes]


def markers_of(report: Report) -> list[tuple[str, str, int | None]]:
    return [(m.series, m.token, m.number) for m in report.markers]


# --- a clean brief ------------------------------------------------------------------------------


def test_a_clean_brief_gives_its_notes_and_markers_and_no_problems(tmp_path):
    report = audit_file(tmp_path, "brief.odt", odt(BRIEF))
    assert notes_of(report) == [  # in the order of the text: footnotes, then endnotes
        (FOOTNOTES, "1", 1, "World Bank, *Commodity Markets Outlook*, April 2023, p. 14."),
        (FOOTNOTES, "2", 2, "OECD, *Energy Futures*, Paris, 2022."),
        (FOOTNOTES, "*", None, "The authors' own estimate."),
        (ENDNOTES, "i", 1, "Ministry of Energy, *Energy Prices Review 2023*, 12 March 2023, "
                           "<https://example.org/prices>."),
        (ENDNOTES, "ii", 2, "International Energy Agency, *Gas Market Report*, Q1 2024."),
        (ENDNOTES, "iii", 3, "Eurostat, *Energy Statistics*, 2024."),
        (ENDNOTES, "iv", 4, "Several surveys agree: - Jones, A. (2020). *Household Energy "
                            "Use*. Oxford. - Lee, B. (2021). *Heating at Home*. Leeds."),
    ]
    assert markers_of(report) == [
        (ENDNOTES, "i", 1), (FOOTNOTES, "1", 1), (ENDNOTES, "ii", 2), (ENDNOTES, "iii", 3),
        (ENDNOTES, "iv", 4), (FOOTNOTES, "2", 2), (FOOTNOTES, "*", None)]
    assert serious(report) == []


def test_the_brief_as_text(tmp_path):
    document = reader.read(odt(BRIEF), "brief.odt")
    assert (document.format, document.units, document.encoding) == ("odt", "paragraph", "odt")
    body = document.text.split("\n\nFootnotes\n")[0]
    assert body == "\n\n".join([
        "Energy prices in 2023",
        "Prices rose by a third in 2023.^{i} Imports fell sharply.[^1]",
        "The ministry proposed three measures:",
        "i. a price cap;", "ii. a windfall tax;", "iii. support for households.",
        "The agency lists its own priorities:",
        "i. Storage first.", "ii. Efficiency next.^{ii}",
        "See the [data portal](https://example.org/data) for the figures.",
        "Gas", "+35%^{iii}",
        "Household demand changed little.^{iv}",
        "The report *Energy Futures* was cited twice.[^2][^*]",
    ])
    assert "deleted words" not in document.text
    assert "^{iv} Several surveys agree:\n- Jones, A. (2020)." in document.text
    assert location(document, 3) == "paragraph 2"


def test_a_placeholder_in_a_note_is_found(tmp_path):
    body = p("Prices rose.", en("i", p("Ministry of Energy, get source here.")),
             " Imports fell.", en("ii", p(SOURCE_TWO)))
    report = audit_file(tmp_path, "draft.odt", odt(body))
    assert [(f.code, f.series, f.number) for f in serious(report)] == [
        ("FC201", ENDNOTES, 1)]


# --- numbering ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt, start, labels", [
    ("i", "0", ["i", "ii", "iii"]),
    ("I", "4", ["V", "VI", "VII"]),  # LibreOffice writes the first number less one
    ("1", "0", ["1", "2", "3"]),
    ("a", "0", ["a", "b", "c"]),
])
def test_endnotes_numbered_as_styles_xml_says(fmt, start, labels):
    config = (f'<text:notes-configuration text:note-class="endnote" style:num-format="{fmt}" '
              f'text:start-value="{start}"/>')
    body = p("A.", en(""), " B.", en(""), " C.", en(""))  # no citation text: computed
    document = reader.read(odt(body, styles=styles_xml(config)), "b.odt")
    first = int(start) + 1
    assert [(m.token, m.number) for m in document.native_markers] == [
        (label, first + i) for i, label in enumerate(labels)]


def test_the_citation_text_is_the_label_and_the_order_the_number():
    body = p("A.", en("i", "One."), " B.", fn("1", "Foot."), " C.", en("ii", "Two."))
    document = reader.read(odt(body, styles=styles_xml("")), "b.odt")  # defaults: 1, i
    assert [(n.series, n.token, n.number) for n in document.native_notes] == [
        (FOOTNOTES, "1", 1), (ENDNOTES, "i", 1), (ENDNOTES, "ii", 2)]


def test_a_custom_mark_takes_no_number():
    body = p("A.", fn("1", "One."), " B.", fn("†", "Dagger.", label="†"), " C.",
             fn("2", "Two."))
    document = reader.read(odt(body), "b.odt")
    assert [(m.token, m.number) for m in document.native_markers] == [
        ("1", 1), ("†", None), ("2", 2)]
    assert document.text.startswith("A.[^1] B.[^†] C.[^2]")


def test_nested_and_continued_lists():
    nested = ('<text:list text:style-name="L1"><text:list-item>' + p("One")
              + items("L1", "One-a", "One-b") + "</text:list-item><text:list-item>" + p("Two")
              + p("Two, more") + "</text:list-item></text:list>")
    body = nested + p("Between.") + (
        '<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item>'
        + p("Three") + '</text:list-item><text:list-item text:start-value="9">' + p("Nine")
        + "</text:list-item></text:list>") + items("L1", "Again one") + items("L2", "Dot")
    text = reader.read(odt(body), "b.odt").text
    assert text == "\n\n".join([
        "i. One", "i.1) One-a", "i.2) One-b", "ii. Two", "Two, more", "Between.",
        "iii. Three", "ix. Nine", "i. Again one", "- Dot"]) + "\n"


def test_notes_typed_by_hand_with_superscript_markers(tmp_path):
    body = (p('Prices rose.<text:span text:style-name="T2">1</text:span> Imports fell.'
              '<text:span text:style-name="T2">2</text:span>')
            + p("Notes") + p("1. Ministry of Energy, Energy balance 2019, 2020.")
            + p("2. World Bank, Armenia economic update, 2021."))
    report = audit_file(tmp_path, "typed.odt", odt(body))
    assert report.document.text.startswith("Prices rose.^{1} Imports fell.^{2}")
    assert notes_of(report) == [
        (ENDNOTES, "1", 1, "Ministry of Energy, Energy balance 2019, 2020."),
        (ENDNOTES, "2", 2, "World Bank, Armenia economic update, 2021.")]
    assert markers_of(report) == [(ENDNOTES, "1", 1), (ENDNOTES, "2", 2)]
    assert serious(report) == []


def test_headings_numbered_by_the_outline_style():
    outline = ('<text:outline-style style:name="Outline">'
               '<text:outline-level-style text:level="1" style:num-format="1" '
               'style:num-suffix="."/><text:outline-level-style text:level="2" '
               'style:num-format="1" text:display-levels="2"/></text:outline-style>')

    def h(level: int, text: str, extra: str = "") -> str:
        return f'<text:h text:outline-level="{level}"{extra}>{text}</text:h>'

    body = (h(1, "Intro") + p("Text.") + h(2, "Sub") + h(2, "Sub two") + h(1, "Second")
            + h(1, "Unnumbered", ' text:is-list-header="true"') + h(1, "Third"))
    text = reader.read(odt(body, styles=styles_xml(extra=outline)), "b.odt").text
    # as LibreOffice shows them (its text export of this file)
    assert text.split("\n\n") == ["1. Intro", "Text.", "1.1 Sub", "1.2 Sub two", "2. Second",
                                   "Unnumbered", "3. Third\n"]


def test_deleted_text_kept_in_place_is_left_out():
    changes = ('<text:tracked-changes><text:changed-region text:id="d1"><text:deletion>'
               "<office:change-info/></text:deletion></text:changed-region>"
               '<text:changed-region text:id="n1"><text:insertion><office:change-info/>'
               "</text:insertion></text:changed-region></text:tracked-changes>")
    body = changes + p('Kept <text:change-start text:change-id="d1"/>gone',
                       en("i", "A deleted note."), ' <text:span text:style-name="T1">still'
                       '<text:change-end text:change-id="d1"/> italic</text:span> and '
                       '<text:change-start text:change-id="n1"/>added'
                       '<text:change-end text:change-id="n1"/>.')
    document = reader.read(odt(body), "b.odt")
    assert document.text == "Kept *italic* and added.\n"
    assert document.native_notes == ()


def test_spaces_tabs_line_breaks_and_skipped_content():
    body = p("One<text:s text:c=\"3\"/>two<text:tab/>three<text:line-break/>four\n  five",
             '<draw:frame draw:name="Box"><draw:text-box>', p("boxed"),
             "</draw:text-box></draw:frame>",
             '<office:annotation><dc:creator>A</dc:creator>', p("a comment"),
             "</office:annotation>.")
    # a line break ends a line inside the paragraph (no blank line: the paragraph goes on)
    assert reader.read(odt(body), "b.odt").text == "One two three\nfour five.\n"


def test_italics_and_superscript_through_named_and_paragraph_styles():
    extra = ('<style:style style:name="Emphasis" style:family="text"><style:text-properties '
             'fo:font-style="italic"/></style:style>'
             '<style:style style:name="Quote" style:family="paragraph"><style:text-properties '
             'fo:font-style="italic"/></style:style>')
    automatic = AUTOMATIC + ('<style:style style:name="T3" style:family="text" '
                             'style:parent-style-name="Emphasis"/>'
                             '<style:style style:name="T4" style:family="text">'
                             '<style:text-properties fo:font-style="normal"/></style:style>')
    body = (p('A <text:span text:style-name="T3">Title</text:span>.')
            + p('Quoted <text:span text:style-name="T4">plain</text:span>', style="Quote"))
    text = reader.read(odt(body, styles=styles_xml(extra=extra), automatic=automatic),
                       "b.odt").text
    assert text == "A *Title*.\n\n*Quoted* plain\n"


def test_soft_page_breaks_and_page_styles_give_pages():
    body = (p("Page one.") + "<text:soft-page-break/>" + p("Page two.")
            + p("Still two.") + p("Page three.", style="P2")
            + p("Three, then <text:soft-page-break/>four.") + p("Four."))
    document = reader.read(odt(body), "b.odt")
    assert document.page_starts == (1, 3, 7, 11)
    assert location(document, 7) == "paragraph 4, page 3"


def test_a_page_break_of_a_named_style_and_a_hidden_section():
    extra = ('<style:style style:name="Chapter" style:family="paragraph"><style:paragraph-'
             'properties fo:break-before="page"/></style:style>')
    automatic = AUTOMATIC + ('<style:style style:name="P3" style:family="paragraph" '
                             'style:parent-style-name="Chapter"><style:paragraph-properties '
                             'fo:text-align="center"/></style:style>')
    body = ('<text:soft-page-break/>' + p("One.") + p("Two.", style="P3")
            + '<text:section text:name="S1" text:display="none">' + p("Hidden.")
            + "</text:section>")
    document = reader.read(odt(body, styles=styles_xml(extra=extra), automatic=automatic),
                           "b.odt")
    assert document.text == "One.\n\nTwo.\n"
    assert document.page_starts == (1, 3)


def test_no_pages_without_recorded_breaks():
    assert reader.read(odt(p("One.") + p("Two.", style="P2")), "b.odt").page_starts == ()


# --- damaged and unusual files ------------------------------------------------------------------


def test_a_flat_fodt_file_is_read(tmp_path):
    flat = (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            f"<office:styles>{NOTES_CONFIG}</office:styles>"
            f"<office:automatic-styles>{AUTOMATIC}</office:automatic-styles>"
            "<office:body><office:text>" + p("Claim.", en("i", p(SOURCE_TWO)))
            + "</office:text></office:body></office:document>").encode()
    assert reader_for(flat, "brief.fodt") == "odt"
    report = audit_file(tmp_path, "brief.fodt", flat)
    assert markers_of(report) == [(ENDNOTES, "i", 1)]
    assert serious(report) == []


@pytest.mark.parametrize("name, data", [
    ("brief.odt", odt(p("x"))),
    ("brief.ott", odt(p("x"), mimetype="application/vnd.oasis.opendocument.text-template")),
    ("brief", odt(p("x"))),
    ("brief.zip", odt(p("x"))),
])
def test_opendocument_text_goes_to_this_reader(name, data):
    assert reader_for(data, name) == "odt"


def _zip(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", MIMETYPE)
        for name, value in parts.items():
            archive.writestr(name, value)
    return buffer.getvalue()


DEEP = ('<office:document-content ' + NS + '><office:body><office:text><text:p>'
        + '<text:span>' * 5000 + 'deep' + '</text:span>' * 5000
        + '</text:p></office:text></office:body></office:document-content>')


@pytest.mark.parametrize("name, data, message", [
    ("brief.odt", odt(p("x"))[:200], "is not a valid OpenDocument file (damaged zip archive)"),
    ("brief.odt", b"PK\x03\x04" + bytes(100),
     "is not a valid OpenDocument file (damaged zip archive)"),
    ("brief.odt", _zip({"styles.xml": "<x/>"}),
     "is a zip archive but not an OpenDocument file (no content.xml in it)"),
    ("brief.odt", _zip({"content.xml": "<office:document-content"}),
     "is a damaged OpenDocument file (content.xml is not well-formed XML)"),
    ("brief.odt", odt(p("x"), manifest_extra='<manifest:encryption-data/>'),
     "is password-protected (an encrypted OpenDocument file)"),
    ("brief.odt", odt(""), "is empty (the OpenDocument file has no text)"),
    ("brief.odt", _zip({"content.xml": DEEP}), "is nested too deeply to read"),
    ("brief.odt", b"", "is named .odt but is empty, not an OpenDocument text file"),
    ("brief.odt", b"Just text", "is named .odt but is text or an unknown format"),
    ("brief.fodt", b"<office:document", "is a damaged OpenDocument file (the file is not"),
])
def test_damaged_files_exit_3_with_one_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["audit", str(path), "--offline", "--no-color"])
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(f"footcheck: error: {path}: {message}")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_oversized_parts_are_refused(monkeypatch):
    monkeypatch.setattr(reader, "MAX_PART", 100)
    with pytest.raises(Unreadable, match="too large"):
        reader.read(odt(p("x" * 500)), "b.odt")


def test_the_reader_raises_unreadable_not_other_errors():
    with pytest.raises(Unreadable):
        reader.read(odt(p("x"))[:-30], "b.odt")


def test_a_folder_walk_audits_odt_files(tmp_path):
    (tmp_path / "brief.odt").write_bytes(odt(BRIEF))
    result = CliRunner().invoke(cli, ["audit", str(tmp_path), "--offline", "--no-color"])
    assert result.exit_code == 0, result.output
    assert "brief.odt" in result.output


# --- against LibreOffice ------------------------------------------------------------------------


def test_libreoffice_saves_the_brief_as_docx_with_the_same_notes(tmp_path):
    converted = convert({"brief.odt": odt(BRIEF)}, tmp_path / "lo", "docx")
    word = audit(docx_reader.read(converted["brief.docx"], "brief.docx"))
    mine = audit(reader.read(odt(BRIEF), "brief.odt"))
    assert markers_of(word) == markers_of(mine)
    assert [(n.series, n.token) for n in word.notes] == [(n.series, n.token)
                                                          for n in mine.notes]
    # The same body and note texts.
    assert word.document.text.split("Footnotes")[0] == mine.document.text.split("Footnotes")[0]
    assert [n.text for n in word.notes] == [n.text for n in mine.notes]


def test_libreoffice_flat_fodt_reads_like_the_odt(tmp_path):
    converted = convert({"brief.odt": odt(BRIEF)}, tmp_path / "lo", "fodt")
    flat = reader.read(converted["brief.fodt"], "brief.fodt")
    assert flat.text == reader.read(odt(BRIEF), "brief.odt").text


def test_the_sample_brief_saved_as_odt_reads_like_the_word_file(sample_files, tmp_path):
    converted = convert({"word.docx": sample_files["word.docx"]}, tmp_path / "lo", "odt")
    word = docx_reader.read(sample_files["word.docx"], "word.docx")
    mine = reader.read(converted["word.odt"], "word.odt")
    assert mine.text == word.text
    assert notes_of(audit(mine)) == notes_of(audit(word))
    assert [(f.code, f.line) for f in audit(mine).findings] == [
        (f.code, f.line) for f in audit(word).findings]


def test_a_table_of_contents_is_not_read():
    toc = ('<text:table-of-content text:name="Contents"><text:index-body>'
           + "".join(p(f"{n}. Chapter {n}\t{n + 2}") for n in (1, 2, 3))
           + '</text:index-body></text:table-of-content>')
    text = reader.read(odt(p("A claim.") + toc + p("The end.")), "b.odt").text
    assert "Chapter" not in text and text.startswith("A claim.")
