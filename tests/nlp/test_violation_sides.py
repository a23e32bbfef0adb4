"""A violation told by a speaker ("Kyiv said Russian troops had violated the truce 1,120
times") is alleged by the speaker against the side that broke it (the schema: the
claimant accuses, the target is accused).

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model



@pytest.mark.parametrize(
    ("text", "accuser", "accused", "times"),
    [
        (
            "Ukraine's commander-in-chief said Russian troops had violated the Easter truce "
            "1,120 times.",
            "UA",
            "RU",
            1120,
        ),
        (
            "Russia's defence ministry said Ukrainian forces had breached the ceasefire 870 "
            "times since it began.",
            "RU",
            "UA",
            870,
        ),
    ],
)
def test_the_speaker_accuses_the_side_that_broke_the_truce(rules, text, accuser, accused, times):
    (event,) = [e for e in rules.extract(text, "2026-04-13").events if e.kind == "ceasefire"]
    assert event.subtype == "violation_alleged"
    assert (event.claimant.side, event.target.side) == (accuser, accused)
    assert event.counts["violations"].value == times


def test_an_accusation_keeps_its_accuser_and_accused(rules):
    text = "Kyiv accused Moscow of violating the energy truce on Tuesday."
    (event,) = [e for e in rules.extract(text, "2026-04-13").events if e.kind == "ceasefire"]
    assert (event.claimant.side, event.target.side) == ("UA", "RU")
