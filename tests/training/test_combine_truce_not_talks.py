"""A sentence where the rules read a truce and that has no word of talks gets no talks
event from the detector; one that also tells a meeting does (stub scores, own words)."""

from __future__ import annotations

from datetime import date

import spacy

from warledger.nlp.context import DocContext
from warledger.nlp.detector.combine import Policy, combine
from warledger.types import Event, Span

TEXT = (
    "The Turkish president calls on Moscow to declare a truce. "
    "The two presidents met in Ankara and agreed on a truce."
)
RANGES = [(0, 57), (58, len(TEXT))]
SCORES = [{"talks": 0.9, "ceasefire": 0.9}, {"talks": 0.9, "ceasefire": 0.9}]


def context() -> DocContext:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return DocContext(doc=nlp(TEXT), published=date(2030, 5, 8), places=[], actors=[])


def truce(sentence: int) -> Event:
    start, end = RANGES[sentence]
    return Event(kind="ceasefire", evidence=[Span(start, end, TEXT[start:end])])


def test_talks_are_added_only_where_a_meeting_is_told():
    events = combine(
        context(), [truce(0), truce(1)], RANGES, SCORES, Policy(add_above={"talks": 0.3})
    )
    talks = [e for e in events if e.kind == "talks"]
    assert [e.evidence[0].text for e in talks] == [TEXT[RANGES[1][0] :]]
