"""Tests for footcheck.checks.urls: malformed, search, tracking, insecure URLs, empty links."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from footcheck.checks import urls
from footcheck.checks.rules import rule
from footcheck.model import Document, Extraction, Finding

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import make_extraction, note_from


def findings(text: str, kind: str | None = None) -> list[Finding]:
    """The URL findings of a document whose every non-blank line is a note."""
    out = list(urls.check(make_extraction(text)))
    return [f for f in out if kind is None or f.kind == kind]


def column_of(line: str, needle: str) -> int:
    """1-based column of ``needle`` in ``line``."""
    return line.index(needle) + 1


# --- malformed-url -----------------------------------------------------------------------


def test_doubled_scheme_in_angle_brackets() -> None:
    line = "^{III} Ward, A. (2022). Title. *Politico*. Available at: <https://https://example.org/r>"
    [f] = findings(line)
    assert (f.code, f.kind) == (rule("malformed-url").code, "malformed-url")
    assert (f.line, f.column) == (1, column_of(line, "<https"))
    assert f.suggestion == "<https://example.org/r>"
    assert (f.series, f.number) == ("endnotes", 1)
    assert "doubled scheme" in f.message
    assert f.code not in f.message


def test_unclosed_angle_bracket_suggests_closing_it() -> None:
    line = "^{IV} EUAA (2023). Latest Asylum Trends. Available at: <https://euaa.europa.eu/t.pdf"
    [f] = findings(line)
    assert f.kind == "malformed-url"
    assert f.column == column_of(line, "<https")
    assert f.suggestion == "<https://euaa.europa.eu/t.pdf>"
    assert "never closed" in f.message


def test_missing_scheme_suggests_https() -> None:
    line = "^V Global Initiative (2023). Newcomers. Available at: www.globalinitiative.net/a/b."
    [f] = findings(line)
    assert (f.kind, str(f.severity)) == ("schemeless-url", "warning")  # a browser guesses
    assert f.column == column_of(line, "www.")
    assert f.suggestion == "https://www.globalinitiative.net/a/b"
    spaced = line.replace("www.globalinitiative.net/a/b.", "<www.globalinitiative.net/a /b>.")
    [f] = findings(spaced)
    assert f.kind == "malformed-url"  # more wrong than the scheme


def test_invalid_host_has_no_suggestion() -> None:
    [f] = findings("^{X} Stanovaia, T. (2023). Law. Available at: <https://carnegieendowment/89553>.")
    assert f.kind == "malformed-url"
    assert f.suggestion is None
    assert "no domain" in f.message


def test_doubled_http_scheme_then_also_insecure() -> None:
    out = findings("^{X} Report (2020). Available at: http://http//example.org/a")
    assert [(f.kind, f.suggestion) for f in out] == [
        ("malformed-url", "http://example.org/a"),
        ("insecure-url", "https://example.org/a"),
    ]


def test_well_formed_urls_are_silent() -> None:
    text = (
        "LXXX 24.kg. 'Visa-free regime restrictions.' 19 October 2023. Available at: "
        "https://24.kg/english/277796_Visa-free_regime_restrictions/.\n"
        "^{II} See https://en.wikipedia.org/wiki/Relokanty_(Russia) and "
        "<https://carnegieendowment.org/politika/89553>.\n"
        "^{LXXIX} Open Dialogue (2023). Available at: <https://en.odfoundation.eu/a/627027.x/#>\n"
    )
    assert findings(text) == []


# --- search-url --------------------------------------------------------------------------

_XCV = ("^{XCV} Altynbaev, Kanat. (2023). 'Russian elite use Kyrgyzstan as stepping-stone to "
        "third-country citizenship,' *Caravanserai*. 6 April. Available at: https://www.google.com"
        "/search?q=2023-04-06&rlz=1C5CHFA_enCA893CA893&oq=2023-04-06&gs_lcrp=Eg-ZjaHJvbWUyBggAEEU"
        "YOdlBBzU5MWowajSoAgCwAgA&sourceid=chrome&ie=UTF-8.")


def test_google_search_page_from_the_sample() -> None:
    [f] = findings(_XCV)  # one finding: not also tracking-url for rlz, oq, gs_lcrp …
    assert f.kind == "search-url"
    assert f.code == rule("search-url").code
    assert (f.line, f.column) == (1, column_of(_XCV, "https://www.google"))
    assert "Google search results page for '2023-04-06'" in f.message
    assert f.suggestion is None


def test_google_redirect_wrapper_suggests_the_real_target() -> None:
    line = ("^1 Report. https://www.google.com/url?sa=t&rct=j&q=&esrc=s&source=web&cd=1&url="
            "https%3A%2F%2Fexample.org%2Freport.pdf%3Futm_source%3Dgoogle&usg=AOvVaw0")
    [f] = findings(line)
    assert f.kind == "search-url"
    assert f.suggestion == "https://example.org/report.pdf"
    assert "redirect" in f.message


@pytest.mark.parametrize(("url", "what"), [
    ("https://www.bing.com/search?q=relokanty+georgia&form=QBLH", "Bing"),
    ("https://duckduckgo.com/?q=relokanty&t=h_", "DuckDuckGo"),
    ("https://search.yahoo.com/search?p=relokanty", "Yahoo"),
    ("https://yandex.ru/search/?text=релоканты&lr=213", "Yandex"),
    ("https://www.baidu.com/s?wd=relokanty", "Baidu"),
    ("https://books.google.com/books?q=relokanty&btnG=Search+Books", "Google Books"),
    ("https://www.google.co.uk/search?tbm=bks&q=relokanty", "Google Books"),
    ("https://scholar.google.com/scholar?q=relokanty", "Google Scholar"),
])
def test_other_search_engines(url: str, what: str) -> None:
    [f] = findings(f"^1 Something. Available at: <{url}>")
    assert f.kind == "search-url"
    assert f.message.startswith(what)


@pytest.mark.parametrize("url", [
    "https://books.google.com/books?id=Xy12AAAAQBAJ&pg=PA45",
    "https://www.google.com/maps/place/Tbilisi",
    "https://blog.google/technology/ai/report/",
    "https://www.bing.com/",
    "https://research.yandex.com/publications/123",
])
def test_pages_on_search_engine_hosts_that_are_not_searches(url: str) -> None:
    assert findings(f"^1 Something (2021). Title. Available at: <{url}>") == []


# --- wrapped-url -------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "name", "target"), [
    ("https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Freport"
     "%3Fid%3D7%26utm_source%3Dmail&data=05%7C01%7Cjane%40institute.org&sdata=x&reserved=0",
     "Outlook Safe Links", "https://example.org/report?id=7"),
    ("https://urldefense.proofpoint.com/v2/url?u=https-3A__www.example.com_news_story-2D1"
     "&d=DwMFaQ&c=abc&r=def", "Proofpoint URL Defense", "https://www.example.com/news/story-1"),
    ("https://urldefense.com/v3/__https://www.example.com/report__;!!ABC!def$",
     "Proofpoint URL Defense", "https://www.example.com/report"),
    ("https://protect-eu.mimecast.com/s/AbCdEfGh?domain=example.com", "Mimecast", None),
    ("https://l.facebook.com/l.php?u=https%3A%2F%2Fmeduza.io%2Fen%2Ffeature%2F2023&h=AT0",
     "Facebook", "https://meduza.io/en/feature/2023"),
    ("https://vk.com/away.php?to=https%3A%2F%2Fnovayagazeta.ru%2Farticles%2F1&cc_key=",
     "VK", "https://novayagazeta.ru/articles/1"),
    ("https://www.youtube.com/redirect?event=video_description&q=https%3A%2F%2Fexample.org%2Fa",
     "YouTube", "https://example.org/a"),
])
def test_wrapped_links_name_the_address_they_lead_to(url: str, name: str,
                                                      target: str | None) -> None:
    [f] = findings(f"^1 Institute (2023). Report. Available at: <{url}>")  # nothing else
    assert f.kind == "wrapped-url"
    assert f.message.startswith(f"{name} link cited instead of the page it leads to")
    assert f.suggestion == target


@pytest.mark.parametrize("url", [
    "https://www.facebook.com/institute/posts/123",
    "https://vk.com/wall-12345_678",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://www.linkedin.com/pulse/relocants-georgia-jane-smith",
    "https://example.org/l.php?u=https%3A%2F%2Fexample.com",
    "https://vk.com/away.php?to=javascript%3Aalert(1)",
])
def test_pages_on_wrapper_hosts_that_are_not_wrappers(url: str) -> None:
    assert findings(f"^1 Something (2021). Title. Available at: <{url}>") == []


# --- tracking-url ------------------------------------------------------------------------

_LXXIII = (
    "LXXIII Auyezov, Olzhas. (2023). 'Kazakhs increasingly wary of Russia's belligerence, poll "
    "shows.' Reuters. 17 May. Available at: [https://www.reuters.com/world/kazakhs-increasingly-"
    "wary-russias-belligerence-poll-2023-05-17/#:~:text=May%2017%20\\(Reuters\\)%20%2D%20The"
    "%20Kazakh](https://www.reuters.com/world/kazakhs-increasingly-wary-russias-belligerence-"
    "poll-2023-05-17/#:~:text=May%2017%20(Reuters)%20%2D%20The%20Kazakh)"
)


def test_text_fragment_in_markdown_link_from_the_sample() -> None:
    [f] = findings(_LXXIII)
    assert f.kind == "tracking-url"
    assert f.code == rule("tracking-url").code
    assert f.column == _LXXIII.index("](") + 3  # the link's target, reported once
    assert f.suggestion == ("https://www.reuters.com/world/kazakhs-increasingly-wary-russias-"
                            "belligerence-poll-2023-05-17/")
    assert "text fragment" in f.message


def test_utm_and_click_ids_are_removed_other_parameters_kept() -> None:
    line = ("^2 Report. <https://example.org/a?id=7&utm_source=newsletter&utm_medium=email"
            "&fbclid=IwAR0x&page=2#section>")
    [f] = findings(line)
    assert f.kind == "tracking-url"
    assert f.suggestion == "https://example.org/a?id=7&page=2#section"
    assert "utm_source" in f.message and "fbclid" in f.message


def test_only_tracking_parameters_leaves_no_question_mark() -> None:
    [f] = findings("^2 Report. <https://example.org/a?gclid=abc&mc_cid=1&mc_eid=2>")
    assert f.suggestion == "https://example.org/a"


def test_fragment_before_a_text_directive_is_kept() -> None:
    [f] = findings("^2 Report. <https://example.org/a#results:~:text=growth>")
    assert f.suggestion == "https://example.org/a#results"


def test_search_session_parameters_count_only_on_search_engines() -> None:
    assert findings("^3 Report. <https://example.org/a?ved=1&ei=2&oq=x&source=web>") == []
    [f] = findings("^3 Book. <https://books.google.com/books?id=Xy12&pg=PA4&ved=2ahUK&sa=X>")
    assert f.suggestion == "https://books.google.com/books?id=Xy12&pg=PA4"


def test_ordinary_query_strings_are_silent() -> None:
    text = (
        "^{XX} VKPress. Available at: <https://www.vkpress.ru/life/gruziia/?id=167899>.\n"
        "^{LII} Press KZ. Available at: <https://press.kz/novosti/pochti-150-tysyach?amp>.\n"
    )
    assert findings(text) == []


# --- insecure-url ------------------------------------------------------------------------


def test_plain_http_from_the_sample() -> None:
    line = ("- ^{xlv} Liberated School (2023). 'Liberated School.' <http://liberatedschool.tilda.ws>."
            " Accessed January 5th.")
    [f] = findings(line)
    assert f.kind == "insecure-url"
    assert f.code == rule("insecure-url").code
    assert (f.line, f.column) == (1, column_of(line, "<http"))
    assert f.suggestion == "https://liberatedschool.tilda.ws"


def test_localhost_and_https_are_not_insecure() -> None:
    assert findings("^1 Demo. <http://localhost:8000/x> and <http://127.0.0.1/y>, "
                    "<https://example.org/>") == []


# --- empty-link --------------------------------------------------------------------------


def test_empty_links_in_the_body_have_no_note() -> None:
    text = ("Chart. 1: Remittances to Georgia\n\n"
            "Source: based on the [National Bank of Georgia](#) data\n\n"
            "^{I} The Economist (2023). Title. Available at: <https://www.economist.com/a>\n")
    document = Document.from_text(text)
    extraction = Extraction(document, (note_from(document, 5),), ())
    [f] = list(urls.check(extraction))
    assert f.kind == "empty-link"
    assert f.code == rule("empty-link").code
    assert (f.line, f.column) == (3, 22)
    assert (f.series, f.number) == (None, None)
    assert "National Bank of Georgia" in f.message


def test_empty_link_inside_a_note_names_the_note() -> None:
    document = Document.from_text("body\n^{VII} Meduza. See [the article]() for details.\n")
    extraction = Extraction(document, (note_from(document, 2, number=7),), ())
    [f] = list(urls.check(extraction))
    assert (f.kind, f.line, f.column, f.series, f.number) == ("empty-link", 2, 20, "endnotes", 7)


def test_real_links_and_footnote_references_are_not_empty_links() -> None:
    text = "Text.[^1] See [the data](https://example.org/d) and [x] (#) later.\n"
    assert findings(text, "empty-link") == []


def test_a_host_of_one_name_in_the_prose_is_a_machine_or_an_example_in_a_note_a_typo():
    """The prose's ``http://gateway:3128/`` (a proxy on a local network) and RFC 3986's
    ``http://a/b/c/g`` are no sources; in a note, ``<https://carnegieendowment/89553>`` is
    a citation missing its domain, and ``http://www/a`` in the prose is broken too."""
    from footcheck.model import Document
    from footcheck.pipeline import audit

    prose = ("Set the proxy: export http_proxy=http://gateway:3128/ and resolve "
             "\"g\" as http://a/b/c/g.^{1}\n\n^{1} Smith, J. (2020). *Proxies*. Press.\n")
    assert [f.code for f in audit(Document.from_text(prose)).findings] == []
    www = prose.replace("http://a/b/c/g", "http://www/a")
    assert [f.code for f in audit(Document.from_text(www)).findings] == ["FC301"]
