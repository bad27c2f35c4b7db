import pytest

from footcheck.checks import structure
from footcheck.extract import extract
from footcheck.model import Document
from footcheck.pipeline import audit


def findings(text: str, kind: str | None = None):
    out = list(structure.check(extract(Document.from_text(text))))
    return [f for f in out if kind is None or f.kind == kind]


def brief(markers: list[str], labels: list[str]) -> str:
    body = " ".join(f"Claim {i}.{m}" for i, m in enumerate(markers))
    notes = "\n".join(f"{lab} Author {i} (2020). 'Title {i},' Outlet. {i + 1} May."
                      for i, lab in enumerate(labels))
    return f"{body}\n\nNotes\n\n{notes}\n"


ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def caret(tokens):
    return [f"^{{{t}}}" for t in tokens]


CLEAN = brief(caret(ROMANS), caret(ROMANS))


def test_clean_sequence_is_silent():
    assert findings(CLEAN) == []


def test_duplicate_note_names_the_misnumbered_copy():
    labels = caret(["I", "II", "III", "IV", "V", "V", "VII", "VIII"])
    result = findings(brief(caret(ROMANS), labels))
    dup = [f for f in result if f.kind == "duplicate-note"]
    assert len(dup) == 1
    assert dup[0].line == 10 and dup[0].number == 5
    assert dup[0].suggestion == "renumber the note at line 10 as VI"
    missing = [f for f in result if f.kind == "missing-note"]
    assert [f.number for f in missing] == [6]
    assert "numbered V, is probably it" in missing[0].message
    assert not [f for f in result if f.kind == "uncited-note"]


def test_duplicate_note_first_copy_misnumbered():
    labels = caret(["I", "II", "III", "IV", "VI", "VI", "VII", "VIII"])
    dup = findings(brief(caret(ROMANS), labels), "duplicate-note")
    assert dup[0].line == 9 and "probably V" in dup[0].message


def test_a_note_number_used_many_times_lists_the_first_places_and_counts_the_rest():
    markers = caret([str(i) for i in range(1, 31)])
    labels = caret(["1"] * 30)
    dup = findings(brief(markers, labels), "duplicate-note")
    assert dup[0].message.startswith("30 endnotes are numbered 1 (lines 5, 6, 7, 8, 9, 10, "
                                     "11, 12, 13, 14 and 20 more);")
    few = findings(brief(markers[:3], labels[:3]), "duplicate-note")
    assert "(lines 5, 6, 7);" in few[0].message


def test_many_notes_without_any_marker_are_one_finding():
    """A series of many notes of which the text has no marker at all (a book's endnotes
    file, its markers in the chapters' files) is one finding, not one per note; a few
    notes so are still reported one by one."""
    many = brief(["" for _ in ROMANS], caret(ROMANS))
    assert [(f.kind, f.number, f.message) for f in findings(many)] == [(
        "uncited-note", 1, "no marker in the text points at any of its 8 endnotes: are "
        "their markers in another file, or were they lost?")]
    few = brief(["", "", ""], caret(ROMANS[:3]))
    assert [(f.kind, f.number) for f in findings(few)] == [
        ("uncited-note", 1), ("uncited-note", 2), ("uncited-note", 3)]


def test_missing_and_uncited_notes():
    markers = caret(["I", "II", "III", "IV", "V", "VI", "VIII"])  # no VII marker
    labels = caret(["I", "II", "III", "IV", "V", "VII", "VIII"])  # no VI note
    result = findings(brief(markers, labels))
    assert [(f.kind, f.number) for f in result] == [("missing-note", 6), ("uncited-note", 7)]
    assert result[0].line == 1 and result[0].column > 1
    assert result[1].line == 10


def test_duplicate_and_out_of_order_marker():
    markers = caret(["I", "II", "V", "IV", "V", "VI", "VII", "VIII"])  # V where III was meant
    result = findings(brief(markers, caret(ROMANS)))
    kinds = sorted((f.kind, f.number) for f in result)
    assert kinds == [("duplicate-marker", 5), ("out-of-order", 5), ("uncited-note", 3)]
    dup = next(f for f in result if f.kind == "duplicate-marker")
    assert dup.suggestion == "did you mean III?"
    uncited = next(f for f in result if f.kind == "uncited-note")
    assert "may be meant as III" in uncited.suggestion


