"""What a fetched HTML page says about itself: title, publication date, and warning signs.

The warning signs are those of a "not found" page served with 200 (a soft 404) and those of a
page that stands between the reader and the source (bot wall, challenge, login, paywall).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import SplitResult, unquote, urlsplit

from ..dates import calendar_day, month_number

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_TAG = re.compile(r"<[^>]*>")
#: Elements whose content a reader does not see.
_HIDDEN = re.compile(r"<(script|style|noscript|template|svg)[\s>/]|<!--")
#: Markers of bot-challenge scripts (searched in the lower-cased page).
_CHALLENGE_MARKERS = (
    "cf-challenge", "challenge-platform", "cf_chl_", "g-recaptcha", "h-captcha",
    "hcaptcha.com", "px-captcha", "captcha-delivery.com", "_incapsula_resource",
    "distil_r_captcha", "perimeterx", "awswaf", "anubis_challenge")
_PASSWORD = re.compile(r"""<input[^>]+type\s*=\s*["']?password""")
#: The content of a ``<meta http-equiv="refresh">``: a delay, then (perhaps) ``url=``.
_REFRESH = re.compile(r"""\s*(\d+)(?:\.\d*)?\s*(?:[;,]\s*|\s+)(?:url\s*=\s*)?(["']?)(.+?)\2\s*$""",
                      re.I | re.S)
#: A refresh to another address within this many seconds is a redirect; a longer one (a
#: page reloading itself, a session ending) is not.
REFRESH_FOLLOWED = 10

#: How much of a page is read: the head (when it has no end), the markup scanned for the
#: visible text, and bounds on the elements of each kind looked at.
HEAD_LIMIT = 200_000
BODY_LIMIT = 300_000
_MAX_TAGS = 300
_MAX_HIDDEN = 1_000
_CHUNK = 16_384
TEXT_LIMIT = 5_000

# --- soft 404 --------------------------------------------------------------------------------
_NOT_FOUND = re.compile(
    r"(page|file|article|content|document|resource|url)?\s*(\bwas |\bis |\bhas been )?"
    r"(not found|not be found|cannot be found|can't be found|can’t be found|could not be found"
    r"|couldn't be found|couldn’t be found|does not exist|doesn't exist|doesn’t exist"
    r"|no longer exists|no longer available|is missing|not available|unavailable"
    r"|introuvable|nicht gefunden|no encontrada|non trovata|niet gevonden|nie znaleziono"
    r"|não encontrada|nao encontrada|não existe|nenalezena|nebola nájdená|nu a fost găsită"
    r"|nem található|ei löytynyt|hittades inte|kunde inte hittas|ikke fundet|finnes ikke"
    r"|nerastas|nav atrasta|ei leitud|bulunamadı|tapılmadı"
    r"|не найдена|не найден|не существует|не знайдено|не знайдена|не існує|не знойдзена"
    r"|табылмады|топилмади|ვერ მოიძებნა|არ არსებობს|չի գտնվել|չգտնվեց|գոյություն չունի"
    r"|页面不存在|找不到页面|页面未找到|找不到網頁|網頁不存在|(?:お探しの)?ページ[がは]見つかりません(?:でした)?"
    r"|페이지를 찾을 수 없습니다|غير موجودة|لم يتم العثور|הדף לא נמצא|پیدا نشد)"
    r"|\b(couldn[’']t|could not|can[’']t|cannot|can not|unable to|did not|didn[’']t) "
    r"(find|locate)\b|\bno posts (were )?(matched|found)\b"
    r"|\bnothing (was |is )?(found|here)\b|\bno such page\b|\b(has been|was) (removed|deleted)\b"
    r"|\b(error\s*)?(404|410)\b|\bfehler\s*404\b|\bseite\b.*\bnicht\b.*\bgefunden\b",
    re.I)
#: The path of a canonical link that names an error page.
_ERROR_PATH = re.compile(
    r"/(404|410|not[-_]?found|page[-_]?not[-_]?found|error[-_]?404|errors?/404|error)"
    r"(\.\w+)?/?$", re.I)
