"""Date expressions resolved against the publication date, as a news reader would."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.nlp import dates

TUESDAY_22_APRIL = date(2025, 4, 22)  # a Tuesday


def _span(when):
    return (when.start, when.end, when.precision)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("last Saturday", ("2025-04-19", "2025-04-19", "day")),
        ("on Saturday", ("2025-04-19", "2025-04-19", "day")),
        ("Saturday evening", ("2025-04-19", "2025-04-19", "day")),
        ("on Tuesday", ("2025-04-22", "2025-04-22", "day")),  # same weekday: the same day
        ("last Tuesday", ("2025-04-15", "2025-04-15", "day")),  # strictly before
        ("overnight", ("2025-04-22", "2025-04-22", "day")),
        # the night that ended on the morning of publication, as "overnight"
        ("last night", ("2025-04-22", "2025-04-22", "day")),
        ("yesterday", ("2025-04-21", "2025-04-21", "day")),
        ("today", ("2025-04-22", "2025-04-22", "day")),
        ("earlier this week", ("2025-04-21", "2025-04-22", "week")),
        ("this week", ("2025-04-21", "2025-04-22", "week")),
        ("last week", ("2025-04-14", "2025-04-20", "week")),
        ("next week", ("2025-04-28", "2025-05-04", "week")),
        ("over the past 24 hours", ("2025-04-21", "2025-04-22", "days")),
        ("in March", ("2025-03-01", "2025-03-31", "month")),
        ("in August", ("2024-08-01", "2024-08-31", "month")),  # August 2025 is still ahead
        ("last month", ("2025-03-01", "2025-03-31", "month")),
        ("last year", ("2024-01-01", "2024-12-31", "year")),
        ("2024", ("2024-01-01", "2024-12-31", "year")),
        ("March 11", ("2025-03-11", "2025-03-11", "day")),
        ("12.03.2025", ("2025-03-12", "2025-03-12", "day")),  # day first, as notes write it
        ("3.4.2025", ("2025-04-03", "2025-04-03", "day")),
        ("11 March", ("2025-03-11", "2025-03-11", "day")),
        ("Feb. 18", ("2025-02-18", "2025-02-18", "day")),
        ("on October 24", ("2024-10-24", "2024-10-24", "day")),  # months ahead: last year's
        ("March 11, 2022", ("2022-03-11", "2022-03-11", "day")),
    ],
)
def test_past_expressions_resolve_against_publication(expression, expected):
    when = dates.resolve(expression, TUESDAY_22_APRIL)
    assert _span(when) == expected
    assert when.text == expression


def test_day_range_takes_the_publication_year():
    when = dates.resolve("on October 24-25", date(2025, 10, 25))
    assert _span(when) == ("2025-10-24", "2025-10-25", "days")


def test_future_weekday_points_forward():
    # Published Monday 10 March 2025: "is scheduled to travel ... on Wednesday".
    assert _span(dates.resolve("on Wednesday", date(2025, 3, 10), tense="future")) == (
        "2025-03-12",
        "2025-03-12",
        "day",
    )
    # Published Thursday: "is expected to meet ... on Thursday" is that same day.
    assert dates.resolve("Thursday", date(2025, 3, 13), tense="future").start == "2025-03-13"


def test_future_month_day_early_next_year():
    when = dates.resolve("January 5", date(2025, 12, 20), tense="future")
    assert when.start == "2026-01-05"


def test_without_publication_date_relative_stays_unknown():
    when = dates.resolve("last Saturday", None)
    assert (when.start, when.end, when.precision, when.text) == (
        None,
        None,
        "unknown",
        "last Saturday",
    )


def test_absolute_dates_need_no_publication_date():
    assert _span(dates.resolve("March 11, 2025", None)) == ("2025-03-11", "2025-03-11", "day")


@pytest.mark.parametrize("expression", ["within days", "in the coming days", "the front line"])
def test_vague_or_non_dates_stay_unknown(expression):
    when = dates.resolve(expression, TUESDAY_22_APRIL)
    assert when.precision == "unknown"
    assert when.start is None


def test_find_spans_in_a_sentence():
    text = (
        "Russia launched 54 drones overnight, and on Saturday evening the air force "
        "said attacks on October 24-25 had hit Odesa; talks are due within days."
    )
    found = [t for _, _, t in dates.find(text)]
    assert found == ["overnight", "Saturday evening", "October 24-25", "within days"]
    for start, end, t in dates.find(text):
        assert text[start:end] == t


def test_find_ignores_may_the_verb_and_durations():
    text = "Officials said they may agree to a ceasefire for 30 days."
    assert dates.find(text) == []


def test_find_possessive_weekday():
    text = "Rubio said the focus of Tuesday’s talks was a ceasefire."
    assert [t for _, _, t in dates.find(text)] == ["Tuesday"]


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("a 30-day ceasefire", "P30D"),
        ("for 30 days", "P30D"),
        ("30 hours", "PT30H"),
        ("a three-day truce", "P3D"),
        ("a 72-hour pause", "PT72H"),
        ("for a month", "P1M"),
    ],
)
def test_duration(phrase, iso):
    assert dates.duration(phrase) == iso


def test_no_duration_in_plain_text():
    assert dates.duration("Russia launched drones at Odesa") is None


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("over the past week", ("2025-04-15", "2025-04-22", "days")),
        ("the past week", ("2025-04-15", "2025-04-22", "days")),
        ("in the past month", ("2025-03-22", "2025-04-22", "days")),
        ("later on Monday", ("2025-04-21", "2025-04-21", "day")),
        ("this past Sunday", ("2025-04-20", "2025-04-20", "day")),
        ("mid-March", ("2025-03-01", "2025-03-31", "month")),
        ("last weekend", ("2025-04-19", "2025-04-20", "days")),
    ],
)
def test_more_relative_expressions(expression, expected):
    assert _span(dates.resolve(expression, TUESDAY_22_APRIL)) == expected


def test_days_ago_count_back_from_the_publication_day():
    text = "Belarus said it intercepted missiles fired at its territory three days ago."
    found = dates.find(text)
    assert [f[2] for f in found] == ["three days ago"]
    when = dates.resolve(found[0][2], date(2025, 7, 2))
    assert (when.start, when.end, when.precision) == ("2025-06-29", "2025-06-29", "day")
