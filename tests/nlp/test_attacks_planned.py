"""An offensive or a strike that a party prepares, vows, intends or expects is a plan or
a threat, not an occurrence (docs/annotation.md: "plans to attack" is not a strike);
the act told beside its preparation still is one.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2026-04-02"


def _kinds(rules, text: str) -> list[str]:
    return [e.kind for e in rules.extract(text, PUBLISHED).events]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces are preparing a new offensive near Huliaipole, Kyiv said.",
        "Kyiv expects a Russian assault on Kostiantynivka within weeks.",
        "Moscow vowed a massive strike on Kyiv in response.",
    ],
)
def test_an_attack_prepared_vowed_or_expected_is_no_event(rules, text):
    assert _kinds(rules, text) == []


def test_an_assault_stormed_after_weeks_of_preparation_is_one(rules):
    text = "Russian troops stormed the village of Andriivka after weeks of preparation."
    assert _kinds(rules, text) == ["ground_combat"]