def test_out_of_order_notes():
    labels = caret(["I", "II", "IV", "III", "V", "VI", "VII", "VIII"])
    result = findings(brief(caret(ROMANS), labels), "out-of-order")
    assert len(result) == 1 and result[0].line in (7, 8)


def test_repeated_bracket_citations_are_not_duplicates(fixture_path):
    text = fixture_path("notation-bracketed.txt").read_text(encoding="utf-8")
    assert findings(text) == []


@pytest.mark.parametrize("token, suggestion", [("V1", "VI"), ("VIIII", "IX"), ("1O", "10")])
def test_malformed_number(token, suggestion):
    tokens = [*ROMANS, "IX", "X"] if not token.isdigit() and token != "1O" else None
    if token == "1O":
        markers = [f"^{{{n}}}" for n in range(1, 10)] + ["^{1O}"]
        labels = [f"^{{{n}}}" for n in range(1, 11)]
    else:
        markers = caret(tokens)
        index = 5 if token == "V1" else 8
        markers[index] = f"^{{{token}}}"
        labels = caret(tokens)
    result = findings(brief(markers, labels))
    assert [(f.kind, f.suggestion) for f in result] == [
        ("malformed-number", f"did you mean {suggestion}?")]


def test_inconsistent_case_and_notation():
    labels = caret(["I", "II", "III", "iv", "v", "VI", "VII", "VIII"])
    result = findings(brief(caret(ROMANS), labels), "inconsistent-style")
    assert len(result) == 1
    assert result[0].number == 4 and "iv to ^{v}" in result[0].message.replace("^{iv}", "iv")
    labels = [*caret(ROMANS[:4]), "V", "VI", "VII", "VIII"]  # bare labels after caret ones
    result = findings(brief(caret(ROMANS), labels), "inconsistent-style")
    assert len(result) == 1 and "bare numbers" in result[0].message


def test_no_notes():
    assert [f.kind for f in findings("Just prose, no sources at all.\n")] == ["no-notes"]
    result = findings("A claim.^{1} Another.^{2}\n")
    assert [f.kind for f in result] == ["no-notes", "missing-note", "missing-note"]


AUTHOR_DATE = ("Rents doubled (Smith, 2020), as Jones (2021, p. 4) found.\n\n"
               "{heading}\n\n"
               "Jones, A. (2021). Housing in the capital. City Press.\n\n"
               "Smith, J. (2020). Rents and wages. https://doi.org/10.1000/xyz\n")


@pytest.mark.parametrize("heading", ["References", "## Bibliography", "Works cited",
                                     "**Literaturverzeichnis**", "Список литературы",
                                     "*References*", "_Bibliography:_"])  # italics: ODT
def test_a_text_citing_by_author_and_year_has_its_sources_in_its_list(heading):
    assert findings(AUTHOR_DATE.format(heading=heading)) == []


def test_a_list_of_works_run_into_one_paragraph_is_still_a_list():
    joined = AUTHOR_DATE.format(heading="References").replace("Press.\n\n", "Press. ")
    assert findings(joined) == []


def test_no_list_of_works_is_still_no_notes():
    assert [f.kind for f in findings(AUTHOR_DATE.format(heading="Further reading"))] \
        == ["no-notes"]  # not the heading of a list of works cited
    one = "Rents doubled.\n\nReferences\n\nSmith, J. (2020). Rents and wages.\n"
    assert [f.kind for f in findings(one)] == ["no-notes"]  # one line is no list
    marked = AUTHOR_DATE.format(heading="References").replace("found.", "found.^{1}")
    assert "no-notes" in [f.kind for f in findings(marked)]  # a marker wants a note


