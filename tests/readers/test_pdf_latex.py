"""Footnotes as LaTeX sets them, in PDFs made by pdfLaTeX (a real producer) from sources
written here.

LaTeX indents a footnote's first line, its mark raised, and sets the lines after it at the
margin; it sets no space characters; a long footnote goes on at the foot of the next page;
``hyperref`` links each mark to its note, so two marks side by side (``¹²``, notes 1 and 2)
are two links. The variants: the standard article, two columns, lower-case roman marks,
memoir and KOMA-Script classes, and a long brief whose long notes break over pages and
whose pages may open with a list, one without hyperref's links, and a journal's whose
running heads differ on left and right pages (the first page has none). Each must give
exactly its notes and markers and no finding at all. The tests skip without pdfLaTeX, and
fail under CI (see helpers.require).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from footcheck.formats import render
from footcheck.model import ENDNOTES, FOOTNOTES, Severity
from footcheck.numerals import to_roman
from footcheck.pipeline import audit
from helpers import need

AUTHORS = ("Alexander Cooley", "Thomas de Waal", "Svante E. Cornell", "Laurence Broers",
           "Ronald D. Asmus", "Stephen F. Jones", "Anna Matveeva", "Gerard Toal")
PLACES = (("Oxford", "Oxford University Press"), ("London", "Routledge"),
          ("New York", "Palgrave Macmillan"), ("Cambridge", "Cambridge University Press"))
SENTENCES = ("The region's energy policy changed after the war.",
             "Several ministries share responsibility for the pipeline.",
             "Tariffs have risen faster than wages.", "Storage near the capital remains small.",
             "Observers disagree on the causes.")
REMARK = ("This note weighs the sources at length, comparing their accounts of the events and "
          "the evidence each of them gives.")


def citation(i: int) -> str:
    """A clean citation in one of four Chicago forms: book, article, news report, Ibid."""
    author, (place, publisher) = AUTHORS[i % len(AUTHORS)], PLACES[i % len(PLACES)]
    return (
        f"{author}, \\emph{{Title of Book Number {i}}} ({place}: {publisher}, {1990 + i % 30}), "
        f"{10 + i}.",
        f"{author}, ``Article Number {i},'' \\emph{{Journal of Regional Studies}} {i % 40 + 1}, "
        f"no.~{i % 4 + 1} ({2000 + i % 20}): {100 + i}--{110 + i}.",
        f"{author}, ``Report {i},'' \\emph{{Eurasianet}}, {i % 28 + 1} March {2010 + i % 12}, "
        f"\\url{{https://eurasianet.org/report-{i}-on-the-region}}.",
        f"Ibid., {20 + i}.",
    )[i % 4]


def body(count: int, long_every: int = 0) -> str:
    """``count`` sentences, each with a footnote; notes 1 and 2 side by side; every
    ``long_every``-th note long enough to break over a page; a numbered list now and then."""
    out = []
    for i in range(1, count + 1):
        note = citation(i)
        if long_every and i % long_every == 0:
            note += " " + " ".join([REMARK] * 12)
        if i == 2:  # right after the first mark: ``¹²``
            out[-1] += f"\\footnote{{{note}}}"
            continue
        out.append(f"{SENTENCES[i % 5]} {SENTENCES[i * 3 % 5]}\\footnote{{{note}}}")
        if i % 6 == 0:
            out.append("\n\n")
        if i % 25 == 0:
            out.append("\n\\begin{enumerate}\n\\item first option for the ministry;\n"
                       "\\item second option for the ministry;\n\\item third option.\n"
                       "\\end{enumerate}\n")
    return " ".join(out)


VARIANTS = {  # name: (document class, preamble, notes, every how many a long note)
    "article": ("article", "", 40, 0),
    "twocolumn": ("article}[twocolumn", "", 60, 0),  # (the options go after the class)
    "roman": ("article", r"\renewcommand{\thefootnote}{\roman{footnote}}", 30, 0),
    "memoir": ("memoir", "", 30, 0),
    "koma": ("scrartcl", "", 30, 0),
    "long": ("article", "", 110, 17),
    "nolinks": ("article", "", 40, 0),  # no hyperref: marks ¹² told apart by their order
    "widetable": ("article}[twocolumn", "", 60, 0),  # a table across the page over columns
    "journal": ("article}[twoside", "\\usepackage{fancyhdr}\\pagestyle{fancy}\\fancyhf{}"
                "\\fancyhead[LE]{\\thepage\\quad VOL. 72 PART 6}"
                "\\fancyhead[RO]{NOVEMBER 2014 THE ADVOCATE\\quad\\thepage}", 150, 0),
}
#: A table set across both columns at the top of a page (``table*``), as journals print
#: them: its rows cross the gutter, which the columns under it have all the same.
WIDE_TABLE = ("\\begin{table*}\\caption{Descriptive statistics of the main variables in the "
              "full data set and in the municipalities in which a populist ran}\\centering"
              "\\begin{tabular}{lrrrr}\\hline Variable & Full data set & Analysis set & "
              "Non-populist & Populist \\\\ \\hline "
              + " ".join(f"Resident population of the municipalities, group {i} & {i},156 & "
                         f"2{i},818 & 1{i},647 & 2{i},557 \\\\" for i in range(1, 19))
              + " \\hline\\end{tabular}\\end{table*}\n")


def source(name: str) -> str:
    cls, preamble, count, long_every = VARIANTS[name]
    if "}[" in cls:
        cls, options = cls.split("}[")
        cls = f"[{options}]{{{cls}"
    else:
        cls = f"{{{cls}"
    links = "" if name == "nolinks" else "\\usepackage{hyperref}\n"
    text = body(count, long_every)
    if name == "widetable":  # floats to the top of the next page
        text = WIDE_TABLE + text
    if name == "journal":  # a journal's headers, page number first on the left pages only
        text = "\\thispagestyle{plain}\n" + text
    return (f"\\documentclass{cls}}}\n\\usepackage{{url}}\n{links}"
            f"{preamble}\n\\begin{{document}}\n\\section*{{Energy security in the South "
            f"Caucasus}}\n{text}\n\\end{{document}}\n")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    latex = need("pdflatex")
    folder = tmp_path_factory.mktemp("latex")
    runs = {}
    for name in VARIANTS:
        (folder / f"{name}.tex").write_text(source(name), encoding="utf-8")
    for _ in range(2):  # the second run places the links
        for name in VARIANTS:
            runs[name] = subprocess.Popen([latex, "-interaction=nonstopmode", "-halt-on-error",
                                           f"{name}.tex"], cwd=folder, stdout=subprocess.PIPE,
                                          stderr=subprocess.STDOUT, text=True)
        for run in runs.values():
            output, _ = run.communicate(timeout=300)
            assert run.returncode == 0, output[-3000:]
    return {name: folder / f"{name}.pdf" for name in VARIANTS}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_latex_footnotes_are_read_whole_and_clean(pdfs, name):
    report = audit(pdfs[name])
    count = VARIANTS[name][2]
    tokens = [to_roman(i).lower() if name == "roman" else str(i) for i in range(1, count + 1)]
    # One series in lower-case roman at the page feet is read as Word's endnotes, as Word
    # and LibreOffice print them for Word files (i, ii, iii… is their endnote numbering; a
    # LaTeX author who numbers footnotes so is rarer): the same series either way.
    series = ENDNOTES if name == "roman" else FOOTNOTES
    assert [(n.series, n.token) for n in report.notes] == [(series, t) for t in tokens]
    assert [(m.series, m.token) for m in report.markers] == [(series, t) for t in tokens]
    assert report.findings == ()  # notes 1 and 2 side by side were read apart by their links
    assert " ," not in report.document.text  # (an italic word before a comma)
    assert "VOL. 72" not in report.document.text and "ADVOCATE" not in report.document.text
    long_every = VARIANTS[name][3]
    for note in report.notes:
        remarks = note.text.count(REMARK.replace("``", "“"))
        assert remarks == (12 if long_every and note.number % long_every == 0 else 0), note.text
        assert "option for the ministry" not in note.text


# --- notes numbered from 1 on each page -------------------------------------------------------
# French theses number their footnotes from 1 on each page and print the label in the notes'
# size followed by a full stop (``1. Cooley, …``, ``10. Ibid.``: the text starts where each
# label ends, so "9." and "10." are not set at one indent), often a single note under a
# page, sometimes twenty. The source numbers each note by its page, learnt from LaTeX's own
# ``.aux`` (a label in each note), and is set again until the pages no longer change.

PER_PAGE_NOTES = (0, 0, 1, 0, 0, 0, 3, 0, 0, 20, 0, 0, 1, 0, 0, 0)  # notes in each paragraph


def per_page_source(numbers: list[str], links: bool) -> str:
    paragraphs, k = [], 0
    for i in range(48):
        text = " ".join(SENTENCES[(i + j) % 5] for j in range(3 + 5 * (i % 4)))
        for _ in range(PER_PAGE_NOTES[i % len(PER_PAGE_NOTES)]):
            text += (f" {SENTENCES[k % 5]}\\footnote[{numbers[k]}]{{\\label{{n{k}}}"
                     f"{citation(k + 1)}}}")
            k += 1
        paragraphs.append(text)
    return ("\\documentclass{article}\n\\usepackage{url}\n"
            + ("\\usepackage{hyperref}\n" if links else "")
            + "\\makeatletter\\renewcommand\\@makefntext[1]{\\parindent 1em\\noindent"
              "\\@thefnmark.\\ #1}\\makeatother\n\\begin{document}\n"
            + "\n\n".join(paragraphs) + "\n\\end{document}\n")


def per_page_numbers(aux: str, count: int) -> list[str]:
    """Each note's number on its page, from the pages the ``.aux`` gives its label."""
    pages = [int(re.search(rf"\\newlabel{{n{k}}}{{{{[^}}]*}}{{(\d+)}}", aux)[1])
             for k in range(count)]
    return [str(sum(p == page for p in pages[:k]) + 1) for k, page in enumerate(pages)]


