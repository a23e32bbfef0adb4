"""`warledger train detector` end to end on the synthetic annotated corpus (tiny, fast)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warledger.interfaces.cli.app import app
from warledger.nlp.detector import load_detector
from warledger.training.examples import LABELS

DATA = Path(__file__).resolve().parent.parent / "data" / "eval_splits"


def train(out: Path) -> None:
    args = ["train", "detector", "--gold-root", str(DATA / "gold"), "--corpus"]
    args += [str(DATA / "corpus"), "--out", str(out), "--arch", "bow", "--epochs", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output


@pytest.mark.model
def test_training_writes_a_loadable_detector_with_its_thresholds(tmp_path: Path) -> None:
    train(tmp_path / "a")
    meta = json.loads((tmp_path / "a" / "meta.json").read_text())
    assert meta["labels"] == list(LABELS)
    # the train split is one day-document: two headings, two items, and each item's
    # cited outlet "(Example Wire)" standing after its full stop: six sentences
    assert meta["train_sentences"] == 6
    assert set(meta["thresholds"]) == {"drop_below", "add_above", "not_asserted_above"}
    load_detector.cache_clear()
    detector = load_detector(str(tmp_path / "a"))
    assert detector is not None
    (scores,) = detector.scores(["Drones struck a depot."])
    assert set(scores) == set(LABELS)
    assert all(0.0 <= p <= 1.0 for p in scores.values())


@pytest.mark.model
def test_the_same_data_and_seed_train_the_same_weights(tmp_path: Path) -> None:
    train(tmp_path / "a")
    train(tmp_path / "b")
    a = (tmp_path / "a" / "model.bin").read_bytes()
    assert a == (tmp_path / "b" / "model.bin").read_bytes()
