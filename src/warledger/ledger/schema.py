"""The ledger's tables, as SQLAlchemy Core metadata shared by every ledger module.

Names are chosen to read well in plain SQL and in Datasette. The fields people filter on
(kind, dates, oblast, country, sides, status) are real indexed columns; lists (evidence
spans, participants, counts) are JSON, and ``data`` keeps each record's full ledger-schema
JSON so nothing is lost by flattening.

Other ledger modules (e.g. the consolidated events) add their tables to ``metadata``.
Changing a table here needs a new Alembic revision in ``migrations/versions``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

# JSONB on PostgreSQL (comparable, indexable); JSON text elsewhere.
Json = sa.JSON().with_variant(JSONB(), "postgresql")


class UtcDateTime(sa.TypeDecorator[datetime]):
    """Timestamps stored in UTC and always read back timezone-aware.

    SQLite has no time zones, so without this a value would come back naive there and
    aware on PostgreSQL; callers should see the same thing on both.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


documents = sa.Table(
    "documents",
    metadata,
    sa.Column("doc_id", sa.String(40), primary_key=True, comment='"d-" + sha256[:16]'),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("external_id", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("language", sa.String(16), index=True),
    sa.Column("minhash", sa.LargeBinary),
    sa.Column("first_seen_at", UtcDateTime, nullable=False),
    sa.Column("extracted_version", sa.String(64), index=True),
    sa.Column("extracted_at", UtcDateTime),
    sa.Column("previous_version", sa.String(40), comment="the version this text updates"),
    sa.Column(
        "superseded_by", sa.String(40), index=True, comment="a newer version; null when current"
    ),
    sa.Column(
        "consolidation_pending",
        sa.Boolean,
        nullable=False,
        default=False,
        server_default=sa.false(),
        index=True,
        comment="extracted since consolidation last read it (migration 0006)",
    ),
)


def _document_fk() -> sa.Column[str]:
    """The ``doc_id`` column of a table whose rows belong to one document (and go with it)."""
    return sa.Column(
        "doc_id",
        sa.String(40),
        sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


# LSH bands of each canonical document's MinHash (migration 0007): a new text's
# near-duplicate candidates are the documents sharing one of its (band, key) pairs, found
# through the primary key's index whatever the size of the ledger.
minhash_bands = sa.Table(
    "minhash_bands",
    metadata,
    sa.Column("band", sa.SmallInteger, primary_key=True, autoincrement=False),
    sa.Column("key", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column(
        "doc_id",
        sa.String(40),
        sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
        primary_key=True,
    ),
)


document_copies = sa.Table(
    "document_copies",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _document_fk(),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.String(200), index=True),
    sa.Column("published", sa.String(40), comment="as the input gave it (ISO 8601)"),
    sa.Column("published_date", sa.Date, index=True),
    sa.Column("title", sa.Text),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("ingested_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("doc_id", "origin", "url"),
)
# An updated article is found by its URL or its source's own id (migration 0007); hash
# indexes on PostgreSQL, where a B-tree entry cannot hold a very long URL.
sa.Index("ix_document_copies_url", document_copies.c.url, postgresql_using="hash")
sa.Index("ix_documents_external_id", documents.c.external_id, postgresql_using="hash")

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("mention_id", sa.String(60), primary_key=True, comment="doc_id:index"),
    _document_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False, index=True),
    sa.Column("subtype", sa.String(40)),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_end", sa.Date, index=True),
    sa.Column("date_precision", sa.String(16)),
    sa.Column("date_text", sa.Text),
    sa.Column("place_name", sa.Text, comment="the first location"),
    sa.Column("admin1", sa.String(120), index=True),
    sa.Column("country", sa.String(8), index=True),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("precision", sa.String(16)),
    sa.Column("actor_name", sa.Text),
    sa.Column("actor_side", sa.String(8), index=True),
    sa.Column("target_name", sa.Text),
    sa.Column("target_side", sa.String(8), index=True),
    sa.Column("weapon", sa.String(40)),
    sa.Column("status", sa.String(16), index=True),
    sa.Column("negated", sa.Boolean, nullable=False, default=False),
    sa.Column("claimant_name", sa.Text),
    sa.Column("claimant_side", sa.String(8)),
    sa.Column("killed", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("launched", sa.Integer),
    sa.Column("intercepted", sa.Integer),
    sa.Column("counts", Json),
    sa.Column("locations", Json),
    sa.Column("participants", Json),
    sa.Column("evidence", Json),
    sa.Column("data", Json, nullable=False, comment="the full ledger-schema event"),
    sa.Column("confidence", sa.Float),
    sa.Column("theatre", sa.String(40), comment="see warledger.ledger.theatre (migration 0009)"),
    sa.Index("ix_mentions_theatre_date", "theatre", "date_start"),
)

positions = sa.Table(
    "positions",
    metadata,
    sa.Column("position_id", sa.String(60), primary_key=True, comment="doc_id:p<index>"),
    _document_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("party_name", sa.Text),
    sa.Column("party_side", sa.String(8), index=True),
    sa.Column("issue", sa.String(40), nullable=False, index=True),
    sa.Column("stance", sa.Text, nullable=False),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_precision", sa.String(16)),
    sa.Column("evidence", Json),
    sa.Column("data", Json, nullable=False, comment="the full ledger-schema position"),
    sa.Column("confidence", sa.Float),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("place_key", sa.String(300), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("admin1", sa.String(120), index=True),
    sa.Column("country", sa.String(8), index=True),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("precision", sa.String(16)),
    sa.Column("pcode", sa.String(40)),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("actor_key", sa.String(300), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("side", sa.String(8), index=True),
    sa.Column("type", sa.String(20)),
)

runs = sa.Table(
    "runs",
    metadata,
    sa.Column("run_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(40), nullable=False, index=True),
    sa.Column("started_at", UtcDateTime),
    sa.Column("finished_at", UtcDateTime),
    sa.Column("counts", Json),
    sa.Column("per_source", Json),
    sa.Column("status", sa.String(20), nullable=False, default="ok"),
    sa.Column("host", sa.String(255), comment="where the run ran (to find killed runs)"),
    sa.Column("pid", sa.Integer),
)
