"""Tests for footcheck.checks.content: placeholders, remarks, incomplete references,
formatting slips and mixed scripts — and silence on well-formed notes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from footcheck.checks import content, urls
from footcheck.checks.rules import rule
from footcheck.model import Document, Extraction, Finding, Note

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import make_extraction, note_from


def findings(text: str, kind: str | None = None) -> list[Finding]:
    """The content findings of a document whose every non-blank line is a note."""
    out = list(content.check(make_extraction(text)))
    return [f for f in out if kind is None or f.kind == kind]


def column_of(line: str, needle: str) -> int:
    """1-based column of ``needle`` in ``line``."""
    return line.index(needle) + 1


# --- placeholder -------------------------------------------------------------------------


def test_get_source_here_from_the_sample() -> None:
    [f] = findings("LXXXVII get source here")
    assert (f.code, f.kind) == (rule("placeholder").code, "placeholder")
    assert (f.line, f.column) == (1, 9)
    assert (f.series, f.number) == ("endnotes", 1)
    assert "'get source here'" in f.message
    assert f.code not in f.message


@pytest.mark.parametrize(("line", "needle"), [
    ("^{XII} Ilyushina, Mary (2023). TK. *Washington Post*.", "TK"),
    ("^{XII} TKTK", "TKTK"),
    ("^{XII} Ilyushina, Mary (2023). 'Title.' *Washington Post*, p. TK.", "p. TK"),
    ("^{XII} TODO: find the Post article from March.", "TODO"),
    ("^{XII} Ilyushina (2023) [citation needed]", "[citation needed]"),
    ("^{XII} Ilyushina (2023) [source?]", "[source?]"),
    ("^{XII} Ilyushina (2023) [ref]", "[ref]"),
    ("^{XII} Ilyushina, Mary (2023). ?? *Washington Post*.", "??"),
    ("^{XII} Washington Post, source?", "source?"),
    ("^{XII} Lorem ipsum dolor sit amet.", "Lorem ipsum"),
    ("^{XII} Need source for the 2023 figure.", "Need source"),
    ("^{XII} Interview (2023), add reference", "add reference"),
    ("^{XII} Find a source for the 2023 figure.", "Find a source"),
    ("^{XII} Smith (2020) – insert citation", "insert citation"),
    ("^{XII} FIXME", "FIXME"),
    ("^{XII} Date TBD. Available at: <https://example.org/a>", "TBD"),
])
def test_placeholders(line: str, needle: str) -> None:
    [f] = findings(line)
    assert f.kind == "placeholder"
    assert f.column == column_of(line, needle)


def test_empty_note() -> None:
    document = Document.from_text("text\n^{XII}\n")
    note = note_from(document, 2, number=12)
    [f] = list(content.check(Extraction(document, (note,), ())))
    assert (f.kind, f.line, f.number) == ("placeholder", 2, 12)
    assert "empty" in f.message


def test_note_without_spans_is_checked_on_its_text() -> None:
    document = Document.from_text("x\n")
    note = Note(label="1", token="1", number=1, series="endnotes", notation="arabic", line=1,
                column=1, end_line=1, text="get source here")
    [f] = list(content.check(Extraction(document, (note,), ())))
    assert (f.kind, f.line, f.column) == ("placeholder", 1, 1)


@pytest.mark.parametrize("line", [
    "^{XII} Atkinson, T. (2019). *Tkachenko and the Todo Lists*. Kyiv: TKO Press.",
    "^{XII} Almodóvar, P. (1999). 'Todo sobre mi madre.' *El País*. 16 April.",
    "^{XII} Roberts, A. (2020). 'Is Open Source?' *Wired*. 3 May.",
    "^{XII} Ilyushina, M. (2023). 'Where are the sources??' *Washington Post*. 8 March.",
    "^{XII} Part XXX of the Labour Code (TK RF), 2023 edition.",
    # what someone did, not an order to do it
    "^{XII} Common-sensically true, but we could not actually find citations for it.",
    "^{XII} I was unable to find sources beyond Smith (2020).",
])
def test_placeholder_look_alikes_are_silent(line: str) -> None:
    assert findings(line, "placeholder") == []


# --- editorial-comment -------------------------------------------------------------------

_XLIV = (
    "- ^{xliv} : Khodorkovsky. 'The Ark. The Support Group for Immigrants Who Left Russia as a "
    "Result of the War Against Ukraine.' Available at: <https://khodorkovsky.com/resources/the-"
    "ark-the-support-group-for-immigrants/> - no date. need more info on this?"
)


def test_no_date_and_query_from_the_sample_are_one_remark() -> None:
    [f] = findings(_XLIV, "editorial-comment")
    assert f.code == rule("editorial-comment").code
    assert (f.line, f.column) == (1, column_of(_XLIV, "- no date"))
    assert "'- no date. need more info on this?'" in f.message


_XVI = (
    "- ^{XVI} VKPress. 'Gruziiia opasaetsia russkikh i russkoviazychnykh, osobenno "
    "relokantov,' 1 November 2023. Available at: <https://www.vkpress.ru/life/gruziia/?id=167899>"
    " (figures here 112 000 to 113 000- transparency 62 000; vkpress 120 000)"
)


def test_parenthetical_note_to_self_from_the_sample() -> None:
    [f] = findings(_XVI)
    assert f.kind == "editorial-comment"
    assert f.column == column_of(_XVI, "(figures here")
    assert "figures here" in f.message


@pytest.mark.parametrize(("line", "needle"), [
    ("^{IX} Forbes Russia (2023). 'Title.' [Author: check the year] Available at: "
     "<https://forbes.kz/a>", "[Author:"),
    ("^{IX} Forbes Russia (2023). 'Title.' [Ed: which edition?]", "[Ed:"),
    ("^{IX} is this the right link? <https://forbes.kz/a>", "is this"),
    ("^{IX} Forbes (2023). NB: different figure.", "NB:"),
    ("^{IX} Forbes Russia (2023) (?). 'Krovavaia baryna.'", "(?)"),
    ("^{IX} Forbes Russia (2023). 'Krovavaia baryna.' 22 September [?].", "[?]"),
    ("^{IX} Forbes Russia (2023). 'Krovavaia baryna.' - verify", "- verify"),
    ("^{IX} Forbes Russia (2023). 'Krovavaia baryna.' Check the date.", "Check the date"),
    ("^{IX} Forbes Russia (2023). 'Krovavaia baryna.' not sure this is the right piece",
     "not sure"),
    ("^{IX} Forbes Russia (2023). 'Krovavaia baryna.' NB: different figure in print.", "NB:"),
    ("^{IX} @jeff: is this the Forbes piece? 'Krovavaia baryna.'", "@jeff"),
    ("^{IX} Forbes Russia (2023). 'Krovavaia baryna.' September 2023. same article as note 8?",
     "same article"),
    ("^{IX} Forbes Russia (2023). 'Krovavaia baryna.' [check]", "[check]"),
    ("^{IX} Forbes Russia (2023). 'Krovavaia baryna.' (which edition?)", "(which edition?)"),
    ("^{IX} Forbes Russia (2023). 'Krovavaia baryna.' (add URL)", "(add URL)"),
    ("^{IX} Forbes Russia (2023). 'Krovavaia baryna. *Forbes*. need more info", "need more"),
    ("^{IX} Forbes Russia (2023). We need to confirm the date.", "confirm the date"),
])
def test_editorial_remarks(line: str, needle: str) -> None:
    [f] = findings(line, "editorial-comment")
    assert f.column == column_of(line, needle)


@pytest.mark.parametrize("line", [
    "^{LIV} Umarov, Temur. (2022). 'After Ukraine, Is Kazakhstan Next in the Kremlin's "
    "Sights?' Carnegie Politika. 8 October. Available at: <https://carnegieendowment.org/87652>.",
    "^{LXVII} Radio Azattyk. 'V ozhdanii vtoroi mobilizatsii. Kak osvvaivayutsia relokanty i "
    "sluchitsia li novyi pritok rossiian v Kazahstan?' 12 January 2023.",
    "^{1} Smith, J. (n.d.). \"Can Donors Verify Aid Flows?\" *Devex*. https://devex.com/a?b=c",
    "^{2} Jones, K. 2021. *Who Will Confirm the Results?* London: Verso.",
    "^{3} Kucera, J. (2023). 'Not Sure Where to Go: Russians in Tbilisi.' RFE/RL. 24 January.",
    "^{4} World Bank (2023). Europe and Central Asia Economic Update (Fall). Washington, DC.",
    "^{5} Tweet by Meduza (@meduza_en), 3 March 2023.",
    "^{7} Ministry of Justice (2022), Order No. 12 (in Russian), Article 4(b).",
    "^{8} Smith (2020). 'Title.' (translated here by the author; where available).",
    "^{9} Smith, J. (2020). Is Kazakhstan next? *Foreign Affairs*, 99(2), 12–19.",
    "^{10} Check Point Research (2023). 'Telegram scams.' 3 May.",
    "^{11} Write to jeff@carleton.ca (2024) or see @meduza_en.",
    "^{12} @KremlinRussia_E, X (formerly Twitter), 5 May 2023, https://x.com/a/status/1.",
    "^{13} @rybar on Telegram, post of 3 March 2023.",
    "^{14} As reported by @nexta_tv, 4 May 2023.",
    "^{15} Zum Begriff siehe @TN_libero_mab213864266, S. 150.",  # pandoc citation keys
    "^{16} So @ziku_digital_2020 und @smith2020, p. 4.",
    "^{18} He changes his mind [-@braga:1909historia1, 38].",  # keys with a colon
    "^{19} Broca places it so. Voir @needell:1987tropical, p. xii.",
    "^{17} What was the freedom of expression, guaranteed by s. 2 of the Charter, intended to "
    "protect? The courts have not said.",
    # a title's question, after a dash or in a title's capitals; a question going on through
    # brackets or a link; a question reported
    "^{20} Läufer, Josef: Heiligenlexikon: Die heilige Veronika – heilig oder legendär? URL: "
    "https://x.org/a [21.11.2022]",
    "^{21} Yoo, U.S. vs. European Broadband Deployment: What Do the Data Say? Penn Law "
    "Center, 2014.",
    "^{22} Instead: did Congress intend limits in one place (section 10 of the Act) only to "
    "remove them in another (section 706 of the Act)? Such a reading makes no sense.",
    "^{23} Could [racing thoughts](https://en.wikipedia.org/wiki/Racing) be tangentially "
    "related to reading habits?",
    '^{24} A [workshop](https://example.org/ws/) agreed on "verifiable lines." Participants '
    "were asked: what is the biggest obstacle?",
    "^{25} NB: `?environment` uses frame in a different sense, which comes from S.",  # to readers
    "^{26} why not just attrs? (https://github.com/ericvsmith/dataclasses/issues/19)",  # its title
    "^{27} History of the Ojebway Indians, London [1843(?)], pp. 143, 144.",  # a doubtful date
])
def test_titles_and_ordinary_parentheticals_are_not_remarks(line: str) -> None:
    assert findings(line, "editorial-comment") == []


# --- incomplete-reference ----------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "- ^{XV} <https://iwpr.net/global-voices/new-wave-russians-head-georgia>",
    "^{XV} Available at: https://iwpr.net/global-voices/new-wave-russians-head-georgia.",
    "^{XV} <https://iwpr.net/global-voices/a>. Accessed January 5th.",
    "^{XV} Reuters.",
    "^{XV} Reuters, Jung.",
    "^{XV} Interview with an official, Tbilisi.",
    "^{XV} [here](https://iwpr.net/global-voices/a).",  # a link's text that names nothing
])
def test_incomplete_references(line: str) -> None:
    [f] = findings(line)
    assert (f.kind, f.code) == ("incomplete-reference", rule("incomplete-reference").code)
    assert f.column == line.index(line.split(maxsplit=2)[1 if line.startswith("^") else 2]) + 1


@pytest.mark.parametrize("line", [
    "- ^{XIV} Kuleshova, A., Chigaleichik, E., Podolsky, V., & Baranova, V. (2023). Russian "
    "migration to Armenia and Georgia in 2022: Enclave Economy and Local Employment. *Caucasus "
    "Edition: Journal of Conflict Transformation*.",
    "- ^{xxxiv} Sahadeo, Jeff (2023). Personal Communication. 6 December.",
    "^{XLIX} Yusupova, Guzel. 'Empire in Exile,' draft manuscript. June 2023.",
    "^{12} Ibid., 45.",
    "^{13} See note 4 above.",
    "^{14} Author's calculations.",
    "^{15} Reuters. <https://www.reuters.com/world/a-2023-10-10/>",
    "^{16} Op. cit.",
    "^{17} A/HRC/RES/52/10.",  # United Nations document symbols
    "^{18} E/CN.4/2005/L.10, para. 4.",
    "^{19} CCPR/C/GC/36.",
    "^{20} Article 52(1) of the Charter.",  # a provision of a law or of the text reviewed
    "^{21} See Article 7(1) of the Proposal.",
    "^{22} Proposal, Arts. 14 and 16.",
    "^{23} Proposal, Rec. 26.",
    "^{24} Subsection 294-30(2).",  # a ruling citing the act it explains
    "^{25} Subsections 294-35(1) and (2).",
    "^{26} Item 4 of the table in subsection 294-25(1) and section 294-55.",
    "^{27} 47 C.F.R. Part 8.",
    "^{28} [Annual Report on Migration](https://x.org/a).",  # the link's text is the title
    "^{29} [47 U.S.C. § 226](https://web2.westlaw.com/find/default.wl?docname=47USCAS226).",
    "^{30} Eigene Darstellung",  # the author's own work, credited
    "^{31} Own calculations based on the census.",
    "^{32} Elaboración propia.",
    "^{33} Ebda",  # ibid., without its full stop
    "^{34} in Matthäus 25,40",  # scripture by book, chapter and verse
    "^{35} Matthew 25:40.",
    "^{36} C.G. Jung, GW 8, 145.",  # a collected edition's volume and page
    "^{37} C.G. Jung, Gesammelte Werke 8, 145.",
    "^{38} Hereafter ECJ.",  # how the text names something from there on
    "^{39} Doravante TJ.",
    "^{40} See the _Novello Album_.",  # a title in plain text's italics
])
def test_complete_references(line: str) -> None:
    assert findings(line, "incomplete-reference") == []


def test_placeholder_is_not_also_incomplete() -> None:
    assert [f.kind for f in findings("LXXXVII get source here")] == ["placeholder"]


def test_a_placeholder_is_not_also_an_unparsed_reference() -> None:
    """The whole audit: the source of a placeholder note, in which nothing could be read,
    is the placeholder FC201 reports; a note beside it with nothing read is FC405's."""
    from footcheck.pipeline import audit

    text = "A.[^1] B.[^2]\n\n[^1]: get source here\n[^2]: nothing here\n"
    report = audit(Document.from_text(text, path="brief.md"))
    assert [(f.code, f.number) for f in report.findings] == [("FC201", 1), ("FC405", 2)]


