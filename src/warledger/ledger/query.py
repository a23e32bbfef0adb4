"""Filtered, sorted, paginated reads of the consolidated ledger: one filter vocabulary
for the CLI, the API and the dashboard.

``EventFilter`` names what a reader asked for (kind, subtype, side, country, oblast,
place, date range, status, theatre, free text, ...). Queries run against the ``events``
table's columns and only decode the JSON of the rows on the requested page, so a page of
a 100,000-event ledger costs a few index walks.

The theatre is a filter like the others, with a default: the packaged theatre
(Russia–Ukraine). ``theatre="all"`` lifts it; ``left_out`` says how many events the
default hides, so a view can say so.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from warledger import settings
from warledger.ledger import page_sql
from warledger.ledger.consolidate import ConsolidatedEvent, event_from_dict
from warledger.ledger.consolidated_schema import claims, events
from warledger.ledger.schema import document_copies, documents, mentions, positions
from warledger.ledger.search import TRIGRAM, place_search, text_search, unindexed
from warledger.ledger.summary import summarise
from warledger.ledger.theatre import ALL_THEATRES, default_scope

# Sort keys a reader may ask for ("-" first: descending). Dates sort undated last.
SORTS = {
    "date": events.c.date_start,
    "kind": events.c.kind,
    "place": events.c.place_name,
    "oblast": events.c.admin1,
    "killed": events.c.killed,
    "injured": events.c.injured,
    "launched": events.c.launched,
    "sources": events.c.n_sources,
    "status": events.c.status,
}
DEFAULT_SORT = "-date"


@lru_cache(maxsize=1)
def oblast_names() -> dict[str, str]:
    """Lower-cased → canonical first-level names of the packaged gazetteer."""
    path = settings.THEATRE_DIR / "gazetteer" / "ua_admin1.csv"
    with path.open(encoding="utf-8") as fh:
        return {row["name"].lower(): row["name"] for row in csv.DictReader(fh)}


def default_theatre() -> str:
    return default_scope().theatre


@dataclass(frozen=True)
class EventFilter:
    """What a reader asked for; ``None`` means "any". ``theatre`` defaults to the
    packaged theatre; ``"all"`` means every theatre."""

    kind: str | None = None
    subtype: str | None = None
    side: str | None = None
    country: str | None = None
    oblast: str | None = None
    place: str | None = None
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    contradiction: bool | None = None
    source: str | None = None
    theatre: str | None = field(default_factory=default_theatre)
    q: str | None = None
    kinds: tuple[str, ...] = field(default=())

    def as_query(self) -> dict[str, str]:
        """The filter as URL query parameters (for links that keep the filter)."""
        out: dict[str, str | None] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "kinds" or value is None:
                continue
            if f.name == "theatre" and value == default_theatre():
                continue
            out[f.name] = value.isoformat() if isinstance(value, date) else str(value)
        return {k: v for k, v in out.items() if v}

    def any_theatre(self) -> EventFilter:
        return replace(self, theatre=ALL_THEATRES)


def everything(**kwargs: Any) -> EventFilter:
    """A filter over every theatre (stats, coverage, snapshots)."""
    return EventFilter(theatre=ALL_THEATRES, **kwargs)


@dataclass
class Page:
    """One page of results, how many there are in all, and how many the theatre hides."""

    total: int
    limit: int
    offset: int
    items: list[Any]
    left_out: int = 0


def _where(
    query: sa.Select[Any],
    f: EventFilter,
    *,
    by_oblast: bool = False,
    places: PlaceMatch | None = None,
) -> sa.Select[Any]:
    # With a search, the search index finds the rows and the other filters only test
    # them: SQLite would otherwise walk an index of one of those columns (the theatre's
    # holds nearly every event) and test the search on each row (20-40 ms on 100,000).
    # ``by_oblast``: the theatre is only tested, so SQLite walks the oblast's index.
    # ``places``: the names ``f.place`` matches, looked up by name instead of searched.
    c = (lambda name: unindexed(events.c[name])) if f.q or f.place else events.c.__getitem__
    if f.kind:
        query = query.where(c("kind") == f.kind)
    if f.kinds:
        query = query.where(c("kind").in_(f.kinds))
    if f.subtype:
        query = query.where(c("subtype") == f.subtype)
    if f.side:
        query = query.where(sa.or_(c("actor_side") == f.side, c("target_side") == f.side))
    if f.country:
        query = query.where(c("country") == f.country)
    if f.oblast:
        exact = oblast_names().get(f.oblast.lower())
        if exact:  # a full oblast name (the dashboard's choice): the admin1 index answers
            query = query.where(c("admin1") == exact)
        else:  # part of a name, any case: "kharkiv" finds "Kharkiv Oblast"
            query = query.where(sa.func.lower(events.c.admin1).contains(f.oblast.lower()))
    if f.place:
        query = query.where(place_search(f.place) if places is None else places.condition())
    if f.q:
        query = query.where(text_search(f.q))
    if f.status:
        query = query.where(c("status") == f.status)
    if f.date_from:
        query = query.where(c("date_end") >= f.date_from)
    if f.date_to:
        query = query.where(c("date_start") <= f.date_to)
    if f.contradiction is not None:
        query = query.where(c("contradiction").is_(f.contradiction))
    if f.source:
        has_claim = (
            sa.select(claims.c.event_id)
            .where(claims.c.event_id == events.c.event_id)
            .where(claims.c.source == f.source)
            .exists()
        )
        query = query.where(has_claim)
    if f.theatre and f.theatre != ALL_THEATRES:
        theatre = unindexed(events.c.theatre) if by_oblast else c("theatre")
        query = query.where(theatre == f.theatre)
    return query


def filtered(query: sa.Select[Any], f: EventFilter) -> sa.Select[Any]:
    """``query`` (over the events table) restricted to the events ``f`` matches."""
    return _where(query, f)


# Newest first, undated last, ties by id (stable pages). NULLS LAST rather than an
# "IS NULL" sort key, so both SQLite and PostgreSQL can walk the date_start index.
_ORDER = (events.c.date_start.desc().nulls_last(), events.c.event_id)


def order_by(sort: str | None) -> tuple[Any, ...]:
    """ORDER BY for a sort key such as ``-date``, ``place`` or ``-killed``; unknown
    values raise ``ValueError`` (the interfaces turn it into a usage error)."""
    sort = sort or DEFAULT_SORT
    descending = sort.startswith("-")
    column = SORTS.get(sort.lstrip("-"))
    if column is None:
        raise ValueError(f"sort: unknown key {sort!r} (choose from {', '.join(SORTS)})")
    if sort == DEFAULT_SORT:
        return _ORDER
    ordered = column.desc() if descending else column.asc()
    return (ordered.nulls_last(), events.c.event_id)


def _order_key(sort: str | None) -> tuple[str, bool] | None:
    """(column, descending) of a sort key for ``page_sql``; None for newest first."""
    sort = sort or DEFAULT_SORT
    if sort == DEFAULT_SORT:
        return None
    return SORTS[sort.lstrip("-")].name, sort.startswith("-")


def _side_page_ids(conn: sa.Connection, f: EventFilter, limit: int, offset: int) -> list[str]:
    """A page of events where the side acted OR was targeted, merged from two index walks.

    ``actor_side = X OR target_side = X`` cannot be read in date order from one index, so
    SQLite fetched and sorted every matching (wide) row for each page (20-50 ms on 10,000
    events). Each half instead walks its covering (side, date_start, event_id) index for
    the first offset + limit ids; merging them in the same order gives the same page.
    """
    rest = replace(f, side=None)
    found: dict[str, Any] = {}
    oblast = _exact_oblast(f)
    for column in (events.c.actor_side, events.c.target_side):
        if page_sql.covered(f) and (oblast or not f.oblast):
            text, params = page_sql.page_ids(
                conn.dialect.name,
                f,
                order=None,
                limit=offset + limit,
                offset=None,
                oblast=oblast,
                side_column=column.name,
                with_date=True,
            )
            found.update(conn.exec_driver_sql(text, params).tuples().all())
            continue
        query = (
            _where(sa.select(events.c.event_id, events.c.date_start), rest)
            .where(column == f.side)
            .order_by(*_ORDER)
            .limit(offset + limit)
        )
        found.update(conn.execute(query).tuples().all())
    return _newest_first(found)[offset : offset + limit]


def _exact_oblast(f: EventFilter) -> str | None:
    """The canonical name of the filter's oblast when it names one in full (any case)."""
    return oblast_names().get(f.oblast.lower()) if f.oblast else None


