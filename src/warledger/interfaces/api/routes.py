"""The JSON API under /api: read endpoints with filters and pagination, one write."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from warledger.analysis.health import coverage_report
from warledger.errors import NotFound
from warledger.interfaces.api.ingest_service import ingest_one, raw_from_request
from warledger.interfaces.api.models import (
    BarragePage,
    CoverageOut,
    DocumentOut,
    DocumentPage,
    ErrorOut,
    EventOut,
    EventPage,
    IngestOut,
    IngestRequest,
    PositionMatrix,
    PositionPage,
    TimelineOut,
)
from warledger.interfaces.api.params import (
    MAX_LIMIT,
    DateFromQ,
    DateToQ,
    LimitQ,
    OffsetQ,
    SideQ,
    SortQ,
    TheatreQ,
    event_filter,
)
from warledger.interfaces.api.params_check import reject_unknown_params
from warledger.interfaces.api.write_guard import token_matches
from warledger.ledger import query as queries
from warledger.ledger.barrage_pages import barrage_page
from warledger.ledger.peace.positions import matrix_view
from warledger.ledger.query import EventFilter
from warledger.ledger.store import Store
from warledger.types import ISSUES

router = APIRouter(
    prefix="/api",
    responses={422: {"model": ErrorOut}},
    dependencies=[Depends(reject_unknown_params)],
)
Issue = Annotated[str | None, Query(pattern="^(" + "|".join(ISSUES) + ")$")]


def _store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(_store)]
FilterDep = Annotated[EventFilter, Depends(event_filter)]


async def _event_page(
    request: Request, f: EventFilter, limit: int, offset: int, sort: str | None = None
) -> Response:
    """A page of events; the stored JSON goes out as is (``EventPage`` documents it).

    Async on purpose: a cached page is served from the event loop without a thread hop
    (under 50 concurrent clients the thread pool's hand-offs cost more than the work);
    only a cache miss goes to a worker thread for the database.
    """
    state = request.app.state
    key = (f, limit, offset, sort)
    version = state.ledger_clock.recent()
    body = state.page_cache.get((version, key)) if version is not None else None
    if body is None:

        def build() -> bytes:
            version = state.ledger_clock.read()
            page = state.page_cache.get((version, key))
            if page is None:
                engine = state.store.engine
                total, hidden = state.filter_counts.get(
                    version, f, lambda: queries.filter_counts(engine, f)
                )
                page, _, _ = queries.event_page_json(
                    engine, f, limit=limit, offset=offset, total=total, sort=sort, hidden=hidden
                )
                state.page_cache.put((version, key), page)
            return page

        body = await run_in_threadpool(build)
    return Response(body, media_type="application/json")


# -- documents ---------------------------------------------------------------------------


def _summary(doc: Any) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "published": doc.published,
        "language": doc.language,
        "external_id": doc.external_id,
        "chars": len(doc.text),
    }


@router.get("/documents", response_model=DocumentPage, tags=["documents"])
def list_documents(
    store: StoreDep,
    language: Annotated[str | None, Query(max_length=16)] = None,
    extracted: bool | None = None,
    limit: LimitQ = 50,
    offset: OffsetQ = 0,
) -> dict[str, Any]:
    """Stored documents (canonical texts), by id, with their first copy's metadata."""
    docs = store.documents(language=language, extracted=extracted, limit=limit, offset=offset)
    total = queries.count_documents(store.engine, language=language, extracted=extracted)
    return {"total": total, "limit": limit, "offset": offset, "items": [_summary(d) for d in docs]}


@router.get("/documents/{doc_id}", response_model=DocumentOut, tags=["documents"])
def get_document(doc_id: str, store: StoreDep) -> dict[str, Any]:
    """One document's canonical text (evidence offsets point into it) and its copies."""
    doc = store.document(doc_id)
    copies = [
        {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in c.items()}
        for c in store.copies(doc_id)
    ]
    return {**_summary(doc), "text": doc.text, "copies": copies}


def _check_token(request: Request, authorization: str | None) -> None:
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(
            403, "this server is read-only: start it with WARLEDGER_TOKEN set to accept writes"
        )
    if not token_matches(authorization, expected):
        raise HTTPException(
            401,
            "a valid token is required: send 'Authorization: Bearer <WARLEDGER_TOKEN>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


@router.post(
    "/documents",
    response_model=IngestOut,
    status_code=201,
    tags=["documents"],
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}},
)
async def post_document(
    body: IngestRequest,
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Ingest one article (text, HTML, or a URL to fetch), extract it and consolidate.

    Needs ``Authorization: Bearer <token>``; a server started without a token is read-only.
    """
    _check_token(request, authorization)
    state = request.app.state
    raw = await run_in_threadpool(raw_from_request, body, allow_private=state.allow_private)
    async with state.write_lock:
        outcome = await run_in_threadpool(
            ingest_one, state.store, raw, extract=state.extract, version=state.extractor_version
        )
        state.ledger_clock.forget()  # its consolidation raised the version: read it again
    return vars(outcome)


# -- events ------------------------------------------------------------------------------


@router.get("/events", response_model=EventPage, tags=["events"])
async def list_events(
    request: Request, f: FilterDep, limit: LimitQ = 50, offset: OffsetQ = 0, sort: SortQ = None
) -> Any:
    """Consolidated events of the theatre (``theatre=all`` for every event), newest first
    unless ``sort`` says otherwise, each with every claim and its evidence. ``left_out``
    counts the events of this filter that lie outside the theatre."""
    return await _event_page(request, f, limit, offset, sort)


@router.get("/events/{event_id}", response_model=EventOut, tags=["events"])
def get_event(event_id: str, store: StoreDep) -> Any:
    event = queries.event_by_id(store.engine, event_id)
    if event is None:
        raise NotFound(f"no event {event_id}")
    return event.to_dict()


@router.get("/ceasefires", response_model=EventPage, tags=["peace process"])
async def list_ceasefires(
    request: Request, f: FilterDep, limit: LimitQ = 50, offset: OffsetQ = 0
) -> Any:
    """The ceasefire register: proposals, declarations, acceptances, alleged violations."""
    return await _event_page(request, _with_kind(f, "ceasefire"), limit, offset)


@router.get("/talks", response_model=EventPage, tags=["peace process"])
async def list_talks(
    request: Request, f: FilterDep, limit: LimitQ = 50, offset: OffsetQ = 0
) -> Any:
    return await _event_page(request, _with_kind(f, "talks"), limit, offset)


@router.get("/proposals", response_model=EventPage, tags=["peace process"])
async def list_proposals(
    request: Request, f: FilterDep, limit: LimitQ = 50, offset: OffsetQ = 0
) -> Any:
    return await _event_page(request, _with_kind(f, "proposal"), limit, offset)


def _with_kind(f: EventFilter, kind: str) -> EventFilter:
    if f.kind and f.kind != kind:
        raise HTTPException(422, f"kind: this endpoint lists {kind} events only")
    return EventFilter(**{**vars(f), "kind": kind})


@router.get("/barrages", response_model=BarragePage, tags=["events"])
def list_barrages(
    store: StoreDep,
    side: SideQ = None,
    date_from: DateFromQ = None,
    date_to: DateToQ = None,
    theatre: TheatreQ = None,
    limit: LimitQ = 50,
    offset: OffsetQ = 0,
) -> Any:
    """Night attacks: strike events of one attacker side per night, newest night first."""
    f = EventFilter(kind="strike", date_from=date_from, date_to=date_to)
    if theatre:
        f = EventFilter(**{**vars(f), "theatre": theatre})
    side = side.upper() if side else None
    total, barrages = barrage_page(store, f, side=side, limit=limit, offset=offset)
    items = [b.to_dict() for b in barrages]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


# -- positions ---------------------------------------------------------------------------


@router.get("/positions", response_model=PositionPage, tags=["peace process"])
def list_positions(
    store: StoreDep,
    issue: Issue = None,
    side: SideQ = None,
    date_from: DateFromQ = None,
    date_to: DateToQ = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    offset: OffsetQ = 0,
) -> Any:
    """Stated positions (party, issue, stance) with their evidence, by date."""
    filters = {
        "issue": issue,
        "side": side.upper() if side else None,
        "date_from": date_from,
        "date_to": date_to,
    }
    rows = store.position_rows(**filters, limit=limit, offset=offset)
    total = len(store.position_rows(**filters))
    items = [{**r["data"], "doc_id": r["doc_id"]} for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/positions/matrix", response_model=PositionMatrix, tags=["peace process"])
def get_positions_matrix(store: StoreDep, issue: Issue = None, side: SideQ = None) -> Any:
    """Party × issue: the latest stance of each side on each issue, with its history (a
    person's words count for their side; the speaker is named in the history)."""
    rows = queries.position_history(store.engine, issue=issue, side=side.upper() if side else None)
    return matrix_view((r.data, r.doc_id) for r in rows)


# -- analysis and health -----------------------------------------------------------------


MAX_FRAMING = 2000  # ceasefire and talks events listed beside a timeline, newest first


@router.get("/analysis/timeline", response_model=TimelineOut, tags=["analysis"])
def get_timeline(store: StoreDep, f: FilterDep) -> Any:
    """Events per day by kind, with the ceasefires and talks that frame them."""
    by_day = queries.counts_by_day(store.engine, f)
    peace = EventFilter(
        date_from=f.date_from, date_to=f.date_to, theatre=f.theatre, kinds=("ceasefire", "talks")
    )
    framing = queries.event_page(store.engine, peace, limit=MAX_FRAMING, offset=0, hidden=0)
    return {
        "days": [{"day": day, "counts": dict(c)} for day, c in by_day.items()],
        "ceasefires": [e.to_dict() for e in framing.items if e.kind == "ceasefire"],
        "talks": [e.to_dict() for e in framing.items if e.kind == "talks"],
        "framing_left_out": framing.total - len(framing.items),
    }


@router.get("/map", tags=["events"])
def get_map(store: StoreDep, f: FilterDep) -> Any:
    """The events of the filter for a map: GeoJSON points with flat properties (kind,
    dates and precision, place, numbers, disputed), the count without coordinates and
    events per oblast. At most 5,000 points, newest first."""
    return queries.map_features(store.engine, f)


@router.get("/analysis/oblasts", tags=["analysis"])
def get_oblast_counts(store: StoreDep, f: FilterDep) -> dict[str, int]:
    """Events per oblast (the map's choropleth)."""
    return queries.counts_by_oblast(store.engine, f)


@router.get("/coverage", response_model=CoverageOut, tags=["health"])
def get_coverage(store: StoreDep) -> Any:
    """Coverage health per source: documents, extraction, claims, and whether a feed
    looks broken (no documents while others publish)."""
    return coverage_report(store)


@router.get("/stats", tags=["health"])
def get_stats(store: StoreDep) -> dict[str, Any]:
    """Ledger counts: documents, mentions by kind, consolidated events, top places, runs."""
    stats = store.stats()
    stats["events"] = queries.count_events(store.engine)
    last = stats.get("last_run")
    if last:
        stats["last_run"] = {
            k: (v.isoformat() if isinstance(v, date) else v) for k, v in last.items()
        }
    return stats
