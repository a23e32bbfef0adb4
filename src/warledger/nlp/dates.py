"""Date expressions in news sentences, resolved against the publication date.

News rarely prints a full date: it says "last Saturday", "overnight", "on Tuesday",
"earlier this week". :func:`find` locates such expressions in a sentence and
:func:`resolve` turns one into a :class:`~warledger.types.When` relative to the story's
publication date. Without a publication date nothing relative can be resolved, so the
result is ``precision="unknown"`` with the words kept: we never guess a date.

Decisions (documented because they are judgement calls):

- "overnight" and "last night" in a story published on D are the night ending on D: D,
  precision day (docs/annotation.md: overnight attacks reported on D happened on D).
- A bare weekday ("Saturday", "on Saturday") is the nearest such day in the direction of
  the clause's tense, the publication day itself included: past → on or before D,
  future → on or after D. "last Saturday" is strictly before D, "next Saturday" strictly
  after.
- "March 11" takes the publication year unless that puts it more than two months on the
  wrong side of D (after D for past tense, before D for future), then the adjacent year.
- "this week"/"earlier this week" (past) is Monday of D's week .. D, precision week;
  in the future tense it is D .. Sunday.
- "within days", "in the coming days", "soon" are vague: recognised, left unknown.
- Durations ("for 30 days") are not dates: see :func:`duration`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from warledger.nlp.numwords import word_value
from warledger.types import When

__all__ = ["duration", "find", "resolve"]

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _number
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAY_RD = (MO, TU, WE, TH, FR, SA, SU)

# Month names are matched case-sensitively (capitalised) so "may" the verb never counts.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_DASH = r"\s*[-–—]\s*"
_PART_OF_DAY = r"(?i:morning|afternoon|evening|night)"

_PATTERNS: list[re.Pattern[str]] = [
    re.compile(p)
    for p in (
        # 2025-03-11
        rf"\b(?P<d>{_YEAR}-[01]\d-[0-3]\d)\b",
        # 12.05.2025: day first, as monitoring notes write it
        rf"\b(?P<d>(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.{_YEAR})(?![\d.]\d)",
        # October 24-25, 2025 / Oct. 24 / March 11 and 12
        rf"\b(?P<d>{_MONTH}\s+{_DAYNUM}(?:{_DASH}{_DAYNUM}|\s+(?i:and|to)\s+{_DAYNUM})?"
        rf"(?:,?\s+{_YEAR})?)(?![\d-])",
        # 24-25 October 2025 / 11 March
        rf"\b(?P<d>{_DAYNUM}(?:{_DASH}{_DAYNUM})?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?)\b",
        # (early) March 2024
        rf"\b(?P<d>(?:(?i:early|late|mid)[-\s])?{_MONTH}\s+{_YEAR})\b",
        # in August / last August / early March: a cue word is required ("May" is ambiguous)
        rf"\b(?i:in|during|of)\s+(?P<d>(?:(?i:early|late|mid)[-\s])?{_MONTH})\b(?!\s*\d)",
        rf"\b(?P<d>(?i:last|this|next|early|late|mid)[-\s]{_MONTH})\b(?!\s*\d)",
        # in 2024 / in early 2024
        rf"\b(?i:in|during|of)\s+(?P<d>(?:(?i:early|late|mid)[-\s])?{_YEAR})\b(?![-\d])",
        # overnight into Sunday
        rf"\b(?P<d>(?i:overnight)\s+(?i:into|on|to)\s+{_WEEKDAY})\b",
        # last Saturday evening / early Tuesday / Saturday night
        rf"\b(?P<d>(?:(?i:this\s+past|last|next|this|past|early|late|earlier|later)\s+(?:(?i:on)\s+)?)?"
        rf"{_WEEKDAY}(?:\s+{_PART_OF_DAY})?)\b",
        # over the past 24 hours / in the last two days / over the past week
        r"\b(?P<d>(?i:(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+"
        r"(?:(?:\d+|two|three|four|five|six|seven|ten|24|48|72)\s+(?:hours|days)|day|week|month)))\b",
        # relative weeks, months, years, weekends
        r"\b(?P<d>(?i:(?:earlier|later)\s+this\s+(?:week|month|year)"
        r"|(?:this|last|next|past)\s+(?:week|weekend|month|year)))\b",
        # vague future: recognised so callers see it, resolved to unknown
        r"\b(?P<d>(?i:within\s+(?:days|weeks|hours)|in\s+the\s+coming\s+(?:days|weeks|months)))\b",
        # three days ago / a day earlier / two days before
        r"\b(?P<d>(?i:(?:\d{1,2}|a|one|two|three|four|five|six|seven)\s+days?\s+ago))\b",
        # single words
        r"\b(?P<d>(?i:yesterday|today|tonight|tomorrow|overnight|last\s+night"
        r"|this\s+(?:morning|afternoon|evening)|earlier\s+today|later\s+today))\b",
    )
]

_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Words one of which must occur for the pattern at the same position to match.
_GATES: tuple[tuple[str, ...], ...] = (
    ("-",),
    (".19", ".20"),
    _MONTH_STEMS,
    _MONTH_STEMS,
    _MONTH_STEMS,
    _MONTH_STEMS,
    _MONTH_STEMS,
    ("19", "20"),
    ("overnight",),
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ("past", "last", "previous"),
    ("week", "month", "year"),
    ("within", "coming"),
    (" ago",),
    (
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
        "overnight",
        "night",
        "morning",
        "afternoon",
        "evening",
    ),
)


def find(text: str) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, text)`` of date expressions, in text order.

    Prepositions ("on", "in") are left out of the span; modifiers that change the
    meaning ("last", "next", "earlier this") are kept. Overlaps: the earliest, then the
    longest, wins.
    """
    candidates: list[tuple[int, int]] = []
    lowered = text.lower()
    for gate, pattern in zip(_GATES, _PATTERNS, strict=True):
        if not any(word in lowered for word in gate):
            continue  # a cheap substring test spares most sentences most patterns
        for m in pattern.finditer(text):
            candidates.append((m.start("d"), m.end("d")))
    candidates.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    spans: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end in candidates:
        if start >= last_end:
            spans.append((start, end, text[start:end]))
            last_end = end
    return spans


