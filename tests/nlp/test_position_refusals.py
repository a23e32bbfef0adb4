"""Stances refused, denied, made conditions of, or said of another war (sentences written
for these tests; the expected values are read from each sentence)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def read(stances):
    return lambda text: stances(text, date(2025, 4, 22))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusing verb turns the phrase into its opposite
        ("Kyiv rejected a freeze along the current front line, the foreign minister said.",
         {("UA", "territory"): "oppose_freeze"}),
        ("Zelenskyy has ruled out recognising Crimea as Russian.",
         {("UA", "crimea_status"): "ukrainian"}),
        ("The Kremlin rejected an unconditional ceasefire, saying the root causes must be "
         "addressed first.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        ("We are categorically opposed to Ukraine joining NATO, Putin said.",
         {("RU", "nato_membership"): "veto"}),
        # a negated verb of accepting or backing refuses
        ("Hungary said it would not back further sanctions on Russian energy.",
         {("HU", "sanctions"): "oppose"}),
        ("Zelensky said Ukraine would never accept a deal that forces it to give up territory.",
         {("UA", "territory"): "no_recognition"}),
        ("Russia said it would not accept any security guarantees that involve NATO troops.",
         {("RU", "security_guarantees"): "oppose"}),
        ("Ukraine's foreign minister said Kyiv would not agree to any cap on the size of its "
         "army.",
         {("UA", "demilitarization"): "oppose"}),
        # declared unacceptable: the party named after the verdict refuses it
        ("The Kremlin said Ukraine's membership of NATO is a red line for Russia.",
         {("RU", "nato_membership"): "veto"}),
        ("A Ukrainian diplomat said NATO membership for Ukraine was unacceptable to Moscow.",
         {("RU", "nato_membership"): "veto"}),
        # waved off as premature: the speaker keeps the sanctions
        ("The German chancellor said now is not the time for premature sanctions relief "
         "for Russia.",
         {("DE", "sanctions"): "maintain"}),
    ],
)  # fmt: skip
def test_a_refused_stance_phrase_is_the_opposite_stance(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russia has not agreed to the ceasefire.",
        "Washington did not lift any sanctions on Russia, the Treasury said.",
        "The European Union imposed new sanctions on Russian banks on Friday.",
        "The two sides agreed to swap 300 prisoners of war each.",
        "Putin accused the West of seeking more sanctions against Russia.",
        "Sergei Lavrov said Russia's position on Ukraine's neutrality has not changed.",
    ],
)
def test_denied_deeds_and_imputed_wishes_state_no_stance(read, text):
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the content of a condition is demanded whatever its main clause says
        ("Ukraine will not agree to a ceasefire unless Russia withdraws its troops.",
         {("UA", "territory"): "withdrawal_required"}),
        ("Lavrov said Moscow would only accept a truce if Western arms deliveries stopped.",
         {("RU", "other"): "end_foreign_military_support"}),
        # a plan's terms are its author's position, named by a possessive
        ("Russia's draft memorandum calls on Ukraine to withdraw its troops from the "
         "Donetsk region.",
         {("RU", "territory"): "withdrawal_required"}),
        ("Ukraine's proposal begins with a full and unconditional ceasefire.",
         {("UA", "ceasefire_sequencing"): "ceasefire_first"}),
        ("The U.S. plan would require Ukraine to cede the rest of the Donetsk region.",
         {("US", "territory"): "cede_occupied"}),
        # what a party says it would do is its own stance
        ("Britain and France have said they would send troops to Ukraine to secure any "
         "peace deal.",
         {("GB", "peacekeeping_force"): "support"}),
        ("Zelensky said he would not hold elections while martial law remains in force.",
         {("UA", "elections"): "no_elections_under_martial_law"}),
        # an exchange offered is a stance; one carried out or agreed is a deed
        ("Ukraine proposed an exchange of all prisoners for all.",
         {("UA", "prisoners"): "exchange"}),
    ],
)  # fmt: skip
def test_conditions_plans_and_offers(read, text, expected):
    assert read(text) == expected


def test_a_conjoined_verb_keeps_its_own_polarity(read):
    found = read(
        "Putin said Russia was not against Ukraine joining the European Union but opposed "
        "its membership in NATO."
    )
    assert found == {("RU", "nato_membership"): "veto"}


@pytest.mark.parametrize(
    "text",
    [
        "North Korea demanded sanctions relief from Washington.",
        "The Taliban urged the withdrawal of all foreign forces from Afghanistan.",
        "It is a wake-up call for all of us in the education sector, the professor said.",
    ],
)
def test_stances_of_other_conflicts_are_not_this_wars(read, text):
    assert read(text) == {}
