"""Strikes carry the night they fall in, so the barrage listing is counted from an index.

``barrage_pages.nights`` grouped every strike of the filter by its day and by the time
of day read from the event's JSON (a strike from 18:00 belongs to the next night): at a
million events that JSON read took seconds on every barrages page. ``events.night`` is
``barrages.night_of`` of the event's date, written with the event; the index
``ix_events_nights`` (kind, theatre, night, attacker side) answers the listing alone.
Stored events are filled in keyset pages of 5,000 (bounded memory on a large ledger),
each page's nights written in one batch.

Revision ID: 0010_event_night
Revises: 0009_mention_theatre
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_event_night"
down_revision = "0009_mention_theatre"
branch_labels = None
depends_on = None

PAGE = 5000


def upgrade() -> None:
    from warledger.ledger.barrages import night_of
    from warledger.ledger.schema import Json
    from warledger.types import When

    # A plain ADD COLUMN, never a batch copy of the table (on SQLite dropping the old
    # events table would cascade to its claims).
    op.add_column(
        "events",
        sa.Column("night", sa.Date, comment="barrages.night_of the date (migration 0010)"),
    )
    conn = op.get_bind()
    table = sa.table(
        "events",
        sa.column("event_id", sa.String),
        sa.column("data", Json),
        sa.column("date_start", sa.Date),
        sa.column("date_precision", sa.String),
        sa.column("night", sa.Date),
    )
    # Only the date as reported is read from the JSON (in SQL), and the nights are
    # written a page at a time: a million events take a minute or two, not an hour.
    start = table.c.data[("date", "start")].as_string()
    update = (
        table.update()
        .where(table.c.event_id == sa.bindparam("id"))
        .values(night=sa.bindparam("value"))
    )
    last = ""
    while True:
        rows = conn.execute(
            sa.select(table.c.event_id, start, table.c.date_precision)
            .where(table.c.event_id > last, table.c.date_start.is_not(None))
            .order_by(table.c.event_id)
            .limit(PAGE)
        ).all()
        if not rows:
            break
        nights = [
            {"id": event_id, "value": night}
            for event_id, when, precision in rows
            if (night := night_of(When(when, None, precision or "unknown"))) is not None
        ]
        if nights:
            conn.execute(update, nights)
        last = rows[-1][0]
    op.create_index("ix_events_nights", "events", ["kind", "theatre", "night", "actor_side"])


def downgrade() -> None:
    op.drop_index("ix_events_nights", table_name="events")
    op.drop_column("events", "night")
