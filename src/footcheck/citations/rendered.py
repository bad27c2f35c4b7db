"""Citations written by real CSL styles, labelled from the works they were written from.

A CSL style (https://citationstyles.org/) turns a work's metadata into a citation; pandoc's
citeproc applies it. Since the metadata is known, the citation's spans can be found again in
what the style wrote, so a style's citations become labelled training data, as GIANT (Grennan
et al., 2019) made a billion from 1,500 styles. This module does both halves:

* :func:`render` writes works (CSL-JSON) in a style: each work's bibliography entry, and for a
  note style its first, full note, as plain text (emphasis dropped, an entry's number
  removed, as footcheck removes a note's label);
* :func:`labelled` finds the work's fields in such a citation and labels every token by our
  conventions (``training/README.txt``): punctuation with the span it ends, an opening bracket
  or quote with the span it opens, ``In`` with the editor or container after it, an access
  phrase with its date, a report's number as volume. A citation with a token it cannot place,
  or whose labels do not give back the work's fields through
  :func:`~footcheck.citations.normalise.fields_of`, is not used.

``python -m footcheck.citations.rendered --styles DIR --out FILE`` draws works from word lists
(seeded, so the same command gives the same file), writes them in each style of
:data:`TRAINING_STYLES` and keeps the citations it could label. ``benchmarks/styles.py`` scores
the labeller on other works (``benchmarks/data/csl-items.json``) written by other styles with
:func:`render` and :func:`expected`. Needs pandoc and Beautiful Soup; nothing of the audit
imports this module.
"""

from __future__ import annotations

import html
import itertools
import json
import random
import re
import subprocess
import tempfile
from pathlib import Path

from .data import Sequence
from .normalise import comparable, fields_of
from .tokens import tokenize

__all__ = ["TRAINING_STYLES", "expected", "found", "labelled", "locator", "render", "works"]

#: The styles the labeller is trained on: none of ``benchmarks/styles.py``'s, nor an edition or
#: variant of IEEE, MLA, OSCOLA, the Bluebook, DIN 1505, Science, Nature, The Lancet, PLOS,
#: Annual Reviews, ASA, APSA, Sage Harvard or Cambridge's notes, so that those are styles the
#: labeller never saw; the others are editions or house variants of APA, Chicago, Harvard,
#: Vancouver, AMA, ISO 690 and MHRA, as a journal's own style is.
TRAINING_STYLES = (
    "apa-6th-edition", "chicago-author-date-16th-edition",
    "chicago-notes-bibliography-17th-edition", "harvard-anglia-ruskin-university",
    "elsevier-vancouver", "springer-basic-brackets", "american-physics-society",
    "mhra-author-date", "iso690-numeric-en", "iso690-note-fr",
    "taylor-and-francis-chicago-author-date", "taylor-and-francis-national-library-of-medicine",
    "bmj", "cell", "royal-society-of-chemistry",
    "associacao-brasileira-de-normas-tecnicas", "deutsche-gesellschaft-fur-psychologie",
    "american-journal-of-political-science", "international-studies-association",
    "university-of-york-harvard", "emerald-harvard", "frontiers", "american-institute-of-physics",
    "multidisciplinary-digital-publishing-institute", "springer-lecture-notes-in-computer-science",
    "copernicus-publications", "harvard-limerick", "sage-vancouver",
    "mhra-notes-publisher-place", "iso690-author-date-fr", "peerj", "ecology",
)


# --- comparing a citation's fields with its work ---------------------------------------------

_QUOTE_MARKS = "‘’‚‛“”„‟«»‹›\""
_QUOTES = str.maketrans(dict.fromkeys(_QUOTE_MARKS, "'"))
_FIRST_NUMBER = re.compile(r"\d+")
FIELDS = ("author", "title", "container", "year", "publisher", "place", "volume", "pages",
          "url", "doi")


def _text(value: object) -> str:
    """A value as compared: :func:`comparable`, quotes unified."""
    out = comparable(value)
    return out.translate(_QUOTES) if isinstance(out, str) else ""


def _family(name: dict) -> str:
    """A family name's last word ('garcía márquez' written 'Lucía García Márquez' reads as
    Márquez, which no rule can tell), an organisation's whole name."""
    if "literal" in name:
        return _text(name["literal"])
    return _text(name.get("family", "")).rsplit(" ", 1)[-1]


def _year(item: dict) -> int | None:
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    return parts[0][0] if parts[0] else None


def expected(item: dict, text: str, page: str | None = None) -> dict:
    """The fields of ``item`` that a style wrote out in ``text`` (a note citing it at
    ``page``), in the form of :func:`found`: the first page written, the work's or the
    pinpoint. No ``author`` for an edited book (its editors are not scored)."""
    bare = re.sub(r"\S*(?:https?://|doi\.org|10\.\d{4})\S*", " ", text)  # not in a URL
    seen = _text(bare)
    out: dict = {}
    names = [_family(a) for a in item.get("author", [])]
    if names or not item.get("editor"):
        out["author"] = [n for n in names if n and n in seen]
    for field, keys in (("title", ("title",)), ("container", ("container-title",
                                                                "container-title-short")),
                        ("publisher", ("publisher",)), ("volume", ("volume", "number"))):
        for key in keys:  # a journal's abbreviation where the style asks for it
            value = _text(item.get(key))
            if value and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", seen):
                out[field] = value
                seen = seen.replace(value, " ")
                break
    place = _text(item.get("publisher-place"))  # not the one in 'University of Lisbon'
    if place and re.search(rf"(?<!\w){re.escape(place)}(?!\w)", seen):
        out["place"] = place
    year = _year(item)
    bare = _ACCESS.sub(" ", bare) if not item.get("accessed") else re.sub(
        _ACCESS.pattern + r".{0,30}", " ", bare, flags=re.IGNORECASE)
    if year and re.search(rf"(?<!\d){year}(?!\d)", bare):
        out["year"] = str(year)
    first = _FIRST_NUMBER.search(str(item.get("page") or item.get("number-of-pages") or ""))
    if first and re.search(rf"(?<!\d)(?<!\d\.){first.group()}(?!\d)", bare):
        out["pages"] = first.group()
    elif page and re.search(rf"(?<![\d.]){page}(?!\d)", bare):
        out["pages"] = page
    url = item.get("URL")
    out["url"] = [_text(url)] if url and url.lower() in text.lower() else []
    doi = item.get("DOI")
    if doi and doi.lower() in text.lower():
        out["doi"] = _text(doi)
    return out


