"""Group the references of a document into works: one entry per distinct cited work.

Two citations are of the same work when they share a URL after normalisation (scheme,
``www.``, trailing slash, fragment, tracking parameters and host case ignored), share a DOI,
or — when at least one has no URL — have near-equal authors and titles and the same year.
Each work gets a stable, readable key (``najibullah2023living``); keys that would collide get
``a``, ``b``, … in order of first citation, so the same document always yields the same keys.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from urllib.parse import SplitResult, urlsplit

from .model import Note, Reference
from .references import Source, parse_sources
from .translit import latinize, strip_accents
from .urls import hostname, normalise_url, site_labels

__all__ = ["Citation", "Work", "Works", "citation_key", "group", "same_work"]

#: Title words skipped when choosing the word of a key.
STOP_WORDS = frozenset([
    "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "at", "by", "with", "from",
    "as", "is", "are", "was", "were", "be", "been", "its", "it", "into", "about", "over", "after",
    "before", "than", "that", "this", "these", "those", "how", "why", "what", "when", "where",
    "who", "which", "not", "no", "nor", "but", "so", "up", "out", "off", "via", "per", "vs",
    "der", "die", "das", "le", "la", "les", "el", "los", "de", "des", "du", "von", "und",
])

_NOT_ALNUM_OR_SPACE = re.compile(r"[^A-Za-z0-9\s]+")
_KEY_WORD = re.compile(r"[^\s/–—:;,.!?()]+")


@dataclass(frozen=True)
class Citation:
    """One citation of a work: which note (by index in the input), which source in it."""

    note_index: int
    source: Source
    note: Note | None = None

    @property
    def reference(self) -> Reference:
        """The reference as this citation gives it."""
        return self.source.reference


@dataclass(frozen=True)
class Work:
    """A distinct cited work: its key, a merged reference and every citation of it.

    ``reference`` takes for each field the form most citations give (the earliest on a tie)
    and carries ``key``; ``note`` is text that fits no field, from the first citation that
    has some.
    """

    key: str
    reference: Reference
    citations: tuple[Citation, ...]
    note: str | None = None
    genre: str | None = None


@dataclass(frozen=True)
class Works:
    """The works of a document in order of first citation, and the keys each note cites."""

    works: tuple[Work, ...]
    note_keys: tuple[tuple[str, ...], ...]

    def __iter__(self) -> Iterator[Work]:
        return iter(self.works)

    def __len__(self) -> int:
        return len(self.works)

    def __getitem__(self, key: str) -> Work:
        for work in self.works:
            if work.key == key:
                return work
        raise KeyError(key)

    def keys(self) -> tuple[str, ...]:
        """Every key, in order of first citation."""
        return tuple(w.key for w in self.works)


def _split_url(url: str) -> SplitResult | None:
    """``urlsplit(url)``, or None for an address urllib refuses (a broken ``[IPv6]`` host)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _trivial_path(url: str) -> bool:
    """Whether a URL names a whole site (no path or query) rather than one page."""
    parts = _split_url(url)
    return parts is not None and parts.path.strip("/") == "" and not parts.query


# --- sameness ---------------------------------------------------------------------------------

def _fold(text: str) -> str:
    """Lower-case ASCII letters, digits and spaces only, for comparing and for keys.

    Not :func:`footcheck.translit.fold_letters`: a letter with no ASCII base in Unicode
    (``ø``, ``ł``) is dropped here, not replaced, so that work keys stay as they are."""
    if text.isascii():
        return _NOT_ALNUM_OR_SPACE.sub("", text.lower())
    text = strip_accents(latinize(text)).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM_OR_SPACE.sub("", text)


def _title_form(title: str | None) -> str:
    return " ".join(_fold(title or "").split())


def _authors_form(authors: Sequence[str]) -> str:
    return " ; ".join(" ".join(_fold(a).split()) for a in authors)


def same_work(a: Reference, b: Reference) -> bool:
    """Whether two references cite the same work (URL, DOI, or near-equal fields)."""
    if a.doi and b.doi:
        return a.doi.casefold() == b.doi.casefold()
    urls_a = {normalise_url(u) for u in a.urls}
    urls_b = {normalise_url(u) for u in b.urls}
    common = urls_a & urls_b
    if common:
        if all(_trivial_path("https://" + u) for u in common) and a.title and b.title:
            return _similar_titles(a.title, b.title)
        return True
    if urls_a and urls_b:
        return False
    if not (a.title and b.title) or a.year != b.year:
        return False
    return _same_fields(_Fields.of(a), _Fields.of(b))


