"""Initial ledger tables: documents, copies, mentions, positions, places, actors, runs.

Revision ID: 0001_initial
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# Frozen copies of the types in schema.py, so this revision never changes under us.
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("actor_key", sa.String(length=300), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=True),
        sa.Column("type", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("actor_key", name=op.f("pk_actors")),
    )
    op.create_index(op.f("ix_actors_side"), "actors", ["side"], unique=False)

    op.create_table(
        "documents",
        sa.Column("doc_id", sa.String(length=40), nullable=False, comment='"d-" + sha256[:16]'),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("first_seen_at", TIMESTAMP, nullable=False),
        sa.Column("extracted_version", sa.String(length=64), nullable=True),
        sa.Column("extracted_at", TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("doc_id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
    )
    op.create_index(
        op.f("ix_documents_extracted_version"), "documents", ["extracted_version"], unique=False
    )
    op.create_index(op.f("ix_documents_language"), "documents", ["language"], unique=False)

    op.create_table(
        "places",
        sa.Column("place_key", sa.String(length=300), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("admin1", sa.String(length=120), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("precision", sa.String(length=16), nullable=True),
        sa.Column("pcode", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("place_key", name=op.f("pk_places")),
    )
    op.create_index(op.f("ix_places_admin1"), "places", ["admin1"], unique=False)
    op.create_index(op.f("ix_places_country"), "places", ["country"], unique=False)

    op.create_table(
        "runs",
        sa.Column("run_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("started_at", TIMESTAMP, nullable=True),
        sa.Column("finished_at", TIMESTAMP, nullable=True),
        sa.Column("counts", JSON, nullable=True),
        sa.Column("per_source", JSON, nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("run_id", name=op.f("pk_runs")),
    )
    op.create_index(op.f("ix_runs_kind"), "runs", ["kind"], unique=False)

    op.create_table(
        "document_copies",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("doc_id", sa.String(length=40), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column(
            "published",
            sa.String(length=40),
            nullable=True,
            comment="as the input gave it (ISO 8601)",
        ),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("ingested_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["documents.doc_id"],
            name=op.f("fk_document_copies_doc_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_copies")),
        sa.UniqueConstraint(
            "doc_id", "origin", "url", name=op.f("uq_document_copies_doc_id_origin_url")
        ),
    )
    op.create_index(
        op.f("ix_document_copies_content_hash"), "document_copies", ["content_hash"], unique=False
    )
    op.create_index(op.f("ix_document_copies_doc_id"), "document_copies", ["doc_id"], unique=False)
    op.create_index(
        op.f("ix_document_copies_published_date"),
        "document_copies",
        ["published_date"],
        unique=False,
    )
    op.create_index(op.f("ix_document_copies_source"), "document_copies", ["source"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("mention_id", sa.String(length=60), nullable=False, comment="doc_id:index"),
        sa.Column("doc_id", sa.String(length=40), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subtype", sa.String(length=40), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=16), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True, comment="the first location"),
        sa.Column("admin1", sa.String(length=120), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("precision", sa.String(length=16), nullable=True),
        sa.Column("actor_name", sa.Text(), nullable=True),
        sa.Column("actor_side", sa.String(length=8), nullable=True),
        sa.Column("target_name", sa.Text(), nullable=True),
        sa.Column("target_side", sa.String(length=8), nullable=True),
        sa.Column("weapon", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("claimant_name", sa.Text(), nullable=True),
        sa.Column("claimant_side", sa.String(length=8), nullable=True),
        sa.Column("killed", sa.Integer(), nullable=True),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("launched", sa.Integer(), nullable=True),
        sa.Column("intercepted", sa.Integer(), nullable=True),
        sa.Column("counts", JSON, nullable=True),
        sa.Column("locations", JSON, nullable=True),
        sa.Column("participants", JSON, nullable=True),
        sa.Column("evidence", JSON, nullable=True),
        sa.Column("data", JSON, nullable=False, comment="the full ledger-schema event"),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["documents.doc_id"],
            name=op.f("fk_mentions_doc_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("mention_id", name=op.f("pk_mentions")),
    )
    op.create_index(op.f("ix_mentions_actor_side"), "mentions", ["actor_side"], unique=False)
    op.create_index(op.f("ix_mentions_admin1"), "mentions", ["admin1"], unique=False)
    op.create_index(op.f("ix_mentions_country"), "mentions", ["country"], unique=False)
    op.create_index(op.f("ix_mentions_date_end"), "mentions", ["date_end"], unique=False)
    op.create_index(op.f("ix_mentions_date_start"), "mentions", ["date_start"], unique=False)
    op.create_index(op.f("ix_mentions_doc_id"), "mentions", ["doc_id"], unique=False)
    op.create_index(op.f("ix_mentions_kind"), "mentions", ["kind"], unique=False)
    op.create_index(op.f("ix_mentions_status"), "mentions", ["status"], unique=False)
    op.create_index(op.f("ix_mentions_target_side"), "mentions", ["target_side"], unique=False)

    op.create_table(
        "positions",
        sa.Column("position_id", sa.String(length=60), nullable=False, comment="doc_id:p<index>"),
        sa.Column("doc_id", sa.String(length=40), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("party_name", sa.Text(), nullable=True),
        sa.Column("party_side", sa.String(length=8), nullable=True),
        sa.Column("issue", sa.String(length=40), nullable=False),
        sa.Column("stance", sa.Text(), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=16), nullable=True),
        sa.Column("evidence", JSON, nullable=True),
        sa.Column("data", JSON, nullable=False, comment="the full ledger-schema position"),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["documents.doc_id"],
            name=op.f("fk_positions_doc_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("position_id", name=op.f("pk_positions")),
    )
    op.create_index(op.f("ix_positions_date_start"), "positions", ["date_start"], unique=False)
    op.create_index(op.f("ix_positions_doc_id"), "positions", ["doc_id"], unique=False)
    op.create_index(op.f("ix_positions_issue"), "positions", ["issue"], unique=False)
    op.create_index(op.f("ix_positions_party_side"), "positions", ["party_side"], unique=False)


def downgrade() -> None:
    # Dropping a table drops its indexes; children before the documents they point to.
    for table in (
        "positions",
        "mentions",
        "document_copies",
        "runs",
        "places",
        "documents",
        "actors",
    ):
        op.drop_table(table)