# --- formatting --------------------------------------------------------------------------

_VI = (
    "- ^{VI} Troianovski, Anton (2023) 'Russia outside Russia: For elite, Dubai becomes a wartime"
    " harbor, *New York Times*. March 13. Available at: <https://www.nytimes.com/2023/03/13/world"
    "/europe/russia-dubai-ukraine-war.html>"
)
_LII = (
    "^{LII} Latypova, Leyla. (2023). \"We're All Hostages Here\": Wanted Russian Activists, "
    "Draft Dodgers, Stuck in Legal Limbo in Kazakhstan,' The Moscow Times. 13 September. "
    "Available at: <https://www.themoscowtimes.com/2023/09/13/were-all-hostages-here-a82434>."
)


def test_quote_never_closed_from_the_sample() -> None:
    [f] = findings(_VI)
    assert (f.kind, f.code) == ("formatting", rule("formatting").code)
    assert f.column == column_of(_VI, "'Russia")
    assert "never closed" in f.message


def test_closing_quote_without_opening_from_the_sample() -> None:
    [f] = findings(_LII)
    assert f.kind == "formatting"
    assert f.column == column_of(_LII, "Kazakhstan,'") + len("Kazakhstan,")
    assert "no opening quote" in f.message


def test_stray_leading_punctuation_from_the_sample() -> None:
    line = ("- ^{xxxiii} : Barseghyan, Arshaluys. (2023). 'Moscow and Yerevan summon ambassadors.'"
            " OC Media. 26 October.")
    [f] = findings(line)
    assert f.kind == "formatting"
    assert f.column == column_of(line, ": Barseghyan")
    assert f.suggestion == "Barseghyan, Arshaluys. (2023). 'Moscow …"


