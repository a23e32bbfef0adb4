"""The SQL text of a page of event ids under the dashboard's common filters, run in the
driver's own terms.

Building the SELECT with SQLAlchemy, finding its compiled form in the statement cache and
wrapping its result cost more than SQLite's walk of the index: 0.8 ms against 0.33 for a
page of ids on 100,000 events, paid by every first request of a page after a start or a
consolidation. The text here is the one SQLAlchemy compiles from ``query._where`` for the
same filter and order (``tests/ledger/test_page_sql.py`` holds them equal on both
backends), so the plans and the pages are the same. A filter it does not cover (a
search, part of an oblast's name, a source, a list of kinds, disputed or not) returns
None, and the caller builds the statement as before.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Protocol

from warledger.ledger.consolidated_schema import events
from warledger.ledger.theatre import ALL_THEATRES


class EventFilter(Protocol):
    """What this module reads of ``query.EventFilter`` (which imports this module), read
    only as the frozen dataclass is."""

    @property
    def kind(self) -> str | None: ...

    @property
    def subtype(self) -> str | None: ...

    @property
    def side(self) -> str | None: ...

    @property
    def country(self) -> str | None: ...

    @property
    def oblast(self) -> str | None: ...

    @property
    def place(self) -> str | None: ...

    @property
    def status(self) -> str | None: ...

    @property
    def date_from(self) -> date | None: ...

    @property
    def date_to(self) -> date | None: ...

    @property
    def contradiction(self) -> bool | None: ...

    @property
    def source(self) -> str | None: ...

    @property
    def theatre(self) -> str | None: ...

    @property
    def q(self) -> str | None: ...

    @property
    def kinds(self) -> tuple[str, ...]: ...


# Equality filters in ``query._where``'s order: (filter field, column, its SQL type).
BEFORE_OBLAST = (("kind", "kind"), ("subtype", "subtype"))
AFTER_SIDE = (("country", "country"),)
AFTER_OBLAST = (("status", "status"),)
TYPES = {"date": "DATE", "int": "INTEGER", "text": "VARCHAR"}


def covered(f: EventFilter) -> bool:
    """Whether the filter only uses conditions this module writes."""
    return not (f.kinds or f.place or f.q or f.source or f.contradiction is not None)


def page_ids(
    dialect: str,
    f: EventFilter,
    *,
    order: tuple[str, bool] | None,
    limit: int,
    offset: int | None,
    oblast: str | None = None,
    by_oblast: bool = False,
    side_column: str | None = None,
    with_date: bool = False,
) -> tuple[str, tuple[Any, ...]]:
    """(SQL text, parameters) of ``SELECT event_id [, date_start]`` for filter ``f``
    (``covered``; ``f.side`` is left to the caller), ``oblast`` its exact oblast name,
    then ``side_column = side`` when given, in ``order`` ((column, descending), or None
    for newest first), ``LIMIT limit [OFFSET offset]``."""
    shape: list[tuple[str, str, str]] = []  # (column, operator, type) in _where's order
    params: list[Any] = []

    def where(column: str, operator: str, kind: str, value: Any) -> None:
        shape.append((column, operator, kind))
        params.append(value)

    for field, column in BEFORE_OBLAST:
        if getattr(f, field):
            where(column, "=", "text", getattr(f, field))
    for field, column in AFTER_SIDE:
        if getattr(f, field):
            where(column, "=", "text", getattr(f, field))
    if oblast:
        where("admin1", "=", "text", oblast)
    for field, column in AFTER_OBLAST:
        if getattr(f, field):
            where(column, "=", "text", getattr(f, field))
    if f.date_from:
        where("date_end", ">=", "date", _day(dialect, f.date_from))
    if f.date_to:
        where("date_start", "<=", "date", _day(dialect, f.date_to))
    if f.theatre and f.theatre != ALL_THEATRES:
        where("+theatre" if by_oblast else "theatre", "=", "text", f.theatre)
    if side_column:
        where(side_column, "=", "text", f.side)
    params.append(limit)
    if offset is None and dialect == "sqlite":
        offset = 0  # SQLAlchemy's SQLite LIMIT always has an OFFSET
    if offset is not None:
        params.append(offset)
    text = _text(dialect, tuple(shape), order, offset is not None, with_date)
    return text, tuple(params)


def _day(dialect: str, value: date) -> Any:
    """A date as the driver takes it: SQLite stores them as ISO text."""
    return value.isoformat() if dialect == "sqlite" else value


@lru_cache(maxsize=256)
def _text(
    dialect: str,
    shape: tuple[tuple[str, str, str], ...],
    order: tuple[str, bool] | None,
    offset: bool,
    with_date: bool,
) -> str:
    """The statement for one shape of filter, as SQLAlchemy compiles it."""

    def mark(kind: str) -> str:
        return "?" if dialect == "sqlite" else f"%s::{TYPES[kind]}"

    table = events.name
    conditions = []
    for column, operator, kind in shape:
        unindexed = column.startswith("+")
        name = f"{table}.{column.lstrip('+')}"
        if unindexed and dialect == "sqlite":
            name = "+" + name
        conditions.append(f"{name} {operator} {mark(kind)}")
    columns = f"{table}.event_id" + (f", {table}.date_start" if with_date else "")
    sql = f"SELECT {columns} \nFROM {table} "
    if conditions:
        sql += "\nWHERE " + " AND ".join(conditions) + " "
    if order is None:
        sql += f"ORDER BY {table}.date_start DESC NULLS LAST, {table}.event_id"
    else:
        column, descending = order
        direction = "DESC" if descending else "ASC"
        sql += f"ORDER BY {table}.{column} {direction} NULLS LAST, {table}.event_id"
    sql += "\n LIMIT " + mark("int")
    if offset:
        sql += " OFFSET " + mark("int")
    return sql
