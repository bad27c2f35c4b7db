"""Focused tests of footcheck.references: one citation habit per test, mostly invented notes."""

from __future__ import annotations

import pytest

from footcheck.references import parse, parse_sources


def one(text: str):
    refs = parse(text)
    assert len(refs) == 1, refs
    return refs[0]


def test_author_year_quoted_title_italic_outlet_day_month() -> None:
    ref = one("Petrova, Anna. (2021). 'Where the money went,' *The Bell*. 9 March. "
              "Available at: <https://thebell.io/en/money/>.")
    assert ref.authors == ("Petrova, Anna",)
    assert ref.year == 2021
    assert ref.title == "Where the money went"
    assert ref.container == "The Bell"
    assert ref.date == "2021-03-09"
    assert ref.urls == ("https://thebell.io/en/money/",)


def test_outlet_first_then_plain_title_then_full_date() -> None:
    ref = one("Kommersant. Exporters adapt to new sanctions. 3 May 2022. "
              "Available at: <https://www.kommersant.ru/doc/5333>")
    assert ref.authors == ("Kommersant",)
    assert ref.title == "Exporters adapt to new sanctions"
    assert ref.container is None
    assert ref.date == "2022-05-03"
    assert ref.year == 2022


def test_outlet_first_with_quoted_title() -> None:
    ref = one("Meduza. 'Title in quotes.' 9 February 2023. Available at: "
              "<https://meduza.io/en/a>")
    assert ref.authors == ("Meduza",)
    assert ref.title == "Title in quotes"
    assert ref.date == "2023-02-09"


def test_bare_url() -> None:
    ref = one("<https://example.org/some/page>")
    assert ref.urls == ("https://example.org/some/page",)
    assert ref.authors == () and ref.title is None
    assert parse_sources("<https://example.org/some/page>")[0].only_url


def test_personal_communication() -> None:
    ref = one("Ivanova, Olga (2022). Personal Communication. 14 June.")
    assert ref.type == "personal_communication"
    assert ref.authors == ("Ivanova, Olga",)
    assert ref.title is None
    assert ref.date == "2022-06-14"


def test_draft_manuscript() -> None:
    source = parse_sources("Smith, Jane. 'Borders and belonging,' draft manuscript. May 2021.")[0]
    assert source.reference.type == "manuscript"
    assert source.reference.title == "Borders and belonging"
    assert source.reference.date == "2021-05"
    assert source.reference.container is None
    assert source.genre == "draft manuscript"


def test_soft_signs_do_not_close_a_quoted_title() -> None:
    ref = one("Orlov, Ivan. (2023). 'Kak zhit' dal'she i chto delat' s etim,' *Novaya Gazeta*. "
              "2 April.")
    assert ref.title == "Kak zhit' dal'she i chto delat' s etim"
    assert ref.container == "Novaya Gazeta"


def test_soft_sign_at_the_end_of_a_title() -> None:
    ref = one("Orlov, Ivan. (2023). 'Kak dal'she zhit',' Kommersant. 2 April.")
    assert ref.title == "Kak dal'she zhit'"
    assert ref.container == "Kommersant"


@pytest.mark.parametrize("quoted", ["‘Curly single,’", "“Curly double,”", '"Straight double,"',
                                    "'Straight single,'"])
def test_curly_and_straight_quotes(quoted: str) -> None:
    ref = one(f"Doe, John. (2020). {quoted} Some Outlet. 1 June.")
    assert ref.title in ("Curly single", "Curly double", "Straight double", "Straight single")
    assert ref.container == "Some Outlet"
    assert ref.date == "2020-06-01"


def test_title_ending_with_question_mark_keeps_it() -> None:
    ref = one("Roe, Rick. (2022). 'Is the exodus over?' The Outlet. 4 July.")
    assert ref.title == "Is the exodus over?"
    assert ref.container == "The Outlet"


def test_title_opened_with_double_and_closed_with_single_quote() -> None:
    ref = one("Roe, Rick. (2022). \"Nobody Leaves\": Stories From the Border,' The Outlet. 4 July.")
    assert ref.title == '"Nobody Leaves": Stories From the Border'
    assert ref.container == "The Outlet"


def test_missing_closing_quote() -> None:
    ref = one("Roe, Rick (2022) 'An unclosed title about things, *The Outlet*. July 4.")
    assert ref.title == "An unclosed title about things"
    assert ref.container == "The Outlet"
    assert ref.date == "2022-07-04"


