"""The gazetteer: a theatre's places (for Ukraine: settlements, oblasts and raions, world
cities, countries and a few vague regions), indexed by :func:`name_key`.

Loaded once per process and theatre from the theatre's gazetteer folder
(:mod:`warledger.nlp.places.sources`). ``resolve`` turns a name plus context into a
:class:`~warledger.types.Location` and never guesses: an ambiguous name with no context
and no clearly dominant candidate keeps its name with null coordinates.
"""

from __future__ import annotations

import gc
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from warledger.nlp.places import sources
from warledger.nlp.places.names import name_key
from warledger.nlp.places.place import (
    ADMIN1_WORDS,
    ADMIN2_WORDS,
    HROMADA_WORDS,
    Place,
    PlaceKind,
    place_location,
)
from warledger.nlp.theatre import Theatre, default_theatre
from warledger.types import Location

__all__ = [
    "ADMIN1_WORDS",
    "ADMIN2_WORDS",
    "HROMADA_WORDS",
    "Gazetteer",
    "Place",
    "PlaceKind",
    "place_location",
    "split_suffix",
]


def _located(place: Place, written: str, kind_hint: str | None) -> Location:
    """The Location of a resolved place, under the name the text gives it: a town
    written "Kharkov" or by its new name stays so, with the gazetteer's name beside it.
    A name written with an area word ("Pokrovsk district") keeps the gazetteer's name."""
    written_as = None
    if (
        kind_hint is None
        and place.kind in ("settlement", "city")
        and written
        and not written.isupper()
        and written.casefold() != place.name.casefold()
    ):
        written_as = written
    return place_location(place, name=written_as)


# The rank from which a place is "the" one of its name among lesser namesakes: a raion
# centre, a town of 15,000+, a large world city (see Place.rank).
_TOWN_RANK = 2

# Namesake villages are rarely this close to each other; a place the text names beside
# an ambiguous one picks the namesake within this distance.
NEAR_KM = 25.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
        (lon2 - lon1) / 2
    ) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


# GeoNames lists Ukraine's places from 1,000 people: a town of 5,000 or more, five times
# the size of every namesake (hamlets absent from GeoNames count as under 1,000), is the
# one a text names without saying more (Huliaipole, Krasnopillia). Smaller villages are
# not told apart by size: a village of 1,500 is no likelier in the news than its namesake.
_TOWN_POPULATION = 5000


def _largest(cands: Sequence[Place]) -> Place | None:
    """The town of 5,000+ whose population is at least five times every namesake's (an
    unknown population counts as under 1,000), else None."""
    by_size = sorted(cands, key=lambda p: -(p.population or 0))
    first = by_size[0].population or 0
    second = (by_size[1].population or 0) if len(by_size) > 1 else 0
    if first >= _TOWN_POPULATION and first >= 5 * max(second, 1000):
        return by_size[0]
    return None


