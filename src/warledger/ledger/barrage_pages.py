"""Barrages of a filter one page at a time, without loading every strike of the ledger.

``barrages.find_barrages`` groups strike events into nights in memory. Over a live
ledger that meant reading every strike (up to a cap that silently dropped the oldest).
Here the nights come first, counted in SQL: each strike's night (``barrages.night_of``:
its start day, or the next day when its date carries a time from 18:00 on) is stored
with it (``events.night``, migration 0010), so a GROUP BY over (night, attacker) read
from the index ``ix_events_nights`` lists every (night, attacker) of the filter once.
Only the strikes of the nights on the requested page are then read, with their
mentions, and grouped by ``find_barrages`` as before: the same barrages, in memory that
follows the page, not the ledger.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa

from warledger.ledger.barrages import Barrage, find_barrages
from warledger.ledger.consolidated_schema import events
from warledger.ledger.consolidated_store import attach_mentions
from warledger.ledger.query import EventFilter, filtered, iter_events

if TYPE_CHECKING:
    from warledger.ledger.store import Store

BATCH = 60  # barrages filled at once when every one is asked for

_e = events.c


def _strikes(f: EventFilter) -> EventFilter:
    return replace(f, kind="strike", kinds=())


def nights(engine: sa.Engine, f: EventFilter, side: str | None = None) -> list[tuple[date, str]]:
    """Every (night, attacker side) with a barrage among the strikes ``f`` matches,
    newest night first (as the barrage listings are sorted)."""
    query = filtered(
        sa.select(_e.night, _e.actor_side)
        .where(_e.actor_side.is_not(None), _e.actor_side != "", _e.night.is_not(None))
        .group_by(_e.night, _e.actor_side),
        _strikes(f),
    )
    if side:
        query = query.where(_e.actor_side == side)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return sorted(((night, attacker) for night, attacker in rows), reverse=True)


def _fill(
    store: Store | sa.Engine, f: EventFilter, side: str | None, keys: list[tuple[date, str]]
) -> list[Barrage]:
    """The barrages of ``keys``: the strikes of those nights' days, grouped."""
    if not keys:
        return []
    engine = getattr(store, "engine", store)
    days = sorted({d for night, _ in keys for d in (night, night - timedelta(days=1))})
    sides = sorted({attacker for _, attacker in keys})
    found = list(
        iter_events(
            engine,
            _strikes(f),
            where=sa.and_(_e.date_start.in_(days), _e.actor_side.in_(sides)),
        )
    )
    wanted = set(keys)
    barrages = [
        b
        for b in find_barrages(attach_mentions(store, found), side=side)
        if (date.fromisoformat(b.night), b.attacker_side) in wanted
    ]
    barrages.sort(key=lambda b: (b.night, b.attacker_side), reverse=True)
    return barrages


def barrage_page(
    store: Store | sa.Engine,
    f: EventFilter,
    *,
    side: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[int, list[Barrage]]:
    """(how many barrages in all, the barrages of one page), newest night first;
    ``limit=None``: every barrage, filled ``BATCH`` nights at a time."""
    engine = getattr(store, "engine", store)
    keys = nights(engine, f, side)
    chosen = keys[offset:] if limit is None else keys[offset : offset + limit]
    out: list[Barrage] = []
    for start in range(0, len(chosen), BATCH):
        out += _fill(store, f, side, chosen[start : start + BATCH])
    return len(keys), out