def test_month_day_and_abbreviated_month() -> None:
    assert one("Lee, Ann (2021). A title. *Outlet*. Jan 17.").date == "2021-01-17"
    assert one("Lee, Ann (2021). A title. *Outlet*. March 13.").date == "2021-03-13"
    assert one("Lee, Ann (2021). A title. *Outlet*. 23 August.").date == "2021-08-23"


def test_year_only_and_month_year() -> None:
    assert one("Lee, Ann (2021). A title. *Outlet*.").date == "2021"
    assert one("Lee, Ann. A title. *Outlet*, July 2020.").date == "2020-07"


def test_journal_volume_issue_pages() -> None:
    ref = one("Kim, Min. (2019). 'On mobility,' *Journal of Movement* 12 (4): 33-50.")
    assert ref.container == "Journal of Movement"
    assert (ref.volume, ref.issue, ref.pages) == ("12", "4", "33-50")
    assert ref.type == "article-journal"


def test_series_number_and_publisher() -> None:
    ref = one("Brown, K. A Study of Things. *Occasional Papers*, No. 7, Some Institute, "
              "March 2020.")
    assert ref.authors == ("Brown, K.",)
    assert ref.title == "A Study of Things"
    assert ref.issue == "7"
    assert ref.publisher == "Some Institute"
    assert ref.date == "2020-03"


def test_ampersand_first_last_author() -> None:
    assert one("Ward, A. & L. Ukenye. A title. *Outlet*. 1 May 2020.").authors == (
        "Ward, A.", "Ukenye, L.")


def test_apa_author_list() -> None:
    ref = one("Kuleshova, A., Chigaleichik, E., & Baranova, V. (2023). A title. *A Journal*.")
    assert ref.authors == ("Kuleshova, A.", "Chigaleichik, E.", "Baranova, V.")


def test_semicolon_author_list_is_one_source() -> None:
    text = "Ivorski, Ivalio; Kasyanenko, Sergiy; Singer, Dorothe. (2023). 'Report title.' Bank."
    assert len(parse_sources(text)) == 1
    assert one(text).authors == ("Ivorski, Ivalio", "Kasyanenko, Sergiy", "Singer, Dorothe")


def test_semicolons_separate_sources_but_not_inside_urls_parens_or_titles() -> None:
    text = ("A, Bee. (2020). 'One; with a semicolon,' Outlet. 1 May. <https://a.example/x;y>; "
            "Cee, Dee. (2021). 'Two,' Outlet. 2 May. <https://b.example/> (note; aside)")
    refs = parse(text)
    assert [r.title for r in refs] == ["One; with a semicolon", "Two"]
    assert refs[0].urls == ("https://a.example/x;y",)


def test_organisation_with_year() -> None:
    ref = one("Transparency International (2023). *A Report Title*. Available at: "
              "<https://www.transparency.org/r>")
    assert ref.authors == ("Transparency International",)
    assert ref.title == "A Report Title"
    assert ref.date == "2023"


def test_accessed_date_and_accessed_at() -> None:
    ref = one("Site (2023). 'Page.' <http://site.example>. Accessed January 5th.")
    assert ref.accessed == "2023-01-05"
    assert ref.date == "2023"
    ref = one("Doe, J. (2023). 'Page,' Outlet. 6 November. Accessed at: <https://x.example/p>")
    assert ref.accessed is None
    assert ref.urls == ("https://x.example/p",)
    assert ref.date == "2023-11-06"


def test_doi() -> None:
    ref = one("Kim, Min. (2019). 'On mobility,' *Journal of Movement* 12 (4): 33. "
              "https://doi.org/10.1234/jm.2019.12")
    assert ref.doi == "10.1234/jm.2019.12"


def test_markdown_link_gives_one_url() -> None:
    ref = one("Doe, J. (2023). 'T.' Reuters. 17 May. Available at: "
              "[https://x.example/a#:~:text=May%2017%20\\(R\\)](https://x.example/a#:~:text=May"
              "%2017%20(R))")
    assert ref.urls == ("https://x.example/a#:~:text=May%2017%20(R)",)


