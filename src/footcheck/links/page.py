"""What a fetched HTML page says about itself: title, publication date, and warning signs.

The warning signs are those of a "not found" page served with 200 (a soft 404) and those of a
page that stands between the reader and the source (bot wall, challenge, login, paywall).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass

_HEAD_END = re.compile(r"</head\s*>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_SCRIPT_STYLE = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SPACE = re.compile(r"\s+")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
_JSON_LD = re.compile(
    r"""<script[^>]*type\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script\s*>""",
    re.I | re.S)
_PASSWORD = re.compile(r"""<input[^>]+type\s*=\s*["']?password""", re.I)

TEXT_LIMIT = 20_000

# --- soft 404 --------------------------------------------------------------------------------
_NOT_FOUND = re.compile(
    r"(page|file|article|content|document|resource|url)?\s*(was |is |has been )?"
    r"(not found|not be found|cannot be found|can't be found|can’t be found|could not be found"
    r"|couldn't be found|couldn’t be found|does not exist|doesn't exist|doesn’t exist"
    r"|no longer exists|no longer available|is missing|not available|unavailable"
    r"|introuvable|nicht gefunden|no encontrada|non trovata|niet gevonden|nie znaleziono"
    r"|не найдена|не найден|не существует)"
    r"|\b(error\s*)?(404|410)\b|\bfehler\s*404\b|\bseite\b.*\bnicht\b.*\bgefunden\b",
    re.I)
_FILLER = re.compile(
    r"\b(oops|whoops|sorry|we're sorry|we are sorry|error|http|status|code|the|this|that|your"
    r"|requested|page|file|article|content|document|resource|url|we|you|can|could|not|find"
    r"|looking|for|are|were|is|was|a|an|it|seems|looks|like|страница|ошибка|seite|página"
    r"|pagina|la|le|die|de)\b", re.I)
_SEGMENT_SPLIT = re.compile(r"\s+[|–—·•:»-]\s+|\s*\|\s*")

# --- walls -----------------------------------------------------------------------------------
_CHALLENGE_TITLE = re.compile(
    r"just a moment|attention required|access denied|access to this page has been denied"
    r"|are you a (robot|human)|verify(ing)? (that )?you are (a )?human|human verification"
    r"|security check|captcha|bot (check|protection|verification)|checking (your|if the site)"
    r"|please enable (js|javascript|cookies)|request unsuccessful|pardon our interruption"
    r"|one more step|ddos protection|unusual traffic|request blocked|you have been blocked"
    r"|too many requests", re.I)
_CHALLENGE_BODY = re.compile(
    r"cf-challenge|challenge-platform|cf_chl_|g-recaptcha|h-captcha|hcaptcha\.com|px-captcha"
    r"|captcha-delivery\.com|_incapsula_resource|distil_r_captcha|perimeterx|awswaf", re.I)
_LOGIN_TITLE = re.compile(
    r"\b(log ?in|sign ?in|sign on|single sign-on|authenticat\w*|anmelden|connexion"
    r"|iniciar sesi[oó]n|вход)\b", re.I)
_PAYWALL_TITLE = re.compile(
    r"subscribe to (read|continue)|subscription required|subscribers only"
    r"|register to (read|continue)|become a member to", re.I)
LOGIN_PATH = re.compile(
    r"/(login|log-in|signin|sign-in|sign_in|sso|auth|oauth2?|account/login|users/sign_in"
    r"|session/new|idp|cas/login|accounts/login)\b", re.I)


@dataclass(frozen=True)
class Page:
    """The facts footcheck reads from an HTML page.

    ``title`` is the best title for matching a citation (``citation_title``, then
    ``og:title``, then ``<title>``); ``html_title`` is the ``<title>`` element alone.
    ``published`` is an ISO 8601 date. ``text`` is the start of the visible text.
    """

    title: str | None = None
    html_title: str | None = None
    h1: str | None = None
    published: str | None = None
    text: str = ""
    has_password: bool = False
    challenge_scripts: bool = False


