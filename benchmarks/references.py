"""Benchmark reference parsing, grouping into works and the reference checks on large briefs.

Run by hand: ``.venv/bin/python benchmarks/references.py [--no-gc] [SIZES_MB ...]`` (sizes
1 2 4 8 by default). For each generated brief (``generate.make_brief_of_size``) it prints the
seconds taken by

* ``parse``: :func:`footcheck.references.parse` over the text of every note;
* ``group``: :func:`footcheck.works.group` on the notes with their ``references`` filled;
* ``check``: :func:`footcheck.checks.references.check` on those notes (it reuses their
  references), and ``check*`` on the notes as extracted, without references (it parses).

Targets on the 4 MB brief: parse <= 0.5 s (>= 8 MB/s), group <= 0.15 s, check <= 0.3 s, each
growing linearly with size (about x2 per doubling). Each size is measured in a fresh process
and each step with the parser's caches emptied, so that nothing one measurement leaves behind
helps the next (a larger brief begins with the notes of a smaller one).

Python's cyclic garbage collector adds full collections whose cost grows with everything
alive (the whole document, not only what a step allocates); they fall unevenly on the steps,
most on ``group``, which allocates the most lasting objects. ``--no-gc`` times the steps with
the collector off, to see the steps' own growth.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

COLUMNS = ("parse", "group", "check", "check*")


def measure(megabytes: float, collect: bool = True) -> dict[str, float]:
    """Seconds for parse, group and check on a generated brief, with its size and counts.

    ``collect=False`` turns Python's cyclic garbage collector off while a step is timed.
    """
    from generate import make_brief, make_brief_of_size

    from footcheck import references
    from footcheck.checks.references import check
    from footcheck.extract import extract
    from footcheck.model import Document
    from footcheck.references import parse
    from footcheck.works import group

    # Warm up (imports done on first use, such as rapidfuzz's) on a small brief.
    small = extract(Document.from_text(make_brief(20)))
    group(small.notes)
    list(check(small))

    text = make_brief_of_size(megabytes)
    extraction = extract(Document.from_text(text, path=f"<generated {megabytes} MB>"))
    notes = extraction.notes

    def timed(func):
        for value in vars(references).values():  # start cold: empty the parser's caches
            if hasattr(value, "cache_clear"):
                value.cache_clear()
        gc.collect()
        if not collect:
            gc.disable()
        try:
            start = time.perf_counter()
            result = func()
            return time.perf_counter() - start, result
        finally:
            gc.enable()

    parse_s, refs = timed(lambda: [parse(n.text) for n in notes])
    filled = replace(extraction, notes=tuple(replace(n, references=r)
                                             for n, r in zip(notes, refs, strict=True)))
    group_s, works = timed(lambda: group(filled.notes))
    check_s, findings = timed(lambda: list(check(filled)))
    unparsed_s, _ = timed(lambda: list(check(extraction)))
    return {"mb": len(text.encode()) / 1e6, "notes": len(notes), "works": len(works),
            "findings": len(findings), "parse": parse_s, "group": group_s, "check": check_s,
            "check*": unparsed_s}


def main(sizes: list[float], collect: bool = True) -> None:
    print(f"{'size':>8} {'notes':>6} {'works':>6}" + "".join(f"{c + ' s':>10}" for c in COLUMNS)
          + f"{'parse MB/s':>12}")
    previous: dict[str, float] | None = None
    for mb in sizes:
        args = [sys.executable, __file__, "--one", str(mb)] + ([] if collect else ["--no-gc"])
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
        r = {k: float(v) for k, v in (item.split("=") for item in out.split())}
        growth = ""
        if previous:
            growth = "   x" + " x".join(f"{r[c] / previous[c]:.2f}" for c in COLUMNS)
        print(f"{r['mb']:>6.2f}MB {int(r['notes']):>6} {int(r['works']):>6}"
              + "".join(f"{r[c]:>10.3f}" for c in COLUMNS)
              + f"{r['mb'] / r['parse']:>12.1f}{growth}", flush=True)
        previous = r
    print("(growth: each time against the previous size's, in the order of the columns)")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--no-gc"]
    gc_on = "--no-gc" not in sys.argv
    if arguments[:1] == ["--one"]:
        print(" ".join(f"{k}={v}" for k, v in measure(float(arguments[1]), gc_on).items()))
    else:
        main([float(a) for a in arguments] or [1, 2, 4, 8], gc_on)
