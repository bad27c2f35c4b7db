"""Dates written oddly (ISO, misspelt, impossible), names with digits, imprints and documents an
organisation issued: how the parser reads them, and what the reference rules then say."""

from __future__ import annotations

from dataclasses import replace

import pytest

from footcheck.checks.references import check
from footcheck.model import Extraction, Reference
from footcheck.references import cited_without_title, parse, parse_sources
from footcheck.urls import normalise_url
from footcheck.works import group
from helpers import make_extraction


def one(text: str) -> Reference:
    refs = parse(text)
    assert len(refs) == 1, refs
    return refs[0]


def extraction(*texts: str) -> Extraction:
    """A document with one note per text, one a line."""
    return make_extraction("\n".join(texts) + "\n")


def messages(*texts: str) -> list[str]:
    return [f"{f.kind}: {f.message}" for f in check(extraction(*texts))]


# --- dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "date"), [
    ("2023-03-13", "2023-03-13"),
    ("2023-03", "2023-03"),
    ("2024-02-29", "2024-02-29"),
])
def test_iso_dates_are_read(written: str, date: str) -> None:
    ref = one(f"Lee, Ann. 'A title,' *Outlet*. {written}.")
    assert (ref.date, ref.year) == (date, 2023 if written.startswith("2023") else 2024)


def test_iso_date_in_a_url_is_not_the_note_s_date() -> None:
    ref = one("Lee, Ann (2021). 'A title,' *Outlet*. <https://o.example/2023-03-13/a>")
    assert ref.date == "2021"


def test_a_span_of_years_is_no_year_and_month() -> None:
    assert one("Lee, Ann. 'A title,' *Outlet*. 2010-11.").date == "2010"


@pytest.mark.parametrize("month", ["Sepember", "Septmber", "Febuary", "Agust"])
def test_a_misspelt_month_is_no_month(month: str) -> None:
    ref = one(f"Lee, Ann. 'A title,' *Outlet*. 5 {month} 2023.")
    assert (ref.date, ref.year) == ("2023", 2023)


def test_abbreviations_of_september_still_read() -> None:
    assert one("Lee, Ann. 'T,' *Outlet*. 5 Sept 2023.").date == "2023-09-05"
    assert one("Lee, Ann. 'T,' *Outlet*. Sep 5, 2023.").date == "2023-09-05"


@pytest.mark.parametrize(("written", "date"), [
    ("30 February 2023", "2023-02"),
    ("February 30, 2023", "2023-02"),
    ("31 April 2022", "2022-04"),
    ("29 February 2023", "2023-02"),  # not a leap year
    ("29 February 2024", "2024-02-29"),
    ("2023-02-30", "2023-02"),
])
def test_an_impossible_day_leaves_the_month(written: str, date: str) -> None:
    assert one(f"Lee, Ann. 'A title,' *Outlet*. {written}.").date == date


def test_an_impossible_day_without_a_year_takes_the_lead_s_year() -> None:
    assert one("Lee, Ann (2023). 'A title,' *Outlet*. 29 February.").date == "2023-02"
    assert one("Lee, Ann (2024). 'A title,' *Outlet*. 29 February.").date == "2024-02-29"
    assert one("Lee, Ann (2023). 'A title,' *Outlet*. 30 February.").date == "2023-02"


@pytest.mark.parametrize("number", [1600, 1999, 2023, 2099])
def test_a_name_with_digits_is_not_a_year(number: int) -> None:
    ref = one(f"Author{number}, First. (2019). 'Some title here,' *Meduza*. 3 March. "
              f"Available at: <https://www.example.org/2019/03/03/x-{number}>.")
    assert ref.authors == (f"Author{number}, First",)
    assert (ref.year, ref.date, ref.title) == (2019, "2019-03-03", "Some title here")


def test_a_year_suffix_still_reads() -> None:
    assert one("Lee, Ann. 'A title,' *Outlet*, 2021a.").year == 2021


# --- imprints and reports ---------------------------------------------------------------------

def test_report_with_place_and_publisher() -> None:
    source = parse_sources("Remote Work Survey 2023. Bishkek: Institute of Labour Studies.")[0]
    ref = source.reference
    assert (ref.title, ref.publisher, ref.year, ref.date) == (
        "Remote Work Survey 2023", "Institute of Labour Studies", 2023, "2023")
    assert source.place == "Bishkek"
    assert ref.type == "report"
    assert ref.authors == ()


