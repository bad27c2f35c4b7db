"""Month names and calendar days: one table of each, for every module that reads or writes a date.

A leaf: imports nothing from footcheck.

* :data:`MONTH_NAMES` (``January`` …) and :data:`MONTH_ABBREVIATIONS` (``jan`` …, BibTeX's
  month macros) are the English names dates are written with; :func:`long_date` writes one.
* :data:`MONTH_NUMBERS` reads month words in English, French, German, Spanish, Italian,
  Portuguese, Dutch and Russian (Cyrillic and transliterated, with the genitive ``мая``);
  :data:`ENGLISH_MONTH_NUMBERS` is its English part, for text that is English by its shape (a
  URL's ``/2023/dec/05/``, a page's ``May 4, 2023``). :func:`month_number` looks a word up in
  either.
* :func:`calendar_day` tells whether the calendar has a day (not ``2023-02-30``).

The citation labeller's ``month`` feature words (:data:`footcheck.citations.features.MONTHS`)
are not these: the trained model was trained with that list as it stands.
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["ENGLISH_MONTH_NUMBERS", "MONTH_ABBREVIATIONS", "MONTH_NAMES", "MONTH_NUMBERS",
           "YEAR", "calendar_day", "long_date", "month_number"]

#: A year of a citation, 1500–2099, not inside a longer number.
YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
#: Three letters, lower case: ``jan`` … ``dec``.
MONTH_ABBREVIATIONS = tuple(name[:3].lower() for name in MONTH_NAMES)

_MONTH_WORDS = (
    "january jan janvier janv januar jänner enero gennaio janeiro januari yanvar yanvarya "
    "январь января",
    "february feb février fevrier févr fevr februar febrero febbraio fevereiro februari "
    "fevral fevralya февраль февраля",
    "march mar mars märz maerz marzo março marco maart mart marta март марта",
    "april apr avril abril aprile aprel aprelya апрель апреля",
    "may mai mayo maggio maio mei maya май мая",
    "june jun juin juni junio giugno junho iyun iyunya июнь июня",
    "july jul juillet juil juli julio luglio julho iyul iyulya июль июля",
    "august aug août aout agosto augustus avgust avgusta август августа",
    "september sep sept septembre setembro septiembre setiembre settembre sentyabr "
    "sentyabrya сентябрь сентября",
    "october oct octobre oktober octubre ottobre outubro oktyabr oktyabrya октябрь "
    "октября",
    "november nov novembre noviembre novembro noyabr noyabrya ноябрь ноября",
    "december dec décembre decembre déc dezember diciembre dicembre dezembro dekabr "
    "dekabrya декабрь декабря",
)
#: A month word in lower case (``march``, ``mar``, ``märz``, ``марта``) -> the month, 1 to 12.
MONTH_NUMBERS: dict[str, int] = {word: number for number, words in enumerate(_MONTH_WORDS, 1)
                                 for word in words.split()}
#: The English month words alone: the full names and their three-letter abbreviations.
ENGLISH_MONTH_NUMBERS: dict[str, int] = {
    word: number for number, name in enumerate(MONTH_NAMES, 1)
    for word in (name.lower(), name[:3].lower())}


def month_number(word: str, *, english: bool = False) -> int | None:
    """The month (1 to 12) that ``word`` names, in any case, or ``None``: any language of
    :data:`MONTH_NUMBERS`, or with ``english`` only :data:`ENGLISH_MONTH_NUMBERS`. The word is
    looked up whole (``Dec`` and ``December``, not ``Dec.`` nor ``Decemb``)."""
    return (ENGLISH_MONTH_NUMBERS if english else MONTH_NUMBERS).get(word.lower())


def long_date(year: int | str, month: int, day: int | None = None) -> str:
    """A date written out in English: ``5 May 2023``, or ``May 2023`` without a day.

    ``month`` is 1 to 12; the year and the day are written as given."""
    name = MONTH_NAMES[month - 1]
    return f"{name} {year}" if day is None else f"{day} {name} {year}"


def calendar_day(year: int, month: int, day: int) -> _dt.date | None:
    """The day, or ``None`` when the calendar has no such day (``30 February``, month 13,
    day 0, year 0)."""
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None
