"""Events in reading order with the sentence that tells each (hand-built events)."""

from __future__ import annotations

from warledger.nlp.reading_order import in_reading_order
from warledger.types import Event, Span

# "Drones hit Sumy. Talks were held. Shelling hit Kherson." as character bounds
SENTENCES = [(0, 16), (17, 34), (35, 58)]


def _told(kind: str, start: int) -> Event:
    return Event(kind=kind, evidence=[Span(start, start + 5, "x")])


def test_events_come_in_the_order_of_their_evidence_with_their_sentence():
    kherson, sumy = _told("strike", 35), _told("strike", 0)
    talks = _told("talks", 17)
    order = in_reading_order([kherson, talks, sumy], {"strike"}, SENTENCES)
    assert order == [(0, sumy), (2, kherson)]


def test_an_event_without_evidence_is_left_out():
    assert in_reading_order([Event(kind="strike")], {"strike"}, SENTENCES) == []
