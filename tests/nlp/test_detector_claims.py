"""An event the learned detector adds carries the same claim reading as the rules': what a
party says of a capture or a strike is its claim.

Sentences are written for these tests; expected values come from reading them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_capture_a_party_claims_is_its_claim(extractor):
    text = (
        "Russian forces claimed to have taken the village of Zhuravka after crossing into "
        "Sumy Oblast."
    )
    captures = [
        e for e in extractor.extract(text, "2026-03-08").events if e.kind == "territorial_change"
    ]
    assert len(captures) == 1
    assert (captures[0].claimant.side, captures[0].status) == ("RU", "claimed")
