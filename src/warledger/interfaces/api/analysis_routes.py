"""Peace-process registers and analysis results, computed by ``warledger.ledger.peace``
and ``warledger.analysis`` over the stored consolidated events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from warledger.analysis.compliance import ceasefire_compliance
from warledger.analysis.diplomacy import (
    DEFAULT_PERMUTATIONS,
    DEFAULT_SEED,
    DEFAULT_WINDOW,
    strikes_vs_diplomacy,
)
from warledger.analysis.events import study_period
from warledger.interfaces.api import queries
from warledger.interfaces.api.models import ErrorOut
from warledger.interfaces.api.queries import EventFilter
from warledger.ledger.consolidate import ConsolidatedEvent
from warledger.ledger.peace import build_register, proposals_register, talks_rounds

router = APIRouter(prefix="/api", responses={422: {"model": ErrorOut}})
PEACE_KINDS = ("ceasefire", "talks", "proposal")
# Analyses read the whole ledger; this bounds one request's memory and time.
MAX_EVENTS = 50_000


def _events(request: Request, kinds: tuple[str, ...] = ()) -> list[ConsolidatedEvent]:
    engine = request.app.state.store.engine
    return queries.all_events(engine, EventFilter(kinds=kinds), cap=MAX_EVENTS)


def ceasefire_register(events: list[ConsolidatedEvent]) -> dict[str, Any]:
    """The register with each open ceasefire running to the ledger's last day."""
    period = study_period(events)
    return build_register(events, ledger_end=period[1] if period else None).to_dict()


@router.get("/peace/ceasefires", tags=["peace process"])
async def get_ceasefire_register(request: Request) -> dict[str, Any]:
    """Ceasefires grouped from their events: window, status history, alleged violations."""
    events = await run_in_threadpool(_events, request)
    return await run_in_threadpool(ceasefire_register, events)


@router.get("/peace/talks", tags=["peace process"])
async def get_talks_rounds(request: Request) -> list[dict[str, Any]]:
    """Talks events grouped into rounds (offered → scheduled → held), in date order."""
    events = await run_in_threadpool(_events, request, ("talks",))
    return [r.to_dict() for r in talks_rounds(events)]


@router.get("/peace/proposals", tags=["peace process"])
async def get_proposals(request: Request) -> list[dict[str, Any]]:
    """Peace proposals with their points and the parties' responses."""
    events = await run_in_threadpool(_events, request, ("proposal",))
    return [p.to_dict() for p in proposals_register(events)]


@router.get("/analysis/compliance", tags=["analysis"])
async def get_compliance(request: Request) -> list[dict[str, Any]]:
    """Per ceasefire: strikes per day inside its window against outside, and allegations."""
    events = await run_in_threadpool(_events, request)
    rows = await run_in_threadpool(ceasefire_compliance, events)
    return [r.to_dict() for r in rows]


@router.get("/analysis/strikes-vs-diplomacy", tags=["analysis"])
async def get_strikes_vs_diplomacy(
    request: Request,
    window: Annotated[int, Query(ge=0, le=30, description="days either side")] = DEFAULT_WINDOW,
    permutations: Annotated[int, Query(ge=100, le=20_000)] = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
) -> dict[str, Any]:
    """Are large strikes more frequent around diplomatic days? An event study with a
    permutation test; the answer states its own caveats when data are thin."""
    events = await run_in_threadpool(_events, request)
    study = await run_in_threadpool(
        lambda: strikes_vs_diplomacy(events, window=window, permutations=permutations, seed=seed)
    )
    return study.to_dict()
