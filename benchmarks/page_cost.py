"""Benchmark (not a test): what one dashboard events page costs the server, in CPU.

On a shared machine the latencies of ``load_events.py`` mostly measure the other jobs;
the CPU a page costs does not depend on them as much. This calls the ``/events`` page's
handler in this process (no HTTP; one request at a time on an event loop, a page to
render in a worker thread as the server does) on the synthetic ledger of
``load_events.py`` for ``--paths`` requests drawn from its page mix (``page_query_mix``),
twice: the first pass is a freshly started server (each distinct URL's first request
renders the page; repeats are served from the rendered-page cache; the ledger version's
shared pieces warmed first, as a server does in the background), the second a server
that has seen them all (every request a cache hit, as until the next consolidation).
Then the cost of a miss by kind of request. ``p99 ≈ clients / throughput`` for a closed
loop of clients, so 50 clients on 2 cores keep p99 < 200 ms while a request costs less
than about 2 × 200 / 50 = 8 ms of CPU on average (plus the HTTP server's own ~1 ms).

Run: ``.venv/bin/python benchmarks/page_cost.py --db /tmp/load100k.db [--paths 2000]``
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_events import (
    PAGE_SORTS,
    PLACE_WORDS,
    SEARCH_WORDS,
    _oblasts,
    build_ledger,
    page_query_mix,
)
from starlette.requests import Request

from warledger.interfaces.api import create_app
from warledger.interfaces.web import pages


def main() -> None:
    asyncio.run(_main())


async def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="SQLite ledger (built if missing)")
    parser.add_argument("--events", type=int, default=100_000, help="events if it is built")
    parser.add_argument("--paths", type=int, default=2000)
    args = parser.parse_args()
    url = f"sqlite:///{args.db.resolve()}"
    if not args.db.exists():
        build_ledger(url, args.events)
    oblasts = [name for name, _, _ in _oblasts()]

    async def cpu_ms(app: object, queries: list[dict]) -> float:
        # One long-lived task awaits every request, as uvicorn's does: its worker threads
        # are reused, not started again for each request.
        began = time.process_time()
        for query in queries:
            scope = {
                "type": "http",
                "method": "GET",
                "path": "/events",
                "query_string": urlencode(query).encode(),
                "headers": [],
                "app": app,
            }
            response = await pages.event_table(Request(scope))
            assert response.status_code == 200, query
        return (time.process_time() - began) / max(1, len(queries)) * 1000

    rng = random.Random(11)
    mix = [page_query_mix(rng, oblasts) for _ in range(args.paths)]
    distinct = len({urlencode(q) for q in mix})
    app = create_app(url, token="")
    began = time.process_time()
    await cpu_ms(app, [{"limit": 50}])  # templates compiled, the form's choices read
    # The new version's shared pieces are warmed in a thread meanwhile (web/warm.py):
    # waited for, so the passes below measure the pages alone.
    await asyncio.to_thread(app.state.warmer.done.wait, 120)
    print(
        f"first request and the ledger version's warming: "
        f"{time.process_time() - began:.2f} s CPU"
    )
    firsts: dict[str, list[float]] = {}
    seen: set[str] = set()
    began = time.process_time()
    for query in mix:  # the first pass, each distinct URL's first request timed by kind
        key = urlencode(query)
        started = time.process_time()
        await cpu_ms(app, [query])
        if key not in seen:
            seen.add(key)
            firsts.setdefault(_kind(query), []).append(time.process_time() - started)
    cold = (time.process_time() - began) / len(mix) * 1000
    warm = await cpu_ms(app, mix)
    print(
        f"{args.paths} page requests of the mix ({distinct} distinct URLs): CPU per request "
        f"{cold:.2f} ms on a fresh server, {warm:.2f} ms once each was seen"
    )
    print("  where the first pass's CPU went (each distinct URL's first request, by kind):")
    for kind, spent in sorted(firsts.items(), key=lambda item: -sum(item[1])):
        print(
            f"    {kind}: {len(spent)} URLs, {sum(spent) / len(spent) * 1000:.1f} ms each, "
            f"{sum(spent):.2f} s in all"
        )
    kinds = {
        "first page of a filter": [{"limit": 50, "oblast": o} for o in oblasts[:6]],
        "later page (counts known)": [
            {"limit": 50, "oblast": o, "offset": 250} for o in oblasts[:6]
        ],
        "another sort": [{"limit": 50, "sort": s} for s in PAGE_SORTS[2:]],
        "a side, another sort": [
            {"limit": 50, "side": side, "sort": s} for side in ("RU", "UA") for s in PAGE_SORTS[2:5]
        ],
        "place search": [{"limit": 50, "place": w} for w in PLACE_WORDS[:3]],
        "free-text search": [{"limit": 50, "q": w} for w in SEARCH_WORDS[:2]],
    }
    fresh = create_app(url, token="")
    await cpu_ms(fresh, [{"limit": 50}])
    await asyncio.to_thread(fresh.state.warmer.done.wait, 120)
    for label, queries in kinds.items():
        print(f"  a miss, {label}: {await cpu_ms(fresh, queries):.1f} ms CPU")


def _kind(query: dict) -> str:
    """What a request of the mix asks for, for the breakdown of the first pass."""
    if "q" in query or "place" in query:
        return "free-text search" if "q" in query else "place search"
    page = "a later page" if query.get("offset") else "a first page"
    sort = ", another sort" if query.get("sort", "-date") != "-date" else ""
    what = next((k for k in ("kind", "oblast", "date_from", "side") if k in query), "all")
    return f"{page}{sort} ({'month' if what == 'date_from' else what})"


if __name__ == "__main__":
    main()
