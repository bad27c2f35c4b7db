"""Typed notes found where notes stand: numbered lists in the body, lists inside notes,
exponents and codes are not notes or markers; each case has a clean twin that fires."""

import pytest

from footcheck.extract import extract
from footcheck.model import Document
from footcheck.pipeline import audit
from footcheck.readers import structure


def run(text: str):
    return extract(Document.from_text(text))


def tokens(extraction, what="notes"):
    return [(it.series, it.token) for it in getattr(extraction, what)]


BODY_LIST_BEFORE_NOTES = """\
The plan has three parts.^1^ Costs rose.^2^ Queues grew.^3^

1. Open two new crossings.
2. Publish monthly figures.
3. Fund the border service.

## Notes

1. Ahmed, Samir (2022). 'The Long Queue,' Steppe Herald. 28 September.
2. Border Service (2022). Monthly statistics, September 2022.
3. Ministry of Finance (2023). Budget law 2023, article 4.
"""


def test_numbered_list_before_the_notes_heading_is_body_text():
    ex = run(BODY_LIST_BEFORE_NOTES)
    assert [n.line for n in ex.notes] == [9, 10, 11]
    assert tokens(ex) == [("endnotes", "1"), ("endnotes", "2"), ("endnotes", "3")]


def test_a_list_that_starts_again_after_the_notes_is_not_more_notes():
    annex = BODY_LIST_BEFORE_NOTES + (
        "\nAnnex: the survey questions\n\n1. Who migrated?\n2. Where to?\n3. For how long?\n")
    assert [n.line for n in run(annex).notes] == [9, 10, 11]
    caret = annex.replace("\n1. Ahmed", "\n^1^ Ahmed").replace("\n2. Border", "\n^2^ Border")
    assert [n.line for n in run(caret.replace("\n3. Ministry", "\n^3^ Ministry")).notes] == [
        9, 10, 11]


def test_roman_body_list_without_heading_is_not_notes():
    text = ("Three aims^{i} follow.^{ii} A third.^{iii}\n\n"
            "i. Lower the costs.\nii. Shorten the queues.\niii. Publish the data.\n\n"
            "More text follows here, citing nothing at all.\n\n"
            "i. Ahmed, Samir (2022). The Long Queue. Steppe Herald.\n"
            "ii. Border Service (2022). Monthly statistics.\n"
            "iii. Ministry of Finance (2023). Budget law.\n")
    ex = run(text)
    assert [n.line for n in ex.notes] == [9, 10, 11]


def test_a_numbered_list_inside_a_note_belongs_to_the_note():
    text = ("A claim.^1^ Another.^2^ A third.^3^\n\nNotes\n\n"
            "1. Ahmed (2022). The report lists:\n"
            "   1. the first crossing;\n   2. the second crossing.\n"
            "2. Border Service (2022). Monthly statistics.\n"
            "3. Ministry of Finance (2023). Budget law.\n")
    ex = run(text)
    assert tokens(ex) == [("endnotes", "1"), ("endnotes", "2"), ("endnotes", "3")]
    assert "the second crossing" in ex.notes[0].text


def test_notes_headings_in_other_languages_open_the_section():
    for heading in ("Примечания", "## Anmerkungen", "Notas", "Références :", "Note finali"):
        text = (f"Un.^1^ Deux.^2^\n\n{heading}\n\n"
                "1. Dupont, Jean (2021). Titre. Le Monde.\n2. Martin, Anne (2020). Titre.\n")
        assert len(run(text).notes) == 2, heading


@pytest.mark.parametrize("heading", ["## 注释", "## 注釋", "脚注", "注", "## 注釈", "각주", "주석",
                                     "Przypisy", "Noten", "Poznámky", "Примітки"])
def test_a_notes_heading_in_another_script_holds_notes_also_uncited(heading):
    """Under a notes heading in Chinese, Japanese, Korean, Polish, Dutch, Czech or
    Ukrainian typed notes are read even when one is cited by no marker (it is reported)."""
    text = (f"It is the junk food of experience. [1]\n\n{heading}\n\n"
            "[1] At first I did not like the word.\n\n[2] I chose this example on purpose.\n")
    assert [(n.token, n.line) for n in run(text).notes] == [("1", 5), ("2", 7)], heading


def test_superscript_after_a_number_is_a_marker_only_when_its_note_exists():
    with_note = "In 2035⁴ the plan ends.\n\n⁴ Ministry (2023). Plan to 2035.\n"
    assert [m.token for m in run(with_note).markers] == ["⁴"]
    without = "In 2035⁴ the plan ends, and 10⁶ people (a+b)² moved.\n"
    assert run(without).markers == ()


