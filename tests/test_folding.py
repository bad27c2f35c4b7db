"""The folds text is compared with (:mod:`footcheck.translit`), shared by work grouping,
page-title matching and outlet names."""

import pytest

from footcheck.translit import fold_letters, strip_accents


@pytest.mark.parametrize("text,stripped", [
    ("Müller", "Muller"),
    ("Lefèvre", "Lefevre"),
    ("Mu\u0308ller", "Muller"),  # already decomposed
    ("ﬁnance", "finance"),  # compatibility forms too
    ("Łukasz Søren", "Łukasz Søren"),  # no base letter in Unicode: kept
    ("й", "и"),  # Cyrillic too: transliterate first where that matters
    ("東京", "東京"),
])
def test_strip_accents(text, stripped):
    assert strip_accents(text) == stripped


@pytest.mark.parametrize("text,folded", [
    ("Ведомости", "vedomosti"),
    ("Süddeutsche Zeitung", "suddeutsche zeitung"),
    ("Łukasz", "lukasz"),
    ("Ø. Æsir", "o. aesir"),
    ("Новая газета", "novaya gazeta"),
    ("и\u0306", "y"),  # a decomposed й is read as й
    ("The BBC", "the bbc"),
])
def test_fold_letters(text, folded):
    assert fold_letters(text) == folded


def test_fold_letters_still_importable_from_references():
    from footcheck import references

    assert references.fold_letters is fold_letters
