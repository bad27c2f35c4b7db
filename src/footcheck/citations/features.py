"""The features of each token of a citation, as CRFsuite attribute strings.

Per token (computed once per distinct token text and cached):

* the lower-cased word (``w=``; URLs, DOIs, e-mails and long numbers by their kind only) and
  its shape (``Xxxx`` → ``sh=Xx``, ``2023`` → ``sh=d``);
* capitalised, all capitals, a single capital (an initial), digits, a 4-digit year-like number
  (1500–2099), a day-like number (1–31), a roman numeral;
* prefix and suffix of 2 and 3 characters;
* the punctuation class (full stop, comma, colon, semicolon, quote, bracket, dash, Markdown
  emphasis or escape …);
* membership in small word lists: month names in English, French, German, Spanish, Italian,
  Portuguese, Russian (transliterated and Cyrillic) and Dutch; name particles (``van``,
  ``de``, ``al``, ``uluu`` …); organisation words (``Bank``, ``Institute`` …); editor, volume,
  page, access, availability, publisher and genre words.

Per position: the relative position in the sequence (10 buckets, and first/last token); the
number of sentence-like boundaries (a full stop and a space, not after an initial unless a
sentence follows) before the token and still to come in its source, and of commas since the
last one; whether the token's segment (the text between two boundaries) and the next one hold
a number, and whether the segment before ends in a year (``(2023). Title.``); a lower-case
word's segment (0, 1, 2 or more); depth inside parentheses, square brackets, quotes and
Markdown emphasis (a quote is matched with its closing mark, so that ``'A "new" wave'`` is one
quote holding another, an apostrophe does not close a double quote, and a quote never closed
marks nothing); whether a year, a URL or a quote has been seen before the token in its source;
and the features above of the tokens ±1 and ±2 (word, shape, punctuation class and word-list
membership) and the word bigrams with the tokens ±1.

A note's sources are cut where :func:`footcheck.citations.sources` cuts them (a ``;`` right
after a URL): the counts and what was seen start again after the cut.
"""

from __future__ import annotations

import functools
import re

from .tokens import Token

__all__ = ["sequence_features", "token_features"]


def _set(words: str) -> frozenset[str]:
    """The white-space separated words of ``words``."""
    return frozenset(words.split())

#: The ``month`` feature's words. Not :data:`footcheck.dates.MONTH_NUMBERS`: the model was
#: trained with these as they stand (seasons and ``avr`` in, ``novembro`` out).
MONTHS = _set("""
january february march april may june july august september october november december jan
feb mar apr jun jul aug sep sept oct nov dec janvier février fevrier mars avril mai juin
juillet août aout septembre octobre novembre décembre decembre janv févr fevr avr juil déc
januar februar märz maerz juni juli oktober dezember jänner enero febrero marzo abril mayo
junio julio agosto septiembre setiembre octubre noviembre diciembre gennaio febbraio
aprile maggio giugno luglio settembre ottobre dicembre janeiro fevereiro março marco maio
junho julho setembro outubro dezembro januari februari maart mei augustus yanvar fevral
mart aprel mai iyun iyul avgust sentyabr oktyabr noyabr dekabr yanvarya fevralya marta
aprelya maya iyunya iyulya avgusta sentyabrya oktyabrya noyabrya dekabrya январь февраль
март апрель май июнь июль август сентябрь октябрь ноябрь декабрь января февраля марта
апреля мая июня июля августа сентября октября ноября декабря spring summer autumn fall
winter
""")

PARTICLES = _set("""
van von der den de del della di da das dos du la le les al el bin ibn ben ter ten zu uluu
kyzy uly ogly oglu y st saint mac mc o
""")

ORG_WORDS = _set("""
bank institute institut institution agency ministry council initiative organisation
organization centre center university foundation news times press radio group fund office
commission committee department service international association society union network
barometer forum programme program nations court parliament government republic media
herald post journal economist reuters tribune gazette daily weekly monthly review
federation authority board bureau library museum trust corporation company ltd inc llc plc
gmbh ag co corp unesco unicef oecd imf un eu who nato world european national federal
state commissioner secretariat assembly congress senate house party movement alliance
partnership project platform observatory monitor watch dialogue school college academy
laboratory lab research studies policy affairs relations development global statistics
statistical census
""")

