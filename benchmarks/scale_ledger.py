"""Benchmark (not a test): what 1,000 new documents and 1,000 new mentions cost as the
ledger grows.

Grows one synthetic ledger (SQLite file or a PostgreSQL URL) to each of ``--sizes``
documents, each with one extracted mention, its LSH bands and a consolidated event, by
bulk inserts. The archive grows in time (``PER_DAY`` reports a day, so a bigger ledger
covers more days, as a news archive does) and new reports are about recent days. At
each size it measures, each in a fresh process (so peak memory is that step's):

- ingest: 1,000 new texts through ``warledger.ingest.run.ingest`` (clean, hash, MinHash,
  near-duplicate check against the stored bands, store);
- consolidation: 1,000 new mentions (saved for 1,000 new documents) through
  ``run_consolidation``.

Goal: from the smallest to the largest ledger, the cost per 1,000 grows by at most 1.5x.

Run: ``python benchmarks/scale_ledger.py --sizes 10000,100000 [--db URL]``; with ``--db``
the ledger is kept, and a later run grows it on from the size it has (a size it has
passed is measured as it is).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import resource
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import sqlalchemy as sa
from datasketch import LeanMinHash

from warledger.ingest.dedup import SEED, band_keys, serialize
from warledger.ledger.consolidate import UNDATED_WINDOW_DAYS
from warledger.ledger.consolidated_schema import event_mentions, events
from warledger.ledger.schema import document_copies, documents, mentions, minhash_bands
from warledger.ledger.store import Store
from warledger.types import Actor, Event, Location, Span, When

KINDS = ("strike", "strike", "strike", "ground_combat", "territorial_change", "talks")
OBLASTS = ("Kharkiv", "Donetsk", "Zaporizhzhia", "Odesa", "Kherson", "Sumy", "Dnipropetrovsk")
START = date(2022, 3, 1)
PER_DAY = 100  # documents a day: the ledger grows in time, as a news archive does
CHUNK = 5000
NEW = 1000


def _event(rng: random.Random, i: int) -> tuple[Event, str]:
    """Document ``i``'s event and publication date: about day ``i / PER_DAY`` of the
    archive (reports of the last few days), 85% dated to a day."""
    day = START + timedelta(days=max(0, i // PER_DAY - rng.randrange(4)))
    oblast = rng.choice(OBLASTS)
    text = f"Synthetic report {i}."
    when = When(day.isoformat(), day.isoformat(), "day") if rng.random() < 0.85 else When()
    event = Event(
        kind=rng.choice(KINDS),
        actor=Actor("Russia", "RU", "state"),
        target=Actor("Ukraine", "UA", "state"),
        locations=[
            Location(f"Place {i % 900}", f"{oblast} Oblast", "UA", 48.0, 35.0, "settlement")
        ],
        date=when,
        weapon=rng.choice(("drone", "missile", None)),
        evidence=[Span(0, len(text), text)],
    )
    published = (day + timedelta(days=rng.randrange(3))).isoformat() + "T08:00:00Z"
    return event, published


def _block(event: Event, published: str) -> tuple[date | None, date | None]:
    if event.date.start:
        day = date.fromisoformat(event.date.start)
        return day, day
    pub = date.fromisoformat(published[:10])
    window = timedelta(days=UNDATED_WINDOW_DAYS)
    return pub - window, pub + window


def grow(url: str, start: int, stop: int, seed: int = 5) -> None:
    """Add synthetic documents ``start..stop-1``: extracted, banded and consolidated."""
    rng = random.Random(seed * 1_000_003 + start)
    hashes = np.random.default_rng(seed + start)
    now = datetime.now(UTC)
    with Store.open(url) as store:
        for lo in range(start, stop, CHUNK):
            rows: dict[str, list[dict]] = {
                "documents": [],
                "copies": [],
                "bands": [],
                "mentions": [],
                "events": [],
                "links": [],
            }
            for i in range(lo, min(stop, lo + CHUNK)):
                text = f"Synthetic ledger document {i}: a report of the war."
                digest = hashlib.sha256(text.encode()).hexdigest()
                doc_id = f"d-{digest[:16]}"
                sig = LeanMinHash(
                    seed=SEED, hashvalues=hashes.integers(0, 2**32 - 1, 128), scheme="affine32"
                )
                event, published = _event(rng, i)
                rows["documents"].append(
                    {
                        "doc_id": doc_id,
                        "content_hash": digest,
                        "text": text,
                        "language": "en",
                        "minhash": serialize(sig),
                        "first_seen_at": now,
                        "extracted_version": "synthetic",
                        "extracted_at": now,
                        "consolidation_pending": False,
                    }
                )
                rows["copies"].append(
                    {
                        "doc_id": doc_id,
                        "origin": f"synthetic-{i}.txt",
                        "url": f"https://outlet{i % 40}.example/{i}",
                        "source": f"outlet{i % 40}.example",
                        "published": published,
                        "published_date": date.fromisoformat(published[:10]),
                        "content_hash": digest,
                        "ingested_at": now,
                    }
                )
                rows["bands"] += [
                    {"band": b, "key": k, "doc_id": doc_id} for b, k in band_keys(sig)
                ]
                data = event.to_dict()
                mention_id = f"{doc_id}:0"
                rows["mentions"].append(
                    {
                        "mention_id": mention_id,
                        "doc_id": doc_id,
                        "idx": 0,
                        "kind": event.kind,
                        "date_start": date.fromisoformat(event.date.start)
                        if event.date.start
                        else None,
                        "date_end": date.fromisoformat(event.date.end) if event.date.end else None,
                        "date_precision": event.date.precision,
                        "place_name": event.locations[0].name,
                        "admin1": event.locations[0].admin1,
                        "country": "UA",
                        "actor_side": "RU",
                        "target_side": "UA",
                        "weapon": event.weapon,
                        "status": event.status,
                        "negated": False,
                        "counts": {},
                        "locations": data["locations"],
                        "participants": [],
                        "evidence": data["evidence"],
                        "data": data,
                        "confidence": data["confidence"],
                    }
                )
                event_id = "e-" + hashlib.sha256(mention_id.encode()).hexdigest()[:16]
                first, last = _block(event, published)
                rows["events"].append(
                    {
                        "event_id": event_id,
                        "kind": event.kind,
                        "date_start": first if event.date.start else None,
                        "date_end": last if event.date.start else None,
                        "admin1": event.locations[0].admin1,
                        "country": "UA",
                        "n_mentions": 1,
                        "n_sources": 1,
                        "n_claimants": 0,
                        "contradiction": False,
                        "data": {"event_id": event_id, "kind": event.kind},
                    }
                )
                rows["links"].append(
                    {
                        "mention_id": mention_id,
                        "event_id": event_id,
                        "doc_id": doc_id,
                        "fingerprint": "synthetic",
                        "kind": event.kind,
                        "day_first": first,
                        "day_last": last,
                    }
                )
            with store.engine.begin() as conn:
                conn.execute(sa.insert(documents), rows["documents"])
                conn.execute(sa.insert(document_copies), rows["copies"])
                conn.execute(sa.insert(minhash_bands), rows["bands"])
                conn.execute(sa.insert(mentions), rows["mentions"])
                conn.execute(sa.insert(events), rows["events"])
                conn.execute(sa.insert(event_mentions), rows["links"])


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure_ingest(url: str, size: int, out: multiprocessing.Queue) -> None:
    from warledger.ingest.run import ingest

    rng = random.Random(size)
    words = [f"word{i}" for i in range(5000)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "new.jsonl"
        with path.open("w") as handle:
            for i in range(NEW):
                text = " ".join(rng.choice(words) for _ in range(250))
                record = {"text": f"New story {size}-{i}. {text}", "url": f"https://n.example/{i}"}
                handle.write(json.dumps(record) + "\n")
        with Store.open(url) as store:
            began, cpu = time.perf_counter(), time.process_time()
            summary = ingest([str(path)], store, progress=False)
            seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    out.put((seconds, cpu, _peak_mb(), summary.counts()["new"]))


def _measure_consolidation(url: str, size: int, out: multiprocessing.Queue) -> None:
    from warledger.ingest.prepare import prepare
    from warledger.ledger.consolidated_store import run_consolidation
    from warledger.types import DocumentResult, RawDocument

    rng = random.Random(size + 1)
    with Store.open(url) as store:
        for i in range(NEW):
            event, published = _event(rng, size + NEW + i)
            raw = RawDocument(
                text=f"New mention story {size}-{i}.", origin=f"m{i}.txt", published=published
            )
            doc = prepare(raw)
            store.add_document(doc)
            result = DocumentResult(doc_id=doc.doc_id, events=[event])
            store.save_extraction(doc.doc_id, result, extractor_version="s")
        began, cpu = time.perf_counter(), time.process_time()
        summary = run_consolidation(store)
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    out.put((seconds, cpu, _peak_mb(), summary.new_mentions))


def _guarded(target, url: str, size: int, out: multiprocessing.Queue) -> None:
    try:
        target(url, size, out)
    except BaseException as exc:
        out.put(exc)
        raise


def _in_child(target, url: str, size: int) -> tuple[float, float, float, int]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_guarded, args=(target, url, size, queue))
    process.start()
    result = queue.get()
    process.join()
    if isinstance(result, BaseException):
        raise SystemExit(f"{target.__name__} failed: {result!r}")
    return result


def _documents(url: str) -> int:
    """How many documents the ledger at ``url`` holds (0 for a new one)."""
    with Store.open(url) as store, store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--db", help="ledger URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'scale.db'}"
        have = _documents(url)  # a kept ledger (--db) grows on from where it is
        for size in sizes:
            began = time.perf_counter()
            if size > have:
                grow(url, have, size)
                have = size
            built = time.perf_counter() - began
            ingest_s, ingest_cpu, ingest_mb, new_docs = _in_child(_measure_ingest, url, size)
            cons_s, cons_cpu, cons_mb, new_mentions = _in_child(_measure_consolidation, url, size)
            have += 2 * NEW  # the documents the two measurements added
            print(
                f"ledger {size:>9,} documents (grown in {built:.0f} s): "
                f"ingest {new_docs} new documents {ingest_s:.1f} s (CPU {ingest_cpu:.1f} s), "
                f"peak RSS {ingest_mb:.0f} MB; consolidate {new_mentions} new mentions "
                f"{cons_s:.1f} s (CPU {cons_cpu:.1f} s), peak RSS {cons_mb:.0f} MB; "
                f"load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
