from collections import Counter

import pytest

from footcheck.extract import extract
from footcheck.model import Document
from footcheck.numerals import to_roman


def run(text: str):
    return extract(Document.from_text(text))


def read(path):
    return extract(Document.from_text(path.read_text(encoding="utf-8"), path=str(path)))


# --- the sample brief -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(sample_path):
    return read(sample_path)


def test_sample_series_counts(sample):
    counts = Counter(n.series for n in sample.notes)
    assert counts == {"endnotes": 97, "footnotes": 3}


def test_sample_endnote_numbers_in_order(sample):
    numbers = [n.number for n in sample.notes if n.series == "endnotes"]
    expected = list(range(1, 98))
    expected[54] = 54   # the second LIV, where LV should be
    expected[93] = 95   # the first XCV, where XCIV should be
    assert numbers == expected


def test_sample_note_lines_and_labels(sample):
    by_line = {n.line: n for n in sample.notes}
    assert by_line[205].label == "- ^I" and by_line[205].number == 1
    assert by_line[238].token == "xxxiii"
    assert by_line[297].label == "LXVIII" and by_line[297].notation == "bare"
    assert by_line[335].text == "get source here"
    assert by_line[349].number == 95 and by_line[351].number == 95


def test_sample_note_after_page_break_is_one_note(sample):
    xlvi = next(n for n in sample.notes if n.token == "xlvi")
    assert (xlvi.line, xlvi.end_line) == (251, 253)
    assert xlvi.text.endswith("creative-scenes-a79517>.")
    assert "The Moscow Times. 5 December. Available at:" in xlvi.text
    assert [u.line for u in xlvi.urls] == [253]


def test_sample_footnotes(sample):
    foot = [n for n in sample.notes if n.series == "footnotes"]
    assert [(n.number, n.line, n.token) for n in foot] == [(1, 33, "ⁱ"), (2, 81, "²"),
                                                          (3, 191, "³")]
    markers = [m for m in sample.markers if m.series == "footnotes"]
    assert [(m.number, m.line) for m in markers] == [(2, 68), (3, 185)]


def test_sample_markers(sample):
    endnote_markers = [m for m in sample.markers if m.series == "endnotes"]
    assert len(endnote_markers) == 95
    first = endnote_markers[0]
    assert (first.label, first.number, first.line, first.column) == ("ⁱ", 1, 29, 119)
    l1 = next(m for m in endnote_markers if m.token == "L1")
    assert l1.malformed and l1.number == 51 and (l1.line, l1.column) == (103, 538)
    numbers = {m.number for m in endnote_markers}
    assert numbers == set(range(1, 98)) - {14, 24, 69}


def test_sample_no_markers_inside_notes(sample):
    assert all(m.line < 205 for m in sample.markers)


# --- notations --------------------------------------------------------------------------------


@pytest.mark.parametrize("name, series, label_notation, marker_notation", [
    ("clean-brief.txt", "endnotes", "caret", "caret"),
    ("notation-pandoc.md", "endnotes", "numbered", "pandoc"),
    ("notation-markdown-footnotes.md", "footnotes", "markdown", "markdown"),
    ("notation-bracketed.txt", "endnotes", "bracket", "bracket"),
    ("notation-superscript-digits.txt", "endnotes", "superscript", "superscript"),
    ("notation-roman-superscript.txt", "endnotes", "numbered", "superscript"),
    ("notation-bare-roman.txt", "endnotes", "bare", "caret"),
    ("notation-html-sup.txt", "endnotes", "html", "html"),
])
def test_notations(fixture_path, name, series, label_notation, marker_notation):
    result = read(fixture_path(name))
    assert result.notes, name
    assert {n.series for n in result.notes} == {series}
    assert {n.notation for n in result.notes} == {label_notation}
    assert {m.notation for m in result.markers} == {marker_notation}
    numbers = [n.number for n in result.notes]
    assert numbers == list(range(1, len(numbers) + 1))
    assert {m.number for m in result.markers} == set(numbers)


def test_bracketed_citations_may_repeat(fixture_path):
    result = read(fixture_path("notation-bracketed.txt"))
    assert [m.number for m in result.markers] == [1, 2, 1, 3]


IEEE_NOTES = "".join(f"[{n}] A. Author, \"Title {n},\" Journal, vol. {n}, 2020.\n"
                     for n in range(1, 10))


