"""Field accuracy and speed of the trained citation parser (:mod:`footcheck.citations`).

Run by hand::

    .venv/bin/python benchmarks/citations.py [--anystyle DIR] [--model PATH] [--misses N]

``DIR`` is AnyStyle's ``res/parser`` folder (or a checkout of the repository, or the
``ANYSTYLE`` environment variable); without it the gold set is skipped with a message.

Sets scored:

* ``gold``: AnyStyle's ``gold.xml`` (never trained on);
* ``held-out briefs``: ``tests/citations/heldout-briefs.xml`` (never trained on), and its
  ``chicago-notes`` sequences alone;
* ``sample``: the notes of ``references/relokanty-brief.txt`` hand-checked in
  ``tests/data/gold-references.json`` (never trained on), each note cut into sources by
  :func:`footcheck.citations.sources`.

A field is *right* when the value :func:`footcheck.citations.fields` gives equals the expected
one after :func:`footcheck.citations.normalise.comparable`: white space squeezed, punctuation
and white space at both ends stripped, case folded, dashes unified. Authors are right when the
family names (an organisation's whole name) are the same, in the same order; URLs when the
lists are. For the labelled sets the expected value is what the same normalisation makes of
the hand-labelled spans, so a field is scored on the labelling alone; a (citation, field) pair
counts when either side has a value (a field found where there is none is wrong). For the
sample, the repository's own rule (``tests/references/test_accuracy.py``) applies: every field
of every hand-checked source counts, a missing source gets all fields wrong, and expected
authors ``Last, First`` are compared by ``Last``.

``--rules`` also scores the hand-written parser, :func:`footcheck.references.parse` (its first
reference), on the labelled sets, by the same rule.

Targets (issue "A trained citation parser"): gold >= 95 % overall, authors >= 95 %, title
>= 93 %, container >= 90 %, year >= 98 %; Chicago notes >= 90 %; held-out briefs >= 95 %;
>= 2,000 citations a second on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from footcheck import citations  # noqa: E402
from footcheck.citations.data import Sequence, read  # noqa: E402
from footcheck.citations.normalise import comparable, fields_of  # noqa: E402

HELDOUT = ROOT / "tests" / "citations" / "heldout-briefs.xml"
SAMPLE = ROOT / "tests" / "data" / "gold-references.json"
FIELDS = ("author", "title", "container", "year", "date", "publisher", "place", "volume",
          "pages", "url", "doi")
SAMPLE_FIELDS = {"authors": "author", "year": "year", "title": "title",
                 "container": "container", "date": "date", "urls": "url"}
TARGETS = {"overall": 0.95, "author": 0.95, "title": 0.93, "container": 0.90, "year": 0.98}


def _anystyle_dir(arg: str | None) -> Path | None:
    raw = arg or os.environ.get("ANYSTYLE")
    if not raw:
        return None
    path = Path(raw)
    for candidate in (path, path / "res" / "parser"):
        if (candidate / "gold.xml").exists():
            return candidate
    return None


def rules_fields(text: str) -> dict:
    """The fields :func:`footcheck.references.parse` (the hand-written rules) gives, for
    comparison: its first reference, authors ``Last, First`` reduced to ``Last``."""
    from footcheck.references import parse

    refs = parse(text)
    if not refs:
        return {}
    r = refs[0]
    return {"author": [_family(a) for a in r.authors], "title": r.title,
            "container": r.container, "year": r.year, "date": r.date,
            "publisher": r.publisher, "place": None, "volume": r.volume, "pages": r.pages,
            "url": list(r.urls), "doi": r.doi}


def score(sequences: list[Sequence], misses: list[str] | None = None,
          parser=None) -> dict[str, list[int]]:
    """{field: [right, counted]} over ``sequences``, plus ``overall``."""
    table = {f: [0, 0] for f in FIELDS}
    parser = parser or citations.fields
    for seq in sequences:
        tokens = seq.tokens()
        expected = fields_of(seq.text, tokens, seq.labels(tokens))
        got = parser(seq.text)
        for f in FIELDS:
            e, g = comparable(expected.get(f)), comparable(got.get(f))
            if not e and not g:
                continue
            table[f][1] += 1
            if e == g:
                table[f][0] += 1
            elif misses is not None:
                misses.append(f"{f}: {g!r} != {e!r}  | {seq.text[:150]}")
    table["overall"] = [sum(v[0] for v in table.values()), sum(v[1] for v in table.values())]
    return table


def _family(name: str) -> str:
    return name.split(",")[0] if "," in name else name


def score_sample(misses: list[str] | None = None) -> dict[str, list[int]]:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    table = {f: [0, 0] for f in SAMPLE_FIELDS.values()}
    for note in data["notes"]:
        got = citations.sources(note["text"])
        for i, expected in enumerate(note["references"]):
            mine = got[i] if i < len(got) else None
            for key, f in SAMPLE_FIELDS.items():
                e = expected[key]
                if key == "authors":
                    e = [_family(a) for a in e]
                g = mine.get(f) if mine is not None else None
                table[f][1] += 1
                ce, cg = comparable(e), comparable(g)
                if ce == cg or (not ce and not cg):
                    table[f][0] += 1
                elif misses is not None:
                    misses.append(f"{note['label']}[{i}].{f}: {cg!r} != {ce!r}")
    table["overall"] = [sum(v[0] for v in table.values()), sum(v[1] for v in table.values())]
    return table


def report(name: str, table: dict[str, list[int]], targets: dict[str, float] | None = None,
           ) -> None:
    right, total = table["overall"]
    print(f"\n{name}: {right}/{total} = {right / max(total, 1):.1%} of fields right")
    for f, (r, t) in table.items():
        if f == "overall" or not t:
            continue
        target = (targets or {}).get(f)
        missed = "" if target is None or r / t >= target else " MISSED"
        mark = "" if target is None else f"  (target {target:.0%}{missed})"
        print(f"  {f:10} {r:5}/{t:<5} {r / t:6.1%}{mark}")


def speed(texts: list[str], rounds: int = 3) -> tuple[float, float]:
    """Citations per second through :func:`footcheck.citations.fields` (best of ``rounds``),
    by the process's CPU time (one core, whatever else the machine runs) and by the clock."""
    for t in texts[:50]:
        citations.fields(t)
    cpu = wall = 0.0
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        for t in texts:
            citations.fields(t)
        cpu = max(cpu, len(texts) / (time.process_time() - start_cpu))
        wall = max(wall, len(texts) / (time.perf_counter() - start))
    return cpu, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--anystyle", help="AnyStyle's res/parser folder or checkout")
    parser.add_argument("--model", help="a model file other than the shipped one")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses a set")
    parser.add_argument("--rules", action="store_true",
                        help="also score footcheck.references.parse (the hand-written rules) "
                             "on the labelled sets")
    args = parser.parse_args(argv)
    if args.model:
        citations.load(args.model)
    speed_texts: list[str] = []
    folder = _anystyle_dir(args.anystyle)
    if folder is None:
        print("gold: skipped, AnyStyle's gold.xml not found (pass --anystyle DIR or set "
              "ANYSTYLE to its res/parser folder)")
    else:
        gold = read(folder / "gold.xml")
        misses: list[str] = []
        report(f"gold ({len(gold)} citations, {folder / 'gold.xml'})", score(gold, misses),
               TARGETS)
        print("\n".join("    " + m for m in misses[: args.misses]))
        if args.rules:
            report("gold, hand-written rules (footcheck.references)",
                   score(gold, parser=rules_fields))
        speed_texts = [s.text for s in gold]
    heldout = read(HELDOUT)
    misses = []
    report(f"held-out briefs ({len(heldout)} citations)", score(heldout, misses),
           {"overall": 0.95})
    print("\n".join("    " + m for m in misses[: args.misses]))
    if args.rules:
        report("held-out briefs, hand-written rules", score(heldout, parser=rules_fields))
    chicago = [s for s in heldout if s.style == "chicago-notes"]
    misses = []
    report(f"held-out Chicago notes ({len(chicago)} citations)", score(chicago, misses),
           {"overall": 0.90})
    print("\n".join("    " + m for m in misses[: args.misses]))
    misses = []
    report("sample brief (tests/data/gold-references.json)", score_sample(misses))
    print("\n".join("    " + m for m in misses[: args.misses]))
    speed_texts = speed_texts or [s.text for s in heldout] * 5
    rate, wall = speed(speed_texts)
    print(f"\nspeed: {rate:,.0f} citations/s of CPU time on one core ({wall:,.0f}/s by the "
          f"clock) over {len(speed_texts)} citations "
          f"(target 2,000/s{'' if rate >= 2000 else ' MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