_FILLER = re.compile(
    r"\b(oops|whoops|hmm|sorry|we're sorry|we are sorry|you['’]re|error|http|status|code|the"
    r"|this|that|your|requested|page|file|article|content|document|resource|url|we|you|can|could|not|find"
    r"|looking|for|are|were|is|was|a|an|it|seems|looks|like|matched|criteria|страница|ошибка"
    r"|seite|angeforderte|gesuchte|aufgerufene|leider|wurde|konnte|werden|página"
    r"|pagina|la|le|die|de|stránka|az|oldal|sivua|sidan|siden|puslapis|lapa|lehte|sayfa|hata"
    r"|səhifə|сторінку|сторінка|помилка|старонка|бет|парақ|қате|sahifa|გვერდი|შეცდომა|էջը|էջ"
    r"|սխալ|الصفحة|صفحه|הדף)\b", re.I)
_SEGMENT_SPLIT = re.compile(r"\s+[|–—·•:»-]\s+|\s*\|\s*")

#: What a parked domain's page says: the site has gone and its name is for sale.
_PARKED = re.compile(
    r"(?:\bdomain(?:\s+name)?|\b[\w-]+\.[a-z]{2,})\s+(?:is\s+|may\s+be\s+|might\s+be\s+)?"
    r"for\s+sale\b"
    r"|\bbuy\s+this\s+domain\b|\b(?:this\s+)?domain\s+(?:is\s+|has\s+been\s+)?parked\b"
    r"|\bparked\s+(?:free|domain)\b|\bthis\s+domain\s+has\s+expired\b"
    r"|\bdomain\s+(?:name\s+)?(?:zu\s+verkaufen|à\s+vendre|en\s+venta)\b", re.I)
#: The same said in a page's text, where only the page's own words count ("this domain").
_PARKED_TEXT = re.compile(
    r"\bthis\s+domain(?:\s+name)?\s+(?:is\s+|may\s+be\s+|might\s+be\s+)for\s+sale\b"
    r"|\bbuy\s+this\s+domain\b|\bthis\s+domain\s+(?:is\s+|has\s+been\s+)parked\b"
    r"|\bparked\s+free\b|\bthis\s+domain\s+has\s+expired\b", re.I)
_PARKING_TEXT = 3_000  # a parking page says little else
#: Domain marketplaces and parking services a gone site's address may be sent to.
PARKING_HOSTS = ("sedo.com", "hugedomains.com", "dan.com", "afternic.com", "parkingcrew.net",
                 "bodis.com", "sav.com", "undeveloped.com", "atom.com", "domainmarket.com",
                 "perfectdomain.com", "buydomains.com")

# --- walls -----------------------------------------------------------------------------------
_CHALLENGE_TITLE = re.compile(
    r"just a moment|attention required|access denied|access to this page has been denied"
    r"|are you a (robot|human)|verify(ing)? (that )?you are (a )?human|human verification"
    r"|security check|captcha|bot (check|protection|verification)|checking (your|if the site)"
    r"|please enable (js|javascript|cookies)|request unsuccessful|pardon our interruption"
    r"|one more step|ddos protection|unusual traffic|request blocked|you have been blocked"
    r"|too many requests|making sure you['’]re not a bot", re.I)
_LOGIN_TITLE = re.compile(
    r"\b(log ?in|sign ?in|sign on|single sign-on|authenticat\w*|anmelden|connexion"
    r"|iniciar sesi[oó]n|вход)\b", re.I)
_PAYWALL_TITLE = re.compile(
    r"subscribe to (read|continue)|subscription required|subscribers only"
    r"|register to (read|continue)|become a member to", re.I)
#: Where a site sends a visitor to accept its cookies first: a consent wall when a redirect
#: ends there (Google's and YouTube's consent.*, Yahoo's and AOL's guce.*, a /consent page).
_CONSENT_HOST = ("consent.", "guce.")
_CONSENT_PATH = re.compile(r"/(cookie[-_]?|gdpr[-_]?|privacy[-_]?)?consents?/?$", re.I)
_CONSENT_TITLE = re.compile(
    r"before you continue|bevor sie .{0,40}weitergehen|avant d[’']accéder|avant de continuer"
    r"|antes de (ir a|continuar)|prima di (procedere|continuare)|cookie consent"
    r"|we value your privacy|your privacy choices|прежде чем перейти", re.I)
