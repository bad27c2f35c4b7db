"""Web pages whose notes a generator marked up: followed from marker to note, not guessed.

One small page per generator, written in that generator's exact markup (pandoc, markdown-it
and docutils pages are also made at test time from a small source), each giving exact notes
and markers; then the cases that the text extractor got wrong: a note that begins with a
list, a marker in a table, a note cited twice, a missing and an uncited note, and the same
brief read as ``.md`` and as the HTML made from it.
"""

from __future__ import annotations

import subprocess

import pytest

from footcheck.document import read
from footcheck.extract import extract
from footcheck.model import ENDNOTES, FOOTNOTES, Severity
from footcheck.pipeline import audit
from footcheck.readers import html as reader
from helpers import need, require

SMITH = "Smith, J. (2023). *Relocation and Its Limits*. <https://example.org/relocation>"
JONES = "Jones, A. (2022). Remote Work Abroad. *Caucasus Review*, 4(2), 10–20."
SMITH_BARE = "Smith, J. (2023). *Relocation and Its Limits*. https://example.org/relocation"

PANDOC = """<!DOCTYPE html>
<html><head><meta charset="utf-8" /><title>Brief</title></head><body>
<p>Georgia received many relocants.<a href="#fn1" class="footnote-ref" id="fnref1"
role="doc-noteref"><sup>1</sup></a> Most worked remotely.<a
href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a></p>
<section class="footnotes footnotes-end-of-document" role="doc-endnotes">
<hr />
<ol>
<li id="fn1" role="doc-endnote"><p>Smith, J. (2023). <em>Relocation and Its Limits</em>. <a
href="https://example.org/relocation" class="uri">https://example.org/relocation</a><a
href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2" role="doc-endnote"><p>Jones, A. (2022). Remote Work Abroad. <em>Caucasus
Review</em>, 4(2), 10–20.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol>
</section>
</body></html>
"""

MARKDOWN_IT = """<p>Georgia received many relocants.<sup class="footnote-ref"><a href="#fn1" \
id="fnref1">[1]</a></sup> Most worked remotely.<sup class="footnote-ref"><a href="#fn2" \
id="fnref2">[2]</a></sup> Again.<sup class="footnote-ref"><a href="#fn1" \
id="fnref1:1">[1:1]</a></sup></p>
<hr class="footnotes-sep" />
<section class="footnotes">
<ol class="footnotes-list">
<li id="fn1" class="footnote-item"><p>Smith, J. (2023). <em>Relocation and Its Limits</em>. \
<a href="https://example.org/relocation">https://example.org/relocation</a> \
<a href="#fnref1" class="footnote-backref">↩︎</a> \
<a href="#fnref1:1" class="footnote-backref">↩︎</a></p>
</li>
<li id="fn2" class="footnote-item"><p>Jones, A. (2022). Remote Work Abroad. \
<em>Caucasus Review</em>, 4(2), 10–20. <a href="#fnref2" class="footnote-backref">↩︎</a></p>
</li>
</ol>
</section>
"""

PYTHON_MARKDOWN = """<p>Georgia received many relocants.<sup id="fnref:1"><a class="footnote-ref" \
href="#fn:1">1</a></sup> Most worked remotely.<sup id="fnref:2"><a class="footnote-ref" \
href="#fn:2">2</a></sup> Again.<sup id="fnref2:1"><a class="footnote-ref" \
href="#fn:1">1</a></sup></p>
<div class="footnote">
<hr />
<ol>
<li id="fn:1">
<p>Smith, J. (2023). <em>Relocation and Its Limits</em>. \
<a href="https://example.org/relocation">https://example.org/relocation</a>&#160;\
<a class="footnote-backref" href="#fnref:1" title="Jump back to footnote 1 in the text">\
&#8617;</a><a class="footnote-backref" href="#fnref2:1" \
title="Jump back to footnote 1 in the text">&#8617;</a></p>
</li>
<li id="fn:2">
<p>Jones, A. (2022). Remote Work Abroad. <em>Caucasus Review</em>, 4(2), 10–20.&#160;\
<a class="footnote-backref" href="#fnref:2" title="Jump back to footnote 2 in the text">\
&#8617;</a></p>
</li>
</ol>
</div>
"""

KRAMDOWN = """<p>Georgia received many relocants.<sup id="fnref:1" role="doc-noteref">\
<a href="#fn:1" class="footnote" rel="footnote">1</a></sup> Most worked remotely.\
<sup id="fnref:2" role="doc-noteref"><a href="#fn:2" class="footnote" rel="footnote">2</a>\
</sup> Again.<sup id="fnref:1:1" role="doc-noteref"><a href="#fn:1" class="footnote" \
rel="footnote">1</a></sup></p>

<div class="footnotes" role="doc-endnotes">
  <ol>
    <li id="fn:1" role="doc-endnote">
      <p>Smith, J. (2023). <em>Relocation and Its Limits</em>. \
<a href="https://example.org/relocation">https://example.org/relocation</a> \
<a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a> \
<a href="#fnref:1:1" class="reversefootnote" role="doc-backlink">&#8617;<sup>2</sup></a></p>
    </li>
    <li id="fn:2" role="doc-endnote">
      <p>Jones, A. (2022). Remote Work Abroad. <em>Caucasus Review</em>, 4(2), 10–20. \
<a href="#fnref:2" class="reversefootnote" role="doc-backlink">&#8617;</a></p>
    </li>
  </ol>
</div>
"""

HUGO = """<p>Georgia received many relocants.<sup id="fnref:1"><a href="#fn:1" \
class="footnote-ref" role="doc-noteref">1</a></sup> Most worked remotely.<sup id="fnref:2">\
<a href="#fn:2" class="footnote-ref" role="doc-noteref">2</a></sup></p>
<div class="footnotes" role="doc-endnotes">
<hr>
<ol>
<li id="fn:1">
<p>Smith, J. (2023). <em>Relocation and Its Limits</em>. \
<a href="https://example.org/relocation">https://example.org/relocation</a>&#160;\
<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
</li>
<li id="fn:2">
<p>Jones, A. (2022). Remote Work Abroad. <em>Caucasus Review</em>, 4(2), 10–20.&#160;\
<a href="#fnref:2" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
</li>
</ol>
</div>
"""

