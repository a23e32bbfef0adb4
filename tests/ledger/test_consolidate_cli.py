"""The ledger commands: consolidate, barrages, snapshot, export-events (SQLite ledger)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from tests.ledger.test_consolidate_store import (
    TEXT_A,
    TEXT_B,
    TEXT_C,
    add,
    drone_wave,
    kharkiv_strike,
)
from typer.testing import CliRunner

from warledger.errors import UsageError
from warledger.interfaces.cli.app import app
from warledger.ledger.store import Store

runner = CliRunner()


@pytest.fixture
def ledger(tmp_path: Path) -> str:
    path = tmp_path / "ledger.db"
    with Store.open(str(path)) as store:
        add(store, TEXT_A, "kyivindependent.com", "2025-04-20T07:00:00Z", drone_wave(TEXT_A, 54))
        add(store, TEXT_B, "voanews.com", "2025-04-20T09:00:00Z", drone_wave(TEXT_B, 45))
        add(store, TEXT_C, "ukrinform.net", "2025-04-20T08:00:00Z", kharkiv_strike(TEXT_C))
    return str(path)


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_consolidate_then_again_changes_nothing(ledger: str) -> None:
    first = json.loads(invoke("consolidate", "--db", ledger, "--json"))
    assert (first["mentions"], first["events_created"], first["events_total"]) == (3, 2, 2)
    second = json.loads(invoke("consolidate", "--db", ledger, "--json"))
    assert second["changed"] is False
    assert "3 mentions → 2 events" in invoke("consolidate", "--db", ledger)


def test_barrages_lists_the_night(ledger: str) -> None:
    invoke("consolidate", "--db", ledger)
    (night,) = json.loads(invoke("barrages", "--db", ledger, "--json"))
    assert (night["night"], night["attacker_side"]) == ("2025-04-20", "RU")
    # 54 vs 45 from one outlet each: the reconciled best is the lower median, 45
    assert night["by_weapon"]["drone"] == {"launched": 45}
    assert night["casualties_by_place"] == {"Kharkiv": {"injured": 3}}
    table = invoke("barrages", "--db", ledger)
    assert "2025-04-20" in table and "Kharkiv" in table
    assert json.loads(invoke("barrages", "--db", ledger, "--json", "--side", "UA")) == []


def test_snapshot_and_list(ledger: str) -> None:
    invoke("consolidate", "--db", ledger)
    taken = json.loads(invoke("snapshot", "--db", ledger, "--json"))
    assert taken["created"] and taken["n_events"] == 2
    listed = json.loads(invoke("snapshot", "--list", "--db", ledger, "--json"))
    assert [s["snapshot_id"] for s in listed] == [taken["snapshot_id"]]
    assert "unchanged since snapshot" in invoke("snapshot", "--db", ledger)


def test_export_events_csv_and_parquet(ledger: str, tmp_path: Path) -> None:
    invoke("consolidate", "--db", ledger)
    rows = list(
        csv.DictReader(io.StringIO(invoke("export-events", "--db", ledger, "--format", "csv")))
    )
    assert sorted(r["location"] for r in rows) == ["Kharkiv", "Ukraine"]
    target = tmp_path / "events.parquet"
    invoke("export-events", "--db", ledger, "--format", "parquet", "--output", str(target))
    assert pq.read_table(target).num_rows == 2
    lines = invoke("export-events", "--db", ledger, "--kind", "strike").splitlines()
    assert len(lines) == 2 and all(json.loads(line)["claims"] for line in lines)


def test_usage_errors_name_the_problem(ledger: str, tmp_path: Path) -> None:
    parquet_to_stdout = runner.invoke(app, ["export-events", "--db", ledger, "--format", "parquet"])
    assert isinstance(parquet_to_stdout.exception, UsageError)
    bad_date = runner.invoke(app, ["barrages", "--db", ledger, "--from", "April 20"])
    assert isinstance(bad_date.exception, UsageError)
    missing = runner.invoke(app, ["consolidate", "--db", str(tmp_path / "nope.db")])
    assert isinstance(missing.exception, UsageError)
    assert not (tmp_path / "nope.db").exists()
