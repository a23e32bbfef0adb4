"""Whose stance a sentence states, and stances that are no one's (sentences written for
these tests; the expected values are read from each sentence)."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.nlp.positions import extract_positions


@pytest.fixture(scope="module")
def read(extractor):
    def _read(text: str):
        ctx = extractor.context(extractor.nlp(text), date(2025, 7, 8))
        return {(p.party.side, p.issue): p.stance for p in extract_positions(ctx)}

    return _read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one asked or offered is not the one asking
        ("In a phone call, the French president called for the Belarusian leader to demand "
         "the withdrawal of Russian troops from Ukraine.",
         {("FR", "territory"): "withdrawal_required"}),
        ("The Kiev authorities were offered a chance to withdraw their troops from Donbass, "
         "Putin said.",
         {("RU", "territory"): "withdrawal_required"}),
        # "our" is the speaker's
        ("In our view, the responses to our proposals on security guarantees do not meet "
         "Russia's requirements, Lavrov said.",
         {("RU", "security_guarantees"): "binding_required"}),
        # a phrase listed under a party's demands is that party's
        ("Putin said Washington had not responded to Russia's key demands: preventing NATO "
         "expansion and keeping weapons away from its borders.",
         {("RU", "nato_membership"): "veto"}),
        # the subject of a refusal states its own stance
        ("Zelensky said Ukraine will never recognise Russian control over occupied land, "
         "including Crimea.",
         {("UA", "crimea_status"): "ukrainian", ("UA", "territory"): "no_recognition"}),
    ],
)  # fmt: skip
def test_the_party_is_who_states_the_stance(read, text, expected):
    assert read(text) == expected


def test_a_plans_terms_are_its_authors(read):
    found = read(
        "Kyiv handed Washington a revised peace framework on Wednesday that would freeze "
        "the fighting along the current front line and station a European reassurance "
        "force west of the Dnipro, officials said."
    )
    assert found == {
        ("UA", "territory"): "freeze_front_line",
        ("UA", "peacekeeping_force"): "support",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin said the presence of troops from any NATO country in Ukraine was "
         '"absolutely unacceptable".',
         {("RU", "peacekeeping_force"): "oppose"}),
        ("Putin said Ukraine joining NATO is a direct threat to Russia's security.",
         {("RU", "nato_membership"): "veto"}),
        ("Russia would insist on Ukraine's neutrality being written into any treaty.",
         {("RU", "neutrality"): "required"}),
        ("Kyiv's position is clear: first a full ceasefire, then talks about everything "
         "else, Zelensky said.",
         {("UA", "ceasefire_sequencing"): "ceasefire_first"}),
        ("Lavrov insisted that any pause must come after, not before, a broader agreement.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        ("Peskov said a truce could only be considered once the root causes of the "
         "conflict were addressed.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        ("Moscow said it would sign the Black Sea deal only after Western sanctions on its "
         "farm exports are lifted.",
         {("RU", "sanctions"): "ease"}),
    ],
)  # fmt: skip
def test_more_wordings_of_demands_and_refusals(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a refused truce is an event (ceasefire accepted, negated), not a sequencing stance
        "Russia did not agree to the unconditional ceasefire that Kyiv has been pressing "
        "for, he said.",
        # the root causes named, no order of truce and talks
        "Putin said the Russian side was committed to eliminating the root causes of the "
        "conflict.",
        # an analyst's prediction is no party's stance
        "An analyst, Charles Hecker, says some Western companies will quickly return to "
        "Russia if sanctions are lifted.",
        # sanctions on another country
        "Ankara wants Washington to veto any sanctions legislation against Turkey.",
    ],
)
def test_no_partys_stance(read, text):
    assert read(text) == {}
