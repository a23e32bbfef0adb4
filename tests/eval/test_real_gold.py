"""The harness end to end on a real annotated VOA story with the real extractor.

This checks the harness (reading a ``voa:<id>`` document, counting required and optional
gold, writing the report), not the extractor's quality: quality is what
``warledger eval`` reports, never a unit-test threshold.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warledger.interfaces.cli.app import app

REAL = Path(__file__).resolve().parent.parent / "data" / "eval_voa"


@pytest.mark.model
def test_eval_reads_a_voa_story_and_counts_only_required_gold(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        app, ["eval", str(REAL / "gold"), "--output", str(out), "--no-details"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    # voa-8010842.json: 9 gold events of which 6 are optional, 8 positions of which 6 are
    events, positions = report["events"], report["positions"]
    assert events["tp"] + events["fn"] == 3
    assert positions["tp"] + positions["fn"] == 2
    assert report["documents"][0]["error"] is None
    assert 0.0 <= report["metrics"]["fields.all"] <= 1.0