@pytest.mark.parametrize(("line", "needle", "suggestion"), [
    ("^{1} Smith, J. (2020). Title,, *Journal*.", ",,", ","),
    ("^{1} Smith, J. (2020). Title.. *Journal*.", "..", "."),
    ("^{1} Smith, J. (2020). Title; ; *Journal*;; 4.", ";;", ";"),
])
def test_doubled_punctuation(line: str, needle: str, suggestion: str) -> None:
    [f] = findings(line)
    assert (f.kind, f.column, f.suggestion) == ("formatting", column_of(line, needle), suggestion)


@pytest.mark.parametrize(("line", "needle"), [
    ("^{1} Smith, J. (2020. Title. *Journal*.", "("),
    ("^{1} Smith, J. 2020). Title. *Journal*.", ")"),
    ("^{1} Smith, J. [2020. Title. *Journal*.", "["),
    ("^{1} Smith, J. (2020]. Title. *Journal*.", "("),
])
def test_unbalanced_brackets(line: str, needle: str) -> None:
    [f] = findings(line)
    assert (f.kind, f.column) == ("formatting", column_of(line, needle))


@pytest.mark.parametrize("line", [
    "^{xxviii} Musavi, Nika. (2023). 'Pochemu rossiiskim relokantam slozhno vnov' popast' v "
    "Gruziiyu,' DW. 24 May.",
    "^{XVI} Avakov, Artur. (2023). 'Rossiian obyeschshayut nakazat' za \"tikhoie vtorzhenie\" v "
    "Gruziiyu,' *Nezavisimaia Gazeta*. 31 October.",
    "LXXXII Arbat Media. 'Relokantam ot vlastei RF v SNG ne skryt'sia – Kyrgyzstan, Kazakhstan "
    "budut delit'sia dannymi o rossiikh.' 22 June 2023.",
    "^{xxxi} Sputnik Armenia. 'Kak sebia chuvstvuyut rossiiskie relokanty v Armenii: posol'stvo "
    "RF podelilos' nablyudenyami.' 18 October 2022.",
    "^{IX} Forbes Russia. 'Krovavaia baryna.' Relokanty sdelali zhizn' v Almaty dorozhe. 2023.",
    "^{VII} Meduza. Russian wartime emigration sparks a 'reckoning' in Central Asia. 2023.",
    "^{LXXXVIII} Matsuevich, Yan. (2023). 'Home cooking and power cuts: life in a Russian "
    "draft-dodgers' house-share,' *The Economist*. 29 March.",
    "^{LVIII} Meduza. 'Russia's wartime emigration sparks a \"reckoning\" in Central Asia.' 2023.",
    "^{1} Smith, J. (2020). ‘Putin’s War’, *Journal* 3 (2): 1–9. See “The ’90s” … (pp. 4–5).",
    "^{2} Wikipedia. 'Foo.' <https://en.wikipedia.org/wiki/Foo_(bar)> and https://x.org/a_(b",
    "^{3} Smith (2020) lists three causes: a) prices, b) rents and c) wages... and more.",
    "^{4} Report [in Russian] (2021), pp. 4–5.",
    "^{5} BMI. „Migrationsbericht 2022“. Berlin, 2023; Jones, ‚Arbeit‘ (2021).",
    "^{6} Jones, K. (2021) ‘Workers’ rights in the gig economy’, *Journal of Labour*, 12(3).",
    "^{7} Kucera, J. 2023. “Russians in Tbilisi: ‘We Are Not Welcome.’” *Eurasianet*.",
])
def test_well_formed_quotes_and_brackets_are_silent(line: str) -> None:
    assert findings(line, "formatting") == []


