"""Coverage health: a broken feed is told apart from a quiet war."""

from __future__ import annotations

from datetime import date, timedelta

from warledger.analysis.charts import coverage_chart
from warledger.analysis.coverage import Publication, coverage_health

START = date(2025, 4, 1)


def daily(source: str, per_day: list[int]) -> list[Publication]:
    return [
        Publication(source, START + timedelta(days=i))
        for i, n in enumerate(per_day)
        for _ in range(n)
    ]


def test_a_source_that_goes_silent_raises_an_alarm_while_another_keeps_publishing(tmp_path):
    # 20 days: "wire" publishes 2 a day for 16 days then nothing for 4; "herald" keeps on.
    pubs = daily("wire", [2] * 16 + [0] * 4) + daily("herald", [3] * 20)
    runs = [
        {
            "run_id": 7,
            "kind": "ingest",
            "started_at": "2025-04-20T06:00:00+00:00",
            "per_source": {"wire": {"read": 0, "skipped": 5}},
        }
    ]
    cov = coverage_health(pubs, runs=runs)

    assert cov.as_of == "2025-04-20"
    assert len(cov.days) == 20
    assert cov.counts["wire"][:3] == [2, 2, 2] and cov.counts["wire"][-4:] == [0, 0, 0, 0]
    wire = next(s for s in cov.sources if s.source == "wire")
    herald = next(s for s in cov.sources if s.source == "herald")
    assert (wire.status, wire.silent_days, wire.baseline_per_day) == ("silent", 4, 2.0)
    assert "1 other source(s) kept publishing" in wire.reason
    assert wire.last_run == {
        "run_id": 7,
        "kind": "ingest",
        "started_at": "2025-04-20T06:00:00+00:00",
        "read": 0,
        "skipped": 5,
    }
    assert herald.status == "ok"
    assert [s.source for s in cov.alarms] == ["wire"]

    chart = coverage_chart(cov, tmp_path / "coverage.png")
    assert chart.stat().st_size > 1000


def test_a_sharp_drop_alarms_but_a_normal_wobble_and_a_new_source_do_not() -> None:
    # "wire": median 10 a day, then 2 a day (20% of it); "herald": 4 ↔ 3; "blog": 5 days old.
    pubs = (
        daily("wire", [10] * 14 + [2] * 3)
        + daily("herald", [4, 3] * 7 + [3, 3, 3])
        + [Publication("blog", START + timedelta(days=12 + i)) for i in range(5)]
    )
    health = {s.source: s for s in coverage_health(pubs).sources}
    assert health["wire"].status == "dropped"
    assert health["herald"].status == "ok"
    assert health["blog"].status == "new"


def test_when_every_source_stops_the_alarm_points_at_the_ingest() -> None:
    pubs = daily("wire", [2] * 14 + [0] * 3) + daily("herald", [1] * 14 + [0] * 3)
    cov = coverage_health(pubs, as_of=START + timedelta(days=16))
    assert {s.status for s in cov.sources} == {"silent"}
    assert all("every source is quiet" in s.reason for s in cov.sources)
