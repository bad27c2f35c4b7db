"""The citation parser on citations written by real CSL styles, field by field.

Run by hand::

    .venv/bin/python benchmarks/styles.py --styles DIR [--items FILE] [--misses N] [--only S]
        [--model PATH]

``DIR`` holds CSL style files (``.csl``), e.g. a checkout of
https://github.com/citation-style-language/styles (CC BY-SA 3.0, https://citationstyles.org/);
the 25 styles of ``STYLES`` are used.

Each style is applied by pandoc's citeproc (a complete CSL processor) to the invented works of
``benchmarks/data/csl-items.json``: the bibliography entry of every work, and for note styles
also its first, full note, citing the work at a page (``rendered.locator``). The entries and
notes are read as plain text (emphasis dropped, a numbered entry's number removed, as
footcheck removes a note's label) and given to :func:`footcheck.citations.fields`. The
expected value of a field is the work's own metadata, counted only where the style wrote it
out (a style that leaves out the place is not asked for one); a field the parser found where
the style wrote none counts as wrong. Values are compared as
:func:`footcheck.citations.normalise.comparable` makes them, quotes unified; authors by the
last word of the family name (or an organisation's whole name), in order; pages by the first
page written; a report's number as its volume or issue; URLs without ``doi.org`` links, which
are compared as the DOI (:func:`footcheck.citations.rendered.expected`).

None of these citations is trained on: the items are this benchmark's own, and the labeller's
rendered training data (``python -m footcheck.citations.rendered``) comes from other works
drawn from word lists, written by other styles (``rendered.TRAINING_STYLES``); the scores
are given for all 25 styles, for the 14 with no edition or variant among the training styles
(``UNSEEN``) and for the other 11.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from footcheck import citations  # noqa: E402
from footcheck.citations.rendered import (  # noqa: E402
    FIELDS,
    TRAINING_STYLES,
    differences,
    expected,
    found,
    locator,
    render,
)

ITEMS = ROOT / "benchmarks" / "data" / "csl-items.json"
#: Widely used styles of every class: author-date, numeric, note; sciences, social sciences,
#: humanities and law; English and German. None is trained on (``rendered.TRAINING_STYLES``).
STYLES = (
    "apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association",
    "harvard-cite-them-right", "ieee", "nlm-citation-sequence", "american-medical-association",
    "nature", "science", "plos", "the-lancet", "american-chemical-society", "annual-reviews",
    "american-sociological-association", "american-political-science-association",
    "elsevier-harvard", "springer-basic-author-date", "sage-harvard", "iso690-author-date-en",
    "din-1505-2", "mhra-notes", "oscola", "bluebook-law-review",
    "cambridge-university-press-note",
)
#: The benchmark's styles with no edition or variant among the training styles.
UNSEEN = frozenset(("modern-language-association", "ieee", "nature", "science", "plos",
                    "the-lancet", "annual-reviews", "american-sociological-association",
                    "american-political-science-association", "sage-harvard", "din-1505-2",
                    "oscola", "bluebook-law-review", "cambridge-university-press-note"))


def score(entries: list[tuple[str, str]], by_id: dict, misses: list[str], notes: bool
          ) -> dict[str, list[int]]:
    """{field: [right, counted]} over ``entries`` (``notes``: citing at a page), plus
    ``overall``."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, text in entries:
        page = locator(by_id[key]) if notes else None
        want, have = expected(by_id[key], text, page), found(citations.fields(text))
        wrong = {field for field, _, _ in differences(want, have)}
        for field in FIELDS:
            if (field == "author" and field not in want) or not (
                    want.get(field) or have.get(field)):
                continue
            for t in (table[field], table["overall"]):
                t[1] += 1
                t[0] += field not in wrong
        misses.extend(f"{f}: {g!r} != {e!r} | {text[:160]}" for f, g, e in
                      differences(want, have))
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--styles", required=True, help="a folder of CSL style files")
    parser.add_argument("--items", default=str(ITEMS), help="CSL-JSON works to render")
    parser.add_argument("--only", help="this style only (file name without .csl)")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses a style")
    parser.add_argument("--model", help="a model file other than the shipped one")
    args = parser.parse_args(argv)
    if args.model:
        citations.load(args.model)
    assert not set(STYLES) & set(TRAINING_STYLES), "a benchmark style is trained on"
    folder = Path(args.styles)
    names = [args.only] if args.only else list(STYLES)
    missing = [n for n in names if not (folder / f"{n}.csl").exists()]
    if missing:
        print(f"not in {folder}: {', '.join(missing)}")
    items = json.loads(Path(args.items).read_text(encoding="utf-8"))
    by_id = {item["id"]: item for item in items}
    groups: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for name in (n for n in names if n not in missing):
        for kind, entries in render(folder / f"{name}.csl", items).items():
            if not entries:
                continue
            misses: list[str] = []
            table = score(entries, by_id, misses, kind == "note")
            for group in ("all", "unseen" if name in UNSEEN else "variants trained"):
                for field, (r, t) in table.items():
                    groups[group][field][0] += r
                    groups[group][field][1] += t
            right, total = table["overall"]
            worst = sorted((r / t, f) for f, (r, t) in table.items() if t and f != "overall")
            print(f"{right / max(total, 1):6.1%}  {name} ({kind}, {len(entries)})  weakest: "
                  + ", ".join(f"{f} {r:.0%}" for r, f in worst[:3]), flush=True)
            for m in misses[: args.misses]:
                print("      " + m)
    for group, table in sorted(groups.items()):
        print(f"\nby field, {group} styles:")
        for field in (*FIELDS, "overall"):
            r, t = table[field]
            if t:
                print(f"  {field:10} {r:6}/{t:<6} {r / t:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
