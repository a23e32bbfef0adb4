"""Talks and truces a sentence only names are no event (or, where the lexicon reads the
absence, a negated one): a truce the talks ended without,
a meeting no one prepares, talks before any of them or talked about, a meeting told as
the last one (synthetic sentences; expected values by reading them)."""

from __future__ import annotations

import pytest

from warledger.nlp.extract import DocMeta

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def events(extractor):
    def _read(text: str):
        doc = extractor.nlp(text)
        return extractor.from_doc(doc, DocMeta(None, None, None, None, "2025-10-20")).events

    return _read


@pytest.fixture(scope="module")
def kinds(extractor):
    def _read(text: str) -> list[str]:
        doc = extractor.nlp(text)
        found = extractor.from_doc(doc, DocMeta(None, None, None, None, "2025-10-20")).events
        return [e.kind for e in found]

    return _read


def test_talks_ended_without_a_truce_agreed_no_truce(events):
    found = events(
        "The delegations met for four hours in Istanbul on Wednesday, but the talks ended "
        "without agreement on a ceasefire."
    )
    assert "talks" in [e.kind for e in found]
    assert all(e.negated for e in found if e.kind == "ceasefire")


def test_leaders_who_left_without_agreeing_a_truce_agreed_none(events):
    found = events(
        "The two presidents met in Budapest on Thursday but left without agreeing on a "
        "ceasefire in Ukraine."
    )
    assert all(e.negated for e in found if e.kind == "ceasefire")


def test_no_meeting_being_prepared_is_no_talks(kinds):
    found = kinds(
        "Peskov said on Monday that no meeting between Putin and Zelensky was being prepared."
    )
    assert "talks" not in found


def test_the_last_meeting_is_background(kinds):
    found = kinds("The two leaders last met in Alaska in August.")
    assert "talks" not in found


def test_talks_before_any_negotiations_are_none(kinds):
    found = kinds(
        "Zelensky urged Russia to accept an unconditional ceasefire before any direct "
        "negotiations between the two countries."
    )
    assert "talks" not in found


def test_talks_as_the_topic_of_a_call_are_none(kinds):
    found = kinds(
        "Macron asked for an immediate ceasefire as the first step towards negotiations."
    )
    assert "talks" not in found
