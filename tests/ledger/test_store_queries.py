"""The store's read path: filtered mentions and positions, documents, results, stats.

Every test runs against SQLite and against PostgreSQL (the ``store_url`` fixture).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from warledger.errors import NotFound
from warledger.ledger.schema import metadata
from warledger.ledger.store import MENTION_FIELDS, Store, event_from_dict, position_from_dict


@pytest.fixture
def filled(store: Store, samples: SimpleNamespace) -> tuple[Store, str, str]:
    """A ledger with the strike story (2 mentions) and the talks story (1 mention, 1 position)."""
    strike = samples.make_document(samples.STRIKE_TEXT)
    talks = samples.make_document(
        samples.TALKS_TEXT,
        url="https://news.example/talks",
        source="news.example",
        published="2025-05-17",
    )
    for doc, result in ((strike, samples.strike_result), (talks, samples.talks_result)):
        store.add_document(doc)
        store.save_extraction(doc.doc_id, result(doc), extractor_version="v1")
    return store, strike.doc_id, talks.doc_id


def test_migrated_tables_match_the_schema_module(store: Store) -> None:
    """0001_initial is written by hand: it must create exactly what schema.py declares."""
    mine = {"documents", "document_copies", "mentions", "positions", "places", "actors", "runs"}

    def only_mine(obj: object, name: str, type_: str, *_: object) -> bool:
        table = name if type_ == "table" else obj.table.name  # type: ignore[attr-defined]
        return table in mine

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": only_mine})
        assert compare_metadata(context, metadata) == []


def test_mentions_by_kind_and_side(filled: tuple[Store, str, str]) -> None:
    store, strike_id, talks_id = filled
    assert {m.mention_id for m in store.mentions(kind="strike")} == {
        f"{strike_id}:0",
        f"{strike_id}:1",
    }
    # The interception's target is Ukraine; the Kharkiv strike names no target side.
    assert [m.mention_id for m in store.mentions(side="ua")] == [f"{strike_id}:1"]
    assert len(store.mentions(side="RU")) == 2
    assert [m.mention_id for m in store.mentions(kind="talks")] == [f"{talks_id}:0"]


def test_mentions_by_place_match_name_or_oblast_in_any_case(
    filled: tuple[Store, str, str],
) -> None:
    store, strike_id, talks_id = filled
    assert [m.mention_id for m in store.mentions(place="KHARKIV OBLAST")] == [f"{strike_id}:0"]
    assert [m.mention_id for m in store.mentions(place="istanbul")] == [f"{talks_id}:0"]
    assert store.mentions(place="Odesa") == []


def test_mentions_by_date_range(filled: tuple[Store, str, str]) -> None:
    store, _, _ = filled
    # All three events happened on 2025-05-16.
    assert len(store.mentions(date_from="2025-05-16", date_to="2025-05-16")) == 3
    assert store.mentions(date_from="2025-05-17") == []
    assert store.mentions(date_to="2025-05-15") == []


def test_mentions_carry_their_document_and_first_copy(filled: tuple[Store, str, str]) -> None:
    store, strike_id, _ = filled
    mention = store.mentions(doc_id=strike_id, limit=1)[0]
    assert (mention.source, mention.url, mention.published) == (
        "example.org",
        "https://example.org/story",
        "2025-05-16T09:00:00Z",
    )
    assert mention.event.locations[0].name == "Kharkiv"
    assert mention.event.counts["killed"].value == 2
    assert mention.event.evidence[0].text.startswith("Russian drones struck Kharkiv")


def test_mention_rows_are_flat_with_common_counts(filled: tuple[Store, str, str]) -> None:
    store, strike_id, _ = filled
    rows = store.mention_rows(doc_id=strike_id)
    assert [tuple(r) for r in rows] == [MENTION_FIELDS, MENTION_FIELDS]
    interception = rows[1]
    assert (interception["launched"], interception["intercepted"], interception["killed"]) == (
        65,
        40,
        None,
    )
    assert interception["evidence_text"] == (
        "Ukraine's Air Force said it shot down 40 of 65 drones."
    )
    assert interception["date_start"] == "2025-05-16"


def test_limit_and_offset_page_through_mentions(filled: tuple[Store, str, str]) -> None:
    store, _, _ = filled
    every = [m.mention_id for m in store.mentions()]
    assert len(every) == 3
    assert [m.mention_id for m in store.mentions(limit=2)] == every[:2]
    assert [m.mention_id for m in store.mentions(limit=2, offset=2)] == every[2:]


def test_positions_by_issue_and_side(filled: tuple[Store, str, str]) -> None:
    store, _, talks_id = filled
    found = store.positions(issue="territory", side="UA")
    assert [(p.party.name, p.stance) for p in found] == [("Ukraine", "no_recognition")]
    assert store.positions(side="RU") == []
    rows = store.position_rows(doc_id=talks_id)
    assert [(r["doc_id"], r["issue"], r["date_start"]) for r in rows] == [
        (talks_id, "territory", "2025-05-17")
    ]


def test_documents_and_unknown_document(filled: tuple[Store, str, str]) -> None:
    store, strike_id, talks_id = filled
    assert sorted(d.doc_id for d in store.documents()) == sorted([strike_id, talks_id])
    assert [d.doc_id for d in store.documents(language="ru")] == []
    assert store.document(talks_id).source == "news.example"
    with pytest.raises(NotFound):
        store.document("d-ffffffffffffffff")


def test_document_results_round_trip_the_ledger_schema(
    filled: tuple[Store, str, str], samples: SimpleNamespace
) -> None:
    store, strike_id, _ = filled
    results = {r.doc_id: r for r in store.document_results()}
    strike_doc = samples.make_document(samples.STRIKE_TEXT)
    expected = samples.strike_result(strike_doc).to_dict()
    assert results[strike_id].to_dict() == expected


def test_event_and_position_dicts_rebuild_the_same_objects(samples: SimpleNamespace) -> None:
    doc = samples.make_document(samples.TALKS_TEXT)
    result = samples.talks_result(doc)
    for event in result.events:
        assert event_from_dict(event.to_dict()) == event
    for position in result.positions:
        assert position_from_dict(position.to_dict()) == position


def test_stats_count_documents_copies_kinds_and_places(filled: tuple[Store, str, str]) -> None:
    store, _, _ = filled
    stats = store.stats()
    assert stats["documents"] == 2
    assert stats["copies"] == 2
    assert stats["by_language"] == {"en": 2}
    assert stats["mentions"] == 3
    assert stats["mentions_by_kind"] == {"strike": 2, "talks": 1}
    assert stats["positions"] == 1
    # Kharkiv and Istanbul are each the first location of one mention.
    assert {p["place"]: p["mentions"] for p in stats["top_places"]} == {
        "Kharkiv": 1,
        "Istanbul": 1,
    }


def test_stats_of_an_empty_ledger(store: Store) -> None:
    stats = store.stats()
    assert (stats["documents"], stats["mentions"], stats["top_places"], stats["last_run"]) == (
        0,
        0,
        [],
        None,
    )


def test_place_filter_treats_wildcards_as_plain_text(filled: tuple[Store, str, str]) -> None:
    store, _, _ = filled
    assert store.mentions(place="%") == []
    assert store.mentions(place="_") == []
