"""Dashboard pages: map and timeline, event table, event with its claims, barrages,
peace process, positions matrix and coverage health. Every page calls the ledger and
analysis libraries (the same functions as the API), never the API's routes.

Templates autoescape everything; article text reaches them only as plain strings, so a
story containing ``<script>`` is shown as text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import pass_context
from markupsafe import Markup

from warledger import __version__, settings
from warledger.analysis.health import coverage_report
from warledger.errors import NotFound
from warledger.interfaces.api.params import filter_from_form, page_numbers, sort_from_form
from warledger.interfaces.web.charts import (
    CHOROPLETH,
    KIND_COLOURS,
    dense_period,
    stance_colour,
    timeline_layers,
)
from warledger.interfaces.web.rows import event_row_html, row_html
from warledger.ledger import query as queries
from warledger.ledger.barrage_pages import barrage_page
from warledger.ledger.durations import duration_words
from warledger.ledger.peace.ceasefires import ceasefire_windows, register_view
from warledger.ledger.peace.positions import matrix_view
from warledger.ledger.query import EventFilter
from warledger.ledger.store import Store
from warledger.ledger.summary import summarise
from warledger.ledger.theatre import ALL_THEATRES, default_scope
from warledger.types import EVENT_KINDS, STATUSES

router = APIRouter(include_in_schema=False)
ATTRIBUTION = (
    "Data: OCHA COD Ukraine (CC BY-IGO), DRC InfoPortal; boundaries © geoBoundaries (CC BY 4.0)"
)
MAP_ATTRIBUTION = (
    "Oblasts © geoBoundaries (CC BY 4.0); countries: Natural Earth (public domain); "
    "Russia's regions: DCW-GMT (LGPL-3+); places: OCHA COD, GeoNames"
)
TABLE_ROWS = 100  # events listed under the map
PAGE_ROWS = 50  # events on a page of the events table (page_numbers' default)
BARRAGE_ROWS = 100  # barrages (nights) on one page


def configure(templates: Any) -> None:
    """Globals every template may use."""
    templates.env.globals.update(
        kinds=EVENT_KINDS,
        statuses=STATUSES,
        kind_colours=KIND_COLOURS,
        kind_colours_json=json.dumps(KIND_COLOURS),
        shades=CHOROPLETH,
        attribution=ATTRIBUTION,
        map_attribution=MAP_ATTRIBUTION,
        theatre_label=default_scope().label,
        default_theatre=default_scope().theatre,
        all_theatres=ALL_THEATRES,
    )
    templates.env.globals["url_for"] = static_aware_url_for
    templates.env.filters["counts_text"] = counts_text
    templates.env.filters["summary"] = lambda event: summarise(event.summary_fields())
    templates.env.filters["duration_words"] = duration_words
    templates.env.filters["stance_colour"] = stance_colour
    templates.env.tests["web_link"] = is_web_link


@pass_context
def static_aware_url_for(context: Any, name: str, /, **path_params: Any) -> str:
    """Starlette's ``url_for``, with each static file's URL worked out once per base URL
    (kept on the app): looking the static mount up among every route took 0.2 ms a call,
    twice a page."""
    request: Request = context["request"]
    if name != "static" or list(path_params) != ["path"]:
        return str(request.url_for(name, **path_params))
    known = request.app.state.static_urls
    key = (str(request.base_url), path_params["path"])
    url = known.get(key)
    if url is None:
        if len(known) >= 256:  # the Host header is the client's: keep a few
            known.clear()
        url = known[key] = str(request.url_for(name, **path_params))
    return url


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


def _version(request: Request) -> int:
    """The ledger's version, read once per request: every cache entry a page makes is
    keyed by it, so a consolidation by any process is seen by the next request. Read on
    the reader's own connection (``VersionReader``), so the event loop never waits for
    the pool."""
    if not hasattr(request.state, "ledger_version"):
        _seen(request, request.app.state.version_reader.read())
    return request.state.ledger_version


async def _read_version(request: Request) -> int:
    """``_version`` on the event loop, the read shared with the requests that arrived
    with this one (``SharedReads``)."""
    if not hasattr(request.state, "ledger_version"):
        _seen(request, await request.app.state.version_reads.read())
    return request.state.ledger_version


def _seen(request: Request, version: int) -> None:
    request.state.ledger_version = version
    request.app.state.warmer.notice(version)


def _remembered(request: Request, key: tuple, compute: Callable[[], Any]) -> Any:
    """A JSON value computed once per ledger version (kept with the rendered pages)."""
    cache = request.app.state.rendered_pages
    full = (_version(request), *key)
    cached = cache.get(full)
    if cached is not None:
        return json.loads(cached)
    value = compute()
    cache.put(full, json.dumps(value).encode())
    return value


def _choices(request: Request, name: str, read: Any) -> list[str]:
    """The filter form's choices (oblasts, countries): each is a DISTINCT over every
    event, the same for every page of one ledger version."""
    return _remembered(request, ("choices", name), lambda: read(_store(request).engine))


def _place_names(request: Request) -> queries.PlaceNames:
    """The ledger's place and oblast names, read once per ledger version and shared by
    every place search."""
    engine = _store(request).engine
    names = request.app.state.place_names
    return names.get(_version(request), "names", lambda: queries.place_names(engine))


def _page_ids(
    request: Request, f: EventFilter, *, limit: int, offset: int, sort: str | None
) -> tuple[int, int, list[str]]:
    """(events ``f`` matches, events the theatre leaves out, the ids of one page).

    The filter's counts are kept per ledger version: every page and sort of one filter
    shares them, and counting is most of what a page costs the database. A search
    newest first keeps its first pages' ids with its counts: one pass of the search
    index answers all three. Later pages of any filter and order share its first 1,000
    ids, read once per ledger version: each later page stepped through the events
    before its offset (0.5-3 ms at offset 500-1000 of 100,000 events), and analysts
    page on through the same filter.
    """
    engine = _store(request).engine
    version = _version(request)
    if (f.q or f.place) and (sort or queries.DEFAULT_SORT) == queries.DEFAULT_SORT:
        searches = request.app.state.search_matches
        names = _place_names(request) if f.place else None
        first, total, hidden = searches.get(
            version, f, lambda: queries.search_matches(engine, f, names)
        )
        if offset + limit <= len(first) or len(first) == total:
            return total, hidden, first[offset : offset + limit]
        return total, hidden, queries.page_ids(engine, f, limit=limit, offset=offset, sort=sort)
    counts = request.app.state.filter_counts
    total, hidden = counts.get(version, f, lambda: queries.filter_counts(engine, f))
    kept = request.app.state.first_ids
    key = (f, sort or queries.DEFAULT_SORT)
    first = kept.peek(version, key)
    if first is None and offset and offset + limit <= queries.SEARCH_KEPT:
        first = kept.get(
            version,
            key,
            lambda: queries.page_ids(engine, f, limit=queries.SEARCH_KEPT, offset=0, sort=sort),
        )
    if first is not None and (offset + limit <= len(first) or len(first) == total):
        return total, hidden, first[offset : offset + limit]
    return total, hidden, queries.page_ids(engine, f, limit=limit, offset=offset, sort=sort)


def _rendered_rows(request: Request, event_ids: list[str]) -> dict[str, str]:
    """The table rows of these events (those that exist), rendered from the cells kept
    with each (``ledger.cells``); an event without them has them worked out from its
    JSON."""
    engine = _store(request).engine
    cells = queries.event_cells(engine, event_ids)
    rows = {i: row_html(i, c) for i, c in cells.items() if c is not None}
    unwritten = [i for i, c in cells.items() if c is None]
    for event_id, data in queries.event_dicts(engine, unwritten).items():
        rows[event_id] = event_row_html(data)
    return {i: rows[i] for i in event_ids if i in rows}


def _event_page(
    request: Request, f: EventFilter, *, limit: int, offset: int, sort: str | None
) -> dict[str, Any]:
    """What the events table's templates read: the page (its items are the rendered rows)
    and its rows.

    Each event's row is kept rendered per ledger version, so only the events no page
    showed before are read (their cells) and rendered.
    """
    total, hidden, ids = _page_ids(request, f, limit=limit, offset=offset, sort=sort)
    version = _version(request)
    kept = request.app.state.rendered_rows
    rows = kept.get_many(version, ids)
    missing = [event_id for event_id in ids if event_id not in rows]
    if missing:
        made = _rendered_rows(request, missing)
        kept.put_many(version, made)
        rows |= made
    items = [Markup(rows[i]) for i in ids if i in rows]  # an event deleted meanwhile: gone
    page = queries.Page(total=total, limit=limit, offset=offset, items=items, left_out=hidden)
    return {"page": page, "rows": items}


async def _cached(request: Request, build: Callable[[], Response]) -> Response:
    """A page of events served from the rendered-page cache when the ledger has not
    changed since it was rendered, with an ETag so a browser's repeat costs a 304.

    Keyed by (ledger version, path, query): rendering is a function of those alone, so
    an entry is right until a consolidation raises the version. A kept page is answered
    on the event loop; only a page to render goes to a worker thread (under 50 clients
    the hand-off cost more than serving the kept page: 790 -> 1,780 pages a second).
    """
    version = await _read_version(request)
    url = request.url
    digest = hashlib.blake2b(f"{url.path}?{url.query}".encode(), digest_size=8).hexdigest()
    etag = f'W/"{__version__}-{version}-{digest}"'
    headers = {"etag": etag, "cache-control": "no-cache"}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    cache = request.app.state.rendered_pages
    key = (version, url.path, url.query)
    body = cache.get(key)
    if body is None:
        response = await request.app.state.page_builds.build(key, build)
        if response.status_code != 200:
            return response
        body = bytes(response.body)
        cache.put(key, body)
    return Response(body, media_type="text/html; charset=utf-8", headers=headers)


def _form_context(request: Request, f: EventFilter, left_out: int | None = None) -> dict[str, Any]:
    engine = _store(request).engine
    return {
        "f": f,
        "oblasts": _choices(request, "oblasts", queries.distinct_oblasts),
        "countries": _choices(request, "countries", queries.distinct_countries),
        "query": urlencode(f.as_query()),
        "left_out": queries.left_out(engine, f) if left_out is None else left_out,
        "all_query": urlencode(f.any_theatre().as_query()),
    }


@lru_cache(maxsize=1)
def _boundaries() -> bytes:
    theatre = settings.THEATRE_DIR
    oblasts = json.loads((theatre / "ua_admin1.geojson").read_text(encoding="utf-8"))
    countries = json.loads((theatre / "map" / "countries.geojson").read_text(encoding="utf-8"))
    regions = json.loads(
        (theatre / "map" / "ru_border_regions.geojson").read_text(encoding="utf-8")
    )
    body = {"oblasts": oblasts, "countries": countries, "regions": regions}
    return json.dumps(body, separators=(",", ":")).encode("utf-8")


@router.get("/map/boundaries.json")
def boundaries() -> Response:
    """Oblasts, neighbouring countries and Russia's border regions for the Leaflet maps."""
    return Response(
        _boundaries(),
        media_type="application/json",
        headers={"cache-control": "public, max-age=86400"},
    )


