"""A meeting about the war does not seat the war's parties named only as its subject,
a visit names its venue, and a strike told without a place happened where the story is.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _talks(extractor, text: str):
    talks = [e for e in extractor.extract(text, "2025-06-03").events if e.kind == "talks"]
    assert len(talks) == 1
    return talks[0]


def test_the_party_named_as_the_war_is_not_at_the_table(extractor):
    text = (
        "Trump says he will meet Russian President Vladimir Putin in Alaska on Friday for "
        "talks on ending the war in Ukraine."
    )
    talks = _talks(extractor, text)
    assert sorted(p.side for p in talks.participants if p.side) == ["RU", "US"]
    assert [loc.name for loc in talks.locations] == ["Alaska"]


def test_a_visit_names_its_venue(extractor):
    text = (
        "Hungarian Prime Minister Viktor Orbán visits Kyiv in his first visit since the "
        "Russian invasion of Ukraine to meet President Volodymyr Zelenskyy."
    )
    talks = _talks(extractor, text)
    assert sorted(p.side for p in talks.participants if p.side) == ["HU", "UA"]
    assert [(loc.name, loc.country) for loc in talks.locations] == [("Kyiv", "UA")]


def test_a_strike_told_without_a_place_happened_where_the_story_is(extractor):
    text = (
        "Russian drones hit a bus station in Kherson on Tuesday morning, killing two people. "
        "Hours later another drone struck a cyclist; he was taken to hospital."
    )
    strikes = [e for e in extractor.extract(text, "2025-06-03").events if e.kind == "strike"]
    assert len(strikes) == 2
    assert [e.country for e in strikes] == ["UA", "UA"]


def test_assaults_counted_are_attacks(extractor):
    text = (
        "Ukraine's General Staff said Russian forces had launched 37 assaults near Lyman "
        "over the past day."
    )
    fights = [e for e in extractor.extract(text, "2025-06-03").events if e.kind == "ground_combat"]
    assert len(fights) == 1
    assert (fights[0].counts["attacks"].value, fights[0].counts["attacks"].qualifier) == (
        37,
        "exact",
    )
