"""What the analyses read from the consolidated ledger, in SQL: per-day counts, the study
period and the last dated day (the events of a few kinds come from
``query.iter_events``, in keyset pages).

The analyses used to load every event of the ledger (up to a cap) to count strikes per
day. These queries return one row per day (or per day and side) whatever the size of the
ledger, read from ``ix_events_day_counts`` alone, so a request's memory follows the
length of the period studied, not the number of events. Each mirrors one reader of
``warledger.analysis.events`` on the stored columns:

- ``event_day``: an event is on a day when its precision is ``day`` (or ``days`` spanning
  one day) and its stored dates are readable;
- ``is_negated``: ``events.negated`` (every claim says it did not happen);
- ``actor_side``: the attacker's side, ``unknown`` when there is none;
- ``best`` launched / killed: the ``launched`` / ``killed`` columns (reconciled best).

Tests (tests/ledger/test_day_counts.py) check each against the in-Python readers on a
hand-built ledger, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa

from warledger.ledger.consolidated_schema import events
from warledger.ledger.query import EventFilter, filtered

UNKNOWN = "unknown"

_e = events.c
# One day: precision "day" (the end is not read), or "days" with equal ends. A stored end
# that could not be read (NULL) is no day either, as ``date_interval`` gives up on it.
ON_A_DAY = sa.and_(
    _e.date_start.is_not(None),
    _e.date_end.is_not(None),
    sa.or_(
        _e.date_precision == "day",
        sa.and_(_e.date_precision == "days", _e.date_end == _e.date_start),
    ),
)
AFFIRMED = _e.negated.is_(False)
ATTACKER = sa.case(
    (sa.or_(_e.actor_side.is_(None), _e.actor_side == ""), UNKNOWN), else_=_e.actor_side
)


def _rows(engine: sa.Engine, query: sa.Select[Any]) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(query))


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def study_period(engine: sa.Engine, f: EventFilter) -> tuple[date, date] | None:
    """First and last day of the single-day events matching ``f`` (negated ones too, as
    ``analysis.events.study_period``), or None when there is none."""
    query = filtered(sa.select(_e.date_start).where(ON_A_DAY), f)
    with engine.connect() as conn:
        first = conn.execute(query.order_by(_e.date_start.asc()).limit(1)).scalar()
        last = conn.execute(query.order_by(_e.date_start.desc()).limit(1)).scalar()
    return (_day(first), _day(last)) if first is not None else None


def ledger_end(engine: sa.Engine, f: EventFilter) -> date | None:
    """The last day any dated event matching ``f`` starts on (as
    ``peace.ceasefires.ledger_end``): where an open ceasefire's window stops.

    An event's first day is its earlier end (reversed ranges are read both ways), except
    with precision ``day``, whose start is its day. The events are walked newest start
    first, a page at a time, and the walk stops once a start is no later than the best
    first day found (no event further on can begin later): a few rows read from the
    date index, where a MAX over the whole ledger read every row (6 s at 1,000,000).
    """
    reversed_range = sa.and_(_e.date_precision != "day", _e.date_end < _e.date_start)
    query = filtered(
        sa.select(_e.date_start, _e.date_end, reversed_range).where(
            _e.date_start.is_not(None),
            _e.date_end.is_not(None),
            sa.func.coalesce(_e.date_precision, "") != "unknown",
        ),
        f,
    ).order_by(_e.date_start.desc(), _e.event_id.desc())
    best: date | None = None
    offset = 0
    with engine.connect() as conn:
        while True:
            rows = conn.execute(query.limit(LEDGER_END_PAGE).offset(offset)).all()
            for start, end, is_reversed in rows:
                start = _day(start)
                if best is not None and start <= best:
                    return best
                first = _day(end) if is_reversed else start
                best = first if best is None else max(best, first)
            if len(rows) < LEDGER_END_PAGE:
                return best
            offset += LEDGER_END_PAGE


LEDGER_END_PAGE = 200


def strikes_by_day_and_side(engine: sa.Engine, f: EventFilter) -> Counter[tuple[date, str]]:
    """Single-day, affirmed strike events per (day, attacker side)."""
    query = filtered(
        sa.select(_e.date_start, ATTACKER, sa.func.count())
        .where(_e.kind == "strike", AFFIRMED, ON_A_DAY)
        .group_by(_e.date_start, ATTACKER),
        f,
    )
    return Counter({(_day(day), side): int(n) for day, side, n in _rows(engine, query)})


def large_strikes_by_day(
    engine: sa.Engine, f: EventFilter, *, launched_at_least: int, killed_at_least: int
) -> Counter[date]:
    """Single-day, affirmed strikes with at least ``launched_at_least`` launched or
    ``killed_at_least`` killed (best values), per day."""
    large = sa.or_(_e.launched >= launched_at_least, _e.killed >= killed_at_least)
    query = filtered(
        sa.select(_e.date_start, sa.func.count())
        .where(_e.kind == "strike", AFFIRMED, ON_A_DAY, large)
        .group_by(_e.date_start),
        f,
    )
    return Counter({_day(day): int(n) for day, n in _rows(engine, query)})


def diplomatic_by_day(
    engine: sa.Engine, f: EventFilter, *, kinds: Sequence[str], not_subtypes: Sequence[str]
) -> Counter[date]:
    """Single-day, affirmed events of ``kinds`` whose subtype is not one of
    ``not_subtypes`` (an unknown subtype counts), per day."""
    query = filtered(
        sa.select(_e.date_start, sa.func.count())
        .where(
            _e.kind.in_(kinds),
            AFFIRMED,
            ON_A_DAY,
            sa.or_(_e.subtype.is_(None), _e.subtype.not_in(not_subtypes)),
        )
        .group_by(_e.date_start),
        f,
    )
    return Counter({_day(day): int(n) for day, n in _rows(engine, query)})
