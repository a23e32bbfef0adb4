"""One line of the events table, from the cells kept with each event (``ledger.cells``).

The table shows a dozen fields of each of up to 100 events; rebuilding every event with
all its claims as dataclasses, then serialising parts back for the summary, was most of
the page's cost, and then decoding each event's JSON was. The cells are written with the
event; an event whose cells were never written (a ledger filled by an older warledger
or by hand) has them worked out from its JSON here, the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from warledger.ledger.cells import table_cells


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


def row_of_cells(event_id: str, cells: Mapping[str, Any]) -> TableRow:
    """The row of an event from its stored cells."""
    return TableRow(event_id=event_id, **cells)


def table_row(event: Mapping[str, Any]) -> TableRow:
    """The table's cells for one stored event, worked out from its JSON."""
    return row_of_cells(event["event_id"], table_cells(event))
