"""Benchmark the URL finder: throughput on URL-dense text, linear time on pathological input.

Run by hand: ``.venv/bin/python benchmarks/urls.py``. Targets: more than 5 MB/s on text
dense with URLs (about 40 MB/s on a developer machine); each pathological input of
tests/test_urls.py (unclosed brackets, runs of parentheses, ``www.`` repeated) in well under
a second.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]

from footcheck.urls import find_urls  # noqa: E402
from test_urls import PATHOLOGICAL, URL_DENSE_NOTE  # noqa: E402


def best_seconds(run, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    text = URL_DENSE_NOTE * (2_000_000 // len(URL_DENSE_NOTE))
    rate = len(text) / 1e6 / best_seconds(lambda: find_urls(text))
    print(f"URL-dense text: {rate:.1f} MB/s (target > 5)")
    worst = max(best_seconds(lambda t=t: find_urls(t), runs=1) for t in PATHOLOGICAL)
    print(f"slowest pathological input: {worst:.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()
