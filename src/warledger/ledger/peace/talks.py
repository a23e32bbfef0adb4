"""The talks timeline: rounds of talks from offer to meeting, each with its status history.

Consolidation already merges reports of the same meeting (``scheduled`` and ``held`` of
one round); here events of one round at different stages are tied together, taken in
date order. A talks event joins the most recent round when:

- it is at most ``ROUND_LINK_DAYS`` after the round's last event;
- the venues agree (the same place), or one is unknown and both name the same two or
  more participant sides (without a venue, the table is the only identity there is);
- the participant sides are compatible (one set contains the other, or one is empty);
- the round has not been held yet (a second meeting is a new round), and the event is
  not an offer after the round was already scheduled.

Negated events ("no talks have been scheduled") are left out: they are not a stage.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from warledger.ledger.consolidate import ConsolidatedEvent, norm_name
from warledger.ledger.peace.timing import (
    actor_label,
    by_date,
    first_day,
    first_evidence,
    is_negated,
    iso,
)
from warledger.types import Actor

ROUND_LINK_DAYS = 14
TALKS_STAGES = ("offered", "mediation_offered", "scheduled", "postponed", "cancelled", "held")


@dataclass
class Stage:
    date: str | None
    status: str
    event_id: str
    sources: list[str]
    evidence: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TalksRound:
    round_id: str
    venue: str | None = None
    participants: list[str] = field(default_factory=list)
    mediators: list[str] = field(default_factory=list)
    history: list[Stage] = field(default_factory=list)
    events: list[ConsolidatedEvent] = field(default_factory=list, repr=False)
    # Kept as events join (recomputed from every member on each test, 3,000 talks events
    # took 4.5 s): the last stated day and the stages reached.
    last_day: date | None = field(default=None, repr=False, compare=False)
    stages: set[str] = field(default_factory=set, repr=False, compare=False)

    @property
    def status(self) -> str:
        return self.history[-1].status if self.history else "unknown"

    @property
    def date(self) -> str | None:
        """The latest known date: the meeting's day once held or scheduled."""
        dated = [h.date for h in self.history if h.date]
        return dated[-1] if dated else None

    @property
    def sides(self) -> frozenset[str]:
        return frozenset(self.participants) | frozenset(self.mediators)

    @property
    def sources(self) -> list[str]:
        return sorted({s for h in self.history for s in h.sources})

    def to_dict(self) -> dict[str, Any]:
        return {
            "round_id": self.round_id,
            "date": self.date,
            "status": self.status,
            "venue": self.venue,
            "participants": list(self.participants),
            "mediators": list(self.mediators),
            "history": [h.to_dict() for h in self.history],
            "sources": self.sources,
            "event_ids": [e.event_id for e in self.events],
        }


def _labels(actors: Iterable[Actor], *, mediator: bool) -> list[str]:
    out: list[str] = []
    for a in actors:
        label = actor_label(a)
        if label and (a.role == "mediator") == mediator and label not in out:
            out.append(label)
    return out


def _venue(event: ConsolidatedEvent) -> str | None:
    return event.locations[0].name if event.locations else None


def _event_sides(event: ConsolidatedEvent) -> frozenset[str]:
    return frozenset(_labels(event.participants, mediator=False)) | frozenset(
        _labels(event.participants, mediator=True)
    )


# Each new event is tried against every round still open (hundreds on a dense ledger),
# and normalising the two venue names was most of that time: the few venues are
# normalised once each.
_venue_key = lru_cache(maxsize=4096)(norm_name)


def _joins(
    rnd: TalksRound,
    event: ConsolidatedEvent,
    day: date | None,
    sides: frozenset[str],
    venue: str | None,
) -> bool:
    """Whether ``event`` (on ``day``, with its ``sides`` and normalised ``venue``, read
    once per event) continues ``rnd``."""
    last = rnd.last_day
    if day is None or last is None or not 0 <= (day - last).days <= ROUND_LINK_DAYS:
        return False
    stages = rnd.stages
    if "held" in stages or (event.subtype == "offered" and stages - {"offered"}):
        return False
    round_sides = rnd.sides
    if sides and round_sides and not (sides <= round_sides or round_sides <= sides):
        return False
    if venue and rnd.venue:
        return venue == _venue_key(rnd.venue)
    return len(sides) >= 2 and sides == round_sides


def _add(rnd: TalksRound, event: ConsolidatedEvent) -> None:
    rnd.events.append(event)
    day = first_day(event)
    if day is not None and (rnd.last_day is None or day > rnd.last_day):
        rnd.last_day = day
    rnd.stages.add(event.subtype or "unknown")
    rnd.history.append(
        Stage(
            date=iso(first_day(event)),
            status=event.subtype or "unknown",
            event_id=event.event_id,
            sources=list(event.sources),
            evidence=first_evidence(event),
        )
    )
    rnd.venue = rnd.venue or _venue(event)
    for label in _labels(event.participants, mediator=False):
        if label not in rnd.participants:
            rnd.participants.append(label)
    for label in _labels(event.participants, mediator=True):
        if label not in rnd.mediators:
            rnd.mediators.append(label)
    offered_by = actor_label(event.actor) if event.subtype == "mediation_offered" else None
    if offered_by and offered_by not in rnd.mediators:
        rnd.mediators.append(offered_by)


def talks_rounds(events: Iterable[ConsolidatedEvent]) -> list[TalksRound]:
    """Talks events → rounds in date order (undated events each stand alone, last)."""
    rounds: list[TalksRound] = []
    open_rounds: list[TalksRound] = []  # those a later event may still join, in order
    for event in by_date(events):
        if event.kind != "talks" or is_negated(event):
            continue
        day = first_day(event)
        if day is not None:  # events come in date order: a round quiet too long stays shut
            open_rounds = [
                r for r in open_rounds if r.last_day and (day - r.last_day).days <= ROUND_LINK_DAYS
            ]
        sides, venue = _event_sides(event), _venue(event)
        key = _venue_key(venue) if venue else None
        home = next(
            (r for r in reversed(open_rounds) if _joins(r, event, day, sides, key)), None
        )
        if home is None:
            rid = "tr-" + hashlib.sha256(event.event_id.encode()).hexdigest()[:12]
            home = TalksRound(round_id=rid)
            rounds.append(home)
            open_rounds.append(home)
        _add(home, event)
    return rounds
