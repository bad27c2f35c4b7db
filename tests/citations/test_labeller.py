"""The trained citation labeller: lazy loading, fields of each style, names, training."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from footcheck import citations
from footcheck.citations import data, normalise, train
from footcheck.citations.tokens import tokenize

BRIEFS = Path(citations.__file__).resolve().parent / "training" / "briefs.xml"
HELDOUT = Path(__file__).resolve().parent / "heldout-briefs.xml"


def families(f: dict) -> list[str]:
    return [a.get("family") or a.get("literal") for a in f["author"]]


def test_import_loads_no_model_and_no_pycrfsuite() -> None:
    code = ("import sys, footcheck.citations as c\n"
            "assert 'pycrfsuite' not in sys.modules\n"
            "assert getattr(c._local, 'tagger', None) is None\n"
            "c.label('Smith, J. (2020). Title. Journal, 3, 1-2.')\n"
            "assert 'pycrfsuite' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_shipped_model_is_small_package_data() -> None:
    assert citations.MODEL.exists()
    assert citations.MODEL.stat().st_size <= 10_000_000


def test_label_keeps_punctuation_as_tokens() -> None:
    pairs = citations.label("Reuters. Kazakhstan tightens visa rules. 20 December 2022.")
    assert [t for t, _ in pairs][:2] == ["Reuters", "."]
    assert {lab for _, lab in pairs} <= set(data.LABELS)
    assert dict(pairs)["Kazakhstan"] == "title"
    assert dict(pairs)["December"] == "date"


def test_chicago_note() -> None:
    f = citations.fields("Joseph A. Schumpeter, Capitalism, Socialism and Democracy "
                         "(London: Routledge, 1992), 45.")
    assert f["author"] == [{"family": "Schumpeter", "given": "Joseph A."}]
    assert f["title"] == "Capitalism, Socialism and Democracy"
    assert (f["place"], f["publisher"], f["year"], f["pages"]) == (
        "London", "Routledge", 1992, "45")
    assert f["type"] == "book"


def test_chicago_note_article() -> None:
    f = citations.fields('Madina Yusupova, "Rents and Relocants in Samarkand," *Journal of '
                         'Central Asian Studies* 12, no. 3 (2022): 44–61.')
    assert families(f) == ["Yusupova"]
    assert f["title"] == "Rents and Relocants in Samarkand"
    assert f["container"] == "Journal of Central Asian Studies"
    assert (f["volume"], f["issue"], f["year"], f["pages"]) == ("12", "3", 2022, "44-61")
    assert f["type"] == "article-journal"


def test_apa() -> None:
    f = citations.fields("Karimov, B., & Lindgren, E. (2021). Remittances and rents in "
                         "Tashkent. *Post-Soviet Affairs*, *37*(4), 301–318. "
                         "https://doi.org/10.1080/1060586X.2021.1912345")
    assert families(f) == ["Karimov", "Lindgren"]
    assert f["container"] == "Post-Soviet Affairs"
    assert f["year"] == 2021
    assert f["doi"] == "10.1080/1060586X.2021.1912345"


def test_harvard_with_access_date() -> None:
    f = citations.fields("Ahmed, S. (2022) 'The long queue', *Steppe Herald*, 28 September. "
                         "Available at: https://steppeherald.kz/2022/09/28/queue "
                         "[Accessed 3 May 2024].")
    assert f["title"] == "The long queue"
    assert f["container"] == "Steppe Herald"
    assert f["date"] == "2022-09-28"
    assert f["url"] == ["https://steppeherald.kz/2022/09/28/queue"]
    assert f["accessed"] == "2024-05-03"


def test_news_style_outlet_as_author() -> None:
    f = citations.fields("The Economist. Russians have left in huge numbers. 23 August 2023. "
                         "Available at: <https://www.economist.com/graphic-detail/2023/08/23/"
                         "russians-left>")
    assert f["author"] == [{"literal": "The Economist"}]
    assert f["title"] == "Russians have left in huge numbers"
    assert f["date"] == "2023-08-23"
    assert f["url"] == ["https://www.economist.com/graphic-detail/2023/08/23/russians-left"]


def test_news_with_author_and_markdown() -> None:
    f = citations.fields("Ahmed, Samir (2022). 'The Long Queue,' *Steppe Herald*. 28 September. "
                         "https://steppeherald.kz/2022/09/28/long-queue")
    assert families(f) == ["Ahmed"]
    assert f["title"] == "The Long Queue"
    assert f["container"] == "Steppe Herald"
    assert f["date"] == "2022-09-28"


def test_organisation_as_author() -> None:
    f = citations.fields("World Bank (2023). *Uzbekistan Economic Update*. Washington, DC.")
    assert f["author"] == [{"literal": "World Bank"}]
    assert f["title"] == "Uzbekistan Economic Update"
    assert f["place"] == "Washington, DC"
    assert f["year"] == 2023


@pytest.mark.parametrize("name", [
    "European Bank for Reconstruction and Development", "Ministry of Education and Science",
    "Bundesministerium für Wirtschaft und Klimaschutz"])
def test_an_organisation_named_with_and_is_one_author(name) -> None:
    assert normalise.split_names(name) == [{"literal": name}]
    assert [a["family"] for a in normalise.split_names("Smith, Jane, and Kim Jones")] == [
        "Smith", "Jones"]


def test_an_organisation_and_its_emphasised_title_with_a_date_read_as_a_note() -> None:
    f = citations.fields("Institute for Development of Freedom of Information, *Kakheti "
                         "Housing Overview 2020*, 15 March 2020, "
                         "<https://idfi.ge/publications/kakheti-housing-overview-2020>.")
    assert f["author"] == [{"literal": "Institute for Development of Freedom of Information"}]
    assert f["title"] == "Kakheti Housing Overview 2020"
    g = citations.fields("European Bank for Reconstruction and Development, *Kakheti Housing "
                         "Tracker 2021*, 22 April 2021, "
                         "<https://www.ebrd.com/publications/kakheti-housing-tracker-2021>.")
    assert (g["date"], g["note"]) == ("2021-04-22", None)
    h = citations.fields("Ministry of Finance of Georgia, *Basic Data and Directions "
                         "2024-2027*, Tbilisi, 29 September 2023, "
                         "<https://www.mof.ge/en/basic-data-and-directions-2024-2027>.")
    assert (h["place"], h["date"], h["note"], h["type"]) == (
        "Tbilisi", "2023-09-29", None, "webpage")


def test_markdown_link_and_escapes() -> None:
    f = citations.fields("Petrova, Anna, [Rents in Almaty](https://vlast.kz/rents-2023), "
                         "_Vlast.kz_, 14 March 2023.")
    assert f["title"] == "Rents in Almaty"
    assert f["url"] == ["https://vlast.kz/rents-2023"]
    assert f["container"] == "Vlast.kz"
    g = citations.fields(r"Japaridze, Tamar\. (2019)\. 'A City of Newcomers\.' *Civil\.ge*\.")
    assert g["year"] == 2019
    assert g["title"] == "A City of Newcomers"
    assert "\\" not in (g["container"] or "")


def test_vancouver_and_ieee() -> None:
    f = citations.fields("Tashkentova L, Ibragimov R. Rent burden among migrant households. "
                         "J Urban Econ. 2022;45(2):101-9.")
    assert families(f) == ["Tashkentova", "Ibragimov"]
    assert f["title"] == "Rent burden among migrant households"
    assert f["container"].rstrip(".") == "J Urban Econ"
    assert (f["year"], f["volume"], f["issue"]) == (2022, "45", "2")
    g = citations.fields('[4] A. Bekov and T. Lind, "Queue prediction at borders," '
                         "*IEEE Access*, vol. 11, pp. 120–131, 2023.")
    assert families(g) == ["Bekov", "Lind"]
    assert g["container"] == "IEEE Access"
    assert (g["volume"], g["pages"], g["year"]) == ("11", "120-131", 2023)


def test_gost_book_and_article() -> None:
    """GOST 7.1/7.0.5, as Russian-language briefs cite: initials after the family name, the
    "— " and "// " that open an element, "С." and "с." for pages, "№" for the issue."""
    f = citations.fields("Нуриев А. Р. Экономика Каспийского региона. — Баку: Элм, 2016. "
                         "— 304 с.")
    assert f["author"] == [{"family": "Нуриев", "given": "А. Р."}]
    assert f["title"] == "Экономика Каспийского региона"
    assert (f["place"], f["publisher"], f["year"], f["pages"]) == ("Баку", "Элм", 2016, "304")
    g = citations.fields("Шарипова З. Т., Ким В. А. Рынок труда в условиях пандемии // "
                         "Экономика региона. — 2020. — Т. 16, № 3. — С. 715–729.")
    assert families(g) == ["Шарипова", "Ким"]
    assert g["title"] == "Рынок труда в условиях пандемии"
    assert g["container"] == "Экономика региона"
    assert (g["year"], g["volume"], g["issue"], g["pages"]) == (2020, "16", "3", "715-729")
    assert g["type"] == "article-journal"


def test_an_agency_report_cited_with_commas_and_no_emphasis() -> None:
    """The European and UN habit, and any note whose italics a conversion lost."""
    f = citations.fields("Ministry of Agriculture of Armenia, Land Reform Review 2022, "
                         "Yerevan, 2023, p. 9.")
    assert f["author"] == [{"literal": "Ministry of Agriculture of Armenia"}]
    assert (f["title"], f["place"], f["year"], f["pages"]) == (
        "Land Reform Review 2022", "Yerevan", 2023, "9")
    g = citations.fields("Banco Asiático de Desarrollo, Panorama del agua en Asia central, "
                         "Manila, 2021, pág. 44.")
    assert g["author"] == [{"literal": "Banco Asiático de Desarrollo"}]
    assert (g["title"], g["pages"]) == ("Panorama del agua en Asia central", "44")


@pytest.mark.parametrize(("names", "families"), [
    # an initial is no one-letter "and" ("y", "e", "i" join names only in small letters)
    ("Hartwell E and Okonkwo C", ["Hartwell", "Okonkwo"]),
    ("Sørensen H, Chen Y and Morrison K", ["Sørensen", "Chen", "Morrison"]),
    ("Moreau I and Dubois L", ["Moreau", "Dubois"]),
    ("Rossi, M. e Bianchi, L.", ["Rossi", "Bianchi"]),
    ("Pérez, J. y García, L.", ["Pérez", "García"]),
])
def test_initials_without_stops_are_no_conjunctions(names, families) -> None:
    assert [a["family"] for a in normalise.split_names(names)] == families


def test_names_split() -> None:
    f = citations.fields("U. Kremer, H. Zima, H.-J. Bast, and M. Gerndt. Advanced tools and "
                         "techniques for automatic parallelization. Parallel Computing, "
                         "7:387–393, 1988.")
    assert families(f) == ["Kremer", "Zima", "Bast", "Gerndt"]
    assert [a["family"] for a in normalise.split_names(
        "Leonard E. Burman, and William C. Randolph")] == ["Burman", "Randolph"]
    assert [a["family"] for a in normalise.split_names(
        "Kuleshova, A., Chigaleichik, E., Podolsky, V., & Baranova, V.")] == [
        "Kuleshova", "Chigaleichik", "Podolsky", "Baranova"]
    assert normalise.split_names("Ward, A. & L. Ukenye") == [
        {"family": "Ward", "given": "A."}, {"family": "Ukenye", "given": "L."}]
    assert normalise.split_names("Ivorski, Ivalio; Kasyanenko, Sergiy") == [
        {"family": "Ivorski", "given": "Ivalio"}, {"family": "Kasyanenko", "given": "Sergiy"}]
    assert normalise.split_names("European Union Agency for Asylum") == [
        {"literal": "European Union Agency for Asylum"}]
    # initials after the family name (GOST, and Russian habits in English)
    assert normalise.split_names("Петров П. П., Сидорова А. В.") == [
        {"family": "Петров", "given": "П. П."}, {"family": "Сидорова", "given": "А. В."}]
    assert normalise.split_names("Ivanov I.I.") == [{"family": "Ivanov", "given": "I.I."}]
    assert normalise.split_names("Smith JA, Jones B") == [
        {"family": "Smith", "given": "JA"}, {"family": "Jones", "given": "B"}]
    assert normalise.split_names("Mary Jane Smith") == [
        {"family": "Smith", "given": "Mary Jane"}]


def test_container_keeps_no_volume_or_pages() -> None:
    f = citations.fields("Bloom, W. The embryology of human bone marrow. Am. J. Anat. 103 "
                         "(1958): 223-52.")
    assert f["container"] == "Am. J. Anat."
    assert f["volume"] == "103"
    assert f["year"] == 1958


def test_year_in_parentheses_after_volume() -> None:
    f = citations.fields("Zvi Griliches, 'Hybrid Corn: An Exploration in the Economics of "
                         "Technological Change,' Econometrica, Vol. 25 (1957).")
    assert f["year"] == 1957
    assert f["container"] == "Econometrica"
    assert f["volume"] == "25"


def test_a_doi_or_an_address_is_never_read_as_another_field() -> None:
    """Whatever the labeller reads (here: everything a title), an identifier keeps its own
    label: in AnyStyle's gold, ``doi:10.1787/…`` after a container was read as access date."""
    def fields(text: str) -> dict:
        tokens = citations.tokenize(text)
        return normalise.fields_of(text, tokens, ["title"] * len(tokens))

    f = fields("Standards for Data Tables. doi:10.1787/603233448430 Retrieved 2010-08-07.")
    assert f["doi"] == "10.1787/603233448430"
    assert f["title"] == "Standards for Data Tables"
    f = fields("Standards for Data Tables. https://ri.example.org/a?b=1")
    assert f["url"] == ["https://ri.example.org/a?b=1"]
    f = fields("Standards for Data Tables, 10.5 per cent of 2010/11 budgets.")
    assert f["doi"] is None and f["url"] == []
    # a link on a name is the labeller's to judge (here: a title, not the source's address)
    f = fields("Review of [Neil Gaiman](https://en.example.org/Neil_Gaiman)'s book")
    assert f["url"] == []


