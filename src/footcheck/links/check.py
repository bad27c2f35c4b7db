"""Checking URLs: one URL's journey to a verdict, and the pool that checks many politely.

For one URL (:meth:`Checker.check`): refuse what must not be fetched (other schemes, private
addresses), send a GET (or a HEAD first, if configured), follow redirects by hand (each hop
is guarded, loops and long chains are stopped), retry a 429/503 once after its bounded
``Retry-After`` and other 5xx once after a short pause, then judge the final answer: status
code, bot-wall and login signs, "not found" wording or canonical link, and the host's answer
for a path that cannot exist (the soft-404 probe, made once per host). Dead, soft-404 and
unreachable links then get an archived snapshot when one exists (:meth:`Checker.rescue`).

For many URLs (:func:`run`): a queue per host, the URLs slowest last time first; at most
twice ``per_host`` of a host's URLs under way, each request waiting for one of the host's
``per_host`` slots (:class:`HostGate`) without holding one: a host that answers 429 again to
a request sent after a 429 is limiting footcheck, and its new requests pause, never a slot.
Archive lookups have their own small pool, so they never hold up a host's queue.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import heapq
import itertools
import math
import queue
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import requests
import urllib3

from ..model import LinkResult
from ..urls import hostname, same_site_host, site_labels
from . import archive
from .cache import Cache
from .config import (
    ALIVE,
    BLOCKED,
    DEAD,
    NETWORK_DOWN,
    REDIRECTED,
    REFUSED_PRIVATE,
    SERVER_ERROR,
    SOFT_404,
    TIMEOUT,
    UNREACHABLE,
    UNVERIFIED,
    LinkConfig,
    LinkRequest,
)
from .fetch import CUT_OFF, DeadlineExceeded, Fetched, fetch, guarded, make_session
from .guard import (
    NETWORK_WAIT,
    Network,
    PrivatePolicy,
    ResolveError,
    Resolver,
    dns_probe,
    is_public,
)
from .match import generic_title
from .page import PARKING_HOSTS, Page, error_address, not_found_signal, parse, wall_signal

#: Statuses that mean "the server would not show us the page", not "the page is gone".
BLOCKED_STATUSES = frozenset({401, 402, 403, 407, 429, 451, 406, 418, 999})
PERMANENT = frozenset({301, 308})
#: Paths of a site's home page (or of one of its language versions).
_HOME_PATH = re.compile(r"/?((index|default|home)(\.\w+)?|[a-z]{2}(-[a-z]{2})?)?/?$", re.I)
_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\")\]]+)")


class _Stop(Exception):
    """A verdict reached before a final answer (refusal, DNS failure, timeout, loop…)."""

    def __init__(self, verdict: str, detail: str, status: int | None = None,
                 final_url: str | None = None) -> None:
        super().__init__(detail)
        self.verdict = verdict
        self.detail = detail
        self.status = status
        self.final_url = final_url


@dataclass(frozen=True)
class _Hop:
    url: str
    status: int
    target: str


@dataclass(frozen=True)
class _Probe:
    """The host's answer for a path that cannot exist."""

    url: str
    status: int
    final_url: str
    title: str | None
    h1: str | None
    text: str


