"""Battles on the ground read from short reports written for these tests (expected values
by reading each sentence): who fights on foot, how a clash is worded, and the toll a
following sentence gives."""

from __future__ import annotations

import pytest

from warledger.nlp.kinetic import extract_kinetic
from warledger.types import Actor, Location

pytestmark = pytest.mark.model

GAO = Location("Gao", country="ML", precision="settlement")
BENI = Location("Beni", country="CD", precision="settlement")
VOVCHANSK = Location("Vovchansk", "Kharkiv Oblast", "UA", 50.29, 36.94, "settlement")


def _counts(event) -> dict:
    return {k: (c.value, c.qualifier) for k, c in event.counts.items()}


def test_armed_men_attacking_a_base_with_no_weapon_named_is_an_assault_with_its_toll(make_ctx):
    text = "Rebels attacked an army outpost outside Gao at dawn, killing at least five soldiers."
    (event,) = extract_kinetic(make_ctx(text, places={"Gao": GAO}))
    assert (event.kind, event.subtype) == ("ground_combat", "assault")
    assert [loc.name for loc in event.locations] == ["Gao"]
    assert _counts(event) == {"killed": (5, "at_least")}


def test_a_weapon_named_keeps_the_attack_a_strike(make_ctx):
    text = "Rebels attacked an army outpost outside Gao with mortar rounds, wounding three."
    (event,) = extract_kinetic(make_ctx(text, places={"Gao": GAO}))
    assert event.kind == "strike"


@pytest.mark.parametrize(
    "text",
    [
        "Fighting between two militias in Beni killed 11 people on Friday.",
        "Army units and militiamen exchanged fire in Beni for several hours on Friday.",
    ],
)
def test_fighting_between_sides_and_exchanging_fire_are_clashes(make_ctx, text):
    (event,) = extract_kinetic(make_ctx(text, places={"Beni": BENI}))
    assert (event.kind, event.subtype) == ("ground_combat", "clash")


def test_fighting_a_problem_is_no_clash(make_ctx):
    text = "The mayor of Beni promised to keep fighting corruption between now and June."
    assert extract_kinetic(make_ctx(text, places={"Beni": BENI})) == []


def test_the_toll_of_a_battle_told_in_the_next_sentence_joins_it(make_ctx):
    text = (
        "Russian infantry assaulted Ukrainian positions on the edge of Vovchansk on Tuesday. "
        "Four Ukrainian soldiers were wounded in the fighting, the brigade said."
    )
    (event,) = extract_kinetic(make_ctx(text, places={"Vovchansk": VOVCHANSK}))
    assert event.kind == "ground_combat"
    assert _counts(event) == {"injured": (4, "exact")}
    assert len(event.evidence) == 2


def test_a_new_attack_after_a_battle_is_not_its_toll(make_ctx):
    text = (
        "Russian infantry assaulted Ukrainian positions on the edge of Vovchansk on Tuesday. "
        "Later a drone attack on a bus in the town injured six passengers."
    )
    events = extract_kinetic(make_ctx(text, places={"Vovchansk": VOVCHANSK}))
    assert events[0].kind == "ground_combat" and events[0].counts == {}


def test_the_people_killed_in_an_attack_are_no_count_of_attacks(make_ctx):
    # "20 soldiers in an attack": the number counts soldiers; "25 ground attacks" counts attacks
    text = "Militants killed 20 soldiers in an attack on an army post outside Gao."
    events = extract_kinetic(make_ctx(text, places={"Gao": GAO}))
    assert events and all(_counts(e) == {"killed": (20, "exact")} for e in events)
    text = "Russian troops launched 25 ground attacks near Vovchansk."
    (event,) = extract_kinetic(make_ctx(text, places={"Vovchansk": VOVCHANSK}))
    assert _counts(event)["attacks"][0] == 25


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Indian and Pakistani troops exchanged fire in Kashmir on Tuesday.",
         {"Indian": "IN", "Pakistani": "PK"}),
        ("Thai and Cambodian troops traded artillery fire along the disputed border.",
         {"Thai": "TH", "Cambodian": "KH"}),
    ],
)  # fmt: skip
def test_two_foreign_armies_exchanging_fire_is_a_clash_of_another_war(make_ctx, text, sides):
    # No place the gazetteer knows, but two sides outside the theatre: logged, not dropped
    actors = {word: Actor(name=word, side=side, type="state") for word, side in sides.items()}
    (event,) = extract_kinetic(make_ctx(text, actors=actors))
    assert (event.kind, event.subtype) == ("ground_combat", "clash")


def test_one_foreign_name_does_not_make_a_crime_a_clash(make_ctx):
    text = "Cartel gunmen ambushed a police patrol in the Mexican state of Guerrero."
    actors = {"Mexican": Actor(name="Mexican", side="MX", type="state")}
    assert extract_kinetic(make_ctx(text, actors=actors)) == []
