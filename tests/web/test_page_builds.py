"""After a start or a consolidation every dashboard page misses its cache at once: a page
many clients ask for meanwhile is rendered once, and a failed render fails each of them."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pytest

from warledger.interfaces.api.cache import PageBuilds, SharedReads

T = TypeVar("T")


def _run(clients: Callable[[], Awaitable[T]]) -> T:
    """``clients()`` on an event loop of its own (in a thread of its own: a test run
    before may have left one running in this thread), as the server's is."""

    async def main() -> T:
        return await clients()

    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, main()).result()


def test_a_page_asked_for_by_many_clients_at_once_is_rendered_once() -> None:
    renders: list[str] = []

    def render() -> str:
        renders.append("page")
        time.sleep(0.05)  # still rendering when the other requests arrive
        return "<html>page</html>"

    async def clients() -> list[str]:
        builds = PageBuilds(threads=2)
        return await asyncio.gather(*(builds.build(("v1", "/events"), render) for _ in range(5)))

    assert _run(clients) == ["<html>page</html>"] * 5
    assert renders == ["page"]


def test_pages_of_other_urls_render_apart_and_no_more_than_the_threads_at_once() -> None:
    running, most = 0, 0
    lock = threading.Lock()

    def render(name: str) -> str:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.02)
        with lock:
            running -= 1
        return name

    async def clients() -> list[str]:
        builds = PageBuilds(threads=2)
        keys = [f"/events?offset={n}" for n in range(6)]
        return await asyncio.gather(*(builds.build(k, lambda k=k: render(k)) for k in keys))

    assert _run(clients) == [f"/events?offset={n}" for n in range(6)]
    assert most == 2


def test_a_failed_render_fails_every_client_waiting_for_it_and_the_next_asking_renders_again() -> (
    None
):
    calls = 0

    def broken() -> str:
        nonlocal calls
        calls += 1
        time.sleep(0.02)
        raise ValueError("sort: unknown key")

    async def clients() -> list[object]:
        builds = PageBuilds()
        first = await asyncio.gather(
            *(builds.build("k", broken) for _ in range(3)), return_exceptions=True
        )
        with pytest.raises(ValueError):
            await builds.build("k", broken)
        return first

    outcomes = _run(clients)
    assert [type(o) for o in outcomes] == [ValueError] * 3
    assert calls == 2


def test_a_kept_page_is_answered_while_a_first_render_is_in_progress() -> None:
    # A first render holds a worker thread; a page the cache holds needs only the event
    # loop, so its client is answered before the render ends.
    release = threading.Event()
    happened: list[str] = []

    def render() -> str:
        release.wait(5)
        happened.append("rendered")
        return "<html>new page</html>"

    async def kept_page() -> None:
        await asyncio.sleep(0.05)  # the render is under way
        happened.append("kept page answered")
        release.set()

    async def clients() -> None:
        builds = PageBuilds(threads=2)
        await asyncio.gather(builds.build("/events?offset=50", render), kept_page())

    _run(clients)
    assert happened == ["kept page answered", "rendered"]


def test_requests_arriving_together_share_one_read_of_the_ledger_version() -> None:
    reads = 0

    def read() -> int:
        nonlocal reads
        reads += 1
        return 7 + reads

    async def clients() -> tuple[list[int], int]:
        shared = SharedReads(read)
        together = await asyncio.gather(*(shared.read() for _ in range(5)))
        return together, await shared.read()  # asked after the first read: read again

    together, later = _run(clients)
    assert together == [8] * 5
    assert later == 9
    assert reads == 2
