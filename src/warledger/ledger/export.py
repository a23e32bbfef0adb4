"""Writers for the ledger's export formats: JSON Lines, CSV and GeoJSON.

Each writer is a pure function of the records it is given and the text stream it writes
to, so the CLI, the API and tests share them; ``export`` only picks what to read from a
store for each format.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from warledger.ledger.store import MENTION_FIELDS, Store
from warledger.ledger.theatre import ALL_THEATRES
from warledger.types import DocumentResult, Location, Mention

FORMATS = ("jsonl", "csv", "geojson")


def mention_to_dict(mention: Mention) -> dict[str, Any]:
    """A mention as JSON: where it was reported, and the ledger-schema event."""
    return {
        "mention_id": mention.mention_id,
        "doc_id": mention.doc_id,
        "source": mention.source,
        "url": mention.url,
        "published": mention.published,
        "event": mention.event.to_dict(),
    }


def write_jsonl(
    records: Iterable[DocumentResult | Mention | Mapping[str, Any]], out: TextIO
) -> int:
    """One JSON object per line (document results, mentions or plain dicts); returns the
    number of lines written."""
    n = 0
    for record in records:
        if isinstance(record, DocumentResult):
            data: Mapping[str, Any] = record.to_dict()
        elif isinstance(record, Mention):
            data = mention_to_dict(record)
        else:
            data = record
        out.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def csv_value(value: Any) -> Any:
    """A cell: lists and objects as compact JSON, booleans as true/false, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO, fields: Sequence[str]) -> int:
    """A header and one line per row, columns in ``fields`` order; returns the row count."""
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: csv_value(row.get(k)) for k in fields})
        n += 1
    return n


def _located(mention: Mention) -> Location | None:
    """The first of the event's places that the gazetteer gave coordinates to."""
    for location in mention.event.locations:
        if location.lat is not None and location.lon is not None:
            return location
    return None


def mention_feature(mention: Mention) -> dict[str, Any] | None:
    """A GeoJSON point feature for a mention, or None when it has no coordinates."""
    place = _located(mention)
    if place is None:
        return None
    event = mention.event
    return {
        "type": "Feature",
        "id": mention.mention_id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "mention_id": mention.mention_id,
            "doc_id": mention.doc_id,
            "kind": event.kind,
            "subtype": event.subtype,
            "date": event.date.start,
            "date_end": event.date.end,
            "place": place.name,
            "admin1": place.admin1,
            "country": place.country,
            "precision": place.precision,
            "counts": {k: c.value for k, c in event.counts.items()},
            "evidence": " … ".join(span.text for span in event.evidence),
            "source": mention.source,
            "url": mention.url,
        },
    }


def feature_collection(mentions: Iterable[Mention]) -> dict[str, Any]:
    """The mentions that have coordinates, as a GeoJSON FeatureCollection."""
    features = [f for f in (mention_feature(m) for m in mentions) if f is not None]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(mentions: Iterable[Mention], out: TextIO) -> int:
    """Write the FeatureCollection; returns the number of features."""
    collection = feature_collection(mentions)
    json.dump(collection, out, ensure_ascii=False)
    out.write("\n")
    return len(collection["features"])


def export(store: Store, fmt: str, out: TextIO, theatre: str | None = None) -> int:
    """Write the ledger from ``store`` in ``fmt``; returns the number of records.

    jsonl: one ledger-schema result per extracted document; csv: one row per mention;
    geojson: the mentions that have coordinates. ``theatre`` keeps one theatre's events,
    as the other views do (``None`` or ``"all"``: every event, the whole ledger).
    """
    scope = None if theatre in (None, ALL_THEATRES) else theatre
    if fmt == "jsonl":
        return write_jsonl(store.document_results(theatre=scope), out)
    if fmt == "csv":
        return write_csv(store.mention_rows(theatre=scope), out, MENTION_FIELDS)
    if fmt == "geojson":
        return write_geojson(store.mentions(theatre=scope), out)
    raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
