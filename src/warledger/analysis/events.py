"""Small readers of consolidated events shared by the analyses.

Per-day analyses count an event on a day only when its date *is* one day: an event dated
"last week" or "in March" cannot be put on a day without guessing, so it is counted as
``undated`` instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from warledger.ledger.consolidate import ConsolidatedEvent, date_interval
from warledger.ledger.peace.timing import is_negated

UNKNOWN = "unknown"
# Diplomatic events for the event study: steps of talks, proposals and ceasefires.
# Violation allegations are fighting talk, not diplomacy.
DIPLOMATIC_KINDS = ("talks", "proposal", "ceasefire")
NOT_DIPLOMATIC_SUBTYPES = frozenset({"violation_alleged"})


def event_day(event: ConsolidatedEvent) -> date | None:
    """The event's day when its date is a single day, else None."""
    interval = date_interval(event.date)
    if event.date.precision not in ("day", "days") or interval is None:
        return None
    if interval[0] != interval[1]:
        return None
    return interval[0]


def best(event: ConsolidatedEvent, key: str) -> int | None:
    count = event.counts.get(key)
    return count.best if count is not None else None


def is_large_strike(
    event: ConsolidatedEvent, *, launched_at_least: int, killed_at_least: int
) -> bool:
    """A strike where at least ``launched_at_least`` drones/missiles were launched or at
    least ``killed_at_least`` people were killed (reconciled best values)."""
    if event.kind != "strike" or is_negated(event):
        return False
    launched, killed = best(event, "launched"), best(event, "killed")
    return (launched is not None and launched >= launched_at_least) or (
        killed is not None and killed >= killed_at_least
    )


def is_diplomatic(event: ConsolidatedEvent) -> bool:
    return (
        event.kind in DIPLOMATIC_KINDS
        and event.subtype not in NOT_DIPLOMATIC_SUBTYPES
        and not is_negated(event)
    )


def actor_side(event: ConsolidatedEvent) -> str:
    return (event.actor.side if event.actor else None) or UNKNOWN


def oblast(event: ConsolidatedEvent) -> str:
    for loc in event.locations:
        if loc.admin1:
            return loc.admin1
        if loc.precision == "admin1":
            return loc.name
    return UNKNOWN


def day_range(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def study_period(events: Iterable[ConsolidatedEvent]) -> tuple[date, date] | None:
    """The days the ledger covers: from its first to its last single-day event."""
    days = [d for e in events if (d := event_day(e))]
    return (min(days), max(days)) if days else None
