"""Page metadata, "not found" wording, wall signs, dates, and the small helpers around them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from footcheck.links.check import retry_after, trivial_redirect
from footcheck.links.guard import is_public
from footcheck.links.page import (
    Page,
    normalize_date,
    not_found_signal,
    parse,
    says_not_found,
    wall_signal,
)


def test_title_prefers_citation_title_then_og_title_then_title():
    html = (b'<html><head><title>Report | Think Tank</title>'
            b'<meta property="og:title" content="OG Report">'
            b'<meta name="citation_title" content="The Citation Title"></head><body></body>')
    page = parse(html)
    assert page.title == "The Citation Title"
    assert page.html_title == "Report | Think Tank"
    assert parse(html.replace(b'name="citation_title"', b'name="x"')).title == "OG Report"
    assert parse(b"<title> Plain &amp; simple </title>").title == "Plain & simple"


@pytest.mark.parametrize("head,expected", [
    ('<meta name="citation_publication_date" content="2021/03/09">', "2021-03-09"),
    ('<meta property="article:published_time" content="2022-11-30T23:10:00-05:00">',
     "2022-11-30"),
    ('<meta name="DC.date" content="2018-07">', "2018-07"),
    ('<meta name="date" content="May 4, 2023">', "2023-05-04"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
     ' "datePublished": "2020-02-29T08:00:00Z"}]}</script>', "2020-02-29"),
])
def test_published_date_from_meta_and_json_ld(head, expected):
    page = parse(f"<html><head><title>t</title>{head}</head><body></body></html>".encode())
    assert page.published == expected


def test_json_ld_in_body_and_time_element():
    body = ('<html><head><title>t</title></head><body>'
            '<script type="application/ld+json">{"datePublished": "2017-01-02"}</script>'
            '</body></html>')
    assert parse(body.encode()).published == "2017-01-02"
    body = '<html><body><time itemprop="datePublished" datetime="2016-06-23">x</time></body>'
    assert parse(body.encode()).published == "2016-06-23"


@pytest.mark.parametrize("raw,expected", [
    ("2023-05-04", "2023-05-04"), ("2023-05-04T10:00:00Z", "2023-05-04"),
    ("20230504", "2023-05-04"), ("04.05.2023", "2023-05-04"), ("4 May 2023", "2023-05-04"),
    ("Thu, 04 May 2023 10:00:00 GMT", "2023-05-04"), ("2023", "2023"),
    ("1683194400", "2023-05-04"), ("2023-02-30", None), ("soon", None), ("", None),
])
def test_normalize_date(raw, expected):
    assert normalize_date(raw) == expected


def test_charset_from_meta_and_header():
    body = '<html><head><meta charset="windows-1251"><title>Релоканты</title></head>'
    assert parse(body.encode("cp1251")).title == "Релоканты"
    assert parse("<title>Café</title>".encode("latin-1"), "iso-8859-1").title == "Café"


def test_a_byte_order_mark_wins_and_an_undeclared_charset_is_found():
    """As a browser reads a page: the UTF-8 byte-order mark over a Latin-1 header; a
    windows-1251 page that says no charset, in windows-1251 (not as mojibake)."""
    page = "<html><head><title>Relocation à Tbilissi</title></head><body>Texte</body></html>"
    assert parse(b"\xef\xbb\xbf" + page.encode(), "iso-8859-1").title == \
        "Relocation à Tbilissi"
    russian = ("<html><head><title>Страница не найдена</title></head><body><h1>Страница не "
               "найдена</h1><p>Попробуйте начать с главной страницы сайта.</p></body></html>")
    assert parse(russian.encode("cp1251")).title == "Страница не найдена"


@pytest.mark.parametrize("title", [
    "Page not found", "404 Not Found", "Page Not Found | The Guardian", "Error 404",
    "Oops! That page can’t be found. – Site", "Seite nicht gefunden", "Страница не найдена",
    "Sorry, the page you requested does not exist", "We couldn't find that page",
    "Hmm, we can’t find the page you’re looking for", "Nothing here", "No such page",
    "This page has been removed",
    # the languages of the sites such briefs cite
    "Сторінку не знайдено", "Помилка 404 - Сторінка не знайдена | Укрінформ",
    "Старонка не знойдзена", "გვერდი ვერ მოიძებნა", "Էջը չի գտնվել", "Бет табылмады",
    "Səhifə tapılmadı", "Sayfa bulunamadı", "Página não encontrada", "Stránka nenalezena",
    "Pagina nu a fost găsită", "Az oldal nem található", "Puslapis nerastas",
    "Lapa nav atrasta", "页面不存在", "ページが見つかりません", "الصفحة غير موجودة",
    "Die angeforderte Seite wurde nicht gefunden", "お探しのページは見つかりませんでした | 日報",
    "Sorry, no posts matched your criteria.", "We couldn’t locate that page",
])
def test_not_found_titles(title):
    assert says_not_found(title)


@pytest.mark.parametrize("title", [
    "Why the missing hikers were not found for weeks | News",
    "Migration from Russia in 2022", "The 404 best places to live", None, "",
    "Nothing here is what it seems", "The statue has been removed from the square",
    "Why we couldn't find housing in Tbilisi",
    "Зниклих моряків не знайдено через тиждень пошуків", "Sayfa bulunamadı diyen site kapandı",
    "Relokantų butų Vilniuje nerastas sprendimas", "ქურდი ვერ მოიძებნა: პოლიცია ეძებს",
])
def test_real_titles_are_not_not_found(title):
    assert not says_not_found(title)


def test_wall_signals():
    assert wall_signal(Page(html_title="Just a moment..."), 403, {}, "/a", "/a")
    assert wall_signal(Page(html_title="Making sure you're not a bot!"), 200, {}, "/a", "/a")
    assert wall_signal(Page(html_title="Your privacy choices"), 200, {},
                       "/gdpr-consent/?redirectUri=/news/2", "/news/2")
    assert wall_signal(None, 503, {"cf-mitigated": "challenge"}, "/a", "/a")
    login = Page(html_title="Sign in to your account", has_password=True)
    assert wall_signal(login, 200, {}, "/login", "/report")
    assert wall_signal(Page(html_title="Subscribe to read | Financial Times"), 200, {}, "/a",
                       "/a")
    assert not wall_signal(Page(html_title="How to sign in to e-government"), 200, {},
                           "/a", "/a")


def test_cookie_consent_walls():
    youtube = "https://www.youtube.com/watch?v=abc"
    consent = Page(html_title="Before you continue to YouTube")
    assert "consent" in wall_signal(
        consent, 200, {}, "https://consent.youtube.com/m?continue=x", youtube)
    assert "consent" in wall_signal(
        None, 200, {}, "https://guce.yahoo.com/consent?brandType=nonEu", "https://yahoo.com/a")
    assert "consent" in wall_signal(Page(html_title="Bevor Sie zu Google weitergehen"), 200,
                                    {}, "https://www.google.com/x?y", "https://google.com/x")
    assert "consent" in wall_signal(Page(html_title="Privacy"), 200, {},
                                    "https://news.example/cookie-consent", "https://news.example/a")
    # a consent page cited as such, an article about consent, a title alike on the page asked
    assert not wall_signal(consent, 200, {}, "https://consent.google.com/",
                           "https://consent.google.com/")
    assert not wall_signal(Page(html_title="The consent decree"), 200, {},
                           "https://news.example/2023/consent-decree", "https://news.example/a")
    assert not wall_signal(Page(html_title="Before you continue: a guide"), 200, {},
                           "https://news.example/a", "https://news.example/a")


def test_trivial_redirects():
    assert trivial_redirect("http://a.org/x", "https://a.org/x")
    assert trivial_redirect("https://a.org/x", "https://www.a.org/x/")
    assert not trivial_redirect("https://a.org/x", "https://a.org/y")
    assert not trivial_redirect("https://a.org/x", "https://b.org/x")
    assert not trivial_redirect("https://a.org/x", "http://a.org/x")


def test_retry_after_parsing():
    assert retry_after("7") == 7.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after("garbage") is None and retry_after(None) is None


@pytest.mark.parametrize("address,public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("172.16.5.4", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("224.0.0.1", False),
    ("0.0.0.0", False), ("::1", False), ("fe80::1", False), ("fc00::1", False),
    ("::ffff:127.0.0.1", False), ("93.184.216.34", True), ("2606:2800:220:1::", True),
    ("not an ip", False),
])
def test_is_public(address, public):
    assert is_public(address) is public


def test_importing_links_does_not_import_requests():
    code = ("import sys, footcheck.links; "
            "print(any(m in sys.modules for m in ('requests', 'bs4', 'sqlite3', 'urllib3')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_canonical_link_to_an_error_page_is_a_not_found_signal():
    page = parse(b"<html><head><title>Example News</title>"
                 b"<LINK REL='canonical' HREF='https://news.example/404'></head><body></body>")
    assert page.canonical == "https://news.example/404"
    assert not_found_signal(page) == "canonical link points to 'https://news.example/404'"
    for href in ("/errors/404", "/page-not-found/", "/notfound.html"):
        assert not_found_signal(Page(canonical=href)), href
    for href in ("/news/2023/error-correction-in-quantum", "/", "/reports/404-days-of-war"):
        assert not_found_signal(Page(canonical=href)) is None, href


def test_what_the_reader_sees_leaves_out_scripts_styles_svg_and_comments():
    html = ("<html><HEAD><TITLE>Report</TITLE><STYLE>p{color:red}</STYLE></HEAD><BODY>"
            "<Script>var hidden = 'SECRET1';</Script><p>First &amp; visible.</p>"
            "<svg><title>icon</title><path d='SECRET2'/></svg><!-- SECRET3 -->"
            "<noscript>SECRET4</noscript><H1 class='x'>The <em>heading</em></H1>"
            "<p>Last words.</p></BODY></html>")
    page = parse(html.encode())
    assert page.html_title == "Report" and page.h1 == "The heading"
    assert page.text == "First & visible. The heading Last words."


def test_offsets_stay_right_with_characters_that_lower_to_two():
    html = "<html><head><title>İstanbul kiraları</title></head><body><h1>İzmir</h1>x</body>"
    page = parse(html.encode())
    assert page.html_title == "İstanbul kiraları" and page.h1 == "İzmir"


def test_challenge_scripts_and_password_fields_in_any_case():
    page = parse(b"<html><head><title>x</title><SCRIPT SRC='/CDN-CGI/Challenge-Platform/x.js'>"
                 b"</SCRIPT></head><body><INPUT TYPE=PASSWORD name=pw></body>")
    assert page.challenge_scripts and page.has_password
    page = parse(b"<html><head><title>x</title></head><body><p>a captcha story</p></body>")
    assert not page.challenge_scripts and not page.has_password


def test_a_heavy_page_is_read_like_a_light_one():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from linkfarm.pages import heavy_page

    body = heavy_page(extra_body="<p>Closing remarks.</p>")
    assert len(body) == 230_000
    page = parse(body)
    assert page.title == "Relocants and the rent boom"
    assert page.html_title == "Relocants and the rent boom | Farm Daily"
    assert page.h1 == "Relocants and the rent boom"
    assert page.published == "2023-05-04"
    assert page.canonical == "https://farm.example/news/2023/rent-boom"
    assert "window.dl" not in page.text and "margin:" not in page.text
    assert 4_000 < len(page.text) <= 5_000
