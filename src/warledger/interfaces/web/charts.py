"""SVG geometry for the map and the timeline, computed on the server.

Drawing on the server keeps the dashboard working offline and without JavaScript, and
makes what is drawn testable as plain data. The map uses an equirectangular projection
scaled by cos(latitude) at Ukraine's centre: at this extent it is within a few per cent
of a conformal projection, and it needs no tile server.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from warledger import settings

OUTLINE = settings.THEATRE_DIR / "ua_admin1.geojson"
MAP_WIDTH = 900
PAD = 10
KIND_COLOURS = {
    "strike": "#d62728",
    "ground_combat": "#8c564b",
    "territorial_change": "#9467bd",
    "casualty_report": "#7f7f7f",
    "ceasefire": "#2ca02c",
    "talks": "#1f77b4",
    "proposal": "#17becf",
    "sanction": "#bcbd22",
    "aid": "#ff7f0e",
}
# Light sequential blues for event counts per oblast (0 = no events: pale grey), so the
# kind-coloured points stay readable on top of the darkest shade.
CHOROPLETH = ("#f3f3f3", "#e4edf6", "#c9dcee", "#a6c4e2", "#7ea8d3", "#5b8cc2")


@dataclass(frozen=True)
class Projection:
    lon0: float
    lat1: float
    kx: float
    ky: float

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return PAD + (lon - self.lon0) * self.kx, PAD + (self.lat1 - lat) * self.ky


@dataclass(frozen=True)
class Outline:
    width: int
    height: int
    projection: Projection
    oblasts: tuple[tuple[str, str, str], ...]  # (name, pcode, SVG path)


def _rings(geometry: Mapping[str, Any]) -> Iterable[list[list[float]]]:
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


@lru_cache(maxsize=1)
def outline() -> Outline:
    """The packaged oblast boundaries projected into an SVG of ``MAP_WIDTH``."""
    features = json.loads(OUTLINE.read_text(encoding="utf-8"))["features"]
    points = [p for f in features for ring in _rings(f["geometry"]) for p in ring]
    lon0, lon1 = min(p[0] for p in points), max(p[0] for p in points)
    lat0, lat1 = min(p[1] for p in points), max(p[1] for p in points)
    squash = math.cos(math.radians((lat0 + lat1) / 2))
    kx = (MAP_WIDTH - 2 * PAD) / (lon1 - lon0)
    ky = kx / squash
    proj = Projection(lon0, lat1, kx, ky)
    height = int((lat1 - lat0) * ky + 2 * PAD)
    oblasts = []
    for f in features:
        parts = []
        for ring in _rings(f["geometry"]):
            xy = [proj(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
        props = f["properties"]
        oblasts.append(
            (props.get("name_en") or props["shapeName"], props["admin1_pcode"], "".join(parts))
        )
    return Outline(MAP_WIDTH, height, proj, tuple(oblasts))


def choropleth_class(count: int, top: int) -> int:
    """0 for no events, else 1..5 on a square-root scale of the largest oblast count."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, min(5, math.ceil(5 * math.sqrt(count / top))))


def point_radius(killed: int | None, injured: int | None) -> float:
    """Area grows with casualties; events with no reported casualties stay small."""
    people = (killed or 0) + (injured or 0)
    return round(min(16.0, 4.0 + math.sqrt(people)), 1)


def map_layers(rows: Iterable[Mapping[str, Any]], counts: Mapping[str, int]) -> dict[str, Any]:
    """Oblast shapes with their fill, and one point per event that has coordinates.

    Events without coordinates are counted, not drawn: placing them at an oblast's
    centre would show a precision the sources do not give.
    """
    o = outline()
    top = max(counts.values(), default=0)
    shapes = []
    for name, pcode, path in o.oblasts:
        n = counts.get(name, 0)
        shapes.append(
            {
                "name": name,
                "pcode": pcode,
                "d": path,
                "count": n,
                "fill": CHOROPLETH[choropleth_class(n, top)],
            }
        )
    points, unplaced = [], 0
    for r in rows:
        if r["lat"] is None or r["lon"] is None:
            unplaced += 1
            continue
        x, y = o.projection(r["lon"], r["lat"])
        if not (0 <= x <= o.width and 0 <= y <= o.height):
            unplaced += 1
            continue
        points.append(
            {
                **r,
                "x": round(x, 1),
                "y": round(y, 1),
                "r": point_radius(r["killed"], r["injured"]),
                "colour": KIND_COLOURS.get(r["kind"], "#333"),
            }
        )
    # Big circles first, so small ones stay clickable on top of them.
    points.sort(key=lambda p: -p["r"])
    return {
        "width": o.width,
        "height": o.height,
        "shapes": shapes,
        "points": points,
        "unplaced": unplaced,
        "legend": CHOROPLETH,
        "top": top,
    }


TIMELINE_WIDTH = 900
TIMELINE_HEIGHT = 220
AXIS = 24


def timeline_layers(
    by_day: Mapping[str, Mapping[str, int]],
    windows: Iterable[Any],
    talks: Iterable[tuple[str, str, str]],
) -> dict[str, Any] | None:
    """Stacked daily bars by kind, ceasefire windows as bands, talks as ticks.

    ``windows`` have ``start``/``end`` dates; ``talks`` are (event_id, ISO day, label).
    """
    windows, talks = list(windows), list(talks)
    days = [date.fromisoformat(d) for d in by_day]
    days += [w.start for w in windows] + [w.end for w in windows]
    days += [date.fromisoformat(t[1]) for t in talks]
    if not days:
        return None
    first, last = min(days), max(days)
    n_days = (last - first).days + 1
    step = (TIMELINE_WIDTH - 2 * PAD) / n_days
    plot_h = TIMELINE_HEIGHT - AXIS - PAD
    top = max((sum(c.values()) for c in by_day.values()), default=0) or 1

    def x_of(d: date) -> float:
        return round(PAD + (d - first).days * step, 1)

    bars = []
    for day, counts in by_day.items():
        y = float(TIMELINE_HEIGHT - AXIS)
        for kind in KIND_COLOURS:
            n = counts.get(kind, 0)
            if not n:
                continue
            h = n / top * plot_h
            y -= h
            bars.append(
                {
                    "x": x_of(date.fromisoformat(day)),
                    "y": round(y, 1),
                    "w": round(max(step * 0.9, 1.0), 1),
                    "h": round(h, 1),
                    "kind": kind,
                    "n": n,
                    "day": day,
                    "colour": KIND_COLOURS[kind],
                }
            )
    bands = [
        {
            "x": x_of(w.start),
            "w": round(max(((w.end - w.start).days + 1) * step, 2.0), 1),
            "label": f"{w.label}: {w.start} – {w.end}",
            "event_id": w.event_id,
        }
        for w in windows
    ]
    ticks = [
        {"x": round(x_of(date.fromisoformat(d)) + step / 2, 1), "label": label, "event_id": eid}
        for eid, d, label in talks
    ]
    labels = _axis_labels(first, last, x_of)
    return {
        "width": TIMELINE_WIDTH,
        "height": TIMELINE_HEIGHT,
        "bars": bars,
        "bands": bands,
        "talks": ticks,
        "labels": labels,
        "top": top,
        "base": TIMELINE_HEIGHT - AXIS,
        "first": first.isoformat(),
        "last": last.isoformat(),
    }


def _axis_labels(first: date, last: date, x_of: Any) -> list[dict[str, Any]]:
    span = (last - first).days
    every = max(1, math.ceil(span / 8))
    out, d = [], first
    while d <= last:
        out.append({"x": x_of(d), "text": d.isoformat()})
        d += timedelta(days=every)
    return out
