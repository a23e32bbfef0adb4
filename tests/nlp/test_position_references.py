"""Stances as news and interviews state them: a refusal that refers back to what the
sentence before named ("this is unacceptable", "Kyiv rejected it"), a stance given up ("no
longer willing"), a refusal by "no one can force", conditions on a refusal ("as long as Kyiv
refuses to ..."), a red line named before what it refuses, and whose stance a conjoined
clause is (sentences written for these tests; the expected values are read from each)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def read(stances):
    return lambda text: stances(text, date(2025, 9, 15))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "this" is the plan's term named in the sentence before: the speaker refuses it
        ("The draft calls for Ukraine to cede the rest of the Donetsk region. Zelensky said "
         "this was unacceptable.",
         {("UA", "territory"): "no_recognition"}),
        # "it": the refuser's stance, beside the proposer's own
        ("Washington proposed to freeze the fighting along the current front line. Moscow "
         "rejected it on Friday.",
         {("US", "territory"): "freeze_front_line", ("RU", "territory"): "oppose_freeze"}),
        # an interview's answer to a question put on the line before, no Q:/A: markers
        ("Lavrov spoke to reporters in Moscow.\n"
         "Question: Some European capitals want to send troops to Ukraine after a truce. "
         "How do you see that?\n"
         "Sergei Lavrov: We have said it many times. For Russia this would be absolutely "
         "unacceptable.",
         {("RU", "peacekeeping_force"): "oppose"}),
        # an acceptance denied is a refusal
        ("Reporters asked whether Kyiv could accept a freeze of the front line. Zelensky said "
         "Ukraine would never agree to that.",
         {("UA", "territory"): "oppose_freeze"}),
    ],
)
def test_a_refusal_that_refers_back_takes_the_stance_named_before(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # what "this" refers to is a deed, no stance phrase
        "Russian drones hit a hospital in Sumy overnight. Zelensky said this was unacceptable.",
        # a refusal denied states nothing
        "Trump said Ukraine should give up the Donbas. Zelensky did not reject it outright.",
    ],
)
def test_no_stance_is_referred_to(read, text):
    assert ("UA", "territory") not in read(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "no longer" gives the stance up
        ("Poland's foreign minister said Warsaw was no longer willing to support Ukraine's "
         "NATO membership.",
         {("PL", "nato_membership"): "veto"}),
        # "no one can force" refuses what would be forced
        ("Zelensky said no one could force Ukraine to give up its land.",
         {("UA", "territory"): "no_recognition"}),
        # a refusal inside "as long as": the condition's content is the main clause's demand
        ("Peskov said Russia was not ready for a truce as long as Kyiv refused to withdraw "
         "from the Donbas.",
         {("RU", "territory"): "withdrawal_required"}),
        # a red line named before what it refuses
        ("Sybiha said Kyiv's red line was the recognition of any occupied territory as "
         "Russian.",
         {("UA", "territory"): "no_recognition"}),
        # a clause conjoined with a subject of its own keeps the sayer, not the first
        # clause's subject
        ("Moscow says Zelensky is illegitimate and that any peace deal must be signed after "
         "new elections in Ukraine.",
         {("RU", "elections"): "required"}),
        # "according to" names a source: the capital after the comma is the party
        ("According to Reuters, Moscow has told Washington it wants all of Donbas.",
         {("RU", "territory"): "cede_occupied"}),
    ],
)
def test_negation_conditions_and_holders(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zelensky said Ukraine still wanted to join NATO.",
         {("UA", "nato_membership"): "support"}),
        ("The Kremlin does not want Ukraine to join NATO.",
         {("RU", "nato_membership"): "veto"}),
        ("The Russian side insists on the recognition of Crimea and the four regions as part "
         "of Russia.",
         {("RU", "crimea_status"): "recognize_russian", ("RU", "territory"): "cede_occupied"}),
        ("Putin wants Russia's sovereignty over Crimea recognised by Washington.",
         {("RU", "crimea_status"): "recognize_russian"}),
        # a second demand conjoined with "abandon" is no retraction of the first
        ("Putin demanded that Ukraine pull its forces out of the Donetsk and Luhansk regions "
         "and abandon its plans to join NATO.",
         {("RU", "territory"): "withdrawal_required", ("RU", "nato_membership"): "veto"}),
        ("Ushakov said Moscow would only accept a truce once Ukraine's army had left the "
         "Donetsk region.",
         {("RU", "territory"): "withdrawal_required"}),
    ],
)
def test_wordings_of_wanting_and_recognising(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party named inside a condition is the one asked: the stance is the conditioner's
        ("The Kremlin said Russia was open to a settlement, provided that the causes of the "
         "war are removed, including Kyiv's renunciation of its NATO ambitions and the "
         "recognition of the new territorial realities.",
         {("RU", "territory"): "cede_occupied", ("RU", "nato_membership"): "veto"}),
        ("Moscow would back a grain truce provided that restrictions on Russian fertiliser "
         "exports were lifted.",
         {("RU", "sanctions"): "lifting_required"}),
        # what a party says it would not do is its refusal
        ("Romania's president said Bucharest would not send soldiers to Ukraine.",
         {("RO", "peacekeeping_force"): "oppose"}),
        ("Kallas said Europe must not reward the aggressor by lifting sanctions before a "
         "truce.",
         {("EU", "sanctions"): "maintain"}),
        ("The Netherlands still refuses to let the frozen Russian assets be used for loans.",
         {("NL", "frozen_assets"): "oppose_use"}),
        ("Ushakov said some terms were fine but others, such as European troops, were "
         "unacceptable to Moscow.",
         {("RU", "peacekeeping_force"): "oppose"}),
    ],
)
def test_conditions_and_refusals_in_reported_speech(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stated position listed after its owner's "position:"
        ("Moscow's position has not changed: Kyiv must withdraw from the Donbas.",
         {("RU", "territory"): "withdrawal_required"}),
        # a phrase listed under a party's conditions needs no verb of its own
        ("Kyiv set out its conditions: security guarantees from its allies and no "
         "recognition of the occupied land.",
         {("UA", "security_guarantees"): "binding_required",
          ("UA", "territory"): "no_recognition"}),
        ("Moscow reiterated that it sees no place for Western troops in Ukraine.",
         {("RU", "peacekeeping_force"): "oppose"}),
        ("The US president said he would not allow Ukraine into NATO.",
         {("US", "nato_membership"): "veto"}),
        ("Kyiv says elections cannot take place while martial law is in force.",
         {("UA", "elections"): "no_elections_under_martial_law"}),
        ("Lavrov demanded international recognition of its annexation of Crimea.",
         {("RU", "crimea_status"): "recognize_russian"}),
        # the one to be forced is not the one who says it must not be
        ("Warsaw insists Kyiv must not be forced to give up territory.",
         {("PL", "territory"): "no_recognition"}),
    ],
)
def test_positions_lists_and_refusals(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deed verb inside a "provided that" condition is asked for, not done
        ("Lavrov said Moscow was ready to resume the grain deal, provided that restrictions "
         "on Russian food exports were lifted.",
         {("RU", "sanctions"): "lifting_required"}),
        # "without X doing Y, no Z": the speaker's condition, not X's stance
        ("Peskov said that without Ukrainian troops leaving the Donbas there could be no "
         "settlement.",
         {("RU", "territory"): "withdrawal_required"}),
        ("Lavrov said a lasting truce could only be the result of a comprehensive "
         "agreement.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
    ],
)
def test_conditions_without_a_subordinator(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every item a red line includes is refused
        ("Kyiv's red lines include any recognition of Russian sovereignty over occupied land "
         "and any limits on its armed forces.",
         {("UA", "territory"): "no_recognition", ("UA", "demilitarization"): "oppose"}),
        ("Moscow wants the four regions it annexed in 2022 recognised as Russian territory.",
         {("RU", "territory"): "cede_occupied"}),
        ("Putin also wants Ukraine barred from NATO.",
         {("RU", "nato_membership"): "veto"}),
        # what Ukraine must never do, wanted by Moscow, is Moscow's stance
        ("Moscow wants a promise that Ukraine will never join NATO.",
         {("RU", "nato_membership"): "veto"}),
    ],
)
def test_red_lines_and_wants(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan's terms are the author its participle names
        ("The framework presented by Kyiv would freeze the fighting along the current front "
         "line.",
         {("UA", "territory"): "freeze_front_line"}),
        ("The draft, written by Moscow, would require Ukraine to cut its army.",
         {("RU", "demilitarization"): "required"}),
    ],
)
def test_a_plan_named_with_its_author(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Western diplomats say Putin wants a neutral Ukraine.",
         {("RU", "neutrality"): "required"}),
        # refusing a truce without guarantees requires them
        ("Zelensky said Kyiv would not agree to a truce without security guarantees.",
         {("UA", "security_guarantees"): "binding_required"}),
        # a verdict of provocation refuses what it judges
        ("Zakharova said that Western troops in Ukraine would be a provocation.",
         {("RU", "peacekeeping_force"): "oppose"}),
    ],
)
def test_wants_and_verdicts(read, text, expected):
    assert read(text) == expected


def test_a_transcript_answer_running_over_paragraphs_stays_its_speakers(read):
    text = (
        "Sergei Lavrov answered questions after the talks.\n\n"
        "Question: Will there be a truce soon?\n\n"
        "Sergei Lavrov: We are working on it. The talks were useful.\n\n"
        "As for a lasting truce, it can only be the result of a comprehensive agreement."
    )
    assert read(text) == {("RU", "ceasefire_sequencing"): "talks_first"}


def test_a_question_paragraph_is_no_ones_stance(read):
    text = (
        "Sergei Lavrov answered questions after the talks.\n\n"
        "Sergei Lavrov: We are working on it.\n\n"
        "Question: Some say Kyiv must withdraw from the Donbas. Is that so?\n\n"
        "We will see."
    )
    assert ("RU", "territory") not in read(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zelensky said NATO membership remained the best security guarantee for Ukraine.",
         {("UA", "nato_membership"): "support"}),
        ("Rutte said Ukraine's path to NATO was irreversible.",
         {("NATO", "nato_membership"): "support"}),
    ],
)
def test_membership_endorsed_by_a_verdict(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a proposal refused: the refuser's refusal and the proposer's own term
        ("Zelensky rejected a US proposal to cede the rest of the Donetsk region.",
         {("UA", "territory"): "no_recognition", ("US", "territory"): "cede_occupied"}),
        # a demand owned by its author and dismissed by another
        ("Zelensky dismissed Russia's demand that Ukraine withdraw from the Donbas.",
         {("RU", "territory"): "withdrawal_required", ("UA", "territory"): "no_withdrawal"}),
        ("Kyiv rejected Moscow's call for Ukraine's neutrality.",
         {("RU", "neutrality"): "required", ("UA", "neutrality"): "oppose"}),
    ],
)
def test_a_proposal_refused_is_two_stances(read, text, expected):
    assert read(text) == expected


def test_own_troops_refused_for_a_force_named_before(read):
    text = (
        "European leaders discussed a multinational force for Ukraine after a ceasefire. "
        "Poland has said it will not contribute troops."
    )
    assert read(text) == {("PL", "peacekeeping_force"): "oppose"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # terms a truce must carry are conditions set on it; where the truce is is no party
        ("Lavrov said any ceasefire in Ukraine must be accompanied by a halt to Western arms "
         "supplies to Kyiv.",
         {("RU", "ceasefire_sequencing"): "conditions_first",
          ("RU", "other"): "end_foreign_military_support"}),
    ],
)
def test_conditions_carried_by_a_truce(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yermak said Kyiv would never accept Russian sovereignty over Crimea.",
         {("UA", "crimea_status"): "ukrainian"}),
        ("Polish Foreign Minister Radoslaw Sikorski said Russian troops must leave Ukraine.",
         {("PL", "territory"): "withdrawal_required"}),
    ],
)
def test_sovereignty_accepted_and_troops_leaving_the_country(read, text, expected):
    assert read(text) == expected


def test_neutrality_committed_to_on_demand(read):
    found = read("Medinsky said Moscow wanted Ukraine to commit to neutrality.")
    assert found == {("RU", "neutrality"): "required"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question told in the sentence, answered "no": the answerer refuses what it asks
        ('Asked whether Kyiv could give up the Donbas for peace, Zelensky said: "No. Never."',
         {("UA", "territory"): "no_recognition"}),
        ('Asked about a freeze of the front line in Ukraine, Lavrov replied, "Absolutely not."',
         {("RU", "territory"): "oppose_freeze"}),
        # the question asked in the sentence before
        ('Reporters asked whether Russia would accept European troops in Ukraine. Peskov '
         'said: "No."',
         {("RU", "peacekeeping_force"): "oppose"}),
    ],
)
def test_a_question_answered_no(read, text, expected):
    assert read(text) == expected


def test_said_no_before_a_noun_is_no_answer(read):
    found = read("Russia wants Ukraine to cede the Donbas. Zelensky said no agreement was near.")
    assert found == {("RU", "territory"): "cede_occupied"}