EDITOR_WORDS = _set("""
ed eds ed. editor editors edited hrsg hrsg. herausgegeben dir coord trans transl
translated translator by
""")
VOLUME_WORDS = _set("""
vol vols volume volumes no nos nr number issue iss bd jg jahrgang t tome tom heft n
""")
PAGE_WORDS = _set("""
p pp page pages s ss seite seiten str art para paras at
""")
ACCESS_WORDS = _set("""
accessed retrieved viewed consulted visited abgerufen consulté zugegriffen obrashcheniya
обращения
""")
AVAIL_WORDS = _set("""
available online url via from at doi https http www
""")
PUBLISHER_WORDS = _set("""
press university verlag books publishing publishers publisher editions éditions edition
routledge springer wiley elsevier sage palgrave macmillan oxford cambridge penguin
blackwell brill harvard yale princeton mit norton
""")
GENRE_WORDS = _set("""
report paper papers brief briefing thesis dissertation working discussion series dataset
database memo memorandum factsheet statement speech interview podcast video blog press-
release manuscript draft preprint unpublished communication letter testimony hearing act
bill regulation directive law decree resolution judgment judgement case phd ma msc
""")
JOURNAL_WORDS = _set("""
journal journals review bulletin quarterly proceedings transactions letters annals studies
research magazine newsletter gazette times post herald news digest monitor analytica
survey affairs j rev proc trans bull ann lett stud zeitschrift revue rivista acta archives
conference symposium workshop congress
""")
CONNECT_WORDS = _set("""
and & et al in und y e i и with
""")
ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")

#: Word classes a token may belong to: (the words, the feature, whether neighbours see it).
_WORD_CLASSES = (
    (MONTHS, "month", True), (PARTICLES, "particle", False), (ORG_WORDS, "org", True),
    (EDITOR_WORDS, "editor", True), (VOLUME_WORDS, "volw", True), (PAGE_WORDS, "pagew", True),
    (ACCESS_WORDS, "access", True), (AVAIL_WORDS, "avail", False),
    (PUBLISHER_WORDS, "pub", True), (JOURNAL_WORDS, "jour", True),
    (GENRE_WORDS, "genre", True), (CONNECT_WORDS, "conn", False),
)

_PUNCT = {
    ".": "stop", ",": "comma", ":": "colon", ";": "semi", "(": "lpar", ")": "rpar",
    "[": "lbr", "]": "rbr", "{": "lbr", "}": "rbr", "<": "lang", ">": "rang",
    '"': "dq", "“": "ldq", "”": "rdq", "„": "ldq", "«": "ldq", "»": "rdq",
    "'": "sq", "‘": "lsq", "’": "rsq", "`": "sq",
    "-": "dash", "–": "dash", "—": "dash", "‐": "dash", "−": "dash",
    "*": "star", "_": "under", "\\": "bslash", "/": "slash", "&": "amp", "?": "q", "!": "q",
    "#": "hash", "§": "sect", "¶": "sect", "+": "plus", "=": "eq", "|": "bar", "%": "pct",
    "^": "caret", "~": "tilde", "@": "at", "…": "ellipsis",
}


def _shape(word: str) -> str:
    out = []
    last = ""
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if c != last:
            out.append(c)
            last = c
    return "".join(out)


def _kind(text: str) -> str:
    if "://" in text or text.lower().startswith("www."):
        return "url"
    if re.match(r"(?:(?:doi|DOI)\s?:\s?)?10\.\d{4,9}/", text):
        return "doi"
    if "@" in text and len(text) > 3:
        return "email"
    if len(text) in (7, 10) and text[4] == "-" and text[:4].isdigit():
        return "isodate"
    return ""


