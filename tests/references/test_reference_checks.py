"""The reference rules (footcheck.checks.references) on the sample and on small documents."""

from __future__ import annotations

import pytest
from refs_sample import sample_extraction

from footcheck.checks.references import check, name_matches_host, url_date
from footcheck.model import Document, Extraction, Note


def extraction(*texts: str, series: str = "endnotes") -> Extraction:
    """A document with one note per text, each on its own line: '^{N} text'."""
    lines = [f"^{{{i}}} {t}" for i, t in enumerate(texts, 1)]
    doc = Document.from_text("\n".join(lines) + "\n")
    notes = []
    for i, text in enumerate(texts, 1):
        start = doc.line_starts[i - 1] + len(f"^{{{i}}} ")
        notes.append(Note(label=str(i), token=str(i), number=i, series=series,
                          notation="superscript", line=i, column=len(f"^{{{i}}} ") + 1,
                          end_line=i, text=text, spans=((start, start + len(text)),)))
    return Extraction(document=doc, notes=tuple(notes), markers=())


def kinds(findings) -> list[tuple[str, int | None]]:
    return [(f.kind, f.number) for f in findings]


@pytest.fixture(scope="module")
def sample_findings():
    return list(check(sample_extraction()))


def by_kind(findings, kind: str):
    return [f for f in findings if f.kind == kind]


def test_sample_variant_citations(sample_findings) -> None:
    found = by_kind(sample_findings, "variant-citation")
    assert sorted(f.number for f in found) == [7, 36, 47]
    meduza = next(f for f in found if f.number == 7)
    assert "note LVIII" in meduza.message and "title" in meduza.message
    assert meduza.suggestion == "Russia's wartime emigration sparks a \"reckoning\" in Central Asia"
    poghosyan = next(f for f in found if f.number == 36)
    assert "Benjamin" in poghosyan.message and poghosyan.suggestion == "Poghosyan, Benyamin"
    assert poghosyan.column > 100  # the second source of note xxxvi, not the note's start


def test_sample_date_mismatches(sample_findings) -> None:
    found = by_kind(sample_findings, "date-mismatch")
    # Berkhead (xlvi, XLVIII): 5 December vs /2022/12/04/; Meduza: 9 vs /2023/02/10/ (×6).
    assert sorted(f.number for f in found) == [7, 46, 48, 58, 65, 89, 91, 93]
    xlvi = next(f for f in found if f.number == 46)
    assert "5 December 2022" in xlvi.message and "4 December 2022" in xlvi.message
    assert xlvi.line == 251


def test_sample_publisher_mismatches(sample_findings) -> None:
    found = by_kind(sample_findings, "publisher-mismatch")
    assert sorted(f.number for f in found) == [9, 13]
    xiii = next(f for f in found if f.number == 13)
    assert "Eurasianet" in xiii.message and "rferl.org" in xiii.message
    assert xiii.suggestion == "Radio Free Europe/Radio Liberty"
    forbes = next(f for f in found if f.number == 9)
    assert "edition" in forbes.message


def test_sample_repeated_notes(sample_findings) -> None:
    found = by_kind(sample_findings, "repeated-note")
    assert sorted(f.number for f in found) == [38, 50, 63, 69, 71, 77, 97]
    assert all(f.suggestion == "Ibid." for f in found)


def test_sample_unparsed_references(sample_findings) -> None:
    found = by_kind(sample_findings, "unparsed-reference")
    assert sorted(f.number for f in found) == [44, 57, 87]
    assert "get source here" in next(f for f in found if f.number == 87).message
    assert "date" in next(f for f in found if f.number == 57).message


def test_findings_are_sorted_and_carry_series(sample_findings) -> None:
    assert sample_findings == sorted(sample_findings, key=lambda f: (f.line, f.column, f.code))
    assert all(f.series == "endnotes" for f in sample_findings)