@pytest.mark.parametrize(("cited", "numbers"), [
    ("[4]–[6]", [4, 5, 6]),  # IEEE: a range of two bracketed numbers
    ("[4]-[6]", [4, 5, 6]),
    ("[2], [3]–[5]", [2, 3, 4, 5]),
    ("[6]–[4]", [6, 4]),  # not a range: each number alone
    ("[4] – [6]", [4, 6]),  # spaced: a dash in the sentence, not a range
])
def test_a_range_of_bracketed_numbers_cites_those_between(cited, numbers):
    result = run(f"Costs are higher {cited}. Other work [1], [7], [8], [9].\n\n"
                 f"References\n\n{IEEE_NOTES}")
    assert [m.number for m in result.markers][:len(numbers)] == numbers
    assert len(result.notes) == 9


@pytest.mark.parametrize(("cited", "numbers"), [
    ("[1, с. 14]", [1]),  # GOST: the number and its page
    ("[4, pp. 7–9]", [4]),
    ("[2; 3]", [2, 3]),  # several in one pair
    ("[1, т. 2, с. 5; 3, S. 4f]", [1, 3]),
    ("[5, № 4]", [5]),
])
def test_a_bracketed_number_with_its_page_or_beside_others_cites_it(cited, numbers):
    result = run(f"Costs are higher {cited}. Other work [6], [7], [8], [9].\n\n"
                 f"References\n\n{IEEE_NOTES}")
    assert [m.number for m in result.markers][:len(numbers)] == numbers


@pytest.mark.parametrize("text", ["[1, see above]", "[0; 1]", "[1, 2:3]", "a[1; 2]=b"])
def test_brackets_that_are_no_citation_with_a_page_cite_nothing(text):
    result = run(f"Costs are higher {text}. Other work [6], [7], [8], [9].\n\n"
                 f"References\n\n{IEEE_NOTES}")
    assert [m.number for m in result.markers] == [6, 7, 8, 9]


FLAT_NOTES = ("\n\nNotes\n\n1 World Bank, Remittances, 2023.\n2 IMF, Article IV, 2024.\n"
              "3 ILO, Migrant workers, 2022.\n4 OECD, Outlook, 2023.\n")


@pytest.mark.parametrize(("body", "cited"), [
    # a PDF's text layer copied out: each superscript became plain digits
    ("Flows rose in 2022.1 The rouble weakened.2 Russia hosts 3.2 million,3 Kazakhstan "
     "0.4 million.4", [(1, "2022.1"), (2, "weakened.2"), (3, "million,3"), (4, "million.4")]),
    # glued to a word without punctuation, and a note cited again after punctuation
    ("Flows rose sharply1 and fell.2 As noted,1 prices rose;3 wages lagged.4",
     [(1, "sharply1"), (2, "fell.2"), (1, "noted,1"), (3, "rose;3"), (4, "lagged.4")]),
    # CO2, G20 and decimals are no markers; numbers out of turn neither
    ("CO2 fell 2.3 per cent.1 The G20 met,2 and 12 of them agreed.3 In 2023.4 Prices4 rose.",
     [(1, "cent.1"), (2, "met,2"), (3, "agreed.3"), (4, "2023.4")]),
])
def test_superscripts_flattened_into_the_text_are_markers(body, cited):
    result = run(body + FLAT_NOTES)
    assert [n.number for n in result.notes] == [1, 2, 3, 4]
    found = [(m.number, m.notation) for m in result.markers]
    assert found == [(number, "flattened") for number, _ in cited]
    line = body
    assert [line[m.column - 1 - len(w) + len(str(n)):m.column - 1 + len(str(n))]
            for m, (n, w) in zip(result.markers, cited, strict=True)] == [w for _, w in cited]


@pytest.mark.parametrize("body", [
    "Flows rose in 2022.1 The rouble weakened.",  # one note of four: not convincing
    "Flows rose in 2022. The rouble weakened. Prices rose 3.2 per cent.",  # none
    "Flows rose.1 Prices fell.2 Wages rose.3 Rents rose.4 Taxes rose.5",  # past the last note
])
def test_numbers_in_the_text_that_do_not_cite_the_notes_in_turn_are_not_markers(body):
    result = run(body + FLAT_NOTES)
    assert not result.notes and not result.markers
    assert [u.count for u in result.unread] == [4]  # said unread (FC109)


def test_flattened_numbers_are_not_looked_for_where_markers_were_read():
    result = run("Flows rose.^{1} Prices fell.2 Wages rose.^{2}\n\nNotes\n\n"
                 "^{1} World Bank, Remittances, 2023.\n^{2} IMF, Article IV, 2024.\n")
    assert [(m.number, m.notation) for m in result.markers] == [(1, "caret"), (2, "caret")]


