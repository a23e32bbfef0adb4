"""Sides from the roles of a clause, on sentences written for this test.

A blame names the attacker and who says so ("which Ukraine blamed on Russia": Russia
attacked, by Ukraine's account); "its troops had taken the village of X" is a capture by
the speaker's side; the parties of a blame and a ministry named by its country's
possessive are not where the event happened.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text: str, kind: str):
    return [e for e in extractor.extract(text, published="2025-10-15").events if e.kind == kind]


@pytest.mark.parametrize(
    "text",
    [
        "The strike on the Kostiantynivka market, which Ukraine blamed on Russia, killed 16 "
        "people.",
        "Ukraine blamed Russia for the missile strike on Sumy, which killed 11 people.",
    ],
)
def test_a_blame_names_the_attacker_and_its_accuser(extractor, text):
    (event,) = _events(extractor, text, "strike")
    assert (event.actor.side, event.target.side) == ("RU", "UA")
    assert (event.claimant.side, event.status) == ("UA", "claimed")


def test_the_parties_named_in_a_blame_are_not_where_the_attack_happened(extractor):
    text = "Ukrainian drones struck a refinery in Saratov, which Moscow blamed on Kyiv."
    (event,) = _events(extractor, text, "strike")
    assert (event.actor.side, event.target.side, event.claimant.side) == ("UA", "RU", "RU")
    assert [loc.name for loc in event.locations] == ["Saratov"]


def test_its_troops_taking_a_village_is_a_capture_by_the_speakers_side(extractor):
    text = (
        "Russia's defence ministry claimed its troops had taken the village of Bohdanivka, "
        "though Ukrainian officials denied it."
    )
    (event,) = _events(extractor, text, "territorial_change")
    assert (event.subtype, event.actor.side, event.claimant.side) == ("captured", "RU", "RU")
    assert [loc.name for loc in event.locations] == ["Bohdanivka"]


def test_taking_a_train_takes_no_place(extractor):
    text = "Zelensky took a train to Kyiv on Monday after visiting the front."
    assert _events(extractor, text, "territorial_change") == []


def test_an_accusation_of_an_attack_is_that_attack_claimed_by_the_accuser(extractor):
    text = "Russia accused Ukraine of an air strike on Horlivka on Tuesday."
    (event,) = _events(extractor, text, "strike")
    assert (event.actor.side, event.target.side) == ("UA", "RU")
    assert (event.claimant.side, event.status) == ("RU", "claimed")
    assert [loc.name for loc in event.locations] == ["Horlivka"]


def test_an_accusation_of_breaking_a_truce_is_no_strike(extractor):
    text = "Ukraine accused Russia of a strike on Kharkiv in breach of the Easter truce."
    assert _events(extractor, text, "strike") == []