_FN1, _FN2 = "4f1c2a9e-6b1d-4f7e-9a51-0c8d3e2b7a10", "b2e7d5c3-1a4f-4c8e-8d2b-5f6a7e9c0d21"
WORDPRESS = f"""<p>Georgia received many relocants.<sup data-fn="{_FN1}" class="fn">\
<a href="#{_FN1}" id="{_FN1}-link">1</a></sup> Most worked remotely.<sup data-fn="{_FN2}" \
class="fn"><a href="#{_FN2}" id="{_FN2}-link">2</a></sup></p>
<ol class="wp-block-footnotes"><li id="{_FN1}">Smith, J. (2023). \
<em>Relocation and Its Limits</em>. \
<a href="https://example.org/relocation">https://example.org/relocation</a> \
<a href="#{_FN1}-link" aria-label="Jump to footnote reference 1">↩︎</a></li>\
<li id="{_FN2}">Jones, A. (2022). Remote Work Abroad. <em>Caucasus Review</em>, 4(2), 10–20. \
<a href="#{_FN2}-link" aria-label="Jump to footnote reference 2">↩︎</a></li></ol>
"""

EASY_FOOTNOTES = """<p>Georgia received many relocants.<span id='easy-footnote-1-42' \
class='easy-footnote-margin-adjust'></span><span class='easy-footnote'>\
<a href='#easy-footnote-bottom-1-42' title='Smith, J. (2023).'><sup>1</sup></a></span> \
Most worked remotely.<span id='easy-footnote-2-42' class='easy-footnote-margin-adjust'></span>\
<span class='easy-footnote'><a href='#easy-footnote-bottom-2-42' title='Jones, A. (2022).'>\
<sup>2</sup></a></span></p>
<div class='easy-footnote-title'><h4>Notes:</h4></div><ol class="easy-footnotes-wrapper">\
<li class='easy-footnote-single'><span id='easy-footnote-bottom-1-42' \
class='easy-footnote-margin-adjust'></span>Smith, J. (2023). <em>Relocation and Its Limits</em>. \
<a href="https://example.org/relocation">https://example.org/relocation</a>\
<a class='easy-footnote-to-top' href='#easy-footnote-1-42'></a></li>\
<li class='easy-footnote-single'><span id='easy-footnote-bottom-2-42' \
class='easy-footnote-margin-adjust'></span>Jones, A. (2022). Remote Work Abroad. \
<em>Caucasus Review</em>, 4(2), 10–20.<a class='easy-footnote-to-top' \
href='#easy-footnote-2-42'></a></li></ol>
"""

_MFN = "mfn-content-000000000000000000000000000000_42"
MODERN_FOOTNOTES = f"""<p>Georgia received many relocants.<sup class="modern-footnotes-footnote " \
data-mfn="1"><a href="javascript:void(0)" role="button" aria-pressed="false" \
aria-describedby="{_MFN}-1">1</a></sup><span id="{_MFN}-1" role="tooltip" \
class="modern-footnotes-footnote__note" tabindex="0" data-mfn="1">Smith, J. (2023). \
<em>Relocation and Its Limits</em>. \
<a href="https://example.org/relocation">https://example.org/relocation</a></span> \
Most worked remotely.<sup class="modern-footnotes-footnote " data-mfn="2">\
<a href="javascript:void(0)" role="button" aria-pressed="false" \
aria-describedby="{_MFN}-2">2</a></sup><span id="{_MFN}-2" role="tooltip" \
class="modern-footnotes-footnote__note" tabindex="0" data-mfn="2">Jones, A. (2022). \
Remote Work Abroad. <em>Caucasus Review</em>, 4(2), 10–20.</span></p>
"""

WIKIPEDIA = """<p>Georgia received many relocants.<sup id="cite_ref-1" class="reference">\
<a href="#cite_note-1"><span class="cite-bracket">&#91;</span>1<span class="cite-bracket">\
&#93;</span></a></sup> Most worked remotely.<sup id="cite_ref-jones_2-0" class="reference">\
<a href="#cite_note-jones-2"><span class="cite-bracket">&#91;</span>2<span \
class="cite-bracket">&#93;</span></a></sup> Again.<sup id="cite_ref-jones_2-1" \
class="reference"><a href="#cite_note-jones-2"><span class="cite-bracket">&#91;</span>2<span \
class="cite-bracket">&#93;</span></a></sup></p>
<div class="mw-heading mw-heading2"><h2 id="References">References</h2></div>
<div class="reflist"><div class="mw-references-wrap"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> \
<span class="reference-text">Smith, J. (2023). <i>Relocation and Its Limits</i>. \
<a rel="nofollow" class="external free" href="https://example.org/relocation">\
https://example.org/relocation</a></span></li>
<li id="cite_note-jones-2"><span class="mw-cite-backlink">^ <a href="#cite_ref-jones_2-0">\
<sup><i><b>a</b></i></sup></a> <a href="#cite_ref-jones_2-1"><sup><i><b>b</b></i></sup></a>\
</span> <span class="reference-text">Jones, A. (2022). Remote Work Abroad. \
<i>Caucasus Review</i>, 4(2), 10–20.</span></li>
</ol></div></div>
"""

