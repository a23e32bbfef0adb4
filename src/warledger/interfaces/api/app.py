"""The FastAPI application: JSON API under /api, dashboard pages at /, schema at /docs."""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from warledger import settings
from warledger.interfaces.api import analysis_routes, errors, export_routes, index_routes, routes
from warledger.interfaces.api.cache import (
    FilterCounts,
    LedgerClock,
    PageBuilds,
    PerVersion,
    RenderedPages,
    RenderedRows,
    SharedReads,
)
from warledger.interfaces.api.head import HeadAsGet
from warledger.interfaces.api.ingest_service import ExtractFn, default_extract, extractor_version
from warledger.interfaces.api.security import SecurityHeaders
from warledger.interfaces.api.write_guard import WriteGuard
from warledger.interfaces.web import WEB_DIR, pages
from warledger.interfaces.web.warm import Warmer
from warledger.ledger import query as queries
from warledger.ledger import version as ledger_version
from warledger.ledger.store import Store

SWAGGER = "/static/vendor/swagger-ui"
RENDERED_BYTES = 32 * 2**20  # rendered dashboard pages kept per process (about 400)
API_PAGE_BYTES = 64 * 2**20  # API event pages kept per process (1,000-2,000 of 50 events)
RENDERED_ROWS = 20_000  # rendered rows of the events table kept per process (about 16 MB)
PAGE_BUILD_THREADS = 2  # dashboard pages rendered at once (PageBuilds)
STARTUP_WARMING = 60.0  # seconds the start waits for the version's warming (web/warm.py)


def create_app(
    db_url: str | None = None,
    *,
    token: str | None = None,
    extract: ExtractFn | None = None,
    allow_private: bool = False,
    cache_seconds: float = 2.0,
    max_body: int | None = None,
) -> FastAPI:
    """The app on the ledger at ``db_url`` (default: ``$WARLEDGER_DB`` or ./warledger.db).

    ``token`` (default ``$WARLEDGER_TOKEN``) enables POST /api/documents for clients that
    send it as a Bearer token; without one the server is read-only. ``extract`` replaces
    the spaCy extractor (e.g. to share a loaded pipeline); ``allow_private`` lets the
    write endpoint fetch URLs on private addresses (off: it would be an SSRF hole).
    API event pages are kept per ledger version, which is read again every
    ``cache_seconds`` (0 turns the caches off): writes through this app show at once,
    writes by other processes within that time. The dashboard's event pages (``/``,
    ``/events``, the table fragment) are kept rendered, keyed by the version read on each
    request, so they are right the moment any process consolidates. A write's
    token is checked before its body is read, and bodies over ``max_body`` bytes
    (default ``$WARLEDGER_MAX_BODY`` or 4 MB) are refused with 413 before parsing.
    """
    store = Store.open(db_url)
    version_reader = ledger_version.VersionReader(store.engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Warmed before the server accepts connections (uvicorn listens once this
        # returns): the warming's 0.5 s of CPU no longer competes with the first pages.
        app.state.warmer.notice(version_reader.read())  # in its own thread
        await anyio.to_thread.run_sync(app.state.warmer.done.wait, STARTUP_WARMING)
        # What start-up made (190,000 objects: modules, the app, the warmed pieces) lives
        # as long as the server: frozen, the collector no longer walks it at each full
        # collection (130-220 ms each under load, stalling every request in flight).
        gc.freeze()
        yield
        app.state.warmer.close()
        version_reader.close()
        store.close()

    app = FastAPI(
        title="warledger",
        summary="A sourced, geocoded ledger of Russia–Ukraine war and peace-talk events.",
        version="1",
        lifespan=lifespan,
        docs_url=None,  # served below from the vendored Swagger UI, not a CDN
        redoc_url=None,
    )
    app.state.store = store
    app.state.version_reader = version_reader  # the dashboard's, on its event loop
    app.state.version_reads = SharedReads(version_reader.read)  # one read a loop turn
    app.state.token = token if token is not None else os.environ.get(settings.TOKEN_ENV) or None
    app.state.extract = extract or default_extract
    app.state.extractor_version = extractor_version() if extract is None else "api-injected"
    app.state.allow_private = allow_private
    app.state.write_lock = asyncio.Lock()
    app.state.page_cache = RenderedPages(API_PAGE_BYTES if cache_seconds > 0 else 0)
    app.state.ledger_clock = LedgerClock(cache_seconds, lambda: ledger_version.read(store.engine))
    app.state.rendered_pages = RenderedPages(RENDERED_BYTES if cache_seconds > 0 else 0)
    app.state.filter_counts = FilterCounts(4096 if cache_seconds > 0 else 0)
    app.state.page_builds = PageBuilds(PAGE_BUILD_THREADS)
    app.state.rendered_rows = RenderedRows(RENDERED_ROWS if cache_seconds > 0 else 0)
    # A search's first 1,000 ids and its counts (pages.py), 64 searches at most (~6 MB).
    app.state.search_matches = PerVersion[tuple[list[str], int, int]](
        64 if cache_seconds > 0 else 0
    )
    # A filter's first 1,000 ids in one order, for its later pages (pages.py; ~60 kB each).
    app.state.first_ids = PerVersion[list[str]](256 if cache_seconds > 0 else 0)
    app.state.static_urls = {}  # (base URL, path) -> a static file's URL (pages.py)
    in_memory = store.engine.url.database in (None, "", ":memory:")
    app.state.warmer = Warmer(app, enabled=cache_seconds > 0 and not in_memory)  # web/warm.py
    app.state.place_names = PerVersion[queries.PlaceNames](1 if cache_seconds > 0 else 0)
    app.state.templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
    pages.configure(app.state.templates)

    errors.install(app)
    app.include_router(index_routes.router)
    app.include_router(routes.router)
    app.include_router(export_routes.router)
    app.include_router(analysis_routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")

    app.add_middleware(WriteGuard, max_body=max_body or settings.max_body_bytes())
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)

    @app.get("/docs", include_in_schema=False)
    async def _docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="warledger API",
            swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER}/swagger-ui.css",
            swagger_favicon_url="",
        )

    return app