def _timeline(request: Request, f: EventFilter) -> dict[str, Any] | None:
    engine = _store(request).engine
    undated = EventFilter(**{**vars(f), "date_from": None, "date_to": None})
    spans = queries.timeline_rows(engine, undated)
    peace = EventFilter(theatre=f.theatre, kinds=("ceasefire", "talks"))
    framing = queries.all_events(engine, peace, cap=2000)
    talks = [
        (e.event_id, e.date.start[:10], f"talks {e.subtype or ''}: {summarise(e.summary_fields())}")
        for e in framing
        if e.kind == "talks" and e.date.start
    ]
    days = [s["start"] for s in spans if s["precision"] == "day" for _ in range(s["n"])]
    period = dense_period(days)
    end = max((s["end"] for s in spans), default=None)
    return timeline_layers(spans, ceasefire_windows(framing, end), talks, period=period)


@router.get("/", response_class=HTMLResponse)
async def overview(request: Request) -> Response:
    def build() -> Response:
        f = _filters(request)
        sort = sort_from_form(dict(request.query_params))
        table = _event_page(request, f, limit=TABLE_ROWS, offset=0, sort=sort)
        return _render(
            request,
            "overview.html",
            timeline=_timeline(request, f),
            sort=sort or queries.DEFAULT_SORT,
            **table,
            **_form_context(request, f, table["page"].left_out),
        )

    return await _cached(request, build)


