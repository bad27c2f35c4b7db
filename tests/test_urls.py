"""Tests for footcheck.urls: finding URLs in text, cleaning them, spotting malformed ones."""

from __future__ import annotations

import pytest

from footcheck.urls import EmptyLink, FoundUrl, find_empty_links, find_urls


def one(text: str) -> FoundUrl:
    """The single URL found in ``text``."""
    found = find_urls(text)
    assert len(found) == 1, found
    return found[0]


# --- the three forms ---------------------------------------------------------------------


def test_angle_brackets_are_part_of_raw_not_url() -> None:
    text = "Available at: <https://www.economist.com/graphic-detail/2023/08/23/x>."
    f = one(text)
    assert f.raw == "<https://www.economist.com/graphic-detail/2023/08/23/x>"
    assert f.url == "https://www.economist.com/graphic-detail/2023/08/23/x"
    assert text[f.start:f.end] == f.raw
    assert (f.form, f.problem, f.repaired) == ("angle", None, None)
    assert f.outer == (f.start, f.end)


def test_unclosed_angle_bracket_is_a_problem_and_stops_at_whitespace() -> None:
    text = "Available at: <https://example.org/report.pdf. Accessed 5 May."
    f = one(text)
    assert f.raw == "<https://example.org/report.pdf"
    assert f.url == "https://example.org/report.pdf"
    assert f.problem == "'<' is never closed with '>'"
    assert f.repaired == "https://example.org/report.pdf"


def test_a_later_closing_bracket_after_prose_does_not_close_an_unclosed_one() -> None:
    f = find_urls("<https://a.org/x and then a long sentence follows here > <https://b.org/>")
    assert [x.raw for x in f] == ["<https://a.org/x", "<https://b.org/>"]
    assert f[0].problem and not f[1].problem


def test_markdown_link_whose_text_is_the_url_is_reported_once_as_its_target() -> None:
    text = ("Available at: [https://www.reuters.com/world/k-2023-05-17/#:~:text=May%2017%20"
            r"\(Reuters\)%20said](https://www.reuters.com/world/k-2023-05-17/#:~:text=May%2017%20"
            "(Reuters)%20said)")
    f = one(text)
    assert f.form == "markdown"
    assert f.url == "https://www.reuters.com/world/k-2023-05-17/#:~:text=May%2017%20(Reuters)%20said"
    assert f.raw == f.url
    assert text[f.start:f.end] == f.raw
    assert f.start == text.index("](") + 2
    assert f.outer == (text.index("["), len(text))


def test_markdown_link_with_ordinary_text() -> None:
    text = "See [the report](https://example.org/r.pdf \"Report\") and more."
    f = one(text)
    assert (f.url, f.form) == ("https://example.org/r.pdf", "markdown")
    assert text[f.outer[0]:f.outer[1]] == '[the report](https://example.org/r.pdf "Report")'


def test_markdown_link_with_angle_target() -> None:
    """A space in a destination in angle brackets is legal CommonMark, sent as ``%20``."""
    f = one("[x](<https://example.org/a b.pdf>)")
    assert f.raw == "<https://example.org/a b.pdf>"
    assert (f.url, f.problem) == ("https://example.org/a%20b.pdf", None)


def test_markdown_link_to_a_relative_target_lets_the_text_be_scanned() -> None:
    assert [f.url for f in find_urls("[https://a.org/x](page.html)")] == ["https://a.org/x"]


def test_markdown_escapes_are_removed_from_url() -> None:
    f = one(r"https://example.org/a\_b\_c\#d")
    assert f.url == "https://example.org/a_b_c#d"
    assert f.raw == r"https://example.org/a\_b\_c\#d"
    f = one(r"(https://en.wikipedia.org/wiki/Foo\_\(bar\))")
    assert f.url == "https://en.wikipedia.org/wiki/Foo_(bar)"


# --- where a bare URL ends ---------------------------------------------------------------


@pytest.mark.parametrize("after", [".", ",", ";", ":", "!", "?", "'", '"', "’", "”", "».", ").",
                                   "*"])
def test_trailing_punctuation_is_stripped(after: str) -> None:
    text = f"see https://example.org/a/b{after} next"
    if after.startswith(")"):
        text = "(" + text
    f = one(text)
    assert f.url == "https://example.org/a/b"
    assert text[f.start:f.end] == "https://example.org/a/b"


