"""A truce asked, pressed or urged for is proposed; protesters demanding one are no party;
a truce told before and proposed longer by "it".

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2026-12-20"


def _truces(rules, text: str) -> list:
    return [e for e in rules.extract(text, PUBLISHED).events if e.kind == "ceasefire"]


@pytest.mark.parametrize(
    "text",
    [
        "The archbishop asked for a truce over the New Year holidays.",
        "Nordic leaders are pressing for an unconditional ceasefire along the front.",
        "Spain urged an immediate ceasefire in Ukraine on Tuesday.",
    ],
)
def test_a_truce_sought_is_proposed(rules, text):
    (truce,) = _truces(rules, text)
    assert truce.subtype == "proposed"


def test_protesters_demanding_a_truce_are_no_party(rules):
    assert _truces(rules, "Students demanded a ceasefire outside the parliament.") == []


def test_a_truce_told_before_proposed_longer(rules):
    text = (
        "Moscow declared a 48-hour Christmas truce on Friday. Kyiv proposed "
        "extending it to 20 days."
    )
    assert [e.subtype for e in _truces(rules, text)] == ["declared", "proposed"]