def test_exponents_are_not_markers(fixture_path):
    result = read(fixture_path("notation-superscript-digits.txt"))
    assert len(result.markers) == 3  # km² and 10² are skipped
    assert not run("Growth of 10^6 units, 3 m^2 each, on the 2ⁿᵈ floor.").markers


def test_html_superscripts_ordinals_and_tex_are_exponents_not_markers():
    r""""2<sup>100</sup>" is a power as "10^6" is; a superscript ordinal ("XIX^e^",
    "M^me^") cites no note unless one of that label exists; "^{\infty}" is TeX."""
    text = ("The root of the tree<sup>1</sup> needs 2<sup>100</sup> steps<sup>2</sup>.\n"
            "In the XIX^e^ century M^me^ Roland wrote, summing to ^{\\infty}.\n\nNotes\n\n"
            "1. First note.\n2. Second note.\n")
    assert [(m.token, m.line) for m in run(text).markers] == [("1", 1), ("2", 1)]


def test_brackets_an_editor_adds_in_a_quotation_and_a_colon_after_a_citation():
    """A citation after a quotation holding an editor's "[t]" or "[…]" is no index of code,
    and "[6]:" after a word and a space cites as "connues[17]:" does; code and a label
    opening its line stay what they are."""
    text = ("Er soll „kommentier[t] oder diskutier[t]“[1] und „[…] angewiesen […]“[2]. "
            "It has implications [3]: it is hard. In code a[i][2] is an index.\n\n"
            "[1] Müller, Hans: Die kleine Form. 2019.\n[2] Meier, Anna: Der Hörautor. 2015.\n"
            "[3] Konkol, M. Reproducibility. 2018.\n")
    assert [(m.token, m.line) for m in run(text).markers] == [("1", 1), ("2", 1), ("3", 1)]


def test_a_citation_at_the_edge_of_an_editors_bracketed_passage_or_after_italics():
    """A citation just inside a bracketed passage ("[Say[2] to") or after one closing its
    sentence ("gods.][1]") is no index of code, and "_word_[3]:" (italics in a plain-text
    book) cites as "word[3]:" does; "x[i][2]", "[link][4]" and "m[row[5]]" stay what they are."""
    text = ("[The score was sacrificed to the gods.][1] So he wrote. [Say[2] to these men, "
            "that I shall endeavor.] Then to the\n_pasangrahan_[3]: there I rested. In code "
            "x[i][2] and m[row[5]] are indexes; [link][4] is a link.\n\n"
            "[Footnote 1: This Quintet appeared as Op. 104.]\n\n[Footnote 2: Dictated.]\n\n"
            "[Footnote 3: A public inn.]\n")
    assert [(m.token, m.line) for m in run(text).markers] == [("1", 1), ("2", 1), ("3", 2)]


def test_several_numbers_before_a_colon_cite_and_a_figures_blank_does_not():
    """"three measures [1, 2]:" cites (no label holds two numbers), "[1–2]:" too; "[30]% of
    the sum" is a model contract's blank for a figure, and "[3]:" opening a line a label."""
    text = ("It proposes three measures [1, 2]: a cap and [1–2]: a register.\n\nNotes\n\n"
            "[1] Ministry of Finance, Annual Report 2021.\n"
            "[2] Transparency International, Georgia Brief, 2022.\n")
    assert [(m.token, m.column) for m in run(text).markers] == [
        ("1", 28), ("2", 28), ("1", 46), ("2", 46)]
    text = ("Up to [3]% of all sums.[1] And [2]% more.[2]\n\nNotes\n\n"
            "[1] Ministry of Finance, Annual Report 2021.\n"
            "[2] Transparency International, Georgia Brief, 2022.\n[3] Third source, 2020.\n")
    assert [(m.token, m.column) for m in run(text).markers] == [("1", 24), ("2", 42)]


def test_a_superscript_after_a_numbers_letter_or_a_section_number_may_cite():
    """"802.11b¹" and "the 1670s²" are no variables raised, nor is "Section 4.10³" ten to a
    power: each cites the note of its number, uncited otherwise; "10⁶" stays a power."""
    text = ("Wi-Fi 802.11b¹ spread, as trade did in the 1670s², under Section 4.10³, "
            "for 10⁶ users.\n\nNotes\n\n¹ First.\n² Second.\n³ Third.\n⁶ Sixth.\n")
    assert [m.number for m in run(text).markers] == [1, 2, 3]


