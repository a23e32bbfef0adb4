"""Places an event's words imply without naming them.

News names a place once and then refers back to it ("Russia struck Sumy overnight ...
The strike targeted a military gathering in the city"). An event whose own words name no
place but "the city" happened in the city named just before, if exactly one city was. A
barrage reported without a place ("Russia launched 78 drones overnight") happened over
the country it was aimed at. The place is read, not guessed: with two candidate cities,
or none in the sentences before, the event keeps no place.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from warledger.nlp.places import roles
from warledger.types import Location

if TYPE_CHECKING:
    from warledger.nlp.context import DocContext, PlaceMention
    from warledger.types import Event

# The noun that refers back, and the precisions of the places it can name.
REFERRING_NOUNS: dict[str, frozenset[str]] = {
    "city": frozenset({"settlement", "point"}),
    "town": frozenset({"settlement", "point"}),
    "village": frozenset({"settlement", "point"}),
    "settlement": frozenset({"settlement", "point"}),
    "district": frozenset({"admin2"}),
    "region": frozenset({"admin1"}),
    "oblast": frozenset({"admin1"}),
    "province": frozenset({"admin1"}),
    "country": frozenset({"country"}),
}

# "the city", "this region", "the same village" — but not "the city of Mariupol", which
# names its place, nor "the city council", whose noun is a body rather than a place.
REFERENCE = re.compile(
    r"\b(?:the|this|that)\s+(?:same\s+)?(" + "|".join(REFERRING_NOUNS) + r")\b(?!\s+of\b)"
    r"(?!\s+(?:council|administration|authorities|governor|mayor|government|officials?)\b)",
    re.IGNORECASE,
)

# Kinds whose "the city" says where it happened; in "aid to help the country rebuild" the
# noun names a recipient, not a place of the event.
PLACED_KINDS = frozenset({"strike", "ground_combat", "territorial_change", "casualty_report"})

# How many sentences back the named place may stand.
MAX_SENTENCES_BACK = 4


def situate_by_reference(
    events: list[Event], ctx: DocContext, ranges: list[tuple[int, int]]
) -> None:
    """Give an event without a place the place its "the city" / "the region" refers to
    (``ranges``: the document's sentences as character ranges)."""
    for event in events:
        if event.kind not in PLACED_KINDS or event.locations or not event.evidence:
            continue
        span = event.evidence[0]
        match = REFERENCE.search(ctx.text, span.start, span.end)
        if match is None:
            continue
        antecedent = _antecedent(event, match.group(1).lower(), match.start(), ranges, ctx)
        if antecedent is not None:
            event.locations = [replace(antecedent.location)]


def _antecedent(
    event: Event, noun: str, start: int, ranges: list[tuple[int, int]], ctx: DocContext
) -> PlaceMention | None:
    """The one place of the noun's precision in the nearest stretch before it that names
    any: its own sentence up to the noun ("Moscow's mayor said drones approaching the
    city"), then the sentences before."""
    precisions = REFERRING_NOUNS[noun]
    index = next((i for i, (lo, hi) in enumerate(ranges) if lo <= start < hi), None)
    if index is None:
        return None
    windows = [(ranges[index][0], start)]
    windows += reversed(ranges[max(0, index - MAX_SENTENCES_BACK) : index])
    for lo, hi in windows:
        found = [
            p
            for p in ctx.places
            if lo <= p.start and p.end <= hi and p.location.precision in precisions
        ]
        if noun == "country":
            found = _not_the_attacker([p for p in found if not roles.attacker(p, ctx)], event)
        if precisions == REFERRING_NOUNS["region"] and not found:
            found = _regional_bodies(ctx, lo, hi)
        names = {p.location.name for p in found}
        if len(names) == 1:
            return found[0]
        if names:
            return None  # two cities before "the city": which one is not said
    return None


def _regional_bodies(ctx: DocContext, lo: int, hi: int) -> list[PlaceMention]:
    """The oblasts that the regional bodies named between ``lo`` and ``hi`` govern, as
    places "the region" can refer back to."""
    from warledger.nlp.context import PlaceMention
    from warledger.nlp.places.gazetteer import Gazetteer, place_location

    found = []
    for p in ctx.places:
        if not (lo <= p.start and p.end <= hi) or not roles.REGIONAL_BODY.match(ctx.text, p.end):
            continue
        oblast = Gazetteer.load(ctx.theatre).admin1(p.location.admin1)
        if oblast is not None:
            found.append(PlaceMention(p.start, p.end, p.text, place_location(oblast)))
    return found


def _not_the_attacker(found: list[PlaceMention], event: Event) -> list[PlaceMention]:
    """ "Russia launched drones at Ukraine ... at the country": the country an attack is
    aimed at is not its attacker's own."""
    actor = event.actor.side if event.actor else None
    target = event.target.side if event.target else None
    if target is not None:
        aimed = [p for p in found if p.location.country == target]
        if aimed:
            return aimed
    return [p for p in found if actor is None or p.location.country != actor]


# Counts that make a strike a barrage reported for a whole country: drones and missiles
# launched at it, or shot down over it.
BARRAGE_KEYS = frozenset({"launched", "intercepted"})
# Weapons fired from afar at a country; a helicopter "shot down in defence" is shot down
# where the defender is, over its own soil, so it is no barrage at its side.
BARRAGE_WEAPONS = frozenset(
    {"drone", "missile", "ballistic_missile", "cruise_missile", "glide_bomb", "mixed"}
)


def situate_barrages(events: list[Event], ctx: DocContext) -> None:
    """A barrage whose text names no place ("Russia launched 78 drones and two missiles
    overnight", "air defences downed 127 Ukrainian drones over nine regions") took place
    over the country of the party it was aimed at: a country-level location, as for
    "across Ukraine". Only for the theatre's parties, whose countries are known."""
    for event in events:
        if event.kind != "strike" or event.target is None:
            continue
        if event.weapon not in BARRAGE_WEAPONS:
            continue
        counted = set(event.counts) | {k for c in event.counts_by_weapon.values() for k in c}
        if not counted & BARRAGE_KEYS:
            continue
        if event.locations and not _over_many_regions(event):
            continue  # "... over the Volgograd region" alone is where it was
        side = event.target.side
        name = ctx.theatre.party_name(side) if side else None
        if name is not None and all(loc.precision != "country" for loc in event.locations):
            # "over 11 regions, including 23 over the Volgograd region": the country, and
            # the place named beside it (docs/annotation.md: a nationwide barrage)
            event.locations = [
                Location(name=name, country=side, precision="country", gazetteer_name=name),
                *event.locations,
            ]


# "over 11 regions", "across nine regions", "at Ukrainian cities": a barrage over the
# whole country.
MANY_REGIONS = re.compile(
    r"\b(?:over|across|in|on)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|several|a\s+dozen|dozens\s+of)\s+(?:\w+\s+)?(?:regions|oblasts|provinces)\b"
    r"|\b(?:at|on|across|against)\s+(?:\w+\s+)?cities\b",
    re.IGNORECASE,
)


def _over_many_regions(event: Event) -> bool:
    return any(MANY_REGIONS.search(span.text) for span in event.evidence[:1])
