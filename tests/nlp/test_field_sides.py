"""Sides and standing of events read from sentences written for these tests: whom aid
goes to, whom a truce is addressed to, whose forces "its forces" are, and claims a later
sentence doubts."""

from __future__ import annotations


def _events(extractor, text: str, kind: str):
    return [e for e in extractor.extract(text, "2026-04-02").events if e.kind == kind]


def test_aid_goes_to_the_party_after_to_not_the_goods_maker(extractor) -> None:
    text = (
        "Canada transfers 40,000 rounds of Czech ammunition to Ukraine, its defence "
        "minister says."
    )
    (aid,) = _events(extractor, text, "aid")
    assert (aid.actor.side, aid.target.side) == ("CA", "UA")


def test_aid_for_a_capital_through_a_scheme_goes_to_its_state(extractor) -> None:
    text = (
        "Denmark said on Tuesday it would contribute 90 million euros to a NATO-run fund "
        "that buys American air defence missiles for Kyiv."
    )
    (aid,) = _events(extractor, text, "aid")
    assert (aid.actor.side, aid.target.side) == ("DK", "UA")


def test_a_partys_own_truce_is_addressed_to_the_other_party(extractor) -> None:
    text = "Vladimir Putin declared a 48-hour ceasefire for the Easter holiday on Friday."
    (truce,) = _events(extractor, text, "ceasefire")
    assert (truce.actor.side, truce.target.side) == ("RU", "UA")


def test_its_forces_are_the_speakers_not_the_army_the_target_supplied(rules) -> None:
    text = (
        "Ukraine's General Staff said on Thursday its forces had hit an ammunition depot "
        "near Valuyki in Russia's Belgorod region that supplied the Russian army."
    )
    (strike,) = _events(rules, text, "strike")
    assert (strike.actor.side, strike.target.side) == ("UA", "RU")


def test_a_later_sentence_doubting_every_claim_makes_them_unverified(rules) -> None:
    text = (
        "Russia's defence ministry said on Thursday its troops had captured the village of "
        "Yampil in the Donetsk region.\n"
        "Ukraine's army said its units still held the village.\n"
        "Neither side's account could be independently verified."
    )
    (capture,) = _events(rules, text, "territorial_change")
    assert (capture.claimant.side, capture.status) == ("RU", "unverified")


def test_a_denial_in_the_next_sentence_disputes_the_claim(rules) -> None:
    text = (
        "Russia's defence ministry said on Thursday its troops had captured the village of "
        "Yampil in the Donetsk region. Ukraine's army denied the claim."
    )
    (capture,) = _events(rules, text, "territorial_change")
    assert capture.status == "unverified"


def test_a_claim_nobody_doubts_stays_claimed(rules) -> None:
    text = (
        "Russia's defence ministry said on Thursday its troops had captured the village of "
        "Yampil in the Donetsk region."
    )
    (capture,) = _events(rules, text, "territorial_change")
    assert (capture.claimant.side, capture.status) == ("RU", "claimed")


def test_a_host_offering_talks_sits_with_those_it_would_host(extractor) -> None:
    text = "Pope Leo offered to host Russian and Ukrainian negotiators at the Vatican."
    (talks,) = _events(extractor, text, "talks")
    assert {(p.side, p.role) for p in talks.participants} == {
        ("VA", "mediator"),
        ("RU", None),
        ("UA", None),
    }


def test_countries_naming_a_border_are_the_venue_not_parties(extractor) -> None:
    text = (
        "The Russian and Ukrainian delegations met for a second round of talks at the "
        "Belarus–Poland border on Thursday."
    )
    (talks,) = _events(extractor, text, "talks")
    assert {p.side for p in talks.participants} == {"RU", "UA"}


def test_leaders_of_the_caucasus_are_parties_at_a_meeting(extractor) -> None:
    text = "Vladimir Putin, Ilham Aliyev and Nikol Pashinyan will meet in Sochi on Friday."
    (talks,) = _events(extractor, text, "talks")
    assert {p.side for p in talks.participants} == {"RU", "AZ", "AM"}


def test_a_barrage_over_many_regions_is_over_the_country_and_the_named_region(extractor):
    text = (
        "Russia's defence ministry said air defences had destroyed 85 Ukrainian drones over "
        "ten regions overnight, including 30 over the Bryansk region."
    )
    (strike,) = _events(extractor, text, "strike")
    assert strike.locations[0].name == "Russia"
    assert "Bryansk Oblast" in [loc.admin1 for loc in strike.locations]


def test_being_open_to_holding_talks_offers_them(extractor) -> None:
    text = "Kyiv is open to holding direct talks with Moscow, Ukraine's foreign minister said."
    (talks,) = _events(extractor, text, "talks")
    assert talks.subtype == "offered"
