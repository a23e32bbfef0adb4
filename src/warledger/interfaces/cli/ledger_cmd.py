"""``warledger consolidate``, ``barrages``, ``snapshot`` and ``export-events``.

Thin commands over ``warledger.ledger``: consolidation of mentions into events, nights
of strikes, frozen copies of the ledger, and exports of the consolidated events.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
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
from warledger.ledger.barrages import Barrage, find_barrages
from warledger.ledger.consolidated_store import attach_mentions, load_events, run_consolidation
from warledger.ledger.export_events import write_csv, write_geojson, write_jsonl, write_parquet
from warledger.ledger.query import EventFilter, count_events, iter_events, left_out
from warledger.ledger.snapshot import SnapshotInfo, create_snapshot, list_snapshots
from warledger.ledger.theatre import default_scope
from warledger.types import EVENT_KINDS


class EventsExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


FromOption = Annotated[
    str | None, typer.Option("--from", help="On or after this date (YYYY-MM-DD).")
]
ToOption = Annotated[str | None, typer.Option("--to", help="On or before this date (YYYY-MM-DD).")]


def _date(option: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: not an ISO date (YYYY-MM-DD): {value!r}") from None
    return value


# ------------------------------------------------------------------ consolidate


def consolidate(
    rebuild: Annotated[
        bool,
        typer.Option("--rebuild", help="Forget earlier events and consolidate everything anew."),
    ] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Merge mentions of the same occurrence from different documents into events.

    Incremental: only mentions not yet consolidated (or changed by a re-extraction) are
    placed; running it again when nothing changed writes nothing.
    """
    with open_existing_ledger(db) as store:
        summary = run_consolidation(store, rebuild=rebuild)
    if as_json:
        print_json(summary.to_dict())
        return
    console.print(
        f"{summary.mentions} mentions → {summary.events_total} events "
        f"({summary.new_mentions} new, {summary.revised_mentions} revised, "
        f"{summary.removed_mentions} removed mentions; {summary.events_created} events "
        f"created, {summary.events_updated} updated, {summary.events_deleted} deleted)"
    )


# --------------------------------------------------------------------- barrages


def _weapons_cell(b: Barrage) -> str:
    """ "drone 728 launched, 337 intercepted" per weapon, one line each."""
    parts = []
    for weapon, tally in b.by_weapon.items():
        figures = ", ".join(f"{v} {k}" for k, v in tally.items() if v is not None)
        parts.append(f"{weapon.replace('_', ' ')} {figures}".strip())
    return "\n".join(parts)


def _harm_cell(b: Barrage) -> str:
    killed, injured = b.total("killed"), b.total("injured")
    harm = [f"{n} {label}" for n, label in ((killed, "killed"), (injured, "injured")) if n]
    return ", ".join(harm)


def _barrage_table(barrages: list[Barrage]) -> Table:
    """Readable at 80 columns: numbers per weapon on their own lines, harm in one cell."""
    table = Table(header_style="bold", show_lines=True)
    table.add_column("night", no_wrap=True)
    table.add_column("by", no_wrap=True)
    table.add_column("per weapon", ratio=3, overflow="fold")
    table.add_column("places", ratio=2, overflow="fold")
    table.add_column("harm", ratio=2, overflow="fold")
    table.add_column("n", justify="right", no_wrap=True)
    for b in barrages:
        table.add_row(
            b.night,
            b.attacker_side,
            _weapons_cell(b),
            ", ".join(b.places),
            _harm_cell(b),
            str(len(b.event_ids)),
        )
    return table


