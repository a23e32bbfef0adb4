"""Aid sent "to Kyiv" goes to Ukraine: a capital after "to" names its state as recipient.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "giver"),
    [
        ("Paris will send more air defence systems to Kyiv next month, the minister said.", "FR"),
        ("The United States will send more Patriot interceptors to Kyiv.", "US"),
    ],
)
def test_aid_to_a_capital_goes_to_its_state(rules, text, giver):
    (aid,) = [e for e in rules.extract(text, "2026-03-12").events if e.kind == "aid"]
    assert (aid.actor.side, aid.target.side) == (giver, "UA")


def test_a_missile_sent_to_a_capital_is_no_aid(rules):
    text = "Russia sent 40 drones and six missiles to Kyiv overnight, the air force said."
    assert [e for e in rules.extract(text, "2026-03-12").events if e.kind == "aid"] == []
