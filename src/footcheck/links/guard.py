"""Name resolution, the private-address guard and the "is there a network at all" probe.

A document must not make footcheck probe an internal network, so every host is resolved and
every one of its addresses must be public before a request is sent (the connection itself is
checked again, see :mod:`footcheck.links.fetch`), unless a :class:`PrivatePolicy` allows it:
everything (``allow_private=True``) or only some hosts and networks. Only the standard library
is used here.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

#: getaddrinfo errors that mean "this name does not exist" (as opposed to "DNS did not answer").
_NO_NAME = {getattr(socket, n) for n in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, n)}


#: Seconds a name lookup may take before the network is probed, and the probe's own limit:
#: with no network, links are said unverifiable within about twice this.
NETWORK_WAIT = 1.0


class ResolveError(Exception):
    """A host name could not be resolved; ``missing`` is true when the name does not exist,
    ``timed_out`` when the resolver had not answered yet."""

    def __init__(self, host: str, error: OSError, timed_out: bool = False) -> None:
        super().__init__(f"{host}: {error.strerror or error}")
        self.host = host
        self.missing = getattr(error, "errno", None) in _NO_NAME
        self.timed_out = timed_out


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


IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
#: What ``LinkConfig.allow_private`` accepts: a bool, or hosts and networks (a comma-separated
#: string, or an iterable of strings, ``ipaddress`` networks and addresses).
AllowPrivate = bool | str | Iterable[str | IPNetwork | ipaddress.IPv4Address |
                                     ipaddress.IPv6Address]
_HOST_NAME = re.compile(r"[\w-]+(\.[\w-]+)*")


def _ip(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(str(address).split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


@dataclass(frozen=True)
class PrivatePolicy:
    """Which non-public addresses may be fetched: all of them, or those of some networks and
    of some host names (a name allowed here may resolve to any address)."""

    allow_all: bool = False
    networks: tuple[IPNetwork, ...] = ()
    hosts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, value: AllowPrivate | PrivatePolicy | None) -> PrivatePolicy:
        """The policy of ``LinkConfig.allow_private``; raises ``ValueError`` on an entry that
        is neither a network, an address nor a host name."""
        if isinstance(value, PrivatePolicy):
            return value
        if value is None or value is False:
            return cls()
        if value is True:
            return cls(allow_all=True)
        items = value.split(",") if isinstance(value, str) else \
            [value] if isinstance(value, (ipaddress.IPv4Network, ipaddress.IPv6Network,
                                          ipaddress.IPv4Address, ipaddress.IPv6Address)) \
            else list(value)
        networks: list[IPNetwork] = []
        hosts: set[str] = set()
        for item in items:
            if isinstance(item, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
                networks.append(item)
                continue
            if isinstance(item, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
                networks.append(ipaddress.ip_network(item))
                continue
            if not isinstance(item, str):
                raise ValueError(f"not a host or network: {item!r}")
            text = item.strip()
            if not text:
                continue
            try:
                networks.append(ipaddress.ip_network(text.strip("[]"), strict=False))
                continue
            except ValueError:
                pass
            name = text.lower().rstrip(".")
            if not _HOST_NAME.fullmatch(name):
                raise ValueError(f"not a host name, an IP address or a CIDR range: {text!r}")
            hosts.add(name)
        return cls(networks=tuple(networks), hosts=frozenset(hosts))

    @property
    def refuses_any(self) -> bool:
        """False when every address is allowed."""
        return not self.allow_all

    def exempt(self, host: str, address: str) -> bool:
        """True when this policy allows ``host`` at the non-public ``address``."""
        if self.allow_all:
            return True
        if host and host.lower().rstrip(".").strip("[]") in self.hosts:
            return True
        ip = _ip(address)
        if ip is None:
            return False
        return any(ip.version == net.version and ip in net for net in self.networks)

    def allows(self, host: str, address: str) -> bool:
        """True when ``host`` may be fetched at ``address`` (public, or exempt)."""
        return is_public(address) or self.exempt(host, address)

    def describe(self) -> str:
        """The allowed hosts and networks, for messages."""
        if self.allow_all:
            return "all"
        return ",".join([*(str(n) for n in self.networks), *sorted(self.hosts)]) or "none"


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


class _Lookup:
    """One name lookup, in a daemon thread (a resolver that hangs cannot hold anyone up for
    longer than they choose to wait, nor keep the interpreter from exiting)."""

    def __init__(self, host: str, port: int) -> None:
        self.done = threading.Event()
        self.result: tuple[str, ...] | ResolveError | None = None
        threading.Thread(target=self._run, args=(host, port), daemon=True,
                         name="footcheck-resolve").start()

    def _run(self, host: str, port: int) -> None:
        try:
            self.result = resolve(host, port)
        except ResolveError as exc:
            self.result = exc
        except Exception as exc:  # whatever it is, the name did not resolve
            self.result = ResolveError(host, OSError(str(exc)))
        finally:
            self.done.set()


class Resolver:
    """Resolves each (host, port) once per verification run; safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[tuple[str, int], _Lookup] = {}

    def addresses(self, host: str, port: int, wait: float | None = None) -> tuple[str, ...]:
        """The addresses of ``host``; raises :class:`ResolveError` (remembered) on failure,
        and one with ``timed_out`` when no answer came within ``wait`` seconds (the lookup
        goes on: a later call may still get its answer)."""
        key = (host.lower(), port)
        with self._lock:
            lookup = self._known.get(key)
            if lookup is None:
                lookup = self._known[key] = _Lookup(host, port)
        if not lookup.done.wait(None if wait is None else max(0.0, wait)):
            raise ResolveError(host, OSError("DNS lookup timed out"), timed_out=True)
        if isinstance(lookup.result, ResolveError):
            raise lookup.result
        assert lookup.result is not None
        return lookup.result


def dns_probe(hosts: Iterable[str], wait: float = NETWORK_WAIT) -> bool:
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
