"""A plan is a peace-process proposal only when it is about the war's deals: peace, a
truce, security, territory, talks. Leaders propose many other plans.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _proposals(rules, text):
    return [e for e in rules.extract(text, "2022-03-09").events if e.kind == "proposal"]


@pytest.mark.parametrize(
    "text",
    [
        "At the forum the minister proposed a plan to build a new high-speed railway to Kazan.",
        "Last year the President put forward an initiative on digital education for schools.",
    ],
)
def test_a_plan_about_another_subject_is_no_proposal(rules, text):
    assert _proposals(rules, text) == []


def test_a_peace_plan_is_a_proposal(rules):
    text = "Kyiv presented a ten-point peace plan to the summit on Tuesday."
    assert [e.subtype for e in _proposals(rules, text)] == ["put_forward"]


def test_a_plan_named_in_the_sentence_before_keeps_its_topic(rules):
    text = (
        "Washington sent Moscow a draft framework to end the war. "
        "The Kremlin dismissed the plan on Friday."
    )
    assert "rejected" in [e.subtype for e in _proposals(rules, text)]
