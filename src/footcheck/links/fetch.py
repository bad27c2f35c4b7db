"""One HTTP request at a time, with bounded time and memory; redirects are left to the caller.

Every request is streamed: the status line and headers arrive first, then at most
``max_body_bytes`` of the (decoded) body are read, and reading stops at the per-URL deadline,
so an endless or trickling body can neither hang footcheck nor fill its memory.

Socket timeouts bound each ``recv``, not a whole answer: a server sending its headers a byte
at a time would never time out. So every request runs under a :class:`_Watch`: one
watchdog thread shuts down the request's sockets when its deadline passes, which ends any
blocked read at once. The deadline is ``connect_timeout + read_timeout`` for connecting and
sending, then ``read_timeout`` for the status line and headers once the request is sent, then
the per-URL deadline for the body (never later than the per-URL deadline, which is never
later than the run's). Connections are made by connection classes that also check the address
they actually connected to against the :class:`~footcheck.links.guard.PrivatePolicy`, so a
name that re-resolves to a private address between the guard's check and the request is
refused too, and a status line or headers cut off by the end of the connection are an error,
not an empty set of headers.
"""

from __future__ import annotations

import http.client
import ipaddress
import math
import os
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError

from .config import REFUSED_PRIVATE, LinkConfig
from .guard import PrivatePolicy, is_public

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 65_536
#: Part of the error message of a response whose status line or headers were cut off.
CUT_OFF = "response cut off in its headers"


class DeadlineExceeded(requests.exceptions.ReadTimeout):
    """The answer did not arrive in time (the watchdog closed the connection)."""


class ResponseCutOff(http.client.RemoteDisconnected):
    """The connection ended before the blank line closing the headers."""


# --- the watchdog --------------------------------------------------------------------------
class _Watch:
    """The sockets of one request, shut down when its deadline passes.

    Each socket is registered as a duplicate of its file descriptor: shutting the duplicate
    down ends the connection (and wakes a thread blocked reading it, even inside a TLS
    handshake, where the original socket object has been handed over to the TLS layer) and
    the duplicate, being ours, can never be a reused descriptor of another connection.
    """

    def __init__(self, deadline: float, read_timeout: float, limit: float) -> None:
        self.deadline = deadline
        self.read_timeout = read_timeout
        self.limit = limit  # the per-URL deadline: no phase may end later
        self.expired = False
        self._lock = threading.Lock()
        self._dups: list[socket.socket] = []
        self._closed = False

    def add(self, sock: socket.socket | None) -> None:
        """Watch ``sock`` (shut down at once if the deadline has already passed)."""
        if sock is None:
            return
        try:
            dup = socket.socket(fileno=os.dup(sock.fileno()))
        except (OSError, ValueError):
            return
        with self._lock:
            if self._closed:
                dup.close()
                return
            self._dups.append(dup)
            if self.expired:
                _shutdown(dup)

    def fire(self) -> None:
        """The deadline passed: end every connection of the request."""
        with self._lock:
            if self._closed:
                return
            self.expired = True
            for dup in self._dups:
                _shutdown(dup)

    def close(self) -> None:
        """The request is over: release the duplicates (the connections stay usable)."""
        with self._lock:
            self._closed = True
            dups, self._dups = self._dups, []
        for dup in dups:
            with suppress(OSError):
                dup.close()


