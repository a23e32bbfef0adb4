"""kill -9 during ingest, extract and consolidate, on SQLite and PostgreSQL: the ledger
is consistent right after the kill, the killed run is marked interrupted on the next
start, and a re-run gives exactly the ledger of an uninterrupted run.
``benchmarks/kill_runs.py`` repeats this at many random points."""

from __future__ import annotations

import random

import pytest
from children import finish, start
from kills import kill_and_rerun
from ledger_state import state, write_articles


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict]:
    tmp_path = tmp_path_factory.mktemp("kill")
    paths = write_articles(tmp_path / "in", range(0, 40))
    url = f"sqlite:///{tmp_path / 'reference.db'}"
    assert finish(start("pipeline", url, *paths))[0] == 0
    return paths, state(url)


@pytest.mark.parametrize("step", ["ingest", "extract", "consolidate"])
def test_a_killed_step_leaves_a_ledger_a_rerun_completes(
    step: str, store_url: str, articles: tuple[list[str], dict]
) -> None:
    paths, reference = articles
    backend = store_url.split(":", 1)[0]
    kill = kill_and_rerun(step, store_url, backend, paths, reference, random.Random(13))
    assert kill.broken_after_kill == []
    assert kill.differs_after_rerun == []
    assert kill.runs_left_running == 0
    assert kill.killed_run_marked is not False