@pytest.mark.parametrize(("text", "kind"), [
    # GOST: an article's number in its journal and its pages
    ("Иванов И. И. Рубль и переводы // Вопросы экономики. — 2023. — № 5. — С. 22–41.",
     "article-journal"),
    # a numbered paper of a series, cited whole or at one page
    ("Inozemstev, V. The Exodus of the Century. *Russie. Eurasie. Visions*, No. 129, Ifri, "
     "July 2023.", "report"),
    ("Inozemstev, V. The Exodus of the Century. *Russie. Eurasie. Visions*, No. 129, Ifri, "
     "July 2023, p. 12.", "report"),
])
def test_a_numbered_issue_with_a_range_of_pages_is_a_journal_s(text: str, kind: str) -> None:
    assert one(text).type == kind


def test_an_institute_read_as_the_place_is_the_publisher() -> None:
    """``No. 129, Ifri, July 2023``: the labeller may take the institute for a city; a place
    the outlet table knows as an outlet is the publisher (a city stays a place)."""
    ref = one("Inozemstev, V. The Exodus of the Century. *Russie. Eurasie. Visions*, No. 129, "
              "Ifri, July 2023.")
    assert (ref.publisher, ref.place) == ("Ifri", None)
    assert one("Doe, Jane (2019). *Borders*. Cambridge, MA: MIT Press.").place == "Cambridge, MA"


def test_place_with_its_state() -> None:
    source = parse_sources("Doe, Jane (2019). *Borders*. Cambridge, MA: MIT Press.")[0]
    assert (source.reference.publisher, source.place) == ("MIT Press", "Cambridge, MA")
    assert source.reference.type == "book"


def test_an_imprint_keeps_the_title_of_an_undated_work() -> None:
    ref = one("The Long Road Home. London: Verso.")
    assert (ref.title, ref.publisher, ref.date) == ("The Long Road Home", "Verso", None)


def test_a_date_ending_a_report_s_title_dates_it_without_another_date() -> None:
    assert one("Annual Report 2022. Washington, DC: World Bank.").date == "2022"
    assert one("Annual Report 2022. Washington, DC: World Bank. 3 May 2023.").date == \
        "2023-05-03"
    assert one("Policy Brief, February 2024. Vienna: ICMPD.").date == "2024-02"
    assert one("National Bank of Georgia, Monetary Policy Report, February 2023, 17."
               ).date == "2023-02"
    # not a book's title, where a year is more often its subject
    assert one("*Moscow 1937*. London: Polity.").date is None


# --- documents an organisation issued ---------------------------------------------------------

def test_organisation_press_release_with_date() -> None:
    source = parse_sources("Central Bank press release, 15 January 2024.")[0]
    ref = source.reference
    assert ref.authors == ("Central Bank",)
    assert (ref.title, ref.date, ref.year) == (None, "2024-01-15", 2024)
    assert ref.genre == source.genre == "press release"
    assert ref.type == "report"
    assert cited_without_title(ref)


@pytest.mark.parametrize(("text", "author", "genre", "date"), [
    ("Ministry of Foreign Affairs statement, 3 March 2023. https://mfa.example/s",
     "Ministry of Foreign Affairs", "statement", "2023-03-03"),
    ("Ministry of Foreign Affairs Press Statement, 3 March 2023.",
     "Ministry of Foreign Affairs", "Press Statement", "2023-03-03"),
    ("Associated Press statement, 3 March 2023.", "Associated Press", "statement",
     "2023-03-03"),
    ("Human Rights Watch report, 2023.", "Human Rights Watch", "report", "2023"),
    ("National Bank of Kazakhstan news release, 5 May 2023. Available at: "
     "<https://nationalbank.example/x>", "National Bank of Kazakhstan", "news release",
     "2023-05-05"),
])
def test_organisation_document_kinds(text: str, author: str, genre: str, date: str) -> None:
    ref = one(text)
    assert (ref.authors, ref.genre, ref.date, ref.title) == ((author,), genre, date, None)


def test_organisation_statement_with_a_title() -> None:
    ref = one("European Commission statement, 'Sanctions renewed,' 9 June 2023.")
    assert (ref.authors, ref.title, ref.date) == (("European Commission",), "Sanctions renewed",
                                                  "2023-06-09")