def now_iso() -> str:
    """The current UTC time as ISO 8601, to the second."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _reason(exc: BaseException) -> str:
    text = str(exc)
    found = _ERRNO.findall(text)
    if found:
        return found[-1].strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait according to a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def _location(value: str | None) -> str | None:
    """A ``Location`` header as its sender meant it: a server writing the address's UTF-8
    bytes raw (``/nouvelle-page-été``) is read as UTF-8, not as the Latin-1 http.client
    decodes headers with (as requests does when it follows redirects itself)."""
    if value is None or value.isascii():
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _norm(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), (parts.netloc or "").lower(), path, parts.query, ""))


def sent_to_market(url: str, final_url: str) -> str | None:
    """The domain marketplace or parking service (:data:`PARKING_HOSTS`) another site's
    ``url`` ended on, or ``None``: the site has gone and its name is for sale."""
    host = same_site_host(urlsplit(final_url).hostname)
    if host == same_site_host(urlsplit(url).hostname):
        return None
    return next((h for h in PARKING_HOSTS if host == h or host.endswith("." + h)), None)


def trivial_redirect(src: str, dst: str) -> bool:
    """True for a redirect an editor does not care about.

    That is an http→https upgrade, adding or dropping ``www.``, or adding or dropping a
    trailing slash, and nothing else.
    """
    a, b = urlsplit(src), urlsplit(dst)
    if same_site_host(a.hostname) != same_site_host(b.hostname) or a.query != b.query:
        return False
    if a.scheme != b.scheme and (a.scheme, b.scheme) != ("http", "https"):
        return False
    return (a.path.rstrip("/") or "/") == (b.path.rstrip("/") or "/")


def _moved(hops: list[_Hop]) -> _Hop | None:
    """The first redirect that matters, when it is permanent."""
    for hop in hops:
        if trivial_redirect(hop.url, hop.target):
            continue
        return hop if hop.status in PERMANENT else None
    return None


_WORD = re.compile(r"\w+")


def _path_words(*urls: str) -> set[str]:
    """The words of the paths of ``urls``, lower case."""
    return {w for url in urls for w in _WORD.findall(unquote(urlsplit(url).path).casefold())}


def _without(text: str | None, drop: set[str]) -> str:
    """The words of ``text``, lower case, less those in ``drop``."""
    return " ".join(w for w in _WORD.findall((text or "").casefold()) if w not in drop)


def _shared_length(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start."""
    low, high = 0, min(len(a), len(b))
    while low < high:  # halving: a few slice comparisons, not a loop per character
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def similar_text(a: str, b: str) -> bool:
    """True when two page texts are nearly the same: ratio ≥ 90 on their first 4000 chars,
    less the start and end they share word for word (a site's header, menu and footer,
    which on a site with a long menu would make any two of its pages "the same")."""
    from rapidfuzz import fuzz

    a, b = a[:4000], b[:4000]
    start = _shared_length(a, b)
    start = a.rfind(" ", 0, start) + 1 if start < min(len(a), len(b)) else start
    a, b = a[start:], b[start:]
    end = _shared_length(a[::-1], b[::-1])
    a, b = a[:len(a) - end], b[:len(b) - end]
    if not a and not b:
        return True
    return fuzz.ratio(a, b) >= 90


#: Seconds a request slot stays taken after its connection was cut while the server had not
#: answered (a timeout): the server may count the request until it notices, which a server
#: busy elsewhere does late.
LINGER = 0.25
#: The same after a body read only in part: the server is writing, and its next write after
#: the cut fails at once (the 0.25 s of :data:`LINGER` after each endless body cost a host
#: of the 2,000-URL farm about a second).
LINGER_WRITING = 0.05


class GateTimeout(Exception):
    """The time allowed ran out while waiting for a host's slot."""


@dataclass
class _HostState:
    cond: threading.Condition
    busy: int = 0
    not_before: float = 0.0  # no request starts before this (a pause, or the pacing)
    refused_at: float = math.inf  # when a 429 came, no other answer since
    limited_until: float = 0.0  # the end of the latest 429's Retry-After
    line: list[tuple[int, int]] = field(default_factory=list)  # waiters: (rank, ticket)
    lingering: list[float] = field(default_factory=list)  # when cut requests' slots free

    def in_use(self, now: float) -> int:
        """Slots taken: requests under way, and requests cut off a moment ago."""
        self.lingering = [t for t in self.lingering if t > now]
        return self.busy + len(self.lingering)


class Slot:
    """A request slot, held; a request ended by cutting its connection sets ``linger``."""

    def __init__(self, waited: float) -> None:
        self.waited = waited  # seconds spent waiting for it
        self.linger = 0.0


