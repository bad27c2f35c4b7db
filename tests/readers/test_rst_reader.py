"""reStructuredText briefs: footnotes and citations from docutils, where they are written,
and what is not prose."""

from __future__ import annotations

import subprocess
import sys

import pytest

from footcheck.document import decode
from footcheck.extract import extract
from footcheck.model import CODE, FOOTNOTES, HEADING, LIST_ITEM, NOTE_BODY, RST, Document
from footcheck.readers import rst, structure

FOOTNOTES_OF_EVERY_KIND = """\
Policy brief
============

Numbered [1]_, auto-numbered [#]_, labelled [#cost]_, a symbol [*]_
and a citation [CIT2002]_.

.. [1] A numbered footnote.
.. [#] An auto-numbered one.
.. [#cost] A labelled auto-numbered one.
.. [*] A symbol footnote.
.. [CIT2002] Author, *Title*, 2002.
"""


def read(text: str) -> Document:
    """``text`` decoded as a file named ``x.rst`` and given its structure."""
    return assert_exact(structure(decode(text.encode(), path="x.rst")))


def assert_exact(document: Document) -> Document:
    """Check that every marker and note says exactly where it is written."""
    text = document.text
    for m in document.native_markers:
        assert text[m.offset:m.offset + len(m.label)] == m.label
        assert document.position(m.offset) == (m.line, m.column)
    for n in document.native_notes:
        start = document.line_starts[n.line - 1] + n.column - 1
        assert text[start:start + len(n.label)] == n.label
        assert " ".join(text[s:e] for s, e in n.spans) == n.text
    return document


def notes(document: Document) -> list[tuple]:
    return [(n.label, n.token, n.number, n.line, n.column, n.text)
            for n in document.native_notes]


def markers(document: Document) -> list[tuple]:
    return [(m.label, m.token, m.number, m.line, m.column) for m in document.native_markers]


def hidden(document: Document) -> list[str]:
    return [document.text[s:e] for s, e in document.hidden]


def test_footnotes_of_every_kind_and_a_citation():
    document = read(FOOTNOTES_OF_EVERY_KIND)
    assert document.format == "rst"
    assert notes(document) == [
        ("[1]", "1", 1, 7, 4, "A numbered footnote."),
        ("[#]", "2", 2, 8, 4, "An auto-numbered one."),
        ("[#cost]", "3", 3, 9, 4, "A labelled auto-numbered one."),
        ("[*]", "*", 4, 10, 4, "A symbol footnote."),  # symbols and names after numbers
        ("[CIT2002]", "CIT2002", 5, 11, 4, "Author, *Title*, 2002."),
    ]
    assert markers(document) == [
        ("[1]_", "1", 1, 4, 10), ("[#]_", "2", 2, 4, 30), ("[#cost]_", "3", 3, 4, 45),
        ("[*]_", "*", 4, 4, 64), ("[CIT2002]_", "CIT2002", 5, 5, 16),
    ]
    assert {(n.series, n.notation) for n in document.native_notes} == {(FOOTNOTES, RST)}
    assert {(m.series, m.notation) for m in document.native_markers} == {(FOOTNOTES, RST)}


def test_auto_numbers_skip_the_numbers_taken():
    document = read("A [#]_ B [1]_ C [#]_\n\n.. [#] First.\n.. [1] One.\n.. [#] Second.\n")
    assert [(n.label, n.number) for n in document.native_notes] == [
        ("[#]", 2), ("[1]", 1), ("[#]", 3)]
    assert [m.number for m in document.native_markers] == [2, 1, 3]


def test_symbols_are_numbered_by_their_place_in_docutils_order():
    document = read("A [*]_ B [*]_\n\n.. [*] First.\n.. [*] Second.\n")
    assert [(n.token, n.number) for n in document.native_notes] == [("*", 1), ("†", 2)]
    assert [(m.token, m.number) for m in document.native_markers] == [("*", 1), ("†", 2)]


