"""Wordings of peace diplomacy that news and readouts use: what is a truce accepted, what
is talks, what is a plan put forward, amended or accepted. Sentences written for these
tests, the expected values read from them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(extractor, text: str, published: str = "2025-05-14"):
    return extractor.extract(text, published).events


def _kinds(extractor, text: str) -> set[tuple[str, str | None]]:
    return {(e.kind, e.subtype) for e in _events(extractor, text)}


def test_agreeing_to_work_towards_a_truce_accepts_none(extractor):
    found = _kinds(extractor, "Paris and Moscow agreed to work towards a truce in the region.")
    assert ("ceasefire", "accepted") not in found
    assert ("ceasefire", "proposed") in found


def test_agreeing_to_a_truce_still_accepts_it(extractor):
    found = _kinds(extractor, "Kyiv and Moscow agreed to a three-day truce over Easter.")
    assert ("ceasefire", "accepted") in found


def test_accession_talks_are_not_the_wars_talks(extractor):
    text = "Moldova's accession talks with the European Union resumed in Brussels on Monday."
    assert not [e for e in _events(extractor, text) if e.kind == "talks"]


def test_peace_talks_between_the_parties_are_talks(extractor):
    text = "Ukrainian and Russian delegations held peace talks in Istanbul on Monday."
    assert ("talks", "held") in _kinds(extractor, text)


def test_no_date_set_for_a_summit_is_no_talks(extractor):
    text = "No date has been set for a summit between Putin and Zelensky, the Kremlin said."
    assert not [e for e in _events(extractor, text) if e.kind == "talks"]


def test_a_revised_version_of_a_plan_sent_is_an_amended_proposal(extractor):
    text = "Kyiv on Friday sent Washington a revised version of the 12-point peace plan."
    found = [e for e in _events(extractor, text) if e.kind == "proposal"]
    assert [e.subtype for e in found] == ["amended"]
    assert found[0].actor is not None and found[0].actor.side == "UA"


def test_a_plan_told_before_the_verb_that_puts_it_forward(extractor):
    text = "A 12-point peace plan was unveiled in Ankara on Friday by Turkish diplomats."
    assert ("proposal", "put_forward") in _kinds(extractor, text)
    text = "The draft plan to end the fighting, sent to Moscow last week, runs to 20 points."
    assert ("proposal", "put_forward") in _kinds(extractor, text)


def test_a_proposal_put_forward_and_accepted_in_one_sentence(extractor):
    text = (
        "Romania proposes to host a demining mission on the Danube; "
        "Ukraine accepts the proposal."
    )
    found = [e for e in _events(extractor, text) if e.kind == "proposal"]
    by_subtype = {e.subtype: e for e in found}
    assert set(by_subtype) == {"put_forward", "accepted"}
    assert by_subtype["accepted"].actor.side == "UA"


def test_a_draft_not_accepted_is_a_negated_acceptance(extractor):
    events = _events(extractor, "Moscow has not accepted the draft.")
    found = [e for e in events if e.kind == "proposal"]
    assert [(e.subtype, e.negated) for e in found] == [("accepted", True)]


def test_attending_an_event_is_no_talks(extractor):
    text = "If all goes well tomorrow, you and I will attend a concert in the Kremlin."
    assert not [e for e in _events(extractor, text) if e.kind == "talks"]


def test_attending_talks_is_talks_scheduled(extractor):
    text = "Lavrov will attend the talks in Antalya on Thursday."
    assert ("talks", "scheduled") in _kinds(extractor, text)


def test_a_plan_handed_over_at_a_meeting_it_was_used_for(extractor):
    text = (
        "Ukraine's foreign minister used the summit to hand his Turkish counterpart "
        "a draft plan for a monitoring mission on the Danube."
    )
    assert ("proposal", "put_forward") in _kinds(extractor, text)


def test_a_fleet_used_to_get_around_sanctions_imposes_none(extractor):
    text = (
        "The tanker is believed to be part of a shadow fleet used to get around Western "
        "sanctions on oil exports."
    )
    assert not [e for e in _events(extractor, text) if e.kind == "sanction"]


def test_a_revised_plan_handed_over_is_one_proposal(extractor):
    text = "Kyiv handed Washington a revised 12-point peace framework on Friday."
    found = [e for e in _events(extractor, text) if e.kind == "proposal"]
    assert len(found) == 1
