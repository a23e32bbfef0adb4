"""Ceasefire compliance: alleged violations per ceasefire and side, and strikes inside the
window against the rest of the study period.

Each ceasefire with a window (see ``ledger.peace.ceasefires``) gets:

- its allegations grouped by accuser and accused, as the register gives them;
- single-day strike events by attacker side inside the window and outside it (every other
  day of the study period), as totals and per day, so a window of three days and a period
  of three months compare fairly. An open window (no known end) runs to the study's last
  day. Windows are clipped to the study period: days the ledger does not cover say
  nothing either way.

Ceasefires that never came into force (no window) are listed with their allegations and
no strike comparison.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from warledger.analysis.events import actor_side, event_day, study_period
from warledger.ledger.consolidate import ConsolidatedEvent
from warledger.ledger.peace import Ceasefire, build_register
from warledger.ledger.peace.timing import is_negated


@dataclass
class CeasefireCompliance:
    ceasefire_id: str
    name: str | None
    declarers: list[str]
    status: str
    window: tuple[str, str] | None
    days_inside: int
    days_outside: int
    allegations: list[dict[str, Any]] = field(default_factory=list)
    strikes_inside: dict[str, int] = field(default_factory=dict)  # attacker side -> n
    strikes_outside: dict[str, int] = field(default_factory=dict)

    @property
    def per_day_inside(self) -> float | None:
        n = sum(self.strikes_inside.values())
        return round(n / self.days_inside, 4) if self.days_inside else None

    @property
    def per_day_outside(self) -> float | None:
        n = sum(self.strikes_outside.values())
        return round(n / self.days_outside, 4) if self.days_outside else None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["window"] = list(self.window) if self.window else None
        out["per_day_inside"] = self.per_day_inside
        out["per_day_outside"] = self.per_day_outside
        return out


def strike_days(events: Iterable[ConsolidatedEvent]) -> Counter[tuple[date, str]]:
    """Single-day, affirmed strikes per (day, attacker side)."""
    return Counter(
        (day, actor_side(e))
        for e in events
        if e.kind == "strike" and not is_negated(e) and (day := event_day(e))
    )


def _one(
    cf: Ceasefire, strikes: Mapping[tuple[date, str], int], period: tuple[date, date] | None
) -> CeasefireCompliance:
    window = cf.window(period[1] if period else None)
    result = CeasefireCompliance(
        ceasefire_id=cf.ceasefire_id,
        name=cf.name,
        declarers=list(cf.declarers),
        status=cf.status,
        window=None,
        days_inside=0,
        days_outside=0,
        allegations=cf.violation_counts(),
    )
    if window is None or period is None:
        return result
    start, end = max(window[0], period[0]), min(window[1], period[1])
    total_days = (period[1] - period[0]).days + 1
    result.window = (window[0].isoformat(), window[1].isoformat())
    result.days_inside = max(0, (end - start).days + 1)
    result.days_outside = total_days - result.days_inside
    inside, outside = Counter[str](), Counter[str]()
    for (day, side), n in sorted(strikes.items()):
        (inside if start <= day <= end else outside)[side] += n
    result.strikes_inside, result.strikes_outside = (
        dict(sorted(inside.items())),
        dict(sorted(outside.items())),
    )
    return result


def ceasefire_compliance(events: Iterable[ConsolidatedEvent]) -> list[CeasefireCompliance]:
    """One compliance row per ceasefire in the register, in the register's order, over
    events in memory (a snapshot)."""
    events = list(events)
    return compliance(events, strike_days(events), study_period(events))


def compliance(
    ceasefire_events: Iterable[ConsolidatedEvent],
    strikes: Mapping[tuple[date, str], int],
    period: tuple[date, date] | None,
) -> list[CeasefireCompliance]:
    """The compliance rows from what they need: the ceasefire events (others are
    ignored), strikes per (day, attacker side) and the study period (first and last
    single-day event of the ledger). Memory follows the ceasefires and days, not the
    ledger."""
    register = build_register(ceasefire_events, ledger_end=period[1] if period else None)
    return [_one(cf, strikes, period) for cf in register.ceasefires]
