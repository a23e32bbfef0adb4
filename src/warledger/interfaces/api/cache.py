"""A short-lived cache of event pages: analysts (and dashboards) ask the same few
questions many times a second, and the ledger changes only when something is ingested.

Entries live ``ttl`` seconds at most, so a write made by another process (the CLI) is
visible within that time; writes through this app clear the cache at once.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable


class PageCache:
    def __init__(self, ttl: float, max_entries: int = 2048) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        """The cached value for ``key`` unless absent or expired."""
        if self.ttl <= 0:
            return None
        with self._lock:
            hit = self._entries.get(key)
            if hit is None or hit[0] <= time.monotonic():
                return None
            self._entries.move_to_end(key)
            return hit[1]

    def put(self, key: Hashable, value: bytes) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            self._entries[key] = (time.monotonic() + self.ttl, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class RenderedPages:
    """Rendered HTML pages, least recently used first out, bounded by their total size.

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


class FilterCounts:
    """Each filter's counts (its total and what the theatre leaves out), computed once per
    ledger version and shared by the API and the dashboard.

    Counting is most of what an uncached page costs the database (0.2-0.8 s for a
    1,000,000-event theatre on PostgreSQL), and every page and sort order of one filter
    shares it. Requests that miss together wait for the one that counts instead of all
    counting at once. Entries of older versions are dropped when a newer one is seen;
    ``max_entries`` 0 keeps nothing (the cache off).
    """

    def __init__(self, max_entries: int = 4096) -> None:
        self.max_entries = max_entries
        self._values: OrderedDict[Hashable, tuple[int, int]] = OrderedDict()
        self._busy: dict[Hashable, threading.Lock] = {}
        self._version = -1
        self._lock = threading.Lock()

    def get(
        self, version: int, key: Hashable, count: Callable[[], tuple[int, int]]
    ) -> tuple[int, int]:
        """The counts of ``key`` at ``version``, from ``count()`` on the first asking."""
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
            value = count()
            with self._lock:
                if version == self._version:
                    self._values[key] = value
                    while len(self._values) > self.max_entries:
                        self._values.popitem(last=False)
                self._busy.pop((version, key), None)
            return value
