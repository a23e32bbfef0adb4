"""Analyses counted in SQL: a ``negated`` flag on events and a covering index.

The analyses (strikes around diplomacy, ceasefire compliance) read per-day counts of
strikes and diplomatic steps instead of every event of the ledger. They must leave out
events whose every claim says it did not happen, which only the claims knew: that is now
``events.negated``, filled here from the claims table. ``ix_events_day_counts`` holds
every column those counts read, so they come from the index alone.

Revision ID: 0008_event_day_counts
Revises: 0007_minhash_bands
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_event_day_counts"
down_revision = "0007_minhash_bands"
branch_labels = None
depends_on = None

COLUMNS = (
    "kind",
    "theatre",
    "date_start",
    "date_end",
    "date_precision",
    "negated",
    "actor_side",
    "subtype",
    "launched",
    "killed",
)


def upgrade() -> None:
    # A plain ADD COLUMN, never a batch copy of the table: on SQLite, dropping the old
    # events table would cascade to its claims.
    op.add_column(
        "events",
        sa.Column(
            "negated",
            sa.Boolean,
            nullable=False,
            server_default=sa.false(),
            comment="every claim says it did not happen (migration 0008)",
        ),
    )
    # Negated: it has claims, and none of them affirms it (as ``peace.timing.is_negated``).
    op.execute(
        sa.text(
            "UPDATE events SET negated = :yes WHERE "
            "EXISTS (SELECT 1 FROM claims c WHERE c.event_id = events.event_id) AND NOT EXISTS "
            "(SELECT 1 FROM claims c WHERE c.event_id = events.event_id AND c.negated = :no)"
        ).bindparams(yes=True, no=False)
    )
    op.create_index("ix_events_day_counts", "events", list(COLUMNS))


def downgrade() -> None:
    op.drop_index("ix_events_day_counts", table_name="events")
    op.drop_column("events", "negated")