def found(fields: dict) -> dict:
    """What :func:`expected` compares of the ``fields`` of a citation."""
    pages = _FIRST_NUMBER.search(fields.get("pages") or "")
    return {
        "author": [_family(a) for a in fields.get("author") or []],
        "title": _text(fields.get("title")), "container": _text(fields.get("container")),
        "publisher": _text(fields.get("publisher")), "place": _text(fields.get("place")),
        "volume": _text(fields.get("volume") or fields.get("issue")),  # a report's 'No. 4'
        "year": str(fields["year"]) if fields.get("year") else "",
        "pages": pages.group() if pages else "",
        "url": [_text(u) for u in fields.get("url") or [] if "doi.org/" not in u.lower()],
        "doi": _text(fields.get("doi")),
    }


def differences(want: dict, have: dict) -> list[tuple[str, object, object]]:
    """``(field, found, expected)`` for each field compared and not alike."""
    out = []
    for field in FIELDS:
        if field == "author" and field not in want:
            continue
        e, g = want.get(field) or None, have.get(field) or None
        if e != g:
            out.append((field, g, e))
    return out


# --- writing works in a style ----------------------------------------------------------------

def locator(item: dict) -> str | None:
    """The page a note cites ``item`` at (three in five works, drawn from its id): a number
    none of its own numbers is, as a brief's pinpoint is."""
    draw = random.Random(item["id"])
    if draw.random() >= 0.6:
        return None
    taken = set(re.findall(r"\d+", " ".join(str(item.get(k, "")) for k in (
        "page", "volume", "issue", "number", "edition"))))
    return next(n for n in (str(draw.randint(2, 399)) for _ in range(50)) if n not in taken)


def _cite(page: str | None) -> str:
    return f", p. {page}" if page else ""


def render(style: Path, items: list[dict]) -> dict[str, list[tuple[str, str]]]:
    """``{"bib": [(id, text)…], "note": […]}``: ``items`` written by ``style`` (a ``.csl``
    file) through pandoc's citeproc; notes only for a note style, citing the work at its
    :func:`locator`."""
    from bs4 import BeautifulSoup

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "items.json").write_text(json.dumps(items), encoding="utf-8")
        body = "\n\n".join(f"Paragraph {i} [@{it['id']}{_cite(locator(it))}]."
                           for i, it in enumerate(items, 1))
        (work / "cite.md").write_text(body + "\n", encoding="utf-8")
        out = subprocess.run(
            ["pandoc", str(work / "cite.md"), "--citeproc", "--csl", str(style),
             "--bibliography", str(work / "items.json"), "-t", "html", "--wrap=none"],
            capture_output=True, text=True, check=True).stdout
    soup = BeautifulSoup(out, "html.parser")
    result: dict[str, list[tuple[str, str]]] = {"bib": [], "note": []}
    for entry in soup.select("div.csl-entry"):
        for margin in entry.select(".csl-left-margin"):
            margin.decompose()
        result["bib"].append((entry.get("id", "").removeprefix("ref-"), _plain(entry)))
    numbered = [re.match(rf"\[?{i}[.\])]?\s+", text) for i, (_, text) in
                enumerate(result["bib"], 1)]
    if numbered and all(numbered):  # an entry's number written in its text: a label
        result["bib"] = [(key, text[m.end():]) for (key, text), m in zip(
            result["bib"], numbered, strict=True)]
    notes = soup.select("section.footnotes li")
    if len(notes) == len(items):
        for item, note in zip(items, notes, strict=True):
            for back in note.select("a.footnote-back"):
                back.decompose()
            result["note"].append((item["id"], _plain(note)))
    return result


def _plain(element) -> str:
    return re.sub(r"\s+", " ", html.unescape(element.get_text(""))).strip()


# --- finding a work's fields in what a style wrote -------------------------------------------

_FOLD = str.maketrans({**dict.fromkeys(_QUOTE_MARKS, "'"), "–": "-", "—": "-",
                       **dict.fromkeys("\u00a0\u2009\u202f", " ")})  # one for one
_WORDY = re.compile(r"\w", re.UNICODE)
_OPENERS = set("([{“‘«<\"'„‚")
_ROLE_WORDS = {"ed", "eds", "edited", "by", "hrsg", "hg", "dir", "dirs", "coord", "org", "orgs",
               "trans", "transl", "tran", "translated", "übers", "tradução", "traducción",
               "übersetzt", "von", "éd", "éds", "sous", "la", "direction", "de", "par", "traduit",
               "trad", "herausgegeben",
               "editor", "editors", "in", "et", "al", "and", "&", "und", "e", "y", "ed.)"}
_NOTE_WORDS = {"available", "at", "from", "retrieved", "online", "internet", "url", "en",
               "ligne", "disponible", "sur", "disponível", "em", "verfügbar", "unter",
               "accessed", "via", "doi", "web", "www", "in", "à", "l'adresse", "abgerufen",
               "website"}
_THESIS = re.compile(
    r"(?:\b(?:[Uu]npublished\s+)?(?:PhD|Ph\.\s?D\.|Doctoral|Master['’]s|MA|MSc|M\.A\.|"
    r"Unveröffentlichte)(?:\s+(?:diss\b\.?|dissertation|thesis|doctoral|Dissertation|"
    r"Masterarbeit))+"
    r"|\b(?:Doctoral\s+dissertation|dissertation|thesis|Thèse(?:\s+de\s+doctorat)?|"
    r"thèse(?:\s+de\s+doctorat)?|Tese\s+\(Doutorado(?:\s+em\s+[^)]*)?\)|"
    r"Dissertação\s+\(Mestrado(?:\s+em\s+[^)]*)?\)|Dissertation|Masterarbeit|Doktorarbeit|"
    r"Mémoire(?:\s+de\s+master)?|Master['’]s\s+thesis|PhD\s+thesis|PhD|Ph\.D\.)(?!\w))")
_GENRE_WORDS = {"unpublished", "report", "working", "paper", "papers", "brief", "policy",
                "series", "discussion", "technical", "occasional", "research", "note", "bericht"}
