"""One test per verdict, and the HTTP behaviours behind them, against real local servers."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from footcheck.links import NETWORK_DOWN, REFUSED_PRIVATE, LinkRequest, verify


def one(url, cfg, **changes):
    """Verify a single URL and return its result."""
    return verify([url], cfg(**changes))[url]


ARTICLE = ("<h1>Migration and the labour market</h1>"
           + "<p>Relocants moved to Tbilisi and Yerevan in large numbers.</p>" * 40)


# --- alive and redirected --------------------------------------------------------------------
def test_alive_with_title_and_date(web, config_factory):
    head = ('<meta property="og:title" content="Migration and the labour market">'
            '<meta property="article:published_time" content="2023-05-04T10:00:00+03:00">')
    url = web.page("/news/a1", body=web.html("Migration and the labour market | Daily",
                                             ARTICLE, head))
    r = one(url, config_factory)
    assert r.verdict == "alive"
    assert r.http_status == 200
    assert r.title == "Migration and the labour market"
    assert r.published == "2023-05-04"
    assert r.final_url == url
    assert r.checked_at and not r.from_cache


def test_permanent_redirect_is_redirected(web, config_factory):
    new = web.page("/new/a", body=web.html("Moved article", ARTICLE))
    for status in (301, 308):
        url = web.redirect(f"/old/{status}", new, status)
        r = one(url, config_factory)
        assert r.verdict == "redirected", status
        assert r.final_url == new
        assert r.title == "Moved article"


def test_temporary_redirect_is_alive(web, config_factory):
    target = web.page("/current", body=web.html("Current", ARTICLE))
    for status in (302, 303, 307):
        url = web.redirect(f"/tmp/{status}", target, status)
        r = one(url, config_factory)
        assert r.verdict == "alive", status
        assert r.final_url == target


def test_trailing_slash_permanent_redirect_is_alive(web, config_factory):
    web.page("/report/", body=web.html("Report", ARTICLE))
    url = web.redirect("/report", web.url("/report/"), 301)
    assert one(url, config_factory).verdict == "alive"


def test_redirect_chain_is_followed(web, config_factory):
    final = web.page("/c", body=web.html("End of chain", ARTICLE))
    web.redirect("/b", "/c", 302)
    url = web.redirect("/a", web.url("/b"), 301)
    r = one(url, config_factory)
    assert r.verdict == "redirected"
    assert r.final_url == final


def test_redirect_loop_is_detected(web, config_factory):
    web.redirect("/loop1", "/loop2", 302)
    url = web.redirect("/loop2", "/loop1", 302)
    r = one(url, config_factory)
    assert r.verdict == "unreachable"
    assert "loop" in r.detail
    assert web.hits("/loop1") == 1 and web.hits("/loop2") == 1


def test_too_many_redirects(web, config_factory):
    for i in range(6):
        web.redirect(f"/r{i}", f"/r{i + 1}", 302)
    r = one(web.url("/r0"), config_factory, max_redirects=3)
    assert r.verdict == "unreachable"
    assert "more than 3 redirects" in r.detail
    assert web.hits("/r4") == 0


def test_as_many_redirects_as_a_browser_follows_reach_the_page(web, config_factory):
    """A chain of 15 redirects (a campaign link through trackers) reaches its page, as a
    browser does (Chrome and Firefox follow 20); 21 are too many."""
    for i in range(22):
        web.redirect(f"/h{i}", f"/h{i + 1}", 302)
    web.page("/h15", body=web.html("Annual report", "<p>" + "The report. " * 40 + "</p>"))
    assert one(web.url("/h0"), config_factory, soft404_probe=False).verdict == "alive"
    r = one(web.url("/h1"), config_factory, soft404_probe=False, max_redirects=20)
    assert r.verdict == "alive"
    del web.routes["/h15"]
    web.redirect("/h15", "/h16", 302)
    assert one(web.url("/h0"), config_factory, soft404_probe=False).detail == \
        "more than 20 redirects"


def refreshing(web, path: str, content: str) -> str:
    """A page at ``path`` whose ``<meta http-equiv="refresh">`` has ``content``; its URL."""
    head = f'<meta http-equiv="Refresh" content="{content}">'
    return web.page(path, body=web.html("Old address", "<p>This page has moved.</p>", head))


def test_meta_refresh_is_followed_like_a_redirect(web, config_factory):
    new = web.page("/story", body=web.html("Migration and the labour market", ARTICLE))
    for content in ("0; url=/story", "0;URL='/story'", "3, url=/story"):
        r = one(refreshing(web, f"/old-{len(content)}", content), config_factory)
        assert (r.verdict, r.final_url, r.title) == \
            ("alive", new, "Migration and the labour market"), content


def test_meta_refresh_to_a_missing_page_is_dead(web, config_factory):
    r = one(refreshing(web, "/old", "0; url=/404.html"), config_factory)
    assert (r.verdict, r.http_status) == ("dead", 404)


def test_meta_refresh_that_reloads_or_waits_long_is_not_a_redirect(web, config_factory):
    web.page("/elsewhere", body=web.html("Elsewhere", ARTICLE))
    for path, content in (("/reload", "600"), ("/itself", "0; url=/itself"),
                          ("/timeout", "1800; url=/elsewhere")):
        r = one(refreshing(web, path, content), config_factory)
        assert (r.verdict, r.final_url, r.title) == ("alive", web.url(path), "Old address")
    assert web.hits("/elsewhere") == 0


@pytest.mark.parametrize("script", ["window.location.href = '/story';",
                                    'location.replace("/story")', "document.location='/story'"])
def test_a_page_that_only_sends_on_by_script_is_followed(web, config_factory, script):
    new = web.page("/story", body=web.html("Migration and the labour market", ARTICLE))
    old = web.page("/old", body=web.html("Redirecting…", "", f"<script>{script}</script>"))
    r = one(old, config_factory)
    assert (r.verdict, r.final_url) == ("alive", new)


def test_a_script_on_a_page_with_content_is_not_followed(web, config_factory):
    web.page("/elsewhere", body=web.html("Elsewhere", ARTICLE))
    url = web.page("/article", body=web.html(
        "A real article", ARTICLE, "<script>if (x) { location.href = '/elsewhere'; }</script>"))
    assert one(url, config_factory).final_url == url
    assert web.hits("/elsewhere") == 0


def test_meta_refresh_loop_is_detected(web, config_factory):
    refreshing(web, "/a", "0; url=/b")
    r = one(refreshing(web, "/b", "0; url=/a"), config_factory)
    assert r.verdict == "unreachable" and "loop" in r.detail


# --- dead ------------------------------------------------------------------------------------
def test_404_and_410_are_dead(web, config_factory):
    gone = web.page("/gone", 410, web.html("Gone"))
    missing = web.url("/missing")
    results = verify([missing, gone], config_factory())
    assert results[missing].verdict == "dead" and results[missing].http_status == 404
    assert results[gone].verdict == "dead" and results[gone].http_status == 410


def test_missing_host_is_dead_while_network_works(config_factory):
    r = one("http://nonexistent.invalid/report", config_factory, network_probe=lambda: True)
    assert r.verdict == "dead"
    assert "host not found" in r.detail


# --- offline ---------------------------------------------------------------------------------
def test_no_network_makes_links_unverified_not_dead(config_factory):
    calls = []

    def down() -> bool:
        calls.append(1)
        return False

    urls = [f"http://host{i}.nonexistent.invalid/a" for i in range(5)]
    results = verify(urls, config_factory(network_probe=down, archive=True))
    assert {r.verdict for r in results.values()} == {"unverified"}
    assert all(r.detail.startswith(NETWORK_DOWN) for r in results.values())
    assert all(r.archive_url is None for r in results.values())
    assert len(calls) == 1  # the probe runs once per verification


def test_local_links_still_checked_without_network(web, config_factory):
    ok = web.page("/ok", body=web.html("OK", ARTICLE))
    results = verify([ok, "http://nonexistent.invalid/"],
                     config_factory(network_probe=lambda: False))
    assert results[ok].verdict == "alive"
    assert results["http://nonexistent.invalid/"].verdict == "unverified"


# --- blocked ---------------------------------------------------------------------------------
def test_blocking_statuses_are_blocked(web, config_factory):
    urls = [web.page(f"/s{status}", status, web.html("Forbidden"))
            for status in (401, 403, 451)]
    results = verify(urls, config_factory())
    assert [r.verdict for r in results.values()] == ["blocked"] * 3


def test_bot_wall_with_200_is_blocked(web, config_factory):
    url = web.page("/wall", body=web.html(
        "Just a moment...", "<div id='challenge'>Checking your browser</div>",
        '<script src="/cdn-cgi/challenge-platform/h/g/orchestrate/jsch/v1"></script>'))
    r = one(url, config_factory)
    assert r.verdict == "blocked"


def test_cloudflare_challenge_503_is_blocked_and_not_retried(web, config_factory):
    url = web.page("/cf", 503, web.html("Just a moment..."),
                   {"cf-mitigated": "challenge", "Server": "cloudflare"})
    r = one(url, config_factory)
    assert r.verdict == "blocked"
    assert web.hits("/cf") == 1


def test_login_redirect_is_blocked(web, config_factory):
    web.page("/account/login", body=web.html(
        "Sign in", '<form><input name="u"><input type="password" name="p"></form>'))
    url = web.redirect("/members/report", "/account/login?next=/members/report", 302)
    r = one(url, config_factory)
    assert r.verdict == "blocked"
    assert "login" in r.detail


def test_cookie_consent_redirect_is_blocked(web, config_factory):
    web.page("/consent", body=web.html("Before you continue", "<form><button>Accept all"
                                                              "</button></form>"))
    url = web.redirect("/watch", "/consent?continue=/watch", 302)
    r = one(url, config_factory)
    assert r.verdict == "blocked"
    assert "consent" in r.detail


def test_persistent_429_is_blocked_after_one_retry(web, config_factory):
    url = web.page("/busy", 429, web.html("Too Many Requests"), {"Retry-After": "0"})
    r = one(url, config_factory)
    assert r.verdict == "blocked"
    assert web.hits("/busy") == 2


def test_429_with_retry_after_is_retried_once_then_ok(web, config_factory):
    seen = []

    def handler(h):
        seen.append(time.monotonic())
        if len(seen) == 1:
            web.send(h, 429, web.html("Slow down"), {"Retry-After": "1"})
        else:
            web.send(h, 200, web.html("Finally", ARTICLE))

    web.routes["/rate"] = handler
    r = one(web.url("/rate"), config_factory)
    assert r.verdict == "alive"
    assert len(seen) == 2
    assert seen[1] - seen[0] >= 0.95


def test_retry_after_beyond_the_cap_is_not_waited_for(web, config_factory):
    url = web.page("/later", 429, web.html("Later"), {"Retry-After": "3600"})
    r = one(url, config_factory)
    assert r.verdict == "blocked"
    assert web.hits("/later") == 1


# --- server errors, timeouts, unreachable ----------------------------------------------------
def test_5xx_is_server_error_after_one_retry(web, config_factory):
    url = web.page("/err", 500, web.html("Internal Server Error"))
    r = one(url, config_factory)
    assert r.verdict == "server-error"
    assert r.http_status == 500
    assert web.hits("/err") == 2


def test_503_once_then_ok_is_alive(web, config_factory):
    count = []

    def handler(h):
        count.append(1)
        if len(count) == 1:
            web.send(h, 503, web.html("Service Unavailable"), {"Retry-After": "0"})
        else:
            web.send(h, 200, web.html("Back", ARTICLE))

    web.routes["/flaky"] = handler
    assert one(web.url("/flaky"), config_factory).verdict == "alive"


def test_slow_server_times_out(web, config_factory):
    def slow(h):
        web.sleep(3)
        web.send(h, 200, web.html("Too late"))

    web.routes["/slow"] = slow
    r = one(web.url("/slow"), config_factory, read_timeout=0.3)
    assert r.verdict == "timeout"


def test_slow_but_in_time_is_alive(web, config_factory):
    def slow(h):
        web.sleep(0.3)
        web.send(h, 200, web.html("Slow", ARTICLE))

    web.routes["/slowok"] = slow
    assert one(web.url("/slowok"), config_factory).verdict == "alive"


def test_connection_refused_is_unreachable(config_factory):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    r = one(f"http://127.0.0.1:{port}/x", config_factory)
    assert r.verdict == "unreachable"
    assert "refused" in r.detail.lower()


# --- bodies ----------------------------------------------------------------------------------
def _endless(web, trickle: float):
    def handler(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        h.wfile.write(b"<html><head><title>Endless stream</title></head><body>")
        while not web.stop.is_set():
            h.wfile.write(b"<p>" + b"x" * 4000 + b"</p>\n")
            if trickle:
                time.sleep(trickle)
        h.close_connection = True

    return handler


def test_endless_body_stops_at_the_byte_cap(web, config_factory):
    web.routes["/endless"] = _endless(web, 0)
    r = one(web.url("/endless"), config_factory, max_body_bytes=200_000)
    assert r.verdict == "alive"
    assert r.title == "Endless stream"


def test_trickling_body_stops_at_the_deadline(web, config_factory):
    web.routes["/trickle"] = _endless(web, 0.05)
    r = one(web.url("/trickle"), config_factory, url_timeout=1.0)
    assert r.title == "Endless stream"
    assert r.verdict == "alive"


# --- HEAD ------------------------------------------------------------------------------------
def test_head_refused_falls_back_to_get(web, config_factory):
    def handler(h):
        if h.command == "HEAD":
            web.send(h, 405, "")
        else:
            web.send(h, 200, web.html("Only GET", ARTICLE))

    web.routes["/nohead"] = handler
    r = one(web.url("/nohead"), config_factory, head_first=True, soft404_probe=False)
    assert r.verdict == "alive" and r.title == "Only GET"
    assert [m for m, _ in web.log] == ["HEAD", "GET"]


def test_head_first_skips_get_for_documents(web, config_factory):
    url = web.page("/report.pdf", body=b"%PDF-1.7 " + b"0" * 1000,
                   content_type="application/pdf")
    r = one(url, config_factory, head_first=True)
    assert r.verdict == "alive"
    assert [m for m, _ in web.log] == ["HEAD"]


def test_default_policy_uses_one_get(web, config_factory):
    url = web.page("/one", body=web.html("One", ARTICLE))
    one(url, config_factory, soft404_probe=False)
    assert web.log == [("GET", "/one")]


# --- soft 404 --------------------------------------------------------------------------------
def test_not_found_page_with_200_is_soft_404(web, config_factory):
    url = web.page("/article/removed", body=web.html(
        "Page not found | The Daily", "<h1>Sorry, we couldn't find that page</h1>"))
    r = one(url, config_factory, soft404_probe=False)
    assert r.verdict == "soft-404"
    assert "title" in r.detail


def _home(web):
    home = web.html("The Daily — News and analysis",
                    "<h1>Top stories</h1>" + "<p>Today's headlines in brief.</p>" * 30)
    web.page("/", body=home)
    return home


def test_home_page_substitute_is_soft_404(web, config_factory):
    home = _home(web)
    web.fallback = lambda h: web.send(h, 200, home)  # every unknown path shows the home page
    web.page("/live/article", body=web.html("A real article", ARTICLE))
    removed = web.url("/2019/05/removed-article")
    results = verify([removed, web.url("/live/article")], config_factory())
    assert results[removed].verdict == "soft-404"
    assert "path that cannot exist" in results[removed].detail
    assert results[web.url("/live/article")].verdict == "alive"


def test_redirect_to_home_is_soft_404(web, config_factory):
    _home(web)
    web.fallback = lambda h: web.send(h, 302, "", {"Location": "/"})
    r = one(web.url("/old/removed"), config_factory)
    assert r.verdict == "soft-404"
    assert r.final_url == web.url("/")


def test_an_article_moved_to_the_home_page_is_soft_404_on_an_honest_host(web, config_factory):
    _home(web)  # unknown paths get a real 404 (the fallback): only this one goes home
    web.page("/en/", body=web.html("The Daily in English", ARTICLE))
    web.page("/story/", body=web.html("A real article", ARTICLE))
    moves = {"/2019/05/removed-article": "/", "/old-section": "/en/", "/story": "/story/"}
    for path, target in moves.items():
        web.redirect(path, target)
    for path in ("/2019/05/removed-article", "/old-section"):
        r = one(web.url(path), config_factory)
        assert (r.verdict, r.final_url) == ("soft-404", web.url(moves[path]))
        assert "home page" in r.detail
    assert one(web.url("/story"), config_factory).verdict == "alive"  # the same page


@pytest.mark.parametrize("title, body", [
    ("defunct-outlet.org", "<h1>This domain may be for sale</h1><p>Related searches</p>"),
    ("Welcome", "<p>The domain defunct-outlet.org has expired.</p><p>This domain is parked "
                "free, courtesy of a registrar.</p>"),
])
def test_a_parked_domain_is_soft_404(web, config_factory, title, body):
    url = web.page("/2018/story", body=web.html(title, body))
    r = one(url, config_factory, soft404_probe=False)
    assert r.verdict == "soft-404" and "parked domain" in r.detail


def test_a_domain_named_for_sale_is_parked_where_it_is_the_site_asked_for():
    """"defunct-outlet.org is for sale | Sedo" answering for defunct-outlet.org (or where it
    was sent) is its parking page; on a news site it is a story about a sale."""
    from footcheck.links.page import Page, not_found_signal

    page = Page(html_title="defunct-outlet.org is for sale | Sedo", text="Make an offer")
    parked = not_found_signal(page, "https://defunct-outlet.org/2018/story")
    sent = not_found_signal(page, "https://market.example/d/1", "https://defunct-outlet.org/a")
    story = not_found_signal(page, "https://techblog.example/2018/story")
    assert (parked, sent, story) == ("a parked domain ('defunct-outlet.org is for sale | "
                                     "Sedo')", parked, None)


def test_a_story_about_another_sites_sale_or_an_error_code_is_alive(web, config_factory):
    """"Voice.com is for sale – TechBlog" on another site than voice.com is a story about
    a sale; "HTTP 404 - Wikipedia" at ``/wiki/HTTP_404`` is the article its address names.
    The same title at ``/404`` is an error page."""
    body = "<p>The status code tells a client that the server found nothing there.</p>"
    sale = web.page("/tech/voice-com", body=web.html("Voice.com is for sale – TechBlog", body))
    article = web.page("/wiki/HTTP_404", body=web.html("HTTP 404 - Wikipedia", body))
    error = web.page("/404", body=web.html("HTTP 404 - Wikipedia", body))
    assert [one(u, config_factory, soft404_probe=False).verdict
            for u in (sale, article, error)] == ["alive", "alive", "soft-404"]


def test_a_moved_page_whose_location_is_written_in_raw_utf8_is_followed(web, config_factory):
    """A server writing the new address's UTF-8 bytes raw in ``Location`` (read by
    http.client as Latin-1): followed to ``/nouvelle-page-été``, not to a garbled path."""
    web.page("/nouvelle-page-%C3%A9t%C3%A9", body=web.html("Rapport annuel 2021", ARTICLE))
    web.redirect("/ancienne-page", "/nouvelle-page-été".encode().decode("latin-1"))
    r = one(web.url("/ancienne-page"), config_factory, soft404_probe=False)
    assert (r.verdict, r.final_url) == ("redirected", web.url("/nouvelle-page-été"))


def test_an_article_about_domain_sales_is_alive(web, config_factory):
    story = "<p>The domain is for sale, its owner said, for a million dollars.</p>"  # short
    url = web.page("/2018/story", body=web.html("Domain for sale: how squatters profit", story))
    assert one(url, config_factory, soft404_probe=False).verdict == "alive"


def test_a_site_sent_to_a_domain_market_is_parked():
    from footcheck.links.check import sent_to_market

    assert sent_to_market("https://defunct.org/a", "https://sedo.com/search?q=defunct.org") \
        == "sedo.com"
    assert sent_to_market("https://defunct.org/", "https://www.hugedomains.com/d/defunct.org")
    assert sent_to_market("https://sedo.com/about", "https://sedo.com/us/about") is None
    assert sent_to_market("https://a.org/x", "https://notsedo.com/x") is None


def test_soft_404_probe_is_made_once_per_host(web, config_factory):
    for i in range(5):
        web.page(f"/a{i}", body=web.html(f"Article {i}", ARTICLE.replace("Tbilisi", str(i))))
    verify([web.url(f"/a{i}") for i in range(5)], config_factory())
    probes = [p for _, p in web.log if p.startswith("/footcheck-")]
    assert len(probes) == 1


def test_the_probe_tells_a_page_from_the_not_found_answer_inside_a_long_menu(web,
                                                                            config_factory):
    """A site that sets its name as every page's title and heading and a long menu before
    the content, and answers unknown paths with 200 inside the same chrome: a publication's
    page is alive (the menu made any two pages "the same"); a gone page is still soft-404."""
    menu = "<ul>" + "".join(f"<li><a href='/s{i}'>Section {i}: policy area {i}</a></li>"
                            for i in range(120)) + "</ul>"

    def chrome(inner: str) -> str:
        return web.html("Ministry of Labour", f"<h1>Ministry of Labour</h1>{menu}<main>{inner}"
                        "</main><p>Contacts: 1 Labour Square</p>")

    report = web.page("/publications/annual-report-2021", body=chrome(
        "<h2>Annual report 2021</h2><p>Annual report 2021 (PDF, 2 MB). Published 3 May.</p>"))
    web.fallback = lambda h: web.send(h, 200, chrome("<p>Sorry, nothing is at this place.</p>"))
    assert one(report, config_factory).verdict == "alive"
    assert one(web.url("/publications/removed-2019"), config_factory).verdict == "soft-404"


def test_an_article_sent_to_the_sites_error_page_is_soft_404(web, config_factory):
    """A redirect to ``/error.html?code=404`` (or ``/404``) says the page is gone, whatever
    the error page's own words; an error page cited itself is what it is."""
    web.page("/error.html", body=web.html("Daily Planet", "<h1>Sorry!</h1>"))
    web.redirect("/promo/older", "/error.html?code=404", 302)
    r = one(web.url("/promo/older"), config_factory, soft404_probe=False)
    assert (r.verdict, r.detail) == ("soft-404", "redirected to an error page, "
                                     + web.url("/error.html?code=404"))
    assert one(web.url("/error.html"), config_factory, soft404_probe=False).verdict == "alive"


