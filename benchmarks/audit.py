"""Benchmark the offline audit: whole-process time on the sample, throughput on large briefs.

Run by hand: ``.venv/bin/python benchmarks/audit.py`` (or ``make bench``). Targets: the sample
audited in under 0.3 s whole-process; extraction and the checks without the citation parser at
least 5 MB/s on a large document (≥ 5 MB, thousands of notes), the parser (the trained
labeller, :mod:`footcheck.citations`) at least 2,000 notes a second; time linear in size.

Throughput is the median of three library audits of each generated brief, after one warm-up
audit (so lazy imports and compiled patterns are not counted: the whole-process time of the
sample measures a cold start). A last line times the command itself on the largest brief,
reading the file and writing the JSON report included.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import make_brief_of_size  # noqa: E402

from footcheck import checks  # noqa: E402
from footcheck.extract import extract  # noqa: E402
from footcheck.model import Document  # noqa: E402
from footcheck.pipeline import audit  # noqa: E402

SAMPLE = ROOT / "references" / "relokanty-brief.txt"
EXE = Path(sys.executable).parent / "footcheck"
SIZES = (1, 2, 4, 8)  # MB
RUNS = 3


def whole_process(path: Path, *options: str, runs: int = 7) -> list[float]:
    """Wall times of ``footcheck audit PATH --offline OPTIONS``, each a separate process.

    The package's modules are compiled first, as ``pip install`` compiles them: in an
    editable checkout run with ``PYTHONDONTWRITEBYTECODE`` set, every process would compile
    every module it imports again (0.45 s instead of 0.27 s for the sample here)."""
    import compileall

    import footcheck

    compileall.compile_dir(str(Path(footcheck.__file__).parent), quiet=1)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(EXE), "audit", str(path), "--offline", *options],
                       stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def median_time(run) -> float:
    """Median wall time of ``RUNS`` calls of ``run()``."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def throughput(text: str) -> tuple[float, float, int]:
    """(seconds for the whole offline audit, seconds for the core alone, notes found) on a
    generated brief. The core is extraction and the structure, content and URL rules
    (FC1-FC3), without parsing references into fields (FC4, BibTeX)."""
    document = Document.from_text(text, path="<generated>")
    notes = len(audit(document).notes)
    seconds = median_time(lambda: audit(document))
    core = median_time(lambda: checks.run(extract(document),
                                          families=("structure", "content", "urls")))
    return seconds, core, notes


def main() -> None:
    times = whole_process(SAMPLE, "--format", "json")
    print(f"sample, whole process: median {statistics.median(times):.3f} s, "
          f"best {min(times):.3f} s (target < 0.3 s)")
    audit(Document.from_text(make_brief_of_size(0.2), path="<warm-up>"))
    previous = None
    rates = {}
    for mb in SIZES:
        text = make_brief_of_size(mb)
        size = len(text.encode()) / 1e6
        seconds, core, notes = throughput(text)
        rates[mb] = (size / core, notes / max(seconds - core, 1e-9))
        growth = f", x{seconds / previous:.2f} for x2 size" if previous else ""
        print(f"{size:4.1f} MB, {notes} notes: audit {seconds:.3f} s = {size / seconds:.1f} MB/s"
              f"{growth}; core rules alone {core:.3f} s = {rates[mb][0]:.1f} MB/s; references"
              f" {rates[mb][1]:,.0f} notes/s")
        previous = seconds
    largest = [mb for mb in SIZES if mb >= 5]
    verdict = "met" if all(rates[mb][0] >= 5 for mb in largest) else "NOT met"
    print(f"target core >= 5 MB/s on the documents of 5 MB and more: {verdict}")
    verdict = "met" if all(rates[mb][1] >= 2000 for mb in largest) else "NOT met"
    print(f"target references >= 2,000 notes/s on the documents of 5 MB and more: {verdict}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.txt"
        path.write_text(make_brief_of_size(SIZES[-1]), encoding="utf-8")
        size = path.stat().st_size / 1e6
        seconds = statistics.median(whole_process(path, "--format", "json", "--output",
                                                  str(Path(folder) / "report.json"), runs=3))
        print(f"{size:4.1f} MB, whole process (read, audit, write JSON): {seconds:.2f} s "
              f"= {size / seconds:.1f} MB/s")


if __name__ == "__main__":
    main()
