"""Options and output helpers shared by every command."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from warledger.errors import UsageError
from warledger.settings import db_url

if TYPE_CHECKING:
    from warledger.ledger.store import Store

# Human output goes to stderr-free stdout; diagnostics and progress go to stderr so that
# ``--json`` / ``--output -`` stay clean for pipes.
console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Ledger URL or SQLite path (default: $WARLEDGER_DB or ./warledger.db)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")]


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


def open_existing_ledger(db: str | None) -> Store:
    """Open the ledger for reading; a SQLite path that does not exist is a usage error
    (not a new empty ledger created by a typo)."""
    from sqlalchemy.engine import make_url

    from warledger.ledger.store import Store

    url = db_url(db)
    parsed = make_url(url)
    path = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if path and path != ":memory:" and not Path(path).exists():
        raise UsageError(f"no ledger at {path} (run `warledger ingest` first)")
    return Store.open(url)