def test_home_page_itself_is_not_a_soft_404(web, config_factory):
    home = _home(web)
    web.fallback = lambda h: web.send(h, 200, home)
    assert one(web.url("/"), config_factory).verdict == "alive"


# --- unverified: schemes and the private-address guard ---------------------------------------
def test_unsupported_scheme_is_unverified(config_factory):
    results = verify(["ftp://example.org/file", "mailto:a@b.c"], config_factory())
    assert {r.verdict for r in results.values()} == {"unverified"}
    assert all("unsupported scheme" in r.detail for r in results.values())


def test_private_address_is_refused_by_default(web, config_factory):
    url = web.page("/internal", body=web.html("Intranet"))
    r = one(url, config_factory, allow_private=False)
    assert r.verdict == "unverified"
    assert r.detail.startswith(REFUSED_PRIVATE)
    assert web.log == []


def test_localhost_name_is_refused(web, config_factory):
    web.page("/internal", body=web.html("Intranet"))
    r = one(f"http://localhost:{web.port}/internal", config_factory, allow_private=False)
    assert r.verdict == "unverified" and r.detail.startswith(REFUSED_PRIVATE)
    assert web.log == []


# --- the run as a whole ----------------------------------------------------------------------
def test_unique_urls_in_input_order_and_progress(web, config_factory):
    a = web.page("/a", body=web.html("A", ARTICLE))
    b = web.url("/b-missing")
    seen = []
    results = verify([b, a, b, LinkRequest(a, "2020-01-01"), (b, None)],
                     config_factory(soft404_probe=False),
                     progress=lambda s: s.result and seen.append((s.result.url, s.done, s.total)))
    assert list(results) == [b, a]
    assert sorted(url for url, _, _ in seen) == sorted([a, b])
    assert [(done, total) for _, done, total in seen] == [(1, 2), (2, 2)]
    assert web.hits("/a") == 1 and web.hits("/b-missing") == 1


