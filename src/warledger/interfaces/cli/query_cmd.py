"""``warledger events``, ``export`` and ``stats``: read the ledger back out."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.markup import escape
from rich.table import Table

from warledger.errors import UsageError
from warledger.interfaces.cli.common import (
    DbOption,
    JsonOption,
    console,
    err_console,
    open_existing_ledger,
    print_json,
)
from warledger.ledger.export import export as export_ledger
from warledger.ledger.export import write_csv, write_jsonl
from warledger.ledger.store import MENTION_FIELDS, Store, to_date
from warledger.ledger.theatre import ALL_THEATRES, default_scope
from warledger.types import EVENT_KINDS

TABLE_LIMIT = 50  # rows shown in the terminal when --limit is not given
SNIPPET = 90


class EventsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


def _check_date(option: str, value: str | None) -> str | None:
    if value is not None and to_date(value) is None:
        raise UsageError(f"{option}: not an ISO date (YYYY-MM-DD): {value!r}")
    return value


def _counts_cell(row: dict[str, Any]) -> str:
    parts = [f"{k} {row[k]}" for k in ("killed", "injured", "launched", "intercepted") if row[k]]
    return ", ".join(parts)


def _snippet(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def _events_table(rows: list[dict[str, Any]]) -> Table:
    """Readable at 80 columns: the evidence sits under its event, not in a column of its own."""
    table = Table(show_lines=True, header_style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("event and evidence", ratio=3, overflow="fold")
    table.add_column("place", ratio=1, overflow="fold")
    table.add_column("numbers", ratio=1, overflow="fold")
    table.add_column("source", max_width=16, no_wrap=True, overflow="ellipsis")
    for row in rows:
        kind = row["kind"].replace("_", " ") + (f" / {row['subtype']}" if row["subtype"] else "")
        sides = "→".join(s or "?" for s in (row["actor_side"], row["target_side"]))
        head = kind + (f" {sides}" if sides != "?→?" else "")
        head += " [bold magenta](denied)[/]" if row["negated"] else ""
        evidence = _snippet(row["evidence_text"])
        place = ", ".join(p for p in (row["place_name"], row["admin1"]) if p)
        table.add_row(
            row["date_start"] or "?",
            f"{head}\n[dim]{escape(evidence)}[/]" if evidence else head,
            place,
            _counts_cell(row),
            row["source"] or "",
        )
    return table


def events(
    kind: Annotated[
        str | None,
        typer.Option("--kind", help=f"Only this kind: {', '.join(EVENT_KINDS)}."),
    ] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Events on or after this date (YYYY-MM-DD).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Events on or before this date (YYYY-MM-DD).")
    ] = None,
    place: Annotated[
        str | None,
        typer.Option("--place", help="Place or oblast name, or part of it (any case)."),
    ] = None,
    side: Annotated[
        str | None,
        typer.Option("--side", help="Actor or target side, e.g. RU, UA (ISO 3166 code)."),
    ] = None,
    fmt: Annotated[
        EventsFormat, typer.Option("--format", help="Terminal table, JSON Lines or CSV.")
    ] = EventsFormat.table,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=1, help=f"At most N events (table default: {TABLE_LIMIT}; else all)."
        ),
    ] = None,
    theatre: Annotated[
        str | None,
        typer.Option(
            "--theatre",
            help="Only this theatre's mentions (default: the Russia–Ukraine war); 'all' for "
            "every mention.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """List event mentions in the ledger, by date, each with its source and evidence.

    Undated mentions come last; a date range keeps mentions whose dates overlap it. By
    default only the theatre's mentions are listed, and it says how many it leaves out.
    """
    if kind is not None and kind not in EVENT_KINDS:
        raise UsageError(f"--kind: unknown kind {kind!r} (choose from {', '.join(EVENT_KINDS)})")
    filters = {
        "kind": kind,
        "date_from": _check_date("--from", date_from),
        "date_to": _check_date("--to", date_to),
        "place": place,
        "side": side,
        "theatre": (theatre or default_scope().theatre).lower(),
    }
    if fmt is EventsFormat.table and limit is None:
        limit = TABLE_LIMIT
    rows: list[dict[str, Any]] = []
    with open_existing_ledger(db) as store:
        hidden = _left_out(store, filters)
        if fmt is EventsFormat.jsonl:
            write_jsonl(store.mentions(**filters, limit=limit), sys.stdout)
        else:
            rows = store.mention_rows(**filters, limit=limit)
    if fmt is EventsFormat.csv:
        write_csv(rows, sys.stdout, MENTION_FIELDS)
    elif fmt is EventsFormat.table:
        if rows:
            console.print(_events_table(rows))
        else:
            err_console.print("no events match")
        if rows and len(rows) == limit:
            err_console.print(f"showing the first {limit}; use --limit or --format jsonl for more")
    if hidden:
        err_console.print(f"{hidden} mentions outside the theatre left out (--theatre all)")


def _left_out(store: Store, filters: dict[str, Any]) -> int:
    """Mentions of these filters that the theatre restriction hides."""
    if filters["theatre"] == ALL_THEATRES:
        return 0
    every = store.count_mentions(**{**filters, "theatre": ALL_THEATRES})
    return every - store.count_mentions(**filters)


@contextmanager
def _output(path: str) -> Iterator[TextIO]:
    """The file to write to; '-' is standard output, which is left open."""
    if path == "-":
        yield sys.stdout
        return
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        yield handle


def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="jsonl: one ledger-schema result per document; csv: one row per mention; "
            "geojson: mentions with coordinates.",
        ),
    ] = ExportFormat.jsonl,
    output: Annotated[
        str, typer.Option("--output", "-o", help="File to write, or '-' for standard output.")
    ] = "-",
    theatre: Annotated[
        str | None,
        typer.Option(
            "--theatre",
            help="Only this theatre's events (default: the Russia–Ukraine war); 'all' for "
            "the whole ledger.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the ledger as JSON Lines, CSV or GeoJSON.

    By default only the theatre's events are written (a document's result keeps its
    positions), and it says how many mentions it leaves out; --theatre all writes them all.
    """
    scope = (theatre or default_scope().theatre).lower()
    with open_existing_ledger(db) as store, _output(output) as out:
        n = export_ledger(store, fmt.value, out, theatre=scope)
        hidden = _left_out(store, {"theatre": scope})
    if output != "-":
        err_console.print(f"wrote {n} {fmt.value} records to {output}")
    if hidden:
        err_console.print(f"{hidden} mentions outside the theatre left out (--theatre all)")


