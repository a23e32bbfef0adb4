"""Each event's table cells are kept beside it (``events.cells``, migration 0018): written
with the event, rewritten when a consolidation changes it, filled for the events of a
ledger made before, and the table shows the same rows whether they were kept or not."""

from __future__ import annotations

import re
import warnings

import sqlalchemy as sa
from alembic import command
from ledger_builder import add_second_odesa_report, build_ledger

from warledger.interfaces.api import create_app
from warledger.ledger.consolidated_schema import events
from warledger.ledger.store import Store, alembic_config

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" notice
    from fastapi.testclient import TestClient


def _cells(url: str) -> dict[str, dict]:
    """The stored cells of each event, by its id."""
    with Store.open(url) as store, store.engine.connect() as conn:
        return dict(conn.execute(sa.select(events.c.event_id, events.c.cells)).tuples().all())


def _at(url: str, place: str) -> dict:
    """The stored cells of the one event at ``place``."""
    (found,) = [cells for cells in _cells(url).values() if cells["place"] == place]
    return found


def _table(url: str) -> str:
    """The rows of the events page of every theatre, as a fresh server renders them."""
    with TestClient(create_app(url, token="", cache_seconds=0)) as client:
        html = client.get("/events", params={"theatre": "all"}).text
    return "\n".join(re.findall(r"<tr data-event-id=.*?</tr>", html, flags=re.S))


def test_an_events_cells_are_written_with_it_and_follow_its_consolidation(store_url) -> None:
    build_ledger(store_url)  # Odesa: one outlet, two workers injured
    odesa = _at(store_url, "Odesa")
    assert odesa["summary"] == "Russian missile strike on Odesa: 2 injured"
    assert (odesa["numbers"], odesa["disputed"], odesa["n_sources"]) == ("injured 2", False, 1)
    assert (odesa["date_start"], odesa["admin1"], odesa["kind"]) == (
        "2025-03-11",
        "Odesa Oblast",
        "strike",
    )
    kharkiv = _at(store_url, "Kharkiv")  # two outlets: three killed, five killed
    assert (kharkiv["numbers"], kharkiv["disputed"], kharkiv["n_claims"]) == (
        "killed 3 (3–5)",
        True,
        2,
    )

    add_second_odesa_report(store_url)  # another outlet's report: four injured

    odesa = _at(store_url, "Odesa")
    assert (odesa["numbers"], odesa["disputed"], odesa["n_sources"], odesa["n_claims"]) == (
        "injured 2 (2–4)",
        True,
        2,
        2,
    )
    assert odesa["summary"] == "Russian missile strike on Odesa: 2–4 injured"


def test_an_upgrade_fills_the_cells_of_a_ledger_made_before(store_url) -> None:
    build_ledger(store_url)
    written = _cells(store_url)
    shown = _table(store_url)
    with Store.open(store_url) as store:
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0017_sort_indexes_cover_filters")
        with store.engine.connect() as conn:
            columns = {c["name"] for c in sa.inspect(conn).get_columns("events")}
        assert "cells" not in columns
    # Opening the ledger upgrades it: every event has its cells again, the same.
    assert _cells(store_url) == written
    assert len(written) == 7 and all(written.values())
    assert _table(store_url) == shown


def test_events_without_kept_cells_show_the_same_rows(store_url) -> None:
    # An older warledger consolidating into this ledger leaves the cells empty: the
    # table works them out from the event as before.
    build_ledger(store_url)
    shown = _table(store_url)
    assert shown.count("<tr data-event-id=") == 7  # six of this war, one elsewhere
    assert "Russian drone strike on Kharkiv: 3–5 killed" in shown
    with Store.open(store_url) as store, store.engine.begin() as conn:
        conn.execute(sa.update(events).values(cells=sa.null()))
    assert _table(store_url) == shown


def test_a_row_says_its_cells_escaped_as_the_templates_escape() -> None:
    from warledger.interfaces.web.rows import row_html

    cells = {
        "kind": "strike",
        "date_start": "2025-03-01",
        "date_end": "2025-03-03",
        "date_precision": "week",
        "summary": "<script>alert('x')</script> & \"more\"",
        "place": None,
        "admin1": "",
        "numbers": "killed 3 (2–4)",
        "disputed": True,
        "denied": 2,
        "n_claims": 3,
        "status": "reported",
        "n_sources": 4,
    }
    assert row_html("e-1<2", cells) == (
        '<tr data-event-id="e-1&lt;2" data-kind="strike">\n'
        '  <td class="date">2025-03-01 – 2025-03-03 <small>(week)</small></td>\n'
        '  <td class="summary"><span class="kind-dot kind-strike"></span>'
        '<a href="/events/e-1&lt;2">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; '
        "&#34;more&#34;</a></td>\n"
        '  <td class="place">None</td>\n'
        '  <td class="oblast"></td>\n'
        '  <td class="numbers">killed 3 (2–4) '
        '<span class="disputed" title="sources disagree">disputed</span></td>\n'
        '  <td class="negation"><span class="denied">2 of 3 deny</span></td>\n'
        '  <td class="status">reported</td>\n'
        '  <td class="sources">4</td>\n'
        "</tr>"
    )
    undated = {**cells, "date_start": None, "date_end": None, "date_precision": "unknown"}
    undated |= {"disputed": False, "denied": 0, "numbers": ""}
    row = row_html("e-2", undated)
    assert '<td class="date">unknown</td>' in row
    assert '<td class="numbers"></td>' in row and '<td class="negation"></td>' in row