def test_clean_document_is_silent() -> None:
    ex = extraction(
        "Kucera, Joshua. (2023). 'After A Frosty Reception,' Radio Free Europe/Radio Liberty. "
        "24 January. Available at: <https://www.rferl.org/a/georgia/32784835.html>",
        "Lillis, Joanna (2023). Kazakhstan: New rules. *Eurasianet*. Jan 17. Available at: "
        "<https://eurasianet.org/kazakhstan-new-rules>",
        "Reuters. Russians who back Ukraine. 10 October 2023. Available at: "
        "<https://www.reuters.com/world/russians-back-ukraine-2023-10-10/>",
        "Kucera, Joshua. (2023). 'After a frosty reception,' *Radio Free Europe/Radio Liberty*. "
        "24 January. Available at: <https://rferl.org/a/georgia/32784835.html>",
        "Higgins, Andrew. (2022). 'Russians Fleeing the Draft,' The New York Times. 5 October. "
        "Available at: <https://www.nytimes.com/2022/10/05/world/asia/russians.html>",
    )
    assert list(check(ex)) == []


def test_variant_author_spelling_same_url() -> None:
    ex = extraction(
        "Inozemtsev, V. The Exodus. *Visions*, July 2023. https://www.ifri.org/a.pdf",
        "Inozemstev, V. The Exodus. *Visions*, July 2023. https://ifri.org/a.pdf",
        "Inozemtsev, V. The Exodus. *Visions*, July 2023. https://www.ifri.org/a.pdf#p=2",
    )
    found = list(check(ex))
    assert kinds(found) == [("variant-citation", 2)]
    assert "note 1" in found[0].message and found[0].suggestion == "Inozemtsev, V."


def test_variant_date_but_not_missing_or_coarser_date() -> None:
    ex = extraction(
        "Doe, J. (2023). 'Rents in Almaty,' Outlet. 5 May. <https://o.example/a>",
        "Doe, J. (2023). 'Rents in Almaty,' Outlet. 6 May. <https://o.example/a>",
        "Doe, J. (2023). 'Rents in Almaty,' Outlet. <https://o.example/a>",
    )
    assert kinds(check(ex)) == [("variant-citation", 2)]


def test_access_date_is_not_a_publication_date() -> None:
    ex = extraction("Doe, J. (2022). 'T,' Outlet. <https://o.example/2022/12/04/t>. "
                    "Accessed 5 December 2022.")
    assert list(check(ex)) == []


def test_date_mismatch_needs_day_precision() -> None:
    ex = extraction("Doe, J. (2022). 'T,' Outlet. December. <https://o.example/2022/12/04/t>")
    assert list(check(ex)) == []
    ex = extraction("Doe, J. (2022). 'T,' Outlet. 5 December. <https://o.example/2022/12/04/t>")
    assert kinds(check(ex)) == [("date-mismatch", 1)]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://x.example/2022/12/04/slug", "2022-12-04"),
    ("https://x.example/2023/4/13/slug", "2023-04-13"),
    ("https://x.example/world/slug-2023-05-17/", "2023-05-17"),
    ("https://x.example/20221018/slug.html", "2022-10-18"),
    ("https://x.example/search?q=2023-04-06", None),
    ("https://x.example/files/2023-09/report.pdf", None),
])
def test_url_date(url: str, expected: str | None) -> None:
    found = url_date(url)
    assert (found[0].isoformat() if found else None) == expected


def test_publisher_mismatch_is_silent_when_it_cannot_tell() -> None:
    ex = extraction(
        # a wire story carried by another site
        "Reuters. 'Wire story.' 1 May 2023. <https://www.themoscowtimes.com/2023/05/01/w>",
        # an outlet not in the table
        "Doe, J. (2023). 'T,' Some Blog. 1 May. <https://www.rferl.org/a/1.html>",
        # a search engine or an archive
        "Doe, J. (2023). 'T,' *Caravanserai*. 6 April. <https://www.google.com/search?q=x>",
        "Doe, J. (2023). 'T,' Eurasianet. 2 May. <https://web.archive.org/web/2023/https://x>",
        # the brand covers its editions
        "Forbes. 'Edition story.' 3 May 2023. <https://forbes.kz/a/b>",
        # one broadcaster's services
        "Radio Azattyk. 'Service story.' 4 May 2023. <https://rus.azattyq.org/a/1.html>",
        # the portal an institution's own site is under (the Commission's press releases)
        "European Commission. 'Study shows.' 27 February 2014. "
        "<https://europa.eu/rapid/press-release_MEMO-14-136_en.htm>",
    )
    assert list(check(ex)) == []


