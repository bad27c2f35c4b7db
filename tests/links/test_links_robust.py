"""Never crash, never hang, never leak: raw misbehaving servers, the archive URL, the
private-address allow list and a broken, locked or private link cache."""

from __future__ import annotations

import contextlib
import json
import socket
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from footcheck.links import REFUSED_PRIVATE, LinkConfig, verify
from footcheck.links.guard import PrivatePolicy

ARTICLE = "<p>Long enough article text about relocation and remittances.</p>" * 20


class RawServer:
    """A TCP server on 127.0.0.1 whose every connection is handled by ``serve(conn, stop)``."""

    def __init__(self, serve: Callable[[socket.socket, threading.Event], None]) -> None:
        self.stop = threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._serve = serve
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(2)
            with contextlib.suppress(OSError):
                conn.recv(65536)  # the request
            self._serve(conn, self.stop)
        except OSError:
            pass
        finally:
            conn.close()

    def url(self, path: str = "/page") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture
def raw() -> Iterator[Callable[..., RawServer]]:
    servers: list[RawServer] = []

    def make(serve: Callable[[socket.socket, threading.Event], None]) -> RawServer:
        server = RawServer(serve)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


def _header_trickle(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nX: ")
    while not stop.wait(0.5):
        conn.sendall(b"a")


# --- 1. the hang ------------------------------------------------------------------------------
def test_headers_trickled_a_byte_at_a_time_time_out_on_time(raw, config_factory):
    server = raw(_header_trickle)
    url = server.url()
    cfg = config_factory(connect_timeout=1.0, read_timeout=10.0, url_timeout=2.0,
                         total_timeout=30.0)
    started = time.monotonic()
    r = verify([url], cfg)[url]
    took = time.monotonic() - started
    assert r.verdict == "timeout", r
    assert took < 6.0  # the deadline, not the 10 s read timeout: a bound far from both
    # nothing is left reading the trickle: the request's thread has ended
    time.sleep(0.2)
    assert not [t for t in threading.enumerate() if t.name.startswith("footcheck-link")]


def test_tls_handshake_trickle_times_out(raw, config_factory):
    def handshake_trickle(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"\x16\x03\x03\x40\x00")  # a TLS handshake record of 16 KiB...
        while not stop.wait(0.2):
            conn.sendall(b"\x00")  # ...sent a byte at a time

    server = raw(handshake_trickle)
    url = f"https://127.0.0.1:{server.port}/page"
    started = time.monotonic()
    # (CPython bounds a whole handshake by the connect timeout; make that one long)
    r = verify([url], config_factory(connect_timeout=5.0, read_timeout=10.0, url_timeout=1.5,
                                     total_timeout=30.0))[url]
    took = time.monotonic() - started
    assert r.verdict == "timeout", r
    assert took < 4.0  # the 1.5 s deadline, not the 5 s connect timeout


def test_header_trickle_ends_at_the_read_timeout_too(raw, config_factory):
    server = raw(_header_trickle)
    url = server.url()
    r = verify([url], config_factory(read_timeout=1.0, url_timeout=30.0,
                                     total_timeout=60.0))[url]
    assert r.verdict == "timeout" and "1 s" in r.detail  # the read timeout, not the 30 s


def test_header_trickle_ends_with_the_whole_run(raw, config_factory):
    server = raw(_header_trickle)
    url = server.url()
    r = verify([url], config_factory(read_timeout=30.0, url_timeout=30.0,
                                     total_timeout=1.5))[url]
    assert r.verdict == "unverified" and "total time budget" in r.detail


# --- 2. malformed answers ---------------------------------------------------------------------
def test_response_cut_off_in_its_headers_is_unreachable(raw, config_factory):
    def cut(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/ht")

    server = raw(cut)
    r = verify([server.url()], config_factory())[server.url()]
    assert r.verdict == "unreachable", r
    assert "cut off" in r.detail


def test_conflicting_content_lengths_are_unreachable(raw, config_factory):
    def two_lengths(conn: socket.socket, stop: threading.Event) -> None:
        body = b"<html><title>x</title></html>"
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n"
                     b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)

    server = raw(two_lengths)
    r = verify([server.url()], config_factory())[server.url()]
    assert r.verdict == "unreachable", r
    assert "invalid URL" not in r.detail


# --- 3. the archive snapshot URL --------------------------------------------------------------
@pytest.mark.parametrize("snapshot", ["javascript:alert(document.domain)",
                                      "data:text/html,<script>alert(1)</script>",
                                      "//web.archive.org/web/2020/x", "ftp://archive.example/x"])
def test_archive_snapshot_must_be_http(web, config_factory, snapshot):
    def handler(h):
        closest = {"available": True, "status": "200", "timestamp": "20200101000000",
                   "url": snapshot}
        web.send(h, 200, json.dumps({"archived_snapshots": {"closest": closest}}),
                 content_type="application/json")

    web.routes["/wayback/available"] = handler
    dead = web.url("/dead")
    r = verify([dead], config_factory(archive=True,
                                      archive_endpoint=web.url("/wayback/available")))[dead]
    assert r.verdict == "dead" and r.archive_url is None


def test_trickling_archive_api_is_bounded(web, config_factory):
    def handler(h):
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.end_headers()
        for ch in b'{"archived_snapshots": {"closest": {"available": true, "url": "':
            h.wfile.write(bytes([ch]))
            h.wfile.flush()
            if web.stop.wait(0.3):
                return

    web.routes["/wayback/available"] = handler
    dead = web.url("/dead")
    started = time.monotonic()
    r = verify([dead], config_factory(archive=True, read_timeout=1.0, connect_timeout=1.0,
                                      archive_endpoint=web.url("/wayback/available")))[dead]
    took = time.monotonic() - started
    assert r.verdict == "dead" and r.archive_url is None
    assert took < 2.0 + 2.0


def test_archive_https_snapshot_is_kept(web, config_factory):
    def handler(h):
        closest = {"available": True, "status": "200", "url": "https://archive.example/s/1"}
        web.send(h, 200, json.dumps({"archived_snapshots": {"closest": closest}}),
                 content_type="application/json")

    web.routes["/wayback/available"] = handler
    dead = web.url("/dead")
    r = verify([dead], config_factory(archive=True,
                                      archive_endpoint=web.url("/wayback/available")))[dead]
    assert r.archive_url == "https://archive.example/s/1"


# --- 4. allowing some private addresses -------------------------------------------------------
def test_policy_parses_networks_and_hosts():
    policy = PrivatePolicy.of(["127.0.0.0/8", "Intranet.Example.", "10.1.2.3", "fd00::/8"])
    assert policy.allows("x", "127.0.0.5") and policy.allows("x", "10.1.2.3")
    assert not policy.allows("x", "10.1.2.4") and not policy.allows("x", "169.254.169.254")
    assert policy.allows("intranet.example", "192.168.1.1")
    assert policy.allows("x", "fd00::1") and policy.allows("x", "::ffff:127.0.0.1")
    assert policy.allows("x", "93.184.216.34")  # public addresses are always allowed
    assert PrivatePolicy.of(True).allows("x", "10.0.0.1")
    assert not PrivatePolicy.of(False).allows("x", "10.0.0.1")
    with pytest.raises(ValueError):
        PrivatePolicy.of(["10.0.0.0/33"])
    with pytest.raises(ValueError):
        PrivatePolicy.of(["bad host/name"])


def test_allowed_range_is_checked_and_others_refused(web, web_factory, config_factory):
    other = web_factory("127.0.0.2")
    ok = web.page("/ok", body=web.html("OK", ARTICLE))
    other.page("/admin", body=web.html("Router admin"))
    cfg = config_factory(allow_private=["127.0.0.1/32"], soft404_probe=False)
    results = verify([ok, other.url("/admin")], cfg)
    assert results[ok].verdict == "alive"
    refused = results[other.url("/admin")]
    assert refused.verdict == "unverified" and refused.detail.startswith(REFUSED_PRIVATE)
    assert other.log == []


def test_allowed_host_name(web, config_factory):
    web.page("/x", body=web.html("X", ARTICLE))
    url = f"http://localhost:{web.port}/x"
    cfg = config_factory(allow_private=["localhost"], soft404_probe=False)
    assert verify([url], cfg)[url].verdict == "alive"
    refused = verify([web.url("/x")], cfg)[web.url("/x")]
    assert refused.verdict == "unverified" and refused.detail.startswith(REFUSED_PRIVATE)


def test_redirect_out_of_the_allowed_range_is_refused(web, web_factory, config_factory):
    internal = web_factory("127.0.0.2")
    internal.page("/latest/meta-data", body=web.html("Metadata"))
    url = web.redirect("/innocent", internal.url("/latest/meta-data"), 302)
    r = verify([url], config_factory(allow_private="127.0.0.1"))[url]
    assert r.verdict == "unverified" and r.detail.startswith(REFUSED_PRIVATE)
    assert internal.log == [] and web.hits("/innocent") == 1


def test_connection_check_honours_the_allow_list(web, web_factory, config_factory,
                                                 monkeypatch):
    import footcheck.links.guard as guard

    internal = web_factory("127.0.0.2")
    internal.page("/admin", body=web.html("Router admin"))
    real = guard.PrivatePolicy.allows
    # The name check is fooled (as by DNS rebinding); the connection check is not.
    monkeypatch.setattr(guard.PrivatePolicy, "allows",
                        lambda self, host, address, connected=False:
                        True if not connected else real(self, host, address))
    r = verify([internal.url("/admin")], config_factory(allow_private=["127.0.0.1"]))
    assert r[internal.url("/admin")].verdict == "unverified"
    assert internal.log == []


# --- 5. the link cache ------------------------------------------------------------------------
def _cfg(config_factory, path, warnings):
    return config_factory(use_cache=True, cache_path=path, soft404_probe=False,
                          on_warning=warnings.append)


def test_cache_that_is_not_sqlite_is_said_once(web, config_factory, tmp_path):
    path = tmp_path / "links.sqlite"
    path.write_bytes(b"this is not a database, just text" * 100)
    url = web.page("/a", body=web.html("A", ARTICLE))
    warnings: list[str] = []
    assert verify([url], _cfg(config_factory, path, warnings))[url].verdict == "alive"
    assert len(warnings) == 1
    assert "link cache" in warnings[0] and str(path) in warnings[0]
    assert "checked without it" in warnings[0]


def test_unwritable_cache_folder_is_said(web, config_factory, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    url = web.page("/a", body=web.html("A", ARTICLE))
    warnings: list[str] = []
    cfg = _cfg(config_factory, blocker / "sub" / "links.sqlite", warnings)
    assert verify([url], cfg)[url].verdict == "alive"
    assert len(warnings) == 1


def test_locked_cache_is_skipped_quickly_with_one_message(web, config_factory, tmp_path):
    path = tmp_path / "links.sqlite"
    url = web.page("/a", body=web.html("A", ARTICLE))
    verify([url], _cfg(config_factory, path, []))  # create it
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        warnings: list[str] = []
        started = time.monotonic()
        r = verify([url], _cfg(config_factory, path, warnings))[url]
        took = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert r.verdict == "alive" and not r.from_cache
    assert took < 3.5  # waited about 0.5 s, not the 5 s it used to add
    assert len(warnings) == 1 and "locked" in warnings[0]


def test_default_warning_goes_to_stderr(web, config_factory, tmp_path, capsys):
    path = tmp_path / "links.sqlite"
    path.write_bytes(b"garbage" * 200)
    url = web.page("/a", body=web.html("A", ARTICLE))
    verify([url], config_factory(use_cache=True, cache_path=path, soft404_probe=False))
    err = capsys.readouterr().err
    assert err.count("footcheck: warning: link cache") == 1


def test_cache_file_and_folder_are_private(web, config_factory, tmp_path):
    path = tmp_path / "cachedir" / "footcheck" / "links.sqlite"
    url = web.page("/a", body=web.html("A", ARTICLE))
    verify([url], _cfg(config_factory, path, []))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_existing_cache_file_is_made_private(web, config_factory, tmp_path):
    path = tmp_path / "links.sqlite"
    sqlite3.connect(str(path)).close()
    path.chmod(0o644)
    url = web.page("/a", body=web.html("A", ARTICLE))
    verify([url], _cfg(config_factory, path, []))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_linkconfig_accepts_a_list_of_networks():
    import ipaddress

    cfg = LinkConfig(allow_private=[ipaddress.ip_network("10.0.0.0/8"), "intranet.example"])
    assert PrivatePolicy.of(cfg.allow_private).allows("x", "10.2.3.4")


# --- the command line -------------------------------------------------------------------------
def _audit(tmp_path, url, *args):
    from click.testing import CliRunner

    from footcheck.cli import cli

    brief = tmp_path / "brief.txt"
    brief.write_text(f"Claim.^{{1}}\n\n^{{1}} Org (2023). 'A.' <{url}>\n", encoding="utf-8")
    argv = ["audit", "-f", "json", "--no-cache",
            *[str(brief) if a == "BRIEF" else a for a in args]]
    result = CliRunner().invoke(cli, argv)
    try:
        return result, json.loads(result.output)["links"][0]
    except (ValueError, KeyError, IndexError):
        return result, None


@pytest.mark.parametrize("args, verdict", [
    (("BRIEF",), "unverified"),
    (("--allow-private", "BRIEF"), "alive"),  # bare, before the document: allow all
    (("BRIEF", "--allow-private"), "alive"),
    (("--allow-private", "127.0.0.0/8,intranet.example", "BRIEF"), "alive"),
    (("--allow-private=127.0.0.1", "BRIEF"), "alive"),
    (("--allow-private", "10.0.0.0/8", "BRIEF"), "unverified"),
    (("--allow-private", "127.0.0.2,localhost", "BRIEF"), "unverified"),
])
def test_cli_allow_private(web, tmp_path, args, verdict):
    url = web.page("/a", body=web.html("A", ARTICLE))
    result, link = _audit(tmp_path, url, *args)
    assert link is not None, result.output
    assert link["verdict"] == verdict


def test_cli_allow_private_rejects_a_bad_range(web, tmp_path):
    result, _ = _audit(tmp_path, web.url("/a"), "--allow-private=10.0.0.0/33", "BRIEF")
    assert result.exit_code == 2
    assert "CIDR" in result.output
