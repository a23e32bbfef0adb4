"""Attacks, fights and captures told as a course of acts up to now ("have attacked
shipping since late 2023") or as the point a count starts from ("since it seized X"):
background of the news, not one act of it. Restatements of a capture in a party's own
words ("liberated the settlement") are the capture already read.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2026-09-02"


def _kinds(extractor, text: str) -> list[str]:
    return [e.kind for e in extractor.extract(text, PUBLISHED).events]


def test_attacks_kept_up_since_long_ago_are_no_strike(rules):
    text = (
        "The Houthi rebels have attacked merchant shipping in the Red Sea since late 2024, "
        "saying they act in support of Gaza."
    )
    assert _kinds(rules, text) == []


def test_raids_on_positions_kept_up_since_last_year_are_no_fight(rules):
    text = "Sudanese army troops have attacked RSF positions around El Obeid since November 2024."
    assert _kinds(rules, text) == []


def test_an_encirclement_tried_since_last_year_is_no_fight(rules):
    text = (
        "Chasiv Yar lies west of Bakhmut, a city that Russian troops have been trying to "
        "encircle since the spring of 2024."
    )
    assert _kinds(rules, text) == []


def test_the_capture_a_course_starts_from_is_no_new_event(rules):
    text = "Russia has advanced in the Donetsk region since capturing Vuhledar in October 2024."
    assert _kinds(rules, text) == []


def test_a_strike_since_midnight_is_todays_news(rules):
    text = "Russian drones have struck the city of Sumy since midnight, killing three people."
    assert _kinds(rules, text) == ["strike"]


def test_a_toll_since_the_invasion_stays_a_casualty_report(rules):
    text = "At least 12,000 civilians have been killed in Ukraine since the invasion began."
    assert _kinds(rules, text) == ["casualty_report"]


def test_gains_counted_since_an_incursion_began_are_a_capture(rules):
    text = (
        "Ukraine's army says it has captured 80 settlements in Kursk Oblast since the "
        "start of the incursion."
    )
    assert _kinds(rules, text) == ["territorial_change"]


def test_a_capture_restated_in_the_ministrys_words_is_one_event(extractor):
    text = (
        "Russia said on Wednesday its forces had seized the village of Novoselivka in the "
        "Donetsk region.\n"
        '"Units of the Centre group of forces have liberated the settlement of '
        'Novoselivka," the Russian defence ministry said.'
    )
    changes = [
        e for e in extractor.extract(text, PUBLISHED).events if e.kind == "territorial_change"
    ]
    assert len(changes) == 1
    assert [loc.name for loc in changes[0].locations] == ["Novoselivka"]


def test_the_settlement_taken_told_again_adds_no_capture(extractor):
    text = (
        "Russia's military said on Tuesday its forces had taken control of the village of "
        "Dachne in the Donetsk region.\nIn its daily briefing, Russia's Defence Ministry "
        'said units of its Centre group of forces "liberated" the settlement after days '
        "of fighting."
    )
    changes = [
        e for e in extractor.extract(text, PUBLISHED).events if e.kind == "territorial_change"
    ]
    assert len(changes) == 1


def test_a_toll_of_attacks_since_last_year_stays_a_casualty_report(rules):
    text = (
        "Officials said shelling and drone attacks had killed 260 civilians in the border "
        "regions since the start of 2024."
    )
    assert _kinds(rules, text) == ["casualty_report"]
