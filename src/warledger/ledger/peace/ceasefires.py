"""The ceasefire register: each ceasefire, its life, and the violations alleged inside it.

Status events (``proposed``, ``declared``, ``accepted``, ``rejected``, ``extended``,
``ended``) are grouped into ceasefires, taken in date order:

- an event joins a ceasefire with the same name ("Easter truce"); two different names
  are two ceasefires;
- otherwise it joins the most recent ceasefire whose last status (or, later, the end of
  its window) is at most ``LINK_DAYS`` earlier, whose scope is compatible (equal,
  overlapping, or one unknown), whose duration does not differ (an extension may), and —
  for ``declared``, ``extended`` and ``ended`` — whose parties include the event's actor
  side (or either is unknown). Acceptances and rejections come from the other side, so
  they carry no side condition;
- negated events ("Russia has not agreed to a truce") change nothing and are left out;
  an undated, unnamed event is placed for joining only by the day it was first reported
  (news reports recent steps: "Ukraine said it is ready to accept the 30-day ceasefire",
  published three days after the acceptance, is the same proposal), never for a window;
  with neither it stands alone.

The window in force: from the first ``declared`` event, else from the acceptance by which
a second party had agreed (one side accepting a proposal puts nothing in force);
until an explicit end (a declared date range), else ``start + duration`` rounded up to
the day (see ``timing``); an extension moves the end (to its own range end, or by its
duration); an ``ended`` event closes it on that day if earlier. A ceasefire with a start
and no end is open: its window runs on until the end of the ledger.

A ``violation_alleged`` event attaches to a ceasefire when every day it may cover lies
inside the window (and its scope, if given, overlaps the ceasefire's); when several
windows contain it, to the latest-starting one (``linked_by: "window"``). One that no
window holds but that names a ceasefire — its name, or a scope such as "the energy
infrastructure ceasefire" — attaches to the latest such ceasefire begun by the day the
allegation was made (``linked_by: "name or scope"``). The accuser is the claimant, the
accused the target (the schema's convention). The rest are kept in ``unattached``: they
are still in the ledger, just not charged to a ceasefire.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from warledger.ledger.consolidate import ConsolidatedEvent
from warledger.ledger.durations import duration_words
from warledger.ledger.peace.timing import (
    actor_label,
    by_date,
    claimant_label,
    days_of,
    first_day,
    first_evidence,
    is_negated,
    iso,
    last_day,
    parse_duration,
    same_name,
)

LINK_DAYS = 14
STATUS_SUBTYPES = ("proposed", "declared", "accepted", "rejected", "extended", "ended")
VIOLATION = "violation_alleged"
_PARTY_BOUND = {"declared", "extended", "ended"}
UNKNOWN = "unknown"


@dataclass
class StatusChange:
    """One step in a ceasefire's life, with where it was reported."""

    date: str | None
    status: str
    event_id: str
    actor: str | None
    sources: list[str]
    evidence: str | None
    reported: str | None = None  # for an undated step, the day it was first reported

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Allegation:
    """One alleged violation: who accuses whom, of how many violations, on which days."""

    event_id: str
    start: str | None
    end: str | None
    accuser: str
    accused: str
    violations: int | None
    sources: list[str]
    evidence: str | None
    # "window" when its days lie inside the ceasefire's window; "name or scope" when it
    # names the ceasefire ("the energy ceasefire") but its days or the window are unknown.
    linked_by: str | None = "window"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Ceasefire:
    ceasefire_id: str
    name: str | None = None
    declarers: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)
    duration: str | None = None
    start: date | None = None
    end: date | None = None
    end_basis: str | None = None  # explicit | duration | extended | ended
    history: list[StatusChange] = field(default_factory=list)
    allegations: list[Allegation] = field(default_factory=list)
    events: list[ConsolidatedEvent] = field(default_factory=list, repr=False)
    # Kept as events join, so that grouping a ledger costs time in proportion to its
    # events (recomputed from every member on each join, 5,000 took 15 s): the last
    # stated day, the opening found so far and what it is found from (see ``_opening``).
    last_day: date | None = field(default=None, repr=False, compare=False)
    opening: ConsolidatedEvent | None = field(default=None, repr=False, compare=False)
    _declared: ConsolidatedEvent | None = field(default=None, repr=False, compare=False)
    _agreed: set[str] = field(default_factory=set, repr=False, compare=False)
    _accepted: ConsolidatedEvent | None = field(default=None, repr=False, compare=False)

    @property
    def status(self) -> str:
        """The latest status (by date) — what the ceasefire is now, as far as reported."""
        return self.history[-1].status if self.history else UNKNOWN

    @property
    def sources(self) -> list[str]:
        outlets = {s for h in self.history for s in h.sources}
        outlets |= {s for a in self.allegations for s in a.sources}
        return sorted(outlets)

    def window(self, ledger_end: date | None = None) -> tuple[date, date] | None:
        """The days in force; an open ceasefire runs to ``ledger_end`` (or indefinitely)."""
        if self.start is None:
            return None
        return (self.start, self.end or ledger_end or date.max)

    def violation_counts(self) -> list[dict[str, Any]]:
        """Allegations grouped by (accuser, accused): how many, how many violations
        they name in total (when they give numbers), and who reported them."""
        groups: dict[tuple[str, str], list[Allegation]] = defaultdict(list)
        for a in self.allegations:
            groups[(a.accuser, a.accused)].append(a)
        return [
            {
                "accuser": accuser,
                "accused": accused,
                "allegations": len(items),
                "violations_named": sum(a.violations or 0 for a in items)
                if any(a.violations is not None for a in items)
                else None,
                "sources": sorted({s for a in items for s in a.sources}),
            }
            for (accuser, accused), items in sorted(groups.items())
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "ceasefire_id": self.ceasefire_id,
            "name": self.name,
            "declarers": list(self.declarers),
            "parties": list(self.parties),
            "scope": list(self.scope),
            "duration": self.duration,
            "duration_words": duration_words(self.duration),
            "start": iso(self.start),
            "end": iso(self.end),
            "end_basis": self.end_basis,
            "status": self.status,
            "history": [h.to_dict() for h in self.history],
            "violations": self.violation_counts(),
            "allegations": [a.to_dict() for a in self.allegations],
            "sources": self.sources,
            "event_ids": [e.event_id for e in self.events],
        }


