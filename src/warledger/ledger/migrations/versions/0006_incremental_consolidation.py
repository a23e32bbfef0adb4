"""Consolidation that reads only what changed.

``documents.consolidation_pending`` marks a document extracted since consolidation last
read it; ``event_mentions`` gains each member's blocking key (kind and the days it
covers), indexed, so the events a new mention may join are found by an index range
instead of loading the ledger.

The consolidated events are rebuilt from the mentions by the next consolidation (their
ids are hashes of the founding mention, so they come back the same): existing
membership rows have no blocking key, and every extracted document is marked pending.

Revision ID: 0006_incremental_consolidation
Revises: 0005_event_theatre
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_incremental_consolidation"
down_revision = "0005_event_theatre"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(
            sa.Column(
                "consolidation_pending",
                sa.Boolean,
                nullable=False,
                server_default=sa.false(),
                comment="extracted since consolidation last read it (migration 0006)",
            )
        )
        batch.create_index("ix_documents_consolidation_pending", ["consolidation_pending"])
    op.execute("DELETE FROM claims")
    op.execute("DELETE FROM event_mentions")
    op.execute("DELETE FROM events")
    op.execute(
        sa.text(
            "UPDATE documents SET consolidation_pending = :yes "
            "WHERE extracted_version IS NOT NULL"
        ).bindparams(yes=True)
    )
    with op.batch_alter_table("event_mentions") as batch:
        batch.add_column(sa.Column("kind", sa.String(40), nullable=False))
        batch.add_column(
            sa.Column(
                "day_first", sa.Date, comment="first blocking day; NULL: no date, no publication"
            )
        )
        batch.add_column(sa.Column("day_last", sa.Date))
        batch.create_index("ix_event_mentions_block", ["kind", "day_first"])


def downgrade() -> None:
    with op.batch_alter_table("event_mentions") as batch:
        batch.drop_index("ix_event_mentions_block")
        batch.drop_column("day_last")
        batch.drop_column("day_first")
        batch.drop_column("kind")
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_consolidation_pending")
        batch.drop_column("consolidation_pending")
