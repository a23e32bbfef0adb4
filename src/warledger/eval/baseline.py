"""A floor per metric, so a change that makes extraction worse is noticed.

``evaluation/baseline.json`` holds ``{"floors": {"events.f1": 0.85, ...}}``, metric names
as in ``Report.metrics()``. ``check`` lists the metrics that fell below their floor (a
metric that could not be computed counts as 0). ``raise_floors`` moves floors up to the
current values, rounded down to two decimals; lowering one needs ``allow_regression``,
so a regression is always a deliberate, reviewed decision.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from warledger.errors import UsageError

DEFAULT_METRICS = (
    "events.precision",
    "events.recall",
    "events.f1",
    "positions.f1",
    "place_resolution",
    "bcubed.f1",
)


@dataclass(frozen=True)
class Shortfall:
    metric: str
    floor: float
    value: float | None


def load_floors(path: str | Path) -> dict[str, float]:
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"baseline not found: {file}")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise UsageError(f"{file}: not valid JSON ({exc})") from exc
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict):
        raise UsageError(f"{file}: expected an object with 'floors'")
    return {str(k): float(v) for k, v in floors.items()}


def check(metrics: Mapping[str, float | None], floors: Mapping[str, float]) -> list[Shortfall]:
    """Metrics below their floor; metrics the run did not measure are not checked."""
    return [
        Shortfall(name, floor, metrics[name])
        for name, floor in sorted(floors.items())
        if name in metrics and (metrics[name] or 0.0) < floor
    ]


def round_down(value: float) -> float:
    return math.floor(value * 100 + 1e-9) / 100


def raise_floors(
    floors: Mapping[str, float],
    metrics: Mapping[str, float | None],
    *,
    allow_regression: bool = False,
) -> dict[str, float]:
    """New floors from this run: the floors' metrics (or the default set) at today's values."""
    names = list(floors) or [m for m in DEFAULT_METRICS if m in metrics]
    new: dict[str, float] = dict(floors)
    lowered = []
    for name in names:
        if name not in metrics:
            continue
        value = round_down(metrics[name] or 0.0)
        if value < floors.get(name, 0.0):
            lowered.append(f"{name} {floors[name]:.2f} -> {value:.2f}")
            if not allow_regression:
                continue
        new[name] = value
    if lowered and not allow_regression:
        raise UsageError("refusing to lower floors (use --allow-regression): " + "; ".join(lowered))
    return dict(sorted(new.items()))


def write_floors(path: str | Path, floors: Mapping[str, float]) -> None:
    """Write the floors, keeping the file's own ``about`` (which says what they gate)."""
    about = (
        "Floors for `warledger eval --check`; raise with --update-baseline "
        "(see docs/evaluation.md)."
    )
    file = Path(path)
    if file.is_file():
        with contextlib.suppress(json.JSONDecodeError, AttributeError):
            about = json.loads(file.read_text(encoding="utf-8")).get("about") or about
    data = {"about": about, "floors": dict(floors)}
    Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
