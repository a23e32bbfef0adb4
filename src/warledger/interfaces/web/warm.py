"""The pieces every events page of a new ledger version shares, computed in the background
as soon as the version is seen (at start, and after each consolidation by any process).

After a start or a consolidation every page misses its caches, and the first pages of
each filter also paid for what all its pages share: the filter's counts (5-25 ms each at
100,000 events: a side is three counts), the form's choices, the place names a place
search looks up. For no filter and each filter the form offers (each kind, oblast of its
list, party of the theatre) this counts it, reads its first 1,000 ids newest first (its
later pages are slices of them) and renders the rows of its first page: one thread,
about 0.5 s of CPU at 100,000 events. At start the server waits for it before it takes
requests (``api.app``); after a consolidation it runs while the server answers. It is an
addition: a page nobody warmed (another sort, a month, a search) is built as before,
from the same per-version caches.

Whole pages are not rendered here: a page holds absolute links built from the Host its
first request named, so only that request renders it.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from warledger.interfaces.web.pages import warm_pieces

log = logging.getLogger(__name__)


class Warmer:
    """Warms each ledger version once, in a daemon thread of its own
    (``pages.warm_pieces``). Off for an in-memory ledger (tests, demos): its one
    connection is the requests'."""

    def __init__(self, app: Any, *, enabled: bool = True) -> None:
        self._app = app
        self.enabled = enabled
        self._warmed = -1
        self._closed = False
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.done = threading.Event()  # set when the last warming ended (for tests)
        self.done.set()

    def notice(self, version: int) -> None:
        """Warm ``version`` unless it (or a newer one) was already."""
        with self._lock:
            if not self.enabled or self._closed or version <= self._warmed:
                return
            self._warmed = version
            self.done.clear()
            self._thread = threading.Thread(
                target=self._run, args=(version,), name="warledger-warm", daemon=True
            )
            self._thread.start()

    def close(self, timeout: float = 30.0) -> None:
        """Stop before the next piece and wait for the thread: the app closes the
        ledger's connections next."""
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self, version: int) -> None:
        try:
            warm_pieces(self._app, version, lambda: self._closed)
        except Exception:  # a warming that fails costs nothing but its absence
            log.debug("warming the events pages' caches failed", exc_info=True)
        finally:
            self.done.set()
