"""``ingest``: read every source, prepare each document and store it in its own transaction.

A document is prepared completely (cleaned, hashed, signed) before the store is
touched, and the store writes it in one transaction, so a crash or Ctrl-C leaves every
earlier document stored and no half-written one. Near-duplicates are decided here,
against an in-memory LSH index of the ledger's signatures plus this run's new texts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, BinaryIO

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from warledger.errors import InputError
from warledger.ingest.dedup import NearDuplicateIndex, deserialize
from warledger.ingest.limits import DEFAULT_MAX_BYTES
from warledger.ingest.metadata import source_from_url
from warledger.ingest.prepare import prepare
from warledger.ingest.readers import iter_raw
from warledger.ingest.readers.web import Fetcher
from warledger.ingest.summary import IngestSummary

if TYPE_CHECKING:
    from warledger.ledger.store import Store


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str], None]]:
    """A spinner with a running count on stderr; silent when disabled or not a terminal."""
    progress = Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        TextColumn("{task.completed} documents"),
        TextColumn("[dim]{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not enabled,
    )
    with progress:
        task = progress.add_task("", total=None)
        yield lambda origin: progress.update(task, advance=1, description=origin[-60:])


def _now() -> datetime:
    return datetime.now(UTC)


def ingest(
    sources: Iterable[str],
    store: Store,
    *,
    published: str | None = None,
    source: str | None = None,
    allow_private: bool = False,
    progress: bool = True,
    on_error: Callable[[InputError], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
    stdin: BinaryIO | None = None,
) -> IngestSummary:
    """Ingest ``sources`` into ``store``; bad inputs are skipped, counted and reported.

    ``on_error`` is called with each ``InputError`` as it happens (the CLI prints it).
    The run is recorded in the store's runs table, also when interrupted.
    """
    summary = IngestSummary(started_at=_now())
    index = NearDuplicateIndex.from_signatures(store.minhash_signatures())
    items = iter_raw(
        sources,
        published=published,
        source=source,
        allow_private=allow_private,
        fetcher=fetcher,
        max_bytes=max_bytes,
        stdin=stdin,
    )

    def skip(error: InputError) -> None:
        summary.record_skip(error, source or source_from_url(error.origin))
        if on_error is not None:
            on_error(error)

    completed = False
    try:
        with _progress(progress) as advance:
            for item in items:
                if isinstance(item, InputError):
                    skip(item)
                    continue
                try:
                    doc = prepare(item)
                except InputError as error:
                    skip(error)
                    continue
                sig = deserialize(doc.minhash) if doc.minhash else None
                near = index.best_match(sig, exclude=doc.doc_id) if sig is not None else None
                result = store.add_document(doc, near_duplicate_of=near)
                if result.status == "new" and sig is not None:
                    index.add(result.doc_id, sig)
                summary.record_stored(result.status, doc.source, doc.language)
                advance(doc.origin)
        completed = True
    except KeyboardInterrupt:
        summary.interrupted = True
        raise
    finally:
        summary.finished_at = _now()
        status = (
            "ok"
            if completed and summary.ok
            else ("interrupted" if summary.interrupted else "partial" if completed else "failed")
        )
        _record(store, summary, status, raise_errors=completed)
    return summary


def _record(store: Store, summary: IngestSummary, status: str, *, raise_errors: bool) -> None:
    """Write the run to the ledger; while another error is unwinding, never mask it."""
    try:
        store.record_run(
            "ingest",
            {**summary.counts(), "skipped_reasons": summary.skipped_reasons()},
            {name: dict(c) for name, c in summary.per_source.items()},
            summary.started_at,
            summary.finished_at,
            status=status,
        )
    except Exception:
        if raise_errors:
            raise
