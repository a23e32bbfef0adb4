"""Map and timeline geometry, and the page cache: pure functions checked on their own."""

from __future__ import annotations

import time
from datetime import date

from warledger.interfaces.api.cache import PageCache
from warledger.interfaces.api.derived import Window
from warledger.interfaces.web.charts import (
    choropleth_class,
    map_layers,
    outline,
    point_radius,
    timeline_layers,
)


def test_projection_keeps_geography() -> None:
    project = outline().projection
    lviv, kharkiv = project(24.03, 49.84), project(36.23, 49.99)
    kyiv, odesa = project(30.52, 50.45), project(30.72, 46.48)
    assert lviv[0] < kyiv[0] < kharkiv[0]  # west to east
    assert kyiv[1] < odesa[1]  # north is up
    assert len(outline().oblasts) == 27  # 24 oblasts, Crimea, Kyiv and Sevastopol cities


def test_points_need_coordinates_inside_the_map() -> None:
    rows = [
        {"event_id": "a", "kind": "strike", "lat": 49.99, "lon": 36.23, "killed": 3, "injured": 0},
        {
            "event_id": "b",
            "kind": "strike",
            "lat": None,
            "lon": None,
            "killed": None,
            "injured": None,
        },
        {
            "event_id": "c",
            "kind": "talks",
            "lat": 41.01,
            "lon": 28.98,
            "killed": None,
            "injured": None,
        },
    ]
    layers = map_layers(rows, {"Kharkiv Oblast": 1})
    assert [p["event_id"] for p in layers["points"]] == ["a"]
    assert layers["unplaced"] == 2
    shaded = {s["name"] for s in layers["shapes"] if s["count"]}
    assert shaded == {"Kharkiv Oblast"}


def test_sizes_and_shades_grow_with_numbers() -> None:
    assert point_radius(None, None) == point_radius(0, 0) < point_radius(3, 10)
    assert point_radius(10_000, 0) == 16.0  # capped: one huge event must not hide the map
    assert choropleth_class(0, 10) == 0
    assert 1 <= choropleth_class(1, 100) < choropleth_class(100, 100) == 5


def test_timeline_spans_events_and_ceasefire_windows() -> None:
    window = Window("e-1", date(2025, 3, 18), date(2025, 4, 16), "energy P30D")
    layers = timeline_layers(
        {"2025-03-10": {"strike": 2, "talks": 1}}, [window], [("e-2", "2025-03-14", "talks")]
    )
    assert layers["first"] == "2025-03-10" and layers["last"] == "2025-04-16"
    assert {b["kind"]: b["n"] for b in layers["bars"]} == {"strike": 2, "talks": 1}
    assert len(layers["bands"]) == 1 and len(layers["talks"]) == 1
    assert layers["bands"][0]["x"] > layers["talks"][0]["x"]  # 18 March is after 14 March
    assert timeline_layers({}, [], []) is None


def test_page_cache_expires_and_clears() -> None:
    cache = PageCache(ttl=0.05)
    cache.put("k", b"v")
    assert cache.get("k") == b"v"
    time.sleep(0.08)
    assert cache.get("k") is None
    cache.put("k", b"v")
    cache.clear()
    assert cache.get("k") is None
    off = PageCache(ttl=0)
    off.put("k", b"v")
    assert off.get("k") is None
