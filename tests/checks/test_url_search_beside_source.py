"""A search link that looks up another URL of its note is not a search cited as the source
(FC302 ``search-url``).

Journal sites add "View at Publisher · View at Google Scholar" to every reference, the Scholar
link searching for the publisher's DOI link; found as 36 false errors in one Word file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from footcheck.checks import urls
from footcheck.model import Finding

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import make_extraction

_REFERENCE = ("10. L. P. Hanrahan, C. Falk, H. A. Anderson et al., “Serum PCB and DDE levels "
              "of frequent Great Lakes sport fish consumers,” Environmental Research A, vol. 80, "
              "no. 2, pp. S26–S37, 1999. ")


def findings(text: str, kind: str | None = None) -> list[Finding]:
    """The URL findings of a document whose every non-blank line is a note."""
    out = list(urls.check(make_extraction(text)))
    return [f for f in out if kind is None or f.kind == kind]


@pytest.mark.parametrize("links", [
    "[View at Publisher](http://dx.doi.org/10.1006/enrs.1998.3914) · [View at Google Scholar]"
    "(http://scholar.google.com/scholar?q=http://dx.doi.org/10.1006/enrs.1998.3914)",
    # the search before the source, written with https and percent-encoded
    "[Google Scholar](https://scholar.google.com/scholar?q=http%3A%2F%2Fdx.doi.org%2F10.1006"
    "%2Fenrs.1998.3914) [Publisher](https://dx.doi.org/10.1006/enrs.1998.3914)",
    # the search for the DOI itself, beside the DOI link
    "https://doi.org/10.1006/enrs.1998.3914 (Google Scholar: "
    "https://scholar.google.com/scholar?q=10.1006/enrs.1998.3914)",
])
def test_a_search_for_the_cited_source_beside_it_is_no_search_url(links: str) -> None:
    assert findings(_REFERENCE + links, "search-url") == []


def test_the_convenience_link_is_still_checked_as_an_ordinary_url() -> None:
    line = (_REFERENCE + "[View at Publisher](https://dx.doi.org/10.1006/enrs.1998.3914) · "
            "[View at Google Scholar](http://scholar.google.com/scholar?q="
            "https://dx.doi.org/10.1006/enrs.1998.3914)")
    [f] = findings(line)
    assert f.kind == "insecure-url"
    assert f.column == line.index("http://scholar") + 1


def test_a_search_cited_alone_still_fires() -> None:
    line = (_REFERENCE + "[View at Google Scholar](http://scholar.google.com/scholar?q="
            "http://dx.doi.org/10.1006/enrs.1998.3914)")
    [f] = findings(line)
    assert f.kind == "search-url"
    assert f.message.startswith("Google Scholar search for 'http://dx.doi.org/10.1006/")


def test_a_search_for_another_address_than_the_note_gives_still_fires() -> None:
    line = (_REFERENCE + "[Publisher](https://dx.doi.org/10.1006/enrs.1998.3914) · "
            "[Scholar](https://scholar.google.com/scholar?q=https://dx.doi.org/10.1006/other)")
    [f] = findings(line, "search-url")
    assert f.column == line.index("https://scholar") + 1


def test_a_search_for_the_title_beside_the_source_still_fires() -> None:
    line = (_REFERENCE + "https://dx.doi.org/10.1006/enrs.1998.3914 "
            "https://scholar.google.com/scholar?q=Serum+PCB+and+DDE+levels")
    assert [f.kind for f in findings(line, "search-url")] == ["search-url"]


def test_a_redirect_wrapper_beside_its_target_still_fires() -> None:
    line = ("^1 Report. https://example.org/report.pdf (https://www.google.com/url?sa=t&url="
            "https%3A%2F%2Fexample.org%2Freport.pdf&usg=AOvVaw0)")
    [f] = findings(line, "search-url")
    assert "redirect" in f.message
    assert f.suggestion == "https://example.org/report.pdf"
