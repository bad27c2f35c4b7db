"""Find the URLs written in a piece of text, and say which of them are malformed.

Three forms are recognised, scanned left to right in one pass of one compiled pattern:

``<https://…>``
    an angle-bracket autolink; ``raw`` includes the brackets. An unclosed ``<https://…``,
    padding or spaces inside the brackets are problems.
``[text](https://…)``
    a Markdown link; the URL is the *target* (``raw`` is the target as written), and the link
    text is not scanned again, so a link whose text is its own URL is reported once.
bare ``https://…`` or ``www.…``
    trailing sentence punctuation and closing quotes are not part of the URL, nor is a
    closing parenthesis without its opening one (``(see https://x.org/a)``), while balanced
    ones are kept (``https://en.wikipedia.org/wiki/Foo_(bar)``).

Markdown backslash escapes (``\\_``, ``\\(``, ``\\#``…) are removed from ``url``. E-mail
addresses and abbreviations such as "e.g." are never URLs: a URL needs a scheme or ``www.``.

:func:`find_empty_links` finds Markdown links whose target is empty or only ``#``.

The module is footcheck's one home for what a URL is: its host, its registrable domain
(from the Public Suffix List), the one table of tracking parameters, search engines, and the
normal form under which two addresses of the same page are equal.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import astuple, dataclass
from typing import TypeVar
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

__all__ = ["EmptyLink", "FoundUrl", "find_empty_links", "find_urls", "hostname",
           "normalise_url", "registrable_domain", "search_engine", "site_labels",
           "strip_tracking"]

BARE, ANGLE, MARKDOWN = "bare", "angle", "markdown"
MISSING_SCHEME = "missing scheme"  # the problem of www.example.org: all else may be right
EMPTY_HOST = "empty host"  # the problem of "https://" alone: it names no page at all
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class FoundUrl:
    """One URL found in a text.

    ``start``/``end`` are the offsets of ``raw`` in the scanned text. ``raw`` is the URL as
    written (with its ``<``/``>`` for the angle form; only the target for a Markdown link);
    ``url`` is the address with the syntax, escapes and trailing punctuation removed, but
    otherwise as written. ``problem`` says why the URL cannot work as written, and
    ``repaired`` is the URL with that problem fixed, when a fix is certain enough to offer.
    ``form`` is ``"bare"``, ``"angle"`` or ``"markdown"``; ``outer`` is the span of the
    whole construct (``<…>`` or ``[text](…)``), equal to (start, end) for a bare URL.
    """

    start: int
    end: int
    raw: str
    url: str
    problem: str | None = None
    repaired: str | None = None
    form: str = BARE
    outer: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class EmptyLink:
    """A Markdown link whose target is empty or ``#``: ``[National Bank of Georgia](#)``.

    ``start``/``end`` span the whole link; ``text`` is its link text (escapes removed) and
    ``target`` the target as written (``""`` or ``"#"``).
    """

    start: int
    end: int
    raw: str
    text: str
    target: str


# --- patterns ------------------------------------------------------------------------------

# A run of characters of a bare URL: anything but whitespace, angle brackets, double quotes,
# square and curly brackets, typographic quotes and backslash; or a Markdown escape (\_, \().
# Only ever used last in a pattern, so the nested repetition never backtracks.
_CH = r"""(?:[^\s<>"\[\]{}|^`\\“”‘’«»]+|\\[!-/:-@\[-`{-~])"""
_SCHEME_START = r"(?:(?i:https?|ftp)(?:://?/?|:(?=\w)|///?(?=\w)))"
_WWW_START = r"(?:(?i:www)\d{0,3}\.(?=\w))"
_URL_START = rf"(?:{_SCHEME_START}|{_WWW_START})"
_LINK_TEXT = r"(?:[^\[\]\\\n]|\\.|\[(?:[^\[\]\\\n]|\\.)*\])*"
_MD_TARGET = r"(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))+"

# Where a URL may start, searched for in a lower-cased copy: literal branches keep it fast.
_CANDIDATE = re.compile(r"https?[:/]|ftp[:/]|www\d{0,3}\.")
_MD = re.compile(
    rf"""\[{_LINK_TEXT}\]\([ \t]*(?=<?[ \t]*{_URL_START})
    (?:<(?P<mdangle>[^<>\n]*)>|(?P<mdtarget>{_MD_TARGET}))
    (?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)""",
    re.VERBOSE,
)
_ANGLE = re.compile(
    rf"<(?:(?P<afast>(?={_URL_START})[^\s<>]+)>|(?P<apad>[ \t]*)(?={_URL_START})"
    r"(?P<abody>[^<>\n]*(?:\n(?![ \t]*\n)[^<>\n]*)*)(?P<aclose>>)?)"
)
_BARE = re.compile(rf"(?<![\w@.\-/+%\\]){_URL_START}(?:\[[0-9A-Fa-f:.]+\])?{_CH}*")
_EMPTY = re.compile(r"!?\[(?P<text>(?:[^\[\]\\\n]|\\.)*)\]\([ \t]*(?P<target>#?|<#?>)[ \t]*\)")
# How every such link ends: searched first, since most documents have none and this pattern,
# led by a literal, scans a long text far faster than _EMPTY, which must try every "[".
_EMPTY_END = re.compile(r"\]\([ \t]*(?:#?|<#?>)[ \t]*\)")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_WS = re.compile(r"\s+")
# A URL whose scheme and host certainly have nothing wrong: the common case, in one match.
_GOOD_START = (
    r"(?:https?|ftp|HTTPS?|FTP)://(?!(?i:https?|ftp)(?::|//))"
    r"(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+"
    r"[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.?(?::\d{1,5})?"
)
_GOOD = re.compile(rf"{_GOOD_START}(?=[/?#]|\Z)")
# The common <https://…>: closed, no white space or backslash, and _GOOD, in one match.
_GOOD_ANGLE = re.compile(rf"<({_GOOD_START}(?:[/?#][^\s<>\\]*)?)>")
_SCHEME = re.compile(r"(?i)(https?|ftp)(:?/*)")
_TRAIL = frozenset(".,;:!?'\"’”»›*\u060c\u061b\u061f\u06d4。，、；：！？")  # (Arabic's ، ؛ ؟ ۔)
_TRAIL_OR_PAREN = _TRAIL | {")"}
_SPECIAL_BEFORE = frozenset("<[( \t")  # before these a URL may be in a link or brackets
_LOCAL_HOSTS = frozenset({"localhost"})
_MAX_LINK_TEXT = 2000  # longest link text looked back over, to stay linear
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


# --- public API ----------------------------------------------------------------------------


def find_urls(text: str, start: int = 0, end: int | None = None,
              make: Callable[..., _T] = FoundUrl) -> list[_T]:
    """Return the URLs written in ``text[start:end]``, in order, with offsets into ``text``.

    Each result carries the URL as written and cleaned, plus a ``problem`` (and a
    ``repaired`` URL when one can be made) if it is malformed: unclosed ``<``, spaces,
    missing or doubled scheme, invalid host. Runs in linear time: candidate starts are
    found in a lower-cased copy with a literal-prefix pattern, and each is then parsed once.

    ``make`` builds each result from the fields of :class:`FoundUrl`, passed in order; a
    caller that wants its own objects saves building a :class:`FoundUrl` for each URL.
    """
    if end is None:
        end = len(text)
    region = text[start:end]
    low = region.lower()
    if len(low) != len(region):  # a character whose lower case is longer (İ)
        low = region.translate(_ASCII_LOWER)
    out: list[_T] = []
    pos = 0  # in low
    while True:
        candidate = _CANDIDATE.search(low, pos)
        if candidate is None:
            return out
        at = candidate.start() + start
        if at > start and text[at - 1] == "<" and (at - 1 == start or text[at - 2] != "("):
            m = _GOOD_ANGLE.match(text, at - 1, end)  # fast path for the common <https://…>
            if m is not None:
                stop = m.end()
                out.append(make(at - 1, stop, text[at - 1:stop], m[1], None, None, ANGLE,
                                (at - 1, stop)))
                pos = stop - start
                continue
        if at > start and text[at - 1] not in _SPECIAL_BEFORE:
            m = _BARE.match(text, at, end)  # fast path for a common bare URL
            if m is not None:
                url = m[0]
                if url[-1] in _TRAIL_OR_PAREN:
                    url = _trim(url)
                if url and _GOOD.match(url) and "\\" not in url and not (
                        url[-1] in "-/" and text.startswith("\n", at + len(url))) and not (
                        url[-1] in "_-" and text.startswith(" ", at + len(url))):
                    stop = at + len(url)
                    out.append(make(at, stop, url, url, None, None, BARE, (at, stop)))
                    pos = stop - start
                    continue
        found = _url_at(text, at, start, end)
        if found is None:
            pos = at + 1 - start
        else:
            out.append(found if make is FoundUrl else make(*astuple(found)))
            pos = found.outer[1] - start


def find_empty_links(text: str, start: int = 0, end: int | None = None) -> list[EmptyLink]:
    """Return the Markdown links in ``text[start:end]`` whose target is empty or only ``#``."""
    if end is None:
        end = len(text)
    if _EMPTY_END.search(text, start, end) is None:
        return []
    return [
        EmptyLink(start=m.start(), end=m.end(), raw=m.group(),
                  text=_UNESCAPE.sub(r"\1", m.group("text")).strip(),
                  target=m.group("target").strip("<>"))
        for m in _EMPTY.finditer(text, start, end)
    ]


def _url_at(text: str, at: int, lo: int, end: int) -> FoundUrl | None:
    """Parse the URL whose scheme or ``www`` starts at ``at``, in whichever form it is."""
    p = at
    while p > lo and text[p - 1] in " \t":
        p -= 1
    prev = text[p - 1] if p > lo else ""
    if prev == "[":  # [https://…](https://…): a link whose text is its own URL
        m = _MD.match(text, p - 1, end)
        if m is not None:
            return _markdown(m)
    q = p - 1
    if prev == "<":
        while q > lo and text[q - 1] in " \t":
            q -= 1
        q -= 1
    if q > lo and text[q] == "(" and text[q - 1] == "]":  # the target of [text](…)
        m = _link_at(text, q - 1, lo, end)
        if m is not None and m.end() > at:
            return _markdown(m)
    if prev == "<":
        m = _ANGLE.match(text, p - 1, end)
        if m is not None:
            return _angle(text, m)
    m = _BARE.match(text, at, end)
    if m is None:
        return None
    return _bare(text, at, m.end(), end)


def _link_at(text: str, close: int, lo: int, end: int) -> re.Match[str] | None:
    """The Markdown link whose text ends with the ']' at ``close``, if there is one.

    Looks back (on the same line, at most ``_MAX_LINK_TEXT`` characters) for the '[' that
    opens it, trying the last three candidates so that one nested [ ] pair is allowed.
    """
    floor = max(lo, close - _MAX_LINK_TEXT, text.rfind("\n", lo, close) + 1)
    i = close
    for _ in range(3):
        i = text.rfind("[", floor, i)
        if i == -1:
            return None
        m = _MD.match(text, i, end)
        if m is not None:
            return m
    return None


# --- the three forms -----------------------------------------------------------------------


def _trim(raw: str) -> str:
    """Strip trailing sentence punctuation, quotes and unbalanced ')' from a bare URL."""
    opens = closes = -1
    while raw:
        last = raw[-1]
        if last == ")":
            if opens < 0:
                opens, closes = raw.count("("), raw.count(")")
            if closes <= opens:
                return raw
            closes -= 1
        elif last not in _TRAIL:
            return raw
        cut = 1
        slashes = len(raw) - 1 - len(raw[:-1].rstrip("\\"))
        if slashes % 2:
            cut += 1  # an escaped character goes with its backslash
        raw = raw[:-cut]
    return raw


def _bare(text: str, start: int, end: int, limit: int) -> FoundUrl | None:
    """A bare URL from its greedy match, with trailing punctuation removed, and its rest
    on the next line (up to ``limit``) when a hard wrap broke it there (:func:`_wrapped`)."""
    raw = _trim(text[start:end])
    if not raw:
        return None
    url = _UNESCAPE.sub(r"\1", raw) if "\\" in raw else raw
    stop = start + len(raw)
    if url[-1] in "-/" and text.startswith("\n", stop):
        rest = _wrapped(text, stop + 1, limit, url[-1])
        if rest is not None:
            url += rest[0]
            stop = rest[1]
            raw = text[start:stop]
    elif url[-1] in "_-" and text.startswith(" ", stop) and \
            (rest := _SPACED_REST.match(text, stop, limit)) is not None and \
            _URLISH.search(rest[1]):
        # "…_Rights_ of_the_Child.pdf": a space typed into the address (no address ends
        # with "_" or "-"); what follows it has a URL's marks
        rest_raw = _trim(rest[1])
        stop = rest.start(1) + len(rest_raw)
        raw = text[start:stop]
        return FoundUrl(start, stop, raw, url + " " + rest_raw, "contains spaces",
                        url + rest_raw, BARE, (start, stop))
    problem, repaired = _analyse(url)
    return FoundUrl(start, stop, raw, url, problem, repaired, BARE, (start, stop))


#: The rest of a URL a hard wrap moved to the next line: no space, lower case or a digit
#: first, so that a line of prose after a URL is not taken for its rest.
_REST = re.compile(r"[ \t]*([a-z0-9][\w\-.~/?#=&%+:@!$*,;]*)")
#: The rest of an address after a space typed into it: one word, no space.
_SPACED_REST = re.compile(r" ([\w\-.~/?#=&%+:@!$*,;]+)")
#: What only a URL's rest has: a path, a query, a file's suffix, a dashed number.
_URLISH = re.compile(r"[/?=&%_]|\.(?:s?html?|php|aspx?|jsp|pdf|docx?|xlsx?|csv|xml|json)\b|-\d")


def _wrapped(text: str, at: int, end: int, last: str) -> tuple[str, int] | None:
    """The rest of a URL that ends with ``last`` (``-`` or ``/``) at a line break, read
    from ``at`` on the next line, and where it ends; ``None`` when the next line does not
    go on with it. After ``-`` (where no URL ends) any such word goes on; after ``/``
    only one with a URL's marks (``report-2023.pdf``, ``?id=4``), not ``accessed``,
    ``well-known`` or ``e.g.``."""
    m = _REST.match(text, at, end)
    if m is None:
        return None
    rest = _trim(m[1])
    if not rest or (last == "/" and not _URLISH.search(rest)):
        return None
    return rest, m.start(1) + len(rest)


def _angle(text: str, m: re.Match[str]) -> FoundUrl:
    """An angle-bracket URL, closed or not."""
    start, end = m.span()
    url = m.group("afast")
    if url is not None:  # the common case: closed, no spaces
        if "\\" in url:
            url = _UNESCAPE.sub(r"\1", url)
        problem, repaired = _analyse(url)
        return FoundUrl(start, end, text[start:end], url, problem, repaired, ANGLE, (start, end))
    body, pad, close = m.group("abody", "apad", "aclose")
    closed = close is not None
    problems: list[str] = []
    if closed:
        inner = body.rstrip()
        gaps = len(_WS.findall(inner))
        if gaps > 3:  # prose follows: the '<' was never closed, a later '>' is not its own
            closed = False
    if closed:
        raw = text[start:end]
        if pad or inner != body:
            problems.append("space inside the angle brackets")
        url = inner
        if all("\n" in gap for gap in _WS.findall(inner)):
            # wrapped at the end of a line: "<https://x.org/2016/python-\n  packaging.html>",
            # whitespace a reader ignores (RFC 3986, appendix C; reStructuredText's rule)
            url = _WS.sub("", inner)
    else:
        first = _WS.search(body)
        url = _trim(body if first is None else body[: first.start()])
        end = m.start("abody") + len(url)
        raw = text[start:end]
        problems.append("'<' is never closed with '>'")
    if "\\" in url:
        url = _UNESCAPE.sub(r"\1", url)
    problem, repaired = _analyse(url, spaced=True)
    if problem:
        problems.append(problem)
    elif problems:
        repaired = url
    return FoundUrl(start, end, raw, url, "; ".join(problems) or None, repaired, ANGLE,
                    (start, end))


def _markdown(m: re.Match[str]) -> FoundUrl:
    """The target of a Markdown link ``[text](target)``."""
    group = "mdangle" if m.group("mdangle") is not None else "mdtarget"
    start, end = m.span(group)
    raw = m.group(group)
    if group == "mdangle":
        start, end, raw = start - 1, end + 1, "<" + raw + ">"
        # CommonMark's destination in angle brackets may hold spaces, which a page's link
        # sends as %20 (``[Picasso](<https://en.wikipedia.org/wiki/Pablo Picasso>)``)
        url = raw[1:-1].strip().replace(" ", "%20")
    else:
        url = raw
    if "\\" in url:
        url = _UNESCAPE.sub(r"\1", url)
    problem, repaired = _analyse(url, spaced=group == "mdangle")
    return FoundUrl(start, end, raw, url, problem, repaired, MARKDOWN, m.span())


# --- validity ------------------------------------------------------------------------------


def _analyse(url: str, spaced: bool = False) -> tuple[str | None, str | None]:
    """Return (problem, repaired URL) for a cleaned URL; (None, None) when it is fine."""
    if _GOOD.match(url) and (spaced is False or _WS.search(url) is None):
        return None, None
    problems: list[str] = []
    fixable = True
    fixed = url
    if any(c.isspace() for c in fixed):
        problems.append("contains spaces")
        fixed = _despace(fixed)
    m = _SCHEME.match(fixed)
    if m is None:  # www.… without a scheme
        problems.append(MISSING_SCHEME)
        scheme, rest = "https", fixed
    else:
        scheme, sep = m.group(1).lower(), m.group(2)
        rest = fixed[m.end():]
        if sep != "://":
            problems.append(f"malformed scheme '{m.group(0)}'")
        inner = _SCHEME.match(rest)
        if inner is not None and inner.group(2):
            problems.append(f"doubled scheme '{m.group(0)}{inner.group(0)}'")
            other = inner.group(1).lower()
            scheme = "https" if "https" in (scheme, other) else other
            rest = rest[inner.end():]
    host_problem = _host_problem(rest)
    if host_problem:
        problems.append(host_problem)
        fixable = False
    if not problems:
        return None, None
    return "; ".join(problems), (f"{scheme}://{rest}" if fixable else None)


def _despace(url: str) -> str:
    """Remove line breaks (and the spaces around them) and spaces after '-' or '/';
    encode the other spaces as %20."""
    def repl(m: re.Match[str]) -> str:
        gap = m.group()
        before = url[m.start() - 1] if m.start() else ""
        return "" if "\n" in gap or before in "-/_." else "%20"

    return _WS.sub(repl, url)


def _digits(text: str) -> bool:
    """Whether ``text`` is ASCII digits (``"⁷".isdigit()`` is true too)."""
    return text.isascii() and text.isdigit()


def _host_problem(rest: str) -> str | None:
    """Describe what is wrong with the host at the start of ``rest`` (after the scheme)."""
    cut = len(rest)
    for sep in "/?#":
        i = rest.find(sep)
        if i != -1 and i < cut:
            cut = i
    authority = rest[:cut]
    host = authority.rpartition("@")[2]
    if host.startswith("["):
        close = host.find("]")
        if close == -1:
            return "invalid host: unclosed '[' in IPv6 address"
        port = host[close + 1:]
        if port and not (port.startswith(":") and _digits(port[1:])):
            return f"invalid port '{port[1:]}'"
        return None
    host, _, port = host.partition(":")
    if port and not _digits(port):  # (an empty port is the scheme's: RFC 3986, 3.2.3)
        return f"invalid port '{port}'"
    if not host:
        return EMPTY_HOST
    name = host[:-1] if host.endswith(".") else host
    for ch in name:  # ASCII letters and digits, and letters of other scripts (IDN)
        if not (ch in ".-_" or (ch.isalnum() if ch.isascii() else ch.isalpha())):
            return f"invalid character {ch!r} in host '{host}'"
    labels = name.split(".")
    if any(not label for label in labels):
        return f"invalid host '{host}': empty label"
    if len(labels) == 1:
        if name.lower() in _LOCAL_HOSTS:
            return None
        return f"invalid host '{host}': no domain"
    if all(_digits(label) for label in labels):
        if len(labels) == 4 and all(len(label) <= 3 and int(label) <= 255 for label in labels):
            return None
        return f"invalid host '{host}': not a valid IP address"
    for label in labels:
        if label.startswith("-") or label.endswith("-"):
            return f"invalid host '{host}': label '{label}' starts or ends with '-'"
        if len(label) > 63:
            return f"invalid host '{host}': label longer than 63 characters"
    if labels[-1].isdigit():
        return f"invalid host '{host}': numeric top-level domain"
    return None


# --- addresses: host, site, tracking, search engines, identity ----------------------------------

#: Query parameters that only ever carry tracking or campaign data, on any site: dropped when
#: deciding whether two URLs are the same page, and reported by the tracking-url rule.
TRACKING = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "ysclid",
    "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "sxsrf",
    "twclid", "ttclid", "li_fat_id", "srsltid", "ref_src", "ref_url", "cmpid", "ocid",
    "smid", "sref", "s_cid", "at_medium", "at_campaign", "ito",
})
#: Parameters that record a search session: tracking only on a search engine's own pages.
SEARCH_SESSION = frozenset({
    "rlz", "gs_lcrp", "gs_lp", "gs_ssp", "sourceid", "ved", "ei", "oq", "aqs", "uact",
    "sca_esv", "sca_upv", "sclient", "iflsig", "bih", "biw", "dpr", "client", "ie", "sa",
    "usg", "source", "cvid", "form", "pq", "sc", "qs", "sk", "ghc", "lq", "ghsh", "ghacc",
    "lr", "clid", "redircnt", "rsv_pq", "rsv_t", "rqlang", "rsv_enter", "rsv_sug",
})
#: Parameters that choose a presentation of the same page (not tracking, so not reported):
#: dropped only when deciding whether two URLs are the same page.
PRESENTATION = frozenset({"amp"})
_GOOGLE = re.compile(r"(?:^|\.)google\.(?:com?\.)?[a-z]{2,3}$")
_YANDEX = re.compile(r"(?:^|\.)(?:yandex\.(?:com?\.)?[a-z]{2,3}|ya\.ru)$")
_OTHER_ENGINES = ("bing.com", "duckduckgo.com", "yahoo.com", "baidu.com")
# Only these hosts can be search engines: a cheap test on the lower-cased URL first.
ENGINE_HINT = re.compile(r"google\.|bing\.com|duckduckgo\.|yahoo\.|yandex\.|ya\.ru|baidu\.")
_LOCAL = re.compile(r"^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$|\.localhost$")
#: An http(s) URL with a plain host, no port, query, fragment or white space.
_SIMPLE_URL = re.compile(r"(?i:https?)://([A-Za-z0-9.\-]+)(/[^?#\s]*)?")
_ANY_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def same_site_host(host: str | None) -> str:
    """``host`` lower-cased and without its ``www.``: ``www.example.org`` and
    ``example.org`` are one site."""
    return (host or "").lower().removeprefix("www.")


