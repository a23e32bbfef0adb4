"""Weapons moved between states: "transfers of munitions from North Korea to Russia" are
North Korea's aid to Russia, whoever reports them; drones given are aid; drones sent to the
sender's enemy are an attack, never aid.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _aid(rules, text):
    return [e for e in rules.extract(text, "2025-03-09").events if e.kind == "aid"]


@pytest.mark.parametrize(
    ("text", "giver", "recipient"),
    [
        ("Investigators documented transfers of munitions from North Korea to Russia.", "KP", "RU"),
        ("Iran delivered hundreds of attack drones to Russia last year.", "IR", "RU"),
        ("Britain will send 100,000 drones to Ukraine this year.", "GB", "UA"),
    ],
)
def test_the_giver_and_recipient_of_weapons_moved(rules, text, giver, recipient):
    (aid,) = _aid(rules, text)
    assert (aid.actor.side, aid.target.side) == (giver, recipient)


def test_drones_sent_to_the_enemy_are_no_aid(rules):
    assert _aid(rules, "Ukraine sent 300 drones to Russia overnight, Moscow said.") == []