def _stats_tables(stats: dict[str, Any]) -> list[Table]:
    totals = Table(title="ledger", show_header=False, min_width=32)
    for key in (
        "documents",
        "extracted_documents",
        "copies",
        "mentions",
        "positions",
        "places",
        "actors",
        "runs",
    ):
        totals.add_row(key.replace("_", " "), str(stats[key]))
    tables = [totals]
    for key, title in (
        ("mentions_by_kind", "mentions by kind"),
        ("by_language", "documents by language"),
        ("by_source", "copies by source"),
    ):
        if stats[key]:
            table = Table(title=title, show_header=False, min_width=32)
            for name, n in stats[key].items():
                table.add_row(name, str(n))
            tables.append(table)
    if stats["top_places"]:
        places = Table(title="most mentioned places")
        for column in ("place", "oblast", "mentions"):
            places.add_column(column)
        for p in stats["top_places"]:
            places.add_row(p["place"], p["admin1"] or "", str(p["mentions"]))
        tables.append(places)
    return tables


def stats(as_json: JsonOption = False, db: DbOption = None) -> None:
    """What the ledger holds: documents, copies, languages, mentions by kind, top places."""
    with open_existing_ledger(db) as store:
        figures = store.stats()
    if as_json:
        print_json(figures)
        return
    for table in _stats_tables(figures):
        console.print(table)
    last = figures["last_run"]
    if last:
        console.print(f"last run: {last['kind']} #{last['run_id']} at {last['started_at']}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command("events")(events)
    app.command("export")(export)
    app.command("stats")(stats)
