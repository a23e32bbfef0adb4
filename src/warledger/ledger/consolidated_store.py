"""Persisting consolidated events: incremental, idempotent, one transaction per run.

``run_consolidation(store)`` compares the store's mentions with what was consolidated
before (``event_mentions`` keeps each mention's fingerprint):

- mentions never seen join existing events or found new ones (``consolidate.assign``);
- mentions whose document was re-extracted differently, or that are gone, leave their
  event (which is rebuilt, or deleted when nothing is left) and are placed again;
- when nothing changed, nothing is written: re-running changes nothing.

Everything a run writes happens in one transaction, so a failure leaves the store as
it was. ``rebuild=True`` forgets earlier events and consolidates everything afresh.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from warledger.errors import StoreError
from warledger.ledger.barrages import night_of
from warledger.ledger.cells import table_cells
from warledger.ledger.consolidate import (
    WIDE_DAYS,
    ConsolidatedEvent,
    assign,
    blocking_days,
    build_event,
    event_from_dict,
    mention_order,
)
from warledger.ledger.consolidated_schema import claims, event_mentions, events
from warledger.ledger.peace.timing import is_negated
from warledger.ledger.schema import documents
from warledger.ledger.search import event_words
from warledger.ledger.theatre import event_theatre
from warledger.ledger.version import bump as bump_version
from warledger.types import Mention

if TYPE_CHECKING:
    from warledger.ledger.store import Store

COMMON_COUNTS = ("killed", "injured", "launched", "intercepted")
CONSOLIDATION_LOCK = 727275  # PostgreSQL advisory lock key: one consolidation at a time


@dataclass
class ConsolidationSummary:
    """What one run did; ``changed`` is false when it wrote nothing."""

    mentions: int = 0
    new_mentions: int = 0
    revised_mentions: int = 0
    removed_mentions: int = 0
    events_created: int = 0
    events_updated: int = 0
    events_deleted: int = 0
    events_total: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.events_created or self.events_updated or self.events_deleted)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "changed": self.changed}


def mention_to_dict(m: Mention) -> dict[str, Any]:
    """A mention as plain JSON (the ledger-schema event plus where it came from)."""
    return {
        "mention_id": m.mention_id,
        "doc_id": m.doc_id,
        "source": m.source,
        "published": m.published,
        "url": m.url,
        "event": m.event.to_dict(),
    }


def canonical_json(data: Any) -> str:
    """One spelling per value, so equal content always hashes equally."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def mention_fingerprint(m: Mention) -> str:
    return hashlib.sha256(canonical_json(mention_to_dict(m)).encode()).hexdigest()


# ------------------------------------------------------------------------ rows


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _best(counts: dict[str, Any], key: str) -> int | None:
    c = counts.get(key)
    return c.best if c is not None else None


def event_row(e: ConsolidatedEvent) -> dict[str, Any]:
    place = e.locations[0] if e.locations else None
    data = e.to_dict()
    return {
        "event_id": e.event_id,
        "kind": e.kind,
        "subtype": e.subtype,
        "date_start": _iso_date(e.date.start),
        "date_end": _iso_date(e.date.end or e.date.start),
        "date_precision": e.date.precision,
        "place_name": place.name if place else None,
        "admin1": place.admin1 if place else None,
        "country": place.country if place else None,
        "theatre": event_theatre(data),
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "precision": place.precision if place else None,
        "actor_side": e.actor.side if e.actor else None,
        "target_side": e.target.side if e.target else None,
        "weapon": e.weapon,
        "status": e.status,
        "n_mentions": len(e.claims),
        "n_sources": e.n_sources,
        "n_claimants": e.n_claimants,
        "first_reported": e.first_reported,
        "contradiction": bool(e.contradictions),
        "negated": is_negated(e),
        **{key: _best(e.counts, key) for key in COMMON_COUNTS},
        "data": data,
        "night": night_of(e.date),
        "search_text": event_words(data),
        "cells": table_cells(data),
    }