def test_a_reference_to_a_missing_footnote_is_still_a_marker():
    document = read("Claim [1]_ and [7]_ and [MISSING]_ and [#gone]_.\n\n.. [1] One.\n")
    assert markers(document) == [
        ("[1]_", "1", 1, 1, 7), ("[7]_", "7", 7, 1, 16),
        ("[MISSING]_", "MISSING", 8, 1, 25), ("[#gone]_", "#gone", 9, 1, 40)]


def test_an_unreferenced_footnote_is_still_a_note():
    document = read("Claim [1]_.\n\n.. [1] Cited.\n.. [2] Never cited.\n")
    assert [n.number for n in document.native_notes] == [1, 2]
    assert [m.number for m in document.native_markers] == [1]


def test_a_footnote_cited_twice_is_two_markers():
    document = read("First [1]_, again [1]_.\n\n.. [1] Once.\n")
    assert markers(document) == [("[1]_", "1", 1, 1, 7), ("[1]_", "1", 1, 1, 19)]


def test_a_footnote_of_several_paragraphs_with_a_url():
    document = read("Claim [1]_.\n\n"
                    ".. [1] Smith, *Report*, 2020.\n"
                    "   Available at https://example.org/report?id=3.\n\n"
                    "   A second paragraph, `with a link <https://example.org/b>`_.\n\n"
                    "After the notes.\n")
    (note,) = document.native_notes
    assert note.text == ("Smith, *Report*, 2020. Available at https://example.org/report?id=3. "
                         "A second paragraph, `with a link <https://example.org/b>`_.")
    assert len(note.spans) == 3
    assert (note.line, note.end_line) == (3, 6)
    assert "<https://example.org/b>" in hidden(document)  # the destination, not the text
    assert "After the notes." not in note.text


def test_a_body_on_the_line_after_the_label():
    document = read("Claim [1]_.\n\n.. [1]\n   The body.\n")
    assert notes(document) == [("[1]", "1", 1, 3, 4, "The body.")]


def test_inline_literals_hold_no_markers_and_are_hidden():
    document = read("Code ``x[0]`` and ``y[1]_`` and :code:`z[1]_`, then [1]_.\n\n"
                    ".. [1] Note.\n")
    assert markers(document) == [("[1]_", "1", 1, 1, 53)]
    assert hidden(document) == ["``x[0]``", "``y[1]_``", ":code:`z[1]_`"]


def test_literal_blocks_are_hidden_code():
    document = read("Example::\n\n    data = [1]\n    y = x^2 [1]_\n\n"
                    ".. code-block:: python\n\n   print([2])\n\n"
                    ">>> [3]\n[3]\n\nProse.\n")
    assert document.native_markers == ()
    assert hidden(document) == ["data = [1]\n    y = x^2 [1]_",
                                ".. code-block:: python\n\n   print([2])", ">>> [3]\n[3]"]
    assert [document.text[b.start:b.end] for b in document.blocks if b.kind == CODE] == \
        hidden(document)


def test_comments_targets_math_raw_and_substitutions_are_hidden():
    document = read(".. a comment citing [9] and ^{iv}\n\n"
                    "..\n   a comment under an empty first line\n\n"
                    ".. _site: https://example.org\n\n"
                    "__ https://example.org/anonymous\n\n"
                    ".. |name| replace:: Name\n\n"
                    ".. math::\n\n   E = mc^2\n\n"
                    ".. raw:: html\n\n   <sup>4</sup>\n\n"
                    "Prose :math:`x^2` with a typed ^{iv}.\n")
    assert hidden(document) == [
        ".. a comment citing [9] and ^{iv}", "..\n   a comment under an empty first line",
        ".. _site: https://example.org", "__ https://example.org/anonymous",
        ".. |name| replace:: Name",
        ".. math::\n\n   E = mc^2", ".. raw:: html\n\n   <sup>4</sup>", ":math:`x^2`"]
    assert "^{iv}." in document.text[document.hidden[-1][1]:]  # typed prose stays visible


