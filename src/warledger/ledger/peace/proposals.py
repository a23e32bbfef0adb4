"""Peace proposals: who put each forward, its points where the text lists them, and each
party's response.

A ``put_forward`` event founds a proposal. A response (``accepted``, ``rejected``,
``amended``) joins the proposal with the same name; an unnamed response joins the latest
earlier proposal whose proposer side is the response's target ("Moscow rejected the U.S.
plan" → target US) within ``RESPONSE_DAYS``; otherwise it is listed on its own (a response
to a proposal the ledger has not seen put forward). Negated events are left out.

Points are read from the proposal's own evidence sentences, and only when the sentence
lists them after a cue ("calls for", "includes", "provides for", "would see"…): two or
more items separated by commas, semicolons or a final "and". A sentence that names no
list gives no points: nothing is invented.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from warledger.ledger.consolidate import ConsolidatedEvent
from warledger.ledger.peace.timing import (
    actor_label,
    by_date,
    first_day,
    first_evidence,
    is_negated,
    iso,
    same_name,
)

RESPONSE_DAYS = 60
RESPONSES = ("accepted", "rejected", "amended")
_CUE = re.compile(
    r"\b(?:calls? for|called for|calling for|includ(?:es|ed|ing)|would include|"
    r"provides? for|provided for|envisag(?:es|ed|ing)|would see|consists? of|"
    r"points? (?:include|are)|such as|proposes|proposed)\b:?\s+",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*;\s*|\s*,\s*(?:and|or)?\s*|\s+and\s+(?=[^,;]+$)")
_LEADING = re.compile(r"^(?:and|or|the|a|an)\s+", re.IGNORECASE)


def list_points(sentence: str) -> list[str]:
    """The items a sentence lists after a cue, or [] when it lists none."""
    match = _CUE.search(sentence)
    if not match:
        return []
    rest = sentence[match.end() :].strip().rstrip(".!?\"”'’ ")
    items = [_LEADING.sub("", part.strip()).strip() for part in _SPLIT.split(rest)]
    items = [item for item in items if item]
    return items if len(items) >= 2 else []


@dataclass
class Response:
    party: str | None
    response: str
    date: str | None
    event_id: str
    sources: list[str]
    evidence: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Proposal:
    proposal_id: str
    name: str | None = None
    proposer: str | None = None
    date: str | None = None
    points: list[str] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    events: list[ConsolidatedEvent] = field(default_factory=list, repr=False)

    @property
    def sources(self) -> list[str]:
        return sorted({s for e in self.events for s in e.sources})

    def to_dict(self) -> dict[str, Any]:
        return {
            "proposal_id": self.proposal_id,
            "name": self.name,
            "proposer": self.proposer,
            "date": self.date,
            "points": list(self.points),
            "responses": [r.to_dict() for r in self.responses],
            "sources": self.sources,
            "event_ids": [e.event_id for e in self.events],
        }


def _points(event: ConsolidatedEvent) -> list[str]:
    for claim in event.claims:
        for span in claim.evidence:
            if found := list_points(span.text):
                return found
    return []


def _founder(event: ConsolidatedEvent) -> Proposal:
    return Proposal(
        proposal_id="pp-" + hashlib.sha256(event.event_id.encode()).hexdigest()[:12],
        name=event.name,
        proposer=actor_label(event.actor),
        date=iso(first_day(event)),
        points=_points(event),
        events=[event],
    )


def _response(event: ConsolidatedEvent) -> Response:
    return Response(
        party=actor_label(event.actor),
        response=event.subtype or "unknown",
        date=iso(first_day(event)),
        event_id=event.event_id,
        sources=list(event.sources),
        evidence=first_evidence(event),
    )


def _home(proposals: list[Proposal], event: ConsolidatedEvent) -> Proposal | None:
    if event.name:
        return next((p for p in reversed(proposals) if same_name(p.name, event.name)), None)
    target, day = actor_label(event.target), first_day(event)
    if not target or day is None:
        return None
    for p in reversed(proposals):
        start = date.fromisoformat(p.date) if p.date else None
        if p.proposer == target and start and 0 <= (day - start).days <= RESPONSE_DAYS:
            return p
    return None


def proposals_register(events: Iterable[ConsolidatedEvent]) -> list[Proposal]:
    """Proposals in date order, each with its points and responses."""
    proposals: list[Proposal] = []
    for event in by_date(events):
        if event.kind != "proposal" or is_negated(event):
            continue
        if event.subtype in RESPONSES:
            home = _home(proposals, event)
            if home is None:
                home = Proposal(
                    proposal_id="pp-" + hashlib.sha256(event.event_id.encode()).hexdigest()[:12],
                    name=event.name,
                    proposer=actor_label(event.target),
                )
                proposals.append(home)
            home.responses.append(_response(event))
            home.events.append(event)
            continue
        same = next((p for p in proposals if event.name and same_name(p.name, event.name)), None)
        if same is None:
            proposals.append(_founder(event))
            continue
        # The same named proposal again (or first seen through the responses to it).
        same.events.append(event)
        same.proposer = same.proposer if same.date else actor_label(event.actor)
        same.date = same.date or iso(first_day(event))
        same.points = same.points or _points(event)
    return proposals