@dataclass(frozen=True)
class _Fields:
    """What decides whether two references without a shared URL are of one work."""

    title: str  # folded, as compared
    authors: str  # folded, as compared
    has_authors: bool

    @classmethod
    def of(cls, ref: Reference) -> _Fields:
        return cls(_title_form(ref.title), _authors_form(ref.authors), bool(ref.authors))


def _same_fields(a: _Fields, b: _Fields) -> bool:
    """Near-equal authors (when either has some) and titles; titles and years are known."""
    from rapidfuzz import fuzz

    if (a.has_authors or b.has_authors) and fuzz.token_set_ratio(a.authors, b.authors) < 85:
        return False
    return _similar_title_forms(a.title, b.title)


def _similar_titles(a: str, b: str) -> bool:
    return _similar_title_forms(_title_form(a), _title_form(b))


def _similar_title_forms(ta: str, tb: str) -> bool:
    """Near-equal folded titles, with the same numbers: "Interview 17" and "Interview 18",
    "Annual Report 2019" and "… 2021", are other works, however alike."""
    from rapidfuzz import fuzz

    return _numbers(ta) == _numbers(tb) and fuzz.token_set_ratio(ta, tb) >= 90 and \
        fuzz.token_sort_ratio(ta, tb) >= _TITLE_SORT_CUTOFF


def _numbers(title: str) -> frozenset[str]:
    """The numbers a folded title holds."""
    return frozenset(_NUMBER.findall(title))


_NUMBER = re.compile(r"\d+")


_TITLE_SORT_CUTOFF = 80


# --- keys -------------------------------------------------------------------------------------

def _key_name(reference: Reference) -> str:
    if reference.authors:
        first = reference.authors[0]
        if "," in first:
            return _fold(first.split(",")[0]).replace(" ", "")
        words = [w for w in _fold(first).split() if w not in STOP_WORDS]
        if words:
            return words[0]
    for url in reference.urls:
        labels = site_labels(hostname(url))  # bbc for news.bbc.co.uk
        if labels:
            return _fold(labels[-1]) or "anon"
    return "anon"


def _key_word(reference: Reference) -> str:
    for match in _KEY_WORD.finditer(reference.title or ""):  # the words between separators
        word = match.group()
        folded = _fold(word.replace("'", "").replace("’", "")).replace(" ", "")
        if len(folded) > 1 and folded not in STOP_WORDS and not folded.isdigit():
            return folded
    return ""


def citation_key(reference: Reference) -> str:
    """The undisambiguated key of a reference: ``name`` + ``year`` + first title word.

    The name is the first author's family name (or an organisation's first significant
    word, or the URL's site), folded to ASCII, Cyrillic transliterated; ``anon`` when none.
    """
    year = str(reference.year) if reference.year else ""
    key = f"{_key_name(reference)}{year}{_key_word(reference)}"
    return _NOT_KEY.sub("", key) or "anon"  # ´ folds to a space: " yo" of ftp://´ýÕ.¶/a


_NOT_KEY = re.compile(r"[^a-z0-9]")


