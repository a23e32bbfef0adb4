"""The day of an incident its own sentence does not date, from the text before it.

A report says the day once ("On 3 September, Russian forces struck Nikopol ...") and then
tells more incidents without it ("In neighbouring Marhanets, a drone attack on a bus stop
injured two people"), in the same paragraph or the next ones; read in order, they happened
on the day just said, as the annotators date them (docs/annotation.md). Whichever reader
or detector found the incident, a strike or a clash with no date of its own takes the
last day the story said before it. A live blog's entry ("12:30 — Russian drones hit a
block in Sumy around noon") is written on the day the blog is published: its undated
incident happened that day, and no day is carried from one entry into the next.
Only a day carries: a month, a year or "over the past week" dates no single incident. With
no day said before the incident (and no live entry), its date stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from warledger.nlp import dates
from warledger.types import Event, When

# Incidents told one after another; talks, aid and the like say their own dates.
DATED_BY_CONTEXT = frozenset({"strike", "ground_combat"})

# "a day after the strikes", "two days earlier": a day of its own, told from another one.
ANOTHER_DAY = re.compile(
    r"\b(?:an?|one|two|three|four|five|six|several|few)\s+(?:days?|nights?|weeks?)\s+"
    r"(?:after|before|earlier|later|ago|previously)\b|\bthe\s+(?:day|night)\s+before\b"
    r"|\bthe\s+(?:previous|next|following)\s+(?:day|night|morning|evening)\b",
    re.IGNORECASE,
)

# "14:05 — More on the Kharkiv strike.": a live blog's timestamped entry.
TIMESTAMP = re.compile(r"[ \t]*(?:[01]?\d|2[0-3])[:.][0-5]\d[ \t]*(?:—|–|-{1,2})[ \t]*")
LIVE_ENTRY = re.compile(TIMESTAMP.pattern + r"\S")


def date_from_context(
    events: list[Event], text: str, published: date | None, ranges: list[tuple[int, int]]
) -> None:
    """Give each undated strike or clash the day said last before it (see the module)."""
    for event in events:
        if event.kind not in DATED_BY_CONTEXT or event.date.start or not event.evidence:
            continue
        start = event.evidence[0].start
        before = [r for r in ranges if r[0] <= start]
        own = text[before[-1][0] : before[-1][1]] if before else ""
        if dates.find(own) or ANOTHER_DAY.search(own):
            continue  # its own date, which the readers did not take ("in the coming days")
        when = day_before(text, published, before)
        if when is not None:
            event.date = replace(when)


def day_before(text: str, published: date | None, sentences: list[tuple[int, int]]) -> When | None:
    """The last day said in ``sentences`` (the event's own last), back to the opening of
    a live entry, whose day is the publication day."""
    for index, (lo, hi) in enumerate(reversed(sentences)):
        day = _first_day(text[lo:hi], published) if index else None
        if day is not None:
            return day
        if _opens_live_entry(text, lo):
            return _publication_day(published) if published is not None else None
    return None


def _opens_live_entry(text: str, start: int) -> bool:
    """Is the sentence at ``start`` the first of a live entry ("14:05 — More on ...")?"""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    return bool(LIVE_ENTRY.match(text, line_start)) and (
        not head.strip() or bool(TIMESTAMP.fullmatch(head))
    )


def _first_day(sentence: str, published: date | None) -> When | None:
    for _start, _end, expression in dates.find(sentence):
        when = dates.resolve(expression, published)
        if when.start and when.precision == "day":
            return when
    return None


def _publication_day(published: date) -> When:
    return When(published.isoformat(), published.isoformat(), "day", None)