def _newest_first(found: dict[str, Any]) -> list[str]:
    """Ids by start day (dates or ISO strings), newest first, undated last, ties by id:
    the table's default order. Two stable sorts, so the days need not be numbers."""
    ordered = sorted(found.items())
    ordered.sort(key=lambda item: (item[1] is not None, item[1] or ""), reverse=True)
    return [event_id for event_id, _ in ordered]


def _search_page_ids(conn: sa.Connection, f: EventFilter, limit: int, offset: int) -> list[str]:
    """A page of a place or free-text search: the matching (id, date) pairs come from the
    search index (``ledger.search``), then are sorted here. With an ORDER BY the planner
    would walk the date index instead and test every event against the search."""
    query = _where(sa.select(events.c.event_id, events.c.date_start), f)
    found = dict(conn.execute(query).tuples().all())
    return _newest_first(found)[offset : offset + limit]


SEARCH_KEPT = 1000  # ids of a search's first pages that ``search_matches`` returns
PLACE_NAMES_AT_MOST = 500  # names a place search may look up one by one


@dataclass(frozen=True)
class PlaceMatch:
    """The place names and oblast names a place search matches."""

    places: tuple[str, ...]
    oblasts: tuple[str, ...]

    def condition(self) -> Any:
        """Events at one of the places or in one of the oblasts (each an index range)."""
        at = events.c.place_name.in_(self.places)
        within = events.c.admin1.in_(self.oblasts)
        if not self.oblasts:
            return at
        return within if not self.places else sa.or_(at, within)


