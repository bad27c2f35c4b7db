"""Title and date comparison helpers."""

from __future__ import annotations

import pytest

from footcheck.links.match import (
    dates_match,
    generic_title,
    normalize_title,
    title_similarity,
    titles_match,
)
from footcheck.urls import site_labels


@pytest.mark.parametrize("cited,page", [
    ("The price of Russian migration", "The price of Russian migration | Reuters"),
    ("The price of Russian migration", "Reuters — The price of Russian migration"),
    ("“Relocants” in Georgia: a survey", "Relocants in Georgia – A Survey - Carnegie Politika"),
    ("Релоканты в Грузии", "Relokanty v Gruzii"),
    ("Новый закон о мигрантах", "Novyy zakon o migrantakh | Meduza"),
    ("Қазақстандағы релоканттар", "Qazaqstandagy relokanttar"),
    ("Russkiy exodus to Tbilisi", "Russkij exodus to Tbilisi | Meduza"),
    ("How Russian IT workers moved their companies to Armenia and what it cost them",
     "How Russian IT workers moved their companies to Armenia and wh…"),
    ("Annual Report 2021", "Annual Report 2021 | Published 2022 | Ministry of Labour"),
    ("Migration in 2022", "Migration in 2022 - Carnegie Politika"),
])
def test_matching_titles(cited, page):
    assert titles_match(cited, page), title_similarity(cited, page)


def test_titles_are_compared_in_one_script():
    assert normalize_title("Қазақстан: «Ұлттық қауіпсіздік»") == "qazaqstan ulttyq qauipsizdik"
    assert normalize_title("Новый Закон") == normalize_title("Novyy zakon")


@pytest.mark.parametrize("cited,page", [
    ("The price of Russian migration", "Subscribe to read | Financial Times"),
    ("The price of Russian migration", "Page not found"),
    ("Remittances to Georgia rose in 2022", "Kazakhstan tightens visa rules for Russians"),
    ("The price of Russian migration", ""),
    ("Annual Report 2021", "Annual Report 2019 | Ministry of Labour"),  # another year's
])
def test_mismatching_titles(cited, page):
    assert not titles_match(cited, page), title_similarity(cited, page)


@pytest.mark.parametrize("cited,published,ok", [
    ("2023-05-04", "2023-05-04", True), ("2023-05-04", "2023-05-05", True),
    ("2023-05-04", "2023-05-09", False), ("2023", "2023-11-30", True),
    ("2022", "2023-01-01", False), ("2023-05", "2023-05-30", True),
    ("2023-05", "2023-06-01", False), ("n.d.", "2023-01-01", True),
])
def test_dates_match(cited, published, ok):
    assert dates_match(cited, published) is ok


@pytest.mark.parametrize("title,site_name,host", [
    ("Meduza", None, "meduza.io"), ("Медуза", None, "meduza.io"),
    ("Reuters", "Reuters", "www.reuters.com"), ("Daily Post", "Daily Post", "dailypost.example"),
    ("DailyPost", None, "dailypost.example"), ("Loading…", None, "news.example"),
    ("Главная", None, "news.example"), ("Home", "Daily Post", "dailypost.example"),
])
def test_titles_that_name_only_the_site(title, site_name, host):
    assert generic_title(title, site_name, site_labels(host))


@pytest.mark.parametrize("title,site_name,host", [
    ("Rents in the capital double | Daily Post", "Daily Post", "dailypost.example"),
    ("BBC News", "BBC", "www.bbc.co.uk"), ("Home Office", None, "www.gov.uk"),
    ("Index of /files", None, "files.example"), (None, "Daily Post", "dailypost.example"),
])
def test_titles_that_name_a_page(title, site_name, host):
    assert not generic_title(title, site_name, site_labels(host))