def test_comment_after_url_is_kept_as_note() -> None:
    source = parse_sources("Outlet. 'T.' 1 May 2023. Available at: <https://x.example/> "
                           "(figures here 100 000)")[0]
    assert source.note == "(figures here 100 000)"
    assert source.reference.urls == ("https://x.example/",)


def test_explanation_before_citation_is_kept_as_note() -> None:
    source = parse_sources("In 2023, the government changed a rule that had allowed visitors "
                           "to reset their stay, a practice known as \"zeroing.\" 24.kg. 'Rule "
                           "changed.' 19 October 2023. Available at: https://24.kg/a/")[0]
    assert source.reference.authors == ("24.kg",)
    assert source.reference.title == "Rule changed"
    assert source.note and source.note.startswith("In 2023")


def test_placeholder_is_not_a_title() -> None:
    source = parse_sources("get source here")[0]
    assert source.reference.title is None and source.reference.authors == ()
    assert source.note == "get source here"


def test_outlet_quoted_fragment_then_rest_of_title() -> None:
    ref = one("Forbes Russia. 'Quoted part.' Relokanty sdelali zhizn' v gorode dorozhe. "
              "22 September 2023. Available at: https://forbes.kz/a/")
    assert ref.title == "'Quoted part.' Relokanty sdelali zhizn' v gorode dorozhe"
    assert ref.date == "2023-09-22"


def test_cyrillic_is_kept() -> None:
    ref = one("Иванов, Иван. (2022). «Уехавшие», *Новая газета*. 5 мая.")
    assert ref.authors == ("Иванов, Иван",)
    assert ref.year == 2022


def test_raw_and_key() -> None:
    ref = one("  Lee, Ann (2021). A title. *Outlet*.  ")
    assert ref.raw == "Lee, Ann (2021). A title. *Outlet*."
    assert ref.key is None


def test_empty_text() -> None:
    assert parse("") == ()
    assert parse("   ") == ()


def test_year_without_parentheses_and_mixed_author_list() -> None:
    ref = one("Smith, John, and Jane Doe. 2021. 'Title here.' Outlet, June 3, 2021. "
              "https://example.org/a")
    assert ref.authors == ("Smith, John", "Doe, Jane")
    assert ref.year == 2021
    assert (ref.title, ref.container, ref.date) == ("Title here", "Outlet", "2021-06-03")


def test_comma_separated_citation() -> None:
    ref = one("John Smith, 'A title here', The Guardian, 5 March 2022, "
              "https://www.theguardian.com/x")
    assert (ref.title, ref.container, ref.date) == ("A title here", "The Guardian", "2022-03-05")


def test_place_and_publisher_make_a_book() -> None:
    ref = one("Smith, J. (2020). Book Title. London: Verso.")
    assert (ref.title, ref.publisher, ref.type) == ("Book Title", "Verso", "book")
    assert ref.container is None


@pytest.mark.parametrize("text", [
    "Foreign citizens who purchase real estate worth over $100,000 are eligible to apply for "
    "a residence permit in Georgia.",
    "The members of the Collective Security Treaty Organisation include Armenia, Belarus, "
    "Kazakhstan, Kyrgyzstan, Russia, and Tajikistan. On 5 January 2022, CSTO peacekeepers "
    "were deployed.",
])
def test_explanatory_note_cites_nothing(text: str) -> None:
    assert parse(text) == ()


def test_explanation_with_a_citation_still_cites() -> None:
    assert len(parse("This is a long explanation of the rule that applied before the change "
                     "was made. Outlet. 'Title.' 1 May 2023. https://o.example/a")) == 1


def test_links_about_the_outlet_or_an_identifier_are_not_the_source():
    """A page saved from a wiki links the outlet's name to the outlet's own page and the
    ISBN to a lookup page: the source's URL is the article's."""
    article = "https://www.hollywoodreporter.com/review/before-i-fall-review-967494"
    (ref,) = parse(f"Felperin, Leslie (23 January 2017). [\"'Before I Fall': Film Review\"]"
                   f"({article}). *[The Hollywood Reporter](https://en.wikipedia.org/wiki/"
                   "The_Hollywood_Reporter)*. Retrieved 15 February 2017.")
    assert ref.urls == (article,)
    (book,) = parse("Jones, Matthew (2015). *Time Travel in Popular Media*. McFarland. "
                    "[ISBN](https://en.wikipedia.org/wiki/ISBN_(identifier)) [9780786478071]"
                    "(https://en.wikipedia.org/wiki/Special:BookSources/9780786478071)")
    assert book.urls == ()
    (only,) = parse("Jones, Matthew (2015). *Yomiuri stories*. *[Yomiuri Shimbun]"
                    "(https://en.wikipedia.org/wiki/Yomiuri_Shimbun)*. 1 August 2008.")
    assert only.urls == ()


