"""Peace-process registers and analysis results, computed by ``warledger.ledger.peace``
and ``warledger.analysis`` over the stored consolidated events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool

from warledger.analysis.compliance import ceasefire_compliance
from warledger.analysis.diplomacy import (
    DEFAULT_PERMUTATIONS,
    DEFAULT_SEED,
    DEFAULT_WINDOW,
    strikes_vs_diplomacy,
)
from warledger.interfaces.api.models import ErrorOut
from warledger.interfaces.api.params import TheatreQ
from warledger.interfaces.api.params_check import reject_unknown_params
from warledger.ledger import query as queries
from warledger.ledger.consolidate import ConsolidatedEvent
from warledger.ledger.peace import proposals_register, talks_rounds
from warledger.ledger.peace.ceasefires import register_view
from warledger.ledger.query import EventFilter, default_theatre

router = APIRouter(
    prefix="/api",
    responses={422: {"model": ErrorOut}},
    dependencies=[Depends(reject_unknown_params)],
)
PEACE_KINDS = ("ceasefire", "talks", "proposal")
# Analyses read the whole ledger; this bounds one request's memory and time.
MAX_EVENTS = 50_000


def _events(
    request: Request, theatre: str | None, kinds: tuple[str, ...] = ()
) -> list[ConsolidatedEvent]:
    engine = request.app.state.store.engine
    f = EventFilter(kinds=kinds, theatre=theatre or default_theatre())
    return queries.all_events(engine, f, cap=MAX_EVENTS)


def _listing(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total": len(items), "items": items}


@router.get("/peace/ceasefires", tags=["peace process"])
async def get_ceasefire_register(request: Request, theatre: TheatreQ = None) -> dict[str, Any]:
    """Ceasefires grouped from their events: window, status history, alleged violations."""
    events = await run_in_threadpool(_events, request, theatre)
    register = await run_in_threadpool(register_view, events)
    return {"total": len(register["ceasefires"]), **register}


@router.get("/peace/talks", tags=["peace process"])
async def get_talks_rounds(request: Request, theatre: TheatreQ = None) -> dict[str, Any]:
    """Talks events grouped into rounds (offered → scheduled → held), in date order."""
    events = await run_in_threadpool(_events, request, theatre, ("talks",))
    return _listing([r.to_dict() for r in talks_rounds(events)])


@router.get("/peace/proposals", tags=["peace process"])
async def get_proposals(request: Request, theatre: TheatreQ = None) -> dict[str, Any]:
    """Peace proposals with their points and the parties' responses."""
    events = await run_in_threadpool(_events, request, theatre, ("proposal",))
    return _listing([p.to_dict() for p in proposals_register(events)])


@router.get("/analysis/compliance", tags=["analysis"])
async def get_compliance(request: Request, theatre: TheatreQ = None) -> dict[str, Any]:
    """Per ceasefire: strikes per day inside its window against outside, and allegations."""
    events = await run_in_threadpool(_events, request, theatre)
    rows = await run_in_threadpool(ceasefire_compliance, events)
    return _listing([r.to_dict() for r in rows])


@router.get("/analysis/strikes-vs-diplomacy", tags=["analysis"])
async def get_strikes_vs_diplomacy(
    request: Request,
    window: Annotated[int, Query(ge=0, le=30, description="days either side")] = DEFAULT_WINDOW,
    permutations: Annotated[int, Query(ge=100, le=20_000)] = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
    theatre: TheatreQ = None,
) -> dict[str, Any]:
    """Are large strikes more frequent around diplomatic days? An event study with a
    permutation test; the answer states its own caveats when data are thin."""
    events = await run_in_threadpool(_events, request, theatre)
    study = await run_in_threadpool(
        lambda: strikes_vs_diplomacy(events, window=window, permutations=permutations, seed=seed)
    )
    return study.to_dict()