_ND = re.compile(r"\b(?:n\.\s?d\.|s\.\s?d\.|o\.\s?J\.|sans date|no date)", re.IGNORECASE)
_ACCESS = re.compile(
    r"(?:\[|\()?\b(?:last\s+)?(?:accessed(?:\s+on)?|retrieved|viewed|cited|consulted|"
    r"consulté\s+le|abgerufen\s+am|zugegriffen\s+am|zugriff\s+am|acesso\s+em|accès\s+le|"
    r"date\s+accessed|visited)\b:?",
    re.IGNORECASE)
_MONTHS = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|"
    r"juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre|janv|févr|avr|juil|déc|jan|fev|abr|ago|set|out|dez|"
    r"janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|"
    r"dezembro|spring|summer|autumn|fall|winter)[a-zé]*\.?$",
    re.IGNORECASE)


def _fold(text: str) -> str:
    """``text`` lower-cased with quotes and dashes unified, keeping every offset."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text).translate(_FOLD)


class _Marks:
    """A label for each character of a citation, given once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = _fold(text)
        self.label: list[str | None] = [None] * len(text)

    def free(self, start: int, end: int) -> bool:
        return all(lab is None for lab in self.label[start:end])

    def mark(self, start: int, end: int, label: str) -> None:
        for i in range(start, end):
            if self.label[i] is None:
                self.label[i] = label

    def find(self, value: str, label: str, start: int = 0, every: bool = False) -> int | None:
        """Mark the first free whole-word occurrence of ``value`` at or after ``start``
        (every one with ``every``); its end, or None."""
        needle = _fold(value.strip())
        if not needle:
            return None
        pos, end = start, None
        while (i := self.folded.find(needle, pos)) >= 0:
            j = i + len(needle)
            pos = i + 1
            if (i and _WORDY.match(self.text[i - 1]) and _WORDY.match(needle[0])) or (
                    j < len(self.text) and _WORDY.match(self.text[j])
                    and _WORDY.match(needle[-1])) or not self.free(i, j):
                continue
            self.mark(i, j, label)
            end = j
            if not every:
                break
        return end

    def regex(self, pattern: re.Pattern, label: str, start: int = 0, every: bool = True) -> None:
        for m in pattern.finditer(self.text, start):
            if m.end() > m.start() and self.free(m.start(), m.end()):
                self.mark(m.start(), m.end(), label)
                if not every:
                    return


def _initials(given: str) -> set[str]:
    return {w[0].upper() for w in re.split(r"[\s.-]+", given) if w}


def _names(marks: _Marks, people: list[dict], label: str) -> bool:
    """Mark each person of ``people`` (family name, given names or their initials around
    it) and the joining words between them; False when one is not found."""
    tokens = tokenize(marks.text)
    text = marks.text
    for person in people:
        if "literal" in person:
            if marks.find(person["literal"], label) is None:
                return False
            continue
        family = " ".join(p for p in (person.get("non-dropping-particle"), person.get("family"))
                          if p)
        given = person.get("given", "")
        words = {w.lower() for w in re.split(r"[\s.]+", given) if w}
        words |= {w.lower() for w in re.split(r"[\s-]+", given) if w}
        caps = _initials(given)
        particles = {w.lower() for w in (person.get("dropping-particle", "") + " "
                                         + person.get("non-dropping-particle", "")).split()}
        suffix = {w.lower().strip(".") for w in person.get("suffix", "").split()}
        for name in (family, person.get("family", "")):  # 'Berg, Anneke van den'
            if (end := marks.find(name, label)) is not None:
                start = end - len(name.strip())
                break
        else:
            if person is people[0] and label == "author":
                return False
            break  # the rest are 'et al.'; an editor the style leaves out
        at = next(k for k, t in enumerate(tokens) if t.end >= end)
        first = next(k for k, t in enumerate(tokens) if t.end > start)

        known = words | particles | suffix

        def piece(t, known=known, caps=caps) -> bool:
            """A token of this person's name: a given name, an initial, a particle."""
            return (t.text.lower() in known or t.text in ".-,"
                    or (t.text.isupper() and set(t.text) - set(".-") <= caps
                        and len(t.text) <= 4)
                    or (len(t.text) == 1 and t.text.upper() in caps))

        for step, k0 in ((1, at + 1), (-1, first - 1)):
            k = k0
            last_good = None
            while 0 <= k < len(tokens) and piece(tokens[k]):
                if tokens[k].text not in ".-,":
                    last_good = k
                elif tokens[k].text == "," and step == 1 and not (
                        k + 1 < len(tokens) and piece(tokens[k + 1])
                        and tokens[k + 1].text not in ".-,"):
                    break
                k += step
            if last_good is not None:
                lo, hi = sorted((tokens[last_good].start, tokens[last_good].end))
                span = (min(lo, start), max(hi, end)) if step == 1 else (lo, end)
                if step == 1:
                    # the dot after an initial is the name's
                    while span[1] < len(text) and text[span[1]] == "." and marks.label[
                            span[1]] is None and text[span[1] - 1].isupper():
                        span = (span[0], span[1] + 1)
                marks.mark(span[0], span[1], label)
    return True


def _join(marks: _Marks, label: str) -> None:
    """Label what joins two runs of ``label`` when it is only names' joining words."""
    tokens = tokenize(marks.text)
    owned = [marks.label[t.start] for t in tokens]
    runs = [k for k, lab in enumerate(owned) if lab == label]
    for a, b in itertools.pairwise(runs):
        between = tokens[a + 1:b]
        if between and all(owned[k] is None for k in range(a + 1, b)) and all(
                t.text.lower().strip(".") in _ROLE_WORDS or not _WORDY.match(t.text)
                for t in between):
            marks.mark(between[0].start, between[-1].end, label)
    # 'et al.', '(Eds.)', 'ed.' straight after the names
    if runs:
        k = runs[-1] + 1
        trailing = {"et", "al", "eds", "ed", "hrsg", "hg", "dir", "dirs", "org", "orgs", "éd",
                    "éds", "trans", "transl", "tran", "trad", "übers", "coord", "editor", "editors",
                    "u", "a", "others"}  # 'u. a.', 'and others'
        def role(j: int) -> bool:
            word = tokens[j].text.lower() if j < len(tokens) else ""
            return word in trailing or (word == "and" and j + 1 < len(tokens)
                                        and tokens[j + 1].text.lower() == "others")

        while k < len(tokens) and owned[k] is None:
            if not role(k) and not (tokens[k].text in ".,(" and role(k + 1)):
                break
            marks.mark(tokens[k].start, tokens[k].end, label)
            k += 1


