"""Charts of the analyses, written to PNG or SVG files.

``matplotlib.figure.Figure`` is used directly (no pyplot): no global state, no GUI
backend — the file format picks the Agg (PNG) or SVG canvas. SVG files carry no
creation date, so the same analysis gives the same file.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from warledger.analysis.compliance import CeasefireCompliance
from warledger.analysis.coverage import Coverage
from warledger.analysis.diplomacy import EventStudy
from warledger.analysis.timeline import Timeline
from warledger.errors import UsageError

FORMATS = (".png", ".svg")
_MAX_KEYS = 8  # stacked series beyond this are summed as "other"


def check_path(path: str | Path) -> Path:
    """The chart path, or a usage error when its format is not PNG or SVG."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"--chart: write a .png or .svg file, not {path.name!r}")
    return path


def _save(fig: Figure, path: str | Path) -> Path:
    path = check_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    metadata = {"Date": None} if path.suffix.lower() == ".svg" else {"Software": None}
    fig.savefig(path, dpi=110, bbox_inches="tight", metadata=metadata)
    return path


def _dates(days: list[str]) -> list[date]:
    return [date.fromisoformat(d) for d in days]


def _top(series: dict[str, list[int]]) -> dict[str, list[int]]:
    ranked = sorted(series, key=lambda k: -sum(series[k]))
    kept = {k: series[k] for k in ranked[: _MAX_KEYS - 1]}
    rest = ranked[_MAX_KEYS - 1 :]
    if rest:
        kept["other"] = [sum(series[k][i] for k in rest) for i in range(len(series[rest[0]]))]
    return kept


def _stacked(ax: Axes, days: list[str], series: dict[str, list[int]], title: str) -> None:
    """Stacked daily counts as one stepped area per key: one polygon each instead of one
    bar per day (a bar per day and key made a two-year ledger take 25 s to draw)."""
    x = _dates(days)
    bottom = [0] * len(days)
    for key, values in _top(series).items():
        top = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.fill_between(x, bottom, top, step="mid", label=key, linewidth=0)
        bottom = top
    ax.set_title(title, fontsize=10)
    ax.set_ylabel("events")
    if series:
        ax.legend(fontsize=7, loc="upper left", ncols=2)


def timeline_chart(tl: Timeline, path: str | Path) -> Path:
    """Three stacked bar panels: events per day by kind, by side and by oblast."""
    fig = Figure(figsize=(11, 9))
    axes = fig.subplots(3, 1, sharex=True)
    for ax, facet in zip(axes, ("kind", "side", "oblast"), strict=True):
        table = getattr(tl, f"by_{facet}")
        series = {k: [table[k].get(d, 0) for d in tl.days] for k in table}
        _stacked(ax, tl.days, series, f"events per day by {facet}")
    fig.autofmt_xdate()
    return _save(fig, path)


def event_study_chart(study: EventStudy, path: str | Path) -> Path:
    """Large strikes per day with the windows around diplomatic events shaded, and the
    permutation distribution of the effect with the observed value marked."""
    fig = Figure(figsize=(11, 7))
    top, bottom = fig.subplots(2, 1)
    x = _dates([r["day"] for r in study.daily])
    top.bar(x, [r["large_strikes"] for r in study.daily], color="firebrick", width=0.9)
    half = timedelta(hours=12)
    for day, row in zip(x, study.daily, strict=True):
        if row["near_diplomacy"]:
            top.axvspan(day - half, day + half, color="steelblue", alpha=0.25, linewidth=0)
    top.set_title(
        f"large strikes per day (launched ≥ {study.launched_at_least} or killed ≥ "
        f"{study.killed_at_least}); shaded: ±{study.window} days of a diplomatic event",
        fontsize=10,
    )
    if study.null:
        bottom.hist(study.null, bins=40, color="grey")
    if study.difference is not None:
        bottom.axvline(study.difference, color="firebrick", label="observed")
        bottom.legend(fontsize=8)
    p = "n/a" if study.p_value is None else f"{study.p_value:.3f}"
    bottom.set_title(
        f"effect under {study.permutations} random placements (seed {study.seed}); p = {p}",
        fontsize=10,
    )
    bottom.set_xlabel("mean large strikes near diplomacy − elsewhere")
    fig.autofmt_xdate()
    return _save(fig, path)


def compliance_chart(rows: list[CeasefireCompliance], path: str | Path) -> Path:
    """Per ceasefire: strikes per day inside vs outside its window, and allegations."""
    fig = Figure(figsize=(10, 6))
    left, right = fig.subplots(1, 2)
    labels = [r.name or r.ceasefire_id for r in rows]
    idx = list(range(len(rows)))
    left.bar([i - 0.2 for i in idx], [r.per_day_inside or 0 for r in rows], 0.4, label="inside")
    left.bar([i + 0.2 for i in idx], [r.per_day_outside or 0 for r in rows], 0.4, label="outside")
    left.set_title("strikes per day", fontsize=10)
    left.legend(fontsize=8)
    accused = sorted({a["accused"] for r in rows for a in r.allegations})
    base = [0] * len(rows)
    for side in accused:
        values = [
            sum(a["allegations"] for a in r.allegations if a["accused"] == side) for r in rows
        ]
        right.bar(idx, values, bottom=base, label=f"accused: {side}")
        base = [b + v for b, v in zip(base, values, strict=True)]
    right.set_title("violation allegations", fontsize=10)
    if accused:
        right.legend(fontsize=8)
    for ax in (left, right):
        ax.set_xticks(idx, labels, rotation=30, ha="right", fontsize=8)
    return _save(fig, path)


def coverage_chart(cov: Coverage, path: str | Path) -> Path:
    """Documents per day per source; sources in alarm are drawn with a thick line."""
    fig = Figure(figsize=(11, 5))
    ax = fig.subplots()
    x = _dates(cov.days)
    alarms = {s.source for s in cov.alarms}
    for source, values in cov.counts.items():
        width = 2.5 if source in alarms else 1.0
        label = f"{source} (alarm)" if source in alarms else source
        ax.plot(x, values, linewidth=width, label=label)
    ax.set_title(f"documents per source per day (as of {cov.as_of})", fontsize=10)
    ax.set_ylabel("documents")
    if cov.counts:
        ax.legend(fontsize=7, loc="upper left")
    fig.autofmt_xdate()
    return _save(fig, path)
