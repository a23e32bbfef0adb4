"""The map's committed boundary data: Russia's border regions are where they are on the
ground, carry the names the gazetteer gives their places, and redraw no part of Ukraine."""

from __future__ import annotations

import csv
import gzip
import itertools
import json

import pytest
import sqlalchemy as sa

from warledger import settings
from warledger.ledger.consolidate import build_event
from warledger.ledger.consolidated_schema import claims, events
from warledger.ledger.consolidated_store import claim_rows, event_row
from warledger.ledger.query import EventFilter, counts_by_oblast, event_page
from warledger.ledger.store import Store
from warledger.types import Actor, Event, Location, Mention, Span, When

REGIONS = settings.THEATRE_DIR / "map" / "ru_border_regions.geojson"


def _regions() -> dict[str, list]:
    data = json.loads(REGIONS.read_text(encoding="utf-8"))
    return {f["properties"]["name"]: f["geometry"]["coordinates"] for f in data["features"]}


def _inside(lat: float, lon: float, polygons: list) -> bool:
    """Even-odd rule over every ring, so a hole (Adygea in Krasnodar Krai) is outside."""
    hit = False
    for polygon in polygons:
        for ring in polygon:
            for (x0, y0), (x1, y1) in itertools.pairwise(ring):
                if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                    hit = not hit
    return hit


# Administrative centres (GeoNames coordinates), each inside its own region only.
CENTRES = {
    "Kursk Oblast": (51.73, 36.19),
    "Belgorod Oblast": (50.60, 36.58),
    "Bryansk Oblast": (53.27, 34.32),
    "Voronezh Oblast": (51.67, 39.19),
    "Rostov Oblast": (47.24, 39.71),
    "Krasnodar Krai": (45.05, 38.98),
    "Republic of Adygea": (44.61, 40.10),  # Maykop
}
# Places of Ukraine, including Crimea and occupied Donetsk: in none of Russia's regions.
UKRAINE = {
    "Kharkiv": (49.99, 36.23),
    "Sumy": (50.91, 34.80),
    "Chernihiv": (51.50, 31.29),
    "Luhansk": (48.57, 39.31),
    "Donetsk": (48.02, 37.80),
    "Mariupol": (47.10, 37.55),
    "Simferopol": (44.95, 34.10),
    "Kerch": (45.36, 36.47),
}


def test_the_border_regions_are_all_there_with_an_outline() -> None:
    assert set(_regions()) == set(CENTRES)


@pytest.mark.parametrize("name", sorted(CENTRES))
def test_each_region_holds_its_centre_and_no_other(name: str) -> None:
    regions = _regions()
    lat, lon = CENTRES[name]
    holding = [region for region, polygons in regions.items() if _inside(lat, lon, polygons)]
    assert holding == [name]


@pytest.mark.parametrize("place", sorted(UKRAINE))
def test_no_place_of_ukraine_lies_in_a_russian_region(place: str) -> None:
    lat, lon = UKRAINE[place]
    assert not [r for r, polygons in _regions().items() if _inside(lat, lon, polygons)]


def test_coordinates_are_rounded_as_the_countries_file() -> None:
    for polygons in _regions().values():
        for polygon in polygons:
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4
                assert all(round(v, 2) == v for point in ring for v in point)


def test_region_names_are_the_gazetteers_admin1_names() -> None:
    """A click on a region filters by its name: the name places in it carry as admin1."""
    path = settings.THEATRE_DIR / "gazetteer" / "world.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        admin1 = {row["admin1"] for row in csv.DictReader(fh) if row["country"] == "RU"}
    assert set(_regions()) <= admin1


def _event(n: int, place: Location) -> object:
    sentence = f"Drones struck {place.name}."
    event = Event(
        kind="strike",
        actor=Actor(None, "UA", "state"),
        locations=[place],
        date=When("2025-03-10", "2025-03-10", "day"),
        evidence=[Span(0, len(sentence), sentence)],
    )
    return build_event(f"e-m{n}", [Mention(f"d-m{n}:0", f"d-m{n}", event, "example.org", None)])


def test_a_region_name_filters_and_counts_the_events_in_it(store_url: str) -> None:
    sudzha = Location("Sudzha", "Kursk Oblast", "RU", 51.19, 35.27, "settlement")
    kharkiv = Location("Kharkiv", "Kharkiv Oblast", "UA", 49.99, 36.23, "settlement")
    built = [_event(1, sudzha), _event(2, kharkiv)]
    with Store.open(store_url) as store:
        with store.engine.begin() as conn:
            conn.execute(sa.insert(events), [event_row(e) for e in built])
            conn.execute(sa.insert(claims), [r for e in built for r in claim_rows(e)])
        f = EventFilter(oblast="Kursk Oblast")
        page = event_page(store.engine, f, limit=10, offset=0)
        assert [e.event_id for e in page.items] == ["e-m1"]
        assert counts_by_oblast(store.engine, EventFilter()) == {
            "Kursk Oblast": 1,
            "Kharkiv Oblast": 1,
        }