def test_units_in_cyrillic_are_not_markers():
    assert run("Площадь 40 мм² и 12 м², всего 3 км².\n").markers == ()
    assert [m.token for m in run("Площадь выросла.² Ещё.\n").markers] == ["²"]


NOTES_1_TO_5 = "".join(f"\n[{n}] Source {n} (2020). Title.\n" for n in range(1, 6))


def test_product_codes_in_brackets_are_not_citations():
    assert run("Order part [113-0246] and [2019-2023] now.\n" + NOTES_1_TO_5).markers == ()
    assert [m.token for m in run("As shown [3-5].\n" + NOTES_1_TO_5).markers] == [
        "3", "4", "5"]


def test_bracketed_numbers_without_arabic_notes_are_not_markers():
    text = "The array [1, 2, 3] and item [4] are data.^{i}\n\n^{i} Source (2020).\n"
    assert [m.token for m in run(text).markers] == ["i"]


def test_caret_labels_of_any_roman_length():
    text = "Cited.^{MDCCCLXXXVIII}\n\n^{MDCCCLXXXVIII} Smith, J. (2020). Title.\n"
    ex = run(text)
    assert [n.number for n in ex.notes] == [1888]
    assert [m.number for m in ex.markers] == [1888]


# --- what looks like notes but cannot be read (FC109) ---------------------------------------


def unread(text: str, path: str = "<text>"):
    return extract(Document.from_text(text, path=path)).unread


def test_other_tools_note_syntax_is_reported_once_per_syntax():
    found = unread("As shown [@smith2020, p. 4] and [see @lee2018].\\footnote{Aside.}\n"
                   "AsciiDoc footnote:[text] and {{< fn 1 >}} and [1]_ here.\n")
    assert [(u.what.split()[0], u.count, u.line) for u in found] == [
        ("pandoc", 2, 1), ("LaTeX", 1, 1), ("AsciiDoc", 1, 2), ("reStructuredText", 1, 2),
        ("footnote", 1, 2)]


def test_emails_brackets_and_prose_are_not_foreign_syntax():
    assert unread("Write to [press@example.org] or a@b.org; see [1] and the footnote.\n") == ()


def test_a_notes_section_with_no_readable_note_is_reported():
    text = ("Claims.^1^ More.^2^\n\n## Notes\n\nSmith, John. 2020. A Book. Routledge.\n\n"
            "Jones, Ann. 2019. Another Book. OUP.\n")
    assert [(u.section, u.what, u.count, u.line) for u in unread(text)] == [
        (True, "Notes", 2, 3)]
    numbered = text.replace("Smith", "1. Smith").replace("Jones", "2. Jones")
    assert unread(numbered) == ()
    assert unread(text.replace("^1^ More.^2^", "")) == ()  # remarks that nothing cites


def test_a_bibliography_beside_notes_is_not_reported():
    text = ("Claim.^1^\n\n^1^ Smith 2020, 4.\n\n## References\n\n"
            "Smith, John. 2020. A Book. Routledge.\n\nJones, Ann. 2019. Another. OUP.\n")
    assert unread(text) == ()


def test_the_pronoun_i_after_the_notes_is_not_note_i():
    text = ("A claim.^{i}\n\n^{i} Smith, J. (2020). Title.\n\nAcknowledgements\n\n"
            "I thank Alice and Bob for their reviews, code and\ncomments.\n")
    assert [n.token for n in run(text).notes] == ["i"]
    bare = "A claim.^{I}\n\nNotes\n\nI Smith, John (2020). Title.\n"
    assert [n.token for n in run(bare).notes] == ["I"]


def test_a_numbered_list_under_notes_that_nothing_cites_is_a_list():
    remarks = ("Prose with no markers.\n\nNotes\n-----\n\n"
               "1. There are other cases.\n2. Semantics vary.\n")
    assert run(remarks).notes == ()
    cited = remarks.replace("no markers.", "a marker.^1^ And another.^2^")
    assert [n.token for n in run(cited).notes] == ["1", "2"]


def test_an_unread_notes_section_beside_resolved_notes_is_quiet():
    text = ("Entries.^1^\n\n^1^ Smith, J. (2020). Report.\n\nNotes\n\n"
            "There are probably other cases like this.\n\nThe semantics depend on it.\n")
    assert unread(text) == ()
    assert [u.section for u in unread(text.replace("Entries.^1^", "Entries.^1^ More.^2^"))] \
        == [True]


