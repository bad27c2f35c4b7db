"""The HTML report: structure, self-containment and escaping of everything from the brief."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from footcheck.document import decode
from footcheck.formats import html, render
from footcheck.model import Document, LinkResult
from footcheck.pipeline import audit

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "references/relokanty-brief.txt"
GOLDEN = ROOT / "reports" / "relokanty-brief.audit.html"

HOSTILE = """Intro<script>window.pwned=1</script> text.^{i} More <img src=x onerror=alert(1)>.^{ii}
Then a missing one.^{iii}

Notes

^{i} Evil <script>window.pwned=1</script>. [click me](javascript:alert(1)), <javascript:alert(2)>.

^{ii} Quote " onmouseover="alert(1)" and <https://example.org/a"onmouseover="alert(1)> x.

^{iv} Fine <https://example.org/ok?a=1&b=2> and </style><b>bold</b>.
"""


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def sample_report():
    return audit(decode((ROOT / SAMPLE).read_bytes(), path=SAMPLE))


@pytest.fixture(scope="module")
def sample_page(sample_report) -> str:
    return render("html", sample_report)


@pytest.fixture(scope="module")
def hostile_page() -> str:
    report = audit(Document.from_text(HOSTILE, path='brief"<b>.txt'))
    links = (LinkResult(url="https://example.org/ok?a=1&b=2", verdict="dead",
                        title="<img src=x onerror=alert(3)>", final_url="javascript:alert(4)",
                        archive_url="javascript:alert(5)", detail='"><script>alert(6)'),)
    return render("html", replace(report, links=links))


def test_sample_report_is_current(sample_page):
    if os.environ.get("FOOTCHECK_UPDATE_REPORTS"):
        GOLDEN.write_text(sample_page, encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8") == sample_page, (
        f"{GOLDEN.name} is stale: run 'make sample-reports' and review the diff")


def test_summary_counts(sample_page, sample_report):
    counts = sample_report.counts()
    for severity, title in (("error", "Errors"), ("warning", "Warnings"), ("info", "Info")):
        assert (f'<div class="card sev-{severity}"><span class="num">{counts[severity]}</span>'
                f'<span class="lbl">{title}</span></div>') in sample_page
    assert "<dt>Notes</dt><dd>3 footnotes, 97 endnotes</dd>" in sample_page
    for finding in sample_report.findings:
        assert f'data-kind="{finding.kind}"' in sample_page


def test_every_note_in_order_with_its_findings_beside_it(sample_page, sample_report):
    articles = re.findall(r'<article class="note[^"]*" id="note-(\d+)"', sample_page)
    assert [int(a) for a in articles] == list(range(1, len(sample_report.notes) + 1))
    placeholder = sample_page.index("placeholder &#x27;get source here&#x27;")
    article = sample_page.rindex("<article", 0, placeholder)
    assert "endnote LXXXVII" in sample_page[article:placeholder]


def test_markers_without_notes_shown_in_their_sentence(sample_page):
    section = sample_page[sample_page.index('id="missing"'):sample_page.index('id="in-text"')]
    assert section.count('<li class="item"') == 2
    assert ("Tokayev&#x27;s stance solidified popular support behind him, as someone leading "
            "the country independently – less than two years after he needed Russian troops "
            "to suppress a domestic insurrection.<mark>^{LV}</mark>") in section


def test_self_contained(sample_page):
    elements = parse(sample_page)
    for tag, attrs in elements.tags:
        assert "src" not in attrs, tag
        assert tag not in ("link", "iframe", "img", "object", "embed")
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "https://", "http://")), href
    assert "@import" not in sample_page and "url(" not in sample_page


def test_content_security_policy_allows_only_the_reports_own_script(sample_page):
    elements = parse(sample_page)
    assert len(elements.scripts) == 1
    digest = base64.b64encode(hashlib.sha256(elements.scripts[0].encode()).digest()).decode()
    policy = next(a["content"] for t, a in elements.tags
                  if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy


def test_nothing_from_the_brief_becomes_markup(hostile_page):
    elements = parse(hostile_page)
    assert len(elements.scripts) == 1 and "pwned" not in elements.scripts[0]
    assert "window.pwned=1&lt;/script&gt;" in hostile_page
    for tag, attrs in elements.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert tag not in ("img", "b", "style") or (tag == "style" and not attrs)
    assert "<title>footcheck: brief&quot;&lt;b&gt;.txt</title>" in hostile_page


def test_only_http_links_are_clickable(hostile_page):
    elements = parse(hostile_page)
    hrefs = [a["href"] for t, a in elements.tags if t == "a"]
    assert hrefs and all(h.startswith(("https://", "#")) for h in hrefs)
    assert "javascript:alert(1)" in hostile_page  # shown as text…
    assert 'href="javascript' not in hostile_page.lower()  # …never as a link
    for tag, attrs in elements.tags:
        if tag == "a" and attrs["href"].startswith("http"):
            assert attrs.get("rel") == "noopener noreferrer"


ATTRIBUTES = {"class", "id", "href", "rel", "target", "data-severity", "data-kind", "type",
              "disabled", "lang", "charset", "http-equiv", "content", "name", "aria-label",
              "hidden"}


def test_attribute_injection_stays_inside_the_attribute(hostile_page):
    for tag, attrs in parse(hostile_page).tags:
        assert set(attrs) <= ATTRIBUTES, (tag, attrs)
    assert 'href="https://example.org/ok?a=1&amp;b=2"' in hostile_page
    assert "Quote &quot; onmouseover=&quot;alert(1)&quot;" in hostile_page
    # urls.py takes this for a well-formed address: its quotes stay inside the href.
    assert 'href="https://example.org/a&quot;onmouseover=&quot;alert(1)"' in hostile_page


def test_links_and_verdicts(hostile_page):
    assert "<dt>Links checked</dt><dd>1 dead</dd>" in hostile_page
    assert '<span class="verdict v-dead">dead</span>' in hostile_page
    assert "&lt;img src=x onerror=alert(3)&gt;" in hostile_page
    assert "→ javascript:alert(4)" in hostile_page and "archived copy" not in hostile_page


@pytest.mark.parametrize("url, clickable", [
    ("https://example.org/a?b=1&c=2", True), ("http://example.org", True),
    ("javascript:alert(1)", False), ("JAVASCRIPT:alert(1)", False),
    ("data:text/html,<script>", False), ("//example.org/x", False), ("/relative", False),
    ("https://example.org/a b", False), ("https://exa\nmple.org", False), ("https:///x", False),
])
def test_safe_href(url, clickable):
    assert (html.safe_href(url) is not None) == clickable


def test_clean_document_and_converted_positions():
    document = Document.from_text("Claim.^{i}\n\nNotes\n\n^{i} Smith, *Book*, 2020.\n",
                                  path="brief.docx", format="docx", units="paragraph")
    page = render("html", audit(document))
    assert "No problems found." in page or "<dt>Notes</dt><dd>1 endnote</dd>" in page
    assert "paragraph 3" in page and "Word document · 3 paragraphs" in page


def test_urls_are_links_with_their_brackets_outside(sample_page):
    assert ('Available at: &lt;<a href="https://www.politico.com/newsletters/national-security-'
            'daily/2022/09/26/the-coming-fight-over-russian-asylum-seekers-00058807" rel="noopener'
            ' noreferrer" target="_blank">https://www.politico.com/newsletters/national-security-'
            'daily/2022/09/26/the-coming-fight-over-russian-asylum-seekers-00058807</a>&gt;'
            ) in sample_page
