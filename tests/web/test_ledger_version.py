"""The ledger's version rises with each consolidation that changes events, and only then;
and the rendered-page cache keeps within its size."""

from __future__ import annotations

from ledger_builder import build_ledger

from warledger.interfaces.api.cache import RenderedPages
from warledger.ledger import version
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