def test_a_lone_superscript_line_is_not_a_note():
    assert run("Grid:\n\n²\n\n³\n\nEnd of the grid.\n").notes == ()
    assert [n.token for n in run("A claim.²\n\n² Smith (2020). Title.\n").notes] == ["²"]


def test_bracketed_values_repeated_are_not_a_run_of_notes():
    exam = "".join(f"[25] {c}. Question {c}.\n\n" for c in "abcd") + "Total [25].\n"
    assert run(exam).notes == ()


def converted(text: str):
    return extract(Document.from_text(text, format="pdf", units="paragraph"))


def test_an_uncited_superscript_that_starts_no_numbering_is_no_note_in_a_converted_file():
    page = "Tasks\n\n³ Paste the links to watch here, for members to reach them fast.\n"
    assert converted(page).notes == ()
    assert converted(page.replace("³", "⁰")).notes == ()
    # the first note of a series stays, cited or not, and a cited third note stays too
    assert [n.token for n in converted(page.replace("³", "¹")).notes] == ["¹"]
    cited = converted(page.replace("Tasks", "Tasks.³"))
    assert [n.token for n in cited.notes] == ["³"] and len(cited.markers) == 1
    # in a text file every typed note counts
    assert [n.token for n in run(page).notes] == ["³"]


def test_an_unheaded_numbered_list_with_sections_below_is_not_the_notes():
    top = "- Skip to content [1]\n- Skip to menu [2]\n- Skip to footer [3]\n\nMost read\n\n"
    most_read = "".join(f"{i}. Headline number {i} of the day, with its link.\n\n"
                        for i in range(1, 6))
    below = "".join(f"Section {i}\n\nParagraph {i} of the page, below the list.\n\n"
                    for i in range(8))
    assert run(top + most_read + below).notes == ()
    # the same run at the end, with a short trailer only, is the notes
    page = top + "Some prose.\n\n" + most_read + "© 2018 The Herald\n"
    assert [n.token for n in run(page).notes] == ["1", "2", "3", "4", "5"]


# --- a plain-text book's footnotes: tagged, or set in blocks under the text citing them ----

TAGGED_BOOK = """\
CHAPTER I

The essay draws its force from rhythm.[1] What would happen if we took
the rhythm away? The Master (Confucius)[2] said: 'How to play music may
be known.'

[Footnote 1: The strength of the motive lies in its rhythm [sic], as
Burney, _History of Music_, vol. ii. p. 4, says.]

[Footnote 2: Kong. His disciples called him Fu Tsee.]

More text follows here, with another note.[3]

[Footnote 3: See Burney, _History of Music_, vol. ii. p. 9.]
"""


def test_tagged_footnotes_are_notes_without_their_closing_bracket():
    ex = run(TAGGED_BOOK)
    assert [(n.token, n.line, n.end_line) for n in ex.notes] == [
        ("1", 7, 8), ("2", 10, 10), ("3", 14, 14)]
    assert ex.notes[0].text == ("The strength of the motive lies in its rhythm [sic], as "
                                "Burney, _History of Music_, vol. ii. p. 4, says.")
    assert [m.token for m in ex.markers] == ["1", "2", "3"]


def test_lettered_tagged_footnotes_are_cited_by_their_letter():
    lettered = TAGGED_BOOK.replace("[1]", "[A]").replace("[2]", "[B]").replace("[3]", "[C]")
    for n in "123":
        lettered = lettered.replace(f"[Footnote {n}:", f"[Footnote {'_ABC'[int(n)]}:")
    ex = run(lettered)
    assert [(n.token, n.number) for n in ex.notes] == [("A", 1), ("B", 2), ("C", 3)]
    assert [(m.token, m.number) for m in ex.markers] == [("A", 1), ("B", 2), ("C", 3)]
    # without lettered notes, a letter in brackets is no marker
    assert run("Option [A] or option [B] applies.\n").markers == ()


BLOCK_BOOK = """\
The first essay draws its force directly from rhythm.[1] What would
happen if we took the rhythm away?

[1] The strength of the motive in the fifth symphony lies in its rhythm.

The Master (Confucius)[2] said: 'How to play music may be known.' And
the drum was made of serpents' skins.[3]

Its sound was heard far away, and the dancers moved to it.

[2] Kong. His disciples called him Fu Tsee, or the master.

[3] This drum was made of serpents' skins; see Amiot, Mémoires, vol. vi.
"""


