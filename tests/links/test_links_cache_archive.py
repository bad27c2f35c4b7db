"""The SQLite cache (successes only, max age, bypass) and archive rescue via a local fake API."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from footcheck.links import default_cache_path, verify

ARTICLE = "<p>Long enough article text about relocation and remittances.</p>" * 20


def test_second_run_is_served_from_cache_without_requests(web, config_factory, tmp_path):
    alive = web.page("/alive", body=web.html("Alive", ARTICLE))
    moved = web.redirect("/moved", web.url("/alive"), 301)
    dead = web.url("/dead")
    cfg = config_factory(use_cache=True, cache_path=tmp_path / "links.sqlite")

    first = verify([alive, moved, dead], cfg)
    assert [r.verdict for r in first.values()] == ["alive", "redirected", "dead"]
    assert not any(r.from_cache for r in first.values())
    before = len(web.log)

    second = verify([alive, moved, dead], cfg)
    assert second[alive].from_cache and second[moved].from_cache
    assert second[alive].verdict == "alive" and second[alive].title == "Alive"
    assert second[moved].verdict == "redirected" and second[moved].final_url == alive
    assert second[alive].checked_at == first[alive].checked_at
    # only the failure is checked again
    assert not second[dead].from_cache
    assert web.log[before:] == [("GET", "/dead")]


def test_cache_only_stores_successes(web, config_factory, tmp_path):
    blocked = web.page("/blocked", 403, web.html("Forbidden"))
    cfg = config_factory(use_cache=True, cache_path=tmp_path / "c.sqlite")
    verify([blocked], cfg)
    verify([blocked], cfg)
    assert web.hits("/blocked") == 2


def test_stale_entries_and_no_cache_are_rechecked(web, config_factory, tmp_path):
    url = web.page("/a", body=web.html("A", ARTICLE))
    path = tmp_path / "c.sqlite"
    verify([url], config_factory(use_cache=True, cache_path=path, soft404_probe=False))
    verify([url], config_factory(use_cache=True, cache_path=path, cache_max_age=0,
                                 soft404_probe=False))
    verify([url], config_factory(use_cache=False, cache_path=path, soft404_probe=False))
    assert web.hits("/a") == 3
    again = verify([url], config_factory(use_cache=True, cache_path=path))
    assert again[url].from_cache
    assert web.hits("/a") == 3


def test_unwritable_cache_is_ignored(web, config_factory, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    url = web.page("/a", body=web.html("A", ARTICLE))
    cfg = config_factory(use_cache=True, cache_path=blocker / "sub" / "links.sqlite")
    assert verify([url], cfg)[url].verdict == "alive"


def test_default_cache_path_honours_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_path() == tmp_path / "footcheck" / "links.sqlite"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_path() == Path.home() / ".cache" / "footcheck" / "links.sqlite"


# --- archive rescue --------------------------------------------------------------------------
def _fake_wayback(web, known: dict[str, str]):
    """A local availability API: snapshots for the URLs in ``known``; records the queries."""
    queries: list[dict[str, str]] = []

    def handler(h):
        query = {k: v[0] for k, v in parse_qs(urlsplit(h.path).query).items()}
        queries.append(query)
        stamp = query.get("timestamp", "20200101")
        if query["url"] in known:
            closest = {"available": True, "status": "200", "timestamp": stamp + "000000",
                       "url": f"http://web.archive.org/web/{stamp}000000/{query['url']}"}
            body = {"url": query["url"], "archived_snapshots": {"closest": closest}}
        else:
            body = {"url": query["url"], "archived_snapshots": {}}
        web.send(h, 200, json.dumps(body), content_type="application/json")

    web.routes["/wayback/available"] = handler
    return web.url("/wayback/available"), queries


def test_dead_link_gets_the_closest_snapshot(web, config_factory):
    dead = web.url("/removed-report")
    never = web.url("/never-archived")
    endpoint, queries = _fake_wayback(web, {dead: "x"})
    cfg = config_factory(archive=True, archive_endpoint=endpoint)
    results = verify([(dead, "2019-03-14"), never], cfg)
    assert results[dead].verdict == "dead"
    assert results[dead].archive_url == f"https://web.archive.org/web/20190314000000/{dead}"
    assert results[never].archive_url is None
    assert {"url": dead, "timestamp": "20190314"} in queries


def test_alive_and_blocked_links_are_not_looked_up(web, config_factory):
    ok = web.page("/ok", body=web.html("OK", ARTICLE))
    blocked = web.page("/blocked", 403, web.html("Forbidden"))
    endpoint, queries = _fake_wayback(web, {ok: "x", blocked: "x"})
    results = verify([ok, blocked], config_factory(archive=True, archive_endpoint=endpoint))
    assert results[ok].archive_url is None and results[blocked].archive_url is None
    assert queries == []


def test_soft_404_gets_a_snapshot(web, config_factory):
    url = web.page("/gone-article", body=web.html("Page not found", "<h1>Not found</h1>"))
    endpoint, _ = _fake_wayback(web, {url: "x"})
    r = verify([url], config_factory(archive=True, archive_endpoint=endpoint))[url]
    assert r.verdict == "soft-404"
    assert r.archive_url and r.archive_url.endswith(url)


def test_broken_archive_api_leaves_no_snapshot(web, config_factory):
    web.page("/wayback/available", 500, "oops")
    dead = web.url("/dead")
    cfg = config_factory(archive=True, archive_endpoint=web.url("/wayback/available"))
    r = verify([dead], cfg)[dead]
    assert r.verdict == "dead" and r.archive_url is None


def test_archive_lookups_are_cached(web, config_factory, tmp_path):
    dead = web.url("/dead")
    endpoint, queries = _fake_wayback(web, {dead: "x"})
    cfg = config_factory(archive=True, archive_endpoint=endpoint, use_cache=True,
                         cache_path=tmp_path / "c.sqlite")
    first = verify([dead], cfg)[dead]
    second = verify([dead], cfg)[dead]
    assert first.archive_url == second.archive_url is not None
    assert len(queries) == 1
    assert web.hits("/dead") == 2  # the dead link itself is checked again
