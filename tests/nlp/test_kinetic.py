"""Kinetic events read from short synthetic reports; expected values come from the text."""

from __future__ import annotations

import pytest

from warledger.nlp.kinetic import extract_kinetic
from warledger.types import Actor, Location

pytestmark = pytest.mark.model

ODESA = Location("Odesa", "Odesa Oblast", "UA", 46.48, 30.73, "settlement")
KHARKIV_OBLAST = Location("Kharkiv Oblast", "Kharkiv Oblast", "UA", 49.6, 36.5, "admin1")
KHERSON = Location("Kherson", "Kherson Oblast", "UA", 46.64, 32.61, "settlement")
KYIV = Location("Kyiv", "Kyiv", "UA", 50.45, 30.52, "settlement")
SUMY_OBLAST = Location("Sumy Oblast", "Sumy Oblast", "UA", 51.1, 34.1, "admin1")
AIR_FORCE = Actor("Ukrainian Air Force", "UA", "military")
RUSSIA = Actor("Russia", "RU", "state")


def _village(name: str) -> Location:
    """A village the gazetteer could not resolve: name kept, coordinates null."""
    return Location(name, country="UA")


def test_follow_up_sentences_add_their_numbers_to_the_strike(make_ctx):
    text = (
        "Russian forces hit Kherson with a wave of drones before dawn. "
        "According to the Ukrainian Air Force, Russia sent 72 drones in all. "
        "Of them, 51 were shot down and 19 failed to reach their targets. "
        "Two residents were injured in the attack, and several homes were damaged."
    )
    ctx = make_ctx(
        text,
        places={"Kherson": KHERSON},
        actors={"Russia": RUSSIA, "Ukrainian Air Force": AIR_FORCE},
        published="2025-05-09",
    )
    (strike,) = extract_kinetic(ctx)
    assert strike.kind == "strike"
    assert strike.actor.side == "RU" and strike.target.side == "UA"
    assert strike.weapon == "drone"
    assert [loc.name for loc in strike.locations] == ["Kherson"]
    counts = {k: (c.value, c.qualifier) for k, c in strike.counts.items()}
    assert counts == {
        "launched": (72, "exact"),
        "intercepted": (51, "exact"),
        "failed": (19, "exact"),
        "injured": (2, "exact"),
    }
    assert strike.claimant == AIR_FORCE
    assert "residential" in strike.target_kind
    assert len(strike.evidence) == 4
    for span in strike.evidence:
        assert text[span.start : span.end] == span.text


def test_capture_is_a_territorial_change_held_by_the_captor(make_ctx):
    text = (
        "Moscow's troops have reportedly seized the hamlet of Novoselivka, in the Donetsk "
        "region of eastern Ukraine."
    )
    donetsk = Location("Donetsk Oblast", "Donetsk Oblast", "UA", 48.0, 37.7, "admin1")
    ctx = make_ctx(text, places={"Novoselivka": _village("Novoselivka"), "Donetsk region": donetsk})
    (event,) = extract_kinetic(ctx)
    assert (event.kind, event.subtype) == ("territorial_change", "captured")
    assert event.actor.side == "RU"
    assert [loc.name for loc in event.locations] == ["Novoselivka"]
    assert event.status == "reported" and event.claimant is None


def test_reclaimed_control_is_recaptured(make_ctx):
    text = "Russian troops reclaimed control of a farm near the village of Sverdlikovo on Tuesday."
    village = Location("Sverdlikovo", "Kursk Oblast", "RU", None, None, "settlement")
    (event,) = extract_kinetic(make_ctx(text, places={"Sverdlikovo": village}))
    assert (event.kind, event.subtype, event.actor.side) == (
        "territorial_change",
        "recaptured",
        "RU",
    )


def test_withdrawal_leaves_the_place_to_the_other_side(make_ctx):
    text = "Ukrainian troops withdrew from the village of Novoselivka on Monday."
    ctx = make_ctx(text, places={"Novoselivka": _village("Novoselivka")})
    (event,) = extract_kinetic(ctx)
    assert (event.kind, event.subtype, event.actor.side) == (
        "territorial_change",
        "withdrawn",
        "RU",
    )


def test_advance_into_a_region_is_an_assault(make_ctx):
    text = "Russian units were advancing on Thursday into the Sumy region of Ukraine."
    (event,) = extract_kinetic(make_ctx(text, places={"Sumy region": SUMY_OBLAST}))
    assert (event.kind, event.subtype) == ("ground_combat", "assault")
    assert event.actor.side == "RU" and event.target.side == "UA"


def test_one_barrage_listing_several_places_is_one_event_at_all_of_them(make_ctx):
    # docs/annotation.md: "hitting Kyiv, Lviv and Odesa" is one event with several places
    text = "Russian missiles and drones struck Kyiv and Odesa overnight."
    ctx = make_ctx(text, places={"Kyiv": KYIV, "Odesa": ODESA})
    (event,) = extract_kinetic(ctx)
    assert [loc.name for loc in event.locations] == ["Kyiv", "Odesa"]
    assert event.weapon == "mixed"


