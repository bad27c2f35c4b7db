"""The scheduler: per-host slots and pauses, the order of a host's queue, archive lookups off
the critical path, and a resolver that hangs. Against real local servers; orders and verdicts
are asserted, never durations."""

from __future__ import annotations

import contextlib
import json
import math
import threading
import time

import pytest

from footcheck.links import NETWORK_DOWN, verify
from footcheck.links.check import LINGER, LINGER_WRITING, GateTimeout, HostGate

ARTICLE = "<p>Relocants moved to Tbilisi and Yerevan in large numbers.</p>" * 30


# --- the gate ----------------------------------------------------------------------------------
def test_a_paused_host_starts_nothing_and_other_hosts_go_on():
    gate = HostGate(limit=2, delay=0.0)
    gate.hold_off("paused.example", 30.0)
    with pytest.raises(GateTimeout), gate.slot("paused.example", time.monotonic() + 0.05):
        pass
    with gate.slot("other.example", until=time.monotonic() + 30.0) as slot:
        assert slot.waited < 30.0


def test_a_url_under_way_goes_before_new_ones():
    gate = HostGate(limit=1, delay=0.0)
    order: list[str] = []

    def wait_for_slot(name: str, rank: int) -> None:
        with gate.slot("h", rank=rank):
            order.append(name)

    def queued() -> int:
        with gate._lock:
            return len(gate._hosts["h"].line)

    with gate.slot("h"):
        new = threading.Thread(target=wait_for_slot, args=("new URL", 1))
        new.start()
        while queued() < 1:
            time.sleep(0.01)
        follow_up = threading.Thread(target=wait_for_slot, args=("redirect hop", 0))
        follow_up.start()
        while queued() < 2:
            time.sleep(0.01)
    new.join(5)
    follow_up.join(5)
    assert order == ["redirect hop", "new URL"]


