"""Free-text and place search through an index instead of a scan of every event.

``q`` tested every event's JSON text with LIKE (about 1 s on 100,000 events) and a place
search every place and oblast name (0.25 s). ``events.search_text`` now holds the event's
words (``warledger.ledger.search.event_words``: its summary and text values, lower-cased),
filled here for stored events a page of 5,000 at a time; then:

- SQLite: ``events_search``, an FTS5 table with the trigram tokenizer over
  ``search_text``, ``place_name`` and ``admin1`` whose content is the ``events`` rows
  themselves (external content, keyed by their rowid), kept in step by three triggers;
- PostgreSQL: the ``pg_trgm`` extension and trigram GIN indexes on ``search_text``,
  ``lower(place_name)`` and ``lower(admin1)``, which answer ``LIKE '%...%'``.

Revision ID: 0014_event_search
Revises: 0013_pg_newest_first_indexes
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_event_search"
down_revision = "0013_pg_newest_first_indexes"
branch_labels = None
depends_on = None

PAGE = 5000
COLUMNS = ("search_text", "place_name", "admin1")
SQLITE_TRIGGERS = {
    "events_search_insert": (
        "AFTER INSERT ON events BEGIN "
        "INSERT INTO events_search(rowid, search_text, place_name, admin1) "
        "VALUES (new.rowid, new.search_text, new.place_name, new.admin1); END"
    ),
    "events_search_delete": (
        "AFTER DELETE ON events BEGIN "
        "INSERT INTO events_search(events_search, rowid, search_text, place_name, admin1) "
        "VALUES ('delete', old.rowid, old.search_text, old.place_name, old.admin1); END"
    ),
    "events_search_update": (
        "AFTER UPDATE OF search_text, place_name, admin1 ON events BEGIN "
        "INSERT INTO events_search(events_search, rowid, search_text, place_name, admin1) "
        "VALUES ('delete', old.rowid, old.search_text, old.place_name, old.admin1); "
        "INSERT INTO events_search(rowid, search_text, place_name, admin1) "
        "VALUES (new.rowid, new.search_text, new.place_name, new.admin1); END"
    ),
}
PG_INDEXES = {
    "ix_events_search_text_trgm": "search_text",
    "ix_events_place_name_trgm": "lower(place_name)",
    "ix_events_admin1_trgm": "lower(admin1)",
}


def upgrade() -> None:
    from warledger.ledger.schema import Json
    from warledger.ledger.search import event_words

    op.add_column(
        "events",
        sa.Column(
            "search_text",
            sa.Text,
            comment="the event's words, lower-cased, for q (ledger.search; migration 0014)",
        ),
    )
    conn = op.get_bind()
    table = sa.table(
        "events",
        sa.column("event_id", sa.String),
        sa.column("data", Json),
        sa.column("search_text", sa.Text),
    )
    update = (
        table.update()
        .where(table.c.event_id == sa.bindparam("id"))
        .values(search_text=sa.bindparam("words"))
    )
    last = ""
    while True:
        rows = conn.execute(
            sa.select(table.c.event_id, table.c.data)
            .where(table.c.event_id > last)
            .order_by(table.c.event_id)
            .limit(PAGE)
        ).all()
        if not rows:
            break
        conn.execute(update, [{"id": eid, "words": event_words(data)} for eid, data in rows])
        last = rows[-1][0]
    if conn.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE events_search USING fts5("
            "search_text, place_name, admin1, "
            "content='events', content_rowid='rowid', tokenize='trigram')"
        )
        op.execute("INSERT INTO events_search(events_search) VALUES ('rebuild')")
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    elif conn.dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, expression in PG_INDEXES.items():
            op.execute(f"CREATE INDEX {name} ON events USING gin ({expression} gin_trgm_ops)")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS events_search")
    elif conn.dialect.name == "postgresql":
        for name in PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_column("events", "search_text")