def test_bracket_notes_set_in_blocks_under_the_text_citing_them_are_notes():
    ex = run(BLOCK_BOOK)
    assert [(n.token, n.line) for n in ex.notes] == [("1", 4), ("2", 11), ("3", 13)]
    assert [m.line for m in ex.markers] == [1, 6, 7]
    padded = BLOCK_BOOK.replace("[1]", "[01]").replace("[2]", "[02]").replace("[3]", "[03]")
    assert [(n.token, n.number) for n in run(padded).notes] == [
        ("01", 1), ("02", 2), ("03", 3)]
    assert [m.number for m in run(padded).markers] == [1, 2, 3]


def test_bracket_lines_not_set_under_their_citations_are_not_notes():
    # the first note cited only below it: no notes
    late = BLOCK_BOOK.replace("rhythm.[1]", "rhythm.") + "\nAs the motive [1] shows.\n"
    assert run(late).notes == ()
    # an array's codes [07] stay codes beside notes numbered [1]
    codes = BLOCK_BOOK + "\nThe register holds [07] and [08] after a reset.\n"
    assert [m.line for m in run(codes).markers] == [1, 6, 7]


def test_a_key_in_brackets_and_a_spaced_caret_are_no_markers():
    text = BLOCK_BOOK + ("\n[4]  = Quarter-note\n[8]  = Eighth-note\n\n"
                         "Rhythm [3/2: 2 ^2. 4 | 2 2], as Kong wrote.^2\n")
    ex = run(text)
    assert [(m.token, m.line) for m in ex.markers] == [("1", 1), ("2", 6), ("3", 7),
                                                       ("2", 18)]


# --- footnotes beside works cited [1] and listed "[1] …": two series ------------------------

FOOTNOTES_AND_REFERENCES = """\
Rents rose in 2022.¹ Studies agree [1], [2].

¹ Ministry of Finance (2023). Budget law 2023, article 4.

Wages fell.² As the survey found [2], and later [3].

² Border Service (2022). Monthly statistics, September 2022.

References

*[1] A. Smith. Rents in the capital. Daily Post, 2020.*
*[2] B. Jones. Wages fall again. Weekly Times, 2021.*
*[3] C. Lee. Labour markets. Verso, 2022.*
"""


def test_footnotes_beside_a_numbered_list_of_works_are_two_series():
    ex = run(FOOTNOTES_AND_REFERENCES)
    series = {n.series for n in ex.notes if n.token in "¹²"}
    listed = {n.series for n in ex.notes if n.token in "123"}
    assert len(series) == len(listed) == 1 and series != listed
    assert [(n.token, n.label) for n in ex.notes if n.series in listed] == [
        ("1", "[1]"), ("2", "[2]"), ("3", "[3]")]  # an italic entry's label, not "*[1]"
    assert {(m.token, m.series) for m in ex.markers} == {
        ("¹", *series), ("²", *series), ("1", *listed), ("2", *listed), ("3", *listed)}


def test_one_numbering_cited_in_brackets_or_by_superscripts_stays_one_series():
    only_brackets = FOOTNOTES_AND_REFERENCES.replace("¹", "").replace("²", "")
    assert len({n.series for n in run(only_brackets).notes}) == 1
    superscripts = ("Rents rose.¹ Wages fell.² Prices rose.³\n\nReferences\n\n"
                    "[1] A. Smith. Rents. 2020.\n[2] B. Jones. Wages. 2021.\n"
                    "[3] C. Lee. Prices. 2022.\n")
    ex = run(superscripts)
    assert len({n.series for n in ex.notes}) == 1
    assert [m.number for m in ex.markers] == [1, 2, 3]


WORKS_THEN_NOTES = """\
Privacy matters [3], as census data [1] and missions [2] show.¹ Encryption helps [4].

References

[1] ACQUISTI, A., AND WAGMAN, L. The economics of privacy. Journal of Economic Literature 52,

1 (2016). Available at SSRN: https://ssrn.com/abstract=2580411.

[2] BAROCAS, S. Big Data's End Run around Anonymity and Consent. Cambridge, 2014.

[3] CURTMOLA, R. Searchable symmetric encryption. Journal of Computer Security, 2011.

[4] DWORK, C. Differential privacy. Proceedings of ICALP, 2006.

Notes

¹ The census of 2011 counted 1.2 billion people.
"""


