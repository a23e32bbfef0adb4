"""Where the gazetteer's places come from: a theatre's gazetteer folder, read in the
format its ``theatre.json`` names, plus its vague regions and sites (``places.json``).

The packaged Ukraine theatre's files are built by ``scripts/build_gazetteer.py`` (OCHA
settlements, oblasts and raions; GeoNames world cities; pycountry countries); a small
theatre lists its places in one ``places.csv``.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterable, Sequence
from importlib.resources.abc import Traversable

from warledger.nlp.language import ENGLISH
from warledger.nlp.places.names import name_key
from warledger.nlp.places.place import ADMIN1_WORDS, ADMIN2_WORDS, Place
from warledger.nlp.theatre import Theatre, default_theatre

# A world city this large is "the" city of its name unless context says otherwise.
_MAJOR_CITY = 1_000_000


def _float(value: str) -> float | None:
    return float(value) if value else None


def rows(filename: str, folder: Traversable | None = None) -> Iterable[list[str]]:
    """The data rows of a gazetteer CSV (header checked by the caller's unpacking), from
    ``folder`` (default: the packaged theatre's gazetteer folder)."""
    folder = folder if folder is not None else _folder(default_theatre())
    data = folder.joinpath(filename).read_bytes()
    if filename.endswith(".gz"):
        data = gzip.decompress(data)
    reader = csv.reader(io.StringIO(data.decode("utf-8")))
    next(reader)
    return reader


def _with_suffixes(alias: str, words: Sequence[str]) -> Iterable[str]:
    key = name_key(alias)
    yield key
    if key.rpartition(" ")[2] not in words:
        for word in words:
            yield f"{key} {word}"


def _ukraine_admin1(folder: Traversable) -> tuple[dict[str, str], list[tuple[str, Place]]]:
    names: dict[str, str] = {}
    entries: list[tuple[str, Place]] = []
    for pcode, _iso, name, short, aliases, lat, lon in rows("ua_admin1.csv", folder):
        names[pcode] = name
        place = Place(
            name=name,
            kind="admin1",
            country="UA",
            admin1=name,
            pcode=pcode,
            lat=_float(lat),
            lon=_float(lon),
            rank=3,
        )
        is_city = pcode in ("UA80", "UA85")
        for alias in sorted({name, short, *aliases.split("|")}):
            if not alias:
                continue
            if is_city:
                entries.append((name_key(alias), place))
            else:
                entries.extend((k, place) for k in _with_suffixes(alias, ADMIN1_WORDS))
    return names, entries


def _ukraine_settlements(
    folder: Traversable, admin1: dict[str, str]
) -> tuple[list[tuple[str, Place]], dict[str, list[str]]]:
    entries: list[tuple[str, Place]] = []
    raion_centres: dict[str, list[str]] = {}
    other_names: list[tuple[str, Place]] = []
    official_rank: dict[str, int] = {}
    settlements = rows("ua_settlements.csv.gz", folder)
    derived: list[tuple[str, Place]] = []
    for row in settlements:
        pcode, name, key, admin2, admin3, lat, lon, rank_text, pop, aliases = row[:10]
        spellings = row[11] if len(row) > 11 else ""
        rank = int(rank_text)
        place = Place(
            name,
            "settlement",
            "UA",
            admin1[pcode[:4]],
            admin2 or None,
            pcode,
            float(lat),
            float(lon),
            rank,
            int(pop) if pop else None,
            admin3 or None,
        )
        entries.append((key, place))
        # other spellings of a town (GeoNames): Konstantinovka, Krasnoarmeysk, Artemovsk
        if aliases:
            other_names.extend((alias, place) for alias in aliases.split("|") if alias)
        # spellings derived from the Ukrainian name (Ivanovka, Kostyantynivka, Vugledar)
        if spellings:
            derived.extend((k, place) for k in spellings.split("|"))
        official_rank[key] = max(rank, official_rank.get(key, 0))
        if rank >= 2:
            raion_centres.setdefault(pcode[:6], []).append(name)
    # An alias yields to a town that bears the name officially: GeoNames lists
    # "Sloviansk" among Nikopol's names, which must not make Sloviansk ambiguous.
    entries.extend(
        (alias, place) for alias, place in other_names if official_rank.get(alias, -1) < place.rank
    )
    entries.extend(derived)
    return entries, raion_centres


def _raion_centre(raion: str, towns: Sequence[str]) -> str:
    """The town a raion is named after ("Nikopol" for Nikopolskyi, not Marhanets), else
    its first large town: "the Nikopol district" must find the Nikopol raion."""
    stem = name_key(raion)[:5]
    return next((t for t in towns if name_key(t)[:5] == stem), towns[0])


def _ukraine_raions(
    folder: Traversable, admin1: dict[str, str], centres: dict[str, list[str]]
) -> list[tuple[str, Place]]:
    entries: list[tuple[str, Place]] = []
    for pcode, name, lat, lon in rows("ua_admin2.csv", folder):
        place = Place(
            name=f"{name} Raion",
            kind="admin2",
            country="UA",
            admin1=admin1[pcode[:4]],
            admin2=name,
            pcode=pcode,
            lat=_float(lat),
            lon=_float(lon),
            rank=2,
        )
        keys = list(_with_suffixes(name, ADMIN2_WORDS))
        if not name.endswith("kyi"):  # "Kyiv", "Sevastopol": the bare name is the city
            keys = keys[1:]
        entries.extend((k, place) for k in keys)
        if pcode in centres:
            centre = name_key(_raion_centre(name, centres[pcode]))
            entries.extend((f"{centre} {word}", place) for word in ADMIN2_WORDS)
    return entries


def _world(folder: Traversable) -> list[tuple[str, Place]]:
    entries: list[tuple[str, Place]] = []
    for kind, name, keys, _aliases, country, admin1, lat, lon, pop in rows("world.csv.gz", folder):
        population = int(pop) if pop else None
        if kind == "country":
            place = Place(name=name, kind="country", country=country, rank=3)
        elif kind == "admin1":
            place = Place(
                name=name,
                kind="admin1",
                country=country,
                admin1=name,
                lat=_float(lat),
                lon=_float(lon),
                rank=2,
            )
        else:
            rank = 3 if kind == "capital" else 2 if (population or 0) >= _MAJOR_CITY else 1
            place = Place(
                name,
                "city",
                country,
                admin1 or None,
                None,
                None,
                _float(lat),
                _float(lon),
                rank,
                population,
            )
        entries.extend((key, place) for key in keys.split("|"))
    return entries


def _area_aliases(
    theatre: Theatre, areas: Sequence[tuple[str, Place]]
) -> list[tuple[str, Place]]:
    """Other names of an oblast the news uses (``places.json`` "area_aliases": the
    "Donetsk People's Republic" of Russian readouts is the Donetsk oblast's territory)."""
    by_name = {place.name: place for _key, place in areas}
    entries: list[tuple[str, Place]] = []
    for name, aliases in (theatre.data("places.json") or {}).get("area_aliases", {}).items():
        place = by_name.get(name)
        if place is not None:
            entries.extend((name_key(alias), place) for alias in aliases)
    return entries


def _regions(theatre: Theatre) -> list[tuple[str, Place]]:
    """Vague areas used as locations (``places.json``) and compass regions of each party
    ("southern Russia", "eastern Ukraine")."""
    entries: list[tuple[str, Place]] = []
    for region in (theatre.data("places.json") or {}).get("regions", []):
        place = Place(name=region["name"], kind="region", country=region.get("country"))
        names = (region["name"], *region.get("aliases", ()))
        entries.extend((key, place) for key in dict.fromkeys(map(name_key, names)))
    for party in theatre.parties:
        for direction in ENGLISH.compass:
            phrase = f"{direction} {party.name}"
            place = Place(name=phrase, kind="region", country=party.code)
            entries.append((name_key(phrase), place))
    return entries


def _facilities(theatre: Theatre, hosts: Sequence[tuple[str, Place]]) -> list[tuple[str, Place]]:
    """Power plants, dams and bridges, placed at their host settlement."""
    by_key: dict[tuple[str, str | None], Place] = {}
    for key, place in hosts:
        if place.kind in ("settlement", "city"):
            by_key.setdefault((key, place.admin1), place)
    entries: list[tuple[str, Place]] = []
    for site in (theatre.data("places.json") or {}).get("facilities", []):
        name, aliases = site["name"], site.get("aliases", ())
        host = by_key.get((name_key(site["host"]), site["area"]))
        if host is None:
            continue
        place = Place(
            name,
            "facility",
            host.country,
            host.admin1,
            host.admin2,
            None,
            host.lat,
            host.lon,
            2,
            None,
            host.hromada,
        )
        entries.extend((key, place) for key in dict.fromkeys(map(name_key, (name, *aliases))))
    return entries


def _ocha_entries(theatre: Theatre, folder: Traversable) -> list[tuple[str, Place]]:
    """Ukraine's OCHA settlements, oblasts and raions, world cities and countries."""
    admin1, entries = _ukraine_admin1(folder)
    settlements, centres = _ukraine_settlements(folder, admin1)
    world = _world(folder)
    return (
        entries
        + _area_aliases(theatre, entries)
        + settlements
        + _ukraine_raions(folder, admin1, centres)
        + world
        + _regions(theatre)
        + _facilities(theatre, settlements + world)
    )


def _places_entries(theatre: Theatre, folder: Traversable) -> list[tuple[str, Place]]:
    """A small theatre's places in one CSV: kind, name, aliases (|-separated), country,
    admin1, lat, lon, rank."""
    entries: list[tuple[str, Place]] = []
    for kind, name, aliases, country, admin1, lat, lon, rank in rows("places.csv", folder):
        place = Place(
            name,
            kind,
            country or None,
            admin1 or None,
            None,
            None,  # type: ignore[arg-type]
            _float(lat),
            _float(lon),
            int(rank or 0),
        )
        names = (name, *(a for a in aliases.split("|") if a))
        entries.extend((key, place) for key in dict.fromkeys(map(name_key, names)))
    return entries + _regions(theatre)


_FORMATS = {"ocha": _ocha_entries, "places": _places_entries}


def towns(theatre: Theatre) -> list[tuple[str, Place]]:
    """(key, place) of the theatre's secondary town list (``world_towns.csv.gz``: smaller
    towns far from the theatre, looked up only for names already known to be places);
    empty when the theatre ships none."""
    folder = _folder(theatre)
    if not folder.joinpath("world_towns.csv.gz").is_file():
        return []
    entries: list[tuple[str, Place]] = []
    for _kind, name, keys, _aliases, country, _admin1, lat, lon, pop in rows(
        "world_towns.csv.gz", folder
    ):
        place = Place(
            name, "city", country, None, None, None, _float(lat), _float(lon), 0,
            int(pop) if pop else None,
        )
        entries.extend((key, place) for key in keys.split("|"))
    return entries


def _folder(theatre: Theatre) -> Traversable:
    spec = theatre.manifest.get("gazetteer", {})
    return theatre.path(spec.get("folder", "gazetteer"))


def entries(theatre: Theatre) -> list[tuple[str, Place]]:
    """Every (key, place) of the theatre's gazetteer, read in the format its
    ``theatre.json`` names ("ocha": the packaged Ukraine files; "places": one CSV)."""
    spec = theatre.manifest.get("gazetteer", {})
    return _FORMATS[spec.get("format", "places")](theatre, _folder(theatre))
