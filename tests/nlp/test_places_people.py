"""A known person's name is no place: "Volodymyr" of "Volodymyr Zelenskyy" is not the
town of Volodymyr in Volyn Oblast.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_presidents_first_name_is_not_a_town(rules):
    text = (
        "According to President of Ukraine Volodymyr Zelenskyy, Russian drones struck "
        "a power station in Odesa overnight."
    )
    (strike,) = [e for e in rules.extract(text, "2025-03-09").events if e.kind == "strike"]
    assert [loc.name for loc in strike.locations] == ["Odesa"]


def test_the_town_itself_is_still_a_place(rules):
    text = "Russian drones struck a warehouse in Volodymyr, Volyn Oblast, overnight."
    (strike,) = [e for e in rules.extract(text, "2025-03-09").events if e.kind == "strike"]
    assert [(loc.name, loc.admin1) for loc in strike.locations] == [("Volodymyr", "Volyn Oblast")]
