"""Benchmark (not a test): the events endpoint under 50 concurrent clients.

Builds a synthetic ledger of ``--events`` consolidated events (default 10,000) in a
temporary SQLite file, serves it with uvicorn on loopback in a separate process, and
drives ``--clients`` concurrent httpx clients against ``GET /api/events`` with a mix of
filters and pages, stopping after ``--requests`` requests or ``--seconds`` seconds.
Reports requests per second and p50/p99 latency. Target: p99 < 200 ms at 50 clients.
``--client wrk`` drives the same request mix with wrk (Debian package ``wrk``) instead of
Python clients: on a 2-core machine the Python clients' own CPU competes with the server.
``--cache-seconds 0`` measures the server with its event-page cache off.
``--page-share 0.2`` sends that share of the requests to the dashboard's events page
(``GET /events``, server-rendered HTML) instead of the API. The page requests are a varied
mix (``page_query_mix``): the API's filters (kind, oblast, month, side), 40% of them on a
later page (offset 50-1000), 15% with another sort order, 7% a place search and 3% a
free-text search from small vocabularies. wrk sends ``--paths`` requests drawn from the mix
(2,000; it prints how many distinct URLs they hold) in turn, over and over, so the
server's cache of rendered pages (keyed by the ledger's version) misses on each distinct
URL's first request and hits after that.

Run: ``.venv/bin/python benchmarks/load_events.py [--events 10000] [--clients 50]``
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import first_requests
import httpx
import psutil
import sqlalchemy as sa

from warledger import settings
from warledger.ledger.consolidate import build_event, event_id_for
from warledger.ledger.consolidated_schema import claims, events
from warledger.ledger.consolidated_store import claim_rows, event_row
from warledger.ledger.store import Store
from warledger.types import Actor, Count, Event, Location, Mention, Span, When

KINDS = ("strike", "strike", "strike", "ground_combat", "territorial_change", "ceasefire", "talks")
SIDES = (("RU", "UA"), ("RU", "UA"), ("UA", "RU"))


def _oblasts() -> list[tuple[str, float, float]]:
    path = settings.THEATRE_DIR / "gazetteer" / "ua_admin1.csv"
    with path.open(encoding="utf-8") as fh:
        return [(r["name"], float(r["lat"]), float(r["lon"])) for r in csv.DictReader(fh)]


def synthetic_events(n: int, seed: int = 7, first: int = 0) -> list:
    """``n`` single-claim consolidated events (numbered from ``first``) spread over a
    year and every oblast."""
    rng = random.Random(seed + first)
    oblasts = _oblasts()
    start = date(2025, 1, 1)
    out = []
    for i in range(first, first + n):
        name, lat, lon = rng.choice(oblasts)
        actor, target = rng.choice(SIDES)
        day = (start + timedelta(days=rng.randrange(365))).isoformat()
        sentence = f"Synthetic report {i}: an event in {name}."
        event = Event(
            kind=rng.choice(KINDS),
            actor=Actor(side=actor, type="state"),
            target=Actor(side=target, type="state"),
            locations=[
                Location(
                    f"Place {i % 500}",
                    name,
                    "UA",
                    lat + rng.uniform(-0.4, 0.4),
                    lon + rng.uniform(-0.6, 0.6),
                    "settlement",
                )
            ],
            date=When(day, day, "day"),
            counts={"killed": Count(rng.randrange(0, 12))} if rng.random() < 0.4 else {},
            evidence=[Span(0, len(sentence), sentence)],
        )
        mid = f"d-synthetic{i:06d}:0"
        mention = Mention(
            mid,
            f"d-synthetic{i:06d}",
            event,
            source=f"outlet{i % 7}.example",
            published=day,
            url=f"https://outlet{i % 7}.example/{i}",
        )
        out.append(build_event(event_id_for(mid), [mention]))
    return out


def build_ledger(url: str, n: int, jobs: int = 1) -> None:
    """Write ``n`` synthetic events, 1,000 at a time (bounded memory at a million); with
    ``jobs`` > 1 that many processes write contiguous ranges (PostgreSQL; SQLite has one
    writer at a time). The events are the same either way: each chunk of 1,000 is seeded by
    its first number."""
    with Store.open(url):
        pass  # the schema, migrated once before any writer starts
    step = max(1, -(-n // jobs // 1000)) * 1000
    ranges = [(lo, min(n, lo + step)) for lo in range(0, n, step)]
    if jobs == 1 or len(ranges) == 1 or url.startswith("sqlite"):
        _build_range(url, 0, n)
        return
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_build_range, [url] * len(ranges), *zip(*ranges, strict=True)))


def _build_range(url: str, lo: int, hi: int) -> None:
    with Store.open(url) as store:
        for start in range(lo, hi, 1000):
            chunk = synthetic_events(min(1000, hi - start), first=start)
            with store.engine.begin() as conn:
                conn.execute(sa.insert(events), [event_row(e) for e in chunk])
                conn.execute(sa.insert(claims), [row for e in chunk for row in claim_rows(e)])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(url: str, port: int, cache_seconds: float, workers: int = 1) -> subprocess.Popen:
    """uvicorn in its own process(es), as ``warledger serve [--workers N]`` runs it."""
    if workers > 1:
        code = (
            "import uvicorn; uvicorn.run('warledger.interfaces.api:create_app', factory=True, "
            f"host='127.0.0.1', port={port}, workers={workers}, log_level='warning', "
            "access_log=False)"
        )
        env = {**os.environ, "WARLEDGER_DB": url}
        return subprocess.Popen([sys.executable, "-c", code], env=env)
    code = (
        "import uvicorn; from warledger.interfaces.api import create_app; "
        f"app = create_app({url!r}, token='', cache_seconds={cache_seconds}); "
        f"uvicorn.run(app, host='127.0.0.1', port={port}, "
        "log_level='warning', access_log=False)"
    )
    return subprocess.Popen([sys.executable, "-c", code])


def wait_ready(base: str, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not start")


def request_path(rng: random.Random, page_share: float) -> str:
    """The API's events list, or (``page_share`` of the time) the dashboard's events page."""
    return "/events" if rng.random() < page_share else "/api/events"


def query_mix(rng: random.Random, oblasts: list[str]) -> dict[str, str | int]:
    """What analysts ask the API: a page of everything, by kind, by oblast, by month, by side."""
    choice = rng.randrange(5)
    params: dict[str, str | int] = {"limit": 50, "offset": rng.choice((0, 0, 50, 500))}
    if choice == 1:
        params["kind"] = rng.choice(("strike", "ground_combat", "ceasefire"))
    elif choice == 2:
        params["oblast"] = rng.choice(oblasts)
    elif choice == 3:
        month = rng.randrange(1, 13)
        params["date_from"] = f"2025-{month:02d}-01"
        params["date_to"] = f"2025-{month:02d}-28"
    elif choice == 4:
        params["side"] = rng.choice(("RU", "UA"))
    return params


PAGE_SORTS = ("-date", "date", "-killed", "place", "oblast", "kind", "-sources", "status")
# Words an analyst types into the page's search boxes; the synthetic ledger's places are
# "Place 0" … "Place 499" and its evidence names the oblast and the report number.
PLACE_WORDS = tuple(f"place {n}" for n in (3, 17, 42, 99, 123, 256, 300, 404, 451, 499))
SEARCH_WORDS = ("kharkiv", "odesa", "zaporizhzhia", "report 4711", "donetsk", "sumy")


def page_query_mix(rng: random.Random, oblasts: list[str]) -> dict[str, str | int]:
    """What analysts ask the dashboard's events page: mostly the first page of a filter,
    but also other sorts, later pages, place and free-text searches (the page cache
    helps only with what was asked before at the same ledger version)."""
    params: dict[str, str | int] = query_mix(rng, oblasts)
    params["offset"] = 0 if rng.random() < 0.6 else 50 * rng.randrange(1, 21)
    roll = rng.random()
    if roll < 0.15:
        params["sort"] = rng.choice(PAGE_SORTS)
    elif roll < 0.22:
        params = {"limit": 50, "offset": 0, "place": rng.choice(PLACE_WORDS)}
    elif roll < 0.25:
        params = {"limit": 50, "offset": 0, "q": rng.choice(SEARCH_WORDS)}
    return params


def request(rng: random.Random, page_share: float, oblasts: list[str]) -> tuple[str, dict]:
    """One request of the mix: a path and its query."""
    path = request_path(rng, page_share)
    mix = page_query_mix if path == "/events" else query_mix
    return path, mix(rng, oblasts)


async def drive(
    base: str, clients: int, max_requests: int, seconds: float, page_share: float = 0.0
) -> tuple:
    oblasts = [name for name, _, _ in _oblasts()]
    latencies: list[float] = []
    failures = 0
    remaining = max_requests
    stop_at = time.monotonic() + seconds

    async def client(seed: int) -> None:
        # One AsyncClient (one keep-alive connection) per simulated client, as 50 real
        # clients would have: a single shared pool of 50 made httpx itself the bottleneck.
        nonlocal remaining, failures
        rng = random.Random(seed)
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            while remaining > 0 and time.monotonic() < stop_at:
                remaining -= 1
                started = time.perf_counter()
                path, params = request(rng, page_share, oblasts)
                response = await http.get(path, params=params)
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    failures += 1

    began = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(clients)))
    elapsed = time.perf_counter() - began
    return latencies, failures, elapsed


async def cold_pass(base: str, clients: int, paths: list[str]) -> str:
    """Each path once, ``clients`` at a time: what the first minute after a consolidation
    costs (every filter's counts and pages computed anew)."""
    queue = list(paths)
    latencies: list[float] = []

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=120) as http:
            while queue:
                path = queue.pop()
                started = time.perf_counter()
                (await http.get(path)).raise_for_status()
                latencies.append(time.perf_counter() - started)

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    ms = sorted(x * 1000 for x in latencies)
    return (
        f"cold pass: {len(ms)} distinct URLs in {time.perf_counter() - began:.1f} s, "
        f"p50 {statistics.median(ms):.0f} ms, max {ms[-1]:.0f} ms"
    )