@dataclass
class CeasefireRegister:
    ceasefires: list[Ceasefire]
    unattached: list[Allegation]

    def to_dict(self) -> dict[str, Any]:
        return {
            "ceasefires": [c.to_dict() for c in self.ceasefires],
            "unattached_allegations": [a.to_dict() for a in self.unattached],
        }


# ------------------------------------------------------------------ grouping


def _scopes_compatible(a: Iterable[str], b: Iterable[str]) -> bool:
    sa, sb = set(a), set(b)
    return not sa or not sb or bool(sa & sb)


def _joins(cf: Ceasefire, event: ConsolidatedEvent, day: date | None) -> bool:
    if cf.name and event.name:
        return same_name(cf.name, event.name)
    if day is None:
        return False
    last = cf.last_day
    horizon = max(last, cf.end) if last and cf.end else last
    if last is None or horizon is None or day < last or (day - horizon).days > LINK_DAYS:
        return False
    if not _scopes_compatible(cf.scope, event.scope):
        return False
    if cf.duration and event.duration and cf.duration != event.duration:
        return event.subtype == "extended"
    side = event.actor.side if event.actor else None
    return not (event.subtype in _PARTY_BOUND and side and cf.parties and side not in cf.parties)


def _change(event: ConsolidatedEvent) -> StatusChange:
    return StatusChange(
        date=iso(first_day(event)),
        status=event.subtype or UNKNOWN,
        event_id=event.event_id,
        actor=actor_label(event.actor),
        sources=list(event.sources),
        evidence=first_evidence(event),
        reported=None if first_day(event) else iso(_reported_day(event)),
    )


def _add(cf: Ceasefire, event: ConsolidatedEvent) -> None:
    cf.events.append(event)
    day = first_day(event)
    if day is not None and (cf.last_day is None or day > cf.last_day):
        cf.last_day = day
    _note_opening(cf, event)
    cf.history.append(_change(event))
    cf.name = cf.name or event.name
    cf.scope = sorted(set(cf.scope) | set(event.scope))
    label = actor_label(event.actor)
    if label and event.subtype in ("proposed", "declared", "accepted", "extended"):
        if label not in cf.parties:
            cf.parties.append(label)
        if event.subtype == "declared" and label not in cf.declarers:
            cf.declarers.append(label)
    if event.subtype in ("proposed", "declared", "accepted") and not cf.duration:
        cf.duration = event.duration


def _ceasefire_id(event: ConsolidatedEvent) -> str:
    return "cf-" + hashlib.sha256(event.event_id.encode()).hexdigest()[:12]


def _reported_day(event: ConsolidatedEvent) -> date | None:
    try:
        return date.fromisoformat((event.first_reported or "")[:10])
    except ValueError:
        return None


def _effective_day(event: ConsolidatedEvent) -> date | None:
    """The event's first day, else the day it was first reported (for joining only)."""
    return first_day(event) or _reported_day(event)