def _date_part(token: str) -> bool:
    return bool(_MONTHS.match(token)) or (token.isdigit() and 1 <= int(token) <= 31
                                          and len(token) <= 2)


def _dates(marks: _Marks, year: int | None, label: str, start: int = 0, every: bool = True
           ) -> None:
    """Mark ``year`` with the month and day beside it (``May 20, 2023``, ``2023 Apr 3``,
    ``20.05.2023``)."""
    if not year:
        return
    tokens = tokenize(marks.text)
    for k, t in enumerate(tokens):
        if t.start < start or not (t.text == str(year) or t.text.startswith(f"{year}-")) \
                or not marks.free(t.start, t.end):
            continue
        lo = hi = k
        while lo > 0 and marks.free(tokens[lo - 1].start, tokens[lo - 1].end) and (
                _date_part(tokens[lo - 1].text) or (tokens[lo - 1].text in ",." and lo > 1
                                                    and _date_part(tokens[lo - 2].text))):
            lo -= 1
        if hi + 1 < len(tokens) and re.fullmatch(r"[a-z]", tokens[hi + 1].text) and tokens[
                hi + 1].start == t.end:  # 2021a
            hi += 1
        while hi + 1 < len(tokens) and marks.free(tokens[hi + 1].start, tokens[hi + 1].end) and (
                _date_part(tokens[hi + 1].text) or (
                    tokens[hi + 1].text in ",." and hi + 2 < len(tokens)
                    and _date_part(tokens[hi + 2].text) and not tokens[hi + 2].text.isdigit())):
            hi += 1
        marks.mark(tokens[lo].start, tokens[hi].end, label)
        if not every:
            return


def _days(marks: _Marks) -> None:
    """Mark a month with its day set apart from the year ('The Daily Ledger, Sep. 18')."""
    tokens = tokenize(marks.text)
    for k, t in enumerate(tokens):
        if not (_MONTHS.match(t.text) and t.text[0].isupper() and marks.free(t.start, t.end)):
            continue
        lo = hi = k
        if hi + 1 < len(tokens) and tokens[hi + 1].text == ".":
            hi += 1
        if hi + 1 < len(tokens) and _date_part(tokens[hi + 1].text) and tokens[
                hi + 1].text.isdigit():
            hi += 1
        elif k and tokens[k - 1].text.isdigit() and _date_part(tokens[k - 1].text):
            lo -= 1  # '9 March'
        else:
            continue
        if marks.free(tokens[lo].start, tokens[hi].end):
            marks.mark(tokens[lo].start, tokens[hi].end, "date")


def _accessed(marks: _Marks, item: dict) -> None:
    parts = (item.get("accessed") or {}).get("date-parts") or [[]]
    if not parts[0]:
        return
    for m in _ACCESS.finditer(marks.text):
        if not marks.free(m.start(), m.end()):
            continue
        year = marks.text.find(str(parts[0][0]), m.end(), m.end() + 40)
        if year < 0:
            continue
        marks.mark(m.start(), m.end(), "accessed")
        marks.mark(m.end(), year, "accessed")
        _dates(marks, parts[0][0], "accessed", start=year, every=False)
        return


_NUMBER_WORD = r"(?:no|nos|nr|n|n°|nº|nᵒ|num|núm|issue|heft|h)\.?\s*"


def _volume(marks: _Marks, item: dict, after: int) -> None:
    volume, issue = item.get("volume"), item.get("issue")
    if not volume:
        return
    issue_part = ""
    if issue:
        issue_part = (rf"(?:\s*\(\s*{re.escape(str(issue))}\s*\)|\s*[,.]?\s*{_NUMBER_WORD}"
                      rf"{re.escape(str(issue))}|\.{re.escape(str(issue))})?")
    pattern = re.compile(rf"(?:\b(?:vol|volume|v|bd|jg|t|tome|vols)\.?\s*)?(?<![\w.])"
                         rf"{re.escape(str(volume))}(?![\w]){issue_part}", re.IGNORECASE)
    for m in pattern.finditer(marks.text, after):
        if marks.free(m.start(), m.end()):
            marks.mark(m.start(), m.end(), "volume")
            break
    if issue:  # 'Bd. 3 (1994), Nr. 1': the issue after the date
        marks.regex(re.compile(rf"\b{_NUMBER_WORD}{re.escape(str(issue))}(?![\w])",
                               re.IGNORECASE), "volume", after, every=False)


def _pages(marks: _Marks, item: dict) -> None:
    first = re.match(r"\s*([A-Za-z]*\d+)", str(item.get("page") or ""))
    if not first:
        return
    for lead in (r"\b(?:pp|p|s|pages?|pág|págs)\.?\s*", r"(?<![\w.])"):  # 'S. 1', not 'Nr. 1'
        pattern = re.compile(rf"{lead}{first[1]}(?:\s*[-–—‑]\s*\d+)?(?!\w)",
                             re.IGNORECASE)
        for m in pattern.finditer(marks.text):
            if marks.free(m.start(), m.end()):
                marks.mark(m.start(), m.end(), "pages")
                return


def _number(marks: _Marks, item: dict) -> None:
    """A report's number (``Policy Brief No. 14``) is volume, after its genre."""
    number = item.get("number")
    if not number:
        return
    pattern = re.compile(rf"(?:\b{_NUMBER_WORD})?(?<![\w.]){re.escape(str(number))}(?![\w])",
                         re.IGNORECASE)
    marks.regex(pattern, "volume", every=False)


def _edition(marks: _Marks, item: dict) -> None:
    edition = item.get("edition")
    if not edition:
        return
    pattern = re.compile(
        rf"\b{re.escape(str(edition))}(?:st|nd|rd|th|e|ª|a|\.)?\s*(?:rev\.\s*)?"
        r"(?:ed\.?|edn\.?|edition|éd\.?|édition|aufl\.?|auflage|ed\.|edição)(?!\w)",
        re.IGNORECASE)
    marks.regex(pattern, "edition", every=False)


