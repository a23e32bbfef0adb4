"""Places an event's words imply: named again by a common noun ("the city", "the region",
"the country"), or the country a barrage was aimed at.

Texts are written for these tests; the expected places come from reading them. The whole
extractor runs, because the reference reaches back across sentences.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _strikes(extractor, text):
    return [e for e in extractor.extract(text, "2025-05-04").events if e.kind == "strike"]


def test_the_city_is_the_city_named_in_the_sentence_before(extractor):
    text = (
        "Oleh Syniehubov, the governor of Kharkiv, spoke on television on Sunday. "
        "He said a guided bomb hit a five-storey building in the city, wounding seven people."
    )
    (strike,) = _strikes(extractor, text)
    assert [(p.name, p.admin1, p.country) for p in strike.locations] == [
        ("Kharkiv", "Kharkiv Oblast", "UA")
    ]
    assert strike.locations[0].lat is not None


def test_the_city_named_as_its_mayors_city_in_the_same_sentence(extractor):
    text = "Moscow's mayor said air defences shot down 19 drones approaching the city overnight."
    (strike,) = _strikes(extractor, text)
    assert [(p.name, p.country) for p in strike.locations] == [("Moscow", "RU")]


def test_the_country_an_attack_is_aimed_at_is_not_the_attackers(extractor):
    text = (
        "Ukraine's air force said Russia and its proxies had kept up the pressure on Saturday. "
        "Air defences shot down 41 of the 58 drones Russia launched at the country overnight."
    )
    (strike,) = _strikes(extractor, text)
    assert [(p.name, p.country, p.precision) for p in strike.locations] == [
        ("Ukraine", "UA", "country")
    ]


def test_two_cities_before_the_city_leave_the_place_unknown(extractor):
    text = (
        "Officials in Kherson and Mykolaiv reported power cuts on Tuesday. "
        "A drone struck a bus stop in the city, injuring two women."
    )
    (strike,) = _strikes(extractor, text)
    assert strike.locations == []


def test_the_city_of_a_name_is_no_reference_back(extractor):
    text = (
        "Russian forces shelled Nikopol on Friday. "
        "Separately, a drone hit a warehouse in the city of Bilozerskebad, officials said."
    )
    strikes = _strikes(extractor, text)
    assert "Nikopol" not in [p.name for p in strikes[-1].locations]


def test_a_barrage_reported_without_a_place_is_over_the_country_it_was_aimed_at(extractor):
    text = (
        "Russia launched 78 Shahed-type drones and two ballistic missiles overnight, "
        "Ukraine's air force said on Sunday."
    )
    (strike,) = _strikes(extractor, text)
    assert [(p.name, p.country, p.precision) for p in strike.locations] == [
        ("Ukraine", "UA", "country")
    ]


def test_drones_downed_over_unnamed_regions_of_the_defender_are_over_its_country(extractor):
    text = (
        "Russia's defence ministry said its air defences destroyed 127 Ukrainian drones "
        "overnight over nine regions."
    )
    (strike,) = _strikes(extractor, text)
    assert [(p.name, p.country) for p in strike.locations] == [("Russia", "RU")]


def test_a_strike_without_counted_weapons_gets_no_country(extractor):
    text = "Russian forces struck Ukrainian positions with artillery, the general staff said."
    (strike,) = _strikes(extractor, text)
    assert strike.locations == []


def test_a_toll_across_regions_of_a_country_is_placed_in_that_country(extractor):
    text = (
        "Russian attacks killed nine civilians and wounded 41 others across seven regions "
        "of Ukraine over the past day, officials said."
    )
    (toll,) = [
        e for e in extractor.extract(text, "2025-05-04").events if e.kind == "casualty_report"
    ]
    assert [(p.name, p.country, p.precision) for p in toll.locations] == [
        ("Ukraine", "UA", "country")
    ]


def test_the_country_named_as_whose_delegation_it_is_is_no_venue(extractor):
    text = (
        "The trilateral meeting of US, Ukrainian and Russian delegations planned for "
        "Thursday in Abu Dhabi was postponed, officials said."
    )
    (talks,) = [e for e in extractor.extract(text, "2026-02-01").events if e.kind == "talks"]
    assert [loc.name for loc in talks.locations] == ["Abu Dhabi"]


def test_the_countries_whose_delegations_meet_are_no_venue(extractor):
    text = (
        "Delegations of Russia, Ukraine and the United States held a second day of "
        "trilateral talks in Abu Dhabi on Thursday."
    )
    (talks,) = [e for e in extractor.extract(text, "2026-02-01").events if e.kind == "talks"]
    assert [loc.name for loc in talks.locations] == ["Abu Dhabi"]
    assert {p.side for p in talks.participants} == {"RU", "UA", "US"}
