"""Turn labelled tokens into fields: names split, dates in ISO 8601, Markdown stripped.

Consecutive tokens with the same label form a span; a span's value is the citation's text from
its first token to its last, cleaned:

* Markdown emphasis (``*…*``, ``_…_``), escapes (``2019\\.``) and link brackets are removed;
  surrounding quotes and the punctuation that ends a span (``.``, ``,``, ``;``, ``:``) go; a
  full stop that ends an abbreviation stays (``Am. J. Anat.``, ``Ltd.``);
* ``author`` (and ``editor``, ``translator``) spans are split into names (see
  :func:`split_names`): ``Last, First``; ``Last, F.``; ``First Last``; ``F. Last``;
  ``Last FM`` (Vancouver); ``Last F. M.`` (GOST); lists joined by ``,``, ``;``, ``and``,
  ``&``; roles (``ed.``, ``edited by``, ``(eds)``, ``et al.``) dropped. A name that reads
  as an organisation (organisation words, a leading *The*, lower-case words, digits, a
  place as last word, a single word standing alone) is kept whole as ``{"literal": …}``;
* ``date`` spans give the year (the first year-like number of any date span) and, from the
  first span that names a month and no other year, the month and day: ``2023``, ``2023-08``,
  ``2023-08-23`` (month names in several languages, ISO dates, ``12.03.2023``);
* ``volume`` spans hold the issue too (AnyStyle's convention): ``Vol. 25``, ``39 (3)``,
  ``vol.36, no. 9`` and ``No. 129`` give volume and issue (and Vancouver's ``2008;9(3):``
  the year, when no date span gave one); a container that still ends with a
  volume number (``Am. J. Anat. 103``) gives it up when no volume was found;
* ``pages`` lose ``p.``/``pp.``, ``S.``, ``pág.`` and GOST's ``С.`` (a book's count of
  pages its ``p.`` or ``с.`` after the number); GOST's separators (``— ``, ``// ``) open
  no value; ``url`` spans give URLs (Markdown escapes removed); ``doi``
  spans (or a ``doi.org`` URL) give the bare DOI, and a DOI written as a URL is also listed
  among the URLs; ``accessed`` spans give an ISO date.

:func:`comparable` is what the benchmark compares: a value with white space squeezed, the
punctuation at its ends stripped and case folded.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Sequence

from ..dates import YEAR, month_number
from .features import GENRE_WORDS, JOURNAL_WORDS, ORG_WORDS, PARTICLES
from .tokens import Token

__all__ = ["comparable", "fields_of", "parse_date", "split_names"]


def _set(words: str) -> frozenset[str]:
    """The white-space separated words of ``words``."""
    return frozenset(words.split())


_ISO = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)-(\d\d)(?:-(\d\d))?(?!\d)")
_DOTTED = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](1[5-9]\d\d|20\d\d)(?!\d)")
_WORD = re.compile(r"[^\W\d_]+\.?")
_DAY = re.compile(r"(?<![\d.])(\d{1,2})(?:st|nd|rd|th|er|\.)?(?![\d])")
_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!'\"~|<>])")
_SPACE = re.compile(r"\s+")
_END_PUNCT = ".,;:"
_OPEN = {"'": "'", '"': '"', "‘": "’", "“": "”", "«": "»", "„": "“", "‚": "’"}
_CLOSERS = set(_OPEN.values()) | {"”", "’"}
_ABBREVIATIONS = _set("""
al ed eds inc ltd co corp jr sr st no vol etc dept univ natl int intl assoc govt bros
""")
GEO_WORDS = _set("""
russia armenia georgia kazakhstan kyrgyzstan uzbekistan tajikistan turkmenistan azerbaijan
ukraine belarus moldova europe asia africa america americas china india japan korea iran
iraq syria turkey türkiye germany france britain england scotland wales ireland italy
spain poland canada mexico brazil australia caucasus eurasia balkans arabia israel egypt
nigeria kenya pakistan afghanistan indonesia vietnam global ua kz ru uk us usa
""")
_ROLE = re.compile(
    r"\((?:eds?|hrsg|dir|coord|trans|transl|comp|ed\. and trans)\.?s?\)|"
    r"\b(?:edited|translated|compiled|introduced|directed|produced)\s+(?:and\s+\w+\s+)?by\b|"
    r"^\s*(?:by|ed|eds|hrsg|trans|transl|dir)\b\.?|"
    r",?\s*\b(?:eds?|hrsg|trans|transl|dir|comps?)\.?\s*$|"
    r"\bet\s+al\b\.?|\betal\b\.?|\bu\.\s*a\.|\[?\.\.\.\]?|…",
    re.IGNORECASE)


_HTML = re.compile(r"</?(?:italic|i|em|b|bold|strong|sup|sub|span|u)\s*/?>", re.IGNORECASE)


def strip_markdown(text: str) -> str:
    """``text`` without Markdown emphasis marks and escapes (nor HTML emphasis tags)."""
    if "<" in text:
        text = _HTML.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return text


#: A single quote that opens a quotation inside a text (apostrophes, ``nakazat'``, ``'s``, are
#: glued to the letter before them).
_INNER_OPENING = re.compile(r"(?:^|(?<=[\s(\[\"“]))'(?=\w)")


def _strip_ends(text: str) -> str:
    """Without surrounding white space, end punctuation, quotes, Markdown link brackets and
    GOST's separators (``— М.:``, ``// Вопросы экономики``)."""
    text = text.strip()
    for _ in range(6):
        before = text
        text = text.strip().rstrip(_END_PUNCT + " ").lstrip(_END_PUNCT + " ")
        if text[:1] in _GOST_ENDS or text[-1:] in _GOST_ENDS:
            text = _GOST_SEPARATOR.sub("", text)
        if (text.startswith("[") and text.endswith("]")) or (
                text.startswith("(") and text.endswith(")") and text.count("(") == 1):
            text = text[1:-1]
        elif text.endswith("]") and text.count("[") < text.count("]"):
            text = text[:-1]
        elif text.startswith("[") and text.count("[") > text.count("]"):
            text = text[1:]
        if len(text) >= 2 and text[0] in _OPEN and text[-1] == _OPEN[text[0]]:
            inner = text[1:-1]
            if text[0] != "'" or text[-2] in ".,;:?!" or not _INNER_OPENING.search(inner):
                text = inner
        elif text and text[-1] in _CLOSERS and (
                len(text) > 1 and (text[-2] in ".,;:?!" or text[0] not in _OPEN)):
            opener = [k for k, v in _OPEN.items() if v == text[-1]]
            if text[-2:-1] in (".", ",", ";", ":", "?", "!") or not any(
                    o in text[:-1] for o in opener):
                text = text[:-1]
        if text and text[0] in _OPEN and _OPEN[text[0]] not in text[1:]:
            text = text[1:]
        if text[:1] in "([" and text and {"(": ")", "[": "]"}[text[0]] not in text:
            text = text[1:]
        if text[-1:] in ")]" and text and text.count(text[-1]) > text.count(
                "(" if text[-1] == ")" else "["):
            text = text[:-1]
        if text == before:
            break
    return text.strip()


_GOST_SEPARATOR = re.compile(r"^(?:[—–]|//)\s*|\s+(?:[—–]|//)$")
_GOST_ENDS = "—–/"  # what a value may begin or end with that the separator pattern takes


def _keep_abbreviation(original: str, stripped: str) -> str:
    """Put back the full stop of an abbreviation that ends ``stripped`` (``Am. J. Anat.``)."""
    rest = original.rstrip()
    while rest and rest[-1] in "'\"’”*_":
        rest = rest[:-1]
    if not rest.endswith(".") or stripped.endswith("."):
        return stripped
    m = re.search(r"([^\W\d_]+)$", stripped)
    if not m:
        return stripped
    last = m.group(1)
    if len(last) == 1 or last.lower() in _ABBREVIATIONS or (
            len(last) <= 5 and "." in stripped and re.search(r"\b\w{1,5}\.\s", stripped)):
        return stripped + "."
    return stripped


def clean(text: str, keep_abbreviation: bool = False) -> str:
    """A span's value: Markdown stripped, white space squeezed, ends tidied."""
    text = _SPACE.sub(" ", strip_markdown(text)).strip()
    out = _strip_ends(text)
    if keep_abbreviation:
        out = _keep_abbreviation(text, out)
    return out


def comparable(value: object) -> object:
    """A field value as the benchmark compares it (strings squeezed, stripped, case-folded)."""
    if value is None:
        return None
    if isinstance(value, list):
        return [comparable(v) for v in value]
    if isinstance(value, dict):
        return comparable(value.get("family") or value.get("literal") or "")
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", _SPACE.sub(" ", value)).casefold()
        text = text.replace("–", "-").replace("—", "-")
        text = re.sub(r"^[\W_]+|[\W_]+$", "", text)
        return text or None
    return value


# --- names --------------------------------------------------------------------------------

_INITIALS = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-Я][a-zа-я]?\.?-?\s*)+$")
#: One word of initials: ``JA``, ``И.``, ``I.I.``, ``J.-P.``
_INITIAL_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁ]{1,3}|(?:[A-ZÀ-ÖØ-ÞА-ЯЁ]\.-?){1,3}|[A-Z]-[A-Z]"
                           r"|(?:[A-ZÀ-ÖØ-ÞА-ЯЁ]\.-?){1,2}[A-ZÀ-ÖØ-ÞА-ЯЁ])$")
_VANCOUVER_INITIALS = re.compile(r"^[A-ZÀ-ÖØ-ÞА-Я]{1,3}$")


def _is_initials(piece: str) -> bool:
    return bool(_INITIALS.match(piece)) and any(c.isupper() for c in piece)


def _words(piece: str) -> list[str]:
    return piece.split()


#: Words of organisations' names in other languages (read when splitting names only: the
#: labeller's features are :data:`~footcheck.citations.features.ORG_WORDS`).
_ORG_WORDS_ABROAD = _set("""
banco banque ministerio ministère agencia agence instituto fondo fonds comisión consejo
conseil gobierno gouvernement organización bundesamt ministerium stiftung regierung verband
министерство комитет агентство банк бюро служба фонд институт центр правительство совет
управление организация комиссия академия университет
""")


def _org_like(piece: str, alone: bool) -> bool:
    words = _words(piece)
    if not words:
        return False
    if alone and len(words) == 1 and not _is_initials(piece):
        return True
    if words[0].lower() in ("the", "la", "le", "les", "el", "der", "die", "das") and len(words) > 1:
        return words[0][0].isupper()
    if any(ch.isdigit() for ch in piece):
        return True
    if re.search(r"\b[A-Z]{2,}[a-z]*[A-Z]", piece):  # VKPress, ArmenPress-like
        return True
    for w in words:
        low = w.strip(".,").lower()
        if low in ORG_WORDS or low in _ORG_WORDS_ABROAD:
            return True
        if w[0].islower() and low not in PARTICLES and len(low) > 1 and low not in _AND_WORDS:
            return True
        if len(w) >= 2 and w.isupper() and w.isalpha() and len(words) > 1 and (
                not _VANCOUVER_INITIALS.match(words[-1]) or len(w) > 3):
            return True
    if words[-1].strip(".,").lower() in GEO_WORDS:
        return True
    return bool(alone and len(words) == 1 and words[0].isupper() and len(words[0]) > 1)


_SUFFIX = re.compile(r"^(?:Jr|Sr|Jnr|Snr|II|III|IV)\.?$")


def _person_first_last(piece: str) -> dict[str, str]:
    words = _words(piece)
    if len(words) > 2 and _SUFFIX.match(words[-1]):  # 'T. Brennan Jr.'
        suffix = words[-1] if words[-1].endswith(".") or words[-1].isupper() else words[-1] + "."
        return {**_person_first_last(" ".join(words[:-1])), "suffix": suffix}
    # initials after the family name: Vancouver's "Smith JA", GOST's "Иванов И. И.",
    # "Ivanov I.I."
    given = len(words)
    while given > 1 and _INITIAL_WORD.match(words[given - 1]):
        given -= 1
    if given < len(words) and not _is_initials(words[0]) and all(
            w.endswith(".") for w in words[given:-1]):
        return {"family": " ".join(words[:given]), "given": " ".join(words[given:])}
    if len(words) == 1:
        return {"family": words[0]}
    k = len(words) - 1
    while k > 1 and words[k - 1].lower() in PARTICLES and words[k - 1][0].islower():
        k -= 1
    family = " ".join(words[k:])
    given = " ".join(words[:k])
    return {"family": family, "given": given}


def _given_like(piece: str) -> bool:
    words = _words(piece)
    if not words or len(words) > 3:
        return False
    if _is_initials(piece):
        return True
    if len(words) == 1:
        return words[0][0].isupper()
    return all(_is_initials(w) for w in words[1:]) and words[0][0].isupper()


def _family_like(piece: str) -> bool:
    words = _words(piece)
    if not words or _is_initials(piece):
        return False
    if len(words) == 1:
        return True
    return all(w[0].islower() for w in words[:-1]) or (len(words) == 2 and not any(
        _is_initials(w) for w in words))


#: What parts names in a list: a comma, ``and`` (``und``, ``et``, ``with``), ``&``; the
#: one-letter ``y``, ``e``, ``i`` and ``и`` only in small letters (``Hartwell E and Okonkwo
#: C``: ``E`` is an initial).
_SEPARATORS = re.compile(r"\s*,\s*|\s+(?:(?i:and|und|et|with)|y|e|i|и)\s+|\s*&\s*|"
                         r"\s*\b(?i:and)\b\s*$")


