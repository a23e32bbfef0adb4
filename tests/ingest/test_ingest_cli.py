"""``warledger ingest`` from the command line: exit codes, one-line errors, JSON summary."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from warledger.interfaces.cli.app import app
from warledger.ledger.store import Store

runner = CliRunner()


def test_good_inputs_exit_0_and_print_a_summary(tmp_path: Path, ingest_data: Path) -> None:
    db = tmp_path / "l.db"
    result = runner.invoke(app, ["ingest", str(ingest_data / "voa_two.jsonl"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "read 2, new 2, duplicate 0" in result.stdout


def test_a_failed_input_gives_one_line_error_and_exit_1(tmp_path: Path, ingest_data: Path) -> None:
    db = tmp_path / "l.db"
    missing = tmp_path / "missing.txt"
    args = ["ingest", str(missing), str(ingest_data / "voa_two.jsonl"), "--db", str(db), "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    error_lines = [line for line in result.stderr.splitlines() if str(missing) in line]
    assert len(error_lines) == 1 and "no such file or directory" in error_lines[0]
    with Store.open(f"sqlite:///{db}") as store:
        assert len(store.documents()) == 2  # the batch went on


def test_json_summary_and_published_and_source_options(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Officials said the ferry service to the island resumed on Friday.")
    db = tmp_path / "l.db"
    args = ["ingest", str(story), "--db", str(db), "--json"]
    args += ["--published", "2025-04-20", "--source", "Harbour Gazette"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["read"], summary["new"], summary["skipped"]) == (1, 1, 0)
    with Store.open(f"sqlite:///{db}") as store:
        (copy,) = store.copies(store.documents()[0].doc_id)
    assert copy["source"] == "Harbour Gazette"
    assert str(copy["published"]).startswith("2025-04-20")


def test_unreadable_published_date_is_a_usage_error(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Some text.")
    args = ["ingest", str(story), "--db", str(tmp_path / "l.db"), "--published", "soon"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
