"""Events per day by kind, side and oblast."""

from __future__ import annotations

from warledger.analysis.charts import timeline_chart
from warledger.analysis.timeline import timeline


def test_counts_per_day_by_kind_side_and_oblast(make_event, tmp_path) -> None:
    events = [
        make_event("strike", None, "2025-03-01", actor="RU", oblast="Kharkiv Oblast"),
        make_event("strike", None, "2025-03-01", actor="RU", oblast="Odesa Oblast"),
        make_event("strike", None, "2025-03-03", actor="UA", oblast="Kursk Oblast"),
        make_event("talks", "held", "2025-03-03", participants=["UA", "US"]),
        make_event("strike", None, "2025-03-02", actor="RU", precision="week"),
        make_event("strike", None, "2025-03-02", actor="RU", negated=True),
    ]
    tl = timeline(events)

    assert tl.days == ["2025-03-01", "2025-03-02", "2025-03-03"]
    assert tl.by_kind == {"strike": {"2025-03-01": 2, "2025-03-03": 1}, "talks": {"2025-03-03": 1}}
    assert tl.totals("side") == {"RU": 2, "UA": 1, "unknown": 1}
    assert tl.by_oblast["Kharkiv Oblast"] == {"2025-03-01": 1}
    assert (tl.undated, tl.negated) == (1, 1)
    assert tl.per_day("kind")[1] == {"day": "2025-03-02", "strike": 0, "talks": 0, "total": 0}

    for name in ("timeline.png", "timeline.svg"):
        chart = timeline_chart(tl, tmp_path / name)
        assert chart.exists() and chart.stat().st_size > 1000
