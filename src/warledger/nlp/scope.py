"""Which country each event happened in, and whether it belongs to the theatre.

An attack in Pakistan is an event, but not one of this war: every event carries
``country`` (of its place) and ``theatre`` (the theatre's name, or ``None``). The rules
are data (the theatre's ``scope.json``: its countries and the kinds that happen at a
place); the detector's ``other_theatre`` reading and the rest of the document decide
where places and sides do not:

- placed in one of the theatre's countries: in the theatre;
- a located kind (a strike, a battle) placed elsewhere: in the theatre only when one of
  the theatre's parties is a side and the detector does not read the sentence as
  another conflict's (a Russian drone crashing in Poland, not Russian jets over Syria);
- unplaced, or a kind that happens anywhere (talks in Riyadh, sanctions in Brussels): in
  the theatre when a party is a side; with no side and no place, like the document's
  other events, unless the detector reads the sentence as another conflict's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from warledger.nlp.theatre import Theatre
from warledger.types import KINETIC_KINDS, Event

OTHER = "other_theatre"


@dataclass(frozen=True)
class Scope:
    """A theatre's name as events carry it, its countries, parties and located kinds."""

    name: str
    countries: frozenset[str]
    parties: frozenset[str]
    located_kinds: frozenset[str]

    @classmethod
    def of(cls, theatre: Theatre) -> Scope:
        data = theatre.data("scope.json") or {}
        parties = frozenset(p.code for p in theatre.parties)
        return cls(
            name=str(data.get("theatre") or theatre.name),
            countries=frozenset(data.get("countries") or parties),
            parties=parties,
            located_kinds=frozenset(data.get("located_kinds") or KINETIC_KINDS),
        )


def event_country(event: Event) -> str | None:
    """The country of the event's first placed location; None without one."""
    return next((loc.country for loc in event.locations if loc.country), None)


def _sides(event: Event) -> set[str]:
    actors = [event.actor, event.target, *event.participants]
    return {a.side for a in actors if a is not None and a.side}


def assign(
    events: Sequence[Event],
    scope: Scope,
    other: Sequence[float | None] | None = None,
) -> None:
    """Set ``country`` and ``theatre`` on each event; ``other[i]`` is the detector's
    probability that event i's sentence reports another conflict (None: no reading)."""
    readings = list(other) if other is not None else [None] * len(events)
    undecided: list[int] = []
    for i, event in enumerate(events):
        event.country = event_country(event)
        verdict = _decide(event, scope, readings[i])
        if verdict is None:
            undecided.append(i)
        else:
            event.theatre = scope.name if verdict else None
    inside = sum(1 for e in events if e.theatre == scope.name)
    decided = len(events) - len(undecided)
    for i in undecided:
        elsewhere = (readings[i] or 0.0) >= 0.5
        majority = decided == 0 or inside * 2 >= decided
        events[i].theatre = scope.name if majority and not elsewhere else None


def _decide(event: Event, scope: Scope, other: float | None) -> bool | None:
    """True (in), False (out), or None (no place and no side: the document decides)."""
    elsewhere = (other or 0.0) >= 0.5
    countries = {loc.country for loc in event.locations if loc.country}
    sides = _sides(event) & scope.parties
    if countries & scope.countries:
        return True
    if countries and event.kind in scope.located_kinds:
        return bool(sides) and not elsewhere
    if sides:
        return True
    if countries:
        return False
    return None


def other_readings(
    events: Sequence[Event],
    ranges: Sequence[tuple[int, int]],
    scores: Sequence[Mapping[str, float]],
) -> list[float | None]:
    """Per event, the detector's ``other_theatre`` probability for its sentence."""
    out: list[float | None] = []
    for event in events:
        start = event.evidence[0].start if event.evidence else -1
        i = next((k for k, (s, e) in enumerate(ranges) if s <= start < e), None)
        out.append(scores[i].get(OTHER) if i is not None else None)
    return out
