"""A local farm of misbehaving web hosts for the link-verification benchmark.

Ten hosts (or ``--hosts``) listen on 127.0.0.2 … 127.0.0.11 (all loopback on Linux), on one
port. Every answer
is delayed by ``latency`` seconds; a host serves at most ``cap`` requests at once and answers
any extra one with 429 (counted: footcheck should provoke none). What a URL does is decided by
a server-side table built from a seed; the paths are random slugs, so a checker must judge
from the responses. Hosts differ in how they answer an unknown path: a real 404, a 200 "page
not found" page, the home page with 200, or a redirect to the home page.

Run as a script, the farm prints ``READY <port>`` and serves until it reads a line on stdin,
then prints its counters as JSON and exits (it also exits by itself after ``--lifetime`` s).
"""

from __future__ import annotations

import json
import random
import select
import socket
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: behaviour → the verdict a correct checker gives
EXPECTED = {
    "alive": "alive",
    "moved": "redirected",
    "temporary": "alive",
    "gone404": "dead",
    "gone410": "dead",
    "soft404": "soft-404",
    "botwall403": "blocked",
    "botwall200": "blocked",
    "login401": "blocked",
    "retry429": "alive",
    "error500": "server-error",
    "error503": "server-error",
    "never": "timeout",
    "endless": "alive",
    "slow": "alive",
}
#: how many URLs of each behaviour one host carries (32 per host)
MIX = {
    "alive": 11, "moved": 2, "temporary": 2, "gone404": 2, "gone410": 1, "soft404": 3,
    "botwall403": 1, "botwall200": 1, "login401": 1, "retry429": 2, "error500": 1,
    "error503": 1, "never": 1, "endless": 1, "slow": 2,
}
#: how each host answers a path it does not know: a real 404, a "not found" page served with
#: 200 (titled so, headed "We couldn't find that page" under the site's name, "Oops!" with a
#: search for the path's words, or pointing its canonical link at /404), the home page with
#: 200, or a redirect to the home page
STYLES = ("hard404", "hard404", "hard404", "notfound200", "couldnt200", "oops200",
          "canonical200", "home200", "home302", "hard404")
#: the "not found" pages that say so themselves (on a host answering 404 for unknown paths, a
#: soft-404 URL serves one of these with 200, chosen by its path)
TELLING = ("notfound200", "couldnt200", "canonical200")
SECTIONS = ("news", "reports", "analysis", "opinion", "research", "world", "policy")
WORDS = ("migration", "labour", "remittance", "tbilisi", "yerevan", "sanctions", "budget",
         "energy", "inflation", "border", "visa", "housing", "exodus", "diaspora", "tax",
         "startup", "bank", "transfer", "rent", "census", "survey", "ministry", "report")


@dataclass(frozen=True)
class Url:
    """One URL of the farm and its ground truth."""

    host: str
    path: str
    behaviour: str
    target: str = ""  # the redirect target path, for moved/temporary

    @property
    def expected(self) -> str:
        """The verdict a correct checker gives."""
        return EXPECTED[self.behaviour]


def hosts(count: int = 10) -> list[str]:
    """The farm's host addresses."""
    return [f"127.0.0.{i + 2}" for i in range(count)]


def build_table(seed: int, host_count: int = 10, per_host: int = 32) -> list[Url]:
    """Every URL of the farm (cited ones and redirect targets), shuffled per host.

    With 32 URLs a host (the default) every host carries :data:`MIX` exactly; with any other
    number each URL's behaviour is drawn with MIX's weights, so hosts differ (some carry more
    endless waits than others), as real sites do.
    """
    rng = random.Random(seed)
    out: list[Url] = []
    used: set[str] = set()

    def slug() -> str:
        while True:
            words = "-".join(rng.sample(WORDS, 3))
            year = rng.randint(2015, 2024)
            path = f"/{rng.choice(SECTIONS)}/{year}/{words}-{rng.getrandbits(24):06x}"
            if path not in used:
                used.add(path)
                return path

    for host in hosts(host_count):
        if per_host == sum(MIX.values()):
            kinds = [k for k, n in MIX.items() for _ in range(n)]
            rng.shuffle(kinds)
        else:
            kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=per_host)
        for kind in kinds:
            target = slug() if kind in ("moved", "temporary") else ""
            out.append(Url(host, slug(), kind, target))
    return out


def _article(title: str, date: str, text_seed: int) -> bytes:
    rng = random.Random(text_seed)
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(40)) + ".</p>" for _ in range(12))
    return (f"<!doctype html><html><head><title>{title} | Farm Daily</title>"
            f'<meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="{date}T09:00:00Z">'
            f"</head><body><header><a href='/'>Farm Daily</a></header><h1>{title}</h1>"
            f"{paragraphs}</body></html>").encode()


