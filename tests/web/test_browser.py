"""The dashboard in headless Chromium: what an analyst sees and can do."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.network]

ATTRIBUTION = (
    "Data: OCHA COD Ukraine (CC BY-IGO), DRC InfoPortal; boundaries © geoBoundaries (CC BY 4.0)"
)


def test_map_shows_one_point_per_placed_event(page, live_server: str, screenshots: Path) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server + "/")
    # Kharkiv (two reports, one event), Odesa and Pokrovsk; the Zaporizhzhia report has no
    # coordinates and Istanbul is outside the map.
    points = page.locator("#map circle.event-point")
    assert points.count() == 3
    assert sorted(points.evaluate_all("els => els.map(e => e.dataset.kind)")) == [
        "ground_combat",
        "strike",
        "strike",
    ]
    assert page.locator("#map path.oblast").count() == 27
    assert page.locator(".map-attribution").inner_text() == ATTRIBUTION
    assert "without coordinates" in page.locator("#map-summary").inner_text()
    # The oblasts with events are shaded, the others are not.
    kharkiv = page.locator('#map path.oblast[data-oblast="Kharkiv Oblast"]')
    lviv = page.locator('#map path.oblast[data-oblast="Lviv Oblast"]')
    assert kharkiv.get_attribute("fill") != lviv.get_attribute("fill")
    assert page.locator("#timeline rect.ceasefire-window").count() == 1
    assert page.locator("#timeline line.talks-mark").count() == 1
    assert all(url.startswith(live_server) for url in requested), requested  # works offline
    page.screenshot(path=str(screenshots / "overview.png"), full_page=True)


def test_filtering_the_map_by_kind(page, live_server: str) -> None:
    page.goto(live_server + "/")
    page.select_option("form.filters select[name=kind]", "ground_combat")  # submits itself
    page.wait_for_url("**kind=ground_combat**")
    assert page.locator("#map circle.event-point").count() == 1


def test_filtering_by_oblast_changes_the_table(page, live_server: str, screenshots: Path) -> None:
    page.goto(live_server + "/events")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 6
    page.screenshot(path=str(screenshots / "events.png"), full_page=True)
    page.select_option("form.filters select[name=oblast]", "Odesa Oblast")
    page.wait_for_url("**oblast=Odesa**")
    assert rows.count() == 1
    assert rows.first.locator("td.oblast").inner_text() == "Odesa Oblast"
    assert page.locator("#total").inner_text() == "1"


def test_event_page_shows_both_claims_of_a_disputed_count(
    page, live_server: str, screenshots: Path
) -> None:
    page.goto(live_server + "/events?oblast=Kharkiv+Oblast")
    page.locator("#events-table tbody tr a").first.click()
    page.wait_for_url("**/events/e-*")
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


def test_positions_matrix_hover_shows_history(page, live_server: str) -> None:
    page.goto(live_server + "/positions")
    cell = page.locator('#positions-matrix td[data-party="Russia"][data-issue="territory"]')
    assert cell.inner_text().startswith("cede occupied")
    history = cell.get_attribute("title")
    assert "2025-03-01: no_recognition" in history
    assert "2025-03-18: cede_occupied" in history
    assert "never cede occupied land" in history  # the evidence sentence


def test_ceasefire_register_and_coverage(page, live_server: str) -> None:
    page.goto(live_server + "/peace")
    register = page.locator("#ceasefire-register tbody tr")
    assert register.count() == 1
    assert "energy" in register.first.inner_text() and "P30D" in register.first.inner_text()
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
