"""Place and free-text search (``place``, ``q``) through the search index, the same on
SQLite (FTS5 trigram table) and PostgreSQL (pg_trgm); migration 0014 fills it for events
stored before it, and it follows the ledger as events are rebuilt.

The expected events are read from tests/web/ledger_builder.py: Kharkiv (two outlets, a
drone strike), Odesa (a missile hit "port facilities"; its second evidence line holds a
``<script>`` with ``window.__pwned``), ground combat near Pokrovsk (Donetsk Oblast),
shelling in Zaporizhzhia Oblast, a car bomb in Mogadishu, talks in Istanbul and a
ceasefire with no place.
"""

from __future__ import annotations

import re
import warnings

import pytest
import sqlalchemy as sa
from ledger_builder import ARTICLES, build_ledger, results

from warledger.interfaces.api import create_app
from warledger.ledger import query as queries
from warledger.ledger.consolidated_store import run_consolidation
from warledger.ledger.store import Store, alembic_config
from warledger.types import Location

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" notice
    from fastapi.testclient import TestClient


def _places(client: TestClient, **params: str) -> list[str]:
    """The first place of each event found, in every theatre, sorted ("-" for none)."""
    found = client.get("/api/events", params={"theatre": "all", "limit": 100, **params})
    assert found.status_code == 200, found.text
    return sorted((e["locations"] or [{"name": "-"}])[0]["name"] for e in found.json()["items"])


def test_free_text_search_finds_the_events_words_not_its_keys(store_url: str) -> None:
    build_ledger(store_url)
    with TestClient(create_app(store_url, token="", cache_seconds=0)) as client:
        assert _places(client, q="port facilities") == ["Odesa"]  # its evidence
        assert _places(client, q="PORT Facilities") == ["Odesa"]  # any case
        assert _places(client, q="drone") == ["Kharkiv"]  # its weapon
        assert _places(client, q="outlet-b.example") == ["-", "Istanbul", "Kharkiv"]  # a source
        assert _places(client, q="energy") == ["-"]  # the ceasefire's scope
        # JSON keys are not the event's words (the old scan of the JSON found everything).
        assert _places(client, q="weapon") == []
        assert _places(client, q="evidence") == []
        # One character: no trigram to look up, a scan; "_" is a character, not LIKE's
        # wildcard: ground_combat (Pokrovsk), window.__pwned (Odesa's evidence) and the
        # Kharkiv articles' URLs (/kharkiv_a, /kharkiv_b).
        assert _places(client, q="_") == ["Kharkiv", "Odesa", "Pokrovsk"]
        assert _places(client, q="%") == []
        # Quotes are text, not search syntax.
        assert _places(client, q='"port') == []
        assert _places(client, q='said"') == []
        assert _places(client, q="repelled an assault") == ["Pokrovsk"]
        assert _places(client, q="bomb") == ["Mogadishu"]


def test_place_search_matches_part_of_a_place_or_oblast_name(store_url: str) -> None:
    build_ledger(store_url)
    with TestClient(create_app(store_url, token="", cache_seconds=0)) as client:
        assert _places(client, place="ODES") == ["Odesa"]
        assert _places(client, place="kiv") == ["Kharkiv"]
        assert _places(client, place="donetsk oblast") == ["Pokrovsk"]  # by its oblast
        assert _places(client, place="zaporizhzhia") == ["Zaporizhzhia Oblast"]
        assert _places(client, place="sk") == ["Pokrovsk"]  # two characters: a scan
        assert _places(client, place="drone") == []  # words of the event are not its place
        assert _places(client, place="kh", q="kharkiv") == ["Kharkiv"]
        # Beside other filters the search is one condition (a scan's OR stays inside it).
        assert _places(client, place="kh", kind="ground_combat") == []
        assert _places(client, place="pokrovsk", kind="ground_combat") == ["Pokrovsk"]
        assert _places(client, q="russian", kind="strike", oblast="kharkiv") == ["Kharkiv"]
        # The page shows the same count as the list.
        page = client.get("/api/events", params={"place": "o", "theatre": "all"}).json()
        assert page["total"] == len(page["items"]) == 5  # Kharkiv, Odesa, Pokrovsk, Zap., Mog.


def test_search_follows_a_rebuilt_event(store_url: str) -> None:
    # Re-extracting the Odesa story with the strike placed at Chornomorsk rebuilds its
    # event: the new place is found, the old one no longer is.
    build_ledger(store_url)
    with TestClient(create_app(store_url, token="", cache_seconds=0)) as client:
        assert _places(client, q="strike on odesa") == ["Odesa"]  # its summary
    chornomorsk = Location("Chornomorsk", "Odesa Oblast", "UA", 46.3017, 30.6569, "settlement")
    with Store.open(store_url) as store:
        by_title = {d.title: d for d in store.documents()}
        docs = {key: by_title[title] for key, (title, *_rest) in ARTICLES.items()}
        result = results(docs)["odesa"]
        result.events[0].locations = [chornomorsk]
        store.save_extraction(docs["odesa"].doc_id, result, extractor_version="test-2")
        run_consolidation(store)
        if store.engine.dialect.name == "sqlite":  # the index holds no stale entries
            with store.engine.connect() as conn:
                for words in ("strike on odesa", "port facilities", "kharkiv", "odesa"):
                    indexed = conn.exec_driver_sql(
                        "SELECT rowid FROM events_search WHERE events_search MATCH ?",
                        (f'"{words}"',),
                    ).scalars()
                    scanned = conn.exec_driver_sql(
                        "SELECT rowid FROM events WHERE search_text LIKE ?", (f"%{words}%",)
                    ).scalars()
                    assert sorted(indexed) == sorted(scanned), words
    with TestClient(create_app(store_url, token="", cache_seconds=0)) as client:
        assert _places(client, place="chornomorsk") == ["Chornomorsk"]
        assert _places(client, place="odesa") == ["Chornomorsk"]  # its oblast
        assert _places(client, q="strike on odesa") == []
        assert _places(client, q="strike on chornomorsk") == ["Chornomorsk"]
        assert _places(client, q="port facilities") == ["Chornomorsk"]  # the same evidence


