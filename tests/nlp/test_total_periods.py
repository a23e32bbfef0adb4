"""A toll summed "since February 2022" runs from then to the day it was told: on a
timeline it is a range ending at publication, not an event of February 2022.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model



@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "The UN monitoring mission said at least 14,000 civilians have been killed since "
            "February 2022.",
            "2022-02-01",
        ),
        (
            "Kyiv says 46,000 of its soldiers have been killed since Russia invaded in 2022.",
            "2022-01-01",
        ),
    ],
)
def test_a_total_since_a_date_spans_to_publication(rules, text, start):
    (event,) = rules.extract(text, "2026-03-10").events
    assert event.kind == "casualty_report"
    assert (event.date.start, event.date.end, event.date.precision) == (start, "2026-03-10", "days")


def test_a_total_over_the_past_week_keeps_its_week(rules):
    text = (
        "Russian attacks killed 25 civilians in Donetsk Oblast over the past week, officials said."
    )
    (event,) = rules.extract(text, "2026-03-10").events
    assert (event.date.start, event.date.end) == ("2026-03-03", "2026-03-10")


def test_the_missions_monthly_civilian_toll_is_a_casualty_report(rules):
    text = (
        "The mission said 190 civilians were killed and 870 injured in March, most of them "
        "by glide bombs and drones."
    )
    (event,) = rules.extract(text, "2026-04-10").events
    assert event.kind == "casualty_report"
    assert (event.counts["killed"].value, event.counts["injured"].value) == (190, 870)
