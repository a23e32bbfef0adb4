"""``warledger ceasefires``, ``talks``, ``positions`` and ``analyze …``: the peace process
and the analyses, as tables, JSON and charts. Thin: the work is in ``ledger.peace`` and
``analysis``; every result names the data it ran on (a snapshot id, or the live ledger's
content hash)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from warledger.analysis import charts
from warledger.analysis.compliance import ceasefire_compliance
from warledger.analysis.coverage import health_of_counts
from warledger.analysis.data import (
    AnalysisInput,
    doc_published,
    doc_sources,
    in_theatre,
    load_input,
    publication_counts,
)
from warledger.analysis.diplomacy import (
    DEFAULT_PERMUTATIONS,
    DEFAULT_SEED,
    DEFAULT_WINDOW,
    KILLED_AT_LEAST,
    LAUNCHED_AT_LEAST,
    strikes_vs_diplomacy,
)
from warledger.analysis.events import study_period
from warledger.analysis.timeline import timeline
from warledger.interfaces.cli.common import (
    DbOption,
    JsonOption,
    console,
    err_console,
    open_existing_ledger,
    print_json,
)
from warledger.ledger.durations import duration_words
from warledger.ledger.peace import (
    build_register,
    matrix_from_records,
    proposals_register,
    talks_rounds,
)
from warledger.ledger.theatre import default_scope

SnapshotOption = Annotated[
    str | None,
    typer.Option("--snapshot", help="Run on this frozen snapshot (see `warledger snapshot`)."),
]
TheatreOption = Annotated[
    str | None,
    typer.Option(
        "--theatre",
        help="Only this theatre's events (default: the Russia–Ukraine war); 'all' for every event.",
    ),
]
ChartOption = Annotated[
    Path | None, typer.Option("--chart", help="Also draw the chart to this .png or .svg file.")
]


class Facet(StrEnum):
    kind = "kind"
    side = "side"
    oblast = "oblast"


class Alternative(StrEnum):
    two_sided = "two-sided"
    greater = "greater"
    less = "less"


def _note(data: AnalysisInput) -> AnalysisInput:
    if data.consolidated_here:
        err_console.print(
            "note: no consolidated events stored; consolidated the mentions in memory"
        )
    return data


def _load(db: str | None, snapshot: str | None, theatre: str | None = None) -> AnalysisInput:
    """The ledger (or the snapshot) as analysis input, restricted to the theatre (the
    packaged one unless ``--theatre all``); says how many events that leaves out."""
    with open_existing_ledger(db) as store:
        data = _note(load_input(store, snapshot))
    kept, left_out = in_theatre(data, theatre)
    if left_out:
        err_console.print(
            f"{left_out} events outside the {theatre or default_scope().label} theatre left out "
            "(--theatre all includes them)"
        )
    return kept


def _emit(data: AnalysisInput, payload: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json({"data": data.provenance(), **payload})
    else:
        err_console.print(f"ran on {data.label}")


def _chart(path: Path | None) -> Path | None:
    return charts.check_path(path) if path else None


def _wrote(path: Path) -> None:
    err_console.print(f"wrote chart {path}")


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _join(items: list[str] | None) -> str:
    return ", ".join(items or [])


# ------------------------------------------------------------- peace process


def ceasefires(
    as_json: JsonOption = False,
    snapshot: SnapshotOption = None,
    theatre: TheatreOption = None,
    db: DbOption = None,
) -> None:
    """The ceasefire register: windows, status over time, violations alleged inside them.

    Each ceasefire with its declarers, scope, start and end (explicit, from its duration,
    extended or ended), and the allegations inside its window, or naming it, by accuser and
    accused."""
    data = _load(db, snapshot, theatre)
    period = study_period(data.events)
    register = build_register(data.events, ledger_end=period[1] if period else None)
    _emit(data, register.to_dict(), as_json)
    if as_json:
        return
    table = Table(title="ceasefires", header_style="bold", show_lines=True)
    table.add_column("ceasefire", ratio=2, overflow="fold")
    table.add_column("in force", ratio=2, overflow="fold")
    table.add_column("status history", ratio=3, overflow="fold")
    table.add_column("violations alleged", ratio=2, overflow="fold")
    for cf in register.ceasefires:
        what = cf.name or (f"{_join(cf.scope)} ceasefire" if cf.scope else "ceasefire")
        parties = f"parties {_join(cf.parties)}" if cf.parties else "parties unknown"
        duration = duration_words(cf.duration) or "duration unknown"
        window = f"{cf.start or 'start unknown'} – {cf.end or ('open' if cf.start else '?')}"
        if cf.end_basis:
            window += f"\n({'start + duration' if cf.end_basis == 'duration' else cf.end_basis})"
        history = "\n".join(
            f"{h.date or ('reported ' + h.reported if h.reported else 'undated')} {h.status}"
            for h in cf.history
        )
        violations = "\n".join(
            f"{v['accuser']}→{v['accused']}: {v['allegations']}"
            + (f" ({v['violations_named']} named)" if v["violations_named"] else "")
            for v in cf.violation_counts()
        )
        table.add_row(
            f"{what}\n{duration}; {parties}\n[dim]{escape(_join(cf.sources))}[/]",
            window,
            history,
            violations or "none",
        )
    console.print(table)
    if register.unattached:
        err_console.print(
            f"{len(register.unattached)} allegation(s) linked to no ceasefire (outside every "
            "window and naming none)"
        )


def talks(
    as_json: JsonOption = False,
    snapshot: SnapshotOption = None,
    theatre: TheatreOption = None,
    db: DbOption = None,
) -> None:
    """Rounds of talks and peace proposals, each with its history and sources.

    Rounds: offered, scheduled, held, cancelled, with venue, participants and mediator.
    Proposals: their points where the text lists them, and each party's response."""
    data = _load(db, snapshot, theatre)
    rounds, proposals = talks_rounds(data.events), proposals_register(data.events)
    _emit(
        data,
        {"rounds": [r.to_dict() for r in rounds], "proposals": [p.to_dict() for p in proposals]},
        as_json,
    )
    if as_json:
        return
    table = _table(
        "talks", ["date", "status", "venue", "participants", "mediators", "stages", "sources"]
    )
    for r in rounds:
        stages = " → ".join(f"{h.status} {h.date or '?'}" for h in r.history)
        table.add_row(
            r.date or "?",
            r.status,
            r.venue or "",
            _join(r.participants),
            _join(r.mediators),
            stages,
            _join(r.sources),
        )
    console.print(table)
    ptable = _table("proposals", ["date", "name", "proposer", "points", "responses", "sources"])
    for p in proposals:
        responses = "; ".join(f"{r.party or '?'} {r.response} {r.date or '?'}" for r in p.responses)
        ptable.add_row(
            p.date or "?",
            p.name or "",
            p.proposer or "",
            "; ".join(p.points),
            responses,
            _join(p.sources),
        )
    console.print(ptable)