_AND_WORDS = frozenset(("and", "und", "et", "y", "with"))
_LEADING_AND = re.compile(r"^(?:and|und|et|y|&)\s+", re.IGNORECASE)
#: Words that lead into a citation (``see also``, ``cf.``), read with the author's name that
#: follows them.
_LEAD_IN = re.compile(
    r"^(?:(?:see|also|cf|compare|e\.\s?g|for\s+example|vgl|см\.?)\b(?:[.,:]+\s*|\s+))+(?=\S)",
    re.IGNORECASE)


def split_names(span: str, capitals: bool = True) -> list[dict[str, str]]:
    """The people (``family``/``given``) or organisations (``literal``) named in ``span``
    (``capitals``: whether a span set in capitals may be read again in title case)."""
    text = clean(span)
    text = _ROLE.sub(" ", text)
    text = _SPACE.sub(" ", text).strip(" ,;:.")
    text = re.sub(r"(\w)- (\w)", r"\1-\2", text)
    text = re.sub(r"\s*\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)\s*$", "", text)
    text = _LEAD_IN.sub("", text)
    if not text:
        return []
    words = [w for w in _LETTERS.findall(text) if w.lower() not in _AND_WORDS]
    if capitals and len(words) >= 2 and all(w.isupper() for w in words) and \
            any(len(w) > 1 for w in words):
        # A name set in capitals (``MÜLLER, JAN``) is read as written in title case, then
        # given back in capitals: case alone does not make an organisation.
        return [{k: v.upper() for k, v in name.items()}
                for name in split_names(_title_case(span), capitals=False)]
    chunks = [c.strip(" ,.") for c in text.split(";")] if ";" in text else [text]
    chunks = [c for c in chunks if c]
    out: list[dict[str, str]] = []
    if len(chunks) > 1:
        for chunk in chunks:
            out.extend(_names_of(chunk, alone=False, single=True))
    else:
        out = _names_of(text, alone=True, single=False)
    for name in out:  # the full stop of a final initial went with the span's end punctuation
        given = name.get("given", "")
        if _LONE_INITIAL.search(given) and given + "." in span:
            name["given"] = given + "."
    return out


_LETTERS = re.compile(r"[^\W\d_]+")


def _title_case(text: str) -> str:
    """Each word with a capital first letter and small letters after (``MÜLLER`` -> ``Müller``;
    ``J.-P.`` stays)."""
    return _LETTERS.sub(lambda m: m.group().capitalize(), text)


_LONE_INITIAL = re.compile(r"(?:^|[\s.-])[^\W\d_]$")


