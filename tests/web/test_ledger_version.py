"""The ledger's version rises with each consolidation that changes events, and only then;
the rendered-page cache keeps within its size; each filter's counts and each event's
rendered table row are kept per version."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from ledger_builder import build_ledger

from warledger.interfaces.api.app import create_app
from warledger.interfaces.api.cache import FilterCounts, LedgerClock, RenderedPages, RenderedRows
from warledger.ledger import query as queries
from warledger.ledger import version
from warledger.ledger.consolidated_schema import events
from warledger.ledger.consolidated_store import run_consolidation
from warledger.ledger.store import Store


def test_a_consolidation_that_changes_events_raises_the_version(store_url: str) -> None:
    with Store.open(store_url) as store:
        empty = version.read(store.engine)
        assert empty >= 1  # the migration's row
    build_ledger(store_url)  # extracts, then consolidates once
    with Store.open(store_url) as store:
        built = version.read(store.engine)
        assert built == empty + 1
        run_consolidation(store)  # nothing new: the events are as they were
        assert version.read(store.engine) == built
        run_consolidation(store, rebuild=True)
        assert version.read(store.engine) == built + 1


def test_the_dashboards_reader_sees_another_processs_consolidation(store_url: str) -> None:
    # The dashboard reads the version on a connection of its own, opened before the
    # ledger is filled and kept open meanwhile: each read still sees the latest commit.
    with Store.open(store_url) as store:
        reader = version.VersionReader(store.engine)
        try:
            empty = reader.read()
            assert empty == version.read(store.engine)
            build_ledger(store_url)  # another Store: another process's connections
            assert reader.read() == empty + 1
            with Store.open(store_url) as other:
                run_consolidation(other, rebuild=True)
            assert reader.read() == empty + 2
        finally:
            reader.close()


def test_the_dashboards_reader_does_not_wait_for_the_ledgers_pool(store_url: str) -> None:
    # Worker threads rendering pages may hold every pooled connection; the event loop's
    # read of the version must not wait for one of them.
    with Store.open(store_url) as store:
        reader = version.VersionReader(store.engine)
        expected = version.read(store.engine)
        pool = store.engine.pool
        held = [store.engine.raw_connection() for _ in range(pool.size() + pool._max_overflow)]
        try:
            answer: list[int] = []
            thread = threading.Thread(target=lambda: answer.append(reader.read()), daemon=True)
            thread.start()
            thread.join(timeout=10)
            assert answer == [expected]
        finally:
            for conn in held:
                conn.close()
            reader.close()


def test_rendered_pages_drop_the_least_recently_used_beyond_their_size() -> None:
    cache = RenderedPages(max_bytes=10)
    cache.put("a", b"aaaa")
    cache.put("b", b"bbbb")
    assert cache.get("a") == b"aaaa"  # now "b" is the least recently used
    cache.put("c", b"cccc")
    assert cache.get("b") is None
    assert cache.get("a") == b"aaaa" and cache.get("c") == b"cccc"
    cache.put("huge", b"x" * 11)  # larger than the whole cache: not kept
    assert cache.get("huge") is None and cache.get("c") == b"cccc"
    assert RenderedPages(max_bytes=0).get("a") is None


def test_the_ledger_clock_reads_the_version_again_only_after_its_time() -> None:
    stored = [7]
    reads: list[int] = []

    def read() -> int:
        reads.append(stored[0])
        return stored[0]

    clock = LedgerClock(0.05, read)
    assert clock.recent() is None  # never read: nothing to trust
    assert clock.read() == 7
    stored[0] = 8  # another process consolidates
    assert clock.recent() == 7  # within the time a page may lag
    time.sleep(0.08)
    assert clock.recent() is None
    assert clock.read() == 8 and clock.recent() == 8
    clock.forget()  # this process wrote: the next request reads again
    assert clock.recent() is None
    assert reads == [7, 8]
    assert LedgerClock(0, read).recent() is None  # caches off: always read


def test_api_pages_are_computed_once_per_ledger_version(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same page asked again is not recomputed while the ledger is unchanged, however
    # long ago it was made; a consolidation by another process shows once the version is
    # read again.
    build_ledger(store_url)
    with TestClient(create_app(store_url, token="", cache_seconds=0.05)) as client:
        first = client.get("/api/events", params={"limit": 3})
        calls: list[int] = []
        real = queries.event_page_json

        def counted(*args: object, **kwargs: object) -> object:
            calls.append(1)
            return real(*args, **kwargs)

        monkeypatch.setattr(queries, "event_page_json", counted)
        time.sleep(0.08)  # past the clock's time: the version is read again, unchanged
        again = client.get("/api/events", params={"limit": 3})
        assert again.content == first.content and calls == []
        with Store.open(store_url) as store, store.engine.begin() as conn:
            conn.execute(sa.delete(events).where(events.c.place_name == "Odesa"))
            version.bump(conn)
        time.sleep(0.08)
        after = client.get("/api/events", params={"limit": 3}).json()
        assert calls == [1]
        assert after["total"] == first.json()["total"] - 1  # Odesa's one event is gone


def test_filter_counts_are_counted_once_when_many_requests_miss_together() -> None:
    counts = FilterCounts()
    calls: list[int] = []
    start = threading.Barrier(8)

    def count() -> tuple[int, int]:
        calls.append(1)
        time.sleep(0.05)  # long enough for the other threads to arrive and wait
        return (42, 3)

    def ask() -> tuple[int, int]:
        start.wait()
        return counts.get(7, "kind=strike", count)

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: ask(), range(8)))
    assert answers == [(42, 3)] * 8
    assert len(calls) == 1


def test_filter_counts_are_counted_again_when_the_ledger_version_rises() -> None:
    counts = FilterCounts()
    assert counts.get(1, "f", lambda: (10, 0)) == (10, 0)
    assert counts.get(1, "f", lambda: (99, 9)) == (10, 0)  # same version: remembered
    assert counts.get(2, "f", lambda: (11, 1)) == (11, 1)  # a consolidation changed events
    # A request that read the older version before the rise gets its own answer and
    # does not put a stale value back for the newer version.
    assert counts.get(1, "f", lambda: (10, 0)) == (10, 0)
    assert counts.get(2, "f", lambda: (99, 9)) == (11, 1)
    off = FilterCounts(max_entries=0)
    assert off.get(1, "f", lambda: (1, 0)) == (1, 0)
    assert off.get(1, "f", lambda: (2, 0)) == (2, 0)  # the cache off counts every time


def test_rendered_rows_are_kept_per_version_and_within_their_number() -> None:
    rows = RenderedRows(max_entries=2)
    rows.put_many(1, {"e-a": "<tr>a</tr>", "e-b": "<tr>b</tr>"})
    assert rows.get_many(1, ["e-a", "e-x"]) == {"e-a": "<tr>a</tr>"}  # now e-b is oldest
    rows.put_many(1, {"e-c": "<tr>c</tr>"})
    assert rows.get_many(1, ["e-a", "e-b", "e-c"]) == {"e-a": "<tr>a</tr>", "e-c": "<tr>c</tr>"}
    # A consolidation raised the version: no row of version 1 is served for it, and a
    # request still on version 1 neither reads nor puts back rows of the newer one.
    assert rows.get_many(2, ["e-a"]) == {}
    rows.put_many(2, {"e-a": "<tr>a2</tr>"})
    rows.put_many(1, {"e-a": "<tr>a1</tr>"})
    assert rows.get_many(1, ["e-a"]) == {}
    assert rows.get_many(2, ["e-a", "e-c"]) == {"e-a": "<tr>a2</tr>"}
    off = RenderedRows(max_entries=0)
    off.put_many(1, {"e-a": "<tr>a</tr>"})
    assert off.get_many(1, ["e-a"]) == {}
