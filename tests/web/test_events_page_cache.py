"""The dashboard's event pages are kept rendered, keyed by the ledger's version: a
consolidation by another process (the CLI) shows on the very next request, and a browser
that already has the page gets a 304 until then."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from ledger_builder import RU, UA, add_second_odesa_report, build_ledger

from warledger.ingest.prepare import prepare
from warledger.interfaces.api import create_app
from warledger.ledger import query as queries
from warledger.ledger.consolidated_store import run_consolidation
from warledger.ledger.store import Store
from warledger.types import Count, DocumentResult, Event, Location, RawDocument, Span, When

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" notice
    from fastapi.testclient import TestClient

LVIV = Location("Lviv", "Lviv Oblast", "UA", 49.8397, 24.0297, "settlement")
REPORT = "Russian missiles struck Lviv on Thursday, killing two people, the mayor said."
DENIAL = "Russia's defence ministry said it did not strike Lviv on Thursday."


@pytest.fixture
def ledger(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'pages.db'}"
    build_ledger(url)  # six events of this war and one elsewhere (see ledger_builder)
    return url


@pytest.fixture
def client(ledger: str) -> Iterator[TestClient]:
    with TestClient(create_app(ledger, token="")) as c:
        yield c


def _add_lviv(url: str) -> None:
    """What `warledger extract` then `warledger consolidate` in another process do: a
    report of a strike on Lviv and a denial of it from another outlet."""
    with Store.open(url) as store:
        for key, text, source, negated in (
            ("lviv", REPORT, "lviv.example", False),
            ("lviv-denial", DENIAL, "mod.example", True),
        ):
            doc = prepare(
                RawDocument(
                    text=text,
                    origin=f"test:{key}",
                    title=key,
                    url=f"https://{source}/{key}",
                    published="2025-03-20",
                    source=source,
                )
            )
            store.add_document(doc)
            event = Event(
                kind="strike",
                actor=RU,
                target=UA,
                locations=[LVIV],
                date=When("2025-03-20", "2025-03-20", "day"),
                weapon="missile",
                counts={} if negated else {"killed": Count(2, "exact", "two")},
                negated=negated,
                evidence=[Span(0, len(text), text)],
            )
            result = DocumentResult(doc_id=doc.doc_id, url=doc.url, source=source, events=[event])
            store.save_extraction(doc.doc_id, result, extractor_version="test")
        run_consolidation(store)


def _rows(html: str) -> list[dict[str, str]]:
    """The cells of each table row, as text."""
    out = []
    for row in re.findall(r"<tr data-event-id=.*?</tr>", html, flags=re.S):
        cells = dict(re.findall(r'<td class="(\w+)">(.*?)</td>', row, flags=re.S))
        out.append({k: re.sub(r"<[^>]+>", "", v).strip() for k, v in cells.items()})
    return out


def _row(html: str, place: str) -> dict[str, str]:
    """The cells of the one table row whose place cell is ``place``."""
    (row,) = [r for r in _rows(html) if r["place"] == place]
    return row


def test_a_consolidation_elsewhere_shows_on_the_next_request(client, ledger) -> None:
    before = client.get("/events")
    assert before.status_code == 200
    assert "Lviv" not in before.text
    assert 'id="total">6<' in before.text
    etag = before.headers["etag"]
    again = client.get("/events", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert "Lviv" not in client.get("/").text and "Lviv" not in client.get("/fragments/events").text

    _add_lviv(ledger)

    after = client.get("/events", headers={"if-none-match": etag})
    assert after.status_code == 200  # the old ETag no longer matches
    assert after.headers["etag"] != etag
    # The report and the denial stay two events (a denial is not merged into what it
    # denies): one with its number, one marked denied by its only claim.
    assert 'id="total">8<' in after.text
    lviv = sorted(
        (r for r in _rows(after.text) if r["place"] == "Lviv"), key=lambda r: r["summary"]
    )
    assert [r["summary"] for r in lviv] == [
        "Denied: Russian missile strike on Lviv",
        "Russian missile strike on Lviv: 2 killed",
    ]
    assert [r["negation"] for r in lviv] == ["1 of 1 deny", ""]
    assert [r["numbers"] for r in lviv] == ["", "killed 2"]
    assert {r["oblast"] for r in lviv} == {"Lviv Oblast"}
    assert {r["date"] for r in lviv} == {"2025-03-20"}
    assert "Lviv" in client.get("/").text
    assert "Lviv" in client.get("/fragments/events").text
    # The form's oblast choices are per version too: Lviv Oblast is offered now.
    assert '<option value="Lviv Oblast"' in after.text


def test_rows_say_what_the_events_are(client) -> None:
    html = client.get("/events").text
    kharkiv = _row(html, "Kharkiv")  # two outlets: 3 killed and 5 killed
    assert kharkiv["date"] == "2025-03-10"
    assert kharkiv["summary"].startswith("Russian drone strike on Kharkiv: ")
    assert kharkiv["numbers"] == "killed 3 (3–5) disputed"
    assert kharkiv["oblast"] == "Kharkiv Oblast"
    assert kharkiv["sources"] == "2"
    assert kharkiv["negation"] == ""
    zaporizhzhia = _row(html, "Zaporizhzhia Oblast")  # no coordinates, no numbers
    assert zaporizhzhia["date"] == "2025-03-12"
    assert zaporizhzhia["numbers"] == ""


def test_the_same_url_gives_the_same_page_and_another_url_its_own(client) -> None:
    first = client.get("/events", params={"kind": "strike"})
    second = client.get("/events", params={"kind": "strike"})
    assert first.text == second.text and first.headers["etag"] == second.headers["etag"]
    other = client.get("/events", params={"kind": "talks"})
    assert other.headers["etag"] != first.headers["etag"]
    assert [r["place"] for r in _rows(other.text)] == ["Istanbul"]


def test_a_bad_filter_is_still_refused(client) -> None:
    assert client.get("/events", params={"date_from": "last week"}).status_code == 422
    assert client.get("/events", params={"date_from": "last week"}).status_code == 422


def test_with_the_cache_off_pages_still_follow_the_ledger(ledger) -> None:
    with TestClient(create_app(ledger, token="", cache_seconds=0)) as c:
        assert "Lviv" not in c.get("/events").text
        _add_lviv(ledger)
        assert "Lviv" in c.get("/events").text


def _event_id(html: str, place: str) -> str:
    (found,) = re.findall(
        rf'<tr data-event-id="([^"]+)"[^>]*>(?:(?!</tr>).)*<td class="place">{place}</td>',
        html,
        flags=re.S,
    )
    return found


def test_an_event_changed_elsewhere_shows_its_new_row_on_every_page(client, ledger) -> None:
    """Each event's row is kept rendered (per ledger version): once another process
    merges a new report into an event already shown, every page shows the new row."""
    before = client.get("/events").text
    odesa = _row(before, "Odesa")
    assert odesa["numbers"] == "injured 2" and odesa["sources"] == "1"
    odesa_id = _event_id(before, "Odesa")
    for url in ("/", "/fragments/events", "/events?sort=place", "/events?kind=strike"):
        assert _row(client.get(url).text, "Odesa") == odesa  # the same row everywhere

    add_second_odesa_report(ledger)

    for url in ("/events", "/", "/fragments/events", "/events?sort=place", "/events?kind=strike"):
        html = client.get(url).text
        assert _event_id(html, "Odesa") == odesa_id  # the same event, merged
        after = _row(html, "Odesa")
        assert after["numbers"] == "injured 2 (2–4) disputed", url
        assert after["sources"] == "2", url


def test_a_search_finds_what_a_consolidation_elsewhere_added(client, ledger) -> None:
    assert 'id="total">0<' in client.get("/events", params={"place": "lviv"}).text
    _add_lviv(ledger)
    html = client.get("/events", params={"place": "lviv"}).text
    assert 'id="total">2<' in html
    assert [r["place"] for r in _rows(html)] == ["Lviv", "Lviv"]


def _total(html: str) -> int:
    return int(re.search(r'id="total">(\d+)<', html).group(1))  # type: ignore[union-attr]


def test_counts_warmed_in_the_background_give_way_to_a_consolidation_elsewhere(ledger) -> None:
    """At start the server counts each filter the form offers in the background (kept per
    ledger version); a consolidation by another process still shows on the next page."""
    app = create_app(ledger, token="")
    with TestClient(app) as client:
        assert app.state.warmer.done.wait(30)  # warmed: every kind, party and oblast
        strikes = _total(client.get("/events", params={"kind": "strike"}).text)
        by_russia = _total(client.get("/events", params={"side": "RU"}).text)
        _add_lviv(ledger)  # two Russian strikes on Lviv: a report and its denial
        assert _total(client.get("/events", params={"kind": "strike"}).text) == strikes + 2
        assert _total(client.get("/events", params={"side": "RU"}).text) == by_russia + 2
        lviv = client.get("/events", params={"oblast": "Lviv Oblast"}).text
        assert _total(lviv) == 2
        assert app.state.warmer.done.wait(30)  # the new version warmed too, without error


def _ids(html: str) -> list[str]:
    return re.findall(r'<tr data-event-id="([^"]+)"', html)


def test_a_sides_later_pages_follow_the_ledgers_order_and_its_changes(client, ledger) -> None:
    """A side's later pages newest first come from its first ids, kept per version: the
    same pages as reading each one, and a consolidation elsewhere shifts them."""

    def expected(offset: int) -> list[str]:
        with Store.open(ledger) as store:
            f = queries.EventFilter(side="RU")
            return queries.page_ids(store.engine, f, limit=2, offset=offset)

    pages = [_ids(client.get(f"/events?side=RU&limit=2&offset={o}").text) for o in (2, 4)]
    assert pages == [expected(2), expected(4)]
    assert pages[0] and all(len(p) <= 2 for p in pages)
    first = _ids(client.get("/events?side=RU&limit=2&offset=0").text)
    _add_lviv(ledger)  # two Russian strikes on Lviv, newer than every event before
    assert _ids(client.get("/events?side=RU&limit=2&offset=2").text) == first
    assert _ids(client.get("/events?side=RU&limit=2&offset=4").text) == expected(4)