def _home(host: str) -> bytes:
    items = "".join(f"<li><a href='/news/{i}'>Story number {i} about {w}</a></li>"
                    for i, w in enumerate(WORDS))
    return (f"<!doctype html><html><head><title>Farm Daily {host} — home</title></head>"
            f"<body><h1>Top stories</h1><ul>{items}</ul></body></html>").encode()


def _not_found(path: str, style: str = "notfound200") -> bytes:
    """A "not found" page served with 200, in one of the farm's styles."""
    popular = "".join(f"<li><a href='/news/{i}'>Story number {i} about {w}</a></li>"
                      for i, w in enumerate(WORDS[:8]))
    words = " ".join(path.rsplit("/", 1)[-1].split("-")[:3])
    if style == "couldnt200":
        return ("<!doctype html><html><head><title>Farm Daily</title></head><body>"
                f"<h1>We couldn't find that page</h1><p>Nothing lives at {path} any more.</p>"
                f"<h2>Popular stories</h2><ul>{popular}</ul></body></html>").encode()
    if style == "oops200":
        return ("<!doctype html><html><head><title>Oops! | Farm Daily</title></head><body>"
                f"<h1>Oops!</h1><p>The link to {path} may be broken.</p>"
                f"<form><input name='q' value='{words}'></form><p>Search for “{words}”"
                f" in our archive instead.</p><ul>{popular}</ul></body></html>").encode()
    if style == "canonical200":
        return ("<!doctype html><html><head><title>Farm Daily</title>"
                "<link rel='canonical' href='/404'></head><body><h1>Farm Daily</h1>"
                f"<p>Latest stories</p><ul>{popular}</ul></body></html>").encode()
    return ("<!doctype html><html><head><title>Page not found | Farm Daily</title></head>"
            f"<body><h1>Sorry, we couldn't find that page</h1><p>{path}</p>"
            "<p>Try the search box or go back to the home page.</p></body></html>").encode()


CHALLENGE = (b"<!doctype html><html><head><title>Just a moment...</title>"
             b'<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script>'
             b"</head><body><div id='cf-challenge'>Checking your browser before accessing"
             b" the site.</div></body></html>")
