"""Truces and plans as news words them when the word 'ceasefire' is not where the rules
first looked for it: sentences written for these tests, expected values read from each."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.nlp.diplomacy import extract_diplomacy

pytestmark = pytest.mark.model

PUBLISHED = date(2025, 4, 22)


@pytest.fixture(scope="module")
def read(extractor):
    def _read(text: str):
        return extract_diplomacy(extractor.context(extractor.nlp(text), PUBLISHED))

    return _read


def _kinds(events) -> list[tuple[str, str | None, bool]]:
    return sorted((e.kind, e.subtype, e.negated) for e in events if e.kind != "talks")


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not agree, however, to a complete ceasefire along the front.",
        "Ukraine and Russia left Istanbul with a deal to swap 500 prisoners each but no truce.",
        "Russian and Ukrainian envoys came away without an agreement to end the fighting.",
    ],
)
def test_a_truce_the_parties_did_not_agree_is_a_negated_acceptance(read, text):
    assert _kinds(read(text)) == [("ceasefire", "accepted", True)]


def test_wanting_something_but_no_truce_with_no_talks_named_is_no_event(read):
    assert _kinds(read("Ukraine wants security guarantees but no ceasefire.")) == []


def test_ceasefire_proposals_traded_are_a_truce_proposed_not_a_peace_plan(read):
    text = "Russia and Ukraine traded ceasefire proposals on the second day of talks."
    assert _kinds(read(text)) == [("ceasefire", "proposed", False)]


def test_a_truce_plan_proposed_and_rejected_in_one_sentence_is_both(read):
    text = "Hungary's prime minister put forward a truce plan that was rejected by Ukraine."
    assert _kinds(read(text)) == [
        ("ceasefire", "proposed", False),
        ("ceasefire", "rejected", False),
    ]


def test_a_numbered_ceasefire_plan_is_a_plan_rejected_not_a_truce(read):
    text = "Moscow rejected a 20-point ceasefire plan drafted by European officials."
    assert _kinds(read(text)) == [("proposal", "rejected", False)]


def test_a_truce_broken_so_many_times_is_a_violation_alleged(read):
    text = (
        "Russia declared a 30-hour truce on Saturday. Kyiv said Russian forces had broken "
        "it 210 times."
    )
    events = read(text)
    assert [(e.kind, e.subtype) for e in events] == [
        ("ceasefire", "declared"),
        ("ceasefire", "violation_alleged"),
    ]
    assert events[1].counts["violations"].value == 210
