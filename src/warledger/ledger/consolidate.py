"""Mentions from many documents → one event per real occurrence, keeping every claim.

Machine-coded datasets count reports: twenty outlets telling one strike become twenty
rows. Here mentions of the same occurrence from *different* documents become one
:class:`ConsolidatedEvent` whose claims keep what each source said.

When two mentions are the same occurrence (``match``):

1. They must not conflict. A conflict is any of: different ``kind``; incompatible
   subtypes (equal, one unknown, or a pair in ``MERGEABLE_SUBTYPES``, e.g. talks
   ``scheduled``/``held`` of the same meeting; ceasefire ``declared`` and
   ``violation_alleged`` are different occurrences); one negated and the other not;
   incompatible dates; places that differ at a level both know; actor or target sides
   that differ; different weapons (``missile`` covers its ballistic and cruise kinds,
   ``mixed`` covers all: "54 drones" and "3 missiles" are different numbers); talks
   whose participant sides are not a subset of one another; names of which neither
   is a short form of the other ("energy truce" vs "28-point peace plan"); the same
   document (a document's extractor already gives one event per occurrence).
2. They must agree enough. Points, added up, at least ``MERGE_THRESHOLD`` (5):

   ====================  ===================================================
   date                  same day 3 · ranges overlapping within a week 2 ·
                         wider ranges overlapping 1 · either unknown: 1 when
                         the two stories were published within 3 days of
                         each other (news reports recent events), else 0
   place                 same settlement/raion 3 · same oblast 2 ·
                         same country only 1 · either has no place 0
   strong agreements     1 each: same explicit subtype, overlapping target
                         kinds, same scope, same duration, a number both
                         give identically, and (diplomatic kinds only) the
                         same actor side; 2 each: same name,
                         the same ≥2 talks participant sides
   ====================  ===================================================

   Weapon and attacker/target sides are not strong for kinetic kinds: "a Russian drone
   strike on Ukraine" describes most nights of this war, so it identifies none of them.

   So: same day and the same oblast or finer merge on their own; a day inside a week
   or month range needs the same settlement or more; a mention with **no place** needs
   the same day plus two strong agreements; an **unknown date** needs the same
   settlement plus two strong agreements (one if the stories appeared within three
   days of each other); with neither date nor place, four points of specific
   agreement in stories published close together (e.g. a proposal's name, subtype and
   proposer), else five.

A mention joins the best-scoring existing event whose every member it matches
(complete linkage, so events cannot drift by chaining); ties go to the earlier event.
Only events with a member near the mention in time are compared (blocking), so
consolidation costs the same at ten thousand or a million mentions: a dated mention is
indexed under its days, an undated (or wider than a month) one under the fortnight
either side of its publication — news reports recent events, and an undated report is
not compared with events months away from the day it appeared. Two mentions are
compared when those day ranges overlap; only an undated mention without a publication
date is compared with every event of its kind.
Mentions are taken in a fixed order (published, document, position) and an event's id
is a hash of the mention that founded it, so re-running gives the same events and an
incremental run (``existing`` events plus new mentions) keeps existing ids.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from warledger.ledger.reconcile import CountReport, ReconciledCount, reconcile
from warledger.types import KINETIC_KINDS, Actor, Count, Event, Location, Mention, Span, When

MERGE_THRESHOLD = 5
# Subtype pairs that can describe the same occurrence at different stages.
MERGEABLE_SUBTYPES: dict[str, set[frozenset[str]]] = {
    "talks": {frozenset({"scheduled", "held"})},
}
# When members disagree on a mergeable subtype, the later stage describes the event.
SUBTYPE_PRECEDENCE: dict[str, tuple[str, ...]] = {"talks": ("held", "scheduled")}
STATUS_STRENGTH = ("confirmed", "reported", "claimed", "unverified")
NARROW_RANGE_DAYS = 7
PUBLISHED_CLOSE_DAYS = 3

_LEVELS = ("country", "admin1", "admin2", "settlement")
_LEVEL_POINTS = {"settlement": 3, "admin2": 3, "admin1": 2, "country": 1}
_ADMIN_SUFFIX = re.compile(r"\s+(oblast|region|province|raion|district|krai)$")


# --------------------------------------------------------------------------- data


@dataclass
class Claim:
    """What one document says about the event: who says it, how sure, which numbers."""

    mention_id: str
    doc_id: str
    source: str | None
    published: str | None
    url: str | None
    claimant: Actor | None
    status: str
    subtype: str | None
    negated: bool
    date: When
    locations: list[Location]
    counts: dict[str, Count]
    evidence: list[Span]

    @classmethod
    def from_mention(cls, m: Mention) -> Claim:
        e = m.event
        return cls(
            mention_id=m.mention_id,
            doc_id=m.doc_id,
            source=m.source,
            published=m.published,
            url=m.url,
            claimant=e.claimant,
            status=e.status,
            subtype=e.subtype,
            negated=e.negated,
            date=e.date,
            locations=list(e.locations),
            counts=dict(e.counts),
            evidence=list(e.evidence),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention_id": self.mention_id,
            "doc_id": self.doc_id,
            "source": self.source,
            "published": self.published,
            "url": self.url,
            "claimant": self.claimant.to_dict() if self.claimant else None,
            "status": self.status,
            "subtype": self.subtype,
            "negated": self.negated,
            "date": self.date.to_dict(),
            "locations": [loc.to_dict() for loc in self.locations],
            "counts": {k: c.to_dict() for k, c in self.counts.items()},
            "evidence": [asdict(s) for s in self.evidence],
        }


@dataclass
class ConsolidatedEvent:
    """One real occurrence with every claim about it (see ``build_event``)."""

    event_id: str
    kind: str
    subtype: str | None
    date: When
    locations: list[Location]
    actor: Actor | None
    target: Actor | None
    participants: list[Actor]
    weapon: str | None
    weapons: list[str]
    target_kind: list[str]
    scope: list[str]
    duration: str | None
    name: str | None
    civilian: bool | None
    status: str
    counts: dict[str, ReconciledCount]
    claims: list[Claim]
    sources: list[str]
    claimants: list[str]
    first_reported: str | None
    confidence: float
    mentions: list[Mention] = field(default_factory=list, repr=False)
    # The extractor's theatre of the reports (see ``_pick_theatre``); None when no report
    # names one, and then ``warledger.ledger.theatre`` places the event by its places
    # and sides, as it does events stored before the extractor labelled theatres.
    theatre: str | None = None

    @property
    def mention_ids(self) -> list[str]:
        return [c.mention_id for c in self.claims]

    @property
    def n_sources(self) -> int:
        return len(self.sources)

    @property
    def n_claimants(self) -> int:
        return len(self.claimants)

    @property
    def contradictions(self) -> list[str]:
        return [k for k, c in self.counts.items() if c.contradiction]

    def summary_fields(self) -> dict[str, Any]:
        """What ``ledger.summary.summarise`` reads, without serialising every claim:
        the page of 50 events spent most of its time in ``to_dict`` for this."""
        return {
            "kind": self.kind,
            "subtype": self.subtype,
            "actor": self.actor.to_dict() if self.actor else None,
            "weapon": self.weapon,
            "locations": [loc.to_dict() for loc in self.locations],
            "name": self.name,
            "duration": self.duration,
            "counts": {k: c.to_dict() for k, c in self.counts.items()},
            "claims": [{"negated": c.negated} for c in self.claims],
        }

    def to_dict(self) -> dict[str, Any]:
        """The consolidated event as ledger-schema JSON plus its claims."""
        return {
            "event_id": self.event_id,
            "kind": self.kind,
            "subtype": self.subtype,
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "participants": [p.to_dict() for p in self.participants],
            "locations": [loc.to_dict() for loc in self.locations],
            "date": self.date.to_dict(),
            "weapon": self.weapon,
            "weapons": list(self.weapons),
            "target_kind": list(self.target_kind),
            "counts": {k: c.to_dict() for k, c in self.counts.items()},
            "civilian": self.civilian,
            "scope": list(self.scope),
            "duration": self.duration,
            "name": self.name,
            "status": self.status,
            "contradictions": self.contradictions,
            "corroboration": {"sources": self.n_sources, "claimants": self.n_claimants},
            "sources": list(self.sources),
            "claimants": list(self.claimants),
            "first_reported": self.first_reported,
            "confidence": round(self.confidence, 3),
            "mention_ids": self.mention_ids,
            "claims": [c.to_dict() for c in self.claims],
            **({"theatre": self.theatre} if self.theatre else {}),
        }


# ------------------------------------------------------------- from stored JSON


def actor_from_dict(d: dict[str, Any] | None) -> Actor | None:
    if not d:
        return None
    return Actor(
        name=d.get("name"), side=d.get("side"), type=d.get("type", "unknown"), role=d.get("role")
    )


def location_from_dict(d: dict[str, Any]) -> Location:
    return Location(**{k: d.get(k) for k in Location.__dataclass_fields__})  # type: ignore[arg-type]


def when_from_dict(d: dict[str, Any] | None) -> When:
    d = d or {}
    return When(
        start=d.get("start"),
        end=d.get("end"),
        precision=d.get("precision") or "unknown",
        text=d.get("text"),
    )


def claim_from_dict(d: dict[str, Any]) -> Claim:
    return Claim(
        mention_id=d["mention_id"],
        doc_id=d["doc_id"],
        source=d.get("source"),
        published=d.get("published"),
        url=d.get("url"),
        claimant=actor_from_dict(d.get("claimant")),
        status=d.get("status", "reported"),
        subtype=d.get("subtype"),
        negated=bool(d.get("negated")),
        date=when_from_dict(d.get("date")),
        locations=[location_from_dict(x) for x in d.get("locations", [])],
        counts={
            k: Count(value=c["value"], qualifier=c.get("qualifier", "exact"), text=c.get("text"))
            for k, c in d.get("counts", {}).items()
        },
        evidence=[Span(s["start"], s["end"], s["text"]) for s in d.get("evidence", [])],
    )


def event_from_dict(d: dict[str, Any]) -> ConsolidatedEvent:
    """A consolidated event read back from its ``to_dict`` JSON (without member mentions)."""
    return ConsolidatedEvent(
        event_id=d["event_id"],
        kind=d["kind"],
        subtype=d.get("subtype"),
        date=when_from_dict(d.get("date")),
        locations=[location_from_dict(x) for x in d.get("locations", [])],
        actor=actor_from_dict(d.get("actor")),
        target=actor_from_dict(d.get("target")),
        participants=[a for x in d.get("participants", []) if (a := actor_from_dict(x))],
        weapon=d.get("weapon"),
        weapons=list(d.get("weapons", [])),
        target_kind=list(d.get("target_kind", [])),
        scope=list(d.get("scope", [])),
        duration=d.get("duration"),
        name=d.get("name"),
        civilian=d.get("civilian"),
        status=d.get("status", "reported"),
        counts={k: ReconciledCount.from_dict(k, v) for k, v in d.get("counts", {}).items()},
        claims=[claim_from_dict(c) for c in d.get("claims", [])],
        sources=list(d.get("sources", [])),
        claimants=list(d.get("claimants", [])),
        first_reported=d.get("first_reported"),
        confidence=d.get("confidence", 0.5),
        theatre=d.get("theatre"),
    )


# ----------------------------------------------------------------- small readers


def published_at(value: str | None) -> datetime | None:
    """A publication time as an aware UTC datetime (a bare date is midnight UTC)."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _iso_published(value: str | None) -> str | None:
    dt = published_at(value)
    return dt.isoformat() if dt else None


