"""Fault injection at scale (a benchmark-style script, not a test): the numbers of the
reliability table.

    python benchmarks/reliability.py [--pg URL] [--files 1000] [--kills 4]

1. hostile batch: ``--files`` inputs (every hostile kind of ``tests/reliability/hostile.py``
   ten times, the rest ordinary articles) through ``warledger ingest`` on SQLite and,
   with ``--pg``, PostgreSQL; then extraction, a re-run, and the score;
2. concurrent writers: two ingests at once, then two extracts at once, compared with one
   uninterrupted run;
3. kill -9 at random points of ingest, extract and consolidate (``--kills`` per step and
   backend), a consistency check right after each, a re-run compared with the reference;
4. API abuse: a real ``warledger serve`` answering hostile requests; 5xx answers counted.

Prints one table row per part: inputs tried, documents lost, duplicates, crashes, 5xx.
The test suite runs small versions of each part (``tests/reliability``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import sqlalchemy as sa

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "reliability"))

from batch_check import WARLEDGER, ingest_cli, score  # noqa: E402
from children import finish, start  # noqa: E402
from hostile import KINDS, files, generate  # noqa: E402
from kills import kill_and_rerun  # noqa: E402
from ledger_state import problems, state, write_articles  # noqa: E402

TOKEN = "bench-token"


def _fresh(kind: str, tmp: Path, pg: str | None) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp / f'{uuid.uuid4().hex[:8]}.db'}"
    assert pg
    name = f"wl_bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return sa.make_url(pg).set(database=name).render_as_string(hide_password=False)


def hostile_batch(tmp: Path, backends: list[str], pg: str | None, n_files: int) -> list[dict]:
    rows = []
    folder = tmp / "batch"
    per_round = files(generate(tmp / "probe", good=0, rounds=1).folder)
    shutil.rmtree(tmp / "probe")
    rounds = 10
    batch = generate(folder, good=max(0, n_files - rounds * per_round), rounds=rounds)
    for backend in backends:
        url = _fresh(backend, tmp, pg)
        started = time.perf_counter()
        code, report, stderr = ingest_cli(str(folder), url)
        result = score(batch, url, code, report, stderr)
        code2, _ = finish(start("extract", url), timeout=3600)
        again_code, again, again_err = ingest_cli(str(folder), url)
        rerun = score(batch, url, again_code, again, again_err)
        crashes = len(result.crashes) + len(rerun.crashes) + (code2 != 0)
        rows.append(
            {
                "part": f"hostile batch ({backend})",
                "inputs": result.inputs,
                "files": files(folder),
                "kinds": len(KINDS),
                "lost": len(result.lost) + len(rerun.lost),
                "duplicates": len(result.duplicates) + len(rerun.duplicates) + again.get("new", 0),
                "crashes": crashes,
                "unnamed_bad_inputs": len(result.unnamed),
                "inconsistencies": len(problems(url)),
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
    return rows


def concurrent(tmp: Path, backends: list[str], pg: str | None) -> list[dict]:
    rows = []
    first = write_articles(tmp / "c1", range(0, 300))
    second = write_articles(tmp / "c2", range(200, 500))
    ref = _fresh("sqlite", tmp, pg)
    assert finish(start("pipeline", ref, *first, *second), timeout=3600)[0] == 0
    reference = state(ref)
    for backend in backends:
        url = _fresh(backend, tmp, pg)
        finish(start("ingest", url))  # create the schema once
        ingests = [start("ingest", url, *first), start("ingest", url, *second)]
        codes = [finish(p, timeout=3600)[0] for p in ingests]
        extracts = [start("extract", url), start("extract", url)]
        codes += [finish(p, timeout=3600)[0] for p in extracts]
        got = state(url)
        lost = len(set(reference["documents"]) - set(got["documents"]))
        lost += len(set(reference["mentions"]) - set(got["mentions"]))
        rows.append(
            {
                "part": f"2 ingests + 2 extracts at once ({backend})",
                "inputs": len(first) + len(second),
                "lost": lost,
                "duplicates": len(got["documents"])
                - len(reference["documents"])
                + len(got["mentions"])
                - len(reference["mentions"]),
                "crashes": sum(1 for c in codes if c != 0),
                "differs_from_reference": got["events"] != reference["events"],
                "inconsistencies": len(problems(url)),
            }
        )
    return rows


def kills(tmp: Path, backends: list[str], pg: str | None, per_step: int) -> list[dict]:
    paths = write_articles(tmp / "k", range(0, 150))
    ref = _fresh("sqlite", tmp, pg)
    assert finish(start("pipeline", ref, *paths))[0] == 0
    reference = state(ref)
    rows = []
    rng = random.Random(2026)
    for backend in backends:
        results = []
        for step in ("ingest", "extract", "consolidate"):
            for _ in range(per_step):
                url = _fresh(backend, tmp, pg)
                try:
                    results.append(kill_and_rerun(step, url, backend, paths, reference, rng))
                except AssertionError as exc:  # the re-run itself failed
                    results.append(exc)
        ok = [r for r in results if not isinstance(r, Exception)]
        rows.append(
            {
                "part": f"kill -9 ({backend})",
                "inputs": len(results),
                "kills_during_work": sum(1 for r in ok if r.landed == "during"),
                "lost": sum(1 for r in ok if r.differs_after_rerun),
                "duplicates": 0 if all(not r.differs_after_rerun for r in ok) else "see lost",
                "crashes": len(results) - len(ok),
                "broken_right_after_kill": sum(1 for r in ok if r.broken_after_kill),
                "runs_left_running": sum(r.runs_left_running for r in ok),
                "killed_runs_unmarked": sum(1 for r in ok if r.killed_run_marked is False),
            }
        )
    return rows


def _abuse_requests(secret: Path, port: int) -> list[tuple[str, str, dict]]:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = 9223372036854775808
    out: list[tuple[str, str, dict]] = []
    for value in (
        str(secret),
        str(secret) + ".missing",
        "-",
        f"file://{secret}",
        "/etc/shadow",
        "ftp://example.org/x",
        "javascript:alert(1)",
        "http://127.0.0.1:1/",
        f"http://localhost:{port}/api/events",
        "http://[::1]/",
        "http://169.254.169.254/",
        "http://0x7f.1/",
        "http://2130706433/",
        "gopher://x",
        "",
        " ",
        "http://",
    ):
        out.append(("POST", "/api/documents", {"json": {"url": value}, "headers": auth}))
    for path in (
        "/api/events",
        "/api/documents",
        "/api/positions",
        "/api/ceasefires",
        "/api/talks",
        "/api/proposals",
        "/api/barrages",
        "/events",
        "/documents",
    ):
        for params in (
            {"offset": big},
            {"offset": -1},
            {"limit": 10**30},
            {"limit": 0},
            {"offset": "1e9"},
            {"date_from": "9999-99-99"},
            {"side": "' OR 1=1 --"},
            {"oblast": "%" * 500},
            {"kind": "\x00"},
            {"date_from": "2025-02-30"},
        ):
            out.append(("GET", path, {"params": params}))
    for token in (
        "Bearer tökén".encode(),
        b"Bearer \xff\xfe",
        b"Basic abc",
        b"Bearer " + b"a" * 8000,
    ):
        out.append(
            ("POST", "/api/documents", {"content": b"{}", "headers": {"Authorization": token}})
        )
    out += [
        ("POST", "/api/documents", {"content": b"x" * 10_000_000}),  # anonymous 10 MB
        ("POST", "/api/documents", {"content": b"x" * 10_000_000, "headers": auth}),
        (
            "POST",
            "/api/documents",
            {"content": b"[" * 100_000, "headers": {**auth, "Content-Type": "application/json"}},
        ),
        (
            "POST",
            "/api/documents",
            {"content": b"{not json", "headers": {**auth, "Content-Type": "application/json"}},
        ),
        ("POST", "/api/documents", {"json": {"text": 5}, "headers": auth}),
        ("POST", "/api/documents", {"json": {"text": "x", "html": "y"}, "headers": auth}),
        ("POST", "/api/documents", {"content": b'{"text": "\\ud800 \\u0000"}', "headers": auth}),
        (
            "POST",
            "/api/documents",
            {"json": {"text": "A report.", "published": "soon"}, "headers": auth},
        ),
        (
            "POST",
            "/api/documents",
            {
                "json": {
                    "text": "<script>alert(1)</script> Russian drones struck Sumy, officials said.",
                    "url": "javascript:alert(1)",
                },
                "headers": auth,
            },
        ),
        ("GET", "/static/../../../../etc/passwd", {}),
        ("GET", "/static/%2e%2e/%2e%2e/etc/passwd", {}),
        ("GET", "/api/events/" + "x" * 5000, {}),
        ("GET", "/api/documents/%00", {}),
        ("GET", "/api/events?kind=%ff%fe", {}),
        ("DELETE", "/api/documents", {"headers": auth}),
        ("PUT", "/api/events", {"headers": auth}),
    ]
    return out


def api_abuse(tmp: Path) -> dict:
    secret = tmp / "secret.txt"
    secret.write_text("server-side secret notes " * 50)
    secret.chmod(0o600)
    db = f"sqlite:///{tmp / 'api.db'}"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [*WARLEDGER, "serve", "--db", db, "--port", str(port), "--token", TOKEN],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/api/events", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        requests = _abuse_requests(secret, port)
        statuses = []
        with httpx.Client(base_url=base, timeout=120) as client:
            for method, path, options in requests:
                try:
                    statuses.append(client.request(method, path, **options).status_code)
                except httpx.HTTPError as exc:  # the server closed or never answered
                    statuses.append(f"{type(exc).__name__}")
        leaked = "secret notes" in httpx.get(base + "/api/documents?limit=500").text
        alive = server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=30)
    fives = sum(1 for s in statuses if isinstance(s, int) and s >= 500)
    return {
        "part": "API abuse (warledger serve)",
        "inputs": len(statuses),
        "lost": 0,
        "duplicates": 0,
        "crashes": 0 if alive else 1,
        "5xx": fives,
        "no_answer": sum(1 for s in statuses if not isinstance(s, int)),
        "server_file_leaked": leaked,
        "statuses": {str(k): statuses.count(k) for k in sorted(set(statuses), key=str)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", help="PostgreSQL server URL (a database is made per run)")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=4, help="kills per step and backend")
    parser.add_argument("--parts", default="batch,concurrent,kills,api")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.pg else ["sqlite"]
    parts = args.parts.split(",")
    rows: list[dict] = []

    def report(new: list[dict]) -> None:
        for row in new:
            print(json.dumps(row, ensure_ascii=False), flush=True)
        rows.extend(new)

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if "batch" in parts:
            report(hostile_batch(tmp, backends, args.pg, args.files))
        if "concurrent" in parts:
            report(concurrent(tmp, backends, args.pg))
        if "kills" in parts:
            report(kills(tmp, backends, args.pg, args.kills))
        if "api" in parts:
            report([api_abuse(tmp)])
    print()
    print("| part | inputs tried | documents lost | duplicates | crashes | 5xx |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['part']} | {r['inputs']} | {r['lost']} | {r['duplicates']} "
            f"| {r['crashes']} | {r.get('5xx', '-')} |"
        )


if __name__ == "__main__":
    main()
