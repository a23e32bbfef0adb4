"""Tables of the consolidated ledger: events, their claims, membership, snapshots.

They live on the same ``metadata`` as the store's tables (one schema, one Alembic
history: revision ``0002_consolidated_events``). Deliberately no foreign key to
``mentions``: re-extracting a document replaces its mentions, and consolidation notices
that through ``event_mentions.fingerprint`` rather than by blocking the store's delete.
"""

from __future__ import annotations

import sqlalchemy as sa

from warledger.ledger.schema import Json, UtcDateTime, metadata

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.String(40), primary_key=True, comment='"e-" + sha256[:16]'),
    sa.Column("kind", sa.String(40), nullable=False),  # indexed with the date: ix_events_kind_date
    sa.Column("subtype", sa.String(40)),
    sa.Column("date_start", sa.Date),  # indexed: ix_events_date_range
    sa.Column("date_end", sa.Date, index=True),
    sa.Column("date_precision", sa.String(16)),
    sa.Column("place_name", sa.Text, comment="the finest location"),
    sa.Column("admin1", sa.String(120)),  # indexed with the date: ix_events_admin1_date
    sa.Column("country", sa.String(8), index=True),
    sa.Column("theatre", sa.String(40), comment="see warledger.ledger.theatre (migration 0005)"),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("precision", sa.String(16)),
    sa.Column("actor_side", sa.String(8)),  # indexed with the date (migration 0003)
    sa.Column("target_side", sa.String(8)),
    sa.Column("weapon", sa.String(40)),
    sa.Column("status", sa.String(16), index=True),
    sa.Column("n_mentions", sa.Integer, nullable=False),
    sa.Column("n_sources", sa.Integer, nullable=False, comment="distinct outlets"),
    sa.Column("n_claimants", sa.Integer, nullable=False),
    sa.Column("first_reported", sa.String(40), comment="earliest publication (ISO)"),
    sa.Column("contradiction", sa.Boolean, nullable=False, default=False),
    sa.Column(
        "negated",
        sa.Boolean,
        nullable=False,
        default=False,
        server_default=sa.false(),
        comment="every claim says it did not happen (migration 0008)",
    ),
    sa.Column("killed", sa.Integer, comment="reconciled best value"),
    sa.Column("injured", sa.Integer),
    sa.Column("launched", sa.Integer),
    sa.Column("intercepted", sa.Integer),
    sa.Column("data", Json, nullable=False, comment="the consolidated event with its claims"),
    sa.Column("night", sa.Date, comment="barrages.night_of the date (migration 0010)"),
    sa.Column(
        "search_text",
        sa.Text,
        comment="the event's words, lower-cased, for q (ledger.search; migration 0014)",
    ),
    sa.Column(
        "cells",
        Json,
        comment="the events table's cells, written with the event (ledger.cells; migration 0018)",
    ),
)

# Filtered, date-ordered pages of events (the API's and dashboard's main query) read these
# covering indexes instead of the wide rows: migration 0003 (which replaced the
# single-column indexes on these columns, which the planner preferred and then had to
# fetch every matching row to sort).
# Migration 0005 appended the theatre to each (every view filters by it by default).
_ORDERED = (events.c.date_start, events.c.event_id)
sa.Index("ix_events_kind_date", events.c.kind, *_ORDERED, events.c.theatre)
sa.Index("ix_events_actor_side_date", events.c.actor_side, *_ORDERED, events.c.theatre)
sa.Index("ix_events_target_side_date", events.c.target_side, *_ORDERED, events.c.theatre)
sa.Index("ix_events_admin1_date", events.c.admin1, *_ORDERED, events.c.theatre)
sa.Index(
    "ix_events_date_range",
    events.c.date_start,
    events.c.date_end,
    events.c.event_id,
    events.c.theatre,
)
# date_end too, so a date range in the default theatre is counted from the index alone.
sa.Index("ix_events_theatre_date", events.c.theatre, *_ORDERED, events.c.date_end)
# Counting a side filter (acted OR targeted) needs "acted AND targeted" from an index.
sa.Index("ix_events_sides", events.c.actor_side, events.c.target_side, events.c.theatre)
# The barrage listing's (night, attacker) pairs, from the index alone (migration 0010).
sa.Index("ix_events_nights", events.c.kind, events.c.theatre, events.c.night, events.c.actor_side)
# A place search scans this narrow index instead of the wide rows.
sa.Index(
    "ix_events_place",
    events.c.place_name,
    events.c.admin1,
    events.c.theatre,
    *_ORDERED,
)

# The events table's other sort orders and its place search in the default theatre: the
# planner takes the theatre's index and then read every wide row (0.9 s on 100,000
# events); with every column they read here, it sorts or filters this index instead
# (migration 0012; the sides, for a side filter with another sort, since 0015).
TABLE_COLUMNS = (
    "theatre",
    "date_start",
    "event_id",
    "kind",
    "place_name",
    "admin1",
    "killed",
    "injured",
    "launched",
    "n_sources",
    "status",
    "date_end",
    "actor_side",
    "target_side",
)
sa.Index("ix_events_table", *(events.c[name] for name in TABLE_COLUMNS))

