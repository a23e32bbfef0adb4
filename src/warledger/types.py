"""Plain data passed between pipeline stages.

These dataclasses mirror the ledger interchange format
(``shared/spec/ledger-schema.md``, version 1). Stages agree on these types rather
than on each other's internals, and ``to_dict`` gives exactly the JSON the
schema describes: unknown fields are ``None`` (or absent in lists), never guessed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

EventKind = Literal[
    "strike",
    "ground_combat",
    "territorial_change",
    "casualty_report",
    "ceasefire",
    "talks",
    "proposal",
    "sanction",
    "aid",
]
# The one list of event kinds, each with the family of readers that produces it
# (``warledger.nlp.registry``). ``EventKind`` above must list the same names (a typing
# Literal cannot be built from data); tests/test_architecture.py checks that it does, and
# that the readers, consolidation and the web colours agree with this table.
KIND_FAMILIES: dict[str, str] = {
    "strike": "kinetic",
    "ground_combat": "kinetic",
    "territorial_change": "kinetic",
    "casualty_report": "kinetic",
    "ceasefire": "diplomacy",
    "talks": "diplomacy",
    "proposal": "diplomacy",
    "sanction": "diplomacy",
    "aid": "diplomacy",
}
EVENT_KINDS: tuple[str, ...] = tuple(KIND_FAMILIES)
KINETIC_KINDS = frozenset(k for k, family in KIND_FAMILIES.items() if family == "kinetic")
SUBTYPES: dict[str, tuple[str, ...]] = {
    "strike": ("air_defense_engagement",),
    "ground_combat": ("assault", "incursion", "clash"),
    "territorial_change": ("captured", "recaptured", "withdrawn", "contested"),
    "casualty_report": (),
    "ceasefire": (
        "proposed",
        "declared",
        "accepted",
        "rejected",
        "extended",
        "ended",
        "violation_alleged",
    ),
    "talks": ("offered", "scheduled", "held", "cancelled", "postponed", "mediation_offered"),
    "proposal": ("put_forward", "accepted", "rejected", "amended"),
    "sanction": ("imposed", "proposed", "lifted", "enforcement"),
    "aid": ("delivered", "pledged", "requested"),
}
WEAPONS = (
    "drone",
    "missile",
    "ballistic_missile",
    "cruise_missile",
    "glide_bomb",
    "artillery",
    "mixed",
    "other",
)
TARGET_KINDS = (
    "residential",
    "energy",
    "water",
    "transport",
    "communications",
    "port",
    "industrial",
    "military",
    "medical",
    "education",
    "religious",
    "civilian_other",
)
COUNT_KEYS = (
    "launched",
    "intercepted",
    "failed",
    "killed",
    "injured",
    "attacks",
    "violations",
    "settlements",
)
QUALIFIERS = ("exact", "at_least", "more_than", "about", "up_to", "at_most")
STATUSES = ("reported", "claimed", "unverified", "confirmed")
SCOPES = ("full", "energy", "civilian_infrastructure", "sea", "air", "local", "humanitarian")
ACTOR_TYPES = (
    "state",
    "government",
    "military",
    "person",
    "organization",
    "armed_group",
    "civilians",
    "media",
    "unknown",
)
PRECISIONS = ("point", "settlement", "admin2", "admin1", "country", "region")
DATE_PRECISIONS = ("day", "days", "week", "month", "year", "unknown")
ISSUES = (
    "territory",
    "security_guarantees",
    "nato_membership",
    "ceasefire_sequencing",
    "crimea_status",
    "neutrality",
    "demilitarization",
    "znpp",
    "sanctions",
    "peacekeeping_force",
    "civilian_infrastructure",
    "prisoners",
    "frozen_assets",
    "elections",
    "other",
)


@dataclass(frozen=True)
class Span:
    """Character offsets into a document's cleaned text, with the text itself."""

    start: int
    end: int
    text: str


@dataclass
class Actor:
    name: str | None = None
    side: str | None = None
    type: str = "unknown"
    role: str | None = None  # e.g. "mediator" among talks participants

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "side": self.side, "type": self.type}
        if self.role:
            d["role"] = self.role
        return d


@dataclass
class Location:
    name: str
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    admin2: str | None = None
    pcode: str | None = None  # gazetteer identifier, when resolved
    # The gazetteer record's own name when resolved; ``name`` stays as the text wrote it
    # ("Kharkov", a town's new name).
    gazetteer_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class When:
    start: str | None = None  # ISO date
    end: str | None = None
    precision: str = "unknown"
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Count:
    value: int
    qualifier: str = "exact"
    text: str | None = None  # the words the number was read from
    # Who gave this number, when not the event's claimant (a later sentence's source).
    claimant: Actor | None = None

    def __post_init__(self) -> None:
        if isinstance(self.claimant, dict):  # read back from ledger JSON
            self.claimant = Actor(**self.claimant)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"value": self.value, "qualifier": self.qualifier}
        if self.text:
            d["text"] = self.text
        if self.claimant is not None:
            d["claimant"] = self.claimant.to_dict()
        return d


