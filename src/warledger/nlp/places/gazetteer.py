"""The packaged gazetteer: Ukrainian settlements, oblasts and raions, world cities,
countries and a few vague regions, indexed by :func:`name_key`.

Loaded once per process from ``theatres/ukraine/gazetteer/`` (built by
``scripts/build_gazetteer.py``). ``resolve`` turns a name plus context into a
:class:`~warledger.types.Location` and never guesses: an ambiguous name with no context
and no clearly dominant candidate keeps its name with null coordinates.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from warledger.nlp.places.names import name_key
from warledger.types import Location

PlaceKind = Literal["settlement", "admin1", "admin2", "city", "country", "region", "facility"]

# Words that turn a name into its administrative area ("Kharkiv region"), or into a
# smaller unit named after a settlement ("the Esman community", "Pokrovsk district").
ADMIN1_WORDS = ("oblast", "region", "province")
ADMIN2_WORDS = ("district", "raion", "rayon")
HROMADA_WORDS = ("community", "hromada", "municipality")

# Vague areas news uses as locations: (phrase, country). Compass directions are added
# for Ukraine and Russia below.
_REGIONS: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    ("front line", "UA", ("front lines", "frontline", "frontlines")),
    ("Donbas", "UA", ("Donbass",)),
    ("Black Sea", None, ()),
    ("Sea of Azov", None, ("Azov Sea",)),
)
# Sites news names as locations, each with the settlement that hosts it: (name, other
# names, host settlement, host's first-level area). A site takes its host's coordinates,
# so its precision stays "settlement".
_FACILITIES: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    (
        "Zaporizhzhia nuclear power plant",
        (
            "Zaporizhzhia nuclear plant",
            "Zaporizhzhia nuclear power station",
            "Zaporizhzhia power plant",
            "Zaporizhzhia plant",
            "Zaporizhzhia NPP",
            "ZNPP",
        ),
        "Enerhodar",
        "Zaporizhzhia Oblast",
    ),
    (
        "Chornobyl nuclear power plant",
        ("Chornobyl nuclear plant", "Chernobyl nuclear power plant", "Chernobyl nuclear plant",
         "Chornobyl plant", "Chernobyl plant"),
        "Chornobyl",
        "Kyiv Oblast",
    ),
    (
        "Kursk nuclear power plant",
        ("Kursk nuclear plant", "Kursk NPP"),
        "Kurchatov",
        "Kursk Oblast",
    ),
    (
        "Kakhovka dam",
        ("Kakhovka hydroelectric power plant", "Kakhovka hydroelectric plant",
         "Kakhovka hydroelectric dam", "Kakhovka HPP"),
        "Nova Kakhovka",
        "Kherson Oblast",
    ),
    (
        "Crimean Bridge",
        ("Kerch Bridge", "Kerch Strait Bridge"),
        "Kerch",
        "Autonomous Republic of Crimea",
    ),
)
_COMPASS = (
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "north-eastern",
    "southeastern",
    "south-eastern",
    "northwestern",
    "north-western",
    "southwestern",
    "south-western",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "southeast",
    "northwest",
    "southwest",
)
_COUNTRY_NAMES = {"UA": "Ukraine", "RU": "Russia"}

# A world city this large is "the" city of its name unless context says otherwise.
_MAJOR_CITY = 1_000_000
_DATA = "theatres/ukraine/gazetteer"


@dataclass(slots=True, eq=False)
class Place:
    """One gazetteer entry. ``rank`` orders prominence: 3 capital (national or oblast),
    2 raion centre or large city, 1 hromada centre or city, 0 other.

    Entries are shared, not copied: treat them as read-only. Equality is identity (the
    same entry), which keeps loading 40,000 of them fast."""

    name: str
    kind: PlaceKind
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    pcode: str | None = None
    lat: float | None = None
    lon: float | None = None
    rank: int = 0
    population: int | None = None
    hromada: str | None = None

    @property
    def is_hromada_centre(self) -> bool:
        return bool(self.pcode and self.kind == "settlement" and self.pcode.endswith("001"))


def _precision(place: Place) -> str:
    return {
        "settlement": "settlement",
        "city": "settlement",
        "admin1": "admin1",
        "admin2": "admin2",
        "country": "country",
        "region": "region",
        "facility": "settlement",  # a site carries its host settlement's coordinates
    }[place.kind]


def place_location(place: Place, *, name: str | None = None) -> Location:
    """The ledger Location for a resolved place."""
    return Location(
        name=name or place.name,
        admin1=place.admin1,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        precision=_precision(place),
        admin2=place.admin2,
        pcode=place.pcode,
    )


def _float(value: str) -> float | None:
    return float(value) if value else None


def _rows(filename: str) -> Iterable[list[str]]:
    """The data rows of a packaged CSV (header checked by the caller's unpacking)."""
    data = resources.files("warledger").joinpath(_DATA, filename).read_bytes()
    if filename.endswith(".gz"):
        data = gzip.decompress(data)
    reader = csv.reader(io.StringIO(data.decode("utf-8")))
    next(reader)
    return reader


def split_suffix(key: str, words: Sequence[str]) -> str | None:
    """``"kharkiv region"`` -> ``"kharkiv"`` when its last word is one of ``words``."""
    head, _, last = key.rpartition(" ")
    return head if head and last in words else None


class Gazetteer:
    """Every known place, looked up by normalised name."""

    def __init__(self, places: Iterable[tuple[str, Place]]) -> None:
        self._index: dict[str, list[Place]] = {}
        self._admin1_by_name: dict[str | None, Place] = {}
        for key, place in places:
            bucket = self._index.get(key)
            if bucket is None:
                self._index[key] = [place]
            elif place not in bucket:  # identity: an entry listed under two aliases
                bucket.append(place)
            if place.kind == "admin1":
                self._admin1_by_name.setdefault(place.admin1, place)
        self.max_words = max(k.count(" ") + 1 for k in self._index)
        # Every word-prefix of every key, so a scan over text can stop as soon as the
        # words so far cannot begin any name.
        prefixes = set(self._index)
        for key in self._index:
            if " " in key:
                words = key.split(" ")
                prefixes.update(" ".join(words[:k]) for k in range(1, len(words)))
        self.prefixes: frozenset[str] = frozenset(prefixes)

    # -- loading -----------------------------------------------------------------------

    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer, loaded once per process (about 0.3 s)."""
        return _load_packaged()

    @classmethod
    def from_package(cls) -> Gazetteer:
        return cls(_packaged_entries())

    # -- lookups -----------------------------------------------------------------------

    def __contains__(self, key: str) -> bool:
        """Whether ``key`` (already a :func:`name_key`) names a place."""
        return key in self._index

    def by_key(self, key: str) -> list[Place]:
        return self._index.get(key, [])

    def candidates(self, name: str) -> list[Place]:
        """Every place ``name`` may refer to (any spelling), most prominent first."""
        key = name_key(name)
        found = list(self._index.get(key, ()))
        if not found:
            base = split_suffix(key, ADMIN2_WORDS + HROMADA_WORDS + ADMIN1_WORDS + ("city",))
            if base:
                found = list(self._index.get(base, ()))
        return sorted(found, key=lambda p: (-p.rank, -(p.population or 0), p.pcode or ""))

    def admin1(self, name: str | None) -> Place | None:
        """The first-level area (oblast, Russian region, state) ``name`` designates."""
        if not name:
            return None
        if name in self._admin1_by_name:
            return self._admin1_by_name[name]
        key = name_key(name)
        for k in (key, f"{key} oblast"):
            admins = [p for p in self._index.get(k, ()) if p.kind == "admin1"]
            if len(admins) == 1:
                return admins[0]
        # A bare oblast capital or a settlement known to be in one region ("Sumy").
        cities = [p for p in self._index.get(key, ()) if p.rank >= 3 and p.admin1]
        if len(cities) == 1:
            return self._admin1_by_name.get(cities[0].admin1)
        return None

    # -- resolution --------------------------------------------------------------------

    def resolve(
        self,
        name: str,
        *,
        context_admin1: str | None = None,
        context_names: Sequence[str] = (),
        country_hint: str | None = None,
    ) -> Location:
        """The place ``name`` most plausibly is, given its context.

        ``context_admin1`` is a first-level area the text ties this mention to ("X,
        Kharkiv region"); ``context_names`` are other places in the same document (their
        oblasts break ties); ``country_hint`` an ISO code the text ties it to ("Jeddah,
        Saudi Arabia"). Unresolved: the name is kept and coordinates stay null.
        """
        shown = name.strip()
        if shown.lower().startswith("the "):
            shown = shown[4:]
        key = name_key(name)
        kind_hint: str | None = None
        cands = list(self._index.get(key, ()))
        if not cands or not any(p.kind in ("admin1", "admin2", "region") for p in cands):
            for words, hint in (
                (ADMIN2_WORDS, "admin2"),
                (HROMADA_WORDS, "hromada"),
                (ADMIN1_WORDS, "area"),
                (("city",), "city"),
            ):
                base = split_suffix(key, words)
                if base and base in self._index:
                    kind_hint, cands = hint, list(self._index[base])
                    break
        if kind_hint == "admin2":
            cands = [p for p in cands if p.kind == "admin2"] or cands
        elif kind_hint == "city":
            cands = [p for p in cands if p.kind in ("city", "settlement")] or cands
        if country_hint:
            cands = [p for p in cands if p.country == country_hint] or cands

        ctx = self.admin1(context_admin1)
        if ctx is not None:
            inside = [p for p in cands if p.admin1 == ctx.admin1 and p is not ctx]
            if inside:
                return self._best_of(inside, shown, kind_hint)
            dominant = self._dominant(cands)
            if dominant is not None and dominant.kind != "settlement":
                return place_location(dominant)
            return Location(
                name=shown, admin1=ctx.admin1, country=ctx.country, precision="settlement"
            )
        if not cands:
            return Location(name=shown, country=country_hint)
        if len(cands) == 1:
            return self._best_of(cands, shown, kind_hint)

        # A bare oblast name is its capital city ("Donetsk"), unless the oblast has none
        # of that name ("Crimea", "Dnipropetrovsk", "Volyn").
        admins = [p for p in cands if p.kind in ("admin1", "admin2", "region", "country")]
        if kind_hint is None and admins and len(admins) == 1:
            # ...and a national capital or a city of a million beats a state of its name
            # ("Washington", "New York"), a smaller one does not ("Quebec").
            capital = [
                p
                for p in cands
                if (p.kind == "city" and p.rank >= 2)
                or (p.kind == "settlement" and p.rank >= 3 and p.admin1 == admins[0].admin1)
            ]
            if capital:
                return place_location(capital[0])
            if admins[0].kind != "admin2":
                return place_location(admins[0])

        chosen = self._by_document(cands, context_names)
        if chosen:
            return self._best_of(chosen, shown, kind_hint)
        dominant = self._dominant(cands)
        if dominant is not None:
            return place_location(dominant)
        same_admin1 = {p.admin1 for p in cands}
        if len(same_admin1) == 1 and None not in same_admin1:
            return self._best_of(cands, shown, kind_hint)
        countries = {p.country for p in cands}
        country = countries.pop() if len(countries) == 1 else country_hint
        return Location(name=shown, country=country)

    def _best_of(self, cands: list[Place], shown: str, kind_hint: str | None) -> Location:
        """Among candidates in one area: the single one, else the most prominent, else the
        hromada centre; still tied -> the area only, with null coordinates."""
        if len(cands) == 1:
            return place_location(cands[0])
        if kind_hint in ("hromada", "admin2", "area"):
            centres = [p for p in cands if p.is_hromada_centre]
            if len(centres) == 1:
                return place_location(centres[0])
        top = max(p.rank for p in cands)
        best = [p for p in cands if p.rank == top]
        if len(best) > 1:
            best = [p for p in best if p.is_hromada_centre] or best
        if len(best) == 1:
            return place_location(best[0])
        admin1s = {p.admin1 for p in cands}
        if len(admin1s) == 1:
            only = next(iter(admin1s))
            return Location(
                name=shown, admin1=only, country=cands[0].country, precision="settlement"
            )
        return Location(name=shown, country=cands[0].country)

    def _dominant(self, cands: Sequence[Place]) -> Place | None:
        """The candidate that clearly outranks every other (a capital, a large city, the
        one hromada centre among hamlets), else None."""
        if not cands:
            return None
        ordered = sorted(cands, key=lambda p: (-p.rank, -(p.population or 0)))
        first = ordered[0]
        if len(ordered) == 1:
            return first
        second = ordered[1]
        if first.rank > second.rank and first.rank >= 1:
            return first
        if (
            first.kind == second.kind == "city"
            and first.population
            and second.population
            and first.population >= 5 * second.population
        ):
            return first
        return None

    def _by_document(self, cands: Sequence[Place], context_names: Sequence[str]) -> list[Place]:
        """Candidates in the oblast the rest of the document points to."""
        if not context_names:
            return []
        votes: Counter[str] = Counter()
        for other in context_names:
            area = self.admin1(other)
            if area is None:
                located = {p.admin1 for p in self._index.get(name_key(other), ()) if p.admin1}
                if len(located) == 1:
                    votes[located.pop()] += 1
            else:
                votes[area.admin1 or area.name] += 2
        areas = {p.admin1 for p in cands} & set(votes)
        if not areas:
            return []
        ranked = sorted(areas, key=lambda a: -votes[a])
        if len(ranked) > 1 and votes[ranked[0]] == votes[ranked[1]]:
            return []
        return [p for p in cands if p.admin1 == ranked[0]]


# -- building the index -------------------------------------------------------------------


def _with_suffixes(alias: str, words: Sequence[str]) -> Iterable[str]:
    key = name_key(alias)
    yield key
    if key.rpartition(" ")[2] not in words:
        for word in words:
            yield f"{key} {word}"


def _ukraine_admin1() -> tuple[dict[str, str], list[tuple[str, Place]]]:
    names: dict[str, str] = {}
    entries: list[tuple[str, Place]] = []
    for pcode, _iso, name, short, aliases, lat, lon in _rows("ua_admin1.csv"):
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
    admin1: dict[str, str],
) -> tuple[list[tuple[str, Place]], dict[str, list[str]]]:
    entries: list[tuple[str, Place]] = []
    raion_centres: dict[str, list[str]] = {}
    other_names: list[tuple[str, Place]] = []
    official_rank: dict[str, int] = {}
    rows = _rows("ua_settlements.csv.gz")
    for pcode, name, key, admin2, admin3, lat, lon, rank_text, pop, aliases in rows:
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
        other_names.extend((alias, place) for alias in aliases.split("|") if alias)
        official_rank[key] = max(rank, official_rank.get(key, 0))
        if rank >= 2:
            raion_centres.setdefault(pcode[:6], []).append(name)
    # An alias yields to a town that bears the name officially: GeoNames lists
    # "Sloviansk" among Nikopol's names, which must not make Sloviansk ambiguous.
    entries.extend(
        (alias, place) for alias, place in other_names
        if official_rank.get(alias, -1) < place.rank
    )
    return entries, raion_centres


def _raion_centre(raion: str, towns: Sequence[str]) -> str:
    """The town a raion is named after ("Nikopol" for Nikopolskyi, not Marhanets), else
    its first large town: "the Nikopol district" must find the Nikopol raion."""
    stem = name_key(raion)[:5]
    return next((t for t in towns if name_key(t)[:5] == stem), towns[0])


def _ukraine_raions(
    admin1: dict[str, str], centres: dict[str, list[str]]
) -> list[tuple[str, Place]]:
    entries: list[tuple[str, Place]] = []
    for pcode, name, lat, lon in _rows("ua_admin2.csv"):
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


def _world() -> list[tuple[str, Place]]:
    entries: list[tuple[str, Place]] = []
    for kind, name, keys, _aliases, country, admin1, lat, lon, pop in _rows("world.csv.gz"):
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


def _regions() -> list[tuple[str, Place]]:
    entries: list[tuple[str, Place]] = []
    for phrase, country, aliases in _REGIONS:
        place = Place(name=phrase, kind="region", country=country)
        entries.extend((key, place) for key in dict.fromkeys(map(name_key, (phrase, *aliases))))
    for iso, country_name in _COUNTRY_NAMES.items():
        for direction in _COMPASS:
            phrase = f"{direction} {country_name}"
            entries.append((name_key(phrase), Place(name=phrase, kind="region", country=iso)))
    return entries


def _facilities(hosts: Sequence[tuple[str, Place]]) -> list[tuple[str, Place]]:
    """Power plants, dams and bridges, placed at their host settlement."""
    by_key: dict[tuple[str, str | None], Place] = {}
    for key, place in hosts:
        if place.kind in ("settlement", "city"):
            by_key.setdefault((key, place.admin1), place)
    entries: list[tuple[str, Place]] = []
    for name, aliases, host_name, area in _FACILITIES:
        host = by_key.get((name_key(host_name), area))
        if host is None:
            continue
        place = Place(name, "facility", host.country, host.admin1, host.admin2, None,
                      host.lat, host.lon, 2, None, host.hromada)
        entries.extend((key, place) for key in dict.fromkeys(map(name_key, (name, *aliases))))
    return entries


def _packaged_entries() -> list[tuple[str, Place]]:
    admin1, entries = _ukraine_admin1()
    settlements, centres = _ukraine_settlements(admin1)
    world = _world()
    return (entries + settlements + _ukraine_raions(admin1, centres) + world + _regions()
            + _facilities(settlements + world))


@lru_cache(maxsize=1)
def _load_packaged() -> Gazetteer:
    return Gazetteer.from_package()
