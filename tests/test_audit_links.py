"""The audit with link verification: verdicts become findings on every citing note."""

from __future__ import annotations

from footcheck.links import LinkConfig
from footcheck.model import Document
from footcheck.pipeline import audit


def config(tmp_path, **kw) -> LinkConfig:
    return LinkConfig(allow_private=True, cache_path=tmp_path / "links.sqlite",
                      read_timeout=3, connect_timeout=2, archive=False, **kw)


def brief(*notes: str) -> Document:
    markers = " ".join(f"Claim {i}.^{{{i}}}" for i in range(1, len(notes) + 1))
    lines = "\n".join(f"^{{{i}}} {text}" for i, text in enumerate(notes, start=1))
    return Document.from_text(f"{markers}\n\nNotes\n\n{lines}\n")


def test_network_down_is_one_notice_not_dead_links(tmp_path):
    doc = brief("Org (2023). 'A.' <https://nowhere.invalid/a>",
                "Org (2023). 'B.' <https://nothing.invalid/b>",
                "Org (2023). 'A.' <https://nowhere.invalid/a>")
    report = audit(doc, links=config(tmp_path, network_probe=lambda: False))
    assert [(f.kind, f.severity.name) for f in report.findings] == [
        ("links-unverified", "INFO")]
    assert "2 cited URLs could not be verified: network unavailable" in \
        report.findings[0].message
    assert {link.verdict for link in report.links} == {"unverified"}


def test_dead_link_reported_on_every_citing_note(httpserver, tmp_path):
    httpserver.expect_request("/gone").respond_with_data("no", status=410)
    url = httpserver.url_for("/gone")
    report = audit(brief(f"Org (2023). 'Gone.' <{url}>", "Other (2021). 'X.' 2021.",
                         f"Org (2023). 'Gone.' Available at: <{url}>"),
                   links=config(tmp_path))
    dead = [(f.number, f.line, f.code) for f in report.findings if f.kind == "dead-link"]
    assert dead == [(1, 5, "FC501"), (3, 7, "FC501")]
    assert len(httpserver.log) == 1  # one request per unique URL


def test_title_and_date_mismatch(httpserver, tmp_path):
    page = ("<html><head><title>Weather forecast for Tuesday | Daily</title>"
            '<meta property="article:published_time" content="2023-03-20T10:00:00Z">'
            "</head><body>x</body></html>")
    httpserver.expect_request("/story").respond_with_data(page, content_type="text/html")
    url = httpserver.url_for("/story")
    report = audit(brief(f"Smith, Jane (2023). 'Rents in the capital double,' *Daily*. "
                         f"13 March. Available at: <{url}>"), links=config(tmp_path))
    kinds = {f.kind for f in report.findings}
    assert {"title-mismatch", "date-mismatch"} <= kinds


def test_matching_page_is_silent(httpserver, tmp_path):
    page = ("<html><head><title>Rents in the capital double | Daily</title>"
            '<meta property="article:published_time" content="2023-03-13T10:00:00Z">'
            "</head><body>x</body></html>")
    httpserver.expect_request("/story").respond_with_data(page, content_type="text/html")
    url = httpserver.url_for("/story")
    report = audit(brief(f"Smith, Jane (2023). 'Rents in the capital double,' *Daily*. "
                         f"13 March. Available at: <{url}>"), links=config(tmp_path))
    assert report.findings == ()
    assert [link.verdict for link in report.links] == ["alive"]


def test_a_page_that_refreshes_to_the_story_is_judged_by_the_story(httpserver, tmp_path):
    story = ("<html><head><title>Rents in the capital double | Daily</title>"
             '<meta property="article:published_time" content="2023-03-13T10:00:00Z">'
             "</head><body>x</body></html>")
    moved = ('<html><head><title>Redirecting</title><meta http-equiv="refresh" '
             'content="0; url=/story"></head><body>This story has moved.</body></html>')
    httpserver.expect_request("/story").respond_with_data(story, content_type="text/html")
    httpserver.expect_request("/old").respond_with_data(moved, content_type="text/html")
    url = httpserver.url_for("/old")
    report = audit(brief(f"Smith, Jane (2023). 'Rents in the capital double,' *Daily*. "
                         f"13 March. Available at: <{url}>"), links=config(tmp_path))
    assert report.findings == ()  # no title-mismatch against 'Redirecting'
    assert [(link.verdict, link.final_url) for link in report.links] == \
        [("alive", httpserver.url_for("/story"))]


def test_a_page_titled_only_with_its_site_name_is_not_a_mismatch(httpserver, tmp_path):
    shell = ('<html><head><title>Daily</title><meta property="og:site_name" content="Daily">'
             '</head><body><div id="app"></div><script src="/app.js"></script></body></html>')
    httpserver.expect_request("/story").respond_with_data(shell, content_type="text/html")
    url = httpserver.url_for("/story")
    report = audit(brief(f"Smith, Jane (2023). 'Rents in the capital double,' *Daily*. "
                         f"13 March. Available at: <{url}>"), links=config(tmp_path))
    assert report.findings == ()  # not titled 'Daily', not 'Rents in the capital double'
    assert [(link.verdict, link.title) for link in report.links] == [("alive", None)]


def test_a_bare_url_takes_its_title_from_the_page_it_reached(httpserver, tmp_path):
    from footcheck.formats import render_bibliography

    page = "<html><head><title>Rents in the capital double | Daily</title></head></html>"
    httpserver.expect_request("/story").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    alive, gone = httpserver.url_for("/story"), httpserver.url_for("/gone")
    report = audit(brief(f"<{alive}>", f"<{gone}>"), links=config(tmp_path))
    online = render_bibliography("bibtex", report.notes, links=report.links)
    assert "title = {Rents in the capital double}" in online
    assert online.count("title = ") == 1  # a dead page lends no title
    offline = render_bibliography("bibtex", report.notes)
    assert "title = " not in offline  # and the audit says the work is incomplete
    assert "incomplete-reference" in {f.kind for f in report.findings}
