"""Numbers in news text, with the qualifier that hedges them.

"At least five civilians were killed", "more than 14,000 troops", "nearly 300 drones":
the hedge matters as much as the number, so a :class:`~warledger.types.Count` keeps both.
Vague quantities ("dozens", "hundreds of") have no value and are never turned into one.

Qualifier mapping (the schema's six qualifiers):

==========  ==============================================================
exact       a bare number, "a total of"
at_least    at least, no fewer than, no less than, a minimum of, "N or more"
more_than   more than, over, upwards of, in excess of, above, exceeding
about       about, around, approximately, some, roughly, an estimated, "N or so"
up_to       up to, as many as
at_most     nearly, almost, just under, close to, fewer than, less than,
            under, at most, no more than, at maximum
==========  ==============================================================

"nearly 300" means the true figure is below 300, hence ``at_most``; "about 300" may be
either side, hence ``about``.
"""

from __future__ import annotations

import re

from warledger.types import Count

__all__ = ["find_counts", "parse_count", "word_value"]

_UNITS = {
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
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_QUALIFIERS: dict[str, str] = {}
for _qualifier, _phrases in {
    "at_least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than"),
    "more_than": (
        "more than",
        "over",
        "upwards of",
        "in excess of",
        "above",
        "exceeding",
        "well over",
        "well above",
        "some more than",
    ),
    "about": (
        "about",
        "around",
        "approximately",
        "approx.",
        "some",
        "roughly",
        "an estimated",
        "estimated",
        "an approximate",
        "circa",
        "about some",
    ),
    "up_to": ("up to", "as many as", "as much as"),
    "at_most": (
        "nearly",
        "almost",
        "just under",
        "close to",
        "fewer than",
        "less than",
        "under",
        "at most",
        "no more than",
        "just below",
        "below",
        "not more than",
    ),
    "exact": ("a total of", "total of", "exactly", "precisely", "all"),
}.items():
    for _phrase in _phrases:
        _QUALIFIERS[_phrase] = _qualifier
_TRAILING_QUALIFIERS = {
    "or more": "at_least",
    "or so": "about",
    "or fewer": "at_most",
    "or less": "at_most",
    "plus": "at_least",
}

_DIGIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_WORD = (
    r"(?:(?:" + "|".join(_TENS) + rf")(?:[-\s]{_DIGIT_WORD}\b)?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
)
_SCALE = r"(?:hundred|thousand|million|billion)"
_WORD_NUMBER = (
    rf"(?:(?:{_WORD}|an?)\s+{_SCALE}(?:\s+(?:and\s+)?{_WORD}(?:\s+{_SCALE})?)*"
    rf"|{_WORD}(?:\s+{_SCALE}(?:\s+(?:and\s+)?{_WORD}(?:\s+{_SCALE})?)*)?)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:million|billion|thousand))?"
_QUALIFIER_RE = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
_TRAILING_RE = "|".join(re.escape(q) for q in _TRAILING_QUALIFIERS)

_COUNT_RE = re.compile(
    rf"(?<![\w$€£.,-])(?:(?P<q>{_QUALIFIER_RE})\s+)?"
    rf"(?P<n>(?i:a\s+dozen)|{_DIGITS}|(?i:{_WORD_NUMBER}))"
    rf"(?:\s+(?P<t>{_TRAILING_RE})\b)?(?![\w-]|[.,]\d|%|\s*(?:percent|per\s+cent)\b)",
    re.IGNORECASE,
)
# Numbers that are not counts of things: ages, durations, times, money, ranks.
_NOT_A_COUNT_AFTER = re.compile(
    r"\s*(?:(?:minutes?|hours?|days?|weeks?|months?|years?)\b|-?year-old|:\d|a\.m\.|p\.m\.)",
    re.IGNORECASE,
)
_NOT_A_COUNT_BEFORE = re.compile(r"(?:[$€£]\s*|\b(?:No\.|number|aged|age)\s*)$", re.IGNORECASE)
# "one" is also a pronoun: "no one", "each one", "one another", "the one who".
_ONE_PRONOUN_BEFORE = re.compile(
    r"\b(?:no|any|every|each|the|this|that|which|someone|such)\s+$", re.IGNORECASE
)
_ONE_PRONOUN_AFTER = re.compile(r"\s+(?:another|who|that|which)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")


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
        value = float(m[1]) * (_SCALES[m[2]] if m[2] else 1)
        return round(value) if value == round(value) or m[2] else None
    total = current = 0
    seen = False
    for token in re.split(r"[\s-]+", s):
        if token == "and":
            continue
        if token in ("a", "an") and not seen:
            current, seen = 1, True
        elif token in _UNITS:
            current += _UNITS[token]
            seen = True
        elif token in _TENS:
            current += _TENS[token]
            seen = True
        elif token in _SCALES and seen:
            scale = _SCALES[token]
            if scale == 100:
                current *= scale
            else:
                total += current * scale
                current = 0
        else:
            return None
    return total + current if seen else None


def find_counts(text: str) -> list[tuple[int, int, Count]]:
    """Spans ``(start, end, Count)`` of every number phrase that counts something.

    Skipped: numbers inside date expressions, ages ("54-year-old"), durations
    ("30 days", "30-day"), percentages, money, clock times, "no one" / "one another".
    Vague plurals ("dozens", "hundreds of") are not numbers and are never returned.
    """
    from warledger.nlp import dates  # imported here: dates uses word_value from this module

    date_spans = [(s, e) for s, e, _ in dates.find(text)]
    found: list[tuple[int, int, Count]] = []
    for m in _COUNT_RE.finditer(text):
        start, end = m.start(), m.end()
        n_start, n_end = m.start("n"), m.end("n")
        if any(ds < n_end and n_start < de for ds, de in date_spans):
            continue
        if _NOT_A_COUNT_AFTER.match(text, n_end) or _NOT_A_COUNT_BEFORE.search(text[:start]):
            continue
        raw = m["n"]
        if raw.lower() == "one" and (
            _ONE_PRONOUN_BEFORE.search(text[:n_start]) or _ONE_PRONOUN_AFTER.match(text, n_end)
        ):
            continue
        if _YEAR.fullmatch(raw):  # a bare year, not a count
            continue
        value = word_value(raw)
        if value is None:
            continue
        qualifier = "exact"
        if m["q"]:
            qualifier = _QUALIFIERS[m["q"].lower()]
        if m["t"]:
            qualifier = _TRAILING_QUALIFIERS[m["t"].lower()]
        found.append((start, end, Count(value=value, qualifier=qualifier, text=text[start:end])))
    return found


def parse_count(text: str) -> Count | None:
    """The first counted number in ``text`` with its qualifier, or None.

    "at least five" → 5 at_least; "two people killed" → 2 exact; "dozens" → None.
    """
    counts = find_counts(text)
    return counts[0][2] if counts else None