def test_publisher_mismatch_between_the_sites_of_two_institutions_under_one_portal() -> None:
    ex = extraction("European Commission. 'Debate.' 3 May 2023. "
                    "<https://www.europarl.europa.eu/news/en/a>")
    assert kinds(check(ex)) == [("publisher-mismatch", 1)]


def test_publisher_mismatch_known_outlet_on_another_known_site() -> None:
    ex = extraction("Doe, J. (2023). 'T,' The Washington Post. 1 May. "
                    "<https://www.nytimes.com/2023/05/01/t.html>")
    found = list(check(ex))
    assert kinds(found) == [("publisher-mismatch", 1)]
    assert found[0].suggestion == "The New York Times"


@pytest.mark.parametrize(("name", "host", "expected"), [
    ("Novaya Gazeta", "novayagazeta.eu", True),
    ("Zentrum fur Osteuropa-und internationale Studien", "www.zois-berlin.de", True),
    ("EurAsia Daily", "eadaily.com", True),
    ("European Union Agency for Asylum", "euaa.europa.eu", True),
    ("Eurasianet", "www.rferl.org", False),
    ("The Moscow Times", "www.nytimes.com", False),
])
def test_name_matches_host(name: str, host: str, expected: bool) -> None:
    assert name_matches_host(name, host) is expected


def test_repeated_note_only_within_a_series_and_after_whitespace_normalisation() -> None:
    ex = extraction("Doe, J. (2023). 'T,' Outlet. 1 May. <https://o.example/a>",
                    "Doe, J.  (2023). 'T,'   Outlet. 1 May. <https://o.example/a>")
    assert kinds(check(ex)) == [("repeated-note", 2)]
    a, b = ex.notes
    other = Extraction(ex.document, (a, Note(**{**b.__dict__, "series": "footnotes"})), ())
    assert list(check(other)) == []


def test_a_note_copied_whole_with_its_number_is_a_duplicate_not_a_repeat() -> None:
    ex = extraction("Doe, J. (2023). 'T,' Outlet. 1 May. <https://o.example/a>",
                    "Doe, J. (2023). 'T,' Outlet. 1 May. <https://o.example/a>")
    a, b = ex.notes
    copied = Extraction(ex.document, (a, Note(**{**b.__dict__, "number": a.number})), ())
    assert list(check(copied)) == []


def test_unparsed_reference_says_what_is_missing() -> None:
    ex = extraction("TK", "Doe, J. (2023). 6 December.", "<https://only.example/url>",
                    "Doe, Jeff (2023). Personal Communication. 6 December.")
    found = list(check(ex))
    assert kinds(found) == [("unparsed-reference", 1), ("unparsed-reference", 2)]
    assert "no author or title" in found[0].message
    assert "no title" in found[1].message


def test_notes_with_references_are_not_reparsed() -> None:
    from footcheck.model import Reference

    ref = Reference(authors=("Doe, J.",), title="T", date="2022-12-05",
                    urls=("https://o.example/2022/12/04/t",), raw="whatever")
    ex = extraction("whatever")
    ex = Extraction(ex.document, (Note(**{**ex.notes[0].__dict__, "references": (ref,)}),), ())
    assert kinds(check(ex)) == [("date-mismatch", 1)]


