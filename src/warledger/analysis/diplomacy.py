"""Do large strikes cluster around diplomatic events? An event study with a permutation test.

Over the study period (the ledger's first to last dated day) each day gets its number of
*large* strikes (``events.is_large_strike``). Days within ±``window`` days of any
diplomatic event (talks, proposals and ceasefire steps; not violation allegations) are
"inside"; the rest "outside". The effect is

    difference = mean large strikes per inside day − mean per outside day
    ratio      = inside mean / outside mean (None when the outside mean is 0)

The permutation test asks how often the same number of diplomatic days, placed at random
over the study period, gives an effect at least as large (two-sided by default: further
from zero). Days are assumed exchangeable — strikes that cluster in campaigns make the
test optimistic, which is one more reason to read small samples with care. The random
generator is numpy's PCG64 with a fixed default seed, so a run is reproducible and the
same snapshot always gives the same p-value.

Small samples: with fewer than ``MIN_DIPLOMATIC_DAYS`` (5) distinct diplomatic days, fewer
than ``MIN_LARGE_STRIKES`` (5) large strikes, or fewer outside days than one window, the
result carries a warning and no verdict (the numbers are still reported).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import numpy as np

from warledger.analysis.events import (
    day_range,
    event_day,
    is_diplomatic,
    is_large_strike,
    study_period,
)
from warledger.ledger.consolidate import ConsolidatedEvent

DEFAULT_SEED = 20250316
DEFAULT_WINDOW = 3
DEFAULT_PERMUTATIONS = 5000
LAUNCHED_AT_LEAST = 50
KILLED_AT_LEAST = 5
MIN_DIPLOMATIC_DAYS = 5
MIN_LARGE_STRIKES = 5
ALPHA = 0.05
NULL_CHUNK = 250  # random placements drawn at once (bounds the test's memory)
Alternative = Literal["two-sided", "greater", "less"]


@dataclass
class EventStudy:
    window: int
    launched_at_least: int
    killed_at_least: int
    seed: int
    permutations: int
    alternative: str
    period: tuple[str, str] | None
    n_days: int
    n_diplomatic_events: int
    n_diplomatic_days: int
    n_large_strikes: int
    inside_days: int
    mean_inside: float | None
    mean_outside: float | None
    difference: float | None
    ratio: float | None
    p_value: float | None
    verdict: str | None
    warning: str | None
    daily: list[dict[str, Any]] = field(default_factory=list, repr=False)
    null: list[float] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k not in ("daily", "null")}
        out["period"] = list(self.period) if self.period else None
        out["daily"] = list(self.daily)
        return out


def _effect(counts: np.ndarray, inside: np.ndarray) -> tuple[float, float, float]:
    """(mean inside, mean outside, difference); nan when one side has no days."""
    n_in = inside.sum(axis=-1)
    n_out = inside.shape[-1] - n_in
    total = counts.sum()
    s_in = (inside * counts).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_in = s_in / n_in
        mean_out = (total - s_in) / n_out
    return mean_in, mean_out, mean_in - mean_out


def _windows(anchor_days: np.ndarray, n_days: int, window: int) -> np.ndarray:
    """Boolean masks (…, n_days): days within ±window of any anchor day."""
    offsets = np.arange(-window, window + 1)
    hits = np.clip(anchor_days[..., :, None] + offsets, 0, n_days - 1)
    mask = np.zeros((*anchor_days.shape[:-1], n_days), dtype=bool)
    np.put_along_axis(mask, hits.reshape(*anchor_days.shape[:-1], -1), True, axis=-1)
    return mask


def _p_value(observed: float, null: np.ndarray, alternative: Alternative) -> float:
    null = null[~np.isnan(null)]
    tol = 1e-12
    if alternative == "greater":
        extreme = null >= observed - tol
    elif alternative == "less":
        extreme = null <= observed + tol
    else:
        extreme = np.abs(null) >= abs(observed) - tol
    # Counting the observed arrangement itself keeps p above zero (Phipson & Smyth 2010).
    return float((1 + extreme.sum()) / (1 + null.size))


def _warning(n_dipl_days: int, n_large: int, outside_days: int, window: int) -> str | None:
    if n_dipl_days < MIN_DIPLOMATIC_DAYS:
        return (
            f"only {n_dipl_days} diplomatic day(s) (need at least {MIN_DIPLOMATIC_DAYS}): "
            "too few to tell clustering from chance"
        )
    if n_large < MIN_LARGE_STRIKES:
        return (
            f"only {n_large} large strike(s) (need at least {MIN_LARGE_STRIKES}): "
            "too few to tell clustering from chance"
        )
    if outside_days < 2 * window + 1:
        return "almost every day is near a diplomatic event: no baseline to compare with"
    return None


def _verdict(p: float, difference: float) -> str:
    if p >= ALPHA:
        return f"no evidence that large strikes cluster around diplomatic events (p={p:.3f})"
    more = "more" if difference > 0 else "fewer"
    return f"{more} large strikes near diplomatic events than elsewhere (p={p:.3f})"


def _null(
    counts: np.ndarray, n_anchors: int, window: int, permutations: int, seed: int
) -> np.ndarray:
    """The effect under ``permutations`` random placements of ``n_anchors`` diplomatic
    days, drawn ``NULL_CHUNK`` placements at a time: the generator fills rows in order,
    so the draws are those of one (permutations × days) array, without holding it (and
    its masks, several hundred MB at 5,000 permutations of three years)."""
    rng = np.random.default_rng(seed)
    n_days = counts.shape[0]
    parts = []
    for done in range(0, permutations, NULL_CHUNK):
        rows = min(NULL_CHUNK, permutations - done)
        placed = np.argsort(rng.random((rows, n_days)), axis=1)[:, :n_anchors]
        parts.append(_effect(counts, _windows(placed, n_days, window))[2])
    return np.concatenate(parts) if parts else np.array([])


def strikes_vs_diplomacy(
    events: Iterable[ConsolidatedEvent],
    *,
    window: int = DEFAULT_WINDOW,
    launched_at_least: int = LAUNCHED_AT_LEAST,
    killed_at_least: int = KILLED_AT_LEAST,
    permutations: int = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
    alternative: Alternative = "two-sided",
) -> EventStudy:
    """The event study and permutation test described in the module docstring, over
    events in memory (a snapshot); ``event_study`` takes the same inputs as day counts."""
    events = list(events)
    large = Counter(
        d
        for e in events
        if (d := event_day(e))
        and is_large_strike(e, launched_at_least=launched_at_least, killed_at_least=killed_at_least)
    )
    diplomatic = Counter(d for e in events if is_diplomatic(e) and (d := event_day(e)))
    return event_study(
        study_period(events),
        large,
        diplomatic,
        window=window,
        launched_at_least=launched_at_least,
        killed_at_least=killed_at_least,
        permutations=permutations,
        seed=seed,
        alternative=alternative,
    )


def event_study(
    period: tuple[date, date] | None,
    large_strikes: Mapping[date, int],
    diplomatic: Mapping[date, int],
    *,
    window: int = DEFAULT_WINDOW,
    launched_at_least: int = LAUNCHED_AT_LEAST,
    killed_at_least: int = KILLED_AT_LEAST,
    permutations: int = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
    alternative: Alternative = "two-sided",
) -> EventStudy:
    """The event study over day counts: the study ``period`` (first and last single-day
    event), large strikes per day and diplomatic events per day. Its memory follows the
    number of days, not of events (the thresholds are only reported: the counts already
    apply them)."""
    days = day_range(*period) if period else []
    index = {d: i for i, d in enumerate(days)}
    anchors = np.array(sorted({index[d] for d, n in diplomatic.items() if n}), dtype=int)
    counts = np.array([large_strikes.get(d, 0) for d in days], dtype=float)
    inside = _windows(anchors, len(days), window) if anchors.size else np.zeros(len(days), bool)
    mean_in, mean_out, diff = _effect(counts, inside) if len(days) else (float("nan"),) * 3
    warning = _warning(anchors.size, int(counts.sum()), int((~inside).sum()), window)
    null = np.array([])
    p_value = None
    if anchors.size and not np.isnan(diff):
        null = _null(counts, anchors.size, window, permutations, seed)
        p_value = _p_value(float(diff), null, alternative)

    def number(x: float) -> float | None:
        return None if np.isnan(x) else round(float(x), 6)

    return EventStudy(
        window=window,
        launched_at_least=launched_at_least,
        killed_at_least=killed_at_least,
        seed=seed,
        permutations=permutations,
        alternative=alternative,
        period=(days[0].isoformat(), days[-1].isoformat()) if days else None,
        n_days=len(days),
        n_diplomatic_events=sum(diplomatic.values()),
        n_diplomatic_days=int(anchors.size),
        n_large_strikes=int(counts.sum()),
        inside_days=int(inside.sum()),
        mean_inside=number(mean_in),
        mean_outside=number(mean_out),
        difference=number(diff),
        ratio=number(mean_in / mean_out) if number(mean_out) else None,
        p_value=None if p_value is None else round(p_value, 6),
        verdict=None if warning or p_value is None else _verdict(p_value, float(diff)),
        warning=warning,
        daily=[
            {"day": d.isoformat(), "large_strikes": int(c), "near_diplomacy": bool(w)}
            for d, c, w in zip(days, counts, inside, strict=True)
        ],
        null=[float(x) for x in null if not np.isnan(x)],
    )
