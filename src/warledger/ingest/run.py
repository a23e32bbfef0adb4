"""``ingest``: read every source, prepare each document and store it in its own transaction.

A document is prepared completely (cleaned, hashed, signed) before the store is
touched, and the store writes it in one transaction, so a crash or Ctrl-C leaves every
earlier document stored and no half-written one. Near-duplicates are decided here,
against the LSH bands stored in the ledger (an indexed lookup per document, so a check
costs the same however large the ledger); each new document is stored with its bands.
An edited article (same URL or same source id, text still mostly the same) becomes a new
version of the stored one rather than a near-duplicate copy of it, so its new facts are
extracted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, BinaryIO

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from warledger.errors import InputError
from warledger.ingest.dedup import (
    UPDATE_THRESHOLD,
    StoredNearDuplicates,
    band_keys,
    deserialize,
)
from warledger.ingest.limits import DEFAULT_MAX_BYTES
from warledger.ingest.metadata import source_from_url
from warledger.ingest.prepare import prepare
from warledger.ingest.readers import iter_raw
from warledger.ingest.readers.web import Fetcher
from warledger.ingest.summary import IngestSummary

if TYPE_CHECKING:
    from datasketch import LeanMinHash

    from warledger.ledger.store import AddResult, Store
    from warledger.types import Document, RawDocument


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
    The run is recorded in the store's runs table when it starts, and closed with its
    status (ok, partial, failed, interrupted).
    """
    items = iter_raw(
        sources,
        published=published,
        source=source,
        allow_private=allow_private,
        fetcher=fetcher,
        max_bytes=max_bytes,
        stdin=stdin,
    )
    return ingest_items(items, store, source=source, progress=progress, on_error=on_error)


def ingest_items(
    items: Iterable[RawDocument | InputError],
    store: Store,
    *,
    source: str | None = None,
    progress: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    on_stored: Callable[[AddResult], None] | None = None,
) -> IngestSummary:
    """Prepare and store already-read documents (what ``ingest`` does after reading).

    The API's write endpoint and the CLI share this, so both find duplicates,
    near-duplicates and updated articles the same way and record their runs.
    """
    summary = IngestSummary(started_at=_now())
    run_id = store.start_run("ingest")
    index = StoredNearDuplicates(store.band_candidates)

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
                except Exception as exc:  # one odd document never stops the batch
                    skip(InputError(item.origin, f"could not be prepared ({type(exc).__name__})"))
                    continue
                result = _store_one(store, index, doc)
                summary.record_stored(result.status, doc.source, doc.language)
                if on_stored is not None:
                    on_stored(result)
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
        _record(store, run_id, summary, status, raise_errors=completed)
    return summary


def _store_one(store: Store, index: StoredNearDuplicates, doc: Document) -> AddResult:
    """Store one prepared document as new, updated, duplicate or near-duplicate."""
    sig = deserialize(doc.minhash) if doc.minhash else None
    previous = _updates(store, doc, sig)
    near = None
    if previous is None and sig is not None:
        near = index.best_match(sig, exclude=doc.doc_id)
    bands = band_keys(sig) if sig is not None else []
    return store.add_document(doc, near_duplicate_of=near, update_of=previous, bands=bands)


def _updates(store: Store, doc: Document, sig: LeanMinHash | None) -> str | None:
    """The stored version ``doc`` updates: the current document from the same URL (or
    with the same id from the same source) whose text differs but is still mostly the
    same article. A different article at that URL is not an update."""
    if sig is None or not (doc.url or doc.external_id):
        return None
    stored = store.current_version(url=doc.url, external_id=doc.external_id, source=doc.source)
    if stored is None or stored.content_hash == doc.content_hash or stored.minhash is None:
        return None
    if sig.jaccard(deserialize(stored.minhash)) < UPDATE_THRESHOLD:
        return None
    return stored.doc_id


def _record(
    store: Store, run_id: int, summary: IngestSummary, status: str, *, raise_errors: bool
) -> None:
    """Close the run in the ledger; while another error is unwinding, never mask it."""
    try:
        store.finish_run(
            run_id,
            status,
            {**summary.counts(), "skipped_reasons": summary.skipped_reasons()},
            {name: dict(c) for name, c in summary.per_source.items()},
        )
    except Exception:
        if raise_errors:
            raise
