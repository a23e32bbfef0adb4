"""The JSON API: filters, pagination, errors as JSON, and the token-protected write."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from ledger_builder import KHARKIV, RU, UA, span

from warledger.interfaces.api import create_app
from warledger.types import Count, Document, DocumentResult, Event, When

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" notice
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"
ARTICLE = (
    "Russian drones struck a school in Kharkiv on Friday, injuring four children, "
    "officials said.\nClasses were cancelled across the city."
)


def first_sentence_strike(doc: Document) -> DocumentResult:
    """A stand-in extractor: one strike whose evidence is the document's first line."""
    event = Event(
        kind="strike",
        actor=RU,
        target=UA,
        locations=[KHARKIV],
        date=When("2025-04-04", "2025-04-04", "day"),
        weapon="drone",
        counts={"injured": Count(4, "exact", "four")},
        evidence=[span(doc, doc.text.splitlines()[0])],
    )
    return DocumentResult(doc_id=doc.doc_id, url=doc.url, source=doc.source, events=[event])


@pytest.fixture
def client(ledger_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(ledger_url, token="")) as c:
        yield c


@pytest.fixture
def writable(tmp_path) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    with TestClient(create_app(url, token=TOKEN, extract=first_sentence_strike)) as c:
        yield c


def test_events_carry_their_claims_and_evidence(client: TestClient) -> None:
    body = client.get("/api/events", params={"oblast": "kharkiv"}).json()
    assert body["total"] == 1
    event = body["items"][0]
    assert event["kind"] == "strike"
    assert sorted(c["counts"]["killed"]["value"] for c in event["claims"]) == [3, 5]
    assert event["contradictions"] == ["killed"]
    assert {c["source"] for c in event["claims"]} == {"outlet-a.example", "outlet-b.example"}
    assert all("Kharkiv" in c["evidence"][0]["text"] for c in event["claims"])


def test_filters_combine(client: TestClient) -> None:
    strikes = client.get("/api/events", params={"kind": "strike"}).json()
    assert strikes["total"] == 3  # Kharkiv, Odesa and the Zaporizhzhia shelling
    late = client.get("/api/events", params={"kind": "strike", "date_from": "2025-03-11"}).json()
    assert {e["locations"][0]["name"] for e in late["items"]} == {"Odesa", "Zaporizhzhia Oblast"}
    by_side = client.get("/api/events", params={"side": "ru"}).json()
    assert by_side["total"] == 4  # the four kinetic events have a Russian actor


def test_pagination_walks_every_event_once(client: TestClient) -> None:
    total = client.get("/api/events").json()["total"]
    seen: list[str] = []
    for offset in range(0, total, 2):
        page = client.get("/api/events", params={"limit": 2, "offset": offset}).json()
        assert page["total"] == total and page["limit"] == 2 and page["offset"] == offset
        assert len(page["items"]) == min(2, total - offset)
        seen += [e["event_id"] for e in page["items"]]
    assert total == 6
    assert len(set(seen)) == total
    past_end = client.get("/api/events", params={"offset": total}).json()
    assert past_end["items"] == [] and past_end["total"] == total


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"kind": "bombing"}, "kind"),
        ({"date_from": "last tuesday"}, "date_from"),
        ({"limit": 0}, "limit"),
        ({"limit": 10_000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"side": "R;U--"}, "side"),
        ({"status": "rumoured"}, "status"),
        ({"date_from": "2025-03-20", "date_to": "2025-03-01"}, "date_from"),
    ],
)
def test_bad_filter_is_a_422_naming_the_parameter(
    client: TestClient, params: dict, named: str
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] in ("invalid_request", "usage")
    assert named in body["message"]


