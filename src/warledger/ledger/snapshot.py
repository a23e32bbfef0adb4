"""Freezing the ledger so an analysis can be re-run later with identical results.

A snapshot is the consolidated events (with their claims), the mentions and the
positions as canonical JSON (sorted keys, fixed separators, records sorted by id),
its SHA-256 ``content_hash`` and the time it was taken. The frozen content itself is
stored (zlib-compressed: it is the whole ledger) so ``load_snapshot`` returns exactly
what was frozen however the live ledger has changed since, and verifies it against
the hash on the way out.

Taking a snapshot when the ledger has not changed since the latest one returns that
snapshot instead of storing a copy (``created`` is false).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from warledger.errors import NotFound, StoreError
from warledger.ledger.consolidate import ConsolidatedEvent, event_from_dict
from warledger.ledger.consolidated_schema import events, snapshots
from warledger.ledger.consolidated_store import canonical_json, mention_to_dict
from warledger.ledger.store import write_transaction
from warledger.types import SCHEMA_VERSION

if TYPE_CHECKING:
    from warledger.ledger.store import Store


@dataclass
class LedgerView:
    """The ledger as plain data: what analyses read, live or from a snapshot."""

    snapshot_id: str | None
    created_at: str | None
    content_hash: str
    events: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    positions: list[dict[str, Any]]

    def consolidated_events(self) -> list[ConsolidatedEvent]:
        return [event_from_dict(e) for e in self.events]


@dataclass
class SnapshotInfo:
    snapshot_id: str
    created_at: str
    content_hash: str
    n_events: int
    n_claims: int
    n_mentions: int
    n_positions: int
    created: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def ledger_content(store: Store) -> dict[str, Any]:
    """The live ledger as one JSON-ready object, in a fixed order."""
    with store.engine.connect() as conn:
        event_data = [r.data for r in conn.execute(sa.select(events.c.data))]
    positions = [
        {"position_id": r["position_id"], "doc_id": r["doc_id"], "position": r["data"]}
        for r in store.position_rows()
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "events": sorted(event_data, key=lambda e: e["event_id"]),
        "mentions": sorted(
            (mention_to_dict(m) for m in store.mentions()), key=lambda m: m["mention_id"]
        ),
        "positions": sorted(positions, key=lambda p: p["position_id"]),
    }


def _encode(content: dict[str, Any]) -> tuple[bytes, str]:
    raw = canonical_json(content).encode()
    return raw, hashlib.sha256(raw).hexdigest()


def current_view(store: Store) -> LedgerView:
    """The live ledger as a view (not frozen)."""
    content = ledger_content(store)
    _, digest = _encode(content)
    return _view(None, None, digest, content)


def _view(
    snapshot_id: str | None, created_at: str | None, digest: str, content: dict[str, Any]
) -> LedgerView:
    return LedgerView(
        snapshot_id=snapshot_id,
        created_at=created_at,
        content_hash=digest,
        events=content["events"],
        mentions=content["mentions"],
        positions=content["positions"],
    )


def _info(row: Any, created: bool = False) -> SnapshotInfo:
    return SnapshotInfo(
        snapshot_id=row.snapshot_id,
        created_at=row.created_at.isoformat(),
        content_hash=row.content_hash,
        n_events=row.n_events,
        n_claims=row.n_claims,
        n_mentions=row.n_mentions,
        n_positions=row.n_positions,
        created=created,
    )


_INFO_COLUMNS = [c for c in snapshots.c if c.name != "content"]


def create_snapshot(store: Store, *, now: datetime | None = None) -> SnapshotInfo:
    """Freeze the ledger as of now (or return the latest snapshot if nothing changed)."""
    content = ledger_content(store)
    raw, digest = _encode(content)
    latest = list_snapshots(store, limit=1)
    if latest and latest[0].content_hash == digest:
        return SnapshotInfo(**{**latest[0].to_dict(), "created": False})
    taken = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    row = {
        "snapshot_id": f"s-{taken:%Y%m%dT%H%M%SZ}-{digest[:8]}",
        "created_at": taken,
        "content_hash": digest,
        "n_events": len(content["events"]),
        "n_claims": sum(len(e.get("claims", [])) for e in content["events"]),
        "n_mentions": len(content["mentions"]),
        "n_positions": len(content["positions"]),
        "content": zlib.compress(raw, 6),
    }
    try:
        with write_transaction(store.engine) as conn:
            conn.execute(sa.insert(snapshots), [row])
            stored = conn.execute(
                sa.select(*_INFO_COLUMNS).where(snapshots.c.snapshot_id == row["snapshot_id"])
            ).one()
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot save the snapshot: {exc}") from exc
    return _info(stored, created=True)


def list_snapshots(store: Store, *, limit: int | None = None) -> list[SnapshotInfo]:
    """Snapshots, newest first."""
    query = sa.select(*_INFO_COLUMNS).order_by(
        snapshots.c.created_at.desc(), snapshots.c.snapshot_id.desc()
    )
    if limit:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        return [_info(r) for r in conn.execute(query)]


def load_snapshot(store: Store, snapshot_id: str) -> LedgerView:
    """The ledger exactly as frozen in ``snapshot_id``; raises NotFound for unknown ids."""
    with store.engine.connect() as conn:
        row = conn.execute(
            sa.select(snapshots).where(snapshots.c.snapshot_id == snapshot_id)
        ).one_or_none()
    if row is None:
        raise NotFound(f"no snapshot {snapshot_id}")
    raw = zlib.decompress(row.content)
    if hashlib.sha256(raw).hexdigest() != row.content_hash:
        raise StoreError(f"snapshot {snapshot_id} does not match its content hash")
    return _view(row.snapshot_id, row.created_at.isoformat(), row.content_hash, json.loads(raw))
