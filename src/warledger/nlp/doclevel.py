"""Document-level passes: one event per occurrence.

A news story often restates its lead ("Russia struck Kyiv overnight" ... "In Kyiv alone,
the overnight strikes killed two people"). Two kinetic events of the same kind and subtype
at the same place on compatible dates are one occurrence: the later one merges into the
first, which keeps every evidence span and gains the fields only the later one had.
Diplomacy events are left as their reader produced them.
"""

from __future__ import annotations

from warledger.types import Event

MERGEABLE = frozenset({"strike", "ground_combat", "territorial_change"})


def merge_occurrences(events: list[Event]) -> list[Event]:
    """Merge restatements of one occurrence into its first mention, keeping order."""
    kept: list[Event] = []
    for event in events:
        first = next((k for k in kept if _same_occurrence(k, event)), None)
        if first is None:
            kept.append(event)
        else:
            _absorb(first, event)
    return kept


def _same_occurrence(a: Event, b: Event) -> bool:
    if a.kind != b.kind or a.kind not in MERGEABLE or a.negated != b.negated:
        return False
    if a.subtype != b.subtype and None not in (a.subtype, b.subtype) and not _same_hold(a, b):
        return False
    names_a = {loc.name.casefold() for loc in a.locations}
    names_b = {loc.name.casefold() for loc in b.locations}
    if not names_a or names_a != names_b:
        return False
    if a.actor and b.actor and a.actor.side != b.actor.side:
        return False
    if a.date.start and b.date.start and a.date.start != b.date.start:
        return False
    return not _counts_conflict(a, b)


# Subtypes of a territorial change that both say the actor now holds the place: a party
# "liberated" (recaptured, in its words) what the lead said it "seized".
HOLDING = frozenset({"captured", "recaptured"})


def _same_hold(a: Event, b: Event) -> bool:
    """Two changes of hold of one place to the same side, however each words it; a side
    that names no unit ("Units of the Southern group have liberated X," the ministry
    said) speaks of its own."""
    sides = {_holder(a), _holder(b)}
    return a.kind == "territorial_change" and {a.subtype, b.subtype} <= HOLDING and (
        len(sides) == 1 and None not in sides
    )


def _holder(event: Event) -> str | None:
    if event.actor is not None and event.actor.side:
        return event.actor.side
    return event.claimant.side if event.claimant is not None else None


def _counts_conflict(a: Event, b: Event) -> bool:
    return any(a.counts[k].value != b.counts[k].value for k in a.counts.keys() & b.counts.keys())


def _absorb(first: Event, later: Event) -> None:
    for span in later.evidence:
        if span not in first.evidence:
            first.evidence.append(span)
    for key, count in later.counts.items():
        if key not in first.counts and count.claimant is None and later.claimant != first.claimant:
            count.claimant = later.claimant  # the number keeps who gave it
        first.counts.setdefault(key, count)
    for kind in later.target_kind:
        if kind not in first.target_kind:
            first.target_kind.append(kind)
    first.subtype = first.subtype or later.subtype
    first.actor = first.actor or later.actor
    first.target = first.target or later.target
    first.weapon = first.weapon or later.weapon
    first.claimant = first.claimant or later.claimant
    if first.civilian is None:
        first.civilian = later.civilian
    if not first.date.start and later.date.start:
        first.date = later.date
    first.confidence = max(first.confidence, later.confidence)
