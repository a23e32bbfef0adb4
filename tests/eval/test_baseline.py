"""The regression gate: floors per metric, never lowered by accident."""

import json

import pytest
from typer.testing import CliRunner

from warledger.errors import UsageError
from warledger.eval import baseline, harness
from warledger.interfaces.cli.app import app
from warledger.types import DocumentResult


def test_metrics_below_their_floor_are_reported():
    floors = {"events.f1": 0.8, "events.recall": 0.5, "bcubed.f1": 0.9}
    metrics = {"events.f1": 0.75, "events.recall": None, "positions.f1": 0.1}
    short = baseline.check(metrics, floors)
    # recall could not be computed: counts as 0; bcubed was not measured: not checked
    assert [(s.metric, s.floor) for s in short] == [("events.f1", 0.8), ("events.recall", 0.5)]


def test_floors_rise_to_the_current_values_rounded_down():
    new = baseline.raise_floors({"events.f1": 0.5}, {"events.f1": 0.8571, "events.recall": 0.9})
    assert new == {"events.f1": 0.85}  # only the metrics the file already tracks


def test_lowering_a_floor_needs_allow_regression():
    with pytest.raises(UsageError, match=r"events\.f1"):
        baseline.raise_floors({"events.f1": 0.8}, {"events.f1": 0.7})
    assert baseline.raise_floors({"events.f1": 0.8}, {"events.f1": 0.7}, allow_regression=True) == {
        "events.f1": 0.7
    }


def test_an_empty_baseline_starts_from_the_default_metrics():
    new = baseline.raise_floors({}, {"events.f1": 0.666, "fields.weapon": 1.0})
    assert new == {"events.f1": 0.66}


def test_cli_check_fails_when_a_floor_is_missed(eval_data, monkeypatch, tmp_path):
    monkeypatch.setattr(
        harness,
        "default_extract",
        lambda mode="combined": lambda text, published=None: DocumentResult(None),
    )
    floors = tmp_path / "baseline.json"
    floors.write_text(json.dumps({"floors": {"events.recall": 0.5}}))
    args = ["eval", str(eval_data / "gold"), "--no-details", "--baseline", str(floors)]
    run = CliRunner().invoke(app, [*args, "--check"])
    assert run.exit_code == 1
    # nothing found: recall 0 cannot replace the 0.5 floor without --allow-regression
    run = CliRunner().invoke(app, [*args, "--update-baseline"])
    assert run.exit_code != 0
    assert json.loads(floors.read_text())["floors"] == {"events.recall": 0.5}