def test_works_listed_under_references_before_the_notes_are_read():
    """A second notes section above the last one; a wrapped entry's "1 (2016)." is no
    label; an alphabetical list cited in any order is in order."""
    ex = run(WORKS_THEN_NOTES)
    assert [(n.token, n.line) for n in ex.notes] == [
        ("1", 5), ("2", 9), ("3", 11), ("4", 13), ("¹", 17)]
    assert len({n.series for n in ex.notes}) == 2
    codes = {f.code for f in audit(Document.from_text(WORKS_THEN_NOTES)).findings}
    assert not codes & {"FC102", "FC103", "FC104", "FC105"}
    unsorted = WORKS_THEN_NOTES.replace("BAROCAS", "ZUBOFF").replace("CURTMOLA", "BOYD")
    codes = {f.code for f in audit(Document.from_text(unsorted)).findings}
    assert "FC105" in codes  # [3] cited first in a list that follows no alphabet


def test_a_label_alone_opens_a_note_whose_text_is_the_paragraph_below():
    text = ("Clementi's letter[2] and Dussek's[3] are quoted in full.[1]\n\nFOOTNOTES:\n\n"
            "[1] Schindler, _Biography of Beethoven_, vol. ii. pp. 223-4.\n\n[2]\n\n"
            "HAMBURGH, _June 12, 1801._\n\nMR. CLEMENTI, MON CHER CLEMENTI,--\n\n"
            "[3] Privy Secretary to His Royal H^s. the Prince Louis of Prussia.\n")
    ex = run(text)
    assert [(n.token, n.line) for n in ex.notes] == [("1", 5), ("2", 7), ("3", 13)]
    assert ex.notes[1].text.startswith("HAMBURGH, _June 12, 1801._ MR. CLEMENTI")
    assert [m.token for m in ex.markers] == ["2", "3", "1"]  # and no marker "^s"
    # "[2]" alone in the text, no note below it: a marker still
    body = "See the list.[1]\n[2]\nAnd more.\n\nNotes\n\n[1] Source, 2020.\n"
    assert [(m.token, m.line) for m in run(body).markers] == [("1", 1), ("2", 2)]


def test_a_tables_key_of_alternatives_is_no_marker():
    text = ("Flows fell.[1]\n\n*(**)[***] denotes significance on 10(5)[1] pct. level.\n\n"
            "Notes\n\n[1] Statistics Sweden, Labour Force Survey, 2012.\n")
    assert [m.line for m in run(text).markers] == [1]
    assert [m.line for m in run(text.replace("10(5)[1]", "10 per cent.[1]")).markers] == [1, 3]


def test_two_bracketed_numbers_side_by_side_cite_two_works():
    text = ("Stress and anxiety [2][8], muscles [7].\n\nReferences\n\n"
            + "".join(f"[{i}] Author {i}. Title {i}. 20{10 + i}.\n" for i in range(1, 9)))
    assert [m.token for m in run(text).markers] == ["2", "8", "7"]
    # a Markdown reference link "[see][8]" is a link, not a citation
    md = structure(Document.from_text("As [we found][8] and [3].\n\n[8]: https://x.org/a\n\n"
                                      "Notes\n\n1. One.\n2. Two.\n3. Three.\n", path="a.md"))
    assert [m.token for m in extract(md).markers] == ["3"]


def test_a_tagged_note_goes_on_to_its_closing_bracket():
    """Its lines are its text even where a wrap opens one with a numeral ("iv. Cicero") or a
    line repeats through the book ("History.]", which a running header would be)."""
    notes = "\n\n".join(
        f"[Footnote {n}: Plin. Panegyr. c. 13. Life of Hadrian, in the Augustan\nHistory.]"
        for n in (1, 2, 3))
    text = ("Under those princes the science of tactics was cultivated.[1] The legions\n"
            "differed.[2] The cohorts were ten.[3] Varro explains the word.[4]\n\n" + notes
            + "\n\n[Footnote 4: Exercitus ab exercitando, Varro de Lingua Latina, l.\n"
              "iv. Cicero in Tusculan. l. ii. 37.]\n\nNine centuries of war followed.\n")
    ex = run(text)
    assert [(n.token, n.end_line) for n in ex.notes] == [("1", 5), ("2", 8), ("3", 11),
                                                         ("4", 14)]
    assert ex.notes[3].text.endswith("l. iv. Cicero in Tusculan. l. ii. 37.")
    assert [m.token for m in ex.markers] == ["1", "2", "3", "4"]