EPUB = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>Brief</title></head>
<body>
<p>Georgia received many relocants.<a epub:type="noteref" href="#n1">1</a> Most worked \
remotely.<a epub:type="noteref" href="#n2">2</a></p>
<aside epub:type="footnote" id="n1"><p>Smith, J. (2023). <i>Relocation and Its Limits</i>. \
https://example.org/relocation</p></aside>
<aside epub:type="footnote" id="n2"><p>Jones, A. (2022). Remote Work Abroad. \
<i>Caucasus Review</i>, 4(2), 10–20.</p></aside>
</body></html>
"""

EPUB_ENDNOTES = """<html xmlns="http://www.w3.org/1999/xhtml" \
xmlns:epub="http://www.idpf.org/2007/ops"><body>
<p>Georgia received many relocants.<sup><a epub:type="noteref" href="#en1" id="ref1">i</a></sup> \
Most worked remotely.<sup><a epub:type="noteref" href="#en2" id="ref2">ii</a></sup></p>
<section epub:type="endnotes" role="doc-endnotes"><h2>Notes</h2><ol>
<li id="en1" epub:type="endnote" role="doc-endnote"><p><a href="#ref1" role="doc-backlink">i.</a> \
Smith, J. (2023). <i>Relocation and Its Limits</i>. https://example.org/relocation</p></li>
<li id="en2" epub:type="endnote" role="doc-endnote"><p>Jones, A. (2022). Remote Work Abroad. \
<i>Caucasus Review</i>, 4(2), 10–20.</p></li>
</ol></section></body></html>
"""

DPUB_ARIA = """<p>Georgia received many relocants.<a role="doc-noteref" href="#note-a">iii</a> \
Most worked remotely.<a role="doc-noteref" href="#note-b">iv</a></p>
<section role="doc-endnotes"><ol start="3" type="i">
<li id="note-a">Smith, J. (2023). <i>Relocation and Its Limits</i>. \
https://example.org/relocation</li>
<li id="note-b">Jones, A. (2022). Remote Work Abroad. <i>Caucasus Review</i>, 4(2), 10–20.</li>
</ol></section>
"""

WORD_EXPORT = """<html><body lang=EN-GB><div class=WordSection1>
<p class=MsoNormal>Georgia received many relocants.<a href="#_edn1" name="_ednref1" \
title=""><span class=MsoEndnoteReference><span class=MsoEndnoteReference>[i]</span></span></a> \
Most worked remotely.<a href="#_edn2" name="_ednref2" title=""><span \
class=MsoEndnoteReference>[ii]</span></a></p>
</div>
<div><br clear=all><hr align=left size=1 width="33%">
<div id=edn1>
<p class=MsoEndnoteText><a href="#_ednref1" name="_edn1" title=""><span \
class=MsoEndnoteReference>[i]</span></a> Smith, J. (2023). <i>Relocation and Its Limits</i>. \
https://example.org/relocation</p>
</div>
<div id=edn2>
<p class=MsoEndnoteText><a href="#_ednref2" name="_edn2" title=""><span \
class=MsoEndnoteReference>[ii]</span></a> Jones, A. (2022). Remote Work Abroad.</p>
<p class=MsoEndnoteText><i>Caucasus Review</i>, 4(2), 10–20.</p>
</div>
</div></body></html>
"""

#: Google Docs' HTML export links every address through its own redirect (``sa=D``).
GOOGLE_DOCS = """<html><body class="c4 doc-content"><p class="c1"><span class="c0">Georgia \
received many relocants.</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span \
class="c0">&nbsp;Most worked remotely.</span><sup><a href="#ftnt2" id="ftnt_ref2">[2]</a></sup>\
</p><hr class="c5"><div><p class="c3"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span \
class="c2">&nbsp;Smith, J. (2023). Relocation and Its Limits. </span><span class="c6"><a \
class="c7" href="https://www.google.com/url?q=https://example.org/relocation&amp;sa=D&amp;source=editors&amp;\
ust=1701234567890123&amp;usg=AOvVaw2xExAmPlE">https://example.org/relocation</a></span>\
</p></div><div><p class="c3"><a href="#ftnt_ref2" id="ftnt2">[2]</a><span class="c2">\
&nbsp;Jones, A. (2022). Remote Work Abroad. Caucasus Review, 4(2), 10–20.</span></p></div>\
</body></html>
"""

#: The WordPress "footnotes" plugin: each marker is followed by a tooltip holding a copy of
#: its note (cut short); the notes are the rows of a table, each row's label cell holding
#: the anchor the marker links to.
FOOTNOTES_PLUGIN = "".join(f"""<p>{claim}<span class="footnote_referrer"><a role="button" \
href="#f+253+1+{n}" class="footnote_hard_link"><sup id="footnote_plugin_tooltip_253_1_{n}" \
class="footnote_plugin_tooltip_text">[{n}]</sup></a><span class="footnote_referrer_base"><span \
id="r+253+1+{n}" class="footnote_referrer_anchor"></span></span><span \
id="footnote_plugin_tooltip_text_253_1_{n}" class="footnote_tooltip">{note[:25]} …</span>\
</span></p>
""" for n, claim, note in ((1, "Georgia received many relocants.", SMITH),
                          (2, "Most worked remotely.", JONES))) + """<div \