def decode(body: bytes, charset: str | None) -> str:
    """Decode an HTML body: the header's charset, then a ``<meta charset>``, then UTF-8."""
    candidates = [charset] if charset else []
    sniffed = _META_CHARSET.search(body[:4096])
    if sniffed:
        candidates.append(sniffed.group(1).decode("ascii", "replace"))
    candidates.append("utf-8")
    for name in candidates:
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", "replace")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACE.sub(" ", html.unescape(value)).strip()
    return value or None


def visible_text(markup: str, limit: int = TEXT_LIMIT) -> str:
    """The text a reader sees, roughly: no scripts, styles, tags or extra whitespace."""
    markup = _COMMENT.sub(" ", markup)
    markup = _SCRIPT_STYLE.sub(" ", markup)
    text = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()
    return text[:limit]


def parse(body: bytes, charset: str | None = None) -> Page:
    """Read title, publication date, first heading and visible text from an HTML body."""
    from bs4 import BeautifulSoup

    markup = decode(body, charset)
    end = _HEAD_END.search(markup)
    head = markup[: end.end()] if end else markup[:200_000]
    rest = markup[end.end():] if end else markup
    soup = BeautifulSoup(head, "html.parser")

    metas: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("name") or tag.get("property") or tag.get("itemprop") or ""
        value = tag.get("content")
        if isinstance(key, str) and isinstance(value, str) and value.strip():
            metas.setdefault(key.strip().lower(), value.strip())
    title_tag = soup.find("title")
    html_title = _clean(title_tag.get_text()) if title_tag else None
    title = (_clean(metas.get("citation_title")) or _clean(metas.get("og:title"))
             or _clean(metas.get("twitter:title")) or html_title)

    h1_match = _H1.search(rest if end else markup)
    h1 = _clean(_TAG.sub(" ", h1_match.group(1))) if h1_match else None
    published = _published(metas, markup)
    text = visible_text((rest if end else markup)[:300_000])
    return Page(title=title, html_title=html_title, h1=h1, published=published, text=text,
                has_password=bool(_PASSWORD.search(markup)),
                challenge_scripts=bool(_CHALLENGE_BODY.search(markup[:200_000])))


# --- dates -----------------------------------------------------------------------------------
_DATE_META = (
    "citation_publication_date", "citation_date", "citation_online_date",
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "dc.date.created", "date", "pubdate", "publishdate", "publish-date", "publication_date",
    "sailthru.date", "parsely-pub-date",
)
_TIME_PUBLISHED = re.compile(
    r"""<time[^>]*itemprop\s*=\s*["']?datePublished["']?[^>]*datetime\s*=\s*["']([^"']+)"""
    r"""|<time[^>]*datetime\s*=\s*["']([^"']+)["'][^>]*itemprop\s*=\s*["']?datePublished""",
    re.I)


def _published(metas: dict[str, str], markup: str) -> str | None:
    for name in _DATE_META[:6]:
        found = normalize_date(metas.get(name))
        if found:
            return found
    found = _json_ld_date(markup)
    if found:
        return found
    for name in _DATE_META[6:]:
        found = normalize_date(metas.get(name))
        if found:
            return found
    match = _TIME_PUBLISHED.search(markup)
    return normalize_date(match.group(1) or match.group(2)) if match else None


def _json_ld_date(markup: str) -> str | None:
    for block in _JSON_LD.findall(markup):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        stack = [data]
        seen = 0
        while stack and seen < 500:
            seen += 1
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, str):
                    found = normalize_date(value)
                    if found:
                        return found
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return None


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_YMD_SEP = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_DMY_DOT = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T?\d{4,6}Z?)?$")
_YM = re.compile(r"(\d{4})(?:-(\d{1,2}))?$")
_MDY_WORDS = re.compile(r"([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)
_DMY_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})", re.I)
_EPOCH = re.compile(r"\d{10}(?:\.\d+)?$")


