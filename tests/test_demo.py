"""The bundled demo is about the Russia–Ukraine war and carries its licences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warledger.interfaces.cli.app import app
from warledger.settings import DEMO_CORPUS, DEMO_DIR

runner = CliRunner()


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_demo_corpus_is_the_war_in_2025_with_its_licences():
    wiki, voa = DEMO_CORPUS
    days = _records(wiki)
    assert len(days) == 171
    assert all(d["published"].startswith("2025-") for d in days)
    assert all(d["licence"].startswith("CC BY-SA 4.0") for d in days)
    portal = "https://en.wikipedia.org/wiki/Portal:Current_events/"
    assert all(d["url"].startswith(portal) for d in days)
    stories = _records(voa)
    assert [s["id"] for s in stories] == [
        "8010842", "8010030", "8008456", "8007271", "8005899", "7677701"
    ]  # fmt: skip
    notice = (DEMO_DIR / "LICENSE-CC-BY-SA-4.0.txt").read_text(encoding="utf-8")
    assert wiki.name in notice and "ShareAlike" in notice
    readme = (DEMO_DIR / "README.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in readme and "public domain" in readme


def test_about_and_readme_credit_wikipedia_under_cc_by_sa():
    out = runner.invoke(app, ["about"]).output
    assert "Wikipedia contributors" in out and "CC BY-SA 4.0" in out
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "Wikipedia contributors" in readme and "CC BY-SA 4.0" in readme


@pytest.mark.model
def test_demo_builds_a_ledger_of_this_war(tmp_path: Path):
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.db"), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output[result.output.index("{") :])
    assert summary["ingest"]["new"] == 171 + 6
    assert summary["stats"]["extracted_documents"] == 177
    # The busiest places are Ukrainian (the old demo's were Balochistan, Beledweyne, ...).
    top = summary["stats"]["top_places"][:5]
    assert top[0]["place"] == "Kyiv"  # the capital's barrages lead the year by far
    # Each is an oblast's place or one of the two countries (ties make the order loose).
    assert all(row["admin1"] or row["place"] in {"Ukraine", "Russia"} for row in top), top