def _book_with_pages(pages: int = 14) -> str:
    """A transcription that keeps its printed pages' numbers, "[8] impossible for him …",
    mid-sentence, with a chapter's notes [1]–[3] at its end."""
    out = []
    for page in range(7, 7 + pages):
        body = "\n".join(f"the argument of page {page} goes on, line {k}, and the reader" for
                         k in range(12))
        out.append(f"[{page}] {body} follows it as far as it is")
    text = "\n\n".join(out) + (" possible.[1] Then the second point.[2] A third.[3]\n\n"
                               "[1] Jackson, Journal of Philology, 1904.\n\n"
                               "[2] See Barry, Papacy and Modern Times, 113.\n\n"
                               "[3] Translated by Lecky.\n")
    return text


def test_a_transcriptions_page_numbers_are_no_markers():
    ex = run(_book_with_pages())
    assert [n.token for n in ex.notes] == ["1", "2", "3"]
    assert [m.token for m in ex.markers] == ["1", "2", "3"]


def test_ten_footnotes_set_under_their_text_are_no_page_numbers():
    blocks = []
    for i in range(1, 13):
        blocks.append(f"A sentence of the book makes its claim number {i}.[{i}]\n\n"
                      f"[{i}] see the chronicle of the year {1500 + i}, p. {i * 3}.")
    ex = run("\n\n".join(blocks) + "\n")
    assert [n.token for n in ex.notes] == [str(i) for i in range(1, 13)]


def test_notes_tagged_with_symbols_are_numbered_by_their_place():
    """A book marking each footnote "[*]" (or "[**]", the page's second) and setting it as
    "[Footnote *: …]": each marker cites the note after it, and a numbered paragraph after a
    note is the book's text."""
    text = ("Speeches addressed to numerous[*] audiences repeat themselves.\n\n"
            "[Footnote *: The number of speeches, great and small, is above five hundred.]\n\n"
            "He approved most heartily[*] the deposition, and Schwechat[**] followed.\n\n"
            "[Footnote *: How unanimous the country was, is clear by the facts stated.]\n\n"
            "[Footnote **: October 30th, 1848.]\n\n"
            "2. The ministry of Louis Bathyanyi has been attacked on opposite grounds.\n")
    ex = run(text)
    assert [(n.token, n.number, n.line) for n in ex.notes] == [
        ("*", 1, 3), ("*", 2, 7), ("**", 3, 9)]
    assert [(m.label, m.number) for m in ex.markers] == [("[*]", 1), ("[*]", 2),
                                                          ("[**]", 3)]
    # beside notes numbered 1, 2…, an editor's [Footnote *: …] has no number to be cited by
    mixed = text.replace("[*] aud", "[1] aud").replace("Footnote *: The", "Footnote 1: The")
    assert [n.number for n in run(mixed).notes] == [1]


def test_a_notes_heading_between_rules_opens_the_notes():
    text = ("Programs are given away free to everyone.(1) Several volunteers help.(2)\n\n"
            "   ---------- Footnotes ----------\n\n"
            "   (1)  The wording here was careless; see the 1993 note.\n\n"
            "   (2)  Many people now help, as the GNU Bulletin lists.\n")
    ex = run(text)
    assert [n.token for n in ex.notes] == ["1", "2"]
    assert [m.token for m in ex.markers] == ["1", "2"]


def test_a_marker_glued_to_its_word_before_a_colon_cites():
    text = ("Ils différaient de toutes les races connues[1]: ils n'étaient ni blancs. Les\n"
            "émigrants[2]:\n\n«J'ai toujours cru», écrit Morton.[3]\n\nNotes\n\n"
            "[1] Volney, Tableau du climat, 1803.\n[2] Morton, New-England's Memorial, 1826.\n"
            "[3] Ibid., p. 14.\n\n[4]: https://example.org/a-link-definition\n")
    assert [m.token for m in run(text).markers] == ["1", "2", "3"]
    # and after a year; not a code's item before a colon, nor a number's
    text = ("Il disait au roi, en 1775[1]: rien. Le reste[2].\n\n[Footnote 1: Voyez p. 654.]\n\n"
            "[Footnote 2: Ibid.]\n\nprint(a1[2]: 3) or 10[2]: x\n")
    assert [m.token for m in run(text).markers] == ["1", "2"]