_SHORT_FAMILY = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zà-ÿ]$")
_INITIALS_THEN_NAME = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ]\.\s*-?\s*)+[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+$")


def _relabel(runs: list[list], start: int, end: int, new: list[list]) -> None:
    """Give the text from ``start`` to ``end`` the ``new`` runs, in place: the runs it cuts
    keep what lies outside it."""
    out: list[list] = []
    for label, a, b in runs:
        if a < start:
            out.append([label, a, min(b, start)])
        if b > end:
            out.append([label, max(a, end), b])
    runs[:] = sorted(out + new, key=lambda run: run[1])


def _org_word_in(text: str) -> bool:
    """Whether a word of ``text`` is one organisations' names have (``Institute``)."""
    return any(w.lower() in ORG_WORDS for w in _LETTERS.findall(text))


def _title_not_names(text: str) -> bool:
    """Whether ``text``, read as the authors, is rather a title: no comma, ampersand or
    initial, and five words or more, one a small word inside (``as``, ``on``, ``for``; not a
    name's ``de``, ``van``), no word an organisation's name has (``Institute``,
    ``Department``), or three words or more with a subtitle after a colon."""
    words = _LETTERS.findall(text)
    if len(words) < 3 or re.search(r"[,&;]|\b[A-Z]\.", text) or _FAMILY_THEN_INITIALS.match(text):
        return False
    if re.search(r"[^\W\d_]:\s+[A-Z]", text):
        return True
    return len(words) >= 5 and any(w.islower() and w not in _NAME_SMALL_WORDS
                                   for w in words[1:]) and not _org_word_in(text)


#: A family name and initials without full stops, then ``and`` or nothing more
#: (``Hoffmann S and Vogt M``): names, not a title.
_FAMILY_THEN_INITIALS = re.compile(r"\s*[^\W\d_][\w'’-]*\s+[A-Z]{1,3}(?:\s+(?:and|und|et)\s|\s*$)")
#: The small words inside a person's name (``María de los Ángeles``, ``van der``).
_NAME_SMALL_WORDS = PARTICLES | {"los", "las", "do", "e", "i"}


def _unparticled(given: str) -> tuple[str, str]:
    """Given names and the particle a style set after them (``Anneke van den``)."""
    words = _words(given)
    k = len(words)
    while k > 1 and words[k - 1] in PARTICLES and words[k - 1][0].islower():
        k -= 1
    return " ".join(words[:k]), " ".join(words[k:])


def _capitals(piece: str) -> bool:
    """A family name set in capitals: ``MARTINS``, ``DE VRIES`` (not initials)."""
    letters = [w for w in _LETTERS.findall(piece)]
    return bool(letters) and all(w.isupper() for w in letters) and any(len(w) > 1
                                                                       for w in letters)


def _names_of(text: str, alone: bool, single: bool) -> list[dict[str, str]]:
    pieces = [p.strip(" .") if not _is_initials(p.strip()) else p.strip()
              for p in _SEPARATORS.split(text)]
    pieces = [_LEADING_AND.sub("", p) for p in pieces]
    pieces = [p for p in pieces if p and p.lower() not in ("and", "&", "others")]
    if not pieces:
        return []
    if alone and len(pieces) == 1 and _org_like(pieces[0], alone=True):
        return [{"literal": pieces[0]}]
    if alone and _org_like(text, alone=False) and not any(
            _given_like(p) and len(_words(p)) > 1 for p in pieces[1:]) and \
            "," not in text and "&" not in text:  # (one word after "and" is no person)
        return [{"literal": text.strip(" .")}]
    if single and len(pieces) == 2 and _given_like(pieces[1]):
        return [{"family": pieces[0], "given": pieces[1]}]
    out: list[dict[str, str]] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if nxt is not None and _capitals(p) and not _capitals(nxt) and 1 <= len(
                _words(nxt)) <= 3 and all(w[0].isupper() for w in _words(nxt)):
            out.append({"family": p, "given": nxt})  # ISO 690's 'MARTINS, Lucas and TAN, Omar'
            i += 2
        elif _org_like(p, alone=False) and not (nxt and _given_like(nxt) and _family_like(p)):
            out.append({"literal": p})
            i += 1
        elif nxt is not None and _family_like(p) and _given_like(_unparticled(nxt)[0]) and not (
                len(_words(p)) == 1 and _VANCOUVER_INITIALS.match(nxt.replace(".", ""))
                and len(_words(nxt)) > 1):
            given, particle = _unparticled(nxt)  # 'Berg, Anneke van den'
            out.append({"family": f"{particle} {p}" if particle else p, "given": given})
            i += 2
        elif _SUFFIX.match(p) and out and "family" in out[-1]:  # 'Brennan, T., Jr.'
            out[-1]["suffix"] = p if p.endswith(".") or p.isupper() else p + "."
            i += 1
        elif i == 0 and nxt is not None and len(_words(p)) == 1 and p[1:].islower() and (
                2 <= len(_words(nxt)) <= 3 and all(w[0].isupper() and not _is_initials(w)
                                                   for w in _words(nxt))
                and not _org_like(nxt, alone=False)):
            out.append({"family": p, "given": nxt})  # 'Ferreira, Ana Luísa, and …'
            i += 2
        elif nxt is not None and _SHORT_FAMILY.match(p) and _is_initials(nxt):
            out.append({"family": p, "given": nxt})  # 'Li, X.': a name, not initials
            i += 2
        elif _INITIALS_THEN_NAME.match(p):  # 'O. Li', 'X. Wu': a name, not initials
            out.append(_person_first_last(p))
            i += 1
        elif _is_initials(p):
            if out and "given" not in out[-1] and "family" in out[-1]:
                out[-1]["given"] = p
            i += 1
        else:
            out.append(_person_first_last(p))
            i += 1
    return out


# --- dates ----------------------------------------------------------------------------------

def parse_date(text: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) named in ``text``, each None when absent."""
    text = strip_markdown(text)
    m = _ISO.search(text)
    if m:
        month = int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
        if day is None and month == (int(m.group(1)) + 1) % 100:
            month = 0  # "2010-11" is a span of two years, not November 2010
        if 1 <= month <= 12:
            return int(m.group(1)), month, day if day and 1 <= day <= 31 else None
    m = _DOTTED.search(text)
    if m:
        d, mo = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return int(m.group(3)), mo, d
    ym = YEAR.search(text)
    year = int(ym.group()) if ym else None
    month = None
    month_at = None
    for w in _WORD.finditer(text):
        key = w.group().rstrip(".").lower()
        number = month_number(key)
        if number is not None:
            if key == "may" and w.group()[0].islower() and len(text) > 12:
                continue
            month = number
            month_at = w.span()
            break
    day = None
    if month is not None and month_at is not None:
        best = None
        for d in _DAY.finditer(text):
            if ym and ym.start() <= d.start() < ym.end():
                continue
            value = int(d.group(1))
            if not 1 <= value <= 31:
                continue
            gap = min(abs(d.start() - month_at[1]), abs(month_at[0] - d.end()))
            if gap <= 3 and (best is None or gap < best[0]):
                best = (gap, value)
        if best:
            day = best[1]
    return year, month, day


def iso(year: int | None, month: int | None, day: int | None) -> str | None:
    """The date in ISO 8601 with the precision given; a day the month does not have
    (``30 February``) is dropped, leaving the month: dates are never invented."""
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None or day > calendar.monthrange(year, month)[1]:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _date(spans: list[str]) -> tuple[int | None, str | None]:
    parsed = [parse_date(s) for s in spans]
    year = next((y for y, _, _ in parsed if y is not None), None)
    month = day = None
    for y, mo, d in parsed:
        if mo is not None and (y is None or y == year):
            month, day = mo, d
            break
    if year is None:
        return None, None
    return year, iso(year, month, day)


# --- the other fields -----------------------------------------------------------------------

_VOLUME = re.compile(r"\b(?:vol(?:ume)?|bd|band|jg|tome?|t|v|т)\.?\s*([\w-]*\d[\w-]*|[IVXLCDM]+\b)",
                     re.IGNORECASE)
_ISSUE = re.compile(r"(?:\b(?:no|nos|nr|num|number|issue|iss|n|h|heft|вып)\.?:?|№)\s*"
                    r"([\w/-]*\d[\w/-]*)", re.IGNORECASE)
_PAREN_ISSUE = re.compile(r"\(\s*([^()]+?)\s*\)")
_LEAD_NUMBER = re.compile(r"^\W*([\w-]*\d[\w-]*|[IVXLCDM]+\b)")
_TRAILING_VOLUME = re.compile(r"(?:,\s*|\s+)(?:vol\.?\s*)?(\d{1,4})\s*[,.:]?\s*$", re.IGNORECASE)
_YEAR_VOLUME = re.compile(r"^\s*(1[5-9]\d\d|20\d\d)\s*(?:[A-Z][a-z]{2}\s*)?[;]\s*")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"“”]+")
_DOI = re.compile(r"10\.\d{4,9}/[^\s<>\"“”]+")
#: What names pages before their numbers (``pp.``, ``S.``, ``pág.``, GOST's ``С.``) or after
#: a book's count of them (``256 p.``, ``256 с.``).
_PAGES = re.compile(r"^(?:at\s+)?(?:pages?|paras?|p[áa]gs?|pp?|s|ss|seiten?|str|at|с|стр)"
                    r"\.?\s*"
                    r"|(?<=\d)\s*(?:pp?|pages|p[áa]gs|s|seiten|с|стр)\.?$", re.IGNORECASE)


_GENRE_NUMBER = re.compile(r"(?<=[^\W\d])[\s,]+(?:(?:no|nr|number|n°|nº)\.?:?\s*)?"
                           r"((?-i:[A-Z]{1,6}[-\s]?)?\d+(?:[-/.]\d+)*[a-z]?)$", re.IGNORECASE)
#: A report's series and number in brackets after its title, as APA writes them:
#: ``Title (Rapport public thématique 2016-04)``, ``Title (Report GAO-00-118)``.
_TITLE_SERIES = re.compile(r"(.*\S)\s*\((?!(?:vol|volume|ed|edn|edition|pp?)\b)"
                           r"([^\W\d][^()]{2,60}?)\s+((?:no\.?\s*)?(?-i:[A-Z]{0,6}-?)\d"
                           r"[\w./-]*)\)\.?", re.IGNORECASE)


def _volume_issue(text: str) -> tuple[str | None, str | None]:
    text = strip_markdown(text)
    volume = issue = None
    m = _VOLUME.search(text)
    if m:
        volume = m.group(1)
    m = _ISSUE.search(text)
    if m:
        issue = m.group(1)
    else:
        m = _PAREN_ISSUE.search(text)
        if m and (volume or _LEAD_NUMBER.match(text[: m.start()])):
            issue = m.group(1)
    if volume is None:
        head = text
        im = _ISSUE.search(text) or _PAREN_ISSUE.search(text)
        if im:
            head = text[: im.start()]
        m = _LEAD_NUMBER.match(head)
        if m:
            volume = m.group(1)
    return volume, issue


def _url_of(text: str) -> list[str]:
    text = _ESCAPE.sub(r"\1", text)
    found = []
    text = text.replace("](", " ")
    for m in _URL.finditer(text):
        url = m.group().rstrip(".,;:'\"’”*_>")
        while url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        while url.endswith("]") and url.count("[") < url.count("]"):
            url = url[:-1]
        url = url.rstrip(".,;:'\"’”*_>")
        found.append(url)
    if not found:
        bare = clean(text).strip("<>()[] ")
        if "." in bare and " " not in bare and len(bare) > 3:
            found.append(bare)
    return found


def _doi_of(text: str) -> str | None:
    m = _DOI.search(text)
    if not m:
        return None
    return m.group().rstrip(".,;:'\"’”*_>)]")


#: A title that is the parties of a case: ``Smith v. Jones``, ``R v Brown`` (a ``v`` inside a
#: title is a preposition: ``… RF v SNG …``, ``v Kazahstan``).
_PARTIES = re.compile(r"^(?:[A-Z][\w'.-]*\s+)+v\.?\s+[A-Z]")


def _type(f: dict, quoted: bool = False) -> str:
    """The CSL type the fields tell (``quoted``: the title was written in quotes, as the
    title of a part is: an article, a chapter, a page)."""
    genre = (f.get("genre") or "").lower()
    container = f.get("container")
    title = (f.get("title") or "").lower()
    note = (f.get("note") or "").lower()
    if re.search(r"thesis|dissertation|phd|ph\.d|diss\.|master'?s", genre + " " + note):
        return "thesis"
    parties = _PARTIES.search(f.get("title") or "")
    if re.search(r"\b(?:act|bill|regulation|directive|decree|law|statute|treaty|judg[e]?ment|"
                 r"v\.|case|court)\b", genre) or parties or re.search(
            r"\[\d{4}\]\s+\w+|\b(?:act|regulation|directive)\s+(?:\d{4}|\(eu\))", title):
        return "legal_case" if parties or re.search(r"\[\d{4}\]", title) else "legislation"
    if not f.get("author") and _CODE_SECTION.search(title):
        return "legislation"  # "50 U.S.C. § 4819", "Exec. Order No. 14,024"
    if re.search(r"report|working paper|policy brief|discussion paper|briefing|paper series|"
                 r"occasional paper|technical|bericht|rapport|informe", genre):
        return "report"
    if container and not f.get("volume") and _CONFERENCE.search(container):
        return "paper-conference"
    if (f.get("editor") and container) or (container and (
            f.get("_in") or f.get("publisher")) and not f.get("volume")):
        return "chapter"
    if container:
        if f.get("volume") or (f.get("pages") and not f.get("url")):
            return "article-journal"
        date = f.get("date") or ""
        if len(date) == 10 or f.get("url"):
            return "article-newspaper"
        return "article-journal"
    if f.get("publisher") or f.get("edition") or f.get("editor") or f.get("translator") or (
            f.get("place") and not (
            f.get("url") and len(f.get("date") or "") == 10)):  # (a web document's day)
        if re.search(r"report|paper|brief|review|survey|assessment|outlook|update|"
                     r"strategy|index", title):
            return "report"
        if quoted and f.get("url"):
            return "webpage"  # "'Title,' Institute. Available at: <url>": a page it published
        return "book"
    if f.get("url"):
        return "webpage"
    if genre:
        return "report" if "report" in genre else "document"
    return "document"


#: Vancouver's authors (``Family I``, the list closed by the full stop after the last
#: initials), then what follows them in the same run: ``Adeyemi F, Wang X, Thornbury S. Data
#: for Development:``.
_VANCOUVER_THEN = re.compile(
    r"\s*((?:[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}\s+[A-Z]{1,3},\s+)*"
    r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}\s+[A-Z]{1,3}\.)\s+([^\W\d_].*)",
    re.DOTALL)
#: Names written in full, given name first, closed by a full stop, then what follows them
#: in the same run: ``Folake Adeyemi, Xiaoming Wang, Samuel Thornbury. Data for``.
_NAMES_THEN_SENTENCE = re.compile(
    r"\s*((?:[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){1,3},\s+)*"
    r"[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){1,3})\.\s+([^\W\d_].*)", re.DOTALL)
#: Authors as ``Family, I.`` (``Adeyemi, F., Wang, X. & Thornbury, S.``), then what follows
#: them in the same run.
_FAMILY_INITIALS_THEN = re.compile(
    r"\s*((?:[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3},\s*(?:[A-Z]\.\s*(?:-\s*)?){1,3}"
    r",?\s*(?:(?:&|and)\s+)?)+)\s*([^\W\d_].*)", re.DOTALL)


#: Names closed by ``et al.``, then more words in the same run: ``Folake Adeyemi et al.,
#: Data for Development:``.
_ET_AL_THEN = re.compile(r"\s*(.*?\bet\s+al\b\.?,?)\s+([^\W\d_].*)")
_ROLE_WORD = re.compile(r"(?i:eds?|edited|trans|tr|comp|hrsg|dir)\b")


def _given_first(piece: str) -> bool:
    """Whether ``piece`` names people given name first (``Margaret Ashdown``, ``Xiaoming Wang
    & Samuel Thornbury``): two to four capitalised words each, no initials last, not an
    organisation's name."""
    names = re.split(r"\s*(?:&|\band\b)\s*", piece)
    return not _org_like(piece, alone=False) and all(
        2 <= len(words := _words(name)) <= 4 and words[0][:1].isupper() and
        words[-1][:1].isupper() and not _is_initials(words[-1]) for name in names)


def _title_in_authors(text: str, runs: list[list]) -> None:
    """Give back to the title, in place, its first words read as more of the authors (the
    run of authors directly followed by the title run, by the book a chapter is ``in``, or by
    nothing):

    * after ``et al.`` (``Folake Adeyemi et al., Data for Development:``; not ``eds.``);
    * after a list of ``Family, I.`` (a name goes on with more initials, not with words):
      ``Adeyemi, F., Wang, X. & Thornbury, S. Data for Development:``;
    * after Vancouver's list, closed by the full stop of its last initials, when the list
      names two people or more, or what follows reads as a title (two words or more, not a
      name's particles; a word before a colon; a small word): ``Adeyemi F, Wang X, Thornbury
      S. Data for Development:``, ``Caldwell R. Green Industrial Strategy:``, or when the run
      of authors ends inside a phrase, with no stop nor comma (``Whitcombe A. NATO`` |
      ``Burden-Sharing…``; ``Kenneth W. Abbott,`` is one name);
    * after names written in full, given name first, closed by a full stop (``Andrew
      Whitcombe. NATO``, ``Folake Adeyemi, Xiaoming Wang, Samuel Thornbury. Data for``);
    * after names written given name first, before a title not set apart by quotes, the
      words after the last comma that no list of names ends with: one capitalised word
      (``Margaret Ashdown, Markets,`` | ``Morals and the Welfare State``; not ``Della Seta,
      Fabrizio,`` | ``“Gli esordi…”``), or words with a small one among them (``Sabine
      Hoffmann, Soziale Marktwirtschaft im Wandel,`` | ``in Deutschland in Europa``); before
      a subtitle's colon, after such names or a ``Family, Given`` pair, words opening with an
      article or linking two (``Auner, Joseph, A Schoenberg Reader:``, ``N. Abdullaeva, Silk
      and Steel:``; not ``MÜLLER, Hans Peter:``).
    """
    if not runs or runs[0][0] != "author" or (len(runs) > 1 and runs[1][0] != "title" and not (
            runs[1][0] == "container" and _IN.match(text[runs[1][1]:runs[1][2]]))):
        return
    start, end = runs[0][1], runs[0][2]
    cut = None
    et_al = _ET_AL_THEN.fullmatch(text, start, end)
    m = _FAMILY_INITIALS_THEN.fullmatch(text, start, end) or \
        _VANCOUVER_THEN.fullmatch(text, start, end)
    named = _NAMES_THEN_SENTENCE.fullmatch(text, start, end)
    if et_al and not _ROLE_WORD.match(et_al[2]):
        cut = et_al.start(2)  # "Folake Adeyemi et al., Data for Development:"
    elif named and all(_given_first(name) for name in re.split(r",\s*", named[1])) and \
            not _SUFFIX.match(named[2].split()[0]) and not _given_first(named[2].rstrip(" .,:")):
        cut = named.start(2)  # "Andrew Whitcombe. NATO": AMA's full names end at a full stop
    elif m:
        words = _LETTERS.findall(m[2])
        if any(len(w) >= 3 for w in words) and not _SUFFIX.match(m[2].split()[0]) and \
                not re.search(r"\b(?:et\s+al|and|eds?|trans|tr|comp)\b|&|(?:^|\s)[A-Z]{1,3}[,.]",
                              m[2]) and (
                m.re is _FAMILY_INITIALS_THEN or "," in m[1] or m[2].rstrip().endswith(":")
                or text[end - 1].isalnum()  # "Whitcombe A. NATO" | "Burden-Sharing…"
                or len([w for w in m[2].split() if w.lower() not in PARTICLES]) >= 2 or
                any(w.islower() and len(w) > 2 and w not in PARTICLES for w in words[1:])):
            cut = m.start(2)
    else:
        pieces = [p for p in re.finditer(r"[^,]+", text[start:end]) if p[0].strip()]
        if len(pieces) >= 2 and (len(runs) == 1 or text[runs[1][1]].isalpha()):
            last, before = pieces[-1][0].strip(), pieces[-2][0].strip()
            words = _words(last)
            one_word = re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ]{2,}", last) and not _SUFFIX.match(last)
            wordy = len(words) >= 2 and words[0][:1].isupper() and any(
                w.islower() and w not in _NAME_SMALL_WORDS | _AND_WORDS for w in words[1:])
            # before a subtitle: an article first, a linking word inside, or four words or
            # more ("A Schoenberg Reader:", "Silk and Steel:"; not "Hans Peter:")
            titled = last.endswith(":") and len(words) >= 2 and (
                words[0].lower() in _ARTICLES | {"an"} or len(words) >= 4 or
                any(w.islower() and w not in _NAME_SMALL_WORDS for w in words[1:]))
            given_first = _given_first(before)
            family_given = len(pieces) == 3 and _family_like(pieces[0][0].strip()) and \
                _given_like(before)  # "Auner, Joseph,"
            if ((one_word or wordy) and given_first) or (titled and (given_first or family_given)):
                cut = start + pieces[-1].start() + len(pieces[-1][0]) - len(pieces[-1][0].lstrip())
    if cut is None:
        return
    if len(runs) > 1 and runs[1][0] == "title":
        runs[1][1] = cut
    else:
        runs.insert(1, ["title", cut, end])
    runs[0][2] = start + len(text[start:cut].rstrip())


#: The words for the day a page was read, then that day (``Accessed: Aug. 15, 2024``,
#: ``abgerufen am 20.07.2024``, ``consulté le 3 mai 2023``).
_ACCESSED_ON = re.compile(
    r"\b(?:last\s+)?(?:accessed(?:\s+on)?|retrieved(?:\s+on)?|viewed(?:\s+on)?|"
    r"consulted(?:\s+on)?|visited(?:\s+on)?|consulté\s+le|abgerufen\s+am|zugegriffen\s+am|"
    r"zugriff\s+am|acesso\s+em|accès\s+le|consultado\s+el|date\s+accessed)\b:?\s*"
    r"(?P<date>\d{1,2}\.?\s+[^\W\d_]+\.?,?\s+\d{4}|[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{4})", re.IGNORECASE)
#: Words one of which :data:`_ACCESSED_ON` needs (looked for first: cheaper).
_ACCESS_WORDS = ("accessed", "retrieved", "viewed", "consult", "visited", "abgerufen",
                 "zugegriffen", "zugriff", "acesso", "accès")
#: The medium a style names in brackets (Elsevier's ``[WWW Document]``, Vancouver's
#: ``[Internet]``, IEEE's ``[Online]``), with the punctuation after it: no part of a name.
_MEDIUM = re.compile(r"\s*\[(?:www document|online|internet|online resource|electronic resource|"
                     r"en ligne|электронный ресурс|e-?book|pdf|dataset|data set)\][.,;:]?",
                     re.IGNORECASE)
#: A question or exclamation mark set apart by a space, opening a run (French typography).
_SPACED_MARK = re.compile(r"([?!»])\s+")
#: The word that leads to an address, read as the end of the run before it: ``Climate
#: Policy Hub. URL``, ``Institute. Available at:``.
_URL_LEAD = re.compile(r"(?:[.,;]\s*|\s+)(?P<word>url|available(?:\s+(?:at|from|online))?|"
                       r"(?:verfügbar|abrufbar|online)\s+unter|disponible\s+(?:en|sur))\s*:?\s*$",
                       re.IGNORECASE)
