"""Generate large synthetic briefs: body paragraphs with markers, then a notes section.

Used by the benchmarks (throughput, linear growth) and by a correctness test on a large
document. Deterministic for a given seed.
"""

from __future__ import annotations

import random

WORDS = ("migration", "policy", "border", "capital", "housing", "remittance", "labour", "market",
         "survey", "government", "ministry", "report", "rent", "growth", "inflation", "exile",
         "visa", "permit", "city", "committee", "analysis", "estimate", "population", "economy",
         "sanctions")
OUTLETS = ("Eurasianet", "Reuters", "The Moscow Times", "Radio Free Europe/Radio Liberty",
           "Meduza", "Carnegie Politika", "The World", "Novaya Gazeta")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def to_roman(n: int) -> str:
    """Upper-case roman numeral (kept local so the generator has no footcheck import)."""
    pairs = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in pairs:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def sentence(rng: random.Random, words: int = 18) -> str:
    """A plain sentence of filler words."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def make_brief(notes: int, seed: int = 1, roman: bool = False) -> str:
    """A brief citing ``notes`` endnotes once each, in order, with one note per source."""
    rng = random.Random(seed)
    label = to_roman if roman else str
    body, defs = [], []
    paragraph = []
    for n in range(1, notes + 1):
        paragraph.append(f"{sentence(rng)}^{{{label(n)}}}")
        if len(paragraph) == 4:
            body.append(" ".join(paragraph))
            paragraph = []
        year = rng.randint(2015, 2024)
        day, month = rng.randint(1, 28), rng.randrange(12)
        slug = "-".join(rng.choice(WORDS) for _ in range(5))
        defs.append(
            f"^{{{label(n)}}} Author{n}, First. ({year}). '{sentence(rng, 8)[:-1]},' "
            f"*{rng.choice(OUTLETS)}*. {day} {MONTHS[month]}. Available at: "
            f"<https://www.example.org/{year}/{month + 1:02d}/{day:02d}/{slug}-{n}>.")
    if paragraph:
        body.append(" ".join(paragraph))
    return "\n\n".join(["POLICY BRIEF", *body, "Notes", *defs]) + "\n"


def make_brief_of_size(megabytes: float, seed: int = 1) -> str:
    """A brief of about ``megabytes`` MB (UTF-8), arabic note numbers."""
    per_note = len(make_brief(200, seed).encode()) / 200
    return make_brief(max(1, int(megabytes * 1_000_000 / per_note)), seed)
