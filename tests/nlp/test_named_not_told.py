"""An attack or a fight that a sentence only names is no new event: a share of one told
before, none of it, a verdict on it, the fight that frames the news, troops described
as advancing (synthetic sentences; expected values by reading them)."""

from __future__ import annotations

import pytest

from warledger.nlp.extract import DocMeta

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def kinds(extractor):
    def _read(text: str) -> list[str]:
        doc = extractor.nlp(text)
        found = extractor.from_doc(doc, DocMeta(None, None, None, None, "2025-06-06")).events
        return [e.kind for e in found]

    return _read


def test_a_share_of_the_shelling_is_the_same_attack(kinds):
    found = kinds(
        "Russian artillery shelled border communities of Sumy region on Monday, the regional "
        "administration said. Most of the shelling hit Khotin and Yunakivka."
    )
    assert found.count("strike") == 1


def test_no_hits_recorded_is_no_strike(kinds):
    found = kinds(
        "Air defences recorded no missile or drone hits on Kyiv on Sunday, the city's "
        "military administration said."
    )
    assert "strike" not in found


def test_a_verdict_on_an_incursion_is_no_fight(kinds):
    found = kinds(
        "NATO's secretary general said Ukraine's incursion into Kursk Oblast was legitimate "
        "under international law."
    )
    assert "ground_combat" not in found


def test_damage_done_in_the_fighting_is_no_new_fight(kinds):
    found = kinds(
        "Half of the buildings in Vovchansk were destroyed in the fighting, the governor said."
    )
    assert "ground_combat" not in found


def test_advancing_troops_are_a_description(kinds):
    found = kinds(
        "Ukrainian forces blew up the bridges, trapping Russian units between the river and "
        "advancing Ukrainian forces."
    )
    assert "ground_combat" not in found


def test_a_fight_told_with_its_toll_is_still_read(kinds):
    found = kinds(
        "Two Ukrainian soldiers were killed during a Russian assault on Pokrovsk on Monday."
    )
    assert "ground_combat" in found


@pytest.fixture(scope="module")
def combined():
    from warledger.nlp.extract import extract_text

    def _read(text: str) -> list[str]:
        return [e.kind for e in extract_text(text, published="2025-04-01").events]

    return _read


def test_the_toll_of_a_fight_told_next_is_the_fights(combined):
    found = combined(
        "Armed gangs stormed the town of Mirebalais on Monday, freeing prisoners from its "
        "jail. At least ten people were killed in the fighting."
    )
    assert found.count("ground_combat") == 1
    assert "casualty_report" not in found
