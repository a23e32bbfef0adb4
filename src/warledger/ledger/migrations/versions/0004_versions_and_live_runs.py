"""Document versions and runs recorded while they run.

An article updated at its URL becomes a new document that names the version it replaces
(``previous_version``); the older one points to it (``superseded_by``) and its mentions
leave consolidation while staying in the ledger's history. A run's row is written when
it starts, with the process that runs it (``host``/``pid``), so a run killed outright is
found and marked on the next start.

Revision ID: 0004_versions_and_live_runs
Revises: 0003_event_page_indexes
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_versions_and_live_runs"
down_revision = "0003_event_page_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(
            sa.Column("previous_version", sa.String(40), comment="the version this text updates")
        )
        batch.add_column(
            sa.Column("superseded_by", sa.String(40), comment="a newer version; null when current")
        )
        batch.create_index("ix_documents_superseded_by", ["superseded_by"])
    with op.batch_alter_table("runs") as batch:
        batch.add_column(
            sa.Column("host", sa.String(255), comment="where the run ran (to find killed runs)")
        )
        batch.add_column(sa.Column("pid", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("pid")
        batch.drop_column("host")
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_superseded_by")
        batch.drop_column("superseded_by")
        batch.drop_column("previous_version")