def hostname(url: str) -> str:
    """The lower-cased host name of ``url``; empty when it has none or cannot be read."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _suffixes():
    """The Public Suffix List, as bundled with the publicsuffixlist package (no network).

    Its rules are not also encoded to punycode (``accept_encoded_idn=False``): that takes
    three times as long to load (55 ms against 20, a fifth of a whole audit of the sample),
    for hosts written ``xn--…``, which notes hardly ever hold. Loaded once under a lock: the
    link checker's threads all ask at once, and each parsed the list (160 threads: 3 s of
    CPU at the start of a large run)."""
    global _SUFFIX_LIST
    if _SUFFIX_LIST is None:
        with _SUFFIX_LOCK:
            if _SUFFIX_LIST is None:
                from publicsuffixlist import PublicSuffixList

                _SUFFIX_LIST = PublicSuffixList(accept_encoded_idn=False)
    return _SUFFIX_LIST


_SUFFIX_LIST = None
_SUFFIX_LOCK = threading.Lock()


def registrable_domain(host: str) -> str:
    """The part of ``host`` a registrant owns, by the Public Suffix List: ``news.bbc.co.uk``
    -> ``bbc.co.uk``; the host itself when the list has nothing better (an IP address, a
    single label, a host that is a public suffix)."""
    host = host.lower().rstrip(".")
    if not host or host.replace(".", "").isdigit() or ":" in host:
        return host
    return _suffixes().privatesuffix(host) or host


def site_labels(host: str) -> list[str]:
    """The labels of ``host`` before its public suffix, without ``www`` and language
    subdomains: ``en.news.bbc.co.uk`` -> ``["news", "bbc"]``."""
    host = host.lower().rstrip(".")
    suffix = _suffixes().publicsuffix(host) if host else None
    stem = host[: -len(suffix) - 1] if suffix and host.endswith("." + suffix) else host
    return [label for label in stem.split(".") if label and label not in _NOT_SITE]


_NOT_SITE = frozenset({"www", "en", "ru", "rus", "m", "amp"})


def on_search_engine(host: str) -> bool:
    """Whether ``host`` (lower case) belongs to a search engine."""
    return bool(_GOOGLE.search(host) or _YANDEX.search(host)) or host.endswith(_OTHER_ENGINES)


def is_tracking(name: str, search: bool = False) -> bool:
    """Whether a query parameter ``name`` carries tracking data (``search``: on a search
    engine's page, where search-session parameters count too)."""
    name = name.lower()
    return name.startswith("utm_") or name in TRACKING or (search and name in SEARCH_SESSION)


def is_local(url: str) -> bool:
    """Whether the URL points at this machine (localhost, 127.x.x.x)."""
    host = hostname(url)
    return bool(_LOCAL.search(host)) or host == "::1"


def search_engine(url: str) -> tuple[str, str | None] | None:
    """If ``url`` is a search-results page or a search redirect, say which.

    Returns ``(description, target)``: ``target`` is the address a redirect wrapper
    (``google.com/url?q=…``) leads to, else ``None``. Returns ``None`` for any other URL.
    """
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    path = parts.path.rstrip("/") or "/"
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    query = params.get("q") or params.get("query") or params.get("text") or params.get("wd") \
        or params.get("p") or params.get("word") or params.get("bsq") or ""
    about = f" for '{query}'" if query else ""
    if _GOOGLE.search(host):
        if host.startswith("books."):
            if path == "/books" and "q" in params and "id" not in params:
                return f"Google Books search{about}", None
            return None
        if host.startswith("scholar."):
            return (f"Google Scholar search{about}", None) if path == "/scholar" else None
        if path == "/url":
            target = params.get("q") or params.get("url")
            if target and _is_web(target):
                return "Google redirect link", target
            return None
        if path in ("/search", "/webhp", "/") and ("q" in params or "tbm" in params):
            if params.get("tbm") == "bks":
                return f"Google Books search{about}", None
            return f"Google search results page{about}", None
        return None
    if host.endswith("bing.com") and path.endswith("/search"):
        return f"Bing search results page{about}", None
    if host.endswith("duckduckgo.com") and path in ("/", "/html", "/lite") and "q" in params:
        return f"DuckDuckGo search results page{about}", None
    if host.endswith("search.yahoo.com") and path.startswith("/search"):
        return f"Yahoo search results page{about}", None
    if _YANDEX.search(host) and path.startswith(("/search", "/images/search")):
        return f"Yandex search results page{about}", None
    if host.endswith("baidu.com") and path == "/s":
        return f"Baidu search results page{about}", None
    return None


#: Part of every address :func:`wrapper` recognises (a quick test before parsing a URL).
WRAPPER_HINT = re.compile(r"safelinks|urldefense|mimecast|facebook\.|instagram\.|vk\.com"
                          r"|linkedin\.|youtube\.|slack-redir")
#: Exit pages of social networks and other sites: (host, path, name, the parameter holding
#: the address they lead to). A host matches itself and its subdomains.
_EXIT_PAGES = (
    ("l.facebook.com", "/l.php", "Facebook", "u"),
    ("lm.facebook.com", "/l.php", "Facebook", "u"),
    ("l.instagram.com", "/", "Instagram", "u"),
    ("vk.com", "/away.php", "VK", "to"),
    ("linkedin.com", "/redir/redirect", "LinkedIn", "url"),
    ("youtube.com", "/redirect", "YouTube", "q"),
    ("slack-redir.net", "/link", "Slack", "url"),
    ("safelinks.protection.outlook.com", "/", "Outlook Safe Links", "url"),
)
_PROOFPOINT_ESCAPE = re.compile(r"-([0-9A-Fa-f]{2})")


def wrapper(url: str) -> tuple[str, str | None] | None:
    """If ``url`` wraps another address (an e-mail filter's rewritten link, a social
    network's exit page), say which: ``(the wrapper's name, the address it leads to)``, the
    address ``None`` when the wrapper does not carry it (Mimecast). ``None`` for any other
    URL, and for a wrapper whose address is not an http(s) one."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    path = parts.path or "/"
    if host in ("urldefense.com", "www.urldefense.com") and path.startswith("/v3/__"):
        inner = url.split("/v3/__", 1)[1].split("__;", 1)[0]  # '*' escapes what it changed
        target = inner if "*" not in inner else None
        return ("Proofpoint URL Defense", target) if not target or _is_web(target) else None
    if host == "urldefense.proofpoint.com" and path == "/v2/url":
        written = dict(parse_qsl(parts.query)).get("u", "")  # https-3A__host_path: '-XX' is
        target = unquote(_PROOFPOINT_ESCAPE.sub(r"%\1", written.replace("_", "/")))  # %XX
        return ("Proofpoint URL Defense", target) if _is_web(target) else None
    if host.endswith("mimecast.com") and path.startswith("/s/"):
        return "Mimecast", None
    for suffix, exit_path, name, key in _EXIT_PAGES:
        if (host == suffix or host.endswith("." + suffix)) and path.rstrip("/") == \
                exit_path.rstrip("/"):
            target = dict(parse_qsl(parts.query)).get(key, "")
            return (name, target) if _is_web(target) else None
    return None


def _is_web(url: str) -> bool:
    """Whether ``url`` is an http(s) address (a wrapper may hold any other)."""
    return url[:8].lower().startswith(("http://", "https://"))


def strip_tracking(url: str) -> tuple[str, list[str]]:
    """Return ``url`` without tracking parameters and text fragments, and what was removed.

    The rest of the URL is kept exactly as written (nothing is re-encoded). Search-session
    parameters such as ``rlz`` or ``ved`` count as tracking only on a search engine's host.
    """
    base, hash_, fragment = url.partition("#")
    removed: list[str] = []
    if hash_ and ":~:" in fragment:
        kept_fragment = fragment.split(":~:", 1)[0]
        directive = fragment[len(kept_fragment):]
        removed.append("text fragment '#" + shorten(directive, 30) + "'")
        fragment = kept_fragment
        hash_ = "#" if fragment else ""
    path, question, query = base.partition("?")
    if question:
        search = on_search_engine(hostname(url))
        kept: list[str] = []
        for pair in query.split("&"):
            name = unquote(pair.partition("=")[0])
            if is_tracking(name, search):
                removed.append(name.lower())
            else:
                kept.append(pair)
        query = "&".join(p for p in kept if p)
        question = "?" if query else ""
    return f"{path}{question}{query}{hash_}{fragment}", removed


def normalise_url(url: str) -> str:
    """A form of ``url`` that is equal for addresses of the same page.

    Scheme, ``www.``, host case, default port, trailing slash, fragment, tracking
    parameters (:func:`is_tracking`, the same table the tracking-url rule reports) and
    :data:`PRESENTATION` parameters are dropped; the path and the remaining query are kept
    as written. A URL that urllib cannot read (a port that is no number, a broken ``[IPv6]``
    host) is kept as written but for its scheme, ``www.``, host case, fragment and trailing
    slash.
    """
    simple = _SIMPLE_URL.fullmatch(url)
    if simple:  # the common case, read without urllib: the same result, faster
        host = same_site_host(simple.group(1).rstrip("."))
        if host:
            return host + (simple.group(2) or "").rstrip("/")
    try:
        parts = urlsplit(url.strip())
        host = same_site_host((parts.hostname or "").rstrip("."))
        port = parts.port
        search = on_search_engine(host)
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                           if not is_tracking(k, search) and k.lower() not in PRESENTATION],
                          doseq=True)
    except ValueError:  # a port that is no number, a broken [IPv6] host, a lone surrogate…
        return _rough_url(url)
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = re.sub(r"/+$", "", parts.path) or ""
    return urlunsplit(("", host, path, query, "")).lstrip("/")


def anchor(url: str) -> str:
    """The part of the page ``url`` points at: its fragment without a text directive
    (``#os.fsencode``; ``#:~:text=…`` is no anchor); empty when there is none."""
    return url.partition("#")[2].split(":~:", 1)[0]


def _rough_url(url: str) -> str:
    """:func:`normalise_url` of a URL that urllib cannot read: the address as written, without
    its scheme, ``www.``, fragment and trailing slash, its host part lower-cased."""
    rest = _ANY_SCHEME.sub("", url.strip()).split("#", 1)[0]
    host, slash, path = rest.partition("/")
    return (same_site_host(host.rstrip(".")) + slash + path).rstrip("/")


def shorten(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
