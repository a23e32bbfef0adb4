"""Hand-built consolidated events for the analysis tests.

Each event is what a reader of one short sentence would record; tests state the numbers
they expect by counting these events by hand.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from datetime import date, timedelta

import pytest

from warledger.ledger.consolidate import ConsolidatedEvent, build_event
from warledger.types import Actor, Count, Event, Location, Mention, Span, When

_ids = itertools.count(1)
DAY0 = date(2025, 3, 1)


def make(
    kind: str,
    subtype: str | None,
    day: str | int | None,
    *,
    actor: str | None = None,
    target: str | None = None,
    claimant: str | None = None,
    participants: Iterable[str] = (),
    oblast: str | None = None,
    duration: str | None = None,
    name: str | None = None,
    counts: dict[str, int] | None = None,
    negated: bool = False,
    precision: str = "day",
    source: str = "example.org",
) -> ConsolidatedEvent:
    """One event; ``day`` is an ISO date or a day number counted from 1 March 2025."""
    n = next(_ids)
    if isinstance(day, int):
        day = (DAY0 + timedelta(days=day)).isoformat()
    when = When(day, day, precision) if day else When()
    sentence = f"{kind} {subtype or ''} sentence {n}."
    event = Event(
        kind=kind,
        subtype=subtype,
        actor=Actor(None, actor, "state") if actor else None,
        target=Actor(None, target, "state") if target else None,
        claimant=Actor(None, claimant, "state") if claimant else None,
        participants=[Actor(None, p, "state") for p in participants],
        locations=[Location(oblast, admin1=oblast, country="UA", precision="admin1")]
        if oblast
        else [],
        date=when,
        duration=duration,
        name=name,
        counts={k: Count(v) for k, v in (counts or {}).items()},
        negated=negated,
        evidence=[Span(0, len(sentence), sentence)],
    )
    doc = f"d-a{n:05d}"
    return build_event(f"e-a{n:05d}", [Mention(f"{doc}:0", doc, event, source, day)])


@pytest.fixture
def make_event() -> Callable[..., ConsolidatedEvent]:
    return make
