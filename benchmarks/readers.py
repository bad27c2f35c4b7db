"""Benchmark the readers of converted formats.

Run by hand: ``.venv/bin/python benchmarks/readers.py``. Targets (issue "Word,
OpenDocument, PDF and HTML"): a page with thousands of generator footnotes read in well
under a second per thousand notes, time growing linearly with the notes (a quadratic walk
shows as a ratio far above 5 from 1,000 to 5,000 notes); a PDF of over 100 pages (made by
LibreOffice, which must be installed) in under 10 s; a 12 MB .docx in under 3 s.
"""

from __future__ import annotations

import base64
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "readers")]

from test_html_footnotes import thousand_notes_page  # noqa: E402
from test_pdf_notes import long_brief_pdf  # noqa: E402
from wordml import docx as make_docx  # noqa: E402

from footcheck.readers import docx, html, pdf  # noqa: E402


def median_seconds(run, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    seconds = {}
    for count in (1000, 5000):
        page = thousand_notes_page(count).encode()
        seconds[count] = median_seconds(lambda page=page: html.read(page, "big.html"))
        print(f"HTML, {count} generator footnotes ({len(page) / 1e6:.1f} MB): "
              f"{seconds[count]:.2f} s")
    ratio = seconds[5000] / seconds[1000]
    print(f"5,000 / 1,000 notes: x{ratio:.1f} (linear: about 5)"
          + ("" if ratio < 8 else "  <- slower than linear"))
    with tempfile.TemporaryDirectory() as folder:
        data = long_brief_pdf(Path(folder))
    pages = len(pdf.read(data, "long.pdf").page_starts)
    seconds = median_seconds(lambda: pdf.read(data, "long.pdf"), runs=1)
    print(f"PDF, {pages} pages, 1,000 notes: {seconds:.1f} s (target < 10 s)")
    # A 12 MB brief is mostly pictures: 12 MB of media beside 20,000 paragraphs and notes.
    count = 20_000
    paragraphs = [f"Paragraph {i} of a long brief, citing a source in its note.{{en:{i}}}"
                  for i in range(1, count + 1)]
    notes = {i: f"Source {i}, Title {i}, 2023. https://example.org/{i}"
             for i in range(1, count + 1)}
    media = base64.b85encode(random.Random(1).randbytes(11_500_000)).decode()
    data = make_docx(paragraphs, endnotes=notes, extra_parts={"word/media/photos.bin": media})
    seconds = median_seconds(lambda: docx.read(data, "long.docx"), runs=1)
    print(f".docx, {len(data) / 1e6:.1f} MB, {count:,} paragraphs and notes: "
          f"{seconds:.1f} s (target < 3 s for 12 MB)")


if __name__ == "__main__":
    main()