def _ymd(y: str | int, m: str | int, d: str | int) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def normalize_date(value: str | None) -> str | None:
    """An ISO 8601 date (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when that is all there is).

    Accepts ISO dates and date-times (the date as written is kept, without converting time
    zones), ``2023/05/04``, ``04.05.2023``, ``20230504``, ``May 4, 2023``, ``4 May 2023``,
    RFC 2822 dates and Unix timestamps. Returns ``None`` for anything else.
    """
    if not value:
        return None
    value = value.strip()
    if not value:
        return None
    for pattern in (_ISO, _YMD_SEP):
        m = pattern.match(value)
        if m:
            return _ymd(*m.groups())
    m = _DMY_DOT.match(value)
    if m:
        return _ymd(m.group(3), m.group(2), m.group(1))
    m = _COMPACT.match(value)
    if m:
        return _ymd(*m.groups())
    m = _YM.match(value)
    if m and 1000 <= int(m.group(1)) <= 2999:
        if m.group(2) is None:
            return m.group(1)
        if 1 <= int(m.group(2)) <= 12:
            return f"{m.group(1)}-{int(m.group(2)):02d}"
        return None
    m = _MDY_WORDS.search(value)
    if m and m.group(1).lower() in _MONTHS:
        return _ymd(m.group(3), _MONTHS[m.group(1).lower()], m.group(2))
    m = _DMY_WORDS.search(value)
    if m and m.group(2).lower() in _MONTHS:
        return _ymd(m.group(3), _MONTHS[m.group(2).lower()], m.group(1))
    if _EPOCH.match(value):
        try:
            return dt.datetime.fromtimestamp(float(value), tz=dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    return None


# --- signals ---------------------------------------------------------------------------------
def _is_error_phrase(segment: str) -> bool:
    if not _NOT_FOUND.search(segment):
        return False
    rest = _NOT_FOUND.sub(" ", segment)
    rest = _FILLER.sub(" ", rest)
    rest = re.sub(r"[\W\d_]+", "", rest)
    return len(rest) <= 3


def says_not_found(text: str | None) -> bool:
    """True when a title or heading is a "not found" message (and nothing else).

    The title is split at the usual site-name separators (``|``, `` - ``, `` – ``…), and one
    part must consist of the message alone, so an article titled "Why the bodies were not
    found" is not taken for an error page.
    """
    if not text:
        return False
    text = text.strip()
    if len(text) > 160:
        return False
    return any(_is_error_phrase(part) for part in _SEGMENT_SPLIT.split(text) if part.strip())


def not_found_signal(page: Page) -> str | None:
    """Why ``page`` looks like a "not found" page, or ``None``."""
    if says_not_found(page.html_title):
        return f"title says {page.html_title!r}"
    if says_not_found(page.h1):
        return f"heading says {page.h1!r}"
    return None


def wall_signal(page: Page | None, status: int, headers: object, final_path: str,
                original_path: str) -> str | None:
    """Why a response looks like a bot wall, challenge, login or paywall page, or ``None``.

    ``headers`` is a case-insensitive mapping of the response headers.
    """
    get = getattr(headers, "get", lambda *_: None)
    if (get("cf-mitigated") or "").lower() == "challenge":
        return "bot challenge (cf-mitigated: challenge)"
    for header in ("x-datadome", "x-amzn-waf-action", "x-sucuri-block"):
        if get(header):
            return f"bot wall ({header})"
    if page is None:
        return None
    title = page.html_title or page.title or ""
    if _CHALLENGE_TITLE.search(title):
        return f"bot wall or challenge page (title {title!r})"
    if page.challenge_scripts and len(page.text) < 2_000:
        return "bot wall or challenge page"
    if _PAYWALL_TITLE.search(title):
        return f"paywall (title {title!r})"
    login_path = bool(LOGIN_PATH.search(final_path)) and not LOGIN_PATH.search(original_path)
    if _LOGIN_TITLE.search(title) and (page.has_password or login_path):
        return f"login page (title {title!r})"
    if login_path and page.has_password:
        return "login page"
    return None