@dataclass(frozen=True)
class PlaceNames:
    """Every distinct place name and oblast name of the ledger's events, lower-cased
    beside each: what a place search can match, the same for every search of one ledger
    version (100,000 events: 500 place names, read in 8 ms)."""

    places: tuple[tuple[str, str], ...]
    oblasts: tuple[tuple[str, str], ...]

    def matching(self, text: str) -> PlaceMatch | None:
        """The names containing ``text`` in any case, or None when there are too many
        to look up one by one (the search index is then cheaper)."""
        needle = text.lower()
        places = tuple(name for lower, name in self.places if needle in lower)
        oblasts = tuple(name for lower, name in self.oblasts if needle in lower)
        if len(places) + len(oblasts) > PLACE_NAMES_AT_MOST:
            return None
        return PlaceMatch(places, oblasts)


def place_names(engine: sa.Engine) -> PlaceNames:
    """The ledger's place and oblast names (``PlaceNames``), from the narrow indexes."""
    with engine.connect() as conn:
        found = [
            tuple(
                (name.lower(), name)
                for name in conn.execute(sa.select(column).where(column.is_not(None)).distinct())
                .scalars()
                .all()
            )
            for column in (events.c.place_name, events.c.admin1)
        ]
    return PlaceNames(*found)


def _place_matches(
    engine: sa.Engine, f: EventFilter, match: PlaceMatch
) -> tuple[list[str], int, int]:
    """``search_matches`` of a place search through the names it matches: the events of
    each name are an index range (``ix_events_place``: "place 3", 111 names and 22,200
    events of 100,000, takes 5 ms where the trigram index took 50 and sorting its
    matches in Python 15 more); the first page comes sorted from the database."""
    newest = (unindexed(events.c.date_start).desc().nulls_last(), events.c.event_id)
    first = _where(sa.select(events.c.event_id), f, places=match).order_by(*newest)
    here = sa.func.count(sa.case((events.c.theatre == f.theatre, 1)))
    counts = _where(
        sa.select(sa.func.count(), here).select_from(events), f.any_theatre(), places=match
    )
    with engine.connect() as conn:
        ids = list(conn.execute(first.limit(SEARCH_KEPT)).scalars())
        everywhere, total = conn.execute(counts).one()
    if not f.theatre or f.theatre == ALL_THEATRES:
        return ids, int(everywhere), 0
    return ids, int(total), int(everywhere) - int(total)