def test_two_anchors_of_one_page_are_not_variant_citations():
    from footcheck.model import Document
    from footcheck.pipeline import audit

    text = ("Functions.^{1} And.^{2}\n\n"
            "^{1} Python docs, 'fsencode'. https://docs.python.org/3/library/os.html#os.fsencode\n"
            "^{2} Python docs, 'fsdecode'. https://docs.python.org/3/library/os.html#os.fsdecode\n")
    assert [f.code for f in audit(Document.from_text(text)).findings
            if f.code == "FC401"] == []
    same = text.replace("#os.fsdecode", "#os.fsencode")
    assert [f.code for f in audit(Document.from_text(same)).findings
            if f.code == "FC401"] == ["FC401"]


def test_an_unsigned_news_item_needs_no_author() -> None:
    signed_by_nobody = ('"Kazakhstan to raise fuel prices," *Reuters*, 5 January 2022, '
                        "https://www.reuters.com/world/asia-pacific/kazakhstan-raise-fuel-"
                        "prices-2022-01-05/.")
    assert kinds(check(extraction(signed_by_nobody))) == []
    bare_title = "Kazakhstan to raise fuel prices. 5 January 2022."  # no outlet: who wrote it?
    assert kinds(check(extraction(bare_title))) == [("unparsed-reference", 1)]


@pytest.mark.parametrize("note", [
    "Jane Smith is a senior fellow at the Caucasus Policy Institute. The views expressed are "
    "her own.",
    "All figures are in current US dollars. Conversions use the average annual exchange rate.",
    "John Doe was Georgia's ambassador to France from 2015 to 2019. He now teaches at Ilia "
    "State University.",
    "The Central Bank did not respond to a request for comment. A spokesperson later declined "
    "to give figures.",
    "Data for Abkhazia and South Ossetia are not included. See the methodology note for "
    "details.",
    "Interviews were conducted in Russian and Georgian. Quotations have been lightly edited.",
    "This brief was written before the elections of October 2024.",
    "Here and below, “migrants” means Russian citizens who arrived after February 2022.",
    "Les chiffres sont arrondis. Les données de 2024 sont provisoires.",
    "Все цифры округлены. Данные за 2024 год являются предварительными.",
    "Emphasis added.",
    "Translation by the author.",
    "Emphasis in original.",
])
def test_notes_that_explain_cite_nothing(note: str) -> None:
    from footcheck.references import is_explanatory, parse_sources

    assert is_explanatory(note)
    assert parse_sources(note) == ()
    assert kinds(check(extraction(note))) == []


@pytest.mark.parametrize("note", [
    "Ministry of Finance report on the budget.",  # incomplete, but a source: no clause
    "Interview with a government official.",
    "Haddad, Samir. The price of bread is rising. Oxford University Press, 2019.",
    "Jane Smith, Why the housing market is broken (London: Verso, 2020), 12.",
    "Reuters, Georgia raises rates as inflation is rising, 15 March 2023.",
    "Smith, J. (2020). Why rents are rising. Sage, 2020.",
    "Jane Smith, 'Why rents are rising and what it means', Guardian, 2 May 2023.",
    "See the report by the Ministry of Economy, which was published in March 2023.",
    "The minister was interviewed in Tbilisi, 3 March 2023.",
    "Jane Smith, “Why rents are rising,” Guardian, 2 May 2023.",
    "Reuters reported that the \"new wave\" is smaller, 3 May 2023.",
    "Bundesamt für Migration und Flüchtlinge, Das Bundesamt in Zahlen 2022, Nürnberg 2023.",
    "Иванов И. И. Миграция и рынок труда. — М.: Наука, 2020. — 256 с.",
])
def test_citations_and_incomplete_sources_are_not_explanations(note: str) -> None:
    from footcheck.references import is_explanatory, parse_sources

    assert not is_explanatory(note)
    if note[-6:-1].isdigit():  # a dated citation: read as a source
        assert parse_sources(note) != ()