LOGIN_PATH = re.compile(
    r"/(login|log-in|signin|sign-in|sign_in|sso|auth|oauth2?|account/login|users/sign_in"
    r"|session/new|idp|cas/login|accounts/login)\b", re.I)


@dataclass(frozen=True)
class Page:
    """The facts footcheck reads from an HTML page.

    ``title`` is the best title for matching a citation (``citation_title``, then
    ``og:title``, then ``<title>``); ``html_title`` is the ``<title>`` element alone.
    ``published`` is an ISO 8601 date. ``text`` is the start of the visible text.
    ``canonical`` is the ``href`` of ``<link rel="canonical">`` as written. ``refresh`` is
    the address a ``<meta http-equiv="refresh">`` sends the reader to within
    :data:`REFRESH_FOLLOWED` seconds, or a script does on a page that shows almost nothing
    else (``location.replace('/new')``), as written. ``site_name`` is the site's own name
    (``og:site_name``, ``application-name``).
    """

    title: str | None = None
    html_title: str | None = None
    h1: str | None = None
    published: str | None = None
    text: str = ""
    canonical: str | None = None
    has_password: bool = False
    challenge_scripts: bool = False
    refresh: str | None = None
    site_name: str | None = None


def decode(body: bytes, charset: str | None) -> str:
    """Decode an HTML body as a browser does: a byte-order mark first, then the header's
    charset, a ``<meta charset>``, UTF-8; a page none of them decodes (windows-1251 with no
    charset said) in the encoding charset-normalizer finds."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(name, "replace")
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
    from charset_normalizer import from_bytes

    best = from_bytes(body[:_SNIFFED]).best()
    return body.decode(best.encoding if best else "utf-8", "replace")


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_SNIFFED = 65_536  # bytes charset-normalizer reads to name a page's encoding


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(html.unescape(value).split())
    return value or None


def _lower(markup: str) -> str:
    """``markup`` in lower case, each character where it was (so that offsets agree)."""
    if "\u0130" in markup:  # "İ", the one character that lowers to two
        markup = markup.replace("\u0130", "I")
    return markup.lower()


def _attributes(tag: str) -> dict[str, str]:
    """The attributes of one start tag (names in lower case, values unescaped)."""
    out: dict[str, str] = {}
    inner = tag[1:].split(None, 1)
    for m in _ATTR.finditer(inner[1] if len(inner) > 1 else ""):
        value = next((v for v in m.group(2, 3, 4) if v is not None), "")
        out.setdefault(m.group(1).lower(), html.unescape(value))
    return out


class _Markup:
    """A decoded page and its lower-cased twin, to find elements without case-insensitive
    regexes over the whole page: every lookup below is bounded."""

    def __init__(self, markup: str) -> None:
        self.text = markup
        self.low = _lower(markup)
        end = self.low.find("</head")
        self.head_end = end if end >= 0 else min(len(markup), HEAD_LIMIT)
        self.body_start = end if end >= 0 else 0

    def tags(self, name: str, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of the first start tags ``<name`` between ``start`` and ``stop``."""
        low, needle = self.low, "<" + name
        stop = len(low) if stop is None else stop
        for _ in range(_MAX_TAGS):
            i = low.find(needle, start, stop)
            if i < 0:
                return
            after = low[i + len(needle): i + len(needle) + 1]
            end = low.find(">", i)
            if end < 0:
                return
            if after in (">", "/") or after.isspace():
                yield i, end + 1
            start = i + len(needle)

    def occurrences(self, needle: str, most: int = 10) -> Iterator[int]:
        """Where the first ``most`` occurrences of ``needle`` (lower case) start."""
        start = 0
        for _ in range(most):
            i = self.low.find(needle, start)
            if i < 0:
                return
            yield i
            start = i + len(needle)

    def inner(self, name: str, start: int = 0, stop: int | None = None,
              limit: int = 5_000) -> str | None:
        """The markup inside the first ``name`` element in the range (at most ``limit``)."""
        for _, end in self.tags(name, start, stop):
            close = self.low.find("</" + name, end, end + limit)
            return self.text[end: close if close >= 0 else end + limit]
        return None

    def visible_text(self, limit: int) -> str:
        """The text a reader sees at the start of the body, up to ``limit`` characters:
        scripts, styles, SVG, comments and tags left out; read in chunks, so a long page
        costs no more than its first ``limit`` characters of text."""
        low, text = self.low, self.text
        pos, stop = self.body_start, min(len(text), self.body_start + BODY_LIMIT)
        parts: list[str] = []
        size = 0
        for _ in range(_MAX_HIDDEN):
            if pos >= stop or size >= limit:
                break
            window = min(stop, pos + _CHUNK)
            hidden = _HIDDEN.search(low, pos, min(stop, window + 16))
            cut = hidden.start() if hidden else window
            if not hidden and cut < stop:  # end the chunk after a tag, not inside one
                opening = low.rfind("<", pos, cut)
                if opening >= 0 and low.find(">", opening, cut) < 0:
                    closing = low.find(">", cut, stop)
                    cut = stop if closing < 0 else closing + 1
            chunk = " ".join(_TAG.sub(" ", text[pos:cut]).split())
            if chunk:
                parts.append(chunk)
                size += len(chunk) + 1
            if hidden is None:
                pos = cut
                continue
            name = hidden.group(1)  # None for a comment
            close = low.find(f"</{name}" if name else "-->", hidden.end(), stop)
            if close < 0:
                break
            end = low.find(">", close, stop)
            pos = stop if end < 0 else end + 1
        return html.unescape(" ".join(parts))[:limit]


