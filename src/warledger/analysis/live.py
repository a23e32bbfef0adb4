"""The analyses over a live ledger, each reading only what its answer needs.

The pure functions of ``diplomacy``, ``compliance`` and ``ledger.peace`` take events in
memory (a snapshot, a test). Over a live ledger of any size these entry points give them
the same inputs read in SQL (``ledger.day_counts``): per-day counts instead of strike
events, and only the events of the kinds a register groups (ceasefire, talks, proposal
steps), read in keyset pages with no cap. A request's memory therefore follows the days
studied and the peace-process events, not the size of the ledger.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import sqlalchemy as sa

from warledger.analysis.compliance import CeasefireCompliance, compliance
from warledger.analysis.diplomacy import (
    DEFAULT_PERMUTATIONS,
    DEFAULT_SEED,
    DEFAULT_WINDOW,
    KILLED_AT_LEAST,
    LAUNCHED_AT_LEAST,
    Alternative,
    EventStudy,
    event_study,
)
from warledger.analysis.events import DIPLOMATIC_KINDS, NOT_DIPLOMATIC_SUBTYPES
from warledger.ledger import day_counts
from warledger.ledger.consolidate import ConsolidatedEvent
from warledger.ledger.peace import proposals_register, talks_rounds
from warledger.ledger.peace.ceasefires import register_view
from warledger.ledger.query import EventFilter, iter_events


def events_of(engine: sa.Engine, f: EventFilter, kind: str) -> list[ConsolidatedEvent]:
    """Every event of one kind matching ``f`` (no cap: peace-process kinds are few)."""
    return list(iter_events(engine, replace(f, kind=kind, kinds=())))


def strikes_vs_diplomacy(
    engine: sa.Engine,
    f: EventFilter,
    *,
    window: int = DEFAULT_WINDOW,
    launched_at_least: int = LAUNCHED_AT_LEAST,
    killed_at_least: int = KILLED_AT_LEAST,
    permutations: int = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
    alternative: Alternative = "two-sided",
) -> EventStudy:
    """``diplomacy.strikes_vs_diplomacy`` over the events ``f`` matches, from day counts."""
    large = day_counts.large_strikes_by_day(
        engine, f, launched_at_least=launched_at_least, killed_at_least=killed_at_least
    )
    diplomatic = day_counts.diplomatic_by_day(
        engine, f, kinds=DIPLOMATIC_KINDS, not_subtypes=sorted(NOT_DIPLOMATIC_SUBTYPES)
    )
    return event_study(
        day_counts.study_period(engine, f),
        large,
        diplomatic,
        window=window,
        launched_at_least=launched_at_least,
        killed_at_least=killed_at_least,
        permutations=permutations,
        seed=seed,
        alternative=alternative,
    )


def ceasefire_compliance(engine: sa.Engine, f: EventFilter) -> list[CeasefireCompliance]:
    """``compliance.ceasefire_compliance`` over the events ``f`` matches: the ceasefire
    events, strikes per day and side, and the study period."""
    return compliance(
        events_of(engine, f, "ceasefire"),
        day_counts.strikes_by_day_and_side(engine, f),
        day_counts.study_period(engine, f),
    )


def ceasefire_register(engine: sa.Engine, f: EventFilter) -> dict[str, Any]:
    """``register_view`` over the events ``f`` matches: the ceasefire events, with open
    windows running to the last dated day of every kind."""
    return register_view(events_of(engine, f, "ceasefire"), end=day_counts.ledger_end(engine, f))


def talks(engine: sa.Engine, f: EventFilter) -> list[dict[str, Any]]:
    return [r.to_dict() for r in talks_rounds(events_of(engine, f, "talks"))]


def proposals(engine: sa.Engine, f: EventFilter) -> list[dict[str, Any]]:
    return [p.to_dict() for p in proposals_register(events_of(engine, f, "proposal"))]
