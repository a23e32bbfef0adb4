"""The events table's covering index also holds the attacking and targeted sides.

A side filter (the side acted OR was targeted) with a sort other than the date made
SQLite read every wide row of the theatre (the events' JSON) to test the sides, since
``ix_events_table`` (migration 0012) did not hold them: 200-390 ms of CPU a page on
100,000 events. With both sides appended, the filter and the sort read the index alone
(about 18 ms).

Revision ID: 0015_event_table_sides
Revises: 0014_event_search
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0015_event_table_sides"
down_revision = "0014_event_search"
branch_labels = None
depends_on = None

BEFORE = (
    "theatre",
    "date_start",
    "event_id",
    "kind",
    "place_name",
    "admin1",
    "killed",
    "injured",
    "launched",
    "n_sources",
    "status",
    "date_end",
)
AFTER = (*BEFORE, "actor_side", "target_side")


def upgrade() -> None:
    op.drop_index("ix_events_table", table_name="events")
    op.create_index("ix_events_table", "events", list(AFTER))


def downgrade() -> None:
    op.drop_index("ix_events_table", table_name="events")
    op.create_index("ix_events_table", "events", list(BEFORE))
