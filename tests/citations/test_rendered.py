"""Training citations written by CSL styles: works drawn, written, labelled and checked."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import need

from footcheck.citations import data, normalise, rendered
from footcheck.citations.tokens import tokenize

ARTICLE = {"id": "a", "type": "article-journal", "title": "Grid Reform: What Next?",
           "author": [{"family": "Berg", "given": "Anneke", "non-dropping-particle": "van den"},
                      {"family": "Okafor", "given": "Chidi"}],
           "container-title": "Journal of Energy Policy", "volume": "14", "issue": "2",
           "page": "211-236", "issued": {"date-parts": [[2019, 5]]},
           "DOI": "10.5555/jep.2019.14"}
REPORT = {"id": "r", "type": "report", "title": "Tax Policy Reforms 2021",
          "author": [{"literal": "Institute for Fiscal Studies"}],
          "publisher": "Institute for Fiscal Studies", "publisher-place": "London",
          "genre": "Policy Brief", "number": "14", "issued": {"date-parts": [[2021, 3]]},
          "URL": "https://www.ifs-example.org/briefs/14",
          "accessed": {"date-parts": [[2024, 2, 3]]}}

#: A small author-date style of our own (CSL 1.0.2), enough to drive pandoc's citeproc.
STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test</title><id>test</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <names variable="author"><name name-as-sort-order="first" and="text"
          delimiter=", " initialize-with=". "/></names>
        <date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date>
        <text variable="title"/>
        <group delimiter=", ">
          <text variable="container-title" font-style="italic"/>
          <group><text variable="volume"/><text variable="issue" prefix="(" suffix=")"/></group>
          <text variable="page"/>
        </group>
        <text variable="publisher"/>
        <text variable="DOI" prefix="https://doi.org/"/>
      </group>
    </layout>
  </bibliography>
</style>
"""


def labels(seq: data.Sequence) -> list[tuple[str, str]]:
    tokens = tokenize(seq.text)
    return list(zip((t.text for t in tokens), seq.labels(tokens), strict=True))


def test_an_apa_entry_is_labelled_by_the_conventions_of_the_training_data() -> None:
    text = ("van den Berg, A., & Okafor, C. (2019). Grid Reform: What Next? Journal of Energy "
            "Policy, 14(2), 211–236. https://doi.org/10.5555/jep.2019.14")
    seq = rendered.labelled(ARTICLE, text, "csl-bib")
    assert seq is not None and seq.style == "csl-bib"
    by_token = labels(seq)
    assert [lab for t, lab in by_token if t in ("van", "&", "Okafor")] == ["author"] * 3
    assert next(lab for t, lab in by_token if t == "(") == "date"  # it opens the date
    assert dict(by_token)["2019"] == "date"
    assert {lab for t, lab in by_token if t in ("Grid", "?")} == {"title"}
    assert {lab for t, lab in by_token if t in ("Energy", "Policy")} == {"container"}
    assert [lab for t, lab in by_token if t in ("14", "2")] == ["volume", "volume"]
    assert dict(by_token)["211"] == "pages" and by_token[-1][1] == "doi"


def test_a_reports_number_is_volume_and_its_access_phrase_accessed() -> None:
    text = ("Institute for Fiscal Studies. Tax Policy Reforms 2021. Policy Brief No. 14. "
            "London: Institute for Fiscal Studies, 2021. https://www.ifs-example.org/briefs/14 "
            "(accessed February 3, 2024).")
    seq = rendered.labelled(REPORT, text)
    assert seq is not None
    by_token = labels(seq)
    assert [lab for t, lab in by_token if t in ("Policy", "Brief", "No", "14")][-4:] == [
        "genre", "genre", "volume", "volume"]
    assert by_token[0][1] == "author" and dict(by_token)["London"] == "place"
    assert {lab for t, lab in by_token if t in ("accessed", "February", "2024")} == {"accessed"}


def test_a_citation_with_a_word_that_has_no_place_is_not_used() -> None:
    text = ("van den Berg, A., & Okafor, C. (2019). Grid Reform: What Next? Journal of Energy "
            "Policy, 14(2), 211–236. Reprinted with permission.")
    assert rendered.labelled(ARTICLE, text) is None


def test_labels_that_do_not_give_back_the_work_are_not_used() -> None:
    wrong = {**ARTICLE, "volume": "41"}  # the style wrote 14: the fields would not agree
    text = ("van den Berg, A., & Okafor, C. (2019). Grid Reform: What Next? Journal of Energy "
            "Policy, 14(2), 211–236, 41.")
    assert rendered.labelled(wrong, text) is None


def test_expected_counts_only_what_the_style_wrote() -> None:
    text = "Okafor, C. Grid Reform: What Next? 2019. https://doi.org/10.5555/jep.2019.14"
    want = rendered.expected(ARTICLE, text)
    assert want["title"] == "grid reform: what next" and want["year"] == "2019"
    assert "container" not in want and "volume" not in want and "pages" not in want
    assert want["author"] == ["okafor"]  # van den Berg left out by this style
    assert rendered.expected({**ARTICLE, "page": "14"}, "Lisbon 2014 14(2)")["pages"] == "14"
    assert "pages" not in rendered.expected({**ARTICLE, "page": "1"}, "The Times, 1992.")


def test_works_are_drawn_the_same_for_a_seed_and_differ_between_seeds() -> None:
    assert rendered.works(7, 30) == rendered.works(7, 30)
    assert rendered.works(7, 30) != rendered.works(8, 30)
    kinds = {w["type"] for w in rendered.works(1, 200)}
    assert {"article-journal", "book", "chapter", "report", "webpage",
            "article-newspaper"} <= kinds


def test_pandoc_writes_and_the_labeller_reads_back(tmp_path: Path) -> None:
    need("pandoc")
    style = tmp_path / "test.csl"
    style.write_text(STYLE, encoding="utf-8")
    out = rendered.render(style, [ARTICLE])
    assert out["note"] == []  # an in-text style writes no notes
    (key, text), = out["bib"]
    assert key == "a" and text.startswith("Berg, A. van den and C. Okafor. (2019).")
    seq = rendered.labelled(ARTICLE, text)
    assert seq is not None
    assert not rendered.differences(rendered.expected(ARTICLE, text), rendered.found(
        normalise.fields_of(text, tokenize(text), seq.labels())))


def test_the_training_file_is_labelled_citations_of_many_styles() -> None:
    sequences = data.read(Path(rendered.__file__).parent / "training" / "rendered.xml")
    assert len(sequences) > 1000
    assert {s.style for s in sequences} == {"csl-bib", "csl-note"}
    for seq in sequences[::50]:
        assert set(seq.labels()) <= set(data.LABELS)