def _suffixes() -> Iterator[str]:
    """``a`` … ``z``, ``aa`` … ``zz``, ``aaa`` …: as many as there are works."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for n in itertools.count(1):
        for letters_ in itertools.product(letters, repeat=n):
            yield "".join(letters_)


def unique_keys(bases: list[str]) -> list[str]:
    """A key for each base, in order: a base used once as it is, a repeated one with the
    first suffix (:func:`_suffixes`) that makes a key no other work has (``smith2020a``
    stays clear of a work whose own base is ``smith2020a``)."""
    counts = Counter(bases)
    taken = {b for b, n in counts.items() if n == 1}
    suffixes: dict[str, Iterator[str]] = {}
    keys = []
    for base in bases:
        if counts[base] == 1:
            keys.append(base)
            continue
        pending = suffixes.setdefault(base, _suffixes())
        key = base + next(pending)
        while key in taken:
            key = base + next(pending)
        taken.add(key)
        keys.append(key)
    return keys


# --- grouping ---------------------------------------------------------------------------------

def _majority(values: Sequence[object]) -> object:
    """The value most citations give (ignoring empty ones), earliest on a tie."""
    present = [v for v in values if v not in (None, (), "")]
    if not present:
        return values[0] if values else None
    counts = Counter(present)
    best = max(counts.values())
    return next(v for v in present if counts[v] == best)


def _merge(citations: Sequence[Citation]) -> Reference:
    if len(citations) == 1:
        return citations[0].reference  # every field is the majority form of itself
    refs = [c.reference for c in citations]
    fields = {}
    for name in ("type", "authors", "editors", "year", "title", "container", "date", "volume",
                 "issue", "pages", "urls", "doi", "accessed", "publisher", "place"):
        fields[name] = _majority([getattr(r, name) for r in refs])
    dates = [r.date for r in refs if r.date]
    if dates:  # the most precise date that the majority date agrees with
        best = fields["date"]
        fields["date"] = max((d for d in dates if d.startswith(str(best)) or
                              str(best).startswith(d)), key=len, default=best)
    types = [r.type for r in refs if r.type != "misc"]
    if types:
        fields["type"] = _majority(types)
    return replace(refs[0], **fields)


def _as_sources(item: Note | tuple[Note | None, Iterable[Reference | Source]]
                ) -> tuple[Note | None, tuple[Source, ...]]:
    if isinstance(item, Note):
        if item.references:
            return item, tuple([Source(reference=r, note=r.note, genre=r.genre)
                                for r in item.references])
        return item, parse_sources(item.text)
    note, refs = item
    return note, tuple(r if isinstance(r, Source) else Source(reference=r) for r in refs)


def group(notes: Iterable[Note | tuple[Note | None, Iterable[Reference | Source]]]) -> Works:
    """Group the references of ``notes`` into works, in order of first citation.

    Each item is a :class:`~footcheck.model.Note` (its ``references`` are used, or its text is
    parsed when it has none) or a pair ``(note, references)``. ``Works.note_keys[i]`` lists
    the keys of the works the i-th item cites, in the order it cites them, each once.

    Citations are joined through an index of normalised URLs, in time linear in their number;
    by fields only within one year and only when one of the two has no URL or DOI (see
    :func:`_join_by_fields`): what grows faster than the document is only the comparison of
    each reference without URL or DOI with the titled references of its year, done in C.
    """
    citations: list[Citation] = []
    starts: list[int] = []  # the index of each item's first citation
    for index, item in enumerate(notes):
        note, sources = _as_sources(item)
        starts.append(len(citations))
        citations.extend([Citation(index, s, note) for s in sources])
    refs = [c.source.reference for c in citations]
    parent = list(range(len(citations)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    # Same normalised URL: each citation is compared with the first one giving that URL.
    by_url: dict[str, int] = {}
    for i, ref in enumerate(refs):
        for url in ref.urls:
            j = by_url.setdefault(normalise_url(url), i)
            if j != i and find(i) != find(j) and same_work(refs[j], ref):
                union(i, j)
    _join_by_fields(refs, union)

    groups: dict[int, list[int]] = {}
    for i in range(len(citations)):
        groups.setdefault(find(i), []).append(i)
    ordered = sorted(groups.values(), key=lambda members: _index(citations, starts, members[0]))
    merged = [refs[members[0]] if len(members) == 1 else _merge([citations[i] for i in members])
              for members in ordered]
    keys = unique_keys([citation_key(m) for m in merged])
    works = []
    note_keys: list[dict[str, None]] = [{} for _ in starts]
    key_of: list[str] = [""] * len(citations)
    for key, members, reference in zip(keys, ordered, merged, strict=True):
        if len(members) == 1:
            c = citations[members[0]]
            cs: tuple[Citation, ...] = (c,)
            note, genre = c.source.note or None, c.source.genre or None
        else:
            cs = tuple([citations[i] for i in members])
            note = _first(c.source.note for c in cs)
            genre = _first(c.source.genre for c in cs)
        works.append(Work(key=key, reference=_with_key(reference, key), citations=cs,
                          note=note, genre=genre))
        for i in members:
            key_of[i] = key
    for i, c in enumerate(citations):
        note_keys[c.note_index].setdefault(key_of[i])
    return Works(works=tuple(works), note_keys=tuple(tuple(k) for k in note_keys))


def _first(values: Iterable[str | None]) -> str | None:
    """The first value that is not empty, or None."""
    for value in values:
        if value:
            return value
    return None


def _with_key(reference: Reference, key: str) -> Reference:
    """``dataclasses.replace(reference, key=key)``, without its generic (slow) machinery.

    A plain frozen dataclass instance is its ``__dict__`` of field values, so a copy of it with
    another ``key`` is the same object ``replace`` would build through ``__init__``.
    """
    if type(reference) is not Reference or not _PLAIN_REFERENCE:
        return replace(reference, key=key)
    new = object.__new__(Reference)
    values = new.__dict__
    values.update(reference.__dict__)
    values["key"] = key
    return new


#: Whether Reference's __init__ does no more than store its fields (checked, not assumed).
_PLAIN_REFERENCE = (
    not hasattr(Reference, "__slots__") and not hasattr(Reference, "__post_init__")
    and all(f.init for f in dataclasses.fields(Reference))
    and [f.name for f in dataclasses.fields(Reference)] == list(Reference.__dataclass_fields__)
    and "key" in Reference.__dataclass_fields__)


def _index(citations: list[Citation], starts: list[int], i: int) -> int:
    """``citations.index(citations[i])``, the position works have always been sorted by.

    It is ``i`` unless an earlier citation of the same note is equal (the same source given
    twice, such as two identical references filled in a note), so only that note is looked at.
    """
    c = citations[i]
    start = starts[c.note_index]
    if start == i:
        return i
    for k in range(start, i):
        if citations[k].source.start == c.source.start and citations[k] == c:
            return k
    return i


def _join_by_fields(refs: Sequence[Reference], union: Callable[[int, int], None]) -> None:
    """Join the references that :func:`same_work` finds equal by their fields.

    Such a pair has titles and one year, and one of the two has no URL and no DOI (otherwise
    the URLs or DOIs decide); the pair is then judged by folded authors and titles only
    (:func:`_same_fields`). So references are compared only within one year, only when one
    of them is bare, and references with equal folded authors and titles once; candidates are
    first picked by their sorted titles' ratio in ``rapidfuzz.process.extract`` (with a lower
    cut-off than :func:`_similar_title_forms` asks of the same score), then judged exactly.
    """
    by_year: dict[object, list[int]] = {}
    for i, ref in enumerate(refs):
        if ref.title:
            by_year.setdefault(ref.year, []).append(i)
    for members in by_year.values():
        if all(refs[i].urls or refs[i].doi for i in members):
            continue  # no reference without URL or DOI: nothing to compare by fields
        classes: dict[_Fields, list[int]] = {}
        bare: dict[_Fields, list[int]] = {}
        for i in members:
            fields = _Fields.of(refs[i])
            classes.setdefault(fields, []).append(i)
            if not (refs[i].urls or refs[i].doi):
                bare.setdefault(fields, []).append(i)
        _join_classes(classes, bare, union)


def _join_classes(classes: dict[_Fields, list[int]], bare: dict[_Fields, list[int]],
                  union: Callable[[int, int], None]) -> None:
    """Join every bare reference with every reference whose fields match its own."""
    from rapidfuzz import fuzz, process

    # Only titles with the same numbers can match (:func:`_similar_title_forms`): compared
    # within those groups, 6,000 notes "Interview 1, 2023." … take 0.1 s, not 20 s.
    groups: dict[frozenset[str], list[_Fields]] = {}
    for key in classes:
        groups.setdefault(_numbers(key.title), []).append(key)
    # token_sort_ratio is the ratio of the titles with their words sorted: sorted once here.
    # (A folded title is words of ASCII letters and digits between single spaces, which
    # rapidfuzz and str.split cut and sort alike.)
    sorted_titles = {k: " ".join(sorted(k.title.split())) for k in classes}
    choices = {n: [sorted_titles[k] for k in keys] for n, keys in groups.items()}
    joined: set[_Fields] = set()  # classes whose members are already one group
    for row, bare_members in bare.items():
        number = _numbers(row.title)
        keys = groups[number]
        for _, _, col in process.extract(sorted_titles[row], choices[number],
                                         scorer=fuzz.ratio, processor=None,
                                         score_cutoff=_TITLE_SORT_CUTOFF - 1, limit=None):
            other = keys[col]
            if not _same_fields(row, other):  # (symmetric: the order of the pair is free)
                continue
            # Each bare reference of `row` is the same work as each reference of `other`.
            members = classes[other]
            for i in bare_members:
                union(i, members[0])
            if other not in joined:
                joined.add(other)
                for i in members[1:]:
                    union(i, members[0])