def test_brackets_that_repeat_a_number_are_a_shape_not_citations():
    """No work is cited twice in one bracket: "[2, 2, 4]" is an array's shape; "[2, 4]" and
    "[1–3]" cite."""
    text = ("Shapes of [2, 2, 4] fail as [2, 4] and [1–3] showed.\n\nReferences\n\n"
            "[1] Smith, J. Arrays. 2020.\n[2] Jones, K. Slices. 2021.\n"
            "[3] Lee, M. Tensors. 2019.\n[4] Kim, S. Shapes. 2022.\n")
    assert [m.number for m in run(text).markers] == [2, 4, 1, 2, 3]


def test_a_citation_before_a_notes_raised_marker_is_no_code():
    """A PDF of LaTeX's report class prints "manga [1].²" as "manga [1].^{2}": the bracket
    cites the list of works, the superscript the footnote; "x[1]={2}" stays code."""
    text = ("Films and manga [1].^{2} Set x[1]={2} here.\n\n^{2} Comics.\n\nReferences\n\n"
            "[1] Guerin, H. Probabilite. 2008.\n")
    assert [(m.token, m.column) for m in run(text).markers] == [("1", 17), ("2", 21)]


def test_a_formulas_symbol_or_greek_variable_raised_is_an_exponent():
    """"∆¹", "∂∆²" (a formula's symbols) and "Λ³" (a Greek variable) are raised to a power;
    the marker after the sentence cites."""
    text = ("Maps C × ∆¹ → D and ∂∆² meet Λ³ here, as shown.⁴\n\nNotes\n\n"
            "¹ One.\n² Two.\n³ Three.\n⁴ Hatcher, Algebraic Topology, 2002.\n")
    assert [m.number for m in run(text).markers] == [4]


def test_roman_words_in_prose_are_neither_markers_nor_notes(fixture_path):
    result = read(fixture_path("prose-roman-words.txt"))
    assert not result.notes and not result.markers


def test_page_break_with_page_number(fixture_path):
    result = read(fixture_path("defect-page-break.txt"))
    assert [n.number for n in result.notes] == [1, 2]
    first = result.notes[0]
    assert first.end_line == 9 and "5 December. Available at:" in first.text
    assert "©" not in result.notes[-1].text


def test_hard_wrapped_notes_and_running_header():
    text = ("Text.^{1} More.^{2}\n\nBRIEF 2024\n\nNotes\n\n"
            "^{1} Smith, J. (2020). A long title that\n   wraps onto the next line.\n"
            "BRIEF 2024\n^{2} Jones, K. (2021). Another title.\n\nBRIEF 2024\n")
    result = run(text)
    assert [n.number for n in result.notes] == [1, 2]
    assert result.notes[0].text == ("Smith, J. (2020). A long title that wraps onto "
                                    "the next line.")
    assert result.notes[0].end_line == 8


def test_markdown_link_and_reference_are_not_markers():
    result = run("See [12](https://example.org) and [the report][3] and [^4]: x\n")
    assert not result.markers


def test_a_linked_number_in_brackets_is_a_marker():
    """Text copied from a web page keeps its citation numbers' links: ``[[1](url)]``."""
    text = ("PCBs are stable [[1](https://example.org/a/)]. They persist "
            "[[2](https://example.org/a/), [3](https://example.org/a/)].\n\nReferences\n\n"
            "[1] Safe, S. (1994). PCBs. Crit Rev Toxicol.\n[2] Smith, J. (2001). Title.\n"
            "[3] Jones, K. (2003). Other title.\n")
    result = run(text)
    assert [(m.number, m.label) for m in result.markers] == [(1, "[1]"), (2, "[2, 3]"),
                                                            (3, "[2, 3]")]
    assert [n.number for n in result.notes] == [1, 2, 3]


def test_a_linked_number_glued_to_its_word_is_a_marker():
    """Pasted from a web page into Word, a superscript citation keeps its link but not its
    formatting: ``Monographs.[1](url)``; the address may hold brackets of its own."""
    url = "https://example.org/PIIS1470-2045(13)70104-9/fulltext"
    text = (f"Published as volume 107.[1]({url}) Melanogenesis,[2]({url}), [3]({url}) and "
            f"the equation [[4]({url})]:SE=∑w. See Table [1]({url}).\n\nReferences\n\n"
            + "".join(f"[{n}]({url}) Author {n}. Title {n}. Lyon; 2013.\n\n"
                      for n in range(1, 5)))
    result = run(text)
    assert [(m.number, m.label) for m in result.markers] == [
        (1, "1"), (2, "2, 3"), (3, "2, 3"), (4, "[4]")]  # "Table [1](…)" is no citation
    # the reference list's numbers link back too: the link is the label's, not the note's
    assert [(n.number, n.label, n.text) for n in result.notes] == [
        (n, f"[{n}]", f"Author {n}. Title {n}. Lyon; 2013.") for n in range(1, 5)]


