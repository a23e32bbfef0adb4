"""Events per day, by kind, by attacker/actor side and by oblast."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from warledger.analysis.events import (
    actor_side,
    day_range,
    event_day,
    oblast,
    study_period,
)
from warledger.ledger.consolidate import ConsolidatedEvent
from warledger.ledger.peace.timing import is_negated


@dataclass
class Timeline:
    days: list[str]
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> day -> n
    by_side: dict[str, dict[str, int]] = field(default_factory=dict)
    by_oblast: dict[str, dict[str, int]] = field(default_factory=dict)
    undated: int = 0
    negated: int = 0

    def totals(self, facet: str = "kind") -> dict[str, int]:
        table = getattr(self, f"by_{facet}")
        return {key: sum(per_day.values()) for key, per_day in sorted(table.items())}

    def per_day(self, facet: str = "kind") -> list[dict[str, Any]]:
        """One row per day: the day, each key's count (zeros included) and the total."""
        table: dict[str, dict[str, int]] = getattr(self, f"by_{facet}")
        keys = sorted(table)
        rows = []
        for day in self.days:
            counts = {k: table[k].get(day, 0) for k in keys}
            rows.append({"day": day, **counts, "total": sum(counts.values())})
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "days": list(self.days),
            "by_kind": self.by_kind,
            "by_side": self.by_side,
            "by_oblast": self.by_oblast,
            "totals": {f: self.totals(f) for f in ("kind", "side", "oblast")},
            "undated": self.undated,
            "negated": self.negated,
        }


def timeline(events: Iterable[ConsolidatedEvent]) -> Timeline:
    """Count single-day events per day; vaguer dates are counted as ``undated`` and
    reports that something did *not* happen as ``negated`` (neither is on a day)."""
    events = list(events)
    period = study_period(e for e in events if not is_negated(e))
    days = [d.isoformat() for d in day_range(*period)] if period else []
    facets: dict[str, dict[str, Counter[str]]] = {
        "kind": defaultdict(Counter),
        "side": defaultdict(Counter),
        "oblast": defaultdict(Counter),
    }
    undated = negated = 0
    for e in events:
        if is_negated(e):
            negated += 1
            continue
        day = event_day(e)
        if day is None:
            undated += 1
            continue
        iso_day = day.isoformat()
        facets["kind"][e.kind][iso_day] += 1
        facets["side"][actor_side(e)][iso_day] += 1
        facets["oblast"][oblast(e)][iso_day] += 1
    as_dicts = {f: {k: dict(sorted(c.items())) for k, c in t.items()} for f, t in facets.items()}
    return Timeline(
        days=days,
        by_kind=as_dicts["kind"],
        by_side=as_dicts["side"],
        by_oblast=as_dicts["oblast"],
        undated=undated,
        negated=negated,
    )