class HostGate:
    """Per-host politeness: at most ``limit`` requests at once, starts ``delay`` s apart, and
    none while the host is paused (after a 429).

    A request waits for its turn *before* it takes a slot, so a pause or the pacing never
    holds a slot. Waiters go in order of rank (0 before 1: a URL already under way before a
    new one), then first come, first served.
    """

    def __init__(self, limit: int, delay: float) -> None:
        self._limit = max(1, limit)
        self._delay = max(0.0, delay)
        self._lock = threading.Lock()
        self._hosts: dict[str, _HostState] = {}
        self._tickets = itertools.count()

    def _state(self, host: str) -> _HostState:
        """The state of ``host`` (made on first use); the lock must be held."""
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _HostState(threading.Condition(self._lock))
        return state

    @contextmanager
    def slot(self, host: str, until: float = math.inf, rank: int = 1) -> Iterator[Slot]:
        """Hold one of the host's request slots.

        Raises :class:`GateTimeout` when ``until`` (a ``time.monotonic()`` value) passes first.
        A slot whose ``linger`` is set stays taken that many seconds after the block: a
        server may count a connection the client cut until it notices.
        """
        asked = time.monotonic()
        with self._lock:
            state = self._state(host)
            me = (rank, next(self._tickets))
            heapq.heappush(state.line, me)
            try:
                while True:
                    now = time.monotonic()
                    ready = state.line[0] == me and state.in_use(now) < self._limit
                    if ready and now >= state.not_before:
                        break
                    if now >= until:
                        raise GateTimeout(host)
                    wake = min(until, state.not_before if ready else
                               min(state.lingering, default=math.inf))
                    state.cond.wait(None if math.isinf(wake) else wake - now)
            except BaseException:
                state.line.remove(me)
                heapq.heapify(state.line)
                state.cond.notify_all()
                raise
            heapq.heappop(state.line)
            state.busy += 1
            state.not_before = max(state.not_before, now + self._delay)
            state.cond.notify_all()  # the next in line may start too
        held = Slot(now - asked)
        try:
            yield held
        finally:
            with self._lock:
                state.busy -= 1
                if held.linger > 0:
                    state.lingering.append(time.monotonic() + held.linger)
                state.cond.notify_all()

    def answered(self, host: str, sent: float, refused_for: float | None = None) -> None:
        """Take the answer from ``host`` to a request sent at ``sent`` (``time.monotonic()``):
        a 429 asking to wait ``refused_for`` seconds, or (``None``) any other.

        One 429 may be one page's own answer: only its URL waits (see :meth:`Checker._send`).
        A 429 to a request sent after it, with no other answer between them, is the host
        limiting footcheck: no new request starts until the later wait has passed. (Requests
        already under way when the first 429 came were sent before footcheck knew.)
        """
        now = time.monotonic()
        with self._lock:
            state = self._state(host)
            if refused_for is None:
                state.refused_at = math.inf
                return
            state.limited_until = max(state.limited_until, now + refused_for)
            if sent > state.refused_at:
                state.not_before = max(state.not_before, state.limited_until)
            else:
                state.refused_at = min(state.refused_at, now)

    def hold_off(self, host: str, seconds: float) -> None:
        """Start no new request to ``host`` for ``seconds`` (after a 429); requests under way
        go on, and no slot is held meanwhile."""
        with self._lock:
            state = self._state(host)
            state.not_before = max(state.not_before, time.monotonic() + seconds)


class _Clock:
    """One URL's time budget: ``seconds`` of its own, not counting its waits for a host slot,
    never beyond ``limit`` (the run's deadline)."""

    def __init__(self, seconds: float, limit: float, started: bool = False) -> None:
        self.limit = limit
        self.begun = time.monotonic()
        self.at = min(self.begun + seconds, limit)
        self.queued = 0.0  # seconds spent waiting for slots
        self.started = started  # a request was made: the next ones are of a URL under way

    def waited(self, seconds: float) -> None:
        """Give back ``seconds`` spent waiting for a slot."""
        self.queued += seconds
        self.at = min(self.at + seconds, self.limit)

    def spent(self) -> float:
        """Seconds the URL took, its waits for a slot left out (its cost, for the next run's
        order: the time its requests took, and its pauses before a retry)."""
        return time.monotonic() - self.begun - self.queued


