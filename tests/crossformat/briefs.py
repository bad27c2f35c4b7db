"""The briefs of the cross-format corpus, written once as data.

A brief is a title and blocks: headings (:class:`Heading`), paragraphs (:class:`Para`),
automatically numbered or bulleted lists (:class:`NumberedList`, :class:`BulletList`) and
tables (:class:`Table`). A paragraph is a sequence of inlines: plain text (``str``),
:class:`Italic` text, :class:`Link` (a hyperlink showing its own address) and :class:`Note`,
a real note of class ``endnote`` or ``footnote`` standing where it is cited, whose body is
paragraphs and bulleted lists. ``Note.planted`` lists the content findings (FC2xx/FC3xx
codes) the note was written to trigger; every other note is a clean, complete citation
(author, title, outlet, date, URL) on which no rule fires.

``render.py`` writes each brief as OpenDocument (``content.xml`` with ``text:note``) and as
Markdown (``[^n]`` footnotes); the real LibreOffice and pandoc make the other formats.
Plain text holds no Markdown syntax (``*``, ``_``, ``[^``, `` ` ``, ``$``, ``<``), so the two
renderings say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

ENDNOTE = "endnote"
FOOTNOTE = "footnote"


@dataclass(frozen=True)
class Italic:
    text: str


@dataclass(frozen=True)
class Link:
    """A hyperlink whose visible text is its address, as a pasted URL becomes."""

    url: str


@dataclass(frozen=True, eq=False)  # identity: two notes saying the same are two notes
class Note:
    kind: str  # ENDNOTE or FOOTNOTE
    body: tuple[Para | BulletList, ...]
    planted: tuple[str, ...] = ()  # content findings (FC2xx, FC3xx) this note must give


Inline = str | Italic | Link | Note


@dataclass(frozen=True)
class Para:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class NumberedList:
    """A real list numbered 1. 2. 3. by the word processor (not typed)."""

    items: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Table:
    """Rows of cells, each cell one paragraph; the first row is the header."""

    rows: tuple[tuple[tuple[Inline, ...], ...], ...]


Block = Heading | Para | NumberedList | BulletList | Table


@dataclass(frozen=True)
class Brief:
    name: str
    title: str
    blocks: tuple[Block, ...]
    about: str = ""

    def notes(self) -> list[Note]:
        """The notes in the order they are cited in the text."""
        return list(_notes_in(self.blocks))


def _inlines_of(block: Block) -> Iterator[tuple[Inline, ...]]:
    if isinstance(block, Para):
        yield block.inlines
    elif isinstance(block, NumberedList | BulletList):
        yield from block.items
    elif isinstance(block, Table):
        for row in block.rows:
            yield from row


def _notes_in(blocks: tuple[Block, ...]) -> Iterator[Note]:
    for block in blocks:
        for inlines in _inlines_of(block):
            yield from (x for x in inlines if isinstance(x, Note))


# --- constructors ------------------------------------------------------------------------------


def P(*inlines: Inline) -> Para:
    return Para(inlines)


def H(text: str, level: int = 2) -> Heading:
    return Heading(text, level)


def OL(*items: Inline | tuple[Inline, ...]) -> NumberedList:
    return NumberedList(tuple(x if isinstance(x, tuple) else (x,) for x in items))


def UL(*items: Inline | tuple[Inline, ...]) -> BulletList:
    return BulletList(tuple(x if isinstance(x, tuple) else (x,) for x in items))


def TABLE(*rows: tuple[Inline | tuple[Inline, ...], ...]) -> Table:
    return Table(tuple(tuple(c if isinstance(c, tuple) else (c,) for c in row) for row in rows))


def _note(kind: str, parts: tuple, planted: tuple[str, ...]) -> Note:
    """A note of ``parts``: blocks (Para, BulletList) as they are, runs of inlines grouped
    into paragraphs."""
    body: list[Para | BulletList] = []
    run: list[Inline] = []
    for part in parts:
        if isinstance(part, Para | BulletList):
            if run:
                body.append(Para(tuple(run)))
                run = []
            body.append(part)
        else:
            run.append(part)
    if run:
        body.append(Para(tuple(run)))
    return Note(kind, tuple(body), planted)


def en(*parts, planted: tuple[str, ...] = ()) -> Note:
    return _note(ENDNOTE, parts, planted)


def fn(*parts, planted: tuple[str, ...] = ()) -> Note:
    return _note(FOOTNOTE, parts, planted)


I = Italic  # noqa: E741
U = Link


# --- the briefs ---------------------------------------------------------------------------------

ROMAN_LIST_ENDNOTES = Brief(
    "01-roman-list-endnotes", "Capping household energy prices",
    about="clean; a body list typed as text (i. ii. iii.) and real endnotes numbered i, ii, iii",
    blocks=(
        H("Summary"),
        P("Household energy prices in Georgia rose by a third between 2021 and 2023, the "
          "steepest increase since the 2015 devaluation of the lari.",
          en("National Statistics Office of Georgia, ", I("Consumer Price Index, December 2023"),
             ", Tbilisi, 5 January 2024, ", U("https://www.geostat.ge/en/modules/categories/26/"
                                               "consumer-price-index-inflation"), ".")),
        P("Low-income households spend almost a fifth of their budget on heating and "
          "electricity, twice the share of the richest tenth.",
          en("World Bank, ", I("Georgia Poverty Assessment"), ", Washington, DC, 14 June 2023, ",
             U("https://www.worldbank.org/en/country/georgia/publication/"
               "georgia-poverty-assessment-2023"), ".")),
        P("The Ministry of Economy has put three measures before parliament:"),
        P("i. a cap on the regulated gas tariff for the first 200 cubic metres a month;"),
        P("ii. a temporary levy on the windfall profits of hydropower producers;"),
        P("iii. a targeted transfer to households registered for social assistance."),
        P("The cap is the cheapest of the three in the first year but the costliest over "
          "five, because it delays investment in the distribution network.",
          en("Georgian National Energy and Water Supply Regulatory Commission, ",
             I("Annual Report 2022"), ", Tbilisi, 31 March 2023, ",
             U("https://gnerc.org/en/public-information/annual-reports/2022"), ".")),
        P("A levy raises revenue quickly but discourages the new capacity the country needs "
          "to cut imports in winter.",
          en("International Energy Agency, ", I("Georgia 2023 Energy Policy Review"),
             ", Paris, 12 September 2023, ",
             U("https://www.iea.org/reports/georgia-2023-energy-policy-review"), ".")),
        H("Recommendation"),
        P("We recommend the third measure, financed for two winters from the reserve fund, "
          "and a review of the tariff methodology before the next heating season.",
          en("Ministry of Finance of Georgia, ", I("Basic Data and Directions 2024-2027"),
             ", Tbilisi, 29 September 2023, ",
             U("https://www.mof.ge/en/basic-data-and-directions-2024-2027"), ".")),
    ))

ARABIC_LIST_FOOTNOTES = Brief(
    "02-arabic-list-footnotes", "Making the pension top-up reach rural retirees",
    about="clean; an automatically numbered 1. 2. 3. list and real footnotes 1, 2, 3",
    blocks=(
        P("Almost one retiree in four living outside the large towns did not claim the "
          "pension top-up introduced in 2022.",
          fn("Social Service Agency, ", I("Pension Indexation: First-Year Review"),
             ", Tbilisi, 18 April 2023, ",
             U("https://ssa.moh.gov.ge/en/reports/pension-indexation-review-2023"), ".")),
        P("Our interviews in Kakheti and Racha point to three obstacles:"),
        OL(("The application could only be made in person at a district office.",
            fn("Salome Kapanadze, ", I("Ageing in Rural Georgia"), ", Caucasus Research "
               "Resource Centers, 7 February 2023, ",
               U("https://crrc.ge/en/ageing-in-rural-georgia-2023"), ".")),
           "Bank accounts were required, and one rural retiree in three has none.",
           ("Few retirees knew that the top-up existed.",
            fn("UNDP Georgia, ", I("Public Attitudes to Social Services, 2022"),
               ", Tbilisi, 9 December 2022, ",
               U("https://www.undp.org/georgia/publications/public-attitudes-social-services-"
                 "2022"), "."))),
        P("Each obstacle can be removed at little cost. Post offices already pay pensions in "
          "cash in most villages and could take applications.",
          fn("Georgian Post, ", I("Annual Report 2022"), ", Tbilisi, 30 May 2023, ",
             U("https://www.gpost.ge/en/about/annual-report-2022"), ".")),
        P("Automatic enrolment from the civil registry would reach the rest."),
    ))

TWO_SERIES = Brief(
    "03-two-series", "Regulating short-term rentals in Tbilisi",
    about="clean; real footnotes (1, 2…) for asides and real endnotes (i, ii…) for sources",
    blocks=(
        P("Listings on short-term rental platforms in Tbilisi tripled between 2019 and 2023.",
          en("Inside Airbnb, ", I("Tbilisi: Listings Data, Q3 2023"), ", 30 September 2023, ",
             U("https://insideairbnb.com/tbilisi/2023-09-30"), "."),
          " Most are whole flats in Old Tbilisi, Sololaki and Vake.",
          fn("We count a listing once even when it appears on several platforms.")),
        P("Rents for long-term tenants in those districts rose by 60 per cent in the same "
          "period.",
          en("Colliers Georgia, ", I("Tbilisi Residential Market Report 2023"),
             ", Tbilisi, 22 November 2023, ",
             U("https://www.colliers.com/en-ge/research/tbilisi-residential-market-2023"),
             ".")),
        P("Other capitals have answered with registration schemes and caps on the number of "
          "nights a year.",
          fn("Lisbon and Barcelona also stopped issuing new licences in their centres."),
          en("European Commission, ", I("Short-Term Rentals: Impact Assessment"),
             ", Brussels, 7 November 2022, ",
             U("https://ec.europa.eu/info/law/better-regulation/short-term-rentals-2022"),
             ".")),
        P("A registry would also tell the city how many flats are rented, which it does not "
          "know today.",
          fn("The 2014 census counted dwellings but not their use."),
          en("Tbilisi City Hall, ", I("Urban Development Strategy 2030"),
             ", Tbilisi, 15 March 2021, ",
             U("https://tbilisi.gov.ge/en/urban-development-strategy-2030"), ".")),
    ))

_INSTITUTIONS = (
    ("World Bank", "www.worldbank.org"),
    ("International Monetary Fund", "www.imf.org"),
    ("Asian Development Bank", "www.adb.org"),
    ("European Bank for Reconstruction and Development", "www.ebrd.com"),
    ("OECD", "www.oecd.org"),
    ("UNDP Georgia", "www.undp.org"),
    ("National Bank of Georgia", "nbg.gov.ge"),
    ("National Statistics Office of Georgia", "www.geostat.ge"),
    ("Transparency International Georgia", "transparency.ge"),
    ("International Organization for Migration", "www.iom.int"),
    ("UNHCR", "www.unhcr.org"),
    ("Eurostat", "ec.europa.eu"),
    ("Caucasus Research Resource Centers", "crrc.ge"),
    ("Ministry of Economy of Georgia", "www.economy.ge"),
    ("Institute for Development of Freedom of Information", "idfi.ge"),
)
_TOPICS = ("housing", "remittances", "wages", "prices", "taxation", "enterprise", "schooling")
_QUALIFIERS = ("Trends", "Outlook", "Review", "Survey", "Monitor", "Assessment", "Digest",
               "Brief", "Bulletin", "Profile", "Scorecard", "Overview", "Tracker", "Atlas",
               "Yearbook")
_REGIONS = ("Adjara", "Guria", "Imereti", "Kakheti", "Kvemo Kartli", "Mtskheta-Mtianeti",
            "Racha-Lechkhumi", "Samegrelo", "Samtskhe-Javakheti", "Shida Kartli", "Tbilisi")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_CLAIMS = (
    "{topic} in {region} moved faster than the national average",
    "the gap between {region} and the capital widened on {topic}",
    "official figures on {topic} in {region} were revised twice",
)


def _long_note(i: int) -> Note:
    institution, domain = _INSTITUTIONS[i % 15]
    topic = _TOPICS[i // 15]
    title = f"{_REGIONS[i % 11]} {topic.title()} {_QUALIFIERS[(i * 4) % 15]}"
    year = 2018 + i % 6
    slug = title.lower().replace(" ", "-")
    return en(f"{institution}, ", I(f"{title} {year}"),
              f", {1 + (i * 7) % 28} {_MONTHS[i % 12]} {year}, ",
              U(f"https://{domain}/publications/{slug}-{year}"), ".")


def _long_paragraphs(count: int) -> tuple[Block, ...]:
    blocks: list[Block] = [P("This background paper gathers the regional evidence behind our "
                             "2024 recommendations. Each claim cites the source it rests on.")]
    for start in range(0, count, 3):
        inlines: list[Inline] = []
        for i in range(start, min(start + 3, count)):
            claim = _CLAIMS[i % 3].format(topic=_TOPICS[i // 15], region=_REGIONS[i % 11])
            inlines += [(" " if inlines else "") + claim[0].upper() + claim[1:] + " in "
                        + str(2018 + i % 6) + ".", _long_note(i)]
        if start % 15 == 0:
            blocks.append(H(f"Evidence on {_TOPICS[start // 15]}"))
        blocks.append(Para(tuple(inlines)))
    return tuple(blocks)


HUNDRED_ENDNOTES = Brief(
    "04-hundred-endnotes", "Regional evidence for the 2024 budget",
    about="clean; 105 real endnotes (i to cv) over several pages",
    blocks=_long_paragraphs(105))

TABLE_NOTES = Brief(
    "05-table-notes", "Where the remittances go",
    about="clean; real footnotes cited in the cells of a table, and one in the text",
    blocks=(
        P("Money transfers from abroad reached a record 4.1 billion US dollars in 2022, "
          "driven by transfers from Russia.",
          fn("National Bank of Georgia, ", I("Money Transfers by Country, 2022"),
             ", Tbilisi, 20 January 2023, ",
             U("https://nbg.gov.ge/en/statistics/money-transfers-2022"), ".")),
        P("The table compares the three largest sending countries."),
        TABLE(("Country", "2021", "2022", "Change"),
              (("Russia", fn("National Bank of Georgia, ", I("External Sector Statistics, "
                                                            "Q4 2022"),
                             ", Tbilisi, 15 March 2023, ",
                             U("https://nbg.gov.ge/en/statistics/external-sector-q4-2022"),
                             ".")),
               "0.4", "2.1", "+425%"),
              ("Italy", "0.3", "0.3", ("+4%", fn(
                  "Eurostat, ", I("Personal Transfers from the EU, 2022"), ", Luxembourg, "
                  "12 July 2023, ",
                  U("https://ec.europa.eu/eurostat/web/products-eurostat-news/personal-"
                    "transfers-2022"), "."))),
              (("United States", fn("Pew Research Center, ", I("Remittance Flows Worldwide "
                                                              "in 2022"),
                                    ", Washington, DC, 3 August 2023, ",
                                    U("https://www.pewresearch.org/global/remittance-flows-"
                                      "2022"), ".")),
               "0.2", "0.3", "+32%")),
        P("Transfers from Russia fell back in 2023 as many of the people who had moved to "
          "Georgia left again or were paid through other channels.",
          fn("Transparency International Georgia, ", I("Russian Money in Georgia After the "
                                                       "War"), ", Tbilisi, 26 October 2023, ",
             U("https://transparency.ge/en/post/russian-money-georgia-after-war"), ".")),
    ))

NOTE_WITH_LIST = Brief(
    "06-note-with-list", "Counting the people who moved to Georgia in 2022",
    about="clean; an endnote holding a paragraph, a bulleted list and a second paragraph",
    blocks=(
        P("No single figure says how many Russian citizens moved to Georgia after September "
          "2022.",
          en("Ministry of Internal Affairs of Georgia, ", I("Border Crossing Statistics, "
                                                            "2022"),
             ", Tbilisi, 10 February 2023, ",
             U("https://police.ge/en/ministry/statistics/border-crossings-2022"), ".")),
        P("Estimates range from 60,000 to more than 100,000, depending on the source.",
          en(P("Three kinds of source give estimates:"),
             UL(("Border crossings net of departures, from the Ministry of Internal Affairs, "
                 "published monthly, ",
                 U("https://police.ge/en/ministry/statistics"), ";"),
                ("Bank accounts opened by Russian citizens, from the National Bank of Georgia, "
                 "Financial Stability Report, 29 December 2022, ",
                 U("https://nbg.gov.ge/en/publications/financial-stability-report-2022"), ";"),
                ("Registered entrepreneurs, from the National Agency of Public Registry, "
                 "Business Register, 2023, ", U("https://napr.gov.ge/en/business-register"),
                 ".")),
             P("Each counts a different population, so the three cannot be added."))),
        P("We use the border figures, which are published monthly and can be compared over "
          "time.",
          en("Giorgi Kobakhidze, ", I("Who Stayed? Migration After 2022"), ", Georgian "
             "Institute of Politics, 14 June 2023, ",
             U("https://gip.ge/publication-post/who-stayed-migration-after-2022"), ".")),
    ))

SCRIPTS_AND_LINKS = Brief(
    "07-scripts-and-links", "Russian-language media in Georgia",
    about="clean; notes with URLs, italic titles, Cyrillic and transliterated titles",
    blocks=(
        P("Since 2022 several Russian newsrooms have registered in Tbilisi.",
          en("Анна Громова, ", I("Редакции в изгнании: год в Тбилиси"), ", Новая газета "
             "Европа, 3 марта 2023, ", U("https://novayagazeta.eu/articles/2023/03/03/"
                                        "redaktsii-v-izgnanii"), ".")),
        P("They publish mostly for readers in Russia and reach them through mirrors and "
          "messaging apps.",
          en("Ivan Petrov, ", I("Relokanty v Gruzii: god spustia"),
             " [Relocants in Georgia: a year on], Meduza, 21 September 2023, ",
             U("https://meduza.io/feature/2023/09/21/relokanty-v-gruzii-god-spustia"), ".")),
        P("Their legal status is uncertain: most operate as local companies with foreign "
          "staff.",
          en("Nino Tsereteli, ", I("Foreign Newsrooms and Georgian Law"), ", Civil.ge, "
             "8 May 2023, ", U("https://civil.ge/archives/540112"), ".")),
        P("The draft law on foreign agents would have required them to register.",
          en("Venice Commission, ", I("Georgia: Opinion on the Draft Law on Transparency of "
                                     "Foreign Influence"), ", Strasbourg, 20 March 2023, ",
             U("https://www.venice.coe.int/webforms/documents/?pdf=CDL-AD(2023)007-e"), "."),
          " Its withdrawal left the question open.",
          en("Тамара Сичинава, ", I("Закон об иноагентах отозван"), ", Эхо Кавказа, "
             "10 марта 2023, ", U("https://www.ekhokavkaza.com/a/32310574.html"), ".")),
    ))

PLACEHOLDER = Brief(
    "08-placeholder", "Funding Georgia's vocational colleges",
    about="defect: a note left as 'get source here' (FC201)",
    blocks=(
        P("Enrolment in vocational colleges grew by 40 per cent after fees were abolished in "
          "2019.",
          en("Ministry of Education and Science of Georgia, ", I("Vocational Education "
                                                                 "Statistics 2022"),
             ", Tbilisi, 12 October 2022, ",
             U("https://mes.gov.ge/en/vocational-education-statistics-2022"), ".")),
        P("Funding per student has not kept pace.", en("Get source here.",
                                                       planted=("FC201",))),
        P("Employers in tourism and construction report shortages of trained staff.",
          en("Asian Development Bank, ", I("Georgia: Skills for Jobs Assessment"),
             ", Manila, 9 May 2023, ",
             U("https://www.adb.org/publications/georgia-skills-for-jobs-assessment"), ".")),
    ))

MALFORMED_URL = Brief(
    "09-malformed-url", "Water losses in municipal networks",
    about="defect: a URL with a doubled scheme https://https:// (FC301)",
    blocks=(
        P("Municipal water utilities lose almost half the water they produce before it "
          "reaches a tap.",
          en("United Water Supply Company of Georgia, ", I("Non-Revenue Water Report 2022"),
             ", Tbilisi, 28 February 2023, ",
             U("https://https://water.gov.ge/en/reports/non-revenue-water-2022"), ".",
             planted=("FC301",))),
        P("Replacing the oldest mains would pay for itself within eight years.",
          en("European Investment Bank, ", I("Georgia Water Sector Investment Programme"),
             ", Luxembourg, 16 June 2022, ",
             U("https://www.eib.org/en/projects/pipelines/georgia-water-sector-2022"), ".")),
    ))

EDITORIAL_QUERY = Brief(
    "10-editorial-query", "Air quality in Rustavi",
    about="defect: an editor's query left in a note (FC202)",
    blocks=(
        P("Fine particle concentrations in Rustavi exceed the national limit on one day in "
          "three.",
          en("National Environmental Agency, ", I("Air Quality in Georgia, 2022"),
             ", Tbilisi, 14 April 2023, ",
             U("https://air.gov.ge/en/reports/air-quality-2022"), ". Need more info on this?",
             planted=("FC202",))),
        P("The steel plant and the cement works account for most of it.",
          en("Green Alternative, ", I("Industrial Pollution in Kvemo Kartli"),
             ", Tbilisi, 5 September 2022, ",
             U("https://greenalt.org/en/industrial-pollution-kvemo-kartli-2022"), ".")),
    ))

NOTES_WORDS = Brief(
    "11-notes-words-in-body", "Reforming the school-meal programme",
    about="clean; body headings with 'Notes', 'Sources', 'References' and numbered lists",
    blocks=(
        H("Notes on method"),
        P("We visited 24 schools in four regions and interviewed head teachers, cooks and "
          "parents.",
          en("UNICEF Georgia, ", I("School Meals Pilot Evaluation"), ", Tbilisi, "
             "30 June 2023, ", U("https://www.unicef.org/georgia/reports/school-meals-pilot-"
                                 "evaluation"), ".")),
        P("1. Schools were chosen at random within each region."),
        P("2. Interviews took place in March and April 2023."),
        H("Sources of the figures"),
        P("Cost figures come from municipal budgets, which report meals together with "
          "transport.",
          en("Ministry of Finance of Georgia, ", I("Municipal Budgets Database 2023"),
             ", Tbilisi, 1 February 2023, ", U("https://www.mof.ge/en/municipal-budgets-2023"),
             ".")),
        H("References to the 2019 strategy"),
        P("The 2019 education strategy promised a hot meal for every primary pupil by 2022. "
          "Coverage reached 60 per cent.",
          en("Ministry of Education and Science of Georgia, ", I("Unified Strategy for "
                                                                 "Education and Science "
                                                                 "2017-2021"),
             ", Tbilisi, 20 December 2017, ",
             U("https://mes.gov.ge/en/unified-strategy-2017-2021"), ".")),
        H("A note on rounding"),
        P("Figures are rounded to the nearest thousand lari, so totals may differ slightly."),
    ))

BRIEFS: tuple[Brief, ...] = (
    ROMAN_LIST_ENDNOTES, ARABIC_LIST_FOOTNOTES, TWO_SERIES, HUNDRED_ENDNOTES, TABLE_NOTES,
    NOTE_WITH_LIST, SCRIPTS_AND_LINKS, PLACEHOLDER, MALFORMED_URL, EDITORIAL_QUERY, NOTES_WORDS,
)