def claim_rows(e: ConsolidatedEvent) -> list[dict[str, Any]]:
    rows = []
    for c in e.claims:
        data = c.to_dict()
        rows.append(
            {
                "event_id": e.event_id,
                "mention_id": c.mention_id,
                "doc_id": c.doc_id,
                "source": c.source,
                "published": c.published,
                "url": c.url,
                "claimant_name": c.claimant.name if c.claimant else None,
                "claimant_side": c.claimant.side if c.claimant else None,
                "status": c.status,
                "subtype": c.subtype,
                "negated": c.negated,
                **{k: c.counts[k].value if k in c.counts else None for k in COMMON_COUNTS},
                "counts": data["counts"],
                "evidence": data["evidence"],
                "data": data,
            }
        )
    return rows


def _write_event(conn: sa.Connection, e: ConsolidatedEvent, fingerprints: dict[str, str]) -> None:
    """Replace one event, its claims and its membership rows (with their blocking keys)."""
    _delete_events(conn, [e.event_id])
    conn.execute(sa.insert(events), [event_row(e)])
    conn.execute(sa.insert(claims), claim_rows(e))
    rows = []
    for m in e.mentions:
        days = blocking_days(m)
        rows.append(
            {
                "mention_id": m.mention_id,
                "event_id": e.event_id,
                "doc_id": m.doc_id,
                "fingerprint": fingerprints.get(m.mention_id) or mention_fingerprint(m),
                "kind": m.event.kind,
                "day_first": days[0] if days else None,
                "day_last": days[1] if days else None,
            }
        )
    conn.execute(sa.insert(event_mentions), rows)