class _Probes:
    """The soft-404 probe of each origin, made once and shared by every thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done: dict[str, tuple[threading.Event, list[_Probe | None]]] = {}

    def get(self, origin: str, make: Callable[[], _Probe | None]) -> _Probe | None:
        """The probe of ``origin``: made by the first caller, awaited by the others."""
        with self._lock:
            entry = self._done.get(origin)
            owner = entry is None
            if entry is None:
                entry = (threading.Event(), [])
                self._done[origin] = entry
        event, box = entry
        if owner:
            try:
                box.append(make())
            except Exception:
                box.append(None)
            finally:
                event.set()
        else:
            event.wait()
        return box[0] if box else None


class Checker:
    """Everything one verification run shares: config, gates, resolver, probes, sessions."""

    def __init__(self, config: LinkConfig, cache: Cache | None = None,
                 deadline: float | None = None) -> None:
        self.config = config
        self.policy = PrivatePolicy.of(config.allow_private)
        self.cache = cache
        self.deadline = deadline if deadline is not None else float("inf")
        self.gate = HostGate(config.per_host, config.host_delay)
        self.resolver = Resolver()
        wait = min(NETWORK_WAIT, config.connect_timeout)
        probe = config.network_probe or (lambda: dns_probe(config.probe_hosts, wait))
        self.network = Network(probe)
        self.probes = _Probes()
        #: seconds each URL took (see :meth:`_Clock.spent`), for the next run's order
        self.timings: dict[str, float] = {}
        self._archive_down = False
        #: told ``True`` when the URL of this thread begins to wait out a Retry-After and
        #: ``False`` when it ends: the scheduler starts another URL meanwhile
        self.resting: Callable[[bool], None] = lambda begins: None
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._sessions_lock = threading.Lock()

    # --- plumbing ----------------------------------------------------------------------------
    def session(self) -> requests.Session:
        """This thread's session (created on first use)."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = make_session(self.config)
            self._local.session = session
            with self._sessions_lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        """Close every session's connections."""
        with self._sessions_lock:
            for session in self._sessions:
                session.close()
            self._sessions.clear()

    def _addresses(self, host: str, port: int) -> tuple[str, ...]:
        """The addresses of ``host``. A resolver that has not answered within
        :data:`NETWORK_WAIT` s makes the network be probed: no network, no more waiting."""
        patience = min(NETWORK_WAIT, self.config.connect_timeout)
        try:
            return self.resolver.addresses(host, port, patience)
        except ResolveError as exc:
            if not exc.timed_out or not self.network.up():
                raise
        return self.resolver.addresses(host, port, self.config.connect_timeout - patience)

    def _guard(self, host: str, port: int) -> None:
        try:
            addresses = self._addresses(host, port)
        except ResolveError as exc:
            if not self.network.up():
                raise _Stop(UNVERIFIED, f"{NETWORK_DOWN}: no DNS (could not resolve {host})") \
                    from exc
            if exc.missing:
                raise _Stop(DEAD, f"host not found: {host}") from exc
            raise _Stop(UNREACHABLE, f"DNS lookup failed: {exc}") from exc
        if not self.policy.allow_all:
            for address in addresses:
                if not (is_public(address) or self.policy.exempt(host, address)):
                    raise _Stop(UNVERIFIED, f"{REFUSED_PRIVATE} ({host} is {address})")

    def _send(self, method: str, url: str, host: str, clock: _Clock) -> Fetched:
        if time.monotonic() >= clock.at:
            raise _Stop(TIMEOUT, "time budget for this URL exhausted")
        rank = 0 if clock.started else 1
        clock.started = True
        try:
            with self.gate.slot(host, clock.limit, rank) as slot:
                clock.waited(slot.waited)
                sent = time.monotonic()
                try:
                    fetched = self._fetch(method, url, clock.at)
                except BaseException:
                    slot.linger = LINGER  # the connection was cut
                    raise
                if fetched.truncated:
                    slot.linger = LINGER_WRITING
                if self.config.pause_on_429:
                    # "you are sending too much" again, to a request sent after the first:
                    # no new request to the host until the Retry-After has passed (set
                    # before this slot frees, so none slips in)
                    wait = None
                    if fetched.status == 429:
                        wait = self._retry_wait(fetched)
                        if wait is None:  # a wait too long to honour: the longest honoured
                            wait = self.config.max_retry_after
                    self.gate.answered(host, sent, wait)
                return fetched
        except GateTimeout as exc:
            raise _Stop(TIMEOUT, "time budget for this URL exhausted") from exc
        except DeadlineExceeded as exc:
            raise _Stop(TIMEOUT, str(exc)) from exc
        except requests.exceptions.ConnectTimeout as exc:
            raise _Stop(TIMEOUT, f"no connection within {self.config.connect_timeout:g} s") \
                from exc
        except requests.exceptions.ReadTimeout as exc:
            raise _Stop(TIMEOUT, f"no answer within {self.config.read_timeout:g} s") from exc
        except requests.exceptions.SSLError as exc:
            raise _Stop(UNREACHABLE, f"TLS error: {_reason(exc)}") from exc
        except requests.exceptions.ConnectionError as exc:
            text = str(exc)
            if REFUSED_PRIVATE in text:
                raise _Stop(UNVERIFIED, f"{REFUSED_PRIVATE} (connection to {host})") from exc
            if CUT_OFF in text:
                raise _Stop(UNREACHABLE, CUT_OFF) from exc
            if "timed out" in text.lower():
                raise _Stop(TIMEOUT, f"no answer within {self.config.read_timeout:g} s") \
                    from exc
            raise _Stop(UNREACHABLE, f"connection failed: {_reason(exc)}") from exc
        except requests.exceptions.InvalidHeader as exc:
            if exc.args and isinstance(exc.args[0], urllib3.exceptions.InvalidHeader):
                # an answer urllib3 cannot read (e.g. two different Content-Lengths)
                raise _Stop(UNREACHABLE, f"invalid response: {_reason(exc)}") from exc
            raise _Stop(UNVERIFIED, f"invalid request: {_reason(exc)}") from exc
        except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                requests.exceptions.MissingSchema, ValueError) as exc:
            raise _Stop(UNVERIFIED, f"invalid URL: {_reason(exc)}") from exc
        except requests.RequestException as exc:
            raise _Stop(UNREACHABLE, f"request failed: {_reason(exc)}") from exc

    def _fetch(self, method: str, url: str, deadline: float) -> Fetched:
        try:
            return fetch(self.session(), method, url, self.config, deadline, self.policy)
        except (requests.exceptions.ConnectionError, ValueError) as exc:
            # A kept-alive connection the server had closed, or spoiled by sending a body
            # after a HEAD answer ("I/O operation on closed file"): the pooled connections
            # are dropped, so one more try uses a fresh one.
            if "Connection aborted" not in str(exc) and "closed file" not in str(exc):
                raise
            self.session().close()
            return fetch(self.session(), method, url, self.config, deadline, self.policy)

    def _retry_wait(self, fetched: Fetched) -> float | None:
        """Seconds to wait before asking again after a 429 or a 5xx; ``None``: do not."""
        status = fetched.status
        if status not in (429, 503):
            return self.config.retry_delay if 500 <= status < 600 else None
        if wall_signal(None, status, fetched.headers, "", ""):
            return None
        wait = retry_after(fetched.headers.get("Retry-After"))
        if wait is None:
            return self.config.retry_delay
        return wait if wait <= self.config.max_retry_after else None

    def _request(self, method: str, url: str, host: str, clock: _Clock) -> Fetched:
        """One request, retried once on 429/503 (bounded Retry-After) and on other 5xx.

        The retry waits here, holding no slot; the host's other URLs go on meanwhile, unless
        its 429s have paused the whole host (see :meth:`_send` and :meth:`HostGate.answered`).
        """
        fetched = self._send(method, url, host, clock)
        wait = self._retry_wait(fetched)
        if wait is None or time.monotonic() + wait >= clock.at:
            return fetched
        self.resting(True)
        try:
            time.sleep(wait)
        finally:
            self.resting(False)
        return self._send(method, url, host, clock)

    def _follow(self, url: str, method: str, clock: _Clock,
                ) -> tuple[list[_Hop], Fetched, Page | None]:
        """Request ``url`` and follow its redirects; the hops, the final answer and its page
        (when it is HTML). A page whose ``<meta http-equiv="refresh">`` sends the reader on
        at once is a redirect, as in a browser."""
        hops: list[_Hop] = []
        seen: set[tuple[str, str]] = set()
        session = self.session()
        current = url
        for _ in range(self.config.max_redirects + 1):
            try:
                parts = urlsplit(current)
                port = parts.port
            except ValueError as exc:
                raise _Stop(UNVERIFIED, f"invalid URL: {exc}") from exc
            scheme = parts.scheme.lower()
            if scheme not in ("http", "https"):
                what = "redirect to " if hops else ""
                raise _Stop(UNVERIFIED, f"{what}unsupported scheme {scheme or '(none)'!r}")
            host = (parts.hostname or "").lower()
            if not host:
                raise _Stop(UNVERIFIED, "invalid URL: no host")
            self._guard(host, port or (443 if scheme == "https" else 80))
            cookies = ";".join(sorted(f"{c.name}={c.value}" for c in session.cookies))
            key = (current.split("#", 1)[0], cookies)
            if key in seen:
                raise _Stop(UNREACHABLE, f"redirect loop at {current}",
                            status=hops[-1].status if hops else None, final_url=current)
            seen.add(key)
            fetched = self._request(method, current, host, clock)
            location = _location(fetched.headers.get("Location"))
            if 300 <= fetched.status < 400 and fetched.status != 304 and location:
                target = urljoin(current, location.strip())
            else:
                page = parse(fetched.body, fetched.charset) \
                    if fetched.body and fetched.is_html else None
                refresh = page.refresh if page and 200 <= fetched.status < 300 else None
                target = urljoin(current, refresh) if refresh else None
                if target is None or target.split("#", 1)[0] == current.split("#", 1)[0]:
                    return hops, fetched, page  # an answer, or a page reloading itself
            hops.append(_Hop(current, fetched.status, target))
            current = target
        raise _Stop(UNREACHABLE, f"more than {self.config.max_redirects} redirects",
                    status=hops[-1].status if hops else None, final_url=current)

    # --- the soft-404 probe ------------------------------------------------------------------
    def _probe(self, url: str) -> _Probe | None:
        parts = urlsplit(url)
        origin = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))

        def make() -> _Probe | None:
            slug = secrets.token_hex(10)
            probe_url = f"{origin}/footcheck-{slug}/{secrets.token_hex(4)}"
            clock = _Clock(self.config.url_timeout, self.deadline, started=True)
            try:
                _, fetched, page = self._follow(probe_url, "GET", clock)
            except _Stop:
                return None
            page = page or Page()
            return _Probe(probe_url, fetched.status, fetched.url, page.html_title, page.h1,
                          page.text)

        return self.probes.get(origin, make)

    def _soft_404(self, url: str, fetched: Fetched, page: Page | None) -> str | None:
        """Why a 200 answer is a "not found" page, or ``None``.

        Decided by the page itself (its title, heading or canonical link say so, or it
        offers the domain for sale), by where it was sent (a domain marketplace; an
        article's own site's home page), or by the host's answer for a path that cannot
        exist: redirected to the same place, or the same page (same title, same heading,
        nearly the same text, once the words of each path, which such pages often repeat,
        are left out).
        """
        if page is not None:
            signal = not_found_signal(page, fetched.url, url)
            if signal:
                return signal
        if sent := sent_to_market(url, fetched.url):
            return f"a parked domain (sent to {sent})"
        if _norm(url) != _norm(fetched.url) and error_address(fetched.url) and \
                not error_address(url):
            return f"redirected to an error page, {fetched.url}"
        cited, final = urlsplit(url), urlsplit(fetched.url)
        site = same_site_host(final.hostname)
        if _HOME_PATH.match(cited.path or "/"):
            return None  # a home page cannot be a substitute for itself
        if _HOME_PATH.match(final.path or "/") and not final.query and \
                site == same_site_host(cited.hostname):
            return f"redirected to the site's home page, {fetched.url}"  # the page is gone
        if not self.config.soft404_probe or not fetched.is_html:
            return None
        probe = self._probe(url)
        if probe is None or not 200 <= probe.status < 300:
            return None
        if _norm(probe.final_url) == _norm(fetched.url) and _norm(url) != _norm(fetched.url):
            return f"redirected to {fetched.url}, as is a path that cannot exist"
        page = page or Page()
        drop = _path_words(url, fetched.url, probe.url, probe.final_url)
        a = [_without(part, drop) for part in (page.html_title, page.h1, page.text)]
        b = [_without(part, drop) for part in (probe.title, probe.h1, probe.text)]
        if a[:2] == b[:2] and similar_text(a[2], b[2]):
            return "same page as the site's answer for a path that cannot exist"
        return None

    # --- one URL -----------------------------------------------------------------------------
    def _judge(self, url: str, hops: list[_Hop], fetched: Fetched,
               page: Page | None) -> LinkResult:
        status = fetched.status
        wall = wall_signal(page, status, fetched.headers, fetched.url, url)
        title = page.title if page else None
        if page and title and generic_title(title, page.site_name,
                                             site_labels(hostname(fetched.url))):
            title = None  # the page does not say which work it is
        published = page.published if page else None

        def result(verdict: str, detail: str | None = None) -> LinkResult:
            return LinkResult(url=url, verdict=verdict, http_status=status,
                              final_url=fetched.url, title=title, published=published,
                              checked_at=now_iso(), detail=detail)

        if 200 <= status < 300:
            if wall:
                return result(BLOCKED, wall)
            soft = self._soft_404(url, fetched, page)
            if soft:
                return result(SOFT_404, soft)
            moved = _moved(hops)
            if moved:
                return result(REDIRECTED, f"moved permanently (HTTP {moved.status})")
            return result(ALIVE, "partial body read" if fetched.truncated else None)
        if wall:
            return result(BLOCKED, f"HTTP {status}: {wall}")
        if status in (404, 410):
            return result(DEAD, f"HTTP {status}")
        if status in BLOCKED_STATUSES:
            return result(BLOCKED, f"HTTP {status}")
        if status == 408:
            return result(TIMEOUT, "HTTP 408")
        if status >= 500:
            return result(SERVER_ERROR, f"HTTP {status} (after a retry)")
        if 300 <= status < 400:
            return result(UNREACHABLE, f"HTTP {status} without a usable Location")
        return result(DEAD, f"HTTP {status}")

    def _verify(self, url: str, clock: _Clock) -> LinkResult:
        method = "HEAD" if self.config.head_first else "GET"
        hops, fetched, page = self._follow(url, method, clock)
        if method == "HEAD":
            html_or_unknown = fetched.is_html or not fetched.content_type
            if not (200 <= fetched.status < 300) or html_or_unknown:
                hops, fetched, page = self._follow(url, "GET", clock)
        return self._judge(url, hops, fetched, page)

    def check(self, request: LinkRequest) -> LinkResult:
        """The verdict on one URL (without its archived snapshot: see :meth:`rescue`)."""
        url = request.url
        clock = _Clock(self.config.url_timeout, self.deadline)
        self.session().cookies.clear()
        try:
            result = self._verify(url, clock)
        except _Stop as stop:
            if stop.verdict == TIMEOUT and time.monotonic() >= self.deadline - 0.05:
                # the run's budget, not the server, ended this URL (as :func:`run` says)
                return LinkResult(url=url, verdict=UNVERIFIED, checked_at=now_iso(),
                                  detail=budget_spent(self.config))
            result = LinkResult(url=url, verdict=stop.verdict, http_status=stop.status,
                                final_url=stop.final_url, checked_at=now_iso(),
                                detail=stop.detail)
        self.timings[url] = round(clock.spent(), 3)
        return result

    def wants_rescue(self, result: LinkResult) -> bool:
        """True when ``result`` calls for an archive lookup that can be made."""
        return bool(result.verdict.wants_archive and self.config.archive
                    and not self._archive_down and not self.network.known_down)

    def rescue(self, result: LinkResult, date: str | None) -> LinkResult:
        """``result`` with the archived snapshot closest to ``date``, when there is one."""
        if not self.wants_rescue(result):
            return result
        snapshot = self._archived(result.url, date)
        return replace(result, archive_url=snapshot) if snapshot else result

    def _archived(self, url: str, date: str | None) -> str | None:
        if self.cache is not None:
            known, snapshot = self.cache.archived(url, date)
            if known:
                return snapshot
        endpoint = self.config.archive_endpoint
        timeout = (self.config.connect_timeout, self.config.read_timeout)
        # the lookup is bounded as a whole too: one connect and one read timeout, and the run
        deadline = min(time.monotonic() + sum(timeout), self.deadline)
        if time.monotonic() >= deadline:
            return None
        try:
            parts = urlsplit(endpoint)
            self._addresses((parts.hostname or "").lower(),
                            parts.port or (443 if parts.scheme == "https" else 80))
        except (ResolveError, ValueError):
            self._archive_down = True  # no lookup can succeed: the others are skipped at once
            return None
        try:
            with guarded(self.policy, deadline, self.config.read_timeout):
                snapshot = archive.lookup(self.session(), endpoint, url, date, timeout)
        except requests.ConnectionError:
            self._archive_down = True
            return None
        except (archive.ArchiveError, requests.RequestException):
            return None
        if self.cache is not None:
            self.cache.put_archived(url, date, snapshot)
        return snapshot


