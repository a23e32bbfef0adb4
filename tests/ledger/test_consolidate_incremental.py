"""Incremental consolidation (only what changed, candidates by index) gives the events a
full in-memory consolidation of every mention gives.

A seeded synthetic ledger of strikes, ground fighting and talks — same days, overlapping
weeks, month-wide and undated reports (or dated ones only), places from settlement to
country or none — arrives in four deliveries in publication order; after each,
``run_consolidation`` runs. The reference is ``consolidate.consolidate`` over all
mentions at once.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta

import pytest

from warledger.ledger.consolidate import consolidate
from warledger.ledger.consolidated_store import load_events, run_consolidation
from warledger.ledger.store import Store
from warledger.types import Actor, Count, Document, DocumentResult, Event, Location, Span, When

RU = Actor("Russia", "RU", "state")
UA = Actor("Ukraine", "UA", "state")
PLACES = [
    Location("Kharkiv", "Kharkiv Oblast", "UA", 49.99, 36.23, "settlement"),
    Location("Chuhuiv", "Kharkiv Oblast", "UA", 49.84, 36.69, "settlement"),
    Location("Odesa", "Odesa Oblast", "UA", 46.48, 30.72, "settlement"),
    Location("Odesa Oblast", "Odesa Oblast", "UA", 46.7, 30.9, "admin1"),
    Location("Pokrovsk", "Donetsk Oblast", "UA", 48.28, 37.18, "settlement"),
    Location("Ukraine", country="UA", precision="country"),
]
START = date(2025, 3, 1)


def _when(rng: random.Random, dated_only: bool) -> When:
    roll = rng.random() * (0.75 if dated_only else 1.0)
    day = START + timedelta(days=rng.randrange(40))
    if roll < 0.6:
        return When(day.isoformat(), day.isoformat(), "day", "overnight")
    if roll < 0.75:
        end = day + timedelta(days=6)
        return When(day.isoformat(), end.isoformat(), "week", "last week")
    if roll < 0.85:
        end = day + timedelta(days=45)
        return When(day.isoformat(), end.isoformat(), "month", "this spring")
    return When(None, None, "unknown", None)


def _event(rng: random.Random, text: str, dated_only: bool) -> Event:
    kind = rng.choice(["strike", "strike", "ground_combat", "talks"])
    places = rng.choice([[p] for p in PLACES] + [[]])
    counts = {}
    if kind == "strike" and rng.random() < 0.6:
        counts["killed"] = Count(rng.choice([1, 2, 3]))
    return Event(
        kind=kind,
        actor=RU if kind != "talks" else UA,
        target=UA if kind != "talks" else None,
        participants=[UA, RU] if kind == "talks" else [],
        locations=places,
        date=_when(rng, dated_only),
        weapon=rng.choice(["drone", "missile", None]) if kind == "strike" else None,
        counts=counts,
        target_kind=[rng.choice(["energy", "residential"])] if kind == "strike" else [],
        status="reported",
        evidence=[Span(0, len(text), text)],
    )


def _deliveries(seed: int, dated_only: bool, docs: int = 160, per_delivery: int = 40):
    rng = random.Random(seed)
    batch = []
    for i in range(docs):
        text = f"Synthetic report {seed}-{i}."
        digest = hashlib.sha256(text.encode()).hexdigest()
        published = (START + timedelta(days=i // 4, hours=i % 4)).isoformat() + "T08:00:00Z"
        doc = Document(
            doc_id=f"d-{digest[:16]}",
            text=text,
            content_hash=digest,
            origin=f"r{i}.txt",
            url=f"https://outlet{i % 7}.example/{i}",
            published=published,
            source=f"outlet{i % 7}.example",
            language="en",
        )
        events = [_event(rng, text, dated_only) for _ in range(rng.choice([1, 1, 2, 3]))]
        batch.append((doc, DocumentResult(doc_id=doc.doc_id, events=events)))
        if len(batch) == per_delivery:
            yield batch
            batch = []
    if batch:
        yield batch


def _groups(events) -> dict[str, list[str]]:
    return {e.event_id: sorted(e.mention_ids) for e in events}


@pytest.mark.parametrize(("seed", "dated_only"), [(1, False), (2, False), (3, True)])
def test_incremental_runs_equal_one_full_consolidation(
    store_url: str, seed: int, dated_only: bool
) -> None:
    """With undated reports (which may join any event of their kind) and without (then
    candidates come from the day-range index alone)."""
    with Store.open(store_url) as store:
        runs = []
        for delivery in _deliveries(seed, dated_only):
            for doc, result in delivery:
                store.add_document(doc)
                store.save_extraction(doc.doc_id, result, extractor_version="t")
            runs.append(run_consolidation(store))
        reference = consolidate(store.mentions())
        stored = load_events(store)
        assert _groups(stored) == _groups(reference)
        assert {e.event_id: e.to_dict() for e in stored} == {
            e.event_id: e.to_dict() for e in reference
        }
        # the corpus exercises merging: many events have several reports
        assert sum(1 for e in reference if len(e.claims) > 1) >= 20
        assert sum(r.events_updated for r in runs) >= 10  # later reports joined older events
        # each run read only its own delivery's mentions
        assert [r.new_mentions for r in runs] == [
            sum(len(res.events) for _, res in d) for d in _deliveries(seed, dated_only)
        ]
        again = run_consolidation(store)
        assert not again.changed and again.new_mentions == 0
        rebuilt = run_consolidation(store, rebuild=True)
        assert rebuilt.events_total == len(reference)
        assert _groups(load_events(store)) == _groups(reference)


def _report(i: int, when: When) -> tuple[Document, DocumentResult]:
    text = f"Shelling report {i}."
    digest = hashlib.sha256(text.encode()).hexdigest()
    doc = Document(
        doc_id=f"d-{digest[:16]}",
        text=text,
        content_hash=digest,
        origin=f"s{i}.txt",
        url=f"https://outlet{i}.example/s",
        published=f"2025-03-0{i + 1}T08:00:00Z",
        source=f"outlet{i}.example",
        language="en",
    )
    event = Event(
        kind="ground_combat",
        actor=RU,
        target=UA,
        locations=[PLACES[0]],
        date=when,
        evidence=[Span(0, len(text), text)],
    )
    return doc, DocumentResult(doc_id=doc.doc_id, events=[event])


def test_a_later_day_report_finds_a_week_long_event_that_began_days_before(
    store_url: str,
) -> None:
    """The index range looks back from the new report's day (a week-long member began
    before it), so the report joins: same settlement and the day inside the week."""
    week = When("2025-03-01", "2025-03-07", "week", "last week")
    day = When("2025-03-05", "2025-03-05", "day", "on Wednesday")
    with Store.open(store_url) as store:
        for i, when in enumerate((week, day)):
            doc, result = _report(i, when)
            store.add_document(doc)
            store.save_extraction(doc.doc_id, result, extractor_version="t")
            run_consolidation(store)
        (event,) = load_events(store)
        assert len(event.claims) == 2
