"""Positions read from short synthetic sentences (expected values by reading them)."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.nlp.positions import extract_positions


@pytest.fixture(scope="module")
def read(extractor):
    def _read(text: str, published: date | None = date(2025, 4, 22)):
        ctx = extractor.context(extractor.nlp(text), published)
        return {(p.party.side, p.issue): p.stance for p in extract_positions(ctx)}

    return _read


def test_the_demanding_side_owns_the_demand_not_the_side_asked(read):
    found = read("Moscow keeps insisting that Kyiv give up the southern regions.")
    assert found == {("RU", "territory"): "cede_occupied"}


def test_a_quoted_person_speaks_for_their_side(read):
    found = read(
        "“An unconditional 30-day interim ceasefire is the first crucial step,” "
        "Zelenskyy wrote on Wednesday."
    )
    assert found == {("UA", "ceasefire_sequencing"): "ceasefire_first"}


def test_ceasefire_without_conditions(read):
    found = read("David Lammy said that now is the time for a ceasefire with no conditions.")
    assert found == {("GB", "ceasefire_sequencing"): "no_preconditions"}


def test_contents_of_a_reported_plan_belong_to_its_author(read):
    found = read(
        "Washington has circulated a draft peace plan. The plan reportedly foresees "
        "recognising Crimea as part of Russia and a ban on Ukraine joining NATO."
    )
    assert found[("US", "crimea_status")] == "recognize_russian"
    assert found[("US", "nato_membership")] == "veto"


def test_opposition_names_the_party_after_the_phrase(read):
    found = read("Robust Western guarantees would be unacceptable to the Kremlin.")
    assert found == {("RU", "security_guarantees"): "oppose"}


def test_a_restated_stance_is_one_position_with_more_evidence(extractor):
    text = (
        "Russia demands that Ukraine cede the Donbas region. "
        "Moscow again insisted that Kyiv must surrender its territory."
    )
    ctx = extractor.context(extractor.nlp(text), None)
    positions = extract_positions(ctx)
    assert len(positions) == 1
    assert len(positions[0].evidence) == 2


def test_a_mention_without_a_stance_is_not_a_position(read):
    assert read("Much will hinge on how credible the security guarantees turn out to be.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv says a ceasefire must come first, before any talks on territory.",
         {("UA", "ceasefire_sequencing"): "ceasefire_first"}),
        ("The French president said a truce is the necessary first step.",
         {("FR", "ceasefire_sequencing"): "ceasefire_first"}),
        ("Ukraine wants talks only after a full ceasefire.",
         {("UA", "ceasefire_sequencing"): "ceasefire_first"}),
        ("Moscow said there will be no truce until a settlement is reached.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        ("Britain wants a truce without preconditions.",
         {("GB", "ceasefire_sequencing"): "no_preconditions"}),
        ("Zelenskyy insisted on firm security guarantees from Western allies.",
         {("UA", "security_guarantees"): "binding_required"}),
        ("Moscow rejects any security guarantees involving NATO troops.",
         {("RU", "security_guarantees"): "oppose"}),
        ("Guarantees of that kind are a non-starter for Russia, Lavrov said.",
         {("RU", "security_guarantees"): "oppose"}),
    ],
)  # fmt: skip
def test_stance_constructions_in_several_phrasings(read, text, expected):
    found = read(text)
    for key, stance in expected.items():
        assert found.get(key) == stance, found


def test_what_another_party_could_do_is_the_speakers_demand(read):
    found = read("A U.S. senator said Putin is the one who can end it by withdrawing his troops.")
    assert ("RU", "territory") not in found
    assert found.get(("US", "territory")) == "withdrawal_required"


def test_refusing_other_countries_troops_on_ukrainian_soil_is_opposing_a_force(read):
    found = read("The Kremlin said it would never accept soldiers of any NATO state in Ukraine.")
    assert found.get(("RU", "peacekeeping_force")) == "oppose"


def test_the_need_for_a_neutral_status_is_a_demand_for_neutrality(read):
    found = read("Lavrov repeated the need for Ukraine's neutral and non-aligned status.")
    assert found.get(("RU", "neutrality")) == "required"
    assert read("In 2014 Ukraine gave up its non-aligned status.") == {}


def test_a_swap_reported_as_done_is_a_deed_not_a_stance(read):
    done = read("Russia and Ukraine swapped 84 prisoners on Tuesday, the Ukrainian ombudsman said.")
    assert ("UA", "prisoners") not in done and ("RU", "prisoners") not in done
    offered = read("Zelensky said Ukraine was ready to swap all prisoners for all.")
    assert offered.get(("UA", "prisoners")) == "exchange"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusal to recognise keeps the claim: not the demand to recognise it
        ("The foreign minister said Kyiv would never recognise the occupied regions as Russian.",
         {("UA", "territory"): "no_recognition"}),
        ("Zelenskyy said Ukraine will never recognise Crimea as Russian.",
         {("UA", "crimea_status"): "ukrainian"}),
        ("The Kremlin wants its annexation of Crimea recognised in any final settlement.",
         {("RU", "crimea_status"): "recognize_russian"}),
        # a bid not given up, a bid opposed, a bid demanded away
        ("Ukraine has not abandoned its bid to join NATO, its foreign minister said.",
         {("UA", "nato_membership"): "support"}),
        ("Moscow opposes Ukraine's bid to join NATO.",
         {("RU", "nato_membership"): "veto"}),
        ("Russia demands that Ukraine abandon its bid to join NATO.",
         {("RU", "nato_membership"): "veto"}),
        ("Putin said a neutral Ukraine outside the alliance is not negotiable.",
         {("RU", "nato_membership"): "veto"}),
        ("Zelenskyy renewed his call for an invitation to join NATO.",
         {("UA", "nato_membership"): "support"}),
        # resisting a use is opposing it; opposing new sanctions is no call for more
        ("Belgium has resisted using the frozen Russian assets to fund a loan to Kyiv.",
         {("BE", "frozen_assets"): "oppose_use"}),
        ("Hungary opposes new sanctions on Russian gas.",
         {("HU", "sanctions"): "oppose"}),
        ("Peskov said a ceasefire would be possible once the key terms had been agreed.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
    ],
)  # fmt: skip
def test_refusals_and_oppositions_keep_their_direction(read, text, expected):
    found = read(text)
    for key, stance in expected.items():
        assert found.get(key) == stance, found


def test_the_party_asked_to_give_up_a_bid_does_not_hold_it(read):
    found = read("Russia demands that Ukraine abandon its bid to join NATO.")
    assert ("UA", "nato_membership") not in found
