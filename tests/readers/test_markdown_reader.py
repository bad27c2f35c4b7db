"""Markdown read by markdown-it-py: footnotes handed over with exact places, and what is not
prose hidden from the search for typed notes."""

from footcheck.document import decode
from footcheck.extract import extract
from footcheck.readers import structure


def read(text: str):
    return structure(decode(text.encode(), path="brief.md"))


def test_footnotes_are_placed_exactly():
    doc = read("# T\n\nСлово[^1] and `c[^2]` and[^long-label-for-teams].\n\n"
               "[^1]: First, <https://x.org/a>.\n[^long-label-for-teams]: Second\n    more.\n")
    assert [(m.token, m.number, m.line, m.column) for m in doc.native_markers] == [
        ("1", 1, 3, 6), ("long-label-for-teams", 2, 3, 26)]
    for m in doc.native_markers:
        assert doc.text[m.offset:m.offset + len(m.label)] == m.label
    assert [(n.token, n.line, n.text) for n in doc.native_notes] == [
        ("1", 5, "First, <https://x.org/a>."), ("long-label-for-teams", 6, "Second more.")]


def test_code_comments_math_and_link_destinations_are_hidden():
    doc = read("See [x](https://a.org/[3]) `b[1]` $x^2$ <!-- [4] -->.\n\n"
               "```json\n{\"a\": [1, 2, 3]}\n```\n\n[ref]: https://b.org/[5]\n")
    hidden = [doc.text[s:e] for s, e in doc.hidden]
    assert "`b[1]`" in hidden and "$x^2$" in hidden and "<!-- [4] -->" in hidden
    assert any("[1, 2, 3]" in h for h in hidden) and "[ref]: https://b.org/[5]" in hidden
    assert extract(doc).markers == ()


def test_amounts_in_dollars_are_no_math():
    """pandoc's rule: no space inside the dollars, no digit after the closing one. Two
    amounts in a sentence do not hide the marker between them."""
    doc = read("Spent $5 million in 2022[^1] and $10 million, then $34bn[^2] and $12bn; "
               "its cost is $x^{2}$ or $\\alpha$.\n\n[^1]: Ministry, 2023.\n[^2]: Ibid.\n")
    assert [m.token for m in doc.native_markers] == ["1", "2"]
    assert [doc.text[s:e] for s, e in doc.hidden] == ["$x^{2}$", "$\\alpha$"]


def test_tex_math_delimiters_are_math():
    r"""MathJax's and KaTeX's \( … \) and \[ … \] (the backslash doubled too, to survive
    Markdown's escapes) hide their superscripts; escaped brackets around no TeX stay prose,
    so a typed marker "\[1\]" is still read."""
    doc = read(r"Reward \\( R = \sum_{k=0}^{\infty} r^{iv} \\) and \(x^{2}\), then" "\n"
               r"\[ y^{iv} = 1 \] is all." "\n\n" r"A claim \[1\] and [sic\]." "\n")
    hidden = [doc.text[s:e] for s, e in doc.hidden]
    assert hidden == [r"\\( R = \sum_{k=0}^{\infty} r^{iv} \\)", r"\(x^{2}\)",
                      r"\[ y^{iv} = 1 \]"]
    assert extract(doc).markers == ()


def test_a_definition_after_a_note_ending_in_a_quotation_is_a_note():
    """pandoc's reading: the definition ends the quotation that ends the note before it;
    outside the notes a line after a quotation continues it (pandoc's lazy line)."""
    doc = read("Flee Hegel.[^0] Wisdom.[^1]\n\n[^0]: Foucault, p. 235:\n\n"
               "    > Our age is attempting to flee Hegel.\n[^1]: Hegel, *Phenomenology*, §5.\n")
    assert [(n.token, n.line) for n in doc.native_notes] == [("0", 3), ("1", 6)]
    doc = read("> A quotation\n[^1]: goes on.\n")
    assert doc.native_notes == ()


