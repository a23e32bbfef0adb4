"""Other wars' smaller towns (sentences written for the tests): a name the model tags as a
place, or a cue marks as one, is looked up in the town list and gets its country; an area
name ("Borno state") never becomes a namesake town, and the text scan never reads the
town list on its own."""

from __future__ import annotations

from warledger.nlp.places import Gazetteer, find_places


def _places(nlp, text: str) -> dict[str, str | None]:
    return {p.text: p.location.country for p in find_places(nlp(text), Gazetteer.load())}


def test_a_cued_town_of_another_war_gets_its_country(nlp):
    found = _places(nlp, "Malian troops seized the northern town of Kidal on Tuesday.")
    assert found.get("Kidal") == "ML"


def test_an_area_named_with_its_area_word_is_no_namesake_town(nlp):
    found = _places(nlp, "Insurgents stormed a village in Nigeria's Borno state on Friday.")
    assert "DE" not in found.values()


def test_the_town_list_holds_one_country_per_name_or_answers_nothing():
    gaz = Gazetteer.load()
    assert [p.country for p in gaz.towns("Kidal")] == ["ML"]
    assert gaz.towns("Margherita") == []  # towns of that name lie in Italy and India