@pytest.mark.parametrize(("place", "publisher", "expected"), [
    ("Paris, Gallimard", None, ("Paris", "Gallimard")),
    ("Oxford: Berg", None, ("Oxford", "Berg")),
    ("New York, NY", None, ("New York, NY", None)),  # a state's code is part of the place
    ("London, U.K.", None, ("London, U.K.", None)),
    ("Paris, Gallimard", "Seuil", ("Paris, Gallimard", "Seuil")),  # the labeller's reading
    ("Paris", None, ("Paris", None)),
])
def test_a_publisher_read_as_part_of_the_place_is_split_off(place, publisher, expected) -> None:
    assert normalise._imprint(place, publisher) == expected


def test_explanatory_note_cites_nothing() -> None:
    text = "Figures are rounded to the nearest thousand; estimates differ between sources."
    assert {lab for _, lab in citations.label(text)} <= {"note", "other"}
    assert citations.sources(text) == []


def test_sources_split_at_semicolons() -> None:
    found = citations.sources(
        "Ahmed, Samir (2022). 'The Long Queue,' *Steppe Herald*. 28 September. "
        "https://steppeherald.kz/2022/09/28/long-queue; Reuters. "
        "Kazakhstan tightens visa rules. 20 December 2022. Available at: "
        "<https://www.reuters.com/world/kazakhstan-2022-12-20/>.")
    assert [families(f) for f in found] == [["Ahmed"], ["Reuters"]]
    assert found[1]["url"] == ["https://www.reuters.com/world/kazakhstan-2022-12-20/"]


@pytest.mark.parametrize(("text", "expected"), [
    ("23 August 2023", (2023, 8, 23)), ("August 23, 2023", (2023, 8, 23)),
    ("2023-08-23", (2023, 8, 23)), ("(2023, September 28).", (2023, 9, 28)),
    ("Jan 17", (None, 1, 17)), ("Fall 2023", (2023, None, None)),
    ("12.03.2023", (2023, 3, 12)), ("14 марта 2024", (2024, 3, 14)), ("n.d.", (None,) * 3),
])
def test_dates(text: str, expected: tuple) -> None:
    assert normalise.parse_date(text) == expected


def test_year_and_day_from_separate_date_spans() -> None:
    tokens = citations.tokenize("Smith, J. (2023). Title. Outlet. 17 April.")
    labels = (["author"] * 4 + ["date"] * 4 + ["title"] * 2 + ["container"] * 2
              + ["date"] * 3)
    f = normalise.fields_of("Smith, J. (2023). Title. Outlet. 17 April.", tokens, labels)
    assert (f["year"], f["date"]) == (2023, "2023-04-17")


def test_comparable() -> None:
    assert normalise.comparable("  *The Long  Queue*, ") == "the long queue"
    assert normalise.comparable([{"family": "Ward", "given": "A."}]) == ["ward"]


