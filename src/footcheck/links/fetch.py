"""One HTTP request at a time, with bounded time and memory; redirects are left to the caller.

Every request is streamed: the status line and headers arrive first, then at most
``max_body_bytes`` of the (decoded) body are read, and reading stops at the per-URL deadline,
so an endless or trickling body can neither hang footcheck nor fill its memory. Connections
are made by a transport adapter that checks the address it actually connected to, so a name
that re-resolves to a private address between the guard's check and the request is refused too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError

from .config import REFUSED_PRIVATE, LinkConfig
from .guard import is_public

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 65_536


class _PeerCheck:
    """Mixin for urllib3 connections: refuse a socket whose peer is not a public address."""

    def _new_conn(self):  # type: ignore[no-untyped-def]
        sock = super()._new_conn()  # type: ignore[misc]
        try:
            peer = sock.getpeername()[0]
        except OSError:
            peer = ""
        if not is_public(str(peer)):
            sock.close()
            raise NewConnectionError(self, f"{REFUSED_PRIVATE} {peer}")  # type: ignore[arg-type]
        return sock


class _GuardedHTTPConnection(_PeerCheck, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_PeerCheck, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection  # type: ignore[assignment]


class _GuardedAdapter(HTTPAdapter):
    """An adapter whose direct (non-proxied) connections must reach public addresses."""

    def init_poolmanager(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        """Create the pool manager with connection pools that check their peer."""
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _GuardedHTTPPool,
            "https": _GuardedHTTPSPool,
        }


def make_session(config: LinkConfig) -> requests.Session:
    """A session sending the headers a browser sends, with a connection pool per host."""
    session = requests.Session()
    session.headers.update({
        "User-Agent": config.user_agent,
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language": config.accept_language,
        "Accept-Encoding": "gzip, deflate",
        "Upgrade-Insecure-Requests": "1",
        "Sec-Fetch-Dest": "document",
        "Sec-Fetch-Mode": "navigate",
        "Sec-Fetch-Site": "none",
        "Sec-Fetch-User": "?1",
    })
    adapter_cls = HTTPAdapter if config.allow_private else _GuardedAdapter
    adapter = adapter_cls(pool_connections=16, pool_maxsize=max(1, config.per_host),
                          max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


@dataclass
class Fetched:
    """What one request returned: status, headers and the first bytes of the body."""

    url: str
    status: int
    headers: CaseInsensitiveDict = field(repr=False)
    body: bytes = b""
    truncated: bool = False
    elapsed: float = 0.0

    @property
    def content_type(self) -> str:
        """The media type, lower case, without parameters."""
        return self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()

    @property
    def is_html(self) -> bool:
        """True for HTML, or for a body of unknown type that looks like HTML."""
        ctype = self.content_type
        if ctype in HTML_TYPES:
            return True
        if not ctype or ctype == "text/plain":
            return self.body[:512].lstrip().lower().startswith((b"<!doctype html", b"<html"))
        return False

    @property
    def charset(self) -> str | None:
        """The charset named in the Content-Type header, if any."""
        for part in self.headers.get("Content-Type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def _body_limit(method: str, status: int, headers: CaseInsensitiveDict, cap: int) -> int:
    """How many body bytes to read: the cap for HTML-ish pages, all of a small other body
    (so the connection can be reused), none of a large one."""
    if method == "HEAD":
        return _CHUNK
    ctype = headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
    if not 300 <= status < 400 and (not ctype or ctype in HTML_TYPES or ctype == "text/plain"):
        return cap
    try:
        length = int(headers.get("Content-Length", ""))
    except ValueError:
        return 0
    return length if 0 <= length <= _CHUNK else 0


def fetch(session: requests.Session, method: str, url: str, config: LinkConfig,
          deadline: float) -> Fetched:
    """Send one request without following redirects and read a bounded part of the body.

    The body is read only for HTML-ish answers that are not redirects, up to
    ``config.max_body_bytes`` bytes or until ``deadline`` (a ``time.monotonic()`` value).
    Raises :class:`requests.RequestException` when no response arrives (connection failure,
    timeout); an error in the middle of the body keeps what was read and marks it truncated.
    """
    remaining = max(0.05, deadline - time.monotonic())
    timeout = (min(config.connect_timeout, remaining), min(config.read_timeout, remaining))
    started = time.monotonic()
    resp = session.request(method, url, allow_redirects=False, stream=True, timeout=timeout)
    consumed = False
    try:
        out = Fetched(url=url, status=resp.status_code, headers=resp.headers)
        limit = _body_limit(method, resp.status_code, resp.headers, config.max_body_bytes)
        chunks: list[bytes] = []
        size = 0
        try:
            while limit:
                if size >= limit:
                    out.truncated = True
                    break
                if time.monotonic() > deadline:
                    out.truncated = True
                    break
                chunk = resp.raw.read1(min(_CHUNK, limit - size), decode_content=True)
                if not chunk:
                    # A server may send a body after a HEAD answer anyway: never reuse
                    # that connection, its next answer could be the stray body.
                    consumed = method != "HEAD"
                    break
                chunks.append(chunk)
                size += len(chunk)
        except (urllib3.exceptions.HTTPError, OSError):
            out.truncated = True
        out.body = b"" if 300 <= resp.status_code < 400 else b"".join(chunks)
        out.elapsed = time.monotonic() - started
        return out
    finally:
        if consumed:
            resp.raw.release_conn()
        else:
            resp.close()
