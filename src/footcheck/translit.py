"""Folding text for comparison: Cyrillic written in Latin letters, accents dropped.

A brief may cite ``Новая газета`` where the page calls itself ``Novaya Gazeta``, or an author
as ``Латыпова`` in one note and ``Latypova`` in another. Matching (grouping works, comparing a
cited title with a page's title, outlet names) folds both sides with :func:`latinize`. The
table is for matching, not display: it follows the spellings English-language outlets use
(``й`` → ``y``, ``ю`` → ``yu``), covers Russian, Ukrainian, Belarusian and Kazakh letters, and
drops hard and soft signs.

:func:`strip_accents` drops the marks Unicode can take off a letter (``é`` → ``e``), and
:func:`fold_letters` is the whole fold names are matched with. The callers' folds differ on
purpose in what they keep besides (other scripts, ``ø``, punctuation): each composes these.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold_letters", "latinize", "strip_accents"]

_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўәғқңөұүһ"
_LATIN = ("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
          "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
          "yu", "ya", "i", "yi", "ye", "g", "u", "a", "g", "q", "n", "o", "u", "u", "h")
_TABLE = str.maketrans(dict(zip(_CYRILLIC, _LATIN, strict=True)))
#: Letters that Unicode does not decompose into a base letter and an accent.
_BASE_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i",
                               "æ": "ae", "œ": "oe", "þ": "th"})


def latinize(text: str) -> str:
    """``text`` case-folded, its Cyrillic letters written in Latin ones.

    Other characters, accents included, are kept: callers strip what they do not compare.
    """
    return text.casefold().translate(_TABLE)


def strip_accents(text: str) -> str:
    """``text`` in compatibility decomposition (NFKD) without its combining marks: ``Müller``
    -> ``Muller``, ``ﬁ`` -> ``fi``. Letters Unicode does not decompose (``ø``, ``ł``) and
    other scripts are kept; the result is not recomposed."""
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def fold_letters(text: str) -> str:
    """``text`` case-folded, however it is encoded (NFKC), its Cyrillic letters written in
    Latin ones (:func:`latinize`) and its accents dropped: ``Ведомости`` -> ``vedomosti``,
    ``Süddeutsche`` -> ``suddeutsche``, ``Łukasz`` -> ``lukasz``. Other scripts, punctuation
    and spaces are kept. One spelling of a name for matching (outlet names, and the authors
    variant-citation compares)."""
    if text.isascii():
        return text.casefold()
    text = latinize(unicodedata.normalize("NFKC", text)).translate(_BASE_LETTERS)
    return unicodedata.normalize("NFC", strip_accents(text))