def test_a_numbered_list_in_a_books_appendix_is_no_notes_its_tagged_notes_claim_the_markers():
    clauses = "\n\n".join(f"{n}. The house shall be chosen every second year by the people "
                            f"of the several states, clause {n}." for n in (1, 2, 3))
    text = ("The constitution[1] was read.[2] It was printed.[3]\n\n"
            "[Footnote 1: Story, Commentaries, 1833.]\n\n[Footnote 2: Ibid., p. 4.]\n\n"
            "[Footnote 3: Kent, Commentaries, 1826.]\n\nNOTES.\n\nAPPENDIX.\n\nSECTION ONE.\n\n"
            f"{clauses}\n\nSECTION TWO.\n\n{clauses}\n")
    ex = run(text)
    assert [(n.token, n.line) for n in ex.notes] == [("1", 3), ("2", 5), ("3", 7)]
    assert [f.code for f in audit(Document.from_text(text)).findings
            if f.code in ("FC101", "FC103")] == []


def test_a_bare_number_wrapped_to_a_notes_next_line_is_its_text():
    text = ("The court decided so.[1] It decided otherwise later.[2]\n\nFOOTNOTES:\n\n"
            "[1] Hepburn v. Griswold, 8 Wallace 603. Knox v. Lee,\n"
            "12 Wallace 457.\n\n[2] 157 U.S. 608.\n")
    ex = run(text)
    assert [(n.token, n.end_line) for n in ex.notes] == [("1", 6), ("2", 8)]
    assert ex.notes[0].text.endswith("Knox v. Lee, 12 Wallace 457.")


def test_notes_under_a_word_processors_rule_in_a_text_export_are_read():
    """A text export sets its notes under a rule, "________________", not under a heading:
    the superscripts it flattened ("2022.1") cite them."""
    body = ("Tariffs rose faster than wages in 2022.1 Several ministries share the "
            "pipeline.2\n\nStorage near the capital remains small,3 as the regulator "
            "admits.4\n\n________________\n\n")
    notes = ("1 Cooley, Alexander. Great Games, Local Rules. Oxford, 2012, 45.\n"
             "2 de Waal, Thomas. The Caucasus. Eurasianet, 3 March 2021.\n"
             "3 Regulator, Annual report 2022, p. 4.\n4 Ibid., 52.\n")
    ex = run(body + notes)
    assert [n.token for n in ex.notes] == ["1", "2", "3", "4"]
    assert [m.token for m in ex.markers] == ["1", "2", "3", "4"]
    plain = body.replace("2022.1", "2022").replace("pipeline.2", "pipeline").replace(
        "small,3", "small,").replace("admits.4", "admits.")
    assert run(plain + notes).markers == ()  # no number cites them: a list after a rule
    # with no rule at all, the numbered lines ending the text are its notes, if cited so
    bare = body.replace("________________\n\n", "")
    assert [n.token for n in run(bare + notes).notes] == ["1", "2", "3", "4"]
    assert run(plain.replace("________________\n\n", "") + notes).markers == ()


def test_one_entry_typed_for_two_notes_gives_both():
    text = ("A claim.^{1} Another.^{2} And a third.^{3}\n\nNotes\n\n"
            "^{1} Smith, John. *The Long Queue*. Almaty: Steppe Press, 2020.\n\n"
            "^{2,3} Ibid., 4-5.\n")
    ex = run(text)
    assert [(n.number, n.line) for n in ex.notes] == [(1, 5), (2, 7), (3, 7)]
    assert [f.code for f in audit(Document.from_text(text)).findings
            if f.code.startswith(("FC1", "FC4"))] == []


def test_a_variables_exponent_is_no_marker_of_a_listed_work():
    text = ("Let ω ∈ Ω^{2} (M) be a closed form on R^{2m}, as in [1] and [2].\n\nReferences\n\n"
            "[1] I. Agricola. *Global analysis*. Providence: AMS, 2002.\n\n"
            "[2] A. Cannas da Silva. *Lectures on Symplectic Geometry*. Berlin: Springer, 2008.\n")
    assert [(m.token, m.label) for m in run(text).markers] == [("1", "[1]"), ("2", "[2]")]
    assert [f.code for f in audit(Document.from_text(text)).findings
            if f.code.startswith("FC1")] == []
    # after a short word, a superscript cites a note typed as one
    text = ("The EU^{1} and the UN^{2} agree.\n\nNotes\n\n^{1} Smith, *Union*, 2020.\n\n"
            "^{2} Jones, *Nations*, 2021.\n")
    assert [m.token for m in run(text).markers] == ["1", "2"]


def _markdown(text: str):
    from footcheck.document import decode

    return extract(structure(decode(text.encode(), path="brief.md")))


