"""The sample brief's endnotes as hand-built notes, while ``footcheck.extract`` is not ready.

A small reader for the endnote section only (lines 205–355): a line starting with a label
(``- ^{XIV}``, ``^L``, ``LXVIII``) starts a note; other non-blank lines continue it.
"""

from __future__ import annotations

import re
from pathlib import Path

from footcheck.model import ENDNOTES, Document, Extraction, Note

SAMPLE = Path(__file__).resolve().parents[2] / "references" / "relokanty-brief.txt"
FIRST_LINE, LAST_LINE = 205, 355
_LABEL = re.compile(
    r"^(?:- )?(?:\^\{(?P<a>[^}]*)\}|\^(?P<b>[IVXLCivxlc]+)|(?P<c>[IVXLC]+)(?= ))\s?")
_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman(token: str) -> int:
    """The value of a Roman numeral (no validation: the sample's are valid)."""
    values = [_VALUES[ch] for ch in token.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


def sample_extraction(text: str | None = None, first: int = FIRST_LINE,
                      last: int = LAST_LINE) -> Extraction:
    """Notes of ``text`` (the sample by default) between two 1-based lines."""
    doc = Document.from_text(text if text is not None else SAMPLE.read_text(encoding="utf-8"))
    notes: list[dict] = []
    for number in range(first, min(last, doc.line_count) + 1):
        line = doc.line(number)
        start = doc.line_starts[number - 1]
        m = _LABEL.match(line)
        if m and line.strip():
            token = m.group("a") or m.group("b") or m.group("c")
            notes.append({"token": token, "line": number, "column": m.end() + 1,
                          "end_line": number,
                          "spans": [(start + m.end(), start + len(line.rstrip()))]})
        elif line.strip() and notes:
            lead = len(line) - len(line.lstrip())
            notes[-1]["spans"].append((start + lead, start + len(line.rstrip())))
            notes[-1]["end_line"] = number
    out = []
    for n in notes:
        spans = tuple(n["spans"])
        out.append(Note(label=n["token"], token=n["token"], number=roman(n["token"]),
                        series=ENDNOTES, notation="superscript", line=n["line"],
                        column=n["column"], end_line=n["end_line"],
                        text=" ".join(doc.text[s:e] for s, e in spans), spans=spans))
    return Extraction(document=doc, notes=tuple(out), markers=())