def test_unknown_ids_are_json_404s(client: TestClient) -> None:
    for path in ("/api/events/e-nope", "/api/documents/d-nope"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"


def test_peace_process_endpoints(client: TestClient) -> None:
    ceasefires = client.get("/api/ceasefires").json()["items"]
    assert [(c["subtype"], c["scope"], c["duration"]) for c in ceasefires] == [
        ("declared", ["energy"], "P30D")
    ]
    talks = client.get("/api/talks").json()["items"]
    assert talks[0]["locations"][0]["name"] == "Istanbul"
    assert client.get("/api/ceasefires", params={"kind": "talks"}).status_code == 422


def test_positions_matrix_keeps_the_latest_stance_and_its_history(client: TestClient) -> None:
    matrix = client.get("/api/positions/matrix").json()
    assert matrix["parties"] == ["RU", "UA"]  # a party's row is its side
    assert matrix["labels"] == {"RU": "Russia", "UA": "Ukraine"}
    russia = matrix["cells"]["RU"]["territory"]
    assert russia["stance"] == "cede_occupied"  # stated 2025-03-18, after 2025-03-01
    assert russia["date"] == "2025-03-18"
    assert "recognise its control of occupied territory" in russia["evidence"]
    assert [p["stance"] for p in russia["history"]] == ["no_recognition", "cede_occupied"]
    assert matrix["cells"]["UA"]["territory"]["stance"] == "no_recognition"


def test_barrages_group_a_night_of_strikes(client: TestClient) -> None:
    body = client.get("/api/barrages", params={"side": "RU"}).json()
    nights = {b["night"]: b for b in body["items"]}
    assert "2025-03-10" in nights
    assert nights["2025-03-10"]["attacker_side"] == "RU"


def test_the_barrages_page_lists_nights_a_page_at_a_time(client: TestClient) -> None:
    import re

    # Russian strikes on three nights: Kharkiv (10 March), Odesa (11), Zaporizhzhia (12).
    first = client.get("/barrages", params={"limit": 2}).text
    assert re.findall(r'<td class="night">([\d-]+)</td>', first) == ["2025-03-12", "2025-03-11"]
    assert '<span id="barrage-total">3</span> barrages, 2 on this page' in first
    assert 'rel="next" href="/barrages?limit=2&amp;offset=2"' in first
    assert 'rel="prev"' not in first
    second = client.get("/barrages", params={"limit": 2, "offset": 2}).text
    assert re.findall(r'<td class="night">([\d-]+)</td>', second) == ["2025-03-10"]
    assert 'rel="prev"' in second and 'rel="next"' not in second


def test_the_timeline_says_how_many_framing_events_it_leaves_out(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warledger.interfaces.api import routes

    # Framing: the ceasefire declared on 18 March and the talks held on 14 March.
    whole = client.get("/api/analysis/timeline").json()
    assert (len(whole["ceasefires"]), len(whole["talks"]), whole["framing_left_out"]) == (1, 1, 0)
    monkeypatch.setattr(routes, "MAX_FRAMING", 1)
    cut = client.get("/api/analysis/timeline").json()
    assert (len(cut["ceasefires"]), len(cut["talks"]), cut["framing_left_out"]) == (1, 0, 1)


def test_coverage_and_stats(client: TestClient) -> None:
    sources = {s["source"]: s for s in client.get("/api/coverage").json()["sources"]}
    assert sources["outlet-a.example"]["documents"] == 2  # Kharkiv (three killed) and Odesa
    assert sources["outlet-a.example"]["extracted"] == 2
    assert sources["outlet-b.example"]["claims"] == 3  # Kharkiv, talks, ceasefire
    health = client.get("/api/coverage").json()["health"]
    assert health["as_of"] == "2025-03-18"  # the last day any outlet published
    # Nine days of publishing are too short a history to call any feed broken.
    assert {h["source"]: h["status"] for h in health["sources"]} == {
        "outlet-a.example": "new",
        "outlet-b.example": "new",
        "outlet-c.example": "new",
    }
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 6 and stats["events"] == 7  # Mogadishu included


def test_openapi_schema_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/documents", "/api/ceasefires", "/api/positions/matrix"):
        assert path in paths
    assert client.get("/docs").status_code == 200


def test_writes_are_refused_without_the_token(writable: TestClient) -> None:
    missing = writable.post("/api/documents", json={"text": ARTICLE})
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    assert "token" in missing.json()["message"]
    wrong = writable.post(
        "/api/documents", json={"text": ARTICLE}, headers={"Authorization": "Bearer nope"}
    )
    assert wrong.status_code == 401
    assert writable.get("/api/events").json()["total"] == 0


def test_a_server_without_a_token_is_read_only(client: TestClient) -> None:
    response = client.post(
        "/api/documents", json={"text": ARTICLE}, headers={"Authorization": "Bearer anything"}
    )
    assert response.status_code == 403
    assert "read-only" in response.json()["message"]


def test_posting_a_document_ingests_extracts_and_consolidates(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {
        "text": ARTICLE,
        "title": "School hit in Kharkiv",
        "url": "https://news.example/school",
        "published": "2025-04-04",
    }
    response = writable.post("/api/documents", json=body, headers=auth)
    assert response.status_code == 201, response.text
    out = response.json()
    assert out["status"] == "new" and out["events"] == 1 and len(out["event_ids"]) == 1
    event = writable.get(f"/api/events/{out['event_ids'][0]}").json()
    claim = event["claims"][0]
    assert claim["doc_id"] == out["doc_id"]
    assert claim["source"] == "news.example"  # read from the URL's host
    assert claim["evidence"][0]["text"].startswith("Russian drones struck a school")
    document = writable.get(f"/api/documents/{out['doc_id']}").json()
    start, end = claim["evidence"][0]["start"], claim["evidence"][0]["end"]
    assert document["text"][start:end] == claim["evidence"][0]["text"]
    again = writable.post("/api/documents", json=body, headers=auth).json()
    assert again["status"] == "duplicate" and again["event_ids"] == out["event_ids"]


def test_posting_nothing_to_read_is_a_422(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writable.post("/api/documents", json={}, headers=auth).status_code == 422
    bad_date = writable.post(
        "/api/documents", json={"text": ARTICLE, "published": "soon"}, headers=auth
    )
    assert bad_date.status_code == 422
    assert "published" in bad_date.json()["message"]


def test_ceasefire_register_and_compliance(client: TestClient) -> None:
    register = client.get("/api/peace/ceasefires").json()["ceasefires"]
    assert len(register) == 1
    energy = register[0]
    assert (energy["start"], energy["scope"], energy["duration"], energy["status"]) == (
        "2025-03-18",
        ["energy"],
        "P30D",
        "declared",
    )
    compliance = client.get("/api/analysis/compliance").json()
    assert compliance["total"] == 1
    # All three Russian strikes (10–12 March) came before the truce of 18 March.
    assert compliance["items"][0]["strikes_inside"] == {}
    assert compliance["items"][0]["strikes_outside"] == {"RU": 3}
    rounds = client.get("/api/peace/talks").json()["items"]
    assert [(r["date"], r["venue"], r["status"]) for r in rounds] == [
        ("2025-03-14", "Istanbul", "held")
    ]


def test_strikes_vs_diplomacy_checks_its_parameters(client: TestClient) -> None:
    study = client.get("/api/analysis/strikes-vs-diplomacy", params={"permutations": 200})
    assert study.status_code == 200
    assert study.json()["n_diplomatic_days"] == 2  # the talks of 14 March, the truce of 18 March
    too_wide = client.get("/api/analysis/strikes-vs-diplomacy", params={"window": 99})
    assert too_wide.status_code == 422 and "window" in too_wide.json()["message"]


def test_dashboard_reports_a_bad_filter_as_a_422_page(client: TestClient) -> None:
    response = client.get("/events", params={"date_from": "last week"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "date_from: not a date" in response.text
    assert client.get("/events", params={"kind": "", "oblast": ""}).status_code == 200  # "any"


@pytest.mark.network
def test_posting_a_url_fetches_the_page(tmp_path, test_data) -> None:
    """The URL form runs the ingest readers: article text without comments, the page's date."""
    import http.server
    import threading
    from functools import partial

    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(test_data / "ingest"))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    page_url = f"http://127.0.0.1:{httpd.server_address[1]}/article.html"
    url = f"sqlite:///{tmp_path / 'u.db'}"
    seen: list[Document] = []

    def remember(doc: Document) -> DocumentResult:
        seen.append(doc)
        return DocumentResult(doc_id=doc.doc_id)

    try:
        app = create_app(url, token=TOKEN, extract=remember, allow_private=True)
        with TestClient(app) as c:
            auth = {"Authorization": f"Bearer {TOKEN}"}
            response = c.post("/api/documents", json={"url": page_url}, headers=auth)
        assert response.status_code == 201, response.text
        assert response.json()["events"] == 0
        doc = seen[0]
        assert doc.text.startswith("Waves of attack drones struck the harbour district")
        assert "ReaderOne" not in doc.text
        assert doc.published.startswith("2025-04-20")
        assert doc.url == page_url
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_private_addresses_are_refused_by_default(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = writable.post(
        "/api/documents", json={"url": "http://127.0.0.1:9/article.html"}, headers=auth
    )
    assert response.status_code == 422
    assert response.json()["error"] == "bad_input"


def test_api_index_lists_the_endpoints(client: TestClient) -> None:
    index = client.get("/api").json()
    paths = {e["path"]: e for e in index["endpoints"]}
    assert {"/api/events", "/api/map", "/api/export/events.csv", "/api/positions"} <= set(paths)
    assert "HEAD" in paths["/api/events"]["methods"]
    assert index["total"] == len(index["endpoints"])


def test_unknown_query_parameters_are_a_422(client: TestClient) -> None:
    response = client.get("/api/events", params={"plcae": "Odesa"})
    assert response.status_code == 422
    assert "plcae" in response.json()["message"]
    assert client.get("/api/positions", params={"kind": "strike"}).status_code == 422
    assert client.get("/api/peace/talks", params={"oblast": "x"}).status_code == 422


def test_head_answers_wherever_get_does(client: TestClient) -> None:
    for path in ("/", "/events", "/api/events", "/api"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]


def test_every_list_carries_its_total(client: TestClient) -> None:
    positions = client.get("/api/positions", params={"limit": 1}).json()
    assert positions["total"] == 3 and len(positions["items"]) == 1
    for path in ("/api/peace/talks", "/api/peace/proposals", "/api/analysis/compliance"):
        body = client.get(path).json()
        assert body["total"] == len(body["items"]), path
    assert client.get("/api/peace/ceasefires").json()["total"] == 1


def test_exports_hold_the_filtered_events(client: TestClient) -> None:
    import csv
    import io
    import json

    strikes = client.get("/api/export/events.csv", params={"kind": "strike"})
    assert strikes.headers["content-disposition"].endswith('filename="warledger-events.csv"')
    rows = list(csv.DictReader(io.StringIO(strikes.text)))
    assert sorted(r["location"] for r in rows) == ["Kharkiv", "Odesa", "Zaporizhzhia Oblast"]
    assert all(r["negated_claims"] == "0" and r["theatre"] == "russia-ukraine" for r in rows)
    every = client.get("/api/export/events.jsonl", params={"kind": "strike", "theatre": "all"})
    lines = [json.loads(line) for line in every.text.splitlines()]
    assert len(lines) == 4  # plus the Mogadishu bomb
    assert all(line["summary"] for line in lines)
    placed = client.get("/api/export/events.geojson", params={"oblast": "Kharkiv Oblast"}).json()
    assert [f["properties"]["location"] for f in placed["features"]] == ["Kharkiv"]


def test_an_export_cut_at_its_limit_says_so(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warledger.interfaces.api import export_routes

    whole = client.get("/api/export/events.jsonl", params={"kind": "strike"})
    assert whole.headers["x-total-count"] == "3"  # Kharkiv, Odesa, Zaporizhzhia
    assert "x-truncated" not in whole.headers
    assert int(whole.headers["content-length"]) == len(whole.content)
    monkeypatch.setattr(export_routes, "MAX_EXPORT", 2)
    cut = client.get("/api/export/events.jsonl", params={"kind": "strike"})
    assert cut.headers["x-total-count"] == "2"
    assert cut.headers["x-truncated"] == "first 2 events only"
    # The first two of the newest-first order, exactly as the whole export begins.
    assert cut.text.splitlines() == whole.text.splitlines()[:2]


def test_map_data_counts_what_it_cannot_place(client: TestClient) -> None:
    data = client.get("/api/map").json()
    assert data["placed"] == 4 and data["unplaced"] == 2 and data["left_out"] == 1
    assert data["oblasts"]["Kharkiv Oblast"] == 1
    kharkiv = next(f for f in data["features"] if f["properties"]["place_name"] == "Kharkiv")
    assert kharkiv["properties"]["contradiction"] is True  # 3 or 5 killed
