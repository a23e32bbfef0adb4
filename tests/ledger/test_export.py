"""Export writers: JSON Lines results, one CSV row per mention, GeoJSON of located mentions."""

from __future__ import annotations

import csv
import io
import json
from types import SimpleNamespace

import pytest

from warledger.ledger.export import (
    export,
    feature_collection,
    write_csv,
    write_jsonl,
)
from warledger.ledger.store import MENTION_FIELDS, Store
from warledger.types import DocumentResult, Event, Location, Mention


def test_csv_cells_are_plain_text_with_json_for_lists() -> None:
    out = io.StringIO()
    rows = [{"kind": "strike", "negated": False, "counts": {"killed": 2}, "admin1": None}]
    assert write_csv(rows, out, ["kind", "negated", "counts", "admin1"]) == 1
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert parsed == [
        {"kind": "strike", "negated": "false", "counts": '{"killed":2}', "admin1": ""}
    ]


def test_geojson_keeps_only_mentions_with_coordinates_in_lon_lat_order() -> None:
    located = Mention(
        "d-1:0",
        "d-1",
        Event(
            kind="strike",
            locations=[
                Location("Pokrovsk area", precision="region"),
                Location("Sumy", "Sumy Oblast", "UA", 50.9077, 34.7981, "settlement"),
            ],
        ),
    )
    unresolved = Mention("d-1:1", "d-1", Event(kind="strike", locations=[Location("Nowhere")]))
    collection = feature_collection([located, unresolved])
    assert [f["id"] for f in collection["features"]] == ["d-1:0"]
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [34.7981, 50.9077]}
    assert feature["properties"]["place"] == "Sumy"
    assert feature["properties"]["admin1"] == "Sumy Oblast"


@pytest.fixture
def ledger(store: Store, samples: SimpleNamespace) -> Store:
    for text, result in (
        (samples.STRIKE_TEXT, samples.strike_result),
        (samples.TALKS_TEXT, samples.talks_result),
    ):
        doc = samples.make_document(text, url=f"https://example.org/{len(text)}")
        store.add_document(doc)
        store.save_extraction(doc.doc_id, result(doc), extractor_version="v1")
    return store


def test_jsonl_export_is_one_ledger_schema_result_per_document(ledger: Store) -> None:
    out = io.StringIO()
    assert export(ledger, "jsonl", out) == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    by_kinds = {tuple(e["kind"] for e in doc["events"]): doc for doc in lines}
    assert set(by_kinds) == {("strike", "strike"), ("talks",)}
    talks = by_kinds[("talks",)]
    assert talks["positions"][0]["stance"] == "no_recognition"
    assert talks["source"] == "example.org"
    assert talks["language"] == "en"
    for key in ("doc_id", "url", "title", "published"):
        assert key in talks


def test_csv_export_is_one_row_per_mention(ledger: Store) -> None:
    out = io.StringIO()
    assert export(ledger, "csv", out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == MENTION_FIELDS
    kharkiv = [r for r in rows if r["place_name"] == "Kharkiv"]
    assert len(kharkiv) == 1
    assert (kharkiv[0]["killed"], kharkiv[0]["weapon"], kharkiv[0]["admin1"]) == (
        "2",
        "drone",
        "Kharkiv Oblast",
    )


def test_geojson_export_has_the_one_located_mention(ledger: Store) -> None:
    out = io.StringIO()
    # Only the Kharkiv strike has coordinates (Istanbul is unresolved, the
    # interception names no place).
    assert export(ledger, "geojson", out) == 1
    collection = json.loads(out.getvalue())
    props = collection["features"][0]["properties"]
    assert (props["kind"], props["date"], props["counts"]) == (
        "strike",
        "2025-05-16",
        {"killed": 2},
    )
    assert props["evidence"].startswith("Russian drones struck Kharkiv overnight")


def test_unknown_format_is_refused(ledger: Store) -> None:
    with pytest.raises(ValueError, match="xml"):
        export(ledger, "xml", io.StringIO())


def test_jsonl_writes_mentions_with_their_event() -> None:
    out = io.StringIO()
    mention = Mention("d-2:0", "d-2", Event(kind="aid", subtype="pledged"), source="voa")
    write_jsonl([mention], out)
    line = json.loads(out.getvalue())
    assert (line["mention_id"], line["source"], line["event"]["subtype"]) == (
        "d-2:0",
        "voa",
        "pledged",
    )


def test_export_keeps_one_theatre_when_asked_and_everything_otherwise(
    store: Store, samples: SimpleNamespace
) -> None:
    text = "Russian drones hit Sumy. Separately, RSF fighters shelled El Fasher in Sudan."
    doc = samples.make_document(text)
    sumy = Location("Sumy", "Sumy Oblast", "UA", 50.9077, 34.7981, "settlement")
    el_fasher = Location("El Fasher", None, "SD", 13.63, 25.35, "settlement")
    result = DocumentResult(
        doc_id=doc.doc_id,
        language="en",
        events=[
            Event(kind="strike", locations=[sumy], country="UA", theatre="russia-ukraine"),
            Event(kind="strike", locations=[el_fasher], country="SD", theatre=None),
        ],
    )
    store.add_document(doc)
    store.save_extraction(doc.doc_id, result, extractor_version="v1")

    def written(fmt: str, theatre: str | None) -> str:
        out = io.StringIO()
        export(store, fmt, out, theatre=theatre)
        return out.getvalue()

    only = json.loads(written("jsonl", "russia-ukraine"))
    assert [e["locations"][0]["name"] for e in only["events"]] == ["Sumy"]
    whole = json.loads(written("jsonl", "all"))
    assert [e["locations"][0]["name"] for e in whole["events"]] == ["Sumy", "El Fasher"]
    assert [
        r["place_name"] for r in csv.DictReader(io.StringIO(written("csv", "russia-ukraine")))
    ] == ["Sumy"]
    assert len(list(csv.DictReader(io.StringIO(written("csv", None))))) == 2
    features = json.loads(written("geojson", "russia-ukraine"))["features"]
    assert [f["properties"]["place"] for f in features] == ["Sumy"]