class="footnotes_reference_container"><p><span class="footnote_reference_container_label">\
Notes</span></p><table class="footnotes_table"><tbody>""" + "".join(f"""<tr \
class="footnotes_plugin_reference_row"><th scope="row" class="footnote_plugin_index_combi"><a \
id="footnote_plugin_reference_253_1_{n}" href="#r+253+1+{n}" class="footnote_backlink"><span \
class="footnote_item_base"><span id="f+253+1+{n}" class="footnote_item_anchor"></span></span>\
<span class="footnote_index_arrow">↑</span>{n}</a></th><td class="footnote_plugin_text">{note}\
</td></tr>""" for n, note in ((1, SMITH.replace("*", "<em>", 1).replace("*", "</em>", 1)
                               .replace("<https://example.org/relocation>",
                                        '<a href="https://example.org/relocation">'
                                        "https://example.org/relocation</a>")),
                              (2, JONES.replace("*", "<em>", 1).replace("*", "</em>", 1)))
                    ) + "</tbody></table></div>\n"

#: tDiary (a Japanese blog engine): notes labelled "*1", the marker's anchor named for the
#: note's link back to it.
TDIARY = """<div class="section"><p>Georgia received many relocants.<span class="footnote">\
<a name="fm01" href="#f01" title="Smith">*1</a></span> Most worked remotely.<span \
class="footnote"><a name="fm02" href="#f02" title="Jones">*2</a></span></p></div>
<div class="footnote">
<p class="footnote"><a name="f01" href="#fm01">*1</a>&nbsp;Smith, J. (2023). \
<em>Relocation and Its Limits</em>. <a href="https://example.org/relocation">\
https://example.org/relocation</a></p>
<p class="footnote"><a name="f02" href="#fm02">*2</a>&nbsp;Jones, A. (2022). Remote Work \
Abroad. <em>Caucasus Review</em>, 4(2), 10–20.</p>
</div>
"""

TWO = [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2)]
TWO_TWICE = [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2), (FOOTNOTES, "1", 1)]
ROMAN = [(ENDNOTES, "i", 1), (ENDNOTES, "ii", 2)]
ROMAN_TEXTS = (SMITH_BARE, JONES)

# name: (page, notes as (series, token, number, text), markers as (series, token, number))
GENERATORS = {
    "pandoc": (PANDOC, [(*TWO[0], SMITH), (*TWO[1], JONES)], TWO),
    "markdown-it": (MARKDOWN_IT, [(*TWO[0], SMITH), (*TWO[1], JONES)], TWO_TWICE),
    "python-markdown": (PYTHON_MARKDOWN, [(*TWO[0], SMITH), (*TWO[1], JONES)], TWO_TWICE),
    "kramdown": (KRAMDOWN, [(*TWO[0], SMITH), (*TWO[1], JONES)], TWO_TWICE),
    "hugo": (HUGO, [(*TWO[0], SMITH), (*TWO[1], JONES)], TWO),
    "wordpress": (WORDPRESS, [(*TWO[0], SMITH), (*TWO[1], JONES)], TWO),
    "easy-footnotes": (EASY_FOOTNOTES, [(*TWO[0], SMITH), (*TWO[1], JONES)], TWO),
    "modern-footnotes": (MODERN_FOOTNOTES, [(*TWO[0], SMITH), (*TWO[1], JONES)], TWO),
    "footnotes-plugin": (FOOTNOTES_PLUGIN, [(*TWO[0], SMITH), (*TWO[1], JONES)], TWO),
    "tdiary": (TDIARY, [(*TWO[0], SMITH), (*TWO[1], JONES)], TWO),
    "wikipedia": (WIKIPEDIA, [(*TWO[0], SMITH), (*TWO[1], JONES)],
                  [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2), (FOOTNOTES, "2", 2)]),
    "epub": (EPUB, [(*TWO[0], SMITH_BARE), (*TWO[1], JONES)], TWO),
    "epub-endnotes": (EPUB_ENDNOTES, [(*ROMAN[0], SMITH_BARE), (*ROMAN[1], JONES)], ROMAN),
    "dpub-aria": (DPUB_ARIA, [(ENDNOTES, "iii", 3, SMITH_BARE), (ENDNOTES, "iv", 4, JONES)],
                  [(ENDNOTES, "iii", 3), (ENDNOTES, "iv", 4)]),
    "word-export": (WORD_EXPORT, [(*ROMAN[0], SMITH_BARE), (*ROMAN[1], JONES)], ROMAN),
    "google-docs": (GOOGLE_DOCS, [
        (*TWO[0], "Smith, J. (2023). Relocation and Its Limits. <https://example.org/relocation>"),
        (*TWO[1], "Jones, A. (2022). Remote Work Abroad. Caucasus Review, 4(2), 10–20.")], TWO),
}


def found(page: str):
    """The notes, as (series, token, number, text), and markers, as (series, token, number),
    that footcheck finds in ``page``."""
    extraction = extract(reader.read(page.encode(), "brief.html"))
    return ([(n.series, n.token, n.number, n.text) for n in extraction.notes],
            [(m.series, m.token, m.number) for m in extraction.markers])


def serious(path) -> list[tuple[str, str]]:
    """The findings of warning or error severity of an offline audit of ``path``."""
    return [(f.code, f.message) for f in audit(path).findings if f.severity >= Severity.WARNING]


@pytest.mark.parametrize("name", GENERATORS)
def test_each_generator_gives_its_notes_and_markers(name, tmp_path):
    page, notes, markers = GENERATORS[name]
    assert found(page) == (notes, markers)
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    assert serious(path) == []


def test_a_google_redirect_copied_from_search_results_is_still_reported(tmp_path):
    copied = GOOGLE_DOCS.replace("sa=D&amp;source=editors", "sa=t&amp;source=web")
    path = tmp_path / "copied.html"
    path.write_text(copied, encoding="utf-8")
    assert [code for code, _ in serious(path)] == ["FC302"]


def test_notes_are_handed_over_written_as_markdown_footnotes():
    document = reader.read(PANDOC.encode(), "brief.html")
    assert document.text == (
        "Georgia received many relocants.[^1] Most worked remotely.[^2]\n\n"
        f"Footnotes\n\n[^1]: {SMITH}\n\n[^2]: {JONES}\n")
    assert [(n.label, n.notation) for n in document.native_notes] == [
        ("[^1]:", "markdown"), ("[^2]:", "markdown")]
    assert [(m.label, m.line, m.column) for m in document.native_markers] == [
        ("[^1]", 1, 33), ("[^2]", 1, 59)]


def test_endnotes_are_written_as_word_endnotes():
    document = reader.read(WORD_EXPORT.encode(), "brief.htm")
    assert document.text == (
        "Georgia received many relocants.^{i} Most worked remotely.^{ii}\n\n"
        f"Notes\n\n^{{i}} {SMITH_BARE}\n\n^{{ii}} Jones, A. (2022). Remote Work Abroad.\n"
        "*Caucasus Review*, 4(2), 10–20.\n")


LIST_NOTE = """<p>Two routes.<a href="#fn1" class="footnote-ref" id="fnref1"
role="doc-noteref"><sup>1</sup></a></p>
<table><thead><tr class="header"><th>Country</th><th>Share</th></tr></thead>
<tbody><tr class="odd"><td>Georgia</td><td>12%<a href="#fn2" class="footnote-ref" id="fnref2"
role="doc-noteref"><sup>2</sup></a></td></tr></tbody></table>
<section class="footnotes footnotes-end-of-document" role="doc-endnotes">
<hr />
<ol>
<li id="fn1" role="doc-endnote"><ol type="1">
<li>Smith, J. (2023). <em>Relocation and Its Limits</em>.</li>
<li>Jones, A. (2022). Remote Work Abroad.</li>
</ol>
<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></li>
<li id="fn2" role="doc-endnote"><p>National Statistics Office (2023). <em>Migration
Table 5</em>.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol>
</section>
"""


def test_a_note_that_begins_with_a_list_is_one_note_and_a_marker_in_a_table_counts():
    notes, markers = found(LIST_NOTE)
    assert notes == [
        (FOOTNOTES, "1", 1, "1. Smith, J. (2023). *Relocation and Its Limits*. "
                            "2. Jones, A. (2022). Remote Work Abroad."),
        (FOOTNOTES, "2", 2, "National Statistics Office (2023). *Migration Table 5*.")]
    assert markers == [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2)]


def test_markers_in_headings_and_list_items_count():
    page = ("<h2>Scope<sup id='fnref:1'><a href='#fn:1' class='footnote-ref'>1</a></sup></h2>"
            "<ul><li>Item.<sup id='fnref:2'><a href='#fn:2' class='footnote-ref'>2</a></sup>"
            "</li></ul><div class='footnote'><ol><li id='fn:1'><p>One.</p></li>"
            "<li id='fn:2'><p>Two.</p></li></ol></div>")
    assert found(page) == ([(FOOTNOTES, "1", 1, "One."), (FOOTNOTES, "2", 2, "Two.")],
                           [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2)])
    assert reader.read(page.encode(), "b.html").text.startswith("Scope[^1]\n\n- Item.[^2]\n")


DEFECTS = """<p>One.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref">\
<sup>1</sup></a>
Three.<a href="#fn3" class="footnote-ref" id="fnref3" role="doc-noteref"><sup>3</sup></a></p>
<section class="footnotes" role="doc-endnotes"><hr /><ol>
<li id="fn1"><p>Smith, J. (2023). <em>Relocation and Its Limits</em>. \
<a href="#fnref1" class="footnote-back">↩︎</a></p></li>
<li id="fn2"><p>Jones, A. (2022). Remote Work Abroad. \
<a href="#fnref2" class="footnote-back">↩︎</a></p></li>
</ol></section>
"""


def test_a_missing_note_and_an_uncited_note_are_reported(tmp_path):
    notes, markers = found(DEFECTS)
    assert [n[:3] for n in notes] == [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2)]
    assert markers == [(FOOTNOTES, "1", 1), (FOOTNOTES, "3", 3)]
    path = tmp_path / "defects.html"
    path.write_text(DEFECTS, encoding="utf-8")
    findings = [(f.code, f.series, f.number) for f in audit(path).findings
                if f.severity >= Severity.WARNING]
    assert findings == [("FC102", FOOTNOTES, 3), ("FC103", FOOTNOTES, 2)]


def test_a_note_cited_twice_is_one_note_with_two_markers_and_no_problem(tmp_path):
    notes, markers = found(MARKDOWN_IT)
    assert [n[:3] for n in notes] == TWO
    assert markers == TWO_TWICE
    path = tmp_path / "twice.html"
    path.write_text(MARKDOWN_IT, encoding="utf-8")
    assert serious(path) == []


def test_lettered_and_symbol_labels_are_numbered_by_their_place():
    page = ("<p>A.<sup><a href='#fn-a' role='doc-noteref'>a</a></sup> "
            "B.<sup><a href='#fn-b' role='doc-noteref'>*</a></sup></p>"
            "<div class='footnotes'><ol><li id='fn-a'>First.</li><li id='fn-b'>Second.</li>"
            "</ol></div>")
    assert found(page) == ([(FOOTNOTES, "a", 1, "First."), (FOOTNOTES, "*", 2, "Second.")],
                           [(FOOTNOTES, "a", 1), (FOOTNOTES, "*", 2)])


LETTERS = """<h3>TO ZMESKALL.</h3>
<p>Send the card.<sup class="footref"><a href="#footnote132">[1]</a></sup> And the
sonata.<sup class="footref"><a href="#footnote133">[2]</a></sup></p>
<div class="footnote" id="footnote132"><p>[Footnote 1: The visiting-card, as Frau Eyloff
told me.]</p></div>
<div class="footnote" id="footnote133"><p>[Footnote 2: Op. 90, dedicated to him.]</p></div>
<h3>TO THE BARONESS ERTMANN.</h3>
<p>Accept this.<sup class="footref"><a href="#footnote134">[1]</a></sup></p>
<div class="footnote" id="footnote134"><p>[Footnote 1: She played his sonatas [sic]
best.]</p></div>
"""


def test_notes_numbered_per_letter_are_numbered_by_their_place_and_untagged(tmp_path):
    """A book's footnotes numbered from 1 in each letter, each linked to its own note, are
    no duplicates; Project Gutenberg's "[Footnote 1: …]" around a note's text is no text."""
    notes, markers = found(LETTERS)
    assert notes == [(FOOTNOTES, "1", 1, "The visiting-card, as Frau Eyloff told me."),
                     (FOOTNOTES, "2", 2, "Op. 90, dedicated to him."),
                     (FOOTNOTES, "1", 3, "She played his sonatas [sic] best.")]
    assert markers == [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2), (FOOTNOTES, "1", 3)]
    path = tmp_path / "letters.html"
    path.write_text(LETTERS, encoding="utf-8")
    assert serious(path) == []
    # two notes numbered 2 are no numbering per letter: a duplicate still
    twice = LETTERS.replace("sonatas [sic]", "sonatas").replace(">[1]</a></sup></p>\n<div",
                                                             ">[2]</a></sup></p>\n<div")
    assert [n[2] for n in found(twice)[0]] == [1, 2, 2]


#: Project Gutenberg's markup of a book's footnotes: an empty anchor beside each marker link,
#: which the note links back to; an editor's note in the notes area citing a note itself; a
#: note whose paragraph holds only its label, its verse below; an index of printed pages.
GUTENBERG = """<html><body>
<p>The field at St. Andrew's was called Les Galères.<a name="FNanchor_1" id="FNanchor_1"></a>
<a href="#Footnote_1" class="fnanchor">[1]</a> A song was sung.<a name="FNanchor_2"
id="FNanchor_2"></a><a href="#Footnote_2" class="fnanchor">[2]</a></p>
<p><span class="pagenum"><a name="Page_12" id="Page_12">[12]</a></span>More text.</p>
<div class="footnotes">
<div class="footnote"><p><a name="Footnote_1" id="Footnote_1"></a><a href="#FNanchor_1">
<span class="label">[1]</span></a> From Miss Lane, afterwards Mrs. Lane-Clarke.</p></div>
<div class="editor-note"><p>In the Record Office exists a petition of Cecilia for the murder
of Ranulph Vautier<a name="FNanchor_3" id="FNanchor_3"></a><a href="#Footnote_3"
class="fnanchor">[3]</a>, three years ago.</p></div>
<div class="footnote"><p><a name="Footnote_2" id="Footnote_2"></a><a href="#FNanchor_2">
<span class="label">[2]</span></a></p>
<div class="poetry"><div class="stanza">Oguinâni! Oguinâno!<br/>Ope thy purse.</div></div>
</div>
<div class="footnote"><p><a name="Footnote_3" id="Footnote_3"></a><a href="#FNanchor_3">
<span class="label">[3]</span></a> He was called Vautier or Gautier.</p></div>
</div>
<h2>Index</h2>
<p>Galères, <a href="#Page_12">12</a>; Vautier, <a href="#Page_12">12</a></p>
</body></html>
"""


def test_a_books_notes_linked_back_to_an_anchor_beside_each_marker(tmp_path):
    """The link back from a note to the empty anchor set beside its marker is no marker (an
    editor's note in the notes area, holding that anchor, was a phantom note); an index's
    links to printed pages cite nothing; a note whose paragraph holds only its label is the
    verse below it."""
    notes, markers = found(GUTENBERG)
    assert notes == [(FOOTNOTES, "1", 1, "From Miss Lane, afterwards Mrs. Lane-Clarke."),
                     (FOOTNOTES, "2", 2, "Oguinâni! Oguinâno! Ope thy purse."),
                     (FOOTNOTES, "3", 3, "He was called Vautier or Gautier.")]
    assert markers == [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2), (FOOTNOTES, "3", 3)]
    path = tmp_path / "book.html"
    path.write_text(GUTENBERG, encoding="utf-8")
    assert serious(path) == []
    document = reader.read(GUTENBERG.encode(), "book.html")
    assert "In the Record Office exists" in document.text  # the editor's note is text


def test_code_blocks_are_not_read_for_markers():
    page = PANDOC.replace(
        "<section", '<pre><code>{"comment": "see [^9] and [3]"}</code></pre>\n<section', 1)
    document = reader.read(page.encode(), "brief.html")
    assert [document.text[s:e] for s, e in document.hidden] == [
        '{"comment": "see [^9] and [3]"}']
    assert found(page) == found(PANDOC)


def test_pages_without_generator_markup_keep_the_typed_reading():
    page = ('<p>Claim.<sup>1</sup> See <a href="#top">1</a> and '
            '<a href="#notes">Notes</a>.</p><h2 id="notes">Notes</h2>'
            "<ol><li>First source.</li></ol>")
    document = reader.read(page.encode(), "b.html")
    assert document.native_notes == () and document.native_markers == ()
    assert document.text == ("Claim.^{1} See 1 and Notes.\n\nNotes\n\n1. First source.\n")


# --- notes made by the tools themselves, and the same brief in .md and .html ---------------

BRIEF = """# Relocation brief

Georgia received many relocants in 2022.[^1] Most of them worked remotely.[^2]

| Country | Share |
|---------|-------|
| Georgia | 12%[^3] |

[^1]: Smith, J. (2023). *Relocation and Its Limits*. <https://example.org/relocation>

[^2]: Jones, A. (2022). Remote Work Abroad. *Caucasus Review*, 4(2), 10–20.

[^3]: National Statistics Office (2023). *Migration Table 5*. <https://example.org/table5>
"""


def pandoc_html(markdown: str) -> str:
    """``markdown`` converted by pandoc to a standalone HTML5 page."""
    result = subprocess.run(
        [need("pandoc"), "-f", "markdown", "-t", "html5", "-s", "--metadata", "title=Brief"],
        input=markdown, capture_output=True, text=True, check=True)
    return result.stdout


def markdown_it_html(markdown: str) -> str:
    """``markdown`` converted by markdown-it-py with its footnote plugin."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    return MarkdownIt("commonmark").enable("table").use(footnote_plugin).render(markdown)


def summary(path):
    """Notes and markers of the file at ``path``, without their places in the text."""
    extraction = extract(read(path))
    return ([(n.series, n.token, n.number, n.label, n.notation, n.text)
             for n in extraction.notes],
            [(m.series, m.token, m.number, m.label, m.notation) for m in extraction.markers])


@pytest.mark.parametrize("convert", [pandoc_html, markdown_it_html])
def test_the_same_brief_gives_the_same_notes_from_md_and_from_its_html(convert, tmp_path):
    md = tmp_path / "brief.md"
    md.write_text(BRIEF, encoding="utf-8")
    page = tmp_path / "brief.html"
    page.write_text(convert(BRIEF), encoding="utf-8")
    expected = summary(md)
    assert [n[:3] for n in expected[0]] == [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2),
                                            (FOOTNOTES, "3", 3)]
    assert [m[:3] for m in expected[1]] == [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2),
                                            (FOOTNOTES, "3", 3)]
    assert summary(page) == expected  # series, tokens, numbers, labels, notation, texts
    assert serious(md) == serious(page) == []