#: A work's missing date, in brackets: ``(n.d.)``, ``(no date)``, ``[s.d.]``, ``(o. J.)``
_NO_DATE = re.compile(r"[(\[](?:n\.\s?d\.?|no date|s\.\s?d\.?|o\.\s?J\.?|sin fecha|sans date|"
                      r"ohne Jahr)[)\]]", re.IGNORECASE)
#: A year closing a journal's name, before its volume: ``Regional Policy Review 2017,``
_JOURNAL_YEAR = re.compile(r"\s+((?:1[5-9]|20)\d\d)[a-z]?\s*[,;]?\s*$")
#: The last part of a run after a full stop or a comma, and what closes the run.
_LAST_PART = re.compile(r"(?:(?:(?<=[^\W\d_]{2})|(?<=[^\W\d_][*_])|(?<=\d))[*_]?\.|,)\s+"
                        r"(?P<tail>[A-ZÀ-Þ][^.,;]*?)[\s.,;:]*$")
#: The last words of a name read apart from it, up to ACS's semicolon: ``Computing;``.
_PHRASE_END = re.compile(r"\s*([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3});\s*")
#: The words AMA sets after a journal's name before the day it was put online.
_PUBLISHED_ONLINE = re.compile(r"[.,]\s+((?i:published(?:\s+online)?|epub\s+ahead\s+of\s+print))"
                               r"[\s.:]*$")
#: A word of the name of a conference's proceedings.
_CONFERENCE = re.compile(r"\b(?:proceedings|proc\.|conference|symposium|workshop|congress|"
                         r"colloquium|meeting|actes|tagungsband|konferenz)\b", re.IGNORECASE)
#: Vancouver's date before the volume: ``1991;``, ``2021 Dec;``, ``2019 May 14;``.
_VANCOUVER_DATE = re.compile(r"\s*(?:1[5-9]|20)\d\d(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;")
#: A sentence's end inside a run, before a capital: after a word of four small letters or
#: more (not an abbreviation's ``Natl.``, ``J.``) or a year; a question or exclamation mark.
_BREAK_BEFORE_CAPITAL = re.compile(r"(?:(?<=[a-zà-ÿ]{4})\.|(?<=\d\d)\.|[?!])\s+(?=[A-ZÀ-Þ])")


def _journal_after_title(text: str, runs: list[list], k: int) -> None:
    """With the journal known to end ``runs[k]`` (its year and volume follow, or the title
    before it was cut at a quoted word), mend, in place, a title and journal read as one
    run: a title run holding its journal after its last sentence (``A Panel Analysis,
    1990–2015. Regional Policy Review``), or a journal run holding the end of the title
    before it (``Possible in Fragile States? Policy Sciences Forum`` after ``Is
    “Evidence-Based Policy”``)."""
    start, end = runs[k][1], runs[k][2]
    breaks = list(_BREAK_BEFORE_CAPITAL.finditer(text, start, end))
    if not breaks or len(text[breaks[-1].end():end].split()) > 8:
        return
    cut = breaks[-1]
    if runs[k][0] == "title" and all(run[0] != "container" for run in runs):
        runs[k:k + 1] = [["title", start, cut.start() + 1], ["container", cut.end(), end]]
    elif runs[k][0] == "container" and k and runs[k - 1][0] == "title":
        runs[k - 1][2] = cut.start() + 1
        runs[k][1] = cut.end()


def _oscola_imprint(text: str, runs: list[list], k: int, m: re.Match) -> None:
    """Read, in place, OSCOLA's imprint ``m`` found in ``runs[k]``: the publisher and the
    year; before it, the rest of a title the run cut (``Les politiques du`` | ``logement en
    Europe (Éditions du Quai 2008)``); after it, a report's series and number (``Research
    Report 11``) or the page cited (``45``)."""
    label, start, end = runs[k]
    new = []
    if start < m.start() and text[start:m.start()].strip():
        if label == "note" and k and runs[k - 1][0] == "title" and text[start].islower():
            runs[k - 1][2] = m.start()  # "Les politiques du | logement en Europe"
        else:
            new.append([label, start, m.start()])
    new += [["publisher", *m.span("publisher")], ["date", *m.span("year")]]
    if m.end() < end and text[m.end():end].strip():
        if series := _SERIES_ALONE.fullmatch(text, m.end(), end):
            new += [["genre", *series.span("genre")], ["volume", series.start("number"), end]]
        elif page := _PAGE_ALONE.fullmatch(text, m.end(), end):
            new.append(["pages", page.start(1), end])
        else:
            new.append([label, m.end(), end])
    runs[k:k + 1] = new


