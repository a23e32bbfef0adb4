"""Coverage health: documents per source per day, and an alarm when a feed breaks.

A quiet day in the ledger may be a lull in the fighting or a broken feed. The two look
alike in the events but not in the documents: a lull still brings stories, a broken feed
brings none. So health is judged per source on what it *published* (its document copies'
publication dates), as of the last day any source published (or a given day):

- ``silent``: the last ``SILENT_DAYS`` (3) or more days have no document, after a baseline
  of at least ``MIN_BASELINE`` (1) document a day on average over the ``BASELINE_DAYS``
  (14) days before the silence;
- ``dropped``: the last ``RECENT_DAYS`` (3) days average less than ``DROP_RATIO`` (30%) of
  the source's median daily count over the ``BASELINE_DAYS`` before them (median ≥ 1);
- ``new``: fewer than ``MIN_HISTORY_DAYS`` (7) days of history before the recent days —
  too early to judge; otherwise ``ok``.

Each alarm says how many *other* sources published in the recent days: silence while
others keep publishing points at the feed, not at the war. The last ingest run that read
the source (from the runs table) is attached, so a run that only failed on it shows.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from warledger.analysis.events import day_range

SILENT_DAYS = 3
RECENT_DAYS = 3
BASELINE_DAYS = 14
MIN_BASELINE = 1.0
DROP_RATIO = 0.3
MIN_HISTORY_DAYS = 7


@dataclass(frozen=True)
class Publication:
    """One document copy: which outlet published it, on which day."""

    source: str
    day: date


@dataclass
class SourceHealth:
    source: str
    status: str  # ok | silent | dropped | new
    reason: str
    total: int
    first_day: str
    last_day: str
    silent_days: int
    baseline_per_day: float | None
    recent_per_day: float
    others_publishing: int
    last_run: dict[str, Any] | None = None

    @property
    def alarm(self) -> bool:
        return self.status in ("silent", "dropped")

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "alarm": self.alarm}


@dataclass
class Coverage:
    as_of: str | None
    days: list[str]
    counts: dict[str, list[int]]  # source -> documents per day, aligned with ``days``
    sources: list[SourceHealth] = field(default_factory=list)

    @property
    def alarms(self) -> list[SourceHealth]:
        return [s for s in self.sources if s.alarm]

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "rule": {
                "silent_days": SILENT_DAYS,
                "recent_days": RECENT_DAYS,
                "baseline_days": BASELINE_DAYS,
                "min_baseline_per_day": MIN_BASELINE,
                "drop_ratio": DROP_RATIO,
                "min_history_days": MIN_HISTORY_DAYS,
            },
            "days": list(self.days),
            "counts": self.counts,
            "sources": [s.to_dict() for s in self.sources],
            "alarms": [s.source for s in self.alarms],
        }


def _zero_streak(series: list[int]) -> int:
    n = 0
    for value in reversed(series):
        if value:
            break
        n += 1
    return n


def _judge(series: list[int], history_start: int) -> tuple[str, str, float | None]:
    """(status, reason, baseline per day) for one source's series ending on ``as_of``;
    ``history_start`` is the index of the source's first document."""
    streak = _zero_streak(series)
    if streak >= SILENT_DAYS:
        before = series[max(history_start, len(series) - streak - BASELINE_DAYS) : -streak]
        if len(before) >= MIN_HISTORY_DAYS:
            mean = sum(before) / len(before)
            if mean >= MIN_BASELINE:
                return (
                    "silent",
                    f"no documents for {streak} days after {mean:.1f}/day",
                    round(mean, 3),
                )
    baseline = series[max(history_start, len(series) - RECENT_DAYS - BASELINE_DAYS) : -RECENT_DAYS]
    if len(baseline) < MIN_HISTORY_DAYS:
        return "new", f"under {MIN_HISTORY_DAYS} days of history", None
    median = statistics.median(baseline)
    recent = sum(series[-RECENT_DAYS:]) / RECENT_DAYS
    if median >= MIN_BASELINE and recent < DROP_RATIO * median:
        return (
            "dropped",
            f"{recent:.1f}/day over the last {RECENT_DAYS} days, under "
            f"{DROP_RATIO:.0%} of its median {median:g}/day",
            float(median),
        )
    return "ok", "publishing as usual", float(median)


def _last_runs(runs: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The newest run that mentions each source, with that source's counts in it."""
    latest: dict[str, dict[str, Any]] = {}
    for run in sorted(runs, key=lambda r: r.get("run_id") or 0):
        for source, counts in (run.get("per_source") or {}).items():
            started = run.get("started_at")
            latest[source] = {
                "run_id": run.get("run_id"),
                "kind": run.get("kind"),
                "started_at": started.isoformat() if hasattr(started, "isoformat") else started,
                **dict(counts or {}),
            }
    return latest


def coverage_health(
    publications: Iterable[Publication],
    *,
    as_of: date | None = None,
    runs: Iterable[Mapping[str, Any]] = (),
) -> Coverage:
    """Documents per source per day and each source's health (rules in the docstring)."""
    per_source: dict[str, Counter[date]] = defaultdict(Counter)
    for p in publications:
        per_source[p.source][p.day] += 1
    return health_of_counts(per_source, as_of=as_of, runs=runs)


def health_of_counts(
    documents_per_day: Mapping[str, Mapping[date, int]],
    *,
    as_of: date | None = None,
    runs: Iterable[Mapping[str, Any]] = (),
) -> Coverage:
    """``coverage_health`` from documents per source and day (as a GROUP BY gives them:
    memory follows sources × days, not documents)."""
    per_source = {
        source: Counter({d: n for d, n in days.items() if n and (as_of is None or d <= as_of)})
        for source, days in documents_per_day.items()
    }
    per_source = {source: days for source, days in per_source.items() if days}
    if not per_source:
        return Coverage(as_of=as_of.isoformat() if as_of else None, days=[], counts={})
    first = min(min(c) for c in per_source.values())
    last = as_of or max(max(c) for c in per_source.values())
    days = day_range(first, last)
    counts = {s: [c.get(d, 0) for d in days] for s, c in sorted(per_source.items())}
    recent_from = last - timedelta(days=RECENT_DAYS - 1)
    publishing = {s for s, c in per_source.items() if any(d >= recent_from for d in c)}
    last_runs = _last_runs(runs)
    health = []
    for source, series in counts.items():
        start = days.index(min(per_source[source]))
        status, reason, baseline = _judge(series, start)
        others = len(publishing - {source})
        if status in ("silent", "dropped"):
            reason += (
                f"; {others} other source(s) kept publishing"
                if others
                else "; every source is quiet: check the ingest runs"
            )
        health.append(
            SourceHealth(
                source=source,
                status=status,
                reason=reason,
                total=sum(series),
                first_day=min(per_source[source]).isoformat(),
                last_day=max(per_source[source]).isoformat(),
                silent_days=_zero_streak(series),
                baseline_per_day=baseline,
                recent_per_day=round(sum(series[-RECENT_DAYS:]) / RECENT_DAYS, 3),
                others_publishing=others,
                last_run=last_runs.get(source),
            )
        )
    return Coverage(
        as_of=last.isoformat(), days=[d.isoformat() for d in days], counts=counts, sources=health
    )
