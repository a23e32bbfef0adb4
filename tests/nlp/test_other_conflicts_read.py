"""Snippets of other wars and their look-alikes, written for this test.

An attack or battle of another conflict is extracted and labelled out of the theatre,
even where the place is one the gazetteer does not know: armed men killing with no weapon
named fight on the ground, a weapon fired into an area attacks it, a battle of one foreign
country's soldiers is in that country, a clash names both foreign sides, and a text that
never mentions the war is not part of it. A police raid or a robbery stays no attack.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _kinetic(extractor, text: str):
    result = extractor.extract(text, published="2025-10-15")
    return [
        e for e in result.events if e.kind in {"strike", "ground_combat", "territorial_change"}
    ]


@pytest.mark.parametrize(
    ("text", "country", "killed"),
    [
        (
            "Pakistani security forces killed eight militants in Khyber Pakhtunkhwa province.",
            "PK",
            8,
        ),
        ("Ethiopian troops clashed with Fano militiamen in the Amhara region.", "ET", None),
        (
            "Colombian soldiers clashed with ELN guerrillas in Arauca department, leaving four "
            "dead.",
            "CO",
            4,
        ),
    ],
)
def test_a_battle_at_an_unknown_place_is_in_its_soldiers_country(extractor, text, country, killed):
    (event,) = _kinetic(extractor, text)
    assert (event.kind, event.theatre, event.country) == ("ground_combat", None, country)
    assert (event.counts["killed"].value if "killed" in event.counts else None) == killed


def test_a_border_clash_names_both_sides_and_disputed_land_is_no_disputed_claim(extractor):
    (event,) = _kinetic(
        extractor, "Thai and Cambodian troops exchanged fire along the disputed border on Thursday."
    )
    assert (event.kind, event.subtype, event.theatre) == ("ground_combat", "clash", None)
    assert {p.side for p in event.participants} == {"TH", "KH"}
    assert event.status == "reported"


def test_troops_raiding_a_camp_is_ground_combat_of_another_war(extractor):
    text = "Israeli troops raided the Jenin refugee camp on Wednesday, killing three people."
    (event,) = _kinetic(extractor, text)
    assert (event.kind, event.theatre, event.counts["killed"].value) == ("ground_combat", None, 3)


def test_a_text_that_never_names_the_war_is_not_part_of_it(extractor):
    (event,) = _kinetic(
        extractor, "Boko Haram militants attacked a village in Borno state, killing 12 farmers."
    )
    assert (event.kind, event.theatre) == ("ground_combat", None)


@pytest.mark.parametrize(
    "text",
    [
        "Police raided the headquarters of an opposition party in Tbilisi on Monday.",
        "Armed robbers ambushed a cash van in the Mexican state of Sonora, killing two guards.",
        "Security forces have killed dozens of protesters since January, a rights group said.",
    ],
)
def test_police_crime_and_repression_are_no_battle(extractor, text):
    assert [e for e in _kinetic(extractor, text) if e.kind == "ground_combat"] == []


def test_a_weapon_fired_into_an_area_is_an_attack_on_it(extractor):
    text = "Hezbollah fired dozens of rockets into northern Israel on Sunday."
    (event,) = _kinetic(extractor, text)
    assert (event.kind, event.theatre, event.country) == ("strike", None, "IL")


def test_workers_fired_in_a_country_are_no_attack(extractor):
    assert _kinetic(extractor, "The company fired 200 workers in Germany on Monday.") == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Israeli jets carried out airstrikes in Syria on Monday.", "SY"),
        ("U.S. forces carried out a series of airstrikes against militants in Somalia.", "SO"),
    ],
)
def test_airstrikes_in_a_foreign_country_are_placed_in_it(extractor, text, country):
    (event,) = _kinetic(extractor, text)
    assert (event.kind, event.theatre, event.country) == ("strike", None, country)


def test_an_attack_on_the_theatre_country_alone_still_needs_more_than_the_country(extractor):
    assert _kinetic(extractor, "Russian jets carried out airstrikes in Ukraine.") == []


@pytest.mark.parametrize(
    ("text", "place", "killed"),
    [
        ("A suicide bomber killed 12 people at a mosque in Peshawar on Friday.", "Peshawar", 12),
        ("A suicide bombing at a market in Mogadishu killed nine people.", "Mogadishu", 9),
        ("A roadside bomb blast killed 11 coal miners in Quetta.", "Quetta", 11),
    ],
)
def test_bombings_are_attacks(extractor, text, place, killed):
    (event,) = _kinetic(extractor, text)
    assert (event.kind, event.theatre) == ("strike", None)
    assert [loc.name for loc in event.locations] == [place]
    assert event.counts["killed"].value == killed


def test_an_army_speaking_of_itself_killing_militants_is_a_battle(extractor):
    text = "The army said it killed 20 militants in an operation in North Waziristan."
    (event,) = _kinetic(extractor, text)
    assert (event.kind, event.theatre, event.counts["killed"].value) == ("ground_combat", None, 20)


def test_militants_killed_by_airstrikes_are_a_strike(extractor):
    (event,) = _kinetic(extractor, "Airstrikes killed 50 militants in Hirshabelle on Monday.")
    assert (event.kind, event.counts["killed"].value) == ("strike", 50)


def test_a_year_of_attacks_summed_is_a_casualty_report(extractor):
    text = "In 2024, separatist groups killed nearly 400 people in over 500 attacks in Balochistan."
    result = extractor.extract(text, published="2025-03-14")
    assert [e.kind for e in result.events] == ["casualty_report"]


def test_militants_in_an_exchange_of_fire_is_a_clash(extractor):
    text = "Police said there was a heavy exchange of fire between soldiers and militants in Kalat."
    (event,) = _kinetic(extractor, text)
    assert (event.kind, event.subtype) == ("ground_combat", "clash")


@pytest.mark.parametrize(
    "text",
    [
        "A gas explosion killed five people in an apartment block in Tehran.",
        "A blast at a fireworks factory killed seven workers in Tamil Nadu.",
        "A bomb disposal squad searched the area for explosives.",
    ],
)
def test_accidents_and_searches_are_no_attack(extractor, text):
    assert _kinetic(extractor, text) == []
