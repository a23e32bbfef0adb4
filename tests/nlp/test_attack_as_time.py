"""An attack named as the time of something else ("Poland scrambled jets as the attack
unfolded") is no new attack; an attack told in such a clause still is.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_known_attack_setting_the_time_is_no_new_strike(extractor):
    text = (
        "Romania scrambled fighter jets and placed ground-based air defence units on alert as "
        "the attack unfolded overnight."
    )
    assert [e for e in extractor.extract(text, "2026-03-12").events if e.kind == "strike"] == []


def test_an_attack_told_in_a_time_clause_is_a_strike(extractor):
    text = "Air raid sirens sounded across Kyiv as Russian drones attacked the city overnight."
    strikes = [e for e in extractor.extract(text, "2026-03-12").events if e.kind == "strike"]
    assert len(strikes) == 1
    assert strikes[0].actor.side == "RU"