@pytest.fixture(scope="module", params=[True, False], ids=["links", "nolinks"])
def per_page_pdf(request, tmp_path_factory) -> tuple[Path, list[str]]:
    latex = need("pdflatex")
    folder = tmp_path_factory.mktemp("perpage")
    count = sum(PER_PAGE_NOTES[i % len(PER_PAGE_NOTES)] for i in range(48))
    numbers = [str(k + 1) for k in range(count)]
    for _ in range(6):
        (folder / "notes.tex").write_text(per_page_source(numbers, request.param))
        for _ in range(2):
            done = subprocess.run([latex, "-interaction=nonstopmode", "-halt-on-error",
                                   "notes.tex"], cwd=folder, capture_output=True, text=True,
                                  timeout=300)
            assert done.returncode == 0, done.stdout[-3000:]
        learnt = per_page_numbers((folder / "notes.aux").read_text(), count)
        if learnt == numbers:
            return folder / "notes.pdf", numbers
        numbers = learnt
    raise AssertionError("the notes' pages did not settle")


def test_notes_numbered_from_1_on_each_page(per_page_pdf):
    path, numbers = per_page_pdf
    assert numbers.count("1") >= 5 and "10" in numbers  # restarts, and labels of two widths
    assert "1 1" in " ".join(numbers)  # a page with a single note
    report = audit(path)
    assert [n.token for n in report.notes] == numbers
    assert [m.token for m in report.markers] == numbers
    assert report.findings == ()


