"""``warledger serve``: the web API and the analyst dashboard (FastAPI + uvicorn)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from warledger.interfaces.cli.common import DbOption, err_console
from warledger.settings import DB_ENV, TOKEN_ENV, db_url


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="WARLEDGER_TOKEN",
            help="Bearer token that enables POST /api/documents (default: read-only).",
            show_envvar=True,
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(min=1, help="Server processes (one per core serves the most clients)."),
    ] = 1,
) -> None:
    """Serve the ledger: dashboard at /, JSON API at /api, OpenAPI docs at /docs."""
    import uvicorn

    mode = "read-write (token set)" if token else "read-only"
    err_console.print(f"warledger: serving on http://{host}:{port}/ ({mode}, {workers} worker(s))")
    if workers > 1:
        # Each worker process builds its own app from the environment.
        os.environ[DB_ENV] = db_url(db)
        if token:
            os.environ[TOKEN_ENV] = token
        uvicorn.run(
            "warledger.interfaces.api:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
        )
        return
    from warledger.interfaces.api import create_app

    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command("serve")(serve)
