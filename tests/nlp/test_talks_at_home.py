"""A government's own meetings and plans are no talks between parties: "will hold" needs
talks to hold, and a meeting of one side's council at home has no counterpart.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _talks(rules, text):
    return [e for e in rules.extract(text, "2022-03-09").events if e.kind == "talks"]


@pytest.mark.parametrize(
    "text",
    [
        "We will hold out, whatever they send against us, the mayor said.",
        "The governor said the region will hold a referendum on the new charter in May.",
        "Kyiv said it will hold military exercises near the border next month.",
        "The President held a meeting of the Russian Security Council at the Kremlin.",
    ],
)
def test_a_plan_or_meeting_of_ones_own_is_no_talks(rules, text):
    assert _talks(rules, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky will hold talks with the Polish president in Warsaw on Friday.",
        "Putin and Erdogan will hold a summit in Sochi next week, the Kremlin said.",
    ],
)
def test_talks_to_be_held_are_scheduled(rules, text):
    assert [e.subtype for e in _talks(rules, text)] == ["scheduled"]


def test_a_leader_meeting_his_own_governor_holds_no_talks(extractor):
    text = (
        "During the visit to Belgorod, the President will also meet with Belgorod Region "
        "Governor Vyacheslav Gladkov."
    )
    assert [e for e in extractor.extract(text, "2026-05-02").events if e.kind == "talks"] == []


def test_a_mayor_met_at_home_is_no_counterpart(rules):
    text = "Zelensky met with the mayor of Odesa on Monday to discuss air defence."
    assert [e for e in rules.extract(text, "2026-05-02").events if e.kind == "talks"] == []