def test_a_linked_word_in_brackets_is_no_marker():
    result = run("As shown [[here](https://example.org/a)] and [[2019](https://x.org)x].\n\n"
                 "[1] Safe, S. (1994). PCBs.\n")
    assert not result.markers


def test_weak_labels_need_context():
    # A numbered list in the body without markers is not a series of notes.
    text = "Recommendations:\n\n1. Fund the census.\n2. Open the border.\n3. Publish data.\n"
    assert not run(text).notes


def test_bare_arabic_note_labels_continue_a_sequence():
    text = ("Claim.^{1} Claim.^{2} Claim.^{3}\n\n^{1} Smith (2020). Title.\n"
            "2 Jones (2021). Title.\n3 Brown (2022). Title.\n")
    result = run(text)
    assert [(n.number, n.notation) for n in result.notes] == [(1, "caret"), (2, "bare"),
                                                               (3, "bare")]


def test_positions_are_editor_positions_with_crlf():
    text = "Intro line\r\nA claim here.^{IV}\r\n\r\n^{IV} Source.\r\n"
    result = run(text)
    marker = result.markers[0]
    assert (marker.line, marker.column) == (2, 14)
    assert result.notes[0].line == 4


def test_two_series_are_kept_apart():
    text = ("A claim.^{i} Another.² A third.^{ii}\n\n² A footnote about the claim.\n\n"
            "Notes\n\n^{i} Source one (2020).\n^{ii} Source two (2021).\n")
    result = run(text)
    assert {(n.series, n.number) for n in result.notes} == {
        ("footnotes", 2), ("endnotes", 1), ("endnotes", 2)}
    assert [(m.series, m.number) for m in result.markers] == [
        ("endnotes", 1), ("footnotes", 2), ("endnotes", 2)]


@pytest.mark.parametrize("n", [1, 14, 49, 97])
def test_every_caret_form(n):
    roman = to_roman(n)
    for marker in (f"^{{{roman}}}", f"^{roman}", f"^{{{roman.lower()}}}"):
        result = run(f"Claim.{marker} End.\n\n{marker} Source (2020).\n")
        assert [m.number for m in result.markers] == [n], marker
        assert [x.number for x in result.notes] == [n], marker


@pytest.mark.parametrize("marker, numbers", [
    ("^{1,2}", [1, 2]), ("^{3-5}", [3, 4, 5]), ("^{3–5, 7}", [3, 4, 5, 7]), ("^2,3^", [2, 3]),
    ("<sup>1, 2</sup>", [1, 2]), ("[2-4]", [2, 3, 4]), ("^{iv–vi}", [4, 5, 6]),
])
def test_one_marker_citing_several_notes(marker, numbers):
    # A bracketed number is a marker only beside notes typed with arabic numbers.
    result = run(f"A claim.{marker} End.\n\n^1^ Source (2020).\n")
    assert [m.number for m in result.markers] == numbers
    assert all(not m.malformed for m in result.markers)


def test_malformed_list_is_reported_as_written():
    result = run("A claim.^{3-} End.\n")
    assert [(m.token, m.number) for m in result.markers] == [("3", 3)]


def test_absurdly_long_numbers_are_no_notes_and_no_crash():
    text = "Text.^{1}\n\n" + "²" * 100_000 + " A line of superscripts.\n\n^{1} A note. 2020.\n"
    extraction = extract(Document.from_text(text))
    assert [n.number for n in extraction.notes] == [1]
    host = "9" * 5000
    text = f"Text.^{{1}}\n\n^{{1}} Source, <https://1.2.3.{host}/>. 2021.\n"
    (note,) = extract(Document.from_text(text)).notes
    assert "not a valid IP address" in note.urls[0].problem


SYMBOL_NOTES = (
    "Housing in Tbilisi\n\n"
    "Rents rose by a third in 2022.* Russian arrivals drove it,† though the bank disputes "
    "the size.‡\n\n"
    "* Transparency International Georgia, \"Housing Prices,\" 12 March 2023.\n"
    "† Galt & Taggart, Real Estate Market Report Q4 2022 (Tbilisi, 2023), 4.\n"
    "‡ National Bank of Georgia, Monetary Policy Report, February 2023, 17.\n")