def _near(cands: Sequence[Place], points: Sequence[tuple[float, float]]) -> list[Place]:
    """Candidates within NEAR_KM of any of ``points`` (a candidate at one of the points
    itself is the other mention, not a neighbour)."""
    out = []
    for p in cands:
        if p.lat is None or p.lon is None or p.kind not in ("settlement", "city"):
            continue
        here = (p.lat, p.lon)
        if any(0.0 < _km(here, pt) <= NEAR_KM for pt in points):
            out.append(p)
    return out


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
        # Smaller towns far from the theatre, read on first use (see :meth:`towns`).
        self.town_source: Callable[[], Iterable[tuple[str, Place]]] | None = None
        self._towns: dict[str, list[Place]] | None = None

    # -- loading -----------------------------------------------------------------------

    @classmethod
    def load(cls, theatre: Theatre | None = None) -> Gazetteer:
        """The theatre's gazetteer (default: the packaged theatre), loaded once per process
        (about 0.3 s for Ukraine)."""
        return _load(theatre or default_theatre())

    @classmethod
    def from_package(cls) -> Gazetteer:
        return cls(sources.entries(default_theatre()))

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

    def towns(self, name: str) -> list[Place]:
        """The smaller towns far from the theatre that ``name`` may be, when they all lie
        in one country (else none: the country would be a guess). Only for a name already
        known to be a place; the text scan never looks here."""
        if self._towns is None:
            self._towns = {}
            for key, place in self.town_source() if self.town_source else ():
                self._towns.setdefault(key, []).append(place)
        found = self._towns.get(name_key(name), [])
        if len({p.country for p in found}) != 1:
            return []
        return sorted(found, key=lambda p: -(p.population or 0))

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
        context_admin2: str | None = None,
        near: Sequence[tuple[float, float]] = (),
        towns: bool = False,
    ) -> Location:
        """The place ``name`` most plausibly is, given its context (``towns``: it may be
        one of the smaller towns far from the theatre, see :meth:`towns`).

        ``context_admin1`` is a first-level area the text ties this mention to ("X,
        Kharkiv region"), ``context_admin2`` a raion ("X, Kupiansk district");
        ``context_names`` are other places in the same document (their oblasts break
        ties); ``near`` the points of places the text puts it beside ("X near Kupiansk")
        or names with it: of namesakes, the only one within :data:`NEAR_KM` of them is
        meant; ``country_hint`` an ISO code the text ties it to ("Jeddah, Saudi
        Arabia"). Unresolved: the name is kept and coordinates stay null.
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
        if not cands and towns:
            cands = self.towns(name)  # a name the finder matched in the town list
        if kind_hint == "admin2":
            cands = [p for p in cands if p.kind == "admin2"] or cands
        elif kind_hint == "city":
            cands = [p for p in cands if p.kind in ("city", "settlement")] or cands
        if country_hint:
            cands = [p for p in cands if p.country == country_hint] or cands

        ctx = self.admin1(context_admin1)
        if ctx is not None:
            inside = [p for p in cands if p.admin1 == ctx.admin1 and p is not ctx]
            if context_admin2 and len(inside) > 1:
                inside = [p for p in inside if p.admin2 == context_admin2] or inside
            close = _near(inside, near) if len(inside) > 1 and near else []
            if len(close) == 1:
                return _located(close[0], shown, kind_hint)
            if inside:
                return self._best_of(inside, shown, kind_hint)
            dominant = self._dominant(cands)
            if dominant is not None and dominant.kind not in ("settlement", "city"):
                # an area of that name ("Donetsk, Donetsk Oblast"), never a namesake town
                # outside the area the text gives
                return _located(dominant, shown, kind_hint)
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
                return _located(capital[0], shown, kind_hint)
            if admins[0].kind != "admin2":
                return _located(admins[0], shown, kind_hint)

        close = _near(cands, near) if near else []
        if len(close) == 1:
            return _located(close[0], shown, kind_hint)
        chosen = self._by_document(cands, context_names)
        if chosen:
            return self._best_of(chosen, shown, kind_hint)
        dominant = self._dominant(cands)
        if dominant is not None:
            return _located(dominant, shown, kind_hint)
        same_admin1 = {p.admin1 for p in cands}
        if len(same_admin1) == 1 and None not in same_admin1:
            return self._best_of(cands, shown, kind_hint)
        countries = {p.country for p in cands}
        country = countries.pop() if len(countries) == 1 else country_hint
        return Location(name=shown, country=country)

    def _best_of(self, cands: list[Place], shown: str, kind_hint: str | None) -> Location:
        """Among candidates in one area: the single one, else a town that outranks the
        rest (a raion centre or a town of 15,000 among villages), else the hromada centre
        when the text names the community; still tied -> the area only, with null
        coordinates: a hromada centre among namesake villages is no better than a guess."""
        if len(cands) == 1:
            return _located(cands[0], shown, kind_hint)
        if kind_hint in ("hromada", "admin2", "area"):
            centres = [p for p in cands if p.is_hromada_centre]
            if len(centres) == 1:
                return _located(centres[0], shown, kind_hint)
        top = max(p.rank for p in cands)
        best = [p for p in cands if p.rank == top]
        if len(best) > 1:
            best = [p for p in best if p.is_hromada_centre] or best
        if len(best) == 1 and top >= _TOWN_RANK:
            return _located(best[0], shown, kind_hint)
        larger = _largest(cands)
        if larger is not None:
            return _located(larger, shown, kind_hint)
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
        if first.rank > second.rank and first.rank >= _TOWN_RANK:
            return first
        larger = _largest(ordered)
        if larger is not None and larger.kind == "settlement":
            return larger
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


@lru_cache(maxsize=4)
def _load(theatre: Theatre) -> Gazetteer:
    # 100,000 small objects that all live as long as the process: the cyclic collector
    # would scan them again and again while they are built, and find nothing to free.
    enabled = gc.isenabled()
    gc.disable()
    try:
        gazetteer = Gazetteer(sources.entries(theatre))
        gazetteer.town_source = lambda: sources.towns(theatre)
        return gazetteer
    finally:
        if enabled:
            gc.enable()
