"""kill -9 a step at a random point of its work, check the ledger, re-run, compare."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

import sqlalchemy as sa
from children import finish, start
from ledger_state import problems, state

from warledger.ledger.schema import documents, runs

# What must hold even right after a kill: consolidation may simply not have run yet.
NOT_YET = "is in no event"


@dataclass
class Kill:
    step: str
    backend: str
    landed: str  # "during" the step's work, or "after" it had already finished
    broken_after_kill: list[str]
    differs_after_rerun: list[str]
    runs_left_running: int
    killed_run_marked: bool | None  # None: the step writes no run row (consolidation)


def _count(url: str, query: sa.Select) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(query).scalar_one())
    except sa.exc.SQLAlchemyError:
        return 0  # not created yet
    finally:
        engine.dispose()


OPEN_RUNS = sa.select(sa.func.count()).select_from(runs).where(runs.c.status == "running")
PROGRESS = {
    "ingest": sa.select(sa.func.count()).select_from(documents),
    "read": sa.select(sa.func.count()).where(documents.c.extracted_version.is_not(None)),
}


def kill_during(step: str, url: str, rng: random.Random, total: int) -> str:
    """Start ``step`` and SIGKILL it at a random point; "during" or "after"."""
    proc = start(step, url)
    if step in PROGRESS:  # wait until some of the work is done, then a random moment
        goal = rng.randint(1, max(1, total // 2))
        while proc.poll() is None and _count(url, PROGRESS[step]) < goal:
            time.sleep(0.02)
    time.sleep(rng.uniform(0, 0.3))
    proc.kill()
    finish(proc)
    # "during" when the killed process left its run open: a process still alive may
    # already have closed its run and be on its way out, and then nothing is to mark.
    return "during" if _count(url, OPEN_RUNS) else "after"


def kill_and_rerun(
    step: str, url: str, backend: str, paths: list[str], reference: dict, rng: random.Random
) -> Kill:
    """Prepare the ledger up to ``step``, kill it, check, re-run everything, compare."""
    if step == "ingest":
        proc = start("ingest", url, *paths)
    else:
        assert finish(start("ingest", url, *paths))[0] == 0
        if step == "consolidate":
            assert finish(start("read", url))[0] == 0
        proc = None
    if proc is not None:  # ingest is started with its inputs
        goal = rng.randint(1, max(1, len(paths) // 2))
        while proc.poll() is None and _count(url, PROGRESS["ingest"]) < goal:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.2))
        proc.kill()
        finish(proc)
        landed = "during" if _count(url, OPEN_RUNS) else "after"
    else:
        landed = kill_during("read" if step == "extract" else step, url, rng, len(paths))
    broken = [p for p in problems(url) if NOT_YET not in p]
    # A kill can land after the run closed its row (the process was only exiting):
    # what must be marked is a row the kill left "running".
    left_running = state(url)["run_statuses"].count("running")
    code, err = finish(start("pipeline", url, *paths))
    assert code == 0, err
    got = state(url)
    differs = [k for k in ("documents", "copies", "mentions", "events") if got[k] != reference[k]]
    statuses = got["run_statuses"]
    return Kill(
        step=step,
        backend=backend,
        landed=landed,
        broken_after_kill=broken,
        differs_after_rerun=differs,
        runs_left_running=statuses.count("running"),
        killed_run_marked=(
            None if step == "consolidate" else statuses.count("interrupted") >= left_running
        ),
    )
