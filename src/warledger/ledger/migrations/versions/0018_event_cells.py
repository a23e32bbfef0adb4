"""Each event's table cells kept beside it: ``events.cells``.

A dashboard page of events no page showed before read each event's JSON, decoded it and
worked out its cells (summary, numbers, denials, ...): about 60 µs an event, most of what
a first request for a page cost after a start or a consolidation. The cells
(``warledger.ledger.cells.table_cells``) are now written with the event, as its search
words are; this fills them for stored events, a page of 5,000 at a time.

Revision ID: 0018_event_cells
Revises: 0017_sort_indexes_cover_filters
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_event_cells"
down_revision = "0017_sort_indexes_cover_filters"
branch_labels = None
depends_on = None

PAGE = 5000


def upgrade() -> None:
    from warledger.ledger.cells import table_cells
    from warledger.ledger.schema import Json

    op.add_column(
        "events",
        sa.Column(
            "cells",
            Json,
            comment="the events table's cells, written with the event (ledger.cells; "
            "migration 0018)",
        ),
    )
    conn = op.get_bind()
    table = sa.table(
        "events",
        sa.column("event_id", sa.String),
        sa.column("data", Json),
        sa.column("cells", Json),
    )
    update = (
        table.update()
        .where(table.c.event_id == sa.bindparam("id"))
        .values(cells=sa.bindparam("cells"))
    )
    last = ""
    while True:
        rows = conn.execute(
            sa.select(table.c.event_id, table.c.data)
            .where(table.c.event_id > last)
            .order_by(table.c.event_id)
            .limit(PAGE)
        ).all()
        if not rows:
            break
        conn.execute(update, [{"id": eid, "cells": table_cells(data)} for eid, data in rows])
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_column("events", "cells")
