"""Downloads of the events matching a filter (the dashboard's export buttons): CSV,
GeoJSON and JSON Lines, written by ``warledger.ledger.export_events`` from events read
in keyset pages (at most ``MAX_EXPORT``; a header says when more match)."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import IO, Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

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
SPOOL_BYTES = 8 * 2**20  # an export larger than this is spooled to a temporary file
CHUNK_BYTES = 2**16
FORMATS = {
    "csv": (write_csv, "text/csv; charset=utf-8"),
    "geojson": (write_geojson, "application/geo+json"),
    "jsonl": (write_jsonl, "application/x-ndjson"),
}
FilterDep = Annotated[EventFilter, Depends(event_filter)]


def _render(request: Request, f: EventFilter, sort: str | None, fmt: str) -> _Export:
    """The export written to a spooled file (in memory while small, then on disk) from
    events read in keyset pages: memory stays bounded whatever the export's size."""
    writer, _ = FORMATS[fmt]
    engine = request.app.state.store.engine
    matching = queries.count(engine, f)
    # Closed by the response once sent (``_Export.chunks``), not here.
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+b")  # noqa: SIM115
    text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
    n = writer(islice(queries.iter_events(engine, f, sort=sort), MAX_EXPORT), text)
    text.flush()
    text.detach()
    size = spool.tell()
    spool.seek(0)
    return _Export(spool, n, size, truncated=matching > MAX_EXPORT)


@dataclass
class _Export:
    body: IO[bytes]
    n: int
    size: int
    truncated: bool

    def chunks(self) -> Iterator[bytes]:
        with self.body:
            while block := self.body.read(CHUNK_BYTES):
                yield block


async def _download(request: Request, f: EventFilter, sort: str | None, fmt: str) -> Response:
    export = await run_in_threadpool(_render, request, f, sort, fmt)
    headers = {
        "content-disposition": f'attachment; filename="warledger-events.{fmt}"',
        "content-length": str(export.size),
        "x-total-count": str(export.n),
    }
    if export.truncated:  # more events match than one export holds: say so
        headers["x-truncated"] = f"first {MAX_EXPORT} events only"
    return StreamingResponse(export.chunks(), media_type=FORMATS[fmt][1], headers=headers)


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
