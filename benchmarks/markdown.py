"""Benchmark the audit of a large Markdown document (issue: read documents by structure).

Run by hand: ``.venv/bin/python benchmarks/markdown.py``. Target: at least 1 MB/s for the
whole offline audit of a large Markdown brief — CommonMark parsing with markdown-it-py,
footnotes, typed-note search in prose and every rule — after one warm-up run.

Two kinds of generated brief: "dense", every structure Markdown articles have packed into
each kilobyte (paragraphs citing footnotes, numbered lists, fenced code holding JSON arrays
and carets, tables with markers in cells, math, a footnote definition with a URL for every
reference: about 3.6 notes and 40 block tokens per KB); and "report", a long report's
proportions (long paragraphs, a footnote per 1.7 KB).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from footcheck.pipeline import audit

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


PROSE = ("Households that receive remittances are more likely to keep their children in "
         "school after the age of fifteen, and the effect is stronger for girls than for boys. "
         "The survey used for this brief was conducted in forty villages in the spring, with "
         "questions on migration, spending and schooling asked of every adult in the house. ")


def report_section(i: int) -> str:
    """A prose-heavy section, as long reports are: three long paragraphs, one footnote."""
    return (f"## Chapter {i + 1}\n\n{PROSE * 2}\n\n{PROSE * 2}[^{i + 1}]\n\n{PROSE}\n\n"
            f"[^{i + 1}]: Rahimova, Shahnoza ({2000 + i % 24}). 'Girls Stay in School,' "
            f"*Asia-Plus Weekly*. 1 June. <https://asiaplus.example.tj/{i}>\n\n")


def brief(megabytes: float, make=section) -> str:
    parts = ["# A large brief\n\n"]
    size = 0
    i = 0
    while size < megabytes * 1e6:
        part = make(i)
        parts.append(part)
        size += len(part.encode())
        i += 1
    return "".join(parts)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp, "warm.md")
        warm.write_text(brief(0.1), encoding="utf-8")
        audit(warm)
        for kind, make, mb in (("dense", section, 1), ("dense", section, 2),
                               ("dense", section, 4), ("report", report_section, 1),
                               ("report", report_section, 4)):
            path = Path(tmp, f"{kind}-{mb}.md")
            path.write_text(brief(mb, make), encoding="utf-8")
            size = path.stat().st_size / 1e6
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                report = audit(path)
                times.append(time.perf_counter() - start)
            seconds = statistics.median(times)
            errors = sum(f.severity >= 3 for f in report.findings)
            print(f"{size:.1f} MB {kind} Markdown, {len(report.notes)} notes: {seconds:.2f} s, "
                  f"{size / seconds:.2f} MB/s (target >= 1 MB/s), {errors} errors")
            if errors:
                sys.exit("the generated brief is clean: an error is a misreading")


if __name__ == "__main__":
    main()
