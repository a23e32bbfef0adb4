"""Response models: the ledger schema (shared/spec/ledger-schema.md) as pydantic types.

They document the API in /docs and check that every response has the schema's shape;
fields the ledger does not know are ``null``, never filled in.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ActorOut(_Model):
    name: str | None = None
    side: str | None = None
    type: str = "unknown"
    role: str | None = None


class LocationOut(_Model):
    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    pcode: str | None = None


class WhenOut(_Model):
    start: str | None = None
    end: str | None = None
    precision: str = "unknown"
    text: str | None = None


class SpanOut(_Model):
    start: int
    end: int
    text: str


class CountOut(_Model):
    value: int
    qualifier: str = "exact"
    text: str | None = None


class ReportedValueOut(_Model):
    value: int
    qualifier: str
    sources: list[str] = []
    claimants: list[str] = []
    mention_ids: list[str] = []


class ReconciledCountOut(_Model):
    low: int
    best: int
    high: int
    best_basis: str
    contradiction: bool
    latest: int | None = None
    values: list[ReportedValueOut] = []


class ClaimOut(_Model):
    """What one document says about an event, with the sentences it says it in."""

    mention_id: str
    doc_id: str
    source: str | None = None
    published: str | None = None
    url: str | None = None
    claimant: ActorOut | None = None
    status: str
    subtype: str | None = None
    negated: bool = False
    date: WhenOut
    locations: list[LocationOut] = []
    counts: dict[str, CountOut] = {}
    evidence: list[SpanOut] = []


class Corroboration(_Model):
    sources: int
    claimants: int


class EventOut(_Model):
    """A consolidated event: one real occurrence with every claim about it."""

    event_id: str
    kind: str
    subtype: str | None = None
    actor: ActorOut | None = None
    target: ActorOut | None = None
    participants: list[ActorOut] = []
    locations: list[LocationOut] = []
    date: WhenOut
    weapon: str | None = None
    weapons: list[str] = []
    target_kind: list[str] = []
    counts: dict[str, ReconciledCountOut] = {}
    civilian: bool | None = None
    scope: list[str] = []
    duration: str | None = None
    name: str | None = None
    status: str
    contradictions: list[str] = []
    corroboration: Corroboration
    sources: list[str] = []
    claimants: list[str] = []
    first_reported: str | None = None
    confidence: float
    mention_ids: list[str] = []
    claims: list[ClaimOut] = []


class PageOut(_Model):
    total: int = Field(description="matching items in all")
    limit: int
    offset: int


class EventPageOut(PageOut):
    left_out: int = Field(
        default=0, description="events of this filter outside the theatre (theatre=all shows them)"
    )


class EventPage(EventPageOut):
    items: list[EventOut]


class DocumentSummary(_Model):
    doc_id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None
    external_id: str | None = None
    chars: int


class DocumentOut(DocumentSummary):
    text: str
    copies: list[dict[str, Any]] = []


class DocumentPage(PageOut):
    items: list[DocumentSummary]


class ImpactOut(_Model):
    event_id: str
    places: list[str] = []
    admin1: str | None = None
    killed: int | None = None
    injured: int | None = None
    target_kind: list[str] = []


class BarrageOut(_Model):
    barrage_id: str
    attacker_side: str
    night: str
    window: dict[str, str]
    event_ids: list[str]
    by_weapon: dict[str, dict[str, int]]
    impacts: list[ImpactOut]
    places: list[str]
    casualties_by_place: dict[str, dict[str, int]]
    casualties_by_oblast: dict[str, dict[str, int]]
    killed: int | None = None
    injured: int | None = None
    target_kinds: dict[str, int]


class BarragePage(PageOut):
    items: list[BarrageOut]


class PositionOut(_Model):
    party: ActorOut
    issue: str
    stance: str
    date: WhenOut
    evidence: list[SpanOut] = []
    confidence: float
    doc_id: str | None = None


class PositionPage(PageOut):
    items: list[PositionOut]


class StatementOut(_Model):
    party: str
    party_name: str | None = None
    issue: str
    stance: str
    date: str | None = None
    evidence: str | None = None
    doc_id: str | None = None
    source: str | None = None
    reported: str | None = None


class PositionCell(_Model):
    stance: str
    date: str | None = Field(default=None, description="when it was stated, if the text says")
    reported: str | None = Field(default=None, description="publication day of the report")
    speaker: str | None = None
    evidence: str | None = None
    doc_id: str | None = None
    changes: int = 0
    history: list[StatementOut]


class PositionMatrix(_Model):
    parties: list[str] = Field(description="sides (a person's words count for their side)")
    labels: dict[str, str] = {}
    issues: list[str]
    cells: dict[str, dict[str, PositionCell]] = Field(
        description="party → issue → latest stance with its history (oldest first)"
    )


class TimelineDay(_Model):
    day: str
    counts: dict[str, int]


class TimelineOut(_Model):
    """Analysis: events per day by kind, with the ceasefire windows and talks to read it by."""

    days: list[TimelineDay]
    ceasefires: list[EventOut]
    talks: list[EventOut]
    framing_left_out: int = Field(
        0, description="ceasefire and talks events not listed (the newest 2,000 are)"
    )


class SourceHealth(_Model):
    source: str | None = None
    documents: int
    extracted: int
    mentions: int
    claims: int
    first_published: str | None = None
    last_published: str | None = None


class CoverageOut(_Model):
    sources: list[SourceHealth]
    health: dict[str, Any] = Field(
        description="per-source alarms (silent, dropped) from warledger.analysis.coverage"
    )
    runs: list[dict[str, Any]]


class IngestRequest(_Model):
    """A document to add: its text, or its HTML, or a URL to fetch (exactly one)."""

    text: str | None = Field(default=None, max_length=2_000_000)
    html: str | None = Field(default=None, max_length=5_000_000)
    url: str | None = Field(default=None, description="the original URL (fetched if no text/html)")
    title: str | None = None
    source: str | None = Field(default=None, description="the outlet, e.g. voanews.com")
    published: str | None = Field(default=None, description="ISO 8601 date or datetime")


class IngestOut(_Model):
    doc_id: str
    status: str = Field(description="new, updated (a new version), duplicate or near_duplicate")
    events: int = Field(description="events extracted from this document")
    positions: int
    event_ids: list[str] = Field(description="consolidated events that hold its claims")


class ErrorOut(_Model):
    error: str
    message: str
    details: list[dict[str, Any]] = []
