"""Whose stance a sentence states, and stances that are no one's (sentences written for
these tests; the expected values are read from each sentence)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def read(stances):
    return lambda text: stances(text, date(2025, 7, 8))


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
         {("RU", "sanctions"): "lifting_required"}),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation over several sentences speaks for whoever closes it
        ('"We will never give up our land. Crimea is Ukraine," Zelensky said on Tuesday.',
         {("UA", "territory"): "no_recognition", ("UA", "crimea_status"): "ukrainian"}),
        # who says another party "should" do something holds that stance
        ("Trump said Ukraine should be ready to give up some territory for peace.",
         {("US", "territory"): "cede_occupied"}),
        # a party owning only what the stance is about is not its holder
        ("NATO Secretary General Mark Rutte said Ukraine's path to NATO membership was "
         "irreversible.",
         {("NATO", "nato_membership"): "support"}),
        # wanting a bid dropped vetoes it
        ("According to Reuters, the Kremlin wants Ukraine to drop its bid to join NATO.",
         {("RU", "nato_membership"): "veto"}),
        ("Russian officials have told their U.S. counterparts that Moscow wants the "
         "sanctions lifted before any deal.",
         {("RU", "sanctions"): "lifting_required"}),
    ],
)  # fmt: skip
def test_speakers_and_askers(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin told reporters that any European troops in Ukraine would be legitimate "
         "targets.",
         {("RU", "peacekeeping_force"): "oppose"}),
        ("Vance said Ukraine joining NATO was not realistic.",
         {("US", "nato_membership"): "veto"}),
        ("Zelensky rejected the idea of a frozen conflict, saying it would only give Russia "
         "time to rearm.",
         {("UA", "territory"): "oppose_freeze"}),
        ("Russia's foreign ministry said Ukraine's neutrality was a key condition of any "
         "settlement.",
         {("RU", "neutrality"): "required"}),
        ("Peskov said elections in Ukraine are a precondition for signing any peace "
         "agreement.",
         {("RU", "elections"): "required"}),
        ("Hungary has threatened to veto the renewal of EU sanctions on Russia.",
         {("HU", "sanctions"): "oppose"}),
        # someone else's call, dismissed: no stance on the order of truce and talks
        ("The Kremlin dismissed calls for an unconditional ceasefire.", {}),
        # a region described as a frozen conflict: no one's stance
        ("Putin said the peacekeepers ensure security in a region that was in a state of "
         "frozen conflict for many years.", {}),
        # a threat taken back in the same sentence
        ("Hungary had threatened to block the renewal of the sanctions regime but dropped "
         "its objection after two names were taken off.", {}),
    ],
)  # fmt: skip
def test_verdicts_conditions_and_retractions(read, text, expected):
    assert read(text) == expected


def test_a_quotation_closed_in_a_later_sentence_names_its_speaker_there(extractor):
    text = (
        "Talks on Ukraine resumed on Monday. “A truce cannot come with preconditions, "
        "because conditions only blur the picture. Either you want to end this war or "
        "you don't,” said Britain's foreign secretary in an interview."
    )
    found = {(p.party.side, p.issue): p.stance for p in extractor.extract(text).positions}
    assert found == {("GB", "ceasefire_sequencing"): "no_preconditions"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump's plan calls for Ukraine to cede the rest of Donetsk to Russia.",
         {("US", "territory"): "cede_occupied"}),
        ("Witkoff said Russia wants the four regions recognised as Russian territory.",
         {("RU", "territory"): "cede_occupied"}),
        ("Zelensky said any agreement must include the return of all prisoners of war.",
         {("UA", "prisoners"): "exchange"}),
        ("EU leaders agreed to keep sanctions on Russia in place until Moscow ends the war.",
         {("EU", "sanctions"): "maintain"}),
        ("Russia has rejected any deployment of European troops to Ukraine, calling it a "
         "red line.",
         {("RU", "peacekeeping_force"): "oppose"}),
    ],
)  # fmt: skip
def test_plans_recognition_prisoners_and_kept_sanctions(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a clause of time or cause is not asked by the verb above it
        ("Putin proposed talks in Istanbul after Britain and France threatened further "
         "sanctions against Russia.",
         {("GB", "sanctions"): "increase"}),
        # "has to" is asked of its subject; a perfect "has never recognised" is not
        ("Medinsky said Ukraine has to withdraw its troops from the four regions.",
         {("RU", "territory"): "withdrawal_required"}),
        ("Zelensky said Ukraine has never recognised Crimea as Russian and never will.",
         {("UA", "crimea_status"): "ukrainian", ("UA", "territory"): "no_recognition"}),
        # a demand listing what the other side must do, parsed as conjoined verbs
        ("Russia's demands include that Ukraine renounce its ambition to join NATO and cap "
         "its army.",
         {("RU", "nato_membership"): "veto", ("RU", "demilitarization"): "required"}),
        ("The United States is not prepared to offer Ukraine security guarantees, "
         "Hegseth said.",
         {("US", "security_guarantees"): "oppose"}),
        ("Zelensky again urged allies to tighten sanctions on Russia's oil exports.",
         {("UA", "sanctions"): "increase"}),
        ("The Kremlin says any peace deal must address the root causes of the conflict, "
         "including NATO's eastward expansion.",
         {("RU", "nato_membership"): "veto"}),
    ],
)  # fmt: skip
def test_clauses_of_time_have_to_and_listed_demands(read, text, expected):
    assert read(text) == expected
