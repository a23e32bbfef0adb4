"""The hostile-input batch (every kind once, beside ordinary articles) through the CLI
on SQLite and PostgreSQL: nothing lost, nothing stored twice, no crash, every bad
input named; then extraction runs over what was stored, and a re-run changes nothing.
``benchmarks/hostile_batch.py`` runs the same check on 1,000 files."""

from __future__ import annotations

from pathlib import Path

from batch_check import ingest_cli, score
from children import finish, start
from hostile import KINDS, generate
from ledger_state import problems, state


def test_hostile_batch_loses_nothing_and_names_every_bad_input(
    store_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "batch"
    batch = generate(folder, good=10)
    assert len(KINDS) >= 40
    code, report, stderr = ingest_cli(str(folder), store_url, in_process=True)
    result = score(batch, store_url, code, report, stderr)
    assert code == 1  # inputs were skipped, and the exit status says so
    assert result.crashes == []
    assert result.lost == []
    assert result.duplicates == []
    assert result.unnamed == []
    assert report["updated"] == 1 and report["near_duplicate"] == 1 and report["duplicate"] == 1
    assert finish(start("extract", store_url))[0] == 0  # the long line is read in parts
    assert problems(store_url) == []
    before = state(store_url)
    again_code, again, _ = ingest_cli(str(folder), store_url)  # the real command line
    assert again_code == 1 and again["new"] == 0 and again["updated"] == 0
    after = state(store_url)
    assert {k: after[k] for k in ("documents", "copies", "mentions", "events")} == {
        k: before[k] for k in ("documents", "copies", "mentions", "events")
    }
