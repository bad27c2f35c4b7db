"""Read a brief published as a web page, with Beautiful Soup (imported only when needed).

Block elements (paragraphs, headings, list items, table cells…) become one line each, with
a blank line between them; links become ``[text](url)`` or ``<url>``, ``<em>``/``<i>``/
``<cite>`` ``*…*``; a link in the page's furniture (menus, share buttons, the site's header
and footer, anything outside a ``<main>`` or ``<article>``) keeps its text, not its target,
which is no source. Scripts, styles, forms and navigation are dropped; ``<pre>`` blocks are
kept but marked as not prose (``Document.hidden``), so ``[^9]`` in a code sample is no
marker. Ordered lists keep their numbers (``start``, ``value``, ``type="i"``), bulleted
lists get ``- ``.

**Footnotes a generator marked up** are handed over as the document's own notes and markers
(``native_notes``/``native_markers`` of :class:`~footcheck.model.Document`), following the
link from each marker to its note. A link ``<a href="#id">`` showing a note label (``4``,
``[4]``, ``iv``, ``a``, ``*``, ``†``, ``[n 1]``, ``*1``; in a ``<sup>`` or not) is a marker
when its target — the element with that id, or an ``<a name>`` — is a note: a list item,
aside, paragraph, table row or
other element whose own or nearby containers' role (``doc-endnotes``, ``doc-footnote``…),
``epub:type`` (``footnote``, ``endnote``, ``rearnote``) or id or class names notes
(``footnotes``, ``fn:1``, ``cite_note-1``, ``wp-block-footnotes``, ``references``, ``_edn1``).
That is the markup of pandoc, Python-Markdown, markdown-it, kramdown (Jekyll), goldmark
(Hugo), docutils, WordPress (the footnotes block, Easy Footnotes, Modern Footnotes, whose
markers point at their note with ``aria-describedby``, the "footnotes" plugin's table of
notes, whose tooltip copy of a note beside its marker is no text), tDiary, Wikipedia (also
its groups of notes, ``[n 1]``, whose notes may cite references), EPUB, DPUB-ARIA, and the
HTML that Word, LibreOffice and Google Docs save. An anchor in a note (``<a name>``, an empty
``<span id>``) stands for the block around it.

* A note's text is everything inside its element (paragraphs, nested lists, tables), less
  its back-links (``↩``, ``^``, a link to one of its markers, ``footnote-back``…). The notes
  follow the body under a ``Footnotes`` or ``Notes`` heading.
* A note cited twice is one note with two markers. A link whose own markup says it is a
  marker (``role="doc-noteref"``, ``class="footnote-ref"``, ``href="#fn4"``…) is one even
  when its note is missing, so the missing note is reported; a note beside the cited ones
  (in the same list, or with a note role or ``epub:type``) is a note even if nothing cites it.
* Numbers: the labels' values, arabic or roman (when every lettered label is a roman
  numeral); on a page where some label is no number (``a``, ``*``), or where the labels
  count from 1 again and again (a book's notes numbered per letter or chapter, each linked
  to its own), the notes are numbered by their place in the notes list.
* Series: a note is an endnote when its markup says so — ``endnote``, ``rearnote`` or
  ``edn`` in the id, class, role or ``epub:type`` of the note or its containers — and
  nothing there says footnote (``footnote``, ``fn``, ``ftn``); every other note is a
  footnote. Pandoc's ``<section class="footnotes" role="doc-endnotes">`` thus holds
  footnotes, as the Markdown it came from does: a brief's notes are the same series read
  from ``.md`` or ``.html``. Footnotes are written ``[^4]`` and take the notation of
  Markdown footnotes (one may be cited again), endnotes ``^{iv}`` that of Word's.

A page without such markup is read as text for the extractor to guess its notes, as typed:
``<sup>3</sup>`` (and a link holding only a ``<sup>``) becomes the marker ``^{3}``, and a
notes list — an ``<ol>`` in an element whose id, class or role names notes, or right after a
"Notes" heading — is written under a ``Notes`` heading as ``1. text`` lines, without its
back-links.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, unquote, urlsplit

from ..model import ENDNOTES, FOOTNOTES, MARKDOWN, Document, Marker, Note, Unread
from ..numerals import is_roman
from ..numerals import read as read_numeral
from . import Unreadable
from .markup import (
    NOTE_TAG,
    NativeNote,
    assemble,
    format_number,
    italic,
    link,
    reference,
    superscript,
)

#: Tags a page may have, counted as its "<" before it is parsed: Beautiful Soup keeps ~1 KB
#: per element (9 MB of ``<p>`` took 2.4 GB); a long report saved as a web page has ~30,000.
MAX_TAGS = 200_000
_DROPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "svg",
                      "canvas", "iframe", "object", "embed", "nav", "form", "button",
                      "select", "textarea", "input", "math"})
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "header", "footer", "aside",
                     "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "li", "dd",
                     "dt", "dl", "figure", "figcaption", "address", "table", "tr", "td",
                     "th", "thead", "tbody", "tfoot", "caption", "ul", "ol", "hr", "body",
                     "html", "details", "summary", "center"})
_ITALIC = frozenset({"em", "i", "cite"})
#: The classes of a formula a page sets in HTML (docutils' ``formula``, KaTeX's, MathJax's
#: output, pandoc's ``math``): its raised numbers are exponents and limits, not markers.
_MATH_CLASS = re.compile(r"(?<![\w-])(?:formula|katex(?:-display|-html)?"
                         r"|MathJax(?:_Display|_CHTML|_SVG)?|math)(?![\w-])")
#: Notes written where they are cited, shown as numbered notes by the page's script or style:
#: Distill's ``<d-footnote>`` (``<dt-fn>`` before 2018), Tufte CSS's sidenotes.
_INLINE_NOTES = ("d-footnote", "dt-fn")
_SIDENOTE = re.compile(r"(?<![\w-])sidenote(?![\w-])")
#: Citations a page's script fills in from its own bibliography: Distill's ``<d-cite>``.
_SCRIPTED_CITES = frozenset({"d-cite", "dt-cite"})
_NOTES_NAME = re.compile(r"foot-?notes?|end-?notes?|\bnotes?\b|doc-(?:end|foot)notes?",
                         re.IGNORECASE)
_NOTES_HEADING = re.compile(r"\s*(?:end\s*notes?|foot\s*notes?|notes?|references?)\s*:?\s*$",
                            re.IGNORECASE)
_BACKLINK = re.compile(r"^[\s↩↑⤴^︎\u21a9\ufe0e]+$")
_LIST_FORMATS = {"1": "decimal", "i": "lowerRoman", "I": "upperRoman", "a": "lowerLetter",
                 "A": "upperLetter"}
_SPACE = re.compile(r"[ \t\r\n\f\u200b]+")

# --- what says "note" in a generator's markup ---
#: A note label as a marker shows it: ``4``, ``[4]``, ``[1:1]`` (markdown-it's second
#: citation of note 1), ``iv``, ``a``, ``*``, ``†``; in brackets, a number after the name of
#: its group (Wikipedia's ``[note 2]``, ``[n 1]``, ``[nb 3]``; kramdown's ``[footnote 1]``),
#: not "note 1" in a sentence ("see note 1", a cross-reference); a number after a star or
#: ``※`` (``*1``, as Japanese pages number notes).
_LABEL = re.compile(r"\[\s*(?:(?:foot|end)?notes?|nb|n)\s+(\d{1,4})\s*\]"
                    r"|[\[(]?\s*(?:[*※]\s?(?=\d))?"
                    r"(\d{1,4}|[A-Za-z]{1,8}|[*†‡§¶#]{1,3})(?::\d+)?\s*[\])]?", re.IGNORECASE)
#: Words in an id, class, role or ``epub:type`` that name notes or a notes container.
_NOTE_WORDS = re.compile(r"foot-?notes?|end-?notes?|rear-?notes?|cite_note|reflist"
                         r"|(?<![a-z])(?:fn|ftn|ftnt|edn|notes?|references)(?![a-z])",
                         re.IGNORECASE)
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_HEADING_LIKE = _HEADINGS | {"p", "strong", "b"}  # what a "Notes" heading may be set in
#: An anchor that marks a printed page (Project Gutenberg's ``Page_12``, ``page12``, ``pg12``).
_PAGE_ANCHOR = re.compile(r"(?:page|pg|p)[_.-]?[0-9ivxlcdm]+$", re.IGNORECASE)
#: Words that make a marker of a link whose note is missing.
_NOTEREF_WORDS = re.compile(r"noteref|footnote|endnote|(?<![a-z])(?:fn|ftn|edn)(?![a-z])"
                            r"|cite_note|(?<![a-z])reference(?![a-z])", re.IGNORECASE)
_ENDNOTE = re.compile(r"end-?notes?|rear-?notes?|(?<![a-z])edn(?![a-z])", re.IGNORECASE)
_FOOTNOTE = re.compile(r"foot-?notes?|(?<![a-z])(?:fn|ftn|ftnt)(?![a-z])", re.IGNORECASE)
_NOTE_ID = re.compile(r"(?:fn|ftn|edn|note)\D{0,3}\d+$", re.IGNORECASE)  # edn1, sdendnote1
#: A publisher's button after a reference or an author's name that looks it up elsewhere
#: ("Google Scholar", "PubMed", "CrossRef"): the page's furniture, not a source cited.
_LOOKUP = re.compile(r"(?i:google\s+scholar|scholar|pubmed(?:\s+central)?|crossref|cas|"
                     r"mathscinet|zbmath|ads|web\s+of\s+science|scopus|worldcat|"
                     r"google\s+books|europe\s+pmc|semantic\s+scholar|orcid(?:\s+id)?)")
_TOOLTIP = re.compile(r"tool-?tip|popup|popover", re.IGNORECASE)
_BACK_WORDS = re.compile(r"back|reverse|to-top", re.IGNORECASE)
_NOTE_ROLES = frozenset({"doc-footnote", "doc-endnote"})
_NOTE_TYPES = frozenset({"footnote", "endnote", "rearnote", "note"})
_NOTES_ROLES = frozenset({"doc-endnotes", "doc-footnotes"})  # a container of notes
_NOTES_TYPES = frozenset({"footnotes", "endnotes", "rearnotes"})
_NOTE_BLOCKS = frozenset({"li", "aside", "p", "div", "section", "dd", "footer", "td", "tr"})
# --- a page's furniture: its links lead around the site, not to sources ---
_CONTENT = frozenset({"main", "article"})
_CHROME_TAGS = frozenset({"header", "footer"})
_CHROME_ROLES = frozenset({"banner", "contentinfo", "navigation", "search", "menu", "menubar",
                           "toolbar"})
_CHROME_WORDS = re.compile(r"(?<![a-z])(?:share|sharing|social|menu|breadcrumbs?|cookies?"
                           r"|newsletter|subscribe|masthead|toolbar|header|footer|sidebar"
                           r"|widgets?|comments?|related)(?![a-z])", re.IGNORECASE)
_CONTAINER_DEPTH = 5  # a note's markup and that of its first few containers name it


def read(data: bytes, path: str) -> Document:
    """Read the web page whose bytes are ``data`` into a :class:`Document`."""
    try:
        from bs4 import BeautifulSoup
    except ImportError:  # pragma: no cover - beautifulsoup4 is a dependency
        raise Unreadable("is a web page, and reading it needs beautifulsoup4") from None
    if data.count(b"<") > MAX_TAGS:  # before Beautiful Soup builds them
        raise Unreadable(f"is too large to read (more than {MAX_TAGS:,} HTML tags)")
    soup = BeautifulSoup(data, "html.parser")
    _localise(soup)
    _unwrap_exported(soup)
    links = _links(soup)
    page = _Page(links)
    page.block(soup)
    native = [NativeNote(n.series, n.number, n.label, _untagged(
        [line for element in (n.element, *n.body) for line in page.note(element)]))
        for n in links.notes]
    text, firsts, notes, markers = assemble(page.lines, native)
    if not text.strip():
        raise Unreadable("is empty (the web page has no text)")
    encoding = soup.original_encoding or "utf-8"
    document = Document.from_text(text, path=path, encoding=encoding, format="html",
                                  units="paragraph")
    starts = document.line_starts
    code = tuple((starts[firsts[i] - 1], starts[firsts[i] - 1] + len(document.line(firsts[i])))
                 for i in sorted(page.code))
    unread = tuple(Unread(what, firsts[lines[0]], count=len(lines), elsewhere=files)
                   for what, lines, files in (
                       ("Distill citation <d-cite>", page.cites, ""),
                       ("note marker", page.elsewhere, _files(page.files)))
                   if lines and lines[0] < len(firsts))
    return replace(document, hidden=code, native_notes=tuple(map(_notation, notes)),
                   native_markers=tuple(map(_notation, markers)), unread=unread)


def _localise(soup) -> None:
    """Write ``#id`` for the links to this page's own elements written with its address
    (a page saved from the web keeps ``https://en.wikipedia.org/wiki/X#cite_note-3``): an
    address before ``#`` that two or more links use, each naming an element of the page."""
    from collections import Counter

    ids = {str(tag.get("id")) for tag in soup.find_all(id=True)}
    anchors = []
    for a in soup.find_all("a", href=True):
        base, hash_, fragment = str(a["href"]).partition("#")
        if hash_ and base and (fragment in ids or unquote(fragment) in ids):
            anchors.append((a, base, fragment))
    own = {base for base, count in Counter(base for _, base, _ in anchors).items() if count > 1}
    for a, base, fragment in anchors:
        if base in own:
            a["href"] = "#" + fragment


def _unwrap_exported(soup) -> None:
    """Write the address a link leads to where the program that wrote the page wrapped it
    in its own redirect: Google Docs' HTML export links every address as
    ``https://www.google.com/url?q=ADDRESS&sa=D&source=editors&ust=…``. The author cited
    ADDRESS (the link shows it); a redirect copied from search results (``sa=t``) is left
    for the search-URL rule."""
    for a in soup.find_all("a", href=True):
        href = str(a["href"])
        if "/url?" not in href:
            continue
        try:
            parts = urlsplit(href)
        except ValueError:
            continue
        host = (parts.hostname or "").lower()
        if parts.path != "/url" or not _GOOGLE_HOST.fullmatch(host):
            continue
        params = parse_qs(parts.query)
        target = params.get("q", [""])[0]
        if params.get("sa") == ["D"] and target.startswith(("http://", "https://")):
            a["href"] = target


_GOOGLE_HOST = re.compile(r"(?:www\.)?google\.[a-z.]{2,6}")


def _files(files: set[str]) -> str:
    """The names of a few ``files``, for a message."""
    return ", ".join(sorted(files)[:3]) + (", …" if len(files) > 3 else "")


def _notation(item: Note | Marker) -> Note | Marker:
    """A footnote or its marker in the notation of Markdown footnotes (see the docstring)."""
    return replace(item, notation=MARKDOWN) if item.series == FOOTNOTES else item


# --- generator footnotes --------------------------------------------------------------------


@dataclass
class _Note:
    """A note element of the page, with what its markers show."""

    element: object  # the bs4 Tag holding the note
    order: int  # its place in the page
    series: str = FOOTNOTES
    label: str = ""
    number: int | None = None
    body: tuple = ()  # the blocks after a note that holds only its label: its text


@dataclass
class _Links:
    """The generator footnotes of a page: marker elements, note elements, back-links."""

    references: dict[int, str] = field(default_factory=dict)  # id(tag) -> reference()
    notes: list[_Note] = field(default_factory=list)
    note_elements: set[int] = field(default_factory=set)  # id(tag): not in the body text
    marker_ids: set[str] = field(default_factory=set)  # ids and names of marker elements


def _links(soup) -> _Links:
    """Find the markers that link to notes, and the notes (see the module docstring)."""
    page = _Index(soup)
    notes: dict[int, _Note] = {}  # id(element) -> note
    cited: list[tuple[object, _Note | None, str]] = []  # (marker link, its note, its label)
    markers: set[int] = set()  # id() of the marker links and of the <sup> around them
    for tag, fragment in page.links:
        label = _label(_shown(tag))
        if label is None or _PAGE_ANCHOR.match(fragment):
            continue  # (an index's link to a printed page, ``#Page_494``, cites no note)
        target = page.targets.get(fragment) or page.targets.get(unquote(fragment))
        if target is None:
            if not _NOTEREF_WORDS.search(f"{_words(tag, 2)} {fragment}"):
                continue
            note = None  # a marker whose note is missing
        elif id(target) in markers or (any(id(p) in notes for p in tag.parents) and not (
                target.name in _NOTE_BLOCKS and target.get_text().strip())):
            continue  # a note's link back to its marker (markers come first), also when it
            # points at an anchor set beside the marker (``<a name="FNanchor_1"></a><a href>``);
            # a link in a note to another note (Wikipedia's group note citing a reference) cites
        else:
            element = _note_element(target, trusted=_is_noteref(tag))
            if element is None or any(p is element for p in tag.parents):
                continue  # no note, or a link inside the note itself (a back-link)
            note = notes.setdefault(id(element), _Note(element, page.order[id(element)]))
            note.label = note.label or label
        cited.append((tag, note, label))
        markers.update((id(tag), id(_outer(tag))))
    if not cited and not page.role_notes:
        return _inline_notes(soup)

    lists = {id(n.element.parent): n.element.parent for n in notes.values()
             if n.element.name == "li"}  # the lists of cited notes: their other items too
    for element in page.role_notes + [li for ol in lists.values()
                                      for li in ol.find_all("li", recursive=False)]:
        notes.setdefault(id(element), _Note(element, page.order[id(element)]))
    ordered = sorted(notes.values(), key=lambda n: n.order)
    _number(ordered, [label for _, note, label in cited if note is None])
    series = {n.series for n in ordered}
    found = _Links(notes=ordered, note_elements=set(notes))
    for note in ordered:
        if _label(note.element.get_text().strip()) is not None:  # '[14]' alone, a poem after
            note.body = tuple(_note_body(note.element, found.note_elements))
            found.note_elements.update(map(id, note.body))
    for tag, note, label in cited:
        if note is not None:
            ref = reference(note.series, note.number, note.label)
        else:
            kind = next(iter(series)) if len(series) == 1 else _series(_words(tag, 2))
            ref = reference(kind, _value(label, _all_roman([label])), label)
        outer = _outer(tag)
        found.references[id(outer)] = ref
        anchor = tag.find_previous_sibling()  # Gutenberg's <a name="FNanchor_1"></a><a href>
        beside = (anchor,) if anchor is not None and anchor.name == "a" and not \
            anchor.get_text().strip() else ()
        found.marker_ids.update(str(t.get(k)) for t in (tag, outer, *beside)
                                for k in ("id", "name") if t.get(k))
    # a note's label linking back to an empty anchor in the text, however far from the
    # marker (Gutenberg's "<p><a name="ft02"></a>For instance … 2"): its link back too
    for tag, fragment in page.links:
        target = page.targets.get(fragment)
        if target is not None and target.name == "a" and not target.get_text().strip() and \
                fragment not in found.marker_ids and _label(_shown(tag)) is not None and \
                any(id(p) in notes for p in tag.parents) and \
                not any(id(p) in notes for p in target.parents):
            found.marker_ids.add(fragment)
    return found


def _note_body(element, notes: set[int]) -> Iterator:
    """The blocks after ``element``, a note's label alone in its paragraph, up to the next
    note (or heading): the note's text."""
    for sibling in element.find_next_siblings(True):
        if id(sibling) in notes or sibling.name in _HEADINGS or any(
                id(t) in notes for t in sibling.find_all(True)):
            return
        yield sibling


def _inline_notes(soup) -> _Links:
    """Notes written where they are cited (:data:`_INLINE_NOTES`, a sidenote's ``<span>``),
    numbered in turn: each stands in the text as its marker."""
    elements = soup.find_all(lambda tag: tag.name in _INLINE_NOTES or (
        tag.name == "span" and _SIDENOTE.search(" ".join(tag.get("class") or ()))))
    found = _Links()
    for number, element in enumerate(elements, start=1):
        if any(id(p) in found.note_elements for p in element.parents):
            continue  # (a note inside a note is its text)
        found.notes.append(_Note(element, number, FOOTNOTES, str(number), number))
        found.note_elements.add(id(element))
        found.references[id(element)] = reference(FOOTNOTES, number, str(number))
    return found


class _Index:
    """What :func:`_links` needs from a page, gathered in one pass over its elements."""

    def __init__(self, soup) -> None:
        self.targets: dict[str, object] = {}  # id, or <a> name -> element
        self.order: dict[int, int] = {}  # id(element) -> its place in the page
        self.links: list[tuple[object, str]] = []  # (<a>, the id it points at)
        self.role_notes: list = []  # elements whose role or epub:type says "note"
        for i, tag in enumerate(soup.find_all(True)):
            self.order[id(tag)] = i
            for key in (tag.get("id"), tag.get("name") if tag.name == "a" else None):
                if key:
                    self.targets.setdefault(str(key), tag)
            if tag.get("role") in _NOTE_ROLES or tag.get("epub:type") in _NOTE_TYPES:
                self.role_notes.append(tag)
            elif (tag.get("role") in _NOTES_ROLES or tag.get("epub:type") in _NOTES_TYPES) \
                    and (items := tag.find(["ol", "ul"])) is not None:  # its list's items
                self.role_notes.extend(items.find_all("li", recursive=False))
            if tag.name == "a":
                href = str(tag.get("href") or "").strip()
                if href.startswith("#") and len(href) > 1:
                    self.links.append((tag, href[1:]))
                elif tag.get("aria-describedby"):  # Modern Footnotes: a button by its note
                    self.links.append((tag, str(tag["aria-describedby"]).split()[0]))


def _label(text: str) -> str | None:
    """The note label that a link's ``text`` shows (``[4]`` → ``4``), if it shows one: digits,
    a roman numeral, one or two letters or a note symbol."""
    found = _LABEL.fullmatch(_SPACE.sub(" ", text).strip())
    if found is None:
        return None
    label = found[1] or found[2]
    return label if not label.isalpha() or len(label) <= 2 or is_roman(label) else None


def _shown(link) -> str:
    """The text a link shows, less a printed page's number set inside it (Project
    Gutenberg's ``<a href="#Footnote_9">[9]<span class="pagenum">[Pg 96]</span></a>``)."""
    if link.find(_is_page_number) is None:
        return link.get_text()
    return "".join(s for s in link.find_all(string=True)
                   if not any(_is_page_number(p) for p in s.parents))


def _is_page_number(tag) -> bool:
    """Whether ``tag`` holds a printed page's number: class ``pagenum``, or an anchor named
    as a page (:data:`_PAGE_ANCHOR`)."""
    return "pagenum" in (tag.get("class") or ()) or (
        tag.name == "a" and bool(_PAGE_ANCHOR.match(str(tag.get("name") or tag.get("id") or ""))))


def _outer(link):
    """The element a marker link stands for in the text: the ``<sup>`` around it when
    that shows nothing else (``<sup id="fnref:1"><a href="#fn:1">1</a></sup>``)."""
    parent = link.parent
    if parent is not None and parent.name == "sup" and \
            parent.get_text().strip() == link.get_text().strip():
        return parent
    return link


def _is_noteref(link) -> bool:
    """Whether a link says it is a note reference (DPUB-ARIA or EPUB)."""
    return link.get("role") == "doc-noteref" or link.get("epub:type") == "noteref"


def _note_element(target, trusted: bool):
    """The note that ``target`` (a link's target) is or stands for: the target, or the
    block around it when it is an anchor; ``None`` unless its markup names a note (or the
    link is ``trusted``: it says it is a note reference)."""
    element = target
    if target.name not in _NOTE_BLOCKS and (target.name == "a" or not target.get_text().strip()):
        element = _block_around(target)
    if element is None:
        return None
    words = f"{target.get('id', '')} {target.get('name', '')} {_words(element, _CONTAINER_DEPTH)}"
    return element if trusted or _NOTE_WORDS.search(words) else None


def _block_around(anchor):
    """The note an anchor in it (``<a name>``, an empty ``<span id>``) stands for: the block
    around the anchor, or the element around that paragraph when its id numbers a note
    (Word's ``<div id="edn1"><p><a name="_edn1">…</p><p>…</p></div>``)."""
    block = anchor.find_parent(list(_NOTE_BLOCKS))
    parent = block.parent if block is not None else None
    if block is not None and block.name == "p" and parent is not None and \
            parent.name in _NOTE_BLOCKS and _NOTE_ID.search(str(parent.get("id", ""))):
        return parent
    return block


def _words(tag, depth: int) -> str:
    """The ids, classes, roles and ``epub:type`` of ``tag`` and its first containers."""
    out = []
    for element in [tag, *tag.parents][:depth]:
        if element.name == "[document]":
            break
        out += [str(element.get("id", "")), *element.get("class", []),
                str(element.get("role", "")), str(element.get("epub:type", ""))]
    return " ".join(out)


def _series(words: str) -> str:
    """ENDNOTES when ``words`` say endnote and not footnote, else FOOTNOTES."""
    return ENDNOTES if _ENDNOTE.search(words) and not _FOOTNOTE.search(words) else FOOTNOTES


def _number(notes: list[_Note], dangling: list[str]) -> None:
    """Give each note its series, label and number (see the module docstring); the labels
    of markers whose note is missing (``dangling``) count in telling roman from letters."""
    lists = {id(n.element.parent): n.element.parent for n in notes if n.element.name == "li"}
    shown = {id(item): label for ol in lists.values() for item, label in _item_labels(ol)}
    for note in notes:
        note.series = _series(_words(note.element, _CONTAINER_DEPTH))
        note.label = note.label or shown.get(id(note.element), "")
    roman = _all_roman([n.label for n in notes if n.label] + dangling)
    by_place = any(_value(n.label, roman) is None for n in notes if n.label) or any(
        _restarting([_value(n.label, roman) for n in notes if n.series == series and n.label])
        for series in (ENDNOTES, FOOTNOTES))
    places = {ENDNOTES: 0, FOOTNOTES: 0}
    for note in notes:
        places[note.series] += 1
        value = None if by_place or not note.label else _value(note.label, roman)
        note.number = places[note.series] if value is None else value
        note.label = note.label or str(note.number)


_TAG = re.compile(rf"{NOTE_TAG}\w{{1,16}}[ \t]*:[ \t]*")


def _untagged(paragraphs: list[str]) -> list[str]:
    """A note's paragraphs without the tag a plain-text edition wrote in them, as Project
    Gutenberg's pages keep it: ``[Footnote 1: …]``."""
    if paragraphs and (m := _TAG.match(paragraphs[0])) and paragraphs[-1].endswith("]"):
        paragraphs = [paragraphs[0][m.end():], *paragraphs[1:]]
        paragraphs[-1] = paragraphs[-1][:-1]
    return paragraphs


def _restarting(values: list[int | None]) -> bool:
    """Whether labels number their notes from 1 again and again, 1, 2, 1, 1, 2, 3 (a book's
    footnotes numbered per letter or chapter, each linked to its own note): each run counts
    up by one from 1, and there are several."""
    if values.count(1) < 2:
        return False
    return all(b == 1 or (a is not None and b == a + 1) for a, b in itertools.pairwise(values)
               ) and values[0] == 1


def _all_roman(labels: list[str]) -> bool:
    """Whether every lettered label is a roman numeral (``i``, ``iv``), not a letter."""
    return all(is_roman(label) for label in labels if label.isalpha())


def _value(label: str, roman: bool) -> int | None:
    """The number a label shows: its digits, or its roman value when ``roman``."""
    if label.isdigit() and label.isascii():
        return int(label)
    if roman and is_roman(label):
        return read_numeral(label).value
    return None


def _is_math(node) -> bool:
    """Whether ``node`` is a formula (:data:`_MATH_CLASS`, MathJax's ``<mjx-container>``)."""
    classes = node.get("class")
    return node.name.lower() == "mjx-container" or bool(
        classes and _MATH_CLASS.search(" ".join(classes)))


def _item_labels(node) -> list[tuple[object, str]]:
    """Each item of list ``node`` with the number it shows (``start``, ``value``, ``type``)."""
    fmt = _LIST_FORMATS.get(str(node.get("type", "1")), "decimal")
    number = _int(node.get("start"), 1)
    out = []
    for item in node.find_all("li", recursive=False):
        number = _int(item.get("value"), number)
        out.append((item, format_number(number, fmt)))
        number += 1
    return out


# --- rendering ------------------------------------------------------------------------------


class _Page:
    """Walks the parsed page, writing one line per block."""

    def __init__(self, links: _Links, in_note: bool = False) -> None:
        self.links = links
        self.in_note = in_note  # a note's own lists are part of its text, not notes
        self.lines: list[str] = []
        self.inline: list[str] = []
        self.prefix = ""  # a list item's label, put before the item's first line
        self.code: set[int] = set()  # indexes of the lines of <pre> blocks: not prose
        self.content_marked: bool | None = None  # has <main>, <article> or role="main"
        self.cites: list[int] = []  # the lines of the citations a script fills in
        self.elsewhere: list[int] = []  # the lines of markers of notes in another file
        self.files: set[str] = set()  # those files

    def note(self, element) -> list[str]:
        """The lines of one note element."""
        page = _Page(self.links, in_note=True)
        page.block(element)
        return page.lines

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
                if id(child) in self.links.references:  # a note written where it is cited
                    self.inline.append(self.links.references[id(child)])
                    continue
                if name in _DROPPED or id(child) in self.links.note_elements or \
                        self._note_copy(child):
                    continue
                if _is_math(child):  # a displayed formula is a line of its own
                    if name in _BLOCKS:
                        self.flush()
                    self.inline.append(child.get_text())
                    if name in _BLOCKS:
                        self.flush()
                elif name == "br":
                    self.flush()
                elif name in ("ol", "ul"):
                    self.flush()
                    self.list(child)
                elif name in _BLOCKS or ("-" in name and child.find(_BLOCKS) is not None):
                    # (a custom element holding blocks, <d-article>, is one of them)
                    self.flush()
                    first = len(self.lines)
                    self.block(child)
                    self.flush()
                    if name == "pre":
                        self.code.update(range(first, len(self.lines)))
                else:
                    self.inline.append(self.text(child))
        self.flush()

    def list(self, node) -> None:
        """Write a list: one line per item, numbered as shown; notes under a heading."""
        items = [(item, label) for item, label in _item_labels(node)
                 if id(item) not in self.links.note_elements]
        if not items:
            return
        if not self.in_note and _is_notes_list(node) and \
                not (self.lines and _NOTES_HEADING.fullmatch(self.lines[-1])):
            self.lines.append("Notes")
        ordered = node.name.lower() == "ol"
        for item, label in items:
            self.prefix = f"{label}. " if ordered else "- "
            self.block(item)
            self.prefix = ""

    def text(self, node) -> str:
        """The inline text of ``node``: markers, links and italics in footcheck's notation."""
        from bs4 import NavigableString, Tag

        name = node.name.lower()
        key = id(node)
        if key in self.links.references:
            return self.links.references[key]
        if name in _DROPPED or key in self.links.note_elements or self._backlink(node) or \
                self._note_copy(node):
            return ""
        if name in _SCRIPTED_CITES:
            self.cites.append(len(self.lines))
            return ""
        if name == "a" and _is_noteref(node) and (href := str(node.get("href") or "")) and \
                not href.startswith("#"):  # an EPUB chapter's marker of a note in endnotes.xhtml
            self.elsewhere.append(len(self.lines))
            self.files.add(href.partition("#")[0])
            return ""
        if _is_math(node):
            return node.get_text()
        # A <sup> is a typed marker, unless it holds links on a page whose notes are linked:
        # then its pieces are written one by one, the markers among them as references.
        if (name == "sup" or (name == "a" and _only_sup(node))) and not (
                self.links.references and node.find(["a", "sup"])):
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
            href = _address(node)
            if _BACKLINK.match(inner) and href.startswith("#"):
                return ""  # a note's link back to its marker
            return link(inner, href) if href and (self.in_note or not self._chrome(node)) \
                and not _LOOKUP.fullmatch(inner.strip(" []")) else inner
        if name in _ITALIC:
            return italic(inner)
        return inner

    def _chrome(self, node) -> bool:
        """Whether the link ``node`` is part of the page's furniture (a menu, share buttons,
        the site's header or footer, anything outside a page's ``<main>`` or ``<article>``),
        which the audit does not check as a source: its text is kept, not its target. A
        container whose words name notes is no furniture."""
        for parent in node.parents:
            name = parent.name
            if name == "[document]":  # outside the page's content, if it marks it
                if self.content_marked is None:
                    self.content_marked = parent.find(
                        lambda tag: tag.name in _CONTENT or tag.get("role") == "main") is not None
                return self.content_marked
            if name in _CHROME_TAGS or parent.get("role") in _CHROME_ROLES or \
                    _CHROME_WORDS.search(f"{parent.get('id', '')} "
                                         f"{' '.join(parent.get('class', []))}"):
                return not _NOTE_WORDS.search(_words(parent, 1))
            if name in _CONTENT or parent.get("role") == "main":
                return False  # (a comment may be an <article> of its own: tested first)
        return False

    def _note_copy(self, node) -> bool:
        """Whether ``node`` is a copy of a note the page shows when a marker is pointed at
        (the WordPress footnotes plugin's ``<span class="footnote_tooltip">``): its class or
        id names both a note and a tooltip, on a page whose notes are linked."""
        if not self.links.references:
            return False
        words = _words(node, 1)
        return bool(_TOOLTIP.search(words) and _NOTE_WORDS.search(words))

    def _backlink(self, node) -> bool:
        """Whether ``node`` links a note back to its marker: an in-page link to a marker or
        whose class or role says so, or a label holding such a link (docutils' ``[1]``)."""
        if not self.links.references:
            return False
        if node.name == "a":
            href = str(node.get("href") or "")
            names = " ".join([*node.get("class", []), str(node.get("role", ""))])
            return href.startswith("#") and (
                href[1:] in self.links.marker_ids or unquote(href[1:]) in self.links.marker_ids
                or bool(_BACK_WORDS.search(names)))
        if "backlink" in " ".join(node.get("class", [])):
            return True  # Wikipedia's "^ a b"
        return _label(node.get_text()) is not None and any(
            self._backlink(a) for a in node.find_all("a"))


def _address(link) -> str:
    """The address a link leads to, as a browser reads its ``href``: spaces around it
    dropped, tabs and line breaks inside it dropped and spaces sent as ``%20`` (a share
    button's ``?text=Guardia de seguridad`` works), one with no scheme (``//host/path``)
    read with https."""
    href = str(link.get("href") or "").strip()
    if " " in href or "\n" in href or "\t" in href:
        href = href.translate(_HREF_SPACES)
    return "https:" + href if href.startswith("//") else href


_HREF_SPACES = str.maketrans({" ": "%20", "\t": None, "\n": None, "\r": None})


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
    return previous is not None and previous.name.lower() in _HEADING_LIKE and \
        bool(_NOTES_HEADING.fullmatch(previous.get_text()))


def _int(value, default: int) -> int:
    """``value`` as an int (an HTML attribute), or ``default``."""
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default
