"""Benchmark the offline audit: whole-process time on the sample, throughput on large briefs.

Run by hand: ``.venv/bin/python benchmarks/audit.py`` (or ``make bench``). Targets: the sample
audited in under 0.3 s whole-process; at least 5 MB/s on a large document; time linear in size.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import make_brief_of_size  # noqa: E402

from footcheck import checks  # noqa: E402
from footcheck.audit import audit  # noqa: E402
from footcheck.extract import extract  # noqa: E402
from footcheck.model import Document  # noqa: E402

SAMPLE = ROOT / "references" / "relokanty-brief.txt"


def whole_process(runs: int = 7) -> list[float]:
    """Wall times of ``footcheck audit SAMPLE --format json --offline``, a separate process."""
    exe = Path(sys.executable).parent / "footcheck"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(exe), "audit", str(SAMPLE), "--format", "json", "--offline"],
                       stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def throughput(megabytes: float) -> tuple[float, float, int, float]:
    """(seconds for the whole offline audit, seconds for the core alone, notes found, MB/s of
    the whole audit) on a generated brief. The core is extraction and the structure, content
    and URL rules (FC1-FC3), without parsing references into fields (FC4, BibTeX)."""
    text = make_brief_of_size(megabytes)
    document = Document.from_text(text, path=f"<generated {megabytes} MB>")
    size = len(text.encode()) / 1e6
    start = time.perf_counter()
    report = audit(document)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    checks.run(extract(document), families=("structure", "content", "urls"))
    core = time.perf_counter() - start
    return seconds, core, len(report.notes), size / seconds


def main() -> None:
    times = whole_process()
    print(f"sample, whole process: median {statistics.median(times):.3f} s, "
          f"best {min(times):.3f} s (target < 0.3 s)")
    previous = None
    for mb in (1, 2, 4, 8):
        seconds, core, notes, rate = throughput(mb)
        growth = f", x{seconds / previous:.2f} for x2 size" if previous else ""
        print(f"{mb:>2} MB, {notes} notes: audit {seconds:.3f} s = {rate:.1f} MB/s{growth}; "
              f"core rules alone {core:.3f} s = {mb / core:.1f} MB/s")
        previous = seconds


if __name__ == "__main__":
    main()
