"""Word .docx files, built in the test from hand-written WordprocessingML (see wordml.py)."""

from __future__ import annotations

import pytest
from wordml import docx

from footcheck.extract import extract
from footcheck.model import Severity
from footcheck.pipeline import audit
from footcheck.readers import docx as reader
from footcheck.readers import location, ooxml


def text_of(data: bytes) -> str:
    return reader.read(data, "brief.docx").text


def notes_of(data: bytes) -> list[tuple[str, int | None, str]]:
    found = extract(reader.read(data, "brief.docx"))
    return [(n.series, n.number, n.text) for n in found.notes]


def test_paragraphs_one_per_line_with_blank_lines_between():
    document = reader.read(docx(["First paragraph.", "", "Second  paragraph."]), "b.docx")
    assert document.text == "First paragraph.\n\nSecond paragraph.\n"
    assert (document.format, document.units, document.encoding) == ("docx", "paragraph", "docx")
    assert location(document, 3) == "paragraph 2"


@pytest.mark.parametrize("fmt, labels", [
    (None, ["i", "ii", "iii", "iv"]),  # Word's default for endnotes
    ("lowerRoman", ["i", "ii", "iii", "iv"]),
    ("upperRoman", ["I", "II", "III", "IV"]),
    ("decimal", ["1", "2", "3", "4"]),
])
def test_real_endnotes_numbered_in_the_sections_format(fmt, labels):
    data = docx(["A.{en:7} B.{en:3}", "C.{en:9} D.{en:4}"],
                endnotes={3: "Three.", 4: "Four.", 7: "Seven.", 9: "Nine."},
                endnote_format=fmt)
    text = text_of(data)
    assert text.startswith(f"A.^{{{labels[0]}}} B.^{{{labels[1]}}}\n\nC.^{{{labels[2]}}}")
    # Word numbers notes in order of reference, whatever their ids.
    assert notes_of(data) == [("endnotes", 1, "Seven."), ("endnotes", 2, "Three."),
                              ("endnotes", 3, "Nine."), ("endnotes", 4, "Four.")]
    assert "\nNotes\n\n" in text


def test_section_format_and_start_override_settings():
    data = docx(["A.{en:1} B.{en:2}"], endnotes={1: "One.", 2: "Two."},
                endnote_format="decimal",
                section='<w:endnotePr><w:numFmt w:val="upperRoman"/>'
                        '<w:numStart w:val="5"/></w:endnotePr>')
    assert text_of(data).startswith("A.^{V} B.^{VI}")


def test_footnotes_are_their_own_series_even_numbered_like_the_endnotes():
    data = docx(["Claim.{fn:1} Other.{en:1} More.{fn:2}"],
                endnotes={1: "An endnote."}, footnotes={1: "Foot one.", 2: "Foot two."},
                endnote_format="decimal")
    text = text_of(data)
    assert text.startswith("Claim.[^1] Other.^{1} More.[^2]")
    assert text.index("Footnotes") < text.index("[^1]: Foot one.") < text.index("Notes\n")
    assert sorted(notes_of(data)) == [("endnotes", 1, "An endnote."),
                                      ("footnotes", 1, "Foot one."),
                                      ("footnotes", 2, "Foot two.")]
    report = audit(reader.read(data, "b.docx"))
    assert not [f for f in report.findings if f.code.startswith("FC1")]


def test_separator_notes_are_skipped_and_unreferenced_notes_left_out():
    data = docx(["Only one.{en:2}"], endnotes={2: "Cited.", 5: "Never referenced."})
    assert notes_of(data) == [("endnotes", 1, "Cited.")]
    assert "separator" not in text_of(data).lower()


def test_a_note_of_several_paragraphs_is_one_note():
    data = docx(["Claim.{en:1}"], endnotes={1: ["First part,", "second part."]})
    assert notes_of(data) == [("endnotes", 1, "First part, second part.")]


def test_custom_reference_marks():
    data = docx(['Claim.{xml:<w:r><w:endnoteReference w:customMarkFollows="1" w:id="1"/>'
                 '<w:t>LIV</w:t></w:r>} Next.{en:2}'], endnotes={1: "Custom.", 2: "Auto."})
    assert text_of(data).startswith("Claim.^{LIV} Next.^{i}")