def visible_text(markup: str, limit: int = TEXT_LIMIT) -> str:
    """The text a reader sees, roughly: no scripts, styles, tags or extra whitespace."""
    return _Markup(markup).visible_text(limit)


def parse(body: bytes, charset: str | None = None) -> Page:
    """Read title, publication date, first heading, canonical link and the start of the
    visible text from an HTML body.

    The page is decoded and lower-cased once; each fact is then found by plain searches in a
    bounded part of it, so a page costs about the same whatever its size.
    """
    doc = _Markup(decode(body, charset))
    metas: dict[str, str] = {}
    canonical = refresh = None
    for i, end in doc.tags("meta", 0, doc.head_end):
        attrs = _attributes(doc.text[i:end])
        key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or ""
        value = attrs.get("content", "").strip()
        if key.strip() and value:
            metas.setdefault(key.strip().lower(), value)
        elif attrs.get("http-equiv", "").strip().lower() == "refresh" and refresh is None:
            refresh = _refresh(value)
    for i, end in doc.tags("link", 0, doc.head_end):
        attrs = _attributes(doc.text[i:end])
        if "canonical" in attrs.get("rel", "").lower().split():
            canonical = attrs.get("href", "").strip() or None
            break
    html_title = _clean(doc.inner("title", 0, doc.head_end))
    title = (_clean(metas.get("citation_title")) or _clean(metas.get("og:title"))
             or _clean(metas.get("twitter:title")) or html_title)
    heading = doc.inner("h1", doc.body_start)
    h1 = _clean(_TAG.sub(" ", heading)) if heading is not None else None
    region = min(len(doc.low), HEAD_LIMIT)
    text = doc.visible_text(TEXT_LIMIT)
    challenge = any(doc.low.find(m, 0, region) >= 0 for m in _CHALLENGE_MARKERS)
    if refresh is None and len(text) < _SCRIPT_REDIRECT_TEXT and not challenge:
        refresh = _script_redirect(doc.text, region)  # a page that only sends the reader on
    return Page(title=title, html_title=html_title, h1=h1, published=_published(metas, doc),
                text=text, canonical=canonical, refresh=refresh,
                site_name=_clean(metas.get("og:site_name") or metas.get("application-name")),
                has_password=bool(_PASSWORD.search(doc.low)), challenge_scripts=challenge)


#: A script sending the reader to another address: ``window.location.href = '/new'``,
#: ``location.replace("/new")``. Followed like a refresh on a page that shows (almost)
#: nothing else.
_SCRIPT_REDIRECT = re.compile(
    r"location(?:\.href)?\s*=\s*[\"']([^\"'\s<>]{1,500})[\"']"
    r"|location\.(?:replace|assign)\(\s*[\"']([^\"'\s<>]{1,500})[\"']\s*\)")
