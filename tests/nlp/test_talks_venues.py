"""Talks "in the Kremlin" or "at the White House" are held in Moscow or Washington: the
building is the venue, at its city's coordinates; "the Kremlin said" stays a speaker.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model



@pytest.mark.parametrize(
    ("text", "venue", "country", "admin1"),
    [
        (
            "Vladimir Putin held talks with the Hungarian prime minister in the Kremlin.",
            "Kremlin",
            "RU",
            "Moscow",
        ),
        (
            "Donald Trump met Volodymyr Zelensky at the White House on Friday.",
            "White House",
            "US",
            "District of Columbia",
        ),
    ],
)
def test_a_seat_of_government_is_the_venue(rules, text, venue, country, admin1):
    (talks,) = [e for e in rules.extract(text, "2026-03-10").events if e.kind == "talks"]
    (location,) = talks.locations
    assert (location.name, location.country, location.admin1) == (venue, country, admin1)
    assert location.lat is not None


def test_the_kremlin_speaking_is_no_place_of_a_strike(rules):
    text = "The Kremlin said Russian missiles struck a military airfield near Odesa overnight."
    (strike,) = [e for e in rules.extract(text, "2026-03-10").events if e.kind == "strike"]
    assert "Kremlin" not in [loc.name for loc in strike.locations]