LIST_BRIEF = """Two routes.[^1] Again.[^1]

[^1]:
    1. Smith, J. (2023). *Relocation and Its Limits*.
    2. Jones, A. (2022). Remote Work Abroad.
"""
LIST_TEXT = ("1. Smith, J. (2023). *Relocation and Its Limits*. "
             "2. Jones, A. (2022). Remote Work Abroad.")


def test_pandoc_note_that_begins_with_a_list():
    # pandoc copies a note cited twice: two notes, one marker each
    assert found(pandoc_html(LIST_BRIEF)) == (
        [(FOOTNOTES, "1", 1, LIST_TEXT), (FOOTNOTES, "2", 2, LIST_TEXT)],
        [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2)])


def test_markdown_it_note_that_begins_with_a_list_cited_twice():
    assert found(markdown_it_html(LIST_BRIEF)) == (
        [(FOOTNOTES, "1", 1, LIST_TEXT)], [(FOOTNOTES, "1", 1), (FOOTNOTES, "1", 1)])


def test_docutils_footnotes():
    try:
        from docutils.core import publish_string
        from docutils.writers.html5_polyglot import Writer
    except ImportError:  # pragma: no cover - docutils is a dependency
        require("docutils")
    source = ("Claim [1]_ and again [#]_ and [*]_.\n\n"
              ".. [1] First note.\n.. [#] Auto note.\n.. [*] Star note.\n")
    page = publish_string(source, writer=Writer()).decode()
    assert found(page) == (
        [(FOOTNOTES, "1", 1, "First note."), (FOOTNOTES, "2", 2, "Auto note."),
         (FOOTNOTES, "*", 3, "Star note.")],
        [(FOOTNOTES, "1", 1), (FOOTNOTES, "2", 2), (FOOTNOTES, "*", 3)])


