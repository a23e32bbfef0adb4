"""The regression gate: the extractor on the annotated dev split must keep its floors.

`evaluation/baseline.json` holds floors measured on the dev split (and the labelled VOA
cluster set); a change that makes extraction worse fails the suite here. The floors are
raised, never silently lowered, with `warledger eval --update-baseline`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from warledger.interfaces.cli.app import app

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.model
def test_dev_split_keeps_its_floors(shared_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--split",
            "dev",
            "--gold-root",
            str(REPO / "evaluation" / "gold"),
            "--corpus",
            str(shared_dir / "corpus"),
            "--clusters",
            str(REPO / "evaluation" / "clusters" / "voa-ukraine-2025-03.json"),
            "--baseline",
            str(REPO / "evaluation" / "baseline.json"),
            "--no-details",
            "--check",
        ],
    )
    assert result.exit_code == 0, result.output[-3000:]
    assert "SUMMARY dev split" in result.output


def test_the_frozen_test_split_is_unchanged(shared_dir: Path) -> None:
    from warledger.eval.splits import verify_manifest

    assert verify_manifest(REPO / "evaluation" / "gold", shared_dir / "corpus") == []
