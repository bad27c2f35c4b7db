"""Read a PDF's text layer with pdfplumber (the ``pdf`` extra), imported only when needed.

The PDF's text lines are joined into paragraphs, one line of text each with a blank line
between them: a paragraph ends at a larger gap than the page's usual line spacing, a change
of font size, a short line ending a sentence or a new page, because paragraph starts are
where the extractor looks for note labels.

* Superscripts are recognised from the words' font size and baseline: a word clearly smaller
  than its line's main size and raised above its baseline is written ``^{iv}`` when it is a
  numeral. Italic fonts (``…-Italic``, ``…-Oblique``) give ``*…*``.
* Running headers and footers (the same text, digits aside, at the same height on at least
  half the pages) and page numbers at the top or foot of a page are removed.
* A word hyphenated at a line end is joined (``migra-`` + ``tion``), and so is a URL broken
  over two lines: the continuation moves up to the line the word or URL starts on.
* Link annotations whose visible text is not the address become ``[text](url)``.

``page_starts`` holds the first line of each page, so positions are a page and a paragraph
on it.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from ..model import Document
from . import Unreadable
from .markup import Piece, link, render

_SUPERSCRIPT_SIZE = 0.85  # at most this fraction of the line's main size…
_SUPERSCRIPT_RISE = 0.15  # …and its baseline at least this fraction of it higher
_ITALIC_FONT = re.compile(r"italic|oblique|-it\b|,it\b", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"(?:page|p\.)?\s*[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?\s*(?:(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE)
_MARGIN = 0.12  # top and bottom fraction of a page where headers, footers and numbers live
_REPEATED = 0.5  # a header or footer is on at least this fraction of the pages
_URL_START = re.compile(r"(?:<?(?:https?|ftp)://|<?www\.)\S*$", re.IGNORECASE)
_MARKER_ONLY = re.compile(r"(?:\^\{[^{}\s]+\}[,;]?)+")
# A line starting like a note: a superscript or bare numeral followed by text.
_LABEL = re.compile(r"(?:- )?(?:\^\{[^{}\s]+\}|[IVXLC]{1,8}\.?|[ivxlc]{1,8}\.|\d{1,3}\.?) +\S")
_FINISHED = frozenset(".!?:;>)]\"”’'")
_PUNCTUATION = ".,;:!?()[]{}'\"‘’“”*<>"
_URL_PIECE = re.compile(r"[\w\-./~%?&=#:+,;@!$'*()\[\]>]+")


_Link = tuple[str, tuple[float, float, float, float]]  # target, (x0, top, x1, bottom)


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    italic: bool


@dataclass
class _Line:
    """One text line of a page, before and after it is written out."""

    words: list[_Word]
    page: int
    top: float
    bottom: float
    x1: float = 0.0
    size: float = 0.0
    full: bool = False  # reaches the right margin
    room: float = 0.0  # space left before the right margin
    text: str = ""
    paragraph_before: bool = False
    links: list[_Link] = field(default_factory=list)


def read(data: bytes, path: str) -> Document:
    """Read the PDF whose bytes are ``data`` into a :class:`Document`."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - depends on the installation
        raise Unreadable("is a PDF, and reading PDFs needs pdfplumber: "
                         "pip install 'footcheck[pdf]'") from None
    raw: list[tuple[list[_Word], list[_Link], float]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            raw.extend(_page_contents(page) for page in pdf.pages)
    except Exception as exc:  # pdfminer raises many types for damaged files
        raise Unreadable(_problem(exc)) from None
    pages = [_page_lines(words, links, number)
             for number, (words, links, _) in enumerate(raw, start=1)]
    heights = [height for _, _, height in raw]
    if not any(pages):
        raise Unreadable("has no text layer (scanned?); run it through OCR first")
    _drop_running_lines(pages, heights)
    lines = [line for page in pages for line in page]
    for line in lines:
        line.text = _write(line)
    _mark_paragraphs(pages)
    return _document(_paragraphs(lines), path)


def _problem(exc: Exception) -> str:
    """A one-line description of why pdfplumber could not open or read the file."""
    names = set()
    current: BaseException | None = exc
    while current is not None:
        names.add(type(current).__name__)
        names.update(type(a).__name__ for a in getattr(current, "args", ()) if
                     isinstance(a, BaseException))
        current = current.__cause__ or current.__context__
    if names & {"PDFPasswordIncorrect", "PDFEncryptionError"} or "password" in str(exc).lower():
        return "is password-protected; remove the password (or save an unprotected copy)"
    return f"is a damaged PDF that cannot be read ({type(exc).__name__})"


# --- words and lines ------------------------------------------------------------------------


def _page_contents(page) -> tuple[list[_Word], list[_Link], float]:
    """The words, the link annotations and the height of one pdfplumber page."""
    words = [
        _Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
              float(w["size"]), bool(_ITALIC_FONT.search(w["fontname"])))
        for w in page.extract_words(extra_attrs=["size", "fontname"], x_tolerance=1.5)
        if w["upright"]
    ]
    links = [(h.get("uri") or "", (float(h["x0"]), float(h["top"]), float(h["x1"]),
                                   float(h["bottom"])))
             for h in page.hyperlinks if h.get("uri")]
    return words, links, float(page.height)


