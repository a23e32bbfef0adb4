"""A truce offered and then answered without being named again ("turned the idea down",
"said yes"), and its breaches alleged under another name ("violated the arrangement").

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2026-12-04"


def _truces(rules, text: str) -> list[tuple[str | None, str | None]]:
    events = rules.extract(text, PUBLISHED).events
    return [(e.subtype, e.actor.side if e.actor else None) for e in events if e.kind == "ceasefire"]


def test_the_idea_of_a_truce_turned_down(rules):
    text = (
        "Ukraine on Friday proposed a truce at sea over the New Year holidays. "
        "The Kremlin turned the idea down within hours."
    )
    assert _truces(rules, text) == [("proposed", "UA"), ("rejected", "RU")]


def test_a_truce_offer_answered_yes(rules):
    text = "Russia proposed a two-day ceasefire for the Orthodox Easter. Kyiv said yes on Saturday."
    assert _truces(rules, text) == [("proposed", "RU"), ("accepted", "UA")]


def test_an_offer_answered_after_a_peace_plan_is_no_truce(rules):
    text = "The United States presented a 28-point peace plan on Monday. Kyiv said yes."
    assert _truces(rules, text) == []


def test_a_truce_broken_under_another_name(rules):
    text = (
        "Kyiv and Moscow agreed in March to a moratorium on strikes against power plants. "
        "Ukraine's energy ministry said Russia had violated the arrangement 14 times."
    )
    assert [s for s, _ in _truces(rules, text)] == ["accepted", "violation_alleged"]
