"""The whole job in order — ingest, extract, consolidate — as library calls.

The CLI's ``demo`` and ``extract`` commands and the API's write endpoint all run these, so
the sequence and its bookkeeping (runs, per-source counts) live in one place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warledger.ingest.summary import IngestSummary
    from warledger.ledger.consolidated_store import ConsolidationSummary
    from warledger.ledger.store import Store
    from warledger.nlp.extract import Extractor
    from warledger.types import Document, DocumentResult

LOGGER = logging.getLogger(__name__)


CHUNK = 32  # documents handed to the parser at once; a failure re-runs only its chunk


@dataclass
class ExtractSummary:
    documents: int = 0
    events: int = 0
    positions: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, reason)
    per_source: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def extract_pending(
    store: Store,
    *,
    redo_all: bool = False,
    extractor: Extractor | None = None,
    on_start: Callable[[int], None] | None = None,
    on_document: Callable[[str], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> ExtractSummary:
    """Extract every stored document this extractor version has not read (or all).

    Each document's mentions and positions are saved in their own transaction, so an
    interruption keeps what was done. A document whose extraction raises is reported
    (``on_error(doc_id, reason)``), counted and left pending; the others go on. The run
    is recorded for coverage health.
    """
    from warledger.nlp.extract import EXTRACTOR_VERSION, Extractor

    started = datetime.now(UTC)
    summary = ExtractSummary()
    pending = list(store.pending_documents(extractor_version=EXTRACTOR_VERSION, redo_all=redo_all))
    if on_start is not None:
        on_start(len(pending))
    status = "failed"
    try:
        if pending:
            extractor = extractor or Extractor()
        for first in range(0, len(pending), CHUNK):
            for doc, result in extract_chunk(
                extractor, pending[first : first + CHUNK], summary, on_error
            ):
                store.save_extraction(doc.doc_id, result, extractor_version=EXTRACTOR_VERSION)
                summary.documents += 1
                summary.events += len(result.events)
                summary.positions += len(result.positions)
                per = summary.per_source.setdefault(doc.source or "unknown", {"documents": 0})
                per["documents"] += 1
                if on_document is not None:
                    on_document(doc.doc_id)
        status = "ok" if not summary.failed else "partial"
    finally:
        counts = {
            "documents": summary.documents,
            "events": summary.events,
            "positions": summary.positions,
            "failed": len(summary.failed),
            "status": status,
        }
        store.record_run("extract", counts, summary.per_source, started, datetime.now(UTC))
    return summary


def extract_chunk(
    extractor: Extractor | None,
    docs: list[Document],
    summary: ExtractSummary,
    on_error: Callable[[str, str], None] | None = None,
) -> Iterator[tuple[Document, DocumentResult]]:
    """Results for a chunk; when the batch fails, each document alone, skipping failures.

    Every engine (this process, a Ray actor) extracts through here, so they agree."""
    assert extractor is not None
    try:
        results = list(extractor.extract_many(docs))
    except Exception:  # one bad document must not stop the run: retry one by one
        LOGGER.warning("a batch failed; extracting its %d documents one by one", len(docs))
    else:
        yield from zip(docs, results, strict=True)
        return
    for doc in docs:
        try:
            (result,) = list(extractor.extract_many([doc]))
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
            LOGGER.exception("extraction failed for %s", doc.doc_id)
            summary.failed.append((doc.doc_id, reason))
            if on_error is not None:
                on_error(doc.doc_id, reason)
            continue
        yield doc, result


@dataclass
class PipelineSummary:
    ingest: IngestSummary
    extract: ExtractSummary
    consolidate: ConsolidationSummary


def run_pipeline(
    store: Store,
    sources: Iterable[str],
    *,
    progress: bool = True,
    **ingest_options: Any,
) -> PipelineSummary:
    """Ingest ``sources``, extract what is new, and bring consolidated events up to date."""
    from warledger.ingest.run import ingest
    from warledger.ledger.consolidated_store import run_consolidation

    ingested = ingest(sources, store, progress=progress, **ingest_options)
    extracted = extract_pending(store)
    consolidated = run_consolidation(store)
    return PipelineSummary(ingested, extracted, consolidated)
