"""Caches of what the API and the dashboard compute from the events: analysts (and
dashboards) ask the same few questions many times a second, and the ledger changes only
when something is consolidated. Entries are keyed by the ledger's version (migration
0011), so none is ever stale, it only stops being asked for.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

import anyio
import anyio.to_thread

V = TypeVar("V")


class LedgerClock:
    """The ledger's version as this process last read it, trusted for ``ttl`` seconds.

    API pages are kept per version, so while the ledger stays the same a page is computed
    once, not again every few seconds (at a million events each recomputation costs
    PostgreSQL 5-20 ms and made the tail of the latency); a consolidation by another
    process shows within ``ttl``, when the version is read again. ``ttl`` 0 trusts nothing.
    """

    def __init__(self, ttl: float, read: Callable[[], int]) -> None:
        self.ttl = ttl
        self._read = read
        self._version = -1
        self._until = 0.0
        self._lock = threading.Lock()

    def recent(self) -> int | None:
        """The version read within the last ``ttl`` seconds, or None (read it again)."""
        with self._lock:
            return self._version if time.monotonic() < self._until else None

    def read(self) -> int:
        """Read the version now; a newer one than known is what ``recent`` says after."""
        version = self._read()
        with self._lock:
            if version >= self._version:
                self._version = version
                self._until = time.monotonic() + self.ttl
        return version

    def forget(self) -> None:
        """Distrust the known version (this process has just written)."""
        with self._lock:
            self._until = 0.0


class SharedReads:
    """One read of the ledger's version for every request that asks in one turn of the
    event loop.

    The dashboard reads the version for each request on the loop, so a consolidation by
    any process shows on the next request. On PostgreSQL each read is a round trip to
    the server (another process to be scheduled on a busy machine) during which the loop
    answers nobody; fifty clients' requests arrive together, and one read made after
    all of them arrived is as fresh for each as its own would have been.
    """

    def __init__(self, read: Callable[[], int]) -> None:
        self._read = read
        self._loop: asyncio.AbstractEventLoop | None = None
        self._next: asyncio.Future[int] | None = None

    async def read(self) -> int:
        """The version, read after this call was made (its exception too)."""
        loop = asyncio.get_running_loop()
        if self._next is None or self._loop is not loop:
            self._loop, self._next = loop, loop.create_future()
            loop.call_soon(self._run, self._next)
        # Shielded: a client that leaves does not cancel the read the others wait for.
        return await asyncio.shield(self._next)

    def _run(self, pending: asyncio.Future[int]) -> None:
        if self._next is pending:
            self._next = None  # a request from now on waits for a new read
        try:
            pending.set_result(self._read())
        except Exception as exc:  # handed to every request waiting for this read
            pending.set_exception(exc)
            pending.exception()  # retrieved: no warning when every waiter has left


class RenderedPages:
    """Rendered pages (the dashboard's HTML, the API's JSON), least recently used first
    out, bounded by their total size.

    No time to live: the keys carry the ledger's version, so an entry is never stale, it
    only stops being asked for. ``max_bytes`` 0 keeps nothing.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            body = self._entries.get(key)
            if body is not None:
                self._entries.move_to_end(key)
            return body

    def put(self, key: Hashable, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            self._size += len(body) - (len(old) if old is not None else 0)
            self._entries[key] = body
            while self._size > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped)


class PerVersion(Generic[V]):
    """Values computed once per ledger version and key, shared by every request.

    Requests that miss together wait for the one that computes instead of all computing
    at once. Entries of older versions are dropped when a newer one is seen;
    ``max_entries`` 0 keeps nothing (the cache off).
    """

    def __init__(self, max_entries: int = 4096) -> None:
        self.max_entries = max_entries
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._busy: dict[Hashable, threading.Lock] = {}
        self._version = -1
        self._lock = threading.Lock()

    def peek(self, version: int, key: Hashable) -> V | None:
        """The value of ``key`` at ``version`` if it was computed, else None."""
        with self._lock:
            if version != self._version:
                return None
            found = self._values.get(key)
            if found is not None:
                self._values.move_to_end(key)
            return found

    def get(self, version: int, key: Hashable, compute: Callable[[], V]) -> V:
        """The value of ``key`` at ``version``, from ``compute()`` on the first asking."""
        with self._lock:
            if version > self._version:
                self._values.clear()
                self._version = version
            found = self._values.get(key) if version == self._version else None
            if found is not None:
                self._values.move_to_end(key)
                return found
            busy = self._busy.setdefault((version, key), threading.Lock())
        with busy:
            with self._lock:
                found = self._values.get(key) if version == self._version else None
            if found is not None:
                return found
            value = compute()
            with self._lock:
                if version == self._version:
                    self._values[key] = value
                    while len(self._values) > self.max_entries:
                        self._values.popitem(last=False)
                self._busy.pop((version, key), None)
            return value


