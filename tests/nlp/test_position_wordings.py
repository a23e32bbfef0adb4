"""More of the ways news words a stance: passives, truces only inside a settlement, land
to be "taken into account", forecasts said of another side, verdicts on the assets
(sentences written for these tests; the expected values are read from each sentence)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def read(stances):
    return lambda text: stances(text, date(2025, 6, 2))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the land held, to be taken into account or made a condition
        ("The Kremlin said any settlement in Ukraine has to reflect the realities on the "
         "ground.",
         {("RU", "territory"): "cede_occupied"}),
        ("Moscow will sign a peace treaty with Kyiv only if the new territorial realities are "
         "accepted, Lavrov said.",
         {("RU", "territory"): "cede_occupied"}),
        # refusing to give up Crimea
        ("The Ukrainian president said Kyiv would never trade Crimea for peace.",
         {("UA", "crimea_status"): "ukrainian"}),
        # the alliance's expansion to be halted, told in the passive
        ("Putin said NATO's eastward expansion must be stopped before Russia signs anything "
         "with Ukraine.",
         {("RU", "nato_membership"): "veto"}),
        # a forecast about Ukraine is the stance of whoever says it
        ('"Kyiv will never become a member of NATO," Russian Deputy Foreign Minister '
         "Sergei Ryabkov said.",
         {("RU", "nato_membership"): "veto"}),
        # a truce only inside a settlement, or only possible after one
        ("Russia is ready for a truce in Ukraine only as part of a broader agreement, Peskov "
         "said.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        ("The Kremlin said a ceasefire in Ukraine would only be possible after a final "
         "settlement.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        # a truce before talks
        ("Britain said a ceasefire in Ukraine has to take effect before any negotiations.",
         {("GB", "ceasefire_sequencing"): "ceasefire_first"}),
        # foreign troops declared targets
        ("Moscow would regard European soldiers sent to Ukraine as legitimate military "
         "targets, the Russian foreign ministry said.",
         {("RU", "peacekeeping_force"): "oppose"}),
        # elections asked of Ukraine, or put off until the war ends
        ("Russian officials said Kyiv has to hold new presidential elections before a peace "
         "treaty can be signed.",
         {("RU", "elections"): "required"}),
        ("Zelensky said Ukraine would only hold elections once martial law is lifted.",
         {("UA", "elections"): "no_elections_under_martial_law"}),
        # the frozen assets: to be used (passive), or their use called theft
        ("Ukraine's prime minister said the frozen Russian reserves should be used to rebuild "
         "Ukrainian cities.",
         {("UA", "frozen_assets"): "use_for_ukraine"}),
        ("The Kremlin has described the seizure of Russian assets in Europe as theft.",
         {("RU", "frozen_assets"): "oppose_use"}),
        # a truce pushed for, or bound to the root causes first
        ("Kyiv and its allies pressed for a full, immediate ceasefire on Thursday.",
         {("UA", "ceasefire_sequencing"): "ceasefire_first"}),
        ("Peskov said any truce in Ukraine would have to address the root causes of the war.",
         {("RU", "ceasefire_sequencing"): "talks_first"}),
        # the alliance not to expand; not recognising an occupation
        ("Moscow wants written assurances that NATO will never expand further east.",
         {("RU", "nato_membership"): "veto"}),
        ("Zelensky said Kyiv would never recognise Russia's occupation of its southern land.",
         {("UA", "territory"): "no_recognition"}),
        # regions declared part of Russia; the army capped at a number
        ("Lavrov said the Kherson and Zaporizhzhia regions are now an integral part of Russia.",
         {("RU", "territory"): "cede_occupied"}),
        ("Moscow has demanded that Ukraine's armed forces be capped at 80,000 soldiers.",
         {("RU", "demilitarization"): "required"}),
        # sanctions threatened in harsher words; the assets wanted back; a swap of a number
        ("The U.S. president threatened Moscow with crippling sanctions if it rejects a truce.",
         {("US", "sanctions"): "increase"}),
        ("The Kremlin is seeking the release of Russia's frozen reserves under any deal.",
         {("RU", "frozen_assets"): "oppose_use"}),
        ("Ukraine proposed an exchange of 1,200 prisoners from each side, Zelensky said.",
         {("UA", "prisoners"): "exchange"}),
        # new elections to be held, near a word of Ukraine
        ("Russian officials said new elections had to be held before Moscow signs anything "
         "with Kyiv.",
         {("RU", "elections"): "required"}),
        # a demand that the other side pull out of regions is a withdrawal required
        ("Putin demanded that Kyiv withdraw its troops from the Zaporizhzhia region.",
         {("RU", "territory"): "withdrawal_required"}),
        # troops to leave regions; arms deliveries to be halted (passive)
        ("The Kremlin insists that Ukrainian forces vacate the Kherson region first.",
         {("RU", "territory"): "withdrawal_required"}),
        ("Moscow said a truce could only begin once Western weapons shipments to Kyiv are "
         "stopped.",
         {("RU", "other"): "end_foreign_military_support"}),
        # a refusal that names the land after a longer phrase; giving it up in the past tense
        ('"We will never recognise a single village of our land as Russian," Zelensky said.',
         {("UA", "territory"): "no_recognition"}),
        ("Putin said the war would end only if Kyiv gave up the Donbas.",
         {("RU", "territory"): "cede_occupied"}),
        # a peacekeeping mission refused
        ("Moscow would not agree to any peacekeeping mission in Ukraine, its UN envoy said.",
         {("RU", "peacekeeping_force"): "oppose"}),
        # territorial concessions refused; the army to be reduced
        ("Zelensky again ruled out territorial concessions to Russia.",
         {("UA", "territory"): "no_recognition"}),
        ("Russia wants to reduce the size of Ukraine's army after the war, Lavrov said.",
         {("RU", "demilitarization"): "required"}),
        # the regions themselves wanted; a Ukraine outside the alliance
        ("Moscow wants all of the Donetsk region and a Ukraine outside NATO, Peskov said.",
         {("RU", "territory"): "cede_occupied", ("RU", "nato_membership"): "veto"}),
        # "no" before the phrase refuses it
        ("Zelensky said there could be no recognition of occupied land as Russian.",
         {("UA", "territory"): "no_recognition"}),
        # a verdict whose holder is named before it
        ("For Moscow, any Western military presence in Ukraine is a red line.",
         {("RU", "peacekeeping_force"): "oppose"}),
        # Russian control of Crimea recognised
        ("The U.S. plan proposed recognising Russian control of Crimea.",
         {("US", "crimea_status"): "recognize_russian"}),
        # Ukraine's neutral status as the object of a demand; "guaranteed" is no guarantee
        ("Lavrov said Moscow insists on Ukraine's neutral status under any settlement.",
         {("RU", "neutrality"): "required"}),
        ("Putin wants a comprehensive settlement that guaranteed Ukraine's neutral status.",
         {("RU", "neutrality"): "required"}),
        # a list of regions to be recognised as Russian; a claim to them to be dropped
        ("The Kremlin says any deal must recognise Crimea, Donetsk and Luhansk as Russian.",
         {("RU", "territory"): "cede_occupied", ("RU", "crimea_status"): "recognize_russian"}),
        ("Peskov said Kyiv must drop its claim to the Zaporizhzhia and Kherson regions.",
         {("RU", "territory"): "cede_occupied"}),
        # a demand listed under its owner's conditions is the owner's
        ("Moscow's conditions include Ukraine's withdrawal from the Donbas, Lavrov said.",
         {("RU", "territory"): "withdrawal_required"}),
        # to be neutral, or never neutral
        ("Russia wants Ukraine to remain neutral after the war.",
         {("RU", "neutrality"): "required"}),
        ('"Ukraine will never be a neutral state," Zelensky told lawmakers.',
         {("UA", "neutrality"): "oppose"}),
        # guarantees withheld, or a deal without them held worthless
        ("Washington will not extend security guarantees to Kyiv, the Pentagon chief said.",
         {("US", "security_guarantees"): "oppose"}),
        ("Zelensky said a truce without security guarantees would only let Russia rearm.",
         {("UA", "security_guarantees"): "binding_required"}),
        # the old borders judged unrealistic
        ("The U.S. defence secretary said restoring Ukraine's 1991 borders was unrealistic.",
         {("US", "territory"): "no_withdrawal"}),
    ],
)  # fmt: skip
def test_a_stance_worded_another_way_is_still_read(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the same phrases with no stance word: a description, no one's position
        "The realities on the ground have changed little since the spring, the report said.",
        "Frozen Russian assets worth 200 billion euros are held at a Brussels depository.",
    ],
)
def test_the_same_phrases_without_a_stance_state_nothing(read, text):
    assert read(text) == {}


def test_a_title_speaks_for_the_side_of_the_person_named_with_it(read):
    found = read(
        "Ukraine's Foreign Minister Andrii Sybiha met his counterparts in Brussels on Tuesday. "
        '"We will never recognise the occupied regions as Russian," the minister said.'
    )
    assert found == {("UA", "territory"): "no_recognition"}


@pytest.mark.parametrize(
    "text",
    [
        # a topic raised, an indirect question, a forecast: no one's stance
        "The question of sanctions relief for Russia was not raised at the meeting.",
        "It is unclear whether Moscow would accept European peacekeepers in Ukraine.",
        "Russia is likely to demand that Ukraine withdraw from the rest of Donetsk.",
        # commentary: analysts' and critics' views are no party's
        "Some analysts believe Russia would accept a freeze of the front line if sanctions "
        "were eased.",
        # another war's truce or withdrawal, even when a party to this one asks for it
        "Russia and China called for an immediate ceasefire in Gaza at the Security Council.",
        # the askers name no party, and the party asked holds no stance
        "Critics argue that the West should stop demanding that Kyiv give up land.",
        "In his column, a former ambassador argues that Kyiv must accept a truce along the "
        "front line.",
    ],
)
def test_questions_forecasts_and_topics_are_no_stance(read, text):
    assert read(text) == {}


def test_something_seen_as_a_condition_is_demanded(read):
    found = read("Lavrov said Moscow regards Ukraine's neutrality as a key condition for peace.")
    assert found == {("RU", "neutrality"): "required"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wanted, required or made a condition: lifting required
        ("Moscow wants Western sanctions on its banks lifted as part of any settlement.",
         {("RU", "sanctions"): "lifting_required"}),
        ("Russia said a Black Sea truce would take effect only after sanctions on its "
         "farm exports are removed.",
         {("RU", "sanctions"): "lifting_required"}),
        # offered: eased
        ("Washington said it was ready to ease sanctions on Russia after a peace deal.",
         {("US", "sanctions"): "ease"}),
    ],
)  # fmt: skip
def test_sanctions_relief_demanded_is_lifting_required_and_offered_is_easing(
    read, text, expected
):
    assert read(text) == expected


def test_a_verb_the_tagger_takes_for_a_noun_still_leaves_the_demand_with_the_asker(read):
    found = read("Russia demands that Ukraine hand over the parts of Donetsk it still holds.")
    assert found == {("RU", "territory"): "cede_occupied"}


def test_he_is_the_last_person_named_as_a_subject_not_the_last_person_named(read):
    found = read(
        "Zelensky said Kyiv was ready to meet Putin in person. He said he would never give up "
        "Ukrainian land."
    )
    assert found == {("UA", "territory"): "no_recognition"}


def test_an_unattributed_quotation_is_the_person_named_just_before(read):
    found = read(
        "Kremlin spokesman Dmitry Peskov was asked about the European plan.\n"
        '"Our position is well known: NATO troops in Ukraine are unacceptable."'
    )
    assert found == {("RU", "peacekeeping_force"): "oppose"}


def test_an_interview_answer_is_the_interviewee(read):
    found = read(
        "Ukraine's Foreign Minister Andrii Sybiha gave an interview to the newspaper.\n"
        "Q: Is Kyiv ready to cede land for peace?\n"
        "A: No. We will never recognise the occupied territories as Russian."
    )
    assert found == {("UA", "territory"): "no_recognition"}


def test_a_first_person_opinion_with_no_one_quoted_is_no_party(read):
    assert read("I believe we must send peacekeepers to Ukraine now, before it is too late.") == {}
