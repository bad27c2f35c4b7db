"""URLs outside the notes: the links of a text that cites by link, the addresses of its list
of works. They are found once (``Extraction.linked``), checked by the URL rules and online as
a note's URLs are, and reported at their place without a note."""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import pytest

from footcheck.formats import render
from footcheck.links import LinkConfig
from footcheck.pipeline import audit, load

LINKED_MD = """\
# Remittances after 2022

Transfers rose fivefold, says [the National Bank](https://nbg.gov.ge/en/remittances);
see also <https://www.knomad.org/brief-37> and https://geostat.ge/en/cpi, and the
[survey][crrc].

Write `https://code.example.org/a` to link; an address begins with https://, as at
www.example.org. ![chart](https://img.example.org/chart.png)

```
curl https://fenced.example.org/q
```

<!-- https://comment.example.org/ -->

[crrc]: https://crrc.ge/en/survey-2023
"""


_COUNT = itertools.count()


@pytest.fixture(autouse=True)
def _folder(tmp_path, monkeypatch):
    """The test's own folder for the files :func:`decode` writes."""
    monkeypatch.setattr(sys.modules[__name__], "FOLDER", tmp_path)


FOLDER = Path()


def decode(data: bytes, name: str) -> str:
    """A file of ``data`` named like ``name`` (its suffix says the format), to read."""
    path = FOLDER / f"{next(_COUNT)}-{name}"
    path.write_bytes(data)
    return str(path)


def linked(text: str, name: str = "brief.md") -> list[str]:
    return [u.url for u in load(decode(text.encode(), name)).linked]


def kinds(report) -> list[tuple[str, int, str | None]]:
    return [(f.kind, f.line, f.series) for f in report.findings]


def test_links_autolinks_references_and_bare_addresses_are_linked():
    assert linked(LINKED_MD) == [
        "https://nbg.gov.ge/en/remittances", "https://www.knomad.org/brief-37",
        "https://geostat.ge/en/cpi", "https://crrc.ge/en/survey-2023"]


def test_code_comments_images_site_names_and_bare_schemes_are_not():
    assert linked("Use `https://a.example.org/x` or write https:// first, as www.b.org "
                  "does.\n\n    https://indented.example.org/\n") == []
    assert linked("See https:// and http:/ here.\n", "brief.txt") == []


def test_a_notes_urls_are_the_notes_not_the_texts():
    text = ("Claim.[^1] Said [the bank](https://bank.example.org/a).\n\n"
            "[^1]: Org, 'Report,' 2023, https://org.example.org/report.\n")
    extraction = load(decode(text.encode(), "brief.md"))
    assert [u.url for u in extraction.linked] == ["https://bank.example.org/a"]
    assert [u.url for n in extraction.notes for u in n.urls] == [
        "https://org.example.org/report"]


def test_a_text_citing_by_link_has_notes_enough():
    report = audit(decode(LINKED_MD.encode(), "brief.md"))
    assert "no-notes" not in [k for k, _, _ in kinds(report)]


def test_one_link_or_none_is_still_a_text_without_notes():
    one = "# Brief\n\nA claim, from [our site](https://thinktank.example.org/).\n"
    assert [k for k, _, _ in kinds(audit(decode(one.encode(), "brief.md")))] == ["no-notes"]
    twice = one + "Again [our site](https://thinktank.example.org/).\n"
    assert [k for k, _, _ in kinds(audit(decode(twice.encode(), "brief.md")))] == [
        "no-notes"]


def test_url_rules_apply_to_the_texts_links_without_a_note():
    """A search in the prose may be meant ("a search finds 300 papers"); in the list of
    works it stands where a source should."""
    text = ("# Rents\n\nRents rose, say [the figures](https://www.geostat.ge/en/cpi?utm_source="
            "newsletter) and [a search](https://www.google.com/search?q=tbilisi+rents) "
            "(Gogua, 2021; Lee, 2022; Orlova, 2020).\n\n# References\n\n"
            "Gogua, L. (2021). *Cities*. Ilia State University.\n\n"
            "Lee, C. (2022). *Labour markets*. https://www.google.com/search?q=labour+markets\n\n"
            "Orlova, A. (2020). Exodus. *Journal*, 3(1), 1–9.\n")
    report = audit(decode(text.encode(), "brief.md"), select=["FC3"])
    assert sorted(kinds(report)) == [("search-url", 9, None), ("tracking-url", 3, None)]
    assert all(f.number is None for f in report.findings)