def labelled(item: dict, text: str, style: str | None = None, page: str | None = None,
             ) -> Sequence | None:
    """``text``, a citation of ``item`` written by a style (a note citing it at ``page``),
    labelled; None when a token cannot be placed or the labels do not give back the fields
    the style wrote."""
    marks = _Marks(text)
    if url := item.get("URL"):
        marks.find(url, "url", every=True)
        for m in re.finditer(r"<(?=https?://)|(?<=\S)>", text):
            if marks.free(m.start(), m.end()):
                near = text[m.start() + 1:m.start() + 2] if m.group() == "<" else text[
                    m.start() - 1]
                if near and near != " ":
                    marks.mark(m.start(), m.end(), "url")
    if doi := item.get("DOI"):
        for m in re.finditer(rf"(?:(?:https?://(?:dx\.)?doi\.org/)|(?:doi|DOI)\s?:?\s?)?"
                             rf"{re.escape(doi)}", text, re.IGNORECASE):
            marks.mark(m.start(), m.end(), "doi")
    _accessed(marks, item)
    title_end = marks.find(item.get("title", ""), "title") or 0  # some styles leave it out
    for key, label in (("container-title", "container"), ("container-title-short", "container"),
                       ("collection-title", "collection")):
        if item.get(key) and marks.find(item[key], label, title_end) is None:
            marks.find(item[key], label)
    for role in ("author", "editor", "translator", "container-author"):
        people = item.get(role) or []
        label = "author" if role == "container-author" else role
        if people and not _names(marks, people, label):
            return None
        if people:
            _join(marks, label)
    for key, label in (("publisher", "publisher"), ("publisher-place", "place"),
                       ("event-place", "place")):
        if item.get(key):  # APA 6's 'Retrieved from Publisher website:' names it twice
            marks.find(item[key], label, every=True)
    marks.regex(re.compile(r"\[\s*[Ss]\.\s?[lL]\.\s*\]"), "place")  # sine loco
    marks.regex(re.compile(r"\[\s*[Ss]\.\s?[nN]\.\s*\]"), "publisher")  # sine nomine
    if item.get("genre"):
        marks.find(item["genre"], "genre")
    marks.regex(_THESIS, "genre")
    _number(marks, item)
    _edition(marks, item)
    _volume(marks, item, title_end)
    if page:  # the pinpoint: the last time the page's number is written
        cited = [m for m in re.finditer(rf"(?:\b(?:pp?|at)\.?\s*)?(?<![\w.]){page}(?!\w)",
                                        text) if marks.free(m.start(), m.end())]
        if cited:
            marks.mark(cited[-1].start(), cited[-1].end(), "pages")
    _pages(marks, item)
    if count := item.get("number-of-pages"):  # a book's '342 p.' is pages, as AnyStyle has it
        marks.regex(re.compile(rf"(?<![\w.]){count}\s*(?:pp|p|pages|S|s|pág|с)\.?(?!\w)"),
                    "pages", every=False)
    marks.regex(_ND, "date")
    _dates(marks, _year(item), "date")
    _days(marks)
    labels = _fill(marks)
    if labels is None:
        return None
    tokens = tokenize(text)
    spans: list[tuple[str, int, int]] = []
    for t, lab in zip(tokens, labels, strict=True):
        if spans and spans[-1][0] == lab:
            spans[-1] = (lab, spans[-1][1], t.end)
        else:
            spans.append((lab, t.start, t.end))
    if differences(expected(item, text, page), found(fields_of(text, tokens, labels))):
        return None
    return Sequence(text, spans, style)


def _fill(marks: _Marks) -> list[str] | None:
    """The label of each token: its first character's, punctuation with the span it ends
    (an opener with the span it opens), a few known words by their place; None when a word
    is left with no label."""
    tokens = tokenize(marks.text)
    labels: list[str | None] = [marks.label[t.start] for t in tokens]
    n = len(tokens)

    def next_label(k: int) -> str | None:
        return next((labels[j] for j in range(k + 1, n) if labels[j]), None)

    for k, t in enumerate(tokens):  # words first: their place decides
        if labels[k] is not None or not _WORDY.match(t.text):
            continue
        w = t.text.lower().rstrip(":")
        after = next_label(k)
        if w in {"in", "im", "dans", "en"} and after in {"editor", "container", "collection"}:
            labels[k] = after
        elif w in {"pp", "p", "s", "pages", "page"} and after == "pages":
            labels[k] = "pages"
        elif w in {"vol", "no", "v", "n", "nr", "issue"} and after == "volume":
            labels[k] = "volume"
        elif w in {"et", "al"} and k and labels[k - 1] in {"author", "editor"}:
            labels[k] = labels[k - 1]
        elif w in _ROLE_WORDS and after in {"editor", "translator"}:
            labels[k] = after
        elif w in {"published", "online", "publié", "veröffentlicht"} and after == "date":
            labels[k] = "date"  # 'published online March 9'
        elif w in _GENRE_WORDS and after in {"genre", "volume"}:
            labels[k] = "genre"
        elif w in _NOTE_WORDS:
            labels[k] = "note"
    for k, t in enumerate(tokens):
        if labels[k] is not None:
            continue
        if _WORDY.match(t.text):
            return None
        before = next((labels[j] for j in range(k - 1, -1, -1) if labels[j]), None)
        after = next_label(k)
        labels[k] = (after if t.text in _OPENERS and after else before) or after or "other"
    return labels  # type: ignore[return-value]


# --- works drawn from word lists -------------------------------------------------------------

def _words(text: str) -> list[str]:
    return text.split()


_SURNAMES = _words("""
Abbott Adebayo Ahlberg Alvarez Amari Andersson Arslan Aziz Baker Balogun Banerjee Barros
Bauer Becker Bellamy Bhatt Blanco Bose Brandt Brooks Byrne Cabral Carvalho Castillo Chandra
Chowdhury Ciobanu Costa Cruz Dahl Dasgupta Demir Dimitrov Dlamini Dunne Eriksen Esposito
Farouk Fischer Fonseca Forde Fujita Gallagher Gao Ghosh Gomes Gonzalez Greenberg Gupta Haas
Halvorsen Hamid Hansen Hashemi Hoffmann Horvat Huang Ibrahim Ivanova Jensen Johansson Joshi
Kaplan Kapoor Karlsson Katz Keller Khan Kovacs Kowalski Kruger Kumar Lambert Larsen Lehmann
Li Lindgren Lopes Lund Maier Marino Martins Matsuda Mendes Meyer Mishra Moreau Morales Moretti
Murphy Nagy Nair Navarro Nguyen Nielsen Novotny Nowak Ochieng Okafor Olsen Omondi Ortiz
Papadopoulos Park Patel Pavlova Pereira Petrov Popescu Quinn Rao Reyes Richter Romano Rosen
Russo Saito Salazar Santos Schmidt Schneider Sen Shah Silva Singh Sokolov Sousa Stein Suzuki
Svensson Tanaka Tan Torres Tran Tucker Usman Varga Vargas Vasquez Walsh Weber Wójcik Wu Yadav
Yamamoto Yang Yeo Zhang Zhou Zimmermann Ó Briain O'Connor McAllister MacLeod D'Souza
""")
_DOUBLE = _words("Fernández-Castro Lloyd-Jones Müller-Hahn Rivera-Ortiz Smith-Barrow")
_COMPOUND = ["García López", "Pérez Gil", "Rodríguez Soto", "Martín Vidal"]
_PARTICLE_NAMES = [("van der", "Meer"), ("van", "Dijk"), ("de", "Vries"), ("von", "Arnim"),
                   ("da", "Silva"), ("di", "Stefano"), ("le", "Roux"), ("del", "Valle")]
