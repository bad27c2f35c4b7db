"""Read a PDF's text layer with PDFium (pypdfium2, which the ``pdf`` extra installs),
imported only when needed.

The PDF's text lines are joined into paragraphs, one line of text each with a blank line
between them: a paragraph ends at a larger gap than the page's usual line spacing, a change
of font size, a short line ending a sentence or a new page, because paragraph starts are
where the extractor looks for note labels.

* Superscripts are recognised from the words' font size and baseline: a word clearly smaller
  than its line's main size and raised above its baseline is written ``^{iv}`` when it is a
  numeral. Italic fonts (``…-Italic``, ``…-Oblique``) give ``*…*``.
* Notes as word processors and LaTeX set them: the notes areas are the page feet (lines
  smaller than the body text below its last line, or below a separator rule) and the
  endnotes after the body. There a superscript numeral starting a line is a note label,
  glued to its text or not, and so is a numeral in the notes' own size hanging out of their
  indent, as LibreOffice sets labels (``i  Ministry…``, ``viiiNational…``). A label starts a
  paragraph, written ``^{viii} Lefèvre…``, which the note's following lines continue, over
  page breaks too. Notes and body text are two flows joined separately, so a body paragraph
  going on over a page break stays one paragraph, and the notes of a page come after it.
* Superscript runs in the text are split by the note labels found: ``iii1`` is ``^{iii}^{1}``
  (an endnote and a footnote) and ``89`` is ``^{8}^{9}`` when those notes exist and the whole
  run is not a note. A superscript right after digits (``2035⁴`` in a table) is a marker
  when its note exists, written `` ^{4}`` apart from the number, and otherwise an exponent
  ``⁴``.
* Running headers and footers (the same text, digits aside, at the same height on at least
  half the pages, or of the left or of the right pages) and page numbers at the top or foot
  of a page are removed, but not a line that goes on from the text next to it, such as a
  footnote's.
* A word hyphenated at a line end is joined (``migra-`` + ``tion``), and so is a URL broken
  over two lines: the continuation moves up to the line the word or URL starts on.
* Link annotations whose visible text is not the address become ``[text](url)``.

``page_starts`` holds the first line of each page, so positions are a page and a paragraph
on it.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import math
import os
import re
import signal
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from ..model import PAGE_FOOT, Block, Document, Unread
from ..numerals import ARABIC, SUPERSCRIPT_DIGITS, joined_label
from ..numerals import read as read_numeral
from . import Unreadable
from .markup import Piece, link, render, superscript

_SUPERSCRIPT_SIZE = 0.85  # at most this fraction of the line's main size…
_SUPERSCRIPT_RISE = 0.15  # …and its baseline at least this fraction of it higher
_SMALLER = 0.5  # points by which the notes at a page foot are smaller than the body text
_RULE = (2.0, 20.0)  # a separator rule: at most this tall, at least this wide
_ITALIC_FONT = re.compile(r"italic|oblique|-it\b|,it\b", re.IGNORECASE)
#: Fonts of formulas: TeX's (Computer Modern's CMMI, CMSY, CMEX, the AMS symbols, Latin
#: Modern's and STIX's Math), Word's Cambria Math. Their italic is a variable's, not emphasis.
_MATH_FONT = re.compile(r"math|cmmi|cmsy|cmex|cmbsy|msam|msbm", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"(?:page|p\.)?\s*[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?\s*(?:(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE)
_MARGIN = 0.12  # top and bottom fraction of a page where headers, footers and numbers live
_REPEATED = 0.5  # a header or footer is on at least this fraction of the pages
_URL_START = re.compile(r"(?:<?(?:https?|ftp)://|<?www\.)\S*$", re.IGNORECASE)
_SCHEME_ONLY = re.compile(r"[<(]?(?:https?|ftp):/?", re.IGNORECASE)  # ``https:`` | ``//host…``
_MARKER_ONLY = re.compile(r"(?:\^\{[^{}\s]+\}[,;]?)+")
# A line starting like a note: a superscript or bare numeral followed by text.
_LABEL = re.compile(r"(?:- )?(?:\^\{[^{}\s]+\}|[IVXLC]{1,8}\.?|[ivxlc]{1,8}\.|\d{1,3}\.?) +\S")
_MARKER_RUN = re.compile(r"[\dIVXLCDMivxlcdm,;–-]{1,8}")  # one or a few note numbers
_LIST_NUMBER = re.compile(r"(\d{1,4})[.)]")  # a numbered entry's number: "14."
_NUMERAL = re.compile(r"\d{1,4}|[ivxlcdm]{1,12}|[IVXLCDM]{1,12}")
_NUMERALS = re.compile(r"\d+|[ivxlcdm]+|[IVXLCDM]+")
_SHORT_NUMERAL = re.compile(r"(?:\d{1,3}|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})\.?")  # a label's
_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-"})  # how PDFium gives a line-end hyphen
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
_FINISHED = frozenset(".!?:;>)]\"”’'")
_PUNCTUATION = ".,;:!?()[]{}'\"‘’“”*<>"
MAX_PAGES = 5_000  # a longer PDF is refused, not read for minutes into gigabytes
MAX_CHARS = 4_000_000  # characters of text in the whole PDF (a 1,000-page book has ~3M)
MAX_PAGE_CHARS = 500_000  # characters on one page (a dense page of text holds ~6,000)
MAX_PAGE_LINKS = 5_000  # links within the document read on one page (an index has hundreds)
MAX_MEMORY = 320 * 1024 * 1024  # bytes the reading may allocate (where it runs apart)
MAX_SECONDS = 300  # time the reading may take (where it runs apart)
_URL_PIECE = re.compile(r"[\w\-./~%?&=#:+,;@!$'*()\[\]>]+")
# A link ending a line and one starting the next: one link broken by the line, when both go
# to the same address (LaTeX and Word write an annotation per line).
_LINK_ENDS = re.compile(r"\[([^\[\]]*)\]\((\S+)\)$")
_LINK_STARTS = re.compile(r"\[([^\[\]]*)\]\((\S+)\)")
_ADDRESS_MARKS = re.compile(r"[/.\-_?=#%&\d]")  # a word with these may be a piece of a URL


_Link = tuple[str, tuple[float, float, float, float]]  # target, (x0, top, x1, bottom)
_Rule = tuple[float, float, float]  # a horizontal rule: x0, x1, top


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    italic: bool
    spaced: bool = False  # a space stands before it (see :func:`_words`)
    goto: int = -1  # the link within the document it is the text of (see :func:`_links`)
    math: bool = False  # set in a formula's font (see :data:`_MATH_FONT`)


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
    raised: list[bool] = field(default_factory=list)  # which words are superscripts
    label: str = ""  # the superscript numeral starting the line, when text follows it
    note: bool = False  # in a notes area: a page foot, or the endnotes after the body
    foot: bool = False  # in a page foot
    ends_block: bool = False  # the last line of notes before a wider gap or the page's end


def read(data: bytes, path: str) -> Document:
    """Read the PDF whose bytes are ``data`` into a :class:`Document`.

    On Linux the reading runs in a process of its own (:func:`_read_apart`), whose memory
    and time are limited: PDFium inflates a page's streams whole, and a 1 MB file can hold
    a stream of gigabytes."""
    start = _starter()
    return _read(data, path) if start is None else _read_apart(data, path, start)


def _read(data: bytes, path: str) -> Document:
    """Read the PDF whose bytes are ``data``, in this process."""
    try:
        import pypdfium2  # PDFium
    except ImportError:  # pragma: no cover - depends on the installation
        raise Unreadable("is a PDF, and reading PDFs needs pypdfium2: "
                         "pip install 'footcheck[pdf]'") from None
    raw: list[tuple[list[_Word], list[_Link], float, list[_Rule]]] = []
    try:
        pdf = pypdfium2.PdfDocument(data)
        try:
            if len(pdf) > MAX_PAGES:
                raise Unreadable(f"is too long to read ({len(pdf)} pages; at most {MAX_PAGES})")
            chars = 0
            for index in range(len(pdf)):
                raw.append(_page_contents(pdf, pdf[index]))
                chars += sum(len(word.text) for word in raw[-1][0])
                if chars > MAX_CHARS:
                    raise Unreadable(_too_much_text(MAX_CHARS))
        finally:
            pdf.close()
    except Unreadable:
        raise
    except Exception as exc:  # PDFium reports a damaged or locked file as an error
        raise Unreadable(_problem(exc)) from None
    numbers = _line_numbers([words for words, _, _, _ in raw])
    pages = [_page_lines([w for w in words if id(w) not in drop] if drop else words, links,
                         number)
             for number, ((words, links, _, _), drop) in enumerate(zip(raw, numbers,
                                                                       strict=True), start=1)]
    if not any(pages):
        raise Unreadable("has no text layer (scanned?); run it through OCR first")
    _drop_running_lines(pages, [height for _, _, height, _ in raw])
    pages, rules = _in_columns(pages, raw)
    lines = [line for page in pages for line in page]
    body_size = _body_size(lines)
    _find_notes(pages, rules, body_size)
    labels = {line.label for line in lines if line.note and line.label}
    last: dict[str, int] = {}  # the highest marker of each numbering system so far
    for line in lines:
        line.text = _write(line, labels, last)
    _mark_paragraphs(pages, body_size, _per_page(pages))
    paragraphs = _paragraphs(lines)
    document = _document(paragraphs, path)
    return replace(document, unread=symbol_notes) if (
        symbol_notes := _symbol_notes(lines, paragraphs)) else document


# --- reading apart ---------------------------------------------------------------------------

_CHILD = False  # whether this process is the one reading a PDF apart


_Starter = Callable[[bytes, str, dict[str, int]], tuple[int, Callable[[], None]]]


def _starter() -> _Starter | None:
    """How to start the child that reads apart, or ``None`` to read in this process: on
    Linux, where a child's memory can be limited, unless this process is already that
    child. A process with no other thread forks it (:func:`_forked`); one with threads has
    the fork server start it (:func:`_served`), unless it is a daemonic multiprocessing
    worker, which may start no process but by forking."""
    if not sys.platform.startswith("linux") or _CHILD:
        return None
    if threading.active_count() == 1:
        return _forked
    import multiprocessing

    return None if multiprocessing.current_process().daemon else _served


def _read_apart(data: bytes, path: str, start: _Starter) -> Document:
    """:func:`_read` in a child process whose new memory is limited to :data:`MAX_MEMORY`
    (``RLIMIT_DATA``) and whose time to :data:`MAX_SECONDS`; the document comes back
    pickled. PDFium ends a process whose allocation fails (SIGABRT): that, or a
    ``MemoryError``, is reported as a file too large to read, in one line.

    ``start`` starts the child (see :func:`_starter`): forking a process whose other
    threads may hold locks is unsafe, so a threaded one has the fork server start it."""
    import pickle

    reader, stop = start(data, path, {name: globals()[name] for name in _LIMITS})
    try:
        payload, finished = _receive(reader, time.monotonic() + MAX_SECONDS)
    finally:
        os.close(reader)
        stop()
    if not finished:
        raise Unreadable(f"takes too long to read (more than {MAX_SECONDS} s)")
    if not payload:
        raise Unreadable(_too_large())
    kind, value = pickle.loads(payload)  # (written by our own child)
    if kind == "document":
        return value
    if kind == "unreadable":
        raise Unreadable(value)
    if kind == "memory":
        raise Unreadable(_too_large())
    if kind == "recursion":
        raise RecursionError(value)
    raise RuntimeError(f"the PDF reader failed: {value}")


#: The limits a child reading apart takes from its parent (one started by the fork server
#: would otherwise have the module's own).
_LIMITS = ("MAX_MEMORY", "MAX_PAGES", "MAX_CHARS", "MAX_PAGE_CHARS")


def _forked(data: bytes, path: str, limits: dict[str, int]) -> tuple[int, Callable[[], None]]:
    """A forked child reading ``data``: the pipe it answers on, and what ends it (a child
    still running is killed: out of time, or the parent interrupted)."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        _child(data, path, writer, _read, limits)
    os.close(writer)

    def stop() -> None:
        for _ in range(50):  # a child that has answered ends in a moment
            if os.waitpid(pid, os.WNOHANG)[0]:
                return
            time.sleep(0.01)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)

    return reader, stop