def test_sample_structure(sample_path):
    text = sample_path.read_text(encoding="utf-8")
    got = {(f.kind, f.series, f.number, f.line) for f in findings(text)}
    expected = {
        ("duplicate-note", "endnotes", 54, 271),
        ("duplicate-note", "endnotes", 95, 349),
        ("missing-note", "endnotes", 55, 113),
        ("missing-note", "endnotes", 94, 171),
        ("uncited-note", "endnotes", 14, 218),
        ("uncited-note", "endnotes", 24, 228),
        ("uncited-note", "endnotes", 69, 299),
        ("uncited-note", "footnotes", 1, 33),
        ("duplicate-marker", "endnotes", 26, 66),
        ("out-of-order", "endnotes", 26, 66),
        ("malformed-number", "endnotes", 51, 103),
    }
    assert expected <= got
    style = findings(text, "inconsistent-style")
    assert {29, 33, 175, 230, 255, 297, 337} == {f.line for f in style}
    assert len(got - expected) == len(style)  # nothing else


def test_named_markdown_footnotes(fixture_path):
    """[^source] labels are names: matched by name, in any order, never 'malformed'."""
    text = fixture_path("notation-markdown-named.md").read_text(encoding="utf-8")
    result = findings(text)
    assert [(f.kind, f.line) for f in result] == [("uncited-note", 8)]
    assert "footnote unused" in result[0].message and result[0].suggestion is None
    missing = findings(text.replace("[^queue]:", "[^queues]:"))
    assert sorted(f.kind for f in missing) == ["missing-note", "uncited-note", "uncited-note"]


def test_a_family_none_of_whose_rules_is_selected_is_not_run(monkeypatch):
    from footcheck import checks

    def boom(extraction, **options):
        raise AssertionError("the content family ran")

    monkeypatch.setitem(checks.FAMILIES, "content", (boom, ("FC2",)))
    text = "A claim.^{i}\n\n^{i} get source here\n"
    assert [f.code for f in checks.run(extract(Document.from_text(text)), select=["FC1"])] == []
    with pytest.raises(AssertionError, match="content family ran"):
        checks.run(extract(Document.from_text(text)), select=["FC201"])


LISTED = ("A report on software.\n\n{heading}\n\n"
          "[1] Pressman, R. S., Software Engineering, McGraw Hill, 2001.\n\n"
          "[2] Beck, K., Extreme Programming Explained, Addison-Wesley, 2000.\n")


def test_a_bibliography_no_marker_cites_is_no_list_of_uncited_notes():
    """A reading list under Bibliography needs no markers; the same list under Notes, or a
    bibliography whose entries some markers cite, still reports the uncited ones."""
    assert findings(LISTED.format(heading="Bibliography"), "uncited-note") == []
    assert findings(LISTED.format(heading="Works cited"), "uncited-note") == []
    assert findings(LISTED.format(heading="Литература"), "uncited-note") == []
    assert len(findings(LISTED.format(heading="Notes"), "uncited-note")) == 2
    cited = LISTED.format(heading="Bibliography").replace("software.", "software [1].")
    assert [f.number for f in findings(cited, "uncited-note")] == [2]


FLATTENED = ("Remittances reached 48 per cent of GDP in 2022. They fell as the rouble "
             "weakened.\n\nNotes\n\n{entries}\n")


def test_numbered_notes_whose_markers_were_lost_are_said_unread():
    """Text taken from a PDF may lose its superscripts altogether. A Notes section listing
    notes numbered from 1, with no note or marker read, is reported, not passed over as
    prose."""
    entries = "1 World Bank, Remittances, 2023.\n2 Central Bank of Russia, Transfers, 2024."
    [unread] = findings(FLATTENED.format(entries=entries), "unread-notes")
    assert unread.line == 3 and "lists 2 numbered notes but no marker" in unread.message
    numbered = "(1) World Bank, Remittances, 2023.\n(2) Central Bank of Russia, Transfers, 2024."
    [unread] = findings(FLATTENED.format(entries=numbered), "unread-notes")  # (1) … as well
    assert "lists 2 numbered notes" in unread.message
    for prose in ("The figures are rounded.\n\nSome are estimates.",  # remarks, unnumbered
                  "3 World Bank, 2023.\n4 Central Bank, 2024.",  # not numbered from 1
                  "1 World Bank, Remittances, 2023."):  # one entry
        assert findings(FLATTENED.format(entries=prose), "unread-notes") == []


