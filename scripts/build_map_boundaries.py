"""Rebuild the map's neighbouring-country outlines from Natural Earth (public domain).

Input: ``countries-50m.json`` of the npm package ``world-atlas`` 2.0.2 (ISC licence;
TopoJSON of Natural Earth 1:50m Admin 0 countries, public domain), e.g. from
``npm pack world-atlas@2.0.2``. Output: ``src/warledger/theatres/ukraine/map/countries.geojson``
— the countries whose outline reaches the theatre's map frame, clipped to nothing, their
coordinates rounded to 0.01° (about 1 km) with repeated points dropped, to keep the
package small. Ukraine itself is drawn from the oblast boundaries (geoBoundaries).

    python scripts/build_map_boundaries.py path/to/countries-50m.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "warledger" / "theatres" / "ukraine" / "map" / "countries.geojson"
FRAME = (12.0, 40.0, 52.0, 62.0)  # lon_min, lat_min, lon_max, lat_max
DIGITS = 2


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute coordinates of every arc (TopoJSON stores quantised deltas)."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    ring: list[list[float]] = []
    for lon, lat in points:
        p = [round(lon, DIGITS), round(lat, DIGITS)]
        if not ring or ring[-1] != p:
            ring.append(p)
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring


def _touches_frame(rings: list[list[list[float]]]) -> bool:
    x0, y0, x1, y1 = FRAME
    return any(x0 <= lon <= x1 and y0 <= lat <= y1 for ring in rings for lon, lat in ring)


def build(source: Path) -> int:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    features = []
    for geom in topology["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name")
        if name == "Ukraine" or geom["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
        kept = []
        for polygon in polygons:
            rings = [_ring(r, arcs) for r in polygon]
            rings = [r for r in rings if len(r) >= 4]
            if rings and _touches_frame(rings):
                kept.append(rings)
        if kept:
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": name, "iso_n3": geom.get("id")},
                    "geometry": {"type": "MultiPolygon", "coordinates": kept},
                }
            )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "features": features}
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(features)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("countries_50m", type=Path)
    n = build(parser.parse_args().countries_50m)
    print(f"{n} countries written to {OUT}")


if __name__ == "__main__":
    main()