def test_balanced_parentheses_are_kept_unbalanced_closing_one_is_stripped() -> None:
    f = find_urls("see https://en.wikipedia.org/wiki/Foo_(bar), and (https://x.org/a).")
    assert [x.url for x in f] == ["https://en.wikipedia.org/wiki/Foo_(bar)", "https://x.org/a"]
    assert one("(https://en.wikipedia.org/wiki/Foo_(bar))").url == \
        "https://en.wikipedia.org/wiki/Foo_(bar)"


def test_quotes_around_a_bare_url() -> None:
    f = find_urls("'https://a.org/x' “https://b.org/y” *https://c.org/z*")
    assert [x.url for x in f] == ["https://a.org/x", "https://b.org/y", "https://c.org/z"]


def test_query_string_and_final_full_stop() -> None:
    text = ("Available at: https://www.google.com/search?q=2023-04-06&rlz=1C5CHFA_enCA893CA893"
            "&ie=UTF-8.")
    assert one(text).url.endswith("&ie=UTF-8")


def test_numeric_second_level_domain_is_fine() -> None:
    f = one("Available at: https://24.kg/english/277796_Visa-free_regime/.")
    assert f.url == "https://24.kg/english/277796_Visa-free_regime/"
    assert f.problem is None


@pytest.mark.parametrize("text", [
    "write to info@www.example.org or jeff@carleton.ca",
    "e.g. the report, i.e. this one; cf. p.12 and Mr.Smith",
    "HTTP/2 and the http protocol; FTP servers",
    "Osteuropa-und internationale Studien",
])
def test_not_urls(text: str) -> None:
    assert find_urls(text) == []


def test_region_limits_and_offsets_are_into_the_whole_text() -> None:
    text = "https://a.org/1 | https://b.org/2 | https://c.org/3"
    start, end = text.index("|"), text.rindex("|")
    f = find_urls(text, start, end)
    assert [x.url for x in f] == ["https://b.org/2"]
    assert text[f[0].start:f[0].end] == "https://b.org/2"


def test_uppercase_scheme_is_found() -> None:
    assert one("HTTPS://EXAMPLE.ORG/A").problem is None


# --- malformed URLs ----------------------------------------------------------------------


def test_missing_scheme_keeps_url_as_written() -> None:
    f = one("www.example.org/report.pdf.")
    assert f.url == "www.example.org/report.pdf"
    assert f.problem == "missing scheme"
    assert f.repaired == "https://www.example.org/report.pdf"


@pytest.mark.parametrize(("written", "repaired"), [
    ("https://https://example.org/report", "https://example.org/report"),
    ("http://http//example.org/a", "http://example.org/a"),
    ("http://https://example.org/a", "https://example.org/a"),
    ("HTTPS://http://example.org/a", "https://example.org/a"),
])
def test_doubled_scheme(written: str, repaired: str) -> None:
    f = one(f"Available at: {written}")
    assert f.problem is not None and "doubled scheme" in f.problem
    assert f.repaired == repaired


def test_doubled_scheme_in_an_unclosed_angle_bracket() -> None:
    f = one("<https://https://example.org/report")
    assert f.problem == "'<' is never closed with '>'; doubled scheme 'https://https://'"
    assert f.repaired == "https://example.org/report"


@pytest.mark.parametrize(("written", "repaired"), [
    ("https:/example.org/a", "https://example.org/a"),
    ("https//example.org/a", "https://example.org/a"),
])
def test_malformed_scheme(written: str, repaired: str) -> None:
    f = one(written)
    assert f.problem is not None and "malformed scheme" in f.problem
    assert f.repaired == repaired


def test_spaces_inside_angle_brackets() -> None:
    f = one("<https://example.org/some file.pdf>")
    assert (f.problem, f.repaired) == ("contains spaces", "https://example.org/some%20file.pdf")
    f = one("<https://example.org/very-long- name>")
    assert f.repaired == "https://example.org/very-long-name"
    f = one("< https://example.org/a >")
    assert (f.problem, f.repaired) == ("space inside the angle brackets", "https://example.org/a")


def test_a_markdown_destination_in_angle_brackets_may_hold_spaces() -> None:
    """CommonMark (example 488): ``[Picasso](<https://en.wikipedia.org/wiki/Pablo Picasso>)``
    is a link to ``…/Pablo%20Picasso``, no malformed address; outside a link's destination
    ``<… some file.pdf>`` still is one."""
    f = one("[Wikipedia: Pablo Picasso](<https://en.wikipedia.org/wiki/Pablo Picasso>)")
    assert (f.url, f.problem) == ("https://en.wikipedia.org/wiki/Pablo%20Picasso", None)
    assert one("See <https://example.org/some file.pdf>.").problem == "contains spaces"


