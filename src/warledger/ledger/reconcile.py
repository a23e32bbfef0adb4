"""One reconciled value per number, keeping every source's number beside it.

Outlets disagree: one says 54 drones, another 45. Flattening that into one number hides
the disagreement, so every key (``launched``, ``killed`` …) gets:

- ``low`` / ``high``: the smallest and largest value any claim gives;
- ``best``: the value reported by the most distinct outlets when one value is strictly
  more corroborated than every other; otherwise (a tie, e.g. one outlet each) the lower
  median of all reported values, which is always a value somebody actually reported;
- ``contradiction``: true when the claims cannot all be right at once. Each claim is read
  as an interval from its qualifier ("at least 40" = [40, ∞), "about 50" = [45, 55],
  "up to 30" = [0, 30]); the claims contradict when those intervals share no point.
  "at least 40" beside "45" is no contradiction; "54" beside "45" is; only claims that
  count the same weapon are compared ("120 drones" beside "123 drones and missiles" is no
  contradiction);
- ``latest``: the value of the most recently published claim (death tolls rise during
  a day, so readers often want the latest figure rather than the best-corroborated one).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from warledger.types import Count

# Relative half-width of the interval an "about N" claim stands for.
ABOUT_TOLERANCE = 0.1


@dataclass(frozen=True)
class CountReport:
    """One number as one claim gives it."""

    key: str
    count: Count
    mention_id: str
    outlet: str  # the source outlet, or the document id when the outlet is unknown
    claimant: str | None = None
    published: str | None = None  # ISO; only used to order claims in time
    # What the number counts when a claim counted one weapon only ("120 drones launched");
    # None for the whole attack (or a weapon the claim does not say).
    weapon: str | None = None


@dataclass
class ReportedValue:
    """A distinct (value, qualifier) and who reported it."""

    value: int
    qualifier: str
    outlets: list[str] = field(default_factory=list)
    claimants: list[str] = field(default_factory=list)
    mention_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "qualifier": self.qualifier,
            "sources": list(self.outlets),
            "claimants": list(self.claimants),
            "mention_ids": list(self.mention_ids),
        }


@dataclass
class ReconciledCount:
    key: str
    low: int
    best: int
    high: int
    best_basis: str  # "corroborated" or "median"
    contradiction: bool
    latest: int | None
    values: list[ReportedValue]

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "best_basis": self.best_basis,
            "contradiction": self.contradiction,
            "latest": self.latest,
            "values": [v.to_dict() for v in self.values],
        }

    @classmethod
    def from_dict(cls, key: str, data: dict[str, Any]) -> ReconciledCount:
        return cls(
            key=key,
            low=data["low"],
            best=data["best"],
            high=data["high"],
            best_basis=data["best_basis"],
            contradiction=data["contradiction"],
            latest=data.get("latest"),
            values=[
                ReportedValue(
                    value=v["value"],
                    qualifier=v["qualifier"],
                    outlets=list(v.get("sources", [])),
                    claimants=list(v.get("claimants", [])),
                    mention_ids=list(v.get("mention_ids", [])),
                )
                for v in data.get("values", [])
            ],
        )


def claim_interval(count: Count) -> tuple[float, float]:
    """The range of true values a claim with this qualifier allows."""
    v = count.value
    q = count.qualifier
    if q == "at_least":
        return (v, math.inf)
    if q == "more_than":
        return (v + 1, math.inf)
    if q in ("up_to", "at_most"):
        return (0, v)
    if q == "about":
        return (math.floor(v * (1 - ABOUT_TOLERANCE)), math.ceil(v * (1 + ABOUT_TOLERANCE)))
    return (v, v)


def contradicts(counts: list[Count]) -> bool:
    """True when no single true value satisfies every claim."""
    if len(counts) < 2:
        return False
    intervals = [claim_interval(c) for c in counts]
    return max(lo for lo, _ in intervals) > min(hi for _, hi in intervals)


def _contradicts_like_with_like(reports: list[CountReport]) -> bool:
    """Claims contradict only when they count the same thing: "120 drones launched" and
    "123 drones and missiles launched" are not a dispute."""
    by_weapon: dict[str | None, list[Count]] = defaultdict(list)
    for r in reports:
        by_weapon[r.weapon].append(r.count)
    return any(contradicts(counts) for counts in by_weapon.values())


def reconcile_key(key: str, reports: list[CountReport]) -> ReconciledCount:
    """Reconcile the reports of one number (all ``reports`` share ``key``)."""
    by_value: dict[tuple[int, str], ReportedValue] = {}
    for r in sorted(reports, key=lambda r: (r.count.value, r.count.qualifier, r.mention_id)):
        rv = by_value.setdefault(
            (r.count.value, r.count.qualifier), ReportedValue(r.count.value, r.count.qualifier)
        )
        if r.outlet not in rv.outlets:
            rv.outlets.append(r.outlet)
        if r.claimant and r.claimant not in rv.claimants:
            rv.claimants.append(r.claimant)
        rv.mention_ids.append(r.mention_id)

    outlets_per_value: dict[int, set[str]] = defaultdict(set)
    for r in reports:
        outlets_per_value[r.count.value].add(r.outlet)
    ranked = sorted(outlets_per_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    if len(ranked) == 1 or len(ranked[0][1]) > len(ranked[1][1]):
        best, basis = ranked[0][0], "corroborated"
    else:
        values = sorted(r.count.value for r in reports)
        best, basis = values[(len(values) - 1) // 2], "median"

    dated = [r for r in reports if r.published]
    latest = max(dated, key=lambda r: (r.published, r.mention_id)).count.value if dated else None
    values = [r.count.value for r in reports]
    return ReconciledCount(
        key=key,
        low=min(values),
        best=best,
        high=max(values),
        best_basis=basis,
        contradiction=_contradicts_like_with_like(reports),
        latest=latest,
        values=list(by_value.values()),
    )


def reconcile(reports: list[CountReport]) -> dict[str, ReconciledCount]:
    """Reconcile every number the claims of one event give, key by key."""
    grouped: dict[str, list[CountReport]] = defaultdict(list)
    for r in reports:
        grouped[r.key].append(r)
    return {key: reconcile_key(key, grouped[key]) for key in sorted(grouped)}
