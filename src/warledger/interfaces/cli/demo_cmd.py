"""``warledger demo``: the main job on the bundled corpus about the Russia–Ukraine war."""

from __future__ import annotations

from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from warledger.interfaces.cli.common import DbOption, JsonOption, console, err_console, print_json
from warledger.settings import DEMO_CORPUS, db_url


def demo(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Build a ledger of the Russia–Ukraine war in 2025 from the bundled corpus and
    summarise it.

    The corpus: 171 days of Wikipedia's "Portal:Current events" (CC BY-SA 4.0, Wikipedia
    contributors) and six Voice of America stories (public domain). It is ingested,
    extracted and consolidated. Re-running it changes nothing: the documents are already
    in the ledger.
    """
    from warledger.ingest.run import ingest
    from warledger.ledger.consolidated_store import run_consolidation
    from warledger.ledger.store import Store
    from warledger.workflow import extract_pending

    url = db_url(db)
    with Store.open(url) as store:
        ingested = ingest([str(p) for p in DEMO_CORPUS], store, progress=not as_json)
        with _progress(enabled=not as_json) as (start, advance):
            extracted = extract_pending(store, on_start=start, on_document=advance)
        consolidated = run_consolidation(store)
        stats = store.stats(top=10)
    summary = {
        "ledger": url,
        "ingest": ingested.to_dict() if hasattr(ingested, "to_dict") else vars(ingested),
        "extract": extracted.to_dict(),
        "consolidate": consolidated.to_dict(),
        "stats": stats,
    }
    if as_json:
        print_json(summary)
        return
    _print_summary(summary)


class _progress:
    """A rich progress bar on stderr driven by ``extract_pending``'s callbacks."""

    def __init__(self, *, enabled: bool) -> None:
        self.bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            disable=not enabled,
        )
        self.task: Any = None

    def __enter__(self) -> tuple[Any, Any]:
        self.bar.__enter__()
        return self._start, self._advance

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(*exc)

    def _start(self, total: int) -> None:
        self.task = self.bar.add_task("extract", total=total)

    def _advance(self, _doc_id: str) -> None:
        self.bar.advance(self.task)


def _print_summary(summary: dict[str, Any]) -> None:
    stats = summary["stats"]
    ingest = summary["ingest"]
    console.print(f"\n[bold]warledger demo[/] — ledger at {summary['ledger']}")
    console.print(
        f"documents: {stats['documents']} in the ledger "
        f"({ingest.get('new', 0)} new this run, {ingest.get('duplicate', 0)} already there); "
        f"{stats['extracted_documents']} extracted; languages: {_languages(stats['by_language'])}"
    )
    kinds = Table(title="Events by kind", show_edge=False)
    kinds.add_column("kind")
    kinds.add_column("reports (mentions)", justify="right")
    for kind, n in stats["mentions_by_kind"].items():
        kinds.add_row(kind, str(n))
    console.print(kinds)
    cons = summary["consolidate"]
    console.print(
        f"{stats['mentions']} reports consolidated into {cons['events_total']} events; "
        f"{stats['positions']} stated positions"
    )
    places = Table(title="Top places", show_edge=False)
    places.add_column("place")
    places.add_column("oblast / region")
    places.add_column("reports", justify="right")
    for row in stats["top_places"]:
        places.add_row(row["place"], row["admin1"] or "", str(row["mentions"]))
    console.print(places)
    console.print(
        "\nNext: [bold]warledger events[/], [bold]warledger export --format geojson -o "
        "events.geojson[/], [bold]warledger serve[/].\n"
        "Demo corpus: Wikipedia contributors, Portal:Current events (CC BY-SA 4.0 — the "
        "ledger's evidence sentences quote it, so share them alike); Voice of America "
        "(public domain). [bold]warledger about[/] lists every source."
    )


def _languages(by_language: dict[str, int]) -> str:
    """ "en 177" rather than a raw dict."""
    return ", ".join(f"{code} {n}" for code, n in sorted(by_language.items())) or "none"


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
