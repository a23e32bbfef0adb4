"""Reader rules behind the generalisation articles, with places given by hand.

These constructions appear in ``tests/data/generalisation``; here the place finder is
taken out of the loop so that the reader's own behaviour is what is judged.
"""

from __future__ import annotations

import pytest

from warledger.nlp.kinetic import extract_kinetic
from warledger.types import Location

pytestmark = pytest.mark.model


def _town(name: str, oblast: str) -> Location:
    return Location(name, oblast, "UA", 47.0, 33.0, "settlement")


def test_a_strike_listing_towns_gives_one_strike_at_every_town(make_ctx):
    text = "Russian drones struck Kherson, Bilozerka and Pavlohrad on Saturday, officials said."
    places = {
        "Kherson": _town("Kherson", "Kherson Oblast"),
        "Bilozerka": _town("Bilozerka", "Kherson Oblast"),
        "Pavlohrad": _town("Pavlohrad", "Dnipropetrovsk Oblast"),
    }
    (event,) = extract_kinetic(make_ctx(text, places=places))
    assert [loc.name for loc in event.locations] == ["Kherson", "Bilozerka", "Pavlohrad"]
    assert (event.kind, event.actor.side, event.weapon) == ("strike", "RU", "drone")


def test_region_after_a_village_only_situates_it(make_ctx):
    text = "A Russian drone hit Bilozerka, Kherson region, on Monday."
    places = {
        "Bilozerka": _town("Bilozerka", "Kherson Oblast"),
        "Kherson region": Location("Kherson Oblast", "Kherson Oblast", "UA", 46.6, 33.0, "admin1"),
    }
    (event,) = extract_kinetic(make_ctx(text, places=places))
    assert [loc.name for loc in event.locations] == ["Bilozerka"]


def test_troops_attacking_positions_and_fighting_elsewhere_are_ground_combat(make_ctx):
    text = (
        "Russian forces attacked Ukrainian positions near Pokrovsk, the General Staff said, "
        "adding that fighting continued near Chasiv Yar."
    )
    places = {
        "Pokrovsk": _town("Pokrovsk", "Donetsk Oblast"),
        "Chasiv Yar": _town("Chasiv Yar", "Donetsk Oblast"),
    }
    events = extract_kinetic(make_ctx(text, places=places))
    got = sorted((e.locations[0].name, e.kind, e.subtype) for e in events)
    assert got == [
        ("Chasiv Yar", "ground_combat", "clash"),
        ("Pokrovsk", "ground_combat", "assault"),
    ]


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("Russia's defence ministry said its forces had liberated Novoivanivka.", "captured"),
        ("Ukraine's army said its troops had liberated Novoivanivka.", "recaptured"),
    ],
)
def test_liberated_is_captured_on_the_other_partys_soil(make_ctx, text, subtype):
    ctx = make_ctx(text, places={"Novoivanivka": _town("Novoivanivka", "Donetsk Oblast")})
    (event,) = extract_kinetic(ctx)
    assert (event.kind, event.subtype) == ("territorial_change", subtype)


def test_air_defence_report_names_the_attacker_by_what_was_shot_down(make_ctx):
    text = "Russia's defence ministry said its air defences destroyed 18 Ukrainian drones."
    (event,) = extract_kinetic(make_ctx(text))
    assert (event.subtype, event.actor.side, event.target.side) == (
        "air_defense_engagement",
        "UA",
        "RU",
    )
    assert (event.counts["intercepted"].value, event.weapon) == (18, "drone")


def test_attacked_villages_are_not_a_count_of_attacks(make_ctx):
    text = "Rebels attacked nearly 10 villages near the town of Bocaranga, military sources said."
    events = extract_kinetic(make_ctx(text, places={"Bocaranga": Location("Bocaranga")}))
    assert all("attacks" not in e.counts for e in events)


def test_yearly_statistics_are_not_an_event(make_ctx):
    text = "Separatist groups carried out more than 500 attacks in 2024, a think tank said."
    assert extract_kinetic(make_ctx(text)) == []


def test_a_comment_on_the_size_of_a_barrage_keeps_the_barrage(make_ctx):
    text = "Russia fires 180 drones at Ukraine, the biggest such attack so far."
    ukraine = Location("Ukraine", None, "UA", None, None, "country")
    (event,) = extract_kinetic(make_ctx(text, places={"Ukraine": ukraine}))
    assert (event.kind, event.actor.side, event.counts["launched"].value) == ("strike", "RU", 180)
    stance = "The ministry said it was not interested in targeting such infrastructure."
    assert extract_kinetic(make_ctx(stance)) == []
