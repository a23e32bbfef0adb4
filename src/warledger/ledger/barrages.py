"""A night's attack as one object: what was launched and shot down, and what it hit.

Air-defence reports ("Russia launched 54 drones and 3 missiles; 45 drones were shot
down") and the impacts reported town by town are separate events in the ledger; a
*barrage* ties them together: all strike events by one attacker side within one
night window, 18:00 on day D-1 to 12:00 on day D, called "the night of D".

- An event whose date carries a time goes to the window that contains it (22:30 on
  19 April → the night of 20 April); afternoon strikes (12:00–18:00) join their own date.
- An event with a day-precision date goes to that date: reports say "overnight" of the
  morning they are published, and the extractor resolves that to the morning's date.
- Events with a vaguer date, or whose attacker side is unknown, are left out: placing
  them in a night or giving them an attacker would be guessing.

Numbers are the consolidated events' reconciled ``best`` values, summed per weapon
(for launched / intercepted / failed) and per place (for killed / injured). A report that
gives numbers per weapon ("90 missiles and 100 drones", ``Event.counts_by_weapon``) is
summed per weapon from that breakdown rather than under one "mixed" weapon.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from warledger.ledger.consolidate import ConsolidatedEvent
from warledger.types import When

AIR_DEFENCE_KEYS = ("launched", "intercepted", "failed")
CASUALTY_KEYS = ("killed", "injured")
NIGHT_STARTS_AT = 18  # hour on D-1
NIGHT_ENDS_AT = 12  # hour on D
UNSPECIFIED = "unspecified"


@dataclass
class Impact:
    """One consolidated strike event inside the barrage."""

    event_id: str
    places: list[str]
    admin1: str | None
    killed: int | None
    injured: int | None
    target_kind: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "places": list(self.places),
            "admin1": self.admin1,
            "killed": self.killed,
            "injured": self.injured,
            "target_kind": list(self.target_kind),
        }


@dataclass
class Barrage:
    barrage_id: str
    attacker_side: str
    night: str  # ISO date D of the window 18:00 D-1 → 12:00 D
    event_ids: list[str] = field(default_factory=list)
    by_weapon: dict[str, dict[str, int]] = field(default_factory=dict)
    impacts: list[Impact] = field(default_factory=list)
    casualties_by_place: dict[str, dict[str, int]] = field(default_factory=dict)
    casualties_by_oblast: dict[str, dict[str, int]] = field(default_factory=dict)
    target_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def places(self) -> list[str]:
        return sorted({p for i in self.impacts for p in i.places})

    def total(self, key: str) -> int | None:
        """A casualty total over all places (None when no impact reports it)."""
        values = [v[key] for v in self.casualties_by_place.values() if key in v]
        return sum(values) if values else None

    def to_dict(self) -> dict[str, Any]:
        night = date.fromisoformat(self.night)
        return {
            "barrage_id": self.barrage_id,
            "attacker_side": self.attacker_side,
            "night": self.night,
            "window": {
                "start": f"{night - timedelta(days=1)}T{NIGHT_STARTS_AT:02d}:00",
                "end": f"{night}T{NIGHT_ENDS_AT:02d}:00",
            },
            "event_ids": list(self.event_ids),
            "by_weapon": self.by_weapon,
            "impacts": [i.to_dict() for i in self.impacts],
            "places": self.places,
            "casualties_by_place": self.casualties_by_place,
            "casualties_by_oblast": self.casualties_by_oblast,
            "killed": self.total("killed"),
            "injured": self.total("injured"),
            "target_kinds": self.target_kinds,
        }


def night_of(when: When) -> date | None:
    """The date D of the night window an event falls in, or None when it cannot be told."""
    if not when.start:
        return None
    if len(when.start) > 10:
        try:
            moment = datetime.fromisoformat(when.start.replace("Z", "+00:00"))
        except ValueError:
            return None
        if moment.hour >= NIGHT_STARTS_AT:
            return moment.date() + timedelta(days=1)
        return moment.date()
    if when.precision != "day":
        return None
    try:
        return date.fromisoformat(when.start)
    except ValueError:
        return None


def barrage_id_for(side: str, night: date) -> str:
    return "b-" + hashlib.sha256(f"{side}:{night.isoformat()}".encode()).hexdigest()[:12]


def _best(event: ConsolidatedEvent, key: str) -> int | None:
    count = event.counts.get(key)
    return count.best if count else None


def _air_defence_counts(event: ConsolidatedEvent) -> dict[str, dict[str, int | None]]:
    """Launched/intercepted/failed per weapon: a report's own per-weapon numbers ("90
    missiles and 100 drones") when a member mention gives them, else the event's totals
    under its one weapon."""
    for mention in event.mentions:
        by_weapon = mention.event.counts_by_weapon
        if by_weapon:
            return {
                weapon: {k: c.value for k, c in counts.items() if k in AIR_DEFENCE_KEYS}
                for weapon, counts in by_weapon.items()
            }
    return {event.weapon or UNSPECIFIED: {key: _best(event, key) for key in AIR_DEFENCE_KEYS}}


def _is_impact(event: ConsolidatedEvent) -> bool:
    has_casualties = any(key in event.counts for key in CASUALTY_KEYS)
    return event.subtype != "air_defense_engagement" or has_casualties


def _add(totals: dict[str, dict[str, int]], where: str, key: str, value: int | None) -> None:
    if value is not None:
        bucket = totals.setdefault(where, {})
        bucket[key] = bucket.get(key, 0) + value


def _fill(barrage: Barrage, members: list[ConsolidatedEvent]) -> None:
    kinds: Counter[str] = Counter()
    for e in members:
        barrage.event_ids.append(e.event_id)
        for weapon, counts in _air_defence_counts(e).items():
            for key, value in counts.items():
                _add(barrage.by_weapon, weapon, key, value)
        if not _is_impact(e):
            continue
        first = e.locations[0] if e.locations else None
        impact = Impact(
            event_id=e.event_id,
            places=[loc.name for loc in e.locations],
            admin1=first.admin1 if first else None,
            killed=_best(e, "killed"),
            injured=_best(e, "injured"),
            target_kind=list(e.target_kind),
        )
        barrage.impacts.append(impact)
        kinds.update(e.target_kind)
        for key in CASUALTY_KEYS:
            value = getattr(impact, key)
            # A toll is attributed to the event's finest place: the report gives one
            # number for the event, and splitting it between places would be guessing.
            _add(barrage.casualties_by_place, first.name if first else UNSPECIFIED, key, value)
            _add(barrage.casualties_by_oblast, impact.admin1 or UNSPECIFIED, key, value)
    barrage.target_kinds = dict(sorted(kinds.items()))


def find_barrages(events: Iterable[ConsolidatedEvent], *, side: str | None = None) -> list[Barrage]:
    """Group strike events into barrages, by night then attacker side."""
    groups: dict[tuple[date, str], list[ConsolidatedEvent]] = defaultdict(list)
    for e in events:
        attacker = e.actor.side if e.actor else None
        night = night_of(e.date)
        if e.kind != "strike" or not attacker or night is None:
            continue
        if side and attacker != side:
            continue
        groups[(night, attacker)].append(e)
    barrages = []
    for (night, attacker), members in sorted(groups.items()):
        barrage = Barrage(barrage_id_for(attacker, night), attacker, night.isoformat())
        _fill(barrage, sorted(members, key=lambda e: e.event_id))
        barrages.append(barrage)
    return barrages