def test_a_note_holding_only_code_is_not_empty_and_not_doubled():
    doc = read('A claim.[^1]\n\n[^1]:\n    ```json\n    {"title": "Some report"}\n    ```\n')
    notes = extract(doc).notes
    assert [(n.token, n.line) for n in notes] == [("1", 3)]
    assert "Some report" in notes[0].text


def test_an_empty_definition_is_one_note():
    notes = extract(read("A claim.[^1]\n\n[^1]:\n")).notes
    assert [(n.token, n.text) for n in notes] == [("1", "")]


def test_inline_notes_and_a_reused_footnote():
    doc = read("One^[Inline, https://x.org/a.] two[^a] three[^a].\n\n[^a]: Note.\n")
    ex = extract(doc)
    assert [(n.token, n.text) for n in ex.notes] == [("2", "Inline, https://x.org/a."),
                                                    ("a", "Note.")]
    assert [m.number for m in ex.markers] == [2, 1, 1]
    assert ex.notes[0].urls[0].url == "https://x.org/a"


def audit_md(tmp_path, text: str):
    from footcheck.pipeline import audit

    path = tmp_path / "brief.md"
    path.write_text(text, encoding="utf-8")
    return audit(path)


NOTE = "\n\n[^1]: Smith, J. (2020). Title. *Herald*. https://herald.example.org/a\n"


def test_an_empty_link_in_code_is_not_reported_but_one_in_prose_is(tmp_path):
    quiet = audit_md(tmp_path, "Use `C[int]()` or `os.popen[234]()`.[^1]" + NOTE)
    assert [f.code for f in quiet.findings] == []
    loud = audit_md(tmp_path, "See [the law]() here.[^1]" + NOTE)
    assert [f.code for f in loud.findings] == ["FC303"]


def test_an_escaped_bracket_is_not_a_marker(tmp_path):
    report = audit_md(tmp_path, r"The pattern \[^a\-z\] matches.[^1]" + NOTE)
    assert [m.label for m in report.markers] == ["[^1]"]
    assert report.findings == ()


def test_an_undefined_named_footnote_is_named_in_the_message(tmp_path):
    report = audit_md(tmp_path, "A claim.[^video] Another.[^1]" + NOTE)
    assert [(f.code, f.message) for f in report.findings] == [
        ("FC102", "no footnote [^video] is defined")]


UNCLOSED = ("Works are abstract.[^1] Every instrument is classed with\n"
            "```rdf:type\nowl:Class .```\nas a class.[^2]\n\n"
            "[^1]: IFLA, *Functional Requirements for Bibliographic Records*, 2006, p. 16.\n\n"
            "[^2]: W3C, *OWL 2 Web Ontology Language Primer*, 2012.\n")


def test_notes_after_a_code_block_never_closed_are_read_and_the_block_reported():
    """A fence typed for inline code over two lines leaves the last code block open to the
    end of the file: its notes would print as code. They are read as meant, and said."""
    doc = read(UNCLOSED)
    assert [n.token for n in doc.native_notes] == ["1", "2"]
    assert [m.token for m in doc.native_markers] == ["1", "2"]
    assert [(u.line, u.count, u.unclosed) for u in doc.unread] == [(2, 2, True)]
    assert len(doc.text) == len(UNCLOSED) and doc.text == UNCLOSED  # the text is untouched


def test_a_closed_code_block_and_one_holding_no_notes_are_code():
    shown = "Write a note so:\n\n```markdown\nText.[^1]\n\n[^1]: Source.\n```\n"
    doc = read(shown)
    assert doc.native_notes == () and doc.unread == ()
    doc = read("A claim.[^1]\n\n[^1]: Source, 2020.\n\n```python\nprint('no end')\n")
    assert [n.token for n in doc.native_notes] == ["1"] and doc.unread == ()


