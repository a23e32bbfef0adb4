"""Benchmark (not a test): monitoring-note sentences about villages picked from the gazetteer.

Writes short notes in the style of conflict-monitoring logs ("On <date>, Russian forces
shelled <village>, <oblast>."), in this script's own words, about settlements drawn at
random (fixed seed) from the packaged gazetteer, each spelled one of the ways news spells
it (Ukraine's official romanisation, the older BGN/PCGN or national systems, the
Russian-derived forms, see warledger.nlp.places.spellings), with or without its oblast or
raion. Every note goes through the full extractor; the event's place is compared with the
settlement the note was written about.

Prints, per group of notes (oblast given; raion and oblast given; no area and the name is
unique in the gazetteer; no area and the name is shared):
- found: an event has a location with the written name;
- oblast: that location's admin1 is the village's oblast;
- within 15 km: its coordinates are within 15 km of the village;
- wrong point: coordinates more than 15 km off (a guess; should be 0);
- no point: the location has no coordinates (right when the name is ambiguous).

    python benchmarks/bench_places_notes.py [--n 400] [--seed 7] [-v]
    python benchmarks/bench_places_notes.py --write notes.jsonl   # then --read notes.jsonl

The Russian-derived spellings come from the same derivation the gazetteer is built
with, so this measures resolution across spellings, not whether news spells a village
that way.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from warledger.nlp.extract import extract_text
from warledger.nlp.places import sources
from warledger.nlp.places.names import name_key
from warledger.types import Location

TEMPLATES = (
    "On {date}, Russian forces shelled {place}. One civilian was killed.",
    "On {date}, Russian troops struck {place} with artillery, injuring two residents.",
    "On {date}, a Russian drone hit a private house in {place}. A man was wounded.",
    "On {date}, Russian aircraft dropped guided bombs on {place}, damaging several homes.",
    "On {date}, Russian forces attacked {place} with multiple rocket launchers.",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# The oblasts monitoring notes are mostly about, and the rest of the country.
FRONT = ("UA14", "UA63", "UA23", "UA65", "UA59", "UA12", "UA44", "UA48", "UA74")


@dataclass
class Village:
    pcode: str
    name: str
    name_uk: str
    admin1: str
    admin1_short: str
    raion: str
    lat: float
    lon: float


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def load_villages() -> tuple[list[Village], Counter[str]]:
    admin1 = {r[0]: (r[2], r[3]) for r in sources.rows("ua_admin1.csv")}
    villages: list[Village] = []
    for row in sources.rows("ua_settlements.csv.gz"):
        pcode, name, _key, admin2, _admin3, lat, lon = row[:7]
        if pcode[:4] in ("UA80", "UA85", "UA01"):
            continue
        full, short = admin1[pcode[:4]]
        raion = admin2  # the official adjectival form: "Bakhmutskyi district"
        villages.append(
            Village(pcode, name, row[10], full, short, raion, float(lat), float(lon))
        )
    # how many settlements of the whole gazetteer bear each spelling's key
    keys: Counter[str] = Counter()
    for row in sources.rows("ua_settlements.csv.gz"):
        for key in {row[2], *(k for k in row[11].split("|") if k)}:
            keys[key] += 1
    return villages, keys


def area_phrase(v: Village, style: str, rng: random.Random) -> str:
    oblast = rng.choice((f"{v.admin1_short} Oblast", f"{v.admin1_short} region",
                         f"{v.admin1_short} oblast"))
    if style == "raion":
        return f", {v.raion} {rng.choice(('district', 'raion'))}, {oblast}"
    if style == "oblast":
        return rng.choice((f", {oblast}", f" in {oblast}", f" ({oblast})"))
    return ""


def note(v: Village, spelling: str, style: str, rng: random.Random) -> str:
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2024"
    place = spelling + area_phrase(v, style, rng)
    return rng.choice(TEMPLATES).format(date=date, place=place)


def located(result, spelling: str) -> Location | None:
    key = name_key(spelling)
    for event in result.events:
        for loc in event.locations:
            official = getattr(loc, "gazetteer_name", None)
            if name_key(loc.name) == key or (official and name_key(official) == key):
                return loc
    return None


def write_notes(n: int, seed: int) -> list[dict]:
    """``n`` notes with what each is about (seeded, so every run writes the same)."""
    from warledger.nlp.places.spellings import spellings  # only needed to write notes

    rng = random.Random(seed)
    villages, keys = load_villages()
    front = [v for v in villages if v.pcode[:4] in FRONT]
    notes = []
    for _ in range(n):
        v = rng.choice(front if rng.random() < 0.8 else villages)
        spelling = rng.choice(spellings(v.name_uk))
        unique = keys[name_key(spelling)] == 1
        style = rng.choice(("oblast", "oblast", "raion", "none"))
        group = {"oblast": "oblast given", "raion": "raion + oblast given"}.get(
            style, "no area, unique name" if unique else "no area, shared name"
        )
        notes.append({"text": note(v, spelling, style, rng), "spelling": spelling,
                      "group": group, "admin1": v.admin1, "lat": v.lat, "lon": v.lon})
    return notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400, help="notes to write")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", type=Path, help="only write the notes (JSON Lines) here")
    parser.add_argument("--read", type=Path, help="score notes written earlier by --write")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    if args.read:
        notes = [json.loads(line) for line in args.read.read_text("utf-8").splitlines()]
    else:
        notes = write_notes(args.n, args.seed)
    if args.write:
        args.write.write_text("".join(json.dumps(x) + "\n" for x in notes), "utf-8")
        return
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    started = time.perf_counter()
    for item in notes:
        text = item["text"]
        loc = located(extract_text(text), item["spelling"])
        stats = rows[item["group"]]
        stats["notes"] += 1
        if loc is None:
            if args.verbose:
                print(f"not found: {text}")
            continue
        stats["found"] += 1
        stats["oblast"] += loc.admin1 == item["admin1"]
        if loc.lat is None or loc.lon is None:
            stats["no point"] += 1
        elif km(loc.lat, loc.lon, item["lat"], item["lon"]) <= 15:
            stats["within 15 km"] += 1
        else:
            stats["wrong point"] += 1
            if args.verbose:
                print(f"wrong point: {text} -> {loc.name}, {loc.admin1}")
    elapsed = time.perf_counter() - started
    total: Counter[str] = Counter()
    print(f"{'group':24} {'notes':>5} {'found':>6} {'oblast':>7} {'<=15 km':>7} "
          f"{'wrong pt':>8} {'no pt':>6}")
    for group in ("oblast given", "raion + oblast given", "no area, unique name",
                  "no area, shared name"):
        s = rows[group]
        total.update(s)
        _line(group, s)
    _line("all", total)
    print(f"{len(notes)} notes in {elapsed:.1f}s")


def _line(group: str, s: Counter[str]) -> None:
    n = max(s["notes"], 1)
    print(f"{group:24} {s['notes']:5d} {s['found'] / n:6.1%} {s['oblast'] / n:7.1%} "
          f"{s['within 15 km'] / n:7.1%} {s['wrong point'] / n:8.1%} {s['no point'] / n:6.1%}")


if __name__ == "__main__":
    main()