_SCRIPT_REDIRECT_TEXT = 200  # characters of visible text such a page has at most
_SCRIPT_REDIRECT_TRIES = 20  # "location" words looked at (an app's bundle has many)


def _script_redirect(text: str, end: int) -> str | None:
    """Where a script in ``text[:end]`` sends the reader: the pattern is tried only where
    the word ``location`` stands, so a page of scripts costs a few searches."""
    at = text.find("location", 0, end)
    for _ in range(_SCRIPT_REDIRECT_TRIES):
        if at < 0:
            return None
        if m := _SCRIPT_REDIRECT.match(text, at, end):
            return m[1] or m[2]
        at = text.find("location", at + 8, end)
    return None


def _refresh(content: str) -> str | None:
    """The address of a refresh's ``content`` (``0; url=/new``), if it is soon enough."""
    found = _REFRESH.match(content)
    if not found or int(found.group(1)) > REFRESH_FOLLOWED:
        return None
    return found.group(3).strip() or None


# --- dates -----------------------------------------------------------------------------------
_DATE_META = (
    "citation_publication_date", "citation_date", "citation_online_date",
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "dc.date.created", "date", "pubdate", "publishdate", "publish-date", "publication_date",
    "sailthru.date", "parsely-pub-date",
)
def _published(metas: dict[str, str], doc: _Markup) -> str | None:
    for name in _DATE_META[:6]:
        found = normalize_date(metas.get(name))
        if found:
            return found
    found = _json_ld_date(doc)
    if found:
        return found
    for name in _DATE_META[6:]:
        found = normalize_date(metas.get(name))
        if found:
            return found
    return _time_published(doc)


def _time_published(doc: _Markup) -> str | None:
    """The ``datetime`` of a ``<time itemprop="datePublished">`` element."""
    for i in doc.occurrences("datepublished"):
        tag = doc.low.rfind("<", 0, i)
        if tag < 0 or not doc.low.startswith("<time", tag) or ">" in doc.low[tag:i]:
            continue
        end = doc.low.find(">", i)
        attrs = _attributes(doc.text[tag:end + 1])
        if attrs.get("itemprop", "").lower() == "datepublished":
            return normalize_date(attrs.get("datetime"))
    return None


def _json_ld_date(doc: _Markup) -> str | None:
    for i in doc.occurrences("application/ld+json"):
        opening = doc.low.find(">", i)
        close = doc.low.find("</script", opening)
        if opening < 0 or close < 0:
            return None
        try:
            data = json.loads(doc.text[opening + 1:close].strip())
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


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_YMD_SEP = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_DMY_DOT = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T?\d{4,6}Z?)?$")
_YM = re.compile(r"(\d{4})(?:-(\d{1,2}))?$")
_MDY_WORDS = re.compile(r"([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)
_DMY_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})", re.I)
_EPOCH = re.compile(r"\d{10}(?:\.\d+)?$")


def _ymd(y: str | int, m: str | int, d: str | int) -> str | None:
    day = calendar_day(int(y), int(m), int(d))
    return None if day is None else day.isoformat()


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
    if m and (month := month_number(m.group(1), english=True)):
        return _ymd(m.group(3), month, m.group(2))
    m = _DMY_WORDS.search(value)
    if m and (month := month_number(m.group(2), english=True)):
        return _ymd(m.group(3), month, m.group(1))
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


