"""One transliteration for matching, shared by work grouping and page-title comparison."""

import pytest

from footcheck.translit import latinize


@pytest.mark.parametrize("text,latin", [
    ("Латыпова", "latypova"),
    ("Новая газета", "novaya gazeta"),
    ("Щёлково, объявление", "shchelkovo, obyavlenie"),
    ("Україна", "ukrayina"),
    ("Қазақстан", "qazaqstan"),
    ("Meduza — Медуза", "meduza — meduza"),
    ("Café", "café"),  # accents are the caller's to strip
])
def test_latinize(text, latin):
    assert latinize(text) == latin
