"""Numbers written as words ("fifty-four", "a dozen", "1.5 million") and their values.

Kept apart from :mod:`warledger.nlp.numbers` (counts with their qualifiers) and
:mod:`warledger.nlp.dates` (durations) so that both can read a number without importing
each other.
"""

from __future__ import annotations

import re

__all__ = ["SCALES", "TENS", "UNITS", "word_value"]

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def word_value(words: str) -> int | None:
    """The integer a number written in words or digits denotes, or None.

    "fifty-four" → 54, "one hundred and twenty" → 120, "a dozen" → 12,
    "1.5 million" → 1500000, "14,000" → 14000.
    """
    s = words.strip().lower().replace(",", "")
    if s in ("a dozen", "dozen"):
        return 12
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(million|billion|thousand))?", s)
    if m:
        value = float(m[1]) * (SCALES[m[2]] if m[2] else 1)
        return round(value) if value == round(value) or m[2] else None
    total = current = 0
    seen = False
    for token in re.split(r"[\s-]+", s):
        if token == "and":
            continue
        if token in ("a", "an") and not seen:
            current, seen = 1, True
        elif token in UNITS:
            current += UNITS[token]
            seen = True
        elif token in TENS:
            current += TENS[token]
            seen = True
        elif token == "dozen" and seen:
            current *= 12
        elif token in SCALES and seen:
            scale = SCALES[token]
            if scale == 100:
                current *= scale
            else:
                total += current * scale
                current = 0
        else:
            return None
    return total + current if seen else None
