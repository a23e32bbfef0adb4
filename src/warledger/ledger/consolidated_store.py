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
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from warledger.errors import StoreError
from warledger.ledger.consolidate import (
    ConsolidatedEvent,
    assign,
    build_event,
    event_from_dict,
    mention_order,
)
from warledger.ledger.consolidated_schema import claims, event_mentions, events
from warledger.ledger.theatre import event_theatre
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
        **{key: _best(e.counts, key) for key in COMMON_COUNTS},
        "data": data,
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
    """Replace one event, its claims and its membership rows."""
    _delete_events(conn, [e.event_id])
    conn.execute(sa.insert(events), [event_row(e)])
    conn.execute(sa.insert(claims), claim_rows(e))
    conn.execute(
        sa.insert(event_mentions),
        [
            {
                "mention_id": c.mention_id,
                "event_id": e.event_id,
                "doc_id": c.doc_id,
                "fingerprint": fingerprints[c.mention_id],
            }
            for c in e.claims
        ],
    )


def _delete_events(conn: sa.Connection, event_ids: Sequence[str]) -> None:
    if not event_ids:
        return
    ids = list(event_ids)
    conn.execute(sa.delete(claims).where(claims.c.event_id.in_(ids)))
    conn.execute(sa.delete(event_mentions).where(event_mentions.c.event_id.in_(ids)))
    conn.execute(sa.delete(events).where(events.c.event_id.in_(ids)))


# ------------------------------------------------------------------------- run


def run_consolidation(store: Store, *, rebuild: bool = False) -> ConsolidationSummary:
    """Bring the consolidated events up to date with the store's mentions."""
    from warledger.ledger.store import write_transaction

    summary = ConsolidationSummary()
    try:
        with write_transaction(store.engine) as conn:
            # One consolidation at a time: a second waits here, then reads the mentions
            # and events the first one left (SQLite's write lock does the same).
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({CONSOLIDATION_LOCK})")
            current = {m.mention_id: m for m in store.mentions(current=True)}
            fingerprints = {mid: mention_fingerprint(m) for mid, m in current.items()}
            summary.mentions = len(current)
            links = {
                r.mention_id: (r.event_id, r.fingerprint)
                for r in conn.execute(sa.select(event_mentions))
            }
            if rebuild:
                summary.events_deleted = _count(conn)
                conn.execute(sa.delete(claims))
                conn.execute(sa.delete(event_mentions))
                conn.execute(sa.delete(events))
                links = {}
            _update(conn, current, fingerprints, links, summary)
            summary.events_total = _count(conn)
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot save consolidated events: {exc}") from exc
    return summary


def _count(conn: sa.Connection) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()


def _update(
    conn: sa.Connection,
    current: dict[str, Mention],
    fingerprints: dict[str, str],
    links: dict[str, tuple[str, str]],
    summary: ConsolidationSummary,
) -> None:
    stale = {mid for mid, (_, fp) in links.items() if fingerprints.get(mid) != fp}
    summary.removed_mentions = sum(1 for mid in stale if mid not in current)
    summary.revised_mentions = len(stale) - summary.removed_mentions
    unplaced = [m for mid, m in current.items() if mid not in links or mid in stale]
    summary.new_mentions = len(unplaced) - summary.revised_mentions
    if not unplaced and not stale:
        return

    members: dict[str, list[Mention]] = {}
    for mid, (eid, _) in links.items():
        members.setdefault(eid, [])
        if mid not in stale:
            members[eid].append(current[mid])
    touched = {links[mid][0] for mid in stale}
    emptied = [eid for eid, ms in members.items() if not ms]
    existing = sorted(
        ((eid, ms) for eid, ms in members.items() if ms),
        key=lambda item: min(mention_order(m) for m in item[1]),
    )
    sizes = {eid: len(ms) for eid, ms in existing}

    groups = assign(unplaced, existing)
    _delete_events(conn, emptied)
    summary.events_deleted += len(emptied)
    for eid, ms in groups:
        if eid not in sizes:
            summary.events_created += 1
        elif eid in touched or len(ms) != sizes[eid]:
            summary.events_updated += 1
        else:
            continue
        _write_event(conn, build_event(eid, ms), fingerprints)


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
