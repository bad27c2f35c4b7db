"""footcheck never crashes on document text: a deterministic fuzz of real notes and documents.

Real note texts (the sample brief's endnotes, lines 205–355, and the hand-checked notes of
tests/data/gold-references.json) are corrupted at random, with a fixed seed: characters
inserted, deleted and swapped; month names misspelt; impossible dates; URLs with odd ports
and broken hosts; stray quotes, brackets and semicolons; Cyrillic; empty and blank texts.
Each corrupted note must go through :func:`footcheck.references.parse`, and through
:func:`footcheck.works.group` and :func:`footcheck.checks.references.check` in a small
generated document (loaded with :func:`footcheck.pipeline.load`), without raising. Then the
whole sample document, corrupted across its text, must go through
:func:`footcheck.pipeline.audit`.

The loop is bounded (a few thousand cases, about two seconds) and a failure names the text
that raised, so that it can become a focused test.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from refs_sample import SAMPLE, sample_extraction

from footcheck.checks.references import check
from footcheck.model import Document, Extraction
from footcheck.pipeline import audit, load
from footcheck.references import parse
from footcheck.works import group

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold-references.json"
SEED = 20240229
CASES = 3000  # corrupted notes
BATCH = 12  # notes per generated document
DOCUMENTS = 30  # corrupted versions of the whole sample

MISSPELT_MONTHS = ("Sepember", "Septmber", "Febuary", "Janury", "Agust", "Octber", "Novmber",
                   "Decmber", "Aprl", "Jully", "Juen", "Mayy", "Sept.", "SEPTEMBER", "september")
IMPOSSIBLE_DATES = ("30 February 2023", "31 April", "29 February 2023", "0 March 2023",
                    "32 January", "February 30, 2022", "2023-02-30", "2023-13-01", "2023-00",
                    "1999-19", "2010-11", "2023-03", "2023-03-13", "9999-99-99", "March 45",
                    "Author1600", "Author2099", "(2023a)", "(n.d.)", "Spring 2023")
ODD_URLS = ("https://x.org:abc/", "https://x.org:99999999/p", "https://x.org:-1/",
            "https://x.org:/a", "http://[::1/a", "http://[abc]/", "https://ex\uff03ample.org/a",
            "https://user@:80/", "https://x.org/?q=\ud800", "https://", "www.", "<https://",
            "[x](https://a.org/(b", "https://a.org/2023/02/30/x", "https://a.org/20231345/x",
            "https://doi.org/10.", "10.1000/", "ftp://x", "https://xn--e1afmkfd.xn--p1ai/")
STRAY = [
    *"'\"‘’“”‚„«»()[]{}<>;;;::**,.-–—/\\|^_`~&#%",
    "\t", "\n", "\n\n", "  ", "\u00a0", "\u200b", "\ufeff", "\u0301", "\x00", "\r", "\x0c",
    "\u2028", "^{", "^{X}", "[^1]:", "¹", "ⁱ", "Ⅻ", "٣", "𝟙", "\U0001f600", "; ", ";;",
    "Available at: ", "Accessed ", "Retrieved on ", "(", ")", " and ", " & ", "et al.",
    " press release, ", " statement. ", "Bishkek: Institute of Labour Studies. ",
    "Personal Communication. ", "draft manuscript", "No. ", "pp. ", "Vol. "]
QUOTE_SWAPS = "'\"‘’“”«»`"
CYRILLIC = ("Министерство иностранных дел (2023). «Заявление о визах», *Коммерсантъ*. "
            "5 марта 2023. Доступно: <https://www.kommersant.ru/doc/1>")
MONTH = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October"
                   r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")
DATE = re.compile(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September"
                  r"|October|November|December)(?: \d{4})?")
HOST = re.compile(r"(https?://[^/\s>]+)")


def note_texts() -> list[str]:
    """The real notes the cases are made from."""
    texts = [note.text for note in sample_extraction().notes]
    texts += [note["text"] for note in json.loads(GOLD.read_text(encoding="utf-8"))["notes"]]
    assert len(texts) > 100
    return texts


def corrupt(rng: random.Random, text: str) -> str:
    """``text`` with one to six random corruptions."""
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(13)
        i = rng.randint(0, len(text))
        if op == 0 and text:  # delete a character
            j = rng.randrange(len(text))
            text = text[:j] + text[j + 1:]
        elif op == 1 and len(text) > 1:  # swap two neighbours
            j = rng.randrange(len(text) - 1)
            text = text[:j] + text[j + 1] + text[j] + text[j + 2:]
        elif op == 2:  # insert a stray character or fragment
            text = text[:i] + rng.choice(STRAY) + text[i:]
        elif op == 3:  # insert a random character
            text = text[:i] + chr(rng.randrange(0x20, 0x3000)) + text[i:]
        elif op == 4:  # misspell a month name
            text = MONTH.sub(lambda m: rng.choice(MISSPELT_MONTHS), text, count=1)
        elif op == 5:  # an impossible (or odd) date in place of a date, or anywhere
            new = rng.choice(IMPOSSIBLE_DATES)
            text = DATE.sub(new, text, count=1) if DATE.search(text) and rng.random() < .7 \
                else f"{text[:i]} {new} {text[i:]}"
        elif op == 6:  # a URL with an odd port or a broken host
            url = rng.choice(ODD_URLS)
            text = HOST.sub(url.rstrip("/").replace("\\", "\\\\"), text, count=1) \
                if rng.random() < .5 else f"{text[:i]} {url} {text[i:]}"
        elif op == 7:  # Cyrillic
            text = text[:i] + CYRILLIC[:rng.randint(1, len(CYRILLIC))] + text[i:]
        elif op == 8:  # cut short
            text = text[:i]
        elif op == 9:  # a piece of the text repeated elsewhere
            j = rng.randint(0, len(text))
            text = text[:i] + text[j:j + rng.randint(1, 80)] + text[i:]
        elif op == 10:  # two notes run together
            text = f"{text}; {text[:i]}"
        elif op == 11:  # blank
            text = rng.choice(("", " ", "\t", ";", ".", "()", "''", "*", "<>", "[](", "0"))
        else:  # every quote of one kind made another
            text = text.replace(rng.choice("'\"’"), rng.choice(QUOTE_SWAPS))
    return text


def cases() -> Iterator[str]:
    """CASES corrupted notes, the same on every run."""
    rng = random.Random(SEED)
    texts = note_texts()
    yield ""
    yield "   "
    for _ in range(CASES - 2):
        yield corrupt(rng, rng.choice(texts))


def document_of(texts: list[str]) -> str:
    """A small brief citing each text once: body markers, then an endnote per text."""
    body = " ".join(f"Claim {n}.^{{{n}}}" for n in range(1, len(texts) + 1))
    notes = "\n\n".join(f"^{{{n}}} {text}" for n, text in enumerate(texts, 1))
    return f"POLICY BRIEF\n\n{body}\n\nNotes\n\n{notes}\n"


def must_not_raise(what: str, func: Callable[[], object], *texts: str) -> None:
    try:
        func()
    except Exception as exc:  # pragma: no cover - the report of a failure
        shown = "\n".join(repr(t) for t in texts)
        pytest.fail(f"{what} raised {exc!r} on:\n{shown}", pytrace=True)


def without_references(extraction: Extraction) -> Extraction:
    """The extraction as extract() gives it: references to be parsed by the consumer."""
    return replace(extraction, notes=tuple(replace(n, references=()) for n in extraction.notes))


def test_generated_documents_are_read_as_intended() -> None:
    # (the fuzz below is only worth something if its documents have notes to work on)
    texts = note_texts()[:BATCH]
    extraction = load(Document.from_text(document_of(texts)))
    assert [n.text for n in extraction.notes] == texts
    assert all(n.references for n in extraction.notes)


def test_reference_pipeline_never_raises_on_corrupted_notes() -> None:
    batch: list[str] = []
    count = 0
    for text in cases():
        count += 1
        must_not_raise("references.parse", lambda t=text: parse(t), text)
        must_not_raise("works.group (note, references)",
                       lambda t=text: group([(None, parse(t))]), text)
        batch.append(text)
        if len(batch) == BATCH:
            _check_batch(batch)
            batch = []
    if batch:
        _check_batch(batch)
    assert count == CASES


def _check_batch(texts: list[str]) -> None:
    """Load a document citing ``texts``; group its notes and check it, with and without the
    references load() filled in."""
    document = Document.from_text(document_of(texts))
    holder: dict[str, Extraction] = {}

    def loaded() -> None:
        holder["x"] = load(document)

    must_not_raise("audit.load", loaded, *texts)
    extraction = holder["x"]
    bare = without_references(extraction)
    must_not_raise("works.group", lambda: group(extraction.notes), *texts)
    must_not_raise("works.group (parsing)", lambda: group(bare.notes), *texts)
    must_not_raise("works.group (pairs)",
                   lambda: group([(n, n.references) for n in extraction.notes]), *texts)
    must_not_raise("checks.references.check", lambda: list(check(extraction)), *texts)
    must_not_raise("checks.references.check (parsing)", lambda: list(check(bare)), *texts)


def corrupt_document(rng: random.Random, text: str) -> str:
    """The whole document with up to 300 corruptions spread over its text."""
    chars = list(text)
    for _ in range(rng.randint(1, 300)):
        i = rng.randrange(len(chars))
        op = rng.randrange(6)
        if op == 0:
            del chars[i]
        elif op == 1:
            chars.insert(i, rng.choice(STRAY))
        elif op == 2:
            chars[i] = chr(rng.randrange(0x20, 0x3000))
        elif op == 3:
            chars.insert(i, rng.choice(MISSPELT_MONTHS + IMPOSSIBLE_DATES + ODD_URLS))
        elif op == 4:
            j = rng.randrange(len(chars))
            chars[i:i] = chars[j:j + rng.randint(1, 200)]
        else:
            chars.insert(i, CYRILLIC[:rng.randint(1, 40)])
    out = "".join(chars)
    return out[:rng.randrange(len(out) + 1)] if rng.random() < .1 else out


def test_audit_never_raises_on_corrupted_sample() -> None:
    rng = random.Random(SEED + 1)
    sample = SAMPLE.read_text(encoding="utf-8")
    for n in range(DOCUMENTS):
        text = corrupt_document(rng, sample)
        try:
            report = audit(Document.from_text(text, path=f"<corrupted sample {n}>"))
        except Exception as exc:  # pragma: no cover - the report of a failure
            pytest.fail(f"audit raised {exc!r} on corrupted sample {n} (seed {SEED + 1})")
        assert report.notes  # the document is still read as one with notes
