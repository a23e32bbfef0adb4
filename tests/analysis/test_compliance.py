"""Ceasefire compliance: allegations per side and strikes inside vs outside the window."""

from __future__ import annotations

from warledger.analysis.charts import compliance_chart
from warledger.analysis.compliance import ceasefire_compliance


def test_allegations_and_strike_rates_inside_and_outside_the_window(make_event, tmp_path):
    # Study period 1–20 March (days 0..19). A 3-day truce declared for 10 March (day 9):
    # P3D from 10 March may reach 13 March, so the window is days 9..12 (4 days).
    events = [
        make_event("strike", None, 0, actor="RU"),
        make_event("strike", None, 19, actor="RU"),
        make_event("ceasefire", "declared", 9, actor="RU", duration="P3D", name="spring truce"),
        make_event("strike", None, 10, actor="RU"),
        make_event("strike", None, 11, actor="UA"),
        make_event("strike", None, 5, actor="RU"),
        make_event("strike", None, 15, actor="RU"),
        make_event(
            "ceasefire",
            "violation_alleged",
            10,
            claimant="UA",
            target="RU",
            counts={"violations": 40},
        ),
        make_event("ceasefire", "violation_alleged", 11, claimant="UA", target="RU"),
        make_event("ceasefire", "violation_alleged", 11, claimant="RU", target="UA"),
        make_event("ceasefire", "violation_alleged", 16, claimant="UA", target="RU"),
    ]
    [row] = ceasefire_compliance(events)

    assert row.name == "spring truce"
    assert row.window == ("2025-03-10", "2025-03-13")
    assert (row.days_inside, row.days_outside) == (4, 16)
    assert row.strikes_inside == {"RU": 1, "UA": 1}
    assert row.strikes_outside == {"RU": 4}
    assert (row.per_day_inside, row.per_day_outside) == (0.5, 0.25)
    assert [
        (a["accuser"], a["accused"], a["allegations"], a["violations_named"])
        for a in row.allegations
    ] == [("RU", "UA", 1, None), ("UA", "RU", 2, 40)]

    chart = compliance_chart([row], tmp_path / "compliance.svg")
    assert chart.stat().st_size > 1000