def test_escaped_and_glued_brackets_are_no_markers():
    document = read(r"Escaped \[1]_, glued x[1]_, real [1]_." + "\n\n.. [1] Note.\n")
    assert markers(document) == [("[1]_", "1", 1, 1, 34)]


def test_a_notes_section_and_the_blocks():
    document = read("Brief\n=====\n\n- Point [1]_.\n- Point [2]_.\n\n"
                    "Notes\n-----\n\n.. [1] One.\n.. [2] Two.\n")
    blocks = [(b.kind, b.level, document.text[b.start:b.end]) for b in document.blocks]
    assert (HEADING, 1, "Brief") in blocks and (HEADING, 2, "Notes") in blocks
    assert (LIST_ITEM, 1, "- Point [1]_.") in blocks
    assert [text for kind, _, text in blocks if kind == NOTE_BODY] == ["One.", "Two."]
    assert [n.number for n in document.native_notes] == [1, 2]


def test_non_ascii_text_keeps_offsets_exact():
    document = read("Réfugiés — 😀 naïve\u00a0text [1]_; Ελληνικά [#]_.\n\n"
                    ".. [1] Société générale, « rapport ».\n.. [#] Ünïcödé.\n")
    assert markers(document) == [("[1]_", "1", 1, 1, 25), ("[#]_", "2", 2, 1, 40)]
    assert notes(document)[0][-1] == "Société générale, « rapport »."


def test_tabs_and_table_cells():
    document = read("\tQuoted\twith a tab [1]_.\n\n"
                    "+----------+-----------+\n"
                    "| Cell [1]_| Other [2]_|\n"
                    "| more     | more [1]_ |\n"
                    "+----------+-----------+\n\n"
                    ".. [1] One.\n.. [2] Two.\n")
    assert [(m.label, m.line) for m in document.native_markers] == [
        ("[1]_", 1), ("[1]_", 4), ("[2]_", 4), ("[1]_", 5)]


@pytest.mark.parametrize("text", [
    "Unbalanced *emphasis and ``literal and `link <http://x.org>_ [1]_\n",
    "Title\n===\n\n  Bad indentation\n Worse [1]_\n\n.. [1] x\n   y\n  z\n",
    ".. [1]\n.. [#]\n.. [*]\n[*]_ [*]_ [#]_ [#]_\n",
    "+--+\n| unclosed table\n\n.. code-block::\n\n.. raw::\n\n.. unknown:: [1]_\n",
    "..\n\n::\n\n.. |x|\n\n__\n\n" + "   " * 30 + "deep\n",
    "\x0c\u2028\x85 [1]_ \t\t[2]_\n.. [1] a\u2028b\n",
])
def test_malformed_rst_does_not_raise_and_stays_exact(text, capfd):
    read(text)
    assert capfd.readouterr() == ("", "")


def test_a_docutils_failure_leaves_the_document_without_structure(monkeypatch):
    import docutils.core

    def fail(*args, **kwargs):
        raise RecursionError("too deep")

    monkeypatch.setattr(docutils.core, "publish_doctree", fail)
    document = decode(b"Claim [1]_.\n\n.. [1] Note.\n", path="x.rst")
    parsed = rst.parse(document)
    assert parsed.format == "rst"
    assert (parsed.native_notes, parsed.native_markers, parsed.hidden) == ((), (), ())


def test_no_file_is_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET [1]_")
    document = read(f".. include:: {secret}\n\n.. raw:: html\n   :file: {secret}\n\n"
                    f".. csv-table::\n   :file: {secret}\n\nClaim.\n")
    assert document.native_markers == ()