def _by_effective_day(events: Iterable[ConsolidatedEvent]) -> list[ConsolidatedEvent]:
    """Events in the order their steps were taken, an undated one at the day it was first
    reported: taken last, "Ukraine said it is ready to accept the 30-day ceasefire"
    could no longer join the proposal it answered, reported a day before the last step."""

    def key(e: ConsolidatedEvent) -> tuple[bool, date, str]:
        day = _effective_day(e)
        return (day is None, day or date.min, e.event_id)

    return sorted(events, key=key)


def group_ceasefires(events: Iterable[ConsolidatedEvent]) -> list[Ceasefire]:
    """Status events → ceasefires (see the module rules), each with its window set."""
    found: list[Ceasefire] = []
    for event in _by_effective_day(events):
        if event.kind != "ceasefire" or is_negated(event) or event.subtype not in STATUS_SUBTYPES:
            continue
        day = _effective_day(event)
        home = next((cf for cf in reversed(found) if _joins(cf, event, day)), None)
        if home is None:
            home = Ceasefire(ceasefire_id=_ceasefire_id(event))
            found.append(home)
        opening, duration = home.opening, home.duration
        _add(home, event)
        if home.opening is not opening or home.duration != duration:
            _set_window(home)  # a new opening or duration: the window anew
        else:
            _advance_window(home, event)
    return found


# -------------------------------------------------------------------- window


def _opening(cf: Ceasefire) -> ConsolidatedEvent | None:
    """The event that put the ceasefire in force: the first dated declaration, else the
    acceptance by which a second party had agreed to it."""
    dated = [e for e in cf.events if days_of(e)]
    declared = [e for e in dated if e.subtype == "declared"]
    if declared:
        return declared[0]
    agreed: set[str] = set()
    for e in dated:
        if e.subtype == "accepted" and (label := actor_label(e.actor)):
            agreed.add(label)
            if len(agreed) >= 2:
                return e
    return None


def _note_opening(cf: Ceasefire, event: ConsolidatedEvent) -> None:
    """``_opening`` kept up to date one joining event at a time (events join in date
    order, so the first dated declaration and the second acceptance come as they did)."""
    if not days_of(event):
        return
    if event.subtype == "declared" and cf._declared is None:
        cf._declared = event
    elif event.subtype == "accepted" and cf._accepted is None:
        label = actor_label(event.actor)
        if label:
            cf._agreed.add(label)
            if len(cf._agreed) >= 2:
                cf._accepted = event
    cf.opening = cf._declared or cf._accepted


def _advance_window(cf: Ceasefire, event: ConsolidatedEvent) -> None:
    """What one more event does to a window whose opening stays: an extension or an end
    from the start on (``_set_window``'s loop, for the newest event only)."""
    if cf.start is None:
        return
    interval = days_of(event)
    if interval is None or interval[0] < cf.start:
        return
    if event.subtype == "extended":
        _extend(cf, event, interval)
    elif event.subtype == "ended" and (cf.end is None or interval[0] < cf.end):
        cf.end, cf.end_basis = interval[0], "ended"


def _set_window(cf: Ceasefire) -> None:
    """(Re)compute the window from the ceasefire's status events so far."""
    cf.start = cf.end = cf.end_basis = None
    opening = _opening(cf)
    if opening is None:
        return
    start, explicit_end = days_of(opening)  # type: ignore[misc]
    cf.start = start
    length = parse_duration(opening.duration or cf.duration)
    if explicit_end > start:
        cf.end, cf.end_basis = explicit_end, "explicit"
    elif length is not None:
        cf.end, cf.end_basis = last_day(start, length), "duration"
    for event in cf.events:
        interval = days_of(event)
        if interval is None or interval[0] < start:
            continue
        if event.subtype == "extended":
            _extend(cf, event, interval)
        elif event.subtype == "ended" and (cf.end is None or interval[0] < cf.end):
            cf.end, cf.end_basis = interval[0], "ended"


def _extend(cf: Ceasefire, event: ConsolidatedEvent, interval: tuple[date, date]) -> None:
    length = parse_duration(event.duration)
    if interval[1] > interval[0]:
        cf.end = interval[1]
    elif length is not None:
        # "extended by 30 days": the old end (or the day of the extension) plus that.
        cf.end = last_day(cf.end or interval[0], length)
    else:
        return
    cf.end_basis = "extended"


# --------------------------------------------------------------- allegations


def _allegation(event: ConsolidatedEvent) -> Allegation:
    interval = days_of(event)
    count = event.counts.get("violations")
    return Allegation(
        event_id=event.event_id,
        start=iso(interval[0]) if interval else None,
        end=iso(interval[1]) if interval else None,
        accuser=claimant_label(event) or UNKNOWN,
        accused=actor_label(event.target) or UNKNOWN,
        violations=count.best if count is not None else None,
        sources=list(event.sources),
        evidence=first_evidence(event),
    )