@pytest.mark.parametrize(
    "text",
    [
        "Russia could strike Odesa again if talks fail.",
        "Russia has increasingly used drones to strike Odesa.",
        "Will Russia strike Odesa again?",
        "Kyiv proposed a halt to strikes on Odesa.",
        "Zelenskyy said Ukraine was non-retaliatory in targeting such infrastructure in Odesa.",
    ],
)
def test_hypotheticals_trends_questions_and_proposals_are_not_events(make_ctx, text):
    assert extract_kinetic(make_ctx(text, places={"Odesa": ODESA})) == []


def test_strike_without_place_or_numbers_is_not_an_event(make_ctx):
    text = "Each army blamed the other for breaking the truce with renewed shelling."
    assert extract_kinetic(make_ctx(text)) == []


def test_relative_date_is_resolved_against_publication(make_ctx):
    text = "Russian drones struck Odesa on Saturday, killing two people."
    ctx = make_ctx(text, places={"Odesa": ODESA}, published="2025-04-22")
    (event,) = extract_kinetic(ctx)
    assert event.date.start == "2025-04-19" and event.date.precision == "day"
    assert event.counts["killed"].value == 2
    assert event.civilian is True


def test_interceptions_only_is_an_air_defense_engagement(make_ctx):
    text = "Air defenses shot down 20 Russian drones over Kyiv overnight."
    (event,) = extract_kinetic(make_ctx(text, places={"Kyiv": KYIV}))
    assert (event.kind, event.subtype) == ("strike", "air_defense_engagement")
    assert event.counts["intercepted"].value == 20
    assert event.actor.side == "RU"


def test_a_purpose_clause_is_not_an_attack(make_ctx):
    text = "A pause would give Russia time to launch a new attack on Odesa with a larger force."
    assert extract_kinetic(make_ctx(text, places={"Odesa": ODESA})) == []


def test_artillery_shells_as_cargo_are_not_shelling(make_ctx):
    text = "Pyongyang has shipped containers that hold 5 million artillery shells to Kyiv."
    assert extract_kinetic(make_ctx(text, places={"Kyiv": KYIV})) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kherson has been shelled repeatedly since the Russian retreat across the river.",
        "The port of Odesa has become a frequent target of Russian drones.",
        "Moscow has stepped up its overnight drone attacks on Ukrainian cities.",
    ],
)
def test_a_pattern_of_attacks_is_no_single_strike(make_ctx, text):
    places = {k: v for k, v in {"Kherson": KHERSON, "Odesa": ODESA}.items() if k in text}
    actors = {"Moscow": RUSSIA} if "Moscow" in text else {}
    assert extract_kinetic(make_ctx(text, places=places, actors=actors)) == []


def test_repeated_shelling_on_one_day_is_still_a_strike(make_ctx):
    text = "Russian troops repeatedly shelled Kherson on Sunday, wounding four residents."
    (strike,) = extract_kinetic(make_ctx(text, places={"Kherson": KHERSON}))
    assert strike.kind == "strike" and strike.counts["injured"].value == 4


def test_what_the_next_sentence_says_was_damaged_joins_the_strike(make_ctx):
    text = "Russian artillery shelled Kherson at noon. A kindergarten and two houses were damaged."
    (strike,) = extract_kinetic(make_ctx(text, places={"Kherson": KHERSON}))
    assert set(strike.target_kind) == {"education", "residential"}
    assert len(strike.evidence) == 2


def test_damage_in_another_town_is_not_the_strikes(make_ctx):
    text = "Russian artillery shelled Kherson at noon. In Odesa, a kindergarten was damaged."
    events = extract_kinetic(make_ctx(text, places={"Kherson": KHERSON, "Odesa": ODESA}))
    assert events[0].target_kind == []


def test_a_wire_storys_second_paragraph_gives_the_toll_of_its_lede(make_ctx):
    text = (
        "Russian drones attacked Odesa before dawn on Friday.\n\n"
        "Three people were killed and eleven wounded, the regional governor said."
    )
    (strike,) = extract_kinetic(make_ctx(text, places={"Odesa": ODESA}))
    counts = {k: c.value for k, c in strike.counts.items()}
    assert counts == {"killed": 3, "injured": 11}


def test_a_later_paragraph_of_totals_is_not_the_ledes_toll(make_ctx):
    text = (
        "Russian drones attacked Odesa before dawn on Friday.\n\n"
        "The mayor spoke to reporters at the port.\n\n"
        "Three people were killed in the region last month, officials said."
    )
    events = extract_kinetic(make_ctx(text, places={"Odesa": ODESA}))
    assert "killed" not in events[0].counts