def thousand_notes_page(count: int = 1000) -> str:
    """A pandoc-like page citing ``count`` notes (benchmarks/readers.py times it)."""
    body = "".join(
        f'<p>Claim {i}.<a href="#fn{i}" class="footnote-ref" id="fnref{i}" '
        f'role="doc-noteref"><sup>{i}</sup></a></p>' for i in range(1, count + 1))
    notes = "".join(
        f'<li id="fn{i}" role="doc-endnote"><p>Author {i}, <em>Title</em>. '
        f'<a href="#fnref{i}" class="footnote-back">↩︎</a></p></li>'
        for i in range(1, count + 1))
    return f'{body}<section class="footnotes" role="doc-endnotes"><ol>{notes}</ol></section>'


def test_a_thousand_notes_are_all_read():
    document = reader.read(thousand_notes_page().encode(), "big.html")
    assert len(document.native_notes) == len(document.native_markers) == 1000


SAVED = """<html><head><base href="."></head><body>
<p>Loops are common.<sup class="reference"><a href="https://wiki.example.org/wiki/Loops#cite_note-1"
>[1]</a></sup> Also in film.<sup class="reference"><a
href="https://wiki.example.org/wiki/Loops#cite_note-2">[2]</a></sup>
See <a href="https://other.example.org/guide#cite_note-1">a guide</a>.</p>
<ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><a
href="https://wiki.example.org/wiki/Loops#cite_ref-1">^</a></span> <span class="reference-text">
SMITH_HTML</span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><a
href="https://wiki.example.org/wiki/Loops#cite_ref-2">^</a></span> <span class="reference-text">
Jones, A. (2022). Remote Work Abroad. <i>Caucasus Review</i>, 4(2), 10–20.</span></li>
</ol></body></html>
""".replace("SMITH_HTML", 'Smith, J. (2023). <i>Relocation and Its Limits</i>. '
            '<a href="https://example.org/relocation">https://example.org/relocation</a>')


