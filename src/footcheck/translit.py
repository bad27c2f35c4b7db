"""Cyrillic written in Latin letters, for comparing names and titles across scripts.

A brief may cite ``Новая газета`` where the page calls itself ``Novaya Gazeta``, or an author
as ``Латыпова`` in one note and ``Latypova`` in another. Matching (grouping works, comparing a
cited title with a page's title) folds both sides with :func:`latinize`. The table is for
matching, not display: it follows the spellings English-language outlets use (``й`` → ``y``,
``ю`` → ``yu``), covers Russian, Ukrainian, Belarusian and Kazakh letters, and drops hard and
soft signs.
"""

from __future__ import annotations

_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўәғқңөұүһ"
_LATIN = ("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
          "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
          "yu", "ya", "i", "yi", "ye", "g", "u", "a", "g", "q", "n", "o", "u", "u", "h")
_TABLE = str.maketrans(dict(zip(_CYRILLIC, _LATIN, strict=True)))


def latinize(text: str) -> str:
    """``text`` case-folded, its Cyrillic letters written in Latin ones.

    Other characters, accents included, are kept: callers strip what they do not compare.
    """
    return text.casefold().translate(_TABLE)
