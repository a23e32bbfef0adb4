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
