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

``--quick`` also trains and scores the issue's floor, "a CRF trained in one minute on
``core.xml`` (minus every gold item) with plain token features": the same tokens, labels,
trainer and normalisation as the shipped model, but each token described only by itself and
its neighbours (word, shape, affixes) and no policy-brief training data, so that the two
labellings are compared field by field under one rule.

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


def _plain_features(tokens) -> list[dict[str, float]]:
    """The quick CRF's features: each token's word, shape and affixes, and its neighbours'
    words; nothing about the citation as a whole."""
    import re

    def shape(word: str) -> str:
        return re.sub(r"(.)\1+", r"\1", re.sub(r"[a-z]", "a", re.sub(
            r"[A-Z]", "A", re.sub(r"\d", "9", word))))

    words = [t.text for t in tokens]
    out = []
    for i, w in enumerate(words):
        f = {"w=" + w.lower(): 1.0, "shape=" + shape(w): 1.0, "p3=" + w[:3].lower(): 1.0,
             "s3=" + w[-3:].lower(): 1.0, "pos=" + str(min(i, 5)): 1.0,
             "rel=" + str(10 * i // len(words)): 1.0}
        for d in (-2, -1, 1, 2):
            j = i + d
            f[f"w{d:+d}=" + (words[j].lower() if 0 <= j < len(words) else "_")] = 1.0
        out.append(f)
    return out


def quick_parser(folder: Path, workdir: Path):
    """Train the quick CRF on ``core.xml`` minus gold in ``workdir``; return a parser that
    labels with it and normalises as the shipped labeller does."""
    import pycrfsuite

    from footcheck.citations.data import dedupe_key
    from footcheck.citations.tokens import tokenize
    from footcheck.citations.train import token_accuracy

    held_out = {dedupe_key(s.text) for s in read(folder / "gold.xml")}
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    count = 0
    for seq in read(folder / "core.xml"):
        tokens = seq.tokens()
        if tokens and dedupe_key(seq.text) not in held_out:
            trainer.append(_plain_features(tokens), seq.labels(tokens))
            count += 1
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": 300,
                        "feature.possible_transitions": True})
    model = workdir / "quick.crfsuite"
    start = time.perf_counter()
    trainer.train(str(model))
    print(f"\nquick CRF: {count} sequences of core.xml, trained in "
          f"{time.perf_counter() - start:.0f} s")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    right = total = 0
    for seq in read(folder / "gold.xml"):
        tokens = seq.tokens()
        if tokens:
            expected = seq.labels(tokens)
            right += sum(a == b for a, b in zip(tagger.tag(_plain_features(tokens)), expected,
                                                strict=True))
            total += len(expected)
    print(f"token labels right on gold: quick CRF {right / total:.1%}, shipped model "
          f"{token_accuracy(citations.MODEL, read(folder / 'gold.xml')):.1%}")

    def parse(text: str) -> dict:
        tokens = tokenize(text)
        labels = tagger.tag(_plain_features(tokens)) if tokens else []
        return fields_of(text, tokens, labels)

    return parse


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
    parser.add_argument("--quick", action="store_true",
                        help="also train and score the quick CRF (plain token features, "
                             "core.xml only): the floor the shipped model must beat")
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
        if args.quick:
            import tempfile

            with tempfile.TemporaryDirectory() as work:
                quick = quick_parser(folder, Path(work))
                report("gold, quick CRF (the floor)", score(gold, parser=quick))
                chicago = [s for s in read(HELDOUT) if s.style == "chicago-notes"]
                report("held-out Chicago notes, quick CRF", score(chicago, parser=quick))
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