def search_matches(
    engine: sa.Engine, f: EventFilter, names: PlaceNames | None = None
) -> tuple[list[str], int, int]:
    """A place or free-text search's first ``SEARCH_KEPT`` matches newest first, how many
    it matches and how many more the theatre restriction hides, from one pass of the
    search index: its count, its count in every theatre and its page each searched the
    index again (place "place 3", 22,200 matches of 100,000: three passes of ~40 ms).

    With the ledger's ``names`` a place search of three characters or more (without
    free text) looks its matching names up instead (``_place_matches``); shorter ones
    keep the scan, whose case rules are the database's."""
    if names is not None and f.place and not f.q and len(f.place) >= TRIGRAM:
        match = names.matching(f.place)
        if match is not None:
            return _place_matches(engine, f, match)
    # The day as stored (an ISO string on SQLite): turning 22,200 of them into dates took
    # longer than the search.
    day = sa.type_coerce(events.c.date_start, sa.String)
    query = _where(sa.select(events.c.event_id, day, events.c.theatre), f.any_theatre())
    with engine.connect() as conn:
        rows = conn.execute(query).tuples().all()
    everywhere = not f.theatre or f.theatre == ALL_THEATRES
    found = {i: day for i, day, theatre in rows if everywhere or theatre == f.theatre}
    return _newest_first(found)[:SEARCH_KEPT], len(found), len(rows) - len(found)


def _page_ids(
    conn: sa.Connection, f: EventFilter, limit: int, offset: int, sort: str | None
) -> list[str]:
    """Ids of one page, sorted on the narrow columns only.

    Sorting rows that carry the events' JSON made SQLite move every matching document
    through its sorter; sorting ids and then fetching 50 documents is many times faster.
    """
    ordering = order_by(sort)
    if f.side and ordering == _ORDER:
        return _side_page_ids(conn, f, limit, offset)
    if (f.place or f.q) and ordering == _ORDER:
        return _search_page_ids(conn, f, limit, offset)
    # An oblast newest first: its (admin1, date_start) index holds a page in order, where
    # SQLite chose to walk the whole theatre's dates testing each event's oblast (4-5 ms
    # for a page at offset 800 of 100,000 events, 0.3 ms on the oblast's index).
    oblast = _exact_oblast(f)
    by_oblast = ordering == _ORDER and bool(oblast)
    if page_sql.covered(f) and not f.side and (oblast or not f.oblast):
        text, params = page_sql.page_ids(
            conn.dialect.name,
            f,
            order=_order_key(sort),
            limit=limit,
            offset=offset,
            oblast=oblast,
            by_oblast=by_oblast,
        )
        return list(conn.exec_driver_sql(text, params).scalars())
    query = _where(sa.select(events.c.event_id), f, by_oblast=by_oblast)
    query = query.order_by(*ordering).limit(limit).offset(offset)
    return list(conn.execute(query).scalars())


def _count(f: EventFilter) -> sa.Select[Any]:
    return _where(sa.select(sa.func.count()).select_from(events), f)


def _count_in(conn: sa.Connection, f: EventFilter) -> int:
    """How many events match. A side filter (acted OR was targeted) is counted as
    actor + target - both, each read from a covering index (``ix_events_sides`` for
    "both"): counting the OR directly visited every wide row (0.6 s on 100,000 events)."""
    if not f.side:
        return int(conn.execute(_count(f)).scalar_one())
    rest = _count(replace(f, side=None))
    actor = rest.where(events.c.actor_side == f.side)
    target = rest.where(events.c.target_side == f.side)
    both = actor.where(events.c.target_side == f.side)
    counts = [int(conn.execute(q).scalar_one()) for q in (actor, target, both)]
    return counts[0] + counts[1] - counts[2]


def count(engine: sa.Engine, f: EventFilter) -> int:
    with engine.connect() as conn:
        return _count_in(conn, f)


