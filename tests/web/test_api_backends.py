"""The API's filters and pages give the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from ledger_builder import build_ledger

from warledger.interfaces.api import create_app
from warledger.interfaces.api.models import EventPage
from warledger.ledger import version
from warledger.ledger.consolidated_schema import events
from warledger.ledger.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" notice
    from fastapi.testclient import TestClient


def test_filters_and_pages_on_each_backend(store_url: str) -> None:
    build_ledger(store_url)
    with TestClient(create_app(store_url, token="", cache_seconds=0)) as client:
        everything = client.get("/api/events").json()
        EventPage.model_validate(everything)  # the stored JSON has the documented shape
        assert everything["total"] == 6
        dates = [e["date"]["start"] for e in everything["items"]]
        assert dates[0] == "2025-03-18" and dates[-1] == "2025-03-10"  # newest first
        assert client.get("/api/events", params={"oblast": "kharkiv"}).json()["total"] == 1
        assert client.get("/api/events", params={"oblast": "Odesa Oblast"}).json()["total"] == 1
        disputed = client.get("/api/events", params={"contradiction": "true"}).json()
        assert [e["locations"][0]["name"] for e in disputed["items"]] == ["Kharkiv"]
        pages = [
            e["event_id"]
            for offset in (0, 4)
            for e in client.get("/api/events", params={"limit": 4, "offset": offset}).json()[
                "items"
            ]
        ]
        assert pages == [e["event_id"] for e in everything["items"]]
        assert client.get("/api/coverage").status_code == 200
        assert client.get("/api/positions/matrix").json()["parties"] == ["RU", "UA"]
        assert client.get("/").status_code == 200
        # The Russia–Ukraine theatre by default; the Mogadishu bomb is counted as left out.
        assert everything["left_out"] == 1
        every = client.get("/api/events", params={"theatre": "all"}).json()
        assert every["total"] == 7 and every["left_out"] == 0
        somalia = client.get("/api/events", params={"theatre": "all", "country": "so"}).json()
        assert [e["locations"][0]["name"] for e in somalia["items"]] == ["Mogadishu"]
        # Place search (part of a place or oblast name, any case) and free text.
        odesa = client.get("/api/events", params={"place": "odes"}).json()["items"]
        assert [e["locations"][0]["name"] for e in odesa] == ["Odesa"]
        port = client.get("/api/events", params={"q": "PORT FACILITIES"}).json()["items"]
        assert [e["locations"][0]["name"] for e in port] == ["Odesa"]
        by_killed = client.get("/api/events", params={"sort": "-killed"}).json()["items"]
        assert by_killed[0]["locations"][0]["name"] == "Kharkiv"  # 5 killed (3–5)


def test_side_pages_hold_every_event_of_the_side_once_in_date_order(store_url: str) -> None:
    # A side filter matches events where the side acted or was targeted; its pages are read
    # from two indexes and merged, so they must still tile the full, ordered list exactly.
    build_ledger(store_url)
    with TestClient(create_app(store_url, token="", cache_seconds=0)) as client:
        everything = client.get("/api/events").json()["items"]
        expected = [
            e["event_id"]
            for e in everything
            if "UA" in ((e.get("actor") or {}).get("side"), (e.get("target") or {}).get("side"))
        ]
        assert len(expected) >= 3  # the built ledger has UA as actor and as target
        paged = [
            e["event_id"]
            for offset in range(0, 6, 2)
            for e in client.get(
                "/api/events", params={"side": "UA", "limit": 2, "offset": offset}
            ).json()["items"]
        ]
        assert paged == expected
        total = client.get("/api/events", params={"side": "UA"}).json()["total"]
        assert total == len(expected)


def test_a_page_counts_what_the_ledger_holds_now_not_what_it_held(store_url: str) -> None:
    # Every page of a filter shares its total; once another process changes the events
    # (and so the ledger's version), the next uncached page must count them again.
    build_ledger(store_url)
    with TestClient(create_app(store_url, token="", cache_seconds=60)) as client:
        assert client.get("/api/events", params={"limit": 5}).json()["total"] == 6
        with Store.open(store_url) as store, store.engine.begin() as conn:
            conn.execute(sa.delete(events).where(events.c.place_name == "Odesa"))
            version.bump(conn)
        after = client.get("/api/events", params={"limit": 6}).json()
        assert after["total"] == 5
        assert "Odesa" not in [p["name"] for e in after["items"] for p in e["locations"]]


def test_a_side_filter_keeps_every_sort_order(store_url: str) -> None:
    # A side filter with another sort is read from the table's covering index
    # (migration 0015): the same events as the whole list sorted that way, side kept.
    build_ledger(store_url)
    with TestClient(create_app(store_url, token="", cache_seconds=0)) as client:
        for sort in ("-killed", "place", "-sources", "status", "kind"):
            every = client.get("/api/events", params={"sort": sort}).json()["items"]
            expected = [
                e["event_id"]
                for e in every
                if "RU" in ((e.get("actor") or {}).get("side"), (e.get("target") or {}).get("side"))
            ]
            found = client.get("/api/events", params={"sort": sort, "side": "RU"}).json()
            assert len(expected) >= 3  # RU attacked in Kharkiv, Odesa, Pokrovsk, Zaporizhzhia
            assert [e["event_id"] for e in found["items"]] == expected, sort
            assert found["total"] == len(expected)