def test_notes_marked_with_symbols_in_a_plain_text():
    ex = run(SYMBOL_NOTES)
    assert [(n.token, n.number) for n in ex.notes] == [("*", 1), ("†", 2), ("‡", 3)]
    assert [(m.token, m.number) for m in ex.markers] == [("*", 1), ("†", 2), ("‡", 3)]
    assert {n.notation for n in ex.notes} == {"symbol"}
    assert ex.notes[1].text.startswith("Galt & Taggart")


def test_asterisks_counted_up_and_a_symbol_note_cited_nowhere():
    stars = run("Rents rose.* Prices fell.**\n\n* Geostat, 2023.\n** NBG, 2023.\n")
    assert [(n.token, n.number) for n in stars.notes] == [("*", 1), ("**", 2)]
    uncited = run(SYMBOL_NOTES.replace("size.‡", "size."))
    assert [n.token for n in uncited.notes] == ["*", "†", "‡"]
    assert [m.token for m in uncited.markers] == ["*", "†"]


@pytest.mark.parametrize("text", [
    "A *very* big rise.\n\n* one item\n* another item\n",  # emphasis and a bullet list
    "A **bold** claim and more.\n\n* one item\n",  # bold, then one bullet
    "Rents rose.*\n\n* Geostat, 2023.\n* NBG, 2023.\n",  # one symbol listed twice
    "Rents rose.†\n\n‡ Geostat, 2023.\n",  # the second symbol with no first
    "* Geostat, 2023.\n\nRents rose.*\n",  # listed before it is cited
    "Section 5§2 and § 3 apply.\n\n§ Not a note.\n",
])
def test_symbols_that_mark_no_note(text):
    ex = run(text)
    assert ex.notes == () and ex.markers == ()


AUTHOR_DATE = (
    "Rents doubled (Smith, 2020a, 2020b; see Table 2), as Lee et al. (2021) found; Georgia "
    "(2023) did not (OECD, 2022, p. 4; Law No. 45, 2019; in 2019). Brown (2018) argues.\n\n"
    "References\n\n"
    "Brown, A. (2018). One. Verso.\n\n"
    "Lee, B., Kim, C., & Oh, D. (2021). Two. *Journal*, 1(2), 3–4.\n\n"
    "Organisation for Economic Co-operation and Development (OECD). (2022). Three. OECD.\n\n"
    "Smith, J. (2020a). Four. Verso. Smith, J. (2020b). Five. Verso.\n")


def test_author_date_citations_and_the_works_they_name():
    from footcheck.extract import author_date, work_keys

    doc = Document.from_text(AUTHOR_DATE)
    citations, works = author_date(doc, ())
    keys = work_keys(works)
    cited = [(c.name, c.year, c.plain) for c in citations]
    assert cited == [("smith", "2020a", False), ("smith", "2020b", False),
                     ("oecd", "2022", False), ("lee", "2021", False),
                     ("georgia", "2023", True), ("brown", "2018", False)]
    assert keys == {"brown": {"2018"}, "lee": {"2021"}, "organisation": {"2022"},
                                  "oecd": {"2022"}, "smith": {"2020a", "2020b"}}


def test_a_narrative_citation_of_three_authors_is_read_by_its_first():
    from footcheck.extract import author_date

    doc = Document.from_text("As Barrero, Bloom, and\nDavis (2021) note, it stays. In Tbilisi, "
                             "Gibbs (2023) finds the same.\n")
    cited = [(c.name, c.other, c.plain) for c in author_date(doc, ())[0]]
    assert cited == [("davis", "barrero", True), ("gibbs", "tbilisi", True)]


def test_a_citation_broken_over_lines_is_read_whole():
    from footcheck.extract import author_date

    doc = Document.from_text("Rents rose after 2022 as newcomers arrived (Petrov &\nIvanova, "
                             "2020; World\nBank, 2023), as Kuznetsova et\nal. (2021) "
                             "found.\n\nNext (Lee,\n\n2021) is two paragraphs.\n")
    cited = [(c.line, c.column, c.text, c.name, c.year) for c in author_date(doc, ())[0]]
    assert cited == [(1, 45, "Petrov & Ivanova, 2020", "petrov", "2020"),
                     (2, 16, "World Bank, 2023", "world", "2023"),
                     (3, 17, "Kuznetsova et al. (2021)", "kuznetsova", "2021")]


