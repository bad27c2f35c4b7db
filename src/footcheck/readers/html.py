"""Read a brief published as a web page, with Beautiful Soup (imported only when needed).

Block elements (paragraphs, headings, list items, table cells…) become one line each, with
a blank line between them. ``<sup>3</sup>`` and ``<sup><a href="#fn3">3</a></sup>`` (and a
link holding only a ``<sup>``) become the marker ``^{3}``; other links ``[text](url)`` or
``<url>``; ``<em>``/``<i>``/``<cite>`` ``*…*``. Scripts, styles, forms and navigation are
dropped. A notes list — an ``<ol>`` inside a footnotes section (pandoc's
``section.footnotes``, ``role="doc-endnotes"``, an element whose id or class names notes)
or right after a "Notes" heading — is written under a ``Notes`` heading as ``1. text``
lines, numbered as the list shows them (``start``, ``value``, ``type="i"``), with the
notes' back-links (``↩``) left out. Other ordered lists keep their numbers, bulleted lists
get ``- ``.
"""

from __future__ import annotations

import re

from ..model import Document
from . import Unreadable
from .markup import format_number, italic, link, superscript

_DROPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "svg",
                      "canvas", "iframe", "object", "embed", "nav", "form", "button",
                      "select", "textarea", "input", "math"})
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "header", "footer", "aside",
                     "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "li", "dd",
                     "dt", "dl", "figure", "figcaption", "address", "table", "tr", "td",
                     "th", "thead", "tbody", "tfoot", "caption", "ul", "ol", "hr", "body",
                     "html", "details", "summary", "center"})
_ITALIC = frozenset({"em", "i", "cite"})
_NOTES_NAME = re.compile(r"foot-?notes?|end-?notes?|\bnotes?\b|doc-(?:end|foot)notes?",
                         re.IGNORECASE)
_NOTES_HEADING = re.compile(r"\s*(?:end\s*notes?|foot\s*notes?|notes?|references?)\s*:?\s*$",
                            re.IGNORECASE)
_BACKLINK = re.compile(r"^[\s↩↑⤴^︎\u21a9\ufe0e]+$")
_LIST_FORMATS = {"1": "decimal", "i": "lowerRoman", "I": "upperRoman", "a": "lowerLetter",
                 "A": "upperLetter"}
_SPACE = re.compile(r"[ \t\r\n\f\u200b]+")


def read(data: bytes, path: str) -> Document:
    """Read the web page whose bytes are ``data`` into a :class:`Document`."""
    try:
        from bs4 import BeautifulSoup
    except ImportError:  # pragma: no cover - beautifulsoup4 is a dependency
        raise Unreadable("is a web page, and reading it needs beautifulsoup4") from None
    soup = BeautifulSoup(data, "html.parser")
    lines: list[str] = []
    _Page(lines).block(soup)
    text = "\n\n".join(lines)
    if not text.strip():
        raise Unreadable("is empty (the web page has no text)")
    encoding = soup.original_encoding or "utf-8"
    return Document.from_text(text + "\n", path=path, encoding=encoding, format="html",
                              units="paragraph")


class _Page:
    """Walks the parsed page, writing one line per block."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.inline: list[str] = []
        self.prefix = ""  # a list item's label, put before the item's first line

    def flush(self) -> None:
        """End the current line, if it has any text."""
        line = _SPACE.sub(" ", "".join(self.inline)).strip()
        self.inline = []
        if line:
            self.lines.append(self.prefix + line)
            self.prefix = ""

    def block(self, node) -> None:
        """Write the children of a block element, each block child on its own line."""
        from bs4 import NavigableString, Tag

        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a comment, CDATA or doctype
                    self.inline.append(str(child))
            elif isinstance(child, Tag):
                name = child.name.lower()
                if name in _DROPPED:
                    continue
                if name == "br":
                    self.flush()
                elif name in ("ol", "ul"):
                    self.flush()
                    self.list(child, notes=_is_notes_list(child))
                elif name in _BLOCKS:
                    self.flush()
                    self.block(child)
                    self.flush()
                else:
                    self.inline.append(self.text(child))
        self.flush()

    def list(self, node, notes: bool) -> None:
        """Write a list: one line per item, numbered as shown; notes under a heading."""
        if notes and not (self.lines and _NOTES_HEADING.fullmatch(self.lines[-1])):
            self.lines.append("Notes")
        ordered = node.name.lower() == "ol"
        fmt = _LIST_FORMATS.get(str(node.get("type", "1")), "decimal")
        number = _int(node.get("start"), 1)
        for item in node.find_all("li", recursive=False):
            number = _int(item.get("value"), number)
            self.prefix = f"{format_number(number, fmt)}. " if ordered else "- "
            self.block(item)
            self.prefix = ""
            number += 1

    def text(self, node) -> str:
        """The inline text of ``node``: markers, links and italics in footcheck's notation."""
        from bs4 import NavigableString, Tag

        name = node.name.lower()
        if name in _DROPPED:
            return ""
        if name == "sup" or (name == "a" and _only_sup(node)):
            shown = _SPACE.sub(" ", node.get_text()).strip()
            return superscript(shown) if shown else ""
        parts = []
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    parts.append(str(child))
            elif isinstance(child, Tag):
                parts.append("" if child.name.lower() == "br" else self.text(child))
        inner = "".join(parts)
        if name == "a":
            href = str(node.get("href") or "").strip()
            if _BACKLINK.match(inner) and href.startswith("#"):
                return ""  # a note's link back to its marker
            return link(inner, href) if href else inner
        if name in _ITALIC:
            return italic(inner)
        return inner


def _only_sup(node) -> bool:
    """Whether a link shows nothing but a ``<sup>`` (``<a href="#fn3"><sup>3</sup></a>``)."""
    from bs4 import Tag

    children = [c for c in node.children if not (isinstance(c, str) and not c.strip())]
    return len(children) == 1 and isinstance(children[0], Tag) and \
        children[0].name.lower() == "sup"


def _is_notes_list(node) -> bool:
    """Whether an ``<ol>`` holds a document's notes (see the module docstring)."""
    if node.name.lower() != "ol":
        return False
    for parent in [node, *node.parents][:4]:
        names = " ".join([str(parent.get("id", "")), *parent.get("class", []),
                          str(parent.get("role", ""))])
        if _NOTES_NAME.search(names):
            return True
    previous = node.find_previous_sibling()
    return previous is not None and previous.name.lower() in {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "b"} and \
        bool(_NOTES_HEADING.fullmatch(previous.get_text()))


def _int(value, default: int) -> int:
    """``value`` as an int (an HTML attribute), or ``default``."""
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default
