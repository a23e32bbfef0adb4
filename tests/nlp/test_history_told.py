"""Earlier years told as background to the news ("13 years ago", "in the spring of
2022") make no current event, in the rules or through the detector; a recent act does.
Sentences written for these tests, the expected values read from them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _kinds(extractor, text: str, published: str) -> list[str]:
    return [e.kind for e in extractor.extract(text, published).events]


def test_a_meeting_years_ago_is_no_talks(extractor):
    text = "The two presidents first met nine years ago in Geneva."
    assert "talks" not in _kinds(extractor, text, "2025-04-02")


def test_a_season_of_an_earlier_year_dates_the_clause(extractor):
    text = "Negotiators from both countries met in Minsk in the autumn of 2021."
    assert "talks" not in _kinds(extractor, text, "2025-04-02")


def test_shelling_two_decades_ago_is_no_strike(extractor):
    text = "Russian artillery shelled the village of Oleksandrivka two decades ago."
    assert "strike" not in _kinds(extractor, text, "2025-04-02")


def test_a_meeting_a_year_ago_is_not_dropped_as_history(extractor):
    text = "Ukrainian and Russian negotiators met in Istanbul a year ago."
    assert "talks" in _kinds(extractor, text, "2025-04-02")


def test_a_strike_this_week_told_beside_an_anniversary_stays(extractor):
    text = "Russian drones struck Odesa on Tuesday, two years after the first attack on its port."
    assert "strike" in _kinds(extractor, text, "2025-04-02")
