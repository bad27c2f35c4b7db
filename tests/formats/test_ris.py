"""RIS export (``footcheck bib --format ris``), read back field by field by rispy, a
maintained RIS parser (what EndNote, Mendeley and Zotero import is RIS)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import rispy

from footcheck.formats import render_bibliography
from footcheck.formats.ris import TYPES, record, render_works
from footcheck.model import Reference
from footcheck.pipeline import load
from footcheck.works import Work, group

SAMPLE = Path(__file__).resolve().parents[2] / "references" / "relokanty-brief.txt"


@pytest.fixture(scope="module")
def sample_works() -> list[Work]:
    return list(group(load(SAMPLE).notes))


def expected(work: Work) -> dict:
    """What a RIS reader should find for ``work``, in rispy's names."""
    ref = work.reference
    out: dict = {"type_of_reference": TYPES.get(ref.type, "GEN"), "id": work.key}
    if ref.authors:
        out["authors"] = list(ref.authors)
    title = ref.title or ("Personal communication" if ref.type == "personal_communication"
                          else None)
    values = {"title": title, "secondary_title": ref.container, "volume": ref.volume,
              "number": ref.issue, "publisher": ref.publisher, "place_published": ref.place,
              "doi": ref.doi}
    out.update({k: v for k, v in values.items() if v})
    date = ref.date or (str(ref.year) if ref.year else None)
    if date:
        out["year"] = date[:4]
        if len(date) > 4:
            parts = date.split("-")
            out["date"] = "/".join([*parts, ""][:3]) + "/"
    if ref.urls:
        out["urls"] = list(ref.urls)
    if ref.accessed:
        out["access_date"] = ref.accessed.replace("-", "/")
    return out


def test_the_sample_reads_back_field_by_field(sample_works):
    text = render_bibliography("ris", load(SAMPLE).notes)
    records = rispy.loads(text)
    assert len(records) == len(sample_works) == 72
    for work, read in zip(sample_works, records, strict=True):
        want = expected(work)
        got = {k: v for k, v in read.items() if k in want}
        assert got == want, work.key
        assert set(read) - set(want) <= {"type_of_work", "notes", "start_page", "end_page"}


def test_every_field_of_a_journal_article():
    ref = Reference(type="article-journal", authors=("Muhlfried, Florian", "World Bank"),
                    year=2023, title="Between hospitality and hostility",
                    container="Anthropology Today", date="2023-06", volume="39", issue="3",
                    pages="17–19", urls=("https://a.example/x", "https://b.example/y"),
                    doi="10.1111/1467-8322.12345", accessed="2024-01-05",
                    publisher="Wiley")
    work = Work(key="muhlfried2023between", reference=ref, citations=(),
                note="A comment\nover two lines", genre="article")
    read = rispy.loads(render_works([work]))[0]
    assert read == {
        "type_of_reference": "JOUR", "id": "muhlfried2023between",
        "authors": ["Muhlfried, Florian", "World Bank"],
        "title": "Between hospitality and hostility", "secondary_title": "Anthropology Today",
        "year": "2023", "date": "2023/06//", "volume": "39", "number": "3",
        "start_page": "17", "end_page": "19", "publisher": "Wiley",
        "urls": ["https://a.example/x", "https://b.example/y"],
        "doi": "10.1111/1467-8322.12345", "access_date": "2024/01/05",
        "type_of_work": "article", "notes": ["A comment over two lines"]}


def test_a_chapter_with_the_editors_of_its_book():
    ref = Reference(type="chapter", authors=("Pereira, Bruno",), editors=("Rahman, N.",),
                    year=2002, title="Remittances and Rural Credit Markets",
                    container="Migration and Development", pages="61–84",
                    publisher="Westhaven Books", place="Toronto")
    read = rispy.loads(render_works([Work(key="pereira2002", reference=ref, citations=())]))[0]
    assert (read["type_of_reference"], read["secondary_authors"], read["secondary_title"]) == (
        "CHAP", ["Rahman, N."], "Migration and Development")


@pytest.mark.parametrize("kind, ty", [*sorted(TYPES.items()), ("misc", "GEN"), ("odd", "GEN")])
def test_types(kind, ty):
    work = Work(key="k", reference=Reference(type=kind, title="T", year=2020), citations=())
    assert rispy.loads(render_works([work]))[0]["type_of_reference"] == ty


def test_an_unread_source_keeps_its_text_and_a_single_page():
    unread = Work(key="misc", reference=Reference(raw="get source here"), citations=())
    page = Work(key="p", reference=Reference(type="book", title="B", pages="8"), citations=())
    first, second = rispy.loads(render_works([unread, page]))
    assert first == {"type_of_reference": "GEN", "id": "misc", "notes": ["get source here"]}
    assert second["start_page"] == "8" and "end_page" not in second


def test_the_file_is_crlf_utf8_and_ends_each_record():
    ref = Reference(type="article-newspaper", authors=("Авдеев, Пётр",),
                    title="Релоканты и рынок", container="Коммерсантъ", date="2022-05-05")
    text = render_works([Work(key="a", reference=ref, citations=())] * 2)
    assert text.count("\r\n") == text.count("\n") and text.endswith("ER  - \r\n")
    assert text.count("ER  - ") == 2 and "\r\n\r\nTY  - NEWS" in text
    assert all(line == "" or line[2:6] == "  - " for line in text.split("\r\n"))
    assert rispy.loads(text)[0]["authors"] == ["Авдеев, Пётр"]
    assert render_works([]) == ""


def test_record_ends_with_er():
    work = Work(key="k", reference=Reference(title="T"), citations=())
    assert record(work)[-1] == ("ER", "")


def test_bib_command_writes_ris(tmp_path):
    out = tmp_path / "refs.ris"
    result = subprocess.run([sys.executable, "-m", "footcheck", "bib", str(SAMPLE), "-f", "ris",
                             "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().decode("utf-8") == render_bibliography("ris", load(SAMPLE).notes)
    assert len(rispy.loads(out.read_text(encoding="utf-8"))) == 72