def positions(
    history: Annotated[
        bool, typer.Option("--history", help="Also list every stated stance, in date order.")
    ] = False,
    as_json: JsonOption = False,
    snapshot: SnapshotOption = None,
    theatre: TheatreOption = None,
    db: DbOption = None,
) -> None:
    """The positions matrix: party × issue → the latest stance, with evidence.

    Each cell shows the stance and (the date it was stated); * marks a stance that changed
    before. --history lists every statement in date order."""
    data = _load(db, snapshot, theatre)
    matrix = matrix_from_records(
        data.view.positions, doc_sources(data.view), doc_published(data.view)
    )
    _emit(data, matrix.to_dict(history=history), as_json)
    if as_json:
        return
    table = _table("positions", ["party", *matrix.issues])
    for party in matrix.parties:
        cells = []
        for issue in matrix.issues:
            cell = matrix.get(party, issue)
            cells.append(
                ""
                if cell is None
                else f"{cell.latest.stance} [{cell.latest.date or '?'}]"
                + ("*" if cell.changes else "")
            )
        table.add_row(party, *cells)
    console.print(table)
    if history:
        htable = _table("history", ["party", "issue", "date", "stance", "source", "evidence"])
        for (party, issue), cell in sorted(matrix.cells.items()):
            for s in cell.history:
                htable.add_row(
                    party,
                    issue,
                    s.date or "?",
                    s.stance,
                    s.source or s.doc_id or "",
                    s.evidence or "",
                )
        console.print(htable)


# ------------------------------------------------------------------ analyze

analyze_app = typer.Typer(
    name="analyze",
    help="Analyses over the ledger (or a snapshot): tables, --json and --chart files.",
    no_args_is_help=True,
)


