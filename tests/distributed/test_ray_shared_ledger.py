"""A shared ledger (SQLite file or PostgreSQL) with several Ray runs writing at once.

Two drivers, each with its own actors, extract the same pending documents at the same
time and then consolidate: the ledger ends with each document's mentions exactly once
and the events one run alone would give — no duplicate, no lost row.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

from warledger.distributed.ray_extract import RayPool, extract_pending_ray
from warledger.ingest.prepare import prepare
from warledger.ledger.consolidated_store import load_events, run_consolidation
from warledger.ledger.store import Store
from warledger.nlp.extract import EXTRACTOR_VERSION
from warledger.types import Document, DocumentResult, Event, Location, RawDocument, When

DOCS = 40


def _slow_strikes() -> Any:
    """A factory of extractors finding one strike per report, on the day and in the town
    its text names; slow enough (20 ms a document) that the two runs overlap. (Built in
    a closure so Ray ships it by value: the actors cannot import this test module.)"""

    def build() -> Any:
        return Slow()

    class Slow:
        def extract_many(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
            for doc in docs:
                time.sleep(0.02)
                day = int(doc.text.split()[1].rstrip(":"))
                event = Event(
                    kind="strike",
                    date=When(f"2025-05-{day:02d}", f"2025-05-{day:02d}", "day"),
                    locations=[Location(f"Town{day}", "Odesa Oblast", "UA", 46.5, 30.7)],
                )
                yield DocumentResult(doc_id=doc.doc_id, events=[event])

    return build


def _run(url: str, ray: Any, errors: list[BaseException]) -> None:
    try:
        with Store.open(url) as store:
            pool = RayPool(ray, 1, factory=_slow_strikes(), cpus=0.5)
            try:
                extract_pending_ray(store, pool, batch_size=4)
            finally:
                pool.close()
            run_consolidation(store)
    except BaseException as exc:  # reported by the test thread
        errors.append(exc)


def test_two_ray_runs_at_once_store_each_mention_once(store_url: str, ray_local: Any) -> None:
    with Store.open(store_url) as store:
        for i in range(DOCS):
            text = f"Report {i % 28 + 1}: a strike, item {i}."
            store.add_document(prepare(RawDocument(text=text, origin=f"r{i}.txt")))
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_run, args=(store_url, ray_local, errors)) for _ in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    with Store.open(store_url) as store:
        rows = store.mention_rows()
        assert len(rows) == DOCS and len({r["mention_id"] for r in rows}) == DOCS
        assert store.count_pending(extractor_version=EXTRACTOR_VERSION) == 0
        runs = store.runs(kind="extract")
        assert [r["status"] for r in runs] == ["ok", "ok"]
        assert sum(r["counts"]["documents"] for r in runs) >= DOCS  # overlap re-saves
        events = load_events(store)
        # 28 days x one town each: reports of the same day and town are one strike
        assert len(events) == 28
        assert sorted(len(e.claims) for e in events) == [1] * 16 + [2] * 12