def test_a_notes_heading_over_remarks_ends_at_the_next_heading(tmp_path):
    """Statutes with a section of remarks (``##### Anmerkungen``) and numbered clauses under
    the headings after it: the clauses are no notes of that section."""
    text = ("Satzung\n\n##### Anmerkungen\n\nGrüne Texte sind Erläuterungen.\n\n"
            "# Name, Sitz\n\n1.  Die Genossenschaft führt den Namen noris.\n"
            "2.  Sitz der Genossenschaft ist Nürnberg.\n\n# Zweck\n\n"
            "1.  Zweck ist die Organisation ihrer Mitglieder.\n"
            "2.  Sie erzeugt Strom.\n3.  Sie verkauft ihn.\n")
    path = tmp_path / "satzung.md"
    path.write_text(text, encoding="utf-8")
    assert [f.code for f in audit(path).findings if f.code == "FC109"] == []
    # the same notes listed right under their heading are still said unread
    listed = text.replace("Grüne Texte sind Erläuterungen.", "1. World Bank, 2023.\n"
                          "2. Central Bank, 2024.")
    path.write_text(listed, encoding="utf-8")
    assert [f.code for f in audit(path).findings if f.code == "FC109"] == ["FC109"]


MARKED_WORKS = ("OnionScan<sup>1</sup> scans hidden services on Tor<sup>2</sup>, as earlier "
                "studies did (Hawkins, 2015; Bloch & Corum, 2008).\n\n## {heading}\n\n"
                "{first}Bloch, M., & Corum, J. (2008, May 5). Mapping the human diseasome. "
                "http://www.visualcomplexity.com/vc/project.cfm?id=612\n\n"
                "{second}Hawkins, E. (2015, March). Scrap rainbow colour scales. *Nature*, 519.\n")


def test_a_list_of_works_by_author_is_no_notes_section_whose_notes_were_unread():
    """Markers pointing nowhere are reported (FC102); the list of works under them is no
    notes section footcheck failed to read. Numbered as notes are (Vancouver), it is the
    notes the markers point at."""
    works = MARKED_WORKS.format(heading="Works Cited", first="- ", second="- ")
    assert findings(works, "unread-notes") == []
    assert len(findings(works, "missing-note")) == 2
    numbered = MARKED_WORKS.format(heading="References", first="1. ", second="2. ")
    assert findings(numbered, "unread-notes") == findings(numbered, "missing-note") == []


def test_a_listed_works_bullet_is_not_part_of_its_authors():
    text = UNCITED_WORK.format(heading="References").replace("\nGogua", "\n- Gogua")
    [uncited] = findings(text, "uncited-work")
    assert uncited.message.startswith("'Gogua, L. (2021)'")


UNCITED_WORK = ("Rents doubled (Smith, 2023). Wages fell (Jones & Kim, 2021), as Lee (2022) "
               "found.\n\n{heading}\n\n"
               "Jones, A., & Kim, B. (2021). Wages fall again. *Weekly Times*.\n"
               "Lee, C. (2022). *Labour markets*. Verso.\n"
               "Gogua, L. (2021). *Cities*. Ilia State University.\n"
               "Smith, J. (2023). Rents in the capital. *Daily Post*.\n")


@pytest.mark.parametrize("heading, uncited", [
    ("References", ["Gogua, L. (2021)"]), ("Works cited", ["Gogua, L. (2021)"]),
    ("Bibliography", []),  # may list works consulted and not cited
    ("Sources", []),
])
def test_a_listed_work_cited_nowhere_is_reported_under_a_list_of_works_cited(heading, uncited):
    found = findings(UNCITED_WORK.format(heading=heading), "uncited-work")
    assert [f.message.split("'")[1] for f in found] == uncited
    assert all(f.line == 7 for f in found)


def test_an_old_books_imprint_in_brackets_is_no_citation():
    """(Place, Printer, Year, page): a list of names no "and" or "&" joins is no author
    list, and is reported only when its first name is a listed author."""
    text = UNCITED_WORK.format(heading="References").replace(
        "found.", "found in a pamphlet (Paris, Nicolas Bessin, 1649, p. 10) and (Lee, Kim, "
        "2020).")
    assert [f.message.split("'")[1] for f in findings(text, "unlisted-citation")] == [
        "Lee, Kim, 2020"]


def test_a_listed_work_whose_author_the_text_names_in_another_form_is_cited():
    text = UNCITED_WORK.format(heading="References").replace(
        "found.", "found, and Gogua’s study of cities agrees.")
    assert findings(text, "uncited-work") == []


