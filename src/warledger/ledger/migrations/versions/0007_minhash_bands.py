"""LSH bands of each document's MinHash, persisted and indexed.

Near-duplicate detection used to rebuild an in-memory LSH index from every stored
signature on each ingest (about 0.5 GB before the first new article at a million
documents). Each canonical document's band keys now live in ``minhash_bands``, whose
primary key (band, key, doc_id) is the index a new text's check looks up. Existing
documents' bands are computed here from their stored signatures.

Revision ID: 0007_minhash_bands
Revises: 0006_incremental_consolidation
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_minhash_bands"
down_revision = "0006_incremental_consolidation"
branch_labels = None
depends_on = None

PAGE = 1000


def upgrade() -> None:
    bands = op.create_table(
        "minhash_bands",
        sa.Column("band", sa.SmallInteger, primary_key=True, autoincrement=False),
        sa.Column("key", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column(
            "doc_id",
            sa.String(40),
            sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index(
        "ix_document_copies_url", "document_copies", ["url"], postgresql_using="hash"
    )
    op.create_index(
        "ix_documents_external_id", "documents", ["external_id"], postgresql_using="hash"
    )
    from warledger.ingest.dedup import band_keys, deserialize

    conn = op.get_bind()
    docs = sa.table("documents", sa.column("doc_id", sa.String), sa.column("minhash"))
    last = ""
    while True:
        rows = conn.execute(
            sa.select(docs.c.doc_id, docs.c.minhash)
            .where(docs.c.minhash.is_not(None), docs.c.doc_id > last)
            .order_by(docs.c.doc_id)
            .limit(PAGE)
        ).all()
        if not rows:
            return
        conn.execute(
            sa.insert(bands),
            [
                {"band": band, "key": key, "doc_id": row.doc_id}
                for row in rows
                for band, key in sorted(set(band_keys(deserialize(bytes(row.minhash)))))
            ],
        )
        last = rows[-1].doc_id


def downgrade() -> None:
    op.drop_index("ix_documents_external_id", table_name="documents")
    op.drop_index("ix_document_copies_url", table_name="document_copies")
    op.drop_table("minhash_bands")
