"""Name resolution, the private-address guard and the "is there a network at all" probe.

A document must not make footcheck probe an internal network, so every host is resolved and
every one of its addresses must be public before a request is sent (the connection itself is
checked again, see :mod:`footcheck.links.fetch`). Only the standard library is used here.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterable

#: getaddrinfo errors that mean "this name does not exist" (as opposed to "DNS did not answer").
_NO_NAME = {getattr(socket, n) for n in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, n)}


class ResolveError(Exception):
    """A host name could not be resolved; ``missing`` is true when the name does not exist."""

    def __init__(self, host: str, error: OSError) -> None:
        super().__init__(f"{host}: {error.strerror or error}")
        self.host = host
        self.missing = getattr(error, "errno", None) in _NO_NAME


def is_public(address: str) -> bool:
    """True when ``address`` is a globally routable unicast IP address.

    Private, loopback, link-local, multicast, reserved, unspecified and shared (CGNAT)
    addresses are not public; IPv4-mapped IPv6 addresses are judged by their IPv4 address.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified))


def resolve(host: str, port: int) -> tuple[str, ...]:
    """Every address ``host`` resolves to (IP literals resolve to themselves).

    Raises :class:`ResolveError` when the name cannot be resolved.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        err = exc if isinstance(exc, OSError) else OSError(str(exc))
        raise ResolveError(host, err) from exc
    out: list[str] = []
    for info in infos:
        addr = str(info[4][0])
        if addr not in out:
            out.append(addr)
    return tuple(out)


class Resolver:
    """Resolves each (host, port) once per verification run; safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[tuple[str, int], tuple[str, ...] | ResolveError] = {}

    def addresses(self, host: str, port: int) -> tuple[str, ...]:
        """The addresses of ``host``; raises :class:`ResolveError` (remembered) on failure."""
        key = (host.lower(), port)
        with self._lock:
            known = self._known.get(key)
        if known is None:
            try:
                known = resolve(host, port)
            except ResolveError as exc:
                known = exc
            with self._lock:
                self._known[key] = known
        if isinstance(known, ResolveError):
            raise known
        return known


def dns_probe(hosts: Iterable[str], wait: float = 3.0) -> bool:
    """True when at least one of ``hosts`` resolves within ``wait`` seconds.

    The names are resolved in parallel daemon threads, so a resolver that hangs costs at most
    ``wait`` seconds and never blocks the interpreter from exiting.
    """
    names = list(hosts)
    done = threading.Condition()
    state = {"found": False, "failed": 0}

    def attempt(name: str) -> None:
        try:
            resolve(name, 443)
            ok = True
        except ResolveError:
            ok = False
        with done:
            if ok:
                state["found"] = True
            else:
                state["failed"] += 1
            done.notify_all()

    for name in names:
        threading.Thread(target=attempt, args=(name,), daemon=True).start()
    with done:
        done.wait_for(lambda: state["found"] or state["failed"] >= len(names), timeout=wait)
        return bool(state["found"])


class Network:
    """Whether the network works, asked at most once per run and only when needed."""

    def __init__(self, probe: Callable[[], bool]) -> None:
        self._probe = probe
        self._lock = threading.Lock()
        self._up: bool | None = None

    def up(self) -> bool:
        """Run the probe the first time; later calls return the same answer."""
        with self._lock:
            if self._up is None:
                try:
                    self._up = bool(self._probe())
                except Exception:
                    self._up = False
            return self._up

    @property
    def known_down(self) -> bool:
        """True when the probe already ran and found no network."""
        return self._up is False
