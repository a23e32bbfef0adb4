"""A measure told as what a bill "would" do takes its status from what became of the bill:
rejected, blocked or not passed, the measure did not happen (negated, as the annotation
guide records stopped aid and sanctions); passed by a chamber, it is proposed; signed into
law, imposed.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2026-05-12"


def _only(rules, text: str, kind: str):
    (event,) = [e for e in rules.extract(text, PUBLISHED).events if e.kind == kind]
    return event


def test_sanctions_in_a_rejected_bill_were_not_imposed(rules):
    event = _only(
        rules,
        "The Senate rejected a bill that would impose new sanctions on Russian banks.",
        "sanction",
    )
    assert (event.subtype, event.negated) == ("imposed", True)


def test_sanctions_in_a_bill_that_did_not_pass_were_not_imposed(rules):
    text = "A bill that would impose sanctions on Russian banks did not pass the Senate."
    event = _only(rules, text, "sanction")
    assert (event.subtype, event.negated) == ("imposed", True)


def test_sanctions_in_a_bill_one_chamber_passed_are_proposed(rules):
    text = "The House passed a bill that would impose new sanctions on buyers of Russian oil."
    event = _only(rules, text, "sanction")
    assert (event.subtype, event.negated) == ("proposed", False)


def test_sanctions_in_a_bill_signed_into_law_are_imposed(rules):
    text = "The president signed a bill that would impose sanctions on Russian banks."
    event = _only(rules, text, "sanction")
    assert (event.subtype, event.negated) == ("imposed", False)


def test_aid_in_a_blocked_bill_was_not_pledged(rules):
    event = _only(rules, "Parliament blocked a bill that would send weapons to Ukraine.", "aid")
    assert (event.subtype, event.negated) == ("pledged", True)