def _repair(text: str, runs: list[list]) -> None:
    """Mend, in place, readings the labeller gets wrong where the order of the parts of a
    citation tells. ``runs`` are ``[label, start, end]`` of each run of one label in ``text``.

    * a word that leads into a citation read as its author (``Vgl. | Deshpande | 2014``),
      the name after it read as an outlet or a title before the date: a note, then the
      author;
    * a question or exclamation mark or a closing guillemet set apart by a space (French
      typography's ``budgétaire ? In: Le Carnet``) ends the run before, not the one it opens;
    * the medium a style names in brackets (``[WWW Document]``, ``[Internet]``) and the word
      that leads to an address (``Climate Policy Hub. URL https://…``) are no part of the
      run they were read in;
    * the day a page was read (``Accessed: Aug. 15, 2024``) read as another run, its date or
      a place, is the access date;
    * a missing date in brackets (``(no date)``, ``(n.d.)``) read as part of another run is
      the date, and a name after it in the title's run the site (Harvard's ``Title (no
      date) Site.``);
    * ``Organisation (2023). Title.``, the author-date lead of Harvard and APA, read as two
      titles: a title run directly followed by a year in brackets (or opening the citation,
      by a year: ``Cour des comptes publics. 2016. Rapport…``), with another title after it
      and no author before, is the author;
    * the same read as a date and a note: with an author and a date and no title nor
      container, the first note run after them (not a URL's label) is the title;
    * a newspaper's name after a title's last comma, before the date or the address
      (``La reforma … al Gobierno, Diario del Sur (2018).``, :func:`_outlet_like`), or any
      name before the volume (``… Permanent Problem, Information and Computation, 84``); a
      publisher after the last comma of a title read as the publisher (``Photovoltaic
      Materials, Imperial College Press, 1998``);
    * a work with no author cited by its title first: with no title read, a first author
      run that reads as a title (:func:`_title_not_names`) is the title; an author run and
      a title run with nothing between them are one title (``Frequently Asked`` |
      ``Questions on Carbon Pricing.``); an unquoted title followed only by a date with its
      month, an access date or an address holds its site or outlet after its last sentence,
      when that reads as a name (``Inflation Dashboard: Monthly Indicators. Brookfield
      Institute. Accessed…``), or, whatever follows, as a newspaper's name (``… Social Care
      Funding. The Northern Chronicle.``, :func:`_masthead`);
    * an outlet read as more of a quoted title: what follows the quote that closes the title
      is the container, when there is no other and it reads as a name (``'Rents in Almaty,'
      Outlet. 1 May.``, ``‘La reforma…’ Diario del Sur``, ``'Batumi's Property Rush'
      *Georgia Today*``; not ``'Quoted part.' Relokanty sdelali zhizn'…``);
    * a title cut at a quoted word inside it: an unquoted title that ends with a closing
      quote, followed by a container that opens with a small word, goes on through it
      (``Emigration sparks a 'reckoning' in Central Asia.``; a newspaper after its last
      comma stays the outlet), or up to the container's last sentence (``Is
      “Evidence-Based Policy” Possible in Fragile States? Policy Sciences Forum``);
    * a subtitle cut off a quoted title: a container run that opens with a colon right after
      the title continues the title up to the quote that closes it (``"We're All Hostages
      Here": Wanted …,' The Moscow Times``);
    * a pinpoint's word read as more of the title: an emphasised title followed only by
      ``at``, ``p.``, ``para.``… ends with its emphasis (``*Trudeau II Report* at paras.
      51–55``);
    * a name and a quoted title read as a note: with no title nor container, a first note
      run that opens with a name, a comma and a quoted phrase is the author and the title
      (``Wikipedia, „Open Source“, unter: https://…``);
    * a date read as a note: with no date run, a note run that is a whole date (a day, a
      month and a year) is the date, and a place before it the place
      (``Tbilisi, 29 September 2023``, OSCOLA's ``(Tbilisi, 7 April 2023)``);
    * an organisation read as more of the title it publishes: with no author, a title run
      that opens with words outside emphasis, then a comma, then an emphasised or quoted
      title (``Institute for Development of Freedom of Information, *Kakheti Outlook
      2019*``, ``Cour des comptes publics, ‘Rapport sur …’``) is the author, then the title;
    * an issue read as a date: a number in brackets that is no year, right after the
      volume, is more of the volume (``Eurasia Daily Monitor 20, (160).``);
    * an outlet read as a genre: after a quoted title and before the date, with no
      container, a name ending with a genre word is the outlet (``"Title." EVN Report, 12
      Jan. 2023``; not ``Policy Brief``);
    * a kind of document inside a name (``Yusupova press release, Guzel.``) names no
      genre;
    * a volume read as pages: a number right after the container, then the date, then the
      pages, is the volume (``*Caucasus Analytical Digest* 131 (2023): 9–14.``);
    * pages read as more of the date: what follows the bracket closing an imprint's year,
      when no pages were read and only addresses follow, is the pages (``(Budapest:
      Institute, 2022), 8.``; ``Fall 2023. 8.``; ``(26 June 2018) 41 <https://…>``), and so
      is what follows an issue's bracket and a colon in the volume (``39 (3): 17.``) or a
      space after it (``Cybernetics, 50 363-396,``); a year after the pages, with no date
      read, is the date (``Crisis 26: 1-3, 2005``);
    * a series read as the end of the title: ``, Report No. 14,`` closing a title run (with
      no genre nor volume read) is the genre and the number; read as the outlet
      (``Forschungsbericht 3. Bundesministerium für …``), the genre, the number and the
      publisher; after the publisher and its place in one outlet before the number (IEEE's
      ``Centre for Social Futures, Policy Brief | 5``) or with it (``Bundesministerium für
      …, Berlin, Forschungsbericht 3``), the publisher, the place, the genre (and number);
    * a place read as the end of the title in the agency style: between an author and the
      date, with no place nor publisher read, a title ending with a comma and one or two
      capitalised words ends before them, which are the place (``Bank, Energy Sector
      Strategy, Beijing, 2022``), and so does one before the publisher, with no place read
      (``…Policy in Uzbekistan, Abingdon, Taylor & Francis``; not ``…, Second Edition``);
    * a title's first words read as more of the authors (:func:`_title_in_authors`);
    * a year read as the end of the journal's name, with no date read: a title or
      container run ending with a year (not a month's) right before the volume ends before it
      (ACS's ``Regional Policy Review 2017, 12 (4), 201–230``), and the journal read as
      more of the title (or the title's end as more of the journal) is parted at the last
      sentence (:func:`_journal_after_title`), as it is before Vancouver's ``1991;``; a
      title's last sentence ending with a linking word (``Exports. Trade and`` |
      ``Development Review``) opens the journal's name;
    * a chapter and the book it is in read as one title: ``Title. In Book`` (with no
      container read); the book read as a second title after its editors (``Title, in:
      Rahman, N. (Ed.), Book.``) is the container;
    * a name read apart from its last words, which run on to ACS's semicolon (``In
      Proceedings of the Conference on Public Sector`` | ``Computing; Digital…``), takes
      them back; AMA's ``Published online`` ends no journal's name; a conference's year
      read as a second date after its proceedings' name ends the name, when the citation's
      date gives that year;
    * the society that publishes a conference's proceedings, read as the end of their name
      (``In: Proceedings of the Conference on …. Digital Government Society;``), is the
      publisher;
    * a number read apart from a title or an outlet whose last word leads on to it
      (``Crisis and Recovery: Europe after`` | ``2008 (pp. 89–115)``) is more of it;
    * the Bluebook's book or chapter ``in`` a book: the page after the title and, in
      brackets before the year, the editors, the translator, the edition or the publisher
      (``Handbook of Social Policy 308 (Anneke van den Berg & Hiroshi Sato eds., 2020)``);
    * OSCOLA's imprint, the publisher and the year in brackets with no comma between them,
      read as a note, with no date read (``(Falkenstein Verlag 2005) 45``,
      :func:`_oscola_imprint`);
    * OSCOLA's journal citation after the year in brackets, wherever that year opens a run:
      ``(1994) 3 Comparative Welfare Politics 1``, ``[2016] Public Interest Weekly 18``.
    """
    def run_text(run: list) -> str:
        return text[run[1]:run[2]]

    low = text.lower()
    if len(runs) >= 3 and runs[0][0] == "author" and runs[1][0] in ("container", "title") and \
            runs[2][0] == "date" and (m := _LEAD_IN.match(text[runs[0][1]:])) and \
            runs[0][1] + m.end() >= runs[0][2] and _name_like(run_text(runs[1])):
        # "Vgl. | Deshpande | 2014, S.34.": the word that leads in, then the author
        runs[0][0], runs[1][0] = "note", "author"
    if "[" in text:
        for m in list(_MEDIUM.finditer(text)):
            _relabel(runs, m.start(), m.end(), [["note", m.start(), m.end()]])
    for k in range(1, len(runs)):
        if (m := _SPACED_MARK.match(text, runs[k][1], runs[k][2])) and m.end() < runs[k][2]:
            # French typography's "budgétaire ? In: Le Carnet": the mark ends the run before
            runs[k - 1][2] = m.end(1)
            runs[k][1] = m.end()
    for k in range(len(runs) - 1):
        if runs[k + 1][0] == "url" and runs[k][0] != "note" and \
                (m := _URL_LEAD.search(text, runs[k][1], runs[k][2])) and m.start() > runs[k][1]:
            runs[k][2] = m.start()  # "Climate Policy Hub. URL https://…": no word of the name
            runs.insert(k + 1, ["note", m.start("word"), m.end()])
            break
    for m in (_ACCESSED_ON.finditer(text) if any(w in low for w in _ACCESS_WORDS) else ()):
        if all(parse_date(m["date"])) and not any(
                run[0] == "accessed" and run[1] <= m.start("date") < run[2] for run in runs):
            # IEEE's "Accessed: Aug. 15, 2024.": the day a page was read, not the day it was
            # published, whatever run it was read in
            _relabel(runs, m.start(), m.end(), [["accessed", m.start(), m.end()]])
    if (nodate := _NO_DATE.search(text)) and not any(
            run[0] == "date" and run[1] <= nodate.start() < run[2] for run in runs):
        # Harvard's "Title (no date) Site.": the date, whatever run it was read in; what
        # follows it in the title's run, a name, is the site
        _relabel(runs, *nodate.span(), [["date", *nodate.span()]])
        k = next(i for i, run in enumerate(runs) if run[1] == nodate.start())
        if 0 < k < len(runs) - 1 and runs[k - 1][0] == runs[k + 1][0] == "title" and \
                _name_like(run_text(runs[k + 1])):
            runs[k + 1][0] = "container"
    _title_in_authors(text, runs)
    labels = [run[0] for run in runs]
    if "author" not in labels and labels.count("title") >= 2:
        k = labels.index("title")
        if k + 1 < len(runs) and labels[k + 1] == "date" and (
                _PAREN_YEAR.match(run_text(runs[k + 1])) or
                (k == 0 and _BARE_YEAR.match(run_text(runs[k + 1])))):
            runs[k][0] = "author"  # "Cour des comptes publics. 2016. Rapport sur …"
    labels = [run[0] for run in runs]
    if "author" in labels and "date" in labels and not (
            {"title", "container"} & set(labels)):
        start = max(labels.index("author"), labels.index("date"))
        for run in runs[start + 1:]:
            if run[0] == "note" and not _URL_LABEL.match(run_text(run).strip()) and \
                    _WORD.search(run_text(run)):
                run[0] = "title"
                break
            if run[0] in ("url", "doi"):
                break
    if runs and runs[0][0] == "author" and "title" not in labels and \
            (m := _AUTHOR_THEN_TITLE.match(text, runs[0][1], runs[0][2])):
        # "Brown, K. A Study of Things.": the initials end where a sentence of words begins
        runs[0:1] = [["author", runs[0][1], m.end(1)], ["title", m.start(2), runs[0][2]]]
    labels = [run[0] for run in runs]
    if labels.count("title") == 1 and "container" not in labels:
        title = runs[labels.index("title")]
        opener = text[title[1]]
        if opener in _OPEN and (m := next((
                m for m in (_QUOTE_END if opener != "'" else _PUNCTUATED_QUOTE_END).finditer(
                    text, title[1] + 1, title[2])
                if text[m.end() - 1] in _CLOSERS_OF[opener]
                and _name_like(_EMPHASIS.sub("", text[m.end():title[2]]))), None)):
            # "'Rents in Almaty,' Outlet.", "‘La reforma…’ Diario del Sur": what follows the
            # quote that closes the title is the outlet (a straight quote closes a title only
            # after its punctuation: "nakazat' za" ends a word)
            k = labels.index("title")
            runs[k:k + 1] = [["title", title[1], m.end()], ["container", m.end(), title[2]]]
    for k in range(1, len(runs)):
        if runs[k][0] == "container" and runs[k - 1][0] == "title" and \
                text[runs[k - 1][2] - 1] in _CLOSERS and \
                text[runs[k - 1][1]] not in _OPEN:
            # "Emigration sparks a 'reckoning' in Central Asia.": a quoted word inside a title
            # does not end it; a container never opens with a small word after one, nor
            # holds the end of a sentence ("Is “Evidence-Based Policy” Possible in Fragile
            # States? Policy Sciences Forum")
            if run_text(runs[k])[:1].islower():
                outlet = _OUTLET_AFTER_COMMA.search(text, runs[k][1], runs[k][2])
                if outlet and _outlet_like(outlet[1]):  # "… in Social Care Funding, The
                    runs[k - 1][2] = outlet.start()       # Northern Chronicle"
                    runs[k][1] = outlet.start(1)
                else:
                    runs[k - 1][2] = runs[k][2]
                    del runs[k]
            else:
                _journal_after_title(text, runs, k)
            break
    for k in range(1, len(runs)):
        if runs[k][0] == "container" and runs[k - 1][0] == "title" and \
                run_text(runs[k]).startswith(":"):
            m = _QUOTE_END.search(text, runs[k][1], runs[k][2])
            if m and m.end() < runs[k][2]:
                runs[k - 1][2] = m.end()
                runs[k][1] = m.end()
            break
    for k, run in enumerate(runs):
        if run[0] == "title" and (m := _EMPHASIS_THEN_WORD.fullmatch(text, run[1], run[2])):
            # "*Trudeau II Report* at paras. 51–55": the title ends with its emphasis
            if k + 1 < len(runs) and runs[k + 1][0] == "pages":
                runs[k + 1][1] = m.start(3)  # "at paras. 51–55": the pinpoint
                runs[k][2] = m.end(1)
            else:
                runs[k:k + 1] = [["title", run[1], m.end(1)], ["note", m.start(3), run[2]]]
            break
    if m := next((m for r in runs if text[r[1]:r[1] + 1] in "(["
                  and (m := _YEAR_VOLUME_JOURNAL.match(text, r[1]))
                  and (m["volume"] or text[r[1]] == "[")), None):
        # OSCOLA's "(1994) 3 Comparative Welfare Politics 1", "[2016] Public Interest Weekly
        # 18": the year, then the volume (none when the year in square brackets tells it),
        # the journal and its first page
        volume = [["volume", *m.span("volume")]] if m["volume"] else []
        _relabel(runs, m.start(), m.end(),
                 [["date", *m.span("year")], *volume, ["container", *m.span("journal")],
                  ["pages", m.start("pages"), m.end()]])
    if journal := _VOLUME_JOURNAL_PAGE_YEAR.search(text):
        # the Bluebook's "…, 58 Quarterly Review of Monetary Affairs 77, 80 (2014).": the
        # volume, the journal, the first page (and the one cited), the year in brackets
        _relabel(runs, journal.start("volume"), journal.end("pages"),
                 [["volume", *journal.span("volume")], ["container", *journal.span("journal")],
                  ["pages", *journal.span("pages")]])
    labels = [run[0] for run in runs]
    if "date" not in labels:
        for k in range(len(runs) - 1):
            if runs[k][0] in ("title", "container") and runs[k + 1][0] == "volume" and \
                    (m := _JOURNAL_YEAR.search(text, runs[k][1], runs[k][2])) and \
                    month_number(text[runs[k][1]:m.start()].split()[-1].strip(".,")) is None:
                # ACS's "Regional Policy Review 2017, 12 (4), 201–230": the year between the
                # journal and its volume
                runs[k:k + 1] = [[runs[k][0], runs[k][1], m.start()],
                                 ["date", m.start(1), runs[k][2]]]
                _journal_after_title(text, runs, k)
                break
    labels = [run[0] for run in runs]
    if "container" not in labels:
        for k in range(len(runs) - 2):
            if runs[k][0] == "title" and runs[k + 1][0] == "date" and \
                    runs[k + 2][0] in ("volume", "pages") and \
                    _VANCOUVER_DATE.match(text, runs[k + 1][1], runs[k + 1][2]):
                # Vancouver's "Title. Governance and Administration. 1991;2: 167–189.": the
                # journal after the title's last sentence, then the year and a semicolon
                _journal_after_title(text, runs, k)
                break
    for k in range(1, len(runs)):
        if runs[k][0] == "container" and runs[k - 1][0] == "title":
            breaks = list(_BREAK_BEFORE_CAPITAL.finditer(text, runs[k - 1][1], runs[k - 1][2]))
            tail = text[breaks[-1].end():runs[k - 1][2]].split() if breaks else ()
            if 0 < len(tail) <= 5 and tail[-1].lower() in _NAME_LINKS:
                # "Exports. Trade and | Development Review.": no title ends with "and"; the
                # journal's name began at the title's last sentence
                runs[k - 1][2] = breaks[-1].start() + 1
                runs[k][1] = breaks[-1].end()
            break
    if not journal and _YEAR_CLOSES.search(text) and (m := _PAGE_THEN_IMPRINT.search(text)) and \
            (m["pages"] or m["names"] or m["edition"] or m["publisher"]) and any(
            r[1] <= m.start() <= r[2] and (r[0] == "title" or (
                r[0] == "container" and _IN.match(run_text(r)))) for r in runs):
        # the Bluebook's book, or chapter "in" a book: "Handbook of Social Policy 308 (Anneke
        # van den Berg & Hiroshi Sato eds., 2020)": the page, then editors, translators, an
        # edition or a publisher, and the year in brackets
        new = [["pages", *m.span("pages")]] if m["pages"] else []
        if m["names"]:
            role = "translator" if m["role"].lower().startswith("tr") else "editor"
            new.append([role, *m.span("names")])
        if m["edition"]:
            new.append(["edition", *m.span("edition")])
        if m["publisher"]:
            new.append(["publisher", *m.span("publisher")])
        _relabel(runs, m.start(), m.end(), [*new, ["date", *m.span("year")]])
    labels = [run[0] for run in runs]
    if labels[:1] == ["author"] and "title" not in labels and \
            _title_not_names(run_text(runs[0])):
        # "Budget Deficit Hits Record as Recession Deepens. (1992, October 15).": a work with
        # no author is cited by its title first
        runs[0][0] = "title"
        labels = [run[0] for run in runs]
    if labels[:2] == ["author", "title"] and text[runs[0][2] - 1].isalpha() and \
            text[runs[1][1]].isupper() and not re.search(r"[,;&]|\.\s", run_text(runs[0])):
        # "Frequently Asked | Questions on Carbon Pricing.": nothing parts an author from a
        # title
        runs[0:2] = [["title", runs[0][1], runs[1][2]]]
        labels = [run[0] for run in runs]
    if labels.count("title") == 1 and "container" not in labels:
        k = labels.index("title")
        if text[runs[k][1]] not in _OPEN and k + 1 < len(runs) and \
                runs[k + 1][0] in ("date", "url") and \
                (outlet := _OUTLET_AFTER_COMMA.search(text, runs[k][1], runs[k][2])) and \
                _outlet_like(outlet[1]):
            # "La reforma de las pensiones divide al Gobierno, Diario del Sur (2018).": a
            # newspaper's name after the title's last comma, before the date or the address
            runs[k:k + 1] = [["title", runs[k][1], outlet.start()],
                             ["container", outlet.start(1), runs[k][2]]]
            labels = [run[0] for run in runs]
    if labels.count("title") == 1 and "container" not in labels and \
            set(after := labels[labels.index("title") + 1:]) <= {"date", "accessed", "url",
                                                                  "pages", "note"}:
        k = labels.index("title")
        parts = _SENTENCE_BREAK.split(run_text(runs[k]))
        if len(parts) == 2 and len(parts[0].split()) >= 3 and _name_like(parts[1]) and \
                not parts[1].rstrip(" .").endswith("?") and text[runs[k][1]] not in _OPEN and (
                _masthead(parts[1]) or {"url", "accessed"} & set(after) or any(
                run[0] == "date" and parse_date(run_text(run))[1] for run in runs)):
            # "Inflation Dashboard: Monthly Indicators. Brookfield Institute. Accessed…",
            # "Councils Warn of … Funding. The Northern Chronicle.": a page or an article,
            # then its site or outlet (named as a newspaper is, when no address nor day of
            # the month tells it is one)
            cut = runs[k][1] + len(parts[0]) + 1
            runs[k:k + 1] = [["title", runs[k][1], cut],
                             ["container", cut + len(parts[1]) - len(parts[1].lstrip()),
                              runs[k][2]]]
            labels = [run[0] for run in runs]
    if "title" not in labels and labels.count("container") == 1:
        k = labels.index("container")
        parts = _SENTENCE_BREAK.split(text[runs[k][1]:runs[k][2]])
        if len(parts) == 2 and len(parts[0].split()) >= 3 and parts[1].lstrip()[:1].isupper():
            # "Inside the Race for Minerals. The Economic Observer.": a title and its outlet in
            # one type, only a full stop between them (APA's news and web pages)
            cut = runs[k][1] + len(parts[0]) + 1
            start = cut + len(parts[1]) - len(parts[1].lstrip())
            runs[k:k + 1] = [["title", runs[k][1], cut], ["container", start, runs[k][2]]]
            labels = [run[0] for run in runs]
    if not {"title", "container"} & set(labels) and labels[:1] == ["note"] and \
            (m := _NAME_THEN_QUOTED.match(text, runs[0][1], runs[0][2])):
        # 'Wikipedia, „Open Source“, unter: https://…': a name and a quoted title before the
        # words that lead to an address
        runs[0:1] = [["author", runs[0][1], m.end(1)], ["title", m.start(2), m.end(2)],
                     ["note", m.end(2), runs[0][2]]]
        labels = [run[0] for run in runs]
    if "date" not in labels:
        for k, run in enumerate(runs):
            if run[0] == "note" and (m := _PLACE_DATE.fullmatch(text, run[1], run[2])) and \
                    all(parse_date(m["date"])):
                if m["place"] and "place" not in labels:
                    runs[k:k + 1] = [["place", *m.span("place")],
                                     ["date", m.start("date"), run[2]]]
                elif not m["place"]:
                    run[0] = "date"
                break
    if "author" not in labels and labels[:1] == ["title"] and \
            (m := _ORG_THEN_TITLE.match(text, runs[0][1], runs[0][2])):
        runs[0:1] = [["author", runs[0][1], m.end(1)], ["title", m.start(2), runs[0][2]]]
    labels = [run[0] for run in runs]
    if labels.count("pages") == 2 and "volume" not in labels:
        k = labels.index("pages")
        if 0 < k < len(runs) - 2 and labels[k - 1] == "container" and \
                labels[k + 1] == "date" and labels[k + 2] == "pages" and \
                run_text(runs[k]).strip().isdigit():
            runs[k][0] = "volume"  # "Digest* 131 (2023): 9–14": the volume, then the pages
    k = len(runs) - 1
    while k > 0 and runs[k][0] in ("url", "doi", "accessed"):
        k -= 1
    if "pages" not in labels and runs and runs[k][0] == "date" and \
            (m := _DATE_THEN_PAGES.search(text, runs[k][1], runs[k][2])):
        runs[k:k + 1] = [["date", runs[k][1], m.start(1)], ["pages", m.start(1), runs[k][2]]]
    if "container" not in labels:
        for k in range(1, len(runs) - 1):
            if runs[k][0] == "genre" and runs[k - 1][0] == "title" and \
                    runs[k + 1][0] == "date" and text[runs[k - 1][2] - 1] in _CLOSERS and \
                    _outlet_named(run_text(runs[k])):
                runs[k][0] = "container"  # '"Title." EVN Report, 12 Jan. 2023': the outlet
                break
    for k in range(1, len(runs) - 1):
        if runs[k][0] == "genre" and runs[k - 1][0] == runs[k + 1][0] == "author":
            runs[k][0] = "note"  # "Yusupova press release, Guzel.": words inside a name
            break
    if "pages" not in labels and "volume" in labels:
        k = labels.index("volume")
        if m := (_ISSUE_THEN_PAGES.search(text, runs[k][1], runs[k][2]) or
                 _VOLUME_THEN_PAGES.fullmatch(text, runs[k][1], runs[k][2])):
            # "39 (3): 17.", "Cybernetics, 50 363-396,": the volume, then the pages
            runs[k:k + 1] = [["volume", runs[k][1], m.start(1)], ["pages", m.start(1), runs[k][2]]]
    labels = [run[0] for run in runs]
    if "date" not in labels and "publisher" not in labels and "(" in text:
        for k, run in enumerate(runs):
            if run[0] in ("note", "title", "container") and \
                    (m := _IMPRINT_NO_COMMA.search(text, run[1], run[2])):
                _oscola_imprint(text, runs, k, m)
                labels = [run[0] for run in runs]
                break
    if labels.count("title") == 1 and "container" not in labels:
        k = labels.index("title")
        if k + 1 < len(runs) and runs[k + 1][0] == "volume" and text[runs[k][1]] not in _OPEN and \
                (m := _OUTLET_AFTER_COMMA.search(text, runs[k][1], runs[k][2])) and \
                _name_like(m[1]) and not any(c.isdigit() for c in m[1]) and \
                len(_LETTERS.findall(text, runs[k][1], m.start())) >= 3:
            # "A Note on the Determinant Problem, Information and Computation, 84": the
            # journal after the title's last comma, before its volume
            runs[k:k + 1] = [["title", runs[k][1], m.start()],
                             ["container", m.start(1), runs[k][2]]]
            labels = [run[0] for run in runs]
    if "title" not in labels and labels.count("publisher") == 1:
        k = labels.index("publisher")
        if (m := _OUTLET_AFTER_COMMA.search(text, runs[k][1], runs[k][2])) and \
                _publisher_like(m[1]) and not _publisher_like(text[runs[k][1]:m.start()]):
            # "Photovoltaic Materials, Imperial College Press, 1998.": the title, then its
            # publisher
            runs[k:k + 1] = [["title", runs[k][1], m.start()],
                             ["publisher", m.start(1), runs[k][2]]]
            labels = [run[0] for run in runs]
    if "date" not in labels and "pages" in labels:
        k = labels.index("pages")
        if m := _PAGES_THEN_YEAR.fullmatch(text, runs[k][1], runs[k][2]):
            # "Crisis 26: 1-3, 2005": the year after the pages
            runs[k:k + 1] = [["pages", runs[k][1], m.end(1)], ["date", m.start(2), runs[k][2]]]
    for k in range(1, len(runs)):
        if runs[k][0] == "date" and runs[k - 1][0] == "volume" and \
                (m := _ISSUE_NUMBER.fullmatch(run_text(runs[k]))) and \
                not 1500 <= int(m[1]) <= 2099:
            runs[k - 1][2] = runs[k][2]  # "Monitor 20, (160).": the issue, no year
            del runs[k]
            break
    labels = [run[0] for run in runs]
    if "place" not in labels:
        for k in range(1, len(runs) - 1):
            if runs[k][0] == "title" and runs[k - 1][0] == "author" and (
                    (runs[k + 1][0] == "date" and "publisher" not in labels) or
                    runs[k + 1][0] == "publisher") and \
                    (m := _TITLE_THEN_PLACE.fullmatch(text, runs[k][1], runs[k][2])) and \
                    not _NO_PLACE_WORD.search(m[2]):
                # "Bank, Energy Sector Strategy, Beijing, 2022": the agency style's place;
                # "…Policy in Uzbekistan, Abingdon, Taylor & Francis": before the publisher
                runs[k:k + 1] = [["title", runs[k][1], m.end(1)],
                                 ["place", m.start(2), runs[k][2]]]
                break
    labels = [run[0] for run in runs]
    if labels.count("title") == 1 and "genre" not in labels and "volume" not in labels:
        k = labels.index("title")
        if (m := _SERIES_NUMBER.search(text, runs[k][1], runs[k][2])) and \
                not YEAR.fullmatch(m["number"]):
            # "Abuses Against Migrant Workers, Report No. 14,": the kind and its number
            runs[k:k + 1] = [["title", runs[k][1], m.start()], ["genre", *m.span("genre")],
                             ["volume", m.start("number"), runs[k][2]]]
    labels = [run[0] for run in runs]
    if "genre" not in labels and "publisher" not in labels and labels.count("container") == 1:
        k = labels.index("container")
        if k + 1 < len(runs) and runs[k + 1][0] == "volume" and \
                (m := _PUBLISHER_SERIES.fullmatch(text, runs[k][1], runs[k][2])) and \
                _publisher_like(m["publisher"]):
            # IEEE's "Centre for Social Futures, Policy Brief | 5": the publisher, its place,
            # the series, read as an outlet; the number after it
            place = [["place", *m.span("place")]] if m["place"] else []
            runs[k:k + 1] = [["publisher", *m.span("publisher")], *place,
                             ["genre", *m.span("genre")]]
            labels = [run[0] for run in runs]
        elif "volume" not in labels and \
                (m := _PUBLISHER_SERIES_NUMBER.fullmatch(text, runs[k][1], runs[k][2])) and \
                not YEAR.fullmatch(m["number"]) and (_publisher_like(m["publisher"]) or any(
                    run[0] == "author" and clean(text[run[1]:run[2]]) == m["publisher"]
                    for run in runs[:k])):
            # "Bundesministerium für …, “Title,” Bundesministerium für …, Berlin,
            # Forschungsbericht 3,": the same with the number in the outlet's run
            place = [["place", *m.span("place")]] if m["place"] else []
            runs[k:k + 1] = [["publisher", *m.span("publisher")], *place,
                             ["genre", *m.span("genre")], ["volume", m.start("number"),
                                                            runs[k][2]]]
            labels = [run[0] for run in runs]
    if "volume" not in labels and "genre" not in labels and labels.count("container") == 1:
        k = labels.index("container")
        if (m := _SERIES_OUTLET.fullmatch(text, runs[k][1], runs[k][2])) and \
                not YEAR.fullmatch(m["number"]):
            # "Forschungsbericht 3. Bundesministerium für …": a report's series, its number
            # and its publisher, read as an outlet
            rest = [["publisher", *m.span("rest")]] if m["rest"] and \
                "publisher" not in labels else []
            end = _NUMBER_GOES_ON.match(text, m.end("number")).end()  # "GAO-00|-118"
            _relabel(runs, runs[k][1], max(runs[k][2], end),
                     [["genre", *m.span("genre")], ["volume", m.start("number"), end], *rest])
    for k in range(len(runs) - 1):
        if runs[k][0] in ("title", "container") and \
                text[runs[k][1]:runs[k][2]].rsplit(None, 1)[-1].lower() in _OPEN_ENDED and \
                (m := _LEAD_NUMBER_TOKEN.match(text, runs[k + 1][1], runs[k + 1][2])):
            # "Crisis and Recovery: Europe after | 2008": a name does not end with "after"
            runs[k][2] = m.end()
            runs[k + 1][1] = m.end() + len(text[m.end():runs[k + 1][2]]) - len(
                text[m.end():runs[k + 1][2]].lstrip())
            if runs[k + 1][1] >= runs[k + 1][2]:
                del runs[k + 1]
            break
    labels = [run[0] for run in runs]
    if labels.count("title") == 1 and "container" not in labels:
        k = labels.index("title")
        if m := _IN_BOOK.search(text, runs[k][1], runs[k][2]):
            # "Soziale Marktwirtschaft im Wandel. In Deutschland in Europa": the chapter, then
            # the book it is in
            book = [["container", m.start(1), runs[k][2]]]
            if eds := _EDITORS_AFTER.search(text, m.end(), runs[k][2]):
                book = [["container", m.start(1), eds.start()], ["editor", eds.end(), runs[k][2]]]
            runs[k:k + 1] = [["title", runs[k][1], m.start() + 1], *book]
    for k in range(len(runs) - 1):
        if runs[k][0] == "container" and runs[k + 1][0] in ("editor", "publisher", "place") and \
                text[runs[k][2] - 1].isalnum() and \
                (m := _PHRASE_END.match(text, runs[k + 1][1], runs[k + 1][2])):
            # ACS's "In Proceedings of the Conference on Public Sector | Computing; Digital
            # Government Society": a name read apart from its last words, which run on to
            # the style's semicolon
            runs[k][2] = m.end(1)
            runs[k + 1][1] = m.end()
            if runs[k + 1][1] >= runs[k + 1][2]:
                del runs[k + 1]
            break
    for k, run in enumerate(runs):
        if run[0] == "container" and (m := _PUBLISHED_ONLINE.search(text, run[1], run[2])) and \
                m.start() > run[1]:
            # AMA's "Metropolis Review. Published online March 12, 2024.": no word of the name
            runs[k:k + 1] = [["container", run[1], m.start()], ["other", m.start(1), run[2]]]
            break
    dates = [k for k, run in enumerate(runs) if run[0] == "date"]
    if len(dates) == 2 and runs[dates[1] - 1][0] == "container" and \
            run_text(runs[dates[1] - 1]).rstrip()[-1:].isalnum() and \
            _CONFERENCE.search(run_text(runs[dates[1] - 1])) and \
            (year := YEAR.search(run_text(runs[dates[1]]))) and \
            _BARE_YEAR.fullmatch(run_text(runs[dates[1]])) and \
            year[0] in run_text(runs[dates[0]]):
        # "Proceedings of the Workshop on Computational Economics 2011, 112–130." after
        # "(2011)": the conference's year ends its proceedings' name
        runs[dates[1] - 1][2] = runs[dates[1]][2]
        del runs[dates[1]]
    labels = [run[0] for run in runs]
    if "publisher" not in labels and labels.count("container") == 1:
        k = labels.index("container")
        parts = _LAST_PART.search(text, runs[k][1], runs[k][2])
        if parts and _CONFERENCE.search(text, runs[k][1], parts.start()) and \
                _publisher_like(parts["tail"]) and len(parts["tail"].split()) <= 8:
            # "In: Proceedings of the Conference on Public Sector Computing. Digital
            # Government Society;": the society that publishes the proceedings
            runs[k:k + 1] = [["container", runs[k][1], parts.start()],
                             ["publisher", parts.start("tail"), runs[k][2]]]
            labels = [run[0] for run in runs]
    if labels.count("title") == 2 and "container" not in labels:
        k = labels.index("title", labels.index("title") + 1)
        if labels[k - 1] == "editor" and (_IN.match(run_text(runs[k - 1])) or
                                          _ROLE.search(run_text(runs[k - 1]))):
            # "Title, in: Rahman, N. (Ed.), Migration and Development.": the book after its
            # editors
            runs[k][0] = "container"


