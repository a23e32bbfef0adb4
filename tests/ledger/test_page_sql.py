"""A page of ids under the dashboard's common filters is read with SQL text written once
per shape (``ledger.page_sql``) instead of a statement built per request: the same text
SQLAlchemy compiles (so the same plans), and the same pages as the filter's plain
SELECT ... ORDER BY ... LIMIT ... OFFSET on both backends."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from warledger.interfaces.api.params import filter_from_form
from warledger.ledger import page_sql
from warledger.ledger import query as queries
from warledger.ledger.consolidated_schema import events
from warledger.ledger.store import Store

FORMS = [
    {},
    {"theatre": "all"},
    {"kind": "strike"},
    {"kind": "strike", "status": "confirmed"},
    {"oblast": "Kharkiv Oblast"},
    {"oblast": "kharkiv oblast", "kind": "ground_combat"},
    {"date_from": "2025-03-01", "date_to": "2025-03-31"},
    {"date_from": "2025-03-05", "theatre": "all"},
    {"side": "RU"},
    {"side": "UA", "kind": "strike", "date_to": "2025-03-20"},
    {"side": "RU", "oblast": "Odesa Oblast"},
    {"country": "UA", "status": "reported"},
]
SORTS = [None, "-date", "date", "place", "oblast", "kind", "-killed", "status", "-sources"]
OBLASTS = ("Kharkiv Oblast", "Odesa Oblast", "Donetsk Oblast", None)


def _sql(text: str) -> str:
    """A statement's text with its placeholders and runs of white space made alike."""
    text = re.sub(r"%\([a-z0-9_]+\)s", "%s", text)
    return re.sub(r"\s+", " ", text).strip()


def _values(compiled: Any, dialect: str) -> list[Any]:
    """A compiled statement's parameters in their order, dates as SQLite stores them."""
    names = compiled.positiontup or re.findall(r"%\((\w+)\)s", str(compiled))
    values = [compiled.params[name] for name in names]
    sqlite = dialect == "sqlite"
    return [v.isoformat() if sqlite and isinstance(v, date) else v for v in values]


def _reference(f: queries.EventFilter, sort: str | None, limit: int, offset: int) -> Any:
    """The statement ``query._page_ids`` built before: SQLAlchemy from ``_where``."""
    ordering = queries.order_by(sort)
    exact = queries._exact_oblast(f)
    query = queries._where(
        sa.select(events.c.event_id), f, by_oblast=ordering == queries._ORDER and bool(exact)
    )
    return query.order_by(*ordering).limit(limit).offset(offset)


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.psycopg.dialect()])
@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("form", [f for f in FORMS if "side" not in f], ids=str)
def test_the_text_is_the_one_sqlalchemy_compiles(form: dict, sort: str | None, dialect) -> None:
    f = filter_from_form(form)
    assert page_sql.covered(f)
    exact = queries._exact_oblast(f)
    text, params = page_sql.page_ids(
        dialect.name,
        f,
        order=queries._order_key(sort),
        limit=50,
        offset=100,
        oblast=exact,
        by_oblast=queries.order_by(sort) == queries._ORDER and bool(exact),
    )
    compiled = _reference(f, sort, 50, 100).compile(dialect=dialect)
    assert _sql(text) == _sql(str(compiled))
    assert list(params) == _values(compiled, dialect.name)


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.psycopg.dialect()])
def test_a_sides_half_is_the_text_sqlalchemy_compiles(dialect) -> None:
    f = filter_from_form({"side": "UA", "kind": "strike", "date_to": "2025-03-20"})
    text, params = page_sql.page_ids(
        dialect.name,
        f,
        order=None,
        limit=150,
        offset=None,
        side_column="target_side",
        with_date=True,
    )
    rest = queries.EventFilter(**{**vars(f), "side": None})
    query = (
        queries._where(sa.select(events.c.event_id, events.c.date_start), rest)
        .where(events.c.target_side == "UA")
        .order_by(*queries._ORDER)
        .limit(150)
    )
    assert _sql(text) == _sql(str(query.compile(dialect=dialect)))
    assert list(params) == _values(query.compile(dialect=dialect), dialect.name)


def _fill(url: str) -> None:
    """300 events over a month: some undated, many on the same day, some elsewhere,
    numbers and places sometimes unknown (what the orders must break ties on)."""
    rng = random.Random(5)
    rows = []
    for n in range(300):
        day = None if n % 17 == 0 else date(2025, 3, 1) + timedelta(days=rng.randrange(31))
        sides = rng.choice([("RU", "UA"), ("UA", "RU"), ("RU", None), (None, "UA")])
        rows.append(
            {
                "event_id": f"e-{n:04d}",
                "kind": rng.choice(["strike", "strike", "ground_combat", "talks"]),
                "date_start": day,
                "date_end": day + timedelta(days=rng.choice([0, 0, 2])) if day else None,
                "place_name": rng.choice(["Kharkiv", "Odesa", "Izium", None]),
                "admin1": rng.choice(OBLASTS),
                "country": rng.choice(["UA", "UA", "RU"]),
                "theatre": "russia-ukraine" if n % 9 else None,
                "actor_side": sides[0],
                "target_side": sides[1],
                "status": rng.choice(["reported", "confirmed"]),
                "killed": rng.choice([None, 0, 1, 3, 3, 10]),
                "n_mentions": 1,
                "n_sources": rng.randrange(1, 4),
                "n_claimants": 0,
                "contradiction": False,
                "data": {"event_id": f"e-{n:04d}"},
            }
        )
    with Store.open(url) as store, store.engine.begin() as conn:
        conn.execute(sa.insert(events), rows)


def test_pages_are_those_of_the_plain_select(store_url: str) -> None:
    _fill(store_url)
    with Store.open(store_url) as store, store.engine.connect() as conn:
        for form in FORMS:
            f = filter_from_form(form)
            for sort in SORTS:
                if f.side and queries.order_by(sort) != queries._ORDER:
                    continue  # a side in another order: built by _where as before
                for offset in (0, 20, 95):
                    expected = list(conn.execute(_reference(f, sort, 20, offset)).scalars())
                    got = queries._page_ids(conn, f, 20, offset, sort)
                    assert got == expected, (form, sort, offset)
        # the pages are not all empty: the filters and orders were put to the test
        assert len(queries._page_ids(conn, filter_from_form({"side": "RU"}), 20, 95, None)) == 20
