"""The ``warledger`` command. Each verb lives in its own module and registers itself.

Exit codes: 0 success; 1 failure, or some inputs could not be read (the rest were
processed); 2 bad usage.
"""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from warledger.errors import WarledgerError
from warledger.interfaces.cli import (
    about_cmd,
    analysis_cmd,
    demo_cmd,
    eval_cmd,
    extract_cmd,
    ingest_cmd,
    ledger_cmd,
    query_cmd,
    serve_cmd,
    train_cmd,
)
from warledger.interfaces.cli.common import err_console

app = typer.Typer(
    name="warledger",
    help="Turn war and peace-talk news into a sourced, geocoded, queryable ledger.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _print_version(value: bool) -> None:
    if value:
        from warledger import __version__

        typer.echo(f"warledger {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Turn war and peace-talk news into a sourced, geocoded, queryable ledger."""


for _module in (
    ingest_cmd,
    extract_cmd,
    query_cmd,
    ledger_cmd,
    analysis_cmd,
    eval_cmd,
    train_cmd,
    serve_cmd,
    demo_cmd,
    about_cmd,
):
    _module.register(app)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except WarledgerError as exc:
        err_console.print(f"[bold red]error:[/] {exc.message}")
        raise SystemExit(exc.exit_code) from exc
