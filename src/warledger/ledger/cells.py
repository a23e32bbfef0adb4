"""The events table's cells of one event, worked out from its stored ledger-schema JSON
when the event is written (``consolidated_store.event_row``, migration 0018 for older
events) and kept beside it in ``events.cells``.

A dashboard page of events no page showed before read each event's JSON (1.7 kB), decoded
it and worked its cells out: most of what such a page cost (about 60 µs an event, 30-50
new events a page, on 100,000 events). The cells are a few short values; reading them is
a few microseconds. The table shows exactly what these say (``web.rows``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from warledger.ledger.summary import summarise

# The cells' names, in the table's order of columns (``web.rows.TableRow``).
CELL_NAMES = (
    "kind",
    "date_start",
    "date_end",
    "date_precision",
    "summary",
    "place",
    "admin1",
    "numbers",
    "disputed",
    "denied",
    "n_claims",
    "status",
    "n_sources",
)


def numbers_text(counts: Mapping[str, Mapping[str, Any]]) -> str:
    """ "killed 3 (2–4), injured 12" from reconciled counts as stored."""
    parts = []
    for key, c in counts.items():
        low, best, high = c.get("low"), c.get("best"), c.get("high")
        rng = f" ({low}–{high})" if low != high else ""
        parts.append(f"{key} {best}{rng}")
    return ", ".join(parts)


def table_cells(event: Mapping[str, Any]) -> dict[str, Any]:
    """The table's cells (``CELL_NAMES``) for one stored event."""
    date = event.get("date") or {}
    locations = event.get("locations") or []
    first = locations[0] if locations else None
    counts = event.get("counts") or {}
    claims = event.get("claims") or []
    return {
        "kind": event["kind"],
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision") or "unknown",
        "summary": summarise(event),
        "place": first.get("name") if first else "unknown",
        "admin1": (first.get("admin1") if first else None) or "",
        "numbers": numbers_text(counts),
        "disputed": any(c.get("contradiction") for c in counts.values()),
        "denied": sum(1 for c in claims if c.get("negated")),
        "n_claims": len(claims),
        "status": event.get("status", "reported"),
        "n_sources": len(event.get("sources") or []),
    }