def test_a_work_of_a_second_article_cited_in_its_own_text_is_cited():
    first = UNCITED_WORK.format(heading="References").replace(
        "Gogua, L. (2021). *Cities*. Ilia State University.\n", "")
    second = ("\n\nSecond article\n\nCities grew (Gogua, 2021; Smith, 2023; Lee, 2022).\n\n"
              "References\n\nGogua, L. (2021). *Cities*. Ilia State University.\n"
              "Lee, C. (2022). *Labour markets*. Verso.\n"
              "Smith, J. (2023). Rents in the capital. *Daily Post*.\n")
    assert findings(first + second, "uncited-work") == []


def _works_cited(order: list[int]) -> str:
    titles = ["Moving Beyond Coin Voting", "The DAO", "Legislative Activity in Canada",
              "Artificial Intelligence Risk", "Legislative Process", "Senate Committees"]
    body = " ".join(f"Claim {k} holds [{n}]." for k, n in enumerate(order))
    authors = ["Buterin", "Zuboff", "Conley", "Adams", "Miller", "Brown"]  # in no order
    works = "\n\n".join(f"[{n}] {authors[n - 1]}, J. *{titles[n - 1]}*. Sacramento: Senate, "
                        "2021." for n in range(1, 7))
    return f"{body}\n\nReferences\n\n{works}\n"


def test_works_first_cited_in_no_order_of_their_list_are_in_order():
    """A list sorted by another key (title, year) than the order of citation: no marker is
    out of sequence; a list in the order of citation with one slip still has one."""
    quiet = audit(Document.from_text(_works_cited([5, 6, 4, 3, 2, 1, 5])))
    assert [f.code for f in quiet.findings if f.code == "FC105"] == []
    slip = audit(Document.from_text(_works_cited([1, 2, 4, 3, 5, 6])))
    assert [f.code for f in slip.findings if f.code == "FC105"] == ["FC105"]


ABNT = ("Enrolments rose twentyfold (INEP, 2001) and again later (INEP, 2012; Medeiros, "
        "2006).\n\nReferências\n\n"
        "INEP. Inscrições no Enem crescem 20 vezes desde 1998. Brasília: Instituto Nacional "
        "de Estudos, 2001.\n"
        "INEP. Sinopse Estatística da Educação Superior 2000. Brasília: INEP, 2012.\n"
        "MEDEIROS, Marcelo. O que faz os ricos ricos. São Paulo: Hucitec, 2006.\n")


ABNT_MORE = ("Income is concentrated (IBGE, 2020, p. 52; Souza; Medeiros, 2017), and women "
             "work more at home (Nery; Britto, 2023).\n\nReferências\n\n"
             "IBGE. Síntese de indicadores sociais. Rio de Janeiro: IBGE, 2020.\n"
             "NERY, Carmen; BRITTO, Vinícius. Em 2022, mulheres dedicaram 9,6 horas por semana "
             "a mais do que os homens. Agência de Notícias. IBGE, 2023.\n"
             "SOUZA, Pedro; MEDEIROS, Marcelo. Top incomes in Brazil, 2006-2014. Brasília, "
             "2017.\n")


def test_abnts_authors_joined_by_semicolons_and_a_place_alone_before_the_year():
    """ABNT joins a citation's authors with ';' as it joins citations (``Souza; Medeiros,
    2017``: the first names no year), and its imprint may be a place alone (``Brasília,
    2017.``), after a title that opens with a year (``Em 2022, …``)."""
    assert findings(ABNT_MORE, "unlisted-citation") == []
    wrong = ABNT_MORE.replace("Medeiros, 2017", "Medeiros, 2016")
    assert [f.message.split("'")[1] for f in findings(wrong, "unlisted-citation")] == [
        "Souza; Medeiros, 2016"]


def listed_and_checked(text: str, cited: str, other: str) -> None:
    """Every citation of ``text`` names its entry, and ``cited`` given ``other`` (a year
    the list does not give) is reported, alone: the check is known to be engaged."""
    assert findings(text, "unlisted-citation") == []
    wrong = text.replace(cited, other)
    assert [f.message.split("'")[1] for f in findings(wrong, "unlisted-citation")] == [
        other[1:-1] if other.startswith("(") else other]