def test_a_link_on_the_outlets_name_to_the_article_is_the_source():
    url = "https://www.theguardian.com/world/2023/mar/13/rents-double"
    (ref,) = parse(f"Smith, Jane (13 March 2023). 'Rents double,' [The Guardian]({url}).")
    assert ref.urls == (url,)


CHICAGO = """# Brief

A.[^1] B.[^2] C.[^3] D.[^4] E.[^5] F.[^6]

[^1]: Joseph A. Schumpeter, *Capitalism, Socialism and Democracy* (London: Routledge, 1992), 45.
[^2]: Ibid., 47.
[^3]: Ibid.
[^4]: World Bank, *Migration and Development Brief 38* (Washington, DC: World Bank, 2023), 12.
[^5]: Schumpeter, *Capitalism*, 50.
[^6]: Schumpeter, *Imperialism and Social Classes*, 3.
"""


def _notes(text: str):
    from footcheck.model import Document
    from footcheck.pipeline import load

    return load(Document.from_text(text, path="brief.md")).notes


def test_ibid_and_a_short_form_carry_the_citation_they_point_back_to():
    notes = _notes(CHICAGO)
    full = notes[0].references[0]
    ibid, again, short = notes[1].references[0], notes[2].references[0], notes[4].references[0]
    for ref, how, pages in ((ibid, "ibid", "47"), (again, "ibid", None), (short, "short", "50")):
        assert (ref.title, ref.authors, ref.date) == (full.title, full.authors, full.date)
        assert (ref.refers_back, ref.pages) == (how, pages)
    assert ibid.raw == "Ibid., 47."
    # a short form naming no earlier citation is kept as written
    unknown = notes[5].references[0]
    assert unknown.refers_back is None and unknown.title == "Imperialism and Social Classes"


def test_back_references_make_no_works_or_findings_of_their_own(tmp_path):
    from footcheck.pipeline import audit
    from footcheck.works import group

    notes = _notes(CHICAGO)
    assert len(group(notes).works) == 3  # Schumpeter's book, the brief, the unknown short form
    path = tmp_path / "brief.md"
    without_unknown = CHICAGO.replace(" F.[^6]", "").rsplit("[^6]:", 1)[0]
    path.write_text(without_unknown, encoding="utf-8")
    findings = [f.code for f in audit(path).findings]
    assert findings == []
    assert "FC404" not in findings  # "Ibid." after "Ibid." is how it is written
    assert "FC405" not in findings and "FC401" not in findings


SHORT_FORMS = """\
A.^{1} B.^{2} C.^{3} D.^{4} E.^{5}

Notes

^{1} Miriam R. Lowi, Water and Power: The Politics of a Scarce Resource in the Jordan \
River Basin (Cambridge: Cambridge University Press, 1993), 1–4.
^{2} J. A. Allan, "Virtual Water: A Strategic Resource," Ground Water 36, no. 4 (1998): 545–46.
^{3} Lowi, Water and Power, 187.
^{4} Allan, "Virtual Water," 546.
^{5} Smith, Water and Power, 12.
"""


def test_a_short_form_is_found_by_its_words_whatever_the_labeller_made_of_it(tmp_path):
    """``Lowi, Water and Power, 187.`` reads to the labeller as two editors (names joined by
    "and"): the short form is found by its author's family name and its title's first
    words all the same, and is no incomplete note; one naming no earlier work still is."""
    from footcheck.pipeline import audit

    notes = _notes(SHORT_FORMS)
    lowi, allan = notes[0].references[0], notes[1].references[0]
    for note, full, pages in ((notes[2], lowi, "187"), (notes[3], allan, "546")):
        ref = note.references[0]
        assert (ref.refers_back, ref.title, ref.pages) == ("short", full.title, pages)
    assert notes[4].references[0].refers_back is None  # Smith wrote no Water and Power here
    path = tmp_path / "brief.txt"
    path.write_text(SHORT_FORMS, encoding="utf-8")
    assert sorted((f.code, f.line) for f in audit(path).findings
                  if f.code in ("FC203", "FC405")) == [("FC203", 9), ("FC405", 9)]


