"""Breaches of a truce the story named before ("had breached it", "accuses Kyiv of 41
violations"), and totals counted since long ago, which are background.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2026-04-20"


def _kind(rules, text: str, kind: str) -> list:
    return [e for e in rules.extract(text, PUBLISHED).events if e.kind == kind]


def _side(actor) -> str | None:
    return actor.side if actor else None


def test_a_truce_broken_by_pronoun_is_an_allegation(rules):
    text = (
        "A three-day Easter truce took effect on Saturday. Ukraine's general staff said on "
        "Sunday that Russian forces had breached it near Pokrovsk."
    )
    (violation,) = [
        e for e in _kind(rules, text, "ceasefire") if e.subtype == "violation_alleged"
    ]
    assert (_side(violation.claimant), _side(violation.target)) == ("UA", "RU")


def test_counted_violations_of_the_truce_told_before(rules):
    text = (
        "The moratorium on strikes against energy sites began on 18 March. Russia's "
        "defence ministry accuses Kyiv of 41 violations."
    )
    (violation,) = [
        e for e in _kind(rules, text, "ceasefire") if e.subtype == "violation_alleged"
    ]
    assert (_side(violation.claimant), _side(violation.target)) == ("RU", "UA")


def test_an_agreement_violated_with_no_truce_told_is_no_allegation(rules):
    text = "Russia's foreign ministry said that the NATO exercise had violated the agreement."
    assert _kind(rules, text, "ceasefire") == []


def test_sanctions_packages_counted_since_long_ago_are_background(rules):
    text = "The EU has adopted 17 sanctions packages against Russia since February 2022."
    assert _kind(rules, text, "sanction") == []


def test_a_truce_in_a_condition_of_the_future_is_no_event(rules):
    text = (
        "Ukraine is ready to hold a referendum within 60 days after a truce takes effect, "
        "the foreign minister said on Monday."
    )
    assert _kind(rules, text, "ceasefire") == []


def test_a_truce_taking_effect_is_declared(rules):
    text = "A 30-day truce took effect on Tuesday after both sides signed."
    (truce,) = _kind(rules, text, "ceasefire")
    assert truce.subtype == "declared"


def test_attacks_counted_since_a_truce_began_are_an_allegation(rules):
    text = (
        "Moscow declared a 36-hour Christmas ceasefire on Friday. By Saturday, Kyiv's army "
        "said Russian troops had shelled its positions 41 times since the truce began."
    )
    (violation,) = [
        e for e in _kind(rules, text, "ceasefire") if e.subtype == "violation_alleged"
    ]
    assert (_side(violation.claimant), _side(violation.target)) == ("UA", "RU")


def test_attacks_counted_with_no_truce_told_are_no_allegation(rules):
    text = "Russian drones attacked Kharkiv 30 times this year, the mayor said."
    assert _kind(rules, text, "ceasefire") == []