WORD_PAGE = """\
# Opposer artisanat et ingénierie

Une lame de fond trouvant son origine chez Lewis Mumford[\\[i\\]](#_edn1) parcourt les
disciplines : le vernacularisme [\\[ii\\]](#_edn2)et la tradition.

Il y a 27 entradas[\\[1]](#_ftn1 "#_ftn1") y un segundo nivel.

* * *

[\\[i\\]](#_ednref1) Lewis Mumford, *Technique et Civilisation* (1934), Paris, Le Seuil, 1950.

[\\[ii\\]](#_ednref2) Bernard Rudofsky, *Architecture sans architectes*, 1964.

[\\[1]](#_ftnref1 "#_ftnref1") [https://service.elsevier.com/a](https://service.elsevier.com/a)
"""


def test_notes_a_converted_word_page_left_as_anchor_links_are_read():
    """Word's web page turned into Markdown keeps its notes as links to anchors: the marker
    in the text, the label opening the note. Confluence's form, whose escaped bracket leaves
    no link, too."""
    doc = read(WORD_PAGE)
    assert [(n.series, n.token, n.number, n.line, n.text) for n in doc.native_notes] == [
        ("endnotes", "i", 1, 10, "Lewis Mumford, *Technique et Civilisation* (1934), Paris, "
                                 "Le Seuil, 1950."),
        ("endnotes", "ii", 2, 12, "Bernard Rudofsky, *Architecture sans architectes*, 1964."),
        ("footnotes", "1", 1, 14,
         "[https://service.elsevier.com/a](https://service.elsevier.com/a)")]
    assert [(m.series, m.token, m.line) for m in doc.native_markers] == [
        ("endnotes", "i", 3), ("endnotes", "ii", 4), ("footnotes", "1", 6)]
    assert [n.token for n in extract(doc).notes] == ["i", "ii", "1"]  # not read twice


def test_a_numbered_link_to_an_anchor_without_notes_is_no_marker():
    doc = read("See [2](#figure-2) and [\\[3\\]](#table-3).\n\n## Figure 2\n\nA chart.\n")
    assert doc.native_notes == () and doc.native_markers == ()


def test_notes_typed_as_html_anchors_a_numbered_link_points_at_are_read():
    """GitHub pages write notes by hand: the marker a numbered link to an anchor, the note the
    paragraph or list item the anchor opens (its number and a colon before the text)."""
    doc = read('Documents grow<sup id="a1">[1](#f1)</sup> and shards too'
               '<sup>[2](#ftnt_ref2)</sup>, see [1](#f1).\n\n'
               '<b id="f1">1</b> : Jean Meyriat, *Le Livre français*, 1972, p. 320.\n\n'
               '## Footnotes\n\n1. <a name="ftnt_ref2"></a> In sharded chains, no state.\n'
               '2. <a name="ftnt_ref3"></a> Cited nowhere, anchored as the others.\n')
    assert [(n.token, n.line, n.text) for n in doc.native_notes] == [
        ("1", 3, "Jean Meyriat, *Le Livre français*, 1972, p. 320."),
        ("2", 7, "In sharded chains, no state."),
        ("3", 8, "Cited nowhere, anchored as the others.")]
    assert [(m.token, m.line) for m in doc.native_markers] == [("1", 1), ("2", 1), ("1", 1)]
    # a figure's, a section's anchor, or one inside a paragraph, opens no note
    doc = read('See [2](#fig2), [3](#sec-3) and [4](#n4).\n\n<a id="fig2"></a>**Figure 2.** '
               'A chart.\n\n<a id="sec-3"></a>3. Methods\n\nText <a id="n4"></a> here.\n')
    assert doc.native_notes == () and doc.native_markers == ()