# --- resolution -------------------------------------------------------------------------

_RE_DAYS_AGO = re.compile(r"^(\d{1,2}|a|one|two|three|four|five|six|seven) days? ago$")
_LEADING_PREPOSITION = re.compile(r"^(?:on|in|during|of|at|over|within|from)\s+(?=\S)")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)\b")


def _normalise(expression: str) -> str:
    s = expression.strip().lower().replace("’", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"[\s,.;:!?]+$", "", s)
    s = _ORDINAL.sub(r"\1", s)
    s = re.sub(r"\s+", " ", s)
    if not re.match(r"^(?:over|in|within|during) the (?:past|last|previous|coming)", s) and not (
        s.startswith("within ")
    ):
        s = _LEADING_PREPOSITION.sub("", s)
    return s.removeprefix("the ")


def _day(d: date, text: str) -> When:
    return When(start=d.isoformat(), end=d.isoformat(), precision="day", text=text)


def _range(start: date, end: date, precision: str, text: str) -> When:
    return When(start=start.isoformat(), end=end.isoformat(), precision=precision, text=text)


def _month_range(year: int, month: int, text: str) -> When:
    last = calendar.monthrange(year, month)[1]
    return _range(date(year, month, 1), date(year, month, last), "month", text)


def _infer_year(month: int, published: date, tense: str) -> int:
    """The year of a month named without one: the publication year unless that is implausible."""
    if tense == "future":
        return published.year + 1 if month < published.month - 2 else published.year
    return published.year - 1 if month > published.month + 2 else published.year


def _weekday(name: str, modifier: str | None, published: date, tense: str) -> date:
    target = WEEKDAYS[name]
    if modifier in ("last", "past"):
        return published - timedelta(days=1) + relativedelta(weekday=_WEEKDAY_RD[target](-1))
    if modifier == "next":
        return published + timedelta(days=1) + relativedelta(weekday=_WEEKDAY_RD[target](+1))
    if modifier == "this":
        # "this Saturday": the Saturday of the publication week.
        return published + relativedelta(weekday=MO(-1)) + timedelta(days=target)
    if tense == "future":
        return published + relativedelta(weekday=_WEEKDAY_RD[target](+1))
    return published + relativedelta(weekday=_WEEKDAY_RD[target](-1))


