"""Diplomacy readings on sentences written for the project, none taken from the gold set.

Each row of ``tests/data/diplomacy/sentences.json`` states what a reader of the sentence
expects: the kinds that must appear (with the fields that matter) and, for negatives
(protests, commerce, attacks, sport, metaphors, questions), that no diplomacy event
appears. The table guards against rules fitted to single development sentences.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from warledger.nlp.diplomacy import extract_diplomacy
from warledger.nlp.positions import extract_positions

TABLE = json.loads(
    (Path(__file__).parents[1] / "data" / "diplomacy" / "sentences.json").read_text("utf-8")
)
PUBLISHED = date.fromisoformat(TABLE["published"])


@pytest.fixture(scope="module")
def read(extractor):
    def _read(text: str):
        ctx = extractor.context(extractor.nlp(text), PUBLISHED)
        return extract_diplomacy(ctx), extract_positions(ctx)

    return _read


def _side(actor):
    return actor.side if actor else None


def _check(event, want: dict) -> None:
    got = event.to_dict()
    assert event.subtype == want["subtype"], got
    for key in ("actor", "target", "claimant"):
        if key in want:
            assert _side(getattr(event, key)) == want[key], got
    if "participants" in want:
        sides = {p.side for p in event.participants if p.role != "mediator"}
        assert sides == set(want["participants"]), got
    if "mediator" in want:
        assert [p.side for p in event.participants if p.role == "mediator"] == [want["mediator"]]
    if "venue" in want:
        assert want["venue"] in [loc.name for loc in event.locations], got
    if "date" in want:
        assert event.date.start == want["date"], got
    if "duration" in want:
        assert event.duration == want["duration"], got
    if "scope" in want:
        assert event.scope == want["scope"], got
    if "violations" in want:
        assert event.counts["violations"].value == want["violations"], got


@pytest.mark.parametrize("case", TABLE["cases"], ids=lambda c: c["text"][:50])
def test_sentence_reading(read, case):
    events, positions = read(case["text"])
    if not case["events"]:
        assert events == [], [e.to_dict() for e in events]
    for want in case["events"]:
        same_kind = [e for e in events if e.kind == want["kind"]]
        assert len(same_kind) == 1, [e.to_dict() for e in events]
        _check(same_kind[0], want)
    if "positions" in case:
        got = {(p.party.side, p.issue, p.stance) for p in positions}
        assert got == {tuple(p) for p in case["positions"]}
