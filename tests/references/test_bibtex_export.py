"""BibTeX and CSL-JSON export of works, checked by bibtexparser, biber, BibTeX with LaTeX and
citeproc-py.

biber, BibTeX (with LuaLaTeX typesetting the bibliography) and citeproc-py are real consumers.
Locally a test that needs one skips when it is not installed; under CI (``CI=true``) it fails
instead, so a missing install step is noticed.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import bibtexparser
import pytest
from refs_sample import sample_extraction

from footcheck.checks.references import check
from footcheck.formats import bibtex, csl
from footcheck.model import Note, Reference
from footcheck.references import parse_sources
from footcheck.works import Work, group
from helpers import need, require


def note(text: str, number: int = 1) -> Note:
    return Note(label=str(number), token=str(number), number=number, series="endnotes",
                notation="superscript", line=number, column=1, end_line=number, text=text)


CLEAN = [
    note("Kucera, Joshua. (2023). 'After A Frosty Reception,' Radio Free Europe/Radio Liberty. "
         "24 January. Available at: <https://www.rferl.org/a/georgia/32784835.html>", 1),
    note("Muhlfried, Florian. (2023). 'Between hospitality and hostility,' *Anthropology "
         "Today* 39 (3): 17.", 2),
    note("Transparency International (2023). *Georgia's Economic Dependence*. Available at: "
         "<https://www.transparency.ge/en/post/dependence>", 3),
    note("Yusupova, Guzel. 'Empire in Exile,' draft manuscript. June 2023.", 4),
    note("Sahadeo, Jeff (2023). Personal Communication. 6 December.", 5),
    note("Liberated School (2023). 'Liberated School.' <http://liberatedschool.tilda.ws>. "
         "Accessed January 5th.", 6),
    note("Ivorski, Ivalio; Kasyanenko, Sergiy. (2023). 'Sluggish Growth: Economic Update.' "
         "Office of the Chief Economist, World Bank. Fall 2023. 8.", 7),
    note("Smith, J. (2020). Book Title. London: Verso.", 8),
    note("Авдеев, Пётр. (2022). 'Релоканты и рынок,' *Коммерсантъ*. 5 May. "
         "<https://www.kommersant.ru/doc/1>", 9),
    note("Obradović, Milica and Haddad, Rania. (2023). 'Algorithmic Fairness in Welfare,' in "
         "*Proceedings of the Conference on Public Sector Computing*. Digital Government "
         "Society, pp. 45–58.", 10),
    note("Pereira, Bruno. (2002). 'Remittances and Rural Credit Markets,' in Rahman, N. (ed.) "
         "*Migration and Development*. Toronto: Westhaven Books, pp. 61–84.", 11),
]


@pytest.fixture(scope="module")
def sample_works():
    return group(sample_extraction().notes)


@pytest.mark.parametrize("style", bibtex.STYLES)
def test_sample_round_trips_through_bibtexparser(sample_works, style: str) -> None:
    text = bibtex.render_works(sample_works, style=style)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    keys = [e.key for e in library.entries]
    assert keys == list(sample_works.keys())
    assert len(keys) == len(set(keys)) == 72


def test_biblatex_entry_types_and_fields(sample_works) -> None:
    library = bibtexparser.parse_string(bibtex.render_works(sample_works))
    entries = {e.key: e for e in library.entries}
    assert entries["najibullah2023living"].entry_type == "article"
    assert entries["najibullah2023living"]["journaltitle"] == "Radio Free Europe/Radio Liberty"
    assert entries["najibullah2023living"]["date"] == "2023-01-22"
    assert entries["economist2023russians"].entry_type == "online"
    assert entries["economist2023russians"]["author"] == "{The Economist}"
    assert entries["inozemstev2023exodus"].entry_type == "report"
    assert entries["yusupova2023empire"].entry_type == "unpublished"
    assert entries["liberated2023liberated"]["urldate"] == "2023-01-05"
    assert entries["anon"].entry_type == "misc"
    assert entries["anon"]["note"] == "get source here"
    assert entries["kuleshova2023russian"]["author"] == (
        "Kuleshova, A. and Chigaleichik, E. and Podolsky, V. and Baranova, V.")
    assert entries["auyezov2023kazakhs"]["url"].endswith(
        "#:~:text=May%2017%20(Reuters)%20%2D%20The%20Kazakh%20researchers%20showed%20on%20"
        "Wednesday")
    assert entries["sputnik2023direktor"]["title"].startswith("Direktor {UATE}: relokanty")


@pytest.mark.parametrize("style", bibtex.STYLES)
def test_a_conference_paper_and_a_chapter(style: str) -> None:
    library = bibtexparser.parse_string(bibtex.render_works(group(CLEAN[-2:]), style=style))
    paper, chapter = library.entries
    assert (paper.entry_type, paper["booktitle"], paper["publisher"], paper["pages"]) == (
        "inproceedings", "Proceedings of the Conference on Public Sector Computing",
        "Digital Government Society", "45--58")
    assert (chapter.entry_type, chapter["booktitle"], chapter["publisher"]) == (
        "incollection", "Migration and Development", "Westhaven Books")


def test_bibtex_style_differs_where_users_notice(sample_works) -> None:
    library = bibtexparser.parse_string(bibtex.render_works(sample_works, style="bibtex"))
    entries = {e.key: e for e in library.entries}
    article = entries["najibullah2023living"]
    assert article["journal"] == "Radio Free Europe/Radio Liberty"  # 2 notes of 3
    assert (article["year"], article["month"]) == ("2023", "jan")
    assert "date" not in article.fields_dict and "journaltitle" not in article.fields_dict
    assert entries["inozemstev2023exodus"].entry_type == "techreport"
    assert entries["economist2023russians"].entry_type == "misc"
    assert entries["liberated2023liberated"]["note"] == "Accessed 5 January 2023"
    with pytest.raises(ValueError, match="style"):
        bibtex.render_works(sample_works, style="apa")


def test_escaping_and_verbatim_urls() -> None:
    ref = Reference(type="webpage", authors=("AT&T Research", "Doe_Smith, J."), year=2024,
                    title="50% of $ & # _ {x} ~ ^ \\ in titles", date="2024-02-01",
                    urls=("https://x.example/a_b?q=1%202&r=#frag",), raw="r")
    work = Work(key="att2024titles", reference=ref, citations=(), note="100% sure & more")
    text = bibtex.render_works([work])
    assert r"{AT\&T Research} and Doe\_Smith, J." in text
    assert (r"50\% of \$ \& \# \_ \{x\} \textasciitilde{} \textasciicircum{} "
            r"\textbackslash{} in titles") in text
    assert "url = {https://x.example/a_b?q=1%202&r=#frag}" in text
    assert r"note = {100\% sure \& more}" in text
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert library.entries[0]["url"] == "https://x.example/a_b?q=1%202&r=#frag"


def test_non_ascii_is_kept_as_utf8() -> None:
    text = bibtex.render_works(group([CLEAN[8]]))
    assert "Авдеев, Пётр" in text and "Релоканты и рынок" in text and "Коммерсантъ" in text
    assert "\\" not in text


def test_acronyms_are_protected_only_in_titles() -> None:
    ref = Reference(type="webpage", authors=("NATO",), title="NATO and the EU in 2023",
                    urls=("https://n.example/",), year=2023, raw="r")
    text = bibtex.render_works([Work(key="k", reference=ref, citations=())])
    assert "title = {{NATO} and the {EU} in 2023}" in text
    assert "author = {{NATO}}" in text


def test_unparsed_note_becomes_misc_with_its_text() -> None:
    works = group([note("get source here"), note("TK; see the report", 2)])
    library = bibtexparser.parse_string(bibtex.render_works(works))
    assert [e.entry_type for e in library.entries] == ["misc", "misc"]
    assert library.entries[0]["note"] == "get source here"
    assert [e.key for e in library.entries] == ["anona", "anonb"]


def _biber(tmp_path: Path, text: str) -> list[str]:
    exe = need("biber")
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [exe, "--tool", "--validate-datamodel", "--output-file", "out.bib", "refs.bib"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    output = done.stdout + done.stderr
    assert "ERROR" not in output, output
    return [line for line in output.splitlines() if line.startswith("WARN")]


def test_biber_accepts_complete_citations_without_warnings(tmp_path: Path) -> None:
    assert _biber(tmp_path, bibtex.render_works(group(CLEAN))) == []


def test_biber_warns_on_the_sample_only_where_the_audit_does(tmp_path: Path,
                                                              sample_works) -> None:
    warnings = _biber(tmp_path, bibtex.render_works(sample_works))
    keys = set()
    for line in warnings:
        m = re.search(r"Entry '([^']+)' .*Missing mandatory field", line)
        assert m, line
        keys.add(m.group(1))
    # The works without a date or title: the bare URL (XV), xliv, LVII and LXXXVII. Each is
    # reported by the audit (a bare URL is FC203's; the others FC405's).
    assert keys == {"iwpr", "khodorkovskyark", "ciacountry", "anon"}
    flagged = {f.number for f in check(sample_extraction()) if f.kind == "unparsed-reference"}
    assert flagged == {44, 57, 87}


LATEX_MAIN = r"""\documentclass{article}
\usepackage{url}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{refs}
\end{document}
"""


def _bibtex(tmp_path: Path, text: str) -> tuple[list[str], str]:
    """Typeset ``text`` (classic BibTeX) as LaTeX users do: LuaLaTeX, BibTeX with
    ``plain.bst``, LuaLaTeX again. BibTeX's warnings, and the bibliography it wrote."""
    latex, bibtex_exe = need("lualatex"), need("bibtex")
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    (tmp_path / "main.tex").write_text(LATEX_MAIN, encoding="utf-8")

    def run(*command: str) -> str:
        done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True,
                              timeout=300, check=False)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr
        return done.stdout

    typeset = (latex, "-interaction=nonstopmode", "-halt-on-error", "main.tex")
    run(*typeset)
    output = run(bibtex_exe, "main")
    assert "error message" not in output, output
    run(*typeset)
    log = (tmp_path / "main.log").read_text(encoding="utf-8", errors="replace")
    assert not re.search(r"Citation .* undefined", log), log[-2000:]
    warnings = [line for line in output.splitlines() if line.startswith("Warning--")]
    return warnings, (tmp_path / "main.bbl").read_text(encoding="utf-8")