def test_an_organisation_cited_first_with_its_abbreviation_is_found_by_it_after():
    from footcheck.extract import author_date

    doc = Document.from_text("Aid fell (Asian Development Bank [ADB], 2022). Later (ADB, 2022; "
                             "UNHCR, 2021).\n")
    cited = [(c.name, c.other) for c in author_date(doc, ())[0]]
    assert cited == [("asian", None), ("adb", "asian"), ("unhcr", None)]


def test_an_organisation_listed_by_its_name_is_found_by_its_initials():
    from footcheck.extract import author_date

    doc = Document.from_text("Text.\n\nReferences\n\n"
                             "United Nations High Commissioner for Refugees. (2021). Trends.\n\n"
                             "World Health Organization. (2020). Report.\n\n"
                             "Lee, B., Kim, C., & Oh, D. (2021). Two.\n")
    works = [(w.line, w.authors, sorted(w.names), w.year) for w in author_date(doc, ())[1]]
    assert works == [
        (5, "United Nations High Commissioner for Refugees", ["unhcr", "united"], "2021"),
        (7, "World Health Organization", ["who", "world"], "2020"),
        (9, "Lee, B., Kim, C., & Oh, D.", ["lee"], "2021")]


WRAPPED_URL = ("https://eurasianet.org/georgia-sees-record-influx-of-russians-fleeing-"
               "mobilization")


@pytest.mark.parametrize("text, path", [
    ("Russians arrived in 2022.[1] Rents rose.[2]\n\nNotes\n\n1. Giorgi Lomsadze, \"Georgia "
     "sees record influx,\" Eurasianet, 28 September 2022,\nhttps://eurasianet.org/georgia-sees-"
     "record-influx-of-russians-fleeing-\nmobilization.\n2. Geostat, Consumer Price Index, "
     "2023.\n", "brief.txt"),
    ("Russians arrived in 2022.[^1] Rents rose.[^2]\n\n[^1]: Giorgi Lomsadze, \"Georgia sees "
     "record influx,\" Eurasianet, 28 September\n    2022, https://eurasianet.org/georgia-sees-"
     "record-influx-of-russians-fleeing-\n    mobilization.\n[^2]: Geostat, Consumer Price "
     "Index, 2023.\n", "brief.md"),
])
def test_a_url_a_hard_wrap_broke_in_a_note_is_read_whole(text, path):
    from footcheck.readers import structure

    note = extract(structure(Document.from_text(text, path=path))).notes[0]
    assert [u.url for u in note.urls] == [WRAPPED_URL]
    assert note.text.endswith(f"2022, {WRAPPED_URL}.")


def test_an_appendix_after_the_list_of_works_is_not_one_of_its_entries():
    from footcheck.extract import author_date

    text = ("Rents rose (Smith, 2020).\n\n# References\n\nSmith, J. (2020). Rents. Verso.\n\n"
            "### Reports\n\nWorld Bank. (2021). Update. World Bank.\n\n"
            "# Appendix A. The 2022 data\n\n| 1 | 0.0139 | 2022 |\n")
    works = [(w.line, w.authors) for w in author_date(Document.from_text(text), ())[1]]
    assert works == [(5, "Smith, J."), (9, "World Bank")]


@pytest.mark.parametrize("entry, second", [
    ("Gogua, L. (2021) Inequality. Ilia State University. Kuznetsova, A., Smirnov, P. and "
     "Orlova, E. (2021) “Migration and rents,” PSA, 37.",
     "Kuznetsova, A., Smirnov, P. and Orlova, E."),
    ("Gogua, Levan. 2021. Inequality. Ilia State University. Kuznetsova, Anna, and Elena "
     "Orlova. 2021. “Migration.” PSA 37: 301–18.", "Kuznetsova, Anna, and Elena Orlova"),
    ("Gogua, L. (2021). Inequality. Ilia. Kuznetsova, A., Smirnov, P., & Orlova, E. (2021). "
     "Migration. PSA.", "Kuznetsova, A., Smirnov, P., & Orlova, E."),
    ("Gogua, L. (2021). One. *Journal*, 1(2), 3–4. European Commission. (2020). *Report*.",
     "European Commission"),
])
def test_entries_a_conversion_ran_together_are_each_a_work(entry, second):
    from footcheck.extract import author_date

    text = f"Text (Gogua, 2021).\n\nReferences\n\n{entry}\n"
    works = [(w.authors, w.ran_in) for w in author_date(Document.from_text(text), ())[1]]
    assert works[1:] == [(second, True)] and works[0][1] is False


