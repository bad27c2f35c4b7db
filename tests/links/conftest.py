"""A small real web server on 127.0.0.1 for the link tests, and a config with tiny timeouts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from footcheck.links import LinkConfig

Handler = Callable[[BaseHTTPRequestHandler], None]


def send(h: BaseHTTPRequestHandler, status: int, body: str | bytes = "",
         headers: dict[str, str] | None = None, content_type: str = "text/html; charset=utf-8",
         ) -> None:
    """Write a complete response."""
    data = body.encode() if isinstance(body, str) else body
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(data)))
    for key, value in (headers or {}).items():
        h.send_header(key, value)
    release = getattr(h, "release", None)
    if release is not None:
        release()  # before the client can have the answer and send its next request
    h.end_headers()
    if h.command != "HEAD":
        h.wfile.write(data)


def html_page(title: str, body: str = "", head: str = "") -> str:
    """A minimal HTML document."""
    return (f"<!doctype html><html><head><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")


class Web:
    """A threaded HTTP server whose answers are Python functions, keyed by path."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Handler] = {}
        self.fallback: Handler = lambda h: send(h, 404, html_page("Not Found", "<h1>404</h1>"))
        self.log: list[tuple[str, str]] = []
        self.stop = threading.Event()
        self.active = 0
        self.peak = 0
        self._lock = threading.Lock()
        web = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _any(self) -> None:
                path = self.path.split("?", 1)[0]
                with web._lock:
                    web.log.append((self.command, self.path))
                    web.active += 1
                    web.peak = max(web.peak, web.active)
                    self.counted = True
                try:
                    web.routes.get(path, web.fallback)(self)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True
                finally:
                    self.release()

            def release(self) -> None:
                """No longer count this request as active (once)."""
                with web._lock:
                    if self.counted:
                        web.active -= 1
                        self.counted = False

            do_GET = do_HEAD = _any

        self.server = ThreadingHTTPServer((host, 0), _H)
        self.server.daemon_threads = True
        self.host, self.port = self.server.server_address[:2]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)
        self.thread.start()

    send = staticmethod(send)
    html = staticmethod(html_page)

    def sleep(self, seconds: float) -> None:
        """Sleep up to ``seconds`` in a handler, waking early when the server stops."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and not self.stop.is_set():
            time.sleep(0.02)

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` on this server."""
        return f"http://{self.host}:{self.port}{path}"

    def page(self, path: str, status: int = 200, body: str | bytes = "",
             headers: dict[str, str] | None = None, **kw: str) -> str:
        """Serve a fixed answer at ``path``; returns its URL."""
        self.routes[path] = lambda h: send(h, status, body, headers, **kw)
        return self.url(path)

    def redirect(self, path: str, target: str, status: int = 301) -> str:
        """Redirect ``path`` to ``target``; returns the URL of ``path``."""
        self.routes[path] = lambda h: send(h, status, "", {"Location": target})
        return self.url(path)

    def hits(self, path: str) -> int:
        """How many requests ``path`` received (query strings ignored)."""
        return sum(1 for _, p in self.log if p.split("?", 1)[0] == path)

    def close(self) -> None:
        """Stop serving and release the port."""
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def web() -> Iterator[Web]:
    """A fresh local web server."""
    server = Web()
    yield server
    server.close()


def fast_config(**changes: object) -> LinkConfig:
    """A config for tests: local servers allowed, no cache, no archive, tiny timeouts."""
    base: dict[str, object] = dict(
        allow_private=True, use_cache=False, archive=False, network_probe=lambda: True,
        connect_timeout=1.0, read_timeout=1.0, url_timeout=4.0, total_timeout=20.0,
        host_delay=0.0, retry_delay=0.05, max_retry_after=2.0,
    )
    base.update(changes)
    return LinkConfig(**base)  # type: ignore[arg-type]


@pytest.fixture
def config_factory() -> Callable[..., LinkConfig]:
    """``fast_config`` as a fixture."""
    return fast_config



@pytest.fixture
def web_factory() -> Iterator[Callable[[str], Web]]:
    """Start more servers, on other loopback addresses (127.0.0.2…), closed after the test."""
    servers: list[Web] = []

    def make(host: str = "127.0.0.1") -> Web:
        server = Web(host)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()
