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

from warledger.nlp import dates
from warledger.nlp.numwords import TENS as _TENS
from warledger.nlp.numwords import UNITS as _UNITS
from warledger.nlp.numwords import word_value
from warledger.types import Count

__all__ = ["find_counts", "parse_count", "word_value"]

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

_NUMBER = rf"(?:(?i:a\s+dozen)|(?:{_DIGITS}|(?i:{_WORD_NUMBER}))(?:\s+(?i:dozen)\b(?!s))?)"
_COUNT_RE = re.compile(
    rf"(?<![\w$€£.,-])(?:(?P<between>between)\s+|(?P<q>{_QUALIFIER_RE})\s+)?"
    rf"(?P<n>{_NUMBER})"
    # a range: "between 1,500 and 3,000", "10 to 15", "two or three", "10-15"
    rf"(?:(?(between)\s+and\s+|(?:\s+(?:to|or)\s+|\s*[–-]\s*))(?P<n2>{_NUMBER}))?"
    rf"(?:\s+(?P<t>{_TRAILING_RE})\b)?"
    rf"(?![\w-]|[.,]\d|%|\s*(?:percent|percentage|per\s+cent)\b)",
    re.IGNORECASE,
)
# Numbers that are not counts of things: ages, durations, times, measures, money, ranks.
# A fast test for "could there be a number here": a digit or a number word.
_ANY_NUMBER = re.compile(r"\d|\b(?:" + "|".join([*_UNITS, *_TENS, "dozen"]) + r")", re.IGNORECASE)
_NOT_A_COUNT_AFTER = re.compile(
    r"\s*(?:(?:minutes?|hours?|days?|weeks?|months?|years?|kilometers?|kilometres?|km|miles?"
    r"|meters?|metres?|feet|foot|euros?|dollars?|rubles?|roubles?|hryvnias?|pounds)\b"
    r"|-?year-old|:\d|a\.m\.|p\.m\.)",
    re.IGNORECASE,
)
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:[$€£]\s*|\b(?:No\.|number|aged|age|size|Group\s+of)\s*)$", re.IGNORECASE
)
# "Olena Petrenko, 29, said", "a woman, 58, was wounded": an age in apposition to a name
# or to a word for one person.
_AGE_BEFORE = re.compile(
    r"(?:[A-Z][a-z]+|\b(?:man|woman|boy|girl|child|teenager|resident|pensioner|mother|father"
    r"|son|daughter|wife|husband|driver|passenger|grandmother|grandfather|civilian)),\s*$"
)
_AGE_AFTER = re.compile(r"\s*,")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# "one" is also a pronoun: "no one", "each one", "one another", "the one who".
_ONE_PRONOUN_BEFORE = re.compile(
    r"\b(?:no|any|every|each|the|this|that|which|someone|such)\s+$", re.IGNORECASE
)
_ONE_PRONOUN_AFTER = re.compile(r"\s+(?:another|who|that|which)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")


def find_counts(text: str) -> list[tuple[int, int, Count]]:
    """Spans ``(start, end, Count)`` of every number phrase that counts something.

    Skipped: numbers inside date expressions, ages ("54-year-old"), durations
    ("30 days", "30-day"), percentages, money, clock times, "no one" / "one another".
    Vague plurals ("dozens", "hundreds of") are not numbers and are never returned.
    """
    if not _ANY_NUMBER.search(text):
        return []  # most sentences state no number: skip the costly patterns

    date_spans = [(s, e) for s, e, _ in dates.find(text)]
    found: list[tuple[int, int, Count]] = []
    pos = 0
    while m := _COUNT_RE.search(text, pos):
        # A rejected phrase is rescanned just past its first number, so in
        # "from 2023 to 388" the year is dropped but 388 is still read.
        pos = m.end("n")
        counts = _judge(text, m, date_spans)
        if counts is None:
            continue
        found.extend(counts)
        pos = m.end()
    return found


def _judge(
    text: str, m: re.Match[str], date_spans: list[tuple[int, int]]
) -> list[tuple[int, int, Count]] | None:
    """The counts one number phrase gives, or None when it counts nothing."""
    start, n_start, n_end = m.start(), m.start("n"), m.end("n")
    before = text[max(0, start - 30) : start]
    if any(ds < n_end and n_start < de for ds, de in date_spans):
        return None
    if _NOT_A_COUNT_BEFORE.search(before) or _not_a_count(text, m["n"], n_start, n_end):
        return None
    if _AGE_BEFORE.search(before) and _AGE_AFTER.match(text, m.end()) and not m["q"]:
        return None
    value = word_value(m["n"])
    if value is None:
        return None
    if m["n2"] and _FROM_BEFORE.search(before):
        # "from 88 to 388" is a change, not a range: two separate figures.
        out = [(n_start, n_end, Count(value=value, text=m["n"]))]
        second = word_value(m["n2"])
        if second is not None and not _not_a_count(text, m["n2"], m.start("n2"), m.end()):
            out.append((m.start("n2"), m.end("n2"), Count(value=second, text=m["n2"])))
        return out
    qualifier = _QUALIFIERS[m["q"].lower()] if m["q"] else "exact"
    if m["n2"]:
        qualifier = "at_least"  # a range: the low end is the figure that is certain
    if m["t"]:
        qualifier = _TRAILING_QUALIFIERS[m["t"].lower()]
    return [(start, m.end(), Count(value=value, qualifier=qualifier, text=m[0]))]


def _not_a_count(text: str, raw: str, start: int, end: int) -> bool:
    """A number that measures time, distance or money, is a year, or is the pronoun "one"."""
    if _NOT_A_COUNT_AFTER.match(text, end) or _YEAR.fullmatch(raw):
        return True
    return raw.lower() == "one" and bool(
        _ONE_PRONOUN_BEFORE.search(text, max(0, start - 12), start)
        or _ONE_PRONOUN_AFTER.match(text, end)
    )


def parse_count(text: str) -> Count | None:
    """The first counted number in ``text`` with its qualifier, or None.

    "at least five" → 5 at_least; "two people killed" → 2 exact; "dozens" → None.
    """
    counts = find_counts(text)
    return counts[0][2] if counts else None