def test_an_agency_report_without_an_author_is_a_source_an_ibid_points_to():
    """A long first sentence reads as an explanatory note unless it is placed by an
    imprint: an agency's report (title, place, publisher, year, no author) is one."""
    notes = _notes("A.^{1} B.^{2}\n\nNotes\n\n"
                   "^{1} Agence internationale de l’énergie, Energy Policy Review: Georgia, "
                   "Paris, AIE, 2024, p. 12.\n^{2} Ibid., p. 15.\n")
    [report] = notes[0].references
    assert (report.publisher, report.year) == ("AIE", 2024)
    [again] = notes[1].references
    assert (again.refers_back, again.title, again.pages) == ("ibid", report.title, "15")
    # a note of comment stays one: it names no publisher and no place
    assert _notes("A.^{1}\n\nNotes\n\n^{1} The figures for the first quarter were revised "
                  "twice by the statistics office in 2024 and again in early 2025.\n"
                  )[0].references == ()


def test_ibid_with_nothing_before_it_in_its_series_is_reported():
    from footcheck.model import Document
    from footcheck.pipeline import audit

    report = audit(Document.from_text("A.[^1]\n\n[^1]: Ibid., 4.\n", path="brief.md"))
    assert [f.message for f in report.findings if f.code == "FC405"] == [
        "'Ibid., 4.' points back to no earlier citation in this series"]


@pytest.mark.parametrize("text, pages", [
    ("Ibid.", None), ("ibid., 47.", "47"), ("Ibid., pp. 12–14.", "12–14"), ("Id. at 5.", "5"),
    ("Ibidem, 3", "3"), ("Там же, с. 12.", "12"), ("Ebd., S. 7.", "7"), ("See ibid., 9.", "9"),
    ("Ídem, p. 15.", "15"), ("Ibíd., pág. 4.", "4"), ("Ivi, p. 12.", "12"),
    ("*Id.* at 234.", "234"), ("_Ibid._, 7.", "7"), ("Ibid., art. 4(1).", "4(1)"),
    ("Ibid., para. 12.", "12"), ("Id. § 3.", "3"), ("Vgl. Ebd.", None),
    ("Cf. ibid., 12.", "12"), ("Ibid. Pg. 59-60.", "59-60"), ("Ebda.", None),
    ("Vgl. Ebda. S. 47.", "47"), ("Vgl.Ebd.", None),
    ("المصدر نفسه، ص. ٢٠.", "٢٠"), ("المرجع السابق.", None), ("همان، ص ۱۲.", "۱۲"),
    ("同上，第5页。", "5"), ("שם, עמ' 5.", "5"),
])
def test_ibid_forms(text, pages):
    from footcheck.references import _IBID, is_ibid

    assert is_ibid(text)
    assert ((_IBID.fullmatch(text)["pages"] or "").strip(" ,") or None) == pages


@pytest.mark.parametrize("text", ["Ibid. and Smith, J. (2020). Title.", "Idaho Statutes 4.",
                                  "Identity politics, 2020.", "Ebola report 2014.",
                                  "المصدر الرئيسي للبيانات، ٢٠٢٠.", "שם המחבר, ספר, 2020."])
def test_not_ibid(text):
    from footcheck.references import is_ibid

    assert not is_ibid(text)


IBID_REMARKS = """A.[^1] B.[^2] C.[^3] D.[^4] E.[^5]

[^1]: Alexander Cooley, *Great Games, Local Rules* (Oxford: Oxford University Press, 2012), 45.
[^2]: Ibid., 71. Emphasis added.
[^3]: Ibid. This note compares the accounts of the events and weighs the evidence for each.
[^4]: Ibid., 80. See also Thomas de Waal, *The Caucasus* (Oxford: OUP, 2010), 12.
[^5]: Ibid. Coal output fell by half in the decade after independence, the ministry says.
"""


