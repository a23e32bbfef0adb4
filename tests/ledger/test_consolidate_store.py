"""Consolidation persisted in the ledger, on SQLite and PostgreSQL.

Documents and their extraction results are built by hand from the short texts below.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory

from warledger.ledger import consolidated_store
from warledger.ledger.consolidated_store import load_events, run_consolidation
from warledger.ledger.store import Store, alembic_config
from warledger.types import Actor, Count, Document, DocumentResult, Event, Location, Span, When

RU = Actor("Russia", "RU", "state")
UA = Actor("Ukraine", "UA", "state")
AIR_FORCE = Actor("Ukrainian Air Force", "UA", "military")
UKRAINE = Location("Ukraine", country="UA", precision="country")
KHARKIV = Location("Kharkiv", "Kharkiv Oblast", "UA", 49.99, 36.23, "settlement")
NIGHT = When("2025-04-20", "2025-04-20", "day", "overnight")

TEXT_A = "Russia launched 54 drones at Ukraine overnight, the Ukrainian Air Force said."
TEXT_B = "Russia attacked Ukraine with 45 drones overnight, the Ukrainian Air Force said."
TEXT_C = "A Russian drone struck Kharkiv overnight, injuring three people."
TEXT_D = "The Ukrainian Air Force said Russia launched 54 drones overnight."

CONSOLIDATED_TABLES = ("events", "claims", "event_mentions")


def document(text: str, source: str, published: str) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(
        doc_id=f"d-{digest[:16]}",
        text=text,
        content_hash=digest,
        origin=f"{source}.txt",
        url=f"https://{source}/story",
        published=published,
        source=source,
        language="en",
    )


def drone_wave(text: str, launched: int) -> Event:
    return Event(
        kind="strike",
        subtype="air_defense_engagement",
        actor=RU,
        target=UA,
        locations=[UKRAINE],
        date=NIGHT,
        weapon="drone",
        counts={"launched": Count(launched)},
        claimant=AIR_FORCE,
        status="claimed",
        evidence=[Span(0, len(text), text)],
    )


def kharkiv_strike(text: str) -> Event:
    return Event(
        kind="strike",
        actor=RU,
        target=UA,
        locations=[KHARKIV],
        date=NIGHT,
        weapon="drone",
        counts={"injured": Count(3)},
        evidence=[Span(0, len(text), text)],
    )


def add(store: Store, text: str, source: str, published: str, event: Event) -> str:
    doc = document(text, source, published)
    store.add_document(doc)
    result = DocumentResult(doc_id=doc.doc_id, source=source, published=published, events=[event])
    store.save_extraction(doc.doc_id, result, extractor_version="test")
    return doc.doc_id


def dump(store: Store) -> dict[str, list[Any]]:
    """Every consolidated row, in a fixed order, for before/after comparisons."""
    out = {}
    with store.engine.connect() as conn:
        for table in CONSOLIDATED_TABLES:
            rows = conn.exec_driver_sql(f"SELECT * FROM {table}").all()
            out[table] = sorted(tuple(str(v) for v in r) for r in rows)
    return out


@pytest.fixture
def ledger(store_url: str) -> Store:
    store = Store.open(store_url)
    add(store, TEXT_A, "kyivindependent.com", "2025-04-20T07:00:00Z", drone_wave(TEXT_A, 54))
    add(store, TEXT_B, "voanews.com", "2025-04-20T09:00:00Z", drone_wave(TEXT_B, 45))
    add(store, TEXT_C, "ukrinform.net", "2025-04-20T08:00:00Z", kharkiv_strike(TEXT_C))
    yield store
    store.close()


def test_two_reports_of_one_wave_are_stored_as_one_event_with_two_claims(ledger: Store) -> None:
    summary = run_consolidation(ledger)

    assert summary.mentions == 3
    assert summary.events_created == 2
    wave = load_events(ledger, kind="strike", event_ids=None)
    by_place = {e.locations[0].name: e for e in wave}
    drones = by_place["Ukraine"]
    assert sorted(c.source for c in drones.claims) == ["kyivindependent.com", "voanews.com"]
    assert drones.counts["launched"].low == 45
    assert drones.counts["launched"].high == 54
    assert drones.contradictions == ["launched"]
    with ledger.engine.connect() as conn:
        row = conn.execute(
            sa.text("SELECT n_sources, contradiction, launched FROM events WHERE event_id = :e"),
            {"e": drones.event_id},
        ).one()
        claim_counts = conn.execute(
            sa.text("SELECT launched FROM claims WHERE event_id = :e ORDER BY launched"),
            {"e": drones.event_id},
        ).scalars()
        assert list(claim_counts) == [45, 54]
    assert (row.n_sources, bool(row.contradiction), row.launched) == (2, True, 45)
    assert len(by_place["Kharkiv"].claims) == 1


def test_rerunning_changes_nothing(ledger: Store) -> None:
    run_consolidation(ledger)
    before = dump(ledger)

    again = run_consolidation(ledger)

    assert not again.changed
    assert again.new_mentions == 0
    assert dump(ledger) == before


def test_a_new_document_joins_the_existing_event(ledger: Store) -> None:
    run_consolidation(ledger)
    (wave_before,) = load_events(ledger, side="RU", kind="strike", date_from="2025-04-20")[:1]
    add(ledger, TEXT_D, "reuters.com", "2025-04-20T12:00:00Z", drone_wave(TEXT_D, 54))

    summary = run_consolidation(ledger)

    assert (summary.new_mentions, summary.events_created, summary.events_updated) == (1, 0, 1)
    events = load_events(ledger)
    assert len(events) == 2
    wave = next(e for e in events if e.event_id == wave_before.event_id)
    assert len(wave.claims) == 3
    assert wave.counts["launched"].best == 54  # two outlets say 54, one says 45
    assert wave.n_sources == 3


def test_a_reextracted_document_leaves_its_old_event(ledger: Store) -> None:
    run_consolidation(ledger)
    # The VOA story is re-read: it turns out to be about the Kharkiv strike.
    doc_b = document(TEXT_B, "voanews.com", "2025-04-20T09:00:00Z").doc_id
    result = DocumentResult(doc_id=doc_b, events=[kharkiv_strike(TEXT_B)])
    ledger.save_extraction(doc_b, result, extractor_version="test-2")

    summary = run_consolidation(ledger)

    assert summary.revised_mentions == 1
    sizes = sorted((e.locations[0].name, len(e.claims)) for e in load_events(ledger))
    assert sizes == [("Kharkiv", 2), ("Ukraine", 1)]


def test_failed_write_leaves_the_store_as_it_was(
    ledger: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_consolidation(ledger)
    add(ledger, TEXT_D, "reuters.com", "2025-04-20T12:00:00Z", drone_wave(TEXT_D, 54))
    before = dump(ledger)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(consolidated_store, "_write_event", broken)
    with pytest.raises(RuntimeError):
        run_consolidation(ledger)
    assert dump(ledger) == before

    monkeypatch.undo()
    assert run_consolidation(ledger).events_updated == 1


def test_rebuild_gives_the_same_events(ledger: Store) -> None:
    run_consolidation(ledger)
    before = dump(ledger)
    summary = run_consolidation(ledger, rebuild=True)
    assert summary.events_total == 2
    assert dump(ledger) == before


def test_migration_0002_upgrades_and_downgrades(store_url: str) -> None:
    with Store.open(store_url) as store:
        tables = set(sa.inspect(store.engine).get_table_names())
        assert {"events", "claims", "event_mentions", "snapshots"} <= tables
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0001_initial")
        tables = set(sa.inspect(store.engine).get_table_names())
        assert "events" not in tables
        assert "mentions" in tables
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "heads")
        with store.engine.connect() as conn:
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert version == ScriptDirectory.from_config(config).get_current_head()
