"""``warledger events``, ``export`` and ``stats`` through the real CLI, on both backends."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warledger.errors import UsageError
from warledger.interfaces.cli.app import app
from warledger.ledger.store import Store
from warledger.types import (
    Actor,
    Count,
    Document,
    DocumentResult,
    Event,
    Location,
    Position,
    Span,
    When,
)

runner = CliRunner()

STRIKE = "Russian missiles hit an energy facility in Odesa on Tuesday, injuring three workers."
TALKS = "The Kremlin said talks with Ukraine in Istanbul were postponed. Moscow rejects NATO."
SUDAN = "Drones struck a market in El Fasher, Sudan, on Monday, killing 12 people."


def _document(text: str, source: str) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(
        doc_id=f"d-{digest[:16]}",
        text=text,
        content_hash=digest,
        origin=f"{source}.txt",
        url=f"https://{source}/story",
        source=source,
        published="2025-06-04",
        language="en",
    )


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


@pytest.fixture
def ledger(store_url: str) -> str:
    """Two documents read by hand: an Odesa strike (2025-06-03) and postponed talks."""
    strike_doc, talks_doc = _document(STRIKE, "one.example"), _document(TALKS, "two.example")
    strike = Event(
        kind="strike",
        actor=Actor("Russia", "RU", "state"),
        locations=[Location("Odesa", "Odesa Oblast", "UA", 46.4825, 30.7233, "settlement")],
        date=When("2025-06-03", "2025-06-03", "day", "on Tuesday"),
        weapon="missile",
        target_kind=["energy"],
        counts={"injured": Count(3, text="three")},
        evidence=[_span(STRIKE, STRIKE)],
        country="UA",
        theatre="russia-ukraine",
    )
    talks = Event(
        kind="talks",
        subtype="postponed",
        participants=[Actor("Russia", "RU", "state"), Actor("Ukraine", "UA", "state")],
        locations=[Location("Istanbul", None, "TR", None, None, "settlement")],
        claimant=Actor("Kremlin", "RU", "government"),
        evidence=[_span(TALKS, "The Kremlin said talks with Ukraine in Istanbul were postponed.")],
        country="TR",
        theatre="russia-ukraine",
    )
    nato = Position(
        party=Actor("Russia", "RU", "government"),
        issue="nato_membership",
        stance="veto",
        evidence=[_span(TALKS, "Moscow rejects NATO.")],
    )
    with Store.open(store_url) as store:
        for doc, result in (
            (strike_doc, DocumentResult(doc_id=strike_doc.doc_id, events=[strike])),
            (talks_doc, DocumentResult(doc_id=talks_doc.doc_id, events=[talks], positions=[nato])),
        ):
            store.add_document(doc)
            store.save_extraction(doc.doc_id, result, extractor_version="test")
    return store_url


@pytest.fixture
def two_wars(ledger: str) -> str:
    """The same ledger plus a strike of another war (Sudan), which the extractor labels
    with no theatre."""
    doc = _document(SUDAN, "three.example")
    strike = Event(
        kind="strike",
        weapon="drone",
        locations=[Location("El Fasher", None, "SD", None, None, "settlement")],
        date=When("2025-06-02", "2025-06-02", "day", "on Monday"),
        counts={"killed": Count(12, text="12")},
        evidence=[_span(SUDAN, SUDAN)],
        country="SD",
        theatre=None,
    )
    with Store.open(ledger) as store:
        store.add_document(doc)
        store.save_extraction(
            doc.doc_id, DocumentResult(doc_id=doc.doc_id, events=[strike]), extractor_version="test"
        )
    return ledger


def test_events_default_to_the_theatre_and_say_what_they_leave_out(two_wars: str) -> None:
    shown = runner.invoke(app, ["events", "--db", two_wars, "--format", "csv"])
    assert shown.exit_code == 0, shown.output
    rows = list(csv.DictReader(io.StringIO(shown.stdout)))
    assert sorted(r["kind"] for r in rows) == ["strike", "talks"]  # Odesa and Istanbul
    assert "El Fasher" not in shown.stdout
    assert "1 mentions outside the theatre left out" in shown.stderr
    every = runner.invoke(app, ["events", "--db", two_wars, "--format", "csv", "--theatre", "all"])
    places = sorted(r["place_name"] for r in csv.DictReader(io.StringIO(every.stdout)))
    assert places == ["El Fasher", "Istanbul", "Odesa"]
    assert "left out" not in every.stderr


def test_events_table_shows_date_kind_place_and_counts(ledger: str) -> None:
    result = runner.invoke(app, ["events", "--db", ledger, "--kind", "strike"])
    assert result.exit_code == 0, result.output
    assert "2025-06-03" in result.output
    assert "Odesa" in result.output
    assert "injured 3" in result.output
    assert "talks" not in result.output


def test_events_jsonl_filters_by_place_and_date(ledger: str) -> None:
    args = ["events", "--db", ledger, "--format", "jsonl", "--place", "odesa oblast"]
    result = runner.invoke(app, [*args, "--from", "2025-06-01", "--to", "2025-06-30"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [(x["event"]["kind"], x["source"]) for x in lines] == [("strike", "one.example")]
    # The talks mention has no date, so a date range leaves it out; so does --place.
    later = runner.invoke(app, [*args, "--from", "2025-06-04"])
    assert later.output.strip() == ""


def test_events_csv_by_side(ledger: str) -> None:
    result = runner.invoke(app, ["events", "--db", ledger, "--format", "csv", "--side", "RU"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    # Only the strike has an actor side (RU); the talks list RU as a participant only.
    assert [(r["kind"], r["actor_side"], r["injured"]) for r in rows] == [("strike", "RU", "3")]


def test_events_rejects_an_unknown_kind_and_a_bad_date(ledger: str) -> None:
    bad_kind = runner.invoke(app, ["events", "--db", ledger, "--kind", "bombing"])
    assert isinstance(bad_kind.exception, UsageError)
    assert "bombing" in bad_kind.exception.message
    bad_date = runner.invoke(app, ["events", "--db", ledger, "--from", "June 3"])
    assert isinstance(bad_date.exception, UsageError)


def test_reading_a_missing_sqlite_ledger_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, ["stats", "--db", str(missing)])
    assert isinstance(result.exception, UsageError)
    assert not missing.exists()


def test_export_jsonl_to_a_file(ledger: str, tmp_path: Path) -> None:
    target = tmp_path / "ledger.jsonl"
    result = runner.invoke(app, ["export", "--db", ledger, "--output", str(target)])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    by_source = {d["source"]: d for d in docs}
    assert set(by_source) == {"one.example", "two.example"}
    talks = by_source["two.example"]
    assert talks["events"][0]["subtype"] == "postponed"
    assert talks["positions"][0] == {
        "party": {"name": "Russia", "side": "RU", "type": "government"},
        "issue": "nato_membership",
        "stance": "veto",
        "date": {"start": None, "end": None, "precision": "unknown", "text": None},
        "evidence": [{"start": 64, "end": 84, "text": "Moscow rejects NATO."}],
        "confidence": 0.5,
    }


def test_export_geojson_to_stdout_has_only_located_events(ledger: str) -> None:
    result = runner.invoke(app, ["export", "--db", ledger, "--format", "geojson"])
    assert result.exit_code == 0, result.output
    collection = json.loads(result.output)
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["geometry"]["coordinates"] == [30.7233, 46.4825]
    assert feature["properties"]["counts"] == {"injured": 3}


def test_export_csv_has_one_row_per_mention(ledger: str) -> None:
    result = runner.invoke(app, ["export", "--db", ledger, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert sorted(r["kind"] for r in rows) == ["strike", "talks"]


def test_stats_json(ledger: str) -> None:
    result = runner.invoke(app, ["stats", "--db", ledger, "--json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert (stats["documents"], stats["copies"], stats["mentions"], stats["positions"]) == (
        2,
        2,
        2,
        1,
    )
    assert stats["mentions_by_kind"] == {"strike": 1, "talks": 1}


def test_stats_table(ledger: str) -> None:
    result = runner.invoke(app, ["stats", "--db", ledger])
    assert result.exit_code == 0, result.output
    assert "documents" in result.output
    assert "Odesa" in result.output


def test_version() -> None:
    from warledger import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"warledger {__version__}"
