"""footcheck.works.group on large and adversarial inputs: the same works as comparing all pairs.

No timing here (see benchmarks/references.py): these tests check that the indexed, bucketed
grouping finds exactly the works the definition gives.
"""

from __future__ import annotations

import importlib.util
import itertools
import random
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from footcheck.extract import extract
from footcheck.model import Document, Reference
from footcheck.references import parse
from footcheck.urls import PRESENTATION, is_tracking, normalise_url, on_search_engine
from footcheck.works import group, same_work

GENERATE = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


def _make_brief(notes: int) -> str:
    spec = importlib.util.spec_from_file_location("footcheck_benchmark_generate", GENERATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_brief(notes)


@pytest.fixture(scope="module")
def generated_notes():
    notes = extract(Document.from_text(_make_brief(2000))).notes
    assert len(notes) == 2000
    return notes


def test_generated_brief_has_one_work_per_note(generated_notes) -> None:
    # The generator makes each note cite a distinct source (its own URL).
    works = group(generated_notes)
    keys = works.keys()
    assert len(works) == 2000
    assert len(set(keys)) == 2000
    assert [[c.note_index for c in w.citations] for w in works] == [[i] for i in range(2000)]
    assert works.note_keys == tuple((key,) for key in keys)
    urls = [w.reference.urls for w in works]
    assert len(set(urls)) == 2000 and all(len(u) == 1 for u in urls)


def test_generated_brief_same_works_with_references_filled(generated_notes) -> None:
    filled = [replace(n, references=parse(n.text)) for n in generated_notes]
    assert group(filled).keys() == group(generated_notes).keys()


# --- the grouping against its definition, pair by pair -----------------------------------------

def _partition_by_all_pairs(refs: list[Reference]) -> list[list[int]]:
    """Works by definition: a citation joins the first citation giving one of its URLs when
    they are the same work, and any two citations join when they are the same work by fields
    (both have titles, at least one has no URL and no DOI) — every pair compared."""
    parent = list(range(len(refs)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, ref in enumerate(refs):
        for url in ref.urls:
            j = first.setdefault(normalise_url(url), i)
            if j != i and same_work(refs[j], ref):
                parent[find(i)] = find(j)
    for j, i in itertools.combinations(range(len(refs)), 2):
        a, b = refs[j], refs[i]
        if a.title and b.title and (not (a.urls or a.doi) or not (b.urls or b.doi)) \
                and same_work(a, b):
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(refs)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


TITLE_WORDS = ("Empire", "in", "Exile", "exile", "Coloniality", "the", "State", "of", "Things",
               "migration", "Migration", "labour", "labor", "Kazakhstan", "Kazakstan", "Щит",
               "Über", "Grenzen", "now", "later")
AUTHORS = ("Yusupova, Guzel", "Yusupova, G.", "Smith, J.", "Smith, John", "Jones, A.",
           "Иванов, Иван", "Müller, Jörg", "World Bank", "The World Bank")
URLS = ("https://www.worldbank.org/", "https://worldbank.org", "https://x.example/a",
        "http://x.example/a/", "https://y.example/b?utm_source=z", "https://y.example/b",
        "www.z.example/c", "https://a.example/1#frag")


def _random_references(rng: random.Random, count: int) -> list[Reference]:
    """References that often share a year, near-equal titles and authors, few URLs."""
    pool = []
    for _ in range(count // 3 + 1):
        title = " ".join(rng.choice(TITLE_WORDS) for _ in range(rng.randint(1, 5)))
        pool.append(Reference(
            authors=tuple(rng.sample(AUTHORS, rng.choice((0, 1, 1, 2)))),
            year=rng.choice((2020, 2021, None)),
            title=rng.choice((title, title, title.upper(), None)),
            urls=tuple(rng.sample(URLS, rng.choice((0, 0, 0, 1, 2)))),
            doi=rng.choice((None,) * 6 + ("10.1/ABC", "10.1/abc"))))
    refs = []
    for _ in range(count):
        ref = rng.choice(pool)
        if rng.random() < 0.4:  # a variant of a pooled reference
            title = ref.title
            if title and rng.random() < 0.5:  # a typo
                cut = rng.randrange(len(title))
                title = title[:cut] + title[cut + 1:]
            ref = replace(ref, title=title, urls=() if rng.random() < 0.5 else ref.urls,
                          authors=tuple(reversed(ref.authors)))
        refs.append(ref)
    return refs


@pytest.mark.parametrize("seed", range(8))
def test_group_finds_the_works_of_all_pairs(seed: int) -> None:
    refs = _random_references(random.Random(seed), 150)
    works = group([(None, [r]) for r in refs])
    got = [[c.note_index for c in w.citations] for w in works]
    assert got == _partition_by_all_pairs(refs)


# --- URL normalisation: the quick path gives what urllib gives ------------------------------

def _normalise_with_urllib(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = re.sub(r"/+$", "", parts.path) or ""
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not is_tracking(k, on_search_engine(host))
                       and k.lower() not in PRESENTATION], doseq=True)
    return urlunsplit(("", host, path, query, "")).lstrip("/")


@pytest.mark.parametrize("url", [
    "https://www.Example.ORG/a/B/", "HTTP://WWW.X.ORG", "https://x.org//", "https://www./p",
    "https://x.org.", "https://./x", "https://..", "https://x..org/a", "https://www.www.x.org/",
    "https://x.org/a;b/(c)/'d'/é", "https://x.org/a b", " https://x.org/a ", "https://x.org/?",
    "https://x.org/#", "https://x.org:8080/a", "https://x.org:443/a/", "https://-x-.org/",
    "www.example.org/a/", "ftp://x.org/a/",
])
def test_normalise_url_matches_urllib(url: str) -> None:
    assert normalise_url(url) == _normalise_with_urllib(url)
