"""The outlet table (src/footcheck/outlets.tsv), the lookups publisher-mismatch (FC403) makes in
it, and the folding of names that FC401 variant-citation and FC403 rely on."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict

import pytest
from publicsuffixlist import PublicSuffixList

from footcheck.checks.references import _folded, check
from footcheck.references import OUTLETS, Outlet, outlet_named, outlet_of_host, read_outlets
from helpers import make_extraction

KINDS = {"newspaper", "magazine", "agency", "broadcaster", "site", "institute", "university",
         "government", "international", "publisher"}
#: A host name: labels of letters, digits and inner hyphens, lower case, a letter-led TLD.
HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]")

#: The table as it was before it became a data file: every entry must keep its meaning.
ORIGINAL = {
    "Reuters": ("agency", None), "Associated Press": ("agency", None),
    "Agence France-Presse": ("agency", None), "Bloomberg": ("agency", None),
    "Interfax": ("agency", None), "TASS": ("agency", None),
    "Radio Free Europe/Radio Liberty": ("broadcaster", "rferl"), "Eurasianet": ("site", None),
    "The New York Times": ("newspaper", None), "The Washington Post": ("newspaper", None),
    "The Moscow Times": ("newspaper", None), "Meduza": ("site", None),
    "Carnegie Endowment for International Peace": ("institute", None),
    "Politico": ("magazine", None), "The Economist": ("magazine", None),
    "Al Jazeera": ("broadcaster", None), "Deutsche Welle": ("broadcaster", None),
    "BBC": ("broadcaster", None), "The Guardian": ("newspaper", None),
    "Forbes": ("magazine", "forbes"), "Forbes Russia": ("magazine", "forbes"),
    "Forbes Kazakhstan": ("magazine", "forbes"), "Financial Times": ("newspaper", None),
    "The Wall Street Journal": ("newspaper", None), "CNN": ("broadcaster", None),
    "CBS News": ("broadcaster", None), "NPR": ("broadcaster", None),
    "The World": ("broadcaster", None), "Foreign Policy": ("magazine", None),
    "Foreign Affairs": ("magazine", None), "The Diplomat": ("magazine", None),
    "Novaya Gazeta": ("newspaper", None), "Nezavisimaya Gazeta": ("newspaper", None),
    "Kommersant": ("newspaper", None), "Vedomosti": ("newspaper", None),
    "RBC": ("newspaper", None), "Sputnik": ("agency", "sputnik"), "Armenpress": ("agency", None),
    "EurAsia Daily": ("site", None), "OC Media": ("site", None), "JAMnews": ("site", None),
    "CivilNet": ("site", None), "24.kg": ("agency", None), "Asia Times": ("newspaper", None),
    "The Jamestown Foundation": ("institute", None),
    "Italian Institute for International Political Studies": ("institute", None),
    "Institute for War and Peace Reporting": ("site", None), "Caravanserai": ("site", None),
    "Kloop": ("site", None), "Vlast.kz": ("site", None),
    "Transparency International": ("institute", None), "World Bank": ("institute", None),
    "Central Intelligence Agency": ("institute", None),
}


def by_name(name: str) -> Outlet:
    return next(o for o in OUTLETS if o.name == name)


# --- the data file ----------------------------------------------------------------------------

def test_the_table_is_a_tuple_of_outlets_with_at_least_500_entries() -> None:
    assert isinstance(OUTLETS, tuple) and all(isinstance(o, Outlet) for o in OUTLETS)
    assert len(OUTLETS) >= 500


def test_every_entry_has_a_known_kind_a_name_and_a_domain() -> None:
    assert {o.kind for o in OUTLETS} <= KINDS
    assert all(o.name and o.domains for o in OUTLETS)
    assert len({o.name for o in OUTLETS}) == len(OUTLETS)


def test_every_domain_is_a_host_and_a_site_not_a_shared_suffix() -> None:
    psl = PublicSuffixList()
    for outlet in OUTLETS:
        for domain in outlet.domains:
            assert HOST.fullmatch(domain) and len(domain) <= 253, (outlet.name, domain)
            # gov.uk, gov.kz, mil.ru are public suffixes: list the site (www.gov.uk) instead
            assert not psl.is_public(domain), (outlet.name, domain)
            assert psl.privatesuffix(domain) is not None, (outlet.name, domain)


def test_no_domain_belongs_to_two_outlets_of_different_families() -> None:
    families: dict[str, set[str]] = defaultdict(set)
    for outlet in OUTLETS:
        for domain in outlet.domains:
            families[domain].add(outlet.family or outlet.name)
    assert {d: f for d, f in families.items() if len(f) > 1} == {}


def test_no_domain_is_listed_twice() -> None:
    domains = [d for o in OUTLETS for d in o.domains]
    assert sorted(d for d in set(domains) if domains.count(d) > 1) == []


def test_every_name_and_alias_finds_its_own_outlet() -> None:
    """No name or alias is shared by two outlets, nor so close to another that the other
    answers for it."""
    wrong = [(alias, outlet.name, found and found.name)
             for outlet in OUTLETS for alias in (outlet.name, *outlet.aliases)
             if (found := outlet_named(alias)) is not outlet]
    assert wrong == []


def test_no_name_is_a_typo_away_from_another_outlets_name() -> None:
    from rapidfuzz import fuzz, process

    from footcheck.references import _fuzzy_names, _outlet_names, _typo_of

    names = list(_fuzzy_names())
    owner = _outlet_names()
    close = [(name, other) for name in names
             for other, _score, _index in process.extract(name, names, scorer=fuzz.ratio,
                                                           score_cutoff=92, limit=None)
             if name < other and owner[name] is not owner[other] and _typo_of(name, other)]
    assert close == []


def test_the_original_entries_keep_their_meaning() -> None:
    for name, (kind, family) in ORIGINAL.items():
        outlet = by_name(name)
        assert (outlet.kind, outlet.family) == (kind, family), name
    assert [o.name for o in OUTLETS[:len(ORIGINAL)]] == list(ORIGINAL)  # first, in order
    assert set(by_name("Deutsche Welle").aliases) >= {"DW"}
    assert by_name("Radio Free Europe/Radio Liberty").domains[:3] == (
        "rferl.org", "azattyq.org", "azattyk.org")


def test_the_table_is_read_on_first_use_and_once() -> None:
    code = ("import footcheck.references as r, footcheck.checks.references\n"
            "assert r._outlets.cache_info().currsize == 0, 'read at import'\n"
            "from footcheck.references import OUTLETS\n"
            "assert r.OUTLETS is OUTLETS and r._outlets.cache_info().misses == 1\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_read_outlets() -> None:
    text = ("# a comment\n\n"
            "Some Paper\tnewspaper\t\tpaper.example www.Paper.example\tPaper | The Paper\n"
            "Some Wire\tagency\n"
            "Edition\tmagazine\tbrand\tedition.example\n")
    assert read_outlets(text) == (
        Outlet("Some Paper", ("paper.example", "www.paper.example"), ("Paper", "The Paper")),
        Outlet("Some Wire", (), (), "agency"),
        Outlet("Edition", ("edition.example",), (), "magazine", "brand"))
    with pytest.raises(ValueError, match="line 1"):
        read_outlets("only a name\n")


# --- names ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "outlet"), [
    ("AP", "Associated Press"), ("FT", "Financial Times"), ("DW", "Deutsche Welle"),
    ("ISW", "Institute for the Study of War"), ("The BBC", "BBC"), ("U.N.", "United Nations"),
    ("WHO", "World Health Organization"), ("*FT*", "Financial Times"), ("Tass", "TASS"),
    ("Nato", "NATO"), ("Deutsche Welle", "Deutsche Welle"),
    ("Немецкая волна", "Deutsche Welle"), ("Радио Свобода", "Radio Free Europe/Radio Liberty"),
    ("Радио Азаттык", "Radio Free Europe/Radio Liberty"), ("ТАСС", "TASS"),
    ("Новая газета", "Novaya Gazeta"), ("Ведомости", "Vedomosti"),
    ("Süddeutsche Zeitung", "Süddeutsche Zeitung"), ("Suddeutsche Zeitung", "Süddeutsche Zeitung"),
    ("Zentrum fur Osteuropa-und internationale Studien",
     "Centre for East European and International Studies"),
    ("Carnegie Endowmnet", "Carnegie Endowment for International Peace"),  # a typo
    ("Vedomostii", "Vedomosti"), ("Eurasia net", "Eurasianet"),
    ("Radio Free Europe/Radio Libery", "Radio Free Europe/Radio Liberty"),
    ("Routledge", "Taylor & Francis"),
    ("Palgrave Macmillan", "Springer Nature"), ("Kremlin", "President of Russia"),
])
def test_outlet_named(name: str, outlet: str) -> None:
    found = outlet_named(name)
    assert found is not None and found.name == outlet


@pytest.mark.parametrize("word", [
    # short aliases match only as written, in capitals
    "ap", "Ap", "ft", "dw", "Dw", "isw", "who", "Who", "un", "Un", "eu", "aa", "rt", "dr",
    "nos", "err", "pace", "Pace", "rand", "sage",
    # ordinary words, and their plurals, are no outlet
    "it", "us", "age", "national", "print", "wire", "mirror", "reason", "trend", "scroll",
    "coda", "stuff", "punch", "republic", "expert", "riddle", "caliber", "tempo", "mint",
    "polity", "intellect", "emerald", "ibidem", "frontier", "sciences", "natures", "liga",
    "Report", "News", "Ministry of Foreign Affairs", "Government", "University",
    # a name one letter from a known name is another name, not a typo
    "Ministry of Foreign Affairs of Iraq", "Asian Development Banks", "Iranian Foreign Ministries",
])
def test_ordinary_words_and_short_aliases_in_other_cases_are_no_outlet(word: str) -> None:
    assert outlet_named(word) is None


# --- sites ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("host", "outlet"), [
    ("www.rferl.org", "Radio Free Europe/Radio Liberty"),
    ("rus.azattyq.org", "Radio Free Europe/Radio Liberty"),
    ("www.radiofarda.com", "Radio Free Europe/Radio Liberty"),
    ("euaa.europa.eu", "European Union Agency for Asylum"),  # the longest domain wins
    ("ec.europa.eu", "European Commission"), ("europa.eu", "European Union"),
    ("hudoc.echr.coe.int", "European Court of Human Rights"), ("www.coe.int", "Council of Europe"),
    ("mitpress.mit.edu", "MIT Press"), ("news.mit.edu", "Massachusetts Institute of Technology"),
    ("css.ethz.ch", "Center for Security Studies"),
    ("economictimes.indiatimes.com", "The Economic Times"),
    ("www.gov.uk", "UK Government"), ("gov.uk", "UK Government"),
    ("www.ons.gov.uk", "Office for National Statistics"),
    ("mil.ru", "Ministry of Defence of the Russian Federation"),
    ("www.gov.kz", "Government of Kazakhstan"), ("gov.kz", "Government of Kazakhstan"),
    ("stat.gov.kz", "Bureau of National Statistics of Kazakhstan"),
    ("www.state.gov", "U.S. Department of State"), ("kz.usembassy.gov", "U.S. Department of State"),
    ("en.kremlin.ru", "President of Russia"),
    ("www.mid.ru", "Ministry of Foreign Affairs of the Russian Federation"),
    ("www.tandfonline.com", "Taylor & Francis"), ("link.springer.com", "Springer Nature"),
    ("academic.oup.com", "Oxford University Press"), ("WWW.NYTIMES.COM.", "The New York Times"),
])
def test_outlet_of_host(host: str, outlet: str) -> None:
    found = outlet_of_host(host)
    assert found is not None and found.name == outlet


@pytest.mark.parametrize("host", [
    "kz", "gov.kg.example", "assets.publishing.service.gov.uk", "other.mil.ru", "indiatimes.com",
    "example.org", "notnytimes.com", "nytimes.com.evil.example",
])
def test_a_shared_suffix_or_an_unknown_site_is_no_outlet(host: str) -> None:
    assert outlet_of_host(host) is None


# --- publisher-mismatch with the larger table --------------------------------------------------

def fc403(*notes: str) -> list[tuple[int | None, str | None]]:
    extraction = make_extraction("\n".join(notes) + "\n")
    return [(f.number, f.suggestion) for f in check(extraction) if f.code == "FC403"]


def test_publisher_mismatch_stays_silent_where_one_outlet_publishes_the_other() -> None:
    assert fc403(
        "Doe, J. (2023). 'T,' Routledge. 1 May. <https://www.tandfonline.com/doi/abs/1>",
        "Doe, J. (2023). 'T,' The Observer. 1 May. <https://www.theguardian.com/a/b>",
        "UNHCR. 'Figures at a glance.' 1 May 2023. <https://www.unhcr.org/figures>",
        "Doe, J. (2023). 'T,' European Union. 1 May. <https://ec.europa.eu/eurostat/x>",
        "Xinhua. 'Wire copy.' 1 May 2023. <https://www.globaltimes.cn/page/1.shtml>",
        "Doe, J. (2023). 'T,' Project Syndicate. 1 May. <https://www.dawn.com/news/1>",
        "Doe, J. (2023). 'T,' Radio Farda. 1 May. <https://www.radiofarda.com/a/1.html>",
        "Doe, J. (2023). 'T,' Voice of America. 1 May. <https://www.golosameriki.com/a/1.html>",
        "Doe, J. (2023). 'T,' Foreign and Commonwealth Office. 1 May. <https://www.gov.uk/x>",
        # the government's portal covers its sites: legislation.gov.uk is the Government's
        "UK Government. Data protection act 1998. http://www.legislation.gov.uk/ukpga/1998/29",
        # a paper cited by its record in an index of scholarly work (Harvard's ADS, PubMed)
        "Doe, J. (2007). 'Dating the Maori,' *Proceedings of the National Academy of Sciences*. "
        "105 (22). <https://ui.adsabs.harvard.edu/abs/2008PNAS..105.7676W>",
        "Doe, J. (2019). 'Kauri,' *Science*. 363 (6430). "
        "<https://pubmed.ncbi.nlm.nih.gov/30705191/>",
    ) == []


def test_publisher_mismatch_names_the_site_the_url_is_on() -> None:
    assert fc403(
        "Doe, J. (2023). 'Shipping after sanctions,' Chatham House. 1 May. "
        "<https://rusi.org/explore/1>",
        "Kremlin. 'Statement.' 1 May 2023. <https://www.mid.ru/en/foreign_policy/news/1/>",
        "Doe, J. (2023). 'Rents in Almaty,' The Moscow Times. 1 May. "
        "<https://meduza.io/en/news/1>",
    ) == [(1, "Royal United Services Institute"),
          (2, "Ministry of Foreign Affairs of the Russian Federation"), (3, "Meduza")]


# --- folding: FC401 variant-citation ----------------------------------------------------------

@pytest.mark.parametrize(("a", "b"), [
    ("Müller", "Muller"), ("Lefèvre", "Lefevre"), ("Łukasz Żak", "Lukasz Zak"),
    ("Ørsted", "Orsted"), ("Шевченко", "Shevchenko"), ("Mu\u0308ller", "Müller"),
    ("Radio Free Europe/Radio Liberty", "radio free europe radio liberty"),
])
def test_folded_makes_one_name_of_its_spellings(a: str, b: str) -> None:
    assert _folded(a) == _folded(b) != ""


def fc401(author: str, other: str) -> list[str]:
    extraction = make_extraction(
        f"{author}. (2023). 'The Exodus,' *Visions*. 5 July. https://www.ifri.org/a.pdf\n"
        f"{other}. (2023). 'The Exodus,' *Visions*. 5 July. https://ifri.org/a.pdf\n")
    return [f.message for f in check(extraction) if f.code == "FC401"]


@pytest.mark.parametrize(("author", "other"), [
    ("Müller, Jan", "Muller, Jan"), ("Lefèvre, Anne", "Lefevre, Anne"),
    ("Шевченко, Олег", "Shevchenko, Oleg"),
])
def test_a_name_with_and_without_accents_is_one_author_spelled_two_ways(author: str,
                                                                       other: str) -> None:
    found = fc401(author, other)
    assert len(found) == 1
    assert f"'{other}' here, '{author}' there" in found[0]


def test_one_spelling_however_it_is_encoded_is_no_variant() -> None:
    decomposed = "Mu\u0308ller, Jan"  # u and a combining diaeresis, as some PDFs give it
    assert fc401("Müller, Jan", decomposed) == []
    assert fc401("Müller, Jan", "MÜLLER, JAN") == []


def test_a_configurations_outlets_leave_nothing_behind_in_the_process(sample_path):
    """Library users and in-process runs audit one brief after another: what the outlets of
    one configuration made of the notes (the outlet a source names, a URL's site) must not
    stay cached for the next run (the sample's report changed after config tests ran)."""
    from footcheck import references
    from footcheck.checks import references as reference_checks
    from footcheck.document import read
    from footcheck.pipeline import audit

    sample = read(sample_path)
    with references.extra_outlets([("Kyiv Independent", ["kyivindependent.com"])]):
        audit(sample)
    after = audit(sample).findings
    for cached in (references._crf_sources, reference_checks._site):
        getattr(cached, "cache_clear", lambda: None)()
    references._clear_outlet_caches()
    assert after == audit(sample).findings


def test_a_configurations_outlets_leave_the_table_itself_as_it_was():
    """After a house style's outlets the table is the one read before (the same outlets,
    not a copy read again): what a caller holds still names the outlets found."""
    from footcheck import references

    before = references.OUTLETS
    with references.extra_outlets([("House Weekly", ["house.example"])]):
        assert outlet_named("House Weekly").name == "House Weekly"
        assert references.OUTLETS[1:] == before
    assert references.OUTLETS is before
    assert outlet_named(before[0].name) is before[0]
