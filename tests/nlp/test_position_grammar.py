"""The general grammar of a stance beyond the wordings already listed: who a transcript's
line or a plan noun's adjective speaks for, refusals by "forbid", lists of status
adjectives, troops named by their origin, root causes that name NATO, and commentary
that holds no party's stance (sentences written for these tests; the expected values are
read from each sentence)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def read(stances):
    return lambda text: stances(text, date(2025, 9, 15))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a transcript's line: every sentence of it is its labelled speaker's
        ("The Security Council met on Friday.\n"
         "Sergei Lavrov: Nobody should be under any illusions. I repeat: the complete "
         "withdrawal of Ukrainian units from the Kherson and Zaporozhye regions is a "
         "condition for any settlement.",
         {("RU", "territory"): "withdrawal_required"}),
        # a nationality adjective on a plan or demand noun names its owner
        ("The ministers went on with the review of the Russian proposals on legally "
         "binding security guarantees.",
         {("RU", "security_guarantees"): "binding_required"}),
        # forbidding what a phrase names refuses it
        ("Ukrainian lawmakers replied that the constitution forbids any government to "
         "cede territory.",
         {("UA", "territory"): "no_recognition"}),
        # a status named by a list of adjectives, one of them "-free"
        ("Moscow insists on Ukraine's neutral, non-aligned and nuclear-free status.",
         {("RU", "neutrality"): "required"}),
        # troops named by where they come from, refused
        ("The Kremlin rejects any European military contingent.",
         {("RU", "peacekeeping_force"): "oppose"}),
        ("Moscow would never agree to soldiers from NATO member states on Ukrainian soil.",
         {("RU", "peacekeeping_force"): "oppose"}),
        # root causes that name NATO in any form: a veto
        ("Moscow says any deal must deal with the root causes of the conflict, above all "
         "Ukraine's ambition to join NATO.",
         {("RU", "nato_membership"): "veto"}),
    ],
)
def test_stances_read_by_their_grammar(read, text, expected):
    assert read(text) == expected


def test_advocates_of_relief_are_commentary_not_the_side_offered_it(read):
    found = read(
        "Some voices in Berlin contend that offering Moscow sanctions relief would end "
        "the war sooner."
    )
    assert found == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a transcript run together on one line: the speech is its last label's
        ("Thank you, welcome. Prime Minister of Hungary Viktor Orban (retranslated): Thank "
         "you, Mr President. We must work together so that the sanctions on Russian grain "
         "are lifted.",
         {("HU", "sanctions"): "lifting_required"}),
        # a dateline is where the reporter is, not who speaks
        ("WARSAW — Polish Foreign Minister Radoslaw Sikorski told reporters on Monday that "
         "Kyiv's hope of a quick deal was naive and that NATO membership for Ukraine was "
         "not a realistic prospect this decade.",
         {("PL", "nato_membership"): "veto"}),
        # threatening sanctions as a condition
        ("The Canadian government said it was prepared to impose sanctions on Russian "
         "shipping firms if Moscow ignored the truce.",
         {("CA", "sanctions"): "increase"}),
    ],
)
def test_who_speaks_and_what_is_threatened(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a past counterfactual: a superseded plan's terms hold no one's stance now
        "The first American draft would have required Kyiv to cede the land it still "
        "holds in Donetsk.",
        # guarantees that a side will keep a deal are of compliance, not security
        "Moscow said it needed guarantees from Washington that Kyiv would respect the "
        "grain deal.",
    ],
)
def test_no_stance_from_counterfactuals_or_compliance_guarantees(read, text):
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condition set on a truce is a party's terms before it
        ("Lavrov said the first condition for a lasting truce would be an end to the "
         "mobilisation in Ukraine.",
         {("RU", "ceasefire_sequencing"): "conditions_first"}),
        # a demand made "as a condition" for a truce is a stance on what it demands
        ("Moscow has demanded that Kyiv pull out of Zaporizhzhia as a condition for any "
         "truce.",
         {("RU", "territory"): "withdrawal_required"}),
        # "the lifting of" sanctions, with words between
        ("The Kremlin insists on the lifting of all European sanctions before any deal.",
         {("RU", "sanctions"): "lifting_required"}),
        # one election, offered once a ceasefire holds
        ("Zelensky said Kyiv would organise a parliamentary election within six months "
         "after a truce is signed.",
         {("UA", "elections"): "after_ceasefire"}),
    ],
)
def test_conditions_lifting_and_elections(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deal refused for the terms its relative clause names: the terms refused
        ("Kyiv has ruled out any agreement that would require it to hand over Donetsk.",
         {("UA", "territory"): "no_recognition"}),
        ("The Ukrainian president said he would never sign a treaty that gives away "
         "Ukrainian land.",
         {("UA", "territory"): "no_recognition"}),
        # a truce refused as a pause to rearm: the settlement first
        ("The Kremlin turned down the truce, saying it would merely let Kyiv regroup.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        # a truce that must be unconditional
        ("Kyiv insists that the truce be completely unconditional.",
         {("UA", "ceasefire_sequencing"): "ceasefire_first"}),
        # a past-tense withdrawal made a condition
        ("Putin said Moscow would halt its offensive if Kyiv withdrew from the Zaporizhzhia "
         "region.",
         {("RU", "territory"): "withdrawal_required"}),
        # what another side is said to want keeps its party
        ("The US envoy said Russia wants the whole of the Donetsk region.",
         {("RU", "territory"): "cede_occupied"}),
        # a ruling that Ukraine will not get membership is its speaker's
        ("Hegseth said Ukraine would not receive NATO membership.",
         {("US", "nato_membership"): "veto"}),
        ("Poland's president said Ukraine's future lies in NATO.",
         {("PL", "nato_membership"): "support"}),
        ('"Crimea is Russian," the Kremlin spokesman told reporters on Monday.',
         {("RU", "crimea_status"): "recognize_russian"}),
        ("Ukraine's defence minister said Kyiv would reject any reduction of its armed "
         "forces.",
         {("UA", "demilitarization"): "oppose"}),
        ("Ukraine would accept nothing less than guarantees modelled on NATO's Article 5, "
         "its foreign minister said.",
         {("UA", "security_guarantees"): "binding_required"}),
        ("Zelensky said Russia must return the abducted children before any summit.",
         {("UA", "prisoners"): "return_children"}),
    ],
)
def test_refused_deals_truces_and_rulings(read, text, expected):
    assert read(text) == expected


def test_children_returned_are_a_deed(read):
    assert read("Ukraine said on Friday that 12 deported children were returned home.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "until" taken for a preposition still makes its object a condition
        ("Moscow will not drop its demands until Kyiv withdraws from Kherson, according to "
         "the Kremlin.",
         {("RU", "territory"): "withdrawal_required"}),
        # troops declared a threat without "as"
        ("The Kremlin said it would consider a European stabilisation force in Ukraine a "
         "direct threat.",
         {("RU", "peacekeeping_force"): "oppose"}),
        # elections offered once the war is over
        ("Ukraine's president says he is ready to hold elections once the war ends.",
         {("UA", "elections"): "after_ceasefire"}),
        # "no truce until the root causes ...": the "no" is the stance's own
        ('"There will be no truce until the root causes of the conflict are removed," the '
         "Russian foreign minister said.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
    ],
)
def test_conditions_parsed_loosely_and_verdicts_without_as(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin rejects any truce that does not take into account Russia's interests.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        ("Moscow has ruled out a truce before a comprehensive settlement is signed.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        ("For Ukraine, recognising Russian sovereignty over the occupied regions is out of "
         "the question.",
         {("UA", "territory"): "no_recognition"}),
        ("Ukraine's foreign ministry said NATO membership remained Kyiv's strategic "
         "objective.",
         {("UA", "nato_membership"): "support"}),
        # a verdict that makes a bare phrase a demand
        ("The Kremlin said Ukraine's neutrality was absolutely non-negotiable.",
         {("RU", "neutrality"): "required"}),
        ("Moscow said the lifting of sanctions on its banks was a precondition for the sea "
         "truce.",
         {("RU", "sanctions"): "lifting_required",
          ("RU", "ceasefire_sequencing"): "conditions_first"}),
    ],
)
def test_truces_refused_for_their_causes_and_verdicts_that_demand(read, text, expected):
    assert read(text) == expected


def test_a_concession_is_no_condition_and_no_stance(read):
    assert read("Even if Ukraine agreed to surrender Kherson, Moscow would ask for more.") == {}
    found = read("Kyiv will never cede Zaporizhzhia even if the fighting goes on for years.")
    assert found == {("UA", "territory"): "no_recognition"}


def test_criticising_a_plan_refuses_its_terms(read):
    # a criticised plan's terms are not the critic's stance
    assert read("Peskov criticised the Ukrainian plan for an unconditional truce.") == {}
    # the demand denounced is still its author's stance
    found = read("Kyiv denounced Russian demands that it cede the Kherson region.")
    assert found == {("UA", "territory"): "no_recognition", ("RU", "territory"): "cede_occupied"}


def test_the_owner_of_sanctions_imposed_them_and_their_judge_holds_the_stance(read):
    assert read("Moscow condemned Britain's latest sanctions as unlawful.") == {
        ("RU", "sanctions"): "oppose"
    }
    assert read("Slovakia opposes the EU's new sanctions on Russian oil.") == {
        ("SK", "sanctions"): "oppose"
    }
