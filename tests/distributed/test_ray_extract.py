"""Extraction on a real local Ray (two CPUs) gives what the single process gives.

The corpus is the packaged demo's six VOA war stories plus eight Wikipedia days; the
reference is the single-process path on the same input, so these tests check the engine,
not the extractor's rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from warledger.distributed.ray_extract import (
    RayPool,
    extract_pending_ray,
    extract_to_shards,
    shard_name,
)
from warledger.ingest.prepare import prepare
from warledger.ingest.readers import iter_raw
from warledger.ledger.store import Store
from warledger.nlp.extract import EXTRACTOR_VERSION
from warledger.types import Document, DocumentResult, Event, RawDocument
from warledger.workflow import extract_pending

DEMO = Path(__file__).resolve().parents[2] / "src" / "warledger" / "data" / "demo"


def _corpus(tmp_path: Path) -> Path:
    """14 documents in one JSON Lines file."""
    lines = (DEMO / "voa_ukraine_war.jsonl").read_text(encoding="utf-8").splitlines()
    with (DEMO / "wikipedia_current_events_2025.jsonl").open(encoding="utf-8") as handle:
        lines += [line.rstrip("\n") for line in islice(handle, 8)]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _documents(path: Path) -> list[Document]:
    return [prepare(item) for item in iter_raw([str(path)]) if isinstance(item, RawDocument)]


def _ledger(store: Store) -> dict[str, Any]:
    """Everything extraction wrote, as plain JSON by document."""
    return {
        r.doc_id: {
            "events": [e.to_dict() for e in r.events],
            "positions": [p.to_dict() for p in r.positions],
        }
        for r in store.document_results()
    }


@pytest.mark.model
def test_ledger_extracted_on_ray_equals_the_single_process(
    ray_local: Any, extractor: Any, tmp_path: Path
) -> None:
    docs = _documents(_corpus(tmp_path))
    assert len(docs) == 14
    with (
        Store.open(f"sqlite:///{tmp_path / 'local.db'}") as local,
        Store.open(f"sqlite:///{tmp_path / 'ray.db'}") as distributed,
    ):
        for doc in docs:
            local.add_document(doc)
            distributed.add_document(doc)
        extract_pending(local, extractor=extractor)
        pool = RayPool(ray_local, 2)
        try:
            summary = extract_pending_ray(distributed, pool, batch_size=4)
            again = extract_pending_ray(distributed, pool, batch_size=4)
        finally:
            pool.close()
        expected = _ledger(local)
        assert summary.documents == 14 and not summary.failed
        assert sum(len(d["events"]) for d in expected.values()) > 10  # a corpus with events
        assert _ledger(distributed) == expected
        assert again.documents == 0  # a re-run finds nothing pending
        assert distributed.count_pending(extractor_version=EXTRACTOR_VERSION) == 0
        assert distributed.runs(kind="extract")[0]["counts"]["engine"] == "ray"


@pytest.mark.model
def test_file_shards_on_ray_are_the_single_process_output(
    ray_local: Any, extractor: Any, tmp_path: Path
) -> None:
    docs = _documents(_corpus(tmp_path))
    expected = [json.dumps(r.to_dict(), ensure_ascii=False) for r in extractor.extract_many(docs)]
    pool = RayPool(ray_local, 2)
    try:
        written, failed = extract_to_shards(pool, docs, tmp_path / "out", batch_size=4)
    finally:
        pool.close()
    shards = sorted((tmp_path / "out").glob("part-*.jsonl"))
    assert [s.name for s in shards] == [shard_name(i) for i in range(4)]  # 4+4+4+2
    lines = [line for s in shards for line in s.read_text(encoding="utf-8").splitlines()]
    assert (written, failed) == (14, 0)
    assert lines == expected


def _dying_factory(marker: Path) -> Any:
    """An extractor (one strike per document) whose process dies on its first batch
    while ``marker`` does not exist yet: a worker lost mid-batch, once."""

    def build() -> Any:
        import os

        class Dying:
            def extract_many(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
                docs = list(docs)
                if not marker.exists():
                    marker.write_text("died")
                    os._exit(1)  # the actor's process vanishes, mid-batch
                for doc in docs:
                    yield DocumentResult(doc_id=doc.doc_id, events=[Event(kind="strike")])

        return Dying()

    return build


def _texts(n: int) -> list[str]:
    return [f"Report {i}: drones struck a depot in Odesa on {i + 1} May." for i in range(n)]


def test_a_worker_lost_mid_batch_loses_nothing(ray_local: Any, tmp_path: Path) -> None:
    marker = tmp_path / "died"
    with Store.open(f"sqlite:///{tmp_path / 'l.db'}") as store:
        for i, text in enumerate(_texts(10)):
            store.add_document(prepare(RawDocument(text=text, origin=f"r{i}.txt")))
        pool = RayPool(ray_local, 2, factory=_dying_factory(marker), cpus=0.5)
        try:
            summary = extract_pending_ray(store, pool, batch_size=3)
        finally:
            pool.close()
        assert marker.exists()  # a worker did die
        assert summary.documents == 10 and not summary.failed
        assert store.count_pending(extractor_version=EXTRACTOR_VERSION) == 0
        rows = store.mention_rows()
        assert len(rows) == 10 and len({r["mention_id"] for r in rows}) == 10


def test_a_batch_that_keeps_failing_stays_pending_and_a_rerun_finishes(
    ray_local: Any, tmp_path: Path
) -> None:
    flag = tmp_path / "broken"
    flag.write_text("yes")

    def build() -> Any:
        class Flaky:
            def extract_many(self, docs: Iterable[Document]) -> Iterator[DocumentResult]:
                for doc in docs:
                    if "Report 4" in doc.text and flag.exists():
                        raise RuntimeError("parser exploded")
                    yield DocumentResult(doc_id=doc.doc_id, events=[Event(kind="strike")])

        return Flaky()

    with Store.open(f"sqlite:///{tmp_path / 'l.db'}") as store:
        ids = [
            store.add_document(prepare(RawDocument(text=t, origin=f"r{i}.txt"))).doc_id
            for i, t in enumerate(_texts(6))
        ]
        pool = RayPool(ray_local, 2, factory=build, cpus=0.5)
        try:
            first = extract_pending_ray(store, pool, batch_size=4)
            assert first.documents == 5
            assert [doc_id for doc_id, _ in first.failed] == [ids[4]]
            assert "parser exploded" in first.failed[0][1]
            assert store.runs(kind="extract")[0]["status"] == "partial"
            flag.unlink()
            second = extract_pending_ray(store, pool, batch_size=4)
        finally:
            pool.close()
        assert second.documents == 1 and not second.failed
        assert len(store.mention_rows()) == 6