def budget_spent(config: LinkConfig) -> str:
    """The detail of a URL the run's time budget left unchecked."""
    return f"not checked: total time budget ({config.total_timeout:g} s) exhausted"


#: Seconds between two calls of a run's progress callback while no verdict comes.
TICK = 0.5
#: The cost assumed for a URL of unknown past (seconds its requests held a slot).
UNKNOWN_COST = 1.0


def run(requests_: list[LinkRequest], checker: Checker, on_result: Callable[..., None],
        costs: dict[str, float] | None = None) -> dict[str, LinkResult]:
    """Check ``requests_`` concurrently; ``on_result(result, archiving, network_down)`` is
    called in this thread as each ends, and with ``None`` for the result about every
    :data:`TICK` seconds in between (``archiving``: archive lookups under way;
    ``network_down``: the run found no network).

    Each host has its own queue: the URLs that took longest last time (``costs``: seconds by
    URL, e.g. from the cache) first, so that no slow URL starts last and keeps the run
    waiting; then the unknown ones, in the given order; then those known to be quick. A host
    has at most twice its request slots of URLs under way (the others may wait for the
    host's soft-404 probe), not counting those waiting out a Retry-After, and the workers
    are enough for every host to use all its slots. Archive lookups run in their own small
    pool, as soon as a verdict calls for one, so they never hold up a host's queue.

    Returns the results by URL. URLs not finished by ``checker.deadline`` get ``unverified``.
    """
    config = checker.config
    costs = costs or {}
    queues: dict[str, deque[LinkRequest]] = {}
    for req in sorted(requests_, key=lambda r: -costs.get(r.url, UNKNOWN_COST)):
        queues.setdefault(hostname(req.url), deque()).append(req)
    per_host_tasks = 2 * max(1, config.per_host)
    limits = {host: per_host_tasks if host else len(q) for host, q in queues.items()}
    inflight: dict[str, int] = dict.fromkeys(queues, 0)
    finished: queue.Queue[LinkResult | None] = queue.Queue()  # None: a lookup started
    lock = threading.Lock()
    stopped = False
    # threads start as tasks need them: one per URL under way, and one more for each URL
    # waiting out a Retry-After (its host's next URL starts meanwhile)
    pool = ThreadPoolExecutor(max_workers=max(1, min(config.max_workers, len(requests_))),
                              thread_name_prefix="footcheck-link")
    rescues = ThreadPoolExecutor(max_workers=max(1, config.per_host),
                                 thread_name_prefix="footcheck-archive")
    waiting: dict[str, LinkResult] = {}  # verdicts whose archive lookup is under way

    def rescue(result: LinkResult, date: str | None) -> None:
        try:
            result = checker.rescue(result, date)
        finally:
            finished.put(result)

    def task(host: str, req: LinkRequest) -> None:
        here.host = host
        try:
            result = checker.check(req)
        except Exception as exc:  # a bug must not lose the URL or hang the run
            result = LinkResult(url=req.url, verdict=UNVERIFIED, checked_at=now_iso(),
                                detail=f"internal error: {exc!r}")
        with lock:
            inflight[host] -= 1
            dispatch(host)
            if checker.wants_rescue(result) and not stopped:
                waiting[req.url] = result
                rescues.submit(rescue, result, req.date)
                result = None  # no verdict yet: the progress shows the lookup under way
        finished.put(result)

    def dispatch(host: str) -> None:  # called with the lock held
        pending = queues[host]
        while pending and inflight[host] < limits[host] and not stopped:
            inflight[host] += 1
            pool.submit(task, host, pending.popleft())

    here = threading.local()  # the host whose queue the thread's URL came from

    def resting(begins: bool) -> None:
        """A URL waiting out a Retry-After holds neither a slot nor its host's place."""
        host = getattr(here, "host", None)
        if host is None:
            return  # not one of the run's URLs (an archive lookup)
        with lock:
            inflight[host] += -1 if begins else 1
            if begins:
                dispatch(host)

    checker.resting = resting

    with lock:  # interleave the hosts so that no host's queue starves the others
        for _ in range(per_host_tasks):
            for host, pending in queues.items():
                if pending and inflight[host] < limits[host]:
                    inflight[host] += 1
                    pool.submit(task, host, pending.popleft())
        for host in queues:
            dispatch(host)

    results: dict[str, LinkResult] = {}
    try:
        while len(results) < len(requests_):
            remaining = checker.deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                result = finished.get(timeout=min(remaining, TICK))
            except queue.Empty:
                result = None
            if result is None:
                on_result(None, len(waiting), checker.network.known_down)
                continue
            with lock:
                waiting.pop(result.url, None)
            results[result.url] = result
            on_result(result, len(waiting), checker.network.known_down)
    finally:
        with lock:
            stopped = True
            late = list(waiting.values())  # verdicts known, their lookup cut short
        checker.resting = lambda begins: None
        timed_out = len(results) < len(requests_)
        pool.shutdown(wait=not timed_out, cancel_futures=True)
        rescues.shutdown(wait=not timed_out, cancel_futures=True)
    for result in late:
        if result.url not in results:
            results[result.url] = result
            on_result(result)
    if len(results) < len(requests_):
        for req in requests_:
            if req.url not in results:
                result = LinkResult(url=req.url, verdict=UNVERIFIED, checked_at=now_iso(),
                                    detail=budget_spent(config))
                results[req.url] = result
                on_result(result)
    return results
