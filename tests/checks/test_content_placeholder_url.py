"""A note that carries a URL is not a bare placeholder (FC201 ``placeholder``).

"Source: <url>" reads as the placeholder "Source:" once its URL is masked; found as a false
error in an OpenDocument file whose footnotes read "Source: <http://en.wikipedia.org/…>".
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from footcheck.checks import content
from footcheck.model import Finding

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import make_extraction


def placeholders(text: str) -> list[Finding]:
    """The placeholder findings of a document whose every non-blank line is a note."""
    return [f for f in content.check(make_extraction(text)) if f.kind == "placeholder"]


@pytest.mark.parametrize("line", [
    "^{2} Source: <http://en.wikipedia.org/wiki/Microsoft_Excel>.",
    "^{22} Source: <http://en.wikipedia.org/wiki/List_of_country_calling_codes>",
    "^{3} Source: https://example.org/report",
    "^{4} [Source](https://example.org/report).",
    "^{5} Ref: <https://example.org/a>",
    "^{6} Citation: https://doi.org/10.1000/xyz123",
])
def test_a_source_given_by_its_url_is_not_a_placeholder(line: str) -> None:
    assert placeholders(line) == []


@pytest.mark.parametrize(("line", "needle"), [
    ("^{2} Source:", "Source"),
    ("^{3} Source.", "Source"),
    ("^{4} [citation]", "citation"),
    ("^{5} TK", "TK"),
    ("^{6} Source here", "Source here"),
])
def test_a_bare_placeholder_still_fires(line: str, needle: str) -> None:
    [f] = placeholders(line)
    assert f.column == line.index(needle) + 1
    assert needle in f.message


def test_a_placeholder_beside_a_url_still_fires() -> None:
    line = "^{7} Date TBD. Source: <https://example.org/a>"
    [f] = placeholders(line)
    assert f.column == line.index("TBD") + 1


def test_the_house_styles_own_placeholder_words() -> None:
    """``placeholder_words`` (footcheck.toml's ``placeholder-words``), found as written and
    standing alone, not inside a URL; like a built-in one, such a word in a note keeps
    incomplete-reference quiet (the note is known to be unfinished)."""
    text = ("^{1} Ministry of Finance. ПРОВЕРИТЬ\n"
            "^{2} Smith, Jane (2023). 'Rents double,' Daily Post. XXXL 13 March 2023. "
            "<https://example.org/XXX/xxx>\n")
    extraction = make_extraction(text)
    assert [(f.kind, f.number) for f in content.check(extraction)] == [
        ("incomplete-reference", 1)]
    found = list(content.check(extraction, placeholder_words=("XXX", "ПРОВЕРИТЬ", "xxx")))
    assert [(f.kind, f.number, f.message) for f in found] == [
        ("placeholder", 1, "placeholder 'ПРОВЕРИТЬ' left where a source should be")]
