"""Event, field and position scoring on the synthetic Odesa gold (tests/data/eval/gold)."""

import pytest

from warledger.eval.gold import load_gold
from warledger.eval.metrics import score
from warledger.types import Actor, Count, DocumentResult, Location


@pytest.fixture
def gold(eval_data):
    """name -> GoldDocument: 'odesa' (2 required events + 1 optional, 1 position)."""
    return {g.name: g for g in load_gold(eval_data / "gold")}


def result(*events, positions=()):
    return DocumentResult(doc_id="t", events=list(events), positions=list(positions))


def test_all_required_events_found_is_perfect(gold, odesa_strike, geneva_talks):
    report = score([(gold["odesa"], result(odesa_strike, geneva_talks))])
    assert (report.events.tp, report.events.fp, report.events.fn) == (2, 0, 0)
    assert report.events.precision == report.events.recall == report.events.f1 == 1.0


def test_a_second_prediction_of_a_matched_event_is_a_duplicate_false_positive(
    gold, odesa_strike, geneva_talks, event
):
    again = event("strike", "Russian drones struck an apartment block in Odesa, officials said.")
    report = score([(gold["odesa"], result(odesa_strike, geneva_talks, again))])
    assert (report.events.tp, report.events.fp, report.events.fn) == (2, 1, 0)
    assert report.events.precision == pytest.approx(2 / 3)
    assert report.events.recall == 1.0
    assert report.documents[0].false_positives[0]["reason"] == "duplicate"


def test_optional_event_is_neither_counted_nor_required(gold, odesa_strike, event):
    shot_down = event("strike", "The Ukrainian Air Force said it shot down 40 of the 50 drones.")
    report = score([(gold["odesa"], result(odesa_strike, shot_down))])
    # the strike is a TP, the optional reading is ignored, the Geneva talks are missed
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 0, 1)
    assert report.events.precision == 1.0
    assert report.events.recall == 0.5
    assert report.events.f1 == pytest.approx(2 / 3)
    assert report.documents[0].optional_matched == 1
    assert report.documents[0].misses[0]["kind"] == "talks"


def test_right_evidence_with_wrong_kind_is_a_miss_and_a_spurious_event(gold, event, geneva_talks):
    wrong = event("ground_combat", "Russian drones struck an apartment block in Odesa overnight.")
    report = score([(gold["odesa"], result(wrong, geneva_talks))])
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 1, 1)
    assert report.by_kind["ground_combat"].fp == 1
    assert report.by_kind["strike"].fn == 1
    assert report.by_kind["talks"].tp == 1
    assert report.documents[0].false_positives[0]["reason"] == "spurious"


def test_kind_any_accepts_each_listed_kind(gold, event):
    pledge = event("aid", "The European Union pledged new military aid to Ukraine on Wednesday.")
    plan = event("proposal", "Brussels also proposed a plan to rearm Europe.")
    report = score([(gold["voa-900001"], result(pledge, plan))])
    assert (report.events.tp, report.events.fp, report.events.fn) == (2, 0, 0)


def test_fields_are_scored_only_where_gold_gives_them(gold, event, geneva_talks):
    strike = event(
        "strike",
        "Russian drones struck an apartment block in Odesa overnight.",
        actor=Actor(side="RU"),
        weapon="missile",  # gold says drone
        locations=[Location(name="Odessa", admin1="Odesa Oblast", country="UA")],
        counts={"killed": Count(2, "about")},  # gold: 2, exact
        subtype="air_defense_engagement",  # gold gives no subtype for this event
    )
    report = score([(gold["odesa"], result(strike, geneva_talks))])
    acc = {name: (a.correct, a.total) for name, a in report.fields.items()}
    assert acc["actor_side"] == (1, 1)
    assert acc["weapon"] == (0, 1)
    assert acc["location"] == (2, 2)  # Odessa ~ Odesa, Geneva = Geneva
    assert acc["admin1"] == (1, 1)  # only the Odesa gold location has an admin1
    assert acc["country"] == (2, 2)
    assert acc["count_value"] == (1, 1)
    assert acc["count_qualifier"] == (0, 1)
    assert acc["subtype"] == (1, 1)  # only the talks' "held" is scored
    assert acc["participants"] == (1, 1)
    assert "target_side" not in acc
    assert (report.place_resolution.correct, report.place_resolution.total) == (1, 1)
    wrong = {e["field"] for e in report.documents[0].field_errors}
    assert wrong == {"weapon", "count_qualifier"}
    # pooled: the 11 checks listed above, of which the weapon and the qualifier are wrong
    pooled = report.field_accuracy
    assert (pooled.correct, pooled.total) == (9, 11)
    assert report.metrics()["fields.all"] == 9 / 11


def test_participants_are_compared_as_a_set_of_sides(gold, odesa_strike, geneva_talks):
    geneva_talks.participants = [Actor(side="UA"), Actor(side="US"), Actor(side="UA")]
    report = score([(gold["odesa"], result(odesa_strike, geneva_talks))])
    assert report.fields["participants"].correct == 1
    geneva_talks.participants = [Actor(side="UA")]
    report = score([(gold["odesa"], result(odesa_strike, geneva_talks))])
    assert report.fields["participants"].correct == 0


def test_wrong_oblast_fails_place_resolution(gold, event):
    strike = event(
        "strike",
        "Russian drones struck an apartment block in Odesa overnight.",
        locations=[Location(name="Odesa", admin1="Mykolaiv Oblast", country="UA")],
    )
    report = score([(gold["odesa"], result(strike))])
    assert (report.place_resolution.correct, report.place_resolution.total) == (0, 1)


def test_positions_match_on_side_and_issue_and_score_stance(gold, position):
    ua = position("UA", "ceasefire_sequencing", "talks_first")  # gold: ceasefire_first
    ru = position("RU", "territory", "cede_occupied")
    report = score([(gold["odesa"], result(positions=[ua, ru]))])
    assert (report.positions.tp, report.positions.fp, report.positions.fn) == (1, 1, 0)
    assert (report.stance.correct, report.stance.total) == (0, 1)


def test_a_failed_document_counts_its_gold_as_missed(gold):
    report = score([(gold["odesa"], None)], errors={"odesa": "RuntimeError: boom"})
    assert (report.events.tp, report.events.fp, report.events.fn) == (0, 0, 2)
    assert report.events.precision is None
    assert report.documents[0].error == "RuntimeError: boom"
