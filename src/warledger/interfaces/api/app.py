"""The FastAPI application: JSON API under /api, dashboard pages at /, schema at /docs."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from warledger import settings
from warledger.interfaces.api import errors, routes
from warledger.interfaces.api.ingest_service import ExtractFn, default_extract, extractor_version
from warledger.interfaces.web import WEB_DIR, pages
from warledger.ledger.store import Store

# Defence in depth for the dashboard: even if article text were ever emitted unescaped,
# the browser would refuse to run inline or foreign scripts. /docs is left to FastAPI.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def create_app(
    db_url: str | None = None,
    *,
    token: str | None = None,
    extract: ExtractFn | None = None,
    allow_private: bool = False,
) -> FastAPI:
    """The app on the ledger at ``db_url`` (default: ``$WARLEDGER_DB`` or ./warledger.db).

    ``token`` (default ``$WARLEDGER_TOKEN``) enables POST /api/documents for clients that
    send it as a Bearer token; without one the server is read-only. ``extract`` replaces
    the spaCy extractor (e.g. to share a loaded pipeline); ``allow_private`` lets the
    write endpoint fetch URLs on private addresses (off: it would be an SSRF hole).
    """
    store = Store.open(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="warledger",
        summary="A sourced, geocoded ledger of Russia–Ukraine war and peace-talk events.",
        version="1",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.token = token if token is not None else os.environ.get(settings.TOKEN_ENV) or None
    app.state.extract = extract or default_extract
    app.state.extractor_version = extractor_version() if extract is None else "api-injected"
    app.state.allow_private = allow_private
    app.state.write_lock = asyncio.Lock()
    app.state.templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
    pages.configure(app.state.templates)

    errors.install(app)
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        path = request.url.path
        if not (path.startswith("/docs") or path.startswith("/redoc")):
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app