def _served(data: bytes, path: str, limits: dict[str, int]) -> tuple[int, Callable[[], None]]:
    """As :func:`_forked`, the child started by multiprocessing's fork server."""
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_served_child, args=(data, path, writer, _read, limits),
                            daemon=True)
    try:
        child.start()
    except BaseException:
        reader.close()
        raise
    finally:
        writer.close()

    def stop() -> None:
        child.join(0.5)
        if child.exitcode is None:
            child.kill()
            child.join()
        child.close()

    fd = os.dup(reader.fileno())  # the caller closes its pipe as it does a forked one's
    reader.close()
    return fd, stop


def _served_child(data: bytes, path: str, writer, read, limits: dict[str, int]) -> None:
    """:func:`_child` in the fork server's child, whose pipe comes as a connection."""
    _child(data, path, writer.fileno(), read, limits)


def _child(data: bytes, path: str, writer: int, read, limits: dict[str, int]) -> None:
    """The child's work: ``read`` under the parent's ``limits``, send the outcome through
    the pipe ``writer``, and leave without cleaning up."""
    import pickle

    status = 1
    try:
        globals().update(limits)
        _limit_child()
        outcome = pickle.dumps(_outcome(data, path, read), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb", closefd=False) as out:
            out.write(outcome)
        status = 0
    finally:
        os._exit(status)


def _outcome(data: bytes, path: str, read) -> tuple[str, object]:
    """What ``read`` came to in the child, as a picklable pair."""
    global _CHILD
    _CHILD = True
    try:
        return "document", read(data, path)
    except Unreadable as exc:
        return "unreadable", str(exc)
    except MemoryError:
        return "memory", ""
    except RecursionError as exc:
        return "recursion", str(exc)
    except Exception as exc:  # a bug: the parent reports it as one
        return "error", f"{type(exc).__name__}: {exc}"


def _limit_child() -> None:
    """Limit the child's memory to what it holds now and :data:`MAX_MEMORY` more, write
    no core file, and keep what PDFium or Python's fault handler may print when an
    allocation fails off the terminal."""
    import faulthandler
    import resource

    faulthandler.disable()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    limit = _data_size() + MAX_MEMORY
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)