def test_bibtex_and_latex_typeset_complete_citations_without_warnings(tmp_path: Path) -> None:
    works = group(CLEAN)
    warnings, bbl = _bibtex(tmp_path, bibtex.render_works(works, style="bibtex"))
    assert warnings == []
    assert sorted(re.findall(r"\\bibitem\{([^}]+)\}", bbl)) == sorted(works.keys())


def test_bibtex_warns_on_the_sample_only_where_the_audit_does(tmp_path: Path,
                                                               sample_works) -> None:
    text = bibtex.render_works(sample_works, style="bibtex")
    warnings, bbl = _bibtex(tmp_path, text)
    assert sorted(re.findall(r"\\bibitem\{([^}]+)\}", bbl)) == sorted(sample_works.keys())
    # plain.bst sorts by author, or by key: the works without an author (the bare URL of
    # XV, the placeholder of LXXXVII) have one. It prints no url: the bare URL, which the
    # audit reports (FC203), is the one entry it finds empty.
    assert warnings == ["Warning--all relevant fields are empty in iwpr"]
    entries = {e.key: e for e in bibtexparser.parse_string(text).entries}
    assert (entries["iwpr"]["key"], entries["anon"]["key"]) == ("iwpr", "Anonymous")


def test_csl_json_items(sample_works) -> None:
    items = json.loads(csl.render_works(sample_works))
    assert [i["id"] for i in items] == list(sample_works.keys())
    by_id = {i["id"]: i for i in items}
    muhlfried = by_id["muhlfried2023between"]
    assert muhlfried["type"] == "article-journal"
    assert muhlfried["author"] == [{"family": "Muhlfried", "given": "Florian"}]
    assert (muhlfried["container-title"], muhlfried["volume"], muhlfried["issue"],
            muhlfried["page"]) == ("Anthropology Today", "39", "3", "17")
    assert by_id["economist2023russians"]["author"] == [{"literal": "The Economist"}]
    assert by_id["najibullah2023living"]["issued"] == {"date-parts": [[2023, 1, 22]]}
    assert by_id["yusupova2023empire"]["issued"] == {"date-parts": [[2023, 6]]}
    assert by_id["liberated2023liberated"]["accessed"] == {"date-parts": [[2023, 1, 5]]}
    assert by_id["sahadeo2023"]["type"] == "personal_communication"
    assert by_id["anon"]["type"] == "document" and by_id["anon"]["note"] == "get source here"
    assert "Пётр" in csl.render_works(group(CLEAN))


