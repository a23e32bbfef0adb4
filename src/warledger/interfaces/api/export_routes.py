"""Downloads of the events matching a filter (the dashboard's export buttons): CSV,
GeoJSON and JSON Lines, written by ``warledger.ledger.export_events``."""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool

from warledger.interfaces.api.models import ErrorOut
from warledger.interfaces.api.params import SortQ, event_filter
from warledger.interfaces.api.params_check import reject_unknown_params
from warledger.ledger import query as queries
from warledger.ledger.export_events import write_csv, write_geojson, write_jsonl
from warledger.ledger.query import EventFilter

router = APIRouter(
    prefix="/api/export",
    tags=["export"],
    responses={422: {"model": ErrorOut}},
    dependencies=[Depends(reject_unknown_params)],
)
MAX_EXPORT = 100_000
FORMATS = {
    "csv": (write_csv, "text/csv; charset=utf-8"),
    "geojson": (write_geojson, "application/geo+json"),
    "jsonl": (write_jsonl, "application/x-ndjson"),
}
FilterDep = Annotated[EventFilter, Depends(event_filter)]


def _render(request: Request, f: EventFilter, sort: str | None, fmt: str) -> tuple[str, int]:
    writer, _ = FORMATS[fmt]
    events = queries.all_events(request.app.state.store.engine, f, cap=MAX_EXPORT, sort=sort)
    out = io.StringIO()
    n = writer(events, out)
    return out.getvalue(), n


async def _download(request: Request, f: EventFilter, sort: str | None, fmt: str) -> Response:
    body, n = await run_in_threadpool(_render, request, f, sort, fmt)
    return Response(
        body,
        media_type=FORMATS[fmt][1],
        headers={
            "content-disposition": f'attachment; filename="warledger-events.{fmt}"',
            "x-total-count": str(n),
        },
    )


@router.get("/events.csv", response_class=Response)
async def export_csv(request: Request, f: FilterDep, sort: SortQ = None) -> Any:
    """The events of the filter as ACLED-like CSV, one row per event (summary, negated
    claims and theatre included). Takes the same filters as /api/events."""
    return await _download(request, f, sort, "csv")


@router.get("/events.geojson", response_class=Response)
async def export_geojson(request: Request, f: FilterDep, sort: SortQ = None) -> Any:
    """The events of the filter that have coordinates, as a GeoJSON FeatureCollection."""
    return await _download(request, f, sort, "geojson")


@router.get("/events.jsonl", response_class=Response)
async def export_jsonl(request: Request, f: FilterDep, sort: SortQ = None) -> Any:
    """The events of the filter as JSON Lines: each ledger-schema event with its claims."""
    return await _download(request, f, sort, "jsonl")