# --- mixed-script ------------------------------------------------------------------------

_XL = (
    "- ^{xl} Sputnik Armenia, 'Direktor UATE: relokanty v 2022-m otкрыli besprezidentnoe chislo "
    "startapov v Armenii,' 25 January 2023. Available at: <https://ru.armeniasputnik.am/20230125/"
    "direktor-uate-relokanty-v-2022-m-otkryli-besprezidentnoe-chislo-startapov-v-armenii-54306836"
    ".html>."
)


def test_mixed_script_word_from_the_sample() -> None:
    [f] = findings(_XL)
    assert (f.kind, f.code) == ("mixed-script", rule("mixed-script").code)
    assert (f.line, f.column) == (1, column_of(_XL, "otкрыli"))
    assert "к, р, ы are Cyrillic" in f.message
    assert f.suggestion == "otkryli"  # ы has no look-alike: transliterated, as in the URL


def test_homoglyphs_only_are_replaced_by_their_look_alikes() -> None:
    line = "^{1} Kucera, J. (2023). 'Tbilisi’s Wartime Rusѕians' (Cyrillic ѕ), Rоssiia."
    out = findings(line)
    assert [(f.column, f.suggestion) for f in out] == [
        (column_of(line, "Rusѕians"), "Russians"),
        (column_of(line, "Rоssiia"), "Rossiia"),
    ]