def date_interval(when: When) -> tuple[date, date] | None:
    """The days a When may cover, or None when unknown."""
    if when.precision == "unknown" or not when.start:
        return None
    try:
        start = date.fromisoformat(when.start[:10])
        end = date.fromisoformat(when.end[:10]) if when.end else start
    except ValueError:
        return None
    if when.precision == "day":
        end = start
    return (start, end) if start <= end else (end, start)


def norm_name(name: str | None) -> str | None:
    """Case-, accent- and apostrophe-insensitive place name without 'Oblast'/'region'."""
    if not name:
        return None
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['’`ʼ]", "", text.casefold())
    text = re.sub(r"[-‐–\s]+", " ", text).strip()
    text = _ADMIN_SUFFIX.sub("", text)
    return text or None


def place_levels(loc: Location) -> dict[str, str]:
    """What a location says at each level it knows (country, admin1, admin2, settlement)."""
    levels: dict[str, str] = {}
    if loc.country:
        levels["country"] = loc.country.upper()
    precision = loc.precision
    if loc.admin1:
        levels["admin1"] = norm_name(loc.admin1) or ""
    elif precision == "admin1":
        levels["admin1"] = norm_name(loc.name) or ""
    if loc.admin2:
        levels["admin2"] = norm_name(loc.admin2) or ""
    elif precision == "admin2":
        levels["admin2"] = norm_name(loc.name) or ""
    if precision in ("settlement", "point", None):
        levels["settlement"] = norm_name(loc.name) or ""
    if precision == "country" and not loc.country:
        levels["country"] = norm_name(loc.name) or ""
    return {k: v for k, v in levels.items() if v}


def _compare_levels(
    la: dict[str, str], lb: dict[str, str], pa: str | None, pb: str | None
) -> tuple[str, str | None]:
    if pa and pb and "settlement" in la and "settlement" in lb:
        # Both resolved by the gazetteer: its identifier beats spelling variants.
        la, lb = {**la, "settlement": pa}, {**lb, "settlement": pb}
    finest = None
    for level in _LEVELS:
        if level in la and level in lb:
            if la[level] != lb[level]:
                return ("conflict", level)
            finest = level
    return ("agree", finest) if finest else ("unknown", None)


def compare_locations(a: Location, b: Location) -> tuple[str, str | None]:
    """("agree", finest level) | ("conflict", level) | ("unknown", None)."""
    return _compare_levels(place_levels(a), place_levels(b), a.pcode, b.pcode)


_Place = tuple[dict[str, str], str | None]  # levels, pcode


def _place_points(a: Sequence[_Place], b: Sequence[_Place]) -> int | None:
    if not a or not b:
        return 0
    best = 0
    conflict = False
    for la, pa in a:
        for lb, pb in b:
            verdict, level = _compare_levels(la, lb, pa, pb)
            if verdict == "agree" and level:
                best = max(best, _LEVEL_POINTS[level])
            elif verdict == "conflict":
                conflict = True
    if best >= _LEVEL_POINTS["admin1"]:
        return best
    return None if conflict else best


def place_points(a: Sequence[Location], b: Sequence[Location]) -> int | None:
    """Points for place agreement, 0 when unknown, None for a conflict."""
    return _place_points(
        [(place_levels(x), x.pcode) for x in a], [(place_levels(x), x.pcode) for x in b]
    )


_Interval = tuple[date, date] | None


def _date_points(ia: _Interval, ib: _Interval) -> int | None:
    if ia is None or ib is None:
        return 0
    if ia[1] < ib[0] or ib[1] < ia[0]:
        return None
    if ia[0] == ia[1] == ib[0] == ib[1]:
        return 3
    widest = max((ia[1] - ia[0]).days, (ib[1] - ib[0]).days)
    return 2 if widest < NARROW_RANGE_DAYS else 1


def date_points(a: When, b: When) -> int | None:
    """Points for date agreement, 0 when either is unknown, None for a conflict."""
    return _date_points(date_interval(a), date_interval(b))


def _side(actor: Actor | None) -> str | None:
    return actor.side if actor and actor.side else None


def subtypes_compatible(kind: str, a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return frozenset({a, b}) in MERGEABLE_SUBTYPES.get(kind, set())


def weapons_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b or "mixed" in (a, b):
        return True
    return {a, b} <= {"missile", "ballistic_missile", "cruise_missile"} and "missile" in (a, b)


@dataclass(frozen=True)
class MatchFeatures:
    """What matching compares, read once per mention (matching runs many times)."""

    doc_id: str
    kind: str
    subtype: str | None
    negated: bool
    weapon: str | None
    actor_side: str | None
    target_side: str | None
    participant_sides: frozenset[str]
    interval: _Interval
    places: tuple[_Place, ...]
    target_kind: frozenset[str]
    scope: frozenset[str]
    duration: str | None
    name: str | None
    counts: frozenset[tuple[str, int, str]]
    published: date | None

    @classmethod
    def of(cls, m: Mention) -> MatchFeatures:
        e = m.event
        return cls(
            doc_id=m.doc_id,
            kind=e.kind,
            subtype=e.subtype,
            negated=e.negated,
            weapon=e.weapon,
            actor_side=_side(e.actor),
            target_side=_side(e.target),
            participant_sides=frozenset(p.side for p in e.participants if p.side),
            interval=date_interval(e.date),
            places=tuple((place_levels(loc), loc.pcode) for loc in e.locations),
            target_kind=frozenset(e.target_kind),
            scope=frozenset(e.scope),
            duration=e.duration,
            name=norm_name(e.name),
            counts=frozenset((k, c.value, c.qualifier) for k, c in e.counts.items()),
            published=dt.date() if (dt := published_at(m.published)) else None,
        )


def _conflicts(a: MatchFeatures, b: MatchFeatures) -> bool:
    if a.doc_id == b.doc_id or a.kind != b.kind or a.negated != b.negated:
        return True
    if not subtypes_compatible(a.kind, a.subtype, b.subtype):
        return True
    if not weapons_compatible(a.weapon, b.weapon):
        return True
    for x, y in ((a.actor_side, b.actor_side), (a.target_side, b.target_side)):
        if x and y and x != y:
            return True
    if a.name and b.name and not _names_compatible(a.name, b.name):
        return True
    pa, pb = a.participant_sides, b.participant_sides
    return bool(pa and pb and not (pa <= pb or pb <= pa))


def _names_compatible(a: str, b: str) -> bool:
    """ "peace framework" may be a short form of "19-point peace framework"; "energy
    truce" is not "28-point peace plan"."""
    ta, tb = set(a.split()), set(b.split())
    return ta <= tb or tb <= ta


def _strong_agreements(a: MatchFeatures, b: MatchFeatures) -> int:
    points = 0
    if a.subtype and a.subtype == b.subtype:
        points += 1
    if a.target_kind & b.target_kind:
        points += 1
    if a.scope and a.scope == b.scope:
        points += 1
    if a.duration and a.duration == b.duration:
        points += 1
    if a.kind not in KINETIC_KINDS and a.actor_side and a.actor_side == b.actor_side:
        points += 1
    if a.counts & b.counts:
        points += 1
    if a.name and a.name == b.name:
        points += 2
    if len(a.participant_sides) >= 2 and a.participant_sides == b.participant_sides:
        points += 2
    return points


def strong_agreements(a: Mention, b: Mention) -> int:
    """How many specific details two mentions share (see the module table)."""
    return _strong_agreements(MatchFeatures.of(a), MatchFeatures.of(b))


def _match(a: MatchFeatures, b: MatchFeatures) -> int | None:
    if _conflicts(a, b):
        return None
    dp = _date_points(a.interval, b.interval)
    if dp is None:
        return None
    if dp == 0 and a.published and b.published:
        dp = int(abs((a.published - b.published).days) <= PUBLISHED_CLOSE_DAYS)
    pp = _place_points(a.places, b.places)
    if pp is None:
        return None
    score = dp + pp + _strong_agreements(a, b)
    return score if score >= MERGE_THRESHOLD else None


def match_score(a: Mention, b: Mention) -> int | None:
    """Agreement points of two mentions, or None when they cannot be one occurrence."""
    return _match(MatchFeatures.of(a), MatchFeatures.of(b))


# ------------------------------------------------------------------ building


def event_id_for(founding_mention_id: str) -> str:
    return "e-" + hashlib.sha256(founding_mention_id.encode()).hexdigest()[:16]


def mention_order(m: Mention) -> tuple[str, str, str]:
    """The fixed order mentions are consolidated in: published, document, position."""
    pub = _iso_published(m.published) or "9999"
    idx = m.mention_id.rsplit(":", 1)[-1]
    return (pub, m.doc_id, idx.zfill(8))


def _most_common(values: Iterable[Any]) -> Any:
    """The most frequent value; ties go to the one seen first."""
    counted = Counter(v for v in values if v is not None)
    if not counted:
        return None
    top = max(counted.values())
    return next(v for v in counted if counted[v] == top)


def _pick_actor(actors: Iterable[Actor | None]) -> Actor | None:
    known = [a for a in actors if a is not None and (a.side or a.name)]
    if not known:
        return None
    key = _most_common((a.side, a.name) for a in known)
    return next(a for a in known if (a.side, a.name) == key)


def _pick_date(ms: Sequence[Mention]) -> When:
    dated = [(date_interval(m.event.date), m.event.date) for m in ms]
    known = [(iv, w) for iv, w in dated if iv is not None]
    if not known:
        return next((m.event.date for m in ms if m.event.date.text), When())
    narrowest = min((iv[1] - iv[0]).days for iv, _ in known)
    candidates = [w for iv, w in known if (iv[1] - iv[0]).days == narrowest]
    key = _most_common((w.start, w.end, w.precision) for w in candidates)
    return next(w for w in candidates if (w.start, w.end, w.precision) == key)


def _location_key(loc: Location) -> tuple[Any, ...]:
    return tuple(sorted(place_levels(loc).items())) or (("name", norm_name(loc.name)),)


def _finer(a: Location, b: Location) -> bool:
    """a is a finer description of the same place as b."""
    verdict, _ = compare_locations(a, b)
    return verdict == "agree" and len(place_levels(a)) > len(place_levels(b))


def _pick_locations(ms: Sequence[Mention]) -> list[Location]:
    seen: dict[tuple[Any, ...], Location] = {}
    freq: Counter[tuple[Any, ...]] = Counter()
    for m in ms:
        for loc in m.event.locations:
            key = _location_key(loc)
            freq[key] += 1
            current = seen.get(key)
            if current is None or (current.lat is None and loc.lat is not None):
                seen[key] = loc
    kept = [
        loc
        for loc in seen.values()
        if not any(_finer(o, loc) for o in seen.values() if o is not loc)
    ]
    return sorted(kept, key=lambda loc: (-len(place_levels(loc)), -freq[_location_key(loc)]))


def _pick_subtype(kind: str, ms: Sequence[Mention]) -> str | None:
    subtypes = [m.event.subtype for m in ms if m.event.subtype]
    for preferred in SUBTYPE_PRECEDENCE.get(kind, ()):
        if preferred in subtypes:
            return preferred
    return _most_common(subtypes)


def _union_participants(ms: Sequence[Mention]) -> list[Actor]:
    out: dict[tuple[str | None, str | None], Actor] = {}
    for m in ms:
        for p in m.event.participants:
            out.setdefault(((p.name or "").casefold() or None, p.side), p)
    return list(out.values())


def _civilian(ms: Sequence[Mention]) -> bool | None:
    values = {m.event.civilian for m in ms if m.event.civilian is not None}
    return values.pop() if len(values) == 1 else None


def _claimant_label(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.name or actor.side


def _outlet(m: Mention) -> str:
    return m.source or m.doc_id


# Numbers of projectiles, which a claim may give for one weapon only.
WEAPON_COUNTS = frozenset({"launched", "intercepted", "failed"})


def _counted_weapon(key: str, event: Event) -> str | None:
    """The one weapon a mention's number counts ("120 drones launched"), or None for a
    whole attack (a toll, a stated total of a mixed barrage, an unnamed weapon)."""
    if key not in WEAPON_COUNTS or event.weapon in (None, "mixed"):
        return None
    return event.weapon


def build_event(event_id: str, mentions: Sequence[Mention]) -> ConsolidatedEvent:
    """Derive a consolidated event's fields from its member mentions (in order)."""
    ms = sorted(mentions, key=mention_order)
    first = ms[0].event
    reports = [
        CountReport(
            key=k,
            count=c,
            mention_id=m.mention_id,
            outlet=_outlet(m),
            claimant=_claimant_label(m.event.claimant),
            published=_iso_published(m.published),
            weapon=_counted_weapon(k, m.event),
        )
        for m in ms
        for k, c in m.event.counts.items()
    ]
    statuses = {m.event.status for m in ms}
    published = [(p, m.published) for m in ms if (p := published_at(m.published))]
    return ConsolidatedEvent(
        event_id=event_id,
        kind=first.kind,
        subtype=_pick_subtype(first.kind, ms),
        date=_pick_date(ms),
        locations=_pick_locations(ms),
        actor=_pick_actor(m.event.actor for m in ms),
        target=_pick_actor(m.event.target for m in ms),
        participants=_union_participants(ms),
        weapon=_most_common(m.event.weapon for m in ms),
        weapons=sorted({m.event.weapon for m in ms if m.event.weapon}),
        target_kind=sorted({tk for m in ms for tk in m.event.target_kind}),
        scope=sorted({s for m in ms for s in m.event.scope}),
        duration=_most_common(m.event.duration for m in ms),
        name=_most_common(m.event.name for m in ms),
        civilian=_civilian(ms),
        status=next((s for s in STATUS_STRENGTH if s in statuses), first.status),
        counts=reconcile(reports),
        claims=[Claim.from_mention(m) for m in ms],
        sources=sorted({_outlet(m) for m in ms}),
        claimants=sorted({lbl for m in ms if (lbl := _claimant_label(m.event.claimant))}),
        first_reported=min(published)[1] if published else None,
        confidence=max(m.event.confidence for m in ms),
        mentions=list(ms),
        theatre=_pick_theatre(ms),
    )


def _pick_theatre(ms: Sequence[Mention]) -> str | None:
    """The theatre most reports are labelled with, None when none is labelled.

    The extractor reads it from the whole sentence and document; re-deriving it from the
    consolidated event's places and sides lost that reading (a US ceasefire proposal for
    Ukraine, placed nowhere, fell out of the theatre)."""
    labelled = Counter(m.event.theatre for m in ms if m.event.theatre)
    return labelled.most_common(1)[0][0] if labelled else None


# --------------------------------------------------------------- clustering


# Date blocking: a mention is only compared with events that have a member whose
# blocking days overlap its own: its dates when known and narrow, else the days around
# its publication (see the module docstring).
WIDE_DAYS = 31  # a dated range up to this wide is indexed under its days
UNDATED_WINDOW_DAYS = 15  # an undated report: its publication day, this many either side


def _day_keys(interval: _Interval) -> list[date] | None:
    """The days an interval covers, or None when it is unknown or too wide to index."""
    if interval is None or (interval[1] - interval[0]).days > WIDE_DAYS:
        return None
    n = (interval[1] - interval[0]).days
    return [interval[0] + timedelta(days=i) for i in range(n + 1)]


def _block_span(interval: _Interval, published: date | None) -> tuple[date, date] | None:
    days = _day_keys(interval)
    if days is not None:
        return days[0], days[-1]
    if published is not None:
        window = timedelta(days=UNDATED_WINDOW_DAYS)
        return published - window, published + window
    return None


def blocking_days(m: Mention) -> tuple[date, date] | None:
    """(first, last) day a mention is indexed and searched under; None for an undated
    mention without a publication date (compared with every event of its kind)."""
    f = MatchFeatures.of(m)
    return _block_span(f.interval, f.published)


def _span_days(span: tuple[date, date] | None) -> list[date] | None:
    if span is None:
        return None
    return [span[0] + timedelta(days=i) for i in range((span[1] - span[0]).days + 1)]


class _Clusters:
    """Events under construction with an index from (kind, day) to candidate events."""

    def __init__(self) -> None:
        self.groups: list[tuple[str, list[Mention], list[MatchFeatures]]] = []
        self.by_day: dict[tuple[str, date], set[int]] = defaultdict(set)
        self.undated: dict[str, set[int]] = defaultdict(set)  # no date, no publication date
        self.by_kind: dict[str, set[int]] = defaultdict(set)

    def add(self, event_id: str, members: Sequence[Mention]) -> None:
        self.groups.append((event_id, [], []))
        for m in members:
            self.join(len(self.groups) - 1, m, MatchFeatures.of(m))

    def join(self, index: int, m: Mention, f: MatchFeatures) -> None:
        _, members, features = self.groups[index]
        members.append(m)
        features.append(f)
        self.by_kind[f.kind].add(index)
        days = _span_days(_block_span(f.interval, f.published))
        if days is None:
            self.undated[f.kind].add(index)
        else:
            for d in days:
                self.by_day[(f.kind, d)].add(index)

    def candidates(self, f: MatchFeatures) -> list[int]:
        days = _span_days(_block_span(f.interval, f.published))
        if days is None:
            return sorted(self.by_kind[f.kind])
        found = set(self.undated[f.kind])
        for d in days:
            found |= self.by_day.get((f.kind, d), set())
        return sorted(found)

    def best(self, f: MatchFeatures) -> int | None:
        """The event this mention matches best (every member must match; ties: earlier)."""
        best_index, best_score = None, -1.0
        for i in self.candidates(f):
            total = 0
            for other in self.groups[i][2]:
                score = _match(f, other)
                if score is None:
                    break
                total += score
            else:
                mean = total / len(self.groups[i][2])
                if mean > best_score:
                    best_index, best_score = i, mean
        return best_index


def assign(
    mentions: Iterable[Mention], existing: Sequence[tuple[str, Sequence[Mention]]] = ()
) -> list[tuple[str, list[Mention]]]:
    """Group mentions into (event_id, members), starting from existing groups."""
    clusters = _Clusters()
    for event_id, members in existing:
        if members:
            clusters.add(event_id, members)
    known = {m.mention_id for _, ms, _ in clusters.groups for m in ms}
    for m in sorted(mentions, key=mention_order):
        if m.mention_id in known:
            continue
        known.add(m.mention_id)
        f = MatchFeatures.of(m)
        index = clusters.best(f)
        if index is None:
            clusters.add(event_id_for(m.mention_id), [m])
        else:
            clusters.join(index, m, f)
    return [(event_id, members) for event_id, members, _ in clusters.groups]


def consolidate(
    mentions: Iterable[Mention], existing: Sequence[ConsolidatedEvent] = ()
) -> list[ConsolidatedEvent]:
    """Merge mentions of the same occurrence into events; ``existing`` events are kept
    (with their ids) and new mentions join them or found new events."""
    groups = assign(mentions, [(e.event_id, e.mentions) for e in existing])
    return [build_event(eid, members) for eid, members in groups]