def test_an_address_wrapped_at_a_line_end_inside_angle_brackets_is_whole() -> None:
    """RFC 3986's appendix C and reStructuredText: whitespace that wraps an address inside
    angle brackets is no part of it; a space within a line still is."""
    f = one("<https://glyph.example.com/2016/08/python-\n   packaging.html>")
    assert (f.url, f.problem) == ("https://glyph.example.com/2016/08/python-packaging.html", None)
    f = one("<https://example.org/a\n b c.html>")
    assert f.problem == "contains spaces"


@pytest.mark.parametrize(("url", "problem"), [
    ("https://intranet/a", "invalid host 'intranet': no domain"),
    ("https://-bad.org/", "invalid host '-bad.org': label '-bad' starts or ends with '-'"),
    ("https://bad-.org/", "invalid host 'bad-.org': label 'bad-' starts or ends with '-'"),
    ("https://1.2.3.999/", "invalid host '1.2.3.999': not a valid IP address"),
    ("https://1.2.3.0004/", "invalid host '1.2.3.0004': not a valid IP address"),
    ("https://example.123/", "invalid host 'example.123': numeric top-level domain"),
    ("https://a..b/", "invalid host 'a..b': empty label"),
    ("https://exa!mple.org/", "invalid character '!' in host 'exa!mple.org'"),
    ("https://example.org:abc/", "invalid port 'abc'"),
    ("https:///path", "malformed scheme 'https:///'; invalid host 'path': no domain"),
    ("https://", "empty host"),
])
def test_invalid_hosts(url: str, problem: str) -> None:
    f = one(url)
    assert (f.problem, f.repaired) == (problem, None)


@pytest.mark.parametrize("url", [
    "http://localhost:8080/x", "https://192.168.1.10/a", "https://[2001:db8::1]/a",
    "https://пример.рф/путь", "https://exa_mple.org/", "https://example.org./a",
    "https://user:pw@example.org:8443/a?b=c#d", "ftp://ftp.example.org/pub/file.txt",
    "https://xn--p1ai.xn--80asehdb/",
])
def test_valid_hosts(url: str) -> None:
    assert one(url).problem is None


# --- empty links -------------------------------------------------------------------------


def test_empty_links() -> None:
    text = "Source: based on the [National Bank of Georgia](#) data; [x]() [y](<#>) [z](#top)"
    links = find_empty_links(text)
    assert links == [
        EmptyLink(21, 50, "[National Bank of Georgia](#)", "National Bank of Georgia", "#"),
        EmptyLink(57, 62, "[x]()", "x", ""),
        EmptyLink(63, 71, "[y](<#>)", "y", "#"),
    ]
    assert find_urls(text) == []


def test_empty_links_within_a_region() -> None:
    text = "[a](#) [b](#) [c](#)"
    assert [x.text for x in find_empty_links(text, 3, 14)] == ["b"]


# --- pathological inputs (their speed: benchmarks/urls.py) -----------------------------------

PATHOLOGICAL = [
    "<https://a.org/x " * 20_000,
    "[" * 50_000 + "](https://a.org)",
    "](https://a.org) " * 20_000,
    "https://a.org/" + ")" * 50_000,
    "www." * 50_000,
    "http://" * 50_000,
    "(" * 50_000 + "https://a.org",
]
URL_DENSE_NOTE = (
    "^{XVI} Avakov, Artur. (2023). 'Rossiian obyeschshayut nakazat' za \"tikhoie vtorzhenie\""
    " v Gruziiyu,' *Nezavisimaia Gazeta*. 31 October. https://www.ng.ru/cis/2023-10-31/1_8866"
    "_georgia.html; Zanatta, Leonardo. (2023). 'The Impact of Russian Migration in Georgia,'"
    " *ISPI*. November 6. Accessed at: <https://www.ispionline.it/en/publication/the-impact-"
    "of-russian-migration-in-georgia-151256>; see [the data](https://example.org/d_(x)).\n")


def test_url_dense_text_finds_every_url() -> None:
    count = 2_000_000 // len(URL_DENSE_NOTE)
    assert len(find_urls(URL_DENSE_NOTE * count)) == 3 * count


@pytest.mark.parametrize("text", PATHOLOGICAL)
def test_pathological_inputs_are_read(text: str) -> None:
    assert isinstance(find_urls(text), list)


def test_make_builds_each_result_from_the_found_fields() -> None:
    text = "See <https://a.example/x>, https://b.example/y and <https:/c.example> ."
    plain = find_urls(text)
    assert [p for p in plain if p.problem], "the last URL takes the slow path"
    assert find_urls(text, make=lambda *fields: fields) == [
        (u.start, u.end, u.raw, u.url, u.problem, u.repaired, u.form, u.outer) for u in plain]



