"""Rich tables for a human reading ``warledger eval`` output."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rich.console import Console
from rich.table import Table

from warledger.eval.metrics import PRF, Report


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _prf_row(name: str, prf: PRF) -> list[str]:
    return [
        name,
        str(prf.tp),
        str(prf.fp),
        str(prf.fn),
        _pct(prf.precision),
        _pct(prf.recall),
        _pct(prf.f1),
    ]


def _prf_table(title: str) -> Table:
    table = Table(title=title)
    table.add_column("")
    for col in ("TP", "FP", "FN", "P", "R", "F1"):
        table.add_column(col, justify="right")
    return table


def print_report(report: Report, console: Console, *, details: bool = True) -> None:
    """Summary tables, then per-document misses and false positives."""
    events = _prf_table("Events")
    events.add_row(*_prf_row("[bold]all[/]", report.events))
    for kind, prf in sorted(report.by_kind.items()):
        events.add_row(*_prf_row(kind, prf))
    console.print(events)

    fields = Table(title="Field accuracy over matched pairs")
    for col, justify in (
        ("field", "left"),
        ("correct", "right"),
        ("scored", "right"),
        ("acc", "right"),
    ):
        fields.add_column(col, justify=justify)  # type: ignore[arg-type]
    for name, acc in sorted(report.fields.items()):
        fields.add_row(name, str(acc.correct), str(acc.total), _pct(acc.value))
    pooled = report.field_accuracy
    fields.add_row(
        "[bold]all fields[/]", str(pooled.correct), str(pooled.total), _pct(pooled.value)
    )
    console.print(fields)

    other = _prf_table("Positions and places")
    other.add_row(*_prf_row("positions", report.positions))
    console.print(other)
    stance, places = report.stance, report.place_resolution
    console.print(
        f"stance accuracy {_pct(stance.value)} ({stance.correct}/{stance.total}); "
        f"place → oblast {_pct(places.value)} ({places.correct}/{places.total})"
    )
    by_corpus = report.extra.get("by_corpus")
    if by_corpus:
        console.print(corpus_table(by_corpus))
    bcubed = report.extra.get("bcubed")
    if bcubed:
        console.print(
            f"B-cubed on {bcubed.get('mentions')} labelled mentions: "
            f"P {_pct(bcubed.get('precision'))} R {_pct(bcubed.get('recall'))} "
            f"F1 {_pct(bcubed.get('f1'))} ({bcubed.get('found')} of them extracted)"
        )
        if details:
            print_consolidation_issues(bcubed.get("details", []), console)
    if details:
        print_details(report, console)


def print_details(report: Report, console: Console) -> None:
    table = Table(title="Per document", show_lines=False)
    for col in ("document", "P", "R", "F1", "misses / false positives"):
        table.add_column(col)
    for doc in report.documents:
        lines = [f"[red]error:[/] {doc.error}"] if doc.error else []
        lines += [f"[yellow]miss[/] {m['kind']}: {m['evidence']}" for m in doc.misses]
        lines += [
            f"[magenta]{fp['reason']}[/] {fp['kind']}: {fp['evidence'][:120]}"
            for fp in doc.false_positives
        ]
        table.add_row(
            doc.name,
            _pct(doc.events.precision),
            _pct(doc.events.recall),
            _pct(doc.events.f1),
            "\n".join(lines) or "—",
        )
    console.print(table)


def print_consolidation_issues(details: list[dict[str, Any]], console: Console) -> None:
    """Labelled clusters that were split or not found, and events that merged clusters."""
    by_cluster: dict[str, set[str | None]] = defaultdict(set)
    by_event: dict[str, set[str]] = defaultdict(set)
    for d in details:
        by_cluster[d["cluster"]].add(d["predicted_event"])
        if d["predicted_event"]:
            by_event[d["predicted_event"]].add(d["cluster"])
    for cluster, events in sorted(by_cluster.items()):
        if None in events:
            console.print(f"[yellow]not extracted[/] in {cluster}")
        if len(events - {None}) > 1:
            console.print(f"[yellow]split[/] {cluster} into {len(events - {None})} events")
    for event, clusters in sorted(by_event.items()):
        if len(clusters) > 1:
            console.print(f"[magenta]merged[/] {', '.join(sorted(clusters))} as {event}")


def corpus_table(by_corpus: dict[str, dict[str, Any]]) -> Table:
    """One row per corpus: documents, gold events, event P/R/F1, fields, positions, theatre."""
    table = Table(title="Per corpus")
    table.add_column("corpus")
    for col in ("docs", "gold", "P", "R", "F1", "fields", "pos F1", "theatre"):
        table.add_column(col, justify="right")
    for name, row in sorted(by_corpus.items()):
        events, positions = row["events"], row["positions"]
        table.add_row(
            name,
            str(row["documents"]),
            str(row["gold_events"]),
            _pct(events["precision"]),
            _pct(events["recall"]),
            _pct(events["f1"]),
            _pct(row["fields.all"]),
            _pct(positions["f1"]),
            _pct(row["theatre"]),
        )
    return table


def summary_line(report: Report, label: str) -> str:
    """The one line a script or a closing note quotes."""
    gold = report.extra.get("gold", {})
    metrics = report.metrics()

    def fig(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    theatre = metrics.get("fields.theatre")
    return (
        f"SUMMARY {label}: {gold.get('documents', len(report.documents))} documents, "
        f"{gold.get('events', report.events.tp + report.events.fn)} gold events | "
        f"events P {fig(report.events.precision)} R {fig(report.events.recall)} "
        f"F1 {fig(report.events.f1)} | fields {fig(report.field_accuracy.value)} | "
        f"positions F1 {fig(report.positions.f1)} | "
        f"place→oblast {fig(report.place_resolution.value)} | "
        f"theatre {fig(theatre) if theatre is not None else 'not labelled by the extractor'}"
    )