_GIVEN = [*_words("""
Aaron Abena Adil Agnieszka Aiko Alejandro Alice Amara Amir Ana Anders Andrea Anil Anja Arjun
Astrid Aylin Beatriz Benedikt Bilal Camila Carlos Chiara Chloe Chukwuemeka Daniel Daria
David Deepa Diego Dmitri Elena Elif Emeka Emil Erik Esther Fatima Felix Femi Freya Gabriel
Grace Hana Hannah Hassan Helena Hugo Ines Ingrid Isaac Ivan Jakub Jana Jin Joao Jonas Julia
Kai Kamala Karim Katarzyna Kenji Kofi Lars Laura Layla Leila Leon Liam Lina Luca Lucas Mai
Malik Marco Maria Mariam Mateo Mei Mikhail Min Nadia Naledi Nikhil Nina Noor Olga Omar Oskar
Paolo Priya Rafael Rahul Ravi Rosa Ruth Sara Sebastian Shreya Sofia Soren Tariq Tomas Vera
Wei Yasmin Yuki Zainab Zoe
"""), "Jean-Luc", "Hye-jin", "Anne-Marie", "Mary Kate", "John Paul", "Li Na"]
_ADJ = _words("""
Fiscal Monetary Regional Urban Rural Digital Green Global Local Public Private Social Political
Informal Strategic Democratic Economic Demographic Environmental Industrial Financial Hidden
Uneven Fragile Resilient Inclusive Competitive Sustainable Contested Shared Unequal Circular
""")
_NOUNS = _words("""
Governance Inequality Migration Housing Welfare Energy Trade Taxation Pensions Security
Education Health Productivity Employment Innovation Regulation Corruption Trust Debt Inflation
Transparency Decentralisation Infrastructure Procurement Subsidies Sanctions Remittances
Elections Courts Parliaments Cities Borders Ports Water Food Climate Carbon Labour Wages
Banks Markets Reform Austerity Growth Poverty Credit Insurance Mobility Broadband Data
""")
_PLACES = [*_words("""
London Paris Berlin Madrid Rome Vienna Brussels Geneva Oslo Stockholm Copenhagen Helsinki
Warsaw Prague Budapest Athens Lisbon Dublin Edinburgh Manchester Toronto Montreal Chicago Boston
Nairobi Lagos Accra Johannesburg Cairo Delhi Mumbai Dhaka Singapore Jakarta Manila Tokyo Seoul
Sydney Melbourne Auckland Santiago Lima Bogotá Mexico Ottawa Canberra Tbilisi Almaty Istanbul
"""), "Washington, DC", "New York", "Cambridge, MA", "Buenos Aires", "São Paulo", "Cape Town",
        "Hong Kong", "Abu Dhabi"]
_COUNTRIES = [*_words("""
Kenya Ghana Chile Peru Poland Estonia Vietnam Indonesia Morocco Tunisia Jordan Mongolia Nepal
Portugal Ireland Norway Uruguay Colombia Senegal Rwanda Bangladesh Georgia Armenia Serbia
"""), "South Africa", "the Philippines", "Sri Lanka", "New Zealand", "the Western Balkans",
        "Central Asia", "the Sahel", "the Euro Area", "Latin America", "Southeast Asia"]
_FIELDS = [*_words("""
Economics Politics Sociology Development Geography Demography Governance Finance Law History
"""), "Public Policy", "Public Administration", "International Affairs", "Health Policy",
        "Energy Studies", "Urban Studies", "Development Studies", "Labour Economics",
        "Environmental Policy", "Security Studies", "Social Policy", "Political Economy"]
_ORG_KINDS = ["Institute for", "Centre for", "Center for", "Council on", "Foundation for",
              "Observatory of", "Forum for", "Network for", "Commission on", "Office for"]
_SUFFIXES = ["Herald", "Times", "Post", "Courier", "Gazette", "Tribune", "Chronicle", "Observer",
             "Telegraph", "Ledger", "Journal", "Standard", "Mail", "Examiner"]
_MINISTRIES = ["Finance", "Health", "Labour", "Energy", "Education", "Economy"]
_BODIES = ["Initiative", "Project", "Trust", "Alliance"]
_OFFICES = ["Statistics Office", "Audit Office", "Central Bank", "Planning Commission"]
_BLOGS = ["Notes", "Blog", "Dispatch", "Matters", "Insights"]
_TLDS = ["org", "com", "net", "int", "co.uk", "de", "fr"]
_THESES = ["PhD diss.", "PhD thesis", "Master's thesis", "Doctoral dissertation"]
_GENRES = ["Policy Brief", "Working Paper", "Discussion Paper", "Research Report",
           "Technical Note", "Occasional Paper", "Briefing Paper", "Policy Paper"]
_FOREIGN_TITLES = [
    ("de", "Die {adj_de} Reform der {noun_de}: Bilanz und Ausblick"),
    ("de", "Wohnungsmarkt und Mietpreisbremse in {place}"),
    ("fr", "La réforme des {noun_fr} en {country}: enjeux et perspectives"),
    ("fr", "Les politiques de {noun_fr} face à la crise"),
    ("es", "La desigualdad regional en {country}: un análisis de panel"),
    ("es", "Reformas fiscales y crecimiento en {place}"),
]