def test_brackets_pandoc_escapes_are_read_as_the_reader_sees_them():
    """pandoc writes a typed "[1]" as "\\[1\\]" in Markdown (from Word or a web page): the
    citations and the numbered list of works are read; in code they stay code."""
    doc = read("Rents rose \\[1\\] and wages fell \\[2\\].\n\nReferences\n\n"
               "\\[1\\] Smith, J. Rents in the capital. 2020.\n\n"
               "\\[2\\] Jones, A. Wages fall again. 2021.\n\n`a\\[3\\]`\n")
    ex = extract(doc)
    assert [(m.token, m.line, m.column) for m in ex.markers] == [("1", 1, 13), ("2", 1, 34)]
    assert [(n.token, n.line, n.text) for n in ex.notes] == [
        ("1", 5, "Smith, J. Rents in the capital. 2020."),
        ("2", 7, "Jones, A. Wages fall again. 2021.")]
    assert doc.text.count("\\[") == 5  # the text itself is untouched


def test_footnotes_typed_without_their_colon_are_read_as_notes():
    """A student essay cites [1] and lists "[^1] Popkin, …" under FOOTNOTES, without the
    colon Markdown wants: each line is a note, not a reference to a missing one."""
    text = ("History began with Herodotus.[1] Marx read Hegel.[2]\n\nFOOTNOTES\n\n"
            "[^1] Jeremy D. Popkin, *From Herodotus to H-Net* (Oxford University Press, "
            "2016), 57.\n\n[^2] Popkin, 71.\n")
    doc = read(text)
    assert doc.native_markers == ()
    ex = extract(doc)
    assert [(n.token, n.line) for n in ex.notes] == [("1", 5), ("2", 7)]
    assert [m.token for m in ex.markers] == ["1", "2"]
    # a reference with its definition, or inside a sentence, is a reference
    doc = read("Claim.[^1]\n\n[^1] is cited here too.\n\n[^1]: Source, 2020.\n")
    assert [m.line for m in doc.native_markers] == [1, 3]


def test_a_web_page_saved_with_a_markdown_name_is_read_as_a_web_page():
    """Word's web page pasted into a .md file: most lines are HTML blocks, whose endnotes
    (Word's _edn anchors) are read as a web page's. A Markdown file with one HTML table stays
    Markdown."""
    paragraphs = "\n\n".join(
        f"<p class=MsoNormal>Paragraph {i} of the paper, on smart contracts and their\n"
        f"parts.</p>" for i in range(12))
    page = ("# Anatomy of a Smart Contract\n\n<p class=MsoNormal>Smart contracts are not "
            "native to all chains.<a href=\"#_edn1\" name=\"_ednref1\"><span "
            "class=MsoEndnoteReference>[i]</span></a></p>\n\n" + paragraphs + "\n\n"
            "<div style='mso-element:endnote-list'>\n<div style='mso-element:endnote' "
            "id=edn1>\n<p class=MsoEndnoteText><a href=\"#_ednref1\" name=\"_edn1\">"
            "<span class=MsoEndnoteReference>[i]</span></a> Gray, M., <i>Smart Contracts</i>, "
            "Microsoft, 2017.</p>\n</div>\n</div>\n")
    doc = read(page)
    assert doc.format == "html"
    assert [(n.series, n.number, n.text) for n in doc.native_notes] == [
        ("endnotes", 1, "Gray, M., *Smart Contracts*, Microsoft, 2017.")]
    assert [m.number for m in doc.native_markers] == [1]
    table = "A claim.[^1]\n\n<table><tr><td>1</td></tr></table>\n\n[^1]: Source, 2020.\n"
    assert read(table).format == "markdown"