def test_reading_anystyle_format(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_text("<dataset><sequence>\n  <author>Birch, H.</author>\n  <date>(2009)</date>"
                    "\n  <note>Retrieved 3 May 2010 from</note>\n  <citation-number>4"
                    "</citation-number></sequence></dataset>", encoding="utf-8")
    [seq] = data.read(path)
    assert seq.text == "Birch, H. (2009) Retrieved 3 May 2010 from 4"
    assert [s[0] for s in seq.spans] == ["author", "date", "accessed", "other"]


def test_training_is_deterministic(tmp_path: Path) -> None:
    sequences = data.read(BRIEFS)[:40]
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    train.train(sequences, first, iterations=15)
    train.train(sequences, second, iterations=15)
    assert first.read_bytes() == second.read_bytes()
    held = [s.text for s in data.read(HELDOUT)[:20]]
    try:
        citations.load(first)
        a = [citations.label(t) for t in held]
        citations.load(second)
        b = [citations.label(t) for t in held]
    finally:
        citations.load()
    assert a == b


def test_a_long_note_is_labelled_a_window_at_a_time() -> None:
    """60 sources (~900 tokens): labelled in windows cut at a ``;``, each source then on its
    own, so each reads as it does alone."""
    one = "Ahmed, Samir (2020). 'The Long Queue {},' Steppe Herald. https://example.org/{}"
    note = "; ".join(one.format(i, i) for i in range(60)) + "."
    assert len(citations.tokenize(note)) > 2 * citations.WINDOW
    found = citations.parts(note)
    assert len(found) == 60
    alone = citations.fields(one.format(7, 7) + ".")
    assert found[7][2]["title"] == alone["title"] == "The Long Queue 7"


def test_only_the_start_of_a_note_of_megabytes_is_read() -> None:
    """9 MB of one line made CRFsuite take 8 GB: a note is read up to MAX_CHARS."""
    source = "Ahmed, Samir (2020). 'The Long Queue,' Steppe Herald. https://example.org/a"
    filler = " ".join(["^{1}"] * (citations.MAX_CHARS // 5 + 10))
    found = citations.parts(f"{source}; {filler}; Jones, Kim (2021). 'Other Title,' Herald.")
    assert [f["title"] for _, _, f in found] == ["The Long Queue"]
    assert citations.parts("^{1}" * 250_000) == []


@pytest.mark.parametrize("note, titles", [
    ("Smith, John. 2020. The Long Queue. Steppe Herald; Jones, Kim. 2021. Other Title. "
     "Herald.", ["The Long Queue", "Other Title"]),
    ("John Smith, The Long Queue (London: Verso, 2020); Kim Jones, Other Title (Oxford: OUP, "
     "2021).", ["The Long Queue", "Other Title"]),
    ('Reuters, "Rents double," 13 March 2023; AP, "Wages fall," 2 May 2021.',
     ["Rents double", "Wages fall"]),
])
def test_sources_the_labeller_runs_together_are_cut_at_their_semicolon(note, titles):
    """The labeller read these ';' inside a title or an outlet: each side read alone is a
    whole source, the second starting with its author."""
    found = [f["title"] for _, _, f in citations.parts(note)]
    assert [t.split(".")[0] for t in found] == titles


@pytest.mark.parametrize("note", [
    "Kremer, U.; Zima, H.; Bast, H.-J. (1990). Compiling for parallel machines. Journal of "
    "Parallel Computing, 3, 1-20.",
    "Ivorski, Ivalio; Kasyanenko, Sergiy; Singer, Dorothe. (2023). 'Sluggish Growth, Rising "
    "Risks.' World Bank. Fall 2023.",
    "Smith, J. (2020). War; Peace. Herald.",
])
def test_a_semicolon_inside_one_source_does_not_cut_it(note):
    assert len(citations.parts(note)) == 1


def test_an_issue_in_brackets_after_the_volume_is_no_date() -> None:
    from footcheck.citations.normalise import fields_of
    from footcheck.citations.tokens import tokenize

    text = "Goble, Paul. (2023). 'Threats,' Eurasia Daily Monitor 20, (160). <https://x.org/a>."
    tokens = tokenize(text)
    labels = citations.labels_of(text, tokens)
    at = [t.text for t in tokens].index("160")
    labels[at - 1:at + 3] = ["date"] * 4  # "(160)." read as a date, as a model may
    assert labels[at - 2] == "volume"
    f = fields_of(text, tokens, labels)
    assert (f["volume"], f["issue"], f["year"]) == ("20", "160", 2023)


@pytest.mark.parametrize("text, wrong, fields", [
    ('B. Lee, "Who Rents?" *Caucasus Digest* 131 (2023): 9–14.', {"131": "pages"},
     {"volume": "131", "pages": "9-14", "year": 2023}),
    ("M. Kovács, *Opening*, Policy Paper (Budapest: Institute, 2022), 8.", {"8": "date"},
     {"pages": "8", "year": 2022}),
])
def test_volume_and_pages_a_model_may_misread(text, wrong, fields) -> None:
    from footcheck.citations.normalise import fields_of
    from footcheck.citations.tokens import tokenize

    tokens = tokenize(text)
    labels = citations.labels_of(text, tokens)
    for i, token in enumerate(tokens):
        labels[i] = wrong.get(token.text, labels[i])
    got = fields_of(text, tokens, labels)
    assert {name: got[name] for name in fields} == fields


@pytest.mark.parametrize("text, container, genre", [
    ('Petrosyan, Ani. "Tech Doubles." EVN Report, 12 Jan. 2023, evnreport.com/a.',
     "EVN Report", None),
    ('Smith, J. "Title." Policy Brief, 12 Jan. 2023.', None, "Policy Brief"),
])
def test_an_outlet_named_like_a_kind_of_document(text, container, genre) -> None:
    from footcheck.citations.normalise import fields_of
    from footcheck.citations.tokens import tokenize

    tokens = tokenize(text)
    labels = citations.labels_of(text, tokens)
    words = [t.text for t in tokens]
    at = words.index("Report") if "Report" in words else words.index("Brief")
    labels[at - 1:at + 2] = ["genre"] * 3  # the name and its comma read as a genre
    f = fields_of(text, tokens, labels)
    assert (f["container"], f["genre"]) == (container, genre)


def misread(text: str, relabel) -> dict:
    """The fields of ``text`` when the model's labels are changed by ``relabel(words,
    labels)`` into a reading the model may give."""
    from footcheck.citations.normalise import fields_of
    from footcheck.citations.tokens import tokenize

    tokens = tokenize(text)
    labels = citations.labels_of(text, tokens)
    relabel([t.text for t in tokens], labels)
    return fields_of(text, tokens, labels)


@pytest.mark.parametrize("text, title, genre", [
    ("Memorial Human Rights Centre, Abuses Against Migrant Workers in Russia, Report No. 14, "
     "New York, 3 March 2022.", "Abuses Against Migrant Workers in Russia", "Report"),
    ("Aga Khan Development Network, Mountain Societies, Working Paper No. 2, Khorog, 2018.",
     "Mountain Societies", "Working Paper"),
])
def test_a_series_and_number_read_as_the_end_of_the_title(text, title, genre) -> None:
    def relabel(words: list[str], labels: list[str]) -> None:
        first, last = words.index(",") + 1, words.index("No") + 3  # to the number's comma
        labels[first:last + 1] = ["title"] * (last + 1 - first)

    f = misread(text, relabel)
    assert (f["title"], f["genre"]) == (title, genre)


@pytest.mark.parametrize("text, title, place", [
    ("Asian Infrastructure Investment Bank, Energy Sector Strategy, Beijing, 2022, "
     "https://www.aiib.example/policies/energy-strategy.", "Energy Sector Strategy", "Beijing"),
    ("Konrad-Adenauer-Stiftung, Energiepolitik in Zentralasien, Sankt Augustin, 2019, S. 12.",
     "Energiepolitik in Zentralasien", "Sankt Augustin"),
])
def test_the_agency_styles_place_read_as_the_end_of_the_title(text, title, place) -> None:
    def relabel(words: list[str], labels: list[str]) -> None:
        first, year = words.index(",") + 1, next(i for i, w in enumerate(words) if w.isdigit())
        labels[:first] = ["author"] * first
        labels[first:year] = ["title"] * (year - first)  # the place and its comma as the title
        labels[year] = "date"

    f = misread(text, relabel)
    assert (f["title"], f["place"]) == (title, place)


@pytest.mark.parametrize(("title", "fields"), [
    ("Industrial Policy in Uzbekistan, Abingdon,", ("Industrial Policy in Uzbekistan", "Abingdon")),
    # an edition after the title's last comma is no place
    ("The Political Economy of Growth, Second Edition,",
     ("The Political Economy of Growth, Second Edition", None)),
])
def test_a_place_between_the_title_and_its_publisher(title, fields) -> None:
    text, tokens, tags = _labelled([("N. Abdullaeva,", "author"), (title, "title"),
                                    ("Taylor & Francis,", "publisher"), ("2021.", "date")])
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["place"]) == fields


# --- names and numbers as CSL styles write them (benchmarks/styles.py) ---------------------

@pytest.mark.parametrize(("names", "families"), [
    ("J. Park and T. Brennan Jr.", ["Park", "Brennan"]),
    ("Brennan, T., Jr., & Park, J.", ["Brennan", "Park"]),
    ("Ferreira, Ana Luísa, and Benjamin Holt", ["Ferreira", "Holt"]),
    ("MARTINS, Lucas and DE VRIES, Omar", ["MARTINS", "DE VRIES"]),
    ("Chen, Y., & Wu, X.", ["Chen", "Wu"]),
    ("N. Lambert, and O. Li", ["Lambert", "Li"]),
    ("Lefèvre C, de Villiers J-P, Rossi M", ["Lefèvre", "de Villiers", "Rossi"]),
    ("Berg, Anneke van den, and Hiroshi Sato", ["van den Berg", "Sato"]),
])
def test_names_styles_write(names: str, families: list[str]) -> None:
    assert [n.get("family") for n in normalise.split_names(names)] == families


def test_a_generation_suffix_is_kept_apart_from_the_family_name() -> None:
    assert normalise.split_names("T. Brennan Jr.") == [
        {"family": "Brennan", "given": "T.", "suffix": "Jr."}]


@pytest.mark.parametrize(("text", "genre", "issue"), [
    ("Holt, B. (2020). Universal Basic Services (Policy Brief 5). Centre for Social Futures.",
     "Policy Brief", "5"),
    ("Holt B. Universal Basic Services. London: Centre for Social Futures; 2020. "
     "Report No.: 14.", None, "14"),
])
def test_a_reports_series_and_number(text: str, genre: str | None, issue: str) -> None:
    f = citations.fields(text)
    assert f["issue"] == issue and f["volume"] is None
    if genre:
        assert f["genre"] == genre


@pytest.mark.parametrize(("text", "pages"), [
    ("Ivorski, I. (2023). 'Sluggish Growth.' Office of the Chief Economist. Fall 2023. 8.", "8"),
    ("Smith, J. The Long Road. London: Harbour Press, 2019. 2020.", None),  # a year, no page
])
def test_a_page_after_the_year_of_an_imprint(text: str, pages: str | None) -> None:
    assert citations.fields(text)["pages"] == pages


@pytest.mark.parametrize(("title", "kind"), [("'How Migration Fuels the IT Sector,'", "webpage"),
                                           ("How Migration Fuels the IT Sector.", "book")])
def test_a_quoted_title_a_publisher_put_online_is_a_page(title: str, kind: str) -> None:
    text, tokens, labels = _labelled([
        ("Poghosyan, B.", "author"), (title, "title"),
        ("Institute for Political Studies.", "publisher"), ("Available at:", "note"),
        ("https://www.ispi-example.it/en/publication/it-sector", "url")])
    assert normalise.fields_of(text, tokens, labels)["type"] == kind


@pytest.mark.parametrize(("text", "title", "pages"), [
    ("*Trudeau II Report* at paras. 51–55 and 304–315. The waiver covered them.",
     "Trudeau II Report", "51-55 and 304-315"),
    ("Smith, J. *The Long Road*. London: Harbour Press, 2019, pages 3-4.", "The Long Road", "3-4"),
])
def test_a_pinpoints_words_are_no_title_and_no_page(text: str, title: str, pages: str) -> None:
    f = citations.fields(text)
    assert (f["title"], f["pages"]) == (title, pages)


@pytest.mark.parametrize(("labels", "title", "container"), [
    # APA's news: a title and its outlet in one type, only a full stop between them
    ([("Abiodun, T. (2023, May 20).", "author"),
      ("Inside the Race for Critical Minerals. The Economic Observer.", "container")],
     "Inside the Race for Critical Minerals", "The Economic Observer"),
    # an abbreviated journal's full stops part nothing
    ([("Smith, J. (2020).", "author"), ("Title here.", "title"),
      ("Proc. Natl. Acad. Sci.", "container")], "Title here", "Proc. Natl. Acad. Sci."),
])
def test_a_title_and_its_outlet_read_as_one_outlet(labels, title, container) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"]) == (title, container)


@pytest.mark.parametrize(("labels", "title", "authors"), [
    ([("Budget Deficit Hits Record as Recession Deepens.", "author"),
      ("(1992, October 15).", "date"), ("The Morning Standard, A1.", "container")],
     "Budget Deficit Hits Record as Recession Deepens", []),
    ([("Department for Work and Families.", "author"), ("(2010).", "date"),
      ("Review of the Child Poverty Strategy.", "title")],
     "Review of the Child Poverty Strategy", [{"literal": "Department for Work and Families"}]),
])
def test_apas_work_with_no_author_stands_by_its_title(labels, title, authors) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["author"]) == (title, authors)


def _labelled(parts: list[tuple[str, str]]):
    """A citation made of ``parts`` (text, label), its tokens and their labels: each token
    takes the label of the part it starts in."""
    text = " ".join(p for p, _ in parts)
    ends = list(itertools.accumulate(len(p) + 1 for p, _ in parts))
    tokens = tokenize(text)
    return text, tokens, [next(label for end, (_, label) in zip(ends, parts, strict=True)
                               if t.start < end) for t in tokens]


@pytest.mark.parametrize(("labels", "title", "genre", "issue"), [
    ([("Cour des comptes. (2016).", "author"),
      ("Rapport sur l’emploi (Rapport public thématique 2016-04).", "title")],
     "Rapport sur l’emploi", "Rapport public thématique", "2016-04"),
    ([("GAO. (2000).", "author"), ("Title of the Audit.", "title"),
      ("(Report GAO-00-118).", "genre")], "Title of the Audit", "Report", "GAO-00-118"),
    # a span of years or a volume in brackets is no series
    ([("Smith, J. (2019).", "author"), ("Migration in Georgia (1990–2015).", "title")],
     "Migration in Georgia (1990–2015)", None, None),
])
def test_a_reports_series_and_number_after_its_title(labels, title, genre, issue) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["genre"], f["issue"]) == (title, genre, issue)


