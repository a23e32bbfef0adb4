"""A barrage told with its record ("the biggest aerial assault of the war", "the largest
wave since the start of the war") is one strike by the side that launched it.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model



def test_an_assault_named_in_apposition_leaves_the_barrage_a_strike(rules):
    text = (
        "Russia fired 612 drones at Ukraine on Saturday night, the heaviest aerial assault "
        "of the year."
    )
    (event,) = rules.extract(text, "2026-03-08").events
    assert (event.kind, event.actor.side, event.target.side) == ("strike", "RU", "UA")
    assert event.counts["launched"].value == 612


def test_a_record_since_the_war_began_is_no_casualty_total(rules):
    text = (
        "Russia launches its largest wave of missiles on Ukrainian cities since the start of "
        "the war, killing at least 21 people and injuring at least 90 others."
    )
    (event,) = rules.extract(text, "2026-03-08").events
    assert (event.kind, event.actor.side) == ("strike", "RU")
    assert (event.counts["killed"].value, event.counts["injured"].value) == (21, 90)


def test_a_toll_since_the_start_of_the_war_stays_a_total(rules):
    text = "At least 9,400 civilians have been killed since the start of the war, the UN said."
    (event,) = rules.extract(text, "2026-03-08").events
    assert event.kind == "casualty_report"


def test_the_attacking_country_is_not_the_country_it_hit(extractor):
    text = (
        "Russia launched dozens of drones overnight in an attack across the country, "
        "killing two people."
    )
    strikes = [e for e in extractor.extract(text, "2026-03-08").events if e.kind == "strike"]
    assert strikes
    assert all(loc.country != "RU" for e in strikes for loc in e.locations)