def _container(
    ceasefires: list[Ceasefire], event: ConsolidatedEvent, ledger_end: date | None
) -> Ceasefire | None:
    interval = days_of(event)
    if interval is None:
        return None
    inside = [
        cf
        for cf in ceasefires
        if (w := cf.window(ledger_end))
        and w[0] <= interval[0]
        and interval[1] <= w[1]
        and _scopes_compatible(cf.scope, event.scope)
    ]
    return max(inside, key=lambda cf: cf.start or date.min) if inside else None


def _named_target(
    ceasefires: list[Ceasefire], event: ConsolidatedEvent, began: dict[int, date | None]
) -> Ceasefire | None:
    """The ceasefire an allegation no window holds names: "violated the energy
    infrastructure ceasefire" accuses the energy ceasefire agreed before it, whether or
    not that one's start is known. Of several, the latest begun before the allegation.
    ``began``: each ceasefire's earliest effective day, by ``id`` (kept by the caller as
    events join, so it is not recomputed from every member for every allegation)."""
    day = _effective_day(event)
    if day is None or not (event.name or event.scope):
        return None

    def named(cf: Ceasefire) -> bool:
        if cf.name and event.name:
            return same_name(cf.name, event.name)
        return bool(set(cf.scope) & set(event.scope))

    earlier = [(b, cf) for cf in ceasefires if named(cf) and (b := began[id(cf)]) and b <= day]
    return max(earlier, key=lambda pair: pair[0])[1] if earlier else None


def _first_effective_day(
    events: Iterable[ConsolidatedEvent], earliest: date | None = None
) -> date | None:
    """The earliest effective day of ``events`` (and ``earliest``), None if none has one."""
    days = [d for e in events if (d := _effective_day(e))]
    if earliest is not None:
        days.append(earliest)
    return min(days) if days else None


def build_register(
    events: Iterable[ConsolidatedEvent], *, ledger_end: date | None = None
) -> CeasefireRegister:
    """The ceasefire register over consolidated events (any kinds; others are ignored)."""
    events = list(events)
    ceasefires = group_ceasefires(events)
    began = {id(cf): _first_effective_day(cf.events) for cf in ceasefires}
    unattached: list[Allegation] = []
    for event in by_date(events):
        if event.kind != "ceasefire" or event.subtype != VIOLATION or is_negated(event):
            continue
        home = _container(ceasefires, event, ledger_end)
        allegation = _allegation(event)
        if home is None:
            home = _named_target(ceasefires, event, began)
            allegation.linked_by = "name or scope" if home is not None else None
        if home is None:
            unattached.append(allegation)
        else:
            home.allegations.append(allegation)
            home.events.append(event)
            began[id(home)] = _first_effective_day([event], began[id(home)])
    return CeasefireRegister(ceasefires=ceasefires, unattached=unattached)


# ----------------------------------------------------------------- for views


@dataclass(frozen=True)
class Window:
    """The days a ceasefire covers on a timeline."""

    event_id: str
    start: date
    end: date
    label: str
    open: bool = False


def ledger_end(events: Iterable[ConsolidatedEvent]) -> date | None:
    """The last day any dated event starts: where an open ceasefire's window stops."""
    days = [d for e in events if (d := first_day(e))]
    return max(days) if days else None


def register_view(
    events: Iterable[ConsolidatedEvent], *, end: date | None = None
) -> dict[str, Any]:
    """The register as the API and dashboard show it; open ceasefires run to the
    ledger's last day: ``end`` when given (the ledger's, read in SQL, while ``events``
    need hold only the ceasefire events), else the last day of ``events``."""
    events = list(events)
    return build_register(events, ledger_end=end or ledger_end(events)).to_dict()


def ceasefire_windows(events: Iterable[ConsolidatedEvent], end: date | None) -> list[Window]:
    """The days each ceasefire of the register was in force (an open one runs to
    ``end``); ceasefires whose start is unknown have no window to draw."""
    windows = []
    for cf in build_register(list(events), ledger_end=end).ceasefires:
        span = cf.window(end)
        if span is None or span[1] == date.max:
            continue
        label = " ".join(
            x for x in (cf.name, ", ".join(cf.scope), duration_words(cf.duration), cf.status) if x
        )
        link = cf.events[0].event_id if cf.events else cf.ceasefire_id
        windows.append(Window(link, span[0], span[1], label or "ceasefire", cf.end is None))
    return windows