@analyze_app.command("timeline")
def analyze_timeline(
    by: Annotated[
        Facet, typer.Option("--by", help="Table rows split by kind, side or oblast.")
    ] = Facet.kind,
    snapshot: SnapshotOption = None,
    theatre: TheatreOption = None,
    chart: ChartOption = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Events per day by kind, side and oblast.

    Only single-day events are put on a day; vaguer dates are counted apart."""
    path = _chart(chart)
    data = _load(db, snapshot, theatre)
    tl = timeline(data.events)
    _emit(data, tl.to_dict(), as_json)
    if not as_json:
        rows = tl.per_day(by.value)
        keys = [k for k in (rows[0] if rows else {}) if k not in ("day", "total")]
        table = _table(f"events per day by {by.value}", ["day", *keys, "total"])
        for row in rows:
            if row["total"]:
                table.add_row(row["day"], *(str(row[k]) for k in keys), str(row["total"]))
        console.print(table)
        err_console.print(f"{tl.undated} event(s) without a single-day date, {tl.negated} negated")
    if path:
        _wrote(charts.timeline_chart(tl, path))


@analyze_app.command("diplomacy")
def analyze_diplomacy(
    window: Annotated[
        int, typer.Option("--window", min=0, help="Days either side of a diplomatic event.")
    ] = DEFAULT_WINDOW,
    launched: Annotated[
        int, typer.Option("--launched", min=1, help="A large strike launched at least this many.")
    ] = LAUNCHED_AT_LEAST,
    killed: Annotated[
        int, typer.Option("--killed", min=1, help="… or killed at least this many.")
    ] = KILLED_AT_LEAST,
    permutations: Annotated[
        int, typer.Option("--permutations", min=100, help="Random placements in the test.")
    ] = DEFAULT_PERMUTATIONS,
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed (fixed default: reproducible).")
    ] = DEFAULT_SEED,
    alternative: Annotated[
        Alternative, typer.Option("--alternative", help="Which effects count as extreme.")
    ] = Alternative.two_sided,
    snapshot: SnapshotOption = None,
    theatre: TheatreOption = None,
    chart: ChartOption = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Do large strikes cluster around diplomatic events? Event study + permutation test.

    Large: launched ≥ --launched or killed ≥ --killed. No verdict (a warning instead) with
    fewer than 5 distinct diplomatic days."""
    path = _chart(chart)
    data = _load(db, snapshot, theatre)
    study = strikes_vs_diplomacy(
        data.events,
        window=window,
        launched_at_least=launched,
        killed_at_least=killed,
        permutations=permutations,
        seed=seed,
        alternative=alternative.value,  # type: ignore[arg-type]
    )
    _emit(data, study.to_dict(), as_json)
    if not as_json:
        table = _table("strikes around diplomacy", ["measure", "value"])
        period = " … ".join(study.period) if study.period else "—"
        for label, value in (
            ("study period", f"{period} ({study.n_days} days)"),
            (
                "diplomatic events / days",
                f"{study.n_diplomatic_events} / {study.n_diplomatic_days}",
            ),
            ("large strikes", study.n_large_strikes),
            (f"days within ±{window}", study.inside_days),
            ("mean per day near diplomacy", study.mean_inside),
            ("mean per day elsewhere", study.mean_outside),
            ("difference", study.difference),
            ("ratio", study.ratio),
            (f"p-value ({study.alternative}, {permutations} perms, seed {seed})", study.p_value),
        ):
            table.add_row(label, "—" if value is None else str(value))
        console.print(table)
        if study.warning:
            err_console.print(f"[yellow]warning:[/] {study.warning}; no verdict")
        else:
            console.print(study.verdict or "")
    if path:
        _wrote(charts.event_study_chart(study, path))


@analyze_app.command("compliance")
def analyze_compliance(
    snapshot: SnapshotOption = None,
    theatre: TheatreOption = None,
    chart: ChartOption = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Ceasefire compliance: violations alleged per side, strikes inside vs outside.

    Strikes are compared per day inside each window and over the rest of the period."""
    path = _chart(chart)
    data = _load(db, snapshot, theatre)
    rows = ceasefire_compliance(data.events)
    _emit(data, {"ceasefires": [r.to_dict() for r in rows]}, as_json)
    if not as_json:
        table = _table(
            "ceasefire compliance",
            [
                "ceasefire",
                "window",
                "allegations (accuser→accused)",
                "strikes inside",
                "outside",
                "per day in/out",
            ],
        )
        for r in rows:
            table.add_row(
                r.name or r.ceasefire_id,
                " … ".join(r.window) if r.window else "never in force",
                "; ".join(
                    f"{a['accuser']}→{a['accused']}: {a['allegations']}" for a in r.allegations
                ),
                ", ".join(f"{k} {v}" for k, v in r.strikes_inside.items()),
                ", ".join(f"{k} {v}" for k, v in r.strikes_outside.items()),
                f"{r.per_day_inside if r.per_day_inside is not None else '—'} / "
                f"{r.per_day_outside if r.per_day_outside is not None else '—'}",
            )
        console.print(table)
    if path:
        _wrote(charts.compliance_chart(rows, path))


@analyze_app.command("coverage")
def analyze_coverage(
    snapshot: SnapshotOption = None,
    chart: ChartOption = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Coverage health: documents per source per day, with alarms for broken feeds.

    Alarm: a source silent ≥ 3 days after ≥ 1/day, or under 30% of its median over the
    last 3 days, so a lull in fighting is not confused with a broken feed."""
    path = _chart(chart)
    with open_existing_ledger(db) as store:
        data = _note(load_input(store, snapshot))
        counts = publication_counts(store, until=data.view.created_at)
        runs = store.runs(kind="ingest")
    cov = health_of_counts(counts, runs=runs)
    _emit(data, cov.to_dict(), as_json)
    if not as_json:
        table = _table(
            f"coverage as of {cov.as_of or '—'}",
            [
                "source",
                "status",
                "documents",
                "first",
                "last",
                "recent/day",
                "baseline/day",
                "reason",
            ],
        )
        for s in cov.sources:
            style = "bold red" if s.alarm else None
            table.add_row(
                s.source,
                s.status,
                str(s.total),
                s.first_day,
                s.last_day,
                str(s.recent_per_day),
                "—" if s.baseline_per_day is None else str(s.baseline_per_day),
                s.reason,
                style=style,
            )
        console.print(table)
    if path:
        _wrote(charts.coverage_chart(cov, path))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
    app.command("ceasefires")(ceasefires)
    app.command("talks")(talks)
    app.command("positions")(positions)
    app.add_typer(analyze_app, name="analyze")
