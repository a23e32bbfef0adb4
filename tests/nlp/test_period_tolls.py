"""A toll summed over a month or a day's attacks is a casualty report, not a strike, in
the rules and through the detector. Sentences written for these tests, the expected values
read from them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _kinds(extractor, text: str) -> list[str]:
    return [e.kind for e in extractor.extract(text, "2026-04-08").events]


def test_a_months_toll_is_a_casualty_report(extractor):
    text = (
        "In March alone, 97 civilians were killed by Russian shelling in Kherson Oblast, "
        "the regional governor said."
    )
    assert _kinds(extractor, text) == ["casualty_report"]


def test_a_days_attacks_summed_are_a_report_not_a_strike(extractor):
    text = "Russian drone and missile attacks over a 24-hour period killed at least nine people."
    assert _kinds(extractor, text) == ["casualty_report"]


def test_one_strike_in_a_month_named_stays_a_strike(extractor):
    text = "A Russian missile strike on Dnipro in March killed five people."
    assert _kinds(extractor, text) == ["strike"]
