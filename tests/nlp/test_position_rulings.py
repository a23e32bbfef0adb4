"""Stances stated as rulings on what Ukraine may not do, refusals of troops on its soil,
its status with all its companions, and a quotation's inner sentences spoken by whoever
closes it (sentences written for these tests; expected values read from each sentence)."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.nlp.positions import extract_positions


@pytest.fixture(scope="module")
def read(extractor):
    def _read(text: str):
        ctx = extractor.context(extractor.nlp(text), date(2025, 6, 2))
        return {(p.party.side, p.issue): p.stance for p in extract_positions(ctx)}

    return _read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ruling on Ukraine's membership is the stance of whoever states it
        ("The Kremlin spokesman said Ukraine cannot be allowed to join NATO in any "
         "settlement.",
         {("RU", "nato_membership"): "veto"}),
        # a pronoun speaker repeating it speaks for the person named before
        ("Sergei Lavrov spoke in Moscow on Tuesday. He repeated that Kyiv must not join "
         "NATO.",
         {("RU", "nato_membership"): "veto"}),
        # the inner sentence of a quotation belongs to whoever closes it
        ('Vladimir Putin spoke after the talks. "Kyiv must pull its troops out of the '
         'Donetsk region. Ukraine must not be in NATO. That is our position," he said.',
         {("RU", "territory"): "withdrawal_required", ("RU", "nato_membership"): "veto"}),
        # refusing other countries' troops on Ukrainian territory
        ("The Russian foreign minister said Moscow will not accept the stationing of "
         "soldiers from European countries on Ukrainian territory.",
         {("RU", "peacekeeping_force"): "oppose"}),
        # the status named with all its companions, and renouncing the alliance
        ("Lavrov said Ukraine's neutral, non-bloc and non-nuclear status and its "
         "renunciation of NATO membership are key conditions for peace.",
         {("RU", "neutrality"): "required", ("RU", "nato_membership"): "veto"}),
    ],
)
def test_rulings_and_refusals(read, text, expected):
    assert read(text) == expected
