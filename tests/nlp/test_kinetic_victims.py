"""Victims listed town by town: one strike per town, counting only that town's people.

The count key comes from the word that governs the list ("among the injured", "killed ...:",
"the dead include"), never a default; a total said before the list is not copied into
every town. Sentences are written for these tests; places are given by hand.
"""

from __future__ import annotations

import pytest

from warledger.nlp.kinetic import extract_kinetic
from warledger.types import Location

pytestmark = pytest.mark.model

SLOBIDSKE = Location("Slobidske", "Kharkiv Oblast", "UA", 49.9, 36.6, "settlement")
ZORIANE = Location("Zoriane", "Kharkiv Oblast", "UA", 49.8, 36.7, "settlement")
BILOZERKA = Location("Bilozerka", "Kherson Oblast", "UA", 46.6, 32.4, "settlement")
KHARKIV_OBLAST = Location("Kharkiv Oblast", "Kharkiv Oblast", "UA", 49.6, 36.5, "admin1")


def _towns(text: str) -> dict[str, Location]:
    known = {"Slobidske": SLOBIDSKE, "Zoriane": ZORIANE, "Bilozerka": BILOZERKA}
    places = {name: loc for name, loc in known.items() if name in text}
    if "Kharkiv region" in text:
        places["Kharkiv region"] = KHARKIV_OBLAST
    return places


def _per_town(events) -> dict[str, dict[str, int]]:
    return {
        e.locations[0].name: {k: c.value for k, c in e.counts.items()}
        for e in events
        if e.kind == "strike" and e.locations and e.locations[0].precision == "settlement"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the lead-in names the injured: nobody in the list was killed
            "Russian artillery pounded the area on Friday. Among the wounded were a 61-year-old "
            "man in Slobidske, Kharkiv region; and a 19-year-old woman in Zoriane.",
            {"Slobidske": {"injured": 1}, "Zoriane": {"injured": 1}},
        ),
        (  # a total before the colon is split by the list, never repeated per town
            "Russian drones killed four civilians on Friday: two men and a woman in Slobidske, "
            "and a pensioner in Zoriane.",
            {"Slobidske": {"killed": 3}, "Zoriane": {"killed": 1}},
        ),
        (  # one town, people counted after the casualty verb
            "A Russian missile strike injured a 40-year-old man and a 12-year-old girl in "
            "Bilozerka on Friday.",
            {"Bilozerka": {"injured": 2}},
        ),
        (
            "Russian shelling hit Kharkiv region on Friday. The dead include a woman in "
            "Slobidske and a man and a boy in Zoriane.",
            {"Slobidske": {"killed": 1}, "Zoriane": {"killed": 2}},
        ),
        (
            "Russian glide bombs fell on two villages on Friday. Those hurt were a woman in "
            "Slobidske and a man in Zoriane.",
            {"Slobidske": {"injured": 1}, "Zoriane": {"injured": 1}},
        ),
    ],
)
def test_each_town_counts_its_own_people_under_the_governing_word(make_ctx, text, expected):
    events = extract_kinetic(make_ctx(text, places=_towns(text), published="2025-05-09"))
    assert _per_town(events) == expected
    assert all(e.actor.side == "RU" for e in events if e.kind == "strike")


def test_a_number_of_people_counts_as_that_many(make_ctx):
    text = "Russian drones killed two men in Slobidske and a woman in Zoriane on Friday."
    per_town = _per_town(extract_kinetic(make_ctx(text, places=_towns(text))))
    assert per_town == {"Slobidske": {"killed": 2}, "Zoriane": {"killed": 1}}


def test_victims_after_a_period_total_keep_the_total_apart(make_ctx):
    text = (
        "At least four civilians were killed in Russian attacks over the past day. "
        "Among the victims were a 70-year-old woman and a 45-year-old man in Slobidske, "
        "Kharkiv region; a 33-year-old man hit by a drone in Zoriane; and one death and "
        "five injuries in Bilozerka after Russia shelled 12 settlements there."
    )
    events = extract_kinetic(make_ctx(text, places=_towns(text), published="2025-05-09"))
    total, *strikes = events
    assert total.kind == "casualty_report"
    assert (total.counts["killed"].value, total.counts["killed"].qualifier) == (4, "at_least")
    assert [e.locations[0].name for e in strikes] == ["Slobidske", "Zoriane", "Bilozerka"]
    assert _per_town(strikes) == {
        "Slobidske": {"killed": 2},
        "Zoriane": {"killed": 1},
        "Bilozerka": {"killed": 1, "injured": 5, "settlements": 12},
    }
    assert strikes[1].weapon == "drone" and strikes[0].weapon is None