def test_progress_ticks_while_a_slow_page_answers(web, config_factory):
    def slow(h):  # five ticks long: two at least on a starved machine
        time.sleep(2.5)
        web.send(h, 200, web.html("Slow page", ARTICLE))

    web.routes["/slow"] = slow
    states = []
    verify([web.url("/slow")], config_factory(soft404_probe=False, read_timeout=5.0,
                                              url_timeout=8.0),
           progress=lambda s: states.append((s.result is None, s.done, s.elapsed)))
    waits = [elapsed for waiting, done, elapsed in states if waiting and done == 0]
    assert len(waits) >= 2 and waits == sorted(waits), states  # the line moves meanwhile
    assert states[-1][:2] == (False, 1)


def test_per_host_limit_is_respected(web, config_factory):
    def handler(h):
        time.sleep(0.1)
        web.send(h, 200, web.html("Busy page", ARTICLE))

    for i in range(12):
        web.routes[f"/p{i}"] = handler
    urls = [web.url(f"/p{i}") for i in range(12)]
    results = verify(urls, config_factory(per_host=2, max_workers=8, soft404_probe=False))
    assert {r.verdict for r in results.values()} == {"alive"}
    assert web.peak <= 2


def test_total_time_budget_is_bounded(web, config_factory):
    release = threading.Event()

    def never(h):
        release.wait(5)

    web.routes["/never"] = never
    results = verify([web.url("/never")],
                     config_factory(read_timeout=5, url_timeout=5, total_timeout=0.5))
    release.set()
    r = results[web.url("/never")]
    assert r.verdict == "unverified" and "time budget" in r.detail


