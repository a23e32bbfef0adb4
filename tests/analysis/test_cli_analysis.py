"""``warledger ceasefires``, ``talks``, ``positions`` and ``analyze …`` through the real CLI
on a small SQLite ledger built from hand-written documents and their extraction results."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warledger.errors import UsageError
from warledger.interfaces.cli.app import app
from warledger.ledger.consolidated_store import run_consolidation
from warledger.ledger.snapshot import create_snapshot
from warledger.ledger.store import Store
from warledger.types import Actor, Document, DocumentResult, Event, Position, Span, When

runner = CliRunner()

TRUCE = "Putin declared an Easter truce lasting 30 hours from Saturday."
INSIDE = "Ukraine accused Russia of violating the Easter truce on Sunday."
OUTSIDE = "Ukraine accused Russia of violating a ceasefire on Friday."
EARLY = "Zelenskyy said Ukraine would never recognise occupied land."
LATER = "Zelenskyy said Ukraine could accept freezing the front line."


def _save(store: Store, text: str, source: str, published: str, events=(), positions=()):
    digest = hashlib.sha256(text.encode()).hexdigest()
    doc = Document(
        doc_id=f"d-{digest[:16]}",
        text=text,
        content_hash=digest,
        origin=f"{source}.txt",
        url=f"https://{source}.example/{digest[:6]}",
        published=published,
        source=source,
        language="en",
    )
    store.add_document(doc)
    result = DocumentResult(
        doc_id=doc.doc_id, published=published, events=list(events), positions=list(positions)
    )
    store.save_extraction(doc.doc_id, result, extractor_version="test")


def _whole(text: str) -> list[Span]:
    return [Span(0, len(text), text)]


def _day(iso: str) -> When:
    return When(iso, iso, "day")


def _allegation(text: str, day: str) -> Event:
    return Event(
        kind="ceasefire",
        subtype="violation_alleged",
        target=Actor("Russia", "RU", "state"),
        claimant=Actor("Ukraine", "UA", "state"),
        date=_day(day),
        evidence=_whole(text),
    )


def _position(text: str, stance: str, day: str) -> Position:
    return Position(
        party=Actor("Volodymyr Zelenskyy", "UA", "person"),
        issue="territory",
        stance=stance,
        date=_day(day),
        evidence=_whole(text),
    )


@pytest.fixture
def ledger(tmp_path: Path) -> str:
    path = tmp_path / "ledger.db"
    with Store.open(f"sqlite:///{path}") as store:
        truce = Event(
            kind="ceasefire",
            subtype="declared",
            actor=Actor("Vladimir Putin", "RU", "person"),
            date=_day("2025-04-19"),
            duration="PT30H",
            name="Easter truce",
            evidence=_whole(TRUCE),
        )
        _save(store, TRUCE, "wire", "2025-04-19T10:00:00Z", events=[truce])
        _save(
            store,
            INSIDE,
            "wire",
            "2025-04-20T10:00:00Z",
            events=[_allegation(INSIDE, "2025-04-20")],
        )
        _save(
            store,
            OUTSIDE,
            "herald",
            "2025-04-26T10:00:00Z",
            events=[_allegation(OUTSIDE, "2025-04-25")],
        )
        _save(
            store,
            EARLY,
            "herald",
            "2025-03-01T10:00:00Z",
            positions=[_position(EARLY, "no_recognition", "2025-03-01")],
        )
        _save(
            store,
            LATER,
            "wire",
            "2025-05-10T10:00:00Z",
            positions=[_position(LATER, "freeze_front_line", "2025-05-10")],
        )
        run_consolidation(store)
    return str(path)


def _json(args: list[str]) -> dict:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ceasefires_attach_only_the_allegation_inside_the_truce(ledger: str) -> None:
    out = _json(["ceasefires", "--json", "--db", ledger])
    [cf] = out["ceasefires"]
    assert (cf["name"], cf["declarers"], cf["start"], cf["end"]) == (
        "Easter truce",
        ["RU"],
        "2025-04-19",
        "2025-04-21",
    )
    assert [(v["accuser"], v["accused"], v["allegations"]) for v in cf["violations"]] == [
        ("UA", "RU", 1)
    ]
    assert [a["evidence"] for a in out["unattached_allegations"]] == [OUTSIDE]
    assert out["data"]["snapshot_id"] is None and len(out["data"]["content_hash"]) == 64

    table = runner.invoke(app, ["ceasefires", "--db", ledger])
    assert table.exit_code == 0 and "Easter" in table.stdout


def test_positions_show_the_latest_stance_and_the_history(ledger: str) -> None:
    out = _json(["positions", "--history", "--json", "--db", ledger])
    [cell] = out["cells"]
    assert (cell["party"], cell["stance"], cell["date"]) == (
        "UA",
        "freeze_front_line",
        "2025-05-10",
    )
    assert [h["stance"] for h in cell["history"]] == ["no_recognition", "freeze_front_line"]
    assert cell["history"][0]["evidence"] == EARLY


def test_analyses_on_a_snapshot_name_it_and_do_not_move_when_the_ledger_does(
    ledger: str, tmp_path: Path
) -> None:
    with Store.open(f"sqlite:///{ledger}") as store:
        snapshot_id = create_snapshot(store).snapshot_id
    chart = tmp_path / "timeline.png"
    args = ["analyze", "timeline", "--snapshot", snapshot_id, "--json", "--db", ledger]
    first = _json([*args, "--chart", str(chart)])
    assert first["data"]["snapshot_id"] == snapshot_id
    assert first["totals"]["kind"] == {"ceasefire": 3}
    assert chart.exists() and chart.stat().st_size > 1000

    with Store.open(f"sqlite:///{ledger}") as store:
        extra = "Russian drones struck Kharkiv on Monday."
        strike = Event(
            kind="strike",
            actor=Actor("Russia", "RU", "state"),
            date=_day("2025-04-21"),
            evidence=_whole(extra),
        )
        _save(store, extra, "wire", "2025-04-21T10:00:00Z", events=[strike])
        run_consolidation(store)
    assert _json(args) == first
    live = _json(["analyze", "timeline", "--json", "--db", ledger])
    assert live["totals"]["kind"] == {"ceasefire": 3, "strike": 1}


def test_diplomacy_is_reproducible_and_warns_on_a_small_sample(ledger: str) -> None:
    args = ["analyze", "diplomacy", "--json", "--permutations", "200", "--db", ledger]
    a, b = _json(args), _json(args)
    assert a == b
    assert a["n_diplomatic_days"] == 1 and a["verdict"] is None
    assert "too few" in a["warning"]


def test_compliance_and_coverage_tables_and_charts(ledger: str, tmp_path: Path) -> None:
    svg = tmp_path / "compliance.svg"
    result = runner.invoke(app, ["analyze", "compliance", "--chart", str(svg), "--db", ledger])
    assert result.exit_code == 0, result.output
    assert "Easter" in result.stdout
    assert svg.read_text().lstrip().startswith("<?xml")

    coverage = _json(["analyze", "coverage", "--json", "--db", ledger])
    totals = {s["source"]: s["total"] for s in coverage["sources"]}
    assert totals == {"herald": 2, "wire": 3}
    assert coverage["as_of"] == "2025-05-10"


def test_a_chart_in_another_format_is_a_usage_error(ledger: str, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["analyze", "coverage", "--chart", str(tmp_path / "c.jpg"), "--db", ledger]
    )
    assert isinstance(result.exception, UsageError)
    assert result.exception.exit_code == 2
    assert "c.jpg" in result.exception.message
