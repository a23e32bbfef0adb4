"""Snapshots freeze the ledger so analyses re-run on them give identical results."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import pytest
from tests.ledger.test_consolidate_store import (
    TEXT_A,
    TEXT_B,
    TEXT_C,
    TEXT_D,
    UA,
    add,
    document,
    drone_wave,
    kharkiv_strike,
)

from warledger.errors import NotFound
from warledger.ledger.barrages import find_barrages
from warledger.ledger.consolidated_store import run_consolidation
from warledger.ledger.snapshot import (
    create_snapshot,
    current_view,
    list_snapshots,
    load_snapshot,
)
from warledger.ledger.store import Store
from warledger.types import DocumentResult, Position, Span, When

STANCE = "Kyiv said it would never recognise occupied territory as Russian."


@pytest.fixture
def ledger(store_url: str) -> Store:
    store = Store.open(store_url)
    add(store, TEXT_A, "kyivindependent.com", "2025-04-20T07:00:00Z", drone_wave(TEXT_A, 54))
    add(store, TEXT_B, "voanews.com", "2025-04-20T09:00:00Z", drone_wave(TEXT_B, 45))
    doc = document(TEXT_C + " " + STANCE, "ukrinform.net", "2025-04-20T08:00:00Z")
    store.add_document(doc)
    position = Position(
        party=UA,
        issue="territory",
        stance="no_recognition",
        date=When("2025-04-20", "2025-04-20", "day"),
        evidence=[Span(len(TEXT_C) + 1, len(doc.text), STANCE)],
    )
    result = DocumentResult(
        doc_id=doc.doc_id, events=[kharkiv_strike(TEXT_C)], positions=[position]
    )
    store.save_extraction(doc.doc_id, result, extractor_version="test")
    run_consolidation(store)
    yield store
    store.close()


def test_snapshot_freezes_events_claims_mentions_and_positions(ledger: Store) -> None:
    info = create_snapshot(ledger, now=datetime(2025, 4, 21, 6, 0, tzinfo=UTC))

    assert info.created
    assert (info.n_events, info.n_claims, info.n_mentions, info.n_positions) == (2, 3, 3, 1)
    assert info.snapshot_id.startswith("s-20250421T060000Z-")
    view = load_snapshot(ledger, info.snapshot_id)
    assert view.content_hash == info.content_hash
    assert view.positions[0]["position"]["stance"] == "no_recognition"
    wave = next(e for e in view.events if len(e["claims"]) == 2)
    assert sorted(c["counts"]["launched"]["value"] for c in wave["claims"]) == [45, 54]
    assert [s.snapshot_id for s in list_snapshots(ledger)] == [info.snapshot_id]


def test_content_hash_is_the_sha256_of_the_canonical_content(ledger: Store) -> None:
    info = create_snapshot(ledger)
    view = load_snapshot(ledger, info.snapshot_id)
    content = {
        "schema_version": 1,
        "events": view.events,
        "mentions": view.mentions,
        "positions": view.positions,
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert hashlib.sha256(canonical.encode()).hexdigest() == info.content_hash


def test_unchanged_ledger_gives_the_same_snapshot(ledger: Store) -> None:
    first = create_snapshot(ledger)
    second = create_snapshot(ledger)
    assert not second.created
    assert second.snapshot_id == first.snapshot_id
    assert len(list_snapshots(ledger)) == 1


def test_analysis_on_a_snapshot_is_unchanged_by_later_documents(ledger: Store) -> None:
    info = create_snapshot(ledger, now=datetime(2025, 4, 21, 6, 0, tzinfo=UTC))
    frozen = load_snapshot(ledger, info.snapshot_id)
    barrages_then = [b.to_dict() for b in find_barrages(frozen.consolidated_events())]

    add(ledger, TEXT_D, "reuters.com", "2025-04-20T12:00:00Z", drone_wave(TEXT_D, 54))
    run_consolidation(ledger)
    later = create_snapshot(ledger, now=datetime(2025, 4, 21, 7, 0, tzinfo=UTC))

    assert later.created and later.content_hash != info.content_hash
    assert len(current_view(ledger).mentions) == 4
    again = load_snapshot(ledger, info.snapshot_id)
    assert again.events == frozen.events
    assert [b.to_dict() for b in find_barrages(again.consolidated_events())] == barrages_then
    assert [s.snapshot_id for s in list_snapshots(ledger)] == [
        later.snapshot_id,
        info.snapshot_id,
    ]


def test_unknown_snapshot_is_not_found(ledger: Store) -> None:
    with pytest.raises(NotFound):
        load_snapshot(ledger, "s-nope")
