"""Dates written in URLs (footcheck.checks.references.url_dates), as FC402 date-mismatch reads
them: every common shape found, and the numbers that only look like dates left alone."""

from __future__ import annotations

import datetime as dt

import pytest

from footcheck.checks.references import url_date, url_dates
from footcheck.model import Document
from footcheck.pipeline import audit

NEXT_YEAR = dt.date.today().year + 1

# (URL, the date it gives: YYYY-MM-DD, YYYY-MM for a month only, or None)
URLS = [
    # /2023/12/05/: year, month and day as folders
    ("https://www.nytimes.com/2023/12/05/world/europe/russia.html", "2023-12-05"),
    ("https://x.example/2023/4/13/slug", "2023-04-13"),
    ("https://x.example/news/2022/12/04", "2022-12-04"),
    ("https://x.example/2023/12/05-slug-of-the-story", "2023-12-05"),
    # /2023/12/: a month only
    ("https://x.example/2023/12/", "2023-12"),
    ("https://asiatimes.com/2023/10/russias-war-loss-is-kazakhstans-brain-gain/", "2023-10"),
    ("https://x.example/blog/2023/7/slug", "2023-07"),
    ("https://x.example/2023/12/45678/slug", "2023-12"),  # year, month, then an id
    # 2023-12-05 or 2023_12_05 in a slug
    ("https://www.reuters.com/world/kazakhs-wary-poll-2023-05-17/", "2023-05-17"),
    ("https://www.ng.ru/cis/2023-10-31/1_8866_georgia.html", "2023-10-31"),
    ("https://x.example/2023-12-06-title", "2023-12-06"),
    ("https://x.example/files/report_2023_12_05.pdf", "2023-12-05"),
    ("https://x.example/stories/2023-03-22/slug", "2023-03-22"),
    ("https://x.example/a/12345-2023-12-05-slug", "2023-12-05"),
    # /20231205/ and -20231205-: eight digits alone
    ("https://ru.armeniasputnik.am/20221018/kak-relokanty-49961953.html", "2022-10-18"),
    ("https://x.example/story-20231205-slug", "2023-12-05"),
    ("https://x.example/press_20231205.pdf", "2023-12-05"),
    ("https://x.example/19900101/slug", "1990-01-01"),
    # /2023/dec/05/ (The Guardian) and /05/dec/2023/
    ("https://www.theguardian.com/world/2023/dec/05/russia-story", "2023-12-05"),
    ("https://www.theguardian.com/world/2023/Sep/5/story", "2023-09-05"),
    ("https://x.example/05/dec/2023/story", "2023-12-05"),
    ("https://x.example/2023/june/30/story", "2023-06-30"),
    # ?date=2023-12-05
    ("https://x.example/article?date=2023-12-05", "2023-12-05"),
    ("https://x.example/article?id=7&pubdate=20231205", "2023-12-05"),
    # a day wins over a month, a path over a query
    ("https://x.example/2023/11/story-2023-12-05", "2023-12-05"),
    ("https://x.example/2023/12/05/a?date=2020-01-01", "2023-12-05"),
    # no date
    ("https://x.example/2023/", None),  # a year alone
    ("https://x.example/2023/slug", None),
    ("https://x.example/a/1234567890/", None),  # an id
    ("https://x.example/a/20231205123/", None),  # eight digits inside a longer number
    ("https://x.example/news/12345-2023-report", None),
    ("https://x.example/doc/A-2023-1234-5678", None),
    ("https://x.example/files/2023-09/report.pdf", None),  # a year and a month in one folder
    ("https://x.example/release/v1.2023.12.05/", None),  # a dotted version
    ("https://x.example/release/2.2023-12-05", None),
    ("https://x.example/search?q=2023-04-06", None),  # another query parameter
    ("https://x.example/2023/02/30/slug", None),  # a day the calendar does not have
    ("https://x.example/2023/13/01/slug", None),
    ("https://x.example/19891231/slug", None),  # eight digits before 1990
    (f"https://x.example/{NEXT_YEAR + 1}/01/05/slug", None),  # after next year
    (f"https://x.example/a-{NEXT_YEAR + 1}0105-b", None),
    ("https://x.example/wp-content/uploads/2023/12/report.pdf", None),  # the upload month
    ("https://x.example/2023/dec/", None),  # a month name needs its day
    ("https://x.example/a/2023/decimal/05/", None),
    ("https://x.example/", None),
    ("not a url", None),
]