def test_a_greek_letter_that_looks_latin_in_a_short_word_is_a_slip() -> None:
    [f] = findings("^{1} Lee, J. The Rοle of Banks. 2021.")  # Greek omicron in "Rοle"
    assert f.suggestion == "Role"


def test_greek_homoglyph() -> None:
    [f] = findings("^{1} Smith, J. (2020). Τhe Title. *Journal*.")  # Greek capital Tau
    assert (f.kind, f.suggestion) == ("mixed-script", "The")
    assert "Greek" in f.message


@pytest.mark.parametrize("line", [
    "^{1} Коммерсантъ. «Релоканты возвращаются?» 5 марта 2024. https://www.kommersant.ru/doc/1",
    "^{2} Dose of 5 μg per day (WHO, 2020), 'Guidelines.'",
    "^{3} Forbes Russia. 'Krovavaia baryna' (Кровавая барыня). 22 September 2023.",
    "^{4} The loss grows with δp and Δx, the change in price (Lee, 2021, p. 4).",
])
def test_single_script_words_are_silent(line: str) -> None:
    assert findings(line, "mixed-script") == []


# --- a clean document --------------------------------------------------------------------

CLEAN = """\
^{1} Kuleshova, A., Chigaleichik, E., Podolsky, V., & Baranova, V. (2023). Russian migration to \
Armenia and Georgia in 2022: Enclave economy and local employment. *Caucasus Edition: Journal of \
Conflict Transformation*, 7(1), 45–67. https://doi.org/10.5281/zenodo.1234567

^{2} Andrew Higgins, "Russians Fleeing the Draft Find an Unlikely Haven," *New York Times*, \
October 5, 2022, https://www.nytimes.com/2022/10/05/world/asia/russians-fleeing-draft.html.

^{3} Umarov, T. (2022) 'After Ukraine, Is Kazakhstan Next in the Kremlin's Sights?', Carnegie \
Politika, 8 October. Available at: <https://carnegieendowment.org/politika/87652> (Accessed: 5 \
January 2024).

^{4} Musavi, Nika. (2023). 'Pochemu rossiiskim relokantam slozhno vnov' popast' v Gruziiyu,' DW. \
24 May. Available at: <https://www.dw.com/ru/rossijskim-relokantam/a-65710859>.

^{5} Arbat Media. 'Relokantam ot vlastei RF v SNG ne skryt'sia – Kyrgyzstan, Kazakhstan budut \
delit'sia dannymi o rossiikh.' 22 June 2023. Available at: <https://arbatmedia.kz/exo-2766>.

^{6} Radio Azattyk. "Kak osvaivaiutsia relokanty i sluchitsia li novyi pritok rossiian v \
Kazakhstan?" 12 January 2023. https://rus.azattyq.org/a/32212555.html

^{7} Sahadeo, Jeff. *Voices from the Soviet Edge: Southern Migrants in Leningrad and Moscow*. \
Ithaca: Cornell University Press, 2019, 112–14.

^{8} Ibid., 45.

^{9} Wikipedia. "Russian emigration (2022–present)." n.d. Accessed 3 February 2024. \
https://en.wikipedia.org/wiki/Russian_emigration_(2022%E2%80%93present).

^{10} Matsuevich, Yan. (2023). 'Home cooking and power cuts: life in a Russian draft-dodgers' \
house-share,' *The Economist*. 29 March. Available at: \
[https://www.economist.com/1843/2023/03/29/home-cooking](https://www.economist.com/1843/2023/03/29/home-cooking).

^{11} In October 2023 the Cabinet abolished "zeroing"; see 24.kg, 'Visa-free regime restrictions \
for foreigners do not apply to Russian citizens,' 19 October 2023, \
https://24.kg/english/277796_Visa-free_regime_restrictions/.

^{12} Коммерсантъ. «Релоканты возвращаются?» 5 марта 2024. https://www.kommersant.ru/doc/6543210
"""