@router.get("/fragments/events", response_class=HTMLResponse)
async def events_fragment(request: Request) -> Response:
    """The table body of the events matching the filter (the map page's live table)."""

    def build() -> Response:
        params = dict(request.query_params)
        f = filter_from_form(params)
        limit, offset = page_numbers(params, default_limit=TABLE_ROWS)
        sort = sort_from_form(params)
        table = _event_page(request, f, limit=limit, offset=offset, sort=sort)
        return _render(request, "_event_rows.html", **table)

    return await _cached(request, build)


@router.get("/events", response_class=HTMLResponse)
async def event_table(request: Request) -> Response:
    def build() -> Response:
        params = dict(request.query_params)
        f = _filters(request)
        sort = sort_from_form(params)
        limit, offset = page_numbers(params)
        table = _event_page(request, f, limit=limit, offset=offset, sort=sort)
        total = table["page"].total
        base = f.as_query() | ({"sort": sort} if sort else {})
        prev_q = urlencode({**base, "limit": limit, "offset": max(0, offset - limit)})
        next_q = urlencode({**base, "limit": limit, "offset": offset + limit})
        return _render(
            request,
            "events.html",
            sort=sort or queries.DEFAULT_SORT,
            prev_q=prev_q if offset > 0 else None,
            next_q=next_q if offset + limit < total else None,
            **table,
            **_form_context(request, f, table["page"].left_out),
        )

    return await _cached(request, build)


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
    placed = next((loc for loc in event.locations if loc.lat is not None), None)
    return _render(
        request,
        "event.html",
        event=event,
        claims=claims,
        summary=summarise(event.to_dict()),
        placed=placed,
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(doc_id: str, request: Request) -> Response:
    store = _store(request)
    doc = store.document(doc_id)
    return _render(request, "document.html", doc=doc, copies=store.copies(doc_id))


@router.get("/barrages", response_class=HTMLResponse)
def barrages_page(request: Request) -> Response:
    """Night attacks: launched, intercepted and failed per weapon, places and harm; newest
    night first, ``BARRAGE_ROWS`` a page (only that page's strikes are read)."""
    params = dict(request.query_params)
    f = _filters(request)
    limit, offset = page_numbers(params, default_limit=BARRAGE_ROWS)
    strikes = EventFilter(**{**vars(f), "kind": "strike", "kinds": ()})
    total, found = barrage_page(_store(request), strikes, side=f.side, limit=limit, offset=offset)
    base = f.as_query()
    prev_q = urlencode({**base, "limit": limit, "offset": max(0, offset - limit)})
    next_q = urlencode({**base, "limit": limit, "offset": offset + limit})
    return _render(
        request,
        "barrages.html",
        barrages=[b.to_dict() for b in found],
        total=total,
        prev_q=prev_q if offset > 0 else None,
        next_q=next_q if offset + limit < total else None,
        **_form_context(request, f),
    )


@router.get("/peace", response_class=HTMLResponse)
def peace_page(request: Request) -> Response:
    f = _filters(request)
    engine = _store(request).engine

    def of(kind: str) -> list[Any]:
        return queries.all_events(engine, EventFilter(**{**vars(f), "kind": kind}), cap=500)

    ceasefires = of("ceasefire")
    register = register_view(ceasefires)
    return _render(
        request,
        "peace.html",
        ceasefire_rows=register["ceasefires"],
        unattached=register["unattached_allegations"],
        ceasefires=ceasefires,
        talks=of("talks"),
        proposals=of("proposal"),
        **_form_context(request, f),
    )


@router.get("/positions", response_class=HTMLResponse)
def positions_page(request: Request) -> Response:
    rows = queries.position_history(_store(request).engine)
    matrix = matrix_view((r.data, r.doc_id) for r in rows)
    stances = sorted({c["stance"] for row in matrix["cells"].values() for c in row.values()})
    return _render(
        request, "positions.html", matrix=matrix, history_text=history_text, stances=stances
    )


def history_text(cell: dict[str, Any]) -> str:
    """Every stance of a matrix cell with its date, speaker and evidence."""
    lines = []
    for p in cell["history"]:
        when = p.get("date") or (f"reported {p['reported']}" if p.get("reported") else None)
        who = f"{p['party_name']}: " if p.get("party_name") else ""
        lines.append(f"{when or 'date unknown'}: {p['stance']} — {who}“{p.get('evidence') or ''}”")
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


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def warm_pieces(app: Any, version: int, stop: Callable[[], bool] = lambda: False) -> None:
    """Fill what the events pages of ledger ``version`` share (``web.warm``): the form's
    choices, the place names, and for no filter and each filter the form offers (each
    kind, party of the theatre and oblast) its counts, its first 1,000 ids newest first
    (what its later pages slice) and the rows of its first page. ``stop()`` is asked
    between pieces.

    The version is given, never read here: the version reader's one connection belongs
    to the event loop's requests (and is closed with the app).
    """
    request = Request({"type": "http", "app": app, "path": "/events", "query_string": b""})
    request.state.ledger_version = version
    default = filter_from_form({})
    pieces: list[Callable[[], Any]] = [
        lambda: _choices(request, "countries", queries.distinct_countries),
        lambda: _place_names(request),
        lambda: _event_page(request, default, limit=TABLE_ROWS, offset=0, sort=None),
    ]
    forms: list[dict[str, str]] = [{}]
    forms += [{"kind": kind} for kind in EVENT_KINDS]
    forms += [{"side": side} for side in sorted(default_scope().parties)]
    forms += [
        {"oblast": oblast} for oblast in _choices(request, "oblasts", queries.distinct_oblasts)
    ]
    engine, kept = _store(request).engine, request.app.state.first_ids
    for form in forms:
        f = filter_from_form(form)
        pieces.append(
            lambda f=f: kept.get(
                version,
                (f, queries.DEFAULT_SORT),
                lambda: queries.page_ids(engine, f, limit=queries.SEARCH_KEPT, offset=0),
            )
        )
        # The counts first (the page reads them), then the rows of the first page.
        pieces.append(lambda f=f: _event_page(request, f, limit=PAGE_ROWS, offset=0, sort=None))
    for piece in pieces:
        if stop():
            return
        piece()
