"""Views derived from stored rows: the positions matrix and ceasefire windows.

Pure functions over already-read data, so the API and the dashboard show the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from warledger.ledger.consolidate import ConsolidatedEvent

UNKNOWN_PARTY = "unknown"


def party_label(party: dict[str, Any]) -> str:
    """A party's row label: its name, else its side; never invented."""
    return party.get("name") or party.get("side") or UNKNOWN_PARTY


def positions_matrix(rows: Iterable[tuple[dict[str, Any], str | None]]) -> dict[str, Any]:
    """party → issue → latest stance and the whole history (oldest first).

    ``rows`` are (position JSON, doc_id) pairs ordered oldest first; undated positions
    sort last, so a dated stance is never overridden by one whose date is unknown.
    """
    cells: dict[str, dict[str, dict[str, Any]]] = {}
    for data, doc_id in rows:
        party = party_label(data.get("party") or {})
        issue = data["issue"]
        cell = cells.setdefault(party, {}).setdefault(
            issue, {"stance": None, "date": None, "history": []}
        )
        cell["history"].append({**data, "doc_id": doc_id})
        when = (data.get("date") or {}).get("start")
        if cell["stance"] is None or when is not None:
            cell["stance"], cell["date"] = data["stance"], when
    issues = sorted({issue for row in cells.values() for issue in row})
    return {"parties": sorted(cells), "issues": issues, "cells": cells}


@dataclass(frozen=True)
class Window:
    """The days a ceasefire (or its announcement) covers on a timeline."""

    event_id: str
    start: date
    end: date
    label: str


def _duration_days(duration: str | None) -> int | None:
    """Whole days of an ISO 8601 duration such as P30D or PT30H (rounded up)."""
    if not duration or not duration.startswith("P"):
        return None
    body = duration[1:]
    days = hours = 0
    try:
        if "T" in body:
            body, time_part = body.split("T", 1)
            if time_part.endswith("H"):
                hours = int(time_part[:-1])
        if body.endswith("D"):
            days = int(body[:-1])
        elif body.endswith("W"):
            days = 7 * int(body[:-1])
    except ValueError:
        return None
    total = days + (hours + 23) // 24
    return total or None


def ceasefire_windows(events: Iterable[ConsolidatedEvent]) -> list[Window]:
    """Ceasefire events with a known start, spanning their stated end or duration.

    Without an end or a duration the window is the single reported day: how long it
    lasted is not known, so it is not drawn longer.
    """
    out = []
    for e in events:
        if e.kind != "ceasefire" or not e.date.start:
            continue
        try:
            start = date.fromisoformat(e.date.start[:10])
            end = date.fromisoformat(e.date.end[:10]) if e.date.end else start
        except ValueError:
            continue
        days = _duration_days(e.duration)
        if days and end == start:
            end = start + timedelta(days=days - 1)
        label = " ".join(x for x in (e.subtype, ", ".join(e.scope), e.duration) if x)
        out.append(Window(e.event_id, start, max(start, end), label or "ceasefire"))
    return out