@pytest.mark.parametrize(("text", "fields"), [
    ("Ashdown M and Kim M, ‘The Politics of Pension Reform’ (1994) 3 Comparative Welfare "
     "Politics 1", ("1994", "Comparative Welfare Politics", "3", "1")),
    ("Brandt W, ‘Public Trust and Reform’ (1991) 2 Governance and Administration 167, 170.",
     ("1991", "Governance and Administration", "2", "167, 170")),
])
def test_oscolas_year_volume_journal_and_page(text: str, fields: tuple) -> None:
    f = citations.fields(text)
    assert (f["date"], f["container"], f["volume"], f["pages"]) == fields


@pytest.mark.parametrize(("text", "fields"), [
    ("Ji-won Park & Thomas Brennan Jr., Who Trusts the Central Bank? Survey Evidence on "
     "Monetary Credibility, 58 Quarterly Review of Monetary Affairs 77 (2014).",
     ("Quarterly Review of Monetary Affairs", "58", "77", 2014)),
    ("Claire Lefèvre et al., The Energy Shock in the Euro Area, 41 Energy Economics Quarterly "
     "1, 327 (2023).", ("Energy Economics Quarterly", "41", "1, 327", 2023)),
])
def test_the_bluebooks_volume_journal_page_and_year(text: str, fields: tuple) -> None:
    f = citations.fields(text)
    assert (f["container"], f["volume"], f["pages"], f["year"]) == fields


@pytest.mark.parametrize(("labels", "authors", "title"), [
    # a name as "Family, I." goes on with more initials, not with words
    ([("Adeyemi, F., Wang, X. & Thornbury, S. Data for Development:", "author"),
      ("Statistics, Power and the SDGs.", "title")],
     ["Adeyemi", "Wang", "Thornbury"], "Data for Development: Statistics, Power and the SDGs"),
    ([("Whitcombe, A. NATO Burden-Sharing", "author")],
     ["Whitcombe"], "NATO Burden-Sharing"),
    ([("Brennan, T. Jr.,", "author"), ("Welfare Reform.", "title")],
     ["Brennan"], "Welfare Reform"),
    # Vancouver's list ends at the full stop of its last initials
    ([("Adeyemi F, Wang X, Thornbury S. Data for Development:", "author"),
      ("Statistics, Power and the SDGs.", "title")],
     ["Adeyemi", "Wang", "Thornbury"], "Data for Development: Statistics, Power and the SDGs"),
    # no list of names ends with one capitalised word after a name written given name first
    ([("Margaret Ashdown, Markets,", "author"), ("Morals and the Welfare State.", "title")],
     ["Ashdown"], "Markets, Morals and the Welfare State"),
    # names written in full end at a full stop (AMA, NLM with full names)
    ([("Andrew Whitcombe. NATO", "author"), ("Burden-Sharing after 2014.", "title")],
     ["Whitcombe"], "NATO Burden-Sharing after 2014"),
    ([("Folake Adeyemi, Xiaoming Wang, Samuel Thornbury. Data for Development:", "author"),
      ("Statistics and Power.", "title")],
     ["Adeyemi", "Wang", "Thornbury"], "Data for Development: Statistics and Power"),
    # a given name, a middle initial and the family name stay one name
    ([("Kenneth W. Abbott,", "author"), ("Hard and Soft Law.", "title")],
     ["Abbott"], "Hard and Soft Law"),
    ([("Mary K. de Souza,", "author"), ("Hard and Soft Law.", "title")],
     ["de Souza"], "Hard and Soft Law"),
    # one Vancouver name, then two words or more, or a word before a colon: the title's
    ([("Caldwell R. Green Industrial Strategy:", "author"), ("Lessons from the 1970s.", "title")],
     ["Caldwell"], "Green Industrial Strategy: Lessons from the 1970s"),
    ([("Schreiber K. Energiepreise:", "author"), ("Regierung plant Entlastungspaket.", "title")],
     ["Schreiber"], "Energiepreise: Regierung plant Entlastungspaket"),
    # a family name, then the given name, then an organisation in capitals
    ([("Ashdown, Margaret, OECD,", "author"), ("Morals and the Welfare State.", "title")],
     ["Ashdown", "OECD"], "Morals and the Welfare State"),
    # a family name written first, then the given name, before a quoted title
    ([("Della Seta, Fabrizio,", "author"), ("“Gli esordi della critica”", "title")],
     ["Della Seta"], "Gli esordi della critica"),
    # a given name, an initial, the family name and the word for an editor
    ([("Vesna A. Wallace, ed.", "author"), ("Buddhism in Mongolian History.", "title")],
     ["Wallace"], "Buddhism in Mongolian History"),
    ([("Ji-won Park & Thomas Brennan Jr.,", "author"), ("Who Trusts the Bank?", "title")],
     ["Park", "Brennan"], "Who Trusts the Bank?"),
])
def test_a_titles_first_words_read_as_authors_go_back_to_it(labels, authors, title) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert [a.get("family", a.get("literal")) for a in f["author"]] == authors
    assert f["title"] == title