def test_clean_document_has_no_findings() -> None:
    extraction = make_extraction(CLEAN)
    assert len(extraction.notes) == 12
    assert list(content.check(extraction)) == []
    assert list(urls.check(extraction)) == []


def test_note_continued_after_a_page_break_reports_positions_on_the_right_line() -> None:
    text = ("- ^{xlvi} Berkhead, Samantha. (2022). 'Russian Emigres in Armenia,' "
            "The Moscow Times.\n\n"
            "5 December,, Available at: <https://www.themoscowtimes.com/2022/12/04/a79517>.\n")
    document = Document.from_text(text)
    note = note_from(document, 1, number=46, continued=[3])
    [f] = list(content.check(Extraction(document, (note,), ())))
    assert (f.kind, f.line, f.column, f.suggestion) == ("formatting", 3, 11, ",")


def test_figure_noted_after_a_url_is_an_editorial_comment():
    text = ("ArmenPress. 'Number of migrants.' 26 January 2023. Available at: "
            "<https://armenpress.am/eng/news/1102599/>. (300 000); Smith, J. (2023). 'T.' "
            "<https://example.org/a> (60 000).\n"
            "Smith, J. (2023). 'Title.' <https://example.org/b> (2023).\n"
            "Jones, K. (2021). 'Title,' Journal 39 (3): 17. <https://example.org/c>\n")
    extraction = make_extraction(text)
    found = [(f.line, f.kind) for f in content.check(extraction)]
    assert found == [(1, "editorial-comment"), (1, "editorial-comment")]


