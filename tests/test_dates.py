"""The one table of month names and the calendar-day check every date reader shares."""

import datetime as dt

import pytest

from footcheck.dates import (
    ENGLISH_MONTH_NUMBERS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_NUMBERS,
    calendar_day,
    long_date,
    month_number,
)


def test_english_names_and_abbreviations():
    assert MONTH_NAMES[0] == "January" and MONTH_NAMES[-1] == "December"
    assert MONTH_ABBREVIATIONS == ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                   "sep", "oct", "nov", "dec")


@pytest.mark.parametrize("word,number", [
    ("January", 1), ("jan", 1), ("DEC", 12), ("sept", 9), ("May", 5),
    ("janvier", 1), ("févr", 2), ("märz", 3), ("maart", 3), ("mai", 5), ("giugno", 6),
    ("novembro", 11), ("dezember", 12), ("Марта", 3), ("мая", 5), ("avgusta", 8),
])
def test_month_number_any_language(word, number):
    assert month_number(word) == number


@pytest.mark.parametrize("word", ["Dec.", "decemb", "avr", "spring", "", "13", "ſep"])
def test_month_number_is_none_for_other_words(word):
    assert month_number(word) is None


def test_english_view():
    assert month_number("Sep", english=True) == 9
    assert month_number("september", english=True) == 9
    assert month_number("mai", english=True) is None
    assert month_number("марта", english=True) is None
    assert month_number("sept", english=True) is None  # three letters or the whole name
    assert set(ENGLISH_MONTH_NUMBERS.items()) <= set(MONTH_NUMBERS.items())
    assert len(ENGLISH_MONTH_NUMBERS) == 23  # twelve names, eleven other abbreviations


def test_long_date():
    assert long_date(2023, 5, 4) == "4 May 2023"
    assert long_date(2023, 12) == "December 2023"
    assert long_date("2023", 3, 13) == "13 March 2023"  # the year as written


def test_calendar_day():
    assert calendar_day(2024, 2, 29) == dt.date(2024, 2, 29)
    for year, month, day in ((2023, 2, 29), (2023, 4, 31), (2023, 13, 1), (2023, 0, 5),
                             (2023, 1, 0), (0, 1, 1)):
        assert calendar_day(year, month, day) is None


def test_labeller_month_words_are_its_own():
    """The CRF's ``month`` feature words are not the table: the model was trained with them
    as they are (seasons, ``avr``, and no ``novembro``). Change either on purpose only."""
    from footcheck.citations.features import MONTHS

    assert set(MONTHS) - set(MONTH_NUMBERS) == {"avr", "spring", "summer", "autumn", "fall",
                                                "winter"}
    assert set(MONTH_NUMBERS) - set(MONTHS) == {"novembro"}
