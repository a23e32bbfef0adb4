"""Readings the reviewer found missing, and who claims each number.

Sentences are written for these tests; places and actors are given by hand.
"""

from __future__ import annotations

import pytest

from warledger.nlp.doclevel import merge_occurrences
from warledger.nlp.kinetic import extract_kinetic
from warledger.types import Actor, Count, Event, Location, Span

pytestmark = pytest.mark.model

UA_AIR_FORCE = Actor("Ukrainian Air Force", "UA", "military")
UA_MILITARY = Actor("Ukrainian military", "UA", "military")
GOVERNOR = Actor("Oleh Syniehubov", None, "person")
KHARKIV = Location("Kharkiv", "Kharkiv Oblast", "UA", 49.99, 36.23, "settlement")


def test_a_strike_on_a_named_facility_in_a_broad_region_is_read(make_ctx):
    text = "Ukrainian drones hit a fuel depot in western Russia last Sunday."
    region = Location("western Russia", None, "RU", None, None, "region")
    ctx = make_ctx(text, places={"western Russia": region}, published="2025-05-09")
    (event,) = extract_kinetic(ctx)
    assert (event.kind, event.actor.side, event.target.side) == ("strike", "UA", "RU")
    assert [loc.name for loc in event.locations] == ["western Russia"]
    assert event.target_kind == ["energy"]
    assert event.date.start == "2025-05-04"


def test_the_ends_of_a_route_are_not_where_the_attack_happened(make_ctx):
    text = (
        "A bus was driving from Izium, Kharkiv region, to Balakliia when it was hit by "
        "a Russian drone."
    )
    places = {
        "Izium": Location("Izium", "Kharkiv Oblast", "UA", 49.2, 37.3, "settlement"),
        "Kharkiv region": Location("Kharkiv Oblast", "Kharkiv Oblast", "UA", 49.6, 36.5, "admin1"),
        "Balakliia": Location("Balakliia", "Kharkiv Oblast", "UA", 49.5, 36.8, "settlement"),
    }
    (event,) = extract_kinetic(make_ctx(text, places=places))
    assert event.kind == "strike" and event.locations == []
    assert event.actor.side == "RU" and "transport" in event.target_kind


def test_an_advance_called_an_incursion_is_an_incursion(make_ctx):
    text = "Ukrainian units pushed into Russia's Belgorod region in a cross-border incursion."
    region = Location("Belgorod Oblast", "Belgorod Oblast", "RU", 50.6, 36.6, "admin1")
    (event,) = extract_kinetic(make_ctx(text, places={"Belgorod region": region}))
    assert (event.kind, event.subtype, event.actor.side) == ("ground_combat", "incursion", "UA")


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "loser"),
    [
        (
            "Russia has lost nearly 9,000 soldiers in the Kursk region, the Ukrainian "
            "military said.",
            9000,
            "at_most",
            "RU",
        ),
        (
            "Ukrainian forces lost at least 300 troops in a week, Russia said.",
            300,
            "at_least",
            "UA",
        ),
    ],
)
def test_a_side_losing_troops_is_a_casualty_report(make_ctx, text, value, qualifier, loser):
    (event,) = extract_kinetic(make_ctx(text))
    assert event.kind == "casualty_report"
    assert (event.counts["killed"].value, event.counts["killed"].qualifier) == (value, qualifier)
    assert event.target.side == loser and event.actor is None


def test_a_number_from_a_later_source_keeps_that_source(make_ctx):
    text = (
        "The Ukrainian Air Force said Russia fired 25 drones at Kharkiv. "
        "Three people were hurt, Oleh Syniehubov said."
    )
    ctx = make_ctx(
        text,
        places={"Kharkiv": KHARKIV},
        actors={"Ukrainian Air Force": UA_AIR_FORCE, "Oleh Syniehubov": GOVERNOR},
    )
    (event,) = extract_kinetic(ctx)
    assert event.claimant == UA_AIR_FORCE
    assert event.counts["launched"].claimant is None  # the event's own claimant gave it
    assert event.counts["injured"].value == 3
    assert event.counts["injured"].claimant == GOVERNOR
    assert event.to_dict()["counts"]["injured"]["claimant"]["name"] == "Oleh Syniehubov"


def test_a_merged_restatement_keeps_the_source_of_its_new_number():
    span = Span(0, 1, "x")
    first = Event("strike", locations=[KHARKIV], claimant=UA_AIR_FORCE, evidence=[span])
    later = Event("strike", locations=[KHARKIV], claimant=GOVERNOR, counts={"killed": Count(1)})
    (merged,) = merge_occurrences([first, later])
    assert merged.counts["killed"].claimant == GOVERNOR


@pytest.mark.parametrize(
    ("text", "actors", "marker"),
    [
        ("Russia reportedly shelled Kharkiv on Tuesday.", {}, "hedged"),
        ("Russia shelled Kharkiv on Tuesday.", {}, "unattributed"),
        (
            "Russia shelled Kharkiv on Tuesday, the Ukrainian military said.",
            {"Ukrainian military": UA_MILITARY},
            "named",
        ),
    ],
)
def test_a_claim_says_how_it_is_sourced(make_ctx, text, actors, marker):
    (event,) = extract_kinetic(make_ctx(text, places={"Kharkiv": KHARKIV}, actors=actors))
    assert event.attribution == marker
    assert (event.claimant is None) == (marker != "named")
    assert event.actor.side == "RU"  # who acted, whoever says so
