"""PostgreSQL reads the default order of events (newest first, undated last) from an index.

Without such an index every uncached page sorted all the theatre's events (a second on a
million). With sorting disabled the planner must still sort if no index holds the order,
so a plan without a Sort node shows the order is read from an index.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from warledger.ledger import query as queries
from warledger.ledger.consolidated_schema import events
from warledger.ledger.query import EventFilter
from warledger.ledger.store import Store

FILTERS = {
    "theatre": EventFilter(),
    "kind": EventFilter(kind="strike"),
    "oblast": EventFilter(oblast="Kharkiv Oblast"),
}


@pytest.mark.postgres
@pytest.mark.parametrize("store_url", ["postgres"], indirect=True)
@pytest.mark.parametrize("name", FILTERS)
def test_postgresql_pages_read_the_default_order_from_an_index(
    name: str, store_url: str
) -> None:
    with Store.open(store_url) as store:
        page = (
            queries.filtered(sa.select(events.c.event_id), FILTERS[name])
            .order_by(*queries.order_by(None))
            .limit(50)
        )
        sql = str(page.compile(store.engine, compile_kwargs={"literal_binds": True}))
        with store.engine.connect() as conn:
            conn.exec_driver_sql("SET enable_sort = off")
            conn.exec_driver_sql("SET enable_seqscan = off")
            plan = "\n".join(conn.exec_driver_sql(f"EXPLAIN {sql}").scalars())
        assert "Sort" not in plan, plan
        assert "_newest" in plan, plan
