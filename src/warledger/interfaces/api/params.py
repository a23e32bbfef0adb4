"""Query parameters shared by the API and the dashboard, validated once.

The API declares them with types (so /docs lists the allowed values and a bad value is
a 422 naming the parameter); the dashboard's HTML forms send empty strings for "any",
which ``filter_from_form`` treats as absent before the same checks.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from fastapi import Query

from warledger.errors import UsageError
from warledger.ledger.query import SORTS, EventFilter, default_theatre
from warledger.ledger.theatre import ALL_THEATRES
from warledger.types import EVENT_KINDS, STATUSES, EventKind

Kind = EventKind  # the schema's kinds, so a bad value is a 422 that lists them
Status = Literal["reported", "claimed", "unverified", "confirmed"]
SIDE_PATTERN = r"^[A-Za-z]{2,8}$"
MAX_LIMIT = 500
# Databases take a signed 64-bit offset; a bigger one overflowed into a 500. No ledger
# has a billion rows to skip.
MAX_OFFSET = 1_000_000_000

KindQ = Annotated[Kind | None, Query(description="event kind")]
SubtypeQ = Annotated[str | None, Query(max_length=40, pattern=r"^[a-z_]+$")]
SideQ = Annotated[
    str | None,
    Query(pattern=SIDE_PATTERN, description="actor or target side, e.g. RU, UA (any case)"),
]
OblastQ = Annotated[
    str | None, Query(max_length=120, description="part of the oblast name, any case")
]
StatusQ = Annotated[Status | None, Query()]
DateFromQ = Annotated[date | None, Query(description="events overlapping from this day")]
DateToQ = Annotated[date | None, Query(description="events overlapping up to this day")]
ContradictionQ = Annotated[bool | None, Query(description="sources disagree on a number")]
SourceQ = Annotated[str | None, Query(max_length=200, description="an outlet, e.g. voanews.com")]
CountryQ = Annotated[
    str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 code of the event's place")
]
PlaceQ = Annotated[
    str | None, Query(max_length=120, description="part of a place or oblast name, any case")
]
TheatreQ = Annotated[
    str | None,
    Query(
        max_length=40,
        pattern=r"^[a-z0-9_-]+$",
        description="theatre (default: russia-ukraine); 'all' for every event",
    ),
]
TextQ = Annotated[
    str | None,
    Query(
        max_length=200,
        description="part of the event's words, any case: its summary, places, sides, "
        "weapons, sources, URLs, evidence sentences",
    ),
]
SORT_PATTERN = "^-?(" + "|".join(SORTS) + ")$"
SortQ = Annotated[
    str | None, Query(pattern=SORT_PATTERN, description="sort key, '-' for descending: -date")
]
LimitQ = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
OffsetQ = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


async def event_filter(
    kind: KindQ = None,
    subtype: SubtypeQ = None,
    side: SideQ = None,
    oblast: OblastQ = None,
    status: StatusQ = None,
    date_from: DateFromQ = None,
    date_to: DateToQ = None,
    contradiction: ContradictionQ = None,
    source: SourceQ = None,
    country: CountryQ = None,
    place: PlaceQ = None,
    theatre: TheatreQ = None,
    q: TextQ = None,
) -> EventFilter:
    """FastAPI dependency: the event filters of a request (async: no thread hop)."""
    return filter_values(
        kind,
        subtype,
        side,
        oblast,
        status,
        date_from,
        date_to,
        contradiction,
        source,
        country=country,
        place=place,
        theatre=theatre,
        q=q,
    )


def filter_values(
    kind: str | None = None,
    subtype: str | None = None,
    side: str | None = None,
    oblast: str | None = None,
    status: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    contradiction: bool | None = None,
    source: str | None = None,
    *,
    country: str | None = None,
    place: str | None = None,
    theatre: str | None = None,
    q: str | None = None,
) -> EventFilter:
    """Checked, normalised filter values (side upper-cased, blank oblast ignored; no
    theatre means the default theatre, ``all`` every theatre)."""
    if date_from and date_to and date_from > date_to:
        raise UsageError("date_from is after date_to")
    return EventFilter(
        country=country.upper() if country else None,
        place=place.strip() or None if place else None,
        theatre=(theatre or default_theatre()).lower(),
        q=q.strip() or None if q else None,
        kind=kind,
        subtype=subtype,
        side=side.upper() if side else None,
        oblast=oblast.strip() or None if oblast else None,
        status=status,
        date_from=date_from,
        date_to=date_to,
        contradiction=contradiction,
        source=source,
    )


def _date(name: str, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name}: not a date (YYYY-MM-DD): {value!r}") from None


def filter_from_form(params: dict[str, str]) -> EventFilter:
    """The dashboard's filters; blank fields mean "any"; bad values raise ``UsageError``."""
    p = {k: v.strip() for k, v in params.items() if v and v.strip()}
    kind, status, side = p.get("kind"), p.get("status"), p.get("side")
    if kind and kind not in EVENT_KINDS:
        raise UsageError(f"kind: unknown event kind {kind!r}")
    if status and status not in STATUSES:
        raise UsageError(f"status: unknown status {status!r}")
    if side and not re.fullmatch(SIDE_PATTERN, side):
        raise UsageError(f"side: not a side code {side!r}")
    contradiction = p.get("contradiction")
    if contradiction and contradiction.lower() not in ("true", "false"):
        raise UsageError(f"contradiction: expected true or false, not {contradiction!r}")
    return filter_values(
        kind=kind,
        subtype=p.get("subtype"),
        side=side,
        oblast=p.get("oblast"),
        status=status,
        date_from=_date("date_from", p.get("date_from")),
        date_to=_date("date_to", p.get("date_to")),
        contradiction=None if not contradiction else contradiction.lower() == "true",
        source=p.get("source"),
        country=_country(p.get("country")),
        place=p.get("place"),
        theatre=_theatre(p.get("theatre")),
        q=p.get("q"),
    )


def _country(value: str | None) -> str | None:
    if value and not re.fullmatch(r"[A-Za-z]{2}", value):
        raise UsageError(f"country: not an ISO 3166 code {value!r}")
    return value


def _theatre(value: str | None) -> str | None:
    if value and not re.fullmatch(r"[a-z0-9_-]{1,40}", value.lower()):
        raise UsageError(f"theatre: not a theatre name {value!r} (or {ALL_THEATRES!r})")
    return value


def sort_from_form(params: dict[str, str]) -> str | None:
    """The dashboard's sort key (``-date`` by default); a bad one raises ``UsageError``."""
    value = (params.get("sort") or "").strip()
    if value and not re.fullmatch(SORT_PATTERN, value):
        raise UsageError(f"sort: unknown key {value!r} (choose from {', '.join(SORTS)})")
    return value or None


def page_numbers(params: dict[str, str], *, default_limit: int = 50) -> tuple[int, int]:
    """limit/offset of a dashboard page, clamped to sane values."""
    try:
        limit = int(params.get("limit") or default_limit)
        offset = int(params.get("offset") or 0)
    except ValueError:
        raise UsageError("limit and offset must be whole numbers") from None
    if not 1 <= limit <= MAX_LIMIT or not 0 <= offset <= MAX_OFFSET:
        raise UsageError(f"limit must be 1..{MAX_LIMIT} and offset 0..{MAX_OFFSET}")
    return limit, offset
