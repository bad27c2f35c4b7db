"""Note numerals: roman and arabic, as written, including Unicode superscripts.

``read`` turns a token such as ``XIV``, ``xiv``, ``12``, ``ⁱⁱⁱ`` or ``²`` into a :class:`Numeral`;
malformed tokens (``L1``, ``XIIII``, ``1O``) are read as the number most likely meant, with
``malformed=True``, so the rest of footcheck can match them and say "did you mean LI?".
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

ROMAN = "roman"
ARABIC = "arabic"
AMBIGUOUS = "ambiguous"  # a lone superscript ⁱ: roman i or a superscript "1"

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_PAIRS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_CANONICAL = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")

# Unicode superscripts that briefs use for note numbers.
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_ROMAN = {"ⁱ": "i", "ᵛ": "v", "ˣ": "x", "ˡ": "l", "ᶜ": "c", "ᵈ": "d", "ᵐ": "m",
                     "ᴵ": "I", "ⱽ": "V", "ᴸ": "L", "ᴰ": "D", "ᴹ": "M"}
SUPERSCRIPT_CHARS = SUPERSCRIPT_DIGITS + "".join(SUPERSCRIPT_ROMAN)
_DESUPER = str.maketrans({**{c: str(i) for i, c in enumerate(SUPERSCRIPT_DIGITS)},
                          **SUPERSCRIPT_ROMAN})

# Characters typed by mistake for look-alike numeral characters.
_ROMAN_CONFUSABLE = str.maketrans({"1": "I", "|": "I", "!": "I", "0": "O"})
_ARABIC_CONFUSABLE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1",
                                    "S": "5", "B": "8"})


@dataclass(frozen=True)
class Numeral:
    """A note number as read from its token.

    ``value`` is the number (the likely intended one when ``malformed``), or ``None`` when
    nothing sensible can be read; ``case`` is ``upper``, ``lower`` or ``None`` for digits.
    """

    token: str
    value: int | None
    system: str
    case: str | None = None
    malformed: bool = False


def to_roman(number: int) -> str:
    """Return ``number`` (1–3999) as an upper-case roman numeral."""
    if not 0 < number < 4000:
        raise ValueError(f"cannot write {number} as a roman numeral")
    out = []
    for value, letters in _PAIRS:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _additive(letters: str) -> int | None:
    """Value of a string of roman letters read leniently (subtractive pairs allowed anywhere)."""
    values = [_VALUES.get(ch) for ch in letters.upper()]
    if not values or None in values:
        return None
    total = 0
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and v < values[i + 1] else v
    return total if total > 0 else None


def is_roman(token: str) -> bool:
    """Whether ``token`` is a canonical roman numeral in a single case (``XIV``, ``xiv``)."""
    return bool(token) and (token.isupper() or token.islower()) \
        and _CANONICAL.fullmatch(token.upper()) is not None


def desuperscript(text: str) -> str:
    """Replace Unicode superscript digits and roman letters by their plain forms."""
    return text.translate(_DESUPER)


#: The most digits read as a number: a longer run of digits (say, of superscripts) is no note
#: number, and Python refuses to convert very long ones.
_MOST_DIGITS = 15


# Large enough for every token of a long document: a smaller cache thrashes on 10 000 notes.
@functools.lru_cache(maxsize=65536)
def read(token: str) -> Numeral:
    """Read a note number token (plain or Unicode superscript), strictly but forgivingly.

    Canonical roman numerals and plain digits are read as such; anything else is read as the
    number it most likely stands for and marked ``malformed``. Results are memoised: a
    document repeats the same few hundred tokens.
    """
    if token and all(c in SUPERSCRIPT_CHARS for c in token):
        plain = desuperscript(token)
        if plain == "i":
            return Numeral(token, 1, AMBIGUOUS, "lower")
        numeral = read(plain)
        return Numeral(token, numeral.value, numeral.system, numeral.case, numeral.malformed)
    if token.isdigit() and token.isascii():
        return Numeral(token, _number(token), ARABIC)
    if is_roman(token):
        return Numeral(token, _additive(token), ROMAN, "upper" if token.isupper() else "lower")
    letters = sum(c.upper() in _VALUES for c in token)
    digits = sum(c.isdigit() for c in token)
    if letters and letters >= digits and set(token) & set("023456789") == set():
        fixed = token.translate(_ROMAN_CONFUSABLE)
        value = _additive(fixed)
        case = "upper" if fixed.isupper() else "lower" if fixed.islower() else None
        return Numeral(token, value, ROMAN, case, malformed=True)
    fixed = token.translate(_ARABIC_CONFUSABLE)
    value = _number(fixed) if fixed.isdigit() and fixed.isascii() else None
    return Numeral(token, value, ARABIC, malformed=True)


def _number(digits: str) -> int | None:
    """The value of a string of ASCII digits, or None when it is too long for a note number."""
    return int(digits) if len(digits) <= _MOST_DIGITS else None


_JOINED = re.compile(r"\d{1,4}(?:,\d{1,4})+")


def joined_label(token: str) -> tuple[int, ...]:
    """The numbers of a label giving one entry to notes in a row, ``11,12`` of "11,12 Ibid.
    Pg. 2-3, 4-5." (a list typed by hand); ``()`` for any other token."""
    if not _JOINED.fullmatch(token):
        return ()
    values = tuple(int(t) for t in token.split(","))
    return values if all(b == a + 1 for a, b in itertools.pairwise(values)) else ()


def format_number(value: int, system: str, case: str | None = "upper") -> str:
    """Write ``value`` in ``system`` (roman in the given case, otherwise arabic)."""
    if system == ROMAN and 0 < value < 4000:
        roman = to_roman(value)
        return roman.lower() if case == "lower" else roman
    return str(value)


def label_numbers(labels: Iterable[str]) -> dict[str, int]:
    """Numbers for footnote labels given in order of first appearance.

    Markdown and reStructuredText labels are names (``[^1]``, ``[^source]``, ``[#note]``):
    a label of ASCII digits keeps its number; the others are numbered after the highest
    numbered one, in order.
    """
    found = dict.fromkeys(labels)
    numbered = [int(name) for name in found if name.isdigit() and name.isascii()]
    first = max(numbered, default=0) + 1
    out: dict[str, int] = {}
    for name in found:
        if name.isdigit() and name.isascii():
            out[name] = int(name)
        else:
            out[name] = first
            first += 1
    return out