def test_letters_beyond_the_bmp_are_read_whole(tmp_path):
    """Math letters set by unicode-math (𝜋, U+1D70B) are one character beyond the BMP, which
    PDFium gives as two UTF-16 halves: read as the letter, not as two halves that no report
    can write (the JSON report failed with an internal error)."""
    latex = need("lualatex")
    (tmp_path / "math.tex").write_text(
        "\\documentclass{article}\\usepackage{unicode-math}\\begin{document}\n"
        "The constant $\\pi$ was computed to many places.\\footnote{See the tables of $n$ "
        "digits.}\n\\end{document}\n", encoding="utf-8")
    done = subprocess.run([latex, "-interaction=nonstopmode", "-halt-on-error", "math.tex"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    report = audit(tmp_path / "math.pdf")
    assert "The constant \U0001d70b was" in report.document.text
    assert [n.text for n in report.notes] == ["See the tables of \U0001d45b digits."]
    assert "See the tables of \U0001d45b digits." in render("json", report)


QUOTED = ("And it is important to recognize that the audience for Alice, at least in the "
          "English-speaking world, consists of two groups -- children and adults. Thus far, I "
          "have been speaking of Alice as a child's book. But Alice in Wonderland is, in "
          "effect, two books: a book for children and a book for adults. Its interest, its "
          "fantasy, its humor, and its logic all operate at two levels.")


def test_a_quotation_set_small_above_the_notes_is_no_note(tmp_path):
    """A long quotation in ``\\small`` ends a page's body, just above its footnotes (``3.
    …``, in the notes' own size, the label at the paragraph's indent): the quotation's lines
    are smaller than the body but no notes, and must not outvote the notes' indent (the
    page's notes were lost, and a lone note on the next page with them)."""
    latex = need("pdflatex")
    (tmp_path / "quote.tex").write_text(
        "\\documentclass[12pt]{article}\\makeatletter\\renewcommand\\@makefntext[1]"
        "{\\parindent 1em\\indent\\@thefnmark.\\ #1}\\makeatother\\begin{document}\n"
        "First paragraph.\\footnote{Dupont, \\emph{Livre}, p. 1, with a note long enough to "
        "take two lines at the foot of the page, as in the thesis.} On.\\footnote{Ibid., p. "
        "2.}\n\\newpage\nThis paragraph cites a source\\footnote{Martin, \\emph{Essai}, p. 3.}"
        " then another\\footnote{Durand, \\emph{Autre livre}, p. 2.} and quotes at length:\n"
        f"\\begin{{quote}}\\small\n{QUOTED}\\footnote{{Our translation of a long passage, "
        "which takes more than one line at the foot of the page so that the note goes on to "
        "the left margin: Weaver, \\emph{Alice in Many Tongues}, p. 12.}\n\\end{quote}\n"
        "\\newpage\nLast paragraph.\\footnote{Ibid., p. 4.}\n\\end{document}\n",
        encoding="utf-8")
    done = subprocess.run([latex, "-interaction=nonstopmode", "-halt-on-error", "quote.tex"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    report = audit(tmp_path / "quote.pdf")
    assert [n.token for n in report.notes] == ["1", "2", "3", "4", "5", "6"]
    assert [m.token for m in report.markers] == ["1", "2", "3", "4", "5", "6"]
    assert [f.code for f in report.findings if f.severity >= Severity.WARNING] == []


def test_a_doubtful_marker_in_notes_numbered_by_chapter(tmp_path):
    """The report class numbers footnotes anew in each chapter; a marker set after a space
    (``… de sa mère ³``, doubtful: it may be an exponent) cites its chapter's note 3 though
    chapter 2's marker 3 is beyond doubt: each note 3 has its marker."""
    latex = need("pdflatex")
    (tmp_path / "chapters.tex").write_text(
        "\\documentclass{report}\\begin{document}\\chapter{One}\n"
        "First\\footnote{Note one.} second\\footnote{Note two.} and the street, ``the "
        "pavement was less hard than his mother's heart \\footnote{Ibid., p. 90.}''.\n"
        "\\chapter{Two}\nAgain\\footnote{Another note one.} then\\footnote{Another note two.}"
        " and ``far from being \\emph{gendered}\\footnote{Ibid., p. 91.}''.\n\\end{document}\n",
        encoding="utf-8")
    done = subprocess.run([latex, "-interaction=nonstopmode", "-halt-on-error",
                           "chapters.tex"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    report = audit(tmp_path / "chapters.pdf")
    assert [m.token for m in report.markers] == ["1", "2", "3", "1", "2", "3"]
    assert [f.code for f in report.findings if f.severity >= Severity.WARNING] == []


SET_SMALL = {  # name: a section set in small type under its own heading, numbered at the margin
    "appendix": ("\\documentclass[11pt]{article}\\setlength{\\parindent}{0pt}\\begin{document}\n"
                 "The federal act came after Adscam.\\textsuperscript{1} The disclosure act came "
                 "in the same wave.\\textsuperscript{2} Alberta followed.\\textsuperscript{3}\n"
                 "\\section*{Notes}\n1. Federal Accountability Act, SC 2006, c 9.\n\n"
                 "2. Public Servants Disclosure Protection Act, SC 2005, c 46.\n\n"
                 "3. Alberta Accountability Act, SA 2014, c 13 (Bill 2).\n\\newpage\n"
                 "\\section*{Appendix: Bill 1, Public Integrity Act}\\footnotesize\n"
                 "1. This Act may be cited as the Public Integrity Act.\n\n"
                 "2. In this Act: (a) ``annual compensation'' means all remuneration received "
                 "by the person in the preceding calendar year.\n\n"
                 "3. Section 1(1)(h) is amended by striking out subclause (i).\n\n"
                 "4. Section 6 is amended by adding subsection (4).\n\\end{document}\n",
                 ["1", "2", "3"]),
    "contents": ("\\documentclass[12pt]{article}\\begin{document}\n{\\small\\tableofcontents}\n"
                 "{\\small\\listoffigures}\\newpage\n\\section{Foundations}\nInternal migration "
                 "is a spatial phenomenon.\\footnote{Unpublished work, Montevideo, 2021.}\n"
                 "\\begin{figure}[h]\\centering\\rule{2cm}{1cm}\\caption{Recent internal "
                 "migrants by the 2011 census.}\\end{figure}\n\\section{The problem}\n"
                 "\\section{Aims}\nText.\n\\begin{figure}[h]\\centering\\rule{2cm}{1cm}"
                 "\\caption{Distribution by age group.}\\end{figure}\n\\section{Background}\n"
                 "Text.\n\\end{document}\n", ["1"]),
}


@pytest.mark.parametrize("name", list(SET_SMALL))
def test_a_section_set_small_under_its_heading_is_no_notes(tmp_path, name):
    """A bill's text after the brief's notes, in ``\\footnotesize`` under its own heading,
    its clauses numbered ``1.``, ``2.`` at the margin; a table of contents and a list of
    figures in ``\\small``: sections set small, not notes (they were endnotes numbered
    again, or footnotes no marker cites)."""
    latex = need("pdflatex")
    source, notes = SET_SMALL[name]
    (tmp_path / "small.tex").write_text(source, encoding="utf-8")
    for _ in range(2):
        done = subprocess.run([latex, "-interaction=nonstopmode", "-halt-on-error",
                               "small.tex"], cwd=tmp_path, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stdout[-3000:]
    report = audit(tmp_path / "small.pdf")
    assert [n.token for n in report.notes] == notes
    assert [f.code for f in report.findings if f.severity >= Severity.WARNING] == []


def test_entries_of_a_list_of_works_set_with_a_hanging_indent_stay_apart(tmp_path):
    """A list of works whose entries hang their lines under the first (``\\hangindent``) and
    follow one another with no space: an entry opening at the margin after a hung line that
    reached the right margin is the next entry, not more of the last (its author's citation
    was reported as naming no entry)."""
    latex = need("pdflatex")
    works = [("Abel, Richard", 2015, "Law and Justice"), ("Barton, Benjamin", 2016,
             "Rebooting Justice"), ("Cortes, Pablo", 2018, "The Law of Consumer Redress"),
             ("Dunn, Mary", 2020, "Courts Online")]
    entries = "".join(f"\\hangindent=2em\\hangafter=1 {a}. {y}. \\emph{{{t}}}. Cambridge "
                      "University Press.\\par\n" for a, y, t in works)
    entries += ("\\hangindent=2em\\hangafter=1 National Center for State Courts. 2020. "
                "``Request for Information Toolkit for Courts Courts Procuring Online Dispute "
                "Resolution Technology.''\\par\n"
                "\\hangindent=2em\\hangafter=1 Orr, Dave \\& Colin Rule. 2019. ``Artificial "
                "Intelligence and the Future of Online Dispute Resolution.'' New York State "
                "Bar Association.\\par\n")
    (tmp_path / "works.tex").write_text(
        "\\documentclass[11pt]{article}\\begin{document}\nAssistive systems are in use (Orr "
        "\\& Rule 2019), courts procure them (National Center for State Courts 2020), and "
        "others agree (Abel 2015; Barton 2016; Cortes 2018; Dunn 2020).\n"
        "\\section*{References}\\setlength{\\parindent}{0pt}\n" + entries + "\\end{document}\n",
        encoding="utf-8")
    done = subprocess.run([latex, "-interaction=nonstopmode", "-halt-on-error", "works.tex"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    report = audit(tmp_path / "works.pdf")
    assert [f.code for f in report.findings if f.severity >= Severity.WARNING] == []
