"""``warledger ingest``: read articles, feeds and JSONL into the ledger."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from warledger.errors import InputError
from warledger.ingest.limits import DEFAULT_MAX_BYTES
from warledger.ingest.metadata import normalize_published
from warledger.ingest.run import ingest as run_ingest
from warledger.ingest.summary import IngestSummary
from warledger.interfaces.cli.common import (
    DbOption,
    JsonOption,
    QuietOption,
    console,
    err_console,
    print_json,
)
from warledger.ledger.store import Store
from warledger.settings import db_url


def _print_summary(summary: IngestSummary) -> None:
    counts = summary.counts()
    console.print(
        f"read {counts['read']}, new {counts['new']}, duplicate {counts['duplicate']}, "
        f"near-duplicate {counts['near_duplicate']}, updated {counts['updated']}, "
        f"non-English {counts['non_english']}, skipped {counts['skipped']}"
    )
    for reason, n in sorted(summary.skipped_reasons().items()):
        console.print(f"  skipped {n}: {reason}")


def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .htm, .jsonl), directories (recursive), '-' for stdin, "
            "or http(s) URLs of articles and RSS/Atom feeds.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date for every document (ISO 8601)."),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", help="Outlet name for every document (default: URL host)."),
    ] = None,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Allow URLs on private, loopback and link-local addresses."
        ),
    ] = False,
    max_bytes: Annotated[
        int,
        typer.Option("--max-bytes", min=1, help="Size cap per file, JSONL line or response."),
    ] = DEFAULT_MAX_BYTES,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Read news into the ledger: one document per article, syndicated copies merged.

    Each bad input (unreadable, empty, binary, too big, malformed JSONL line, page
    without an article, URL that fails) is reported on one line and skipped; the rest
    are stored. Exit status 1 when any input was skipped.
    """
    if published and not normalize_published(published):
        raise typer.BadParameter(f"not a date: {published!r}", param_hint="--published")

    def report(error: InputError) -> None:
        # One line per bad input, never wrapped, so logs can be grepped by input name.
        line = Text.assemble(("skipped ", "red"), f"{error.origin}: {error.reason}")
        err_console.print(line, soft_wrap=True, highlight=False)

    with Store.open(db_url(db)) as store:
        try:
            summary = run_ingest(
                sources,
                store,
                published=published,
                source=source,
                allow_private=allow_private,
                progress=not (quiet or as_json),
                on_error=report,
                max_bytes=max_bytes,
            )
        except KeyboardInterrupt:
            err_console.print("interrupted: documents stored so far are kept")
            raise typer.Exit(130) from None
    if as_json:
        print_json(summary.to_dict())
    elif not quiet:
        _print_summary(summary)
    if not summary.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command("ingest")(ingest)