def _shutdown(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _Watchdog:
    """One daemon thread firing the watches whose deadline has passed.

    The thread sleeps until the earliest deadline it saw and is woken only for an earlier
    one: starting and moving a watch (three times a request) rarely wakes it, since a new
    deadline lies beyond the ones already waited for.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._watches: set[_Watch] = set()
        self._thread: threading.Thread | None = None
        self._wake = math.inf  # when the thread wakes next, unless woken earlier

    def _changed(self, deadline: float) -> None:
        """A watch now ends at ``deadline`` (the lock is held)."""
        if deadline < self._wake:
            self._wake = deadline
            self._cond.notify()

    def start(self, watch: _Watch) -> None:
        with self._cond:
            self._watches.add(watch)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="footcheck-watchdog",
                                                daemon=True)
                self._thread.start()
            self._changed(watch.deadline)

    def move(self, watch: _Watch, deadline: float) -> None:
        """Change the deadline of ``watch`` (never beyond its per-URL limit)."""
        with self._cond:
            watch.deadline = min(deadline, watch.limit)
            self._changed(watch.deadline)

    def stop(self, watch: _Watch) -> None:
        with self._cond:
            self._watches.discard(watch)
        watch.close()

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                due = [w for w in self._watches if w.deadline <= now]
                for watch in due:
                    self._watches.discard(watch)
                    watch.fire()
                self._wake = min((w.deadline for w in self._watches), default=math.inf)
                self._cond.wait(None if self._wake == math.inf
                                else max(0.005, self._wake - now))


_WATCHDOG = _Watchdog()
_current = threading.local()


@dataclass
class _Context:
    policy: PrivatePolicy
    watch: _Watch | None


@contextmanager
def guarded(policy: PrivatePolicy, deadline: float | None = None, read_timeout: float = 0.0,
            first: float | None = None) -> Iterator[_Watch | None]:
    """Run the requests of this block under ``policy`` and, with a ``deadline``, a watch.

    ``first`` is the deadline until the request is sent (default: ``deadline``); once sent,
    the answer's headers must be complete within ``read_timeout`` (and by ``deadline``).
    """
    watch = None
    if deadline is not None:
        start = deadline if first is None else min(first, deadline)
        watch = _Watch(start, read_timeout or (deadline - time.monotonic()), deadline)
        _WATCHDOG.start(watch)
    previous = getattr(_current, "context", None)
    _current.context = _Context(policy, watch)
    try:
        yield watch
    finally:
        _current.context = previous
        if watch is not None:
            _WATCHDOG.stop(watch)


def _context() -> _Context | None:
    return getattr(_current, "context", None)


def _watching_body(watch: _Watch | None) -> None:
    """The headers are in: from now on only the per-URL deadline bounds the request."""
    if watch is not None:
        _WATCHDOG.move(watch, watch.limit)


# --- connections -----------------------------------------------------------------------------
class _CheckedResponse(http.client.HTTPResponse):
    """An http.client response that refuses a status line or headers cut off by EOF."""

    def begin(self) -> None:
        if self.headers is not None:
            return
        real = self.fp
        tap = _LineTap(real)
        self.fp = tap  # type: ignore[assignment]
        try:
            super().begin()
        finally:
            self.fp = real
        if tap.last not in (b"\r\n", b"\n"):
            self.close()
            raise ResponseCutOff(CUT_OFF)


class _LineTap:
    """Remembers the last line read through it (only ``readline`` is used by ``begin``)."""

    def __init__(self, fp) -> None:  # type: ignore[no-untyped-def]
        self._fp = fp
        self.last = b""

    def readline(self, limit: int = -1) -> bytes:
        self.last = self._fp.readline(limit)
        return self.last

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._fp, name)


class _Guarded:
    """Mixin for urllib3 connections: register sockets with the request's watch, refuse a
    peer the private-address policy does not allow, refuse a cut-off answer."""

    response_class = _CheckedResponse

    def _new_conn(self):  # type: ignore[no-untyped-def]
        sock = super()._new_conn()  # type: ignore[misc]
        context = _context()
        policy = context.policy if context is not None else PrivatePolicy()
        if context is not None and context.watch is not None:
            context.watch.add(sock)
        if not policy.allow_all:
            try:
                peer = str(sock.getpeername()[0])
            except OSError:
                peer = ""
            if not (is_public(peer) or policy.exempt(str(self.host), peer)):  # type: ignore[attr-defined]
                sock.close()
                raise NewConnectionError(self, f"{REFUSED_PRIVATE} {peer}")  # type: ignore[arg-type]
        return sock

    def request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        context = _context()
        if context is not None and context.watch is not None:
            context.watch.add(self.sock)  # type: ignore[attr-defined]  # a reused connection
        return super().request(*args, **kwargs)  # type: ignore[misc]

    def getresponse(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        context = _context()
        watch = context.watch if context is not None else None
        if watch is not None:  # the request is sent: the headers are due within read_timeout
            _WATCHDOG.move(watch, time.monotonic() + watch.read_timeout)
        _quick_ack(self.sock)
        return super().getresponse(*args, **kwargs)  # type: ignore[misc]


def _quick_ack(sock: socket.socket | None) -> None:
    """Acknowledge the answer's first bytes at once (Linux), not after the usual 40 ms.

    A server that writes its headers and its body separately without ``TCP_NODELAY`` (as
    Python's ``http.server`` does) holds the body back until the headers are acknowledged:
    with delayed acknowledgement every answer took 40 ms longer (96 ms instead of 53 ms for
    an answer due after 50 ms).
    """
    with suppress(AttributeError, OSError):  # not Linux, or no socket
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)  # type: ignore[union-attr]


class _GuardedHTTPConnection(_Guarded, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_Guarded, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection  # type: ignore[assignment]


class _GuardedAdapter(HTTPAdapter):
    """An adapter whose direct (non-proxied) connections are watched and guarded."""

    def init_poolmanager(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        """Create the pool manager with connection pools that check their peer."""
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _GuardedHTTPPool,
            "https": _GuardedHTTPSPool,
        }


class _Session(requests.Session):
    """A session that reads the environment once, when made, not on every request.

    requests, trusting the environment, reads every environment variable two or three times
    per request to find proxies, and ``~/.netrc`` for credentials (a tenth of the checker's
    CPU per URL). Here the proxies (``http_proxy``, ``https_proxy``, ``all_proxy``,
    ``no_proxy`` with host suffixes and CIDR ranges, as requests reads them) and the CA bundle
    (``REQUESTS_CA_BUNDLE``, ``CURL_CA_BUNDLE``) are read once. Credentials from ``~/.netrc``
    are never sent: a cited URL is not a host the user chose to log in to.
    """

    def __init__(self) -> None:
        super().__init__()
        self.trust_env = False
        self.verify = (os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
                       or True)
        proxies = urllib.request.getproxies_environment()
        self._no_proxy = proxies.pop("no", "")
        self._proxies = proxies
        self._no_networks = tuple(_networks(self._no_proxy))

    def proxies_for(self, url: str) -> dict[str, str]:
        """The proxy the environment names for ``url``, by scheme ({} for none)."""
        if not self._proxies:
            return {}
        parts = urlsplit(url)
        proxy = self._proxies.get(parts.scheme) or self._proxies.get("all")
        if not proxy or self._bypassed(parts.hostname or ""):
            return {}
        return {parts.scheme: proxy}

    def _bypassed(self, host: str) -> bool:
        """Whether ``no_proxy`` exempts ``host``: a CIDR range holding it, or what urllib
        matches (``*``, the host, a domain it ends in)."""
        if not self._no_proxy:
            return False
        if self._no_networks:
            with suppress(ValueError):
                address = ipaddress.ip_address(host)
                if any(address in network for network in self._no_networks):
                    return True
        return bool(urllib.request.proxy_bypass_environment(host, {"no": self._no_proxy}))

    def request(self, method, url, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        if kwargs.get("proxies") is None:
            kwargs["proxies"] = self.proxies_for(url)
        return super().request(method, url, *args, **kwargs)


def _networks(no_proxy: str) -> Iterator[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """The CIDR ranges among the entries of a ``no_proxy`` value."""
    for entry in no_proxy.replace(" ", "").split(","):
        if "/" in entry:
            with suppress(ValueError):
                yield ipaddress.ip_network(entry, strict=False)


def make_session(config: LinkConfig) -> requests.Session:
    """A session sending the headers a browser sends, with a connection pool per host."""
    session = _Session()
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
    adapter = _GuardedAdapter(pool_connections=16, pool_maxsize=max(1, config.per_host),
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
          deadline: float, policy: PrivatePolicy | None = None) -> Fetched:
    """Send one request without following redirects and read a bounded part of the body.

    The connection is made within ``config.connect_timeout``, the headers must be complete
    within ``config.read_timeout`` of sending the request, and nothing goes on beyond
    ``deadline`` (a ``time.monotonic()`` value), however slowly the server sends its bytes.
    The body is read only for HTML-ish answers that are not redirects, up to
    ``config.max_body_bytes`` bytes or until ``deadline``. Raises
    :class:`requests.RequestException` when no complete status line and headers arrive
    (:class:`DeadlineExceeded` when they were too slow); an error in the middle of the body
    keeps what was read and marks it truncated.
    """
    if policy is None:
        policy = PrivatePolicy.of(config.allow_private)
    remaining = max(0.05, deadline - time.monotonic())
    timeout = (min(config.connect_timeout, remaining), min(config.read_timeout, remaining))
    started = time.monotonic()
    first = started + config.connect_timeout + config.read_timeout
    with guarded(policy, deadline, config.read_timeout, first) as watch:
        try:
            resp = session.request(method, url, allow_redirects=False, stream=True,
                                   timeout=timeout)
        except requests.RequestException as exc:
            if watch is not None and watch.expired:
                if time.monotonic() >= deadline - 0.05:
                    raise DeadlineExceeded("time budget for this URL exhausted") from exc
                raise DeadlineExceeded(f"no complete answer within "
                                       f"{config.read_timeout:g} s") from exc
            raise
        _watching_body(watch)
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
                        consumed = method != "HEAD" and not (watch and watch.expired)
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
