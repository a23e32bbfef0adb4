"""More ways an attack is told: a chronology's present tense with the harm it did, the
verb "bombard", another country's armed forces as the attacker, a Ukrainian summary's
"occupiers" (synthetic sentences; expected values by reading them)."""

from __future__ import annotations

import pytest

from warledger.nlp.extract import DocMeta

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def events(extractor):
    def _read(text: str):
        doc = extractor.nlp(text)
        return extractor.from_doc(doc, DocMeta(None, None, None, None, "2025-06-06")).events

    return _read


def _one(found, kind):
    matching = [e for e in found if e.kind == kind]
    assert len(matching) == 1, found
    return matching[0]


def test_a_present_tense_attack_told_with_its_harm_is_one_attack(events):
    strike = _one(
        events(
            "Russia launches a missile and drone attack across Ukraine, damaging energy "
            "infrastructure in several regions."
        ),
        "strike",
    )
    assert strike.actor is not None and strike.actor.side == "RU"


def test_a_present_tense_habit_is_no_attack(events):
    found = events("Russia targets power plants in Ukraine with missiles and drones.")
    assert not [e for e in found if e.kind == "strike"]


def test_bombard_is_a_strike_at_its_place(events):
    strike = _one(events("Russian helicopters bombarded Chuhuiv on Tuesday."), "strike")
    assert [loc.name for loc in strike.locations] == ["Chuhuiv"]


def test_another_countrys_air_force_is_the_attacker(events):
    strike = _one(
        events("Israeli warplanes struck the port of Hodeidah on Monday, killing four people."),
        "strike",
    )
    assert strike.actor is not None and strike.actor.side == "IL"


def test_an_armed_group_is_no_side_of_its_country(events):
    found = events("Al-Shabaab fighters attacked a military base near Baidoa on Friday.")
    assert found
    assert all(e.actor is None or e.actor.side is None for e in found)


def test_the_occupiers_attacking_is_a_russian_assault(events):
    fight = _one(
        events("In the Lyman direction, the occupiers attacked 14 times near Torske and Zarichne."),
        "ground_combat",
    )
    assert fight.actor is not None and fight.actor.side == "RU"
    assert {"Torske", "Zarichne"} <= {loc.name for loc in fight.locations}
