"""Benchmark the readers of converted formats: time linear in the number of notes.

Run by hand: ``.venv/bin/python benchmarks/readers.py``. Targets (issue "Word,
OpenDocument, PDF and HTML"): a page with thousands of generator footnotes read in well
under a second per thousand notes, time growing linearly with the notes (a quadratic walk
shows as a ratio far above 5 from 1,000 to 5,000 notes).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "readers")]

from test_html_footnotes import thousand_notes_page  # noqa: E402

from footcheck.readers import html  # noqa: E402


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


if __name__ == "__main__":
    main()
