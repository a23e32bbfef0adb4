"""Stances stated as rulings on what Ukraine may not do, refusals of troops on its soil,
its status with all its companions, and a quotation's inner sentences spoken by whoever
closes it (sentences written for these tests; expected values read from each sentence)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def read(stances):
    return lambda text: stances(text, date(2025, 6, 2))


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the frozen assets: "the money" once they are named, a verdict in quotation marks,
        # kept frozen until Russia pays
        ("Most of Russia's frozen central bank assets sit in Belgium. Belgium has opposed "
         "using the money for a loan to Kyiv.",
         {("BE", "frozen_assets"): "oppose_use"}),
        ('The Kremlin spokesman said any seizure of the frozen reserves would be "robbery".',
         {("RU", "frozen_assets"): "oppose_use"}),
        ("Zelensky said the Russian assets must remain frozen until Moscow pays "
         "compensation for the damage.",
         {("UA", "frozen_assets"): "keep_frozen_until_reparations"}),
        # sanctions by another name, or by pronoun right after they were named
        ("Moscow says the Western restrictions on its banks must be lifted before any deal.",
         {("RU", "sanctions"): "lifting_required"}),
        ("Sanctions were discussed as well. Russia expects them to be lifted under any "
         "agreement, Lavrov said.",
         {("RU", "sanctions"): "lifting_required"}),
        # a bare truce dismissed as time for the enemy to regroup: the settlement first
        ("Lavrov said a mere truce would only give Ukraine time to regroup.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        # guarantees to be ratified by parliaments are binding ones
        ("The Ukrainian president said the allies' guarantees should be ratified by their "
         "parliaments.",
         {("UA", "security_guarantees"): "binding_required"}),
        ("Ukrainian officials have said that security guarantees from the West are a must.",
         {("UA", "security_guarantees"): "binding_required"}),
        # restrictions on weapons lifted are a deed of another kind, no stance on sanctions
        ("The United States lifted restrictions on Ukraine's use of long-range missiles.", {}),
    ],
)
def test_issues_named_by_their_content(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "It demands ..." right after a plan was handed over: the plan's author's terms
        ("Kyiv sent Washington its own draft on Monday, the Ukrainian foreign ministry "
         "said. It calls for binding security guarantees for Ukraine.",
         {("UA", "security_guarantees"): "binding_required"}),
        # a plan fronting the sentence: its terms are its author's
        ("Under the US proposal, Ukraine would give up its NATO bid.",
         {("US", "nato_membership"): "veto"}),
        ("According to Russia's draft, Kyiv would have to withdraw from the Donetsk region.",
         {("RU", "territory"): "withdrawal_required"}),
        # reported third-hand: the one quoted speaks, not the outlet quoting
        ("TASS quoted the Kremlin spokesman as saying that Ukraine must withdraw from the "
         "Donetsk region.",
         {("RU", "territory"): "withdrawal_required"}),
        # an interviewer's premise is no party's statement
        ("The minister spoke to us on Monday.\nQ: Moscow wants sanctions lifted. Will that "
         "happen?\nA: We will see.",
         {}),
    ],
)
def test_whose_terms(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Ukrainian president said there can be no talk of elections while martial law "
         "is in force.",
         {("UA", "elections"): "no_elections_under_martial_law"}),
        ("The Polish foreign minister said sanctions on Russia must stay until it pays for "
         "the damage.",
         {("PL", "sanctions"): "maintain"}),
        ("The British prime minister said Britain is prepared to put British troops on the "
         "ground in Ukraine.",
         {("GB", "peacekeeping_force"): "support"}),
        ("The Kremlin said Russia is ready for a ceasefire but only after key issues are "
         "settled.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        ("Zelensky said Ukraine will not give away an inch of its land.",
         {("UA", "territory"): "no_recognition"}),
        ("Moscow's envoy to the UN insisted that NATO expansion must stop.",
         {("RU", "nato_membership"): "veto"}),
        # troops sent without a word of readiness are a deed, no stance
        ("Britain sent troops to Ukraine to train soldiers in 2015.", {}),
    ],
)
def test_conditions_and_refusals_worded_otherwise(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the alliance's expansion named first among the "root causes"
        ("The Russian president stressed that peace is only possible if the root causes are "
         "removed, above all NATO's expansion to the east.",
         {("RU", "nato_membership"): "veto"}),
        # the settlement a party asks for, and what it must guarantee
        ("Putin said Russia was ready for a truce only as part of a settlement that "
         "guaranteed Ukraine's neutral status.",
         {("RU", "neutrality"): "required", ("RU", "ceasefire_sequencing"): "talks_first"}),
        # foreign troops ruled out for a party named after the verdict
        ("Lavrov said Western peacekeepers are out of the question for Moscow.",
         {("RU", "peacekeeping_force"): "oppose"}),
        # regions declared Russian: a claim to keep them; a language spoken there is none
        ("The Kremlin said Donetsk and Luhansk are Russian territory.",
         {("RU", "territory"): "cede_occupied"}),
        ("The eastern regions are Russian-speaking, the historian said.", {}),
        # a freeze of the war itself refused; annexation to be recognised demanded
        ("Ukraine will not agree to any freeze of the conflict, its foreign minister said.",
         {("UA", "territory"): "oppose_freeze"}),
        ("The Kremlin is insisting that any deal recognise its annexation of four Ukrainian "
         "regions.",
         {("RU", "territory"): "cede_occupied"}),
        # "Ukraine's allies" are other parties than Ukraine
        ("Ukraine's allies have pledged to keep sanctions on Moscow.", {}),
        ("Ukraine's president wants a ceasefire first.",
         {("UA", "ceasefire_sequencing"): "ceasefire_first"}),
    ],
)
def test_settlement_terms_worded_otherwise(read, text, expected):
    assert read(text) == expected
