"""A dateline's country is where the reporter files from, not a side of the story.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model



@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            "ODESA, Ukraine (AP) — Russian missiles struck energy facilities in several "
            "regions overnight, officials said.",
            "RU",
            "UA",
        ),
        (
            "BELGOROD, Russia (Reuters) — Ukrainian drones hit an oil depot outside the "
            "city overnight, the governor said.",
            "UA",
            "RU",
        ),
    ],
)
def test_the_dateline_country_does_not_decide_who_attacked(rules, text, actor, target):
    strikes = [e for e in rules.extract(text, "2025-06-02").events if e.kind == "strike"]
    assert len(strikes) == 1
    assert (strikes[0].actor.side, strikes[0].target.side) == (actor, target)
