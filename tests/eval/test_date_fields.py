"""Scoring dates: a gold bound written to the month names the whole month."""

from __future__ import annotations

from warledger.eval.fields import event_checks
from warledger.types import Event, When


def _dated(start: str, end: str, precision: str) -> Event:
    return Event(kind="strike", date=When(start=start, end=end, precision=precision))


def _date_checks(gold_date: dict, event: Event) -> dict[str, bool]:
    checks = event_checks({"kind": "strike", "date": gold_date}, event)
    return {c.field: c.correct for c in checks if c.field.startswith("date_")}


def test_a_month_in_the_gold_holds_the_predicted_first_and_last_day_of_that_month() -> None:
    gold = {"start": "2025-02", "end": "2025-02", "precision": "month"}
    event = _dated("2025-02-01", "2025-02-28", "month")
    assert _date_checks(gold, event) == {
        "date_start": True,
        "date_end": True,
        "date_precision": True,
    }


def test_another_month_or_a_wrong_day_still_fails() -> None:
    month = {"start": "2025-02", "end": "2025-02", "precision": "month"}
    assert _date_checks(month, _dated("2025-03-01", "2025-03-31", "month"))["date_start"] is False
    day = {"start": "2025-02-11", "end": "2025-02-11", "precision": "day"}
    checks = _date_checks(day, _dated("2025-02-01", "2025-02-28", "month"))
    assert checks == {"date_start": False, "date_end": False, "date_precision": False}