_COMMON = {w.lower() for w in [*_ADJ, *_NOUNS, *_words("""
The And Of In Why Matters For Evidence From Lessons Drives What Toward A Agenda After Crisis
Its Aftermath Is Working Review Politics Reform Age Measuring State Rethinking To On
""")]}
_ABBREVIATIONS = {"journal": "J.", "review": "Rev.", "international": "Int.", "quarterly": "Q.",
                  "economics": "Econ.", "studies": "Stud.", "development": "Dev.",
                  "politics": "Polit.", "sociology": "Sociol.", "policy": "Policy",
                  "public": "Public", "annals": "Ann.", "letters": "Lett.", "society": "Soc.",
                  "administration": "Adm.", "affairs": "Aff.", "finance": "Finance",
                  "environmental": "Environ.", "political": "Polit.", "economy": "Econ.",
                  "governance": "Gov.", "geography": "Geogr.", "history": "Hist.",
                  "demography": "Demogr.", "health": "Health", "energy": "Energy",
                  "urban": "Urban", "security": "Secur.", "social": "Soc.", "labour": "Labour"}


def _sentence(title: str) -> str:
    """``title`` in sentence case: its common words lower-cased, names and the word after a
    colon kept."""
    words = title.split(" ")
    out = [words[0]]
    for before, word in itertools.pairwise(words):
        bare = word.strip("\"'?,:")
        out.append(word.lower() if bare.lower() in _COMMON and not before.endswith(":")
                   else word)
    return " ".join(out)


def _abbreviated(journal: str) -> str:
    """A journal's abbreviation, as ISO 4 shortens it (``J. Public Policy``)."""
    words = [w for w in journal.split() if w.lower() not in {"of", "and", "the"}]
    return " ".join(_ABBREVIATIONS.get(w.lower(), w) for w in words)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