def _data_size() -> int:
    """The bytes of this process's data segment (what ``RLIMIT_DATA`` counts)."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmData:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _receive(reader: int, deadline: float) -> tuple[bytes, bool]:
    """Everything the child writes before it closes the pipe (and whether it did so before
    ``deadline``)."""
    import select

    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return b"", False
        ready, _, _ = select.select([reader], [], [], min(left, 1.0))
        if not ready:
            continue
        chunk = os.read(reader, 1 << 20)
        if not chunk:
            return b"".join(chunks), True
        chunks.append(chunk)


def _too_large() -> str:
    return (f"is too large to read (reading it needs more than "
            f"{MAX_MEMORY // (1024 * 1024)} MB of memory)")


def _too_much_text(limit: int) -> str:
    return f"is too long to read (more than {limit:,} characters of text)"


def _problem(exc: Exception) -> str:
    """A one-line description of why PDFium could not open or read the file."""
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


def _page_contents(pdf, page) -> tuple[list[_Word], list[_Link], float, list[_Rule]]:
    """The words, the link annotations, the height and the horizontal rules of a page.

    ``pdf`` and ``page`` are a PDFium document and page (pypdfium2). Coordinates are those of
    the page as shown, rotated as it says, with the origin at its top left; each character
    gets a box as pdfminer gives it: from its origin to its advance, one font size high.
    """
    import pypdfium2.raw as pdfium

    shown = a, b, c, d, e, f = _shown(page)
    textpage = page.get_textpage()
    handle = textpage.raw
    count = pdfium.FPDFText_CountChars(handle)
    if count > MAX_PAGE_CHARS:
        raise Unreadable(_too_much_text(MAX_PAGE_CHARS) + " on one page")
    text = textpage.get_text_range()
    if len(text) != count:  # a character beyond the BMP, two code units in the text
        text = "".join(chr(pdfium.FPDFText_GetUnicode(handle, i)) for i in range(count))
    text = text.translate(_HYPHENS)
    box, matrix = pdfium.FS_RECTF(), pdfium.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    fonts: dict[bytes, str] = {}
    chars: list[list] = []  # [text, x0, x1, baseline, size, font, after a space, link]
    last: list | None = None  # the character before, which this one may end
    spaced = False  # whether a space (PDFium's, or the file's) came before this character
    for i in range(count):
        pdfium.FPDFText_GetCharOrigin(handle, i, x, y)
        left, baseline = a * x.value + b * y.value + e, c * x.value + d * y.value + f
        if last is not None and abs(baseline - last[3]) < 0.1 * last[4] and \
                last[1] < left < last[2]:
            last[2] = left  # a glyph's box may overhang its advance (italics)
        last = None
        char = text[i]
        if "\ud800" <= char <= "\udfff":  # half of a character beyond the BMP (𝜋)
            if char <= "\udbff" and i + 1 < count and "\udc00" <= text[i + 1] <= "\udfff":
                char = (char + text[i + 1]).encode("utf-16-le", "surrogatepass") \
                    .decode("utf-16-le")
            elif char >= "\udc00" and i and "\ud800" <= text[i - 1] <= "\udbff":
                continue  # its second half, read with the first
            else:
                char = "\ufffd"  # half of one, alone
        if char.isspace():
            spaced = True
            continue
        pdfium.FPDFText_GetMatrix(handle, i, matrix)
        across = a * matrix.a + b * matrix.b  # the baseline's direction, as shown
        if across <= 0 or abs(c * matrix.a + d * matrix.b) > 0.01 * across:
            continue  # rotated or mirrored text
        pdfium.FPDFText_GetLooseCharBox(handle, i, box)
        length = pdfium.FPDFText_GetFontInfo(handle, i, name, len(name), flags)
        font = name.raw[:max(length - 1, 0)]
        # The size the reader sees: the font size scaled by the text and page matrices.
        size = pdfium.FPDFText_GetFontSize(handle, i) * math.hypot(matrix.c, matrix.d)
        right = max(left, a * box.left + b * box.bottom + e, a * box.right + b * box.top + e)
        last = [char, left, right, baseline, size,
                fonts.get(font) or fonts.setdefault(font, font.decode("latin-1")), spaced, -1]
        chars.append(last)
        spaced = False
    textpage.close()
    links, gotos = _links(pdf, page, shown)
    if gotos:
        by_x = sorted(chars, key=lambda ch: ch[1] + ch[2])
        middles = [ch[1] + ch[2] for ch in by_x]  # twice each character's middle
        for number, (x0, top, x1, bottom) in enumerate(gotos):
            for ch in by_x[bisect.bisect_left(middles, 2 * x0):
                           bisect.bisect_right(middles, 2 * x1)]:
                if top <= ch[3] - 0.3 * ch[4] <= bottom:
                    ch[7] = number
    return _words(chars), links, float(page.get_size()[1]), \
        _rules(page, shown)


def _words(chars: list[list]) -> list[_Word]:
    """The words of a page from its characters ([text, x0, x1, baseline, size, font, after a
    space, link]), as pdfplumber makes them: characters grouped into lines by height, left to
    right, a word ending at a gap, a space, a change of line, size or font, or where one
    link within the document gives way to another (``¹²``, notes 1 and 2).

    PDFium puts a space where the characters leave one, judged by their font; that also
    parts words whose gap the boxes hide (LaTeX sets no space characters, and a tightly
    justified ``of the`` in a footnote leaves 1.4 pt between the overhang of ``f`` and
    ``t``)."""
    chars = sorted(chars, key=lambda ch: ch[3] - 0.8 * ch[4])  # by top
    lines: list[list[list]] = []
    top = None
    for ch in chars:
        this = ch[3] - 0.8 * ch[4]
        if top is None or this - top > 3:
            lines.append([])
        lines[-1].append(ch)
        top = this
    words: list[_Word] = []
    for line in lines:
        line.sort(key=lambda ch: ch[1])
        word: list[list] = []
        for ch in line:
            if word:
                prev = word[-1]
                if ch[4] != prev[4] or ch[5] != prev[5] or ch[1] > prev[2] + 1.5 or ch[6] or \
                        (ch[7] != prev[7] and ch[7] >= 0 and prev[7] >= 0) or \
                        abs((ch[3] - 0.8 * ch[4]) - (prev[3] - 0.8 * prev[4])) > 3:
                    words.append(_word(word))
                    word = []
            word.append(ch)
        if word:
            words.append(_word(word))
    return words


def _word(chars: list[list]) -> _Word:
    """One word from its characters, with the size and font of the first."""
    first = chars[0]
    top = min(ch[3] - 0.8 * ch[4] for ch in chars)
    bottom = max(ch[3] + 0.2 * ch[4] for ch in chars)
    math = bool(_MATH_FONT.search(first[5]))
    return _Word("".join(ch[0] for ch in chars), first[1], max(ch[2] for ch in chars), top,
                 bottom, first[4], not math and bool(_ITALIC_FONT.search(first[5])),
                 first[6], first[7], math)


def _links(pdf, page, shown: tuple[float, ...]
           ) -> tuple[list[_Link], list[tuple[float, float, float, float]]]:
    """The link annotations of a page, with their boxes (x0, top, x1, bottom): those that
    go to an address (URI), and the boxes of those that go to a place in the document, as
    word processors and LaTeX (hyperref) link each note marker to its note."""
    import pypdfium2.raw as pdfium

    a, b, c, d, e, f = shown
    links: list[_Link] = []
    gotos: list[tuple[float, float, float, float]] = []
    position = ctypes.c_int(0)
    link = pdfium.FPDF_LINK()
    box = pdfium.FS_RECTF()
    buffer = ctypes.create_string_buffer(4096)
    while pdfium.FPDFLink_Enumerate(page.raw, position, link):
        action = pdfium.FPDFLink_GetAction(link)
        kind = pdfium.FPDFAction_GetType(action) if action else None
        uri = kind == pdfium.PDFACTION_URI
        internal = kind == pdfium.PDFACTION_GOTO if action else \
            bool(pdfium.FPDFLink_GetDest(pdf.raw, link))
        if not (uri or (internal and len(gotos) < MAX_PAGE_LINKS)) or \
                not pdfium.FPDFLink_GetAnnotRect(link, box):
            continue
        xs = (a * box.left + b * box.bottom + e, a * box.right + b * box.top + e)
        ys = (c * box.left + d * box.bottom + f, c * box.right + d * box.top + f)
        shown_box = (min(xs), min(ys), max(xs), max(ys))
        if internal:
            gotos.append(shown_box)
            continue
        length = pdfium.FPDFAction_GetURIPath(pdf.raw, action, buffer, len(buffer))
        if 1 < length <= len(buffer):
            links.append((buffer.raw[:length - 1].decode("utf-8", "replace"), shown_box))
    return links, gotos


def _shown(page) -> tuple[float, float, float, float, float, float]:
    """(a, b, c, d, e, f) taking page coordinates (x, y) (PDF units, origin at the bottom
    left of the unrotated page) to those of the page as shown, ``a*x + b*y + e`` across and
    ``c*x + d*y + f`` down from its top left, rotated as the page says."""
    left, bottom, right, top = page.get_mediabox()
    rotation = page.get_rotation() % 360
    if rotation == 90:
        return 0.0, 1.0, 1.0, 0.0, -bottom, -left
    if rotation == 180:
        return -1.0, 0.0, 0.0, 1.0, right, -bottom
    if rotation == 270:
        return 0.0, -1.0, -1.0, 0.0, top, right
    return 1.0, 0.0, 0.0, -1.0, -left, top


def _rules(page, shown: tuple[float, ...]) -> list[_Rule]:
    """The horizontal rules of a page (thin, wide path objects), as x0, x1, top; ``shown``
    places page coordinates on the page as shown (see :func:`_shown`)."""
    import pypdfium2.raw as pdfium

    a, b, c, d, e, f = shown
    rules = []
    for obj in page.get_objects(filter=[pdfium.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = obj.get_bounds()
        x0, x1 = a * left + b * bottom + e, a * right + b * top + e
        y0, y1 = c * left + d * bottom + f, c * right + d * top + f
        if abs(y1 - y0) <= _RULE[0] and abs(x1 - x0) >= _RULE[1]:
            rules.append((min(x0, x1), max(x0, x1), min(y0, y1)))
    return rules


_NUMBERED_LINES = 10  # line numbers in a margin: this many on a page at least
_IN_TURN = 0.9  # the share of them numbered on by one from the one above
_NUMBER_COLUMNS = 8  # more columns of numbers counting up than this on a page: a table


def _line_numbers(pages: list[list[_Word]]) -> list[set[int]]:
    """The ids of the words of each page that number its lines in a margin (a manuscript
    under review, a court's pleading paper), when most pages have them: a column of numbers
    aligned on their right edge, numbered on by one down the page, on their lines' baseline,
    with no other word across that column between the first and the last (a note's labels
    have their notes' lines under them, or are raised). Empty sets when there are none."""
    found = [_numbers_column(words) for words in pages]
    numbered = sum(1 for ids in found if ids)
    if numbered < max(2, sum(1 for words in pages if words) // 2):
        return [set() for _ in pages]
    return found


def _numbers_column(words: list[_Word]) -> set[int]:
    """The ids of a page's words that :func:`_line_numbers` would take for line numbers."""
    columns: dict[int, list[_Word]] = {}
    for w in words:
        if w.text.isdigit() and len(w.text) <= 5:
            columns.setdefault(round(w.x1), []).append(w)
    counted = []
    for column in columns.values():
        if len(column) < _NUMBERED_LINES:
            continue
        column.sort(key=lambda w: w.top)
        steps = sum(int(b.text) == int(a.text) + 1 for a, b in itertools.pairwise(column))
        if steps >= _IN_TURN * (len(column) - 1):
            counted.append(column)
    if len(counted) > _NUMBER_COLUMNS:
        return set()  # a table's columns of numbers counting up, not a margin's
    dropped: set[int] = set()
    for column in counted:
        left, right = min(w.x0 for w in column), max(w.x1 for w in column)
        top, bottom = column[0].top, column[-1].bottom
        ids = {id(w) for w in column}
        others = sorted((w for w in words if id(w) not in ids and w.bottom > top
                         and w.top < bottom), key=lambda w: w.top)
        if any(w.x0 < right and w.x1 > left for w in others):
            continue  # text stands across the column: note labels, a table's cells
        tops = [w.top for w in others]
        tallest = max((w.bottom - w.top for w in others), default=0.0)
        raised = 0
        for number in column:  # a note's label is raised above the line it opens
            first = bisect.bisect_left(tops, number.top - tallest)
            last = bisect.bisect_left(tops, number.bottom)
            beside = [w.bottom for w in others[first:last] if w.bottom > number.top]
            if beside and number.bottom < max(beside) - 0.2 * number.size:
                raised += 1
        if raised * 2 < len(column):
            dropped |= ids
    return dropped


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
    for k, line in enumerate(lines):
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
                _MARKER_RUN.fullmatch(line.words[0].text):
            # a marker alone on its line, small against the page: the size of the text it
            # goes with, the line above it (a page foot's notes go on around it)
            line.size = lines[k - 1].size if k else body_size
        line.x1 = max(w.x1 for w in line.words)
        line.links = [(uri, box) for uri, box in links
                      if box[1] - 2 <= (line.top + line.bottom) / 2 <= box[3] + 2]
        line.raised = _raised(line)
        _fractions(line)
        line.label = _label_of(line)
    return lines


def _fractions(line: _Line) -> None:
    """Write each stacked fraction of ``line`` (TeX's ``\\frac1{10}`` in a line of text: a
    small numerator raised over a small denominator set below the baseline, under it) as
    one word, ``1/10``, in place: its numerator is no note marker."""
    bottoms = [w.bottom for w, up in zip(line.words, line.raised, strict=True)
               if not up and round(w.size, 1) == line.size]
    if not bottoms or not any(line.raised):
        return
    baseline = statistics.median(bottoms)
    lows = [k for k, w in enumerate(line.words) if not line.raised[k] and
            w.size <= _SUPERSCRIPT_SIZE * line.size and w.bottom > baseline + 1]
    merged: dict[int, int] = {}  # numerator -> denominator
    for k, word in enumerate(line.words):
        if line.raised[k] and word.text.isdigit():
            for low in lows:
                under = line.words[low]
                if low not in merged.values() and under.text.isdigit() and \
                        min(word.x1, under.x1) - max(word.x0, under.x0) >= 0.5 * (
                            word.x1 - word.x0):
                    merged[k] = low
                    break
    if not merged:
        return
    drop = set(merged.values())
    words, raised = [], []
    for k, word in enumerate(line.words):
        if k in drop:
            continue
        if k in merged:
            under = line.words[merged[k]]
            word = replace(under, text=f"{word.text}/{under.text}", x0=min(word.x0, under.x0),
                           x1=max(word.x1, under.x1), top=word.top)
        words.append(word)
        raised.append(line.raised[k] and k not in merged)
    order = sorted(range(len(words)), key=lambda i: words[i].x0)
    line.words = [words[i] for i in order]
    line.raised = [raised[i] for i in order]


def _raised(line: _Line) -> list[bool]:
    """Which words of ``line`` are superscripts: clearly smaller than the line's main size
    and raised above its baseline."""
    main = [w for w in line.words if round(w.size, 1) == line.size] or line.words
    baseline = statistics.median(w.bottom for w in main) + (
        0.0 if main is not line.words else _SUPERSCRIPT_RISE * line.size + 1)
    return [w.size <= _SUPERSCRIPT_SIZE * line.size and
            w.bottom < baseline - _SUPERSCRIPT_RISE * line.size for w in line.words]


def _label_of(line: _Line) -> str:
    """The numeral of the superscript run starting ``line`` when text follows it on the
    line, as a note label does (``viii`` of ``viiiLefèvre, Stéphane…``); else ``""``."""
    n = 0
    while n < len(line.words) and line.raised[n]:
        n += 1
    if n == 0 or n == len(line.words):
        return ""
    token = "".join(w.text for w in line.words[:n]).rstrip(".)")
    return token if _NUMERAL.fullmatch(token) or joined_label(token) else ""


def _write(line: _Line, labels: set[str], last: dict[str, int] | None = None) -> str:
    """The text of a line: words spaced as on the page, superscripts, italics and links.

    ``labels`` are the note labels of the document, by which superscript runs are split
    into markers (see :func:`_markers`), and ``last`` the highest marker of each numbering
    system in the body so far, which a body line's markers update; a note label starting a
    line in a notes area is followed by a space.
    """
    if line.note:
        last = None
    pieces: list[Piece] = []
    if line.note and line.label and not line.raised[0]:  # a label set in the notes' size
        pieces.append(Piece(f"^{{{line.label}}} ", raw=True))
    previous: _Word | None = None
    linked: dict[int, str] = {}  # index in pieces -> link target, for annotated words
    words = line.words
    i = 0
    while i < len(words):
        word = words[i]
        raised = line.raised[i]
        gap = previous is not None and (
            word.x0 - previous.x1 > 0.2 * min(word.size, line.size) or
            (word.spaced and not raised))  # (PDFium may space a superscript off its word)
        if gap:
            same = previous.italic == word.italic and not raised
            pieces.append(Piece(" ", italic=same and word.italic))
        target = _link_of(word, line.links)
        if target:
            linked[len(pieces)] = target
        if not raised:
            pieces.append(Piece(word.text, italic=word.italic))
            previous = word
            i += 1
            continue
        j = i + 1  # the superscript run: raised words with no space between them
        while j < len(words) and line.raised[j] and \
                words[j].x0 - words[j - 1].x1 <= 0.2 * min(words[j].size, line.size):
            j += 1
        run = "".join(w.text for w in words[i:j])
        if i == 0 and line.note and line.label:
            written = f"^{{{line.label}}} "
        elif word.math or (previous is not None and previous.math and not gap
                           and previous.text[-1:] not in ".,;:"):
            # a formula's exponent (σ², mc²), which cites nothing; a marker may follow
            # one's full stop ("k − 1.⁷")
            written = f"^({run})"
        else:
            base = ""
            if previous is not None and not gap and not line.raised[i - 1]:
                base = re.search(r"\d*$", previous.text).group()
            linked_to = [w.goto for w in words[i:j]]
            if j - i > 1 and min(linked_to) >= 0 and len(set(linked_to)) == j - i:
                # each superscript links to its own note: one marker each, as linked
                written = "".join(_markers(w.text, labels | {w.text.strip(",")},
                                           base if w is word else "", last)
                                  for w in words[i:j])
            else:
                written = _markers(run, labels, base, last)
        pieces.append(Piece(written, raw=True))
        previous = words[j - 1]
        i = j
    return render(_linked(pieces, linked)).strip()


def _markers(run: str, labels: set[str], base: str = "",
             last: dict[str, int] | None = None) -> str:
    """How the superscript run ``run`` is written, given the document's note ``labels``.

    A run that is not a note label but reads as several (``iii1``, ``89``) is split into
    their markers. After the digits ``base`` (``2035⁴``), it is a marker only when its notes
    exist, written apart from the number so that it does not read as an exponent; otherwise
    an exponent, written with Unicode superscript digits.
    """
    groups = [_split(part.strip(), labels, last) for part in run.split(",")]
    tokens = [token for group in groups for token in group]
    if not all(_NUMERAL.fullmatch(token) for token in tokens):
        return superscript(run)  # "st" in 1st, "TM", "*": not markers
    written = ",".join("".join(f"^{{{token}}}" for token in group) for group in groups)
    if base and (base == "10" or not all(token in labels for token in tokens)):
        return run.translate(_TO_SUPERSCRIPT) if run.isdigit() else superscript(run)
    if last is not None:
        for token in tokens:
            numeral = read_numeral(token)
            if numeral.value is not None:
                last[numeral.system] = max(last.get(numeral.system, 0), numeral.value)
    return " " + written if base else written


def _split(token: str, labels: set[str], last: dict[str, int] | None = None) -> list[str]:
    """``token`` cut into note labels (``iii1`` -> ``iii``, ``1``) when it is not one itself.

    Of the ways to cut it, one whose numbers go up in each numbering system is preferred,
    then the one with the fewest pieces; ``[token]`` when there is none. A token that is a
    label is cut all the same where the cut goes on one by one from the markers before it
    (``last``, the highest of each numbering system) and the token does not: ``¹²`` after
    none is notes 1 and 2, after note 11 note 12.
    """
    if not labels or len(token) > 12:
        return [token]
    if token in labels:
        return [token] if last is None else _cut_going_on(token, labels, last)
    numeral = read_numeral(token)
    if last is not None and numeral.value is not None and not numeral.malformed and \
            last.get(numeral.system, 0) < numeral.value <= last.get(numeral.system, 0) + 2:
        return [token]  # "31" after marker 30 is 31, its label lost, not notes 3 and 1
    best: tuple[tuple[bool, int], list[str]] | None = None
    for parts in _cuts(token, labels):
        key = (not _ascending(parts), len(parts))
        if best is None or key < best[0]:
            best = (key, parts)
    return best[1] if best else [token]


def _cut_going_on(token: str, labels: set[str], last: dict[str, int]) -> list[str]:
    """``[token]``, or the cut of it into labels that go on one by one from ``last`` (the
    highest marker of each numbering system so far) where the token itself does not."""
    numeral = read_numeral(token)
    if numeral.value is None or numeral.value == last.get(numeral.system, 0) + 1:
        return [token]
    for parts in _cuts(token, labels):
        numerals = [read_numeral(part) for part in parts]
        start = last.get(numerals[0].system, 0) + 1
        if all(n.system == numerals[0].system and n.value == start + k
               for k, n in enumerate(numerals)):
            return parts
    return [token]


def _cuts(token: str, labels: set[str]) -> Iterator[list[str]]:
    """Every way to cut ``token`` into two or more pieces that are all in ``labels``."""
    for end in range(1, len(token)):
        head = token[:end]
        if head not in labels:
            continue
        tail = token[end:]
        if tail in labels:
            yield [head, tail]
        for rest in _cuts(tail, labels):
            yield [head, *rest]


def _ascending(parts: list[str]) -> bool:
    """Whether the numbers of ``parts`` go up within each numbering system."""
    last: dict[str, int] = {}
    for part in parts:
        numeral = read_numeral(part)
        if numeral.value is None or numeral.value <= last.get(numeral.system, 0):
            return False
        last[numeral.system] = numeral.value
    return True


def _link_of(word: _Word, links: list[_Link]) -> str:
    """The target of the link annotation covering ``word``, if any."""
    middle = (word.x0 + word.x1) / 2
    for uri, (x0, _top, x1, _bottom) in links:
        if x0 - 1 <= middle <= x1 + 1:
            return uri
    return ""


def _linked(pieces: list[Piece], linked: dict[int, str]) -> list[Piece]:
    """Replace runs of words covered by one link annotation by ``[text](url)``.

    Links whose text already shows their address (or any address), or a piece of it (the
    rest of an address broken over two lines), are left as text.
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
        core = shown.strip(_PUNCTUATION)
        if "://" in shown or "www." in shown or "@" in shown or (
                len(core) > 3 and core in target and (not out or _ADDRESS_MARKS.search(core))):
            out.extend(pieces[i:j + 1])  # (a line's first word may be an address's rest)
        else:
            trail = shown[len(shown.rstrip(".,;:")):]  # the sentence's, not the link's
            out.append(Piece(link(shown[:len(shown) - len(trail)], target) + trail, raw=True))
        i = j + 1
    return out


# --- columns ------------------------------------------------------------------------------

_GUTTER = 6.0  # points: the narrowest space between two columns of text
_SPANNING = 0.5  # share of a page's rows a head and a foot across its columns may take
_COLUMN_ROWS = 8  # rows of text a column holds at least
_REACH = 0.25  # a column's rows end (or start) within this fraction of its width of the gutter
_PROSE_WORDS = 4  # words in a row of prose at least
_WORD_SPACE = 2.0  # font sizes: the widest space between two words of a line of prose
_PROSE_SHARE = 2.5  # a column of text has at least one row in this many from edge to edge


def _in_columns(pages: list[list[_Line]], raw: list) -> tuple[list[list[_Line]], list]:
    """The pages with each page set in columns cut into its parts in reading order (what
    stands above the columns, each column, what stands below), as pages of their own, each
    with the rules that lie in it; ``raw`` holds each page's words, links, height and rules.

    A column's text is read down to its foot before the next column, so that its lines are
    not merged with the lines beside them, and the notes at a column's foot are a foot.
    """
    out: list[list[_Line]] = []
    out_rules: list[list[_Rule]] = []
    for page, (_, links, _, page_rules) in zip(pages, raw, strict=True):
        words = [w for line in page for w in line.words]
        parts = _columns(words) if len(words) > 2 * _COLUMN_ROWS else [words]
        if len(parts) == 1:
            out.append(page)
            out_rules.append(page_rules)
            continue
        number = page[0].page
        for part in parts:
            left, right = min(w.x0 for w in part), max(w.x1 for w in part)
            out.append(_page_lines(part, links, number))
            out_rules.append([r for r in page_rules if left - 1 <= (r[0] + r[1]) / 2 <= right + 1])
    return out, out_rules


def _columns(words: list[_Word]) -> list[list[_Word]]:
    """The words of a page in the parts read one after the other: one part, or what
    stands above the columns, the columns left to right, and what stands below them. The
    page is cut only when every column is one of text (see :func:`_text_column`)."""
    parts = _text_columns(words) or _cut_beside(words)
    return [part for part, _ in parts] if parts else [words]


def _cut_beside(words: list[_Word]) -> list[tuple[list[_Word], bool]] | None:
    """The parts of a page whose columns stand under a head or over a foot that spans them,
    too tall for the gutter to pass for one a title crosses (a table across the page above
    two columns of text, a figure and its notes below them): the head, the columns cut as
    :func:`_cut` cuts them, the foot; or ``None``. The head ends at the first row
    under which the rest stands in columns of text; the foot starts at the last row over
    which it does."""
    if _gutter(words, _SPANNING) is None:
        return None  # text across the page nearly all the way down: one column
    tops = sorted({w.top for w in words})
    half = len(tops) // 2  # the columns take half the page's rows at least
    for top in tops[:half]:
        parts = _text_columns([w for w in words if w.top > top])
        if parts:
            return [([w for w in words if w.top <= top], False), *parts]
    for bottom in reversed(tops[half:]):
        parts = _text_columns([w for w in words if w.top < bottom])
        if parts:
            return [*parts, ([w for w in words if w.top >= bottom], False)]
    return None


def _text_columns(words: list[_Word]) -> list[tuple[list[_Word], bool]] | None:
    """``words`` cut as :func:`_cut` cuts them, when they stand in columns of text."""
    if len(words) <= 2 * _COLUMN_ROWS or _gutter(words) is None:
        return None
    parts = _cut(words, 0)
    if len(parts) == 1 or not all(_text_column(part) for part, column in parts if column):
        return None
    return parts


def _cut(words: list[_Word], depth: int) -> list[tuple[list[_Word], bool]]:
    """The parts of ``words`` cut at the gutters between columns, each with whether it is a
    column: what stands across the gutter above and below the columns is not."""
    gutter = _gutter(words) if depth < 4 and len(words) > 2 * _COLUMN_ROWS else None
    if gutter is None:
        return [(words, True)]
    start, end = gutter
    left = [w for w in words if w.x1 <= start + 1]
    right = [w for w in words if w.x0 >= end - 1]
    if not left or not right:
        return [(words, True)]
    top = min(w.top for w in left + right)
    bottom = max(w.top for w in left + right)
    head, foot = [], []
    for w in words:
        if start + 1 < w.x1 and w.x0 < end - 1:  # across the gutter
            if w.top < top:
                head.append(w)
            elif w.top > bottom:
                foot.append(w)
            else:
                (left if (w.x0 + w.x1) / 2 < (start + end) / 2 else right).append(w)
    parts = [(head, False), *_cut(left, depth + 1), *_cut(right, depth + 1), (foot, False)]
    return [(part, column) for part, column in parts if part]


def _gutter(words: list[_Word], crossing: float = 0.03) -> tuple[float, float] | None:
    """The widest vertical strip in the middle of the text that (nearly) no word crosses,
    as (left, right), when it is at least :data:`_GUTTER` wide: words of at most the share
    ``crossing`` of the rows may cross it."""
    x0 = min(w.x0 for w in words)
    width = max(w.x1 for w in words) - x0
    if width < 20 * _GUTTER:
        return None
    cover = [0] * (int(width) + 3)
    for w in words:
        cover[int(w.x0 - x0)] += 1
        cover[int(w.x1 - x0) + 1] -= 1
    rows = len({round(w.top / 2) for w in words})
    allowed = max(1, int(crossing * rows))  # a title or a rule's caption may cross it
    best: tuple[float, float] | None = None
    running = 0
    run_start = None
    low, high = int(0.2 * width), int(0.8 * width)
    for x, change in enumerate(cover):
        running += change
        if running <= allowed and low <= x <= high:
            if run_start is None:
                run_start = x
            continue
        if run_start is not None and x - run_start >= _GUTTER and \
                (best is None or x - run_start > best[1] - best[0]):
            best = (x0 + run_start, x0 + x)
        run_start = None
    return best


def _text_column(words: list[_Word]) -> bool:
    """Whether ``words`` are a column of text: enough rows, most of them lines of prose
    (several words, no wider apart than a justified line spaces them) from one edge of the
    column to close to the other. A table's rows of cells are not."""
    rows: list[list[_Word]] = []
    top = -math.inf
    for w in sorted(words, key=lambda w: w.top):
        if w.top - top > 0.6 * w.size:
            rows.append([])
            top = w.top
        rows[-1].append(w)
    if len(rows) < _COLUMN_ROWS:
        return False
    left, right = min(w.x0 for w in words), max(w.x1 for w in words)
    reach = _REACH * (right - left)
    full = 0
    for row in rows:
        row.sort(key=lambda w: w.x0)
        # a note's number set apart by a tab ("1        Delbert, Caroline…") is no cell
        text = row[1:] if len(row) > 1 and _MARKER_RUN.fullmatch(row[0].text) else row
        spaced = all(b.x0 - a.x1 <= _WORD_SPACE * max(a.size, b.size)
                     for a, b in itertools.pairwise(text))
        if len(row) >= _PROSE_WORDS and spaced and row[0].x0 - left <= reach and \
                right - max(w.x1 for w in row) <= reach:
            full += 1
    # (short notes and their addresses stop short of the edge: "5  Ibid. Pg. 54.")
    return full * _PROSE_SHARE >= len(rows) or _numbered_list(rows)


def _numbered_list(rows: list[list[_Word]]) -> bool:
    """Whether ``rows`` (each sorted left to right) are a numbered list set in a column, its
    entries running on over the rows under them: a list of notes or works whose entries are
    addresses (``1. https://www.whitehouse.gov/briefi`` | ``ngs-statements/…``) has no row
    of prose, but its numbers, each opening a row, count up one by one, one in four rows at
    least."""
    numbers = [int(m[1]) for row in rows if (m := _LIST_NUMBER.fullmatch(row[0].text))]
    return len(numbers) >= 3 and 4 * len(numbers) >= len(rows) and all(
        b == a + 1 for a, b in itertools.pairwise(numbers))


# --- page furniture -----------------------------------------------------------------------


def _drop_running_lines(pages: list[list[_Line]], heights: list[float]) -> None:
    """Remove running headers and footers and page numbers, in place.

    A line with a note label or marker is never one, nor is a line going on from the text
    next to it towards the middle of the page (as close as a paragraph's lines, in the same
    size): a footnote's lines may stand at the same height on many pages (``Ibid.``).
    """
    def key(line: _Line) -> tuple[str, int]:
        text = " ".join(w.text for w in line.words)
        return re.sub(r"\d+", "#", text.lower()), round(line.top / 4)

    def in_margin(line: _Line, height: float) -> bool:
        return (line.top < _MARGIN * height or line.bottom > (1 - _MARGIN) * height) and \
            not line.label and not _cites(line)

    seen: Counter[tuple[str, int]] = Counter()
    sides: Counter[tuple[tuple[str, int], int]] = Counter()  # a book's left and right pages
    # the first and last lines of the pages, wherever they stand: pages of other sizes (a
    # table turned landscape, a letter-size annex) have their running lines elsewhere
    ends: Counter[str] = Counter()
    for i, (page, height) in enumerate(zip(pages, heights, strict=True)):
        keys = {key(line) for line in page if in_margin(line, height)}
        seen.update(keys)
        sides.update((k, i % 2) for k in keys)
        ends.update({key(line)[0] for line in page[:1] + page[-1:] if in_margin(line, height)})
    threshold = max(2, _REPEATED * len(pages))
    # a journal's headers alternate: "832 VOL. 72 PART 6" on the left pages only
    side_threshold = [max(3, _REPEATED * len(pages[side::2])) for side in (0, 1)]
    for i, (page, height) in enumerate(zip(pages, heights, strict=True)):
        keep = [not in_margin(line, height) or not (
                seen[key(line)] >= threshold
                or sides[key(line), i % 2] >= side_threshold[i % 2]
                or (j in (0, len(page) - 1) and ends[key(line)[0]] >= threshold)
                or _PAGE_NUMBER.fullmatch(" ".join(w.text for w in line.words).strip()))
                for j, line in enumerate(page)]
        for j in range(1, len(page)):  # the foot of the page, from the middle down
            if not keep[j] and keep[j - 1] and page[j].top > height / 2 and \
                    _close(page[j - 1], page[j]) and not _number_aside(page[j], page[j - 1]):
                keep[j] = True
        for j in range(len(page) - 2, -1, -1):  # the head of the page, from the middle up
            if not keep[j] and keep[j + 1] and page[j].top < height / 2 and \
                    _close(page[j], page[j + 1]) and not _number_aside(page[j], page[j + 1]):
                keep[j] = True
        pages[i] = [line for line, kept in zip(page, keep, strict=True) if kept]
    _drop_low_page_numbers(pages)


def _number_aside(line: _Line, beside: _Line) -> bool:
    """Whether ``line`` is a bare page number set off to the side of the text line next to it
    (ABNT's number at the top right, close above the text): no line of the paragraph goes
    on from it, however close."""
    return bool(_PAGE_NUMBER.fullmatch(" ".join(w.text for w in line.words).strip())) and \
        line.words[0].x0 > beside.words[0].x0 + 4 * line.size


def _drop_low_page_numbers(pages: list[list[_Line]]) -> None:
    """Remove the page numbers set above the bottom margin (KOMA-Script's and memoir's
    roomy layouts): a page's last line that is a bare number, apart from the text above
    it, counting the pages (the same number minus the page's place on at least two pages,
    or 1 on a one-page document)."""
    offsets: dict[int, int] = {}
    for i, page in enumerate(pages):
        last = page[-1] if page else None
        if last is None or last.label or (len(page) > 1 and _close(page[-2], last)):
            continue
        text = " ".join(w.text for w in last.words).strip()
        if _PAGE_NUMBER.fullmatch(text) and (digits := re.search(r"\d+", text)):
            offsets[i] = int(digits.group()) - i
    common = Counter(offsets.values()).most_common(1)
    if common and (common[0][1] >= 2 or (len(pages) == 1 and common[0][0] == 1)):
        for i, offset in offsets.items():
            if offset == common[0][0]:
                del pages[i][-1]


def _close(upper: _Line, lower: _Line) -> bool:
    """Whether ``lower`` follows ``upper`` as the lines of a paragraph do: in the same size,
    with little space between them."""
    return abs(upper.size - lower.size) <= 0.5 and lower.top - upper.bottom <= 0.8 * upper.size


# --- notes areas --------------------------------------------------------------------------


def _body_size(lines: list[_Line]) -> float:
    """The font size of the body text: the commonest size of the lines that cite a note
    (a superscript after other text), or of all lines when none does."""
    citing: Counter[float] = Counter()
    every: Counter[float] = Counter()
    for line in lines:
        count = sum(len(w.text) for w in line.words)
        every[line.size] += count
        if _cites(line):
            citing[line.size] += count
    commonest = (citing or every).most_common(1)
    return commonest[0][0] if commonest else 0.0  # no text on its pages


def _find_notes(pages: list[list[_Line]], rules: list[list[_Rule]], body_size: float) -> None:
    """Mark the lines of the notes areas (``note``), in place.

    A page foot is the run of lines smaller than the body text at the bottom of a page,
    from its first note label, or from a separator rule just above the lines going on with
    a note there, or from its top when the page is all notes going on from the page before
    (not when a line above its first label cites: a figure's caption). Its labels are
    superscripts, or set in the notes' own size (see :func:`_plain_labels`); lines set
    smaller than the body but larger than the notes above them (a quotation), and a block
    under a heading of its own that names no notes (an appendix, a list of figures), hold
    none. Endnotes as large as the body text are the lines from the first superscript
    label after the body's last marker.
    """
    open_size = 0.0  # the size of the notes the page before ended in, if it did
    feet: list[tuple[list[_Line], int]] = []  # pages with notes under body text, from where
    cited = _cited([line for page in pages for line in page])
    numbered: dict = {}  # the last plain label's number, per numbering system and case
    for page, page_rules in zip(pages, rules, strict=True):
        if not page:
            continue
        start = len(page)
        while start and page[start - 1].size < body_size - _SMALLER:
            start -= 1
        foot = start  # where the notes' size begins: a quotation or a caption set smaller
        while foot < len(page) - 1 and abs(page[foot].size - page[-1].size) > 0.5:
            foot += 1  # than the body, but not as small as the notes, is no note
        if start and _sets_apart(page[start - 1], body_size):
            foot = len(page)  # a section set small under its heading (an appendix, a list of
            # figures), not notes
        _plain_labels(page[foot:], cited, numbered, _cited(page[:start]))
        first = next((i for i in range(foot, len(page)) if page[i].label), None)
        # a page in the notes' size goes on with the notes before it, unless a line above
        # its first label cites (a figure's caption: "Figura 7. … Toledo 1500⁵⁴")
        going_on = start == 0 and abs(page[0].size - open_size) <= _SMALLER and \
            not any(_cites(line) for line in page[:len(page) if first is None else first])
        if going_on:
            first = 0
        elif first is not None:  # from a separator rule above the lines going on with
            size = page[first].size  # a note there: close above the label, in its size
            top = first
            while top > start and abs(page[top - 1].size - size) <= 0.5 and \
                    page[top].top - page[top - 1].bottom <= 2 * size:
                top -= 1
            first = next((i for i in range(top, first) if _rule_above(page, i, page_rules)),
                         first)
        if first is not None:
            for line in page[first:]:
                line.note = True
            if first > 0:  # body text above it: a page foot, not a page of endnotes
                feet.append((page, first))
        open_size = page[-1].size if page[-1].note else 0.0
    _mark_feet(pages, feet, body_size)
    lines = [line for page in pages for line in page]
    last = max((i for i, line in enumerate(lines) if not line.note and _cites(line)),
               default=-1)
    first = next((i for i in range(last + 1, len(lines)) if lines[i].label), None)
    if first is not None:
        for line in lines[first:]:
            line.note = True


def _mark_feet(pages: list[list[_Line]], feet: list[tuple[list[_Line], int]],
               body_size: float) -> None:
    """Mark the notes at page feet (``foot``): notes under body text, on a page the body
    goes on after, or set apart from the body by a gap (footnotes sit at the bottom of the
    page; endnotes that Word prints under the body's last lines follow them closely)."""
    body_pages = [i for i, page in enumerate(pages) if any(not line.note for line in page)]
    last_body = pages[body_pages[-1]] if body_pages else None
    for page, first in feet:
        gap = page[first].top - page[first - 1].bottom
        if page is not last_body or gap > 3 * body_size:
            for line in page[first:]:
                line.foot = True


#: A heading over notes: Notes, Endnotes, Footnotes, in the languages of briefs.
_NOTES_TITLE = re.compile(r"(?i)\b(?:(?:end|foot)?notes?|anmerkungen|fu(?:ß|ss)noten|notas|"
                          r"примечания|сноски|références|references)\b")


def _sets_apart(line: _Line, body_size: float) -> bool:
    """Whether ``line``, just above a block smaller than the body, is a heading of its own
    (larger than the body) that names no notes: the block is its section, set small."""
    return line.size > body_size + 0.5 and \
        not _NOTES_TITLE.search(" ".join(w.text for w in line.words))


def _per_page(pages: list[list[_Line]]) -> bool:
    """Whether the notes at the page feet are numbered from 1 on each page (as French
    theses have them): on two pages or more, and on at least half the pages whose foot
    holds a label, the first label is 1."""
    firsts = [next((line.label for line in page if line.foot and line.label), None)
              for page in pages]
    labelled = [label for label in firsts if label]
    ones = sum(read_numeral(label).value == 1 for label in labelled)
    return ones >= 2 and 2 * ones >= len(labelled)


def _cited(lines: list[_Line]) -> set[str]:
    """The numerals of the superscripts that follow other text (markers), runs such as
    ``2iii`` cut where digits and letters meet."""
    out: set[str] = set()
    for line in lines:
        for i in range(1, len(line.words)):
            if line.raised[i] and not line.raised[i - 1]:
                out.update(_NUMERALS.findall(line.words[i].text))
    return out


def _plain_labels(lines: list[_Line], cited: set[str], numbered: dict,
                  here: frozenset[str] | set[str] = frozenset()) -> None:
    """Find the note labels set in the notes' own size in a block of notes, as
    LibreOffice sets them: hanging out of an indent that the notes' other lines start at,
    apart from the text (``i  Ministry…``) or, when wider than the indent, glued to it
    (``viiiNational…``). A label must be cited by a marker, or number on from the label
    before (``numbered`` holds the last number of each numbering system and case). The
    label is taken out of the line's words and set as ``label``; labels set to the right
    (`` 98.`` over ``100.``) are labels too. A lone line (one note at a column's foot) must be
    both cited and numbered on, or, numbered 1, be cited on its own page (``here``: notes
    numbered from 1 on each page, as French theses have them). A block whose labels are
    superscripts has no others: there a line that opens with a number (``1 January 2018``,
    a LaTeX note going on at the margin) goes on with its note.
    """
    if not lines or any(line.label for line in lines):
        return
    alone = len(lines) == 1  # one note at a column's foot: cited, and numbering on, both
    margin = min(line.words[0].x0 for line in lines)
    numbered_lines = [line for line in lines if len(line.words) > 1 and
                      _SHORT_NUMERAL.fullmatch(line.words[0].text)]
    labelled = {id(line) for line in numbered_lines}
    hanging = Counter(round(line.words[0].x0) for line in lines  # the notes' other lines
                      if 2 < line.words[0].x0 - margin < 40 and id(line) not in labelled)
    after = Counter(round(line.words[1].x0) for line in numbered_lines  # the text after a label
                    if line.words[0].x0 - margin < 40 and 2 < line.words[1].x0 - margin < 40)
    indents = hanging + after
    if not indents:
        return
    indent = indents.most_common(1)[0][0]
    for line in lines:
        word = line.words[0]
        # the text after the label at the indent (or a little past it: a tab typed twice),
        # or, after a label at the margin ending in a full stop, a space after it (``8.``
        # and ``10.`` set with a space: the text starts where each label ends)
        apart = len(line.words) > 1 and (
            -2 <= line.words[1].x0 - indent <= line.size or
            (word.x0 - margin <= 1 and word.text.endswith(".") and
             line.words[1].x0 - word.x1 <= 0.6 * line.size))
        if line.label or line.raised[0] or (word.x0 - margin > 1 and not (
                apart and word.x1 < indent)):  # (" 98." over "100.": set to the right)
            continue
        for end in range(min(len(word.text), 12), 0, -1):
            token, rest = word.text[:end], word.text[end:]
            if rest == "." and apart:
                rest = ""
            if joined := joined_label(token):  # "11,12 Ibid.": one entry for two notes
                system = (ARABIC, None)  # (a numeral's system and case, as below)
                if rest or len(line.words) < 2 or not (
                        token.split(",")[0] in cited or numbered.get(system) == joined[0] - 1):
                    continue
                numbered[system] = joined[-1]
                line.label = token
                del line.words[0], line.raised[0]
                break
            numeral = read_numeral(token)
            if not _NUMERAL.fullmatch(token) or numeral.value is None or numeral.malformed \
                    or (rest and not ((hanging[indent] and rest[0].isupper()) or
                                      rest[0] in "\"'“‘([«")) \
                    or (not rest and not apart):
                continue
            system = numeral.system, numeral.case
            follows = system in numbered and numeral.value == numbered[system] + 1
            if alone:
                follows = follows or (numeral.value == 1 and token in here)
            if (token in cited and follows) if alone else (token in cited or follows):
                numbered[system] = numeral.value
                line.label = token
                if rest:
                    share = (word.x1 - word.x0) * end / len(word.text)
                    line.words[0] = _Word(rest, word.x0 + share, word.x1, word.top,
                                          word.bottom, word.size, word.italic)
                else:
                    del line.words[0], line.raised[0]
                break


def _cites(line: _Line) -> bool:
    """Whether a superscript follows other text on ``line``, as a marker does."""
    return any(b and not a for a, b in itertools.pairwise(line.raised))


def _rule_above(page: list[_Line], i: int, rules: list[_Rule]) -> bool:
    """Whether a horizontal rule (a note separator) lies between line ``i`` and the line
    above it, starting left of the line's end."""
    above = page[i - 1].bottom if i else page[i].top - 3 * page[i].size  # (a page's first
    # line: a rule just above it, not one anywhere above, as a figure's frame)
    return any(above - 1 <= top <= page[i].top + 1 and x0 < page[i].x1
               for x0, _x1, top in rules)


# --- paragraphs and broken words -----------------------------------------------------------


def _mark_paragraphs(pages: list[list[_Line]], body_size: float,
                     per_page: bool = False) -> None:
    """Set ``paragraph_before`` on the lines that start a paragraph (and ``full`` and
    ``room``, how close each line comes to the right margin; ``ends_block``).

    Where the notes are numbered from 1 on each page (``per_page``), the body text of each
    page is a paragraph of its own, so that each page's notes follow its own text and the
    notes of two pages are two blocks, not one block numbered 1, 2, 1.

    The body text and the notes are two flows, each compared with itself only. A paragraph
    starts after a gap clearly larger than the page's usual line spacing, where the font
    size changes, after a line that stopped short although the next line's first word would
    have fitted on it, and before a note label; the same tests apply over a page break,
    where a paragraph may go on. A page's first line of notes is compared with the last
    line of notes of its size (footnotes and endnotes may have sizes of their own). In a
    note smaller than the body text (``body_size``) that starts with a label, every line up
    to the next label goes on with it (its list, its second paragraph), unless the size
    changes, a wide gap parts them or the line starts as a typed label (``12. …``) after a
    line that stopped short.
    """
    body: _Line | None = None  # the last line of the body text so far
    notes: list[_Line] = []  # the last line of notes so far, and of each other size
    openers: dict[bool, _Line] = {}  # the first line of the paragraph open in each flow
    labelled = False  # whether the note going on started with a label
    for page in pages:
        if not page:
            continue
        right = max(line.x1 for line in page)
        for line in page:
            line.full = line.x1 >= right - 0.5 * line.size
            line.room = right - line.x1 - 0.3 * line.size
        for flow in (False, True):
            lines = [line for line in page if line.note is flow]
            if not lines:
                continue
            gaps = [0.0, *(b.top - a.bottom for a, b in itertools.pairwise(lines))]
            usual = statistics.median(gaps[1:]) if len(gaps) > 1 else 0.0
            for k, (line, gap) in enumerate(zip(lines, gaps, strict=True)):
                if k:
                    before = lines[k - 1]
                    before.ends_block = gap > usual + 0.35 * before.size
                else:
                    before = _same_size(notes, line) if flow else body
                if before is None or (per_page and not flow and not k):
                    line.paragraph_before = True
                elif flow and labelled and not line.label and line.size < body_size - _SMALLER:
                    line.paragraph_before = abs(line.size - before.size) > 0.5 or \
                        gap > usual + 2 * line.size or \
                        (_LABEL.match(line.text) is not None and _breaks(before, line))
                else:
                    line.paragraph_before = (before.ends_block if k else
                                             _LABEL.match(line.text) is not None) or \
                        _breaks(before, line, openers.get(flow))
                if line.paragraph_before:
                    openers[flow] = line
                if flow and line.paragraph_before:
                    labelled = bool(line.label)
            lines[-1].ends_block = True
            if flow:
                notes = [lines[-1], *(n for n in notes if abs(n.size - lines[-1].size) > 0.5)]
            else:
                body = lines[-1]


def _same_size(lines: list, line: _Line):
    """The first of ``lines`` (lines or paragraphs) as large as ``line``, else the first."""
    return next((other for other in lines if abs(other.size - line.size) <= 0.5),
                lines[0] if lines else None)


def _breaks(before: _Line, line: _Line, opener: _Line | None = None) -> bool:
    """Whether ``line`` starts a paragraph: a note label in a notes area, another font
    size, ``line`` back at the margin of ``opener`` (the paragraph's first line) after
    lines hung under it (a list of works set with a hanging indent), ``before`` stopped
    short although the first word of ``line`` would have fitted on it, ``line`` starts
    with a superscript numeral or a bracketed number and text after a finished sentence (a
    note label, a listed work), or it opens the item after the one ``opener`` or
    ``before`` opens."""
    if line.note and line.label:
        return True
    if _MARKER_ONLY.fullmatch(line.text):
        return False  # a marker pushed onto a line of its own
    first = line.words[0]
    if opener is not None and before is not opener and \
            before.words[0].x0 - first.x0 >= 0.8 * line.size and \
            abs(first.x0 - opener.words[0].x0) <= 0.3 * line.size:
        return True  # back at the margin after lines hung under an entry: the next entry
    return (abs(line.size - before.size) > 0.5 or before.room > first.x1 - first.x0
            or (line.text.lstrip("- ").startswith("^{") and _finished(before.text))
            or (_WORK.match(line.text) is not None and _finished(before.text))
            or _next_item(before, line) or (opener is not None and _next_item(opener, line)))


_WORK = re.compile(r"\[\d{1,4}\] +\S")  # a listed work, "[26] STRANDBURG, K. J. …"


_ITEM = re.compile(r"(\d{1,3})[.)] +\S")  # a numbered list's item: "4. МВД России…"


def _next_item(before: _Line, line: _Line) -> bool:
    """Whether ``line`` opens the item after the one ``before`` opens, both at one left edge
    (``4. …`` then ``5. …``): a list set single-spaced, whose one-line item reached the
    right margin, is two items, not one paragraph wrapped."""
    a, b = _ITEM.match(before.text), _ITEM.match(line.text)
    return a is not None and b is not None and int(b[1]) == int(a[1]) + 1 and \
        abs(before.words[0].x0 - line.words[0].x0) <= 0.5 * line.size


def _finished(text: str) -> bool:
    """Whether ``text`` ends a sentence or a bracketed address."""
    return text.rstrip("*")[-1:] in _FINISHED


@dataclass
class _Paragraph:
    """A paragraph being joined from its lines."""

    page: int
    text: str
    last: _Line  # its last line so far
    foot: bool = False  # it starts in a page foot

    @property
    def size(self) -> float:
        return self.last.size

    def add(self, line: _Line, vocabulary: set[str]) -> None:
        """Join ``line`` to the paragraph."""
        forced = self.last.full and " " not in self.last.text
        self.text = _join(self.text, line.text, forced, vocabulary)
        self.last = line


def _paragraphs(lines: list[_Line]) -> list[tuple[int, str, bool]]:
    """(page, text, whether it starts in a page foot) of each paragraph: its lines joined,
    split words and URLs rejoined.

    The notes started on a page are held back until the body paragraph open there has
    ended (on the next page, perhaps), and come before the next one. A page's first line of
    notes without a label goes on with a note of the page before (see :func:`_going_on`).
    """
    vocabulary = {w.strip(_PUNCTUATION).lower() for line in lines for w in line.text.split()}
    out: list[_Paragraph] = []
    held: list[_Paragraph] = []  # the notes waiting for the body paragraph to end
    body: _Paragraph | None = None
    notes: list[_Paragraph] = []
    note: _Paragraph | None = None  # the note the last line of notes went to
    for line in lines:
        if not line.text:
            continue
        if not line.note:
            if body is None or line.paragraph_before:
                out.extend(held)
                held.clear()
                body = _Paragraph(line.page, line.text, line)
                out.append(body)
            else:
                body.add(line, vocabulary)
        elif note is None or line.paragraph_before:
            note = _Paragraph(line.page, line.text, line, foot=line.foot)
            notes.append(note)
            held.append(note)
        else:
            note = _going_on(notes, note, line)
            note.add(line, vocabulary)
    out.extend(held)
    return [(paragraph.page, _standalone(paragraph.text) if paragraph.last.note is False
             else paragraph.text, paragraph.foot) for paragraph in out]


def _standalone(text: str) -> str:
    """A body paragraph of small raised numbers and nothing else (``^{40}^{30}``: a chart's
    axis labels, a figure's callouts) written as plain numbers: a marker follows text, and a
    note label precedes it."""
    if not _MARKER_ONLY.fullmatch(text):
        return text
    return " ".join(re.findall(r"\^\{([^{}\s]+)\}", text))


def _going_on(notes: list[_Paragraph], last: _Paragraph, line: _Line) -> _Paragraph:
    """The note that ``line``, a line of notes that starts no paragraph, goes on with;
    ``last`` is the note the line before went to.

    On the page of that line, that note. At the top of a page's notes, a note the page
    break cut, which ended a block of notes on the page before (endnotes after the body,
    footnotes at the foot): the last one as large as the line that is unfinished, else the
    last one as large.
    """
    if line.page == last.last.page:
        return last
    cut = [n for n in reversed(notes) if n.last.page == last.last.page and n.last.ends_block]
    return next((n for n in cut if abs(n.size - line.size) <= 0.5 and
                 not n.text.rstrip("*").endswith((".", ">", ")", "]", "!", "?"))),
                None) or _same_size(cut, line)


def _join(text: str, following: str, forced: bool, vocabulary: set[str]) -> str:
    """``text`` continued by the next line ``following``, rejoining what the break split.

    A link broken by the line (an annotation on each line, to the same address) is made one.
    A URL or a word broken at a hyphen, dash or slash is joined without a space. A line-end
    hyphen is dropped only when the document itself writes the joined word without it
    (``migration``) and kept otherwise (``anti-government``, URLs). An italic stretch going
    on over the break loses the ``*`` on both sides of it.
    """
    ending = _LINK_ENDS.search(text) if text.endswith(")") else None
    starting = _LINK_STARTS.match(following) if ending else None
    if starting and starting[2] == ending[2]:
        return (text[:ending.start()] + link(f"{ending[1]} {starting[1]}", ending[2])
                + following[starting.end():])
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

    ``forced`` says the URL filled the line before on its own, so it was broken anywhere;
    LaTeX's ``url`` package breaks one even after its scheme (``https:`` | ``//host/…``).
    """
    if _SCHEME_ONLY.fullmatch(last) and first.startswith("/"):
        return True
    first = _QUOTED_AFTER.split(first, 1)[0]  # '/raw/master/manuf"),[…': code quoting it
    if not _URL_START.search(last) or not _URL_PIECE.fullmatch(first) or len(first) < 2 or \
            _LIST_NUMBER.fullmatch(first):  # "10." opens the next entry of a list
        return False
    if last.startswith("<") or ">" in last:
        return ">" not in last  # an unclosed <…> goes on; a closed one is complete
    if forced or last.endswith(("/", "-", "_", "=", "?", "&", "#", "%", "~")):
        return True
    if _HOST_UNFINISHED.search(last):
        return True  # "https://CRAN." | "R-project.org/…": no address ends at such a host
    return any(c in first for c in "/._-=?&#%") and not first[:1].isupper()


_QUOTED_AFTER = re.compile(r'(?<=\w)["“”]')  # what closes an address quoted in code
_HOST_UNFINISHED = re.compile(r"(?:https?|ftp)://[\w-]+\.$", re.IGNORECASE)


#: A note symbol, or two or three of one (``∗``, ``†``, ``**``).
_NOTE_SYMBOL = re.compile(r"([∗*†‡§¶‖])\1{0,2}")
#: A paragraph opening with one, as written (``^(∗)Electricity…``, ``*Electricity…``).
_SYMBOL_NOTE = re.compile(r"(?:\^[({][∗*†‡§¶‖]{1,3}[)}]|[∗*†‡§¶‖]{1,3})\s*\S")


def _symbol_notes(lines: list[_Line], paragraphs: list[tuple[int, str, bool]]
                  ) -> tuple[Unread, ...]:
    """Footnotes marked with symbols (∗, †, ‡), which footcheck does not read as notes (a
    book's, numbered anew on each page), as something seen and not read: lines opening with
    a raised symbol, then text, on two pages or more (a title page's ∗ and † give the
    authors' addresses)."""
    pages = [line.page for line in lines if len(line.words) > 1 and line.raised[0] and
             _NOTE_SYMBOL.fullmatch(line.words[0].text)]
    if len(set(pages)) < 2:
        return ()
    first = next((k for k, (page, text, _) in enumerate(paragraphs)
                  if page == pages[0] and _SYMBOL_NOTE.match(text)), 0)
    line = 2 * first + 1  # as :func:`_document` lays paragraphs out, a blank line between
    return (Unread("footnotes marked with symbols (∗, †, ‡)", line, 1, len(pages)),)


def _document(paragraphs: list[tuple[int, str, bool]], path: str) -> Document:
    """One line per paragraph, a blank line between them, the page starts, and the
    paragraphs of the page feet as blocks (the extractor names their notes footnotes)."""
    out: list[str] = []
    page_starts: list[int] = []
    feet: list[Block] = []
    offset = 0
    for page, text, foot in paragraphs:
        if len(page_starts) < page:
            page_starts.extend([len(out) + 1] * (page - len(page_starts)))
        if foot:
            feet.append(Block(PAGE_FOOT, offset, offset + len(text)))
        out += [text, ""]
        offset += len(text) + 2
    document = Document.from_text("\n".join(out), path=path, encoding="pdf", format="pdf",
                                  units="paragraph", page_starts=tuple(page_starts))
    return replace(document, blocks=tuple(feet)) if feet else document
