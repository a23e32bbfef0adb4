"""Namesakes settled by what the rest of the text says, and cities that stay themselves.

Texts are written for these tests; the expected oblasts come from reading them and from
the gazetteer's records of the towns named (Zolochiv: a town in Lviv oblast and a smaller
one in Kharkiv oblast; Ryazan and Moscow: Russian cities).
"""

from __future__ import annotations

import pytest

from warledger.nlp.places import Gazetteer, find_places

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _places(nlp, gaz, text):
    return [(m.text, m.location) for m in find_places(nlp(text), gaz)]


def test_a_note_about_one_oblast_means_its_own_namesake_town(nlp, gaz):
    text = (
        "Kharkiv oblast, 12 March 2026. Russian artillery shelled Balakliia in the morning. "
        "In Zolochiv, a drone hit a shop; a 60-year-old woman was injured."
    )
    zolochiv = dict(_places(nlp, gaz, text))["Zolochiv"]
    assert zolochiv.admin1 == "Kharkiv Oblast"
    assert zolochiv.lat is not None


def test_without_another_oblast_the_larger_namesake_is_meant(nlp, gaz):
    text = "Thousands attended a festival in Zolochiv on Saturday."
    assert dict(_places(nlp, gaz, text))["Zolochiv"].admin1 == "Lviv Oblast"


def test_a_city_is_not_a_village_of_the_region_named_later_in_the_sentence(nlp, gaz):
    text = (
        "MOSCOW, Feb 3 — Ukrainian drones set an oil refinery in Ryazan on fire and damaged "
        "a substation in the Tula region overnight, officials said."
    )
    found = dict(_places(nlp, gaz, text))
    assert (found["Ryazan"].admin1, found["Ryazan"].country) == ("Ryazan Oblast", "RU")
    assert found["Tula region"].admin1 == "Tula Oblast"
    assert found["MOSCOW"].admin1 == "Moscow"


def test_the_village_of_a_city_name_stays_in_the_region_the_sentence_names(nlp, gaz):
    text = (
        "The governor of Russia's Belgorod region said a drone hit a car near the village "
        "of Murom in the Shebekino district."
    )
    murom = dict(_places(nlp, gaz, text))["Murom"]
    assert murom.admin1 == "Belgorod Oblast"