@pytest.mark.parametrize("text", [
    "The annual report, 2023.",  # no organisation before the kind
    "Yusupova press release, Guzel. 'Empire in Exile,' June 2023.",  # a name goes on after it
    "Kazakhstan report finds rising rents. Outlet. 3 May 2023.",  # a headline
])
def test_not_an_organisation_s_document(text: str) -> None:
    """No organisation is read as issuing a document of that kind (the labeller may still
    call "annual report" the kind of a source that names no one)."""
    assert not any(r.genre and r.authors for r in parse(text))


# --- what the rules say -----------------------------------------------------------------------

def test_complete_report_and_press_release_are_not_unparsed() -> None:
    assert messages("Remote Work Survey 2023. Bishkek: Institute of Labour Studies.",
                    "Central Bank press release, 15 January 2024.") == []


def test_press_release_without_date_is_still_unparsed() -> None:
    assert messages("Central Bank press release.") == [
        "unparsed-reference: no date could be identified for 'Central Bank'"]


def test_a_person_s_untitled_report_still_lacks_a_title() -> None:
    assert messages("Yusupova, Guzel. Report. 2023.") == [
        "unparsed-reference: no title could be identified for 'Yusupova, Guzel'"]


def test_an_undated_imprint_lacks_only_the_date() -> None:
    assert messages("The Long Road Home. London: Verso.") == [
        "unparsed-reference: no date could be identified for 'The Long Road Home'"]


def test_impossible_date_does_not_stop_the_check() -> None:
    found = messages("Lee, Ann. 'A title,' *Outlet*. 30 February 2023. "
                     "<https://o.example/2023/02/28/a>")
    assert found == []  # the month agrees with the URL; the day is not compared


def test_checked_references_with_an_impossible_day_are_skipped() -> None:
    # references filled by someone else may carry a date that is no day of the calendar
    ref = Reference(authors=("Doe, J.",), title="T", date="2023-02-30",
                    urls=("https://o.example/2023/02/28/t",), raw="Doe")
    ext = extraction("Doe")
    filled = replace(ext, notes=tuple(replace(n, references=(ref,)) for n in ext.notes))
    assert list(check(filled)) == []


# --- URLs urllib cannot read ------------------------------------------------------------------

@pytest.mark.parametrize("url", ["https://x.org:abc/", "https://x.org:99999999/p",
                                 "http://[::1/page", "https://ex\uff03ample.org/a",
                                 "https://x.org/?q=\ud800"])
def test_malformed_urls_are_normalised_as_written(url: str) -> None:
    assert normalise_url(url)


def test_odd_port_does_not_stop_grouping_or_checking() -> None:
    texts = ("Lee, Ann. 'A title,' *Outlet*. 3 March 2023. https://x.org:abc/a/",
             "Lee, Ann. 'Another title,' *Outlet*. 3 March 2023. https://x.org:abc/a",
             "Lee, Ann. 'A title,' *Outlet*. 3 March 2023. https://WWW.x.org:abc/a#top")
    assert normalise_url(texts[0].split()[-1]) == "x.org:abc/a"
    assert len(group(extraction(*texts).notes)) == 1
    assert [m.split(":")[0] for m in messages(*texts)] == ["variant-citation"]


def test_an_undated_web_page_cited_with_the_day_it_was_read_has_its_date() -> None:
    """Chicago and MLA cite a page that gives no date of its own with the day it was read."""
    assert messages('Food and Agriculture Organization, "AQUASTAT Core Database," accessed '
                    "March 3, 2024, https://www.fao.org/aquastat/en/databases/maindatabase.") == []
    assert messages('Food and Agriculture Organization, "AQUASTAT Core Database," '
                    "https://www.fao.org/aquastat/en/databases/maindatabase.") == [
        "unparsed-reference: no date could be identified for 'AQUASTAT Core Database'"]


@pytest.mark.parametrize("text", ["Law of Georgia No. 2873-XVIth, 30 May 2023.",
                                  "Law of the Kyrgyz Republic No. 12, 20 January 2024."])
def test_an_act_cited_by_its_kind_and_number_is_whole(text: str) -> None:
    """"Law of <country> No. …" names the act: no author or title is missing."""
    [ref] = parse(text)
    assert ref.type == "legislation" and ref.genre == text.split(",")[0]
    assert messages(text) == []


def test_an_act_without_its_number_is_still_reported() -> None:
    from footcheck.model import Document
    from footcheck.pipeline import audit

    report = audit(Document.from_text("Text.^{1}\n\n^{1} Law of Georgia, 2023.\n"))
    assert [f.code for f in report.findings] in (["FC203"], ["FC405"])  # as the labeller reads it
