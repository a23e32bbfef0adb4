"""The events table's sort orders are read from an index on both backends (migration
0016), not sorted: sorting the theatre's events was most of what a fresh dashboard spent
on its events pages (15-25 ms a page on 100,000 events). Beside the dashboard's filters
(a month, a kind, a side, an oblast) the index alone answers on SQLite (migration 0017):
no wide row is read to test them (10-25 ms a page).

SQLite says "USE TEMP B-TREE FOR ORDER BY" when it must sort; PostgreSQL, with sorting
disabled, still shows a Sort node when no index holds the order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from warledger.interfaces.api.params import filter_from_form
from warledger.ledger import query as queries
from warledger.ledger.consolidated_schema import events
from warledger.ledger.store import Store

# The table's column headers: numbers largest first, text in alphabetical order.
SORTS = ("kind", "place", "oblast", "status", "-killed", "-sources")


FILTERS = {
    "none": {},
    "month": {"date_from": "2025-03-01", "date_to": "2025-03-31"},
    "kind": {"kind": "strike"},
    "side": {"side": "RU"},
    "oblast": {"oblast": "Kharkiv Oblast"},
}


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("filtered_by", FILTERS)
def test_a_sorted_page_walks_an_index(sort: str, filtered_by: str, store_url: str) -> None:
    with Store.open(store_url) as store:
        page = (
            queries.filtered(sa.select(events.c.event_id), filter_from_form(FILTERS[filtered_by]))
            .order_by(*queries.order_by(sort))
            .limit(50)
            .offset(100)
        )
        sql = str(page.compile(store.engine, compile_kwargs={"literal_binds": True}))
        with store.engine.connect() as conn:
            if store.engine.dialect.name == "postgresql":
                conn.exec_driver_sql("SET enable_sort = off")
                conn.exec_driver_sql("SET enable_seqscan = off")
                plan = "\n".join(conn.exec_driver_sql(f"EXPLAIN {sql}").scalars())
                assert "Sort" not in plan, plan
                assert "ix_events_by_" in plan, plan
            else:
                rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
                plan = "\n".join(str(row[-1]) for row in rows)
                assert "TEMP B-TREE" not in plan, plan
                assert "COVERING INDEX ix_events_by_" in plan, plan


def test_an_oblasts_pages_newest_first_walk_the_oblasts_index(tmp_path: Path) -> None:
    # SQLite walked the whole theatre's dates and tested each event's oblast (4-5 ms for
    # a page at offset 800 of 100,000 events); the oblast's own index holds its pages.
    with Store.open(f"sqlite:///{tmp_path / 'ledger.db'}") as store:
        statements: list[tuple[str, Any]] = []

        def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
            statements.append((statement, parameters))

        sa.event.listen(store.engine, "before_cursor_execute", keep)
        f = filter_from_form({"oblast": "Kharkiv Oblast"})
        queries.page_ids(store.engine, f, limit=50, offset=800)
        sa.event.remove(store.engine, "before_cursor_execute", keep)
        (statement, parameters), *_ = [s for s in statements if "ORDER BY" in s[0]]
        with store.engine.connect() as conn:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
        plan = "\n".join(str(row[-1]) for row in rows)
        assert "ix_events_admin1_date (admin1=?)" in plan, plan
