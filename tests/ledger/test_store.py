"""The store's write path: opening and migrating, documents and copies, extractions, runs.

Every test runs against SQLite and against PostgreSQL (the ``store_url`` fixture).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from warledger.errors import StoreError
from warledger.ledger import store as store_module
from warledger.ledger.store import Store
from warledger.types import DocumentResult

LEDGER_TABLES = {
    "documents",
    "document_copies",
    "mentions",
    "positions",
    "places",
    "actors",
    "runs",
}


def table_contents(store: Store) -> dict[str, list[tuple]]:
    """Every row of the extraction tables, for comparing the whole ledger before/after."""
    with store.engine.connect() as conn:
        out = {}
        for name in ("documents", "mentions", "positions", "places", "actors"):
            table = sa.Table(name, sa.MetaData(), autoload_with=conn)
            key = next(iter(table.primary_key.columns))
            rows = conn.execute(sa.select(table).order_by(key)).all()
            out[name] = [tuple(str(v) for v in row) for row in rows]
        return out


# -- opening ---------------------------------------------------------------------------


def test_open_migrates_an_empty_database_to_the_initial_revision(store_url: str) -> None:
    with Store.open(store_url) as store:
        inspector = sa.inspect(store.engine)
        assert set(inspector.get_table_names()) >= LEDGER_TABLES
        with store.engine.connect() as conn:
            revisions = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars()
            assert "0001_initial" in _history_of(set(revisions))
        indexed = {col for ix in inspector.get_indexes("mentions") for col in ix["column_names"]}
        for column in (
            "kind",
            "date_start",
            "date_end",
            "admin1",
            "country",
            "actor_side",
            "target_side",
            "status",
        ):
            assert column in indexed, column


def _history_of(heads: set[str]) -> set[str]:
    script = store_module.ScriptDirectory.from_config(store_module.alembic_config())
    return {rev.revision for head in heads for rev in script.iterate_revisions(head, "base")}


def test_reopening_keeps_what_was_stored(store_url: str, samples: SimpleNamespace) -> None:
    doc = samples.make_document(samples.STRIKE_TEXT)
    with Store.open(store_url) as store:
        store.add_document(doc)
    with Store.open(store_url) as store:
        assert [d.doc_id for d in store.documents()] == [doc.doc_id]


def test_sqlite_ledger_uses_wal_and_foreign_keys(tmp_path) -> None:
    with Store.open(str(tmp_path / "ledger.db")) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_sqlite_file_has_readable_table_names_for_other_tools(tmp_path) -> None:
    import sqlite3

    path = tmp_path / "ledger.db"
    Store.open(str(path)).close()
    with sqlite3.connect(path) as plain:
        names = {r[0] for r in plain.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {r[1] for r in plain.execute("PRAGMA table_info(mentions)")}
    assert names >= LEDGER_TABLES
    assert {"kind", "place_name", "admin1", "actor_side", "killed", "evidence"} <= columns


def test_unopenable_database_is_a_store_error_naming_it(tmp_path) -> None:
    missing_dir = tmp_path / "no" / "such" / "dir" / "ledger.db"
    with pytest.raises(StoreError, match=r"ledger\.db"):
        Store.open(str(missing_dir))


def test_unreachable_postgres_is_a_store_error_without_the_password() -> None:
    url = "postgresql+psycopg://someone:s3cret@127.0.0.1:1/nothing?connect_timeout=2"
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    assert "s3cret" not in caught.value.message
    assert "127.0.0.1" in caught.value.message


@pytest.mark.postgres
def test_plain_postgresql_urls_use_the_shipped_driver(pg_url: str) -> None:
    plain = sa.make_url(pg_url).set(drivername="postgresql").render_as_string(False)
    with Store.open(plain) as store:
        assert store.engine.dialect.driver == "psycopg"


# -- documents and copies --------------------------------------------------------------


def test_a_new_document_is_stored_with_its_first_copy(
    store: Store, samples: SimpleNamespace
) -> None:
    doc = samples.make_document(samples.STRIKE_TEXT)
    result = store.add_document(doc)
    assert (result.status, result.doc_id, result.copy_added) == ("new", doc.doc_id, True)
    stored = store.document(doc.doc_id)
    assert stored.text == samples.STRIKE_TEXT
    assert (stored.url, stored.source, stored.published) == (
        "https://example.org/story",
        "example.org",
        "2025-05-16T09:00:00Z",
    )
    copies = store.copies(doc.doc_id)
    assert len(copies) == 1
    assert copies[0]["published_date"].isoformat() == "2025-05-16"


def test_identical_reingest_adds_nothing(store: Store, samples: SimpleNamespace) -> None:
    doc = samples.make_document(samples.STRIKE_TEXT)
    store.add_document(doc)
    again = store.add_document(doc)
    assert (again.status, again.doc_id, again.copy_added) == ("duplicate", doc.doc_id, False)
    assert len(store.copies(doc.doc_id)) == 1
    assert len(store.documents()) == 1


def test_same_text_from_another_outlet_is_one_document_with_two_copies(
    store: Store, samples: SimpleNamespace
) -> None:
    doc = samples.make_document(samples.STRIKE_TEXT)
    store.add_document(doc)
    wire = dataclasses.replace(
        doc, origin="feed.xml", url="https://other.example/wire", source="other.example"
    )
    again = store.add_document(wire)
    assert (again.status, again.doc_id, again.copy_added) == ("duplicate", doc.doc_id, True)
    assert [c["source"] for c in store.copies(doc.doc_id)] == ["example.org", "other.example"]
    assert len(store.documents()) == 1


def test_near_duplicate_is_attached_to_the_canonical_document(
    store: Store, samples: SimpleNamespace
) -> None:
    original = samples.make_document(samples.STRIKE_TEXT)
    store.add_document(original)
    edited = samples.make_document(
        samples.STRIKE_TEXT + " Officials gave no further details.",
        origin="other.html",
        url="https://other.example/a",
    )
    result = store.add_document(edited, near_duplicate_of=original.doc_id)
    assert (result.status, result.doc_id, result.copy_added) == (
        "near_duplicate",
        original.doc_id,
        True,
    )
    assert len(store.documents()) == 1
    assert len(store.copies(original.doc_id)) == 2
    # The same near-duplicate arriving again is recognised by its text alone.
    again = store.add_document(edited)
    assert (again.status, again.doc_id, again.copy_added) == (
        "near_duplicate",
        original.doc_id,
        False,
    )


def test_near_duplicate_of_an_unknown_document_is_refused(
    store: Store, samples: SimpleNamespace
) -> None:
    doc = samples.make_document(samples.STRIKE_TEXT)
    with pytest.raises(StoreError, match="d-0000"):
        store.add_document(doc, near_duplicate_of="d-0000000000000000")
    assert store.documents() == []


def test_minhash_signatures_come_back_as_stored(store: Store, samples: SimpleNamespace) -> None:
    a = samples.make_document(samples.STRIKE_TEXT, minhash=b"\x01" * 16)
    b = samples.make_document(samples.TALKS_TEXT, minhash=None)
    store.add_document(a)
    store.add_document(b)
    assert list(store.minhash_signatures()) == [(a.doc_id, b"\x01" * 16)]


def test_pending_documents_are_english_or_undetected_and_not_yet_extracted(
    store: Store, samples: SimpleNamespace
) -> None:
    english = samples.make_document(samples.STRIKE_TEXT)
    unknown = samples.make_document(
        samples.TALKS_TEXT, language=None, url=None, source=None, published=None
    )
    russian = samples.make_document("Российские дроны атаковали Харьков.", language="ru")
    for doc in (english, unknown, russian):
        store.add_document(doc)
    pending = {d.doc_id: d for d in store.pending_documents(extractor_version="v1")}
    assert set(pending) == {english.doc_id, unknown.doc_id}
    assert pending[english.doc_id].url == "https://example.org/story"
    assert pending[english.doc_id].published == "2025-05-16T09:00:00Z"
    assert pending[unknown.doc_id].published is None

    store.save_extraction(english.doc_id, samples.strike_result(english), extractor_version="v1")
    assert [d.doc_id for d in store.pending_documents(extractor_version="v1")] == [unknown.doc_id]
    # A new extractor version makes everything pending again; redo_all ignores versions.
    assert len(list(store.pending_documents(extractor_version="v2"))) == 2
    assert len(list(store.pending_documents(extractor_version="v1", redo_all=True))) == 2


def test_pending_documents_can_be_saved_while_iterating(
    store: Store, monkeypatch: pytest.MonkeyPatch, samples: SimpleNamespace
) -> None:
    monkeypatch.setattr(store_module, "PAGE", 2)  # force several pages
    docs = [samples.make_document(f"{samples.STRIKE_TEXT} Update {i}.") for i in range(5)]
    for doc in docs:
        store.add_document(doc)
    seen = []
    for doc in store.pending_documents(extractor_version="v1"):
        store.save_extraction(doc.doc_id, DocumentResult(doc_id=doc.doc_id), extractor_version="v1")
        seen.append(doc.doc_id)
    assert sorted(seen) == sorted(d.doc_id for d in docs)
    assert list(store.pending_documents(extractor_version="v1")) == []


# -- extraction results ----------------------------------------------------------------


def test_save_extraction_stores_mentions_positions_places_and_actors(
    store: Store, samples: SimpleNamespace
) -> None:
    doc = samples.make_document(samples.TALKS_TEXT)
    store.add_document(doc)
    store.save_extraction(doc.doc_id, samples.talks_result(doc), extractor_version="v1")
    with store.engine.connect() as conn:
        talks = conn.execute(
            sa.text("SELECT kind, subtype, place_name, country, date_start FROM mentions")
        ).one()
        assert tuple(talks[:4]) == ("talks", "held", "Istanbul", "TR")
        assert str(talks.date_start) == "2025-05-16"
        stance = conn.execute(sa.text("SELECT party_side, issue, stance FROM positions")).one()
        assert tuple(stance) == ("UA", "territory", "no_recognition")
        # Istanbul has no coordinates here: unresolved places are not in the places table.
        assert conn.execute(sa.text("SELECT count(*) FROM places")).scalar() == 0
        names = set(conn.execute(sa.text("SELECT name FROM actors")).scalars())
        assert names == {"Ukraine", "Russia"}
        version = conn.execute(sa.text("SELECT extracted_version FROM documents")).scalar()
        assert version == "v1"


def test_resaving_the_same_extraction_changes_nothing(
    store: Store, samples: SimpleNamespace
) -> None:
    doc = samples.make_document(samples.STRIKE_TEXT)
    store.add_document(doc)
    store.save_extraction(doc.doc_id, samples.strike_result(doc), extractor_version="v1")
    before = table_contents(store)
    store.save_extraction(doc.doc_id, samples.strike_result(doc), extractor_version="v1")
    after = table_contents(store)
    for name in ("mentions", "positions", "places", "actors"):
        assert after[name] == before[name], name
    assert len(after["mentions"]) == 2


def test_a_new_extraction_replaces_the_old_one(store: Store, samples: SimpleNamespace) -> None:
    doc = samples.make_document(samples.STRIKE_TEXT)
    store.add_document(doc)
    store.save_extraction(doc.doc_id, samples.strike_result(doc), extractor_version="v1")
    only_first = samples.strike_result(doc)
    only_first.events = only_first.events[:1]
    store.save_extraction(doc.doc_id, only_first, extractor_version="v2")
    assert [m.mention_id for m in store.mentions()] == [f"{doc.doc_id}:0"]


def test_a_failed_save_leaves_the_store_as_it_was(
    store: Store, monkeypatch: pytest.MonkeyPatch, samples: SimpleNamespace
) -> None:
    doc = samples.make_document(samples.STRIKE_TEXT)
    store.add_document(doc)
    store.save_extraction(doc.doc_id, samples.strike_result(doc), extractor_version="v1")
    before = table_contents(store)

    def crash(*_args: object) -> None:
        raise RuntimeError("disk full")

    # The actors are written after the old mentions were deleted and new ones inserted.
    monkeypatch.setattr(store_module, "_upsert_actors", crash)
    with pytest.raises(RuntimeError, match="disk full"):
        store.save_extraction(doc.doc_id, samples.talks_result(doc), extractor_version="v2")
    assert table_contents(store) == before


def test_saving_for_an_unknown_document_fails_cleanly(
    store: Store, samples: SimpleNamespace
) -> None:
    from warledger.errors import NotFound

    doc = samples.make_document(samples.STRIKE_TEXT)
    with pytest.raises(NotFound):
        store.save_extraction(doc.doc_id, samples.strike_result(doc), extractor_version="v1")
    assert store.mentions() == []


# -- runs ------------------------------------------------------------------------------


def test_runs_are_recorded_with_their_counts_per_source(store: Store) -> None:
    started = datetime(2025, 5, 16, 8, 0, tzinfo=UTC)
    finished = datetime(2025, 5, 16, 8, 5, tzinfo=UTC)
    first = store.record_run(
        "ingest", {"new": 3, "duplicate": 1}, {"voanews.com": {"new": 3}}, started, finished
    )
    second = store.record_run("extract", {"documents": 3}, {}, finished, None)
    assert second > first
    latest, earlier = store.runs()
    assert (latest["run_id"], latest["kind"], latest["finished_at"]) == (second, "extract", None)
    assert earlier["counts"] == {"new": 3, "duplicate": 1}
    assert earlier["per_source"] == {"voanews.com": {"new": 3}}
    assert earlier["started_at"] == started and earlier["finished_at"] == finished


def test_long_names_and_stances_are_stored_on_every_backend(
    store: Store, samples: SimpleNamespace
) -> None:
    from warledger.types import Actor, Event, Location, Position

    doc = samples.make_document(samples.TALKS_TEXT)
    store.add_document(doc)
    long_name = "Settlement " * 40  # 440 characters, longer than any key column
    place = Location(long_name, "Donetsk Oblast", "UA", 48.0, 37.8, "settlement")
    result = DocumentResult(
        doc_id=doc.doc_id,
        events=[Event(kind="strike", locations=[place], actor=Actor(long_name, "RU"))],
        positions=[Position(Actor("Ukraine", "UA"), "other", "a stance " * 20)],
    )
    store.save_extraction(doc.doc_id, result, extractor_version="v1")
    assert store.mentions()[0].event.locations[0].name == long_name
    assert store.positions()[0].stance == "a stance " * 20