#: Words that lead on to what follows them, which no name or title ends with (``Europe
#: after``).
_OPEN_ENDED = _set("""
after before since until from to of in on at for by and the nach seit vor bis von und après
avant depuis de et desde hasta y
""")
#: The number opening a run, with what closes it (``2008,``).
_LEAD_NUMBER_TOKEN = re.compile(r"\d+(?:[–-]\d+)?[,.;:]?")
#: The book a chapter is in, after the chapter's title in the same run: ``. In Deutschland``
_IN_BOOK = re.compile(r"[.?!]\s+((?:In|in):?\s+[A-ZÀ-Þ])")
#: Where the book's editors follow its title: ``; van den Berg, A., …``, ``, ed A van den Berg``
_EDITORS_AFTER = re.compile(r";\s*|,\s+(?:eds?|edited\s+by)\.?\s+")
#: A title and the place it was issued in, read as one title in the agency style
#: (``Energy Sector Strategy, Beijing,``): a title of two words or more, a comma, then one or
#: two capitalised words.
_TITLE_THEN_PLACE = re.compile(r"(\S+\s+\S.*?),\s+([A-ZÀ-Þ][^\W\d_]+(?:[ -][A-ZÀ-Þ][^\W\d_]+)?)"
                               r"[\s,.]*")