def test_a_note_s_sentence_going_on_past_a_bracket_keeps_the_notes_after_it():
    """A note whose next line goes on with its sentence, lower case, holds ``1[1]`` (R's
    indexing): the line is the note's, and the notes after it are notes, not markers (a
    pandoc plain-text export of a book lost 11 of its 15 notes); a line of the text after
    a note that ended its sentence still cites."""
    ex = run("Vectors come in two kinds.[1] There are no scalars.[2] L is odd.[3]\n\n"
             "[1] All the other data types are node types.\n\n"
             "[2] Technically, R does not possess scalars. This does\n"
             "mean that expressions like 1[1] work.\n\n"
             "[3] L is not intuitive.\n")
    assert [(n.token, n.text) for n in ex.notes][1:] == [
        ("2", "Technically, R does not possess scalars. This does mean that expressions "
              "like 1[1] work."), ("3", "L is not intuitive.")]
    assert [m.token for m in ex.markers] == ["1", "2", "3"]
    ex = run("A claim.[1]\n\n[1] A note that ends.\nThe text goes on here.[2]\n\n[2] Another.\n")
    assert [m.token for m in ex.markers] == ["1", "2"]
    # a line citing as the text does (" [2]", not "1[1]") is the text's, however it opens
    ex = run("A claim.[1]\n\n[1] Fielding, R., \"HTTP\", RFC 2068, and the\n"
             "registered types with IANA [2].\n\n[2] IANA, media types.\n")
    assert [m.token for m in ex.markers] == ["1", "2"]


def test_a_word_set_raised_is_formatting_not_a_marker():
    """``<sup>Syntax</sup>`` (a grammar's heading), ``^{Note}``: a word raised is no marker
    (it was a malformed one, FC106); a malformed numeral raised (``<sup>XIIII</sup>``) and
    a note's letter (``<sup>a</sup>``) still are."""
    ex = run("**<sup>Syntax</sup>** and ^{Note} here. A claim.<sup>XIIII</sup> More.<sup>a</sup>"
             "\n\n<sup>XIV</sup> Jones, *Report* (2001).\n")
    assert [m.token for m in ex.markers] == ["XIIII", "a"]


def test_a_superscript_label_in_brackets_opens_a_note():
    """``[¹] … and other roots`` under a heading marked ``¹`` (a Rust RFC): a note, not a
    second marker."""
    ex = run("### For programs¹\n\n[¹] … and other roots of a dependency graph.\n\n"
             "Compared to `core`, the crate makes two more requirements.\n")
    assert [(n.token, n.text) for n in ex.notes] == [
        ("¹", "… and other roots of a dependency graph.")]
    assert [m.token for m in ex.markers] == ["¹"]


def test_a_regular_expression_s_class_is_no_footnote_in_a_text_defining_none():
    """``[^abc]``, ``[^0-9]``, ``[^:/?#]`` in a plain text that defines no ``[^…]:`` note
    are regular expressions; ``[^1]`` there is still a marker whose note is missing, and
    named markers are markers where the text defines such notes."""
    ex = run("The class [^abc] matches; Ver[^0-9] and ^(([^:/?#]+):)? too.\n")
    assert ex.markers == ()
    assert [m.token for m in run("A claim.[^1]\n").markers] == ["1"]
    ex = run("A claim.[^abc]\n\n[^abc]: Smith, J. (2020). *Book*.\n")
    assert [m.token for m in ex.markers] == ["abc"]


def test_a_raised_zero_in_a_converted_file_is_no_marker():
    """A chart's axis label raised beside the text of a PDF (``origin^{0}``): no note is
    numbered 0; in a plain text it is still a malformed marker to report."""
    text = "The axis starts at the origin^{0} as the chart shows.^{1}\n\n^{1} Smith, *Data*.\n"
    converted = extract(Document.from_text(text, format="pdf", units="paragraph"))
    assert [m.token for m in converted.markers] == ["1"]
    assert [m.token for m in run(text).markers] == ["0", "1"]


def test_a_signed_or_decimal_number_raised_is_a_power():
    """"^{-0.5}", "^{+2}", "^{1.5}" raise to a power; no note is labelled so (it was FC106,
    "not a valid arabic numeral, did you mean 3?")."""
    text = "Speed (Sc/600)^{-0.5} and x^{+2} or y^{1.5} rose.^{1}\n\n^{1} Ministry, 2023.\n"
    assert [m.token for m in run(text).markers] == ["1"]
