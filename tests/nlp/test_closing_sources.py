"""A source named at the end of a long sentence (", the head of the regional military
administration, Oleh Kiper, said on Thursday.") is the claimant, on the side of the place
its office governs, not of the country that attacked.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_closing_official_with_his_title_claims_for_the_region_he_governs(extractor):
    text = (
        "Russia attacked the Mykolaiv region with drones and a missile overnight, damaging "
        "port infrastructure and killing one person in the regional centre, the head of the "
        "regional military administration, Vitaliy Kim, said on Thursday."
    )
    strikes = [e for e in extractor.extract(text, "2026-03-12").events if e.kind == "strike"]
    assert len(strikes) == 1
    assert (strikes[0].claimant.side, strikes[0].status) == ("UA", "claimed")