def test_a_remark_after_ibid_cites_nothing_and_a_citation_after_it_is_read(tmp_path):
    """An Ibid. that ends a sentence is the source; what follows is read on its own: a
    remark or a sentence of comment cites nothing, a citation is a second source (and the
    source the next Ibid. points back to)."""
    from footcheck.pipeline import audit

    notes = _notes(IBID_REMARKS)
    for note, title, pages in zip(notes[1:], ["Great Games, Local Rules"] * 3 + ["The Caucasus"],
                                  ("71", None, "80", None), strict=True):
        ibid = note.references[0]
        assert (ibid.title, ibid.refers_back, ibid.pages) == (title, "ibid", pages)
    assert [len(n.references) for n in notes] == [1, 1, 1, 2, 1]
    also = notes[3].references[1]
    assert (also.authors, also.title) == (("de Waal, Thomas",), "The Caucasus")
    path = tmp_path / "brief.md"
    path.write_text(IBID_REMARKS, encoding="utf-8")
    assert audit(path).findings == ()


@pytest.mark.parametrize("lead", ["See also", "Cf.", "See, e.g.,", "Compare"])
def test_words_leading_into_a_citation_are_not_its_author(lead):
    ref, = parse(f"{lead} Thomas de Waal, *The Caucasus: An Introduction* (Oxford: Oxford "
                 f"University Press, 2010), 12.")
    assert ref.authors == ("de Waal, Thomas",)


@pytest.mark.parametrize("text, sources", [
    ("The 2014 census counted dwellings but not their use.", 0),
    ("Lisbon and Barcelona also stopped issuing new licences in their centres.", 0),
    ("Get source here.", 1),  # too short to tell: a source with nothing read, reported
    ("Interview with a ministry official, Tbilisi, 12 May 2023.", 1),
])
def test_a_short_sentence_of_prose_cites_nothing(text, sources):
    assert len(parse(text)) == sources


def test_an_organisations_publication_read_as_a_periodical_is_its_title():
    """A title the labeller read as a periodical's name, with nothing that places an article
    in one, is the title of an organisation's own publication; a person's citation of a
    periodical, or a known outlet, without a title still lacks one."""
    ref, = parse("Asian Development Bank, *Imereti Housing Bulletin 2020*, 15 March 2020, "
                 "https://www.adb.org/publications/imereti-housing-bulletin-2020.")
    assert (ref.title, ref.container) == ("Imereti Housing Bulletin 2020", None)
    person, = parse("Jane Smith, *Caucasus Analytical Digest*, 2021.")
    assert (person.title, person.container) == (None, "Caucasus Analytical Digest")


AUTHOR_DATE = """# Brief

A.[^1] B.[^2] C.[^3] D.[^4] E.[^5]

[^1]: Smith, J. (2020). *Borders and Belonging*. London: Verso.
[^2]: Smith (2020), p. 45.
[^3]: See Smith 2020, 12; Jones et al. 2021.
[^4]: Jones, K., Lee, M. and Kim, S. (2021). *Remote Work Abroad*. Oxford: OUP.
[^5]: Brown 2019, 3.
"""


def test_author_date_citations_point_to_the_one_full_citation_of_that_author_and_year():
    notes = _notes(AUTHOR_DATE)
    smith, jones = notes[0].references[0], notes[3].references[0]
    (p45,) = notes[1].references
    assert (p45.title, p45.pages, p45.refers_back) == (smith.title, "45", "short")
    first, second = notes[2].references  # the full citation of Jones comes later: found too
    assert (first.title, first.pages) == (smith.title, "12")
    assert (second.title, second.refers_back) == (jones.title, "short")
    (brown,) = notes[4].references  # no full citation of Brown 2019: kept as written
    assert brown.refers_back is None and brown.title is None


def test_german_author_date_notes_point_to_the_full_citation():
    """German notes: "Vgl." (with or without its space) leads in, "S." gives the page."""
    notes = _notes("A.[^1] B.[^2] C.[^3]\n\n"
                   "[^1]: Müller, Hans (2019): *Die kleine Form*. Stuttgart: Metzler.\n"
                   "[^2]: Vgl. Müller 2019, S. 45.\n[^3]: Vgl.Müller 2019, S.46\n")
    full = notes[0].references[0]
    assert [(r.title, r.pages, r.refers_back) for n in notes[1:] for r in n.references] == [
        (full.title, "45", "short"), (full.title, "46", "short")]


