"""Consolidated events with their claims, event↔mention membership, and snapshots.

Revision ID: 0002_consolidated_events
Revises: 0001_initial
Create Date: 2025-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# Frozen copies of the types in schema.py, so this revision never changes under us.
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)

revision = "0002_consolidated_events"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def _indexes(table: str, columns: list[str]) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(length=40), nullable=False, comment='"e-" + sha256[:16]'),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subtype", sa.String(length=40), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=16), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True, comment="the finest location"),
        sa.Column("admin1", sa.String(length=120), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("precision", sa.String(length=16), nullable=True),
        sa.Column("actor_side", sa.String(length=8), nullable=True),
        sa.Column("target_side", sa.String(length=8), nullable=True),
        sa.Column("weapon", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.Column("n_mentions", sa.Integer(), nullable=False),
        sa.Column("n_sources", sa.Integer(), nullable=False, comment="distinct outlets"),
        sa.Column("n_claimants", sa.Integer(), nullable=False),
        sa.Column(
            "first_reported",
            sa.String(length=40),
            nullable=True,
            comment="earliest publication (ISO)",
        ),
        sa.Column("contradiction", sa.Boolean(), nullable=False),
        sa.Column("killed", sa.Integer(), nullable=True, comment="reconciled best value"),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("launched", sa.Integer(), nullable=True),
        sa.Column("intercepted", sa.Integer(), nullable=True),
        sa.Column("data", JSON, nullable=False, comment="the consolidated event with its claims"),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_events")),
    )
    _indexes(
        "events",
        [
            "actor_side",
            "admin1",
            "country",
            "date_end",
            "date_start",
            "kind",
            "status",
            "target_side",
        ],
    )

    op.create_table(
        "claims",
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("mention_id", sa.String(length=60), nullable=False),
        sa.Column("doc_id", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("claimant_name", sa.Text(), nullable=True),
        sa.Column("claimant_side", sa.String(length=8), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.Column("subtype", sa.String(length=40), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("killed", sa.Integer(), nullable=True),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("launched", sa.Integer(), nullable=True),
        sa.Column("intercepted", sa.Integer(), nullable=True),
        sa.Column("counts", JSON, nullable=True),
        sa.Column("evidence", JSON, nullable=True),
        sa.Column("data", JSON, nullable=False, comment="the claim as the document gives it"),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.event_id"],
            name=op.f("fk_claims_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "mention_id", name=op.f("pk_claims")),
    )
    _indexes("claims", ["claimant_side", "doc_id", "source", "status"])

    op.create_table(
        "event_mentions",
        sa.Column("mention_id", sa.String(length=60), nullable=False, comment="in one event only"),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("doc_id", sa.String(length=40), nullable=False),
        sa.Column(
            "fingerprint",
            sa.String(length=64),
            nullable=False,
            comment="sha256 of the mention as consolidated; a change re-consolidates it",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.event_id"],
            name=op.f("fk_event_mentions_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("mention_id", name=op.f("pk_event_mentions")),
    )
    _indexes("event_mentions", ["doc_id", "event_id"])

    op.create_table(
        "snapshots",
        sa.Column("snapshot_id", sa.String(length=60), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("n_events", sa.Integer(), nullable=False),
        sa.Column("n_claims", sa.Integer(), nullable=False),
        sa.Column("n_mentions", sa.Integer(), nullable=False),
        sa.Column("n_positions", sa.Integer(), nullable=False),
        sa.Column(
            "content",
            sa.LargeBinary(),
            nullable=False,
            comment="zlib-compressed canonical JSON of the frozen ledger",
        ),
        sa.PrimaryKeyConstraint("snapshot_id", name=op.f("pk_snapshots")),
    )
    _indexes("snapshots", ["content_hash", "created_at"])


def downgrade() -> None:
    for table in ("snapshots", "event_mentions", "claims", "events"):
        op.drop_table(table)