def test_a_page_of_links_every_note_cites_is_no_work_of_theirs():
    """A book whose notes each say "available at link no. N" with one address, its page of
    links: no variant-citation; one work cited three times with one slip still is."""
    links = extraction(
        "Black, J. 'Big Music's Broken Record,' *Business Week*, 2003, at link no. 17 "
        "(http://free-culture.cc/notes/).",
        "Lenhart, A. 'The Ever-Shifting Internet Population,' *Pew*, 2003, at link no. 2 "
        "(http://free-culture.cc/notes/).",
        "Pogue, D. 'Don't Just Chat, Do Something,' *The New York Times*, 2000, at link "
        "no. 1 (http://free-culture.cc/notes/).",
        "Safire, W. 'The Great Media Gulp,' *The New York Times*, 2003, at link no. 4 "
        "(http://free-culture.cc/notes/).",
    )
    assert [k for k in kinds(check(links)) if k[0] == "variant-citation"] == []
    slip = extraction(*[f"Doe, J. (2023). '{title},' Outlet, p. {page}. <https://o.example/a>"
                        for page, title in enumerate(("Rents in Almaty", "Rents in Almaty",
                                                      "Rents in Almaty", "Rent in Almaty"))])
    assert [k for k in kinds(check(slip)) if k[0] == "variant-citation"] == [
        ("variant-citation", 4)]


@pytest.mark.parametrize(("title", "prose"), [
    ("These users include employees, contractors, and enterprise users, such as a mission or "
     "business partners, as described in OMB Memorandum M-19", True),
    ("Enabling Mission Delivery through Improved Identity, Credential, and Access Management",
     False),
    ("The Politics of Pension Reform in Ageing Democracies: Evidence from Twenty-Eight "
     "Countries", False),
    ("Why it is hard", False),  # a clause, but no sentence of prose
])
def test_a_sentence_read_as_a_title_gives_no_other_title(title: str, prose: bool) -> None:
    from footcheck.checks.references import _form
    from footcheck.model import Reference
    from footcheck.references import reads_as_prose

    assert reads_as_prose(title) is prose
    assert (_form("title", Reference(title=title)) is None) is prose


def test_citations_read_apart_are_no_variants() -> None:
    """Two notes citing one page whose readings differ but not the notes: a review whose
    "Review of" was read as its author, while it names the author the other note gives; a
    title read from an editor's line that the other note also gives. A surname spelled two
    ways is still a variant."""
    review = extraction(
        "[Review of](https://lit.example.org/dontPanic.htm) [Neil Gaiman](https://en.wikipedia"
        ".org/wiki/Neil_Gaiman)'s [Don't Panic](https://en.wikipedia.org/wiki/Don%27t_Panic)",
        "Gaiman, Neil: [Don't Panic: The Official Companion](https://en.wikipedia.org/wiki/"
        "Don%27t_Panic), Chapter 14. Titan Books Ltd. 1987.")
    assert [k for k in kinds(check(review)) if k[0] == "variant-citation"] == []
    edition = extraction(
        "Adams, Douglas (2003). Geoffrey Perkins (ed.), additional Material by M. J. Simpson.. "
        "ed. [The Hitchhiker's Guide: The Original Radio Scripts](https://en.wikipedia.org/w/"
        "index.php?title=Scripts). Pan Books. p. 147.",
        "[Adams, Douglas](https://en.wikipedia.org/wiki/Douglas_Adams) (2003). Geoffrey "
        "Perkins (ed.). ed. [The Hitchhiker's Guide: The Original Radio Scripts](https://en."
        "wikipedia.org/w/index.php?title=Scripts). Additional Material by M. J. Simpson. Pan "
        "Books.")
    assert [k for k in kinds(check(edition)) if k[0] == "variant-citation"] == []
    spelled = extraction("Smith, Jane. 'Rents.' *Post*, 13 March 2023. https://post.example/r",
                         "Smyth, Jane. 'Rents.' *Post*, 13 March 2023. https://post.example/r")
    assert [k for k in kinds(check(spelled)) if k[0] == "variant-citation"] == [
        ("variant-citation", 2)]
