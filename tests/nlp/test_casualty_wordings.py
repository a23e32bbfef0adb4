"""Casualty totals as news words them: a side's soldiers counted dead, a region's toll
from a governor's summary. Sentences written for these tests, expected values read
from each sentence."""

from __future__ import annotations

import pytest

from warledger.nlp.kinetic import extract_kinetic
from warledger.types import Actor, Location

pytestmark = pytest.mark.model

ZAPORIZHZHIA_OBLAST = Location(
    "Zaporizhzhia Oblast", "Zaporizhzhia Oblast", "UA", 47.6, 35.9, "admin1"
)
SUMY_OBLAST = Location("Sumy Oblast", "Sumy Oblast", "UA", 50.9, 34.8, "admin1")
SUMY = Location("Sumy", "Sumy Oblast", "UA", 50.91, 34.8, "settlement")
RIVNE_OBLAST = Location("Rivne Oblast", "Rivne Oblast", "UA", 50.6, 26.3, "admin1")
RUSSIA = Actor(side="RU", name="Russia")
UKRAINE = Actor(side="UA", name="Ukraine")


def _counts(event) -> dict:
    return {k: (c.value, c.qualifier) for k, c in event.counts.items()}


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "Ukraine's general staff said 312 Russian soldiers had been killed in action.",
            {"killed": (312, "exact")},
        ),
        (
            "Ukraine says 2,100 troops have been killed and 4,800 wounded.",
            {"killed": (2100, "exact"), "injured": (4800, "exact")},
        ),
        (
            "Ukraine said Russian troops had suffered about 9,000 casualties.",
            {"killed": (9000, "about")},
        ),
    ],
)
def test_soldiers_counted_dead_with_no_attack_named_are_a_casualty_report(
    make_ctx, text, counts
):
    (event,) = extract_kinetic(make_ctx(text, actors={"Ukraine": UKRAINE}))
    assert event.kind == "casualty_report"
    assert _counts(event) == counts


def test_soldiers_killed_in_an_accident_are_no_war_toll(make_ctx):
    text = "Four soldiers have been killed in a training accident in Rivne Oblast."
    assert extract_kinetic(make_ctx(text, places={"Rivne Oblast": RIVNE_OBLAST})) == []


def test_the_bodies_of_soldiers_handed_back_are_no_toll(make_ctx):
    text = "Ukraine received the bodies of 900 soldiers killed in action on Friday."
    assert extract_kinetic(make_ctx(text, actors={"Ukraine": UKRAINE})) == []


@pytest.mark.parametrize(
    "text",
    [
        "The governor said 11 people have been killed by Russian shelling in Zaporizhzhia "
        "Oblast.",
        "The governor said four people have been killed and 14 injured by Russian drone attacks in "
        "Zaporizhzhia Oblast.",
    ],
)
def test_a_regions_toll_from_its_attacks_is_a_casualty_report(make_ctx, text):
    places = {"Zaporizhzhia Oblast": ZAPORIZHZHIA_OBLAST}
    (event,) = extract_kinetic(make_ctx(text, places=places, actors={"Russian": RUSSIA}))
    assert event.kind == "casualty_report"
    assert [loc.name for loc in event.locations] == ["Zaporizhzhia Oblast"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Two people have been killed by a Russian glide bomb in Sumy Oblast.",
         {"Sumy Oblast": SUMY_OBLAST}),
        ("Two people have been killed by Russian shelling in Sumy, the governor said.",
         {"Sumy": SUMY}),
    ],
)  # fmt: skip
def test_one_attack_or_one_town_keeps_the_toll_a_strikes(make_ctx, text, places):
    (event,) = extract_kinetic(make_ctx(text, places=places, actors={"Russian": RUSSIA}))
    assert event.kind == "strike"


def test_a_toll_since_the_invasion_is_a_total(make_ctx):
    text = "The UN says 13,000 civilians have been killed since Russia invaded Ukraine."
    (event,) = extract_kinetic(make_ctx(text, actors={"Russia": RUSSIA}))
    assert event.kind == "casualty_report"
    assert _counts(event) == {"killed": (13000, "exact")}


def test_two_sides_totals_in_one_sentence_are_two_reports(make_ctx):
    text = (
        "Kyiv says 9,000 Russian soldiers have been killed since the invasion began, while "
        "Moscow said 500 of its troops had been killed."
    )
    events = extract_kinetic(make_ctx(text))
    assert [e.kind for e in events] == ["casualty_report", "casualty_report"]
    assert [_counts(e) for e in events] == [{"killed": (9000, "exact")}, {"killed": (500, "exact")}]


def test_one_total_and_an_unrelated_clause_stay_one_report(make_ctx):
    text = "Kyiv says 9,000 Russian soldiers have been killed since February, while prices rose."
    (event,) = extract_kinetic(make_ctx(text))
    assert _counts(event) == {"killed": (9000, "exact")}


MARIUPOL = Location("Mariupol", "Donetsk Oblast", "UA", 47.1, 37.55, "settlement")


def test_the_dead_found_in_rubble_are_a_casualty_report(make_ctx):
    text = "Ukrainian officials said about 150 dead people were found in the rubble in Mariupol."
    ctx = make_ctx(
        text,
        places={"Mariupol": MARIUPOL},
        actors={"Ukrainian officials": Actor(side="UA", name="Ukrainian officials")},
    )
    (event,) = extract_kinetic(ctx)
    assert event.kind == "casualty_report"
    assert _counts(event) == {"killed": (150, "about")}
    assert [loc.name for loc in event.locations] == ["Mariupol"]