def test_csl_json_is_valid_against_the_csl_data_schema(sample_works) -> None:
    """The schema Zotero, pandoc and citeproc follow (tests/data/csl-data.json): every item
    of the sample, and every type footcheck can give."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).resolve().parents[1] / "data" / "csl-data.json")
                        .read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    items = json.loads(csl.render_works(sample_works)) + json.loads(csl.render_works(group(CLEAN)))
    assert [e.message for e in validator.iter_errors(items)] == []
    assert [(i["type"], i.get("editor")) for i in items[-2:]] == [
        ("paper-conference", None), ("chapter", [{"family": "Rahman", "given": "N."}])]
    from footcheck.references import TYPES

    typed = [{"id": kind, "type": csl.item_type(kind)} for kind in TYPES]
    assert [e.message for e in validator.iter_errors(typed)] == []
    assert csl.item_type("video") == "motion_picture"
    assert csl.item_type("misc") == "document"


def test_citeproc_renders_every_item(sample_works) -> None:
    try:
        from citeproc import (
            Citation,
            CitationItem,
            CitationStylesBibliography,
            CitationStylesStyle,
            formatter,
        )
        from citeproc.source.json import CiteProcJSON
    except ImportError:
        require("citeproc-py")
    import warnings

    items = json.loads(csl.render_works(sample_works))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        source = CiteProcJSON(items)
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 72
    assert all(rendered)
    assert any(r.startswith("Najibullah, F. (2023)") for r in rendered)


def test_parse_sources_offsets_cover_the_note() -> None:
    text = CLEAN[0].text + "; " + CLEAN[1].text
    sources = parse_sources(text)
    assert [text[s.start:s.end] for s in sources] == [CLEAN[0].text, CLEAN[1].text]
