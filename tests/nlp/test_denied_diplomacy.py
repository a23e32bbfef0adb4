"""A truce or talks the text says there were none of ("announced no ceasefire", "no truce
was agreed") is negated, never exported as declared or accepted.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model



@pytest.mark.parametrize(
    "text",
    [
        "The two presidents met in Geneva on Friday but announced no ceasefire.",
        "No ceasefire was agreed at the talks in Istanbul on Monday.",
        "Moscow announced no truce for the Orthodox Christmas holiday.",
    ],
)
def test_a_ceasefire_said_not_to_exist_is_negated(rules, text):
    truces = [e for e in rules.extract(text, "2026-01-05").events if e.kind == "ceasefire"]
    assert truces
    assert all(e.negated for e in truces)


def test_a_ceasefire_declared_stays_asserted(rules):
    text = "Moscow declared a 30-hour truce for the Orthodox Christmas holiday."
    (truce,) = [e for e in rules.extract(text, "2026-01-05").events if e.kind == "ceasefire"]
    assert not truce.negated