def test_a_note_citing_by_a_reference_link_cites_the_address_defined_for_it(tmp_path):
    """``[^1]: [Tensorflow][tf]`` with ``[tf]: https://…`` below: the note cites that
    address, found where it is written (checked, exported, once); a reference link in the
    prose and an undefined label give a note nothing."""
    report = audit_md(tmp_path, "A framework[^1], a guide[^2] and [the site][tf].[^3]\n\n"
                      "[^1]: [Tensorflow][tf]\n[^2]: Google, [TensorFlow Guide][], 2021.\n"
                      "[^3]: [Undefined][nowhere], 2020.\n\n"
                      "[tf]: https://www.tensorflow.org/\n"
                      "[tensorflow guide]: <https://www.tensorflow.org/guide> \"Guide\"\n")
    assert [[(u.url, u.line) for u in n.urls] for n in report.notes] == [
        [("https://www.tensorflow.org/", 7)], [("https://www.tensorflow.org/guide", 8)], []]
    assert report.linked == ()  # each address is a note's, not also the prose's
    assert [f.code for f in report.findings if f.code != "FC405"] == []


def test_a_site_generator_s_code_blocks_are_code(tmp_path):
    """Jekyll's ``{% highlight %}`` … ``{% endhighlight %}`` and Hugo's ``{{< highlight >}}``
    … ``{{< /highlight >}}`` print code: an address built in it (``"http://www." + e``)
    and a subscript (``a[1]``) are not the text's; an include or a figure tag opens none."""
    report = audit_md(tmp_path, "Ruby is flexible.[^1]\n\n{% highlight ruby %}\n"
                      "urls = %w[Google Yahoo].map do |e|\n  \"http://www.\" + e + \".com\"\n"
                      "end\n{% endhighlight %}\n\n{{< highlight go \"linenos=table\" >}}\n"
                      "x := a[1]\n{{< /highlight >}}\n\n{% include note.html %}\n"
                      "{{< figure src=\"a.png\" >}}\nAs shown.[^2]\n" + NOTE
                      + "[^2]: Jones, M. (2019). Other. *Herald*.\n")
    assert [m.label for m in report.markers] == ["[^1]", "[^2]"]
    assert report.findings == ()


def test_a_bibliography_numbered_in_brackets_beside_footnotes_is_no_notes(tmp_path):
    """Beside the notes the format defines, a list of works typed ``[1] …`` that no ``[1]``
    in the text cites is a bibliography (it was read as endnotes, uncited); cited so, its
    entries are the works the text cites."""
    works = ("# Bibliography\n\n\\[1\\] Aumüller, Jutta: *Assimilation*. Bielefeld: "
             "Transcript, 2009.\n\n\\[2\\] Beller, Steven: *Wien und die Juden*. Wien: Böhlau, "
             "1993.\n\n")
    report = audit_md(tmp_path, "A claim with a footnote.[^1]\n\n" + works + NOTE)
    assert [(n.series, n.token) for n in report.notes] == [("footnotes", "1")]
    assert [f.code for f in report.findings] == []
    report = audit_md(tmp_path, "A claim.[^1] As shown [2].\n\n" + works + NOTE)
    assert [n.token for n in report.notes] == ["1", "2", "1"]
    assert [f.code for f in report.findings] == ["FC103"]  # [1] is listed, never cited


def test_a_table_s_note_cited_from_each_row_is_no_duplicate(tmp_path):
    """``✅¹`` in two rows of a table, one note under it: a table's note cited from each
    row it concerns; the same marker twice in the prose is still a duplicate."""
    note = "\n¹This behaviour is considered by some to be undesirable and may change.\n"
    table = ("| Requirement | Candidate | Update? |\n| --- | --- | --- |\n"
             "| `^1.2.0-pre.0` | `1.2.0-pre.1` | ✅¹ |\n| `^1.2.0-pre.0` | `1.3.0` | ✅¹ |\n")
    assert [f.code for f in audit_md(tmp_path, table + note).findings] == []
    prose = "Updated.¹ And again.¹\n"
    assert [f.code for f in audit_md(tmp_path, prose + note).findings] == ["FC104"]


