"""``warledger extract FILE -o -`` and ``warledger bench`` through the real CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from warledger.interfaces.cli.app import app

pytestmark = pytest.mark.model


def test_extract_files_writes_one_json_line_per_document_in_input_order(tmp_path):
    first = tmp_path / "first.txt"
    first.write_text("Russian drones struck Odesa on Saturday, killing two people.\n")
    second = tmp_path / "second.txt"
    second.write_text("The weather in Lviv was mild and nothing else happened.\n")
    result = CliRunner().invoke(
        app, ["extract", str(first), str(second), "--published", "2025-04-22", "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 2
    strike = lines[0]["events"][0]
    assert strike["kind"] == "strike"
    assert strike["locations"][0]["name"] == "Odesa"
    assert strike["date"]["start"] == "2025-04-19"  # Saturday before the given date
    assert lines[1]["events"] == []


def test_extract_reports_an_unreadable_input_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Russian drones struck Odesa overnight, injuring three people.\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["extract", str(tmp_path / "missing.txt"), str(good), "--output", str(out)]
    )
    assert result.exit_code == 1
    assert "missing.txt" in result.output
    assert len(out.read_text().splitlines()) == 1


def test_extract_files_without_output_is_a_usage_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Text.\n")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 2


def test_bench_reports_speed_memory_and_ratio(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"text": "Russian drones struck Odesa overnight, injuring three people."}) + "\n"
    )
    result = CliRunner().invoke(app, ["bench", "--corpus", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"] == 1
    assert figures["peak_rss_mb"] > 0
    assert figures["ratio"] > 0


def test_extract_says_whether_it_consolidated(tmp_path):
    runner = CliRunner()
    doc = tmp_path / "report.txt"
    doc.write_text("Russian drones struck Kharkiv overnight, killing two people.", encoding="utf-8")
    db = str(tmp_path / "ledger.db")
    assert (
        runner.invoke(app, ["ingest", str(doc), "--db", db, "--published", "2025-04-01"]).exit_code
        == 0
    )
    skipped = runner.invoke(app, ["extract", "--db", db, "--no-consolidate"])
    assert skipped.exit_code == 0, skipped.output
    assert "not consolidated: run `warledger consolidate`" in skipped.output
    done = runner.invoke(app, ["extract", "--db", db, "--all"])
    assert "consolidated: " in done.output and "events in the ledger" in done.output