@pytest.mark.parametrize(("labels", "fields"), [
    # ACS: the year between the journal and its volume, the journal after the title's end
    ([("Müller, J.; Schreiber, K.", "author"),
      ("Does Decentralisation Reduce Inequality? A Panel Analysis, 1990–2015. Regional Policy "
       "Review 2017,", "title"), ("12 (4),", "volume"), ("201–230.", "pages")],
     ("Does Decentralisation Reduce Inequality? A Panel Analysis, 1990–2015",
      "Regional Policy Review", "2017", "12")),
    ([("Whitcombe, A.", "author"), ("Spending Targets and Strategic Signalling.", "title"),
      ("Security Studies Bulletin 2020,", "container"), ("22 (1),", "volume"),
      ("55–82.", "pages")],
     ("Spending Targets and Strategic Signalling", "Security Studies Bulletin", "2020", "22")),
    # a year ending a title is the title's when the date was read apart
    ([("Smith, J.", "author"), ("(2019).", "date"), ("Census of Georgia 2014,", "title"),
      ("4.", "volume")], ("Census of Georgia 2014", None, "2019", "4")),
    # a month's year is a date, not a journal's
    ([("National Bank,", "author"), ("Monetary Policy Report, February 2023,", "title"),
      ("17.", "volume")], ("Monetary Policy Report, February 2023", None, None, "17")),
])
def test_a_journals_year_before_its_volume(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"], f["date"], f["volume"]) == fields


@pytest.mark.parametrize(("labels", "title", "container"), [
    ([("Ellington, G.", "author"), ("Is “Evidence-Based Policy”", "title"),
      ("Possible in Fragile States? Policy Sciences Forum", "container"), ("2009,", "date")],
     "Is “Evidence-Based Policy” Possible in Fragile States?", "Policy Sciences Forum"),
    # an outlet with no sentence in it stays whole
    ([("Ellington, G.", "author"), ("Is “Evidence-Based Policy”", "title"),
      ("Policy Sciences Forum", "container"), ("2009,", "date")],
     "Is “Evidence-Based Policy”", "Policy Sciences Forum"),
])
def test_a_title_cut_at_a_quoted_phrase_goes_on_to_the_outlets_sentence(labels, title,
                                                                        container) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"]) == (title, container)


@pytest.mark.parametrize(("labels", "fields"), [
    ([("Brennan T,", "author"), ("‘Welfare Reform, Twenty Years On’", "title"),
      ("[2016] Public Interest Weekly 18.", "container")],
     ("2016", "Public Interest Weekly", None, "18")),
    ([("Lefèvre C and others,", "author"), ("‘The Energy Shock’", "title"),
      ("(2023) 41 Energy Economics Quarterly 1", "container")],
     ("2023", "Energy Economics Quarterly", "41", "1")),
    # a year in round brackets with no volume after it is no OSCOLA journal citation
    ([("Brennan T,", "author"), ("‘Welfare Reform’", "title"),
      ("(2016) Public Interest Weekly", "container")],
     (None, "(2016) Public Interest Weekly", None, None)),
])
def test_oscolas_journal_citation_wherever_its_year_opens_a_run(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["date"], f["container"], f["volume"], f["pages"]) == fields


@pytest.mark.parametrize(("labels", "title", "container", "pages"), [
    ([("Marcela Rivas,", "author"),
      ("‘La reforma de las pensiones divide al Gobierno’ Diario del Sur", "title"),
      ("(26 June 2018) 41", "date"), ("<https://www.diariodelsur-es.com/reforma>.", "url")],
     "La reforma de las pensiones divide al Gobierno", "Diario del Sur", "41"),
    # a possessive's apostrophe closes no title
    ([("Marcela Rivas,", "author"), ("‘The workers’ rights in Almaty’", "title"),
      ("(26 June 2018).", "date")], "The workers’ rights in Almaty", None, None),
])
def test_a_quoted_title_closed_without_punctuation_then_its_outlet(labels, title, container,
                                                                   pages) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"], f["pages"]) == (title, container, pages)


@pytest.mark.parametrize(("labels", "title", "container"), [
    ([("Berg, Anneke van den, and Hiroshi Sato, eds.", "editor"), ("2020.", "date"),
      ("Handbook of Comparative Social Policy.", "container"),
      ("Northbridge Academic.", "publisher")], "Handbook of Comparative Social Policy", None),
    # a chapter "in" the book its editors made keeps the book as its container
    ([("Rossi M (2015)", "author"), ("The Limits of Austerity.", "title"),
      ("In: Novak P (ed.)", "editor"), ("Crisis and Recovery.", "container")],
     "The Limits of Austerity", "Crisis and Recovery"),
])
def test_a_book_cited_by_its_editors_is_the_title(labels, title, container) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"]) == (title, container)


@pytest.mark.parametrize(("container", "expected"), [
    ("In: Revista de Economía Laboral Bd.", "Revista de Economía Laboral"),
    ("Zeitschrift für Politik, Jg.", "Zeitschrift für Politik"),
    ("Quarterly of the Brass Band", "Quarterly of the Brass Band"),
])
def test_the_word_for_a_volume_ends_no_journals_name(container, expected) -> None:
    text, tokens, tags = _labelled([("Rivas, M:", "author"), ("Desigualdad salarial.", "title"),
                                    (container, "container"), ("15", "volume")])
    assert normalise.fields_of(text, tokens, tags)["container"] == expected


@pytest.mark.parametrize(("publisher", "fields"), [
    ("Northbridge University, Oxford", ("Oxford", "Northbridge University")),
    ("Clarion Academic Press, Washington, DC", ("Washington, DC", "Clarion Academic Press")),
    # two names of organisations stay whole
    ("Institute for Fiscal Studies, Department of Economics",
     (None, "Institute for Fiscal Studies, Department of Economics")),
    ("Falkenstein Verlag: Frankfurt am Main", ("Frankfurt am Main", "Falkenstein Verlag")),
    ("Linden & Marsh: London", ("London", "Linden & Marsh")),
    # a place then its publisher, the usual order, is not turned round
    ("London: Verso", (None, "London: Verso")),
])
def test_a_place_after_its_publisher(publisher: str, fields: tuple) -> None:
    text, tokens, tags = _labelled([("Yilmaz, E.", "author"), ("Platform Work.", "title"),
                                    (publisher, "publisher"), ("(2021).", "date")])
    f = normalise.fields_of(text, tokens, tags)
    assert (f["place"], f["publisher"]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    ([("Hoffmann, S.", "author"), ("Soziale Marktwirtschaft im Wandel. In Deutschland in Europa: "
                                   "Politik und Ökonomie;", "title"), ("Falkenstein", "publisher")],
     ("Soziale Marktwirtschaft im Wandel", "Deutschland in Europa: Politik und Ökonomie", [])),
    ([("Park, J.", "author"), ("Pensions in East Asia? In Handbook of Social Policy; van den Berg, "
                               "A., Sato, H.,", "title"), ("Eds.;", "note")],
     ("Pensions in East Asia?", "Handbook of Social Policy", ["van den Berg", "Sato"])),
    # "in" inside a title's sentence opens no book
    ([("Park, J.", "author"), ("Pensions in East Asia. Lessons in Reform.", "title"),
      ("2020.", "date")], ("Pensions in East Asia. Lessons in Reform", None, [])),
])
def test_a_chapter_and_the_book_it_is_in_read_as_one_title(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"],
            [e["family"] for e in f.get("editor", [])]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    ([("Pereira, B., 2002.", "author"), ("Remittances and Rural Credit Markets,", "title"),
      ("in: Rahman, N. (Ed.),", "editor"), ("Migration and Development.", "title"),
      ("Westhaven Books,", "publisher")],
     ("Remittances and Rural Credit Markets", "Migration and Development", "chapter")),
    ([("Hoffmann S (2005)", "author"), ("Soziale Marktwirtschaft im Wandel.", "title"),
      ("In: Brandt W, Vogt M (eds)", "editor"), ("Deutschland in Europa.", "title")],
     ("Soziale Marktwirtschaft im Wandel", "Deutschland in Europa", "chapter")),
    # names between two titles with no "in" nor a role are not a book's editors
    ([("Pereira, B., 2002.", "author"), ("Remittances and Rural Credit Markets,", "title"),
      ("Rahman, N.,", "editor"), ("Migration and Development.", "title")],
     ("Remittances and Rural Credit Markets", None, "book")),
])
def test_the_book_after_its_editors(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"], f["type"]) == fields


@pytest.mark.parametrize(("labels", "author", "title"), [
    # an organisation opening the citation, then a year, then the title: the author
    ([("Cour des comptes publics.", "title"), ("2016.", "date"),
      ("Rapport sur l’emploi.", "title")], "Cour des comptes publics", "Rapport sur l’emploi"),
    # names with initials without stops, joined by "and", are no title
    ([("Hoffmann S and Vogt M", "author"), ("(2016)", "date"),
      ("Schuldenbremse und kommunale Investitionen. Zeitschrift für Finanzen", "container"),
      ("9(1): 5–29.", "volume")], "Hoffmann", "Schuldenbremse und kommunale Investitionen"),
    # a title after a title and a year is no author when the year does not follow the first run
    ([("Smith, J.", "author"), ("Local Budgets.", "title"), ("2016.", "date"),
      ("Annual Review of Finance.", "title")], "Smith", "Local Budgets"),
])
def test_who_opens_an_author_date_citation(labels, author, title) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    first = f["author"][0]
    assert (first.get("family", first.get("literal")), f["title"]) == (author, title)


@pytest.mark.parametrize(("labels", "fields"), [
    # ACS: a name read apart from its last words, which run on to the semicolon
    ([("Haddad, R.", "author"), ("Fairness in Welfare.", "title"),
      ("In Proceedings of the Conference on Public Sector", "container"),
      ("Computing; Digital Government Society:", "publisher"), ("Tallinn, 2023;", "place")],
     ("Proceedings of the Conference on Public Sector Computing", "Digital Government Society",
      None)),
    ([("Liu, J.", "author"), ("Subsidies and the State.", "title"),
      ("In Rethinking Industrial Policy for the 21st", "container"),
      ("Century; Kim, M., Eds.;", "editor"), ("Harrowgate Press:", "publisher")],
     ("Rethinking Industrial Policy for the 21st Century", "Harrowgate Press", None)),
    # a name closed by its punctuation keeps the next run's words
    ([("Liu, J.", "author"), ("Subsidies and the State.", "title"),
      ("In Rethinking Industrial Policy,", "container"),
      ("Harrowgate Press; Cambridge,", "publisher")],
     ("Rethinking Industrial Policy", "Harrowgate Press; Cambridge", None)),
    # AMA's "Published online" is no word of the journal's name
    ([("O’Sullivan P.", "author"), ("Can Cities Build Their Way Out?", "title"),
      ("Metropolis Review. Published", "container"), ("online March 12, 2024.", "date")],
     ("Metropolis Review", None, None)),
    # the conference's year ends the proceedings' name, when the citation is dated so
    ([("Kowalczyk, T.", "author"), ("(2011).", "date"), ("Agent-Based Models.", "title"),
      ("Proceedings of the Workshop on Computational Economics", "container"),
      ("2011,", "date"), ("112–130.", "pages")],
     ("Proceedings of the Workshop on Computational Economics 2011", None, "112-130")),
    ([("Kowalczyk, T.", "author"), ("(2012).", "date"), ("Agent-Based Models.", "title"),
      ("Proceedings of the Workshop on Computational Economics", "container"),
      ("2011,", "date"), ("112–130.", "pages")],
     ("Proceedings of the Workshop on Computational Economics", None, "112-130")),
])
def test_the_end_of_an_outlets_name(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["container"], f["publisher"], f["pages"]) == fields


@pytest.mark.parametrize(("volume_and_after", "fields"), [
    # the volume, its issue and the pages in one run; the year after the pages
    ([("3(1) 59-70,", "volume"), ("1991.", "date")], ("3", "1", "59-70", "1991")),
    ([("50 363-396,", "volume"), ("1984.", "date")], ("50", None, "363-396", "1984")),
    ([("26:", "volume"), ("1-3, 2005", "pages")], ("26", None, "1-3", "2005")),
    # a volume alone, and pages closed by no year, stay as they are
    ([("12 (3),", "volume"), ("pp. 4-9.", "pages")], ("12", "3", "4-9", None)),
    ([("26:", "volume"), ("1-3, 17.", "pages")], ("26", None, "1-3, 17", None)),
])
def test_a_journals_volume_pages_and_year_read_together(volume_and_after, fields) -> None:
    text, tokens, tags = _labelled([("Yuille, A. L.", "author"), ("Deformable templates.", "title"),
                                    ("Journal of Cognitive Neuroscience,", "container"),
                                    *volume_and_after])
    f = normalise.fields_of(text, tokens, tags)
    assert (f["volume"], f["issue"], f["pages"], f["date"]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    # the journal after the title's last comma, before its volume
    ([("Cai, J. (1990),", "author"), ("A Note on the Permanent Problem, Information and "
                                      "Computation,", "title"), ("84, No. 1,", "volume")],
     ("A Note on the Permanent Problem", "Information and Computation", None)),
    # the title, then its publisher, read as the publisher
    ([("R. H. Bube,", "author"), ("Photovoltaic Materials, Imperial College Press,", "publisher"),
      ("1998.", "date")], ("Photovoltaic Materials", None, "Imperial College Press")),
    # a title's own comma before a volume, words in small letters after it, stays
    ([("Cai, J. (1990),", "author"), ("Markets, morals and the welfare state,", "title"),
      ("Vol. 2,", "volume")], ("Markets, morals and the welfare state", None, None)),
    # two publishers' words: a publisher and its place, not a title
    ([("R. H. Bube,", "author"), ("Imperial College Press, Academic Books,", "publisher"),
      ("1998.", "date")], ("Imperial College Press, Academic Books", None, None)),
])
def test_an_outlet_or_a_publisher_after_the_titles_last_comma(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"], f["publisher"]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    # OSCOLA's imprint, the publisher and the year with no comma, then a series or a page
    ([("Civic Pulse Research,", "author"), ("‘Public Attitudes to Immigration’", "title"),
      ("(Civic Pulse Research 2025) Research Report 11", "note")],
     ("Public Attitudes to Immigration", "Civic Pulse Research", "2025", "Research Report", "11",
      None)),
    ([("de Villiers M,", "author"), ("Les politiques du", "title"),
      ("logement en Europe (Éditions du Quai 2008)", "note")],
     ("Les politiques du logement en Europe", "Éditions du Quai", "2008", None, None, None)),
    ([("Hoffmann S,", "author"), ("‘Soziale Marktwirtschaft’", "title"),
      ("Deutschland in Europa", "container"), ("(Falkenstein Verlag 2005) 45", "note")],
     ("Soziale Marktwirtschaft", "Falkenstein Verlag", "2005", None, None, "45")),
    # a year in brackets alone, or a date read elsewhere, leaves the brackets as they are
    ([("Hoffmann S,", "author"), ("‘Soziale Marktwirtschaft’", "title"),
      ("(2005)", "date"), ("(Falkenstein Verlag 2005)", "note")],
     ("Soziale Marktwirtschaft", None, "2005", None, None, None)),
])
def test_oscolas_imprint_with_no_comma(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["publisher"], f["date"], f["genre"], f["issue"] or f["volume"],
            f["pages"]) == fields


