"""Dashboard pages: map and timeline, event table, event with its claims, peace process,
positions matrix and coverage health. Every page reads the same queries as the API.

Templates autoescape everything; article text reaches them only as plain strings, so a
story containing ``<script>`` is shown as text.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from warledger.errors import NotFound
from warledger.interfaces.api import queries
from warledger.interfaces.api.analysis_routes import ceasefire_register
from warledger.interfaces.api.derived import ceasefire_windows, positions_matrix
from warledger.interfaces.api.params import filter_from_form, page_numbers
from warledger.interfaces.api.queries import EventFilter
from warledger.interfaces.api.routes import coverage_report
from warledger.interfaces.web.charts import KIND_COLOURS, map_layers, timeline_layers
from warledger.ledger.store import Store
from warledger.types import EVENT_KINDS, STATUSES

router = APIRouter(include_in_schema=False)
ATTRIBUTION = (
    "Data: OCHA COD Ukraine (CC BY-IGO), DRC InfoPortal; boundaries © geoBoundaries (CC BY 4.0)"
)


def configure(templates: Jinja2Templates) -> None:
    """Globals every template may use."""
    templates.env.globals.update(
        kinds=EVENT_KINDS,
        statuses=STATUSES,
        kind_colours=KIND_COLOURS,
        attribution=ATTRIBUTION,
    )
    templates.env.filters["counts_text"] = counts_text
    templates.env.tests["web_link"] = is_web_link


def is_web_link(url: object) -> bool:
    """Only http(s) URLs become links: a ``javascript:`` or ``data:`` URL from an input's
    metadata would run in the reader's browser when clicked."""
    return isinstance(url, str) and url.strip().lower().startswith(("http://", "https://"))


def counts_text(counts: dict[str, Any]) -> str:
    """ "killed 3 (2–4), injured 12" from reconciled or plain counts."""
    parts = []
    for key, c in counts.items():
        if hasattr(c, "best"):
            rng = f" ({c.low}–{c.high})" if c.low != c.high else ""
            parts.append(f"{key} {c.best}{rng}")
        else:
            q = "" if c.qualifier == "exact" else f"{c.qualifier.replace('_', ' ')} "
            parts.append(f"{key} {q}{c.value}")
    return ", ".join(parts)


def _store(request: Request) -> Store:
    return request.app.state.store


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


def _filters(request: Request) -> EventFilter:
    return filter_from_form(dict(request.query_params))


def _form_context(request: Request, f: EventFilter) -> dict[str, Any]:
    return {
        "f": f,
        "oblasts": queries.distinct_oblasts(_store(request).engine),
        "query": urlencode(f.as_query()),
    }


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    f = _filters(request)
    engine = _store(request).engine
    layers = map_layers(queries.map_rows(engine, f), queries.counts_by_oblast(engine, f))
    peace = EventFilter(date_from=f.date_from, date_to=f.date_to, kinds=("ceasefire", "talks"))
    framing = queries.all_events(engine, peace, cap=2000)
    talks = [
        (e.event_id, e.date.start[:10], f"talks {e.subtype or ''} {', '.join(e.claimants)}")
        for e in framing
        if e.kind == "talks" and e.date.start
    ]
    by_day = queries.counts_by_day(engine, f)
    ledger_end = date.fromisoformat(max(by_day)) if by_day else None
    timeline = timeline_layers(by_day, ceasefire_windows(framing, ledger_end), talks)
    return _render(
        request, "overview.html", map=layers, timeline=timeline, **_form_context(request, f)
    )


@router.get("/events", response_class=HTMLResponse)
def event_table(request: Request) -> Response:
    f = _filters(request)
    limit, offset = page_numbers(dict(request.query_params))
    page = queries.event_page(_store(request).engine, f, limit=limit, offset=offset)
    base = f.as_query()
    prev_q = urlencode({**base, "limit": limit, "offset": max(0, offset - limit)})
    next_q = urlencode({**base, "limit": limit, "offset": offset + limit})
    return _render(
        request,
        "events.html",
        page=page,
        prev_q=prev_q if offset > 0 else None,
        next_q=next_q if offset + limit < page.total else None,
        **_form_context(request, f),
    )


def highlighted(text: str, spans: list[Any]) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_evidence) so the template can mark the evidence.

    Offsets are trusted only when they still point at the evidence text (the document
    could have been re-cleaned since); otherwise the evidence is looked up by content.
    """
    marks: list[tuple[int, int]] = []
    for s in spans:
        start, end = s.start, s.end
        if text[start:end] != s.text:
            found = text.find(s.text) if s.text else -1
            if found < 0:
                continue
            start, end = found, found + len(s.text)
        marks.append((start, end))
    pieces, pos = [], 0
    for start, end in sorted(marks):
        if start < pos:
            continue
        pieces += [(text[pos:start], False), (text[start:end], True)]
        pos = end
    pieces.append((text[pos:], False))
    return [p for p in pieces if p[0]]


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, request: Request) -> Response:
    store = _store(request)
    event = queries.event_by_id(store.engine, event_id)
    if event is None:
        raise NotFound(f"no event {event_id}")
    claims = []
    for claim in event.claims:
        try:
            doc = store.document(claim.doc_id)
            pieces = highlighted(doc.text, claim.evidence)
            title = doc.title
        except NotFound:
            pieces, title = [], None
        claims.append({"claim": claim, "pieces": pieces, "title": title})
    return _render(request, "event.html", event=event, claims=claims)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(doc_id: str, request: Request) -> Response:
    store = _store(request)
    doc = store.document(doc_id)
    return _render(request, "document.html", doc=doc, copies=store.copies(doc_id))


@router.get("/peace", response_class=HTMLResponse)
def peace_page(request: Request) -> Response:
    f = _filters(request)
    engine = _store(request).engine

    def of(kind: str) -> list[Any]:
        return queries.all_events(engine, EventFilter(**{**vars(f), "kind": kind}), cap=500)

    ceasefires = of("ceasefire")
    return _render(
        request,
        "peace.html",
        ceasefire_rows=ceasefire_register(ceasefires)["ceasefires"],
        ceasefires=ceasefires,
        talks=of("talks"),
        proposals=of("proposal"),
        **_form_context(request, f),
    )


@router.get("/positions", response_class=HTMLResponse)
def positions_page(request: Request) -> Response:
    rows = queries.position_history(_store(request).engine, issue=None, side=None)
    matrix = positions_matrix((r.data, r.doc_id) for r in rows)
    return _render(request, "positions.html", matrix=matrix, history_text=history_text)


def history_text(cell: dict[str, Any]) -> str:
    """The hover text of a matrix cell: every stance with its date and evidence."""
    lines = []
    for p in cell["history"]:
        when = (p.get("date") or {}).get("start") or "date unknown"
        evidence = " … ".join(s["text"] for s in p.get("evidence", []))
        lines.append(f"{when}: {p['stance']} — “{evidence}” ({p.get('doc_id')})")
    return "\n".join(lines)


@router.get("/coverage", response_class=HTMLResponse)
def coverage_page(request: Request) -> Response:
    store = _store(request)
    report = coverage_report(store)
    health = {h["source"]: h for h in report["health"]["sources"]}
    return _render(
        request,
        "coverage.html",
        sources=report["sources"],
        health=health,
        as_of=report["health"]["as_of"],
        runs=report["runs"],
        stats=store.stats(),
        n_events=queries.count_events(store.engine),
    )
