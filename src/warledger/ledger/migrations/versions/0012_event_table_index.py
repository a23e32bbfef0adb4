"""A covering index for the events table's sort orders and place search.

Sorting the default theatre's events by number killed, place, oblast, kind, sources or
status, and searching by place, made the planner walk the theatre's index and read every
wide row (the events' JSON) to sort or test them: 0.9 s on 100,000 events. With every
column those queries read in one index, it scans the index alone (60 ms for a sort).

Revision ID: 0012_event_table_index
Revises: 0011_ledger_version
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0012_event_table_index"
down_revision = "0011_ledger_version"
branch_labels = None
depends_on = None

COLUMNS = (
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


def upgrade() -> None:
    op.create_index("ix_events_table", "events", list(COLUMNS))


def downgrade() -> None:
    op.drop_index("ix_events_table", table_name="events")
