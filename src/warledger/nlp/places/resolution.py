"""From a found place name to a Location: the nearest context first (an oblast named
right after the place or in the same sentence), then the oblasts of the document's other
places."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from warledger.nlp.context import PlaceMention
from warledger.nlp.places.gazetteer import (
    ADMIN1_WORDS,
    Gazetteer,
)
from warledger.nlp.places.tokens import CONTAINED_IN, SUFFIX_WORDS, Found, Tokens, lists_of
from warledger.types import Location

if TYPE_CHECKING:
    pass


def resolve_all(toks: Tokens, kept: list[Found], gaz: Gazetteer) -> list[PlaceMention]:
    spans = [(toks.starts[f.start], toks.ends[f.end - 1]) for f in kept]
    texts = [toks.text[s:e] for s, e in spans]
    names = [f.query(toks) for f in kept]
    # Pass 1: each mention with its local context only.
    listed = {id(f) for run, closed in lists_of(kept, toks) if closed for f in run}
    local = [_local_context(i, kept, spans, toks, gaz, listed) for i in range(len(kept))]
    first = [
        gaz.resolve(names[i], context_admin1=ctx, country_hint=country)
        for i, (ctx, country, _weak) in enumerate(local)
    ]
    # The oblasts the document is about: every mention's area, as far as it is known.
    areas = [loc.admin1 for loc in first if loc.admin1]
    # Pass 2: ambiguous names take the document's oblasts (and weak sentence context).
    mentions: list[PlaceMention] = []
    for i, loc in enumerate(first):
        _strong, country, weak = local[i]
        if loc.admin1 is None and loc.precision not in ("country", "region"):
            # An oblast named in the same sentence first, then the whole document's.
            near = (
                gaz.resolve(names[i], context_names=[weak], country_hint=country)
                if (weak)
                else None
            )
            if near is not None and near.admin1 == weak:
                loc = near
            else:
                loc = gaz.resolve(
                    names[i], context_names=_without(areas, loc), country_hint=country
                )
        mentions.append(PlaceMention(spans[i][0], spans[i][1], texts[i], loc))
    return mentions


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
        if weak and not any(p.country == "UA" for p in f.cands if p.kind == "settlement"):
            strong, weak = weak, None  # an unknown village in a named region: take it
    return strong, country, weak


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
