"""Rebuild the map's outlines around Ukraine: neighbouring countries and Russia's border regions.

Ukraine itself is drawn from the oblast boundaries (geoBoundaries); this script writes the
rest, coordinates rounded to 0.01° (about 1 km) with repeated points dropped, to keep the
package small. It is a developer tool: its outputs are committed, and neither the tests
nor the running app need its inputs or its reader.

``--countries``: ``countries-50m.json`` of the npm package ``world-atlas`` 2.0.2 (ISC
licence; TopoJSON of Natural Earth 1:50m Admin 0 countries, public domain), e.g. from
``npm pack world-atlas@2.0.2``. Output: ``map/countries.geojson``, the countries whose
outline reaches the theatre's map frame.

``--regions``: ``dcw-gmt.nc`` of the Debian package ``gmt-dcw`` 2.1.1 (DCW-GMT, the Digital
Chart of the World for GMT, LGPL-3+; netCDF-4), e.g. ``apt-get install gmt-dcw`` puts it at
``/usr/share/gmt-dcw/dcw-gmt.nc``; read with ``h5py`` (``pip install -e ".[maps]"``).
Output: ``map/ru_border_regions.geojson``, Russia's regions that touch Ukraine or the Sea
of Azov (and Adygea, which Krasnodar Krai surrounds). Natural Earth's 1:50m admin-1 layer
(the CC0 ``r-cran-rnaturalearthdata``'s ``states50``) was tried first: it holds states of
only Australia, Brazil, Canada and the USA.

    python scripts/build_map_boundaries.py --countries path/to/countries-50m.json
    python scripts/build_map_boundaries.py --regions /usr/share/gmt-dcw/dcw-gmt.nc
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAP_DIR = REPO / "src" / "warledger" / "theatres" / "ukraine" / "map"
OUT = MAP_DIR / "countries.geojson"
REGIONS_OUT = MAP_DIR / "ru_border_regions.geojson"
FRAME = (12.0, 40.0, 52.0, 62.0)  # lon_min, lat_min, lon_max, lat_max
DIGITS = 2
# ISO 3166-2 codes of Russia's regions on Ukraine's border or the Sea of Azov, with the
# names the gazetteer gives their places' admin1 (gazetteer/world.csv.gz), so a click on
# a region filters by the same name. Adygea lies inside Krasnodar Krai.
BORDER_REGIONS = {
    "RU-BRY": "Bryansk Oblast",
    "RU-KRS": "Kursk Oblast",
    "RU-BEL": "Belgorod Oblast",
    "RU-VOR": "Voronezh Oblast",
    "RU-ROS": "Rostov Oblast",
    "RU-KDA": "Krasnodar Krai",
    "RU-AD": "Republic of Adygea",
}
DCW_GAP = 65535  # DCW-GMT's quantised coordinate that separates two rings


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


def _rounded(points: list[tuple[float, float]]) -> list[list[float]]:
    """A closed ring at DIGITS decimals without repeated points."""
    ring: list[list[float]] = []
    for lon, lat in points:
        p = [round(lon, DIGITS), round(lat, DIGITS)]
        if not ring or ring[-1] != p:
            ring.append(p)
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return _rounded(points)


def _touches_frame(rings: list[list[list[float]]]) -> bool:
    x0, y0, x1, y1 = FRAME
    return any(x0 <= lon <= x1 and y0 <= lat <= y1 for ring in rings for lon, lat in ring)


def _write(path: Path, features: list[dict], about: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    collection: dict = {"type": "FeatureCollection"}
    if about:
        collection["about"] = about
    collection["features"] = features
    path.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")


def build(source: Path) -> int:
    """Neighbouring countries from world-atlas's TopoJSON."""
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
    _write(OUT, features)
    return len(features)


def _signed_area(ring: list[list[float]]) -> float:
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))


def _inside(lon: float, lat: float, ring: list[list[float]]) -> bool:
    """Even-odd test of a point against one ring."""
    hit = False
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def polygons_of(rings: list[list[list[float]]]) -> list[list[list[list[float]]]]:
    """GeoJSON polygons from DCW's rings: DCW winds outer rings clockwise and holes (a
    region inside another, as Adygea in Krasnodar Krai) the other way; each hole goes to
    the outer ring that contains it. GeoJSON wants outer rings counter-clockwise."""
    outers = [r for r in rings if _signed_area(r) < 0]
    holes = [r for r in rings if _signed_area(r) > 0]
    polygons = [[outer[::-1]] for outer in outers]
    for hole in holes:
        for polygon, outer in zip(polygons, outers, strict=True):
            if _inside(hole[0][0], hole[0][1], outer):
                polygon.append(hole[::-1])
                break
    return polygons


def _dcw_rings(nc: object, code: str) -> list[list[list[float]]]:
    """The rings of one DCW-GMT country or state (``RUKRS``): quantised 16-bit lon/lat,
    ``value / scale + min``, rings separated by 65535."""
    lon, lat = nc[f"{code}_lon"], nc[f"{code}_lat"]  # type: ignore[index]
    x0, xs = float(lon.attrs["min"][0]), float(lon.attrs["scale"][0])
    y0, ys = float(lat.attrs["min"][0]), float(lat.attrs["scale"][0])
    rings, points = [], []
    for qx, qy in zip(lon[:].tolist(), lat[:].tolist(), strict=True):
        if qx == DCW_GAP or qy == DCW_GAP:
            rings.append(points)
            points = []
            continue
        points.append((qx / xs + x0, qy / ys + y0))
    rings.append(points)
    out = [_rounded(p) for p in rings if p]
    return [r for r in out if len(r) >= 4 and abs(_signed_area(r)) > 0]


def build_regions(source: Path) -> int:
    """Russia's border regions from DCW-GMT's netCDF-4 file."""
    import h5py  # a developer's tool: the `maps` extra, never needed at run time

    features = []
    with h5py.File(source, "r") as nc:
        version = nc.attrs.get("version", b"?")
        version = version.decode() if isinstance(version, bytes) else str(version)
        for iso, name in BORDER_REGIONS.items():
            polygons = polygons_of(_dcw_rings(nc, iso.replace("-", "")))
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": name, "iso_3166_2": iso, "country": "RU"},
                    "geometry": {"type": "MultiPolygon", "coordinates": polygons},
                }
            )
    about = (
        f"Russia's regions bordering Ukraine or the Sea of Azov, from DCW-GMT {version} "
        "(Digital Chart of the World for GMT, LGPL-3+), coordinates rounded to 0.01 degrees. "
        "Boundaries and names do not imply official endorsement or acceptance."
    )
    _write(REGIONS_OUT, features, about)
    return len(features)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--countries", type=Path, help="world-atlas countries-50m.json")
    parser.add_argument("--regions", type=Path, help="gmt-dcw's dcw-gmt.nc")
    args = parser.parse_args()
    if not args.countries and not args.regions:
        parser.error("give --countries and/or --regions")
    if args.countries:
        print(f"{build(args.countries)} countries written to {OUT}")
    if args.regions:
        print(f"{build_regions(args.regions)} regions written to {REGIONS_OUT}")


if __name__ == "__main__":
    main()