def _iso(found) -> str | None:
    if found is None:
        return None
    if found.day is None:
        return f"{found.year:04d}-{found.month:02d}"
    return found.date.isoformat()


@pytest.mark.parametrize(("url", "expected"), URLS)
def test_url_dates(url: str, expected: str | None) -> None:
    assert _iso(url_dates(url)) == expected


def test_the_table_is_large_and_mixed() -> None:
    assert len(URLS) >= 30
    assert sum(e is None for _, e in URLS) >= 10 and sum(e is not None for _, e in URLS) >= 20


def test_next_year_is_still_a_date() -> None:
    assert _iso(url_dates(f"https://x.example/{NEXT_YEAR}/01/05/s")) == f"{NEXT_YEAR}-01-05"


def test_url_date_gives_days_only() -> None:
    assert url_date("https://x.example/2023/12/05/s") == (dt.date(2023, 12, 5), "2023/12/05")
    assert url_date("https://x.example/s-2023-12-06-t")[1] == "2023-12-06"
    assert url_date("https://x.example/2023/12/s") is None  # a month only
    found = url_dates("https://x.example/2023/12/s")
    assert (found.year, found.month, found.day, found.text) == (2023, 12, None, "2023/12")


# --- FC402 ----------------------------------------------------------------------------------

def _date_findings(url: str, date: str = "5 December") -> list[str]:
    text = (f"A claim.^{{1}}\n\n^{{1}} Doe, Jane. (2023). 'A title,' *Some Outlet*. {date}. "
            f"Available at: <{url}>\n")
    return [f.message for f in audit(Document.from_text(text)).findings if f.code == "FC402"]


def test_fc402_fires_when_the_slug_gives_another_day() -> None:
    found = _date_findings("https://news.example/2023-12-06-title")
    assert len(found) == 1
    assert "5 December 2023" in found[0] and "6 December 2023 (2023-12-06)" in found[0]


def test_fc402_is_silent_when_the_dates_agree() -> None:
    assert _date_findings("https://news.example/2023-12-05-title") == []
    assert _date_findings("https://news.example/2023/dec/05/title") == []
    assert _date_findings("https://news.example/20231205/title") == []
    assert _date_findings("https://news.example/story?date=2023-12-05") == []


@pytest.mark.parametrize("url", [
    "https://news.example/2023/dec/06/title",
    "https://news.example/06/dec/2023/title",
    "https://news.example/20231206/title",
    "https://news.example/title_2023_12_06",
    "https://news.example/story?date=2023-12-06",
])
def test_fc402_reads_every_shape(url: str) -> None:
    assert len(_date_findings(url)) == 1


def test_fc402_compares_a_month_only_url_by_month() -> None:
    assert _date_findings("https://news.example/2023/12/title") == []
    found = _date_findings("https://news.example/2023/11/title")
    assert len(found) == 1 and "November 2023 (2023/11)" in found[0]
    # a note without a day is not compared
    assert _date_findings("https://news.example/2023/11/title", date="December") == []


def test_a_month_in_letters_that_only_fold_to_english_is_no_date() -> None:
    """``ſep`` (long s) and ``\u212aov`` (Kelvin sign) match ``sep``/``nov`` case-insensitively in
    Unicode, and the month lookup then failed (KeyError, exit 4)."""
    assert url_dates("https://example.org/2023/\u017fep/05/title") is None
    assert url_dates("https://example.org/05/\u212aov/2023/title") is None
    text = ("Claim.^{1}\n\nNotes\n\n^{1} Smith, J. (4 September 2023). Title. "
            "https://example.org/2023/\u017fep/05/title\n")
    assert not [f for f in audit(Document.from_text(text)).findings if f.code == "FC402"]