def test_a_markdown_list_ending_the_text_is_notes_only_if_it_cites_sources():
    """Markdown has a syntax for notes: a numbered list the text ends with, under no notes
    heading, is its notes only when its entries cite as notes do; "Open issues" is a list,
    even when "[2, 3]" (an array's shape) looks like markers of its items."""
    body = "# Table data\n\nAbove, u has length [2, 3].\n\n## Open issues\n\n"
    issues = ("1. Adding a SliceHeader2 is a bad idea.\n2. The reshaping syntax as above.\n"
              "3. Does the expression need key-element syntax?\n")
    assert _markdown(body + issues).notes == ()
    sources = ("1. Smith, J. (2019). Slices. Go blog.\n2. Lee, K. (2020). Arrays. ACM.\n"
               "3. Pike, R. (2012). Go at Google. https://go.dev/talks/2012/splash.article\n")
    assert [n.token for n in _markdown(body + sources).notes] == ["1", "2", "3"]


def test_a_codes_values_are_no_notes():
    """"0 = net unreachable;" in a table of codes is a value, not note 0, though the text
    cites "[1]" and "[2]"; "1 Smith (2020)." under a notes heading is still a note."""
    text = ("ICMP uses IP [1] as if it were a higher level protocol [2].\n\n   Code\n\n"
            "      0 = net unreachable;\n\n      1 = host unreachable;\n\n"
            "      2 = protocol unreachable;\n\n      3 = port unreachable;\n")
    assert run(text).notes == ()
    notes = "A claim.^1^ Another.^2^\n\nNotes\n\n1 Smith, J. (2020). Title.\n2 Lee, K. (2021). T.\n"
    assert [n.token for n in run(notes).notes] == ["1", "2"]


def test_a_list_numbered_again_after_two_notes_is_no_more_notes():
    """After a notes section of two notes, an appendix's sections numbered from 1 again
    (a bill appended to a policy brief) are not notes 1–4 of the series; a third note
    following on is."""
    notes = ("The Lobbying Act came after a scandal.^1^ The disclosure law followed.^2^\n\n"
             "Notes\n\n1. Lobbying Act, RSC 1985, c 44. https://laws.example.ca/L-12.4/\n\n"
             "2. Public Servants Disclosure Protection Act, SC 2005, c 46.\n\n")
    bill = ("Appendix A: Draft Bill\n\n1. This Act may be cited as the Public Integrity Act.\n\n"
            "2. In this Act, office holder means a member of the Executive Council.\n\n"
            "3. Section 6 is amended by adding subsection (4).\n\n"
            "4. Section 18 is amended by adding section 18.1.\n")
    assert [n.token for n in run(notes + bill).notes] == ["1", "2"]
    third = notes.replace("followed.^2^", "followed.^2^ Then a third.^3^") + \
        "3. Whistleblower Act, SA 2012, c P-39.5.\n\n" + bill
    assert [n.token for n in run(third).notes] == ["1", "2", "3"]


def test_a_label_set_in_bold_leaves_no_emphasis_in_its_note():
    """``**[1]** text`` (a label set in bold, as a translated essay's notes are): the note's
    text opens after the closing ``**``."""
    text = ("A claim. [1] Another. [2]\n\nNotes\n\n**[1]** Smith, J. (2020). Title.\n\n"
            "**[2]** Lee, K. (2021). Other.\n")
    assert [n.text for n in run(text).notes] == ["Smith, J. (2020). Title.",
                                                 "Lee, K. (2021). Other."]


def test_a_stray_wrapped_line_after_the_heading_opens_no_run():
    """A list of works wraps an entry's "X. – DOI …" (read as a label X) before the list of
    web addresses "[1] …" the text cites: those are still its notes."""
    text = ("Phase6 [3] helps. So do flashcards [2] and Anki [1].\n\nLiteraturverzeichnis\n"
            "[Lec19] LECHTENBÖRGER, Jens: Erstellung. In: MedienPädagogik 34 (2019), 101–117.\n"
            "X. – DOI 10.21240/mpaed/34/2019.03.02.X\nVerzeichnis von Web-Adressen\n"
            "[1] ANKI: Anki Webseite. https://apps.ankiweb.net/\n"
            "[2] KEVDI: Flashcards. https://github.com/KevDi/Flashcards. Version: 2021\n"
            "[3] PHASE-6 GMBH: Phase6. https://www.phase-6.de/. Version: 2021\n")
    assert [n.token for n in run(text).notes] == ["1", "2", "3"]
