"""A gazetteer entry and the ledger Location it resolves to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from warledger.types import Location

PlaceKind = Literal["settlement", "admin1", "admin2", "city", "country", "region", "facility"]

# Words that turn a name into its administrative area ("Kharkiv region"), or into a
# smaller unit named after a settlement ("the Esman community", "Pokrovsk district").
ADMIN1_WORDS = ("oblast", "region", "province")
ADMIN2_WORDS = ("district", "raion", "rayon")
HROMADA_WORDS = ("community", "hromada", "municipality")


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
    """The ledger Location for a resolved place: ``name`` as written when given, the
    gazetteer's own name beside it."""
    return Location(
        name=name or place.name,
        gazetteer_name=place.name,
        admin1=place.admin1,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        precision=_precision(place),
        admin2=place.admin2,
        pcode=place.pcode,
    )