def test_the_year_of_an_entry_is_its_imprints_not_one_in_its_title():
    """ABNT and ISO 690 set the year at the imprint, after a title that may hold years of
    its own ("desde 1998", "… Superior 2000"): the citations name the imprint's year."""
    listed_and_checked(ABNT, "(INEP, 2001)", "(INEP, 1999)")


FIRST_EDITIONS = ("Labour is a fictitious commodity (Polanyi, 2001). The later study "
                  "(Grattan-Guinness, 2003) revises the earlier (Grattan-Guinness, 1990); "
                  "others agree (Autor, 2015; Baumol, 1967).\n\nReferences\n\n"
                  "Autor, D. (2015). Why are there still so many jobs? *JEP*, 29(3).\n"
                  "Baumol, W. (1967). Macroeconomics of unbalanced growth. *AER*, 57(3).\n"
                  "Grattan-Guinness, I. (1990). Work for the hairdressers. *Annals*, 12(3).\n"
                  "{rule} (2003). The computation factory. Oxford University Press.\n"
                  "Polanyi, K. [1944] (2001). *The Great Transformation*. Beacon Press.\n")


@pytest.mark.parametrize("rule", ["—", "–", "---", "______."])
def test_a_rule_for_the_same_authors_and_a_first_edition_s_year_name_their_works(rule):
    """``— (2003).`` repeats the authors of the entry before (Chicago, biblatex); ``[1944]
    (2001)`` gives the first edition's year before the edition cited: either may be cited.
    A year the list does not give is still reported."""
    listed_and_checked(FIRST_EDITIONS.format(rule=rule), "(Polanyi, 2001)", "(Polanyi, 2005)")


def test_entries_naming_their_author_given_name_first_name_their_works():
    """``Giorgio Agamben. State of exception. … 2005.`` (BibTeX's plain style): cited as
    (Agamben, 2005)."""
    text = ("The state of exception (Agamben, 2005) and the politics of possibility (Amoore, "
            "2013); others agree (Autor, 2015; Baumol, 1967; Daston, 1994; Ford, 2009).\n\n"
            "References\n\n"
            "Autor, D. (2015). Why are there still so many jobs? *JEP*, 29(3).\n"
            "Baumol, W. (1967). Macroeconomics of unbalanced growth. *AER*, 57(3).\n"
            "Daston, L. (1994). Enlightenment calculations. *Critical Inquiry*, 21(1).\n"
            "Ford, M. (2009). *The Lights in the Tunnel*. Acculant.\n"
            "Giorgio Agamben. *State of exception*. Kevin Attell, trans. Chicago, 2005.\n"
            "Louise Amoore. *The Politics of Possibility*. Duke University Press, 2013.\n")
    assert findings(text, "unlisted-citation") == []
    assert findings(text, "uncited-work") == []


def test_cited_names_with_initials_a_particle_or_a_dash_name_their_works():
    """``(R. A. Klein et al. 2014)`` (citeproc's disambiguation), ``Van Lissa et al. (2021)``
    and ``Ruth–Lovell & Grahn (2023)`` name the entries ``Klein, Richard A.``, ``Van Lissa,
    Caspar J.``, ``Ruth–Lovell, S.P.``; a year the list does not give is still reported."""
    text = ("Replication varies (R. A. Klein et al. 2014; Autor 2015); Van Lissa et al. (2021) "
            "agree, as Ruth–Lovell & Grahn (2023) and Baumol (1967) did (Daston 1994; Ford "
            "2009; Lee 2011; Smith 2010).\n\nReferences\n\n"
            "Autor, D. 2015. Why are there still so many jobs? *JEP* 29 (3).\n"
            "Baumol, W. 1967. Macroeconomics of unbalanced growth. *AER* 57 (3).\n"
            "Daston, L. 1994. Enlightenment calculations. *Critical Inquiry* 21 (1).\n"
            "Ford, M. 2009. *The Lights in the Tunnel*. Acculant.\n"
            "Lee, K. 2011. Teams. *Science* 331.\n"
            "Smith, J. 2010. Groups. *Nature* 466.\n"
            "Klein, Richard A., Kate A. Ratliff, and Michelangelo Vianello. 2014. Investigating "
            "variation in replicability. *Social Psychology* 45 (3).\n"
            "Ruth–Lovell, S.P. & Grahn, S. (2023). Team science. *Research Policy* 52.\n"
            "Van Lissa, Caspar J., and Wolfgang Stroebe. 2021. Team science. *PNAS* 118.\n")
    listed_and_checked(text, "Van Lissa et al. (2021)", "Van Lissa et al. (2019)")