@pytest.mark.parametrize("line", [
    # a statement in a drafting note, a statute's duty: no query to the author
    "^{1} The benefits are: (1) the investors can confirm that the Company tracks its usage.",
    "^{2} The Commissioner shall verify that the conduct was carried out in good faith.",
])
def test_a_modal_check_or_confirm_is_no_remark(line: str) -> None:
    assert findings(line, "editorial-comment") == []


@pytest.mark.parametrize("line", [
    "^{1} Modulo dynamic linking.",
    "^{2} Crazy, right?",
    "^{3} Not that it matters much.",
    "^{4} Weekmarkt.",  # a word glossed: translated or explained
    "^{5} Draagboomen.",
])
def test_short_remarks_that_cite_nothing_are_not_incomplete(line: str) -> None:
    assert findings(line, "incomplete-reference") == []


@pytest.mark.parametrize("line", ["^{3} Kommersant.", "^{3} Interviews.",
                                  "^{4} Ministry of Finance.", "^{5} Email from the press office.",
                                  "^{6} UN Human Rights Council.", "^{7} HRC/RES.",
                                  "^{8} The Charter."])
def test_short_names_and_kinds_of_source_are_incomplete(line: str) -> None:
    assert [f.kind for f in findings(line, "incomplete-reference")] == ["incomplete-reference"]


def audited(notes: list[str]) -> list[tuple[str, int | None, str]]:
    """(code, note, message) of the FC2/FC4 findings of a brief with these notes, through
    the whole pipeline (the references parsed, back-references found)."""
    from footcheck.pipeline import audit

    body = " ".join(f"Claim {i}.^{{{i}}}" for i in range(1, len(notes) + 1))
    listed = "\n\n".join(f"^{{{i}}} {n}" for i, n in enumerate(notes, start=1))
    report = audit(Document.from_text(f"{body}\n\nNotes\n\n{listed}\n"))
    return [(f.code, f.number, f.message) for f in report.findings
            if f.code.startswith(("FC2", "FC4"))]


SMITH_2023 = ("Smith, Jane (2023). 'Rents double,' *Daily Post*, 13 March 2023. "
              "<https://dailypost.example.org/rents>")


@pytest.mark.parametrize("note", ["World Bank (2021).", "OECD, 2019.", "Smith (2023), p. 4."])
def test_an_author_and_a_year_alone_are_incomplete(note: str) -> None:
    assert audited([note]) == [
        ("FC203", 1, f"{note!r} names only an author and a date: nothing to find the work by")]


@pytest.mark.parametrize("note", [
    "Smith (2023), p. 4.",  # the work is cited in full in note 1
    "World Bank (2021). *World Development Report 2021: Data for Better Lives*.",
    "Central Bank of Armenia press release, 15 January 2024.",
    "World Bank, World Development Report, 2021.",  # a title, whatever the labeller reads
    "Doe, J. (2023). 6 December.",  # a date that says more: unparsed-reference's (FC405)
])
def test_a_name_and_a_year_with_something_to_find_the_work_by_are_not(note: str) -> None:
    assert [code for code, _, _ in audited([SMITH_2023, note]) if code == "FC203"] == []


def test_a_short_citation_of_a_work_in_the_reference_list_is_not_incomplete() -> None:
    """Wikipedia's shortened footnotes: ``King 2003, p. 41.`` in the notes, the work itself in
    a list of sources that no marker cites."""
    from footcheck.pipeline import audit

    text = ("New Zealand was settled late.^{1} Its economy grew.^{2}\n\nNotes\n\n"
            "^{1} King 2003, p. 41.\n\n^{2} Bain 2006, p. 44.\n\nSources\n\n"
            "- King, Michael (2003). *The Penguin History of New Zealand*. Penguin.\n")
    found = [(f.code, f.number) for f in audit(Document.from_text(text)).findings
             if f.code == "FC203"]
    assert found == [("FC203", 2)]  # Bain 2006 is in no list


@pytest.mark.parametrize("line", ["^{1} Crazy, right?", "^{2} Who knew? Smith, J. (2020). Title.",
                                  "^{3} Can paradigm shifts even be personal?",
                                  "^{4} Smith (2020), 4. Why did wages fall so far in 2021?",
                                  "^{5} Talin, Explicit Lexical Scoping (pre-PEP?), 2006.",
                                  # a book's numbered questions, set as its marginal notes
                                  "^{6} Frage II. wo er seine Wohnung hat?",
                                  "^{7} Question 3: where does the spirit dwell?"])
def test_rhetorical_questions_are_not_remarks(line: str) -> None:
    assert findings(line, "editorial-comment") == []


