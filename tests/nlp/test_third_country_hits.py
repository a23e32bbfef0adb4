"""A party's weapon that comes down in a third country hit that country, not the party's
enemy: "a Russian drone struck a house in eastern Poland" is Russia → Poland, while a
strike on a Ukrainian town stays Russia → Ukraine.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _strike(rules, text):
    (strike,) = [e for e in rules.extract(text, "2026-03-12").events if e.kind == "strike"]
    return strike


def test_a_drone_that_hits_a_third_country_has_that_country_as_target(rules):
    strike = _strike(rules, "A Russian drone struck a house in eastern Poland overnight.")
    assert (strike.actor.side, strike.target.side, strike.target.name) == ("RU", "PL", "Poland")
    assert strike.locations[0].country == "PL"


def test_a_strike_on_a_ukrainian_town_still_targets_ukraine(rules):
    strike = _strike(rules, "Russian drones hit a port warehouse in Izmail overnight.")
    assert (strike.actor.side, strike.target.side) == ("RU", "UA")


def test_the_country_of_the_place_hit_is_not_the_attacker(rules):
    """ "Kryvyi Rih, Ukraine" inside the attack's phrase says where, not who attacked: the
    sentence names no attacker, so the attacker is only the one the war implies, the
    enemy of the side hit (nlp.implied_sides), never Ukraine."""
    text = "A missile attack on a school in Kryvyi Rih, Ukraine, killed three people."
    strike = _strike(rules, text)
    assert strike.target.side == "UA"
    assert strike.actor.side == "RU"