#: Words that end a title and name no place (``…, Second Edition``).
_NO_PLACE_WORD = re.compile(r"\b(?i:edition|edn|volume|vol|part|series|revised|updated|press|"
                            r"books?|reader|handbook|guide)\b")
#: A report's series and number: ``Report No. 14``, ``Working Paper No. 2``, ``Policy Brief
#: 5``, ``Forschungsbericht 3``, ``Rapport public thématique 2016-04``, ``Report to Congress
#: GAO-00-118`` (a year is no number: ``Annual Report 2022``, checked where it is used).
_GENRE = (r"(?P<genre>(?:[^\W\d_]+\s+){0,2}?[^\W\d_]*(?i:report|bericht|rapport|paper|brief|"
          r"note|informe)(?:\s+[^\W\d_]+){0,3}?)")
_SERIES = rf"{_GENRE}\s+(?P<number>(?:no\.?\s*)?(?:[a-z]{{2,}}-)?\d[\w/-]*)"
#: What goes on with a report's number past the run it was read in: ``-118``
_NUMBER_GOES_ON = re.compile(r"[\w/-]*")
#: ... read as the end of its title: ``, Report No. 14,``
_SERIES_NUMBER = re.compile(rf",\s*{_SERIES}[\s.,;]*$", re.IGNORECASE)
#: ... read as an outlet, perhaps in brackets, perhaps with its publisher after it:
#: ``Forschungsbericht 3. Bundesministerium für Verwaltungsmodernisierung``
_SERIES_OUTLET = re.compile(rf"\(?{_SERIES}\)?(?:[.,;]\s*(?P<rest>[^\W\d].*?))?[\s.,;]*",
                            re.IGNORECASE | re.DOTALL)
#: OSCOLA's imprint: the publisher and the year in brackets, no comma between them
#: (``(Falkenstein Verlag 2005)``, ``(Civic Pulse Research 2025)``).
_IMPRINT_NO_COMMA = re.compile(r"\((?P<publisher>[A-ZÀ-Þ][^()\d,;:]{1,100}?)\s+"
                               r"(?P<year>(?:1[5-9]|20)\d\d)\)")
#: What may follow that imprint: a report's series and number (``Research Report 11``), or
#: the page cited (``45``).
_SERIES_ALONE = re.compile(rf"\s*{_SERIES}[\s.,;]*")
_PAGE_ALONE = re.compile(r"\s*(\d+(?:\s*[-–]\s*\d+)?)[\s.,;]*")
#: A code, a section or an order cited by its number: ``50 U.S.C. § 4819``, ``31 C.F.R.
#: § 589.201``, ``Exec. Order No. 14,024``, ``Pub. L. No. 117-68``, ``136 Stat. 1``.
_CODE_SECTION = re.compile(r"§|\bu\.s\.c\.|\bc\.f\.r\.|\bexec\.\s+order\b|\bpub\.\s+l\.|"
                           r"\d\s+stat\.\s+\d")
#: Pages after a volume's issue and a colon, read as more of the volume: ``39 (3): 17.``
_VOLUME_THEN_PAGES = re.compile(r"\s*\d+(?:\s*\([^()]*\))?\s+(\d+(?:\s*[-–]\s*\d+)?)[\s,.;]*")
_PAGES_THEN_YEAR = re.compile(r"(.*?\d)\s*[,;]\s*((?:1[5-9]|20)\d\d)[\s.]*")
_ISSUE_THEN_PAGES = re.compile(r"(?<=\)):\s*(\d+(?:\s*[–-]\s*\d+)?)[.\s]*$")
#: The word for a volume or an issue ending a journal's name, its number read apart:
#: ``Revista de Economía Laboral Bd.`` | ``15``
_VOLUME_WORD_END = re.compile(r"[\s,]+(?:(?:vol|bd|jg|jahrg|tome?|tomo|nr|no|num)\.|volume|"
                              r"jahrgang|issue)\s*$", re.IGNORECASE)
#: "In" before the book a part is in, or before its editors: ``In:``, ``dans``, ``w``
_IN = re.compile(r"^(?:in|in:|dans|en|w|в)\s*:?\s+", re.IGNORECASE)
#: The place in square brackets after a book's or proceedings' title (MLA's ``[Copenhagen]``),
#: its closing bracket perhaps cleaned off with the end punctuation.
_BRACKETED_PLACE = re.compile(r"(?<=\S)\s*\[([^\W\d][^\[\]]*)\]?$")
#: A letter or digit: a value holding none (a stray ``*`` of emphasis) is no value.
_ALNUM = re.compile(r"[^\W_]")
#: The Bluebook's journal citation: volume, journal, first page (and the page cited), then
#: the year in brackets: ``, 58 Quarterly Review of Monetary Affairs 77, 80 (2014)``.
_VOLUME_JOURNAL_PAGE_YEAR = re.compile(
    r"(?<=,\s)(?P<volume>\d{1,4})\s+(?P<journal>[^\W\d][^\d,;()<>]{1,120}?)\s+"
    r"(?P<pages>\d{1,5}(?:,\s*\d{1,5})?)\s+\((?:[^()]{0,60}\s)?(?:1[5-9]|20)\d\d\)")
#: A year closing a bracket, which the Bluebook's imprint needs (looked for first: cheaper).
_YEAR_CLOSES = re.compile(r"\d\d\d\d\)")
#: The Bluebook's book or chapter: the page (and the one cited) after the title, then in
#: brackets the editors or translator, the edition, or the publisher, and the year:
#: ``Policy 308 (Anneke van den Berg & Hiroshi Sato eds., 2020)``, ``SDGs 274 (2 ed. 2018)``.
_PAGE_THEN_IMPRINT = re.compile(
    r"(?<=[^\W\d_?!:])(?:\s+(?P<pages>\d{1,5}(?:,\s*\d{1,5})?))?\s+\((?:(?P<names>[^()]{3,200}?)\s+"
    r"(?P<role>eds?|trans?|tran|comp)\.,?\s*|(?P<publisher>[^()\d:,]{3,120}?)\s+)?"
    r"(?P<edition>\d+(?:st|nd|rd|th|d)?\s+ed\.\s*)?(?P<year>(?:1[5-9]|20)\d\d)\)"
    r"(?=[.,;]?\s*(?:$|<|https?://))")
#: OSCOLA's and the Bluebook's journal citation after the year in brackets: ``(1994) 3
#: Comparative Welfare Politics 1``, ``(2019) 45 Yale LJ 211, 230``; no volume after a year
#: in square brackets (``[2016] Public Interest Weekly 18``), checked where it is used.
_YEAR_VOLUME_JOURNAL = re.compile(
    r"(?P<year>[(\[](?:1[5-9]|20)\d\d[)\]])\s+(?:(?P<volume>\d{1,4})\s+)?"
    r"(?P<journal>[^\W\d][^\d,;()<>]{1,120}?)\s+(?P<pages>\d{1,5}(?:\s*[-–]\s*\d{1,5})?"
    r"(?:,\s*\d{1,5}(?:\s*[-–]\s*\d{1,5})?)?)(?=\s*[.;]?\s*(?:$|<|https?://|\())")
#: A full stop ending a sentence of words inside a run (not an abbreviation's: ``Natl.``,
#: ``J.``): after a word of four letters or more, not in capitals.
_SENTENCE_BREAK = re.compile(r"(?<=[a-zà-ÿ]{4})[.?!](?=\s+\S)")
#: An emphasised title and the small word after it: ``*Trudeau II Report* at``.
_EMPHASIS_THEN_WORD = re.compile(r"\s*(([*_]{1,2})[^*_]+?\2)\s+((?:at|in|on|p|pp|para|paras|"
                                 r"s|ch|chap|vol|n|nn|fn)\.?)\s*")
#: A name, a comma and a quoted title: ``Wikipedia, „Open Source“``.
_NAME_THEN_QUOTED = re.compile(r"\s*([^\W\d][^,„“\"«‘']{0,80}?),\s*"
                               r"([„“\"«‘'][^„“”\"«»‘’']{2,300}[“”\"»’'])")
#: Pages after the bracket that closes an imprint's date, or after its year's full stop:
#: ``2022), 8.``, ``Fall 2023. 8.``, OSCOLA's ``(26 June 2018) 41``
_DATE_THEN_PAGES = re.compile(r"(?:(?<=\d\d\d\d\)[,:] )|(?<=\d\d\d\d\) )|(?<=\d\d\d\d\. ))"
                              r"(?!(?:1[5-9]|20)\d\d\b)(\d+(?:\s*[–-]\s*\d+)?)[.\s]*$")
#: A number in brackets, as an issue is given after its volume: ``(160).``
_ISSUE_NUMBER = re.compile(r"\s*\((\d{1,4})\)[\s.,:;]*")
#: A whole date (``22 April 2021``, ``April 22, 2021``, ``2021-04-22``), perhaps after the
#: place it was issued in (``Tbilisi, 29 September 2023``), perhaps in brackets (OSCOLA's
#: ``(Tbilisi, 7 April 2023)``).
_PLACE_DATE = re.compile(r"\s*\(?(?:(?P<place>[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+){0,3}),\s*)?"
                         r"(?P<date>\d{1,2}\.?\s+[^\W\d_]+\.?,?\s+\d{4}"
                         r"|[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d\d-\d\d)\)?[\s,.;]*")
#: A name (words without emphasis nor quotes, the first a capital's, at most twelve), a comma,
#: then an emphasised or quoted title to the end of the run.
_ORG_THEN_TITLE = re.compile(r"\s*((?=[^\W\d_a-z])[^*_,\n\s‘“\"«„]+(?:\s+[^*_,\n\s‘“\"«„]+){0,11})"
                             r"\s*,\s*([*_]{1,2}[^*_\s].*|[‘“\"«„][^\W\d_].*[’”\"»“][.,;:]?\s*$)",
                             re.DOTALL)

#: ``Family, I.`` (initials with full stops) then words with a small one among them: a
#: title the labeller took for more of the author's name.
_AUTHOR_THEN_TITLE = re.compile(
    r"([^\W\d_][\w'’-]+,\s*(?:[A-Z]\.\s*(?:-\s*)?){1,3})\s*"
    r"([A-Z][\w'’-]*(?:\s+[\w'’-]+)*\s+[a-z][\w'’-]*(?:\s+[\w'’-]+)+[.]?)")

_NAME_LINKS = frozenset(["of", "the", "and", "for", "de", "du", "des", "on", "in", "&", "und",
                         "für", "del", "della", "di", "da", "do", "dos", "das", "la", "le",
                         "el", "von", "van", "der", "zu", "zur", "y", "et"])


#: Words that qualify a kind of document (``Policy Brief``, ``Annual Report``).
_GENRE_QUALIFIERS = frozenset(("policy", "working", "research", "discussion", "occasional",
                               "technical", "briefing", "annual", "special", "country",
                               "press", "background", "issue", "analytical"))


def _outlet_named(genre: str) -> bool:
    """Whether a run read as a genre is an outlet's name ending with a genre word: a
    capitalised word before it that qualifies no kind of document (``EVN Report``, not
    ``Policy Brief``)."""
    words = re.findall(r"[^\W\d_][\w'’-]*", genre)
    return len(words) >= 2 and words[-1].lower() in GENRE_WORDS and all(
        w[0].isupper() and w.lower() not in GENRE_WORDS | _GENRE_QUALIFIERS for w in words[:-1])


#: The last part of a run after a comma: ``, The Northern Chronicle,``
_OUTLET_AFTER_COMMA = re.compile(r",\s+([^,]+?)[\s,.]*$")
#: Words of newspapers' names (beside :data:`~.features.JOURNAL_WORDS`).
_NEWSPAPER_WORDS = _set("""
chronicle observer standard telegraph guardian express mirror independent globe mail star
courier tribune diario periódico jornal zeitung gazzetta gazeta corriere nouvelles daily
weekly economist reporter dispatch sentinel inquirer examiner allgemeine rundschau anzeiger
kurier nachrichten tageblatt tagesspiegel spiegel monde figaro mundo nación folha repubblica
stampa ведомости известия коммерсантъ
""")


_ARTICLES = frozenset(("the", "le", "la", "el", "die", "der", "il", "o", "a"))


