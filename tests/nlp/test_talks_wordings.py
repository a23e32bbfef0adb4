"""Leaders' calls as official releases word them, and negotiations told after a call:
a text written for these tests, the expected values read from it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_call_and_the_negotiations_told_after_it_are_two_talks(rules):
    text = (
        "Vladimir Putin had a telephone conversation with President of France Emmanuel "
        "Macron. The President of Russia said the Russian delegation was ready to continue "
        "the negotiations with Ukrainian representatives in Istanbul."
    )
    talks = [e for e in rules.extract(text, "2022-03-20").events if e.kind == "talks"]
    assert len(talks) == 2
    assert {p.side for p in talks[0].participants} == {"RU", "FR"}
    assert "UA" in {p.side for p in talks[1].participants}