def test_the_migration_makes_stored_events_searchable(store_url: str) -> None:
    from alembic import command

    build_ledger(store_url)
    with Store.open(store_url) as store:
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0013_pg_newest_first_indexes")
        columns = {c["name"] for c in sa.inspect(store.engine).get_columns("events")}
        assert "search_text" not in columns
    with TestClient(create_app(store_url, token="", cache_seconds=0)) as client:  # upgrades
        assert _places(client, q="port facilities") == ["Odesa"]
        assert _places(client, q="outlet-a.example") == ["Kharkiv", "Odesa"]
        assert _places(client, place="pokrov") == ["Pokrovsk"]


def _page(client: TestClient, **params: str) -> tuple[int, int | None, list[str]]:
    """The dashboard's events page: (total, left out (None: every theatre shown), the
    place cell of each row)."""
    html = client.get("/events", params=params).text
    total = int(re.search(r'id="total">(\d+)<', html).group(1))
    left_out = re.search(r'id="left-out">(\d+)<', html)
    places = re.findall(r'<td class="place">([^<]*)</td>', html)
    return total, int(left_out.group(1)) if left_out else None, places


@pytest.mark.parametrize("kept", [1000, 1])
def test_the_events_page_pages_through_a_search_with_its_counts(
    store_url: str, kept: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # outlet-c.example reported the fighting near Pokrovsk and the shelling in
    # Zaporizhzhia Oblast (both 2025-03-12) and the Mogadishu car bomb (another war).
    # The page keeps a search's first ids with its counts; with one id kept, the second
    # page is read past them and must continue the same order.
    monkeypatch.setattr(queries, "SEARCH_KEPT", kept)
    build_ledger(store_url)
    with TestClient(create_app(store_url, token="")) as client:
        total, left_out, places = _page(client, q="outlet-c.example")
        assert (total, left_out, sorted(places)) == (2, 1, ["Pokrovsk", "Zaporizhzhia Oblast"])
        one_by_one = [_page(client, q="outlet-c.example", limit="1", offset=str(n)) for n in (0, 1)]
        assert [page[:2] for page in one_by_one] == [(2, 1), (2, 1)]
        assert [page[2][0] for page in one_by_one] == places
        assert _page(client, q="outlet-c.example", theatre="all")[:2] == (3, None)
        assert _page(client, place="odes") == (1, 0, ["Odesa"])


def _page_places(client: TestClient, **params: str) -> tuple[list[str], int, int]:
    """The events page's place cells, its count and what it says the theatre leaves out."""
    html = client.get("/events", params=params).text
    places = re.findall(r'<td class="place">(.*?)</td>', html)
    total = int(re.search(r'data-total="(\d+)"', html).group(1))  # type: ignore[union-attr]
    left_out = int(re.search(r'data-left-out="(\d+)"', html).group(1))  # type: ignore[union-attr]
    return places, total, left_out


@pytest.mark.parametrize("cache_seconds", [0, 2])
def test_the_events_pages_place_search_finds_places_and_oblasts_by_part_of_their_name(
    store_url: str, cache_seconds: float
) -> None:
    # The page looks a place search's names up among the ledger's (kept per ledger
    # version); what it finds is what the search promises, newest first.
    build_ledger(store_url)
    with TestClient(create_app(store_url, token="", cache_seconds=cache_seconds)) as client:
        # Kharkiv, Odesa, Pokrovsk (Donetsk Oblast) and Zaporizhzhia Oblast are in
        # oblasts; Mogadishu is another war's.
        places, total, left_out = _page_places(client, place="OBLAST")
        assert sorted(places) == ["Kharkiv", "Odesa", "Pokrovsk", "Zaporizhzhia Oblast"]
        assert (total, left_out) == (4, 0)
        assert places[-1] == "Kharkiv"  # newest first: its strike (03-10) came first
        assert _page_places(client, place="odes") == (["Odesa"], 1, 0)
        assert _page_places(client, place="donetsk") == (["Pokrovsk"], 1, 0)
        assert _page_places(client, place="adish") == ([], 0, 1)  # Mogadishu: left out
        assert _page_places(client, place="adish", theatre="all") == (["Mogadishu"], 1, 0)
        assert _page_places(client, place="kharkiv", kind="ground_combat") == ([], 0, 0)
        assert _page_places(client, place="nowhere") == ([], 0, 0)
