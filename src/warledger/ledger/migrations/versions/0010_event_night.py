"""Strikes carry the night they fall in, so the barrage listing is counted from an index.

``barrage_pages.nights`` grouped every strike of the filter by its day and by the time
of day read from the event's JSON (a strike from 18:00 belongs to the next night): at a
million events that JSON read took seconds on every barrages page. ``events.night`` is
``barrages.night_of`` of the event's date, written with the event; the index
``ix_events_nights`` (kind, theatre, night, attacker side) answers the listing alone.
Stored events are filled in keyset pages of 1,000 (bounded memory on a large ledger).

Revision ID: 0010_event_night
Revises: 0009_mention_theatre
Create Date: 2026-12-07
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0010_event_night"
down_revision = "0009_mention_theatre"
branch_labels = None
depends_on = None

PAGE = 1000


def upgrade() -> None:
    from warledger.ledger.barrages import night_of
    from warledger.types import When

    # A plain ADD COLUMN, never a batch copy of the table (on SQLite dropping the old
    # events table would cascade to its claims).
    op.add_column(
        "events",
        sa.Column("night", sa.Date, comment="barrages.night_of the date (migration 0010)"),
    )
    conn = op.get_bind()
    table = sa.table(
        "events", sa.column("event_id", sa.String), sa.column("data"), sa.column("night")
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
        for event_id, data in rows:
            event = json.loads(data) if isinstance(data, str | bytes) else data
            when = event.get("date") or {}
            start, precision = when.get("start"), when.get("precision") or "unknown"
            night = night_of(When(start, when.get("end"), precision))
            if night is not None:
                conn.execute(
                    table.update().where(table.c.event_id == event_id).values(night=night)
                )
        last = rows[-1][0]
    op.create_index(
        "ix_events_nights", "events", ["kind", "theatre", "night", "actor_side"]
    )


def downgrade() -> None:
    op.drop_index("ix_events_nights", table_name="events")
    op.drop_column("events", "night")
