"""Exports of consolidated events.

Two events built by hand:
  a.com / b.com  "Russia launched 54 drones at Ukraine" / "... 45 drones ..." (one wave,
                 no coordinates, no death toll)
  c.com          "A Russian drone strike on Odesa killed two people."
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from warledger.ledger.consolidate import ConsolidatedEvent, consolidate
from warledger.ledger.export_events import (
    CSV_COLUMNS,
    to_geojson,
    write_csv,
    write_geojson,
    write_jsonl,
    write_parquet,
)
from warledger.types import Actor, Count, Event, Location, Mention, Span, When

RU = Actor("Russia", "RU", "state")
UA = Actor("Ukraine", "UA", "state")
NIGHT = When("2025-04-20", "2025-04-20", "day", "overnight")
ODESA = Location("Odesa", "Odesa Oblast", "UA", 46.48, 30.72, "settlement")
WAVE_A = "Russia launched 54 drones at Ukraine overnight."
WAVE_B = "Russia launched 45 drones at Ukraine overnight."
ODESA_TEXT = "A Russian drone strike on Odesa killed two people."


def wave(text: str, launched: int) -> Event:
    return Event(
        kind="strike",
        subtype="air_defense_engagement",
        actor=RU,
        target=UA,
        locations=[Location("Ukraine", country="UA", precision="country")],
        date=NIGHT,
        weapon="drone",
        counts={"launched": Count(launched)},
        evidence=[Span(0, len(text), text)],
    )


@pytest.fixture
def events() -> list[ConsolidatedEvent]:
    odesa = Event(
        kind="strike",
        actor=RU,
        target=UA,
        locations=[ODESA],
        date=NIGHT,
        weapon="drone",
        counts={"killed": Count(2)},
        civilian=True,
        evidence=[Span(0, len(ODESA_TEXT), ODESA_TEXT)],
    )
    mentions = [
        Mention("d-a:0", "d-a", wave(WAVE_A, 54), "a.com", "2025-04-20T07:00:00Z"),
        Mention("d-b:0", "d-b", wave(WAVE_B, 45), "b.com", "2025-04-20T08:00:00Z"),
        Mention("d-c:0", "d-c", odesa, "c.com", "2025-04-20T09:00:00Z"),
    ]
    return sorted(consolidate(mentions), key=lambda e: e.locations[0].name)


def test_jsonl_has_one_event_per_line_with_its_claims(events: list[ConsolidatedEvent]) -> None:
    out = io.StringIO()
    assert write_jsonl(events, out) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    odesa, wave_record = records
    assert odesa["schema_version"] == 1
    assert odesa["kind"] == "strike"
    assert odesa["counts"]["killed"]["best"] == 2
    assert [c["source"] for c in wave_record["claims"]] == ["a.com", "b.com"]
    assert wave_record["contradictions"] == ["launched"]
    assert wave_record["claims"][0]["evidence"][0]["text"] == WAVE_A


def test_csv_uses_acled_like_columns_and_leaves_unknowns_blank(
    events: list[ConsolidatedEvent],
) -> None:
    out = io.StringIO()
    write_csv(events, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    odesa, wave_row = rows
    assert odesa["event_date"] == "2025-04-20"
    assert odesa["event_type"] == "strike"
    assert odesa["actor1"] == "Russia (RU)"
    assert odesa["actor2"] == "Ukraine (UA)"
    assert (odesa["admin1"], odesa["location"]) == ("Odesa Oblast", "Odesa")
    assert (float(odesa["latitude"]), float(odesa["longitude"])) == (46.48, 30.72)
    assert odesa["fatalities"] == "2"
    assert odesa["notes"] == ODESA_TEXT
    assert wave_row["sub_event_type"] == "air_defense_engagement"
    assert wave_row["fatalities"] == ""  # nobody reported a toll: unknown, not zero
    assert wave_row["latitude"] == ""
    assert wave_row["sources"] == "a.com; b.com"
    assert wave_row["notes"] == f"{WAVE_A} | {WAVE_B}"
    assert wave_row["contradiction"] == "True"


def test_geojson_places_only_events_with_coordinates(events: list[ConsolidatedEvent]) -> None:
    collection = to_geojson(events)
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [30.72, 46.48]}
    assert feature["properties"]["location"] == "Odesa"
    assert feature["properties"]["fatalities"] == 2
    out = io.StringIO()
    assert write_geojson(events, out) == 1
    assert json.loads(out.getvalue()) == collection


def test_parquet_round_trips_typed_columns(events: list[ConsolidatedEvent], tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(events, path) == 2
    table = pq.read_table(path)
    assert table.column("fatalities").to_pylist() == [2, None]
    assert table.column("latitude").to_pylist() == [46.48, None]
    assert table.column("contradiction").to_pylist() == [False, True]
    wave_data = json.loads(table.column("data").to_pylist()[1])
    assert len(wave_data["claims"]) == 2
