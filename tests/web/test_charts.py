"""Timeline geometry, colours and the page cache: pure functions checked on their own."""

from __future__ import annotations

from datetime import date, timedelta

from warledger.interfaces.web.charts import (
    choropleth_class,
    dense_period,
    stance_colour,
    timeline_layers,
)
from warledger.ledger.peace.ceasefires import Window


def _span(start: str, kind: str, n: int = 1, end: str | None = None, precision: str = "day"):
    return {
        "start": date.fromisoformat(start),
        "end": date.fromisoformat(end or start),
        "precision": precision,
        "kind": kind,
        "n": n,
    }


def test_shades_grow_with_numbers() -> None:
    assert choropleth_class(0, 10) == 0
    assert 1 <= choropleth_class(1, 100) < choropleth_class(100, 100) == 5


def test_timeline_bars_windows_and_talks() -> None:
    window = Window("e-1", date(2025, 3, 18), date(2025, 4, 16), "energy 30 days")
    spans = [
        _span("2025-03-10", "strike", 2),
        _span("2025-03-10", "talks"),
        _span("2025-04-20", "strike"),
    ]
    layers = timeline_layers(spans, [window], [("e-2", "2025-03-14", "talks")])
    assert layers["first"] == "2025-03-10" and layers["last"] == "2025-04-20"
    assert {(b["day"], b["kind"]): b["n"] for b in layers["bars"]} == {
        ("2025-03-10", "strike"): 2,
        ("2025-03-10", "talks"): 1,
        ("2025-04-20", "strike"): 1,
    }
    assert len(layers["bands"]) == 1 and len(layers["talks"]) == 1
    assert layers["bands"][0]["x"] > layers["talks"][0]["x"]  # 18 March is after 14 March
    assert timeline_layers([], [], []) is None


def test_a_month_precision_event_spans_its_month_not_the_first() -> None:
    spans = [
        _span("2025-03-01", "strike"),
        _span("2025-03-01", "territorial_change", end="2025-03-31", precision="month"),
        _span("2025-03-31", "strike"),
    ]
    layers = timeline_layers(spans, [], [])
    assert [b["day"] for b in layers["bars"]] == ["2025-03-01", "2025-03-31"]  # not on the 1st
    (month,) = layers["imprecise"]
    assert "month precision" in month["label"]
    day_width = layers["step"]
    assert month["w"] >= 30 * day_width  # drawn across all 31 days


def test_the_default_range_is_the_dense_period_not_the_outliers() -> None:
    days = [date(2025, 3, 1) + timedelta(days=i % 60) for i in range(200)]
    days += [date(2009, 6, 1), date(2018, 1, 1)]  # background sentences
    first, last = dense_period(days)
    assert first >= date(2025, 3, 1) and last <= date(2025, 4, 29)
    spans = [_span(d.isoformat(), "strike") for d in days]
    layers = timeline_layers(spans, [], [], period=(first, last))
    assert layers["before"] >= 2  # the outliers are counted, not drawn
    assert dense_period([date(2025, 1, 1), date(2025, 2, 1)]) == (
        date(2025, 1, 1),
        date(2025, 2, 1),
    )


def test_open_ceasefire_band_says_it_is_open() -> None:
    window = Window("e-1", date(2025, 3, 18), date(2025, 3, 30), "Easter truce", open=True)
    layers = timeline_layers(
        [_span("2025-03-10", "strike"), _span("2025-03-30", "strike")], [window], []
    )
    assert layers["bands"][0]["label"].endswith("2025-03-18 – open")


def test_a_stance_keeps_its_colour() -> None:
    assert stance_colour("oppose") == stance_colour("oppose")
    assert stance_colour("oppose").startswith("#")