def test_a_note_of_only_the_authors_of_the_note_before_repeats_its_source():
    """biblatex's notes repeat the citation of the note before by its authors alone; names
    that are not its first author's point back to nothing."""
    notes = _notes("A.[^1] B.[^2] C.[^3]\n\n"
                   "[^1]: Veen, M. and Morales, J. (2015). The Roman spice trade. *Journal of "
                   "Ethnopharmacology* 167, 54-63.\n[^2]: Veen and Morales.\n[^3]: Reuters.\n")
    full = notes[0].references[0]
    (again,) = notes[1].references
    assert (again.title, again.refers_back) == (full.title, "ibid")
    assert notes[2].references[0].refers_back is None


def test_an_author_date_citation_of_two_works_of_that_year_is_not_guessed():
    text = AUTHOR_DATE.replace("[^5]: Brown 2019, 3.",
                               "[^5]: Smith, J. (2020). *Other Work*. London: Verso.")
    assert _notes(text)[1].references[0].refers_back is None


def test_op_cit_points_to_the_latest_full_citation_of_that_author():
    notes = _notes("A.[^1] B.[^2] C.[^3] D.[^4]\n\n"
                   "[^1]: Jane Smith, *Borders and Belonging* (London: Verso, 2020), 4.\n"
                   "[^2]: Kim Jones, *Remote Work* (Oxford: OUP, 2021), 7.\n"
                   "[^3]: Smith, op. cit., p. 9.\n"
                   "[^4]: Brown, op. cit., 2.\n")
    cited = notes[2].references[0]
    assert (cited.title, cited.pages, cited.refers_back) == ("Borders and Belonging", "9",
                                                             "short")
    assert notes[3].references[0].refers_back is None  # no Brown cited before


def test_supra_note_points_to_the_authors_work_cited_before():
    notes = _notes("A.[^1] B.[^2] C.[^3]\n\n"
                   "[^1]: Jane Smith, *Borders and Belonging* (London: Verso, 2020), 4.\n"
                   "[^2]: Smith, *supra* note 1, at 240.\n"
                   "[^3]: Smith, supra, at 12.\n")
    for note, pages in zip(notes[1:], ("240", "12"), strict=True):
        ref = note.references[0]
        assert (ref.title, ref.pages, ref.refers_back) == ("Borders and Belonging", pages,
                                                           "short")


def test_an_author_and_pages_alone_point_to_that_authors_latest_work():
    notes = _notes("A.[^1] B.[^2] C.[^3] D.[^4]\n\n"
                   "[^1]: Webb, Nick (2005). *Wish You Were Here*. London: Headline.\n"
                   "[^2]: Webb, page 324.\n"
                   "[^3]: Ibid. Page 32.\n"
                   "[^4]: Gaiman, pages 61–66.\n")
    webb, ibid = notes[1].references[0], notes[2].references[0]
    assert (webb.title, webb.pages, webb.refers_back) == ("Wish You Were Here", "324", "short")
    assert (ibid.title, ibid.pages, ibid.refers_back) == ("Wish You Were Here", "32", "ibid")
    assert notes[3].references[0].refers_back is None  # Gaiman was never cited in full


def test_an_author_and_bare_pages_point_to_that_authors_latest_work():
    """Chicago's shortest form, "Popkin, 71.", when the author was cited in full before."""
    notes = _notes("A.[^1] B.[^2] C.[^3] D.[^4]\n\n"
                   "[^1]: Jeremy D. Popkin, *From Herodotus to H-Net* (New York: Oxford "
                   "University Press, 2016), 57.\n"
                   "[^2]: Popkin, 71.\n[^3]: Popkin, 53-54, 60.\n[^4]: Lenin, 20-21.\n")
    for note, pages in zip(notes[1:3], ("71", "53-54, 60"), strict=True):
        ref = note.references[0]
        assert (ref.title, ref.pages, ref.refers_back) == ("From Herodotus to H-Net", pages,
                                                           "short")
    assert notes[3].references[0].refers_back is None  # Lenin was never cited in full


def test_a_citation_after_a_lead_in_sentence_is_read():
    """'For a discussion of this point, see …' opens like commentary; a whole citation with
    its imprint after it is still a source (it was dropped with the note)."""
    (ref,) = parse("For a discussion of this point, see Alexander Cooley, *Great Games, Local "
                   "Rules: The New Great Power Contest in Central Asia* (Oxford: Oxford "
                   "University Press, 2012), 55–60.")
    assert (ref.title, ref.year, ref.publisher) == (
        "Great Games, Local Rules: The New Great Power Contest in Central Asia", 2012,
        "Oxford University Press")