def test_superscripts_typed_by_hand_become_markers():
    data = docx(["Claim.{sup:x}{sup:iv} Area 3 km{sup:2}, the 1{sup:st} time{sup:TM}.",
                 "{sup:XIV} The note."])
    text = text_of(data)
    assert text.startswith("Claim.^{xiv} Area 3 km^{2}, the 1st timeTM.\n\n^{XIV} The note.")
    found = extract(reader.read(data, "b.docx"))
    assert [m.number for m in found.markers] == [14]
    assert [(n.number, n.text) for n in found.notes] == [(14, "The note.")]


def test_superscripts_set_apart_after_a_word_or_a_clause_cite_a_list_of_works():
    """A Vancouver thesis sets its superscript citations apart ("older age. ²", "pg/ml ²",
    "[Chen et al., 2013]²") and lists the works "[1] …": the superscripts cite them; a
    formula's superscript apart ("x ²") or after one ("(a+b)²") does not."""
    data = docx(["Peptides rise in older age. {sup:1} and at 68-112 pg/ml {sup:2}, as "
                 "[Chen et al., 2013]{sup:3} found in HF {sup:1}; in a formula x {sup:4} "
                 "and (a+b){sup:4}.", "References",
                 "[1] Maisel A. Natriuretic peptides. Heart Fail Clin, 2018;14:13-25.",
                 "[2] Rodseth RN. B-type peptide. Anaesthesia, 2009;64:165-78.",
                 "[3] Chen X. Troponin. J Am Coll Cardiol, 2013;50:2357-68.",
                 "[4] Daniels LB. Peptides. Circulation, 2007;50:23-68."])
    found = extract(reader.read(data, "b.docx"))
    assert [m.number for m in found.markers] == [1, 2, 3, 1]


def test_superscript_through_a_character_style():
    style = '<w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr>'
    data = docx([f"Claim.{{xml:<w:r>{style}<w:t>7</w:t></w:r>}}"])
    assert text_of(data).startswith("Claim.^{7}")


def test_italics_and_links():
    data = docx(["See {i:The Report}, at {a:https://example.org/r|the site} or "
                 "{a:https://example.org/x|https://example.org/x} and {a:#|nowhere}."])
    assert text_of(data).startswith(
        "See *The Report*, at [the site](https://example.org/r) or <https://example.org/x> "
        "and [nowhere](#).")
    report = audit(reader.read(data, "b.docx"))
    assert "empty-link" in {f.kind for f in report.findings}


def test_hyperlink_fields_and_hidden_field_instructions():
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/f" '
             "</w:instrText></w:r>"
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>the field</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    simple = ('<w:fldSimple w:instr=" HYPERLINK &quot;https://example.org/s&quot; ">'
              '<w:r><w:t>simple</w:t></w:r></w:fldSimple>')
    page = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGEREF x'
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    data = docx([f"A {{xml:{field}}} and {{xml:{simple}}}, page {{xml:{page}}}."])
    assert text_of(data).startswith("A [the field](https://example.org/f) and "
                                    "[simple](https://example.org/s), page 12.")


def test_links_inside_notes_use_the_notes_relationships():
    data = docx(["Claim.{en:1}"], endnotes={1: "See {a:https://example.org/n|the page}."})
    assert notes_of(data) == [("endnotes", 1, "See [the page](https://example.org/n).")]


def test_tracked_changes_show_the_text_as_it_stands():
    data = docx(["Kept {xml:<w:del><w:r><w:delText>removed </w:delText></w:r></w:del>}"
                 "{xml:<w:ins><w:r><w:t>added</w:t></w:r></w:ins>}."])
    assert text_of(data).startswith("Kept added.")