def left_out(engine: sa.Engine, f: EventFilter, total: int | None = None) -> int:
    """Events the theatre restriction hides from this filter (0 when there is none)."""
    if not f.theatre or f.theatre == ALL_THEATRES:
        return 0
    if total is None:
        total = count(engine, f)
    return count(engine, f.any_theatre()) - total


def _theatre_counts_in(conn: sa.Connection, f: EventFilter) -> tuple[int, int]:
    """(events ``f`` matches, events of other theatres its other conditions match) from
    one pass over the matches in every theatre, each counted once and tested for its
    theatre, instead of counting the theatre's and then every theatre's matches."""
    wide = f.any_theatre()
    here = sa.func.count(sa.case((events.c.theatre == f.theatre, 1)))
    query = _where(sa.select(sa.func.count(), here).select_from(events), replace(wide, side=None))
    if not f.side:
        everywhere, total = conn.execute(query).one()
        return int(total), int(everywhere) - int(total)
    actor = query.where(events.c.actor_side == f.side)
    target = query.where(events.c.target_side == f.side)
    both = actor.where(events.c.target_side == f.side)
    (a_all, a_here), (t_all, t_here), (b_all, b_here) = (
        conn.execute(q).one() for q in (actor, target, both)
    )
    total = int(a_here) + int(t_here) - int(b_here)
    return total, int(a_all) + int(t_all) - int(b_all) - total


def filter_counts(engine: sa.Engine, f: EventFilter) -> tuple[int, int]:
    """(events ``f`` matches, events the theatre restriction hides from it)."""
    if not f.theatre or f.theatre == ALL_THEATRES:
        return count(engine, f), 0
    with engine.connect() as conn:
        return _theatre_counts_in(conn, f)


def _page(
    engine: sa.Engine,
    f: EventFilter,
    limit: int,
    offset: int,
    column: Any,
    total: int | None = None,
    sort: str | None = None,
) -> tuple:
    """(total, column values of one page); a ``total`` the caller already knows is reused."""
    with engine.connect() as conn:
        if total is None:
            total = _count_in(conn, f)
        ids = _page_ids(conn, f, limit, offset, sort)
        rows = dict(
            conn.execute(sa.select(events.c.event_id, column).where(events.c.event_id.in_(ids)))
            .tuples()
            .all()
        )
    return total, [rows[i] for i in ids]


def page_ids(
    engine: sa.Engine, f: EventFilter, *, limit: int, offset: int, sort: str | None = None
) -> list[str]:
    """The ids of one page of ``event_page``, in its order, without reading any event:
    a caller that keeps what it made of each event (the dashboard's rendered rows) then
    reads only the ones it does not have (``event_dicts``)."""
    with engine.connect() as conn:
        return _page_ids(conn, f, limit, offset, sort)