class _Draw:
    """Works drawn from the word lists by one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def pick(self, seq):
        return self.r.choice(seq)

    def person(self) -> dict:
        r = self.r.random()
        given = self.pick(_GIVEN)
        if r < 0.06:
            particle, family = self.pick(_PARTICLE_NAMES)
            return {"family": family, "given": given, "non-dropping-particle": particle}
        if r < 0.10:
            return {"family": self.pick(_COMPOUND), "given": given}
        if r < 0.14:
            return {"family": self.pick(_DOUBLE), "given": given}
        if r < 0.17:
            return {"family": self.pick(_SURNAMES), "given": given, "suffix": "Jr."}
        if r < 0.25:  # a middle name
            return {"family": self.pick(_SURNAMES), "given": f"{given} {self.pick(_GIVEN)}"}
        return {"family": self.pick(_SURNAMES), "given": given}

    def people(self, most: int = 8) -> list[dict]:
        n = self.r.choice([1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8])
        return [self.person() for _ in range(min(n, most))]

    def org(self) -> str:
        r = self.r.random()
        if r < 0.5:
            return f"{self.pick(_ORG_KINDS)} {self.pick(_ADJ)} {self.pick(_NOUNS)}"
        if r < 0.7:
            return f"Ministry of {self.pick(_MINISTRIES)}"
        if r < 0.85:
            return f"{self.pick(_ADJ)} {self.pick(_NOUNS)} {self.pick(_BODIES)}"
        return f"{self.pick(_COUNTRIES)} {self.pick(_OFFICES)}"

    def title(self, short: bool = False) -> tuple[str, str | None]:
        r = self.r.random()
        a, n, m = self.pick(_ADJ), self.pick(_NOUNS), self.pick(_NOUNS)
        place = self.pick(_COUNTRIES + _PLACES[:30])
        if r < 0.06:
            lang, template = self.pick(_FOREIGN_TITLES)
            return template.format(adj_de="große", noun_de="Grundsteuer", place=place,
                                   noun_fr="retraites", country=place), lang
        templates = [
            f"{a} {n} in {place}", f"{n} and {m}: Evidence from {place}",
            f"The {a} {n}", f"Why {n} Matters for {m}", f"{n}, {m} and the State",
            f"Rethinking {a} {n}", f"What Drives {n}? Lessons from {place}",
            f"Toward a {a} {n} Agenda", f"{n} after {self.r.randint(1990, 2024)}",
            f"The {self.r.randint(1990, 2024)} {n} Crisis and Its Aftermath",
            f"Is \"{a} {n}\" Working?", f"{a} {n}: A Review of the Evidence",
            f"From {n} to {m}: The Politics of {a} Reform",
            f"The G{self.pick(['7', '20'])} and {a} {n}", f"{n} in the Age of {m}",
            f"Measuring {a} {n}, {self.r.randint(1990, 2005)}–{self.r.randint(2006, 2024)}",
        ]
        if short:
            templates = templates[:6]
        return self.pick(templates), None

    def date(self, month: float = 0.5, day: float = 0.3) -> dict:
        parts = [self.r.randint(1985, 2025)]
        if self.r.random() < month:
            parts.append(self.r.randint(1, 12))
            if self.r.random() < day / max(month, 0.01):
                parts.append(self.r.randint(1, 28))
        return {"date-parts": [parts]}

    def accessed(self, after: dict) -> dict:
        year = max(after["date-parts"][0][0], 2015) + self.r.randint(0, 2)
        return {"date-parts": [[min(year, 2026), self.r.randint(1, 12), self.r.randint(1, 28)]]}

    def host(self, name: str) -> str:
        return f"https://www.{_slug(name).replace('-', '')[:20]}.{self.pick(_TLDS)}"

    def work(self, key: str) -> dict:
        kind = self.r.choices(
            ["article-journal", "book", "chapter", "report", "webpage", "post-weblog",
             "article-newspaper", "article-magazine", "thesis", "paper-conference"],
            [16, 10, 8, 18, 7, 4, 10, 4, 3, 4])[0]
        title, lang = self.title()
        sentence = self.r.random() < 0.5  # as many works are catalogued, and APA writes them
        if sentence:
            title = _sentence(title)
        item: dict = {"id": key, "type": kind, "title": title}
        if lang:
            item["language"] = lang
        if kind == "article-journal":
            journal = self.journal()
            if self.r.random() < 0.7:
                item["container-title-short"] = _abbreviated(journal)
            item |= {"author": self.people(), "container-title": journal,
                     "volume": str(self.r.randint(1, 80)), "issued": self.date(0.3, 0.05)}
            if self.r.random() < 0.8:
                item["issue"] = str(self.r.randint(1, 12))
            first = self.r.randint(1, 900)
            item["page"] = f"{first}-{first + self.r.randint(5, 40)}"
            if self.r.random() < 0.6:
                prefix = self.r.randint(1000, 99999)
                journal = _slug(item["container-title"])[:6]
                year = item["issued"]["date-parts"][0][0]
                item["DOI"] = f"10.{prefix}/{journal}.{year}.{self.r.randint(1, 999)}"
            elif self.r.random() < 0.3:
                host = self.host(item["container-title"])
                item["URL"] = f"{host}/article/{self.r.randint(100, 9999)}"
        elif kind in ("book", "chapter"):
            book = {"publisher": self.publisher(), "issued": self.date(0, 0)}
            if self.r.random() < 0.7:
                book["publisher-place"] = self.pick(_PLACES)
            if self.r.random() < 0.15:
                book["edition"] = str(self.r.randint(2, 5))
            item |= book
            if kind == "book":
                if self.r.random() < 0.15:
                    item["editor"] = self.people(3)
                else:
                    item["author"] = self.people(3)
                if self.r.random() < 0.08:
                    item["translator"] = [self.person()]
            else:
                item["author"] = self.people(2)
                book = self.title(short=True)[0]
                item["container-title"] = _sentence(book) if sentence else book
                item["editor"] = self.people(3)
                first = self.r.randint(1, 400)
                item["page"] = f"{first}-{first + self.r.randint(10, 30)}"
        elif kind == "report":
            org = self.org()
            if self.r.random() < 0.6:
                item["author"] = [{"literal": org}]
            else:
                item["author"] = self.people(3)
            item |= {"publisher": org, "issued": self.date(0.6, 0.1)}
            if self.r.random() < 0.5:
                item["publisher-place"] = self.pick(_PLACES)
            if self.r.random() < 0.6:
                item["genre"] = self.pick(_GENRES)
                item["number"] = str(self.r.randint(1, 60))
            if self.r.random() < 0.75:
                item["URL"] = f"{self.host(org)}/publications/{_slug(title)}"
                if self.r.random() < 0.4:
                    item["accessed"] = self.accessed(item["issued"])
        elif kind in ("webpage", "post-weblog"):
            site = self.site(kind)
            item |= {"container-title": site, "URL": f"{self.host(site)}/{_slug(title)}"}
            r = self.r.random()
            if r < 0.6:
                item["author"] = self.people(2)
            elif r < 0.8:
                item["author"] = [{"literal": self.org()}]
            if self.r.random() < 0.7:
                item["issued"] = self.date(1, 1)
            item["accessed"] = self.accessed(item.get("issued") or self.date(0, 0))
        elif kind in ("article-newspaper", "article-magazine"):
            outlet = self.outlet(kind)
            item |= {"container-title": outlet, "issued": self.date(1, 0.9)}
            if self.r.random() < 0.8:
                item["author"] = self.people(2)
            if self.r.random() < 0.7:
                year = item["issued"]["date-parts"][0][0]
                item["URL"] = f"{self.host(outlet)}/{year}/{_slug(title)}"
                if self.r.random() < 0.4:
                    item["accessed"] = self.accessed(item["issued"])
            elif self.r.random() < 0.5:
                item["page"] = self.pick(["A1", "12", "B4", "3", "27"])
        elif kind == "thesis":
            item |= {"author": [self.person()], "genre": self.pick(_THESES),
                     "publisher": f"University of {self.pick(_PLACES)}", "issued": self.date(0, 0)}
            if self.r.random() < 0.5:
                item["publisher-place"] = self.pick(_PLACES)
        else:  # paper-conference
            item |= {"author": self.people(), "issued": self.date(0.3, 0)}
            kind = self.pick(["Annual", "International", "European"])
            item |= {"container-title": f"Proceedings of the {kind} Conference on "
                                        f"{self.pick(_FIELDS)}",
                     "publisher": self.publisher(), "publisher-place": self.pick(_PLACES)}
            first = self.r.randint(1, 300)
            item["page"] = f"{first}-{first + self.r.randint(5, 15)}"
        return item

    def journal(self) -> str:
        f = self.pick(_FIELDS)
        return self.pick([f"Journal of {f}", f"{f} Review", f"Review of {f}", f"{f} Quarterly",
                          f"International Journal of {f}", f"{f} and Society",
                          f"Annals of {f}", f"{self.pick(_ADJ)} {f}", f"{f} Letters"])

    def publisher(self) -> str:
        s = self.pick(_SURNAMES)
        return self.pick([f"{s} & {self.pick(_SURNAMES)}",
                          f"{self.pick(_PLACES[:30])} University Press",
                          f"{s} Books", f"{s} Press", f"{s} Academic", f"{s} Publishing"])

    def site(self, kind: str) -> str:
        if kind == "post-weblog":
            return f"{self.pick(_ADJ)} {self.pick(_BLOGS)}"
        return self.pick([self.org(), f"{self.pick(_NOUNS)} Data Portal",
                          f"{self.pick(_ADJ)} {self.pick(_NOUNS)} Hub"])

    def outlet(self, kind: str) -> str:
        if kind == "article-magazine":
            return f"{self.pick(_ADJ)} {self.pick(['Monthly', 'Weekly', 'Affairs', 'Review'])}"
        return f"The {self.pick(_PLACES[:40])} {self.pick(_SUFFIXES)}"


def works(seed: int, n: int) -> list[dict]:
    """``n`` invented works (CSL-JSON) drawn with ``seed``."""
    draw = _Draw(seed)
    return [draw.work(f"w{seed}-{i}") for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    import argparse

    from .data import write

    parser = argparse.ArgumentParser(description="Write labelled citations rendered by CSL "
                                                 "styles (training data for the labeller).")
    parser.add_argument("--styles", required=True, help="a folder of CSL style files")
    parser.add_argument("--out", required=True, help="the XML file to write")
    parser.add_argument("--per-style", type=int, default=40, help="works drawn for each style")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    kept: list[Sequence] = []
    tried = 0
    for index, name in enumerate(TRAINING_STYLES):
        items = works(args.seed * 1000 + index, args.per_style)
        by_id = {item["id"]: item for item in items}
        rendered = render(Path(args.styles) / f"{name}.csl", items)
        before = len(kept)
        for kind, entries in rendered.items():
            for key, text in entries:
                tried += 1
                page = locator(by_id[key]) if kind == "note" else None
                if (seq := labelled(by_id[key], text, f"csl-{kind}", page)) is not None:
                    kept.append(seq)
        print(f"{name:50} {len(kept) - before:4} kept of "
              f"{sum(len(e) for e in rendered.values())}")
    write(kept, args.out)
    print(f"{len(kept)} of {tried} citations labelled, written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
