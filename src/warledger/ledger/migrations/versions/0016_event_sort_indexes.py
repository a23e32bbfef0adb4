"""An index per column the events table sorts by, in the order the table asks for.

A page sorted by place, oblast, kind, status, number killed or sources was a top-50 sort
of every one of the theatre's entries of ``ix_events_table`` (15-25 ms of CPU a page on
100,000 events, the largest share of what a fresh dashboard spends on the events page).
With (theatre, the sort column, event_id) in order, a page is a walk of one index; the
oblast and the start date follow, so the sparse filters (an oblast, a month) are tested in
the index rather than in the wide rows. Numbers sort largest first: their indexes are
descending, with undated/unknown last (SQLite puts NULL last in a descending index;
PostgreSQL is told ``NULLS LAST``). Text columns ascend; both engines read an ascending
index for ``ASC NULLS LAST``.

Revision ID: 0016_event_sort_indexes
Revises: 0015_event_table_sides
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_event_sort_indexes"
down_revision = "0015_event_table_sides"
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
TRAILING = ("event_id", "admin1", "date_start")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for name, (column, descending) in SORTED.items():
        key = sa.column(column)
        if descending:
            key = key.desc().nulls_last() if postgres else key.desc()
        rest = [sa.column(c) for c in TRAILING if c != column]
        op.create_index(name, "events", [sa.column("theatre"), key, *rest])


def downgrade() -> None:
    for name in SORTED:
        op.drop_index(name, table_name="events")
