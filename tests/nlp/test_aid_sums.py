"""Aid told as a sum of money, a loan or an arms sale cleared, and several givers in one
sentence.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2026-03-12"


def _aid(rules, text: str) -> list:
    return [e for e in rules.extract(text, PUBLISHED).events if e.kind == "aid"]


def _side(actor) -> str | None:
    return actor.side if actor else None


def test_two_givers_in_one_sentence_are_two_pledges(rules):
    text = (
        "Sweden said it would contribute 300 million euros to the fund, while Denmark "
        "pledged a further 2 billion kroner for drones."
    )
    aid = _aid(rules, text)
    assert {(e.subtype, _side(e.actor)) for e in aid} == {("pledged", "SE"), ("pledged", "DK")}


def test_a_sum_lent_is_a_pledge(rules):
    (aid,) = _aid(rules, "EU leaders agreed on Thursday to lend Ukraine 45 billion euros.")
    assert (aid.subtype, _side(aid.actor), _side(aid.target)) == ("pledged", "EU", "UA")


def test_an_arms_sale_cleared_is_a_pledge(rules):
    text = "The State Department approved the possible sale of 400 air defence missiles to Ukraine."
    (aid,) = _aid(rules, text)
    assert (aid.subtype, _side(aid.actor), _side(aid.target)) == ("pledged", "US", "UA")


def test_a_sale_of_anything_else_is_no_aid(rules):
    text = "The city council approved the sale of two municipal hotels to a private investor."
    assert _aid(rules, text) == []


def test_a_sum_asked_for_is_a_request(rules):
    (aid,) = _aid(rules, "Ukraine asked Japan for 5 billion dollars in budget support.")
    assert (aid.subtype, _side(aid.actor)) == ("requested", "UA")


def test_news_of_a_delivery_received_stays_one_event(rules):
    text = "The Pentagon announced that Ukraine had received a batch of fighter jets."
    assert len(_aid(rules, text)) == 1


def test_a_total_since_long_ago_is_background(rules):
    text = "The United States has provided $60 billion in military aid to Ukraine since 2022."
    assert _aid(rules, text) == []


def test_a_delivery_since_a_recent_day_is_news(rules):
    text = "Since Monday, Germany has delivered two more Patriot systems to Ukraine."
    (aid,) = _aid(rules, text)
    assert (aid.subtype, _side(aid.actor), _side(aid.target)) == ("delivered", "DE", "UA")
