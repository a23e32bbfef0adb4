"""Mentions carry their theatre too, so ``warledger events`` can default to one war.

Adds ``mentions.theatre`` with a (theatre, date_start) index and fills it for stored
mentions from their JSON with the rules of ``warledger.ledger.theatre`` (the extractor's
own ``theatre`` field when it has one, else its places and sides), in pages of 1,000 so a
large ledger is not read into memory at once.

Revision ID: 0009_mention_theatre
Revises: 0008_event_day_counts
Create Date: 2026-12-07
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0009_mention_theatre"
down_revision = "0008_event_day_counts"
branch_labels = None
depends_on = None

PAGE = 1000


def upgrade() -> None:
    from warledger.ledger.theatre import event_theatre

    with op.batch_alter_table("mentions") as batch:
        batch.add_column(
            sa.Column(
                "theatre", sa.String(40), comment="see warledger.ledger.theatre (migration 0009)"
            )
        )
    op.create_index("ix_mentions_theatre_date", "mentions", ["theatre", "date_start"])
    conn = op.get_bind()
    table = sa.table(
        "mentions", sa.column("mention_id", sa.String), sa.column("data"), sa.column("theatre")
    )
    last = ""
    while True:  # keyset pages: bounded memory whatever the ledger's size
        rows = conn.execute(
            sa.select(table.c.mention_id, table.c.data)
            .where(table.c.mention_id > last)
            .order_by(table.c.mention_id)
            .limit(PAGE)
        ).all()
        if not rows:
            break
        for mention_id, data in rows:
            event = json.loads(data) if isinstance(data, str | bytes) else data
            conn.execute(
                table.update()
                .where(table.c.mention_id == mention_id)
                .values(theatre=event_theatre(event))
            )
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_mentions_theatre_date", table_name="mentions")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("theatre")