LOGIN = (b"<!doctype html><html><head><title>Sign in</title></head><body>"
         b"<form><input name='user'><input type='password' name='pw'></form></body></html>")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up (timeouts, byte caps) are part of the game: stay quiet."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class Farm:
    """The running farm: one threaded server per host, sharing counters."""

    def __init__(self, table: list[Url], port: int = 0, latency: float = 0.05, cap: int = 4,
                 host_count: int = 10) -> None:
        self.latency = latency
        self.cap = cap
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.by_path = {(u.host, u.path): u for u in table}
        self.targets = {(u.host, u.target) for u in table if u.target}
        self.styles = {host: STYLES[i % len(STYLES)] for i, host in enumerate(hosts(host_count))}
        self.active: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.cap_429: dict[str, int] = {}
        self.requests: dict[str, int] = {}
        self.seen_429: set[tuple[str, str]] = set()
        self.servers: list[_Server] = []
        handler = self._handler_class()
        for host in hosts(host_count):
            server = _Server((host, port), handler)
            port = server.server_address[1]
            self.servers.append(server)
            threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True).start()
        self.port = port

    def stats(self) -> dict[str, object]:
        """Counters: requests, peak concurrency and cap-exceeded 429s per host."""
        with self.lock:
            return {"requests": dict(self.requests), "peak": dict(self.peak),
                    "cap_429": dict(self.cap_429), "cap_429_total": sum(self.cap_429.values()),
                    "requests_total": sum(self.requests.values())}

    def close(self) -> None:
        """Stop every server."""
        self.stop.set()
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        farm = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "FarmDaily/1.0"

            def log_message(self, *args: object) -> None:
                pass

            def do_HEAD(self) -> None:
                self.do_GET()

            def do_GET(self) -> None:
                host = self.server.server_address[0]
                with farm.lock:
                    farm.requests[host] = farm.requests.get(host, 0) + 1
                    over = farm.active.get(host, 0) >= farm.cap
                    if not over:
                        farm.active[host] = farm.active.get(host, 0) + 1
                        farm.peak[host] = max(farm.peak.get(host, 0), farm.active[host])
                    else:
                        farm.cap_429[host] = farm.cap_429.get(host, 0) + 1
                self._released = False
                time.sleep(farm.latency)
                if over:
                    self._send(429, b"Too many simultaneous requests", {"Retry-After": "1"},
                               "text/plain", release=False)
                    return
                try:
                    self._serve(host)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True
                finally:
                    self._release(host)

            def _release(self, host: str) -> None:
                if getattr(self, "_released", False):
                    return
                self._released = True
                with farm.lock:
                    farm.active[host] -= 1

            def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None,
                      ctype: str = "text/html; charset=utf-8", release: bool = True) -> None:
                if release:  # the work is done: the answer is on its way
                    self._release(self.server.server_address[0])
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def _unknown(self, host: str, path: str) -> None:
                style = farm.styles[host]
                if style == "hard404":
                    self._send(404, b"<html><head><title>404 Not Found</title></head>"
                                    b"<body><h1>Not Found</h1></body></html>")
                elif style.endswith("200") and style != "home200":
                    self._send(200, _not_found(path, style))
                elif style == "home200":
                    self._send(200, _home(host))
                else:
                    self._send(302, b"", {"Location": "/"})

            def _serve(self, host: str) -> None:
                path = self.path.split("?", 1)[0]
                if path == "/":
                    self._send(200, _home(host))
                    return
                if (host, path) in farm.targets:
                    self._send(200, _article(f"Moved story {path[-6:]}", "2021-04-05",
                                             len(path)))
                    return
                url = farm.by_path.get((host, path))
                if url is None:
                    self._unknown(host, path)
                    return
                kind = url.behaviour
                title = " ".join(w.capitalize() for w in path.rsplit("/", 1)[1].split("-")[:3])
                date = f"{2015 + len(path) % 9}-{len(path) % 12 + 1:02d}-{len(path) % 28 + 1:02d}"
                article = _article(title, date, len(path))
                if kind == "alive":
                    self._send(200, article)
                elif kind in ("moved", "temporary"):
                    status = 301 if kind == "moved" else 302
                    self._send(status, b"", {"Location": url.target})
                elif kind == "gone404":
                    self._send(404, b"<html><head><title>404 Not Found</title></head></html>")
                elif kind == "gone410":
                    self._send(410, b"<html><head><title>Gone</title></head></html>")
                elif kind == "soft404":
                    if farm.styles[host] == "hard404":
                        style = TELLING[sum(path.encode()) % len(TELLING)]
                        self._send(200, _not_found(path, style))
                    else:
                        self._unknown(host, path)
                elif kind == "botwall403":
                    self._send(403, CHALLENGE, {"Server": "cloudflare"})
                elif kind == "botwall200":
                    self._send(200, CHALLENGE)
                elif kind == "login401":
                    self._send(401, LOGIN, {"WWW-Authenticate": 'Basic realm="members"'})
                elif kind == "retry429":
                    with farm.lock:
                        first = (host, path) not in farm.seen_429
                        farm.seen_429.add((host, path))
                    if first:
                        self._send(429, b"Slow down", {"Retry-After": "1"}, "text/plain")
                    else:
                        self._send(200, article)
                elif kind == "error500":
                    self._send(500, b"<html><head><title>Internal Server Error</title></head>")
                elif kind == "error503":
                    self._send(503, b"<html><head><title>Service Unavailable</title></head>",
                               {"Retry-After": "1"})
                elif kind == "never":
                    self._hang()
                elif kind == "endless":
                    self._endless(title)
                elif kind == "slow":
                    self._wait(2.0)
                    self._send(200, article)

            def _client_gone(self) -> bool:
                readable, _, _ = select.select([self.connection], [], [], 0)
                if not readable:
                    return False
                try:
                    return self.connection.recv(1, socket.MSG_PEEK) == b""
                except OSError:
                    return True

            def _wait(self, seconds: float) -> None:
                end = time.monotonic() + seconds
                while time.monotonic() < end and not farm.stop.is_set():
                    time.sleep(0.02)

            def _hang(self) -> None:
                while not farm.stop.is_set() and not self._client_gone():
                    time.sleep(0.05)
                self.close_connection = True

            def _endless(self, title: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(f"<!doctype html><html><head><title>{title}</title></head>"
                                 "<body>".encode())
                chunk = b"<p>" + b"stream " * 2000 + b"</p>\n"
                while not farm.stop.is_set():
                    self.wfile.write(chunk)
                self.close_connection = True

        return Handler


def main() -> None:
    """Serve the farm until a line arrives on stdin (or ``--lifetime`` seconds pass)."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--cap", type=int, default=4)
    parser.add_argument("--lifetime", type=float, default=600.0)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--urls-per-host", type=int, default=32)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    farm = Farm(build_table(args.seed, args.hosts, args.urls_per_host), port=args.port,
                latency=args.latency, cap=args.cap, host_count=args.hosts)
    print(f"READY {farm.port}", flush=True)
    reader = threading.Thread(target=sys.stdin.readline, daemon=True)
    reader.start()
    reader.join(args.lifetime)
    print(json.dumps(farm.stats()), flush=True)
    farm.close()


if __name__ == "__main__":
    main()
