"""Writers for consolidated events: JSON Lines, ACLED-like CSV, GeoJSON, Parquet.

Pure functions of the events (no store access), so the CLI, the API and tests share
them. Unknown values stay empty: a CSV ``fatalities`` cell is blank when no claim gives
a death toll (ACLED would write 0; here 0 means somebody reported zero), and GeoJSON
leaves out events whose place has no coordinates rather than placing them anywhere.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from warledger.ledger.consolidate import ConsolidatedEvent
from warledger.ledger.summary import negated_claims, summarise
from warledger.ledger.theatre import event_theatre
from warledger.types import SCHEMA_VERSION, Actor

# ACLED's column names where the meaning is the same, then warledger's own.
CSV_COLUMNS = (
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "summary",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "notes",
    "sources",
    "country",
    "date_precision",
    "injured",
    "n_sources",
    "n_claimants",
    "contradiction",
    "first_reported",
    "negated_claims",
    "theatre",
)

PARQUET_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("event_date", pa.string()),
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        ("summary", pa.string()),
        ("actor1", pa.string()),
        ("actor2", pa.string()),
        ("admin1", pa.string()),
        ("location", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("fatalities", pa.int64()),
        ("notes", pa.string()),
        ("sources", pa.string()),
        ("country", pa.string()),
        ("date_precision", pa.string()),
        ("injured", pa.int64()),
        ("n_sources", pa.int64()),
        ("n_claimants", pa.int64()),
        ("contradiction", pa.bool_()),
        ("first_reported", pa.string()),
        ("negated_claims", pa.int64()),
        ("theatre", pa.string()),
        ("data", pa.string()),  # the full event with its claims, as JSON
    ]
)


def event_record(event: ConsolidatedEvent) -> dict[str, Any]:
    """The JSON Lines record: the ledger-schema event, its claims, the schema version,
    and its one-line summary."""
    data = event.to_dict()
    return {"schema_version": SCHEMA_VERSION, **data, "summary": summarise(data)}


def write_jsonl(events: Iterable[ConsolidatedEvent], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
        n += 1
    return n


def _actor_label(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.name and actor.side:
        return f"{actor.name} ({actor.side})"
    return actor.name or actor.side


def _best(event: ConsolidatedEvent, key: str) -> int | None:
    count = event.counts.get(key)
    return count.best if count else None


def _notes(event: ConsolidatedEvent) -> str:
    """Each distinct evidence sentence once, in claim order."""
    seen: list[str] = []
    for claim in event.claims:
        for span in claim.evidence:
            if span.text not in seen:
                seen.append(span.text)
    return " | ".join(seen)


def csv_row(event: ConsolidatedEvent) -> dict[str, Any]:
    place = event.locations[0] if event.locations else None
    data = event.to_dict()
    return {
        "event_id": event.event_id,
        "event_date": event.date.start,
        "event_type": event.kind,
        "sub_event_type": event.subtype,
        "summary": summarise(data),
        "actor1": _actor_label(event.actor),
        "actor2": _actor_label(event.target),
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "fatalities": _best(event, "killed"),
        "notes": _notes(event),
        "sources": "; ".join(event.sources),
        "country": place.country if place else None,
        "date_precision": event.date.precision,
        "injured": _best(event, "injured"),
        "n_sources": event.n_sources,
        "n_claimants": event.n_claimants,
        "contradiction": bool(event.contradictions),
        "first_reported": event.first_reported,
        "negated_claims": negated_claims(data),
        "theatre": event_theatre(data),
    }


def write_csv(events: Iterable[ConsolidatedEvent], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow({k: "" if v is None else v for k, v in csv_row(event).items()})
        n += 1
    return n


def geojson_feature(event: ConsolidatedEvent) -> dict[str, Any] | None:
    """The event as a GeoJSON point, or None when its places have no coordinates."""
    place = next((loc for loc in event.locations if loc.lat is not None), None)
    if place is None or place.lon is None:
        return None
    row = csv_row(event)
    properties = {k: row[k] for k in CSV_COLUMNS if k not in ("latitude", "longitude")}
    properties["location"] = place.name
    properties["admin1"] = place.admin1
    properties["claims"] = len(event.claims)
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": properties,
    }


def to_geojson(events: Iterable[ConsolidatedEvent]) -> dict[str, Any]:
    """A FeatureCollection of the events whose (first) place has coordinates."""
    features = [f for e in events if (f := geojson_feature(e)) is not None]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: Iterable[ConsolidatedEvent], out: TextIO) -> int:
    """``to_geojson`` written feature by feature (the same text as one ``json.dump``),
    so a long export never holds every feature at once."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for event in events:
        feature = geojson_feature(event)
        if feature is None:
            continue
        out.write((", " if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("]}\n")
    return n


def to_arrow(events: Iterable[ConsolidatedEvent]) -> pa.Table:
    rows = []
    for event in events:
        row = csv_row(event)
        row["data"] = json.dumps(event.to_dict(), ensure_ascii=False)
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA)


def write_parquet(events: Iterable[ConsolidatedEvent], path: str | Path) -> int:
    table = to_arrow(events)
    pq.write_table(table, str(path))
    return table.num_rows