_MONTH_WORD = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_RE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_RE_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_RE_MONTH_DAY = re.compile(
    rf"^{_MONTH_WORD} (?P<d1>\d{{1,2}})(?:(?: ?- ?| and | to )(?P<d2>\d{{1,2}}))?"
    rf"(?:,? (?P<y>\d{{4}}))?$"
)
_RE_DAY_MONTH = re.compile(
    rf"^(?P<d1>\d{{1,2}})(?: ?- ?(?P<d2>\d{{1,2}}))? (?:of )?{_MONTH_WORD}(?:,? (?P<y>\d{{4}}))?$"
)
_RE_MONTH = re.compile(
    rf"^(?:(?P<mod>last|this|next|early|late|mid)[- ])?{_MONTH_WORD}(?: (?P<y>\d{{4}}))?$"
)
_RE_YEAR = re.compile(r"^(?:(?:early|late|mid)[- ])?(?P<y>\d{4})$")
_RE_WEEKDAY = re.compile(
    r"^(?:(?P<mod>this past|last|next|this|past|early|late|earlier|later|overnight into"
    r"|overnight on"
    r"|overnight to) (?:on )?)?(?P<wd>" + "|".join(WEEKDAYS) + r")(?: (?:morning|afternoon"
    r"|evening|night))?$"
)
_RE_PAST_SPAN = re.compile(
    r"^(?:over|in|during|within) the (?:past|last|previous) (?:(?P<n>\w+) (?P<unit>hours|days)"
    r"|(?P<single>day|week|month))$"
)
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}

_SAME_DAY = {
    "today",
    "tonight",
    "overnight",
    "this morning",
    "this afternoon",
    "this evening",
    "earlier today",
    "later today",
    "last night",
}
_VAGUE = re.compile(
    r"^(?:within (?:days|weeks|hours)|in the coming (?:days|weeks|months)|soon|recently)$"
)


# A sentence opening on these tells more of the day just told ("The same day, drones
# attacked ...", "Later that evening in Kostiantynivka, ..."): it keeps that day, even
# when it opens a new paragraph, as the entries of a monitoring note do.
_BACK_TO_THE_DAY = re.compile(
    r"^\W*(?:(?:later|earlier)\s+(?:on\s+)?(?:that|the same)\s+"
    r"(?:day|morning|afternoon|evening|night)"
    r"|(?:on\s+)?the same (?:day|date|night|evening|morning|afternoon)"
    r"|(?:on\s+)?that (?:same\s+)?(?:day|morning|afternoon|evening|night)"
    r"|(?:in|during) the (?:morning|afternoon|evening|night)"
    r"|(?:later|earlier) (?:in|during) the day)\b",
    re.IGNORECASE,
)


def keeps_the_day(sentence: str) -> bool:
    """Does the sentence open by pointing back to the day just told?"""
    return bool(_BACK_TO_THE_DAY.match(sentence))


def resolve(expression: str, published: date | None, *, tense: str = "past") -> When:
    """The dates ``expression`` denotes in a story published on ``published``.

    ``tense`` is ``"past"`` (news reporting what happened, the default) or ``"future"``
    ("is scheduled to meet on Wednesday"); it decides which way a bare weekday or month
    points. Unknown or unresolvable expressions give ``precision="unknown"`` with the
    text kept and no dates.
    """
    text = expression.strip()
    s = _normalise(expression)
    unknown = When(text=text)

    if m := _RE_ISO.match(s):
        try:
            return _day(date(int(m[1]), int(m[2]), int(m[3])), text)
        except ValueError:
            return unknown
    if m := _RE_DOTTED.match(s):
        try:
            return _day(date(int(m[3]), int(m[2]), int(m[1])), text)
        except ValueError:
            return unknown
    if (m := _RE_MONTH_DAY.match(s)) or (m := _RE_DAY_MONTH.match(s)):
        return _resolve_month_day(m, published, tense, text)
    if m := _RE_YEAR.match(s):
        year = int(m["y"])
        return _range(date(year, 1, 1), date(year, 12, 31), "year", text)
    if (m := _RE_MONTH.match(s)) and (m["y"] or published):
        month = MONTHS[m["month"]]
        if m["y"]:
            return _month_range(int(m["y"]), month, text)
        assert published is not None
        if m["mod"] == "last":
            year = published.year if month < published.month else published.year - 1
        elif m["mod"] == "next":
            year = published.year if month > published.month else published.year + 1
        elif m["mod"] == "this":
            year = published.year
        elif tense == "future":
            year = published.year if month >= published.month else published.year + 1
        else:
            year = published.year if month <= published.month else published.year - 1
        return _month_range(year, month, text)

    if published is None:
        return unknown
    if m := _RE_WEEKDAY.match(s):
        modifier = m["mod"] if m["mod"] in ("last", "past", "next", "this") else None
        modifier = "past" if m["mod"] == "this past" else modifier
        return _day(_weekday(m["wd"], modifier, published, tense), text)
    if s in _SAME_DAY:
        return _day(published, text)
    if s == "yesterday":
        return _day(published - timedelta(days=1), text)
    if s == "tomorrow":
        return _day(published + timedelta(days=1), text)
    if m := _RE_DAYS_AGO.match(s):
        n = 1 if m[1] in ("a", "one") else word_value(m[1])
        return _day(published - timedelta(days=n), text) if n else unknown
    if m := _RE_PAST_SPAN.match(s):
        return _resolve_past_span(m, published, text)
    return _resolve_relative_period(s, published, tense, text) or unknown


