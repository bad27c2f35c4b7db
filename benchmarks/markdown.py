"""Benchmark the audit of a large Markdown document (issue: read documents by structure).

Run by hand: ``.venv/bin/python benchmarks/markdown.py``. Target: at least 1 MB/s for the
whole offline audit of a large Markdown brief — CommonMark parsing with markdown-it-py,
footnotes, typed-note search in prose and every rule — after one warm-up run.

The generated brief has what real Markdown articles have: paragraphs citing footnotes,
numbered and bulleted lists, fenced code holding JSON arrays and carets, tables with
markers in cells, math, and a footnote definition with a URL for every reference.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from footcheck.audit import audit

RUNS = 3


def section(i: int) -> str:
    """One section of the brief, citing footnotes 3i+1 … 3i+3."""
    a, b, c = 3 * i + 1, 3 * i + 2, 3 * i + 3
    return f"""\
## Part {i + 1}

Crossings rose by {i % 90 + 5} % in the year to March.[^{a}] Queues at the border grew longer,
and the ministry published its monthly statistics late.[^n{b}] The change was (a+b)² in
effect, with 10⁶ people and 40 km² of new camps.[^{c}]

1. Open two new crossings.
2. Publish the figures monthly.
3. Fund the border service.

```json
{{"crossings": [1, 2, 3, 4, 5], "delta": "x^2", "ref": "[^{a}]"}}
```

| Year | Arrivals |
|------|----------|
| 2022 | 41,000[^{a}] |

[^{a}]: Ahmed, Samir ({2000 + i % 24}). 'The Long Queue,' *Steppe Herald*. 28 September. \
<https://steppeherald.example.org/{2000 + i % 24}/09/28/long-queue-{i}>
[^n{b}]: Border Service of Kazakhstan ({2000 + i % 24}). Monthly statistics, September. \
<https://border.example.gov/stats/{i}>
[^{c}]: Ministry of Finance ({2000 + i % 24}). Budget law, article {i % 40 + 1}. \
<https://minfin.example.gov/law/{i}>

"""


def brief(megabytes: float) -> str:
    parts = ["# A large brief\n\n"]
    size = 0
    i = 0
    while size < megabytes * 1e6:
        part = section(i)
        parts.append(part)
        size += len(part.encode())
        i += 1
    return "".join(parts)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp, "warm.md")
        warm.write_text(brief(0.1), encoding="utf-8")
        audit(warm)
        for mb in (1, 2, 4):
            path = Path(tmp, f"brief-{mb}.md")
            path.write_text(brief(mb), encoding="utf-8")
            size = path.stat().st_size / 1e6
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                report = audit(path)
                times.append(time.perf_counter() - start)
            seconds = statistics.median(times)
            errors = sum(f.severity >= 3 for f in report.findings)
            print(f"{size:.1f} MB Markdown, {len(report.notes)} notes: {seconds:.2f} s, "
                  f"{size / seconds:.2f} MB/s (target >= 1 MB/s), {errors} errors")
            if errors:
                sys.exit("the generated brief is clean: an error is a misreading")


if __name__ == "__main__":
    main()
