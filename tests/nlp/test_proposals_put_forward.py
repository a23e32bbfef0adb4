"""Plans put forward in the wordings news uses besides "proposed": floated, a
counter-proposal put forward, a plan "presented" by its authors told in the passive.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2026-03-04"


def _proposals(rules, text: str) -> list:
    return [e for e in rules.extract(text, PUBLISHED).events if e.kind == "proposal"]


def test_a_plan_floated_is_put_forward(rules):
    text = "Washington floated a plan to end the war in Ukraine on Tuesday."
    (plan,) = _proposals(rules, text)
    assert (plan.subtype, plan.actor.side) == ("put_forward", "US")


def test_a_counter_proposal_put_forward(rules):
    text = "Poland and the Baltic states put forward a counter-proposal on security guarantees."
    (plan,) = _proposals(rules, text)
    assert plan.subtype == "put_forward"


def test_a_plan_presented_by_its_authors_told_in_the_passive(rules):
    text = 'Moscow dismissed the "peace framework" presented on Monday in Paris by France.'
    subtypes = sorted(p.subtype for p in _proposals(rules, text))
    assert subtypes == ["put_forward", "rejected"]
