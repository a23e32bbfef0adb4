"""Peace-process registers and analysis results, computed by ``warledger.ledger.peace``
and ``warledger.analysis`` over the stored consolidated events.

Each reads only what its answer needs (``warledger.analysis.live``): the events of the
kinds a register groups, and per-day counts of strikes and diplomatic steps computed in
SQL, so no cap cuts an analysis short on a large ledger.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool

from warledger.analysis import live
from warledger.analysis.diplomacy import (
    DEFAULT_PERMUTATIONS,
    DEFAULT_SEED,
    DEFAULT_WINDOW,
)
from warledger.interfaces.api.models import ErrorOut
from warledger.interfaces.api.params import TheatreQ
from warledger.interfaces.api.params_check import reject_unknown_params
from warledger.ledger.query import EventFilter, default_theatre

router = APIRouter(
    prefix="/api",
    responses={422: {"model": ErrorOut}},
    dependencies=[Depends(reject_unknown_params)],
)


def _ledger(request: Request, theatre: str | None) -> tuple[Any, EventFilter]:
    return request.app.state.store.engine, EventFilter(theatre=theatre or default_theatre())


def _listing(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total": len(items), "items": items}


@router.get("/peace/ceasefires", tags=["peace process"])
async def get_ceasefire_register(request: Request, theatre: TheatreQ = None) -> dict[str, Any]:
    """Ceasefires grouped from their events: window, status history, alleged violations."""
    register = await run_in_threadpool(live.ceasefire_register, *_ledger(request, theatre))
    return {"total": len(register["ceasefires"]), **register}


@router.get("/peace/talks", tags=["peace process"])
async def get_talks_rounds(request: Request, theatre: TheatreQ = None) -> dict[str, Any]:
    """Talks events grouped into rounds (offered → scheduled → held), in date order."""
    return _listing(await run_in_threadpool(live.talks, *_ledger(request, theatre)))


@router.get("/peace/proposals", tags=["peace process"])
async def get_proposals(request: Request, theatre: TheatreQ = None) -> dict[str, Any]:
    """Peace proposals with their points and the parties' responses."""
    return _listing(await run_in_threadpool(live.proposals, *_ledger(request, theatre)))


@router.get("/analysis/compliance", tags=["analysis"])
async def get_compliance(request: Request, theatre: TheatreQ = None) -> dict[str, Any]:
    """Per ceasefire: strikes per day inside its window against outside, and allegations."""
    rows = await run_in_threadpool(live.ceasefire_compliance, *_ledger(request, theatre))
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
    engine, f = _ledger(request, theatre)
    study = await run_in_threadpool(
        lambda: live.strikes_vs_diplomacy(
            engine, f, window=window, permutations=permutations, seed=seed
        )
    )
    return study.to_dict()
