""""Occupied" before a place names its state ("near occupied Horlivka"), not a capture,
even where the parser reads it as a verb; a strike told in the same sentence stays one.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _kinds(rules, text: str) -> list[str]:
    return [e.kind for e in rules.extract(text, "2026-11-03").events]


def test_a_strike_near_an_occupied_town_is_no_capture(rules):
    text = (
        "Ukrainian units struck an ammunition depot of the enemy's 3rd Corps near occupied "
        "Tokmak in Zaporizhzhia region, the navy said."
    )
    assert _kinds(rules, text) == ["strike"]


def test_troops_occupying_a_village_capture_it(rules):
    text = "Russian troops occupied the village of Vesele on Tuesday, the ministry said."
    assert _kinds(rules, text) == ["territorial_change"]
