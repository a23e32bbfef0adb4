"""The sort indexes (migration 0016) also hold the end date, the kind and both sides.

A sorted page with a month, kind or side filter walked its sort index but read each
candidate's wide row to test what the index lacked (the end date, the kind, the sides),
or SQLite sorted every event of the month instead: 10-25 ms of CPU a page on 100,000
events, the largest share of what a fresh dashboard then spent on its events pages. With
those columns appended each such page is a walk of one covering index (0.2-3 ms).

Revision ID: 0017_sort_indexes_cover_filters
Revises: 0016_event_sort_indexes
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_sort_indexes_cover_filters"
down_revision = "0016_event_sort_indexes"
branch_labels = None
depends_on = None

# A frozen copy of consolidated_schema.SORT_INDEXES: name -> (column, descending).
SORTED = {
    "ix_events_by_kind": ("kind", False),
    "ix_events_by_place": ("place_name", False),
    "ix_events_by_oblast": ("admin1", False),
    "ix_events_by_status": ("status", False),
    "ix_events_by_killed": ("killed", True),
    "ix_events_by_sources": ("n_sources", True),
}
BEFORE = ("event_id", "admin1", "date_start")
AFTER = (*BEFORE, "date_end", "kind", "actor_side", "target_side")


def _create(trailing: tuple[str, ...]) -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for name, (column, descending) in SORTED.items():
        key = sa.column(column)
        if descending:
            key = key.desc().nulls_last() if postgres else key.desc()
        rest = [sa.column(c) for c in trailing if c != column]
        op.create_index(name, "events", [sa.column("theatre"), key, *rest])


def _drop() -> None:
    for name in SORTED:
        op.drop_index(name, table_name="events")


def upgrade() -> None:
    _drop()
    _create(AFTER)


def downgrade() -> None:
    _drop()
    _create(BEFORE)
