"""One line of the events table, read straight from an event's stored ledger-schema JSON.

The table shows a dozen fields of each of up to 100 events; rebuilding every event with
all its claims as dataclasses, then serialising parts back for the summary, was most of
the page's cost. The cells say exactly what they said when built from the dataclasses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from warledger.ledger.summary import summarise


@dataclass(frozen=True)
class TableRow:
    event_id: str
    kind: str
    date_start: str | None
    date_end: str | None
    date_precision: str
    summary: str
    place: str | None
    admin1: str
    numbers: str
    disputed: bool
    denied: int
    n_claims: int
    status: str
    n_sources: int


def numbers_text(counts: Mapping[str, Mapping[str, Any]]) -> str:
    """ "killed 3 (2–4), injured 12" from reconciled counts as stored."""
    parts = []
    for key, c in counts.items():
        low, best, high = c.get("low"), c.get("best"), c.get("high")
        rng = f" ({low}–{high})" if low != high else ""
        parts.append(f"{key} {best}{rng}")
    return ", ".join(parts)


def table_row(event: Mapping[str, Any]) -> TableRow:
    """The table's cells for one stored event."""
    date = event.get("date") or {}
    locations = event.get("locations") or []
    first = locations[0] if locations else None
    counts = event.get("counts") or {}
    claims = event.get("claims") or []
    return TableRow(
        event_id=event["event_id"],
        kind=event["kind"],
        date_start=date.get("start"),
        date_end=date.get("end"),
        date_precision=date.get("precision") or "unknown",
        summary=summarise(event),
        place=first.get("name") if first else "unknown",
        admin1=(first.get("admin1") if first else None) or "",
        numbers=numbers_text(counts),
        disputed=any(c.get("contradiction") for c in counts.values()),
        denied=sum(1 for c in claims if c.get("negated")),
        n_claims=len(claims),
        status=event.get("status", "reported"),
        n_sources=len(event.get("sources") or []),
    )
