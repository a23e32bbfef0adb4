"""Dates, durations and labels shared by the peace-process registers.

Reports give a ceasefire's start as a day ("from Saturday") and its length as an ISO 8601
duration ("PT30H", "P30D"), rarely the hour. A window is therefore a range of calendar
days, and its end is the *last day the ceasefire could still be in force*:
``start + duration`` rounded up to the day that contains it (a 30-hour truce from
19 April may run until 21 April if it began late on the 19th). Wider is honest here;
narrower would drop allegations that fall inside the truce.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from warledger.ledger.consolidate import ConsolidatedEvent, date_interval, norm_name
from warledger.types import Actor

_DURATION = re.compile(
    r"^P(?!$)(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)
_ALMOST_A_DAY = timedelta(days=1) - timedelta(microseconds=1)


def parse_duration(text: str | None) -> relativedelta | None:
    """An ISO 8601 duration ("P30D", "PT30H", "P1M") or None when absent or malformed."""
    match = _DURATION.match((text or "").strip().upper())
    if not match:
        return None
    parts = {k: int(v) for k, v in match.groupdict().items() if v}
    return relativedelta(**parts)


def last_day(start: date, duration: relativedelta) -> date:
    """The last calendar day a period of ``duration`` that began on ``start`` may reach."""
    return (datetime.combine(start, datetime.min.time()) + duration + _ALMOST_A_DAY).date()


def days_of(event: ConsolidatedEvent) -> tuple[date, date] | None:
    """The days an event may cover, or None when its date is unknown."""
    return date_interval(event.date)


def first_day(event: ConsolidatedEvent) -> date | None:
    interval = days_of(event)
    return interval[0] if interval else None


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def actor_label(actor: Actor | None) -> str | None:
    """How a party is named in tables: its side code when known (a person speaks for
    their side), else its name."""
    if actor is None:
        return None
    return actor.side or actor.name


def claimant_label(event: ConsolidatedEvent) -> str | None:
    """Who asserts the event: the most common claimant side (or name) over its claims."""
    labels = Counter(lbl for c in event.claims if (lbl := actor_label(c.claimant)))
    if not labels:
        return None
    top = max(labels.values())
    return next(lbl for lbl in labels if labels[lbl] == top)


def same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b and norm_name(a) == norm_name(b))


def first_evidence(event: ConsolidatedEvent) -> str | None:
    """The first evidence sentence of the event's first claim (where it was read)."""
    for claim in event.claims:
        for span in claim.evidence:
            return span.text
    return None


def by_date(events: Iterable[ConsolidatedEvent]) -> list[ConsolidatedEvent]:
    """Events in date order, undated last, ties by id (a fixed, reproducible order)."""

    def key(e: ConsolidatedEvent) -> tuple[bool, date, str]:
        day = first_day(e)
        return (day is None, day or date.min, e.event_id)

    return sorted(events, key=key)


def is_negated(event: ConsolidatedEvent) -> bool:
    """The reports say it did not happen (consolidation never mixes negated and affirmed
    claims, so the claims agree)."""
    return bool(event.claims) and all(c.negated for c in event.claims)