@pytest.mark.parametrize(("title", "fields"), [
    # an organisation, a comma, then a quoted or emphasised title, all read as the title
    ("Cour des comptes publics, ‘Rapport sur l’emploi’", (["Cour des comptes publics"],
                                                         "Rapport sur l’emploi")),
    ("Cour des comptes publics, *Rapport sur l’emploi*", (["Cour des comptes publics"],
                                                         "Rapport sur l’emploi")),
    # a title whose quoted words follow a comma inside it stays whole
    ("Migration, ‘reckoning’ and the State", ([], "Migration, ‘reckoning’ and the State")),
])
def test_an_organisation_read_as_more_of_the_title_it_publishes(title, fields) -> None:
    text, tokens, tags = _labelled([(title, "title"), ("(2016).", "date")])
    f = normalise.fields_of(text, tokens, tags)
    assert ([a.get("literal", a.get("family")) for a in f["author"]], f["title"]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    # OSCOLA's news: a straight quote closes the title before an emphasised outlet; the place
    # and the day in brackets
    ([("Levan Abashidze,", "author"), ("'Batumi's Property Rush' *Georgia Today*", "title"),
      ("(Tbilisi, 7 April 2023)", "note"), ("<https://example.org/batumi>", "url")],
     ("Batumi's Property Rush", "Georgia Today", "Tbilisi", "2023-04-07")),
    # a straight quote inside a word ends nothing; a bracket without a whole date is a note
    ([("Levan Abashidze,", "author"), ("'Relokanty nakazat' za *arendu*'", "title"),
      ("(Tbilisi, April)", "note"), ("<https://example.org/batumi>", "url")],
     ("Relokanty nakazat' za arendu", None, None, None)),
])
def test_oscolas_news_outlet_place_and_day(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"], f["place"], f["date"]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    # French typography: a question mark set apart by a space ends the title, not the outlet
    ([("Dubois L (2019)", "author"), ("Qu’est-ce qu’une règle d’or budgétaire", "title"),
      ("? In: Le Carnet des finances publiques.", "container")],
     ("Qu’est-ce qu’une règle d’or budgétaire ?", "Le Carnet des finances publiques")),
    ([("Dubois L (2019)", "author"), ("Qu’est-ce qu’une règle d’or budgétaire ?", "title"),
      ("In: Le Carnet des finances publiques.", "container")],
     ("Qu’est-ce qu’une règle d’or budgétaire ?", "Le Carnet des finances publiques")),
])
def test_a_mark_set_apart_by_a_space_ends_the_run_before(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"]) == fields


def test_pages_before_an_imprint_lose_its_bracket() -> None:
    text, tokens, tags = _labelled([
        ("Ellington, G.", "author"), ("Measuring State Capacity.", "title"),
        ("in The Oxbridge Companion to Governance Research", "container"), ("12–40 (", "pages"),
        ("Northbridge Academic,", "publisher"), ("2010).", "date")])
    assert normalise.fields_of(text, tokens, tags)["pages"] == "12-40"


@pytest.mark.parametrize(("container", "fields"), [
    ("In: Proceedings of the Conference on Public Sector Computing. Digital Government Society;",
     ("Proceedings of the Conference on Public Sector Computing", "Digital Government Society")),
    ("in Proceedings of the Workshop on Economics 2011, Society for Computational Economics,",
     ("Proceedings of the Workshop on Economics 2011", "Society for Computational Economics")),
    # a journal's series, or a society's name after no conference, stays in the name
    ("Proceedings of the Royal Society, Series B,",
     ("Proceedings of the Royal Society, Series B", None)),
    ("Journal of Regional Economics. Society for Regional Science,",
     ("Journal of Regional Economics. Society for Regional Science", None)),
])
def test_the_society_that_publishes_the_proceedings(container, fields) -> None:
    text, tokens, tags = _labelled([("Haddad, R.", "author"), ("Fairness in Welfare.", "title"),
                                    (container, "container"), ("2023,", "date"),
                                    ("pp. 45–58.", "pages")])
    f = normalise.fields_of(text, tokens, tags)
    assert (f["container"], f["publisher"]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    # a newspaper's or a journal's name after the title's last sentence
    ([("Mahmood, I., 2019.", "author"),
      ("Councils Warn of a Cliff Edge in Social Care Funding. The Northern Chronicle.", "title")],
     ("Councils Warn of a Cliff Edge in Social Care Funding", "The Northern Chronicle")),
    ([("Schreiber, K.", "author"),
      ("Energiepreise: Regierung plant Entlastungspaket. Rheinische Allgemeine", "title"),
      ("(2022).", "date")],
     ("Energiepreise: Regierung plant Entlastungspaket", "Rheinische Allgemeine")),
    # a subtitle opening with an article is no newspaper, nor is a name of no newspaper's words
    ([("Smith, J., 2019.", "author"),
      ("Migration and Remittances in the Caucasus. The Case of Georgia.", "title")],
     ("Migration and Remittances in the Caucasus. The Case of Georgia", None)),
    ([("Smith, J., 2019.", "author"),
      ("Migration and Remittances in the Caucasus. Georgian Lessons.", "title")],
     ("Migration and Remittances in the Caucasus. Georgian Lessons", None)),
    # Vancouver's journal after the title's last sentence, then the year and a semicolon
    ([("Brandt W.", "author"), ("Public Trust and Reform in Germany. Governance Studies.", "title"),
      ("1991;", "date"), ("2:", "volume"), ("167–189.", "pages")],
     ("Public Trust and Reform in Germany", "Governance Studies")),
    ([("Brandt W.", "author"), ("Public Trust and Reform in Germany. Governance Studies.", "title"),
      ("1991.", "date"), ("Berlin.", "place")],
     ("Public Trust and Reform in Germany. Governance Studies", None)),
    # no title ends with "and": the journal's name began at its last sentence
    ([("Fairbanks O.", "author"), ("Carbon Border Adjustments. Trade and", "title"),
      ("Development Review.", "container"), ("2022;14(2):77–101.", "volume")],
     ("Carbon Border Adjustments", "Trade and Development Review")),
    ([("Fairbanks O.", "author"), ("Carbon Border Adjustments. Trade Matters", "title"),
      ("Development Review.", "container"), ("2022;14(2):77–101.", "volume")],
     ("Carbon Border Adjustments. Trade Matters", "Development Review")),
])
def test_an_outlet_after_the_titles_last_sentence(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    ([("Frequently Asked Questions on Carbon Pricing [WWW Document],", "author"),
      ("n.d.", "date"), ("Climate Policy Hub. URL", "container"),
      ("https://example.org/faq", "url")],
     ([], "Frequently Asked Questions on Carbon Pricing", "Climate Policy Hub")),
    ([("Holt, B.", "author"), ("Country Profile [Internet].", "title"),
      ("Indicators. Available from:", "container"), ("https://example.org/kr", "url")],
     (["Holt"], "Country Profile", "Indicators")),
    # a name that ends with "Online" keeps it; a genre in brackets is no medium
    ([("Holt, B.", "author"), ("Energy Prices.", "title"), ("Spiegel Online", "container"),
      ("https://example.org/energy", "url")], (["Holt"], "Energy Prices", "Spiegel Online")),
    ([("Holt, B.", "author"), ("Water Security [Research Report].", "title"),
      ("2012.", "date")], (["Holt"], "Water Security [Research Report]", None)),
])
def test_a_medium_in_brackets_and_the_word_before_an_address_are_no_names(labels,
                                                                          fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert ([a.get("family", a.get("literal")) for a in f["author"]], f["title"],
            f["container"]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    # a work with no author, cited by its title first, then its outlet
    ([("G20 Leaders Agree Framework on Debt Relief.", "author"),
      ("The Capital Herald.", "container"), ("November 22, 2020.", "date")],
     ([], "G20 Leaders Agree Framework on Debt Relief", "The Capital Herald")),
    ([("Inflation Dashboard: Monthly Indicators. Brookfield Institute.", "author"),
      ("Accessed August 15, 2024.", "accessed"), ("https://example.org/dashboard", "url")],
     ([], "Inflation Dashboard: Monthly Indicators", "Brookfield Institute")),
    ([("Frequently Asked", "author"), ("Questions on Carbon Pricing. Climate Policy Hub.", "title"),
      ("https://example.org/faq", "url")],
     ([], "Frequently Asked Questions on Carbon Pricing", "Climate Policy Hub")),
    # a name with its particles is no title
    ([("Maria de los Angeles Garcia.", "author"), ("2020.", "date")],
     (["Maria de los Angeles Garcia"], None, None)),
    # a name going on in small letters into the title run is still a name
    ([("Organisation de coopération", "author"),
      ("et de développement économiques, Perspectives de l'Asie.", "title")],
     (["Organisation de coopération"], "et de développement économiques, Perspectives de l'Asie",
      None)),
    # a book's publisher after its title is no outlet; a quoted title is whole
    ([("Levy, H. (1992).", "author"), ("Finite Difference Equations. Dover.", "title"),
      ("ISBN 0-486-67260-3.", "note")], (["Levy"], "Finite Difference Equations. Dover", None)),
    ([("*JAM News*.", "author"), ("'Georgia's main problems: poverty. Edison Research.'", "title"),
      ("10 November 2023.", "date")],
     (["JAM News"], "Georgia's main problems: poverty. Edison Research", None)),
])
def test_a_work_with_no_author_by_its_title_then_its_site(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert ([a.get("family", a.get("literal")) for a in f["author"]], f["title"],
            f["container"]) == fields


@pytest.mark.parametrize(("place", "publisher", "fields"), [
    ("Editorial Alameda:", "Madrid,", ("Madrid", "Editorial Alameda")),
    ("Madrid:", "Editorial Alameda,", ("Madrid", "Editorial Alameda")),
    ("Oxford:", "Blackwell,", ("Oxford", "Blackwell")),
])
def test_a_publisher_read_as_the_place_and_the_place_as_the_publisher(place, publisher,
                                                                      fields) -> None:
    text, tokens, tags = _labelled([("García, L.", "author"), ("El Estado.", "title"),
                                    (place, "place"), (publisher, "publisher"), ("2024.", "date")])
    f = normalise.fields_of(text, tokens, tags)
    assert (f["place"], f["publisher"]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    # a name does not end with "after": the year read as pages is more of it
    ([("Rossi, M. (2015).", "author"), ("The Limits of Austerity.", "title"),
      ("In P. Novak (Ed.),", "editor"), ("Crisis and Recovery: Europe after", "container"),
      ("2008 (pp. 89–115).", "pages")],
     ("Crisis and Recovery: Europe after 2008", "89-115", None, ["Novak"])),
    # MLA's place in square brackets after the proceedings' title
    ([("Sørensen, H.", "author"), ("“Nowcasting Regional GDP.”", "title"),
      ("Proceedings of the Conference on Statistics [Copenhagen],", "container"),
      ("2019,", "date"), ("pp. 12-19.", "pages")],
     ("Proceedings of the Conference on Statistics", "12-19", "Copenhagen", [])),
    # a journal's name ending in a number keeps it apart
    ([("Smith, J.", "author"), ("Title.", "title"), ("Journal of Economics 2,", "container"),
      ("2019.", "date")], ("Journal of Economics", None, None, [])),
])
def test_the_end_of_a_books_or_proceedings_name(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["container"], f["pages"], f["place"],
            [e["family"] for e in f.get("editor", [])]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    # a book with a publisher read as the outlet it would be in
    ([("Adeyemi, Folake, and Samuel Thornbury.", "author"),
      ("Data for Development.", "container"), ("2nd ed.", "edition"),
      ("Clarion Academic,", "publisher"), ("2018.", "date")],
     ("Data for Development", None)),
    # Nature's journal citation names no article: the journal stays the outlet
    ([("LeCun, Y. & Hinton, G.", "author"), ("Nature", "container"), ("521,", "volume"),
      ("436–444", "pages"), ("(2015).", "date")], (None, "Nature")),
    # a chapter "in" a book keeps the book as its outlet
    ([("Rossi, M.", "author"), ("In: Crisis and Recovery.", "container"),
      ("Meridian Press,", "publisher"), ("2015.", "date")], (None, "Crisis and Recovery")),
])
def test_a_book_read_as_an_outlet(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"]) == fields


@pytest.mark.parametrize(("labels", "fields"), [
    ([("Handbook of Social Policy 308", "title"),
      ("(Anneke van den Berg & Hiroshi Sato eds.,", "publisher"), ("2020).", "date")],
     ("Handbook of Social Policy", "308", ["van den Berg", "Sato"], [], None, "2020")),
    ([("Sabine Hoffmann,", "author"), ("Soziale Marktwirtschaft im Wandel,", "title"),
      ("in Deutschland in Europa", "container"), ("211, 36", "volume"),
      ("(Wolfgang Brandt & Matthias Vogt eds.,", "publisher"), ("2005).", "date")],
     ("Soziale Marktwirtschaft im Wandel", "211, 36", ["Brandt", "Vogt"], [], None, "2005")),
    ([("Claire Lefèvre,", "author"), ("The Hidden State", "title"),
      ("(Simon Ashworth tran.,", "publisher"), ("2013).", "date")],
     ("The Hidden State", None, [], ["Ashworth"], None, "2013")),
    ([("Folake Adeyemi,", "author"), ("Data for Development 274", "title"), ("(2 ed.", "edition"),
      ("2018).", "date")], ("Data for Development", "274", [], [], "2 ed", "2018")),
    # Chicago's imprint in brackets is no Bluebook book's
    ([("Joseph Schumpeter,", "author"), ("Capitalism and Democracy", "title"),
      ("(London: Routledge, 1992).", "publisher")],
     ("Capitalism and Democracy", None, [], [], None, None)),
    # a journal's volume and year, then its pages, are the journal's
    ([("Smith, J.,", "author"), ("Title,", "title"), ("Journal 20", "container"),
      ("(1987): 3-9.", "date")], ("Title", "3-9", [], [], None, "1987")),
])
def test_the_bluebooks_book_page_and_imprint(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["pages"], [e["family"] for e in f.get("editor", [])],
            [e["family"] for e in f.get("translator", [])], f["edition"], f["date"]) == fields


@pytest.mark.parametrize(("labels", "title", "container"), [
    ([("Sabine Hoffmann, Soziale Marktwirtschaft im Wandel,", "author"),
      ("in Deutschland in Europa,", "container"), ("2005.", "date")],
     "Soziale Marktwirtschaft im Wandel", "Deutschland in Europa"),
    ([("Folake Adeyemi, Xiaoming Wang & Samuel Thornbury, Data for Development:", "author"),
      ("Statistics and Power", "title"), ("(2018).", "date")],
     "Data for Development: Statistics and Power", None),
    # an organisation's name with small words in it stays the author
    ([("Banque de France, Direction des études,", "author"), ("Rapport annuel.", "title")],
     "Rapport annuel", None),
    # after "et al.", and after Vancouver's initials when the run ends inside a phrase
    ([("Folake Adeyemi et al., Data for Development:", "author"),
      ("Statistics and Power", "title"), ("(2018).", "date")],
     "Data for Development: Statistics and Power", None),
    ([("Whitcombe A. NATO", "author"), ("Burden-Sharing after 2014.", "title"),
      ("Security Studies Bulletin", "container")],
     "NATO Burden-Sharing after 2014", "Security Studies Bulletin"),
    # before a subtitle: an article first or a linking word inside ends the names
    ([("Auner, Joseph, A Schoenberg Reader:", "author"), ("Documents of a Life", "title"),
      ("(2003).", "date")], "A Schoenberg Reader: Documents of a Life", None),
    ([("N. Abdullaeva, Silk and Steel:", "author"), ("Industrial Policy", "title"),
      ("(2021).", "date")], "Silk and Steel: Industrial Policy", None),
    ([("MÜLLER, Hans Peter:", "author"), ("Die Stadt.", "title"), ("2001.", "date")],
     "Die Stadt", None),
    # editors after "et al." are no title; a name closed by a comma is one name
    ([("Adeyemi, F., et al., eds.", "author"), ("Data for Development.", "title")],
     "Data for Development", None),
    ([("Abbott K. Kenneth,", "author"), ("Burden-Sharing after 2014.", "title")],
     "Burden-Sharing after 2014", None),
])
def test_a_title_with_small_words_read_as_more_of_the_authors(labels, title, container) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"]) == (title, container)


@pytest.mark.parametrize(("labels", "fields"), [
    ([("Bundesministerium für Verwaltungsmodernisierung.", "author"),
      ("Digitalisierung der Verwaltung.", "title"),
      ("Forschungsbericht 3. Bundesministerium für Verwaltungsmodernisierung.", "container")],
     (None, "Forschungsbericht", "3", "Bundesministerium für Verwaltungsmodernisierung",
      "report")),
    ([("Office of Intergovernmental Finance,", "author"), ("Annual Report on Grants,", "title"),
      ("Report to Congress GAO-00-118", "container"),
      ("(Government Printing Office,", "publisher"), ("2000).", "date")],
     (None, "Report to Congress", "GAO-00-118", "Government Printing Office", "report")),
    ([("Institute,", "author"), ("Stress-Testing Local Finances,", "title"),
      ("Policy Brief 14", "container"), ("(2024).", "date")],
     (None, "Policy Brief", "14", None, "report")),
    # a year is no report's number; a journal is no series
    ([("Bank,", "author"), ("Overview,", "title"), ("Annual Report 2022.", "container")],
     ("Annual Report 2022", None, None, None, "article-journal")),
    ([("Smith, J.", "author"), ("Title.", "title"), ("Policy Review 12.", "container")],
     ("Policy Review", None, "12", None, "article-journal")),
])
def test_a_reports_series_and_number_read_as_an_outlet(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["container"], f["genre"], f["volume"], f["publisher"], f["type"]) == fields


def test_a_reports_number_goes_on_past_the_run_it_was_read_in() -> None:
    text = "Office, Annual Report, Report to Congress GAO-00-118 (GPO, 2000)."
    tokens = tokenize(text)
    cut = text.index("-118")  # the labeller's run of the outlet ends inside the number
    tags = ["author" if t.start < 7 else "title" if t.start < 22 else
            "container" if t.start < cut else "pages" if t.start < text.index("(") else
            "publisher" if t.start < text.index("2000") else "date" for t in tokens]
    f = normalise.fields_of(text, tokens, tags)
    assert (f["genre"], f["volume"], f["pages"]) == ("Report to Congress", "GAO-00-118", None)


@pytest.mark.parametrize(("labels", "title", "container"), [
    ([("M. Rivas,", "author"),
      ("La reforma de las pensiones divide al Gobierno, Diario del Sur", "title"),
      ("(2018).", "date")], "La reforma de las pensiones divide al Gobierno", "Diario del Sur"),
    # after a title cut at its quoted words, the outlet after the last comma stays apart
    ([("I. Mahmood,", "author"), ("Councils Warn of “Cliff Edge”", "title"),
      ("in Social Care Funding, The Northern Chronicle", "container"), ("(2019).", "date")],
     "Councils Warn of “Cliff Edge” in Social Care Funding", "The Northern Chronicle"),
    # words after a title's comma that name no outlet stay the title's
    ([("Margaret Ashdown,", "author"), ("Markets, Morals and the Welfare State", "title"),
      ("(1987).", "date")], "Markets, Morals and the Welfare State", None),
    ([("I. Mahmood,", "author"), ("Councils Warn of “Cliff Edge”", "title"),
      ("in Social Care, Funding and Reform", "container"), ("(2019).", "date")],
     "Councils Warn of “Cliff Edge” in Social Care, Funding and Reform", None),
])
def test_a_newspaper_after_the_titles_last_comma(labels, title, container) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["title"], f["container"]) == (title, container)