def test_a_saved_page_links_its_own_notes_with_its_address(tmp_path):
    """A page saved from the web writes its in-page links with its own address
    (``https://wiki.example.org/wiki/Loops#cite_note-1``): its notes are still followed
    from their markers, and their back-links are no URLs of theirs; a link to another page
    is left alone even where its fragment names an element of this one."""
    notes, markers = found(SAVED)
    assert [n[:3] for n in notes] == TWO
    assert markers == TWO
    assert notes[0][3] == SMITH and "wiki.example.org" not in notes[1][3]
    path = tmp_path / "saved.html"
    path.write_text(SAVED, encoding="utf-8")
    assert serious(path) == []
    assert "https://other.example.org/guide#cite_note-1" in reader.read(SAVED.encode(),
                                                                         "saved.html").text


def test_notes_written_where_they_are_cited_distill_and_sidenotes():
    """Distill's <d-footnote> and Tufte CSS's sidenotes hold their note at the place that
    cites it: each is a marker there and a note, numbered in turn; a custom element holding
    paragraphs (<d-article>) is a block; <d-cite>, filled in by the page's script from its
    own bibliography, is reported once as unread, not lost."""
    page = (b"<html><body><d-title><h1>Research Debt</h1></d-title><d-article>"
            b"<p>Tutorials help.<d-footnote>That is, really outstanding tutorials, 2017."
            b"</d-footnote> More text<d-cite key='olah2017'></d-cite>."
            b"<p>A margin note<label class='margin-toggle sidenote-number'></label>"
            b"<span class='sidenote'>Tufte, <i>Envisioning Information</i>, 1990.</span>."
            b"</d-article></body></html>")
    document = reader.read(page, "distill.html")
    assert document.text.startswith("Research Debt\n\nTutorials help.[^1] More text.\n\n"
                                    "A margin note[^2].")
    assert [(n.number, n.text) for n in document.native_notes] == [
        (1, "That is, really outstanding tutorials, 2017."),
        (2, "Tufte, *Envisioning Information*, 1990.")]
    report = audit(document)
    assert [(f.code, f.line) for f in report.findings if f.severity >= Severity.WARNING] == [
        ("FC109", 3)]


def test_a_notes_tooltip_copy_is_not_body_text():
    """The copy of a note the footnotes plugin shows when its marker is pointed at is not
    text of the brief (its address would be checked twice, its words read as prose)."""
    text = reader.read(FOOTNOTES_PLUGIN.encode(), "brief.html").text
    assert "…" not in text
    assert text.startswith("Georgia received many relocants.[^1]\n")


def test_wikipedia_note_groups_are_notes():
    """Wikipedia numbers a group of notes apart from the references (``[n 1]``, ``[nb 1]``,
    ``[note 1]``): each group's notes are read, numbered by their place, and a group's note
    citing a reference is a marker (not a link back to one)."""
    for group in ("n", "nb", "note", "Note"):
        page = WIKIPEDIA.replace(
            '<sup id="cite_ref-1" class="reference">',
            f'<sup id="cite_ref-g" class="reference"><a href="#cite_note-g">[{group} 1]</a>'
            '</sup><sup id="cite_ref-1" class="reference">').replace(
            '<div class="mw-heading', '<h2>Notes</h2><div class="reflist"><ol class='
            '"references"><li id="cite_note-g"><span class="mw-cite-backlink"><b><a href='
            '"#cite_ref-g">^</a></b></span> <span class="reference-text">The anthem is used '
            'only on regal occasions.<sup id="cite_ref-jones_2-2" class="reference"><a href='
            '"#cite_note-jones-2">[2]</a></sup></span></li></ol></div><div class="mw-heading', 1)
        assert found(page) == ([(FOOTNOTES, "1", 1, "The anthem is used only on regal "
                                 "occasions.[^2]"), (FOOTNOTES, "1", 2, SMITH),
                                (FOOTNOTES, "2", 3, JONES)],
                               [(FOOTNOTES, "1", 1), (FOOTNOTES, "1", 2), (FOOTNOTES, "2", 3),
                                (FOOTNOTES, "2", 3), (FOOTNOTES, "2", 3)]), group


def test_a_printed_pages_number_inside_a_marker_link(tmp_path):
    """Project Gutenberg sets a page's number inside the marker link that stands at the page
    break (``[2]<span class="pagenum">[Pg 96]</span>``): the marker is ``[2]``."""
    page = GUTENBERG.replace(
        'class="fnanchor">[2]</a>',
        'class="fnanchor">[2]<span class="pagenum"><a name="Page_96" id="Page_96">[Pg 96]'
        '</a></span></a>')
    assert found(page) == found(GUTENBERG)


def test_a_notes_cross_reference_is_no_marker_and_a_bracketed_group_name_is(tmp_path):
    """"see <a href="#note-1">note 1</a>" in a note refers to another note: no marker (an
    endnotes file cited twice from its notes got FC104); kramdown's ``[footnote 1]`` link
    text is a marker's."""
    page = PANDOC.replace("Most worked remotely.", 'Most worked remotely, see <a '
                          'href="#fn1">note 1</a>.', 1)
    assert found(page) == found(PANDOC)
    labelled = PANDOC.replace("<sup>1</sup>", "[footnote 1]").replace("<sup>2</sup>",
                                                                      "[footnote 2]")
    assert found(labelled) == found(PANDOC)


