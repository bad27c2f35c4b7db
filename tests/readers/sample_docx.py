"""Turn the sample brief (pandoc-flavoured text) into a .docx, two ways.

``typed_docx`` is the brief as its author typed it in Word: every line a paragraph, every
``^{xiv}``/``^x`` a run of superscript text, ``*…*`` italic runs, ``[text](url)``
hyperlinks, and the notes section ordinary paragraphs. Unicode superscripts (``ⁱ``, ``²``)
stay the characters they are. Its audit should equal the text's.

``word_docx`` is the brief with real Word notes: each endnote marker becomes a
``w:endnoteReference`` and each note an entry of ``word/endnotes.xml``; the hand-typed
footnotes (``²`` in the text, ``² …`` at the foot of a page) become ``w:footnoteReference``
and ``word/footnotes.xml``. Word numbers notes itself, in order of reference, so a marker
is attached to a note by number: first every marker to the first unused note carrying its
number (``^{L1}`` meaning LI), then the markers left (a second ``^{xxvi}``, ``^{LV}`` and
``^{XCIV}``, whose notes are misnumbered) to the unused note nearest in number. Notes that
no marker cites cannot exist in Word and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from wordml import docx

from footcheck.numerals import read as read_numeral

SAMPLE = Path(__file__).resolve().parents[2] / "references" / "relokanty-brief.txt"

_CARET = re.compile(r"\^\{([^{}\s]+)\}|\^([A-Za-z0-9]+)")
_ITALIC = re.compile(r"\*(?=\S)([^*]+?)(?<=\S)\*")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^()\s\\]|\([^()\s]*\))*)\)")
_MARKER = re.compile(r"\^\{([^{}\s]+)\}|\^([A-Za-z0-9]+)|([ⁱ]+)|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_NOTE_LABEL = re.compile(r"(?:- )?(?:\^\{([^{}\s]+)\}|\^([A-Za-z0-9]+)|([IVXLC]+))\s+")
_FOOTNOTE_LABEL = re.compile(r"([ⁱ¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s+")
_UNESCAPE = re.compile(r"\\(.)")


def _inline(text: str) -> str:
    """Italics and links of pandoc text as the tags of :mod:`wordml`."""
    def link(m: re.Match[str]) -> str:
        shown = _UNESCAPE.sub(r"\1", m.group(1))
        target = _UNESCAPE.sub(r"\1", m.group(2))
        return f"{{a:{target}|{shown}}}"

    text = _LINK.sub(link, text)
    return _ITALIC.sub(lambda m: f"{{i:{m.group(1)}}}", text)


HEADER = "Prague Process · Policy Brief · February 2024"
FOOTER = "Page #"


def typed_docx(path: Path = SAMPLE) -> bytes:
    """The sample as typed by hand in Word (superscript runs, no real notes), with a running
    header and a page-numbered footer."""
    paragraphs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            line = _CARET.sub(lambda m: f"{{sup:{m.group(1) or m.group(2)}}}", line)
            paragraphs.append(_inline(line))
    return docx(paragraphs, header=HEADER, footer=FOOTER)


@dataclass
class _Note:
    number: int | None
    text: str
    cited: bool = False


@dataclass
class _Brief:
    """The sample split into body lines, endnotes and hand-typed footnotes."""

    body: list[str] = field(default_factory=list)
    endnotes: list[_Note] = field(default_factory=list)
    footnotes: dict[int | None, str] = field(default_factory=dict)


def _split(text: str) -> _Brief:
    brief = _Brief()
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("- ^"))
    last = next(i for i, line in enumerate(lines) if line.startswith("©"))
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if first <= i < last:
            m = _NOTE_LABEL.match(line)
            if m is None:  # a note continued after a page break
                brief.endnotes[-1].text += " " + line.strip()
                continue
            token = next(g for g in m.groups() if g)
            brief.endnotes.append(_Note(read_numeral(token).value, line[m.end():]))
            continue
        m = _FOOTNOTE_LABEL.match(line)
        if m is not None:
            brief.footnotes[read_numeral(m.group(1)).value] = line[m.end():]
        else:
            brief.body.append(line)
    return brief


def word_docx(path: Path = SAMPLE) -> bytes:
    """The sample with real Word endnotes and footnotes (see the module docstring)."""
    brief = _split(path.read_text(encoding="utf-8"))
    markers: list[tuple[int, int, int | None, str]] = []  # (line, match index, number, kind)
    for n, line in enumerate(brief.body):
        for k, m in enumerate(_MARKER.finditer(line)):
            token = next(g for g in m.groups() if g)
            kind = "fn" if m.group(4) else "en"
            markers.append((n, k, read_numeral(token).value, kind))
    attached: dict[tuple[int, int], int] = {}  # marker -> index of its note
    for exact in (True, False):
        for line, k, number, kind in markers:
            if kind != "en" or (line, k) in attached:
                continue
            free = [i for i, note in enumerate(brief.endnotes) if not note.cited]
            if exact:
                free = [i for i in free if brief.endnotes[i].number == number]
            if not free:
                continue
            best = min(free, key=lambda i: abs((brief.endnotes[i].number or 0) - (number or 0)))
            brief.endnotes[best].cited = True
            attached[(line, k)] = best
    # Word gives notes ids in order of reference (LibreOffice relies on it).
    ids = {note: i for i, note in enumerate(sorted(attached.values(), key=lambda note: min(
        m for m, v in attached.items() if v == note)), start=1)}
    body = []
    for n, line in enumerate(brief.body):
        pieces, pos = [], 0
        for k, m in enumerate(_MARKER.finditer(line)):
            pieces.append(line[pos:m.start()])
            if m.group(4):
                pieces.append(f"{{fn:{read_numeral(m.group(4)).value}}}")
            else:
                pieces.append(f"{{en:{ids[attached[(n, k)]]}}}")
            pos = m.end()
        body.append(_inline("".join(pieces) + line[pos:]))
    cited_footnotes = {read_numeral(m.group(4)).value for line in brief.body
                       for m in _MARKER.finditer(line) if m.group(4)}
    return docx(
        body, header=HEADER, footer=FOOTER,
        endnotes={ids[i]: _inline(brief.endnotes[i].text) for i in sorted(ids, key=ids.get)},
        footnotes={number: _inline(text) for number, text in brief.footnotes.items()
                   if number in cited_footnotes},
    )

