"""Benchmark (not a test): time and peak memory of the analysis endpoints and pages as
the ledger grows.

Builds (once, then reuses) a synthetic consolidated ledger of N events per size, each
with its claim, its mention and its document, spread over a fixed three-year period
(so a bigger ledger is a denser one, not a longer one: the analyses' answers have the
same number of days at every size). The mix is what a news ledger holds: mostly strikes
(some air-defence reports with launched numbers, some with a time of day), ground combat,
territorial changes, and rarer ceasefire, talks and proposal steps; 2% negated, about
10% with a vaguer date than a day.

Each endpoint is then requested once, in a fresh process with the app already open (the
process's peak RSS, reset just before the request, is that request's), and the script
prints the wall time, the RSS before the request, the peak RSS during it and a digest of
the response body (equal digests before and after a change: the same answer).

Run: ``python benchmarks/bench_analyses.py --sizes 10000,100000 [--dir /tmp/wl-bench]
[--db URL] [--only NAME,...] [--json out.json]``

``--db`` measures one existing or new database (e.g. a PostgreSQL URL) at the single size
given; otherwise SQLite files ``DIR/analyses-N.db`` are built and kept for the next run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import random
import resource
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

ENDPOINTS = {
    "strikes-vs-diplomacy": "/api/analysis/strikes-vs-diplomacy",
    "compliance": "/api/analysis/compliance",
    "ceasefire-register": "/api/peace/ceasefires",
    "talks-rounds": "/api/peace/talks",
    "proposals": "/api/peace/proposals",
    "timeline": "/api/analysis/timeline",
    "map": "/api/map",
    "oblast-counts": "/api/analysis/oblasts",
    "barrages": "/api/barrages",
    "export-csv": "/api/export/events.csv",
    "page-overview": "/",
    "page-barrages": "/barrages",
    "page-peace": "/peace",
}
START = date(2022, 2, 24)
DAYS = 1096  # three years, whatever the size
CHUNK = 2000
OBLASTS = (
    "Kharkiv Oblast",
    "Donetsk Oblast",
    "Zaporizhzhia Oblast",
    "Odesa Oblast",
    "Kherson Oblast",
    "Sumy Oblast",
    "Dnipropetrovsk Oblast",
    "Kyiv Oblast",
)
KIND_WEIGHTS = {
    "strike": 60,
    "ground_combat": 15,
    "territorial_change": 8,
    "casualty_report": 6,
    "aid": 4,
    "talks": 3,
    "ceasefire": 2,
    "proposal": 1,
    "sanction": 1,
}


def _when(rng: random.Random, day: date) -> object:
    from warledger.types import When

    roll = rng.random()
    if roll < 0.05:  # vaguer than a day: a month
        first = day.replace(day=1)
        return When(first.isoformat(), (first + timedelta(days=27)).isoformat(), "month")
    if roll < 0.10:
        return When()
    if roll < 0.15:  # a time of day (barrages place it in a night)
        return When(f"{day.isoformat()}T{rng.choice((2, 14, 22)):02d}:30", None, "day")
    return When(day.isoformat(), day.isoformat(), "day")


def _event(rng: random.Random, i: int) -> object:
    from warledger.types import Actor, Count, Event, Location, Span

    kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
    day = START + timedelta(days=rng.randrange(DAYS))
    oblast = rng.choice(OBLASTS)
    attacker, target = ("RU", "UA") if rng.random() < 0.75 else ("UA", "RU")
    text = f"Synthetic report {i}: a {kind} in {oblast}."
    counts: dict[str, Count] = {}
    subtype = None
    extra: dict[str, object] = {}
    if kind == "strike":
        if rng.random() < 0.2:
            subtype = "air_defense_engagement"
            launched = rng.randrange(5, 160)
            counts = {"launched": Count(launched), "intercepted": Count(launched * 4 // 5)}
        elif rng.random() < 0.3:
            counts = {"killed": Count(rng.randrange(0, 12))}
        extra["weapon"] = rng.choice(("drone", "missile", "artillery", "glide_bomb"))
    elif kind == "ceasefire":
        subtype = rng.choice(
            ("violation_alleged",) * 4 + ("proposed", "declared", "accepted", "ended")
        )
        extra["duration"] = rng.choice(("P30D", "PT30H", None))
        extra["name"] = rng.choice((None, None, "Easter truce", "energy truce"))
        extra["claimant"] = Actor(None, target, "state")
    elif kind in ("talks", "proposal", "territorial_change", "ground_combat"):
        from warledger.types import SUBTYPES

        subtype = rng.choice(SUBTYPES[kind])
        if kind in ("talks", "proposal"):
            extra["participants"] = [Actor(None, "UA", "state"), Actor(None, "RU", "state")]
    return Event(
        kind=kind,
        subtype=subtype,
        actor=Actor(None, attacker, "state"),
        target=Actor(None, target, "state"),
        locations=[Location(f"Place {i % 700}", oblast, "UA", 48.0, 35.0, "settlement")],
        date=_when(rng, day),
        counts=counts,
        negated=rng.random() < 0.02,
        evidence=[Span(0, len(text), text)],
        **extra,  # type: ignore[arg-type]
    )


def build(url: str, n: int, seed: int = 11) -> None:
    """Write ``n`` synthetic consolidated events with their claims, mentions and
    documents, ``CHUNK`` at a time (bounded memory at a million)."""
    from warledger.ledger.consolidate import build_event, event_id_for
    from warledger.ledger.consolidated_schema import claims, event_mentions, events
    from warledger.ledger.consolidated_store import claim_rows, event_row
    from warledger.ledger.schema import documents, mentions
    from warledger.ledger.store import Store, _mention_row
    from warledger.types import Mention

    rng = random.Random(seed)
    now = datetime.now(UTC)
    with Store.open(url) as store:
        for lo in range(0, n, CHUNK):
            rows: dict[str, list[dict]] = {k: [] for k in ("docs", "mentions", "ev", "cl", "em")}
            for i in range(lo, min(n, lo + CHUNK)):
                doc_id = f"d-bench{i:09d}"
                event = _event(rng, i)
                day = START + timedelta(days=rng.randrange(DAYS))
                mention = Mention(
                    f"{doc_id}:0",
                    doc_id,
                    event,  # type: ignore[arg-type]
                    source=f"outlet{i % 30}.example",
                    published=f"{day.isoformat()}T08:00:00Z",
                    url=f"https://outlet{i % 30}.example/{i}",
                )
                built = build_event(event_id_for(mention.mention_id), [mention])
                rows["docs"].append(
                    {
                        "doc_id": doc_id,
                        "content_hash": hashlib.sha256(doc_id.encode()).hexdigest(),
                        "text": f"Synthetic document {i}.",
                        "first_seen_at": now,
                        "extracted_version": "synthetic",
                        "extracted_at": now,
                        "consolidation_pending": False,
                    }
                )
                rows["mentions"].append(_mention_row(doc_id, 0, event))  # type: ignore[arg-type]
                rows["ev"].append(event_row(built))
                rows["cl"] += claim_rows(built)
                rows["em"].append(
                    {
                        "mention_id": mention.mention_id,
                        "event_id": built.event_id,
                        "doc_id": doc_id,
                        "fingerprint": "synthetic",
                        "kind": built.kind,
                        "day_first": None,
                        "day_last": None,
                    }
                )
            with store.engine.begin() as conn:
                conn.execute(sa.insert(documents), rows["docs"])
                conn.execute(sa.insert(mentions), rows["mentions"])
                conn.execute(sa.insert(events), rows["ev"])
                conn.execute(sa.insert(claims), rows["cl"])
                conn.execute(sa.insert(event_mentions), rows["em"])


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def _reset_peak() -> None:
    """Start the kernel's peak-RSS mark (VmHWM) afresh at the current RSS."""
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