def test_markers_of_notes_in_another_file_are_said_to_be_unread(tmp_path):
    """An EPUB chapter's markers point at notes in its endnotes file: one FC109 says so,
    and no FC108 says the chapter has no markers."""
    path = tmp_path / "chapter.html"
    path.write_text('<html><body><section epub:type="chapter"><p>Went to the Exchange<a href='
                    '"endnotes.xhtml#note-1" id="noteref-1" epub:type="noteref">1</a> and home.'
                    '<a href="endnotes.xhtml#note-2" epub:type="noteref">2</a></p></section>'
                    '</body></html>', encoding="utf-8")
    report = audit(path)
    assert [(f.code, f.message) for f in report.findings] == [(
        "FC109", "2 note markers point at notes in another file (endnotes.xhtml), which this "
        "audit does not read: their sources are not checked here")]


def test_an_address_as_a_browser_reads_it(tmp_path):
    """Spaces inside an ``href`` are sent as ``%20`` (a share button's ``?text=Guardia de
    seguridad`` is no malformed address); ``//host/path`` is read with https, so an address
    in its query (``url=www.x.de%2Fnews``) is no address of its own."""
    path = tmp_path / "page.html"
    path.write_text('<article><p>Safe.<sup>1</sup> <a href="https://twitter.com/intent/tweet?'
                    'text=Guardia de seguridad&amp;url=https://bit.ly/39jGR9y">Tweet</a> <a href='
                    '"//app-eu.readspeaker.com/cgi-bin/rsent?lang=de_de&amp;url=www.scinexx.de'
                    '%2Fnews%2F">Vorlesen</a></p><h2>Notes</h2><ol><li>Smith, J. (2023). '
                    '<em>Relocation</em>. Herald.</li></ol></article>', encoding="utf-8")
    assert [f.code for f in audit(path).findings if f.severity >= Severity.WARNING] == []
    text = reader.read(path.read_bytes(), "page.html").text
    assert "text=Guardia%20de%20seguridad" in text and "(https://app-eu.readspeaker" in text


def test_notes_set_in_italics_under_a_sources_line(tmp_path):
    """``<p><em>1 <a>address</a></em></p>`` under ``<em>Quellen:</em>``: the notes are read
    (their markers were dropped with them, silently)."""
    page = ('<article><p>Rates were <a href="https://www.hpvworld.com/a">high</a><sup>1</sup>. '
            'Then fewer<sup>2</sup>.</p><p><em>Quellen:</em></p><p><em>1 Smith, J. (2020). '
            'Rates. <a href="https://www.hpvworld.com/a">https://www.hpvworld.com/a</a></em>'
            '</p><p><em>2 Jones, K. (2021). Fewer. Herald.</em></p></article>')
    notes, markers = found(page)
    assert [(n[1], n[3][:16]) for n in notes] == [("1", "Smith, J. (2020)"),
                                                   ("2", "Jones, K. (2021)")]
    assert [m[1] for m in markers] == ["1", "2"]


def test_an_epub_endnotes_file_alone_holds_its_notes(tmp_path):
    """A book's endnotes file (``<section epub:type="endnotes"><ol><li id="note-1">``), its
    markers in the chapters' files: its notes are read, and their being cited nowhere here
    is one finding; "see note 1" between them cites nothing."""
    items = "".join(f'<li id="note-{n}"><p>Source {n}, {1660 + n}. See <a href="#note-1">note'
                    f' 1</a>. <a href="chapter-1.xhtml#noteref-{n}" epub:type="backlink">↩</a>'
                    "</p></li>" for n in range(1, 8))
    path = tmp_path / "endnotes.xhtml.html"
    path.write_text(f'<html><body><section id="endnotes" epub:type="endnotes"><ol>{items}</ol>'
                    "</section></body></html>", encoding="utf-8")
    report = audit(path)
    assert len(report.notes) == 7 and report.markers == ()
    assert [(f.code, f.message) for f in report.findings if f.severity >= Severity.WARNING] == [
        ("FC103", "no marker in the text points at any of its 7 endnotes: are their markers "
         "in another file, or were they lost?")]


def test_a_publishers_lookup_buttons_are_no_sources(tmp_path):
    """A journal's page offers buttons that look an author or a reference up elsewhere
    ("Google Scholar", "PubMed"): furniture, not a search cited (FC302 on a Springer page);
    a link the author writes words of their own for is still an address of the text."""
    button = ('<p>Marwan Adwan <a href="http://scholar.google.co.uk/scholar?as_q=&amp;num=10'
              '&amp;btnG=Search+Scholar&amp;as_sauthors=%22Marwan+Adwan%22&amp;hl=en">Google '
              'Scholar</a> <a href="https://pubmed.ncbi.nlm.nih.gov/?term=Adwan+M">PubMed</a>'
              '</p>\n<section class')
    page = PANDOC.replace('<section class', button, 1)
    path = tmp_path / "article.html"
    path.write_text(page, encoding="utf-8")
    assert serious(path) == []
    text = reader.read(page.encode(), "article.html").text
    assert "Marwan Adwan Google Scholar PubMed" in text and "scholar.google" not in text
    linked = page.replace(">Google Scholar<", ">his other studies<")
    assert "(http://scholar.google.co.uk/scholar?" in reader.read(linked.encode(), "a.html").text


def test_a_notes_label_linking_back_to_an_anchor_far_from_its_marker():
    """Project Gutenberg's anchor a note links back to may open the marker's paragraph
    (``<p><a name="ft02"></a>For instance, in the <i>Analects</i> … <a href="#fn02">2</a>``):
    the note's label is still its link back, not text of the note."""
    page = "".join((
        '<p><a name="ft02"></a>For instance, in the <i>Analects</i> we read of the Master',
        '<a class="fn" href="#fn02">&nbsp;2&nbsp;</a> and his music.</p>',
        '<p>More.<a name="ft03"></a><a class="fn" href="#fn03">&nbsp;3&nbsp;</a></p><hr/>',
        '<p class="fn"><span><a href="#ft02">&nbsp;2&nbsp;</a></span><a name="fn02"></a> ',
        '<i>Kong</i>. His disciples called him.</p>',
        '<p class="fn"><span><a href="#ft03">&nbsp;3&nbsp;</a></span><a name="fn03"></a> ',
        'Dionysus, the Roman Bacchus.</p>'))
    notes, markers = found(page)
    assert [n[3] for n in notes] == ["*Kong*. His disciples called him.",
                                     "Dionysus, the Roman Bacchus."]
    assert [m[1] for m in markers] == ["2", "3"]