@functools.lru_cache(maxsize=65536)
def token_features(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the token's own features, the shorter set its neighbours see), without prefixes."""
    kind = _kind(text)
    if kind:
        own = (f"w=<{kind}>", f"kind={kind}", f"sh={kind}")
        return own, (f"w=<{kind}>", f"sh={kind}")
    low = text.lower()
    shape = _shape(text)
    feats: list[str] = []
    near: list[str] = []
    punct = _PUNCT.get(text) if len(text) == 1 else None
    if punct is not None or (len(text) == 1 and not text.isalnum()):
        p = punct or "punct"
        feats += [f"w={text}", f"p={p}", "sh=punct"]
        near += [f"w={text}", f"p={p}"]
        return tuple(feats), tuple(near)
    if text.isdecimal():  # (not isdigit: "²" is a digit int() cannot read)
        n = len(text)
        value = int(text)
        w = f"w={low}" if n <= 2 else f"w=<num{n}>"
        feats += [w, f"sh=d{min(n, 5)}", "digit"]
        near += [w, f"sh=d{min(n, 5)}"]
        if n == 4 and 1500 <= value <= 2099:
            feats.append("year")
            near.append("year")
        elif 1 <= value <= 31 and n <= 2:
            feats.append("day")
            near.append("day")
        return tuple(feats), tuple(near)
    feats += [f"w={low}", f"sh={shape}", f"pre2={low[:2]}", f"pre3={low[:3]}",
              f"suf2={low[-2:]}", f"suf3={low[-3:]}"]
    near += [f"w={low}", f"sh={shape}"]
    if text[0].isupper():
        feats.append("cap")
        if len(text) == 1:
            feats.append("initial")
            near.append("initial")
        elif text.isupper():
            feats.append("allcaps")
            near.append("allcaps")
    elif text[0].isdigit():
        feats.append("numstart")
    if "-" in text:
        feats.append("hyphen")
    if "'" in text or "’" in text:
        feats.append("apos")
    for words, name, seen_near in _WORD_CLASSES:
        if low in words:
            feats.append(name)
            if seen_near:
                near.append(name)
    if ROMAN.match(low):
        feats.append("roman")
    if not text.isalpha() and any(c.isdigit() for c in text):
        feats.append("alnum")
    return tuple(feats), tuple(near)


@functools.lru_cache(maxsize=65536)
def _neighbour_views(text: str) -> tuple[tuple[str, ...], ...]:
    """The token's short feature set prefixed for positions -2, -1, +1, +2."""
    _, near = token_features(text)
    return tuple(tuple(f"{o}:{f}" for f in near) for o in ("-2", "-1", "+1", "+2"))


_OPEN_QUOTES = "“‘«„"
_CLOSE_QUOTES = "”’»"
#: The marks that close a quote opened by each mark (straight ones only when glued to a word).
_CLOSERS = {"'": "'’", "‘": "’'", '"': '"”', "“": '”"', "„": '“”"', "«": "»", "`": "'’"}
_QUOTE_MARKS = frozenset("'\"`“”‘’«»„")


def _sentence_follows(words: list[str], i: int) -> bool:
    """Whether a sentence starts at ``words[i]``: a capitalised word, then a lower-case one
    (``Berg J. Migration and rents``, not ``J. Bast and`` nor ``A. Smith, B. Jones``)."""
    if i + 1 >= len(words):
        return False
    first, second = words[i], words[i + 1]
    return (len(first) > 1 and first[0].isupper() and first[1:].islower()
            and second.isalpha() and second.islower()
            and second not in CONNECT_WORDS and second not in PARTICLES)


def _quotes(words: list[str], glued_prev: list[bool], glued_next: list[bool]) -> list[int]:
    """Per token: 1 opens a quote that is closed later, 2 closes one, 3 opens one never closed.

    A quote mark opens when it is a curly opening mark or a straight mark glued to the word
    after it and not to the word before; it closes the innermost open quote whose mark it
    matches (a straight mark only when glued to the word before), so that a quoted word inside
    a quoted title (``'A "new" wave'``) does not end the title and an apostrophe
    (``nakazat' za``) does not close a double quote.
    """
    events = [0] * len(words)
    stack: list[tuple[int, str]] = []
    for i, w in enumerate(words):
        if len(w) != 1 or w not in _QUOTE_MARKS:
            continue
        if stack:
            curly = w in _CLOSE_QUOTES
            if curly or glued_prev[i]:
                for k in range(len(stack) - 1, -1, -1):
                    if w in _CLOSERS[stack[k][1]]:
                        events[stack[k][0]] = 1
                        events[i] = 2
                        del stack[k:]
                        break
                    if not curly:
                        break
                if events[i]:
                    continue
        opens = w in _OPEN_QUOTES or (w in "'\"" and glued_next[i] and (
            not glued_prev[i] or words[i - 1] in "([*_"))
        if opens and len(stack) < 3:
            stack.append((i, w))
    for j, _ in stack:
        events[j] = 3
    return events


_POS = tuple(f"pos={k}" for k in range(10))
_SEG = tuple(f"seg={k}" for k in range(7))
_SEGR = tuple(f"segr={k}" for k in range(4))
_LSEG = tuple(f"lseg={k}" for k in range(3))
_COMMAS = tuple(f"commas={k}" for k in range(4))


def _source_ends(words: list[str]) -> list[bool]:
    """Whether each token is a ``;`` that ends a source: right after a URL (past ``>``,
    ``)`` or ``.``), as :func:`footcheck.citations.sources` cuts a note."""
    out = [False] * len(words)
    for i, w in enumerate(words):
        if w == ";":
            k = i - 1
            while k >= 0 and words[k] in (">", ")", "."):
                k -= 1
            out[i] = k >= 0 and token_features(words[k])[0][0] == "w=<url>"
    return out


def sequence_features(text: str, tokens: list[Token]) -> list[list[str]]:
    """The attribute strings of every token of ``tokens`` (of ``text``)."""
    n = len(tokens)
    out: list[list[str]] = []
    words = [t.text for t in tokens]
    lower = [w.lower() for w in words]
    views = [_neighbour_views(w) for w in words]
    owns = [token_features(w)[0] for w in words]
    glued_prev = [False] + [tokens[i - 1].end == tokens[i].start for i in range(1, n)]
    glued_next = [*glued_prev[1:], False]
    quotes = _quotes(words, glued_prev, glued_next)
    ends = _source_ends(words) if ";" in words else [False] * n
    # sentence-like boundaries: a full stop followed by a space, not closing an initial
    boundary = [
        w == "." and i + 1 < n and not glued_next[i]
        and not (i > 0 and "initial" in owns[i - 1] and not _sentence_follows(words, i + 1))
        for i, w in enumerate(words)]
    # per segment (the text between two boundaries): whether it holds a number, whether the
    # one before it ends in a year ("(2023).", "2019."); per token: the boundaries still to
    # come in its source
    nseg = sum(boundary) + sum(ends) + 2
    seg_digits = [False] * nseg
    after_date = [False] * nseg
    k = 0
    for i, w in enumerate(words):
        if w[0].isdigit():
            seg_digits[k] = True
        if boundary[i]:
            k += 1
            j = i - 1 if i and words[i - 1] != ")" else i - 2
            if j >= 0 and "year" in owns[j]:
                after_date[k] = True
        elif ends[i]:
            k += 1
    remaining = [0] * n
    left = 0
    for i in range(n - 1, -1, -1):
        if ends[i]:
            left = 0
        left += boundary[i]
        remaining[i] = left
    paren = bracket = depth = 0
    italic = False
    seen_year = seen_url = seen_quote = False
    segment = commas = k = 0
    for i in range(n):
        w = words[i]
        own = owns[i]
        feats = list(own)
        feats.append(_POS[10 * i // n])
        feats.append(_SEG[segment])
        feats.append(_SEGR[min(remaining[i], 3)])
        feats.append(_COMMAS[commas])
        if seg_digits[k]:
            feats.append("segd")
        if seg_digits[k + 1]:
            feats.append("nsegd")
        if after_date[k]:
            feats.append("dseg")
        if w[0].islower():
            feats.append(_LSEG[min(segment, 2)])
        if i == 0:
            feats.append("first")
        elif i == n - 1:
            feats.append("last")
        if glued_prev[i]:
            feats.append("glued")
        if glued_next[i]:
            feats.append("glued_next")
        # depth and state before this token
        if w == ")" and paren:
            paren -= 1
        if w == "]" and bracket:
            bracket -= 1
        q = quotes[i]
        if q == 2:
            depth -= 1
        emph_close = False
        if italic and (w == "*" or w == "_"):
            italic = False
            emph_close = True
            feats.append("emph_close")
        if paren:
            feats.append("in_paren")
        if bracket:
            feats.append("in_bracket")
        if depth:
            feats.append("in_quote")
        if italic:
            feats.append("in_emph")
        if seen_year:
            feats.append("after_year")
        if seen_url:
            feats.append("after_url")
        if seen_quote:
            feats.append("after_quote")
        if q == 2:
            feats.append("quote_close" if not depth else "quote_close_inner")
        # state after this token
        if w == "(":
            paren += 1
        elif w == "[":
            bracket += 1
        elif q == 1:
            feats.append("quote_open" if not depth else "quote_open_inner")
            depth += 1
            seen_quote = True
        elif q == 3:
            feats.append("quote_unclosed")
            seen_quote = True
        elif (w == "*" or w == "_") and not emph_close and glued_next[i]:
            italic = True
            feats.append("emph_open")
        if boundary[i]:
            if segment < 6:
                segment += 1
            k += 1
            commas = 0
        elif w == "," and commas < 3:
            commas += 1
        elif ends[i]:
            # a new source: what was seen in the one before says nothing about this one
            segment = commas = 0
            k += 1
            seen_year = seen_url = seen_quote = False
            feats.append("source_end")
        if "year" in own:
            seen_year = True
        elif own[0] == "w=<url>":
            seen_url = True
        if i >= 2:
            feats.extend(views[i - 2][0])
        else:
            feats.append("-2:BOS")
        if i >= 1:
            feats.extend(views[i - 1][1])
            feats.append(f"bi={lower[i - 1]}|{lower[i]}")
        else:
            feats.append("-1:BOS")
        if i + 1 < n:
            feats.extend(views[i + 1][2])
            feats.append(f"bi+={lower[i]}|{lower[i + 1]}")
        else:
            feats.append("+1:EOS")
        if i + 2 < n:
            feats.extend(views[i + 2][3])
        else:
            feats.append("+2:EOS")
        out.append(feats)
    return out
