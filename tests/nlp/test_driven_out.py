"""A phrasal verb with its object inside ("pushed Russian troops out of X", "pushed the
attackers back"): the trigger lexicon matches it with the object in its gap. Sentences
written for these tests, the expected values read from them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text: str):
    return extractor.extract(text, "2025-09-03").events


def test_troops_pushed_out_of_a_village_lose_it(extractor):
    text = "Ukrainian forces pushed Russian troops out of the village of Kindrativka on Tuesday."
    found = [e for e in _events(extractor, text) if e.kind == "territorial_change"]
    assert len(found) == 1
    assert found[0].actor.side == "UA"
    assert found[0].locations and found[0].locations[0].name == "Kindrativka"


def test_units_driven_out_of_a_town_by_the_other_side(extractor):
    text = "Russian troops drove Ukrainian units out of Vovchansk on Monday."
    found = [e for e in _events(extractor, text) if e.kind == "territorial_change"]
    assert [(e.subtype, e.actor.side) for e in found] == [("captured", "RU")]


def test_pushed_out_of_a_payment_system_is_no_fight(extractor):
    text = "The bank was pushed out of the payment system after the new rules."
    assert not _events(extractor, text)


def test_attackers_pushed_back_with_the_object_between(extractor):
    text = "Ukrainian troops pushed the attackers back from the outskirts of Kupiansk."
    found = [e for e in _events(extractor, text) if e.kind == "ground_combat"]
    assert len(found) == 1 and found[0].actor.side == "UA"

