"""Grouping references into works, and their keys (footcheck.works)."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from refs_sample import sample_extraction

from footcheck.model import Note, Reference
from footcheck.urls import normalise_url
from footcheck.works import citation_key, group, same_work


def note(text: str, token: str = "I", number: int = 1) -> Note:
    return Note(label=token, token=token, number=number, series="endnotes",
                notation="superscript", line=number, column=1, end_line=number, text=text)


@pytest.fixture(scope="module")
def sample():
    extraction = sample_extraction()
    return extraction.notes, group(extraction.notes)


@pytest.mark.parametrize(("a", "b"), [
    ("https://www.rferl.org/a/x/1.html", "http://rferl.org/a/x/1.html/"),
    ("https://WWW.Example.ORG/a?utm_source=n&id=3#frag", "https://example.org/a?id=3"),
    ("https://x.example/a/#:~:text=May", "https://x.example/a"),
    ("https://press.kz/n/a?amp", "https://press.kz/n/a"),
])
def test_normalise_url_equal(a: str, b: str) -> None:
    assert normalise_url(a) == normalise_url(b)


def test_normalise_url_keeps_identifying_query_and_path_case() -> None:
    assert normalise_url("https://v.ru/p/?id=1") != normalise_url("https://v.ru/p/?id=2")
    assert normalise_url("https://x.org/Path") != normalise_url("https://x.org/path")


def test_sample_has_72_distinct_works(sample) -> None:
    # 66 distinct normalised URLs (one work each; no work cited under two URLs) plus six
    # works without a URL: Kuleshova et al., Muhlfried, Sahadeo, the World Bank update,
    # Yusupova (cited twice) and the placeholder note LXXXVII.
    _, works = sample
    assert len(works) == 72
    assert len(set(works.keys())) == 72
    without_url = [w.key for w in works if not w.reference.urls]
    assert len(without_url) == 6


def test_meduza_six_times_latypova_four_times(sample) -> None:
    notes, works = sample
    meduza = [w for w in works if w.reference.authors == ("Meduza",)]
    assert len(meduza) == 1
    assert [notes[c.note_index].token for c in meduza[0].citations] == [
        "VII", "LVIII", "LXV", "LXXXIX", "XCI", "XCIII"]
    latypova = [w for w in works if w.reference.authors == ("Latypova, Leyla",)]
    assert len(latypova) == 1 and len(latypova[0].citations) == 4


def test_majority_forms_are_merged(sample) -> None:
    _, works = sample
    meduza = next(w for w in works if w.reference.authors == ("Meduza",))
    assert meduza.reference.title.startswith("Russia's wartime")
    poghosyan = next(w for w in works if w.reference.authors[:1] == ("Poghosyan, Benyamin",))
    assert poghosyan.reference.date == "2023-11-06"  # the one note that gives the day


def test_note_keys(sample) -> None:
    notes, works = sample
    index = {n.token: i for i, n in enumerate(notes)}
    assert works.note_keys[index["XIII"]] == ("najibullah2023living",)
    assert len(works.note_keys[index["XVI"]]) == 4
    assert works.note_keys[index["LVIII"]] == ("najibullah2023living", "meduza2023russias")
    assert works.note_keys[index["XLIX"]] == works.note_keys[index["L"]]


def test_keys_are_readable_and_deterministic(sample) -> None:
    notes, works = sample
    keys = works.keys()
    assert "najibullah2023living" in keys and "kucera2023frosty" in keys
    assert all(k.isascii() and k.isalnum() and k == k.lower() for k in keys)
    assert group(notes).keys() == keys


def test_key_rules() -> None:
    assert citation_key(Reference(authors=("Transparency International",), year=2023,
                                  title="The State of Things")) == "transparency2023state"
    assert citation_key(Reference(authors=("Müller, Jörg",), year=2020, title="Über Grenzen")
                        ) == "muller2020uber"
    assert citation_key(Reference(authors=("Иванов, Иван",), year=2022, title="Щит")) == \
        "ivanov2022shchit"
    assert citation_key(Reference(urls=("https://www.iwpr.net/a/b",))) == "iwpr"
    assert citation_key(Reference()) == "anon"


def test_colliding_keys_get_letters_in_citation_order() -> None:
    notes = [note("Smith, J. (2020). 'Migration now,' Outlet A. 1 May. <https://a.example/1>"),
             note("Smith, J. (2020). 'Migration later,' Outlet B. 2 May. <https://b.example/2>",
                  "II", 2),
             note("Smith, J. (2020). 'Migration now,' Outlet A. 1 May. <https://a.example/1/>",
                  "III", 3)]
    works = group(notes)
    assert works.keys() == ("smith2020migrationa", "smith2020migrationb")
    assert works.note_keys == (("smith2020migrationa",), ("smith2020migrationb",),
                               ("smith2020migrationa",))


def test_fuzzy_grouping_without_url() -> None:
    a = Reference(authors=("Yusupova, Guzel",), year=2023, title="Empire in Exile: Coloniality")
    b = Reference(authors=("Yusupova, G.",), year=2023, title="Empire in exile: coloniality")
    c = Reference(authors=("Yusupova, Guzel",), year=2022, title="Empire in Exile: Coloniality")
    d = Reference(authors=("Other, Person",), year=2023, title="Something else entirely")
    assert same_work(a, b)
    assert not same_work(a, c)
    assert not same_work(a, d)


def test_titles_numbered_apart_are_other_works() -> None:
    """"Interview 17" and "Interview 18", the reports of 2019 and of 2021, are other works,
    however alike their titles (6,000 interviews were grouped as 1,598 works)."""
    interview = [Reference(year=2023, title=f"Interview {n}") for n in (17, 18, 71)]
    assert not any(same_work(a, b) for a, b in itertools.combinations(interview, 2))
    report = Reference(authors=("Ministry of Labour",), year=2022, title="Annual Report 2021")
    assert not same_work(report, replace(report, title="Annual Report 2019"))
    assert same_work(report, replace(report, title="Annual report, 2021"))
    notes = [(None, [Reference(year=2023, title=f"Interview {n}")]) for n in range(1, 101)]
    assert len(group(notes)) == 100


def test_same_site_url_with_different_titles_is_not_one_work() -> None:
    a = Reference(title="Annual report 2022", urls=("https://www.worldbank.org/",))
    b = Reference(title="Poverty and shared prosperity", urls=("https://worldbank.org",))
    assert not same_work(a, b)


def test_doi_decides() -> None:
    a = Reference(title="A", doi="10.1/ABC", urls=("https://x.example/1",))
    b = Reference(title="B", doi="10.1/abc", urls=("https://y.example/2",))
    assert same_work(a, b)


def test_pairs_and_notes_with_references() -> None:
    ref = Reference(authors=("Doe, J.",), year=2021, title="Thing", urls=("https://t.example/",))
    given = Note(label="I", token="I", number=1, series="endnotes", notation="superscript",
                 line=1, column=1, end_line=1, text="ignored", references=(ref,))
    works = group([given, (None, [ref]), (None, [])])
    assert len(works) == 1
    assert works.note_keys == (("doe2021thing",), ("doe2021thing",), ())


def test_keys_are_unique_for_any_number_of_works():
    from footcheck.works import unique_keys

    keys = unique_keys(["smith2020"] * 800 + ["smith2020a", "jones"])
    assert len(set(keys)) == len(keys) == 802
    assert keys[:2] == ["smith2020b", "smith2020c"]  # smith2020a is another work's own key
    assert keys[-2:] == ["smith2020a", "jones"]
    assert len(keys[799]) == len("smith2020") + 3  # past zz: three letters


def test_a_suffixed_key_never_takes_another_works_key():
    from footcheck.works import unique_keys

    keys = unique_keys(["smitha", "smith", "smith", "smitha"])
    assert len(set(keys)) == 4