LOST = ("Open Source heißt offener Quellcode.1 Es sind Bedingungen an die Nutzung geknüpft.2 "
        "Man darf ihn verändern und kopieren.“ 3 Das bedeutet viel. Die Lizenz gilt weltweit.5 "
        "Sie ist frei.\n\nQuellenverzeichnis\n\n"
        "Bundeszentrale für politische Bildung, „Open Source“, https://www.bpb.de/opensource/\n"
        "Wikipedia, „Open Source“, https://de.wikipedia.org/wiki/Open_Source\n")


def test_markers_flattened_into_a_text_that_lost_its_notes_are_reported():
    """An export to plain text (LibreOffice's) drops the notes and leaves their markers as
    numbers after the sentences ("Quellcode.1 Es", "kopieren.“ 3 Das"): no silent pass
    because the text lists its sources; numbers that do not count up from 1 stay quiet."""
    assert [(f.code, f.message) for f in findings(LOST) if f.severity.name != "INFO"] == [(
        "FC109", "numbers set after sentences, counting up from 1 to 5, look like note "
        "markers flattened into the text, and no note was found: the notes were probably "
        "lost in an export to plain text")]
    quiet = LOST.replace("Quellcode.1", "Quellcode. Version 2.1").replace("geknüpft.2", "x.")
    assert [f.code for f in findings(quiet) if f.severity.name != "INFO"] == []


def test_a_dois_digits_are_no_entrys_year():
    """An entry's line that a wrap set apart (``50(6), pp. 1147–1170. doi: 10.1177/
    0308518X18778038.``) gives no work dated 1877 cited nowhere."""
    text = ("Rents rose (Wachsmuth and Weisler, 2018; Autor, 2015; Baumol, 1967; Daston, "
            "1994).\n\nReferences\n\n"
            "Autor, D. (2015). Why are there still so many jobs? *JEP*, 29(3).\n"
            "Baumol, W. (1967). Macroeconomics of unbalanced growth. *AER*, 57(3).\n"
            "Daston, L. (1994). Enlightenment calculations. *Critical Inquiry*, 21(1).\n"
            "Wachsmuth, D. and Weisler, A. (2018) 'Airbnb and the rent gap', *Environment and "
            "Planning A*,\n50(6), pp. 1147–1170. doi: 10.1177/0308518X18778038.\n")
    assert [f.message for f in findings(text) if f.kind == "uncited-work"] == []


def test_a_long_entry_ending_with_its_year_names_its_work():
    """BibTeX's plain style puts the year last; an entry longer than the search for a year
    near its start (``European Parliament. Report on the proposal … | A9-0364/2023 | …,
    2023.``) is the work ``(European Parliament, 2023)`` cites, not a document number's."""
    title = ("Report on the proposal for a regulation of the European Parliament and of the "
             "Council laying down rules to prevent and combat child sexual abuse | A9-0364/"
             "2023 | European Parliament. Technical report, European Parliament, Committee on "
             "Civil Liberties, Justice and Home Affairs (LIBE), 2023.")
    text = ("The Parliament amended it (European Parliament, 2023; Autor, 2015; Baumol, 1967; "
            "Daston, 1994).\n\nReferences\n\n"
            "Autor, D. (2015). Why are there still so many jobs? *JEP*, 29(3).\n"
            "Baumol, W. (1967). Macroeconomics of unbalanced growth. *AER*, 57(3).\n"
            "Daston, L. (1994). Enlightenment calculations. *Critical Inquiry*, 21(1).\n"
            f"European Parliament. {title.replace('A9-0364/2023', 'A9-0364/' + 'X' * 200)}\n")
    listed_and_checked(text, "European Parliament, 2023", "European Parliament, 2021")
