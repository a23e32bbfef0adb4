"""A version number of the consolidated events, raised by every consolidation.

The dashboard caches its rendered event pages keyed by this number: reading one row per
request is all it costs to know that another process (the CLI, a cron job) changed the
ledger, so a page never outlives the events it shows.

Revision ID: 0011_ledger_version
Revises: 0010_event_night
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_ledger_version"
down_revision = "0010_event_night"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "ledger_version",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.BigInteger, nullable=False, comment="raised by each consolidation"),
    )
    op.bulk_insert(table, [{"id": 1, "version": 1}])


def downgrade() -> None:
    op.drop_table("ledger_version")