def test_redirect_into_a_private_address_is_refused(web, web_factory, config_factory,
                                                   monkeypatch):
    import footcheck.links.check as check
    import footcheck.links.fetch as fetch

    # Pretend 127.0.0.1 is a public site and 127.0.0.2 an internal network.
    def public(address: str) -> bool:
        return address == "127.0.0.1"

    monkeypatch.setattr(check, "is_public", public)
    monkeypatch.setattr(fetch, "is_public", public)
    internal = web_factory("127.0.0.2")
    internal.page("/admin", body=web.html("Router admin"))
    url = web.redirect("/innocent", internal.url("/admin"), 302)
    r = one(url, config_factory, allow_private=False)
    assert r.verdict == "unverified"
    assert r.detail.startswith(REFUSED_PRIVATE)
    assert internal.log == []
    assert web.hits("/innocent") == 1


def test_connection_to_a_private_address_is_refused_even_after_the_name_check(
        web, config_factory, monkeypatch):
    import footcheck.links.check as check

    # The name check is fooled (as by DNS rebinding); the connection check is not.
    monkeypatch.setattr(check, "is_public", lambda address: True)
    url = web.page("/internal", body=web.html("Intranet"))
    r = one(url, config_factory, allow_private=False)
    assert r.verdict == "unverified"
    assert REFUSED_PRIVATE in r.detail
    assert web.log == []


def test_tls_failure_is_unreachable(web, config_factory):
    web.page("/plain", body=web.html("Plain HTTP only"))
    r = one(f"https://127.0.0.1:{web.port}/plain", config_factory)
    assert r.verdict == "unreachable"
    assert r.detail.startswith("TLS error")


def test_server_sending_a_body_after_head_does_not_spoil_the_get(web, config_factory):
    body = web.html("Chatty server", ARTICLE).encode()

    def handler(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)  # even for HEAD

    web.routes["/chatty"] = handler
    r = one(web.url("/chatty"), config_factory, head_first=True, soft404_probe=False)
    assert r.verdict == "alive" and r.title == "Chatty server", r