# PostgreSQL only (migration 0013): the default order, newest first with undated last,
# read straight from an index. A backward scan of the ascending indexes above gives
# "DESC NULLS FIRST", so PostgreSQL sorted every matching row instead (1.1 s for a page of
# a 1,000,000-event theatre); SQLite already sorts NULLs last in a backward scan. The
# filter columns come first, then the theatre, so each filter is an equality prefix.
NEWEST_FIRST = (events.c.date_start.desc().nulls_last(), events.c.event_id)
PG_NEWEST_FIRST_INDEXES = {
    "ix_events_theatre_newest": (events.c.theatre,),
    "ix_events_kind_newest": (events.c.kind, events.c.theatre),
    "ix_events_admin1_newest": (events.c.admin1, events.c.theatre),
    "ix_events_actor_side_newest": (events.c.actor_side, events.c.theatre),
    "ix_events_target_side_newest": (events.c.target_side, events.c.theatre),
}
for _name, _prefix in PG_NEWEST_FIRST_INDEXES.items():
    sa.Index(_name, *_prefix, *NEWEST_FIRST, events.c.date_end).ddl_if(dialect="postgresql")

# The table's sort orders (migration 0016): (theatre, sort column, event_id) in the order
# the table asks for, so a page sorted by place or by number killed is a walk of one index
# instead of a sort of the theatre; the oblast, the dates, the kind and the sides ride
# along (migration 0017), so the dashboard's filters are tested in the index, not in the
# wide rows. Numbers descend with unknown last (on PostgreSQL ``DESC NULLS LAST``; SQLite
# puts NULL last in a descending index by itself).
SORT_INDEXES = {
    "ix_events_by_kind": (events.c.kind, False),
    "ix_events_by_place": (events.c.place_name, False),
    "ix_events_by_oblast": (events.c.admin1, False),
    "ix_events_by_status": (events.c.status, False),
    "ix_events_by_killed": (events.c.killed, True),
    "ix_events_by_sources": (events.c.n_sources, True),
}
_TRAILING = (
    events.c.event_id,
    events.c.admin1,
    events.c.date_start,
    events.c.date_end,
    events.c.kind,
    events.c.actor_side,
    events.c.target_side,
)
for _name, (_column, _descending) in SORT_INDEXES.items():
    _key = _column.desc() if _descending else _column  # PostgreSQL: NULLS LAST (0016)
    sa.Index(_name, events.c.theatre, _key, *(c for c in _TRAILING if c is not _column))

# The analyses' per-day counts (strikes by attacker side, large strikes, diplomatic days)
# are read from this index alone, without the wide rows (migration 0008).
sa.Index(
    "ix_events_day_counts",
    events.c.kind,
    events.c.theatre,
    events.c.date_start,
    events.c.date_end,
    events.c.date_precision,
    events.c.negated,
    events.c.actor_side,
    events.c.subtype,
    events.c.launched,
    events.c.killed,
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column(
        "event_id",
        sa.String(40),
        sa.ForeignKey("events.event_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("mention_id", sa.String(60), primary_key=True),
    sa.Column("doc_id", sa.String(40), nullable=False, index=True),
    sa.Column("source", sa.String(200), index=True),
    sa.Column("published", sa.String(40)),
    sa.Column("url", sa.Text),
    sa.Column("claimant_name", sa.Text),
    sa.Column("claimant_side", sa.String(8), index=True),
    sa.Column("status", sa.String(16), index=True),
    sa.Column("subtype", sa.String(40)),
    sa.Column("negated", sa.Boolean, nullable=False, default=False),
    sa.Column("killed", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("launched", sa.Integer),
    sa.Column("intercepted", sa.Integer),
    sa.Column("counts", Json),
    sa.Column("evidence", Json),
    sa.Column("data", Json, nullable=False, comment="the claim as the document gives it"),
)

event_mentions = sa.Table(
    "event_mentions",
    metadata,
    sa.Column("mention_id", sa.String(60), primary_key=True, comment="in one event only"),
    sa.Column(
        "event_id",
        sa.String(40),
        sa.ForeignKey("events.event_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("doc_id", sa.String(40), nullable=False, index=True),
    sa.Column(
        "fingerprint",
        sa.String(64),
        nullable=False,
        comment="sha256 of the mention as consolidated; a change re-consolidates it",
    ),
    # The member's blocking key (migration 0006): a new mention is compared only with the
    # events that have a member of its kind whose blocking days overlap its own.
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("day_first", sa.Date, comment="first blocking day; NULL: no date, no publication"),
    sa.Column("day_last", sa.Date),
)
sa.Index("ix_event_mentions_block", event_mentions.c.kind, event_mentions.c.day_first)

snapshots = sa.Table(
    "snapshots",
    metadata,
    sa.Column("snapshot_id", sa.String(60), primary_key=True),
    sa.Column("created_at", UtcDateTime, nullable=False, index=True),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("n_events", sa.Integer, nullable=False),
    sa.Column("n_claims", sa.Integer, nullable=False),
    sa.Column("n_mentions", sa.Integer, nullable=False),
    sa.Column("n_positions", sa.Integer, nullable=False),
    sa.Column(
        "content",
        sa.LargeBinary,
        nullable=False,
        comment="zlib-compressed canonical JSON of the frozen ledger",
    ),
)

# One row: a number every consolidation that writes events raises (migration 0011), so a
# cache of rendered pages keyed by it is right the moment another process consolidates.
ledger_version = sa.Table(
    "ledger_version",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("version", sa.BigInteger, nullable=False, comment="raised by each consolidation"),
)
