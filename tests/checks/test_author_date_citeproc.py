"""An author-date paper as pandoc's citeproc writes it (Chicago author-date, its default
style, and Harvard, from citeproc-py's styles) in the formats pandoc produces, PDF through
LaTeX included: each citation names an entry, so it is clean; with a work listed but cited
nowhere (``nocite``), FC111 names that work, in every format. (In the PDF the uncited
entry, one line long, runs into the next: that one is still found by its name.)"""

from __future__ import annotations

import subprocess
from importlib import resources

import pytest

from footcheck.pipeline import audit
from helpers import need

PAPER = """---
title: Relocation and rents
bibliography: refs.bib
{nocite}---

Rents in Tbilisi rose sharply after 2022 [@petrov2020; @worldbank2023]. Kuznetsova et al.
[-@kuz2021] describe a similar pattern in Yerevan, and @beridze2022 found that landlords
shifted to short-term contracts. Labour market effects were smaller than expected
[@asatiani2019, p. 14].

# References
"""

BIB = """@article{petrov2020, author={Petrov, Dmitri and Ivanova, Maria}, title={Relocation and
  housing}, journal={Europe-Asia Studies}, year={2020}, volume={72}, pages={1001--1020}}
@report{worldbank2023, author={{World Bank}}, title={Georgia economic update}, year={2023},
  institution={World Bank}}
@article{kuz2021, author={Kuznetsova, Anna and Smirnov, Pavel and Orlova, Elena},
  title={Migration and rents in Yerevan}, journal={Post-Soviet Affairs}, year={2021},
  volume={37}, pages={301--318}}
@article{beridze2022, author={Beridze, Tamar}, title={Landlords and the new tenants},
  journal={Caucasus Analytical Digest}, year={2022}, volume={128}, pages={4--9}}
@book{asatiani2019, author={Asatiani, Nino}, title={Labour markets in the South Caucasus},
  year={2019}, publisher={Tbilisi University Press}}
@book{gogua2021, author={Gogua, Levan}, title={Inequality in Georgian cities}, year={2021},
  publisher={Ilia State University}}
"""

FORMATS = {".html": ["-s"], ".docx": [], ".odt": [], ".txt": ["-t", "plain"],
           ".md": ["-t", "gfm"], ".pdf": []}
#: style: (pandoc's options, the formats made, how the uncited entry's authors are written)
STYLES = {
    "chicago": ([], tuple(FORMATS), "Gogua, Levan"),
    "harvard": (["--csl", str(resources.files("citeproc") / "data" / "styles"
                              / "harvard-cite-them-right.csl")], (".txt", ".docx", ".pdf"),
                "Gogua, L."),
}
CASES = [(style, suffix) for style, (_, suffixes, _) in STYLES.items() for suffix in suffixes]


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    """Each style's and format's clean paper and the one listing Gogua (2021) uncited."""
    pandoc = need("pandoc")
    folder = tmp_path_factory.mktemp("citeproc")
    (folder / "refs.bib").write_text(BIB, encoding="utf-8")
    made = {}
    for name, nocite in (("clean", ""), ("uncited", 'nocite: "@gogua2021"\n')):
        source = folder / f"{name}-source.md"
        source.write_text(PAPER.format(nocite=nocite), encoding="utf-8")
        for style, suffix in CASES:
            out = folder / f"{name}-{style}{suffix}"
            subprocess.run([pandoc, source.name, "--citeproc", *STYLES[style][0],
                            *FORMATS[suffix], "-o", out.name],
                           cwd=folder, check=True, capture_output=True, timeout=300)
            made[name, style, suffix] = out
    return made


@pytest.mark.parametrize("style, suffix", CASES)
def test_a_citeproc_paper_is_clean_and_its_uncited_work_is_found(papers, style, suffix):
    assert [(f.code, f.message) for f in audit(papers["clean", style, suffix]).findings] == []
    uncited = [(f.code, f.message) for f in audit(papers["uncited", style, suffix]).findings]
    assert uncited == [("FC111", f"'{STYLES[style][2]} (2021)' in the list of works is cited "
                                 "nowhere in the text")]