def test_clean_links_and_a_search_beside_the_work_it_looks_up_are_silent():
    text = ("# References\n\nOrlova, A. (2021). Exodus. *Journal*, 3(1), 1–9. "
            "https://doi.org/10.1000/xyz "
            "[Google Scholar](https://scholar.google.com/scholar?q=https://doi.org/10.1000/xyz)"
            "\n\nAnd [the bank](https://nbg.gov.ge/en/remittances).\n")
    assert kinds(audit(decode(text.encode(), "paper.md"), select=["FC3"])) == []


PAGE = """<!doctype html><html><head><title>Remittances | Institute</title></head><body>
<header class="site-header"><a href="https://inst.example.org/">Institute</a></header>
<main><article><h1>Remittances after 2022</h1>
<div class="share-buttons"><a href="https://twitter.com/intent/tweet?url=x&amp;utm_source=tw">
Share</a></div>
<p>Transfers rose, says <a href="https://nbg.gov.ge/en/remittances">the bank</a>.<sup>
<a href="#fn1" id="r1">1</a></sup></p>
<footer class="footnotes"><ol><li id="fn1">Geostat, "CPI," 2023,
<a href="https://geostat.ge/en/cpi">https://geostat.ge/en/cpi</a>. <a href="#r1">↩</a></li>
</ol></footer></article></main>
<footer><a href="https://www.facebook.com/institute">Facebook</a>
<a href="http://newsletter.example.org/?utm_campaign=footer">Newsletter</a></footer>
</body></html>"""


def test_a_pages_furniture_is_not_its_sources():
    extraction = load(decode(PAGE.encode(), "page.html"))
    assert [u.url for u in extraction.linked] == ["https://nbg.gov.ge/en/remittances"]
    assert [u.url for n in extraction.notes for u in n.urls] == ["https://geostat.ge/en/cpi"]
    assert "Share" in extraction.document.text and "Facebook" in extraction.document.text


def test_without_main_or_article_the_header_and_footer_are_furniture():
    page = (PAGE.replace("<main><article>", "<div>").replace("</article></main>", "</div>")
            .replace('class="share-buttons"', ""))
    extraction = load(decode(page.encode(), "page.html"))
    assert [u.url for u in extraction.linked] == [
        "https://twitter.com/intent/tweet?url=x&utm_source=tw",
        "https://nbg.gov.ge/en/remittances"]


def config(tmp_path) -> LinkConfig:
    return LinkConfig(allow_private=True, cache_path=tmp_path / "links.sqlite",
                      read_timeout=3, connect_timeout=2, archive=False)


