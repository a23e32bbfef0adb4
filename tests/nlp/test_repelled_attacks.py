"""An attack repelled is an assault by the side that attacked, told from the defender's
side ("repelled 38 Russian attacks"): the attacker acts, the defender is the target.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model



@pytest.mark.parametrize(
    ("text", "attacker", "defender"),
    [
        (
            "Ukrainian troops repelled a Russian mechanised assault near Lyman on Friday.",
            "RU",
            "UA",
        ),
        (
            "Units of the West group repelled two counterattacks by assault groups of the "
            "Ukrainian armed forces near Kupiansk, the ministry said.",
            "UA",
            "RU",
        ),
        ("Fourteen Russian assaults were repelled near Pokrovsk on Monday.", "RU", "UA"),
    ],
)
def test_the_side_repelled_is_the_attacker(rules, text, attacker, defender):
    (event,) = rules.extract(text, "2026-03-10").events
    assert (event.kind, event.subtype) == ("ground_combat", "assault")
    assert (event.actor.side, event.target.side) == (attacker, defender)