def test_tables_and_numbered_lists():
    numbering = (
        '<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.'
        'openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' \
           '<w:r><w:t>{}</w:t></w:r></w:p>'
    table = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc>'
             '<w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    rels = ('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/numbering" Target="numbering.xml"/>')
    data = docx(["Claim.{sup:1} More.{sup:2}", "Notes"],
                body_xml=item.format("Smith, 2020.") + item.format("Jones, 2021.") + table,
                extra_parts={"word/numbering.xml": numbering})
    data = _add_relationship(data, rels)
    text = text_of(data)
    assert "1. Smith, 2020.\n\n2. Jones, 2021.\n\nCell one\n\nCell two" in text
    assert notes_of(data) == [("endnotes", 1, "Smith, 2020."), ("endnotes", 2, "Jones, 2021.")]


def test_a_list_that_restarts_its_numbering_starts_again_at_one():
    """Two lists of one definition, the second with ``w:startOverride`` (how pandoc and Word
    write a new list): notes per chapter, each numbered from 1. Counted on, the second
    chapter's notes were 3 and 4, and its markers 1 and 2 duplicates (FC104)."""
    restart = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    numbering = (
        '<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.'
        'openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/>{restart}</w:num>'
        f'<w:num w:numId="2"><w:abstractNumId w:val="0"/>{restart}</w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>')

    def item(num: int, text: str) -> str:
        return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
                f'</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>')

    def para(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    rels = ('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/numbering" Target="numbering.xml"/>')
    body = (item(1, "FAO, Country Profile: Uzbekistan, Rome, 2023.")
            + item(1, "World Bank, Irrigation Efficiency, 2021.")
            + para("Chapter 2") + para("Hydropower supplies the winter. Exports go south.")
            + para("Notes") + item(2, "Ministry of Energy, Energy Balance 2023, 2024.")
            + item(2, "CAREC Institute, Regional Power Trade, 2022.")
            + para("Annex") + item(3, "A list that goes on from the first."))
    data = docx(["Chapter 1", "Irrigation takes most of the water. Canals lose a third.",
                 "Notes"], body_xml=body, extra_parts={"word/numbering.xml": numbering})
    text = text_of(_add_relationship(data, rels))
    assert "1. Ministry of Energy" in text and "2. CAREC Institute" in text
    assert "3. A list that goes on" in text  # no override: the shared count goes on


def _add_relationship(data: bytes, relationship: str) -> bytes:
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>",
                                          relationship.encode() + b"</Relationships>")
            target.writestr(name, content)
    return buffer.getvalue()


def test_recorded_page_breaks_give_pages():
    data = docx(["Page one.", "{xml:<w:r><w:lastRenderedPageBreak/></w:r>}Page two.",
                 "Still two.{xml:<w:r><w:br w:type=\"page\"/></w:r>}", "Page three."])
    document = reader.read(data, "b.docx")
    assert document.page_starts == (1, 3, 7)
    assert location(document, 7) == "paragraph 4, page 3"


def test_no_page_numbers_without_recorded_breaks():
    document = reader.read(docx(["One.", "Two."]), "b.docx")
    assert document.page_starts == ()


def test_a_document_without_notes_is_readable_and_reported():
    report = audit(reader.read(docx(["Nothing cited here."]), "b.docx"))
    assert [f.kind for f in report.findings] == ["no-notes"]


def test_an_empty_document_is_an_error():
    from footcheck.readers import Unreadable

    with pytest.raises(Unreadable, match="is empty"):
        reader.read(docx([""]), "b.docx")


def test_zip_bomb_parts_are_refused(monkeypatch):
    from footcheck.readers import Unreadable

    monkeypatch.setattr(ooxml, "MAX_PART", 100)
    with pytest.raises(Unreadable, match="too large"):
        reader.read(docx(["x" * 500]), "b.docx")


def test_a_table_of_contents_is_not_read():
    toc = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
           '</w:docPartObj></w:sdtPr><w:sdtContent>'
           + "".join(f'<w:p><w:r><w:t>{n}. Chapter {n} 1{n}</w:t></w:r></w:p>' for n in (1, 2, 3))
           + '</w:sdtContent></w:sdt>'
           + "".join(f'<w:p><w:pPr><w:pStyle w:val="TOC2"/></w:pPr><w:r><w:t>{n}. Part {n}'
                     f'</w:t></w:r></w:p>' for n in (1, 2, 3)))
    text = text_of(docx(["A claim.{sup:1} Another.{sup:2} A third.{sup:3}"], body_xml=toc))
    assert "Chapter" not in text and "Part" not in text
    assert text_of(docx(["Chapter 1 begins."])).startswith("Chapter 1 begins.")


