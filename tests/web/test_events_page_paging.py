"""The events page's later pages are slices of the filter's first ids kept per ledger
version (pages.py), and the start warms each filter the form offers before the server
takes requests: paging through a filter in any order still shows every event once, in
the order of the whole list, and a change to the ledger shows on the next page asked."""

from __future__ import annotations

import re
import time
import warnings
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from ledger_builder import build_ledger

from warledger.interfaces.api import create_app
from warledger.interfaces.web import warm
from warledger.interfaces.web.pages import warm_pieces
from warledger.ledger import version
from warledger.ledger.consolidated_schema import events
from warledger.ledger.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" notice
    from fastapi.testclient import TestClient

ROW = re.compile(r'<tr data-event-id="([^"]+)"')


def _rows(client: TestClient, **params: object) -> list[str]:
    response = client.get("/events", params=params)
    assert response.status_code == 200
    return ROW.findall(response.text)


def test_later_pages_of_each_filter_and_order_tile_the_whole_list(store_url: str) -> None:
    build_ledger(store_url)  # six events of this war, one elsewhere
    with TestClient(create_app(store_url, token="")) as client:
        for filters in ({}, {"side": "UA"}, {"kind": "strike"}, {"oblast": "Odesa Oblast"}):
            for sort in ("-date", "place", "-killed", "kind"):
                whole = _rows(client, limit=100, sort=sort, **filters)
                assert whole, (filters, sort)
                paged = [
                    event_id
                    for offset in range(0, 8, 2)
                    for event_id in _rows(client, limit=2, offset=offset, sort=sort, **filters)
                ]
                assert paged == whole, (filters, sort)


def test_a_later_page_shows_the_ledger_as_it_is_after_a_change(store_url: str) -> None:
    build_ledger(store_url)
    with TestClient(create_app(store_url, token="")) as client:
        before = _rows(client, limit=2, offset=2)  # the third and fourth newest
        whole = _rows(client, limit=100)
        assert before == whole[2:4]
        with Store.open(store_url) as store, store.engine.begin() as conn:
            conn.execute(sa.delete(events).where(events.c.event_id == whole[0]))
            version.bump(conn)  # what a consolidation by another process does
        after = _rows(client, limit=2, offset=2)
        assert after == whole[3:5]


def test_the_server_takes_requests_once_the_ledger_version_is_warm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'warm.db'}"
    build_ledger(url)

    def slow_warming(*args: Any) -> None:
        time.sleep(0.3)  # a large ledger's warming
        warm_pieces(*args)

    monkeypatch.setattr(warm, "warm_pieces", slow_warming)
    app = create_app(url, token="")
    with TestClient(app) as client:
        # Started: the warming of this version ended before the first request.
        assert app.state.warmer.done.is_set()
        assert client.get("/events").status_code == 200
