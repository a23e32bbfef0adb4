"""Diplomacy events read from short synthetic sentences (expected values by reading them)."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.nlp.diplomacy import extract_diplomacy


@pytest.fixture(scope="module")
def read(extractor):
    def _read(text: str, published: date | None = date(2025, 4, 22)):
        ctx = extractor.context(extractor.nlp(text), published)
        return extract_diplomacy(ctx)

    return _read


def _only(events, kind):
    found = [e for e in events if e.kind == kind]
    assert len(found) == 1, [e.to_dict() for e in events]
    return found[0]


def test_mutual_accusation_gives_one_violation_per_accuser(read):
    events = read(
        "The holiday truce was meant to run for two days. Moscow and Kyiv accused one "
        "another of breaching the truce overnight."
    )
    violations = [e for e in events if e.subtype == "violation_alleged"]
    pairs = {(e.claimant.side, e.target.side) for e in violations}
    assert pairs == {("UA", "RU"), ("RU", "UA")}


def test_refusal_to_prolong_a_truce_is_a_rejection_by_the_refuser(read):
    event = _only(read("Putin refused to extend the ceasefire into a second week."), "ceasefire")
    assert event.subtype == "rejected"
    assert event.actor.side == "RU"


def test_declared_ceasefire_takes_duration_from_the_next_sentence(read):
    events = read(
        "The Kremlin cited the Christmas truce declared by Putin on Friday. "
        "The truce, which was meant to last 36 hours, collapsed by Saturday evening."
    )
    declared = [e for e in events if e.subtype == "declared"]
    assert len(declared) == 1
    assert declared[0].actor.side == "RU"
    assert declared[0].duration == "PT36H"


def test_accepting_a_proposal_for_a_ceasefire_names_acceptor_and_proposer(read):
    events = read(
        "Ukraine said it is ready to accept a U.S. proposal for an immediate, "
        "interim 30-day ceasefire."
    )
    by_subtype = {e.subtype: e for e in events if e.kind == "ceasefire"}
    assert by_subtype["accepted"].actor.side == "UA"
    assert by_subtype["proposed"].actor.side == "US"
    assert by_subtype["accepted"].duration == "P30D"
    assert by_subtype["proposed"].scope == ["full"]


def test_urging_a_party_to_accept_is_not_an_acceptance(read):
    events = read("The diplomats urged Russia to accept the ceasefire on equal terms.")
    assert not [e for e in events if e.kind == "ceasefire" and e.subtype == "accepted"]


def test_scheduled_talks_have_participants_venue_and_future_date(read):
    event = _only(
        read(
            "Ukraine is due to hold talks with officials from France, Britain and the "
            "United States in Paris on Thursday."
        ),
        "talks",
    )
    assert event.subtype == "scheduled"
    assert {p.side for p in event.participants} == {"UA", "GB", "FR", "US"}
    assert [loc.name for loc in event.locations] == ["Paris"]
    assert event.date.start == "2025-04-24"


def test_cancelled_talks_keep_the_canceller(read):
    event = _only(
        read("Donald Trump called off the planned summit with Vladimir Putin."),
        "talks",
    )
    assert event.subtype == "cancelled"
    assert event.actor.side == "US"
    assert {p.side for p in event.participants} == {"US", "RU"}


def test_no_plans_for_talks_is_negated(read):
    event = _only(
        read("Officials say there is still no timetable for new negotiations with Russia."),
        "talks",
    )
    assert event.negated is True


def test_threat_of_sanctions_is_a_proposed_sanction_against_the_threatened(read):
    event = _only(
        read(
            "Top diplomats urged Russia on Friday to accept a ceasefire or face the "
            "possibility of additional sanctions."
        ),
        "sanction",
    )
    assert event.subtype == "proposed"
    assert event.target.side == "RU"


def test_two_measures_by_two_actors_are_two_sanctions(read):
    events = read(
        "Measures such as Britain's embargo on Russian steel and the EU's gas import ban "
        "have squeezed Moscow."
    )
    actors = {e.actor.side for e in events if e.kind == "sanction"}
    assert actors == {"GB", "EU"}


def test_criticism_of_a_targeting_is_not_a_sanction(read):
    assert not [
        e for e in read("The EU's targeting of Gazprom was criticised.") if e.kind == "sanction"
    ]


def test_request_for_weapons_is_requested_aid_by_the_asker(read):
    event = _only(read("Zelenskyy asked for more Patriot systems on Monday."), "aid")
    assert event.subtype == "requested"
    assert event.actor.side == "UA"


def test_shipment_to_a_party_is_delivered_aid(read):
    event = _only(read("North Korea shipped artillery shells to Russia last month."), "aid")
    assert event.subtype == "delivered"
    assert event.actor.side == "KP"
    assert event.target.side == "RU"


def test_generic_references_and_questions_are_not_events(read):
    assert read("Will the peace process survive the winter?") == []
    assert read("Diplomatic efforts continue.") == []


def test_a_definite_reference_to_a_proposal_already_read_is_not_a_new_proposal(read):
    events = read(
        "Kyiv said it would accept an American proposal for a 30-day truce. "
        "The Kremlin said Russia backs the American truce proposal."
    )
    proposed = [e for e in events if e.kind == "ceasefire" and e.subtype == "proposed"]
    assert len(proposed) == 1


def test_acceptance_in_principle_with_open_details_is_not_an_acceptance(read):
    events = read(
        "Moscow said it supports the truce in principle, but many details still have to be settled."
    )
    ceasefire = _only(events, "ceasefire")
    assert ceasefire.subtype is None
    assert ceasefire.actor.side == "RU"


def test_a_country_in_a_title_is_no_venue_and_a_port_city_is(read):
    text = "Vladimir Putin held talks with Prime Minister of Hungary Viktor Orban."
    call = _only(read(text), "talks")
    assert call.locations == []  # Hungary is the prime minister's, not where they met
    titled = read(
        "The foreign minister met President of the Republic of Finland Alexander Stubb "
        "in the port city of Odesa."
    )
    assert [loc.name for loc in _only(titled, "talks").locations] == ["Odesa"]


def test_a_government_meeting_its_own_officials_is_no_talks(read):
    home = read("Vladimir Putin met with the head of the Russian Railways company in Moscow.")
    assert [e for e in home if e.kind == "talks"] == []
    abroad = _only(read("Zelensky held talks in Washington on Friday."), "talks")
    assert [loc.name for loc in abroad.locations] == ["Washington"]  # one side, abroad


def test_the_verb_sanctions_imposes_and_the_noun_does_not(read):
    imposed = _only(read("The Canadian government sanctions nine Russian banks."), "sanction")
    assert (imposed.subtype, imposed.target.side) == ("imposed", "RU")
    noun = read("Western sanctions weigh on the Russian economy.")
    assert [e for e in noun if e.kind == "sanction"] == []


def test_calls_for_refusals_of_and_failures_to_agree_a_ceasefire(read):
    call = _only(read("Ukraine's president calls for an immediate ceasefire."), "ceasefire")
    assert (call.subtype, call.actor.side) == ("proposed", "UA")
    failed = _only(read("No truce was reached at the talks in Geneva."), "ceasefire")
    assert (failed.subtype, failed.negated) == ("accepted", True)
    refused = read("Ukraine rejects an offer to observe a mutual ceasefire.")
    assert _only(refused, "ceasefire").subtype == "rejected"


def test_sanctions_a_party_calls_for_are_no_sanctions_imposed(read):
    events = read("Kyiv's envoy called for harsher sanctions on the banks that finance Russia.")
    assert [e for e in events if e.kind == "sanction"] == []


def test_a_package_of_sanctions_that_failed_to_pass_is_negated_and_no_aid(read):
    events = read("EU envoys failed to approve a fresh package of sanctions against Moscow.")
    sanction = _only(events, "sanction")
    assert (sanction.subtype, sanction.negated) == ("imposed", True)
    assert sanction.target.side == "RU"
    assert [e for e in events if e.kind == "aid"] == []


def test_a_blocked_measure_did_not_happen(read):
    sanction = _only(read("Slovakia blocked new EU sanctions on Russian gas."), "sanction")
    assert (sanction.subtype, sanction.negated) == ("imposed", True)