def _resolve_month_day(m: re.Match[str], published: date | None, tense: str, text: str) -> When:
    month = MONTHS[m["month"]]
    if m["y"]:
        year = int(m["y"])
    elif published is not None:
        year = _infer_year(month, published, tense)
    else:
        return When(text=text)
    try:
        first = date(year, month, int(m["d1"]))
        if m["d2"]:
            last = date(year, month, int(m["d2"]))
            if last > first:
                return _range(first, last, "days", text)
    except ValueError:
        return When(text=text)
    return _day(first, text)


def _resolve_past_span(m: re.Match[str], published: date, text: str) -> When:
    if m["single"] == "day":
        days = 1
    elif m["single"] == "week":
        days = 7
    elif m["single"] == "month":
        return _range(published - relativedelta(months=1), published, "days", text)
    else:
        n = int(m["n"]) if m["n"].isdigit() else _SMALL_NUMBERS.get(m["n"])
        if n is None:
            return When(text=text)
        # "the past 24 hours" reaches into the day before publication.
        days = max(1, -(-n // 24)) if m["unit"] == "hours" else n
    return _range(published - timedelta(days=days), published, "days", text)


def _resolve_relative_period(s: str, published: date, tense: str, text: str) -> When | None:
    monday = published + relativedelta(weekday=MO(-1))
    if s in ("past week", "past month", "past year"):
        # "the past week" is the last seven days, not the calendar week.
        unit = s.split()[1] + "s"
        return _range(published - relativedelta(**{unit: 1}), published, "days", text)
    if s in ("this week", "earlier this week") and not (s == "this week" and tense == "future"):
        return _range(monday, published, "week", text)
    if s in ("later this week", "this week"):
        return _range(published, monday + timedelta(days=6), "week", text)
    if s == "last week":
        return _range(monday - timedelta(days=7), monday - timedelta(days=1), "week", text)
    if s == "next week":
        return _range(monday + timedelta(days=7), monday + timedelta(days=13), "week", text)
    if s in ("this weekend", "last weekend", "past weekend"):
        saturday = monday + timedelta(days=5)
        if s != "this weekend" and saturday >= published:
            saturday -= timedelta(days=7)
        return _range(saturday, saturday + timedelta(days=1), "days", text)
    if s == "next weekend":
        saturday = monday + timedelta(days=12)
        return _range(saturday, saturday + timedelta(days=1), "days", text)
    month_offsets = {
        "this month": 0,
        "earlier this month": 0,
        "later this month": 0,
        "last month": -1,
        "next month": 1,
    }
    if s in month_offsets:
        first = published.replace(day=1) + relativedelta(months=month_offsets[s])
        return _month_range(first.year, first.month, text)
    year_offsets = {
        "this year": 0,
        "earlier this year": 0,
        "later this year": 0,
        "last year": -1,
        "next year": 1,
    }
    if s in year_offsets:
        year = published.year + year_offsets[s]
        return _range(date(year, 1, 1), date(year, 12, 31), "year", text)
    if _VAGUE.match(s):
        return When(text=text)
    return None


# --- durations --------------------------------------------------------------------------

_UNITS = {"minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M", "year": "Y"}
_RE_DURATION = re.compile(
    r"\b(?P<n>\d+|an?|[a-z]+(?:-[a-z]+)?)[-\s](?P<unit>minute|hour|day|week|month|year)s?\b",
    re.IGNORECASE,
)


def duration(text: str) -> str | None:
    """The ISO 8601 duration a phrase states: "30-day" → ``P30D``, "72-hour" → ``PT72H``.

    Returns None when the phrase names no countable span of time.
    """
    for m in _RE_DURATION.finditer(text):
        raw = m["n"].lower()
        n = 1 if raw in ("a", "an") else word_value(raw)
        if n is None or n <= 0:
            continue
        code = _UNITS[m["unit"].lower()]
        if code.startswith("T"):
            return f"PT{n}{code[1]}"
        return f"P{n}{code}"
    return None