@pytest.mark.parametrize("line", [
    # quotes a typesetter opened with ” (XeLaTeX), as a report quotes texts and tweets
    "^{1} Cohen received a text that said, ”Stopped flow of tapes but not sure if there’s "
    "anything else.” 10/30/16 Text Message.",
    "^{2} See Tweet (”Isn’t the I.G. an Obama guy? Why not use Justice lawyers?”); Remarks.",
    "^{3} Spicer, Briefing (Feb. 14, 2017) (questions from the press included, ”if he was told "
    "17 days ago that Flynn had misled officials here, why was he kept on?”).",
])
def test_what_a_note_quotes_is_no_remark(line: str) -> None:
    assert findings(line, "editorial-comment") == []
    # the author's own words in the same places are
    bare = line.replace("”", "").replace("“", "")
    assert findings(bare, "editorial-comment") != []


_ARGUMENT = ("^{4} The foundation raises most of its funds from a distribution service, although "
             "it is a charity rather than a company. If no one chooses to order copies from it, "
             "it will be unable to do its work. But this does not mean that restrictions are "
             "justified to force every user to pay.")


def test_a_question_to_the_reader_closing_an_argument_is_not_a_remark() -> None:
    assert findings(_ARGUMENT + " Have you done your part?", "editorial-comment") == []
    # pointing at the text, or short after a citation, it is still a query
    for query in (" Do we have it?", " Can you confirm?"):
        assert [f.kind for f in findings(_ARGUMENT + query, "editorial-comment")] == [
            "editorial-comment"]
    assert [f.kind for f in findings("^{4} Smith (2020), 4. Have you done your part?",
                                     "editorial-comment")] == ["editorial-comment"]


def test_a_lower_case_question_going_on_from_an_arguments_last_is_not_a_remark() -> None:
    for question in (" Who will miss it? who cares?",
                     " Suppose each county had an agent; would order not be better kept?"):
        assert findings(_ARGUMENT + question, "editorial-comment") == []
    for query in (" need more info on this?", " Who will miss it? check the date?"):
        assert [f.kind for f in findings(_ARGUMENT + query, "editorial-comment")] == [
            "editorial-comment"]
    assert [f.kind for f in findings("^{4} Smith (2020)? who cares?", "editorial-comment")
            ] == ["editorial-comment"]


@pytest.mark.parametrize("line", ["^{3} Smith (2020). Is this the 2022 figure?",
                                  "^{4} <https://x.org/report> Which date?",
                                  "^{5} Smith (2020), 4. Which edition?",
                                  "^{6} Smith (2020), 4. Can we cite the original instead?",
                                  "^{7} Smith (2020). Was it 2019 or 2020?",
                                  "^{8} Smith (2020) – is this the right year?",
                                  "^{9} Smith, Title, https://x.org/a is this still live?",
                                  "^{10} Smith (see https://x.org/a). Which edition?"])
def test_questions_about_the_source_are_remarks(line: str) -> None:
    assert [f.kind for f in findings(line, "editorial-comment")] == ["editorial-comment"]


@pytest.mark.parametrize("line", [
    "^{1} The speaker list is still TBD; I will post it later.",
    "^{2} [Source](https://x.org/a), 2020.",
    "^{3} [Source][e], 2020.",
    "^{4} Smith, *Rome in the XXX Century*, 2020.",  # XXX inside a citation: its words
    "^{5} TBC Capital, *Macro Outlook*, June 2022.",  # a bank's name (TBC Bank Group)
    "^{6} Galt & Taggart and TBC Bank, *Real Estate Review*, 2023.",
])
def test_words_in_prose_and_link_texts_are_not_placeholders(line: str) -> None:
    assert findings(line, "placeholder") == []


@pytest.mark.parametrize("line", ["^{4} Smith (2020). TBD.", "^{5} Smith (2020). [source]",
                                  "^{8} Smith (2020), pages TBC.",
                                  "^{9} Source TBC. Smith (2020).",
                                  "^{6} XXX", "^{7} xxxx."])  # a note that is only XXX
def test_placeholders_standing_alone(line: str) -> None:
    assert [f.kind for f in findings(line, "placeholder")] == ["placeholder"]


def test_a_long_parenthesised_aside_ending_in_a_question_is_not_a_remark() -> None:
    line = ("^{1} Smith (2020). Setup guide (perhaps using some combination of Eclipse 3.4 "
            "and/or JDK 6 update 10?). https://x.org/guide")
    assert findings(line, "editorial-comment") == []
    assert [f.kind for f in findings("^{2} Smith (2020). Guide (right year?). https://x.org/g",
                                     "editorial-comment")] == ["editorial-comment"]
