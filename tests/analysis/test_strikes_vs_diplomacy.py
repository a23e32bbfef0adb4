"""The strikes-around-diplomacy event study and its permutation test."""

from __future__ import annotations

import pytest

from warledger.analysis.charts import event_study_chart
from warledger.analysis.diplomacy import strikes_vs_diplomacy

TALK_DAYS = (10, 30, 50, 70, 90, 110)


def _frame(make_event) -> list:
    """Small strikes on the first and last day fix the study period to days 0..119."""
    return [
        make_event("strike", None, 0, actor="RU", counts={"launched": 10}),
        make_event("strike", None, 119, actor="RU", counts={"launched": 10}),
    ]


def planted(make_event) -> list:
    """Two large strikes on each day within ±1 of six talks; one large strike elsewhere."""
    events = _frame(make_event)
    for t in TALK_DAYS:
        events.append(make_event("talks", "held", t, participants=["UA", "RU"]))
        for day in (t - 1, t, t + 1):
            events.append(make_event("strike", None, day, actor="RU", counts={"launched": 80}))
            events.append(make_event("strike", None, day, actor="RU", counts={"killed": 6}))
    events.append(make_event("strike", None, 60, actor="RU", counts={"launched": 120}))
    return events


def unrelated(make_event) -> list:
    """One large strike every third day, whatever the diplomacy: each ±1-day window around
    a talks day holds exactly one of them (9, 30, 51, 69, 90, 111)."""
    events = _frame(make_event)
    events += [make_event("talks", "held", t, participants=["UA", "RU"]) for t in TALK_DAYS]
    events += [
        make_event("strike", None, d, actor="RU", counts={"launched": 60}) for d in range(0, 120, 3)
    ]
    return events


def test_a_planted_effect_is_found(make_event, tmp_path) -> None:
    study = strikes_vs_diplomacy(planted(make_event), window=1, permutations=2000)

    assert (study.n_days, study.n_diplomatic_events, study.n_diplomatic_days) == (120, 6, 6)
    assert study.inside_days == 18
    assert study.n_large_strikes == 37  # 6 talks × 3 days × 2, plus one on day 60
    assert study.mean_inside == pytest.approx(2.0)
    assert study.mean_outside == pytest.approx(1 / 102, abs=1e-6)
    assert study.p_value < 0.01
    assert study.warning is None
    assert study.verdict.startswith("more large strikes near diplomatic events")

    chart = event_study_chart(study, tmp_path / "study.png")
    assert chart.stat().st_size > 1000


def test_no_effect_gives_a_large_p_value(make_event) -> None:
    study = strikes_vs_diplomacy(unrelated(make_event), window=1, permutations=2000)
    # 6 strikes on 18 inside days; 34 of the 40 on the other 102 days: 1/3 a day both ways.
    assert study.mean_inside == pytest.approx(1 / 3, abs=1e-6)
    assert study.mean_outside == pytest.approx(1 / 3, abs=1e-6)
    assert study.p_value > 0.5
    assert study.verdict.startswith("no evidence")


def test_the_seed_makes_the_test_reproducible(make_event) -> None:
    events = unrelated(make_event)
    a = strikes_vs_diplomacy(events, window=2, permutations=500, seed=7)
    b = strikes_vs_diplomacy(events, window=2, permutations=500, seed=7)
    c = strikes_vs_diplomacy(events, window=2, permutations=500, seed=8)
    assert a.to_dict() == b.to_dict()
    assert a.null == b.null
    assert a.null != c.null


def test_thresholds_decide_what_a_large_strike_is(make_event) -> None:
    events = planted(make_event)
    strict = strikes_vs_diplomacy(
        events, window=1, launched_at_least=100, killed_at_least=10, permutations=100
    )
    assert strict.n_large_strikes == 1  # only the 120-drone strike on day 60


def test_a_small_sample_gets_a_warning_and_no_verdict(make_event) -> None:
    events = [
        *_frame(make_event),
        make_event("talks", "held", 20, participants=["UA", "RU"]),
        make_event("ceasefire", "declared", 40, actor="RU"),
        make_event("ceasefire", "violation_alleged", 41, claimant="UA", target="RU"),
        make_event("strike", None, 20, actor="RU", counts={"launched": 90}),
    ]
    study = strikes_vs_diplomacy(events, window=1, permutations=200)
    assert study.n_diplomatic_days == 2  # the allegation is not diplomacy
    assert study.warning and "only 2 diplomatic day(s)" in study.warning
    assert study.verdict is None
    assert study.p_value is not None


def test_a_handful_of_large_strikes_gets_no_verdict_either(make_event) -> None:
    events = [
        *_frame(make_event),
        *(make_event("talks", "held", t, participants=["UA", "RU"]) for t in TALK_DAYS),
        *(make_event("strike", None, t, actor="RU", counts={"launched": 70}) for t in (10, 30)),
    ]
    study = strikes_vs_diplomacy(events, window=1, permutations=200)
    assert study.n_large_strikes == 2
    assert "only 2 large strike(s)" in study.warning
    assert study.verdict is None
