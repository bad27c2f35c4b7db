"""What the link checker takes from the environment: proxies (read once per run, not per
request), and never the credentials of ``~/.netrc``."""

from __future__ import annotations

import pytest

from footcheck.links import verify

PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def no_proxy_settings(monkeypatch):
    """Start from an environment without proxy settings, whatever the machine has."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.mark.parametrize("no_proxy", ["", "10.0.0.0/8,127.0.0.3,example.org"])
def test_environment_proxy_carries_the_requests(web, monkeypatch, config_factory, no_proxy):
    target = "http://127.0.0.2:9/report"  # nothing listens there: only the proxy can answer
    web.routes[target] = lambda h: web.send(h, 200, web.html("Report", "<h1>Report</h1>"))
    monkeypatch.setenv("http_proxy", web.url(""))
    monkeypatch.setenv("no_proxy", no_proxy)  # none, or none that holds the host
    results = verify([target], config_factory())
    assert results[target].verdict == "alive"
    assert ("GET", target) in web.log


@pytest.mark.parametrize("no_proxy", ["127.0.0.0/8", "127.0.0.2", "localhost,127.0.0.2"])
def test_no_proxy_sends_the_request_direct(web, web_factory, monkeypatch, config_factory,
                                           no_proxy):
    site = web_factory("127.0.0.2")
    url = site.page("/report", body=web.html("Report", "<h1>Report</h1>"))
    monkeypatch.setenv("http_proxy", web.url(""))  # the proxy would answer 404
    monkeypatch.setenv("no_proxy", no_proxy)
    results = verify([url], config_factory())
    assert results[url].verdict == "alive"
    assert web.log == []
    assert site.hits("/report") == 1


def test_netrc_credentials_are_never_sent(web, monkeypatch, tmp_path, config_factory):
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine {web.host} login alice password secret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    seen: list[str | None] = []

    def page(h):
        seen.append(h.headers.get("Authorization"))
        web.send(h, 200, web.html("Report", "<h1>Report</h1>"))

    web.routes["/report"] = page
    results = verify([web.url("/report")], config_factory())
    assert results[web.url("/report")].verdict == "alive"
    assert seen == [None]