def _delete_events(conn: sa.Connection, event_ids: Sequence[str]) -> None:
    ids = sorted(set(event_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        conn.execute(sa.delete(claims).where(claims.c.event_id.in_(chunk)))
        conn.execute(sa.delete(event_mentions).where(event_mentions.c.event_id.in_(chunk)))
        conn.execute(sa.delete(events).where(events.c.event_id.in_(chunk)))


# ------------------------------------------------------------------------- run

CHUNK = 500  # documents, mentions or ids handled at once: what bounds a run's memory
WINDOWS_PER_QUERY = 100  # day windows UNIONed in one query (SQLite caps compound SELECTs at 500)


def run_consolidation(store: Store, *, rebuild: bool = False) -> ConsolidationSummary:
    """Bring the consolidated events up to date with the store's mentions.

    Only documents extracted since the last run are read (``consolidation_pending``);
    their new or changed mentions are placed among the events found through the
    ``event_mentions`` blocking index, so a run costs what changed, not the ledger.
    Mentions of superseded versions of updated articles leave their events.
    ``rebuild`` forgets the events and consolidates every mention afresh.
    """
    from warledger.ledger.store import write_transaction

    summary = ConsolidationSummary()
    try:
        with write_transaction(store.engine) as conn:
            # One consolidation at a time: a second waits here, then reads the mentions
            # and events the first one left (SQLite's write lock does the same).
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({CONSOLIDATION_LOCK})")
            if rebuild:
                summary.events_deleted = _count(conn)
                conn.execute(sa.delete(claims))
                conn.execute(sa.delete(event_mentions))
                conn.execute(sa.delete(events))
                conn.execute(
                    sa.update(documents)
                    .where(documents.c.extracted_version.is_not(None))
                    .values(consolidation_pending=True)
                )
            _Run(store, conn, summary).run()
            if rebuild or summary.changed:
                bump_version(conn)
            # Every current mention is a member of one event once the run is done, so
            # the narrow membership table counts them (no join with the documents).
            summary.mentions = conn.execute(
                sa.select(sa.func.count()).select_from(event_mentions)
            ).scalar_one()
            summary.events_total = _count(conn)
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot save consolidated events: {exc}") from exc
    return summary


def _count(conn: sa.Connection) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()


class _Run:
    """One consolidation run inside one transaction, in two passes over what changed.

    1. For each pending document: its mentions now against the membership rows they
       had; members whose mention changed or vanished leave their events (rebuilt, or
       deleted when empty); new and changed mentions are queued.
    2. The queue, in the fixed mention order, in chunks: each chunk's candidate events
       are read through the blocking index and the mentions join them or found new ones.
    """

    def __init__(self, store: Store, conn: sa.Connection, summary: ConsolidationSummary) -> None:
        self.store = store
        self.conn = conn
        self.summary = summary
        self.fingerprints: dict[str, str] = {}
        self.created: set[str] = set()
        self.updated: set[str] = set()

    def run(self) -> None:
        pending = self.conn.execute(
            sa.select(documents.c.doc_id, documents.c.extracted_at)
            .where(documents.c.consolidation_pending.is_(True))
            .order_by(documents.c.doc_id)
        ).all()
        queue: list[tuple[tuple[str, str, str], str]] = []
        touched: set[str] = set()
        for start in range(0, len(pending), CHUNK):
            chunk = [row.doc_id for row in pending[start : start + CHUNK]]
            queue += self._revise(chunk, touched)
        self._rebuild(touched)
        queue.sort()
        for start in range(0, len(queue), CHUNK):
            self._place([mid for _, mid in queue[start : start + CHUNK]])
        self.summary.events_created = len(self.created)
        self.summary.events_updated = len(self.updated - self.created)
        for start in range(0, len(pending), CHUNK):
            for row in pending[start : start + CHUNK]:
                # A document re-extracted meanwhile (another process) stays pending.
                self.conn.execute(
                    sa.update(documents)
                    .where(documents.c.doc_id == row.doc_id)
                    .where(documents.c.extracted_at == row.extracted_at)
                    .values(consolidation_pending=False)
                )

    def _revise(self, doc_ids: list[str], touched: set[str]) -> list[tuple[Any, str]]:
        """Pass 1 for some documents: drop stale members, queue what must be placed."""
        superseded = set(
            self.conn.execute(
                sa.select(documents.c.doc_id).where(
                    documents.c.doc_id.in_(doc_ids), documents.c.superseded_by.is_not(None)
                )
            ).scalars()
        )
        live = [d for d in doc_ids if d not in superseded]  # an older version's mentions go
        found = self.store.mentions_in(doc_ids=live, conn=self.conn)
        current = {m.mention_id: m for m in found}
        links = {
            r.mention_id: (r.event_id, r.fingerprint)
            for r in self.conn.execute(
                sa.select(event_mentions).where(event_mentions.c.doc_id.in_(doc_ids))
            )
        }
        fps = {mid: mention_fingerprint(m) for mid, m in current.items()}
        stale = [mid for mid, (_, fp) in links.items() if fps.get(mid) != fp]
        removed = sum(1 for mid in stale if mid not in current)
        self.summary.removed_mentions += removed
        self.summary.revised_mentions += len(stale) - removed
        self.summary.new_mentions += sum(1 for mid in current if mid not in links)
        if stale:
            touched.update(links[mid][0] for mid in stale)
            for start in range(0, len(stale), CHUNK):
                self.conn.execute(
                    sa.delete(event_mentions).where(
                        event_mentions.c.mention_id.in_(stale[start : start + CHUNK])
                    )
                )
        unplaced = [m for mid, m in current.items() if mid not in links or mid in stale]
        return [(mention_order(m), m.mention_id) for m in unplaced]

    def _rebuild(self, touched: set[str]) -> None:
        """Events that lost members: rebuilt from those left, or deleted when none is."""
        ids = sorted(touched)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            members = self._members(chunk)
            emptied = [eid for eid in chunk if not members.get(eid)]
            _delete_events(self.conn, emptied)
            self.summary.events_deleted += len(emptied)
            for eid, ms in members.items():
                _write_event(self.conn, build_event(eid, sorted(ms, key=mention_order)), {})
                self.updated.add(eid)

    def _members(self, event_ids: Sequence[str]) -> dict[str, list[Mention]]:
        """The current members of these events, read from the membership rows."""
        owner: dict[str, str] = {}
        for start in range(0, len(event_ids), CHUNK):
            chunk = list(event_ids[start : start + CHUNK])
            query = sa.select(event_mentions.c.mention_id, event_mentions.c.event_id).where(
                event_mentions.c.event_id.in_(chunk)
            )
            owner.update({r.mention_id: r.event_id for r in self.conn.execute(query)})
        members: dict[str, list[Mention]] = {}
        for m in self.store.mentions_in(mention_ids=owner, conn=self.conn):
            members.setdefault(owner[m.mention_id], []).append(m)
        return members

    def _candidates(self, ms: Sequence[Mention]) -> set[str]:
        """Events with a member of the same kind whose blocking days overlap a mention's,
        or that has none (what ``consolidate.assign`` compares it with), by index range.

        One SELECT per day window, joined by UNION: an OR of the windows in one WHERE
        made the planners read every member of the kind (the index gave ``kind`` only),
        a cost that grew with the ledger."""
        em = event_mentions.c
        by_kind: dict[str, list[tuple[date, date] | None]] = {}
        for m in ms:
            by_kind.setdefault(m.event.kind, []).append(blocking_days(m))
        found: set[str] = set()
        for kind, spans in by_kind.items():
            if any(span is None for span in spans):
                # No date and no publication: any event of its kind.
                found.update(
                    self.conn.execute(
                        sa.select(em.event_id).where(em.kind == kind).distinct()
                    ).scalars()
                )
                continue
            windows = _merge([s for s in spans if s is not None])
            parts = [sa.select(em.event_id).where(em.kind == kind, em.day_first.is_(None))]
            parts += [
                sa.select(em.event_id).where(
                    em.kind == kind,
                    em.day_first >= first - timedelta(days=WIDE_DAYS),
                    em.day_first <= last,
                    em.day_last >= first,
                )
                for first, last in windows
            ]
            for start in range(0, len(parts), WINDOWS_PER_QUERY):
                query = sa.union(*parts[start : start + WINDOWS_PER_QUERY])
                found.update(self.conn.execute(query).scalars())
        return found

    def _place(self, mention_ids: list[str]) -> None:
        """Pass 2 for one chunk of the queue, in mention order."""
        found = self.store.mentions_in(mention_ids=mention_ids, conn=self.conn)
        ms = sorted(found, key=mention_order)
        self.fingerprints = {m.mention_id: mention_fingerprint(m) for m in ms}
        members = self._members(sorted(self._candidates(ms)))
        existing = sorted(
            ((eid, sorted(group, key=mention_order)) for eid, group in members.items()),
            key=lambda item: mention_order(item[1][0]),
        )
        sizes = {eid: len(group) for eid, group in existing}
        for eid, group in assign(ms, existing):
            if eid not in sizes:
                self.created.add(eid)
            elif len(group) != sizes[eid]:
                self.updated.add(eid)
            else:
                continue
            _write_event(self.conn, build_event(eid, group), self.fingerprints)


def _merge(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Overlapping or adjacent day ranges joined, so one query covers each window."""
    merged: list[tuple[date, date]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


# ------------------------------------------------------------------------ read


def load_events(
    store_or_engine: Store | sa.Engine,
    *,
    kind: str | None = None,
    date_from: str | date | None = None,
    date_to: str | date | None = None,
    side: str | None = None,
    event_ids: Iterable[str] | None = None,
) -> list[ConsolidatedEvent]:
    """Stored consolidated events, by date then id (undated last)."""
    engine = getattr(store_or_engine, "engine", store_or_engine)
    query = sa.select(events.c.data)
    if kind:
        query = query.where(events.c.kind == kind)
    if date_from:
        query = query.where(events.c.date_end >= _as_date(date_from))
    if date_to:
        query = query.where(events.c.date_start <= _as_date(date_to))
    if side:
        query = query.where(sa.or_(events.c.actor_side == side, events.c.target_side == side))
    if event_ids is not None:
        query = query.where(events.c.event_id.in_(list(event_ids)))
    query = query.order_by(events.c.date_start.is_(None), events.c.date_start, events.c.event_id)
    with engine.connect() as conn:
        return [event_from_dict(row.data) for row in conn.execute(query)]


def _as_date(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def attach_mentions(
    store_or_engine: Store | sa.Engine, found: list[ConsolidatedEvent]
) -> list[ConsolidatedEvent]:
    """Give events read back from storage their member mentions, which hold what the
    stored event does not (e.g. a report's per-weapon numbers, used by barrages)."""
    from warledger.ledger.schema import mentions
    from warledger.ledger.store import event_from_dict as mention_event

    engine = getattr(store_or_engine, "engine", store_or_engine)
    wanted = sorted({mid for e in found for mid in e.mention_ids})
    by_id: dict[str, Mention] = {}
    with engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            query = sa.select(mentions.c.mention_id, mentions.c.doc_id, mentions.c.data).where(
                mentions.c.mention_id.in_(wanted[i : i + 500])
            )
            for mention_id, doc_id, data in conn.execute(query):
                by_id[mention_id] = Mention(
                    mention_id=mention_id, doc_id=doc_id, event=mention_event(data)
                )
    for event in found:
        event.mentions = [by_id[m] for m in event.mention_ids if m in by_id]
    return found
