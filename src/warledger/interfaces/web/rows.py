"""One line of the events table, from the cells kept with each event (``ledger.cells``).

The table shows a dozen fields of each of up to 100 events; rebuilding every event with
all its claims as dataclasses, then serialising parts back for the summary, was most of
the page's cost, and then decoding each event's JSON was. The cells are written with the
event; an event whose cells were never written (a ledger filled by an older warledger
or by hand) has them worked out from its JSON here, the same way.

A row is written here rather than by a template macro: a page after a start renders
30-50 rows no page showed before, and the macro's call and context cost twice the row's
own escaping. Every value is escaped as the templates escape (``markupsafe``); the
pieces are joined as plain text (adding text to markup would escape the text again).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import escape

from warledger.ledger.cells import table_cells


def row_html(event_id: str, cells: Mapping[str, Any]) -> str:
    """The table row (``<tr>`` … ``</tr>``) of an event from its cells."""
    kind = escape(cells["kind"])
    start, end = cells["date_start"], cells["date_end"]
    date = f"{escape(start or 'unknown')}"
    if end and end != start:
        date = f"{date} – {escape(end)}"
    precision = cells["date_precision"]
    if precision not in ("day", "unknown"):
        date = f"{date} <small>({escape(precision)})</small>"
    numbers = f"{escape(cells['numbers'])}"
    if cells["disputed"]:
        numbers = f'{numbers} <span class="disputed" title="sources disagree">disputed</span>'
    denied = cells["denied"]
    negation = (
        f'<span class="denied">{escape(denied)} of {escape(cells["n_claims"])} deny</span>'
        if denied
        else ""
    )
    ident = escape(event_id)
    return (
        f'<tr data-event-id="{ident}" data-kind="{kind}">\n'
        f'  <td class="date">{date}</td>\n'
        f'  <td class="summary"><span class="kind-dot kind-{kind}"></span>'
        f'<a href="/events/{ident}">{escape(cells["summary"])}</a></td>\n'
        f'  <td class="place">{escape(cells["place"])}</td>\n'
        f'  <td class="oblast">{escape(cells["admin1"])}</td>\n'
        f'  <td class="numbers">{numbers}</td>\n'
        f'  <td class="negation">{negation}</td>\n'
        f'  <td class="status">{escape(cells["status"])}</td>\n'
        f'  <td class="sources">{escape(cells["n_sources"])}</td>\n'
        "</tr>"
    )


def event_row_html(event: Mapping[str, Any]) -> str:
    """The table row of a stored event whose cells were never kept, from its JSON."""
    return row_html(event["event_id"], table_cells(event))