@dataclass
class Event:
    kind: str
    subtype: str | None = None
    actor: Actor | None = None
    target: Actor | None = None
    participants: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    date: When = field(default_factory=When)
    weapon: str | None = None
    target_kind: list[str] = field(default_factory=list)
    counts: dict[str, Count] = field(default_factory=dict)
    civilian: bool | None = None
    scope: list[str] = field(default_factory=list)
    duration: str | None = None
    name: str | None = None
    claimant: Actor | None = None
    status: str = "reported"
    negated: bool = False
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    # Per weapon type ("missile", "drone"), the counts the text gives for that weapon;
    # ``counts`` keeps the totals. Empty when the text gives no per-weapon numbers.
    counts_by_weapon: dict[str, dict[str, Count]] = field(default_factory=dict)
    # How the text sources the claim: "named" (a claimant), "hedged" ("reportedly"),
    # "unattributed" (plain narration). None when the reader does not say.
    attribution: str | None = None
    # Beside the schema's fields: the country of the event's place (ISO alpha-2, None when
    # unplaced) and the theatre it belongs to ("russia-ukraine"), None for another
    # conflict's event (warledger.nlp.scope).
    country: str | None = None
    theatre: str | None = None

    def __post_init__(self) -> None:
        self.counts_by_weapon = {  # read back from ledger JSON, counts may be plain dicts
            w: {k: Count(**c) if isinstance(c, dict) else c for k, c in counts.items()}
            for w, counts in self.counts_by_weapon.items()
        }

    def to_dict(self) -> dict[str, Any]:
        d = self._core_dict()
        if self.counts_by_weapon:
            d["counts_by_weapon"] = {
                w: {k: c.to_dict() for k, c in counts.items()}
                for w, counts in self.counts_by_weapon.items()
            }
        if self.attribution is not None:
            d["attribution"] = self.attribution
        d["country"] = self.country
        d["theatre"] = self.theatre
        return d

    def _core_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subtype": self.subtype,
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "participants": [p.to_dict() for p in self.participants],
            "locations": [loc.to_dict() for loc in self.locations],
            "date": self.date.to_dict(),
            "weapon": self.weapon,
            "target_kind": list(self.target_kind),
            "counts": {k: c.to_dict() for k, c in self.counts.items()},
            "civilian": self.civilian,
            "scope": list(self.scope),
            "duration": self.duration,
            "name": self.name,
            "claimant": self.claimant.to_dict() if self.claimant else None,
            "status": self.status,
            "negated": self.negated,
            "evidence": [asdict(s) for s in self.evidence],
            "confidence": round(self.confidence, 3),
        }


@dataclass
class Position:
    party: Actor
    issue: str
    stance: str
    date: When = field(default_factory=When)
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "party": self.party.to_dict(),
            "issue": self.issue,
            "stance": self.stance,
            "date": self.date.to_dict(),
            "evidence": [asdict(s) for s in self.evidence],
            "confidence": round(self.confidence, 3),
        }


@dataclass
class RawDocument:
    """What a reader produced: text before cleaning, plus metadata."""

    text: str
    origin: str  # file path, URL or "<stdin>:3" — names the input in errors
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    source: str | None = None  # the outlet, e.g. "voanews.com"
    is_html: bool = False
    doc_id: str | None = None  # an id the input carries (e.g. VOA's), if any


@dataclass
class Document:
    """A cleaned document: ``text`` is canonical; all offsets point into it.

    ``doc_id`` is ``"d-" + content_hash[:16]``: the same text is the same document.
    """

    doc_id: str
    text: str
    content_hash: str
    origin: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    language: str | None = None
    minhash: bytes | None = None
    external_id: str | None = None  # an id the input carried (e.g. VOA's article id)


@dataclass
class DocumentResult:
    """One document's extraction, the unit the schema calls "one document's result"."""

    doc_id: str | None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None  # ISO 639-1 as detected; None when it could not be told
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "doc_id": self.doc_id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "events": [e.to_dict() for e in self.events],
            "positions": [p.to_dict() for p in self.positions],
        }


@dataclass
class Mention:
    """An event as one document reports it, with where that report came from.

    The ledger's unit before consolidation: ``mention_id`` is stable across re-runs
    (document id plus the event's position in that document's result).
    """

    mention_id: str
    doc_id: str
    event: Event
    source: str | None = None
    published: str | None = None
    url: str | None = None