def run_wrk(
    base: str, clients: int, seconds: float, paths: list[str], dump: str = ""
) -> tuple[float, float, float, str]:
    """Requests/s, p50 and p99 (ms) from ``wrk --latency`` over ``paths`` in turn, and
    the same requests' p99 split into each URL's first request and the rest
    (``first_requests``)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(first_requests.script(paths, dump))
    out = subprocess.run(
        ["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "--latency", "-s", script.name, base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)

    def ms(label: str) -> float:
        value = next(line.split()[1] for line in out.splitlines() if line.strip().startswith(label))
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()  # type: ignore[union-attr]
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    rps = float(
        next(line.split()[1] for line in out.splitlines() if line.startswith("Requests/sec"))
    )
    return rps, ms("50%"), ms("99%"), first_requests.breakdown(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--cache-seconds",
        type=float,
        default=2.0,
        help="the server's event-page cache (as `warledger serve` runs it); 0 = off",
    )
    parser.add_argument("--client", choices=("httpx", "wrk"), default="httpx")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument(
        "--build-jobs", type=int, default=1, help="processes writing a new PostgreSQL ledger"
    )
    parser.add_argument(
        "--page-share", type=float, default=0.0, help="share of requests to the /events page"
    )
    parser.add_argument(
        "--paths",
        type=int,
        default=2000,
        help="wrk: requests drawn from the mix, which wrk then sends in turn, over and over",
    )
    parser.add_argument(
        "--prime",
        action="store_true",
        help="wrk: first request each distinct URL once (50 at a time) and report that cold "
        "pass on its own, so wrk measures a server whose caches hold this ledger version",
    )
    parser.add_argument(
        "--latencies",
        type=Path,
        help="wrk: write each request's start (s), latency (ms), first request or not and "
        "URL to this file",
    )
    parser.add_argument(
        "--db",
        type=Path,
        help="keep the synthetic ledger in this SQLite file (reused if it exists)",
    )
    parser.add_argument(
        "--url", help="a database URL (e.g. PostgreSQL) for the ledger, built if empty"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "load.db"
        url = args.url or f"sqlite:///{path.resolve()}"
        if args.url:
            with Store.open(url) as store, store.engine.connect() as conn:
                have = conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()
        if (args.url and not have) or (not args.url and not path.exists()):
            began = time.perf_counter()
            build_ledger(url, args.events, args.build_jobs)
            print(f"built {args.events} events in {time.perf_counter() - began:.1f} s")
        else:
            with Store.open(url) as store, store.engine.connect() as conn:
                args.events = int(
                    conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()
                )
            print(f"reusing {args.url or path} ({args.events} events)")
        port = free_port()
        server = serve(url, port, args.cache_seconds, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_ready(base)
            asyncio.run(drive(base, args.clients, 100, 10))  # warm-up
            if args.client == "wrk":
                rng = random.Random(11)
                oblasts = [name for name, _, _ in _oblasts()]
                paths = [
                    str(httpx.URL(path, params=params))
                    for path, params in (
                        request(rng, args.page_share, oblasts) for _ in range(args.paths)
                    )
                ]
                print(f"{len(paths)} requests in the cycle, {len(set(paths))} distinct URLs")
                if args.prime:
                    # The server's CPU over the cold pass says what first requests cost
                    # whatever else runs on the machine (the latencies do not).
                    before = _cpu_seconds(psutil.Process(server.pid))
                    distinct = sorted(set(paths))
                    report = asyncio.run(cold_pass(base, args.clients, distinct))
                    spent = _cpu_seconds(psutil.Process(server.pid)) - before
                    print(
                        f"{report}; server CPU {spent:.1f} s ({spent / len(distinct) * 1000:.1f} "
                        f"ms a URL); load average {os.getloadavg()[0]:.1f}"
                    )
                server_cpu = _cpu_seconds(psutil.Process(server.pid))
                database_cpu = _database_cpu(url)
                rps, p50, p99, split = run_wrk(
                    base, args.clients, args.seconds, paths, str(args.latencies or "")
                )
                server_cpu = _cpu_seconds(psutil.Process(server.pid)) - server_cpu
                served = max(1.0, rps * args.seconds)
                database_ms = (_database_cpu(url) - database_cpu) / served * 1000
                print(
                    f"{args.events} events, {args.page_share:.0%} /events pages; "
                    f"wrk, {args.clients} connections, {args.workers} worker(s), "
                    f"{args.seconds:g} s, cache "
                    f"{args.cache_seconds:g} s: {rps:.0f} requests/s, p50 {p50:.1f} ms, "
                    f"p99 {p99:.1f} ms (target p99 < 200 ms); server CPU per request "
                    f"{server_cpu / served * 1000:.2f} ms, database {database_ms:.2f} ms; "
                    "load average "
                    f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n  timed by the "
                    f"script: {split}"
                )
                return
            server_cpu = _cpu_seconds(psutil.Process(server.pid))
            client_cpu = time.process_time()
            latencies, failures, elapsed = asyncio.run(
                drive(base, args.clients, args.requests, args.seconds, args.page_share)
            )
            client_cpu = time.process_time() - client_cpu
            server_cpu = _cpu_seconds(psutil.Process(server.pid)) - server_cpu
        finally:
            _stop(server)
    ms = sorted(x * 1000 for x in latencies)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(
        f"{args.events} events, {args.page_share:.0%} /events pages; "
        f"{len(ms)} requests, {args.clients} concurrent clients, "
        f"cache {args.cache_seconds:g} s, {failures} failed: "
        f"{len(ms) / elapsed:.0f} requests/s, p50 {statistics.median(ms):.1f} ms, "
        f"p99 {p99:.1f} ms (target p99 < 200 ms)"
    )
    # On a shared machine the client's own CPU (httpx parsing ~80 kB pages) and other
    # processes inflate latencies; the server's CPU per request says what it costs.
    print(
        f"CPU per request: server {server_cpu / len(ms) * 1000:.2f} ms, "
        f"client {client_cpu / len(ms) * 1000:.2f} ms; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} CPUs"
    )


def _stop(server: subprocess.Popen) -> None:
    """Stop the server and its workers; on a loaded machine uvicorn may take longer to
    drain than we wait, so what is left is killed rather than left running."""
    workers = psutil.Process(server.pid).children(recursive=True)
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)
    for worker in workers:
        if worker.is_running():
            worker.kill()


def _cpu_seconds(process: psutil.Process) -> float:
    """CPU time of the server and its worker processes."""
    total = 0.0
    for proc in [process, *process.children(recursive=True)]:
        times = proc.cpu_times()
        total += times.user + times.system
    return total


def _database_cpu(url: str) -> float:
    """CPU time of the local PostgreSQL server holding ``url``'s database: its live
    processes and the backends it has already reaped (0 for SQLite, which runs inside
    the API's own processes). The server is found as the parent of a backend whose
    process title names the database."""
    if not url.startswith("postgresql"):
        return 0.0
    name = sa.make_url(url).database
    for proc in psutil.process_iter(["cmdline"]):
        title = " ".join(proc.info["cmdline"] or [])
        if title.startswith("postgres: ") and f" {name} " in title:
            server = proc.parent()
            break
    else:
        return 0.0
    reaped = server.cpu_times()
    total = reaped.user + reaped.system + reaped.children_user + reaped.children_system
    for child in server.children():
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


if __name__ == "__main__":
    main()
