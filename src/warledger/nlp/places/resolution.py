"""From a found place name to a Location: the nearest context first (an oblast named
right after the place or in the same sentence), then the oblasts of the document's other
places."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from warledger.nlp.context import PlaceMention
from warledger.nlp.places.gazetteer import (
    ADMIN1_WORDS,
    ADMIN2_WORDS,
    Gazetteer,
)
from warledger.nlp.places.tokens import CONTAINED_IN, SUFFIX_WORDS, Found, Tokens, lists_of
from warledger.types import Location

if TYPE_CHECKING:
    pass


def _town(f: Found) -> bool:
    """Were the mention's candidates found in the town list (small towns far from the
    theatre: rank 0 cities, which the main lists never hold)?"""
    return bool(f.cands) and all(p.kind == "city" and p.rank == 0 for p in f.cands)


def resolve_all(toks: Tokens, kept: list[Found], gaz: Gazetteer) -> list[PlaceMention]:
    spans = [(toks.starts[f.start], toks.ends[f.end - 1]) for f in kept]
    texts = [toks.text[s:e] for s, e in spans]
    names = [f.query(toks) for f in kept]
    # Pass 1: each mention with its local context only.
    listed = {id(f) for run, closed in lists_of(kept, toks) if closed for f in run}
    local = [_local_context(i, kept, spans, toks, gaz, listed) for i in range(len(kept))]
    raions = [_raion_context(i, kept, spans, toks, gaz) for i in range(len(kept))]
    first = [
        gaz.resolve(
            names[i],
            context_admin1=raion[0] if raion else ctx,
            context_admin2=raion[1] if raion else None,
            country_hint=country,
            towns=_town(kept[i]),
        )
        for i, ((ctx, country, _weak), raion) in enumerate(zip(local, raions, strict=True))
    ]
    # The oblasts the document is about: every mention's area, as far as it is known.
    areas = [loc.admin1 for loc in first if loc.admin1]
    # Pass 2: ambiguous names take the document's oblasts (and weak sentence context).
    mentions: list[PlaceMention] = []
    for i, loc in enumerate(first):
        strong, country, weak = local[i]
        if loc.lat is None and loc.precision in ("settlement", None) and kept[i].cands:
            # namesakes: the one beside the other places of the sentence, then of the text
            raion = raions[i]
            for near in _points(first, kept, toks, i):
                better = gaz.resolve(
                    names[i],
                    context_admin1=raion[0] if raion else strong or loc.admin1,
                    context_admin2=raion[1] if raion else None,
                    country_hint=country,
                    near=near,
                    towns=_town(kept[i]),
                )
                if better.lat is not None:
                    loc = better
                    break
        elif loc.lat is not None and strong is None and not raions[i]:
            loc = _namesake_of_the_document(names[i], loc, kept[i], gaz, first, i, country)
        if loc.admin1 is None and loc.precision not in ("country", "region"):
            # An oblast named in the same sentence first, then the whole document's.
            near = (
                gaz.resolve(
                    names[i], context_names=[weak], country_hint=country, towns=_town(kept[i])
                )
                if (weak)
                else None
            )
            if near is not None and near.admin1 == weak:
                loc = near
            else:
                loc = gaz.resolve(
                    names[i],
                    context_names=_without(areas, loc),
                    country_hint=country,
                    towns=_town(kept[i]),
                )
        mentions.append(PlaceMention(spans[i][0], spans[i][1], texts[i], loc))
    return _city_districts(mentions, toks)


_DISTRICT = re.compile(r"\b(?:district|raion|rayon)$", re.IGNORECASE)
_OF_CITY = re.compile(r"^\s*(?:,|of|in)\s*(?:the\s+city\s+of\s+)?$", re.IGNORECASE)
_CITYS = re.compile(r"^['’]s\s+(?:the\s+)?$")


def _city_districts(mentions: list[PlaceMention], toks: Tokens) -> list[PlaceMention]:
    """A district tied to a city ("Kyiv's Shevchenkivskyi district", "the Saltivskyi
    district of Kharkiv", "the Novy district of Chasiv Yar") is a place in that city: it
    takes the city's name, record and point, not a namesake village's or raion's."""
    out = list(mentions)
    for i, m in enumerate(mentions):
        if not _DISTRICT.search(m.text):
            continue
        city = None
        if i > 0 and _CITYS.match(toks.text[mentions[i - 1].end : m.start]):
            city = mentions[i - 1]
        elif i + 1 < len(mentions) and _OF_CITY.match(toks.text[m.end : mentions[i + 1].start]):
            city = mentions[i + 1]
        if city is None or city.location.precision != "settlement" or city.location.lat is None:
            continue
        if m.location.precision == "admin2" and m.location.admin1 == city.location.admin1:
            continue  # "the Kupiansk district of Kharkiv": a raion of the oblast
        # named as the city, as annotators and readers name it ("the Novy district of
        # Chasiv Yar" happened in Chasiv Yar)
        out[i] = PlaceMention(m.start, m.end, m.text, replace(city.location))
    return out


def _namesake_of_the_document(
    name: str,
    loc: Location,
    found: Found,
    gaz: Gazetteer,
    first: list[Location],
    i: int,
    country: str | None,
) -> Location:
    """A town taken for the larger of its namesakes, when the rest of the document lies
    in the oblast of another one, is that one: a note about Kharkiv oblast's villages
    means its own Zolochiv, not Lviv oblast's larger town. A regional capital or a city
    (rank 3) stays itself: "Kherson" is the city wherever the other places are."""
    settlements = [p for p in found.cands if p.kind == "settlement"]
    if len({p.admin1 for p in settlements}) < 2 or any(
        p.rank >= 3 and p.admin1 == loc.admin1 for p in settlements
    ):
        return loc
    others = [a.admin1 for j, a in enumerate(first) if j != i and a.admin1]
    better = gaz.resolve(name, context_names=others, country_hint=country)
    if better.lat is not None and better.admin1 != loc.admin1:
        return better
    return loc


def _points(
    first: list[Location], kept: list[Found], toks: Tokens, i: int
) -> list[list[tuple[float, float]]]:
    """The points of the other settlements of mention ``i``'s sentence, then of the
    whole text: where a namesake is looked for."""
    sent = toks.sent_id[kept[i].start]
    located = [
        (j, (loc.lat, loc.lon))
        for j, loc in enumerate(first)
        if j != i and loc.lat is not None and loc.lon is not None and loc.precision == "settlement"
    ]
    same = [pt for j, pt in located if toks.sent_id[kept[j].start] == sent]
    everywhere = [pt for _j, pt in located]
    return [pts for pts in (same, everywhere) if pts]  # type: ignore[misc]


def _raion_context(
    i: int, kept: list[Found], spans: list[tuple[int, int]], toks: Tokens, gaz: Gazetteer
) -> tuple[str, str] | None:
    """(oblast, raion) when the text puts mention ``i`` in a raion right after it ("X,
    Kupiansk raion", "X in the Kramatorsk district of Donetsk Oblast")."""
    if i + 1 >= len(kept):
        return None
    nxt = kept[i + 1]
    between = toks.text[spans[i][1] : spans[i + 1][0]]
    if toks.sent_id[nxt.start] != toks.sent_id[kept[i].start] or not CONTAINED_IN.match(between):
        return None
    if not any(p.kind == "admin2" for p in nxt.cands) and toks.lower(nxt.end - 1) not in (
        ADMIN2_WORDS
    ):
        return None
    loc = gaz.resolve(nxt.query(toks))
    if loc.precision == "admin2" and loc.admin1 and loc.admin2:
        return loc.admin1, loc.admin2
    return None


def _without(names: Sequence[str], loc: Location) -> list[str]:
    return [n for n in names if n != loc.name]


def _local_context(
    i: int,
    kept: list[Found],
    spans: list[tuple[int, int]],
    toks: Tokens,
    gaz: Gazetteer,
    listed: set[int],
) -> tuple[str | None, str | None, str | None]:
    """(admin1 the text puts this place in, country hint, weaker same-sentence admin1).

    ``listed``: mentions of an "X, Y and Z" list, where "X, Y" does not put X in Y."""
    f = kept[i]
    sent = toks.sent_id[f.start]
    strong: str | None = None
    country: str | None = None
    weak: str | None = None
    if i + 1 < len(kept):
        nxt = kept[i + 1]
        between = toks.text[spans[i][1] : spans[i + 1][0]]
        in_list = id(f) in listed and id(nxt) in listed and not _names_its_area(nxt, toks)
        if toks.sent_id[nxt.start] == sent and CONTAINED_IN.match(between) and not in_list:
            area = _area_of(nxt, toks, gaz)
            if area is not None:
                strong = area
            elif (
                f.cands
                and not any(p.kind == "country" for p in f.cands)
                and any(p.kind == "country" for p in nxt.cands)
            ):
                country = next(p.country for p in nxt.cands if p.kind == "country")
    if strong is None:
        # An oblast or region named elsewhere in the same sentence, nearest first.
        others = sorted(
            (j for j in range(len(kept)) if j != i and toks.sent_id[kept[j].start] == sent),
            key=lambda j: abs(kept[j].start - f.start),
        )
        for j in others:
            if _is_admin1_phrase(kept[j], toks):
                weak = _area_of(kept[j], toks, gaz)
                if weak:
                    break
        in_weak = any(p.admin1 == weak for p in f.cands)
        if weak and (in_weak or not _a_city_elsewhere(f, toks, spans[i][0])):
            # an unknown village in a named region, or one of namesakes that lies in it
            # ("X, Y district, Kharkiv region"): take it. A city that lies elsewhere
            # keeps its own area: in "drones set a refinery in Ryazan on fire and hit a
            # substation in the Tula region" Ryazan is not in Tula's.
            strong, weak = weak, None
    return strong, country, weak


# A city of this many people is the place its name means unless the text says otherwise.
_CITY_POPULATION = 100_000
_VILLAGE_OF = re.compile(r"\b(?:village|hamlet|settlement)\s+of\s+$", re.IGNORECASE)


def _a_city_elsewhere(f: Found, toks: Tokens, start: int) -> bool:
    """Is the mention a known city (a capital, a city of 100,000+), not written as
    "the village of X"? Such a name is not a village of the region the sentence names."""
    if _VILLAGE_OF.search(toks.text[max(0, start - 24) : start]):
        return False
    return any(
        p.kind in ("city", "settlement")
        and (p.rank >= 3 or (p.population or 0) >= _CITY_POPULATION)
        for p in f.cands
    )


def _names_its_area(f: Found, toks: Tokens) -> bool:
    """ "Donetsk region", "Sumy Oblast": written as an area, not as a town."""
    return toks.lower(f.end - 1) in SUFFIX_WORDS or f.area_word is not None


def _is_admin1_phrase(f: Found, toks: Tokens) -> bool:
    return any(p.kind == "admin1" for p in f.cands) and (
        toks.lower(f.end - 1) in ADMIN1_WORDS
        or f.area_word in ADMIN1_WORDS
        or all(p.kind == "admin1" for p in f.cands)
    )


def _area_of(f: Found, toks: Tokens, gaz: Gazetteer) -> str | None:
    """The first-level area a mention stands for: an oblast or province ("Kharkiv
    region", "Quebec"), or a capital that stands for its area ("Kharkiv", "Moscow")."""
    if not f.cands:
        return None
    loc = gaz.resolve(f.query(toks))
    if loc.precision == "admin1":
        return loc.admin1
    capitals = [
        p
        for p in f.cands
        if p.rank >= 3
        and p.kind in ("settlement", "city")
        and p.lat == loc.lat
        and p.lon == loc.lon
    ]
    return loc.admin1 if capitals else None
