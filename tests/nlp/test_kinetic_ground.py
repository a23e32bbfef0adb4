"""Ground combat told in news wordings: troops entering a place, raiding parties,
counteroffensives and shootings by troops, read by the rules alone.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model



def _kinetic(rules, text: str, published: str = "2025-03-04"):
    result = rules.extract(text, published)
    return [e for e in result.events if e.kind in {"strike", "ground_combat", "territorial_change"}]


def test_troops_entering_a_village_is_ground_combat_by_their_side(rules):
    (event,) = _kinetic(
        rules, "Russian troops entered the village of Kamianka in Kharkiv Oblast on Tuesday."
    )
    assert (event.kind, event.actor.side) == ("ground_combat", "RU")
    assert [loc.name for loc in event.locations] == ["Kamianka"]
    assert event.locations[0].admin1 == "Kharkiv Oblast"


def test_units_entering_a_border_district_of_russia(rules):
    (event,) = _kinetic(
        rules, "Ukrainian army units have entered Sudzha district of Russia's Kursk region."
    )
    assert (event.kind, event.actor.side, event.target.side) == ("ground_combat", "UA", "RU")


@pytest.mark.parametrize(
    "text",
    [
        "The new sanctions law entered into force in Kyiv on Monday.",
        "Hundreds of protesters entered the parliament building in Tbilisi on Sunday.",
        "Ukraine's grain exporters entered the Egyptian market last year.",
    ],
)
def test_entering_that_is_no_troop_movement_is_no_event(rules, text):
    assert _kinetic(rules, text) == []


def test_a_raiding_party_is_an_incursion_of_its_side(rules):
    (event,) = _kinetic(
        rules,
        "A Russian sabotage group tried to cross the border near the village of "
        "Seredyna-Buda in Sumy Oblast on Sunday and was pushed back.",
    )
    assert (event.kind, event.subtype, event.actor.side) == ("ground_combat", "incursion", "RU")


def test_a_counteroffensive_is_ground_combat(rules):
    (event,) = _kinetic(
        rules, "Ukrainian forces launched a counteroffensive near Bakhmut on Thursday."
    )
    assert (event.kind, event.actor.side) == ("ground_combat", "UA")


def test_a_shooting_by_troops_has_the_shooters_as_actor(rules):
    (event,) = _kinetic(
        rules, "A local volunteer was shot dead by Russian soldiers in Bucha, Kyiv Oblast."
    )
    assert event.kind in {"strike", "ground_combat"}
    assert (event.actor.side, event.target.side) == ("RU", "UA")
    assert [loc.name for loc in event.locations] == ["Bucha"]


def test_police_shooting_a_suspect_is_no_war_event(rules):
    assert _kinetic(rules, "Police shot a robbery suspect in central Odesa on Friday.") == []


def test_shot_and_killed_by_troops_takes_the_agent_of_the_second_verb(rules):
    (event,) = _kinetic(
        rules, "A local teacher was shot and killed by Russian soldiers in Bucha, Kyiv Oblast."
    )
    assert (event.actor.side, event.target.side) == ("RU", "UA")


def _reports(rules, text: str):
    return [e for e in rules.extract(text, "2025-03-04").events if e.kind == "casualty_report"]


def test_soldiers_killed_over_a_period_are_a_toll_of_their_own_side(rules):
    (report,) = _reports(
        rules,
        "Ukraine's defence ministry said 1,300 Russian soldiers had been killed in the first "
        "week of the war.",
    )
    assert report.counts["killed"].value == 1300
    assert report.target.side == "RU" and report.actor is None


def test_estimated_losses_at_a_number_of_soldiers_are_a_toll(rules):
    (report,) = _reports(
        rules, "The UK defence ministry estimated Russian losses at 150,000 soldiers killed."
    )
    assert report.counts["killed"].value == 150000
    assert report.target.side == "RU"


def test_laying_siege_is_ground_combat(rules):
    (event,) = _kinetic(rules, "Russian troops besieged the city of Mariupol in March 2025.")
    assert (event.kind, event.actor.side) == ("ground_combat", "RU")


def test_advances_by_a_side_are_that_sides_even_when_the_enemy_reports_them(rules):
    (event,) = _kinetic(
        rules,
        "The Russian defence ministry acknowledged advances by Ukrainian forces near Kupiansk.",
    )
    assert (event.kind, event.actor.side) == ("ground_combat", "UA")


def test_a_monitors_civilian_toll_is_a_casualty_report_in_the_country(rules):
    (report,) = _reports(
        rules, "The U.N. says it has recorded at least 1,200 civilian casualties in Ukraine."
    )
    assert report.counts["killed"].value == 1200
    assert [loc.name for loc in report.locations] == ["Ukraine"]


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian forces captured 120 Russian soldiers near Sudzha in Kursk Oblast.",
        "Kyiv confirmed the capture of two North Korean soldiers in Russia's Kursk region.",
    ],
)
def test_capturing_soldiers_takes_prisoners_not_ground(rules, text):
    assert [e for e in _kinetic(rules, text) if e.kind == "territorial_change"] == []


def test_capturing_soldiers_and_settlements_still_takes_ground(rules):
    events = _kinetic(
        rules,
        "Ukraine's army said it had captured 300 Russian troops and 40 settlements in Kursk "
        "Oblast since the start of the operation.",
    )
    assert [e.kind for e in events] == ["territorial_change"]


@pytest.mark.parametrize(
    "text",
    [
        "Belarus launched a large phishing attack against Ukrainian officials, the security "
        "service said.",
        "Police seized a yacht in the port of Genoa belonging to a Russian businessman.",
    ],
)
def test_cyber_attacks_and_police_seizures_are_no_kinetic_events(rules, text):
    assert _kinetic(rules, text) == []


def test_an_air_attack_by_forces_is_a_strike_not_ground_combat(rules):
    events = _kinetic(
        rules,
        "Russian forces launched their largest air attack on Kyiv since the start of the "
        "war, killing 12 people.",
    )
    assert [e.kind for e in events] == ["strike"]


def test_seizing_a_ship_takes_property_not_ground(rules):
    tanker = "Greek authorities seized a Russian-flagged oil tanker off Euboea."
    assert _kinetic(rules, tanker) == []
    (event,) = _kinetic(
        rules, "Ukrainian forces seized the village of Krynky on the left bank of the Dnipro."
    )
    assert (event.kind, event.actor.side) == ("territorial_change", "UA")