@pytest.mark.parametrize(("labels", "fields"), [
    ([("Inflation Dashboard: Monthly Indicators (no date) Brookfield Institute.", "title"),
      ("https://example.org/dashboard", "url")],
     ("Inflation Dashboard: Monthly Indicators", "Brookfield Institute", "(no date)")),
    ([("Institute for Fiscal Resilience", "author"), ("(n.d.) About the Budget Initiative.",
                                                     "title")],
     ("About the Budget Initiative", None, "(n.d.)")),
    # a date that is one is left as it was read
    ([("Smith, J.", "author"), ("(2019).", "date"), ("Title of the Work.", "title")],
     ("Title of the Work", None, "(2019).")),
])
def test_a_missing_date_in_brackets_is_the_date(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    runs = []
    for token, tag in zip(tokens, tags, strict=True):
        if runs and runs[-1][0] == tag:
            runs[-1][2] = token.end
        else:
            runs.append([tag, token.start, token.end])
    normalise._repair(text, runs)
    f = normalise.fields_of(text, tokens, tags)
    date = next(text[a:b] for label, a, b in runs if label == "date")
    assert (f["title"], f["container"], date) == fields


def test_a_name_after_a_full_names_full_stop_is_more_of_the_list() -> None:
    text = "Andrew Whitcombe. Sarah Jones, Burden-Sharing after 2014."
    cut = text.index("Burden")
    runs = [["author", 0, cut - 1], ["title", cut, len(text)]]
    normalise._title_in_authors(text, runs)
    assert runs == [["author", 0, cut - 1], ["title", cut, len(text)]]


@pytest.mark.parametrize(("labels", "fields"), [
    # IEEE's access date read as a place and the date
    ([("“Inflation Dashboard,”", "title"), ("Brookfield Institute.", "container"),
      ("Accessed:", "place"), ("Aug. 15, 2024.", "date"), ("https://example.org/d", "url")],
     (None, "2024-08-15", None)),
    ([("R. Caldwell,", "author"), ("“Why the Debate Is Not Over,”", "title"),
      ("The Policy Ledger. Accessed: Apr.", "container"), ("01,", "volume"), ("2021.", "date")],
     (None, "2021-04-01", None)),
    # a publication date, and a "retrieved from" with no date, stay as read
    ([("Smith, J.", "author"), ("(2019, May 4).", "date"), ("Title.", "title"),
      ("Retrieved from", "note"), ("https://example.org/t", "url")],
     ("2019-05-04", None, None)),
])
def test_the_day_a_page_was_read_is_no_date_of_publication(labels, fields) -> None:
    text, tokens, tags = _labelled(labels)
    f = normalise.fields_of(text, tokens, tags)
    assert (f["date"], f["accessed"], f["place"]) == fields


@pytest.mark.parametrize(("outlet", "fields"), [
    ("Centre for Social Futures, Policy Brief", ("Centre for Social Futures", None,
                                                 "Policy Brief", None)),
    ("Institute for Fiscal Resilience, London, Policy Brief",
     ("Institute for Fiscal Resilience", "London", "Policy Brief", None)),
    # a journal with a volume, or words that name no publisher, stay the outlet
    ("Policy Review", (None, None, None, "Policy Review")),
    ("Holt and Delgado, Policy Brief", (None, None, None, "Holt and Delgado, Policy Brief")),
])
def test_a_reports_publisher_and_series_read_as_an_outlet(outlet, fields) -> None:
    text, tokens, tags = _labelled([("B. Holt,", "author"), ("“Costing the Options,”", "title"),
                                    (outlet + ",", "container"), ("5,", "volume"),
                                    ("Feb. 2020.", "date")])
    f = normalise.fields_of(text, tokens, tags)
    assert (f["publisher"], f["place"], f["genre"], f["container"]) == fields


@pytest.mark.parametrize(("outlet", "fields"), [
    ("Bundesministerium für Verwaltung, Berlin, Forschungsbericht 3,",
     ("Bundesministerium für Verwaltung", "Berlin", "Forschungsbericht", "3", None)),
    ("Centre for Social Futures, Policy Brief No. 5,",
     ("Centre for Social Futures", None, "Policy Brief", "5", None)),
    # a year is no report's number; words that name no publisher nor the author stay the
    # outlet
    ("Centre for Social Futures, Annual Report 2022,",
     (None, None, None, None, "Centre for Social Futures, Annual Report 2022")),
    ("Holt and Delgado, Policy Brief 5,", (None, None, None, "5", "Holt and Delgado, "
                                                                 "Policy Brief")),
])
def test_a_reports_publisher_series_and_number_read_as_one_outlet(outlet, fields) -> None:
    text, tokens, tags = _labelled([("Bundesministerium für Verwaltung,", "author"),
                                    ("“Costing the Options,”", "title"),
                                    (outlet, "container"), ("Feb. 2020.", "date")])
    f = normalise.fields_of(text, tokens, tags)
    assert (f["publisher"], f["place"], f["genre"], f["volume"] or f["issue"],
            f["container"]) == fields


@pytest.mark.parametrize(("outlet", "fields"), [
    ("Food and Rural Policy Council,", ("Food and Rural Policy Council", None)),
    ("Cour des comptes,", ("Cour des comptes", None)),  # the author again
    # a journal, or a name that is neither an organisation's nor the author's, stays
    ("Journal of Policy Analysis,", (None, "Journal of Policy Analysis")),
    ("Holt and Delgado,", (None, "Holt and Delgado")),
])
def test_the_organisation_that_issued_a_report_read_as_its_outlet(outlet, fields) -> None:
    text, tokens, tags = _labelled([("Cour des comptes,", "author"),
                                    ("“Water Security,”", "title"), (outlet, "container"),
                                    ("Canberra,", "place"), ("Research Report 8,", "genre"),
                                    ("Mar. 2012.", "date")])
    f = normalise.fields_of(text, tokens, tags)
    assert (f["publisher"], f["container"]) == fields
    assert f["type"] == "report"


@pytest.mark.parametrize(("labels", "author"), [
    ([("Vgl.", "author"), ("Deshpande", "container"), ("2014,", "date"), ("S. 34.", "pages")],
     [{"literal": "Deshpande"}]),
    ([("See", "author"), ("Holt", "title"), ("2020,", "date"), ("4.", "pages")],
     [{"literal": "Holt"}]),
    # an author that is no word leading in, or a title that is no name, stays as read
    ([("Vogt,", "author"), ("Deshpande", "container"), ("2014,", "date")],
     [{"literal": "Vogt"}]),
    ([("See", "author"), ("the report of the council", "title"), ("2020.", "date")],
     [{"literal": "See"}]),
])
def test_the_word_that_leads_into_a_citation_read_as_its_author(labels, author) -> None:
    text, tokens, tags = _labelled(labels)
    assert normalise.fields_of(text, tokens, tags)["author"] == author


def test_pages_joined_by_a_non_breaking_hyphen() -> None:
    """French typography sets ``65‑92`` with U+2011, which no page range was read with:
    the pages are read, and given with ``-``."""
    f = citations.fields("Landes, Xavier. 2014. « Les enjeux normatifs de la recherche ». "
                         "Revue européenne des sciences sociales 52 (1) : 65\u201192.")
    assert (f["volume"], f["issue"], f["pages"]) == ("52", "1", "65-92")