def test_superscript_digits_are_not_digits_of_a_host_or_port() -> None:
    found = find_urls("see http://1.2.3.⁷54/x, http://x.org:⁸0/a and http://пример.рф/x")
    assert [u.problem is not None for u in found] == [True, True, False]


def test_an_empty_port_is_the_scheme_s_and_a_port_of_letters_is_invalid() -> None:
    """RFC 3986's own example of equivalent URIs, ``http://ABC.com:/%7esmith/home.html``: a
    port may be empty (3.2.3); one of letters may not."""
    found = find_urls("http://ABC.com:/%7esmith/home.html and http://x.org:http/a")
    assert [u.problem for u in found] == [None, "invalid port 'http'"]


def test_the_public_suffix_list_is_read_once_by_threads_asking_together(monkeypatch):
    """The link checker's threads all ask for a site's name at once at the start of a run:
    each used to parse the list (160 threads, 3 s of CPU)."""
    import threading

    import publicsuffixlist

    from footcheck import urls

    made = []

    class Counted(publicsuffixlist.PublicSuffixList):
        def __init__(self, *args, **kwargs):
            made.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(publicsuffixlist, "PublicSuffixList", Counted)
    monkeypatch.setattr(urls, "_SUFFIX_LIST", None)
    start = threading.Barrier(16)
    domains = []

    def ask():
        start.wait()
        domains.append(urls.registrable_domain("news.bbc.co.uk"))

    threads = [threading.Thread(target=ask) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert domains == ["bbc.co.uk"] * 16
    assert made == [1]


@pytest.mark.parametrize("text, url", [
    ("See https://eurasianet.org/georgia-sees-record-influx-of-russians-fleeing-\n"
     "mobilization. Next", "https://eurasianet.org/georgia-sees-record-influx-of-russians-"
                           "fleeing-mobilization"),
    ("At https://example.org/reports/\nannual-2023.pdf, p. 4",
     "https://example.org/reports/annual-2023.pdf"),
    ("At https://example.org/a/\nview?id=4.", "https://example.org/a/view?id=4"),
    ("x https://a.org/x-\n  indented-rest.html.", "https://a.org/x-indented-rest.html"),
])
def test_a_bare_url_a_hard_wrap_broke_goes_on_on_the_next_line(text: str, url: str) -> None:
    (found,) = find_urls(text)
    assert found.url == url and found.problem is None
    assert text[found.start:found.end] == found.raw and "\n" in found.raw


@pytest.mark.parametrize("text", [
    "At https://example.org/\naccessed 3 May", "At https://example.org/\nwell-known results",
    "At https://example.org/\ne.g. this", "At https://example.org/\nn.d.",
    "x https://a.org/path-\nThe next line", "x https://a.org/b-c\nnext", "end https://a.org/x-",
])
def test_a_line_of_prose_after_a_url_is_not_its_rest(text: str) -> None:
    (found,) = find_urls(text)
    assert "\n" not in found.raw


def test_arabic_and_chinese_punctuation_after_a_url_is_not_part_of_it() -> None:
    found = find_urls("انظر https://www.ohchr.org/a/DGD_report.pdf؛ و https://x.org/b.pdf، "
                      "الفقرة 95. 见 https://y.cn/c.html。")
    assert [u.url for u in found] == ["https://www.ohchr.org/a/DGD_report.pdf",
                                      "https://x.org/b.pdf", "https://y.cn/c.html"]
    assert all(u.problem is None for u in found)


def test_a_space_typed_into_an_address_is_reported_with_the_address_whole() -> None:
    """``…_Rights_ of_the_Child_Part_1_of_3.pdf``: no address ends with ``_``; what
    follows the space has an address's marks. A word of prose after a URL stays prose."""
    [u] = find_urls("Available at https://www.unicef.org/files/Handbook_on_the_Rights_ "
                    "of_the_Child_Part_1_of_3.pdf.")
    assert (u.problem, u.repaired) == (
        "contains spaces", "https://www.unicef.org/files/Handbook_on_the_Rights_of_the_Child_"
        "Part_1_of_3.pdf")
    assert u.raw.endswith("Part_1_of_3.pdf")
    found = find_urls("See https://x.org/a_ and then https://x.org/b- see more.")
    assert [(u.url, u.problem) for u in found] == [("https://x.org/a_", None),
                                                  ("https://x.org/b-", None)]
