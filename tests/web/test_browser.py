"""The dashboard in headless Chromium: what an analyst sees and can do."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.network]

ATTRIBUTION = (
    "Data: OCHA COD Ukraine (CC BY-IGO), DRC InfoPortal; boundaries © geoBoundaries (CC BY 4.0)"
)
# The ledger (tests/web/ledger_builder.py): in the Russia–Ukraine theatre 6 events, 3 of them
# with coordinates inside the map (Kharkiv, Odesa, Pokrovsk) plus the Istanbul talks; the
# Mogadishu bomb is another war.


def _map_ready(page, loads: int = 1) -> None:
    # The map counts its data loads in data-loaded (waits by selector: the CSP forbids eval).
    page.locator(f"#map[data-loaded='{loads}']").wait_for()


def _visible_markers(page) -> int:
    return page.locator("#map path.event-marker").count()


def _clusters(page) -> int:
    return page.locator("#map .marker-cluster").count()


def test_map_is_offline_with_oblasts_countries_and_a_legend(
    page, live_server: str, screenshots: Path
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server + "/")
    _map_ready(page)
    assert page.locator("#map path[data-oblast]").count() == 27
    assert page.locator("#map .oblast-label").count() == 27
    # Russia's regions on Ukraine's border and the Sea of Azov, outlined and named.
    regions = page.locator("#map path[data-region]")
    assert regions.count() == 7
    assert page.locator("#map path[data-region='Kursk Oblast']").count() == 1
    assert page.locator("#map .region-label", has_text="Kursk Oblast").count() == 1
    assert page.locator("#map .leaflet-control-scale").count() == 1
    assert page.locator(".map-attribution").inner_text() == ATTRIBUTION
    # Placed: Kharkiv, Odesa, Pokrovsk and Istanbul; unplaced: the Zaporizhzhia shelling and
    # the truce (no place).
    assert page.locator("#map-count").inner_text() == "4"
    assert page.locator("#map-unplaced").inner_text() == "2"
    assert page.locator("#shade-scale li").count() >= 2
    assert "1 events elsewhere are left out" in page.locator(".theatre-note").inner_text()
    assert page.locator("#timeline rect.ceasefire-window").count() == 1
    assert page.locator("#timeline line.talks-mark").count() == 1
    assert all(url.startswith(live_server) for url in requested), requested  # works offline
    page.screenshot(path=str(screenshots / "overview.png"), full_page=True)


def test_clusters_expand_when_zooming_in(page, live_server: str) -> None:
    page.goto(live_server + "/")
    _map_ready(page)
    page.evaluate("window.warledger.map.setView([48.6, 36.5], 4, {animate: false})")
    page.locator("#map .marker-cluster").first.wait_for()
    zoomed_out = _visible_markers(page)
    # Kharkiv and Pokrovsk (about 190 km apart) lie in one cluster at this zoom.
    assert _clusters(page) >= 1
    page.evaluate("window.warledger.map.setView([49.1, 36.7], 8, {animate: false})")
    expect(page.locator("#map path.event-marker")).to_have_count(3)
    assert _visible_markers(page) > zoomed_out


def test_brushing_the_timeline_filters_map_and_table(page, live_server: str) -> None:
    page.goto(live_server + "/")
    _map_ready(page)
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 6
    svg = page.locator("#timeline")
    svg.scroll_into_view_if_needed()
    box = svg.bounding_box()
    # Drag over 10–11 March only: the Kharkiv and Odesa strikes.
    x_of = page.evaluate(
        """(day) => {
            const svg = document.getElementById('timeline');
            const first = new Date(svg.dataset.first + 'T00:00:00Z');
            const d = (new Date(day + 'T00:00:00Z') - first) / 86400000;
            return Number(svg.dataset.x0) + d * Number(svg.dataset.step);
        }"""
        "",
        "2025-03-10",
    )
    width = page.evaluate("document.getElementById('timeline').viewBox.baseVal.width")
    step = page.evaluate("Number(document.getElementById('timeline').dataset.step)")
    scale = box["width"] / width
    start = box["x"] + (x_of + 0.2 * step) * scale
    end = box["x"] + (x_of + 1.8 * step) * scale
    y = box["y"] + box["height"] * 0.5
    page.mouse.move(start, y)
    page.mouse.down()
    page.mouse.move((start + end) / 2, y)
    page.mouse.move(end, y)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"date_from=2025-03-10.*date_to=2025-03-11"))
    _map_ready(page, 2)
    expect(rows).to_have_count(2)
    places = sorted(rows.locator("td.place").all_inner_texts())
    assert places == ["Kharkiv", "Odesa"]
    assert page.locator("#map-count").inner_text() == "2"
    assert "date_from: 2025-03-10" in page.locator("#active-filters").inner_text().replace(
        "From", "date_from"
    )


def test_clicking_an_oblast_sets_and_shows_the_filter(page, live_server: str) -> None:
    page.goto(live_server + "/")
    _map_ready(page)
    # Click the map at Rozdilna, inside Odesa Oblast and away from any event marker.
    point = page.evaluate("window.warledger.map.latLngToContainerPoint([46.85, 30.08])")
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    expect(page).to_have_url(re.compile(r"oblast=Odesa"))
    _map_ready(page, 2)
    assert "Oblast: Odesa Oblast" in page.locator("#active-filters").inner_text()
    assert page.locator("form.filters select[name=oblast]").input_value() == "Odesa Oblast"
    expect(page.locator("#events-table tbody tr")).to_have_count(1)
    assert page.locator("#events-table td.place").inner_text() == "Odesa"
    assert page.locator("#map-count").inner_text() == "1"


def test_clicking_a_russian_border_region_sets_and_shows_the_filter(page, live_server: str) -> None:
    page.goto(live_server + "/")
    _map_ready(page)
    # Click the map at Lgov, inside Kursk Oblast; the test ledger has no event there.
    point = page.evaluate("window.warledger.map.latLngToContainerPoint([51.66, 35.27])")
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    expect(page).to_have_url(re.compile(r"oblast=Kursk"))
    _map_ready(page, 2)
    assert "Oblast: Kursk Oblast" in page.locator("#active-filters").inner_text()
    assert page.locator("form.filters select[name=oblast]").input_value() == "Kursk Oblast"
    expect(page.locator("#events-table tbody tr[data-event-id]")).to_have_count(0)
    assert "No events match" in page.locator("#events-table tbody").inner_text()
    assert page.locator("#map-count").inner_text() == "0"


def test_search_finds_an_event_by_place(page, live_server: str, screenshots: Path) -> None:
    page.goto(live_server + "/events")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 6
    page.screenshot(path=str(screenshots / "events.png"), full_page=True)
    page.fill("form.filters input[name=place]", "pokrovsk")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**place=pokrovsk**")
    assert rows.count() == 1
    assert rows.first.locator("td.summary").inner_text() == "Russian assault near Pokrovsk"
    assert page.locator("#total").inner_text() == "1"


def test_export_button_downloads_the_filtered_rows(page, live_server: str) -> None:
    page.goto(live_server + "/events?kind=strike")
    with page.expect_download() as info:
        page.locator("a.export[data-format=csv]").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text("utf-8"))))
    # The theatre's strikes: Kharkiv, Odesa and the Zaporizhzhia shelling (not Mogadishu).
    assert sorted(r["location"] for r in rows) == ["Kharkiv", "Odesa", "Zaporizhzhia Oblast"]
    assert {r["event_type"] for r in rows} == {"strike"}
    assert all(r["summary"] for r in rows)


def test_event_page_shows_both_claims_of_a_disputed_count(
    page, live_server: str, screenshots: Path
) -> None:
    page.goto(live_server + "/events?oblast=Kharkiv+Oblast")
    page.locator("#events-table tbody tr a").first.click()
    page.wait_for_url("**/events/e-*")
    assert page.locator("h1.event-title").inner_text() == (
        "Russian drone strike on Kharkiv: 3–5 killed"
    )
    claims = page.locator("article.claim")
    assert claims.count() == 2
    counts = sorted(claims.locator(".claim-counts").all_inner_texts())
    assert counts == ["killed 3", "killed 5"]
    assert "sources disagree" in page.locator("table.counts").inner_text()
    marks = claims.locator("mark.evidence").all_inner_texts()
    assert any(
        m.startswith("Russian drones struck a residential building in Kharkiv") for m in marks
    )
    assert any(m.startswith("Five people were killed") for m in marks)
    links = claims.locator("a.original").evaluate_all("els => els.map(e => e.href)")
    assert sorted(links) == [
        "https://outlet-a.example/kharkiv_a",
        "https://outlet-b.example/kharkiv_b",
    ]
    page.locator("#event-map[data-ready='1']").wait_for()
    assert page.locator("#event-map path.event-marker").count() == 1
    page.screenshot(path=str(screenshots / "event.png"), full_page=True)


def test_a_script_inside_an_article_is_shown_not_run(page, live_server: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(live_server + "/events?oblast=Odesa+Oblast")
    page.locator("#events-table tbody tr a").first.click()
    page.wait_for_url("**/events/e-*")
    text = page.locator("article.claim .source-text").inner_text()
    assert "<script>window.__pwned = 1;" in text  # visible, as text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() != "pwned"
    assert page.locator("article.claim script").count() == 0
    assert errors == []


def test_positions_matrix_shows_stance_date_and_evidence(page, live_server: str) -> None:
    page.goto(live_server + "/positions")
    cell = page.locator('#positions-matrix td[data-party="RU"][data-issue="territory"]')
    assert cell.locator(".stance-name").inner_text() == "cede occupied"
    assert cell.locator(".stance-when").inner_text().startswith("2025-03-18")
    assert "recognise its control" in cell.locator(".stance-evidence").inner_text()
    colour = cell.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("", "rgba(0, 0, 0, 0)")  # coloured by stance
    assert "2025-03-01: no_recognition" in cell.get_attribute("title")
    assert page.locator('#positions-matrix th[data-party="RU"]').inner_text().startswith("Russia")


def test_ceasefire_register_barrages_and_coverage(page, live_server: str) -> None:
    page.goto(live_server + "/peace")
    register = page.locator("#ceasefire-register tbody tr")
    assert register.count() == 1
    assert register.first.locator("td.duration").inner_text() == "30 days"
    assert (
        register.first.locator("td.window").inner_text().startswith("2025-03-18 – 2025-04-17")
    )  # start + 30 days
    page.goto(live_server + "/barrages")
    nights = page.locator("#barrages-table td.night").all_inner_texts()
    assert "2025-03-10" in nights
    page.goto(live_server + "/coverage")
    rows = page.locator("#coverage-table tbody tr")
    assert rows.count() == 3  # outlet-a, outlet-b, outlet-c
    assert "outlet-c.example" in page.locator("#coverage-table").inner_text()


def test_api_docs_work_offline(page, live_server: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server + "/docs")
    page.get_by_text("/api/events", exact=True).first.wait_for(timeout=15_000)
    assert all(url.startswith(live_server) for url in requested), requested
