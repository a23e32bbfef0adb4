"""In a war of two parties the side a sentence leaves out is implied: who fired at a
city of one party, whose units "liberated" a village in a party's report, who "the
enemy" is. Other wars keep only the sides their text names.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "kind", "actor", "target"),
    [
        (
            "A missile slammed into an apartment block in Kyiv shortly before 4 a.m., "
            "killing two people.",
            "strike",
            "RU",
            "UA",
        ),
        (
            "Russia's defence ministry said units of the Battlegroup Centre had liberated "
            "the settlement of Novoolenivka.",
            "territorial_change",
            "RU",
            "UA",
        ),
        (
            "Russia's defence ministry said air defence systems shot down 40 fixed-wing "
            "drones over the past day.",
            "strike",
            "UA",
            "RU",
        ),
        (
            "Ukraine's General Staff said the enemy carried out 60 air strikes on Ukrainian "
            "positions over the past day.",
            "strike",
            "RU",
            "UA",
        ),
        (
            "More than half of the town of Kurakhove has been taken by Russian forces, the "
            "regional governor said.",
            "territorial_change",
            "RU",
            "UA",
        ),
    ],
)
def test_the_side_left_out_is_the_named_sides_enemy(extractor, text, kind, actor, target):
    events = [e for e in extractor.extract(text, "2025-06-02").events if e.kind == kind]
    assert len(events) == 1
    assert (events[0].actor.side, events[0].target.side) == (actor, target)


def test_an_other_wars_strike_gets_no_side_of_this_war(extractor):
    text = "An airstrike hit a market in the town of Nasir in South Sudan, killing 12 people."
    strikes = [e for e in extractor.extract(text, "2025-06-02").events if e.kind == "strike"]
    assert len(strikes) == 1
    assert strikes[0].actor is None or strikes[0].actor.side not in {"RU", "UA"}