class RenderedRows:
    """The dashboard table's rendered row of each event, for one ledger version.

    A row is a function of its event's stored JSON alone, and the same events come back
    on many pages (other sorts, filters and page numbers, the map page's table): a page
    that misses the rendered-page cache then decodes and renders only the events no page
    showed before. Rows of older versions are dropped when a newer one is seen, so a
    consolidation by any process shows on the next request; least recently used rows go
    first beyond ``max_entries`` (0 keeps nothing: the cache off).
    """

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._rows: OrderedDict[str, str] = OrderedDict()
        self._version = -1
        self._lock = threading.Lock()

    def get_many(self, version: int, event_ids: list[str]) -> dict[str, str]:
        """The rows kept for these events at ``version`` (absent ones are left out)."""
        with self._lock:
            if version != self._version:
                return {}
            found = {}
            for event_id in event_ids:
                row = self._rows.get(event_id)
                if row is not None:
                    self._rows.move_to_end(event_id)
                    found[event_id] = row
            return found

    def put_many(self, version: int, rows: dict[str, str]) -> None:
        """Keep ``rows`` (event id -> HTML) rendered at ``version``; an older version's
        rows are dropped first, rows of a version older than the kept one are not kept."""
        if self.max_entries <= 0:
            return
        with self._lock:
            if version < self._version:
                return
            if version > self._version:
                self._rows.clear()
                self._version = version
            self._rows.update(rows)
            for event_id in rows:
                self._rows.move_to_end(event_id)
            while len(self._rows) > self.max_entries:
                self._rows.popitem(last=False)


class FilterCounts(PerVersion[tuple[int, int]]):
    """Each filter's counts (its total and what the theatre leaves out), computed once per
    ledger version and shared by the API and the dashboard.

    Counting is most of what an uncached page costs the database (0.2-0.8 s for a
    1,000,000-event theatre on PostgreSQL), and every page and sort order of one filter
    shares it.
    """


class PageBuilds:
    """Pages being rendered in worker threads: at most ``threads`` at once, and one build
    per key however many requests ask for it meanwhile.

    After a start or a consolidation every page misses the rendered-page cache. Fifty
    clients then handed fifty renders to the default pool of forty threads, where they
    took the interpreter's lock in turns with the event loop, so pages the cache still
    answered (most requests) waited behind the renders; and a page two clients asked for
    at once was rendered twice. Two threads keep one render's database time overlapping
    another's Python, and the event loop gets the lock often enough to answer kept pages.
    """

    def __init__(self, threads: int = 2) -> None:
        self.threads = threads
        self._loop: asyncio.AbstractEventLoop | None = None
        self._limiter: anyio.CapacityLimiter | None = None
        self._pending: dict[Hashable, asyncio.Future[Any]] = {}

    async def build(self, key: Hashable, work: Callable[[], V]) -> V:
        """``work()`` in a worker thread, or the result of the build of ``key`` already
        running (its exception too)."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop or self._limiter is None:  # a new event loop (tests)
            self._loop, self._pending = loop, {}
            self._limiter = anyio.CapacityLimiter(self.threads)
        pending = self._pending.get(key)
        if pending is None:
            limiter = self._limiter
            pending = asyncio.ensure_future(anyio.to_thread.run_sync(work, limiter=limiter))
            self._pending[key] = pending
            pending.add_done_callback(lambda done: self._finished(key, done))
        # Shielded: a client that leaves does not cancel the render the others wait for.
        return await asyncio.shield(pending)

    def _finished(self, key: Hashable, done: asyncio.Future[Any]) -> None:
        if self._pending.get(key) is done:
            del self._pending[key]
        if not done.cancelled():
            done.exception()  # retrieved: no "never retrieved" warning if nobody waited
