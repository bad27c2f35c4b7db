"""A web article that cites by link, as pandoc writes it in every format it makes (PDF through
LaTeX included): each format gives the same links, no "no notes" warning, and the one link
carrying tracking data is found in each."""

from __future__ import annotations

import subprocess

import pytest

from footcheck.pipeline import audit, load
from helpers import need

ARTICLE = """---
title: Remittances after 2022
---

Transfers from Russia to Georgia rose fivefold in 2022, according to the
[National Bank of Georgia](https://nbg.gov.ge/en/statistics/remittances). The
[World Bank's migration brief](https://www.knomad.org/publication/migration-brief-37)
puts the regional growth at 19 per cent.

Rents in Tbilisi followed: [Geostat's price index]({geostat}) shows a 40 per cent rise in a
year, and a [survey](https://crrc.ge/en/survey-2023) found that one landlord in three had
raised the rent.
"""
GEOSTAT = "https://www.geostat.ge/en/cpi"
LINKS = ["https://nbg.gov.ge/en/statistics/remittances",
         "https://www.knomad.org/publication/migration-brief-37", GEOSTAT,
         "https://crrc.ge/en/survey-2023"]
FORMATS = {".html": ["-s"], ".docx": [], ".odt": [], ".md": ["-t", "gfm"], ".pdf": []}


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """The clean article and the one whose Geostat link carries ``utm_source``, per format."""
    pandoc = need("pandoc")
    folder = tmp_path_factory.mktemp("linked")
    made = {}
    for name, geostat in (("clean", GEOSTAT), ("tracked", GEOSTAT + "?utm_source=newsletter")):
        source = folder / f"{name}-source.md"
        source.write_text(ARTICLE.format(geostat=geostat), encoding="utf-8")
        for suffix, options in FORMATS.items():
            out = folder / f"{name}{suffix}"
            subprocess.run([pandoc, source.name, *options, "-o", out.name], cwd=folder,
                           check=True, capture_output=True, timeout=300)
            made[name, suffix] = out
    return made


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_article_citing_by_link_is_clean_in_every_format(articles, suffix):
    assert [u.url for u in load(articles["clean", suffix]).linked] == LINKS
    assert [(f.code, f.message) for f in audit(articles["clean", suffix]).findings] == []


@pytest.mark.parametrize("suffix", FORMATS)
def test_its_tracked_link_is_found_in_every_format(articles, suffix):
    found = [(f.code, f.suggestion) for f in audit(articles["tracked", suffix]).findings]
    assert found == [("FC304", GEOSTAT)]
