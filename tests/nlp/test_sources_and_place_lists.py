"""Who says so when a dateline carries a date, a source hung on the words before "said",
oblasts listed together, and places attacked in the present tense of news summaries.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _only(extractor, text: str, kind: str, published: str = "2026-04-25"):
    found = [e for e in extractor.extract(text, published).events if e.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "claimant"),
    [
        (
            "LYMAN, April 25 — Ukraine's military said on Saturday it had pushed Russian "
            "troops out of the village of Torske.",
            "territorial_change",
            "UA",
        ),
        (
            "DONETSK, Ukraine, April 25 — Russia's defence ministry said on Saturday its "
            "forces had captured the village of Torske.",
            "territorial_change",
            "RU",
        ),
    ],
)
def test_a_dated_dateline_is_not_the_source(extractor, text, kind, claimant):
    event = _only(extractor, text, kind)
    assert (event.claimant.side, event.status) == (claimant, "claimed")


def test_a_unit_named_before_said_is_the_source(extractor):
    text = (
        "DNIPRO, Ukraine — Russian troops launched a mechanised assault south of Kurakhove "
        "on Thursday with about 40 armoured vehicles and motorcycles, the Ukrainian 7th "
        "Rapid Response Corps said, adding that the attack was repelled with drones."
    )
    event = _only(extractor, text, "ground_combat", "2025-11-07")
    assert event.actor.side == "RU"
    assert (event.claimant.side, event.status) == ("UA", "claimed")


@pytest.mark.parametrize(
    ("text", "oblasts"),
    [
        (
            "Russian drones attacked the Poltava, Sumy, Chernihiv, and Kharkiv oblasts "
            "overnight, injuring four people.",
            ["Poltava Oblast", "Sumy Oblast", "Chernihiv Oblast", "Kharkiv Oblast"],
        ),
        (
            "Air defences destroyed 40 Ukrainian drones over the Voronezh, Kursk and "
            "Belgorod regions, the ministry said.",
            ["Voronezh Oblast", "Kursk Oblast", "Belgorod Oblast"],
        ),
    ],
)
def test_every_oblast_of_a_list_is_a_place_of_the_strike(extractor, text, oblasts):
    strike = _only(extractor, text, "strike")
    assert [loc.admin1 for loc in strike.locations] == oblasts


@pytest.mark.parametrize(
    ("text", "place", "oblast"),
    [
        ("Russian forces bombard Kherson, killing two people.", "Kherson", "Kherson Oblast"),
        ("Russian forces attack Kharkiv with missiles, injuring at least 16 people.", "Kharkiv",
         "Kharkiv Oblast"),
    ],
)
def test_a_city_attacked_in_the_present_tense_is_where_it_happened(
    extractor, text, place, oblast
):
    strike = _only(extractor, text, "strike", "2025-06-02")
    assert [(loc.name, loc.admin1, loc.country) for loc in strike.locations] == [
        (place, oblast, "UA")
    ]


@pytest.mark.parametrize(
    "source",
    [
        "the head of the regional military administration said",
        "the head of the city's military administration, Ihor Terekhov, said",
    ],
)
def test_the_head_of_a_local_administration_speaks_for_its_place(extractor, source):
    text = f"Russian drones struck a hospital in Kharkiv overnight, injuring five people, {source}."
    strike = _only(extractor, text, "strike", "2025-06-02")
    assert (strike.claimant.side, strike.status) == ("UA", "claimed")


def test_the_details_after_a_source_are_still_its_account(extractor):
    text = (
        "Russia attacked the Mykolaiv region with drones overnight, injuring three people, "
        "the regional governor, Vitaliy Kim, said on Tuesday.\n"
        "In Ochakiv, a drone hit a fishing boat; two fishermen were wounded."
    )
    strikes = [e for e in extractor.extract(text, "2025-06-03").events if e.kind == "strike"]
    ochakiv = [e for e in strikes if [loc.name for loc in e.locations] == ["Ochakiv"]]
    assert len(ochakiv) == 1
    assert (ochakiv[0].claimant.side, ochakiv[0].status) == ("UA", "claimed")


def test_a_new_incident_of_a_monitoring_note_is_told_in_the_writers_voice(extractor):
    text = (
        "On 3 May 2026, Russian forces shelled Nikopol, Dnipropetrovsk oblast, with artillery. "
        "A man was injured, the regional military administration said.\n"
        "On the same day, a Russian drone struck a car in Marhanets, Dnipropetrovsk oblast."
    )
    strikes = [e for e in extractor.extract(text, "2026-05-04").events if e.kind == "strike"]
    marhanets = [e for e in strikes if [loc.name for loc in e.locations] == ["Marhanets"]]
    assert len(marhanets) == 1
    assert (marhanets[0].claimant, marhanets[0].status) == (None, "reported")


def test_a_source_that_rejects_and_then_says_is_the_source_of_what_it_says(extractor):
    text = (
        "Russia's defence ministry denied the report and said Ukrainian drones had hit a "
        "fuel depot in Novoshakhtinsk overnight."
    )
    strike = _only(extractor, text, "strike", "2025-06-02")
    assert (strike.claimant.side, strike.status) == ("RU", "claimed")
