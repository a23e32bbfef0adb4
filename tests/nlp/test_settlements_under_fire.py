"""A regional administration's tally of settlements under fire is shelling, not an
assault on the ground; troops attacking positions still are.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _kinds(rules, text: str) -> set[str]:
    return {e.kind for e in rules.extract(text, "2026-10-27").events}


def test_attacks_on_settlements_counted_are_strikes(rules):
    text = (
        "Russian forces carried out 52 attacks on 17 settlements of Kharkiv oblast over the "
        "past day, the regional military administration said."
    )
    kinds = _kinds(rules, text)
    assert "ground_combat" not in kinds
    assert "strike" in kinds


def test_troops_attacking_positions_is_an_assault(rules):
    text = "Russian troops attacked Ukrainian positions near Kostiantynivka 31 times, Kyiv said."
    assert "ground_combat" in _kinds(rules, text)
