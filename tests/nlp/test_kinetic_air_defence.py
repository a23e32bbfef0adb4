"""Air-defence reports: who attacked, how many came and were downed, and per weapon.

Sentences are written for these tests; places and actors are given by hand so that the
reader's own rules are what is judged.
"""

from __future__ import annotations

import pytest

from warledger.nlp.kinetic import extract_kinetic
from warledger.types import Actor, Location

pytestmark = pytest.mark.model

UA_AIR_FORCE = Actor("Ukrainian Air Force", "UA", "military")
RU_MOD = Actor("Russian Defense Ministry", "RU", "government")
RU_MILITARY = Actor("Russian military", "RU", "military")


def _oblast(name: str, country: str) -> Location:
    return Location(name, name, country, 51.0, 36.0, "admin1")


def _values(counts) -> dict[str, int]:
    return {key: count.value for key, count in counts.items()}


@pytest.mark.parametrize(
    ("text", "downed", "came"),
    [
        ("Ukraine's air force said 17 of 25 missiles were shot down overnight.", 17, 25),
        ("The Ukrainian Air Force said 8 out of 12 missiles were intercepted.", 8, 12),
    ],
)
def test_x_of_y_downed_is_intercepted_x_of_y_launched(make_ctx, text, downed, came):
    speaker = "Ukraine's air force" if text.startswith("Ukraine's") else "Ukrainian Air Force"
    ctx = make_ctx(text, actors={speaker: UA_AIR_FORCE})
    (event,) = extract_kinetic(ctx)
    assert event.subtype == "air_defense_engagement"
    assert _values(event.counts) == {"intercepted": downed, "launched": came}
    # The speaker defended: the missiles were the other party's.
    assert event.actor.side == "RU" and event.target.side == "UA"
    assert event.claimant == UA_AIR_FORCE


def test_interceptions_over_two_regions_are_one_event_with_both_places(make_ctx):
    text = (
        "Russia's defence ministry said it shot down 27 Ukrainian drones over the "
        "Bryansk and Oryol regions."
    )
    ctx = make_ctx(
        text,
        places={"Bryansk": _oblast("Bryansk Oblast", "RU"), "Oryol": _oblast("Oryol Oblast", "RU")},
        actors={"Russia's defence ministry": RU_MOD},
    )
    (event,) = extract_kinetic(ctx)
    assert [loc.name for loc in event.locations] == ["Bryansk Oblast", "Oryol Oblast"]
    assert _values(event.counts) == {"intercepted": 27}
    assert event.actor.side == "UA" and event.target.side == "RU"


def test_speaker_that_is_military_is_not_a_military_target(make_ctx):
    text = "Russia's military said it shot down 11 drones over Bryansk."
    ctx = make_ctx(
        text,
        places={"Bryansk": Location("Bryansk", "Bryansk Oblast", "RU", 53.2, 34.4, "settlement")},
        actors={"Russia's military": RU_MILITARY},
    )
    (event,) = extract_kinetic(ctx)
    assert event.target_kind == []
    assert event.actor.side == "UA"  # the drones were the enemy's


def test_launches_are_counted_per_weapon_with_no_total_the_text_does_not_give(make_ctx):
    text = (
        "Russia attacked Ukraine overnight with 45 missiles and 160 drones, "
        "the Ukrainian Air Force said."
    )
    ctx = make_ctx(text, actors={"Ukrainian Air Force": UA_AIR_FORCE})
    (event,) = extract_kinetic(ctx)
    assert "launched" not in event.counts  # 205 is a sum no source stated
    by_weapon = {w: _values(c) for w, c in event.counts_by_weapon.items()}
    assert by_weapon == {"missile": {"launched": 45}, "drone": {"launched": 160}}
    assert event.to_dict()["counts_by_weapon"]["drone"]["launched"]["value"] == 160


def test_a_total_the_text_gives_for_two_weapons_is_kept(make_ctx):
    text = "Russia fired 75 drones and missiles at Odesa overnight."
    ctx = make_ctx(text, places={"Odesa": Location("Odesa", "Odesa Oblast", "UA", 46.5, 30.7)})
    (event,) = extract_kinetic(ctx)
    assert _values(event.counts) == {"launched": 75}
    assert event.counts_by_weapon == {}


def test_one_weapon_gives_no_breakdown(make_ctx):
    text = "Russia launched 70 drones at Odesa overnight."
    ctx = make_ctx(text, places={"Odesa": Location("Odesa", "Odesa Oblast", "UA", 46.5, 30.7)})
    (event,) = extract_kinetic(ctx)
    assert _values(event.counts) == {"launched": 70}
    assert event.counts_by_weapon == {}
    assert "counts_by_weapon" not in event.to_dict()


