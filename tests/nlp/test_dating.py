"""An incident told without a day takes the day the story said last before it; a live
blog's entry is written on the day the blog is published."""

from __future__ import annotations

import pytest


def _dates(extractor, text: str, published: str) -> dict[str, tuple[str | None, str]]:
    result = extractor.extract(text, published)
    return {
        event.locations[0].name: (event.date.start, event.date.precision)
        for event in result.events
        if event.kind == "strike" and event.locations
    }


@pytest.mark.parametrize("mode", ["rules", "extractor"])
def test_the_next_paragraph_keeps_the_day_said_in_the_first(mode, request) -> None:
    text = (
        "On 14 February 2026, Russian troops shelled Kupiansk, Kharkiv oblast, with "
        "artillery. Two houses were damaged.\n"
        "In nearby Shevchenkove, a drone hit a grain warehouse, injuring a 52-year-old "
        "guard."
    )
    found = _dates(request.getfixturevalue(mode), text, "2026-02-15")
    assert found["Shevchenkove"] == ("2026-02-14", "day")


def test_an_entry_opening_on_the_same_day_after_an_undated_paragraph(rules) -> None:
    text = (
        "On 2 March 2026, Russian forces shelled Nikopol, Dnipropetrovsk oblast.\n"
        "A 70-year-old man was wounded in his garden.\n"
        "Later that day, a drone attacked a car in Marhanets, Dnipropetrovsk oblast."
    )
    assert _dates(rules, text, "2026-03-03")["Marhanets"] == ("2026-03-02", "day")


def test_a_live_entry_is_of_the_blog_day_and_takes_no_day_from_the_entry_below(rules) -> None:
    text = (
        "16:20 — Russian drones struck a supermarket in Sumy in the afternoon, injuring "
        "five people, the regional governor says.\n"
        "09:05 — Welcome to our coverage. The Kremlin said on Friday that talks would "
        "resume in Istanbul next week."
    )
    # published on Sunday 8 March 2026; the Friday of the earlier entry is not the strike's
    assert _dates(rules, text, "2026-03-08")["Sumy"] == ("2026-03-08", "day")


def test_no_day_said_before_leaves_the_date_unknown(rules) -> None:
    text = (
        "Ukraine's energy ministry says Russian strikes have damaged half of its power "
        "plants.\nA drone hit a substation in Konotop, Sumy oblast, cutting power to "
        "3,000 homes."
    )
    assert _dates(rules, text, "2026-03-08")["Konotop"] == (None, "unknown")


def test_a_month_said_before_dates_no_single_incident(rules) -> None:
    text = (
        "Attacks on the region's grid have intensified since January, officials say.\n"
        "A drone hit a substation in Konotop, Sumy oblast, cutting power to 3,000 homes."
    )
    assert _dates(rules, text, "2026-03-08")["Konotop"] == (None, "unknown")


def test_a_day_told_from_another_day_takes_no_carried_day(rules) -> None:
    text = (
        "On 9 May 2026, Russian drones struck Kherson, injuring two people.\n"
        "The attack came a day after Russian artillery shelled Bilozerka, Kherson oblast, "
        "damaging three houses."
    )
    assert _dates(rules, text, "2026-05-10")["Bilozerka"] == (None, "unknown")