def not_found_signal(page: Page, url: str | None = None, cited: str | None = None
                     ) -> str | None:
    """Why ``page`` looks like a "not found" page, or a parked domain's, or ``None``.

    ``url``, the address that answered (and ``cited``, the one asked for), tells a page
    about an error from an error page: the article its address names ("HTTP 404 -
    Wikipedia" at ``/wiki/HTTP_404``), a news story titled "Voice.com is for sale" on
    another site than voice.com."""
    parts = urlsplit(url) if url else None
    hosts = {(urlsplit(u).hostname or "").lower() for u in (url, cited) if u}
    for text in (page.html_title, page.h1):  # the message and little else
        if text and len(text) < 160 and (m := _PARKED.search(text)) and \
                len(re.findall(r"[^\W\d_]+", _PARKED.sub(" ", text))) <= 2 and \
                not _about_another_domain(m[0], hosts):
            return f"a parked domain ({text.strip()!r})"
    if len(page.text) < _PARKING_TEXT and _PARKED_TEXT.search(page.text):
        return "a parked domain (the page offers the domain for sale)"
    for what, text in (("title", page.html_title), ("heading", page.h1)):
        if says_not_found(text) and not _named_by_address(text, parts):
            return f"{what} says {text!r}"
    if page.canonical and _ERROR_PATH.search(urlsplit(page.canonical).path):
        return f"canonical link points to {page.canonical!r}"
    return None


_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.I)


_ERROR_QUERY = re.compile(r"(?:^|&)(?:code|error|status|err)=40[14]\b", re.I)


def error_address(url: str) -> bool:
    """Whether ``url`` is a site's error page: ``/404``, ``/error.html``, ``/not-found``,
    ``?code=404``."""
    parts = urlsplit(url)
    return bool(_ERROR_PATH.search(parts.path) or _ERROR_QUERY.search(parts.query))


def _about_another_domain(said: str, hosts: set[str]) -> bool:
    """Whether "X.com is for sale" names another site than the one asked for and the one
    answering: a story about a domain sold, not a parking page."""
    named = _DOMAIN.search(said)
    if named is None or not hosts:
        return False
    domain = named[0].lower()
    return not any(host == domain or host.endswith("." + domain) for host in hosts)


def _named_by_address(text: str, parts: SplitResult | None) -> bool:
    """Whether a title saying "not found" is the name the address gives its page: the
    article ``/wiki/HTTP_404`` is titled "HTTP 404"; an error page's address (``/404``,
    ``/error``, ``/not-found``) names no article."""
    if parts is None or _ERROR_PATH.search(parts.path):
        return False
    slug = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]).rsplit(".", 1)[0]
    words = re.sub(r"[\W_]+", " ", slug).strip().lower()
    return bool(words) and any(re.sub(r"[\W_]+", " ", part).strip().lower() == words
                               for part in _SEGMENT_SPLIT.split(text))


def _consent(parts: SplitResult) -> bool:
    """Whether an address is a site's cookie consent page."""
    return ((parts.hostname or "").startswith(_CONSENT_HOST)
            or bool(_CONSENT_PATH.search(parts.path)))


def wall_signal(page: Page | None, status: int, headers: object, final_url: str,
                original_url: str) -> str | None:
    """Why a response looks like a bot wall, challenge, cookie consent, login or paywall
    page, or ``None``.

    ``headers`` is a case-insensitive mapping of the response headers; ``final_url`` is the
    address that answered, ``original_url`` the one asked for.
    """
    get = getattr(headers, "get", lambda *_: None)
    if (get("cf-mitigated") or "").lower() == "challenge":
        return "bot challenge (cf-mitigated: challenge)"
    for header in ("x-datadome", "x-amzn-waf-action", "x-sucuri-block"):
        if get(header):
            return f"bot wall ({header})"
    final, original = urlsplit(final_url), urlsplit(original_url)
    if _consent(final) and not _consent(original):
        return f"cookie consent page ({final.hostname or final.path})"
    if page is None:
        return None
    title = page.html_title or page.title or ""
    if _CHALLENGE_TITLE.search(title):
        return f"bot wall or challenge page (title {title!r})"
    if page.challenge_scripts and len(page.text) < 2_000:
        return "bot wall or challenge page"
    if _PAYWALL_TITLE.search(title):
        return f"paywall (title {title!r})"
    if final_url != original_url and _CONSENT_TITLE.search(title):
        return f"cookie consent page (title {title!r})"
    login_path = bool(LOGIN_PATH.search(final.path)) and not LOGIN_PATH.search(original.path)
    if _LOGIN_TITLE.search(title) and (page.has_password or login_path):
        return f"login page (title {title!r})"
    if login_path and page.has_password:
        return "login page"
    return None

