"""The citation parser on citations written by real CSL styles, field by field.

Run by hand::

    .venv/bin/python benchmarks/styles.py --styles DIR [--items FILE] [--misses N] [--only S]

``DIR`` holds CSL style files (``.csl``), e.g. a checkout of
https://github.com/citation-style-language/styles (CC BY-SA 3.0, https://citationstyles.org/);
the styles of ``STYLES`` found there are used, or every ``.csl`` in it with ``--all``.

Each style is applied by pandoc's citeproc (a complete CSL processor) to the invented works of
``benchmarks/data/csl-items.json``: the bibliography entry of every work, and for note styles
also its first, full note. The entries and notes are read as plain text (emphasis dropped, a
numbered entry's number removed, as footcheck removes a note's label) and given to
:func:`footcheck.citations.fields`. The expected value of a field is the work's own metadata,
counted only where the style wrote it out (a style that leaves out the place is not asked for
one); a field the parser found where the style wrote none counts as wrong. Values are
compared as :func:`footcheck.citations.normalise.comparable` makes them, quotes unified;
authors by family name (particles aside) in order; pages by the first page; URLs without
``doi.org`` links, which are compared as the DOI.

None of these citations is trained on: the items are this benchmark's own and the labeller's
training data (``src/footcheck/citations/training``) is written by hand or generated from word
lists, never rendered from these items.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from footcheck import citations  # noqa: E402
from footcheck.citations.normalise import comparable  # noqa: E402

ITEMS = ROOT / "benchmarks" / "data" / "csl-items.json"
#: Widely used styles of every class: author-date, numeric, note; sciences, social sciences,
#: humanities and law; English and German.
STYLES = (
    "apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association",
    "harvard-cite-them-right", "ieee", "nlm-citation-sequence", "american-medical-association",
    "nature", "science", "plos", "the-lancet", "american-chemical-society", "annual-reviews",
    "american-sociological-association", "american-political-science-association",
    "elsevier-harvard", "springer-basic-author-date", "sage-harvard", "iso690-author-date-en",
    "din-1505-2", "mhra-notes", "oscola", "bluebook-law-review",
    "cambridge-university-press-note",
)
FIELDS = ("author", "title", "container", "year", "publisher", "place", "volume", "pages",
          "url", "doi")
_QUOTES = str.maketrans("‘’‚‛“”„‟«»‹›", "''''\"\"\"\"\"\"''")
_PARTICLE = re.compile(r"^(?:(?:van|von|der|den|de|la|le|du|des|da|di|dos|del|ter|zu)\s+)+",
                       re.IGNORECASE)
_FIRST_NUMBER = re.compile(r"\d+")


def _text(value: str | None) -> str:
    """A value as compared: :func:`comparable`, quotes unified."""
    out = comparable(value)
    return out.translate(_QUOTES) if isinstance(out, str) else ""


def _family(name: dict) -> str:
    if "literal" in name:
        return _text(name["literal"])
    family = " ".join(p for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    return _PARTICLE.sub("", _text(family))


def _year(item: dict) -> int | None:
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    return parts[0][0] if parts[0] else None


def expected(item: dict, text: str) -> dict:
    """The fields of ``item`` that the style wrote out in ``text``."""
    seen = _text(text)
    out: dict = {}
    names = [_family(a) for a in item.get("author", [])]
    if names or not item.get("editor"):  # an edited book's editors: not scored
        out["author"] = [n for n in names if n and n in seen]
    for field, key in (("title", "title"), ("container", "container-title"),
                       ("publisher", "publisher"), ("volume", "volume")):
        value = _text(item.get(key))
        if value and value in seen:
            out[field] = value
            seen = seen.replace(value, " ")
    place = _text(item.get("publisher-place"))  # not the one in 'University of Lisbon'
    if place and place in seen:
        out["place"] = place
    year = _year(item)
    if year and str(year) in text:
        out["year"] = str(year)
    first = _FIRST_NUMBER.search(str(item.get("page", "")))
    if first and first.group() in text:
        out["pages"] = first.group()
    url = item.get("URL")
    out["url"] = [_text(url)] if url and url.lower() in text.lower() else []
    doi = item.get("DOI")
    if doi and doi.lower() in text.lower():
        out["doi"] = _text(doi)
    return out


def got(text: str) -> dict:
    """The fields the parser gives ``text``, in the form :func:`expected` gives."""
    f = citations.fields(text)
    pages = _FIRST_NUMBER.search(f.get("pages") or "")
    return {
        "author": [_PARTICLE.sub("", _text(a.get("family") or a.get("literal") or ""))
                   for a in f.get("author") or []],
        "title": _text(f.get("title")), "container": _text(f.get("container")),
        "publisher": _text(f.get("publisher")), "place": _text(f.get("place")),
        "volume": _text(f.get("volume")),
        "year": str(f["year"]) if f.get("year") else "",
        "pages": pages.group() if pages else "",
        "url": [_text(u) for u in f.get("url") or [] if "doi.org/" not in u.lower()],
        "doi": _text(f.get("doi")),
    }


def render(style: Path, items: list[dict], work: Path) -> dict[str, list[tuple[str, str]]]:
    """``{"bib": [(id, text)…], "note": […]}``: ``items`` written by ``style``."""
    from bs4 import BeautifulSoup

    source = work / "cite.md"
    body = "\n\n".join(f"Paragraph {i} [@{item['id']}]." for i, item in enumerate(items, 1))
    source.write_text(body + "\n", encoding="utf-8")
    out = subprocess.run(
        ["pandoc", str(source), "--citeproc", "--csl", str(style), "--bibliography",
         str(work / "items.json"), "-t", "html", "--wrap=none"],
        capture_output=True, text=True, check=True).stdout
    soup = BeautifulSoup(out, "html.parser")
    result: dict[str, list[tuple[str, str]]] = {"bib": [], "note": []}
    for entry in soup.select("div.csl-entry"):
        for margin in entry.select(".csl-left-margin"):
            margin.decompose()
        result["bib"].append((entry.get("id", "").removeprefix("ref-"), _plain(entry)))
    notes = soup.select("section.footnotes li")
    if notes and len(notes) == len(items):
        for item, note in zip(items, notes, strict=True):
            for back in note.select("a.footnote-back"):
                back.decompose()
            result["note"].append((item["id"], _plain(note)))
    return result


def _plain(element) -> str:
    return re.sub(r"\s+", " ", html.unescape(element.get_text(""))).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--styles", required=True, help="a folder of CSL style files")
    parser.add_argument("--items", default=str(ITEMS), help="CSL-JSON works to render")
    parser.add_argument("--all", action="store_true", help="every .csl file in the folder")
    parser.add_argument("--only", help="this style only (file name without .csl)")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses a style")
    args = parser.parse_args(argv)
    folder = Path(args.styles)
    names = sorted(p.stem for p in folder.glob("*.csl")) if args.all else list(STYLES)
    if args.only:
        names = [args.only]
    missing = [n for n in names if not (folder / f"{n}.csl").exists()]
    if missing:
        print(f"not in {folder}: {', '.join(missing)}")
    names = [n for n in names if n not in missing]
    items = json.loads(Path(args.items).read_text(encoding="utf-8"))
    by_id = {item["id"]: item for item in items}
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "items.json").write_text(json.dumps(items), encoding="utf-8")
        for name in names:
            rendered = render(folder / f"{name}.csl", items, work)
            for kind, entries in rendered.items():
                if not entries:
                    continue
                table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
                misses = []
                for key, text in entries:
                    want, have = expected(by_id[key], text), got(text)
                    for field in FIELDS:
                        if field == "author" and field not in want:
                            continue
                        e, g = want.get(field) or None, have.get(field) or None
                        if not e and not g:
                            continue
                        for t in (table[field], table["overall"], totals[field],
                                  totals["overall"]):
                            t[1] += 1
                            t[0] += e == g
                        if e != g:
                            misses.append(f"{field}: {g!r} != {e!r} | {text[:160]}")
                right, total = table["overall"]
                rows.append((right / max(total, 1), name, kind, len(entries), table))
                worst = sorted((r / t, f) for f, (r, t) in table.items() if t and f != "overall")
                print(f"{right / max(total, 1):6.1%}  {name} ({kind}, {len(entries)})  weakest: "
                      + ", ".join(f"{f} {r:.0%}" for r, f in worst[:3]), flush=True)
                for m in misses[: args.misses]:
                    print("      " + m)
    print("\nby field, all styles:")
    for field in (*FIELDS, "overall"):
        r, t = totals[field]
        if t:
            print(f"  {field:10} {r:6}/{t:<6} {r / t:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