def _peak_mb() -> float:
    with open("/proc/self/status") as fh:
        line = next(x for x in fh if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def _one(url: str, path: str, out: multiprocessing.Queue) -> None:
    """One request in this (fresh) process: wall time, RSS before, peak RSS, digest."""
    import gc
    import warnings

    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    from warledger.interfaces.api import create_app

    app = create_app(url, token="", cache_seconds=0)
    with TestClient(app) as client:
        client.get("/api/stats")
        gc.collect()
        before = _rss_mb()
        _reset_peak()
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
        peak = _peak_mb()
    body = response.content
    out.put(
        {
            "status": response.status_code,
            "seconds": round(elapsed, 3),
            "rss_before_mb": round(before, 1),
            "peak_mb": round(peak, 1),
            "bytes": len(body),
            "sha256": hashlib.sha256(body).hexdigest()[:12],
        }
    )


def measure(url: str, path: str) -> dict:
    ctx = multiprocessing.get_context("spawn")
    out: multiprocessing.Queue = ctx.Queue()
    proc = ctx.Process(target=_one, args=(url, path, out))
    proc.start()
    result = out.get()
    proc.join()
    return result


def _ensure(url: str, size: int) -> None:
    from warledger.ledger.query import count_events
    from warledger.ledger.store import Store

    with Store.open(url) as store:  # also migrates a ledger built by an older version
        have = count_events(store.engine)
    if have == 0:
        started = time.perf_counter()
        build(url, size)
        print(f"built {size:,} events in {time.perf_counter() - started:.0f} s", flush=True)
    elif have != size:
        raise SystemExit(f"{url} holds {have:,} events, not {size:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--dir", default="/tmp/wl-bench", help="where SQLite ledgers are kept")
    parser.add_argument("--db", help="one database URL (with a single --sizes value)")
    parser.add_argument("--only", help="comma-separated endpoint names")
    parser.add_argument("--json", help="append the results to this JSON Lines file")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.only.split(",") if args.only else list(ENDPOINTS)
    if args.db and len(sizes) != 1:
        raise SystemExit("--db takes one size")
    Path(args.dir).mkdir(parents=True, exist_ok=True)
    print(f"{'events':>9} {'endpoint':<22} {'s':>8} {'rss MB':>8} {'peak MB':>8} body")
    for size in sizes:
        url = args.db or f"sqlite:///{Path(args.dir) / f'analyses-{size}.db'}"
        _ensure(url, size)
        for name in names:
            r = measure(url, ENDPOINTS[name])
            print(
                f"{size:>9,} {name:<22} {r['seconds']:>8.3f} {r['rss_before_mb']:>8.0f} "
                f"{r['peak_mb']:>8.0f} {r['bytes']:,} B {r['sha256']} [{r['status']}]",
                flush=True,
            )
            if args.json:
                with open(args.json, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps({"events": size, "endpoint": name, **r}) + "\n")


if __name__ == "__main__":
    main()