def test_a_dead_link_in_the_text_is_reported_where_it_is(httpserver, tmp_path):
    httpserver.expect_request("/report").respond_with_data(
        "<html><head><title>Annual Report</title></head><body>ok</body></html>",
        content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    report_url, gone = httpserver.url_for("/report"), httpserver.url_for("/gone")
    text = (f"# Brief\n\nThe ministry's [report]({report_url}) and its\n[survey]({gone}) "
            f"agree.\n\nClaim.[^1]\n\n[^1]: Ministry, 'Survey,' 2022, {gone}.\n")
    report = audit(decode(text.encode(), "brief.md"), links=config(tmp_path))
    assert [(f.kind, f.line, f.number) for f in report.findings] == [
        ("dead-link", 4, None), ("dead-link", 8, 1)]
    asked = [request.path for request, _ in httpserver.log]
    assert asked.count("/gone") == 1  # each URL once, whether in the text or a note
    links = {link["url"]: link for link in json.loads(render("json", report))["links"]}
    assert links[gone]["notes"] == [{"series": "footnotes", "number": 1}]
    assert links[gone]["text"] == [{"line": 4, "column": 10,
                                    "location": "line 4, column 10"}]
    assert links[report_url]["text"][0]["line"] == 3
    shown = render("text", report)
    assert f"{gone}  404  (HTTP 404)  [footnote 1; the text at 4:10]" in shown
    html = render("html", report)
    assert 'id="text-links"' in html and "the text at 3:" in html


def test_rst_embedded_links_and_targets_are_linked_not_code():
    text = ("Remittances\n===========\n\nTransfers rose, says `the bank "
            "<https://nbg.gov.ge/en/remittances>`_, and the\n`survey`_ agrees; see "
            "https://geostat.ge/en/cpi too.\n\n.. _survey: https://crrc.ge/en/survey-2023\n\n"
            ".. code-block:: text\n\n   https://code.example.org/\n\n"
            ".. https://comment.example.org/\n")
    assert linked(text, "brief.rst") == [
        "https://nbg.gov.ge/en/remittances", "https://geostat.ge/en/cpi",
        "https://crrc.ge/en/survey-2023"]


def test_furniture_named_by_its_class_without_html5_tags():
    page = ('<html><body><div id="header"><a href="https://inst.example.org/">Home</a></div>'
            '<div class="content"><p>Rents rose, says <a href="https://geostat.ge/en/cpi">'
            'Geostat</a>.</p><div class="sidebar-widget"><a href="https://inst.example.org/'
            'more">More</a></div></div><div id="comments"><p>Nice! <a href="https://spam.'
            'example.org/">me</a></p></div><div class="site-footer"><a href="https://'
            'twitter.com/inst">Twitter</a></div><div class="footer-notes"><p>1. Geostat, '
            '<a href="https://geostat.ge/en/cpi-2023">CPI 2023</a>.</p></div></body></html>')
    assert linked(page, "page.html") == ["https://geostat.ge/en/cpi",
                                         "https://geostat.ge/en/cpi-2023"]


def test_an_address_in_a_running_footer_is_one_finding():
    page = "Rents rose sharply in the capital, and transfers followed.\n\nhttp://inst.example.org\n\n"
    report = audit(decode((page * 5).encode(), "brief.txt"), select=["FC305"])
    assert kinds(report) == [("insecure-url", 3, None)]


def test_the_urls_of_notes_footcheck_could_not_read_are_still_checked():
    text = ("Remittances reached 48 per cent of GDP in 2022. They fell as the rouble "
            "weakened.\n\nNotes\n\n1 World Bank, Remittances, 2023, https://wb.example.org/r"
            "\n2 Central Bank of Russia, Transfers, 2024, https://cbr.example.org/t\n")
    report = audit(decode(text.encode(), "brief.txt"))
    [unread] = [f for f in report.findings if f.kind == "unread-notes"]
    assert unread.message.endswith("only their URLs are checked")
    assert [u.url for u in report.linked] == ["https://wb.example.org/r",
                                              "https://cbr.example.org/t"]


def test_a_comment_set_as_an_article_of_its_own_is_furniture():
    page = ('<html><body><main><article class="post"><p>Parsing is fast, says <a href='
            '"https://github.com/lemire/simdjson">simdjson</a>.</p><ol class="commentlist">'
            '<li class="comment"><article id="div-comment-1" class="comment-body"><p>Nice.</p>'
            '<div class="reply"><a class="comment-reply-link" href="https://blog.example.org/'
            'post/?replytocom=1#respond">Reply</a></div></article></li></ol></article></main>'
            '</body></html>')
    assert linked(page, "page.html") == ["https://github.com/lemire/simdjson"]


def test_a_flood_of_links_is_refused_in_one_line(monkeypatch):
    from footcheck import extract
    from footcheck.errors import InputError

    monkeypatch.setattr(extract, "MAX_LINKS", 3)
    text = "".join(f"See https://h{i}.example.org/p.\n" for i in range(4))
    with pytest.raises(InputError, match="has too many links in its text to audit"):
        load(decode(text.encode(), "brief.txt"))
    assert len(load(decode(text[:-30].encode(), "brief.txt")).linked) == 3
