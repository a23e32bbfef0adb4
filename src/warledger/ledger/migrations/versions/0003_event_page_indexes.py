"""Composite indexes for filtered, date-ordered pages of events.

The events API lists events newest first, filtered by kind or side; single-column indexes
made the database sort every matching row for each page.

Revision ID: 0003_event_page_indexes
Revises: 0002_consolidated_events
Create Date: 2025-01-03
"""

from __future__ import annotations

from alembic import op

revision = "0003_event_page_indexes"
down_revision = "0002_consolidated_events"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_events_kind_date": ["kind", "date_start", "event_id"],
    "ix_events_actor_side_date": ["actor_side", "date_start", "event_id"],
    "ix_events_target_side_date": ["target_side", "date_start", "event_id"],
    "ix_events_date_event": ["date_start", "event_id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "events", columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="events")
