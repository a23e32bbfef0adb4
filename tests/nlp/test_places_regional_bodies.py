"""A regional body ("the Sumy regional military administration") names the oblast it
governs: "the region" after it is that oblast, and the body's city name is no place where
anything happened.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

TEXT = (
    "A guided bomb struck a house in Bilopillia on Sunday, killing a man, the Sumy regional "
    "military administration said.\n"
    "Over the past day, Russian forces carried out 120 attacks on 40 settlements of the "
    "region, according to the administration."
)


def test_the_region_after_a_regional_body_is_its_oblast(extractor):
    strikes = [e for e in extractor.extract(TEXT, "2026-03-09").events if e.kind == "strike"]
    places = [[(loc.name, loc.precision) for loc in e.locations] for e in strikes]
    assert [("Sumy Oblast", "admin1")] in places


def test_the_body_is_not_where_the_bomb_fell(extractor):
    strikes = [e for e in extractor.extract(TEXT, "2026-03-09").events if e.kind == "strike"]
    first = next(e for e in strikes if "Bilopillia" in e.evidence[0].text)
    assert [loc.name for loc in first.locations] == ["Bilopillia"]
