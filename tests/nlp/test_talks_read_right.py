"""Talks where two leaders meet though one is unknown to the registry, and no talks where a
gathering is of business people or the sentence only calls for a truce.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2026-09-24"


def _talks(extractor, text: str) -> list:
    return [e for e in extractor.extract(text, PUBLISHED).events if e.kind == "talks"]


def test_a_leader_the_registry_does_not_know_still_meets(rules):
    text = (
        "Presidents Tomas Veliko and Volodymyr Zelenskyy meet on the sidelines of the "
        "General Assembly in New York."
    )
    (talks,) = _talks(rules, text)
    assert talks.subtype == "held"


def test_a_government_meeting_its_own_official_is_no_talks(rules):
    text = "Putin met with the head of the Russian Railways company in the Kremlin."
    assert _talks(rules, text) == []


def test_a_gathering_of_business_leaders_is_no_talks(rules):
    text = (
        "The continent's largest gathering of business leaders opened in Nairobi, with "
        "sessions on trade and on grain from Ukraine."
    )
    assert _talks(rules, text) == []


def test_a_call_for_a_truce_is_no_talks(extractor):
    text = "The Turkish president calls on Russia's president to declare a truce with Ukraine."
    events = extractor.extract(text, PUBLISHED).events
    assert [e.kind for e in events] == ["ceasefire"]