def event_dicts(engine: sa.Engine, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored ledger-schema dict of each event in ``ids`` that exists, by id.

    One statement in the driver's own terms: building, caching and running the same
    SELECT through SQLAlchemy (an expanding IN, its JSON result processing) cost more
    than reading the rows (1.3 -> 0.8 ms for the 32 events a new page reads, 100,000
    events on SQLite). PostgreSQL's driver hands JSONB over decoded already.
    """
    return _json_by_id(engine, "data", ids)


def event_cells(engine: sa.Engine, ids: list[str]) -> dict[str, dict[str, Any] | None]:
    """The events table's cells kept with each event in ``ids`` that exists, by id
    (``ledger.cells``); None for an event whose cells were never written.

    In the driver's own terms, as ``event_dicts``: the cells are a few short values, and
    reading them is cheaper than building the statement.
    """
    return _json_by_id(engine, "cells", ids)


def _json_by_id(engine: sa.Engine, column: str, ids: list[str]) -> dict[str, Any]:
    """One JSON column of the events in ``ids``, by id, read in the driver's own terms
    (SQLite hands the text over, PostgreSQL's driver JSONB decoded already)."""
    if not ids:
        return {}
    mark = "?" if engine.dialect.paramstyle == "qmark" else "%s"
    marks = ", ".join([mark] * len(ids))
    sql = f"SELECT event_id, {column} FROM {events.name} WHERE event_id IN ({marks})"
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(sql, tuple(ids)).tuples().all()
    return {i: json.loads(v) if isinstance(v, str | bytes) else v for i, v in rows}


def event_page(
    engine: sa.Engine,
    f: EventFilter,
    *,
    limit: int,
    offset: int,
    sort: str | None = None,
    total: int | None = None,
    hidden: int | None = None,
) -> Page:
    """Events matching ``f``, newest first (undated last) unless ``sort`` says otherwise;
    a ``total`` and ``hidden`` (left out) count the caller already knows are reused."""
    page = event_dict_page(
        engine, f, limit=limit, offset=offset, sort=sort, total=total, hidden=hidden
    )
    page.items = [event_from_dict(d) for d in page.items]
    return page


def event_dict_page(
    engine: sa.Engine,
    f: EventFilter,
    *,
    limit: int,
    offset: int,
    sort: str | None = None,
    total: int | None = None,
    hidden: int | None = None,
) -> Page:
    """The same page as ``event_page`` with each event as its stored ledger-schema dict:
    the dashboard's table reads a few fields of each, and building the dataclasses of
    every claim cost as much as decoding the JSON."""
    total, data = _page(engine, f, limit, offset, events.c.data, total, sort=sort)
    return Page(
        total=total,
        limit=limit,
        offset=offset,
        items=data,
        left_out=left_out(engine, f, total) if hidden is None else hidden,
    )


def event_page_json(
    engine: sa.Engine,
    f: EventFilter,
    *,
    limit: int,
    offset: int,
    total: int | None = None,
    sort: str | None = None,
    hidden: int | None = None,
) -> tuple[bytes, int, int]:
    """The same page as ``event_page``, as the JSON body the API sends.

    The stored JSON of each event already is its ledger-schema form, so it is passed
    through as text: decoding and re-encoding 50 events with their claims dominated the
    API's response time under load. Returns the body, the total and how many events the
    theatre leaves out (``hidden``), which the caller may cache: every page of one filter
    shares them.
    """
    total, texts = _page(
        engine, f, limit, offset, sa.cast(events.c.data, sa.Text), total, sort=sort
    )
    if hidden is None:
        hidden = left_out(engine, f, total)
    head = f'{{"total":{total},"left_out":{hidden},"limit":{limit},"offset":{offset},"items":['
    return (head + ",".join(texts) + "]}").encode("utf-8"), total, hidden


def all_events(
    engine: sa.Engine, f: EventFilter, *, cap: int = 20000, sort: str | None = None
) -> list[ConsolidatedEvent]:
    """Every matching event (up to ``cap``) in one list; ``iter_events`` reads them all
    in bounded memory."""
    return event_page(engine, f, limit=cap, offset=0, sort=sort).items


PAGE = 1000  # events decoded at once by ``iter_events``


def _after(column: Any, descending: bool, value: Any, event_id: str) -> Any:
    """Rows after (value, event_id) in the order (column asc|desc nulls last, event_id):
    a range on the column first (which an index walks), then the ties by id."""
    if value is None:
        return sa.and_(column.is_(None), events.c.event_id > event_id)
    bound = column <= value if descending else column >= value
    beyond = column < value if descending else column > value
    return sa.or_(sa.and_(bound, sa.or_(beyond, events.c.event_id > event_id)), column.is_(None))


def iter_events(
    engine: sa.Engine,
    f: EventFilter,
    *,
    sort: str | None = None,
    page: int = PAGE,
    where: Any = None,
) -> Iterator[ConsolidatedEvent]:
    """Every event matching ``f`` (and the SQL condition ``where``), in ``event_page``'s
    order for ``sort``, read in keyset pages of ``page`` events: each page starts where
    the last one ended (no OFFSET, so the cost of a page does not grow with its
    position) and no cap cuts the list short."""
    ordering = order_by(sort)
    sort = sort or DEFAULT_SORT
    column = SORTS[sort.lstrip("-")]
    descending = sort.startswith("-")
    last: tuple[Any, str] | None = None
    while True:
        query = _where(sa.select(events.c.event_id, column), f).order_by(*ordering).limit(page)
        if where is not None:
            query = query.where(where)
        if last is not None:
            query = query.where(_after(column, descending, *last))
        with engine.connect() as conn:
            keys = conn.execute(query).all()
            ids = [k[0] for k in keys]
            data = dict(
                conn.execute(
                    sa.select(events.c.event_id, events.c.data).where(events.c.event_id.in_(ids))
                )
                .tuples()
                .all()
            )
        for event_id in ids:
            yield event_from_dict(data[event_id])
        if len(keys) < page:
            return
        last = (keys[-1][1], keys[-1][0])


def event_by_id(engine: sa.Engine, event_id: str) -> ConsolidatedEvent | None:
    with engine.connect() as conn:
        data = conn.execute(
            sa.select(events.c.data).where(events.c.event_id == event_id)
        ).scalar_one_or_none()
    return event_from_dict(data) if data is not None else None


MAP_COLUMNS = (
    events.c.event_id,
    events.c.kind,
    events.c.subtype,
    events.c.date_start,
    events.c.date_end,
    events.c.date_precision,
    events.c.place_name,
    events.c.admin1,
    events.c.country,
    events.c.lat,
    events.c.lon,
    events.c.precision,
    events.c.killed,
    events.c.injured,
    events.c.launched,
    events.c.intercepted,
    events.c.contradiction,
    events.c.actor_side,
    events.c.weapon,
    events.c.n_sources,
)


def map_rows(engine: sa.Engine, f: EventFilter, *, cap: int = 5000) -> list[dict[str, Any]]:
    """The flat columns the map needs (no JSON decoding: fast on big ledgers)."""
    query = _where(sa.select(*MAP_COLUMNS), f).order_by(*_ORDER).limit(cap)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def counts_by_oblast(engine: sa.Engine, f: EventFilter) -> dict[str, int]:
    query = _where(
        sa.select(events.c.admin1, sa.func.count()).where(events.c.admin1.is_not(None)), f
    ).group_by(events.c.admin1)
    with engine.connect() as conn:
        return {name: int(n) for name, n in conn.execute(query)}


def counts_by_day(engine: sa.Engine, f: EventFilter) -> dict[str, Counter[str]]:
    """Events per start day and kind (undated events cannot be placed on a timeline)."""
    query = _where(
        sa.select(events.c.date_start, events.c.kind, sa.func.count()).where(
            events.c.date_start.is_not(None)
        ),
        f,
    ).group_by(events.c.date_start, events.c.kind)
    out: dict[str, Counter[str]] = defaultdict(Counter)
    with engine.connect() as conn:
        for day, kind, n in conn.execute(query):
            out[day.isoformat()][kind] += int(n)
    return dict(sorted(out.items()))


def timeline_rows(engine: sa.Engine, f: EventFilter) -> list[dict[str, Any]]:
    """Dated events grouped by (start, end, precision, kind): a month-precision event
    spans its month on a timeline instead of sitting on the 1st."""
    cols = (events.c.date_start, events.c.date_end, events.c.date_precision, events.c.kind)
    query = (
        _where(sa.select(*cols, sa.func.count()), f)
        .where(events.c.date_start.is_not(None))
        .group_by(*cols)
    )
    with engine.connect() as conn:
        return [
            {
                "start": start,
                "end": end or start,
                "precision": precision or "unknown",
                "kind": kind,
                "n": int(n),
            }
            for start, end, precision, kind, n in conn.execute(query)
        ]


def map_features(engine: sa.Engine, f: EventFilter, *, cap: int = 5000) -> dict[str, Any]:
    """The map's data: placed events as GeoJSON points (flat columns only), how many have
    no coordinates, and events per oblast for the shading."""
    features, unplaced = [], 0
    for row in map_rows(engine, f, cap=cap):
        if row["lat"] is None or row["lon"] is None:
            unplaced += 1
            continue
        props = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}
        props.pop("lat"), props.pop("lon")
        props["summary"] = summarise(_flat_event(row))
        features.append(
            {
                "type": "Feature",
                "id": row["event_id"],
                "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                "properties": props,
            }
        )
    return {
        "type": "FeatureCollection",
        "total": count(engine, f),
        "placed": len(features),
        "unplaced": unplaced,
        "left_out": left_out(engine, f),
        "oblasts": counts_by_oblast(engine, f),
        "features": features,
    }


def _flat_event(row: dict[str, Any]) -> dict[str, Any]:
    """Enough of an event, from its flat columns, for its one-line summary."""
    numbers = ("launched", "intercepted", "killed", "injured")
    return {
        "kind": row["kind"],
        "subtype": row["subtype"],
        "actor": {"side": row["actor_side"]},
        "weapon": row["weapon"],
        "locations": [{"name": row["place_name"]}] if row["place_name"] else [],
        "counts": {k: {"best": row[k]} for k in numbers if row[k] is not None},
    }


def distinct_oblasts(engine: sa.Engine) -> list[str]:
    query = sa.select(events.c.admin1).where(events.c.admin1.is_not(None)).distinct()
    with engine.connect() as conn:
        return sorted(conn.execute(query).scalars())


def distinct_countries(engine: sa.Engine) -> list[str]:
    query = sa.select(events.c.country).where(events.c.country.is_not(None)).distinct()
    with engine.connect() as conn:
        return sorted(conn.execute(query).scalars())


def count_events(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one())


# -- documents, sources and positions ----------------------------------------------------


def count_documents(
    engine: sa.Engine, *, language: str | None = None, extracted: bool | None = None
) -> int:
    query = sa.select(sa.func.count()).select_from(documents)
    if language is not None:
        query = query.where(documents.c.language == language)
    if extracted is not None:
        column = documents.c.extracted_version
        query = query.where(column.is_not(None) if extracted else column.is_(None))
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def source_coverage(engine: sa.Engine) -> list[dict[str, Any]]:
    """Per outlet: documents, extracted documents, claims, first and last publication."""
    c = document_copies
    docs = (
        sa.select(
            c.c.source,
            sa.func.count(sa.distinct(c.c.doc_id)).label("documents"),
            sa.func.count(sa.distinct(documents.c.doc_id)).label("extracted"),
            sa.func.min(c.c.published_date).label("first_published"),
            sa.func.max(c.c.published_date).label("last_published"),
        )
        .select_from(
            c.outerjoin(
                documents,
                sa.and_(
                    documents.c.doc_id == c.c.doc_id, documents.c.extracted_version.is_not(None)
                ),
            )
        )
        .group_by(c.c.source)
    )
    claim_counts = sa.select(claims.c.source, sa.func.count()).group_by(claims.c.source)
    mention_counts = (
        sa.select(c.c.source, sa.func.count(sa.distinct(mentions.c.mention_id)))
        .select_from(c.join(mentions, mentions.c.doc_id == c.c.doc_id))
        .group_by(c.c.source)
    )
    with engine.connect() as conn:
        n_claims = {s: int(n) for s, n in conn.execute(claim_counts)}
        n_mentions = {s: int(n) for s, n in conn.execute(mention_counts)}
        rows = []
        for r in conn.execute(docs):
            rows.append(
                {
                    "source": r.source,
                    "documents": int(r.documents),
                    "extracted": int(r.extracted),
                    "mentions": n_mentions.get(r.source, 0),
                    "claims": n_claims.get(r.source, 0),
                    "first_published": _iso(r.first_published),
                    "last_published": _iso(r.last_published),
                }
            )
    return sorted(rows, key=lambda r: (-r["documents"], r["source"] or ""))


def position_history(
    engine: sa.Engine, *, issue: str | None = None, side: str | None = None
) -> list[Any]:
    """Every stated position, oldest first, as stored rows (data, doc_id, date_start)."""
    query = sa.select(positions.c.data, positions.c.doc_id, positions.c.date_start)
    if issue:
        query = query.where(positions.c.issue == issue)
    if side:
        query = query.where(positions.c.party_side == side)
    query = query.order_by(positions.c.date_start.is_(None), positions.c.date_start)
    with engine.connect() as conn:
        return list(conn.execute(query))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
