"""A trigger phrase with words between its own ("taken full control of", "withdrew their
last units from") is still the phrase.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model



def test_a_modifier_inside_the_phrase_keeps_the_capture_and_its_side(rules):
    text = "Russia's defence ministry said its troops had taken full control of Chasiv Yar."
    (event,) = rules.extract(text, "2026-03-08").events
    assert (event.kind, event.subtype) == ("territorial_change", "captured")
    assert (event.actor.side, event.target.side) == ("RU", "UA")
    assert (event.claimant.side, event.status) == ("RU", "claimed")
    assert [loc.name for loc in event.locations] == ["Chasiv Yar"]


def test_an_object_between_verb_and_preposition_keeps_the_withdrawal(rules):
    text = "Ukrainian troops withdrew their last units from Vuhledar, the army said."
    (event,) = rules.extract(text, "2026-03-08").events
    assert (event.kind, event.subtype) == ("territorial_change", "withdrawn")
    assert [loc.name for loc in event.locations] == ["Vuhledar"]


def test_words_between_do_not_join_unrelated_words(rules):
    text = "Officials took questions about control of the city's budget on Monday."
    assert rules.extract(text, "2026-03-08").events == []


def test_the_place_left_after_out_of_is_the_withdrawals_place(rules):
    text = "Ukrainian forces pulled out of Vuhledar on Tuesday, the army said."
    (event,) = rules.extract(text, "2026-03-12").events
    assert (event.kind, event.subtype) == ("territorial_change", "withdrawn")
    assert [loc.name for loc in event.locations] == ["Vuhledar"]
