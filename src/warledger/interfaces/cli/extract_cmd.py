"""``warledger extract`` (ledger or files) and ``warledger bench``."""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from warledger.errors import InputError
from warledger.interfaces.cli.common import (
    DbOption,
    JsonOption,
    QuietOption,
    console,
    err_console,
    fail,
    print_json,
)
from warledger.types import Document


class Engine(enum.StrEnum):
    """Where extraction runs."""

    local = "local"
    ray = "ray"


def extract(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, directories, '-' or URLs to extract directly (needs --output); "
            "without them, extract the ledger's pending documents.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="JSON Lines output path for FILE mode ('-': stdout); with --engine ray, "
            "a directory of JSON Lines shards.",
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Reference date for inputs that carry none (ISO)."),
    ] = None,
    redo_all: Annotated[
        bool, typer.Option("--all", help="Re-extract every document, not only pending ones.")
    ] = False,
    engine: Annotated[
        Engine,
        typer.Option("--engine", help="Where to extract: this process, or a Ray cluster."),
    ] = Engine.local,
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            help="Ray cluster to join ('auto', or ray://HOST:10001); default: a local Ray.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, help="Ray actors, one CPU and one pipeline each."),
    ] = 2,
    consolidate: Annotated[
        bool,
        typer.Option(
            "--consolidate/--no-consolidate",
            help="After extracting into the ledger, merge the new reports into events "
            "(as `warledger consolidate` does); said in the output either way.",
        ),
    ] = True,
    db: DbOption = None,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Extract events and positions.

    Without FILES: every ingested document not yet extracted by this extractor version
    (or all with --all) is extracted and stored, then the consolidated events are brought
    up to date (--no-consolidate leaves that to `warledger consolidate`); the output says
    which. Re-running does nothing new.
    With FILES and --output: each input document becomes one ledger-schema JSON line,
    in input order, read and cleaned exactly as ``ingest`` does; no ledger is touched.
    With --engine ray the work is spread over a pool of Ray actors (see docs/scaling.md):
    results are identical; FILE mode then writes shards part-NNNNNN.jsonl into --output.
    """
    if published:
        _check_date(published)
    if engine is Engine.local and address:
        raise fail("--address needs --engine ray", 2)
    if files:
        if not output:
            raise fail("FILE mode needs --output PATH (or -o - for stdout)", 2)
        if engine is Engine.ray:
            if output == "-":
                raise fail("--engine ray writes shards: --output must be a directory", 2)
            ok = _extract_files_ray(
                files, output, published=published, address=address, workers=workers
            )
        else:
            ok = _extract_files(files, output, published=published, quiet=quiet)
        raise typer.Exit(0 if ok else 1)
    if output:
        raise fail("--output needs input FILES; the ledger mode stores its results", 2)
    ray_options = {"address": address, "workers": workers} if engine is Engine.ray else None
    try:
        counts = _extract_store(
            db, redo_all=redo_all, quiet=quiet, ray_options=ray_options, consolidate=consolidate
        )
    except KeyboardInterrupt:
        err_console.print("interrupted: documents extracted so far are kept")
        raise typer.Exit(130) from None
    if as_json:
        print_json(counts)
    elif not quiet:
        console.print(
            f"extracted {counts['documents']} documents: {counts['events']} events, "
            f"{counts['positions']} positions"
        )
        if counts["consolidated_events"] is not None:
            console.print(
                f"consolidated: {counts['consolidated_events']} events in the ledger "
                "(--no-consolidate to skip; `warledger consolidate` does it on its own)"
            )
        else:
            console.print("not consolidated: run `warledger consolidate` to update the events")
    if counts["failed"]:
        raise typer.Exit(1)  # the failed documents stay pending and were named above


def _check_date(value: str) -> None:
    from warledger.nlp.extract import parse_published

    try:
        parse_published(value)
    except ValueError as exc:
        raise fail(f"--published: not a date: {value!r}", 2) from exc


@contextmanager
def _open_output(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        return
    with Path(path).open("w", encoding="utf-8") as handle:
        yield handle


class _Inputs:
    """The prepared documents of FILE mode, in order; bad inputs named and counted."""

    def __init__(self, files: list[str], published: str | None) -> None:
        self.files = files
        self.published = published
        self.skipped = 0

    def __iter__(self) -> Iterator[Document]:
        from warledger.ingest.prepare import prepare
        from warledger.ingest.readers import iter_raw

        for item in iter_raw(self.files):
            try:
                if isinstance(item, InputError):
                    raise item
                if self.published and not item.published:
                    item.published = self.published
                yield prepare(item)
            except InputError as error:
                self.skipped += 1
                err_console.print(f"[red]skipped[/] {error.origin}: {error.reason}")


def _extract_files(files: list[str], output: str, *, published: str | None, quiet: bool) -> bool:
    """Read, clean and extract the inputs in order; ``False`` when some were skipped."""
    from warledger.nlp.extract import Extractor

    inputs = _Inputs(files, published)
    extractor = Extractor()
    with _open_output(output) as out:
        for result in extractor.extract_many(inputs):
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
    return inputs.skipped == 0


def _extract_files_ray(
    files: list[str], output: str, *, published: str | None, address: str | None, workers: int
) -> bool:
    """FILE mode on Ray: shards in ``output``; ``False`` when some inputs failed."""
    from warledger.distributed.ray_extract import RayPool, extract_to_shards, ray_session

    inputs = _Inputs(files, published)
    with ray_session(address, workers=workers) as ray:
        pool = RayPool(ray, workers)
        written, failed = extract_to_shards(
            pool,
            inputs,
            output,
            on_error=lambda doc_id, reason: err_console.print(f"[red]failed[/] {doc_id}: {reason}"),
        )
    err_console.print(f"extracted {written} documents into {output}")
    return inputs.skipped == 0 and failed == 0


def _extract_store(
    db: str | None,
    *,
    redo_all: bool,
    quiet: bool,
    ray_options: dict[str, Any] | None = None,
    consolidate: bool = True,
) -> dict[str, int | None]:
    """Extract the ledger's pending documents, then (unless told not to) bring the
    consolidated events up to date, and say which it did."""
    from warledger.ledger.consolidated_store import run_consolidation
    from warledger.ledger.store import Store
    from warledger.settings import db_url
    from warledger.workflow import extract_pending

    progress = Progress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
    )
    task = progress.add_task("extract", total=None)
    callbacks: dict[str, Any] = {
        "redo_all": redo_all,
        "on_start": lambda total: progress.update(task, total=total),
        "on_document": lambda _doc_id: progress.advance(task),
        "on_error": lambda doc_id, reason: err_console.print(
            f"[red]failed[/] {doc_id}: {reason}", soft_wrap=True
        ),
    }
    with Store.open(db_url(db)) as store:
        if ray_options is None:
            with progress:
                summary = extract_pending(store, **callbacks)
        else:
            from warledger.distributed.ray_extract import (
                RayPool,
                extract_pending_ray,
                ray_session,
            )

            with ray_session(ray_options["address"], workers=ray_options["workers"]) as ray:
                pool = RayPool(ray, ray_options["workers"])
                with progress:
                    summary = extract_pending_ray(store, pool, **callbacks)
        consolidated = run_consolidation(store) if consolidate else None
    return {
        "documents": summary.documents,
        "events": summary.events,
        "positions": summary.positions,
        "consolidated_events": consolidated.events_total if consolidated else None,
        "failed": len(summary.failed),
    }


def bench(
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="JSON Lines corpus (default: the 89 packaged VOA stories)."),
    ] = None,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Passes over the corpus.")] = 1,
    as_json: JsonOption = False,
) -> None:
    """Measure extraction speed, peak memory and the cost over the bare spaCy parse."""
    from warledger.bench.run import bench_corpus, load_texts, run_bench

    texts = load_texts(corpus or bench_corpus())
    if not texts:
        raise fail(f"no texts in {corpus}", 2)
    result = run_bench(texts, repeat=repeat)
    if as_json:
        print_json(result.to_dict())
        return
    console.print(
        f"{result.articles} articles x {result.repeat}: "
        f"{result.articles_per_second:.1f} articles/s, {result.tokens_per_second:.0f} tokens/s; "
        f"peak RSS {result.peak_rss_mb:.0f} MB; "
        f"extraction/parse time ratio {result.ratio:.2f} "
        f"(parse {result.parse_seconds:.1f}s, extract {result.extract_seconds:.1f}s)"
    )


def register(app: typer.Typer) -> None:
    """Add ``extract`` and ``bench`` to the CLI."""
    app.command("extract")(extract)
    app.command("bench")(bench)