def test_a_table_of_figures_in_a_german_word_is_not_read():
    """Word names a built-in style's id in the document's language (``Abbildungsverzeichnis``
    for "table of figures", ``Verzeichnis1`` for "toc 1") and keeps its English name: the
    list of figures, whose captions cite works out of their order, is not text."""
    from wordml import STYLES

    localised = STYLES.replace("</w:styles>", (
        '<w:style w:type="paragraph" w:styleId="Abbildungsverzeichnis">'
        '<w:name w:val="table of figures"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Verzeichnis1"><w:name w:val="toc 1"/>'
        "</w:style></w:styles>"))
    entries = "".join(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>'
                      f"{text}</w:t></w:r></w:p>" for style, text in (
                          ("Verzeichnis1", "1. Einleitung 3"),
                          ("Abbildungsverzeichnis", "Fig. 1 [8] 6"),
                          ("Abbildungsverzeichnis", "Fig. 2 [9] 8")))
    text = text_of(docx(["Netze lernen aus Daten [1], [2]."], body_xml=entries,
                        extra_parts={"word/styles.xml": localised}))
    assert "Fig." not in text and "Einleitung" not in text
    # a paragraph style of another name is text
    plain = localised.replace('w:val="table of figures"', 'w:val="caption list"')
    assert "Fig. 1 [8] 6" in text_of(docx(["Netze [1]."], body_xml=entries,
                                         extra_parts={"word/styles.xml": plain}))


def test_superscripts_that_resolve_to_no_typed_note_are_formatting():
    # a transliteration's superscript letter and an author's affiliation, no notes at all
    found = extract(reader.read(docx(["qa{sup:m}lo and Smith, Jane{sup:1} wrote."]), "a.docx"))
    assert found.markers == ()
    # beside typed notes, a marker of their numbering counts, even one without its note
    typed = docx(["Claim.{sup:i} Another.{sup:ii} A third.{sup:iii}",
                  "{sup:i} Smith (2020). Title.", "{sup:ii} Jones (2021). Title."])
    assert [m.number for m in extract(reader.read(typed, "b.docx")).markers] == [1, 2, 3]


def test_markdown_footnote_syntax_in_a_word_file_is_text():
    found = extract(reader.read(docx([r"The pattern [^#x20#x9] matches a blank."]), "s.docx"))
    assert found.markers == ()


def test_notes_typed_on_lines_of_one_paragraph_are_each_a_note():
    """Notes typed at the end of a Word file with Shift+Enter between them are one paragraph
    of several lines (``w:br``): read as one line, only the first note was found and the
    markers of the others pointed nowhere (FC102)."""
    br = "{xml:<w:r><w:br/></w:r>}"
    data = docx(["Gas comes from Azerbaijan.¹ It grows.² Armenia depends on Russia.³",
                 "Notes",
                 f"¹ IEA, Energy Policy Review: Georgia, Paris 2024, p. 12.{br}² Ibid., p. 15."
                 f"{br}³ Müller, Hans: Gas und Macht im Kaukasus, Berlin 2021, S. 88."])
    document = reader.read(data, "b.docx")
    assert "p. 12.\n² Ibid., p. 15.\n³ Müller" in document.text
    report = audit(document)
    assert [n.number for n in report.notes] == [1, 2, 3]
    assert [m.number for m in report.markers] == [1, 2, 3]
    assert not [f for f in report.findings if f.severity > Severity.INFO]
    assert location(document, document.text.split("\n").index("Notes") + 1) == "paragraph 2"


def test_a_line_break_in_a_table_cell_keeps_both_lines_in_the_cell():
    br = "{xml:<w:r><w:br/></w:r>}"
    table = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1 = Recalculate</w:t></w:r><w:r><w:br/></w:r>'
             '<w:r><w:t>2 = Keep</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    data = docx([f"Settings{br}as set."], body_xml=table)
    document = reader.read(data, "b.docx")
    assert "1 = Recalculate\n2 = Keep" in document.text
    assert [document.text[b.start:b.end] for b in document.blocks
            if b.kind == "table_cell"] == ["1 = Recalculate", "2 = Keep"]
    assert not audit(document).notes
