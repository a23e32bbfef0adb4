"""What a strike hit: the things the text names, not the attacker's words, a landmark
the shells fell near, where a victim was treated or the dateline's place."""

from __future__ import annotations

import pytest


def _kinds(extractor, text: str) -> list[set[str]]:
    result = extractor.extract(text, "2026-04-02")
    return [set(e.target_kind) for e in result.events if e.kind == "strike"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 1 April 2026, shelling damaged power lines in Nikopol, Dnipropetrovsk oblast.",
         {"energy"}),
        ("On 1 April 2026, a Russian drone struck an ambulance in Kherson.", {"medical"}),
        ("On 1 April 2026, a Russian FPV drone hit a car in Antonivka, Kherson oblast.",
         {"transport"}),
        ("On 1 April 2026, Ukrainian drones attacked an oil pumping station in the Bryansk "
         "region.", {"energy"}),
        ("On 1 April 2026, Russian artillery shelled Sloviansk, Donetsk oblast, damaging a "
         "water pumping station.", {"water"}),
        ("On 1 April 2026, a Russian missile hit a hotel in Kryvyi Rih.", {"civilian_other"}),
        ("On 1 April 2026, Russian drones hit a thermal power station in Mykolaiv.",
         {"energy"}),
        ("On 1 April 2026, Russian drones attacked four air bases in the Kursk region.",
         {"military"}),
    ],
)
def test_the_thing_named_as_hit_gives_its_kind(rules, text, expected) -> None:
    assert _kinds(rules, text) == [expected]


def test_the_attackers_own_military_is_no_military_target(rules) -> None:
    text = "On 1 April 2026, a Myanmar military airstrike on a monastery in Sagaing killed nine."
    assert _kinds(rules, text) == [{"religious"}]


def test_a_landmark_the_rockets_fell_near_was_not_hit(rules) -> None:
    text = (
        "On 1 April 2026, Russian forces fired on Ochakiv, Mykolaiv oblast, with Grad "
        "rockets. Several rockets landed near the central market."
    )
    assert _kinds(rules, text) == [set()]


def test_a_victim_who_died_of_wounds_in_hospital_makes_no_medical_target(rules) -> None:
    text = (
        "On 1 April 2026, Russian forces shelled Marhanets, Dnipropetrovsk oblast. "
        "A 64-year-old man died of his wounds in hospital."
    )
    assert _kinds(rules, text) == [set()]


def test_a_dateline_place_in_capitals_is_no_target(rules) -> None:
    text = (
        "PORT SUDAN — A drone strike on a mosque in El Fasher killed at least 30 people "
        "on Wednesday, local volunteers said."
    )
    assert _kinds(rules, text) == [{"religious"}]