def barrages(
    date_from: FromOption = None,
    date_to: ToOption = None,
    side: Annotated[
        str | None, typer.Option("--side", help="Only this attacker side, e.g. RU or UA.")
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List nights of strikes: launched and intercepted by weapon, places, casualties.

    One row per attacker and night (night of D = 18:00 D-1 to 12:00 D), with the places hit,
    casualties and target kinds."""
    with open_existing_ledger(db) as store:
        events = load_events(
            store,
            kind="strike",
            date_from=_date("--from", date_from),
            date_to=_date("--to", date_to),
        )
        attach_mentions(store, events)  # per-weapon numbers live in the member reports
        n_events = count_events(store.engine)
    found = find_barrages(events, side=side)
    if as_json:
        print_json([b.to_dict() for b in found])
        return
    if not found:
        hint = (
            "no strike events in the ledger yet: run `warledger consolidate` after `extract`"
            if n_events == 0
            else f"no barrages among the {n_events} consolidated events: a barrage needs "
            "strikes with a day-precise date and a known attacker side"
        )
        err_console.print(hint)
        return
    console.print(_barrage_table(found))


# --------------------------------------------------------------------- snapshot


def _snapshot_table(infos: list[SnapshotInfo]) -> Table:
    table = Table(header_style="bold")
    for column in ("snapshot", "taken"):
        table.add_column(column, no_wrap=True)
    for column in ("events", "claims", "mentions", "positions"):
        table.add_column(column, justify="right")
    table.add_column("hash", overflow="ellipsis")
    for s in infos:
        table.add_row(
            s.snapshot_id,
            s.created_at[:19],
            str(s.n_events),
            str(s.n_claims),
            str(s.n_mentions),
            str(s.n_positions),
            s.content_hash[:12],
        )
    return table


def snapshot(
    list_only: Annotated[
        bool, typer.Option("--list", help="List the snapshots taken so far, newest first.")
    ] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Freeze the ledger as of now, so analyses can be re-run on it with identical results.

    A snapshot keeps the events, claims, mentions and positions with a content hash."""
    with open_existing_ledger(db) as store:
        if list_only:
            infos = list_snapshots(store)
            if as_json:
                print_json([s.to_dict() for s in infos])
            elif infos:
                console.print(_snapshot_table(infos))
            else:
                err_console.print("no snapshots yet")
            return
        info = create_snapshot(store)
    if as_json:
        print_json(info.to_dict())
        return
    what = "took snapshot" if info.created else "unchanged since snapshot"
    console.print(f"{what} {info.snapshot_id} (sha256 {info.content_hash[:16]}…)")


# ---------------------------------------------------------------- export-events


def export_events(
    fmt: Annotated[
        EventsExportFormat,
        typer.Option(
            "--format",
            help="jsonl: events with their claims; csv: ACLED-like columns; "
            "geojson: events with coordinates; parquet: typed columns (needs --output).",
        ),
    ] = EventsExportFormat.jsonl,
    output: Annotated[
        str, typer.Option("--output", "-o", help="File to write, or '-' for standard output.")
    ] = "-",
    kind: Annotated[
        str | None, typer.Option("--kind", help=f"Only this kind: {', '.join(EVENT_KINDS)}.")
    ] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    theatre: Annotated[
        str | None,
        typer.Option(
            "--theatre",
            help="Only this theatre's events (default: the Russia–Ukraine war); 'all' for every "
            "event.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the consolidated events (one per real occurrence, every claim kept), oldest
    first; by default those of the Russia–Ukraine theatre (it says how many it leaves out)."""
    if kind is not None and kind not in EVENT_KINDS:
        raise UsageError(f"--kind: unknown kind {kind!r} (choose from {', '.join(EVENT_KINDS)})")
    if fmt is EventsExportFormat.parquet and output == "-":
        raise UsageError("--format parquet needs --output PATH (Parquet is binary)")
    start, end = _date("--from", date_from), _date("--to", date_to)
    f = EventFilter(
        kind=kind,
        date_from=date.fromisoformat(start) if isinstance(start, str) else start,
        date_to=date.fromisoformat(end) if isinstance(end, str) else end,
        theatre=(theatre or default_scope().theatre).lower(),
    )
    with open_existing_ledger(db) as store:
        # Read in keyset pages while written: a ledger of any size in bounded memory.
        n = _write(fmt, iter_events(store.engine, f, sort="date"), output)
        hidden = left_out(store.engine, f)
    if output != "-":
        err_console.print(f"wrote {n} events to {output}")
    if hidden:
        err_console.print(f"{hidden} events outside the theatre left out (--theatre all)")


def _write(fmt: EventsExportFormat, events: Iterable[Any], output: str) -> int:
    if fmt is EventsExportFormat.parquet:
        return write_parquet(events, output)
    writer = {
        EventsExportFormat.jsonl: write_jsonl,
        EventsExportFormat.csv: write_csv,
        EventsExportFormat.geojson: write_geojson,
    }[fmt]
    if output == "-":
        return writer(events, sys.stdout)
    with Path(output).open("w", encoding="utf-8", newline="") as handle:
        return writer(events, handle)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command("consolidate")(consolidate)
    app.command("barrages")(barrages)
    app.command("snapshot")(snapshot)
    app.command("export-events")(export_events)