def _by_weapon(event) -> dict[str, dict[str, int]]:
    return {w: _values(c) for w, c in event.counts_by_weapon.items()}


def test_two_shot_down_pairs_share_their_verb_and_give_no_total(make_ctx):
    text = "Ukraine's air force said it shot down 39 of 55 missiles and 20 of 21 drones."
    ctx = make_ctx(text, actors={"Ukraine's air force": UA_AIR_FORCE})
    (event,) = extract_kinetic(ctx)
    assert _by_weapon(event) == {
        "missile": {"intercepted": 39, "launched": 55},
        "drone": {"intercepted": 20, "launched": 21},
    }
    # 39 is the missiles' figure only; 59 and 76 are sums no one stated.
    assert "intercepted" not in event.counts and "launched" not in event.counts


def test_all_of_a_weapon_downed_came_and_were_downed(make_ctx):
    text = "The Ukrainian Air Force said it shot down 12 of 16 missiles and all 13 drones."
    ctx = make_ctx(text, actors={"Ukrainian Air Force": UA_AIR_FORCE})
    (event,) = extract_kinetic(ctx)
    assert _by_weapon(event) == {
        "missile": {"intercepted": 12, "launched": 16},
        "drone": {"intercepted": 13, "launched": 13},
    }


def test_drones_added_to_a_downed_pair_were_downed_too(make_ctx):
    text = (
        "The Ukrainian Air Force said air defences destroyed 41 out of 51 missiles, "
        "as well as two drones."
    )
    ctx = make_ctx(text, actors={"Ukrainian Air Force": UA_AIR_FORCE})
    (event,) = extract_kinetic(ctx)
    # How many drones came is not said: at least the two downed, but no figure is given.
    assert _by_weapon(event) == {
        "missile": {"intercepted": 41, "launched": 51},
        "drone": {"intercepted": 2},
    }


def test_launched_after_a_pair_counts_the_second_number(make_ctx):
    text = (
        "The Ukrainian Air Force said it shot down 15 of 18 missiles launched by Russia "
        "overnight."
    )
    ctx = make_ctx(text, actors={"Ukrainian Air Force": UA_AIR_FORCE})
    (event,) = extract_kinetic(ctx)
    assert _values(event.counts) == {"intercepted": 15, "launched": 18}


def test_a_launcher_destroyed_was_struck_not_shot_down(make_ctx):
    text = "Russia's defence ministry said its forces destroyed a HIMARS launcher in Zaporizhzhia."
    ctx = make_ctx(
        text,
        places={"Zaporizhzhia": _oblast("Zaporizhzhia Oblast", "UA")},
        actors={"Russia's defence ministry": RU_MOD},
    )
    (event,) = extract_kinetic(ctx)
    # The speaker's forces struck the other side's launcher: no interception.
    assert (event.actor.side, event.target.side, event.subtype) == ("RU", "UA", None)
    assert "intercepted" not in event.counts


def test_armed_men_destroying_a_target_strike_without_a_weapon_word(make_ctx):
    bridge = "Ukrainian forces destroyed a railway bridge near Sudzha on Sunday."
    places = {"Sudzha": Location("Sudzha", "Kursk Oblast", "RU", 51.2, 35.3, "settlement")}
    (event,) = extract_kinetic(make_ctx(bridge, places=places))
    assert (event.kind, event.actor.side, event.target.side) == ("strike", "UA", "RU")
    assert "intercepted" not in event.counts  # a bridge is struck, not shot down
    blast = "A gas explosion destroyed a railway bridge near Sudzha on Sunday."
    assert extract_kinetic(make_ctx(blast, places=places)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Italian jets intercepted a Russian reconnaissance plane over the Baltic Sea.",
        "Two Russian Tu-95 bombers were intercepted by Norwegian F-35s near Norway.",
    ],
)
def test_a_manned_aircraft_intercepted_and_escorted_is_no_attack(extractor, text):
    assert extractor.extract(text, published="2025-03-20").events == []


def test_drones_intercepted_are_still_shot_down(extractor):
    text = "Ukrainian air defence intercepted 40 of 50 drones over Kyiv overnight."
    (event,) = extractor.extract(text, published="2025-03-20").events
    assert (event.kind, event.subtype, event.counts["intercepted"].value) == (
        "strike",
        "air_defense_engagement",
        40,
    )