def _page_lines(words: list[_Word], links: list[_Link], number: int) -> list[_Line]:
    """The text lines of page ``number``, top to bottom, words left to right."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        for line in reversed(lines[-3:]):
            overlap = min(line.bottom, word.bottom) - max(line.top, word.top)
            if overlap > 0.5 * min(line.bottom - line.top, word.bottom - word.top):
                line.words.append(word)
                line.top, line.bottom = min(line.top, word.top), max(line.bottom, word.bottom)
                break
        else:
            lines.append(_Line([word], number, word.top, word.bottom))
    page_sizes: Counter[float] = Counter(round(w.size, 1) for w in words for _ in w.text)
    body_size = page_sizes.most_common(1)[0][0] if page_sizes else 0.0
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
        sizes: Counter[float] = Counter()
        for w in line.words:
            sizes[round(w.size, 1)] += len(w.text)
        total = sum(sizes.values())
        # The line's main size: the largest size with a fair share of its characters, as
        # superscripts are smaller (and may outnumber the text on a short last line).
        line.size = max(size for size, n in sizes.items() if n >= min(3, total) or
                        n >= 0.2 * total)
        if len(line.words) == 1 and line.size <= _SUPERSCRIPT_SIZE * body_size and \
                len(line.words[0].text) <= 8:
            line.size = body_size  # a marker alone on its line: small against the page
        line.x1 = max(w.x1 for w in line.words)
        line.links = [(uri, box) for uri, box in links
                      if box[1] - 2 <= (line.top + line.bottom) / 2 <= box[3] + 2]
    return lines


def _write(line: _Line) -> str:
    """The text of a line: words spaced as on the page, superscripts, italics and links."""
    main = [w for w in line.words if round(w.size, 1) == line.size] or line.words
    baseline = statistics.median(w.bottom for w in main) + (
        0.0 if main is not line.words else _SUPERSCRIPT_RISE * line.size + 1)
    pieces: list[Piece] = []
    previous: _Word | None = None
    linked: dict[int, str] = {}  # index in pieces -> link target, for annotated words
    for word in line.words:
        raised = word.size <= _SUPERSCRIPT_SIZE * line.size and \
            word.bottom < baseline - _SUPERSCRIPT_RISE * line.size
        if previous is not None and word.x0 - previous.x1 > 0.2 * min(word.size, line.size):
            same = previous.italic == word.italic and not raised
            pieces.append(Piece(" ", italic=same and word.italic))
        target = _link_of(word, line.links)
        if target:
            linked[len(pieces)] = target
        pieces.append(Piece(word.text, italic=word.italic and not raised, superscript=raised))
        previous = word
    return render(_linked(pieces, linked)).strip()


def _link_of(word: _Word, links: list[_Link]) -> str:
    """The target of the link annotation covering ``word``, if any."""
    middle = (word.x0 + word.x1) / 2
    for uri, (x0, _top, x1, _bottom) in links:
        if x0 - 1 <= middle <= x1 + 1:
            return uri
    return ""


def _linked(pieces: list[Piece], linked: dict[int, str]) -> list[Piece]:
    """Replace runs of words covered by one link annotation by ``[text](url)``.

    Links whose text already shows their address (or any address) are left as text.
    """
    if not linked:
        return pieces
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        target = linked.get(i)
        if not target:
            out.append(pieces[i])
            i += 1
            continue
        j = i
        while j + 1 < len(pieces) and (linked.get(j + 1) == target or (
                pieces[j + 1].text == " " and linked.get(j + 2) == target)):
            j += 1
        shown = "".join(p.text for p in pieces[i:j + 1])
        if "://" in shown or "www." in shown or "@" in shown:
            out.extend(pieces[i:j + 1])
        else:
            out.append(Piece(link(shown, target), raw=True))
        i = j + 1
    return out


# --- page furniture -----------------------------------------------------------------------


def _drop_running_lines(pages: list[list[_Line]], heights: list[float]) -> None:
    """Remove running headers and footers and page numbers, in place."""
    def key(line: _Line) -> tuple[str, int]:
        text = " ".join(w.text for w in line.words)
        return re.sub(r"\d+", "#", text.lower()), round(line.top / 4)

    def in_margin(line: _Line, height: float) -> bool:
        return line.top < _MARGIN * height or line.bottom > (1 - _MARGIN) * height

    seen: Counter[tuple[str, int]] = Counter()
    for page, height in zip(pages, heights, strict=True):
        seen.update({key(line) for line in page if in_margin(line, height)})
    threshold = max(2, _REPEATED * len(pages))
    for i, (page, height) in enumerate(zip(pages, heights, strict=True)):
        pages[i] = [
            line for line in page
            if not in_margin(line, height) or not (
                seen[key(line)] >= threshold
                or _PAGE_NUMBER.fullmatch(" ".join(w.text for w in line.words).strip()))
        ]


# --- paragraphs and broken words -----------------------------------------------------------


def _mark_paragraphs(pages: list[list[_Line]]) -> None:
    """Set ``paragraph_before`` on the lines that start a paragraph (and ``full`` and
    ``room``, how close each line comes to the right margin).

    A paragraph starts after a gap clearly larger than the page's usual line spacing, where
    the font size changes, after a line that stopped short although the next line's first
    word would have fitted on it, and before a note label; the same tests apply over a page
    break, where a paragraph may go on.
    """
    previous: _Line | None = None
    for page in pages:
        if not page:
            continue
        gaps = [b.top - a.bottom for a, b in itertools.pairwise(page)]
        usual = statistics.median(gaps) if gaps else 0.0
        right = max(line.x1 for line in page)
        for line in page:
            line.full = line.x1 >= right - 0.5 * line.size
            line.room = right - line.x1 - 0.3 * line.size
        page[0].paragraph_before = previous is None or _breaks(previous, page[0]) or \
            _LABEL.match(page[0].text) is not None
        for (before, line), gap in zip(itertools.pairwise(page), gaps, strict=True):
            line.paragraph_before = gap > usual + 0.35 * before.size or _breaks(before, line)
        previous = page[-1]


def _breaks(before: _Line, line: _Line) -> bool:
    """Whether ``line`` starts a paragraph: another font size, ``before`` stopped short
    although the first word of ``line`` would have fitted on it, or ``line`` starts with a
    superscript numeral and text after a finished sentence (a note label)."""
    if _MARKER_ONLY.fullmatch(line.text):
        return False  # a marker pushed onto a line of its own
    first = line.words[0]
    return (abs(line.size - before.size) > 0.5 or before.room > first.x1 - first.x0
            or (line.text.lstrip("- ").startswith("^{") and _finished(before.text)))


def _finished(text: str) -> bool:
    """Whether ``text`` ends a sentence or a bracketed address."""
    return text.rstrip("*")[-1:] in _FINISHED


def _paragraphs(lines: list[_Line]) -> list[tuple[int, str]]:
    """(page, text) of each paragraph: its lines joined, split words and URLs rejoined."""
    vocabulary = {w.strip(_PUNCTUATION).lower() for line in lines for w in line.text.split()}
    out: list[tuple[int, str]] = []
    before: _Line | None = None
    for line in lines:
        if not line.text:
            continue
        if before is None or line.paragraph_before or not out:
            out.append((line.page, line.text))
        else:
            page, text = out[-1]
            forced = before.full and " " not in before.text
            out[-1] = (page, _join(text, line.text, forced, vocabulary))
        before = line
    return out


def _join(text: str, following: str, forced: bool, vocabulary: set[str]) -> str:
    """``text`` continued by the next line ``following``, rejoining what the break split.

    A URL or a word broken at a hyphen, dash or slash is joined without a space. A line-end
    hyphen is dropped only when the document itself writes the joined word without it
    (``migration``) and kept otherwise (``anti-government``, URLs). An italic stretch going
    on over the break loses the ``*`` on both sides of it.
    """
    first = following.split(" ", 1)[0]
    last = text.rsplit(" ", 1)[-1]
    if _continues_url(last, first, forced) or following.startswith("^{"):
        return text + following
    if re.search(r"\w[-–/]$", last) and first[:1].isalnum():
        if last.endswith("-") and first[:1].islower():
            head = last[:-1].strip(_PUNCTUATION).lower()
            tail = first.strip(_PUNCTUATION).lower()
            if head + tail in vocabulary and f"{head}-{tail}" not in vocabulary:
                return text[:-1] + following
        return text + following
    if text.endswith("*") and following.startswith("*") and \
            not text.endswith("**") and not following.startswith("**"):
        return text[:-1] + " " + following[1:]
    return text + " " + following


def _continues_url(last: str, first: str, forced: bool = False) -> bool:
    """Whether ``first`` (a line's first word) continues the URL ending the line before.

    ``forced`` says the URL filled the line before on its own, so it was broken anywhere.
    """
    if not _URL_START.search(last) or not _URL_PIECE.fullmatch(first) or len(first) < 2:
        return False
    if last.startswith("<") or ">" in last:
        return ">" not in last  # an unclosed <…> goes on; a closed one is complete
    if forced or last.endswith(("/", "-", "_", "=", "?", "&", "#", "%", "~")):
        return True
    return any(c in first for c in "/._-=?&#%") and not first[:1].isupper()


def _document(paragraphs: list[tuple[int, str]], path: str) -> Document:
    """One line per paragraph, a blank line between them, and the page starts."""
    out: list[str] = []
    page_starts: list[int] = []
    for page, text in paragraphs:
        if len(page_starts) < page:
            page_starts.extend([len(out) + 1] * (page - len(page_starts)))
        out += [text, ""]
    return Document.from_text("\n".join(out), path=path, encoding="pdf", format="pdf",
                              units="paragraph", page_starts=tuple(page_starts))