def test_a_cut_connection_keeps_its_slot_as_long_as_the_server_may_count_it(
        web, config_factory, monkeypatch):
    """A server that had not answered may count the request a while after the cut; one
    writing a body fails its next write at once; a page read whole frees its slot."""
    held: dict[str, float] = {}
    slot = HostGate.slot
    page = [""]

    @contextlib.contextmanager
    def recorded(self, host, until=math.inf, rank=1):
        with slot(self, host, until, rank) as taken:
            try:
                yield taken
            finally:
                held[page[0]] = max(held.get(page[0], 0.0), taken.linger)

    def endless(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        while not web.stop.is_set():
            h.wfile.write(b"<p>" + b"x" * 4000 + b"</p>")

    def silent(h):
        web.stop.wait(5)

    web.routes.update({"/endless": endless, "/silent": silent,
                       "/page": lambda h: web.send(h, 200, web.html("A page", ARTICLE))})
    monkeypatch.setattr(HostGate, "slot", recorded)
    for name in ("endless", "silent", "page"):
        page[0] = name
        verify([web.url(f"/{name}")], config_factory(max_body_bytes=50_000, read_timeout=0.3,
                                                     soft404_probe=False, max_workers=1))
    assert held == {"endless": LINGER_WRITING, "silent": LINGER, "page": 0.0}


# --- 429: the host is paused, Retry-After honoured ---------------------------------------------
def limiting_host(web, refusals: int | set[int], retry_after: int = 1, served_in: float = 0.0
                  ) -> list[tuple[float, str]]:
    """Serve /p0…/p5 on ``web``; the host's first ``refusals`` answers (or those whose
    1-based arrival numbers it holds) are 429s (Retry-After: ``retry_after`` seconds)
    whatever the page, as a rate limiter sends them, at once; a page takes ``served_in``
    seconds. The arrivals, (time, path)."""
    refused = set(range(1, refusals + 1)) if isinstance(refusals, int) else refusals
    arrivals: list[tuple[float, str]] = []
    lock = threading.Lock()

    def page(h):
        with lock:
            arrivals.append((time.monotonic(), h.path))
            refuse = len(arrivals) in refused
        if refuse:
            web.send(h, 429, "slow down", {"Retry-After": str(retry_after)}, "text/plain")
        else:
            time.sleep(served_in)
            web.send(h, 200, web.html(f"Page {h.path}", ARTICLE))

    for i in range(6):
        web.routes[f"/p{i}"] = page
    return arrivals


def test_a_host_that_answers_429_twice_is_paused_for_its_retry_after(web, config_factory):
    arrivals = limiting_host(web, refusals=2)
    urls = [web.url(f"/p{i}") for i in range(6)]
    results = verify(urls, config_factory(per_host=1, soft404_probe=False))
    assert {r.verdict for r in results.values()} == {"alive"}
    second_429 = arrivals[1][0]
    later = [t - second_429 for t, _ in arrivals[2:]]
    assert later and min(later) >= 1.0 - 0.02  # nothing reached the host during the pause
    assert len(arrivals) == 8  # each refused page asked again once, nothing more


def test_a_single_429_delays_only_its_url(web, config_factory):
    arrivals = limiting_host(web, refusals=1)
    urls = [web.url(f"/p{i}") for i in range(6)]
    results = verify(urls, config_factory(per_host=1, soft404_probe=False))
    assert {r.verdict for r in results.values()} == {"alive"}
    paths = [path for _, path in arrivals]
    # the other five pages went between the 429 and its retry, which came last
    assert paths[0] == paths[-1] and len(set(paths[1:-1])) == 5


def test_two_429s_with_an_answer_between_them_do_not_pause_the_host(web, config_factory):
    """Two pages that each answer 429 once (their own limit), other pages served between
    them: the host is not limiting footcheck, only the two URLs wait. (Their Retry-After
    is 5 s, longer than a loaded machine takes to fetch the other pages.) The first and
    the fourth requests are refused, at once, and a page takes half a second: the first
    refusal is in long before the second page's answer, and the fourth request starts only
    in a slot a page's answer has freed. (Served at once, the first refusal could be read
    after the second page's answer, and the fourth request sent in its slot: a request
    sent after a 429 and refused with no answer between them, a host limiting footcheck,
    rightly paused.)"""
    arrivals = limiting_host(web, refusals={1, 4}, retry_after=5, served_in=0.5)
    urls = [web.url(f"/p{i}") for i in range(6)]
    results = verify(urls, config_factory(per_host=2, soft404_probe=False, max_retry_after=6,
                                          url_timeout=10.0))
    assert {r.verdict for r in results.values()} == {"alive"}
    paths = [path for _, path in arrivals]
    refused = sorted([paths[0], paths[3]])
    timeline = [(round(t - arrivals[0][0], 2), path) for t, path in arrivals]
    # every other page went before the retries (a paused host would have sent the first
    # retry, a URL already under way, before the pages still waiting)
    assert len(paths) == 8 and sorted(paths[-2:]) == refused, timeline
    assert len(set(paths[1:6]) - set(refused)) == 4, timeline


def test_without_pause_on_429_only_the_urls_wait(web, config_factory):
    arrivals = limiting_host(web, refusals=2, retry_after=3)  # (room for a loaded machine)
    urls = [web.url(f"/p{i}") for i in range(6)]
    results = verify(urls, config_factory(per_host=2, soft404_probe=False, pause_on_429=False,
                                          max_retry_after=5))
    assert {r.verdict for r in results.values()} == {"alive"}
    paths = [path for _, path in arrivals]
    # the four other pages went between the second 429 and the retries (two refused URLs
    # waiting, two more may be under way: twice per_host)
    assert sorted(paths[-2:]) == sorted(paths[:2]) and len(set(paths[2:6])) == 4


def test_urls_waiting_out_a_retry_after_leave_their_host_to_the_others(web, config_factory):
    """With one request at a time, two pages that each answer 429 (their own limit, the host
    not paused) wait out their Retry-After while the other four are fetched: the waiting
    URLs hold neither the slot nor their host's places (two URLs under way per slot)."""
    arrivals = limiting_host(web, refusals=2, retry_after=5)
    urls = [web.url(f"/p{i}") for i in range(6)]
    results = verify(urls, config_factory(per_host=1, soft404_probe=False, pause_on_429=False,
                                          max_retry_after=6, url_timeout=10.0))
    assert {r.verdict for r in results.values()} == {"alive"}
    paths = [path for _, path in arrivals]
    timeline = [(round(t - arrivals[0][0], 2), path) for t, path in arrivals]
    assert len(paths) == 8 and sorted(paths[-2:]) == sorted(paths[:2]), timeline
    assert len(set(paths[2:6])) == 4, timeline
    second_429 = arrivals[1][0]
    assert all(t - second_429 < 4 for t, _ in arrivals[2:6]), timeline  # not after 5 s


# --- the order of a host's queue ---------------------------------------------------------------
def test_the_next_run_starts_the_slowest_urls_first(web, config_factory, tmp_path):
    def slow(h):
        web.sleep(0.3)
        web.send(h, 200, web.html("Slow", ARTICLE))

    web.routes["/slow"] = slow
    quick = [web.page(f"/q{i}", body=web.html(f"Quick {i}", ARTICLE)) for i in range(5)]
    urls = [*quick, web.url("/slow")]
    cfg = config_factory(per_host=1, soft404_probe=False, use_cache=True,
                         cache_path=tmp_path / "links.sqlite", cache_max_age=0)
    verify(urls, cfg)
    first = [path for _, path in web.log]
    assert first.index("/slow") >= 2  # one of the last: that is where it was cited
    del web.log[:]
    verify(urls, cfg)  # every result is stale (max age 0): all are checked again
    second = [path for _, path in web.log]
    assert sorted(second) == sorted(first)
    assert second.index("/slow") <= 1  # among the first two URLs the host was given


# --- archive lookups off the critical path -----------------------------------------------------
def test_archive_lookups_do_not_hold_up_the_hosts_queue(web, config_factory):
    alive_seen = threading.Event()

    def wayback(h):
        alive_seen.wait(5)  # answers only once the other URL has its verdict
        url = h.path.split("url=", 1)[1].split("&", 1)[0]
        closest = {"available": True, "status": "200", "url": f"https://archive.example/{url}"}
        web.send(h, 200, json.dumps({"archived_snapshots": {"closest": closest}}),
                 content_type="application/json")

    web.routes["/wayback/available"] = wayback
    dead = web.url("/removed")
    alive = web.page("/kept", body=web.html("Kept", ARTICLE))
    seen: list[str] = []
    archiving: list[int] = []

    def progress(state):
        archiving.append(state.archiving)
        if state.result is None:
            return
        seen.append(state.result.url)
        if state.result.url == alive:
            alive_seen.set()

    cfg = config_factory(per_host=1, soft404_probe=False, archive=True,
                         archive_endpoint=web.url("/wayback/available"))
    results = verify([dead, alive], cfg, progress=progress)
    assert seen == [alive, dead]  # the dead URL's verdict waited for its snapshot, nobody else
    assert results[dead].verdict == "dead" and results[dead].archive_url
    assert 1 in archiving and archiving[-1] == 0  # the lookup was shown while under way


def test_a_verdict_keeps_when_the_run_ends_during_its_archive_lookup(web, config_factory):
    release = threading.Event()

    def hanging(h):
        release.wait(10)

    web.routes["/wayback/available"] = hanging
    dead = web.url("/removed")
    try:
        cfg = config_factory(archive=True, archive_endpoint=web.url("/wayback/available"),
                             read_timeout=5, url_timeout=5, total_timeout=1.5)
        r = verify([dead], cfg)[dead]
    finally:
        release.set()
    assert r.verdict == "dead" and r.archive_url is None


# --- a resolver that hangs ---------------------------------------------------------------------
@pytest.fixture
def hanging_resolver(monkeypatch):
    """Name lookups of ``*.hang.test`` block (as with a DNS server that does not answer)."""
    import footcheck.links.guard as guard

    real = guard.resolve
    release = threading.Event()

    def resolve(host: str, port: int):
        if host.endswith(".hang.test"):
            release.wait(30)
            raise guard.ResolveError(host, OSError("timed out"))
        return real(host, port)

    monkeypatch.setattr(guard, "resolve", resolve)
    yield
    release.set()


def test_no_network_is_found_while_the_resolver_hangs(hanging_resolver, config_factory):
    urls = [f"http://site{i}.hang.test/report" for i in range(3)]
    states = []
    results = verify(urls, config_factory(network_probe=lambda: False, archive=True),
                     progress=lambda s: states.append((s.done, s.total, s.network_down)))
    assert states[-1] == (3, 3, True)  # said on the progress line
    # not "time budget exhausted" (the run's 20 s): the lookups were not waited out
    assert all(r.verdict == "unverified" and r.detail.startswith(NETWORK_DOWN)
               for r in results.values()), results


def test_a_hanging_resolver_with_a_network_is_unreachable(hanging_resolver, config_factory):
    url = "http://slow-dns.hang.test/report"
    r = verify([url], config_factory(network_probe=lambda: True))[url]
    assert r.verdict == "unreachable" and "DNS" in r.detail