def _outlet_like(text: str) -> bool:
    """Whether ``text`` reads as a newspaper's or a journal's name: a name (:func:`_name_like`)
    opening with an article (``The Northern Chronicle``) or holding a word of such names
    (``Diario del Sur``, ``Policy Review``)."""
    words = [w.lower() for w in _LETTERS.findall(text)]
    return _name_like(text) and len(words) >= 2 and (
        words[0] in _ARTICLES or
        any(w in JOURNAL_WORDS or w in _NEWSPAPER_WORDS for w in words))


def _masthead(text: str) -> bool:
    """Whether ``text`` reads as a newspaper's or a journal's name (:func:`_outlet_like`)
    and not as a subtitle opening with an article: after ``The``, ``Le``… only capitalised
    words (``The Northern Chronicle``, ``Metropolis Review``; not ``The Case of Georgia``)."""
    words = _LETTERS.findall(text)
    return _outlet_like(text) and (
        words[0].lower() not in _ARTICLES or all(w[0].isupper() for w in words[1:]))


def _name_like(text: str) -> bool:
    """Whether ``text`` reads as the name of an outlet: one to six words, each capitalised
    or a small linking word (``Chatham House``, ``The Moscow Times``, ``Institute for …``)."""
    words = text.strip(" .,;:").split()
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w[:1].isdigit() or
                                        w.lower() in _NAME_LINKS for w in words)


#: The marks that close a quote each opening mark opens (a straight quote may be closed by
#: its typographic form).
_CLOSERS_OF = {o: {c, "’"} if c in "'’" else {c, "”"} for o, c in _OPEN.items()}

#: A quote closing a title, with the comma or full stop before it, then a space.
_QUOTE_END = re.compile(r"[,.]?['\"’”](?=\s)")
#: The same with the comma or full stop (``nakazat' za`` ends a word, not a quote), or before
#: an emphasised name (``'Batumi's Property Rush' *Georgia Today*``).
_PUNCTUATED_QUOTE_END = re.compile(r"[,.?!]['\"’”](?=\s)|'(?=\s+[*_])")
_PAREN_YEAR = re.compile(r"\s*\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)[\s.,:]*$")
_BARE_YEAR = re.compile(r"\s*(?:1[5-9]|20)\d\d[a-z]?[\s.,:]*$")
_URL_LABEL = re.compile(r"(?:available|accessed|retrieved|archived|online|url|see|via)\b",
                        re.IGNORECASE)


#: A token that can only be an identifier, whatever the labeller read: ``doi:10.1787/…``,
#: ``10.1044/2013_JSLHR-S-12-0345``, ``https://doi.org/…``; an address ``https://…``.
_DOI_TOKEN = re.compile(r"(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+",
                        re.IGNORECASE)
_URL_TOKEN = re.compile(r"<?(?:https?|ftp)://\S+", re.IGNORECASE)


#: A place read together with its publisher: ``Paris, Gallimard``, ``Oxford: Berg``; not
#: ``New York, NY``, ``London, UK`` or ``Montreal and Ithaca, NY`` (a region's code).
_PLACE_AND_PUBLISHER = re.compile(r"(?P<place>[^,:;]+?)\s*[:,]\s*(?P<publisher>[A-ZÀ-Þ][^,:;]+)")
_REGION_CODE = re.compile(r"[A-Z]{2,3}|(?:[A-Z]\.){2,3}")


#: A publisher, then the place (``Northbridge University, Oxford``, ``Clarion Academic,
#: Washington, DC``, ACS's ``Falkenstein Verlag: Frankfurt am Main``): one to three
#: capitalised words, perhaps with a small word between them or a region's code after them.
_PLACE = (r"[A-ZÀ-Þ][^\W\d_]+(?:[ -](?:(?:am|an|im|de|di|del|la|le|sur|upon|on)\s+)?"
          r"[A-ZÀ-Þ][^\W\d_]+){0,2}(?:,\s*(?:[A-Z]{2,3}|(?:[A-Z]\.){2,3}))?")
_PUBLISHER_AND_PLACE = re.compile(rf"(?P<publisher>[^,:;]+?)\s*[,:]\s*(?P<place>{_PLACE})")
#: A report's publisher, perhaps its place, and its series with no number, read as one
#: outlet: ``Institute for Fiscal Resilience, London, Policy Brief``.
_PUBLISHER_SERIES = re.compile(rf"\s*(?P<publisher>[^,;:]{{3,120}}?),\s*"
                               rf"(?:(?P<place>{_PLACE}),\s*)?{_GENRE}[\s,.]*")
#: ... with its number: ``Bundesministerium für …, Berlin, Forschungsbericht 3``.
_PUBLISHER_SERIES_NUMBER = re.compile(
    rf"\s*(?P<publisher>[^,;:]{{3,120}}?),\s*(?:(?P<place>{_PLACE}),\s*)?{_GENRE}\s+"
    rf"(?P<number>(?i:no\.?\s*)?(?:[A-Za-z]{{2,}}-)?\d[\w/-]*)[\s,.]*")
#: Words of publishers' names (beside :data:`~.features.ORG_WORDS`).
_PUBLISHER_WORDS = _set("""
press presses verlag verlage éditions editions editorial editora editrice ediciones edições
publishing publishers publisher publications books academic wydawnictwo издательство
""")


def _publisher_like(text: str) -> bool:
    """Whether ``text`` names a publisher: a word of an organisation's or a publisher's name,
    or two names joined by ``&`` (``Linden & Marsh``)."""
    return "&" in text or _org_word_in(text) or any(
        w.lower() in _PUBLISHER_WORDS for w in _LETTERS.findall(text))


def _imprint(place: str | None, publisher: str | None) -> tuple[str | None, str | None]:
    """The place and the publisher, the one split off the other where the labeller read
    them as one, or given back where it read each as the other: a place then a publisher
    read as a place, with no publisher read; a publisher (:func:`_publisher_like`) then a
    place, read as a publisher, with no place read; a publisher read as the place and a place
    as the publisher (ACS's ``Editorial Alameda: Madrid``)."""
    if place and not publisher:
        m = _PLACE_AND_PUBLISHER.fullmatch(place)
        if m and not _REGION_CODE.fullmatch(m["publisher"].strip()):
            return m["place"], m["publisher"].strip()
    if publisher and not place and (m := _PUBLISHER_AND_PLACE.fullmatch(publisher)) and \
            _publisher_like(m["publisher"]) and not _publisher_like(m["place"]):
        return m["place"], m["publisher"]
    if place and publisher and _publisher_like(place) and not _publisher_like(publisher) and \
            re.fullmatch(_PLACE, publisher):
        return publisher, place
    return place, publisher


def _identifiers(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """``labels`` with every DOI token labelled ``doi`` and every other address ``url``,
    but for the target of a Markdown link (``[Neil Gaiman](https://…)``): a link on a name
    or an outlet is not the source's address, and the labeller knows it from the words."""
    out = list(labels)
    for i, token in enumerate(tokens):
        if "/" not in token.text or out[i] in ("doi", "url") or \
                text.endswith("](", 0, token.start):
            continue
        if _DOI_TOKEN.fullmatch(token.text.rstrip(".,;")):
            out[i] = "doi"
        elif _URL_TOKEN.fullmatch(token.text):
            out[i] = "url"
    return out


def fields_of(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> dict:
    """The fields of one citation from its tokens and their labels (a DOI or an address
    keeps its own label, whatever the labeller read)."""
    labels = _identifiers(text, tokens, labels)
    ordered: list[list] = []  # [label, start, end] of each run of one label, in order
    i = 0
    n = len(tokens)
    while i < n:
        j = i
        while j + 1 < n and labels[j + 1] == labels[i]:
            j += 1
        ordered.append([labels[i], tokens[i].start, tokens[j].end])
        i = j + 1
    _repair(text, ordered)
    spans: dict[str, list[str]] = {}
    for label, start, end in ordered:
        spans.setdefault(label, []).append(text[start:end])

    def first(label: str, keep: bool = False) -> str | None:
        for s in spans.get(label, ()):
            value = clean(s, keep)
            if value and _ALNUM.search(value):  # not a stray '*' of emphasis
                return value
        return None

    out: dict = {}
    authors: list[dict[str, str]] = []
    for s in spans.get("author", ()):
        authors.extend(split_names(s))
    out["author"] = authors
    for role in ("editor", "translator"):
        names: list[dict[str, str]] = []
        for s in spans.get(role, ()):
            if m := _IN.match(s):  # "In P. Novak (Ed.),": the book's editors
                out["_in"] = True
                s = s[m.end():]
            names.extend(split_names(s))
        if names:
            out[role] = names
    out["title"] = first("title")
    container = bracketed_place = None
    raw_container = spans.get("container", [None])[0]
    if raw_container is not None:
        c = clean(_VOLUME_WORD_END.sub("", raw_container), keep_abbreviation=True)
        if m := _IN.match(c):
            out["_in"] = True
            c = c[m.end():]
        if m := _BRACKETED_PLACE.search(c):  # MLA's "Proceedings … [Copenhagen]"
            c, bracketed_place = c[:m.start()], m[1]
        container = c if _ALNUM.search(c) else None  # not a stray '*' of emphasis
    volume = issue = volume_year = None
    for s in spans.get("volume", ()):
        m = _YEAR_VOLUME.match(s)
        if m:  # Vancouver's "2008;9(3):" labelled volume as a whole
            volume_year = volume_year or int(m.group(1))
            s = s[m.end():]
        v, iss = _volume_issue(s)
        volume = volume or v
        issue = issue or iss
    if container and volume is None:
        m = _TRAILING_VOLUME.search(container)
        if m and not YEAR.fullmatch(m.group(1)) and m.start() > 0:
            volume = m.group(1)
            container = _keep_abbreviation(container[: m.start()] + ".",
                                           clean(container[: m.start()]))
    if container and not out["title"] and not out.get("_in") and (
            (not authors and out.get("editor")) or (
            volume is None and not spans.get("pages") and
            (spans.get("publisher") or spans.get("edition")))):
        # a book read as the outlet it would be in: cited for its editors, or with a
        # publisher and no volume nor pages (not Nature's "Nature 521, 436 (2015)")
        out["title"], container = container, None
    out["container"] = container
    out["collection"] = first("collection")
    out["place"], out["publisher"] = _imprint(first("place") or bracketed_place,
                                              first("publisher"))
    year, date = _date(spans.get("date", []))
    if year is None and volume_year is not None:
        year, date = volume_year, str(volume_year)
    out["date"] = date
    out["year"] = year
    out["volume"] = volume
    out["issue"] = issue
    pages = first("pages")
    if pages:
        pages = _PAGES.sub("", pages).replace("–", "-").replace("—", "-").strip(" ([") or None
    out["pages"] = pages
    urls: list[str] = []
    for label in ("url", "doi"):  # a DOI written as a URL is a URL too
        for s in spans.get(label, ()):
            if label == "doi" and "://" not in s:
                continue
            for u in _url_of(s):
                if u not in urls:
                    urls.append(u)
    out["url"] = urls
    doi = None
    for s in spans.get("doi", ()):
        doi = _doi_of(s)
        if doi:
            break
    if doi is None:
        for u in urls:
            if "doi.org/" in u:
                doi = _doi_of(u)
                break
    out["doi"] = doi
    accessed = None
    for s in spans.get("accessed", ()):
        y, mo, d = parse_date(s)
        accessed = iso(y, mo, d)
        if accessed:
            break
    if accessed is None and year is not None:
        for s in spans.get("accessed", ()):  # "Accessed January 5th": the citation's year
            _, mo, d = parse_date(s)
            if mo is not None:
                accessed = iso(year, mo, d)
                break
    out["accessed"] = accessed
    notes = [_SPACE.sub(" ", strip_markdown(s)).strip(" ,;:-–—") for s in spans.get("note", ())]
    out["note"] = " ".join(n for n in notes if n) or None
    out["genre"] = first("genre")
    if out["title"] and not out["genre"] and (m := _TITLE_SERIES.fullmatch(out["title"])):
        out["title"], out["genre"] = m[1], f"{m[2]} {m[3]}"
    if out["genre"] and not (volume or issue) and (m := _GENRE_NUMBER.search(out["genre"])):
        # 'Policy Brief 5': the series and the report's number (BibTeX's number, as in
        # 'Working Paper No. 11')
        out["genre"], out["issue"] = out["genre"][: m.start()].rstrip(" ,"), m.group(1)
    out["edition"] = first("edition")
    if not out["title"] and out["author"] and out["publisher"] and not (
            out["place"] or out["container"]):
        # "Ministry (2022). Annual Migration Statistics.": with authors and no title, a lone
        # publisher is the title (a publisher alone is no citation of a work)
        out["title"], out["publisher"] = out["publisher"], None
    title_span = next((t for t in spans.get("title", ()) if clean(t)), "")
    out["type"] = _type(out, quoted=strip_markdown(title_span).lstrip()[:1] in _OPEN)
    if out["type"] == "report" and out["container"] and not out["publisher"] and \
            not _outlet_like(out["container"]) and (_publisher_like(out["container"]) or any(
                a.get("literal") == out["container"] for a in out["author"])):
        # "…,” Food and Rural Policy Council, Canberra, Research Report 8": a report is in no
        # outlet; the organisation after its title issued it
        out["publisher"], out["container"] = out["container"], None
    out.pop("_in", None)
    return out