def test_what_a_cited_work_lacks_is_said_once_where_it_is_cited_in_full():
    from footcheck.model import Document
    from footcheck.pipeline import audit

    text = ("A.[^1] B.[^2]\n\n[^1]: Cooley, *Great Games*, 61.\n[^2]: Ibid.\n")
    report = audit(Document.from_text(text, path="brief.md"))
    assert [(f.code, f.number) for f in report.findings] == [("FC405", 1)]


def test_the_bibliography_is_read_only_when_a_short_form_looks_for_its_work():
    from footcheck.references import parse, refer_back

    def bibliography():
        read.append(True)
        yield from parse("Lowi, Miriam R. Water and Power: The Politics of a Scarce Resource. "
                         "Cambridge: Cambridge University Press, 1993.")

    read: list[bool] = []
    full = [("endnotes", parse("Smith, John. *Rents*. London: Verso, 2020, 4."))]
    refer_back(full, bibliography())
    assert read == []  # no short form: its hundred entries cost nothing
    short = [*full, ("endnotes", parse("Lowi, Water and Power, 45."))]
    found = refer_back(short, bibliography())
    assert read == [True]
    assert found[1][0].refers_back == "short" and found[1][0].year == 1993


def test_an_author_of_one_work_named_alone_cites_that_work():
    """biblatex's terse notes: "Cherfas." for the one work of Cherfas the bibliography
    lists; an author of two works, or of none, is no citation of one."""
    from footcheck.references import parse, refer_back

    listed = [*parse("Cherfas, Jeremy. World's Oldest Tea. Washington: NPR Books, 2016."),
              *parse("Miller, James. The Spice Trade. Oxford: Clarendon Press, 1969."),
              *parse("Miller, James. Roman Trade. Oxford: Clarendon Press, 1972.")]
    notes = [("footnotes", parse(text)) for text in ("Cherfas.", "Miller.", "Reuters.")]
    found = refer_back(notes, listed)
    assert (found[0][0].refers_back, found[0][0].year) == ("short", 2016)
    assert found[1][0].refers_back is None and found[2][0].refers_back is None


@pytest.mark.parametrize("text", ["See note 3.", "Cf. notes 4–6 above.", "See above, note 12.",
                                  "See n. 12.", "See notes 3 and 7."])
def test_a_note_that_sends_to_another_note_cites_nothing(text):
    from footcheck.references import parse_sources

    assert parse_sources(text) == ()


@pytest.mark.parametrize("lead", ["Author's calculations based on ", "Data from ", "Source: ",
                                  "Based on "])
def test_the_source_after_a_lead_in_is_read(lead):
    from footcheck.references import parse_sources

    text = lead + "World Bank, *Georgia Economic Update* (Washington, DC: World Bank, 2023), 5."
    [source] = parse_sources(text)
    ref = source.reference
    assert (ref.authors, ref.title, ref.year) == (("World Bank",), "Georgia Economic Update",
                                                  2023)
    assert text[source.start:].startswith("World Bank")


@pytest.mark.parametrize("text, date", [
    ("[Name withheld], interview with the author, Tbilisi, 2023.", "2023"),
    ("Author's interviews with relocants in Tbilisi, March–April 2023.", "2023-04"),
])
def test_the_authors_interviews_are_personal_communications(text, date):
    from footcheck.references import parse_sources

    [source] = parse_sources(text)
    assert (source.reference.type, source.reference.date) == ("personal_communication", date)
    assert source.missing == ("title",)  # (a personal communication needs none: see checks)


@pytest.mark.parametrize("text, pages", [("Ibid., pp. 12 ff.", "12 ff."),
                                         ("Ibid., 14 (emphasis added).", "14")])
def test_ibid_with_following_pages_or_a_remark(text, pages):
    from footcheck.references import _IBID, _pages

    assert _pages(_IBID.fullmatch(text)["pages"]) == pages


@pytest.mark.parametrize("text", [
    "Wikipedia, „Open Source“, unter: https://de.wikipedia.org/wiki/Open_Source",
    "Wikipedia, « Open Source », disponible sur : https://fr.wikipedia.org/wiki/Open_source",
])
def test_the_words_before_an_address_are_no_part_of_the_title(text):
    title = parse(text)[0].title
    assert title is not None and title.strip("„“«» ") == "Open Source"
