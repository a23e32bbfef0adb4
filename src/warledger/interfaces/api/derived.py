"""Views derived from stored rows: the positions matrix and ceasefire windows (from the
ceasefire register of ``warledger.ledger.peace``).

Pure functions over already-read data, so the API and the dashboard show the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from warledger.ledger.consolidate import ConsolidatedEvent
from warledger.ledger.peace import build_register

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


def ceasefire_windows(events: Iterable[ConsolidatedEvent], ledger_end: date | None) -> list[Window]:
    """The days each ceasefire of the register was in force (an open one runs to
    ``ledger_end``); ceasefires whose start is unknown have no window to draw."""
    windows = []
    for cf in build_register(list(events), ledger_end=ledger_end).ceasefires:
        span = cf.window(ledger_end)
        if span is None or span[1] == date.max:
            continue
        label = " ".join(x for x in (cf.name, ", ".join(cf.scope), cf.duration, cf.status) if x)
        link = cf.events[0].event_id if cf.events else cf.ceasefire_id
        windows.append(Window(link, span[0], span[1], label or "ceasefire"))
    return windows
