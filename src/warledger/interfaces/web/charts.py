"""SVG geometry for the timeline, computed on the server, and the dashboard's colours.

Drawing on the server keeps the timeline readable without JavaScript and makes what is
drawn testable as plain data; the browser adds the brush. The map is Leaflet (vendored)
over the packaged boundaries.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

KIND_COLOURS = {
    "strike": "#d62728",
    "ground_combat": "#8c564b",
    "territorial_change": "#9467bd",
    "casualty_report": "#7f7f7f",
    "ceasefire": "#2ca02c",
    "talks": "#1f77b4",
    "proposal": "#17becf",
    "sanction": "#bcbd22",
    "aid": "#ff7f0e",
}
# Light sequential blues for event counts per oblast (0 = no events: pale grey), so the
# kind-coloured points stay readable on top of the darkest shade.
CHOROPLETH = ("#f3f3f3", "#e4edf6", "#c9dcee", "#a6c4e2", "#7ea8d3", "#5b8cc2")
# Stance colours: the same stance gets the same colour on every page.
STANCE_PALETTE = (
    "#fde0dd", "#e0ecf4", "#e5f5e0", "#fff7bc", "#efedf5",
    "#fee6ce", "#deebf7", "#f2f0f7", "#e7e1ef", "#ccece6",
)  # fmt: skip
PAD = 10
TIMELINE_WIDTH = 900
TIMELINE_HEIGHT = 240
AXIS = 24
SPAN_LANE = 7  # height of one lane of imprecise (week/month) events
MAX_SPAN_LANES = 5
DENSE_SHARE = 0.96  # the default time range holds this share of the dated events


def stance_colour(stance: str) -> str:
    digest = hashlib.sha256(stance.encode("utf-8")).digest()
    return STANCE_PALETTE[digest[0] % len(STANCE_PALETTE)]


def choropleth_class(count: int, top: int) -> int:
    """0 for no events, else 1..5 on a square-root scale of the largest oblast count."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, min(5, math.ceil(5 * math.sqrt(count / top))))


def dense_period(days: Sequence[date]) -> tuple[date, date] | None:
    """The ledger's dense period: the days between the 2nd and 98th percentile of the
    dated events, so one background sentence about 2009 does not stretch the axis over
    16 years. Few events: all of them."""
    if not days:
        return None
    ordered = sorted(days)
    if len(ordered) < 25:
        return ordered[0], ordered[-1]
    cut = int(len(ordered) * (1 - DENSE_SHARE) / 2)
    return ordered[cut], ordered[-1 - cut]


def timeline_layers(
    spans: Iterable[Mapping[str, Any]],
    windows: Iterable[Any],
    talks: Iterable[tuple[str, str, str]],
    *,
    period: tuple[date, date] | None = None,
) -> dict[str, Any] | None:
    """Stacked daily bars by kind for day-precision events; week- and month-precision
    events as bars across the days they may cover; ceasefire windows as bands and talks
    as ticks. ``spans`` are rows of ``ledger.query.timeline_rows``; ``period`` is the
    range to draw (default: every dated event); what falls outside is counted.
    """
    spans, windows, talks = list(spans), list(windows), list(talks)
    if period is None:
        days = [s["start"] for s in spans] + [s["end"] for s in spans]
        if not days:
            return None
        period = (min(days), max(days))
    first, last = period
    n_days = (last - first).days + 1
    step = (TIMELINE_WIDTH - 2 * PAD) / n_days
    lanes_h = SPAN_LANE * MAX_SPAN_LANES
    base = TIMELINE_HEIGHT - AXIS
    plot_h = base - PAD - lanes_h - 4

    def x_of(d: date) -> float:
        return round(PAD + (d - first).days * step, 1)

    def inside(d: date) -> bool:
        return first <= d <= last

    by_day: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    wide, before, after = [], 0, 0
    for s in spans:
        if s["end"] < first:
            before += s["n"]
        elif s["start"] > last:
            after += s["n"]
        elif s["precision"] == "day" or s["start"] == s["end"]:
            by_day[s["start"]][s["kind"]] += s["n"]
        else:
            wide.append(s)
    top = max((sum(c.values()) for c in by_day.values()), default=0) or 1
    bars = []
    for day in sorted(by_day):
        y = float(base)
        for kind in KIND_COLOURS:
            n = by_day[day].get(kind, 0)
            if not n:
                continue
            h = n / top * plot_h
            y -= h
            bars.append(
                {
                    "x": x_of(day),
                    "y": round(y, 1),
                    "w": round(max(step * 0.9, 1.0), 1),
                    "h": round(h, 1),
                    "kind": kind,
                    "n": n,
                    "day": day.isoformat(),
                    "colour": KIND_COLOURS[kind],
                }
            )
    imprecise = []
    for i, s in enumerate(sorted(wide, key=lambda s: (s["start"], s["end"]))):
        start, end = max(s["start"], first), min(s["end"], last)
        imprecise.append(
            {
                "x": x_of(start),
                "w": round(max(((end - start).days + 1) * step, 2.0), 1),
                "y": PAD + (i % MAX_SPAN_LANES) * SPAN_LANE,
                "h": SPAN_LANE - 2,
                "colour": KIND_COLOURS.get(s["kind"], "#333"),
                "label": f"{s['n']} {s['kind'].replace('_', ' ')}, {s['precision']} precision: "
                f"{s['start']} – {s['end']}",
            }
        )
    bands = []
    for w in windows:
        if w.end < first or w.start > last:
            continue
        start, end = max(w.start, first), min(w.end, last)
        bands.append(
            {
                "x": x_of(start),
                "w": round(max(((end - start).days + 1) * step, 2.0), 1),
                "label": f"{w.label}: {w.start} – {'open' if w.open else w.end}",
                "event_id": w.event_id,
            }
        )
    ticks = [
        {"x": round(x_of(day) + step / 2, 1), "label": label, "event_id": eid, "day": d}
        for eid, d, label in talks
        if inside(day := date.fromisoformat(d))
    ]
    return {
        "width": TIMELINE_WIDTH,
        "height": TIMELINE_HEIGHT,
        "bars": bars,
        "imprecise": imprecise,
        "bands": bands,
        "talks": ticks,
        "labels": _axis_labels(first, last, x_of),
        "top": top,
        "base": base,
        "first": first.isoformat(),
        "last": last.isoformat(),
        "days": n_days,
        "step": round(step, 4),
        "x0": PAD,
        "before": before,
        "after": after,
    }


def _axis_labels(first: date, last: date, x_of: Any) -> list[dict[str, Any]]:
    span = (last - first).days
    every = max(1, math.ceil(span / 8))
    out, d = [], first
    while d <= last:
        out.append({"x": x_of(d), "text": d.isoformat()})
        d += timedelta(days=every)
    return out
