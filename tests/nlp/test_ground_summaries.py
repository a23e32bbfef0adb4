"""Ground combat as General Staff summaries word it: an assault attempted ("tried to
break through") was made; "the enemy" is an armed side. Sentences written for these
tests, the expected values read from them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _kinds(extractor, text: str) -> list[str]:
    return [e.kind for e in extractor.extract(text, "2025-09-03").events]


def test_an_attempt_to_break_through_is_an_assault(extractor):
    assert "ground_combat" in _kinds(
        extractor, "Russian infantry tried to break through Ukrainian lines near Siversk."
    )


def test_the_enemy_pushing_units_back_many_times_is_ground_combat(extractor):
    text = "The enemy tried 12 times to push our units back near Kupiansk, the General Staff said."
    assert "ground_combat" in _kinds(extractor, text)


def test_an_attempt_to_capture_a_town_takes_nothing(extractor):
    assert "territorial_change" not in _kinds(extractor, "Russian troops tried to capture Siversk.")


def test_an_attempt_still_to_come_is_no_assault(extractor):
    assert "ground_combat" not in _kinds(
        extractor, "Russian troops will try to break through near Siversk next week."
    )