MYST = """# Forces

Newton formulated the laws of mechanics.[^1]

```{figure} images/Newton[2].jpg
---
width: 300
---
Portrait of Isaac Newton by Godfrey Kneller (1689)[^2].
```

```{list-table} Characteristics of the glands [^3].
:header-rows: 0

* - Number of sequences
  - 576
```

````{note}
The same holds for an admonition.[^4]

```python
x = a[^9]
```
````

```{code-cell} python
y = b[^8]
```

[^1]: Isaac Newton, *Principia* (London, 1687).
[^2]: Godfrey Kneller, portrait of Newton, 1689, via Wikimedia Commons.
[^3]: Enault, J. et al. (2012). Sepia officinalis accessory sex gland. *Peptides* 36(2).
[^4]: Galileo Galilei, *Discorsi* (Leiden, 1638).
"""


def test_a_myst_directive_fence_holds_markdown_unless_it_holds_code():
    """MyST prints the body and title of a directive written in a backtick fence
    (```` ```{figure} ````, ```` ```{list-table} Title ````, ```` ````{note} ````) as Markdown:
    its footnote references cite; its options and a figure's path are not prose; a code
    block inside it and a ```` ```{code-cell} ```` are code."""
    doc = read(MYST)
    assert [(m.token, m.line) for m in doc.native_markers] == [
        ("1", 3), ("2", 9), ("3", 12), ("4", 20)]
    hidden = "".join(doc.text[s:e] for s, e in doc.hidden)
    assert "Newton[2].jpg" in hidden and "width: 300" in hidden and ":header-rows:" in hidden
    assert "a[^9]" in hidden and "b[^8]" in hidden
    assert extract(doc).markers == doc.native_markers


def test_math_with_spaces_inside_its_dollars_is_math_when_it_holds_tex():
    """``$ k_{gas} = U_{10}^2 \\cdot x^{-0.5} $`` is math as MyST and MathJax read it: no
    markers in it; "$ 5 million and $ 10 million[^1]" are amounts, and the marker cites."""
    doc = read("It follows $ k_{gas} = 0.31 \\cdot U_{10}^2 \\cdot (Sc / 600)^{-0.5} $ here.\n\n"
               "It cost $ 5 million and $ 10 million.[^1]\n\n[^1]: Ministry, 2023.\n")
    assert [doc.text[s:e] for s, e in doc.hidden] == [
        "$ k_{gas} = 0.31 \\cdot U_{10}^2 \\cdot (Sc / 600)^{-0.5} $"]
    assert [m.token for m in extract(doc).markers] == ["1"]


def test_notes_named_by_kramdowns_attribute_lists(tmp_path):
    """kramdown names a block by an attribute list after it (``{: #fn1}``): a numbered link
    to that name is the marker, the paragraph the note, its label ``<sup>1</sup>`` and its
    text without the list; a paragraph so named that no link cites is an uncited note."""
    text = ("A language of balance.<sup>[1](#fn1)</sup> It grew.<sup>[2](#fn2)</sup>\n\n"
            "### References\n\n<sup>1</sup> Matz, message to the [Ruby-Talk list][blade], "
            "12 May 2000.\n{: #fn1}\n\n<sup>2</sup> Matz, interview, 29 November 2001.\n"
            "{: #fn2}\n\n<sup>3</sup> Matz, Blocks and Closures in Ruby, 2003.\n{: #fn3}\n\n"
            "[blade]: https://blade.example.org/ruby/ruby-talk/2773\n")
    report = audit_md(tmp_path, text)
    assert [(n.token, n.line, n.text) for n in report.notes] == [
        ("1", 5, "Matz, message to the [Ruby-Talk list][blade], 12 May 2000."),
        ("2", 8, "Matz, interview, 29 November 2001."),
        ("3", 11, "Matz, Blocks and Closures in Ruby, 2003.")]
    assert [(m.token, m.line) for m in report.markers] == [("1", 1), ("2", 1)]
    assert [(f.code, f.line) for f in report.findings if f.code.startswith("FC1")] == [
        ("FC103", 11)]