def test_plain_text_and_the_readers_do_not_import_docutils():
    code = ("import sys, footcheck.readers, footcheck.document as d\n"
            "from footcheck.readers import structure\n"
            "structure(d.decode(b'Claim [1]_.', path='x.txt'))\n"
            "assert 'docutils' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def _trees(text: str) -> tuple[str, str]:
    """docutils' tree of ``text`` with its own parser, and with footcheck's."""
    import io

    from docutils.core import publish_doctree
    from docutils.parsers.rst import Parser

    trees = []
    for parser in (Parser(), rst._parser()()):
        settings = {**rst._SETTINGS, "warning_stream": io.StringIO()}
        trees.append(publish_doctree(text, parser=parser, settings_overrides=settings).pformat())
    return trees[0], trees[1]


@pytest.mark.parametrize("text", [
    FOOTNOTES_OF_EVERY_KIND,
    "i. one\nii. two\n\n   - nested *bullet* [1]_\n   - two\n\n     term\n        definition\n\n"
    ".. [1] A note.\n\n   With a second paragraph.\n\n   1. and a list\n",
    "Title\n=====\n\nSub\n---\n\n:field: value\n\n-a  option\n\n| line\n| block\n\n"
    ">>> doctest\n\n.. note:: An admonition\n\n   .. [#] nested note\n\n..\n\n  comment\n"
    "\n.. |s| replace:: x\n\n.. _t: https://example.org\n\n====  ====\na     b\n====  ====\n",
    "Section\n=======\n\n.. [1] x\n" * 3 + "1.\n\n" * 20 + "\n..\n\n" * 20,
    "Claim [1]_ [x]_ `name`_ [#]_ |s| x__ [*]_ " * 40 + "\n\n.. [#] one\n.. |s| replace:: [2]_\n",
])
def test_footchecks_parser_gives_docutils_own_tree(text):
    plain, lazy = _trees(text)
    assert lazy == plain


def test_a_list_item_makes_only_the_states_it_uses(monkeypatch):
    # docutils made all 15 states (and their transitions) for each nested parse: 5,000
    # one-line items in 20 KB spent 1.7 of 2.5 s there.
    from docutils import statemachine

    made = []
    init = statemachine.State.__init__

    def count(self, *args, **kwargs):
        made.append(type(self).__name__)
        init(self, *args, **kwargs)

    monkeypatch.setattr(statemachine.State, "__init__", count)
    for items in ("i.\n\n" * 400, "..\n\n" * 400, ".. [1] x\n" * 400):
        made.clear()
        read(items)
        assert len(made) < 3 * 400, items[:6]


def test_references_docutils_replaces_are_found_without_a_search(monkeypatch):
    # docutils finds each reference it cannot resolve in its paragraph by a search from the
    # first child before replacing it: 20 KB of '|x| ' took 0.6 s, 40 KB 2.8 s.
    remembered = []
    remember = rst._Children._remember

    def count(self):
        remembered.append(len(self))
        return remember(self)

    monkeypatch.setattr(rst._Children, "_remember", count)
    document = read("Claim [1]_ [x]_ `name`_ [#]_ |s| x__ " * 200 + "\n")
    assert len(document.native_markers) == 600  # [1]_ [x]_ [#]_: as docutils alone gives
    assert 0 < len(remembered) <= 6  # once per kind of reference replaced, not once each


def test_children_are_found_as_a_list_finds_them():
    from docutils import nodes

    a, b, c = nodes.emphasis(), nodes.strong(), nodes.Text("x")
    children = rst._Children([a, b, c, nodes.Text("x"), a])
    assert [children.index(n) for n in (a, b, c)] == [0, 1, 2]
    assert children.index(a, 1) == 4 and children.index(c, 3) == 3  # equal texts are equal
    children[1] = d = nodes.literal()
    children.insert(0, e := nodes.emphasis())
    assert (children.index(d), children.index(e), children.index(a)) == (2, 0, 1)
    with pytest.raises(ValueError):
        children.index(b)
    with pytest.raises(ValueError):
        children.index(d, 0, 2)


def test_an_escaped_embedded_uri_in_a_dangling_reference_stays_prose():
    document = read("See `\\<inline>`_ and `text <https://example.org/a>`_.\n")
    assert hidden(document) == ["<https://example.org/a>"]


def test_an_embedded_alias_is_not_prose_whether_its_target_exists_or_not():
    document = read("See `the report <report_>`_ and `the data <data_>`_.\n\n"
                    ".. _report: https://example.org/r\n")
    assert "<report_>" in hidden(document) and "<data_>" in hidden(document)


def test_a_note_citing_by_a_named_link_cites_the_target_s_address():
    """``.. [#] `Tensorflow`_`` with ``.. _Tensorflow: https://…``: the note cites that
    address (no "names no title, date or address"); an alias (`` `guide <TF guide_>`_ ``)
    too; a name with no target, nothing."""
    from footcheck.pipeline import audit

    document = read("Title\n=====\n\nA framework [#]_, a guide [#]_, a tool [#]_.\n\n"
                    ".. [#] `Tensorflow`_\n.. [#] Google, `the guide <TF guide_>`_, 2021.\n"
                    ".. [#] `Nowhere`_, 2020.\n\n"
                    ".. _Tensorflow: https://www.tensorflow.org/\n"
                    ".. _TF guide: https://www.tensorflow.org/guide\n")
    report = audit(document)
    assert [[(u.url, u.line) for u in n.urls] for n in report.notes] == [
        [("https://www.tensorflow.org/", 10)], [("https://www.tensorflow.org/guide", 11)], []]
    assert [f.code for f in report.findings if f.code != "FC405"] == []


def test_a_code_block_directive_is_code_however_long():
    """Sphinx's ``.. code-block::`` (docutils' ``code``), whose block docutils places after
    its last line: a version ``"^17.0.2"``, a regular expression's ``[^/]`` and a grammar's
    ``rulename[1]`` are code, however many lines the block has."""
    grammar = "\n".join(f"    rule{i}[Rule]: rulename[1] {{ Rule(rulename[0]) }}"
                        for i in range(60))
    document = read("Title\n=====\n\nA package [#]_.\n\n.. code-block:: json\n\n"
                    "    {\n        \"dependencies\": {\n            \"@angular/compiler\": "
                    "\"^17.0.2\",\n            \"camelcase\": \"8.0.0\"\n        }\n    }\n\n"
                    ".. code:: sql\n\n    SELECT (\n      regexp_extract(p, '.*/([^/]+)/', 1)\n"
                    "    )\n\n"
                    f".. code:: PEG\n\n{grammar}\n\nThe end.\n\n.. [#] Ford, B. (2004). "
                    "*Parsing Expression Grammars*. POPL.\n")
    from footcheck.pipeline import audit

    assert [m.label for m in extract(document).markers] == ["[#]_"]
    assert [b.kind for b in document.blocks].count(CODE) == 3
    assert audit(document).findings == ()


def test_a_list_of_remarks_under_notes_is_no_unread_notes():
    """``Notes:`` and a numbered list in a PEP that has no notes: remarks, not notes whose
    superscripts a conversion lost (reStructuredText has its own notes and loses none)."""
    from footcheck.pipeline import audit

    document = read("Sets\n====\n\nTwo new built-in functions are proposed.\n\nNotes:\n\n"
                    "1. We propose the bitwise operators for intersection\n   and union.\n\n"
                    "2. We considered using \"+\" to add elements to a set.\n")
    assert [f.code for f in audit(document).findings] == ["FC108"]


def test_the_notes_target_notes_makes_of_the_links_are_not_the_author_s():
    """``.. target-notes::`` has docutils make a footnote of each link's address: notes no
    one wrote (they were uncited notes at line 1); the addresses are still the links'."""
    from footcheck.pipeline import audit

    report = audit(read("See the Python_ site [#]_.\n\n.. _Python: https://www.python.org\n\n"
                        ".. [#] Rossum, G. (1995). *Python Reference Manual*. CWI.\n\n"
                        ".. target-notes::\n"))
    assert [n.token for n in report.notes] == ["1"]
    assert [f.code for f in report.findings if f.code != "FC405"] == []
    assert [u.url for u in report.linked] == ["https://www.python.org"]
