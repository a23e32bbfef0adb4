"""Aid is support between parties: a pledge or approval naming neither a giver nor a
recipient side is a budget line or a document, not war aid.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "I am asking the Government to allocate additional funding for the regional programme.",
        "At the end of the session, the participants approved a package of documents.",
    ],
)
def test_a_pledge_without_a_giver_or_recipient_side_is_no_aid(rules, text):
    assert [e for e in rules.extract(text, "2022-03-09").events if e.kind == "aid"] == []


def test_a_pledge_to_a_named_recipient_is_aid(rules):
    text = "Sweden pledged a new package of air defence systems to Ukraine on Tuesday."
    (aid,) = [e for e in rules.extract(text, "2022-03-09").events if e.kind == "aid"]
    assert (aid.subtype, aid.actor.side, aid.target.side) == ("pledged", "SE", "UA")
