"""Briefs published as web pages."""

from __future__ import annotations

from footcheck.document import read
from footcheck.extract import extract
from footcheck.pipeline import audit
from footcheck.readers import html as reader

PANDOC = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Brief</title>
<style>p { color: red }</style><script>window.pwned = 1</script></head>
<body><nav><a href="/">Home</a> | About</nav>
<h1>Relocation</h1>
<p>Claim one.<sup id="fnref1"><a href="#fn1" class="footnote-ref">1</a></sup>
Claim <em>two</em>.<a href="#fn2" class="footnote-ref" role="doc-noteref"><sup>2</sup></a>
See <a href="https://example.org/r">the report</a> and
<a href="https://example.org/y">https://example.org/y</a>. Area 10 km<sup>2</sup>.</p>
<ol><li>A numbered list</li><li>in the body</li></ol>
<ul><li>A bullet</li></ul>
<table><tr><td>Cell</td><td>Other cell</td></tr></table>
<section class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn1"><p>Smith, <em>Book</em>, 2020.
<a href="https://a.org/b">https://a.org/b</a><a href="#fnref1" class="footnote-back">↩︎</a></p></li>
<li id="fn2">get source here<a href="#fnref2">↩</a></li>
</ol></section>
</body></html>
"""


def test_pandoc_footnotes():
    document = reader.read(PANDOC.encode(), "brief.html")
    assert (document.format, document.units) == ("html", "paragraph")
    assert document.text == (
        "Relocation\n\n"
        "Claim one.[^1] Claim *two*.[^2] See [the report](https://example.org/r) and "
        "<https://example.org/y>. Area 10 km^{2}.\n\n"
        "1. A numbered list\n\n2. in the body\n\n- A bullet\n\nCell\n\nOther cell\n\n"
        "Footnotes\n\n[^1]: Smith, *Book*, 2020. <https://a.org/b>\n\n"
        "[^2]: get source here\n")
    found = extract(document)
    assert [(n.series, n.number, n.text) for n in found.notes] == [
        ("footnotes", 1, "Smith, *Book*, 2020. <https://a.org/b>"),
        ("footnotes", 2, "get source here")]
    assert [m.number for m in found.markers] == [1, 2]  # km² is no marker


def test_scripts_and_styles_are_dropped_and_nothing_runs():
    document = reader.read(PANDOC.encode(), "brief.html")
    assert "pwned" not in document.text and "color" not in document.text
    assert "Home" not in document.text  # navigation


def test_notes_list_after_a_notes_heading_with_roman_numbers():
    page = ("<p>Claim.<sup>i</sup> Next.<sup>ii</sup></p><h2>Notes</h2>"
            '<ol type="i"><li>First source.</li><li>Second source.</li></ol>')
    found = extract(reader.read(page.encode(), "b.html"))
    assert [(n.label, n.number, n.series) for n in found.notes] == [
        ("i.", 1, "endnotes"), ("ii.", 2, "endnotes")]
    assert "Notes\n\ni. First source." in found.document.text


def test_list_start_and_value():
    page = ('<div id="endnotes"><ol start="4"><li>Four.</li><li value="9">Nine.</li>'
            "<li>Ten.</li></ol></div>")
    assert reader.read(page.encode(), "b.html").text == (
        "Notes\n\n4. Four.\n\n9. Nine.\n\n10. Ten.\n")


def test_links_that_go_nowhere_and_backlinks():
    page = '<p>See <a href="#">the bank</a> data and <a href="#top">the top</a>.</p>'
    document = reader.read(page.encode(), "b.html")
    assert document.text == "See [the bank](#) data and the top.\n"
    assert "empty-link" not in {f.kind for f in audit(document).findings}  # page chrome
    noted = ('<p>Claim.<a href="#fn1" class="footnote-ref" role="doc-noteref"><sup>1</sup></a>'
             '</p><section class="footnotes" role="doc-endnotes"><ol><li id="fn1"><p>Smith, J. '
             '(2020). <a href="#">Report</a>. <em>Herald</em>.</p></li></ol></section>')
    found = audit(reader.read(noted.encode(), "n.html")).findings
    assert [(f.kind, f.number) for f in found if f.kind == "empty-link"] == [("empty-link", 1)]


def test_legacy_encoding_declared_in_the_page(tmp_path):
    path = tmp_path / "brief.htm"
    path.write_bytes('<meta charset="windows-1251"><p>Релоканты.<sup>1</sup></p>'
                     .encode("cp1251"))
    document = read(path)
    assert document.text.startswith("Релоканты.^{1}")
    assert document.encoding == "windows-1251"


def test_a_page_without_notes_is_a_finding_not_an_error(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<p>Just prose.</p>", encoding="utf-8")
    assert [f.kind for f in audit(path).findings] == ["no-notes"]


def test_a_formula_s_raised_numbers_are_no_markers():
    """docutils' HTML math (``<span class="formula">``, ``<sup class="script">2</sup>``, a
    displayed integral's ``<sup class="limit">1</sup>``) and KaTeX's output: exponents and
    limits, written as plain text; a marker after the formula still cites."""
    page = ('<html><body><p>Inline math, <span class="formula"><i>x</i><span class="scripts">'
            '<sup class="script">2</sup><sub class="script">n</sub></span></span> and '
            '<span class="katex"><span class="katex-html">d<sup>3</sup></span></span>, as '
            'shown.<sup>1</sup></p><div class="formula"><span class="limits">'
            '<sup class="limit">1</sup>∫<sub class="limit">0</sub></span> x dx</div>'
            '<p>After.</p><ol class="footnotes"><li>Jones, <em>Integrals</em> (2001).</li>'
            '</ol></body></html>')
    document = reader.read(page.encode(), "math.html")
    assert "^{2}" not in document.text and "^{3}" not in document.text
    assert "\n\n1∫0 x dx\n\n" in document.text  # the displayed formula, a line of its own
    report = audit(document)
    assert [m.token for m in report.markers] == ["1"]
    assert report.findings == ()
