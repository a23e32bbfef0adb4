"""Scoring counts: a gold total of a two-weapon barrage against per-weapon numbers."""

from __future__ import annotations

from warledger.eval.fields import count_checks
from warledger.types import Count, Event


def _barrage() -> Event:
    """'Ukraine says it shot down 39 of 55 missiles and 20 of 21 drones': per weapon only."""
    return Event(
        kind="strike",
        weapon="mixed",
        counts_by_weapon={
            "missile": {"intercepted": Count(39), "launched": Count(55)},
            "drone": {"intercepted": Count(20), "launched": Count(21)},
        },
    )


def test_a_gold_total_is_compared_with_the_sum_of_the_weapons_numbers() -> None:
    gold = {"launched": {"value": 76, "qualifier": "exact"}, "intercepted": {"value": 59}}
    checks = count_checks(gold, _barrage())
    assert [(c.field, c.correct) for c in checks] == [
        ("count_value", True),
        ("count_qualifier", True),
        ("count_value", True),
    ]


def test_a_wrong_total_or_a_one_weapon_figure_still_fails() -> None:
    wrong = count_checks({"launched": {"value": 55}}, _barrage())
    assert [c.correct for c in wrong] == [False]  # the missiles alone are not the barrage
    one_weapon = Event(kind="strike", counts_by_weapon={"drone": {"launched": Count(21)}})
    assert [c.correct for c in count_checks({"launched": {"value": 21}}, one_weapon)] == [False]


def test_a_stated_total_is_scored_as_stated() -> None:
    event = _barrage()
    event.counts["launched"] = Count(80, "about")  # "about 80 missiles and drones"
    assert [c.correct for c in count_checks({"launched": {"value": 76}}, event)] == [False]
